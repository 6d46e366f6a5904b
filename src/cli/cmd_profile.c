/*
 * cmd_profile.c - tendo profile: show the athlete's profile and settings,
 * or change them (side, ceiling, name, zone, any setting) in one transaction.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/validate.h>

#include "cli.h"
#include "cli_units.h"

enum { O_JSON = PO__END, O_START };

static const cli_opt opts[] = {
	CLI_PROFILE_OPTS,
	{ "start", required_argument, O_START, "D", "move the programme's start (no later than the first entry you logged)" },
	{ "json", no_argument, O_JSON, NULL, "print JSON" },
	{ 0 }
};

static const cli_spec spec = { "profile [--side S] [--ceiling N] [--name TEXT] [--tz ZONE] [--days mon,...]\n"
	"        [--run-time HH:MM] [--rehab-time HH:MM] [--units metric|imperial] [--set NAME=VALUE]... [--start D]\n"
	"        [--stage STAGE [--run-step MIN] [--week-min MIN] [--curl-kg KG] [--cleared-by TEXT]] [--json]",
	"Show the athlete's profile and settings; with options, change them.", opts };

typedef struct {
	cli_profile_args prof;
	const char *start;
	bool json;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	args *a = u;
	if (id == O_JSON) {
		a->json = true;
		return 0;
	}
	if (id == O_START) {
		a->start = v;
		return 0;
	}
	int rc = cli_profile_opt(ctx, &a->prof, id, v);
	return rc == 1 ? 0 : rc;
}

int cli_profile_opt(const cli_ctx *ctx, cli_profile_args *a, int id, const char *v)
{
	switch (id) {
	case PO_SIDE: a->side = v; return 1;
	case PO_CEILING: a->ceiling = v; return 1;
	case PO_NAME: a->name = v; return 1;
	case PO_TZ: a->tz = v; return 1;
	case PO_PACE: a->pace = v; return 1;
	case PO_CADENCE: a->cadence = v; return 1;
	case PO_DAYS: a->days = v; return 1;
	case PO_RUN_TIME: a->run_time = v; return 1;
	case PO_REHAB_TIME: a->rehab_time = v; return 1;
	case PO_STAGE: a->stage = v; return 1;
	case PO_RUN_STEP: a->run_step = v; return 1;
	case PO_WEEK_MIN: a->week_min = v; return 1;
	case PO_CURL_KG: a->curl_kg = v; return 1;
	case PO_CLEARED_BY: a->cleared_by = v; return 1;
	case PO_UNITS: a->units = v; return 1;
	case PO_SET:
		if (a->n_sets == 16)
			return cli_usage(ctx, "too many --set options (16 at most)");
		a->sets[a->n_sets++] = v;
		return 1;
	}
	return 0;
}

static bool start_given(const cli_profile_args *a)
{
	return a->stage || a->run_step || a->week_min || a->curl_kg || a->cleared_by;
}

bool cli_profile_given(const cli_profile_args *a)
{
	return a->side || a->ceiling || a->name || a->tz || a->pace || a->cadence || a->days || a->run_time ||
	       a->rehab_time || a->n_sets || a->units || start_given(a);
}

/* The starting point (PROTOCOL.md 11): a new stage clears the numbers of the
 * old one unless they are given again. What each stage needs is the
 * library's rule (tendo_check_profile()), checked by the caller once the
 * profile is complete. */
