/*
 * fuzz_http.c - libFuzzer target for the server's request handling, in
 * process and without a socket. libmicrohttpd parses the HTTP framing; what
 * tendo's own code then sees is driven here exactly as the daemon drives it:
 * src/server/server.c is compiled into this file, and the handful of
 * libmicrohttpd calls it makes (header, cookie and query look-ups, the
 * response) are redirected by macros to the fakes below. So one input runs
 * the real on_request(): the Content-Length check, the body collected in
 * chunks against the body limit, dispatch() (Host check, the route table,
 * the session cookie, the bearer token, the form's CSRF field, the
 * X-CSRF-Token header), the handler (pages.c, api.c, data.c: the form
 * parser, the JSON body of POST /api/log/pain, the store), send_reply() and
 * the log line (the token masked, the path made safe for a terminal).
 *
 * Input: one flag byte, then lines separated by '\n' - method, URL (path,
 * then '?' and the query, which form_parse() reads as libmicrohttpd would
 * hand the "token" argument over), Host, Content-Type, Content-Length,
 * the session cookie's value, X-CSRF-Token, Authorization - and the rest is
 * the body. An empty or missing line is a header not sent. Flag bits stand
 * in for the secrets a fuzzer cannot guess (the real ones are still
 * compared by the real functions):
 *   0x01 the server listens on loopback (else on the LAN: login needed)
 *   0x02 the cookie is a live session's id
 *   0x04 X-CSRF-Token is that session's CSRF token
 *   0x08 the body starts with "csrf=<that token>&"
 *   0x10 Authorization is "Bearer <the server's token>"
 *   0x20 the query gets "&token=<the server's token>" (the login link)
 *   0xc0 the body arrives in one piece, or in pieces of 1, 7 or 64 bytes
 *
 * Checked for every input: exactly one answer; a status 200-599; every
 * answer carries the security headers; under /api/ the answer is JSON (an
 * object); the server's token appears in no answer and no log line unless
 * the input itself holds it. The store is a temporary database made once
 * (an athlete, a few entries, today fixed); what a request adds is deleted
 * after it so the log stays small. Built with -fsanitize=fuzzer by `make
 * fuzz`; replayed over fuzz/corpus/http by ctest.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "server_int.h"

/* ---------------------------------------- libmicrohttpd, as server.c sees it */

typedef struct {
	const char *host, *content_type, *content_length, *cookie, *csrf, *authz, *query_token;
	const srv_form *query; /* the URL's arguments, or NULL */
} fz_conn;

typedef struct {
	char *body;
	size_t len;
	bool must_free;
	unsigned n_headers;
	bool csp, nosniff, frame, cache;
	char type[128];
} fz_resp;

static struct {
	unsigned queued;
	unsigned status;
	char *body;
	size_t len;
	char type[128];
	bool headers_ok;
} fz_out;

static const char *fz_lookup(struct MHD_Connection *c, enum MHD_ValueKind kind, const char *key)
{
	const fz_conn *k = (const fz_conn *)(const void *)c;
	if (kind == MHD_COOKIE_KIND)
		return strcmp(key, "tendo_session") == 0 ? k->cookie : NULL;
	if (kind == MHD_GET_ARGUMENT_KIND)
		return strcmp(key, "token") == 0 ? k->query_token : NULL;
	if (kind != MHD_HEADER_KIND)
		return NULL;
	/* libmicrohttpd compares header names without regard to case */
	if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
		return k->host;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_TYPE) == 0)
		return k->content_type;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
		return k->content_length;
	if (strcasecmp(key, "X-CSRF-Token") == 0)
		return k->csrf;
	if (strcasecmp(key, MHD_HTTP_HEADER_AUTHORIZATION) == 0)
		return k->authz;
	return NULL;
}

