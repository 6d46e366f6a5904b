/*
 * test_report_charts.c - the report for a physio (tendo/report.h, issue 9):
 * every chart parses with expat and their x axes have one width and the
 * same ends, so they line up down the page; the pain chart has a stage
 * band per stage, a flare marker on each flared morning and its pain dots
 * by where they came from; every source the engine can name has a full
 * citation, and the page cites numbers instead of "seed 003" or
 * "PROTOCOL.md 8"; with css_href the page has no inline style at all.
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
#include <expat.h>

#include <tendo/protocol.h>
#include <tendo/report.h>

#include "fixtures.h"

/* ---- what expat finds in one chart ---- */

typedef struct {
	double view_w;             /* the viewBox width */
	double axis_x1, axis_x2;   /* the x axis: the first line of <g class="axis"> */
	int in_axis, axis_lines;
	int spans;                 /* <rect class="span"> */
	int markers;               /* <g class="marker"> */
	char marker_titles[32][96];
	int in_marker_title;       /* collecting a marker's <title> */
	int depth_marker;
	char series[8][64];        /* data-name of the series groups, in order */
	int points[8];             /* "point" circles in each */
	int n_series, cur_series, series_depth, depth;
	int style_attrs;           /* style="..." anywhere */
} svg_facts;

static const char *attr(const XML_Char **a, const char *name)
{
	for (; a[0]; a += 2)
		if (!strcmp(a[0], name))
			return a[1];
	return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	svg_facts *f = ud;
	f->depth++;
	if (attr(a, "style"))
		f->style_attrs++;
	const char *cls = attr(a, "class");
	if (!strcmp(name, "svg")) {
		const char *vb = attr(a, "viewBox");
		double x, y, w, h;
		assert_non_null(vb);
		assert_int_equal(sscanf(vb, "%lf %lf %lf %lf", &x, &y, &w, &h), 4);
		f->view_w = w;
	}
	if (!strcmp(name, "g") && cls && !strcmp(cls, "axis"))
		f->in_axis = f->depth;
	if (f->in_axis && !strcmp(name, "line") && f->axis_lines++ == 0) {
		f->axis_x1 = atof(attr(a, "x1"));
		f->axis_x2 = atof(attr(a, "x2"));
	}
	if (!strcmp(name, "rect") && cls && !strcmp(cls, "span"))
		f->spans++;
	if (!strcmp(name, "g") && cls && !strcmp(cls, "marker")) {
		f->depth_marker = f->depth;
		f->markers++;
	}
	if (f->depth_marker && !strcmp(name, "title") && f->markers <= 32) {
		f->in_marker_title = 1;
		f->marker_titles[f->markers - 1][0] = '\0';
	}
	if (!strcmp(name, "g") && cls && !strncmp(cls, "series ", 7) && f->n_series < 8) {
		const char *dn = attr(a, "data-name");
		snprintf(f->series[f->n_series], sizeof(f->series[0]), "%s", dn ? dn : "");
		f->cur_series = f->n_series++;
		f->series_depth = f->depth;
	}
	if (f->series_depth && !strcmp(name, "circle") && cls && !strcmp(cls, "point"))
		f->points[f->cur_series]++;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	svg_facts *f = ud;
	if (f->in_axis == f->depth)
		f->in_axis = 0;
	if (f->depth_marker == f->depth)
		f->depth_marker = 0;
	if (f->series_depth == f->depth)
		f->series_depth = 0;
	if (!strcmp(name, "title"))
		f->in_marker_title = 0;
	f->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	svg_facts *f = ud;
	if (!f->in_marker_title)
		return;
	char *t = f->marker_titles[f->markers - 1];
	size_t have = strlen(t);
	snprintf(t + have, 96 - have, "%.*s", len, s);
}

static void parse(svg_facts *f, const char *svg)
{
	memset(f, 0, sizeof(*f));
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, f);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, svg, (int)strlen(svg), 1) != XML_STATUS_OK)
		fail_msg("not well-formed at line %lu: %s", (unsigned long)XML_GetCurrentLineNumber(p),
		         XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
}

