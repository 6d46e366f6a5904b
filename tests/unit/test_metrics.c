/*
 * test_metrics.c - the load metrics against figures computed by hand:
 * rehab minutes, session-RPE loads with and without RPE, a week's
 * monotony and strain, EWMA acute and chronic loads after a step, no ratio
 * before 28 days, weekly running and task figures.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tendo/metrics.h>

#include "fixtures.h"

#define near(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static void loads(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	/* 3 x 8 reps: 3 x (48 s + 90 s rest) = 6.9 min; 5 x 45 s holds: 5 x 105 s = 8.75 min */
	tendo_rehab *x = fx_rehab(&f, 0, "prone-curl", 3, 8, -1, 20, 1);
	near(tendo_metrics_rehab_minutes(x), 6.9, 1e-9);
	x->rpe = 7;
	bool est = false;
	near(tendo_metrics_rehab_load(x, &est), 48.3, 1e-9);
	assert_false(est);
	tendo_rehab *h = fx_rehab(&f, 0, "iso-bridge", 5, -1, 45, -1, 0);
	near(tendo_metrics_rehab_minutes(h), 8.75, 1e-9);
	near(tendo_metrics_rehab_load(h, &est), 8.75 * TENDO_RPE_DEFAULT_REHAB, 1e-9);
	assert_true(est);

	tendo_run *r = fx_run(&f, 0, 30, 1);
	est = false;
	near(tendo_metrics_run_load(r, &est), 30 * TENDO_RPE_DEFAULT_RUN, 1e-9);
	assert_true(est);
	r->intent = TENDO_INTENT_LONG;
	near(tendo_metrics_run_load(r, NULL), 30 * TENDO_RPE_DEFAULT_HARD_RUN, 1e-9);
	r->rpe = 5;
	est = false;
	near(tendo_metrics_run_load(r, &est), 150, 1e-9);
	assert_false(est);
	fx_log_free(&f);
}

static void week_monotony_strain(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_run(&f, 0, 20, 0)->rpe = 5; /* 100 */
	fx_run(&f, 2, 40, 0)->rpe = 5; /* 200 */
	tendo_metrics m;
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(6)), 0);
	near(m.day_load, 0, 1e-9);
	near(m.week_load, 300, 1e-9);
	/* mean 42.857, population sd 72.843: monotony 0.58835, strain 176.5 */
	near(m.monotony, 0.58835, 1e-4);
	near(m.strain, 176.50, 0.01);
	assert_false(m.estimated);
	near(m.week_run_min, 60, 1e-9);
	assert_true(isnan(m.acwr)); /* 7 days of data */
	/* the same load every day: sd 0, no monotony */
	fx_log_clear(&f);
	for (int d = 0; d < 7; d++)
		fx_run(&f, d, 10, 0)->rpe = 4;
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(6)), 0);
	assert_true(isnan(m.monotony));
	assert_true(isnan(m.strain));
	fx_log_free(&f);
}

static void acwr_after_a_step(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	/* 28 days at 100, then 7 days at 200 */
	for (int d = 0; d < 35; d++)
		fx_run(&f, d, d < 28 ? 20 : 40, 0)->rpe = 5;
	tendo_metrics m;
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(26)), 0);
	assert_true(isnan(m.acwr)); /* 27 days: no ratio yet */
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(27)), 0);
	near(m.acwr, 1.0, 1e-9);
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(34)), 0);
	/* acute: 200 - 100 x 0.75^7 = 186.65; chronic: 200 - 100 x (27/29)^7 = 139.36 */
	near(m.acute, 186.65, 0.01);
	near(m.chronic, 139.36, 0.01);
	near(m.acwr, 1.3394, 1e-3);
	assert_int_equal(m.days, 35);
	fx_log_free(&f);
}

static void weekly_figures(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_run(&f, 1, 20, 0)->km = 3.5;
	fx_run(&f, 3, 25, 0);
	fx_run(&f, 9, 30, 0)->km = 5; /* outside the week */
	fx_pain(&f, 2, TENDO_PAIN_TASK, 2);
	fx_pain(&f, 4, TENDO_PAIN_TASK, 3);
	fx_pain(&f, 4, TENDO_PAIN_MORNING, 9); /* not a task score */
	fx_cross(&f, 5, TENDO_CROSS_STAIRS, 20, 0);
	tendo_metrics m;
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(0), fx_day(6)), 0);
	near(m.week_run_min, 45, 1e-9);
	near(m.week_run_km, 3.5, 1e-9);
	near(m.week_task_mean, 2.5, 1e-9);
	near(m.week_load, 45 * TENDO_RPE_DEFAULT_RUN + 20 * TENDO_RPE_DEFAULT_CROSS, 1e-9);
	assert_true(m.estimated);
	assert_int_equal(tendo_metrics_compute(&m, &f.log, fx_day(3), fx_day(2)), TENDO_EINVAL);
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads),
		cmocka_unit_test(week_monotony_strain),
		cmocka_unit_test(acwr_after_a_step),
		cmocka_unit_test(weekly_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
