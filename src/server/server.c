/*
 * server.c - the daemon behind `tendo serve` (server.h): libmicrohttpd with
 * a thread pool, one SQLite connection per worker thread, a table of
 * routes, the checks every request passes (Host, session or bearer token,
 * CSRF, body limit) and the security headers every answer carries.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <ifaddrs.h>

#include <microhttpd.h>
#include <tendo/share.h>
#include <tendo/text.h>

#include "server_int.h"

#define BODY_MAX_DEFAULT ((size_t)64 * 1024)
#define UPLOAD_MAX_DEFAULT ((uint64_t)1 << 30) /* 1 GiB: a whole watch export */
#define PEM_MAX ((size_t)1 << 20)              /* a certificate or key file */
#define UPLOAD_SLACK ((uint64_t)64 * 1024)     /* a declared upload's room for the form around its files */
#define STORES_MAX 64

/* What every answer says to the browser. */
static const char CSP[] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                          "manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/* The same, for a page whose own script sends its form (the import's
 * progress bar): XMLHttpRequest to this origin, nothing else. */
static const char CSP_CONNECT[] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                                  "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                  "base-uri 'none'";

struct srv {
	struct MHD_Daemon *d;
	char db_path[4096];
	char token[SRV_TOKEN_HEX + 1];
	char token_path[4096];
	char host[INET6_ADDRSTRLEN + 2]; /* as put in URLs: "127.0.0.1", "[::1]" */
	int port;
	bool loopback;
	tendo_date today;                 /* $TENDO_TODAY at start, or TENDO_DATE_NONE */
	size_t body_max;
	uint64_t upload_max;              /* an upload route's limit (its body goes to files) */
	char tmpdir[4096];                /* $TMPDIR at start, else /tmp: where uploads are kept */
	bool tls;                         /* https */
	char *tls_cert, *tls_key;         /* the PEM texts (owned; the key wiped at stop) */
	FILE *log;
	srv_sessions sessions;
	atomic_int inflight;              /* requests between their first call and completion */
	pthread_mutex_t stores_lock;
	tendo_store *stores[STORES_MAX];  /* every worker's connection, closed at stop */
	size_t n_stores;
};

/* This worker thread's connection, and the server it belongs to. */
static _Thread_local tendo_store *tl_store;
static _Thread_local const srv *tl_owner;

const char *srv_token(const srv *s)
{
	return s->token;
}

bool srv_loopback(const srv *s)
{
	return s->loopback;
}

bool srv_is_loopback(const srv *s)
{
	return s->loopback;
}

const char *srv_token_path(const srv *s)
{
	return s->token_path;
}

tendo_date srv_today_override(const srv *s)
{
	return s->today;
}

srv_sessions *srv_sessions_of(srv *s)
{
	return &s->sessions;
}

uint64_t srv_upload_max(const srv *s)
{
	return s->upload_max;
}

/* ------------------------------------------------------------ replies */

void reply_take(srv_reply *r, int status, const char *type, char *body, size_t len)
{
	free(r->body);
	r->status = status;
	r->type = type;
	r->body = body;
	r->len = len;
	r->body_static = NULL;
}

void reply_static(srv_reply *r, int status, const char *type, const char *body)
{
	free(r->body);
	r->body = NULL;
	r->status = status;
	r->type = type;
	r->body_static = body;
	r->len = strlen(body);
}

void reply_redirect(srv_reply *r, const char *location)
{
	reply_static(r, 303, "text/plain; charset=utf-8", "see other\n");
	snprintf(r->location, sizeof(r->location), "%s", location);
}

void reply_buf(srv_reply *r, int status, const char *type, tendo_buf *b)
{
	size_t len;
	char *s = tendo_buf_take(b, &len);
	if (!s) {
		reply_static(r, 500, "text/plain; charset=utf-8", "out of memory\n");
		return;
	}
	reply_take(r, status, type, s, len);
}

/* ------------------------------------------------------- the database */

/* This thread's connection, opened on its first request. */
static tendo_store *thread_store(srv *s, char *err, size_t errsz)
{
	if (tl_store && tl_owner == s)
		return tl_store;
	tendo_store *st = NULL;
	int rc = tendo_store_open(&st, s->db_path, 0);
	if (rc) {
		snprintf(err, errsz, "%s", tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc));
		return NULL;
	}
	pthread_mutex_lock(&s->stores_lock);
	if (s->n_stores == STORES_MAX) {
		pthread_mutex_unlock(&s->stores_lock);
		tendo_store_close(st);
		snprintf(err, errsz, "too many database connections");
		return NULL;
	}
	s->stores[s->n_stores++] = st;
	pthread_mutex_unlock(&s->stores_lock);
	tl_store = st;
	tl_owner = s;
	return st;
}

