/*
 * schema.c - the store's schema as a list of migrations, and the code that
 * checks and applies them (store_check, store_migrate, store_read_version;
 * see store_int.h), and store_fail, the sqlite-to-tendo error mapping.
 *
 * migrations[v] takes a database from schema version v to v + 1 and ends by
 * setting PRAGMA user_version to v + 1. Version 0 is an empty database. To
 * change the schema, append a migration and bump TENDO_STORE_SCHEMA_VERSION
 * in tendo/store.h; never edit a migration that has shipped.
 *
 * Conventions of the tables: local days are TEXT 'YYYY-MM-DD' (they sort as
 * dates), instants TEXT 'YYYY-MM-DDTHH:MM:SSZ' in UTC, enums their names
 * (tendo_side_name() ...), and NULL means "not recorded" (-1 in the C
 * structs). Every detail row hangs off entry(id) with ON DELETE CASCADE, so
 * deleting an entry deletes everything about it.
 */
#include <errno.h>
#include <string.h>

#include "store/store_int.h"

#include "tendo/errors.h"

static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE profile (\n"
	"  id          INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  name        TEXT,\n"
	"  side        TEXT NOT NULL,\n"          /* left|right|both */
	"  tz          TEXT NOT NULL,\n"          /* IANA zone */
	"  start_date  TEXT NOT NULL,\n"          /* local day of `tendo init` */
	"  created_utc TEXT NOT NULL\n"
	");\n"
	/* only the settings that differ from tendo_settings_default() */
	"CREATE TABLE setting (\n"
	"  name  TEXT PRIMARY KEY,\n"
	"  value REAL NOT NULL\n"
	");\n"
	"CREATE TABLE entry (\n"
	"  id     INTEGER PRIMARY KEY,\n"
	"  type   TEXT NOT NULL CHECK (type IN\n"
	"           ('pain','run','rehab','cross','test','flag','sitting')),\n"
	"  date   TEXT NOT NULL,\n"               /* local day */
	"  at_utc TEXT NOT NULL,\n"               /* when it happened */
	"  note   TEXT\n"
	");\n"
	"CREATE INDEX entry_date ON entry (date);\n"
	"CREATE TABLE pain_report (\n"
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  kind     TEXT NOT NULL,\n"
	"  score    INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)\n"
	");\n"
	"CREATE TABLE run (\n"
	"  entry_id    INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  minutes     REAL NOT NULL,\n"
	"  km          REAL,\n"
	"  terrain     TEXT,\n"
	"  intent      TEXT,\n"
	"  walk_breaks INTEGER,\n"                /* 0/1 */
	"  rpe         INTEGER,\n"
	"  pain_during INTEGER,\n"
	"  pain_after  INTEGER,\n"
	"  sharp       INTEGER\n"                 /* 0/1 */
	");\n"
	"CREATE TABLE rehab_session (\n"
	"  entry_id    INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  exercise    TEXT NOT NULL,\n"
	"  side        TEXT,\n"
	"  rpe         INTEGER,\n"
	"  pain_during INTEGER\n"
	");\n"
	"CREATE TABLE rehab_set (\n"
	"  session_id INTEGER NOT NULL\n"
	"             REFERENCES rehab_session (entry_id) ON DELETE CASCADE,\n"
	"  set_no     INTEGER NOT NULL,\n"        /* 1, 2, ... */
	"  reps       INTEGER,\n"
	"  hold_s     INTEGER,\n"                 /* seconds */
	"  kg         REAL,\n"
	"  PRIMARY KEY (session_id, set_no)\n"
	");\n"
	"CREATE TABLE cross_training (\n"
	"  entry_id    INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  kind        TEXT NOT NULL,\n"
	"  minutes     REAL NOT NULL,\n"
	"  pain_during INTEGER\n"
	");\n"
	"CREATE TABLE readiness_test (\n"
	"  entry_id        INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  drop_lunge_pain INTEGER,\n"
	"  bridge_left     INTEGER,\n"            /* single-leg bridge reps */
	"  bridge_right    INTEGER,\n"
	"  curl_left_kg    REAL,\n"               /* prone curl 10RM */
	"  curl_right_kg   REAL,\n"
	"  rest_pain       INTEGER\n"
	");\n"
	"CREATE TABLE red_flag (\n"
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  kind     TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE sitting (\n"
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  hours    REAL NOT NULL\n"
	");\n"
	"PRAGMA user_version = 1;\n",
	/* 1 -> 2: activities imported from watch files (FIT, GPX, TCX) */
	"CREATE TABLE activity_file (\n"
	"  id            INTEGER PRIMARY KEY,\n"
	"  entry_id      INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  hash          TEXT NOT NULL UNIQUE,\n"  /* content hash of the file, 16 hex digits */
	"  format        TEXT NOT NULL,\n"         /* fit | gpx | tcx */
	"  name          TEXT NOT NULL,\n"         /* file name, or archive path */
	"  title         TEXT,\n"                  /* the activity's name */
	"  device        TEXT,\n"
	"  sport         TEXT,\n"
	"  start_ms      INTEGER,\n"               /* UTC ms since 1970 */
	"  elapsed_s     REAL,\n"
	"  moving_s      REAL,\n"
	"  distance_m    REAL,\n"
	"  ascent_m      REAL,\n"
	"  descent_m     REAL,\n"
	"  uphill_s      REAL,\n"                  /* moving time on grades over 4% */
	"  fast_s        REAL,\n"                  /* moving time faster than easy pace */
	"  cadence_avg   REAL,\n"                  /* steps/min */
	"  cadence_median REAL,\n"
	"  avg_hr        REAL,\n"
	"  walk_breaks   INTEGER,\n"
	"  imported_utc  TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX activity_file_entry ON activity_file (entry_id);\n"
	"CREATE INDEX activity_file_start ON activity_file (start_ms);\n"
	"PRAGMA user_version = 2;\n",
	/* 2 -> 3: the athlete's training days and preferred times (tendo_schedule),
	 * and VISA-H questionnaires (an entry of type 'test' with a visa_h row) */
	"ALTER TABLE profile ADD COLUMN days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri,sat,sun';\n"
	"ALTER TABLE profile ADD COLUMN run_time TEXT NOT NULL DEFAULT '17:00';\n"   /* local HH:MM */
	"ALTER TABLE profile ADD COLUMN rehab_time TEXT NOT NULL DEFAULT '18:00';\n"
	"CREATE TABLE visa_h (\n"
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  items    TEXT NOT NULL,\n"             /* the 8 item scores, \"7,8,6,9,5,6,7,20\" */
	"  total    INTEGER NOT NULL CHECK (total BETWEEN 0 AND 100)\n"
	");\n"
	"PRAGMA user_version = 3;\n",
	/* 3 -> 4: what PROTOCOL.md 10-11 needs recorded: a time of day on any
	 * entry, pain attached to a session and sharp pain, custom exercises,
	 * aggravators of four kinds (the sitting table, rebuilt: hours may be
	 * NULL now, and an entry of type 'sitting' is any aggravator), the RPE
	 * and feel a watch recorded, and the stage an athlete starts at */
	"ALTER TABLE entry ADD COLUMN time_min INTEGER CHECK (time_min BETWEEN 0 AND 1439);\n" /* local start, minutes after midnight */
	"ALTER TABLE pain_report ADD COLUMN session_id INTEGER REFERENCES entry (id) ON DELETE SET NULL;\n"
	"ALTER TABLE pain_report ADD COLUMN sharp INTEGER NOT NULL DEFAULT 0;\n"    /* 0/1 */
	"ALTER TABLE rehab_session ADD COLUMN sharp INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE rehab_session ADD COLUMN custom_stage TEXT;\n"   /* a custom exercise's stage; NULL = from the library */
	"ALTER TABLE rehab_session ADD COLUMN custom_kind TEXT;\n"    /* isometric|isotonic|plyometric */
	"ALTER TABLE cross_training ADD COLUMN sharp INTEGER NOT NULL DEFAULT 0;\n"
	"CREATE TABLE sitting_v4 (\n"
	"  entry_id INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,\n"
	"  hours    REAL,\n"                    /* in one go; NULL when not timed */
	"  kind     TEXT NOT NULL DEFAULT 'sitting'\n"       /* sitting|driving|stretching|hip-flexion */
	");\n"
	"INSERT INTO sitting_v4 (entry_id, hours, kind) SELECT entry_id, hours, 'sitting' FROM sitting;\n"
	"DROP TABLE sitting;\n"
	"ALTER TABLE sitting_v4 RENAME TO sitting;\n"
	"ALTER TABLE activity_file ADD COLUMN workout_rpe INTEGER;\n"  /* FIT session: Borg CR10 x 10, 0-100 */
	"ALTER TABLE activity_file ADD COLUMN workout_feel INTEGER;\n" /* FIT session: 0-100, higher = felt better */
	"ALTER TABLE profile ADD COLUMN start_stage TEXT NOT NULL DEFAULT 'settle';\n"
	"ALTER TABLE profile ADD COLUMN start_run_step_min INTEGER;\n" /* NULL = unknown */
	"ALTER TABLE profile ADD COLUMN start_week_min INTEGER;\n"
	"ALTER TABLE profile ADD COLUMN start_curl_kg REAL;\n"
	"ALTER TABLE profile ADD COLUMN cleared_by TEXT;\n"          /* who set the starting stage */
	"PRAGMA user_version = 4;\n",
	/* 4 -> 5: each loader reads its own type of entry in date order */
	"CREATE INDEX entry_type_date ON entry (type, date, id);\nPRAGMA user_version = 5;\n",
	/* 5 -> 6: the units the athlete reads and types (stored values stay metric) */
	("ALTER TABLE profile ADD COLUMN units TEXT NOT NULL DEFAULT 'metric' CHECK (units IN ('metric', 'imperial'));\n"
	 "PRAGMA user_version = 6;\n"), /* (parenthesised: one element, as clang's -Wstring-concatenation wants it said) */
	/* 6 -> 7: what the server publishes (issue 9). calendar_event: each
	 * event of the calendar as last sent (`plan --ics`, /plan.ics,
	 * /calendar.ics), so a changed event goes out with a higher SEQUENCE
	 * and a day that left the plan as STATUS:CANCELLED. share: the
	 * read-only links (`tendo share`) and the calendar feed's read tokens;
	 * credentials, so left out of `export --json`. */
	("CREATE TABLE calendar_event (\n"
	 "  uid       TEXT PRIMARY KEY,\n"                 /* as in the calendar */
	 "  day       TEXT NOT NULL,\n"                    /* its local day */
	 "  digest    TEXT NOT NULL,\n"                    /* of what was sent, to see a change */
	 "  sequence  INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),\n"
	 "  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),\n"
	 "  sent      TEXT NOT NULL\n"                     /* UTC instant it was last sent */
	 ");\n"
	 "CREATE TABLE share (\n"
	 "  id      INTEGER PRIMARY KEY,\n"
	 "  token   TEXT NOT NULL UNIQUE,\n"               /* 256 bits as lowercase hex */
	 "  scope   TEXT NOT NULL DEFAULT 'read' CHECK (scope IN ('read', 'calendar')),\n"
	 "  label   TEXT,\n"                               /* who it is for */
	 "  created TEXT NOT NULL,\n"                      /* UTC instants */
	 "  expires TEXT,\n"                               /* NULL: never */
	 "  revoked TEXT\n"                                /* NULL: still valid */
	 ");\n"
	 "PRAGMA user_version = 7;\n"),
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == TENDO_STORE_SCHEMA_VERSION,
               "one migration per schema version");

int store_fail(sqlite3 *db, const char *path, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return tendo_error_set(TENDO_ESTORE, "%s is not a tendo database (%s)", path,
		                       sqlite3_errmsg(db));
	case SQLITE_CORRUPT:
		return tendo_error_set(TENDO_ESTORE, "database %s is corrupt (%s): restore it from a backup",
		                       path, sqlite3_errmsg(db));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return tendo_error_set(TENDO_EBUSY, "database %s is locked by another process", path);
	case SQLITE_NOMEM:
		return tendo_error_set(TENDO_ENOMEM, "out of memory reading database %s", path);
	case SQLITE_READONLY:
		return tendo_error_set(TENDO_ESTORE, "database %s cannot be written: it or its folder is read-only", path);
	case SQLITE_FULL:
		return tendo_error_set(TENDO_ESTORE, "database %s: the disk is full (%s); nothing was written", path,
		                       strerror(ENOSPC));
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN: {
		/* the operating system's reason, when SQLite kept one */
		int e = sqlite3_system_errno(db);
		const char *m = sqlite3_errmsg(db);
		if (e == ENOSPC || e == EDQUOT || e == EFBIG)
			return tendo_error_set(TENDO_ESTORE, "database %s: the disk is full (%s); nothing was written", path,
			                       strerror(e));
		if (e)
			return tendo_error_set(TENDO_ESTORE, "database %s: %s (%s)", path, m, strerror(e));
		return tendo_error_set(TENDO_ESTORE, "database %s: %s", path, m);
	}
	default:
		return tendo_error_set(TENDO_ESTORE, "database %s: %s", path, sqlite3_errmsg(db));
	}
}

