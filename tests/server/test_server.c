/*
 * test_server.c - `tendo serve` through a real HTTP client (libcurl).
 *
 *   test_server routes TENDO       every route and error on loopback: 200,
 *                                  303, 400, 403, 404, 405, 413, 415; CSRF;
 *                                  an XSS payload rendered inert; check-in
 *                                  changing /api/today; the API's writes
 *   test_server remote TENDO       bound off loopback: login by token,
 *                                  cookie, bearer, refusals; the token in
 *                                  the log only in the start-up URL
 *   test_server logkinds TENDO     the log form of every kind: saved, a
 *                                  value refused with the library's message
 *                                  next to its field (nothing written),
 *                                  CSRF refused; POST /api/log/<kind> 201,
 *                                  400, 403; XSS payloads inert
 *   test_server done TENDO         "done" on Today and POST /api/done log
 *                                  the prescribed holds; refusals
 *   test_server concurrent TENDO   200 `tendo log pain` beside 200 API
 *                                  POSTs from 4 clients at once: 400
 *                                  entries, no "locked"; a request in
 *                                  flight at SIGTERM finished
 *
 * Each starts the real binary as a child (`serve --port 0`) on a fresh
 * database in a temporary folder, reads the URL it prints, and ends it
 * with SIGTERM, which must exit 0. Every answer is checked for the
 * security headers.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <math.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "harness.h"


static void test_routes(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/routes.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "127.0.0.1", "routes")) {
		CHECK(0, "server did not start");
		return;
	}
	CHECK(strstr(s.url, "token") == NULL, "loopback URL has no token: %s", s.url);
	resp r;

	get(&r, &s, "/static/app.css", NULL);
	char v[512];
	CHECK(r.status == 200 && header(&r, "Content-Type", v, sizeof(v)) && strncmp(v, "text/css", 8) == 0,
	      "css: %ld", r.status);
	resp_free(&r);

	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 200 && json_is_true(jget(r.json, "provisional", NULL)), "api/today before check-in: %ld",
	      r.status);
	CHECK(jstr(r.json, "decision", NULL) && json_is_object(jget(r.json, "run", NULL)) &&
	          json_is_array(jget(r.json, "rules", NULL)) && json_is_boolean(jget(r.json, "training_day", NULL)),
	      "api/today has the CLI's shape");
	resp_free(&r);
	get(&r, &s, "/api/status", NULL);
	CHECK(r.status == 200 && json_is_null(jget(r.json, "morning", "today")), "api/status morning null: %ld", r.status);
	CHECK(jstr(r.json, "athlete", "side") && strcmp(jstr(r.json, "athlete", "side"), "right") == 0, "status athlete");
	resp_free(&r);

	/* the home page is the check-in before the morning score */
	get(&r, &s, "/", NULL);
	char cookie[200] = "", csrf[80] = "";
	CHECK(r.status == 200 && r.body && strstr(r.body, "name=\"score\" value=\"10\""), "check-in page: %ld", r.status);
	CHECK(cookie_of(&r, cookie, sizeof(cookie)), "a session cookie on loopback");
	CHECK(header(&r, "Set-Cookie", v, sizeof(v)) && strstr(v, "HttpOnly") && strstr(v, "SameSite=Strict"),
	      "cookie HttpOnly SameSite=Strict: %s", v);
	CHECK(csrf_of(&r, csrf, sizeof(csrf)), "check-in form has a CSRF token");
	CHECK(r.body && !strstr(r.body, "<script") && !strstr(r.body, " style="), "no script, no inline style");
	resp_free(&r);
	const char *with_cookie[] = { cookie, NULL };
	/* another session's token */
	get(&r, &s, "/checkin", NULL);
	char other[80] = "";
	CHECK(r.status == 200 && csrf_of(&r, other, sizeof(other)) && strcmp(other, csrf) != 0, "second session");
	resp_free(&r);

	char body[600];
	/* forged posts */
	post(&r, &s, "/checkin", "score=3", NULL);
	CHECK(r.status == 403, "check-in without cookie or token: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/checkin", "score=3", with_cookie);
	CHECK(r.status == 403, "check-in without CSRF token: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&score=3", other);
	post(&r, &s, "/checkin", body, with_cookie);
	CHECK(r.status == 403, "check-in with another session's token: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&score=3", csrf);
	post(&r, &s, "/checkin", body, NULL);
	CHECK(r.status == 403, "check-in with a token and no cookie: %ld", r.status);
	resp_free(&r);
	const char *plain[] = { cookie, "Content-Type: text/plain", NULL };
	post(&r, &s, "/checkin", body, plain);
	CHECK(r.status == 415, "check-in as text/plain: %ld", r.status);
	resp_free(&r);
	/* malformed bodies */
	const char *bad[] = { "csrf=%zz&score=1", "%", "score=%4", "a=%00", "&&&&", "=", "csrf" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		post(&r, &s, "/checkin", bad[k], with_cookie);
		CHECK(r.status == 400 || r.status == 403, "malformed form '%s': %ld", bad[k], r.status);
		resp_free(&r);
	}
	snprintf(body, sizeof(body), "csrf=%s&score=eleven", csrf);
	post(&r, &s, "/checkin", body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "score must be a whole number 0-10"), "check-in bad score: %ld",
	      r.status);
	resp_free(&r);

	/* the check-in: 303 to today, and the morning signal changes */
	snprintf(body, sizeof(body), "csrf=%s&rest=1&score=4", csrf);
	post(&r, &s, "/checkin", body, with_cookie);
	CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/today") == 0, "check-in: %ld",
	      r.status);
	resp_free(&r);
	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 200 && json_is_false(jget(r.json, "provisional", NULL)), "api/today after check-in");
	resp_free(&r);
	get(&r, &s, "/api/status", NULL);
	CHECK(json_integer_value(jget(r.json, "morning", "today")) == 4 && json_is_true(jget(r.json, "morning", "is_task")),
	      "api/status morning today 4 (task)");
	CHECK(json_integer_value(jget(r.json, "entries", "pain")) == 2, "task and rest pain stored");
	resp_free(&r);
	get(&r, &s, "/", with_cookie);
	CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/today") == 0,
	      "home after check-in goes to today: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/checkin", with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "score is in already (4/10)"), "check-in again says it replaces");
	resp_free(&r);
	get(&r, &s, "/today", with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<details>") && strstr(r.body, "pain.morning") &&
	          strstr(r.body, "<h2>Avoid</h2>"),
	      "today page: %ld", r.status);
	resp_free(&r);

	/* 404, 405 */
	req(&r, &s, "HEAD", "/today", NULL, 0, with_cookie);
	CHECK(r.status == 200 && r.len == 0, "HEAD /today: %ld, %zu bytes", r.status, r.len);
	resp_free(&r);
	get(&r, &s, "/nope", NULL);
	CHECK(r.status == 404 && r.body && strstr(r.body, "<html"), "404 page: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/static/", NULL);
	CHECK(r.status == 404, "no directory listing: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/nope", NULL);
	CHECK(r.status == 404 && jstr(r.json, "error", NULL), "404 JSON: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "DELETE", "/today", NULL, 0, NULL);
	CHECK(r.status == 405 && header(&r, "Allow", v, sizeof(v)) && strstr(v, "GET"), "DELETE /today: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/today", "{}", NULL);
	CHECK(r.status == 405 && jstr(r.json, "error", NULL), "POST /api/today: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/log/pain", NULL);
	CHECK(r.status == 405, "GET /log/pain: %ld", r.status);
	resp_free(&r);

	/* the log form: the library's message next to the field, 400 */
	get(&r, &s, "/log", with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "action=\"/log/pain\""), "log page: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&kind=rest&score=11", csrf);
	post(&r, &s, "/log/pain", body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "id=\"score-err\"") &&
	          strstr(r.body, "score must be 0-10 (got 11)") && strstr(r.body, "aria-invalid=\"true\""),
	      "log pain score 11: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&kind=bogus&score=1", csrf);
	post(&r, &s, "/log/pain", body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "id=\"kind-err\"") && strstr(r.body, "kind must be"),
	      "log pain bad kind: %ld", r.status);
	resp_free(&r);

	/* an XSS payload in a note is shown as text */
	snprintf(body, sizeof(body),
	         "csrf=%s&kind=sitting&score=2&note=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E%%22%%3E%%3Cimg+src%%3Dx+"
	         "onerror%%3Dalert(2)%%3E",
	         csrf);
	post(&r, &s, "/log/pain", body, with_cookie);
	CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/log") == 0, "log pain: %ld",
	      r.status);
	resp_free(&r);
	get(&r, &s, "/log", with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"),
	      "note escaped");
	CHECK(r.body && !strstr(r.body, "<script") && !strstr(r.body, "<img"), "no live markup from the note");
	resp_free(&r);

	/* the API's writes */
	char *token = read_token();
	CHECK(token && strlen(token) == 64, "token file of 64 hex digits");
	char bearer[120], wrong[120], xcsrf[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	snprintf(wrong, sizeof(wrong), "Authorization: Bearer %064d", 7);
	snprintf(xcsrf, sizeof(xcsrf), "X-CSRF-Token: %s", csrf);
	const char *api_bearer[] = { bearer, "Content-Type: application/json", NULL };
	const char *api_wrong[] = { wrong, "Content-Type: application/json", NULL };
	const char *api_cookie[] = { cookie, "Content-Type: application/json", NULL };
	const char *api_cookie_csrf[] = { cookie, xcsrf, "Content-Type: application/json", NULL };
	const char *api_text[] = { bearer, "Content-Type: text/plain", NULL };
	const char *api_json[] = { "Content-Type: application/json", NULL };
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", api_json);
	CHECK(r.status == 403, "API write with no credential: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", api_wrong);
	CHECK(r.status == 403, "API write with a wrong token: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", api_cookie);
	CHECK(r.status == 403, "API write with a cookie and no X-CSRF-Token: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", api_cookie_csrf);
	CHECK(r.status == 201 && json_integer_value(jget(r.json, "id", NULL)) > 0, "API write with cookie + CSRF: %ld",
	      r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":2,\"sharp\":true,\"note\":\"<b>x</b>\"}", api_bearer);
	CHECK(r.status == 201 && json_integer_value(jget(r.json, "id", NULL)) > 0 && jstr(r.json, "type", NULL) &&
	          strcmp(jstr(r.json, "type", NULL), "pain") == 0 && jstr(r.json, "kind", NULL) &&
	          strcmp(jstr(r.json, "kind", NULL), "rest") == 0 && jstr(r.json, "note", NULL) &&
	          strcmp(jstr(r.json, "note", NULL), "<b>x</b>") == 0 && jstr(r.json, "date", NULL),
	      "API write with bearer: the entry as history --json shows it: %ld %s", r.status, r.body ? r.body : "");
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":11}", api_bearer);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "score") == 0 &&
	          strstr(jstr(r.json, "error", NULL), "score must be 0-10 (got 11)"),
	      "API score 11: %ld %s", r.status, r.body ? r.body : "");
	resp_free(&r);
	post(&r, &s, "/api/log/pain", "{\"kind\":\"elbow\",\"score\":1}", api_bearer);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "kind") == 0,
	      "API bad kind: %ld", r.status);
	resp_free(&r);
	const char *bad_json[] = { "{", "[]", "{\"kind\":\"rest\"}", "{\"kind\":\"rest\",\"score\":\"3\"}",
		                       "{\"kind\":\"rest\",\"score\":1,\"extra\":1}", "{\"kind\":\"rest\",\"kind\":\"rest\"}",
		                       "{\"kind\":\"rest\",\"score\":1e99}", "", "\xff\xfe" };
	for (size_t k = 0; k < sizeof(bad_json) / sizeof(bad_json[0]); k++) {
		post(&r, &s, "/api/log/pain", bad_json[k], api_bearer);
		CHECK(r.status == 400 && jstr(r.json, "error", NULL), "bad JSON '%s': %ld", bad_json[k], r.status);
		resp_free(&r);
	}
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", api_text);
	CHECK(r.status == 415, "API write as text/plain: %ld", r.status);
	resp_free(&r);

	/* limits: a body over 64 KiB, a huge header */
	size_t big = 100 * 1024;
	char *huge = malloc(big + 1);
	memset(huge, 'a', big);
	huge[big] = '\0';
	req(&r, &s, "POST", "/log/pain", huge, big, with_cookie);
	CHECK(r.status == 413, "100 KB form: %ld", r.status);
	resp_free(&r);
	req(&r, &s, "POST", "/api/log/pain", huge, big, api_bearer);
	CHECK(r.status == 413 && jstr(r.json, "error", NULL), "100 KB JSON: %ld", r.status);
	resp_free(&r);
	/* no Content-Length: counted as it comes */
	const char *chunked[] = { bearer, "Content-Type: application/json", "Transfer-Encoding: chunked", NULL };
	req(&r, &s, "POST", "/api/log/pain", huge, big, chunked);
	CHECK(r.status == 413 && jstr(r.json, "error", NULL), "100 KB chunked: %ld", r.status);
	resp_free(&r);
	char *hh = malloc(40 * 1024 + 20);
	snprintf(hh, 20, "X-Junk: ");
	memset(hh + 8, 'b', 40 * 1024);
	hh[8 + 40 * 1024] = '\0';
	const char *huge_hdr[] = { hh, NULL };
	mhd_own_answer = true;
	req(&r, &s, "GET", "/today", NULL, 0, huge_hdr);
	mhd_own_answer = false;
	CHECK(r.status == -1 || r.status == 431 || r.status == 413 || r.status == 400, "40 KB header: %ld", r.status);
	resp_free(&r);
	free(hh);
	free(huge);
	get(&r, &s, "/static/app.css", NULL);
	CHECK(r.status == 200, "still serving after the huge header: %ld", r.status);
	resp_free(&r);

	/* DNS rebinding: a foreign Host on loopback */
	const char *evil[] = { "Host: evil.example:80", NULL };
	get(&r, &s, "/api/today", evil);
	CHECK(r.status == 403, "foreign Host on loopback: %ld", r.status);
	resp_free(&r);

	CHECK(server_stop(&s) == 0, "SIGTERM: exit 0");
	size_t n;
	char *out = slurp(s.out, &n), *err = slurp(s.err, &n);
	CHECK(err && strstr(err, "stopped; database closed"), "stop message");
	CHECK(err && strstr(err, "POST /checkin 303"), "access log");
	CHECK(token && out && err && !strstr(out, token) && !strstr(err, token), "token never in the log on loopback");
	free(out);
	free(err);
	free(token);
}

