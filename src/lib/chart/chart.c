/*
 * chart.c - SVG charts (tendo/chart.h): the check of a chart, its layout,
 * and the drawing, back to front: background, title, legend, spans, grid,
 * bands, series (bars, then lines, then points) clipped to the plot,
 * markers, axes and their labels.
 *
 * Geometry is in viewBox units. Every number goes out through chart_num(),
 * so the text does not depend on the locale and never says "nan". Text
 * widths are estimated (CHAR_EM per character), which is enough to keep
 * labels from overlapping.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/chart.h>
#include <tendo/errors.h>

#include "chart/chart_int.h"
#include "util/alloc.h"
#include "util/buf.h"

#define DEF_W 640
#define DEF_H 260
#define MIN_W 200
#define MIN_H 120
#define MAX_WH 10000
#define PAD 8            /* outer margin */
#define FONT 12          /* tick labels and legend */
#define FONT_SMALL 11    /* span and marker labels */
#define FONT_TITLE 14
#define CHAR_EM 0.6      /* estimated mean glyph width, em */
#define TITLE_H 22       /* the title's row */
#define LEGEND_ROW 18
#define TICK 4           /* tick mark length */
#define X_LABELS_H 24    /* below the plot: tick marks and date labels */
#define MIN_PLOT_H 60
#define MIN_PLOT_W 40
#define MAX_Y_TICKS 8
#define MAX_TICKS 64     /* hard bound on the ticks of an axis */
#define AXIS_TITLE_W 16  /* room for a rotated axis title */
#define HALO "stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""

static const char *const palette[] = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	                               "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };
#define PALETTE_N (sizeof(palette) / sizeof(palette[0]))

typedef struct {
	double lo, hi;     /* range, axis units */
	double step;       /* tick step, axis units */
	int dec;           /* decimals of the tick labels */
	double label_w;    /* widest tick label, viewBox units */
	bool used;         /* a series plots on it */
	bool drawn;        /* its ticks and labels are drawn */
} axis;

typedef struct {
	const tendo_chart *c;
	tendo_buf *b;
	double w, h;       /* viewBox size */
	double left, right, top, bottom; /* plot edges, viewBox units */
	double slot;       /* width of one value's slot, viewBox units (0 when n == 0) */
	int legend_rows;
	axis ax[2];
	long points;       /* non-missing values across series */
	long marks;        /* spans and markers within the x range */
} layout;

/*
 * Append fmt to b with these conversions: %f a coordinate (double, at most
 * one decimal, clamped to +-1e6), %d an int, %s a string as it is, %x a
 * string XML-escaped (NULL = nothing), %% a '%'. Errors stay in b (sticky).
 */
static void emit(tendo_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *run = fmt, *p = fmt;
	char num[CHART_NUMSZ];
	while (*p) {
		if (*p != '%') {
			p++;
			continue;
		}
		tendo_buf_put(b, run, (size_t)(p - run));
		switch (p[1]) {
		case 'f':
			tendo_buf_puts(b, chart_num(num, fmax(-1e6, fmin(1e6, va_arg(ap, double))), 1));
			break;
		case 'd':
			tendo_buf_printf(b, "%d", va_arg(ap, int));
			break;
		case 's':
			tendo_buf_puts(b, va_arg(ap, const char *));
			break;
		case 'x':
			tendo_buf_put_xml(b, va_arg(ap, const char *));
			break;
		case '%':
			tendo_buf_put(b, "%", 1);
			break;
		default:
			tendo_buf_put(b, p, p[1] ? 2 : 1);
			break;
		}
		p += p[1] ? 2 : 1;
		run = p;
	}
	tendo_buf_puts(b, run);
	va_end(ap);
}

static bool missing(double v)
{
	return !isfinite(v);
}

static double text_w(const char *s, double font)
{
	return (double)chart_chars(s) * font * CHAR_EM;
}

static const char *series_color(const tendo_chart *c, size_t i)
{
	return c->series[i].color ? c->series[i].color : palette[i % PALETTE_N];
}

static const char *span_color(const tendo_chart *c, size_t i)
{
	return c->spans[i].color ? c->spans[i].color : palette[(i + 2) % PALETTE_N];
}

static const char *band_color(const tendo_chart *c, size_t i)
{
	return c->bands[i].color ? c->bands[i].color : "#888";
}

/* The last day the x range covers (the last value's last day). */
static int64_t last_day(const tendo_chart *c)
{
	return (int64_t)c->x0 + (int64_t)c->n * c->step_days - 1;
}

/* x of the start of day d (fractions allowed) */
static double xday(const layout *L, double d)
{
	return L->left + (d - L->c->x0) / L->c->step_days * L->slot;
}

static double ypos(const layout *L, int a, double v)
{
	const axis *ax = &L->ax[a];
	return L->bottom - (v - ax->lo) / (ax->hi - ax->lo) * (L->bottom - L->top);
}

/* The visible x extent of span i; false when it misses the x range. */
static bool span_x(const layout *L, size_t i, double *x1, double *x2)
{
	const tendo_chart_span *s = &L->c->spans[i];
	if (L->c->n == 0 || s->from > last_day(L->c) || s->to < L->c->x0)
		return false;
	double from = s->from < L->c->x0 ? L->c->x0 : s->from;
	double to = (double)s->to > (double)last_day(L->c) ? (double)last_day(L->c) : s->to;
	*x1 = xday(L, from);
	*x2 = xday(L, to + 1);
	return true;
}

