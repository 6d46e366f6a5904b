/*
 * buf.c - growable NUL-terminated string with sticky errors (util/buf.h).
 *
 * Capacity doubles from 256 bytes up to TENDO_BUF_MAX + 1.
 */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "util/alloc.h"

#define BUF_MIN_CAP 256

void tendo_buf_init(tendo_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->err = 0;
}

void tendo_buf_dispose(tendo_buf *b)
{
	if (!b)
		return;
	free(b->data);
	tendo_buf_init(b);
}

/* Make room for n more bytes plus the NUL. Returns 0 or the sticky error. */
static int reserve(tendo_buf *b, size_t n)
{
	if (b->err)
		return b->err;
	if (n > TENDO_BUF_MAX || b->len > TENDO_BUF_MAX - n) {
		b->err = tendo_error_set(TENDO_ELIMIT, "text longer than %zu bytes", (size_t)TENDO_BUF_MAX);
		return b->err;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : BUF_MIN_CAP;
	while (cap < need)
		cap *= 2; /* need <= TENDO_BUF_MAX + 1: no overflow */
	char *p = tendo_realloc(b->data, cap);
	if (!p) {
		b->err = tendo_error_set(TENDO_ENOMEM, "out of memory for %zu bytes of text", cap);
		return b->err;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int tendo_buf_put(tendo_buf *b, const char *s, size_t n)
{
	int rc = reserve(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int tendo_buf_puts(tendo_buf *b, const char *s)
{
	return tendo_buf_put(b, s, strlen(s));
}

int tendo_buf_printf(tendo_buf *b, const char *fmt, ...)
{
	if (b->err)
		return b->err;
	va_list ap;
	va_start(ap, fmt);
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = tendo_error_set(TENDO_EINVAL, "text formatting failed");
		return b->err;
	}
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return 0;
	}
	int rc = reserve(b, (size_t)n);
	if (rc) {
		if (b->data)
			b->data[b->len] = '\0'; /* undo the truncated first attempt */
		return rc;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

/* Length of the valid UTF-8 sequence of an XML character at s, or 0. */
static size_t xml_char_len(const unsigned char *s)
{
	unsigned c = s[0];
	if (c < 0x80)
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && s[1] >= 0xa0)
			return 0; /* surrogate */
		if (c == 0xef && s[1] == 0xbf && s[2] >= 0xbe)
			return 0; /* U+FFFE, U+FFFF */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xf4 && s[1] >= 0x90)
			return 0; /* past U+10FFFF */
		return 4;
	}
	return 0;
}

int tendo_buf_put_xml(tendo_buf *b, const char *s)
{
	if (!s)
		return b->err;
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run = p; /* start of bytes to copy as they are */
	int rc = b->err;
	while (*p && !rc) {
		const char *ent = NULL;
		size_t n = 1;
		switch (*p) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default:
			n = xml_char_len(p);
			if (!n) {
				ent = "\xef\xbf\xbd"; /* U+FFFD */
				n = 1;
			}
		}
		if (ent) {
			tendo_buf_put(b, (const char *)run, (size_t)(p - run));
			rc = tendo_buf_puts(b, ent);
			p += n;
			run = p;
		} else {
			p += n;
		}
	}
	if (!rc)
		rc = tendo_buf_put(b, (const char *)run, (size_t)(p - run));
	return rc;
}

char *tendo_buf_take(tendo_buf *b, size_t *out_len)
{
	char *s = NULL;
	size_t len = 0;
	if (!b->err) {
		if (b->data) {
			s = b->data;
			len = b->len;
			b->data = NULL;
		} else if ((s = tendo_malloc(1)) != NULL) {
			s[0] = '\0';
		} else {
			tendo_error_set(TENDO_ENOMEM, "out of memory for an empty text");
		}
	}
	tendo_buf_dispose(b);
	if (out_len)
		*out_len = len;
	return s;
}
