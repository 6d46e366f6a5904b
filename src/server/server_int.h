/*
 * server_int.h - what the files of the server share (internal).
 *
 *   server.c  the daemon: start, dispatch by a table of routes, security
 *             headers on every answer, body limit, per-thread store, stop
 *   auth.c    the token file, constant-time comparison, sessions, CSRF
 *   form.c    application/x-www-form-urlencoded bodies and query strings
 *   pages.c   the HTML pages (check-in, today, log) and the stylesheet
 *   api.c     the JSON API under /api/
 *   logkinds.c the log forms and POST /api/log/<kind> of every kind but
 *             pain (one table of fields each), and "done" (page and API)
 *   qr.c      the start-up URL as a QR code of Unicode half blocks
 *   runs.c    runs, history, one entry (edit, delete), the report: pages
 *             and /api/ (the shapes of src/shapes/history.c and edit.c)
 *   upload.c  the import by upload: the body streamed to temporary files
 *             (multipart through MHD's post processor, or raw for the API),
 *             then the library's importer on them; its page and script
 *   shell.c   the app shell: web app manifest, icons, head lines, phone CSS
 *
 * A handler fills a srv_reply; server.c turns it into the HTTP response.
 * Nothing here is thread-unsafe except where said: the session table has
 * its own lock, and each worker thread has its own SQLite connection.
 */
#ifndef TENDO_SERVER_INT_H
#define TENDO_SERVER_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <tendo/buf.h>
#include <tendo/tendo.h>
#include <tendo/validate.h>
#include <jansson.h>

#include "server.h"

#define SRV_TOKEN_HEX 64      /* 256 bits as lowercase hex */
#define SRV_SESSIONS_MAX 256  /* sessions kept; the least recently used goes first */
#define SRV_SESSION_IDLE (30 * 24 * 3600) /* seconds a session lives unused */
#define SRV_COOKIE "tendo_session"
#define SRV_FIELDS_MAX 32     /* fields read from one form */

/* ------------------------------------------------------------- auth.c */

typedef struct {
	char id[SRV_TOKEN_HEX + 1];   /* the cookie's value */
	char csrf[SRV_TOKEN_HEX + 1]; /* the forms' token */
	time_t last;                  /* last use, for expiry and eviction */
	bool used;
	bool readonly;                /* opened by a share link (/s/<token>): R_SHARE GETs only */
	int64_t share_id;             /* with readonly: the share, checked again on each request */
} srv_session;

typedef struct {
	pthread_mutex_t lock;
	srv_session s[SRV_SESSIONS_MAX];
} srv_sessions;

/* n random bytes from getrandom(2) (else /dev/urandom) as 2n hex digits
 * into out (2n+1 bytes). 0, or -1 with errno. */
int auth_random_hex(char *out, size_t nbytes);
/* Equal strings, in time that depends only on the length of `secret`. */
bool auth_equal(const char *given, const char *secret);
/* The token kept in dir/serve-token (mode 0600; dir made 0700 if missing):
 * read, or created from 256 random bits. dir NULL: $XDG_CONFIG_HOME/tendo,
 * else $HOME/.config/tendo. 0, or -1 with the reason in err. */
int auth_token_load(char out[SRV_TOKEN_HEX + 1], const char *dir, char *path_out, size_t path_sz, char *err,
                    size_t errsz);
void auth_sessions_init(srv_sessions *t);
void auth_sessions_dispose(srv_sessions *t);
/* A new session into *out (copied); 0 or -1 (no random bytes). */
int auth_session_new(srv_sessions *t, srv_session *out);
/* A read-only session opened by share share_id (/s/<token>); 0 or -1. */
int auth_session_new_share(srv_sessions *t, int64_t share_id, srv_session *out);
/* The session of cookie value id into *out; false if none (or expired). */
bool auth_session_find(srv_sessions *t, const char *id, srv_session *out);

/* ------------------------------------------------------------- form.c */

typedef struct {
	char *name, *value; /* decoded, NUL-terminated, inside the form's copy */
} srv_field;

typedef struct {
	char *copy;         /* owned: the decoded text */
	srv_field f[SRV_FIELDS_MAX];
	size_t n;
} srv_form;

/* Parse an urlencoded body or query (len bytes; '+' is a space, %XX a
 * byte). 0, or -1 for a malformed one (a bad escape, a NUL byte, too many
 * fields); release with form_dispose() either way. */
int form_parse(srv_form *out, const char *s, size_t len);
void form_dispose(srv_form *f);
/* The first value of name, or NULL. */
const char *form_get(const srv_form *f, const char *name);

/* ----------------------------------------------------------- server.c */

