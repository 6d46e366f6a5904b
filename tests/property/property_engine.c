/*
 * property_engine.c - randomized property test of the engine's safety
 * invariants (issue 2): feeds the engine generated logs and checks every
 * prescription with an oracle written independently of the engine.
 *
 *   property_engine [N [SEED]]    N logs (default 100000)
 *
 * Two generators: "noise" logs (random entries, one prescription each at a
 * random date) and "follower" logs (a simulated athlete who mostly does what
 * tendo says, with random pain responses, checked every day), so the later
 * stages are reached as well. Exit status 1 and a description of the first
 * failing case on any violation.
 *
 * Invariants: no running after an uncleared red flag; none before a
 * readiness test has passed; none while the last session's pain went over
 * the ceiling and no morning since has settled; none within the strength to
 * run gap (24 h by default) after strength work; never a progression on a
 * flared morning or the day after one. Plus sanity: known rule ids, minutes
 * in range, no loading on seek_care.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static int rint_(int lo, int hi) /* inclusive */
{
	return lo + (int)(rnd() % (uint64_t)(hi - lo + 1));
}

static int chance(int percent)
{
	return (int)(rnd() % 100) < percent;
}

static long checks, violations, runs_allowed, progress_seen;
static long by_stage[4];
static long weekly_fail, weeks_checked;

/* ------------------------------------------------------------ the oracle */

/* The day's score of a kind: a second score of the same day replaces the
 * first (the latest entry counts). */
static int day_score(const tendo_log *L, tendo_date d, tendo_pain_kind kind)
{
	int score = -1;
	int64_t id = 0;
	for (size_t k = 0; k < L->n_pain; k++) {
		const tendo_pain *p = &L->pain[k];
		if (p->date == d && p->kind == kind && (score < 0 || p->id > id)) {
			score = p->score;
			id = p->id;
		}
	}
	return score;
}

