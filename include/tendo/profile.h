/*
 * tendo/profile.h - who the athlete is: affected side, zone, programme start,
 * the stage they arrived at (PROTOCOL.md 11) and the settings in force.
 */
#ifndef TENDO_PROFILE_H
#define TENDO_PROFILE_H

#include <stdbool.h>

#include "date.h"
#include "log.h"
#include "protocol.h"

#define TENDO_CLEARED_BY_MAX 64

/* The units the athlete reads and types; the log is always metric. */
typedef enum { TENDO_UNITS_METRIC, TENDO_UNITS_IMPERIAL } tendo_units;
/* The exact factors (international mile and pound). */
#define TENDO_KM_PER_MI 1.609344
#define TENDO_KG_PER_LB 0.45359237

typedef struct {
	char name[TENDO_NAME_MAX];  /* may be "" */
	tendo_side side;            /* affected side(s) */
	char tz[64];                /* IANA zone, "UTC" by default */
	tendo_date start;           /* first day of the programme */
	tendo_settings settings;    /* ceiling lives in settings.ceiling */
	/* Starting mid-rehab (PROTOCOL.md 11); zero = a new athlete in stage 1. */
	tendo_stage start_stage;    /* the stage on the start day */
	int start_run_step_min;     /* current running step (return to run, full load), 0 = unknown */
	int start_week_min;         /* current weekly running minutes, 0 = unknown */
	double start_curl_kg;       /* current prone-curl load, kg; 0 = unknown */
	char cleared_by[TENDO_CLEARED_BY_MAX]; /* who set the stage ("Dr Smith, physio"), "" */
	tendo_units units;          /* km and kg, or miles and lb (display and input only; schema v6) */
	/* The preferred time of a run (the schedule's), for spacing in hours
	 * (PROTOCOL.md 10.8); not set: runs may start any time. */
	bool run_time_set;
	int run_time_min;           /* minutes after local midnight */
} tendo_profile;

#endif
