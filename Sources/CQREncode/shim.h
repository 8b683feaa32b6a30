#ifndef VETA_CQRENCODE_SHIM_H
#define VETA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
