/*
 * run.c - running: what the plan allows on a day (spacing, gates, step,
 * weekly budget) and the running part of the prescription with its reasons.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "engine/engine_int.h"

/*
 * Whether day i has a run, and how long: the stage, the 24-hour signal, the
 * spacing rules and the weekly cap. morning_view: as seen in the morning,
 * before the day's own sessions (the replay); otherwise sessions already
 * logged today count. Adds the spacing rules to rx when rx is not NULL.
 */
/* The day in [from, to] with the most minutes run (the latest of equals),
 * NEVER when none has a run. */
static int longest_run_day(const replay *r, int from, int to)
{
	int best = NEVER;
	for (int k = from; k <= to; k++) {
		const eday *e = rp_day(r, k);
		if (e && e->run_min > 0 && (best == NEVER || e->run_min >= r->g.days[best].run_min))
			best = k;
	}
	return best;
}

void rp_plan_run(const replay *r, int i, bool morning_view, run_plan *pl, tendo_prescription *rx)
{
	const tendo_settings *s = r->s;
	const eday *E = &r->g.days[i];
	char d1[TENDO_DATE_BUFSZ];
	memset(pl, 0, sizeof(*pl));
	const char *why = NULL;
	if (r->red_flag >= 0 || rp_no_improvement(r, i)) {
		snprintf(pl->why, sizeof(pl->why), "no running: see a clinician first (tendo is not a diagnosis)");
		return;
	}
	if (r->stage < TENDO_STAGE_RETURN_TO_RUN) {
		snprintf(pl->why, sizeof(pl->why), "%s",
		         r->stage == TENDO_STAGE_SETTLE ? "no running in stage 1: let the tendon settle first"
		                                        : "no running until the readiness tests pass");
		return;
	}
	const eday *M = rp_latest_morning(r, i);
	int over_day;
	bool over_after;
	const eday *over_latest;
	bool in_deload = r->deload_to >= i && r->deload_from <= i;
	bool strength_due = i - r->last_strength >= s->strength_gap_days;
	int gap_run = r->stage == TENDO_STAGE_RETURN_TO_RUN ? s->run_gap_days : 1;
	bool strength_today = !morning_view && E->strength;
	/* the safety gates (PROTOCOL.md 10.1); their rules fire in engine.c */
	int rest = MUTANT(1) ? -1 : rp_rest_pain(r, i);
	if (rest > s->painfree_max && !why) {
		snprintf(pl->why, sizeof(pl->why), "pain at rest %d/10: no running until there is none", rest);
		why = pl->why;
	}
	if (!MUTANT(2) && !morning_view && E->during > s->ceiling && !why) {
		snprintf(pl->why, sizeof(pl->why), "pain %d/10 earlier today, over your ceiling of %d: no run today",
		         E->during, s->ceiling);
		why = pl->why;
	}
	if (!MUTANT(4) && (r->sharp_day >= 0 || (!morning_view && (E->sharp_rehab || E->sharp_other))) && !why)
		why = "sharp pain: no running until holds are pain-free again and a morning has settled";
	if (M && M->mclass == MORNING_FLARE)
		why = why ? why : "no running while the tendon is flared: wait for a settled morning";
	if (rp_unsettled_over(r, i, &over_day, &over_after, &over_latest))
		why = why ? why : over_latest ? "no running until a morning has settled after pain over your ceiling"
		                              : "no running until a morning score shows the pain over your ceiling has settled";
	if (r->stage == TENDO_STAGE_RETURN_TO_RUN && r->stage_since == 0 &&
	    r->p->start_stage == TENDO_STAGE_RETURN_TO_RUN && !why) {
		/* arrived running: a passing readiness test first (PROTOCOL.md 11) */
		const tendo_test *earlier = NULL;
		const tendo_test *t = rp_find_test(r, 0, morning_view ? i - 1 : i, &earlier);
		if (!t || !rp_test_passes(r, t, earlier, NULL))
			why = "starting mid-rehab: log a passing readiness test first (tendo log test ...)";
	}
	/* 24 h from the end of strength work to a run (PROTOCOL.md 6, 10.8):
	 * in days, or in hours when the session's time of day was logged (the
	 * run at the athlete's preferred time, when the profile has one) */
	int ls = strength_today ? i : r->last_strength;
	const char *spacing = NULL;
	if (strength_today || i - r->last_strength < s->strength_run_gap_days) {
		spacing = "no running today: strength work needs 24 h before a run";
	} else if (i - r->last_strength == s->strength_run_gap_days && r->g.days[ls].strength_end >= 0) {
		int end = r->g.days[ls].strength_end;
		int from = end + 24 * 60 * (s->strength_run_gap_days - (i - ls)); /* today's minute the 24 h are over */
		if (from > 0) {
			pl->not_before = from;
			rx_rule(rx, "spacing.hours", "strength work ended about %02d:%02d on %s: 24 h are over at %02d:%02d today%s",
			        (end / 60) % 24, end % 60, rp_fmt_day(r, ls, d1), (from / 60) % 24, from % 60,
			        r->p->run_time_set && r->p->run_time_min < from ? ", after your usual run time" : "");
		}
		if (from >= 24 * 60 || (r->p->run_time_set && r->p->run_time_min < from) ||
		    (!morning_view && E->run_start >= 0 && E->run_start < from))
			spacing = "no running today: less than 24 h after the strength work at your run time";
	}
	if (spacing) {
		rx_rule(rx, "spacing.strength_before_run", "strength work on %s: at least 24 h before running",
		        rp_fmt_day(r, ls, d1));
		why = why ? why : spacing;
	}
	if (i - r->last_long < s->long_run_gap_days) {
		rx_rule(rx, "spacing.long_run_48h", "long run on %s: 48 h before the next hard loading",
		     rp_fmt_day(r, r->last_long, d1));
		why = why ? why : "no running today: 48 h after a long run";
	}
	if (!why && i - r->last_run < gap_run) {
		rx_rule(rx, "spacing.run_rest_day", "ran on %s: a day without running in between", rp_fmt_day(r, r->last_run, d1));
		why = "no running today: a rest day between runs";
	}
	/* alternate with strength work; a skipped strength session defers a
	 * run by one day at most */
	if (!why && strength_due && r->last_strength <= r->last_run && r->last_run >= r->stage_since &&
	    i - r->last_run <= gap_run && !in_deload) {
		if (r->last_strength == NEVER)
			rx_rule(rx, "spacing.alternate", "strength is due today (none logged yet); the run goes to tomorrow");
		else
			rx_rule(rx, "spacing.alternate", "strength is due today (last on %s); the run goes to tomorrow",
			        rp_fmt_day(r, r->last_strength, d1));
		why = "strength day: the next run is tomorrow";
	}
	if (why) {
		if (why != pl->why)
			snprintf(pl->why, sizeof(pl->why), "%s", why);
		return;
	}
	int minutes = r->step; /* a deload already cut the step to its level */
	pl->deload = in_deload;
	/* once growth is weekly (a week at the cap), a week's running stays
	 * within last week's x (1 + weekly_cap) and is spread over the run days
	 * (PROTOCOL.md 10.2): the week's target is that budget, or three runs of
	 * the step when that is less. Runs alternate with strength days, three
	 * or four a week; the target is three even runs, so the runs stay even
	 * (a four-slot week runs three and rests the fourth, instead of four
	 * shorter runs and then three longer ones). No forced rest week, no
	 * catch-up week. The budget starts with the first calendar week that
	 * begins a week after the cap was reached: one begun mid-week would cut
	 * that week's last run to a remainder and the next week's first would
	 * jump. */
	int ws = rp_week_start(r, i);
	if (!MUTANT(5) && r->cap_day != NEVER && r->cap_day < ws && !in_deload) {
		/* at the cap, three runs a calendar week: the weeks before the
		 * budget are the three runs it then grows from, not four that it
		 * would have to cut */
		int runs_this_week = 0;
		for (int k = ws; k < i; k++)
			runs_this_week += rp_day(r, k) && rp_day(r, k)->runs > 0;
		if (runs_this_week >= 3) {
			snprintf(pl->why, sizeof(pl->why), "three runs this week already: the next run is next week");
			rx_rule(rx, "run.weekly_budget", "%d runs this week: at your step, three a week", runs_this_week);
			return;
		}
	}
	if (!MUTANT(5) && r->cap_day != NEVER && ws - r->cap_day >= 7 && !in_deload) {
		double last_week = ws - 7 >= 0 ? rp_run_minutes(r, ws - 7, ws - 1) : 0;
		if (ws - 7 < 0 && r->p->start_week_min > 0)
			last_week = r->p->start_week_min; /* arrived mid-rehab: the declared volume */
		if (last_week <= 0 && ws - 14 >= 0)
			last_week = rp_run_minutes(r, ws - 14, ws - 8); /* a week off: hold the week before */
		if (last_week > 0) {
			/* the first week of an athlete who arrived mid-rehab holds at the declared level (11) */
			double budget = last_week * (i <= r->hold_until ? 1.0 : 1 + s->weekly_cap);
			double target = budget < 3.0 * r->step ? budget : 3.0 * r->step;
			double done = rp_run_minutes(r, ws, i - 1);
			/* runs alternate with strength days (48 h), so a run every
			 * strength_gap_days at most in a normal week */
			int every = s->strength_gap_days > gap_run ? s->strength_gap_days : gap_run;
			int days_left = ws + 7 - i;
			int slots = (days_left + every - 1) / every;
			/* three even runs of a third of the target each; a run day after
			 * them (a four-day week) rests, one missed is made up by the
			 * fourth, never by a longer run */
			double left = target - done;
			double per = target / 3.0;
			if (left < per) {
				per = left;
				if (per < r->step / 2.0)
					per = 0; /* what is left is too little for a run of its own */
			}
			if (per < s->run_start_min)
				per = 0; /* the week is done */
			pl->week_budget = target;
			pl->week_done = done;
			if (per < s->run_start_min) {
				snprintf(pl->why, sizeof(pl->why),
				         "this week's running is done: %.0f of %.0f min run (last week %.0f, "
				         "at most +%.0f%%), too little left for another run",
				         done, target, last_week, 100 * s->weekly_cap);
				rx_rule(rx, "run.weekly_budget", "%.0f min run this week of %.0f (last week %.0f + %.0f%% at most)",
				        done, target, last_week, 100 * s->weekly_cap);
				return;
			}
			/* spread over the training days: no single run more than
			 * weekly_cap over the longest run of last calendar week (of the
			 * last 7 days when last week had none), so the week's minutes do
			 * not bunch into one long run at its end, and runs do not
			 * compound +10% on +10% inside one week */
			int longest_day = longest_run_day(r, ws - 7, ws - 1);
			if (longest_day == NEVER)
				longest_day = longest_run_day(r, i - 7, i - 1);
			double longest = longest_day != NEVER ? r->g.days[longest_day].run_min : 0;
			int spread = (int)floor(longest * (1 + s->weekly_cap) + 0.5);
			if (spread < s->run_start_min)
				spread = s->run_start_min;
			bool by_share = per < minutes, by_spread = longest_day != NEVER && spread < minutes && spread < per;
			if (by_share || by_spread) {
				minutes = by_spread ? spread : (int)per;
				pl->capped = true;
				char d[TENDO_DATE_BUFSZ];
				if (by_spread)
					rx_rule(rx, "run.weekly_budget", "spread over the week: at most %.0f%% over your longest run "
					        "of last week (%.0f min on %s): %d min today (%.0f of %.0f min run this week)",
					        100 * s->weekly_cap, longest, rp_fmt_day(r, longest_day, d), minutes, done, target);
				else
					rx_rule(rx, "run.weekly_budget", "this week's running is shared out: %.0f of %.0f min run so far "
					        "(last week %.0f, at most +%.0f%%), %d run day%s left: %d min today", done, target,
					        last_week, 100 * s->weekly_cap, slots, slots == 1 ? "" : "s", minutes);
			}
		}
	}
	pl->allowed = true;
	pl->minutes = minutes;
}
/* The last run (up to 14 days back, today included) against what was
 * prescribed that day, with what the watch saw (PROTOCOL.md 9). */
