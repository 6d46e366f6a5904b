/*
 * units.c - metric and imperial for what is shown (shapes.h): the one place
 * that knows miles and pounds, for the CLI's text (src/cli/cli_units.c
 * wraps it with the athlete's choice) and the server's pages alike. The
 * log and every JSON stay metric.
 */
#include <math.h>
#include <stdio.h>

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
