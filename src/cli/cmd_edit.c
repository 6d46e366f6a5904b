/*
 * cmd_edit.c - tendo edit ID: change the optional fields of an entry after
 * the fact (pain during and after, RPE, sharp pain, the note, the time of
 * day), typed or imported from a watch, in one transaction. A field the
 * entry's type does not have is refused and the message lists what it has.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/validate.h>

#include "cli.h"

enum { O_PDURING = 1, O_PAFTER, O_RPE, O_SHARP, O_NOSHARP, O_NOTE, O_TIME, O_JSON, O__N };

static const cli_opt opts[] = {
	{ "pain-during", required_argument, O_PDURING, "0-10", "worst pain during (run, rehab, cross-training)" },
	{ "pain-after", required_argument, O_PAFTER, "0-10", "pain after, same day (run)" },
	{ "rpe", required_argument, O_RPE, "0-10", "how hard it felt (run, rehab)" },
	{ "sharp", no_argument, O_SHARP, NULL, "there was sharp pain (run, rehab, cross-training, pain)" },
	{ "no-sharp", no_argument, O_NOSHARP, NULL, "there was no sharp pain after all" },
	{ "note", required_argument, O_NOTE, "TEXT", "replace the note (any entry; '' removes it)" },
	{ "time", required_argument, O_TIME, "HH:MM", "when it started, local time (run, rehab, cross-training, test)" },
	{ "json", no_argument, O_JSON, NULL, "print the edited entry as JSON" },
	{ 0 }
};
static const cli_spec spec = { "edit ID [--pain-during N] [--pain-after N] [--rpe N] [--sharp | --no-sharp] "
	"[--note TEXT] [--time HH:MM] [--json]",
	"Change the optional fields of an entry (see tendo history for ids), imported runs included.", opts };

typedef struct {
	const char *v[O__N]; /* as given, NULL if absent */
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	((args *)u)->v[id] = v ? v : "1";
	return 0;
}

/* Which options each entry type takes (bit per option id). */
#define B(o) (1u << (o))
static const struct {
	const char *type;
	const char *what;        /* for messages: "a run" */
	unsigned takes;
} types[] = {
	{ "run", "a run", B(O_PDURING) | B(O_PAFTER) | B(O_RPE) | B(O_SHARP) | B(O_NOSHARP) | B(O_NOTE) | B(O_TIME) },
	{ "rehab", "a rehab entry", B(O_PDURING) | B(O_RPE) | B(O_SHARP) | B(O_NOSHARP) | B(O_NOTE) | B(O_TIME) },
	{ "cross", "a cross-training entry", B(O_PDURING) | B(O_SHARP) | B(O_NOSHARP) | B(O_NOTE) | B(O_TIME) },
	{ "pain", "a pain report", B(O_SHARP) | B(O_NOSHARP) | B(O_NOTE) },
	{ "test", "a readiness test", B(O_NOTE) | B(O_TIME) },
	{ "flag", "a red flag", B(O_NOTE) },
	{ "sitting", "an aggravator", B(O_NOTE) },
	{ "visa", "a VISA-H", B(O_NOTE) },
};

/* "--pain-during, --sharp, --no-sharp, --note" for a bit set. */
static const char *takes_list(unsigned takes, char *buf, size_t sz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (const cli_opt *o = opts; o->name && len < sz; o++)
		if (takes & B(o->id))
			len += (size_t)snprintf(buf + len, sz - len, "%s--%s", len ? ", " : "", o->name);
	return buf;
}

static int parse_id(const cli_ctx *ctx, const char *arg, int64_t *out)
{
	const char *s = arg[0] == '#' ? arg + 1 : arg;
	char *end;
	errno = 0;
	long long id = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || errno || end == s || *end || id <= 0)
		return cli_usage(ctx, "'%s' is not an entry id (a positive number, see tendo history)", arg);
	*out = id;
	return 0;
}

/* The new values, checked before the database is opened. */
typedef struct {
	int pain_during, pain_after, rpe, time_min;
} values;

static int check_values(cli_ctx *ctx, const args *a, values *v)
{
	int rc;
	*v = (values){ -1, -1, -1, TENDO_TOD_NONE };
	if ((a->v[O_PDURING] && (rc = cli_num_int(ctx, "pain-during", a->v[O_PDURING], 0, TENDO_SCORE_MAX, &v->pain_during))) ||
	    (a->v[O_PAFTER] && (rc = cli_num_int(ctx, "pain-after", a->v[O_PAFTER], 0, TENDO_SCORE_MAX, &v->pain_after))) ||
	    (a->v[O_RPE] && (rc = cli_num_int(ctx, "rpe", a->v[O_RPE], 0, TENDO_SCORE_MAX, &v->rpe))) ||
	    (a->v[O_TIME] && (rc = cli_time(ctx, "time", a->v[O_TIME], &v->time_min))))
		return rc;
	/* the library's ranges now; the store checks the edited entry again */
	if ((rc = cli_check_scores(ctx, v->rpe, v->pain_during, v->pain_after, v->time_min)) ||
	    (rc = cli_check(ctx, tendo_check_note(a->v[O_NOTE]))))
		return rc;
	if (a->v[O_SHARP] && a->v[O_NOSHARP])
		return cli_usage(ctx, "give --sharp or --no-sharp, not both");
	for (int o = 1; o < O__N; o++)
		if (o != O_JSON && a->v[o])
			return 0;
	return cli_usage(ctx, "give at least one change: --pain-during, --pain-after, --rpe, --sharp, --no-sharp, --note "
	                      "or --time");
}

