/*
 * xml.c - the expat set-up shared by the GPX and TCX readers
 * (formats/xml_int.h): a namespace-aware streaming parser whose
 * allocations go through util/alloc.h, that refuses entity declarations
 * (billion laughs, external entities), limits nesting, and reports the
 * line and column of malformed input; plus locale-free number and
 * ISO 8601 time parsers.
 */
/* Debian's libexpat is built with DTD support (its expat_config.h says so),
 * but expat.h declares the billion-laughs settings only under XML_DTD. */
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include "formats/xml_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/date.h>
#include <tendo/errors.h>

#include "util/alloc.h"

#define CHUNK (64u * 1024u)              /* bytes given to expat per call */
#define DEFAULT_MAX_BYTES (512u << 20)   /* 512 MiB */
#define NS_SEP '\x01'                    /* cannot occur in a namespace URI: not an XML 1.0 character */

/* Set when an allocation for expat failed during this thread's parse:
 * expat reports some of those as "unbound prefix", not as out of memory. */
static _Thread_local bool alloc_failed;

static void *xml_malloc(size_t n)
{
	void *p = tendo_malloc(n);
	alloc_failed |= p == NULL;
	return p;
}

static void *xml_realloc(void *q, size_t n)
{
	void *p = tendo_realloc(q, n);
	alloc_failed |= p == NULL;
	return p;
}

void XMLCALL tendo_xml_chars(void *ud, const XML_Char *s, int n)
{
	tendo_xml *x = ud;
	if (!x->want)
		return;
	size_t room = sizeof(x->text) - 1 - x->tlen;
	size_t k = (size_t)n;
	if (k > room) {
		k = room;
		x->tover = true;
	}
	memcpy(x->text + x->tlen, s, k);
	x->tlen += k;
}

/* Any entity declaration stops the parse: activity files never need one,
 * and refusing them closes exponential expansion and external entities. */
static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *system_id, const XML_Char *public_id,
                              const XML_Char *notation)
{
	(void)is_param, (void)value, (void)value_len, (void)base, (void)system_id, (void)public_id, (void)notation;
	tendo_xml_fail(ud, TENDO_EFORMAT, "entity declaration '%.40s' refused", name);
}

