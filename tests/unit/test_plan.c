/*
 * test_plan.c - the projection of the coming days: it follows the engine
 * day by day (first run, +5 min steps, runs and strength alternating, 48 h
 * between strength sessions, tests assumed to pass when due), never
 * changes the real log, and plans nothing but a clinician after a red flag.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/plan.h>

#include "fixtures.h"

static void follows_the_protocol(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p);
	size_t n_pain = f.log.n_pain, n_runs = f.log.n_runs, n_rehab = f.log.n_rehab;
	tendo_plan_day days[28];
	assert_int_equal(tendo_plan(days, 28, &p, NULL, &f.log, fx_day(22)), 0);
	/* the real log is untouched */
	assert_int_equal(f.log.n_pain, n_pain);
	assert_int_equal(f.log.n_runs, n_runs);
	assert_int_equal(f.log.n_rehab, n_rehab);

	assert_int_equal(days[0].date, fx_day(22));
	assert_int_equal(days[0].stage, TENDO_STAGE_RETURN_TO_RUN);
	assert_true(days[0].run);
	assert_int_equal(days[0].run_minutes, 5);
	int last_run = -10, last_strength = -10, want = 5, runs = 0;
	for (int i = 0; i < 28; i++) {
		const tendo_plan_day *x = &days[i];
		assert_int_equal(x->date, fx_day(22 + i));
		assert_false(x->seek_care);
		assert_false(x->run && x->strength); /* never on the same day */
		if (x->run) {
			if (x->stage == TENDO_STAGE_RETURN_TO_RUN)
				assert_true(i - last_run >= p.settings.run_gap_days);
			assert_true(i - last_strength >= p.settings.strength_run_gap_days);
			if (runs < 5) {
				assert_int_equal(x->run_minutes, want); /* 5, 10, 15, 20, 25 */
				want += 5;
			}
			runs++;
			last_run = i;
		}
		if (x->strength) {
			assert_true(i - last_strength >= p.settings.strength_gap_days);
			last_strength = i;
		}
		assert_true(x->run_why[0] != '\0');
	}
	assert_true(runs >= 8);
	fx_log_free(&f);
}

static void tests_assumed_when_due(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	f.log.n_tests = 0; /* no test yet: it falls due, is assumed to pass, running follows */
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[14];
	assert_int_equal(tendo_plan(days, 14, &p, NULL, &f.log, fx_day(22)), 0);
	int due = -1, first_run = -1;
	for (int i = 0; i < 14; i++) {
		if (days[i].test_due && due < 0)
			due = i;
		if (days[i].run && first_run < 0)
			first_run = i;
	}
	assert_true(due >= 0);
	assert_true(first_run > due);
	assert_int_equal(days[first_run].run_minutes, 5);
	fx_log_free(&f);
}

/* Training on Mon, Wed and Sat only: runs, strength and tests fall on those
 * days, holds go on every day, and the runs still step up 5, 10, 15. */
static void keeps_to_the_training_days(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p);
	tendo_schedule sc;
	tendo_schedule_default(&sc);
	assert_int_equal(tendo_schedule_parse_days(&sc.days, "sat,mon,WED"), 0);
	assert_int_equal(sc.days, 1u | 4u | 32u);
	tendo_plan_day days[28];
	assert_int_equal(tendo_plan(days, 28, &p, &sc, &f.log, fx_day(22)), 0);
	int runs = 0, strength = 0, want = 5, moved = 0;
	for (int i = 0; i < 28; i++) {
		const tendo_plan_day *x = &days[i];
		int wd = tendo_date_weekday(x->date);
		bool train = wd == 0 || wd == 2 || wd == 5;
		assert_int_equal(x->training_day, train);
		if (!train) {
			assert_false(x->run);
			assert_false(x->strength);
			assert_false(x->test_due);
			assert_int_equal(x->run_minutes, 0);
			if (strstr(x->run_why, "not one of your training days"))
				moved++;
		}
		if (x->run) {
			if (runs < 3)
				assert_int_equal(x->run_minutes, want);
			want += 5;
			runs++;
		}
		strength += x->strength;
		if (x->rehab[0])
			assert_true(x->rehab_minutes > 0);
	}
	assert_true(runs >= 4);
	assert_true(strength >= 2);
	assert_true(moved >= 1); /* some run was due on a rest day and waited */

	/* every day a training day gives the same as no schedule */
	tendo_plan_day all[28];
	sc.days = TENDO_DAYS_ALL;
	assert_int_equal(tendo_plan(all, 28, &p, &sc, &f.log, fx_day(22)), 0);
	assert_int_equal(tendo_plan(days, 28, &p, NULL, &f.log, fx_day(22)), 0);
	for (int i = 0; i < 28; i++) {
		assert_int_equal(all[i].run_minutes, days[i].run_minutes);
		assert_int_equal(all[i].strength, days[i].strength);
	}
	sc.days = 0;
	assert_int_equal(tendo_plan(days, 28, &p, &sc, &f.log, fx_day(22)), TENDO_EINVAL);
	fx_log_free(&f);
}

/* A VISA-H is due as a baseline on the first day, then 28 days after. */
static void visa_due_every_four_weeks(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	fx_visa(&f, 10, 15);
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[40];
	assert_int_equal(tendo_plan(days, 40, &p, NULL, &f.log, fx_day(22)), 0);
	for (int i = 0; i < 40; i++)
		assert_int_equal(days[i].visa_due, 22 + i == 38); /* 28 days after day 10 */
	fx_log_clear(&f);
	fx_ready(&f, 21);
	assert_int_equal(tendo_plan(days, 40, &p, NULL, &f.log, fx_day(22)), 0);
	assert_true(days[0].visa_due); /* no baseline yet */
	assert_false(days[1].visa_due);
	assert_true(days[28].visa_due);
	fx_log_free(&f);
}

static void red_flag_plans_nothing(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	fx_flag(&f, 22, TENDO_FLAG_NUMBNESS);
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[7];
	assert_int_equal(tendo_plan(days, 7, &p, NULL, &f.log, fx_day(22)), 0);
	for (int i = 0; i < 7; i++) {
		assert_true(days[i].seek_care);
		assert_false(days[i].run);
		assert_false(days[i].strength);
	}
	assert_int_equal(tendo_plan(days, 0, &p, NULL, &f.log, fx_day(22)), TENDO_EINVAL);
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(follows_the_protocol),
		cmocka_unit_test(tests_assumed_when_due),
		cmocka_unit_test(keeps_to_the_training_days),
		cmocka_unit_test(visa_due_every_four_weeks),
		cmocka_unit_test(red_flag_plans_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
