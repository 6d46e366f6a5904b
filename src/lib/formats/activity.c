/*
 * activity.c - the format-independent activity model (tendo/activity.h).
 */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include <tendo/activity.h>
#include <tendo/errors.h>

#include "util/alloc.h"

#define DEFAULT_MAX_POINTS 2000000u

void tendo_activity_init(tendo_activity *a)
{
	memset(a, 0, sizeof(*a));
}

void tendo_activity_dispose(tendo_activity *a)
{
	if (!a)
		return;
	free(a->points);
	free(a->sessions);
	memset(a, 0, sizeof(*a));
}

void tendo_point_clear(tendo_point *p)
{
	*p = (tendo_point){ .t_ms = TENDO_TIME_NONE, .lat = NAN, .lon = NAN, .alt_m = NAN, .dist_m = NAN,
		.speed_mps = NAN, .cadence_spm = NAN, .hr = -1, .power_w = NAN,
		.seg_start = false };
}

void tendo_session_clear(tendo_session *s)
{
	*s = (tendo_session){ .start_ms = TENDO_TIME_NONE, .elapsed_s = NAN, .timer_s = NAN, .distance_m = NAN,
		.ascent_m = NAN, .descent_m = NAN, .avg_hr = NAN, .avg_cadence = NAN, .laps = -1, .workout_rpe = -1,
		.workout_feel = -1 };
}

int tendo_activity_add_point(tendo_activity *a, const tendo_point *p, size_t max_points)
{
	if (!max_points)
		max_points = DEFAULT_MAX_POINTS;
	if (a->n_points >= max_points)
		return tendo_error_set(TENDO_ELIMIT, "more than %zu track points", max_points);
	if (a->n_points == a->cap_points) {
		size_t nc = a->cap_points ? a->cap_points * 2 : 1024;
		if (nc > max_points)
			nc = max_points;
		tendo_point *np = tendo_realloc(a->points, nc * sizeof(*np));
		if (!np)
			return tendo_error_set(TENDO_ENOMEM, "out of memory for %zu track points", nc);
		a->points = np;
		a->cap_points = nc;
	}
	a->points[a->n_points++] = *p;
	return 0;
}

int tendo_activity_add_session(tendo_activity *a, const tendo_session *s)
{
	if (a->n_sessions >= 1000)
		return tendo_error_set(TENDO_ELIMIT, "more than 1000 sessions");
	if (a->n_sessions == a->cap_sessions) {
		size_t nc = a->cap_sessions ? a->cap_sessions * 2 : 4;
		tendo_session *ns = tendo_realloc(a->sessions, nc * sizeof(*ns));
		if (!ns)
			return tendo_error_set(TENDO_ENOMEM, "out of memory for sessions");
		a->sessions = ns;
		a->cap_sessions = nc;
	}
	a->sessions[a->n_sessions++] = *s;
	return 0;
}
