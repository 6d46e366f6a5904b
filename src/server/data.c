/*
 * data.c - what the pages and the API read and write, through libtendo's
 * public API as the CLI does: the athlete and today, today's prescription
 * (cmd_today.c's path), and a pain report in a transaction of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "server_int.h"

int srv_athlete_get(const srv_req *q, srv_athlete *out)
{
	int rc = tendo_store_get_profile(q->store, &out->profile);
	if (rc == 0)
		rc = tendo_store_get_schedule(q->store, &out->schedule);
	if (rc)
		return rc;
	/* the preferred run time judges spacing in hours (PROTOCOL.md 10.8), as cli_open() */
	out->profile.run_time_set = true;
	out->profile.run_time_min = out->schedule.run_time;
	tendo_date fake = srv_today_override(q->s); /* tests replaying a day, as the CLI */
	out->today = fake != TENDO_DATE_NONE ? fake : tendo_date_of_instant(time(NULL), out->profile.tz);
	return 0;
}

int srv_prescribe(tendo_store *store, const srv_athlete *a, tendo_log *log, tendo_prescription *rx)
{
	int rc = tendo_store_load_log(store, log, TENDO_DATE_NONE, a->today);
	if (rc == 0)
		rc = tendo_engine_prescribe(rx, &a->profile, log, a->today);
	return rc;
}

static int add_one(tendo_store *store, const srv_athlete *a, const tendo_pain *e, const char *note, int64_t *out_id)
{
	time_t at = e->date == a->today ? time(NULL) : tendo_date_noon_utc(e->date, a->profile.tz);
	return tendo_store_add_pain(store, e, at, note, out_id);
}

int srv_add_pains(tendo_store *store, const srv_athlete *a, const tendo_pain *first, const tendo_pain *second,
                  int64_t *out_id)
{
	/* the library's checks before the write lock is taken */
	int rc = tendo_check_pain(first);
	if (rc == 0 && second)
		rc = tendo_check_pain(second);
	if (rc)
		return rc;
	if ((rc = tendo_store_begin(store)))
		return rc;
	int64_t id = 0;
	rc = add_one(store, a, first, NULL, &id);
	if (rc == 0 && second)
		rc = add_one(store, a, second, NULL, NULL);
	if (rc == 0 && first->date < a->profile.start)
		rc = tendo_store_set_start(store, first->date);
	if (rc == 0)
		rc = tendo_store_commit(store);
	if (rc) {
		tendo_store_rollback(store);
		return rc;
	}
	if (out_id)
		*out_id = id;
	return 0;
}

int srv_add_pain(tendo_store *store, const srv_athlete *a, const tendo_pain *e, const char *note, int64_t *out_id)
{
	int rc = tendo_check_pain(e);
	if (rc == 0)
		rc = tendo_check_note(note);
	if (rc)
		return rc;
	if ((rc = tendo_store_begin(store)))
		return rc;
	rc = add_one(store, a, e, note, out_id);
	if (rc == 0 && e->date < a->profile.start)
		rc = tendo_store_set_start(store, e->date);
	if (rc == 0)
		rc = tendo_store_commit(store);
	if (rc)
		tendo_store_rollback(store);
	return rc;
}

void srv_message_field(const char *msg, char *out, size_t outsz)
{
	size_t n = strspn(msg, "abcdefghijklmnopqrstuvwxyz_");
	out[0] = '\0';
	if (n > 0 && n < outsz && (msg[n] == ' ' || msg[n] == ':'))
		snprintf(out, outsz, "%.*s", (int)n, msg);
}

/* What this thread read last and what it was made from: its connection
 * and the database's stamp then (tendo_store_version()). While the stamp
 * holds, nothing was written, by this server or the CLI: the athlete
 * (profile, schedule) and the prescription of a day are the same, so
 * neither the profile nor the whole log is read again. The prescription
 * holds no pointer into the log (only into the library's static data), so
 * a copy stands alone. */
static _Thread_local struct {
	const tendo_store *store;
	uint64_t version[2];
	srv_athlete a;         /* a.today: the local day from `from` to `to` */
	time_t from, to;       /* instants surely on a.today (no zone look-up needed) */
	tendo_prescription rx; /* valid when have_rx, for the day rx.date */
	bool valid, have_rx;
	unsigned long gen;     /* changes whenever srv_today() makes a prescription anew */
} tl_rx;

unsigned long srv_today_generation(void)
{
	return tl_rx.gen;
}

/* Instants surely on a's day: its local noon +- 10 h (midnights lie 12 h
 * from noon, give or take a daylight-saving shift of at most 2 h). */
static void day_window(const srv_athlete *a, time_t *from, time_t *to)
{
	time_t noon = tendo_date_noon_utc(a->today, a->profile.tz);
	*from = noon - 10 * 3600;
	*to = noon + 10 * 3600;
}

int srv_today(const srv_req *q, srv_athlete *a, tendo_prescription *rx)
{
	uint64_t version[2];
	bool stamped = tendo_store_version(q->store, version) == 0;
	bool same = stamped && tl_rx.valid && tl_rx.store == q->store && tl_rx.version[0] == version[0] &&
	            tl_rx.version[1] == version[1];
	bool fake = srv_today_override(q->s) != TENDO_DATE_NONE;
	if (same) {
		time_t now = time(NULL);
		if (!fake && (now < tl_rx.from || now > tl_rx.to)) {
			tl_rx.a.today = tendo_date_of_instant(now, tl_rx.a.profile.tz);
			day_window(&tl_rx.a, &tl_rx.from, &tl_rx.to);
		}
		*a = tl_rx.a;
	} else {
		tl_rx.valid = tl_rx.have_rx = false;
		int rc = srv_athlete_get(q, a);
		if (rc)
			return rc;
		if (stamped) {
			tl_rx.store = q->store;
			memcpy(tl_rx.version, version, sizeof(version));
			tl_rx.a = *a;
			day_window(a, &tl_rx.from, &tl_rx.to);
			tl_rx.valid = true;
		}
	}
	if (same && tl_rx.have_rx && tl_rx.rx.date == a->today) {
		*rx = tl_rx.rx;
		return 0;
	}
	tendo_log log = { 0 };
	int rc = srv_prescribe(q->store, a, &log, rx);
	tendo_log_dispose(&log);
	tl_rx.gen++;
	if (rc == 0 && tl_rx.valid) {
		tl_rx.rx = *rx;
		tl_rx.have_rx = true;
	}
	return rc;
}
