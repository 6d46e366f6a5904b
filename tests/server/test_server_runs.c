/*
 * test_server_runs.c - the runs, the history, one entry (edit, delete) and
 * the report, through a real HTTP client (libcurl) against the real binary.
 *
 *   test_server_runs runs_pages TENDO   /runs, /history, /entries/<id>: the
 *                                       imported runs with their columns,
 *                                       XSS payloads (a note, an exercise's
 *                                       name, an imported file's name and
 *                                       title) inert; 400, 404, 405
 *   test_server_runs runs_api TENDO     /api/history and /api/runs as the
 *                                       CLI's --json (the same shapes),
 *                                       their query; PATCH and DELETE
 *                                       /api/entries/<id>: 200, 400 naming
 *                                       the field, 403, 404, 415
 *   test_server_runs runs_edit TENDO    the edit form: the library's message
 *                                       next to the field, nothing written;
 *                                       saved, /api/history shows it; CSRF
 *   test_server_runs runs_delete TENDO  the confirmation says what goes; the
 *                                       POST removes exactly that entry
 *   test_server_runs runs_report TENDO  /report (charts, no inline style),
 *                                       its stylesheet, /api/report's days
 *                                       (tendo report --json's)
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>

#include "harness.h"

#define XSS_NOTE "<script>alert('note')</script>"
#define XSS_NOTE_ESC "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"
#define XSS_EX "<img src=x onerror=alert(2)>"
#define XSS_EX_ESC "&lt;img src=x onerror=alert(2)&gt;"
#define XSS_FILE "<svg onload=alert(3)>.gpx"
#define XSS_FILE_ESC "&lt;svg onload=alert(3)&gt;.gpx"
#define XSS_TITLE_XML "&lt;b onmouseover=alert(4)&gt;hill&lt;/b&gt;"
#define XSS_TITLE_ESC "&lt;b onmouseover=alert(4)&gt;hill&lt;/b&gt;"

/* Nothing live: no script, no element from the payloads, no inline style. */
static void inert(const resp *r, const char *what)
{
	CHECK(r->body && !strstr(r->body, "<script") && !strstr(r->body, "<img") && !strstr(r->body, "<svg onload") &&
	          !strstr(r->body, "<b onmouseover") && !strstr(r->body, " style="),
	      "%s: the payloads are inert", what);
}

/* Every input, select and textarea of a page with an id has its label. */
static void labelled(const resp *r, const char *what)
{
	for (const char *p = r->body ? strstr(r->body, " id=\"f-") : NULL; p; p = strstr(p + 1, " id=\"f-")) {
		char id[64], want[80];
		size_t n = strcspn(p + 5, "\"");
		snprintf(id, sizeof(id), "%.*s", (int)(n < 60 ? n : 60), p + 5);
		snprintf(want, sizeof(want), "for=\"%s\"", id);
		CHECK(strstr(r->body, want) != NULL, "%s: %s has a label", what, id);
	}
}

/* A GPX of tests/data with a hostile activity name, under a hostile file
 * name, imported; and a typed run with pain, a pain report with a hostile
 * note, a custom exercise with a hostile name (through the API). */
static void fill(const char *db, const server *s, const char *bearer)
{
	size_t len = 0;
	char src[512], dst[512];
	snprintf(src, sizeof(src), "%s/tests/data/gpx/togeojson-run.gpx", TENDO_SOURCE_DIR);
	char *gpx = slurp(src, &len);
	CHECK(gpx != NULL, "read %s", src);
	snprintf(dst, sizeof(dst), "%s/" XSS_FILE, work);
	FILE *f = fopen(dst, "w");
	const char *at = gpx ? strstr(gpx, "<name>Untitled</name>") : NULL;
	CHECK(f && at, "write the hostile GPX");
	if (f && at) {
		fwrite(gpx, 1, (size_t)(at - gpx), f);
		fputs("<name>" XSS_TITLE_XML "</name>", f);
		fputs(at + strlen("<name>Untitled</name>"), f);
	}
	if (f)
		fclose(f);
	free(gpx);
	const char *imp[] = { "import", dst, NULL };
	CHECK(run_tendo(db, imp, NULL) == 0, "tendo import the hostile GPX");
	snprintf(src, sizeof(src), "%s/tests/data/fit/fitparse-garmin-fenix-5-run.fit", TENDO_SOURCE_DIR);
	const char *imp2[] = { "import", src, NULL };
	CHECK(run_tendo(db, imp2, NULL) == 0, "tendo import a FIT run");
	const char *run[] = { "log", "run", "--minutes", "30", "--km", "5", "--pain-during", "2", "--pain-after", "1",
		                  "--time", "07:30", NULL };
	CHECK(run_tendo(db, run, NULL) == 0, "tendo log run");
	const char *pain[] = { "log", "pain", "--kind", "task", "--score", "2", "--note", XSS_NOTE, NULL };
	CHECK(run_tendo(db, pain, NULL) == 0, "tendo log pain with a hostile note");
	const char *api[] = { bearer, "Content-Type: application/json", NULL };
	resp r;
	post(&r, s, "/api/log/rehab",
	     "{\"exercise\":\"" XSS_EX "\",\"stage\":\"settle\",\"ex_kind\":\"isometric\",\"sets\":2,\"hold_s\":30}", api);
	CHECK(r.status == 201, "custom exercise with a hostile name: %ld %s", r.status, r.body ? r.body : "");
	resp_free(&r);
}