static bool marker_in(const tendo_chart *c, size_t i)
{
	return c->n > 0 && c->markers[i].date >= c->x0 && c->markers[i].date <= last_day(c);
}

/* ---- the check ---- */

static bool id_ok(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		char ch = *s;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		          ch == '-' || ch == '_' || ch == ':' || ch == '.';
		if (!ok)
			return false;
	}
	return true;
}

/* A limit or band end: finite within TENDO_CHART_MAX_ABS. */
static bool value_ok(double v)
{
	return isfinite(v) && fabs(v) <= TENDO_CHART_MAX_ABS;
}

static int check_series(const tendo_chart *c)
{
	const char *id = c->id;
	for (size_t i = 0; i < c->n_series; i++) {
		const tendo_chart_series *s = &c->series[i];
		if ((int)s->kind < TENDO_CHART_LINE || (int)s->kind > TENDO_CHART_TREND)
			return tendo_error_set(TENDO_EINVAL, "chart %s: series %zu has an unknown kind %d", id, i, (int)s->kind);
		if (s->axis != 0 && s->axis != 1)
			return tendo_error_set(TENDO_EINVAL, "chart %s: series %zu axis %d is not 0 (left) or 1 (right)", id, i, s->axis);
		if (c->n > 0 && !s->y)
			return tendo_error_set(TENDO_EINVAL, "chart %s: series %zu has no values", id, i);
		for (int k = 0; k < c->n; k++)
			if (isfinite(s->y[k]) && !value_ok(s->y[k]))
				return tendo_error_set(TENDO_EINVAL, "chart %s: series %zu value %d is beyond 1e12", id, i, k);
	}
	return 0;
}

static int check(const tendo_chart *c)
{
	if (!c->id || !*c->id)
		return tendo_error_set(TENDO_EINVAL, "chart: no id");
	const char *id = c->id;
	if (!id_ok(id))
		return tendo_error_set(TENDO_EINVAL, "chart '%s': the id may hold only letters, digits, '-', '_', ':' and '.'", id);
	if (c->n < 0 || c->n > TENDO_CHART_MAX_VALUES)
		return tendo_error_set(TENDO_EINVAL, "chart %s: n %d is out of 0-%d", id, c->n, TENDO_CHART_MAX_VALUES);
	if (c->step_days < 1 || c->step_days > TENDO_CHART_MAX_STEP)
		return tendo_error_set(TENDO_EINVAL, "chart %s: step_days %d is out of 1-%d", id, c->step_days, TENDO_CHART_MAX_STEP);
	if (c->n > 0 && (c->x0 < tendo_date_from_ymd(1, 1, 1) || c->x0 > tendo_date_from_ymd(9999, 12, 31)))
		return tendo_error_set(TENDO_EINVAL, "chart %s: the first day is missing or out of years 1-9999", id);
	if ((c->n_series && !c->series) || (c->n_bands && !c->bands) || (c->n_spans && !c->spans) ||
	    (c->n_markers && !c->markers))
		return tendo_error_set(TENDO_EINVAL, "chart %s: a count without its array", id);
	if (c->margin_left < 0 || c->margin_right < 0 || c->margin_left > MAX_WH || c->margin_right > MAX_WH)
		return tendo_error_set(TENDO_EINVAL, "chart %s: margins %d and %d must be 0-%d", id, c->margin_left,
		                       c->margin_right, MAX_WH);
	if (c->width < 0 || (c->width && c->width < MIN_W) || c->width > MAX_WH || c->height < 0 ||
	    (c->height && c->height < MIN_H) || c->height > MAX_WH)
		return tendo_error_set(TENDO_EINVAL, "chart %s: size %d x %d is not 0 or %d-%d x %d-%d", id, c->width,
		                       c->height, MIN_W, MAX_WH, MIN_H, MAX_WH);
	int rc = check_series(c);
	if (rc)
		return rc;
	for (int a = 0; a < 2; a++) {
		double lo = c->y_min[a], hi = c->y_max[a];
		if ((!isnan(lo) && !value_ok(lo)) || (!isnan(hi) && !value_ok(hi)))
			return tendo_error_set(TENDO_EINVAL, "chart %s: axis %d limits must be NAN or finite within 1e12", id, a);
		if (!isnan(lo) && !isnan(hi) && lo >= hi)
			return tendo_error_set(TENDO_EINVAL, "chart %s: axis %d y_min %g is not below y_max %g", id, a, lo, hi);
	}
	for (size_t i = 0; i < c->n_bands; i++)
		if (!value_ok(c->bands[i].lo) || !value_ok(c->bands[i].hi) || c->bands[i].lo > c->bands[i].hi)
			return tendo_error_set(TENDO_EINVAL, "chart %s: band %zu needs finite lo <= hi", id, i);
	for (size_t i = 0; i < c->n_spans; i++)
		if (c->spans[i].from == TENDO_DATE_NONE || c->spans[i].to < c->spans[i].from)
			return tendo_error_set(TENDO_EINVAL, "chart %s: span %zu needs days from <= to", id, i);
	for (size_t i = 0; i < c->n_markers; i++)
		if (c->markers[i].date == TENDO_DATE_NONE)
			return tendo_error_set(TENDO_EINVAL, "chart %s: marker %zu has no day", id, i);
	return 0;
}

