/*
 * test_server_share.c - the plan, its calendar and shared links through
 * a real HTTP client (libcurl) against the real binary.
 *
 *   test_server_share share_readonly TENDO  `tendo share` link on a server
 *                                  bound off loopback: /s/<token> opens a
 *                                  read-only session (cookie, 303 to /plan);
 *                                  its GETs of plan, status work; every
 *                                  other route and every POST 403, with or
 *                                  without a valid CSRF token; nothing
 *                                  written; bad tokens refused
 *   test_server_share share_revoke TENDO   revoke (tendo share --revoke) and
 *                                  expiry end the session on its next
 *                                  request; the link no longer opens
 *   test_server_share share_feed TENDO     /calendar.ics?token= parses with
 *                                  libical, the same events as `tendo plan
 *                                  --ics -`, no cookie needed; missing,
 *                                  wrong, read-scope and revoked tokens
 *                                  401/403; /plan.ics is an attachment
 *   test_server_share share_plan TENDO     /api/plan equals `tendo plan
 *                                  --json` (and with ?weeks=&from=); /plan
 *                                  shows every day; 400s name the field;
 *                                  the page's "make a feed address" form
 *                                  (CSRF) makes a working feed; on loopback
 *                                  too a shared link's cookie is read-only
 *   test_server_share share_log TENDO      no share token in the server's log
 *
 * TENDO_TODAY pins the day for the server and the CLI alike.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "harness.h"

#define TODAY "2026-03-02"

/* A share made with `tendo share ARGS`: its URL's token into tok; the id. */
static int make_share(const char *db, const char *const *args, char *tok, size_t toksz)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/share.json", work);
	const char *a[12] = { "share", "--json" };
	int n = 2;
	for (int k = 0; args && args[k] && n < 11; k++)
		a[n++] = args[k];
	a[n] = NULL;
	int rc = run_tendo_out(db, a, out);
	CHECK(rc == 0, "tendo share: exit %d", rc);
	char *text = slurp(out, NULL);
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	const char *url = j ? json_string_value(json_object_get(j, "url")) : NULL;
	int id = j ? (int)json_integer_value(json_object_get(j, "id")) : 0;
	const char *t = url ? strrchr(url, strstr(url, "token=") ? '=' : '/') : NULL;
	snprintf(tok, toksz, "%s", t ? t + 1 : "");
	CHECK(strlen(tok) == 64, "the URL carries a 64-digit token: %s", url ? url : "(none)");
	json_decref(j);
	return id;
}

static int count_entries(const char *db)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/history.json", work);
	const char *a[] = { "history", "--json", NULL };
	if (run_tendo_out(db, a, out) != 0)
		return -1;
	char *text = slurp(out, NULL);
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	json_t *e = json_is_object(j) ? json_object_get(j, "entries") : j;
	int n = json_is_array(e) ? (int)json_array_size(e) : -1;
	json_decref(j);
	return n;
}

/* Open /s/<tok>: the cookie header into cookie; true when it worked. */
static bool open_link(const server *s, const char *tok, char *cookie, size_t cookiesz)
{
	char path[200];
	snprintf(path, sizeof(path), "/s/%s", tok);
	resp r;
	get(&r, s, path, NULL);
	char v[512];
	bool ok = r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/report") == 0 &&
	          cookie_of(&r, cookie, cookiesz);
	CHECK(ok, "the shared link opens a session and goes to the plan: %ld", r.status);
	CHECK(header(&r, "Set-Cookie", v, sizeof(v)) && strstr(v, "HttpOnly") && strstr(v, "SameSite=Strict"),
	      "its cookie as for a login");
	resp_free(&r);
	return ok;
}

static void expect_status(const server *s, const char *method, const char *path, const char *body,
                          const char *const *hdrs, long want, const char *what)
{
	resp r;
	req(&r, s, method, path, body, body ? strlen(body) : 0, hdrs);
	CHECK(r.status == want, "%s %s (%s): %ld, want %ld", method, path, what, r.status, want);
	resp_free(&r);
}

