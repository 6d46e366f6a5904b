/*
 * test_date.c - unit tests of calendar dates and zones (tendo/date.h):
 * tendo_date_parse (good dates, leap years, impossible dates -> EINVAL,
 * malformed strings -> EFORMAT), the day-number <-> civil date and format
 * round trips over the whole supported range, weekdays, tendo_tz_valid
 * (IANA names vs paths and unknown zones), the local day of a UTC instant
 * in a zone, local noon as a UTC instant, and that the caller's TZ is left
 * as it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tendo/date.h>
#include <tendo/errors.h>

#define JAN5_2026 20458 /* 2026-01-05, a Monday: fx_day(0) of the fixtures */

static tendo_date parse_ok(const char *s)
{
	tendo_date d = TENDO_DATE_NONE;
	int rc = tendo_date_parse(&d, s);
	if (rc != 0)
		fail_msg("'%s': %s (%s)", s, tendo_error_name(rc), tendo_error_last());
	return d;
}

static void parse_fails(const char *s, int code)
{
	tendo_date d = 12345;
	int rc = tendo_date_parse(&d, s);
	if (rc != code)
		fail_msg("'%s': got %s, expected %s", s ? s : "(null)", tendo_error_name(rc), tendo_error_name(code));
	assert_true(tendo_error_last()[0] != '\0');
}

static void parse_good(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1970-01-01"), 0);
	assert_int_equal(parse_ok("1970-01-02"), 1);
	assert_int_equal(parse_ok("1969-12-31"), -1);
	assert_int_equal(parse_ok("2000-01-01"), 10957);
	assert_int_equal(parse_ok("2026-01-05"), JAN5_2026);
	assert_int_equal(parse_ok("1900-01-01"), -25567); /* the first supported year */
	assert_int_equal(parse_ok("2999-12-31"), 376199); /* the last */
	assert_int_equal(parse_ok("2026-12-31") - parse_ok("2026-01-01"), 364);
	assert_int_equal(parse_ok("2024-12-31") - parse_ok("2024-01-01"), 365);
	assert_int_equal(parse_ok("2026-01-05"), tendo_date_from_ymd(2026, 1, 5));
}

static void parse_leap_years(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2024-02-29"), 19782);
	assert_int_equal(parse_ok("2024-03-01") - parse_ok("2024-02-28"), 2);
	assert_int_equal(parse_ok("2000-02-29"), 11016); /* divisible by 400 */
	parse_fails("2026-02-29", TENDO_EINVAL);
	parse_fails("1900-02-29", TENDO_EINVAL);         /* by 100, not 400 */
	parse_fails("2100-02-29", TENDO_EINVAL);
	parse_ok("2400-02-29");
	assert_int_equal(parse_ok("2026-03-01") - parse_ok("2026-02-28"), 1);
}

static void parse_impossible(void **state)
{
	(void)state;
	parse_fails("2026-02-30", TENDO_EINVAL);
	parse_fails("2026-04-31", TENDO_EINVAL);
	parse_fails("2026-13-01", TENDO_EINVAL);
	parse_fails("2026-00-10", TENDO_EINVAL);
	parse_fails("2026-01-00", TENDO_EINVAL);
	parse_fails("2026-01-32", TENDO_EINVAL);
	parse_fails("1899-12-31", TENDO_EINVAL); /* years 1900-2999 */
	parse_fails("3000-01-01", TENDO_EINVAL);
	parse_fails("0000-01-01", TENDO_EINVAL);
	parse_ok("2026-04-30");
	parse_ok("2026-01-31");
}

static void parse_malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2026-1-01", "2026-01-1", "2026/01/01", "", "20260101", "2026-01-01x", "2026-01-01 ",
		" 2026-01-01", "2026-01-0a", "+026-01-01", "-026-01-01", "2026--1-01", "2026-01--1",
		"2026-01", "26-01-01", "2026-01-01T00:00:00Z", "yyyy-mm-dd", "2026.01.01",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_fails(bad[i], TENDO_EFORMAT);
	parse_fails(NULL, TENDO_EFORMAT);
	/* the message quotes the input */
	tendo_date d;
	assert_int_equal(tendo_date_parse(&d, "2026/01/01"), TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "2026/01/01"));
}

