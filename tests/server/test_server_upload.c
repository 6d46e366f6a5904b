/*
 * test_server_upload.c - tendo serve's import by upload, its limits, TLS,
 * and the CLI and the server writing 1,000 entries each at once, through
 * the real binary and libcurl (harness.h).
 *
 *   upload      the form (GET /import, its script), FIT, GPX, .gz and a
 *               zip made here uploaded and found by `tendo runs --json`; a
 *               duplicate, a damaged file, an XSS payload as a file name,
 *               CSRF, the API's raw body; no temporary file left
 *   limit       --upload-max 1: 413 from Content-Length, while streaming
 *               (chunked, and a form under the declared slack), the file
 *               written 0600 while the body arrives; 64 KiB elsewhere
 *   tls         --tls-cert/--tls-key with a certificate made by openssl
 *               here: https works (the URL says so, the cookie is Secure),
 *               plain http to that port and an unknown CA fail; the options
 *               go together
 *   concurrent1000  1,000 `tendo log pain` (2 processes) beside 1,000 POST
 *               /api/log/pain (2 threads): 2,000 entries, none "locked"
 *   todaycache  the prescription each worker keeps while nothing is
 *               written (data.c): a write by the CLI and by the API show
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

/* The policy of the import page, whose script sends the form itself. */
static const char CSP_CONNECT[] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                                  "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static char tmpdir[300];   /* the server's $TMPDIR: where its uploads go */
static char cafile[300];   /* the TLS test's certificate, for libcurl */
static const char *data_dir; /* tests/data */

/* ------------------------------------------------------------ the child */

/* `tendo --db db serve --port 0 EXTRA...` with TMPDIR=tmpdir. 0 or -1. */
static int start(server *s, const char *db, const char *tag, const char *const *extra)
{
	return server_start_ex(s, db, tag, extra, tmpdir);
}

/* ------------------------------------------------------------ requests */

/* Perform c into r (status -1 when libcurl failed: its code in *code);
 * every answer carries the security headers, with policy csp. */
