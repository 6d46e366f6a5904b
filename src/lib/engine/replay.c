/*
 * replay.c - the athlete's state day by day (tendo/engine.h): stage, running
 * step, flares, deloads and red flags as they stood at the start of each day,
 * from what was known by then. tendo_engine_prescribe() replays to the date
 * and asks engine.c for the day's prescription.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "util/alloc.h"

#include <tendo/timeline.h>

#include "engine/engine_int.h"

const eday *rp_day(const replay *r, int i)
{
	return (i >= 0 && i < r->g.n) ? &r->g.days[i] : NULL;
}

double rp_run_minutes(const replay *r, int from, int to)
{
	double m = 0;
	for (int i = from < 0 ? 0 : from; i <= to && i < r->g.n; i++)
		m += r->g.days[i].run_min;
	return m;
}

bool rp_trend_rising(const replay *r, int i, double *week, double *prev)
{
	double w = engine_mean_signal(&r->g, i - 6, i);
	double p = engine_mean_signal(&r->g, i - 13, i - 7);
	if (week)
		*week = w;
	if (prev)
		*prev = p;
	return w >= 0 && p >= 0 && w - p >= r->s->trend_rise - 1e-9;
}

bool rp_flare_between(const replay *r, int from, int to)
{
	for (int i = from < 0 ? 0 : from; i <= to && i < r->g.n; i++)
		if (r->g.days[i].mclass == MORNING_FLARE)
			return true;
	return false;
}

static void enter_stage(replay *r, tendo_stage st, int i, const char *rule)
{
	r->stage = st;
	r->stage_rule = rule;
	r->stage_since = i;
	r->fl_phase = 0;
	r->fl_phase_since = i;
	if (st >= TENDO_STAGE_RETURN_TO_RUN) {
		if (r->step == 0)
			r->step = r->s->run_start_min;
	} else {
		r->step = 0;
	}
	r->last_step_change = i;
}

static void step_back(replay *r, int i, int cause, int why)
{
	/* one step back from the run the tendon answered to when it was
	 * shorter than the step (a week's minutes shared over four runs, a run
	 * cut short): the next run is shorter than the last (PROTOCOL.md 2) */
	int base = r->step;
	const eday *L = r->last_run != NEVER ? rp_day(r, r->last_run) : NULL;
	if (L && L->run_min > 0 && L->run_min < base)
		base = (int)floor(L->run_min);
	if (r->step <= r->s->run_start_min || r->step_back_day == i)
		return; /* at the lowest step there is no step back to take */
	r->step_back_cause = cause;
	r->step_back_why = why;
	r->step_before = base;
	r->step = base - r->s->run_step_min;
	if (r->step < r->s->run_start_min)
		r->step = r->s->run_start_min;
	r->step_back_day = i;
}

/* The latest readiness test dated in [from, to], and the first test before it. */
const tendo_test *rp_find_test(const replay *r, int from, int to, const tendo_test **earlier)
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

/* A readiness test's verdict in the replay: the test passes (section 4) and
 * no rest report of its day says otherwise (10.1). *day_rest gets that
 * day's rest pain (-1 none) when not NULL. */
bool rp_test_passes(const replay *r, const tendo_test *t, const tendo_test *earlier, int *day_rest)
{
	const eday *td = rp_day(r, (int)(t->date - r->g.first));
	int rest = td ? td->rest : -1;
	if (day_rest)
		*day_rest = rest;
	return tendo_engine_test_passes(t, earlier, r->p, NULL, NULL) && rest <= r->s->painfree_max;
}

