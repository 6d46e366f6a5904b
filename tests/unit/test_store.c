/*
 * test_store.c - unit tests of the SQLite store (tendo/store.h): creating
 * and migrating the file, the profile and its settings, adding, loading and
 * deleting every kind of entry, transactions, and the failures: missing,
 * garbage, foreign, newer, locked and read-only databases.
 *
 * Every test works in its own mkdtemp folder under /tmp, removed afterwards,
 * and checks the file with a plain sqlite3 connection where that matters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fixtures.h"
#include "store/store_int.h"

typedef struct {
	char dir[64];   /* the test's temporary folder */
	char db[160];   /* dir/tendo.db */
} ctx;

#define assert_msg(needle)                                                             \
	do {                                                                           \
		if (!strstr(tendo_error_last(), (needle)))                             \
			fail_msg("error message '%s' lacks '%s'", tendo_error_last(),  \
			         (needle));                                            \
	} while (0)

/* rm -rf of a folder this test made (no symlinks are made in it). */
#define TENDO_STR2(x) #x
#define TENDO_STR(x) TENDO_STR2(x)

static void rm_rf(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	if (!d) {
		unlink(path);
		return;
	}
	while ((de = readdir(d))) {
		char sub[512];
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		rm_rf(sub);
	}
	closedir(d);
	rmdir(path);
}

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof(*c));
	if (!c)
		return -1;
	snprintf(c->dir, sizeof(c->dir), "/tmp/tendo-store-XXXXXX");
	if (!mkdtemp(c->dir)) {
		free(c);
		return -1;
	}
	snprintf(c->db, sizeof(c->db), "%s/tendo.db", c->dir);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	rm_rf(c->dir);
	free(c);
	return 0;
}

/* ---- helpers ---- */

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* One integer from sql, run on a fresh plain sqlite3 connection. */
static int sq_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int v;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* One text value from sql on an open connection, copied into buf. */
static const char *sq_text(sqlite3 *db, const char *sql, char *buf, size_t bufsz)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, bufsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Run sql on a new plain connection that creates the file. */
static void sq_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static tendo_store *open_new(const ctx *c)
{
	tendo_store *s = NULL;
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE), 0);
	assert_non_null(s);
	return s;
}

static time_t noon(tendo_date d)
{
	return (time_t)d * 86400 + 12 * 3600;
}

static int64_t add_pain(tendo_store *s, int day, int score)
{
	tendo_pain p = { .date = fx_day(day), .kind = TENDO_PAIN_MORNING, .score = score };
	int64_t id = 0;
	assert_int_equal(tendo_store_add_pain(s, &p, noon(p.date), NULL, &id), 0);
	assert_true(id > 0);
	return id;
}

static int64_t add_rehab3(tendo_store *s, int day)
{
	tendo_rehab r = { .date = fx_day(day), .exercise = "bridge-90", .sets = 3,
	                  .reps = 8, .hold_s = -1, .kg = 20.5, .side = TENDO_SIDE_LEFT,
	                  .rpe = 7, .pain_during = 2 };
	int64_t id = 0;
	assert_int_equal(tendo_store_add_rehab(s, &r, noon(r.date), &id), 0);
	return id;
}

static size_t log_total(const tendo_log *l)
{
	return l->n_pain + l->n_runs + l->n_rehab + l->n_cross + l->n_tests + l->n_flags +
	       l->n_sitting;
}

static void assert_settings_equal(const tendo_settings *a, const tendo_settings *b)
{
	size_t n, i;
	const tendo_setting_info *info = tendo_settings_info(&n);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		if (tendo_settings_get(a, &info[i]) != tendo_settings_get(b, &info[i]))
			fail_msg("setting %s: %g != %g", info[i].name, tendo_settings_get(a, &info[i]),
			         tendo_settings_get(b, &info[i]));
}

/* ---- opening ---- */

static void test_open_creates_file_and_folder(void **state)
{
	ctx *c = *state;
	char path[256], dir[128], buf[32];
	struct stat st;
	tendo_store *s = NULL;

	snprintf(dir, sizeof(dir), "%s/a/b", c->dir);
	snprintf(path, sizeof(path), "%s/tendo.db", dir);
	assert_int_equal(tendo_store_open(&s, path, TENDO_STORE_CREATE), 0);
	assert_true(exists(path));
	assert_int_equal(stat(dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);

	/* the settings the open applies */
	sqlite3 *db = store_sqlite(s);
	assert_string_equal(sq_text(db, "PRAGMA journal_mode", buf, sizeof(buf)), "wal");
	assert_string_equal(sq_text(db, "PRAGMA foreign_keys", buf, sizeof(buf)), "1");
	assert_string_equal(sq_text(db, "PRAGMA busy_timeout", buf, sizeof(buf)), "3000");
	tendo_store_close(s);

	assert_int_equal(sq_int(path, "PRAGMA user_version"), TENDO_STORE_SCHEMA_VERSION);
	assert_int_equal(sq_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                              " AND name IN ('profile','setting','entry','pain_report','run',"
	                              "'rehab_session','rehab_set','cross_training','readiness_test',"
	                              "'red_flag','sitting')"),
	                 11);

	/* reopening without CREATE, read-write and read-only */
	s = NULL;
	assert_int_equal(tendo_store_open(&s, path, 0), 0);
	tendo_store_close(s);
	s = NULL;
	assert_int_equal(tendo_store_open(&s, path, TENDO_STORE_READONLY), 0);
	tendo_store_close(s);
	assert_int_equal(sq_int(path, "PRAGMA user_version"), TENDO_STORE_SCHEMA_VERSION);
	tendo_store_close(NULL);
}

static void test_open_missing(void **state)
{
	ctx *c = *state;
	tendo_store *s = (tendo_store *)c; /* must be reset to NULL */

	assert_int_equal(tendo_store_open(&s, c->db, 0), TENDO_ENOTFOUND);
	assert_null(s);
	assert_msg("no database at ");
	assert_msg("tendo.db: run 'tendo init' first");
	assert_false(exists(c->db));

	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), TENDO_ENOTFOUND);
	assert_false(exists(c->db));

	/* an empty file read-only has no tendo data either */
	write_file(c->db, "", 0);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), TENDO_ENOTFOUND);
	assert_msg("run 'tendo init' first");
}

static void test_open_garbage(void **state)
{
	ctx *c = *state;
	char junk[4096];
	tendo_store *s = NULL;
	size_t i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (char)("not a database! "[i % 16]);
	write_file(c->db, junk, sizeof(junk));
	assert_int_equal(tendo_store_open(&s, c->db, 0), TENDO_ESTORE);
	assert_null(s);
	assert_msg("is not a tendo database (file is not a database)");
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE), TENDO_ESTORE);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), TENDO_ESTORE);

	/* the file is untouched */
	FILE *f = fopen(c->db, "rb");
	char back[4096];
	assert_non_null(f);
	assert_int_equal(fread(back, 1, sizeof(back), f), sizeof(back));
	fclose(f);
	assert_memory_equal(back, junk, sizeof(junk));

	/* a folder is not a database */
	assert_int_equal(tendo_store_open(&s, c->dir, 0), TENDO_ESTORE);
}

static void test_open_newer(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;

	sq_exec(c->db, "CREATE TABLE entry (id INTEGER PRIMARY KEY); PRAGMA user_version = 99");
	assert_int_equal(tendo_store_open(&s, c->db, 0), TENDO_ESTORE);
	assert_null(s);
	assert_msg("has schema version 99, newer than this tendo (" TENDO_STR(TENDO_STORE_SCHEMA_VERSION) ")");
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), TENDO_ESTORE);
	assert_int_equal(sq_int(c->db, "PRAGMA user_version"), 99);
}