static void test_readonly(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/ro.db", work);
	init_db(db);
	char tok[100];
	const char *la[] = { "--label", "Dr <b>Jones</b>", NULL };
	make_share(db, la, tok, sizeof(tok));
	server s;
	if (server_start(&s, db, "0.0.0.0", "ro")) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	const char *hb[] = { bearer, NULL };

	/* the owner's session: its CSRF token is valid, and works for the owner */
	char login[200], owner[200] = "", ocsrf[80] = "";
	snprintf(login, sizeof(login), "/login?token=%s", token ? token : "");
	resp r;
	get(&r, &s, login, NULL);
	CHECK(cookie_of(&r, owner, sizeof(owner)), "owner login");
	resp_free(&r);
	const char *ho[] = { owner, NULL };
	get(&r, &s, "/checkin", ho);
	CHECK(r.status == 200 && csrf_of(&r, ocsrf, sizeof(ocsrf)), "owner's check-in page has a CSRF token");
	resp_free(&r);

	/* bad links: refused, no session */
	char v[512];
	const char *bad[] = { "/s/abc", "/s/0000000000000000000000000000000000000000000000000000000000000000",
		                  "/s/%27%20OR%201=1" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		get(&r, &s, bad[k], NULL);
		CHECK(r.status == 403 && !header(&r, "Set-Cookie", v, sizeof(v)), "bad link %zu: %ld", k, r.status);
		resp_free(&r);
	}
	char upper[120];
	snprintf(upper, sizeof(upper), "/s/%s", tok);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 32);
	expect_status(&s, "GET", upper, NULL, NULL, 403, "the token in upper case");

	char cookie[200];
	if (!open_link(&s, tok, cookie, sizeof(cookie))) {
		free(token);
		server_stop(&s);
		return;
	}
	const char *hc[] = { cookie, NULL };
	get(&r, &s, "/plan", hc);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<ol class=\"plan\">") && strstr(r.body, "read-only"),
	      "the plan, read-only: %ld", r.status);
	CHECK(r.body && !strstr(r.body, "name=\"csrf\"") && !strstr(r.body, "action=\"/plan/feed\""),
	      "no forms in the shared view");
	CHECK(r.body && !strstr(r.body, "href=\"/log\""), "no links to the log in the shared view");
	resp_free(&r);
	get(&r, &s, "/api/plan", hc);
	CHECK(r.status == 200 && json_is_array(jget(r.json, "days", NULL)), "api/plan: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/status", hc);
	CHECK(r.status == 200 && jstr(r.json, "athlete", "side"), "api/status: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/plan.ics", hc);
	CHECK(r.status == 200 && r.body && strncmp(r.body, "BEGIN:VCALENDAR", 15) == 0, "plan.ics: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/static/app.css", hc);
	CHECK(r.status == 200, "the stylesheet: %ld", r.status);
	resp_free(&r);

	/* everything else: 403, GETs and POSTs, with or without CSRF */
	const char *pages[] = { "/", "/today", "/checkin", "/log", "/log/run", "/log/visa", "/api/today", "/login" };
	for (size_t k = 0; k < sizeof(pages) / sizeof(pages[0]); k++)
		expect_status(&s, "GET", pages[k], NULL, hc, 403, "read-only session");
	const char *forms[] = { "/checkin", "/log/pain", "/log/run", "/log/rehab", "/log/cross", "/log/test",
		                    "/log/flag", "/log/sitting", "/log/aggravator", "/log/visa", "/today/done", "/plan/feed",
		                    "/login" };
	char body[400];
	for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		expect_status(&s, "POST", forms[k], "score=2&kind=task", hc, 403, "no CSRF");
		snprintf(body, sizeof(body), "csrf=%s&score=2&kind=task&minutes=20&part=all&token=%s", ocsrf,
		         token ? token : "");
		expect_status(&s, "POST", forms[k], body, hc, 403, "a valid CSRF token");
	}
	char xcsrf[120];
	snprintf(xcsrf, sizeof(xcsrf), "X-CSRF-Token: %s", ocsrf);
	const char *hj[] = { cookie, xcsrf, "Content-Type: application/json", NULL };
	const char *apis[] = { "/api/log/pain", "/api/log/run", "/api/log/visa", "/api/done", "/api/plan",
		                   "/api/status" };
	for (size_t k = 0; k < sizeof(apis) / sizeof(apis[0]); k++) {
		resp a;
		req(&a, &s, "POST", apis[k], "{\"kind\":\"task\",\"score\":2}", 26, hj);
		CHECK(a.status == (k < 4 ? 403 : 405), "POST %s read-only: %ld", apis[k], a.status);
		CHECK(k >= 4 || (jstr(a.json, "error", NULL) && strstr(jstr(a.json, "error", NULL), "reads only")),
		      "POST %s: the API's JSON error", apis[k]);
		resp_free(&a);
	}
	CHECK(count_entries(db) == 0, "nothing written by the shared session");
	/* the owner still writes with the same CSRF token: it was a valid one */
	snprintf(body, sizeof(body), "csrf=%s&score=2", ocsrf);
	expect_status(&s, "POST", "/checkin", body, ho, 303, "the owner");
	CHECK(count_entries(db) == 1, "the owner's check-in saved");
	/* the shared session's tab bar offers only what it may open; an entry
	 * reads, its edit and delete pages do not open */
	const char *shared[] = { "/history", "/runs", "/report", "/plan", "/entries/1" };
	for (size_t k = 0; k < sizeof(shared) / sizeof(shared[0]); k++) {
		get(&r, &s, shared[k], hc);
		CHECK(r.status == 200 && r.body && strstr(r.body, "<nav") && strstr(r.body, "href=\"/report\""),
		      "GET %s shared: %ld, with its tab bar", shared[k], r.status);
		CHECK(r.body && !strstr(r.body, "href=\"/checkin\"") && !strstr(r.body, "href=\"/log\"") &&
		          !strstr(r.body, "href=\"/import\"") && !strstr(r.body, "href=\"/today\"") &&
		          !strstr(r.body, "/entries/1/edit") && !strstr(r.body, "/entries/1/delete"),
		      "GET %s shared: no tab or link the session may not open", shared[k]);
		resp_free(&r);
	}
	get(&r, &s, "/history", hc);
	CHECK(r.body && strstr(r.body, "href=\"/history\" aria-current=\"page\""), "the current tab is marked");
	CHECK(r.body && strstr(r.body, "href=\"/entries/1\""), "the history links its entry");
	resp_free(&r);
	get(&r, &s, "/history", ho);
	CHECK(r.body && strstr(r.body, "href=\"/checkin\"") && strstr(r.body, "href=\"/import\""),
	      "the owner's tab bar has every tab");
	resp_free(&r);
	get(&r, &s, "/entries/1", ho);
	CHECK(r.body && strstr(r.body, "/entries/1/edit"), "the owner's entry page has Edit");
	resp_free(&r);
	expect_status(&s, "GET", "/entries/1/edit", NULL, hc, 403, "a shared session's edit page");
	expect_status(&s, "GET", "/entries/1/delete", NULL, hc, 403, "a shared session's delete page");
	snprintf(body, sizeof(body), "csrf=%s", ocsrf);
	expect_status(&s, "POST", "/entries/1/delete", body, hc, 403, "a shared session's delete");
	CHECK(count_entries(db) == 1, "the entry is still there");
	/* the bearer token is the owner's: it is not narrowed by a share cookie */
	const char *hcb[] = { cookie, bearer, NULL };
	expect_status(&s, "GET", "/api/today", NULL, hcb, 200, "bearer beside the share cookie");
	(void)hb;
	/* a calendar token is not a read link */
	char ctok[100];
	const char *ca[] = { "--calendar", NULL };
	make_share(db, ca, ctok, sizeof(ctok));
	snprintf(body, sizeof(body), "/s/%s", ctok);
	expect_status(&s, "GET", body, NULL, NULL, 403, "a calendar token at /s/");
	free(token);
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
}

