/*
 * cmd_log.c - tendo log <kind>: record one entry, validated, in one
 * transaction. The command line checks the form of each value and what
 * options go together; the ranges are the library's (tendo/validate.h:
 * tendo_check_pain() ...), checked before the database is opened and again
 * by the store, and its message is printed with the option's name.
 *
 * After the entry is written (same transaction): a pain report that names a
 * session is checked against that day's sessions; a second morning or task
 * score of a day says which one it replaces; an entry dated before the
 * programme's start moves the start back to it (PROTOCOL.md 11).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/validate.h>

#include "cli.h"
#include "cli_units.h"

enum {
	O_KIND = 1, O_SCORE, O_DATE, O_NOTE, O_MINUTES, O_KM, O_TERRAIN, O_INTENT, O_WALK, O_RPE,
	O_PDURING, O_PAFTER, O_SHARP, O_EXERCISE, O_SETS, O_REPS, O_HOLD, O_KG, O_SIDE, O_LUNGE,
	O_BL, O_BR, O_CL, O_CR, O_REST, O_HOURS, O_ITEMS, O_SESSION, O_TIME, O_STAGE, O_EXKIND, O_MI, O_DIST, O_LB, O_LOAD,
	O_JSON, O__N
};

typedef struct {
	const char *v[O__N]; /* the value of each option given, NULL if absent */
} args;

/* What a log function reports back. */
typedef struct {
	tendo_date date;      /* the entry's day */
	int64_t id;           /* its id once written */
	char what[160];       /* "run 20 min" */
	char after[240];      /* a line printed after the "logged" line, or "" */
} logged;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	((args *)u)->v[id] = v ? v : "1";
	return 0;
}

#define DATE_OPT { "date", required_argument, O_DATE, "D", "the day, YYYY-MM-DD in your zone (default today)" }
#define JSON_OPT { "json", no_argument, O_JSON, NULL, "print the new entry as JSON (as tendo history --json shows it)" }
#define TIME_OPT { "time", required_argument, O_TIME, "HH:MM", "when it started, local time of day" }

static int opt_score(cli_ctx *ctx, args *a, int id, const char *name, int *out)
{
	*out = -1;
	return a->v[id] ? cli_num_int(ctx, name, a->v[id], 0, TENDO_SCORE_MAX, out) : 0;
}

/* A number the library checks; *out keeps its default (-1) when not given. */
static int opt_int(cli_ctx *ctx, args *a, int id, const char *name, int lo, int hi, int *out)
{
	return a->v[id] ? cli_num_int(ctx, name, a->v[id], lo, hi, out) : 0;
}

static int opt_double(cli_ctx *ctx, args *a, int id, const char *name, double lo, double hi, double *out)
{
	return a->v[id] ? cli_num_double(ctx, name, a->v[id], lo, hi, out) : 0;
}

static int opt_time(cli_ctx *ctx, args *a, int *out)
{
	*out = TENDO_TOD_NONE;
	return a->v[O_TIME] ? cli_time(ctx, "time", a->v[O_TIME], out) : 0;
}

/* The distance of --distance (the athlete's units), --km or --mi, in km;
 * *km keeps -1 when none is given. */
static int opt_distance(cli_ctx *ctx, args *a, double *km)
{
	if (!!a->v[O_DIST] + !!a->v[O_KM] + !!a->v[O_MI] > 1)
		return cli_usage(ctx, "give the distance once: --distance, --km or --mi");
	double v = -1, per = 1;
	int rc = 0;
	if (a->v[O_KM])
		rc = opt_double(ctx, a, O_KM, "km", 0, TENDO_KM_MAX, &v);
	else if (a->v[O_MI])
		rc = opt_double(ctx, a, O_MI, "mi", 0, TENDO_KM_MAX / (per = CLI_KM_PER_MI), &v);
	else if (a->v[O_DIST])
		rc = opt_double(ctx, a, O_DIST, "distance", 0, TENDO_KM_MAX / (per = cli_km_from_user(ctx, 1)), &v);
	if (rc == 0 && v >= 0)
		*km = v * per;
	return rc;
}

/* A weight typed in the athlete's units (kg, or lb with profile --units
 * imperial), in kg; *kg is left alone when the option is absent. */
