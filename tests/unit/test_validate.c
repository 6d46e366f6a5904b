/*
 * test_validate.c - unit tests of tendo/validate.h: for each entry type and
 * the profile, a valid entry is accepted, every bound is accepted, and each
 * value out of range is refused with TENDO_EINVAL and a message that names
 * the field and what is allowed. Also: the store's add functions call the
 * checks (nothing written), and tendo_store_check_all() finds a bad row a
 * restore let in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <tendo/validate.h>

#include "fixtures.h"
#include "store/store_int.h"

/* rc is EINVAL and the message holds each of the (up to two) needles. */
#define assert_refused(rc, n1, n2)                                                               \
	do {                                                                                     \
		assert_int_equal((rc), TENDO_EINVAL);                                            \
		if (!strstr(tendo_error_last(), (n1)) || !strstr(tendo_error_last(), (n2)))      \
			fail_msg("message '%s' lacks '%s' or '%s'", tendo_error_last(), (n1), (n2)); \
	} while (0)

static tendo_pain pain0(void)
{
	return (tendo_pain){ .date = fx_day(1), .kind = TENDO_PAIN_DURING, .score = 3 };
}

static tendo_run run0(void)
{
	return (tendo_run){ .date = fx_day(1), .minutes = 20, .km = 3, .rpe = -1, .pain_during = -1,
		.pain_after = -1, .time_min = TENDO_TOD_NONE };
}

static tendo_rehab rehab0(void)
{
	return (tendo_rehab){ .date = fx_day(1), .exercise = "prone-curl", .sets = 3, .reps = 8, .hold_s = -1,
		.kg = 20, .side = TENDO_SIDE_LEFT, .rpe = -1, .pain_during = -1, .time_min = TENDO_TOD_NONE };
}

static tendo_cross cross0(void)
{
	return (tendo_cross){ .date = fx_day(1), .kind = TENDO_CROSS_SWIM, .minutes = 30, .pain_during = -1,
		.time_min = TENDO_TOD_NONE };
}

static tendo_test test0(void)
{
	return (tendo_test){ .date = fx_day(1), .drop_lunge_pain = 0, .bridge_left = 20, .bridge_right = 19,
		.curl_left = 30, .curl_right = 28, .rest_pain = 0, .time_min = TENDO_TOD_NONE };
}

static void test_pain(void **state)
{
	(void)state;
	tendo_pain e = pain0();
	assert_int_equal(tendo_check_pain(&e), 0);
	for (int v = 0; v <= 10; v++) {
		e.score = v;
		assert_int_equal(tendo_check_pain(&e), 0);
	}
	e.score = 11;
	assert_refused(tendo_check_pain(&e), "score", "0-10 (got 11)");
	e.score = -1; /* a pain report's score is not optional */
	assert_refused(tendo_check_pain(&e), "score", "0-10");
	e = pain0();
	e.kind = (tendo_pain_kind)17;
	assert_refused(tendo_check_pain(&e), "kind", "during|after|morning|task|rest|sitting");
	e = pain0();
	e.date = TENDO_DATE_NONE;
	assert_refused(tendo_check_pain(&e), "date", "a day");
	e = pain0();
	e.session_id = 12;
	e.sharp = true;
	assert_int_equal(tendo_check_pain(&e), 0);
	e.session_id = -3;
	assert_refused(tendo_check_pain(&e), "session_id", "an entry id");
	e.session_id = 12;
	e.kind = TENDO_PAIN_MORNING;
	assert_refused(tendo_check_pain(&e), "session_id", "during or after");
}