/* ------------------------------------------------------------ routing */

enum {
	R_PUBLIC = 1 << 0, /* no login needed (the login page, the stylesheet) */
	R_API = 1 << 1,    /* JSON: 401 and errors as JSON */
	R_FORM = 1 << 2,   /* a POSTed form: session and CSRF field */
	R_JSON = 1 << 3,   /* a POSTed JSON body: bearer, or session and X-CSRF-Token */
	R_NODB = 1 << 4,   /* needs no database */
	R_PREFIX = 1 << 5, /* path is a prefix ending in '/': "/runs/" takes "/runs/12"
	                      (the rest, never empty, in srv_req.rest) */
	R_UPLOAD = 1 << 6, /* a streamed upload (upload.c): the body goes to temporary
	                      files as it arrives, up to upload_max, not into memory;
	                      checked before the body is read; a form's CSRF field
	                      must come before its files */
	R_SHARE = 1 << 7   /* a GET a read-only (shared link) session may use; it gets
	                      403 on every other route */
};

typedef struct {
	const char *path;
	const char *method;
	void (*fn)(srv_req *, srv_reply *);
	unsigned flags;
} route;

static const route routes[] = {
	{ "/", "GET", page_home, 0 },
	{ "/today", "GET", page_today, 0 },
	{ "/checkin", "GET", page_checkin_get, 0 },
	{ "/checkin", "POST", page_checkin_post, R_FORM },
	{ "/log", "GET", page_log, 0 },
	{ "/log/pain", "POST", page_log_pain_post, R_FORM },
#define LOGKIND(k)                                                                                                     \
	{ "/log/" k, "GET", page_logkind_get, 0 }, { "/log/" k, "POST", page_logkind_post, R_FORM },                     \
		{ "/api/log/" k, "POST", api_logkind, R_API | R_JSON }
	LOGKIND("run"), LOGKIND("rehab"), LOGKIND("cross"), LOGKIND("test"), LOGKIND("flag"), LOGKIND("sitting"),
	LOGKIND("aggravator"), LOGKIND("visa"),
#undef LOGKIND
	{ "/today/done", "POST", page_done_post, R_FORM },
	{ "/api/done", "POST", api_done, R_API | R_JSON },
	{ "/login", "GET", page_login, R_PUBLIC | R_NODB },
	{ "/login", "POST", page_login_post, R_PUBLIC | R_NODB },
	{ "/static/app.css", "GET", page_css, R_PUBLIC | R_NODB | R_SHARE },
	{ "/api/today", "GET", api_today, R_API },
	{ "/api/status", "GET", api_status, R_API | R_SHARE },
	{ "/api/log/pain", "POST", api_log_pain, R_API | R_JSON },
	/* the plan, its calendar and the shared links (issue 9) */
	{ "/plan", "GET", page_plan, R_SHARE },
	{ "/plan/feed", "POST", page_plan_feed_post, R_FORM },
	{ "/plan.ics", "GET", page_plan_ics, R_SHARE },
	{ "/calendar.ics", "GET", page_calendar_feed, R_PUBLIC | R_SHARE },
	{ "/api/plan", "GET", api_plan, R_API | R_SHARE },
	{ "/s/", "GET", page_share_open, R_PUBLIC | R_PREFIX | R_SHARE },
	/* runs, history, entries, report (runs.c) */
	{ "/runs", "GET", page_runs, R_SHARE },
	{ "/history", "GET", page_history, R_SHARE },
	{ "/entries/", "GET", page_entry_get, R_PREFIX | R_SHARE }, /* a shared link: the view only */
	{ "/entries/", "POST", page_entry_post, R_PREFIX | R_FORM },
	{ "/report", "GET", page_report, R_SHARE },
	{ "/static/report.css", "GET", page_report_css, R_PUBLIC | R_NODB | R_SHARE },
	{ "/api/history", "GET", api_history, R_API | R_SHARE },
	{ "/api/runs", "GET", api_runs, R_API | R_SHARE },
	{ "/api/report", "GET", api_report, R_API | R_SHARE },
	{ "/api/entries/", "GET", api_entry_get, R_API | R_PREFIX },
	{ "/api/entries/", "PATCH", api_entry_patch, R_API | R_PREFIX | R_JSON },
	{ "/api/entries/", "DELETE", api_entry_delete, R_API | R_PREFIX | R_JSON },
	/* the import by upload (upload.c) */
	{ "/import", "GET", page_import_get, 0 },
	{ "/import", "POST", page_import_post, R_UPLOAD },
	{ "/api/import", "POST", api_import, R_API | R_JSON | R_UPLOAD },
	{ "/static/upload.js", "GET", page_upload_js, R_PUBLIC | R_NODB },
	/* the app shell (shell.c): public, cacheable like the stylesheet */
	{ "/manifest.webmanifest", "GET", shell_manifest, R_PUBLIC | R_NODB },
	{ "/static/icon.svg", "GET", shell_icon_svg, R_PUBLIC | R_NODB },
	{ "/static/icon-192.png", "GET", shell_icon_png, R_PUBLIC | R_NODB },
	{ "/static/icon-512.png", "GET", shell_icon_png, R_PUBLIC | R_NODB },
	{ "/apple-touch-icon.png", "GET", shell_icon_png, R_PUBLIC | R_NODB },
};
#define N_ROUTES (sizeof(routes) / sizeof(routes[0]))

