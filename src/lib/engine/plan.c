/*
 * plan.c - the projection of the coming days (tendo/plan.h): prescribe a
 * day with the engine, assume it goes as prescribed with a settled next
 * morning, append that to a copy of the log, prescribe the next day.
 * Entries up to the first day are the real ones; after it, the projection's.
 * O(days x replay); the real log is never changed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/metrics.h>
#include <tendo/plan.h>

#include "util/alloc.h"

/* A growable copy of one array of the log. */
#define GROWABLE(type, name)                                                                \
	static int push_##name(type **arr, size_t *n, size_t *cap, const type *x)            \
	{                                                                                   \
		if (*n == *cap) {                                                           \
			size_t nc = *cap ? *cap * 2 : 64;                                   \
			type *na = tendo_realloc(*arr, nc * sizeof(type));                  \
			if (!na)                                                            \
				return tendo_error_set(TENDO_ENOMEM, "plan: out of memory"); \
			*arr = na;                                                          \
			*cap = nc;                                                          \
		}                                                                           \
		(*arr)[(*n)++] = *x;                                                        \
		return 0;                                                                   \
	}
GROWABLE(tendo_pain, pain)
GROWABLE(tendo_run, run)
GROWABLE(tendo_rehab, rehab)
GROWABLE(tendo_test, test)
GROWABLE(tendo_visa, visa)

