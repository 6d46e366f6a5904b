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

/* The escaped form of the character at p (n bytes, code point cp; n = 0
 * for a stray byte) into piece; returns its length. */
static size_t piece_of(const unsigned char *p, size_t n, unsigned cp, char piece[12])
{
	if (n == 0)
		return (size_t)snprintf(piece, 12, "\\x%02x", p[0]);
	if (!shown_escaped(cp)) {
		memcpy(piece, p, n);
		return n;
	}
	if (cp == '\n')
		return (size_t)snprintf(piece, 12, "\\n");
	if (cp == '\t')
		return (size_t)snprintf(piece, 12, "\\t");
	if (cp == '\r')
		return (size_t)snprintf(piece, 12, "\\r");
	if (cp < 0x80)
		return (size_t)snprintf(piece, 12, "\\x%02x", cp);
	return (size_t)snprintf(piece, 12, "\\u%04x", cp);
}

char *tendo_text_terminal(const char *s, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), o = 0, total = 0;
	char piece[12];
	unsigned cp;
	/* first the whole length, to know whether "..." is needed at all */
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i, &cp);
		total += piece_of(p + i, n, cp, piece);
		i += n ? n : 1;
	}
	bool cut = total + 1 > outsz;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i, &cp);
		size_t plen = piece_of(p + i, n, cp, piece);
		if (cut && o + plen + 4 > outsz) { /* room for "..." and the NUL */
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		i += n ? n : 1;
	}
	out[o] = '\0';
	return out;
}
