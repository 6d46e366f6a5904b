/*
 * rehab.c - isometrics and strength work: which exercises today, and each
 * load from that exercise's own history.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>

#include "engine/engine_int.h"

/* The last loaded session of an exercise before day `before` on one side
 * (TENDO_SIDE_BOTH: done with both legs), or NULL. With `week_ref`, also
 * the reference for the weekly cap: the last load dated a week or more
 * before, else the first within the week. Reads the digest's per-day index
 * back at most LOAD_LOOKBACK days: a load older than half a year is not a
 * guide (find a weight that gets hard on rep 8 again). */
#define LOAD_LOOKBACK 183
static const tendo_rehab *last_side(const replay *r, const char *name, int before, tendo_side side,
                                    const tendo_rehab **week_ref)
{
	const tendo_rehab *best = NULL, *old = NULL, *first_in = NULL;
	for (int d = before - 1; d >= 0 && d >= before - LOAD_LOOKBACK; d--) {
		const eday *e = &r->g.days[d];
		for (int k = e->rehab_n - 1; k >= 0; k--) { /* latest id first */
			const tendo_rehab *x = r->g.rehab[e->rehab_at + k];
			if ((x->side != side && !MUTANT(7)) || x->kg <= 0 || strcmp(x->exercise, name) != 0)
				continue;
			if (!best)
				best = x;
			if (d <= before - 7) {
				old = x;
				break;
			}
			first_in = x; /* the earliest within the week so far */
		}
		if (old || (best && !week_ref))
			break;
	}
	if (week_ref)
		*week_ref = old ? old : first_in;
	return best;
}

/* Any side's last loaded session (for tools and the report). */
const tendo_rehab *rp_last_rehab(const replay *r, const char *name, int before)
{
	const tendo_rehab *best = NULL;
	for (int side = 0; side < 3; side++) {
		const tendo_rehab *x = last_side(r, name, before, (tendo_side)side, NULL);
		if (x && (!best || x->date > best->date || (x->date == best->date && x->id > best->id)))
			best = x;
	}
	return best;
}

static double plate_down(double kg, double plate)
{
	return floor(kg / plate + 1e-9) * plate;
}

/* One side's load for today (PROTOCOL.md 10.2): from that side's own
 * history, at most +load_step_session a session and +load_step_week a week,
 * rounded down to the plate step; 85% after a strength gap; lighter on a
 * deload or a step back. Writes a short text; returns the kg (-1 none) and
 * sets *progress when the load rises. */
static double side_load(replay *r, const char *name, int i, tendo_side side, dose_mode mode, bool may_progress,
                        char *txt, size_t txtsz, bool *progress, bool *gap, bool *stuck)
{
	const tendo_settings *s = r->s;
	const tendo_rehab *ref = NULL;
	const tendo_rehab *last = last_side(r, name, i, side, &ref);
	double base;
	if (last) {
		base = last->kg;
	} else if (strcmp(name, "prone-curl") == 0 && r->p->start_curl_kg > 0) {
		base = r->p->start_curl_kg; /* arrived mid-rehab with a current load (PROTOCOL.md 11) */
	} else {
		txt[0] = '\0';
		return -1;
	}
	double kg = base;
	const char *how = "as last time";
	char cut[64];
	if (last && (r->g.first + i) - last->date >= s->gap_days) {
		kg = plate_down(base * s->strength_restart, s->plate_kg);
		how = "restart after a break";
		*gap = true;
	} else if (mode == DOSE_DELOAD || mode == DOSE_REDUCED) {
		/* the cut as the plates make it, said as it is (20 kg - 20% is 15 kg: -25%) */
		kg = plate_down(base * (mode == DOSE_DELOAD ? 0.7 : 0.8), s->plate_kg);
		snprintf(cut, sizeof(cut), "%s -%.0f%%", mode == DOSE_DELOAD ? "deload" : "one step back",
		         base > 0 ? 100 * (1 - kg / base) : 0);
		how = cut;
	} else if (may_progress && last && last->pain_during <= s->ceiling && last->rpe >= 0 && last->rpe <= 7) {
		double up = base * (1 + (MUTANT(6) ? 0.2 : s->load_step_session));
		if (!MUTANT(6) && ref && ref->kg > 0 && up > ref->kg * (1 + s->load_step_week))
			up = ref->kg * (1 + s->load_step_week);
		up = plate_down(up, s->plate_kg);
		if (up > base + 1e-9) {
			kg = up;
			how = "up from last time";
			*progress = true;
		} else {
			/* a light load, where one plate is more than the 5% cap: it holds
			 * (10.2); the rule's text says how smaller plates let it rise */
			snprintf(cut, sizeof(cut), "same load: one plate is +%.0f%%, over the %.0f%% cap",
			         100 * s->plate_kg / base, 100 * s->load_step_session);
			how = cut;
			*stuck = true;
		}
	}
	snprintf(txt, txtsz, "%s%s%.2f kg (%s, last %.2f kg)", side == TENDO_SIDE_BOTH ? "" : tendo_side_name(side),
	         side == TENDO_SIDE_BOTH ? "" : " ", kg, how, base);
	return kg;
}

