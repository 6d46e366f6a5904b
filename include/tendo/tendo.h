/*
 * tendo/tendo.h - the whole public API of libtendo in one include.
 */
#ifndef TENDO_TENDO_H
#define TENDO_TENDO_H

#define TENDO_VERSION "0.1.0"

#include "errors.h"
#include "date.h"
#include "log.h"
#include "protocol.h"
#include "profile.h"
#include "engine.h"
#include "schedule.h"
#include "store.h"

#endif
