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

static const char *const wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

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
	tendo_log log = { 0 };
	if ((rc = tendo_store_load_log(ctx->store, &log, TENDO_DATE_NONE, from)))
		return cli_lib_error(ctx, rc);
	static tendo_plan_day days[84];
	int n = weeks * 7;
	rc = tendo_plan(days, n, &ctx->profile, &ctx->schedule, &log, from);
	/* the next readiness tests and VISA-H: in the plan, or (VISA-H) when it falls due after it */
	tendo_date next_test = TENDO_DATE_NONE, next_visa = TENDO_DATE_NONE, last_visa = TENDO_DATE_NONE;
	for (int i = n - 1; i >= 0; i--) {
		if (days[i].test_due)
			next_test = days[i].date;
		if (days[i].visa_due)
			next_visa = days[i].date;
	}
	for (size_t k = 0; k < log.n_visa; k++)
		if (last_visa == TENDO_DATE_NONE || log.visa[k].date > last_visa)
			last_visa = log.visa[k].date;
	if (next_visa == TENDO_DATE_NONE && last_visa != TENDO_DATE_NONE)
		next_visa = last_visa + ctx->profile.settings.visa_every_days;
	tendo_log_dispose(&log);
	if (rc)
		return cli_lib_error(ctx, rc);
	if (a.ics) {
		char *cal = NULL;
		size_t len = 0;
		/* what was sent is recorded only with the file written */
		if ((rc = tendo_store_begin(ctx->store)) ||
		    (rc = shape_calendar(ctx->store, days, n, &ctx->profile, &ctx->schedule, &io, &cal, &len))) {
			tendo_store_rollback(ctx->store);
			return cli_lib_error(ctx, rc);
		}
		rc = cli_write_file(ctx, a.ics, cal, len);
		free(cal);
		if (rc) {
			tendo_store_rollback(ctx->store);
			return rc;
		}
		if ((rc = tendo_store_commit(ctx->store))) {
			tendo_store_rollback(ctx->store);
			return cli_lib_error(ctx, rc);
		}
		if (cli_is_stdio(a.ics))
			return 0; /* the calendar alone on standard output */
		if (!a.json)
			fprintf(stderr, "wrote %s (%d days)\n", a.ics, n);
	}
	char d[TENDO_DATE_BUFSZ], rt[6], ht[6];
	tendo_schedule_format_time(ctx->schedule.run_time, rt);
	tendo_schedule_format_time(ctx->schedule.rehab_time, ht);
	char nt[TENDO_DATE_BUFSZ], nv[TENDO_DATE_BUFSZ];
	if (next_test != TENDO_DATE_NONE)
		tendo_date_format(next_test, nt);
	if (next_visa != TENDO_DATE_NONE)
		tendo_date_format(next_visa, nv);
	if (a.json) {
		json_t *arr = json_array();
		for (int i = 0; i < n; i++) {
			const tendo_plan_day *x = &days[i];
			json_t *o = json_object();
			json_object_set_new(o, "date", json_string(tendo_date_format(x->date, d)));
			json_object_set_new(o, "weekday", json_string(wd[tendo_date_weekday(x->date)]));
			json_object_set_new(o, "stage", json_string(tendo_stage_name(x->stage)));
			json_object_set_new(o, "decision", json_string(tendo_decision_name(x->decision)));
			json_object_set_new(o, "training_day", json_boolean(x->training_day));
			json_object_set_new(o, "run", x->run ? json_pack("{s:i,s:b,s:s,s:s}", "minutes", x->run_minutes, "run_walk",
			                                                 x->run_walk, "at", rt, "why", x->run_why)
			                                     : json_pack("{s:n,s:s}", "minutes", "why", x->run_why));
			json_object_set_new(o, "rehab", x->rehab[0] ? json_pack("{s:b,s:s,s:i,s:s,s:s}", "strength", x->strength,
			                                                         "items", x->rehab, "minutes", x->rehab_minutes,
			                                                         "at", ht, "why", x->rehab_why)
			                                            : json_pack("{s:b,s:s,s:i,s:n,s:s}", "strength", false, "items",
			                                                        "", "minutes", 0, "at", "why", x->rehab_why));
			json_object_set_new(o, "monitoring_task", json_boolean(!x->seek_care));
			json_object_set_new(o, "readiness_tests_due", json_boolean(x->test_due));
			json_object_set_new(o, "visa_due", json_boolean(x->visa_due));
			json_object_set_new(o, "seek_care", json_boolean(x->seek_care));
			json_array_append_new(arr, o);
		}
		json_t *doc = json_pack("{s:o,s:o,s:o}", "days", arr, "next_readiness_tests",
		                        next_test != TENDO_DATE_NONE ? json_string(nt) : json_null(), "next_visa",
		                        next_visa != TENDO_DATE_NONE ? json_string(nv) : json_null());
		return cli_print_json(doc);
	}
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
		if (x->seek_care)
			snprintf(what, sizeof(what), "see a clinician");
		else if (x->run)
			snprintf(what, sizeof(what), "run %d min%s", x->run_minutes, x->run_walk ? " run/walk" : "");
		else if (x->strength)
			snprintf(what, sizeof(what), "strength");
		else if (x->rehab[0])
			snprintf(what, sizeof(what), "holds only");
		else
			snprintf(what, sizeof(what), "rest");
		char u[800]; /* the engine's texts in the athlete's units */
		printf("%s %s  %-16s %s%s%s\n", wd[tendo_date_weekday(x->date)], tendo_date_format(x->date, d), what,
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
