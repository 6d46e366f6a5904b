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

#endif
