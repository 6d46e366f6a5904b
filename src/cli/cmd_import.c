/*
 * cmd_import.c - tendo import: runs from watch files into the log. By
 * default the files that were damaged or skipped and a summary (quiet enough
 * for a cron job importing a watch folder), with a progress bar while it
 * reads when stderr is a terminal (not with TERM=dumb, --json or --verbose;
 * NO_COLOR is about colour only); --verbose: one line per file. A damaged
 * file is reported and the rest imports: exit 0, or 1 with --strict.
 * "-" reads one file or archive from standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <tendo/import.h>
#include <tendo/validate.h>

#include "cli.h"
#include "../shapes/shapes.h"

enum { O_JSON = 1, O_PDURING, O_PAFTER, O_RPE, O_SHARP, O_VERBOSE, O_STRICT };

#define STDIN_MAX ((size_t)512 << 20) /* import -: at most 512 MiB from standard input, held in memory */

static const cli_opt opts[] = {
	{ "json", no_argument, O_JSON, NULL, "print JSON: every file and a summary" },
	{ "verbose", no_argument, O_VERBOSE, NULL, "one line per file (default: the damaged and skipped ones)" },
	{ "strict", no_argument, O_STRICT, NULL, "exit 1 when a file was damaged (default: report it, exit 0)" },
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during (one activity file only)" },
	{ "pain-after", required_argument, O_PAFTER, "0-10", "pain after, same day (a run; one file only)" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt (a run; one file only; else the watch's own rating)" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain (one file only)" },
	{ 0 }
};
static const cli_spec spec = { "import PATH... [--verbose] [--strict] [--json]\n"
	"       import FILE [--pain-during N] [--pain-after N] [--rpe N] [--sharp] [--json]",
	"Import activities: FIT, GPX and TCX files (also .gz), .zip and .tar.gz archives (a Strava bulk export,\n"
	"a Garmin Connect export) and folders; - reads one from standard input. Runs become runs in the log;\n"
	"other sports cross-training. A Strava export's activity names are kept, and its activities typed by\n"
	"hand (rows of activities.csv without a file) are imported from their time, distance and type.\n"
	"Importing the same activity again (even in another format) changes nothing. With one activity file,\n"
	"its pain, RPE and sharp pain can be given too (tendo edit adds them later). A FIT file's own RPE\n"
	"(workout_rpe, when the watch asked) fills the RPE of a run.", opts };

typedef struct {
	bool json, verbose, strict;
	const char *pdur, *pafter, *rpe; /* as given */
	bool sharp;
	int64_t dup_id;       /* the entry a duplicate is, for the hint */
	bool bar;             /* draw a progress bar on stderr */
	const cli_ctx *ctx;
	json_t *files;        /* --json: the results */
	double t0;            /* start, s */
	int last_bar_pct;
} import_ui;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	import_ui *ui = u;
	switch (id) {
	case O_PDURING: ui->pdur = v; break;
	case O_PAFTER: ui->pafter = v; break;
	case O_RPE: ui->rpe = v; break;
	case O_SHARP: ui->sharp = true; break;
	case O_VERBOSE: ui->verbose = true; break;
	case O_STRICT: ui->strict = true; break;
	default: ui->json = true; break;
	}
	return 0;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void clear_bar(import_ui *ui)
{
	if (ui->bar && ui->last_bar_pct >= 0) {
		fprintf(stderr, "\r\033[K");
		ui->last_bar_pct = -1;
	}
}

static void on_result(const tendo_import_result *r, void *user)
{
	import_ui *ui = user;
	if (r->status == TENDO_IMPORT_DUPLICATE)
		ui->dup_id = r->entry_id;
	if (ui->json) {
		json_t *o = shape_import_file(r, NULL);
		json_array_append_new(ui->files, o);
		return;
	}
	if (!ui->verbose && r->status != TENDO_IMPORT_ERROR && r->status != TENDO_IMPORT_SKIPPED)
		return;
	clear_bar(ui);
	const char *B = cli_bold(ui->ctx), *R = cli_reset(ui->ctx);
	printf("%s%-9s%s %s: %s\n", r->status == TENDO_IMPORT_ERROR ? B : "", tendo_import_status_name(r->status),
	       r->status == TENDO_IMPORT_ERROR ? R : "", cli_text(r->path), cli_text(r->message));
	fflush(stdout);
}

static void on_progress(const tendo_import_summary *s, uint64_t total, void *user)
{
	import_ui *ui = user;
	if (!ui->bar || total == 0)
		return;
	int pct = (int)(100.0 * (double)s->bytes / (double)total);
	if (pct > 100)
		pct = 100;
	double dt = now_s() - ui->t0;
	double mbs = dt > 0 ? (double)s->bytes / 1e6 / dt : 0;
	int w = 30, fill = pct * w / 100;
	fprintf(stderr, "\r[%.*s%*s] %3d%%  %zu files  %.1f MB/s\033[K", fill, "##############################",
	        w - fill, "", pct, s->files, mbs);
	ui->last_bar_pct = pct;
}

/* Standard input, whole, into *out (owned by the caller); 0 or EXIT_RUNTIME. */
static int read_stdin(const cli_ctx *ctx, uint8_t **out, size_t *out_len)
{
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	while (buf) {
		if (n == cap) {
			if (cap >= STDIN_MAX) {
				free(buf);
				return cli_fail(ctx, "standard input is larger than %zu MB", STDIN_MAX >> 20);
			}
			uint8_t *nb = realloc(buf, cap * 2);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, stdin);
		n += got;
		if (got == 0) {
			if (ferror(stdin)) {
				free(buf);
				return cli_fail(ctx, "cannot read the standard input");
			}
			*out = buf;
			*out_len = n;
			return 0;
		}
	}
	free(buf);
	return cli_fail(ctx, "out of memory reading the standard input");
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
	import_ui ui = { .ctx = ctx, .last_bar_pct = -1 };
	int first = 0;
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &ui, &first);
	if (rc)
		return rc;
	if (first >= argc)
		return cli_usage(ctx, "give at least one file, archive or folder to import (- for standard input)");
	/* "-": standard input, once; the other paths are imported first */
	int n_stdin = 0;
	char **paths = argv + first;
	size_t n_paths = 0;
	for (int i = first; i < argc; i++) {
		if (cli_is_stdio(argv[i]))
			n_stdin++;
		else
			paths[n_paths++] = argv[i];
	}
	if (n_stdin > 1)
		return cli_usage(ctx, "- (standard input) can be given once");
	int pdur = -1, pafter = -1, rpe = -1;
	if ((ui.pdur && (rc = cli_num_int(ctx, "pain-during", ui.pdur, 0, TENDO_SCORE_MAX, &pdur))) ||
	    (ui.pafter && (rc = cli_num_int(ctx, "pain-after", ui.pafter, 0, TENDO_SCORE_MAX, &pafter))) ||
	    (ui.rpe && (rc = cli_num_int(ctx, "rpe", ui.rpe, 0, TENDO_SCORE_MAX, &rpe))) ||
	    (rc = cli_check_scores(ctx, rpe, pdur, pafter, TENDO_TOD_NONE)))
		return rc;
	bool extra = ui.pdur || ui.pafter || ui.rpe || ui.sharp;
	if (extra && argc - first != 1)
		return cli_usage(ctx, "--pain-during, --pain-after, --rpe and --sharp go with a single activity file (got %d "
		                 "paths)", argc - first);
	uint8_t *in = NULL;
	size_t in_len = 0;
	if (n_stdin && (rc = read_stdin(ctx, &in, &in_len)))
		return rc;
	if ((rc = cli_open(ctx, true))) {
		free(in);
		return rc;
	}
	const char *term = getenv("TERM");
	ui.bar = !ui.json && !ui.verbose && isatty(STDERR_FILENO) && !(term && strcmp(term, "dumb") == 0);
	ui.files = ui.json ? json_array() : NULL;
	ui.t0 = now_s();

	tendo_import_options o;
	shape_import_options(&o, ctx->store, &ctx->profile);
	o.on_result = on_result;
	o.on_progress = on_progress;
	o.user = &ui;
	o.rpe = rpe;
	o.pain_during = pdur;
	o.pain_after = pafter;
	o.sharp = ui.sharp;

	tendo_import_summary sum = { 0 }, s2;
	rc = n_paths ? tendo_import_paths(ctx->store, (const char *const *)paths, n_paths, &o, &sum) : 0;
	if (n_stdin && (rc == 0 || rc == TENDO_ENOTFOUND)) {
		int rc2 = tendo_import_buffer(ctx->store, "-", in, in_len, &o, &s2);
		sum.files += s2.files;
		sum.imported += s2.imported;
		sum.duplicates += s2.duplicates;
		sum.skipped += s2.skipped;
		sum.errors += s2.errors;
		sum.bytes += s2.bytes;
		if (rc2)
			rc = rc2;
	}
	free(in);
	clear_bar(&ui);
	if (rc == TENDO_EINVAL) { /* refused before anything was read */
		json_decref(ui.files);
		return cli_usage(ctx, "%s (for the rest, import without --pain-during, --pain-after, --rpe and --sharp)",
		                 tendo_error_last());
	}
	double dt = now_s() - ui.t0;
	if (ui.json) {
		cli_print_json(shape_import(ui.files, &sum, dt));
	} else {
		char line[200];
		shape_import_sentence(&sum, dt, line, sizeof(line));
		printf("%s\n", line);
	}
	if (rc && rc != TENDO_ENOTFOUND)
		return cli_fail(ctx, "import stopped: %s", tendo_error_last());
	if (rc == TENDO_ENOTFOUND)
		return cli_fail(ctx, "some paths could not be read (see above)");
	/* a damaged file is reported and the rest imports (exit 0): a cron job
	 * stays quiet; --strict, or the athlete's own values for one file that
	 * could not be recorded, make it an error */
	if (sum.errors && (ui.strict || extra))
		return cli_fail(ctx, "%zu file%s could not be imported (see above); the rest is in the log", sum.errors,
		                sum.errors == 1 ? "" : "s");
	if (extra && sum.duplicates && !ui.json)
		printf("nothing added to #%lld, which was in the log already: tendo edit %lld --pain-during N ... changes it\n",
		       (long long)ui.dup_id, (long long)ui.dup_id);
	return 0;
}