const char *srv_query(const srv_req *q, const char *name)
{
	for (size_t k = 0; k < q->nq; k++)
		if (strcmp(q->qname[k], name) == 0)
			return q->qval[k];
	return NULL;
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	srv_req *q = cls;
	if (q->nq < SRV_FIELDS_MAX && key) {
		q->qname[q->nq] = key;
		q->qval[q->nq++] = value ? value : "";
	}
	return MHD_YES;
}

static bool is_api(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

static void refuse(srv_reply *r, bool api, int status, const char *title, const char *msg)
{
	if (api)
		api_error(r, status, msg, NULL);
	else
		page_error(r, status, title, msg);
}

/* On loopback the Host must name loopback too: a page elsewhere cannot
 * point a name of its own at 127.0.0.1 (DNS rebinding) and read the log. */
static bool host_ok(const srv *s, const char *host)
{
	if (!s->loopback)
		return true;
	if (!host)
		return false;
	static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		size_t n = strlen(names[k]);
		if (strncasecmp(host, names[k], n) == 0) {
			const char *rest = host + n;
			if (*rest == '\0')
				return true;
			char *end;
			long port = rest[0] == ':' ? strtol(rest + 1, &end, 10) : -1;
			if (rest[0] == ':' && *end == '\0' && port == s->port)
				return true;
		}
	}
	return false;
}

static bool form_type(const char *ct)
{
	return ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0 &&
	       (ct[33] == '\0' || ct[33] == ';');
}

/* The route of method and path, its request filled and its checks passed
 * (Host, login, CSRF, the database); or NULL with the refusal in r. */