/* ---- layout ---- */

/* Ticks of ax (at most cap) into v; returns how many. */
static int axis_ticks(const axis *ax, double *v, int cap)
{
	double first = ceil(ax->lo / ax->step - 1e-9), last = floor(ax->hi / ax->step + 1e-9);
	int n = 0;
	for (double k = first; k <= last && n < cap; k++) {
		double t = k * ax->step;
		v[n++] = fabs(t) < ax->step * 1e-9 ? 0 : t;
	}
	return n;
}

static void axis_range(layout *L, int a, int max_ticks)
{
	const tendo_chart *c = L->c;
	axis *ax = &L->ax[a];
	double lo = INFINITY, hi = -INFINITY;
	bool bars = false;
	for (size_t i = 0; i < c->n_series; i++) {
		const tendo_chart_series *s = &c->series[i];
		if (s->axis != a)
			continue;
		bars |= s->kind == TENDO_CHART_BARS;
		for (int k = 0; k < c->n; k++)
			if (!missing(s->y[k])) {
				lo = fmin(lo, s->y[k]);
				hi = fmax(hi, s->y[k]);
			}
	}
	for (size_t i = 0; a == 0 && i < c->n_bands; i++) {
		lo = fmin(lo, c->bands[i].lo);
		hi = fmax(hi, c->bands[i].hi);
	}
	if (bars) {
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
	}
	double gl = c->y_min[a], gh = c->y_max[a];
	if (!isnan(gl))
		lo = gl;
	if (!isnan(gh))
		hi = gh;
	if (!(lo < hi)) { /* no data, one value, or a given end beyond the data */
		if (!isnan(gl))
			hi = gl + (gl != 0 ? fabs(gl) : 1);
		else if (!isnan(gh))
			lo = gh - (gh != 0 ? fabs(gh) : 1);
		else if (lo > hi)
			lo = 0, hi = 1;
		/* lo == hi: the nice ticks make 0..value */
	}
	double nlo, nhi;
	tendo_chart_nice_ticks(lo, hi, max_ticks, &nlo, &nhi, &ax->step);
	ax->lo = isnan(gl) ? nlo : gl;
	ax->hi = isnan(gh) ? nhi : gh;
	if (!(ax->hi > ax->lo))
		ax->hi = ax->lo + 1;
	ax->dec = chart_step_decimals(ax->step);
	double v[MAX_TICKS];
	int n = axis_ticks(ax, v, MAX_TICKS);
	char s[CHART_NUMSZ];
	for (int i = 0; i < n; i++)
		ax->label_w = fmax(ax->label_w, text_w(chart_num(s, v[i], ax->dec), FONT));
}

typedef enum { SW_LINE, SW_BARS, SW_POINTS, SW_BAND, SW_RULE, SW_SPAN } swatch;

typedef struct {
	const char *label;
	const char *color;
	swatch sw;
	bool dashed;
} legend_item;

/* Legend entry k (series, then bands, then spans); false if it has none. */
static bool legend_get(const layout *L, size_t k, legend_item *it)
{
	const tendo_chart *c = L->c;
	memset(it, 0, sizeof(*it));
	if (k < c->n_series) {
		const tendo_chart_series *s = &c->series[k];
		it->label = s->name;
		it->color = series_color(c, k);
		it->sw = s->kind == TENDO_CHART_BARS ? SW_BARS : s->kind == TENDO_CHART_POINTS ? SW_POINTS : SW_LINE;
		it->dashed = s->dashed;
		return it->label != NULL;
	}
	k -= c->n_series;
	if (k < c->n_bands) {
		it->label = c->bands[k].label;
		it->color = band_color(c, k);
		it->sw = c->bands[k].lo == c->bands[k].hi ? SW_RULE : SW_BAND;
		return it->label != NULL;
	}
	k -= c->n_bands;
	double x1, x2;
	if (!c->spans[k].label || !span_x(L, k, &x1, &x2))
		return false;
	it->label = c->spans[k].label;
	it->color = span_color(c, k);
	it->sw = SW_SPAN;
	for (size_t j = 0; j < k; j++) /* once per label and colour */
		if (c->spans[j].label && !strcmp(c->spans[j].label, it->label) &&
		    !strcmp(span_color(c, j), it->color) && span_x(L, j, &x1, &x2))
			return false;
	return true;
}

static void legend_swatch(tendo_buf *b, const legend_item *it, double x, double cy)
{
	switch (it->sw) {
	case SW_LINE:
	case SW_RULE:
		emit(b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%x\" stroke-width=\"2.5\"%s/>", x, cy,
		    x + 14, cy, it->color, it->dashed || it->sw == SW_RULE ? " stroke-dasharray=\"4 2\"" : "");
		break;
	case SW_BARS:
		emit(b, "<rect x=\"%f\" y=\"%f\" width=\"12\" height=\"10\" fill=\"%x\"/>", x + 1, cy - 5, it->color);
		break;
	case SW_POINTS:
		emit(b, "<circle cx=\"%f\" cy=\"%f\" r=\"4\" fill=\"%x\"/>", x + 7, cy, it->color);
		break;
	case SW_BAND:
		emit(b, "<rect x=\"%f\" y=\"%f\" width=\"14\" height=\"10\" fill=\"%x\" fill-opacity=\"0.25\" stroke=\"%x\"/>",
		    x, cy - 5, it->color, it->color);
		break;
	case SW_SPAN:
		emit(b, "<rect x=\"%f\" y=\"%f\" width=\"14\" height=\"10\" fill=\"%x\" fill-opacity=\"0.35\"/>", x, cy - 5,
		    it->color);
		break;
	}
}