/* Run a statement returning one integer row into *out. */
static int query_int(tendo_store *s, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s->db, s->path, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		int err = store_fail(s->db, s->path, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
		sqlite3_finalize(st);
		return err;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int store_read_version(tendo_store *s, int *version, bool *has_objects)
{
	int v = 0, n = 0, err;
	if ((err = query_int(s, "PRAGMA user_version", &v)) < 0)
		return err;
	if (has_objects && (err = query_int(s, "SELECT count(*) FROM sqlite_master", &n)) < 0)
		return err;
	if (version)
		*version = v;
	if (has_objects)
		*has_objects = n > 0;
	return 0;
}

/* Refuse versions this tendo cannot use; 0 if v may be migrated or used. */
static int check_version(tendo_store *s, int v, bool has_objects)
{
	if (v > TENDO_STORE_SCHEMA_VERSION)
		return tendo_error_set(TENDO_ESTORE,
		                       "database %s has schema version %d, newer than this tendo (%d)",
		                       s->path, v, TENDO_STORE_SCHEMA_VERSION);
	if (v < 0)
		return tendo_error_set(TENDO_ESTORE, "%s is not a tendo database (schema version %d)",
		                       s->path, v);
	if (v == 0 && has_objects)
		return tendo_error_set(TENDO_ESTORE,
		                       "%s is not a tendo database (it has tables but no tendo schema)",
		                       s->path);
	return 0;
}

int store_check(tendo_store *s, int *version)
{
	int v, err;
	bool has_objects;

	if ((err = store_read_version(s, &v, &has_objects)) < 0)
		return err;
	if ((err = check_version(s, v, has_objects)) < 0)
		return err;
	if (s->readonly && v < TENDO_STORE_SCHEMA_VERSION) {
		if (v == 0)
			return tendo_error_set(TENDO_ENOTFOUND,
			                       "no database at %s: run 'tendo init' first", s->path);
		tendo_error_set(TENDO_ESTORE, "database %s has schema version %d and needs an upgrade", s->path, v);
		return STORE_NEEDS_UPGRADE;
	}
	*version = v;
	return 0;
}

int store_migrate(tendo_store *s, int version)
{
	int v, rc, err;
	bool has_objects;

	if (version == TENDO_STORE_SCHEMA_VERSION)
		return 0;
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s->db, s->path, rc);
	/* Another process may have migrated it while we waited for the lock. */
	if ((err = store_read_version(s, &v, &has_objects)) < 0)
		goto fail;
	if ((err = check_version(s, v, has_objects)) < 0)
		goto fail;
	for (; v < TENDO_STORE_SCHEMA_VERSION; v++) {
		rc = sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			err = store_fail(s->db, s->path, rc);
			goto fail;
		}
	}
	rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		err = store_fail(s->db, s->path, rc);
		goto fail;
	}
	return 0;

fail:
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}
