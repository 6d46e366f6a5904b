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

/* A session by entry id, for pain reports that name one. */
typedef struct {
	int64_t id;
	char type;              /* 'r' run, 'x' rehab, 'c' cross */
	int strength;           /* rehab: 1 strength work, 0 a hold */
} sref;

static int cmp_sref(const void *a, const void *b)
{
	int64_t x = ((const sref *)a)->id, y = ((const sref *)b)->id;
	return x < y ? -1 : x > y;
}

static eday *at(edigest *g, tendo_date d)
{
	long i = (long)d - (long)g->first;
	return (i >= 0 && i < g->n) ? &g->days[i] : NULL;
}

/*
 * Pain reports (PROTOCOL.md 10.1): a report counts wherever it was logged. A
 * during/after/sharp report that names a session is that session's pain; one
 * that names none is the day's run's pain when the day has a run, typed or
 * imported. Morning, task, rest and sitting scores are the day's.
 */
static int attach_pain(edigest *out, const tendo_log *log)
{
	size_t named = 0;
	for (size_t i = 0; i < log->n_pain; i++)
		named += log->pain[i].session_id != 0;
	sref *idx = NULL;
	size_t n = 0;
	if (named) {
		idx = tendo_malloc((log->n_runs + log->n_rehab + log->n_cross + 1) * sizeof(*idx));
		if (!idx)
			return tendo_error_set(TENDO_ENOMEM, "engine: out of memory for the session index");
		for (size_t i = 0; i < log->n_runs; i++)
			idx[n++] = (sref){ log->runs[i].id, 'r', 0 };
		for (size_t i = 0; i < log->n_rehab; i++) {
			const tendo_rehab *x = &log->rehab[i];
			const tendo_exercise *ex = x->custom ? NULL : tendo_exercise_find(x->exercise);
			bool iso = ex ? ex->kind == TENDO_EX_ISOMETRIC : x->custom && x->custom_kind == TENDO_EX_ISOMETRIC;
			idx[n++] = (sref){ x->id, 'x', !iso };
		}
		for (size_t i = 0; i < log->n_cross; i++)
			idx[n++] = (sref){ log->cross[i].id, 'c', 0 };
		qsort(idx, n, sizeof(*idx), cmp_sref);
	}
	for (size_t i = 0; i < log->n_pain; i++) {
		const tendo_pain *x = &log->pain[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		const sref *ref = NULL;
		if (x->session_id && idx) {
			sref key = { x->session_id, 0, 0 };
			ref = bsearch(&key, idx, n, sizeof(*idx), cmp_sref);
		}
		char to = ref ? ref->type : e->runs ? 'r' : 0;
		switch (x->kind) {
		case TENDO_PAIN_DURING:
			e->during = imax(e->during, x->score);
			if (to == 'r')
				e->run_pain = imax(e->run_pain, x->score);
			else if (to == 'x' && ref->strength)
				e->strength_pain = imax(e->strength_pain, x->score);
			break;
		case TENDO_PAIN_AFTER: e->after = imax(e->after, x->score); break;
		/* a second morning score of a day replaces the first */
		case TENDO_PAIN_MORNING:
			if (e->morning < 0 || x->id > e->morning_id)
				e->morning = x->score, e->morning_id = x->id;
			break;
		case TENDO_PAIN_TASK:
			if (e->task < 0 || x->id > e->task_id)
				e->task = x->score, e->task_id = x->id;
			break;
		case TENDO_PAIN_REST: e->rest = imax(e->rest, x->score); break;
		case TENDO_PAIN_SITTING: e->sitting_pain = imax(e->sitting_pain, x->score); break;
		}
		if (x->sharp) {
			if (to == 'r')
				e->sharp = true;
			else if (to == 'x')
				e->sharp_rehab = true;
			else
				e->sharp_other = true;
		}
	}
	free(idx);
	return 0;
}

static int cmp_rehab_id(const void *a, const void *b)
{
	int64_t x = (*(const tendo_rehab *const *)a)->id, y = (*(const tendo_rehab *const *)b)->id;
	return x < y ? -1 : x > y;
}

/* The window's rehab entries grouped by day (a counting sort), each day's
 * by id, so a load's history is read a day at a time (O(entries)). */
static int index_rehab(edigest *g, const tendo_log *log)
{
	size_t total = 0;
	for (size_t k = 0; k < log->n_rehab; k++) {
		eday *e = at(g, log->rehab[k].date);
		if (e) {
			e->rehab_n++;
			total++;
		}
	}
	g->rehab = tendo_malloc((total + 1) * sizeof(*g->rehab));
	if (!g->rehab)
		return tendo_error_set(TENDO_ENOMEM, "engine: out of memory for the rehab index");
	int pos = 0;
	for (int i = 0; i < g->n; i++) {
		g->days[i].rehab_at = pos;
		pos += g->days[i].rehab_n;
		g->days[i].rehab_n = 0;
	}
	for (size_t k = 0; k < log->n_rehab; k++) {
		eday *e = at(g, log->rehab[k].date);
		if (e)
			g->rehab[e->rehab_at + e->rehab_n++] = &log->rehab[k];
	}
	for (int i = 0; i < g->n; i++)
		if (g->days[i].rehab_n > 1)
			qsort(g->rehab + g->days[i].rehab_at, (size_t)g->days[i].rehab_n, sizeof(*g->rehab), cmp_rehab_id);
	return 0;
}

int engine_digest(edigest *out, const tendo_log *log, const tendo_profile *p, tendo_date first, int n)
{
	out->first = first;
	out->n = n;
	out->rehab = NULL;
	out->days = tendo_malloc((size_t)n * sizeof(eday));
	if (!out->days)
		return tendo_error_set(TENDO_ENOMEM, "engine: out of memory for %d days", n);
	for (int i = 0; i < n; i++) {
		eday *e = &out->days[i];
		*e = (eday){ .morning = -1, .task = -1, .rest = -1, .during = -1, .after = -1,
			.run_pain = -1, .strength_pain = -1, .flag = -1, .signal = -1, .baseline = -1,
			.sitting_pain = -1, .strength_end = -1, .run_start = -1 };
		for (int k = 0; k < TENDO_CROSS_KINDS; k++)
			e->cross_pain[k] = -1;
	}
	const int painfree = p->settings.painfree_max;

	for (size_t i = 0; i < log->n_runs; i++) {
		const tendo_run *x = &log->runs[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		e->runs++;
		e->run_min += x->minutes;
		if (!e->last_run_entry || x->id > e->last_run_entry->id)
			e->last_run_entry = x;
		e->run_pain = imax(e->run_pain, x->pain_during);
		e->during = imax(e->during, x->pain_during);
		e->after = imax(e->after, x->pain_after);
		e->sharp |= x->sharp;
		if (x->time_min >= 0 && (e->run_start < 0 || x->time_min < e->run_start))
			e->run_start = x->time_min;
		e->run_long_intent |= x->intent == TENDO_INTENT_LONG;
		e->run_hard |= x->intent == TENDO_INTENT_SPEED || x->intent == TENDO_INTENT_HILLS ||
		               x->terrain == TENDO_TERRAIN_HILLY;
		if (x->imported) {
			/* what the watch saw: 2 min and a tenth of the run uphill, or a
			 * quarter of it faster than easy pace */
			double moving = isfinite(x->moving_s) && x->moving_s > 0 ? x->moving_s : x->minutes * 60;
			e->run_hard |= tendo_run_hilly(x->uphill_s, moving) || tendo_run_fast(x->fast_s, moving);
		}
	}
	for (size_t i = 0; i < log->n_rehab; i++) {
		const tendo_rehab *x = &log->rehab[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		const tendo_exercise *ex = x->custom ? NULL : tendo_exercise_find(x->exercise);
		bool iso = ex ? ex->kind == TENDO_EX_ISOMETRIC
		              : x->custom ? x->custom_kind == TENDO_EX_ISOMETRIC : x->hold_s > 0;
		int ex_stage = ex ? (int)ex->stage : x->custom ? x->custom_stage : (int)TENDO_STAGE_SETTLE;
		e->during = imax(e->during, x->pain_during);
		e->sharp_rehab |= x->sharp;
		if (iso) {
			e->iso++;
			if (x->pain_during >= 0 && x->pain_during <= painfree)
				e->iso_painfree++;
			if (x->pain_during > painfree)
				e->iso_painful++;
		} else {
			e->strength = true;
			e->strength_pain = imax(e->strength_pain, x->pain_during);
			if (x->time_min >= 0) {
				/* a strength session takes about an hour */
				int end = x->time_min + 60;
				if (end > e->strength_end)
					e->strength_end = end;
			}
		}
		if (ex_stage > (int)TENDO_STAGE_SETTLE && (!e->late_ex || ex_stage > (int)e->late_stage)) {
			e->late_ex = ex ? ex->name : x->exercise;
			e->late_stage = (tendo_stage)ex_stage;
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
		e->sharp_other |= x->sharp;
	}
	for (size_t i = 0; i < log->n_tests; i++) {
		const tendo_test *x = &log->tests[i];
		eday *e = at(out, x->date);
		if (!e)
			continue;
		/* the 10RM curl and bridge reps are strength work for spacing */
		if (x->curl_left >= 0 || x->curl_right >= 0 || x->bridge_left >= 0 || x->bridge_right >= 0) {
			e->strength = true;
			if (x->time_min >= 0 && x->time_min + 60 > e->strength_end)
				e->strength_end = x->time_min + 60;
		}
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
		if (!e)
			continue;
		switch (x->kind) {
		case TENDO_AGG_SITTING:
		case TENDO_AGG_DRIVING:
			if (x->hours > e->sitting_h) {
				e->sitting_h = x->hours;
				e->agg_driving = x->kind == TENDO_AGG_DRIVING;
			}
			break;
		case TENDO_AGG_STRETCHING: e->agg_stretch = true; break;
		case TENDO_AGG_HIP_FLEXION: e->agg_lift = true; break;
		}
	}
	int rc = attach_pain(out, log);
	/* how many scores of each kind came before each day (the first 7 form
	 * the usual level, PROTOCOL.md 10.6) */
	for (int i = 1; !rc && i < n; i++) {
		const eday *y = &out->days[i - 1];
		out->days[i].n_task_before = y->n_task_before + (y->task >= 0);
		out->days[i].n_morning_before = y->n_morning_before + (y->morning >= 0);
	}
	if (!rc)
		rc = index_rehab(out, log);
	if (rc)
		engine_digest_free(out);
	return rc;
}

void engine_digest_free(edigest *g)
{
	free(g->days);
	free(g->rehab);
	g->days = NULL;
	g->rehab = NULL;
}
