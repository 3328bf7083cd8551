// libdeflate, for inflating the entries of EPUBs (see EPUBArchive.swift): a whole deflate
// stream into a buffer of its declared size, about twice as fast as zlib's inflate.
// Header from libdeflate-dev; the include path comes from pkg-config (libdeflate).
#include <libdeflate.h>