/* MHD_get_connection_values() for the query's arguments, in order */
static int fz_values(struct MHD_Connection *c, enum MHD_ValueKind kind, MHD_KeyValueIterator it, void *cls)
{
	const fz_conn *k = (const fz_conn *)(const void *)c;
	int n = 0;
	if (kind != MHD_GET_ARGUMENT_KIND || !k->query)
		return 0;
	for (size_t i = 0; i < k->query->n; i++, n++)
		if (it && it(cls, kind, k->query->f[i].name, k->query->f[i].value) != MHD_YES)
			return n + 1;
	return n;
}

static struct MHD_Response *fz_create(size_t len, void *buf, enum MHD_ResponseMemoryMode mode)
{
	fz_resp *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->body = buf;
	r->len = len;
	r->must_free = mode == MHD_RESPMEM_MUST_FREE;
	return (struct MHD_Response *)(void *)r;
}

static enum MHD_Result fz_header(struct MHD_Response *resp, const char *name, const char *value)
{
	fz_resp *r = (fz_resp *)(void *)resp;
	/* what libmicrohttpd refuses in a header: a line break */
	if (!name || !value || strpbrk(name, "\r\n") || strpbrk(value, "\r\n"))
		__builtin_trap();
	r->n_headers++;
	if (strcmp(name, MHD_HTTP_HEADER_CONTENT_TYPE) == 0)
		snprintf(r->type, sizeof(r->type), "%s", value);
	r->csp |= strcmp(name, "Content-Security-Policy") == 0;
	r->nosniff |= strcmp(name, "X-Content-Type-Options") == 0;
	r->frame |= strcmp(name, "X-Frame-Options") == 0;
	r->cache |= strcmp(name, MHD_HTTP_HEADER_CACHE_CONTROL) == 0;
	return MHD_YES;
}

static enum MHD_Result fz_queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *resp)
{
	(void)c;
	fz_resp *r = (fz_resp *)(void *)resp;
	fz_out.queued++;
	fz_out.status = status;
	free(fz_out.body);
	fz_out.body = malloc(r->len + 1);
	if (fz_out.body) {
		memcpy(fz_out.body, r->body, r->len); /* every byte read: ASan checks the buffer */
		fz_out.body[r->len] = '\0';
	}
	fz_out.len = r->len;
	snprintf(fz_out.type, sizeof(fz_out.type), "%s", r->type);
	fz_out.headers_ok = r->csp && r->nosniff && r->frame && r->cache;
	return MHD_YES;
}

static void fz_destroy(struct MHD_Response *resp)
{
	fz_resp *r = (fz_resp *)(void *)resp;
	if (r->must_free)
		free(r->body);
	free(r);
}

/* the daemon itself is never started here */
static struct MHD_Daemon *fz_start_daemon(unsigned flags, uint16_t port, void *apc, void *apc_cls, void *dh,
                                          void *dh_cls, ...)
{
	(void)flags, (void)port, (void)apc, (void)apc_cls, (void)dh, (void)dh_cls;
	return NULL;
}
static MHD_socket fz_quiesce(struct MHD_Daemon *d)
{
	(void)d;
	return MHD_INVALID_SOCKET;
}
static void fz_stop(struct MHD_Daemon *d)
{
	(void)d;
}

/* upload.c, compiled apart, calls libmicrohttpd by name: the same fakes.
 * The multipart parser is not faked (a form's upload is refused as
 * unreadable, 400); a raw body to /api/import streams to a temporary file
 * in fz_dir and goes through the importer as for real. */
const char *MHD_lookup_connection_value(struct MHD_Connection *c, enum MHD_ValueKind kind, const char *key)
{
	return fz_lookup(c, kind, key);
}
struct MHD_PostProcessor *MHD_create_post_processor(struct MHD_Connection *c, size_t n, MHD_PostDataIterator it,
                                                    void *cls)
{
	(void)c, (void)n, (void)it, (void)cls;
	return NULL;
}
enum MHD_Result MHD_post_process(struct MHD_PostProcessor *pp, const char *data, size_t n)
{
	(void)pp, (void)data, (void)n;
	__builtin_trap(); /* never made */
}
enum MHD_Result MHD_destroy_post_processor(struct MHD_PostProcessor *pp)
{
	(void)pp;
	__builtin_trap();
}
static enum MHD_Result fz_feature(enum MHD_FEATURE f)
{
	(void)f;
	return MHD_NO;
}

