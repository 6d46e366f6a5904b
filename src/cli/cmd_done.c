/*
 * cmd_done.c - tendo done: log the day's prescribed session as done, in one
 * command and one transaction: the prescribed run (minutes, flat, run/walk
 * as prescribed) and each prescribed rehab exercise (sets, reps or holds,
 * the prescribed load: one entry a leg when the prescription gives each leg
 * its own, else both legs; body weight when there is no load), with the pain
 * and RPE given.
 *
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

/* What is already in the log of day d of what rx prescribes, as "#12 run,
 * #13 iso-bridge" into buf; returns true if anything is. */
static bool already(const tendo_log *log, const tendo_prescription *rx, tendo_date d, char *buf, size_t sz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; rx->run.allowed && k < log->n_runs && len < sz; k++)
		if (log->runs[k].date == d)
			len += (size_t)snprintf(buf + len, sz - len, "%s#%lld run", len ? ", " : "", (long long)log->runs[k].id);
	for (size_t i = 0; i < rx->n_rehab && len < sz; i++)
		for (size_t k = 0; k < log->n_rehab && len < sz; k++)
			if (log->rehab[k].date == d && strcmp(log->rehab[k].exercise, rx->rehab[i].exercise->name) == 0)
				len += (size_t)snprintf(buf + len, sz - len, "%s#%lld %s", len ? ", " : "",
				                        (long long)log->rehab[k].id, log->rehab[k].exercise);
	return len > 0;
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
	if ((rc = tendo_store_begin(ctx->store)))
		return cli_lib_error(ctx, rc);
	if ((rc = tendo_store_load_log(ctx->store, &log, TENDO_DATE_NONE, date)))
		goto lib_error;
	/* what that morning advised (PROTOCOL.md 10.9), the timeline's record */
	rc = tendo_engine_prescribe_morning(&rx, &ctx->profile, &log, date);
	if (rc)
		goto lib_error;
	if (!rx.run.allowed && rx.n_rehab == 0) {
		tendo_log_dispose(&log);
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "nothing is prescribed for %s (%s): there is nothing to log as done (see tendo today --date "
		                "%s)", d, tendo_decision_name(rx.decision), d);
	}
	char have[400];
	if (already(&log, &rx, date, have, sizeof(have))) {
		tendo_log_dispose(&log);
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "the prescribed session of %s is already logged (%s): log the rest with tendo log, or change "
		                "an entry with tendo edit", d, have);
	}
	tendo_log_dispose(&log);

	time_t at = cli_stamp(ctx, date);
	json_t *done = json_array();
	int64_t first = 0, id = 0;
	char line[200];
	if (rx.run.allowed && rx.run.minutes > 0) {
		tendo_run r = { .date = date, .minutes = rx.run.minutes, .km = -1, .terrain = TENDO_TERRAIN_FLAT,
			.intent = TENDO_INTENT_EASY, .walk_breaks = rx.run.run_walk, .rpe = rpe, .pain_during = pdur,
			.pain_after = pafter, .time_min = TENDO_TOD_NONE };
		if ((rc = tendo_store_add_run(ctx->store, &r, at, &id)))
			goto lib_error_json;
		first = id;
		snprintf(line, sizeof(line), "run %d min, flat%s", rx.run.minutes, r.walk_breaks ? ", run/walk" : "");
		json_array_append_new(done, json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "type", "run", "what", line));
	}
	for (size_t i = 0; i < rx.n_rehab; i++) {
		const tendo_rx_item *it = &rx.rehab[i];
		/* one leg at a time when the prescription gives each leg its load
		 * (a leg with no number is not logged: it has no prescription);
		 * else both legs, with the load if there is one */
		const tendo_side sides[3] = { TENDO_SIDE_LEFT, TENDO_SIDE_RIGHT, TENDO_SIDE_BOTH };
		const double kgs[3] = { it->kg_left, it->kg_right, it->kg };
		bool per_side = it->kg_left >= 0 || it->kg_right >= 0;
		for (int k = per_side ? 0 : 2; k < (per_side ? 2 : 3); k++) {
			if (per_side && kgs[k] < 0)
				continue;
			tendo_rehab x = { .date = date, .sets = it->sets, .reps = it->reps > 0 ? it->reps : -1,
				.hold_s = it->reps > 0 ? -1 : it->hold_s, .kg = kgs[k], .side = sides[k],
				.rpe = rpe, .pain_during = pdur, .time_min = TENDO_TOD_NONE };
			snprintf(x.exercise, sizeof(x.exercise), "%s", it->exercise->name);
			if ((rc = tendo_store_add_rehab(ctx->store, &x, at, &id)))
				goto lib_error_json;
			if (!first)
				first = id;
			char dose[32], load[32];
			if (x.reps > 0)
				snprintf(dose, sizeof(dose), "%d x %d", x.sets, x.reps);
			else
				snprintf(dose, sizeof(dose), "%d x %d s", x.sets, x.hold_s);
			if (x.kg >= 0)
				snprintf(load, sizeof(load), "%.2f kg", x.kg);
			else
				snprintf(load, sizeof(load), "body weight");
			snprintf(line, sizeof(line), "%s %s, %s (%s)", x.exercise, dose, load, tendo_side_name(x.side));
			json_array_append_new(done, json_pack("{s:I,s:s,s:o}", "id", (json_int_t)id, "type", "rehab", "what", cli_jstr(line)));
		}
	}
	/* pain after a day without a run: a report of its own, on the first session */
	if (pafter >= 0 && !(rx.run.allowed && rx.run.minutes > 0)) {
		tendo_pain p = { .date = date, .kind = TENDO_PAIN_AFTER, .score = pafter, .session_id = first };
		if ((rc = tendo_store_add_pain(ctx->store, &p, at, NULL, &id)))
			goto lib_error_json;
		snprintf(line, sizeof(line), "pain (after) %d/10, session #%lld", pafter, (long long)first);
		json_array_append_new(done, json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "type", "pain", "what", line));
	}
	if ((rc = tendo_store_commit(ctx->store)))
		goto lib_error_json;
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

lib_error_json:
	json_decref(done);
lib_error:
	{
		const char *msg = tendo_error_last();
		tendo_log_dispose(&log);
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "nothing written: %s", msg[0] ? msg : tendo_error_name(rc));
	}
}
