/*
 * tendo/activity.h - what a watch recorded, in one model for every format.
 *
 * The FIT, GPX and TCX readers (tendo/fit.h, gpx.h, tcx.h) fill a
 * tendo_activity from bytes in memory; tendo_activity_analyse() turns it into
 * the facts the engine uses (hills, pace, step rate, run/walk). Whoever calls
 * tendo_activity_init() owns the activity and releases it with
 * tendo_activity_dispose(). Unknown numeric values are NAN (doubles) or -1
 * (ints); unknown times are TENDO_TIME_NONE.
 */
#ifndef TENDO_ACTIVITY_H
#define TENDO_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TENDO_TIME_NONE INT64_MIN /* "no timestamp" */

/* One sample of the track. */
typedef struct {
	int64_t t_ms;        /* UTC, milliseconds since 1970-01-01; TENDO_TIME_NONE */
	double lat, lon;     /* degrees WGS84, NAN */
	double alt_m;        /* altitude, metres, NAN */
	double dist_m;       /* cumulative distance recorded by the device, metres, NAN */
	double speed_mps;    /* speed recorded by the device, m/s, NAN */
	double cadence_spm;  /* running: steps per minute (FIT: 2 x (cadence + fractional)); cycling: rpm; NAN */
	int hr;              /* heart rate, bpm, -1 */
	double power_w;      /* watts, NAN */
	bool seg_start;      /* first sample of a track segment (GPX <trkseg>, TCX <Track>): no distance
	                        from the sample before it; false where the format has no segments (FIT) */
} tendo_point;

/* What the file itself says about a session (FIT session, TCX activity). */
typedef struct {
	char sport[32];      /* lowercase: "running", "cycling", "walking", "swimming", "training", ... or "" */
	char sub_sport[32];  /* lowercase, e.g. "treadmill", "trail"; "" */
	int64_t start_ms;    /* UTC ms; TENDO_TIME_NONE */
	double elapsed_s;    /* total elapsed time, s, NAN */
	double timer_s;      /* total timer (moving/recording) time, s, NAN */
	double distance_m;   /* total distance, m, NAN */
	double ascent_m;     /* total ascent, m, NAN */
	double descent_m;    /* total descent, m, NAN */
	double avg_hr;       /* bpm, NAN */
	double avg_cadence;  /* steps/min for running and walking, rpm for cycling, NAN */
	int laps;            /* number of laps, -1 */
	int workout_rpe;     /* the athlete's rating on the watch (FIT workout_rpe): Borg CR10 x 10, 0-100, -1 */
	int workout_feel;    /* how they felt (FIT workout_feel): 0-100, higher is better, -1 */
} tendo_session;

typedef struct tendo_activity {
	char format[8];          /* "fit", "gpx", "tcx" */
	char device[64];         /* "garmin fr935", GPX creator, TCX device name; "" */
	char name[128];          /* activity name if the file has one; "" */
	bool baro_altitude;      /* altitude is barometric (smoother) rather than GPS */
	tendo_point *points;     /* owned; in file order */
	size_t n_points;
	size_t cap_points;
	tendo_session *sessions; /* owned */
	size_t n_sessions;
	size_t cap_sessions;
	size_t n_laps;           /* lap messages / <Lap> elements */
	char warning[256];       /* set when the file was damaged but some of it was read, else "" */
} tendo_activity;

/* Limits every reader honours (0 = the default). */
typedef struct {
	size_t max_points;       /* default 2,000,000 */
	size_t max_bytes;        /* input size, default 512 MiB */
	unsigned max_depth;      /* XML nesting, default 64 */
} tendo_read_limits;

void tendo_activity_init(tendo_activity *a);
void tendo_activity_dispose(tendo_activity *a); /* NULL-safe; leaves it empty */
/* Append a point / session (copied). Returns 0, TENDO_ENOMEM or TENDO_ELIMIT. */
int tendo_activity_add_point(tendo_activity *a, const tendo_point *p, size_t max_points);
int tendo_activity_add_session(tendo_activity *a, const tendo_session *s);
/* A point / session with every field unknown. */
void tendo_point_clear(tendo_point *p);
void tendo_session_clear(tendo_session *s);

#endif
