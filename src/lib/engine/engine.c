/*
 * engine.c - the day's prescription and its explanation (tendo/engine.h):
 * red flags first, the 24-hour signal, then running (run.c) and rehab
 * (rehab.c), stage and readiness rules, aggravators, the avoid list and the
 * decision. Every rule id used is in the registry (protocol/rules.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "engine/engine_int.h"


const char *rp_fmt_day(const replay *r, int i, char buf[TENDO_DATE_BUFSZ])
{
	if (i == NEVER) /* never a date from the sentinel (1752-...) in a reason */
		return strcpy(buf, "never");
	return tendo_date_format(r->g.first + i, buf);
}

void rx_rule(tendo_prescription *rx, const char *id, const char *fmt, ...)
{
	if (!rx)
		return; /* planning without a prescription (the replay) */
	for (size_t k = 0; k < rx->n_rules; k++)
		if (strcmp(rx->rules[k].id, id) == 0)
			return; /* first reason wins */
	if (rx->n_rules >= TENDO_RX_MAX_RULES)
		return;
	const tendo_rule *def = tendo_rule_find(id);
	tendo_rx_rule *out = &rx->rules[rx->n_rules++];
	out->id = def ? def->id : id;
	out->source = def ? def->source : "unregistered";
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->reason, sizeof(out->reason), fmt, ap);
	va_end(ap);
}

bool rx_has_rule(const tendo_prescription *rx, const char *id)
{
	for (size_t k = 0; k < rx->n_rules; k++)
		if (strcmp(rx->rules[k].id, id) == 0)
			return true;
	return false;
}

void rx_avoid(tendo_prescription *rx, const char *fmt, ...)
{
	if (rx->n_avoid >= TENDO_RX_MAX_AVOID)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rx->avoid[rx->n_avoid++], sizeof(rx->avoid[0]), fmt, ap);
	va_end(ap);
}
static void prescribe_redflag(replay *r, tendo_prescription *rx, int i, bool no_improvement)
{
	char d[TENDO_DATE_BUFSZ];
	rx->decision = TENDO_DECISION_SEEK_CARE;
	if (no_improvement) {
		rx_rule(rx, "redflag.no_improvement", "%d days of rehab and morning pain no better than in the first two weeks",
		     i);
	} else {
		const char *kind = tendo_flag_kind_name((tendo_flag_kind)r->red_flag);
		rp_fmt_day(r, r->red_flag_day, d);
		if (r->red_flag == TENDO_FLAG_POP || r->red_flag == TENDO_FLAG_BRUISING)
			rx_rule(rx, "redflag.tear", "%s reported on %s: possible tear or avulsion", kind, d);
		else if (r->red_flag == TENDO_FLAG_NUMBNESS || r->red_flag == TENDO_FLAG_TINGLING ||
		         r->red_flag == TENDO_FLAG_SPREADING)
			rx_rule(rx, "redflag.neural", "%s reported on %s: possible sciatic nerve involvement", kind, d);
		else
			rx_rule(rx, "redflag.night_pain", "night pain reported on %s", d);
	}
	snprintf(rx->run.why, sizeof(rx->run.why), "no running: see a clinician first (tendo is not a diagnosis)");
	snprintf(rx->rehab_why, sizeof(rx->rehab_why),
	         "no loading until a clinician has seen you; once they clear you: tendo log flag --kind cleared");
	rx_avoid(rx, "all running and strength work until a clinician has cleared you");
}
/* The outcome measure: a VISA-H every visa_every_days, the first one as a baseline. */
void rx_visa_due(const replay *r, tendo_prescription *rx, int i)
{
	tendo_date today = r->g.first + i;
	const tendo_visa *last = NULL;
	char d1[TENDO_DATE_BUFSZ];
	for (size_t k = 0; k < r->log->n_visa; k++) {
		const tendo_visa *v = &r->log->visa[k];
		if ((v->date < today || (v->date == today && !r->morning)) && (!last || v->date >= last->date))
			last = v;
	}
	rx->visa_due = !last || today - last->date >= r->s->visa_every_days;
	if (!last)
		rx_rule(rx, "monitor.visa_due", "no VISA-H yet: fill it in once as a baseline "
		     "(tendo log visa --items S1,S2,S3,S4,S5,S6,S7,S8 with your 8 item scores)");
	else if (today - last->date >= r->s->visa_every_days)
		rx_rule(rx, "monitor.visa_due", "the last VISA-H (%s, %d/100) is %d days old: fill it in again",
		     tendo_date_format(last->date, d1), last->total, (int)(today - last->date));
}
/*
 * The readiness tests (PROTOCOL.md 4, 10.1, 10.3, 11), one firing site for
 * each of their rules: in stage 2 the tests of the stage (at most 14 days
 * old); on the day return to run starts, the test that opened it; for an
 * athlete who arrived in return to run, the test that must come first.
 */
