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
	{ "serve", cmd_serve, "serve the check-in, today's advice and a JSON API to a browser or phone" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: tendo [--db PATH] <command> [options]\n\n"
	           "tendo coaches a runner with proximal hamstring tendinopathy back to running:\n"
	           "it keeps the log and says what to do today, and why.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nglobal options:\n"
	           "  --db PATH  the database (default $TENDO_DB, else $XDG_DATA_HOME/tendo/tendo.db)\n"
	           "  --version  print the version\n"
	           "  --help     this help; 'tendo <command> --help' for a command\n");
}

/* "init, log, ... or rules", for one-line messages. */
static const char *command_names(void)
{
	static char buf[160];
	size_t n = sizeof(commands) / sizeof(commands[0]), len = 0;
	for (size_t k = 0; k < n && len < sizeof(buf); k++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ",
		                        commands[k].name);
	return buf;
}

int main(int argc, char **argv)
{
	cli_ctx ctx = { 0 };
	const char *nc = getenv("NO_COLOR");
	ctx.color = isatty(STDOUT_FILENO) && !(nc && nc[0]);
	ctx.db_path = NULL;

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
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
		if (strcmp(argv[i], commands[k].name) == 0) {
			ctx.cmd = commands[k].name;
			int rc = commands[k].fn(&ctx, argc - i, argv + i);
			cli_close(&ctx);
			/* a full disk or a closed pipe behind stdout is an error with
			 * its reason, whatever the command printed before */
			errno = 0;
			bool bad = ferror(stdout) != 0;
			if (fflush(stdout) != 0 || bad) {
				fprintf(stderr, "tendo: %s: cannot write the standard output: %s\n", ctx.cmd,
				        strerror(errno ? errno : EIO));
				return EXIT_RUNTIME;
			}
			return rc >= 100 ? rc - 100 : rc;
		}
	}
	fprintf(stderr, "tendo: unknown command '%s': %s (see tendo --help)\n", argv[i], command_names());
	return EXIT_USAGE;
}
