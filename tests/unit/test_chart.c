/*
 * test_chart.c - the SVG charts and the string buffer under them: nice
 * ticks over several ranges, buffer growth, escaping and sticky errors,
 * line gaps and lone points, empty charts, the data-points count, every
 * output parsed with expat (well-formed, ids and classes, font sizes,
 * x labels apart), no "nan" or "inf" whatever the input, invalid charts,
 * determinism and an allocation-failure sweep.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <expat.h>

#include <tendo/chart.h>
#include <tendo/errors.h>

#include "util/alloc.h"
#include "util/buf.h"

#define near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/* ---- helpers ---- */

static char *render(const tendo_chart *c)
{
	char *s = NULL;
	size_t len = 0;
	int rc = tendo_chart_svg(&s, &len, c);
	if (rc)
		fail_msg("tendo_chart_svg: %s (%s)", tendo_error_name(rc), tendo_error_last());
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* A chart of n daily values from 2026-01-05 with automatic axes. */
static tendo_chart base(const char *id, int n)
{
	tendo_chart c = { .id = id, .title = "Test chart", .x0 = tendo_date_from_ymd(2026, 1, 5), .n = n, .step_days = 1 };
	c.y_min[0] = c.y_min[1] = c.y_max[0] = c.y_max[1] = NAN;
	return c;
}

/* No "nan" or "inf" anywhere, whatever the case. */
static void assert_finite_text(const char *s)
{
	size_t n = strlen(s);
	char *low = malloc(n + 1);
	assert_non_null(low);
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	if (strstr(low, "nan") || strstr(low, "inf"))
		fail_msg("nan or inf in output: %s", s);
	free(low);
}

#define MAX_XL 512

/* What an expat pass over a chart finds. */
typedef struct {
	int depth;
	int elements;
	int svg_elements;         /* <svg> elements (1) */
	char root_id[64];
	char clip_id[80];         /* id of the <clipPath> */
	char clip_ref[96];        /* clip-path of the data group */
	bool root_xmlns, root_viewbox, root_width100, root_fixed_height;
	long data_points;         /* -1 when absent */
	long data_marks;
	int n_series, n_line, n_bar, n_point, n_band, n_span, n_marker, n_legend, n_empty, n_right_axis;
	double min_font;          /* smallest font-size seen */
	int xlabel_depth;         /* depth of the x-label group, 0 outside */
	bool in_text;
	char text[64];
	size_t text_len;
	double text_x;
	int n_xl;
	double xl_x[MAX_XL];      /* x of each x label */
	double xl_w[MAX_XL];      /* estimated width: 0.6 em x 12 per character */
} doc;

static bool has_class(const char **attr, const char *cls)
{
	for (int i = 0; attr[i]; i += 2) {
		if (strcmp(attr[i], "class"))
			continue;
		size_t n = strlen(cls);
		for (const char *p = attr[i + 1]; (p = strstr(p, cls)) != NULL; p += n)
			if ((p == attr[i + 1] || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
				return true;
	}
	return false;
}

static const char *get(const char **attr, const char *name)
{
	for (int i = 0; attr[i]; i += 2)
		if (!strcmp(attr[i], name))
			return attr[i + 1];
	return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attr)
{
	doc *d = ud;
	d->depth++;
	d->elements++;
	const char *v;
	if (!strcmp(name, "svg")) {
		d->svg_elements++;
		assert_int_equal(d->depth, 1);
		v = get(attr, "id");
		snprintf(d->root_id, sizeof(d->root_id), "%s", v ? v : "");
		d->root_xmlns = (v = get(attr, "xmlns")) && !strcmp(v, "http://www.w3.org/2000/svg");
		d->root_viewbox = get(attr, "viewBox") != NULL;
		d->root_width100 = (v = get(attr, "width")) && !strcmp(v, "100%");
		d->root_fixed_height = get(attr, "height") != NULL;
		d->data_points = (v = get(attr, "data-points")) ? strtol(v, NULL, 10) : -1;
		d->data_marks = (v = get(attr, "data-marks")) ? strtol(v, NULL, 10) : -1;
	}
	if (!strcmp(name, "clipPath") && (v = get(attr, "id")))
		snprintf(d->clip_id, sizeof(d->clip_id), "%s", v);
	if (has_class(attr, "data") && (v = get(attr, "clip-path")))
		snprintf(d->clip_ref, sizeof(d->clip_ref), "%s", v);
	if ((v = get(attr, "font-size")))
		d->min_font = fmin(d->min_font, strtod(v, NULL));
	d->n_series += has_class(attr, "series");
	d->n_line += has_class(attr, "line") && !strcmp(name, "path");
	d->n_bar += has_class(attr, "bar");
	d->n_point += has_class(attr, "point");
	d->n_band += has_class(attr, "band");
	d->n_span += has_class(attr, "span");
	d->n_marker += has_class(attr, "marker");
	d->n_legend += has_class(attr, "legend");
	d->n_empty += has_class(attr, "empty");
	d->n_right_axis += has_class(attr, "y-label") && has_class(attr, "right");
	if (has_class(attr, "x-label"))
		d->xlabel_depth = d->depth;
	if (d->xlabel_depth && !strcmp(name, "text")) {
		d->in_text = true;
		d->text_len = 0;
		d->text_x = (v = get(attr, "x")) ? strtod(v, NULL) : NAN;
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	doc *d = ud;
	if (d->in_text && !strcmp(name, "text")) {
		d->in_text = false;
		assert_true(d->n_xl < MAX_XL);
		size_t chars = 0;
		for (size_t i = 0; i < d->text_len; i++)
			chars += ((unsigned char)d->text[i] & 0xc0) != 0x80;
		d->xl_x[d->n_xl] = d->text_x;
		d->xl_w[d->n_xl] = (double)chars * 12 * 0.6;
		d->n_xl++;
	}
	if (d->depth == d->xlabel_depth)
		d->xlabel_depth = 0;
	d->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	doc *d = ud;
	if (!d->in_text)
		return;
	for (int i = 0; i < len && d->text_len + 1 < sizeof(d->text); i++)
		d->text[d->text_len++] = s[i];
}

/* Parse svg with expat (the test fails if it is not well-formed) and check
 * what every chart must have. */
static void parse(doc *d, const char *svg, const char *id)
{
	memset(d, 0, sizeof(*d));
	d->min_font = 1e9;
	XML_Parser p = XML_ParserCreate("UTF-8");
	assert_non_null(p);
	XML_SetUserData(p, d);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, svg, (int)strlen(svg), 1) != XML_STATUS_OK)
		fail_msg("not well-formed at line %lu: %s\n%s", (unsigned long)XML_GetCurrentLineNumber(p),
		         XML_ErrorString(XML_GetErrorCode(p)), svg);
	XML_ParserFree(p);
	assert_int_equal(d->depth, 0);
	assert_int_equal(d->svg_elements, 1);
	assert_string_equal(d->root_id, id);
	assert_true(d->root_xmlns);
	assert_true(d->root_viewbox);
	assert_true(d->root_width100);
	assert_false(d->root_fixed_height);
	assert_true(d->data_points >= 0);
	assert_true(d->data_marks >= 0);
	assert_true(d->min_font >= 11);
	char want[96];
	snprintf(want, sizeof(want), "%s-clip", id);
	assert_string_equal(d->clip_id, want);
	if (d->clip_ref[0]) {
		snprintf(want, sizeof(want), "url(#%s-clip)", id);
		assert_string_equal(d->clip_ref, want);
	}
	/* x labels: left to right, apart, inside the chart */
	for (int i = 1; i < d->n_xl; i++)
		assert_true(d->xl_x[i] - d->xl_w[i] / 2 >= d->xl_x[i - 1] + d->xl_w[i - 1] / 2);
	assert_string_equal(svg + strlen(svg) - 7, "</svg>\n");
	assert_finite_text(svg);
}

/* ---- nice ticks ---- */

/* The step is 1, 2, 2.5 or 5 x 10^k. */
static bool nice_step(double step)
{
	double k = floor(log10(step) + 1e-9);
	double m = step / pow(10, k);
	return fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 2.5) < 1e-9 || fabs(m - 5) < 1e-9;
}

static void check_ticks(double lo, double hi, int max_ticks)
{
	double a, b, step;
	tendo_chart_nice_ticks(lo, hi, max_ticks, &a, &b, &step);
	assert_true(step > 0);
	assert_true(nice_step(step));
	assert_true(a <= fmin(lo, hi));
	assert_true(b >= fmax(lo, hi));
	assert_true(b > a);
	double ticks = (b - a) / step + 1;
	assert_true(fabs(ticks - round(ticks)) < 1e-6); /* the ends are multiples of the step */
	assert_true(round(ticks) <= (max_ticks < 3 ? 3 : max_ticks));
	assert_true(fabs(a / step - round(a / step)) < 1e-6);
}

static void nice_ticks_ranges(void **state)
{
	(void)state;
	double a, b, step;
	tendo_chart_nice_ticks(0, 7, 5, &a, &b, &step);
	near(a, 0);
	near(b, 8);
	near(step, 2);
	tendo_chart_nice_ticks(0, 10, 6, &a, &b, &step);
	near(a, 0);
	near(b, 10);
	near(step, 2);
	tendo_chart_nice_ticks(0.83, 1.41, 5, &a, &b, &step);
	near(a, 0.8);
	near(b, 1.6);
	near(step, 0.2);
	tendo_chart_nice_ticks(0.83, 1.41, 8, &a, &b, &step);
	near(a, 0.8);
	near(b, 1.5);
	near(step, 0.1);
	tendo_chart_nice_ticks(0, 0, 5, &a, &b, &step); /* nothing: 0..1 */
	near(a, 0);
	near(b, 1);
	assert_true(step > 0 && step <= 0.5);
	tendo_chart_nice_ticks(5, 5, 6, &a, &b, &step); /* one value: 0..5 */
	near(a, 0);
	near(b, 5);
	near(step, 1);
	tendo_chart_nice_ticks(-3.2, -0.4, 5, &a, &b, &step);
	near(a, -4);
	near(b, 0);
	near(step, 1);
	tendo_chart_nice_ticks(-7, -7, 5, &a, &b, &step); /* one negative value: -7..0 */
	near(a, -8);
	near(b, 0);
	near(step, 2);
	tendo_chart_nice_ticks(-1, 1, 2, &a, &b, &step); /* two ticks cannot straddle 0: three */
	near(a, -1);
	near(b, 1);
	near(step, 1);
	tendo_chart_nice_ticks(0, 25, 6, &a, &b, &step);
	near(step, 5);
	tendo_chart_nice_ticks(0, 1.2, 6, &a, &b, &step); /* 2.5 steps: 0, 0.25 .. 1.25 */
	near(step, 0.25);
	near(b, 1.25);
	tendo_chart_nice_ticks(7, 0, 5, &a, &b, &step); /* swapped */
	near(a, 0);
	near(b, 8);
	tendo_chart_nice_ticks(NAN, 3, 5, &a, &b, &step); /* a non-finite end takes the other */
	near(a, 0);
	near(b, 3);

	static const double r[][2] = { { 0, 7 },          { 0.83, 1.41 }, { 0, 0 },      { -3.2, -0.4 },  { 1e-7, 3e-7 },
		                       { 123456, 123999 }, { -1e12, 1e12 }, { 0.1, 0.3 },  { 0, 0.7 },      { 59.9, 60.1 },
		                       { 1000, 1000.0001 }, { -5, 95 },    { 0, 100 },    { 3.14159, 2.7 }, { 0, 1e-300 } };
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		for (int m = 1; m <= 12; m++)
			check_ticks(r[i][0], r[i][1], m);
}

/* ---- buf ---- */

static void buf_growth_and_take(void **state)
{
	(void)state;
	tendo_buf b;
	tendo_buf_init(&b);
	assert_null(b.data);
	size_t len = 99;
	char *s = tendo_buf_take(&b, &len); /* empty: an allocated "" */
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);

	char big[1000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(tendo_buf_puts(&b, "ab"), 0);
	for (int i = 0; i < 5; i++) /* each far past the initial capacity */
		assert_int_equal(tendo_buf_printf(&b, "[%d:%s]", i, big), 0);
	assert_int_equal(tendo_buf_put(&b, "z\0y", 3), 0); /* bytes, NUL included */
	assert_int_equal(b.len, 2 + 5 * (3 + 999 + 1) + 3);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data, "ab[0:xxx", 8);
	assert_memory_equal(b.data + 2 + 1003, "[1:x", 4);
	assert_memory_equal(b.data + b.len - 4, "]z\0y", 4);
	s = tendo_buf_take(&b, &len);
	assert_non_null(s);
	assert_int_equal(len, 2 + 5 * 1003 + 3);
	assert_null(b.data); /* empty after */
	assert_int_equal(b.len, 0);
	free(s);

	/* a printf that fits in the room left, then one that does not */
	assert_int_equal(tendo_buf_printf(&b, "%s", "0123456789"), 0);
	assert_int_equal(tendo_buf_printf(&b, "%d-%s", 42, big), 0);
	assert_int_equal(b.len, 10 + 3 + 999);
	assert_memory_equal(b.data, "012345678942-xx", 15);
	tendo_buf_dispose(&b);
	assert_null(b.data);
	tendo_buf_dispose(&b); /* twice is fine */
	tendo_buf_dispose(NULL);
}