typedef struct srv srv;

/* The answer a handler gives. */
typedef struct {
	int status;               /* HTTP status */
	const char *type;         /* Content-Type (static) */
	char *body;               /* owned (malloc), or NULL with body_static */
	size_t len;
	const char *body_static;  /* a static body instead of body */
	char location[256];       /* for 303, or "" */
	char allow[48];           /* for 405, or "" */
	bool www_auth;            /* 401 of the API: WWW-Authenticate: Bearer */
	const char *disposition;  /* Content-Disposition (static), or NULL */
	bool csp_connect;         /* the page's own script may send requests to this origin
	                             (CSP connect-src 'self': the import's progress bar) */
} srv_reply;

/* One request as the handlers see it. */
typedef struct {
	srv *s;
	const char *method;       /* "GET", "POST" (HEAD is served as GET) */
	const char *path;         /* without the query */
	const char *rest;         /* a prefix route's rest of the path ("12" of /runs/12), else NULL */
	const char *query_token;  /* /login?token=..., or NULL */
	const char *content_type; /* or NULL */
	const char *csrf_header;  /* X-CSRF-Token, or NULL */
	const char *body;         /* NUL-terminated copy of the body */
	size_t body_len;
	tendo_store *store;       /* this worker's connection */
	bool have_session;        /* a valid session cookie came with it, or was made now */
	srv_session session;      /* valid when have_session */
	bool new_session;         /* made now: send its cookie */
	bool bearer;              /* a right Authorization: Bearer token */
	bool authed;              /* may read and write (session, bearer, or loopback) */
	const char *qname[SRV_FIELDS_MAX], *qval[SRV_FIELDS_MAX]; /* the query's arguments, decoded */
	const char *host;         /* the Host header, or NULL (for addresses the page shows) */
	size_t nq;
	struct srv_upload *upload; /* an upload route's files (upload.c), else NULL */
} srv_req;

/* The first value of the query argument name, or NULL. */
const char *srv_query(const srv_req *q, const char *name);

/* The server's token (for the login and the bearer check). */
const char *srv_token(const srv *s);
bool srv_loopback(const srv *s);
/* $TENDO_TODAY as read at start, or TENDO_DATE_NONE. */
tendo_date srv_today_override(const srv *s);
srv_sessions *srv_sessions_of(srv *s);

/* Replies. The body is taken over (freed with free()). */
void reply_take(srv_reply *r, int status, const char *type, char *body, size_t len);
void reply_static(srv_reply *r, int status, const char *type, const char *body);
void reply_redirect(srv_reply *r, const char *location);
/* From a buffer (taken and emptied); 500 when it failed. */
void reply_buf(srv_reply *r, int status, const char *type, tendo_buf *b);

/* The athlete's profile (and schedule) and today in the athlete's zone
 * ($TENDO_TODAY, read once at start, overrides it as for the CLI): 0, or a
 * negative code with tendo_error_last(). */
typedef struct {
	tendo_profile profile;
	tendo_schedule schedule;
	tendo_date today;
} srv_athlete;
int srv_athlete_get(const srv_req *q, srv_athlete *out);
/* Today's prescription as `tendo today` makes it: 0 or a negative code. */
int srv_prescribe(tendo_store *store, const srv_athlete *a, tendo_log *log, tendo_prescription *rx);
/* The athlete and today's prescription, the log read for it released:
 * what the check-in, Today and /api/today start from. 0 or a negative code. */
int srv_today(const srv_req *q, srv_athlete *a, tendo_prescription *rx);
/* This thread's count of prescriptions srv_today() made anew (not from what
 * it kept): an answer built from the prescription may be kept as long as
 * the count and the day stay the same (GET /api/today keeps its JSON). */
unsigned long srv_today_generation(void);
/* Add one pain report in a transaction of its own (moving the programme's
 * start back to it if needed): 0 and *out_id, or a negative code with the
 * library's message (TENDO_EINVAL: it names the field). */
int srv_add_pain(tendo_store *store, const srv_athlete *a, const tendo_pain *e, const char *note, int64_t *out_id);
/* Two at once (check-in: the task score and rest pain), one transaction;
 * second may be NULL. */
int srv_add_pains(tendo_store *store, const srv_athlete *a, const tendo_pain *first, const tendo_pain *second,
                  int64_t *out_id);
/* The field a library message names ("score must be 0-10" -> "score"),
 * into out; "" if none. */
void srv_message_field(const char *msg, char *out, size_t outsz);

/* ------------------------------------------------------------ pages.c */

