/*
 * tendo/report.h - the whole story on one page: what was prescribed and
 * done day by day (adherence), the charts (pain against load, weekly
 * volume, acute:chronic ratio, stage timeline, symmetry of the readiness
 * tests, strength loads, VISA-H, weekly adherence, sitting), the
 * references behind the rules, and a self-contained HTML report around
 * them.
 */
#ifndef TENDO_REPORT_H
#define TENDO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine.h"
#include "timeline.h"
#include "schedule.h"

/* One day as the engine prescribed it that morning and as the log says it
 * went: the timeline's record (tendo/timeline.h). */
typedef tendo_day tendo_report_day;

/* Prescribed against done over some days. */
typedef struct {
	int runs_prescribed, runs_done;       /* runs done on days one was prescribed */
	int runs_extra;                       /* runs on days none was */
	int runs_longer;                      /* runs more than 10% over the prescription */
	int strength_prescribed, strength_done;
	int holds_prescribed, holds_done;     /* days of holds only */
	double percent;                       /* sessions done / prescribed, NAN if none */
} tendo_adherence;

/*
 * The n days from `from` (1-7305) from the timeline: what each morning
 * prescribed and what was done. O(days + entries).
 * Returns 0, TENDO_EINVAL for n out of range, or TENDO_ENOMEM.
 */
int tendo_report_days(tendo_report_day *out, int n, const tendo_profile *profile, const tendo_log *log,
                      tendo_date from);

/* Sum adherence over days (never fails). */
void tendo_report_adherence(tendo_adherence *out, const tendo_report_day *days, int n);

typedef struct {
	tendo_date from, to;   /* inclusive; from <= to, at most 20 years apart */
	tendo_date today;      /* the prescription shown ("current"), usually to */
	time_t generated;      /* shown in the footer */
	const char *css_href;  /* NULL: the stylesheet inline (a self-contained file for email);
	                        * else a <link rel="stylesheet"> to this URL (e.g. "/static/report.css"
	                        * serving tendo_report_css()), so the page needs no inline style and
	                        * renders under a CSP of style-src 'self' */
} tendo_report_options;

#define TENDO_REPORT_CHARTS 10

typedef struct {
	const char *id;        /* "chart-pain", "chart-load", "chart-volume", "chart-acwr",
	                        * "chart-stage", "chart-lsi", "chart-strength", "chart-visa",
	                        * "chart-adherence", "chart-sitting" (static) */
	const char *title;     /* static */
	char *svg;             /* owned: free() or tendo_report_charts_free() */
	size_t len;
} tendo_report_chart;

/*
 * Draw the charts of the report for [from, to]. They share one width, the
 * same margins and the same days (whole weeks from the Monday of `from`),
 * so their x axes line up down the page. The pain chart has the stages as
 * shaded bands, a marker on each flared morning, and its pain dots by
 * where they came from (during a run, during rehab, after).
 * out: TENDO_REPORT_CHARTS charts, each svg owned by the caller
 * Returns 0, TENDO_EINVAL (bad range), or TENDO_ENOMEM (nothing to free).
 */
int tendo_report_charts(tendo_report_chart out[TENDO_REPORT_CHARTS], const tendo_profile *profile,
                        const tendo_log *log, const tendo_report_options *options);
void tendo_report_charts_free(tendo_report_chart charts[TENDO_REPORT_CHARTS]);

/*
 * The report as one self-contained HTML5 page: inline CSS and SVG, no
 * script, no external resource of any kind (a Content-Security-Policy of
 * default-src 'none' says so to the browser); readable at phone width and
 * in print. With options->css_href the stylesheet is linked instead and
 * the page has no inline style at all (the charts use SVG presentation
 * attributes only, never style=""), for a server with a strict CSP. With nothing logged in the range it says so and still renders.
 * out: NUL-terminated, owned by the caller (free()).
 * Returns 0, TENDO_EINVAL (bad range), or TENDO_ENOMEM.
 */
int tendo_report_html(char **out, size_t *out_len, const tendo_profile *profile, const tendo_schedule *schedule,
                      const tendo_log *log, const tendo_report_options *options);

/* A work the engine's sources name, with its full citation. */
typedef struct {
	const char *id;        /* what a source text names it by: "seed:003" (seed 003),
	                        * "protocol:10" (PROTOCOL.md 10, 10.1, ...), or an author's name
	                        * ("Silbernagel") */
	const char *label;     /* short: "Silbernagel et al. 2007" */
	const char *citation;  /* full: authors, title, journal or source, year */
} tendo_reference;

/* Every reference, in the report's order (numbered from 1); static. */
const tendo_reference *tendo_references(size_t *n);

/*
 * The references a source text names ("PROTOCOL.md 10.2; seed 003 (Goom,
 * ...)", as in tendo_rule.source and tendo_exercise.source): their indexes
 * into tendo_references(), each once, in the order named, the first max
 * of them into out. Returns how many it names (may exceed max), or
 * TENDO_ENOTFOUND naming a part of the text no reference matches.
 */
int tendo_references_cite(int *out, int max, const char *source);

/* The report's stylesheet (static, NUL-terminated): what the page inlines
 * without css_href, for a server to send at the css_href URL. */
const char *tendo_report_css(void);

#endif
