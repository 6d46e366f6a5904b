/*
 * cli_units.c - metric and imperial at the edge of the command line
 * (cli_units.h): the one place that knows miles and pounds.
 */
#include "cli_units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_dist_unit(const cli_ctx *ctx)
{
	return ctx->imperial ? "mi" : "km";
}

const char *cli_load_unit(const cli_ctx *ctx)
{
	return ctx->imperial ? "lb" : "kg";
}

double cli_km_from_user(const cli_ctx *ctx, double v)
{
	return ctx->imperial ? v * CLI_KM_PER_MI : v;
}

double cli_kg_from_user(const cli_ctx *ctx, double v)
{
	return ctx->imperial ? v * CLI_KG_PER_LB : v;
}

double cli_km_to_user(const cli_ctx *ctx, double km)
{
	return ctx->imperial ? km / CLI_KM_PER_MI : km;
}

double cli_kg_to_user(const cli_ctx *ctx, double kg)
{
	return ctx->imperial ? kg / CLI_KG_PER_LB : kg;
}

const char *cli_fmt_distance(const cli_ctx *ctx, double km, int decimals, char *buf, size_t sz)
{
	if (!isfinite(km) || km < 0)
		snprintf(buf, sz, "-");
	else
		snprintf(buf, sz, "%.*f %s", decimals, cli_km_to_user(ctx, km), cli_dist_unit(ctx));
	return buf;
}

const char *cli_fmt_load(const cli_ctx *ctx, double kg, char *buf, size_t sz)
{
	if (!isfinite(kg) || kg < 0)
		snprintf(buf, sz, "body weight");
	else
		snprintf(buf, sz, "%g %s", round(cli_kg_to_user(ctx, kg) * 10) / 10, cli_load_unit(ctx));
	return buf;
}

const char *cli_fmt_pace(const cli_ctx *ctx, double minutes, double km, char *buf, size_t sz)
{
	double d = cli_km_to_user(ctx, km);
	if (!(isfinite(minutes) && minutes > 0 && isfinite(d) && d > 0.01)) {
		snprintf(buf, sz, "-");
		return buf;
	}
	long s = lround(minutes * 60 / d);
	if (s >= 100 * 60)
		snprintf(buf, sz, "-");
	else
		snprintf(buf, sz, "%ld:%02ld/%s", s / 60, s % 60, cli_dist_unit(ctx));
	return buf;
}

const char *cli_text_units(const cli_ctx *ctx, const char *text, char *buf, size_t sz)
{
	if (!ctx->imperial || sz == 0) {
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
					cli_fmt_load(ctx, v, num, sizeof(num));
				else
					snprintf(num, sizeof(num), "%.1f mi", cli_km_to_user(ctx, v));
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
