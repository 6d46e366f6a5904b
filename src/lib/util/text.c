/*
 * text.c - stored text made safe for a terminal (tendo/text.h).
 */
#include <tendo/text.h>

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"

/* The length of the valid UTF-8 sequence at s (1-4) with its code point in
 * *cp, or 0 if the bytes there are not one. */
static size_t utf8_seq(const unsigned char *s, size_t left, unsigned *cp)
{
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2, min = 0x80, c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, min = 0x800, c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, min = 0x10000, c &= 0x07;
	} else
		return 0;
	if (left < n)
		return 0;
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

bool tendo_text_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i, &cp);
		if (!n)
			return false;
		i += n;
	}
	return true;
}

char *tendo_text_utf8_repair(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = tendo_malloc(len * 3 + 1), *o = out; /* one byte -> at most 3 */
	if (!out)
		return NULL;
	unsigned cp;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i, &cp);
		if (n == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			memcpy(o, p + i, n);
			o += n;
			i += n;
		}
	}
	*o = '\0';
	return out;
}

static bool shown_escaped(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

char *tendo_text_terminal(const char *s, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), o = 0;
	for (size_t i = 0; i < len;) {
		char piece[12];
		size_t plen;
		unsigned cp;
		size_t n = utf8_seq(p + i, len - i, &cp);
		if (n == 0) {
			plen = (size_t)snprintf(piece, sizeof(piece), "\\x%02x", p[i]);
			n = 1;
		} else if (shown_escaped(cp)) {
			if (cp == '\n')
				plen = (size_t)snprintf(piece, sizeof(piece), "\\n");
			else if (cp == '\t')
				plen = (size_t)snprintf(piece, sizeof(piece), "\\t");
			else if (cp == '\r')
				plen = (size_t)snprintf(piece, sizeof(piece), "\\r");
			else if (cp < 0x80)
				plen = (size_t)snprintf(piece, sizeof(piece), "\\x%02x", cp);
			else
				plen = (size_t)snprintf(piece, sizeof(piece), "\\u%04x", cp);
		} else {
			memcpy(piece, p + i, n);
			plen = n;
		}
		/* keep room for "..." (unless this is the end) and the NUL */
		if (o + plen + (i + n >= len ? 1 : 4) > outsz) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		i += n;
	}
	out[o] = '\0';
	return out;
}
