/*
 * report.c - the report (tendo/report.h): day-by-day prescribed against
 * done, the six charts drawn with the chart module, and the HTML page
 * around them. The page has no script and fetches nothing: inline CSS,
 * inline SVG, and a Content-Security-Policy of default-src 'none'.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/chart.h>
#include <tendo/errors.h>
#include <tendo/metrics.h>
#include <tendo/report.h>

#include "util/alloc.h"
#include "util/buf.h"

#define MAX_DAYS 7305

static int check_range(const tendo_report_options *o)
{
	if (o->from == TENDO_DATE_NONE || o->to == TENDO_DATE_NONE || o->from > o->to)
		return tendo_error_set(TENDO_EINVAL, "report: the first day must not be after the last");
	if ((long)o->to - (long)o->from >= MAX_DAYS)
		return tendo_error_set(TENDO_EINVAL, "report: at most 20 years at a time");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Prescribed against done                                             */

int tendo_report_days(tendo_report_day *out, int n, const tendo_profile *p, const tendo_log *log, tendo_date from)
{
	if (n < 1 || n > MAX_DAYS)
		return tendo_error_set(TENDO_EINVAL, "report: 1-%d days (got %d)", MAX_DAYS, n);
	/* what was prescribed each morning and what was done: the timeline */
	return tendo_timeline(out, n, p, log, from, NULL);
}

void tendo_report_adherence(tendo_adherence *a, const tendo_report_day *days, int n)
{
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < n; i++) {
		const tendo_report_day *d = &days[i];
		bool ran = d->run_done_min > 0;
		if (d->run_prescribed) {
			a->runs_prescribed++;
			a->runs_done += ran;
			a->runs_longer += ran && d->run_done_min > 1.1 * d->run_minutes;
		} else if (ran) {
			a->runs_extra++;
		}
		if (d->strength_prescribed) {
			a->strength_prescribed++;
			a->strength_done += d->strength_done;
		} else if (d->rehab_prescribed) {
			a->holds_prescribed++;
			a->holds_done += d->rehab_done;
		}
	}
	int want = a->runs_prescribed + a->strength_prescribed + a->holds_prescribed;
	int done = a->runs_done + a->strength_done + a->holds_done;
	a->percent = want ? 100.0 * done / want : NAN;
}

/* ------------------------------------------------------------------ */
/* Charts                                                              */

static const char *const stage_color[] = { "#fde0c5", "#d9ecd0", "#cfe1f2", "#e4d7ef" };

/* Everything the charts are drawn from; all arrays owned. */
typedef struct {
	int n;                  /* days */
	tendo_date from;
	double *during, *after, *task, *run_min, *rehab_load, *run_load, *cross_load, *acwr, *stage;
	double *lsi_curl, *lsi_bridge;
	int weeks;              /* Monday-aligned weeks covering the days */
	tendo_date week0;
	double *week_min, *week_guide;
	bool weekly;            /* the range is long: pain and load charts by week */
	double *w_task, *w_during, *w_after, *w_run, *w_runload, *w_rehab, *w_cross;
	tendo_report_day *days;
	tendo_chart_span spans[64];
	size_t n_spans;
	tendo_chart_marker markers[64];
	char marker_text[64][64];
	size_t n_markers;
} series;

static void series_free(series *s)
{
	free(s->during), free(s->after), free(s->task), free(s->run_min), free(s->rehab_load), free(s->run_load);
	free(s->cross_load), free(s->acwr), free(s->stage), free(s->lsi_curl), free(s->lsi_bridge);
	free(s->week_min), free(s->week_guide), free(s->days);
	free(s->w_task), free(s->w_during), free(s->w_after), free(s->w_run), free(s->w_runload), free(s->w_rehab);
	free(s->w_cross);
	memset(s, 0, sizeof(*s));
}

static double *nans(int n)
{
	double *v = tendo_malloc((size_t)n * sizeof(double));
	for (int i = 0; v && i < n; i++)
		v[i] = NAN;
	return v;
}

/* Above this many days the pain and load charts show weeks: daily bars
 * would be a pixel wide on a phone. */
#define WEEKLY_ABOVE_DAYS 182

enum rollup { R_SUM, R_MAX, R_MEAN };

/* Days into Monday-aligned weeks; missing days are skipped, a week with
 * none is missing. */
