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
#include <tendo/protocol.h>
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

#define MAX_KG_SERIES 8   /* strength loads: exercise x side lines drawn */
#define MAX_MARKS 64      /* stage spans, stage moves, flares */

/* Everything the charts are drawn from; all arrays owned. Daily arrays
 * have n values from `from`; weekly ones `weeks` values from week0. */
typedef struct {
	int n;                  /* days */
	tendo_date from;
	double *during, *after, *task, *run_min, *rehab_load, *run_load, *cross_load, *acwr, *stage;
	double *pain_run, *pain_rehab, *pain_cross; /* the day's highest pain during a run, rehab, cross-training */
	double *lsi_curl, *lsi_bridge;
	double *sit, *drive;    /* hours sat, driven (aggravators) */
	double *visa;           /* VISA-H total on the days it was filled in */
	double *kg[MAX_KG_SERIES]; /* heaviest load of the day, per exercise and side */
	char kg_name[MAX_KG_SERIES][120];
	int n_kg;
	int weeks;              /* Monday-aligned weeks covering the days */
	tendo_date week0;
	double *week_min, *week_guide, *w_adh;
	bool weekly;            /* the range is long: pain and load charts by week */
	double *w_task, *w_during, *w_after, *w_run, *w_runload, *w_rehab, *w_cross, *w_pain_run, *w_pain_rehab;
	double *w_pain_cross;
	tendo_report_day *days;
	tendo_chart_span spans[MAX_MARKS];
	size_t n_spans;
	tendo_chart_marker markers[MAX_MARKS];
	char marker_text[MAX_MARKS][64];
	size_t n_markers;
	tendo_chart_marker flares[MAX_MARKS];
	size_t n_flares;
	double *padded[40];     /* daily arrays widened to the weeks (draw()), owned */
	int n_padded;
} series;

