/*
 * shapes.h - the JSON shapes of tendo's read commands, one truth for the
 * CLI's --json and the server's /api/ (jansson).
 *
 * `tendo today --json` and GET /api/today are shape_today(); `tendo status
 * --json` and GET /api/status are shape_status(). Every builder returns a
 * new reference the caller releases with json_decref(), or NULL when out
 * of memory. Nothing here prints or touches the store.
 */
#ifndef TENDO_SHAPES_H
#define TENDO_SHAPES_H

#include <stdbool.h>

#include <jansson.h>
#include <tendo/tendo.h>
#include <tendo/metrics.h>
#include <tendo/report.h>
#include <tendo/plan.h>
#include <tendo/ics.h>
#include <tendo/import.h>

/* A JSON string of stored text: exact when it is UTF-8, else its repair
 * (U+FFFD for each stray byte); never NULL for a NULL-free input (json null
 * only when out of memory), so a field is never dropped. NULL gives "". */
json_t *shape_str(const char *s);
/* v >= 0 as a number, else null; a day as "YYYY-MM-DD", else null. */
json_t *shape_opt_int(int v);
json_t *shape_opt_real(double v);
json_t *shape_opt_date(tendo_date d);

/* The prescription (shared by today and status). */
json_t *shape_prescription(const tendo_prescription *rx);
/* `tendo today --json`: the prescription and whether its day is a
 * training day of the schedule. */
json_t *shape_today(const tendo_prescription *rx, const tendo_schedule *schedule);

/* What `tendo status` shows besides the prescription, computed once for
 * the text and the JSON. */
typedef struct {
	int days_in;             /* days in the current stage, counting today */
	const char *trend;       /* "rising", "falling", "steady", "unknown" (static) */
	tendo_metrics load;      /* valid when have_load */
	bool have_load;
	tendo_adherence adherence; /* the 28 days up to yesterday; valid when have_adherence */
	tendo_date adherence_from;
	int adherence_days;
	bool have_adherence;
	const tendo_visa *visa_first, *visa_last; /* borrowed from the log, or NULL */
} shape_status_facts;

/* Fill f from the prescription, profile and log (the log is borrowed by
 * f's visa pointers). Returns 0, or TENDO_ENOMEM. */
int shape_status_facts_get(shape_status_facts *f, const tendo_prescription *rx, const tendo_profile *p,
                           const tendo_log *log);
/* `tendo status --json`. */
json_t *shape_status(const shape_status_facts *f, const tendo_prescription *rx, const tendo_profile *p,
                     const tendo_log *log);

/* ---------------------------------------------- the calendar (calendar.c) */

/* The n planned days as an iCalendar (tendo_ics_plan()), for `tendo plan
 * --ics` and the server's /plan.ics and /calendar.ics alike. store: where
 * what was published before is kept, so a changed event's SEQUENCE rises
 * and a day that left the plan is sent as cancelled. out: owned by the
 * caller (free()). 0 or a negative code with tendo_error_last(). */
int shape_calendar(tendo_store *store, const tendo_plan_day *days, int n, const tendo_profile *profile,
                   const tendo_schedule *schedule, const tendo_ics_options *options, char **out, size_t *out_len);

/* ------------------------------------------------ the backup (backup.c) */

/* `tendo export --json`: every table of the store as {"format":
 * "tendo-export", "version", "schema", "tables": {table: [row objects]}}.
 * JSON holds only UTF-8: a text value that is not is its repair plus
 * "column.bytes", its exact bytes in hex, which shape_restore() puts back.
 * NULL on failure (tendo_error_last()). */
json_t *shape_export(tendo_store *s);
/* 0 if doc is an export this tendo reads; else TENDO_EFORMAT (not one) or
 * TENDO_EUNSUPPORTED (a newer schema), with msg. */
int shape_export_check(const json_t *doc, char *msg, size_t msgsz);
/* Restore doc's rows into s (new or empty) in one transaction, checked whole
 * (tendo_store_check_all()) before the commit; *rows counts them. 0, or an
 * error with msg ("table run row 3: minutes must be ..."), rolled back. */
int shape_restore(tendo_store *s, const json_t *doc, size_t *rows, char *msg, size_t msgsz);

/* ------------------------------------------------ the import (import.c) */

/* The athlete's usual step rate: the profile's, else the median of the
 * last 10 imported runs that have one, else NAN. */
double shape_usual_cadence(const tendo_profile *p, const tendo_log *log);
/* The import's options as `tendo import` sets them (defaults, the
 * athlete's zone and easy pace, the usual step rate from the log): o
 * borrows p->tz. The callbacks and the athlete's per-file values are the
 * caller's to add. */
void shape_import_options(tendo_import_options *o, tendo_store *store, const tendo_profile *p);
/* One file of `tendo import --json` and /api/import: {"path", "status",
 * "message", "format", "kind", "id", "warning"} and, when the file was
 * read, its facts. path: what to call it (NULL: r->path). */
json_t *shape_import_file(const tendo_import_result *r, const char *path);
/* The whole answer: {"files": files (taken; NULL: []), "summary":
 * {"files", "imported", "duplicates", "skipped", "errors", "bytes",
 * "seconds"}}. */
json_t *shape_import(json_t *files, const tendo_import_summary *sum, double seconds);
/* The summary line ("3 files: 2 imported, 1 duplicate, ...") into out. */
void shape_import_sentence(const tendo_import_summary *sum, double seconds, char *out, size_t outsz);

#endif