static void buf_sticky_error(void **state)
{
	(void)state;
	tendo_buf b;
	tendo_buf_init(&b);
	assert_int_equal(tendo_buf_puts(&b, "hello"), 0);
	char big[600];
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tendo_alloc_fail_at(1); /* the growth for big fails */
	assert_int_equal(tendo_buf_puts(&b, big), TENDO_ENOMEM);
	tendo_alloc_fail_at(0);
	assert_int_equal(b.err, TENDO_ENOMEM);
	assert_string_equal(b.data, "hello"); /* what was there stays, NUL-terminated */
	/* sticky: nothing more is appended even though memory is back */
	assert_int_equal(tendo_buf_puts(&b, "x"), TENDO_ENOMEM);
	assert_int_equal(tendo_buf_printf(&b, "%d", 1), TENDO_ENOMEM);
	assert_int_equal(tendo_buf_put_xml(&b, "<"), TENDO_ENOMEM);
	assert_int_equal(tendo_buf_put(&b, "x", 1), TENDO_ENOMEM);
	assert_int_equal(b.len, 5);
	size_t len = 7;
	assert_null(tendo_buf_take(&b, &len));
	assert_int_equal(len, 0);
	assert_int_equal(b.err, 0); /* empty and usable again */
	assert_null(b.data);
	assert_int_equal(tendo_buf_puts(&b, "again"), 0);
	tendo_buf_dispose(&b);

	/* a printf that has to grow, failing: the text before stays terminated */
	tendo_buf_init(&b);
	assert_int_equal(tendo_buf_puts(&b, "abc"), 0);
	tendo_alloc_fail_at(1);
	assert_int_equal(tendo_buf_printf(&b, "%s", big), TENDO_ENOMEM);
	tendo_alloc_fail_at(0);
	assert_string_equal(b.data, "abc");
	tendo_buf_dispose(&b);

	/* the very first allocation failing */
	tendo_buf_init(&b);
	tendo_alloc_fail_at(1);
	assert_int_equal(tendo_buf_puts(&b, "a"), TENDO_ENOMEM);
	tendo_alloc_fail_at(0);
	assert_null(b.data);
	assert_null(tendo_buf_take(&b, NULL));
}

