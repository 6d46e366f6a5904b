/*
 * runs.c - the runs, the history, one entry (edit and delete) and the
 * report, as pages and as JSON under /api/.
 *
 *   GET /runs, /history                 the lists (the athlete's units)
 *   GET /entries/<id>                   one entry, with Edit and Delete
 *   GET, POST /entries/<id>/edit        the edit form (fields of the log
 *                                       forms' tables, logkinds.c)
 *   GET, POST /entries/<id>/delete      what it removes, then the removal
 *   GET /report, /static/report.css     the report, live
 *   GET /api/history, /api/runs, /api/report, /api/entries/<id>
 *   PATCH, DELETE /api/entries/<id>
 *
 * The JSON is src/shapes/'s (history.c, edit.c), the very builders of
 * `tendo history --json`, `tendo runs --json`, `tendo edit` and `tendo
 * delete --json`; the lines on the pages are the CLI's history lines.
 * Every stored text goes through tendo_buf_put_xml().
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/report.h>

#include "../shapes/shapes.h"
#include "server_int.h"

#define HTML "text/html; charset=utf-8"
#define CSS_TYPE "text/css; charset=utf-8"

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

/* A library failure as a page: 400 for a value, 404 for an unknown entry,
 * 503 for a busy database, 500 otherwise. */
static void html_error(srv_reply *r, int rc)
{
	const char *msg = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
	if (rc == TENDO_EINVAL)
		page_error(r, 400, "Not saved", msg);
	else if (rc == TENDO_EBUSY)
		page_error(r, 503, "Busy", msg);
	else
		page_error(r, 500, "Server error", msg);
}

/* ------------------------------------------------------- query values */

/* from and to of the query (YYYY-MM-DD, each optional): 0, or -1 with the
 * message and the field it names. */
static int range(const srv_req *q, tendo_date *from, tendo_date *to, char *msg, size_t msz, const char **field)
{
	static const char *const names[2] = { "from", "to" };
	tendo_date *out[2] = { from, to };
	for (int k = 0; k < 2; k++) {
		const char *v = srv_query(q, names[k]);
		*out[k] = TENDO_DATE_NONE;
		if (v && v[0] && tendo_date_parse(out[k], v)) {
			snprintf(msg, msz, "%s must be a day YYYY-MM-DD (got '%.40s')", names[k], v);
			*field = names[k];
			return -1;
		}
	}
	if (*from != TENDO_DATE_NONE && *to != TENDO_DATE_NONE && *from > *to) {
		snprintf(msg, msz, "from is after to");
		*field = "from";
		return -1;
	}
	return 0;
}

/* A positive whole number of at most 9 digits, or -1. */
static long long whole_number(const char *s, size_t len)
{
	if (len == 0 || len > 9 || strspn(s, "0123456789") < len || s[0] == '0')
		return -1;
	char b[12];
	snprintf(b, sizeof(b), "%.*s", (int)len, s);
	return atoll(b);
}

/* The id of q->rest ("12", "12/edit") and what follows it ("", "edit");
 * -1 if it is not an id. */
static long long rest_id(const srv_req *q, const char **action)
{
	const char *rest = q->rest ? q->rest : "";
	size_t n = strcspn(rest, "/");
	*action = rest[n] == '/' ? rest + n + 1 : "";
	return whole_number(rest, n);
}

/* ---------------------------------------------------------------- runs */

static void fmt_or_dash(char *buf, size_t sz, double v, double div, const char *unit)
{
	if (isfinite(v))
		snprintf(buf, sz, "%.0f%s", v / div, unit);
	else
		snprintf(buf, sz, "-");
}