static void set_expired(const char *db, int id)
{
	sqlite3 *h = NULL;
	char sql[200];
	snprintf(sql, sizeof(sql), "UPDATE share SET expires = '2020-01-01T00:00:00Z' WHERE id = %d", id);
	CHECK(sqlite3_open(db, &h) == SQLITE_OK && sqlite3_busy_timeout(h, 5000) == SQLITE_OK &&
	          sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK && sqlite3_changes(h) == 1,
	      "expire share %d", id);
	sqlite3_close(h);
}

static void test_revoke(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/revoke.db", work);
	init_db(db);
	char t1[100], t2[100];
	int id1 = make_share(db, NULL, t1, sizeof(t1));
	const char *da[] = { "--days", "7", NULL };
	int id2 = make_share(db, da, t2, sizeof(t2));
	server s;
	if (server_start(&s, db, "0.0.0.0", "revoke")) {
		CHECK(0, "server did not start");
		return;
	}
	char c1[200], c2[200];
	bool ok1 = open_link(&s, t1, c1, sizeof(c1)), ok2 = open_link(&s, t2, c2, sizeof(c2));
	const char *h1[] = { c1, NULL }, *h2[] = { c2, NULL };
	if (ok1 && ok2) {
		expect_status(&s, "GET", "/plan", NULL, h1, 200, "before revoke");
		expect_status(&s, "GET", "/api/plan", NULL, h2, 200, "before expiry");
		char id[20];
		snprintf(id, sizeof(id), "%d", id1);
		const char *ra[] = { "share", "--revoke", id, NULL };
		CHECK(run_tendo(db, ra, NULL) == 0, "tendo share --revoke");
		resp r;
		get(&r, &s, "/plan", h1);
		CHECK(r.status == 403 && r.body && strstr(r.body, "revoked"), "revoked: the next request refused: %ld",
		      r.status);
		resp_free(&r);
		get(&r, &s, "/api/plan", h1);
		CHECK(r.status == 403 && jstr(r.json, "error", NULL), "revoked: the API too, in JSON: %ld", r.status);
		resp_free(&r);
		expect_status(&s, "GET", "/api/plan", NULL, h2, 200, "the other share still works");
		set_expired(db, id2);
		get(&r, &s, "/plan", h2);
		CHECK(r.status == 403 && r.body && strstr(r.body, "expired"), "expired: refused: %ld", r.status);
		resp_free(&r);
	}
	char path[200];
	snprintf(path, sizeof(path), "/s/%s", t1);
	expect_status(&s, "GET", path, NULL, NULL, 403, "a revoked link does not open");
	snprintf(path, sizeof(path), "/s/%s", t2);
	expect_status(&s, "GET", path, NULL, NULL, 403, "an expired link does not open");
	const char *ra[] = { "share", "--revoke", "999", NULL };
	CHECK(run_tendo(db, ra, NULL) == 1, "revoking an unknown id: exit 1");
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
}