/* --------------------------------------------------------------- remote */

static void test_remote(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/remote.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "0.0.0.0", "remote")) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	CHECK(token && strlen(token) == 64 && strcmp(s.token, token) == 0, "URL carries the token");
	char path[400];
	struct stat st;
	snprintf(path, sizeof(path), "%s/config/tendo/serve-token", work);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "token file mode 0600");
	resp r;
	char v[512];

	get(&r, &s, "/today", NULL);
	CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/login") == 0, "no login: %ld",
	      r.status);
	resp_free(&r);
	get(&r, &s, "/", NULL);
	CHECK(r.status == 303 && !header(&r, "Set-Cookie", v, sizeof(v)), "no session off loopback without login");
	resp_free(&r);
	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 401 && header(&r, "WWW-Authenticate", v, sizeof(v)), "API without token: %ld", r.status);
	resp_free(&r);
	char bearer[120], wrong[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	snprintf(wrong, sizeof(wrong), "Authorization: Bearer %.63s0", token ? token : "");
	if (token && token[63] == '0')
		wrong[strlen(wrong) - 1] = '1';
	const char *hb[] = { bearer, NULL }, *hw[] = { wrong, NULL };
	get(&r, &s, "/api/today", hw);
	CHECK(r.status == 401, "API with a wrong token: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/today", hb);
	CHECK(r.status == 200 && r.json, "API with the token: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/checkin", "score=3", NULL);
	CHECK(r.status == 401, "form post without login: %ld", r.status);
	resp_free(&r);

	get(&r, &s, "/login", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "name=\"token\""), "login page: %ld", r.status);
	resp_free(&r);
	char q[200];
	snprintf(q, sizeof(q), "/login?token=%s", wrong + strlen("Authorization: Bearer "));
	get(&r, &s, q, NULL);
	CHECK(r.status == 401 && !header(&r, "Set-Cookie", v, sizeof(v)), "login with a wrong token: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/login?token=", NULL);
	CHECK(r.status == 401, "login with an empty token: %ld", r.status);
	resp_free(&r);
	snprintf(q, sizeof(q), "/login?token=%s", token ? token : "");
	get(&r, &s, q, NULL);
	char cookie[200] = "";
	CHECK(r.status == 303 && cookie_of(&r, cookie, sizeof(cookie)), "login: %ld", r.status);
	CHECK(header(&r, "Set-Cookie", v, sizeof(v)) && strstr(v, "HttpOnly") && strstr(v, "SameSite=Strict"),
	      "login cookie HttpOnly SameSite=Strict");
	resp_free(&r);
	const char *hc[] = { cookie, NULL };
	get(&r, &s, "/", hc);
	char csrf[80] = "";
	CHECK(r.status == 200 && csrf_of(&r, csrf, sizeof(csrf)), "check-in after login: %ld", r.status);
	resp_free(&r);
	/* the form login too */
	char body[200];
	snprintf(body, sizeof(body), "token=%s", token ? token : "");
	post(&r, &s, "/login", body, NULL);
	char cookie2[200] = "";
	CHECK(r.status == 303 && cookie_of(&r, cookie2, sizeof(cookie2)) && strcmp(cookie, cookie2) != 0,
	      "form login: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/login", "token=nope", NULL);
	CHECK(r.status == 401, "form login with a wrong token: %ld", r.status);
	resp_free(&r);
	/* a cross-site form carries the cookie (if the browser sends it) but not the token */
	post(&r, &s, "/checkin", "score=0", hc);
	CHECK(r.status == 403, "forged check-in: %ld", r.status);
	resp_free(&r);
	const char *hc2[] = { cookie2, NULL };
	snprintf(body, sizeof(body), "csrf=%s&score=2", csrf);
	post(&r, &s, "/checkin", body, hc2);
	CHECK(r.status == 403, "another session's CSRF token: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/checkin", body, hc);
	CHECK(r.status == 303, "check-in after login: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/status", hc);
	CHECK(r.status == 200 && json_integer_value(jget(r.json, "morning", "today")) == 2, "status by cookie");
	resp_free(&r);
	const char *bogus_cookie[] = { "Cookie: tendo_session=0000000000000000000000000000000000000000000000000000000000000000", NULL };
	get(&r, &s, "/api/status", bogus_cookie);
	CHECK(r.status == 401, "made-up session: %ld", r.status);
	resp_free(&r);
	/* the token typed into a path by mistake is not logged either */
	snprintf(q, sizeof(q), "/%s", token ? token : "");
	get(&r, &s, q, hc);
	CHECK(r.status == 404, "token as a path: %ld", r.status);
	resp_free(&r);

	CHECK(server_stop(&s) == 0, "SIGTERM: exit 0");
	char *out = slurp(s.out, NULL), *err = slurp(s.err, NULL);
	int seen = 0;
	for (const char *p = out; token && p && (p = strstr(p, token)); p++)
		seen++;
	CHECK(seen == 1 && out && strncmp(out, "tendo serve: http://", 20) == 0, "token once in stdout, in the URL (%d)",
	      seen);
	CHECK(token && err && !strstr(err, token), "token never in the access log");
	CHECK(err && strstr(err, "GET /login 303") && !strstr(err, "token="), "login logged without its query");
	free(out);
	free(err);
	free(token);
}