static void test_run(void **state)
{
	(void)state;
	tendo_run e = run0();
	assert_int_equal(tendo_check_run(&e), 0);
	/* the bounds */
	e.minutes = 1, e.km = 0;
	assert_int_equal(tendo_check_run(&e), 0);
	e.minutes = 600, e.km = 300, e.rpe = 0, e.pain_during = 10, e.pain_after = 0, e.time_min = 0;
	assert_int_equal(tendo_check_run(&e), 0);
	e.time_min = 1439;
	assert_int_equal(tendo_check_run(&e), 0);

	const struct {
		size_t off;  /* offsetof a double field, or SIZE_MAX */
		double v;
		const char *field, *range;
	} bad_d[] = {
		{ offsetof(tendo_run, minutes), 0, "minutes", "1-600 (got 0)" },
		{ offsetof(tendo_run, minutes), 0.5, "minutes", "1-600" },
		{ offsetof(tendo_run, minutes), 601, "minutes", "1-600" },
		{ offsetof(tendo_run, minutes), NAN, "minutes", "1-600" },
		{ offsetof(tendo_run, km), 301, "km", "0-300" },
		{ offsetof(tendo_run, km), -2, "km", "0-300" },
	};
	for (size_t k = 0; k < sizeof(bad_d) / sizeof(bad_d[0]); k++) {
		e = run0();
		*(double *)((char *)&e + bad_d[k].off) = bad_d[k].v;
		assert_refused(tendo_check_run(&e), bad_d[k].field, bad_d[k].range);
	}
	const struct {
		size_t off;
		int v;
		const char *field, *range;
	} bad_i[] = {
		{ offsetof(tendo_run, rpe), 11, "rpe", "0-10" },
		{ offsetof(tendo_run, rpe), -2, "rpe", "0-10" },
		{ offsetof(tendo_run, pain_during), 11, "pain_during", "0-10" },
		{ offsetof(tendo_run, pain_after), 12, "pain_after", "0-10" },
		{ offsetof(tendo_run, time_min), 1440, "time_min", "0-1439" },
		{ offsetof(tendo_run, time_min), -2, "time_min", "0-1439" },
		{ offsetof(tendo_run, terrain), 9, "terrain", "flat|hilly|treadmill|trail" },
		{ offsetof(tendo_run, intent), 9, "intent", "easy|long|speed|hills" },
	};
	for (size_t k = 0; k < sizeof(bad_i) / sizeof(bad_i[0]); k++) {
		e = run0();
		*(int *)((char *)&e + bad_i[k].off) = bad_i[k].v;
		assert_refused(tendo_check_run(&e), bad_i[k].field, bad_i[k].range);
	}
	e = run0();
	e.km = 16, e.minutes = 30; /* 32 km/h */
	assert_refused(tendo_check_run(&e), "km 16 in 30 minutes", "30 km/h");
	e.km = 15; /* 30 km/h exactly */
	assert_int_equal(tendo_check_run(&e), 0);

	/* imported: the watch's numbers, wider ranges, no speed check */
	e = run0();
	e.imported = true;
	e.minutes = 0.1, e.km = 0.5;
	assert_int_equal(tendo_check_run(&e), 0);
	e.minutes = 900, e.km = 160;
	assert_int_equal(tendo_check_run(&e), 0);
	e.minutes = 2881;
	assert_refused(tendo_check_run(&e), "minutes", "0-2880");
	e.minutes = 60, e.km = 1001;
	assert_refused(tendo_check_run(&e), "km", "0-1000");
}

static void test_rehab(void **state)
{
	(void)state;
	tendo_rehab e = rehab0();
	assert_int_equal(tendo_check_rehab(&e), 0);
	e.sets = 1, e.reps = 1, e.kg = 0;
	assert_int_equal(tendo_check_rehab(&e), 0);
	e.sets = 20, e.reps = 100, e.kg = 500, e.rpe = 10, e.pain_during = 0, e.sharp = true, e.time_min = 600;
	assert_int_equal(tendo_check_rehab(&e), 0);
	e = rehab0();
	e.reps = -1, e.hold_s = 600, e.kg = -1;
	assert_int_equal(tendo_check_rehab(&e), 0);

	e = rehab0();
	e.sets = 0;
	assert_refused(tendo_check_rehab(&e), "sets", "1-20 (got 0)");
	e.sets = 21;
	assert_refused(tendo_check_rehab(&e), "sets", "1-20");
	e = rehab0();
	e.reps = 101;
	assert_refused(tendo_check_rehab(&e), "reps", "1-100");
	e.reps = 0;
	assert_refused(tendo_check_rehab(&e), "reps", "1-100");
	e = rehab0();
	e.reps = -1, e.hold_s = 601;
	assert_refused(tendo_check_rehab(&e), "hold_s", "1-600");
	e.hold_s = -1;
	assert_refused(tendo_check_rehab(&e), "reps or hold_s", "neither");
	e.reps = 8, e.hold_s = 30;
	assert_refused(tendo_check_rehab(&e), "reps or hold_s", "both");
	e = rehab0();
	e.kg = 500.5;
	assert_refused(tendo_check_rehab(&e), "kg", "0-500");
	e = rehab0();
	e.side = (tendo_side)5;
	assert_refused(tendo_check_rehab(&e), "side", "left|right|both");
	e = rehab0();
	e.rpe = 11;
	assert_refused(tendo_check_rehab(&e), "rpe", "0-10");
	e = rehab0();
	e.pain_during = 11;
	assert_refused(tendo_check_rehab(&e), "pain_during", "0-10");
	e = rehab0();
	e.time_min = 2000;
	assert_refused(tendo_check_rehab(&e), "time_min", "0-1439");

	/* the name: the library's, or a custom exercise with its stage and kind */
	e = rehab0();
	snprintf(e.exercise, sizeof(e.exercise), "leg-press");
	assert_refused(tendo_check_rehab(&e), "exercise 'leg-press' is not in the library", "stage and kind");
	e.custom = true;
	e.custom_stage = TENDO_STAGE_STRENGTH;
	e.custom_kind = TENDO_EX_ISOTONIC;
	assert_int_equal(tendo_check_rehab(&e), 0);
	e.custom_stage = 7;
	assert_refused(tendo_check_rehab(&e), "custom_stage", "settle|strength|return_to_run|full_load");
	e.custom_stage = TENDO_STAGE_SETTLE;
	e.custom_kind = -1;
	assert_refused(tendo_check_rehab(&e), "custom_kind", "isometric|isotonic|plyometric");
	e = rehab0();
	e.custom = true; /* a library name cannot be custom */
	assert_refused(tendo_check_rehab(&e), "exercise 'prone-curl' is in the library", "custom");
	e = rehab0();
	e.exercise[0] = '\0';
	assert_refused(tendo_check_rehab(&e), "exercise", "name");
	e = rehab0();
	memset(e.exercise, 'x', sizeof(e.exercise)); /* not terminated */
	assert_refused(tendo_check_rehab(&e), "exercise", "at most 63 bytes");
	e = rehab0();
	snprintf(e.exercise, sizeof(e.exercise), "leg\npress");
	e.custom = true;
	assert_refused(tendo_check_rehab(&e), "exercise", "control characters");
}

