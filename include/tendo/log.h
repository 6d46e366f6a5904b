/*
 * tendo/log.h - what an athlete records: the data model shared by the store,
 * the engine and the command line.
 *
 * A tendo_log is a plain bundle of arrays. Whoever fills it owns the arrays
 * (the store's tendo_store_load_log() allocates them; release them with
 * tendo_log_dispose()). Tests build logs by hand on the stack. Optional
 * numeric fields use -1 for "not recorded".
 */
#ifndef TENDO_LOG_H
#define TENDO_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

#define TENDO_NAME_MAX 64 /* bytes of an exercise name, incl. NUL */
#define TENDO_TITLE_MAX 96 /* bytes of an imported activity's name, incl. NUL */

typedef enum { TENDO_SIDE_LEFT, TENDO_SIDE_RIGHT, TENDO_SIDE_BOTH } tendo_side;

typedef enum {
	TENDO_PAIN_DURING,  /* during an activity */
	TENDO_PAIN_AFTER,   /* after it, same day */
	TENDO_PAIN_MORNING, /* next morning, plain score */
	TENDO_PAIN_TASK,    /* next morning, daily monitoring task (preferred) */
	TENDO_PAIN_REST,    /* at rest */
	TENDO_PAIN_SITTING  /* after sitting */
} tendo_pain_kind;

typedef enum { TENDO_TERRAIN_FLAT, TENDO_TERRAIN_HILLY, TENDO_TERRAIN_TREADMILL, TENDO_TERRAIN_TRAIL } tendo_terrain;
typedef enum { TENDO_INTENT_EASY, TENDO_INTENT_LONG, TENDO_INTENT_SPEED, TENDO_INTENT_HILLS } tendo_intent;
typedef enum {
	TENDO_CROSS_STAIRS, TENDO_CROSS_SWIM, TENDO_CROSS_CYCLE,
	TENDO_CROSS_ELLIPTICAL, TENDO_CROSS_ROW, TENDO_CROSS_WALK,
	TENDO_CROSS_OTHER /* an imported activity of another sport */
} tendo_cross_kind;
#define TENDO_CROSS_KINDS 7
typedef enum {
	TENDO_FLAG_POP, TENDO_FLAG_BRUISING, TENDO_FLAG_NUMBNESS,
	TENDO_FLAG_TINGLING, TENDO_FLAG_NIGHT_PAIN,
	TENDO_FLAG_CLEARED, /* a clinician has seen it and cleared loading */
	TENDO_FLAG_SPREADING /* pain spreading down the leg (sciatic nerve) */
} tendo_flag_kind;

/* What an aggravator entry records (PROTOCOL.md 10.7). */
typedef enum {
	TENDO_AGG_SITTING,     /* hours sat in one go */
	TENDO_AGG_DRIVING,     /* hours of driving in one go */
	TENDO_AGG_STRETCHING,  /* hamstring stretching done */
	TENDO_AGG_HIP_FLEXION  /* heavy lifting into hip flexion done */
} tendo_aggravator_kind;

#define TENDO_TOD_NONE (-1) /* time of day not recorded */

typedef struct {
	int64_t id;           /* entry id in the store (0 if not stored) */
	tendo_date date;      /* local day */
	tendo_pain_kind kind;
	int score;            /* 0-10 */
	int64_t session_id;   /* the entry this pain belongs to; 0 = the day's run, if any (10.1) */
	bool sharp;           /* a sharp pain report */
} tendo_pain;

typedef struct {
	int64_t id;
	tendo_date date;
	double minutes;       /* > 0 */
	double km;            /* -1 if not recorded */
	tendo_terrain terrain;
	tendo_intent intent;
	bool walk_breaks;     /* run/walk pattern */
	int rpe;              /* 0-10, -1 */
	int pain_during;      /* 0-10, -1 */
	int pain_after;       /* 0-10, -1 */
	bool sharp;           /* sharp pain during the run */
	int time_min;         /* local start, minutes after midnight; TENDO_TOD_NONE */
	/* what the watch recorded (imported runs); NAN / -1 otherwise */
	bool imported;        /* from a FIT, GPX or TCX file */
	int64_t start_ms;     /* UTC ms of the start; logged runs: when it was logged; INT64_MIN */
	double moving_s;      /* seconds moving */
	double ascent_m;      /* elevation gain, m */
	double uphill_s;      /* seconds on grades over 4% */
	double fast_s;        /* seconds faster than the easy pace */
	double cadence_spm;   /* median step rate, steps/min */
	double avg_hr;        /* bpm */
	int walk_spells;      /* walk breaks detected, -1 */
	double elapsed_s;     /* start to finish, seconds (imported), NAN */
	char source[8];       /* "log", or the file format: "fit", "gpx", "tcx" */
	char sport[24];       /* the file's sport ("running", "trail_running"), "" */
	char title[TENDO_TITLE_MAX]; /* the activity's name (a Strava export's, the file's), cut; "" */
} tendo_run;