static void series_free(series *s)
{
	free(s->during), free(s->after), free(s->task), free(s->run_min), free(s->rehab_load), free(s->run_load);
	free(s->cross_load), free(s->acwr), free(s->stage), free(s->lsi_curl), free(s->lsi_bridge);
	free(s->pain_run), free(s->pain_rehab), free(s->pain_cross), free(s->sit), free(s->drive), free(s->visa);
	for (int k = 0; k < MAX_KG_SERIES; k++)
		free(s->kg[k]);
	free(s->week_min), free(s->week_guide), free(s->w_adh), free(s->days);
	free(s->w_task), free(s->w_during), free(s->w_after), free(s->w_run), free(s->w_runload), free(s->w_rehab);
	free(s->w_cross), free(s->w_pain_run), free(s->w_pain_rehab), free(s->w_pain_cross);
	for (int k = 0; k < s->n_padded; k++)
		free(s->padded[k]);
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

static void add_into(double *v, double x)
{
	if (x > 0)
		*v = isnan(*v) ? x : *v + x;
}

/* Index of the day d in the range, or -1. */
static long day_index(const series *s, tendo_date d)
{
	long i = (long)d - (long)s->from;
	return i >= 0 && i < s->n ? i : -1;
}

/* Pain during, by where it came from: a run (its own field, or a report
 * tied to it or to the day's run), a rehab session or cross-training
 * (likewise). */
static void pain_sources(series *s, const tendo_log *log)
{
	for (size_t k = 0; k < log->n_runs; k++) {
		long i = day_index(s, log->runs[k].date);
		if (i >= 0)
			max_into(&s->pain_run[i], log->runs[k].pain_during);
	}
	for (size_t k = 0; k < log->n_rehab; k++) {
		long i = day_index(s, log->rehab[k].date);
		if (i >= 0)
			max_into(&s->pain_rehab[i], log->rehab[k].pain_during);
	}
	for (size_t k = 0; k < log->n_cross; k++) {
		long i = day_index(s, log->cross[k].date);
		if (i >= 0)
			max_into(&s->pain_cross[i], log->cross[k].pain_during);
	}
	for (size_t k = 0; k < log->n_pain; k++) {
		const tendo_pain *x = &log->pain[k];
		long i = day_index(s, x->date);
		if (i < 0 || x->kind != TENDO_PAIN_DURING)
			continue;
		bool rehab = false, cross = false;
		for (size_t j = 0; x->session_id && j < log->n_rehab && !rehab; j++)
			rehab = log->rehab[j].id == x->session_id;
		for (size_t j = 0; x->session_id && j < log->n_cross && !cross; j++)
			cross = log->cross[j].id == x->session_id;
		max_into(rehab ? &s->pain_rehab[i] : cross ? &s->pain_cross[i] : &s->pain_run[i], x->score);
	}
}

/* The heaviest load of each day per exercise and side, for the exercises
 * logged with a load, the most logged first (MAX_KG_SERIES of them). */
static int strength_loads(series *s, const tendo_log *log)
{
	typedef struct {
		const char *exercise;
		tendo_side side;
		int count;
	} key;
	key keys[64];
	int n = 0;
	for (size_t k = 0; k < log->n_rehab; k++) {
		const tendo_rehab *x = &log->rehab[k];
		if (x->kg <= 0 || day_index(s, x->date) < 0)
			continue;
		int j = 0;
		while (j < n && !(keys[j].side == x->side && strcmp(keys[j].exercise, x->exercise) == 0))
			j++;
		if (j == n) {
			if (n == 64)
				continue;
			keys[n++] = (key){ x->exercise, x->side, 0 };
		}
		keys[j].count++;
	}
	/* the most logged first; ties by name and side, so the output is stable */
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0; b--) {
			key *p = &keys[b - 1], *q = &keys[b];
			int c = p->count != q->count ? q->count - p->count : strcmp(p->exercise, q->exercise);
			if (c == 0)
				c = (int)p->side - (int)q->side;
			if (c <= 0)
				break;
			key t = *p;
			*p = *q, *q = t;
		}
	s->n_kg = n < MAX_KG_SERIES ? n : MAX_KG_SERIES;
	for (int j = 0; j < s->n_kg; j++) {
		if (!(s->kg[j] = nans(s->n)))
			return TENDO_ENOMEM;
		const tendo_exercise *e = tendo_exercise_find(keys[j].exercise);
		snprintf(s->kg_name[j], sizeof(s->kg_name[j]), "%s%s%s", e && e->title ? e->title : keys[j].exercise,
		         keys[j].side == TENDO_SIDE_BOTH ? "" : ", ",
		         keys[j].side == TENDO_SIDE_BOTH ? "" : tendo_side_name(keys[j].side));
		for (size_t k = 0; k < log->n_rehab; k++) {
			const tendo_rehab *x = &log->rehab[k];
			long i = day_index(s, x->date);
			if (i >= 0 && x->kg > 0 && x->side == keys[j].side && strcmp(x->exercise, keys[j].exercise) == 0)
				max_into(&s->kg[j][i], x->kg);
		}
	}
	return 0;
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
		           &s->cross_load, &s->acwr, &s->stage, &s->lsi_curl, &s->lsi_bridge, &s->pain_run,
		           &s->pain_rehab, &s->pain_cross, &s->sit, &s->drive, &s->visa };
	for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++)
		if (!(*all[k] = nans(n)))
			goto oom;
	if (!(s->week_min = nans(s->weeks)) || !(s->week_guide = nans(s->weeks)) || !(s->w_adh = nans(s->weeks)))
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
	pain_sources(s, log);
	if (strength_loads(s, log))
		goto oom;
	for (size_t k = 0; k < log->n_runs; k++) {
		const tendo_run *x = &log->runs[k];
		long i = day_index(s, x->date);
		if (i < 0)
			continue;
		s->run_min[i] += x->minutes;
		s->run_load[i] += tendo_metrics_run_load(x, NULL);
	}
	for (size_t k = 0; k < log->n_rehab; k++) {
		const tendo_rehab *x = &log->rehab[k];
		long i = day_index(s, x->date);
		if (i >= 0)
			s->rehab_load[i] += tendo_metrics_rehab_load(x, NULL);
	}
	for (size_t k = 0; k < log->n_cross; k++) {
		const tendo_cross *x = &log->cross[k];
		long i = day_index(s, x->date);
		if (i >= 0)
			s->cross_load[i] += tendo_metrics_cross_load(x, NULL);
	}
	for (size_t k = 0; k < log->n_sitting; k++) {
		const tendo_sitting *x = &log->sitting[k];
		long i = day_index(s, x->date);
		if (i >= 0 && x->kind == TENDO_AGG_SITTING)
			add_into(&s->sit[i], x->hours);
		else if (i >= 0 && x->kind == TENDO_AGG_DRIVING)
			add_into(&s->drive[i], x->hours);
	}
	for (size_t k = 0; k < log->n_visa; k++) {
		long i = day_index(s, log->visa[k].date);
		if (i >= 0)
			s->visa[i] = log->visa[k].total; /* the last of the day */
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
	/* weekly adherence: sessions done / prescribed over the week's days in range */
	for (int w = 0; w < s->weeks; w++) {
		long i0 = (long)(s->week0 + 7 * w) - (long)s->from, i1 = i0 + 6;
		if (i0 < 0)
			i0 = 0;
		if (i1 >= s->n)
			i1 = s->n - 1;
		tendo_adherence a;
		tendo_report_adherence(&a, s->days + i0, (int)(i1 - i0 + 1));
		s->w_adh[w] = a.percent;
	}

	if (n > WEEKLY_ABOVE_DAYS) {
		s->weekly = true;
		double **w[] = { &s->w_task, &s->w_during, &s->w_after, &s->w_run, &s->w_runload, &s->w_rehab, &s->w_cross,
			         &s->w_pain_run, &s->w_pain_rehab, &s->w_pain_cross };
		for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
			if (!(*w[k] = nans(s->weeks)))
				goto oom;
		rollup(s->w_task, s->task, s, R_MEAN);
		rollup(s->w_during, s->during, s, R_MAX);
		rollup(s->w_after, s->after, s, R_MAX);
		rollup(s->w_pain_run, s->pain_run, s, R_MAX);
		rollup(s->w_pain_rehab, s->pain_rehab, s, R_MAX);
		rollup(s->w_pain_cross, s->pain_cross, s, R_MAX);
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
		long i = day_index(s, t->date);
		if (i < 0)
			continue;
		double lc2 = -1, lb = -1;
		(void)tendo_engine_test_passes(t, t == first ? NULL : first, p, &lc2, &lb);
		if (lc2 >= 0)
			s->lsi_curl[i] = lc2;
		if (lb >= 0)
			s->lsi_bridge[i] = lb;
	}

	/* the stage of each day, its spans, the decisions that moved it, the flares */
	for (int i = 0; i < n; i++) {
		const tendo_report_day *x = &s->days[i];
		s->stage[i] = x->red_flag ? NAN : (double)x->stage + 1;
		bool new_span = i == 0 || x->stage != s->days[i - 1].stage || x->red_flag != s->days[i - 1].red_flag;
		if (new_span && s->n_spans < MAX_MARKS) {
			tendo_chart_span *sp = &s->spans[s->n_spans++];
			sp->from = sp->to = x->date;
			sp->label = x->red_flag ? "red flag: see a clinician" : tendo_stage_title(x->stage);
			sp->color = x->red_flag ? "#f4b6b6" : stage_color[x->stage];
		} else if (s->n_spans) {
			s->spans[s->n_spans - 1].to = x->date;
		}
		if (x->moved_by && s->n_markers < MAX_MARKS) {
			size_t m = s->n_markers++;
			snprintf(s->marker_text[m], sizeof(s->marker_text[m]), "%s%s",
			         i > 0 && x->stage < s->days[i - 1].stage ? "back to " : "to ", tendo_stage_title(x->stage));
			s->markers[m].date = x->date;
			s->markers[m].label = s->marker_text[m];
		}
		/* a flare: the morning well above the usual level (the engine's class) */
		if (x->morning_class == 'f' && s->n_flares < MAX_MARKS)
			s->flares[s->n_flares++] = (tendo_chart_marker){ x->date, "flare" };
	}
	return 0;
oom:
	series_free(s);
	return tendo_error_set(TENDO_ENOMEM, "report: out of memory");
}