/* A version-1 database (made by taking the schema back to v1) is migrated
 * even by a read-only open, and keeps its entries; the schedule columns come
 * with their defaults. */
static void test_migrate_v1(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;
	tendo_profile p;
	fx_profile(&p);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE), 0);
	assert_int_equal(tendo_store_init_profile(s, &p), 0);
	tendo_pain e = { .date = fx_day(3), .kind = TENDO_PAIN_TASK, .score = 2 };
	assert_int_equal(tendo_store_add_pain(s, &e, 0, "kept", NULL), 0);
	tendo_sitting sit = { .date = fx_day(3), .hours = 5, .kind = TENDO_AGG_SITTING };
	assert_int_equal(tendo_store_add_sitting(s, &sit, 0, NULL), 0);
	tendo_rehab rh = { .date = fx_day(3), .exercise = "clam", .sets = 3, .reps = 15, .hold_s = -1, .kg = -1,
	                   .side = TENDO_SIDE_LEFT, .rpe = -1, .pain_during = -1, .time_min = TENDO_TOD_NONE };
	assert_int_equal(tendo_store_add_rehab(s, &rh, 0, NULL), 0);
	tendo_store_close(s);
	/* back to v1: v7's tables, v6's column, v5's index, v4's columns, v3's tables and columns, v2's table */
	sq_exec(c->db, "DROP TABLE calendar_event; DROP TABLE share; ALTER TABLE profile DROP COLUMN units;"
	               " DROP INDEX entry_type_date; ALTER TABLE entry DROP COLUMN time_min;"
	               " CREATE TABLE pr AS SELECT entry_id, kind, score FROM pain_report; DROP TABLE pain_report;"
	               " CREATE TABLE pain_report (entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,"
	               "  kind TEXT NOT NULL, score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10));"
	               " INSERT INTO pain_report SELECT * FROM pr; DROP TABLE pr;"
	               " ALTER TABLE rehab_session DROP COLUMN sharp; ALTER TABLE rehab_session DROP COLUMN custom_stage;"
	               " ALTER TABLE rehab_session DROP COLUMN custom_kind; ALTER TABLE cross_training DROP COLUMN sharp;"
	               " CREATE TABLE s1 (entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,"
	               "  hours REAL NOT NULL); INSERT INTO s1 SELECT entry_id, hours FROM sitting; DROP TABLE sitting;"
	               " ALTER TABLE s1 RENAME TO sitting;"
	               " ALTER TABLE profile DROP COLUMN start_stage; ALTER TABLE profile DROP COLUMN start_run_step_min;"
	               " ALTER TABLE profile DROP COLUMN start_week_min; ALTER TABLE profile DROP COLUMN start_curl_kg;"
	               " ALTER TABLE profile DROP COLUMN cleared_by;"
	               " DROP TABLE activity_file; DROP TABLE visa_h; ALTER TABLE profile DROP COLUMN days;"
	               " ALTER TABLE profile DROP COLUMN run_time; ALTER TABLE profile DROP COLUMN rehab_time;"
	               " PRAGMA user_version = 1");

	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), 0);
	tendo_log log = { 0 };
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 1);
	assert_int_equal(log.pain[0].score, 2);
	/* what v4 added, at its defaults */
	assert_int_equal(log.pain[0].session_id, 0);
	assert_false(log.pain[0].sharp);
	assert_int_equal(log.n_sitting, 1);
	assert_true(log.sitting[0].hours == 5);
	assert_int_equal(log.sitting[0].kind, TENDO_AGG_SITTING);
	assert_int_equal(log.n_rehab, 1);
	assert_false(log.rehab[0].custom);
	assert_false(log.rehab[0].sharp);
	assert_int_equal(log.rehab[0].time_min, TENDO_TOD_NONE);
	tendo_log_dispose(&log);
	tendo_profile got;
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_int_equal(got.start_stage, TENDO_STAGE_SETTLE);
	assert_int_equal(got.start_run_step_min, 0);
	assert_string_equal(got.cleared_by, "");
	tendo_schedule sc;
	assert_int_equal(tendo_store_get_schedule(s, &sc), 0);
	assert_int_equal(sc.days, TENDO_DAYS_ALL);
	assert_int_equal(sc.run_time, 17 * 60);
	assert_int_equal(sc.rehab_time, 18 * 60);
	tendo_store_close(s);
	assert_int_equal(sq_int(c->db, "PRAGMA user_version"), TENDO_STORE_SCHEMA_VERSION);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM sqlite_master WHERE name = 'activity_file'"), 1);
}

/* Imported activities: a run with what the watch recorded, dedupe by hash
 * and by start + duration, cross-training for other sports, the ranges of
 * an imported activity, cascade on delete. */