static void buf_xml_escape(void **state)
{
	(void)state;
	tendo_buf b;
	tendo_buf_init(&b);
	assert_int_equal(tendo_buf_put_xml(&b, "a<b>&\"c\" 'd'"), 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;");
	tendo_buf_dispose(&b);
	/* UTF-8 kept, control characters and broken UTF-8 replaced, tab/LF/CR kept */
	assert_int_equal(tendo_buf_put_xml(&b, "\xc3\xa9t\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x8f\x83\t\n\r"), 0);
	assert_string_equal(b.data, "\xc3\xa9t\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x8f\x83\t\n\r");
	tendo_buf_dispose(&b);
	assert_int_equal(tendo_buf_put_xml(&b, "a\x01" "b\xff" "c\xc3" "d\xed\xa0\x80" "e\xef\xbf\xbe"), 0);
	assert_string_equal(b.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                            "e\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(tendo_buf_put_xml(&b, NULL), 0);
	tendo_buf_dispose(&b);
}

/* ---- charts ---- */

static void line_gap_two_segments(void **state)
{
	(void)state;
	double y[] = { 1, 2, 3, NAN, 5, 6 };
	tendo_chart_series s = { "pain", TENDO_CHART_LINE, 0, y, "#d62728", false };
	tendo_chart c = base("chart-gap", 6);
	c.series = &s;
	c.n_series = 1;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "chart-gap");
	assert_int_equal(d.n_line, 2);
	assert_int_equal(count(svg, "<path class=\"line\" d=\"M"), 2);
	assert_int_equal(d.n_point, 0);
	assert_int_equal(d.data_points, 5);
	assert_int_equal(d.n_series, 1);
	assert_int_equal(d.n_empty, 0);
	free(svg);

	/* no gap: one path */
	y[3] = 4;
	svg = render(&c);
	parse(&d, svg, "chart-gap");
	assert_int_equal(d.n_line, 1);
	assert_int_equal(d.data_points, 6);
	free(svg);

	/* infinities are gaps too */
	y[1] = INFINITY;
	y[4] = -INFINITY;
	svg = render(&c);
	parse(&d, svg, "chart-gap");
	assert_int_equal(d.data_points, 4);
	assert_int_equal(d.n_line, 1);  /* 3, 4 */
	assert_int_equal(d.n_point, 2); /* 1 and 6 alone */
	free(svg);
}

static void lone_points(void **state)
{
	(void)state;
	double y[] = { 1, NAN, 2, NAN, NAN, 3, 4, NAN, 5 };
	tendo_chart_series s = { "pain", TENDO_CHART_LINE, 0, y, NULL, true };
	tendo_chart c = base("chart-lone", 9);
	c.series = &s;
	c.n_series = 1;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "chart-lone");
	assert_int_equal(d.n_line, 1);  /* 3, 4 */
	assert_int_equal(d.n_point, 3); /* 1, 2 and 5: dots */
	assert_int_equal(d.data_points, 5);
	assert_int_equal(count(svg, "stroke-dasharray=\"6 4\""), 1); /* the dashed series */
	free(svg);

	/* a single value overall */
	tendo_chart one = base("chart-one", 1);
	double v = 7;
	s.y = &v;
	one.series = &s;
	one.n_series = 1;
	svg = render(&one);
	parse(&d, svg, "chart-one");
	assert_int_equal(d.n_line, 0);
	assert_int_equal(d.n_point, 1);
	assert_int_equal(d.data_points, 1);
	free(svg);
}