static const char *const chart_ids[TENDO_REPORT_CHARTS] = {
	"chart-pain", "chart-load", "chart-volume", "chart-acwr", "chart-stage", "chart-lsi",
	"chart-strength", "chart-visa", "chart-adherence", "chart-sitting",
};
static const char *const chart_titles[TENDO_REPORT_CHARTS] = {
	"Pain (0-10) and running minutes",
	"Daily training load (session RPE x minutes)",
	"Weekly running minutes, with the 10% guide",
	"Acute:chronic workload ratio (a trend, not a verdict)",
	"Stage of the protocol and the decisions that moved it",
	"Limb symmetry in the readiness tests",
	"Strength loads per exercise and side (kg)",
	"VISA-H score (0-100, higher is better)",
	"Weekly adherence: sessions done as prescribed",
	"Hours sitting and driving",
};

void tendo_report_charts_free(tendo_report_chart charts[TENDO_REPORT_CHARTS])
{
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
		free(charts[k].svg);
		charts[k].svg = NULL;
		charts[k].len = 0;
	}
}

/* Every chart has the same width, margins and days (whole weeks from the
 * Monday of the first day), so their x axes line up down the page. */
#define CHART_W 440
#define CHART_H 250
#define MARGIN_L 64
#define MARGIN_R 56

static void chart_init(tendo_chart *c, int k, const series *s)
{
	memset(c, 0, sizeof(*c));
	c->id = chart_ids[k];
	c->title = chart_titles[k];
	c->x0 = s->week0;
	c->n = 7 * s->weeks;
	c->step_days = 1;
	c->width = CHART_W; /* text stays readable at phone width; CSS caps the width on a desktop */
	c->height = CHART_H;
	c->margin_left = MARGIN_L;
	c->margin_right = MARGIN_R;
	c->y_min[0] = c->y_max[0] = c->y_min[1] = c->y_max[1] = NAN;
}

static void weekly(tendo_chart *c, const series *s)
{
	c->x0 = s->week0;
	c->n = s->weeks;
	c->step_days = 7;
}

