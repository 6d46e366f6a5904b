/*
 * cli_units.h - the athlete's units (tendo profile --units metric|imperial)
 * at the edge of the command line: what is typed is converted to metric
 * before anything is checked or stored, and what is shown is converted from
 * metric. The log and every --json stay metric, with the unit in the field
 * name (distance_m, km, kg). What is shown is src/shapes/units.c's,
 * shared with the server's pages.
 */
#ifndef TENDO_CLI_UNITS_H
#define TENDO_CLI_UNITS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

#include "../shapes/shapes.h"

#define CLI_KM_PER_MI SHAPE_KM_PER_MI
#define CLI_KG_PER_LB SHAPE_KG_PER_LB

/* The unit names for the athlete: "km" or "mi", "kg" or "lb". */
const char *cli_dist_unit(const cli_ctx *ctx);
const char *cli_load_unit(const cli_ctx *ctx);

/* A distance or load typed in the athlete's units, in km or kg. */
double cli_km_from_user(const cli_ctx *ctx, double v);
double cli_kg_from_user(const cli_ctx *ctx, double v);
/* km or kg in the athlete's units. */
double cli_km_to_user(const cli_ctx *ctx, double km);
double cli_kg_to_user(const cli_ctx *ctx, double kg);

/* "5.20 km" / "3.23 mi" (decimals digits), "-" when km < 0 or not finite. */
const char *cli_fmt_distance(const cli_ctx *ctx, double km, int decimals, char *buf, size_t sz);
/* "20 kg" / "44.1 lb" (%g of the value rounded to 0.1), "body weight" when kg < 0. */
const char *cli_fmt_load(const cli_ctx *ctx, double kg, char *buf, size_t sz);
/* "5:30/km" / "8:51/mi" from minutes and km; "-" without a distance. */
const char *cli_fmt_pace(const cli_ctx *ctx, double minutes, double km, char *buf, size_t sz);

/* Text from the engine (always metric) in the athlete's units: every
 * "N kg" and "N km" (N a plain decimal) rewritten into buf. Metric: a copy. */
const char *cli_text_units(const cli_ctx *ctx, const char *text, char *buf, size_t sz);

#endif