static const route *dispatch_check(srv *s, struct MHD_Connection *c, const char *path, const char *method,
                                   srv_req *q, srv_reply *r)
{
	bool api = is_api(path);
	if (!host_ok(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST))) {
		refuse(r, api, 403, "Forbidden", "this server answers to 127.0.0.1 or localhost only");
		return NULL;
	}
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	const route *rt = NULL;
	bool path_known = false;
	char allow[48] = "";
	for (size_t k = 0; k < N_ROUTES; k++) {
		size_t plen = strlen(routes[k].path);
		bool match = (routes[k].flags & R_PREFIX)
		                     ? strncmp(routes[k].path, path, plen) == 0 && path[plen] != '\0'
		                     : strcmp(routes[k].path, path) == 0;
		if (!match)
			continue;
		if (routes[k].flags & R_PREFIX)
			q->rest = path + plen;
		path_known = true;
		size_t n = strlen(allow);
		snprintf(allow + n, sizeof(allow) - n, "%s%s%s", n ? ", " : "", routes[k].method,
		         strcmp(routes[k].method, "GET") == 0 ? ", HEAD" : "");
		if (strcmp(routes[k].method, m) == 0)
			rt = &routes[k];
	}
	if (!path_known) {
		refuse(r, api, 404, "Not found", "there is no such page");
		return NULL;
	}
	if (!rt) {
		refuse(r, api, 405, "Method not allowed", "this address does not take that method");
		snprintf(r->allow, sizeof(r->allow), "%s", allow);
		return NULL;
	}
	q->method = m;
	q->path = path;
	q->content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	q->csrf_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	q->host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	q->query_token = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, on_arg, q);

	/* who is asking: a session cookie, a bearer token, or anyone on loopback */
	const char *cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, SRV_COOKIE);
	q->have_session = cookie && auth_session_find(&s->sessions, cookie, &q->session);
	const char *authz = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	q->bearer = authz && strncasecmp(authz, "Bearer ", 7) == 0 && auth_equal(authz + 7, s->token);
	q->authed = q->have_session || q->bearer || s->loopback;
	/* a session a shared link opened reads only: the GETs flagged R_SHARE,
	 * while its share stands (revoked or expired: refused at once) */
	if (q->have_session && q->session.readonly && !q->bearer) {
		if (!(rt->flags & R_SHARE) || strcmp(m, "GET") != 0) {
			refuse(r, api, 403, "Read only",
			       "this shared link reads only: the plan, status, history and report; nothing here writes");
			return NULL;
		}
		char err[512];
		tendo_store *st = thread_store(s, err, sizeof(err));
		tendo_share_state state = TENDO_SHARE_UNKNOWN;
		if (!st) {
			refuse(r, api, 503, "Database unavailable", err);
			return NULL;
		}
		if (tendo_share_check_id(st, q->session.share_id, time(NULL), &state, NULL) != 0) {
			refuse(r, api, 503, "Database unavailable", tendo_error_last());
			return NULL;
		}
		/* a new link (/s/...) and the stylesheet stay open to it */
		if (state != TENDO_SHARE_VALID && !(rt->flags & R_PUBLIC)) {
			refuse(r, api, 403, "Link ended",
			       state == TENDO_SHARE_EXPIRED ? "this shared link has expired: ask for a new one"
			                                    : "this shared link was revoked: ask for a new one");
			return NULL;
		}
	}
	if (!(rt->flags & R_PUBLIC) && !q->authed) {
		if (api) {
			api_error(r, 401, "log in first: a session cookie from /login, or Authorization: Bearer <token>", NULL);
			r->www_auth = true;
		} else if (strcmp(m, "GET") == 0) {
			reply_redirect(r, "/login");
		} else {
			page_error(r, 401, "Log in first", "log in with the token the server printed, then try again");
		}
		return NULL;
	}
	/* on loopback a page visit starts a session: its CSRF token goes in the forms */
	if (s->loopback && !q->have_session && !api && strcmp(m, "GET") == 0 && !(rt->flags & R_NODB)) {
		if (auth_session_new(&s->sessions, &q->session) == 0)
			q->have_session = q->new_session = true;
	}
	if (rt->flags & R_FORM) {
		srv_form f;
		int bad = !form_type(q->content_type) ? 1 : form_parse(&f, q->body, q->body_len) ? 2 : 0;
		const char *tok = bad == 0 ? form_get(&f, "csrf") : NULL;
		bool ok = bad == 0 && q->have_session && tok && auth_equal(tok, q->session.csrf);
		if (bad != 1)
			form_dispose(&f);
		if (bad == 1) {
			page_error(r, 415, "Unsupported form", "a form is sent as application/x-www-form-urlencoded");
			return NULL;
		}
		if (bad == 2) {
			page_error(r, 400, "Bad form", "the form could not be read (a malformed field)");
			return NULL;
		}
		if (!ok) {
			page_error(r, 403, "Refused",
			           "this form did not come from this app's own page (no or wrong CSRF token): open the page "
			           "again and resend");
			return NULL;
		}
	}
	if (rt->flags & R_JSON) {
		if (!q->bearer && !(q->have_session && q->csrf_header && auth_equal(q->csrf_header, q->session.csrf))) {
			api_error(r, 403,
			          "a write through the API needs Authorization: Bearer <token>, or the session cookie with "
			          "its X-CSRF-Token header",
			          NULL);
			return NULL;
		}
	}
	/* an uploaded form's CSRF field is in its body: without a session it
	 * cannot match, so it is refused before the body is read */
	if ((rt->flags & R_UPLOAD) && !(rt->flags & R_JSON) && !q->have_session) {
		page_error(r, 403, "Refused",
		           "this form did not come from this app's own page (no session): open the page again and resend");
		return NULL;
	}
	if (!(rt->flags & R_NODB)) {
		char err[512];
		q->store = thread_store(s, err, sizeof(err));
		if (!q->store) {
			refuse(r, api, 503, "Database unavailable", err);
			return NULL;
		}
	}
	return rt;
}