static void format_round_trip(void **state)
{
	(void)state;
	char buf[TENDO_DATE_BUFSZ];
	assert_string_equal(tendo_date_format(0, buf), "1970-01-01");
	assert_string_equal(tendo_date_format(JAN5_2026, buf), "2026-01-05");
	assert_string_equal(tendo_date_format(-25567, buf), "1900-01-01");
	assert_string_equal(tendo_date_format(11016, buf), "2000-02-29");
	assert_ptr_equal(tendo_date_format(0, buf), buf);

	/* every day of 1900-2999: format, parse back, split and join */
	tendo_date lo = tendo_date_from_ymd(1900, 1, 1), hi = tendo_date_from_ymd(2999, 12, 31);
	int prev_y = 1899, prev_m = 12, prev_d = 31;
	for (tendo_date d = lo; d <= hi; d++) {
		tendo_date_format(d, buf);
		assert_int_equal(strlen(buf), 10);
		tendo_date back = TENDO_DATE_NONE;
		if (tendo_date_parse(&back, buf) != 0 || back != d)
			fail_msg("day %ld formats as %s, parses as %ld", (long)d, buf, (long)back);
		int y, m, dd;
		tendo_date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(tendo_date_from_ymd(y, m, dd), d);
		/* consecutive days: the next day of the month, or the first of the next month */
		bool next = (y == prev_y && m == prev_m && dd == prev_d + 1) ||
		            (dd == 1 && ((y == prev_y && m == prev_m + 1) || (y == prev_y + 1 && m == 1 && prev_m == 12)));
		if (!next)
			fail_msg("%04d-%02d-%02d follows %04d-%02d-%02d", y, m, dd, prev_y, prev_m, prev_d);
		prev_y = y;
		prev_m = m;
		prev_d = dd;
	}
	assert_int_equal(prev_y, 2999);

	/* day numbers beyond the parse range still split and join */
	for (tendo_date d = -800000; d <= 2000000; d += 997) {
		int y, m, dd;
		tendo_date_to_ymd(d, &y, &m, &dd);
		assert_true(m >= 1 && m <= 12 && dd >= 1 && dd <= 31);
		assert_int_equal(tendo_date_from_ymd(y, m, dd), d);
	}
}

static void weekdays(void **state)
{
	(void)state;
	assert_int_equal(tendo_date_weekday(JAN5_2026), 0);     /* Monday */
	assert_int_equal(tendo_date_weekday(JAN5_2026 + 6), 6); /* Sunday 2026-01-11 */
	assert_int_equal(tendo_date_weekday(0), 3);             /* 1970-01-01, a Thursday */
	assert_int_equal(tendo_date_weekday(-1), 2);            /* 1969-12-31, a Wednesday */
	assert_int_equal(tendo_date_weekday(tendo_date_from_ymd(2000, 2, 29)), 1); /* a Tuesday */
	assert_int_equal(tendo_date_weekday(tendo_date_from_ymd(1900, 1, 1)), 0);  /* a Monday */
	for (tendo_date d = -30000; d < 30000; d++) {
		int w = tendo_date_weekday(d);
		assert_true(w >= 0 && w <= 6);
		assert_int_equal(tendo_date_weekday(d + 1), (w + 1) % 7);
	}
}

static void tz_names(void **state)
{
	(void)state;
	assert_true(tendo_tz_valid("UTC"));
	assert_true(tendo_tz_valid("Europe/London"));
	assert_true(tendo_tz_valid("Europe/Berlin"));
	assert_true(tendo_tz_valid("America/New_York"));
	assert_true(tendo_tz_valid("Etc/GMT+5"));

	assert_false(tendo_tz_valid("../etc/passwd"));
	assert_false(tendo_tz_valid("/etc/passwd"));
	assert_false(tendo_tz_valid("Europe/../UTC"));
	assert_false(tendo_tz_valid("Nowhere/City"));
	assert_false(tendo_tz_valid(""));
	assert_false(tendo_tz_valid(NULL));
	assert_false(tendo_tz_valid("Europe"));        /* a folder, not a zone */
	assert_false(tendo_tz_valid("Europe/London "));
	assert_false(tendo_tz_valid("Europe/London;rm"));
	assert_false(tendo_tz_valid("europe/london")); /* names are case-sensitive files */
}