static void runs_html(tendo_buf *b, int nav, const srv_athlete *a, const shape_runs_facts *f)
{
	bool imp = srv_imperial(a);
	page_head(b, "Runs", nav);
	tendo_buf_puts(b, "<h1>Runs</h1>");
	if (f->n == 0) {
		tendo_buf_puts(b, "<p>No runs yet: log one, or import the files of your watch (<code>tendo import</code>).</p>");
		page_foot(b);
		return;
	}
	tendo_buf_printf(b, "<p class=\"muted\">%zu run%s, newest first; local start times, pace per %s. Tap a "
	                    "start to edit or delete the run.</p>",
	                 f->n, f->n == 1 ? "" : "s", shape_dist_unit(imp));
	tendo_buf_puts(b, "<div class=\"scroll\"><table class=\"runs\"><thead><tr><th scope=\"col\">Start</th>"
	                  "<th scope=\"col\">Min</th>");
	tendo_buf_printf(b, "<th scope=\"col\">%s</th>", shape_dist_unit(imp));
	tendo_buf_puts(b, "<th scope=\"col\">Pace</th><th scope=\"col\">Climb</th><th scope=\"col\">On hills</th>"
	                  "<th scope=\"col\">Steps/min</th><th scope=\"col\">Pain during</th><th scope=\"col\">Pain after</th>"
	                  "<th scope=\"col\">Run</th></tr></thead><tbody>");
	for (size_t k = f->n; k-- > 0;) {
		const tendo_run *r = &f->runs[k];
		char start[32], pace[16], dist[24] = "-", climb[24], hills[24], spm[24], pd[16] = "-", pa[16] = "-";
		shape_run_local_start(&a->profile, r, ' ', start, sizeof(start));
		shape_fmt_pace(imp, r->minutes, r->km, pace, sizeof(pace));
		if (r->km >= 0)
			snprintf(dist, sizeof(dist), "%.2f", shape_km_to_user(imp, r->km));
		fmt_or_dash(climb, sizeof(climb), r->ascent_m, 1, " m");
		fmt_or_dash(hills, sizeof(hills), r->uphill_s, 60, " min");
		fmt_or_dash(spm, sizeof(spm), r->cadence_spm, 1, "");
		if (r->pain_during >= 0)
			snprintf(pd, sizeof(pd), "%d/10", r->pain_during);
		if (r->pain_after >= 0)
			snprintf(pa, sizeof(pa), "%d/10", r->pain_after);
		tendo_buf_printf(b, "<tr><td><a href=\"/entries/%lld\">", (long long)r->id);
		esc(b, start);
		tendo_buf_printf(b, "</a></td><td>%.0f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		                    "<td>%s%s</td><td>%s</td><td>",
		                 r->minutes, dist, pace, climb, hills, spm, pd, r->sharp ? " sharp" : "", pa);
		if (r->title[0]) {
			tendo_buf_puts(b, "<span class=\"title\">");
			esc(b, r->title);
			tendo_buf_puts(b, "</span> ");
		}
		tendo_buf_puts(b, "<span class=\"muted\">");
		esc(b, r->source[0] ? r->source : "log");
		if (r->walk_breaks)
			tendo_buf_puts(b, ", run/walk");
		if (f->is_long[k])
			tendo_buf_puts(b, ", long");
		tendo_buf_puts(b, "</span></td></tr>");
	}
	tendo_buf_puts(b, "</tbody></table></div>");
	page_foot(b);
}

/* The athlete, the log up to `to` and the runs from `from`: what /runs and
 * /api/runs start from. 0 or a negative code. */
static int load_runs(const srv_req *q, srv_athlete *a, tendo_log *all, shape_runs_facts *f, tendo_date from,
                     tendo_date to)
{
	int rc = srv_athlete_get(q, a);
	if (rc == 0)
		rc = tendo_store_load_log(q->store, all, TENDO_DATE_NONE, to);
	if (rc == 0)
		rc = shape_runs_facts_get(f, &a->profile, all, from);
	return rc;
}

void page_runs(srv_req *q, srv_reply *r)
{
	tendo_date from, to;
	char msg[120];
	const char *field;
	if (range(q, &from, &to, msg, sizeof(msg), &field)) {
		page_error(r, 400, "Bad request", msg);
		return;
	}
	srv_athlete a;
	tendo_log all = { 0 };
	shape_runs_facts f = { 0 };
	int rc = load_runs(q, &a, &all, &f, from, to);
	if (rc) {
		html_error(r, rc);
	} else {
		tendo_buf b;
		tendo_buf_init(&b);
		runs_html(&b, page_nav(q), &a, &f);
		reply_buf(r, 200, HTML, &b);
	}
	shape_runs_facts_dispose(&f);
	tendo_log_dispose(&all);
}

void api_runs(srv_req *q, srv_reply *r)
{
	tendo_date from, to;
	char msg[120];
	const char *field;
	if (range(q, &from, &to, msg, sizeof(msg), &field)) {
		api_error(r, 400, msg, field);
		return;
	}
	const char *lim = srv_query(q, "limit");
	long long limit = -1;
	if (lim && (limit = whole_number(lim, strlen(lim))) < 0) {
		snprintf(msg, sizeof(msg), "limit must be a whole number, 1 or more (got '%.20s')", lim);
		api_error(r, 400, msg, "limit");
		return;
	}
	srv_athlete a;
	tendo_log all = { 0 };
	shape_runs_facts f = { 0 };
	int rc = load_runs(q, &a, &all, &f, from, to);
	if (rc) {
		api_lib_error(r, rc);
	} else {
		/* limit: the newest runs, still oldest first as the CLI lists them */
		if (limit > 0 && (size_t)limit < f.n) {
			size_t skip = f.n - (size_t)limit;
			memmove(f.is_long, f.is_long + skip, (size_t)limit * sizeof(bool));
			f.runs += skip;
			f.n = (size_t)limit;
		}
		api_reply_json(r, 200, shape_runs(&f, &a.profile));
	}
	shape_runs_facts_dispose(&f);
	tendo_log_dispose(&all);
}

/* ------------------------------------------------------------- history */