typedef struct {
	int64_t id;
	tendo_date date;
	char exercise[TENDO_NAME_MAX]; /* a name from the exercise library, or a custom one */
	bool custom;          /* not in the library: the two fields below say what it is */
	int custom_stage;     /* the custom exercise's tendo_stage */
	int custom_kind;      /* the custom exercise's tendo_ex_kind */
	int sets;             /* >= 1 */
	int reps;             /* per set, -1 if a hold */
	int hold_s;           /* seconds per set, -1 if reps */
	double kg;            /* external load, -1 if body weight */
	tendo_side side;
	int rpe;              /* 0-10, -1 */
	int pain_during;      /* 0-10, -1 */
	bool sharp;           /* sharp pain during the session */
	int time_min;         /* local start, minutes after midnight; TENDO_TOD_NONE */
} tendo_rehab;

typedef struct {
	int64_t id;
	tendo_date date;
	tendo_cross_kind kind;
	double minutes;
	int pain_during;      /* 0-10, -1 */
	bool sharp;           /* sharp pain during the session */
	int time_min;         /* local start, minutes after midnight; TENDO_TOD_NONE */
	char title[TENDO_TITLE_MAX]; /* an imported activity's name, cut; "" */
} tendo_cross;

typedef struct {
	int64_t id;
	tendo_date date;
	int drop_lunge_pain;  /* 0-10, -1 */
	int bridge_left;      /* single-leg bridge reps, -1 */
	int bridge_right;
	double curl_left;     /* prone curl 10RM, kg, -1 */
	double curl_right;
	int rest_pain;        /* 0-10, -1 */
	int time_min;         /* local start, minutes after midnight; TENDO_TOD_NONE */
} tendo_test;

typedef struct {
	int64_t id;
	tendo_date date;
	tendo_flag_kind kind;
} tendo_flag;

typedef struct {
	int64_t id;
	tendo_date date;
	double hours;         /* 0-24 in one go (sitting, driving); -1 when not timed */
	tendo_aggravator_kind kind;
} tendo_sitting;          /* an aggravator: sitting, driving, stretching, hip-flexion lifting */

/* VISA-H (Cacchio et al.): items 1-6 score 0-10, item 7 0/4/7/10, item 8
 * 0-30; total 0-100, higher is better (PROTOCOL.md 8). */
#define TENDO_VISA_ITEMS 8
typedef struct {
	int64_t id;
	tendo_date date;
	int items[TENDO_VISA_ITEMS];
	int total;            /* sum of the items, 0-100 */
} tendo_visa;

/* Check the item scores; 0, or TENDO_EINVAL naming the item and its range. */
int tendo_visa_check(const int items[TENDO_VISA_ITEMS]);
/* Parse "7,8,6,9,5,6,7,20" (8 comma-separated scores, each in its range)
 * into out->items and out->total; 0, TENDO_EFORMAT or TENDO_EINVAL. */
int tendo_visa_parse(tendo_visa *out, const char *s);

typedef struct tendo_log {
	tendo_pain *pain;       size_t n_pain;
	tendo_run *runs;        size_t n_runs;
	tendo_rehab *rehab;     size_t n_rehab;
	tendo_cross *cross;     size_t n_cross;
	tendo_test *tests;      size_t n_tests;
	tendo_flag *flags;      size_t n_flags;
	tendo_sitting *sitting; size_t n_sitting;
	tendo_visa *visa;       size_t n_visa;
} tendo_log;

/* The earliest readiness test of the log (bilateral cases compare with it),
 * or NULL; borrowed from the log. */
const tendo_test *tendo_log_first_test(const tendo_log *log);

/* Free the arrays of a log filled by the store (NULL-safe) and zero it. */
void tendo_log_dispose(tendo_log *log);

/*
 * Names <-> enums. The _parse functions return 0 and set *out, or
 * TENDO_EINVAL for an unknown name. The _name functions return a static
 * string ("left", "morning", ...).
 */
int tendo_side_parse(tendo_side *out, const char *s);
const char *tendo_side_name(tendo_side v);
int tendo_pain_kind_parse(tendo_pain_kind *out, const char *s);
const char *tendo_pain_kind_name(tendo_pain_kind v);
int tendo_terrain_parse(tendo_terrain *out, const char *s);
const char *tendo_terrain_name(tendo_terrain v);
int tendo_intent_parse(tendo_intent *out, const char *s);
const char *tendo_intent_name(tendo_intent v);
int tendo_cross_kind_parse(tendo_cross_kind *out, const char *s);
const char *tendo_cross_kind_name(tendo_cross_kind v);
int tendo_flag_kind_parse(tendo_flag_kind *out, const char *s);
const char *tendo_flag_kind_name(tendo_flag_kind v);
int tendo_aggravator_kind_parse(tendo_aggravator_kind *out, const char *s);
const char *tendo_aggravator_kind_name(tendo_aggravator_kind v);

/* The allowed names, "|"-separated, for error messages ("left|right|both"). */
const char *tendo_side_names(void);
const char *tendo_pain_kind_names(void);
const char *tendo_terrain_names(void);
const char *tendo_intent_names(void);
const char *tendo_cross_kind_names(void);
const char *tendo_flag_kind_names(void);
const char *tendo_aggravator_kind_names(void);

#endif
