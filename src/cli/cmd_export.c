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

#include <tendo/text.h>

#include "cli.h"

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

/* JSON: tables -> arrays of row objects. JSON holds only UTF-8: text that
 * is not (a Latin-1 note, a file name from an old folder) goes as its
 * readable repair ("caf\uFFFD") plus "column.bytes", the exact bytes in
 * hex, which restore puts back: export + restore is byte for byte. */
static json_t *text_value(json_t *row, const char *col, const char *s)
{
	size_t len = strlen(s);
	if (tendo_text_utf8_valid(s, len))
		return json_string(s);
	char *fixed = tendo_text_utf8_repair(s, len), *hex = malloc(len * 2 + 1), key[128];
	json_t *x = NULL;
	if (fixed && hex) {
		for (size_t k = 0; k < len; k++)
			snprintf(hex + 2 * k, 3, "%02x", (unsigned char)s[k]);
		snprintf(key, sizeof(key), "%s.bytes", col);
		x = json_string(fixed);
		json_object_set_new(row, key, json_string(hex));
	}
	free(fixed);
	free(hex);
	return x;
}

static int json_row(const char *table, int n, const char *const *cols, const tendo_value *v, void *user)
{
	json_t *tables = user;
	json_t *arr = json_object_get(tables, table);
	if (!arr) {
		arr = json_array();
		json_object_set_new(tables, table, arr);
	}
	json_t *o = json_object();
	for (int c = 0; c < n; c++) {
		json_t *x = v[c].kind == TENDO_VAL_INT    ? json_integer(v[c].i)
		          : v[c].kind == TENDO_VAL_REAL   ? json_real(v[c].r)
		          : v[c].kind == TENDO_VAL_TEXT   ? text_value(o, cols[c], v[c].s)
		                                          : json_null();
		if (!x) {
			json_decref(o);
			return tendo_error_set(TENDO_ENOMEM, "out of memory exporting %s", table);
		}
		/* the repaired text first, then its exact bytes */
		json_t *bytes = NULL;
		char key[128];
		snprintf(key, sizeof(key), "%s.bytes", cols[c]);
		if (v[c].kind == TENDO_VAL_TEXT && (bytes = json_object_get(o, key))) {
			json_incref(bytes);
			json_object_del(o, key);
		}
		json_object_set_new(o, cols[c], x);
		if (bytes)
			json_object_set_new(o, key, bytes);
	}
	json_array_append_new(arr, o);
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
		json_t *doc = json_object(), *tables = json_object();
		json_object_set_new(doc, "format", json_string("tendo-export"));
		json_object_set_new(doc, "version", json_integer(1));
		json_object_set_new(doc, "schema", json_integer(TENDO_STORE_SCHEMA_VERSION));
		json_object_set_new(doc, "tables", tables);
		if ((rc = tendo_store_dump(ctx->store, json_row, tables))) {
			json_decref(doc);
			return cli_lib_error(ctx, rc);
		}
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

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* "column.bytes": the exact bytes of a text column that is not UTF-8 (see
 * text_value()); it replaces the column's readable repair, which comes
 * before it in the row. */
static int exact_text(json_t *row, const char *key, json_t *v, size_t collen, const char **cols, tendo_value *vals,
                      char **exact, int n, char *msg, size_t msgsz)
{
	const char *hex = json_string_value(v);
	size_t len = hex ? strlen(hex) : 0;
	int c = 0;
	while (c < n && (strlen(cols[c]) != collen || strncmp(cols[c], key, collen) != 0))
		c++;
	(void)row;
	if (c == n || vals[c].kind != TENDO_VAL_TEXT || !hex || len % 2) {
		snprintf(msg, msgsz, "%s must follow its text column and hold hex digits", key);
		return TENDO_EINVAL;
	}
	char *b = malloc(len / 2 + 1);
	if (!b) {
		snprintf(msg, msgsz, "out of memory");
		return TENDO_ENOMEM;
	}
	for (size_t k = 0; k < len / 2; k++) {
		int hi = hexval(hex[2 * k]), lo = hexval(hex[2 * k + 1]);
		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
			free(b);
			snprintf(msg, msgsz, "%s must hold hex digits of bytes other than 00", key);
			return TENDO_EINVAL;
		}
		b[k] = (char)(hi * 16 + lo);
	}
	b[len / 2] = '\0';
	free(exact[c]);
	exact[c] = b;
	vals[c].s = b;
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
	json_t *tables = json_object_get(doc, "tables");
	json_t *schema = json_object_get(doc, "schema");
	if (!json_is_string(json_object_get(doc, "format")) ||
	    strcmp(json_string_value(json_object_get(doc, "format")), "tendo-export") != 0 || !json_is_object(tables) ||
	    !json_is_integer(schema)) {
		json_decref(doc);
		return cli_fail(ctx, "%s: not a tendo export (no format \"tendo-export\" with tables and schema)", file);
	}
	long long version = (long long)json_integer_value(schema);
	if (version > TENDO_STORE_SCHEMA_VERSION || version < 1) {
		json_decref(doc);
		return version < 1 ? cli_fail(ctx, "%s: schema %lld is not a tendo schema", file, version)
		                   : cli_fail(ctx, "%s: made by a newer tendo (schema %lld; this one reads up to %d)", file,
		                              version, TENDO_STORE_SCHEMA_VERSION);
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
	size_t nt, rows = 0;
	const char *const *names = tendo_store_tables(&nt);
	char msg[1024] = "", what[512] = ""; /* what: about one row, msg: the whole message */
	rc = tendo_store_begin(ctx->store);
	for (size_t t = 0; t < nt && !rc; t++) {
		json_t *arr = json_object_get(tables, names[t]);
		if (!arr)
			continue;
		if (!json_is_array(arr)) {
			snprintf(msg, sizeof(msg), "table %s is not a list of rows", names[t]);
			rc = TENDO_EINVAL;
			break;
		}
		size_t i;
		json_t *row;
		json_array_foreach(arr, i, row)
		{
			const char *cols[64];
			tendo_value vals[64];
			char *exact[64] = { 0 }; /* "column.bytes": the text's exact bytes */
			int n = 0;
			const char *k;
			json_t *v;
			if (!json_is_object(row) || json_object_size(row) > 64) {
				snprintf(msg, sizeof(msg), "table %s row %zu is not a row", names[t], i + 1);
				rc = TENDO_EINVAL;
				break;
			}
			json_object_foreach(row, k, v)
			{
				size_t kl = strlen(k);
				if (kl > 6 && strcmp(k + kl - 6, ".bytes") == 0) {
					if ((rc = exact_text(row, k, v, kl - 6, cols, vals, exact, n, what, sizeof(what))))
						break;
					continue;
				}
				cols[n] = k;
				memset(&vals[n], 0, sizeof(vals[n]));
				if (json_is_integer(v)) {
					vals[n].kind = TENDO_VAL_INT;
					vals[n].i = json_integer_value(v);
				} else if (json_is_real(v)) {
					vals[n].kind = TENDO_VAL_REAL;
					vals[n].r = json_real_value(v);
				} else if (json_is_string(v)) {
					vals[n].kind = TENDO_VAL_TEXT;
					vals[n].s = json_string_value(v);
				} else if (!json_is_null(v)) {
					snprintf(what, sizeof(what), "%s is not a value", k);
					rc = TENDO_EINVAL;
					break;
				}
				n++;
			}
			if (!rc && (rc = tendo_store_restore_row(ctx->store, names[t], n, cols, vals)))
				snprintf(what, sizeof(what), "%s", tendo_error_last());
			for (int c = 0; c < n; c++)
				free(exact[c]);
			if (rc) {
				snprintf(msg, sizeof(msg), "table %s row %zu: %s", names[t], i + 1, what);
				break;
			}
			rows++;
		}
	}
	if (!rc && (rc = tendo_store_check_all(ctx->store)))
		snprintf(msg, sizeof(msg), "%s", tendo_error_last());
	if (!rc)
		rc = tendo_store_commit(ctx->store);
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