/* Stage 1 exit criteria at day i; when `why` is given, says what is missing. */
bool rp_settle_ready(const replay *r, int i, char *why, size_t whysz)
{
	const tendo_settings *s = r->s;
	int rest_seen = 0, rest_bad = 0, iso_ok = 0, iso_bad = 0;
	for (int k = i - 6; k <= i; k++) {
		const eday *e = rp_day(r, k);
		if (!e)
			continue;
		if (e->rest >= 0) {
			rest_seen++;
			if (e->rest > s->painfree_max)
				rest_bad = e->rest;
		}
	}
	for (int k = i - 7; k <= i - 1; k++) {
		const eday *e = rp_day(r, k);
		if (!e)
			continue;
		iso_ok += e->iso_painfree;
		iso_bad += e->iso_painful;
	}
	bool rising = rp_trend_rising(r, i, NULL, NULL);
	bool flared = rp_flare_between(r, i - 6, i);
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
			MISSING("pain at rest %d/10 this week (none is needed)", rest_bad);
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
/* A run followed by a raised or flared morning, or over the ceiling
 * (PROTOCOL.md 10.5): repeat_runs of them at one step within the window,
 * or repeat_runs_lowest at the lowest step, pause running for a strength
 * block; the readiness tests then decide the way back. */
static void note_trouble(replay *r, int rd, int i)
{
	const tendo_settings *s = r->s;
	/* the load that was run: the run's own length in whole steps (an
	 * athlete who runs 15 min when 5 were prescribed ran at 15) */
	const eday *R = &r->g.days[rd];
	int unit = s->run_step_min > 0 ? s->run_step_min : 5;
	int step = (int)lround(R->run_min / unit) * unit;
	if (step < R->step_at)
		step = R->step_at;
	if (step <= 0)
		return;
	if (r->n_trouble == 16) {
		memmove(r->trouble, r->trouble + 1, 15 * sizeof(r->trouble[0]));
		r->n_trouble--;
	}
	r->trouble[r->n_trouble].day = rd;
	r->trouble[r->n_trouble].step = step;
	r->n_trouble++;
	int same = 0;
	for (int k = 0; k < r->n_trouble; k++)
		if (r->trouble[k].day > rd - s->repeat_window_days && r->trouble[k].step == step &&
		    r->trouble[k].day > r->pause_day)
			same++;
	bool lowest = step <= s->run_start_min;
	if (same >= s->repeat_runs || (lowest && same >= s->repeat_runs_lowest)) {
		r->pause_step = step;
		r->pause_count = same;
		enter_stage(r, TENDO_STAGE_STRENGTH, i, "run.pause_strength_block");
		r->pause_day = i;
		r->deload_from = r->deload_to = -1;
	}
}

static void respond_to_run(replay *r, int rd, int i)
{
	const tendo_settings *s = r->s;
	const eday *R = &r->g.days[rd], *M = &r->g.days[i];
	r->last_resp_day = rd;
	if (R->sharp) {
		enter_stage(r, TENDO_STAGE_SETTLE, i, "pain.sharp.regress");
		r->regress_day = i;
		r->last_resp = RESP_SHARP;
		return;
	}
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN) {
		r->last_resp = RESP_NONE;
		return;
	}
	if (R->run_pain > s->ceiling || M->mclass == MORNING_FLARE || M->mclass == MORNING_RAISED)
		note_trouble(r, rd, i);
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN)
		return; /* the trouble paused running */
	if (R->run_pain > s->ceiling) {
		step_back(r, i, rd, 0);
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
		/* PROTOCOL.md 2: raised the next morning -> the next session of that
		 * kind goes back one step */
		step_back(r, i, i, 2);
		r->last_resp = RESP_RAISED;
		return;
	}
	if (R->after > s->ceiling) {
		r->last_resp = RESP_AFTER;
		return;
	}
	if (M->rest > s->painfree_max || R->rest > s->painfree_max) {
		r->last_resp = RESP_REST; /* rest pain holds the step and the minutes (10.1) */
		return;
	}
	if (R->run_pain > s->painfree_max) {
		r->last_resp = RESP_AT_CEILING; /* +5 only after a pain-free run (10.2) */
		return;
	}
	if (rp_aggravated(r, rd) || rp_aggravated(r, i)) {
		r->last_resp = RESP_AGGRAVATOR; /* 10.7: progression holds the next day */
		return;
	}
	if (i <= r->hold_until) {
		r->last_resp = RESP_MID_HOLD; /* 11: the first week holds at the declared level */
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
	if (rp_trend_rising(r, i, NULL, NULL)) {
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
		const eday *e = rp_day(r, k);
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
			const eday *e = rp_day(r, k);
			if (e && e->runs)
				runs++;
		}
		if (i - since >= s->stall_days && runs >= 3)
			reason = 2;
	}
	if (!reason)
		return;
	r->last_deload_start = i;
	if (r->stage >= TENDO_STAGE_RETURN_TO_RUN && r->step <= s->run_start_min) {
		/* a deload at the lowest step pauses running for a strength block
		 * (PROTOCOL.md 10.2, seed 003) */
		r->pause_step = r->step;
		r->pause_count = -reason; /* -1 repeated flares, -2 stalled */
		enter_stage(r, TENDO_STAGE_STRENGTH, i, "run.pause_strength_block");
		r->pause_day = i;
		return;
	}
	r->deload_from = i;
	r->deload_to = i + s->deload_days - 1;
	r->deload_reason = reason;
	if (r->step > 0) {
		/* restart at the deload level and climb back step by step (10.2) */
		int half = ((r->step / 2 + 2) / 5) * 5;
		if (half < s->run_start_min)
			half = s->run_start_min;
		r->deload_step_from = r->step;
		r->step_before = r->step;
		r->step = half;
		r->last_step_change = i;
	}
}