static void empty_charts(void **state)
{
	(void)state;
	tendo_chart_series s = { "pain", TENDO_CHART_LINE, 0, NULL, NULL, false };
	tendo_chart c = base("chart-empty", 0);
	c.series = &s;
	c.n_series = 1;
	c.y_min[0] = 0;
	c.y_max[0] = 10;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "chart-empty");
	assert_int_equal(d.data_points, 0);
	assert_int_equal(d.n_empty, 1);
	assert_non_null(strstr(svg, ">no data yet</text>"));
	assert_non_null(strstr(svg, ">10</text>")); /* the given axis is still drawn */
	assert_non_null(strstr(svg, "data-points=\"0\""));
	assert_int_equal(d.n_xl, 0);
	free(svg);

	/* n > 0 but nothing recorded */
	double y[30];
	for (int i = 0; i < 30; i++)
		y[i] = NAN;
	s.y = y;
	c.n = 30;
	c.y_min[0] = c.y_max[0] = NAN;
	svg = render(&c);
	parse(&d, svg, "chart-empty");
	assert_int_equal(d.data_points, 0);
	assert_int_equal(d.n_empty, 1);
	assert_true(d.n_xl > 0); /* the dates are known */
	free(svg);

	/* nothing at all: no series, no title */
	tendo_chart bare = base("bare", 0);
	bare.title = NULL;
	svg = render(&bare);
	parse(&d, svg, "bare");
	assert_int_equal(d.n_empty, 1);
	assert_null(strstr(svg, "<title"));
	free(svg);
}

static void data_points_count(void **state)
{
	(void)state;
	enum { N = 40 };
	double a[N], b[N], p[N];
	int want = 0;
	for (int i = 0; i < N; i++) {
		a[i] = i % 3 ? i * 1.5 : NAN;
		b[i] = i % 5 == 0 ? 20 - i : NAN;
		p[i] = i == 7 || i == 30 ? 88.5 : NAN;
		want += !isnan(a[i]) + !isnan(b[i]) + !isnan(p[i]);
	}
	tendo_chart_series s[] = {
		{ "minutes", TENDO_CHART_BARS, 1, a, "#9ecae1", false },
		{ "load", TENDO_CHART_BARS, 1, b, "#fdae6b", false },
		{ "pain", TENDO_CHART_LINE, 0, a, "#d62728", false },
		{ "LSI", TENDO_CHART_POINTS, 0, p, NULL, false },
	};
	want += 26; /* a again, as the line */
	tendo_chart c = base("chart-count", N);
	c.series = s;
	c.n_series = 4;
	c.y_label[0] = "pain";
	c.y_label[1] = "minutes";
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "chart-count");
	assert_int_equal(d.data_points, want);
	assert_int_equal(d.n_bar, 26 + 8);
	assert_int_equal(d.n_point, 2);
	assert_int_equal(d.n_series, 4);
	assert_int_equal(d.n_right_axis, 1);
	assert_int_equal(d.n_empty, 0);
	assert_int_equal(d.n_legend, 1);
	for (size_t i = 0; i < 4; i++) {
		char cls[32];
		snprintf(cls, sizeof(cls), "class=\"series s%zu ", i);
		assert_non_null(strstr(svg, cls));
	}
	assert_int_equal(count(svg, "class=\"axis-title"), 2); /* both axis titles */
	assert_int_equal(count(svg, "class=\"axis-title right\""), 1);
	free(svg);

	/* no series on the right axis: no right axis, even with a title for it */
	s[0].axis = s[1].axis = 0;
	svg = render(&c);
	parse(&d, svg, "chart-count");
	assert_int_equal(d.n_right_axis, 0);
	assert_int_equal(count(svg, "class=\"axis-title"), 1);
	free(svg);
}