static void test_cross(void **state)
{
	(void)state;
	tendo_cross e = cross0();
	assert_int_equal(tendo_check_cross(&e), 0);
	e.minutes = 1, e.pain_during = 10, e.sharp = true, e.time_min = 0;
	assert_int_equal(tendo_check_cross(&e), 0);
	e.minutes = 600;
	assert_int_equal(tendo_check_cross(&e), 0);
	e.minutes = 601;
	assert_refused(tendo_check_cross(&e), "minutes", "1-600");
	assert_int_equal(store_check_cross(&e, true), 0); /* an imported one may be longer */
	e.minutes = 3000;
	assert_refused(store_check_cross(&e, true), "minutes", "0-2880");
	e = cross0();
	e.kind = (tendo_cross_kind)40;
	assert_refused(tendo_check_cross(&e), "kind", "stairs|swim|cycle");
	e = cross0();
	e.pain_during = 11;
	assert_refused(tendo_check_cross(&e), "pain_during", "0-10");
	e = cross0();
	e.time_min = 1440;
	assert_refused(tendo_check_cross(&e), "time_min", "0-1439");
}

static void test_test(void **state)
{
	(void)state;
	tendo_test e = test0();
	assert_int_equal(tendo_check_test(&e), 0);
	e.bridge_left = 0, e.bridge_right = 200, e.curl_left = 0, e.curl_right = 300, e.drop_lunge_pain = 10;
	assert_int_equal(tendo_check_test(&e), 0);
	e = (tendo_test){ .date = fx_day(1), .drop_lunge_pain = -1, .bridge_left = -1, .bridge_right = -1,
		.curl_left = -1, .curl_right = -1, .rest_pain = 2, .time_min = TENDO_TOD_NONE };
	assert_int_equal(tendo_check_test(&e), 0); /* one result is enough */
	e.rest_pain = -1;
	assert_refused(tendo_check_test(&e), "rest_pain", "at least one result");
	e = test0();
	e.bridge_right = -1;
	assert_refused(tendo_check_test(&e), "bridge_left and bridge_right", "together");
	e = test0();
	e.curl_left = -1;
	assert_refused(tendo_check_test(&e), "curl_left and curl_right", "together");
	e = test0();
	e.bridge_left = 201;
	assert_refused(tendo_check_test(&e), "bridge_left", "0-200");
	e = test0();
	e.curl_right = 300.5;
	assert_refused(tendo_check_test(&e), "curl_right", "0-300");
	e = test0();
	e.drop_lunge_pain = 11;
	assert_refused(tendo_check_test(&e), "drop_lunge_pain", "0-10");
	e = test0();
	e.rest_pain = 11;
	assert_refused(tendo_check_test(&e), "rest_pain", "0-10");
	e = test0();
	e.time_min = 1500;
	assert_refused(tendo_check_test(&e), "time_min", "0-1439");
}