static int opt_user_kg(cli_ctx *ctx, args *a, int id, const char *name, double max_kg, double *kg)
{
	double v = -1, per = cli_kg_from_user(ctx, 1);
	int rc = opt_double(ctx, a, id, name, 0, max_kg / per, &v);
	if (rc == 0 && v >= 0)
		*kg = v * per;
	return rc;
}

/* The load of --load (the athlete's units), --kg or --lb, in kg; *kg keeps
 * -1 (body weight) when none is given. */
static int opt_load(cli_ctx *ctx, args *a, double *kg)
{
	if (!!a->v[O_LOAD] + !!a->v[O_KG] + !!a->v[O_LB] > 1)
		return cli_usage(ctx, "give the load once: --load, --kg or --lb");
	double v = -1, per = 1;
	int rc = 0;
	if (a->v[O_KG])
		rc = opt_double(ctx, a, O_KG, "kg", 0, TENDO_KG_MAX, &v);
	else if (a->v[O_LB])
		rc = opt_double(ctx, a, O_LB, "lb", 0, TENDO_KG_MAX / (per = CLI_KG_PER_LB), &v);
	else if (a->v[O_LOAD])
		return opt_user_kg(ctx, a, O_LOAD, "load", TENDO_KG_MAX, kg);
	if (rc == 0 && v >= 0)
		*kg = v * per;
	return rc;
}

/* ---------------------------------------------------------------- pain */

static const cli_opt pain_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "during|after|morning|task|rest|sitting (task = the morning monitoring task)" },
	{ "score", required_argument, O_SCORE, "0-10", "pain, 0 none to 10 worst imaginable" },
	{ "sharp", no_argument, O_SHARP, NULL, "the pain was sharp" },
	{ "session", required_argument, O_SESSION, "ID", "the run, rehab or cross-training entry it belongs to (same day; "
	  "default: the day's run)" },
	DATE_OPT,
	{ "note", required_argument, O_NOTE, "TEXT", "where it hurt, what set it off" },
	JSON_OPT,
	{ 0 }
};
static const cli_spec pain_spec = { "log pain --kind K --score 0-10 [--sharp] [--session ID] [--date D] [--note TEXT]",
	"Record a pain score.", pain_opts };

/* A session id: a positive number, '#' allowed in front. */
static int parse_id(const cli_ctx *ctx, const char *opt, const char *s, int64_t *out)
{
	const char *p = s[0] == '#' ? s + 1 : s;
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (*p < '0' || *p > '9' || errno || *end || v <= 0)
		return cli_usage(ctx, "--%s must be an entry id, a positive number (see tendo history; got '%s')", opt, s);
	*out = v;
	return 0;
}

/* The session a pain report names must be a run, rehab or cross-training
 * entry of the same day (the store checks it too). */
static int check_session(cli_ctx *ctx, int64_t id, tendo_date date)
{
	tendo_log day = { 0 };
	int rc = tendo_store_load_log_ext(ctx->store, &day, date, date, TENDO_LOAD_REPLACED);
	if (rc)
		return cli_lib_error(ctx, rc);
	bool found = false;
	for (size_t k = 0; k < day.n_runs; k++)
		found |= day.runs[k].id == id;
	for (size_t k = 0; k < day.n_rehab; k++)
		found |= day.rehab[k].id == id;
	for (size_t k = 0; k < day.n_cross; k++)
		found |= day.cross[k].id == id;
	tendo_log_dispose(&day);
	if (found)
		return 0;
	char d[TENDO_DATE_BUFSZ];
	return cli_fail(ctx, "--session %lld is not a run, rehab or cross-training entry on %s (see tendo history --from %s "
	                "--to %s)", (long long)id, tendo_date_format(date, d), d, d);
}

/* A second morning or task score of a day: which earlier one it replaces. */
static int replaced(cli_ctx *ctx, const tendo_pain *e, int64_t id, logged *out)
{
	tendo_log day = { 0 };
	int rc = tendo_store_load_log_ext(ctx->store, &day, e->date, e->date, TENDO_LOAD_REPLACED);
	if (rc)
		return rc;
	const tendo_pain *prev = NULL;
	for (size_t k = 0; k < day.n_pain; k++)
		if (day.pain[k].kind == e->kind && day.pain[k].id != id)
			prev = &day.pain[k]; /* the latest earlier one */
	if (prev)
		snprintf(out->after, sizeof(out->after),
		         "this replaces #%lld (%s %d/10, logged earlier that day): the latest %s score of a day is the one "
		         "that counts", (long long)prev->id, tendo_pain_kind_name(prev->kind), prev->score,
		         tendo_pain_kind_name(e->kind));
	tendo_log_dispose(&day);
	return 0;
}

