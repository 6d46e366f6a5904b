/*
 * tendo/validate.h - the rules every entry and the profile obey, wherever
 * they come from.
 *
 * One check per entry type. The store's add and update functions call them
 * (and tendo_store_check_all() after a restore), so the command line, the
 * importer, a restored export and any later front end get the same rules.
 * Each returns 0, or TENDO_EINVAL with a one-line message in
 * tendo_error_last() that starts with the field's name as in the struct and
 * says what is allowed:
 *
 *     "pain_during must be 0-10 (got 11)"
 *     "hours is for sitting and driving, not stretching"
 *
 * A tool that names the field otherwise (the CLI's --pain-during) replaces
 * that first word. The checks read nothing but their argument (and the
 * exercise library), and never touch the store: a pain report's session_id
 * is checked against the log by the store itself.
 */
#ifndef TENDO_VALIDATE_H
#define TENDO_VALIDATE_H

#include "log.h"
#include "profile.h"
#include "store.h"

/* The ranges, for tools that ask for a value and want to say what is
 * allowed before they have one. */
#define TENDO_SCORE_MAX 10          /* pain and RPE scores, 0-10 */
#define TENDO_MINUTES_MIN 1         /* a typed run or cross-training session, minutes */
#define TENDO_MINUTES_MAX 600
#define TENDO_IMPORT_MINUTES_MAX 2880 /* an imported activity: up to 48 hours */
#define TENDO_KM_MAX 300            /* a typed run */
#define TENDO_IMPORT_KM_MAX 1000    /* an imported one */
#define TENDO_RUN_KMH_MAX 30        /* a typed run faster than this is a typing error */
#define TENDO_SETS_MAX 20           /* sets of one exercise, 1-20 */
#define TENDO_REPS_MAX 100          /* reps per set, 1-100 */
#define TENDO_HOLD_S_MAX 600        /* seconds per hold, 1-600 */
#define TENDO_KG_MAX 500            /* external load, 0-500 kg */
#define TENDO_BRIDGE_REPS_MAX 200   /* single-leg bridge reps in a test, 0-200 */
#define TENDO_CURL_KG_MAX 300       /* prone curl 10RM in a test, 0-300 kg */
#define TENDO_HOURS_MAX 24          /* an aggravator's hours in one go, 0-24 */
#define TENDO_TOD_MAX 1439          /* a time of day: 0-1439 minutes after midnight */
#define TENDO_RUN_STEP_MAX 120      /* a starting running step, 1-120 minutes */
#define TENDO_WEEK_MIN_MAX 1500     /* a starting weekly running volume, 1-1500 minutes */
#define TENDO_NOTE_MAX 1000         /* bytes of an entry's note */

int tendo_check_pain(const tendo_pain *e);
/* A typed run: minutes 1-600, km 0-300 and at most 30 km/h; an imported
 * one (e->imported): minutes 0-2880, km 0-1000. */
int tendo_check_run(const tendo_run *e);
/* A library exercise, or a custom one (e->custom) with its stage and kind
 * and a name that is not the library's; exactly one of reps and hold_s. */
int tendo_check_rehab(const tendo_rehab *e);
int tendo_check_cross(const tendo_cross *e);
/* At least one result; bridges and curls in left/right pairs. */
int tendo_check_test(const tendo_test *e);
int tendo_check_flag(const tendo_flag *e);
/* An aggravator: hours 0-24 for sitting and driving, none (-1) otherwise. */
int tendo_check_sitting(const tendo_sitting *e);
int tendo_check_visa(const tendo_visa *e);
/* Side, zone, name, start date, and the starting point (PROTOCOL.md 11):
 * return_to_run needs a running step, full_load a weekly volume; settle
 * and strength take neither, settle no load. */
int tendo_check_profile(const tendo_profile *p);
/* What the watch recorded of an imported activity (its activity_file row):
 * each fact unknown (NaN) or within what a person can do in one activity:
 * elapsed, moving, uphill and fast time up to 48 h, distance up to
 * 1000 km, climb and descent up to 20 km, cadence up to 400 steps/min, heart rate 20-250 bpm, a
 * start in the years tendo keeps. */
int tendo_check_import_record(const tendo_import_record *rec);
/* A note: at most TENDO_NOTE_MAX bytes (NULL is no note). */
int tendo_check_note(const char *note);

#endif