static void explain_readiness(const replay *r, tendo_prescription *rx, int i)
{
	const tendo_settings *s = r->s;
	char d1[TENDO_DATE_BUFSZ], d2[TENDO_DATE_BUFSZ];
	int to = r->morning ? i - 1 : i; /* the morning's record does not know the day's test */
	bool strength = r->stage == TENDO_STAGE_STRENGTH;
	bool opened = r->stage == TENDO_STAGE_RETURN_TO_RUN && r->stage_since == i && i > 0;
	bool arrived = r->stage == TENDO_STAGE_RETURN_TO_RUN && r->stage_since == 0 &&
	               r->p->start_stage == TENDO_STAGE_RETURN_TO_RUN;
	if (!strength && !opened && !arrived)
		return;
	const tendo_test *earlier = NULL, *t = NULL, *stale = NULL;
	if (strength) {
		int from = i - 14 > r->stage_since ? i - 14 : r->stage_since;
		t = rp_find_test(r, from, to, &earlier);
		stale = t ? NULL : rp_find_test(r, r->stage_since, to, NULL);
		rx_rule(rx, "stage.strength.waiting", "running starts after a passing readiness test (day %d of strength, "
		        "at least %d)", i - r->stage_since + 1, s->strength_min_days);
	} else if (opened) {
		t = rp_find_test(r, i - 14, i - 1, &earlier);
	} else {
		t = rp_find_test(r, 0, to, &earlier);
	}
	bool pass = false;
	if (t) {
		double lc, lb;
		bool items = tendo_engine_test_passes(t, earlier, r->p, &lc, &lb);
		int day_rest;
		pass = rp_test_passes(r, t, earlier, &day_rest);
		tendo_date_format(t->date, d1);
		if (items && !pass) { /* a rest report that day counts like the test's own rest item (10.1) */
			rx_rule(rx, "readiness.fail.pain", "test of %s: pain at rest %d/10 reported that day (the test's own "
			        "item said %d; need %d or less)", d1, day_rest, t->rest_pain, s->painfree_max);
		}
		if (r->p->side == TENDO_SIDE_BOTH && earlier && lc >= 0 && lb >= 0)
			rx_rule(rx, "readiness.bilateral_gain", "both sides affected: against the first test (%s) the weaker "
			        "side is at %.0f%% (curl) and %.0f%% (bridge); need %.0f%%", tendo_date_format(earlier->date, d2),
			        lc, lb, 100 * (1 + s->bilateral_gain));
		/* both sides affected: the figures are each side against its first
		 * test, not one leg against the other: say so */
		bool both = r->p->side == TENDO_SIDE_BOTH;
		if (pass)
			rx_rule(rx, "readiness.pass", both ? "tests of %s pass (the weaker side at %.0f%% of its first test on the "
			                                     "curl, %.0f%% on the bridge)%s"
			                                   : "tests of %s pass (curl LSI %.0f%%, bridge LSI %.0f%%)%s",
			        d1, lc, lb,
			        opened ? ": running starts"
			        : arrived ? ": running at your step, 24 h after the tests"
			        : i - r->stage_since < s->strength_min_days ? "; running after the minimum strength block"
			        : r->in_flare ? "; running starts once the mornings settle"
			                      : "; first run 24 h after the tests");
		else if (t->rest_pain < 0 || t->drop_lunge_pain < 0 || lc < 0 || lb < 0)
			rx_rule(rx, "readiness.incomplete", "the test of %s is missing %s", d1,
			        t->rest_pain < 0 ? "pain at rest" : t->drop_lunge_pain < 0 ? "the drop lunge"
			        : (r->p->side == TENDO_SIDE_BOTH && !earlier) ? "an earlier test to compare with (both sides affected)"
			        : lc < 0 ? "curl 10RM left and right" : "bridge reps left and right");
		else if (t->rest_pain > s->painfree_max || t->drop_lunge_pain > s->painfree_max)
			rx_rule(rx, "readiness.fail.pain", "test of %s: rest pain %d/10, drop lunge %d/10 (need %d or less)",
			        d1, t->rest_pain, t->drop_lunge_pain, s->painfree_max);
		if (!pass && lc >= 0 && lb >= 0 && r->p->side != TENDO_SIDE_BOTH && (lc < s->lsi_min || lb < s->lsi_min))
			rx_rule(rx, "readiness.fail.symmetry", "test of %s: curl LSI %.0f%%, bridge LSI %.0f%% (need %.0f%%)", d1,
			        lc, lb, s->lsi_min);
	}
	if (stale || (!pass && ((strength && i - r->stage_since >= s->strength_min_days - 2) || arrived)))
		rx->test_due = true;
	if (stale)
		rx_rule(rx, "readiness.due", "the last test (%s) is more than 14 days old: test again",
		        tendo_date_format(stale->date, d2));
	else if (rx->test_due)
		rx_rule(rx, "readiness.due", "%s (tendo log test ...)",
		        arrived ? "you arrived running: log a passing readiness test before the first run here"
		                : "do the readiness tests and log them");
}