/* Lay the legend out in rows from the left (drawing it when draw); returns the rows. */
static int legend(const layout *L, bool draw)
{
	const tendo_chart *c = L->c;
	double y0 = PAD + (c->title ? TITLE_H : 0);
	double x = PAD;
	int rows = 0;
	size_t total = c->n_series + c->n_bands + c->n_spans;
	for (size_t k = 0; k < total; k++) {
		legend_item it;
		if (!legend_get(L, k, &it))
			continue;
		double w = 18 + text_w(it.label, FONT);
		if (rows == 0)
			rows = 1;
		else if (x > PAD && x + w > L->w - PAD) {
			rows++;
			x = PAD;
		}
		if (draw) {
			double base = y0 + (rows - 1) * LEGEND_ROW + 12;
			legend_swatch(L->b, &it, x, base - 4);
			emit(L->b, "<text x=\"%f\" y=\"%f\">%x</text>\n", x + 18, base, it.label);
		}
		x += w + 14;
	}
	return rows;
}

static void plan(layout *L, const tendo_chart *c)
{
	memset(L, 0, sizeof(*L));
	L->c = c;
	L->w = c->width ? c->width : DEF_W;
	L->h = c->height ? c->height : DEF_H;
	for (size_t i = 0; i < c->n_series; i++) {
		L->ax[c->series[i].axis].used = true;
		for (int k = 0; k < c->n; k++)
			L->points += !missing(c->series[i].y[k]);
	}
	double x1, x2;
	for (size_t i = 0; i < c->n_spans; i++)
		L->marks += span_x(L, i, &x1, &x2); /* the x extent is not known yet, only whether it is drawn */
	for (size_t i = 0; i < c->n_markers; i++)
		L->marks += marker_in(c, i);

	L->legend_rows = legend(L, false);
	L->top = PAD + (c->title ? TITLE_H : 0) + L->legend_rows * LEGEND_ROW + 10;
	L->bottom = L->h - X_LABELS_H;
	if (L->bottom - L->top < MIN_PLOT_H) { /* a long legend: grow rather than squash */
		L->bottom = L->top + MIN_PLOT_H;
		L->h = L->bottom + X_LABELS_H;
	}
	int max_ticks = (int)((L->bottom - L->top) / 30) + 1;
	max_ticks = max_ticks < 3 ? 3 : max_ticks > MAX_Y_TICKS ? MAX_Y_TICKS : max_ticks;

	axis *a0 = &L->ax[0], *a1 = &L->ax[1];
	a0->drawn = a0->used || c->n_bands || c->y_label[0] || !isnan(c->y_min[0]) || !isnan(c->y_max[0]) ||
	            (!a1->used && !c->n_spans && !c->n_markers);
	a1->drawn = a1->used;
	for (int a = 0; a < 2; a++)
		if (L->ax[a].drawn)
			axis_range(L, a, max_ticks);

	double lm = PAD + (a0->drawn ? (c->y_label[0] ? AXIS_TITLE_W : 0) + a0->label_w + TICK + 4 : 0);
	double rm = a1->drawn ? PAD + (c->y_label[1] ? AXIS_TITLE_W : 0) + a1->label_w + TICK + 4 : 16;
	if (c->margin_left > 0)
		lm = c->margin_left;
	if (c->margin_right > 0)
		rm = c->margin_right;
	L->left = c->margin_left > 0 ? lm : fmax(lm, 28);
	L->right = L->w - rm;
	if (L->right - L->left < MIN_PLOT_W) { /* huge tick labels on a narrow chart */
		L->right = L->left + MIN_PLOT_W;
		L->w = L->right + rm;
	}
	L->slot = c->n ? (L->right - L->left) / c->n : 0;
}

/* ---- drawing ---- */

static void draw_head(const layout *L)
{
	const tendo_chart *c = L->c;
	tendo_buf *b = L->b;
	emit(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%x\" class=\"tendo-chart\" viewBox=\"0 0 %f %f\" "
	       "width=\"100%%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"",
	    c->id, L->w, L->h);
	if (c->title)
		emit(b, " aria-labelledby=\"%x-title\"", c->id);
	tendo_buf_printf(b, " data-points=\"%ld\" data-marks=\"%ld\"", L->points, L->marks);
	emit(b, " font-family=\"sans-serif\" font-size=\"%d\">\n", FONT);
	if (c->title)
		emit(b, "<title id=\"%x-title\">%x</title>\n", c->id, c->title);
	emit(b, "<defs><clipPath id=\"%x-clip\"><rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\"/></clipPath></defs>\n",
	    c->id, L->left - 4, L->top - 4, L->right - L->left + 8, L->bottom - L->top + 8);
	emit(b, "<rect class=\"background\" width=\"%f\" height=\"%f\" fill=\"#fff\"/>\n", L->w, L->h);
	if (c->title)
		emit(b, "<text class=\"title\" x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"bold\" fill=\"#222\">%x</text>\n",
		    PAD, PAD + 13, FONT_TITLE, c->title);
	if (L->legend_rows) {
		emit(b, "<g class=\"legend\" fill=\"#333\">\n");
		legend(L, true);
		emit(b, "</g>\n");
	}
}

