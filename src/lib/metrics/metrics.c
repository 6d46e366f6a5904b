/*
 * metrics.c - session-RPE load, monotony, strain and EWMA acute:chronic
 * ratio (tendo/metrics.h). O(entries + days).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/metrics.h>
#include <tendo/protocol.h>

#include "util/alloc.h"

double tendo_metrics_rehab_minutes(const tendo_rehab *r)
{
	double per_set = r->reps > 0 ? r->reps * 6.0 + 90.0 : (r->hold_s > 0 ? r->hold_s + 60.0 : 90.0);
	return r->sets * per_set / 60.0;
}

static int rpe_or(int rpe, int dflt, bool *estimated)
{
	if (rpe >= 0)
		return rpe;
	if (estimated)
		*estimated = true;
	return dflt;
}

double tendo_metrics_run_load(const tendo_run *r, bool *estimated)
{
	bool hard = r->intent != TENDO_INTENT_EASY;
	return rpe_or(r->rpe, hard ? TENDO_RPE_DEFAULT_HARD_RUN : TENDO_RPE_DEFAULT_RUN, estimated) * r->minutes;
}

double tendo_metrics_rehab_load(const tendo_rehab *r, bool *estimated)
{
	return rpe_or(r->rpe, TENDO_RPE_DEFAULT_REHAB, estimated) * tendo_metrics_rehab_minutes(r);
}

double tendo_metrics_cross_load(const tendo_cross *c, bool *estimated)
{
	return rpe_or(-1, TENDO_RPE_DEFAULT_CROSS, estimated) * c->minutes; /* cross-training has no RPE yet */
}

int tendo_metrics_daily(double *out, const tendo_log *log, tendo_date first, int n, bool *estimated)
{
	for (int i = 0; i < n; i++)
		out[i] = 0;
#define ADD(arr, count, fn)                                                  \
	for (size_t k = 0; k < log->count; k++) {                            \
		long i = (long)log->arr[k].date - (long)first;               \
		if (i >= 0 && i < n)                                         \
			out[i] += fn(&log->arr[k], estimated);               \
	}
	ADD(runs, n_runs, tendo_metrics_run_load)
	ADD(rehab, n_rehab, tendo_metrics_rehab_load)
	ADD(cross, n_cross, tendo_metrics_cross_load)
#undef ADD
	return 0;
}

double tendo_metrics_ewma(double *ratio, const double *daily, int n, double *acute, double *chronic)
{
	/* Williams et al. 2017: lambda = 2 / (N + 1), N = 7 and 28, seeded
	 * with the first day; no ratio before 28 days (PROTOCOL.md 8) */
	const double la = 2.0 / (7 + 1), lc = 2.0 / (28 + 1);
	double a = n > 0 ? daily[0] : 0, c = a, last = NAN;
	for (int i = 0; i < n; i++) {
		if (i) {
			a = daily[i] * la + (1 - la) * a;
			c = daily[i] * lc + (1 - lc) * c;
		}
		last = i + 1 >= 28 && c > 0 ? a / c : NAN;
		if (ratio)
			ratio[i] = last;
	}
	if (acute)
		*acute = a;
	if (chronic)
		*chronic = c;
	return last;
}

int tendo_metrics_compute(tendo_metrics *out, const tendo_log *log, tendo_date start, tendo_date date)
{
	memset(out, 0, sizeof(*out));
	out->date = date;
	out->monotony = out->strain = out->acwr = out->week_task_mean = NAN;
	if (start == TENDO_DATE_NONE || date < start || (long)date - (long)start > 7305)
		return tendo_error_set(TENDO_EINVAL, "metrics: date outside the programme");
	int n = (int)(date - start) + 1;
	double *d = tendo_malloc((size_t)n * sizeof(double));
	if (!d)
		return tendo_error_set(TENDO_ENOMEM, "metrics: out of memory for %d days", n);
	tendo_metrics_daily(d, log, start, n, &out->estimated);

	double a, c;
	out->acwr = tendo_metrics_ewma(NULL, d, n, &a, &c);
	out->acute = a;
	out->chronic = c;
	out->days = n;

	/* the week: 7 daily loads, days before the start count as rest */
	double w[7], sum = 0;
	for (int k = 0; k < 7; k++) {
		int i = n - 7 + k;
		w[k] = i >= 0 ? d[i] : 0;
		sum += w[k];
	}
	double mean = sum / 7, var = 0;
	for (int k = 0; k < 7; k++)
		var += (w[k] - mean) * (w[k] - mean);
	double sd = sqrt(var / 7); /* population sd of the week (Foster) */
	out->day_load = d[n - 1];
	out->week_load = sum;
	if (sd > 1e-9) {
		out->monotony = mean / sd;
		out->strain = sum * out->monotony;
	}
	free(d);

	tendo_date from = date - 6;
	for (size_t k = 0; k < log->n_runs; k++) {
		const tendo_run *r = &log->runs[k];
		if (r->date < from || r->date > date)
			continue;
		out->week_run_min += r->minutes;
		if (r->km > 0)
			out->week_run_km += r->km;
	}
	double ts = 0;
	int tn = 0;
	for (size_t k = 0; k < log->n_pain; k++) {
		const tendo_pain *p = &log->pain[k];
		if (p->kind == TENDO_PAIN_TASK && p->date >= from && p->date <= date) {
			ts += p->score;
			tn++;
		}
	}
	if (tn)
		out->week_task_mean = ts / tn;
	return 0;
}
