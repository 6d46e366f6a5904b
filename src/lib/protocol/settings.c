/*
 * settings.c - named thresholds the sources do not fix, with their defaults
 * and allowed ranges (tendo/protocol.h; documented in docs/RULES.md).
 */
#include <stddef.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/protocol.h>

void tendo_settings_default(tendo_settings *s)
{
	*s = (tendo_settings){
		.ceiling = 3,
		.painfree_max = 1,
		.flare_delta = 2,
		.baseline_days = 14,
		.trend_rise = 0.5,
		.settle_min_days = 7,
		.settle_iso_sessions = 4,
		.strength_min_days = 14,
		.lsi_min = 90.0,
		.run_start_min = 5,
		.run_step_min = 5,
		.run_step_cap_min = 30,
		.weekly_growth = 0.10,
		.run_step_max_min = 60,
		.run_walk_below_min = 15,
		.target_week_min = 120,
		.strength_run_gap_days = 1,
		.strength_gap_days = 2,
		.run_gap_days = 2,
		.long_run_gap_days = 2,
		.long_run_factor = 1.5,
		.stall_days = 14,
		.flare_repeat = 2,
		.flare_window_days = 14,
		.deload_days = 7,
		.sitting_hours_max = 3.0,
		.no_improvement_days = 84,
		.easy_pace_s_km = 0,
		.usual_cadence = 0,
		.visa_every_days = 28,
		.weekly_cap = 0.10,
		.gap_days = 14,
		.gap_restart = 0.5,
		.strength_restart = 0.85,
		.load_step_session = 0.05,
		.load_step_week = 0.10,
		.plate_kg = 1.25,
		.bilateral_gain = 0.10,
		.fast_withhold_days = 14,
		.repeat_runs = 3,
		.repeat_runs_lowest = 2,
		.repeat_window_days = 14,
		.flare_long_days = 7,
		.strength_block_days = 14,
		.hip_flexion_days = 14,
		.mid_rehab_hold_days = 7,
	};
}

#define I(name, doc, lo, hi) { #name, doc, lo, hi, offsetof(tendo_settings, name), false }
#define D(name, doc, lo, hi) { #name, doc, lo, hi, offsetof(tendo_settings, name), true }

