// C shim for ncursesw: feature macros that SwiftPM would drop from pkg-config,
// and functions for the macros and globals that do not import into Swift 6.
#ifndef LECTIO_CNCURSESW_SHIM_H
#define LECTIO_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline TERMINAL *cur_term_shim(void) { return cur_term; }

// Direct output for grapheme clusters a cell of curses cannot hold: absolute cursor moves,
// and where curses believes the terminal's cursor stands.
static inline void lectio_move_to(int y, int x) { putp(tparm(cursor_address, y, x)); }
static inline int lectio_physical_y(void) { return getcury(curscr); }
static inline int lectio_physical_x(void) { return getcurx(curscr); }

/// The terminal's size from the kernel (ioctl is variadic, which Swift cannot call).
static inline int lectio_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline WINDOW *lectio_stdscr(void) { return stdscr; }
static inline WINDOW *lectio_curscr(void) { return curscr; }

/// Whether the terminal set up by setupterm can address the cursor (`cup`): `dumb` cannot.
static inline int lectio_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
static inline int lectio_lines(void) { return LINES; }
static inline int lectio_cols(void) { return COLS; }
static inline FILE *lectio_stdout(void) { return stdout; }
static inline FILE *lectio_stdin(void) { return stdin; }

static inline attr_t lectio_a_normal(void) { return A_NORMAL; }
static inline attr_t lectio_a_reverse(void) { return A_REVERSE; }
static inline attr_t lectio_a_bold(void) { return A_BOLD; }
static inline attr_t lectio_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lectio_a_dim(void) { return A_DIM; }
static inline attr_t lectio_a_italic(void) { return A_ITALIC; }
static inline attr_t lectio_color_pair(int n) { return COLOR_PAIR(n); }

static inline int lectio_key_code_yes(void) { return KEY_CODE_YES; }
static inline int lectio_key_resize(void) { return KEY_RESIZE; }
static inline int lectio_key_up(void) { return KEY_UP; }
static inline int lectio_key_down(void) { return KEY_DOWN; }
static inline int lectio_key_left(void) { return KEY_LEFT; }
static inline int lectio_key_right(void) { return KEY_RIGHT; }
static inline int lectio_key_home(void) { return KEY_HOME; }
static inline int lectio_key_end(void) { return KEY_END; }
static inline int lectio_key_npage(void) { return KEY_NPAGE; }
static inline int lectio_key_ppage(void) { return KEY_PPAGE; }
static inline int lectio_key_enter(void) { return KEY_ENTER; }
static inline int lectio_key_backspace(void) { return KEY_BACKSPACE; }
static inline int lectio_key_btab(void) { return KEY_BTAB; }
static inline int lectio_key_dc(void) { return KEY_DC; }
static inline int lectio_key_mouse(void) { return KEY_MOUSE; }

static inline mmask_t lectio_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int lectio_mouse_is_release(mmask_t m) { return (m & BUTTON1_RELEASED) != 0; }
static inline int lectio_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int lectio_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
/// A press (or a click ncurses put together); the release that follows is not a second click.
static inline int lectio_mouse_is_click(mmask_t m) {
    return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0;
}

#endif