static void draw_spans(const layout *L)
{
	const tendo_chart *c = L->c;
	char d1[CHART_DATESZ], d2[CHART_DATESZ];
	for (size_t i = 0; i < c->n_spans; i++) {
		double x1, x2;
		if (!span_x(L, i, &x1, &x2))
			continue;
		const tendo_chart_span *s = &c->spans[i];
		emit(L->b, "<rect class=\"span\" x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" fill=\"%x\" fill-opacity=\"0.16\">",
		    x1, L->top, x2 - x1, L->bottom - L->top, span_color(c, i));
		emit(L->b, "<title>%x%s%s \xe2\x80\x93 %s</title></rect>\n", s->label, s->label ? ": " : "",
		    chart_day(d1, s->from, true, true), chart_day(d2, s->to, true, true));
	}
}

static void draw_span_labels(const layout *L)
{
	const tendo_chart *c = L->c;
	for (size_t i = 0; i < c->n_spans; i++) {
		double x1, x2;
		const char *label = c->spans[i].label;
		if (!label || !span_x(L, i, &x1, &x2) || text_w(label, FONT_SMALL) + 8 > x2 - x1)
			continue;
		emit(L->b, "<text class=\"span-label\" x=\"%f\" y=\"%f\" font-size=\"%d\" fill=\"#333\" " HALO ">%x</text>\n",
		    x1 + 4, L->bottom - 5, FONT_SMALL, label);
	}
}

static void draw_grid(const layout *L)
{
	const axis *ax = L->ax[0].drawn ? &L->ax[0] : L->ax[1].drawn ? &L->ax[1] : NULL;
	if (!ax)
		return;
	int a = ax == &L->ax[0] ? 0 : 1;
	double v[MAX_TICKS];
	int n = axis_ticks(ax, v, MAX_TICKS);
	emit(L->b, "<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n");
	for (int i = 0; i < n; i++) {
		double y = ypos(L, a, v[i]);
		emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n", L->left, y, L->right, y);
	}
	emit(L->b, "</g>\n");
}

static void draw_bands(const layout *L)
{
	const tendo_chart *c = L->c;
	const axis *ax = &L->ax[0];
	char lo[CHART_NUMSZ], hi[CHART_NUMSZ];
	for (size_t i = 0; i < c->n_bands; i++) {
		const tendo_chart_band *bd = &c->bands[i];
		const char *color = band_color(c, i);
		chart_num(lo, bd->lo, ax->dec + 1);
		chart_num(hi, bd->hi, ax->dec + 1);
		if (bd->lo == bd->hi) {
			if (bd->lo < ax->lo || bd->lo > ax->hi)
				continue;
			double y = ypos(L, 0, bd->lo);
			emit(L->b, "<line class=\"band rule\" x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%x\" "
			          "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>%x%s%s</title></line>\n",
			    L->left, y, L->right, y, color, bd->label, bd->label ? ": " : "", lo);
			continue;
		}
		double y1 = ypos(L, 0, fmin(bd->hi, ax->hi)), y2 = ypos(L, 0, fmax(bd->lo, ax->lo));
		if (y2 - y1 <= 0)
			continue;
		emit(L->b, "<rect class=\"band\" x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" fill=\"%x\" fill-opacity=\"0.14\">"
		          "<title>%x%s%s \xe2\x80\x93 %s</title></rect>\n",
		    L->left, y1, L->right - L->left, y2 - y1, color, bd->label, bd->label ? ": " : "", lo, hi);
	}
}

/* The tooltip of value k of series s. */
static void value_title(const layout *L, const tendo_chart_series *s, int k)
{
	const tendo_chart *c = L->c;
	char d[CHART_DATESZ], v[CHART_NUMSZ];
	chart_day(d, (tendo_date)(c->x0 + (int64_t)k * c->step_days), true, true);
	chart_num(v, s->y[k], 2);
	emit(L->b, "<title>%x%s%s%s: %s</title>", s->name, s->name ? ", " : "", c->step_days == 7 ? "week of " : "", d, v);
}

static void draw_bars(const layout *L, size_t si, int bar_index, int n_bars)
{
	const tendo_chart *c = L->c;
	const tendo_chart_series *s = &c->series[si];
	const axis *ax = &L->ax[s->axis];
	double group = L->slot * (L->slot >= 4 ? 0.8 : 1.0);
	double bw = group / n_bars;
	double inset = bw > 4 ? 0.5 : 0;
	double yb = ypos(L, s->axis, fmax(ax->lo, fmin(ax->hi, 0)));
	for (int k = 0; k < c->n; k++) {
		if (missing(s->y[k]))
			continue;
		double x = L->left + k * L->slot + (L->slot - group) / 2 + bar_index * bw + inset;
		double yv = ypos(L, s->axis, s->y[k]);
		emit(L->b, "<rect class=\"bar\" x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\">", x, fmin(yv, yb), bw - 2 * inset,
		    fabs(yv - yb));
		value_title(L, s, k);
		emit(L->b, "</rect>\n");
	}
}

