#ifndef LECTIO_PSEUDO_TERMINAL_H
#define LECTIO_PSEUDO_TERMINAL_H
#include <stddef.h>

/// Opens a pseudo-terminal's master side; writes the path of its slave side into `name`.
/// Returns the master's descriptor, or -1.
int lectio_open_pseudo_terminal(char *name, size_t length);

/// POSIX_SPAWN_SETSID, which Swift does not see.
short lectio_spawn_setsid_flag(void);

#endif