int tendo_plan(tendo_plan_day *out, int n, const tendo_profile *p, const tendo_schedule *schedule,
               const tendo_log *log, tendo_date from)
{
	tendo_schedule every;
	if (n < 1 || n > 366)
		return tendo_error_set(TENDO_EINVAL, "plan: 1-366 days (got %d)", n);
	if (!schedule) {
		tendo_schedule_default(&every);
		schedule = &every;
	}
	if (!(schedule->days & TENDO_DAYS_ALL))
		return tendo_error_set(TENDO_EINVAL, "plan: the schedule has no training day");
	tendo_log L = *log; /* the arrays we do not extend are borrowed */
	size_t cp = 0, cr = 0, cx = 0, ct = 0, cv = 0;
	L.pain = NULL, L.runs = NULL, L.rehab = NULL, L.tests = NULL, L.visa = NULL;
	L.n_pain = L.n_runs = L.n_rehab = L.n_tests = L.n_visa = 0;
	int err = 0;
	for (size_t k = 0; k < log->n_pain && !err; k++)
		if (log->pain[k].date <= from)
			err = push_pain(&L.pain, &L.n_pain, &cp, &log->pain[k]);
	for (size_t k = 0; k < log->n_runs && !err; k++)
		if (log->runs[k].date <= from)
			err = push_run(&L.runs, &L.n_runs, &cr, &log->runs[k]);
	for (size_t k = 0; k < log->n_rehab && !err; k++)
		if (log->rehab[k].date <= from)
			err = push_rehab(&L.rehab, &L.n_rehab, &cx, &log->rehab[k]);
	for (size_t k = 0; k < log->n_tests && !err; k++)
		if (log->tests[k].date <= from)
			err = push_test(&L.tests, &L.n_tests, &ct, &log->tests[k]);
	for (size_t k = 0; k < log->n_visa && !err; k++)
		if (log->visa[k].date <= from)
			err = push_visa(&L.visa, &L.n_visa, &cv, &log->visa[k]);
	int64_t id = 1 << 30;
	for (int i = 0; i < n && !err; i++) {
		tendo_date d = from + i;
		tendo_plan_day *o = &out[i];
		memset(o, 0, sizeof(*o));
		o->date = d;
		/* the morning: settled, at the usual level (or the real one if logged) */
		tendo_prescription rx;
		if ((err = tendo_engine_prescribe(&rx, p, &L, d)))
			break;
		int usual = rx.status.morning_baseline >= 0 ? (int)floor(rx.status.morning_baseline) : 1;
		bool have_task = false;
		for (size_t k = 0; k < L.n_pain; k++)
			if (L.pain[k].date == d && L.pain[k].kind == TENDO_PAIN_TASK)
				have_task = true; /* logged today: the real morning counts */
		tendo_pain task = { .id = id++, .date = d, .kind = TENDO_PAIN_TASK, .score = usual };
		tendo_pain rest = { .id = id++, .date = d, .kind = TENDO_PAIN_REST, .score = 0 };
		if ((!have_task && (err = push_pain(&L.pain, &L.n_pain, &cp, &task))) ||
		    (err = push_pain(&L.pain, &L.n_pain, &cp, &rest)))
			break;
		if ((err = tendo_engine_prescribe(&rx, p, &L, d)))
			break;
		bool train = tendo_schedule_has_day(schedule, d);
		o->training_day = train;
		o->stage = rx.stage;
		o->decision = rx.decision;
		o->seek_care = rx.decision == TENDO_DECISION_SEEK_CARE;
		o->run = train && rx.run.allowed;
		o->run_minutes = o->run ? rx.run.minutes : 0;
		o->run_walk = o->run && rx.run.run_walk;
		if (rx.run.allowed && !train)
			snprintf(o->run_why, sizeof(o->run_why), "not one of your training days: the %d min run moves to the next",
			         rx.run.minutes);
		else
			snprintf(o->run_why, sizeof(o->run_why), "%s", rx.run.why);
		snprintf(o->rehab_why, sizeof(o->rehab_why), "%s", rx.rehab_why);
		size_t len = 0;
		bool dropped = false;
		for (size_t k = 0; k < rx.n_rehab && !err; k++) {
			const tendo_rx_item *it = &rx.rehab[k];
			bool iso = it->exercise->kind == TENDO_EX_ISOMETRIC;
			if (!iso && !train) {
				dropped = true; /* strength waits for a training day; holds need no gym */
				continue;
			}
			if (!iso)
				o->strength = true;
			if (o->n_items < TENDO_RX_MAX_REHAB)
				o->items[o->n_items++] = *it;
			if (len < sizeof(o->rehab))
				len += (size_t)snprintf(o->rehab + len, sizeof(o->rehab) - len, "%s%s %dx%d%s", len ? ", " : "",
				                        it->exercise->name, it->sets, it->hold_s ? it->hold_s : it->reps,
				                        it->hold_s ? "s" : "");
			tendo_rehab x = { .id = id++, .date = d, .sets = it->sets, .reps = it->reps ? it->reps : -1,
				.hold_s = it->hold_s ? it->hold_s : -1, .kg = -1, .side = TENDO_SIDE_BOTH, .rpe = 6,
				.pain_during = 0 };
			snprintf(x.exercise, sizeof(x.exercise), "%s", it->exercise->name);
			o->rehab_minutes += (int)lround(tendo_metrics_rehab_minutes(&x));
			err = push_rehab(&L.rehab, &L.n_rehab, &cx, &x);
		}
		if (err)
			break;
		if (dropped)
			snprintf(o->rehab_why, sizeof(o->rehab_why), "not one of your training days: strength moves to the next%s",
			         o->rehab[0] ? "; holds as usual" : "");
		o->test_due = train && rx.test_due;
		o->visa_due = rx.visa_due;
		if (o->run) {
			tendo_run r = { .id = id++, .date = d, .minutes = rx.run.minutes, .km = -1, .rpe = 3, .pain_during = 0,
				.pain_after = 0, .walk_breaks = rx.run.run_walk, .start_ms = INT64_MIN, .moving_s = NAN,
				.ascent_m = NAN, .uphill_s = NAN, .fast_s = NAN, .cadence_spm = NAN, .avg_hr = NAN,
				.walk_spells = -1, .elapsed_s = NAN };
			snprintf(r.source, sizeof(r.source), "plan");
			err = push_run(&L.runs, &L.n_runs, &cr, &r);
		}
		if (!err && o->test_due && !o->run) {
			/* assume the tests pass on the day they are due */
			tendo_test t = { .id = id++, .date = d, .drop_lunge_pain = 0, .bridge_left = 20, .bridge_right = 20,
				.curl_left = 30, .curl_right = 30, .rest_pain = 0, .time_min = TENDO_TOD_NONE };
			err = push_test(&L.tests, &L.n_tests, &ct, &t);
		}
		if (!err && o->visa_due) {
			/* assume it is filled in on the day it is due */
			tendo_visa v = { .id = id++, .date = d };
			err = push_visa(&L.visa, &L.n_visa, &cv, &v);
		}
	}
	free(L.pain);
	free(L.runs);
	free(L.rehab);
	free(L.tests);
	free(L.visa);
	return err;
}
