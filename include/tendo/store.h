/*
 * tendo/store.h - the athlete's log in SQLite.
 *
 * One database file per athlete. Opening sets busy_timeout first, turns
 * foreign keys on, checks PRAGMA user_version (a foreign or newer database is
 * refused before anything is written to it), then switches to WAL and
 * migrates the schema inside BEGIN IMMEDIATE. Every entry
 * has one id, unique across kinds, so `tendo delete ID` needs nothing else.
 * Writes go inside tendo_store_begin()/tendo_store_commit(); on any error
 * the caller calls tendo_store_rollback() and nothing is written.
 */
#ifndef TENDO_STORE_H
#define TENDO_STORE_H

#include <stdint.h>
#include <time.h>

#include "log.h"
#include "profile.h"
#include "schedule.h"

typedef struct tendo_store tendo_store;

enum {
	TENDO_STORE_READONLY = 1 << 0, /* open for reading only */
	TENDO_STORE_CREATE   = 1 << 1  /* create the file (and its folder) if missing */
};

#define TENDO_STORE_SCHEMA_VERSION 7

/*
 * Open (and migrate) the database at path.
 * out: the store, release with tendo_store_close()
 * Returns 0; TENDO_ENOTFOUND if the file is missing and CREATE not given;
 * TENDO_ESTORE if it is not a database, corrupt, newer than this tendo or
 * cannot be created; TENDO_EBUSY if it stays locked past the busy timeout.
 */
int tendo_store_open(tendo_store **out, const char *path, int flags);
void tendo_store_close(tendo_store *store); /* NULL-safe */

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int tendo_store_begin(tendo_store *store);
int tendo_store_commit(tendo_store *store);
void tendo_store_rollback(tendo_store *store); /* safe to call without begin */

/*
 * The athlete's profile (with settings applied over the defaults).
 * Returns 0, or TENDO_ENOTFOUND before `tendo init`.
 */
int tendo_store_get_profile(tendo_store *store, tendo_profile *out);
/* Create the profile; TENDO_EEXISTS if there is one. Stores every setting that
 * differs from the default. */
int tendo_store_init_profile(tendo_store *store, const tendo_profile *profile);
/* Replace the existing profile: name, side, tz, the starting stage and its
 * numbers (start_stage ... cleared_by) and the settings; the start date
 * stays (tendo_store_set_start() moves it). */
int tendo_store_update_profile(tendo_store *store, const tendo_profile *profile);
/* Move the programme's start to `start`; TENDO_ENOTFOUND before init. */
int tendo_store_set_start(tendo_store *store, tendo_date start);
/* The training days and preferred times kept with the profile (defaults
 * until set); TENDO_ENOTFOUND before `tendo init`. */
int tendo_store_get_schedule(tendo_store *store, tendo_schedule *out);
/* Replace them (one statement, atomic); TENDO_EINVAL for no day or a time
 * out of 00:00-23:59. */
int tendo_store_set_schedule(tendo_store *store, const tendo_schedule *schedule);

/*
 * Add an entry. `at` is the UTC instant it happened (or noon local of the
 * typed date); the entry's `date` field is its local day; its `id` field is
 * ignored. out_id (may be NULL) receives the new entry id.
 */
int tendo_store_add_pain(tendo_store *store, const tendo_pain *e, time_t at, const char *note, int64_t *out_id);
int tendo_store_add_run(tendo_store *store, const tendo_run *e, time_t at, int64_t *out_id);
int tendo_store_add_rehab(tendo_store *store, const tendo_rehab *e, time_t at, int64_t *out_id);
int tendo_store_add_cross(tendo_store *store, const tendo_cross *e, time_t at, int64_t *out_id);
int tendo_store_add_test(tendo_store *store, const tendo_test *e, time_t at, int64_t *out_id);
int tendo_store_add_flag(tendo_store *store, const tendo_flag *e, time_t at, int64_t *out_id);
int tendo_store_add_sitting(tendo_store *store, const tendo_sitting *e, time_t at, int64_t *out_id);
/* A VISA-H is stored as an entry of type 'test' with a visa_h row; its
 * items are checked (tendo_visa_check) and its total computed. */
