/*
 * tendo/protocol.h - the protocol as data: stages, the exercise library,
 * the rule registry with sources, and the settings with their defaults.
 *
 * Everything here is static, read-only data owned by libtendo; the engine
 * (tendo/engine.h) applies it. PROTOCOL.md is the specification.
 */
#ifndef TENDO_PROTOCOL_H
#define TENDO_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	TENDO_STAGE_SETTLE,        /* 1: isometrics only */
	TENDO_STAGE_STRENGTH,      /* 2: heavy slow resistance */
	TENDO_STAGE_RETURN_TO_RUN, /* 2b: graded running + strength */
	TENDO_STAGE_FULL_LOAD      /* 3: hip flexion, speed, hills */
} tendo_stage;

const char *tendo_stage_name(tendo_stage s); /* "settle", "strength", ... */
/* For people, with the protocol's numbering: "1 settle", "2 strength",
 * "2b return to run", "3 full load" (PROTOCOL.md 3). */
const char *tendo_stage_title(tendo_stage s);
/* The stage named s; 0, or TENDO_EINVAL for an unknown name. */
int tendo_stage_parse(tendo_stage *out, const char *s);
const char *tendo_stage_names(void); /* "settle|strength|return_to_run|full_load" */

/* What a watch says a run was (PROTOCOL.md 9), the one definition for the
 * importer and the engine: hilly when at least 2 min and a tenth of its
 * moving time were on grades over 4%; fast when a quarter of it was faster
 * than the athlete's easy pace. NAN facts say no. */
bool tendo_run_hilly(double uphill_s, double moving_s);
bool tendo_run_fast(double fast_s, double moving_s);

typedef enum { TENDO_EX_ISOMETRIC, TENDO_EX_ISOTONIC, TENDO_EX_PLYOMETRIC } tendo_ex_kind;
const char *tendo_ex_kind_name(tendo_ex_kind k);
/* The kind named s; 0, or TENDO_EINVAL for an unknown name. */
int tendo_ex_kind_parse(tendo_ex_kind *out, const char *s);
const char *tendo_ex_kind_names(void); /* "isometric|isotonic|plyometric" */

/* One exercise of the library. */
typedef struct {
	const char *name;       /* stable id used on the command line: "iso-bridge" */
	const char *title;      /* for people: "Long-lever bridge hold" */
	tendo_stage stage;      /* first stage it belongs to */
	int hip_flexion_deg;    /* hip flexion angle, degrees (tendon compression rises with it) */
	tendo_ex_kind kind;
	int sets;               /* default dose: sets */
	int reps;               /* reps per set, 0 for a hold */
	int hold_s;             /* seconds per hold, 0 for reps */
	bool heavy;             /* heavy slow resistance: load from the log */
	const char *dose;       /* the dose rule in words */
	const char *source;     /* where it comes from */
} tendo_exercise;

/* The library: *n set to the count; entries are static. */
const tendo_exercise *tendo_exercises(size_t *n);
/* Look one up by name; NULL if unknown. */
const tendo_exercise *tendo_exercise_find(const char *name);
/* All names, ", "-separated, for error messages (static storage). */
const char *tendo_exercise_names(void);

/* A rule of the protocol: stable id, what it decides, where it comes from. */
typedef struct {
	const char *id;         /* "spacing.strength_before_run": never renumbered */
	const char *summary;    /* what the rule says */
	const char *source;     /* the source document or paper */
} tendo_rule;

const tendo_rule *tendo_rules(size_t *n);
const tendo_rule *tendo_rule_find(const char *id);

/*
 * Thresholds the sources do not fix, as named settings. Every field is
 * documented in docs/RULES.md with its default; tendo_settings_default()
 * fills the defaults.
 */
