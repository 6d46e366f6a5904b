/*
 * engine.c - replay the log day by day and prescribe (tendo/engine.h).
 *
 * The replay keeps the athlete's state (stage, running step, flares,
 * deloads, red flags) as it was at the start of each day, using what is
 * known by then: sessions of earlier days, and the day's own morning, rest
 * and red-flag reports. prescribe() then turns the state on the asked date
 * into a prescription with the rules that fired. Every rule id used here is
 * in the registry (protocol/rules.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "engine/engine_int.h"

#define NEVER (-100000) /* day index of something that has not happened */
#define MAX_DAYS 7305   /* 20 years */

typedef enum {
	RESP_NONE, RESP_UP, RESP_GROWTH, RESP_WEEK_WAIT, RESP_MISSING, RESP_RAISED, RESP_AFTER,
	RESP_TREND, RESP_SHORT, RESP_DELOAD, RESP_OVER, RESP_FLARE, RESP_SHARP, RESP_NOT_CLEAN,
	RESP_UNPRESCRIBED, RESP_REST, RESP_HARD
} run_response;

/* What running the plan allows on a day (plan_run()). */
typedef struct {
	bool allowed;
	int minutes;            /* 0 when not allowed */
	bool capped;            /* the weekly 10% cap cut the minutes */
	bool deload;            /* deload minutes */
	char why[TENDO_RX_REASON]; /* why not, when not allowed */
} run_plan;

typedef struct {
	const tendo_profile *p;
	const tendo_settings *s;
	const tendo_log *log;
	edigest g;
	/* state at the start of the current day */
	tendo_stage stage;
	int stage_since;
	int step;               /* next run's minutes in return to run */
	int step_before;        /* step before the last change */
	int last_step_change;   /* last increase (or stage/deload start) */
	int step_back_day;
	int step_back_cause;    /* the day whose pain caused the step back */
	bool step_back_flare;   /* ... a flared morning (else a run over the ceiling) */
	int last_growth;
	run_response last_resp; /* response to the last run */
	int last_resp_day;
	int deload_from, deload_to, deload_reason; /* reason: 1 flares, 2 stall */
	int last_deload_start, last_deload_end;
	int flare_starts[64];
	int n_flare_starts;
	bool in_flare;
	int red_flag, red_flag_day;
	int cleared_day;        /* last clinician clearance */
	int regress_day;
	int iso_hold;
	int iso_up_day;
	int last_run, last_strength, last_long;
	int last_run_rx;        /* minutes prescribed on the last run's day (0 = not prescribed) */
	int cap_day;            /* first day the step reached run_step_cap_min, -1 */
	int strength_days;      /* strength sessions so far (for rotation) */
	double recent_runs[4];  /* last run days' minutes, for the long-run flag */
	int n_recent;
} replay;

/* ---------------------------------------------------------------- helpers */

static const char *fmt_day(const replay *r, int i, char buf[TENDO_DATE_BUFSZ])
{
	return tendo_date_format(r->g.first + i, buf);
}

static void rule(tendo_prescription *rx, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static void rule(tendo_prescription *rx, const char *id, const char *fmt, ...)
{
	if (!rx)
		return; /* planning without a prescription (the replay) */
	for (size_t k = 0; k < rx->n_rules; k++)
		if (strcmp(rx->rules[k].id, id) == 0)
			return; /* first reason wins */
	if (rx->n_rules >= TENDO_RX_MAX_RULES)
		return;
	const tendo_rule *def = tendo_rule_find(id);
	tendo_rx_rule *out = &rx->rules[rx->n_rules++];
	out->id = def ? def->id : id;
	out->source = def ? def->source : "unregistered";
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->reason, sizeof(out->reason), fmt, ap);
	va_end(ap);
}

static bool has_rule(const tendo_prescription *rx, const char *id)
{
	for (size_t k = 0; k < rx->n_rules; k++)
		if (strcmp(rx->rules[k].id, id) == 0)
			return true;
	return false;
}

static void avoid(tendo_prescription *rx, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void avoid(tendo_prescription *rx, const char *fmt, ...)
{
	if (rx->n_avoid >= TENDO_RX_MAX_AVOID)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rx->avoid[rx->n_avoid++], sizeof(rx->avoid[0]), fmt, ap);
	va_end(ap);
}

static const eday *day(const replay *r, int i)
{
	return (i >= 0 && i < r->g.n) ? &r->g.days[i] : NULL;
}

static double run_minutes(const replay *r, int from, int to)
{
	double m = 0;
	for (int i = from < 0 ? 0 : from; i <= to && i < r->g.n; i++)
		m += r->g.days[i].run_min;
	return m;
}

static bool trend_rising(const replay *r, int i, double *week, double *prev)
{
	double w = engine_mean_signal(&r->g, i - 6, i);
	double p = engine_mean_signal(&r->g, i - 13, i - 7);
	if (week)
		*week = w;
	if (prev)
		*prev = p;
	return w >= 0 && p >= 0 && w - p >= r->s->trend_rise - 1e-9;
}

static bool flare_between(const replay *r, int from, int to)
{
	for (int i = from < 0 ? 0 : from; i <= to && i < r->g.n; i++)
		if (r->g.days[i].mclass == MORNING_FLARE)
			return true;
	return false;
}

static void enter_stage(replay *r, tendo_stage st, int i)
{
	r->stage = st;
	r->stage_since = i;
	if (st >= TENDO_STAGE_RETURN_TO_RUN) {
		if (r->step == 0)
			r->step = r->s->run_start_min;
	} else {
		r->step = 0;
	}
	r->last_step_change = i;
}

static void step_back(replay *r, int i, int cause, bool flare)
{
	if (r->step <= 0 || r->step_back_day == i)
		return;
	r->step_back_cause = cause;
	r->step_back_flare = flare;
	r->step_before = r->step;
	r->step = r->step - r->s->run_step_min;
	if (r->step < r->s->run_start_min)
		r->step = r->s->run_start_min;
	r->step_back_day = i;
}

/* The latest readiness test dated in [from, to], and the first test before it. */
static const tendo_test *find_test(const replay *r, int from, int to, const tendo_test **earlier)
{
	const tendo_test *best = NULL, *first = NULL;
	tendo_date a = r->g.first + from, b = r->g.first + to;
	for (size_t k = 0; k < r->log->n_tests; k++) {
		const tendo_test *t = &r->log->tests[k];
		if (t->date >= a && t->date <= b &&
		    (!best || t->date > best->date || (t->date == best->date && t->id > best->id)))
			best = t;
	}
	if (best && earlier) {
		for (size_t k = 0; k < r->log->n_tests; k++) {
			const tendo_test *t = &r->log->tests[k];
			if (t->date < best->date && (!first || t->date < first->date))
				first = t;
		}
		*earlier = first;
	}
	return best;
}