static void test_imports(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;
	tendo_profile p;
	fx_profile(&p);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE), 0);
	assert_int_equal(tendo_store_init_profile(s, &p), 0);

	tendo_import_record rec = { .hash = "0123456789abcdef", .format = "fit", .name = "run.fit", .title = "Lunch run",
		.device = "garmin fr935", .sport = "running", .start_ms = 1767600000000LL, .elapsed_s = 2100,
		.moving_s = 2040, .distance_m = 6100, .ascent_m = 80, .descent_m = 78, .uphill_s = 660, .fast_s = 120,
		.cadence_avg = 164, .cadence_median = 166, .avg_hr = 151, .walk_breaks = 0, .workout_rpe = 60,
		.workout_feel = 50 };
	/* the importer decides what it was: a 34 min hilly run, and adds what the athlete said */
	tendo_run run = { .date = fx_day(3), .minutes = 34, .km = 6.1, .terrain = TENDO_TERRAIN_HILLY,
		.intent = TENDO_INTENT_EASY, .rpe = 6, .pain_during = 2, .pain_after = -1, .sharp = true,
		.time_min = 7 * 60 + 30 };
	int64_t id = 0, found = 0;
	assert_int_equal(tendo_store_find_import(s, rec.hash, rec.start_ms, rec.elapsed_s, true, &found, NULL, 0), 0);
	assert_int_equal(tendo_store_add_import(s, &rec, &run, NULL, &id), 0);
	assert_true(id > 0);

	char name[64];
	assert_int_equal(tendo_store_find_import(s, rec.hash, INT64_MIN, NAN, true, &found, name, sizeof(name)), 1);
	assert_int_equal(found, id);
	assert_string_equal(name, "run.fit");
	/* the same run as a GPX: another hash, start 20 s later, 5% longer */
	assert_int_equal(tendo_store_find_import(s, "fedcba9876543210", rec.start_ms + 20000, 2200, true, &found, NULL, 0), 1);
	/* an hour later, or half as long: another run */
	assert_int_equal(tendo_store_find_import(s, "fedcba9876543210", rec.start_ms + 3600000, 2100, true, NULL, NULL, 0), 0);
	assert_int_equal(tendo_store_find_import(s, "fedcba9876543210", rec.start_ms, 1000, true, NULL, NULL, 0), 0);
	/* the same hash again: refused, nothing written */
	assert_int_equal(tendo_store_add_import(s, &rec, &run, NULL, NULL), TENDO_EEXISTS);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);

	tendo_log log = { 0 };
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_runs, 1);
	const tendo_run *r = &log.runs[0];
	assert_true(r->imported);
	assert_true(fabs(r->minutes - 34.0) < 1e-9);
	assert_true(fabs(r->km - 6.1) < 1e-9);
	assert_int_equal(r->terrain, TENDO_TERRAIN_HILLY);
	assert_true(r->start_ms == rec.start_ms);
	assert_true(fabs(r->uphill_s - 660) < 1e-9);
	assert_true(fabs(r->fast_s - 120) < 1e-9);
	assert_true(fabs(r->cadence_spm - 166) < 1e-9);
	assert_true(fabs(r->avg_hr - 151) < 1e-9);
	assert_string_equal(r->sport, "running");
	assert_string_equal(r->source, "fit");
	assert_int_equal(r->date, fx_day(3));
	/* what the athlete added, and the watch's own rating kept with the file */
	assert_int_equal(r->time_min, 7 * 60 + 30);
	assert_int_equal(r->rpe, 6);
	assert_int_equal(r->pain_during, 2);
	assert_int_equal(r->pain_after, -1);
	assert_true(r->sharp);
	assert_int_equal(sq_int(c->db, "SELECT workout_rpe * 1000 + workout_feel FROM activity_file"), 60050);
	tendo_log_dispose(&log);

	/* a ride becomes cross-training; a long one is fine for an import */
	tendo_import_record ride = rec;
	snprintf(ride.hash, sizeof(ride.hash), "1111222233334444");
	ride.sport = "cycling";
	ride.start_ms += 86400000;
	ride.workout_rpe = ride.workout_feel = -1;
	tendo_cross cross = { .date = fx_day(4), .kind = TENDO_CROSS_CYCLE, .minutes = 700, .pain_during = 2,
		.sharp = true, .time_min = TENDO_TOD_NONE };
	/* a run and cross-training at once, or neither: refused */
	assert_int_equal(tendo_store_add_import(s, &ride, &run, &cross, &id), TENDO_EINVAL);
	assert_int_equal(tendo_store_add_import(s, &ride, NULL, NULL, &id), TENDO_EINVAL);
	/* out of an import's range: refused, nothing written */
	cross.minutes = 3000;
	assert_int_equal(tendo_store_add_import(s, &ride, NULL, &cross, &id), TENDO_EINVAL);
	assert_msg("minutes must be 0-2880");
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);
	cross.minutes = 700;
	assert_int_equal(tendo_store_add_import(s, &ride, NULL, &cross, &id), 0);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_cross, 1);
	assert_int_equal(log.cross[0].kind, TENDO_CROSS_CYCLE);
	assert_true(log.cross[0].minutes == 700);
	assert_int_equal(log.cross[0].pain_during, 2);
	assert_true(log.cross[0].sharp);
	tendo_log_dispose(&log);
	assert_int_equal(tendo_store_check_all(s), 0); /* the long ride is an imported one */

	/* deleting the entry deletes the file record: it can be imported again */
	assert_int_equal(tendo_store_delete(s, id), 0);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM activity_file"), 1);
	assert_int_equal(tendo_store_find_import(s, ride.hash, INT64_MIN, NAN, false, NULL, NULL, 0), 0);
	tendo_store_close(s);
}

static void test_open_foreign(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;
	sqlite3 *db;
	char mode[32];

	sq_exec(c->db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);"
	               "INSERT INTO invoices (amount) VALUES (12.5)");
	assert_int_equal(tendo_store_open(&s, c->db, 0), TENDO_ESTORE);
	assert_null(s);
	assert_msg("is not a tendo database");
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE), TENDO_ESTORE);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), TENDO_ESTORE);

	/* nothing migrated, journal mode left alone */
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM sqlite_master"), 1);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM invoices"), 1);
	assert_int_equal(sq_int(c->db, "PRAGMA user_version"), 0);
	assert_int_equal(sqlite3_open(c->db, &db), SQLITE_OK);
	assert_string_equal(sq_text(db, "PRAGMA journal_mode", mode, sizeof(mode)), "delete");
	sqlite3_close(db);
}

static void test_open_bad_args(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;

	assert_int_equal(tendo_store_open(&s, "", TENDO_STORE_CREATE), TENDO_EINVAL);
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_CREATE | TENDO_STORE_READONLY),
	                 TENDO_EINVAL);
	assert_null(s);
	assert_false(exists(c->db));
}

/* ---- locking ---- */

static void test_locked_begin(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	sqlite3 *other = NULL;

	assert_int_equal(sqlite3_open(c->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);

	sqlite3_busy_timeout(store_sqlite(s), 50); /* not 3 s in a test */
	assert_int_equal(tendo_store_begin(s), TENDO_EBUSY);
	assert_msg("is locked by another process");
	assert_msg("database /tmp/tendo-store-");
	tendo_store_rollback(s); /* nothing open: harmless */

	/* WAL: reading goes on while the other process writes */
	tendo_log log;
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log_total(&log), 0);
	tendo_log_dispose(&log);

	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(tendo_store_begin(s), 0);
	add_pain(s, 0, 2);
	assert_int_equal(tendo_store_commit(s), 0);
	tendo_store_close(s);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM pain_report"), 1);
}

/* A file another process holds exclusively (rollback journal, before tendo
 * ever switched it to WAL): the open waits the whole busy timeout. */
