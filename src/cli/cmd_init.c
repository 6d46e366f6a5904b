/*
 * cmd_init.c - tendo init: create the database and the athlete's profile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { O_SIDE = 1, O_CEILING, O_NAME, O_TZ, O_DATE, O_SET };

static const cli_opt opts[] = {
	{ "side", required_argument, O_SIDE, "left|right|both", "affected side(s) (required)" },
	{ "ceiling", required_argument, O_CEILING, "N", "pain ceiling during activity, 0-5 (default 3; above 3 only on a clinician's advice)" },
	{ "name", required_argument, O_NAME, "TEXT", "the athlete's name" },
	{ "tz", required_argument, O_TZ, "ZONE", "time zone, e.g. Europe/London (default: this machine's)" },
	{ "date", required_argument, O_DATE, "D", "start date of the programme (default today)" },
	{ "set", required_argument, O_SET, "NAME=VALUE", "change a setting (see tendo rules); repeatable" },
	{ 0 }
};

static const cli_spec spec = { "init --side left|right|both [--ceiling N] [--name TEXT] [--tz ZONE]",
	"Create the database and set up the athlete.", opts };

typedef struct {
	const char *side, *ceiling, *name, *tz, *date;
	const char *sets[16];
	int n_sets;
} init_args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	init_args *a = u;
	switch (id) {
	case O_SIDE: a->side = v; break;
	case O_CEILING: a->ceiling = v; break;
	case O_NAME: a->name = v; break;
	case O_TZ: a->tz = v; break;
	case O_DATE: a->date = v; break;
	case O_SET:
		if (a->n_sets == 16)
			return cli_usage(ctx, "too many --set options (16 at most)");
		a->sets[a->n_sets++] = v;
		break;
	}
	return 0;
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
	if (!a.side)
		return cli_usage(ctx, "--side is required: left|right|both");
	if (tendo_side_parse(&p.side, a.side))
		return cli_usage(ctx, "--side must be %s (got '%s')", tendo_side_names(), a.side);
	if (a.ceiling && (rc = cli_int(ctx, "ceiling", a.ceiling, 0, 5, &p.settings.ceiling)))
		return rc;
	if (a.name) {
		if (strlen(a.name) >= sizeof(p.name))
			return cli_usage(ctx, "--name is too long (%zu bytes at most)", sizeof(p.name) - 1);
		snprintf(p.name, sizeof(p.name), "%s", a.name);
	}
	const char *tz = a.tz ? a.tz : machine_tz();
	if (!tendo_tz_valid(tz))
		return cli_usage(ctx, "--tz '%s' is not a time zone this machine knows (e.g. Europe/London, UTC)", tz);
	snprintf(p.tz, sizeof(p.tz), "%s", tz);
	for (int k = 0; k < a.n_sets; k++)
		if ((rc = cli_apply_set(ctx, &p.settings, a.sets[k])))
			return rc;
	p.start = tendo_date_of_instant(time(NULL), p.tz);
	if (a.date && (rc = cli_date(ctx, "date", a.date, &p.start)))
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
	    (rc = tendo_store_commit(ctx->store))) {
		tendo_store_rollback(ctx->store);
		return cli_lib_error(ctx, rc);
	}
	char d[TENDO_DATE_BUFSZ];
	printf("set up %s%s%s: %s side, pain ceiling %d/10, time zone %s, starting %s\ndatabase: %s\n",
	       cli_bold(ctx), p.name[0] ? p.name : "the athlete", cli_reset(ctx), tendo_side_name(p.side),
	       p.settings.ceiling, p.tz, tendo_date_format(p.start, d), dbp);
	if (p.settings.ceiling > 3)
		printf("note: a ceiling above 3/10 often ends in a flare-up (Goom); use it only if your clinician says so\n");
	printf("next: log this morning's monitoring task (tendo log pain --kind task --score N), then: tendo today\n");
	return 0;
}