static void check_stage(replay *r, int i)
{
	const tendo_settings *s = r->s;
	switch (r->stage) {
	case TENDO_STAGE_SETTLE:
		if (r->red_flag < 0 && rp_settle_ready(r, i, NULL, 0))
			enter_stage(r, TENDO_STAGE_STRENGTH, i, "stage.settle.exit");
		break;
	case TENDO_STAGE_STRENGTH: {
		int min_days = s->strength_min_days;
		if (r->pause_day == r->stage_since && s->strength_block_days > min_days)
			min_days = s->strength_block_days;
		if (r->stage_since == 0 && r->p->start_stage == TENDO_STAGE_STRENGTH)
			min_days = 0; /* arrived mid-rehab: a clinician's strength block is already done */
		if (i - r->stage_since < min_days || r->in_flare || r->deload_to >= i || r->red_flag >= 0)
			break;
		int from = i - 14 > r->stage_since ? i - 14 : r->stage_since;
		const tendo_test *earlier = NULL;
		const tendo_test *t = rp_find_test(r, from, i - 1, &earlier);
		if (t && rp_test_passes(r, t, earlier, NULL))
			enter_stage(r, TENDO_STAGE_RETURN_TO_RUN, i, "readiness.pass");
		break;
	}
	case TENDO_STAGE_RETURN_TO_RUN: {
		if (i - r->stage_since < 14 || r->step < s->run_step_cap_min)
			break;
		if (rp_run_minutes(r, i - 7, i - 1) < r->target_week || rp_flare_between(r, i - 14, i))
			break;
		bool over = false;
		for (int k = i - 14; k < i; k++) {
			const eday *e = rp_day(r, k);
			if (e && e->during > s->ceiling)
				over = true;
		}
		if (!over)
			enter_stage(r, TENDO_STAGE_FULL_LOAD, i, "stage.return_to_run.exit");
		break;
	}
	case TENDO_STAGE_FULL_LOAD:
		break;
	}
}

/* No improvement after about 12 weeks, in any stage (PROTOCOL.md 7, 10.5):
 * over the last no_improvement_days (since the start or the last clearance)
 * the stage has not moved on, the running step has not risen, and the last
 * two weeks' mornings are no better than the first two weeks' while pain
 * persists. */
bool rp_no_improvement(const replay *r, int i)
{
	const tendo_settings *s = r->s;
	int from = r->cleared_day >= 0 ? r->cleared_day : 0;
	if (i - from < s->no_improvement_days)
		return false;
	int w = i - s->no_improvement_days + 1;
	if (w < from)
		w = from;
	const eday *W = &r->g.days[w];
	if ((int)W->stage_at < (int)r->stage || W->step_at < (r->stage >= TENDO_STAGE_RETURN_TO_RUN ? r->step : 0))
		return false;
	double first = engine_mean_signal(&r->g, w, w + 13);
	double last = engine_mean_signal(&r->g, i - 13, i);
	return first >= 0 && last >= 0 && last >= first && last > s->painfree_max;
}

/* Pain at rest today or yesterday, from any report (rest scores and the
 * readiness tests' rest item): the highest, -1 if none (PROTOCOL.md 10.1). */
int rp_rest_pain(const replay *r, int i)
{
	int rest = -1;
	for (int k = i - 1; k <= i; k++) {
		const eday *e = rp_day(r, k);
		if (e && e->rest > rest)
			rest = e->rest;
	}
	return rest;
}

/* An aggravator on day i (PROTOCOL.md 10.7): sitting or driving for
 * sitting_hours_max in one go, sitting pain over the ceiling, hamstring
 * stretching or heavy hip-flexion lifting. */