static int morning_signal(const tendo_log *L, tendo_date d, int *is_task)
{
	int task = day_score(L, d, TENDO_PAIN_TASK), morning = day_score(L, d, TENDO_PAIN_MORNING);
	*is_task = task >= 0;
	return task >= 0 ? task : morning;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The class of day d's morning per PROTOCOL.md 2 and 10.6 with the
 * documented settings: -1 no score, 0 settled (at or below the usual
 * level), 1 raised, 2 flare (flare_delta or more above). The usual level is
 * the median of the same kind of score over the previous baseline_days,
 * leaving out flared mornings except the first 7 scores of the log (a
 * stable high first week is the athlete's own level); when that window
 * holds fewer than 3 such scores, the scores before it count too, going
 * back until there are 3 or 120 days back (a gap does not wipe out the
 * usual level); with no usual level yet, nothing is a flare. memo[]
 * caches classes + 2 for days first..d. */
static int same_kind_scores(const tendo_log *L, tendo_date first, tendo_date d, int is_task, int days)
{
	int n = 0;
	for (tendo_date j = d - 1; j >= d - days && j >= first; j--)
		n += day_score(L, j, is_task ? TENDO_PAIN_TASK : TENDO_PAIN_MORNING) >= 0;
	return n;
}

static int oracle_class(const tendo_log *L, const tendo_profile *p, tendo_date first, tendo_date d, signed char *memo)
{
	signed char *m = &memo[d - first];
	if (*m >= 0)
		return *m - 2;
	int is_task;
	int sig = morning_signal(L, d, &is_task);
	if (sig < 0) {
		*m = 1;
		return -1;
	}
	int vals[64], n = 0;
	for (tendo_date j = d - 1; j >= first && j >= d - 120 && n < 64; j--) {
		if (j < d - p->settings.baseline_days && n >= 3)
			break;
		int same = day_score(L, j, is_task ? TENDO_PAIN_TASK : TENDO_PAIN_MORNING);
		if (same < 0)
			continue;
		int jt;
		morning_signal(L, j, &jt);
		/* j's own class is judged on j's own kind of signal; the first 7
		 * of that kind in the whole log form the level whatever they are */
		bool forming = same_kind_scores(L, first, j, jt, (int)(j - first) + 1) < 7;
		if (forming || oracle_class(L, p, first, j, memo) != 2)
			vals[n++] = same;
	}
	int cls;
	if (n == 0) {
		cls = sig > p->settings.ceiling ? 1 : 0;
	} else {
		qsort(vals, (size_t)n, sizeof(int), cmp_int);
		double med = (n % 2) ? vals[n / 2] : (vals[n / 2 - 1] + vals[n / 2]) / 2.0;
		cls = sig - med >= p->settings.flare_delta ? 2 : sig > med ? 1 : 0;
	}
	*m = (signed char)(cls + 2);
	return cls;
}

static int oracle_flare(const tendo_log *L, const tendo_profile *p, tendo_date first, tendo_date d, signed char *memo)
{
	return oracle_class(L, p, first, d, memo) == 2;
}

static tendo_date log_first(const tendo_log *L, tendo_date start)
{
	tendo_date f = start;
	for (size_t k = 0; k < L->n_pain; k++) if (L->pain[k].date < f) f = L->pain[k].date;
	for (size_t k = 0; k < L->n_runs; k++) if (L->runs[k].date < f) f = L->runs[k].date;
	for (size_t k = 0; k < L->n_rehab; k++) if (L->rehab[k].date < f) f = L->rehab[k].date;
	for (size_t k = 0; k < L->n_cross; k++) if (L->cross[k].date < f) f = L->cross[k].date;
	for (size_t k = 0; k < L->n_tests; k++) if (L->tests[k].date < f) f = L->tests[k].date;
	for (size_t k = 0; k < L->n_flags; k++) if (L->flags[k].date < f) f = L->flags[k].date;
	return f;
}

static void fail(const char *what, const tendo_prescription *rx, const tendo_log *L, uint64_t seed)
{
	char d[TENDO_DATE_BUFSZ];
	violations++;
	if (violations > 5)
		return;
	fprintf(stderr, "VIOLATION: %s\n  date %s stage %s decision %s run %s %d min\n  case seed %llu; log: %zu pain, %zu runs, %zu rehab, %zu tests, %zu flags\n",
	        what, tendo_date_format(rx->date, d), tendo_stage_name(rx->stage), tendo_decision_name(rx->decision),
	        rx->run.allowed ? "allowed" : "no", rx->run.minutes, (unsigned long long)seed, L->n_pain, L->n_runs,
	        L->n_rehab, L->n_tests, L->n_flags);
	for (size_t k = 0; k < rx->n_rules; k++)
		fprintf(stderr, "    %s: %s\n", rx->rules[k].id, rx->rules[k].reason);
}

static int day_pain_during(const tendo_log *L, tendo_date d);

/* The day's highest pain during or after any session or report. */
static int day_pain(const tendo_log *L, tendo_date d)
{
	int m = -1;
	for (size_t k = 0; k < L->n_runs; k++)
		if (L->runs[k].date == d) {
			if (L->runs[k].pain_during > m) m = L->runs[k].pain_during;
			if (L->runs[k].pain_after > m) m = L->runs[k].pain_after;
		}
	for (size_t k = 0; k < L->n_pain; k++)
		if (L->pain[k].date == d && L->pain[k].kind == TENDO_PAIN_AFTER && L->pain[k].score > m)
			m = L->pain[k].score;
	int dd = day_pain_during(L, d);
	return dd > m ? dd : m;
}

static int day_pain_during(const tendo_log *L, tendo_date d)
{
	int m = -1;
	for (size_t k = 0; k < L->n_runs; k++)
		if (L->runs[k].date == d && L->runs[k].pain_during > m) m = L->runs[k].pain_during;
	for (size_t k = 0; k < L->n_rehab; k++)
		if (L->rehab[k].date == d && L->rehab[k].pain_during > m) m = L->rehab[k].pain_during;
	for (size_t k = 0; k < L->n_cross; k++)
		if (L->cross[k].date == d && L->cross[k].pain_during > m) m = L->cross[k].pain_during;
	for (size_t k = 0; k < L->n_pain; k++)
		if (L->pain[k].date == d && L->pain[k].kind == TENDO_PAIN_DURING && L->pain[k].score > m)
			m = L->pain[k].score;
	return m;
}

static int rest_pain(const tendo_log *L, tendo_date d)
{
	int m = -1;
	for (size_t k = 0; k < L->n_pain; k++)
		if (L->pain[k].date == d && L->pain[k].kind == TENDO_PAIN_REST && L->pain[k].score > m)
			m = L->pain[k].score;
	for (size_t k = 0; k < L->n_tests; k++)
		if (L->tests[k].date == d && L->tests[k].rest_pain > m)
			m = L->tests[k].rest_pain;
	return m;
}

/* The last day in [first, d] with sharp pain outside a run (rehab,
 * cross-training, or a sharp report on a day without a run). */
static tendo_date last_sharp(const tendo_log *L, tendo_date first, tendo_date d)
{
	tendo_date best = TENDO_DATE_NONE;
#define SHARP_AT(x) if ((x) >= first && (x) <= d && (best == TENDO_DATE_NONE || (x) > best)) best = (x)
	for (size_t k = 0; k < L->n_rehab; k++)
		if (L->rehab[k].sharp)
			SHARP_AT(L->rehab[k].date);
	for (size_t k = 0; k < L->n_cross; k++)
		if (L->cross[k].sharp)
			SHARP_AT(L->cross[k].date);
	for (size_t k = 0; k < L->n_pain; k++) {
		if (!L->pain[k].sharp)
			continue;
		bool run = false;
		for (size_t j = 0; j < L->n_runs; j++)
			run |= L->runs[j].date == L->pain[k].date;
		if (!run)
			SHARP_AT(L->pain[k].date);
	}
#undef SHARP_AT
	return best;
}

static void check(const tendo_prescription *rx, const tendo_profile *p, const tendo_log *L, uint64_t seed)
{
	const tendo_settings *s = &p->settings;
	tendo_date d = rx->date;
	checks++;
	by_stage[rx->stage]++;
	if (rx->run.allowed)
		runs_allowed++;
	if (rx->decision == TENDO_DECISION_PROGRESS)
		progress_seen++;

	/* sanity */
	if (rx->n_rules == 0)
		fail("no rule fired", rx, L, seed);
	for (size_t k = 0; k < rx->n_rules; k++)
		if (!tendo_rule_find(rx->rules[k].id) || !rx->rules[k].reason[0])
			fail("unregistered rule or empty reason", rx, L, seed);
	if (rx->run.allowed && (rx->run.minutes < 1 || rx->run.minutes > 600))
		fail("run minutes out of range", rx, L, seed);
	if (!rx->run.allowed && rx->run.minutes != 0)
		fail("minutes on a day without running", rx, L, seed);
	if (!rx->run.allowed && !rx->run.why[0])
		fail("no reason for not running", rx, L, seed);
	for (size_t k = 0; k < rx->n_rehab; k++)
		if (rx->rehab[k].sets < 1 || !rx->rehab[k].exercise)
			fail("bad rehab item", rx, L, seed);

	/* 1. red flags */
	tendo_date last_flag = TENDO_DATE_NONE, last_clear = TENDO_DATE_NONE;
	for (size_t k = 0; k < L->n_flags; k++) {
		const tendo_flag *f = &L->flags[k];
		if (f->date > d)
			continue;
		if (f->kind == TENDO_FLAG_CLEARED) {
			if (last_clear == TENDO_DATE_NONE || f->date > last_clear)
				last_clear = f->date;
		} else if (last_flag == TENDO_DATE_NONE || f->date > last_flag) {
			last_flag = f->date;
		}
	}
	if (last_flag != TENDO_DATE_NONE && (last_clear == TENDO_DATE_NONE || last_clear < last_flag)) {
		if (rx->run.allowed)
			fail("running after a red flag", rx, L, seed);
		if (rx->decision != TENDO_DECISION_SEEK_CARE)
			fail("red flag without seek_care", rx, L, seed);
	}
	if (rx->decision == TENDO_DECISION_SEEK_CARE && (rx->n_rehab || rx->run.allowed))
		fail("loading prescribed with seek_care", rx, L, seed);

	if (rx->run.allowed) {
		/* 2. a passing readiness test before today */
		int passed = 0;
		for (size_t k = 0; k < L->n_tests; k++) {
			const tendo_test *t = &L->tests[k], *earliest = NULL;
			if (t->date >= d)
				continue;
			for (size_t j = 0; j < L->n_tests; j++)
				if (L->tests[j].date < t->date && (!earliest || L->tests[j].date < earliest->date))
					earliest = &L->tests[j];
			if (tendo_engine_test_passes(t, earliest, p, NULL, NULL))
				passed = 1;
		}
		if (!passed)
			fail("running before the readiness tests passed", rx, L, seed);

		/* 3. PROTOCOL.md 10.1: the last day (4 weeks back) with pain during
		 * or after over the ceiling, from any session or report, needs a
		 * settled morning logged since (any of them); no morning since is
		 * not settled */
		tendo_date first = log_first(L, p->start);
		signed char *memo = malloc((size_t)(d - first + 1));
		memset(memo, -1, (size_t)(d - first + 1));
		tendo_date over = TENDO_DATE_NONE;
		for (tendo_date k = d - 1; k >= first && k >= d - 28 && over == TENDO_DATE_NONE; k--)
			if (day_pain(L, k) > s->ceiling)
				over = k;
		if (over != TENDO_DATE_NONE) {
			bool settled = false;
			for (tendo_date m = over + 1; m <= d && !settled; m++)
				settled = oracle_class(L, p, first, m, memo) == 0;
			if (!settled)
				fail("running after pain over the ceiling with no settled morning since", rx, L, seed);
		}

		/* 3b. rest pain today or yesterday from any report */
		for (tendo_date k = d - 1; k <= d; k++)
			if (rest_pain(L, k) > s->painfree_max)
				fail("running with pain at rest today or yesterday", rx, L, seed);

		/* 3c. pain over the ceiling earlier today */
		if (day_pain_during(L, d) > s->ceiling)
			fail("running after a session over the ceiling earlier today", rx, L, seed);

		/* 3d. sharp pain outside a run with no stage-1 restart since: a
		 * pain-free isometric session after it, then a settled morning */
		tendo_date sharp = last_sharp(L, first, d);
		if (sharp != TENDO_DATE_NONE) {
			tendo_date iso = TENDO_DATE_NONE;
			for (size_t k = 0; k < L->n_rehab; k++) {
				const tendo_rehab *x = &L->rehab[k];
				const tendo_exercise *ex = tendo_exercise_find(x->exercise);
				if (ex && ex->kind == TENDO_EX_ISOMETRIC && x->date > sharp && x->date < d &&
				    x->pain_during >= 0 && x->pain_during <= s->painfree_max && !x->sharp &&
				    (iso == TENDO_DATE_NONE || x->date < iso))
					iso = x->date;
			}
			bool settled = false;
			for (tendo_date m = iso == TENDO_DATE_NONE ? d + 1 : iso + 1; m <= d; m++)
				settled |= oracle_class(L, p, first, m, memo) == 0;
			if (!settled)
				fail("running with sharp pain not followed by a stage-1 restart", rx, L, seed);
		}
		free(memo);

		/* 4. spacing after strength work */
		for (size_t k = 0; k < L->n_rehab; k++) {
			const tendo_rehab *x = &L->rehab[k];
			const tendo_exercise *ex = tendo_exercise_find(x->exercise);
			if (ex && ex->kind != TENDO_EX_ISOMETRIC && x->date <= d && d - x->date < s->strength_run_gap_days)
				fail("running within 24 h of strength work", rx, L, seed);
		}
		for (size_t k = 0; k < L->n_tests; k++)
			if (L->tests[k].date <= d && d - L->tests[k].date < s->strength_run_gap_days &&
			    L->tests[k].curl_left >= 0)
				fail("running within 24 h of a strength test", rx, L, seed);
	}

	/* 6. PROTOCOL.md 10.2: loads per exercise and per side, from that
	 * side's own history, rising at most 5% a session and 10% a week */
	for (size_t k = 0; k < rx->n_rehab; k++) {
		const tendo_rx_item *it = &rx->rehab[k];
		if (!it->exercise->heavy)
			continue;
		bool per_side = it->kg_left >= 0 || it->kg_right >= 0;
		const double vals[3] = { it->kg_left, it->kg_right, per_side ? -1 : it->kg };
		for (int side = 0; side < 3; side++) {
			if (vals[side] < 0)
				continue;
			const tendo_rehab *last = NULL, *old = NULL, *first_in = NULL;
			for (size_t j = 0; j < L->n_rehab; j++) {
				const tendo_rehab *x = &L->rehab[j];
				if (x->date >= d || (int)x->side != side || x->kg <= 0 || strcmp(x->exercise, it->exercise->name))
					continue;
				if (!last || x->date > last->date || (x->date == last->date && x->id > last->id))
					last = x;
				if (x->date <= d - 7 && (!old || x->date > old->date))
					old = x;
				if (x->date > d - 7 && (!first_in || x->date < first_in->date))
					first_in = x;
			}
			if (!last) {
				fail("a load with no history of that side (borrowed from the other)", rx, L, seed);
				continue;
			}
			if (vals[side] > last->kg * (1 + s->load_step_session) + 1e-6)
				fail("a load above last time + 5%", rx, L, seed);
			/* a rise is capped; holding the athlete's own last load is not a rise */
			const tendo_rehab *ref = old ? old : first_in;
			if (vals[side] > last->kg + 1e-6 && vals[side] > ref->kg * (1 + s->load_step_week) + 1e-6)
				fail("a load above the week's + 10%", rx, L, seed);
		}
	}

	/* 5. no progression on a flared morning or the day after */
	if (rx->decision == TENDO_DECISION_PROGRESS) {
		tendo_date first = log_first(L, p->start);
		signed char *memo = malloc((size_t)(d - first + 1));
		memset(memo, -1, (size_t)(d - first + 1));
		if (oracle_flare(L, p, first, d, memo) || (d - 1 >= first && oracle_flare(L, p, first, d - 1, memo)))
			fail("progression on the day of or after a flare", rx, L, seed);
		free(memo);
	}
}

/* ------------------------------------------------------------ generators */

static const char *const ISO[] = { "iso-bridge", "iso-bridge-single", "iso-curl" };
static const char *const STRENGTH[] = { "prone-curl", "bridge-90", "single-leg-bridge", "hip-thrust",
                                        "adductor", "nordic-negative", "squat" };

static void random_profile(tendo_profile *p)
{
	fx_profile(p);
	p->side = (tendo_side)rint_(0, 2);
	static const int ceilings[] = { 2, 3, 3, 3, 5 };
	p->settings.ceiling = ceilings[rint_(0, 4)];
	p->settings.settle_min_days = rint_(3, 10);
	p->settings.strength_min_days = rint_(0, 14);
	p->settings.flare_delta = rint_(1, 3);
	p->settings.strength_run_gap_days = rint_(1, 2);
}

static void random_test(fx_log *f, int day)
{
	int sym = chance(60);
	double cl = rint_(10, 40);
	int bl = rint_(8, 30);
	fx_test(f, day, chance(70) ? rint_(0, 1) : rint_(0, 6), bl, sym ? bl : rint_(5, 30), cl,
	        sym ? cl : rint_(8, 40), chance(80) ? 0 : rint_(0, 4));
}

/* A noisy log: everything at random, biased towards a plausible story. */
static void gen_noise(fx_log *f, int days)
{
	int base = rint_(0, 3);
	for (int dd = 0; dd < days; dd++) {
		if (chance(85))
			fx_pain(f, dd, chance(70) ? TENDO_PAIN_TASK : TENDO_PAIN_MORNING,
			        chance(85) ? base + rint_(0, 1) : rint_(0, 9));
		if (chance(30))
			fx_pain(f, dd, TENDO_PAIN_REST, chance(80) ? 0 : rint_(0, 5));
		if (chance(10)) {
			fx_pain(f, dd, (tendo_pain_kind)rint_(0, 5), rint_(0, 10));
			f->log.pain[f->log.n_pain - 1].sharp = chance(5);
		}
		if (chance(60))
			fx_rehab(f, dd, ISO[rint_(0, 2)], 5, -1, 30, -1, chance(80) ? rint_(0, 1) : rint_(0, 6));
		if (chance(35)) {
			tendo_rehab *x = fx_rehab(f, dd, STRENGTH[rint_(0, 6)], 3, 8, -1, rint_(0, 1) ? rint_(5, 60) : -1,
			                          chance(70) ? rint_(0, 3) : rint_(0, 8));
			x->side = (tendo_side)rint_(0, 2);
			x->rpe = rint_(-1, 9);
			x->sharp = chance(3);
		}
		if (dd > 5 && chance(12))
			random_test(f, dd);
		if (dd > 8 && chance(35)) {
			tendo_run *r = fx_run(f, dd, rint_(3, 60), chance(75) ? rint_(0, 3) : rint_(0, 9));
			r->sharp = chance(2);
			r->intent = (tendo_intent)rint_(0, 3);
			r->pain_after = chance(50) ? rint_(0, 6) : -1;
		}
		if (chance(8)) {
			fx_cross(f, dd, (tendo_cross_kind)rint_(0, 5), rint_(10, 60), rint_(-1, 6));
			f->log.cross[f->log.n_cross - 1].sharp = chance(5);
		}
		if (chance(5)) {
			fx_sitting(f, dd, rint_(1, 10));
			f->log.sitting[f->log.n_sitting - 1].kind = (tendo_aggravator_kind)rint_(0, 3);
		}
		if (chance(1))
			fx_flag(f, dd, (tendo_flag_kind)rint_(0, 4));
		if (chance(1))
			fx_flag(f, dd, TENDO_FLAG_CLEARED);
	}
}

/* A follower: does roughly what tendo says, with random pain responses;
 * every day's prescription is checked. Returns the number of checks. */
static void run_follower(uint64_t seed)
{
	fx_log f;
	fx_log_init(&f);
	tendo_profile p;
	random_profile(&p);
	int days = rint_(60, 150); /* < 160: ran[] and step[] */
	int base = rint_(0, 2);
	int flare_left = 0;
	int overeager = chance(30) ? 0 : rint_(0, 10); /* percent of days the athlete overdoes it */
	bool one_leg = chance(40);     /* does heavy work one leg at a time */
	double ran[160] = { 0 };
	int step[160] = { 0 };
	for (int dd = 0; dd < days; dd++) {
		/* this morning's response */
		int m = base + (chance(20) ? 1 : 0);
		if (flare_left > 0) {
			m = base + rint_(2, 4);
			flare_left--;
		}
		if (chance(90))
			fx_pain(&f, dd, TENDO_PAIN_TASK, m > 10 ? 10 : m);
		if (chance(60))
			fx_pain(&f, dd, TENDO_PAIN_REST, flare_left ? rint_(0, 3) : 0);
		if (chance(1))
			fx_flag(&f, dd, (tendo_flag_kind)rint_(0, 4));

		tendo_prescription rx;
		if (tendo_engine_prescribe(&rx, &p, &f.log, fx_day(dd)) != 0) {
			fprintf(stderr, "engine error: %s\n", tendo_error_last());
			violations++;
			break;
		}
		check(&rx, &p, &f.log, seed);
		step[dd] = rx.status.run_step_min;

		/* do it */
		bool over = chance(overeager);
		for (size_t k = 0; k < rx.n_rehab; k++) {
			const tendo_rx_item *it = &rx.rehab[k];
			int pain = chance(96) ? rint_(0, 1) : rint_(0, 6);
			/* the prescribed load when there is one, one leg at a time for
			 * this athlete's style, else a weight of their own */
			double kg = !it->exercise->heavy ? -1 : it->kg > 0 ? it->kg : rint_(10, 50);
			tendo_rehab *x = fx_rehab(&f, dd, it->exercise->name, it->sets, it->reps ? it->reps : -1,
			                          it->hold_s ? it->hold_s : -1, kg, pain);
			x->side = one_leg ? (p.side == TENDO_SIDE_LEFT ? TENDO_SIDE_LEFT : TENDO_SIDE_RIGHT) : TENDO_SIDE_BOTH;
			x->rpe = rint_(5, 9);
			x->sharp = chance(1);
			if (one_leg && it->exercise->heavy) {
				/* the other leg, stronger, from its own prescription (x moves
				 * when the log grows: read its side first) */
				tendo_side mine = x->side;
				double other = mine == TENDO_SIDE_LEFT ? it->kg_right : it->kg_left;
				tendo_rehab *y = fx_rehab(&f, dd, it->exercise->name, it->sets, it->reps, -1,
				                          other > 0 ? other : kg * 1.8, 0);
				y->side = mine == TENDO_SIDE_LEFT ? TENDO_SIDE_RIGHT : TENDO_SIDE_LEFT;
				y->rpe = 6;
			}
		}
		if (rx.stage == TENDO_STAGE_STRENGTH && dd % 5 == 0)
			random_test(&f, dd);
		if (rx.run.allowed || over) {
			double mins = rx.run.allowed ? rx.run.minutes : rint_(10, 40);
			if (over)
				mins *= 2;
			int pain = chance(85) ? rint_(0, 2) : rint_(2, 6);
			bool separate = chance(30); /* pain logged apart from the run (a watch import) */
			ran[dd] += mins;
			tendo_run *r = fx_run(&f, dd, mins, separate ? -1 : pain);
			r->sharp = chance(1);
			if (separate) {
				r->imported = true;
				fx_pain(&f, dd, TENDO_PAIN_DURING, pain);
			}
			if (pain > p.settings.ceiling || over)
				flare_left = chance(60) ? rint_(1, 6) : 0;
		}
		if (chance(3))
			fx_cross(&f, dd, (tendo_cross_kind)rint_(0, 5), 30, rint_(0, 6));
	}
	/* 7. PROTOCOL.md 10.2: a compliant athlete's calendar week of running
	 * stays within last week's + 10% once growth is weekly (the step at
	 * the cap through both weeks); fx_day(0) is a Monday */
	if (overeager == 0) {
		for (int w = 7; w + 6 < days; w += 7) {
			bool weekly = true;
			double last = 0, this = 0;
			for (int k = w - 7; k < w + 7; k++) {
				weekly &= step[k] >= p.settings.run_step_cap_min;
				*(k < w ? &last : &this) += ran[k];
			}
			/* a week with no running (a flare, a week away) is no base: the
			 * week before it is (RULES.md: "a week with nothing uses the
			 * week before") */
			if (last <= 0 && w >= 14)
				for (int k = w - 14; k < w - 7; k++)
					last += ran[k];
			if (last <= 0)
				weekly = false;
			if (weekly && this > last * (1 + p.settings.weekly_cap) + 1e-6) {
				weekly_fail++;
				if (weekly_fail <= 3)
					fprintf(stderr, "VIOLATION: a compliant athlete's week of %.0f min after %.0f (case seed %llu, day %d)\n",
					        this, last, (unsigned long long)seed, w);
			}
			if (weekly)
				weeks_checked++;
		}
	}
	fx_log_free(&f);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261122;
	long followers = n / 50;
	fx_log f;
	fx_log_init(&f);
	for (long c = 0; c < n; c++) {
		uint64_t cs = seed * 1000003u + (uint64_t)c + 1;
		rng_state = cs;
		for (int w = 0; w < 4; w++)
			rnd();
		if (c < followers) {
			run_follower(cs);
			continue;
		}
		fx_log_clear(&f);
		tendo_profile p;
		random_profile(&p);
		int days = rint_(10, 80);
		gen_noise(&f, days);
		tendo_prescription rx;
		tendo_date d = fx_day(rint_(days / 2, days));
		if (tendo_engine_prescribe(&rx, &p, &f.log, d) != 0) {
			fprintf(stderr, "engine error: %s\n", tendo_error_last());
			return 1;
		}
		check(&rx, &p, &f.log, cs);
	}
	fx_log_free(&f);
	printf("property_engine: %ld logs (%ld followed day by day), %ld prescriptions checked\n", n, followers, checks);
	printf("  stages: settle %ld, strength %ld, return_to_run %ld, full_load %ld; runs allowed %ld; progress %ld\n",
	       by_stage[0], by_stage[1], by_stage[2], by_stage[3], runs_allowed, progress_seen);
	printf("  weekly budgets checked: %ld weeks\n", weeks_checked);
	violations += weekly_fail;
	if (violations) {
		printf("  %ld VIOLATIONS\n", violations);
		return 1;
	}
	/* the generators must reach the states the invariants are about */
	if (runs_allowed == 0 || by_stage[TENDO_STAGE_RETURN_TO_RUN] == 0 || progress_seen == 0) {
		printf("  generators did not reach return to run / progression: the test proves nothing\n");
		return 1;
	}
	return 0;
}