/* A request in flight when SIGTERM comes: its headers and half its body
 * sent, then the signal, then the rest. It must be answered in full (201)
 * and written, and the server must then exit 0. */
static void inflight_at_sigterm(server *s, const char *token)
{
	int port = atoi(strrchr(s->base, ':') + 1);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	CHECK(fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0, "connect");
	const char *body = "{\"kind\":\"sitting\",\"score\":5}";
	char head[400];
	int n = snprintf(head, sizeof(head),
	                 "POST /api/log/pain HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
	                 "Content-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%.10s",
	                 port, token, strlen(body), body);
	CHECK(write(fd, head, (size_t)n) == n, "send the first half");
	usleep(300 * 1000);
	kill(s->pid, SIGTERM);
	usleep(300 * 1000);
	int st;
	CHECK(waitpid(s->pid, &st, WNOHANG) == 0, "still running while a request is in flight");
	size_t rest = strlen(body) - 10;
	CHECK(write(fd, body + 10, rest) == (ssize_t)rest, "send the rest");
	char answer[2048];
	size_t got = 0;
	ssize_t k;
	while (got < sizeof(answer) - 1 && (k = read(fd, answer + got, sizeof(answer) - 1 - got)) > 0)
		got += (size_t)k;
	answer[got] = '\0';
	close(fd);
	CHECK(strncmp(answer, "HTTP/1.1 201", 12) == 0 && strstr(answer, "\"id\""), "in-flight request answered: %.60s",
	      answer);
	int rc = -1;
	for (int i = 0; i < 300 && rc < 0; i++) {
		if (waitpid(s->pid, &st, WNOHANG) == s->pid)
			rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		else
			usleep(50 * 1000);
	}
	s->pid = 0;
	CHECK(rc == 0, "exit 0 after finishing it (%d)", rc);
}