bool rp_aggravated(const replay *r, int i)
{
	const eday *e = rp_day(r, i);
	return e && (e->sitting_h >= r->s->sitting_hours_max - 1e-9 || e->sitting_pain > r->s->ceiling ||
	             e->agg_stretch || e->agg_lift);
}

/* Day index of the Monday of day i's week. */
int rp_week_start(const replay *r, int i)
{
	long d = (long)r->g.first + i; /* 1970-01-01 was a Thursday */
	long dow = ((d + 3) % 7 + 7) % 7; /* 0 = Monday */
	return i - (int)dow;
}

/* Speed, hills, strides and plyometrics are withheld for fast_withhold_days
 * after a session over the ceiling or a raised or flared morning (10.4). */
bool rp_fast_withheld(const replay *r, int i, int *since)
{
	if (since)
		*since = r->last_painful;
	return r->last_painful != NEVER && i - r->last_painful <= r->s->fast_withhold_days;
}

/* The latest morning signal of day i or, if none, of the day before. */
const eday *rp_latest_morning(const replay *r, int i)
{
	const eday *E = rp_day(r, i), *Y = rp_day(r, i - 1);
	if (E && E->signal >= 0)
		return E;
	return Y && Y->signal >= 0 ? Y : NULL;
}

/* The last session (within 4 weeks) whose pain during or after went over
 * the ceiling, when no settled morning has followed it: true, with its
 * day, whether it was pain after, and the latest morning since (NULL if
 * none: an unknown response is not a settled one, PROTOCOL.md 10.1). */
bool rp_unsettled_over(const replay *r, int i, int *over_day, bool *after, const eday **latest_out)
{
	const int ceiling = r->s->ceiling;
	for (int k = i - 1; k >= 0 && k >= i - 28; k--) {
		const eday *e = &r->g.days[k];
		if (e->during <= ceiling && (MUTANT(3) || e->after <= ceiling))
			continue;
		/* cleared by a settled morning logged since (PROTOCOL.md 10.1): a
		 * raised morning after that is the morning rules' business */
		const eday *latest = NULL;
		for (int m = k + 1; m <= i; m++) {
			if (r->g.days[m].signal < 0)
				continue;
			latest = &r->g.days[m];
			if (latest->mclass == MORNING_SETTLED)
				return false;
		}
		*over_day = k;
		*after = e->during <= ceiling;
		*latest_out = latest;
		return true;
	}
	return false;
}

/* Stage 3 brings one new kind of load at a time, each after a settled
 * response (PROTOCOL.md 10.4): hip-flexion strength alone for
 * hip_flexion_days, then plyometrics, then strides and short hills, a week
 * each at least; a painful session or morning holds the next step. */
static void full_load_phase(replay *r, int i)
{
	const tendo_settings *s = r->s;
	if (r->fl_phase >= 3 || rp_fast_withheld(r, i, NULL))
		return;
	int need = r->fl_phase == 0 ? s->hip_flexion_days : 7;
	const eday *M = rp_latest_morning(r, i);
	if (i - r->fl_phase_since >= need && M && M->mclass == MORNING_SETTLED) {
		r->fl_phase++;
		r->fl_phase_since = i;
	}
}