static int apply_start(const cli_ctx *ctx, const cli_profile_args *a, tendo_profile *p)
{
	int rc;
	if (a->stage) {
		if (tendo_stage_parse(&p->start_stage, a->stage))
			return cli_usage(ctx, "--stage must be %s (got '%s')", tendo_stage_names(), a->stage);
		p->start_run_step_min = p->start_week_min = 0;
		p->start_curl_kg = 0;
		p->cleared_by[0] = '\0';
	}
	if ((a->run_step && (rc = cli_num_int(ctx, "run-step", a->run_step, 1, TENDO_RUN_STEP_MAX, &p->start_run_step_min))) ||
	    (a->week_min && (rc = cli_num_int(ctx, "week-min", a->week_min, 1, TENDO_WEEK_MIN_MAX, &p->start_week_min))) ||
	    (a->curl_kg && (rc = cli_num_double(ctx, "curl-kg", a->curl_kg, 0, TENDO_CURL_KG_MAX, &p->start_curl_kg))))
		return rc;
	if (a->curl_kg && p->units == TENDO_UNITS_IMPERIAL)
		p->start_curl_kg *= CLI_KG_PER_LB;
	if (a->run_step && p->start_run_step_min == 0)
		return cli_usage(ctx, "--run-step must be %d-%d minutes (got 0)", 1, TENDO_RUN_STEP_MAX);
	if (a->week_min && p->start_week_min == 0)
		return cli_usage(ctx, "--week-min must be %d-%d minutes (got 0)", 1, TENDO_WEEK_MIN_MAX);
	if (a->curl_kg && p->start_curl_kg == 0)
		return cli_usage(ctx, "--curl-kg must be more than 0 and at most %d kg (got 0)", TENDO_CURL_KG_MAX);
	if (a->cleared_by) {
		if (strlen(a->cleared_by) >= sizeof(p->cleared_by))
			return cli_usage(ctx, "--cleared-by is too long (%zu bytes at most)", sizeof(p->cleared_by) - 1);
		snprintf(p->cleared_by, sizeof(p->cleared_by), "%s", a->cleared_by);
	}
	return 0;
}

static int apply_set(const cli_ctx *ctx, tendo_settings *s, const char *arg)
{
	char name[64];
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || (size_t)(eq - arg) >= sizeof(name))
		return cli_usage(ctx, "--set takes NAME=VALUE (got '%s')", arg);
	snprintf(name, sizeof(name), "%.*s", (int)(eq - arg), arg);
	char *end;
	double v = strtod(eq + 1, &end);
	if (end == eq + 1 || *end)
		return cli_usage(ctx, "--set %s: '%s' is not a number", name, eq + 1);
	if (tendo_settings_set(s, name, v))
		return cli_usage(ctx, "--set: %s", tendo_error_last());
	return 0;
}

int cli_profile_apply(const cli_ctx *ctx, const cli_profile_args *a, tendo_profile *p, tendo_schedule *sc)
{
	int rc;
	if (a->units) {
		if (strcmp(a->units, "metric") == 0)
			p->units = TENDO_UNITS_METRIC;
		else if (strcmp(a->units, "imperial") == 0)
			p->units = TENDO_UNITS_IMPERIAL;
		else
			return cli_usage(ctx, "--units must be metric|imperial (got '%s')", a->units);
	}
	if (a->side && tendo_side_parse(&p->side, a->side))
		return cli_usage(ctx, "--side must be %s (got '%s')", tendo_side_names(), a->side);
	if (a->ceiling && (rc = cli_int(ctx, "ceiling", a->ceiling, 0, 5, &p->settings.ceiling)))
		return rc;
	if (a->name) {
		if (strlen(a->name) >= sizeof(p->name))
			return cli_usage(ctx, "--name is too long (%zu bytes at most)", sizeof(p->name) - 1);
		snprintf(p->name, sizeof(p->name), "%s", a->name);
	}
	if (a->tz) {
		if (!tendo_tz_valid(a->tz))
			return cli_usage(ctx, "--tz '%s' is not a time zone this machine knows (e.g. Europe/London, UTC)",
			                 a->tz);
		snprintf(p->tz, sizeof(p->tz), "%s", a->tz);
	}
	if (a->pace) {
		int m, sec;
		char extra;
		bool mi = p->units == TENDO_UNITS_IMPERIAL;
		if (sscanf(a->pace, "%d:%2d%c", &m, &sec, &extra) != 2 || m < (mi ? 3 : 2) || m > (mi ? 25 : 15) || sec < 0 ||
		    sec > 59)
			return cli_usage(ctx, "--easy-pace must be minutes:seconds per %s, %s (got '%s')", mi ? "mile" : "km",
			                 mi ? "3:00-25:59" : "2:00-15:59", a->pace);
		p->settings.easy_pace_s_km = (int)lround((m * 60 + sec) / (mi ? CLI_KM_PER_MI : 1.0)); /* stored per km */
	}
	if (a->cadence && (rc = cli_int(ctx, "cadence", a->cadence, 100, 250, &p->settings.usual_cadence)))
		return rc;
	if (a->days && tendo_schedule_parse_days(&sc->days, a->days))
		return cli_usage(ctx, "--days: %s", tendo_error_last());
	if (a->run_time && tendo_schedule_parse_time(&sc->run_time, a->run_time))
		return cli_usage(ctx, "--run-time: %s", tendo_error_last());
	if (a->rehab_time && tendo_schedule_parse_time(&sc->rehab_time, a->rehab_time))
		return cli_usage(ctx, "--rehab-time: %s", tendo_error_last());
	for (int k = 0; k < a->n_sets; k++)
		if ((rc = apply_set(ctx, &p->settings, a->sets[k])))
			return rc;
	return apply_start(ctx, a, p);
}