void page_history(srv_req *q, srv_reply *r)
{
	tendo_date from, to;
	char msg[120];
	const char *field;
	if (range(q, &from, &to, msg, sizeof(msg), &field)) {
		page_error(r, 400, "Bad request", msg);
		return;
	}
	srv_athlete a;
	tendo_log log = { 0 };
	int rc = srv_athlete_get(q, &a);
	if (rc == 0)
		rc = tendo_store_load_log_ext(q->store, &log, from, to, TENDO_LOAD_REPLACED);
	if (rc) {
		html_error(r, rc);
		return;
	}
	size_t n = 0;
	shape_entry *arr = shape_entries(&log, srv_imperial(&a), &n);
	if (!arr) {
		tendo_log_dispose(&log);
		page_error(r, 500, "Server error", "out of memory");
		return;
	}
	tendo_buf b;
	tendo_buf_init(&b);
	page_head(&b, "History", page_nav(q));
	tendo_buf_puts(&b, "<h1>History</h1><p><a class=\"alt\" href=\"/runs\">The runs, with what the watch "
	                   "recorded</a></p>");
	if (n == 0)
		tendo_buf_puts(&b, "<p>Nothing logged yet.</p>");
	/* day by day, the newest day first; a day's entries in the order logged */
	for (size_t end = n; end > 0;) {
		size_t start = end;
		while (start > 0 && arr[start - 1].date == arr[end - 1].date)
			start--;
		char d[TENDO_DATE_BUFSZ];
		tendo_buf_printf(&b, "<h2>%s</h2><ul class=\"log history\">", tendo_date_format(arr[start].date, d));
		for (size_t k = start; k < end; k++) {
			char note[1024];
			if (tendo_store_entry_note(q->store, arr[k].id, note, sizeof(note)) != 0)
				note[0] = '\0';
			tendo_buf_printf(&b, "<li><a href=\"/entries/%lld\">#%lld</a> ", (long long)arr[k].id,
			                 (long long)arr[k].id);
			esc(&b, arr[k].text);
			if (note[0]) {
				tendo_buf_puts(&b, " <span class=\"muted\">(");
				esc(&b, note);
				tendo_buf_puts(&b, ")</span>");
			}
			tendo_buf_puts(&b, "</li>");
		}
		tendo_buf_puts(&b, "</ul>");
		end = start;
	}
	page_foot(&b);
	shape_entries_free(arr, n);
	tendo_log_dispose(&log);
	reply_buf(r, 200, HTML, &b);
}

void api_history(srv_req *q, srv_reply *r)
{
	tendo_date from, to;
	char msg[120];
	const char *field;
	if (range(q, &from, &to, msg, sizeof(msg), &field)) {
		api_error(r, 400, msg, field);
		return;
	}
	srv_athlete a;
	tendo_log log = { 0 };
	int rc = srv_athlete_get(q, &a);
	if (rc == 0)
		rc = tendo_store_load_log_ext(q->store, &log, from, to, TENDO_LOAD_REPLACED);
	if (rc)
		api_lib_error(r, rc);
	else
		api_reply_json(r, 200, shape_history(q->store, &log, srv_imperial(&a)));
	tendo_log_dispose(&log);
}

/* ------------------------------------------------------------ an entry */

/* One entry of the whole log (every entry, replaced scores too). */
typedef struct {
	srv_athlete a;
	tendo_log log;
	shape_entry e;     /* e.json owned */
	bool found;
} one;

/* Load entry id: 0 (o->found says whether it is there) or a negative code.
 * Release with one_dispose(). */
static int one_load(const srv_req *q, long long id, one *o)
{
	memset(o, 0, sizeof(*o));
	int rc = srv_athlete_get(q, &o->a);
	if (rc == 0)
		rc = tendo_store_load_log_ext(q->store, &o->log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED);
	if (rc)
		return rc;
	rc = shape_entry_find(&o->log, srv_imperial(&o->a), id, &o->e);
	o->found = rc == 0;
	return rc == TENDO_ENOTFOUND ? 0 : rc;
}

static void one_dispose(one *o)
{
	if (o->found)
		json_decref(o->e.json);
	o->e.json = NULL;
	tendo_log_dispose(&o->log);
}

/* What deleting entry id removes, in words, one item each: the entry,
 * its note, an imported file's record; and what stays (pain reports tied
 * to it). */
static void removes_html(tendo_buf *b, const one *o, const char *note, const char *file)
{
	char d[TENDO_DATE_BUFSZ];
	tendo_buf_printf(b, "<ul class=\"log removes\"><li>the %s entry #%lld of %s: ", o->e.type, (long long)o->e.id,
	                 tendo_date_format(o->e.date, d));
	esc(b, o->e.text);
	tendo_buf_puts(b, "</li>");
	if (note[0]) {
		tendo_buf_puts(b, "<li>its note: ");
		esc(b, note);
		tendo_buf_puts(b, "</li>");
	}
	if (file[0]) {
		tendo_buf_puts(b, "<li>the record of the file it was imported from, ");
		esc(b, file);
		tendo_buf_puts(b, ": importing that file again brings it back</li>");
	}
	if (strcmp(o->e.type, "rehab") == 0)
		tendo_buf_puts(b, "<li>its sets</li>");
	tendo_buf_puts(b, "</ul>");
	size_t tied = 0;
	for (size_t k = 0; k < o->log.n_pain; k++)
		tied += o->log.pain[k].session_id == o->e.id;
	if (tied)
		tendo_buf_printf(b, "<p>%zu pain report%s tied to it stay%s in the log, no longer tied to it.</p>", tied,
		                 tied == 1 ? "" : "s", tied == 1 ? "s" : "");
}