#define MHD_lookup_connection_value fz_lookup
#define MHD_is_feature_supported fz_feature
#define MHD_get_connection_values fz_values
#define MHD_create_response_from_buffer fz_create
#define MHD_add_response_header fz_header
#define MHD_queue_response fz_queue
#define MHD_destroy_response fz_destroy
#define MHD_start_daemon(f, p, a, ac, d, dc, ...) fz_start_daemon(f, p, (void *)(a), ac, (void *)(d), dc, __VA_ARGS__)
#define MHD_quiesce_daemon fz_quiesce
#define MHD_stop_daemon fz_stop

#include "../src/server/server.c"

/* ----------------------------------------------------------- the harness */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_TOKEN "5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ffee5e1f0c0ff"
#define FZ_PORT 8080
#define FZ_BODY_MAX 2048 /* small, so the limit is within the fuzzer's reach */

static srv *fz_srv;
static int64_t fz_baseline; /* the largest entry id of the fixture */
static char fz_dir[64];

static int64_t max_id(const tendo_log *l)
{
	int64_t m = 0;
	for (size_t k = 0; k < l->n_pain; k++)
		m = l->pain[k].id > m ? l->pain[k].id : m;
	for (size_t k = 0; k < l->n_runs; k++)
		m = l->runs[k].id > m ? l->runs[k].id : m;
	return m;
}

static void fz_cleanup(void)
{
	if (!fz_srv)
		return;
	srv_stop(fz_srv, 0);
	fz_srv = NULL;
	if (fz_dir[0]) {
		char p[128];
		static const char *const files[] = { "t.db", "t.db-wal", "t.db-shm", "t.db-journal" };
		for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
			snprintf(p, sizeof(p), "%s/%s", fz_dir, files[k]);
			unlink(p);
		}
		rmdir(fz_dir);
	}
}

/* The server as srv_start() leaves it, without the socket and threads: a
 * database with an athlete, the token, today fixed. */
static void fz_init(void)
{
	snprintf(fz_dir, sizeof(fz_dir), "/tmp/tendo-fuzz-http.XXXXXX");
	if (!mkdtemp(fz_dir))
		abort();
	srv *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	snprintf(s->db_path, sizeof(s->db_path), "%s/t.db", fz_dir);
	snprintf(s->token, sizeof(s->token), "%s", FZ_TOKEN);
	snprintf(s->host, sizeof(s->host), "127.0.0.1");
	s->port = FZ_PORT;
	s->body_max = FZ_BODY_MAX;
	s->upload_max = 4 * FZ_BODY_MAX;
	snprintf(s->tmpdir, sizeof(s->tmpdir), "%s", fz_dir);
	auth_sessions_init(&s->sessions);
	pthread_mutex_init(&s->stores_lock, NULL);
	atomic_init(&s->inflight, 0);
	if (tendo_date_parse(&s->today, "2026-06-10"))
		abort();
	setenv("TZ", "UTC", 1);

	tendo_store *st = NULL;
	if (tendo_store_open(&st, s->db_path, TENDO_STORE_CREATE))
		abort();
	tendo_profile p;
	memset(&p, 0, sizeof(p));
	snprintf(p.name, sizeof(p.name), "fuzz");
	p.side = TENDO_SIDE_RIGHT;
	snprintf(p.tz, sizeof(p.tz), "UTC");
	p.start = s->today - 21;
	tendo_settings_default(&p.settings);
	int rc = tendo_store_begin(st);
	if (!rc)
		rc = tendo_store_init_profile(st, &p);
	for (int d = 0; d < 20 && !rc; d++) {
		tendo_pain pn = { .date = p.start + d, .kind = TENDO_PAIN_MORNING, .score = d % 4 };
		rc = tendo_store_add_pain(st, &pn, 0, d % 5 ? NULL : "stiff <b>&amp;</b>", NULL);
		tendo_run r = { .date = p.start + d, .minutes = 20 + d, .km = -1, .rpe = -1, .pain_during = 1, .pain_after = -1 };
		if (!rc && d % 2)
			rc = tendo_store_add_run(st, &r, 0, NULL);
	}
	if (!rc)
		rc = tendo_store_commit(st);
	tendo_log l;
	if (!rc)
		rc = tendo_store_load_log_ext(st, &l, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED);
	if (rc)
		abort();
	fz_baseline = max_id(&l);
	tendo_log_dispose(&l);
	tendo_store_close(st);
	fz_srv = s;
	atexit(fz_cleanup);
}

