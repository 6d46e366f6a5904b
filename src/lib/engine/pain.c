/*
 * pain.c - the pain-monitoring model's 24-hour signal (PROTOCOL.md 2).
 *
 * Each morning's signal is the daily monitoring task score when there is
 * one (Goom et al. 2016), else the plain morning score. It is compared with
 * the athlete's own usual level: the median of the same kind of score over
 * the previous `baseline_days` days, leaving out flared mornings. When
 * that window holds fewer than BASELINE_MIN scores (a holiday, a month
 * without logging), the look-back goes on to the scores before the gap,
 * up to BASELINE_LOOKBACK days: the usual level is the athlete's own, not
 * forgotten after a break (PROTOCOL.md 2, 10.6). The first 7 scores of a
 * kind ever logged form it whatever they are (10.6). With no history at
 * all, a score above the ceiling is noted (raised), not a flare.
 */
#include <stdlib.h>

#include "engine/engine_int.h"

#define BASELINE_MIN 3        /* scores the window needs before the look-back stops at it */
#define BASELINE_LOOKBACK 120 /* days: older scores are not the athlete's usual level now */

void engine_classify_morning(edigest *g, int i, const tendo_settings *s)
{
	eday *e = &g->days[i];
	e->signal_is_task = e->task >= 0;
	e->signal = e->signal_is_task ? e->task : e->morning;
	e->mclass = MORNING_NONE;
	e->baseline = -1;
	if (e->signal < 0)
		return;

	/* scores are 0-10: count them, the median is read off the counts */
	int count[11] = { 0 };
	int n = 0;
	for (int j = i - 1; j >= 0 && j >= i - BASELINE_LOOKBACK && n < 64; j--) {
		if (j < i - s->baseline_days && n >= BASELINE_MIN)
			break; /* the window holds enough; past it only to bridge a gap */
		const eday *p = &g->days[j];
		int v = e->signal_is_task ? p->task : p->morning;
		/* the first week's scores form the usual level whatever they are
		 * (PROTOCOL.md 10.6); after it, flared mornings are left out */
		if (v >= 0 && (p->mclass != MORNING_FLARE || p->forming)) {
			count[v > 10 ? 10 : v]++;
			n++;
		}
	}
	/* one of the first 7 scores of its kind in the whole log */
	e->forming = (e->signal_is_task ? e->n_task_before : e->n_morning_before) < 7;
	if (n == 0) {
		/* no usual level yet: a high first score is noted, not a flare */
		e->mclass = e->signal > s->ceiling ? MORNING_RAISED : MORNING_SETTLED;
		return;
	}
	int lo = -1, hi = -1; /* the (n-1)/2-th and n/2-th scores in order */
	for (int v = 0, seen = 0; v <= 10 && hi < 0; v++) {
		seen += count[v];
		if (lo < 0 && seen > (n - 1) / 2)
			lo = v;
		if (seen > n / 2)
			hi = v;
	}
	double base = (lo + hi) / 2.0;
	e->baseline = base;
	double diff = e->signal - base;
	if (diff >= s->flare_delta)
		e->mclass = MORNING_FLARE;
	else if (diff > 0)
		e->mclass = MORNING_RAISED;
	else
		e->mclass = MORNING_SETTLED;
}

double engine_mean_signal(const edigest *g, int from, int to)
{
	if (from < 0)
		from = 0;
	if (to >= g->n)
		to = g->n - 1;
	int n = 0;
	double sum = 0;
	for (int i = from; i <= to; i++) {
		if (g->days[i].signal >= 0) {
			sum += g->days[i].signal;
			n++;
		}
	}
	return n >= 3 ? sum / n : -1;
}
