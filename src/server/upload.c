/*
 * upload.c - the import by upload: GET /import (the form), POST /import
 * (its report as a page), POST /api/import (as `tendo import --json`) and
 * /static/upload.js (the form's progress bar).
 *
 * The body never sits whole in memory: server.c hands each piece to
 * upload_data() as it arrives, which writes the files to temporary files
 * (mkstemp in $TMPDIR, mode 0600, removed by upload_dispose() when the
 * request ends, whatever happened). A form is multipart/form-data, parsed
 * by libmicrohttpd's post processor; the API also takes a raw body, named
 * by its X-File-Name header. Over the limit (srv_upload_max()) the rest is
 * read and dropped, and the answer is 413. Then the library's importer
 * runs on the files as `tendo import FILE...` does (shape_import_options(),
 * src/shapes/import.c), each called by the name it was sent under (in the
 * report and the log), and the report is the CLI's JSON (shape_import()),
 * or a page made from that same JSON, every name escaped.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <tendo/import.h>
#include <tendo/text.h>

#include "../shapes/shapes.h"
#include "server_int.h"

#define HTML "text/html; charset=utf-8"
#define PP_BUFFER ((size_t)64 * 1024) /* the post processor's own buffer */

/* The progress bar: the form sent by XMLHttpRequest, its upload events
 * drawn on the page's <progress>, the answer (the report page) put in
 * place of the page. Without it (or without JavaScript) the form posts as
 * any form does. */
static const char JS[] =
	"/* upload.js - the import form's progress bar (the form works without it) */\n"
	"(function () {\n"
	"  'use strict';\n"
	"  var form = document.getElementById('upload');\n"
	"  if (!form || !window.FormData || !window.XMLHttpRequest) return;\n"
	"  var bar = document.getElementById('upload-progress');\n"
	"  var say = document.getElementById('upload-status');\n"
	"  form.addEventListener('submit', function (ev) {\n"
	"    var input = document.getElementById('f-file');\n"
	"    if (!input || !input.files || input.files.length === 0) return;\n"
	"    ev.preventDefault();\n"
	"    var button = form.querySelector('button');\n"
	"    var xhr = new XMLHttpRequest();\n"
	"    xhr.open('POST', form.getAttribute('action'));\n"
	"    xhr.responseType = 'document';\n"
	"    bar.hidden = false;\n"
	"    bar.max = 100;\n"
	"    bar.value = 0;\n"
	"    if (button) button.disabled = true;\n"
	"    say.textContent = 'Uploading...';\n"
	"    xhr.upload.addEventListener('progress', function (e) {\n"
	"      if (!e.lengthComputable) return;\n"
	"      var pct = Math.floor(100 * e.loaded / e.total);\n"
	"      bar.value = pct;\n"
	"      say.textContent = 'Uploading: ' + pct + '% of ' + (e.total / 1e6).toFixed(1) + ' MB';\n"
	"    });\n"
	"    xhr.upload.addEventListener('load', function () {\n"
	"      bar.removeAttribute('value');\n"
	"      say.textContent = 'Uploaded. Importing...';\n"
	"    });\n"
	"    xhr.addEventListener('load', function () {\n"
	"      var doc = xhr.response;\n"
	"      if (doc && doc.documentElement) {\n"
	"        document.replaceChild(document.importNode(doc.documentElement, true), document.documentElement);\n"
	"        document.title = doc.title;\n"
	"        window.scrollTo(0, 0);\n"
	"      } else {\n"
	"        say.textContent = 'The server answered ' + xhr.status + '.';\n"
	"        if (button) button.disabled = false;\n"
	"      }\n"
	"    });\n"
	"    xhr.addEventListener('error', function () {\n"
	"      bar.hidden = true;\n"
	"      say.textContent = 'The upload failed (the connection broke, or the file is over the limit). Try again.';\n"
	"      if (button) button.disabled = false;\n"
	"    });\n"
	"    xhr.send(new FormData(form));\n"
	"  });\n"
	"})();\n";

/* ------------------------------------------------------- the streaming */

static void refuse_upload(srv_upload *u, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Keep the first refusal: status and its message. */
static void refuse_upload(srv_upload *u, int status, const char *fmt, ...)
{
	if (u->status)
		return;
	u->status = status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->message, sizeof(u->message), fmt, ap);
	va_end(ap);
}

/* The name a file was sent under, as kept: its last part (a browser may
 * send a path), control characters as '?', UTF-8 repaired, cut to fit;
 * "upload" when empty. */
