/*
 * cmd_log.c - tendo log <kind>: record one entry, validated, in one
 * transaction. Every value is range-checked before anything is written.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum {
	O_KIND = 1, O_SCORE, O_DATE, O_NOTE, O_MINUTES, O_KM, O_TERRAIN, O_INTENT, O_WALK, O_RPE,
	O_PDURING, O_PAFTER, O_SHARP, O_EXERCISE, O_SETS, O_REPS, O_HOLD, O_KG, O_SIDE, O_LUNGE,
	O_BL, O_BR, O_CL, O_CR, O_REST, O_HOURS, O_ITEMS, O__N
};

typedef struct {
	const char *v[O__N]; /* the value of each option given, NULL if absent */
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	((args *)u)->v[id] = v ? v : "1";
	return 0;
}

#define DATE_OPT { "date", required_argument, O_DATE, "D", "the day, YYYY-MM-DD in your zone (default today)" }

/* ---------------------------------------------------------------- pain */

static const cli_opt pain_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "during|after|morning|task|rest|sitting (task = the morning monitoring task)" },
	{ "score", required_argument, O_SCORE, "0-10", "pain, 0 none to 10 worst imaginable" },
	DATE_OPT,
	{ "note", required_argument, O_NOTE, "TEXT", "where it hurt, what set it off" },
	{ 0 }
};
static const cli_spec pain_spec = { "log pain --kind K --score 0-10 [--date D] [--note TEXT]",
	"Record a pain score.", pain_opts };

static int log_pain(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_pain e = { 0 };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_pain_kind_names());
	if (tendo_pain_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_pain_kind_names(), a->v[O_KIND]);
	if (!a->v[O_SCORE])
		return cli_usage(ctx, "--score is required (0-10)");
	if ((rc = cli_int(ctx, "score", a->v[O_SCORE], 0, 10, &e.score)))
		return rc;
	if (a->v[O_NOTE] && strlen(a->v[O_NOTE]) > 1000)
		return cli_usage(ctx, "--note is too long (1000 bytes at most)");
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, "pain (%s) %d/10", tendo_pain_kind_name(e.kind), e.score);
	return ctx->store && tendo_store_add_pain(ctx->store, &e, cli_stamp(ctx, *date), a->v[O_NOTE], id) ? -1 : 0;
}

/* ----------------------------------------------------------------- run */

