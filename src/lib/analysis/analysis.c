/*
 * analysis.c - reduce an activity to the facts of a run (tendo/analysis.h).
 *
 * One pass over the samples with bounded state: speed over a ~10 s window,
 * grade over a >= 25 m window (two pointers), elevation with hysteresis
 * (barometric: 1 m; GPS: 5-sample mean and 4 m, since GPS altitude jitters
 * by metres), step rate through a histogram (median without sorting),
 * walking spells for run/walk. O(points), no allocation beyond one array of
 * cumulative distances.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/analysis.h>
#include <tendo/errors.h>

#include "util/alloc.h"

#define MOVING_MPS 0.5      /* slower than this is standing */
#define MAX_GAP_S 30.0      /* a longer gap between samples is a pause */
#define GRADE_WINDOW_M 25.0 /* grade measured over at least this distance */
#define WALK_SPM 140.0      /* step rate below this is walking */
#define WALK_MPS 1.7        /* without step rate: slower than this is walking */
#define WALK_SPELL_S 20.0   /* a walk break lasts at least this long */

void tendo_analysis_params_default(tendo_analysis_params *p)
{
	p->easy_pace_s_km = NAN;
	p->usual_cadence = NAN;
	p->uphill_grade = 0.04;
}

double tendo_haversine_m(double lat1, double lon1, double lat2, double lon2)
{
	const double R = 6371008.8, rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * R * asin(sqrt(a > 1 ? 1 : a));
}

static bool is_running_sport(const char *s)
{
	return strcmp(s, "running") == 0 || strcmp(s, "run") == 0 || strcmp(s, "trail_running") == 0 ||
	       strcmp(s, "treadmill_running") == 0;
}

