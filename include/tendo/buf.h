/*
 * tendo/buf.h - a growable NUL-terminated string, for the SVG charts, the
 * HTML report and the server's pages; with the one escape of text that
 * goes into markup (tendo_buf_put_xml: XML and HTML alike).
 *
 * Errors are sticky: after a failed allocation (or growth past
 * TENDO_BUF_MAX) every call does nothing and returns the same code, so a
 * writer appends freely and checks once at the end, through the return of
 * the last call, b->err or tendo_buf_take() returning NULL. Memory comes
 * from util/alloc.h.
 *
 * Exports tendo_buf_init/dispose, tendo_buf_put/puts/printf,
 * tendo_buf_put_xml and tendo_buf_take.
 */
#ifndef TENDO_BUF_H
#define TENDO_BUF_H

#include <stddef.h>

#define TENDO_BUF_MAX ((size_t)1 << 30) /* hard limit on the length, bytes */

typedef struct {
	char *data;  /* the bytes, NUL-terminated once anything was added; NULL when empty */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated (0 when data is NULL) */
	int err;     /* 0, or the sticky error: TENDO_ENOMEM, TENDO_ELIMIT past
	              * TENDO_BUF_MAX, TENDO_EINVAL for a printf encoding error */
} tendo_buf;

/* An empty buffer; allocates nothing. */
void tendo_buf_init(tendo_buf *b);

/* Free the bytes and go back to empty (err cleared). NULL-safe. */
void tendo_buf_dispose(tendo_buf *b);

/* Append n bytes of s (which may hold NULs). Returns 0 or b->err. */
int tendo_buf_put(tendo_buf *b, const char *s, size_t n);

/* Append the string s. Returns 0 or b->err. */
int tendo_buf_puts(tendo_buf *b, const char *s);

/* Append printf-style (the C locale's formats are the caller's concern:
 * %f follows LC_NUMERIC). Returns 0 or b->err. */
int tendo_buf_printf(tendo_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Append s escaped for XML and HTML text and (quoted) attribute values: & < > " ' become
 * entities. Bytes that XML 1.0 cannot carry at all (control characters
 * other than tab, LF and CR; invalid UTF-8; U+FFFE and U+FFFF) become
 * U+FFFD, so the result always parses. NULL appends nothing.
 * Returns 0 or b->err.
 */
int tendo_buf_put_xml(tendo_buf *b, const char *s);

/*
 * Hand the string over: the caller frees it with free(). *out_len (may be
 * NULL) gets its length. An empty buffer gives an allocated "". Returns NULL
 * (and *out_len 0) if b->err is set or that allocation fails. b is empty
 * after either way, with err cleared.
 */
char *tendo_buf_take(tendo_buf *b, size_t *out_len);

#endif
