// libxml2's SAX2 parser, for reading the XHTML of EPUBs (see MarkupParser.swift).
// Headers from libxml2-dev; the include path comes from pkg-config (libxml-2.0).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers then clash with Foundation's own copy of
// ICU. Lectio never touches an encoding handler's fields (only pointers to them), so the ICU
// parts of libxml2's headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
