/*
 * tendo/import.h - bring what the watch recorded into the log.
 *
 * tendo_import_paths() takes files (FIT, GPX, TCX, each possibly .gz),
 * archives (.zip, .tar.gz: a Strava bulk export with activities.csv, a
 * Garmin Connect export with zips inside the zip) and folders. Archives are
 * read as streams through libarchive, never extracted to disk. Each activity
 * is read, analysed (tendo/analysis.h), checked against what is already
 * imported (content hash; same sport, start and duration) and stored in one
 * transaction of its own. A damaged file is reported and skipped; the rest
 * imports.
 */
#ifndef TENDO_IMPORT_H
#define TENDO_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "activity.h"
#include "analysis.h"
#include "store.h"

typedef enum {
	TENDO_IMPORT_IMPORTED,  /* a new run or cross-training entry */
	TENDO_IMPORT_DUPLICATE, /* already in the log */
	TENDO_IMPORT_SKIPPED,   /* not an activity (a route, a settings file, a CSV ...) */
	TENDO_IMPORT_ERROR      /* damaged or hostile: nothing stored */
} tendo_import_status;

const char *tendo_import_status_name(tendo_import_status s); /* "imported", ... */

/* What happened to one file. Everything is borrowed for the callback only. */
typedef struct {
	const char *path;             /* "run.fit", "export.zip:activities/123.fit.gz" */
	tendo_import_status status;
	const char *message;          /* one line: what it became, or why not */
	const char *format;           /* "fit", "gpx", "tcx", or NULL */
	const char *kind;             /* "run", "cross" or NULL */
	int64_t entry_id;             /* the entry it is (imported, duplicate), else 0 */
	const tendo_run_facts *facts; /* when the file was read, else NULL */
	const char *warning;          /* a damaged file read in part, else NULL */
} tendo_import_result;

typedef struct {
	size_t files;                 /* files looked at */
	size_t imported, duplicates, skipped, errors;
	uint64_t bytes;               /* input bytes read so far (compressed, as on disk) */
} tendo_import_summary;

typedef struct {
	void (*on_result)(const tendo_import_result *r, void *user);    /* may be NULL */
	void (*on_progress)(const tendo_import_summary *sofar, uint64_t bytes_total, void *user); /* may be NULL */
	void *user;
	tendo_read_limits limits;     /* per file; zero fields take the defaults */
	tendo_analysis_params params; /* easy pace, usual step rate */
	const char *tz;               /* the athlete's zone, for the local day */
	/* What the athlete adds to one activity file: -1 / false = not given
	 * (default). With any of them given, the paths must be one activity
	 * file (also .gz): a folder, an archive or several paths are refused
	 * with TENDO_EINVAL before anything is read. rpe overrides the watch's
	 * own workout_rpe; cross-training takes pain_during and sharp only. */
	int rpe, pain_during, pain_after; /* 0-10 */
	bool sharp;
	/* What tendo_import_paths() calls paths[i] in its results and in the
	 * log (the activity file's name), one for each path, borrowed; NULL
	 * (default), or a NULL entry: the path itself. For a file kept under
	 * another name, such as an upload in a temporary file; the name's
	 * ending (.tar.gz, .fit) is read as the path's would be. A folder's
	 * files keep their own paths. */
	const char *const *names;
} tendo_import_options;

void tendo_import_options_default(tendo_import_options *o);

/*
 * Import every path. Reports each file through on_result.
 * Returns 0 when every path could be opened (files inside may still have
 * been skipped or failed: see *out), TENDO_ENOTFOUND if a path does not
 * exist (the others are still imported), or a store error that stopped the
 * import (TENDO_EBUSY, TENDO_ESTORE, TENDO_ENOMEM).
 */
int tendo_import_paths(tendo_store *store, const char *const *paths, size_t n, const tendo_import_options *opt,
                       tendo_import_summary *out);

/*
 * Import one input held in memory (standard input, a download): data is
 * sniffed by content - FIT (".FIT" at byte 8), gzip, zip ("PK"), tar, XML
 * with <gpx or <TrainingCenterDatabase - and read as a file of that name
 * would be; name (borrowed, e.g. "-") is what the results call it. data is
 * borrowed for the call. Returns 0, TENDO_EINVAL for an archive with the
 * athlete's pain or RPE (nothing read), or a store error that stopped it.
 */
int tendo_import_buffer(tendo_store *store, const char *name, const uint8_t *data, size_t len,
                        const tendo_import_options *opt, tendo_import_summary *out);

/* The 64-bit FNV-1a hash of data, as 16 hex digits (dedupe key). */
void tendo_import_hash(char out[17], const uint8_t *data, size_t len);

#endif