void rx_compare_last_run(const replay *r, tendo_prescription *rx, int i)
{
	const tendo_run *last = NULL;
	for (int k = r->morning ? i - 1 : i; k >= 0 && k >= i - 14 && !last; k--)
		last = r->g.days[k].last_run_entry;
	if (!last)
		return;
	const eday *e = rp_day(r, (int)(last->date - r->g.first));
	char d[TENDO_DATE_BUFSZ];
	rx->last_run.present = true;
	rx->last_run.date = last->date;
	rx->last_run.minutes = e ? e->run_min : last->minutes;
	rx->last_run.prescribed = e ? e->rx_min : 0;
	rx->last_run.km = last->km;
	rx->last_run.imported = last->imported;
	rx->last_run.uphill_s = last->imported ? last->uphill_s : NAN;
	rx->last_run.fast_s = last->imported ? last->fast_s : NAN;
	rx->last_run.cadence_spm = last->imported ? last->cadence_spm : NAN;

	char *b = rx->last_run.summary;
	size_t left = sizeof(rx->last_run.summary);
	int n = snprintf(b, left, "ran %.0f min on %s", rx->last_run.minutes, tendo_date_format(last->date, d));
#define MORE(...)                                                   \
	do {                                                        \
		if (n > 0 && (size_t)n < left) {                    \
			b += n;                                     \
			left -= (size_t)n;                          \
			n = snprintf(b, left, __VA_ARGS__);         \
		}                                                   \
	} while (0)
	if (last->km > 0)
		MORE(" (%.1f km)", last->km);
	if (rx->last_run.prescribed > 0)
		MORE(", prescribed %d", rx->last_run.prescribed);
	else if (r->stage >= TENDO_STAGE_RETURN_TO_RUN || e)
		MORE(", no run prescribed that day");
	if (last->imported) {
		if (isfinite(last->uphill_s))
			MORE("; %.0f min on grades over 4%%", last->uphill_s / 60);
		if (isfinite(last->fast_s) && last->fast_s >= 30)
			MORE("; %.0f min faster than easy pace", last->fast_s / 60);
		if (isfinite(last->cadence_spm) && r->s->usual_cadence > 0)
			MORE("; step rate %.0f/min (usual %d, %+.0f%%)", last->cadence_spm, r->s->usual_cadence,
			     100.0 * (last->cadence_spm - r->s->usual_cadence) / r->s->usual_cadence);
		else if (isfinite(last->cadence_spm))
			MORE("; step rate %.0f/min", last->cadence_spm);
		if (last->walk_spells >= 2)
			MORE("; run/walk (%d walk breaks)", last->walk_spells);
	}
#undef MORE
	rx_rule(rx, "run.compared", "%s", rx->last_run.summary);
	double moving = isfinite(last->moving_s) && last->moving_s > 0 ? last->moving_s : last->minutes * 60;
	if (last->imported && r->stage < TENDO_STAGE_FULL_LOAD && tendo_run_hilly(last->uphill_s, moving))
		rx_avoid(rx, "hills: %.0f min of the last run were on grades over 4%%", last->uphill_s / 60);
}

