/*
 * cmd_runs.c - tendo runs: every run in the log, logged or imported, with
 * what the watch recorded. The runs, their local start and --json are
 * src/shapes/history.c's, shared with the server's /runs and /api/runs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/timeline.h>

#include "cli.h"
#include "cli_units.h"

static const cli_opt opts[] = { CLI_RANGE_OPTS, { 0 } };
static const cli_spec spec = { "runs [--from D] [--to D] [--json]",
	"The runs in the log: local start (in your zone; a typed run shows a time only if it was given),\n"
	"duration, distance and pace (km or miles: profile --units), climbing, time on hills and faster than\n"
	"easy pace, step rate, and the activity's name. --json is metric (distance_m, pace_s_km) with the\n"
	"start in UTC (start, imported runs) and local (start_local).",
	opts };

int cmd_runs(cli_ctx *ctx, int argc, char **argv)
{
	cli_range_args a = { 0 };
	tendo_date from, to;
	int rc = cli_parse(ctx, &spec, argc, argv, cli_range_opt, &a, NULL);
	if (rc || (rc = cli_range_dates(ctx, &a, &from, &to)))
		return rc;
	if ((rc = cli_open(ctx, false)))
		return rc;
	/* one load up to the last day: the timeline needs the log from the
	 * start; the runs shown are the range's (src/shapes/history.c) */
	tendo_log all = { 0 };
	if ((rc = tendo_store_load_log(ctx->store, &all, TENDO_DATE_NONE, to)))
		return cli_lib_error(ctx, rc);
	shape_runs_facts f;
	if ((rc = shape_runs_facts_get(&f, &ctx->profile, &all, from))) {
		tendo_log_dispose(&all);
		return cli_lib_error(ctx, rc);
	}
	if (a.json) {
		json_t *arr = shape_runs(&f, &ctx->profile);
		shape_runs_facts_dispose(&f);
		tendo_log_dispose(&all);
		return arr ? cli_print_json(arr) : cli_fail(ctx, "out of memory");
	}
	tendo_log log = { .runs = (tendo_run *)f.runs, .n_runs = f.n };
	const bool *is_long = f.is_long;
	if (log.n_runs == 0)
		printf("no runs%s\n", a.from || a.to ? " in that range" : " yet");
	else
		printf("%-7s %-16s %6s %7s %9s %6s %7s %6s %5s %4s  %s\n", "id", "start", "min", cli_dist_unit(ctx), "pace",
		       "climb", "hills", "fast", "spm", "hr", "source");
	for (size_t k = 0; k < log.n_runs; k++) {
		const tendo_run *r = &log.runs[k];
		char start[32], pace[16];
		shape_run_local_start(&ctx->profile, r, ' ', start, sizeof(start));
		cli_fmt_pace(ctx, r->minutes, r->km, pace, sizeof(pace));
		char km[16] = "-", climb[16] = "-", hills[16] = "-", fast[16] = "-", spm[16] = "-", hr[16] = "-";
		if (r->km >= 0)
			snprintf(km, sizeof(km), "%.2f", cli_km_to_user(ctx, r->km));
		if (isfinite(r->ascent_m))
			snprintf(climb, sizeof(climb), "%.0fm", r->ascent_m);
		if (isfinite(r->uphill_s))
			snprintf(hills, sizeof(hills), "%.0fmin", r->uphill_s / 60);
		if (isfinite(r->fast_s))
			snprintf(fast, sizeof(fast), "%.0fmin", r->fast_s / 60);
		if (isfinite(r->cadence_spm))
			snprintf(spm, sizeof(spm), "%.0f", r->cadence_spm);
		if (isfinite(r->avg_hr))
			snprintf(hr, sizeof(hr), "%.0f", r->avg_hr);
		printf("#%-6lld %-16s %6.0f %7s %9s %6s %7s %6s %5s %4s  %s%s%s%s%s%s\n", (long long)r->id, start, r->minutes, km,
		       pace, climb, hills, fast, spm, hr, r->source[0] ? cli_text(r->source) : "log",
		       r->walk_breaks ? " run/walk" : "", is_long[k] ? " long" : "", r->title[0] ? " \"" : "",
		       r->title[0] ? cli_text(r->title) : "", r->title[0] ? "\"" : "");
	}
	shape_runs_facts_dispose(&f);
	tendo_log_dispose(&all);
	return 0;
}