/* Two bar series side by side: the bars of one day do not overlap. */
static void bars_side_by_side(void **state)
{
	(void)state;
	double a[] = { 3, 4, 5 }, b[] = { 1, -2, 6 };
	tendo_chart_series s[] = { { "a", TENDO_CHART_BARS, 0, a, NULL, false }, { "b", TENDO_CHART_BARS, 0, b, NULL, false } };
	tendo_chart c = base("bars", 3);
	c.series = s;
	c.n_series = 2;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "bars");
	assert_int_equal(d.n_bar, 6);
	/* the first bar of each series: x and width */
	const char *p1 = strstr(svg, "class=\"series s0 bars\"");
	const char *p2 = strstr(svg, "class=\"series s1 bars\"");
	assert_non_null(p1);
	assert_non_null(p2);
	double x1 = strtod(strstr(strstr(p1, "class=\"bar\""), "x=\"") + 3, NULL);
	double w1 = strtod(strstr(strstr(p1, "class=\"bar\""), "width=\"") + 7, NULL);
	double x2 = strtod(strstr(strstr(p2, "class=\"bar\""), "x=\"") + 3, NULL);
	assert_true(w1 > 0);
	assert_true(x1 + w1 <= x2);
	/* the axis goes below 0 for the negative bar */
	assert_non_null(strstr(svg, ">-2</text>"));
	free(svg);
}

static void escaping(void **state)
{
	(void)state;
	double y[] = { 1, 2 };
	tendo_chart_series s = { "a \"quoted\" <name>", TENDO_CHART_LINE, 0, y, "#123", false };
	tendo_chart_band band = { 1, 2, "R&D's band", NULL };
	tendo_chart_span span = { tendo_date_from_ymd(2026, 1, 5), tendo_date_from_ymd(2026, 1, 5), "<span>", NULL };
	tendo_chart_marker mk = { tendo_date_from_ymd(2026, 1, 6), "x < y & z" };
	tendo_chart c = base("esc", 2);
	c.title = "<&>";
	c.y_label[0] = "a&b";
	c.series = &s;
	c.n_series = 1;
	c.bands = &band;
	c.n_bands = 1;
	c.spans = &span;
	c.n_spans = 1;
	c.markers = &mk;
	c.n_markers = 1;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "esc");
	assert_null(strstr(svg, "<&>"));
	assert_non_null(strstr(svg, "<title id=\"esc-title\">&lt;&amp;&gt;</title>"));
	assert_non_null(strstr(svg, "&lt;&amp;&gt;</text>"));
	assert_non_null(strstr(svg, "a &quot;quoted&quot; &lt;name&gt;"));
	assert_non_null(strstr(svg, "R&amp;D&#39;s band"));
	assert_non_null(strstr(svg, "&lt;span&gt;"));
	assert_non_null(strstr(svg, "x &lt; y &amp; z"));
	assert_non_null(strstr(svg, "a&amp;b"));
	assert_int_equal(d.n_band, 1);
	assert_int_equal(d.n_span, 1);
	assert_int_equal(d.n_marker, 1);
	assert_int_equal(d.data_marks, 2);
	free(svg);
}

/* The stage timeline: spans and markers only. */
static void timeline(void **state)
{
	(void)state;
	tendo_date x0 = tendo_date_from_ymd(2026, 1, 5);
	tendo_chart_span sp[] = {
		{ x0 - 10, x0 + 20, "Stage 1", "#2ca02c" },  /* starts before the chart */
		{ x0 + 21, x0 + 55, "Stage 2", NULL },
		{ x0 + 56, x0 + 300, "Stage 3", NULL },      /* ends after */
		{ x0 + 400, x0 + 410, "Stage 4", NULL },     /* outside: not drawn */
		{ x0 + 60, x0 + 61, "Stage 3", NULL },       /* same label, other colour */
	};
	tendo_chart_marker mk[] = { { x0 + 45, "deload" }, { x0 + 21, "start running" }, { x0 + 46, "back up" },
		                    { x0 - 1, "before" },  { x0 + 90, NULL } };
	tendo_chart c = base("chart-stages", 120);
	c.spans = sp;
	c.n_spans = 5;
	c.markers = mk;
	c.n_markers = 5;
	c.height = 140;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "chart-stages");
	assert_int_equal(d.data_points, 0);
	assert_int_equal(d.data_marks, 4 + 4);
	assert_int_equal(d.n_span, 4);
	assert_int_equal(d.n_marker, 4);
	assert_int_equal(d.n_empty, 0);                     /* something is drawn */
	assert_null(strstr(svg, "class=\"y-label"));        /* no value axis */
	assert_null(strstr(svg, "Stage 4"));
	assert_non_null(strstr(svg, ">start running</text>"));
	assert_non_null(strstr(svg, "<title>deload, 19 Feb 2026</title>"));
	/* the first span is clipped to the chart's left edge */
	const char *r = strstr(svg, "<rect class=\"span\" x=\"");
	assert_non_null(r);
	double x = strtod(r + strlen("<rect class=\"span\" x=\""), NULL);
	const char *a = strstr(svg, "<g class=\"axis\"");
	double left = strtod(strstr(a, "x1=\"") + 4, NULL);
	near(x, left);
	free(svg);
}