static void keep_name(char *out, size_t outsz, const char *given)
{
	const char *base = given ? given : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	char cut[SRV_UPLOAD_NAME];
	snprintf(cut, sizeof(cut), "%s", base);
	for (char *p = cut; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	char *fixed = tendo_text_utf8_repair(cut, strlen(cut));
	snprintf(out, outsz, "%s", fixed && fixed[0] ? fixed : cut[0] ? cut : "upload");
	free(fixed);
	/* the repair may have grown it past outsz: never end in part of a character */
	size_t n = strlen(out);
	while (n > 0 && !tendo_text_utf8_valid(out, n))
		out[--n] = '\0';
}

static void close_file(srv_upload *u)
{
	if (u->fd >= 0)
		close(u->fd);
	u->fd = -1;
}

/* A new temporary file for a file named name; false (and u->status) if not. */
static bool open_file(srv_upload *u, const char *name)
{
	close_file(u);
	if (u->n == SRV_UPLOAD_FILES) {
		refuse_upload(u, 413, "at most %d files in one upload: put more in a .zip", SRV_UPLOAD_FILES);
		return false;
	}
	srv_upload_file *f = &u->f[u->n];
	keep_name(f->name, sizeof(f->name), name);
	snprintf(f->tmp, sizeof(f->tmp), "%s/tendo-upload-XXXXXX", u->tmpdir);
	int fd = mkstemp(f->tmp); /* mode 0600 */
	if (fd >= 0)
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (fd < 0) {
		f->tmp[0] = '\0';
		refuse_upload(u, 500, "cannot keep the upload in a temporary file: %s", strerror(errno));
		return false;
	}
	u->n++;
	u->fd = fd;
	f->size = 0;
	return true;
}

static void write_file(srv_upload *u, const char *data, size_t n)
{
	if (u->status || u->fd < 0)
		return;
	if (n > u->max - u->bytes || u->bytes > u->max) {
		refuse_upload(u, 413, "the upload is over the limit of %llu MB", (unsigned long long)(u->max >> 20));
		close_file(u);
		return;
	}
	while (n > 0) {
		ssize_t w = write(u->fd, data, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = w < 0 ? errno : ENOSPC;
			refuse_upload(u, e == ENOSPC || e == EDQUOT ? 507 : 500, "cannot keep the upload: %s", strerror(e));
			close_file(u);
			return;
		}
		data += w;
		n -= (size_t)w;
		u->bytes += (uint64_t)w;
		u->f[u->n - 1].size += (uint64_t)w;
	}
}

/* Whether a part at offset 0 with the last part's name pointer (MHD may
 * reuse the memory of the last part's name) is a file of its own. */
static bool new_name(const srv_upload_file *last, const char *filename)
{
	char name[SRV_UPLOAD_NAME];
	keep_name(name, sizeof(name), filename);
	return last->size > 0 || strcmp(name, last->name) != 0;
}

static bool csrf_ok(const srv_upload *u)
{
	return !u->want_csrf[0] || (u->csrf_seen && !u->csrf_long && auth_equal(u->csrf, u->want_csrf));
}

/* The post processor's parts: the csrf field (kept), each file (to a
 * temporary file of its own), anything else (ignored). */
static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                               const char *content_type, const char *transfer_encoding, const char *data,
                               uint64_t off, size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	srv_upload *u = cls;
	if (u->status)
		return MHD_YES; /* refused: the rest is read and dropped */
	if (!filename) {
		if (key && strcmp(key, "csrf") == 0) {
			if (off + size > SRV_TOKEN_HEX) {
				u->csrf_long = true;
			} else {
				memcpy(u->csrf + off, data, size);
				u->csrf[off + size] = '\0';
			}
			u->csrf_seen = true;
		}
		return MHD_YES;
	}
	if (!filename[0] && u->part != filename)
		return MHD_YES; /* a file input left empty */
	if (u->part != filename || (off == 0 && u->n > 0 && new_name(&u->f[u->n - 1], filename))) {
		/* a new file: the form's CSRF field must have come first */
		u->part = filename;
		if (!csrf_ok(u)) {
			refuse_upload(u, 403,
			              "this form did not come from this app's own page (no or wrong CSRF token before the "
			              "file): open the page again and resend");
			return MHD_YES;
		}
		if (!open_file(u, filename))
			return MHD_YES;
	}
	write_file(u, data, size);
	return MHD_YES;
}

static bool is_multipart(const char *ct)
{
	return ct && strncasecmp(ct, "multipart/form-data", 19) == 0;
}