static void perform(resp *r, CURL *c, struct curl_slist *h, const char *what, const char *csp, CURLcode *code)
{
	memset(r, 0, sizeof(*r));
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, harness_on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, harness_on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
	if (cafile[0])
		curl_easy_setopt(c, CURLOPT_CAINFO, cafile);
	CURLcode rc = curl_easy_perform(c);
	if (code)
		*code = rc;
	if (rc != CURLE_OK) {
		r->status = -1;
		return;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	answered++;
	char v[512];
	CHECK(header(r, "Content-Security-Policy", v, sizeof(v)) && strcmp(v, csp) == 0, "%s: CSP '%s'", what,
	      header(r, "Content-Security-Policy", v, sizeof(v)) ? v : "(none)");
	CHECK(header(r, "X-Content-Type-Options", v, sizeof(v)) && strcmp(v, "nosniff") == 0, "%s: nosniff", what);
	CHECK(header(r, "Referrer-Policy", v, sizeof(v)) && strcmp(v, "no-referrer") == 0, "%s: Referrer-Policy", what);
	if (header(r, "Content-Type", v, sizeof(v)) && strncmp(v, "application/json", 16) == 0 && r->body)
		r->json = json_loads(r->body, 0, NULL);
}

static struct curl_slist *headers(const char *const *hdrs, bool expect_off)
{
	struct curl_slist *h = expect_off ? curl_slist_append(NULL, "Expect:") : NULL;
	for (int k = 0; hdrs && hdrs[k]; k++)
		h = curl_slist_append(h, hdrs[k]);
	return h;
}

/* GET path with the policy csp expected. */
static void get_csp(resp *r, const server *s, const char *path, const char *const *hdrs, const char *csp)
{
	CURL *c = curl_easy_init();
	char url[1024];
	snprintf(url, sizeof(url), "%s%s", s->base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	struct curl_slist *h = headers(hdrs, true);
	perform(r, c, h, path, csp, NULL);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
}

typedef struct {
	const char *path; /* the file to send */
	const char *name; /* the name to send it under (NULL: its own) */
} part;

/* POST a multipart form to path: the csrf field first (NULL: none), then
 * each file as field "file". */
static void post_form(resp *r, const server *s, const char *path, const char *csrf, const part *parts, size_t n,
                      const char *const *hdrs)
{
	CURL *c = curl_easy_init();
	char url[1024];
	snprintf(url, sizeof(url), "%s%s", s->base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_mime *m = curl_mime_init(c);
	if (csrf) {
		curl_mimepart *p = curl_mime_addpart(m);
		curl_mime_name(p, "csrf");
		curl_mime_data(p, csrf, CURL_ZERO_TERMINATED);
	}
	for (size_t k = 0; k < n; k++) {
		curl_mimepart *p = curl_mime_addpart(m);
		curl_mime_name(p, "file");
		curl_mime_filedata(p, parts[k].path);
		if (parts[k].name)
			curl_mime_filename(p, parts[k].name);
	}
	curl_easy_setopt(c, CURLOPT_MIMEPOST, m);
	struct curl_slist *h = headers(hdrs, true);
	char what[300];
	snprintf(what, sizeof(what), "POST %s (form)", path);
	perform(r, c, h, what, CSP, NULL);
	curl_slist_free_all(h);
	curl_mime_free(m);
	curl_easy_cleanup(c);
}

/* A chunked body of n bytes of junk, sent in 64 KiB pieces; after half of
 * it, the server's temporary file is looked at (written as it arrives). */
typedef struct {
	size_t left, sent, half;
	bool looked;
	bool seen_0600;   /* a tendo-upload-* file, mode 0600, with data, before the body ended */
} chunker;

/* The server's temporary upload files: how many; *mode_ok when each is
 * 0600, *biggest the largest size. */
static int tmp_files(bool *mode_ok, off_t *biggest)
{
	DIR *d = opendir(tmpdir);
	int n = 0;
	if (mode_ok)
		*mode_ok = true;
	if (biggest)
		*biggest = 0;
	if (!d)
		return -1;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strncmp(de->d_name, "tendo-upload-", 13) != 0)
			continue;
		n++;
		char p[600];
		struct stat st;
		snprintf(p, sizeof(p), "%s/%s", tmpdir, de->d_name);
		if (stat(p, &st) == 0) {
			if (mode_ok && (st.st_mode & 0777) != 0600)
				*mode_ok = false;
			if (biggest && st.st_size > *biggest)
				*biggest = st.st_size;
		}
	}
	closedir(d);
	return n;
}

/* No temporary file left: removed when the request ends (just after its
 * answer, so looked at until it is, for up to 5 s). */
static void no_tmp_left(const char *what)
{
	int n = -1;
	for (int k = 0; k < 100 && (n = tmp_files(NULL, NULL)) != 0; k++)
		usleep(50 * 1000);
	CHECK(n == 0, "%s: no temporary upload file left in %s (%d)", what, tmpdir, n);
}

static size_t on_read(char *buf, size_t sz, size_t nitems, void *u)
{
	chunker *ch = u;
	if (!ch->looked && ch->sent >= ch->half) {
		ch->looked = true;
		bool mode_ok;
		off_t big = 0;
		for (int k = 0; k < 100 && big < 1; k++) { /* the server writes what it has: look until it has */
			tmp_files(&mode_ok, &big);
			if (big < 1)
				usleep(50 * 1000);
		}
		ch->seen_0600 = big > 0 && mode_ok;
	}
	size_t n = sz * nitems;
	if (n > 65536)
		n = 65536;
	if (n > ch->left)
		n = ch->left;
	memset(buf, 'x', n);
	ch->left -= n;
	ch->sent += n;
	return n;
}

/* POST path with a raw body: the file at file (or, chunked, n bytes of
 * junk through ch); hdrs as given (X-File-Name, Authorization ...). */
static void post_raw(resp *r, const server *s, const char *path, const char *file, chunker *ch,
                     const char *const *hdrs, bool expect_off, CURLcode *code)
{
	CURL *c = curl_easy_init();
	char url[1024];
	snprintf(url, sizeof(url), "%s%s", s->base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_POST, 1L);
	size_t len = 0;
	char *body = NULL;
	struct curl_slist *h = headers(hdrs, expect_off);
	if (ch) {
		curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
		curl_easy_setopt(c, CURLOPT_READDATA, ch);
		h = curl_slist_append(h, "Transfer-Encoding: chunked");
	} else {
		body = slurp(file, &len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	char what[300];
	snprintf(what, sizeof(what), "POST %s (raw)", path);
	perform(r, c, h, what, CSP, code);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	free(body);
}

/* ------------------------------------------------------------- helpers */

static void data_path(char *out, size_t outsz, const char *rel)
{
	snprintf(out, outsz, "%s/%s", data_dir, rel);
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A shell command made printf-style; its exit status. */
static int sh(const char *fmt, ...)
{
	char cmd[2000];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

/* `tendo runs --json` of db: the array (new reference) or NULL. */
static json_t *runs_json(const char *db)
{
	char out[400];
	snprintf(out, sizeof(out), "%s/runs.json", work);
	const char *args[] = { "runs", "--json", NULL };
	if (run_tendo_out(db, args, out) != 0)
		return NULL;
	return json_load_file(out, 0, NULL);
}

static bool has_run_on(json_t *runs, const char *date)
{
	size_t k;
	json_t *r;
	json_array_foreach(runs, k, r)
		if (json_string_value(json_object_get(r, "date")) && strcmp(json_string_value(json_object_get(r, "date")), date) == 0)
			return true;
	return false;
}

/* The file report of name in an import answer, or NULL. */
static json_t *file_of(json_t *report, const char *name)
{
	size_t k;
	json_t *f;
	json_array_foreach(json_object_get(report, "files"), k, f)
		if (json_string_value(json_object_get(f, "path")) && strcmp(json_string_value(json_object_get(f, "path")), name) == 0)
			return f;
	return NULL;
}

/* The session cookie and CSRF token of GET /import (the import page). */
static void session_of(const server *s, char *cookie, size_t csz, char *csrf, size_t tsz)
{
	resp r;
	get_csp(&r, s, "/import", NULL, CSP_CONNECT);
	CHECK(r.status == 200, "GET /import: %ld", r.status);
	CHECK(cookie_of(&r, cookie, csz), "GET /import gives a session");
	CHECK(csrf_of(&r, csrf, tsz), "GET /import's form has a CSRF field");
	resp_free(&r);
}

static void setup_dirs(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "%s/tmp", work);
	mkdir(tmpdir, 0700);
	const char *src = getenv("TENDO_TEST_DATA");
	data_dir = src ? src : TENDO_TEST_DATA_DIR;
}

/* --------------------------------------------------------------- upload */

static void test_upload(void)
{
	setup_dirs();
	char db[300];
	snprintf(db, sizeof(db), "%s/up.db", work);
	init_db(db);
	server s;
	if (start(&s, db, "up", NULL)) {
		CHECK(0, "server did not start");
		return;
	}
	/* the form: CSRF field, file input with its label, the script from a
	 * file, nothing inline; the script itself */
	resp r;
	get_csp(&r, &s, "/import", NULL, CSP_CONNECT);
	CHECK(r.status == 200 && r.body, "GET /import: %ld", r.status);
	const char *b = r.body ? r.body : "";
	CHECK(strstr(b, "enctype=\"multipart/form-data\"") && strstr(b, "method=\"post\" action=\"/import\""),
	      "a multipart form posting to /import");
	CHECK(strstr(b, "<label for=\"f-file\">") && strstr(b, "id=\"f-file\" name=\"file\""), "the file input is labelled");
	CHECK(strstr(b, "<progress id=\"upload-progress\""), "a progress element for the script");
	CHECK(strstr(b, "<script src=\"/static/upload.js\"") && !strstr(b, "<script>") && !strstr(b, " style="),
	      "the script from its file, nothing inline");
	CHECK(strstr(b, "name=\"csrf\""), "the form carries the CSRF field");
	resp_free(&r);
	get(&r, &s, "/static/upload.js", NULL);
	char v[200];
	CHECK(r.status == 200 && header(&r, "Content-Type", v, sizeof(v)) && strncmp(v, "text/javascript", 15) == 0 &&
	          r.body && strstr(r.body, "xhr.upload.addEventListener('progress'") && strstr(r.body, "new FormData(form)"),
	      "GET /static/upload.js: the progress script (%ld)", r.status);
	resp_free(&r);

	char cookie[200], csrf[80];
	session_of(&s, cookie, sizeof(cookie), csrf, sizeof(csrf));
	const char *ck[] = { cookie, NULL };

	/* FIT, GPX and .gz in one form, the GPX under an XSS payload */
	char fit[400], gpx[400], tcx[400], gz[400], zip[400], zdir[400], broken[400];
	data_path(fit, sizeof(fit), "fit/fitparse-garmin-fenix-5-run.fit");
	data_path(gpx, sizeof(gpx), "gpx/togeojson-run.gpx");
	data_path(tcx, sizeof(tcx), "tcx/tcxparser-test.tcx");
	snprintf(gz, sizeof(gz), "%s/test.tcx.gz", work);
	CHECK(sh("gzip -c '%s' > '%s'", tcx, gz) == 0, "gzip");
	const char *xss = "<img src=x onerror=alert(1)>.gpx";
	part parts[] = { { fit, "fenix.fit" }, { gpx, xss }, { gz, NULL } };
	post_form(&r, &s, "/import", csrf, parts, 3, ck);
	b = r.body ? r.body : "";
	CHECK(r.status == 200, "POST /import (3 files): %ld %.300s", r.status, b);
	CHECK(strstr(b, "3 files: 3 imported, 0 duplicates, 0 skipped, 0 errors"), "the summary: %.600s", b);
	CHECK(strstr(b, "<code>fenix.fit</code>") && strstr(b, "<code>test.tcx.gz</code>"), "each file named as it was sent");
	CHECK(!strstr(b, "<img") && strstr(b, "&lt;img src=x onerror=alert(1)&gt;.gpx"),
	      "the XSS payload in a file name is inert (escaped)");
	CHECK(!strstr(b, "tendo-upload-"), "no temporary name shown");
	resp_free(&r);
	no_tmp_left("a form of 3 files");

	/* a Garmin-style zip (activities inside a folder) through the API, by
	 * bearer token and a raw body named by X-File-Name */
	snprintf(zdir, sizeof(zdir), "%s/export", work);
	char cmd[1500];
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/activities' && cp '%s/gpx/gpxpy-cerknicko-jezero.gpx' '%s/tcx/tcxparser-sup_activity_1.tcx' '%s/activities/'",
	         zdir, data_dir, data_dir, zdir);
	CHECK(system(cmd) == 0, "the export's folder");
	snprintf(zip, sizeof(zip), "%s/garmin-export.zip", work);
	CHECK(sh("cd '%s' && python3 -m zipfile -c '%s' activities", zdir, zip) == 0, "python3 -m zipfile");
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	const char *api_h[] = { bearer, "Content-Type: application/zip", "X-File-Name: garmin-export.zip", NULL };
	post_raw(&r, &s, "/api/import", zip, NULL, api_h, true, NULL);
	CHECK(r.status == 200 && r.json, "POST /api/import (zip): %ld %.300s", r.status, r.body ? r.body : "");
	CHECK(json_integer_value(jget(r.json, "summary", "imported")) == 2 &&
	          json_integer_value(jget(r.json, "summary", "files")) == 2,
	      "2 activities from the zip: %.400s", r.body ? r.body : "");
	json_t *f = file_of(r.json, "garmin-export.zip:activities/gpxpy-cerknicko-jezero.gpx");
	CHECK(f && strcmp(jstr(f, "status", NULL), "imported") == 0 && strcmp(jstr(f, "kind", NULL), "run") == 0,
	      "the zip's run, named export.zip:member");
	resp_free(&r);
	no_tmp_left("the API's zip");

	/* what was imported is in the log: `tendo runs --json` */
	json_t *runs = runs_json(db);
	CHECK(json_array_size(runs) == 4, "4 runs in the log (%zu)", json_array_size(runs));
	CHECK(has_run_on(runs, "2017-06-11") && has_run_on(runs, "2012-10-25") && has_run_on(runs, "2012-12-26") &&
	          has_run_on(runs, "2010-08-05"),
	      "the FIT, GPX, .gz and zip runs are there");
	json_decref(runs);

	/* the same FIT again: a duplicate, named by its upload name (the name
	 * the log keeps is the one it was sent under, not a temporary file) */
	const char *api_fit[] = { bearer, "X-File-Name: ../../tmp/again.fit", NULL }; /* its last part is kept */
	post_raw(&r, &s, "/api/import", fit, NULL, api_fit, true, NULL);
	f = file_of(r.json, "again.fit");
	CHECK(r.status == 200 && f && strcmp(jstr(f, "status", NULL), "duplicate") == 0 &&
	          json_integer_value(jget(r.json, "summary", "duplicates")) == 1,
	      "the same FIT again is a duplicate: %ld %.300s", r.status, r.body ? r.body : "");
	CHECK(f && jstr(f, "message", NULL) && strstr(jstr(f, "message", NULL), "(fenix.fit)"),
	      "the duplicate names the first upload: %s", f ? jstr(f, "message", NULL) : "");
	resp_free(&r);
	/* and by the form: reported as a duplicate on the page */
	part again[] = { { fit, "fenix-again.fit" } };
	post_form(&r, &s, "/import", csrf, again, 1, ck);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<strong>duplicate</strong> <code>fenix-again.fit</code>"),
	      "the form reports the duplicate: %.400s", r.body ? r.body : "");
	resp_free(&r);

	/* a damaged file is reported, not a 500; the answer has the CLI's shape */
	snprintf(broken, sizeof(broken), "%s/broken.gpx", work);
	FILE *bf = fopen(broken, "w");
	if (bf) {
		fputs("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"51.5\" "
		      "lon=\"-0.1\"><time>2020-01-0",
		      bf);
		fclose(bf);
	}
	const char *api_bad[] = { bearer, "X-File-Name: broken.gpx", NULL };
	post_raw(&r, &s, "/api/import", broken, NULL, api_bad, true, NULL);
	f = file_of(r.json, "broken.gpx");
	CHECK(r.status == 200 && f && strcmp(jstr(f, "status", NULL), "error") == 0 &&
	          json_integer_value(jget(r.json, "summary", "errors")) == 1,
	      "a damaged file is reported as an error: %ld %.300s", r.status, r.body ? r.body : "");
	/* the same shape as `tendo import --json` */
	char out[400];
	snprintf(out, sizeof(out), "%s/cli-import.json", work);
	const char *iargs[] = { "import", "--json", broken, NULL };
	run_tendo_out(db, iargs, out);
	json_t *cli = json_load_file(out, 0, NULL);
	json_t *cf = json_array_get(json_object_get(cli, "files"), 0);
	const char *key;
	json_t *val;
	bool same = cf && f && json_object_size(cf) == json_object_size(f);
	json_object_foreach(cf, key, val) {
		if (strcmp(key, "path") != 0 && !json_equal(val, json_object_get(f, key)))
			same = false;
	}
	CHECK(same && json_object_size(json_object_get(cli, "summary")) == json_object_size(jget(r.json, "summary", NULL)),
	      "/api/import's answer has the shape of tendo import --json");
	json_decref(cli);
	resp_free(&r);
	part bad[] = { { broken, "broken.gpx" } };
	post_form(&r, &s, "/import", csrf, bad, 1, ck);
	CHECK(r.status == 200 && r.body && strstr(r.body, "<li class=\"alert\"><strong>error</strong> <code>broken.gpx</code>"),
	      "the page reports the damaged file: %.300s", r.body ? r.body : "");
	resp_free(&r);

	/* CSRF: none, a wrong one, no session, and the field after the file */
	long before = 0;
	runs = runs_json(db);
	before = (long)json_array_size(runs);
	json_decref(runs);
	char gpx2[400];
	data_path(gpx2, sizeof(gpx2), "gpx/togeojson-missing_hr.gpx");
	part one[] = { { gpx2, "new.gpx" } };
	post_form(&r, &s, "/import", NULL, one, 1, ck);
	CHECK(r.status == 403, "a form without its CSRF field: 403 (%ld)", r.status);
	resp_free(&r);
	post_form(&r, &s, "/import", "0000000000000000000000000000000000000000000000000000000000000000", one, 1, ck);
	CHECK(r.status == 403, "a wrong CSRF token: 403 (%ld)", r.status);
	resp_free(&r);
	post_form(&r, &s, "/import", csrf, one, 1, NULL);
	CHECK(r.status == 403, "no session cookie (a forged cross-site POST): 403 (%ld)", r.status);
	resp_free(&r);
	const char *no_auth[] = { "X-File-Name: new.gpx", NULL };
	post_raw(&r, &s, "/api/import", gpx2, NULL, no_auth, true, NULL);
	CHECK(r.status == 403 && r.json, "the API without bearer or X-CSRF-Token: 403 JSON (%ld)", r.status);
	resp_free(&r);
	const char *cookie_only[] = { cookie, "X-File-Name: new.gpx", NULL };
	post_raw(&r, &s, "/api/import", gpx2, NULL, cookie_only, true, NULL);
	CHECK(r.status == 403, "the API by cookie without X-CSRF-Token: 403 (%ld)", r.status);
	resp_free(&r);
	runs = runs_json(db);
	CHECK((long)json_array_size(runs) == before, "nothing imported by the refused uploads");
	json_decref(runs);
	/* nothing chosen, the wrong encoding, an empty raw body */
	post_form(&r, &s, "/import", csrf, NULL, 0, ck);
	CHECK(r.status == 400 && r.body && strstr(r.body, "choose a file") && strstr(r.body, "aria-invalid=\"true\""),
	      "a form without a file: 400 with the form and the message (%ld)", r.status);
	resp_free(&r);
	char form_body[200];
	snprintf(form_body, sizeof(form_body), "csrf=%s", csrf);
	const char *urlenc[] = { cookie, "Content-Type: application/x-www-form-urlencoded", NULL };
	post(&r, &s, "/import", form_body, urlenc);
	CHECK(r.status == 415, "an urlencoded form: 415 (%ld)", r.status);
	resp_free(&r);
	char empty[400];
	snprintf(empty, sizeof(empty), "%s/empty", work);
	fclose(fopen(empty, "w"));
	const char *api_empty[] = { bearer, NULL };
	post_raw(&r, &s, "/api/import", empty, NULL, api_empty, true, NULL);
	CHECK(r.status == 400 && r.json && jstr(r.json, "field", NULL) && strcmp(jstr(r.json, "field", NULL), "file") == 0,
	      "an empty raw body: 400 naming the field (%ld %s)", r.status, r.body ? r.body : "");
	resp_free(&r);
	/* by cookie and X-CSRF-Token the API takes a multipart form too */
	char xcsrf[120];
	snprintf(xcsrf, sizeof(xcsrf), "X-CSRF-Token: %s", csrf);
	const char *api_cookie[] = { cookie, xcsrf, NULL };
	post_form(&r, &s, "/api/import", NULL, one, 1, api_cookie);
	CHECK(r.status == 200 && json_integer_value(jget(r.json, "summary", "imported")) == 1,
	      "POST /api/import by session: a form (%ld %.200s)", r.status, r.body ? r.body : "");
	resp_free(&r);
	no_tmp_left("after every upload");
	free(token);
	CHECK(server_stop(&s) == 0, "the server stops cleanly");
	char *err = slurp(s.err, NULL);
	CHECK(err && !strstr(err, " 500"), "no 500 in the access log");
	free(err);
}

/* ---------------------------------------------------------------- limit */

static void test_limit(void)
{
	setup_dirs();
	char db[300];
	snprintf(db, sizeof(db), "%s/limit.db", work);
	init_db(db);
	server s;
	const char *extra[] = { "--upload-max", "1", NULL };
	if (start(&s, db, "limit", extra)) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	/* declared over the limit: refused before the body is read (with
	 * Expect: 100-continue the client never sends it) */
	char big[400];
	snprintf(big, sizeof(big), "%s/big.fit", work);
	FILE *bf = fopen(big, "w");
	for (int k = 0; bf && k < 2 * 1024; k++)
		fputs("................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "................................................................................................"
		      "..................................................................",
		      bf); /* 1,122 bytes: over 2 MiB in all */
	if (bf)
		fclose(bf);
	resp r;
	const char *h100[] = { bearer, "Expect: 100-continue", "X-File-Name: big.fit", NULL };
	post_raw(&r, &s, "/api/import", big, NULL, h100, false, NULL);
	CHECK(r.status == 413 && r.json && strstr(jstr(r.json, "error", NULL), "over the limit of 1 MB"),
	      "a declared 2 MB upload over 1 MB: 413 with the limit (%ld %s)", r.status, r.body ? r.body : "");
	resp_free(&r);
	/* streamed over the limit (chunked: no length declared) */
	chunker ch = { .left = (size_t)1536 * 1024, .half = (size_t)512 * 1024 };
	const char *hch[] = { bearer, "X-File-Name: stream.fit", NULL };
	post_raw(&r, &s, "/api/import", NULL, &ch, hch, true, NULL);
	CHECK(r.status == 413 && r.json, "a chunked 1.5 MB upload: 413 while streaming (%ld %s)", r.status,
	      r.body ? r.body : "");
	CHECK(ch.seen_0600, "the upload went to a 0600 temporary file while it arrived");
	resp_free(&r);
	no_tmp_left("after a streamed 413");
	/* a form under the declared slack, over the limit once streamed */
	char cookie[200], csrf[80];
	session_of(&s, cookie, sizeof(cookie), csrf, sizeof(csrf));
	char over[400];
	snprintf(over, sizeof(over), "%s/over.gpx", work);
	FILE *of = fopen(over, "w");
	for (int k = 0; of && k < 1024 * 1024 + 100; k++)
		fputc(' ', of);
	if (of)
		fclose(of);
	part parts[] = { { over, "over.gpx" } };
	const char *ck[] = { cookie, NULL };
	post_form(&r, &s, "/import", csrf, parts, 1, ck);
	CHECK(r.status == 413 && r.body && strstr(r.body, "over the limit of 1 MB") && strstr(r.body, "<form id=\"upload\""),
	      "a form over 1 MB: 413 with the form again (%ld)", r.status);
	resp_free(&r);
	no_tmp_left("after a form's 413");
	/* the other routes keep their 64 KiB */
	char *body = malloc(70 * 1024 + 1);
	memset(body, 'a', 70 * 1024);
	body[70 * 1024] = '\0';
	const char *jh[] = { bearer, "Content-Type: application/json", NULL };
	post(&r, &s, "/api/log/pain", body, jh);
	CHECK(r.status == 413, "70 KB to /api/log/pain: 413 (%ld)", r.status);
	resp_free(&r);
	free(body);
	/* nothing was imported: no run, no cross-training (/api/status) */
	get(&r, &s, "/api/status", NULL);
	CHECK(r.status == 200 && json_is_integer(jget(r.json, "entries", "runs")) &&
	          json_integer_value(jget(r.json, "entries", "runs")) == 0 &&
	          json_integer_value(jget(r.json, "entries", "cross")) == 0,
	      "nothing imported by the refused uploads (%ld)", r.status);
	resp_free(&r);
	/* a bad --upload-max is a usage error */
	const char *bad[] = { "serve", "--upload-max", "0", NULL };
	char err[300];
	snprintf(err, sizeof(err), "%s/badmax.err", work);
	CHECK(run_tendo(db, bad, err) == 2, "serve --upload-max 0: exit 2");
	free(token);
	CHECK(server_stop(&s) == 0, "the server stops cleanly");
}

/* ------------------------------------------------------------------ tls */

static void test_tls(void)
{
	setup_dirs();
	char db[300], cert[300], key[300];
	snprintf(db, sizeof(db), "%s/tls.db", work);
	snprintf(cert, sizeof(cert), "%s/cert.pem", work);
	snprintf(key, sizeof(key), "%s/key.pem", work);
	init_db(db);
	CHECK(sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost "
	         "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '%s' -out '%s' 2>/dev/null",
	         key, cert) == 0,
	      "openssl makes a self-signed certificate");
	/* the options go together; a missing file is named */
	char err[300];
	snprintf(err, sizeof(err), "%s/tls-usage.err", work);
	const char *half[] = { "serve", "--port", "0", "--tls-cert", cert, NULL };
	CHECK(run_tendo(db, half, err) == 2, "--tls-cert without --tls-key: exit 2");
	char *e = slurp(err, NULL);
	CHECK(e && strstr(e, "--tls-cert and --tls-key go together"), "the usage error says why: %s", e ? e : "");
	free(e);
	snprintf(err, sizeof(err), "%s/tls-missing.err", work);
	const char *missing[] = { "serve", "--port", "0", "--tls-cert", "/nonexistent/cert.pem", "--tls-key", key, NULL };
	CHECK(run_tendo(db, missing, err) == 1, "a missing certificate file: exit 1");
	e = slurp(err, NULL);
	CHECK(e && strstr(e, "--tls-cert: cannot read /nonexistent/cert.pem"), "the file is named: %s", e ? e : "");
	free(e);

	server s;
	const char *extra[] = { "--tls-cert", cert, "--tls-key", key, NULL };
	if (start(&s, db, "tls", extra)) {
		CHECK(0, "TLS server did not start");
		return;
	}
	CHECK(strncmp(s.url, "https://127.0.0.1:", 18) == 0, "the printed URL says https: %s", s.url);
	snprintf(cafile, sizeof(cafile), "%s", cert);
	resp r;
	get_csp(&r, &s, "/api/today", NULL, CSP);
	CHECK(r.status == 200 && r.json && jstr(r.json, "decision", NULL), "GET /api/today over https: %ld", r.status);
	resp_free(&r);
	get_csp(&r, &s, "/import", NULL, CSP_CONNECT);
	char v[300];
	CHECK(r.status == 200 && header(&r, "Set-Cookie", v, sizeof(v)) && strstr(v, "; Secure"),
	      "over https the session cookie is Secure: %s", header(&r, "Set-Cookie", v, sizeof(v)) ? v : "(none)");
	resp_free(&r);
	/* an upload over TLS */
	char *token = read_token();
	char bearer[120], fit[400];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	data_path(fit, sizeof(fit), "fit/fitparse-garmin-fenix-5-walk.fit");
	const char *h[] = { bearer, "X-File-Name: walk.fit", NULL };
	post_raw(&r, &s, "/api/import", fit, NULL, h, true, NULL);
	CHECK(r.status == 200 && json_integer_value(jget(r.json, "summary", "imported")) == 1,
	      "an upload over https: %ld %.200s", r.status, r.body ? r.body : "");
	resp_free(&r);
	/* plain http to the TLS port fails; so does a client without the CA */
	server plain = s;
	memmove(plain.base + 4, plain.base + 5, strlen(plain.base + 5) + 1); /* https -> http */
	CURLcode code = CURLE_OK;
	CURL *c = curl_easy_init();
	char url[300];
	snprintf(url, sizeof(url), "%s/api/today", plain.base);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, harness_on_body);
	resp pr = { 0 };
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &pr);
	code = curl_easy_perform(c);
	long st = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &st);
	CHECK(code != CURLE_OK && st != 200 && !(pr.body && strstr(pr.body, "decision")),
	      "plain http to the TLS port fails (%s, %ld)", curl_easy_strerror(code), st);
	resp_free(&pr);
	curl_easy_cleanup(c);
	c = curl_easy_init();
	snprintf(url, sizeof(url), "%s/api/today", s.base);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_CAINFO, "/dev/null");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, harness_on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &pr);
	code = curl_easy_perform(c);
	CHECK(code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_CONNECT_ERROR,
	      "a client that does not trust the certificate refuses it (%s)", curl_easy_strerror(code));
	resp_free(&pr);
	curl_easy_cleanup(c);
	cafile[0] = '\0';
	free(token);
	CHECK(server_stop(&s) == 0, "the TLS server stops cleanly");
}