/* The UIDs of a calendar's VEVENTs, sorted and joined, into out; their count. */
static int event_uids(const char *ics, char *out, size_t outsz)
{
	out[0] = '\0';
	icalcomponent *c = ics ? icalparser_parse_string(ics) : NULL;
	if (!c)
		return -1;
	int n = 0;
	char *uids[400];
	for (icalcomponent *e = icalcomponent_get_first_component(c, ICAL_VEVENT_COMPONENT); e && n < 400;
	     e = icalcomponent_get_next_component(c, ICAL_VEVENT_COMPONENT))
		uids[n++] = strdup(icalcomponent_get_uid(e) ? icalcomponent_get_uid(e) : "?");
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(uids[j - 1], uids[j]) > 0; j--) {
			char *t = uids[j];
			uids[j] = uids[j - 1];
			uids[j - 1] = t;
		}
	for (int i = 0; i < n; i++) {
		size_t l = strlen(out);
		snprintf(out + l, outsz - l, "%s;", uids[i]);
		free(uids[i]);
	}
	icalcomponent_free(c);
	return n;
}

static void test_feed(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/feed.db", work);
	init_db(db);
	char ctok[100], rtok[100];
	const char *ca[] = { "--calendar", "--label", "phone", NULL };
	int cid = make_share(db, ca, ctok, sizeof(ctok));
	make_share(db, NULL, rtok, sizeof(rtok));
	char out[400];
	snprintf(out, sizeof(out), "%s/cli.ics", work);
	const char *pa[] = { "plan", "--ics", "-", NULL };
	CHECK(run_tendo_out(db, pa, out) == 0, "tendo plan --ics -");
	char *cli = slurp(out, NULL);
	static char want[20000], got[20000];
	int nwant = event_uids(cli, want, sizeof(want));
	CHECK(nwant >= 14, "the CLI's calendar has the two weeks' events: %d", nwant);
	free(cli);
	server s;
	if (server_start(&s, db, "0.0.0.0", "feed")) {
		CHECK(0, "server did not start");
		return;
	}
	char path[200], v[512];
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", ctok);
	resp r;
	get(&r, &s, path, NULL); /* no cookie, no bearer: a calendar app */
	CHECK(r.status == 200 && header(&r, "Content-Type", v, sizeof(v)) && strncmp(v, "text/calendar", 13) == 0,
	      "the feed: %ld", r.status);
	CHECK(r.body && strncmp(r.body, "BEGIN:VCALENDAR", 15) == 0, "starts with BEGIN:VCALENDAR");
	CHECK(!header(&r, "Content-Disposition", v, sizeof(v)), "the feed is not an attachment");
	CHECK(!header(&r, "Set-Cookie", v, sizeof(v)), "the feed starts no session");
	int ngot = event_uids(r.body, got, sizeof(got));
	CHECK(ngot == nwant && strcmp(got, want) == 0, "libical reads the feed: the same %d events as plan --ics (%d)",
	      ngot, nwant);
	resp_free(&r);

	expect_status(&s, "GET", "/calendar.ics", NULL, NULL, 401, "no token");
	expect_status(&s, "GET", "/calendar.ics?token=", NULL, NULL, 401, "an empty token");
	char wrong[100];
	snprintf(wrong, sizeof(wrong), "%s", ctok);
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", wrong);
	expect_status(&s, "GET", path, NULL, NULL, 403, "a wrong token");
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", rtok);
	expect_status(&s, "GET", path, NULL, NULL, 403, "a read link's token");
	char *token = read_token();
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", token ? token : "");
	expect_status(&s, "GET", path, NULL, NULL, 403, "the server's own token");
	free(token);
	/* the download is for the logged-in: off loopback, no session: the login */
	expect_status(&s, "GET", "/plan.ics", NULL, NULL, 303, "plan.ics without a session");
	char id[20];
	snprintf(id, sizeof(id), "%d", cid);
	const char *ra[] = { "share", "--revoke", id, NULL };
	CHECK(run_tendo(db, ra, NULL) == 0, "revoke the feed");
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", ctok);
	get(&r, &s, path, NULL);
	CHECK(r.status == 403 && r.body && strstr(r.body, "revoked"), "a revoked feed: %ld", r.status);
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
}