/* Stage 1 exit criteria at day i; when `why` is given, says what is missing. */
static bool settle_ready(const replay *r, int i, char *why, size_t whysz)
{
	const tendo_settings *s = r->s;
	int rest_seen = 0, rest_bad = 0, iso_ok = 0, iso_bad = 0;
	for (int k = i - 6; k <= i; k++) {
		const eday *e = day(r, k);
		if (!e)
			continue;
		if (e->rest >= 0) {
			rest_seen++;
			if (e->rest > s->painfree_max)
				rest_bad = e->rest;
		}
	}
	for (int k = i - 7; k <= i - 1; k++) {
		const eday *e = day(r, k);
		if (!e)
			continue;
		iso_ok += e->iso_painfree;
		iso_bad += e->iso_painful;
	}
	bool rising = trend_rising(r, i, NULL, NULL);
	bool flared = flare_between(r, i - 6, i);
	int days_in = i - r->stage_since;
	bool ok = days_in >= s->settle_min_days && rest_seen && !rest_bad &&
	          iso_ok >= s->settle_iso_sessions && !iso_bad && !rising && !flared;
	if (why) {
		char *w = why;
		size_t left = whysz;
		int n = 0;
		w[0] = '\0';
#define MISSING(...)                                                            \
	do {                                                                    \
		n = snprintf(w, left, "%s", w == why ? "" : "; ");              \
		if (n > 0 && (size_t)n < left) { w += n; left -= (size_t)n; }   \
		n = snprintf(w, left, __VA_ARGS__);                             \
		if (n > 0 && (size_t)n < left) { w += n; left -= (size_t)n; }   \
	} while (0)
		if (days_in < s->settle_min_days)
			MISSING("day %d of at least %d", days_in + 1, s->settle_min_days);
		if (!rest_seen)
			MISSING("no pain-at-rest score this week (tendo log pain --kind rest)");
		else if (rest_bad)
			MISSING("pain at rest %d/10", rest_bad);
		if (iso_bad)
			MISSING("isometrics hurt (over %d/10)", s->painfree_max);
		else if (iso_ok < s->settle_iso_sessions)
			MISSING("%d of %d pain-free isometric sessions this week (log --pain-during)", iso_ok,
			        s->settle_iso_sessions);
		if (flared)
			MISSING("a flare this week");
		if (rising)
			MISSING("morning pain trending up");
#undef MISSING
	}
	return ok;
}

/* ------------------------------------------------------------- the replay */

static void respond_to_run(replay *r, int rd, int i)
{
	const tendo_settings *s = r->s;
	const eday *R = &r->g.days[rd], *M = &r->g.days[i];
	r->last_resp_day = rd;
	if (R->sharp) {
		enter_stage(r, TENDO_STAGE_SETTLE, i);
		r->regress_day = i;
		r->last_resp = RESP_SHARP;
		return;
	}
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN) {
		r->last_resp = RESP_NONE;
		return;
	}
	if (R->run_pain > s->ceiling) {
		step_back(r, i, rd, false);
		r->last_resp = RESP_OVER;
		return;
	}
	if (M->mclass == MORNING_FLARE) {
		r->last_resp = RESP_FLARE; /* already stepped back by the flare */
		return;
	}
	if (M->mclass == MORNING_NONE) {
		r->last_resp = RESP_MISSING;
		return;
	}
	if (M->mclass == MORNING_RAISED) {
		r->last_resp = RESP_RAISED;
		return;
	}
	if (R->after > s->ceiling) {
		r->last_resp = RESP_AFTER;
		return;
	}
	if (M->rest > s->painfree_max) {
		r->last_resp = RESP_REST;
		return;
	}
	if (R->rx_min == 0) {
		r->last_resp = RESP_UNPRESCRIBED; /* a run on a day without one: no step up */
		return;
	}
	if (R->run_hard && r->stage == TENDO_STAGE_RETURN_TO_RUN) {
		r->last_resp = RESP_HARD; /* hills or speed before stage 3: no reward */
		return;
	}
	if (trend_rising(r, i, NULL, NULL)) {
		r->last_resp = RESP_TREND;
		return;
	}
	if (r->deload_to >= i) {
		r->last_resp = RESP_DELOAD;
		return;
	}
	if (R->run_min + 0.5 < R->rx_min) {
		r->last_resp = RESP_SHORT;
		return;
	}
	if (r->step < s->run_step_cap_min) {
		r->step_before = r->step;
		r->step += s->run_step_min;
		if (r->step >= s->run_step_cap_min) {
			r->step = s->run_step_cap_min;
			r->last_growth = i; /* a week at the cap before weekly growth */
		}
		r->last_step_change = i;
		r->last_resp = RESP_UP;
		return;
	}
	/* weekly growth: once a week, after a week with no raised morning */
	bool clean = true;
	for (int k = i - 6; k <= i; k++) {
		const eday *e = day(r, k);
		if (e && (e->mclass == MORNING_FLARE || e->mclass == MORNING_RAISED || e->run_pain > s->ceiling))
			clean = false;
	}
	if (!clean) {
		r->last_resp = RESP_NOT_CLEAN;
		return;
	}
	if (i - r->last_growth < 7 || r->step >= s->run_step_max_min) {
		r->last_resp = RESP_WEEK_WAIT;
		return;
	}
	int inc = (int)lround(r->step * s->weekly_growth);
	r->step_before = r->step;
	r->step += inc < 1 ? 1 : inc;
	if (r->step > s->run_step_max_min)
		r->step = s->run_step_max_min;
	r->last_growth = i;
	r->last_step_change = i;
	r->last_resp = RESP_GROWTH;
}

static void check_deload(replay *r, int i)
{
	const tendo_settings *s = r->s;
	if (r->deload_to >= 0 && i > r->deload_to) {
		r->last_deload_end = i;
		r->deload_from = r->deload_to = -1;
		r->last_step_change = i;
	}
	if (r->deload_to >= 0 || r->red_flag >= 0)
		return;
	int flares = 0;
	for (int k = 0; k < r->n_flare_starts; k++) {
		int f = r->flare_starts[k];
		if (f > i - s->flare_window_days && f <= i && f > r->last_deload_start)
			flares++;
	}
	int reason = 0;
	if (flares >= s->flare_repeat) {
		reason = 1;
	} else if (r->stage == TENDO_STAGE_RETURN_TO_RUN && r->step < s->run_step_max_min) {
		int since = r->last_step_change;
		if (r->stage_since > since)
			since = r->stage_since;
		if (r->last_deload_end > since)
			since = r->last_deload_end;
		int runs = 0;
		for (int k = i - s->stall_days; k < i; k++) {
			const eday *e = day(r, k);
			if (e && e->runs)
				runs++;
		}
		if (i - since >= s->stall_days && runs >= 3)
			reason = 2;
	}
	if (reason) {
		r->deload_from = i;
		r->deload_to = i + s->deload_days - 1;
		r->deload_reason = reason;
		r->last_deload_start = i;
	}
}

static void check_stage(replay *r, int i)
{
	const tendo_settings *s = r->s;
	switch (r->stage) {
	case TENDO_STAGE_SETTLE:
		if (r->red_flag < 0 && settle_ready(r, i, NULL, 0))
			enter_stage(r, TENDO_STAGE_STRENGTH, i);
		break;
	case TENDO_STAGE_STRENGTH: {
		if (i - r->stage_since < s->strength_min_days || r->in_flare || r->deload_to >= i ||
		    r->red_flag >= 0)
			break;
		int from = i - 14 > r->stage_since ? i - 14 : r->stage_since;
		const tendo_test *earlier = NULL;
		const tendo_test *t = find_test(r, from, i - 1, &earlier);
		if (t && tendo_engine_test_passes(t, earlier, r->p, NULL, NULL))
			enter_stage(r, TENDO_STAGE_RETURN_TO_RUN, i);
		break;
	}
	case TENDO_STAGE_RETURN_TO_RUN: {
		if (i - r->stage_since < 14 || r->step < s->run_step_cap_min)
			break;
		if (run_minutes(r, i - 7, i - 1) < s->target_week_min || flare_between(r, i - 14, i))
			break;
		bool over = false;
		for (int k = i - 14; k < i; k++) {
			const eday *e = day(r, k);
			if (e && e->during > s->ceiling)
				over = true;
		}
		if (!over)
			enter_stage(r, TENDO_STAGE_FULL_LOAD, i);
		break;
	}
	case TENDO_STAGE_FULL_LOAD:
		break;
	}
}