static void dispatch(srv *s, struct MHD_Connection *c, const char *path, const char *method, srv_req *q,
                     srv_reply *r)
{
	const route *rt = dispatch_check(s, c, path, method, q, r);
	if (rt)
		rt->fn(q, r);
}

/* True when method and path are an upload route. */
static bool upload_route(const char *path, const char *method)
{
	for (size_t k = 0; k < N_ROUTES; k++)
		if ((routes[k].flags & R_UPLOAD) && strcmp(routes[k].path, path) == 0 &&
		    strcmp(routes[k].method, method) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------ the HTTP side */

typedef struct {
	tendo_buf body;
	bool too_big;
	bool answered;  /* refused early (413 from Content-Length): nothing more to do */
	srv_upload *upload; /* an upload route's body, streamed to files; else NULL */
} conn_state;

/* The token, should text ever hold it (a path typed wrong), as stars. */
static void mask_token(const srv *s, char *text)
{
	for (char *t = s->token[0] ? strstr(text, s->token) : NULL; t; t = strstr(t, s->token))
		memset(t, '*', SRV_TOKEN_HEX);
}

/* A shared link's token (/s/<token>) and any run of 16 or more hex digits
 * (a token, or a piece of one, put in another path) as stars: share tokens live in the database,
 * so they are masked by their shape. */
static void mask_share(char *text)
{
	if (strncmp(text, "/s/", 3) == 0)
		for (char *t = text + 3; *t; t++)
			*t = '*';
	for (char *t = text; *t;) {
		size_t n = strspn(t, "0123456789abcdefABCDEF");
		if (n >= 16)
			memset(t, '*', n);
		t += n ? n : 1;
	}
}

/* The method as logged: one HTTP defines, else "?". A method is whatever
 * the client sent (the token typed in the wrong place, a terminal escape):
 * it is not written as it came. */
static const char *log_method(const char *m)
{
	static const char *const known[] = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" };
	for (size_t k = 0; m && k < sizeof(known) / sizeof(known[0]); k++)
		if (strcmp(m, known[k]) == 0)
			return known[k];
	return "?";
}

static void log_line(const srv *s, const char *method, const char *path, int status)
{
	if (!s->log)
		return;
	method = log_method(method);
	/* the path without its query (the token never reaches the log), made
	 * safe for a terminal */
	char p[520], shown[1100];
	char *whole = strdup(path); /* masked whole, then cut: a cut never splits a token out of reach */
	if (!whole)
		return;
	mask_token(s, whole);
	mask_share(whole);
	snprintf(p, sizeof(p), "%s", whole);
	free(whole);
	tendo_text_terminal(p, shown, sizeof(shown));
	mask_share(shown);
	mask_token(s, shown); /* and after: an escape ("\x15") can complete a token typed in part */
	fprintf(s->log, "%s %s %d\n", method, shown, status);
	fflush(s->log);
}

/* What the browser may keep an hour: what is under /static/, the manifest
 * and the home-screen icon; everything else is no-store. */
static bool cacheable(const char *path)
{
	return strncmp(path, "/static/", 8) == 0 || strcmp(path, "/manifest.webmanifest") == 0 ||
	       strcmp(path, "/apple-touch-icon.png") == 0;
}

static enum MHD_Result send_reply(srv *s, struct MHD_Connection *c, const char *method, const char *path,
                                  const srv_req *q, srv_reply *r)
{
	struct MHD_Response *resp;
	if (r->body)
		resp = MHD_create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
	else
		resp = MHD_create_response_from_buffer(r->len, (void *)(r->body_static ? r->body_static : ""),
		                                       MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(r->body);
		return MHD_NO;
	}
	r->body = NULL; /* the response owns it */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "text/plain; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", r->csp_connect ? CSP_CONNECT : CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	                        cacheable(path) && r->status == 200 ? "max-age=3600" : "no-store");
	if (r->location[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	if (r->allow[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	if (r->www_auth)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"tendo\"");
	if (r->disposition)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
	if (q && q->new_session) {
		char cookie[200];
		snprintf(cookie, sizeof(cookie), SRV_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
		         q->session.id, SRV_SESSION_IDLE, s->tls ? "; Secure" : "");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	}
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	log_line(s, method, path, r->status);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	srv *s = cls;
	conn_state *cs = *con_cls;
	if (!cs) {
		cs = calloc(1, sizeof(*cs));
		if (!cs)
			return MHD_NO;
		tendo_buf_init(&cs->body);
		*con_cls = cs;
		atomic_fetch_add(&s->inflight, 1);
		bool up = upload_route(url, method);
		/* a declared body over the limit is refused before it is read */
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			if (errno || *end || n > (up ? s->upload_max + UPLOAD_SLACK : s->body_max)) {
				srv_reply r = { 0 };
				if (up) {
					char msg[200];
					snprintf(msg, sizeof(msg), "the upload is over the limit of %llu MB",
					         (unsigned long long)(s->upload_max >> 20));
					refuse(&r, is_api(url), 413, "Too large", msg);
				} else {
					refuse(&r, is_api(url), 413, "Too large", "the request body is over the limit");
				}
				cs->too_big = cs->answered = true;
				return send_reply(s, c, method, url, NULL, &r);
			}
		}
		if (up) {
			/* checked now (Host, login, CSRF header, a session for a
			 * form), then the body streams to temporary files */
			srv_reply r = { 0 };
			srv_req q = { .s = s };
			if (!dispatch_check(s, c, url, method, &q, &r)) {
				cs->answered = true;
				return send_reply(s, c, method, url, &q, &r);
			}
			free(r.body);
			cs->upload = malloc(sizeof(*cs->upload));
			if (!cs->upload)
				return MHD_NO;
			upload_begin(cs->upload, c, s->tmpdir, s->upload_max,
			             is_api(url) ? NULL : q.session.csrf, is_api(url));
		}
		return MHD_YES;
	}
	if (cs->answered) { /* MHD drops the rest of the connection */
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size && cs->upload) {
		upload_data(cs->upload, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!cs->too_big) {
			if (cs->body.len + *upload_size > s->body_max) {
				cs->too_big = true;
				tendo_buf_dispose(&cs->body);
			} else {
				tendo_buf_put(&cs->body, upload, *upload_size);
			}
		}
		*upload_size = 0;
		return MHD_YES;
	}
	srv_reply r = { 0 };
	srv_req q = { .s = s };
	if (cs->too_big) {
		refuse(&r, is_api(url), 413, "Too large", "the request body is over the limit");
	} else if (cs->body.err) {
		refuse(&r, is_api(url), 500, "Server error", "out of memory");
	} else {
		q.body = cs->body.data ? cs->body.data : "";
		q.body_len = cs->body.len;
		if (cs->upload) {
			upload_end(cs->upload);
			q.upload = cs->upload;
		}
		dispatch(s, c, url, method, &q, &r);
	}
	if (!r.status)
		refuse(&r, is_api(url), 500, "Server error", "no answer");
	return send_reply(s, c, method, url, &q, &r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	srv *s = cls;
	conn_state *cs = *con_cls;
	if (!cs)
		return;
	tendo_buf_dispose(&cs->body);
	upload_dispose(cs->upload);
	free(cs);
	*con_cls = NULL;
	atomic_fetch_sub(&s->inflight, 1);
}

/* -------------------------------------------------------- start, stop */

/* libmicrohttpd's own messages (a port taken, a client gone): one line each
 * on the log, made safe for a terminal, the token masked should one ever
 * carry it. */
static void mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	const srv *s = cls;
	if (!s->log)
		return;
	char msg[600], shown[1200];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *whole = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!whole)
		return;
	vsnprintf(whole, (size_t)n + 1, fmt, ap);
	mask_token(s, whole); /* masked whole, then cut (as log_line) */
	mask_share(whole);
	snprintf(msg, sizeof(msg), "%s", whole);
	free(whole);
	msg[strcspn(msg, "\r\n")] = '\0';
	tendo_text_terminal(msg, shown, sizeof(shown));
	mask_token(s, shown); /* as log_line */
	mask_share(shown);
	fprintf(s->log, "tendo serve: libmicrohttpd: %s\n", shown);
	fflush(s->log);
}

/* The PEM file at path, whole, as a new string into *out; 0, or -1 with
 * the reason (naming the option) in err. */
static int read_pem(const char *option, const char *path, char **out, char *err, size_t errsz)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errsz, "%s: cannot read %s: %s", option, path, strerror(errno));
		return -1;
	}
	char *text = malloc(PEM_MAX + 1);
	size_t n = text ? fread(text, 1, PEM_MAX + 1, f) : 0;
	bool bad = ferror(f);
	fclose(f);
	if (!text || bad || n > PEM_MAX || n == 0 || memchr(text, '\0', n) || !strstr(text, "-----BEGIN ")) {
		snprintf(err, errsz, "%s: %s is not a PEM file (%s)", option, path,
		         !text ? "out of memory" : bad ? "read error" : n > PEM_MAX ? "over 1 MB" : "no -----BEGIN line");
		free(text);
		return -1;
	}
	text[n] = '\0';
	*out = text;
	return 0;
}

