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

/* Flare per PROTOCOL.md 2 with the documented settings: the signal is
 * flare_delta or more above the median of the same kind over the previous
 * baseline_days non-flare days; with no history, above the ceiling.
 * flare[] caches results for days first..d (indexed from `first`). */
static int oracle_flare(const tendo_log *L, const tendo_profile *p, tendo_date first, tendo_date d, signed char *memo)
{
	signed char *m = &memo[d - first];
	if (*m >= 0)
		return *m;
	int is_task;
	int sig = morning_signal(L, d, &is_task);
	if (sig < 0)
		return *m = 0;
	int vals[64], n = 0;
	for (tendo_date j = d - 1; j >= first && j >= d - p->settings.baseline_days; j--) {
		int t2;
		int v = morning_signal(L, j, &t2);
		if (v < 0)
			continue;
		/* same kind only */
		int same = day_score(L, j, is_task ? TENDO_PAIN_TASK : TENDO_PAIN_MORNING);
		if (same >= 0 && !oracle_flare(L, p, first, j, memo))
			vals[n++] = same;
	}
	int flare;
	if (n == 0) {
		flare = sig > p->settings.ceiling;
	} else {
		qsort(vals, (size_t)n, sizeof(int), cmp_int);
		double med = (n % 2) ? vals[n / 2] : (vals[n / 2 - 1] + vals[n / 2]) / 2.0;
		flare = sig - med >= p->settings.flare_delta;
	}
	return *m = (signed char)flare;
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

		/* 3. last session over the ceiling and no settled morning since */
		tendo_date last_sess = TENDO_DATE_NONE;
		int last_pain = -1;
#define SESSION(arr, n, field)                                                         \
	for (size_t k = 0; k < L->n; k++) {                                             \
		const tendo_date sd = L->arr[k].date;                                   \
		if (sd >= d)                                                            \
			continue;                                                       \
		if (last_sess == TENDO_DATE_NONE || sd > last_sess) {                   \
			last_sess = sd;                                                 \
			last_pain = -1;                                                 \
		}                                                                       \
		if (sd == last_sess && L->arr[k].field > last_pain)                     \
			last_pain = L->arr[k].field;                                    \
	}
		SESSION(runs, n_runs, pain_during)
		SESSION(rehab, n_rehab, pain_during)
		SESSION(cross, n_cross, pain_during)
#undef SESSION
		if (last_sess != TENDO_DATE_NONE && last_pain > s->ceiling) {
			tendo_date first = log_first(L, p->start);
			signed char *memo = malloc((size_t)(d - first + 1));
			memset(memo, -1, (size_t)(d - first + 1));
			int latest_flare = -1; /* -1: no morning since */
			for (tendo_date m = last_sess + 1; m <= d; m++) {
				int t;
				if (morning_signal(L, m, &t) >= 0)
					latest_flare = oracle_flare(L, p, first, m, memo);
			}
			free(memo);
			if (latest_flare != 0)
				fail("running while the last session went over the ceiling and no morning has settled", rx, L, seed);
		}

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
		if (chance(10))
			fx_pain(f, dd, (tendo_pain_kind)rint_(0, 5), rint_(0, 10));
		if (chance(60))
			fx_rehab(f, dd, ISO[rint_(0, 2)], 5, -1, 30, -1, chance(80) ? rint_(0, 1) : rint_(0, 6));
		if (chance(35))
			fx_rehab(f, dd, STRENGTH[rint_(0, 6)], 3, 8, -1, rint_(0, 1) ? rint_(5, 60) : -1,
			         chance(70) ? rint_(0, 3) : rint_(0, 8));
		if (dd > 5 && chance(12))
			random_test(f, dd);
		if (dd > 8 && chance(35)) {
			tendo_run *r = fx_run(f, dd, rint_(3, 60), chance(75) ? rint_(0, 3) : rint_(0, 9));
			r->sharp = chance(2);
			r->intent = (tendo_intent)rint_(0, 3);
			r->pain_after = chance(50) ? rint_(0, 6) : -1;
		}
		if (chance(8))
			fx_cross(f, dd, (tendo_cross_kind)rint_(0, 5), rint_(10, 60), rint_(-1, 6));
		if (chance(5))
			fx_sitting(f, dd, rint_(1, 10));
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
	int days = rint_(60, 150);
	int base = rint_(0, 2);
	int flare_left = 0;
	int overeager = rint_(0, 10); /* percent of days the athlete overdoes it */
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

		/* do it */
		bool over = chance(overeager);
		for (size_t k = 0; k < rx.n_rehab; k++) {
			const tendo_rx_item *it = &rx.rehab[k];
			int pain = chance(96) ? rint_(0, 1) : rint_(0, 6);
			tendo_rehab *x = fx_rehab(&f, dd, it->exercise->name, it->sets, it->reps ? it->reps : -1,
			                          it->hold_s ? it->hold_s : -1, it->exercise->heavy ? rint_(10, 50) : -1, pain);
			x->rpe = rint_(5, 9);
		}
		if (rx.stage == TENDO_STAGE_STRENGTH && dd % 5 == 0)
			random_test(&f, dd);
		if (rx.run.allowed || over) {
			double mins = rx.run.allowed ? rx.run.minutes : rint_(10, 40);
			if (over)
				mins *= 2;
			int pain = chance(85) ? rint_(0, 2) : rint_(2, 6);
			tendo_run *r = fx_run(&f, dd, mins, pain);
			r->sharp = chance(1);
			if (pain > p.settings.ceiling || over)
				flare_left = chance(60) ? rint_(1, 6) : 0;
		}
		if (chance(3))
			fx_cross(&f, dd, (tendo_cross_kind)rint_(0, 5), 30, rint_(0, 6));
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