static const double *pad_ok(const double *v, bool *oom)
{
	if (!v)
		*oom = true;
	return v;
}

/* daily (n values from `from`) widened to the charts' days: missing
 * before `from` and after the last day. NULL when out of memory. */
static const double *pad(series *s, const double *daily)
{
	if (s->n_padded == (int)(sizeof(s->padded) / sizeof(s->padded[0])))
		return NULL;
	double *v = nans(7 * s->weeks);
	if (!v)
		return NULL;
	long off = (long)s->from - (long)s->week0;
	memcpy(v + off, daily, (size_t)s->n * sizeof(double));
	s->padded[s->n_padded++] = v;
	return v;
}

static int draw(series *s, const tendo_profile *p, tendo_report_chart out[TENDO_REPORT_CHARTS])
{
	tendo_chart c[TENDO_REPORT_CHARTS];
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++)
		chart_init(&c[k], k, s);
	memset(out, 0, TENDO_REPORT_CHARTS * sizeof(*out));
	bool oom = false;
#define PAD(a) (pad_ok(pad(s, (a)), &oom))

	bool wk = s->weekly;
	const tendo_chart_series pain[] = {
		{ wk ? "morning score (week mean)" : "morning score", TENDO_CHART_LINE, 0, wk ? s->w_task : PAD(s->task), "#1f77b4", false },
		{ wk ? "during a run (week max)" : "during a run", TENDO_CHART_POINTS, 0, wk ? s->w_pain_run : PAD(s->pain_run), "#d62728", false },
		{ wk ? "during rehab (week max)" : "during rehab", TENDO_CHART_POINTS, 0, wk ? s->w_pain_rehab : PAD(s->pain_rehab), "#9467bd", false },
		{ wk ? "during cross-training (week max)" : "during cross-training", TENDO_CHART_POINTS, 0,
		  wk ? s->w_pain_cross : PAD(s->pain_cross), "#8c564b", false },
		{ wk ? "after (week max)" : "after", TENDO_CHART_POINTS, 0, wk ? s->w_after : PAD(s->after), "#ff7f0e", false },
		{ wk ? "run minutes (week)" : "run minutes", TENDO_CHART_BARS, 1, wk ? s->w_run : PAD(s->run_min), "#9ccf8f", false },
	};
	char ceiling_label[48];
	snprintf(ceiling_label, sizeof(ceiling_label), "your ceiling %d/10", p->settings.ceiling);
	const tendo_chart_band pain_bands[] = { { p->settings.ceiling, p->settings.ceiling, ceiling_label, "#d62728" } };
	c[0].series = pain, c[0].n_series = 6;
	c[0].bands = pain_bands, c[0].n_bands = 1;
	c[0].spans = s->spans, c[0].n_spans = s->n_spans; /* the stages behind the pain */
	c[0].markers = s->flares, c[0].n_markers = s->n_flares;
	c[0].y_label[0] = "pain 0-10", c[0].y_label[1] = "minutes";
	c[0].y_min[0] = 0, c[0].y_max[0] = 10;
	c[0].height = 300; /* a long legend: the plot keeps its height */

	const tendo_chart_series load[] = {
		{ "runs", TENDO_CHART_BARS, 0, wk ? s->w_runload : PAD(s->run_load), "#2ca02c", false },
		{ "rehab", TENDO_CHART_BARS, 0, wk ? s->w_rehab : PAD(s->rehab_load), "#9467bd", false },
		{ "cross-training", TENDO_CHART_BARS, 0, wk ? s->w_cross : PAD(s->cross_load), "#8c564b", false },
	};
	c[1].series = load, c[1].n_series = 3;
	c[1].y_label[0] = wk ? "load (AU) / week" : "load (AU)";
	if (wk) {
		c[0].title = "Pain (0-10) and running minutes, by week";
		c[1].title = "Weekly training load (session RPE x minutes)";
		weekly(&c[0], s);
		weekly(&c[1], s);
	}

	const tendo_chart_series vol[] = {
		{ "running minutes", TENDO_CHART_BARS, 0, s->week_min, "#2ca02c", false },
		{ "last week + 10%", TENDO_CHART_LINE, 0, s->week_guide, "#555555", true },
	};
	weekly(&c[2], s);
	c[2].series = vol, c[2].n_series = 2;
	c[2].y_label[0] = "minutes / week";

	const tendo_chart_series acwr[] = { { "acute:chronic (7/28-day EWMA)", TENDO_CHART_LINE, 0, PAD(s->acwr), "#1f77b4", false } };
	const tendo_chart_band acwr_band[] = { { 0.8, 1.3, "0.8-1.3 (Gabbett; disputed)", "#2ca02c" } };
	c[3].series = acwr, c[3].n_series = 1;
	c[3].bands = acwr_band, c[3].n_bands = 1;
	c[3].y_label[0] = "ratio";
	c[3].y_min[0] = 0;

	const tendo_chart_series stage[] = { { "stage", TENDO_CHART_LINE, 0, PAD(s->stage), "#333333", false } };
	c[4].series = stage, c[4].n_series = 1;
	c[4].spans = s->spans, c[4].n_spans = s->n_spans;
	c[4].markers = s->markers, c[4].n_markers = s->n_markers;
	c[4].y_label[0] = "stage";
	c[4].y_min[0] = 0, c[4].y_max[0] = 4;

	const tendo_chart_series lsi[] = {
		{ "prone curl 10RM", TENDO_CHART_POINTS, 0, PAD(s->lsi_curl), "#1f77b4", false },
		{ "single-leg bridge", TENDO_CHART_POINTS, 0, PAD(s->lsi_bridge), "#ff7f0e", false },
	};
	char lsi_label[48];
	snprintf(lsi_label, sizeof(lsi_label), "%.0f%%: ready to run", p->settings.lsi_min);
	const tendo_chart_band lsi_band[] = { { p->settings.lsi_min, p->settings.lsi_min, lsi_label, "#2ca02c" } };
	c[5].series = lsi, c[5].n_series = 2;
	c[5].bands = lsi_band, c[5].n_bands = 1;
	c[5].y_label[0] = "LSI %";
	c[5].y_min[0] = 50, c[5].y_max[0] = 110;

	static const char *const kg_colors[MAX_KG_SERIES] = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd",
		                                               "#ff7f0e", "#8c564b", "#e377c2", "#17becf" };
	tendo_chart_series kg[MAX_KG_SERIES];
	for (int j = 0; j < s->n_kg; j++)
		kg[j] = (tendo_chart_series){ s->kg_name[j], TENDO_CHART_TREND, 0, PAD(s->kg[j]), kg_colors[j], false };
	c[6].series = kg, c[6].n_series = (size_t)s->n_kg;
	c[6].y_label[0] = "kg";

	const tendo_chart_series visa[] = { { "VISA-H", TENDO_CHART_TREND, 0, PAD(s->visa), "#1f77b4", false } };
	c[7].series = visa, c[7].n_series = 1;
	c[7].y_label[0] = "score";
	c[7].y_min[0] = 0, c[7].y_max[0] = 100;

	const tendo_chart_series adh[] = { { "done / prescribed", TENDO_CHART_BARS, 0, s->w_adh, "#2ca02c", false } };
	weekly(&c[8], s);
	c[8].series = adh, c[8].n_series = 1;
	c[8].y_label[0] = "%";
	c[8].y_min[0] = 0, c[8].y_max[0] = 100;

	const tendo_chart_series sit[] = {
		{ "sitting", TENDO_CHART_BARS, 0, PAD(s->sit), "#8c564b", false },
		{ "driving", TENDO_CHART_BARS, 0, PAD(s->drive), "#7f7f7f", false },
	};
	c[9].series = sit, c[9].n_series = 2;
	c[9].y_label[0] = "hours";
