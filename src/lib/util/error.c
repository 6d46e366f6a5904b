/*
 * error.c - the last-error message of libtendo (tendo/errors.h).
 *
 * One message per thread; tendo_error_set() formats it and returns the code
 * so callers can write `return tendo_error_set(TENDO_EINVAL, "...")`.
 */
#include <stdarg.h>
#include <stdio.h>

#include <tendo/errors.h>

static _Thread_local char last_msg[512];

const char *tendo_error_last(void)
{
	return last_msg;
}

int tendo_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	va_end(ap);
	return code;
}

void tendo_error_clear(void)
{
	last_msg[0] = '\0';
}

const char *tendo_error_name(int code)
{
	switch (code) {
	case TENDO_OK: return "OK";
	case TENDO_ERROR: return "ERROR";
	case TENDO_ENOTFOUND: return "ENOTFOUND";
	case TENDO_EEXISTS: return "EEXISTS";
	case TENDO_EFORMAT: return "EFORMAT";
	case TENDO_EUNSUPPORTED: return "EUNSUPPORTED";
	case TENDO_ELIMIT: return "ELIMIT";
	case TENDO_EINVAL: return "EINVAL";
	case TENDO_ENOMEM: return "ENOMEM";
	case TENDO_EBUSY: return "EBUSY";
	case TENDO_ESTORE: return "ESTORE";
	default: return "EUNKNOWN";
	}
}