static int series_points(const svg_facts *f, const char *name)
{
	for (int i = 0; i < f->n_series; i++)
		if (!strcmp(f->series[i], name))
			return f->points[i];
	fail_msg("no series \"%s\"", name);
	return -1;
}

/* Ready by day 22; runs from day 23 every other day with pain during
 * (1) and after (2); a flare (task 6) on days 40 and 47; a pain report
 * during a rehab session on day 44; stairs with pain 2 on day 50; a
 * VISA-H on day 1. */
static void story(fx_log *f, tendo_profile *p)
{
	fx_ready(f, 60);
	for (int d = 23; d <= 59; d += 2)
		fx_run(f, d, 10, 1)->pain_after = 2;
	for (size_t k = 0; k < f->log.n_pain; k++)
		if (f->log.pain[k].kind == TENDO_PAIN_TASK && (f->log.pain[k].date == fx_day(40) ||
		                                               f->log.pain[k].date == fx_day(47)))
			f->log.pain[k].score = 6;
	tendo_rehab *r = fx_rehab(f, 44, "prone-curl", 3, 8, -1, 20, -1);
	fx_pain(f, 44, TENDO_PAIN_DURING, 3);
	f->log.pain[f->log.n_pain - 1].session_id = r->id;
	fx_visa(f, 1, 10);
	fx_cross(f, 50, TENDO_CROSS_STAIRS, 20, 2);
	fx_rehab(f, 52, "<b>my \"sled\"</b>", 3, 8, -1, 40, 0)->side = TENDO_SIDE_LEFT;
	fx_profile(p);
}

/* Every chart parses; one viewBox width, one x axis from the same x to the
 * same x, whether the chart is daily or weekly: the axes line up. */
static void axes_line_up(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	tendo_profile p;
	story(&f, &p);
	tendo_date from_days[] = { fx_day(2), fx_day(0) };   /* a Wednesday and a Monday */
	int lengths[] = { 59, 300 };                          /* daily, and weekly pain and load charts */
	for (int r = 0; r < 2; r++) {
		tendo_report_options o = { .from = from_days[r], .to = from_days[r] + lengths[r] - 1,
			                   .today = from_days[r] + lengths[r] - 1, .generated = 1795000000 };
		tendo_report_chart c[TENDO_REPORT_CHARTS];
		assert_int_equal(tendo_report_charts(c, &p, &f.log, &o), 0);
		svg_facts first, x;
		parse(&first, c[0].svg);
		assert_true(first.axis_lines > 0);
		assert_true(first.axis_x2 - first.axis_x1 > 200);
		for (int k = 0; k < TENDO_REPORT_CHARTS; k++) {
			parse(&x, c[k].svg);
			if (x.view_w != first.view_w || x.axis_x1 != first.axis_x1 || x.axis_x2 != first.axis_x2)
				fail_msg("%s: width %g, x axis %g-%g; %s: %g, %g-%g", c[k].id, x.view_w, x.axis_x1, x.axis_x2,
				         c[0].id, first.view_w, first.axis_x1, first.axis_x2);
			assert_int_equal(x.style_attrs, 0); /* presentation attributes only: style-src 'self' */
		}
		tendo_report_charts_free(c);
	}
	fx_log_free(&f);
}

/* The pain chart: a band per stage (as the timeline has them), a flare
 * marker on each flared morning and nowhere else, and pain dots by source. */
