/*
 * cmd_edit.c - tendo edit ID: change the optional fields of an entry after
 * the fact (pain during and after, RPE, sharp pain, the note, the time of
 * day), typed or imported from a watch, in one transaction. A field the
 * entry's type does not have is refused and the message lists what it has.
 * The change itself is src/shapes/edit.c's, shared with the server.
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

/* The shared field (src/shapes/edit.c) an option changes, or -1. */
static int field_of(int o)
{
	switch (o) {
	case O_PDURING: return SHAPE_EDIT_PAIN_DURING;
	case O_PAFTER: return SHAPE_EDIT_PAIN_AFTER;
	case O_RPE: return SHAPE_EDIT_RPE;
	case O_SHARP:
	case O_NOSHARP: return SHAPE_EDIT_SHARP;
	case O_NOTE: return SHAPE_EDIT_NOTE;
	case O_TIME: return SHAPE_EDIT_TIME;
	default: return -1;
	}
}

/* "--pain-during, --sharp, --no-sharp, --note" for the fields a type takes. */
static const char *takes_list(unsigned takes, char *buf, size_t sz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (const cli_opt *o = opts; o->name && len < sz; o++)
		if (field_of(o->id) >= 0 && (takes & (1u << field_of(o->id))))
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
	cli_entry after = { 0 };
	shape_edit c = SHAPE_EDIT_NONE;
	c.pain_during = a.v[O_PDURING] ? v.pain_during : -1;
	c.pain_after = a.v[O_PAFTER] ? v.pain_after : -1;
	c.rpe = a.v[O_RPE] ? v.rpe : -1;
	c.sharp = a.v[O_SHARP] ? 1 : a.v[O_NOSHARP] ? 0 : -1;
	c.note = a.v[O_NOTE];
	c.time_min = a.v[O_TIME] ? v.time_min : TENDO_TOD_NONE;
	shape_edit_result res;
	rc = shape_edit_apply(ctx->store, id, &c, &res);
	if (rc == SHAPE_EDIT_REFUSED) {
		char list[160];
		const char *name = res.refused == SHAPE_EDIT_SHARP ? (a.v[O_SHARP] ? "sharp" : "no-sharp") : NULL;
		for (const cli_opt *o = opts; !name && o->name; o++)
			if (field_of(o->id) == res.refused)
				name = o->name;
		return cli_usage(ctx, "#%lld is %s, which has no --%s (it takes %s)", (long long)id, res.what, name,
		                 takes_list(shape_edit_takes(res.type, NULL), list, sizeof(list)));
	}
	if (rc == TENDO_ENOTFOUND && !res.type)
		return cli_fail(ctx, "no entry with id %lld (see tendo history)", (long long)id);
	if (rc)
		return cli_check(ctx, rc);
	cli_entry before = { .date = res.date };

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
