/*
 * test_report.c - the report (tendo/report.h): prescribed against done
 * counted day by day, the ten charts each with data from a story, an empty
 * log that still renders and says so, a page that asks for nothing from the
 * network, bad ranges refused, allocation failures reported and not leaked.
 * tests/cli/report.sh renders the page in headless Chromium.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/report.h>

#include "fixtures.h"
#include "util/alloc.h"

/* Ready to run by day 22 (fx_ready), mornings to day 61 (one raised on day
 * 30), a VISA-H on day 1; the runs are added by each test. */
static void story(fx_log *f)
{
	fx_ready(f, 61);
	f->log.pain[60].score = 2; /* day 30's task */
	fx_visa(f, 1, 10);
	fx_visa(f, 29, 20);
	fx_sitting(f, 12, 3.5);
}

static int data_points(const char *svg)
{
	const char *p = strstr(svg, "data-points=\"");
	return p ? atoi(p + 13) : -1;
}

static void adherence_counts(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	story(&f);
	tendo_profile p;
	fx_profile(&p);
	/* follow the prescriptions from day 22 for two weeks, then one extra run */
	tendo_report_day days[14];
	for (int i = 0; i < 14; i++) {
		assert_int_equal(tendo_report_days(days, 1, &p, &f.log, fx_day(22 + i)), 0);
		if (days[0].run_prescribed)
			fx_run(&f, 22 + i, days[0].run_minutes, 0);
		if (days[0].strength_prescribed)
			fx_rehab(&f, 22 + i, "prone-curl", 3, 8, -1, 20, 1);
		else if (days[0].rehab_prescribed)
			fx_rehab(&f, 22 + i, "iso-bridge", 5, -1, 30, -1, 0);
	}
	assert_int_equal(tendo_report_days(days, 14, &p, &f.log, fx_day(22)), 0);
	tendo_adherence a;
	tendo_report_adherence(&a, days, 14);
	assert_true(a.runs_prescribed >= 3);
	assert_int_equal(a.runs_done, a.runs_prescribed);
	assert_int_equal(a.runs_extra, 0);
	assert_int_equal(a.strength_done, a.strength_prescribed);
	assert_true(a.percent > 99.9);
	assert_int_equal(days[0].stage, TENDO_STAGE_RETURN_TO_RUN);

	/* an extra run on a day without one, one run twice as long, one strength session skipped */
	int rest = -1, run = -1, str = -1;
	for (int i = 0; i < 14; i++) {
		if (!days[i].run_prescribed && rest < 0)
			rest = i;
		if (days[i].run_prescribed && run < 0)
			run = i;
		if (days[i].strength_prescribed)
			str = i;
	}
	assert_true(rest >= 0 && run >= 0 && str >= 0);
	days[rest].run_done_min = 20;
	days[run].run_done_min = days[run].run_minutes * 2.0;
	days[str].strength_done = false;
	tendo_report_adherence(&a, days, 14);
	assert_int_equal(a.runs_extra, 1);
	assert_int_equal(a.runs_longer, 1);
	assert_int_equal(a.strength_done, a.strength_prescribed - 1);
	assert_true(a.percent < 100);

	/* nothing prescribed: no percentage */
	tendo_report_adherence(&a, days, 0);
	assert_true(isnan(a.percent));
	assert_int_equal(tendo_report_days(days, 0, &p, &f.log, fx_day(0)), TENDO_EINVAL);
	fx_log_free(&f);
}

/* The stage moves on the days the engine says, named by the rule. */
static void stage_moves(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	story(&f);
	tendo_profile p;
	fx_profile(&p);
	tendo_report_day days[30];
	assert_int_equal(tendo_report_days(days, 30, &p, &f.log, fx_day(0)), 0);
	int moves = 0;
	for (int i = 0; i < 30; i++) {
		if (days[i].moved_by) {
			moves++;
			assert_true(i > 0);
			assert_int_not_equal(days[i].stage, days[i - 1].stage);
		} else if (i > 0) {
			assert_int_equal(days[i].stage, days[i - 1].stage);
		}
	}
	assert_int_equal(moves, 2); /* settle -> strength -> return to run */
	assert_int_equal(days[29].stage, TENDO_STAGE_RETURN_TO_RUN);
	fx_log_free(&f);
}

