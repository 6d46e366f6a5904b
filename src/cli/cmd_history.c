/*
 * cmd_history.c - tendo history (every entry with its id) and tendo delete
 * (remove one mistaken entry, saying what it was). The entries, their
 * lines and their JSON are src/shapes/history.c's, shared with the server.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_units.h"

int cli_entry_find(const cli_ctx *ctx, const tendo_log *log, int64_t id, cli_entry *out)
{
	return shape_entry_find(log, ctx->imperial, id, out) ? -1 : 0;
}

json_t *cli_entry_json(const cli_ctx *ctx, const tendo_log *log, int64_t id)
{
	return shape_entry_json(ctx->store, log, ctx->imperial, id);
}

int cli_print_entry(cli_ctx *ctx, int64_t id, tendo_date date, json_t *extra)
{
	tendo_log log = { 0 };
	int rc = tendo_store_load_log_ext(ctx->store, &log, date, date, TENDO_LOAD_REPLACED);
	if (rc) {
		json_decref(extra);
		return cli_lib_error(ctx, rc);
	}
	json_t *o = cli_entry_json(ctx, &log, id);
	tendo_log_dispose(&log);
	if (!o) {
		json_decref(extra);
		return cli_fail(ctx, "entry %lld is not in the log", (long long)id);
	}
	if (extra)
		json_object_update(o, extra);
	json_decref(extra);
	return cli_print_json(o);
}

/* ------------------------------------------------------------- history */

static const cli_opt hist_opts[] = { CLI_RANGE_OPTS, { 0 } };
static const cli_spec hist_spec = { "history [--from D] [--to D] [--json]", "Every entry of the log, with its id.",
	hist_opts };

int cmd_history(cli_ctx *ctx, int argc, char **argv)
{
	cli_range_args a = { 0 };
	tendo_date from, to;
	int rc = cli_parse(ctx, &hist_spec, argc, argv, cli_range_opt, &a, NULL);
	if (rc || (rc = cli_range_dates(ctx, &a, &from, &to)))
		return rc;
	if ((rc = cli_open(ctx, false)))
		return rc;
	tendo_log log = { 0 };
	if ((rc = tendo_store_load_log_ext(ctx->store, &log, from, to, TENDO_LOAD_REPLACED)))
		return cli_lib_error(ctx, rc);
	size_t n = 0;
	shape_entry *arr = shape_entries(&log, ctx->imperial, &n);
	if (!arr) {
		tendo_log_dispose(&log);
		return cli_fail(ctx, "out of memory");
	}
	char d[TENDO_DATE_BUFSZ];
	if (a.json) {
		json_t *out = shape_history(ctx->store, &log, ctx->imperial);
		if (!out) {
			shape_entries_free(arr, n);
			tendo_log_dispose(&log);
			return cli_fail(ctx, "out of memory");
		}
		rc = cli_print_json(out);
	} else if (n == 0) {
		printf("no entries%s\n", a.from || a.to ? " in that range" : " yet");
	} else {
		for (size_t k = 0; k < n; k++) {
			char note[1024];
			if (tendo_store_entry_note(ctx->store, arr[k].id, note, sizeof(note)) != 0)
				note[0] = '\0';
			printf("#%-6" PRId64 " %s  %s%s%s%s\n", arr[k].id, tendo_date_format(arr[k].date, d),
			       cli_text(arr[k].text), note[0] ? " (" : "", cli_text(note), note[0] ? ")" : "");
		}
	}
	shape_entries_free(arr, n);
	tendo_log_dispose(&log);
	return rc;
}

/* -------------------------------------------------------------- delete */

static const cli_opt del_opts[] = { { "json", no_argument, 1, NULL, "print the deleted entry as JSON" }, { 0 } };
static const cli_spec del_spec = { "delete ID [--json]", "Delete one mistaken entry (see tendo history for ids).",
	del_opts };

static int del_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx, (void)id, (void)v;
	*(bool *)u = true;
	return 0;
}

int cmd_delete(cli_ctx *ctx, int argc, char **argv)
{
	int first = 0;
	bool json = false;
	int rc = cli_parse(ctx, &del_spec, argc, argv, del_opt, &json, &first);
	if (rc)
		return rc;
	if (argc - first != 1)
		return cli_usage(ctx, "give exactly one entry id (see tendo history)");
	const char *s = argv[first];
	if (s[0] == '#')
		s++;
	char *end;
	errno = 0;
	long long id = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || errno || end == s || *end || id <= 0)
		return cli_usage(ctx, "'%s' is not an entry id (a positive number, see tendo history)", argv[first]);
	if ((rc = cli_open(ctx, true)))
		return rc;
	tendo_log log = { 0 };
	if ((rc = tendo_store_load_log_ext(ctx->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED)))
		return cli_lib_error(ctx, rc);
	size_t n = 0;
	shape_entry *arr = shape_entries(&log, ctx->imperial, &n);
	const shape_entry *hit = NULL;
	for (size_t k = 0; arr && k < n; k++)
		if (arr[k].id == id)
			hit = &arr[k];
	char what[260] = "";
	char d[TENDO_DATE_BUFSZ];
	if (hit)
		snprintf(what, sizeof(what), "%s  %s", tendo_date_format(hit->date, d), hit->text);
	shape_entries_free(arr, n);
	/* the entry as it was, before it goes */
	json_t *gone = hit && json ? cli_entry_json(ctx, &log, id) : NULL;
	tendo_log_dispose(&log);
	/* an entry the loader left out (it cannot be read) can still go */
	if (!hit)
		snprintf(what, sizeof(what), "an entry the log could not read");
	if ((rc = tendo_store_begin(ctx->store)) || (rc = tendo_store_delete(ctx->store, id)) ||
	    (rc = tendo_store_commit(ctx->store))) {
		tendo_store_rollback(ctx->store);
		json_decref(gone);
		if (rc == TENDO_ENOTFOUND)
			return cli_fail(ctx, "no entry with id %lld (see tendo history)", id);
		return cli_lib_error(ctx, rc);
	}
	if (json) {
		json_object_set_new(gone, "deleted", json_true());
		return cli_print_json(gone);
	}
	printf("deleted #%lld: %s\n", id, cli_text(what));
	return 0;
}