static void draw_line(const layout *L, size_t si)
{
	const tendo_chart *c = L->c;
	const tendo_chart_series *s = &c->series[si];
	const char *color = series_color(c, si);
	int k = 0;
	while (k < c->n) {
		if (missing(s->y[k])) {
			k++;
			continue;
		}
		int end = k;
		while (end < c->n && !missing(s->y[end]))
			end++;
		if (end - k == 1) { /* a lone value between gaps: a dot */
			emit(L->b, "<circle class=\"point\" cx=\"%f\" cy=\"%f\" r=\"3\" fill=\"%x\" stroke=\"none\">",
			    L->left + (k + 0.5) * L->slot, ypos(L, s->axis, s->y[k]), color);
			value_title(L, s, k);
			emit(L->b, "</circle>\n");
		} else {
			emit(L->b, "<path class=\"line\" d=\"");
			for (int i = k; i < end; i++)
				emit(L->b, i == k ? "M%f,%f" : "L%f,%f", L->left + (i + 0.5) * L->slot, ypos(L, s->axis, s->y[i]));
			emit(L->b, "\"/>\n");
		}
		k = end;
	}
}

/* A line through every value, across gaps, and a dot at each value. */
static void draw_trend(const layout *L, size_t si)
{
	const tendo_chart *c = L->c;
	const tendo_chart_series *s = &c->series[si];
	const char *color = series_color(c, si);
	int n = 0;
	for (int k = 0; k < c->n; k++) {
		if (missing(s->y[k]))
			continue;
		if (n++ == 0)
			emit(L->b, "<path class=\"line\" d=\"");
		emit(L->b, n == 1 ? "M%f,%f" : "L%f,%f", L->left + (k + 0.5) * L->slot, ypos(L, s->axis, s->y[k]));
	}
	if (n)
		emit(L->b, "\"/>\n");
	for (int k = 0; k < c->n; k++) {
		if (missing(s->y[k]))
			continue;
		emit(L->b, "<circle class=\"point\" cx=\"%f\" cy=\"%f\" r=\"3\" fill=\"%x\" stroke=\"#fff\" stroke-width=\"1\">",
		    L->left + (k + 0.5) * L->slot, ypos(L, s->axis, s->y[k]), color);
		value_title(L, s, k);
		emit(L->b, "</circle>\n");
	}
}

static void draw_points(const layout *L, size_t si)
{
	const tendo_chart *c = L->c;
	const tendo_chart_series *s = &c->series[si];
	for (int k = 0; k < c->n; k++) {
		if (missing(s->y[k]))
			continue;
		emit(L->b, "<circle class=\"point\" cx=\"%f\" cy=\"%f\" r=\"3.5\">", L->left + (k + 0.5) * L->slot,
		    ypos(L, s->axis, s->y[k]));
		value_title(L, s, k);
		emit(L->b, "</circle>\n");
	}
}

static void draw_series(const layout *L)
{
	const tendo_chart *c = L->c;
	static const tendo_chart_kind order[] = { TENDO_CHART_BARS, TENDO_CHART_LINE, TENDO_CHART_TREND, TENDO_CHART_POINTS };
	static const char *const kind_class[] = { "line", "bars", "points", "trend" };
	if (c->n == 0 || c->n_series == 0)
		return;
	int n_bars = 0, bar_index = 0;
	for (size_t i = 0; i < c->n_series; i++)
		n_bars += c->series[i].kind == TENDO_CHART_BARS;
	emit(L->b, "<g class=\"data\" clip-path=\"url(#%x-clip)\">\n", c->id);
	for (size_t pass = 0; pass < sizeof(order) / sizeof(order[0]); pass++) {
		for (size_t i = 0; i < c->n_series; i++) {
			const tendo_chart_series *s = &c->series[i];
			if (s->kind != order[pass])
				continue;
			const char *color = series_color(c, i);
			emit(L->b, "<g class=\"series s%d %s\"", (int)i, kind_class[s->kind]);
			if (s->name)
				emit(L->b, " data-name=\"%x\"", s->name);
			if (s->axis)
				emit(L->b, " data-axis=\"right\"");
			if (s->kind == TENDO_CHART_LINE || s->kind == TENDO_CHART_TREND)
				emit(L->b, " fill=\"none\" stroke=\"%x\" stroke-width=\"2\" stroke-linejoin=\"round\" "
				          "stroke-linecap=\"round\"%s",
				    color, s->dashed ? " stroke-dasharray=\"6 4\"" : "");
			else if (s->kind == TENDO_CHART_BARS)
				emit(L->b, " fill=\"%x\" fill-opacity=\"0.85\"", color);
			else
				emit(L->b, " fill=\"%x\" stroke=\"#fff\" stroke-width=\"1\"", color);
			emit(L->b, ">%s%x%s\n", s->name ? "<title>" : "", s->name, s->name ? "</title>" : "");
			if (s->kind == TENDO_CHART_BARS)
				draw_bars(L, i, bar_index++, n_bars);
			else if (s->kind == TENDO_CHART_LINE)
				draw_line(L, i);
			else if (s->kind == TENDO_CHART_TREND)
				draw_trend(L, i);
			else
				draw_points(L, i);
			emit(L->b, "</g>\n");
		}
	}
	emit(L->b, "</g>\n");
}