static void charts_have_data(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	story(&f);
	for (int d = 22; d <= 60; d += 2)
		fx_run(&f, d, 5 + d / 4, d == 30 ? 4 : 1)->pain_after = 2;
	tendo_profile p;
	fx_profile(&p);
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(60), .today = fx_day(60), .generated = 1795000000 };
	tendo_report_chart c[TENDO_REPORT_CHARTS];
	assert_int_equal(tendo_report_charts(c, &p, &f.log, &o), 0);
	const char *ids[] = { "chart-pain", "chart-load", "chart-volume", "chart-acwr", "chart-stage", "chart-lsi",
		              "chart-strength", "chart-visa", "chart-adherence", "chart-sitting" };
	assert_int_equal(sizeof(ids) / sizeof(ids[0]), TENDO_REPORT_CHARTS);
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
		assert_string_equal(c[k].id, ids[k]);
		assert_non_null(strstr(c[k].svg, ids[k]));
		assert_int_equal(strlen(c[k].svg), c[k].len);
		assert_true(data_points(c[k].svg) > 0);
	}
	/* 61 task scores + during/after + 20 run days of minutes */
	assert_true(data_points(c[0].svg) >= 61 + 20);
	/* ACWR from day 27 on (28 days of data) */
	assert_int_equal(data_points(c[3].svg), 61 - 27);
	/* one test: two LSI points */
	assert_int_equal(data_points(c[5].svg), 2);
	/* the stage timeline marks the two moves, in words */
	assert_non_null(strstr(c[4].svg, ">to 2 strength<"));
	assert_non_null(strstr(c[4].svg, ">to 2b return to run<"));
	assert_null(strstr(c[4].svg, "stage.settle.exit"));
	/* prone curl at 20 kg on the odd days 7-21 (both legs: one line); two VISA-H; one sitting day */
	assert_int_equal(data_points(c[6].svg), 8);
	assert_non_null(strstr(c[6].svg, "data-name=\"Prone (lying) hamstring curl, heavy slow"));
	assert_int_equal(data_points(c[7].svg), 2);
	assert_int_equal(data_points(c[9].svg), 1);
	tendo_report_charts_free(c);
	for (int k = 0; k < TENDO_REPORT_CHARTS; k++)
		assert_null(c[k].svg);
	fx_log_free(&f);
}

/* Over more than 26 weeks the pain and load charts show weeks, not days. */
static void long_range_by_week(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 199); /* a task score every day for 200 days */
	tendo_profile p;
	fx_profile(&p);
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(199), .today = fx_day(199), .generated = 1795000000 };
	tendo_report_chart c[TENDO_REPORT_CHARTS];
	assert_int_equal(tendo_report_charts(c, &p, &f.log, &o), 0);
	/* fx_day(0) is a Monday: 200 days = 29 weeks (the last one partial), one task
	 * mean each, and a "during" maximum for the 4 weeks with rehab (days 0-21) */
	assert_int_equal(tendo_date_weekday(fx_day(0)), 0);
	assert_non_null(strstr(c[0].svg, "by week"));
	assert_non_null(strstr(c[0].svg, "morning score (week mean)"));
	assert_int_equal(data_points(c[0].svg), 29 + 4);
	assert_non_null(strstr(c[1].svg, "Weekly training load"));
	tendo_report_charts_free(c);

	/* 182 days: still daily; 182 task scores, 15 days of rehab pain */
	o.to = fx_day(181);
	assert_int_equal(tendo_report_charts(c, &p, &f.log, &o), 0);
	assert_null(strstr(c[0].svg, "by week"));
	assert_int_equal(data_points(c[0].svg), 182 + 15);
	tendo_report_charts_free(c);
	fx_log_free(&f);
}

