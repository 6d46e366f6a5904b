/*
 * cli_units.c - metric and imperial at the edge of the command line
 * (cli_units.h): what is typed converted here; what is shown formatted by
 * src/shapes/units.c, shared with the server's pages.
 */
#include "cli_units.h"
#include "../shapes/shapes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_dist_unit(const cli_ctx *ctx)
{
	return shape_dist_unit(ctx->imperial);
}

const char *cli_load_unit(const cli_ctx *ctx)
{
	return shape_load_unit(ctx->imperial);
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
	return shape_km_to_user(ctx->imperial, km);
}

double cli_kg_to_user(const cli_ctx *ctx, double kg)
{
	return shape_kg_to_user(ctx->imperial, kg);
}

const char *cli_fmt_distance(const cli_ctx *ctx, double km, int decimals, char *buf, size_t sz)
{
	return shape_fmt_distance(ctx->imperial, km, decimals, buf, sz);
}

const char *cli_fmt_load(const cli_ctx *ctx, double kg, char *buf, size_t sz)
{
	return shape_fmt_load(ctx->imperial, kg, buf, sz);
}

const char *cli_fmt_pace(const cli_ctx *ctx, double minutes, double km, char *buf, size_t sz)
{
	return shape_fmt_pace(ctx->imperial, minutes, km, buf, sz);
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