/* No improvement after about 12 weeks (PROTOCOL.md 7): still in stage 1 or 2
 * and the last two weeks' mornings no better than the first two weeks' (from
 * the start, or from the last clearance) while pain persists. */
static bool no_improvement(const replay *r, int i)
{
	const tendo_settings *s = r->s;
	int from = r->cleared_day >= 0 ? r->cleared_day : 0;
	if (r->stage > TENDO_STAGE_STRENGTH || i - from < s->no_improvement_days)
		return false;
	double first = engine_mean_signal(&r->g, from, from + 13);
	double last = engine_mean_signal(&r->g, i - 13, i);
	return first >= 0 && last >= 0 && last >= first && last > s->painfree_max;
}

/* The latest morning signal of day i or, if none, of the day before. */
static const eday *latest_morning(const replay *r, int i)
{
	const eday *E = day(r, i), *Y = day(r, i - 1);
	if (E && E->signal >= 0)
		return E;
	return Y && Y->signal >= 0 ? Y : NULL;
}

/* The last session (within 4 weeks) whose pain went over the ceiling, when
 * no settled morning has followed it: true, with its day and the latest
 * morning since (NULL if none). */
static bool unsettled_over(const replay *r, int i, int *over_day, const eday **latest_out)
{
	for (int k = i - 1; k >= 0 && k >= i - 28; k--) {
		if (r->g.days[k].during <= r->s->ceiling)
			continue;
		const eday *latest = NULL;
		for (int m = k + 1; m <= i; m++)
			if (r->g.days[m].signal >= 0)
				latest = &r->g.days[m];
		*over_day = k;
		*latest_out = latest;
		return !latest || latest->mclass != MORNING_SETTLED;
	}
	return false;
}

/*
 * Whether day i has a run, and how long: the stage, the 24-hour signal, the
 * spacing rules and the weekly cap. morning_view: as seen in the morning,
 * before the day's own sessions (the replay); otherwise sessions already
 * logged today count. Adds the spacing rules to rx when rx is not NULL.
 */
static void plan_run(const replay *r, int i, bool morning_view, run_plan *pl, tendo_prescription *rx)
{
	const tendo_settings *s = r->s;
	const eday *E = &r->g.days[i];
	char d1[TENDO_DATE_BUFSZ];
	memset(pl, 0, sizeof(*pl));
	const char *why = NULL;
	if (r->red_flag >= 0 || no_improvement(r, i)) {
		snprintf(pl->why, sizeof(pl->why), "no running: see a clinician first (tendo is not a diagnosis)");
		return;
	}
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN) {
		snprintf(pl->why, sizeof(pl->why), "%s",
		         r->stage == TENDO_STAGE_SETTLE ? "no running in stage 1: let the tendon settle first"
		                                        : "no running until the readiness tests pass");
		return;
	}
	const eday *M = latest_morning(r, i);
	int over_day;
	const eday *over_latest;
	bool in_deload = r->deload_to >= i && r->deload_from <= i;
	bool strength_due = i - r->last_strength >= s->strength_gap_days;
	int gap_run = r->stage == TENDO_STAGE_RETURN_TO_RUN ? s->run_gap_days : 1;
	bool ran_today = !morning_view && E->runs;
	bool strength_today = !morning_view && E->strength;
	if (ran_today) {
		snprintf(pl->why, sizeof(pl->why), "you already ran today (%.0f min)", E->run_min);
		why = pl->why;
	}
	if (M && M->mclass == MORNING_FLARE)
		why = why ? why : "no running while the tendon is flared: wait for a settled morning";
	if (unsettled_over(r, i, &over_day, &over_latest))
		why = why ? why : "no running until a morning has settled after pain over your ceiling";
	if (strength_today || i - r->last_strength < s->strength_run_gap_days) {
		rule(rx, "spacing.strength_before_run", "strength work on %s: at least 24 h before running",
		     fmt_day(r, strength_today ? i : r->last_strength, d1));
		why = why ? why : "no running today: strength work needs 24 h before a run";
	}
	if (i - r->last_long < s->long_run_gap_days) {
		rule(rx, "spacing.long_run_48h", "long run on %s: 48 h before the next hard loading",
		     fmt_day(r, r->last_long, d1));
		why = why ? why : "no running today: 48 h after a long run";
	}
	if (!why && i - r->last_run < gap_run) {
		rule(rx, "spacing.run_rest_day", "ran on %s: a day without running in between", fmt_day(r, r->last_run, d1));
		why = "no running today: a rest day between runs";
	}
	/* alternate with strength work; a skipped strength session defers a
	 * run by one day at most */
	if (!why && strength_due && r->last_strength <= r->last_run && r->last_run >= r->stage_since &&
	    i - r->last_run <= gap_run && !in_deload) {
		rule(rx, "spacing.alternate", "strength is due today (last on %s); the run goes to tomorrow",
		     fmt_day(r, r->last_strength, d1));
		why = "strength day: the next run is tomorrow";
	}
	if (why) {
		if (why != pl->why)
			snprintf(pl->why, sizeof(pl->why), "%s", why);
		return;
	}
	int minutes = r->step;
	if (in_deload) {
		minutes = ((minutes / 2 + 2) / 5) * 5;
		if (minutes < s->run_start_min)
			minutes = s->run_start_min;
		pl->deload = true;
	}
	/* weekly volume grows ~10% a week: compared over two-week windows (runs
	 * every other day put 3 or 4 runs in a 7-day window), once the step has
	 * been at the cap for two weeks */
	if (r->cap_day >= 0 && i - r->cap_day >= 14) {
		double prevw = run_minutes(r, i - 27, i - 14), thisw = run_minutes(r, i - 13, i - 1);
		double g = (1 + s->weekly_growth) * (1 + s->weekly_growth);
		double budget = prevw * g - thisw;
		if (prevw > 0 && budget < minutes) {
			rule(rx, "run.weekly_10pct", "%.0f min in the last two weeks after %.0f min the two before: "
			     "at most %.0f min more", thisw, prevw, budget < 0 ? 0 : budget);
			if (budget < s->run_start_min || budget < minutes / 2.0) {
				snprintf(pl->why, sizeof(pl->why),
				         "two weeks' running (%.0f min) is at the two before (%.0f min) + 10%% a week: "
				         "rest from running today", thisw, prevw);
				return;
			}
			minutes = (int)budget;
			pl->capped = true;
		}
	}
	pl->allowed = true;
	pl->minutes = minutes;
}

