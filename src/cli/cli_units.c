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
	return shape_km_from_user(ctx->imperial, v);
}

double cli_kg_from_user(const cli_ctx *ctx, double v)
{
	return shape_kg_from_user(ctx->imperial, v);
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
	return shape_text_units(ctx->imperial, text, buf, sz);
}