/* ------------------------------------------------------- concurrent1000 */

/* Two writers of each kind: with four of each, under ASan on a loaded
 * 2-core machine, a writer once waited past the store's 3 s busy timeout
 * ("database is locked"); two of each stay well inside it. */
#define EACH 1000
#define CLI_PROCS 2
#define API_CLIENTS 2

typedef struct {
	const server *s;
	const char *bearer;
	int n;          /* POSTs to make */
	int created;    /* answered 201 */
	int busy;       /* answered 503, or with "locked" in the body */
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
		if (r.status == 503 || (r.body && strstr(r.body, "locked")))
			a->busy++;
		if (r.status != 201 && a->created + 5 > k)
			fprintf(stderr, "API POST %d: %ld %s\n", k, r.status, r.body ? r.body : "");
		resp_free(&r);
	}
	return NULL;
}

static void test_concurrent1000(void)
{
	setup_dirs();
	char db[300], cli_err[300];
	snprintf(db, sizeof(db), "%s/conc.db", work);
	snprintf(cli_err, sizeof(cli_err), "%s/cli.err", work);
	init_db(db);
	server s;
	if (start(&s, db, "conc", NULL)) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t writers[CLI_PROCS];
	for (int p = 0; p < CLI_PROCS; p++) {
		writers[p] = fork();
		if (writers[p] == 0) {
			int bad = 0;
			const char *args[] = { "log", "pain", "--kind", "rest", "--score", "1", NULL };
			for (int k = 0; k < EACH / CLI_PROCS; k++)
				bad += run_tendo(db, args, cli_err) != 0;
			_exit(bad > 100 ? 100 : bad);
		}
	}
	pthread_t th[API_CLIENTS];
	api_client cl[API_CLIENTS];
	for (int k = 0; k < API_CLIENTS; k++) {
		cl[k] = (api_client){ .s = &s, .bearer = bearer, .n = EACH / API_CLIENTS };
		CHECK(pthread_create(&th[k], NULL, api_writer, &cl[k]) == 0, "client thread");
	}
	int created = 0, busy = 0;
	for (int k = 0; k < API_CLIENTS; k++) {
		pthread_join(th[k], NULL);
		created += cl[k].created;
		busy += cl[k].busy;
	}
	int failed = 0;
	for (int p = 0; p < CLI_PROCS; p++) {
		int st = 0;
		waitpid(writers[p], &st, 0);
		failed += WIFEXITED(st) ? WEXITSTATUS(st) : 100;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(failed == 0, "every CLI write succeeded (%d failed)", failed);
	CHECK(created == EACH, "every API write answered 201 (%d)", created);
	CHECK(busy == 0, "no API answer was busy or locked (%d)", busy);
	resp r;
	get(&r, &s, "/api/status", NULL);
	json_int_t n = json_integer_value(jget(r.json, "entries", "pain"));
	CHECK(n == 2 * EACH, "%d entries, none lost (got %lld)", 2 * EACH, (long long)n);
	resp_free(&r);
	char *err = slurp(cli_err, NULL);
	CHECK(!err || !strstr(err, "locked"), "no 'database is locked' from the CLI: %.300s", err ? err : "");
	free(err);
	CHECK(server_stop(&s) == 0, "the server stops cleanly");
	err = slurp(s.err, NULL);
	CHECK(err && !strstr(err, "locked") && !strstr(err, " 503"), "the server was never busy");
	free(err);
	/* the CLI reads the same 2,000 after the server closed the database */
	char out[300];
	snprintf(out, sizeof(out), "%s/status.json", work);
	const char *args[] = { "status", "--json", NULL };
	CHECK(run_tendo_out(db, args, out) == 0, "tendo status after the server stopped");
	json_t *j = json_load_file(out, 0, NULL);
	CHECK(json_integer_value(jget(j, "entries", "pain")) == 2 * EACH, "the CLI counts %d (%lld)", 2 * EACH,
	      (long long)json_integer_value(jget(j, "entries", "pain")));
	json_decref(j);
	printf("concurrent1000: %d CLI + %d API writes in %.1f s\n", EACH, EACH,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	free(token);
}

/* ----------------------------------------------------------- todaycache */

/* n reads of /api/today (over new connections, so every worker answers
 * some): how many have member (in "done" when sub) equal to want. */
static int today_reads(const server *s, int n, const char *member, const char *sub, bool want)
{
	int agree = 0;
	for (int k = 0; k < n; k++) {
		resp r;
		get(&r, s, "/api/today", NULL);
		json_t *v = sub ? jget(jget(r.json, member, NULL), sub, NULL) : jget(r.json, member, NULL);
		agree += r.status == 200 && json_is_boolean(v) && json_is_true(v) == want;
		resp_free(&r);
	}
	return agree;
}

/* The server keeps each worker's last prescription while nothing is
 * written: a write by the CLI (another connection) and by the API (one
 * worker's own) both show on the next read of every worker. */
static void test_todaycache(void)
{
	setup_dirs();
	char db[300];
	snprintf(db, sizeof(db), "%s/cache.db", work);
	init_db(db);
	server s;
	if (start(&s, db, "cache", NULL)) {
		CHECK(0, "server did not start");
		return;
	}
	CHECK(today_reads(&s, 6, "provisional", NULL, true) == 6, "no morning score yet: provisional");
	const char *args[] = { "log", "pain", "--kind", "task", "--score", "1", NULL };
	CHECK(run_tendo(db, args, NULL) == 0, "tendo log pain --kind task");
	CHECK(today_reads(&s, 6, "provisional", NULL, false) == 6, "the CLI's score shows on every read");
	CHECK(today_reads(&s, 6, "done", "run", false) == 6, "no run yet");
	char *token = read_token();
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token ? token : "");
	const char *h[] = { bearer, "Content-Type: application/json", NULL };
	resp r;
	post(&r, &s, "/api/log/run", "{\"minutes\":10}", h);
	CHECK(r.status == 201, "POST /api/log/run: %ld", r.status);
	resp_free(&r);
	CHECK(today_reads(&s, 6, "done", "run", true) == 6, "the API's run shows on every read");
	free(token);
	CHECK(server_stop(&s) == 0, "the server stops cleanly");
}

static const harness_test tests[] = {
	{ "upload", test_upload },
	{ "limit", test_limit },
	{ "tls", test_tls },
	{ "concurrent1000", test_concurrent1000 },
	{ "todaycache", test_todaycache },
	{ NULL, NULL },
};

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	return harness_main(argc, argv, tests);
}