/* ----------------------------------------------------------- concurrent */

#define EACH 200

#define API_CLIENTS 4

typedef struct {
	const server *s;
	const char *bearer;
	int n;          /* POSTs to make */
	int created;    /* answered 201 */
} api_client;

static void *api_writer(void *u)
{
	api_client *a = u;
	const char *h[] = { a->bearer, "Content-Type: application/json", NULL };
	for (int k = 0; k < a->n; k++) {
		resp r;
		char body[64];
		snprintf(body, sizeof(body), "{\"kind\":\"rest\",\"score\":%d}", k % 11);
		post(&r, a->s, "/api/log/pain", body, h);
		if (r.status == 201)
			a->created++;
		else if (a->created + 5 > k)
			fprintf(stderr, "API POST %d: %ld %s\n", k, r.status, r.body ? r.body : "");
		resp_free(&r);
	}
	return NULL;
}

static void test_concurrent(void)
{
	char db[300], cli_err[300];
	snprintf(db, sizeof(db), "%s/conc.db", work);
	snprintf(cli_err, sizeof(cli_err), "%s/cli.err", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "127.0.0.1", "conc")) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	pid_t writer = fork();
	if (writer == 0) {
		int bad = 0;
		const char *args[] = { "log", "pain", "--kind", "rest", "--score", "1", NULL };
		for (int k = 0; k < EACH; k++)
			bad += run_tendo(db, args, cli_err) != 0;
		_exit(bad > 100 ? 100 : bad);
	}
	/* the API's writes from API_CLIENTS clients at once, beside the CLI's */
	pthread_t th[API_CLIENTS];
	api_client cl[API_CLIENTS];
	for (int k = 0; k < API_CLIENTS; k++) {
		cl[k] = (api_client){ .s = &s, .bearer = bearer, .n = EACH / API_CLIENTS, .created = 0 };
		CHECK(pthread_create(&th[k], NULL, api_writer, &cl[k]) == 0, "client thread");
	}
	int created = 0;
	for (int k = 0; k < API_CLIENTS; k++) {
		pthread_join(th[k], NULL);
		created += cl[k].created;
	}
	int st = 0;
	waitpid(writer, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "every CLI write succeeded (%d failed)",
	      WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(created == EACH, "every API write answered 201 (%d)", created);
	resp r;
	get(&r, &s, "/api/status", NULL);
	json_int_t n = json_integer_value(jget(r.json, "entries", "pain"));
	CHECK(n == 2 * EACH, "%d entries, none lost (got %lld)", 2 * EACH, (long long)n);
	resp_free(&r);
	char *err = slurp(cli_err, NULL);
	CHECK(!err || !strstr(err, "locked"), "no 'database is locked': %s", err ? err : "");
	free(err);
	inflight_at_sigterm(&s, token ? token : "");
	/* the request finished in flight was written: read by the CLI */
	char out[300];
	snprintf(out, sizeof(out), "%s/status.json", work);
	const char *args[] = { "status", "--json", NULL };
	CHECK(run_tendo_out(db, args, out) == 0, "tendo status after the server stopped");
	json_t *j = json_load_file(out, 0, NULL);
	CHECK(json_integer_value(jget(j, "entries", "pain")) == 2 * EACH + 1, "the in-flight write is there (%lld)",
	      (long long)json_integer_value(jget(j, "entries", "pain")));
	json_decref(j);
	err = slurp(s.err, NULL);
	CHECK(err && !strstr(err, "locked") && !strstr(err, " 503"), "server never busy");
	free(err);
	free(token);
}

/* ------------------------------------------------------------- logkinds */

/* Every entry in the log, from /api/status's counts. */
static long entries(const server *s)
{
	resp r;
	get(&r, s, "/api/status", NULL);
	long n = -1;
	json_t *c = jget(r.json, "entries", NULL);
	if (r.status == 200 && json_is_object(c)) {
		const char *k;
		json_t *v;
		n = 0;
		json_object_foreach(c, k, v)
			n += (long)json_integer_value(v);
	}
	resp_free(&r);
	return n;
}