static void test_locked_open(void **state)
{
	ctx *c = *state;
	tendo_store *s = NULL;
	sqlite3 *other = NULL;

	write_file(c->db, "", 0);
	assert_int_equal(sqlite3_open(c->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE; CREATE TABLE t (x)", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(tendo_store_open(&s, c->db, 0), TENDO_EBUSY);
	assert_null(s);
	assert_msg("is locked by another process");
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);

	/* free again: the empty file becomes a tendo database */
	assert_int_equal(tendo_store_open(&s, c->db, 0), 0);
	tendo_store_close(s);
	assert_int_equal(sq_int(c->db, "PRAGMA user_version"), TENDO_STORE_SCHEMA_VERSION);
}

/* ---- the profile ---- */

static void test_profile(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_profile p, got;

	assert_int_equal(tendo_store_get_profile(s, &got), TENDO_ENOTFOUND);
	assert_msg("run 'tendo init' first");
	fx_profile(&p);
	assert_int_equal(tendo_store_update_profile(s, &p), TENDO_ENOTFOUND);

	snprintf(p.name, sizeof(p.name), "Åsa");
	p.side = TENDO_SIDE_BOTH;
	snprintf(p.tz, sizeof(p.tz), "Europe/Oslo");
	p.start = tendo_date_from_ymd(2026, 3, 14);
	p.settings.ceiling = 5;
	p.settings.flare_delta = 3;
	p.settings.weekly_growth = 0.05;
	assert_int_equal(tendo_store_init_profile(s, &p), 0);

	memset(&got, 0xAB, sizeof(got));
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_string_equal(got.name, "Åsa");
	assert_int_equal(got.side, TENDO_SIDE_BOTH);
	assert_string_equal(got.tz, "Europe/Oslo");
	assert_int_equal(got.start, tendo_date_from_ymd(2026, 3, 14));
	assert_settings_equal(&got.settings, &p.settings);
	assert_int_equal(got.settings.ceiling, 5);
	assert_int_equal(got.settings.baseline_days, 14); /* a default */
	/* only what differs from the defaults is stored */
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM setting"), 3);
	assert_int_equal(sq_int(c->db, "SELECT value FROM setting WHERE name = 'ceiling'"), 5);
	assert_int_equal(sq_int(c->db, "SELECT start_date = '2026-03-14' AND created_utc LIKE "
	                               "'____-__-__T__:__:__Z' FROM profile"), 1);

	assert_int_equal(tendo_store_init_profile(s, &p), TENDO_EEXISTS);
	assert_msg("an athlete is already set up in /tmp/tendo-store-");
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM profile"), 1);

	/* update: fields replaced, settings rewritten, start kept */
	snprintf(p.name, sizeof(p.name), "%s", "");
	p.side = TENDO_SIDE_LEFT;
	snprintf(p.tz, sizeof(p.tz), "UTC");
	p.start = tendo_date_from_ymd(2027, 1, 1);
	p.settings.ceiling = 3; /* back to default */
	p.settings.lsi_min = 95;
	assert_int_equal(tendo_store_update_profile(s, &p), 0);
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_string_equal(got.name, "");
	assert_int_equal(got.side, TENDO_SIDE_LEFT);
	assert_string_equal(got.tz, "UTC");
	assert_int_equal(got.start, tendo_date_from_ymd(2026, 3, 14));
	assert_int_equal(got.settings.ceiling, 3);
	assert_int_equal(got.settings.flare_delta, 3);
	assert_true(got.settings.lsi_min == 95);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM setting"), 3);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM setting WHERE name = 'ceiling'"), 0);
	assert_int_equal(got.start_stage, TENDO_STAGE_SETTLE); /* a new athlete */
	assert_int_equal(got.start_run_step_min, 0);
	assert_int_equal(got.start_week_min, 0);
	assert_true(got.start_curl_kg == 0);
	assert_string_equal(got.cleared_by, "");
	assert_int_equal(sq_int(c->db, "SELECT start_run_step_min IS NULL AND start_curl_kg IS NULL"
	                               " AND cleared_by IS NULL FROM profile"), 1);

	/* starting mid-rehab (PROTOCOL.md 11): the stage and its numbers */
	p.start_stage = TENDO_STAGE_RETURN_TO_RUN;
	p.start_run_step_min = 15;
	p.start_week_min = 45;
	p.start_curl_kg = 27.5;
	snprintf(p.cleared_by, sizeof(p.cleared_by), "Dr Smith, physio");
	assert_int_equal(tendo_store_update_profile(s, &p), 0);
	memset(&got, 0xAB, sizeof(got));
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_int_equal(got.start_stage, TENDO_STAGE_RETURN_TO_RUN);
	assert_int_equal(got.start_run_step_min, 15);
	assert_int_equal(got.start_week_min, 45);
	assert_true(got.start_curl_kg == 27.5);
	assert_string_equal(got.cleared_by, "Dr Smith, physio");
	p.start_stage = (tendo_stage)9;
	assert_int_equal(tendo_store_update_profile(s, &p), TENDO_EINVAL);
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_int_equal(got.start_stage, TENDO_STAGE_RETURN_TO_RUN);

	/* the start moves only through set_start */
	assert_int_equal(tendo_store_set_start(s, tendo_date_from_ymd(2026, 3, 1)), 0);
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_int_equal(got.start, tendo_date_from_ymd(2026, 3, 1));
	assert_int_equal(tendo_store_set_start(s, TENDO_DATE_NONE), TENDO_EINVAL);

	/* rows a newer tendo wrote, or out of range: ignored, default holds */
	tendo_store_close(s);
	sq_exec(c->db, "INSERT INTO setting VALUES ('from_the_future', 1);"
	               "UPDATE setting SET value = 9 WHERE name = 'flare_delta'");
	s = NULL;
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), 0);
	assert_int_equal(tendo_store_get_profile(s, &got), 0);
	assert_int_equal(got.settings.flare_delta, 2);
	assert_true(got.settings.lsi_min == 95);
	tendo_store_close(s);
}

/* ---- entries ---- */