/* What is known at the start of day i, applied to the state. */
static void start_of_day(replay *r, int i)
{
	const tendo_settings *s = r->s;
	eday *e = &r->g.days[i];
	engine_classify_morning(&r->g, i, s);

	if (e->flag >= 0) {
		r->red_flag = e->flag;
		r->red_flag_day = i;
	}
	if (e->cleared && (r->red_flag >= 0 || no_improvement(r, i))) {
		enter_stage(r, TENDO_STAGE_SETTLE, i);
		r->red_flag = -1;
		r->cleared_day = i;
		r->deload_from = r->deload_to = -1;
	}

	if (e->mclass == MORNING_FLARE) {
		if (!r->in_flare) {
			if (r->n_flare_starts == 64) {
				memmove(r->flare_starts, r->flare_starts + 1, 63 * sizeof(int));
				r->n_flare_starts--;
			}
			r->flare_starts[r->n_flare_starts++] = i;
			step_back(r, i, i, true);
			r->iso_hold = 30;
		}
		r->in_flare = true;
	} else if (e->mclass != MORNING_NONE) {
		r->in_flare = false;
	}

	if (i > 0 && r->g.days[i - 1].runs > 0)
		respond_to_run(r, i - 1, i);

	check_deload(r, i);
	check_stage(r, i);

	/* isometric hold time: 30 s, then 45 s after three pain-free sessions */
	if (r->stage == TENDO_STAGE_SETTLE && r->iso_hold < 45 && !r->in_flare) {
		int ok = 0;
		for (int k = i - 3; k < i; k++) {
			const eday *d = day(r, k);
			if (d && d->iso_painfree && !d->iso_painful)
				ok++;
		}
		if (ok >= 3) {
			r->iso_hold = 45;
			r->iso_up_day = i;
		}
	}
	e->step_at = r->stage >= TENDO_STAGE_RETURN_TO_RUN ? r->step : 0;
	if (r->step < s->run_step_cap_min)
		r->cap_day = -1;
	else if (r->cap_day < 0)
		r->cap_day = i;
	run_plan pl;
	plan_run(r, i, true, &pl, NULL);
	e->rx_min = pl.allowed ? pl.minutes : 0;
}

/* Sessions of day i, applied after its prescription. */
static void end_of_day(replay *r, int i)
{
	eday *e = &r->g.days[i];
	if (e->runs) {
		double sum = 0;
		for (int k = 0; k < r->n_recent; k++)
			sum += r->recent_runs[k];
		/* longer than the plan and 1.5 x the recent average; a prescribed
		 * step is never a long run */
		bool longer = r->n_recent >= 2 && e->run_min > e->rx_min + 0.5 &&
		              e->run_min > r->s->long_run_factor * (sum / r->n_recent);
		e->long_run = e->run_long_intent || longer;
		if (e->long_run)
			r->last_long = i;
		r->last_run = i;
		r->last_run_rx = e->rx_min;
		if (r->n_recent == 4)
			memmove(r->recent_runs, r->recent_runs + 1, 3 * sizeof(double));
		else
			r->n_recent++;
		r->recent_runs[r->n_recent - 1] = e->run_min;
	}
	if (e->strength) {
		r->last_strength = i;
		r->strength_days++;
	}
}

/* ------------------------------------------------------------ prescribing */

static const tendo_rehab *last_rehab(const replay *r, const char *name, int before)
{
	const tendo_rehab *best = NULL;
	tendo_date lim = r->g.first + before;
	for (size_t k = 0; k < r->log->n_rehab; k++) {
		const tendo_rehab *x = &r->log->rehab[k];
		if (x->date < lim && strcmp(x->exercise, name) == 0 && x->kg > 0 &&
		    (!best || x->date > best->date || (x->date == best->date && x->id > best->id)))
			best = x;
	}
	return best;
}

typedef enum { DOSE_NORMAL, DOSE_REDUCED, DOSE_DELOAD } dose_mode;

/* Add one exercise; returns true when its load progresses. */
static bool add_item(replay *r, tendo_prescription *rx, const char *name, int i, dose_mode mode,
                     bool may_progress, int hold_override)
{
	const tendo_exercise *ex = tendo_exercise_find(name);
	if (!ex || rx->n_rehab >= TENDO_RX_MAX_REHAB)
		return false;
	tendo_rx_item *it = &rx->rehab[rx->n_rehab++];
	it->exercise = ex;
	it->sets = ex->sets;
	it->reps = ex->reps;
	it->hold_s = hold_override > 0 ? hold_override : ex->hold_s;
	if (ex->heavy && mode == DOSE_NORMAL && i - r->stage_since >= 14)
		it->sets = 4; /* 3-4 sets: the fourth once the first fortnight is done */
	if (mode != DOSE_NORMAL && it->sets > 2)
		it->sets = 2;
	bool progress = false;
	if (ex->kind == TENDO_EX_ISOMETRIC) {
		snprintf(it->load, sizeof(it->load), mode == DOSE_NORMAL ? "body weight" : "body weight, gentle");
	} else if (!ex->heavy) {
		snprintf(it->load, sizeof(it->load), "body weight or band, slow");
	} else {
		const tendo_rehab *last = last_rehab(r, name, i);
		if (!last) {
			snprintf(it->load, sizeof(it->load), "a weight that gets hard on rep %d", ex->reps);
		} else if (mode == DOSE_DELOAD) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (deload: -30%% of %.1f kg)", last->kg * 0.7, last->kg);
		} else if (mode == DOSE_REDUCED) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (one step back: -20%% of %.1f kg)", last->kg * 0.8, last->kg);
		} else if (may_progress && last->pain_during <= r->s->ceiling && last->rpe >= 0 && last->rpe <= 7) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (+5%%: last %.1f kg felt RPE %d)", last->kg * 1.05,
			         last->kg, last->rpe);
			progress = true;
		} else {
			snprintf(it->load, sizeof(it->load), "%.1f kg, as last time (hard on rep %d)", last->kg, ex->reps);
		}
	}
	return progress;
}

static void prescribe_redflag(replay *r, tendo_prescription *rx, int i, bool no_improvement)
{
	char d[TENDO_DATE_BUFSZ];
	rx->decision = TENDO_DECISION_SEEK_CARE;
	if (no_improvement) {
		rule(rx, "redflag.no_improvement", "%d days of rehab and morning pain no better than in the first two weeks",
		     i);
	} else {
		const char *kind = tendo_flag_kind_name((tendo_flag_kind)r->red_flag);
		fmt_day(r, r->red_flag_day, d);
		if (r->red_flag == TENDO_FLAG_POP || r->red_flag == TENDO_FLAG_BRUISING)
			rule(rx, "redflag.tear", "%s reported on %s: possible tear or avulsion", kind, d);
		else if (r->red_flag == TENDO_FLAG_NUMBNESS || r->red_flag == TENDO_FLAG_TINGLING)
			rule(rx, "redflag.neural", "%s reported on %s: possible sciatic nerve involvement", kind, d);
		else
			rule(rx, "redflag.night_pain", "night pain reported on %s", d);
	}
	snprintf(rx->run.why, sizeof(rx->run.why), "no running: see a clinician first (tendo is not a diagnosis)");
	snprintf(rx->rehab_why, sizeof(rx->rehab_why),
	         "no loading until a clinician has seen you; once they clear you: tendo log flag --kind cleared");
	avoid(rx, "all running and strength work until a clinician has cleared you");
}

/* The last run (up to 14 days back, today included) against what was
 * prescribed that day, with what the watch saw (PROTOCOL.md 9). */
