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
	int morning;            /* plain morning score (the day's latest) */
	int task;               /* daily monitoring task score (the day's latest) */
	int64_t morning_id, task_id; /* their entry ids */
	int rest;               /* pain at rest (reports and tests), max */
	int during;             /* pain during any session or report, max */
	int after;              /* pain after, max */
	bool sharp;             /* sharp pain on a run (the run's own or a report attached to it) */
	bool sharp_rehab;       /* sharp pain during rehab */
	bool sharp_other;       /* sharp pain during cross-training, or a sharp report on a day without a run */
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
	double sitting_h;       /* hours sat or driven, the longest single bout */
	bool agg_driving;       /* that bout was a drive */
	bool agg_stretch;       /* hamstring stretching done */
	bool agg_lift;          /* heavy hip-flexion lifting done */
	int sitting_pain;       /* pain after sitting, max */
	int strength_end;       /* minute of the day the last strength session ended, -1 unknown */
	int run_start;          /* minute of the day the first run started, -1 unknown */
	const tendo_test *test; /* the day's last readiness test, NULL */
	const tendo_run *last_run_entry; /* the day's last run (highest id), NULL */
	int rehab_at, rehab_n;  /* the day's rehab entries: g.rehab[rehab_at .. + rehab_n), by id */
	/* filled by the replay */
	morning_class mclass;   /* class of the day's morning signal */
	int signal;             /* the day's morning signal (task preferred), -1 */
	bool signal_is_task;
	bool forming;           /* one of the first 7 scores: part of the usual level whatever its class */
	int n_task_before, n_morning_before; /* task and morning scores on the days before (digest) */
	double baseline;        /* baseline it was compared with, -1 if none */
	bool long_run;          /* the day's running counted as a long run */
	int step_at;            /* running step that day (0 before return to run) */
	tendo_stage stage_at;   /* stage that day */
	int rx_min;             /* running minutes prescribed that day (0 = no run) */
} eday;

/* The days [first, first + n) of a log, digested. */
typedef struct {
	tendo_date first;
	int n;
	eday *days;             /* owned: free() */
	const tendo_rehab **rehab; /* owned: the window's rehab entries by day, then id */
} edigest;

void engine_digest_free(edigest *g);

/* Digest log entries dated in [first, first + n). Returns 0 or TENDO_ENOMEM. */
int engine_digest(edigest *out, const tendo_log *log, const tendo_profile *p, tendo_date first, int n);

/* Classify day i's morning against the days before it (pain.c). Sets
 * days[i].signal, signal_is_task, baseline and mclass. */
void engine_classify_morning(edigest *g, int i, const tendo_settings *s);

/* Mean morning signal over days [from, to] (inclusive, clipped); -1 if fewer
 * than 3 scores. */
double engine_mean_signal(const edigest *g, int from, int to);


/* Mutation testing: the property test builds the engine again with
 * TENDO_MUTANT=n, each n switching off one safety rule, and requires its
 * invariant to catch it (tests/CMakeLists.txt). 0 in every real build. */
#ifndef TENDO_MUTANT
#define TENDO_MUTANT 0
#endif
#define MUTANT(n) (TENDO_MUTANT == (n))

#define NEVER (-100000) /* day index of something that has not happened */
#define MAX_DAYS 7305   /* 20 years */

typedef enum {
	RESP_NONE, RESP_UP, RESP_GROWTH, RESP_WEEK_WAIT, RESP_MISSING, RESP_RAISED, RESP_AFTER,
	RESP_TREND, RESP_SHORT, RESP_DELOAD, RESP_OVER, RESP_FLARE, RESP_SHARP, RESP_NOT_CLEAN,
	RESP_UNPRESCRIBED, RESP_REST, RESP_HARD, RESP_AT_CEILING, RESP_AGGRAVATOR, RESP_MID_HOLD, RESP_BREAK
} run_response;

/* What running the plan allows on a day (rp_plan_run()). */
typedef struct {
	bool allowed;
	int minutes;            /* 0 when not allowed */
	bool capped;            /* the weekly 10% cap cut the minutes */
	bool deload;            /* deload minutes */
	int not_before;         /* minute of the day the run may start (10.8), 0 any time */
	double week_budget;     /* this week's running budget, 0 before weekly growth */
	double week_done;       /* minutes already run this week */
	char why[TENDO_RX_REASON]; /* why not, when not allowed */
} run_plan;