void upload_begin(srv_upload *u, struct MHD_Connection *c, const char *tmpdir, uint64_t max, const char *want_csrf,
                  bool raw_ok)
{
	memset(u, 0, sizeof(*u));
	u->fd = -1;
	u->max = max;
	snprintf(u->tmpdir, sizeof(u->tmpdir), "%s", tmpdir);
	snprintf(u->want_csrf, sizeof(u->want_csrf), "%s", want_csrf ? want_csrf : "");
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (is_multipart(ct)) {
		u->pp = MHD_create_post_processor(c, PP_BUFFER, on_part, u);
		if (!u->pp)
			refuse_upload(u, 400, "the form could not be read (multipart/form-data without a usable boundary)");
		return;
	}
	if (!raw_ok) {
		refuse_upload(u, 415, "a file is sent as multipart/form-data (the form's enctype)");
		return;
	}
	u->raw = true;
	const char *name = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-File-Name");
	open_file(u, name && name[0] ? name : "upload");
}

void upload_data(srv_upload *u, const char *data, size_t n)
{
	if (u->status)
		return;
	if (!u->pp) {
		write_file(u, data, n);
		return;
	}
	if (MHD_post_process(u->pp, data, n) != MHD_YES)
		refuse_upload(u, 400, "the form could not be read (malformed multipart/form-data)");
}

void upload_end(srv_upload *u)
{
	if (u->pp) {
		MHD_destroy_post_processor(u->pp);
		u->pp = NULL;
	}
	close_file(u);
	if (!u->status && !csrf_ok(u))
		refuse_upload(u, 403,
		              "this form did not come from this app's own page (no or wrong CSRF token): open the page "
		              "again and resend");
}

void upload_dispose(srv_upload *u)
{
	if (!u)
		return;
	if (u->pp)
		MHD_destroy_post_processor(u->pp);
	close_file(u);
	for (size_t k = 0; k < u->n; k++)
		if (u->f[k].tmp[0])
			unlink(u->f[k].tmp);
	free(u);
}

/* --------------------------------------------------------- the import */

typedef struct {
	json_t *files; /* shape_import_file() of each */
} import_run;

