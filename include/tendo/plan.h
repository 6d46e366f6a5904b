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
	bool test_due;            /* readiness tests due (the projection assumes they pass) */
	bool seek_care;           /* a red flag stands: nothing is planned */
} tendo_plan_day;

/*
 * Plan n days from `from` (1-366).
 * out: n days, filled in; holds no heap memory
 * Returns 0, TENDO_EINVAL for n out of range, or TENDO_ENOMEM.
 */
int tendo_plan(tendo_plan_day *out, int n, const tendo_profile *profile, const tendo_log *log, tendo_date from);

#endif
