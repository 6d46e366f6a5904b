/*
 * rules.c - the rule registry (tendo/protocol.h): every rule the engine can
 * fire, with its stable id, what it says and its source.
 *
 * Ids are never renumbered or reused: users, tests and docs/RULES.md refer
 * to them. Add new rules at the end of their group.
 */
#include <string.h>

#include <tendo/protocol.h>

#define SILBERNAGEL "Silbernagel et al. 2007 (Am J Sports Med 35:897); Thomee 1997"
#define GOOM_RTR "seed 003 (Goom, return to running after PHT)"
#define LOUW "seed 002 (Louw, running with PHT)"
#define GOOM2016 "Goom et al. 2016 (JOSPT 46:483)"
#define MAGNUSSON "Magnusson et al. 2010; seed 003"

static const tendo_rule registry[] = {
	/* the pain-monitoring model (PROTOCOL.md 2) */
	{ "pain.during.within_ceiling", "pain during the last session stayed at or below the ceiling", SILBERNAGEL "; " GOOM_RTR },
	{ "pain.during.over_ceiling", "pain during went over the ceiling: the next session goes one step back", SILBERNAGEL "; " GOOM_RTR },
	{ "pain.after.raised", "pain after the session went over the ceiling: hold, do not progress", SILBERNAGEL "; " LOUW },
	{ "pain.morning.settled", "the next morning was at or below the athlete's usual level: the activity may progress", SILBERNAGEL "; " LOUW },
	{ "pain.morning.raised", "the next morning was a little above the usual level: hold", SILBERNAGEL "; " LOUW },
	{ "pain.morning.flare", "the morning was well above the usual level (a flare): every kind of session is made easier; no running until it settles", SILBERNAGEL "; PROTOCOL.md 2, 6" },
	{ "pain.morning.missing", "no next-morning score after the last session: hold until the 24-hour response is known", LOUW "; " GOOM2016 },
	{ "pain.trend.rising", "mean morning pain this week is above last week's: no progression", SILBERNAGEL "; PROTOCOL.md 2" },
	{ "pain.sharp.regress", "sharp pain: back to stage 1 (isometrics) for that activity", "seed 000; PROTOCOL.md 2" },
	{ "pain.rest.present", "pain at rest: the tendon is not settled", GOOM_RTR },
	{ "monitor.daily_task", "do the daily monitoring task each morning (3 short-lever single-leg bridges, score 0-10)", GOOM2016 },
	{ "monitor.visa_due", "fill in the VISA-H questionnaire (an outcome measure) every 2-4 weeks", "PROTOCOL.md 8; Cacchio et al. (Br J Sports Med)" },
	/* stages (PROTOCOL.md 3, 4) */
	{ "stage.settle.isometrics", "stage 1: isometric holds only, build hold time; no running, speed or hills", "seeds 000, 004; Rio et al. 2015" },
	{ "stage.settle.exit", "no pain at rest, isometrics pain-free for about a week, morning pain not rising: start strength work", "seeds 000, 003, 004" },
	{ "stage.settle.waiting", "stay in stage 1 until the exit criteria hold", "seeds 000, 003, 004" },
	{ "stage.strength.hsr", "stage 2: heavy slow resistance every second day, 3-4 sets of 8-10, hard on rep 8", "seed 000; Kongsgaard et al. 2009" },
	{ "stage.strength.waiting", "running waits for the readiness tests to pass", GOOM_RTR },
	{ "stage.return_to_run.exit", "target weekly running reached without symptoms: stage 3", "PROTOCOL.md 3; " GOOM2016 },
	{ "stage.full_load.content", "stage 3: strength into hip flexion, then speed, hills and plyometrics over short distances", GOOM2016 "; seed 000" },
	{ "stage.exercise_too_early", "an exercise from a later stage was logged: it loads the tendon more than this stage allows", "seeds 000, 004" },
	{ "stage.start", "first day of the stage", "PROTOCOL.md 3" },
	{ "readiness.pass", "readiness tests pass: no rest pain, pain-free drop lunge, curl and bridge LSI >= 90%", GOOM_RTR },
	{ "readiness.fail.symmetry", "a readiness test failed on limb symmetry (LSI below the minimum)", GOOM_RTR },
	{ "readiness.fail.pain", "a readiness test failed on pain (at rest or in the drop lunge)", GOOM_RTR },
	{ "readiness.due", "do the readiness tests: drop lunge, single-leg bridge reps and 10RM prone curl, left and right", GOOM_RTR },
	{ "readiness.incomplete", "the last readiness test did not measure every item", GOOM_RTR },
	/* running (PROTOCOL.md 5) */
	{ "run.first_test", "the first run is a test: 5-10 minutes, flat or treadmill, then watch the 24-48 hour response", GOOM_RTR },
	{ "run.step_up", "no symptom increase during and no raised morning: +5 minutes next time", GOOM_RTR },
	{ "run.step_hold", "hold the current step: holding a step for a while is normal", GOOM_RTR },
	{ "run.step_back", "after a flare or pain over the ceiling: one step back", "PROTOCOL.md 2; " GOOM_RTR },
	{ "run.weekly_10pct", "with a symptom-free baseline, weekly running grows by about 10%", GOOM_RTR },
	{ "run.run_walk", "run/walk is a valid form: e.g. 2 min run / 1 min walk, walk the hills", GOOM_RTR "; " LOUW },
	{ "run.flat_easy", "keep it flat and easy: no hills, no speed work, no overstriding", GOOM_RTR },
	{ "run.over_prescription", "the last run went beyond what was prescribed (the arbitrary-distance run)", GOOM_RTR },
	{ "run.cadence_cue", "a 5-10% higher step rate may ease hip loading but raises late-swing hamstring work: a cue, not a rule", "Heiderscheit et al. 2011; Chumanov et al. 2012" },
	{ "run.compared", "the last run against what was prescribed: minutes, and from a watch file time on hills, time faster than easy pace, step rate", "PROTOCOL.md 9" },
	{ "run.hard_hold", "hills or speed on the last run in return to run: the step holds, however it felt", GOOM_RTR },
	{ "run.speed_hills_short", "speed and hills return only when symptom-free at the target, over short distances first", GOOM_RTR "; " GOOM2016 },
	/* spacing (PROTOCOL.md 6) */
	{ "spacing.strength_before_run", "at least 24 h between strength work and a run", MAGNUSSON },
	{ "spacing.run_before_strength", "no strength work on a run day: leave 24 h", MAGNUSSON },
	{ "spacing.strength_48h", "strength work every second day (48 h apart)", "Kongsgaard et al. 2009; PROTOCOL.md 3" },
	{ "spacing.long_run_48h", "48 h after a long run before the next hard loading", MAGNUSSON },
	{ "spacing.run_rest_day", "in return to run, a day without running between runs", GOOM_RTR " (sample schedules)" },
	{ "spacing.isometrics_daily", "isometrics may be done daily and used for pain relief", "seed 000; Rio et al. 2015" },
	{ "spacing.alternate", "runs and strength days alternate: when both are due, the one done less recently goes first", GOOM_RTR " (sample schedules); Kongsgaard et al. 2009" },
	/* deload */
	{ "deload.stalled", "no progress for 2 weeks: deload all loading for 1-2 weeks, then ease back", LOUW },
	{ "deload.repeated_flares", "repeated flare-ups: deload all loading for 1-2 weeks, then ease back", LOUW },
	{ "deload.active", "deload in progress: about half the usual running and strength volume", LOUW },
	/* red flags (PROTOCOL.md 7) */
	{ "redflag.tear", "sudden sharp pain with a pop or bruising: possible tear or avulsion, see a clinician", "PROTOCOL.md 7" },
	{ "redflag.neural", "numbness, tingling or pain spreading down the leg: possible sciatic nerve involvement, see a clinician", "PROTOCOL.md 7" },
	{ "redflag.night_pain", "night pain not eased by rest: see a clinician", "PROTOCOL.md 7" },
	{ "redflag.no_improvement", "no improvement after about 12 weeks of rehab: see a clinician", "PROTOCOL.md 7" },
	{ "redflag.cleared", "a clinician cleared loading after a red flag: restart from stage 1", "PROTOCOL.md 7" },
	/* aggravators and cross-training */
	{ "aggravator.sitting", "long sitting compresses the tendon: break it up", GOOM_RTR "; seed 000" },
	{ "cross.aggravating", "this cross-training went over the ceiling: avoid it for now", "seed 000 (let the log decide)" },
	{ "cross.tolerated", "this cross-training was tolerated: an option on days without running", "seed 000 (stair machine)" },
	{ "avoid.stage", "things to avoid in this stage", "seeds 000, 003, 004" },
	/* safety on messy, real logs (PROTOCOL.md 10) */
	{ "pain.today.over_ceiling", "a session or report earlier today went over the ceiling: no run later today", "PROTOCOL.md 10.1, 2, 6" },
	{ "pain.sharp.outstanding", "sharp pain in an activity: no running until that activity has restarted at stage 1 with a settled morning since", "PROTOCOL.md 10.1, 2; seed 000" },
	{ "run.at_ceiling_hold", "pain during the last run was above pain-free but within the ceiling: the step holds", "PROTOCOL.md 10.2; " GOOM_RTR },
	{ "run.weekly_budget", "once growth is weekly, a week's running stays within last week's + 10% and is spread over the run days: three even runs a week, none more than 10% over the longest run of last week; a step back keeps the weekly budget", "PROTOCOL.md 10.2; " GOOM_RTR },
	{ "run.after_deload", "after a deload: restart at the deload level and climb back step by step", "PROTOCOL.md 10.2; " LOUW },
	{ "run.break_hold", "more than a week without running (under the two-week gap): the step up the last run earned waits for a run back at the old step", "PROTOCOL.md 10.2" },
	{ "run.after_gap", "two weeks or more without running: restart at about half the last step", "PROTOCOL.md 10.2" },
	{ "rehab.step_back", "a flare, or a raised morning after the last strength session: the next strength session is one step back (2 sets, lighter) for the painful leg; a healthy leg whose own set did not hurt holds its load", "PROTOCOL.md 2, 6; " SILBERNAGEL },
	{ "rehab.after_gap", "two weeks or more without strength work: loads restart at 85%", "PROTOCOL.md 10.2" },
	{ "rehab.load_per_side", "loads are per exercise and per side, and rise at most 5% a session and 10% a week, rounded to the plate step", "PROTOCOL.md 10.2; Kongsgaard et al. 2009" },
	{ "readiness.bilateral_gain", "both sides affected: each side must be at least its first test + 10%", "PROTOCOL.md 10.3, 4" },
	{ "stage.full_load.sequence", "stage 3 brings one new kind of load at a time: hip-flexion strength, then plyometrics, then strides and short hills", "PROTOCOL.md 10.4; seed 000; " GOOM2016 },
	{ "stage.full_load.fast_withheld", "speed, hills, strides and plyometrics wait 14 days after a session over the ceiling or a raised morning", "PROTOCOL.md 10.4; seed 001" },
	{ "run.pause_strength_block", "raised mornings after repeated runs at one step: running pauses for a strength block, then the readiness tests again", "PROTOCOL.md 10.5; " GOOM_RTR },
	{ "pain.flare.long", "a flare lasting more than a week: see a clinician for a review; isometrics at their relieving dose", "PROTOCOL.md 10.5; seed 004" },
	{ "aggravator.stretching", "hamstring stretching compresses the tendon: stop it for now; progression holds the next day", "PROTOCOL.md 10.7; seeds 000, 003, 004" },
	{ "aggravator.hip_flexion", "heavy lifting into hip flexion loads the tendon: progression holds the next day", "PROTOCOL.md 10.7; " GOOM2016 },
	{ "spacing.hours", "with times of day logged, 24 h from the end of strength work to a run is judged in hours", "PROTOCOL.md 10.8; " MAGNUSSON },
	{ "start.mid_rehab", "started mid-rehab at the stage a clinician set: the first week holds at the declared level", "PROTOCOL.md 11" },
	{ "monitor.morning_first", "no morning score today: log it first; the rest of today's advice is provisional", "PROTOCOL.md 2; " GOOM2016 },
};

const tendo_rule *tendo_rules(size_t *n)
{
	*n = sizeof(registry) / sizeof(registry[0]);
	return registry;
}

const tendo_rule *tendo_rule_find(const char *id)
{
	for (size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if (strcmp(registry[i].id, id) == 0)
			return &registry[i];
	return NULL;
}
