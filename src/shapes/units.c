/*
 * units.c - metric and imperial for what is shown (shapes.h): the one place
 * that knows miles and pounds, for the CLI's text (src/cli/cli_units.c
 * wraps it with the athlete's choice) and the server's pages alike. The
 * log and every JSON stay metric.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shapes.h"

const char *shape_dist_unit(bool imperial)
{
	return imperial ? "mi" : "km";
}

const char *shape_load_unit(bool imperial)
{
	return imperial ? "lb" : "kg";
}

double shape_km_to_user(bool imperial, double km)
{
	return imperial ? km / SHAPE_KM_PER_MI : km;
}

double shape_kg_to_user(bool imperial, double kg)
{
	return imperial ? kg / SHAPE_KG_PER_LB : kg;
}

const char *shape_fmt_distance(bool imperial, double km, int decimals, char *buf, size_t sz)
{
	if (!isfinite(km) || km < 0)
		snprintf(buf, sz, "-");
	else
		snprintf(buf, sz, "%.*f %s", decimals, shape_km_to_user(imperial, km), shape_dist_unit(imperial));
	return buf;
}

const char *shape_fmt_load(bool imperial, double kg, char *buf, size_t sz)
{
	if (!isfinite(kg) || kg < 0)
		snprintf(buf, sz, "body weight");
	else
		snprintf(buf, sz, "%g %s", round(shape_kg_to_user(imperial, kg) * 10) / 10, shape_load_unit(imperial));
	return buf;
}

const char *shape_fmt_pace(bool imperial, double minutes, double km, char *buf, size_t sz)
{
	double d = shape_km_to_user(imperial, km);
	if (!(isfinite(minutes) && minutes > 0 && isfinite(d) && d > 0.01)) {
		snprintf(buf, sz, "-");
		return buf;
	}
	long s = lround(minutes * 60 / d);
	if (s >= 100 * 60)
		snprintf(buf, sz, "-");
	else
		snprintf(buf, sz, "%ld:%02ld/%s", s / 60, s % 60, shape_dist_unit(imperial));
	return buf;
}

double shape_km_from_user(bool imperial, double v)
{
	return imperial && v > 0 ? v * SHAPE_KM_PER_MI : v;
}

double shape_kg_from_user(bool imperial, double v)
{
	return imperial && v > 0 ? v * SHAPE_KG_PER_LB : v;
}

const char *shape_text_units(bool imperial, const char *text, char *buf, size_t sz)
{
	if (!imperial || sz == 0) {
		if (sz)
			snprintf(buf, sz, "%s", text);
		return buf;
	}
	size_t n = 0;
	const char *p = text;
	while (*p && n + 1 < sz) {
		/* a number starting here (not inside a word or another number) followed by " kg" */
		bool start = (*p >= '0' && *p <= '9') && (p == text || (!(p[-1] >= '0' && p[-1] <= '9') && p[-1] != '.'));
		if (start) {
			char *end;
			double v = strtod(p, &end);
			bool kg = strncmp(end, " kg", 3) == 0, km = strncmp(end, " km", 3) == 0;
			if ((kg || km) && !(end[3] >= 'a' && end[3] <= 'z')) {
				char num[32];
				if (kg)
					shape_fmt_load(true, v, num, sizeof(num));
				else
					snprintf(num, sizeof(num), "%.1f mi", shape_km_to_user(true, v));
				int w = snprintf(buf + n, sz - n, "%s", num);
				n = w > 0 && (size_t)w < sz - n ? n + (size_t)w : sz - 1;
				p = end + 3;
				continue;
			}
		}
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	return buf;
}