static const tendo_setting_info infos[] = {
	I(ceiling, "pain ceiling during activity (0-10 scale); above 3 only if a clinician says so", 0, 5),
	I(painfree_max, "a score at or below this counts as pain-free", 0, 2),
	I(flare_delta, "morning score this far above the usual level is a flare", 1, 5),
	I(baseline_days, "the usual morning level is the median of this many days", 7, 42),
	D(trend_rise, "rise of the weekly mean morning score that counts as trending up", 0.1, 3),
	I(settle_min_days, "minimum days in stage 1", 3, 42),
	I(settle_iso_sessions, "pain-free isometric sessions needed in the last 7 days to leave stage 1", 1, 7),
	I(strength_min_days, "minimum days of strength work before readiness tests count", 0, 84),
	D(lsi_min, "limb symmetry index needed in the readiness tests, percent", 70, 100),
	I(run_start_min, "length of the first run, minutes", 5, 10),
	I(run_step_min, "running step, minutes", 1, 10),
	I(run_step_cap_min, "single-run length above which growth is weekly, minutes", 15, 60),
	D(weekly_growth, "weekly running growth once there is a baseline", 0.0, 0.2),
	I(run_step_max_min, "longest single run tendo prescribes, minutes (beyond it: goal training)", 30, 240),
	I(run_walk_below_min, "run/walk while the running step is at or below this, minutes", 0, 60),
	I(target_week_min, "weekly running minutes that complete return to run", 30, 600),
	I(strength_run_gap_days, "days from strength work to the next run (1 = next day, ~24 h)", 1, 3),
	I(strength_gap_days, "days between strength sessions (2 = 48 h)", 1, 4),
	I(run_gap_days, "days between runs in return to run", 1, 4),
	I(long_run_gap_days, "days after a long run before hard loading (2 = 48 h)", 1, 4),
	D(long_run_factor, "a run longer than this times the recent average is long", 1.2, 3),
	I(stall_days, "days without progress while running that count as stalled", 7, 42),
	I(flare_repeat, "flares within the window that count as repeated", 2, 5),
	I(flare_window_days, "window for repeated flares, days", 7, 42),
	I(deload_days, "length of a deload, days", 7, 14),
	D(sitting_hours_max, "hours of sitting or driving in one go that count as an aggravator (PROTOCOL.md 10.7)", 1, 16),
	I(no_improvement_days, "days of rehab without improvement before advising a clinician", 42, 365),
	I(easy_pace_s_km, "the athlete's easy pace, seconds per km (0 = not known; profile --easy-pace M:SS)", 0, 900),
	I(usual_cadence, "the athlete's usual step rate, steps/min (0 = learnt from imported runs)", 0, 250),
	I(visa_every_days, "a VISA-H questionnaire is due this often, days (PROTOCOL.md 8: every 2-4 weeks)", 14, 28),
	D(weekly_cap, "a week's running stays within last week's x (1 + this) (PROTOCOL.md 10.2)", 0.0, 0.2),
	I(gap_days, "days without running (or strength work) after which it restarts lower (10.2)", 7, 42),
	D(gap_restart, "after a running gap, restart at this fraction of the last step (10.2)", 0.3, 1.0),
	D(strength_restart, "after a strength gap, loads restart at this fraction (10.2)", 0.5, 1.0),
	D(load_step_session, "a load rises at most this fraction a session (10.2)", 0.0, 0.1),
	D(load_step_week, "a load rises at most this fraction a week (10.2)", 0.0, 0.2),
	D(plate_kg, "loads are rounded down to this plate step, kg (10.2)", 0.25, 5),
	D(bilateral_gain, "both sides affected: each side must reach its first test x (1 + this) (10.3)", 0.0, 0.3),
	I(fast_withhold_days, "speed, hills, strides and plyometrics wait this long after a painful session (10.4)", 7, 28),
	I(repeat_runs, "raised mornings after this many runs at one step within the window pause running (10.5)", 2, 5),
	I(repeat_runs_lowest, "... or after this many at the lowest step (10.5)", 1, 4),
	I(repeat_window_days, "the window for repeated trouble, days (10.5)", 7, 28),
	I(flare_long_days, "a flare lasting longer than this advises a clinician's review, days (10.5)", 3, 21),
	I(strength_block_days, "length of the strength block when running pauses, days (10.5)", 14, 42),
	I(hip_flexion_days, "days of hip-flexion strength in stage 3 before plyometrics (10.4)", 7, 28),
	I(mid_rehab_hold_days, "days the declared level holds when starting mid-rehab (11)", 3, 14),
};

const tendo_setting_info *tendo_settings_info(size_t *n)
{
	*n = sizeof(infos) / sizeof(infos[0]);
	return infos;
}

double tendo_settings_get(const tendo_settings *s, const tendo_setting_info *info)
{
	const char *p = (const char *)s + info->offset;
	if (info->is_double) {
		double v;
		memcpy(&v, p, sizeof(v));
		return v;
	}
	int v;
	memcpy(&v, p, sizeof(v));
	return v;
}

int tendo_settings_set(tendo_settings *s, const char *name, double value)
{
	for (size_t i = 0; i < sizeof(infos) / sizeof(infos[0]); i++) {
		const tendo_setting_info *in = &infos[i];
		if (strcmp(in->name, name) != 0)
			continue;
		if (!(value >= in->min && value <= in->max))
			return tendo_error_set(TENDO_EINVAL, "setting %s must be %g-%g (got %g)", name,
			                       in->min, in->max, value);
		if (!in->is_double && value != (double)(int)value)
			return tendo_error_set(TENDO_EINVAL, "setting %s must be a whole number (got %g)", name, value);
		char *p = (char *)s + in->offset;
		if (in->is_double) {
			memcpy(p, &value, sizeof(value));
		} else {
			int v = (int)value;
			memcpy(p, &v, sizeof(v));
		}
		return 0;
	}
	return tendo_error_set(TENDO_ENOTFOUND, "no setting named '%s'", name);
}