/* Add one exercise; returns true when its load progresses. */
bool rx_add_item(replay *r, tendo_prescription *rx, const char *name, int i, dose_mode mode,
                     bool may_progress, int hold_override)
{
	const tendo_exercise *ex = tendo_exercise_find(name);
	if (!ex || rx->n_rehab >= TENDO_RX_MAX_REHAB)
		return false;
	tendo_rx_item *it = &rx->rehab[rx->n_rehab++];
	it->exercise = ex;
	it->sets = ex->sets;
	it->reps = ex->reps;
	it->hold_s = hold_override > 0 ? hold_override : ex->hold_s;
	it->kg = it->kg_left = it->kg_right = -1;
	if (ex->heavy && mode == DOSE_NORMAL && i - r->stage_since >= 14)
		it->sets = 4; /* 3-4 sets: the fourth once the first fortnight is done */
	if (mode != DOSE_NORMAL && it->sets > 2)
		it->sets = 2;
	bool progress = false, gap = false, stuck = false;
	if (ex->kind == TENDO_EX_ISOMETRIC) {
		snprintf(it->load, sizeof(it->load), mode == DOSE_NORMAL ? "body weight" : "body weight, gentle");
		return false;
	}
	if (!ex->heavy) {
		snprintf(it->load, sizeof(it->load), "body weight or band, slow");
		return false;
	}
	/* one leg at a time when the last session was, each side from its own
	 * history; else both legs together */
	const tendo_rehab *any = rp_last_rehab(r, name, i);
	char a[96] = "", b[96] = "";
	/* one leg at a time while the athlete has a one-leg history of it: a
	 * both-legs load is never a leg's own (PROTOCOL.md 10.2) */
	bool one_leg = last_side(r, name, i, TENDO_SIDE_LEFT, NULL) || last_side(r, name, i, TENDO_SIDE_RIGHT, NULL);
	if (one_leg) {
		/* the day progresses when an affected leg's load rises, not the healthy one's */
		tendo_side aff = r->p->side;
		bool up_l = false, up_r = false;
		/* a step back is the painful tendon's: the healthy leg holds its load
		 * (its dose is its own history, PROTOCOL.md 10.2); a deload cuts all */
		bool step_back = mode == DOSE_REDUCED;
		const tendo_rehab *ll = last_side(r, name, i, TENDO_SIDE_LEFT, NULL);
		const tendo_rehab *lr = last_side(r, name, i, TENDO_SIDE_RIGHT, NULL);
		bool hurt_l = ll && ll->pain_during > r->s->ceiling, hurt_r = lr && lr->pain_during > r->s->ceiling;
		/* a morning cause steps back the affected leg(s); a set that hurt
		 * steps back the leg it was done with (both sides affected too) */
		bool cut_l = aff != TENDO_SIDE_RIGHT, cut_r = aff != TENDO_SIDE_LEFT;
		if (r->cut_set_pain && (hurt_l || hurt_r)) {
			cut_l = hurt_l;
			cut_r = hurt_r;
		} else {
			cut_l |= hurt_l;
			cut_r |= hurt_r;
		}
		dose_mode ml = step_back && !cut_l ? DOSE_NORMAL : mode;
		dose_mode mr = step_back && !cut_r ? DOSE_NORMAL : mode;
		it->kg_left = side_load(r, name, i, TENDO_SIDE_LEFT, ml, may_progress && !step_back, a, sizeof(a), &up_l, &gap, &stuck);
		it->kg_right = side_load(r, name, i, TENDO_SIDE_RIGHT, mr, may_progress && !step_back, b, sizeof(b), &up_r, &gap, &stuck);
		progress = (up_l && aff != TENDO_SIDE_RIGHT) || (up_r && aff != TENDO_SIDE_LEFT);
		it->kg = aff == TENDO_SIDE_LEFT ? it->kg_left : aff == TENDO_SIDE_RIGHT ? it->kg_right : -1;
		/* a side with no history of its own gets no number, never the other
		 * side's: the affected one is told to find its weight, the healthy
		 * one (not part of the rehab) is left out */
		bool need_l = aff == TENDO_SIDE_LEFT || aff == TENDO_SIDE_BOTH, need_r = aff == TENDO_SIDE_RIGHT || aff == TENDO_SIDE_BOTH;
		const char *la = a[0] ? a : need_l ? "left: find a weight hard on rep 8" : "";
		const char *rb = b[0] ? b : need_r ? "right: find a weight hard on rep 8" : "";
		snprintf(it->load, sizeof(it->load), "%s%s%s", la, la[0] && rb[0] ? "; " : "", rb);
	} else {
		it->kg = side_load(r, name, i, TENDO_SIDE_BOTH, mode, may_progress, a, sizeof(a), &progress, &gap, &stuck);
		if (it->kg < 0)
			snprintf(it->load, sizeof(it->load), "a weight that gets hard on rep %d", ex->reps);
		else
			snprintf(it->load, sizeof(it->load), "%s", a);
	}
	char d1[TENDO_DATE_BUFSZ];
	if (gap)
		rx_rule(rx, "rehab.after_gap", "%s: %d days or more since the last session: loads restart at %.0f%%",
		        ex->name, r->s->gap_days, 100 * r->s->strength_restart);
	if (it->kg >= 0 || it->kg_left >= 0 || it->kg_right >= 0) {
		/* the loads in short (the item's own text says how each came) */
		char kgs[64];
		if (it->kg_left >= 0 && it->kg_right >= 0)
			snprintf(kgs, sizeof(kgs), "left %.2f kg, right %.2f kg", it->kg_left, it->kg_right);
		else if (it->kg_left >= 0 || it->kg_right >= 0)
			snprintf(kgs, sizeof(kgs), "%s %.2f kg", it->kg_left >= 0 ? "left" : "right",
			         it->kg_left >= 0 ? it->kg_left : it->kg_right);
		else
			snprintf(kgs, sizeof(kgs), "%.2f kg", it->kg);
		rx_rule(rx, "rehab.load_per_side", "%s %s (at most +%.0f%% a session and +%.0f%% a week, %.2f kg plates; "
		        "from %s)%s", ex->name, kgs, 100 * r->s->load_step_session, 100 * r->s->load_step_week,
		        r->s->plate_kg, any ? tendo_date_format(any->date, d1) : "the declared load",
		        stuck ? "; smaller plates let a load this light rise: tendo profile --set plate_kg=0.5" : "");
	}
	return progress;
}