void cli_profile_start_text(const tendo_profile *p, char *buf, size_t sz)
{
	size_t len = (size_t)snprintf(buf, sz, "starting stage %s", tendo_stage_name(p->start_stage));
	const char *sep = " (";
	if (p->start_run_step_min > 0 && len < sz) {
		len += (size_t)snprintf(buf + len, sz - len, "%srunning step %d min", sep, p->start_run_step_min);
		sep = ", ";
	}
	if (p->start_week_min > 0 && len < sz) {
		len += (size_t)snprintf(buf + len, sz - len, "%s%d min a week", sep, p->start_week_min);
		sep = ", ";
	}
	if (p->start_curl_kg > 0 && len < sz) {
		bool lb = p->units == TENDO_UNITS_IMPERIAL;
		len += (size_t)snprintf(buf + len, sz - len, "%sprone curl %g %s", sep,
		                        round((lb ? p->start_curl_kg / CLI_KG_PER_LB : p->start_curl_kg) * 10) / 10, lb ? "lb" : "kg");
		sep = ", ";
	}
	if (strcmp(sep, ", ") == 0 && len < sz)
		len += (size_t)snprintf(buf + len, sz - len, ")");
	if (p->cleared_by[0] && len < sz)
		snprintf(buf + len, sz - len, ", set by %s", p->cleared_by);
}

json_t *cli_profile_json(const tendo_profile *p, const tendo_schedule *sc)
{
	size_t ns;
	const tendo_setting_info *si = tendo_settings_info(&ns);
	char d[TENDO_DATE_BUFSZ], days[TENDO_DAYS_BUFSZ], rt[6], ht[6];
	tendo_schedule_format_days(sc->days, days);
	tendo_schedule_format_time(sc->run_time, rt);
	tendo_schedule_format_time(sc->rehab_time, ht);
	json_t *o = json_pack("{s:o,s:s,s:s,s:s,s:s,s:s,s:s}", "name", cli_jstr(p->name), "side", tendo_side_name(p->side), "tz",
	                      p->tz, "start", tendo_date_format(p->start, d), "days", days, "run_time", rt, "rehab_time",
	                      ht);
	json_object_set_new(o, "units", json_string(p->units == TENDO_UNITS_IMPERIAL ? "imperial" : "metric"));
	json_object_set_new(o, "start_stage", json_string(tendo_stage_name(p->start_stage)));
	json_object_set_new(o, "start_run_step_min", p->start_run_step_min > 0 ? json_integer(p->start_run_step_min)
	                                                                       : json_null());
	json_object_set_new(o, "start_week_min", p->start_week_min > 0 ? json_integer(p->start_week_min) : json_null());
	json_object_set_new(o, "start_curl_kg", p->start_curl_kg > 0 ? json_real(p->start_curl_kg) : json_null());
	json_object_set_new(o, "cleared_by", p->cleared_by[0] ? cli_jstr(p->cleared_by) : json_null());
	json_t *s = json_object();
	for (size_t k = 0; k < ns; k++)
		json_object_set_new(s, si[k].name, json_real(tendo_settings_get(&p->settings, &si[k])));
	json_object_set_new(o, "settings", s);
	return o;
}