/* The answer of an API write is the entry as `tendo history --json` shows
 * it (the shape `tendo log <kind> --json` prints): every member of that
 * entry, with the same value. */
static bool same_as_history(const char *db, json_t *answer)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/history.json", work);
	const char *args[] = { "history", "--json", NULL };
	if (run_tendo_out(db, args, out) != 0)
		return false;
	json_t *all = json_load_file(out, 0, NULL), *v;
	json_int_t id = json_integer_value(json_object_get(answer, "id"));
	bool same = false;
	size_t k;
	json_array_foreach(all, k, v)
	{
		if (json_integer_value(json_object_get(v, "id")) != id)
			continue;
		same = true;
		const char *key;
		json_t *x;
		json_object_foreach(v, key, x)
			if (!json_equal(x, json_object_get(answer, key))) {
				fprintf(stderr, "the answer's %s differs from history --json's\n", key);
				same = false;
			}
	}
	json_decref(all);
	return same;
}

/* Every input, select and textarea of a page has a label (for= its id, or
 * a wrapping label.check), and nothing runs or styles inline. */
static void labelled(const resp *r, const char *what)
{
	CHECK(r->body && !strstr(r->body, "<script") && !strstr(r->body, " style="), "%s: no script, no inline style", what);
	for (const char *p = r->body ? strstr(r->body, " id=\"f-") : NULL; p; p = strstr(p + 1, " id=\"f-")) {
		char id[64], want[80];
		size_t n = strcspn(p + 5, "\"");
		snprintf(id, sizeof(id), "%.*s", (int)(n < 60 ? n : 60), p + 5);
		snprintf(want, sizeof(want), "for=\"%s\"", id);
		CHECK(strstr(r->body, want) != NULL, "%s: %s has a label", what, id);
	}
}

typedef struct {
	const char *kind;
	const char *ok;          /* a form that saves */
	const char *bad;         /* one that does not */
	const char *field;       /* the field its message names */
	const char *msg;         /* the start of the message */
	const char *api_ok, *api_bad;
} kind_case;

static const kind_case cases[] = {
	{ "run", "minutes=30&km=5&terrain=hilly&intent=easy&walk_breaks=1&rpe=4&pain_during=2&pain_after=1&sharp=1&time=07%3A30",
	  "minutes=30&km=5&pain_during=11", "pain_during", "pain_during must be 0-10 (got 11)",
	  "{\"minutes\":25.5,\"km\":4,\"terrain\":\"trail\",\"walk_breaks\":true,\"rpe\":3,\"time\":\"18:05\"}",
	  "{\"minutes\":30,\"rpe\":12}" },
	{ "rehab", "exercise=iso-bridge&sets=3&hold_s=45&side=left&rpe=3&pain_during=1", "exercise=iso-bridge&sets=30&hold_s=45",
	  "sets", "sets must be", "{\"exercise\":\"iso-curl\",\"sets\":5,\"hold_s\":30,\"kg\":2.5,\"side\":\"right\"}",
	  "{\"exercise\":\"iso-curl\",\"sets\":5,\"reps\":8,\"hold_s\":30}" },
	{ "cross", "kind=cycle&minutes=40&pain_during=0&time=&date=", "kind=cycle&minutes=0", "minutes", "minutes must be",
	  "{\"kind\":\"swim\",\"minutes\":20}", "{\"kind\":\"skiing\",\"minutes\":20}" },
	{ "test", "drop_lunge_pain=2&bridge_left=20&bridge_right=22&curl_left=&curl_right=", "bridge_left=20", "bridge_left",
	  "bridge_left and bridge_right go together", "{\"curl_left\":12.5,\"curl_right\":14,\"rest_pain\":0}",
	  "{\"rest_pain\":-1}" },
	{ "flag", "kind=tingling", "kind=volcano", "kind", "kind must be", "{\"kind\":\"cleared\"}", "{\"kind\":3}" },
	{ "sitting", "hours=3", "hours=25", "hours", "hours must be", "{\"hours\":1.5}", "{\"hours\":\"three\"}" },
	{ "aggravator", "kind=driving&hours=2", "kind=stretching&hours=2", "hours", "hours is for sitting and driving",
	  "{\"kind\":\"hip-flexion\"}", "{\"kind\":\"sitting\"}" },
	{ "visa", "item1=5&item2=6&item3=7&item4=8&item5=9&item6=10&item7=4&item8=20",
	  "item1=5&item2=6&item3=7&item4=8&item5=9&item6=10&item7=5&item8=20", "item7",
	  "VISA-H item 7 must be 0, 4, 7 or 10 (got 5)",
	  "{\"item1\":1,\"item2\":2,\"item3\":3,\"item4\":4,\"item5\":5,\"item6\":6,\"item7\":7,\"item8\":30}",
	  "{\"item1\":1,\"item2\":2,\"item3\":3,\"item4\":4,\"item5\":5,\"item6\":6,\"item7\":7,\"item8\":31}" },
};

