/*
 * history.c - the log entry by entry and the runs with what the watch
 * recorded (shapes.h): `tendo history --json`, `tendo runs --json`, the
 * history line of each entry (the CLI's text, `tendo delete`'s "deleted
 * ...", the server's /history and its delete confirmation) and GET
 * /api/history, /api/runs, /api/entries/<id>. One builder each, so the CLI
 * and the server never say the same thing two ways.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/text.h>
#include <tendo/timeline.h>

#include "shapes.h"

static json_t *num_or_null(double v)
{
	return v >= 0 ? json_real(v) : json_null();
}

static json_t *int_or_null(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

static void add(shape_entry *arr, size_t *n, int64_t id, tendo_date date, const char *type, json_t *j,
                const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void add(shape_entry *arr, size_t *n, int64_t id, tendo_date date, const char *type, json_t *j,
                const char *fmt, ...)
{
	shape_entry *e = &arr[(*n)++];
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
	const shape_entry *x = a, *y = b;
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

/* ' "title"' made safe for a terminal (the line is text, the JSON exact). */
static const char *quoted_title(const char *title, char *buf, size_t sz)
{
	char safe[TENDO_TITLE_MAX * 4 + 8];
	if (!title[0]) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, sz, " \"%s\"", tendo_text_terminal(title, safe, sizeof(safe)));
	return buf;
}

