/*
 * edit.c - change the optional fields of a stored entry (shapes.h): the
 * one truth behind `tendo edit` and the server's edit form and PATCH
 * /api/entries/<id>. Which type takes which field is a table here; the
 * values are checked by the store's update functions (tendo/validate.h),
 * in one transaction begun and committed here.
 */
#include <stdio.h>
#include <string.h>

#include "shapes.h"

#define B(f) (1u << (f))
static const struct {
	const char *type;
	const char *what;
	unsigned takes;
} types[] = {
	{ "run", "a run",
	  B(SHAPE_EDIT_PAIN_DURING) | B(SHAPE_EDIT_PAIN_AFTER) | B(SHAPE_EDIT_RPE) | B(SHAPE_EDIT_SHARP) |
	          B(SHAPE_EDIT_NOTE) | B(SHAPE_EDIT_TIME) },
	{ "rehab", "a rehab entry",
	  B(SHAPE_EDIT_PAIN_DURING) | B(SHAPE_EDIT_RPE) | B(SHAPE_EDIT_SHARP) | B(SHAPE_EDIT_NOTE) | B(SHAPE_EDIT_TIME) },
	{ "cross", "a cross-training entry",
	  B(SHAPE_EDIT_PAIN_DURING) | B(SHAPE_EDIT_SHARP) | B(SHAPE_EDIT_NOTE) | B(SHAPE_EDIT_TIME) },
	{ "pain", "a pain report", B(SHAPE_EDIT_SHARP) | B(SHAPE_EDIT_NOTE) },
	{ "test", "a readiness test", B(SHAPE_EDIT_NOTE) | B(SHAPE_EDIT_TIME) },
	{ "flag", "a red flag", B(SHAPE_EDIT_NOTE) },
	{ "sitting", "an aggravator", B(SHAPE_EDIT_NOTE) },
	{ "visa", "a VISA-H", B(SHAPE_EDIT_NOTE) },
};

static const char *const field_names[SHAPE_EDIT__N] = { "pain_during", "pain_after", "rpe", "sharp", "note", "time" };

const char *shape_edit_field_name(int field)
{
	return field >= 0 && field < SHAPE_EDIT__N ? field_names[field] : "?";
}

unsigned shape_edit_takes(const char *type, const char **what)
{
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
		if (strcmp(types[k].type, type) == 0) {
			if (what)
				*what = types[k].what;
			return types[k].takes;
		}
	if (what)
		*what = "an entry";
	return B(SHAPE_EDIT_NOTE);
}

unsigned shape_edit_given(const shape_edit *e)
{
	unsigned g = 0;
	if (e->pain_during >= 0)
		g |= B(SHAPE_EDIT_PAIN_DURING);
	if (e->pain_after >= 0)
		g |= B(SHAPE_EDIT_PAIN_AFTER);
	if (e->rpe >= 0)
		g |= B(SHAPE_EDIT_RPE);
	if (e->sharp >= 0)
		g |= B(SHAPE_EDIT_SHARP);
	if (e->note)
		g |= B(SHAPE_EDIT_NOTE);
	if (e->time_min != TENDO_TOD_NONE)
		g |= B(SHAPE_EDIT_TIME);
	return g;
}

/* The changes on entry id of log (of type t). */
static int apply(tendo_store *st, const shape_edit *c, const tendo_log *log, int64_t id, const char *t)
{
	int rc = 0;
	if (!strcmp(t, "run")) {
		for (size_t k = 0; k < log->n_runs; k++) {
			tendo_run e = log->runs[k];
			if (e.id != id)
				continue;
			if (c->pain_during >= 0) e.pain_during = c->pain_during;
			if (c->pain_after >= 0) e.pain_after = c->pain_after;
			if (c->rpe >= 0) e.rpe = c->rpe;
			if (c->sharp >= 0) e.sharp = c->sharp;
			if (c->time_min != TENDO_TOD_NONE) e.time_min = c->time_min;
			rc = tendo_store_update_run(st, &e);
		}
	} else if (!strcmp(t, "rehab")) {
		for (size_t k = 0; k < log->n_rehab; k++) {
			tendo_rehab e = log->rehab[k];
			if (e.id != id)
				continue;
			if (c->pain_during >= 0) e.pain_during = c->pain_during;
			if (c->rpe >= 0) e.rpe = c->rpe;
			if (c->sharp >= 0) e.sharp = c->sharp;
			if (c->time_min != TENDO_TOD_NONE) e.time_min = c->time_min;
			rc = tendo_store_update_rehab(st, &e);
		}
	} else if (!strcmp(t, "cross")) {
		for (size_t k = 0; k < log->n_cross; k++) {
			tendo_cross e = log->cross[k];
			if (e.id != id)
				continue;
			if (c->pain_during >= 0) e.pain_during = c->pain_during;
			if (c->sharp >= 0) e.sharp = c->sharp;
			if (c->time_min != TENDO_TOD_NONE) e.time_min = c->time_min;
			rc = tendo_store_update_cross(st, &e);
		}
	} else if (!strcmp(t, "pain") && c->sharp >= 0) {
		for (size_t k = 0; k < log->n_pain; k++) {
			tendo_pain e = log->pain[k];
			if (e.id != id)
				continue;
			e.sharp = c->sharp;
			rc = tendo_store_update_pain(st, &e);
		}
	} else if (!strcmp(t, "test") && c->time_min != TENDO_TOD_NONE) {
		for (size_t k = 0; k < log->n_tests; k++) {
			tendo_test e = log->tests[k];
			if (e.id != id)
				continue;
			e.time_min = c->time_min;
			rc = tendo_store_update_test(st, &e);
		}
	}
	if (rc == 0 && c->note)
		rc = tendo_store_set_note(st, id, c->note);
	return rc;
}

int shape_edit_apply(tendo_store *store, int64_t id, const shape_edit *c, shape_edit_result *out)
{
	*out = (shape_edit_result){ .refused = -1 };
	tendo_log log = { 0 };
	int rc = tendo_store_begin(store);
	if (rc)
		return rc;
	if ((rc = tendo_store_load_log_ext(store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED))) {
		tendo_store_rollback(store);
		return rc;
	}
	shape_entry e;
	if ((rc = shape_entry_find(&log, false, id, &e))) {
		tendo_log_dispose(&log);
		tendo_store_rollback(store);
		return rc == TENDO_ENOTFOUND ? tendo_error_set(TENDO_ENOTFOUND, "no entry with id %lld", (long long)id) : rc;
	}
	json_decref(e.json);
	out->type = e.type;
	out->date = e.date;
	unsigned takes = shape_edit_takes(e.type, &out->what);
	unsigned extra = shape_edit_given(c) & ~takes;
	if (extra) {
		for (int f = 0; f < SHAPE_EDIT__N; f++)
			if (extra & B(f)) {
				out->refused = f;
				break;
			}
		tendo_log_dispose(&log);
		tendo_store_rollback(store);
		return SHAPE_EDIT_REFUSED;
	}
	if ((rc = apply(store, c, &log, id, e.type)) || (rc = tendo_store_commit(store)))
		tendo_store_rollback(store);
	tendo_log_dispose(&log);
	return rc;
}
