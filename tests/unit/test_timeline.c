/*
 * test_timeline.c - the per-day truth (tendo/timeline.h): every day's
 * record is what tendo_engine_prescribe() says on the morning of that day
 * (the log cut to what was known then), logging later that day never
 * rewrites it, events name the rule that moved the stage, and the last day
 * as seen now is the `today` prescription.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/timeline.h>

#include "fixtures.h"

#define LAST 120

/* A compliant athlete from fx_ready() on, with a flare on day 40 and a
 * sharp-free but painful run on day 60; built day by day from the timeline
 * itself (what it says in the morning is what gets done). */
static void follow(fx_log *f, const tendo_profile *p)
{
	fx_ready(f, 21);
	for (int d = 22; d <= LAST; d++) {
		fx_pain(f, d, TENDO_PAIN_TASK, d == 40 ? 4 : 1);
		fx_pain(f, d, TENDO_PAIN_REST, 0);
		tendo_day day;
		assert_int_equal(tendo_timeline(&day, 1, p, &f->log, fx_day(d), NULL), 0);
		if (day.run_prescribed)
			fx_run(f, d, day.run_minutes, d == 60 ? 3 : 0);
		else if (day.strength_prescribed)
			fx_rehab(f, d, "prone-curl", 3, 8, -1, 40, 1)->rpe = 7;
		else if (day.rehab_prescribed)
			fx_rehab(f, d, "iso-bridge", 5, -1, 30, -1, 0);
	}
}

/* The log as known on the morning of day d: everything before d, and d's
 * morning, task and rest scores. */
static void morning_of(fx_log *dst, const fx_log *src, int d)
{
	const tendo_log *L = &src->log;
	tendo_date day = fx_day(d);
	fx_log_clear(dst);
	for (size_t k = 0; k < L->n_pain; k++) {
		const tendo_pain *x = &L->pain[k];
		bool morning = x->kind == TENDO_PAIN_TASK || x->kind == TENDO_PAIN_MORNING || x->kind == TENDO_PAIN_REST;
		if (x->date < day || (x->date == day && morning)) {
			fx_pain(dst, 0, TENDO_PAIN_REST, 0);
			dst->log.pain[dst->log.n_pain - 1] = *x;
		}
	}
	for (size_t k = 0; k < L->n_runs; k++)
		if (L->runs[k].date < day)
			*fx_run(dst, 0, 1, 0) = L->runs[k];
	for (size_t k = 0; k < L->n_rehab; k++)
		if (L->rehab[k].date < day)
			*fx_rehab(dst, 0, "iso-bridge", 1, -1, 1, -1, 0) = L->rehab[k];
	for (size_t k = 0; k < L->n_tests; k++)
		if (L->tests[k].date < day)
			*fx_test(dst, 0, 0, 0, 0, 0, 0, 0) = L->tests[k];
}

static void records_are_the_mornings(void **state)
{
	(void)state;
	fx_log f, cut;
	tendo_profile p;
	fx_log_init(&f);
	fx_log_init(&cut);
	fx_profile(&p);
	follow(&f, &p);
	static tendo_day days[LAST + 1];
	assert_int_equal(tendo_timeline(days, LAST + 1, &p, &f.log, fx_day(0), NULL), 0);
	int stages = 0, runs = 0, flares = 0;
	for (int d = 0; d <= LAST; d++) {
		morning_of(&cut, &f, d);
		tendo_prescription rx;
		assert_int_equal(tendo_engine_prescribe(&rx, &p, &cut.log, fx_day(d)), 0);
		const tendo_day *x = &days[d];
		if (x->stage != rx.stage || x->decision != rx.decision || x->run_prescribed != rx.run.allowed ||
		    x->run_minutes != (rx.run.allowed ? rx.run.minutes : 0) ||
		    x->strength_prescribed != tendo_rx_has_strength(&rx))
			fail_msg("day %d: timeline %s %s run %d/%d, engine on that morning's log %s %s run %d/%d", d,
			         tendo_stage_name(x->stage), tendo_decision_name(x->decision), x->run_prescribed, x->run_minutes,
			         tendo_stage_name(rx.stage), tendo_decision_name(rx.decision), rx.run.allowed, rx.run.minutes);
		assert_int_equal(x->date, fx_day(d));
		stages += (x->events & TENDO_EV_STAGE) != 0;
		runs += x->run_done_min > 0;
		flares += (x->events & TENDO_EV_FLARE) != 0;
	}
	assert_true(stages >= 2); /* settle -> strength -> return to run */
	assert_true(runs >= 10);
	assert_int_equal(flares, 1);
	assert_int_equal(days[40].morning_class, 'f');
	assert_int_equal(days[40].morning, 4);
	fx_log_free(&f);
	fx_log_free(&cut);
}