static void compare_last_run(const replay *r, tendo_prescription *rx, int i)
{
	const tendo_run *last = NULL;
	tendo_date today = r->g.first + i;
	for (size_t k = 0; k < r->log->n_runs; k++) {
		const tendo_run *x = &r->log->runs[k];
		if (x->date > today || x->date < today - 14)
			continue;
		if (!last || x->date > last->date || (x->date == last->date && x->id > last->id))
			last = x;
	}
	if (!last)
		return;
	const eday *e = day(r, (int)(last->date - r->g.first));
	char d[TENDO_DATE_BUFSZ];
	rx->last_run.present = true;
	rx->last_run.date = last->date;
	rx->last_run.minutes = e ? e->run_min : last->minutes;
	rx->last_run.prescribed = e ? e->rx_min : 0;
	rx->last_run.km = last->km;
	rx->last_run.imported = last->imported;
	rx->last_run.uphill_s = last->imported ? last->uphill_s : NAN;
	rx->last_run.fast_s = last->imported ? last->fast_s : NAN;
	rx->last_run.cadence_spm = last->imported ? last->cadence_spm : NAN;

	char *b = rx->last_run.summary;
	size_t left = sizeof(rx->last_run.summary);
	int n = snprintf(b, left, "ran %.0f min on %s", rx->last_run.minutes, tendo_date_format(last->date, d));
#define MORE(...)                                                   \
	do {                                                        \
		if (n > 0 && (size_t)n < left) {                    \
			b += n;                                     \
			left -= (size_t)n;                          \
			n = snprintf(b, left, __VA_ARGS__);         \
		}                                                   \
	} while (0)
	if (last->km > 0)
		MORE(" (%.1f km)", last->km);
	if (rx->last_run.prescribed > 0)
		MORE(", prescribed %d", rx->last_run.prescribed);
	else if (r->stage >= TENDO_STAGE_RETURN_TO_RUN || e)
		MORE(", no run prescribed that day");
	if (last->imported) {
		if (isfinite(last->uphill_s))
			MORE("; %.0f min on grades over 4%%", last->uphill_s / 60);
		if (isfinite(last->fast_s) && last->fast_s >= 30)
			MORE("; %.0f min faster than easy pace", last->fast_s / 60);
		if (isfinite(last->cadence_spm) && r->s->usual_cadence > 0)
			MORE("; step rate %.0f/min (usual %d, %+.0f%%)", last->cadence_spm, r->s->usual_cadence,
			     100.0 * (last->cadence_spm - r->s->usual_cadence) / r->s->usual_cadence);
		else if (isfinite(last->cadence_spm))
			MORE("; step rate %.0f/min", last->cadence_spm);
		if (last->walk_spells >= 2)
			MORE("; run/walk (%d walk breaks)", last->walk_spells);
	}
#undef MORE
	rule(rx, "run.compared", "%s", rx->last_run.summary);
	if (last->imported && r->stage < TENDO_STAGE_FULL_LOAD && isfinite(last->uphill_s) && last->uphill_s >= 120)
		avoid(rx, "hills: %.0f min of the last run were on grades over 4%%", last->uphill_s / 60);
}

/* The outcome measure: a VISA-H every visa_every_days, the first one as a baseline. */
static void visa_due(const replay *r, tendo_prescription *rx, int i)
{
	tendo_date today = r->g.first + i;
	const tendo_visa *last = NULL;
	char d1[TENDO_DATE_BUFSZ];
	for (size_t k = 0; k < r->log->n_visa; k++) {
		const tendo_visa *v = &r->log->visa[k];
		if (v->date <= today && (!last || v->date >= last->date))
			last = v;
	}
	if (!last)
		rule(rx, "monitor.visa_due", "no VISA-H yet: fill it in once as a baseline "
		     "(tendo log visa --items 1,2,3,4,5,6,7,8 with your 8 item scores)");
	else if (today - last->date >= r->s->visa_every_days)
		rule(rx, "monitor.visa_due", "the last VISA-H (%s, %d/100) is %d days old: fill it in again",
		     tendo_date_format(last->date, d1), last->total, (int)(today - last->date));
}