static void rollup(double *out, const double *daily, const series *s, enum rollup how)
{
	for (int w = 0; w < s->weeks; w++) {
		double acc = NAN;
		int cnt = 0;
		for (int k = 0; k < 7; k++) {
			long i = (long)(s->week0 + 7 * w + k) - (long)s->from;
			if (i < 0 || i >= s->n || !isfinite(daily[i]))
				continue;
			double v = daily[i];
			acc = cnt == 0 ? v : how == R_MAX ? fmax(acc, v) : acc + v;
			cnt++;
		}
		out[w] = how == R_MEAN && cnt ? acc / cnt : acc;
	}
}

static void zero_missing(double *v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i] <= 0)
			v[i] = NAN;
}

static void max_into(double *v, double x)
{
	if (x >= 0 && (isnan(*v) || x > *v))
		*v = x;
}

static int series_build(series *s, const tendo_profile *p, const tendo_log *log, const tendo_report_options *o)
{
	memset(s, 0, sizeof(*s));
	int n = (int)(o->to - o->from) + 1;
	s->n = n;
	s->from = o->from;
	s->week0 = o->from - tendo_date_weekday(o->from);
	s->weeks = (int)((o->to - s->week0) / 7) + 1;
	double **all[] = { &s->during, &s->after, &s->task, &s->run_min, &s->rehab_load, &s->run_load,
		           &s->cross_load, &s->acwr, &s->stage, &s->lsi_curl, &s->lsi_bridge };
	for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++)
		if (!(*all[k] = nans(n)))
			goto oom;
	if (!(s->week_min = nans(s->weeks)) || !(s->week_guide = nans(s->weeks)))
		goto oom;
	if (!(s->days = tendo_calloc((size_t)n, sizeof(tendo_report_day))))
		goto oom;

	/* the per-day truth: the timeline (what each morning prescribed, the
	 * morning signal the engine used, the day's pain and what was done) */
	int err = tendo_report_days(s->days, n, p, log, o->from);
	if (err) {
		series_free(s);
		return err;
	}
	for (int i = 0; i < n; i++) {
		s->run_min[i] = s->rehab_load[i] = s->run_load[i] = s->cross_load[i] = 0;
		max_into(&s->task[i], s->days[i].morning);
		max_into(&s->during[i], s->days[i].pain_during);
		max_into(&s->after[i], s->days[i].pain_after);
	}
	for (size_t k = 0; k < log->n_runs; k++) {
		const tendo_run *x = &log->runs[k];
		long i = (long)x->date - (long)o->from;
		if (i < 0 || i >= n)
			continue;
		s->run_min[i] += x->minutes;
		s->run_load[i] += tendo_metrics_run_load(x, NULL);
	}
	for (size_t k = 0; k < log->n_rehab; k++) {
		const tendo_rehab *x = &log->rehab[k];
		long i = (long)x->date - (long)o->from;
		if (i >= 0 && i < n)
			s->rehab_load[i] += tendo_metrics_rehab_load(x, NULL);
	}
	for (size_t k = 0; k < log->n_cross; k++) {
		const tendo_cross *x = &log->cross[k];
		long i = (long)x->date - (long)o->from;
		if (i >= 0 && i < n)
			s->cross_load[i] += tendo_metrics_cross_load(x, NULL);
	}
	/* bars of 0 are drawn as nothing: mark empty days missing */
	zero_missing(s->run_min, n);
	zero_missing(s->run_load, n);
	zero_missing(s->rehab_load, n);
	zero_missing(s->cross_load, n);
	/* weekly running minutes (weeks before the data count as 0) and the 10% guide */
	for (int w = 0; w < s->weeks; w++)
		s->week_min[w] = 0;
	for (size_t k = 0; k < log->n_runs; k++) {
		long w = ((long)log->runs[k].date - (long)s->week0) / 7;
		if (log->runs[k].date >= s->week0 && w < s->weeks)
			s->week_min[w] += log->runs[k].minutes;
	}
	for (int w = 1; w < s->weeks; w++)
		if (s->week_min[w - 1] > 0)
			s->week_guide[w] = s->week_min[w - 1] * (1 + p->settings.weekly_growth);
	zero_missing(s->week_min, s->weeks);

	if (n > WEEKLY_ABOVE_DAYS) {
		s->weekly = true;
		double **w[] = { &s->w_task, &s->w_during, &s->w_after, &s->w_run, &s->w_runload, &s->w_rehab, &s->w_cross };
		for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
			if (!(*w[k] = nans(s->weeks)))
				goto oom;
		rollup(s->w_task, s->task, s, R_MEAN);
		rollup(s->w_during, s->during, s, R_MAX);
		rollup(s->w_after, s->after, s, R_MAX);
		rollup(s->w_run, s->run_min, s, R_SUM);
		rollup(s->w_runload, s->run_load, s, R_SUM);
		rollup(s->w_rehab, s->rehab_load, s, R_SUM);
		rollup(s->w_cross, s->cross_load, s, R_SUM);
	}

	/* the acute:chronic ratio: EWMAs from the profile's start */
	tendo_date start = p->start != TENDO_DATE_NONE && p->start <= o->to ? p->start : o->from;
	if (start > o->from)
		start = o->from;
	int total = (int)(o->to - start) + 1;
	double *d = tendo_malloc((size_t)total * sizeof(double));
	if (!d)
		goto oom;
	tendo_metrics_daily(d, log, start, total, NULL);
	tendo_metrics_ewma(d, d, total, NULL, NULL); /* in place: each day's ratio */
	for (int i = 0; i < total; i++) {
		long j = (long)(start + i) - (long)o->from;
		if (j >= 0 && j < n && (start + i) >= p->start)
			s->acwr[j] = d[i];
	}
	free(d);

	/* readiness tests: LSI against the other side (or the first test) */
	const tendo_test *first = tendo_log_first_test(log);
	for (size_t k = 0; k < log->n_tests; k++) {
		const tendo_test *t = &log->tests[k];
		long i = (long)t->date - (long)o->from;
		if (i < 0 || i >= n)
			continue;
		double lc2 = -1, lb = -1;
		(void)tendo_engine_test_passes(t, t == first ? NULL : first, p, &lc2, &lb);
		if (lc2 >= 0)
			s->lsi_curl[i] = lc2;
		if (lb >= 0)
			s->lsi_bridge[i] = lb;
	}

	/* the stage of each day, its spans and the decisions that moved it */
	for (int i = 0; i < n; i++) {
		const tendo_report_day *x = &s->days[i];
		s->stage[i] = x->red_flag ? NAN : (double)x->stage + 1;
		bool new_span = i == 0 || x->stage != s->days[i - 1].stage || x->red_flag != s->days[i - 1].red_flag;
		if (new_span && s->n_spans < sizeof(s->spans) / sizeof(s->spans[0])) {
			tendo_chart_span *sp = &s->spans[s->n_spans++];
			sp->from = sp->to = x->date;
			sp->label = x->red_flag ? "red flag: see a clinician" : tendo_stage_title(x->stage);
			sp->color = x->red_flag ? "#f4b6b6" : stage_color[x->stage];
		} else if (s->n_spans) {
			s->spans[s->n_spans - 1].to = x->date;
		}
		if (x->moved_by && s->n_markers < sizeof(s->markers) / sizeof(s->markers[0])) {
			size_t m = s->n_markers++;
			snprintf(s->marker_text[m], sizeof(s->marker_text[m]), "%s", x->moved_by);
			s->markers[m].date = x->date;
			s->markers[m].label = s->marker_text[m];
		}
	}
	return 0;
