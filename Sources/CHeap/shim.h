#ifndef VETA_CHEAP_SHIM_H
#define VETA_CHEAP_SHIM_H

#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

/* Turns off glibc's fast bins: small freed blocks go straight back to the ordinary free lists
   (the per-thread cache in front of them stays). With fast bins on, freeing a large curriculum's
   libxml2 tree leaves millions of blocks in them, and the next larger request walks them all
   (malloc_consolidate: about a tenth of the CPU time of `veta validate` on a 4,000-unit file). */
static inline void veta_heap_no_fast_bins(void) { mallopt(M_MXFAST, 0); }
#else
static inline void veta_heap_no_fast_bins(void) {}
#endif

#endif