/* The id of the first entry of /api/history of type (and kind), or 0. */
static long long find_id(const server *s, const char *type, const char *title_has)
{
	resp r;
	get(&r, s, "/api/history", NULL);
	long long id = 0;
	size_t k;
	json_t *e;
	json_array_foreach(r.json, k, e) {
		const char *t = json_string_value(json_object_get(e, "type"));
		const char *title = json_string_value(json_object_get(e, "title"));
		if (!id && t && strcmp(t, type) == 0 && (!title_has || (title && strstr(title, title_has))))
			id = (long long)json_integer_value(json_object_get(e, "id"));
	}
	resp_free(&r);
	return id;
}

static size_t history_len(const server *s)
{
	resp r;
	get(&r, s, "/api/history", NULL);
	size_t n = json_is_array(r.json) ? json_array_size(r.json) : (size_t)-1;
	resp_free(&r);
	return n;
}

/* Entry id of /api/history, or NULL (a new reference). */
static json_t *history_entry(const server *s, long long id)
{
	resp r;
	get(&r, s, "/api/history", NULL);
	json_t *hit = NULL;
	size_t k;
	json_t *e;
	json_array_foreach(r.json, k, e)
		if (json_integer_value(json_object_get(e, "id")) == id)
			hit = json_incref(e);
	resp_free(&r);
	return hit;
}

/* The same JSON, numbers to the API's 6 significant digits. */
static bool same_json(json_t *a, json_t *b)
{
	char *x = a ? json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(6)) : NULL;
	char *y = b ? json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(6)) : NULL;
	bool same = x && y && strcmp(x, y) == 0;
	if (!same)
		fprintf(stderr, "  api: %.300s\n  cli: %.300s\n", x ? x : "(none)", y ? y : "(none)");
	free(x);
	free(y);
	return same;
}

/* `tendo ARGS --json` parsed. */
static json_t *cli_json(const char *db, const char *const *args)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/cli.json", work);
	if (run_tendo_out(db, args, out) != 0)
		return NULL;
	return json_load_file(out, 0, NULL);
}

static int start(server *s, char *db, size_t dbsz, const char *tag)
{
	snprintf(db, dbsz, "%s/%s.db", work, tag);
	init_db(db);
	if (server_start(s, db, "127.0.0.1", tag)) {
		CHECK(0, "server did not start");
		return -1;
	}
	return 0;
}

/* A page visit's session: its cookie and CSRF token. */
static void session(const server *s, char *cookie, size_t csz, char *csrf, size_t tsz)
{
	resp r;
	get(&r, s, "/log", NULL);
	CHECK(r.status == 200 && cookie_of(&r, cookie, csz) && csrf_of(&r, csrf, tsz), "a session: %ld", r.status);
	resp_free(&r);
}

/* ---------------------------------------------------------------- pages */