static const cli_opt run_opts[] = {
	{ "minutes", required_argument, O_MINUTES, "M", "how long, 1-600 minutes" },
	{ "km", required_argument, O_KM, "K", "distance, km" },
	{ "terrain", required_argument, O_TERRAIN, "T", "flat|hilly|treadmill|trail (default flat)" },
	{ "intent", required_argument, O_INTENT, "I", "easy|long|speed|hills (default easy)" },
	{ "walk-breaks", no_argument, O_WALK, NULL, "run/walk pattern" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	{ "pain-after", required_argument, O_PAFTER, "0-10", "pain after, same day" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec run_spec = { "log run --minutes M [--km K] [--terrain T] [--intent I] [--walk-breaks] [--rpe N] "
	"[--pain-during N] [--pain-after N] [--sharp] [--date D]", "Record a run.", run_opts };

static int opt_score(cli_ctx *ctx, args *a, int id, const char *name, int *out)
{
	*out = -1;
	return a->v[id] ? cli_int(ctx, name, a->v[id], 0, 10, out) : 0;
}

static int log_run(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_run e = { .km = -1, .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_MINUTES])
		return cli_usage(ctx, "--minutes is required (1-600)");
	if ((rc = cli_double(ctx, "minutes", a->v[O_MINUTES], 1, 600, &e.minutes)))
		return rc;
	if (a->v[O_KM] && (rc = cli_double(ctx, "km", a->v[O_KM], 0, 300, &e.km)))
		return rc;
	if (a->v[O_TERRAIN] && tendo_terrain_parse(&e.terrain, a->v[O_TERRAIN]))
		return cli_usage(ctx, "--terrain must be %s (got '%s')", tendo_terrain_names(), a->v[O_TERRAIN]);
	if (a->v[O_INTENT] && tendo_intent_parse(&e.intent, a->v[O_INTENT]))
		return cli_usage(ctx, "--intent must be %s (got '%s')", tendo_intent_names(), a->v[O_INTENT]);
	e.walk_breaks = a->v[O_WALK] != NULL;
	e.sharp = a->v[O_SHARP] != NULL;
	if ((rc = opt_score(ctx, a, O_RPE, "rpe", &e.rpe)) || (rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)) ||
	    (rc = opt_score(ctx, a, O_PAFTER, "pain-after", &e.pain_after)))
		return rc;
	if (e.km > 0 && e.km / (e.minutes / 60.0) > 30)
		return cli_usage(ctx, "--km %g in %g minutes is faster than 30 km/h: check the numbers", e.km, e.minutes);
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, "run %g min%s", e.minutes, e.sharp ? " with sharp pain" : "");
	return ctx->store && tendo_store_add_run(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* --------------------------------------------------------------- rehab */

static const cli_opt rehab_opts[] = {
	{ "exercise", required_argument, O_EXERCISE, "NAME", "an exercise from 'tendo exercises'" },
	{ "sets", required_argument, O_SETS, "S", "sets, 1-20" },
	{ "reps", required_argument, O_REPS, "R", "reps per set, 1-100" },
	{ "hold-s", required_argument, O_HOLD, "T", "hold per set, 1-600 seconds (isometrics)" },
	{ "kg", required_argument, O_KG, "W", "external load, kg" },
	{ "side", required_argument, O_SIDE, "left|right|both", "which leg (default both)" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec rehab_spec = { "log rehab --exercise NAME --sets S (--reps R | --hold-s T) [--kg W] [--side S] "
	"[--rpe N] [--pain-during N] [--date D]", "Record one exercise of a rehab session.", rehab_opts };

static int log_rehab(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_rehab e = { .reps = -1, .hold_s = -1, .kg = -1, .side = TENDO_SIDE_BOTH, .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_EXERCISE])
		return cli_usage(ctx, "--exercise is required (see tendo exercises)");
	const tendo_exercise *ex = tendo_exercise_find(a->v[O_EXERCISE]);
	if (!ex)
		return cli_usage(ctx, "--exercise '%s' is not in the library: %s", a->v[O_EXERCISE], tendo_exercise_names());
	snprintf(e.exercise, sizeof(e.exercise), "%s", ex->name);
	if (!a->v[O_SETS])
		return cli_usage(ctx, "--sets is required (1-20)");
	if ((rc = cli_int(ctx, "sets", a->v[O_SETS], 1, 20, &e.sets)))
		return rc;
	if (!!a->v[O_REPS] == !!a->v[O_HOLD])
		return cli_usage(ctx, "give either --reps or --hold-s, not %s", a->v[O_REPS] ? "both" : "neither");
	if (a->v[O_REPS] && (rc = cli_int(ctx, "reps", a->v[O_REPS], 1, 100, &e.reps)))
		return rc;
	if (a->v[O_HOLD] && (rc = cli_int(ctx, "hold-s", a->v[O_HOLD], 1, 600, &e.hold_s)))
		return rc;
	if (a->v[O_KG] && (rc = cli_double(ctx, "kg", a->v[O_KG], 0, 500, &e.kg)))
		return rc;
	if (a->v[O_SIDE] && tendo_side_parse(&e.side, a->v[O_SIDE]))
		return cli_usage(ctx, "--side must be %s (got '%s')", tendo_side_names(), a->v[O_SIDE]);
	if ((rc = opt_score(ctx, a, O_RPE, "rpe", &e.rpe)) || (rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	if (e.reps > 0)
		snprintf(what, wsz, "%s %d x %d%s", e.exercise, e.sets, e.reps, e.kg > 0 ? " with load" : "");
	else
		snprintf(what, wsz, "%s %d x %d s", e.exercise, e.sets, e.hold_s);
	return ctx->store && tendo_store_add_rehab(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* --------------------------------------------------------------- cross */

static const cli_opt cross_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "stairs|swim|cycle|elliptical|row|walk" },
	{ "minutes", required_argument, O_MINUTES, "M", "how long, 1-600 minutes" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec cross_spec = { "log cross --kind K --minutes M [--pain-during N] [--date D]",
	"Record cross-training.", cross_opts };

static int log_cross(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_cross e = { .time_min = TENDO_TOD_NONE };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_cross_kind_names());
	if (tendo_cross_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_cross_kind_names(), a->v[O_KIND]);
	if (!a->v[O_MINUTES])
		return cli_usage(ctx, "--minutes is required (1-600)");
	if ((rc = cli_double(ctx, "minutes", a->v[O_MINUTES], 1, 600, &e.minutes)))
		return rc;
	if ((rc = opt_score(ctx, a, O_PDURING, "pain-during", &e.pain_during)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, "%s %g min", tendo_cross_kind_name(e.kind), e.minutes);
	return ctx->store && tendo_store_add_cross(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* ---------------------------------------------------------------- test */

static const cli_opt test_opts[] = {
	{ "drop-lunge-pain", required_argument, O_LUNGE, "0-10", "pain in an unweighted drop lunge, painful leg in front" },
	{ "bridge-reps-left", required_argument, O_BL, "N", "single-leg bridge reps, left" },
	{ "bridge-reps-right", required_argument, O_BR, "N", "single-leg bridge reps, right" },
	{ "curl-10rm-left", required_argument, O_CL, "KG", "prone curl 10-rep max, left" },
	{ "curl-10rm-right", required_argument, O_CR, "KG", "prone curl 10-rep max, right" },
	{ "rest-pain", required_argument, O_REST, "0-10", "pain at rest" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec test_spec = { "log test [--drop-lunge-pain N] [--bridge-reps-left N --bridge-reps-right N] "
	"[--curl-10rm-left KG --curl-10rm-right KG] [--rest-pain N] [--date D]", "Record readiness tests.", test_opts };

static int log_test(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
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
	    (rc = opt_score(ctx, a, O_REST, "rest-pain", &e.rest_pain)))
		return rc;
	if (a->v[O_BL] && ((rc = cli_int(ctx, "bridge-reps-left", a->v[O_BL], 0, 200, &e.bridge_left)) ||
	                   (rc = cli_int(ctx, "bridge-reps-right", a->v[O_BR], 0, 200, &e.bridge_right))))
		return rc;
	if (a->v[O_CL] && ((rc = cli_double(ctx, "curl-10rm-left", a->v[O_CL], 0, 300, &e.curl_left)) ||
	                   (rc = cli_double(ctx, "curl-10rm-right", a->v[O_CR], 0, 300, &e.curl_right))))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	double lc, lb;
	bool pass = tendo_engine_test_passes(&e, NULL, &ctx->profile, &lc, &lb);
	int n = snprintf(what, wsz, "readiness test");
	if (lc >= 0 && n > 0 && (size_t)n < wsz)
		n += snprintf(what + n, wsz - (size_t)n, ", curl LSI %.0f%%", lc);
	if (lb >= 0 && n > 0 && (size_t)n < wsz)
		n += snprintf(what + n, wsz - (size_t)n, ", bridge LSI %.0f%%", lb);
	if (ctx->profile.side != TENDO_SIDE_BOTH && n > 0 && (size_t)n < wsz)
		snprintf(what + n, wsz - (size_t)n, pass ? " (all pass)" : " (not all pass)");
	return ctx->store && tendo_store_add_test(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* ---------------------------------------------------------------- flag */

static const cli_opt flag_opts[] = {
	{ "kind", required_argument, O_KIND, "K", "pop|bruising|numbness|tingling|night-pain, or cleared once a clinician has cleared you" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec flag_spec = { "log flag --kind pop|bruising|numbness|tingling|night-pain|cleared [--date D]",
	"Record a red flag (tendo then stops prescribing loading), or a clinician's clearance.", flag_opts };

static int log_flag(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_flag e = { 0 };
	int rc;
	if (!a->v[O_KIND])
		return cli_usage(ctx, "--kind is required: %s", tendo_flag_kind_names());
	if (tendo_flag_kind_parse(&e.kind, a->v[O_KIND]))
		return cli_usage(ctx, "--kind must be %s (got '%s')", tendo_flag_kind_names(), a->v[O_KIND]);
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, e.kind == TENDO_FLAG_CLEARED ? "clearance by a clinician" : "red flag: %s",
	         tendo_flag_kind_name(e.kind));
	return ctx->store && tendo_store_add_flag(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* ------------------------------------------------------------- sitting */

static const cli_opt sitting_opts[] = {
	{ "hours", required_argument, O_HOURS, "H", "hours sat (or driven) that day, 0-24" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec sitting_spec = { "log sitting --hours H [--date D]", "Record hours of sitting.", sitting_opts };

static int log_sitting(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_sitting e = { 0 };
	int rc;
	if (!a->v[O_HOURS])
		return cli_usage(ctx, "--hours is required (0-24)");
	if ((rc = cli_double(ctx, "hours", a->v[O_HOURS], 0, 24, &e.hours)))
		return rc;
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, "sitting %g h", e.hours);
	return ctx->store && tendo_store_add_sitting(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* ---------------------------------------------------------------- visa */

static const cli_opt visa_opts[] = {
	{ "items", required_argument, O_ITEMS, "S1,...,S8",
	  "the 8 item scores of the VISA-H: items 1-6 0-10, item 7 0|4|7|10, item 8 0-30" },
	DATE_OPT,
	{ 0 }
};
static const cli_spec visa_spec = { "log visa --items S1,S2,S3,S4,S5,S6,S7,S8 [--date D]",
	"Record a VISA-H questionnaire (outcome measure, 0-100, higher is better; every 2-4 weeks).", visa_opts };

static int log_visa(cli_ctx *ctx, args *a, tendo_date *date, int64_t *id, char *what, size_t wsz)
{
	tendo_visa e = { 0 };
	int rc;
	if (!a->v[O_ITEMS])
		return cli_usage(ctx, "--items is required: the 8 item scores, e.g. 7,8,6,9,5,6,7,20");
	if (tendo_visa_parse(&e, a->v[O_ITEMS]))
		return cli_usage(ctx, "--items: %s", tendo_error_last());
	if ((rc = cli_log_date(ctx, a->v[O_DATE], date)))
		return rc;
	e.date = *date;
	snprintf(what, wsz, "VISA-H %d/100", e.total);
	return ctx->store && tendo_store_add_visa(ctx->store, &e, cli_stamp(ctx, *date), id) ? -1 : 0;
}

/* ------------------------------------------------------------ dispatch */

typedef struct {
	const char *name;
	const cli_spec *spec;
	int (*fn)(cli_ctx *, args *, tendo_date *, int64_t *, char *, size_t);
} kind;

static const kind kinds[] = {
	{ "pain", &pain_spec, log_pain }, { "run", &run_spec, log_run }, { "rehab", &rehab_spec, log_rehab },
	{ "cross", &cross_spec, log_cross }, { "test", &test_spec, log_test }, { "flag", &flag_spec, log_flag },
	{ "sitting", &sitting_spec, log_sitting }, { "visa", &visa_spec, log_visa },
};

static void log_usage(FILE *f)
{
	fprintf(f, "usage: tendo [--db PATH] log <kind> [options]\n\nkinds:\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		fprintf(f, "  %-8s %s\n", kinds[k].name, kinds[k].spec->summary);
	fprintf(f, "\n'tendo log <kind> --help' for the options of each.\n");
}

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(ctx, "give a kind: pain, run, rehab, cross, test, flag, sitting or visa (see tendo log --help)");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		log_usage(stdout);
		return EXIT_OK;
	}
	const kind *k = NULL;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(argv[1], kinds[i].name) == 0)
			k = &kinds[i];
	if (!k)
		return cli_usage(ctx, "unknown kind '%s': pain, run, rehab, cross, test, flag, sitting or visa", argv[1]);

	static char cmdname[32];
	snprintf(cmdname, sizeof(cmdname), "log %s", k->name);
	ctx->cmd = cmdname;
	args a = { 0 };
	int rc = cli_parse(ctx, k->spec, argc - 1, argv + 1, on_opt, &a, NULL);
	if (rc)
		return rc;
	/* check every value before the database is touched: a usage error is a
	 * usage error whether or not the database is there, locked or corrupt
	 * (the future-date check needs the athlete's zone, so it waits) */
	tendo_date date = TENDO_DATE_NONE;
	int64_t id = 0;
	char what[160] = "";
	ctx->today = INT32_MAX;
	if ((rc = k->fn(ctx, &a, &date, &id, what, sizeof(what))))
		return rc;
	if ((rc = cli_open(ctx, true)))
		return rc;
	if ((rc = tendo_store_begin(ctx->store)))
		return cli_lib_error(ctx, rc);
	date = ctx->today;
	rc = k->fn(ctx, &a, &date, &id, what, sizeof(what));
	if (rc > 0) { /* a usage error, already reported */
		tendo_store_rollback(ctx->store);
		return rc;
	}
	if (rc < 0 || (rc = tendo_store_commit(ctx->store))) {
		const char *msg = tendo_error_last();
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "nothing written: %s", msg[0] ? msg : "database error");
	}
	char d[TENDO_DATE_BUFSZ];
	printf("logged #%lld on %s: %s\n", (long long)id, tendo_date_format(date, d), what);
	if (strcmp(k->name, "flag") == 0 && strcmp(a.v[O_KIND], "cleared") != 0)
		printf("%sred flag: see a clinician. tendo prescribes no loading until you log 'tendo log flag --kind cleared'%s\n",
		       cli_bold(ctx), cli_reset(ctx));
	return 0;
}
