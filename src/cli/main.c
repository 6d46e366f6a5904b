/*
 * main.c - the tendo command: global options, then a table of commands,
 * one cmd_<name>.c each.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int cmd_help(cli_ctx *ctx, int argc, char **argv);

typedef struct {
	const char *name;
	int (*fn)(cli_ctx *, int, char **);
	const char *summary;
} command;

static const command commands[] = {
	{ "init", cmd_init, "set up the athlete: affected side, pain ceiling, time zone" },
	{ "log", cmd_log, "record pain, a run, rehab, cross-training, a test, a red flag, an aggravator or a VISA-H" },
	{ "done", cmd_done, "log today's prescribed session as done, in one command" },
	{ "edit", cmd_edit, "change pain, RPE, sharp pain, the note or the time of an entry" },
	{ "today", cmd_today, "what to do today, and why" },
	{ "plan", cmd_plan, "the coming weeks under the protocol (a projection that assumes no flare)" },
	{ "import", cmd_import, "import runs from FIT, GPX and TCX files, .gz, archives (Strava, Garmin) and folders" },
	{ "runs", cmd_runs, "the runs in the log, with what the watch recorded" },
	{ "profile", cmd_profile, "show or change the athlete's profile and settings" },
	{ "status", cmd_status, "where things stand: stage, running step, pain trend, tests" },
	{ "history", cmd_history, "every entry with its id" },
	{ "delete", cmd_delete, "delete a mistaken entry by id" },
	{ "report", cmd_report, "the story on one page: an HTML report with charts, or the charts as SVG" },
	{ "export", cmd_export, "everything in the log as CSV files or one JSON document" },
	{ "restore", cmd_restore, "restore a JSON export into a new or empty database" },
	{ "exercises", cmd_exercises, "the exercise library" },
	{ "rules", cmd_rules, "the rules the engine applies, with their sources, and the settings" },
	{ "help", cmd_help, "the help of a command: tendo help log run" },
	{ "serve", cmd_serve, "serve the check-in, today's advice and a JSON API to a browser or phone" },
	{ "share", cmd_share, "a read-only link for a physio, or a calendar feed token: make, list, revoke" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: tendo [--db PATH] [--no-color] <command> [options]\n\n"
	           "tendo coaches a runner with proximal hamstring tendinopathy back to running:\n"
	           "it keeps the log and says what to do today, and why.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nglobal options (before or after the command):\n"
	           "  --db PATH   the database (default $TENDO_DB, else $XDG_DATA_HOME/tendo/tendo.db)\n"
	           "  --no-color  no colour or bold (also NO_COLOR=1, TERM=dumb, or output not a terminal)\n"
	           "  --version   print the version\n"
	           "  --help      this help; 'tendo help <command>' or 'tendo <command> --help' for a command\n"
	           "\nOptions may follow the arguments; '--' ends the options; a FILE of '-' is standard input or\n"
	           "output. A date D is YYYY-MM-DD, today, yesterday or -N (N days ago).\n");
}

/* "init, log, ... or rules", for one-line messages. */
static const char *command_names(void)
{
	static char buf[200];
	size_t n = sizeof(commands) / sizeof(commands[0]), len = 0;
	for (size_t k = 0; k < n && len < sizeof(buf); k++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ",
		                        commands[k].name);
	return buf;
}

static const command *find_command(const char *name)
{
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(name, commands[k].name) == 0)
			return &commands[k];
	return NULL;
}

/* The command closest to name (distance 2 at most), or NULL. */
static const char *closest_command(const char *name)
{
	const char *names[sizeof(commands) / sizeof(commands[0])];
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		names[k] = commands[k].name;
	return cli_closest(name, names, sizeof(names) / sizeof(names[0]));
}

static int unknown_command(const char *name)
{
	const char *near = closest_command(name);
	if (near)
		fprintf(stderr, "tendo: '%s' is not a tendo command. Did you mean '%s'?\n", cli_text(name), near);
	else
		fprintf(stderr, "tendo: '%s' is not a tendo command: %s (see tendo --help)\n", cli_text(name), command_names());
	return EXIT_USAGE;
}

/* tendo help [COMMAND [KIND]]: the same as tendo COMMAND [KIND] --help. */
static int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	/* the global options may be here too (tendo help --db X log) */
	char *rest[8] = { argv[0] };
	int n_rest = 1;
	for (int i = 1; i < argc && n_rest < 8; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			ctx->db_path = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) != 0 && strcmp(argv[i], "--no-color") != 0 &&
		         strcmp(argv[i], "--help") != 0 && strcmp(argv[i], "-h") != 0)
			rest[n_rest++] = argv[i];
	}
	if (n_rest == 1) {
		usage(stdout);
		return EXIT_OK;
	}
	argv = rest;
	argc = n_rest;
	const command *c = find_command(argv[1]);
	if (!c || c->fn == cmd_help) {
		if (c)
			usage(stdout);
		return c ? EXIT_OK : unknown_command(argv[1]);
	}
	char *args[4] = { argv[1], NULL, NULL, NULL };
	int n = 1;
	if (argc > 2 && strcmp(argv[1], "log") == 0)
		args[n++] = argv[2];
	static char help[] = "--help";
	args[n++] = help;
	ctx->cmd = c->name;
	return c->fn(ctx, n, args);
}

int main(int argc, char **argv)
{
	cli_ctx ctx = { 0 };
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	ctx.color = isatty(STDOUT_FILENO) && !(nc && nc[0]) && !(term && strcmp(term, "dumb") == 0);
	ctx.db_path = NULL;
	cli_set_today(&ctx, NULL); /* until cli_open() knows the athlete's zone */

	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		const char *a = argv[i];
		if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "tendo: --db needs a path\n");
				return EXIT_USAGE;
			}
			ctx.db_path = argv[i + 1];
			i += 2;
		} else if (strncmp(a, "--db=", 5) == 0) {
			ctx.db_path = a + 5;
			i++;
		} else if (strcmp(a, "--no-color") == 0) {
			ctx.color = false;
			i++;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("tendo %s\n", TENDO_VERSION);
			return EXIT_OK;
		} else {
			fprintf(stderr, "tendo: unknown option '%s' (see tendo --help)\n", a);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "tendo: give a command: %s (see tendo --help)\n", command_names());
		return EXIT_USAGE;
	}
	if (ctx.db_path && !ctx.db_path[0]) {
		fprintf(stderr, "tendo: --db needs a path\n");
		return EXIT_USAGE;
	}
	const command *c = find_command(argv[i]);
	if (!c)
		return unknown_command(argv[i]);
	ctx.cmd = c->name;
	int rc = c->fn(&ctx, argc - i, argv + i);
	cli_close(&ctx);
	/* a full disk or a closed pipe behind stdout is an error with its
	 * reason, whatever the command printed before */
	errno = 0;
	bool bad = ferror(stdout) != 0;
	if (fflush(stdout) != 0 || bad) {
		fprintf(stderr, "tendo: %s: cannot write the standard output: %s\n", ctx.cmd, strerror(errno ? errno : EIO));
		return EXIT_RUNTIME;
	}
	return rc >= 100 ? rc - 100 : rc;
}
