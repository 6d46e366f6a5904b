/*
 * done.c - the day's prescribed session logged as done (done.h), shared by
 * `tendo done` (src/cli/cmd_done.c) and tendo serve (src/server/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "done.h"

/* What is already in the log of day d of the parts of rx, as "#12 run,
 * #13 iso-bridge" into buf; returns true if anything is. */
static bool already(const tendo_log *log, const tendo_prescription *rx, unsigned parts, tendo_date d, char *buf,
                    size_t sz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; (parts & DONE_RUN) && rx->run.allowed && k < log->n_runs && len < sz; k++)
		if (log->runs[k].date == d)
			len += (size_t)snprintf(buf + len, sz - len, "%s#%lld run", len ? ", " : "", (long long)log->runs[k].id);
	for (size_t i = 0; (parts & DONE_REHAB) && i < rx->n_rehab && len < sz; i++)
		for (size_t k = 0; k < log->n_rehab && len < sz; k++)
			if (log->rehab[k].date == d && strcmp(log->rehab[k].exercise, rx->rehab[i].exercise->name) == 0)
				len += (size_t)snprintf(buf + len, sz - len, "%s#%lld %s", len ? ", " : "",
				                        (long long)log->rehab[k].id, log->rehab[k].exercise);
	return len > 0;
}

static void add_line(json_t *done, int64_t id, const char *type, const char *what)
{
	json_t *s = json_string(what);
	if (!s) /* not UTF-8 (an exercise name from the library always is) */
		s = json_string("?");
	json_array_append_new(done, json_pack("{s:I,s:s,s:o}", "id", (json_int_t)id, "type", type, "what", s));
}

int done_log(tendo_store *store, const tendo_profile *profile, tendo_date date, time_t at, unsigned parts,
             int pdur, int pafter, int rpe, tendo_prescription *rx, json_t **logged, char *err, size_t errsz)
{
	*logged = NULL;
	err[0] = '\0';
	tendo_log log = { 0 };
	char d[TENDO_DATE_BUFSZ];
	tendo_date_format(date, d);
	int rc = tendo_store_begin(store);
	if (rc)
		return rc;
	if ((rc = tendo_store_load_log(store, &log, TENDO_DATE_NONE, date)) ||
	    (rc = tendo_engine_prescribe_morning(rx, profile, &log, date)))
		goto fail;
	/* a red flag logged that day is not in the morning's prescription
	 * (10.9), but it stands now: nothing is logged as done after it */
	tendo_prescription *live = malloc(sizeof(*live));
	if (!live) {
		rc = tendo_error_set(TENDO_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = tendo_engine_prescribe(live, profile, &log, date))) {
		free(live);
		goto fail;
	}
	bool flagged = live->decision == TENDO_DECISION_SEEK_CARE;
	free(live);
	if (flagged)
		rx->decision = TENDO_DECISION_SEEK_CARE;
	bool run = !flagged && (parts & DONE_RUN) && rx->run.allowed && rx->run.minutes > 0;
	bool rehab = !flagged && (parts & DONE_REHAB) && rx->n_rehab > 0;
	if (!run && !rehab) {
		snprintf(err, errsz, "nothing %sis prescribed for %s (%s): there is nothing to log as done",
		         parts == DONE_RUN ? "to run " : parts == DONE_REHAB ? "of rehab " : "", d,
		         tendo_decision_name(rx->decision));
		rc = DONE_NOTHING;
		goto refuse;
	}
	char have[400];
	if (already(&log, rx, parts, date, have, sizeof(have))) {
		snprintf(err, errsz, "the prescribed session of %s is already logged (%s): log the rest with tendo log, or "
		         "change an entry with tendo edit", d, have);
		rc = DONE_ALREADY;
		goto refuse;
	}
	tendo_log_dispose(&log);

	json_t *done = json_array();
	int64_t first = 0, id = 0;
	char line[200];
	if (!done) {
		rc = tendo_error_set(TENDO_ENOMEM, "out of memory");
		goto fail;
	}
	if (run) {
		tendo_run r = { .date = date, .minutes = rx->run.minutes, .km = -1, .terrain = TENDO_TERRAIN_FLAT,
			.intent = TENDO_INTENT_EASY, .walk_breaks = rx->run.run_walk, .rpe = rpe, .pain_during = pdur,
			.pain_after = pafter, .time_min = TENDO_TOD_NONE };
		if ((rc = tendo_store_add_run(store, &r, at, &id)))
			goto fail_json;
		first = id;
		snprintf(line, sizeof(line), "run %d min, flat%s", rx->run.minutes, r.walk_breaks ? ", run/walk" : "");
		add_line(done, id, "run", line);
	}
	for (size_t i = 0; rehab && i < rx->n_rehab; i++) {
		const tendo_rx_item *it = &rx->rehab[i];
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
			if ((rc = tendo_store_add_rehab(store, &x, at, &id)))
				goto fail_json;
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
			add_line(done, id, "rehab", line);
		}
	}
	/* pain after without a run: a report of its own, on the first session */
	if (pafter >= 0 && !run) {
		tendo_pain p = { .date = date, .kind = TENDO_PAIN_AFTER, .score = pafter, .session_id = first };
		if ((rc = tendo_store_add_pain(store, &p, at, NULL, &id)))
			goto fail_json;
		snprintf(line, sizeof(line), "pain (after) %d/10, session #%lld", pafter, (long long)first);
		add_line(done, id, "pain", line);
	}
	if ((rc = tendo_store_commit(store)))
		goto fail_json;
	*logged = done;
	return 0;

fail_json:
	json_decref(done);
fail:
	tendo_log_dispose(&log);
	tendo_store_rollback(store);
	return rc < 0 ? rc : TENDO_ERROR;
refuse:
	tendo_log_dispose(&log);
	tendo_store_rollback(store);
	return rc;
}