static void prescribe(replay *r, tendo_prescription *rx, int i)
{
	const tendo_settings *s = r->s;
	const eday *E = &r->g.days[i];
	const eday *Y = day(r, i - 1);
	char d1[TENDO_DATE_BUFSZ], d2[TENDO_DATE_BUFSZ];

	rx->stage = r->stage;
	rx->run.terrain = TENDO_TERRAIN_FLAT;

	/* red flags first: nothing else matters */
	bool noimp = r->red_flag < 0 && no_improvement(r, i);
	if (r->red_flag >= 0 || noimp) {
		prescribe_redflag(r, rx, i, noimp);
		return;
	}

	/* the 24-hour signal */
	const eday *M = latest_morning(r, i);
	bool flare_now = M && M->mclass == MORNING_FLARE;
	bool flare_recent = E->mclass == MORNING_FLARE || (Y && Y->mclass == MORNING_FLARE);
	double wk = -1, prev = -1;
	bool rising = trend_rising(r, i, &wk, &prev);
	if (M) {
		const char *what = M->signal_is_task ? "monitoring task" : "morning pain";
		const char *when = M == E ? "today" : "yesterday";
		char base[32] = "no usual level yet";
		if (M->baseline >= 0)
			snprintf(base, sizeof(base), "usual %.1f", M->baseline);
		if (M->mclass == MORNING_FLARE)
			rule(rx, "pain.morning.flare", "%s %d/10 %s (%s): a flare", what, M->signal, when, base);
		else if (M->mclass == MORNING_RAISED)
			rule(rx, "pain.morning.raised", "%s %d/10 %s (%s): a little raised, hold", what, M->signal, when, base);
		else
			rule(rx, "pain.morning.settled", "%s %d/10 %s (%s): settled", what, M->signal, when, base);
	}
	if (E->task < 0)
		rule(rx, "monitor.daily_task", "no monitoring task score today: do 3 short-lever single-leg bridges "
		     "and log it (tendo log pain --kind task --score N)");
	visa_due(r, rx, i);
	if (rising)
		rule(rx, "pain.trend.rising", "mean morning score %.1f this week against %.1f last week", wk, prev);

	int over_day = -1;
	const eday *over_latest = NULL;
	bool unsettled = unsettled_over(r, i, &over_day, &over_latest);
	if (unsettled)
		rule(rx, "pain.during.over_ceiling", "pain %d/10 during a session on %s, over your ceiling of %d; %s",
		     r->g.days[over_day].during, fmt_day(r, over_day, d1), s->ceiling,
		     over_latest ? "the mornings since have not settled" : "no morning score since");

	bool in_deload = r->deload_to >= i && r->deload_from <= i;
	if (in_deload) {
		rule(rx, r->deload_reason == 1 ? "deload.repeated_flares" : "deload.stalled",
		     r->deload_reason == 1 ? "%d or more flares within %d days" : "no running progress for %d days",
		     r->deload_reason == 1 ? s->flare_repeat : s->stall_days, s->flare_window_days);
		rule(rx, "deload.active", "deload from %s to %s: about half the usual volume",
		     fmt_day(r, r->deload_from, d1), fmt_day(r, r->deload_to, d2));
	}
	bool regressed = r->regress_day >= 0 && i - r->regress_day <= 2 && i >= r->regress_day;
	if (regressed)
		rule(rx, "pain.sharp.regress", "sharp pain on the run of %s: back to stage 1",
		     fmt_day(r, r->regress_day - 1, d1));
	int rest = -1;
	for (int k = i - 1; k <= i; k++)
		if (day(r, k) && day(r, k)->rest > rest)
			rest = day(r, k)->rest;
	bool rest_pain = rest > s->painfree_max;
	if (rest_pain && r->stage > TENDO_STAGE_SETTLE)
		rule(rx, "pain.rest.present", "pain at rest %d/10 in the last two days: no progression", rest);

	/* --- running */
	run_plan pl;
	plan_run(r, i, false, &pl, rx);
	bool run_progress = false, run_first = false;
	if (!pl.allowed) {
		snprintf(rx->run.why, sizeof(rx->run.why), "%s", pl.why);
	} else {
		int minutes = pl.minutes;
		rx->run.allowed = true;
		rx->run.minutes = minutes;
		rx->run.run_walk = minutes <= s->run_walk_below_min || in_deload || r->step_back_day > r->last_run;
		run_first = r->last_run < r->stage_since || r->stage_since == i;
		const eday *L = day(r, r->last_run);
		run_progress = !run_first && L && r->last_run_rx > 0 && minutes > r->last_run_rx && !in_deload &&
		               r->step_back_day <= r->last_run && !rest_pain;
		if (run_first && r->stage == TENDO_STAGE_RETURN_TO_RUN) {
			rule(rx, "run.first_test", "first run of return to run: %d min, flat or treadmill; "
			     "log the next two mornings", minutes);
			snprintf(rx->run.why, sizeof(rx->run.why),
			         "the first run is a test: %d min, flat or treadmill, then watch the next 24-48 h", minutes);
		} else if (r->step_back_day > r->last_run) {
			if (r->step_back_flare)
				rule(rx, "run.step_back", "one step back after the flare on the morning of %s: %d min (was %d)",
				     fmt_day(r, r->step_back_cause, d1), r->step, r->step_before);
			else
				rule(rx, "run.step_back", "one step back after pain over the ceiling on the run of %s: "
				     "%d min (was %d)", fmt_day(r, r->step_back_cause, d1), r->step, r->step_before);
			snprintf(rx->run.why, sizeof(rx->run.why), "one step back: %d min, easy and flat", minutes);
		} else if (run_progress) {
			rule(rx, r->last_resp == RESP_GROWTH ? "run.weekly_10pct" : "run.step_up",
			     "ran %.0f min on %s with no raised morning: %d -> %d min", L->run_min,
			     fmt_day(r, r->last_run, d1), r->last_run_rx, minutes);
			if (L->run_pain >= 0)
				rule(rx, "pain.during.within_ceiling", "pain %d/10 during the run of %s, within your ceiling of %d",
				     L->run_pain, d1, s->ceiling);
			snprintf(rx->run.why, sizeof(rx->run.why), "last run went well: up to %d min, easy and flat", minutes);
		} else {
			const char *hold = "hold the step";
			switch (r->last_resp) {
			case RESP_MISSING: hold = "no morning score after the last run: hold until the response is known";
				rule(rx, "pain.morning.missing", "no morning score on the day after the run of %s",
				     fmt_day(r, r->last_resp_day, d1));
				break;
			case RESP_RAISED: hold = "the morning after the last run was a little raised: hold"; break;
			case RESP_AFTER: hold = "pain after the last run went over your ceiling: hold";
				rule(rx, "pain.after.raised", "pain after the run of %s over %d/10",
				     fmt_day(r, r->last_resp_day, d1), s->ceiling);
				break;
			case RESP_TREND: hold = "morning pain is trending up: hold"; break;
			case RESP_REST: hold = "pain at rest the morning after the last run: hold"; break;
			case RESP_SHORT: hold = "the last run was shorter than prescribed: repeat the step"; break;
			case RESP_UNPRESCRIBED: hold = "the last run was on a day without one: the step stays"; break;
			case RESP_HARD: hold = "the last run had hills or speed: the step stays until a flat, easy one";
				rule(rx, "run.hard_hold", "the run of %s was hilly or fast (see run.compared)",
				     fmt_day(r, r->last_resp_day, d1));
				break;
			case RESP_WEEK_WAIT: hold = r->step >= s->run_step_max_min
			                         ? "at the longest run tendo prescribes: hold"
			                         : "weekly growth: the next increase is due later this week"; break;
			case RESP_NOT_CLEAN: hold = "growth waits for a week with no raised morning"; break;
			default: break;
			}
			if (in_deload)
				hold = "deload: about half your usual run";
			else if (pl.capped)
				hold = "this week's running is capped at last week's + 10%";
			rule(rx, "run.step_hold", "%d min: %s", minutes, hold);
			snprintf(rx->run.why, sizeof(rx->run.why), "%s", hold);
		}
		rule(rx, "run.flat_easy", "flat and easy; afternoon runs are often easier than morning ones");
		if (rx->run.run_walk)
			rule(rx, "run.run_walk", "run/walk: 2 min run / 1 min walk, walk any hill");
		if (minutes >= 15)
			rule(rx, "run.cadence_cue", "optional: a slightly quicker, shorter step (+5%%)");
		if (r->stage == TENDO_STAGE_FULL_LOAD && !flare_between(r, i - 14, i))
			rule(rx, "run.speed_hills_short", "optional: 4 x 20 s strides or one short gentle hill at the end");
	}

	/* the last run against what was prescribed */
	for (int k = i - 1; k >= 0 && k >= i - 14; k--) {
		const eday *e = &r->g.days[k];
		if (!e->runs)
			continue;
		if (e->rx_min == 0)
			rule(rx, "run.over_prescription", "ran %.0f min on %s, a day without a run in the plan", e->run_min,
			     fmt_day(r, k, d1));
		else if (e->run_min > e->rx_min * 1.25 + 0.5)
			rule(rx, "run.over_prescription", "ran %.0f min on %s, prescribed %d", e->run_min, fmt_day(r, k, d1),
			     e->rx_min);
		break;
	}

	compare_last_run(r, rx, i);

	/* --- rehab */
	bool rehab_progress = false, rehab_reduced = false;
	bool iso_only = r->stage == TENDO_STAGE_SETTLE || flare_now || regressed;
	if (iso_only) {
		int hold = flare_now ? 30 : r->iso_hold;
		dose_mode m = flare_now ? DOSE_REDUCED : DOSE_NORMAL;
		add_item(r, rx, "iso-bridge", i, m, false, hold);
		if (!flare_now) {
			if (r->stage == TENDO_STAGE_SETTLE && i - r->stage_since >= 7)
				add_item(r, rx, "iso-bridge-single", i, m, false, hold);
			add_item(r, rx, "iso-curl", i, m, false, hold);
		}
		if (flare_now && r->stage > TENDO_STAGE_SETTLE) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why),
			         "flare: isometric holds only, for relief; strength work waits for a settled morning");
			rehab_reduced = true;
		} else if (flare_now) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "flare: fewer, gentler holds today (stop above %d/10)",
			         s->ceiling);
			rehab_reduced = true;
		} else {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "isometric holds, %d s each; daily", hold);
			if (r->iso_up_day == i)
				rehab_progress = true;
		}
		if (r->stage == TENDO_STAGE_SETTLE)
			rule(rx, "stage.settle.isometrics", "stage 1: holds of %d s", hold);
		rule(rx, "spacing.isometrics_daily", "isometrics are fine every day and ease pain");
	} else {
		bool strength_due = i - r->last_strength >= s->strength_gap_days;
		bool long_block = i - r->last_long < s->long_run_gap_days;
		if (E->strength) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "strength work done today: next session in %d days",
			         s->strength_gap_days);
		} else if (rx->run.allowed || E->runs) {
			rule(rx, "spacing.run_before_strength", "run day: strength work waits 24 h");
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "run day: no strength work; holds optional for relief");
			add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else if (long_block) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "48 h after a long run: holds only");
			add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else if (!strength_due) {
			rule(rx, "spacing.strength_48h", "strength work on %s: next session 48 h later",
			     fmt_day(r, r->last_strength, d1));
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "rest day from strength (48 h rule); holds optional");
			add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else {
			dose_mode m = in_deload ? DOSE_DELOAD : DOSE_NORMAL;
			const eday *ls = day(r, r->last_strength);
			if (!in_deload && (unsettled || (ls && ls->strength_pain > s->ceiling))) {
				m = DOSE_REDUCED;
				rehab_reduced = true;
				if (ls && ls->strength_pain > s->ceiling)
					rule(rx, "pain.during.over_ceiling", "strength work on %s hurt %d/10: one step back",
					     fmt_day(r, r->last_strength, d1), ls->strength_pain);
			}
			bool may = !flare_recent && !rising && !rest_pain && !(M && M->mclass == MORNING_RAISED);
			int rot = r->strength_days % 2;
			int in_stage = i - r->stage_since;
			const char *picks[8];
			int np = 0;
			picks[np++] = "prone-curl";
			if (r->stage == TENDO_STAGE_STRENGTH)
				picks[np++] = in_stage < 14 ? "bridge-90" : "single-leg-bridge";
			else if (r->stage == TENDO_STAGE_RETURN_TO_RUN)
				picks[np++] = "single-leg-bridge";
			picks[np++] = "hip-thrust";
			if (r->stage == TENDO_STAGE_FULL_LOAD ||
			    (r->stage == TENDO_STAGE_RETURN_TO_RUN && in_stage >= 14))
				picks[np++] = "nordic-negative";
			if (r->stage == TENDO_STAGE_FULL_LOAD) {
				picks[np++] = rot ? "deadlift" : "squat";
				picks[np++] = "lunge";
				if (!flare_between(r, i - 14, i))
					picks[np++] = "skips";
			} else {
				picks[np++] = rot ? "ball-squeeze" : "adductor";
				picks[np++] = rot ? "clam" : "band-walk";
			}
			for (int k = 0; k < np && k < 6; k++)
				rehab_progress |= add_item(r, rx, picks[k], i, m, may, 0);
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "%s",
			         m == DOSE_DELOAD ? "strength day, deload: 2 sets, lighter"
			         : m == DOSE_REDUCED ? "strength day, one step back: 2 sets, lighter"
			         : "strength day: heavy and slow (3 s up, 3 s down), stop at 3/10 pain");
			rule(rx, "stage.strength.hsr", "strength day: heavy slow resistance, %d sets", rx->rehab[0].sets);
		}
	}

	if (r->cleared_day >= 0 && i - r->cleared_day < 7)
		rule(rx, "redflag.cleared", "cleared by a clinician on %s: restarted from stage 1",
		     fmt_day(r, r->cleared_day, d1));

	/* --- stage rules */
	if (r->stage_since == i && i > 0)
		rule(rx, "stage.start", "%s starts today", tendo_stage_name(r->stage));
	if (r->stage == TENDO_STAGE_SETTLE) {
		char why[TENDO_RX_REASON];
		if (!settle_ready(r, i, why, sizeof(why)))
			rule(rx, "stage.settle.waiting", "still to come: %s", why);
		int rest_week = -1;
		for (int k = i - 6; k <= i; k++)
			if (day(r, k) && day(r, k)->rest > rest_week)
				rest_week = day(r, k)->rest;
		if (rest_week > s->painfree_max)
			rule(rx, "pain.rest.present", "pain at rest up to %d/10 this week", rest_week);
	}
	if (r->stage_since == i && r->stage == TENDO_STAGE_STRENGTH && r->regress_day != i)
		rule(rx, "stage.settle.exit", "a week of stage 1 with no pain at rest, pain-free isometrics and no flare: "
		     "strength work starts");
	if (r->stage_since == i && r->stage == TENDO_STAGE_RETURN_TO_RUN) {
		const tendo_test *earlier = NULL;
		const tendo_test *t = find_test(r, i - 14, i - 1, &earlier);
		double lc = -1, lb = -1;
		if (t)
			tendo_engine_test_passes(t, earlier, r->p, &lc, &lb);
		rule(rx, "readiness.pass", "tests of %s pass (curl LSI %.0f%%, bridge LSI %.0f%%): running starts",
		     t ? tendo_date_format(t->date, d1) : "?", lc, lb);
	}
	if (r->stage_since == i && r->stage == TENDO_STAGE_FULL_LOAD)
		rule(rx, "stage.return_to_run.exit", "%.0f min of running in the last 7 days (target %d) without a flare "
		     "in 14 days: stage 3", run_minutes(r, i - 7, i - 1), s->target_week_min);
	if (r->stage == TENDO_STAGE_STRENGTH) {
		const tendo_test *earlier = NULL;
		/* the same window check_stage() uses: tests of this stage, at most 14 days old */
		int from = i - 14 > r->stage_since ? i - 14 : r->stage_since;
		const tendo_test *t = find_test(r, from, i, &earlier);
		const tendo_test *stale = t ? NULL : find_test(r, r->stage_since, i, NULL);
		if (stale)
			rule(rx, "readiness.due", "the last test (%s) is more than 14 days old: test again",
			     tendo_date_format(stale->date, d2));
		rule(rx, "stage.strength.waiting", "running starts after a passing readiness test (day %d of strength, "
		     "at least %d)", i - r->stage_since + 1, s->strength_min_days);
		if (t) {
			double lc, lb;
			bool pass = tendo_engine_test_passes(t, earlier, r->p, &lc, &lb);
			tendo_date_format(t->date, d1);
			if (pass)
				rule(rx, "readiness.pass", "tests of %s pass (curl LSI %.0f%%, bridge LSI %.0f%%)%s", d1, lc, lb,
				     i - r->stage_since < s->strength_min_days ? "; running after the minimum strength block"
				     : r->in_flare ? "; running starts once the mornings settle"
				                   : "; first run 24 h after the tests");
			else if (t->rest_pain < 0 || t->drop_lunge_pain < 0 || lc < 0 || lb < 0)
				rule(rx, "readiness.incomplete", "the test of %s is missing %s", d1,
				     t->rest_pain < 0 ? "pain at rest" : t->drop_lunge_pain < 0 ? "the drop lunge"
				     : lc < 0 ? (r->p->side == TENDO_SIDE_BOTH && !earlier ? "an earlier test to compare with (both sides affected)" : "curl 10RM left and right")
				     : (r->p->side == TENDO_SIDE_BOTH && !earlier ? "an earlier test to compare with (both sides affected)" : "bridge reps left and right"));
			else if (t->rest_pain > s->painfree_max || t->drop_lunge_pain > s->painfree_max)
				rule(rx, "readiness.fail.pain", "test of %s: rest pain %d/10, drop lunge %d/10 (need %d or less)",
				     d1, t->rest_pain, t->drop_lunge_pain, s->painfree_max);
			if (!pass && lc >= 0 && lb >= 0 && (lc < s->lsi_min || lb < s->lsi_min))
				rule(rx, "readiness.fail.symmetry", "test of %s: curl LSI %.0f%%, bridge LSI %.0f%% (need %.0f%%)", d1,
				     lc, lb, s->lsi_min);
		}
		if ((!t || !tendo_engine_test_passes(t, earlier, r->p, NULL, NULL)) &&
		    i - r->stage_since >= s->strength_min_days - 2)
			rule(rx, "readiness.due", "do the readiness tests and log them (tendo log test ...)");
	}
	if (r->stage == TENDO_STAGE_FULL_LOAD)
		rule(rx, "stage.full_load.content", "strength into hip flexion and short speed/hill work, built slowly");
	for (int k = i; k >= 0 && k >= i - 7; k--) {
		const eday *e = &r->g.days[k];
		if (e->late_ex && e->late_stage > r->stage) {
			rule(rx, "stage.exercise_too_early", "%s (a %s exercise) logged on %s, in %s", e->late_ex,
			     tendo_stage_name(e->late_stage), fmt_day(r, k, d1), tendo_stage_name(r->stage));
			break;
		}
	}

	/* --- aggravators and cross-training */
	for (int k = i; k >= 0 && k >= i - 1; k--) {
		const eday *e = &r->g.days[k];
		if (e->sitting_h >= s->sitting_hours_max) {
			rule(rx, "aggravator.sitting", "%.1f h sitting on %s: stand up every 30-45 min, use a cushion",
			     e->sitting_h, fmt_day(r, k, d1));
			break;
		}
	}
	if (r->stage <= TENDO_STAGE_RETURN_TO_RUN) {
		if (r->stage <= TENDO_STAGE_STRENGTH)
			avoid(rx, "running, until the readiness tests pass");
		avoid(rx, "stretching the hamstring");
		avoid(rx, "squats, lunges and deep hip flexion under load");
		avoid(rx, "glute kickbacks; stiff-leg deadlifts and RDLs");
		avoid(rx, "hill and speed work; overstriding");
		avoid(rx, "long sitting or driving without breaks");
		avoid(rx, "massage or foam rolling on the tendon");
	} else {
		avoid(rx, "stretching the hamstring");
		avoid(rx, "long hill or speed sessions: keep them short, build slowly");
		avoid(rx, "long sitting or driving without breaks");
	}
	rule(rx, "avoid.stage", "the %s list of seeds 000, 003 and 004", tendo_stage_name(r->stage));
	for (int kind = 0; kind < TENDO_CROSS_KINDS; kind++) {
		int worst = -1, wday = -1, sessions = 0;
		for (int k = i; k >= 0 && k >= i - 28; k--) {
			const eday *e = &r->g.days[k];
			if (!e->cross_done[kind])
				continue;
			sessions++;
			if (e->cross_pain[kind] > worst) {
				worst = e->cross_pain[kind];
				wday = k;
			}
		}
		const char *name = tendo_cross_kind_name((tendo_cross_kind)kind);
		if (worst > s->ceiling) {
			avoid(rx, "%s (%d/10 on %s)", name, worst, fmt_day(r, wday, d1));
			rule(rx, "cross.aggravating", "%s hurt %d/10 on %s", name, worst, d1);
		} else if (sessions >= 2 && worst >= 0 && worst <= s->painfree_max) {
			rule(rx, "cross.tolerated", "%s: %d sessions at %d/10 or less in 4 weeks", name, sessions, worst);
		}
	}

	/* --- the decision */
	bool reduce = flare_now || unsettled || rehab_reduced ||
	              (rx->run.allowed && r->step_back_day > r->last_run);
	if (regressed)
		rx->decision = TENDO_DECISION_REGRESS;
	else if (in_deload)
		rx->decision = TENDO_DECISION_DELOAD;
	else if (reduce)
		rx->decision = TENDO_DECISION_REDUCE;
	else if (r->stage_since == i || run_first || i == r->p->start - r->g.first)
		rx->decision = TENDO_DECISION_START;
	else if (!flare_recent && !rising && !rest_pain && (run_progress || rehab_progress))
		rx->decision = TENDO_DECISION_PROGRESS;
	else
		rx->decision = TENDO_DECISION_HOLD;
	if (rx->decision == TENDO_DECISION_HOLD && !has_rule(rx, "run.step_hold") && !rx->rehab_why[0])
		snprintf(rx->rehab_why, sizeof(rx->rehab_why), "hold");
}