/* "done" on Today; /api/done on a second database. */
static void test_done(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/done.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "127.0.0.1", "done")) {
		CHECK(0, "server did not start");
		return;
	}
	resp r;
	char cookie[200] = "", csrf[80] = "", body[400];
	get(&r, &s, "/today", NULL);
	CHECK(r.status == 200 && cookie_of(&r, cookie, sizeof(cookie)) && csrf_of(&r, csrf, sizeof(csrf)), "today: %ld",
	      r.status);
	CHECK(r.body && strstr(r.body, "action=\"/today/done\"") && strstr(r.body, "name=\"part\" value=\"rehab\""),
	      "today has a done form for the holds");
	CHECK(r.body && strstr(r.body, "href=\"/log/rehab?exercise=iso-bridge&amp;sets="), "done differently link");
	labelled(&r, "today");
	resp_free(&r);
	const char *with_cookie[] = { cookie, NULL };
	/* done differently: the form prefilled */
	get(&r, &s, "/log/rehab?exercise=iso-bridge&sets=5&hold_s=30", with_cookie);
	CHECK(r.status == 200 && r.body && strstr(r.body, "value=\"iso-bridge\" selected") &&
	          strstr(r.body, "name=\"sets\" required type=\"number\"") && strstr(r.body, "value=\"5\"") &&
	          strstr(r.body, "value=\"30\""),
	      "rehab form prefilled: %ld", r.status);
	resp_free(&r);
	long before = entries(&s);
	post(&r, &s, "/today/done", "part=rehab&rpe=3", with_cookie);
	CHECK(r.status == 403, "done without CSRF: %ld", r.status);
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&part=rehab&pain_during=11", csrf);
	post(&r, &s, "/today/done", body, with_cookie);
	CHECK(r.status == 400 && r.body && strstr(r.body, "pain_during must be 0-10"), "done, pain 11: %ld", r.status);
	resp_free(&r);
	CHECK(entries(&s) == before, "nothing written by refused dones");
	snprintf(body, sizeof(body), "csrf=%s&part=rehab&pain_during=1&rpe=3", csrf);
	post(&r, &s, "/today/done", body, with_cookie);
	char v[300];
	CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/today") == 0, "done: %ld", r.status);
	resp_free(&r);
	CHECK(entries(&s) == before + 2, "done logged both holds: %ld -> %ld", before, entries(&s));
	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 200 && json_is_true(jget(r.json, "done", "holds")), "api/today shows the holds done");
	resp_free(&r);
	get(&r, &s, "/today", with_cookie);
	CHECK(r.status == 200 && r.body && !strstr(r.body, "name=\"part\" value=\"rehab\""), "no done form once done");
	resp_free(&r);
	post(&r, &s, "/today/done", body, with_cookie);
	CHECK(r.status == 409 && r.body && strstr(r.body, "already logged"), "done twice: %ld", r.status);
	resp_free(&r);
	/* the API: a JSON write needs the bearer token or the CSRF header */
	char *token = read_token();
	char bearer[200];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	const char *api[] = { bearer, "Content-Type: application/json", NULL };
	const char *cookie_only[] = { cookie, "Content-Type: application/json", NULL };
	post(&r, &s, "/api/done", "{}", cookie_only);
	CHECK(r.status == 403, "api done without CSRF header: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/done", "{\"rpe\":11}", api);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "rpe") == 0,
	      "api done rpe 11: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/done", "{\"part\":\"rehab\"}", api);
	CHECK(r.status == 409 && jstr(r.json, "error", NULL) && strstr(jstr(r.json, "error", NULL), "already logged"),
	      "api done twice: %ld", r.status);
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "server exits 0");

	/* a fresh day on a second database: POST /api/done logs it */
	snprintf(db, sizeof(db), "%s/done2.db", work);
	init_db(db);
	if (server_start(&s, db, "127.0.0.1", "done2")) {
		CHECK(0, "server did not start");
		free(token);
		return;
	}
	post(&r, &s, "/api/done", "{\"pain_during\":1,\"pain_after\":2,\"rpe\":4}", api);
	json_t *logged = jget(r.json, "logged", NULL);
	CHECK(r.status == 201 && json_array_size(logged) == 3 && jstr(r.json, "decision", NULL),
	      "api done: %ld, %zu logged", r.status, json_array_size(logged));
	resp_free(&r);
	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 200 && json_is_true(jget(r.json, "done", "holds")), "api/today done after api done");
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "server exits 0");

	/* a run day (return_to_run, the readiness test passed): the run's done */
	snprintf(db, sizeof(db), "%s/done3.db", work);
	char start[16];
	time_t then = time(NULL) - 3 * 86400;
	struct tm tm;
	strftime(start, sizeof(start), "%Y-%m-%d", gmtime_r(&then, &tm));
	const char *init[] = { "init", "--side", "right", "--tz", "Europe/London", "--stage", "return_to_run", "--run-step",
		                   "20", "--date", start, NULL };
	const char *test[] = { "log", "test", "--drop-lunge-pain", "0", "--bridge-reps-left", "25", "--bridge-reps-right",
		                   "25", "--curl-10rm-left", "20", "--curl-10rm-right", "20", "--rest-pain", "0", "--date",
		                   start, NULL };
	const char *task[] = { "log", "pain", "--kind", "task", "--score", "1", NULL };
	CHECK(run_tendo(db, init, NULL) == 0 && run_tendo(db, test, NULL) == 0 && run_tendo(db, task, NULL) == 0,
	      "a return-to-run athlete");
	if (server_start(&s, db, "127.0.0.1", "done3")) {
		CHECK(0, "server did not start");
		free(token);
		return;
	}
	get(&r, &s, "/today", NULL);
	CHECK(r.status == 200 && cookie_of(&r, cookie, sizeof(cookie)) && csrf_of(&r, csrf, sizeof(csrf)), "today: %ld",
	      r.status);
	CHECK(r.body && strstr(r.body, "name=\"part\" value=\"run\"") &&
	          strstr(r.body, "href=\"/log/run?minutes=20&amp;terrain=flat"),
	      "a done form and a done-differently link under the run");
	resp_free(&r);
	before = entries(&s);
	snprintf(body, sizeof(body), "csrf=%s&part=run&pain_during=1&pain_after=2&rpe=3", csrf);
	post(&r, &s, "/today/done", body, with_cookie);
	CHECK(r.status == 303, "run done: %ld %s", r.status, r.body ? r.body : "");
	resp_free(&r);
	CHECK(entries(&s) == before + 1, "the run logged, nothing else");
	get(&r, &s, "/api/today", NULL);
	CHECK(r.status == 200 && json_is_true(jget(r.json, "done", "run")) &&
	          json_real_value(jget(r.json, "done", "run_min")) == 20,
	      "api/today shows the run done");
	resp_free(&r);
	get(&r, &s, "/today", with_cookie);
	CHECK(r.status == 200 && r.body && !strstr(r.body, "name=\"part\" value=\"run\""), "no run done form once done");
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "server exits 0");
	free(token);
}