oom:
	series_free(s);
	return tendo_error_set(TENDO_ENOMEM, "report: out of memory");
}

static const char *const chart_ids[TENDO_REPORT_CHARTS] = {
	"chart-pain", "chart-load", "chart-volume", "chart-acwr", "chart-stage", "chart-lsi",
};
static const char *const chart_titles[TENDO_REPORT_CHARTS] = {
	"Pain (0-10) and running minutes",
	"Daily training load (session RPE x minutes)",
	"Weekly running minutes, with the 10% guide",
	"Acute:chronic workload ratio (a trend, not a verdict)",
	"Stage of the protocol and the decisions that moved it",
	"Limb symmetry in the readiness tests",
};

void tendo_report_charts_free(tendo_report_chart charts[TENDO_REPORT_CHARTS])
{
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
		free(charts[k].svg);
		charts[k].svg = NULL;
		charts[k].len = 0;
	}
}

static void chart_init(tendo_chart *c, int k, const series *s)
{
	memset(c, 0, sizeof(*c));
	c->id = chart_ids[k];
	c->title = chart_titles[k];
	c->x0 = s->from;
	c->n = s->n;
	c->step_days = 1;
	c->width = 440; /* text stays readable at phone width; CSS caps the width on a desktop */
	c->height = 250;
	c->y_min[0] = c->y_max[0] = c->y_min[1] = c->y_max[1] = NAN;
}