/* What a request added (pain reports, and runs or cross-training by an
 * upload) goes again. */
static void fz_forget_writes(void)
{
	tendo_store *st = tl_store;
	tendo_log l;
	if (!st || tendo_store_load_log_ext(st, &l, TENDO_DATE_NONE, TENDO_DATE_NONE, TENDO_LOAD_REPLACED))
		return;
	for (size_t k = 0; k < l.n_pain; k++)
		if (l.pain[k].id > fz_baseline && tendo_store_delete(st, l.pain[k].id))
			abort();
	for (size_t k = 0; k < l.n_runs; k++)
		if (l.runs[k].id > fz_baseline && tendo_store_delete(st, l.runs[k].id))
			abort();
	for (size_t k = 0; k < l.n_cross; k++)
		if (l.cross[k].id > fz_baseline && tendo_store_delete(st, l.cross[k].id))
			abort();
	tendo_log_dispose(&l);
}

/* The next line of the input as a C string (a NUL byte ends it early);
 * NULL when it is empty or the input is used up. */
static char *next_line(const char **p, const char *end, char *buf, size_t bufsz)
{
	if (*p >= end)
		return NULL;
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	const char *stop = nl ? nl : end;
	size_t n = (size_t)(stop - *p);
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, *p, n);
	buf[n] = '\0';
	*p = nl ? nl + 1 : end;
	return buf[0] ? buf : NULL;
}

