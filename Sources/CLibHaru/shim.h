#ifndef VETA_CLIBHARU_SHIM_H
#define VETA_CLIBHARU_SHIM_H
#include <hpdf.h>
#endif
