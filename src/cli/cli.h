/*
 * cli.h - shared pieces of the tendo command line: the command table,
 * option tables that drive both getopt_long and --help, argument parsing
 * with range checks, opening the store, and output helpers.
 *
 * Exit codes: 0 ok, 1 runtime error, 2 usage error.
 */
#ifndef TENDO_CLI_H
#define TENDO_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>
#include <tendo/tendo.h>

#include "../shapes/shapes.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct {
	const char *db_path;    /* --db, or NULL for the default */
	const char *cmd;        /* "log pain", for messages */
	bool color;             /* stdout is a terminal, NO_COLOR unset, TERM not dumb, no --no-color */
	bool imperial;          /* the profile's units (cli_open()): miles, lb, pace per mile */
	tendo_store *store;     /* opened by cli_open() */
	tendo_profile profile;  /* loaded by cli_open() */
	tendo_schedule schedule; /* loaded by cli_open() */
	tendo_date today;       /* today in the athlete's zone (cli_open(); before it, in UTC) */
	/* relative dates (--date yesterday) read before cli_open() knew the
	 * athlete's zone: cli_open() works them out again */
	struct { tendo_date *out; int days_ago; } rel[8];
	int n_rel;
} cli_ctx;

/* One option of a command: drives getopt_long and --help. */
typedef struct {
	const char *name;       /* long name without "--" */
	int has_arg;            /* no_argument / required_argument */
	int id;                 /* value getopt returns */
	const char *arg;        /* placeholder in help, "N" */
	const char *help;       /* one line */
} cli_opt;

typedef struct {
	const char *usage;      /* "log pain --kind K --score N [options]" */
	const char *summary;    /* one line */
	const cli_opt *opts;    /* terminated by {0} */
} cli_spec;

#define OPT_HELP 'h'

/*
 * Parse argv with spec, GNU style: options before, between or after the
 * operands (tendo import FILE --json), "--" ends them, and the global
 * options (--db, --no-color) are taken too. Calls on_opt(ctx, id, optarg, user) for each option;
 * it returns 0 or an exit code. Handles --help (prints help, returns -1 via
 * *done) and unknown options (usage error).
 * Returns 0 to continue, or an exit code to stop with (EXIT_OK after --help).
 */
int cli_parse(cli_ctx *ctx, const cli_spec *spec, int argc, char **argv,
              int (*on_opt)(cli_ctx *, int, const char *, void *), void *user, int *first_arg);
void cli_help(const cli_spec *spec);