static void test_entries_round_trip(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_date d = fx_day(3);
	int64_t ids[9], prev = 0;
	char note[64];
	tendo_log log;
	size_t i;

	tendo_pain pain = { .date = d, .kind = TENDO_PAIN_TASK, .score = 4 };
	tendo_run run_full = { .date = d, .minutes = 22.5, .km = 3.75, .terrain = TENDO_TERRAIN_TRAIL,
	                       .intent = TENDO_INTENT_HILLS, .walk_breaks = true, .rpe = 6,
	                       .pain_during = 2, .pain_after = 3, .sharp = true };
	tendo_run run_bare = { .date = d, .minutes = 10, .km = -1, .terrain = TENDO_TERRAIN_FLAT,
	                       .intent = TENDO_INTENT_EASY, .rpe = -1, .pain_during = -1,
	                       .pain_after = -1 };
	tendo_rehab reps = { .date = d, .exercise = "nordic-negative", .sets = 4, .reps = 6,
	                     .hold_s = -1, .kg = 12.5, .side = TENDO_SIDE_RIGHT, .rpe = 8,
	                     .pain_during = 1 };
	tendo_rehab hold = { .date = d, .exercise = "iso-bridge", .sets = 5, .reps = -1,
	                     .hold_s = 45, .kg = -1, .side = TENDO_SIDE_BOTH, .rpe = -1,
	                     .pain_during = -1 };
	tendo_cross cross = { .date = d, .kind = TENDO_CROSS_ROW, .minutes = 30.25, .pain_during = -1 };
	tendo_test test = { .date = d, .drop_lunge_pain = 1, .bridge_left = 25, .bridge_right = 0,
	                    .curl_left = 31.5, .curl_right = 0, .rest_pain = 0 };
	tendo_flag flag = { .date = d, .kind = TENDO_FLAG_NIGHT_PAIN };
	tendo_sitting sit = { .date = d, .hours = 7.5 };

	pain.id = run_full.id = 999; /* ignored */
	assert_int_equal(tendo_store_add_pain(s, &pain, noon(d), "sore after the drive", &ids[0]), 0);
	assert_int_equal(tendo_store_add_run(s, &run_full, noon(d), &ids[1]), 0);
	assert_int_equal(tendo_store_add_run(s, &run_bare, noon(d), &ids[2]), 0);
	assert_int_equal(tendo_store_add_rehab(s, &reps, noon(d), &ids[3]), 0);
	assert_int_equal(tendo_store_add_rehab(s, &hold, noon(d), &ids[4]), 0);
	assert_int_equal(tendo_store_add_cross(s, &cross, noon(d), &ids[5]), 0);
	assert_int_equal(tendo_store_add_test(s, &test, noon(d), &ids[6]), 0);
	assert_int_equal(tendo_store_add_flag(s, &flag, noon(d), &ids[7]), 0);
	assert_int_equal(tendo_store_add_sitting(s, &sit, noon(d), &ids[8]), 0);
	assert_int_equal(tendo_store_add_sitting(s, &sit, noon(d), NULL), 0); /* out_id optional */
	for (i = 0; i < 9; i++) { /* one id space across kinds */
		assert_true(ids[i] > prev);
		prev = ids[i];
	}
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM rehab_set"), 9);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry WHERE date = '2026-01-08'"
	                               " AND at_utc = '2026-01-08T12:00:00Z'"), 10);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM run WHERE km IS NULL AND rpe IS NULL"
	                               " AND pain_during IS NULL AND pain_after IS NULL"), 1);

	memset(&log, 0xAB, sizeof(log));
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 1);
	assert_int_equal(log.n_runs, 2);
	assert_int_equal(log.n_rehab, 2);
	assert_int_equal(log.n_cross, 1);
	assert_int_equal(log.n_tests, 1);
	assert_int_equal(log.n_flags, 1);
	assert_int_equal(log.n_sitting, 2);

	assert_int_equal(log.pain[0].id, ids[0]);
	assert_int_equal(log.pain[0].date, d);
	assert_int_equal(log.pain[0].kind, TENDO_PAIN_TASK);
	assert_int_equal(log.pain[0].score, 4);

	run_full.id = ids[1];
	run_bare.id = ids[2];
	for (i = 0; i < 2; i++) {
		const tendo_run *want = i ? &run_bare : &run_full, *r = &log.runs[i];
		assert_int_equal(r->id, want->id);
		assert_int_equal(r->date, d);
		assert_true(r->minutes == want->minutes);
		assert_true(r->km == want->km);
		assert_int_equal(r->terrain, want->terrain);
		assert_int_equal(r->intent, want->intent);
		assert_int_equal(r->walk_breaks, want->walk_breaks);
		assert_int_equal(r->rpe, want->rpe);
		assert_int_equal(r->pain_during, want->pain_during);
		assert_int_equal(r->pain_after, want->pain_after);
		assert_int_equal(r->sharp, want->sharp);
	}

	reps.id = ids[3];
	hold.id = ids[4];
	for (i = 0; i < 2; i++) {
		const tendo_rehab *want = i ? &hold : &reps, *r = &log.rehab[i];
		assert_int_equal(r->id, want->id);
		assert_int_equal(r->date, d);
		assert_string_equal(r->exercise, want->exercise);
		assert_int_equal(r->sets, want->sets);
		assert_int_equal(r->reps, want->reps);
		assert_int_equal(r->hold_s, want->hold_s);
		assert_true(r->kg == want->kg);
		assert_int_equal(r->side, want->side);
		assert_int_equal(r->rpe, want->rpe);
		assert_int_equal(r->pain_during, want->pain_during);
	}

	assert_int_equal(log.cross[0].id, ids[5]);
	assert_int_equal(log.cross[0].date, d);
	assert_int_equal(log.cross[0].kind, TENDO_CROSS_ROW);
	assert_true(log.cross[0].minutes == 30.25);
	assert_int_equal(log.cross[0].pain_during, -1);

	test.id = ids[6];
	assert_int_equal(log.tests[0].id, test.id);
	assert_int_equal(log.tests[0].date, d);
	assert_int_equal(log.tests[0].drop_lunge_pain, 1);
	assert_int_equal(log.tests[0].bridge_left, 25);
	assert_int_equal(log.tests[0].bridge_right, 0);
	assert_true(log.tests[0].curl_left == 31.5);
	assert_true(log.tests[0].curl_right == 0);
	assert_int_equal(log.tests[0].rest_pain, 0);

	assert_int_equal(log.flags[0].id, ids[7]);
	assert_int_equal(log.flags[0].date, d);
	assert_int_equal(log.flags[0].kind, TENDO_FLAG_NIGHT_PAIN);

	assert_int_equal(log.sitting[0].id, ids[8]);
	assert_int_equal(log.sitting[0].date, d);
	assert_true(log.sitting[0].hours == 7.5);
	tendo_log_dispose(&log);

	/* notes */
	assert_int_equal(tendo_store_entry_note(s, ids[0], note, sizeof(note)), 0);
	assert_string_equal(note, "sore after the drive");
	assert_int_equal(tendo_store_entry_note(s, ids[0], note, 5), 0);
	assert_string_equal(note, "sore");
	strcpy(note, "stale");
	assert_int_equal(tendo_store_entry_note(s, ids[1], note, sizeof(note)), 0);
	assert_string_equal(note, "");
	assert_int_equal(tendo_store_entry_note(s, 4242, note, sizeof(note)), TENDO_ENOTFOUND);
	assert_msg("no entry with id 4242");
	tendo_store_close(s);
}

/* What schema v4 added: times of day, pain attached to a session, sharp
 * pain, custom exercises, aggravator kinds. */
static void add_v4_entries(tendo_store *s, tendo_date d, int64_t ids[8])
{
	tendo_run run = { .date = d, .minutes = 25, .km = -1, .rpe = 4, .pain_during = 1, .pain_after = -1,
	                  .time_min = 6 * 60 + 45 };
	assert_int_equal(tendo_store_add_run(s, &run, noon(d), &ids[0]), 0);
	tendo_pain during = { .date = d, .kind = TENDO_PAIN_DURING, .score = 4, .session_id = ids[0], .sharp = true };
	assert_int_equal(tendo_store_add_pain(s, &during, noon(d), NULL, &ids[1]), 0);
	tendo_rehab custom = { .date = d, .exercise = "leg-press", .custom = true, .custom_stage = TENDO_STAGE_STRENGTH,
	                       .custom_kind = TENDO_EX_ISOTONIC, .sets = 3, .reps = 10, .hold_s = -1, .kg = 60,
	                       .side = TENDO_SIDE_LEFT, .rpe = -1, .pain_during = 2, .sharp = true, .time_min = 18 * 60 };
	assert_int_equal(tendo_store_add_rehab(s, &custom, noon(d), &ids[2]), 0);
	tendo_cross cross = { .date = d, .kind = TENDO_CROSS_SWIM, .minutes = 30, .pain_during = 3, .sharp = true,
	                      .time_min = 0 };
	assert_int_equal(tendo_store_add_cross(s, &cross, noon(d), &ids[3]), 0);
	tendo_test test = { .date = d, .drop_lunge_pain = 0, .bridge_left = -1, .bridge_right = -1, .curl_left = -1,
	                    .curl_right = -1, .rest_pain = -1, .time_min = 1439 };
	assert_int_equal(tendo_store_add_test(s, &test, noon(d), &ids[4]), 0);
	tendo_sitting drive = { .date = d, .hours = 4, .kind = TENDO_AGG_DRIVING };
	tendo_sitting stretch = { .date = d, .hours = -1, .kind = TENDO_AGG_STRETCHING };
	tendo_sitting lift = { .date = d, .hours = -1, .kind = TENDO_AGG_HIP_FLEXION };
	assert_int_equal(tendo_store_add_sitting(s, &drive, noon(d), &ids[5]), 0);
	assert_int_equal(tendo_store_add_sitting(s, &stretch, noon(d), &ids[6]), 0);
	assert_int_equal(tendo_store_add_sitting(s, &lift, noon(d), &ids[7]), 0);
}

static void check_v4_entries(const tendo_log *log, tendo_date d, const int64_t ids[8])
{
	assert_int_equal(log->n_runs, 1);
	assert_int_equal(log->runs[0].id, ids[0]);
	assert_int_equal(log->runs[0].time_min, 6 * 60 + 45);
	assert_int_equal(log->n_pain, 1);
	assert_int_equal(log->pain[0].session_id, ids[0]);
	assert_true(log->pain[0].sharp);
	assert_int_equal(log->pain[0].kind, TENDO_PAIN_DURING);
	assert_int_equal(log->n_rehab, 1);
	const tendo_rehab *r = &log->rehab[0];
	assert_string_equal(r->exercise, "leg-press");
	assert_true(r->custom);
	assert_int_equal(r->custom_stage, TENDO_STAGE_STRENGTH);
	assert_int_equal(r->custom_kind, TENDO_EX_ISOTONIC);
	assert_true(r->sharp);
	assert_int_equal(r->time_min, 18 * 60);
	assert_true(r->kg == 60);
	assert_int_equal(log->n_cross, 1);
	assert_true(log->cross[0].sharp);
	assert_int_equal(log->cross[0].time_min, 0); /* midnight is a time, not "none" */
	assert_int_equal(log->cross[0].pain_during, 3);
	assert_int_equal(log->n_tests, 1);
	assert_int_equal(log->tests[0].time_min, 1439);
	assert_int_equal(log->n_sitting, 3);
	assert_int_equal(log->sitting[0].kind, TENDO_AGG_DRIVING);
	assert_true(log->sitting[0].hours == 4);
	assert_int_equal(log->sitting[1].kind, TENDO_AGG_STRETCHING);
	assert_true(log->sitting[1].hours == -1);
	assert_int_equal(log->sitting[2].kind, TENDO_AGG_HIP_FLEXION);
	assert_int_equal(log->sitting[2].date, d);
}

