/*
 * scale.c - the numbers of a chart's axes (tendo/chart.h, chart_int.h):
 * nice tick steps, locale-free number text, date labels.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <tendo/chart.h>

#include "chart/chart_int.h"

#define RANGE_MAX 1e15 /* nice ticks clamp the ends to +-this, so hi - lo stays finite */

void tendo_chart_nice_ticks(double lo, double hi, int max_ticks, double *out_lo, double *out_hi, double *out_step)
{
	if (max_ticks < 3)
		max_ticks = 3;
	if (!isfinite(lo) && !isfinite(hi))
		lo = hi = 0;
	else if (!isfinite(lo))
		lo = hi;
	else if (!isfinite(hi))
		hi = lo;
	if (lo > hi) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	lo = fmax(lo, -RANGE_MAX);
	hi = fmin(hi, RANGE_MAX);
	double mag = fmax(fabs(lo), fabs(hi));
	if (hi - lo <= mag * 1e-9) {
		/* one value: from 0 to it, or 0..1 */
		double v = hi;
		lo = fmin(0, v);
		hi = fmax(0, v);
		if (lo == hi)
			hi = 1;
	}
	static const double mant[] = { 1, 2, 2.5, 5 };
	double span = hi - lo;
	int k = (int)floor(log10(span / (max_ticks - 1))) - 1;
	double step = 0, nlo = 0, nhi = 0;
	/* the first candidate is below span / (max_ticks - 1); the step only
	 * grows, and 5 x 10^(k+2) > 5 span / (max_ticks - 1) fits, so this ends
	 * within 12 tries */
	for (int i = 0; i < 12; i++) {
		step = mant[i % 4] * pow(10, k + i / 4);
		nlo = floor(lo / step + 1e-9);
		nhi = ceil(hi / step - 1e-9);
		if (nhi - nlo + 1 <= max_ticks)
			break;
	}
	*out_lo = fmin(nlo * step, lo);
	*out_hi = fmax(nhi * step, hi);
	*out_step = step;
}

char *chart_num(char s[CHART_NUMSZ], double v, int dec)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	if (!isfinite(v))
		v = 0;
	v = fmax(-1e13, fmin(1e13, v));
	if (dec < 0)
		dec = 0;
	if (dec > 6)
		dec = 6;
	while (dec > 0 && fabs(v) * p10[dec] > 9e18)
		dec--;
	long long q = llround(v * p10[dec]);
	unsigned long long a = q < 0 ? (unsigned long long)(-q) : (unsigned long long)q;
	unsigned long long p = (unsigned long long)p10[dec];
	unsigned long long ip = a / p, fp = a % p;
	char *o = s;
	if (q < 0)
		*o++ = '-';
	o += snprintf(o, 24, "%llu", ip);
	if (fp) {
		char frac[24];
		snprintf(frac, sizeof(frac), "%0*llu", dec, fp);
		size_t n = strlen(frac);
		while (n > 0 && frac[n - 1] == '0')
			n--;
		*o++ = '.';
		memcpy(o, frac, n);
		o += n;
	}
	*o = '\0';
	return s;
}

int chart_step_decimals(double step)
{
	if (!(step > 0) || !isfinite(step))
		return 0;
	int k = (int)floor(log10(step) + 1e-9);
	double m = step / pow(10, k);
	int dec = -k + (fabs(m - 2.5) < 1e-6 ? 1 : 0);
	return dec < 0 ? 0 : dec > 6 ? 6 : dec;
}

const char *chart_month(int m)
{
	static const char *const names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

char *chart_day(char s[CHART_DATESZ], tendo_date d, bool month, bool year)
{
	int y, m, dd;
	tendo_date_to_ymd(d, &y, &m, &dd);
	if (year)
		snprintf(s, CHART_DATESZ, "%d %s %d", dd, chart_month(m), y);
	else if (month)
		snprintf(s, CHART_DATESZ, "%d %s", dd, chart_month(m));
	else
		snprintf(s, CHART_DATESZ, "%d", dd);
	return s;
}

size_t chart_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}
