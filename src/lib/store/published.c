/*
 * published.c - what the calendar last sent (tendo/published.h): the rows
 * of calendar_event, read for a day range and upserted in one savepoint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/alloc.h"

#include "tendo/errors.h"
#include "tendo/published.h"

int tendo_published_load(tendo_published **out, size_t *n, tendo_store *s, tendo_date from)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "SELECT uid, day, digest, sequence, cancelled FROM calendar_event "
	                            "WHERE ?1 IS NULL OR day >= ?1 ORDER BY day, uid",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s->db, s->path, rc);
	char d[TENDO_DATE_BUFSZ];
	if (from != TENDO_DATE_NONE)
		sqlite3_bind_text(st, 1, tendo_date_format(from, d), -1, SQLITE_TRANSIENT);
	tendo_published *v = NULL;
	size_t cnt = 0, cap = 0;
	int err = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == TENDO_PUBLISHED_MAX) {
			err = tendo_error_set(TENDO_ELIMIT, "calendar: more than %d events sent", TENDO_PUBLISHED_MAX);
			break;
		}
		if (cnt == cap) {
			size_t nc = cap ? 2 * cap : 64;
			tendo_published *g = tendo_realloc(v, nc * sizeof(*v));
			if (!g) {
				err = tendo_error_set(TENDO_ENOMEM, "calendar: out of memory");
				break;
			}
			v = g, cap = nc;
		}
		tendo_published *e = &v[cnt];
		memset(e, 0, sizeof(*e));
		const char *uid = (const char *)sqlite3_column_text(st, 0);
		const char *day = (const char *)sqlite3_column_text(st, 1);
		const char *dig = (const char *)sqlite3_column_text(st, 2);
		snprintf(e->uid, sizeof(e->uid), "%s", uid ? uid : "");
		snprintf(e->digest, sizeof(e->digest), "%s", dig ? dig : "");
		if (!day || tendo_date_parse(&e->day, day) != 0)
			continue; /* a row this tendo did not write: left out */
		e->sequence = sqlite3_column_int(st, 3);
		e->cancelled = sqlite3_column_int(st, 4) != 0;
		cnt++;
	}
	if (!err && rc != SQLITE_DONE)
		err = store_fail(s->db, s->path, rc);
	sqlite3_finalize(st);
	if (err) {
		free(v);
		return err;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int tendo_published_save(tendo_store *s, const tendo_published *ev, size_t n, time_t sent)
{
	for (size_t i = 0; i < n; i++)
		if (!ev[i].uid[0] || ev[i].sequence < 0 || ev[i].day == TENDO_DATE_NONE)
			return tendo_error_set(TENDO_EINVAL, "calendar: event %zu has no UID, no day or a negative sequence", i);
	if (n == 0)
		return 0;
	int rc = sqlite3_exec(s->db, "SAVEPOINT tendo_published", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s->db, s->path, rc);
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(s->db,
	                        "INSERT INTO calendar_event (uid, day, digest, sequence, cancelled, sent) "
	                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (uid) DO UPDATE SET day = excluded.day, "
	                        "digest = excluded.digest, sequence = excluded.sequence, "
	                        "cancelled = excluded.cancelled, sent = excluded.sent",
	                        -1, &st, NULL);
	char when[21], d[TENDO_DATE_BUFSZ];
	tendo_instant_format(sent, when);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, ev[i].uid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, tendo_date_format(ev[i].day, d), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, ev[i].digest, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 4, ev[i].sequence);
		sqlite3_bind_int(st, 5, ev[i].cancelled);
		sqlite3_bind_text(st, 6, when, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	int err = rc == SQLITE_OK ? 0 : store_fail(s->db, s->path, rc);
	sqlite3_finalize(st);
	if (err) {
		sqlite3_exec(s->db, "ROLLBACK TO tendo_published; RELEASE tendo_published", NULL, NULL, NULL);
		return err;
	}
	rc = sqlite3_exec(s->db, "RELEASE tendo_published", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		err = store_fail(s->db, s->path, rc);
		sqlite3_exec(s->db, "ROLLBACK TO tendo_published; RELEASE tendo_published", NULL, NULL, NULL);
		return err;
	}
	return 0;
}