#undef PAD
	if (oom)
		return tendo_error_set(TENDO_ENOMEM, "report: out of memory");

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
	"ul.items{margin:-.6em 0 1em;padding-left:1.2em}ul.items li{margin:.2em 0}"
	"ol.refs{padding-left:1.6em;font-size:.9em}ol.refs li{margin:.35em 0}a.ref{text-decoration:underline}"
	".unit{color:#666;font-weight:normal}"
	"@media (max-width:600px){table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;min-width:0}"
	"table.cards thead{display:none}table.cards tr{border:1px solid #ddd;border-radius:4px;margin:0 0 8px;padding:4px 8px}"
	"table.cards td{border:0;padding:2px 0;white-space:normal;text-align:left!important}"
	"table.cards td::before{content:attr(data-label);display:inline-block;min-width:12em;padding-right:.6em;color:#555}"
	"table.cards td:first-child{font-weight:bold}}"
	"@media print{body{max-width:none;padding:0}h2{break-after:avoid}}";

const char *tendo_report_css(void)
{
	return css;
}

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

/* A name for people: the underscores of an identifier as spaces. */
static void words(tendo_buf *b, const char *id)
{
	for (const char *p = id ? id : ""; *p;) {
		size_t k = strcspn(p, "_");
		char run[128];
		size_t take = k < sizeof(run) - 1 ? k : sizeof(run) - 1;
		while (take < k && take > 1 && ((unsigned char)p[take] & 0xc0) == 0x80)
			take--; /* a chunk ends on a whole UTF-8 character */
		memcpy(run, p, take);
		run[take] = '\0';
		esc(b, run);
		p += take;
		if (*p == '_') {
			tendo_buf_puts(b, " ");
			p++;
		}
	}
}

/* A source text as links to the numbered references ("[3, 14]"); the text
 * itself when it names something no reference matches. */