static void test_v4_round_trip(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_date d = fx_day(4);
	int64_t ids[8];
	tendo_log log;

	add_v4_entries(s, d, ids);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry WHERE time_min IS NULL"), 4); /* pain, aggravators */
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM sitting WHERE hours IS NULL"), 2);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	check_v4_entries(&log, d, ids);
	tendo_log_dispose(&log);

	/* a logged entry without a time loads as TENDO_TOD_NONE */
	tendo_cross bare = { .date = fx_day(5), .kind = TENDO_CROSS_WALK, .minutes = 20, .pain_during = -1,
	                     .time_min = TENDO_TOD_NONE };
	assert_int_equal(tendo_store_add_cross(s, &bare, noon(bare.date), NULL), 0);
	assert_int_equal(tendo_store_load_log(s, &log, fx_day(5), fx_day(5)), 0);
	assert_int_equal(log.cross[0].time_min, TENDO_TOD_NONE);
	assert_false(log.cross[0].sharp);
	tendo_log_dispose(&log);

	/* pain names a session of the same day, or nothing is written */
	int n = sq_int(c->db, "SELECT count(*) FROM entry");
	tendo_pain p = { .date = d, .kind = TENDO_PAIN_AFTER, .score = 2, .session_id = 4242 };
	assert_int_equal(tendo_store_add_pain(s, &p, noon(d), NULL, NULL), TENDO_ENOTFOUND);
	assert_msg("session_id 4242");
	p.session_id = ids[5]; /* a drive is not a session */
	assert_int_equal(tendo_store_add_pain(s, &p, noon(d), NULL, NULL), TENDO_EINVAL);
	assert_msg("is a sitting entry, not a run, rehab or cross-training session");
	p.session_id = ids[0];
	p.date = fx_day(5); /* the run was on day 4 */
	assert_int_equal(tendo_store_add_pain(s, &p, noon(p.date), NULL, NULL), TENDO_EINVAL);
	assert_msg("session of the same day");
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), n);

	/* deleting the session leaves its pain, attached to nothing */
	assert_int_equal(tendo_store_delete(s, ids[0]), 0);
	assert_int_equal(tendo_store_load_log(s, &log, d, d), 0);
	assert_int_equal(log.n_pain, 1);
	assert_int_equal(log.pain[0].session_id, 0);
	tendo_log_dispose(&log);
	tendo_store_close(s);
}

/* What `tendo edit` changes: the optional fields of each type, the note;
 * an id of another type is not found; first_logged skips imported files. */
static void test_update_entries(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_date d = fx_day(6), first;
	int64_t ids[8];
	tendo_log log;

	assert_int_equal(tendo_store_first_logged(s, &first), 0);
	add_v4_entries(s, d, ids);
	assert_int_equal(tendo_store_first_logged(s, &first), 1);
	assert_int_equal(first, d);

	assert_int_equal(tendo_store_load_log(s, &log, d, d), 0);
	tendo_run r = log.runs[0];
	tendo_rehab x = log.rehab[0];
	tendo_cross k = log.cross[0];
	tendo_pain p = log.pain[0];
	tendo_test t = log.tests[0];
	tendo_log_dispose(&log);
	r.rpe = 8, r.pain_during = -1, r.pain_after = 3, r.sharp = true, r.time_min = TENDO_TOD_NONE;
	r.minutes = 99; /* not something edit changes */
	x.rpe = 5, x.pain_during = 0, x.sharp = false, x.time_min = 60;
	k.pain_during = -1, k.sharp = false, k.time_min = 1200;
	p.score = 6, p.sharp = false;
	t.time_min = 30;
	assert_int_equal(tendo_store_update_run(s, &r), 0);
	assert_int_equal(tendo_store_update_rehab(s, &x), 0);
	assert_int_equal(tendo_store_update_cross(s, &k), 0);
	assert_int_equal(tendo_store_update_pain(s, &p), 0);
	assert_int_equal(tendo_store_update_test(s, &t), 0);
	assert_int_equal(tendo_store_set_note(s, r.id, "legs heavy"), 0);

	assert_int_equal(tendo_store_load_log(s, &log, d, d), 0);
	assert_int_equal(log.runs[0].rpe, 8);
	assert_int_equal(log.runs[0].pain_during, -1);
	assert_int_equal(log.runs[0].pain_after, 3);
	assert_true(log.runs[0].sharp);
	assert_int_equal(log.runs[0].time_min, TENDO_TOD_NONE);
	assert_true(log.runs[0].minutes == 25);
	assert_int_equal(log.rehab[0].rpe, 5);
	assert_int_equal(log.rehab[0].pain_during, 0);
	assert_false(log.rehab[0].sharp);
	assert_int_equal(log.rehab[0].time_min, 60);
	assert_true(log.rehab[0].custom); /* untouched */
	assert_int_equal(log.cross[0].pain_during, -1);
	assert_false(log.cross[0].sharp);
	assert_int_equal(log.cross[0].time_min, 1200);
	assert_int_equal(log.pain[0].score, 6);
	assert_false(log.pain[0].sharp);
	assert_int_equal(log.pain[0].session_id, ids[0]);
	assert_int_equal(log.tests[0].time_min, 30);
	tendo_log_dispose(&log);
	char note[32];
	assert_int_equal(tendo_store_entry_note(s, r.id, note, sizeof(note)), 0);
	assert_string_equal(note, "legs heavy");
	assert_int_equal(tendo_store_set_note(s, r.id, ""), 0);
	assert_int_equal(tendo_store_entry_note(s, r.id, note, sizeof(note)), 0);
	assert_string_equal(note, "");

	/* the id of another type, or of nothing */
	r.id = ids[3];
	assert_int_equal(tendo_store_update_run(s, &r), TENDO_ENOTFOUND);
	assert_msg("no run entry with id");
	assert_int_equal(tendo_store_set_note(s, 4242, "x"), TENDO_ENOTFOUND);
	tendo_store_close(s);
}

/* Dump a store and restore it row by row into a new one: every v4 column
 * comes back. */
typedef struct {
	tendo_store *to;
	int err;
	size_t rows;
} copy_ctx;

static int copy_row(const char *table, int n, const char *const *cols, const tendo_value *vals, void *user)
{
	copy_ctx *cc = user;
	cc->rows++;
	return cc->err = tendo_store_restore_row(cc->to, table, n, cols, vals);
}