/* The first IPv4 address of a non-loopback interface, for the URL of a
 * server bound to 0.0.0.0; false if there is none. */
static bool lan_address(char *out, size_t outsz)
{
	struct ifaddrs *ifs, *i;
	bool found = false;
	if (getifaddrs(&ifs) != 0)
		return false;
	for (i = ifs; i && !found; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
			continue;
		const struct sockaddr_in *a = (const struct sockaddr_in *)(const void *)i->ifa_addr;
		if ((ntohl(a->sin_addr.s_addr) >> 24) == 127)
			continue;
		found = inet_ntop(AF_INET, &a->sin_addr, out, (socklen_t)outsz) != NULL;
	}
	freeifaddrs(ifs);
	return found;
}

int srv_start(srv **out, const srv_config *cfg, char *err, size_t errsz)
{
	*out = NULL;
	const char *addr_s = cfg->bind ? cfg->bind : "127.0.0.1";
	struct sockaddr_in v4 = { .sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port) };
	struct sockaddr_in6 v6 = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)cfg->port) };
	bool is6 = false;
	if (inet_pton(AF_INET, addr_s, &v4.sin_addr) != 1) {
		if (inet_pton(AF_INET6, addr_s, &v6.sin6_addr) != 1) {
			snprintf(err, errsz, "--bind must be an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0 (got '%s')", addr_s);
			return -1;
		}
		is6 = true;
	}
	if (cfg->port < 0 || cfg->port > 65535) {
		snprintf(err, errsz, "--port must be 1-65535, or 0 for any free port (got %d)", cfg->port);
		return -1;
	}
	srv *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	s->loopback = is6 ? IN6_IS_ADDR_LOOPBACK(&v6.sin6_addr) : (ntohl(v4.sin_addr.s_addr) >> 24) == 127;
	s->body_max = cfg->body_max ? cfg->body_max : BODY_MAX_DEFAULT;
	s->upload_max = cfg->upload_max ? cfg->upload_max : UPLOAD_MAX_DEFAULT;
	const char *tmp = getenv("TMPDIR");
	snprintf(s->tmpdir, sizeof(s->tmpdir), "%s", tmp && tmp[0] == '/' ? tmp : "/tmp");
	s->log = cfg->log;
	snprintf(s->db_path, sizeof(s->db_path), "%s", cfg->db_path);
	auth_sessions_init(&s->sessions);
	pthread_mutex_init(&s->stores_lock, NULL);
	/* the environment is read and grown here, before any thread: the
	 * library's zone conversions then only swap TZ's value under their lock
	 * (tendo/date.h); an unset TZ means /etc/localtime, said explicitly */
	s->today = TENDO_DATE_NONE;
	const char *fake = getenv("TENDO_TODAY");
	if (fake && *fake && tendo_date_parse(&s->today, fake) != 0)
		s->today = TENDO_DATE_NONE;
	if (!getenv("TZ"))
		setenv("TZ", ":/etc/localtime", 1);
	atomic_init(&s->inflight, 0);

	/* the database must be there with an athlete: say so now, not on the first request */
	tendo_store *probe = NULL;
	tendo_profile p;
	int rc = tendo_store_open(&probe, s->db_path, 0);
	bool opened = rc == 0;
	if (rc == 0)
		rc = tendo_store_get_profile(probe, &p);
	tendo_store_close(probe);
	if (rc == TENDO_ENOTFOUND && opened) {
		snprintf(err, errsz, "no athlete in %s yet: run 'tendo init --side left|right|both' first", s->db_path);
		srv_stop(s, 0);
		return -1;
	}
	if (rc) {
		snprintf(err, errsz, "%s", tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc));
		srv_stop(s, 0);
		return -1;
	}
	if (auth_token_load(s->token, cfg->token_dir, s->token_path, sizeof(s->token_path), err, errsz)) {
		srv_stop(s, 0);
		return -1;
	}
	if (!cfg->tls_cert != !cfg->tls_key) {
		snprintf(err, errsz, "--tls-cert and --tls-key go together (give both, or neither for plain http)");
		srv_stop(s, 0);
		return -1;
	}
	if (cfg->tls_cert) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			snprintf(err, errsz, "this libmicrohttpd was built without TLS: --tls-cert cannot be used");
			srv_stop(s, 0);
			return -1;
		}
		if (read_pem("--tls-cert", cfg->tls_cert, &s->tls_cert, err, errsz) ||
		    read_pem("--tls-key", cfg->tls_key, &s->tls_key, err, errsz)) {
			srv_stop(s, 0);
			return -1;
		}
		s->tls = true;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = cfg->threads ? cfg->threads : cores > 0 ? (unsigned)cores : 1;
	if (threads > STORES_MAX)
		threads = STORES_MAX;
	/* the socket is bound here, so the port (for --port 0) and the URL are
	 * known before any worker runs */
	const struct sockaddr *sa = is6 ? (const struct sockaddr *)(const void *)&v6 : (const struct sockaddr *)(const void *)&v4;
	socklen_t salen = is6 ? (socklen_t)sizeof(v6) : (socklen_t)sizeof(v4);
	int one = 1;
	int fd = socket(is6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    (is6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) != 0) || bind(fd, sa, salen) != 0 ||
	    listen(fd, 64) != 0) {
		snprintf(err, errsz, "cannot listen on %s port %d: %s", addr_s, cfg->port, strerror(errno));
		if (fd >= 0)
			close(fd);
		srv_stop(s, 0);
		return -1;
	}
	struct sockaddr_storage got;
	socklen_t gotlen = sizeof(got);
	if (getsockname(fd, (struct sockaddr *)&got, &gotlen) == 0)
		s->port = ntohs(got.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)(void *)&got)->sin6_port
		                                          : ((struct sockaddr_in *)(void *)&got)->sin_port);
	else
		s->port = cfg->port;
	char addr[INET6_ADDRSTRLEN] = "";
	bool any = is6 ? IN6_IS_ADDR_UNSPECIFIED(&v6.sin6_addr) : v4.sin_addr.s_addr == htonl(INADDR_ANY);
	bool bracket = is6;
	if (any && lan_address(addr, sizeof(addr)))
		bracket = false;
	else
		snprintf(addr, sizeof(addr), "%s", addr_s);
	snprintf(s->host, sizeof(s->host), bracket ? "[%s]" : "%s", addr);

	unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | (is6 ? MHD_USE_IPv6 : 0) |
	                 (s->tls ? MHD_USE_TLS : 0);
	/* the certificate and key come last: without TLS the list ends before them */
	s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
	                        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_THREAD_POOL_SIZE, threads,
	                        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 * 1024, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
	                        MHD_OPTION_CONNECTION_LIMIT, 200u, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	                        s->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, s->tls_cert,
	                        MHD_OPTION_HTTPS_MEM_KEY, s->tls_key, MHD_OPTION_END);
	if (!s->d) {
		close(fd);
		snprintf(err, errsz, "cannot start the server on %s port %d%s (see libmicrohttpd's message above)", addr_s,
		         s->port, s->tls ? " with this certificate and key" : "");
		srv_stop(s, 0);
		return -1;
	}
	*out = s;
	return 0;
}

