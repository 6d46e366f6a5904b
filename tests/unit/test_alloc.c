/*
 * test_alloc.c - allocation-failure sweeps: every allocation of opening
 * the store, loading a log and prescribing is made to fail in turn; each
 * run must end in success or TENDO_ENOMEM with nothing leaked (ASan's leak
 * checker runs this under make check) and no crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <tendo/timeline.h>

#include "fixtures.h"
#include "util/alloc.h"

static char dir[64];
static char path[96];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/tendo-alloc.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/t.db", dir);
	tendo_store *s = NULL;
	if (tendo_store_open(&s, path, TENDO_STORE_CREATE))
		return -1;
	tendo_profile p;
	fx_profile(&p);
	tendo_store_begin(s);
	tendo_store_init_profile(s, &p);
	for (int d = 0; d < 60; d++) {
		tendo_pain pn = { .date = fx_day(d), .kind = TENDO_PAIN_TASK, .score = d % 3 };
		tendo_store_add_pain(s, &pn, 0, NULL, NULL);
		tendo_run r = { .date = fx_day(d), .minutes = 20, .km = -1, .rpe = -1, .pain_during = 1, .pain_after = -1 };
		tendo_store_add_run(s, &r, 0, NULL);
		tendo_rehab x = { .date = fx_day(d), .sets = 3, .reps = 8, .hold_s = -1, .kg = 20, .rpe = 7, .pain_during = 1 };
		snprintf(x.exercise, sizeof(x.exercise), "prone-curl");
		tendo_store_add_rehab(s, &x, 0, NULL);
	}
	int rc = tendo_store_commit(s);
	tendo_store_close(s);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_store_load_sweep(void **state)
{
	(void)state;
	long n;
	int failures = 0;
	for (n = 1; n < 100000; n++) {
		tendo_alloc_fail_at(n);
		tendo_store *s = NULL;
		tendo_log log = { 0 };
		int rc = tendo_store_open(&s, path, TENDO_STORE_READONLY);
		if (rc == 0)
			rc = tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE);
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		if (rc == 0) {
			assert_int_equal(log.n_runs, 60);
			assert_int_equal(log.n_pain, 60);
			tendo_log_dispose(&log);
			tendo_store_close(s);
			if (made < n)
				break; /* the Nth allocation never happened: all swept */
			continue;
		}
		assert_int_equal(rc, TENDO_ENOMEM);
		assert_null(log.runs);
		assert_int_equal(log.n_runs, 0);
		tendo_store_close(s);
		failures++;
	}
	assert_true(failures > 3); /* the sweep really failed some allocations */
}

static void test_engine_sweep(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	for (int d = 0; d < 30; d++)
		fx_pain(&f, d, TENDO_PAIN_TASK, 2);
	tendo_profile p;
	fx_profile(&p);
	tendo_prescription rx;
	/* every allocation of the replay failed in turn: ENOMEM, then success
	 * once the sweep passes the last one (the digest and its rehab index) */
	int k = 1;
	for (;; k++) {
		tendo_alloc_fail_at(k);
		int rc = tendo_engine_prescribe(&rx, &p, &f.log, fx_day(29));
		if (rc == 0)
			break;
		assert_int_equal(rc, TENDO_ENOMEM);
		assert_true(k < 20);
	}
	assert_int_equal(k, 3);
	assert_int_equal(tendo_alloc_count(), 2);
	/* the timeline: the same, plus its prescription buffer */
	tendo_day days[30];
	for (k = 1;; k++) {
		tendo_alloc_fail_at(k);
		int rc = tendo_timeline(days, 30, &p, &f.log, fx_day(0), &rx);
		if (rc == 0)
			break;
		assert_int_equal(rc, TENDO_ENOMEM);
		assert_true(k < 20);
	}
	assert_int_equal(k, 4);
	tendo_alloc_fail_at(0);
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store_load_sweep),
		cmocka_unit_test(test_engine_sweep),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