shape_entry *shape_entries(const tendo_log *L, bool imperial, size_t *out_n)
{
	size_t total = L->n_pain + L->n_runs + L->n_rehab + L->n_cross + L->n_tests + L->n_flags + L->n_sitting + L->n_visa;
	shape_entry *arr = calloc(total ? total : 1, sizeof(shape_entry));
	size_t n = 0;
	*out_n = 0;
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
		add(arr, &n, x->id, x->date, "pain", j, "pain %s %d/10%s%s%s", tendo_pain_kind_name(x->kind), x->score,
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
		json_object_set_new(j, "title", x->title[0] ? shape_str(x->title) : json_null());
		if (x->km > 0) {
			char dist[32];
			snprintf(s3, sizeof(s3), " %s", shape_fmt_distance(imperial, x->km, 1, dist, sizeof(dist)));
		} else {
			s3[0] = '\0';
		}
		char title[TENDO_TITLE_MAX * 4 + 16];
		quoted_title(x->title, title, sizeof(title));
		char rpe[24] = "";
		if (x->rpe >= 0)
			snprintf(rpe, sizeof(rpe), ", RPE %d", x->rpe);
		add(arr, &n, x->id, x->date, "run", j, "run%s %.0f min%s%s %s %s%s%s%s%s%s", title, x->minutes, s3,
		    time_text(tm, sizeof(tm), x->time_min), tendo_terrain_name(x->terrain), tendo_intent_name(x->intent),
		    x->walk_breaks ? " run/walk" : "", rpe, s1, s2, x->sharp ? ", SHARP pain" : "");
	}
	for (size_t k = 0; k < L->n_rehab; k++) {
		const tendo_rehab *x = &L->rehab[k];
		score(s1, sizeof(s1), "pain", x->pain_during);
		if (x->kg > 0) {
			char w[32];
			snprintf(s2, sizeof(s2), " @ %s", shape_fmt_load(imperial, x->kg, w, sizeof(w)));
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
			add(arr, &n, x->id, x->date, "rehab", j, "%s%s %d x %d%s (%s)%s%s%s", x->exercise, c, x->sets, x->reps,
			    s2, tendo_side_name(x->side), time_text(tm, sizeof(tm), x->time_min), s1, x->sharp ? ", SHARP pain" : "");
		else
			add(arr, &n, x->id, x->date, "rehab", j, "%s%s %d x %d s hold (%s)%s%s%s", x->exercise, c, x->sets,
			    x->hold_s, tendo_side_name(x->side), time_text(tm, sizeof(tm), x->time_min), s1,
			    x->sharp ? ", SHARP pain" : "");
	}
	for (size_t k = 0; k < L->n_cross; k++) {
		const tendo_cross *x = &L->cross[k];
		score(s1, sizeof(s1), "pain", x->pain_during);
		char title[TENDO_TITLE_MAX * 4 + 16];
		quoted_title(x->title, title, sizeof(title));
		add(arr, &n, x->id, x->date, "cross",
		    json_pack("{s:s,s:f,s:o,s:b,s:o,s:o}", "kind", tendo_cross_kind_name(x->kind), "minutes", x->minutes,
		              "pain_during", int_or_null(x->pain_during), "sharp", x->sharp, "time", time_json(x->time_min),
		              "title", x->title[0] ? shape_str(x->title) : json_null()),
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
			m += snprintf(b + m, sizeof(b) - (size_t)m, " curl 10RM L %s/R %s",
			              shape_fmt_load(imperial, x->curl_left, wl, sizeof(wl)),
			              shape_fmt_load(imperial, x->curl_right, wr, sizeof(wr)));
		}
		if (x->rest_pain >= 0)
			m += snprintf(b + m, sizeof(b) - (size_t)m, " rest %d/10", x->rest_pain);
		snprintf(b + m, sizeof(b) - (size_t)m, "%s", time_text(tm, sizeof(tm), x->time_min));
		add(arr, &n, x->id, x->date, "test",
		    json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "drop_lunge_pain", int_or_null(x->drop_lunge_pain),
		              "bridge_left", int_or_null(x->bridge_left), "bridge_right", int_or_null(x->bridge_right),
		              "curl_left", num_or_null(x->curl_left), "curl_right", num_or_null(x->curl_right), "rest_pain",
		              int_or_null(x->rest_pain), "time", time_json(x->time_min)),
		    "%s", b);
	}
	for (size_t k = 0; k < L->n_flags; k++) {
		const tendo_flag *x = &L->flags[k];
		add(arr, &n, x->id, x->date, "flag", json_pack("{s:s}", "kind", tendo_flag_kind_name(x->kind)),
		    x->kind == TENDO_FLAG_CLEARED ? "cleared by a clinician" : "RED FLAG: %s", tendo_flag_kind_name(x->kind));
	}
	for (size_t k = 0; k < L->n_sitting; k++) {
		const tendo_sitting *x = &L->sitting[k];
		json_t *j = json_pack("{s:s,s:o}", "kind", tendo_aggravator_kind_name(x->kind), "hours", num_or_null(x->hours));
		switch (x->kind) {
		case TENDO_AGG_SITTING: add(arr, &n, x->id, x->date, "sitting", j, "sitting %.1f h", x->hours); break;
		case TENDO_AGG_DRIVING: add(arr, &n, x->id, x->date, "sitting", j, "driving %.1f h", x->hours); break;
		case TENDO_AGG_STRETCHING: add(arr, &n, x->id, x->date, "sitting", j, "hamstring stretching"); break;
		default: add(arr, &n, x->id, x->date, "sitting", j, "heavy hip-flexion lifting"); break;
		}
	}
	for (size_t k = 0; k < L->n_visa; k++) {
		const tendo_visa *x = &L->visa[k];
		json_t *items = json_array();
		for (int i = 0; i < TENDO_VISA_ITEMS; i++)
			json_array_append_new(items, json_integer(x->items[i]));
		add(arr, &n, x->id, x->date, "visa", json_pack("{s:i,s:o}", "total", x->total, "items", items),
		    "VISA-H %d/100", x->total);
	}
	qsort(arr, n, sizeof(shape_entry), by_date_id);
	*out_n = n;
	return arr;
}

void shape_entries_free(shape_entry *arr, size_t n)
{
	for (size_t k = 0; arr && k < n; k++)
		json_decref(arr[k].json);
	free(arr);
}