static void weekly_and_long(void **state)
{
	(void)state;
	enum { W = 26, D = 730 };
	double v[D];
	for (int i = 0; i < D; i++)
		v[i] = 30 + (i % 11);
	tendo_chart_series s = { "volume", TENDO_CHART_BARS, 0, v, NULL, false };
	tendo_chart c = base("weekly", W);
	c.step_days = 7;
	c.series = &s;
	c.n_series = 1;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "weekly");
	assert_int_equal(d.n_bar, W);
	assert_true(d.n_xl >= 4);
	assert_non_null(strstr(svg, ">5 Jan</text>"));
	assert_non_null(strstr(svg, "week of 5 Jan 2026: 30"));
	assert_non_null(strstr(svg, ">0</text>")); /* bars include 0 */
	free(svg);

	/* widths from a phone to a wide screen, spans from 1 day to 2 years:
	 * the x labels never overlap (checked in parse) */
	static const int ns[] = { 1, 2, 3, 10, 20, 45, 90, 180, 365, 730 };
	static const int ws[] = { 200, 360, 640, 1200 };
	for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		for (size_t k = 0; k < sizeof(ws) / sizeof(ws[0]); k++)
			for (int step = 1; step <= 7; step += 6) {
				tendo_chart l = base("long", ns[i]);
				l.step_days = step;
				l.width = ws[k];
				s.kind = TENDO_CHART_LINE;
				l.series = &s;
				l.n_series = 1;
				svg = render(&l);
				parse(&d, svg, "long");
				assert_true(d.n_xl >= 1);
				assert_int_equal(d.data_points, ns[i]);
				free(svg);
			}
	/* two years daily: month labels, with the year at the first and in January */
	tendo_chart l = base("long", D);
	l.series = &s;
	l.n_series = 1;
	svg = render(&l);
	assert_non_null(strstr(svg, ">Jan 2027</text>"));
	free(svg);
}

static void sizes_and_scaling(void **state)
{
	(void)state;
	tendo_chart c = base("size", 0);
	char *svg = render(&c);
	assert_non_null(strstr(svg, "viewBox=\"0 0 640 260\""));
	assert_non_null(strstr(svg, "width=\"100%\""));
	assert_non_null(strstr(svg, "preserveAspectRatio=\"xMidYMid meet\""));
	assert_non_null(strstr(svg, "font-family=\"sans-serif\""));
	free(svg);
	c.width = 400;
	c.height = 300;
	svg = render(&c);
	assert_non_null(strstr(svg, "viewBox=\"0 0 400 300\""));
	free(svg);
	/* a legend longer than the chart is tall: the chart grows */
	tendo_chart_series s[12];
	double y[1] = { 1 };
	for (int i = 0; i < 12; i++)
		s[i] = (tendo_chart_series){ "a rather long legend label", TENDO_CHART_LINE, 0, y, NULL, false };
	c = base("tall", 1);
	c.width = 200;
	c.height = 120;
	c.series = s;
	c.n_series = 12;
	svg = render(&c);
	doc d;
	parse(&d, svg, "tall");
	const char *vb = strstr(svg, "viewBox=\"0 0 200 ");
	assert_non_null(vb);
	assert_true(strtod(vb + strlen("viewBox=\"0 0 200 "), NULL) > 120);
	free(svg);
}

/* Hostile numbers: nothing non-finite in the output, limits respected. */
static void no_nan_or_inf(void **state)
{
	(void)state;
	double y[] = { NAN, INFINITY, -INFINITY, 1e12, -1e12, 1e-300, 0, -0.0, 5, NAN };
	double z[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	tendo_chart_series s[] = { { "wild", TENDO_CHART_LINE, 0, y, NULL, false },
		                   { "bars", TENDO_CHART_BARS, 1, y, NULL, false },
		                   { "zeros", TENDO_CHART_POINTS, 1, z, NULL, false } };
	tendo_chart_band bands[] = { { -1e12, 1e12, "all", NULL }, { 3, 3, "rule", NULL } };
	tendo_chart c = base("wild", 10);
	c.series = s;
	c.n_series = 3;
	c.bands = bands;
	c.n_bands = 2;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "wild");
	assert_int_equal(d.data_points, 6 + 6 + 10);
	free(svg);

	/* a tiny fixed range with values far outside it */
	c.y_min[0] = 0;
	c.y_max[0] = 1e-9;
	c.y_min[1] = -1e-12;
	c.y_max[1] = 1e-12;
	svg = render(&c);
	parse(&d, svg, "wild");
	free(svg);

	/* only one end given, on the wrong side of the data */
	c.y_min[0] = 100;
	c.y_max[0] = NAN;
	c.y_min[1] = NAN;
	c.y_max[1] = -100;
	svg = render(&c);
	parse(&d, svg, "wild");
	free(svg);

	/* all zeros: an axis 0..1 */
	s[0].y = s[1].y = z;
	c.y_min[0] = c.y_max[0] = c.y_min[1] = c.y_max[1] = NAN;
	c.n_bands = 0;
	svg = render(&c);
	parse(&d, svg, "wild");
	assert_non_null(strstr(svg, ">1</text>"));
	free(svg);
}

