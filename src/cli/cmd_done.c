/*
 * cmd_done.c - tendo done: log the day's prescribed session as done, in one
 * command and one transaction: the prescribed run (minutes, flat, run/walk
 * as prescribed) and each prescribed rehab exercise (sets, reps or holds,
 * the prescribed load: one entry a leg when the prescription gives each leg
 * its own, else both legs; body weight when there is no load), with the pain
 * and RPE given.
 *
 * The work is done_log() (src/shapes/done.c), which tendo serve shares.
 * The prescription is the one the day started with
 * (tendo_engine_prescribe_morning(), the timeline's record: PROTOCOL.md
 * 10.9), so logging part of it first does not change what "done" means. A day with nothing prescribed, or whose prescribed run or
 * exercises are already in the log, is refused.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/validate.h>

#include "../shapes/done.h"
#include "cli.h"

enum { O_PDURING = 1, O_PAFTER, O_RPE, O_DATE, O_JSON };

static const cli_opt opts[] = {
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during (logged with every session)" },
	{ "pain-after", required_argument, O_PAFTER, "0-10", "pain after, same day (with the run; else a pain report)" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt (logged with every session)" },
	{ "date", required_argument, O_DATE, "D", "the day, YYYY-MM-DD in your zone (default today)" },
	{ "json", no_argument, O_JSON, NULL, "print what was logged as JSON" },
	{ 0 }
};
static const cli_spec spec = { "done [--pain-during N] [--pain-after N] [--rpe N] [--date D] [--json]",
	"Log the day's prescribed session (tendo today) as done: the run and every rehab exercise, as prescribed.", opts };

typedef struct {
	const char *pdur, *pafter, *rpe, *date;
	bool json;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	switch (id) {
	case O_PDURING: a->pdur = v; break;
	case O_PAFTER: a->pafter = v; break;
	case O_RPE: a->rpe = v; break;
	case O_DATE: a->date = v; break;
	default: a->json = true; break;
	}
	return 0;
}

int cmd_done(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	int pdur = -1, pafter = -1, rpe = -1;
	tendo_date date = TENDO_DATE_NONE;
	if ((a.pdur && (rc = cli_num_int(ctx, "pain-during", a.pdur, 0, TENDO_SCORE_MAX, &pdur))) ||
	    (a.pafter && (rc = cli_num_int(ctx, "pain-after", a.pafter, 0, TENDO_SCORE_MAX, &pafter))) ||
	    (a.rpe && (rc = cli_num_int(ctx, "rpe", a.rpe, 0, TENDO_SCORE_MAX, &rpe))) ||
	    (rc = cli_check_scores(ctx, rpe, pdur, pafter, TENDO_TOD_NONE)) ||
	    (a.date && (rc = cli_date(ctx, "date", a.date, &date))))
		return rc;
	if ((rc = cli_open(ctx, true)) || (rc = cli_log_date(ctx, a.date, &date)))
		return rc;
	char d[TENDO_DATE_BUFSZ], s[TENDO_DATE_BUFSZ];
	tendo_date_format(date, d);
	if (date < ctx->profile.start)
		return cli_usage(ctx, "--date %s is before the programme's start (%s): nothing was prescribed then", d,
		                 tendo_date_format(ctx->profile.start, s));

	tendo_log log = { 0 };
	tendo_prescription rx;
	json_t *done = NULL;
	char why[600];
	rc = done_log(ctx->store, &ctx->profile, date, cli_stamp(ctx, date), DONE_ALL, pdur, pafter, rpe, &rx, &done, why,
	             sizeof(why));
	if (rc == DONE_NOTHING)
		return cli_fail(ctx, "%s (see tendo today --date %s)", why, d);
	if (rc > 0)
		return cli_fail(ctx, "%s", why);
	if (rc) {
		const char *msg = tendo_error_last();
		return cli_fail(ctx, "nothing written: %s", msg[0] ? msg : tendo_error_name(rc));
	}
	size_t i;
	json_t *e;
	if (a.json) {
		/* each entry as history --json shows it, with the line printed for it */
		json_t *full = json_array();
		if ((rc = tendo_store_load_log_ext(ctx->store, &log, date, date, TENDO_LOAD_REPLACED))) {
			json_decref(full);
			json_decref(done);
			return cli_lib_error(ctx, rc);
		}
		json_array_foreach(done, i, e) {
			json_t *x = cli_entry_json(ctx, &log, json_integer_value(json_object_get(e, "id")));
			if (!x)
				x = json_incref(e);
			else
				json_object_set(x, "what", json_object_get(e, "what"));
			json_array_append_new(full, x);
		}
		tendo_log_dispose(&log);
		json_decref(done);
		return cli_print_json(json_pack("{s:s,s:s,s:o}", "date", d, "decision", tendo_decision_name(rx.decision),
		                                "logged", full));
	}
	json_array_foreach(done, i, e)
		printf("logged #%lld on %s: %s\n", (long long)json_integer_value(json_object_get(e, "id")), d,
		       cli_text(json_string_value(json_object_get(e, "what"))));
	json_decref(done);
	return 0;
}
