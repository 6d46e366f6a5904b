/*
 * tendo/engine.h - what to do today.
 *
 * The engine is a pure function of the profile, the log and a date: it reads
 * nothing and writes nothing, so every rule is testable on its own. It
 * replays the log day by day from the first entry (or the profile's start)
 * to the date, tracking stage, running step, flares and deloads, then
 * prescribes the day. Every decision lists the rules that fired, each with
 * a one-line reason and its source.
 */
#ifndef TENDO_ENGINE_H
#define TENDO_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "log.h"
#include "profile.h"
#include "protocol.h"


typedef enum {
	TENDO_DECISION_START,       /* first day of a stage */
	TENDO_DECISION_PROGRESS,    /* more than last time */
	TENDO_DECISION_HOLD,        /* same as last time */
	TENDO_DECISION_REDUCE,      /* one step back after a flare */
	TENDO_DECISION_DELOAD,      /* all loading cut for a week or two */
	TENDO_DECISION_REGRESS,     /* back to an earlier stage */
	TENDO_DECISION_SEEK_CARE    /* red flag: no loading, see a clinician */
} tendo_decision;

const char *tendo_decision_name(tendo_decision d);

#define TENDO_RX_MAX_REHAB 10
#define TENDO_RX_MAX_AVOID 20
#define TENDO_RX_MAX_RULES 24
#define TENDO_RX_REASON 200

typedef struct {
	const tendo_exercise *exercise; /* borrowed from the library */
	int sets;
	int reps;                   /* 0 = a hold */
	int hold_s;                 /* 0 = reps */
	char load[200];             /* "right 21.25 kg (+5% of 20.0 kg)", "body weight" */
	double kg;                  /* the load (both legs, or the affected side), -1 none */
	double kg_left, kg_right;   /* per side when the exercise is done one leg at a time, -1 */
} tendo_rx_item;

typedef struct {
	const char *id;             /* rule id, static */
	const char *source;         /* static, from the registry */
	char reason[TENDO_RX_REASON];/* why it fired, with the athlete's numbers */
} tendo_rx_rule;

/* Measured facts behind the decision (for `status`). -1 / TENDO_DATE_NONE = unknown. */
typedef struct {
	tendo_date stage_since;     /* first day of the current stage */
	int run_step_min;           /* current running step, minutes (0 before running) */
	double morning_baseline;    /* athlete's usual morning (or task) score */
	int morning_today;          /* today's morning signal, -1 if not logged */
	bool morning_is_task;       /* the signal is the daily monitoring task */
	double week_mean;           /* mean morning signal, last 7 days */
	double prev_week_mean;      /* the 7 days before */
	double week_run_min;        /* running minutes, last 7 days incl. today */
	tendo_date last_flare;      /* last flared morning */
	tendo_date deload_until;    /* deload runs through this day */
	tendo_date last_test;       /* last readiness test */
	double lsi_curl;            /* percent, -1 */
	double lsi_bridge;          /* percent, -1 */
	bool tests_pass;            /* the last test passes all criteria */
	bool red_flag;              /* an uncleared red flag */
	double target_week_min;     /* weekly running that completes return to run */
	bool target_preinjury;      /* ... from the runs before the programme start */
} tendo_status;

typedef struct {
	tendo_date date;
	tendo_stage stage;
	tendo_decision decision;
	bool provisional;           /* no morning score yet today: log it first, the rest may change */
	bool test_due;              /* the readiness tests are due (readiness.due) */
	bool visa_due;              /* a VISA-H is due (monitor.visa_due) */
	struct {
		bool run;               /* a run is logged today */
		double run_min;         /* its minutes */
		bool strength;          /* strength work is logged today */
		bool holds;             /* isometric holds are logged today */
	} done;
	struct {
		bool allowed;
		int minutes;            /* 0 when not allowed */
		tendo_terrain terrain;
		bool run_walk;          /* run/walk pattern */
		int advised;            /* the day's run is logged: the minutes advised that morning (0 none) */
		char why[TENDO_RX_REASON];
	} run;
	tendo_rx_item rehab[TENDO_RX_MAX_REHAB];
	size_t n_rehab;
	char rehab_why[TENDO_RX_REASON];
	char avoid[TENDO_RX_MAX_AVOID][80];
	size_t n_avoid;
	tendo_rx_rule rules[TENDO_RX_MAX_RULES];
	size_t n_rules;
	tendo_status status;
	struct {
		bool present;           /* a run in the 14 days up to the date */
		tendo_date date;
		double minutes;         /* as run (moving time for imported runs) */
		int prescribed;         /* minutes prescribed that day, 0 = no run was */
		double km;              /* -1 */
		bool imported;          /* the facts below come from a watch file */
		double uphill_s;        /* seconds on grades over 4%, NAN */
		double fast_s;          /* seconds faster than easy pace, NAN */
		double cadence_spm;     /* median step rate, NAN */
		char summary[TENDO_RX_REASON]; /* "ran 34 min, prescribed 20; 11 min on grades over 4%" */
	} last_run;
} tendo_prescription;

/*
 * Decide the prescription for `date`.
 *
 * out:     filled in completely; it holds no heap memory (bounded arrays)
 * profile: borrowed for the call
 * log:     borrowed for the call; arrays need not be sorted
 * The replay starts at profile->start (or, without one, the first entry),
 * at most 20 years before the date; entries before it are not used.
 * Returns 0, TENDO_EINVAL if the date is unset, or TENDO_ENOMEM.
 */
int tendo_engine_prescribe(tendo_prescription *out, const tendo_profile *profile,
                           const tendo_log *log, tendo_date date);

/*
 * The prescription of `date` as advised that morning (PROTOCOL.md 10.9):
 * the day's own sessions, test and their pain are not known to it. It is
 * what the timeline records for the day, in full (`tendo done` logs it).
 * Returns as tendo_engine_prescribe().
 */
int tendo_engine_prescribe_morning(tendo_prescription *out, const tendo_profile *profile,
                                   const tendo_log *log, tendo_date date);

/* True if the prescription has strength work (an exercise that is not an
 * isometric hold): a strength day rather than holds only. */
bool tendo_rx_has_strength(const tendo_prescription *rx);

/* Readiness test verdict, for the test itself and for tools: fills lsi
 * (percent, -1 if unmeasured) and returns true when every criterion of
 * PROTOCOL.md section 4 holds. `earlier` may be NULL (bilateral cases
 * compare with it). */
bool tendo_engine_test_passes(const tendo_test *t, const tendo_test *earlier,
                              const tendo_profile *profile,
                              double *lsi_curl, double *lsi_bridge);

#endif