static void on_result(const tendo_import_result *r, void *user)
{
	import_run *run = user;
	json_array_append_new(run->files, shape_import_file(r, NULL));
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The uploaded files through the importer: 0 with *out the report
 * (shape_import(), new reference) and *sum; or a negative code with
 * tendo_error_last() (a store error stopped it; what came before is in). */
static int run_import(srv_req *q, json_t **out, tendo_import_summary *sum)
{
	*out = NULL;
	memset(sum, 0, sizeof(*sum));
	srv_athlete a;
	int rc = srv_athlete_get(q, &a);
	if (rc)
		return rc;
	tendo_import_options o;
	shape_import_options(&o, q->store, &a.profile);
	import_run run = { .files = json_array() };
	if (!run.files)
		return tendo_error_set(TENDO_ENOMEM, "out of memory");
	o.on_result = on_result;
	o.user = &run;
	/* read from the temporary files, called by the names they were sent
	 * under (in the report and in the log) */
	const char *paths[SRV_UPLOAD_FILES], *names[SRV_UPLOAD_FILES];
	for (size_t k = 0; k < q->upload->n; k++) {
		paths[k] = q->upload->f[k].tmp;
		names[k] = q->upload->f[k].name;
	}
	o.names = names;
	double t0 = now_s();
	rc = tendo_import_paths(q->store, paths, q->upload->n, &o, sum);
	if (rc && rc != TENDO_ENOTFOUND) {
		json_decref(run.files);
		return rc;
	}
	*out = shape_import(run.files, sum, now_s() - t0);
	return *out ? 0 : tendo_error_set(TENDO_ENOMEM, "out of memory");
}

/* The refusal an upload ended with, or the lack of a file: status and
 * message into *status, msg; false when there is a file to import. */
static bool upload_refused(const srv_req *q, int *status, const char **msg)
{
	const srv_upload *u = q->upload;
	if (!u) {
		*status = 500;
		*msg = "the upload was not kept";
		return true;
	}
	if (u->status) {
		*status = u->status;
		*msg = u->message;
		return true;
	}
	if (u->n == 0) {
		*status = 400;
		*msg = "choose a file to import (FIT, GPX, TCX, .gz, .zip)";
		return true;
	}
	if (u->raw && u->f[0].size == 0) {
		*status = 400;
		*msg = "the body is empty: send the file's bytes (or a multipart/form-data form with a file)";
		return true;
	}
	return false;
}

/* ------------------------------------------------------------ the page */

/* The form; error: the reason the last upload was refused, shown above
 * it, and then without the script (the page keeps the strict policy: sent
 * again, it posts as a plain form). */
static void import_form(tendo_buf *b, const srv_req *q, const char *error)
{
	tendo_buf_puts(b, "<h1>Import</h1><p>Runs and other activities from the watch: FIT, GPX and TCX files "
	                  "(also <code>.gz</code>), or a whole export as a <code>.zip</code> (Strava's bulk export, "
	                  "Garmin Connect's). Importing the same activity again changes nothing.</p>");
	if (error) {
		tendo_buf_puts(b, "<p class=\"err\" id=\"f-file-err\" role=\"alert\">");
		tendo_buf_put_xml(b, error);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "<form id=\"upload\" method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">");
	page_csrf_field(b, q);
	tendo_buf_printf(b,
	                 "<label for=\"f-file\">Files (up to %llu MB in all)</label>"
	                 "<input type=\"file\" id=\"f-file\" name=\"file\" multiple required "
	                 "accept=\".fit,.gpx,.tcx,.gz,.zip,.tgz,.tar\"%s>",
	                 (unsigned long long)(srv_upload_max(q->s) >> 20),
	                 error ? " aria-invalid=\"true\" aria-describedby=\"f-file-err\"" : "");
	tendo_buf_puts(b, "<p class=\"form-actions\"><button type=\"submit\">Import</button></p>"
	                  "<progress id=\"upload-progress\" max=\"100\" hidden>uploading</progress>"
	                  "<p id=\"upload-status\" class=\"muted\" aria-live=\"polite\"></p></form>");
	if (!error)
		tendo_buf_puts(b, "<script src=\"/static/upload.js\" defer></script>");
}

void page_import_get(srv_req *q, srv_reply *r)
{
	tendo_buf b;
	tendo_buf_init(&b);
	page_head(&b, "Import", true);
	import_form(&b, q, NULL);
	page_foot(&b);
	reply_buf(r, 200, HTML, &b);
	r->csp_connect = true;
}

/* The report as a page, made from the JSON the API answers. */
static void report_html(tendo_buf *b, json_t *report, const tendo_import_summary *sum)
{
	char line[200];
	json_t *summary = json_object_get(report, "summary");
	shape_import_sentence(sum, json_real_value(json_object_get(summary, "seconds")), line, sizeof(line));
	tendo_buf_puts(b, "<h1>Import</h1><p class=\"notice\">");
	tendo_buf_put_xml(b, line);
	tendo_buf_puts(b, "</p><ul class=\"log\">");
	size_t k;
	json_t *f;
	json_array_foreach(json_object_get(report, "files"), k, f)
	{
		const char *status = json_string_value(json_object_get(f, "status"));
		bool bad = status && strcmp(status, "error") == 0;
		tendo_buf_puts(b, bad ? "<li class=\"alert\"><strong>" : "<li><strong>");
		tendo_buf_put_xml(b, status ? status : "");
		tendo_buf_puts(b, "</strong> <code>");
		tendo_buf_put_xml(b, json_string_value(json_object_get(f, "path")));
		tendo_buf_puts(b, "</code>: ");
		tendo_buf_put_xml(b, json_string_value(json_object_get(f, "message")));
		const char *warning = json_string_value(json_object_get(f, "warning"));
		if (warning) {
			tendo_buf_puts(b, " <span class=\"muted\">(");
			tendo_buf_put_xml(b, warning);
			tendo_buf_puts(b, ")</span>");
		}
		tendo_buf_puts(b, "</li>");
	}
	tendo_buf_puts(b, "</ul><p><a class=\"alt\" href=\"/import\">Import more</a> &middot; "
	                  "<a class=\"alt\" href=\"/today\">Today</a></p>");
}

void page_import_post(srv_req *q, srv_reply *r)
{
	int status;
	const char *msg;
	tendo_buf b;
	tendo_buf_init(&b);
	page_head(&b, "Import", true);
	if (upload_refused(q, &status, &msg)) {
		if (status == 403) {
			tendo_buf_dispose(&b);
			page_error(r, 403, "Refused", msg);
			return;
		}
		import_form(&b, q, msg);
		page_foot(&b);
		reply_buf(r, status, HTML, &b);
		return;
	}
	json_t *report;
	tendo_import_summary sum;
	int rc = run_import(q, &report, &sum);
	if (rc) {
		tendo_buf_dispose(&b);
		const char *m = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
		page_error(r, rc == TENDO_EBUSY || rc == TENDO_ENOTFOUND ? 503 : 500, "Import stopped", m);
		return;
	}
	report_html(&b, report, &sum);
	json_decref(report);
	page_foot(&b);
	reply_buf(r, 200, HTML, &b);
}

void api_import(srv_req *q, srv_reply *r)
{
	int status;
	const char *msg;
	if (upload_refused(q, &status, &msg)) {
		api_error(r, status, msg, status == 403 ? NULL : "file");
		return;
	}
	json_t *report;
	tendo_import_summary sum;
	int rc = run_import(q, &report, &sum);
	if (rc)
		api_lib_error(r, rc);
	else
		api_reply_json(r, 200, report);
}

void page_upload_js(srv_req *q, srv_reply *r)
{
	(void)q;
	reply_static(r, 200, "text/javascript; charset=utf-8", JS);
}
