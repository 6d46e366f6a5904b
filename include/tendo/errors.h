/*
 * tendo/errors.h - the one error type of libtendo.
 *
 * Every fallible function returns 0 or a negative tendo_error_code; the
 * numbers are never reused. tendo_error_last() gives a one-line message
 * (lowercase, no full stop) describing the most recent failure on this
 * thread, with the place where it happened.
 */
#ifndef TENDO_ERRORS_H
#define TENDO_ERRORS_H

typedef enum {
	TENDO_OK           =  0,
	TENDO_ERROR        = -1, /* generic: details in tendo_error_last() */
	TENDO_ENOTFOUND    = -2, /* no such entry, file or athlete */
	TENDO_EEXISTS      = -3, /* already there (e.g. athlete already initialised) */
	TENDO_EFORMAT      = -4, /* malformed or truncated input */
	TENDO_EUNSUPPORTED = -5, /* valid input, feature not handled */
	TENDO_ELIMIT       = -6, /* input exceeds a configured bound */
	TENDO_EINVAL       = -7, /* a value out of its allowed range */
	TENDO_ENOMEM       = -8, /* allocation failed */
	TENDO_EBUSY        = -9, /* database locked by another process */
	TENDO_ESTORE       = -10 /* database missing, corrupt or unwritable */
} tendo_error_code;

/* The message of the last error set on this thread; never NULL (may be ""). */
const char *tendo_error_last(void);

/* Set the last error (printf-style) and return code, for `return tendo_error_set(...)`. */
int tendo_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Clear the last error. */
void tendo_error_clear(void);

/* A short name for a code ("EINVAL"), for logs and tests. */
const char *tendo_error_name(int code);

#endif