/* Apply the changes to the entry id of log (type t). */
static int apply(cli_ctx *ctx, const args *a, const values *v, const tendo_log *log, int64_t id, const char *t)
{
	bool sharp_set = a->v[O_SHARP] || a->v[O_NOSHARP], sharp = a->v[O_SHARP] != NULL;
	int rc = 0;
	if (!strcmp(t, "run")) {
		for (size_t k = 0; k < log->n_runs; k++) {
			tendo_run e = log->runs[k];
			if (e.id != id)
				continue;
			if (a->v[O_PDURING]) e.pain_during = v->pain_during;
			if (a->v[O_PAFTER]) e.pain_after = v->pain_after;
			if (a->v[O_RPE]) e.rpe = v->rpe;
			if (sharp_set) e.sharp = sharp;
			if (a->v[O_TIME]) e.time_min = v->time_min;
			rc = tendo_store_update_run(ctx->store, &e);
		}
	} else if (!strcmp(t, "rehab")) {
		for (size_t k = 0; k < log->n_rehab; k++) {
			tendo_rehab e = log->rehab[k];
			if (e.id != id)
				continue;
			if (a->v[O_PDURING]) e.pain_during = v->pain_during;
			if (a->v[O_RPE]) e.rpe = v->rpe;
			if (sharp_set) e.sharp = sharp;
			if (a->v[O_TIME]) e.time_min = v->time_min;
			rc = tendo_store_update_rehab(ctx->store, &e);
		}
	} else if (!strcmp(t, "cross")) {
		for (size_t k = 0; k < log->n_cross; k++) {
			tendo_cross e = log->cross[k];
			if (e.id != id)
				continue;
			if (a->v[O_PDURING]) e.pain_during = v->pain_during;
			if (sharp_set) e.sharp = sharp;
			if (a->v[O_TIME]) e.time_min = v->time_min;
			rc = tendo_store_update_cross(ctx->store, &e);
		}
	} else if (!strcmp(t, "pain") && sharp_set) {
		for (size_t k = 0; k < log->n_pain; k++) {
			tendo_pain e = log->pain[k];
			if (e.id != id)
				continue;
			e.sharp = sharp;
			rc = tendo_store_update_pain(ctx->store, &e);
		}
	} else if (!strcmp(t, "test") && a->v[O_TIME]) {
		for (size_t k = 0; k < log->n_tests; k++) {
			tendo_test e = log->tests[k];
			if (e.id != id)
				continue;
			e.time_min = v->time_min;
			rc = tendo_store_update_test(ctx->store, &e);
		}
	}
	if (rc == 0 && a->v[O_NOTE])
		rc = tendo_store_set_note(ctx->store, id, a->v[O_NOTE]);
	return rc;
}

int cmd_edit(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int first = 0, rc;
	/* the id may come before or after the options */
	if ((rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, &first)))
		return rc;
	if (argc - first != 1)
		return cli_usage(ctx, "give exactly one entry id (see tendo history)");
	const char *idarg = argv[first];
	int64_t id = 0;
	values v;
	if ((rc = parse_id(ctx, idarg, &id)) || (rc = check_values(ctx, &a, &v)))
		return rc;

	if ((rc = cli_open(ctx, true)))
		return rc;
	tendo_log log = { 0 };
	cli_entry before = { 0 }, after = { 0 };
	if ((rc = tendo_store_begin(ctx->store)))
		return cli_lib_error(ctx, rc);
	if ((rc = tendo_store_load_log_ext(ctx->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED))) {
		tendo_store_rollback(ctx->store);
		return cli_lib_error(ctx, rc);
	}
	if (cli_entry_find(ctx, &log, id, &before)) {
		tendo_log_dispose(&log);
		tendo_store_rollback(ctx->store);
		return cli_fail(ctx, "no entry with id %lld (see tendo history)", (long long)id);
	}
	json_decref(before.json);
	const char *t = before.type;
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
		if (strcmp(types[k].type, t) != 0)
			continue;
		for (const cli_opt *o = opts; o->name; o++)
			if (o->id != O_JSON && a.v[o->id] && !(types[k].takes & B(o->id))) {
				char list[160];
				tendo_log_dispose(&log);
				tendo_store_rollback(ctx->store);
				return cli_usage(ctx, "#%lld is %s, which has no --%s (it takes %s)", (long long)id, types[k].what,
				                 o->name, takes_list(types[k].takes, list, sizeof(list)));
			}
	}
	if ((rc = apply(ctx, &a, &v, &log, id, t)) || (rc = tendo_store_commit(ctx->store))) {
		tendo_log_dispose(&log);
		tendo_store_rollback(ctx->store);
		return cli_check(ctx, rc);
	}
	tendo_log_dispose(&log);

	/* read it back: what is stored now */
	if ((rc = tendo_store_load_log_ext(ctx->store, &log, before.date, before.date, TENDO_LOAD_REPLACED)))
		return cli_lib_error(ctx, rc);
	rc = cli_entry_find(ctx, &log, id, &after);
	tendo_log_dispose(&log);
	if (rc)
		return cli_fail(ctx, "entry %lld is gone after the edit", (long long)id);
	char d[TENDO_DATE_BUFSZ], note[1024] = "";
	tendo_store_entry_note(ctx->store, id, note, sizeof(note));
	tendo_date_format(after.date, d);
	if (a.v[O_JSON]) {
		json_decref(after.json);
		return cli_print_entry(ctx, id, after.date, NULL);
	}
	json_decref(after.json);
	printf("edited #%lld on %s: %s%s%s%s\n", (long long)id, d, cli_text(after.text), note[0] ? " (" : "", cli_text(note),
	       note[0] ? ")" : "");
	return 0;
}