static void cite(tendo_buf *b, const char *source)
{
	int refs[16];
	int n = tendo_references_cite(refs, 16, source);
	if (n <= 0) {
		esc(b, source);
		return;
	}
	tendo_buf_puts(b, "[");
	for (int k = 0; k < n && k < 16; k++)
		tendo_buf_printf(b, "%s<a class=\"ref\" href=\"#ref-%d\">%d</a>", k ? ", " : "", refs[k] + 1, refs[k] + 1);
	tendo_buf_puts(b, "]");
}

/* Prose from the engine, for people: underscores as spaces, and a
 * "seed 003", "seeds 000, 003 and 004" or "PROTOCOL.md 10.2" in it as
 * numbered citations, so the page stands alone. */
static void prose(tendo_buf *b, const char *text)
{
	const char *p = text ? text : "";
	while (*p) {
		const char *a = strstr(p, "seed"), *q = strstr(p, "PROTOCOL.md ");
		if (!a || (q && q < a))
			a = q;
		if (!a) {
			words(b, p);
			return;
		}
		/* the mention: the keyword, then numbers joined by ", ", " and " or "." */
		const char *e = a + (a == q ? 12 : 4);
		if (*e == 's')
			e++;
		const char *nums = e;
		while (*e) {
			if (*e >= '0' && *e <= '9')
				e++;
			else if (*e == '.' && e[1] >= '0' && e[1] <= '9')
				e++;
			else if (!strncmp(e, ", ", 2) && e[2] >= '0' && e[2] <= '9')
				e += 2;
			else if (!strncmp(e, " and ", 5) && e[5] >= '0' && e[5] <= '9')
				e += 5;
			else if (e == nums && *e == ' ' && e[1] >= '0' && e[1] <= '9')
				e++;
			else
				break;
		}
		char mention[160], head[512];
		snprintf(mention, sizeof(mention), "%.*s", (int)(e - a), a);
		for (char *m = strstr(mention, " and "); m; m = strstr(m, " and "))
			memcpy(m, ",    ", 5); /* "000 and 004" -> "000,    004" */
		int refs[1];
		if (e == nums || tendo_references_cite(refs, 1, mention) <= 0) {
			snprintf(head, sizeof(head), "%.*s", (int)(e - p < 511 ? e - p : 511), p);
			words(b, head);
			if (e == p)
				break;
			p = e;
			continue;
		}
		snprintf(head, sizeof(head), "%.*s", (int)(a - p < 511 ? a - p : 511), p);
		words(b, head);
		tendo_buf_puts(b, "the sources ");
		cite(b, mention);
		p = e;
	}
}

/* The reference numbered like cite() for an author's name. */
static int ref_no(const char *name)
{
	int r;
	return tendo_references_cite(&r, 1, name) > 0 ? r + 1 : 0;
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
	esc(b, tendo_stage_title(rx->stage));
	tendo_buf_puts(b, " &middot; <b>decision:</b> ");
	words(b, tendo_decision_name(rx->decision));
	tendo_buf_puts(b, "</p><p><b>Run:</b> ");
	if (rx->run.allowed)
		tendo_buf_printf(b, "%d min%s, flat and easy. ", rx->run.minutes, rx->run.run_walk ? " run/walk" : "");
	else
		tendo_buf_puts(b, "none &mdash; ");
	words(b, rx->run.why);
	tendo_buf_puts(b, "</p><p><b>Rehab:</b> ");
	if (!rx->n_rehab)
		tendo_buf_puts(b, "none &mdash; ");
	words(b, rx->rehab_why);
	tendo_buf_puts(b, "</p>");
	if (rx->n_rehab)
		tendo_buf_puts(b, "<ul class=\"items\">");
	for (size_t k = 0; k < rx->n_rehab; k++) { /* one exercise a line: sets x reps, the load per side */
		const tendo_rx_item *it = &rx->rehab[k];
		tendo_buf_puts(b, "<li>");
		esc(b, it->exercise->title ? it->exercise->title : it->exercise->name);
		if (it->hold_s)
			tendo_buf_printf(b, ": %d &times; %d s", it->sets, it->hold_s);
		else
			tendo_buf_printf(b, ": %d &times; %d", it->sets, it->reps);
		if (it->load[0]) {
			tendo_buf_puts(b, ", ");
			esc(b, it->load);
		}
		tendo_buf_puts(b, "</li>");
	}
	if (rx->n_rehab)
		tendo_buf_puts(b, "</ul>");
	if (rx->n_avoid) {
		tendo_buf_puts(b, "<p><b>Avoid:</b> ");
		for (size_t k = 0; k < rx->n_avoid; k++) {
			esc(b, rx->avoid[k]);
			tendo_buf_puts(b, k + 1 < rx->n_avoid ? "; " : ".");
		}
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "</div><p>Why, rule by rule (the numbers are the references at the end):</p>"
	                  "<ul class=\"rules\" id=\"rules\">");
	for (size_t k = 0; k < rx->n_rules; k++) {
		tendo_buf_puts(b, "<li data-rule=\"");
		esc(b, rx->rules[k].id); /* for software and for looking the rule up; people read the reason */
		tendo_buf_puts(b, "\">");
		prose(b, rx->rules[k].reason);
		tendo_buf_puts(b, " <span class=\"src\">");
		cite(b, rx->rules[k].source);
		tendo_buf_puts(b, "</span></li>");
	}
	tendo_buf_puts(b, "</ul></section>");
}

