/*
 * cmd_export.c - tendo export (every table of the log as RFC 4180 CSV files
 * or one JSON document) and tendo restore (a JSON export into an empty
 * database, ids and all). Files are written to a temporary name and renamed,
 * so a failed export leaves nothing half-written; a failed restore leaves
 * no database behind if it made one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "../shapes/shapes.h"

/* ---------------------------------------------------------------- export */

enum { O_CSV = 1, O_JSON, O_DB, O_RJSON };

static const cli_opt export_opts[] = {
	{ "csv", required_argument, O_CSV, "DIR", "one CSV file per table in DIR (made if missing)" },
	{ "json", required_argument, O_JSON, "FILE", "one JSON document (- : to standard output)" },
	{ 0 }
};
static const cli_spec export_spec = { "export (--csv DIR | --json FILE)",
	"Everything in the log: RFC 4180 CSV (header row, CRLF) or one JSON document for tendo restore.",
	export_opts };

typedef struct {
	const char *csv, *json;
} export_args;

static int export_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	export_args *a = u;
	if (id == O_CSV)
		a->csv = v;
	else
		a->json = v;
	return 0;
}

/* CSV: one file per table, written as the rows come (tables arrive in
 * order), into a folder replaced whole (cli_atomic_dir). */
typedef struct {
	const cli_ctx *ctx;
	cli_atomic_dir dir;
	cli_atomic_file af;
	bool open;        /* af is open */
	char table[64];
	int err;
	size_t files, rows;
} csv_state;

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int csv_start(csv_state *cs, const char *table, int n, const char *const *cols)
{
	char name[80];
	snprintf(name, sizeof(name), "%s.csv", table);
	if ((cs->err = cli_dir_file(cs->ctx, &cs->dir, name, &cs->af)))
		return cs->err;
	cs->open = true;
	snprintf(cs->table, sizeof(cs->table), "%s", table);
	for (int c = 0; c < n; c++) {
		if (c)
			fputc(',', cs->af.f);
		csv_field(cs->af.f, cols[c]);
	}
	fputs("\r\n", cs->af.f);
	cs->files++;
	return 0;
}

static int csv_row(const char *table, int n, const char *const *cols, const tendo_value *v, void *user)
{
	csv_state *cs = user;
	if (strcmp(cs->table, table) != 0) {
		if (cs->open) {
			cs->open = false;
			if ((cs->err = cli_atomic_close(cs->ctx, &cs->af, true)))
				return cs->err;
		}
		cs->table[0] = '\0';
		if (csv_start(cs, table, n, cols))
			return cs->err;
	}
	for (int c = 0; c < n; c++) {
		char num[40];
		if (c)
			fputc(',', cs->af.f);
		switch (v[c].kind) {
		case TENDO_VAL_INT: fprintf(cs->af.f, "%lld", (long long)v[c].i); break;
		case TENDO_VAL_REAL: snprintf(num, sizeof(num), "%.17g", v[c].r); fputs(num, cs->af.f); break;
		case TENDO_VAL_TEXT: csv_field(cs->af.f, v[c].s); break;
		default: break; /* NULL: an empty field */
		}
	}
	fputs("\r\n", cs->af.f);
	cs->rows++;
	return 0;
}

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
	export_args a = { 0 };
	int rc = cli_parse(ctx, &export_spec, argc, argv, export_opt, &a, NULL);
	if (rc)
		return rc;
	if (!!a.csv == !!a.json)
		return cli_usage(ctx, "give either --csv DIR or --json FILE");
	if (cli_is_stdio(a.csv))
		return cli_usage(ctx, "--csv takes a folder (one file per table), not -: --json - writes to standard output");
	if ((rc = cli_open(ctx, false)))
		return rc;
	if (a.json) {
		json_t *doc = shape_export(ctx->store);
		if (!doc)
			return cli_fail(ctx, "%s", tendo_error_last()[0] ? tendo_error_last() : "out of memory");
		cli_atomic_file af;
		if ((rc = cli_atomic_open(ctx, &af, a.json))) {
			json_decref(doc);
			return rc;
		}
		int jrc = json_dumpf(doc, af.f, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
		fputc('\n', af.f);
		json_decref(doc);
		if (jrc != 0 && !af.err) {
			cli_atomic_close(ctx, &af, false);
			return cli_fail(ctx, "cannot write %s: the log could not be put in JSON", a.json);
		}
		if ((rc = cli_atomic_close(ctx, &af, true)))
			return rc;
		if (!cli_is_stdio(a.json))
			printf("exported the log to %s\n", a.json);
		return 0;
	}
	csv_state cs = { .ctx = ctx };
	if ((rc = cli_dir_open(ctx, &cs.dir, a.csv, ".csv")))
		return rc;
	rc = tendo_store_dump(ctx->store, csv_row, &cs);
	if (rc < 0)
		rc = cli_lib_error(ctx, rc);
	if (cs.open) {
		int crc = cli_atomic_close(ctx, &cs.af, rc == 0);
		if (!rc)
			rc = crc;
	}
	int drc = cli_dir_close(ctx, &cs.dir, rc == 0);
	if (rc || drc)
		return rc ? rc : drc;
	printf("exported %zu rows in %zu CSV files to %s\n", cs.rows, cs.files, a.csv);
	return 0;
}