/* What is known at the start of day i, applied to the state. */
static void start_of_day(replay *r, int i)
{
	const tendo_settings *s = r->s;
	eday *e = &r->g.days[i];
	engine_classify_morning(&r->g, i, s);

	/* a red flag dated today is not part of the morning's record (10.9): it
	 * counts from the day's end, and at once in the live view of today
	 * (apply_flag() before that prescription); a clearance the same day
	 * came after it */
	if (e->cleared && (r->red_flag >= 0 || e->flag >= 0 || rp_no_improvement(r, i))) {
		enter_stage(r, TENDO_STAGE_SETTLE, i, "redflag.cleared");
		r->red_flag = -1;
		r->cleared_day = i;
		r->deload_from = r->deload_to = -1;
	}

	/* sharp pain in rehab, cross-training or a report (a run's regresses,
	 * below): outstanding until that activity restarts at stage 1 */
	const eday *Yd = rp_day(r, i - 1);
	if (!MUTANT(4) && Yd && (Yd->sharp_rehab || Yd->sharp_other)) {
		r->sharp_day = i - 1;
		r->sharp_what = Yd->sharp_rehab ? 'x' : 'c';
	}
	if (r->sharp_day >= 0 && i > r->sharp_day + 1) {
		/* cleared by a pain-free isometric session since, then a settled morning */
		bool iso = false;
		for (int k = r->sharp_day + 1; k < i && !iso; k++)
			iso = r->g.days[k].iso_painfree > 0 && !r->g.days[k].iso_painful && !r->g.days[k].sharp_rehab &&
			      !r->g.days[k].sharp_other;
		if (iso && e->mclass == MORNING_SETTLED)
			r->sharp_day = -1;
	}
	if (Yd && (Yd->during > s->ceiling || Yd->after > s->ceiling))
		r->last_painful = i - 1;
	if (e->mclass == MORNING_RAISED || e->mclass == MORNING_FLARE)
		r->last_painful = i;

	if (e->mclass == MORNING_FLARE) {
		if (!r->in_flare)
			r->flare_since = i;
		if (!r->in_flare) {
			if (r->n_flare_starts == 64) {
				memmove(r->flare_starts, r->flare_starts + 1, 63 * sizeof(int));
				r->n_flare_starts--;
			}
			r->flare_starts[r->n_flare_starts++] = i;
			step_back(r, i, i, 1);
			r->iso_hold = 30;
		}
		r->in_flare = true;
	} else if (e->mclass != MORNING_NONE) {
		r->in_flare = false;
		r->flare_since = -1;
	}

	if (i > 0 && r->g.days[i - 1].runs > 0)
		respond_to_run(r, i - 1, i);

	/* more than a week without running, under the two-week gap: a step up
	 * earned by the last run waits for a run back at the old step (the
	 * protocol restarts only after 14 days and is silent under it; a physio
	 * would not add 5 minutes to the first run after a week in bed) */
	if (r->stage >= TENDO_STAGE_RETURN_TO_RUN && r->last_run != NEVER && r->last_run >= r->stage_since &&
	    i - r->last_run == s->gap_days / 2 + 1 && i - r->last_run < s->gap_days &&
	    (r->last_resp == RESP_UP || r->last_resp == RESP_GROWTH) && r->last_step_change > r->last_run) {
		r->step = r->step_before;
		r->last_resp = RESP_BREAK;
		r->last_step_change = i;
		r->last_growth = NEVER;
	}

	/* two weeks or more without running: restart at about half the last
	 * step and grow from there (PROTOCOL.md 10.2) */
	if (r->stage >= TENDO_STAGE_RETURN_TO_RUN && r->last_run != NEVER && r->last_run >= r->stage_since &&
	    i - r->last_run == s->gap_days && r->step > s->run_start_min) {
		/* about half of the last step run: the step that day, or the run
		 * when it was shorter (a budget may have kept the runs under the
		 * step), rounded down to whole 5 min. Not half of a step cut later
		 * (a deload that began in the gap): the restart is from what was
		 * run, and a step already below it stays. */
		const eday *L = &r->g.days[r->last_run];
		double base = L->step_at > 0 ? L->step_at : r->step;
		if (L->run_min > 0 && L->run_min < base)
			base = L->run_min;
		int half = (int)floor(base * s->gap_restart / 5.0 + 1e-9) * 5;
		if (half < s->run_start_min)
			half = s->run_start_min;
		r->gap_from = (int)lround(base);
		r->gap_half = half;
		r->gap_cut_day = i;
		if (r->last_resp == RESP_BREAK)
			r->last_resp = RESP_NONE; /* the restart says it all: not also "a week without running" */
		if (half < r->step) {
			r->step_before = r->step;
			r->step = half;
			r->last_step_change = i;
			r->cap_day = NEVER;
		}
	}

	check_deload(r, i);
	check_stage(r, i);
	if (r->stage == TENDO_STAGE_FULL_LOAD)
		full_load_phase(r, i);

	/* isometric hold time: 30 s, then 45 s after three pain-free sessions */
	if (r->stage == TENDO_STAGE_SETTLE && r->iso_hold < 45 && !r->in_flare) {
		int ok = 0;
		for (int k = i - 3; k < i; k++) {
			const eday *d = rp_day(r, k);
			if (d && d->iso_painfree && !d->iso_painful)
				ok++;
		}
		if (ok >= 3) {
			r->iso_hold = 45;
			r->iso_up_day = i;
		}
	}
	e->step_at = r->stage >= TENDO_STAGE_RETURN_TO_RUN ? r->step : 0;
	e->stage_at = r->stage;
	/* once growth is weekly it stays weekly (PROTOCOL.md 10.2): a step back
	 * below the cap climbs back by the step rule inside the weekly budget,
	 * so a flare week is not followed by a catch-up week. Running paused
	 * (a strength block, stage 1) or a restart after a gap ends it. */
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN)
		r->cap_day = NEVER;
	else if (r->step >= s->run_step_cap_min && r->cap_day == NEVER)
		r->cap_day = i;
	run_plan pl;
	rp_plan_run(r, i, true, &pl, NULL);
	e->rx_min = pl.allowed ? pl.minutes : 0;
}