void srv_url(const srv *s, char *buf, size_t bufsz)
{
	const char *scheme = s->tls ? "https" : "http";
	if (s->loopback)
		snprintf(buf, bufsz, "%s://%s:%d/", scheme, s->host, s->port);
	else
		snprintf(buf, bufsz, "%s://%s:%d/login?token=%s", scheme, s->host, s->port, s->token);
}

void srv_stop(srv *s, int wait_s)
{
	if (!s)
		return;
	if (s->d) {
		MHD_socket ls = MHD_quiesce_daemon(s->d);
		/* the requests in flight finish; idle keep-alive connections are
		 * closed by MHD_stop_daemon */
		for (int k = 0; k < wait_s * 20 && atomic_load(&s->inflight) > 0; k++)
			usleep(50 * 1000);
		MHD_stop_daemon(s->d);
		if (ls != MHD_INVALID_SOCKET)
			close(ls);
	}
	for (size_t k = 0; k < s->n_stores; k++)
		tendo_store_close(s->stores[k]);
	pthread_mutex_destroy(&s->stores_lock);
	auth_sessions_dispose(&s->sessions);
	memset(s->token, 0, sizeof(s->token));
	free(s->tls_cert);
	if (s->tls_key) {
		explicit_bzero(s->tls_key, strlen(s->tls_key));
		free(s->tls_key);
	}
	free(s);
}
