/*
 * tendo/timeline.h - the per-day truth: one replay of the log gives, for
 * every day, what was known that morning (the morning signal and its class,
 * the usual level, stage, running step, gates), that morning's prescription
 * and what was then done, plus the day's events. Every consumer (today,
 * status, plan, report, runs) reads these records; none recomputes them.
 *
 * A day's record is what was advised that morning (PROTOCOL.md 10.9): the
 * day's own sessions and their pain are not known to it, so logging later
 * that day never rewrites it. O(days + entries).
 */
#ifndef TENDO_TIMELINE_H
#define TENDO_TIMELINE_H

#include <stdbool.h>

#include "engine.h"

/* Events of a day (bits of tendo_day.events). */
enum {
	TENDO_EV_STAGE = 1 << 0,      /* the stage moved this morning (moved_by says by which rule) */
	TENDO_EV_FLARE = 1 << 1,      /* a flare began this morning */
	TENDO_EV_DELOAD = 1 << 2,     /* a deload began this morning */
	TENDO_EV_TEST_DUE = 1 << 3,   /* the readiness tests are due */
	TENDO_EV_VISA_DUE = 1 << 4,   /* a VISA-H is due */
	TENDO_EV_RED_FLAG = 1 << 5,   /* see a clinician: nothing was prescribed */
	TENDO_EV_STEP_BACK = 1 << 6,  /* the running step went back this morning */
	TENDO_EV_STEP_UP = 1 << 7     /* the running step went up this morning */
};

typedef struct {
	tendo_date date;
	/* what was known that morning */
	tendo_stage stage;
	tendo_decision decision;
	int morning;              /* the morning signal (task preferred), -1 none */
	bool morning_is_task;
	char morning_class;       /* 's' settled, 'r' raised, 'f' flare, 0 no score */
	double baseline;          /* the usual level it was compared with, -1 */
	int step_min;             /* running step (0 before return to run) */
	int rest_pain;            /* pain at rest today or yesterday, -1 */
	bool deload;
	bool red_flag;            /* nothing was prescribed: see a clinician */
	/* that morning's prescription */
	bool run_prescribed;
	int run_minutes;          /* prescribed; 0 if no run was */
	bool run_walk;
	bool strength_prescribed; /* strength work (not only holds) */
	bool rehab_prescribed;    /* any rehab, holds included */
	/* what was done that day */
	double run_done_min;      /* minutes run, 0 if none */
	bool strength_done;       /* a non-isometric exercise or a strength test logged */
	bool rehab_done;          /* any rehab logged */
	int pain_during;          /* the day's highest pain during any session or report, -1 */
	int pain_after;           /* ... after, -1 */
	bool long_run;            /* the day's running was a long run (48 h before hard loading) */
	/* events */
	unsigned events;          /* TENDO_EV_* */
	const char *moved_by;     /* the rule that moved the stage that morning, else NULL (static) */
} tendo_day;

/*
 * Fill out[0..n) with the days from `from` (n 1-7305), replaying the log
 * once from the profile's start. When `today` is not NULL it also receives
 * the full prescription of the last day as seen now (the day's own sessions
 * known: what `tendo today` shows).
 * Returns 0, TENDO_EINVAL for n out of range or a missing date, or TENDO_ENOMEM.
 */
int tendo_timeline(tendo_day *out, int n, const tendo_profile *profile, const tendo_log *log, tendo_date from,
                   tendo_prescription *today);

#endif