int cmd_profile(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	tendo_date start = TENDO_DATE_NONE;
	if (a.start && (rc = cli_date(ctx, "start", a.start, &start)))
		return rc;
	bool change = cli_profile_given(&a.prof) || a.start;
	if ((rc = cli_open(ctx, change)))
		return rc;
	tendo_profile p = ctx->profile;
	tendo_schedule sc = ctx->schedule;
	if ((rc = cli_profile_apply(ctx, &a.prof, &p, &sc)) || (rc = cli_check(ctx, tendo_check_profile(&p))))
		return rc;
	if (change) {
		if ((rc = tendo_store_begin(ctx->store)))
			return cli_lib_error(ctx, rc);
		if (start != TENDO_DATE_NONE) {
			tendo_date first;
			char f[TENDO_DATE_BUFSZ];
			if ((rc = tendo_store_first_logged(ctx->store, &first)) < 0) {
				tendo_store_rollback(ctx->store);
				return cli_lib_error(ctx, rc);
			}
			if (rc == 1 && start > first) {
				tendo_store_rollback(ctx->store);
				return cli_usage(ctx, "--start %s is after your first logged entry (%s): the programme starts no later "
				                 "than that", a.start, tendo_date_format(first, f));
			}
			p.start = start;
		}
		if ((rc = tendo_store_update_profile(ctx->store, &p)) || (rc = tendo_store_set_schedule(ctx->store, &sc)) ||
		    (start != TENDO_DATE_NONE && (rc = tendo_store_set_start(ctx->store, start))) ||
		    (rc = tendo_store_commit(ctx->store))) {
			tendo_store_rollback(ctx->store);
			return cli_lib_error(ctx, rc);
		}
	}
	size_t ns;
	const tendo_setting_info *si = tendo_settings_info(&ns);
	tendo_settings def;
	tendo_settings_default(&def);
	char d[TENDO_DATE_BUFSZ], days[TENDO_DAYS_BUFSZ], rt[6], ht[6];
	tendo_schedule_format_days(sc.days, days);
	tendo_schedule_format_time(sc.run_time, rt);
	tendo_schedule_format_time(sc.rehab_time, ht);
	if (a.json)
		return cli_print_json(cli_profile_json(&p, &sc));
	char st[200];
	cli_profile_start_text(&p, st, sizeof(st));
	printf("%s%s: %s side, pain ceiling %d/10, time zone %s, started %s\n", change ? "updated " : "",
	       p.name[0] ? cli_text(p.name) : "athlete", tendo_side_name(p.side), p.settings.ceiling, p.tz,
	       tendo_date_format(p.start, d));
	printf("%s\n", cli_text(st));
	printf("training days %s; runs at %s, rehab at %s\n", sc.days == TENDO_DAYS_ALL ? "every day" : days, rt, ht);
	printf("units %s (%s, %s, pace per %s)\n", p.units == TENDO_UNITS_IMPERIAL ? "imperial" : "metric",
	       p.units == TENDO_UNITS_IMPERIAL ? "miles" : "km", p.units == TENDO_UNITS_IMPERIAL ? "lb" : "kg",
	       p.units == TENDO_UNITS_IMPERIAL ? "mile" : "km");
	bool any = false;
	for (size_t k = 0; k < ns; k++) {
		double v = tendo_settings_get(&p.settings, &si[k]), dv = tendo_settings_get(&def, &si[k]);
		if (v != dv) {
			printf("%s  %-22s %g (default %g)\n", any ? "" : "settings changed from the defaults:\n", si[k].name, v, dv);
			any = true;
		}
	}
	if (!any)
		printf("all settings at their defaults (tendo rules lists them)\n");
	return 0;
}