static int draw(const series *s, const tendo_profile *p, tendo_report_chart out[TENDO_REPORT_CHARTS])
{
	tendo_chart c[TENDO_REPORT_CHARTS];
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++)
		chart_init(&c[k], k, s);

	bool wk = s->weekly;
	const tendo_chart_series pain[] = {
		{ wk ? "morning score (week mean)" : "morning score", TENDO_CHART_LINE, 0, wk ? s->w_task : s->task, "#1f77b4", false },
		{ wk ? "during (week max)" : "during", TENDO_CHART_POINTS, 0, wk ? s->w_during : s->during, "#d62728", false },
		{ wk ? "after (week max)" : "after", TENDO_CHART_POINTS, 0, wk ? s->w_after : s->after, "#ff7f0e", false },
		{ wk ? "run minutes (week)" : "run minutes", TENDO_CHART_BARS, 1, wk ? s->w_run : s->run_min, "#9ccf8f", false },
	};
	char ceiling_label[48];
	snprintf(ceiling_label, sizeof(ceiling_label), "your ceiling %d/10", p->settings.ceiling);
	const tendo_chart_band pain_bands[] = { { p->settings.ceiling, p->settings.ceiling, ceiling_label, "#d62728" } };
	c[0].series = pain, c[0].n_series = 4;
	c[0].bands = pain_bands, c[0].n_bands = 1;
	c[0].y_label[0] = "pain 0-10", c[0].y_label[1] = "minutes";
	c[0].y_min[0] = 0, c[0].y_max[0] = 10;

	const tendo_chart_series load[] = {
		{ "runs", TENDO_CHART_BARS, 0, wk ? s->w_runload : s->run_load, "#2ca02c", false },
		{ "rehab", TENDO_CHART_BARS, 0, wk ? s->w_rehab : s->rehab_load, "#9467bd", false },
		{ "cross-training", TENDO_CHART_BARS, 0, wk ? s->w_cross : s->cross_load, "#8c564b", false },
	};
	c[1].series = load, c[1].n_series = 3;
	c[1].y_label[0] = wk ? "load (AU) / week" : "load (AU)";
	if (wk) {
		c[0].title = "Pain (0-10) and running minutes, by week";
		c[1].title = "Weekly training load (session RPE x minutes)";
		c[0].x0 = c[1].x0 = s->week0;
		c[0].n = c[1].n = s->weeks;
		c[0].step_days = c[1].step_days = 7;
	}

	const tendo_chart_series vol[] = {
		{ "running minutes", TENDO_CHART_BARS, 0, s->week_min, "#2ca02c", false },
		{ "last week + 10%", TENDO_CHART_LINE, 0, s->week_guide, "#555555", true },
	};
	c[2].x0 = s->week0, c[2].n = s->weeks, c[2].step_days = 7;
	c[2].series = vol, c[2].n_series = 2;
	c[2].y_label[0] = "minutes / week";

	const tendo_chart_series acwr[] = { { "acute:chronic (7/28-day EWMA)", TENDO_CHART_LINE, 0, s->acwr, "#1f77b4", false } };
	const tendo_chart_band acwr_band[] = { { 0.8, 1.3, "0.8-1.3 (Gabbett; disputed)", "#2ca02c" } };
	c[3].series = acwr, c[3].n_series = 1;
	c[3].bands = acwr_band, c[3].n_bands = 1;
	c[3].y_label[0] = "ratio";
	c[3].y_min[0] = 0;

	const tendo_chart_series stage[] = { { "stage", TENDO_CHART_LINE, 0, s->stage, "#333333", false } };
	c[4].series = stage, c[4].n_series = 1;
	c[4].spans = s->spans, c[4].n_spans = s->n_spans;
	c[4].markers = s->markers, c[4].n_markers = s->n_markers;
	c[4].y_label[0] = "stage";
	c[4].y_min[0] = 0, c[4].y_max[0] = 4;

	const tendo_chart_series lsi[] = {
		{ "prone curl 10RM", TENDO_CHART_POINTS, 0, s->lsi_curl, "#1f77b4", false },
		{ "single-leg bridge", TENDO_CHART_POINTS, 0, s->lsi_bridge, "#ff7f0e", false },
	};
	char lsi_label[48];
	snprintf(lsi_label, sizeof(lsi_label), "%.0f%%: ready to run", p->settings.lsi_min);
	const tendo_chart_band lsi_band[] = { { p->settings.lsi_min, p->settings.lsi_min, lsi_label, "#2ca02c" } };
	c[5].series = lsi, c[5].n_series = 2;
	c[5].bands = lsi_band, c[5].n_bands = 1;
	c[5].y_label[0] = "LSI %";
	c[5].y_min[0] = 50, c[5].y_max[0] = 110;

	memset(out, 0, TENDO_REPORT_CHARTS * sizeof(*out));
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
		out[k].id = chart_ids[k];
		out[k].title = chart_titles[k];
		int err = tendo_chart_svg(&out[k].svg, &out[k].len, &c[k]);
		if (err) {
			tendo_report_charts_free(out);
			return err;
		}
	}
	return 0;
}

