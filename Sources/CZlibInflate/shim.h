// zlib, for inflating the entries of EPUBs in one call (see EPUBArchive.swift): a whole raw
// deflate stream into a buffer of its declared size. ZIPFoundation uses zlib too (through a
// module of its own that other packages cannot import). Header from zlib1g-dev.
#include <zlib.h>

/// inflateInit2 for a raw deflate stream (no zlib header), as ZIP entries hold it; the macro
/// itself does not come into Swift.
static inline int lectio_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
