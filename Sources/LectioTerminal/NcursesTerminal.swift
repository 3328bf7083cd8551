import CNcursesw
import Glibc
import LectioCore
import LectioUI

/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerminal(String)
    /// A terminal without cursor addressing (`TERM=dumb`).
    case cannotDraw(String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal (use `lectio outline` for scripts)"
        case .termUnset: return "TERM is not set: cannot drive the terminal"
        case .unknownTerminal(let t): return "unknown terminal type '\(VisibleText.sanitized(t))' (TERM): cannot drive the terminal"
        case .cannotDraw(let t):
            return "terminal type '\(VisibleText.sanitized(t))' (TERM) cannot move the cursor, so the reader cannot draw on it; use a full terminal, or `lectio outline` for plain output"
        }
    }
}

/// The ncurses terminal: presents `Screen`s and reads keys. The only user of curses.
public final class NcursesTerminal: TerminalDevice {
    private let screen: OpaquePointer
    /// Colours and attributes per role (the config file's `[theme]`).
    let theme: Theme
    private let useColor: Bool
    private var ended = false
    private var errors = 0
    /// Wakes `nextKey()` from another thread (see `Wakeup`).
    public let wakeup = Wakeup()
    /// The clusters written directly in the last frame.
    private var lastDirect: [DirectCluster] = []

