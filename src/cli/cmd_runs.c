/*
 * cmd_runs.c - tendo runs: every run in the log, logged or imported, with
 * what the watch recorded.
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

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static void iso(int64_t ms, char buf[21])
{
	if (ms == INT64_MIN)
		snprintf(buf, 21, "?");
	else
		tendo_instant_format((time_t)(ms / 1000), buf);
}

/* The local start "YYYY-MM-DD HH:MM" (sep ' ') or "YYYY-MM-DDTHH:MM" (sep
 * 'T'): an imported run's from the watch, in the athlete's zone; a typed
 * run's day and the time given, or the day alone (no time was given).
 * Returns false when there is no time of day. */
static bool local_start(const cli_ctx *ctx, const tendo_run *r, char sep, char *buf, size_t sz)
{
	char d[TENDO_DATE_BUFSZ], hm[6];
	tendo_date day = r->date;
	int tod = r->time_min;
	if (r->imported && r->start_ms != INT64_MIN) {
		time_t t = (time_t)(r->start_ms / 1000);
		day = tendo_date_of_instant(t, ctx->profile.tz);
		tod = tendo_time_of_instant(t, ctx->profile.tz);
	}
	if (tod < 0) {
		snprintf(buf, sz, "%s", tendo_date_format(day, d));
		return false;
	}
	snprintf(buf, sz, "%s%c%s", tendo_date_format(day, d), sep, tendo_schedule_format_time(tod, hm));
	return true;
}

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
	 * start; the runs shown are the range's, a slice of it (date order) */
	tendo_log all = { 0 };
	if ((rc = tendo_store_load_log(ctx->store, &all, TENDO_DATE_NONE, to)))
		return cli_lib_error(ctx, rc);
	size_t k0 = 0;
	while (from != TENDO_DATE_NONE && k0 < all.n_runs && all.runs[k0].date < from)
		k0++;
	tendo_log log = { .runs = all.runs + k0, .n_runs = all.n_runs - k0 };
	char t[21];
	/* long runs: the engine's judgement, from the timeline (one definition;
	 * runs before the programme's start are history and never long) */
	bool *is_long = calloc(log.n_runs ? log.n_runs : 1, sizeof(bool));
	if (!is_long) {
		tendo_log_dispose(&all);
		return cli_fail(ctx, "out of memory");
	}
	if (log.n_runs) {
		tendo_date lo = log.runs[0].date < ctx->profile.start ? ctx->profile.start : log.runs[0].date;
		tendo_date hi = log.runs[log.n_runs - 1].date;
		tendo_day *days = hi >= lo ? calloc((size_t)(hi - lo + 1), sizeof(*days)) : NULL;
		if (hi >= lo && (!days || (rc = tendo_timeline(days, (int)(hi - lo + 1), &ctx->profile, &all, lo, NULL)))) {
			free(days);
			free(is_long);
			tendo_log_dispose(&all);
			return rc ? cli_lib_error(ctx, rc) : cli_fail(ctx, "out of memory");
		}
		for (size_t k = 0; days && k < log.n_runs; k++)
			if (log.runs[k].date >= lo && log.runs[k].date <= hi)
				is_long[k] = days[log.runs[k].date - lo].long_run;
		free(days);
	}
	double usual = cli_usual_cadence(&ctx->profile, &log);
	if (a.json) {
		json_t *arr = json_array();
		for (size_t k = 0; k < log.n_runs; k++) {
			const tendo_run *r = &log.runs[k];
			char d[TENDO_DATE_BUFSZ];
			iso(r->start_ms, t);
			json_t *o = json_object();
			json_object_set_new(o, "id", json_integer(r->id));
			json_object_set_new(o, "date", json_string(tendo_date_format(r->date, d)));
			char loc[32];
			bool has_time = local_start(ctx, r, 'T', loc, sizeof(loc));
			json_object_set_new(o, "start", r->imported && r->start_ms != INT64_MIN ? json_string(t) : json_null());
			json_object_set_new(o, "start_local", has_time ? json_string(loc) : json_null());
			json_object_set_new(o, "title", r->title[0] ? cli_jstr(r->title) : json_null());
			json_object_set_new(o, "sport", cli_jstr(r->sport[0] ? r->sport : "running"));
			json_object_set_new(o, "elapsed_s", num(r->imported ? r->elapsed_s : r->minutes * 60));
			json_object_set_new(o, "moving_s", num(r->imported ? r->moving_s : r->minutes * 60));
			json_object_set_new(o, "distance_m", r->km >= 0 ? json_real(r->km * 1000) : json_null());
			json_object_set_new(o, "pace_s_km", r->km > 0.01 ? json_real(round(r->minutes * 60 / r->km)) : json_null());
			json_object_set_new(o, "ascent_m", num(r->ascent_m));
			json_object_set_new(o, "uphill_s", num(r->uphill_s));
			json_object_set_new(o, "fast_s", num(r->fast_s));
			json_object_set_new(o, "cadence_spm", num(r->cadence_spm));
			json_object_set_new(o, "avg_hr", num(r->avg_hr));
			json_object_set_new(o, "cadence_vs_usual_pct",
			                    num(isfinite(usual) ? 100.0 * (r->cadence_spm - usual) / usual : NAN));
			json_object_set_new(o, "long_run", json_boolean(is_long[k]));
			json_object_set_new(o, "terrain", json_string(tendo_terrain_name(r->terrain)));
			json_object_set_new(o, "run_walk", json_boolean(r->walk_breaks));
			json_object_set_new(o, "pain_during", r->pain_during >= 0 ? json_integer(r->pain_during) : json_null());
			json_object_set_new(o, "source", cli_jstr(r->source[0] ? r->source : "log"));
			json_array_append_new(arr, o);
		}
		tendo_log_dispose(&all);
		free(is_long);
		return cli_print_json(arr);
	}
	if (log.n_runs == 0)
		printf("no runs%s\n", a.from || a.to ? " in that range" : " yet");
	else
		printf("%-7s %-16s %6s %7s %9s %6s %7s %6s %5s %4s  %s\n", "id", "start", "min", cli_dist_unit(ctx), "pace",
		       "climb", "hills", "fast", "spm", "hr", "source");
	for (size_t k = 0; k < log.n_runs; k++) {
		const tendo_run *r = &log.runs[k];
		char start[32], pace[16];
		local_start(ctx, r, ' ', start, sizeof(start));
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
	tendo_log_dispose(&all);
	free(is_long);
	return 0;
}