static void pain_chart(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	tendo_profile p;
	story(&f, &p);
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(60), .today = fx_day(60), .generated = 1795000000 };
	tendo_report_day days[61];
	assert_int_equal(tendo_report_days(days, 61, &p, &f.log, fx_day(0)), 0);
	int stages = 0, flares = 0;
	char flare_days[8][12];
	for (int i = 0; i < 61; i++) {
		stages += i == 0 || days[i].stage != days[i - 1].stage;
		if (days[i].morning_class == 'f' && flares < 8) {
			int y, m, d;
			tendo_date_to_ymd(days[i].date, &y, &m, &d);
			snprintf(flare_days[flares++], sizeof(flare_days[0]), "%d", d);
		}
	}
	assert_true(stages >= 3);     /* settle, strength, return to run (and back after a flare) */
	assert_true(flares >= 2);     /* days 40 and 47 at least */

	tendo_report_chart c[TENDO_REPORT_CHARTS];
	assert_int_equal(tendo_report_charts(c, &p, &f.log, &o), 0);
	svg_facts x;
	parse(&x, c[0].svg);
	assert_int_equal(x.spans, stages);
	assert_int_equal(x.markers, flares);
	for (int k = 0; k < flares; k++) {
		assert_non_null(strstr(x.marker_titles[k], "flare"));
		/* "flare, 9 Feb 2026": the day of the flare */
		char want[24];
		snprintf(want, sizeof(want), ", %.11s ", flare_days[k]);
		if (!strstr(x.marker_titles[k], want))
			fail_msg("marker %d \"%s\" is not on a flared day (%s)", k, x.marker_titles[k], flare_days[k]);
	}
	/* dots: runs on the 19 odd days 23-59; rehab pain on the logged sessions (days 0-6 and odd
	 * days 7-21 from fx_ready, day 44's report, day 52's sled); after on the 19 run days */
	assert_int_equal(series_points(&x, "during a run"), 19);
	assert_int_equal(series_points(&x, "during rehab"), 7 + 8 + 1 + 1);
	assert_int_equal(series_points(&x, "after"), 19);
	assert_int_equal(series_points(&x, "during cross-training"), 1);
	/* the strength chart: prone curl at 20 kg, the odd days 7-21 and day 44, one trend line;
	 * then the athlete's own exercise, its name escaped (parse() fails on markup) */
	parse(&x, c[6].svg);
	assert_int_equal(x.n_series, 2);
	assert_int_equal(x.points[0], 9);
	assert_int_equal(x.points[1], 1);
	assert_non_null(strstr(c[6].svg, "class=\"series s0 trend\""));
	assert_non_null(strstr(c[6].svg, "&lt;b&gt;my &quot;sled&quot;&lt;/b&gt;, left"));
	assert_null(strstr(c[6].svg, "<b>"));
	tendo_report_charts_free(c);
	fx_log_free(&f);
}

/* Every source a rule or an exercise names resolves to full citations. */
static void every_source_cited(void **state)
{
	(void)state;
	size_t n_refs, n_rules, n_ex;
	const tendo_reference *refs = tendo_references(&n_refs);
	const tendo_rule *rules = tendo_rules(&n_rules);
	const tendo_exercise *ex = tendo_exercises(&n_ex);
	assert_true(n_refs >= 20);
	for (size_t i = 0; i < n_refs; i++) {
		assert_true(strlen(refs[i].citation) > 60);
		assert_true(strlen(refs[i].label) > 3);
		bool year = strstr(refs[i].citation, "undated") != NULL || strstr(refs[i].citation, "tendo protocol") != NULL;
		for (const char *c = refs[i].citation; *c && !year; c++)
			year = (c[0] == '1' || c[0] == '2') && c[1] >= '0' && c[1] <= '9' && c[2] >= '0' && c[2] <= '9' &&
			       c[3] >= '0' && c[3] <= '9';
		if (!year)
			fail_msg("reference %zu has no year: %s", i + 1, refs[i].citation);
	}
	int out[16];
	bool used[64] = { false };
	for (size_t i = 0; i < n_rules; i++) {
		int n = tendo_references_cite(out, 16, rules[i].source);
		if (n <= 0)
			fail_msg("rule %s: no citation for \"%s\" (%s)", rules[i].id, rules[i].source, tendo_error_last());
		for (int k = 0; k < n && k < 16; k++)
			used[out[k]] = true;
	}
	for (size_t i = 0; i < n_ex; i++)
		if (tendo_references_cite(out, 16, ex[i].source) <= 0)
			fail_msg("exercise %s: no citation for \"%s\"", ex[i].name, ex[i].source);
	/* the parts are each resolved: seeds by number, sections by number, papers by author */
	assert_int_equal(tendo_references_cite(out, 16, "seeds 000, 003, 004"), 3);
	assert_string_equal(refs[out[1]].id, "seed:003");
	assert_int_equal(tendo_references_cite(out, 16, "PROTOCOL.md 10.1, 2, 6"), 3);
	assert_string_equal(refs[out[0]].id, "protocol:10");
	assert_string_equal(refs[out[2]].id, "protocol:6");
	assert_int_equal(tendo_references_cite(out, 16, "Silbernagel et al. 2007 (Am J Sports Med 35:897); Thomee 1997"), 2);
	assert_non_null(strstr(refs[out[0]].citation, "Am J Sports Med. 2007;35(6):897"));
	/* what no reference names is an error, not a silent gap */
	assert_int_equal(tendo_references_cite(out, 16, "PROTOCOL.md 2; Smith et al. 1999"), TENDO_ENOTFOUND);
	assert_non_null(strstr(tendo_error_last(), "Smith"));
	assert_int_equal(tendo_references_cite(out, 16, "seed 009"), TENDO_ENOTFOUND);
	/* every seed is there */
	const char *seeds[] = { "seed 000", "seed 001", "seed 002", "seed 003", "seed 004" };
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(tendo_references_cite(out, 16, seeds[i]), 1);
	(void)used;
}

