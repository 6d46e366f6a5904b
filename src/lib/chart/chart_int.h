/*
 * chart_int.h - what the chart renderer shares between its files
 * (internal): locale-free number formatting and date labels (scale.c).
 */
#ifndef TENDO_CHART_INT_H
#define TENDO_CHART_INT_H

#include <tendo/chart.h>

#define CHART_NUMSZ 32 /* bytes for chart_num() */
#define CHART_DATESZ 24 /* bytes for chart_day() */

/*
 * v with at most `dec` decimals (0..6), trailing zeros dropped, never "-0",
 * "nan" or "inf" (non-finite prints as 0; magnitudes are clamped to 1e13).
 * Independent of LC_NUMERIC. Returns s.
 */
char *chart_num(char s[CHART_NUMSZ], double v, int dec);

/* Decimals that tick labels at multiples of step need (0..6). */
int chart_step_decimals(double step);

/*
 * A day as "3", "3 Nov" (month) or "3 Nov 2026" (month and year); returns s.
 */
char *chart_day(char s[CHART_DATESZ], tendo_date d, bool month, bool year);

/* The English three-letter name of month m (1-12). */
const char *chart_month(int m);

/* Number of characters (UTF-8 code points) of s; 0 for NULL. */
size_t chart_chars(const char *s);

#endif