void page_home(srv_req *q, srv_reply *r);
void page_today(srv_req *q, srv_reply *r);
void page_checkin_get(srv_req *q, srv_reply *r);
void page_checkin_post(srv_req *q, srv_reply *r);
void page_log(srv_req *q, srv_reply *r);
void page_log_pain_post(srv_req *q, srv_reply *r);
void page_login(srv_req *q, srv_reply *r);
void page_login_post(srv_req *q, srv_reply *r);
void page_css(srv_req *q, srv_reply *r);
/* A short HTML page for an error status, message escaped. */
void page_error(srv_reply *r, int status, const char *title, const char *message);

/* --------------------------------------------------------- logkinds.c */

/* GET and POST /log/<kind> for run, rehab, cross, test, flag, sitting,
 * aggravator, visa (the kind is the path's last part). */
void page_logkind_get(srv_req *q, srv_reply *r);
void page_logkind_post(srv_req *q, srv_reply *r);
/* The body of an API write as a JSON object (new reference), or NULL
 * when it was answered: 415 for another Content-Type, 400 for a body that
 * is not JSON or not an object. */
json_t *api_json_body(srv_req *q, srv_reply *r);
/* POST /api/log/<kind> for the same kinds. */
void api_logkind(srv_req *q, srv_reply *r);
/* POST /today/done (form: part run|rehab|all, pain_during, pain_after,
 * rpe) and POST /api/done (JSON with the same members). */
void page_done_post(srv_req *q, srv_reply *r);
void api_done(srv_req *q, srv_reply *r);
/* The links of the log forms (for /log). */
void logkind_links(tendo_buf *b);
/* One field of kind's form table (label, the message msg next to it when
 * not NULL, the control with value): the edit form (runs.c) shows the
 * fields it changes as the log forms do. false if kind has no such field. */
bool logkind_field_html(tendo_buf *b, const char *kind, const char *name, const char *value, const char *msg);
/* The HTML of the page's chrome (pages.c). */
/* The tab bar page_head() draws: none (log-in), every tab, or only the tabs a
 * read-only shared session may open. page_nav(q) picks for the request. */
enum { PAGE_NAV_NONE = 0, PAGE_NAV_FULL = 1, PAGE_NAV_SHARED = 2 };
int page_nav(const srv_req *q);
void page_head(tendo_buf *b, const char *title, int nav);
void page_foot(tendo_buf *b);
void page_csrf_field(tendo_buf *b, const srv_req *q);
/* One prescribed exercise: its name, the dose and the load ("<strong>Prone
 * hamstring curl</strong>: 4 &times; 8, right 21.25 kg ..."), for Today and
 * the plan alike. */
void page_rx_item(tendo_buf *b, const tendo_rx_item *it, bool imperial);
/* The profile asks for miles and pounds (tendo profile --units imperial). */
bool srv_imperial(const srv_athlete *a);
/* The engine's text escaped for HTML, its "<n> kg" / "<n> km" in the
 * athlete's units (shape_text_units()), as the CLI prints it. */
void page_text_units(tendo_buf *b, bool imperial, const char *text);

/* -------------------------------------------------------------- api.c */

/* {"error": message, "field": field or null} for a library failure. */
void api_lib_error(srv_reply *r, int rc);
/* The reply of a JSON value (taken). */
void api_reply_json(srv_reply *r, int status, json_t *v);
/* 201 with the new entry id of date as `tendo log <kind> --json` prints
 * it: shape_entry_json() (the history's shape) and "what"; kind (the log
 * kind written) is its "type" should the entry not read back. */
void api_entry_created(srv_req *q, srv_reply *r, int64_t id, tendo_date date, const char *kind, const char *what);

void api_today(srv_req *q, srv_reply *r);
void api_status(srv_req *q, srv_reply *r);
void api_log_pain(srv_req *q, srv_reply *r);
/* {"error": message, "field": field or null} with status. */
void api_error(srv_reply *r, int status, const char *message, const char *field);

/* ------------------------------------------ plan.c, share.c (issue 9) */

/* GET /plan: the coming two weeks day by day, the .ics download and the
 * calendar feed's address; POST /plan/feed: a new calendar feed token,
 * shown once on the page. */
void page_plan(srv_req *q, srv_reply *r);
void page_plan_feed_post(srv_req *q, srv_reply *r);
/* GET /plan.ics (attachment) and GET /calendar.ics?token=<calendar token>
 * (the feed; no cookie needed): shape_calendar() of the same plan. */
void page_plan_ics(srv_req *q, srv_reply *r);
void page_calendar_feed(srv_req *q, srv_reply *r);
/* GET /api/plan[?weeks=N&from=D]: `tendo plan --json`. */
void api_plan(srv_req *q, srv_reply *r);
/* GET /s/<token>: a read link opens a read-only session and redirects. */
void page_share_open(srv_req *q, srv_reply *r);
/* ------------------------------------------------------------- runs.c */