static void test_logkinds(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/logkinds.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "127.0.0.1", "logkinds")) {
		CHECK(0, "server did not start");
		return;
	}
	resp r;
	char cookie[200] = "", csrf[80] = "", body[800], v[300];
	get(&r, &s, "/log", NULL);
	CHECK(r.status == 200 && cookie_of(&r, cookie, sizeof(cookie)) && csrf_of(&r, csrf, sizeof(csrf)), "log: %ld",
	      r.status);
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char href[80];
		snprintf(href, sizeof(href), "href=\"/log/%s\"", cases[k].kind);
		CHECK(r.body && strstr(r.body, href), "/log links to /log/%s", cases[k].kind);
	}
	resp_free(&r);
	const char *with_cookie[] = { cookie, NULL };
	char *token = read_token();
	char bearer[200], csrf_h[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	snprintf(csrf_h, sizeof(csrf_h), "X-CSRF-Token: %s", csrf);
	const char *api[] = { bearer, "Content-Type: application/json", NULL };
	const char *api_cookie[] = { cookie, csrf_h, "Content-Type: application/json", NULL };
	const char *cookie_only[] = { cookie, "Content-Type: application/json", NULL };

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		const kind_case *c = &cases[k];
		char path[64], apipath[64];
		snprintf(path, sizeof(path), "/log/%s", c->kind);
		snprintf(apipath, sizeof(apipath), "/api/log/%s", c->kind);
		get(&r, &s, path, with_cookie);
		CHECK(r.status == 200 && r.body && strstr(r.body, "action=\"/log/") && strstr(r.body, "name=\"csrf\""),
		      "%s form: %ld", path, r.status);
		labelled(&r, path);
		resp_free(&r);

		long n0 = entries(&s);
		/* refused: no CSRF token, another's; the library's message next to the field */
		post(&r, &s, path, c->ok, with_cookie);
		CHECK(r.status == 403, "%s without CSRF: %ld", path, r.status);
		resp_free(&r);
		snprintf(body, sizeof(body), "csrf=%s&%s", csrf, c->bad);
		post(&r, &s, path, body, with_cookie);
		char err_id[80];
		snprintf(err_id, sizeof(err_id), "id=\"%s-err\"", c->field);
		const char *e = r.body ? strstr(r.body, err_id) : NULL;
		CHECK(r.status == 400 && e && strstr(e, c->msg), "%s bad: %ld, '%s' next to %s", path, r.status, c->msg,
		      c->field);
		snprintf(err_id, sizeof(err_id), "aria-describedby=\"%s-err\"", c->field);
		CHECK(r.body && strstr(r.body, err_id) && strstr(r.body, "aria-invalid=\"true\""), "%s bad: field marked", path);
		labelled(&r, path);
		resp_free(&r);
		CHECK(entries(&s) == n0, "%s: nothing written by the refusals", path);
		/* saved */
		snprintf(body, sizeof(body), "csrf=%s&%s", csrf, c->ok);
		post(&r, &s, path, body, with_cookie);
		CHECK(r.status == 303 && header(&r, "Location", v, sizeof(v)) && strcmp(v, "/today") == 0, "%s ok: %ld %s",
		      path, r.status, r.body ? r.body : "");
		resp_free(&r);
		CHECK(entries(&s) == n0 + 1, "%s: one entry written", path);

		/* the API */
		post(&r, &s, apipath, c->api_ok, cookie_only);
		CHECK(r.status == 403, "%s without X-CSRF-Token: %ld", apipath, r.status);
		resp_free(&r);
		post(&r, &s, apipath, c->api_bad, api);
		CHECK(r.status == 400 && jstr(r.json, "error", NULL) && json_object_get(r.json, "field"), "%s bad: %ld %s",
		      apipath, r.status, r.body ? r.body : "");
		resp_free(&r);
		CHECK(entries(&s) == n0 + 1, "%s: nothing written by the API's refusals", apipath);
		post(&r, &s, apipath, c->api_ok, k % 2 ? api : api_cookie);
		CHECK(r.status == 201 && json_integer_value(jget(r.json, "id", NULL)) > 0 && jstr(r.json, "type", NULL) &&
		          jstr(r.json, "what", NULL) && jstr(r.json, "date", NULL),
		      "%s ok: %ld %s", apipath, r.status, r.body ? r.body : "");
		CHECK(r.json && same_as_history(db, r.json), "%s: the answer is the entry as history --json shows it: %s",
		      apipath, r.body ? r.body : "");
		resp_free(&r);
		CHECK(entries(&s) == n0 + 2, "%s: one entry written", apipath);
	}
	/* the API's field names */
	post(&r, &s, "/api/log/run", "{\"minutes\":30,\"pain_during\":11}", api);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "pain_during") == 0 &&
	          strcmp(jstr(r.json, "error", NULL), "pain_during must be 0-10 (got 11)") == 0,
	      "api run pain 11: %s", r.body ? r.body : "");
	resp_free(&r);
	post(&r, &s, "/api/log/run", "{\"minutes\":30,\"colour\":\"red\"}", api);
	CHECK(r.status == 400 && strstr(jstr(r.json, "error", NULL) ? jstr(r.json, "error", NULL) : "", "unknown field"),
	      "api run unknown field: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/run", "{\"minutes\":30,\"km\":-1}", api);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "km") == 0,
	      "api run km -1 (the store's 'not given') refused: %s", r.body ? r.body : "");
	resp_free(&r);
	post(&r, &s, "/api/log/run", "{\"minutes\":30,\"rpe\":-1}", api);
	CHECK(r.status == 400 && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "rpe") == 0,
	      "api run rpe -1 refused: %s", r.body ? r.body : "");
	resp_free(&r);
	post(&r, &s, "/api/log/run", "minutes=30", api);
	CHECK(r.status == 400, "api run not JSON: %ld", r.status);
	resp_free(&r);
	const char *form_type[] = { bearer, "Content-Type: application/x-www-form-urlencoded", NULL };
	post(&r, &s, "/api/log/run", "{\"minutes\":30}", form_type);
	CHECK(r.status == 415, "api run as a form: %ld", r.status);
	resp_free(&r);
	get(&r, &s, "/api/log/run", NULL);
	CHECK(r.status == 405, "GET /api/log/run: %ld", r.status);
	resp_free(&r);

	/* XSS: a value typed back into the form, a custom exercise's name */
	snprintf(body, sizeof(body), "csrf=%s&minutes=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E", csrf);
	post(&r, &s, "/log/run", body, with_cookie);
	CHECK(r.status == 400 && r.body && !strstr(r.body, "<script") && strstr(r.body, "&lt;script&gt;"),
	      "a payload typed back is inert: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/api/log/rehab",
	     "{\"exercise\":\"<img src=x onerror=alert(1)>\",\"stage\":\"settle\",\"ex_kind\":\"isometric\",\"sets\":2,"
	     "\"hold_s\":30}",
	     api);
	CHECK(r.status == 201, "custom exercise: %ld %s", r.status, r.body ? r.body : "");
	resp_free(&r);
	get(&r, &s, "/log", with_cookie);
	CHECK(r.status == 200 && r.body && !strstr(r.body, "<img") && strstr(r.body, "&lt;img src=x onerror=alert(1)&gt;"),
	      "a custom exercise's name is inert on /log");
	resp_free(&r);
	get(&r, &s, "/log/run?minutes=%22%3E%3Cscript%3E", with_cookie);
	CHECK(r.status == 200 && r.body && !strstr(r.body, "\"><script"), "a prefill is inert");
	resp_free(&r);

	CHECK(server_stop(&s) == 0, "server exits 0");
	char *err = slurp(s.err, NULL);
	CHECK(err && !strstr(err, "locked") && !strstr(err, " 500") && !strstr(err, " 503"), "never busy or failing");
	free(err);
	free(token);
}

