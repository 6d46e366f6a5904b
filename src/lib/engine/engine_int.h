/*
 * engine_int.h - internals of the engine shared by its files: the per-day
 * digest of the log and the morning-signal classification.
 *
 * digest.c turns the log's arrays into one `eday` per calendar day (O(log));
 * pain.c classifies each morning against the athlete's own baseline;
 * readiness.c judges readiness tests; engine.c replays the days and
 * prescribes.
 */
#ifndef TENDO_ENGINE_INT_H
#define TENDO_ENGINE_INT_H

#include <stdbool.h>

#include <tendo/engine.h>

/* How a morning compares with the athlete's usual level. */
typedef enum {
	MORNING_NONE,    /* no score that day */
	MORNING_SETTLED, /* at or below the usual level */
	MORNING_RAISED,  /* a little above: hold */
	MORNING_FLARE    /* flare_delta or more above: flare */
} morning_class;

/* Everything the engine needs to know about one day. -1 = not recorded. */
typedef struct {
	int morning;            /* plain morning score, max of the day */
	int task;               /* daily monitoring task score, max of the day */
	int rest;               /* pain at rest (reports and tests), max */
	int during;             /* pain during any session or report, max */
	int after;              /* pain after, max */
	bool sharp;             /* sharp pain on a run */
	double run_min;         /* minutes run, total */
	int runs;               /* number of runs */
	int run_pain;           /* pain during runs, max */
	bool run_long_intent;   /* a run logged with --intent long */
	bool run_hard;          /* speed, hills intent or hilly terrain */
	bool strength;          /* isotonic/plyometric rehab or a readiness test */
	int strength_pain;      /* pain during strength work, max */
	int iso;                /* isometric sessions */
	int iso_painfree;       /* isometric sessions with pain recorded and pain-free */
	int iso_painful;        /* isometric sessions with pain above pain-free */
	const char *late_ex;    /* an exercise logged from a later stage (first seen) */
	tendo_stage late_stage; /* its stage */
	int cross_pain[TENDO_CROSS_KINDS]; /* pain during cross-training by kind, max */
	bool cross_done[TENDO_CROSS_KINDS];
	int flag;               /* a red flag kind, -1 none */
	bool cleared;           /* clinician clearance */
	double sitting_h;       /* hours sat */
	const tendo_test *test; /* the day's last readiness test, NULL */
	/* filled by the replay */
	morning_class mclass;   /* class of the day's morning signal */
	int signal;             /* the day's morning signal (task preferred), -1 */
	bool signal_is_task;
	double baseline;        /* baseline it was compared with, -1 if none */
	bool long_run;          /* the day's running counted as a long run */
	int step_at;            /* running step that day (0 before return to run) */
	int rx_min;             /* running minutes prescribed that day (0 = no run) */
} eday;

/* The days [first, first + n) of a log, digested. */
typedef struct {
	tendo_date first;
	int n;
	eday *days;             /* owned: free() */
} edigest;

/* Digest log entries dated in [first, first + n). Returns 0 or TENDO_ENOMEM. */
int engine_digest(edigest *out, const tendo_log *log, const tendo_profile *p, tendo_date first, int n);

/* Classify day i's morning against the days before it (pain.c). Sets
 * days[i].signal, signal_is_task, baseline and mclass. */
void engine_classify_morning(edigest *g, int i, const tendo_settings *s);

/* Mean morning signal over days [from, to] (inclusive, clipped); -1 if fewer
 * than 3 scores. */
double engine_mean_signal(const edigest *g, int from, int to);

#endif
