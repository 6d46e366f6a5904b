/*
 * cmd_report.c - tendo report: the story on one page (a self-contained HTML
 * file) or its charts as SVG files, for the runner or their physio.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <tendo/report.h>

#include "cli.h"

enum { O_FROM = 1, O_TO, O_HTML, O_SVG, O_JSON };

static const cli_opt opts[] = {
	{ "from", required_argument, O_FROM, "D", "first day (default: the day of tendo init)" },
	{ "to", required_argument, O_TO, "D", "last day (default: today)" },
	{ "html", required_argument, O_HTML, "FILE", "write the report as one HTML page (- : to standard output)" },
	{ "svg", required_argument, O_SVG, "DIR", "write each chart as DIR/chart-*.svg (DIR is made if missing)" },
	{ "json", no_argument, O_JSON, NULL, "print the days the report is drawn from as JSON (GET /api/report)" },
	{ 0 }
};
static const cli_spec spec = { "report [--from D] [--to D] (--html FILE | --svg DIR | --json)",
	"The whole story on one page: pain against load, weekly volume, the acute:chronic ratio, the stages\n"
	"and the decisions that moved them, the readiness tests, the weeks in a table and today's\n"
	"prescription with its reasons. No network, no script: open it anywhere, print it.", opts };

typedef struct {
	const char *from, *to, *html, *svg;
	bool json;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	if (id == O_FROM)
		a->from = v;
	else if (id == O_TO)
		a->to = v;
	else if (id == O_HTML)
		a->html = v;
	else if (id == O_JSON)
		a->json = true;
	else
		a->svg = v;
	return 0;
}

static int write_svgs(cli_ctx *ctx, const char *dir, const tendo_report_chart *charts)
{
	cli_atomic_dir d;
	int rc = cli_dir_open(ctx, &d, dir, ".svg");
	for (int k = 0; !rc && k < TENDO_REPORT_CHARTS; k++) {
		char name[80];
		cli_atomic_file af;
		snprintf(name, sizeof(name), "%s.svg", charts[k].id);
		if (!(rc = cli_dir_file(ctx, &d, name, &af))) {
			(void)fwrite(charts[k].svg, 1, charts[k].len, af.f); /* an error is in af.err */
			rc = cli_atomic_close(ctx, &af, true);
		}
	}
	if (d.open) {
		int drc = cli_dir_close(ctx, &d, rc == 0);
		if (!rc)
			rc = drc;
	}
	return rc;
}

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	tendo_report_options o = { .from = TENDO_DATE_NONE, .to = TENDO_DATE_NONE, .today = TENDO_DATE_NONE, .generated = time(NULL) };
	if ((a.from && (rc = cli_date(ctx, "from", a.from, &o.from))) || (a.to && (rc = cli_date(ctx, "to", a.to, &o.to))))
		return rc;
	if (o.from != TENDO_DATE_NONE && o.to != TENDO_DATE_NONE && o.from > o.to)
		return cli_usage(ctx, "--from %s is after --to %s", a.from, a.to);
	if (!a.html && !a.svg && !a.json)
		return cli_usage(ctx, "say where to write it: --html FILE or --svg DIR (or --json for its data)");
	if (a.json && (a.html || a.svg))
		return cli_usage(ctx, "--json prints the report's data on its own: give --html or --svg on another run");
	if ((a.html && !a.html[0]) || (a.svg && !a.svg[0]))
		return cli_usage(ctx, "--%s needs a name", a.html && !a.html[0] ? "html" : "svg");
	if (cli_is_stdio(a.svg))
		return cli_usage(ctx, "--svg takes a folder (its charts are several files), not -");
	if (cli_is_stdio(a.html) && a.svg)
		return cli_usage(ctx, "--html - writes the page to standard output: give --svg on its own run");
	if ((rc = cli_open(ctx, false)))
		return rc;
	if (o.to == TENDO_DATE_NONE)
		o.to = ctx->today;
	if (o.from == TENDO_DATE_NONE)
		o.from = ctx->profile.start <= o.to ? ctx->profile.start : o.to;
	if (o.from > o.to)
		return cli_usage(ctx, "--to %s is before the start of the programme (%s)", a.to ? a.to : "today",
		                 a.from ? a.from : "tendo init");
	if ((long)o.to - (long)o.from >= 7305)
		return cli_usage(ctx, "--from to --to spans more than 20 years");
	o.today = o.to < ctx->today ? o.to : ctx->today;

	tendo_log log = { 0 };
	if ((rc = tendo_store_load_log(ctx->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE)))
		return cli_lib_error(ctx, rc);
	if (a.json) { /* the days it is drawn from: the shape of GET /api/report (src/shapes/report.c) */
		int n = (int)(o.to - o.from + 1);
		tendo_report_day *days = calloc((size_t)n, sizeof(*days));
		if (!days || (rc = tendo_report_days(days, n, &ctx->profile, &log, o.from))) {
			free(days);
			tendo_log_dispose(&log);
			return days ? cli_lib_error(ctx, rc) : cli_fail(ctx, "out of memory");
		}
		json_t *j = shape_report_data(days, n);
		free(days);
		tendo_log_dispose(&log);
		return j ? cli_print_json(j) : cli_fail(ctx, "out of memory");
	}
	if (a.svg) {
		tendo_report_chart charts[TENDO_REPORT_CHARTS];
		if ((rc = tendo_report_charts(charts, &ctx->profile, &log, &o))) {
			tendo_log_dispose(&log);
			return cli_lib_error(ctx, rc);
		}
		rc = write_svgs(ctx, a.svg, charts);
		tendo_report_charts_free(charts);
		if (rc) {
			tendo_log_dispose(&log);
			return rc;
		}
		printf("wrote %d charts to %s\n", TENDO_REPORT_CHARTS, a.svg);
	}
	if (a.html) {
		char *html = NULL;
		size_t len = 0;
		rc = tendo_report_html(&html, &len, &ctx->profile, &ctx->schedule, &log, &o);
		if (rc) {
			tendo_log_dispose(&log);
			return cli_lib_error(ctx, rc);
		}
		rc = cli_write_file(ctx, a.html, html, len);
		free(html);
		if (rc) {
			tendo_log_dispose(&log);
			return rc;
		}
		char f[TENDO_DATE_BUFSZ], t[TENDO_DATE_BUFSZ];
		if (!cli_is_stdio(a.html))
			printf("wrote %s (%s to %s, %zu KB)\n", a.html, tendo_date_format(o.from, f), tendo_date_format(o.to, t),
		       (len + 1023) / 1024);
	}
	tendo_log_dispose(&log);
	return 0;
}