void tendo_xml_fail(tendo_xml *x, int code, const char *fmt, ...)
{
	if (x->err)
		return;
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x->err = code;
	x->err_line = (unsigned long)XML_GetCurrentLineNumber(x->p) + x->line_base;
	x->err_col = (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1;
	tendo_error_set(code, "line %lu, column %lu: %s", x->err_line, x->err_col, msg);
	XML_StopParser(x->p, XML_FALSE);
}

int tendo_xml_open(tendo_xml *x, const tendo_read_limits *lim, void *ud, XML_StartElementHandler start,
                   XML_EndElementHandler end)
{
	static const XML_Memory_Handling_Suite mem = { xml_malloc, xml_realloc, free };
	static const XML_Char sep[2] = { NS_SEP, '\0' };

	memset(x, 0, sizeof(*x));
	x->max_depth = lim && lim->max_depth ? lim->max_depth : TENDO_XML_MAX_DEPTH;
	x->p = XML_ParserCreate_MM(NULL, &mem, sep);
	if (!x->p)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for the xml parser");
	XML_SetUserData(x->p, ud);
	XML_SetElementHandler(x->p, start, end);
	XML_SetEntityDeclHandler(x->p, on_entity);
	XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
	/* belt and braces: entity declarations are refused above anyway */
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(x->p, 10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(x->p, 1024u * 1024u);
#endif
	return 0;
}

void tendo_xml_close(tendo_xml *x)
{
	if (x->p)
		XML_ParserFree(x->p);
	x->p = NULL;
}

int tendo_xml_run(tendo_xml *x, const uint8_t *data, size_t len, const tendo_read_limits *lim, const char *what)
{
	size_t max_bytes = lim && lim->max_bytes ? lim->max_bytes : DEFAULT_MAX_BYTES;
	if (len > max_bytes)
		return tendo_error_set(TENDO_ELIMIT, "%s: %zu bytes exceed the limit of %zu", what, len, max_bytes);
	if (!data)
		data = (const uint8_t *)""; /* (NULL, 0): no arithmetic on a null pointer */

	/* Exporters (Polar) write whitespace before "<?xml", which XML forbids:
	 * skip it, with a UTF-8 byte order mark before it. */
	size_t off = 0;
	if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
		off = 3;
	size_t ws = off;
	while (ws < len && (data[ws] == ' ' || data[ws] == '\t' || data[ws] == '\r' || data[ws] == '\n')) {
		x->line_base += data[ws] == '\n';
		ws++;
	}
	if (ws > off)
		off = ws;
	else
		off = 0; /* leave a lone byte order mark to expat */

	alloc_failed = false;
	const uint8_t *p = data + off;
	size_t left = len - off;
	do {
		size_t n = left < CHUNK ? left : CHUNK;
		int final = n == left;
		if (XML_Parse(x->p, (const char *)p, (int)n, final) != XML_STATUS_OK) {
			if (x->err)
				return x->err;
			enum XML_Error e = XML_GetErrorCode(x->p);
			if (e == XML_ERROR_NO_MEMORY || alloc_failed)
				return tendo_error_set(TENDO_ENOMEM, "%s: out of memory parsing xml", what);
			x->err_line = (unsigned long)XML_GetCurrentLineNumber(x->p) + x->line_base;
			x->err_col = (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1;
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
			if (e == XML_ERROR_AMPLIFICATION_LIMIT_BREACH)
				return tendo_error_set(TENDO_ELIMIT, "%s: line %lu, column %lu: entity expansion too large", what,
				                       x->err_line, x->err_col);
#endif
			return tendo_error_set(TENDO_EFORMAT, "%s: line %lu, column %lu: %s", what, x->err_line, x->err_col,
			                       XML_ErrorString(e));
		}
		p += n;
		left -= n;
	} while (left);
	return 0;
}

int tendo_xml_ns(const char *name, const char **local)
{
	static const struct {
		const char *uri;
		size_t len;
		int id;
	} known[] = {
#define NS(u, id) { u, sizeof(u) - 1, id }
		NS("http://www.topografix.com/GPX/1/1", XNS_GPX11),
		NS("http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2", XNS_TCX2),
		NS("http://www.garmin.com/xmlschemas/TrackPointExtension/v1", XNS_TPX1),
		NS("http://www.garmin.com/xmlschemas/ActivityExtension/v2", XNS_AX2),
		NS("http://www.topografix.com/GPX/1/0", XNS_GPX10),
		NS("http://www.garmin.com/xmlschemas/TrackPointExtension/v2", XNS_TPX2),
		NS("http://www.garmin.com/xmlschemas/GpxExtensions/v3", XNS_GPXX3),
		NS("http://www.cluetrust.com/XML/GPXDATA/1/0", XNS_GPXDATA),
		NS("http://www.garmin.com/xmlschemas/PowerExtension/v1", XNS_PWR),
#undef NS
	};
	const char *s = strchr(name, NS_SEP);
	if (!s) {
		*local = name;
		return XNS_NONE;
	}
	*local = s + 1;
	size_t n = (size_t)(s - name);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].len == n && memcmp(known[i].uri, name, n) == 0)
			return known[i].id;
	return XNS_OTHER;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool tendo_xml_number(const char *s, double *out)
{
	static const double p10[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
		                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
	while (is_space(*s))
		s++;
	bool neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	uint64_t m = 0; /* first 19 significant digits */
	int nd = 0;     /* significant digits in m */
	int e10 = 0;    /* decimal exponent of m */
	bool digits = false;
	for (; is_digit(*s); s++) {
		digits = true;
		if (nd < 19) {
			m = m * 10 + (uint64_t)(*s - '0');
			nd += m != 0;
		} else if (e10 < 100000) {
			e10++; /* a digit past the 19th: only its weight counts */
		}
	}
	if (*s == '.') {
		for (s++; is_digit(*s); s++) {
			digits = true;
			if (nd < 19) {
				m = m * 10 + (uint64_t)(*s - '0');
				nd += m != 0;
				e10--;
			}
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		bool eneg = *s == '-';
		if (*s == '-' || *s == '+')
			s++;
		if (!is_digit(*s))
			return false;
		int e = 0;
		for (; is_digit(*s); s++)
			if (e < 10000)
				e = e * 10 + (*s - '0');
		e10 += eneg ? -e : e;
	}
	while (is_space(*s))
		s++;
	if (*s)
		return false;
	double v = (double)m;
	if (m == 0 || e10 == 0)
		;
	else if (e10 > 0 && e10 <= 22)
		v *= p10[e10];
	else if (e10 < 0 && e10 >= -22)
		v /= p10[-e10];
	else
		v *= pow(10.0, e10);
	if (!isfinite(v))
		return false;
	*out = neg ? -v : v;
	return true;
}

/* n digits at s as an int, or -1. */
static int digits_at(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

bool tendo_xml_time(const char *s, int64_t *out_ms)
{
	while (is_space(*s))
		s++;
	int y = digits_at(s, 4), mo, d, h, mi, sec;
	if (y < 0 || s[4] != '-' || (mo = digits_at(s + 5, 2)) < 0 || s[7] != '-' || (d = digits_at(s + 8, 2)) < 0 ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || (h = digits_at(s + 11, 2)) < 0 || s[13] != ':' ||
	    (mi = digits_at(s + 14, 2)) < 0 || s[16] != ':' || (sec = digits_at(s + 17, 2)) < 0)
		return false;
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60)
		return false;
	s += 19;
	int ms = 0;
	if (*s == '.' || *s == ',') {
		s++;
		if (!is_digit(*s))
			return false;
		for (int k = 0; is_digit(*s); s++, k++)
			if (k < 3)
				ms += (*s - '0') * (k == 0 ? 100 : k == 1 ? 10 : 1);
	}
	int off_s = 0;
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		int sign = *s == '-' ? -1 : 1, oh, om;
		s++;
		if ((oh = digits_at(s, 2)) < 0)
			return false;
		s += 2;
		om = 0;
		if (*s == ':' || is_digit(*s)) { /* "+01:15", "+0115"; "+01" alone */
			s += *s == ':';
			if ((om = digits_at(s, 2)) < 0)
				return false;
			s += 2;
		}
		if (oh > 23 || om > 59)
			return false;
		off_s = sign * (oh * 3600 + om * 60);
	}
	while (is_space(*s))
		s++;
	if (*s)
		return false;
	int64_t days = tendo_date_from_ymd(y, mo, d);
	int64_t t = days * 86400 + h * 3600 + mi * 60 + sec - off_s;
	*out_ms = t * 1000 + ms;
	return true;
}

void tendo_xml_copy_text(char *dst, size_t n, const char *src)
{
	while (is_space(*src))
		src++;
	size_t k = strlen(src);
	while (k && is_space(src[k - 1]))
		k--;
	if (k >= n) {
		k = n - 1;
		while (k && ((unsigned char)src[k] & 0xC0) == 0x80)
			k--; /* do not cut a UTF-8 sequence */
	}
	memcpy(dst, src, k);
	dst[k] = '\0';
}

void tendo_xml_bad_value(tendo_xml *x)
{
	if (!x->bad_values++)
		x->bad_line = (unsigned long)XML_GetCurrentLineNumber(x->p) + x->line_base;
}

bool tendo_xml_text_number(tendo_xml *x, double *v)
{
	if (!x->tover && tendo_xml_number(tendo_xml_text(x), v))
		return true;
	tendo_xml_bad_value(x);
	return false;
}

unsigned tendo_xml_enter(tendo_xml *x)
{
	unsigned d = ++x->depth;
	x->want = 0;
	if (x->err)
		return 0;
	if (d > x->max_depth) {
		tendo_xml_fail(x, TENDO_ELIMIT, "elements nested deeper than %u", x->max_depth);
		return 0;
	}
	return x->skip_below ? 0 : d;
}

unsigned tendo_xml_leave(tendo_xml *x)
{
	unsigned d = x->depth--;
	if (x->err)
		return 0;
	if (x->skip_below) {
		if (d == x->skip_below)
			x->skip_below = 0;
		return 0;
	}
	return d;
}