typedef struct {
	tendo_date date;
	size_t i;
} marker_ref;

static int marker_cmp(const void *pa, const void *pb)
{
	const marker_ref *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Markers: lines with tooltips, then labels in rows where they fit.
 * Returns 0 or TENDO_ENOMEM. */
static int draw_markers(const layout *L)
{
	const tendo_chart *c = L->c;
	if (L->marks == 0 || c->n_markers == 0)
		return 0;
	marker_ref *m = tendo_malloc(c->n_markers * sizeof(*m));
	if (!m)
		return tendo_error_set(TENDO_ENOMEM, "chart %s: out of memory for %zu markers", c->id, c->n_markers);
	size_t n = 0;
	for (size_t i = 0; i < c->n_markers; i++)
		if (marker_in(c, i))
			m[n++] = (marker_ref){ c->markers[i].date, i };
	qsort(m, n, sizeof(*m), marker_cmp);
	char d[CHART_DATESZ];
	emit(L->b, "<g class=\"markers\">\n");
	for (size_t k = 0; k < n; k++) {
		const tendo_chart_marker *mk = &c->markers[m[k].i];
		double x = xday(L, mk->date + 0.5);
		emit(L->b, "<g class=\"marker\"><title>%x%s%s</title>", mk->label, mk->label ? ", " : "",
		    chart_day(d, mk->date, true, true));
		emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#555\" stroke-width=\"1\" "
		          "stroke-dasharray=\"3 3\"/>",
		    x, L->top, x, L->bottom);
		emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"transparent\" stroke-width=\"8\"/></g>\n", x,
		    L->top, x, L->bottom);
	}
	/* up to three rows of labels, leaving the bottom to the span labels */
	double row_right[3] = { -1e9, -1e9, -1e9 };
	int rows = (int)((L->bottom - L->top - 30) / 13);
	rows = rows < 1 ? 1 : rows > 3 ? 3 : rows;
	for (size_t k = 0; k < n; k++) {
		const tendo_chart_marker *mk = &c->markers[m[k].i];
		if (!mk->label)
			continue;
		double x = xday(L, mk->date + 0.5);
		double w = text_w(mk->label, FONT_SMALL);
		bool end = x + 3 + w > L->right;
		double x1 = end ? x - 3 - w : x + 3;
		for (int row = 0; row < rows; row++) {
			if (x1 < row_right[row] + 6 || x1 < 1)
				continue;
			emit(L->b, "<text class=\"marker-label\" x=\"%f\" y=\"%f\" font-size=\"%d\" fill=\"#333\"%s " HALO ">%x</text>\n",
			    end ? x - 3 : x + 3, L->top + 11 + row * 13, FONT_SMALL, end ? " text-anchor=\"end\"" : "", mk->label);
			row_right[row] = x1 + w;
			break;
		}
	}
	emit(L->b, "</g>\n");
	free(m);
	return 0;
}

static void draw_y_axes(const layout *L)
{
	const tendo_chart *c = L->c;
	char s[CHART_NUMSZ];
	double v[MAX_TICKS];
	for (int a = 0; a < 2; a++) {
		const axis *ax = &L->ax[a];
		if (!ax->drawn)
			continue;
		int n = axis_ticks(ax, v, MAX_TICKS);
		emit(L->b, "<g class=\"y-label%s\" fill=\"#555\" text-anchor=\"%s\">\n", a ? " right" : "", a ? "start" : "end");
		for (int i = 0; i < n; i++)
			emit(L->b, "<text x=\"%f\" y=\"%f\" dy=\"0.32em\">%s</text>\n",
			    a ? L->right + TICK + 2 : L->left - TICK - 2, ypos(L, a, v[i]), chart_num(s, v[i], ax->dec));
		emit(L->b, "</g>\n");
		if (c->y_label[a])
			emit(L->b, "<text class=\"axis-title%s\" transform=\"translate(%f,%f) rotate(-90)\" text-anchor=\"middle\" "
			          "fill=\"#555\">%x</text>\n",
			    a ? " right" : "", a ? L->w - PAD - 3 : PAD + 11.0, (L->top + L->bottom) / 2, c->y_label[a]);
	}
}

/* One x label with its tick at x unless it would overlap the previous one
 * or leave the chart; returns whether it was drawn. */
static bool x_label(const layout *L, double x, const char *label, double *last_right)
{
	double w = text_w(label, FONT);
	if (x - w / 2 < 1 || x + w / 2 > L->w - 1 || x - w / 2 < *last_right + 6)
		return false;
	emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#999\"/><text x=\"%f\" y=\"%f\">%x</text>\n", x,
	    L->bottom, x, L->bottom + TICK, x, L->bottom + TICK + 12, label);
	*last_right = x + w / 2;
	return true;
}

/* Day labels every iv days ("5 Jan", then "12", "19", ... with the month
 * again when it changes); weekly intervals of daily data fall on Mondays. */
