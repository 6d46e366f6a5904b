/*
 * tendo/plan.h - the coming days under the stage's dose and the spacing
 * rules: a projection that assumes no flare (every morning settled, every
 * session pain-free and done as prescribed, readiness tests passing when
 * due), recomputed from the real log each time it is asked for.
 */
#ifndef TENDO_PLAN_H
#define TENDO_PLAN_H

#include <stdbool.h>

#include "engine.h"
#include "schedule.h"


typedef struct {
	tendo_date date;
	tendo_stage stage;
	tendo_decision decision;
	bool run;                 /* a run is planned */
	int run_minutes;
	bool run_walk;
	char run_why[TENDO_RX_REASON];
	bool strength;            /* a strength session (else holds or nothing) */
	char rehab[320];          /* "prone-curl 4x8, hip-thrust 3x8, ..." */
	char rehab_why[TENDO_RX_REASON];
	bool test_due;            /* readiness tests due and planned today (assumed to pass) */
	bool visa_due;            /* a VISA-H questionnaire is due (every 4 weeks) */
	bool training_day;        /* one of the schedule's days */
	bool seek_care;           /* a red flag stands: nothing is planned */
	int rehab_minutes;        /* estimated length of the rehab session (0 if none) */
	/* the items of `rehab` with their doses and loads (kg per side), for
	 * the calendar's descriptions; exercise borrowed from the library */
	tendo_rx_item items[TENDO_RX_MAX_REHAB];
	int n_items;
} tendo_plan_day;

/*
 * Plan n days from `from` (1-366). On days outside the schedule nothing
 * but isometric holds and the monitoring task is planned (holds take
 * minutes and need no gym); the engine then moves the run, strength
 * session or test to the next training day. schedule NULL = every day.
 * out: n days, filled in; holds no heap memory
 * Returns 0, TENDO_EINVAL for n out of range or a schedule with no days,
 * or TENDO_ENOMEM.
 */
int tendo_plan(tendo_plan_day *out, int n, const tendo_profile *profile, const tendo_schedule *schedule,
               const tendo_log *log, tendo_date from);

#endif
