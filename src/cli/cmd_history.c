/*
 * cmd_history.c - tendo history (every entry with its id) and tendo delete
 * (remove one mistaken entry, saying what it was).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_units.h"

/* One entry of any kind, for listing. */
typedef struct {
	int64_t id;
	tendo_date date;
	const char *type;
	char text[200];
	json_t *json; /* owned */
} entry;

static json_t *num_or_null(double v)
{
	return v >= 0 ? json_real(v) : json_null();
}

static json_t *int_or_null(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

static void add(entry **arr, size_t *n, int64_t id, tendo_date date, const char *type, json_t *j, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static void add(entry **arr, size_t *n, int64_t id, tendo_date date, const char *type, json_t *j, const char *fmt, ...)
{
	entry *e = &(*arr)[(*n)++];
	e->id = id;
	e->date = date;
	e->type = type;
	e->json = j;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	va_end(ap);
}

static int by_date_id(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* "HH:MM" or null */
static json_t *time_json(int t)
{
	char b[6];
	return t >= 0 ? json_string(tendo_schedule_format_time(t, b)) : json_null();
}

/* " at HH:MM" or "" */
static const char *time_text(char *buf, size_t sz, int t)
{
	char b[6];
	if (t >= 0)
		snprintf(buf, sz, " at %s", tendo_schedule_format_time(t, b));
	else
		buf[0] = '\0';
	return buf;
}

/* The later morning (or task) score of the same day that replaces p, or 0. */
static int64_t replaced_by(const tendo_log *L, size_t k)
{
	const tendo_pain *p = &L->pain[k];
	if (p->kind != TENDO_PAIN_MORNING && p->kind != TENDO_PAIN_TASK)
		return 0;
	for (size_t j = 0; j < L->n_pain; j++)
		if (L->pain[j].date == p->date && L->pain[j].kind == p->kind && L->pain[j].id > p->id)
			return L->pain[j].id;
	return 0;
}

static void score(char *buf, size_t sz, const char *label, int v)
{
	if (v >= 0)
		snprintf(buf, sz, ", %s %d/10", label, v);
	else
		buf[0] = '\0';
}

/* All entries of a log, sorted; release with free_entries(). */
static entry *collect(const cli_ctx *ctx, const tendo_log *L, size_t *out_n)
{
	size_t total = L->n_pain + L->n_runs + L->n_rehab + L->n_cross + L->n_tests + L->n_flags + L->n_sitting + L->n_visa;
	entry *arr = calloc(total ? total : 1, sizeof(entry));
	size_t n = 0;
	if (!arr)
		return NULL;
	char s1[48], s2[48], s3[48], tm[16];
	for (size_t k = 0; k < L->n_pain; k++) {
		const tendo_pain *x = &L->pain[k];
		int64_t by = replaced_by(L, k);
		json_t *j = json_pack("{s:s,s:i,s:b,s:o}", "kind", tendo_pain_kind_name(x->kind), "score", x->score, "sharp",
		                      x->sharp, "session_id", x->session_id > 0 ? json_integer(x->session_id) : json_null());
		if (by)
			json_object_set_new(j, "replaced_by", json_integer(by));
		if (x->session_id > 0)
			snprintf(s1, sizeof(s1), " (session #%lld)", (long long)x->session_id);
		else
			s1[0] = '\0';
		if (by)
			snprintf(s2, sizeof(s2), " [replaced by #%lld]", (long long)by);
		else
			s2[0] = '\0';
		add(&arr, &n, x->id, x->date, "pain", j, "pain %s %d/10%s%s%s", tendo_pain_kind_name(x->kind), x->score,
		    x->sharp ? " SHARP" : "", s1, s2);
	}
	for (size_t k = 0; k < L->n_runs; k++) {
		const tendo_run *x = &L->runs[k];
		score(s1, sizeof(s1), "pain during", x->pain_during);
		score(s2, sizeof(s2), "after", x->pain_after);
		json_t *j = json_pack("{s:f,s:o,s:s,s:s,s:b,s:o,s:o,s:o,s:b,s:o,s:b}", "minutes", x->minutes, "km",
		                      num_or_null(x->km), "terrain", tendo_terrain_name(x->terrain), "intent",
		                      tendo_intent_name(x->intent), "walk_breaks", x->walk_breaks, "rpe", int_or_null(x->rpe),
		                      "pain_during", int_or_null(x->pain_during), "pain_after", int_or_null(x->pain_after),
		                      "sharp", x->sharp, "time", time_json(x->time_min), "imported", x->imported);
		json_object_set_new(j, "title", x->title[0] ? cli_jstr(x->title) : json_null());
		if (x->km > 0) {
			char dist[32];
			snprintf(s3, sizeof(s3), " %s", cli_fmt_distance(ctx, x->km, 1, dist, sizeof(dist)));
		} else {
			s3[0] = '\0';
		}
		char title[TENDO_TITLE_MAX + 4] = "";
		if (x->title[0])
			snprintf(title, sizeof(title), " \"%s\"", cli_text(x->title));
		char rpe[24] = "";
		if (x->rpe >= 0)
			snprintf(rpe, sizeof(rpe), ", RPE %d", x->rpe);
		add(&arr, &n, x->id, x->date, "run", j, "run%s %.0f min%s%s %s %s%s%s%s%s%s", title, x->minutes, s3,
		    time_text(tm, sizeof(tm), x->time_min), tendo_terrain_name(x->terrain), tendo_intent_name(x->intent),
		    x->walk_breaks ? " run/walk" : "", rpe, s1, s2, x->sharp ? ", SHARP pain" : "");
	}
	for (size_t k = 0; k < L->n_rehab; k++) {
		const tendo_rehab *x = &L->rehab[k];
		score(s1, sizeof(s1), "pain", x->pain_during);
		if (x->kg > 0) {
			char w[32];
			snprintf(s2, sizeof(s2), " @ %s", cli_fmt_load(ctx, x->kg, w, sizeof(w)));
		} else
			s2[0] = '\0';
		json_t *j = json_pack("{s:s,s:i,s:o,s:o,s:o,s:s,s:o,s:o,s:b,s:o,s:o}", "exercise", x->exercise, "sets", x->sets,
		                      "reps", int_or_null(x->reps), "hold_s", int_or_null(x->hold_s), "kg", num_or_null(x->kg),
		                      "side", tendo_side_name(x->side), "rpe", int_or_null(x->rpe), "pain_during",
		                      int_or_null(x->pain_during), "sharp", x->sharp, "custom",
		                      x->custom ? json_pack("{s:s,s:s}", "stage", tendo_stage_name((tendo_stage)x->custom_stage),
		                                            "kind", tendo_ex_kind_name((tendo_ex_kind)x->custom_kind))
		                                : json_null(),
		                      "time", time_json(x->time_min));
		char c[64] = "";
		if (x->custom)
			snprintf(c, sizeof(c), " [custom %s %s]", tendo_stage_name((tendo_stage)x->custom_stage),
			         tendo_ex_kind_name((tendo_ex_kind)x->custom_kind));
		if (x->reps > 0)
			add(&arr, &n, x->id, x->date, "rehab", j, "%s%s %d x %d%s (%s)%s%s%s", x->exercise, c, x->sets, x->reps,
			    s2, tendo_side_name(x->side), time_text(tm, sizeof(tm), x->time_min), s1, x->sharp ? ", SHARP pain" : "");
		else
			add(&arr, &n, x->id, x->date, "rehab", j, "%s%s %d x %d s hold (%s)%s%s%s", x->exercise, c, x->sets,
			    x->hold_s, tendo_side_name(x->side), time_text(tm, sizeof(tm), x->time_min), s1,
			    x->sharp ? ", SHARP pain" : "");
	}
	for (size_t k = 0; k < L->n_cross; k++) {
		const tendo_cross *x = &L->cross[k];
		score(s1, sizeof(s1), "pain", x->pain_during);
		char title[TENDO_TITLE_MAX + 4] = "";
		if (x->title[0])
			snprintf(title, sizeof(title), " \"%s\"", cli_text(x->title));
		add(&arr, &n, x->id, x->date, "cross",
		    json_pack("{s:s,s:f,s:o,s:b,s:o,s:o}", "kind", tendo_cross_kind_name(x->kind), "minutes", x->minutes,
		              "pain_during", int_or_null(x->pain_during), "sharp", x->sharp, "time", time_json(x->time_min),
		              "title", x->title[0] ? cli_jstr(x->title) : json_null()),
		    "%s%s %.0f min%s%s%s", tendo_cross_kind_name(x->kind), title, x->minutes,
		    time_text(tm, sizeof(tm), x->time_min), s1, x->sharp ? ", SHARP pain" : "");
	}
	for (size_t k = 0; k < L->n_tests; k++) {
		const tendo_test *x = &L->tests[k];
		char b[160];
		int m = snprintf(b, sizeof(b), "readiness test:");
		if (x->drop_lunge_pain >= 0)
			m += snprintf(b + m, sizeof(b) - (size_t)m, " drop lunge %d/10", x->drop_lunge_pain);
		if (x->bridge_left >= 0)
			m += snprintf(b + m, sizeof(b) - (size_t)m, " bridge L%d/R%d", x->bridge_left, x->bridge_right);
		if (x->curl_left >= 0) {
			char wl[32], wr[32];
			m += snprintf(b + m, sizeof(b) - (size_t)m, " curl 10RM L %s/R %s", cli_fmt_load(ctx, x->curl_left, wl, sizeof(wl)),
			              cli_fmt_load(ctx, x->curl_right, wr, sizeof(wr)));
		}
		if (x->rest_pain >= 0)
			m += snprintf(b + m, sizeof(b) - (size_t)m, " rest %d/10", x->rest_pain);
		snprintf(b + m, sizeof(b) - (size_t)m, "%s", time_text(tm, sizeof(tm), x->time_min));
		add(&arr, &n, x->id, x->date, "test",
		    json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "drop_lunge_pain", int_or_null(x->drop_lunge_pain),
		              "bridge_left", int_or_null(x->bridge_left), "bridge_right", int_or_null(x->bridge_right),
		              "curl_left", num_or_null(x->curl_left), "curl_right", num_or_null(x->curl_right), "rest_pain",
		              int_or_null(x->rest_pain), "time", time_json(x->time_min)),
		    "%s", b);
	}
	for (size_t k = 0; k < L->n_flags; k++) {
		const tendo_flag *x = &L->flags[k];
		add(&arr, &n, x->id, x->date, "flag", json_pack("{s:s}", "kind", tendo_flag_kind_name(x->kind)),
		    x->kind == TENDO_FLAG_CLEARED ? "cleared by a clinician" : "RED FLAG: %s", tendo_flag_kind_name(x->kind));
	}
	for (size_t k = 0; k < L->n_sitting; k++) {
		const tendo_sitting *x = &L->sitting[k];
		json_t *j = json_pack("{s:s,s:o}", "kind", tendo_aggravator_kind_name(x->kind), "hours", num_or_null(x->hours));
		switch (x->kind) {
		case TENDO_AGG_SITTING: add(&arr, &n, x->id, x->date, "sitting", j, "sitting %.1f h", x->hours); break;
		case TENDO_AGG_DRIVING: add(&arr, &n, x->id, x->date, "sitting", j, "driving %.1f h", x->hours); break;
		case TENDO_AGG_STRETCHING: add(&arr, &n, x->id, x->date, "sitting", j, "hamstring stretching"); break;
		default: add(&arr, &n, x->id, x->date, "sitting", j, "heavy hip-flexion lifting"); break;
		}
	}
	for (size_t k = 0; k < L->n_visa; k++) {
		const tendo_visa *x = &L->visa[k];
		json_t *items = json_array();
		for (int i = 0; i < TENDO_VISA_ITEMS; i++)
			json_array_append_new(items, json_integer(x->items[i]));
		add(&arr, &n, x->id, x->date, "visa", json_pack("{s:i,s:o}", "total", x->total, "items", items),
		    "VISA-H %d/100", x->total);
	}
	qsort(arr, n, sizeof(entry), by_date_id);
	*out_n = n;
	return arr;
}

static void free_entries(entry *arr, size_t n)
{
	for (size_t k = 0; arr && k < n; k++)
		json_decref(arr[k].json);
	free(arr);
}

int cli_entry_find(const cli_ctx *ctx, const tendo_log *log, int64_t id, cli_entry *out)
{
	size_t n = 0;
	entry *arr = collect(ctx, log, &n);
	int rc = -1;
	for (size_t k = 0; arr && k < n; k++)
		if (arr[k].id == id) {
			out->type = arr[k].type;
			out->date = arr[k].date;
			snprintf(out->text, sizeof(out->text), "%s", arr[k].text);
			out->json = arr[k].json;
			arr[k].json = NULL;
			rc = 0;
		}
	free_entries(arr, n);
	return rc;
}

/* One entry as JSON: id, date, type, its fields (fields is taken), note. */
static json_t *entry_object(tendo_store *store, int64_t id, tendo_date date, const char *type, json_t *fields)
{
	char d[TENDO_DATE_BUFSZ], note[1024];
	json_t *o = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "date", tendo_date_format(date, d), "type", type);
	json_object_update(o, fields);
	json_decref(fields);
	if (store && tendo_store_entry_note(store, id, note, sizeof(note)) == 0 && note[0])
		json_object_set_new(o, "note", cli_jstr(note));
	return o;
}

json_t *cli_entry_json(const cli_ctx *ctx, const tendo_log *log, int64_t id)
{
	cli_entry e;
	if (cli_entry_find(ctx, log, id, &e))
		return NULL;
	json_t *o = entry_object(ctx->store, id, e.date, e.type, e.json);
	json_object_set_new(o, "what", cli_jstr(e.text));
	return o;
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
	entry *arr = collect(ctx, &log, &n);
	if (!arr) {
		tendo_log_dispose(&log);
		return cli_fail(ctx, "out of memory");
	}
	char d[TENDO_DATE_BUFSZ];
	if (a.json) {
		json_t *out = json_array();
		for (size_t k = 0; k < n; k++) {
			json_array_append_new(out, entry_object(ctx->store, arr[k].id, arr[k].date, arr[k].type, arr[k].json));
			arr[k].json = NULL;
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
	free_entries(arr, n);
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
	entry *arr = collect(ctx, &log, &n);
	const entry *hit = NULL;
	for (size_t k = 0; arr && k < n; k++)
		if (arr[k].id == id)
			hit = &arr[k];
	char what[260] = "";
	char d[TENDO_DATE_BUFSZ];
	if (hit)
		snprintf(what, sizeof(what), "%s  %s", tendo_date_format(hit->date, d), hit->text);
	free_entries(arr, n);
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
