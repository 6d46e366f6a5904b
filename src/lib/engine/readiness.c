/*
 * readiness.c - readiness to run (PROTOCOL.md 4, seed 003): no pain at
 * rest, a pain-free drop lunge, prone curl 10RM and single-leg bridge reps
 * symmetric left to right (limb symmetry index >= lsi_min). For a
 * bilateral case the index compares each side with its own first test and
 * must show a gain (PROTOCOL.md 10.3).
 */
#include <tendo/engine.h>

static double lsi(double a, double b)
{
	if (a < 0 || b < 0)
		return -1;
	double lo = a < b ? a : b, hi = a < b ? b : a;
	if (hi <= 0)
		return -1;
	return 100.0 * lo / hi;
}

/* Bilateral: the weaker side's value as a percentage of its first test. */
static double lsi_vs_earlier(double l, double r, double el, double er)
{
	if (l < 0 || r < 0 || el <= 0 || er <= 0)
		return -1;
	double a = 100.0 * l / el, b = 100.0 * r / er;
	return a < b ? a : b;
}

bool tendo_engine_test_passes(const tendo_test *t, const tendo_test *earlier,
                              const tendo_profile *profile, double *lsi_curl, double *lsi_bridge)
{
	const tendo_settings *s = &profile->settings;
	double lc, lb;
	if (profile->side == TENDO_SIDE_BOTH) {
		lc = earlier ? lsi_vs_earlier(t->curl_left, t->curl_right, earlier->curl_left, earlier->curl_right) : -1;
		lb = earlier ? lsi_vs_earlier(t->bridge_left, t->bridge_right, earlier->bridge_left, earlier->bridge_right) : -1;
	} else {
		lc = lsi(t->curl_left, t->curl_right);
		lb = lsi(t->bridge_left, t->bridge_right);
	}
	if (lsi_curl)
		*lsi_curl = lc;
	if (lsi_bridge)
		*lsi_bridge = lb;
	/* both sides affected: strength restored, each side at or above its
	 * first test + bilateral_gain (PROTOCOL.md 10.3), never merely unchanged */
	double need = profile->side == TENDO_SIDE_BOTH ? 100.0 * (1 + s->bilateral_gain) - 1e-9 : s->lsi_min;
	return t->rest_pain >= 0 && t->rest_pain <= s->painfree_max &&
	       t->drop_lunge_pain >= 0 && t->drop_lunge_pain <= s->painfree_max &&
	       lc >= need && lb >= need;
}