int shape_entry_find(const tendo_log *log, bool imperial, int64_t id, shape_entry *out)
{
	size_t n = 0;
	shape_entry *arr = shape_entries(log, imperial, &n);
	int rc = arr ? TENDO_ENOTFOUND : TENDO_ENOMEM;
	for (size_t k = 0; arr && k < n; k++)
		if (arr[k].id == id) {
			*out = arr[k];
			arr[k].json = NULL;
			rc = 0;
		}
	shape_entries_free(arr, n);
	return rc;
}

json_t *shape_entry_object(tendo_store *store, shape_entry *e)
{
	char d[TENDO_DATE_BUFSZ], note[1024];
	json_t *o = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)e->id, "date", tendo_date_format(e->date, d), "type",
	                      e->type);
	if (o && e->json)
		json_object_update(o, e->json);
	json_decref(e->json);
	e->json = NULL;
	if (o && store && tendo_store_entry_note(store, e->id, note, sizeof(note)) == 0 && note[0])
		json_object_set_new(o, "note", shape_str(note));
	return o;
}

json_t *shape_history(tendo_store *store, const tendo_log *log, bool imperial)
{
	size_t n = 0;
	shape_entry *arr = shape_entries(log, imperial, &n);
	json_t *out = arr ? json_array() : NULL;
	for (size_t k = 0; out && k < n; k++)
		json_array_append_new(out, shape_entry_object(store, &arr[k]));
	shape_entries_free(arr, n);
	return out;
}

json_t *shape_entry_json(tendo_store *store, const tendo_log *log, bool imperial, int64_t id)
{
	shape_entry e;
	if (shape_entry_find(log, imperial, id, &e))
		return NULL;
	json_t *o = shape_entry_object(store, &e);
	if (o)
		json_object_set_new(o, "what", shape_str(e.text));
	return o;
}

/* ---------------------------------------------------------------- runs */

