/*
 * test_schedule.c - the small parsers behind the profile's schedule
 * (tendo/schedule.h: days, times of day) and the VISA-H items
 * (tendo/log.h): what they accept, what they refuse and the message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/tendo.h>

static void days(void **state)
{
	(void)state;
	unsigned d = 0;
	char buf[TENDO_DAYS_BUFSZ];
	assert_int_equal(tendo_schedule_parse_days(&d, "all"), 0);
	assert_int_equal(d, TENDO_DAYS_ALL);
	assert_string_equal(tendo_schedule_format_days(d, buf), "mon,tue,wed,thu,fri,sat,sun");
	assert_int_equal(tendo_schedule_parse_days(&d, "Sun,mon"), 0);
	assert_int_equal(d, 1u | 64u);
	assert_string_equal(tendo_schedule_format_days(d, buf), "mon,sun");
	assert_int_equal(tendo_schedule_parse_days(&d, "fri"), 0);
	assert_int_equal(d, 16u);
	d = 99;
	const char *bad[] = { "", ",", "mon,", ",mon", "monday", "mo", "mon,,tue", "mon tue", "xyz" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(tendo_schedule_parse_days(&d, bad[k]), TENDO_EINVAL);
		assert_non_null(strstr(tendo_error_last(), "unknown day"));
	}
	assert_int_equal(d, 99); /* untouched on error */
	assert_int_equal(tendo_schedule_parse_days(&d, "tue,wed,tue"), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "'tue' is given twice"));
	/* weekdays: 2026-11-23 is a Monday */
	tendo_schedule s;
	tendo_schedule_default(&s);
	s.days = 1u | 64u;
	tendo_date mon = tendo_date_from_ymd(2026, 11, 23);
	assert_true(tendo_schedule_has_day(&s, mon));
	assert_false(tendo_schedule_has_day(&s, mon + 1));
	assert_true(tendo_schedule_has_day(&s, mon + 6));
}

static void times(void **state)
{
	(void)state;
	int m = -1;
	char buf[6];
	assert_int_equal(tendo_schedule_parse_time(&m, "00:00"), 0);
	assert_int_equal(m, 0);
	assert_int_equal(tendo_schedule_parse_time(&m, "23:59"), 0);
	assert_int_equal(m, 1439);
	assert_string_equal(tendo_schedule_format_time(m, buf), "23:59");
	assert_int_equal(tendo_schedule_parse_time(&m, "07:05"), 0);
	assert_string_equal(tendo_schedule_format_time(m, buf), "07:05");
	const char *bad[] = { "", "7:05", "07:5", "24:00", "12:60", "12-30", "12:30 ", "ab:cd", "123:00" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		assert_int_equal(tendo_schedule_parse_time(&m, bad[k]), TENDO_EINVAL);
	tendo_schedule s;
	tendo_schedule_default(&s);
	assert_int_equal(s.days, TENDO_DAYS_ALL);
	assert_int_equal(s.run_time, 17 * 60); /* afternoon runs, PROTOCOL.md 5 */
	assert_int_equal(s.rehab_time, 16 * 60);
}

static void visa(void **state)
{
	(void)state;
	tendo_visa v;
	assert_int_equal(tendo_visa_parse(&v, "10,10,10,10,10,10,10,30"), 0);
	assert_int_equal(v.total, 100);
	assert_int_equal(tendo_visa_parse(&v, "0,0,0,0,0,0,0,0"), 0);
	assert_int_equal(v.total, 0);
	assert_int_equal(tendo_visa_parse(&v, "7,8,6,9,5,6,7,20"), 0);
	assert_int_equal(v.total, 68);
	assert_int_equal(v.items[7], 20);
	/* item 7 takes only 0, 4, 7 or 10 */
	for (int x = 0; x <= 10; x++) {
		char s[40];
		snprintf(s, sizeof(s), "0,0,0,0,0,0,%d,0", x);
		int want = (x == 0 || x == 4 || x == 7 || x == 10) ? 0 : TENDO_EINVAL;
		assert_int_equal(tendo_visa_parse(&v, s), want);
	}
	struct {
		const char *s;
		int rc;
		const char *msg;
	} bad[] = {
		{ "", TENDO_EFORMAT, "8 " }, { "1,2,3", TENDO_EFORMAT, "8 " }, { "1,2,3,4,5,6,7,8,9", TENDO_EFORMAT, "8 " },
		{ "1,2,3,4,5,6,7,", TENDO_EFORMAT, "8 " }, { "a,0,0,0,0,0,0,0", TENDO_EFORMAT, "8 " },
		{ "1.5,0,0,0,0,0,0,0", TENDO_EFORMAT, "8 " }, { "11,0,0,0,0,0,0,0", TENDO_EINVAL, "item 1 must be 0-10" },
		{ "0,0,0,0,0,-1,0,0", TENDO_EINVAL, "item 6 must be 0-10" },
		{ "0,0,0,0,0,0,0,31", TENDO_EINVAL, "item 8 must be 0-30" },
		{ "0,0,0,0,0,0,0,99999999999", TENDO_EFORMAT, "8 " },
	};
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(tendo_visa_parse(&v, bad[k].s), bad[k].rc);
		if (!strstr(tendo_error_last(), bad[k].msg))
			fail_msg("'%s': message '%s' lacks '%s'", bad[k].s, tendo_error_last(), bad[k].msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days),
		cmocka_unit_test(times),
		cmocka_unit_test(visa),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