/* The page: numbered citations that lead somewhere, no "seed 00x" or
 * "PROTOCOL.md" left, the morning mean first in the weeks table, local
 * time in the footer; with css_href no inline style at all. */
static void page_stands_alone(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	tendo_profile p;
	story(&f, &p);
	snprintf(p.tz, sizeof(p.tz), "Europe/Madrid");
	tendo_report_options o = { .from = fx_day(0), .to = fx_day(60), .today = fx_day(60), .generated = 1795000000 };
	char *html = NULL;
	assert_int_equal(tendo_report_html(&html, NULL, &p, NULL, &f.log, &o), 0);
	assert_null(strstr(html, "seed 0"));
	assert_null(strstr(html, "seeds 0"));
	assert_null(strstr(html, "PROTOCOL.md"));
	assert_null(strstr(html, "docs/RULES.md"));
	assert_non_null(strstr(html, "id=\"references\""));
	int links = 0;
	for (const char *h = html; (h = strstr(h, "href=\"#ref-")); h++, links++) {
		char id[32];
		snprintf(id, sizeof(id), "id=\"ref-%d\"", atoi(h + 11));
		if (!strstr(html, id))
			fail_msg("a citation leads nowhere: %.30s", h);
	}
	assert_true(links > 5);
	/* phone-readable weeks: the morning mean first after the week, cards with labels */
	const char *th = strstr(html, "<th>Week of</th>");
	assert_non_null(th);
	assert_int_equal(strncmp(th + strlen("<th>Week of</th>"), "<th>Morning score (mean)</th>", 29), 0);
	assert_non_null(strstr(html, "data-label=\"Morning score (mean)\""));
	assert_null(strstr(html, "return_to_run"));
	assert_null(strstr(html, "seek_care"));
	/* 1795000000 = 2026-11-18 11:06:40 UTC = 12:06 in Madrid */
	assert_non_null(strstr(html, "on 2026-11-18 at 12:06 (Europe/Madrid time)"));
	assert_non_null(strstr(html, "<style>"));
	free(html);

	/* linked stylesheet: no <style>, no style="", the CSP meta left to the server */
	o.css_href = "/static/report.css?v=\"1\"";
	assert_int_equal(tendo_report_html(&html, NULL, &p, NULL, &f.log, &o), 0);
	assert_null(strstr(html, "<style"));
	assert_null(strstr(html, "style="));
	assert_null(strstr(html, "unsafe-inline"));
	assert_non_null(strstr(html, "<link rel=\"stylesheet\" href=\"/static/report.css?v=&quot;1&quot;\">"));
	const char *css = tendo_report_css();
	assert_true(strlen(css) > 200);
	assert_non_null(strstr(css, "table.cards"));
	assert_null(strstr(css, "</"));
	free(html);
	fx_log_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(axes_line_up),
		cmocka_unit_test(pain_chart),
		cmocka_unit_test(every_source_cited),
		cmocka_unit_test(page_stands_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