typedef struct {
	int ceiling;                 /* pain ceiling during activity, 0-5 (default 3, Goom) */
	int painfree_max;            /* score counted as "pain-free" (default 1: a slight niggle) */
	int flare_delta;             /* morning signal >= baseline + this = flare (default 2) */
	int baseline_days;           /* days of mornings the baseline is the median of (14) */
	double trend_rise;           /* weekly mean morning rise that counts as trending up (0.5) */
	int settle_min_days;         /* minimum days in settle (7) */
	int settle_iso_sessions;     /* pain-free isometric sessions needed in the last 7 days (4) */
	int strength_min_days;       /* minimum days in strength before tests count (14) */
	double lsi_min;              /* limb symmetry index needed, percent (90) */
	int run_start_min;           /* first run, minutes (5) */
	int run_step_min;            /* step, minutes (5) */
	int run_step_cap_min;        /* above this single-run length growth is ~10%/week (30) */
	double weekly_growth;        /* weekly running growth once there is a baseline (0.10) */
	int run_step_max_min;        /* longest single run tendo prescribes, minutes (60) */
	int run_walk_below_min;      /* run/walk prescribed while the step is at or below (15) */
	int target_week_min;         /* weekly running minutes that complete return to run (120) */
	int strength_run_gap_days;   /* days from strength work to a run: 1 = next day (~24 h) */
	int strength_gap_days;       /* days between strength sessions: 2 (48 h) */
	int run_gap_days;            /* days between runs in return to run: 2 */
	int long_run_gap_days;       /* days after a long run before hard loading: 2 (48 h) */
	double long_run_factor;      /* a run > factor x recent average is long (1.5) */
	int stall_days;              /* no progress this long while running = stalled (14) */
	int flare_repeat;            /* this many flares ... (2) */
	int flare_window_days;       /* ... within this many days = repeated (14) */
	int deload_days;             /* length of a deload (7; the sources say 1-2 weeks) */
	double sitting_hours_max;    /* hours sat in a day that count as long sitting (6) */
	int no_improvement_days;     /* rehab without improvement this long -> see someone (84) */
	int easy_pace_s_km;          /* the athlete's easy pace, s/km; 0 = not known (no "fast" time) */
	int usual_cadence;           /* the athlete's usual step rate, steps/min; 0 = learn from imports */
	int visa_every_days;         /* a VISA-H questionnaire is due this often, days (28) */
	double weekly_cap;           /* a week's running <= last week's x (1 + this) (0.10) */
	int gap_days;                /* days without running/strength after which it restarts lower (14) */
	double gap_restart;          /* running restarts at this fraction of the last step (0.5) */
	double strength_restart;     /* loads restart at this fraction after a strength gap (0.85) */
	double load_step_session;    /* a load rises at most this much a session (0.05) */
	double load_step_week;       /* ... and this much a week (0.10) */
	double plate_kg;             /* plate step loads are rounded down to (1.25) */
	double bilateral_gain;       /* both sides affected: each side >= first test x (1 + this) (0.10) */
	int fast_withhold_days;      /* speed/hills/strides/plyometrics wait after a painful session (14) */
	int repeat_runs;             /* raised mornings after this many runs at one step ... (3) */
	int repeat_runs_lowest;      /* ... or this many at the lowest step ... (2) */
	int repeat_window_days;      /* ... within this window pause running (14) */
	int flare_long_days;         /* a flare longer than this: see a clinician (7) */
	int strength_block_days;     /* the strength block when running pauses (14) */
	int hip_flexion_days;        /* stage 3: hip-flexion strength alone this long (14) */
	int mid_rehab_hold_days;     /* starting mid-rehab: the declared level holds this long (7) */
} tendo_settings;

void tendo_settings_default(tendo_settings *out);

/* Named access for the settings table in the store and docs. */
typedef struct {
	const char *name;            /* "flare_delta" */
	const char *doc;             /* one line */
	double min, max;             /* allowed range */
	size_t offset;               /* into tendo_settings */
	bool is_double;
} tendo_setting_info;

const tendo_setting_info *tendo_settings_info(size_t *n);
/* Set a setting by name; TENDO_ENOTFOUND for an unknown name, TENDO_EINVAL out of range. */
int tendo_settings_set(tendo_settings *s, const char *name, double value);
double tendo_settings_get(const tendo_settings *s, const tendo_setting_info *info);

#endif
