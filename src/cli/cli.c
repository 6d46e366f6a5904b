/*
 * cli.c - helpers shared by the commands (cli.h): option parsing from
 * tables, checked number and date conversion, messages, opening the store.
 */
#include <tendo/text.h>
#include <tendo/validate.h>

#include "cli.h"
#include "../shapes/shapes.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_OPTS 32

/* The global options, taken by every command before or after its name
 * (main.c takes them before it). */
enum { OPT_GLOBAL_DB = 1000, OPT_GLOBAL_NO_COLOR };
static const cli_opt global_opts[] = {
	{ "db", required_argument, OPT_GLOBAL_DB, "PATH", "the database (default $TENDO_DB, else $XDG_DATA_HOME/tendo/tendo.db)" },
	{ "no-color", no_argument, OPT_GLOBAL_NO_COLOR, NULL, "no colour or bold (also NO_COLOR=1, TERM=dumb or not a terminal)" },
	{ 0 }
};

static void help_opts(const cli_opt *opts)
{
	for (const cli_opt *o = opts; o && o->name; o++) {
		char left[48];
		snprintf(left, sizeof(left), "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		printf("  %-26s %s\n", left, o->help);
	}
}

void cli_help(const cli_spec *spec)
{
	printf("usage: tendo [--db PATH] %s\n\n%s\n", spec->usage, spec->summary);
	if (spec->opts && spec->opts[0].name) {
		printf("\noptions:\n");
		help_opts(spec->opts);
	}
	printf("  %-26s %s\n", "--help", "show this help");
	printf("\nglobal options (before or after the command):\n");
	help_opts(global_opts);
	printf("\nOptions may follow the arguments; '--' ends the options. A FILE of '-' is standard input or output.\n");
}

/* Options are GNU-permuted: they may come before, between or after the
 * operands, and "--" ends them (after it, "-5" is an operand). The global
 * options are taken here too, so they work after the command. */
static int parse(cli_ctx *ctx, const cli_spec *spec, int argc, char **argv,
                 int (*on_opt)(cli_ctx *, int, const char *, void *), void *user, int *first_arg)
{
	struct option lo[MAX_OPTS + 4];
	int n = 0;
	for (const cli_opt *o = spec->opts; o && o->name && n < MAX_OPTS; o++, n++)
		lo[n] = (struct option){ o->name, o->has_arg, NULL, o->id };
	for (const cli_opt *o = global_opts; o->name; o++) {
		bool own = false; /* a command's own option of the same name wins */
		for (int k = 0; k < n; k++)
			own |= strcmp(lo[k].name, o->name) == 0;
		if (!own)
			lo[n++] = (struct option){ o->name, o->has_arg, NULL, o->id };
	}
	lo[n++] = (struct option){ "help", no_argument, NULL, OPT_HELP };
	lo[n] = (struct option){ 0, 0, 0, 0 };
	optind = 0; /* GNU: reinitialise */
	opterr = 0;
	for (;;) {
		/* no '+': glibc permutes (unless POSIXLY_CORRECT is set) */
		int c = getopt_long(argc, argv, ":h", lo, NULL);
		if (c == -1)
			break;
		if (c == OPT_HELP) {
			cli_help(spec);
			return EXIT_OK + 100; /* stop, success */
		}
		if (c == '?')
			return cli_usage(ctx, "unknown option '%s' (see tendo %s --help)", argv[optind - 1], ctx->cmd);
		if (c == ':')
			return cli_usage(ctx, "option '%s' needs a value (see tendo %s --help)", argv[optind - 1], ctx->cmd);
		if (c == OPT_GLOBAL_DB) {
			if (!optarg[0])
				return cli_usage(ctx, "--db needs a path");
			ctx->db_path = optarg;
			continue;
		}
		if (c == OPT_GLOBAL_NO_COLOR) {
			ctx->color = false;
			continue;
		}
		int rc = on_opt(ctx, c, optarg, user);
		if (rc)
			return rc;
	}
	if (first_arg)
		*first_arg = optind;
	else if (optind < argc)
		return cli_usage(ctx, "unexpected argument '%s' (see tendo %s --help)", argv[optind], ctx->cmd);
	return 0;
}

int cli_parse(cli_ctx *ctx, const cli_spec *spec, int argc, char **argv,
              int (*on_opt)(cli_ctx *, int, const char *, void *), void *user, int *first_arg)
{
	return parse(ctx, spec, argc, argv, on_opt, user, first_arg);
}

static int vmsg(const cli_ctx *ctx, int code, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

static int vmsg(const cli_ctx *ctx, int code, const char *fmt, va_list ap)
{
	/* a message may carry a file's name or an entry's text: made safe whole */
	char msg[2048], shown[4096];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "tendo: %s%s%s\n", ctx && ctx->cmd ? ctx->cmd : "", ctx && ctx->cmd ? ": " : "",
	        tendo_text_terminal(msg, shown, sizeof(shown)));
	return code;
}

int cli_usage(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vmsg(ctx, EXIT_USAGE, fmt, ap);
	va_end(ap);
	return rc;
}

int cli_fail(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vmsg(ctx, EXIT_RUNTIME, fmt, ap);
	va_end(ap);
	return rc;
}

int cli_lib_error(const cli_ctx *ctx, int rc)
{
	const char *msg = tendo_error_last();
	if (!msg[0])
		msg = tendo_error_name(rc);
	if (rc == TENDO_EINVAL)
		return cli_usage(ctx, "%s", msg);
	return cli_fail(ctx, "%s", msg);
}

/* A plain decimal: optional sign, digits, and (if frac) one '.' or ','
 * (a decimal comma: "7,5") with digits after it. strtol/strtod alone would
 * take " 5", "0x10", "1e2" or "inf". */
static bool plain_number(const char *s, bool frac)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	if (frac && (*s == '.' || *s == ',')) {
		s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

int cli_int(const cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!plain_number(s, false) || errno || end == s || *end || v < lo || v > hi)
		return cli_usage(ctx, "--%s must be a whole number %d-%d (got '%s')", opt, lo, hi, s);
	*out = (int)v;
	return 0;
}

/* strtod of a plain number whose decimal mark may be a comma. */
static double decimal(const char *s, char **end_ok)
{
	char b[64];
	snprintf(b, sizeof(b), "%s", s);
	char *c = strchr(b, ',');
	if (c)
		*c = '.';
	char *end;
	double v = strtod(b, &end);
	*end_ok = (char *)s + (end - b);
	return strlen(s) < sizeof(b) ? v : NAN;
}

int cli_double(const cli_ctx *ctx, const char *opt, const char *s, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = decimal(s, &end);
	if (!plain_number(s, true) || errno || end == s || *end || !isfinite(v) || v < lo || v > hi)
		return cli_usage(ctx, "--%s must be a number %g-%g (got '%s')", opt, lo, hi, s);
	*out = v;
	return 0;
}

int cli_num_int(const cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!plain_number(s, false) || errno || end == s || *end || v < 0 || v > INT_MAX)
		return opt ? cli_usage(ctx, "--%s must be a whole number %d-%d (got '%s')", opt, lo, hi, s) : EXIT_USAGE;
	*out = (int)v;
	return 0;
}