/* Messages: "tendo: <cmd>: <message>" on stderr; return the exit code. */
int cli_usage(const cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_fail(const cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Report a libtendo error (tendo_error_last) as a runtime error, or usage for EINVAL. */
int cli_lib_error(const cli_ctx *ctx, int rc);

/* Checked conversions; on error print "--opt must be ..." and return EXIT_USAGE. */
int cli_int(const cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out);
int cli_double(const cli_ctx *ctx, const char *opt, const char *s, double lo, double hi, double *out);
/* A value the library checks (tendo/validate.h): only the form is checked
 * here, a plain non-negative number; lo-hi (the library's range) is named
 * in the message when the form is wrong. */
int cli_num_int(const cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out);
int cli_num_double(const cli_ctx *ctx, const char *opt, const char *s, double lo, double hi, double *out);
/* The result of a tendo_check_*() (or a store call that ran one): 0, or the
 * library's message with its field named as the option that set it
 * ("pain_during must be 0-10" -> "--pain-during must be 0-10"), as a usage
 * error for TENDO_EINVAL and a runtime error otherwise. */
int cli_check(const cli_ctx *ctx, int rc);
/* The library's ranges for the optional scores and time of a session
 * (-1 / TENDO_TOD_NONE = not given), before there is a session to check:
 * through tendo_check_run() on a stand-in run. 0 or EXIT_USAGE. */
int cli_check_scores(const cli_ctx *ctx, int rpe, int pain_during, int pain_after, int time_min);
/* A date: YYYY-MM-DD, today, yesterday or -N (N days ago, 0-36500),
 * relative to ctx->today. 0 or EXIT_USAGE. */
int cli_date(cli_ctx *ctx, const char *opt, const char *s, tendo_date *out);
/* ctx->today: TENDO_TODAY=YYYY-MM-DD if set (tests), else today in zone tz. */
void cli_set_today(cli_ctx *ctx, const char *tz);
/* A local time of day "HH:MM" into minutes after midnight. */
int cli_time(const cli_ctx *ctx, const char *opt, const char *s, int *out);

/* Open the store and load the profile (requires init). write: open
 * read-write. Sets ctx->today. Returns 0 or an exit code (message printed). */
int cli_open(cli_ctx *ctx, bool write);
void cli_close(cli_ctx *ctx);

/* Resolve a --date for logging: default today, not in the future. */
int cli_log_date(cli_ctx *ctx, const char *s, tendo_date *out);

/* The UTC instant to store for an entry dated `date`: now for today, else
 * local noon of that day. */
time_t cli_stamp(const cli_ctx *ctx, tendo_date date);

/* Print a JSON value to stdout (indented) and release it. */
int cli_print_json(json_t *v);

/* Files written whole or not at all (output.c): through a temporary file
 * in the same folder, synced, then renamed; a reader never sees half a
 * file and a failure leaves the old one. The new file keeps the mode of
 * the one it replaces, else 0666 less the umask. A symbolic link is
 * followed (the link stays); a FIFO or device is written in place. Write
 * errors keep their errno ("No space left on device"). A path of "-" is
 * the standard output (written directly, flushed and checked on close):
 * cli_is_stdio() tells a command not to print its own lines there. */
typedef struct {
	char path[4096];   /* as given, for messages */
	char target[4096]; /* what is replaced: path, or its link's target */
	char tmp[4200];
	FILE *f;           /* write here */
	int fd, err;       /* err: the first write error's errno */
	bool direct;       /* a FIFO or device: no temporary file */
} cli_atomic_file;
/* 0, or EXIT_RUNTIME with "cannot write PATH: reason" printed. */
int cli_atomic_open(const cli_ctx *ctx, cli_atomic_file *af, const char *path);
/* Close and rename (ok) or remove (!ok, silently); 0, or EXIT_RUNTIME
 * (printed when ok). Call once per successful open. */
int cli_atomic_close(const cli_ctx *ctx, cli_atomic_file *af, bool ok);
/* The whole of data to path, atomically; 0 or EXIT_RUNTIME (printed). */
int cli_write_file(const cli_ctx *ctx, const char *path, const char *data, size_t len);

/* A folder of files (export --csv, report --svg) replaced whole: built in a
 * temporary folder beside it and swapped in. An existing folder is
 * replaced only if it holds nothing but regular files ending in ext. */
typedef struct {
	char path[4096], target[4096], tmp[4200];
	const char *ext;
	bool existed, open;
} cli_atomic_dir;
int cli_dir_open(const cli_ctx *ctx, cli_atomic_dir *d, const char *path, const char *ext);
/* Open file `name` of the folder being built (messages name it as
 * FOLDER/name, not its temporary place); closed with cli_atomic_close(). */
int cli_dir_file(const cli_ctx *ctx, const cli_atomic_dir *d, const char *name, cli_atomic_file *af);
/* Swap the new folder in (ok) or remove it (!ok, silently). */
int cli_dir_close(const cli_ctx *ctx, cli_atomic_dir *d, bool ok);

/* Stored or file-borne text made safe for the terminal (tendo/text.h),
 * into buf; returns buf. */
const char *cli_safe(const char *s, char *buf, size_t bufsz);
/* The same into one of 8 rotating 1 KB buffers: for printf arguments. */
const char *cli_text(const char *s);
/* A JSON string of stored text: exact when it is UTF-8, else its repair
 * (U+FFFD for each stray byte): never NULL for a NULL-free input, so a
 * field is never dropped. */
json_t *cli_jstr(const char *s);

/* The name of names closest to name by edit distance (Damerau-Levenshtein,
 * 2 at most), for "did you mean"; NULL if none is that close. */
const char *cli_closest(const char *name, const char *const *names, size_t n);

/* True for a FILE operand or option value of "-": standard input or output. */
bool cli_is_stdio(const char *path);

/* Terminal styling: "" when colour is off. */
const char *cli_bold(const cli_ctx *ctx);
const char *cli_dim(const cli_ctx *ctx);
const char *cli_reset(const cli_ctx *ctx);

/* Commands. */
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_log(cli_ctx *ctx, int argc, char **argv);
int cmd_exercises(cli_ctx *ctx, int argc, char **argv);
int cmd_today(cli_ctx *ctx, int argc, char **argv);
int cmd_status(cli_ctx *ctx, int argc, char **argv);
int cmd_history(cli_ctx *ctx, int argc, char **argv);
int cmd_delete(cli_ctx *ctx, int argc, char **argv);
int cmd_rules(cli_ctx *ctx, int argc, char **argv);
int cmd_profile(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_runs(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_plan(cli_ctx *ctx, int argc, char **argv);
int cmd_restore(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_edit(cli_ctx *ctx, int argc, char **argv);
int cmd_done(cli_ctx *ctx, int argc, char **argv);
int cmd_serve(cli_ctx *ctx, int argc, char **argv);
int cmd_share(cli_ctx *ctx, int argc, char **argv);

/* The profile options shared by init and profile: their ids, values and
 * the --help lines (cmd_profile.c). A command's own options start at
 * PO__END. */
enum {
	PO_SIDE = 1, PO_CEILING, PO_NAME, PO_TZ, PO_SET, PO_PACE, PO_CADENCE, PO_DAYS, PO_RUN_TIME, PO_REHAB_TIME,
	PO_STAGE, PO_RUN_STEP, PO_WEEK_MIN, PO_CURL_KG, PO_CLEARED_BY, PO_UNITS, PO__END
};
#define CLI_PROFILE_OPTS                                                                                        \
	{ "side", required_argument, PO_SIDE, "left|right|both", "affected side(s)" },                           \
	{ "ceiling", required_argument, PO_CEILING, "N",                                                        \
	  "pain ceiling during activity, 0-5 (default 3; above 3 only on a clinician's advice)" },              \
	{ "name", required_argument, PO_NAME, "TEXT", "the athlete's name" },                                    \
	{ "tz", required_argument, PO_TZ, "ZONE", "time zone, e.g. Europe/London" },                             \
	{ "units", required_argument, PO_UNITS, "metric|imperial",                                              \
	  "km, kg and pace per km (default), or miles, lb and pace per mile: shown and typed" },                  \
	{ "easy-pace", required_argument, PO_PACE, "M:SS", "easy running pace per km (per mile in imperial), e.g. 6:30" }, \
	{ "cadence", required_argument, PO_CADENCE, "N", "usual step rate, steps per minute" },                   \
	{ "days", required_argument, PO_DAYS, "mon,tue,...", "days you can run, lift and test (default all)" },  \
	{ "run-time", required_argument, PO_RUN_TIME, "HH:MM", "when you run (default 17:00: afternoons)" },        \
	{ "rehab-time", required_argument, PO_REHAB_TIME, "HH:MM", "when you do rehab (default 18:00)" },          \
	{ "set", required_argument, PO_SET, "NAME=VALUE", "change a setting (see tendo rules); repeatable" },      \
	{ "stage", required_argument, PO_STAGE, "STAGE",                                                        \
	  "the stage you start at: settle (default)|strength|return_to_run|full_load" },                         \
	{ "run-step", required_argument, PO_RUN_STEP, "MIN",                                                    \
	  "your current running step, minutes per run (needed for return_to_run)" },                            \
	{ "week-min", required_argument, PO_WEEK_MIN, "MIN",                                                    \
	  "your current running minutes a week (needed for full_load)" },                                       \
	{ "curl-kg", required_argument, PO_CURL_KG, "W", "your current prone-curl load, kg (lb in imperial)" },    \
	{ "cleared-by", required_argument, PO_CLEARED_BY, "TEXT", "who set that stage (\"Dr Smith, physio\")" }

typedef struct {
	const char *side, *ceiling, *name, *tz, *pace, *cadence, *days, *run_time, *rehab_time;
	const char *stage, *run_step, *week_min, *curl_kg, *cleared_by, *units;
	const char *sets[16];
	int n_sets;
} cli_profile_args;

/* Store option id's value in a; returns 1 if it was a profile option, 0 if
 * not, or EXIT_USAGE (message printed). */
int cli_profile_opt(const cli_ctx *ctx, cli_profile_args *a, int id, const char *v);
/* True if any profile option was given. */
bool cli_profile_given(const cli_profile_args *a);
/* Validate the given values and apply them to p; 0 or EXIT_USAGE. */
int cli_profile_apply(const cli_ctx *ctx, const cli_profile_args *a, tendo_profile *p, tendo_schedule *sc);
/* The profile as profile --json (and init --json) prints it. */
json_t *cli_profile_json(const tendo_profile *p, const tendo_schedule *sc);
/* "starting stage return_to_run (running step 15 min), set by Dr Smith" */
void cli_profile_start_text(const tendo_profile *p, char *buf, size_t sz);

/* --from D --to D --json, shared by the commands that list a date range. */
enum { RO_FROM = 1, RO_TO, RO_JSON };
#define CLI_RANGE_OPTS                                                                          \
	{ "from", required_argument, RO_FROM, "D", "first day (default: the beginning)" },    \
	{ "to", required_argument, RO_TO, "D", "last day (default: today)" },                 \
	{ "json", no_argument, RO_JSON, NULL, "print JSON" }
typedef struct {
	const char *from, *to; /* as typed, NULL if not given */
	bool json;
} cli_range_args;
/* cli_parse() callback for CLI_RANGE_OPTS; user is a cli_range_args. */
int cli_range_opt(cli_ctx *ctx, int id, const char *v, void *user);
/* Check and convert the range (TENDO_DATE_NONE for an open end); 0 or EXIT_USAGE. */
int cli_range_dates(cli_ctx *ctx, const cli_range_args *a, tendo_date *from, tendo_date *to);

/* The athlete's usual step rate: the profile's, else the median of the last
 * ten imported runs that have one; NAN if neither. */
double cli_usual_cadence(const tendo_profile *p, const tendo_log *log);

/* One entry as `tendo history` shows it (src/shapes/history.c): type,
 * date, text (the history line after the date), json (owned by the caller). */
typedef shape_entry cli_entry;
/* Describe entry id of log into out; 0, or -1 if it is not there. */
int cli_entry_find(const cli_ctx *ctx, const tendo_log *log, int64_t id, cli_entry *out);

/* Entry id of log as history --json shows it - id, date, type, its fields,
 * note - plus "what" (the history line); NULL if it is not there. The one
 * shape of an entry: history, log, edit, done and delete print it. */
json_t *cli_entry_json(const cli_ctx *ctx, const tendo_log *log, int64_t id);
/* Print entry id (of day date) from the store as cli_entry_json(), with the
 * members of extra (taken, may be NULL) added; 0 or an exit code. */
int cli_print_entry(cli_ctx *ctx, int64_t id, tendo_date date, json_t *extra);


#endif