static void fill_status(const replay *r, tendo_prescription *rx, int i)
{
	tendo_status *st = &rx->status;
	const eday *E = &r->g.days[i];
	st->stage_since = r->g.first + r->stage_since;
	st->run_step_min = r->stage >= TENDO_STAGE_RETURN_TO_RUN ? r->step : 0;
	st->morning_today = E->signal;
	st->morning_is_task = E->signal_is_task;
	st->morning_baseline = E->baseline;
	if (E->signal < 0) {
		/* the usual level as of today: the last one computed */
		for (int k = i - 1; k >= 0 && k >= i - 14; k--)
			if (r->g.days[k].baseline >= 0) {
				st->morning_baseline = r->g.days[k].baseline;
				break;
			}
	}
	trend_rising(r, i, &st->week_mean, &st->prev_week_mean);
	st->week_run_min = run_minutes(r, i - 6, i);
	st->last_flare = TENDO_DATE_NONE;
	for (int k = i; k >= 0; k--)
		if (r->g.days[k].mclass == MORNING_FLARE) {
			st->last_flare = r->g.first + k;
			break;
		}
	st->deload_until = r->deload_to >= i ? r->g.first + r->deload_to : TENDO_DATE_NONE;
	const tendo_test *earlier = NULL;
	const tendo_test *t = find_test(r, 0, i, &earlier);
	st->last_test = t ? t->date : TENDO_DATE_NONE;
	st->lsi_curl = st->lsi_bridge = -1;
	st->tests_pass = t && tendo_engine_test_passes(t, earlier, r->p, &st->lsi_curl, &st->lsi_bridge);
	st->red_flag = r->red_flag >= 0;
}