typedef struct {
	const tendo_profile *p;
	const tendo_settings *s;
	const tendo_log *log;
	edigest g;
	/* state at the start of the current day */
	tendo_stage stage;
	int stage_since;
	int step;               /* next run's minutes in return to run */
	int step_before;        /* step before the last change */
	int last_step_change;   /* last increase (or stage/deload start) */
	int step_back_day;
	int step_back_cause;    /* the day whose pain caused the step back */
	int step_back_why;      /* 0 a run over the ceiling, 1 a flared morning, 2 a raised morning after a run */
	int last_growth;
	run_response last_resp; /* response to the last run */
	int last_resp_day;
	int deload_from, deload_to, deload_reason; /* reason: 1 flares, 2 stall */
	int last_deload_start, last_deload_end;
	int flare_starts[64];
	int n_flare_starts;
	bool in_flare;
	int red_flag, red_flag_day;
	int cleared_day;        /* last clinician clearance */
	int regress_day;
	int iso_hold;
	int iso_up_day;
	int last_run, last_strength, last_long;
	int last_run_rx;        /* minutes prescribed on the last run's day (0 = not prescribed) */
	int cap_day;            /* first day the step reached run_step_cap_min, NEVER */
	bool cut_set_pain;      /* today's strength step back is for a set's pain alone (no morning cause) */
	int strength_days;      /* strength sessions so far (for rotation) */
	double recent_runs[4];  /* last run days' minutes, for the long-run flag */
	int n_recent;
	bool morning;           /* prescribing as seen that morning: the day's own sessions unknown (10.9) */
	const char *stage_rule; /* the rule that moved the stage last (static) */
	/* PROTOCOL.md 10 and 11 */
	int sharp_day;          /* outstanding sharp pain (rehab, cross-training, a report), -1 */
	char sharp_what;        /* 'x' rehab, 'c' cross-training or a report */
	int deload_step_from;   /* the step before the last deload cut it */
	int gap_cut_day, gap_from; /* a running gap restarted the step that day, from this step run */
	int gap_half;           /* ... at about half of it (the step may already be lower) */
	struct { int day, step; } trouble[16]; /* runs followed by a raised or flared morning */
	int n_trouble;
	int pause_day;          /* running paused for a strength block that day, -1 */
	int pause_step;         /* the step at the pause */
	int pause_count;        /* troubled runs that caused it; -1 flares, -2 a stall, at the lowest step */
	int flare_since;        /* first day of the current flare, -1 */
	int fl_phase;           /* stage 3: 0 hip-flexion strength, 1 + plyometrics, 2 + strides and hills */
	int fl_phase_since;
	int last_painful;       /* last session over the ceiling or raised/flared morning */
	int hold_until;         /* starting mid-rehab: the declared level holds through this day, -1 */
	double target_week;     /* weekly minutes that complete return to run */
	bool target_preinjury;  /* ... the pre-injury volume from runs before the start */
} replay;

typedef enum { DOSE_NORMAL, DOSE_REDUCED, DOSE_DELOAD } dose_mode;

/* What the day's prescription builders share (engine.c fills it in order). */
typedef struct {
	const eday *E, *Y;       /* today, yesterday */
	const eday *M;           /* the latest morning signal (today's or yesterday's), NULL */
	bool flare_now;          /* that morning is a flare */
	bool flare_recent;       /* today or yesterday flared */
	bool rising;             /* weekly morning trend rising */
	bool unsettled;          /* a session over the ceiling with no settled morning since */
	bool in_deload;
	bool regressed;          /* sharp pain sent the athlete back to stage 1 lately */
	bool rest_pain;          /* pain at rest today or yesterday */
	int rest;                /* its score */
	/* filled by the builders */
	bool run_progress, run_first, rehab_progress, rehab_reduced;
} dayctx;

/* explain (engine.c): rules, avoid list, the day's prescription */
void rx_rule(tendo_prescription *rx, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
bool rx_has_rule(const tendo_prescription *rx, const char *id);
void rx_avoid(tendo_prescription *rx, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
const char *rp_fmt_day(const replay *r, int i, char buf[TENDO_DATE_BUFSZ]);
void rx_visa_due(const replay *r, tendo_prescription *rx, int i);
void engine_prescribe_day(replay *r, tendo_prescription *rx, int i);

/* replay (replay.c): the state day by day and the questions asked of it */
int replay_init(replay *r, const tendo_profile *profile, const tendo_log *log, tendo_date first, int n);
const eday *rp_day(const replay *r, int i);
double rp_run_minutes(const replay *r, int from, int to);
bool rp_trend_rising(const replay *r, int i, double *week, double *prev);
bool rp_flare_between(const replay *r, int from, int to);
const tendo_test *rp_find_test(const replay *r, int from, int to, const tendo_test **earlier);
bool rp_test_passes(const replay *r, const tendo_test *t, const tendo_test *earlier, int *day_rest);
bool rp_settle_ready(const replay *r, int i, char *why, size_t whysz);
bool rp_no_improvement(const replay *r, int i);
const eday *rp_latest_morning(const replay *r, int i);
bool rp_unsettled_over(const replay *r, int i, int *over_day, bool *after, const eday **latest_out);
int rp_rest_pain(const replay *r, int i);
bool rp_aggravated(const replay *r, int i);
int rp_week_start(const replay *r, int i);
bool rp_fast_withheld(const replay *r, int i, int *since);

/* running (run.c) */
void rp_plan_run(const replay *r, int i, bool morning_view, run_plan *pl, tendo_prescription *rx);
void rx_compare_last_run(const replay *r, tendo_prescription *rx, int i);
void engine_rx_run(replay *r, tendo_prescription *rx, int i, dayctx *c);

/* rehab (rehab.c) */
const tendo_rehab *rp_last_rehab(const replay *r, const char *name, int before);
bool rx_add_item(replay *r, tendo_prescription *rx, const char *name, int i, dose_mode mode,
                 bool may_progress, int hold_override);
void engine_rx_rehab(replay *r, tendo_prescription *rx, int i, dayctx *c);

#endif