int tendo_store_add_visa(tendo_store *store, const tendo_visa *e, time_t at, int64_t *out_id);

/*
 * Change what `tendo edit` may change of a stored entry; e->id names it,
 * the other fields are ignored:
 *   run:    rpe, pain_during, pain_after, sharp, time_min (logged or imported)
 *   rehab:  rpe, pain_during, sharp, time_min
 *   cross:  pain_during, sharp, time_min
 *   pain:   score, sharp
 *   test:   time_min
 * One savepoint each. TENDO_ENOTFOUND if there is no entry of that type
 * with that id.
 */
int tendo_store_update_run(tendo_store *store, const tendo_run *e);
int tendo_store_update_rehab(tendo_store *store, const tendo_rehab *e);
int tendo_store_update_cross(tendo_store *store, const tendo_cross *e);
int tendo_store_update_pain(tendo_store *store, const tendo_pain *e);
int tendo_store_update_test(tendo_store *store, const tendo_test *e);
/* The day of the first entry that was logged rather than imported from a
 * watch file: 1 and *out set, 0 if there is none, or a negative error. */
int tendo_store_first_logged(tendo_store *store, tendo_date *out);
/* Replace the note of entry id ("" or NULL removes it); TENDO_ENOTFOUND. */
int tendo_store_set_note(tendo_store *store, int64_t id, const char *note);
/* A stamp of the database's content as this connection sees it, two
 * counters: SQLite's PRAGMA data_version (moves when another connection,
 * the CLI or another server thread, commits) and this connection's own
 * changes (sqlite3_total_changes64()). Equal stamps from one connection:
 * nothing was written in between, by anyone, so a read then reads the
 * same now (a cache's key; not comparable across connections). 0 or
 * TENDO_ESTORE. */
int tendo_store_version(tendo_store *store, uint64_t out[2]);

/*
 * Load every entry dated in [from, to] (TENDO_DATE_NONE = open end) into out.
 * out: arrays allocated here, sorted by (date, id); the caller releases them
 * with tendo_log_dispose().
 * A day has one morning score and one task score: when more than one of a
 * kind was logged on a day, the latest (highest id) is the one that counts,
 * and the ones it replaced are left out.
 */
int tendo_store_load_log(tendo_store *store, tendo_log *out, tendo_date from, tendo_date to);

enum {
	TENDO_LOAD_REPLACED = 1 << 0 /* keep the morning and task scores a later one replaced */
};
/* tendo_store_load_log() with flags (TENDO_LOAD_REPLACED: every entry, for
 * listing, editing and deleting them). */
int tendo_store_load_log_ext(tendo_store *store, tendo_log *out, tendo_date from, tendo_date to, unsigned flags);
/* The rows the last load left out because they cannot be read (a date out
 * of range, an unknown name: written by something other than tendo, or
 * damaged): how many, the first one's entry id and message. One bad row
 * never makes a load fail; a front end warns, and tendo_store_delete()
 * removes the row. tendo_store_check_all() refuses a store with any. */
size_t tendo_store_skipped(const tendo_store *store, int64_t *first_id, char *msg, size_t msgsz);

/* What the store keeps of an activity file (its activity_file row): the
 * file and what the watch recorded. Strings are borrowed for the call. */
typedef struct {
	char hash[17];                 /* content hash of the file, 16 hex digits */
	const char *format;            /* "fit", "gpx", "tcx" */
	const char *name;              /* file name or archive path */
	const char *title;             /* the activity's name, or NULL */
	const char *device;            /* or NULL */
	const char *sport;             /* the file's sport ("running"), or NULL */
	int64_t start_ms;              /* UTC ms of the start, INT64_MIN if unknown */
	double elapsed_s, moving_s;    /* seconds; NAN if unknown (so for every double below) */
	double distance_m, ascent_m, descent_m;
	double uphill_s, fast_s;       /* seconds on grades over 4%, faster than the easy pace */
	double cadence_avg, cadence_median; /* steps/min */
	double avg_hr;                 /* bpm */
	int walk_breaks;               /* walking spells between running */
	int workout_rpe, workout_feel; /* what the watch asked the athlete (FIT), 0-100; -1 */
} tendo_import_record;

