#ifndef VETA_CLIBXML2_SHIM_H
#define VETA_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers would then pull in ICU's unicode/ucnv.h,
   whose types clash with the copy of ICU inside Foundation. Veta never touches the ICU
   converter fields of xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/schemasInternals.h>
#include <libxml/hash.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state. */
static inline void veta_xml_free(void *pointer) { xmlFree(pointer); }

#endif