void engine_prescribe_day(replay *r, tendo_prescription *rx, int i)
{
	const tendo_settings *s = r->s;
	const eday *E = &r->g.days[i];
	const eday *Y = rp_day(r, i - 1);
	char d1[TENDO_DATE_BUFSZ], d2[TENDO_DATE_BUFSZ];

	rx->stage = r->stage;
	rx->run.terrain = TENDO_TERRAIN_FLAT;

	/* red flags first: nothing else matters */
	bool noimp = r->red_flag < 0 && rp_no_improvement(r, i);
	if (r->red_flag >= 0 || noimp) {
		prescribe_redflag(r, rx, i, noimp);
		return;
	}

	/* the 24-hour signal */
	const eday *M = rp_latest_morning(r, i);
	bool flare_now = M && M->mclass == MORNING_FLARE;
	bool flare_recent = E->mclass == MORNING_FLARE || (Y && Y->mclass == MORNING_FLARE);
	double wk = -1, prev = -1;
	bool rising = rp_trend_rising(r, i, &wk, &prev);
	if (M) {
		const char *what = M->signal_is_task ? "monitoring task" : "morning pain";
		const char *when = M == E ? "today" : "yesterday";
		char base[32] = "no usual level yet";
		if (M->baseline >= 0)
			snprintf(base, sizeof(base), "usual %.1f", M->baseline);
		/* yesterday's score while today's is missing: say which day it speaks for */
		const char *then = M == E ? "" : " then; today's is not logged yet";
		if (M->mclass == MORNING_FLARE)
			rx_rule(rx, "pain.morning.flare", "%s %d/10 %s (%s): a flare%s", what, M->signal, when, base, then);
		else if (M->mclass == MORNING_RAISED)
			rx_rule(rx, "pain.morning.raised", "%s %d/10 %s (%s): a little raised, hold%s", what, M->signal, when,
			        base, then);
		else
			rx_rule(rx, "pain.morning.settled", "%s %d/10 %s (%s): settled%s", what, M->signal, when, base, then);
	}
	rx->provisional = E->signal < 0;
	if (E->signal < 0)
		rx_rule(rx, "monitor.morning_first", "no morning score today: do the monitoring task (3 short-lever "
		     "single-leg bridges) and log it first (tendo log pain --kind task --score N); until then this is provisional");
	else if (E->task < 0)
		rx_rule(rx, "monitor.daily_task", "no monitoring task score today: do 3 short-lever single-leg bridges "
		     "and log it (tendo log pain --kind task --score N)");
	if (r->flare_since >= 0 && i - r->flare_since >= s->flare_long_days)
		rx_rule(rx, "pain.flare.long", "flared since %s (%d days): see a clinician for a review; "
		     "keep the isometric holds at their relieving dose", rp_fmt_day(r, r->flare_since, d1), i - r->flare_since + 1);
	if (i <= r->hold_until && r->p->start_stage > TENDO_STAGE_SETTLE)
		rx_rule(rx, "start.mid_rehab", "started in stage %s on %s%s%s: the first %d days hold at the declared level",
		     tendo_stage_title(r->p->start_stage), rp_fmt_day(r, 0, d1), r->p->cleared_by[0] ? ", set by " : "",
		     r->p->cleared_by, s->mid_rehab_hold_days);
	rx_visa_due(r, rx, i);
	if (rising)
		rx_rule(rx, "pain.trend.rising", "mean morning score %.1f this week against %.1f last week", wk, prev);

	int over_day = -1;
	bool over_after = false;
	const eday *over_latest = NULL;
	bool unsettled = rp_unsettled_over(r, i, &over_day, &over_after, &over_latest);
	if (unsettled && over_after)
		rx_rule(rx, "pain.after.raised", "pain %d/10 after a session on %s, over your ceiling of %d; %s",
		     r->g.days[over_day].after, rp_fmt_day(r, over_day, d1), s->ceiling,
		     over_latest ? "the mornings since have not settled" : "no morning score since: the response is unknown");
	else if (unsettled)
		rx_rule(rx, "pain.during.over_ceiling", "pain %d/10 during a session on %s, over your ceiling of %d; %s",
		     r->g.days[over_day].during, rp_fmt_day(r, over_day, d1), s->ceiling,
		     over_latest ? "the mornings since have not settled" : "no morning score since: the response is unknown");
	if (!r->morning && E->during > s->ceiling)
		rx_rule(rx, "pain.today.over_ceiling", "pain %d/10 during a session earlier today, over your ceiling of %d: "
		     "no run later today", E->during, s->ceiling);
	bool sharp_today = !r->morning && (E->sharp_rehab || E->sharp_other);
	bool sharp_rehab = r->sharp_day >= 0 ? r->sharp_what == 'x' : E->sharp_rehab;
	int sharp_day = r->sharp_day >= 0 ? r->sharp_day : i;
	if (r->sharp_day >= 0 || sharp_today)
		rx_rule(rx, "pain.sharp.outstanding", "sharp pain during %s on %s: no running until %s restarts with "
		        "pain-free holds and a settled morning", sharp_rehab ? "rehab" : "an activity",
		        rp_fmt_day(r, sharp_day, d1), sharp_rehab ? "rehab" : "it");

	bool in_deload = r->deload_to >= i && r->deload_from <= i;
	if (in_deload) {
		rx_rule(rx, r->deload_reason == 1 ? "deload.repeated_flares" : "deload.stalled",
		     r->deload_reason == 1 ? "%d or more flares within %d days" : "no running progress for %d days",
		     r->deload_reason == 1 ? s->flare_repeat : s->stall_days, s->flare_window_days);
		if (r->deload_step_from > 0 && r->stage >= TENDO_STAGE_RETURN_TO_RUN)
			rx_rule(rx, "deload.active", "deload from %s to %s: running restarts at %d min (was %d) and climbs "
			        "back step by step; strength 2 sets, -30%%", rp_fmt_day(r, r->deload_from, d1),
			        rp_fmt_day(r, r->deload_to, d2), r->step, r->deload_step_from);
		else
			rx_rule(rx, "deload.active", "deload from %s to %s: about half the usual volume",
			        rp_fmt_day(r, r->deload_from, d1), rp_fmt_day(r, r->deload_to, d2));
	}
	/* sharp pain: back to stage 1 for that activity (PROTOCOL.md 2) */
	bool regressed = r->regress_day >= 0 && i - r->regress_day <= 2 && i >= r->regress_day;
	if (regressed)
		rx_rule(rx, "pain.sharp.regress", "sharp pain on the run of %s: back to stage 1",
		        rp_fmt_day(r, r->regress_day - 1, d1));
	else if (r->sharp_day >= 0 || sharp_today)
		rx_rule(rx, "pain.sharp.regress", "sharp pain during %s on %s: %s", sharp_rehab ? "rehab" : "an activity",
		        rp_fmt_day(r, sharp_day, d2),
		        sharp_rehab ? "strength work back to stage 1, pain-free isometric holds"
		                    : "stop that activity; back to stage 1 for it");
	int rest = rp_rest_pain(r, i);
	bool rest_pain = rest > s->painfree_max;
	if (rest_pain)
		rx_rule(rx, "pain.rest.present", "pain at rest %d/10 %s: no running and no progression "
		     "(there should be no pain at rest)", rest, E->rest == rest ? "today" : "yesterday");
	dayctx c = { .E = E, .Y = Y, .M = M, .flare_now = flare_now, .flare_recent = flare_recent, .rising = rising,
		.unsettled = unsettled, .in_deload = in_deload, .regressed = regressed, .rest_pain = rest_pain, .rest = rest };
	engine_rx_run(r, rx, i, &c);
	engine_rx_rehab(r, rx, i, &c);
	bool run_progress = c.run_progress, run_first = c.run_first;
	bool rehab_progress = c.rehab_progress, rehab_reduced = c.rehab_reduced;

	/* --- stage rules */
	if (r->stage_since == i && i > 0)
		rx_rule(rx, "stage.start", "%s starts today", tendo_stage_name(r->stage));
	if (r->stage == TENDO_STAGE_SETTLE) {
		char why[TENDO_RX_REASON];
		if (!rp_settle_ready(r, i, why, sizeof(why)))
			rx_rule(rx, "stage.settle.waiting", "still to come: %s", why);
	}
	if (r->stage == TENDO_STAGE_STRENGTH && r->pause_day == r->stage_since) {
		char cause[160];
		if (r->pause_count > 0)
			snprintf(cause, sizeof(cause), "%d runs of about %d min in %d days each followed by a raised or flared "
			         "morning or pain over the ceiling", r->pause_count, r->pause_step, s->repeat_window_days);
		else
			snprintf(cause, sizeof(cause), "%s at the lowest step (%d min)",
			         r->pause_count == -1 ? "repeated flares" : "two weeks without progress", r->pause_step);
		rx_rule(rx, "run.pause_strength_block", "%.120s (%s): running pauses for a strength block of at least %d days, "
		        "then the readiness tests again", cause, rp_fmt_day(r, r->pause_day, d1),
		        s->strength_block_days > s->strength_min_days ? s->strength_block_days : s->strength_min_days);
	}
	else if (r->stage_since == i && r->stage == TENDO_STAGE_STRENGTH && r->regress_day != i && i > 0)
		rx_rule(rx, "stage.settle.exit", "a week of stage 1 with no pain at rest, pain-free isometrics and no flare: "
		     "strength work starts");
	if (r->stage_since == i && r->stage == TENDO_STAGE_FULL_LOAD)
		rx_rule(rx, "stage.return_to_run.exit", "%.0f min of running in the last 7 days (target %.0f%s) without a "
		     "flare in 14 days: stage 3", rp_run_minutes(r, i - 7, i - 1), r->target_week,
		     r->target_preinjury ? ", your weekly running before the injury" : "");
	explain_readiness(r, rx, i);
	if (r->stage == TENDO_STAGE_FULL_LOAD)
		rx_rule(rx, "stage.full_load.content", "strength into hip flexion and short speed/hill work, built slowly");
	/* since the stage began: work logged in the stage before a restart
	 * (a clearance, sharp pain) was not too early then */
	for (int k = r->morning ? i - 1 : i; k >= 0 && k >= i - 7 && k >= r->stage_since; k--) {
		const eday *e = &r->g.days[k];
		if (e->late_ex && e->late_stage > r->stage) {
			rx_rule(rx, "stage.exercise_too_early", "%s (a %s exercise) logged on %s, in %s", e->late_ex,
			     tendo_stage_name(e->late_stage), rp_fmt_day(r, k, d1), tendo_stage_name(r->stage));
			break;
		}
	}

	/* --- aggravators and cross-training */
	/* PROTOCOL.md 10.7: today's or yesterday's aggravators; each holds
	 * progression the next day (respond_to_run, may_progress) */
	for (int k = r->morning ? i - 1 : i; k >= 0 && k >= i - 1; k--) {
		const eday *e = &r->g.days[k];
		if (e->sitting_h >= s->sitting_hours_max - 1e-9)
			rx_rule(rx, "aggravator.sitting", "%.1f h %s in one go on %s: stand up every 30-45 min, use a cushion; "
			        "no progression the next day", e->sitting_h, e->agg_driving ? "driving" : "sitting",
			        rp_fmt_day(r, k, d1));
		else if (e->sitting_pain > s->ceiling)
			rx_rule(rx, "aggravator.sitting", "pain %d/10 after sitting on %s, over your ceiling of %d: break up "
			        "sitting; no progression the next day", e->sitting_pain, rp_fmt_day(r, k, d1), s->ceiling);
		if (e->agg_stretch)
			rx_rule(rx, "aggravator.stretching", "hamstring stretching on %s: it compresses the tendon, leave it out "
			        "for now; no progression the next day", rp_fmt_day(r, k, d1));
		if (e->agg_lift)
			rx_rule(rx, "aggravator.hip_flexion", "heavy lifting into hip flexion on %s: no progression the next day",
			        rp_fmt_day(r, k, d1));
	}
	if (r->stage <= TENDO_STAGE_RETURN_TO_RUN) {
		if (r->stage <= TENDO_STAGE_STRENGTH)
			rx_avoid(rx, "running, until the readiness tests pass");
		rx_avoid(rx, "stretching the hamstring");
		rx_avoid(rx, "squats, lunges and deep hip flexion under load");
		rx_avoid(rx, "glute kickbacks; stiff-leg deadlifts and RDLs");
		rx_avoid(rx, "hill and speed work; overstriding");
		rx_avoid(rx, "long sitting or driving without breaks");
		rx_avoid(rx, "massage or foam rolling on the tendon");
	} else {
		rx_avoid(rx, "stretching the hamstring");
		rx_avoid(rx, "long hill or speed sessions: keep them short, build slowly");
		rx_avoid(rx, "long sitting or driving without breaks");
	}
	rx_rule(rx, "avoid.stage", "the %s list of seeds 000, 003 and 004", tendo_stage_name(r->stage));
	for (int kind = 0; kind < TENDO_CROSS_KINDS; kind++) {
		int worst = -1, wday = -1, sessions = 0;
		for (int k = r->morning ? i - 1 : i; k >= 0 && k >= i - 28; k--) {
			const eday *e = &r->g.days[k];
			if (!e->cross_done[kind])
				continue;
			sessions++;
			if (e->cross_pain[kind] > worst) {
				worst = e->cross_pain[kind];
				wday = k;
			}
		}
		const char *name = tendo_cross_kind_name((tendo_cross_kind)kind);
		if (worst > s->ceiling) {
			rx_avoid(rx, "%s (%d/10 on %s)", name, worst, rp_fmt_day(r, wday, d1));
			rx_rule(rx, "cross.aggravating", "%s hurt %d/10 on %s", name, worst, d1);
		} else if (sessions >= 2 && worst >= 0 && worst <= s->painfree_max) {
			rx_rule(rx, "cross.tolerated", "%s: %d sessions at %d/10 or less in 4 weeks", name, sessions, worst);
		}
	}

	/* --- the decision */
	bool reduce = flare_now || unsettled || rehab_reduced ||
	              (rx->run.allowed && r->step_back_day > r->last_run);
	if (regressed || (r->stage == TENDO_STAGE_STRENGTH && r->pause_day == r->stage_since && r->stage_since == i))
		rx->decision = TENDO_DECISION_REGRESS; /* sharp pain, or running paused for a strength block */
	else if (in_deload)
		rx->decision = TENDO_DECISION_DELOAD;
	else if (reduce)
		rx->decision = TENDO_DECISION_REDUCE;
	else if (r->stage_since == i || run_first || i == r->p->start - r->g.first)
		rx->decision = TENDO_DECISION_START;
	else if (!flare_recent && !rising && !rest_pain && !(M && M->mclass == MORNING_RAISED) &&
	         !rp_aggravated(r, i) && !rp_aggravated(r, i - 1) && (run_progress || rehab_progress))
		rx->decision = TENDO_DECISION_PROGRESS;
	else
		rx->decision = TENDO_DECISION_HOLD;
	if (rx->decision == TENDO_DECISION_HOLD && !rx_has_rule(rx, "run.step_hold") && !rx->rehab_why[0])
		snprintf(rx->rehab_why, sizeof(rx->rehab_why), "hold");
	/* what was logged that day, so the day can say it is done (the record
	 * of a past morning shows what was advised, then what was done) */
	rx->done.run = E->runs > 0;
	rx->done.run_min = E->run_min;
	rx->done.strength = E->strength;
	rx->done.holds = E->iso > 0;
}
const char *tendo_decision_name(tendo_decision d)
{
	switch (d) {
	case TENDO_DECISION_START: return "start";
	case TENDO_DECISION_PROGRESS: return "progress";
	case TENDO_DECISION_HOLD: return "hold";
	case TENDO_DECISION_REDUCE: return "reduce";
	case TENDO_DECISION_DELOAD: return "deload";
	case TENDO_DECISION_REGRESS: return "regress";
	case TENDO_DECISION_SEEK_CARE: return "seek_care";
	}
	return "?";
}

bool tendo_rx_has_strength(const tendo_prescription *rx)
{
	for (size_t k = 0; k < rx->n_rehab; k++)
		if (rx->rehab[k].exercise->kind != TENDO_EX_ISOMETRIC)
			return true;
	return false;
}
