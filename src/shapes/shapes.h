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
#include <stddef.h>
#include <stdint.h>

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

/* ------------------------------------------------------ the plan (plan.c) */

#define SHAPE_PLAN_WEEKS_MAX 12

/* The coming weeks as `tendo plan` shows them, computed once for its text,
 * --json and --ics and the server's /plan, /plan.ics, /calendar.ics and
 * /api/plan. */
typedef struct {
	tendo_plan_day *days;   /* n days from `from`, owned (shape_plan_dispose()) */
	int n;                  /* weeks * 7 */
	int weeks;
	tendo_date from;
	tendo_date next_test;   /* the next readiness tests in the plan, or TENDO_DATE_NONE */
	tendo_date next_visa;   /* the next VISA-H: in the plan, else after it from the last one; NONE: none yet */
} shape_plan_facts;

/* Plan `weeks` (1-SHAPE_PLAN_WEEKS_MAX) weeks from `from` on the log up to
 * `from`. Reads the store, writes nothing. 0 or a negative code with
 * tendo_error_last(); call shape_plan_dispose() either way. */
int shape_plan_get(shape_plan_facts *out, tendo_store *store, const tendo_profile *profile,
                   const tendo_schedule *schedule, tendo_date from, int weeks);
void shape_plan_dispose(shape_plan_facts *f);
/* `tendo plan --json`: {"days": [...], "next_readiness_tests", "next_visa"}. */
json_t *shape_plan(const shape_plan_facts *f, const tendo_schedule *schedule);
/* A day in a few words ("run 20 min", "strength", "holds only", "rest",
 * "see a clinician") into buf; returns buf. */
const char *shape_plan_what(const tendo_plan_day *day, char *buf, size_t bufsz);
/* "Mon" ... "Sun" (static). */
const char *shape_weekday(tendo_date d);
/* ------------------------------------------------------ units (units.c) */

/* What is shown in the athlete's units (tendo profile --units): km or
 * miles, kg or lb. The log and every JSON stay metric. */
#define SHAPE_KM_PER_MI TENDO_KM_PER_MI
#define SHAPE_KG_PER_LB TENDO_KG_PER_LB
/* "km" or "mi", "kg" or "lb". */
const char *shape_dist_unit(bool imperial);
const char *shape_load_unit(bool imperial);
double shape_km_to_user(bool imperial, double km);
double shape_kg_to_user(bool imperial, double kg);
/* A value typed in the athlete's units, in km or kg (a negative "not
 * given" stays as it is). */
double shape_km_from_user(bool imperial, double v);
double shape_kg_from_user(bool imperial, double v);
/* The engine's text (its loads "20.00 kg", distances "5 km") with each
 * "<number> kg" and "<number> km" in the athlete's units, into buf. */
const char *shape_text_units(bool imperial, const char *text, char *buf, size_t sz);
/* "5.20 km" / "3.23 mi" (decimals digits), "-" when km < 0 or not finite. */
const char *shape_fmt_distance(bool imperial, double km, int decimals, char *buf, size_t sz);
/* "20 kg" / "44.1 lb" (%g of the value rounded to 0.1), "body weight" when kg < 0. */
const char *shape_fmt_load(bool imperial, double kg, char *buf, size_t sz);
/* "5:30/km" / "8:51/mi" from minutes and km; "-" without a distance. */
const char *shape_fmt_pace(bool imperial, double minutes, double km, char *buf, size_t sz);

/* ------------------------------------------- history and runs (history.c) */

/* One entry of any kind as `tendo history` lists it. */
typedef struct {
	int64_t id;
	tendo_date date;
	const char *type;  /* "pain", "run", "rehab", "cross", "test", "flag", "sitting", "visa" (static) */
	char text[200];    /* the history line after the date, in the athlete's units; a title in it is
	                      made safe for a terminal, other stored text (an exercise's name) is not */
	json_t *json;      /* its fields, without id, date and type; owned */
} shape_entry;

/* Every entry of log, sorted by (date, id); *out_n of them. NULL when out
 * of memory. Release with shape_entries_free(). */
shape_entry *shape_entries(const tendo_log *log, bool imperial, size_t *out_n);
void shape_entries_free(shape_entry *arr, size_t n); /* NULL-safe */
/* Entry id of log into *out (out->json owned by the caller): 0,
 * TENDO_ENOTFOUND or TENDO_ENOMEM. */
int shape_entry_find(const tendo_log *log, bool imperial, int64_t id, shape_entry *out);
/* The entry as history --json shows it: id, date, type, its fields, and
 * "note" when it has one (read from store, which may be NULL). e->json is
 * taken (set to NULL). */
json_t *shape_entry_object(tendo_store *store, shape_entry *e);
/* `tendo history --json` and GET /api/history: every entry of log. */
json_t *shape_history(tendo_store *store, const tendo_log *log, bool imperial);
/* One entry as shape_entry_object() plus "what" (the history line); NULL
 * if it is not in log. The one shape of an entry: history, log, edit,
 * done, delete and /api/entries/<id> give it. */
json_t *shape_entry_json(tendo_store *store, const tendo_log *log, bool imperial, int64_t id);