static int log_pain(cli_ctx *ctx, args *a, logged *out)
{
	tendo_pain e = { 0 };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_pain_kind_names());
	if (tendo_pain_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_pain_kind_names(), a->v[O_KIND]);
	if (!a->v[O_SCORE])
		return cli_usage(ctx, "--score is required (0-10)");
	if ((rc = opt_int(ctx, a, O_SCORE, "score", 0, TENDO_SCORE_MAX, &e.score)))
		return rc;
	e.sharp = a->v[O_SHARP] != NULL;
	if (a->v[O_SESSION]) {
		if (e.kind != TENDO_PAIN_DURING && e.kind != TENDO_PAIN_AFTER)
			return cli_usage(ctx, "--session goes with --kind during or after (got --kind %s)",
			                 tendo_pain_kind_name(e.kind));
		if ((rc = parse_id(ctx, "session", a->v[O_SESSION], &e.session_id)))
			return rc;
	}
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_pain(&e))) || (rc = cli_check(ctx, tendo_check_note(a->v[O_NOTE]))))
		return rc;
	snprintf(out->what, sizeof(out->what), "pain (%s) %d/10%s", tendo_pain_kind_name(e.kind), e.score,
	         e.sharp ? ", sharp" : "");
	if (e.session_id > 0) {
		size_t n = strlen(out->what);
		snprintf(out->what + n, sizeof(out->what) - n, ", session #%lld", (long long)e.session_id);
	}
	if (!ctx->store)
		return 0;
	if (e.session_id > 0 && (rc = check_session(ctx, e.session_id, e.date)))
		return rc;
	if (tendo_store_add_pain(ctx->store, &e, cli_stamp(ctx, out->date), a->v[O_NOTE], &out->id))
		return -1;
	if ((e.kind == TENDO_PAIN_MORNING || e.kind == TENDO_PAIN_TASK) && replaced(ctx, &e, out->id, out))
		return -1;
	return 0;
}

/* ----------------------------------------------------------------- run */

