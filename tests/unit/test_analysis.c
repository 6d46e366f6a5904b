/*
 * test_analysis.c - run analysis on synthetic activities whose true values
 * are known by construction: distance, moving time, uphill time, fast time,
 * step rate, run/walk, elevation with noise, heart rate, sessions.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <stdio.h>

#include <tendo/analysis.h>
#include <tendo/errors.h>

#include "util/alloc.h"

#define T0 1767600000000LL /* 2026-01-05T08:00:00Z */
#define M_PER_DEG_LAT 111195.08 /* R = 6371008.8 m */

/* A run due north from (50, 0): one sample a second, speed[s] m/s,
 * altitude alt(s), cadence cad(s). */
typedef struct {
	double (*speed)(int s);
	double (*alt)(int s, double dist);
	double (*cad)(int s);
	int hr;
	bool device_dist;
} gen;

static void build(tendo_activity *a, int seconds, const gen *g)
{
	tendo_activity_init(a);
	double d = 0;
	for (int s = 0; s <= seconds; s++) {
		tendo_point p;
		tendo_point_clear(&p);
		p.t_ms = T0 + (int64_t)s * 1000;
		p.lat = 50.0 + d / M_PER_DEG_LAT;
		p.lon = 0;
		if (g->alt)
			p.alt_m = g->alt(s, d);
		if (g->cad)
			p.cadence_spm = g->cad(s);
		if (g->device_dist)
			p.dist_m = d;
		p.hr = g->hr;
		assert_int_equal(tendo_activity_add_point(a, &p, 0), 0);
		d += g->speed(s);
	}
}

static double v3(int s) { (void)s; return 3.0; }
static double flat(int s, double d) { (void)s; (void)d; return 100.0; }
/* 6% grade between 1000 m and 2000 m, flat elsewhere */
static double hill(int s, double d)
{
	(void)s;
	if (d < 1000)
		return 100;
	if (d < 2000)
		return 100 + 0.06 * (d - 1000);
	return 160;
}
static double cad170(int s) { (void)s; return 170; }
/* 2 min run at 3 m/s, 1 min walk at 1.3 m/s */
static double runwalk_speed(int s) { return (s % 180) < 120 ? 3.0 : 1.3; }
static double runwalk_cad(int s) { return (s % 180) < 120 ? 166 : 112; }

static void distance_and_time(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = v3, .alt = flat, .cad = cad170, .hr = 140 };
	build(&a, 1200, &g);
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.distance_m - 3600) < 3600 * 0.002);
	assert_true(fabs(f.elapsed_s - 1200) < 1e-9);
	assert_true(fabs(f.moving_s - 1200) < 2);
	assert_true(fabs(f.cadence_median - 170) < 1e-9);
	assert_true(fabs(f.cadence_avg - 170) < 1e-6);
	assert_true(fabs(f.avg_hr - 140) < 1e-9);
	assert_true(f.uphill_s < 1e-9);
	assert_true(fabs(f.ascent_m) < 1e-9);
	assert_true(isnan(f.fast_s)); /* no easy pace known */
	assert_false(f.run_walk);
	assert_true(f.is_run); /* no sport: step rate says running */
	assert_true(f.has_gps);
	assert_true(f.start_ms == T0);
	tendo_activity_dispose(&a);

	/* the device's distance wins over haversine when it is there */
	g.device_dist = true;
	build(&a, 600, &g);
	for (size_t i = 0; i < a.n_points; i++)
		a.points[i].dist_m *= 1.01;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.distance_m - 1800 * 1.01) < 1e-6);
	tendo_activity_dispose(&a);
}

static void uphill_time(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = v3, .alt = hill, .cad = cad170 };
	build(&a, 1000, &g); /* 3000 m: the hill is 1000-2000 m, 333 s */
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.uphill_s - 333) < 15);
	assert_true(fabs(f.ascent_m - 60) < 5);
	assert_true(f.descent_m < 1);

	/* at an 8% threshold the same hill is not uphill */
	tendo_analysis_params p;
	tendo_analysis_params_default(&p);
	p.uphill_grade = 0.08;
	assert_int_equal(tendo_activity_analyse(&f, &a, &p), 0);
	assert_true(f.uphill_s < 1e-9);
	tendo_activity_dispose(&a);
}

static double noisy(int s, double d)
{
	(void)d;
	/* GPS jitter of +-3 m around a flat 100 m */
	static const double j[] = { 0, 3, -2, 1, -3, 2, -1, 3, -3, 0 };
	return 100 + j[s % 10];
}

static void gps_noise_is_smoothed(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = v3, .alt = noisy };
	build(&a, 1200, &g);
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	/* raw sums of the jitter would be ~2500 m up and down */
	assert_true(f.ascent_m < 10);
	assert_true(f.uphill_s < 60);
	/* a barometer is trusted at 1 m: the same numbers now count */
	a.baro_altitude = true;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(f.ascent_m > 500);
	tendo_activity_dispose(&a);
}