/* The last weeks, newest first: volume, pain, load, adherence. */
static void weeks_html(tendo_buf *b, const series *s, const tendo_log *log, const tendo_profile *p)
{
	tendo_buf_puts(b, "<section id=\"weeks\"><h2>Week by week</h2><div class=\"wrap\"><table class=\"cards\"><thead><tr>"
	                  "<th>Week of</th><th>Morning score (mean)</th><th>Stage</th><th>Runs done / planned</th>"
	                  "<th>Strength done / planned</th><th>Minutes run</th><th>km</th><th>Load</th><th>Monotony</th>"
	                  "<th>ACWR</th><th>Days backed off</th></tr></thead><tbody>");
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
		tendo_buf_printf(b, "<tr><td data-label=\"Week of\">%s</td><td data-label=\"Morning score (mean)\">",
		                 tendo_date_format(ws, d));
		num(b, nt ? task / nt : NAN, 1, "");
		tendo_buf_puts(b, "</td><td data-label=\"Stage\">");
		esc(b, tendo_stage_title(s->days[i1].stage));
		tendo_buf_printf(b, "</td><td data-label=\"Runs done / planned\">%d / %d%s</td>"
		                    "<td data-label=\"Strength done / planned\">%d / %d</td><td data-label=\"Minutes run\">",
		                 a.runs_done, a.runs_prescribed, a.runs_extra ? " +extra" : "", a.strength_done,
		                 a.strength_prescribed);
		num(b, isnan(s->week_min[w]) ? 0 : s->week_min[w], 0, "");
		tendo_buf_puts(b, "</td><td data-label=\"km\">");
		num(b, km > 0 ? km : NAN, 1, "");
		tendo_buf_puts(b, "</td><td data-label=\"Load\">");
		num(b, load, 0, "");
		tendo_buf_puts(b, "</td><td data-label=\"Monotony\">");
		num(b, mono, 2, "");
		tendo_buf_puts(b, "</td><td data-label=\"ACWR\">");
		num(b, s->acwr[i1], 2, "");
		tendo_buf_printf(b, "</td><td data-label=\"Days backed off\">%d</td></tr>", flares);
	}
	(void)p;
	tendo_buf_printf(b, "</tbody></table></div><p class=\"note\">Newest week first. Morning score: the mean of "
	                    "the morning signal the engine used (the monitoring task, 0-10, else the plain morning "
	                    "score). Runs, strength: sessions done / prescribed, each day prescribed from the log as "
	                    "it stood that morning; +extra: a run on a day none was prescribed. Days backed off: "
	                    "days of a reduced dose, deload or regression after a flare. Load: session RPE &times; "
	                    "minutes [<a class=\"ref\" href=\"#ref-%d\">%d</a>]; monotony above 2 is high. ACWR: "
	                    "acute:chronic workload ratio, 7/28-day EWMA [<a class=\"ref\" href=\"#ref-%d\">%d</a>], "
	                    "none before 28 days.</p></section>",
	                 ref_no("Foster"), ref_no("Foster"), ref_no("Williams"), ref_no("Williams"));
}

static void outcomes_html(tendo_buf *b, const tendo_log *log, const tendo_profile *p, const tendo_report_options *o)
{
	tendo_buf_puts(b, "<section id=\"outcomes\"><h2>Tests and outcomes</h2><div class=\"wrap\"><table class=\"cards\"><thead><tr>"
	                  "<th>Date</th><th>What</th><th>Result</th></tr></thead><tbody>");
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
			tendo_buf_printf(b, "<tr><td data-label=\"Date\">%s</td><td data-label=\"What\">readiness tests</td>"
			                    "<td data-label=\"Result\" class=\"l\">", tendo_date_format(day, d));
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
				tendo_buf_printf(b, "<tr><td data-label=\"Date\">%s</td><td data-label=\"What\">VISA-H</td>"
				                    "<td data-label=\"Result\" class=\"l\">%d/100</td></tr>",
				                 tendo_date_format(day, d), log->visa[k].total);
				rows++;
			}
	}
	if (!rows)
		tendo_buf_puts(b, "<tr><td colspan=\"3\">no readiness test or VISA-H in this period</td></tr>");
	tendo_buf_puts(b, "</tbody></table></div></section>");
}