/* A red flag logged on day i (unless cleared the same day): from the end
 * of the day, and in the live view of day i. */
static void apply_flag(replay *r, int i)
{
	const eday *e = &r->g.days[i];
	if (e->flag >= 0 && !e->cleared) {
		r->red_flag = e->flag;
		r->red_flag_day = i;
	}
}

/* Sessions of day i, applied after its prescription. */
static void end_of_day(replay *r, int i)
{
	eday *e = &r->g.days[i];
	apply_flag(r, i);
	if (e->runs) {
		double sum = 0;
		for (int k = 0; k < r->n_recent; k++)
			sum += r->recent_runs[k];
		/* longer than the plan by long_run_factor (or, on a day without
		 * one, than the recent average or the step); a prescribed step is
		 * never a long run */
		double base = e->rx_min > 0 ? e->rx_min : r->n_recent ? sum / r->n_recent : r->step;
		/* ... and by two steps at least: 10 min when 5 were due is over the
		 * plan, not a long run */
		bool longer = base > 0 && e->run_min > e->rx_min + 0.5 && e->run_min > r->s->long_run_factor * base &&
		              e->run_min >= base + 2 * r->s->run_step_min;
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
	rp_trend_rising(r, i, &st->week_mean, &st->prev_week_mean);
	st->week_run_min = rp_run_minutes(r, i - 6, i);
	st->last_flare = TENDO_DATE_NONE;
	for (int k = i; k >= 0; k--)
		if (r->g.days[k].mclass == MORNING_FLARE) {
			st->last_flare = r->g.first + k;
			break;
		}
	st->deload_until = r->deload_to >= i ? r->g.first + r->deload_to : TENDO_DATE_NONE;
	const tendo_test *earlier = NULL;
	const tendo_test *t = rp_find_test(r, 0, i, &earlier);
	st->last_test = t ? t->date : TENDO_DATE_NONE;
	st->lsi_curl = st->lsi_bridge = -1;
	st->tests_pass = t && tendo_engine_test_passes(t, earlier, r->p, &st->lsi_curl, &st->lsi_bridge);
	st->red_flag = r->red_flag >= 0;
	st->target_week_min = r->target_week;
	st->target_preinjury = r->target_preinjury;
}

/*
 * The pre-injury weekly volume (PROTOCOL.md 11): the mean weekly running
 * minutes of the weeks with running in the 12 weeks before the start,
 * from runs before it (imported history). 0 when there are none.
 */
static double preinjury_week(const tendo_log *log, tendo_date start)
{
	double weeks[12] = { 0 };
	for (size_t k = 0; k < log->n_runs; k++) {
		const tendo_run *x = &log->runs[k];
		long back = (long)start - (long)x->date; /* 1..84 */
		if (back >= 1 && back <= 84)
			weeks[(back - 1) / 7] += x->minutes;
	}
	double sum = 0;
	int n = 0;
	for (int w = 0; w < 12; w++)
		if (weeks[w] > 0) {
			sum += weeks[w];
			n++;
		}
	return n ? sum / n : 0;
}

/* The state on the morning of the first day: a new athlete in stage 1, or
 * one who arrived mid-rehab at the stage a clinician set (PROTOCOL.md 11). */
int replay_init(replay *r, const tendo_profile *profile, const tendo_log *log, tendo_date first, int n)
{
	const tendo_settings *s = &profile->settings;
	memset(r, 0, sizeof(*r));
	r->p = profile;
	r->s = s;
	r->log = log;
	int rc = engine_digest(&r->g, log, profile, first, n);
	if (rc)
		return rc;
	r->stage = TENDO_STAGE_SETTLE;
	r->stage_since = 0;
	r->step_back_day = r->last_resp_day = NEVER;
	r->last_growth = NEVER;
	r->deload_from = r->deload_to = -1;
	r->last_deload_start = r->last_deload_end = NEVER;
	r->red_flag = r->red_flag_day = -1;
	r->cleared_day = -1;
	r->cap_day = NEVER;
	r->regress_day = -1;
	r->iso_hold = 30;
	r->iso_up_day = NEVER;
	r->last_run = r->last_strength = r->last_long = NEVER;
	r->sharp_day = -1;
	r->gap_cut_day = NEVER;
	r->pause_day = NEVER;
	r->flare_since = -1;
	r->last_painful = NEVER;
	r->hold_until = -1;
	r->target_week = s->target_week_min;
	double pre = profile->start != TENDO_DATE_NONE ? preinjury_week(log, profile->start) : 0;
	if (pre >= 30) {
		r->target_week = pre;
		r->target_preinjury = true;
	}
	if (profile->start == first && profile->start_stage > TENDO_STAGE_SETTLE) {
		r->stage = profile->start_stage;
		r->hold_until = s->mid_rehab_hold_days - 1;
		if (r->stage >= TENDO_STAGE_RETURN_TO_RUN) {
			int step = profile->start_run_step_min;
			if (step <= 0 && profile->start_week_min > 0)
				step = profile->start_week_min / 3; /* about three runs a week */
			if (step < s->run_start_min)
				step = s->run_start_min;
			if (step > s->run_step_max_min)
				step = s->run_step_max_min;
			r->step = step;
			r->last_step_change = 0;
			if (step >= s->run_step_cap_min)
				r->last_growth = 0;
			if (step >= s->run_step_cap_min && profile->start_week_min > 0)
				r->cap_day = -7; /* a weekly volume declared: the weekly budget from day one */
		}
	}
	return 0;
}

/* The replay starts at the profile's start: a whole watch history imported
 * from before the injury must not drive the rehab (it stays history and
 * gives the pre-injury volume). Without a start, the first entry; at most
 * 20 years back. */
static tendo_date replay_first(const tendo_profile *profile, const tendo_log *log, tendo_date date)
{
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
	return first;
}

static int prescribe(tendo_prescription *out, const tendo_profile *profile, const tendo_log *log, tendo_date date,
                     bool morning)
{
	memset(out, 0, sizeof(*out));
	out->date = date;
	if (date == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "engine: no date given");
	tendo_date first = replay_first(profile, log, date);
	long n = (long)date - (long)first + 1;

	replay r;
	int rc = replay_init(&r, profile, log, first, (int)n);
	if (rc)
		return rc;

	int today = (int)n - 1;
	for (int i = 0; i < today; i++) {
		start_of_day(&r, i);
		end_of_day(&r, i);
	}
	start_of_day(&r, today);
	r.morning = morning;
	if (!morning)
		apply_flag(&r, today); /* a flag logged today stops loading at once */
	engine_prescribe_day(&r, out, today);
	fill_status(&r, out, today);
	engine_digest_free(&r.g);
	return 0;
}

int tendo_engine_prescribe(tendo_prescription *out, const tendo_profile *profile, const tendo_log *log,
                           tendo_date date)
{
	return prescribe(out, profile, log, date, false);
}

int tendo_engine_prescribe_morning(tendo_prescription *out, const tendo_profile *profile, const tendo_log *log,
                                   tendo_date date)
{
	return prescribe(out, profile, log, date, true);
}

/* One day's record from the morning's prescription and the day's digest. */
static void record_day(tendo_day *o, const replay *r, const tendo_prescription *rx, int i, tendo_stage before,
                       bool have_before)
{
	const eday *E = &r->g.days[i];
	o->stage = rx->stage;
	o->decision = rx->decision;
	o->morning = E->signal;
	o->morning_is_task = E->signal_is_task;
	o->morning_class = E->mclass == MORNING_SETTLED ? 's' : E->mclass == MORNING_RAISED ? 'r'
	                   : E->mclass == MORNING_FLARE ? 'f' : 0;
	o->baseline = rx->status.morning_baseline;
	o->step_min = rx->status.run_step_min;
	o->rest_pain = rp_rest_pain(r, i);
	o->deload = rx->status.deload_until != TENDO_DATE_NONE;
	o->red_flag = rx->decision == TENDO_DECISION_SEEK_CARE;
	o->run_prescribed = rx->run.allowed;
	o->run_minutes = rx->run.allowed ? rx->run.minutes : 0;
	o->run_walk = rx->run.allowed && rx->run.run_walk;
	o->strength_prescribed = tendo_rx_has_strength(rx);
	o->rehab_prescribed = rx->n_rehab > 0;
	if (have_before && rx->stage != before) {
		o->events |= TENDO_EV_STAGE;
		o->moved_by = r->stage_rule;
	}
	if (r->flare_since == i)
		o->events |= TENDO_EV_FLARE;
	if (r->deload_from == i)
		o->events |= TENDO_EV_DELOAD;
	if (rx->test_due)
		o->events |= TENDO_EV_TEST_DUE;
	if (rx->visa_due)
		o->events |= TENDO_EV_VISA_DUE;
	if (o->red_flag)
		o->events |= TENDO_EV_RED_FLAG;
	if (r->step_back_day == i)
		o->events |= TENDO_EV_STEP_BACK;
	if (r->last_step_change == i && (r->last_resp == RESP_UP || r->last_resp == RESP_GROWTH))
		o->events |= TENDO_EV_STEP_UP;
}

int tendo_timeline(tendo_day *out, int n, const tendo_profile *profile, const tendo_log *log, tendo_date from,
                   tendo_prescription *today)
{
	if (n < 1 || n > MAX_DAYS)
		return tendo_error_set(TENDO_EINVAL, "timeline: 1-%d days (got %d)", MAX_DAYS, n);
	if (from == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "timeline: no date given");
	tendo_date last = from + n - 1;
	for (int k = 0; k < n; k++) {
		memset(&out[k], 0, sizeof(out[k]));
		out[k].date = from + k;
		out[k].morning = out[k].rest_pain = out[k].pain_during = out[k].pain_after = -1;
		out[k].baseline = -1;
	}
	tendo_date first = replay_first(profile, log, last);
	replay r;
	int rc = replay_init(&r, profile, log, first, (int)(last - first + 1));
	if (rc)
		return rc;
	tendo_prescription *rx = tendo_malloc(sizeof(*rx));
	if (!rx) {
		engine_digest_free(&r.g);
		return tendo_error_set(TENDO_ENOMEM, "timeline: out of memory");
	}
	tendo_stage before = r.stage;
	bool have_before = false; /* the first day's stage is where the programme starts, not a move */
	for (int i = 0; i < r.g.n; i++) {
		start_of_day(&r, i);
		long k = (long)(first + i) - (long)from;
		if (k >= 0) {
			memset(rx, 0, sizeof(*rx));
			rx->date = first + i;
			r.morning = true;
			engine_prescribe_day(&r, rx, i);
			fill_status(&r, rx, i);
			r.morning = false;
			record_day(&out[k], &r, rx, i, before, have_before);
		}
		before = r.stage;
		have_before = true;
		if (i == r.g.n - 1 && today) {
			/* the last day as seen now: its own sessions (and flags) known */
			memset(today, 0, sizeof(*today));
			today->date = last;
			apply_flag(&r, i);
			engine_prescribe_day(&r, today, i);
			fill_status(&r, today, i);
		}
		end_of_day(&r, i);
	}
	/* what was done, and the day's pain, from the log */
	for (int i = 0; i < r.g.n; i++) {
		long k = (long)(first + i) - (long)from;
		if (k < 0)
			continue;
		const eday *E = &r.g.days[i];
		out[k].run_done_min = E->run_min;
		out[k].strength_done = E->strength;
		out[k].rehab_done = E->strength || E->iso > 0;
		out[k].pain_during = E->during;
		out[k].pain_after = E->after;
		out[k].long_run = E->long_run;
	}
	/* days before the programme's start: history (imported runs) */
	for (size_t j = 0; j < log->n_runs; j++) {
		long k = (long)log->runs[j].date - (long)from;
		if (k >= 0 && k < n && log->runs[j].date < first)
			out[k].run_done_min += log->runs[j].minutes;
	}
	free(rx);
	engine_digest_free(&r.g);
	return 0;
}
