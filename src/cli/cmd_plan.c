/*
 * cmd_plan.c - tendo plan: the coming weeks as the protocol would have them,
 * a projection that assumes no flare and is recomputed from the log each
 * time. Each day says why it is what it is.
 */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>
#include <time.h>

#include <tendo/ics.h>

#include <tendo/plan.h>

#include "cli.h"
#include "cli_units.h"
#include "../shapes/shapes.h"

enum { O_WEEKS = 1, O_FROM, O_JSON, O_ICS, O_ALARM };

static const cli_opt opts[] = {
	{ "weeks", required_argument, O_WEEKS, "N", "how many weeks, 1-12 (default 2)" },
	{ "from", required_argument, O_FROM, "D", "first day (default today)" },
	{ "json", no_argument, O_JSON, NULL, "print JSON" },
	{ "ics", required_argument, O_ICS, "FILE", "also write the plan as an iCalendar file (RFC 5545); - : only the calendar, to standard output" },
	{ "alarm", required_argument, O_ALARM, "MIN", "with --ics: a reminder MIN minutes before each session" },
	{ 0 }
};
static const cli_spec spec = { "plan [--weeks N] [--from D] [--json] [--ics FILE [--alarm MIN]]",
	"The coming days under the stage's dose and the spacing rules. A projection that assumes every\n"
	"session goes as prescribed and every morning settles; it changes as the log grows. --ics writes\n"
	"it for a calendar: the same day's sessions keep their ids, so importing it again updates them.", opts };

typedef struct {
	const char *weeks, *from, *ics, *alarm;
	bool json;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	if (id == O_WEEKS)
		a->weeks = v;
	else if (id == O_FROM)
		a->from = v;
	else if (id == O_ICS)
		a->ics = v;
	else if (id == O_ALARM)
		a->alarm = v;
	else
		a->json = true;
	return 0;
}

static int plan_out(cli_ctx *ctx, const args *a, const tendo_ics_options *io, const shape_plan_facts *pf);

int cmd_plan(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	int weeks = 2;
	tendo_date from = TENDO_DATE_NONE;
	tendo_ics_options io = { 0, time(NULL) };
	if ((a.weeks && (rc = cli_int(ctx, "weeks", a.weeks, 1, 12, &weeks))) ||
	    (a.from && (rc = cli_date(ctx, "from", a.from, &from))) ||
	    (a.alarm && (rc = cli_int(ctx, "alarm", a.alarm, 0, 1440, &io.alarm_min))))
		return rc;
	if (a.alarm && !a.ics)
		return cli_usage(ctx, "--alarm goes with --ics FILE");
	if (a.ics && !a.ics[0])
		return cli_usage(ctx, "--ics needs a file name");
	if (cli_is_stdio(a.ics) && a.json)
		return cli_usage(ctx, "--ics - and --json both write to standard output: give --ics a file");
	if ((rc = cli_open(ctx, a.ics != NULL)))
		return rc;
	if (from == TENDO_DATE_NONE)
		from = ctx->today;
	shape_plan_facts pf;
	rc = shape_plan_get(&pf, ctx->store, &ctx->profile, &ctx->schedule, from, weeks);
	if (rc) {
		shape_plan_dispose(&pf);
		return cli_lib_error(ctx, rc);
	}
	rc = plan_out(ctx, &a, &io, &pf);
	shape_plan_dispose(&pf);
	return rc;
}

static int plan_out(cli_ctx *ctx, const args *a, const tendo_ics_options *io, const shape_plan_facts *pf)
{
	int rc, n = pf->n, weeks = pf->weeks;
	const tendo_plan_day *days = pf->days;
	tendo_date from = pf->from, next_test = pf->next_test, next_visa = pf->next_visa;
	if (a->ics) {
		char *cal = NULL;
		size_t len = 0;
		/* what was sent is recorded only with the file written */
		if ((rc = tendo_store_begin(ctx->store)) ||
		    (rc = shape_calendar(ctx->store, days, n, &ctx->profile, &ctx->schedule, io, &cal, &len))) {
			tendo_store_rollback(ctx->store);
			return cli_lib_error(ctx, rc);
		}
		rc = cli_write_file(ctx, a->ics, cal, len);
		free(cal);
		if (rc) {
			tendo_store_rollback(ctx->store);
			return rc;
		}
		if ((rc = tendo_store_commit(ctx->store))) {
			tendo_store_rollback(ctx->store);
			return cli_lib_error(ctx, rc);
		}
		if (cli_is_stdio(a->ics))
			return 0; /* the calendar alone on standard output */
		if (!a->json)
			fprintf(stderr, "wrote %s (%d days)\n", a->ics, n);
	}
	if (a->json)
		return cli_print_json(shape_plan(pf, &ctx->schedule));
	char d[TENDO_DATE_BUFSZ], rt[6], ht[6];
	tendo_schedule_format_time(ctx->schedule.run_time, rt);
	tendo_schedule_format_time(ctx->schedule.rehab_time, ht);
	char nt[TENDO_DATE_BUFSZ], nv[TENDO_DATE_BUFSZ];
	if (next_test != TENDO_DATE_NONE)
		tendo_date_format(next_test, nt);
	if (next_visa != TENDO_DATE_NONE)
		tendo_date_format(next_visa, nv);
	printf("%splan from %s, %d week%s%s: a projection that assumes no flare; it changes as you log\n",
	       cli_bold(ctx), tendo_date_format(from, d), weeks, weeks == 1 ? "" : "s", cli_reset(ctx));
	char dnames[TENDO_DAYS_BUFSZ];
	printf("every morning: the monitoring task (tendo log pain --kind task --score N); training days %s, runs at %s, "
	       "rehab at %s\n\n",
	       ctx->schedule.days == TENDO_DAYS_ALL ? "every day" : tendo_schedule_format_days(ctx->schedule.days, dnames), rt,
	       ht);
	for (int i = 0; i < n; i++) {
		const tendo_plan_day *x = &days[i];
		char what[64];
		shape_plan_what(x, what, sizeof(what));
		char u[800]; /* the engine's texts in the athlete's units */
		printf("%s %s  %-16s %s%s%s\n", shape_weekday(x->date), tendo_date_format(x->date, d), what,
		       cli_text_units(ctx, x->run ? x->run_why : x->rehab_why, u, sizeof(u)),
		       x->test_due ? "; readiness tests due" : "", x->visa_due ? "; VISA-H due (tendo log visa)" : "");
		if (x->rehab[0] && !x->seek_care)
			printf("%17s %s\n", "", cli_text_units(ctx, x->rehab, u, sizeof(u)));
	}
	printf("\nnext readiness tests: %s; next VISA-H: %s\n",
	       next_test != TENDO_DATE_NONE ? nt : "not in these weeks (tendo status says where the stage stands)",
	       next_visa != TENDO_DATE_NONE ? nv : "now (a baseline)");
	return 0;
}