static void test_flag_sitting_visa(void **state)
{
	(void)state;
	tendo_flag f = { .date = fx_day(2), .kind = TENDO_FLAG_SPREADING };
	assert_int_equal(tendo_check_flag(&f), 0);
	f.kind = (tendo_flag_kind)99;
	assert_refused(tendo_check_flag(&f), "kind", "spreading");
	f = (tendo_flag){ .date = TENDO_DATE_NONE, .kind = TENDO_FLAG_POP };
	assert_refused(tendo_check_flag(&f), "date", "a day");

	tendo_sitting a = { .date = fx_day(2), .hours = 0, .kind = TENDO_AGG_SITTING };
	assert_int_equal(tendo_check_sitting(&a), 0);
	a.hours = 24;
	assert_int_equal(tendo_check_sitting(&a), 0);
	a.hours = 24.5;
	assert_refused(tendo_check_sitting(&a), "hours", "0-24 for sitting (got 24.5)");
	a.kind = TENDO_AGG_DRIVING;
	a.hours = -1; /* driving is timed */
	assert_refused(tendo_check_sitting(&a), "hours", "0-24 for driving");
	a.hours = 4;
	assert_int_equal(tendo_check_sitting(&a), 0);
	a.kind = TENDO_AGG_STRETCHING;
	assert_refused(tendo_check_sitting(&a), "hours", "for sitting and driving, not stretching");
	a.hours = -1;
	assert_int_equal(tendo_check_sitting(&a), 0);
	a.kind = TENDO_AGG_HIP_FLEXION;
	assert_int_equal(tendo_check_sitting(&a), 0);
	a.kind = (tendo_aggravator_kind)8;
	assert_refused(tendo_check_sitting(&a), "kind", "sitting|driving|stretching|hip-flexion");

	tendo_visa v = { .date = fx_day(2), .items = { 10, 10, 10, 10, 10, 10, 10, 30 } };
	assert_int_equal(tendo_check_visa(&v), 0);
	v.items[6] = 5;
	assert_refused(tendo_check_visa(&v), "item 7", "0, 4, 7 or 10");
	v.items[6] = 4;
	v.items[7] = 31;
	assert_refused(tendo_check_visa(&v), "item 8", "0-30");

	assert_int_equal(tendo_check_note(NULL), 0);
	char note[TENDO_NOTE_MAX + 2];
	memset(note, 'a', sizeof(note));
	note[TENDO_NOTE_MAX] = '\0';
	assert_int_equal(tendo_check_note(note), 0);
	note[TENDO_NOTE_MAX] = 'a';
	note[TENDO_NOTE_MAX + 1] = '\0';
	assert_refused(tendo_check_note(note), "note", "1000 bytes at most");
}

static void test_profile(void **state)
{
	(void)state;
	tendo_profile p;
	fx_profile(&p);
	assert_int_equal(tendo_check_profile(&p), 0);
	/* each stage with what it needs */
	p.start_stage = TENDO_STAGE_STRENGTH;
	p.start_curl_kg = 25;
	assert_int_equal(tendo_check_profile(&p), 0);
	p.start_stage = TENDO_STAGE_RETURN_TO_RUN;
	assert_refused(tendo_check_profile(&p), "start_run_step_min", "return_to_run");
	p.start_run_step_min = 120;
	assert_int_equal(tendo_check_profile(&p), 0);
	p.start_run_step_min = 121;
	assert_refused(tendo_check_profile(&p), "start_run_step_min", "1-120");
	p.start_run_step_min = 15;
	p.start_stage = TENDO_STAGE_FULL_LOAD;
	assert_refused(tendo_check_profile(&p), "start_week_min", "full_load");
	p.start_week_min = 1500;
	assert_int_equal(tendo_check_profile(&p), 0);
	p.start_week_min = 1501;
	assert_refused(tendo_check_profile(&p), "start_week_min", "1-1500");
	p.start_week_min = 90;
	p.start_stage = TENDO_STAGE_STRENGTH;
	assert_refused(tendo_check_profile(&p), "start_run_step_min", "not strength");
	p.start_run_step_min = 0;
	assert_refused(tendo_check_profile(&p), "start_week_min", "not strength");
	p.start_week_min = 0;
	p.start_stage = TENDO_STAGE_SETTLE;
	assert_refused(tendo_check_profile(&p), "start_curl_kg", "settle");
	p.start_stage = TENDO_STAGE_STRENGTH;
	p.start_curl_kg = 301;
	assert_refused(tendo_check_profile(&p), "start_curl_kg", "300 kg");
	p.start_curl_kg = -1;
	assert_refused(tendo_check_profile(&p), "start_curl_kg", "300 kg");
	p.start_curl_kg = 0;
	p.start_stage = (tendo_stage)6;
	assert_refused(tendo_check_profile(&p), "start_stage", "settle|strength|return_to_run|full_load");

	fx_profile(&p);
	p.side = (tendo_side)4;
	assert_refused(tendo_check_profile(&p), "side", "left|right|both");
	fx_profile(&p);
	snprintf(p.tz, sizeof(p.tz), "Mars/Olympus");
	assert_refused(tendo_check_profile(&p), "tz", "Europe/London");
	p.tz[0] = '\0';
	assert_refused(tendo_check_profile(&p), "tz", "a time zone");
	fx_profile(&p);
	p.start = TENDO_DATE_NONE;
	assert_refused(tendo_check_profile(&p), "start", "a day");
	fx_profile(&p);
	memset(p.cleared_by, 'x', sizeof(p.cleared_by));
	assert_refused(tendo_check_profile(&p), "cleared_by", "at most 63 bytes");
}

