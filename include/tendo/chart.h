/*
 * tendo/chart.h - small SVG charts for the report and the dashboard.
 *
 * One call turns a description of a chart (series of daily or weekly
 * values, reference bands, shaded date spans, vertical markers) into an
 * <svg> element that scales to the width of its container: pain against
 * running minutes, weekly volume with a guide line, the acute:chronic
 * ratio with its band, the stage timeline, limb symmetry indices.
 *
 * The chart borrows everything it is given for the call only. The output
 * is deterministic (the same chart gives the same bytes), locale-free, and
 * never contains "nan" or "inf".
 */
#ifndef TENDO_CHART_H
#define TENDO_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

#define TENDO_CHART_MAX_VALUES 100000 /* bound on tendo_chart.n */
#define TENDO_CHART_MAX_STEP 366      /* bound on tendo_chart.step_days, days */
#define TENDO_CHART_MAX_ABS 1e12      /* bound on |value| of finite values and limits */

typedef enum {
	TENDO_CHART_LINE,   /* a line through the values; a lone value between gaps is a dot */
	TENDO_CHART_BARS,   /* one bar per value from 0; several bar series stand side by side */
	TENDO_CHART_POINTS, /* one dot per value */
	TENDO_CHART_TREND   /* a line joining the values across gaps, with a dot at each (e.g. a
	                     * load logged every few days) */
} tendo_chart_kind;

typedef struct {
	const char *name;        /* legend label; NULL = not in the legend */
	tendo_chart_kind kind;
	int axis;                /* 0 = left axis, 1 = right axis */
	const double *y;         /* n values (tendo_chart.n), in the axis' unit; NAN (or
	                          * another non-finite value) = missing: a gap in a line,
	                          * no bar, no point */
	const char *color;       /* CSS colour, e.g. "#d62728"; NULL = from a palette */
	bool dashed;             /* dashed line (e.g. a guide) */
} tendo_chart_series;

/* A horizontal band on the left axis, lo..hi in its unit; lo == hi draws a
 * dashed rule (e.g. the 90% symmetry line). color NULL = grey. */
typedef struct {
	double lo, hi;           /* left-axis units, finite, lo <= hi */
	const char *label;       /* legend label and tooltip; NULL = none */
	const char *color;       /* CSS colour */
} tendo_chart_band;

/* A shaded x range across the plot height, e.g. a stage of the protocol. */
typedef struct {
	tendo_date from, to;     /* inclusive days, from <= to; clipped to the chart */
	const char *label;       /* written inside when it fits, tooltip, legend (once per
	                          * label and colour); NULL = none */
	const char *color;       /* CSS colour; NULL = from a palette */
} tendo_chart_span;

/* A thin vertical line at a day (e.g. a decision), with a small label where
 * it does not overlap another and always a tooltip. Outside the chart: not drawn. */
typedef struct {
	tendo_date date;         /* the day */
	const char *label;       /* NULL = none */
} tendo_chart_marker;

typedef struct {
	const char *id;          /* id attribute of the <svg> (e.g. "chart-pain"); required:
	                          * letters, digits, '-', '_', ':' or '.'; also prefixes
	                          * the ids inside ("<id>-clip", "<id>-title") */
	const char *title;       /* shown above the plot and as <title>; NULL = none */
	tendo_date x0;           /* day of the first value */
	int n;                   /* values per series (0..TENDO_CHART_MAX_VALUES; 0 = empty chart
	                          * that still renders axes and says "no data yet") */
	int step_days;           /* days per value (1..TENDO_CHART_MAX_STEP): 1 = daily values,
	                          * 7 = weekly (x0 is the week's Monday) */
	const char *y_label[2];  /* axis titles, NULL = none; the right axis is drawn only if a
	                          * series uses it */
	double y_min[2], y_max[2]; /* axis limits; NAN = automatic from the data with nice ticks
	                            * (0 included for bars, the bands for the left axis) */
	const tendo_chart_series *series; size_t n_series;
	const tendo_chart_band *bands; size_t n_bands;
	const tendo_chart_span *spans; size_t n_spans;
	const tendo_chart_marker *markers; size_t n_markers;
	int width, height;       /* viewBox size in its units (1 unit = 1 px at 100%
	                          * scale); 0 = 640 x 260; otherwise at least 200 x 120;
	                          * the height grows if a long legend needs it */
	int margin_left, margin_right; /* room left and right of the plot, viewBox units; 0 =
	                          * automatic (from the tick labels); charts of one width and
	                          * margins, and the same days, have x axes that line up */
} tendo_chart;

/*
 * Render c as a standalone SVG document fragment (<svg ...>...</svg>, no XML
 * prolog, inline-able in HTML5 and valid as a .svg file with xmlns).
 *
 * The <svg> has width="100%" and a viewBox (no fixed pixel size), class
 * "tendo-chart", data-points="N" (the non-missing values plotted, across
 * series) and data-marks="M" (the spans and markers drawn within the x
 * range). Elements carry classes: "series s<i> line|bars|points" groups
 * (or "trend") holding "line", "bar" and "point" elements, "band", "span", "marker",
 * "legend", "grid", "axis", "x-label", "y-label", "empty". With nothing to
 * plot (N and M both 0) the frame and axes are drawn with "no data yet".
 *
 * out:     set to the NUL-terminated text; the caller frees it with free()
 *          (NULL on error)
 * out_len: its length (may be NULL)
 * Returns 0, TENDO_EINVAL (bad chart: no id or one with other characters,
 * n or step_days out of range, NULL arrays with counts, series axis not 0/1
 * or unknown kind, NULL y with n > 0, a finite value beyond
 * TENDO_CHART_MAX_ABS, infinite limits, y_min >= y_max when both given, a
 * band with lo > hi or non-finite, a span with to < from, width or height
 * too small), or TENDO_ENOMEM.
 */
int tendo_chart_svg(char **out, size_t *out_len, const tendo_chart *c);

/*
 * "Nice" axis ticks (1, 2, 2.5, 5 x 10^k) covering [lo, hi] with at most
 * max_ticks ticks (values < 3 count as 3: a range around 0 needs three):
 * the smallest such step for which the multiples of it from *out_lo to
 * *out_hi are at most max_ticks.
 * *out_lo <= lo, *out_hi >= hi, *out_step > 0. lo > hi are swapped;
 * lo == hi (or a range too small to split) becomes 0..value (0..1 for 0);
 * a non-finite end takes the other's value. Pure function.
 */
void tendo_chart_nice_ticks(double lo, double hi, int max_ticks, double *out_lo, double *out_hi, double *out_step);

#endif