/* The athlete's usual step rate: the profile's, else the median of the last
 * ten imported runs of log that have one; NAN if neither. */
double shape_usual_cadence(const tendo_profile *p, const tendo_log *log);
/* A run's local start "YYYY-MM-DD HH:MM" (sep ' ') or "YYYY-MM-DDTHH:MM"
 * (sep 'T'): an imported run's from the watch, in the athlete's zone; a
 * typed run's day and the time given, or the day alone. False when there
 * is no time of day. */
bool shape_run_local_start(const tendo_profile *p, const tendo_run *r, char sep, char *buf, size_t sz);

/* The runs `tendo runs` shows, with what is judged over them. */
typedef struct {
	const tendo_run *runs;  /* borrowed from the log given (its runs from `from` on) */
	size_t n;
	bool *is_long;          /* owned, n of them: the engine's long run (the timeline's) */
	double usual_cadence;   /* steps/min, NAN if unknown */
} shape_runs_facts;
/* Fill f from all (the log from the start up to the last day shown: the
 * timeline needs it whole) for the runs dated from `from` (TENDO_DATE_NONE:
 * all). 0, or a negative code with tendo_error_last(). Release with
 * shape_runs_facts_dispose(). */
int shape_runs_facts_get(shape_runs_facts *f, const tendo_profile *p, const tendo_log *all, tendo_date from);
void shape_runs_facts_dispose(shape_runs_facts *f);
/* Run k of f as `tendo runs --json` shows it (metric; start in UTC and local). */
json_t *shape_run(const shape_runs_facts *f, size_t k, const tendo_profile *p);
/* `tendo runs --json` and GET /api/runs: every run of f. */
json_t *shape_runs(const shape_runs_facts *f, const tendo_profile *p);

/* ---------------------------------------------------------- edit (edit.c) */

/* What `tendo edit` and the server's edit may change of an entry. */
enum { SHAPE_EDIT_PAIN_DURING, SHAPE_EDIT_PAIN_AFTER, SHAPE_EDIT_RPE, SHAPE_EDIT_SHARP, SHAPE_EDIT_NOTE,
	   SHAPE_EDIT_TIME, SHAPE_EDIT__N };

/* The changes: every member "unchanged" by default (SHAPE_EDIT_NONE). */
typedef struct {
	int pain_during, pain_after, rpe; /* 0-10, -1: unchanged */
	int sharp;                        /* 0 or 1, -1: unchanged */
	int time_min;                     /* local start, minutes after midnight; TENDO_TOD_NONE: unchanged */
	const char *note;                 /* the new note ("" removes it), NULL: unchanged; borrowed */
} shape_edit;
#define SHAPE_EDIT_NONE { -1, -1, -1, -1, TENDO_TOD_NONE, NULL }

typedef struct {
	const char *type;  /* the entry's type (static), once found */
	const char *what;  /* "a run", "a red flag" (static) */
	tendo_date date;
	int refused;       /* SHAPE_EDIT_REFUSED: the first field the type does not take, else -1 */
} shape_edit_result;

/* Returned (positive) when a change is given that the entry's type does not have. */
#define SHAPE_EDIT_REFUSED 1

/* The field's name as the server's forms and the API name it ("pain_during", "time"). */
const char *shape_edit_field_name(int field);
/* The fields (bit 1 << SHAPE_EDIT_*) an entry type takes; *what (may be
 * NULL) its name in a message ("a run"). */
unsigned shape_edit_takes(const char *type, const char **what);
/* The fields e changes (bits as above). */
unsigned shape_edit_given(const shape_edit *e);
/*
 * Change entry id in one transaction (begun and committed here): the
 * store's update functions check the values (tendo/validate.h).
 * Returns 0; SHAPE_EDIT_REFUSED (out->refused names the field; nothing
 * written); TENDO_ENOTFOUND ("no entry with id N"); TENDO_EINVAL with the
 * library's message naming the field; or another negative code.
 */
int shape_edit_apply(tendo_store *store, int64_t id, const shape_edit *changes, shape_edit_result *out);

/* ------------------------------------------------- the report (report.c) */

/* One day of the report's data: the timeline's record (what was known and
 * prescribed that morning, what was done) as JSON. */
json_t *shape_report_day(const tendo_report_day *d);
/* GET /api/report: {"from", "to", "adherence" (tendo_report_adherence()),
 * "days": [shape_report_day()]} of the n days from tendo_report_days(). */
json_t *shape_report_data(const tendo_report_day *days, int n);

/* ---------------------------------------------- the calendar (calendar.c) */

/* The n planned days as an iCalendar (tendo_ics_plan()), for `tendo plan
 * --ics` and the server's /plan.ics and /calendar.ics alike. store: where
 * what was published before is kept (tendo/published.h), so a changed
 * event's SEQUENCE rises and a day that left the plan is sent as cancelled;
 * it must be writable; call it inside tendo_store_begin()/commit() when the
 * record must go with something else (plan --ics: the file), and roll back
 * if that fails; NULL = untracked (every SEQUENCE 0). out: owned by the
 * caller (free()). 0 or a negative code with tendo_error_last(); on
 * failure nothing is recorded. */
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

/* (the usual step rate the options take: shape_usual_cadence(), history.c) */
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