static bool has(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t k = 0; hay && n <= len && k <= len - n; k++)
		if (memcmp(hay + k, needle, n) == 0)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fz_srv)
		fz_init();
	if (size < 1)
		return 0;
	srv *s = fz_srv;
	unsigned flags = data[0];
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	char method[64], url[1024], host[256], ctype[256], clen[64], cookie[256], csrf[256], authz[256];
	char *m = next_line(&p, end, method, sizeof(method));
	char *u = next_line(&p, end, url, sizeof(url));
	fz_conn c = {
		.host = next_line(&p, end, host, sizeof(host)),
		.content_type = next_line(&p, end, ctype, sizeof(ctype)),
		.content_length = next_line(&p, end, clen, sizeof(clen)),
		.cookie = next_line(&p, end, cookie, sizeof(cookie)),
		.csrf = next_line(&p, end, csrf, sizeof(csrf)),
		.authz = next_line(&p, end, authz, sizeof(authz)),
	};
	if (!m || !u)
		return 0;
	bool input_has_token = has((const char *)data, size, FZ_TOKEN);

	/* a fresh session table with one live session */
	memset(s->sessions.s, 0, sizeof(s->sessions.s));
	srv_session live;
	if (auth_session_new(&s->sessions, &live))
		abort();
	s->loopback = flags & 0x01;
	if (flags & 0x02)
		c.cookie = live.id;
	if (flags & 0x04)
		c.csrf = live.csrf;
	char bearer[80];
	snprintf(bearer, sizeof(bearer), "Bearer %s", FZ_TOKEN);
	if (flags & 0x10)
		c.authz = bearer;

	/* the query, as libmicrohttpd hands its arguments over */
	char *q = strchr(u, '?');
	srv_form query = { 0 };
	bool have_query = false;
	if (q) {
		*q++ = '\0';
		char qbuf[1200];
		int n = snprintf(qbuf, sizeof(qbuf), "%s%s", q, flags & 0x20 ? "&token=" FZ_TOKEN : "");
		have_query = form_parse(&query, qbuf, n < (int)sizeof(qbuf) ? (size_t)n : sizeof(qbuf) - 1) == 0;
		if (!have_query)
			form_dispose(&query);
		else {
			c.query_token = form_get(&query, "token");
			c.query = &query;
		}
	} else if (flags & 0x20) {
		c.query_token = FZ_TOKEN;
	}

	/* the body, with the form's CSRF field in front if asked */
	size_t blen = (size_t)(end - p);
	char *body = malloc(blen + 80);
	if (!body)
		abort();
	size_t off = 0;
	if (flags & 0x08)
		off = (size_t)snprintf(body, 80, "csrf=%s&", live.csrf);
	memcpy(body + off, p, blen);
	blen += off;

	memset(&fz_out, 0, sizeof(fz_out));
	FILE *log = NULL;
	char *logbuf = NULL;
	size_t loglen = 0;
	log = open_memstream(&logbuf, &loglen);
	s->log = log;

	/* libmicrohttpd's calls: the headers, the body in pieces, the end */
	struct MHD_Connection *conn = (struct MHD_Connection *)(void *)&c;
	void *cls = NULL;
	size_t up = 0;
	enum MHD_Result ok = on_request(s, conn, u, m, "HTTP/1.1", NULL, &up, &cls);
	static const size_t pieces[] = { 0, 1, 7, 64 };
	size_t piece = pieces[flags >> 6];
	if (ok == MHD_YES && !fz_out.queued) {
		for (size_t at = 0; at < blen;) {
			size_t n = piece && blen - at > piece ? piece : blen - at;
			up = n;
			ok = on_request(s, conn, u, m, "HTTP/1.1", body + at, &up, &cls);
			if (ok != MHD_YES || up != 0)
				__builtin_trap(); /* every byte is taken */
			at += n;
		}
		up = 0;
		ok = on_request(s, conn, u, m, "HTTP/1.1", NULL, &up, &cls);
	}
	on_completed(s, conn, &cls, MHD_REQUEST_TERMINATED_COMPLETED_OK);
	s->log = NULL;
	fclose(log);

	/* one answer, a real status, the headers; the API answers in JSON */
	if (fz_out.queued != 1 || fz_out.status < 200 || fz_out.status > 599 || !fz_out.headers_ok || !fz_out.body)
		__builtin_trap();
	if (is_api(u)) {
		json_error_t jerr;
		json_t *j = json_loadb(fz_out.body, fz_out.len, 0, &jerr);
		if (!json_is_object(j) || strncmp(fz_out.type, "application/json", 16) != 0)
			__builtin_trap();
		json_decref(j);
	}
	/* the token is never given away */
	if (!input_has_token && (has(fz_out.body, fz_out.len, FZ_TOKEN) || has(logbuf, loglen, FZ_TOKEN)))
		__builtin_trap();
	if (atomic_load(&s->inflight) != 0)
		__builtin_trap();

	if (getenv("TENDO_FUZZ_VERBOSE")) /* what each input got: for the seeds */
		fprintf(stderr, "%s %s -> %u %s\nlog: %.*s", m, u, fz_out.status, fz_out.type, (int)loglen,
		        logbuf ? logbuf : "");
	if (strcmp(m, "POST") == 0 && (fz_out.status == 201 || fz_out.status == 303))
		fz_forget_writes();
	free(fz_out.body);
	fz_out.body = NULL;
	free(logbuf);
	free(body);
	if (have_query)
		form_dispose(&query);
	return 0;
}
