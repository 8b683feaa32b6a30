#ifndef VETA_CZLIB_SHIM_H
#define VETA_CZLIB_SHIM_H
#include <zlib.h>
#endif