/* The edit form of o's entry: the fields its type takes (the log forms'
 * fields), the note; values from v (NULL: the stored ones), the message
 * next to the field it names. */
static void edit_html(tendo_buf *b, const srv_req *q, const one *o, const char *const v[SHAPE_EDIT__N],
                      const char *msg, const char *field)
{
	char title[64];
	snprintf(title, sizeof(title), "Edit #%lld", (long long)o->e.id);
	page_head(b, title, true);
	tendo_buf_printf(b, "<h1>Edit #%lld</h1><p>", (long long)o->e.id);
	esc(b, o->e.text);
	tendo_buf_puts(b, "</p>");
	const char *what;
	unsigned takes = shape_edit_takes(o->e.type, &what);
	bool shown = false; /* the field the message names is on the form */
	for (int f = 0; f < SHAPE_EDIT__N; f++)
		if ((takes & (1u << f)) && field && strcmp(field, shape_edit_field_name(f)) == 0)
			shown = true;
	if (msg && msg[0] && !shown) {
		tendo_buf_puts(b, "<p class=\"err\" role=\"alert\">");
		esc(b, msg);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_printf(b, "<form method=\"post\" action=\"/entries/%lld/edit\">", (long long)o->e.id);
	page_csrf_field(b, q);
	/* the log form of the same kind has the field; a pain report's sharp is the run form's */
	const char *kind = strcmp(o->e.type, "pain") == 0 ? "run" : o->e.type;
	for (int f = 0; f < SHAPE_EDIT__N; f++) {
		const char *name = shape_edit_field_name(f);
		if (!(takes & (1u << f)))
			continue;
		const char *m = msg && field && strcmp(field, name) == 0 ? msg : NULL;
		if (f == SHAPE_EDIT_NOTE) {
			tendo_buf_puts(b, "<label for=\"f-note\">Note</label>");
			if (m) {
				tendo_buf_puts(b, "<p class=\"err\" id=\"note-err\" role=\"alert\">");
				esc(b, m);
				tendo_buf_puts(b, "</p>");
			}
			tendo_buf_printf(b, "<textarea id=\"f-note\" name=\"note\" maxlength=\"1000\"%s>",
			                 m ? " aria-invalid=\"true\" aria-describedby=\"note-err\"" : "");
			esc(b, v[f] ? v[f] : "");
			tendo_buf_puts(b, "</textarea>");
			continue;
		}
		if (!logkind_field_html(b, kind, name, v[f], m))
			logkind_field_html(b, "run", name, v[f], m);
	}
	tendo_buf_printf(b, "<p class=\"muted\">A score left empty stays as it is.</p><div class=\"form-actions\">"
	                    "<button type=\"submit\">Save</button></div></form><p><a class=\"alt\" "
	                    "href=\"/entries/%lld\">Cancel</a></p>",
	                 (long long)o->e.id);
	page_foot(b);
}

/* The stored values of o's entry as the edit form's strings. */
static void stored_values(const one *o, const char *v[SHAPE_EDIT__N], char bufs[SHAPE_EDIT__N][64])
{
	for (int f = 0; f < SHAPE_EDIT__N; f++)
		v[f] = NULL;
	json_t *j = o->e.json;
	static const char *const keys[SHAPE_EDIT__N] = { "pain_during", "pain_after", "rpe", "sharp", NULL, "time" };
	for (int f = 0; f < SHAPE_EDIT__N; f++) {
		json_t *m = keys[f] ? json_object_get(j, keys[f]) : NULL;
		if (json_is_integer(m))
			snprintf(bufs[f], 64, "%lld", (long long)json_integer_value(m));
		else if (json_is_boolean(m))
			snprintf(bufs[f], 64, "%s", json_is_true(m) ? "1" : "");
		else if (json_is_string(m))
			snprintf(bufs[f], 64, "%s", json_string_value(m));
		else
			continue;
		v[f] = bufs[f];
	}
}

/* /entries/<id>[/edit|/delete]: the id, the action ("" only when view is
 * allowed) and the entry loaded into *o; false when the answer (404, or
 * the error) is already in r. */
static bool entry_open(srv_req *q, srv_reply *r, bool view, long long *id, const char **action, one *o)
{
	*id = rest_id(q, action);
	if (*id < 0 || (!(view && !(*action)[0]) && strcmp(*action, "edit") && strcmp(*action, "delete"))) {
		page_error(r, 404, "Not found", "there is no such page");
		return false;
	}
	if ((*action)[0] && q->have_session && q->session.readonly) {
		/* a shared link may read an entry (R_SHARE), never open its edit or delete page */
		page_error(r, 403, "Read only", "this shared link reads only: nothing here edits or deletes");
		return false;
	}
	int rc = one_load(q, *id, o);
	if (rc || !o->found) {
		one_dispose(o);
		if (rc)
			html_error(r, rc);
		else
			page_error(r, 404, "No such entry", "there is no entry with that id (see the history)");
		return false;
	}
	return true;
}

void page_entry_get(srv_req *q, srv_reply *r)
{
	const char *action;
	long long id;
	one o;
	if (!entry_open(q, r, true, &id, &action, &o))
		return;
	char note[1024], file[1024];
	if (tendo_store_entry_note(q->store, id, note, sizeof(note)) != 0)
		note[0] = '\0';
	if (tendo_store_entry_file(q->store, id, file, sizeof(file)) < 0)
		file[0] = '\0';
	tendo_buf b;
	tendo_buf_init(&b);
	char title[64], d[TENDO_DATE_BUFSZ];
	if (strcmp(action, "edit") == 0) {
		const char *v[SHAPE_EDIT__N];
		char bufs[SHAPE_EDIT__N][64];
		stored_values(&o, v, bufs);
		v[SHAPE_EDIT_NOTE] = note;
		edit_html(&b, q, &o, v, NULL, NULL);
	} else if (strcmp(action, "delete") == 0) {
		snprintf(title, sizeof(title), "Delete #%lld?", id);
		page_head(&b, title, true);
		tendo_buf_printf(&b, "<h1>Delete #%lld?</h1><p>This removes, for good:</p>", id);
		removes_html(&b, &o, note, file);
		tendo_buf_printf(&b, "<form method=\"post\" action=\"/entries/%lld/delete\">", id);
		page_csrf_field(&b, q);
		tendo_buf_printf(&b, "<div class=\"form-actions\"><button type=\"submit\">Delete #%lld</button></div></form>"
		                     "<p><a class=\"alt\" href=\"/entries/%lld\">Keep it</a></p>",
		                 id, id);
		page_foot(&b);
	} else {
		snprintf(title, sizeof(title), "Entry #%lld", id);
		page_head(&b, title, page_nav(q));
		tendo_buf_printf(&b, "<h1>Entry #%lld</h1><p class=\"muted\">%s, %s</p><p class=\"what\">", id, o.e.type,
		                 tendo_date_format(o.e.date, d));
		esc(&b, o.e.text);
		tendo_buf_puts(&b, "</p>");
		if (note[0]) {
			tendo_buf_puts(&b, "<p>Note: ");
			esc(&b, note);
			tendo_buf_puts(&b, "</p>");
		}
		if (file[0]) {
			tendo_buf_puts(&b, "<p>Imported from the file ");
			esc(&b, file);
			tendo_buf_puts(&b, "</p>");
		}
		/* every field as stored (the JSON of history --json) */
		tendo_buf_puts(&b, "<dl class=\"fields\">");
		const char *key;
		json_t *m;
		json_object_foreach(o.e.json, key, m) {
			/* words, not snake_case; null is "not noted" */
			char label[64];
			snprintf(label, sizeof(label), "%s", key);
			for (char *c = label; *c; c++)
				if (*c == '_')
					*c = ' ';
			char *s = json_is_string(m) || json_is_null(m) || json_is_boolean(m)
			                  ? NULL
			                  : json_dumps(m, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(6));
			tendo_buf_puts(&b, "<dt>");
			esc(&b, label);
			tendo_buf_puts(&b, "</dt><dd>");
			esc(&b, json_is_string(m) ? json_string_value(m)
			        : json_is_null(m) ? "not noted"
			        : json_is_boolean(m) ? (json_is_true(m) ? "yes" : "no")
			        : s ? s : "?");
			tendo_buf_puts(&b, "</dd>");
			free(s);
		}
		tendo_buf_puts(&b, "</dl>");
		if (page_nav(q) != PAGE_NAV_SHARED)
			tendo_buf_printf(&b, "<p class=\"actions\"><a class=\"button\" href=\"/entries/%lld/edit\">Edit</a> "
			                     "<a class=\"button danger\" href=\"/entries/%lld/delete\">Delete</a></p>",
			                 id, id);
		tendo_buf_puts(&b, "<p><a class=\"alt\" href=\"/history\">The history</a></p>");
		page_foot(&b);
	}
	one_dispose(&o);
	reply_buf(r, 200, HTML, &b);
}

/* A score of the edit ("" or absent: unchanged): 0, or -1 with msg. */
static int edit_score(const char *name, const char *v, int *out, char *msg, size_t msz)
{
	*out = -1;
	if (!v || !v[0])
		return 0;
	if (strlen(v) > 3 || strspn(v, "0123456789") != strlen(v)) {
		snprintf(msg, msz, "%s must be 0-%d (got '%.20s')", name, TENDO_SCORE_MAX, v);
		return -1;
	}
	*out = atoi(v);
	return 0;
}

/* Apply the changes: 0; 1 with msg and field (a value, or a field the type
 * lacks: 400); 2 (no such entry: 404); or a negative code. */
static int do_edit(srv_req *q, long long id, const shape_edit *c, char *msg, size_t msz, char *field, size_t fsz)
{
	shape_edit_result res;
	int rc = shape_edit_apply(q->store, id, c, &res);
	if (rc == SHAPE_EDIT_REFUSED) {
		const char *name = shape_edit_field_name(res.refused);
		snprintf(msg, msz, "%s: #%lld is %s, which has no %s", name, id, res.what, name);
		snprintf(field, fsz, "%s", name);
		return 1;
	}
	if (rc == TENDO_ENOTFOUND && !res.type)
		return 2;
	if (rc == TENDO_EINVAL) {
		snprintf(msg, msz, "%s", tendo_error_last());
		srv_message_field(msg, field, fsz);
		if (strcmp(field, "time_min") == 0)
			snprintf(field, fsz, "time");
		return 1;
	}
	return rc;
}

/* The form's strings into changes: 0, or -1 with msg and field. */
static int edit_from_strings(const char *type, const char *const v[SHAPE_EDIT__N], shape_edit *c, char *msg,
                             size_t msz, char *field, size_t fsz)
{
	*c = (shape_edit)SHAPE_EDIT_NONE;
	unsigned takes = shape_edit_takes(type, NULL);
	int *scores[3] = { &c->pain_during, &c->pain_after, &c->rpe };
	for (int f = SHAPE_EDIT_PAIN_DURING; f <= SHAPE_EDIT_RPE; f++)
		if (edit_score(shape_edit_field_name(f), v[f], scores[f], msg, msz)) {
			snprintf(field, fsz, "%s", shape_edit_field_name(f));
			return -1;
		}
	/* a checkbox says nothing when unticked: the form always shows it, so
	 * its absence is "no sharp pain" for a type that has it */
	if (takes & (1u << SHAPE_EDIT_SHARP))
		c->sharp = v[SHAPE_EDIT_SHARP] && v[SHAPE_EDIT_SHARP][0] && strcmp(v[SHAPE_EDIT_SHARP], "0") != 0;
	else if (v[SHAPE_EDIT_SHARP])
		c->sharp = 1; /* refused below by the type check, naming the field */
	c->note = v[SHAPE_EDIT_NOTE];
	if (v[SHAPE_EDIT_TIME] && v[SHAPE_EDIT_TIME][0] && tendo_schedule_parse_time(&c->time_min, v[SHAPE_EDIT_TIME])) {
		snprintf(msg, msz, "time must be a time of day HH:MM, 00:00-23:59 (got '%.20s')", v[SHAPE_EDIT_TIME]);
		snprintf(field, fsz, "time");
		return -1;
	}
	return 0;
}

void page_entry_post(srv_req *q, srv_reply *r)
{
	const char *action;
	long long id;
	one o;
	if (!entry_open(q, r, false, &id, &action, &o))
		return;
	int rc;
	if (strcmp(action, "delete") == 0) {
		one_dispose(&o);
		if ((rc = tendo_store_begin(q->store)) || (rc = tendo_store_delete(q->store, id)) ||
		    (rc = tendo_store_commit(q->store))) {
			tendo_store_rollback(q->store);
			if (rc == TENDO_ENOTFOUND)
				page_error(r, 404, "No such entry", "there is no entry with that id (see the history)");
			else
				html_error(r, rc);
			return;
		}
		reply_redirect(r, "/history");
		return;
	}
	srv_form f;
	if (form_parse(&f, q->body, q->body_len)) {
		form_dispose(&f);
		one_dispose(&o);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	const char *v[SHAPE_EDIT__N];
	for (int k = 0; k < SHAPE_EDIT__N; k++)
		v[k] = form_get(&f, shape_edit_field_name(k));
	shape_edit c;
	char msg[400] = "", field[32] = "";
	rc = edit_from_strings(o.e.type, v, &c, msg, sizeof(msg), field, sizeof(field)) ? 1
	     : do_edit(q, id, &c, msg, sizeof(msg), field, sizeof(field));
	if (rc == 1) {
		tendo_buf b;
		tendo_buf_init(&b);
		edit_html(&b, q, &o, v, msg, field);
		reply_buf(r, 400, HTML, &b);
	} else if (rc == 2) {
		page_error(r, 404, "No such entry", "there is no entry with that id (see the history)");
	} else if (rc) {
		html_error(r, rc);
	} else {
		char loc[64];
		snprintf(loc, sizeof(loc), "/entries/%lld", id);
		reply_redirect(r, loc);
	}
	form_dispose(&f);
	one_dispose(&o);
}

/* ------------------------------------------------------ entries: JSON */

/* The id of /api/entries/<id>: >0, or 0 answered (400 or 404). */
static long long api_id(srv_req *q, srv_reply *r)
{
	const char *action;
	long long id = rest_id(q, &action);
	if (action[0] || strchr(q->rest ? q->rest : "", '/')) {
		api_error(r, 404, "there is no such address: /api/entries/<id>", NULL);
		return 0;
	}
	if (id < 0) {
		char msg[120];
		snprintf(msg, sizeof(msg), "id must be an entry id, a positive whole number (got '%.20s')", q->rest);
		api_error(r, 400, msg, "id");
		return 0;
	}
	return id;
}

/* Entry id as history --json shows it, with "what": 200, or 404. */
static void entry_reply(srv_req *q, srv_reply *r, long long id, int status, json_t *extra)
{
	srv_athlete a;
	tendo_log log = { 0 };
	int rc = srv_athlete_get(q, &a);
	if (rc == 0)
		rc = tendo_store_load_log_ext(q->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED);
	if (rc) {
		json_decref(extra);
		api_lib_error(r, rc);
		return;
	}
	json_t *o = shape_entry_json(q->store, &log, srv_imperial(&a), id);
	tendo_log_dispose(&log);
	if (!o) {
		json_decref(extra);
		api_error(r, 404, "no entry with that id (see GET /api/history)", "id");
		return;
	}
	if (extra)
		json_object_update(o, extra);
	json_decref(extra);
	api_reply_json(r, status, o);
}

void api_entry_get(srv_req *q, srv_reply *r)
{
	long long id = api_id(q, r);
	if (id)
		entry_reply(q, r, id, 200, NULL);
}

void api_entry_patch(srv_req *q, srv_reply *r)
{
	long long id = api_id(q, r);
	if (!id)
		return;
	json_t *in = api_json_body(q, r);
	if (!in)
		return;
	shape_edit c = SHAPE_EDIT_NONE;
	char msg[400] = "", field[32] = "";
	const char *key;
	json_t *m;
	json_object_foreach(in, key, m) {
		int f = -1;
		for (int k = 0; k < SHAPE_EDIT__N; k++)
			if (strcmp(key, shape_edit_field_name(k)) == 0)
				f = k;
		if (f < 0) {
			snprintf(msg, sizeof(msg), "unknown field '%.40s': pain_during, pain_after, rpe, sharp, note, time", key);
			break;
		}
		snprintf(field, sizeof(field), "%s", key);
		if (f <= SHAPE_EDIT_RPE) {
			int *dst = f == SHAPE_EDIT_PAIN_DURING ? &c.pain_during : f == SHAPE_EDIT_PAIN_AFTER ? &c.pain_after : &c.rpe;
			if (!json_is_integer(m) || json_integer_value(m) < 0 || json_integer_value(m) > 1000) {
				snprintf(msg, sizeof(msg), "%s must be a whole number 0-%d", key, TENDO_SCORE_MAX);
				break;
			}
			*dst = (int)json_integer_value(m);
		} else if (f == SHAPE_EDIT_SHARP) {
			if (!json_is_boolean(m)) {
				snprintf(msg, sizeof(msg), "sharp must be true or false");
				break;
			}
			c.sharp = json_is_true(m);
		} else if (f == SHAPE_EDIT_NOTE) {
			if (!json_is_string(m) || strlen(json_string_value(m)) != json_string_length(m)) {
				snprintf(msg, sizeof(msg), "note must be a string");
				break;
			}
			c.note = json_string_value(m); /* in's: the library checks its length */
		} else {
			if (!json_is_string(m) || tendo_schedule_parse_time(&c.time_min, json_string_value(m))) {
				snprintf(msg, sizeof(msg), "time must be a time of day \"HH:MM\", 00:00-23:59");
				break;
			}
		}
		field[0] = '\0';
	}
	if (!msg[0] && !shape_edit_given(&c))
		snprintf(msg, sizeof(msg), "give at least one change: pain_during, pain_after, rpe, sharp, note or time");
	if (msg[0]) {
		json_decref(in);
		api_error(r, 400, msg, field);
		return;
	}
	int rc = do_edit(q, id, &c, msg, sizeof(msg), field, sizeof(field));
	json_decref(in); /* c.note was its */
	if (rc == 1)
		api_error(r, 400, msg, field);
	else if (rc == 2)
		api_error(r, 404, "no entry with that id (see GET /api/history)", "id");
	else if (rc)
		api_lib_error(r, rc);
	else
		entry_reply(q, r, id, 200, NULL);
}

void api_entry_delete(srv_req *q, srv_reply *r)
{
	long long id = api_id(q, r);
	if (!id)
		return;
	srv_athlete a;
	tendo_log log = { 0 };
	int rc = srv_athlete_get(q, &a);
	if (rc == 0)
		rc = tendo_store_begin(q->store);
	if (rc == 0 &&
	    (rc = tendo_store_load_log_ext(q->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED)) == 0) {
		/* the entry as it was, before it goes (tendo delete --json) */
		json_t *gone = shape_entry_json(q->store, &log, srv_imperial(&a), id);
		tendo_log_dispose(&log);
		if ((rc = tendo_store_delete(q->store, id)) || (rc = tendo_store_commit(q->store))) {
			tendo_store_rollback(q->store);
			json_decref(gone);
			if (rc == TENDO_ENOTFOUND)
				api_error(r, 404, "no entry with that id (see GET /api/history)", "id");
			else
				api_lib_error(r, rc);
			return;
		}
		if (!gone) /* an entry the loader could not read went too */
			gone = json_pack("{s:I}", "id", (json_int_t)id);
		if (gone)
			json_object_set_new(gone, "deleted", json_true());
		api_reply_json(r, 200, gone);
		return;
	}
	tendo_store_rollback(q->store);
	api_lib_error(r, rc);
}

/* -------------------------------------------------------------- report */

/* The athlete's report over [from, to] (the query's, else the programme
 * from its start to today) as tendo report --html makes it. 0, 1 with msg
 * and field (a bad query: 400), or a negative code. */
static int report_html(const srv_req *q, char **out, size_t *len, char *msg, size_t msz, const char **field)
{
	tendo_report_options o = { .from = TENDO_DATE_NONE, .to = TENDO_DATE_NONE, .today = TENDO_DATE_NONE,
		                       .generated = time(NULL), .css_href = "/static/report.css" };
	if (range(q, &o.from, &o.to, msg, msz, field))
		return 1;
	srv_athlete a;
	int rc = srv_athlete_get(q, &a);
	if (rc)
		return rc;
	if (o.to == TENDO_DATE_NONE)
		o.to = a.today;
	if (o.from == TENDO_DATE_NONE)
		o.from = a.profile.start <= o.to ? a.profile.start : o.to;
	if (o.from > o.to || (long)o.to - (long)o.from >= 7305) {
		snprintf(msg, msz, "from must be before to and at most 20 years earlier");
		*field = "from";
		return 1;
	}
	o.today = o.to < a.today ? o.to : a.today;
	tendo_log log = { 0 };
	if ((rc = tendo_store_load_log(q->store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE)) == 0)
		rc = tendo_report_html(out, len, &a.profile, &a.schedule, &log, &o);
	tendo_log_dispose(&log);
	return rc;
}

/* The part of html between open and close (exclusive), or NULL. */
static const char *between(const char *html, const char *open, const char *close, size_t *n)
{
	const char *a = strstr(html, open);
	const char *b = a ? strstr(a + strlen(open), close) : NULL;
	if (!b)
		return NULL;
	a += strlen(open);
	*n = (size_t)(b - a);
	return a;
}

/* GET /report: the report's body inside the app's page, made with its
 * stylesheet linked (css_href) rather than inlined, so nothing in it needs
 * the inline style the CSP forbids; /static/report.css is
 * tendo_report_css(). */
void page_report(srv_req *q, srv_reply *r)
{
	char *html = NULL, msg[200];
	size_t len = 0, n = 0;
	const char *field = NULL;
	int rc = report_html(q, &html, &len, msg, sizeof(msg), &field);
	if (rc == 1) {
		page_error(r, 400, "Bad request", msg);
		return;
	}
	if (rc) {
		html_error(r, rc);
		return;
	}
	const char *body = between(html, "<body>", "</body>", &n);
	if (!body) {
		free(html);
		page_error(r, 500, "Server error", "the report has no body");
		return;
	}
	tendo_buf b;
	tendo_buf_init(&b);
	page_head(&b, "Report", page_nav(q));
	/* the report's own stylesheet, after the app's */
	tendo_buf_puts(&b, "<link rel=\"stylesheet\" href=\"/static/report.css\"><div class=\"report\">");
	tendo_buf_put(&b, body, n);
	tendo_buf_puts(&b, "</div>");
	page_foot(&b);
	free(html);
	reply_buf(r, 200, HTML, &b);
}

void page_report_css(srv_req *q, srv_reply *r)
{
	(void)q;
	reply_static(r, 200, CSS_TYPE, tendo_report_css());
}

/* GET /api/report: the days the report is drawn from (the timeline's
 * record of each morning and what was done) and the adherence over them. */
void api_report(srv_req *q, srv_reply *r)
{
	tendo_date from, to;
	char msg[120];
	const char *field = NULL;
	if (range(q, &from, &to, msg, sizeof(msg), &field)) {
		api_error(r, 400, msg, field);
		return;
	}
	srv_athlete a;
	int rc = srv_athlete_get(q, &a);
	if (rc) {
		api_lib_error(r, rc);
		return;
	}
	if (to == TENDO_DATE_NONE)
		to = a.today;
	if (from == TENDO_DATE_NONE)
		from = a.profile.start <= to ? a.profile.start : to;
	if (from > to || (long)to - (long)from >= 7305) {
		api_error(r, 400, "from must be before to and at most 20 years earlier", "from");
		return;
	}
	int n = (int)(to - from + 1);
	tendo_report_day *days = calloc((size_t)n, sizeof(*days));
	tendo_log log = { 0 };
	if (!days) {
		api_error(r, 500, "out of memory", NULL);
		return;
	}
	if ((rc = tendo_store_load_log(q->store, &log, TENDO_DATE_NONE, to)) == 0)
		rc = tendo_report_days(days, n, &a.profile, &log, from);
	if (rc)
		api_lib_error(r, rc);
	else
		api_reply_json(r, 200, shape_report_data(days, n));
	free(days);
	tendo_log_dispose(&log);
}