int tendo_activity_analyse(tendo_run_facts *out, const tendo_activity *a, const tendo_analysis_params *pp)
{
	tendo_analysis_params defp;
	if (!pp) {
		tendo_analysis_params_default(&defp);
		pp = &defp;
	}
	memset(out, 0, sizeof(*out));
	out->start_ms = TENDO_TIME_NONE;
	out->elapsed_s = out->moving_s = out->distance_m = NAN;
	out->ascent_m = out->descent_m = out->uphill_s = out->fast_s = NAN;
	out->cadence_avg = out->cadence_median = out->cadence_vs_usual = out->avg_hr = NAN;

	const tendo_session *S = NULL;
	for (size_t k = 0; k < a->n_sessions; k++)
		if (!S || (is_running_sport(a->sessions[k].sport) && !is_running_sport(S->sport)))
			S = &a->sessions[k];
	if (S) {
		memcpy(out->sport, S->sport, sizeof(out->sport));
		memcpy(out->sub_sport, S->sub_sport, sizeof(out->sub_sport));
		out->start_ms = S->start_ms;
	}

	/* the timed samples, in order */
	const tendo_point *P = a->points;
	size_t n = a->n_points;
	size_t first = 0, last = 0, timed = 0;
	for (size_t i = 0; i < n; i++) {
		if (P[i].t_ms == TENDO_TIME_NONE)
			continue;
		if (!timed)
			first = i;
		last = i;
		timed++;
		if (!isnan(P[i].lat))
			out->has_gps = true;
	}
	if (!timed && !(S && isfinite(S->elapsed_s)))
		return tendo_error_set(TENDO_EFORMAT, "no samples with a time and no session duration");

	double *cum = NULL; /* cumulative distance per sample, m */
	if (timed) {
		cum = tendo_malloc(n * sizeof(double));
		if (!cum)
			return tendo_error_set(TENDO_ENOMEM, "out of memory analysing %zu samples", n);
		if (out->start_ms == TENDO_TIME_NONE)
			out->start_ms = P[first].t_ms;
		out->elapsed_s = (double)(P[last].t_ms - P[first].t_ms) / 1000.0;

		/* distance: the device's when it recorded one, else haversine */
		size_t with_dist = 0;
		for (size_t i = first; i <= last; i++)
			with_dist += isfinite(P[i].dist_m);
		bool device_dist = with_dist * 2 >= timed;
		double d = 0, base = NAN;
		size_t prev_pos = SIZE_MAX;
		int64_t prev_t = TENDO_TIME_NONE;
		for (size_t i = 0; i < n; i++) {
			if (device_dist) {
				if (isfinite(P[i].dist_m)) {
					if (isnan(base))
						base = P[i].dist_m;
					if (P[i].dist_m - base >= d)
						d = P[i].dist_m - base;
				}
			} else if (!isnan(P[i].lat) && !isnan(P[i].lon)) {
				if (prev_pos != SIZE_MAX) {
					double step = tendo_haversine_m(P[prev_pos].lat, P[prev_pos].lon, P[i].lat, P[i].lon);
					/* a new track segment, or a jump over a long gap, is
					 * not distance */
					bool gap = P[i].seg_start ||
					           (P[i].t_ms != TENDO_TIME_NONE && prev_t != TENDO_TIME_NONE &&
					            (P[i].t_ms - prev_t) > 60000 && step > 200);
					if (!gap)
						d += step;
				}
				prev_pos = i;
				if (P[i].t_ms != TENDO_TIME_NONE)
					prev_t = P[i].t_ms;
			}
			cum[i] = d;
		}
		out->distance_m = d;
	}
	if (S && isfinite(S->elapsed_s))
		out->elapsed_s = S->elapsed_s;
	if (S && isfinite(S->distance_m) && S->distance_m > 0)
		out->distance_m = S->distance_m;

	if (timed) {
		/* the walk over the samples */
		size_t win = first;        /* speed window start */
		size_t gwin = first;       /* grade window start */
		double moving = 0, uphill = 0, fast = 0, hr_sum = 0, hr_t = 0;
		unsigned hist[256] = { 0 };
		double cad_sum = 0, cad_t = 0;
		size_t with_alt = 0;
		double fast_mps = isfinite(pp->easy_pace_s_km) && pp->easy_pace_s_km > 0 ? 1000.0 / pp->easy_pace_s_km : NAN;
		/* elevation: hysteresis on a (GPS: smoothed) altitude */
		double ref = NAN, up = 0, down = 0, ring[5];
		int nring = 0, ri = 0;
		const double thr = a->baro_altitude ? 1.0 : 4.0;
		double *salt = NULL; /* smoothed altitude for the grade */
		salt = tendo_malloc(n * sizeof(double));
		if (!salt) {
			free(cum);
			return tendo_error_set(TENDO_ENOMEM, "out of memory analysing %zu samples", n);
		}
		/* run/walk */
		double ran_s = 0, walk_run = 0;
		int breaks = 0;
		size_t prev = SIZE_MAX;
		for (size_t i = first; i <= last; i++) {
			const tendo_point *p = &P[i];
			salt[i] = NAN;
			if (!isnan(p->alt_m)) {
				with_alt++;
				double v = p->alt_m;
				if (!a->baro_altitude) {
					ring[ri] = v;
					ri = (ri + 1) % 5;
					if (nring < 5)
						nring++;
					double s = 0;
					for (int k = 0; k < nring; k++)
						s += ring[k];
					v = s / nring;
				}
				salt[i] = v;
				if (isnan(ref)) {
					ref = v;
				} else if (v - ref >= thr) {
					up += v - ref;
					ref = v;
				} else if (ref - v >= thr) {
					down += ref - v;
					ref = v;
				}
			}
			if (p->t_ms == TENDO_TIME_NONE)
				continue;
			if (prev == SIZE_MAX) {
				prev = i;
				continue;
			}
			double dt = (double)(p->t_ms - P[prev].t_ms) / 1000.0;
			prev = i;
			if (dt <= 0 || dt > MAX_GAP_S)
				continue;
			/* speed over the last ~10 s */
			while (win < i && (P[win].t_ms == TENDO_TIME_NONE || p->t_ms - P[win].t_ms > 10000))
				win++;
			double span = (double)(p->t_ms - P[win].t_ms) / 1000.0;
			double speed = span > 0 ? (cum[i] - cum[win]) / span : (isfinite(p->speed_mps) ? p->speed_mps : 0);
			if (isfinite(p->speed_mps) && span <= 0)
				speed = p->speed_mps;
			if (speed < MOVING_MPS)
				continue;
			moving += dt;
			if (isfinite(fast_mps) && speed > fast_mps)
				fast += dt;
			/* grade over >= 25 m */
			if (!isnan(salt[i])) {
				while (gwin + 1 < i && cum[i] - cum[gwin + 1] >= GRADE_WINDOW_M)
					gwin++;
				double dd = cum[i] - cum[gwin];
				if (dd >= GRADE_WINDOW_M && !isnan(salt[gwin]) && (salt[i] - salt[gwin]) / dd > pp->uphill_grade)
					uphill += dt;
			}
			if (p->hr > 0) {
				hr_sum += p->hr * dt;
				hr_t += dt;
			}
			bool walking;
			if (isfinite(p->cadence_spm) && p->cadence_spm > 0) {
				unsigned c = p->cadence_spm > 255 ? 255 : (unsigned)lround(p->cadence_spm);
				hist[c] += (unsigned)lround(dt * 10);
				cad_sum += p->cadence_spm * dt;
				cad_t += dt;
				walking = p->cadence_spm < WALK_SPM;
			} else {
				walking = speed < WALK_MPS;
			}
			if (walking) {
				walk_run += dt;
			} else {
				if (walk_run >= WALK_SPELL_S && ran_s >= 60)
					breaks++;
				walk_run = 0;
				ran_s += dt;
			}
		}
		out->moving_s = moving;
		if (isfinite(fast_mps))
			out->fast_s = fast;
		if (with_alt * 2 >= timed) {
			out->ascent_m = up;
			out->descent_m = down;
			out->uphill_s = uphill;
		}
		if (hr_t > 0)
			out->avg_hr = hr_sum / hr_t;
		if (cad_t > 0) {
			out->cadence_avg = cad_sum / cad_t;
			unsigned long total = 0, acc = 0;
			for (int c = 0; c < 256; c++)
				total += hist[c];
			for (int c = 0; c < 256; c++) {
				acc += hist[c];
				if (acc * 2 >= total) {
					out->cadence_median = c;
					break;
				}
			}
			if (isfinite(pp->usual_cadence) && pp->usual_cadence > 0)
				out->cadence_vs_usual = 100.0 * (out->cadence_median - pp->usual_cadence) / pp->usual_cadence;
		}
		out->walk_breaks = breaks;
		out->run_walk = breaks >= 2;
		free(salt);
		free(cum);
	}
	if (S && isfinite(S->ascent_m))
		out->ascent_m = S->ascent_m; /* the device's own (often barometric) figure */
	if (S && isfinite(S->descent_m))
		out->descent_m = S->descent_m;
	if (S && isfinite(S->timer_s) && isnan(out->moving_s))
		out->moving_s = S->timer_s;
	if (S && isfinite(S->avg_hr) && isnan(out->avg_hr))
		out->avg_hr = S->avg_hr;

	if (out->sport[0])
		out->is_run = is_running_sport(out->sport);
	else {
		double v = out->moving_s > 0 ? out->distance_m / out->moving_s : NAN;
		out->is_run = isfinite(out->cadence_avg) ? out->cadence_avg >= 140
		            : (isfinite(v) && v >= 1.9 && v <= 6.5);
	}
	return 0;
}