static void test_runs_pages(void)
{
	char db[300];
	server s;
	if (start(&s, db, sizeof(db), "pages"))
		return;
	char *token = read_token();
	char bearer[200];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	fill(db, &s, bearer);
	resp r;

	get(&r, &s, "/runs", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<table class=\"runs\""), "/runs: %ld", r.status);
	/* the columns, in the athlete's units; the runs newest first */
	const char *cols[] = { "Start", "Pace", "Climb", "On hills", "Steps/min", "Pain during", "Pain after" };
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		CHECK(r.body && strstr(r.body, cols[k]), "/runs has the column %s", cols[k]);
	CHECK(r.body && strstr(r.body, "6:00/km") && strstr(r.body, "2/10") && strstr(r.body, "1/10"),
	      "/runs: the typed run's pace (30 min, 5 km) and pain");
	CHECK(r.body && strstr(r.body, "2012-10-25 00:29") && strstr(r.body, "95 m"),
	      "/runs: the GPX run's local start and climb");
	const char *typed = r.body ? strstr(r.body, "6:00/km") : NULL, *old = r.body ? strstr(r.body, "2012-10-25") : NULL;
	CHECK(typed && old && typed < old, "/runs: newest first");
	CHECK(r.body && strstr(r.body, XSS_TITLE_ESC), "/runs: the hostile title shown, escaped");
	inert(&r, "/runs");
	resp_free(&r);

	get(&r, &s, "/history", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, XSS_NOTE_ESC) && strstr(r.body, XSS_EX_ESC) &&
	          strstr(r.body, XSS_TITLE_ESC),
	      "/history: %ld, the note, the exercise and the title shown escaped", r.status);
	CHECK(r.body && strstr(r.body, "<h2>2012-10-25</h2>") && strstr(r.body, "<h2>2017-06-11</h2>"),
	      "/history: day by day");
	const char *d1 = r.body ? strstr(r.body, "<h2>2017-06-11</h2>") : NULL;
	const char *d0 = r.body ? strstr(r.body, "<h2>2012-10-25</h2>") : NULL;
	CHECK(d0 && d1 && d1 < d0, "/history: the newest day first");
	inert(&r, "/history");
	resp_free(&r);
	get(&r, &s, "/history?from=2017-01-01&to=2017-12-31", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "2017-06-11") && !strstr(r.body, "2012-10-25"),
	      "/history?from&to: only the range");
	resp_free(&r);

	long long gpx = find_id(&s, "run", "hill");
	long long task = find_id(&s, "pain", NULL);
	long long rehab = find_id(&s, "rehab", NULL);
	CHECK(gpx > 0 && task > 0 && rehab > 0, "ids: %lld %lld %lld", gpx, task, rehab);
	char path[80];
	snprintf(path, sizeof(path), "/entries/%lld", gpx);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, XSS_FILE_ESC) && strstr(r.body, XSS_TITLE_ESC),
	      "%s: %ld, the file's name and the title escaped", path, r.status);
	char edit[96], del[96];
	snprintf(edit, sizeof(edit), "href=\"/entries/%lld/edit\"", gpx);
	snprintf(del, sizeof(del), "href=\"/entries/%lld/delete\"", gpx);
	CHECK(r.body && strstr(r.body, edit) && strstr(r.body, del), "%s: Edit and Delete", path);
	inert(&r, path);
	resp_free(&r);
	snprintf(path, sizeof(path), "/entries/%lld", task);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, XSS_NOTE_ESC), "%s: the note escaped", path);
	inert(&r, path);
	resp_free(&r);
	snprintf(path, sizeof(path), "/entries/%lld/edit", task);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, ">" XSS_NOTE_ESC "</textarea>"),
	      "%s: the note prefilled, escaped", path);
	inert(&r, path);
	labelled(&r, path);
	resp_free(&r);
	snprintf(path, sizeof(path), "/entries/%lld", rehab);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, XSS_EX_ESC), "%s: the exercise escaped", path);
	inert(&r, path);
	resp_free(&r);
	snprintf(path, sizeof(path), "/entries/%lld/delete", gpx);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, XSS_FILE_ESC), "%s: names the file, escaped", path);
	inert(&r, path);
	resp_free(&r);

	/* the athlete's units: miles */
	const char *imp[] = { "profile", "--units", "imperial", NULL };
	CHECK(run_tendo(db, imp, NULL) == 0, "tendo profile --units imperial");
	get(&r, &s, "/runs", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "9:39/mi") && strstr(r.body, ">mi</th>") &&
	          strstr(r.body, "3.11"),
	      "/runs in miles: 30 min over 5 km is 9:39/mi");
	resp_free(&r);
	get(&r, &s, "/history", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "30 min 3.1 mi"), "/history in miles");
	resp_free(&r);

	/* errors */
	static const struct {
		const char *method, *path;
		long status;
	} errs[] = {
		{ "GET", "/entries/999999", 404 },   { "GET", "/entries/abc", 404 },     { "GET", "/entries/1/frobnicate", 404 },
		{ "GET", "/entries/0", 404 },        { "GET", "/runs?from=yesterday", 400 }, { "GET", "/history?to=2026-13-01", 400 },
		{ "PUT", "/runs", 405 },             { "POST", "/history", 405 },        { "DELETE", "/entries/1", 405 },
		{ "GET", "/report?from=nope", 400 },
	};
	for (size_t k = 0; k < sizeof(errs) / sizeof(errs[0]); k++) {
		req(&r, &s, errs[k].method, errs[k].path, NULL, 0, NULL);
		CHECK(r.status == errs[k].status, "%s %s: %ld, want %ld", errs[k].method, errs[k].path, r.status,
		      errs[k].status);
		if (errs[k].status == 405) {
			char allow[64];
			CHECK(header(&r, "Allow", allow, sizeof(allow)) && strstr(allow, "GET"), "%s %s: Allow", errs[k].method,
			      errs[k].path);
		}
		resp_free(&r);
	}
	get(&r, &s, "/runs?from=yesterday", NULL);
	CHECK(r.body && strstr(r.body, "from must be a day YYYY-MM-DD"), "/runs?from=bad names from");
	resp_free(&r);
	free(token);
	CHECK(server_stop(&s) == 0, "server stopped cleanly");
}