/* Every reference, numbered as the citations above link to them. */
static void references_html(tendo_buf *b)
{
	size_t n;
	const tendo_reference *r = tendo_references(&n);
	tendo_buf_puts(b, "<section id=\"references\"><h2>References</h2><p class=\"note\">The rules above are "
	                  "tendo's reading of these sources; where they leave a gap it takes the safer choice. The "
	                  "protocol sections are tendo's own specification, written from the sources.</p><ol class=\"refs\">");
	for (size_t i = 0; i < n; i++) {
		tendo_buf_printf(b, "<li id=\"ref-%zu\">", i + 1);
		esc(b, r[i].citation);
		tendo_buf_puts(b, "</li>");
	}
	tendo_buf_puts(b, "</ol></section>\n");
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
	char f[TENDO_DATE_BUFSZ], t[TENDO_DATE_BUFSZ], st[TENDO_DATE_BUFSZ];
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
		"Shaded: the stage of the protocol each day. Line: the morning score the engine used (the monitoring "
		"task, else the plain morning score); a dashed marker on each flared morning. Dots: the highest pain "
		"during a run, during rehab, during cross-training, and after sessions. Bars: minutes run (right axis). Gaps are days with no score.",
		"Session-RPE load by kind (RPE &times; minutes; rehab minutes estimated from the dose).",
		"Minutes run per week (Monday to Sunday) and last week plus 10%, the guide for growth.",
		"Acute (7-day) against chronic (28-day) load, exponentially weighted. The 0.8-1.3 band is disputed: "
		"read it as a trend, never as a verdict.",
		"Stage each day as the protocol had it, with a marker on each day a rule moved it (its exit "
		"criteria met, or a step back).",
		"Limb symmetry index (weaker / stronger side, or against the first test when both sides are "
		"affected); running waits for the line.",
		"The heaviest load logged each day per exercise and side (the exercises logged most often), joined "
		"across the days between sessions. Loads rise at most 5% a session and 10% a week.",
		"VISA-H total as filled in (8 items; 100 = no symptoms or limits).",
		"Per week (Monday to Sunday), the runs, strength sessions and hold days done on the days they were "
		"prescribed, as a share of those prescribed. No bar: nothing was prescribed.",
		"Hours sat and driven in one go, as logged: sitting compresses the tendon.",
	};
	static const char *const caption_refs[TENDO_REPORT_CHARTS] = {
		"Silbernagel; Goom et al", "Foster", NULL, "Williams; Gabbett; Impellizzeri", "PROTOCOL.md 3", "PROTOCOL.md 4",
		"Kongsgaard; PROTOCOL.md 10", "Cacchio", NULL, "PROTOCOL.md 10",
	};
	static const char *const weekly_captions[2] = {
		"Over a long range, by week (Monday to Sunday). Shaded: the stage; markers: flared mornings. Line: the "
		"mean morning score; dots: the highest pain during a run, during rehab and after; bars: minutes run "
		"(right axis).",
		"Session-RPE load by kind and week (RPE &times; minutes; rehab minutes estimated from the dose).",
	};
	/* what a physio asks for first, then the load metrics */
	static const int order[TENDO_REPORT_CHARTS] = { 0, 6, 7, 8, 9, 2, 1, 3, 4, 5 };
	for (int i = 0; i < TENDO_REPORT_CHARTS; i++) {
		int k = order[i];
		tendo_buf_printf(&b, "<figure id=\"fig-%s\">", charts[k].id + 6);
		tendo_buf_put(&b, charts[k].svg, charts[k].len);
		tendo_buf_printf(&b, "<figcaption>%s", s.weekly && k < 2 ? weekly_captions[k] : captions[k]);
		if (caption_refs[k]) {
			tendo_buf_puts(&b, " ");
			cite(&b, caption_refs[k]);
		}
		tendo_buf_puts(&b, "</figcaption></figure>\n");
	}
	tendo_buf_puts(&b, "</section>\n");
	weeks_html(&b, &s, log, p);
	outcomes_html(&b, log, p, o);
	references_html(&b);
	tendo_date gday = tendo_date_of_instant(o->generated, p->tz);
	int gmin = tendo_time_of_instant(o->generated, p->tz);
	char gd[TENDO_DATE_BUFSZ], gt[6];
	tendo_buf_printf(&b, "\n<footer class=\"note\"><p>Made by tendo on %s at %s (", tendo_date_format(gday, gd),
	                 tendo_schedule_format_time(gmin, gt));
	esc(&b, p->tz[0] ? p->tz : "UTC");
	tendo_buf_puts(&b, " time) from the athlete's own log. Dates are local days in that zone.</p></footer>\n"
	                   "</body></html>\n");
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