static void fast_time(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = runwalk_speed, .alt = flat };
	build(&a, 1800, &g);
	tendo_run_facts f;
	tendo_analysis_params p;
	tendo_analysis_params_default(&p);
	p.easy_pace_s_km = 360; /* 2.78 m/s: the 3 m/s spells are faster */
	assert_int_equal(tendo_activity_analyse(&f, &a, &p), 0);
	/* 10 cycles of 120 s at 3 m/s; the 10 s speed window blurs edges */
	assert_true(fabs(f.fast_s - 1200) < 120);
	tendo_activity_dispose(&a);
}

static void run_walk_detected(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = runwalk_speed, .cad = runwalk_cad };
	build(&a, 1790, &g); /* 10 cycles, ending in a walk: 9 walk breaks between runs */
	tendo_run_facts f;
	tendo_analysis_params p;
	tendo_analysis_params_default(&p);
	p.usual_cadence = 160;
	assert_int_equal(tendo_activity_analyse(&f, &a, &p), 0);
	assert_true(f.run_walk);
	assert_int_equal(f.walk_breaks, 9);
	assert_true(fabs(f.cadence_median - 166) < 1e-9);
	assert_true(fabs(f.cadence_vs_usual - 3.75) < 1e-9);
	assert_true(f.cadence_avg > 112 && f.cadence_avg < 166);
	/* without step rate, speed tells walking from running */
	for (size_t i = 0; i < a.n_points; i++)
		a.points[i].cadence_spm = NAN;
	assert_int_equal(tendo_activity_analyse(&f, &a, &p), 0);
	assert_true(f.run_walk);
	assert_true(f.walk_breaks >= 8 && f.walk_breaks <= 9);
	assert_true(isnan(f.cadence_median));
	tendo_activity_dispose(&a);
}

static void pauses_and_sessions(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = v3, .alt = flat };
	build(&a, 600, &g);
	/* a 10-minute pause: shift the second half by 600 s */
	for (size_t i = 300; i < a.n_points; i++)
		a.points[i].t_ms += 600000;
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.elapsed_s - 1200) < 1e-9);
	assert_true(fabs(f.moving_s - 599) < 2);

	/* the file's session figures are preferred where the device has them */
	tendo_session s;
	tendo_session_clear(&s);
	snprintf(s.sport, sizeof(s.sport), "cycling");
	s.elapsed_s = 1300;
	s.distance_m = 1850;
	s.ascent_m = 12;
	s.start_ms = T0 - 5000;
	assert_int_equal(tendo_activity_add_session(&a, &s), 0);
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.elapsed_s - 1300) < 1e-9);
	assert_true(fabs(f.distance_m - 1850) < 1e-9);
	assert_true(fabs(f.ascent_m - 12) < 1e-9);
	assert_true(f.start_ms == T0 - 5000);
	assert_string_equal(f.sport, "cycling");
	assert_false(f.is_run);
	tendo_activity_dispose(&a);
}

static void segments_not_joined(void **state)
{
	(void)state;
	tendo_activity a;
	gen g = { .speed = v3, .alt = flat };
	build(&a, 600, &g); /* 1800 m */
	/* the second half starts a new segment 1 km further north, 5 s later */
	for (size_t i = 300; i < a.n_points; i++)
		a.points[i].lat += 1000 / M_PER_DEG_LAT;
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(f.distance_m > 2700); /* joined: the jump counts */
	a.points[300].seg_start = true;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	assert_true(fabs(f.distance_m - 1797) < 5);
	tendo_activity_dispose(&a);
}

static void empty_and_alloc(void **state)
{
	(void)state;
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_run_facts f;
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), TENDO_EFORMAT);
	gen g = { .speed = v3, .alt = flat };
	build(&a, 100, &g);
	tendo_alloc_fail_at(1);
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), TENDO_ENOMEM);
	tendo_alloc_fail_at(2);
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), TENDO_ENOMEM);
	tendo_alloc_fail_at(0);
	assert_int_equal(tendo_activity_analyse(&f, &a, NULL), 0);
	tendo_activity_dispose(&a);
}

static void haversine_known(void **state)
{
	(void)state;
	assert_true(fabs(tendo_haversine_m(0, 0, 1, 0) - M_PER_DEG_LAT) < 0.01);
	assert_true(fabs(tendo_haversine_m(51.5, -0.1, 51.5, -0.1)) < 1e-9);
	/* London - Paris, about 343.5 km */
	assert_true(fabs(tendo_haversine_m(51.5074, -0.1278, 48.8566, 2.3522) - 343.5e3) < 1e3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distance_and_time), cmocka_unit_test(uphill_time),
		cmocka_unit_test(gps_noise_is_smoothed), cmocka_unit_test(fast_time),
		cmocka_unit_test(run_walk_detected), cmocka_unit_test(pauses_and_sessions),
		cmocka_unit_test(empty_and_alloc), cmocka_unit_test(haversine_known),
		cmocka_unit_test(segments_not_joined),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