/* The runs, the history, one entry (edit, delete) and the report, as pages
 * and as JSON. /entries/ and /api/entries/ are prefix routes: the id (and
 * "/edit", "/delete") is q->rest. */
void page_runs(srv_req *q, srv_reply *r);
void page_history(srv_req *q, srv_reply *r);
void page_entry_get(srv_req *q, srv_reply *r);  /* /entries/<id>, .../edit, .../delete (confirmation) */
void page_entry_post(srv_req *q, srv_reply *r); /* /entries/<id>/edit, /entries/<id>/delete */
void page_report(srv_req *q, srv_reply *r);
void page_report_css(srv_req *q, srv_reply *r);
void api_history(srv_req *q, srv_reply *r);
void api_runs(srv_req *q, srv_reply *r);
void api_report(srv_req *q, srv_reply *r);
void api_entry_get(srv_req *q, srv_reply *r);
void api_entry_patch(srv_req *q, srv_reply *r);
void api_entry_delete(srv_req *q, srv_reply *r);
/* ----------------------------------------------------------- upload.c */

struct MHD_Connection;

#define SRV_UPLOAD_FILES 32    /* files in one upload */
#define SRV_UPLOAD_NAME 256    /* bytes of a file's name kept */

typedef struct {
	char tmp[4200];            /* the temporary file (mode 0600), removed by upload_dispose() */
	char name[SRV_UPLOAD_NAME]; /* the name it was sent under: its last part, UTF-8 repaired, cut */
	uint64_t size;             /* bytes written */
} srv_upload_file;

/* One streamed upload: what upload_begin() makes of the request's
 * headers, upload_data() of each piece of the body as it arrives. */
typedef struct srv_upload {
	srv_upload_file f[SRV_UPLOAD_FILES];
	size_t n;                  /* files begun */
	int fd;                    /* the file being written, or -1 */
	const void *part;          /* the part being written (MHD's file name pointer) */
	uint64_t bytes;            /* file bytes written, all files */
	uint64_t max;              /* the limit on bytes */
	int status;                /* 0, or the refusal to answer at the end (400, 403, 413, 415, 500, 507) */
	char message[300];         /* its reason */
	char want_csrf[SRV_TOKEN_HEX + 1]; /* the session's CSRF token the form must carry, or "" (API) */
	char csrf[SRV_TOKEN_HEX + 1];      /* the form's csrf field so far */
	bool csrf_seen, csrf_long;
	void *pp;                  /* the multipart parser (struct MHD_PostProcessor) until the end */
	bool raw;                  /* the body is the file (the API), not a form */
	char tmpdir[4096];
} srv_upload;

/* Start an upload from the request's headers: multipart/form-data (field
 * csrf before the files when want_csrf is not NULL) or, when raw_ok, any
 * other body as one file named by the X-File-Name header (else "upload").
 * Never fails: a refusal is kept in u->status. */
void upload_begin(srv_upload *u, struct MHD_Connection *c, const char *tmpdir, uint64_t max, const char *want_csrf,
                  bool raw_ok);
/* The next n bytes of the body. */
void upload_data(srv_upload *u, const char *data, size_t n);
/* The body is complete: the last file closed, the CSRF field checked. */
void upload_end(srv_upload *u);
/* Remove the temporary files, free u (malloc'ed by server.c). NULL-safe. */
void upload_dispose(srv_upload *u);

/* GET /import (the form), POST /import (the report as a page), POST
 * /api/import (as `tendo import --json`), GET /static/upload.js. */
void page_import_get(srv_req *q, srv_reply *r);
void page_import_post(srv_req *q, srv_reply *r);
void api_import(srv_req *q, srv_reply *r);
void page_upload_js(srv_req *q, srv_reply *r);
/* The largest upload, bytes. */
uint64_t srv_upload_max(const srv *s);
/* ------------------------------------------------------------ shell.c */

/* The <head> lines of the app shell (manifest, theme colour, icons). */
void shell_head(tendo_buf *b);
/* The app shell's rules, served after pages.c's in /static/app.css. */
extern const char shell_css[];
/* GET /manifest.webmanifest, /static/icon.svg, and the PNG icons
 * /static/icon-192.png, /static/icon-512.png, /apple-touch-icon.png. */
void shell_manifest(srv_req *q, srv_reply *r);
void shell_icon_svg(srv_req *q, srv_reply *r);
void shell_icon_png(srv_req *q, srv_reply *r);

#endif
