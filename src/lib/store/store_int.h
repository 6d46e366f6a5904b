/*
 * store_int.h - internals shared by the files of the store module
 * (store.c, schema.c) and by its unit test: the store handle, sqlite error
 * mapping and the schema migrations. Not part of the public API.
 */
#ifndef TENDO_STORE_INT_H
#define TENDO_STORE_INT_H

#include <stdbool.h>

#include <sqlite3.h>

#include "tendo/store.h"

/* Milliseconds a statement waits for another process's lock. */
#define STORE_BUSY_TIMEOUT_MS 3000

struct tendo_store {
	sqlite3 *db;     /* owned connection */
	char *path;      /* owned copy of the path, for messages */
	bool readonly;   /* opened with TENDO_STORE_READONLY */
	/* rows the last tendo_store_load_log() left out (skip_row) */
	size_t n_skipped;
	int64_t skipped_id;
	char skipped_msg[300];
};

/*
 * Turn a failed sqlite call into a tendo error: sets tendo_error_last() from
 * rc and sqlite3_errmsg(db) and returns TENDO_ESTORE, TENDO_EBUSY (locked)
 * or TENDO_ENOMEM. Call it before any other sqlite call on db, which would
 * replace the message.
 */
int store_fail(sqlite3 *db, const char *path, int rc);

/*
 * Read the schema version of an open database and refuse what this tendo
 * cannot use, leaving the file untouched (schema.c): a newer schema, or a
 * database with objects but no tendo version (a foreign database), gives
 * TENDO_ESTORE. A read-only store cannot be migrated: an empty one gives
 * TENDO_ENOTFOUND, an older one TENDO_ESTORE. *version receives the version.
 */
int store_check(tendo_store *s, int *version);

/*
 * Bring the schema from `version` (as found by store_check()) up to
 * TENDO_STORE_SCHEMA_VERSION in one BEGIN IMMEDIATE transaction, checking
 * the version again under the lock. Returns 0 or a store_fail() code.
 */
int store_migrate(tendo_store *s, int version);

/*
 * Read PRAGMA user_version into *version and whether the database holds any
 * schema object into *has_objects (either may be NULL). Returns 0 or a
 * store_fail() code.
 */
int store_read_version(tendo_store *s, int *version, bool *has_objects);

/* tendo_check_cross() with the ranges of an imported activity when
 * `imported` (validate.c). */
int store_check_cross(const tendo_cross *e, bool imported);

/* The connection behind a store, borrowed (for tests and diagnostics). */
sqlite3 *store_sqlite(tendo_store *s);

/* store_check(): a read-only open of an older schema; tendo_store_open()
 * then migrates through a read-write open and reopens read-only. */
#define STORE_NEEDS_UPGRADE (-1000)

#endif
