/*
 * fixtures.h - helpers shared by the unit and property tests: a growable
 * in-memory log to build stories day by day without a database.
 */
#ifndef TENDO_TEST_FIXTURES_H
#define TENDO_TEST_FIXTURES_H

#include <tendo/tendo.h>

/* A log whose arrays grow; fx_log_free() releases them. */
typedef struct {
	tendo_log log;
	size_t cap_pain, cap_runs, cap_rehab, cap_cross, cap_tests, cap_flags, cap_sitting, cap_visa;
	int64_t next_id;
} fx_log;

void fx_log_init(fx_log *f);
void fx_log_free(fx_log *f);
void fx_log_clear(fx_log *f); /* keep capacity, drop entries */

/* Day n counted from 2026-01-05 (a Monday). */
tendo_date fx_day(int n);

void fx_pain(fx_log *f, int day, tendo_pain_kind kind, int score);
tendo_run *fx_run(fx_log *f, int day, double minutes, int pain_during);
tendo_rehab *fx_rehab(fx_log *f, int day, const char *exercise, int sets, int reps, int hold_s, double kg, int pain_during);
void fx_cross(fx_log *f, int day, tendo_cross_kind kind, double minutes, int pain_during);
tendo_test *fx_test(fx_log *f, int day, int lunge, int bl, int br, double cl, double cr, int rest);
void fx_flag(fx_log *f, int day, tendo_flag_kind kind);
void fx_sitting(fx_log *f, int day, double hours);
/* A VISA-H with every item at its maximum but item 8 at `item8` (total 70 + item8). */
void fx_visa(fx_log *f, int day, int item8);

/* tests/<rel> ($TENDO_TESTS/<rel> when set): the test data folder. */
void fx_tests_path(char *buf, size_t n, const char *rel);
/* A whole file in an exact-size buffer (the caller frees it); NULL if it
 * cannot be opened. A read error aborts the test program. */
uint8_t *fx_read_file(const char *path, size_t *len);
/* "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" -> UTC ms; aborts on anything else. */
int64_t fx_iso_ms(const char *s);

/* Ready to run by day 22: settled in a week (task 1, rest 0, isometric holds),
 * strength every other day to day 21, a passing readiness test on day 21;
 * mornings logged through day `last` (>= 21). */
void fx_ready(fx_log *f, int last);

/* A right-sided profile starting at fx_day(0), default settings. */
void fx_profile(tendo_profile *p);

#endif