static time_t utc(int y, int m, int d, int hh, int mm)
{
	return (time_t)tendo_date_from_ymd(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

static void date_of_instant(void **state)
{
	(void)state;
	time_t t = utc(2026, 6, 30, 23, 30); /* 2026-06-30T23:30:00Z */
	assert_int_equal(t, 1782862200);
	assert_int_equal(tendo_date_of_instant(t, "Europe/Berlin"), tendo_date_from_ymd(2026, 7, 1));
	assert_int_equal(tendo_date_of_instant(t, "UTC"), tendo_date_from_ymd(2026, 6, 30));
	assert_int_equal(tendo_date_of_instant(t, NULL), tendo_date_from_ymd(2026, 6, 30));
	assert_int_equal(tendo_date_of_instant(t, ""), tendo_date_from_ymd(2026, 6, 30));
	assert_int_equal(tendo_date_of_instant(t, "America/New_York"), tendo_date_from_ymd(2026, 6, 30));
	assert_int_equal(tendo_date_of_instant(t, "Asia/Tokyo"), tendo_date_from_ymd(2026, 7, 1));

	/* winter: Berlin is UTC+1, New York UTC-5 */
	assert_int_equal(tendo_date_of_instant(utc(2026, 1, 5, 22, 59), "Europe/Berlin"), JAN5_2026);
	assert_int_equal(tendo_date_of_instant(utc(2026, 1, 5, 23, 0), "Europe/Berlin"), JAN5_2026 + 1);
	assert_int_equal(tendo_date_of_instant(utc(2026, 1, 5, 4, 59), "America/New_York"), JAN5_2026 - 1);
	assert_int_equal(tendo_date_of_instant(utc(2026, 1, 5, 5, 0), "America/New_York"), JAN5_2026);
	/* summer: Berlin is UTC+2 */
	assert_int_equal(tendo_date_of_instant(utc(2026, 6, 30, 21, 59), "Europe/Berlin"),
	                 tendo_date_from_ymd(2026, 6, 30));
	assert_int_equal(tendo_date_of_instant(utc(2026, 6, 30, 22, 0), "Europe/Berlin"),
	                 tendo_date_from_ymd(2026, 7, 1));
}

static void noon_utc(void **state)
{
	(void)state;
	char buf[21];
	assert_int_equal(tendo_date_noon_utc(JAN5_2026, "UTC"), 1767614400);
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(JAN5_2026, "UTC"), buf), "2026-01-05T12:00:00Z");
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(JAN5_2026, NULL), buf), "2026-01-05T12:00:00Z");
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(JAN5_2026, "Europe/Berlin"), buf),
	                    "2026-01-05T11:00:00Z");
	tendo_date jul1 = tendo_date_from_ymd(2026, 7, 1);
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(jul1, "Europe/Berlin"), buf), "2026-07-01T10:00:00Z");
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(jul1, "America/New_York"), buf),
	                    "2026-07-01T16:00:00Z");
	assert_string_equal(tendo_instant_format(tendo_date_noon_utc(jul1, "Asia/Tokyo"), buf), "2026-07-01T03:00:00Z");
	assert_string_equal(tendo_instant_format(0, buf), "1970-01-01T00:00:00Z");

	/* local noon falls on its own day, every day of 2026, DST changes included */
	static const char *const zones[] = { "UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo" };
	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++)
		for (tendo_date d = tendo_date_from_ymd(2026, 1, 1); d <= tendo_date_from_ymd(2026, 12, 31); d++) {
			time_t t = tendo_date_noon_utc(d, zones[z]);
			if (tendo_date_of_instant(t, zones[z]) != d)
				fail_msg("noon of day %ld in %s is on another day", (long)d, zones[z]);
			if (tendo_date_of_instant(t, "UTC") != d) /* noon is within 12 h of UTC for these */
				fail_msg("noon of day %ld in %s is not that day in UTC", (long)d, zones[z]);
		}
}

static void caller_tz_kept(void **state)
{
	(void)state;
	const char *had = getenv("TZ");
	char *saved = had ? strdup(had) : NULL;

	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	tendo_date_of_instant(0, "Europe/Berlin");
	tendo_date_noon_utc(JAN5_2026, "America/New_York");
	assert_non_null(getenv("TZ"));
	assert_string_equal(getenv("TZ"), "Asia/Tokyo");

	unsetenv("TZ");
	tzset();
	tendo_date_of_instant(0, "Europe/Berlin");
	tendo_date_noon_utc(JAN5_2026, "America/New_York");
	assert_null(getenv("TZ"));

	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	}
	tzset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_good),
		cmocka_unit_test(parse_leap_years),
		cmocka_unit_test(parse_impossible),
		cmocka_unit_test(parse_malformed),
		cmocka_unit_test(format_round_trip),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(tz_names),
		cmocka_unit_test(date_of_instant),
		cmocka_unit_test(noon_utc),
		cmocka_unit_test(caller_tz_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
