/*
 * form.c - application/x-www-form-urlencoded (a POSTed form, a query):
 * name=value pairs split on '&', '+' a space, %XX a byte. Decoded into one
 * copy; anything malformed (a bad escape, a NUL byte, more fields than
 * SRV_FIELDS_MAX) is refused whole rather than half read.
 */
#include <stdlib.h>
#include <string.h>

#include "server_int.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..len) in place into dst (dst may equal s); NUL-terminates.
 * 0, or -1 for a bad escape or a NUL byte. */
static int decode(char *dst, const char *s, size_t len)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (len - i < 3)
				return -1;
			int a = hexval(s[i + 1]), b = hexval(s[i + 2]);
			if (a < 0 || b < 0)
				return -1;
			c = (char)(a * 16 + b);
			i += 2;
		}
		if (c == '\0')
			return -1;
		dst[o++] = c;
	}
	dst[o] = '\0';
	return 0;
}

int form_parse(srv_form *out, const char *s, size_t len)
{
	memset(out, 0, sizeof(*out));
	out->copy = malloc(len + 1);
	if (!out->copy)
		return -1;
	memcpy(out->copy, s, len);
	out->copy[len] = '\0';
	char *p = out->copy, *end = out->copy + len;
	while (p < end) {
		char *amp = memchr(p, '&', (size_t)(end - p));
		char *stop = amp ? amp : end;
		if (stop > p) { /* an empty pair ("a=1&&b=2") is skipped */
			if (out->n == SRV_FIELDS_MAX)
				return -1;
			char *eq = memchr(p, '=', (size_t)(stop - p));
			char *nend = eq ? eq : stop;
			srv_field *f = &out->f[out->n];
			/* decode the value first: it lies after the name */
			if (eq) {
				if (decode(eq + 1, eq + 1, (size_t)(stop - eq - 1)))
					return -1;
				f->value = eq + 1;
			} else {
				f->value = stop; /* becomes "" below */
			}
			if (decode(p, p, (size_t)(nend - p)))
				return -1;
			f->name = p;
			if (!eq) {
				*stop = '\0';
				f->value = stop;
			}
			out->n++;
		}
		p = stop + 1;
	}
	return 0;
}

void form_dispose(srv_form *f)
{
	free(f->copy);
	memset(f, 0, sizeof(*f));
}

const char *form_get(const srv_form *f, const char *name)
{
	for (size_t k = 0; k < f->n; k++)
		if (strcmp(f->f[k].name, name) == 0)
			return f->f[k].value;
	return NULL;
}