void engine_rx_rehab(replay *r, tendo_prescription *rx, int i, dayctx *c)
{
	const tendo_settings *s = r->s;
	const eday *E = c->E, *M = c->M;
	char d1[TENDO_DATE_BUFSZ];
	bool flare_now = c->flare_now, flare_recent = c->flare_recent, rising = c->rising;
	bool unsettled = c->unsettled, in_deload = c->in_deload, regressed = c->regressed, rest_pain = c->rest_pain;
	/* --- rehab */
	bool rehab_progress = false, rehab_reduced = false;
	bool sharp = (r->sharp_day >= 0 && r->sharp_what == 'x') || (!r->morning && E->sharp_rehab);
	bool long_flare = r->flare_since >= 0 && i - r->flare_since >= s->flare_long_days;
	bool iso_only = r->stage == TENDO_STAGE_SETTLE || flare_now || regressed || sharp;
	if (iso_only) {
		/* a long flare keeps the holds at their relieving dose (seed 004: 2-5 min a day) */
		bool gentle = flare_now && !long_flare;
		int hold = gentle ? 30 : long_flare ? 45 : r->iso_hold;
		dose_mode m = gentle ? DOSE_REDUCED : DOSE_NORMAL;
		rx_add_item(r, rx, "iso-bridge", i, m, false, hold);
		if (!gentle) {
			if (r->stage == TENDO_STAGE_SETTLE && i - r->stage_since >= 7)
				rx_add_item(r, rx, "iso-bridge-single", i, m, false, hold);
			rx_add_item(r, rx, "iso-curl", i, m, false, hold);
		}
		if (sharp && !flare_now) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why),
			         "sharp pain in rehab: back to pain-free isometric holds before strength work");
			rehab_reduced = true;
		} else if (long_flare) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why),
			         "a long flare: isometric holds at their relieving dose (2-5 min a day); see a clinician");
			rehab_reduced = true;
		} else if (flare_now && r->stage > TENDO_STAGE_SETTLE) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why),
			         "flare: isometric holds only, for relief; strength work waits for a settled morning");
			rehab_reduced = true;
		} else if (flare_now) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "flare: fewer, gentler holds today (stop above %d/10)",
			         s->ceiling);
			rehab_reduced = true;
		} else {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "isometric holds, %d s each; daily", hold);
			if (r->iso_up_day == i)
				rehab_progress = true;
		}
		if (r->stage == TENDO_STAGE_SETTLE)
			rx_rule(rx, "stage.settle.isometrics", "stage 1: holds of %d s", hold);
		rx_rule(rx, "spacing.isometrics_daily", "isometrics are fine every day and ease pain");
	} else {
		bool strength_due = i - r->last_strength >= s->strength_gap_days;
		bool long_block = i - r->last_long < s->long_run_gap_days;
		if (!r->morning && E->strength) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "strength work done today: next session in %d days",
			         s->strength_gap_days);
		} else if (rx->run.allowed || (!r->morning && E->runs)) {
			rx_rule(rx, "spacing.run_before_strength", "run day: strength work waits 24 h");
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "run day: no strength work; holds optional for relief");
			rx_add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else if (long_block) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "48 h after a long run: holds only");
			rx_add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else if (!strength_due) {
			rx_rule(rx, "spacing.strength_48h", "strength work on %s: next session 48 h later",
			     rp_fmt_day(r, r->last_strength, d1));
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "rest day from strength (48 h rule); holds optional");
			rx_add_item(r, rx, "iso-bridge-single", i, DOSE_NORMAL, false, 45);
		} else {
			dose_mode m = in_deload ? DOSE_DELOAD : DOSE_NORMAL;
			const eday *ls = rp_day(r, r->last_strength);
			/* a flare since the last strength session (within the week), or a
			 * raised morning after it: this session is the next of its kind,
			 * made easier (PROTOCOL.md 2, 6) */
			int from = r->last_strength != NEVER && r->last_strength + 1 > i - 7 ? r->last_strength + 1 : i - 7;
			int flared = -1;
			for (int k = from; k < i && flared < 0; k++)
				if (rp_day(r, k) && rp_day(r, k)->mclass == MORNING_FLARE)
					flared = k;
			const eday *after = r->last_strength != NEVER ? rp_day(r, r->last_strength + 1) : NULL;
			bool raised_after = after && r->last_strength + 1 < i && after->mclass == MORNING_RAISED;
			r->cut_set_pain = ls && ls->strength_pain > s->ceiling && !unsettled && flared < 0 && !raised_after;
			if (!in_deload && (unsettled || (ls && ls->strength_pain > s->ceiling) || flared >= 0 || raised_after)) {
				m = DOSE_REDUCED;
				rehab_reduced = true;
				if (ls && ls->strength_pain > s->ceiling)
					rx_rule(rx, "pain.during.over_ceiling", "strength work on %s hurt %d/10: one step back",
					     rp_fmt_day(r, r->last_strength, d1), ls->strength_pain);
				else if (flared >= 0 || raised_after)
					rx_rule(rx, "rehab.step_back", "the %s morning of %s came after the last strength session: "
					        "this one is a step back (2 sets, lighter)", flared >= 0 ? "flared" : "raised",
					        rp_fmt_day(r, flared >= 0 ? flared : r->last_strength + 1, d1));
			}
			bool may = !flare_recent && !rising && !rest_pain && !(M && M->mclass == MORNING_RAISED) &&
			           !rp_aggravated(r, i) && !rp_aggravated(r, i - 1) && i > r->hold_until;
			int rot = r->strength_days % 2;
			int in_stage = i - r->stage_since;
			const char *picks[8];
			int np = 0;
			picks[np++] = "prone-curl";
			if (r->stage == TENDO_STAGE_STRENGTH)
				picks[np++] = in_stage < 14 ? "bridge-90" : "single-leg-bridge";
			else if (r->stage == TENDO_STAGE_RETURN_TO_RUN)
				picks[np++] = "single-leg-bridge";
			picks[np++] = "hip-thrust";
			if (r->stage == TENDO_STAGE_FULL_LOAD ||
			    (r->stage == TENDO_STAGE_RETURN_TO_RUN && in_stage >= 14))
				picks[np++] = "nordic-negative";
			if (r->stage == TENDO_STAGE_FULL_LOAD) {
				/* one new kind of load at a time (PROTOCOL.md 10.4) */
				int since = 0;
				bool withheld = rp_fast_withheld(r, i, &since);
				bool stepped_back = r->step_back_day > r->last_run;
				picks[np++] = rot ? "deadlift" : "squat";
				if (r->fl_phase >= 1)
					picks[np++] = "lunge";
				if (r->fl_phase >= 1 && !withheld && !stepped_back && m == DOSE_NORMAL)
					picks[np++] = "skips";
				rx_rule(rx, "stage.full_load.sequence", "stage 3 since %s: %s",
				        rp_fmt_day(r, r->stage_since, d1),
				        r->fl_phase == 0 ? "hip-flexion strength first, plyometrics after about two settled weeks"
				        : r->fl_phase == 1 ? "hip-flexion strength and short plyometrics; strides and hills next"
				                           : "strength, plyometrics, and short strides and hills");
				if (withheld && r->fl_phase >= 1)
					rx_rule(rx, "stage.full_load.fast_withheld", "a session over the ceiling or a raised morning on %s: "
					        "no plyometrics, strides or hills until %d days after it",
					        rp_fmt_day(r, since, d1), s->fast_withhold_days);
			} else {
				picks[np++] = rot ? "ball-squeeze" : "adductor";
				picks[np++] = rot ? "clam" : "band-walk";
			}
			for (int k = 0; k < np && k < 7; k++)
				rehab_progress |= rx_add_item(r, rx, picks[k], i, m, may, 0);
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "%s",
			         m == DOSE_DELOAD ? "strength day, deload: 2 sets, lighter"
			         : m == DOSE_REDUCED ? "strength day, one step back: 2 sets, lighter"
			         : "strength day: heavy and slow (3 s up, 3 s down), stop at 3/10 pain");
			rx_rule(rx, "stage.strength.hsr", "strength day: heavy slow resistance, %d sets", rx->rehab[0].sets);
		}
	}

	if (r->cleared_day >= 0 && i - r->cleared_day < 7)
		rx_rule(rx, "redflag.cleared", "cleared by a clinician on %s: restarted from stage 1",
		     rp_fmt_day(r, r->cleared_day, d1));

	c->rehab_progress = rehab_progress;
	c->rehab_reduced = rehab_reduced;
}