static json_t *cli_json(const char *db, const char *const *args)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/cli.json", work);
	CHECK(run_tendo_out(db, args, out) == 0, "tendo %s", args[0]);
	char *text = slurp(out, NULL);
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	return j;
}

static void test_plan(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/plan.db", work);
	init_db(db);
	const char *lp[] = { "log", "pain", "--kind", "task", "--score", "2", NULL };
	CHECK(run_tendo(db, lp, NULL) == 0, "log a morning");
	server s;
	if (server_start(&s, db, "127.0.0.1", "plan")) {
		CHECK(0, "server did not start");
		return;
	}
	const char *pa[] = { "plan", "--json", NULL };
	json_t *want = cli_json(db, pa);
	resp r;
	get(&r, &s, "/api/plan", NULL);
	CHECK(r.status == 200 && want && r.json && json_equal(want, r.json), "/api/plan is tendo plan --json: %ld",
	      r.status);
	resp_free(&r);
	const char *pa3[] = { "plan", "--json", "--weeks", "3", "--from", "2026-03-09", NULL };
	json_t *want3 = cli_json(db, pa3);
	get(&r, &s, "/api/plan?weeks=3&from=2026-03-09", NULL);
	CHECK(r.status == 200 && want3 && r.json && json_equal(want3, r.json) &&
	          json_array_size(jget(r.json, "days", NULL)) == 21,
	      "/api/plan?weeks=3&from= is plan --weeks 3 --from: %ld", r.status);
	resp_free(&r);
	json_decref(want3);
	const char *badq[] = { "/api/plan?weeks=0", "/api/plan?weeks=13", "/api/plan?weeks=2x", "/api/plan?weeks=-1" };
	for (size_t k = 0; k < sizeof(badq) / sizeof(badq[0]); k++) {
		get(&r, &s, badq[k], NULL);
		CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "weeks") == 0,
		      "%s: 400 naming weeks: %ld", badq[k], r.status);
		resp_free(&r);
	}
	get(&r, &s, "/api/plan?from=2026-02-30", NULL);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "from") == 0,
	      "an impossible from: 400 naming from: %ld", r.status);
	resp_free(&r);

	/* the page: every day of the JSON, its date, weekday and items */
	get(&r, &s, "/plan", NULL);
	CHECK(r.status == 200 && r.body, "/plan: %ld", r.status);
	json_t *days = jget(want, "days", NULL);
	size_t k;
	json_t *d;
	int shown = 0;
	json_array_foreach(days, k, d)
	{
		char line[64];
		snprintf(line, sizeof(line), "%s %s", jstr(d, "weekday", NULL) ? jstr(d, "weekday", NULL) : "?",
		         jstr(d, "date", NULL) ? jstr(d, "date", NULL) : "?");
		/* each item of the day ("a 2x8, b 4x45s") shown with its dose (and load) */
		const char *items = jstr(d, "rehab", "items");
		int want_items = items && items[0] ? 1 : 0;
		for (const char *c = items; c && *c; c++)
			want_items += *c == ',';
		const char *at = r.body ? strstr(r.body, line) : NULL;
		const char *next = at ? strstr(at + 1, "<p class=\"day\">") : NULL;
		int doses = 0;
		for (const char *t = at; t && (t = strstr(t, "&times;")) && (!next || t < next); t++)
			doses++;
		shown += at && doses == want_items;
	}
	CHECK(json_array_size(days) == 14 && shown == 14, "the page shows the 14 days of the JSON: %d", shown);
	CHECK(r.body && strstr(r.body, "href=\"/plan.ics\""), "the page links the download");
	CHECK(r.body && strstr(r.body, "Add Subscribed Calendar"), "the page says how to subscribe");
	char csrf[80] = "", cookie[200] = "";
	CHECK(csrf_of(&r, csrf, sizeof(csrf)) && cookie_of(&r, cookie, sizeof(cookie)), "the feed form has a CSRF token");
	resp_free(&r);
	expect_status(&s, "POST", "/plan/feed", "x=1", (const char *const[]){ cookie, NULL }, 403, "feed form, no CSRF");
	char body[120];
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	r = (resp){ 0 };
	req(&r, &s, "POST", "/plan/feed", body, strlen(body), (const char *const[]){ cookie, NULL });
	const char *u = r.body ? strstr(r.body, "/calendar.ics?token=") : NULL;
	CHECK(r.status == 200 && u, "the feed form shows a feed address: %ld", r.status);
	char path[200] = "";
	if (u)
		snprintf(path, sizeof(path), "%.84s", u);
	resp_free(&r);
	if (path[0]) {
		get(&r, &s, path, NULL);
		CHECK(r.status == 200 && r.body && strncmp(r.body, "BEGIN:VCALENDAR", 15) == 0, "the new feed works: %ld",
		      r.status);
		resp_free(&r);
	}
	/* on loopback too a shared link's cookie narrows the session */
	char tok[100], ro[200];
	make_share(db, NULL, tok, sizeof(tok));
	if (open_link(&s, tok, ro, sizeof(ro))) {
		const char *hr[] = { ro, NULL };
		expect_status(&s, "GET", "/plan", NULL, hr, 200, "loopback, shared");
		expect_status(&s, "GET", "/today", NULL, hr, 403, "loopback, shared");
		expect_status(&s, "POST", "/checkin", "score=1", hr, 403, "loopback, shared");
	}
	get(&r, &s, "/plan.ics", NULL);
	char v[512];
	CHECK(r.status == 200 && header(&r, "Content-Disposition", v, sizeof(v)) && strstr(v, "attachment") &&
	          strstr(v, ".ics"),
	      "plan.ics is a download: %ld", r.status);
	resp_free(&r);
	json_decref(want);
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
}