int cli_num_double(const cli_ctx *ctx, const char *opt, const char *s, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = decimal(s, &end);
	if (!plain_number(s, true) || errno || end == s || *end || !isfinite(v) || v < 0)
		return cli_usage(ctx, "--%s must be a number %g-%g (got '%s')", opt, lo, hi, s);
	*out = v;
	return 0;
}

/* The library's field names (tendo/validate.h) as the options that set them;
 * a name not listed is "--" and the name with '-' for '_'. */
static const struct {
	const char *field, *opt;
} field_opts[] = {
	{ "time_min", "--time" },
	{ "bridge_left", "--bridge-reps-left" },
	{ "bridge_right", "--bridge-reps-right" },
	{ "curl_left", "--curl-10rm-left" },
	{ "curl_right", "--curl-10rm-right" },
	{ "custom_stage", "--stage" },
	{ "custom_kind", "--ex-kind" },
	{ "session_id", "--session" },
	{ "start_stage", "--stage" },
	{ "start_run_step_min", "--run-step" },
	{ "start_week_min", "--week-min" },
	{ "start_curl_kg", "--curl-kg" },
	{ "start", "--start" },
};

int cli_check(const cli_ctx *ctx, int rc)
{
	if (rc == 0)
		return 0;
	const char *msg = tendo_error_last();
	size_t n = strspn(msg, "abcdefghijklmnopqrstuvwxyz_");
	char opt[64] = "";
	if (n > 0 && n < 40 && (msg[n] == ' ' || msg[n] == ':')) {
		for (size_t k = 0; k < sizeof(field_opts) / sizeof(field_opts[0]) && !opt[0]; k++)
			if (strlen(field_opts[k].field) == n && strncmp(msg, field_opts[k].field, n) == 0)
				snprintf(opt, sizeof(opt), "%s", field_opts[k].opt);
		if (!opt[0]) {
			snprintf(opt, sizeof(opt), "--%.*s", (int)n, msg);
			for (char *p = opt; *p; p++)
				if (*p == '_')
					*p = '-';
		}
		msg += n;
	}
	if (rc == TENDO_EINVAL)
		return cli_usage(ctx, "%s%s", opt, msg[0] ? msg : tendo_error_name(rc));
	return cli_fail(ctx, "%s%s", opt, msg[0] ? msg : tendo_error_name(rc));
}