static void fixed_axis_ticks(void **state)
{
	(void)state;
	double y[] = { 2, 3, 12 }; /* 12 lies above the given range: clipped, not rescaled */
	tendo_chart_series s = { "pain", TENDO_CHART_LINE, 0, y, NULL, false };
	tendo_chart c = base("pain", 3);
	c.series = &s;
	c.n_series = 1;
	c.y_min[0] = 0;
	c.y_max[0] = 10;
	char *svg = render(&c);
	const char *g = strstr(svg, "<g class=\"y-label\"");
	assert_non_null(g);
	assert_non_null(strstr(g, ">0</text>"));
	assert_non_null(strstr(g, ">10</text>"));
	assert_null(strstr(g, ">12</text>"));
	free(svg);

	/* ACWR with its band: decimals in the ticks, band included in the range */
	double r[] = { 0.95, 1.05, 1.1 };
	tendo_chart_band band = { 0.8, 1.3, "0.8-1.3", "#2ca02c" };
	s.y = r;
	c.y_min[0] = c.y_max[0] = NAN;
	c.bands = &band;
	c.n_bands = 1;
	svg = render(&c);
	g = strstr(svg, "<g class=\"y-label\"");
	assert_non_null(strstr(g, ">0.8</text>"));
	assert_non_null(strstr(g, ">1.2</text>"));
	assert_non_null(strstr(svg, "<rect class=\"band\""));
	free(svg);
}