static void html_page(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	story(&f);
	tendo_profile p;
	fx_profile(&p);
	snprintf(p.name, sizeof(p.name), "Ana <\"&'>");
	tendo_schedule sc;
	tendo_schedule_default(&sc);
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(40), .today = fx_day(40), .generated = 1795000000 };
	char *html = NULL;
	size_t len = 0;
	assert_int_equal(tendo_report_html(&html, &len, &p, &sc, &f.log, &o), 0);
	assert_int_equal(strlen(html), len);
	assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
	assert_non_null(strstr(html, "</html>"));
	assert_non_null(strstr(html, "Ana &lt;&quot;&amp;&#39;&gt;") ? html : strstr(html, "Ana &lt;"));
	assert_null(strstr(html, "Ana <"));
	/* self-contained: no script, nothing fetched */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	for (const char *h = html; (h = strstr(h, "http")); h++) /* only the SVG namespace and http-equiv */
		if (strncmp(h - 7, "xmlns=\"http://www.w3.org/2000/svg\"", 34) != 0 && strncmp(h, "http-equiv=", 11) != 0)
			fail_msg("the page names an address: %.60s", h - 20);
	assert_null(strstr(html, "@import"));
	for (const char *u = html; (u = strstr(u, "url(")); u++)
		assert_int_equal(u[4], '#'); /* only references inside the page (clip paths) */
	assert_non_null(strstr(html, "default-src 'none'"));
	assert_non_null(strstr(html, "name=\"viewport\""));
	/* every chart, the prescription with rule ids, the weeks, the outcomes */
	const char *ids[] = { "chart-pain", "chart-load", "chart-volume", "chart-acwr", "chart-stage", "chart-lsi",
		              "id=\"today\"", "id=\"rules\"", "id=\"weeks\"", "id=\"outcomes\"", "id=\"summary\"",
		              "<li data-rule=\"", "id=\"references\"", ">80/100</td>" };
	for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++)
		if (!strstr(html, ids[k]))
			fail_msg("the report has no %s", ids[k]);
	assert_null(strstr(html, "id=\"nothing\""));
	for (const char *h = html; (h = strstr(h, "nan")); h++) /* as a number, not in a name ("Tenan") */
		if (!(h[-1] >= 'a' && h[-1] <= 'z') && !(h[-1] >= 'A' && h[-1] <= 'Z'))
			fail_msg("nan in the page: %.40s", h - 10);
	free(html);

	/* an empty log: says so, still renders every chart */
	tendo_log empty = { 0 };
	assert_int_equal(tendo_report_html(&html, &len, &p, NULL, &empty, &o), 0);
	assert_non_null(strstr(html, "id=\"nothing\""));
	assert_non_null(strstr(html, "Nothing logged"));
	for (size_t k = 0; k < 6; k++)
		assert_non_null(strstr(html, ids[k]));
	assert_non_null(strstr(html, "no data yet"));
	free(html);

	/* bad ranges */
	o.from = fx_day(10), o.to = fx_day(9);
	assert_int_equal(tendo_report_html(&html, &len, &p, NULL, &empty, &o), TENDO_EINVAL);
	assert_null(html);
	o.from = fx_day(0), o.to = fx_day(8000);
	assert_int_equal(tendo_report_html(&html, &len, &p, NULL, &empty, &o), TENDO_EINVAL);
	tendo_report_chart c[TENDO_REPORT_CHARTS];
	assert_int_equal(tendo_report_charts(c, &p, &empty, &o), TENDO_EINVAL);
	fx_log_free(&f);
}

/* Every allocation may fail: the error is reported, nothing leaks (ASan). */
static void allocation_failures(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	story(&f);
	tendo_profile p;
	fx_profile(&p);
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(30), .today = fx_day(30), .generated = 1795000000 };
	int failures = 0;
	for (long k = 1;; k++) {
		char *html = NULL;
		tendo_alloc_fail_at(k);
		int rc = tendo_report_html(&html, NULL, &p, NULL, &f.log, &o);
		tendo_alloc_fail_at(0);
		if (rc == 0) {
			free(html);
			break;
		}
		assert_int_equal(rc, TENDO_ENOMEM);
		assert_null(html);
		failures++;
		assert_true(k < 100000);
	}
	assert_true(failures > 10);
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adherence_counts),
		cmocka_unit_test(stage_moves),
		cmocka_unit_test(charts_have_data),
		cmocka_unit_test(long_range_by_week),
		cmocka_unit_test(html_page),
		cmocka_unit_test(allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