int cli_check_scores(const cli_ctx *ctx, int rpe, int pain_during, int pain_after, int time_min)
{
	tendo_run probe = { .date = 0, .minutes = TENDO_MINUTES_MIN, .km = -1, .rpe = rpe, .pain_during = pain_during,
		.pain_after = pain_after, .time_min = time_min };
	return cli_check(ctx, tendo_check_run(&probe));
}

#define DATE_FORMS "YYYY-MM-DD, today, yesterday or -N (days ago)"

void cli_set_today(cli_ctx *ctx, const char *tz)
{
	ctx->today = tendo_date_of_instant(time(NULL), tz);
	/* TENDO_TODAY=YYYY-MM-DD: the day tendo takes as today (tests replaying a story) */
	const char *fake = getenv("TENDO_TODAY");
	tendo_date ft;
	if (fake && *fake && tendo_date_parse(&ft, fake) == 0)
		ctx->today = ft;
}

int cli_date(cli_ctx *ctx, const char *opt, const char *s, tendo_date *out)
{
	int ago = -1;
	if (strcmp(s, "today") == 0)
		ago = 0;
	else if (strcmp(s, "yesterday") == 0)
		ago = 1;
	else if (s[0] == '-' && s[1] >= '0' && s[1] <= '9' && cli_num_int(NULL, NULL, s + 1, 0, 0, &ago) != 0)
		ago = -2;
	if (ago == -2 || (ago > 36500))
		return cli_usage(ctx, "--%s must be " DATE_FORMS ", at most 36500 days ago (got '%s')", opt, s);
	if (ago >= 0) {
		*out = ctx->today - ago;
		if (ctx->n_rel < (int)(sizeof(ctx->rel) / sizeof(ctx->rel[0]))) {
			ctx->rel[ctx->n_rel].out = out;
			ctx->rel[ctx->n_rel++].days_ago = ago;
		}
		return 0;
	}
	int rc = tendo_date_parse(out, s);
	if (rc == TENDO_EFORMAT)
		return cli_usage(ctx, "--%s must be " DATE_FORMS " (got '%s')", opt, s);
	if (rc)
		return cli_usage(ctx, "--%s must be a real day YYYY-MM-DD, years 1900-2999 (got '%s')", opt, s);
	return 0;
}

int cli_time(const cli_ctx *ctx, const char *opt, const char *s, int *out)
{
	if (tendo_schedule_parse_time(out, s))
		return cli_usage(ctx, "--%s must be a time of day HH:MM, 00:00-23:59 (got '%s')", opt, s);
	return 0;
}

int cli_log_date(cli_ctx *ctx, const char *s, tendo_date *out)
{
	if (!s) {
		*out = ctx->today;
		return 0;
	}
	int rc = cli_date(ctx, "date", s, out);
	if (rc)
		return rc;
	if (*out > ctx->today) {
		char t[TENDO_DATE_BUFSZ];
		return cli_usage(ctx, "--date %s is in the future: it must be today (%s) or earlier", s,
		                 tendo_date_format(ctx->today, t));
	}
	return 0;
}

int cli_open(cli_ctx *ctx, bool write)
{
	char path[4096];
	const char *p = ctx->db_path;
	if (!p) {
		if (tendo_store_default_path(path, sizeof(path)) != 0)
			return cli_fail(ctx, "%s", tendo_error_last());
		p = path;
	}
	int rc;
	if (write) {
		/* A missing or empty file is a database before init: say so without
		 * writing the schema into it (a read-only open never migrates). */
		tendo_store *probe = NULL;
		rc = tendo_store_open(&probe, p, TENDO_STORE_READONLY);
		tendo_store_close(probe);
		if (rc == TENDO_ENOTFOUND)
			return cli_lib_error(ctx, rc);
	}
	rc = tendo_store_open(&ctx->store, p, write ? 0 : TENDO_STORE_READONLY);
	if (rc)
		return cli_lib_error(ctx, rc);
	rc = tendo_store_get_profile(ctx->store, &ctx->profile);
	if (rc == 0)
		rc = tendo_store_get_schedule(ctx->store, &ctx->schedule);
	if (rc == 0) {
		/* the preferred run time judges spacing in hours (PROTOCOL.md 10.8) */
		ctx->profile.run_time_set = true;
		ctx->profile.run_time_min = ctx->schedule.run_time;
	}
	if (rc == TENDO_ENOTFOUND) {
		cli_close(ctx);
		return cli_fail(ctx, "no athlete in %s yet: run 'tendo init --side left|right|both' first", p);
	}
	if (rc) {
		cli_close(ctx);
		return cli_lib_error(ctx, rc);
	}
	cli_set_today(ctx, ctx->profile.tz);
	ctx->imperial = ctx->profile.units == TENDO_UNITS_IMPERIAL;
	/* the relative dates read so far, from the athlete's today */
	for (int k = 0; k < ctx->n_rel; k++)
		*ctx->rel[k].out = ctx->today - ctx->rel[k].days_ago;
	ctx->n_rel = 0;
	return 0;
}

