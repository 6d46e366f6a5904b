/*
 * buf.h - the growable string of the library: public since the server's
 * pages share it and its escape (tendo/buf.h); kept here for the modules
 * that include "util/buf.h".
 */
#ifndef TENDO_UTIL_BUF_H
#define TENDO_UTIL_BUF_H

#include <tendo/buf.h>

#endif