/* ------------------------------------------------------------------ API */

static void test_runs_api(void)
{
	char db[300];
	server s;
	if (start(&s, db, sizeof(db), "api"))
		return;
	char *token = read_token();
	char bearer[200];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	fill(db, &s, bearer);
	resp r;

	/* the CLI's shapes: the same builders */
	const char *hist[] = { "history", "--json", NULL };
	json_t *cli = cli_json(db, hist);
	get(&r, &s, "/api/history", NULL);
	CHECK(r.status == 200 && json_is_array(r.json) && json_array_size(r.json) == 5, "/api/history: %ld, 5 entries",
	      r.status);
	CHECK(same_json(r.json, cli), "/api/history is tendo history --json");
	resp_free(&r);
	json_decref(cli);
	const char *runs[] = { "runs", "--json", NULL };
	cli = cli_json(db, runs);
	get(&r, &s, "/api/runs", NULL);
	CHECK(r.status == 200 && json_is_array(r.json) && json_array_size(r.json) == 3, "/api/runs: %ld, 3 runs", r.status);
	CHECK(same_json(r.json, cli), "/api/runs is tendo runs --json");
	resp_free(&r);
	json_decref(cli);
	const char *runs_r[] = { "runs", "--from", "2017-01-01", "--to", "2017-12-31", "--json", NULL };
	cli = cli_json(db, runs_r);
	get(&r, &s, "/api/runs?from=2017-01-01&to=2017-12-31", NULL);
	CHECK(r.status == 200 && json_array_size(r.json) == 1 && same_json(r.json, cli),
	      "/api/runs?from&to is tendo runs --from --to --json");
	resp_free(&r);
	json_decref(cli);
	get(&r, &s, "/api/runs?limit=1", NULL);
	const char *newest = r.json ? jstr(json_array_get(r.json, 0), "date", NULL) : NULL;
	CHECK(r.status == 200 && json_array_size(r.json) == 1 && newest && strcmp(newest, "2017-06-11") != 0 &&
	          strcmp(newest, "2012-10-25") != 0,
	      "/api/runs?limit=1: the newest run only (%s)", newest ? newest : "?");
	resp_free(&r);

	/* 400 naming the field */
	static const struct {
		const char *path, *field, *msg;
	} bad[] = {
		{ "/api/runs?from=soon", "from", "from must be a day" },
		{ "/api/runs?limit=0", "limit", "limit must be" },
		{ "/api/history?to=2026-02-30", "to", "to must be a day" },
		{ "/api/history?from=2026-02-01&to=2026-01-01", "from", "from is after to" },
		{ "/api/report?from=x", "from", "from must be a day" },
		{ "/api/entries/abc", "id", "id must be" },
	};
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		get(&r, &s, bad[k].path, NULL);
		const char *f = jstr(r.json, "field", NULL), *m = jstr(r.json, "error", NULL);
		CHECK(r.status == 400 && f && strcmp(f, bad[k].field) == 0 && m && strstr(m, bad[k].msg),
		      "%s: %ld field %s", bad[k].path, r.status, f ? f : "null");
		resp_free(&r);
	}

	long long run = find_id(&s, "run", NULL), task = find_id(&s, "pain", NULL);
	char path[80];
	snprintf(path, sizeof(path), "/api/entries/%lld", run);
	get(&r, &s, path, NULL);
	CHECK(r.status == 200 && jstr(r.json, "what", NULL) && json_integer_value(jget(r.json, "id", NULL)) == run,
	      "GET %s: %ld with what", path, r.status);
	resp_free(&r);
	get(&r, &s, "/api/entries/999999", NULL);
	CHECK(r.status == 404 && jstr(r.json, "error", NULL), "GET unknown entry: %ld", r.status);
	resp_free(&r);

	/* PATCH: auth, type, fields */
	char cookie[200], csrf[80], csrf_h[120];
	session(&s, cookie, sizeof(cookie), csrf, sizeof(csrf));
	snprintf(csrf_h, sizeof(csrf_h), "X-CSRF-Token: %s", csrf);
	const char *api[] = { bearer, "Content-Type: application/json", NULL };
	const char *api_cookie[] = { cookie, csrf_h, "Content-Type: application/json", NULL };
	const char *cookie_only[] = { cookie, "Content-Type: application/json", NULL };
	const char *body = "{\"pain_during\":4}";
	req(&r, &s, "PATCH", path, body, strlen(body), cookie_only);
	CHECK(r.status == 403, "PATCH without CSRF: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "PATCH", path, body, strlen(body), NULL);
	CHECK(r.status == 403, "PATCH without anything: %ld", r.status);
	resp_free(&r);
	const char *form[] = { bearer, "Content-Type: application/x-www-form-urlencoded", NULL };
	req(&r, &s, "PATCH", path, "pain_during=4", 13, form);
	CHECK(r.status == 415, "PATCH a form: %ld", r.status);
	resp_free(&r);
	json_t *before = history_entry(&s, run);
	static const struct {
		const char *body, *field, *msg;
	} pbad[] = {
		{ "{\"pain_during\":11}", "pain_during", "pain_during must be 0-10 (got 11)" },
		{ "{\"rpe\":\"hard\"}", "rpe", "rpe must be a whole number" },
		{ "{\"time\":\"25:00\"}", "time", "time must be a time of day" },
		{ "{\"sharp\":1}", "sharp", "sharp must be true or false" },
		{ "{\"minutes\":40}", NULL, "unknown field 'minutes'" },
		{ "{}", NULL, "give at least one change" },
		{ "[1]", NULL, "the body must be a JSON object" },
	};
	for (size_t k = 0; k < sizeof(pbad) / sizeof(pbad[0]); k++) {
		req(&r, &s, "PATCH", path, pbad[k].body, strlen(pbad[k].body), api);
		const char *f = jstr(r.json, "field", NULL), *m = jstr(r.json, "error", NULL);
		CHECK(r.status == 400 && m && strstr(m, pbad[k].msg) &&
		          (pbad[k].field ? f && strcmp(f, pbad[k].field) == 0 : json_is_null(jget(r.json, "field", NULL))),
		      "PATCH %s: %ld '%s' field %s", pbad[k].body, r.status, m ? m : "", f ? f : "null");
		resp_free(&r);
	}
	/* the library's own limit and message */
	char *big = malloc(1100);
	if (big) {
		memcpy(big, "{\"note\":\"", 9);
		memset(big + 9, 'x', 1001);
		memcpy(big + 1010, "\"}", 3);
		req(&r, &s, "PATCH", path, big, strlen(big), api);
		const char *f = jstr(r.json, "field", NULL), *m = jstr(r.json, "error", NULL);
		CHECK(r.status == 400 && f && strcmp(f, "note") == 0 && m && strstr(m, "note is too long (1000 bytes at most"),
		      "PATCH a 1001-byte note: %ld '%s'", r.status, m ? m : "");
		resp_free(&r);
		free(big);
	}
	json_t *after = history_entry(&s, run);
	CHECK(before && after && json_equal(before, after), "nothing written by the refused edits");
	json_decref(after);
	json_decref(before);
	/* a field the entry's type does not have */
	char tpath[80];
	snprintf(tpath, sizeof(tpath), "/api/entries/%lld", task);
	req(&r, &s, "PATCH", tpath, "{\"pain_after\":3}", strlen("{\"pain_after\":3}"), api);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "pain_after") == 0 &&
	          strstr(jstr(r.json, "error", NULL), "a pain report"),
	      "PATCH pain_after on a pain report: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "PATCH", "/api/entries/999999", body, strlen(body), api);
	CHECK(r.status == 404, "PATCH unknown entry: %ld", r.status);
	resp_free(&r);
	/* the edit, by bearer and by cookie: /api/history shows it */
	body = "{\"pain_during\":4,\"rpe\":6,\"note\":\"felt it\"}";
	req(&r, &s, "PATCH", path, body, strlen(body), api);
	CHECK(r.status == 200 && json_integer_value(jget(r.json, "pain_during", NULL)) == 4, "PATCH by bearer: %ld",
	      r.status);
	resp_free(&r);
	body = "{\"sharp\":true,\"time\":\"06:45\"}";
	req(&r, &s, "PATCH", path, body, strlen(body), api_cookie);
	CHECK(r.status == 200, "PATCH by cookie and CSRF header: %ld", r.status);
	resp_free(&r);
	after = history_entry(&s, run);
	CHECK(after && json_integer_value(json_object_get(after, "pain_during")) == 4 &&
	          json_integer_value(json_object_get(after, "rpe")) == 6 && json_is_true(json_object_get(after, "sharp")) &&
	          jstr(after, "time", NULL) && strcmp(jstr(after, "time", NULL), "06:45") == 0 && jstr(after, "note", NULL) &&
	          strcmp(jstr(after, "note", NULL), "felt it") == 0,
	      "/api/history shows the edit");
	json_decref(after);

	/* DELETE */
	size_t n0 = history_len(&s);
	req(&r, &s, "DELETE", path, NULL, 0, cookie_only);
	CHECK(r.status == 403, "DELETE without CSRF: %ld", r.status);
	resp_free(&r);
	CHECK(history_len(&s) == n0, "nothing deleted without CSRF");
	req(&r, &s, "DELETE", "/api/entries/999999", NULL, 0, api);
	CHECK(r.status == 404, "DELETE unknown entry: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "DELETE", path, NULL, 0, api);
	CHECK(r.status == 200 && json_is_true(jget(r.json, "deleted", NULL)) &&
	          json_integer_value(jget(r.json, "id", NULL)) == run && jstr(r.json, "what", NULL),
	      "DELETE: %ld, the entry as it was", r.status);
	resp_free(&r);
	json_t *gone = history_entry(&s, run);
	CHECK(!gone && history_len(&s) == n0 - 1, "DELETE removed that entry and no other");
	json_decref(gone);
	get(&r, &s, path, NULL);
	CHECK(r.status == 404, "GET a deleted entry: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "PUT", path, "{}", 2, api);
	char allow[64];
	CHECK(r.status == 405 && header(&r, "Allow", allow, sizeof(allow)) && strstr(allow, "PATCH") &&
	          strstr(allow, "DELETE"),
	      "PUT an entry: %ld, Allow: GET, PATCH, DELETE", r.status);
	resp_free(&r);
	free(token);
	CHECK(server_stop(&s) == 0, "server stopped cleanly");
}

/* ------------------------------------------------------------ edit form */

static void test_runs_edit(void)
{
	char db[300];
	server s;
	if (start(&s, db, sizeof(db), "edit"))
		return;
	const char *run[] = { "log", "run", "--minutes", "30", "--pain-during", "2", NULL };
	CHECK(run_tendo(db, run, NULL) == 0, "tendo log run");
	const char *flag[] = { "log", "sitting", "--hours", "2", NULL };
	CHECK(run_tendo(db, flag, NULL) == 0, "tendo log sitting");
	long long id = find_id(&s, "run", NULL), sit = find_id(&s, "sitting", NULL);
	char cookie[200], csrf[80], path[80], body[300];
	session(&s, cookie, sizeof(cookie), csrf, sizeof(csrf));
	const char *with_cookie[] = { cookie, NULL };
	resp r;
	snprintf(path, sizeof(path), "/entries/%lld/edit", id);
	get(&r, &s, path, with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "name=\"pain_during\"") && strstr(r.body, "value=\"2\"") &&
	          strstr(r.body, "name=\"pain_after\"") && strstr(r.body, "name=\"rpe\"") &&
	          strstr(r.body, "name=\"sharp\"") && strstr(r.body, "name=\"note\"") && strstr(r.body, "name=\"time\"") &&
	          strstr(r.body, "name=\"csrf\""),
	      "%s: %ld, the run's fields, prefilled", path, r.status);
	labelled(&r, path);
	inert(&r, path);
	resp_free(&r);
	char spath[80];
	snprintf(spath, sizeof(spath), "/entries/%lld/edit", sit);
	get(&r, &s, spath, with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "name=\"note\"") && !strstr(r.body, "name=\"pain_during\""),
	      "%s: an aggravator has only its note", spath);
	resp_free(&r);

	json_t *before = history_entry(&s, id);
	post(&r, &s, path, "pain_during=5", with_cookie);
	CHECK(r.status == 403, "edit without CSRF: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&pain_during=11&note=kept", csrf);
	post(&r, &s, path, body, with_cookie);
	const char *e = r.body ? strstr(r.body, "id=\"pain_during-err\"") : NULL;
	CHECK(r.status == 400 && e && strstr(e, "pain_during must be 0-10 (got 11)") &&
	          strstr(r.body, "aria-describedby=\"pain_during-err\"") && strstr(r.body, ">kept</textarea>"),
	      "edit 11: %ld, the library's message next to the field, values kept", r.status);
	labelled(&r, path);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&time=7h", csrf);
	post(&r, &s, path, body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "id=\"time-err\""), "edit a bad time: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&note=x&pain_during=3", csrf);
	post(&r, &s, spath, body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "which has no pain_during"),
	      "a field the aggravator lacks: %ld", r.status);
	resp_free(&r);
	json_t *after = history_entry(&s, id);
	CHECK(before && after && json_equal(before, after), "nothing written by the refused edits");
	json_decref(after);
	json_decref(before);

	snprintf(body, sizeof(body), "csrf=%s&pain_during=4&pain_after=3&rpe=5&sharp=1&time=18%%3A15&note=%s", csrf,
	         "after+work+%3Cb%3E");
	post(&r, &s, path, body, with_cookie);
	char loc[120], want[80];
	snprintf(want, sizeof(want), "/entries/%lld", id);
	CHECK(r.status == 303 && header(&r, "Location", loc, sizeof(loc)) && strcmp(loc, want) == 0, "edit saved: %ld",
	      r.status);
	resp_free(&r);
	after = history_entry(&s, id);
	CHECK(after && json_integer_value(json_object_get(after, "pain_during")) == 4 &&
	          json_integer_value(json_object_get(after, "pain_after")) == 3 &&
	          json_integer_value(json_object_get(after, "rpe")) == 5 && json_is_true(json_object_get(after, "sharp")) &&
	          jstr(after, "time", NULL) && strcmp(jstr(after, "time", NULL), "18:15") == 0 && jstr(after, "note", NULL) &&
	          strcmp(jstr(after, "note", NULL), "after work <b>") == 0,
	      "/api/history shows the edit");
	json_decref(after);
	/* the tick box unticked: no sharp pain after all */
	snprintf(body, sizeof(body), "csrf=%s&note=", csrf);
	post(&r, &s, path, body, with_cookie);
	CHECK(r.status == 303, "edit: sharp unticked, note emptied: %ld", r.status);
	resp_free(&r);
	after = history_entry(&s, id);
	CHECK(after && json_is_false(json_object_get(after, "sharp")) && !json_object_get(after, "note") &&
	          json_integer_value(json_object_get(after, "pain_during")) == 4,
	      "sharp cleared, the note removed, an empty score kept");
	json_decref(after);
	/* the CLI sees it too: one database */
	const char *hist[] = { "history", "--json", NULL };
	json_t *cli = cli_json(db, hist);
	json_t *mine = NULL;
	size_t k;
	json_t *x;
	json_array_foreach(cli, k, x)
		if (json_integer_value(json_object_get(x, "id")) == id)
			mine = x;
	CHECK(mine && json_integer_value(json_object_get(mine, "pain_during")) == 4, "tendo history shows the edit");
	json_decref(cli);
	CHECK(server_stop(&s) == 0, "server stopped cleanly");
}