int tendo_engine_prescribe(tendo_prescription *out, const tendo_profile *profile, const tendo_log *log,
                           tendo_date date)
{
	memset(out, 0, sizeof(*out));
	out->date = date;
	if (date == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "engine: no date given");

	/* The replay starts at the profile's start: a whole watch history
	 * imported from before the injury must not drive the rehab (backfill
	 * with init --date). Without a start, the first entry; at most 20
	 * years back. */
	tendo_date first = profile->start;
	if (first == TENDO_DATE_NONE) {
		first = date;
#define EARLIEST(arr, n)                                     \
	for (size_t k = 0; k < log->n; k++)                  \
		if (log->arr[k].date < first)                \
			first = log->arr[k].date;
		EARLIEST(pain, n_pain)
		EARLIEST(runs, n_runs)
		EARLIEST(rehab, n_rehab)
		EARLIEST(cross, n_cross)
		EARLIEST(tests, n_tests)
		EARLIEST(flags, n_flags)
		EARLIEST(sitting, n_sitting)
#undef EARLIEST
	}
	if (first > date)
		first = date;
	if ((long)date - (long)first + 1 > MAX_DAYS)
		first = date - MAX_DAYS + 1;
	long n = (long)date - (long)first + 1;

	replay r;
	memset(&r, 0, sizeof(r));
	r.p = profile;
	r.s = &profile->settings;
	r.log = log;
	int rc = engine_digest(&r.g, log, profile, first, (int)n);
	if (rc)
		return rc;
	r.stage = TENDO_STAGE_SETTLE;
	r.stage_since = 0;
	r.step_back_day = r.last_resp_day = NEVER;
	r.last_growth = NEVER;
	r.deload_from = r.deload_to = -1;
	r.last_deload_start = r.last_deload_end = NEVER;
	r.red_flag = r.red_flag_day = -1;
	r.cleared_day = -1;
	r.cap_day = -1;
	r.regress_day = -1;
	r.iso_hold = 30;
	r.iso_up_day = NEVER;
	r.last_run = r.last_strength = r.last_long = NEVER;

	int today = (int)n - 1;
	for (int i = 0; i < today; i++) {
		start_of_day(&r, i);
		end_of_day(&r, i);
	}
	start_of_day(&r, today);
	prescribe(&r, out, today);
	fill_status(&r, out, today);
	free(r.g.days);
	return 0;
}

const char *tendo_decision_name(tendo_decision d)
{
	switch (d) {
	case TENDO_DECISION_START: return "start";
	case TENDO_DECISION_PROGRESS: return "progress";
	case TENDO_DECISION_HOLD: return "hold";
	case TENDO_DECISION_REDUCE: return "reduce";
	case TENDO_DECISION_DELOAD: return "deload";
	case TENDO_DECISION_REGRESS: return "regress";
	case TENDO_DECISION_SEEK_CARE: return "seek_care";
	}
	return "?";
}

bool tendo_rx_has_strength(const tendo_prescription *rx)
{
	for (size_t k = 0; k < rx->n_rehab; k++)
		if (rx->rehab[k].exercise->kind != TENDO_EX_ISOMETRIC)
			return true;
	return false;
}