static void test_log(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/log.db", work);
	init_db(db);
	char rtok[100], ctok[100];
	make_share(db, NULL, rtok, sizeof(rtok));
	const char *ca[] = { "--calendar", NULL };
	make_share(db, ca, ctok, sizeof(ctok));
	server s;
	if (server_start(&s, db, "0.0.0.0", "log")) {
		CHECK(0, "server did not start");
		return;
	}
	char cookie[200], path[300];
	open_link(&s, rtok, cookie, sizeof(cookie));
	snprintf(path, sizeof(path), "/calendar.ics?token=%s", ctok);
	expect_status(&s, "GET", path, NULL, NULL, 200, "the feed");
	/* tokens where they do not belong, whole and in part, with escapes */
	snprintf(path, sizeof(path), "/plan/%s", rtok);
	expect_status(&s, "GET", path, NULL, NULL, 404, "a token in another path");
	snprintf(path, sizeof(path), "/s/%.40s%%15%s", rtok, rtok + 40);
	expect_status(&s, "GET", path, NULL, NULL, 403, "a token with a control byte in it");
	snprintf(path, sizeof(path), "/plan/%.40s%%15%s", rtok, rtok + 40);
	expect_status(&s, "GET", path, NULL, NULL, 404, "a token cut by a control byte in another path");
	snprintf(path, sizeof(path), "/s/%s/x", rtok);
	expect_status(&s, "GET", path, NULL, NULL, 403, "a token and more");
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
	char *log = slurp(s.err, NULL);
	CHECK(log && strstr(log, "GET /s/"), "the log has the requests");
	CHECK(log && !strstr(log, rtok), "the read link's token is not in the log");
	CHECK(log && !strstr(log, ctok), "the feed's token is not in the log");
	char part[20];
	snprintf(part, sizeof(part), "%.16s", rtok + 20);
	CHECK(log && !strstr(log, part), "no part of it either");
	snprintf(part, sizeof(part), "%.16s", rtok + 48);
	CHECK(log && !strstr(log, part), "nor the piece after a control byte");
	free(log);
}

static const harness_test tests[] = {
	{ "share_readonly", test_readonly }, { "share_revoke", test_revoke }, { "share_feed", test_feed },
	{ "share_plan", test_plan },         { "share_log", test_log },       { NULL, NULL },
};

int main(int argc, char **argv)
{
	setenv("TENDO_TODAY", TODAY, 1);
	return harness_main(argc, argv, tests);
}