void cli_close(cli_ctx *ctx)
{
	int64_t id;
	char msg[300];
	size_t n = ctx->store ? tendo_store_skipped(ctx->store, &id, msg, sizeof(msg)) : 0;
	if (n)
		cli_fail(ctx, "warning: %zu entr%s could not be read and %s left out (%s); 'tendo delete %lld' removes it",
		         n, n == 1 ? "y" : "ies", n == 1 ? "is" : "are", msg, (long long)id);
	tendo_store_close(ctx->store);
	ctx->store = NULL;
}

int cli_print_json(json_t *v)
{
	if (!v) {
		fprintf(stderr, "tendo: cannot build the JSON output (out of memory)\n");
		return EXIT_RUNTIME;
	}
	int rc = json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	fputc('\n', stdout);
	json_decref(v);
	return rc ? EXIT_RUNTIME : EXIT_OK;
}

const char *cli_bold(const cli_ctx *ctx)
{
	return ctx->color ? "\033[1m" : "";
}

const char *cli_dim(const cli_ctx *ctx)
{
	return ctx->color ? "\033[2m" : "";
}

const char *cli_reset(const cli_ctx *ctx)
{
	return ctx->color ? "\033[0m" : "";
}

time_t cli_stamp(const cli_ctx *ctx, tendo_date date)
{
	if (date == ctx->today)
		return time(NULL);
	return tendo_date_noon_utc(date, ctx->profile.tz);
}

double cli_usual_cadence(const tendo_profile *p, const tendo_log *log)
{
	return shape_usual_cadence(p, log);
}

int cli_range_opt(cli_ctx *ctx, int id, const char *v, void *user)
{
	(void)ctx;
	cli_range_args *a = user;
	if (id == RO_FROM)
		a->from = v;
	else if (id == RO_TO)
		a->to = v;
	else if (id == RO_JSON)
		a->json = true;
	return 0;
}

int cli_range_dates(cli_ctx *ctx, const cli_range_args *a, tendo_date *from, tendo_date *to)
{
	int rc;
	*from = *to = TENDO_DATE_NONE;
	if ((a->from && (rc = cli_date(ctx, "from", a->from, from))) || (a->to && (rc = cli_date(ctx, "to", a->to, to))))
		return rc;
	if (*from != TENDO_DATE_NONE && *to != TENDO_DATE_NONE && *from > *to)
		return cli_usage(ctx, "--from %s is after --to %s", a->from, a->to);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Text for the terminal                                                */

const char *cli_safe(const char *s, char *buf, size_t bufsz)
{
	return tendo_text_terminal(s, buf, bufsz);
}

json_t *cli_jstr(const char *s)
{
	return shape_str(s);
}

const char *cli_text(const char *s)
{
	static char bufs[8][1024];
	static unsigned next;
	return tendo_text_terminal(s, bufs[next++ % 8], sizeof(bufs[0]));
}

/* ------------------------------------------------------------------ */
/* Did you mean                                                         */

/* Optimal string alignment distance (Levenshtein with adjacent
 * transpositions); 9 for strings over 30 bytes. */
static int edit_distance(const char *a, const char *b)
{
	size_t m = strlen(a), n = strlen(b);
	if (m > 30 || n > 30)
		return 9;
	int d[32][32];
	for (size_t i = 0; i <= m; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= n; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= m; i++)
		for (size_t j = 1; j <= n; j++) {
			int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[m][n];
}

const char *cli_closest(const char *name, const char *const *names, size_t n)
{
	const char *best = NULL;
	int bd = 3;
	for (size_t k = 0; k < n; k++) {
		int dd = edit_distance(name, names[k]);
		if (dd < bd) {
			bd = dd;
			best = names[k];
		}
	}
	return best;
}

bool cli_is_stdio(const char *path)
{
	return path && strcmp(path, "-") == 0;
}