void engine_rx_run(replay *r, tendo_prescription *rx, int i, dayctx *c)
{
	const tendo_settings *s = r->s;
	char d1[TENDO_DATE_BUFSZ];
	bool in_deload = c->in_deload, rest_pain = c->rest_pain;
	/* --- running */
	run_plan pl;
	/* once the day's run is logged, the advice stands as it was that morning
	 * (the run's own pain speaks for the next day, not for itself) */
	bool ran = !r->morning && c->E->runs > 0;
	rp_plan_run(r, i, r->morning || ran, &pl, rx);
	bool run_progress = false, run_first = false;
	if (!pl.allowed) {
		snprintf(rx->run.why, sizeof(rx->run.why), "%s", pl.why);
	} else {
		int minutes = pl.minutes;
		rx->run.allowed = true;
		rx->run.minutes = minutes;
		rx->run.run_walk = minutes <= s->run_walk_below_min || in_deload || r->step_back_day > r->last_run;
		run_first = r->last_run < r->stage_since || r->stage_since == i;
		const eday *L = rp_day(r, r->last_run);
		/* progress is a step that went up since the last run, not a day
		 * longer than a trimmed one */
		run_progress = !run_first && L && r->last_run_rx > 0 && minutes > r->last_run_rx && !in_deload &&
		               r->step_back_day <= r->last_run && !rest_pain && r->last_step_change > r->last_run &&
		               (r->last_resp == RESP_UP || r->last_resp == RESP_GROWTH);
		bool arrived = r->stage_since == 0 && r->p->start_stage >= TENDO_STAGE_RETURN_TO_RUN;
		if (run_first && arrived) {
			snprintf(rx->run.why, sizeof(rx->run.why), "your first run here, at the step you arrived with: %d min, "
			         "flat and easy; log the next two mornings", minutes);
		} else if (run_first && r->stage == TENDO_STAGE_RETURN_TO_RUN) {
			rx_rule(rx, "run.first_test", "first run of return to run: %d min, flat or treadmill; "
			     "log the next two mornings", minutes);
			snprintf(rx->run.why, sizeof(rx->run.why),
			         "the first run is a test: %d min, flat or treadmill, then watch the next 24-48 h", minutes);
		} else if (r->step_back_day > r->last_run) {
			if (r->step_back_why)
				rx_rule(rx, "run.step_back", "one step back after the %s morning of %s: %d min (was %d)",
				     r->step_back_why == 1 ? "flared" : "raised", rp_fmt_day(r, r->step_back_cause, d1), r->step,
				     r->step_before);
			else
				rx_rule(rx, "run.step_back", "one step back after pain over the ceiling on the run of %s: "
				     "%d min (was %d)", rp_fmt_day(r, r->step_back_cause, d1), r->step, r->step_before);
			snprintf(rx->run.why, sizeof(rx->run.why), "one step back: %d min, easy and flat", minutes);
		} else if (run_progress) {
			rx_rule(rx, r->last_resp == RESP_GROWTH ? "run.weekly_10pct" : "run.step_up",
			     "ran %.0f min on %s with no raised morning: %d -> %d min", L->run_min,
			     rp_fmt_day(r, r->last_run, d1), r->last_run_rx, minutes);
			if (L->run_pain >= 0)
				rx_rule(rx, "pain.during.within_ceiling", "pain %d/10 during the run of %s, within your ceiling of %d",
				     L->run_pain, d1, s->ceiling);
			snprintf(rx->run.why, sizeof(rx->run.why), "last run went well: up to %d min, easy and flat", minutes);
		} else {
			const char *hold = "hold the step";
			switch (r->last_resp) {
			case RESP_MISSING: {
				/* named while the response is still unknown: no morning since the run */
				bool since = false;
				for (int k = r->last_resp_day + 1; k <= i && !since; k++)
					since = rp_day(r, k) && rp_day(r, k)->signal >= 0;
				hold = since ? "the step stays (the morning after the last run was not logged)"
				             : "no morning score after the last run: hold until the response is known";
				if (!since)
					rx_rule(rx, "pain.morning.missing", "no morning score on the day after the run of %s",
					        rp_fmt_day(r, r->last_resp_day, d1));
				break;
			}
			case RESP_RAISED: hold = "the morning after the last run was a little raised: hold"; break;
			case RESP_OVER: hold = "pain over your ceiling on the last run: the lowest step again"; break;
			case RESP_AFTER: hold = "pain after the last run went over your ceiling: hold";
				rx_rule(rx, "pain.after.raised", "pain after the run of %s over %d/10",
				     rp_fmt_day(r, r->last_resp_day, d1), s->ceiling);
				break;
			case RESP_TREND: hold = "morning pain is trending up: hold"; break;
			case RESP_REST: hold = "pain at rest the morning after the last run: hold"; break;
			case RESP_SHORT: hold = "the last run was shorter than prescribed: repeat the step"; break;
			case RESP_UNPRESCRIBED: hold = "the last run was on a day without one: the step stays"; break;
			case RESP_HARD: hold = "the last run had hills or speed: the step stays until a flat, easy one";
				rx_rule(rx, "run.hard_hold", "the run of %s was hilly or fast (see run.compared)",
				     rp_fmt_day(r, r->last_resp_day, d1));
				break;
			case RESP_WEEK_WAIT: hold = r->step >= s->run_step_max_min
			                         ? "at the longest run tendo prescribes: hold"
			                         : "weekly growth: the next increase is due later this week"; break;
			case RESP_NOT_CLEAN: hold = "growth waits for a week with no raised morning"; break;
			case RESP_BREAK: hold = "more than a week without running: repeat the last step before going up";
				rx_rule(rx, "run.break_hold", "no run since %s (%d days): the step up waits for a run back at %d min",
				        rp_fmt_day(r, r->last_run, d1), i - r->last_run, r->step);
				break;
			case RESP_AT_CEILING: hold = "pain during the last run was within your ceiling but not pain-free: hold";
				rx_rule(rx, "run.at_ceiling_hold", "pain %d/10 during the run of %s: above pain-free (%d), within "
				        "the ceiling (%d): the step holds", rp_day(r, r->last_resp_day)->run_pain,
				        rp_fmt_day(r, r->last_resp_day, d1), s->painfree_max, s->ceiling);
				break;
			case RESP_AGGRAVATOR: hold = "an aggravator (sitting, driving, stretching or hip-flexion lifting): hold"; break;
			case RESP_MID_HOLD: hold = "the first week holds at the level you arrived at"; break;
			default: break;
			}
			if (r->gap_cut_day > r->last_run && r->gap_cut_day <= i)
				hold = "back after a break from running: about half your last run, then +5 min a good run";
			if (in_deload)
				hold = "deload: about half your usual run";
			else if (pl.capped)
				hold = "today's share of this week's running (at most last week's + 10%)";
			rx_rule(rx, "run.step_hold", "%d min: %s", minutes, hold);
			snprintf(rx->run.why, sizeof(rx->run.why), "%s", hold);
		}
		if (r->gap_cut_day > r->last_run && r->gap_cut_day <= i && r->step >= r->gap_half)
			rx_rule(rx, "run.after_gap", "%d days without running (last on %s): restart at %d min, about half of %d, "
			        "and grow from there", i - r->last_run, rp_fmt_day(r, r->last_run, d1), r->step, r->gap_from);
		else if (r->gap_cut_day > r->last_run && r->gap_cut_day <= i)
			rx_rule(rx, "run.after_gap", "%d days without running (last on %s, %d min): restart at %d min, below "
			        "half of it, where the step already was, and grow from there", i - r->last_run,
			        rp_fmt_day(r, r->last_run, d1), r->gap_from, r->step);
		else if (!in_deload && r->deload_step_from > r->step && r->last_deload_end != NEVER &&
		         r->last_deload_end > r->last_deload_start)
			rx_rule(rx, "run.after_deload", "after the deload (ended %s): %d min now, climbing back towards %d "
			        "step by step, never in one jump", rp_fmt_day(r, r->last_deload_end, d1), r->step,
			        r->deload_step_from);
		rx_rule(rx, "run.flat_easy", "flat and easy; afternoon runs are often easier than morning ones");
		if (rx->run.run_walk)
			rx_rule(rx, "run.run_walk", "run/walk: 2 min run / 1 min walk, walk any hill");
		if (minutes >= 15)
			rx_rule(rx, "run.cadence_cue", "optional: a slightly quicker, shorter step (+5%%)");
		/* strides and short hills come last in stage 3, never on a step-back
		 * or run/walk day, and wait after a painful session (PROTOCOL.md 10.4) */
		if (r->stage == TENDO_STAGE_FULL_LOAD && r->fl_phase >= 2 && !rp_fast_withheld(r, i, NULL) &&
		    !rx->run.run_walk && r->step_back_day <= r->last_run && r->gap_cut_day <= r->last_run && !in_deload)
			rx_rule(rx, "run.speed_hills_short", "optional: 4 x 20 s strides or one short gentle hill at the end");
	}

	if (ran) {
		/* the run is done: nothing more to run today; the advice is kept */
		rx->run.advised = rx->run.allowed ? rx->run.minutes : 0;
		rx->run.allowed = false;
		rx->run.minutes = 0;
	}
	if (ran && rx->run.advised)
		snprintf(rx->run.why, sizeof(rx->run.why), "done today: ran %.0f min (advised %d)", c->E->run_min,
		         rx->run.advised);
	else if (ran)
		snprintf(rx->run.why, sizeof(rx->run.why), "ran %.0f min today; no run was advised (%.120s)",
		         c->E->run_min, pl.why);

	/* the last run against what was prescribed */
	for (int k = i - 1; k >= 0 && k >= i - 14; k--) {
		const eday *e = &r->g.days[k];
		if (!e->runs)
			continue;
		bool over = e->rx_min > 0 && e->run_min > e->rx_min * 1.25 + 0.5;
		if (e->rx_min == 0)
			rx_rule(rx, "run.over_prescription", "ran %.0f min on %s, a day without a run in the plan", e->run_min,
			     rp_fmt_day(r, k, d1));
		else if (over)
			rx_rule(rx, "run.over_prescription", "ran %.0f min on %s, prescribed %d", e->run_min, rp_fmt_day(r, k, d1),
			     e->rx_min);
		/* say it where the runner reads first: today's minutes are the plan,
		 * not the last run's (seed 003: never an arbitrary distance) */
		if (over && rx->run.allowed && rx->run.minutes < e->run_min) {
			size_t len = strlen(rx->run.why);
			snprintf(rx->run.why + len, sizeof(rx->run.why) - len,
			         "; keep to %d min, not the %.0f you ran on %s: the run grows from what was prescribed",
			         rx->run.minutes, e->run_min, rp_fmt_day(r, k, d1));
		}
		break;
	}

	rx_compare_last_run(r, rx, i);

	c->run_progress = run_progress;
	c->run_first = run_first;
}