static void test_dump_restore_v4(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c), *t = NULL;
	tendo_profile p, got;
	char other[200];
	int64_t ids[8];
	tendo_log log;

	fx_profile(&p);
	p.start_stage = TENDO_STAGE_FULL_LOAD;
	p.start_week_min = 90;
	p.start_run_step_min = 30;
	p.start_curl_kg = 40;
	snprintf(p.cleared_by, sizeof(p.cleared_by), "physio");
	assert_int_equal(tendo_store_init_profile(s, &p), 0);
	add_v4_entries(s, fx_day(2), ids);

	snprintf(other, sizeof(other), "%s/copy.db", c->dir);
	assert_int_equal(tendo_store_open(&t, other, TENDO_STORE_CREATE), 0);
	copy_ctx cc = { .to = t };
	assert_int_equal(tendo_store_begin(t), 0);
	assert_int_equal(tendo_store_dump(s, copy_row, &cc), 0);
	assert_int_equal(cc.err, 0);
	assert_int_equal(tendo_store_commit(t), 0);
	assert_true(cc.rows >= 12);

	assert_int_equal(tendo_store_get_profile(t, &got), 0);
	assert_int_equal(got.start_stage, TENDO_STAGE_FULL_LOAD);
	assert_int_equal(got.start_week_min, 90);
	assert_int_equal(got.start_run_step_min, 30);
	assert_true(got.start_curl_kg == 40);
	assert_string_equal(got.cleared_by, "physio");
	assert_int_equal(tendo_store_load_log(t, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	check_v4_entries(&log, fx_day(2), ids);
	tendo_log_dispose(&log);
	tendo_store_close(t);
	tendo_store_close(s);
}

static void test_note_utf8_cut(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_pain p = { .date = fx_day(0), .kind = TENDO_PAIN_REST, .score = 0 };
	int64_t id;
	char buf[4];

	assert_int_equal(tendo_store_add_pain(s, &p, noon(p.date), "aé€", &id), 0);
	assert_int_equal(tendo_store_entry_note(s, id, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "aé"); /* 3 bytes fit; the euro sign would be cut */
	assert_int_equal(tendo_store_entry_note(s, id, buf, 3), 0);
	assert_string_equal(buf, "a");
	tendo_store_close(s);
}

static void test_filter_and_order(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_log log;
	int64_t d5 = add_pain(s, 5, 5), d1a = add_pain(s, 1, 1), d3 = add_pain(s, 3, 3),
	        d1b = add_pain(s, 1, 2);
	add_rehab3(s, 9);

	assert_int_equal(tendo_store_load_log_ext(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED), 0);
	assert_int_equal(log.n_pain, 4);
	assert_int_equal(log.pain[0].id, d1a);
	assert_int_equal(log.pain[1].id, d1b);
	assert_int_equal(log.pain[2].id, d3);
	assert_int_equal(log.pain[3].id, d5);
	assert_int_equal(log.pain[0].date, fx_day(1));
	assert_int_equal(log.pain[3].date, fx_day(5));
	assert_int_equal(log.pain[3].score, 5);
	assert_int_equal(log.n_rehab, 1);
	tendo_log_dispose(&log);

	/* two morning scores on day 1: the later one counts, the earlier is left out */
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 3);
	assert_int_equal(log.pain[0].id, d1b);
	assert_int_equal(log.pain[0].score, 2);
	assert_int_equal(log.pain[1].id, d3);
	tendo_log_dispose(&log);

	assert_int_equal(tendo_store_load_log(s, &log, fx_day(2), fx_day(4)), 0);
	assert_int_equal(log_total(&log), 1);
	assert_int_equal(log.pain[0].id, d3);
	tendo_log_dispose(&log);

	assert_int_equal(tendo_store_load_log(s, &log, fx_day(3), fx_day(3)), 0);
	assert_int_equal(log_total(&log), 1);
	tendo_log_dispose(&log);

	assert_int_equal(tendo_store_load_log(s, &log, fx_day(3), TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 2);
	assert_int_equal(log.n_rehab, 1);
	assert_int_equal(log.pain[0].id, d3);
	assert_int_equal(log.pain[1].id, d5);
	tendo_log_dispose(&log);

	assert_int_equal(tendo_store_load_log_ext(s, &log, TENDO_DATE_NONE, fx_day(1), TENDO_LOAD_REPLACED), 0);
	assert_int_equal(log_total(&log), 2);
	tendo_log_dispose(&log);

	assert_int_equal(tendo_store_load_log(s, &log, fx_day(6), fx_day(8)), 0);
	assert_int_equal(log_total(&log), 0);
	assert_null(log.pain);
	tendo_log_dispose(&log);

	/* dates across years sort as dates */
	tendo_sitting a = { .date = tendo_date_from_ymd(2027, 1, 2), .hours = 1 };
	tendo_sitting b = { .date = tendo_date_from_ymd(2026, 12, 31), .hours = 2 };
	assert_int_equal(tendo_store_add_sitting(s, &a, noon(a.date), NULL), 0);
	assert_int_equal(tendo_store_add_sitting(s, &b, noon(b.date), NULL), 0);
	assert_int_equal(tendo_store_load_log(s, &log, tendo_date_from_ymd(2026, 12, 1),
	                                      TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_sitting, 2);
	assert_true(log.sitting[0].hours == 2);
	assert_true(log.sitting[1].hours == 1);
	tendo_log_dispose(&log);
	tendo_store_close(s);
}

static void test_many_entries(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_log log;
	int i;

	assert_int_equal(tendo_store_begin(s), 0);
	for (i = 0; i < 300; i++)
		add_pain(s, 300 - i, i % 11);
	assert_int_equal(tendo_store_commit(s), 0);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 300);
	for (i = 1; i < 300; i++)
		assert_true(log.pain[i - 1].date < log.pain[i].date);
	tendo_log_dispose(&log);
	tendo_store_close(s);
}

static void test_delete(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	int64_t keep = add_pain(s, 0, 3);
	int64_t gone = add_rehab3(s, 0);
	int64_t other = add_rehab3(s, 1);
	char msg[64];

	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM rehab_set"), 6);
	assert_int_equal(tendo_store_delete(s, gone), 0);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 2);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM rehab_session"), 1);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM rehab_set"), 3);

	assert_int_equal(tendo_store_delete(s, gone), TENDO_ENOTFOUND);
	snprintf(msg, sizeof(msg), "no entry with id %lld", (long long)gone);
	assert_string_equal(tendo_error_last(), msg);

	assert_int_equal(tendo_store_delete(s, keep), 0);
	assert_int_equal(tendo_store_delete(s, other), 0);
	assert_int_equal(sq_int(c->db, "SELECT (SELECT count(*) FROM entry) +"
	                               " (SELECT count(*) FROM pain_report) +"
	                               " (SELECT count(*) FROM rehab_session) +"
	                               " (SELECT count(*) FROM rehab_set)"), 0);
	tendo_store_close(s);
}

/* ---- transactions and failures ---- */

static void test_rollback(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_log log;

	tendo_store_rollback(s); /* without begin: harmless */
	assert_int_equal(tendo_store_begin(s), 0);
	add_pain(s, 0, 3);
	add_rehab3(s, 0);
	tendo_store_rollback(s);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log_total(&log), 0);
	tendo_log_dispose(&log);
	assert_int_equal(sq_int(c->db, "SELECT (SELECT count(*) FROM entry) +"
	                               " (SELECT count(*) FROM rehab_set)"), 0);

	assert_int_equal(tendo_store_begin(s), 0);
	add_pain(s, 0, 3);
	assert_int_equal(tendo_store_begin(s), TENDO_ESTORE); /* no nesting */
	assert_int_equal(tendo_store_commit(s), 0);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);
	assert_int_equal(tendo_store_commit(s), TENDO_ESTORE); /* nothing open */
	tendo_store_close(s);
}

