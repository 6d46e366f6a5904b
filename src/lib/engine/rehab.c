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

const tendo_rehab *rp_last_rehab(const replay *r, const char *name, int before)
{
	const tendo_rehab *best = NULL;
	tendo_date lim = r->g.first + before;
	for (size_t k = 0; k < r->log->n_rehab; k++) {
		const tendo_rehab *x = &r->log->rehab[k];
		if (x->date < lim && strcmp(x->exercise, name) == 0 && x->kg > 0 &&
		    (!best || x->date > best->date || (x->date == best->date && x->id > best->id)))
			best = x;
	}
	return best;
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
	if (ex->heavy && mode == DOSE_NORMAL && i - r->stage_since >= 14)
		it->sets = 4; /* 3-4 sets: the fourth once the first fortnight is done */
	if (mode != DOSE_NORMAL && it->sets > 2)
		it->sets = 2;
	bool progress = false;
	if (ex->kind == TENDO_EX_ISOMETRIC) {
		snprintf(it->load, sizeof(it->load), mode == DOSE_NORMAL ? "body weight" : "body weight, gentle");
	} else if (!ex->heavy) {
		snprintf(it->load, sizeof(it->load), "body weight or band, slow");
	} else {
		const tendo_rehab *last = rp_last_rehab(r, name, i);
		if (!last) {
			snprintf(it->load, sizeof(it->load), "a weight that gets hard on rep %d", ex->reps);
		} else if (mode == DOSE_DELOAD) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (deload: -30%% of %.1f kg)", last->kg * 0.7, last->kg);
		} else if (mode == DOSE_REDUCED) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (one step back: -20%% of %.1f kg)", last->kg * 0.8, last->kg);
		} else if (may_progress && last->pain_during <= r->s->ceiling && last->rpe >= 0 && last->rpe <= 7) {
			snprintf(it->load, sizeof(it->load), "about %.1f kg (+5%%: last %.1f kg felt RPE %d)", last->kg * 1.05,
			         last->kg, last->rpe);
			progress = true;
		} else {
			snprintf(it->load, sizeof(it->load), "%.1f kg, as last time (hard on rep %d)", last->kg, ex->reps);
		}
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
	bool iso_only = r->stage == TENDO_STAGE_SETTLE || flare_now || regressed;
	if (iso_only) {
		int hold = flare_now ? 30 : r->iso_hold;
		dose_mode m = flare_now ? DOSE_REDUCED : DOSE_NORMAL;
		rx_add_item(r, rx, "iso-bridge", i, m, false, hold);
		if (!flare_now) {
			if (r->stage == TENDO_STAGE_SETTLE && i - r->stage_since >= 7)
				rx_add_item(r, rx, "iso-bridge-single", i, m, false, hold);
			rx_add_item(r, rx, "iso-curl", i, m, false, hold);
		}
		if (flare_now && r->stage > TENDO_STAGE_SETTLE) {
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
		if (E->strength) {
			snprintf(rx->rehab_why, sizeof(rx->rehab_why), "strength work done today: next session in %d days",
			         s->strength_gap_days);
		} else if (rx->run.allowed || E->runs) {
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
			if (!in_deload && (unsettled || (ls && ls->strength_pain > s->ceiling))) {
				m = DOSE_REDUCED;
				rehab_reduced = true;
				if (ls && ls->strength_pain > s->ceiling)
					rx_rule(rx, "pain.during.over_ceiling", "strength work on %s hurt %d/10: one step back",
					     rp_fmt_day(r, r->last_strength, d1), ls->strength_pain);
			}
			bool may = !flare_recent && !rising && !rest_pain && !(M && M->mclass == MORNING_RAISED);
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
				picks[np++] = rot ? "deadlift" : "squat";
				picks[np++] = "lunge";
				if (!rp_flare_between(r, i - 14, i))
					picks[np++] = "skips";
			} else {
				picks[np++] = rot ? "ball-squeeze" : "adductor";
				picks[np++] = rot ? "clam" : "band-walk";
			}
			for (int k = 0; k < np && k < 6; k++)
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
