/*
 * xml_int.h - what the GPX and TCX readers share (internal): a hardened,
 * streaming expat set-up, namespace lookup, and strict number and time
 * parsers that do not depend on the locale.
 *
 * Exports tendo_xml_open/run/close (one parse of a buffer in 64 KiB
 * chunks, allocations through util/alloc.h), tendo_xml_fail (stop the
 * parse from a handler), tendo_xml_ns (the namespace of an element name),
 * tendo_xml_number, tendo_xml_time and tendo_xml_copy_text.
 *
 * A reader embeds a tendo_xml as the FIRST member of its context and gives
 * that context to tendo_xml_open as the handlers' user data. Text is
 * collected only between tendo_xml_want() and tendo_xml_unwant(): the
 * character-data handler is installed just for that span, so expat does
 * not call back for the whitespace between elements. Handlers keep the
 * depth themselves: ++depth first thing in the start handler (then check
 * max_depth, then skip_below), depth-- first thing in the end handler.
 */
#ifndef TENDO_FORMATS_XML_INT_H
#define TENDO_FORMATS_XML_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <expat.h>

#include <tendo/activity.h>

#define TENDO_XML_TEXT_MAX 256 /* bytes of text kept per element; longer text is cut */
#define TENDO_XML_MAX_DEPTH 64 /* default nesting limit */

/* The namespaces the readers know (tendo_xml_ns). */
enum {
	XNS_NONE = 0,  /* element without a namespace */
	XNS_OTHER,     /* a namespace we do not read */
	XNS_GPX10,     /* http://www.topografix.com/GPX/1/0 */
	XNS_GPX11,     /* http://www.topografix.com/GPX/1/1 */
	XNS_TPX1,      /* Garmin TrackPointExtension v1 */
	XNS_TPX2,      /* Garmin TrackPointExtension v2 */
	XNS_GPXX3,     /* Garmin GpxExtensions v3 */
	XNS_GPXDATA,   /* cluetrust gpxdata 1.0 (Suunto Movescount) */
	XNS_PWR,       /* Garmin PowerExtension v1 */
	XNS_TCX2,      /* Garmin TrainingCenterDatabase v2 */
	XNS_AX2        /* Garmin ActivityExtension v2 */
};

typedef struct {
	XML_Parser p;          /* owned; NULL after tendo_xml_close() */
	unsigned depth;        /* elements open now */
	unsigned max_depth;    /* nesting limit (elements) */
	unsigned skip_below;   /* depth of an element whose content is ignored, 0 = none */
	int err;               /* first failure a handler reported (tendo code), 0 */
	unsigned want;         /* reader's id of the text being collected, 0 = none */
	size_t tlen;           /* bytes in text */
	bool tover;            /* the element's text was longer than the buffer */
	unsigned long line_base; /* lines stripped before the document (leading whitespace) */
	unsigned long err_line, err_col; /* where an expat error was found (1-based) */
	size_t bad_values;     /* values that did not parse (time, ele, ...) */
	unsigned long bad_line;/* line of the first of those */
	char text[TENDO_XML_TEXT_MAX]; /* text of the element being read, NUL-terminated at end */
} tendo_xml;

/*
 * Create the parser: namespace processing on, entity declarations refused,
 * billion-laughs protection tightened, depth limit from lim (NULL = 64).
 * ud must point at a struct whose first member is x.
 * Returns 0 or TENDO_ENOMEM.
 */
int tendo_xml_open(tendo_xml *x, const tendo_read_limits *lim, void *ud, XML_StartElementHandler start,
                   XML_EndElementHandler end);

/*
 * Parse data (whitespace and a UTF-8 byte order mark before the first '<'
 * are skipped) in chunks. Returns 0; or the code a handler gave
 * tendo_xml_fail() (message already set); TENDO_ENOMEM; TENDO_ELIMIT if
 * len exceeds lim->max_bytes; TENDO_EFORMAT for XML that is not
 * well-formed, with "line L, column C: reason" as the message and
 * x->err_line/err_col set. `what` ("gpx", "tcx") starts the messages.
 */
int tendo_xml_run(tendo_xml *x, const uint8_t *data, size_t len, const tendo_read_limits *lim, const char *what);

/* Free the parser (safe twice). */
void tendo_xml_close(tendo_xml *x);

/* From a handler: record code with a message naming the current line and
 * column, and stop the parser. Only the first failure is kept. */
void tendo_xml_fail(tendo_xml *x, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* expat's character-data callback, installed only while text is wanted
 * (most text in these files is whitespace between elements). */
void XMLCALL tendo_xml_chars(void *ud, const XML_Char *s, int n);

/* Start collecting the text of the current element under id `want`. */
static inline void tendo_xml_want(tendo_xml *x, unsigned want)
{
	x->want = want;
	x->tlen = 0;
	x->tover = false;
	XML_SetCharacterDataHandler(x->p, tendo_xml_chars);
}

/* The wanted element ended: stop collecting text. */
static inline void tendo_xml_unwant(tendo_xml *x)
{
	x->want = 0;
	XML_SetCharacterDataHandler(x->p, NULL);
}

/* Ignore everything inside the current element (the reader's end handler
 * clears skip_below when that element ends). */
static inline void tendo_xml_skip(tendo_xml *x)
{
	x->skip_below = x->depth;
}

/* The collected text, NUL-terminated (valid until the next element). */
static inline const char *tendo_xml_text(tendo_xml *x)
{
	x->text[x->tlen] = '\0';
	return x->text;
}

/* Namespace of an expat element name ("uri\x01local" or "local"); *local
 * receives the local part. */
int tendo_xml_ns(const char *name, const char **local);

/*
 * A decimal number: optional whitespace, sign, digits with an optional
 * fraction, optional exponent, optional whitespace. No locale, no hex, no
 * "nan"/"inf"; the result must be finite. Returns false if malformed.
 */
bool tendo_xml_number(const char *s, double *out);

/*
 * An ISO 8601 instant "YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM|-HH:MM|+HHMM]"
 * (no zone = UTC; any number of fraction digits, cut to milliseconds) to
 * UTC milliseconds since 1970. Returns false if malformed or out of range.
 */
bool tendo_xml_time(const char *s, int64_t *out_ms);

/* Copy text into dst (size n): surrounding whitespace trimmed, cut at a
 * UTF-8 character boundary if too long. */
void tendo_xml_copy_text(char *dst, size_t n, const char *src);

/* Count a value that did not parse, remembering the line of the first. */
void tendo_xml_bad_value(tendo_xml *x);
/* The number in the collected text; false (and counted as a bad value) if
 * there is none or the text was cut. */
bool tendo_xml_text_number(tendo_xml *x, double *v);

/* The start of every element handler: count the depth, stop past the
 * limit. Returns the element's depth, or 0 when it is to be ignored (an
 * error was met, too deep, or inside a skipped element). */
unsigned tendo_xml_enter(tendo_xml *x);

/* The start of every element-end handler: count the depth back, leave a
 * skipped element. Returns the depth of the element closing, or 0 when the
 * reader has nothing to do (an error was met, or it was skipped). */
unsigned tendo_xml_leave(tendo_xml *x);

#endif
