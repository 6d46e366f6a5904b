/*
 * store.c - the athlete's log in SQLite (tendo/store.h): opening a database
 * file, transactions, the profile and its settings, adding, loading and
 * deleting entries, and the default database path.
 *
 * The schema and its migrations live in schema.c. Every statement is
 * prepared with bound parameters. The add and profile functions write inside
 * a savepoint, so one call is all or nothing whether or not the caller has
 * opened a transaction with tendo_store_begin().
 */
#include "store/store_int.h"
#include "util/alloc.h"

#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "tendo/date.h"
#include "tendo/errors.h"
#include "tendo/log.h"
#include "tendo/protocol.h"
#include "tendo/validate.h"

#define STORE_MAX_ROWS ((size_t)1 << 24) /* entries of one kind loaded at once */

sqlite3 *store_sqlite(tendo_store *s)
{
	return s ? s->db : NULL;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

/* mkdir -p the folder holding path, mode 0700 for what it creates. */
static int make_parent_dirs(const char *path)
{
	char *dir = tendo_strdup(path);
	char *slash, *p;
	int err = 0;

	if (!dir)
		return tendo_error_set(TENDO_ENOMEM, "out of memory");
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) { /* current folder or the root */
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (p = dir + 1;; p++) {
		char c = *p;
		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			err = tendo_error_set(TENDO_ESTORE, "cannot create folder %s: %s", dir,
			                      strerror(errno));
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return err;
}

/*
 * A WAL database read from a folder nobody may write to (a backup on
 * read-only media, a physio's read-only copy): SQLite cannot make the -shm
 * file it reads a WAL database with, and fails with "attempt to write a
 * readonly database". When the folder is not writable and there is no
 * -wal file with content (so the database file is the whole log), it is
 * opened immutable: read as it is, no locks, no -shm. Returns the URI
 * (freed by the caller), or NULL to open the path as usual.
 */
static char *immutable_uri(const char *path)
{
	char copy[4096], wal[4200];
	snprintf(copy, sizeof(copy), "%s", path);
	struct stat st;
	snprintf(wal, sizeof(wal), "%s-wal", path);
	if (access(dirname(copy), W_OK) == 0 || (stat(wal, &st) == 0 && st.st_size > 0))
		return NULL;
	size_t n = strlen(path);
	char *uri = tendo_malloc(n * 3 + 32), *o = uri;
	if (!uri)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (isalnum(*p) || strchr("/-_.~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	sprintf(o, "?immutable=1");
	return uri;
}

static int store_open(tendo_store **out, const char *path, int flags)
{
	tendo_store *s;
	int oflags, rc, err, version;
	bool create = (flags & TENDO_STORE_CREATE) != 0;
	bool readonly = (flags & TENDO_STORE_READONLY) != 0;

	*out = NULL;
	if (!path || !*path)
		return tendo_error_set(TENDO_EINVAL, "no database path given");
	if (readonly && create)
		return tendo_error_set(TENDO_EINVAL, "cannot create database %s read-only", path);

	if (create) {
		if ((err = make_parent_dirs(path)) < 0)
			return err;
	} else {
		struct stat st;
		if (stat(path, &st) != 0) {
			if (errno == ENOENT || errno == ENOTDIR)
				return tendo_error_set(TENDO_ENOTFOUND,
				                       "no database at %s: run 'tendo init' first", path);
			return tendo_error_set(TENDO_ESTORE, "cannot open database %s: %s", path,
			                       strerror(errno));
		}
		if (S_ISDIR(st.st_mode))
			return tendo_error_set(TENDO_ESTORE, "%s is not a tendo database (it is a folder)",
			                       path);
	}

	s = tendo_calloc(1, sizeof(*s));
	if (!s || !(s->path = tendo_strdup(path))) {
		free(s);
		return tendo_error_set(TENDO_ENOMEM, "out of memory opening database %s", path);
	}
	s->readonly = readonly;

	/* a connection is used by one thread at a time (the CLI; a server gives
	 * each worker its own): no per-call mutex */
	oflags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY
	                                         : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
	char *uri = readonly ? immutable_uri(path) : NULL;
	if (uri)
		oflags |= SQLITE_OPEN_URI;
	rc = sqlite3_open_v2(uri ? uri : path, &s->db, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		err = s->db ? store_fail(s->db, path, rc)
		            : tendo_error_set(TENDO_ENOMEM, "out of memory opening database %s", path);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	rc = sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		err = store_fail(s->db, path, rc);
		goto fail;
	}
	/* Check the version before WAL: a foreign or newer file stays untouched. */
	if ((err = store_check(s, &version)) < 0)
		goto fail;
	if (!readonly) {
		rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			err = store_fail(s->db, path, rc);
			goto fail;
		}
	}
	if ((err = store_migrate(s, version)) < 0)
		goto fail;
	*out = s;
	return 0;

fail:
	tendo_store_close(s);
	return err;
}

int tendo_store_open(tendo_store **out, const char *path, int flags)
{
	int err = store_open(out, path, flags);
	if (err == STORE_NEEDS_UPGRADE) {
		/* an older schema opened read-only: migrate once, then read */
		tendo_store *rw = NULL;
		if ((err = store_open(&rw, path, flags & ~TENDO_STORE_READONLY)) < 0)
			return err;
		tendo_store_close(rw);
		err = store_open(out, path, flags);
		if (err == STORE_NEEDS_UPGRADE)
			err = TENDO_ESTORE;
	}
	return err;
}

void tendo_store_close(tendo_store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db); /* NULL-safe; statements are all finalized */
	free(s->path);
	free(s);
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

static int exec(tendo_store *s, const char *sql)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_fail(s->db, s->path, rc);
}

int tendo_store_begin(tendo_store *s)
{
	return exec(s, "BEGIN IMMEDIATE");
}

int tendo_store_commit(tendo_store *s)
{
	return exec(s, "COMMIT");
}

void tendo_store_rollback(tendo_store *s)
{
	if (s && s->db && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * One write call is all or nothing: it runs inside a savepoint, nested in
 * the caller's transaction if there is one. *outer says whether the
 * savepoint started the transaction itself.
 */
static int write_begin(tendo_store *s, bool *outer)
{
	*outer = sqlite3_get_autocommit(s->db) != 0;
	return exec(s, "SAVEPOINT tendo_write");
}

/* End the savepoint: release it if err is 0, else undo it. Returns err, or
 * the error of the release. */
static int write_end(tendo_store *s, bool outer, int err)
{
	if (err == 0) {
		int rc = sqlite3_exec(s->db, "RELEASE tendo_write", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		err = store_fail(s->db, s->path, rc);
	}
	sqlite3_exec(s->db, "ROLLBACK TO tendo_write", NULL, NULL, NULL);
	sqlite3_exec(s->db, "RELEASE tendo_write", NULL, NULL, NULL);
	if (outer && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */

static int prepare(tendo_store *s, sqlite3_stmt **st, const char *sql)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return store_fail(s->db, s->path, rc);
	}
	return 0;
}

/*
 * Binders accumulate the first failure in *rc, so a statement is bound in a
 * row of calls and checked once. Negative optional values bind NULL.
 */
static void bind_int(sqlite3_stmt *st, int i, int v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = sqlite3_bind_int(st, i, v);
}

static void bind_i64(sqlite3_stmt *st, int i, int64_t v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = sqlite3_bind_int64(st, i, v);
}

static void bind_opt_int(sqlite3_stmt *st, int i, int v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = v < 0 ? sqlite3_bind_null(st, i) : sqlite3_bind_int(st, i, v);
}

static void bind_double(sqlite3_stmt *st, int i, double v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = sqlite3_bind_double(st, i, v);
}

static void bind_opt_double(sqlite3_stmt *st, int i, double v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = v < 0 ? sqlite3_bind_null(st, i) : sqlite3_bind_double(st, i, v);
}

/* NAN binds NULL (measured facts of imported activities). */
static void bind_fact(sqlite3_stmt *st, int i, double v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = isfinite(v) ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* Step a bound statement that returns no row. The statement stays prepared
 * (reset) for the caller to finalize. */
static int step_done(tendo_store *s, sqlite3_stmt *st, int bind_rc)
{
	int rc = bind_rc == SQLITE_OK ? sqlite3_step(st) : bind_rc;
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		int err = store_fail(s->db, s->path, rc);
		sqlite3_reset(st);
		return err;
	}
	sqlite3_reset(st);
	return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

static double col_opt_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_double(st, i);
}

/* The name of an enum value, NULL for a value outside the enum (whose
 * _name() function gives "?"). */
static double col_fact(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static const char *known(const char *name)
{
	return name && *name && strcmp(name, "?") != 0 ? name : NULL;
}


/* ------------------------------------------------------------------ */
/* The profile                                                         */

int tendo_store_get_profile(tendo_store *s, tendo_profile *out)
{
	sqlite3_stmt *st = NULL;
	const char *side, *tz, *start, *name;
	int rc, err;

	memset(out, 0, sizeof(*out));
	if ((err = prepare(s, &st, "SELECT name, side, tz, start_date, start_stage, start_run_step_min,"
	                           " start_week_min, start_curl_kg, cleared_by, units FROM profile WHERE id = 1")) < 0)
		return err;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		err = tendo_error_set(TENDO_ENOTFOUND, "no athlete in %s: run 'tendo init' first",
		                      s->path);
		goto done;
	}
	if (rc != SQLITE_ROW) {
		err = store_fail(s->db, s->path, rc);
		goto done;
	}
	name = col_text(st, 0);
	side = col_text(st, 1);
	tz = col_text(st, 2);
	start = col_text(st, 3);
	if (!side || tendo_side_parse(&out->side, side) < 0) {
		err = tendo_error_set(TENDO_ESTORE, "profile in %s has an unknown side '%s'", s->path,
		                      side ? side : "");
		goto done;
	}
	if (!tz || strlen(tz) >= sizeof(out->tz)) {
		err = tendo_error_set(TENDO_ESTORE, "profile in %s has a bad time zone '%s'", s->path,
		                      tz ? tz : "");
		goto done;
	}
	if (!start || tendo_date_parse(&out->start, start) < 0) {
		err = tendo_error_set(TENDO_ESTORE, "profile in %s has a bad start date '%s'", s->path,
		                      start ? start : "");
		goto done;
	}
	if (!col_text(st, 4) || tendo_stage_parse(&out->start_stage, col_text(st, 4)) < 0) {
		err = tendo_error_set(TENDO_ESTORE, "profile in %s has an unknown start stage '%s'", s->path,
		                      col_text(st, 4) ? col_text(st, 4) : "");
		goto done;
	}
	out->start_run_step_min = col_opt_int(st, 5) < 0 ? 0 : col_opt_int(st, 5);
	out->start_week_min = col_opt_int(st, 6) < 0 ? 0 : col_opt_int(st, 6);
	out->start_curl_kg = col_opt_double(st, 7) < 0 ? 0 : col_opt_double(st, 7);
	snprintf(out->cleared_by, sizeof(out->cleared_by), "%s", col_text(st, 8) ? col_text(st, 8) : "");
	out->units = col_text(st, 9) && strcmp(col_text(st, 9), "imperial") == 0 ? TENDO_UNITS_IMPERIAL : TENDO_UNITS_METRIC;
	snprintf(out->name, sizeof(out->name), "%s", name ? name : "");
	memcpy(out->tz, tz, strlen(tz) + 1);
	sqlite3_finalize(st);

	/* Settings: defaults, then what the athlete changed. Unknown names (from
	 * a newer tendo) and values out of range are skipped: the default holds. */
	tendo_settings_default(&out->settings);
	if ((err = prepare(s, &st, "SELECT name, value FROM setting")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sname = col_text(st, 0);
		if (sname)
			(void)tendo_settings_set(&out->settings, sname, sqlite3_column_double(st, 1));
	}
	err = rc == SQLITE_DONE ? 0 : store_fail(s->db, s->path, rc);
done:
	sqlite3_finalize(st);
	return err;
}

/* Rewrite the setting table: one row per setting that differs from default. */
static int write_settings(tendo_store *s, const tendo_settings *set)
{
	tendo_settings def;
	const tendo_setting_info *info;
	sqlite3_stmt *st = NULL;
	size_t n, i;
	int err;

	if ((err = exec(s, "DELETE FROM setting")) < 0)
		return err;
	tendo_settings_default(&def);
	info = tendo_settings_info(&n);
	if ((err = prepare(s, &st, "INSERT INTO setting (name, value) VALUES (?1, ?2)")) < 0)
		return err;
	for (i = 0; i < n && err == 0; i++) {
		double v = tendo_settings_get(set, &info[i]);
		int rc = SQLITE_OK;
		if (v == tendo_settings_get(&def, &info[i]))
			continue;
		bind_text(st, 1, info[i].name, &rc);
		bind_double(st, 2, v, &rc);
		err = step_done(s, st, rc);
	}
	sqlite3_finalize(st);
	return err;
}


/* Bind the starting point of a profile to ?first .. ?first+4 (0 binds NULL). */
static void bind_start(sqlite3_stmt *st, int first, const tendo_profile *p, int *rc)
{
	bind_text(st, first, tendo_stage_name(p->start_stage), rc);
	bind_opt_int(st, first + 1, p->start_run_step_min > 0 ? p->start_run_step_min : -1, rc);
	bind_opt_int(st, first + 2, p->start_week_min > 0 ? p->start_week_min : -1, rc);
	bind_opt_double(st, first + 3, p->start_curl_kg > 0 ? p->start_curl_kg : -1, rc);
	bind_text(st, first + 4, p->cleared_by[0] ? p->cleared_by : NULL, rc);
}

int tendo_store_init_profile(tendo_store *s, const tendo_profile *p)
{
	sqlite3_stmt *st = NULL;
	char start[TENDO_DATE_BUFSZ], now[21];
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_profile(p)) < 0)
		return err;
	if ((err = write_begin(s, &outer)) < 0)
		return err;
	if ((err = prepare(s, &st, "SELECT 1 FROM profile")) < 0)
		goto done;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err = tendo_error_set(TENDO_EEXISTS, "an athlete is already set up in %s", s->path);
	else if (rc != SQLITE_DONE)
		err = store_fail(s->db, s->path, rc);
	sqlite3_finalize(st);
	st = NULL;
	if (err < 0)
		goto done;

	if ((err = prepare(s, &st,
	                   "INSERT INTO profile (id, name, side, tz, start_date, created_utc, start_stage,"
	                   " start_run_step_min, start_week_min, start_curl_kg, cleared_by, units)"
	                   " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")) < 0)
		goto done;
	rc = SQLITE_OK;
	bind_text(st, 1, p->name, &rc);
	bind_text(st, 2, tendo_side_name(p->side), &rc);
	bind_text(st, 3, p->tz, &rc);
	bind_text(st, 4, tendo_date_format(p->start, start), &rc);
	bind_text(st, 5, tendo_instant_format(time(NULL), now), &rc);
	bind_start(st, 6, p, &rc);
	bind_text(st, 11, p->units == TENDO_UNITS_IMPERIAL ? "imperial" : "metric", &rc);
	if ((err = step_done(s, st, rc)) < 0)
		goto done;
	err = write_settings(s, &p->settings);
done:
	sqlite3_finalize(st);
	return write_end(s, outer, err);
}

int tendo_store_update_profile(tendo_store *s, const tendo_profile *p)
{
	sqlite3_stmt *st = NULL;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_profile(p)) < 0)
		return err;
	if ((err = write_begin(s, &outer)) < 0)
		return err;
	if ((err = prepare(s, &st, "UPDATE profile SET name = ?1, side = ?2, tz = ?3,"
	                           " start_stage = ?4, start_run_step_min = ?5, start_week_min = ?6,"
	                           " start_curl_kg = ?7, cleared_by = ?8, units = ?9 WHERE id = 1")) < 0)
		goto done;
	bind_text(st, 1, p->name, &rc);
	bind_text(st, 2, tendo_side_name(p->side), &rc);
	bind_text(st, 3, p->tz, &rc);
	bind_start(st, 4, p, &rc);
	bind_text(st, 9, p->units == TENDO_UNITS_IMPERIAL ? "imperial" : "metric", &rc);
	if ((err = step_done(s, st, rc)) < 0)
		goto done;
	if (sqlite3_changes(s->db) == 0) {
		err = tendo_error_set(TENDO_ENOTFOUND, "no athlete in %s: run 'tendo init' first",
		                      s->path);
		goto done;
	}
	err = write_settings(s, &p->settings);
done:
	sqlite3_finalize(st);
	return write_end(s, outer, err);
}

int tendo_store_set_start(tendo_store *s, tendo_date start)
{
	sqlite3_stmt *st = NULL;
	char day[TENDO_DATE_BUFSZ];
	int rc = SQLITE_OK, err;

	if (start == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "start has no date");
	if ((err = prepare(s, &st, "UPDATE profile SET start_date = ?1 WHERE id = 1")) < 0)
		return err;
	bind_text(st, 1, tendo_date_format(start, day), &rc);
	if ((err = step_done(s, st, rc)) == 0 && sqlite3_changes(s->db) == 0)
		err = tendo_error_set(TENDO_ENOTFOUND, "no athlete in %s: run 'tendo init' first", s->path);
	sqlite3_finalize(st);
	return err;
}

int tendo_store_get_schedule(tendo_store *s, tendo_schedule *out)
{
	sqlite3_stmt *st = NULL;
	int rc, err;

	tendo_schedule_default(out);
	if ((err = prepare(s, &st, "SELECT days, run_time, rehab_time FROM profile WHERE id = 1")) < 0)
		return err;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		err = tendo_error_set(TENDO_ENOTFOUND, "no athlete in %s: run 'tendo init' first", s->path);
	else if (rc != SQLITE_ROW)
		err = store_fail(s->db, s->path, rc);
	else if (!col_text(st, 0) || tendo_schedule_parse_days(&out->days, col_text(st, 0)) < 0 ||
	         !col_text(st, 1) || tendo_schedule_parse_time(&out->run_time, col_text(st, 1)) < 0 ||
	         !col_text(st, 2) || tendo_schedule_parse_time(&out->rehab_time, col_text(st, 2)) < 0)
		err = tendo_error_set(TENDO_ESTORE, "profile in %s has a bad training schedule", s->path);
	sqlite3_finalize(st);
	return err;
}

int tendo_store_set_schedule(tendo_store *s, const tendo_schedule *sc)
{
	sqlite3_stmt *st = NULL;
	char days[TENDO_DAYS_BUFSZ], rt[6], ht[6];
	int rc = SQLITE_OK, err;

	if (!(sc->days & TENDO_DAYS_ALL) || (sc->days & ~TENDO_DAYS_ALL))
		return tendo_error_set(TENDO_EINVAL, "a schedule needs at least one training day");
	if (sc->run_time < 0 || sc->run_time > 1439 || sc->rehab_time < 0 || sc->rehab_time > 1439)
		return tendo_error_set(TENDO_EINVAL, "a time of day must be 00:00-23:59");
	if ((err = prepare(s, &st, "UPDATE profile SET days = ?1, run_time = ?2, rehab_time = ?3 WHERE id = 1")) < 0)
		return err;
	bind_text(st, 1, tendo_schedule_format_days(sc->days, days), &rc);
	bind_text(st, 2, tendo_schedule_format_time(sc->run_time, rt), &rc);
	bind_text(st, 3, tendo_schedule_format_time(sc->rehab_time, ht), &rc);
	if ((err = step_done(s, st, rc)) == 0 && sqlite3_changes(s->db) == 0)
		err = tendo_error_set(TENDO_ENOTFOUND, "no athlete in %s: run 'tendo init' first", s->path);
	sqlite3_finalize(st);
	return err;
}

/* ------------------------------------------------------------------ */
/* Adding entries                                                      */

/*
 * Start an add: open the savepoint and insert the entry row; *st is the
 * detail statement prepared from sql with ?1 bound to the new id.
 */
static int add_begin(tendo_store *s, bool *outer, const char *type, tendo_date date, int time_min, time_t at,
                     const char *note, const char *sql, sqlite3_stmt **st, int64_t *id)
{
	sqlite3_stmt *e = NULL;
	char day[TENDO_DATE_BUFSZ], when[21];
	int rc = SQLITE_OK, err;

	*st = NULL;
	if (date == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "%s entry has no date", type);
	if ((err = write_begin(s, outer)) < 0)
		return err;
	if ((err = prepare(s, &e, "INSERT INTO entry (type, date, at_utc, note, time_min) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5)")) < 0)
		goto fail;
	bind_text(e, 1, type, &rc);
	bind_text(e, 2, tendo_date_format(date, day), &rc);
	bind_text(e, 3, tendo_instant_format(at, when), &rc);
	bind_text(e, 4, note, &rc);
	bind_opt_int(e, 5, time_min, &rc);
	err = step_done(s, e, rc);
	sqlite3_finalize(e);
	if (err < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(s->db);
	if ((err = prepare(s, st, sql)) < 0)
		goto fail;
	rc = sqlite3_bind_int64(*st, 1, *id);
	if (rc != SQLITE_OK) {
		err = store_fail(s->db, s->path, rc);
		goto fail;
	}
	return 0;
fail:
	sqlite3_finalize(*st);
	*st = NULL;
	return write_end(s, *outer, err);
}

/* End an add's savepoint (undoing it if err) and report the id. */
static int add_finish(tendo_store *s, bool outer, int err, int64_t id, int64_t *out_id)
{
	err = write_end(s, outer, err);
	if (err == 0 && out_id)
		*out_id = id;
	return err;
}

/* Finish a one-row add: step the bound detail statement, finalize it. */
static int add_end(tendo_store *s, bool outer, sqlite3_stmt *st, int bind_rc, int64_t id,
                   int64_t *out_id)
{
	int err = step_done(s, st, bind_rc);
	sqlite3_finalize(st);
	return add_finish(s, outer, err, id, out_id);
}

/* The entry a pain report names must be a session (run, rehab,
 * cross-training) of the same day. */
static int check_session(tendo_store *s, int64_t session_id, tendo_date date)
{
	sqlite3_stmt *st;
	char day[TENDO_DATE_BUFSZ];
	int rc = SQLITE_OK, err;

	if ((err = prepare(s, &st, "SELECT type, date FROM entry WHERE id = ?1")) < 0)
		return err;
	bind_i64(st, 1, session_id, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		err = tendo_error_set(TENDO_ENOTFOUND, "session_id %lld: there is no entry with that id",
		                      (long long)session_id);
	} else if (rc != SQLITE_ROW) {
		err = store_fail(s->db, s->path, rc);
	} else {
		const char *type = col_text(st, 0), *d = col_text(st, 1);
		bool session = type && (!strcmp(type, "run") || !strcmp(type, "rehab") || !strcmp(type, "cross"));
		tendo_date_format(date, day);
		if (!session)
			err = tendo_error_set(TENDO_EINVAL,
			                      "session_id %lld is a %s entry, not a run, rehab or cross-training session",
			                      (long long)session_id, type ? type : "?");
		else if (!d || strcmp(d, day) != 0)
			err = tendo_error_set(TENDO_EINVAL, "session_id %lld is a %s on %s, not on %s: pain belongs to a "
			                      "session of the same day", (long long)session_id, type, d ? d : "?", day);
	}
	sqlite3_finalize(st);
	return err;
}

int tendo_store_add_pain(tendo_store *s, const tendo_pain *e, time_t at, const char *note,
                         int64_t *out_id)
{
	const char *kind = known(tendo_pain_kind_name(e->kind));
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_pain(e)) < 0 || (err = tendo_check_note(note)) < 0)
		return err;
	if (e->session_id > 0 && (err = check_session(s, e->session_id, e->date)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "pain", e->date, TENDO_TOD_NONE, at, note,
	                     "INSERT INTO pain_report (entry_id, kind, score, session_id, sharp)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5)",
	                     &st, &id)) < 0)
		return err;
	bind_text(st, 2, kind, &rc);
	bind_int(st, 3, e->score, &rc);
	if (e->session_id > 0)
		bind_i64(st, 4, e->session_id, &rc);
	bind_int(st, 5, e->sharp ? 1 : 0, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_run(tendo_store *s, const tendo_run *e, time_t at, int64_t *out_id)
{
	const char *terrain = known(tendo_terrain_name(e->terrain));
	const char *intent = known(tendo_intent_name(e->intent));
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_run(e)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "run", e->date, e->time_min, at, NULL,
	                     "INSERT INTO run (entry_id, minutes, km, terrain, intent, walk_breaks,"
	                     " rpe, pain_during, pain_after, sharp)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	                     &st, &id)) < 0)
		return err;
	bind_double(st, 2, e->minutes, &rc);
	bind_opt_double(st, 3, e->km, &rc);
	bind_text(st, 4, terrain, &rc);
	bind_text(st, 5, intent, &rc);
	bind_int(st, 6, e->walk_breaks ? 1 : 0, &rc);
	bind_opt_int(st, 7, e->rpe, &rc);
	bind_opt_int(st, 8, e->pain_during, &rc);
	bind_opt_int(st, 9, e->pain_after, &rc);
	bind_int(st, 10, e->sharp ? 1 : 0, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_rehab(tendo_store *s, const tendo_rehab *e, time_t at, int64_t *out_id)
{
	const char *side = known(tendo_side_name(e->side));
	sqlite3_stmt *st, *set = NULL;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err, i;

	if ((err = tendo_check_rehab(e)) < 0)
		return err;
	const char *cstage = e->custom ? known(tendo_stage_name((tendo_stage)e->custom_stage)) : NULL;
	const char *ckind = e->custom ? known(tendo_ex_kind_name((tendo_ex_kind)e->custom_kind)) : NULL;
	if ((err = add_begin(s, &outer, "rehab", e->date, e->time_min, at, NULL,
	                     "INSERT INTO rehab_session (entry_id, exercise, side, rpe, pain_during, sharp,"
	                     " custom_stage, custom_kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	                     &st, &id)) < 0)
		return err;
	bind_text(st, 2, e->exercise, &rc);
	bind_text(st, 3, side, &rc);
	bind_opt_int(st, 4, e->rpe, &rc);
	bind_opt_int(st, 5, e->pain_during, &rc);
	bind_int(st, 6, e->sharp ? 1 : 0, &rc);
	bind_text(st, 7, cstage, &rc);
	bind_text(st, 8, ckind, &rc);
	err = step_done(s, st, rc);
	sqlite3_finalize(st);
	/* One row per set; every set of a logged session is the same dose. */
	if (err == 0)
		err = prepare(s, &set, "INSERT INTO rehab_set (session_id, set_no, reps, hold_s, kg)"
		                       " VALUES (?1, ?2, ?3, ?4, ?5)");
	for (i = 1; err == 0 && i <= e->sets; i++) {
		rc = SQLITE_OK;
		bind_i64(set, 1, id, &rc);
		bind_int(set, 2, i, &rc);
		bind_opt_int(set, 3, e->reps, &rc);
		bind_opt_int(set, 4, e->hold_s, &rc);
		bind_opt_double(set, 5, e->kg, &rc);
		err = step_done(s, set, rc);
	}
	sqlite3_finalize(set);
	return add_finish(s, outer, err, id, out_id);
}

/* A cross-training entry, typed or imported (the ranges differ). */
static int add_cross(tendo_store *s, const tendo_cross *e, time_t at, int64_t *out_id, bool imported)
{
	const char *kind = known(tendo_cross_kind_name(e->kind));
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = store_check_cross(e, imported)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "cross", e->date, e->time_min, at, NULL,
	                     "INSERT INTO cross_training (entry_id, kind, minutes, pain_during, sharp)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5)",
	                     &st, &id)) < 0)
		return err;
	bind_text(st, 2, kind, &rc);
	bind_double(st, 3, e->minutes, &rc);
	bind_opt_int(st, 4, e->pain_during, &rc);
	bind_int(st, 5, e->sharp ? 1 : 0, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_cross(tendo_store *s, const tendo_cross *e, time_t at, int64_t *out_id)
{
	return add_cross(s, e, at, out_id, false);
}

int tendo_store_add_import(tendo_store *s, const tendo_import_record *rec, const tendo_run *run,
                           const tendo_cross *cross, int64_t *out_id)
{
	sqlite3_stmt *st = NULL;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;
	char when[21];

	if (!run == !cross)
		return tendo_error_set(TENDO_EINVAL, "%s: an imported activity is a run or cross-training, one of them",
		                       rec->name);
	if ((err = tendo_check_import_record(rec)) < 0)
		return err;
	time_t at = rec->start_ms != INT64_MIN ? (time_t)(rec->start_ms / 1000) : time(NULL);
	if ((err = write_begin(s, &outer)) < 0)
		return err;
	if (run) {
		tendo_run r = *run;
		r.imported = true;
		err = tendo_store_add_run(s, &r, at, &id);
	} else {
		err = add_cross(s, cross, at, &id, true);
	}
	if (err == 0 && (err = prepare(s, &st, "INSERT INTO activity_file (entry_id, hash, format, name, title,"
	                                       " device, sport, start_ms, elapsed_s, moving_s, distance_m, ascent_m,"
	                                       " descent_m, uphill_s, fast_s, cadence_avg, cadence_median, avg_hr,"
	                                       " walk_breaks, imported_utc, workout_rpe, workout_feel) VALUES (?1, ?2,"
	                                       " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
	                                       " ?19, ?20, ?21, ?22)")) == 0) {
		bind_i64(st, 1, id, &rc);
		bind_text(st, 2, rec->hash, &rc);
		bind_text(st, 3, rec->format, &rc);
		bind_text(st, 4, rec->name, &rc);
		bind_text(st, 5, rec->title && rec->title[0] ? rec->title : NULL, &rc);
		bind_text(st, 6, rec->device && rec->device[0] ? rec->device : NULL, &rc);
		bind_text(st, 7, rec->sport && rec->sport[0] ? rec->sport : NULL, &rc);
		if (rec->start_ms != INT64_MIN)
			bind_i64(st, 8, rec->start_ms, &rc);
		bind_fact(st, 9, rec->elapsed_s, &rc);
		bind_fact(st, 10, rec->moving_s, &rc);
		bind_fact(st, 11, rec->distance_m, &rc);
		bind_fact(st, 12, rec->ascent_m, &rc);
		bind_fact(st, 13, rec->descent_m, &rc);
		bind_fact(st, 14, rec->uphill_s, &rc);
		bind_fact(st, 15, rec->fast_s, &rc);
		bind_fact(st, 16, rec->cadence_avg, &rc);
		bind_fact(st, 17, rec->cadence_median, &rc);
		bind_fact(st, 18, rec->avg_hr, &rc);
		bind_int(st, 19, rec->walk_breaks, &rc);
		bind_text(st, 20, tendo_instant_format(time(NULL), when), &rc);
		bind_opt_int(st, 21, rec->workout_rpe, &rc);
		bind_opt_int(st, 22, rec->workout_feel, &rc);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_CONSTRAINT)
			err = tendo_error_set(TENDO_EEXISTS, "%s was imported already", rec->name);
		else if (rc != SQLITE_DONE)
			err = store_fail(s->db, s->path, rc);
	}
	sqlite3_finalize(st);
	return add_finish(s, outer, err, id, out_id);
}

int tendo_store_find_import(tendo_store *s, const char *hash, int64_t start_ms, double elapsed_s, bool is_run,
                            int64_t *out_id, char *name_out, size_t name_sz)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, err;
	if ((err = prepare(s, &st, "SELECT a.entry_id, a.name FROM activity_file a WHERE a.hash = ?1"
	                           " UNION ALL"
	                           " SELECT a.entry_id, a.name FROM activity_file a JOIN entry e ON e.id = a.entry_id"
	                           " WHERE ?2 IS NOT NULL AND a.start_ms BETWEEN ?2 - 60000 AND ?2 + 60000"
	                           " AND (?3 IS NULL OR a.elapsed_s IS NULL OR abs(a.elapsed_s - ?3) <= 0.1 * ?3)"
	                           " AND (e.type = 'run') = ?4"
	                           " LIMIT 1")) < 0)
		return err;
	bind_text(st, 1, hash, &rc);
	if (start_ms != INT64_MIN)
		bind_i64(st, 2, start_ms, &rc);
	bind_fact(st, 3, elapsed_s, &rc);
	bind_int(st, 4, is_run ? 1 : 0, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	int found = 0;
	if (rc == SQLITE_ROW) {
		found = 1;
		if (out_id)
			*out_id = sqlite3_column_int64(st, 0);
		if (name_out && name_sz)
			snprintf(name_out, name_sz, "%s", col_text(st, 1) ? col_text(st, 1) : "");
	} else if (rc != SQLITE_DONE) {
		found = store_fail(s->db, s->path, rc);
	}
	sqlite3_finalize(st);
	return found;
}

int tendo_store_add_test(tendo_store *s, const tendo_test *e, time_t at, int64_t *out_id)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_test(e)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "test", e->date, e->time_min, at, NULL,
	                     "INSERT INTO readiness_test (entry_id, drop_lunge_pain, bridge_left,"
	                     " bridge_right, curl_left_kg, curl_right_kg, rest_pain)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                     &st, &id)) < 0)
		return err;
	bind_opt_int(st, 2, e->drop_lunge_pain, &rc);
	bind_opt_int(st, 3, e->bridge_left, &rc);
	bind_opt_int(st, 4, e->bridge_right, &rc);
	bind_opt_double(st, 5, e->curl_left, &rc);
	bind_opt_double(st, 6, e->curl_right, &rc);
	bind_opt_int(st, 7, e->rest_pain, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_visa(tendo_store *s, const tendo_visa *e, time_t at, int64_t *out_id)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err, total = 0;
	char items[64];
	size_t len = 0;

	if ((err = tendo_check_visa(e)) < 0)
		return err;
	for (int i = 0; i < TENDO_VISA_ITEMS; i++) {
		total += e->items[i];
		len += (size_t)snprintf(items + len, sizeof(items) - len, "%s%d", i ? "," : "", e->items[i]);
	}
	if ((err = add_begin(s, &outer, "test", e->date, TENDO_TOD_NONE, at, NULL,
	                     "INSERT INTO visa_h (entry_id, items, total) VALUES (?1, ?2, ?3)", &st, &id)) < 0)
		return err;
	bind_text(st, 2, items, &rc);
	bind_int(st, 3, total, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_flag(tendo_store *s, const tendo_flag *e, time_t at, int64_t *out_id)
{
	const char *kind = known(tendo_flag_kind_name(e->kind));
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_flag(e)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "flag", e->date, TENDO_TOD_NONE, at, NULL,
	                     "INSERT INTO red_flag (entry_id, kind) VALUES (?1, ?2)", &st, &id)) < 0)
		return err;
	bind_text(st, 2, kind, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

int tendo_store_add_sitting(tendo_store *s, const tendo_sitting *e, time_t at, int64_t *out_id)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool outer;
	int rc = SQLITE_OK, err;

	const char *kind = known(tendo_aggravator_kind_name(e->kind));
	if ((err = tendo_check_sitting(e)) < 0)
		return err;
	if ((err = add_begin(s, &outer, "sitting", e->date, TENDO_TOD_NONE, at, NULL,
	                     "INSERT INTO sitting (entry_id, hours, kind) VALUES (?1, ?2, ?3)", &st, &id)) < 0)
		return err;
	bind_opt_double(st, 2, e->hours, &rc);
	bind_text(st, 3, kind, &rc);
	return add_end(s, outer, st, rc, id, out_id);
}

/* ------------------------------------------------------------------ */
/* Editing entries                                                     */

/* Run sql (bound by bind(), ?1 = the id) on entry id of type `type`, and
 * its time of day; TENDO_ENOTFOUND if there is no such entry. */
static int update_entry(tendo_store *s, int64_t id, const char *type, int time_min, const char *sql,
                        void (*bind)(sqlite3_stmt *, const void *, int *), const void *e)
{
	sqlite3_stmt *st = NULL;
	bool outer;
	int rc = SQLITE_OK, err;

	if ((err = write_begin(s, &outer)) < 0)
		return err;
	if ((err = prepare(s, &st, "UPDATE entry SET time_min = ?2 WHERE id = ?1 AND type = ?3")) < 0)
		goto done;
	bind_i64(st, 1, id, &rc);
	bind_opt_int(st, 2, time_min, &rc);
	bind_text(st, 3, type, &rc);
	if ((err = step_done(s, st, rc)) < 0)
		goto done;
	if (sqlite3_changes(s->db) == 0) {
		err = tendo_error_set(TENDO_ENOTFOUND, "no %s entry with id %lld", type, (long long)id);
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sql) {
		if ((err = prepare(s, &st, sql)) < 0)
			goto done;
		rc = SQLITE_OK;
		bind_i64(st, 1, id, &rc);
		bind(st, e, &rc);
		err = step_done(s, st, rc);
	}
done:
	sqlite3_finalize(st);
	return write_end(s, outer, err);
}

static void bind_run_edit(sqlite3_stmt *st, const void *v, int *rc)
{
	const tendo_run *e = v;
	bind_opt_int(st, 2, e->rpe, rc);
	bind_opt_int(st, 3, e->pain_during, rc);
	bind_opt_int(st, 4, e->pain_after, rc);
	bind_int(st, 5, e->sharp ? 1 : 0, rc);
}

int tendo_store_update_run(tendo_store *s, const tendo_run *e)
{
	int err = tendo_check_run(e);
	if (err < 0)
		return err;
	return update_entry(s, e->id, "run", e->time_min,
	                    "UPDATE run SET rpe = ?2, pain_during = ?3, pain_after = ?4, sharp = ?5 WHERE entry_id = ?1",
	                    bind_run_edit, e);
}

static void bind_rehab_edit(sqlite3_stmt *st, const void *v, int *rc)
{
	const tendo_rehab *e = v;
	bind_opt_int(st, 2, e->rpe, rc);
	bind_opt_int(st, 3, e->pain_during, rc);
	bind_int(st, 4, e->sharp ? 1 : 0, rc);
}

int tendo_store_update_rehab(tendo_store *s, const tendo_rehab *e)
{
	int err = tendo_check_rehab(e);
	if (err < 0)
		return err;
	return update_entry(s, e->id, "rehab", e->time_min,
	                    "UPDATE rehab_session SET rpe = ?2, pain_during = ?3, sharp = ?4 WHERE entry_id = ?1",
	                    bind_rehab_edit, e);
}

static void bind_cross_edit(sqlite3_stmt *st, const void *v, int *rc)
{
	const tendo_cross *e = v;
	bind_opt_int(st, 2, e->pain_during, rc);
	bind_int(st, 3, e->sharp ? 1 : 0, rc);
}

int tendo_store_update_cross(tendo_store *s, const tendo_cross *e)
{
	/* an edit never changes the minutes: checked in the widest (imported) range */
	int err = store_check_cross(e, true);
	if (err < 0)
		return err;
	return update_entry(s, e->id, "cross", e->time_min,
	                    "UPDATE cross_training SET pain_during = ?2, sharp = ?3 WHERE entry_id = ?1", bind_cross_edit, e);
}

static void bind_pain_edit(sqlite3_stmt *st, const void *v, int *rc)
{
	const tendo_pain *e = v;
	bind_int(st, 2, e->score, rc);
	bind_int(st, 3, e->sharp ? 1 : 0, rc);
}

int tendo_store_update_pain(tendo_store *s, const tendo_pain *e)
{
	int err = tendo_check_pain(e);
	if (err < 0)
		return err;
	return update_entry(s, e->id, "pain", TENDO_TOD_NONE,
	                    "UPDATE pain_report SET score = ?2, sharp = ?3 WHERE entry_id = ?1", bind_pain_edit, e);
}

int tendo_store_update_test(tendo_store *s, const tendo_test *e)
{
	int err = tendo_check_test(e);
	if (err < 0)
		return err;
	return update_entry(s, e->id, "test", e->time_min, NULL, NULL, e);
}

int tendo_store_first_logged(tendo_store *s, tendo_date *out)
{
	sqlite3_stmt *st;
	int rc, err;

	if ((err = prepare(s, &st, "SELECT min(e.date) FROM entry e WHERE NOT EXISTS"
	                           " (SELECT 1 FROM activity_file a WHERE a.entry_id = e.id)")) < 0)
		return err;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		err = store_fail(s->db, s->path, rc);
	else if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		err = 0;
	else if (!col_text(st, 0) || tendo_date_parse(out, col_text(st, 0)) < 0)
		err = tendo_error_set(TENDO_ESTORE, "database %s has an entry with a bad date", s->path);
	else
		err = 1;
	sqlite3_finalize(st);
	return err;
}

int tendo_store_version(tendo_store *s, uint64_t out[2])
{
	sqlite3_stmt *st;
	int rc, err;
	if ((err = prepare(s, &st, "PRAGMA data_version")) < 0)
		return err;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		err = store_fail(s->db, s->path, rc);
	else
		out[0] = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	out[1] = (uint64_t)sqlite3_total_changes64(s->db);
	return err;
}

int tendo_store_set_note(tendo_store *s, int64_t id, const char *note)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, err;

	if ((err = tendo_check_note(note)) < 0)
		return err;
	if ((err = prepare(s, &st, "UPDATE entry SET note = ?2 WHERE id = ?1")) < 0)
		return err;
	bind_i64(st, 1, id, &rc);
	bind_text(st, 2, note && note[0] ? note : NULL, &rc);
	if ((err = step_done(s, st, rc)) == 0 && sqlite3_changes(s->db) == 0)
		err = tendo_error_set(TENDO_ENOTFOUND, "no entry with id %lld", (long long)id);
	sqlite3_finalize(st);
	return err;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

/* Entries joined with one detail table, dated in [?1, ?2], by (date, id). */
#define FROM_ENTRY " FROM entry e JOIN "
/* Each loader reads the entries of its own type, in date order, through the
 * (type, date) index: one probe per entry of that type, no sort. */
#define IN_RANGE(type) " WHERE e.type = '" type "' AND e.date >= ?1 AND e.date <= ?2 ORDER BY e.date, e.id"

/* Prepare a loading query and bind the range; an open end binds a string
 * that sorts before (or after) every date. */
static int range_query(tendo_store *s, sqlite3_stmt **st, const char *sql, tendo_date from,
                       tendo_date to)
{
	char a[TENDO_DATE_BUFSZ], b[TENDO_DATE_BUFSZ];
	int rc = SQLITE_OK, err;

	if ((err = prepare(s, st, sql)) < 0)
		return err;
	bind_text(*st, 1, from == TENDO_DATE_NONE ? "0" : tendo_date_format(from, a), &rc);
	bind_text(*st, 2, to == TENDO_DATE_NONE ? "A" : tendo_date_format(to, b), &rc);
	if (rc != SQLITE_OK) {
		err = store_fail(s->db, s->path, rc);
		sqlite3_finalize(*st);
		*st = NULL;
		return err;
	}
	return 0;
}

/*
 * Make room for element n of arr (capacity *cap, elements of elsz bytes).
 * Returns the array, moved or not; on failure sets *err and returns arr
 * unchanged (still owned by the caller).
 */
static void *grow(tendo_store *s, void *arr, size_t *cap, size_t n, size_t elsz, int *err)
{
	size_t nc;
	void *p;

	if (n < *cap)
		return arr;
	if (n >= STORE_MAX_ROWS) {
		*err = tendo_error_set(TENDO_ELIMIT, "database %s has more than %zu entries of a kind",
		                       s->path, STORE_MAX_ROWS);
		return arr;
	}
	nc = *cap ? *cap * 2 : 32;
	p = tendo_realloc(arr, nc * elsz);
	if (!p) {
		*err = tendo_error_set(TENDO_ENOMEM, "out of memory loading %s", s->path);
		return arr;
	}
	*cap = nc;
	return p;
}

/* Columns 0 and 1 of every loading query: entry id and local day. */
static int row_head(tendo_store *s, sqlite3_stmt *st, int64_t *id, tendo_date *date)
{
	const char *day = col_text(st, 1);
	*id = sqlite3_column_int64(st, 0);
	if (!day || tendo_date_parse(date, day) < 0)
		return tendo_error_set(TENDO_ESTORE, "entry %lld in %s has a bad date '%s'",
		                       (long long)*id, s->path, day ? day : "");
	return 0;
}

/* A row the loader cannot read (a bad date, an unknown name) is left out
 * and counted, with the first one's message, for tendo_store_skipped():
 * one bad row must never lock the log (nor keep `delete` from removing
 * it). tendo_store_check_all() refuses a store with any. */
static void skip_row(tendo_store *s, int64_t id)
{
	if (s->n_skipped++ == 0) {
		s->skipped_id = id;
		snprintf(s->skipped_msg, sizeof(s->skipped_msg), "%s", tendo_error_last());
	}
}

static int bad_name(tendo_store *s, int64_t id, const char *what, const char *name)
{
	return tendo_error_set(TENDO_ESTORE, "entry %lld in %s has an unknown %s '%s'",
	                       (long long)id, s->path, what, name ? name : "");
}

/* End a loading loop: rc is the last sqlite3_step() result, err the first
 * failure of the loop. */
static int load_end(tendo_store *s, sqlite3_stmt *st, int rc, int err)
{
	if (err == 0 && rc != SQLITE_DONE)
		err = store_fail(s->db, s->path, rc);
	sqlite3_finalize(st);
	return err;
}

static int load_pain(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.kind, d.score, d.session_id, d.sharp"
	                               FROM_ENTRY "pain_report d ON d.entry_id = e.id" IN_RANGE("pain"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_pain *p;
		out->pain = grow(s, out->pain, &cap, out->n_pain, sizeof(*p), &err);
		if (err < 0)
			break;
		p = &out->pain[out->n_pain];
		memset(p, 0, sizeof(*p));
		if (row_head(s, st, &p->id, &p->date) < 0) {
			skip_row(s, p->id);
			continue;
		}
		if (!col_text(st, 2) || tendo_pain_kind_parse(&p->kind, col_text(st, 2)) < 0) {
			(void)bad_name(s, p->id, "pain kind", col_text(st, 2));
			skip_row(s, p->id);
			continue;
		}
		p->score = sqlite3_column_int(st, 3);
		p->session_id = sqlite3_column_type(st, 4) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 4);
		p->sharp = sqlite3_column_int(st, 5) != 0;
		out->n_pain++;
	}
	return load_end(s, st, rc, err);
}

/* "YYYY-MM-DDTHH:MM:SSZ" -> UTC ms; INT64_MIN if malformed. */
static int64_t instant_ms(const char *t)
{
	char day[TENDO_DATE_BUFSZ];
	tendo_date d;
	int hh, mm, ss;
	if (!t || strlen(t) != 20 || t[10] != 'T' || t[19] != 'Z')
		return INT64_MIN;
	memcpy(day, t, 10);
	day[10] = '\0';
	if (tendo_date_parse(&d, day) != 0 || sscanf(t + 11, "%2d:%2d:%2d", &hh, &mm, &ss) != 3)
		return INT64_MIN;
	return ((int64_t)d * 86400 + hh * 3600 + mm * 60 + ss) * 1000;
}

static int load_runs(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.minutes, d.km, d.terrain, d.intent,"
	                               " d.walk_breaks, d.rpe, d.pain_during, d.pain_after, d.sharp,"
	                               " a.id, a.start_ms, a.moving_s, a.ascent_m, a.uphill_s, a.fast_s,"
	                               " a.cadence_median, a.avg_hr, a.walk_breaks, e.at_utc, a.elapsed_s,"
	                               " a.format, a.sport, e.time_min, a.title"
	                               FROM_ENTRY "run d ON d.entry_id = e.id"
	                               " LEFT JOIN activity_file a ON a.entry_id = e.id" IN_RANGE("run"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_run *r;
		out->runs = grow(s, out->runs, &cap, out->n_runs, sizeof(*r), &err);
		if (err < 0)
			break;
		r = &out->runs[out->n_runs];
		memset(r, 0, sizeof(*r));
		if (row_head(s, st, &r->id, &r->date) < 0) {
			skip_row(s, r->id);
			continue;
		}
		r->minutes = sqlite3_column_double(st, 2);
		r->km = col_opt_double(st, 3);
		r->terrain = TENDO_TERRAIN_FLAT;
		if (col_text(st, 4) && tendo_terrain_parse(&r->terrain, col_text(st, 4)) < 0) {
			(void)bad_name(s, r->id, "terrain", col_text(st, 4));
			skip_row(s, r->id);
			continue;
		}
		r->intent = TENDO_INTENT_EASY;
		if (col_text(st, 5) && tendo_intent_parse(&r->intent, col_text(st, 5)) < 0) {
			(void)bad_name(s, r->id, "run intent", col_text(st, 5));
			skip_row(s, r->id);
			continue;
		}
		r->walk_breaks = sqlite3_column_int(st, 6) != 0;
		r->rpe = col_opt_int(st, 7);
		r->pain_during = col_opt_int(st, 8);
		r->pain_after = col_opt_int(st, 9);
		r->sharp = sqlite3_column_int(st, 10) != 0;
		r->imported = sqlite3_column_type(st, 11) != SQLITE_NULL;
		r->start_ms = r->imported && sqlite3_column_type(st, 12) != SQLITE_NULL ? sqlite3_column_int64(st, 12)
		                                                                       : instant_ms(col_text(st, 20));
		r->moving_s = col_fact(st, 13);
		r->ascent_m = col_fact(st, 14);
		r->uphill_s = col_fact(st, 15);
		r->fast_s = col_fact(st, 16);
		r->cadence_spm = col_fact(st, 17);
		r->avg_hr = col_fact(st, 18);
		r->walk_spells = col_opt_int(st, 19);
		r->elapsed_s = col_fact(st, 21);
		r->time_min = col_opt_int(st, 24);
		snprintf(r->source, sizeof(r->source), "%s", r->imported && col_text(st, 22) ? col_text(st, 22) : "log");
		snprintf(r->sport, sizeof(r->sport), "%s", col_text(st, 23) ? col_text(st, 23) : "");
		snprintf(r->title, sizeof(r->title), "%s", col_text(st, 25) ? col_text(st, 25) : "");
		out->n_runs++;
	}
	return load_end(s, st, rc, err);
}

static int load_rehab(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	/* sets = how many set rows; the dose is that of set 1 */
	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.exercise, d.side, d.rpe, d.pain_during,"
	                               " (SELECT count(*) FROM rehab_set c WHERE c.session_id = e.id),"
	                               " s1.reps, s1.hold_s, s1.kg, d.sharp, d.custom_stage, d.custom_kind,"
	                               " e.time_min"
	                               FROM_ENTRY "rehab_session d ON d.entry_id = e.id"
	                               " LEFT JOIN rehab_set s1 ON s1.session_id = e.id AND s1.set_no = 1"
	                               IN_RANGE("rehab"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *exercise = col_text(st, 2);
		tendo_rehab *r;
		out->rehab = grow(s, out->rehab, &cap, out->n_rehab, sizeof(*r), &err);
		if (err < 0)
			break;
		r = &out->rehab[out->n_rehab];
		memset(r, 0, sizeof(*r));
		if (row_head(s, st, &r->id, &r->date) < 0) {
			skip_row(s, r->id);
			continue;
		}
		if (!exercise || strlen(exercise) >= sizeof(r->exercise)) {
			(void)bad_name(s, r->id, "exercise", exercise);
			skip_row(s, r->id);
			continue;
		}
		memcpy(r->exercise, exercise, strlen(exercise) + 1);
		r->side = TENDO_SIDE_BOTH;
		if (col_text(st, 3) && tendo_side_parse(&r->side, col_text(st, 3)) < 0) {
			(void)bad_name(s, r->id, "side", col_text(st, 3));
			skip_row(s, r->id);
			continue;
		}
		r->rpe = col_opt_int(st, 4);
		r->pain_during = col_opt_int(st, 5);
		r->sets = sqlite3_column_int(st, 6);
		r->reps = col_opt_int(st, 7);
		r->hold_s = col_opt_int(st, 8);
		r->kg = col_opt_double(st, 9);
		r->sharp = sqlite3_column_int(st, 10) != 0;
		r->custom = col_text(st, 11) != NULL;
		if (r->custom) {
			tendo_stage stage;
			tendo_ex_kind kind;
			if (tendo_stage_parse(&stage, col_text(st, 11)) < 0) {
				(void)bad_name(s, r->id, "custom exercise stage", col_text(st, 11));
				skip_row(s, r->id);
				continue;
			}
			if (!col_text(st, 12) || tendo_ex_kind_parse(&kind, col_text(st, 12)) < 0) {
				(void)bad_name(s, r->id, "custom exercise kind", col_text(st, 12));
				skip_row(s, r->id);
				continue;
			}
			r->custom_stage = (int)stage;
			r->custom_kind = (int)kind;
		}
		r->time_min = col_opt_int(st, 13);
		out->n_rehab++;
	}
	return load_end(s, st, rc, err);
}

static int load_cross(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.kind, d.minutes, d.pain_during, d.sharp, e.time_min,"
	                               " a.title"
	                               FROM_ENTRY "cross_training d ON d.entry_id = e.id"
	                               " LEFT JOIN activity_file a ON a.entry_id = e.id" IN_RANGE("cross"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_cross *c;
		out->cross = grow(s, out->cross, &cap, out->n_cross, sizeof(*c), &err);
		if (err < 0)
			break;
		c = &out->cross[out->n_cross];
		memset(c, 0, sizeof(*c));
		c->time_min = TENDO_TOD_NONE;
		if (row_head(s, st, &c->id, &c->date) < 0) {
			skip_row(s, c->id);
			continue;
		}
		if (!col_text(st, 2) || tendo_cross_kind_parse(&c->kind, col_text(st, 2)) < 0) {
			(void)bad_name(s, c->id, "cross-training kind", col_text(st, 2));
			skip_row(s, c->id);
			continue;
		}
		c->minutes = sqlite3_column_double(st, 3);
		c->pain_during = col_opt_int(st, 4);
		c->sharp = sqlite3_column_int(st, 5) != 0;
		c->time_min = col_opt_int(st, 6);
		snprintf(c->title, sizeof(c->title), "%s", col_text(st, 7) ? col_text(st, 7) : "");
		out->n_cross++;
	}
	return load_end(s, st, rc, err);
}

static int load_tests(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.drop_lunge_pain, d.bridge_left,"
	                               " d.bridge_right, d.curl_left_kg, d.curl_right_kg, d.rest_pain, e.time_min"
	                               FROM_ENTRY "readiness_test d ON d.entry_id = e.id" IN_RANGE("test"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_test *t;
		out->tests = grow(s, out->tests, &cap, out->n_tests, sizeof(*t), &err);
		if (err < 0)
			break;
		t = &out->tests[out->n_tests];
		memset(t, 0, sizeof(*t));
		t->time_min = TENDO_TOD_NONE;
		if (row_head(s, st, &t->id, &t->date) < 0) {
			skip_row(s, t->id);
			continue;
		}
		t->drop_lunge_pain = col_opt_int(st, 2);
		t->bridge_left = col_opt_int(st, 3);
		t->bridge_right = col_opt_int(st, 4);
		t->curl_left = col_opt_double(st, 5);
		t->curl_right = col_opt_double(st, 6);
		t->rest_pain = col_opt_int(st, 7);
		t->time_min = col_opt_int(st, 8);
		out->n_tests++;
	}
	return load_end(s, st, rc, err);
}

static int load_flags(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.kind"
	                               FROM_ENTRY "red_flag d ON d.entry_id = e.id" IN_RANGE("flag"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_flag *f;
		out->flags = grow(s, out->flags, &cap, out->n_flags, sizeof(*f), &err);
		if (err < 0)
			break;
		f = &out->flags[out->n_flags];
		if (row_head(s, st, &f->id, &f->date) < 0) {
			skip_row(s, f->id);
			continue;
		}
		if (!col_text(st, 2) || tendo_flag_kind_parse(&f->kind, col_text(st, 2)) < 0) {
			(void)bad_name(s, f->id, "red flag kind", col_text(st, 2));
			skip_row(s, f->id);
			continue;
		}
		out->n_flags++;
	}
	return load_end(s, st, rc, err);
}

static int load_sitting(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.hours, d.kind"
	                               FROM_ENTRY "sitting d ON d.entry_id = e.id" IN_RANGE("sitting"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_sitting *d;
		out->sitting = grow(s, out->sitting, &cap, out->n_sitting, sizeof(*d), &err);
		if (err < 0)
			break;
		d = &out->sitting[out->n_sitting];
		memset(d, 0, sizeof(*d));
		if (row_head(s, st, &d->id, &d->date) < 0) {
			skip_row(s, d->id);
			continue;
		}
		d->hours = col_opt_double(st, 2);
		if (!col_text(st, 3) || tendo_aggravator_kind_parse(&d->kind, col_text(st, 3)) < 0) {
			(void)bad_name(s, d->id, "aggravator kind", col_text(st, 3));
			skip_row(s, d->id);
			continue;
		}
		out->n_sitting++;
	}
	return load_end(s, st, rc, err);
}

static int load_visa(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;

	if ((err = range_query(s, &st, "SELECT e.id, e.date, d.items"
	                               FROM_ENTRY "visa_h d ON d.entry_id = e.id" IN_RANGE("test"),
	                       from, to)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tendo_visa *v;
		out->visa = grow(s, out->visa, &cap, out->n_visa, sizeof(*v), &err);
		if (err < 0)
			break;
		v = &out->visa[out->n_visa];
		if (row_head(s, st, &v->id, &v->date) < 0) {
			skip_row(s, v->id);
			continue;
		}
		const char *items = col_text(st, 2);
		if (!items || tendo_visa_parse(v, items) < 0) {
			(void)tendo_error_set(TENDO_ESTORE, "entry %lld in %s has bad VISA-H items '%s'",
			                      (long long)v->id, s->path, items ? items : "");
			skip_row(s, v->id);
			continue;
		}
		out->n_visa++;
	}
	return load_end(s, st, rc, err);
}

/* Drop each morning or task score that a later one (higher id) of the same
 * day and kind replaces; pain is sorted by (date, id). */
static void drop_replaced(tendo_log *out)
{
	size_t w = 0;
	for (size_t i = 0; i < out->n_pain; i++) {
		const tendo_pain *p = &out->pain[i];
		bool replaced = false;
		if (p->kind == TENDO_PAIN_MORNING || p->kind == TENDO_PAIN_TASK)
			for (size_t j = i + 1; j < out->n_pain && out->pain[j].date == p->date && !replaced; j++)
				replaced = out->pain[j].kind == p->kind;
		if (!replaced)
			out->pain[w++] = *p;
	}
	out->n_pain = w;
}

int tendo_store_load_log(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to)
{
	return tendo_store_load_log_ext(s, out, from, to, 0);
}

int tendo_store_load_log_ext(tendo_store *s, tendo_log *out, tendo_date from, tendo_date to, unsigned flags)
{
	int (*const loaders[])(tendo_store *, tendo_log *, tendo_date, tendo_date) = {
		load_pain, load_runs, load_rehab, load_cross, load_tests, load_flags, load_sitting, load_visa,
	};
	bool own = sqlite3_get_autocommit(s->db) != 0;
	size_t i;
	int err = 0;

	memset(out, 0, sizeof(*out));
	s->n_skipped = 0;
	s->skipped_id = 0;
	s->skipped_msg[0] = '\0';
	/* One read transaction, so the kinds are loaded from one snapshot. */
	if (own && (err = exec(s, "BEGIN")) < 0)
		return err;
	for (i = 0; i < sizeof(loaders) / sizeof(loaders[0]) && err == 0; i++)
		err = loaders[i](s, out, from, to);
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (err < 0)
		tendo_log_dispose(out);
	else if (!(flags & TENDO_LOAD_REPLACED))
		drop_replaced(out);
	return err;
}

size_t tendo_store_skipped(const tendo_store *s, int64_t *first_id, char *msg, size_t msgsz)
{
	if (first_id)
		*first_id = s->skipped_id;
	if (msg && msgsz)
		snprintf(msg, msgsz, "%s", s->n_skipped ? s->skipped_msg : "");
	return s->n_skipped;
}

/* ------------------------------------------------------------------ */
/* Checking a whole store (after a restore)                            */

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The ids of the entries imported from files, sorted; *out owned by the caller. */
static int imported_ids(tendo_store *s, int64_t **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, err;
	*out = NULL;
	*n = 0;
	if ((err = prepare(s, &st, "SELECT entry_id FROM activity_file ORDER BY entry_id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = grow(s, *out, &cap, *n, sizeof(**out), &err);
		if (err < 0)
			break;
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	return load_end(s, st, rc, err);
}

/* Pain names a session (run, rehab, cross-training) of its own day. */
static bool is_session(const tendo_log *l, int64_t id, tendo_date d)
{
	for (size_t k = 0; k < l->n_runs; k++)
		if (l->runs[k].id == id)
			return l->runs[k].date == d;
	for (size_t k = 0; k < l->n_rehab; k++)
		if (l->rehab[k].id == id)
			return l->rehab[k].date == d;
	for (size_t k = 0; k < l->n_cross; k++)
		if (l->cross[k].id == id)
			return l->cross[k].date == d;
	return false;
}

/* Prefix the last error with the entry it is about. */
static int entry_error(int64_t id, int err)
{
	char msg[512];
	snprintf(msg, sizeof(msg), "%s", tendo_error_last());
	return tendo_error_set(err, "entry %lld: %s", (long long)id, msg);
}

#define CHECK_EACH(arr, n, fn)                                                    \
	for (size_t k = 0; k < (n) && !err; k++)                                  \
		if ((err = fn(&(arr)[k])) < 0)                                    \
			err = entry_error((arr)[k].id, err)

int tendo_store_check_all(tendo_store *s)
{
	tendo_profile p;
	tendo_log l;
	int64_t *imp = NULL;
	size_t n_imp = 0;
	int err = tendo_store_get_profile(s, &p);

	if (err == 0 && (err = tendo_check_profile(&p)) < 0) {
		char msg[512];
		snprintf(msg, sizeof(msg), "%s", tendo_error_last());
		return tendo_error_set(err, "profile: %s", msg);
	}
	if (err < 0 && err != TENDO_ENOTFOUND)
		return err;
	if ((err = tendo_store_load_log_ext(s, &l, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED)) < 0)
		return err;
	if (s->n_skipped) {
		tendo_log_dispose(&l);
		return tendo_error_set(TENDO_EINVAL, "%s", s->skipped_msg);
	}
	if ((err = imported_ids(s, &imp, &n_imp)) < 0) {
		tendo_log_dispose(&l);
		return err;
	}
	CHECK_EACH(l.pain, l.n_pain, tendo_check_pain);
	for (size_t k = 0; k < l.n_pain && !err; k++)
		if (l.pain[k].session_id > 0 && !is_session(&l, l.pain[k].session_id, l.pain[k].date))
			err = tendo_error_set(TENDO_EINVAL, "entry %lld: session_id %lld is not a run, rehab or cross-training "
			                      "session of the same day", (long long)l.pain[k].id, (long long)l.pain[k].session_id);
	CHECK_EACH(l.runs, l.n_runs, tendo_check_run);
	CHECK_EACH(l.rehab, l.n_rehab, tendo_check_rehab);
	for (size_t k = 0; k < l.n_cross && !err; k++) {
		bool imported = n_imp && bsearch(&l.cross[k].id, imp, n_imp, sizeof(*imp), cmp_i64);
		if ((err = store_check_cross(&l.cross[k], imported)) < 0)
			err = entry_error(l.cross[k].id, err);
	}
	CHECK_EACH(l.tests, l.n_tests, tendo_check_test);
	CHECK_EACH(l.flags, l.n_flags, tendo_check_flag);
	CHECK_EACH(l.sitting, l.n_sitting, tendo_check_sitting);
	CHECK_EACH(l.visa, l.n_visa, tendo_check_visa);
	free(imp);
	tendo_log_dispose(&l);
	if (err)
		return err;

	sqlite3_stmt *st;
	int rc;
	if ((err = prepare(s, &st, "SELECT id, length(note) FROM entry WHERE length(note) > ?1 LIMIT 1")) < 0)
		return err;
	rc = SQLITE_OK;
	bind_int(st, 1, TENDO_NOTE_MAX, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err = tendo_error_set(TENDO_EINVAL, "entry %lld: note is too long (%d bytes at most, got %d)",
		                      (long long)sqlite3_column_int64(st, 0), TENDO_NOTE_MAX, sqlite3_column_int(st, 1));
	else if (rc != SQLITE_DONE)
		err = store_fail(s->db, s->path, rc);
	sqlite3_finalize(st);
	return err;
}

/* ------------------------------------------------------------------ */
/* Notes, deleting, the default path                                   */

int tendo_store_entry_note(tendo_store *s, int64_t id, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, err;

	if (!buf || bufsz == 0)
		return tendo_error_set(TENDO_EINVAL, "no buffer for the note of entry %lld", (long long)id);
	buf[0] = '\0';
	if ((err = prepare(s, &st, "SELECT note FROM entry WHERE id = ?1")) < 0)
		return err;
	bind_i64(st, 1, id, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *note = col_text(st, 0);
		size_t n = note ? strlen(note) : 0;
		if (n >= bufsz) {
			/* Cut to fit, never inside a UTF-8 sequence. */
			n = bufsz - 1;
			while (n > 0 && ((unsigned char)note[n] & 0xC0) == 0x80)
				n--;
		}
		if (n)
			memcpy(buf, note, n);
		buf[n] = '\0';
	} else if (rc == SQLITE_DONE) {
		err = tendo_error_set(TENDO_ENOTFOUND, "no entry with id %lld", (long long)id);
	} else {
		err = store_fail(s->db, s->path, rc);
	}
	sqlite3_finalize(st);
	return err;
}

int tendo_store_entry_file(tendo_store *s, int64_t id, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, err;

	if (!buf || bufsz == 0)
		return tendo_error_set(TENDO_EINVAL, "no buffer for the file of entry %lld", (long long)id);
	buf[0] = '\0';
	if ((err = prepare(s, &st, "SELECT name FROM activity_file WHERE entry_id = ?1 ORDER BY rowid LIMIT 1")) < 0)
		return err;
	bind_i64(st, 1, id, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *name = col_text(st, 0);
		size_t n = name ? strlen(name) : 0;
		if (n >= bufsz) {
			/* Cut to fit, never inside a UTF-8 sequence. */
			n = bufsz - 1;
			while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
				n--;
		}
		if (n)
			memcpy(buf, name, n);
		buf[n] = '\0';
		err = 1;
	} else if (rc == SQLITE_DONE) {
		err = 0;
	} else {
		err = store_fail(s->db, s->path, rc);
	}
	sqlite3_finalize(st);
	return err;
}

int tendo_store_delete(tendo_store *s, int64_t id)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, err;

	/* Details and rehab sets go with the entry: ON DELETE CASCADE. */
	if ((err = prepare(s, &st, "DELETE FROM entry WHERE id = ?1")) < 0)
		return err;
	bind_i64(st, 1, id, &rc);
	err = step_done(s, st, rc);
	sqlite3_finalize(st);
	if (err == 0 && sqlite3_changes(s->db) == 0)
		err = tendo_error_set(TENDO_ENOTFOUND, "no entry with id %lld", (long long)id);
	if (err == 0)
		s->n_skipped = 0; /* what the last load left out may be gone now */
	return err;
}

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

int tendo_store_default_path(char *buf, size_t bufsz)
{
	const char *v;
	int n;

	if ((v = env("TENDO_DB")))
		n = snprintf(buf, bufsz, "%s", v);
	else if ((v = env("XDG_DATA_HOME")))
		n = snprintf(buf, bufsz, "%s/tendo/tendo.db", v);
	else if ((v = env("HOME")))
		n = snprintf(buf, bufsz, "%s/.local/share/tendo/tendo.db", v);
	else
		return tendo_error_set(TENDO_ENOTFOUND,
		                       "no database path: set TENDO_DB or HOME");
	if (n < 0 || (size_t)n >= bufsz)
		return tendo_error_set(TENDO_ELIMIT, "database path is longer than %zu bytes",
		                       bufsz ? bufsz - 1 : 0);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Export and restore                                                  */

static const char *const log_tables[] = {
	"profile", "setting", "entry", "pain_report", "run", "rehab_session", "rehab_set",
	"cross_training", "readiness_test", "red_flag", "sitting", "activity_file", "visa_h",
};
#define N_TABLES (sizeof(log_tables) / sizeof(log_tables[0]))
#define MAX_COLS 64

const char *const *tendo_store_tables(size_t *n)
{
	*n = N_TABLES;
	return log_tables;
}

static bool known_table(const char *t)
{
	for (size_t i = 0; i < N_TABLES; i++)
		if (strcmp(log_tables[i], t) == 0)
			return true;
	return false;
}

int tendo_store_dump(tendo_store *s,
                     int (*row)(const char *table, int n, const char *const *cols, const tendo_value *vals, void *user),
                     void *user)
{
	int err = 0;
	for (size_t t = 0; t < N_TABLES && !err; t++) {
		char sql[96];
		sqlite3_stmt *st;
		snprintf(sql, sizeof(sql), "SELECT * FROM %s ORDER BY rowid", log_tables[t]);
		if ((err = prepare(s, &st, sql)) < 0)
			break;
		int n = sqlite3_column_count(st);
		if (n > MAX_COLS)
			n = MAX_COLS;
		const char *cols[MAX_COLS];
		for (int c = 0; c < n; c++)
			cols[c] = sqlite3_column_name(st, c);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			tendo_value v[MAX_COLS];
			for (int c = 0; c < n; c++) {
				memset(&v[c], 0, sizeof(v[c]));
				switch (sqlite3_column_type(st, c)) {
				case SQLITE_INTEGER: v[c].kind = TENDO_VAL_INT; v[c].i = sqlite3_column_int64(st, c); break;
				case SQLITE_FLOAT: v[c].kind = TENDO_VAL_REAL; v[c].r = sqlite3_column_double(st, c); break;
				case SQLITE_NULL: v[c].kind = TENDO_VAL_NULL; break;
				default: v[c].kind = TENDO_VAL_TEXT; v[c].s = col_text(st, c); break;
				}
			}
			if ((err = row(log_tables[t], n, cols, v, user)) != 0)
				break;
		}
		if (!err && rc != SQLITE_DONE)
			err = store_fail(s->db, s->path, rc);
		sqlite3_finalize(st);
	}
	return err;
}

/* True if col is a column of table (PRAGMA table_info). */
static int has_column(tendo_store *s, const char *table, const char *col)
{
	char sql[96];
	sqlite3_stmt *st;
	snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", table);
	if (prepare(s, &st, sql) < 0)
		return -1;
	int found = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (col_text(st, 1) && strcmp(col_text(st, 1), col) == 0)
			found = 1;
	sqlite3_finalize(st);
	return found;
}

int tendo_store_restore_row(tendo_store *s, const char *table, int n, const char *const *cols,
                            const tendo_value *vals)
{
	if (!known_table(table))
		return tendo_error_set(TENDO_EINVAL, "no table named '%s' in a tendo log", table);
	if (n <= 0 || n > MAX_COLS)
		return tendo_error_set(TENDO_EINVAL, "table %s: %d columns", table, n);
	char sql[4096];
	size_t len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (", table);
	for (int c = 0; c < n; c++) {
		const char *p = cols[c];
		for (; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
				break;
		if (*p || !cols[c][0] || has_column(s, table, cols[c]) != 1)
			return tendo_error_set(TENDO_EINVAL, "table %s has no column '%s'", table, cols[c]);
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, "%s%s", c ? ", " : "", cols[c]);
	}
	len += (size_t)snprintf(sql + len, sizeof(sql) - len, ") VALUES (");
	for (int c = 0; c < n; c++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, "%s?%d", c ? ", " : "", c + 1);
	snprintf(sql + len, sizeof(sql) - len, ")");
	sqlite3_stmt *st;
	int err = prepare(s, &st, sql), rc = SQLITE_OK;
	if (err < 0)
		return err;
	for (int c = 0; c < n && rc == SQLITE_OK; c++) {
		switch (vals[c].kind) {
		case TENDO_VAL_INT: rc = sqlite3_bind_int64(st, c + 1, vals[c].i); break;
		case TENDO_VAL_REAL: rc = sqlite3_bind_double(st, c + 1, vals[c].r); break;
		case TENDO_VAL_TEXT: rc = sqlite3_bind_text(st, c + 1, vals[c].s, -1, SQLITE_TRANSIENT); break;
		default: rc = sqlite3_bind_null(st, c + 1); break;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		err = tendo_error_set(rc == SQLITE_CONSTRAINT ? TENDO_EINVAL : TENDO_ESTORE, "table %s: %s", table,
		                      sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return err;
}