/* --------------------------------------------------------------- restore */

static const cli_opt restore_opts[] = {
	{ "db", required_argument, O_DB, "PATH", "the database to restore into (must be new or empty)" },
	{ "json", no_argument, O_RJSON, NULL, "print what was restored as JSON (rows, database, the profile)" },
	{ 0 }
};
static const cli_spec restore_spec = { "restore FILE.json [--db PATH] [--json]",
	"Restore a JSON export (tendo export --json) into a new or empty database (- reads it from standard input).", restore_opts };

static int restore_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	if (id == O_DB)
		ctx->db_path = v;
	else if (id == O_RJSON)
		*(bool *)u = true;
	return 0;
}

int cmd_restore(cli_ctx *ctx, int argc, char **argv)
{
	int first = 0;
	bool json = false;
	int rc = cli_parse(ctx, &restore_spec, argc, argv, restore_opt, &json, &first);
	if (rc)
		return rc;
	if (argc - first != 1)
		return cli_usage(ctx, "give one JSON file made by tendo export --json");
	const char *file = argv[first];
	json_error_t jerr;
	json_t *doc = cli_is_stdio(file) ? json_loadf(stdin, 0, &jerr) : json_load_file(file, 0, &jerr);
	if (!doc)
		return cli_fail(ctx, "%s: not a JSON export (line %d: %s)", file, jerr.line, jerr.text);
	char msg[1024];
	if (shape_export_check(doc, msg, sizeof(msg))) {
		json_decref(doc);
		return cli_fail(ctx, "%s: %s", file, msg);
	}

	char path[4096];
	const char *dbp = ctx->db_path;
	if (!dbp) {
		if (tendo_store_default_path(path, sizeof(path))) {
			json_decref(doc);
			return cli_fail(ctx, "%s", tendo_error_last());
		}
		dbp = path;
	}
	struct stat st;
	bool existed = stat(dbp, &st) == 0;
	if ((rc = tendo_store_open(&ctx->store, dbp, TENDO_STORE_CREATE))) {
		json_decref(doc);
		return cli_lib_error(ctx, rc);
	}
	tendo_profile p;
	if (tendo_store_get_profile(ctx->store, &p) == 0) {
		json_decref(doc);
		return cli_fail(ctx, "%s already holds a log: restore needs a new or empty database", dbp);
	}
	size_t rows = 0;
	rc = shape_restore(ctx->store, doc, &rows, msg, sizeof(msg));
	json_decref(doc);
	if (rc) {
		tendo_store_rollback(ctx->store);
		cli_close(ctx);
		if (!existed) { /* leave nothing behind */
			char side[4200];
			unlink(dbp);
			snprintf(side, sizeof(side), "%s-wal", dbp);
			unlink(side);
			snprintf(side, sizeof(side), "%s-shm", dbp);
			unlink(side);
		}
		return cli_fail(ctx, "%s: nothing restored: %s", file, msg[0] ? msg : tendo_error_last());
	}
	if (json) {
		tendo_profile rp;
		tendo_schedule rs;
		json_t *o = json_pack("{s:I,s:o,s:o}", "rows", (json_int_t)rows, "from", cli_jstr(file), "database",
		                      cli_jstr(dbp));
		if (tendo_store_get_profile(ctx->store, &rp) == 0 && tendo_store_get_schedule(ctx->store, &rs) == 0)
			json_object_set_new(o, "profile", cli_profile_json(&rp, &rs));
		return cli_print_json(o);
	}
	printf("restored %zu rows from %s into %s\n", rows, cli_text(file), cli_text(dbp));
	return 0;
}
