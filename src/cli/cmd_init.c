/*
 * cmd_init.c - tendo init: create the database and the athlete's profile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/validate.h>

#include "cli.h"

enum { O_DATE = PO__END, O_JSON };

static const cli_opt opts[] = {
	CLI_PROFILE_OPTS,
	{ "date", required_argument, O_DATE, "D", "start date of the programme (default today)" },
	{ "json", no_argument, O_JSON, NULL, "print the new profile as JSON (as tendo profile --json), with the database" },
	{ 0 }
};

static const cli_spec spec = { "init --side left|right|both [--ceiling N] [--name TEXT] [--tz ZONE] [--days mon,...]\n"
	"       [--run-time HH:MM] [--rehab-time HH:MM] [--units metric|imperial] [--date D] [--json]\n"
	"       [--stage STAGE [--run-step MIN] [--week-min MIN] [--curl-kg KG] [--cleared-by TEXT]]",
	"Create the database and set up the athlete (--side is required; --tz defaults to this machine's zone).\n"
	"Already in rehab? --stage says where you are: strength with your loads, return_to_run with your\n"
	"running step (--run-step), full_load with your weekly running minutes (--week-min).",
	opts };

typedef struct {
	cli_profile_args prof;
	const char *date;
	bool json;
} init_args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	init_args *a = u;
	if (id == O_DATE) {
		a->date = v;
		return 0;
	}
	if (id == O_JSON) {
		a->json = true;
		return 0;
	}
	int rc = cli_profile_opt(ctx, &a->prof, id, v);
	return rc == 1 ? 0 : rc;
}

static const char *machine_tz(void)
{
	static char buf[64];
	const char *tz = getenv("TZ");
	if (tz && tendo_tz_valid(tz[0] == ':' ? tz + 1 : tz))
		return tz[0] == ':' ? tz + 1 : tz;
	FILE *f = fopen("/etc/timezone", "r");
	if (f) {
		if (fgets(buf, sizeof(buf), f)) {
			buf[strcspn(buf, "\r\n")] = '\0';
			fclose(f);
			if (tendo_tz_valid(buf))
				return buf;
		} else {
			fclose(f);
		}
	}
	return "UTC";
}

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	init_args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	tendo_profile p;
	memset(&p, 0, sizeof(p));
	tendo_settings_default(&p.settings);
	if (!a.prof.side)
		return cli_usage(ctx, "--side is required: %s", tendo_side_names());
	snprintf(p.tz, sizeof(p.tz), "%s", machine_tz());
	tendo_schedule sc;
	tendo_schedule_default(&sc);
	if ((rc = cli_profile_apply(ctx, &a.prof, &p, &sc)))
		return rc;
	cli_set_today(ctx, p.tz); /* --date yesterday: in the athlete's zone */
	p.start = ctx->today;
	if ((a.date && (rc = cli_date(ctx, "date", a.date, &p.start))) || (rc = cli_check(ctx, tendo_check_profile(&p))))
		return rc;

	char path[4096];
	const char *dbp = ctx->db_path;
	if (!dbp) {
		if (tendo_store_default_path(path, sizeof(path)))
			return cli_fail(ctx, "%s", tendo_error_last());
		dbp = path;
	}
	rc = tendo_store_open(&ctx->store, dbp, TENDO_STORE_CREATE);
	if (rc)
		return cli_lib_error(ctx, rc);
	if ((rc = tendo_store_begin(ctx->store)) || (rc = tendo_store_init_profile(ctx->store, &p)) ||
	    (rc = tendo_store_set_schedule(ctx->store, &sc)) || (rc = tendo_store_commit(ctx->store))) {
		tendo_store_rollback(ctx->store);
		return cli_lib_error(ctx, rc);
	}
	char d[TENDO_DATE_BUFSZ];
	if (a.json) {
		json_t *o = cli_profile_json(&p, &sc);
		json_object_set_new(o, "database", json_string(dbp));
		return cli_print_json(o);
	}
	printf("set up %s%s%s: %s side, pain ceiling %d/10, time zone %s, starting %s\ndatabase: %s\n",
	       cli_bold(ctx), p.name[0] ? p.name : "the athlete", cli_reset(ctx), tendo_side_name(p.side),
	       p.settings.ceiling, p.tz, tendo_date_format(p.start, d), dbp);
	if (p.start_stage != TENDO_STAGE_SETTLE) {
		char st[200];
		cli_profile_start_text(&p, st, sizeof(st));
		printf("%s\n", st);
	}
	if (p.start_stage == TENDO_STAGE_RETURN_TO_RUN)
		printf("note: return to run needs a passing readiness test on the first day: tendo log test --date %s ...\n",
		       tendo_date_format(p.start, d));
	if (p.settings.ceiling > 3)
		printf("note: a ceiling above 3/10 often ends in a flare-up (Goom); use it only if your clinician says so\n");
	printf("next: log this morning's monitoring task (tendo log pain --kind task --score N), then: tendo today\n");
	return 0;
}