int tendo_report_charts(tendo_report_chart out[TENDO_REPORT_CHARTS], const tendo_profile *p, const tendo_log *log,
                        const tendo_report_options *o)
{
	memset(out, 0, TENDO_REPORT_CHARTS * sizeof(*out));
	int err = check_range(o);
	if (err)
		return err;
	series s;
	if ((err = series_build(&s, p, log, o)))
		return err;
	err = draw(&s, p, out);
	series_free(&s);
	return err;
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;max-width:960px;margin:0 auto;"
	"padding:12px;line-height:1.4}"
	"h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}"
	".meta,.note{color:#555;font-size:.9em}.empty{background:#fff6d5;padding:8px 12px;border-radius:4px}"
	"figure{margin:1em 0;break-inside:avoid}figcaption{color:#555;font-size:.85em}"
	"svg.tendo-chart{display:block;width:100%;max-width:720px;height:auto}"
	".wrap{overflow-x:auto}table{border-collapse:collapse;font-size:.9em;min-width:100%}"
	"th,td{padding:3px 6px;border-bottom:1px solid #e3e3e3;text-align:left;white-space:nowrap;vertical-align:top}"
	"#weeks td:nth-child(n+3),#weeks th:nth-child(n+3){text-align:right}td.l{white-space:normal}"
	"ul.rules{padding-left:1.2em}ul.rules li{margin:.3em 0}.src{color:#666;font-size:.85em}"
	"code{font-size:.9em}.rx{background:#f4f8f4;padding:8px 12px;border-radius:4px}"
	"@media print{body{max-width:none;padding:0}h2{break-after:avoid}}";

const char *tendo_report_css(void)
{
	return css;
}

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

/* v with `decimals` decimals and an optional suffix, or a dash when unknown */
static void num(tendo_buf *b, double v, int decimals, const char *suffix)
{
	if (isfinite(v))
		tendo_buf_printf(b, "%.*f%s", decimals, v, suffix);
	else
		tendo_buf_puts(b, "&ndash;");
}

static void prescription_html(tendo_buf *b, const tendo_prescription *rx)
{
	char d[TENDO_DATE_BUFSZ];
	tendo_buf_printf(b, "<section id=\"today\"><h2>Prescription for %s</h2><div class=\"rx\">",
	                 tendo_date_format(rx->date, d));
	tendo_buf_puts(b, "<p><b>Stage:</b> ");
	esc(b, tendo_stage_name(rx->stage));
	tendo_buf_puts(b, " &middot; <b>decision:</b> ");
	esc(b, tendo_decision_name(rx->decision));
	tendo_buf_puts(b, "</p><p><b>Run:</b> ");
	if (rx->run.allowed)
		tendo_buf_printf(b, "%d min%s, flat and easy. ", rx->run.minutes, rx->run.run_walk ? " run/walk" : "");
	else
		tendo_buf_puts(b, "none &mdash; ");
	esc(b, rx->run.why);
	tendo_buf_puts(b, "</p><p><b>Rehab:</b> ");
	if (!rx->n_rehab)
		tendo_buf_puts(b, "none &mdash; ");
	for (size_t k = 0; k < rx->n_rehab; k++) {
		const tendo_rx_item *it = &rx->rehab[k];
		esc(b, it->exercise->name);
		if (it->hold_s)
			tendo_buf_printf(b, " %d &times; %d s", it->sets, it->hold_s);
		else
			tendo_buf_printf(b, " %d &times; %d", it->sets, it->reps);
		if (it->load[0]) {
			tendo_buf_puts(b, " (");
			esc(b, it->load);
			tendo_buf_puts(b, ")");
		}
		tendo_buf_puts(b, k + 1 < rx->n_rehab ? "; " : ". ");
	}
	esc(b, rx->rehab_why);
	tendo_buf_puts(b, "</p>");
	if (rx->n_avoid) {
		tendo_buf_puts(b, "<p><b>Avoid:</b> ");
		for (size_t k = 0; k < rx->n_avoid; k++) {
			esc(b, rx->avoid[k]);
			tendo_buf_puts(b, k + 1 < rx->n_avoid ? "; " : ".");
		}
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "</div><p>Why, rule by rule:</p><ul class=\"rules\" id=\"rules\">");
	for (size_t k = 0; k < rx->n_rules; k++) {
		tendo_buf_puts(b, "<li><code>");
		esc(b, rx->rules[k].id);
		tendo_buf_puts(b, "</code>: ");
		esc(b, rx->rules[k].reason);
		tendo_buf_puts(b, " <span class=\"src\">(");
		esc(b, rx->rules[k].source);
		tendo_buf_puts(b, ")</span></li>");
	}
	tendo_buf_puts(b, "</ul></section>");
}

/* The last weeks, newest first: volume, pain, load, adherence. */
static void weeks_html(tendo_buf *b, const series *s, const tendo_log *log, const tendo_profile *p)
{
	tendo_buf_puts(b, "<section id=\"weeks\"><h2>Week by week</h2><div class=\"wrap\"><table><thead><tr>"
	                  "<th>week of</th><th>stage</th><th>run min</th><th>km</th><th>runs</th>"
	                  "<th>strength</th><th>task</th><th>load</th><th>monotony</th>"
	                  "<th>ACWR</th><th>back</th></tr></thead><tbody>");
	int shown = 0;
	for (int w = s->weeks - 1; w >= 0 && shown < 26; w--, shown++) {
		tendo_date ws = s->week0 + 7 * w, we = ws + 6;
		long i0 = (long)ws - (long)s->from, i1 = (long)we - (long)s->from;
		if (i0 < 0)
			i0 = 0;
		if (i1 >= s->n)
			i1 = s->n - 1;
		tendo_adherence a;
		tendo_report_adherence(&a, s->days + i0, (int)(i1 - i0 + 1));
		double km = 0, task = 0, load = 0;
		int nt = 0, flares = 0;
		for (size_t k = 0; k < log->n_runs; k++)
			if (log->runs[k].date >= ws && log->runs[k].date <= we && log->runs[k].km > 0)
				km += log->runs[k].km;
		for (long i = i0; i <= i1; i++)
			if (s->days[i].morning >= 0)
				task += s->days[i].morning, nt++; /* the signal the engine used */
		double daily[7];
		tendo_metrics_daily(daily, log, ws, 7, NULL);
		double mean = 0, var = 0;
		for (int k = 0; k < 7; k++)
			load += daily[k];
		mean = load / 7;
		for (int k = 0; k < 7; k++)
			var += (daily[k] - mean) * (daily[k] - mean);
		double mono = var > 1e-9 ? mean / sqrt(var / 7) : NAN;
		for (long i = i0; i <= i1; i++)
			flares += s->days[i].decision == TENDO_DECISION_REDUCE || s->days[i].decision == TENDO_DECISION_DELOAD ||
			          s->days[i].decision == TENDO_DECISION_REGRESS;
		char d[TENDO_DATE_BUFSZ];
		tendo_buf_printf(b, "<tr><td>%s</td><td>", tendo_date_format(ws, d));
		esc(b, tendo_stage_name(s->days[i1].stage));
		tendo_buf_puts(b, "</td><td>");
		num(b, isnan(s->week_min[w]) ? 0 : s->week_min[w], 0, "");
		tendo_buf_puts(b, "</td><td>");
		num(b, km > 0 ? km : NAN, 1, "");
		tendo_buf_printf(b, "</td><td>%d / %d%s</td><td>%d / %d</td><td>", a.runs_done, a.runs_prescribed,
		                 a.runs_extra ? " +extra" : "", a.strength_done, a.strength_prescribed);
		num(b, nt ? task / nt : NAN, 1, "");
		tendo_buf_puts(b, "</td><td>");
		num(b, load, 0, "");
		tendo_buf_puts(b, "</td><td>");
		num(b, mono, 2, "");
		tendo_buf_puts(b, "</td><td>");
		num(b, s->acwr[i1], 2, "");
		tendo_buf_printf(b, "</td><td>%d</td></tr>", flares);
	}
	(void)p;
	tendo_buf_puts(b, "</tbody></table></div><p class=\"note\">Runs, strength: sessions done / prescribed, "
	                  "each day prescribed from the log as it stood that morning; +extra: a run on a day none "
	                  "was prescribed. Task: mean morning monitoring-task score. Back: days of a reduced dose, "
	                  "deload or regression after a flare. Load: session RPE &times; minutes (Foster 2001); monotony above 2 is high. "
	                  "ACWR: 7/28-day EWMA (Williams et al. 2017), none before 28 days.</p></section>");
}

static void outcomes_html(tendo_buf *b, const tendo_log *log, const tendo_profile *p, const tendo_report_options *o)
{
	tendo_buf_puts(b, "<section id=\"outcomes\"><h2>Tests and outcomes</h2><div class=\"wrap\"><table><thead><tr>"
	                  "<th>date</th><th>what</th><th>result</th></tr></thead><tbody>");
	const tendo_test *first = tendo_log_first_test(log);
	int rows = 0;
	char d[TENDO_DATE_BUFSZ];
	for (tendo_date day = o->from; day <= o->to; day++) {
		for (size_t k = 0; k < log->n_tests; k++) {
			const tendo_test *t = &log->tests[k];
			if (t->date != day)
				continue;
			double lc = -1, lb = -1;
			bool pass = tendo_engine_test_passes(t, t == first ? NULL : first, p, &lc, &lb);
			tendo_buf_printf(b, "<tr><td>%s</td><td>readiness tests</td><td class=\"l\">", tendo_date_format(day, d));
			if (lc >= 0)
				tendo_buf_printf(b, "curl LSI %.0f%% ", lc);
			if (lb >= 0)
				tendo_buf_printf(b, "bridge LSI %.0f%% ", lb);
			if (t->drop_lunge_pain >= 0)
				tendo_buf_printf(b, "drop lunge pain %d/10 ", t->drop_lunge_pain);
			tendo_buf_printf(b, "&middot; %s</td></tr>", pass ? "all pass" : "not all pass");
			rows++;
		}
		for (size_t k = 0; k < log->n_visa; k++)
			if (log->visa[k].date == day) {
				tendo_buf_printf(b, "<tr><td>%s</td><td>VISA-H</td><td class=\"l\">%d/100</td></tr>",
				                 tendo_date_format(day, d), log->visa[k].total);
				rows++;
			}
	}
	if (!rows)
		tendo_buf_puts(b, "<tr><td colspan=\"3\">no readiness test or VISA-H in this period</td></tr>");
	tendo_buf_puts(b, "</tbody></table></div></section>");
}

static size_t entries_in(const tendo_log *log, const tendo_report_options *o)
{
	size_t n = 0;
#define COUNT(arr, cnt)                                                      \
	for (size_t k = 0; k < log->cnt; k++)                                \
		n += log->arr[k].date >= o->from && log->arr[k].date <= o->to;
	COUNT(pain, n_pain)
	COUNT(runs, n_runs)
	COUNT(rehab, n_rehab)
	COUNT(cross, n_cross)
	COUNT(tests, n_tests)
	COUNT(flags, n_flags)
	COUNT(sitting, n_sitting)
	COUNT(visa, n_visa)
#undef COUNT
	return n;
}

int tendo_report_html(char **out, size_t *out_len, const tendo_profile *p, const tendo_schedule *sc,
                      const tendo_log *log, const tendo_report_options *o)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	int err = check_range(o);
	if (err)
		return err;
	series s;
	if ((err = series_build(&s, p, log, o)))
		return err;
	tendo_report_chart charts[TENDO_REPORT_CHARTS];
	if ((err = draw(&s, p, charts))) {
		series_free(&s);
		return err;
	}
	tendo_prescription rx;
	if ((err = tendo_engine_prescribe(&rx, p, log, o->today == TENDO_DATE_NONE ? o->to : o->today))) {
		tendo_report_charts_free(charts);
		series_free(&s);
		return err;
	}

	tendo_buf b;
	tendo_buf_init(&b);
	char f[TENDO_DATE_BUFSZ], t[TENDO_DATE_BUFSZ], st[TENDO_DATE_BUFSZ], gen[21];
	tendo_date_format(o->from, f);
	tendo_date_format(o->to, t);
	tendo_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
	if (!o->css_href)
		tendo_buf_puts(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		                   "style-src 'unsafe-inline'\">");
	tendo_buf_puts(&b, "<title>tendo report: ");
	esc(&b, p->name[0] ? p->name : "athlete");
	tendo_buf_printf(&b, ", %s to %s</title>", f, t);
	if (o->css_href) {
		tendo_buf_puts(&b, "<link rel=\"stylesheet\" href=\"");
		esc(&b, o->css_href);
		tendo_buf_puts(&b, "\">");
	} else {
		tendo_buf_printf(&b, "<style>%s</style>", css);
	}
	tendo_buf_puts(&b, "</head>\n<body>\n<header><h1>tendo report: ");
	esc(&b, p->name[0] ? p->name : "athlete");
	tendo_buf_printf(&b, "</h1><p class=\"meta\">%s to %s &middot; ", f, t);
	esc(&b, tendo_side_name(p->side));
	tendo_buf_printf(&b, " side &middot; started %s &middot; pain ceiling %d/10 &middot; time zone ",
	                 tendo_date_format(p->start, st), p->settings.ceiling);
	esc(&b, p->tz);
	if (sc) {
		char days[TENDO_DAYS_BUFSZ], rt[6], ht[6];
		tendo_buf_printf(&b, " &middot; trains %s, runs at %s, rehab at %s",
		                 sc->days == TENDO_DAYS_ALL ? "every day" : tendo_schedule_format_days(sc->days, days),
		                 tendo_schedule_format_time(sc->run_time, rt), tendo_schedule_format_time(sc->rehab_time, ht));
	}
	tendo_buf_puts(&b, "</p><p class=\"note\">tendo applies a published pain-monitoring model and a staged "
	                   "loading protocol to what was logged. It is not a diagnosis: new sharp pain, numbness, "
	                   "tingling or night pain need a clinician.</p></header>\n");

	size_t entries = entries_in(log, o);
	tendo_adherence a;
	tendo_report_adherence(&a, s.days, s.n);
	if (!entries)
		tendo_buf_printf(&b, "<p class=\"empty\" id=\"nothing\">Nothing logged from %s to %s yet. Start with the "
		                     "daily monitoring task each morning (<code>tendo log pain --kind task --score N</code>) "
		                     "and log each session; the charts fill in as you go.</p>\n", f, t);
	else {
		tendo_buf_printf(&b, "<p id=\"summary\">%zu entries. Sessions done as prescribed: ", entries);
		num(&b, a.percent, 0, "%");
		tendo_buf_printf(&b, " (runs %d of %d, strength %d of %d, hold days %d of %d; %d run%s on days none "
		                     "was prescribed, %d longer than prescribed).</p>\n",
		                 a.runs_done, a.runs_prescribed, a.strength_done, a.strength_prescribed, a.holds_done,
		                 a.holds_prescribed, a.runs_extra, a.runs_extra == 1 ? "" : "s", a.runs_longer);
	}
	prescription_html(&b, &rx);
	tendo_buf_puts(&b, "\n<section id=\"charts\"><h2>The story</h2>\n");
	static const char *const captions[TENDO_REPORT_CHARTS] = {
		"Morning score, the monitoring task or else the plain morning score as the engine uses it (line), the highest pain during and after sessions (dots), and "
		"minutes run (bars, right axis). Gaps are days with no score.",
		"Session-RPE load by kind (RPE &times; minutes; rehab minutes estimated from the dose).",
		"Minutes run per week (Monday to Sunday) and last week plus 10%, the guide for growth.",
		"Acute (7-day) against chronic (28-day) load. The 0.8-1.3 band is disputed (Impellizzeri et "
		"al. 2020): read it as a trend, never as a verdict.",
		"Stage each day as the protocol had it, with the rule that moved it on the day it moved.",
		"Limb symmetry index (weaker / stronger side, or against the first test when both sides are "
		"affected); running waits for the line.",
	};
	static const char *const weekly_captions[2] = {
		"Over a long range, by week (Monday to Sunday): the mean morning monitoring-task score (line), "
		"the highest pain during and after sessions (dots), and minutes run (bars, right axis).",
		"Session-RPE load by kind and week (RPE &times; minutes; rehab minutes estimated from the dose).",
	};
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
		tendo_buf_printf(&b, "<figure id=\"fig-%s\">", charts[k].id + 6);
		tendo_buf_put(&b, charts[k].svg, charts[k].len);
		tendo_buf_printf(&b, "<figcaption>%s</figcaption></figure>\n",
		                 s.weekly && k < 2 ? weekly_captions[k] : captions[k]);
	}
	tendo_buf_puts(&b, "</section>\n");
	weeks_html(&b, &s, log, p);
	outcomes_html(&b, log, p, o);
	tendo_buf_printf(&b, "\n<footer class=\"note\"><p>Made by tendo at %s from the local log. Rule ids and "
	                     "sources: docs/RULES.md.</p></footer>\n</body></html>\n",
	                 tendo_instant_format(o->generated, gen));
	tendo_report_charts_free(charts);
	series_free(&s);
	if (b.err) {
		err = b.err;
		tendo_buf_dispose(&b);
		return tendo_error_set(err, "report: out of memory");
	}
	*out = tendo_buf_take(&b, out_len);
	return 0;
}