/* --------------------------------------------------------------- delete */

static void test_runs_delete(void)
{
	char db[300];
	server s;
	if (start(&s, db, sizeof(db), "delete"))
		return;
	char src[512];
	snprintf(src, sizeof(src), "%s/tests/data/fit/fitparse-garmin-fenix-5-run.fit", TENDO_SOURCE_DIR);
	const char *imp[] = { "import", src, NULL };
	CHECK(run_tendo(db, imp, NULL) == 0, "tendo import");
	const char *note[] = { "edit", "1", "--note", "easy one", NULL };
	CHECK(run_tendo(db, note, NULL) == 0, "tendo edit --note");
	const char *run[] = { "log", "run", "--minutes", "20", NULL };
	CHECK(run_tendo(db, run, NULL) == 0, "tendo log run");
	long long id = find_id(&s, "run", NULL);
	CHECK(id == 1, "the imported run is #1: %lld", id);
	char cookie[200], csrf[80], path[80], body[200];
	session(&s, cookie, sizeof(cookie), csrf, sizeof(csrf));
	const char *with_cookie[] = { cookie, NULL };
	resp r;
	snprintf(path, sizeof(path), "/entries/%lld/delete", id);
	get(&r, &s, path, with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "This removes") && strstr(r.body, "2017-06-11") &&
	          strstr(r.body, "run 1 min 0.2 km at") && strstr(r.body, "its note: easy one") &&
	          strstr(r.body, "fitparse-garmin-fenix-5-run.fit") && strstr(r.body, "importing that file again") &&
	          strstr(r.body, "method=\"post\"") && strstr(r.body, "name=\"csrf\""),
	      "%s: %ld, says what it removes (the entry, its note, the file's record)", path, r.status);
	resp_free(&r);
	size_t n0 = history_len(&s);
	post(&r, &s, path, "x=1", with_cookie);
	CHECK(r.status == 403 && history_len(&s) == n0, "delete without CSRF: %ld, nothing removed", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	post(&r, &s, "/entries/999999/delete", body, with_cookie);
	CHECK(r.status == 404 && history_len(&s) == n0, "delete an unknown id: %ld", r.status);
	resp_free(&r);
	post(&r, &s, path, body, with_cookie);
	char loc[80];
	CHECK(r.status == 303 && header(&r, "Location", loc, sizeof(loc)) && strcmp(loc, "/history") == 0,
	      "delete: %ld", r.status);
	resp_free(&r);
	json_t *gone = history_entry(&s, id);
	CHECK(!gone && history_len(&s) == n0 - 1, "exactly that entry went");
	json_decref(gone);
	get(&r, &s, "/entries/1", NULL);
	CHECK(r.status == 404, "its page is gone: %ld", r.status);
	resp_free(&r);
	/* its file's record went with it: the file imports again */
	char out[400];
	snprintf(out, sizeof(out), "%s/reimport.txt", work);
	CHECK(run_tendo_out(db, imp, out) == 0, "tendo import again");
	char *txt = slurp(out, NULL);
	CHECK(txt && strstr(txt, "1 imported"), "the file imports again: %s", txt ? txt : "");
	free(txt);
	CHECK(server_stop(&s) == 0, "server stopped cleanly");
}