static void x_days(const layout *L, int iv)
{
	const tendo_chart *c = L->c;
	double last_right = -1e9;
	int prev_month = 0, mondays = 0;
	char s[CHART_DATESZ];
	for (int i = 0; i < c->n; i++) {
		tendo_date d = (tendo_date)(c->x0 + (int64_t)i * c->step_days);
		if (c->step_days == 1 && iv >= 7) {
			if (tendo_date_weekday(d) != 0 || mondays++ % (iv / 7) != 0)
				continue;
		} else if (i % (iv / c->step_days) != 0) {
			continue;
		}
		int y, m, dd;
		tendo_date_to_ymd(d, &y, &m, &dd);
		if (x_label(L, L->left + (i + 0.5) * L->slot, chart_day(s, d, m != prev_month, false), &last_right))
			prev_month = m;
	}
}

/* Month labels every `months` months on the 1st ("Nov 2026", "Dec", "Jan
 * 2027"), or year labels from 12 months up. */
static void x_months(const layout *L, int months)
{
	const tendo_chart *c = L->c;
	double last_right = -1e9;
	bool first = true;
	int y, m, dd;
	tendo_date_to_ymd(c->x0, &y, &m, &dd);
	if (dd != 1 && ++m > 12)
		m = 1, y++;
	char s[CHART_DATESZ];
	for (;;) {
		tendo_date d = tendo_date_from_ymd(y, m, 1);
		if (d > last_day(c))
			break;
		long mi = y * 12L + m - 1;
		bool pick = months < 12 ? mi % months == 0 : (m == 1 && y % (months / 12) == 0);
		if (pick) {
			if (months >= 12)
				snprintf(s, sizeof(s), "%d", y);
			else if (first || m == 1)
				snprintf(s, sizeof(s), "%s %d", chart_month(m), y);
			else
				snprintf(s, sizeof(s), "%s", chart_month(m));
			double x = c->step_days == 1 ? L->left + (d - c->x0 + 0.5) * L->slot : xday(L, d);
			if (x_label(L, x, s, &last_right))
				first = false;
		}
		if (++m > 12)
			m = 1, y++;
	}
}

static void draw_x_axis(const layout *L)
{
	const tendo_chart *c = L->c;
	if (c->n == 0)
		return;
	double cw = FONT * CHAR_EM;
	double ppd = L->slot / c->step_days; /* viewBox units per day */
	int s = c->step_days;
	int days[4] = { 1, 2, 7, 14 };
	if (s != 1)
		days[0] = s, days[1] = 2 * s, days[2] = 4 * s, days[3] = 4 * s;
	emit(L->b, "<g class=\"x-label\" text-anchor=\"middle\" fill=\"#555\">\n");
	int iv = 0;
	for (int i = 0; i < 4 && !iv; i++)
		if (days[i] * ppd >= 6 * cw + 10) /* "30 Nov" */
			iv = days[i];
	if (iv) {
		x_days(L, iv);
	} else {
		static const int months[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000 };
		int mv = 12000;
		for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
			double span = months[i] < 12 ? 28.0 * months[i] : 365.0 * months[i] / 12;
			if (span * ppd >= (months[i] < 12 ? 8 : 4) * cw + 10) { /* "Jan 2027", "2027" */
				mv = months[i];
				break;
			}
		}
		x_months(L, mv);
	}
	emit(L->b, "</g>\n");
}

static void draw_frame(const layout *L)
{
	emit(L->b, "<g class=\"axis\" stroke=\"#999\" stroke-width=\"1\">\n");
	emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n", L->left, L->bottom, L->right, L->bottom);
	emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n", L->left, L->top, L->left, L->bottom);
	if (L->ax[1].drawn)
		emit(L->b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n", L->right, L->top, L->right, L->bottom);
	emit(L->b, "</g>\n");
}

static int draw(const layout *L)
{
	const tendo_chart *c = L->c;
	draw_head(L);
	draw_spans(L);
	draw_grid(L);
	draw_bands(L);
	draw_series(L);
	int rc = draw_markers(L);
	if (rc)
		return rc;
	draw_span_labels(L);
	draw_frame(L);
	draw_y_axes(L);
	draw_x_axis(L);
	if (L->points == 0 && (c->n_series > 0 || L->marks == 0))
		emit(L->b, "<text class=\"empty\" x=\"%f\" y=\"%f\" dy=\"0.32em\" text-anchor=\"middle\" font-size=\"%d\" "
		          "fill=\"#888\">no data yet</text>\n",
		    (L->left + L->right) / 2, (L->top + L->bottom) / 2, FONT_TITLE);
	emit(L->b, "</svg>\n");
	return 0;
}

int tendo_chart_svg(char **out, size_t *out_len, const tendo_chart *c)
{
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!out || !c)
		return tendo_error_set(TENDO_EINVAL, "chart: no output or no chart");
	int rc = check(c);
	if (rc)
		return rc;
	layout L;
	tendo_buf b;
	plan(&L, c);
	tendo_buf_init(&b);
	L.b = &b;
	rc = draw(&L);
	if (!rc)
		rc = b.err;
	if (rc) {
		tendo_buf_dispose(&b);
		return rc;
	}
	size_t len;
	char *s = tendo_buf_take(&b, &len);
	if (!s)
		return TENDO_ENOMEM;
	*out = s;
	if (out_len)
		*out_len = len;
	return 0;
}