/* A failing add leaves no half entry, even inside the caller's transaction:
 * values out of range are refused before anything is written (the
 * library's checks), and a failure after the entry row (here a trigger
 * that refuses the detail row) undoes the entry row too. */
static void test_failed_add_is_atomic(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_pain bad = { .date = fx_day(0), .kind = TENDO_PAIN_AFTER, .score = 11 };
	tendo_pain late = { .date = fx_day(0), .kind = TENDO_PAIN_AFTER, .score = 7 };
	tendo_rehab nosets = { .date = fx_day(0), .exercise = "iso-bridge", .sets = 0,
	                       .reps = -1, .hold_s = 45, .kg = -1 };
	tendo_pain nodate = { .date = TENDO_DATE_NONE, .kind = TENDO_PAIN_AFTER, .score = 1 };
	tendo_flag badkind = { .date = fx_day(0), .kind = (tendo_flag_kind)42 };
	int64_t id = -5;

	sqlite3_exec(store_sqlite(s), "CREATE TEMP TRIGGER no_sevens BEFORE INSERT ON pain_report WHEN NEW.score = 7"
	                              " BEGIN SELECT RAISE(ABORT, 'no sevens'); END", NULL, NULL, NULL);
	assert_int_equal(tendo_store_begin(s), 0);
	add_pain(s, 0, 2);
	assert_int_equal(tendo_store_add_pain(s, &bad, noon(bad.date), "x", &id), TENDO_EINVAL);
	assert_msg("score must be 0-10 (got 11)");
	assert_int_equal(tendo_store_add_pain(s, &late, noon(late.date), "x", &id), TENDO_ESTORE);
	assert_msg("no sevens");
	assert_int_equal(id, -5);
	assert_int_equal(tendo_store_add_rehab(s, &nosets, noon(nosets.date), &id), TENDO_EINVAL);
	assert_msg("sets must be 1-20 (got 0)");
	assert_int_equal(tendo_store_add_pain(s, &nodate, 0, NULL, &id), TENDO_EINVAL);
	assert_msg("date must be a day");
	assert_int_equal(tendo_store_add_flag(s, &badkind, 0, &id), TENDO_EINVAL);
	assert_msg("kind must be pop|bruising");
	assert_int_equal(tendo_store_commit(s), 0);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM pain_report"), 1);

	/* and outside one */
	assert_int_equal(tendo_store_add_pain(s, &late, noon(late.date), NULL, &id), TENDO_ESTORE);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);
	tendo_store_close(s);
}

static void test_readonly(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_profile p;
	tendo_log log;
	int64_t id = -5, first;

	fx_profile(&p);
	assert_int_equal(tendo_store_init_profile(s, &p), 0);
	first = add_rehab3(s, 0);
	tendo_store_close(s);

	s = NULL;
	assert_int_equal(tendo_store_open(&s, c->db, TENDO_STORE_READONLY), 0);
	tendo_pain pain = { .date = fx_day(1), .kind = TENDO_PAIN_MORNING, .score = 1 };
	assert_int_equal(tendo_store_add_pain(s, &pain, noon(pain.date), NULL, &id), TENDO_ESTORE);
	assert_msg("cannot be written: it or its folder is read-only");
	assert_int_equal(id, -5);
	tendo_rehab r = { .date = fx_day(1), .exercise = "iso-bridge", .sets = 2, .reps = -1,
	                  .hold_s = 30, .kg = -1 };
	assert_int_equal(tendo_store_add_rehab(s, &r, noon(r.date), &id), TENDO_ESTORE);
	assert_int_equal(tendo_store_delete(s, first), TENDO_ESTORE);
	p.settings.ceiling = 4;
	assert_int_equal(tendo_store_update_profile(s, &p), TENDO_ESTORE);

	/* reading works */
	assert_int_equal(tendo_store_get_profile(s, &p), 0);
	assert_int_equal(p.settings.ceiling, 3);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log_total(&log), 1);
	assert_int_equal(log.rehab[0].id, first);
	tendo_log_dispose(&log);
	tendo_store_close(s);

	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM entry"), 1);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM rehab_set"), 3);
	assert_int_equal(sq_int(c->db, "SELECT count(*) FROM setting"), 0);
}

/* Rows the loader cannot understand are left out and reported; the rest
 * loads, delete removes the bad row, and a whole-store check refuses it. */
static void test_load_bad_rows(void **state)
{
	ctx *c = *state;
	tendo_store *s = open_new(c);
	tendo_log log;
	int64_t id;
	char msg[300];

	add_pain(s, 0, 1);
	add_rehab3(s, 0);
	tendo_store_close(s);
	sq_exec(c->db, "UPDATE rehab_session SET side = 'middle'");
	s = NULL;
	assert_int_equal(tendo_store_open(&s, c->db, 0), 0);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 1);  /* the good row */
	assert_int_equal(log.n_rehab, 0); /* the bad one, left out */
	assert_int_equal(tendo_store_skipped(s, &id, msg, sizeof(msg)), 1);
	assert_int_equal(id, sq_int(c->db, "SELECT entry_id FROM rehab_session"));
	assert_non_null(strstr(msg, "has an unknown side 'middle'"));
	tendo_log_dispose(&log);
	assert_int_equal(tendo_store_check_all(s), TENDO_EINVAL);
	assert_msg("has an unknown side 'middle'");
	tendo_store_close(s);

	/* a date the loader refuses (as one imported from a file whose clock
	 * said the year 9999 once could be) */
	sq_exec(c->db, "UPDATE rehab_session SET side = 'left'; UPDATE entry SET date = '9999-01-01' WHERE type = 'rehab'");
	s = NULL;
	assert_int_equal(tendo_store_open(&s, c->db, 0), 0);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_pain, 1);
	assert_int_equal(log.n_rehab, 0);
	assert_int_equal(tendo_store_skipped(s, &id, msg, sizeof(msg)), 1);
	assert_non_null(strstr(msg, "has a bad date '9999-01-01'"));
	tendo_log_dispose(&log);
	assert_int_equal(tendo_store_delete(s, id), 0);
	assert_int_equal(tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(tendo_store_skipped(s, NULL, NULL, 0), 0);
	assert_int_equal(log.n_pain, 1);
	tendo_log_dispose(&log);
	assert_int_equal(tendo_store_check_all(s), 0);
	tendo_store_close(s);
}

/* ---- the default path ---- */

static void test_default_path(void **state)
{
	char buf[256], small[8];
	(void)state;

	setenv("TENDO_DB", "/x/my.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	assert_int_equal(tendo_store_default_path(buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/x/my.db");

	unsetenv("TENDO_DB");
	assert_int_equal(tendo_store_default_path(buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/xdg/tendo/tendo.db");

	setenv("XDG_DATA_HOME", "", 1);
	assert_int_equal(tendo_store_default_path(buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/u/.local/share/tendo/tendo.db");

	assert_int_equal(tendo_store_default_path(small, sizeof(small)), TENDO_ELIMIT);

	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_int_equal(tendo_store_default_path(buf, sizeof(buf)), TENDO_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_file_and_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_imports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_garbage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_newer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_foreign, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_bad_args, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked_begin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entries_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_v4_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump_restore_v4, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_utf8_cut, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_and_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_add_is_atomic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_bad_rows, setup, teardown),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
