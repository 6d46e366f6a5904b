/*
 * tendo/analysis.h - what a run really was, from what the watch recorded.
 *
 * tendo_activity_analyse() reduces an activity (tendo/activity.h) to the
 * facts PROTOCOL.md section 9 names: duration, moving time, distance,
 * smoothed elevation gain and loss, time on uphill grades over 4%, time
 * faster than the athlete's easy pace, step rate, run/walk pattern, heart
 * rate. It is pure and O(points).
 */
#ifndef TENDO_ANALYSIS_H
#define TENDO_ANALYSIS_H

#include <stdbool.h>
#include <stdint.h>

#include "activity.h"

typedef struct {
	double easy_pace_s_km;   /* athlete's easy pace, s/km; NAN = unknown (no fast time) */
	double usual_cadence;    /* athlete's usual step rate, steps/min; NAN */
	double uphill_grade;     /* grade counted as uphill (0.04) */
} tendo_analysis_params;

void tendo_analysis_params_default(tendo_analysis_params *p);

typedef struct {
	char sport[32];          /* lowercase, from the file ("running", ...), "" if unknown */
	char sub_sport[32];      /* "treadmill", "trail", ... or "" */
	bool is_run;             /* running (or unknown sport with running-like speed and step rate) */
	int64_t start_ms;        /* UTC ms, TENDO_TIME_NONE */
	double elapsed_s;        /* first to last sample (or the file's session), s */
	double moving_s;         /* time moving faster than 0.5 m/s, s */
	double distance_m;       /* the device's distance, else haversine within segments, m */
	double ascent_m;         /* smoothed elevation gain, m (NAN without altitude) */
	double descent_m;        /* smoothed elevation loss, m (NAN) */
	double uphill_s;         /* moving time on grades over uphill_grade, s (NAN without altitude) */
	double fast_s;           /* moving time faster than the easy pace, s (NAN without easy pace) */
	double cadence_avg;      /* mean step rate while moving, steps/min (NAN) */
	double cadence_median;   /* median step rate while moving, steps/min (NAN) */
	double cadence_vs_usual; /* percent difference from the usual step rate (NAN) */
	double avg_hr;           /* time-weighted mean heart rate, bpm (NAN) */
	int walk_breaks;         /* walking spells of 20 s or more between running */
	bool run_walk;           /* two or more walk breaks: a run/walk pattern */
	bool has_gps;            /* positions recorded */
} tendo_run_facts;

/*
 * Analyse a.
 * Returns 0, or TENDO_EFORMAT when the activity has neither samples with
 * time nor a session with a duration (nothing to analyse).
 */
int tendo_activity_analyse(tendo_run_facts *out, const tendo_activity *a, const tendo_analysis_params *p);

/* Great-circle distance, metres (R = 6371008.8 m). */
double tendo_haversine_m(double lat1, double lon1, double lat2, double lon2);

#endif