/* --------------------------------------------------------------- report */

static void test_runs_report(void)
{
	char db[300];
	server s;
	if (start(&s, db, sizeof(db), "report"))
		return;
	const char *pain[] = { "log", "pain", "--kind", "task", "--score", "2", "--note", XSS_NOTE, NULL };
	CHECK(run_tendo(db, pain, NULL) == 0, "tendo log pain");
	resp r;
	get(&r, &s, "/report", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<svg") && strstr(r.body, "href=\"/static/report.css\"") &&
	          strstr(r.body, "href=\"/static/app.css\"") && !strstr(r.body, "<style") && strstr(r.body, "<nav"),
	      "/report: %ld, the charts inside the app's page, the stylesheets linked", r.status);
	inert(&r, "/report");
	resp_free(&r);
	get(&r, &s, "/static/report.css", NULL);
	char ct[80];
	CHECK(r.status == 200 && header(&r, "Content-Type", ct, sizeof(ct)) && strncmp(ct, "text/css", 8) == 0 &&
	          r.body && strstr(r.body, "svg.tendo-chart"),
	      "/static/report.css: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/report?from=2026-01-01&to=2026-01-10", NULL);
	json_t *days = jget(r.json, "days", NULL);
	CHECK(r.status == 200 && json_array_size(days) == 10 && jget(r.json, "adherence", NULL) &&
	          strcmp(jstr(json_array_get(days, 0), "date", NULL) ? jstr(json_array_get(days, 0), "date", NULL) : "",
	                 "2026-01-01") == 0,
	      "/api/report?from&to: %ld, one record a day", r.status);
	const char *rep[] = { "report", "--from", "2026-01-01", "--to", "2026-01-10", "--json", NULL };
	json_t *cli = cli_json(db, rep);
	CHECK(same_json(r.json, cli), "/api/report is tendo report --json");
	json_decref(cli);
	resp_free(&r);
	get(&r, &s, "/api/report", NULL);
	days = jget(r.json, "days", NULL);
	json_t *last = json_array_get(days, json_array_size(days) - 1);
	CHECK(r.status == 200 && last && jget(last, "done", "pain_during") && jstr(last, "stage", NULL) &&
	          jstr(last, "decision", NULL) && json_integer_value(jget(last, "morning", NULL)) == 2,
	      "/api/report: %ld, to today", r.status);
	resp_free(&r);
	get(&r, &s, "/api/report?from=2026-02-01&to=2026-01-01", NULL);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL), "/api/report from after to: %ld", r.status);
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "server stopped cleanly");
}

static const harness_test tests[] = {
	{ "runs_pages", test_runs_pages },   { "runs_api", test_runs_api },       { "runs_edit", test_runs_edit },
	{ "runs_delete", test_runs_delete }, { "runs_report", test_runs_report }, { NULL, NULL },
};

int main(int argc, char **argv)
{
	return harness_main(argc, argv, tests);
}