/* The store checks before it writes, and check_all finds what a restore let in. */
static void test_store_uses_checks(void **state)
{
	(void)state;
	char dir[] = "/tmp/tendo-validate-XXXXXX", db[64], cmd[96];
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/t.db", dir);
	tendo_store *s = NULL;
	tendo_profile p;
	fx_profile(&p);
	assert_int_equal(tendo_store_open(&s, db, TENDO_STORE_CREATE), 0);
	assert_int_equal(tendo_store_init_profile(s, &p), 0);
	tendo_run r = run0();
	int64_t id = 0;
	r.rpe = 11;
	assert_refused(tendo_store_add_run(s, &r, 0, NULL), "rpe", "0-10");
	tendo_rehab x = rehab0();
	snprintf(x.exercise, sizeof(x.exercise), "leg-press");
	assert_refused(tendo_store_add_rehab(s, &x, 0, NULL), "not in the library", "stage and kind");
	tendo_sitting a = { .date = fx_day(1), .hours = 2, .kind = TENDO_AGG_HIP_FLEXION };
	assert_refused(tendo_store_add_sitting(s, &a, 0, NULL), "hours", "not hip-flexion");
	p.start_stage = TENDO_STAGE_RETURN_TO_RUN;
	assert_refused(tendo_store_update_profile(s, &p), "start_run_step_min", "return_to_run");
	r = run0();
	assert_int_equal(tendo_store_add_run(s, &r, 0, &id), 0);
	r.id = id;
	r.pain_after = 13;
	assert_refused(tendo_store_update_run(s, &r), "pain_after", "0-10");
	assert_int_equal(tendo_store_check_all(s), 0);

	/* rows written around the checks (as a restore does) */
	sqlite3 *h = store_sqlite(s);
	assert_int_equal(sqlite3_exec(h, "UPDATE run SET rpe = 12", NULL, NULL, NULL), SQLITE_OK);
	assert_refused(tendo_store_check_all(s), "entry ", "rpe must be 0-10 (got 12)");
	assert_int_equal(sqlite3_exec(h, "UPDATE run SET rpe = 5; INSERT INTO entry (id, type, date, at_utc)"
	                                 " VALUES (50, 'pain', '2026-01-06', '2026-01-06T12:00:00Z');"
	                                 " INSERT INTO pain_report (entry_id, kind, score, session_id) VALUES (50, 'after', 2, 50)",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_refused(tendo_store_check_all(s), "entry 50", "session_id 50 is not a run, rehab or cross-training");
	assert_int_equal(sqlite3_exec(h, "DELETE FROM entry WHERE id = 50; UPDATE entry SET note = printf('%.*c', 1001, 'x')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_refused(tendo_store_check_all(s), "note is too long", "got 1001");
	assert_int_equal(sqlite3_exec(h, "UPDATE entry SET note = NULL; UPDATE profile SET start_stage = 'full_load'",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_refused(tendo_store_check_all(s), "profile: start_week_min", "full_load");
	tendo_store_close(s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pain),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_rehab),
		cmocka_unit_test(test_cross),
		cmocka_unit_test(test_test),
		cmocka_unit_test(test_flag_sitting_visa),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_store_uses_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