static void stage_moves_name_their_rule(void **state)
{
	(void)state;
	fx_log f;
	tendo_profile p;
	fx_log_init(&f);
	fx_profile(&p);
	follow(&f, &p);
	static tendo_day days[LAST + 1];
	assert_int_equal(tendo_timeline(days, LAST + 1, &p, &f.log, fx_day(0), NULL), 0);
	bool settle_exit = false, readiness = false;
	for (int d = 1; d <= LAST; d++) {
		if (!(days[d].events & TENDO_EV_STAGE)) {
			assert_null(days[d].moved_by);
			assert_int_equal(days[d].stage, days[d - 1].stage);
			continue;
		}
		assert_non_null(days[d].moved_by);
		assert_non_null(tendo_rule_find(days[d].moved_by));
		settle_exit |= strcmp(days[d].moved_by, "stage.settle.exit") == 0;
		readiness |= strcmp(days[d].moved_by, "readiness.pass") == 0;
	}
	assert_true(settle_exit);
	assert_true(readiness);
	assert_false(days[0].events & TENDO_EV_STAGE); /* where the programme starts is not a move */
	fx_log_free(&f);
}

/* PROTOCOL.md 10.9: logging later that day never rewrites the morning's
 * record; the live view of the last day sees it. */
static void later_logging_keeps_the_record(void **state)
{
	(void)state;
	fx_log f;
	tendo_profile p;
	fx_log_init(&f);
	fx_profile(&p);
	follow(&f, &p);
	int d = 22;
	tendo_day before, after;
	tendo_prescription now;
	while (d < LAST) {
		assert_int_equal(tendo_timeline(&before, 1, &p, &f.log, fx_day(d), NULL), 0);
		if (before.run_prescribed)
			break;
		d++;
	}
	assert_true(before.run_prescribed);
	/* the day's run is already in the log (follow ran it): the record still prescribes it */
	assert_true(before.run_done_min > 0);
	/* more that day: holds that hurt 6/10 and a rest report of 5 */
	fx_rehab(&f, d, "iso-bridge", 5, -1, 30, -1, 6);
	fx_pain(&f, d, TENDO_PAIN_DURING, 6);
	assert_int_equal(tendo_timeline(&after, 1, &p, &f.log, fx_day(d), &now), 0);
	assert_true(after.run_prescribed);
	assert_int_equal(after.run_minutes, before.run_minutes);
	assert_int_equal(after.decision, before.decision);
	assert_int_equal(after.pain_during, 6);
	/* as seen now: the run is done and the pain over the ceiling is named */
	assert_true(now.done.run);
	assert_false(now.run.allowed);
	bool named = false;
	for (size_t k = 0; k < now.n_rules; k++)
		named |= strcmp(now.rules[k].id, "pain.today.over_ceiling") == 0;
	assert_true(named);
	fx_log_free(&f);
}

/* `today` = the timeline's live last day = tendo_engine_prescribe(). */
static void today_is_the_last_day(void **state)
{
	(void)state;
	fx_log f;
	tendo_profile p;
	fx_log_init(&f);
	fx_profile(&p);
	follow(&f, &p);
	static tendo_day days[30];
	tendo_prescription a, b;
	for (int d = LAST - 30; d <= LAST; d += 7) {
		assert_int_equal(tendo_timeline(days, 30, &p, &f.log, fx_day(d - 29), &a), 0);
		assert_int_equal(tendo_engine_prescribe(&b, &p, &f.log, fx_day(d)), 0);
		assert_int_equal(a.stage, b.stage);
		assert_int_equal(a.decision, b.decision);
		assert_int_equal(a.run.allowed, b.run.allowed);
		assert_int_equal(a.run.minutes, b.run.minutes);
		assert_int_equal(a.n_rules, b.n_rules);
		for (size_t k = 0; k < a.n_rules; k++) {
			assert_string_equal(a.rules[k].id, b.rules[k].id);
			assert_string_equal(a.rules[k].reason, b.rules[k].reason);
		}
	}
	fx_log_free(&f);
}

static void bad_calls(void **state)
{
	(void)state;
	fx_log f;
	tendo_profile p;
	tendo_day d;
	fx_log_init(&f);
	fx_profile(&p);
	assert_int_equal(tendo_timeline(&d, 0, &p, &f.log, fx_day(0), NULL), TENDO_EINVAL);
	assert_int_equal(tendo_timeline(&d, 1, &p, &f.log, TENDO_DATE_NONE, NULL), TENDO_EINVAL);
	/* days before the programme: nothing prescribed, history kept */
	fx_run(&f, -3, 30, -1);
	tendo_day pre[5];
	assert_int_equal(tendo_timeline(pre, 5, &p, &f.log, fx_day(-4), NULL), 0);
	assert_false(pre[0].run_prescribed);
	assert_true(pre[1].run_done_min == 30);
	assert_true(pre[4].rehab_prescribed); /* day 0: stage 1 holds */
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(records_are_the_mornings),
		cmocka_unit_test(stage_moves_name_their_rule),
		cmocka_unit_test(later_logging_keeps_the_record),
		cmocka_unit_test(today_is_the_last_day),
		cmocka_unit_test(bad_calls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