    /// Sets the locale from the environment, falling back to UTF-8 when it is not, so that
    /// wide characters are drawn and measured right. Call before anything measures text.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        if !isUTF8() {
            for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil && isUTF8() { break }
        }
    }

    static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Character widths as ncurses sees them: libc `wcwidth`.
    public static let measure = CharacterWidth { scalar in Int(wcwidth(wchar_t(bitPattern: scalar.value))) }

    /// Checks that this process can drive a terminal, without touching it.
    public static func check() throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw TerminalError.termUnset }
        var status: Int32 = 0
        if setupterm(term, 1, &status) != OK { throw TerminalError.unknownTerminal(term) }
        let addressable = lectio_has_cursor_addressing() != 0
        del_curterm(cur_term_shim())
        if !addressable { throw TerminalError.cannotDraw(term) }
    }

    /// Starts curses on the controlling terminal, after checking (without touching it) that
    /// there is one, and after installing the signal handlers that restore it.
    public init(mouse: Bool, color: Bool, theme: Theme = .standard) throws {
        self.theme = theme
        try Self.check()
        TerminalSignals.install()
        // The window's real size wins over LINES/COLUMNS in the environment: a full-screen
        // reader must follow resizes.
        use_tioctl(true)
        guard let s = newterm(nil, lectio_stdout(), lectio_stdin()) else {
            throw TerminalError.unknownTerminal(String(cString: getenv("TERM")))
        }
        screen = s
        raw()
        noecho()
        nonl()
        keypad(lectio_stdscr(), true)
        // A key is waited for a second at most: then the app is told (`Key.tick`), so that it
        // can look at the notes file even while the reader only reads.
        wtimeout(lectio_stdscr(), Self.tickMilliseconds)
        curs_set(0)
        set_escdelay(25)
        useColor = color && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            for (i, role) in Style.Role.allCases.enumerated() {
                let entry = theme.entry(for: role)
                init_pair(Int16(i + 1), Int16(entry.foreground ?? -1), Int16(entry.background ?? -1))
            }
        }
        if mouse {
            mousemask(lectio_mouse_mask(), nil)
            mouseinterval(0)
        }
    }

    /// The colour of a role (the theme's foreground; -1 the terminal's own).
    func color(for role: Style.Role) -> Int16 { Int16(theme.entry(for: role).foreground ?? -1) }

    deinit { end() }

    /// Restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
    }

    /// Leaves curses (the terminal back in the mode the shell had), runs `body` — a child
    /// program that owns the terminal meanwhile — then takes the terminal back, throws away
    /// whatever input is pending (a terminal's late answers to the child's queries must not
    /// become keys) and repaints the whole screen.
    public func suspend(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        fflush(lectio_stdout())
        body()
        reset_prog_mode()
        // Answers to the child's queries (cursor position, colours) may still be on their way.
        usleep(40_000)
        flushinp()
        tcflush(0, TCIFLUSH)
        clearok(lectio_curscr(), true)
        wrefresh(lectio_stdscr())
    }

    public var size: (width: Int, height: Int) { (Int(lectio_cols()), Int(lectio_lines())) }

    func attributes(_ style: Style) -> attr_t {
        var a = lectio_a_normal()
        let attributes = style.attributes.union(theme.entry(for: style.role).attributes)
        if attributes.contains(.bold) { a |= lectio_a_bold() }
        if attributes.contains(.reverse) { a |= lectio_a_reverse() }
        if attributes.contains(.underline) { a |= lectio_a_underline() }
        if attributes.contains(.dim) { a |= lectio_a_dim() }
        if attributes.contains(.italic) { a |= lectio_a_italic() }
        return a
    }

    /// Presents a frame. Cells curses can hold (a character and its combining marks) go
    /// through curses; a cluster it cannot (a flag, a ZWJ family, a skin tone: more than one
    /// spacing character) is left blank in curses and written directly after the refresh, at
    /// its position, by absolute cursor moves — so the columns after it stay where they belong.
    public func present(_ frame: Screen) {
        let window = lectio_stdscr()
        werase(window)
        var cc = cchar_t()
        var direct: [DirectCluster] = []
        for y in 0..<min(frame.height, size.height) {
            for x in 0..<min(frame.width, size.width) {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                if cell.text == " " && cell.style == .plain { continue }
                let text = Self.drawable(cell.text)
                let pair = colorPair(cell.style)
                if Self.needsDirectOutput(text) {
                    let columns = frame.measure.width(of: Character(text))
                    direct.append(DirectCluster(y: y, x: x, text: text, style: cell.style))
                    // Curses keeps blanks of the cluster's style in its place.
                    for k in 0..<max(1, columns) where x + k < size.width {
                        var blank: [wchar_t] = [32, 0]
                        _ = blank.withUnsafeMutableBufferPointer { setcchar(&cc, $0.baseAddress, attributes(cell.style), pair, nil) }
                        mvwadd_wch(window, Int32(y), Int32(x + k), &cc)
                    }
                    continue
                }
                var chars = text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                chars.append(0)
                _ = chars.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, attributes(cell.style), pair, nil) }
                mvwadd_wch(window, Int32(y), Int32(x), &cc)
            }
        }
        // Rows where a directly written cluster stood and no longer does: curses believes they
        // hold blanks, so it must repaint them whole.
        for row in Set(lastDirect.map(\.y)) where lastDirect.filter({ $0.y == row }) != direct.filter({ $0.y == row }) {
            wredrawln(window, Int32(row), 1)
        }
        wrefresh(window)
        if !direct.isEmpty {
            let (y, x) = (lectio_physical_y(), lectio_physical_x())
            for cluster in direct {
                lectio_move_to(Int32(cluster.y), Int32(cluster.x))
                vid_attr(attributes(cluster.style), colorPair(cluster.style), nil)
                putp(cluster.text)
            }
            vid_attr(lectio_a_normal(), 0, nil)
            // Back to where curses believes the cursor is. `putp` writes through stdio (curses
            // flushed its own buffer at the refresh): flush it now, after curses' output.
            lectio_move_to(y, x)
            fflush(lectio_stdout())
        }
        lastDirect = direct
    }

    /// A cluster written outside curses, and where.
    struct DirectCluster: Equatable {
        var y: Int, x: Int, text: String, style: Style
    }

    func colorPair(_ style: Style) -> Int16 {
        useColor ? Int16((Style.Role.allCases.firstIndex(of: style.role) ?? 0) + 1) : 0
    }

    /// A cell's text with every control character as its visible symbol and no trailing
    /// joiner (which would join whatever the terminal draws next): the last guard before the
    /// terminal.
    static func drawable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView(text.unicodeScalars.map { VisibleText.replacement(for: $0) ?? $0 })
        while let last = scalars.last, last.value == 0x200D, scalars.count > 1 { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether curses cannot hold `text` in one cell: more than one spacing character (flags,
    /// ZWJ sequences, skin-tone modifiers), or more than its five characters a cell holds.
    static func needsDirectOutput(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        if scalars.count > 4 { return true }
        return scalars.dropFirst().contains { wcwidth(wchar_t(bitPattern: $0.value)) > 0 || $0.value == 0x200D }
    }

    /// How long a key is waited for before a `Key.tick`.
    static let tickMilliseconds: Int32 = 1000

    /// The next key; `.tick` after a second without one, or at once when `wakeup` is woken
    /// (work on another thread has a result); `nil` when input has ended.
    public func nextKey() -> Key? {
        while true {
            if TerminalSignals.pending != 0 { return .interrupt }
            if TerminalSignals.takeResize() { return resized() }
            if wakeup.take() { return .tick }
            // Input curses holds already (the rest of a sequence) comes first, without waiting.
            var ch: wint_t = 0
            wtimeout(lectio_stdscr(), 0)
            let status = wget_wch(lectio_stdscr(), &ch)
            wtimeout(lectio_stdscr(), Self.tickMilliseconds)
            if status != ERR {
                errors = 0
                let code = Int32(bitPattern: ch)
                if status == lectio_key_code_yes() { return functionKey(code) }
                return characterKey(code)
            }
            // Then wait for input, a wake or the tick, whichever comes first.
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, wakeup.readEnd >= 0 ? 2 : 1, Self.tickMilliseconds)
            if ready == 0 {
                errors = 0
                return .tick
            }
            // A signal (looked at above), or a wake (taken above).
            if ready < 0 || fds[0].revents == 0 { continue }
            // Input that curses then cannot read, again and again, is input gone: stop, don't spin.
            errors += 1
            if errors > 50 { return nil }
        }
    }

    /// Takes the new window size from the kernel and tells curses.
    func resized() -> Key {
        var rows: Int32 = 0, cols: Int32 = 0
        if lectio_window_size(1, &rows, &cols) == 0 { resizeterm(rows, cols) }
        return .resize
    }

    func functionKey(_ code: Int32) -> Key {
        if code == lectio_key_mouse() { return mouseKey() ?? .unknown(Int(code)) }
        return KeyDecoder.functionKey(code)
    }

    /// A character: Esc may start an Alt chord, so the next character is read without waiting.
    func characterKey(_ code: Int32) -> Key {
        KeyDecoder.character(code) {
            wtimeout(lectio_stdscr(), 0)
            defer { wtimeout(lectio_stdscr(), Self.tickMilliseconds) }
            var next: wint_t = 0
            return wget_wch(lectio_stdscr(), &next) == OK ? UInt32(next) : nil
        }
    }

    func mouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if lectio_mouse_is_wheel_up(event.bstate) != 0 { kind = .wheelUp }
        else if lectio_mouse_is_wheel_down(event.bstate) != 0 { kind = .wheelDown }
        else if lectio_mouse_is_click(event.bstate) != 0 { kind = .click }
        else if lectio_mouse_is_release(event.bstate) != 0 { kind = .release }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }
}