/* The newest entry of a type in /api/history (an array, metric as
 * --json), or NULL. */
static json_t *last_of(const server *s, const char *type, resp *r)
{
	get(r, s, "/api/history", NULL);
	json_t *es = r->json, *found = NULL, *e;
	size_t i;
	json_array_foreach(es, i, e)
		if (jstr(e, "type", NULL) && strcmp(jstr(e, "type", NULL), type) == 0)
			found = e;
	return found;
}

/* An imperial profile: the forms say and take miles and pounds and store km
 * and kg; Today and the plan show the engine's loads in pounds, and "done
 * differently" prefills pounds; the JSON API stays metric. A metric
 * profile's forms say km and kg. */
static void test_imperial(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/units.db", work);
	const char *ini[] = { "init", "--side", "right", "--tz", "UTC", "--units", "imperial", "--stage", "strength",
		                  "--curl-kg", "44", NULL };
	CHECK(run_tendo(db, ini, NULL) == 0, "init imperial");
	const char *pain[] = { "log", "pain", "--kind", "task", "--score", "1", NULL };
	CHECK(run_tendo(db, pain, NULL) == 0, "log pain");
	server s;
	if (server_start(&s, db, "127.0.0.1", "units")) {
		CHECK(0, "server did not start");
		return;
	}
	resp r;
	char cookie[200] = "", csrf[80] = "", body[400];
	get(&r, &s, "/today", NULL);
	CHECK(r.status == 200 && cookie_of(&r, cookie, sizeof(cookie)), "today: %ld", r.status);
	CHECK(r.body && strstr(r.body, "44 lb") && !strstr(r.body, " kg"), "Today's loads in pounds");
	CHECK(r.body && strstr(r.body, "exercise=prone-curl&amp;sets=3&amp;reps=8&amp;kg=44\""),
	      "done differently prefills the pounds the form takes");
	resp_free(&r);
	const char *hc[] = { cookie, NULL };
	get(&r, &s, "/plan", hc);
	CHECK(r.status == 200 && r.body && strstr(r.body, " lb") && !strstr(r.body, " kg"), "the plan in pounds");
	resp_free(&r);
	get(&r, &s, "/log/run", hc);
	CHECK(r.body && strstr(r.body, ">Distance, mi (optional)</label>") && strstr(r.body, "max=\"186\""),
	      "the run form in miles, its limit 300 km in miles");
	CHECK(csrf_of(&r, csrf, sizeof(csrf)), "a CSRF token");
	resp_free(&r);
	get(&r, &s, "/log/test", hc);
	CHECK(r.body && strstr(r.body, ">Prone curl 10-rep max, left, lb</label>"), "the test form in pounds");
	resp_free(&r);

	snprintf(body, sizeof(body), "csrf=%s&minutes=30&km=3.1", csrf);
	post(&r, &s, "/log/run", body, hc);
	CHECK(r.status == 303, "run in miles saved: %ld", r.status);
	resp_free(&r);
	json_t *e = last_of(&s, "run", &r);
	CHECK(e && fabs(json_number_value(json_object_get(e, "km")) - 3.1 * 1.609344) < 1e-3, "3.1 mi stored as km");
	resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&exercise=prone-curl&sets=3&reps=8&kg=44.1&side=right", csrf);
	post(&r, &s, "/log/rehab", body, hc);
	CHECK(r.status == 303, "rehab in pounds saved: %ld", r.status);
	resp_free(&r);
	e = last_of(&s, "rehab", &r);
	CHECK(e && fabs(json_number_value(json_object_get(e, "kg")) - 44.1 * 0.45359237) < 1e-3, "44.1 lb stored as kg");
	resp_free(&r);
	/* 700 lb is over the library's 300 kg: refused in the unit typed */
	snprintf(body, sizeof(body), "csrf=%s&curl_left=700", csrf);
	post(&r, &s, "/log/test", body, hc);
	const char *m = r.body ? strstr(r.body, "id=\"curl_left-err\"") : NULL;
	CHECK(r.status == 400 && m && strstr(m, "curl_left must be 0-661 lb (got &#39;700&#39;)"),
	      "over the limit: %ld, the message in pounds", r.status);
	resp_free(&r);
	/* the API is metric whatever the profile */
	char *token = read_token(), bearer[200];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	const char *api[] = { bearer, "Content-Type: application/json", NULL };
	const char *run5 = "{\"minutes\":20,\"km\":5}";
	req(&r, &s, "POST", "/api/log/run", run5, strlen(run5), api);
	CHECK(r.status == 201 && json_number_value(jget(r.json, "km", NULL)) == 5.0, "API km stays km: %ld", r.status);
	resp_free(&r);
	free(token);
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");

	/* metric */
	snprintf(db, sizeof(db), "%s/units-metric.db", work);
	init_db(db);
	if (server_start(&s, db, "127.0.0.1", "units-metric")) {
		CHECK(0, "server did not start");
		return;
	}
	get(&r, &s, "/log/run", NULL);
	CHECK(r.body && strstr(r.body, ">Distance, km (optional)</label>") && strstr(r.body, "max=\"300\""),
	      "the metric run form in km");
	resp_free(&r);
	get(&r, &s, "/log/rehab", NULL);
	CHECK(r.body && strstr(r.body, ">Load, kg (empty: body weight)</label>"), "the metric rehab form in kg");
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "SIGTERM exits 0");
}

static const harness_test tests[] = {
	{ "routes", test_routes },       { "remote", test_remote }, { "concurrent", test_concurrent },
	{ "logkinds", test_logkinds }, { "done", test_done },     { "imperial", test_imperial }, { NULL, NULL },
};

int main(int argc, char **argv)
{
	return harness_main(argc, argv, tests);
}