static void deterministic(void **state)
{
	(void)state;
	double y[60];
	for (int i = 0; i < 60; i++)
		y[i] = i % 7 ? sin(i) * 3 + 4 : NAN;
	tendo_chart_series s[] = { { "a", TENDO_CHART_LINE, 0, y, NULL, false }, { "b", TENDO_CHART_BARS, 1, y, NULL, false } };
	tendo_chart_marker mk[] = { { tendo_date_from_ymd(2026, 2, 1), "m" } };
	tendo_chart c = base("det", 60);
	c.series = s;
	c.n_series = 2;
	c.markers = mk;
	c.n_markers = 1;
	char *a = render(&c), *b = render(&c);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* A trend joins the values across gaps in one path with a dot at each;
 * a line breaks at the gaps (issue 9: a load logged every few days). */
static void trend_across_gaps(void **state)
{
	(void)state;
	double y[10];
	for (int i = 0; i < 10; i++)
		y[i] = NAN;
	y[1] = 20, y[4] = 22.5, y[8] = 25;
	tendo_chart_series s = { "curl, right", TENDO_CHART_TREND, 0, y, NULL, false };
	tendo_chart c = base("trend", 10);
	c.series = &s;
	c.n_series = 1;
	char *svg = render(&c);
	doc d;
	parse(&d, svg, "trend");
	assert_int_equal(d.n_line, 1);  /* one path through the three values */
	assert_int_equal(d.n_point, 3); /* and a dot on each */
	assert_int_equal(d.data_points, 3);
	assert_non_null(strstr(svg, "class=\"series s0 trend\""));
	const char *path = strstr(svg, "<path class=\"line\" d=\"");
	assert_non_null(path);
	const char *end = strchr(path + 22, '"');
	int ls = 0;
	for (const char *q = path + 22; q < end; q++)
		ls += *q == 'L';
	assert_int_equal(ls, 2); /* M, then two L */
	free(svg);
	s.kind = TENDO_CHART_LINE; /* the same values as a line: three lone dots, no path */
	svg = render(&c);
	parse(&d, svg, "trend");
	assert_int_equal(d.n_line, 0);
	assert_int_equal(d.n_point, 3);
	free(svg);
}

static double axis_x(const char *svg, int which)
{
	const char *g = strstr(svg, "<g class=\"axis\"");
	assert_non_null(g);
	const char *l = strstr(g, "<line x1=\"");
	assert_non_null(l);
	double x1 = 0, y1 = 0, x2 = 0;
	assert_int_equal(sscanf(l, "<line x1=\"%lf\" y1=\"%lf\" x2=\"%lf\"", &x1, &y1, &x2), 3);
	return which ? x2 : x1;
}

/* Fixed margins: charts with other tick labels and axes keep one plot
 * extent, so their x axes line up; automatic margins follow the labels. */
static void fixed_margins(void **state)
{
	(void)state;
	double small[] = { 1, 2, 3 }, big[] = { 10000, 200000, 3000000 };
	tendo_chart_series a = { "a", TENDO_CHART_LINE, 0, small, NULL, false };
	tendo_chart_series b[] = { { "b", TENDO_CHART_BARS, 0, big, NULL, false },
		                   { "c", TENDO_CHART_LINE, 1, small, NULL, false } };
	tendo_chart ca = base("a", 3), cb = base("b", 3);
	ca.series = &a, ca.n_series = 1;
	cb.series = b, cb.n_series = 2;
	cb.y_label[0] = "a long axis title";
	ca.width = cb.width = 440;
	char *sa = render(&ca), *sb = render(&cb);
	assert_true(axis_x(sa, 0) < axis_x(sb, 0)); /* automatic: wider labels, more room */
	free(sa), free(sb);
	ca.margin_left = cb.margin_left = 64;
	ca.margin_right = cb.margin_right = 56;
	sa = render(&ca), sb = render(&cb);
	near(axis_x(sa, 0), 64);
	near(axis_x(sb, 0), 64);
	near(axis_x(sa, 1), 440 - 56);
	near(axis_x(sb, 1), 440 - 56);
	doc d;
	parse(&d, sb, "b");
	free(sa), free(sb);
}

static void invalid_charts(void **state)
{
	(void)state;
	double y[] = { 1, 2, 3 };
	tendo_chart_series s = { "a", TENDO_CHART_LINE, 0, y, NULL, false };
	tendo_chart ok = base("ok", 3);
	ok.series = &s;
	ok.n_series = 1;
	char *out = (char *)1;
	size_t len = 99;
	tendo_chart c;

#define BAD(stmt)                                                              \
	do {                                                                   \
		c = ok;                                                        \
		s = (tendo_chart_series){ "a", TENDO_CHART_LINE, 0, y, NULL, false }; \
		stmt;                                                          \
		out = (char *)1;                                               \
		assert_int_equal(tendo_chart_svg(&out, &len, &c), TENDO_EINVAL); \
		assert_null(out);                                              \
		assert_int_equal(len, 0);                                      \
		assert_true(tendo_error_last()[0] != '\0');                    \
	} while (0)

	BAD(c.id = NULL);
	BAD(c.id = "");
	BAD(c.id = "has space");
	BAD(c.id = "quote\"");
	BAD(c.n = -1);
	BAD(c.n = TENDO_CHART_MAX_VALUES + 1);
	BAD(c.step_days = 0);
	BAD(c.step_days = -7);
	BAD(s.axis = 2);
	BAD(s.axis = -1);
	BAD(s.kind = (tendo_chart_kind)7);
	BAD(s.kind = (tendo_chart_kind)(TENDO_CHART_TREND + 1));
	BAD(c.margin_left = -1);
	BAD(c.margin_right = 10001);
	BAD(s.y = NULL);
	BAD(y[1] = 2e12);
	y[1] = 2;
	BAD((c.y_min[0] = 5, c.y_max[0] = 5));
	BAD((c.y_min[1] = 6, c.y_max[1] = 5));
	BAD(c.y_max[0] = INFINITY);
	BAD((c.n_bands = 1, c.bands = NULL));
	BAD((c.n_series = 2, c.series = NULL));
	BAD(c.width = -1);
	BAD(c.width = 50);
	BAD(c.height = 20);
	BAD(c.x0 = TENDO_DATE_NONE);
	tendo_chart_band band = { 2, 1, NULL, NULL };
	BAD((c.bands = &band, c.n_bands = 1));
	tendo_chart_span span = { 10, 9, NULL, NULL };
	BAD((c.spans = &span, c.n_spans = 1));
	tendo_chart_marker mk = { TENDO_DATE_NONE, "x" };
	BAD((c.markers = &mk, c.n_markers = 1));
#undef BAD
	assert_int_equal(tendo_chart_svg(NULL, &len, &ok), TENDO_EINVAL);
	assert_int_equal(tendo_chart_svg(&out, &len, NULL), TENDO_EINVAL);

	/* the same chart is fine; n = 0 with a NULL y is fine too */
	s = (tendo_chart_series){ "a", TENDO_CHART_LINE, 0, y, NULL, false };
	assert_int_equal(tendo_chart_svg(&out, NULL, &ok), 0);
	free(out);
	s.y = NULL;
	ok.n = 0;
	assert_int_equal(tendo_chart_svg(&out, NULL, &ok), 0);
	free(out);
}

static void alloc_failure_sweep(void **state)
{
	(void)state;
	enum { N = 120 };
	double a[N], b[N];
	for (int i = 0; i < N; i++) {
		a[i] = i % 5 ? 20 + i % 9 : NAN;
		b[i] = i % 3 ? NAN : 3 + i % 4;
	}
	tendo_chart_series s[] = { { "running", TENDO_CHART_BARS, 1, a, NULL, false },
		                   { "pain", TENDO_CHART_LINE, 0, b, NULL, false } };
	tendo_date x0 = tendo_date_from_ymd(2026, 1, 5);
	tendo_chart_marker mk[] = { { x0 + 30, "deload" }, { x0 + 3, "start" } };
	tendo_chart_span sp[] = { { x0, x0 + 40, "Stage 1", NULL } };
	tendo_chart_band band = { 2, 4, "band", NULL };
	tendo_chart c = base("sweep", N);
	c.series = s;
	c.n_series = 2;
	c.markers = mk;
	c.n_markers = 2;
	c.spans = sp;
	c.n_spans = 1;
	c.bands = &band;
	c.n_bands = 1;
	char *want = render(&c);
	int failures = 0;
	for (long k = 1; k < 10000; k++) {
		char *out = (char *)1;
		size_t len = 99;
		tendo_alloc_fail_at(k);
		int rc = tendo_chart_svg(&out, &len, &c);
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		if (rc == 0) {
			assert_string_equal(out, want);
			free(out);
			if (made < k)
				break; /* the kth allocation never happened: all swept */
			continue;
		}
		assert_int_equal(rc, TENDO_ENOMEM);
		assert_null(out);
		assert_int_equal(len, 0);
		failures++;
	}
	assert_true(failures >= 5); /* buffer growth and the marker array */
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nice_ticks_ranges),
		cmocka_unit_test(buf_growth_and_take),
		cmocka_unit_test(buf_sticky_error),
		cmocka_unit_test(buf_xml_escape),
		cmocka_unit_test(line_gap_two_segments),
		cmocka_unit_test(lone_points),
		cmocka_unit_test(empty_charts),
		cmocka_unit_test(data_points_count),
		cmocka_unit_test(bars_side_by_side),
		cmocka_unit_test(escaping),
		cmocka_unit_test(timeline),
		cmocka_unit_test(weekly_and_long),
		cmocka_unit_test(sizes_and_scaling),
		cmocka_unit_test(no_nan_or_inf),
		cmocka_unit_test(fixed_axis_ticks),
		cmocka_unit_test(deterministic),
		cmocka_unit_test(trend_across_gaps),
		cmocka_unit_test(fixed_margins),
		cmocka_unit_test(invalid_charts),
		cmocka_unit_test(alloc_failure_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
