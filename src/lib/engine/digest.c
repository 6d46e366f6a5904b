/*
 * digest.c - one summary per calendar day from the log's arrays, so the
 * replay reads each day in O(1). Entries outside the window are ignored.
 */
#include <math.h>
#include <stdlib.h>

#include <tendo/errors.h>
#include <tendo/protocol.h>

#include "engine/engine_int.h"
#include "util/alloc.h"

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static eday *at(edigest *g, tendo_date d)
{
	long i = (long)d - (long)g->first;
	return (i >= 0 && i < g->n) ? &g->days[i] : NULL;
}

int engine_digest(edigest *out, const tendo_log *log, const tendo_profile *p, tendo_date first, int n)
{
	out->first = first;
	out->n = n;
	out->days = tendo_malloc((size_t)n * sizeof(eday));
	if (!out->days)
		return tendo_error_set(TENDO_ENOMEM, "engine: out of memory for %d days", n);
	for (int i = 0; i < n; i++) {
		eday *e = &out->days[i];
		*e = (eday){ .morning = -1, .task = -1, .rest = -1, .during = -1, .after = -1,
			.run_pain = -1, .strength_pain = -1, .flag = -1, .signal = -1, .baseline = -1 };
		for (int k = 0; k < TENDO_CROSS_KINDS; k++)
			e->cross_pain[k] = -1;
	}
	const int painfree = p->settings.painfree_max;

	for (size_t i = 0; i < log->n_pain; i++) {
		const tendo_pain *x = &log->pain[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		switch (x->kind) {
		case TENDO_PAIN_DURING: e->during = imax(e->during, x->score); break;
		case TENDO_PAIN_AFTER: e->after = imax(e->after, x->score); break;
		case TENDO_PAIN_MORNING: e->morning = imax(e->morning, x->score); break;
		case TENDO_PAIN_TASK: e->task = imax(e->task, x->score); break;
		case TENDO_PAIN_REST: e->rest = imax(e->rest, x->score); break;
		case TENDO_PAIN_SITTING: break; /* reported, not a load response */
		}
	}
	for (size_t i = 0; i < log->n_runs; i++) {
		const tendo_run *x = &log->runs[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		e->runs++;
		e->run_min += x->minutes;
		e->run_pain = imax(e->run_pain, x->pain_during);
		e->during = imax(e->during, x->pain_during);
		e->after = imax(e->after, x->pain_after);
		e->sharp |= x->sharp;
		e->run_long_intent |= x->intent == TENDO_INTENT_LONG;
		e->run_hard |= x->intent == TENDO_INTENT_SPEED || x->intent == TENDO_INTENT_HILLS ||
		               x->terrain == TENDO_TERRAIN_HILLY;
		if (x->imported) {
			/* what the watch saw: 2 min and a tenth of the run uphill, or a
			 * quarter of it faster than easy pace */
			double moving = isfinite(x->moving_s) && x->moving_s > 0 ? x->moving_s : x->minutes * 60;
			e->run_hard |= isfinite(x->uphill_s) && x->uphill_s >= 120 && x->uphill_s >= 0.1 * moving;
			e->run_hard |= isfinite(x->fast_s) && x->fast_s >= 0.25 * moving;
		}
	}
	for (size_t i = 0; i < log->n_rehab; i++) {
		const tendo_rehab *x = &log->rehab[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		const tendo_exercise *ex = tendo_exercise_find(x->exercise);
		bool iso = ex ? ex->kind == TENDO_EX_ISOMETRIC : x->hold_s > 0;
		e->during = imax(e->during, x->pain_during);
		if (iso) {
			e->iso++;
			if (x->pain_during >= 0 && x->pain_during <= painfree)
				e->iso_painfree++;
			if (x->pain_during > painfree)
				e->iso_painful++;
		} else {
			e->strength = true;
			e->strength_pain = imax(e->strength_pain, x->pain_during);
		}
		if (ex && ex->stage > TENDO_STAGE_SETTLE && (!e->late_ex || ex->stage > e->late_stage)) {
			e->late_ex = ex->name;
			e->late_stage = ex->stage;
		}
	}
	for (size_t i = 0; i < log->n_cross; i++) {
		const tendo_cross *x = &log->cross[i];
		eday *e = at(out, x->date);
		if (!e || (int)x->kind < 0 || x->kind >= TENDO_CROSS_KINDS)
			continue;
		e->cross_done[x->kind] = true;
		e->cross_pain[x->kind] = imax(e->cross_pain[x->kind], x->pain_during);
		e->during = imax(e->during, x->pain_during);
	}
	for (size_t i = 0; i < log->n_tests; i++) {
		const tendo_test *x = &log->tests[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		/* the 10RM curl and bridge reps are strength work for spacing */
		if (x->curl_left >= 0 || x->curl_right >= 0 || x->bridge_left >= 0 || x->bridge_right >= 0)
			e->strength = true;
		e->rest = imax(e->rest, x->rest_pain);
		if (!e->test || x->id > e->test->id)
			e->test = x;
	}
	for (size_t i = 0; i < log->n_flags; i++) {
		const tendo_flag *x = &log->flags[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		if (x->kind == TENDO_FLAG_CLEARED)
			e->cleared = true;
		else if (e->flag < 0)
			e->flag = (int)x->kind;
	}
	for (size_t i = 0; i < log->n_sitting; i++) {
		const tendo_sitting *x = &log->sitting[i];
		eday *e = at(out, x->date);
		if (e)
			e->sitting_h += x->hours;
	}
	return 0;
}