double shape_usual_cadence(const tendo_profile *p, const tendo_log *log)
{
	if (p->settings.usual_cadence > 0)
		return p->settings.usual_cadence;
	double v[10];
	int n = 0;
	for (size_t k = log->n_runs; k-- > 0 && n < 10;)
		if (log->runs[k].imported && isfinite(log->runs[k].cadence_spm))
			v[n++] = log->runs[k].cadence_spm;
	if (n == 0)
		return NAN;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			double t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool shape_run_local_start(const tendo_profile *p, const tendo_run *r, char sep, char *buf, size_t sz)
{
	char d[TENDO_DATE_BUFSZ], hm[6];
	tendo_date day = r->date;
	int tod = r->time_min;
	if (r->imported && r->start_ms != INT64_MIN) {
		time_t t = (time_t)(r->start_ms / 1000);
		day = tendo_date_of_instant(t, p->tz);
		tod = tendo_time_of_instant(t, p->tz);
	}
	if (tod < 0) {
		snprintf(buf, sz, "%s", tendo_date_format(day, d));
		return false;
	}
	snprintf(buf, sz, "%s%c%s", tendo_date_format(day, d), sep, tendo_schedule_format_time(tod, hm));
	return true;
}

int shape_runs_facts_get(shape_runs_facts *out, const tendo_profile *p, const tendo_log *all, tendo_date from)
{
	*out = (shape_runs_facts){ 0 };
	size_t k0 = 0;
	while (from != TENDO_DATE_NONE && k0 < all->n_runs && all->runs[k0].date < from)
		k0++;
	out->runs = all->runs ? all->runs + k0 : NULL; /* NULL + 0 is undefined (an empty log) */
	out->n = all->n_runs - k0;
	/* long runs: the engine's judgement, from the timeline (one definition;
	 * runs before the programme's start are history and never long) */
	out->is_long = calloc(out->n ? out->n : 1, sizeof(bool));
	if (!out->is_long)
		return tendo_error_set(TENDO_ENOMEM, "out of memory");
	if (out->n) {
		tendo_date lo = out->runs[0].date < p->start ? p->start : out->runs[0].date;
		tendo_date hi = out->runs[out->n - 1].date;
		tendo_day *days = hi >= lo ? calloc((size_t)(hi - lo + 1), sizeof(*days)) : NULL;
		int rc = 0;
		if (hi >= lo && (!days || (rc = tendo_timeline(days, (int)(hi - lo + 1), p, all, lo, NULL)))) {
			free(days);
			shape_runs_facts_dispose(out);
			return rc ? rc : tendo_error_set(TENDO_ENOMEM, "out of memory");
		}
		for (size_t k = 0; days && k < out->n; k++)
			if (out->runs[k].date >= lo && out->runs[k].date <= hi)
				out->is_long[k] = days[out->runs[k].date - lo].long_run;
		free(days);
	}
	/* the usual step rate over the runs shown (as `tendo runs` always had it) */
	tendo_log shown = { .runs = (tendo_run *)out->runs, .n_runs = out->n };
	out->usual_cadence = shape_usual_cadence(p, &shown);
	return 0;
}

void shape_runs_facts_dispose(shape_runs_facts *f)
{
	free(f->is_long);
	f->is_long = NULL;
	f->n = 0;
}

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *shape_run(const shape_runs_facts *f, size_t k, const tendo_profile *p)
{
	const tendo_run *r = &f->runs[k];
	char d[TENDO_DATE_BUFSZ], t[21], loc[32];
	if (r->start_ms == INT64_MIN)
		snprintf(t, sizeof(t), "?");
	else
		tendo_instant_format((time_t)(r->start_ms / 1000), t);
	double usual = f->usual_cadence;
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "date", json_string(tendo_date_format(r->date, d)));
	bool has_time = shape_run_local_start(p, r, 'T', loc, sizeof(loc));
	json_object_set_new(o, "start", r->imported && r->start_ms != INT64_MIN ? json_string(t) : json_null());
	json_object_set_new(o, "start_local", has_time ? json_string(loc) : json_null());
	json_object_set_new(o, "title", r->title[0] ? shape_str(r->title) : json_null());
	json_object_set_new(o, "sport", shape_str(r->sport[0] ? r->sport : "running"));
	json_object_set_new(o, "elapsed_s", num(r->imported ? r->elapsed_s : r->minutes * 60));
	json_object_set_new(o, "moving_s", num(r->imported ? r->moving_s : r->minutes * 60));
	json_object_set_new(o, "distance_m", r->km >= 0 ? json_real(r->km * 1000) : json_null());
	json_object_set_new(o, "pace_s_km", r->km > 0.01 ? json_real(round(r->minutes * 60 / r->km)) : json_null());
	json_object_set_new(o, "ascent_m", num(r->ascent_m));
	json_object_set_new(o, "uphill_s", num(r->uphill_s));
	json_object_set_new(o, "fast_s", num(r->fast_s));
	json_object_set_new(o, "cadence_spm", num(r->cadence_spm));
	json_object_set_new(o, "avg_hr", num(r->avg_hr));
	json_object_set_new(o, "cadence_vs_usual_pct", num(isfinite(usual) ? 100.0 * (r->cadence_spm - usual) / usual : NAN));
	json_object_set_new(o, "long_run", json_boolean(f->is_long[k]));
	json_object_set_new(o, "terrain", json_string(tendo_terrain_name(r->terrain)));
	json_object_set_new(o, "run_walk", json_boolean(r->walk_breaks));
	json_object_set_new(o, "pain_during", r->pain_during >= 0 ? json_integer(r->pain_during) : json_null());
	json_object_set_new(o, "source", shape_str(r->source[0] ? r->source : "log"));
	return o;
}

json_t *shape_runs(const shape_runs_facts *f, const tendo_profile *p)
{
	json_t *arr = json_array();
	for (size_t k = 0; arr && k < f->n; k++) {
		json_t *o = shape_run(f, k, p);
		if (!o || json_array_append_new(arr, o)) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}