/*
 * Store an imported activity as the entry it becomes - run (a run, with
 * run->imported ranges) or cross (cross-training): exactly one of them -
 * plus its activity_file row, in one savepoint. The entry's checks are
 * tendo/validate.h's with the ranges of an imported activity. out_id
 * receives the entry id. TENDO_EEXISTS if the hash is there already,
 * TENDO_EINVAL for an entry out of range or neither/both entries.
 */
int tendo_store_add_import(tendo_store *store, const tendo_import_record *rec, const tendo_run *run,
                           const tendo_cross *cross, int64_t *out_id);

/*
 * The entry an activity was already imported as: the same content hash, or
 * the same sport starting within 60 s with an elapsed time within 10% (the
 * same run exported in two formats). Returns 1 and sets *out_id (and the
 * stored file name into name_out if given), 0 if none, or a negative error.
 */
int tendo_store_find_import(tendo_store *store, const char *hash, int64_t start_ms, double elapsed_s,
                            bool is_run, int64_t *out_id, char *name_out, size_t name_sz);

/* ------------------------------------------------------------ export */

/* One column value of a stored row. */
typedef struct {
	enum { TENDO_VAL_NULL, TENDO_VAL_INT, TENDO_VAL_REAL, TENDO_VAL_TEXT } kind;
	int64_t i;                     /* TENDO_VAL_INT */
	double r;                      /* TENDO_VAL_REAL */
	const char *s;                 /* TENDO_VAL_TEXT, borrowed for the callback */
} tendo_value;

/* The tables of the log, in an order that restores (parents first). */
const char *const *tendo_store_tables(size_t *n);

/*
 * Every row of every table, in tendo_store_tables() order and by rowid.
 * row() is called with the table, its columns and the values (borrowed for
 * the call); a non-zero return stops the dump and is returned.
 */
int tendo_store_dump(tendo_store *store,
                     int (*row)(const char *table, int n, const char *const *cols, const tendo_value *vals, void *user),
                     void *user);

/*
 * Insert one row into table as it was dumped (ids kept). The table must be
 * one of tendo_store_tables() and every column one of its columns:
 * TENDO_EINVAL otherwise. Use inside tendo_store_begin()/commit().
 */
int tendo_store_restore_row(tendo_store *store, const char *table, int n, const char *const *cols,
                            const tendo_value *vals);

/*
 * Check every entry and the profile with the rules of tendo/validate.h (and
 * each pain report's session): what tendo_store_restore_row() wrote went in
 * row by row, unchecked. Returns 0, TENDO_EINVAL naming the entry ("entry
 * 12: score must be 0-10 (got 11)"), or a store error.
 */
int tendo_store_check_all(tendo_store *store);

/* The note attached to an entry, copied into buf ("" if none). */
int tendo_store_entry_note(tendo_store *store, int64_t id, char *buf, size_t bufsz);

/* The name of the file entry id was imported from (its activity_file row:
 * the file name or archive path as given to the importer), copied into buf
 * (cut to fit at a character boundary): 1, 0 if the entry was not imported
 * (buf ""), or a negative error. */
int tendo_store_entry_file(tendo_store *store, int64_t id, char *buf, size_t bufsz);

/* Delete entry id and everything hanging off it; TENDO_ENOTFOUND if absent. */
int tendo_store_delete(tendo_store *store, int64_t id);

/* The default database path: $TENDO_DB, else $XDG_DATA_HOME/tendo/tendo.db,
 * else $HOME/.local/share/tendo/tendo.db. Copied into buf; TENDO_ELIMIT if
 * it does not fit, TENDO_ENOTFOUND if neither XDG_DATA_HOME nor HOME is set. */
int tendo_store_default_path(char *buf, size_t bufsz);

#endif