static const cli_opt run_opts[] = {
	{ "minutes", required_argument, O_MINUTES, "M", "how long, 1-600 minutes" },
	{ "distance", required_argument, O_DIST, "D", "distance in your units (km, or miles with profile --units imperial)" },
	{ "km", required_argument, O_KM, "K", "distance, km" },
	{ "mi", required_argument, O_MI, "M", "distance, miles" },
	{ "terrain", required_argument, O_TERRAIN, "T", "flat|hilly|treadmill|trail (default flat)" },
	{ "intent", required_argument, O_INTENT, "I", "easy|long|speed|hills (default easy)" },
	{ "walk-breaks", no_argument, O_WALK, NULL, "run/walk pattern" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	{ "pain-after", required_argument, O_PAFTER, "0-10", "pain after, same day" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain" },
	TIME_OPT,
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec run_spec = { "log run --minutes M [--distance D | --km K | --mi M] [--terrain T] [--intent I] [--walk-breaks] [--rpe N] "
	"[--pain-during N] [--pain-after N] [--sharp] [--time HH:MM] [--date D]", "Record a run.", run_opts };

static int log_run(cli_ctx *ctx, args *a, logged *out)
{
	tendo_run e = { .km = -1, .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_MINUTES])
		return cli_usage(ctx, "--minutes is required (1-600)");
	if ((rc = opt_double(ctx, a, O_MINUTES, "minutes", TENDO_MINUTES_MIN, TENDO_MINUTES_MAX, &e.minutes)) ||
	    (rc = opt_distance(ctx, a, &e.km)))
		return rc;
	if (a->v[O_TERRAIN] && tendo_terrain_parse(&e.terrain, a->v[O_TERRAIN]))
		return cli_usage(ctx, "--terrain must be %s (got '%s')", tendo_terrain_names(), a->v[O_TERRAIN]);
	if (a->v[O_INTENT] && tendo_intent_parse(&e.intent, a->v[O_INTENT]))
		return cli_usage(ctx, "--intent must be %s (got '%s')", tendo_intent_names(), a->v[O_INTENT]);
	e.walk_breaks = a->v[O_WALK] != NULL;
	e.sharp = a->v[O_SHARP] != NULL;
	if ((rc = opt_score(ctx, a, O_RPE, "rpe", &e.rpe)) || (rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)) ||
	    (rc = opt_score(ctx, a, O_PAFTER, "pain-after", &e.pain_after)) || (rc = opt_time(ctx, a, &e.time_min)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_run(&e))))
		return rc;
	snprintf(out->what, sizeof(out->what), "run %g min%s", e.minutes, e.sharp ? " with sharp pain" : "");
	return ctx->store && tendo_store_add_run(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* --------------------------------------------------------------- rehab */

static const cli_opt rehab_opts[] = {
	{ "exercise", required_argument, O_EXERCISE, "NAME", "an exercise from 'tendo exercises', or your own with --stage and --ex-kind" },
	{ "sets", required_argument, O_SETS, "S", "sets, 1-20" },
	{ "reps", required_argument, O_REPS, "R", "reps per set, 1-100" },
	{ "hold-s", required_argument, O_HOLD, "T", "hold per set, 1-600 seconds (isometrics)" },
	{ "load", required_argument, O_LOAD, "W", "external load in your units (kg, or lb with profile --units imperial)" },
	{ "kg", required_argument, O_KG, "W", "external load, kg" },
	{ "lb", required_argument, O_LB, "W", "external load, lb" },
	{ "side", required_argument, O_SIDE, "left|right|both", "which leg (default both)" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain" },
	{ "stage", required_argument, O_STAGE, "STAGE", "a custom exercise's stage: settle|strength|return_to_run|full_load" },
	{ "ex-kind", required_argument, O_EXKIND, "KIND", "a custom exercise's kind: isometric|isotonic|plyometric" },
	TIME_OPT,
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec rehab_spec = { "log rehab --exercise NAME --sets S (--reps R | --hold-s T) [--load W | --kg W | --lb W] [--side S] "
	"[--rpe N] [--pain-during N] [--sharp]\n                 [--stage STAGE --ex-kind KIND] [--time HH:MM] [--date D]",
	"Record one exercise of a rehab session (an exercise not in the library needs --stage and --ex-kind).", rehab_opts };

/* The exercise: one from the library, or a custom one with its stage and kind. */
static int rehab_exercise(cli_ctx *ctx, args *a, tendo_rehab *e)
{
	const char *name = a->v[O_EXERCISE];
	const tendo_exercise *ex = tendo_exercise_find(name);
	bool custom = a->v[O_STAGE] || a->v[O_EXKIND];
	if (ex && custom)
		return cli_usage(ctx, "--exercise '%s' is in the library, which knows its stage and kind: leave out --stage "
		                 "and --ex-kind", name);
	if (ex) {
		snprintf(e->exercise, sizeof(e->exercise), "%s", ex->name);
		return 0;
	}
	if (!custom)
		return cli_usage(ctx, "--exercise '%s' is not in the library: %s; to log your own exercise, add --stage %s "
		                 "and --ex-kind %s", name, tendo_exercise_names(), tendo_stage_names(), tendo_ex_kind_names());
	if (!a->v[O_STAGE] || !a->v[O_EXKIND])
		return cli_usage(ctx, "a custom exercise needs both --stage (%s) and --ex-kind (%s)", tendo_stage_names(),
		                 tendo_ex_kind_names());
	tendo_stage st;
	tendo_ex_kind k;
	if (tendo_stage_parse(&st, a->v[O_STAGE]))
		return cli_usage(ctx, "--stage must be %s (got '%s')", tendo_stage_names(), a->v[O_STAGE]);
	if (tendo_ex_kind_parse(&k, a->v[O_EXKIND]))
		return cli_usage(ctx, "--ex-kind must be %s (got '%s')", tendo_ex_kind_names(), a->v[O_EXKIND]);
	if (!name[0] || strlen(name) >= sizeof(e->exercise))
		return cli_usage(ctx, "--exercise must be a name of 1-%zu bytes", sizeof(e->exercise) - 1);
	snprintf(e->exercise, sizeof(e->exercise), "%s", name);
	e->custom = true;
	e->custom_stage = (int)st;
	e->custom_kind = (int)k;
	return 0;
}

static int log_rehab(cli_ctx *ctx, args *a, logged *out)
{
	tendo_rehab e = { .reps = -1, .hold_s = -1, .kg = -1, .side = TENDO_SIDE_BOTH, .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_EXERCISE])
		return cli_usage(ctx, "--exercise is required (see tendo exercises)");
	if ((rc = rehab_exercise(ctx, a, &e)))
		return rc;
	if (!a->v[O_SETS])
		return cli_usage(ctx, "--sets is required (1-20)");
	if ((rc = opt_int(ctx, a, O_SETS, "sets", 1, TENDO_SETS_MAX, &e.sets)))
		return rc;
	if (!!a->v[O_REPS] == !!a->v[O_HOLD])
		return cli_usage(ctx, "give either --reps or --hold-s, not %s", a->v[O_REPS] ? "both" : "neither");
	if ((rc = opt_int(ctx, a, O_REPS, "reps", 1, TENDO_REPS_MAX, &e.reps)) ||
	    (rc = opt_int(ctx, a, O_HOLD, "hold-s", 1, TENDO_HOLD_S_MAX, &e.hold_s)) ||
	    (rc = opt_load(ctx, a, &e.kg)))
		return rc;
	if (a->v[O_SIDE] && tendo_side_parse(&e.side, a->v[O_SIDE]))
		return cli_usage(ctx, "--side must be %s (got '%s')", tendo_side_names(), a->v[O_SIDE]);
	e.sharp = a->v[O_SHARP] != NULL;
	if ((rc = opt_score(ctx, a, O_RPE, "rpe", &e.rpe)) || (rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)) ||
	    (rc = opt_time(ctx, a, &e.time_min)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_rehab(&e))))
		return rc;
	int n;
	if (e.reps > 0)
		n = snprintf(out->what, sizeof(out->what), "%s %d x %d%s", e.exercise, e.sets, e.reps, e.kg > 0 ? " with load" : "");
	else
		n = snprintf(out->what, sizeof(out->what), "%s %d x %d s", e.exercise, e.sets, e.hold_s);
	if (e.custom && n > 0 && (size_t)n < sizeof(out->what))
		n += snprintf(out->what + n, sizeof(out->what) - (size_t)n, " (custom: %s, %s)",
		              tendo_stage_name((tendo_stage)e.custom_stage), tendo_ex_kind_name((tendo_ex_kind)e.custom_kind));
	if (e.sharp && n > 0 && (size_t)n < sizeof(out->what))
		snprintf(out->what + n, sizeof(out->what) - (size_t)n, " with sharp pain");
	return ctx->store && tendo_store_add_rehab(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* --------------------------------------------------------------- cross */

static const cli_opt cross_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "stairs|swim|cycle|elliptical|row|walk" },
	{ "minutes", required_argument, O_MINUTES, "M", "how long, 1-600 minutes" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain" },
	TIME_OPT,
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec cross_spec = { "log cross --kind K --minutes M [--pain-during N] [--sharp] [--time HH:MM] [--date D]",
	"Record cross-training.", cross_opts };

static int log_cross(cli_ctx *ctx, args *a, logged *out)
{
	tendo_cross e = { .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_cross_kind_names());
	if (tendo_cross_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_cross_kind_names(), a->v[O_KIND]);
	if (!a->v[O_MINUTES])
		return cli_usage(ctx, "--minutes is required (1-600)");
	if ((rc = opt_double(ctx, a, O_MINUTES, "minutes", TENDO_MINUTES_MIN, TENDO_MINUTES_MAX, &e.minutes)))
		return rc;
	e.sharp = a->v[O_SHARP] != NULL;
	if ((rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)) || (rc = opt_time(ctx, a, &e.time_min)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_cross(&e))))
		return rc;
	snprintf(out->what, sizeof(out->what), "%s %g min%s", tendo_cross_kind_name(e.kind), e.minutes,
	         e.sharp ? " with sharp pain" : "");
	return ctx->store && tendo_store_add_cross(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* ---------------------------------------------------------------- test */

static const cli_opt test_opts[] = {
	{ "drop-lunge-pain", required_argument, O_LUNGE, "0-10", "pain in an unweighted drop lunge, painful leg in front" },
	{ "bridge-reps-left", required_argument, O_BL, "N", "single-leg bridge reps, left" },
	{ "bridge-reps-right", required_argument, O_BR, "N", "single-leg bridge reps, right" },
	{ "curl-10rm-left", required_argument, O_CL, "W", "prone curl 10-rep max, left, in your units (kg or lb)" },
	{ "curl-10rm-right", required_argument, O_CR, "W", "prone curl 10-rep max, right, in your units (kg or lb)" },
	{ "rest-pain", required_argument, O_REST, "0-10", "pain at rest" },
	TIME_OPT,
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec test_spec = { "log test [--drop-lunge-pain N] [--bridge-reps-left N --bridge-reps-right N] "
	"[--curl-10rm-left W --curl-10rm-right W] [--rest-pain N]\n                [--time HH:MM] [--date D]",
	"Record readiness tests.", test_opts };

static int log_test(cli_ctx *ctx, args *a, logged *out)
{
	tendo_test e = { .drop_lunge_pain = -1, .bridge_left = -1, .bridge_right = -1, .curl_left = -1,
		.curl_right = -1, .rest_pain = -1, .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_LUNGE] && !a->v[O_BL] && !a->v[O_BR] && !a->v[O_CL] && !a->v[O_CR] && !a->v[O_REST])
		return cli_usage(ctx, "give at least one result: --drop-lunge-pain, --bridge-reps-left/right, "
		                      "--curl-10rm-left/right or --rest-pain");
	if (!!a->v[O_BL] != !!a->v[O_BR])
		return cli_usage(ctx, "--bridge-reps-left and --bridge-reps-right go together");
	if (!!a->v[O_CL] != !!a->v[O_CR])
		return cli_usage(ctx, "--curl-10rm-left and --curl-10rm-right go together");
	if ((rc = opt_score(ctx, a, O_LUNGE, "drop-lunge-pain", &e.drop_lunge_pain)) ||
	    (rc = opt_score(ctx, a, O_REST, "rest-pain", &e.rest_pain)) || (rc = opt_time(ctx, a, &e.time_min)))
		return rc;
	if ((rc = opt_int(ctx, a, O_BL, "bridge-reps-left", 0, TENDO_BRIDGE_REPS_MAX, &e.bridge_left)) ||
	    (rc = opt_int(ctx, a, O_BR, "bridge-reps-right", 0, TENDO_BRIDGE_REPS_MAX, &e.bridge_right)) ||
	    (rc = opt_user_kg(ctx, a, O_CL, "curl-10rm-left", TENDO_CURL_KG_MAX, &e.curl_left)) ||
	    (rc = opt_user_kg(ctx, a, O_CR, "curl-10rm-right", TENDO_CURL_KG_MAX, &e.curl_right)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_test(&e))))
		return rc;
	double lc, lb;
	bool pass = tendo_engine_test_passes(&e, NULL, &ctx->profile, &lc, &lb);
	size_t wsz = sizeof(out->what);
	char *what = out->what;
	int n = snprintf(what, wsz, "readiness test");
	if (lc >= 0 && n > 0 && (size_t)n < wsz)
		n += snprintf(what + n, wsz - (size_t)n, ", curl LSI %.0f%%", lc);
	if (lb >= 0 && n > 0 && (size_t)n < wsz)
		n += snprintf(what + n, wsz - (size_t)n, ", bridge LSI %.0f%%", lb);
	if (ctx->profile.side != TENDO_SIDE_BOTH && n > 0 && (size_t)n < wsz)
		snprintf(what + n, wsz - (size_t)n, pass ? " (all pass)" : " (not all pass)");
	return ctx->store && tendo_store_add_test(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* ---------------------------------------------------------------- flag */

static const cli_opt flag_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "pop|bruising|numbness|tingling|night-pain|spreading (pain spreading down "
	  "the leg), or cleared once a clinician has cleared you" },
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec flag_spec = { "log flag --kind pop|bruising|numbness|tingling|night-pain|cleared|spreading [--date D]",
	"Record a red flag (tendo then stops prescribing loading), or a clinician's clearance.", flag_opts };

static int log_flag(cli_ctx *ctx, args *a, logged *out)
{
	tendo_flag e = { 0 };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_flag_kind_names());
	if (tendo_flag_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_flag_kind_names(), a->v[O_KIND]);
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_flag(&e))))
		return rc;
	snprintf(out->what, sizeof(out->what), e.kind == TENDO_FLAG_CLEARED ? "clearance by a clinician" : "red flag: %s",
	         tendo_flag_kind_name(e.kind));
	if (e.kind != TENDO_FLAG_CLEARED)
		snprintf(out->after, sizeof(out->after), "%sred flag: see a clinician. tendo prescribes no loading until you "
		         "log 'tendo log flag --kind cleared'%s", cli_bold(ctx), cli_reset(ctx));
	return ctx->store && tendo_store_add_flag(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* ------------------------------------------------------ sitting, aggravator */

static const cli_opt sitting_opts[] = {
	{ "hours", required_argument, O_HOURS, "H", "hours sat in one go, 0-24" },
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec sitting_spec = { "log sitting --hours H [--date D]",
	"Record hours of sitting (the same as log aggravator --kind sitting).", sitting_opts };

static const cli_opt aggravator_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "sitting|driving (with --hours), stretching (hamstring stretches) or "
	  "hip-flexion (heavy lifting into hip flexion)" },
	{ "hours", required_argument, O_HOURS, "H", "hours in one go, 0-24: sitting and driving only" },
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec aggravator_spec = { "log aggravator --kind sitting|driving|stretching|hip-flexion [--hours H] [--date D]",
	"Record what aggravates the tendon: long sitting or driving, hamstring stretching, heavy hip-flexion lifting.",
	aggravator_opts };

static int log_aggravator_kind(cli_ctx *ctx, args *a, logged *out, tendo_aggravator_kind kind)
{
	tendo_sitting e = { .hours = -1, .kind = kind };
	int rc;
	bool timed = kind == TENDO_AGG_SITTING || kind == TENDO_AGG_DRIVING;
	if (timed && !a->v[O_HOURS])
		return cli_usage(ctx, "--hours is required for %s (0-24)", tendo_aggravator_kind_name(kind));
	if (!timed && a->v[O_HOURS])
		return cli_usage(ctx, "--hours goes with --kind sitting or driving, not %s", tendo_aggravator_kind_name(kind));
	if ((rc = opt_double(ctx, a, O_HOURS, "hours", 0, TENDO_HOURS_MAX, &e.hours)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_sitting(&e))))
		return rc;
	switch (kind) {
	case TENDO_AGG_SITTING: snprintf(out->what, sizeof(out->what), "sitting %g h", e.hours); break;
	case TENDO_AGG_DRIVING: snprintf(out->what, sizeof(out->what), "driving %g h", e.hours); break;
	case TENDO_AGG_STRETCHING: snprintf(out->what, sizeof(out->what), "hamstring stretching"); break;
	case TENDO_AGG_HIP_FLEXION: snprintf(out->what, sizeof(out->what), "heavy hip-flexion lifting"); break;
	}
	return ctx->store && tendo_store_add_sitting(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

static int log_sitting(cli_ctx *ctx, args *a, logged *out)
{
	return log_aggravator_kind(ctx, a, out, TENDO_AGG_SITTING);
}

static int log_aggravator(cli_ctx *ctx, args *a, logged *out)
{
	tendo_aggravator_kind kind;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_aggravator_kind_names());
	if (tendo_aggravator_kind_parse(&kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_aggravator_kind_names(), a->v[O_KIND]);
	return log_aggravator_kind(ctx, a, out, kind);
}

/* ---------------------------------------------------------------- visa */

static const cli_opt visa_opts[] = {
	{ "items", required_argument, O_ITEMS, "S1,...,S8",
	  "the 8 item scores of the VISA-H: items 1-6 0-10, item 7 0|4|7|10, item 8 0-30" },
	DATE_OPT,
	JSON_OPT,
	{ 0 }
};
static const cli_spec visa_spec = { "log visa --items S1,S2,S3,S4,S5,S6,S7,S8 [--date D]",
	"Record a VISA-H questionnaire (outcome measure, 0-100, higher is better; every 2-4 weeks).", visa_opts };

static int log_visa(cli_ctx *ctx, args *a, logged *out)
{
	tendo_visa e = { 0 };
	int rc;
	if (!a->v[O_ITEMS])
		return cli_usage(ctx, "--items is required: the 8 item scores, e.g. 7,8,6,9,5,6,7,20");
	if (tendo_visa_parse(&e, a->v[O_ITEMS]))
		return cli_usage(ctx, "--items: %s", tendo_error_last());
	if ((rc = cli_log_date(ctx, a->v[O_DATE], &out->date)))
		return rc;
	e.date = out->date;
	if ((rc = cli_check(ctx, tendo_check_visa(&e))))
		return rc;
	snprintf(out->what, sizeof(out->what), "VISA-H %d/100", e.total);
	return ctx->store && tendo_store_add_visa(ctx->store, &e, cli_stamp(ctx, out->date), &out->id) ? -1 : 0;
}

/* ------------------------------------------------------------ dispatch */

typedef struct {
	const char *name;
	const cli_spec *spec;
	int (*fn)(cli_ctx *, args *, logged *);
} kind;

static const kind kinds[] = {
	{ "pain", &pain_spec, log_pain }, { "run", &run_spec, log_run }, { "rehab", &rehab_spec, log_rehab },
	{ "cross", &cross_spec, log_cross }, { "test", &test_spec, log_test }, { "flag", &flag_spec, log_flag },
	{ "sitting", &sitting_spec, log_sitting }, { "aggravator", &aggravator_spec, log_aggravator },
	{ "visa", &visa_spec, log_visa },
};
#define KIND_NAMES "pain, run, rehab, cross, test, flag, sitting, aggravator or visa"

static void log_usage(FILE *f)
{
	fprintf(f, "usage: tendo [--db PATH] log <kind> [options]\n\nkinds:\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		fprintf(f, "  %-10s %s\n", kinds[k].name, kinds[k].spec->summary);
	fprintf(f, "\n'tendo log <kind> --help' for the options of each; with --json every kind prints the new\n"
	           "entry as tendo history --json shows it ({\"id\", \"date\", \"type\", its fields, \"note\"}) and \"what\".\n");
}

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(ctx, "give a kind: " KIND_NAMES " (see tendo log --help)");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		log_usage(stdout);
		return EXIT_OK;
	}
	const kind *k = NULL;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(argv[1], kinds[i].name) == 0)
			k = &kinds[i];
	if (!k) {
		const char *names[sizeof(kinds) / sizeof(kinds[0])];
		for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			names[i] = kinds[i].name;
		const char *near = cli_closest(argv[1], names, sizeof(names) / sizeof(names[0]));
		if (near && argv[1][0] != '-')
			return cli_usage(ctx, "unknown kind '%s'. Did you mean '%s'? (" KIND_NAMES ")", argv[1], near);
		return cli_usage(ctx, "unknown kind '%s': " KIND_NAMES, argv[1]);
	}

	static char cmdname[32];
	snprintf(cmdname, sizeof(cmdname), "log %s", k->name);
	ctx->cmd = cmdname;
	args a = { 0 };
	int rc = cli_parse(ctx, k->spec, argc - 1, argv + 1, on_opt, &a, NULL);
	if (rc)
		return rc;
	bool json = a.v[O_JSON] != NULL;
	/* check every value before the database is touched: a usage error is a
	 * usage error whether or not the database is there, locked or corrupt
	 * (the future-date check needs the athlete's zone, so it waits) */
	logged out = { .date = TENDO_DATE_NONE };
	ctx->today = tendo_date_from_ymd(TENDO_YEAR_MAX, 12, 31); /* any day the parser takes */
	if ((rc = k->fn(ctx, &a, &out)))
		return rc;
	if ((rc = cli_open(ctx, true)))
		return rc;
	if ((rc = tendo_store_begin(ctx->store)))
		return cli_lib_error(ctx, rc);
	memset(&out, 0, sizeof(out));
	rc = k->fn(ctx, &a, &out);
	tendo_date start = ctx->profile.start;
	if (rc == 0 && out.date < start && (rc = tendo_store_set_start(ctx->store, out.date)))
		rc = -1;
	if (rc > 0) { /* a usage or runtime error, already reported */
		tendo_store_rollback(ctx->store);
		return rc;
	}
	if (rc < 0 || (rc = tendo_store_commit(ctx->store))) {
		const char *msg = tendo_error_last();
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "nothing written: %s", msg[0] ? msg : "database error");
	}
	char d[TENDO_DATE_BUFSZ], s[TENDO_DATE_BUFSZ];
	if (json) {
		if (out.after[0])
			rc = cli_print_entry(ctx, out.id, out.date, json_pack("{s:s}", "after", out.after));
		else
			rc = cli_print_entry(ctx, out.id, out.date, NULL);
		tendo_date_format(out.date, d);
		if (rc)
			return rc;
	} else {
		printf("logged #%lld on %s: %s\n", (long long)out.id, tendo_date_format(out.date, d), cli_text(out.what));
		if (out.after[0])
			printf("%s\n", out.after);
	}
	if (out.date < start)
		fprintf(stderr, "tendo: %s: programme start moved back from %s to %s\n", ctx->cmd, tendo_date_format(start, s),
		        d);
	return 0;
}
