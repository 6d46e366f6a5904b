/*
 * fuzz_date.c - libFuzzer target for the small parsers of text a user or a
 * restored file gives: dates (tendo_date_parse), training days and times of
 * day (tendo/schedule.h), VISA-H items, every enum name, time zone names,
 * setting names and values, and the command line's number, date and time
 * parsers (src/cli/cli.c: cli_int, cli_double, cli_num_int, cli_num_double,
 * cli_date, cli_time). The input is split at newlines; each line goes
 * through every parser. What is accepted must round-trip: a parsed date
 * formats back to the same text, a day list to the same set, a time to
 * 0-1439, a number to its range. Built with -fsanitize=fuzzer by
 * `make fuzz`; replayed over fuzz/corpus/date by ctest.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/tendo.h>

#include "cli.h" /* src/cli */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one(const char *s, const char *next)
{
	tendo_date d;
	if (tendo_date_parse(&d, s) == 0) {
		char buf[TENDO_DATE_BUFSZ];
		int y, m, dd;
		if (strcmp(tendo_date_format(d, buf), s) != 0)
			abort(); /* exactly YYYY-MM-DD: formats back to itself */
		tendo_date_to_ymd(d, &y, &m, &dd);
		if (tendo_date_from_ymd(y, m, dd) != d || tendo_date_weekday(d) < 0 || tendo_date_weekday(d) > 6)
			abort();
		(void)tendo_date_noon_utc(d, "UTC");
	}
	unsigned days;
	if (tendo_schedule_parse_days(&days, s) == 0) {
		char buf[TENDO_DAYS_BUFSZ];
		unsigned again;
		if (tendo_schedule_parse_days(&again, tendo_schedule_format_days(days, buf)) != 0 || again != days)
			abort();
	}
	int t;
	if (tendo_schedule_parse_time(&t, s) == 0 && (t < 0 || t > 1439))
		abort();
	tendo_visa v;
	if (tendo_visa_parse(&v, s) == 0 && (v.total < 0 || v.total > 100 || tendo_visa_check(v.items) != 0))
		abort();
	int e;
	(void)tendo_side_parse((tendo_side *)&e, s);
	(void)tendo_pain_kind_parse((tendo_pain_kind *)&e, s);
	(void)tendo_terrain_parse((tendo_terrain *)&e, s);
	(void)tendo_intent_parse((tendo_intent *)&e, s);
	(void)tendo_cross_kind_parse((tendo_cross_kind *)&e, s);
	(void)tendo_flag_kind_parse((tendo_flag_kind *)&e, s);
	(void)tendo_aggravator_kind_parse((tendo_aggravator_kind *)&e, s);
	(void)tendo_stage_parse((tendo_stage *)&e, s);
	(void)tendo_ex_kind_parse((tendo_ex_kind *)&e, s);
	if (strlen(s) < 64)
		(void)tendo_tz_valid(s); /* a zone from a restored profile: no path tricks */
	tendo_settings st;
	tendo_settings_default(&st);
	(void)tendo_settings_set(&st, s, next ? strtod(next, NULL) : 1.0);

	cli_ctx ctx = { .cmd = "fuzz" };
	int i;
	double x;
	if (cli_int(&ctx, "n", s, -5, 100, &i) == 0 && (i < -5 || i > 100))
		abort();
	if (cli_double(&ctx, "x", s, 0.5, 42.5, &x) == 0 && !(x >= 0.5 && x <= 42.5))
		abort();
	if (cli_num_int(&ctx, "n", s, 0, 10, &i) == 0 && i < 0)
		abort();
	if (cli_num_double(&ctx, "x", s, 0, 10, &x) == 0 && !(isfinite(x) && x >= 0))
		abort();
	(void)cli_date(&ctx, "date", s, &d);
	(void)cli_time(&ctx, "time", s, &t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	if (!quiet) { /* the cli_ parsers' messages, not the sanitizers' reports (fd 2) */
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
		quiet = 1;
	}
	if (size > 4096)
		return 0;
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *lines[64];
	size_t n = 0;
	for (char *p = buf; n < 64;) {
		lines[n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	for (size_t k = 0; k < n; k++)
		one(lines[k], k + 1 < n ? lines[k + 1] : NULL);
	free(buf);
	return 0;
}
