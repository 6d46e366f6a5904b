/*
 * harness.h - the server tests' shared parts (harness.c): start the real
 * binary on a free port and a fresh database, talk to it with libcurl.
 *
 * A test file defines its tests as a NULL-terminated harness_test table
 * and its main() returns harness_main(argc, argv, table); ctest runs
 * `test_xxx NAME /path/to/tendo` once per name (tests/CMakeLists.txt).
 */
#ifndef TENDO_TEST_SERVER_HARNESS_H
#define TENDO_TEST_SERVER_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <curl/curl.h>
#include <jansson.h>

extern const char CSP[];              /* the policy every answer must carry */
extern _Atomic int checks, fails;     /* counted by CHECK, from any thread */
extern _Atomic int answered;          /* answers received */
extern bool mhd_own_answer;           /* expect libmicrohttpd's own 431 */
extern const char *tendo_bin;         /* the binary under test */
extern char work[256];                /* this run's temporary folder */

#define CHECK(cond, ...)                                                  \
	do {                                                                  \
		checks++;                                                         \
		if (!(cond)) {                                                    \
			fails++;                                                      \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);          \
			fprintf(stderr, __VA_ARGS__);                                 \
			fputc('\n', stderr);                                          \
		}                                                                 \
	} while (0)

typedef struct {
	pid_t pid;
	char base[128];    /* http://127.0.0.1:PORT */
	char url[512];     /* as printed */
	char out[300], err[300];
	char token[80];
} server;

typedef struct {
	long status;
	char *body;
	size_t len;
	char headers[16384];
	size_t hlen;
	json_t *json;      /* the body parsed, when it is JSON */
} resp;

char *slurp(const char *path, size_t *len);
/* `tendo --db db ARGS...` (NULL-terminated), stdout/stderr to the files
 * (NULL: /dev/null); its exit status. */
int run_tendo_to(const char *db, const char *const *args, const char *outpath, const char *errpath);
int run_tendo(const char *db, const char *const *args, const char *errpath);
int run_tendo_out(const char *db, const char *const *args, const char *outpath);
/* `tendo --db db serve --port 0 --bind bind`, its URL read from stdout;
 * tag names its .out and .err files in work. 0 or -1. */
int server_start(server *s, const char *db, const char *bind, const char *tag);
/* The same with `serve --port 0 EXTRA...` (NULL-terminated; NULL: none)
 * and, when tmpdir is not NULL, TMPDIR=tmpdir in the child; base keeps
 * the printed URL's scheme (https with --tls-cert). */
int server_start_ex(server *s, const char *db, const char *tag, const char *const *extra, const char *tmpdir);
/* SIGTERM, then its exit status (-1 if it did not stop within 15 s). */
int server_stop(server *s);
void resp_free(resp *r);
/* libcurl's write and header callbacks filling a resp (for a test that
 * sets up its own handle). */
size_t harness_on_body(char *p, size_t sz, size_t n, void *u);
size_t harness_on_header(char *p, size_t sz, size_t n, void *u);
/* The value of header name (case-insensitive) into out; false if absent. */
bool header(const resp *r, const char *name, char *out, size_t outsz);
/* One request; extra headers NULL-terminated. Every answer must carry the
 * security headers. */
void req(resp *r, const server *s, const char *method, const char *path, const char *body, size_t body_len,
         const char *const *hdrs);
void get(resp *r, const server *s, const char *path, const char *const *hdrs);
void post(resp *r, const server *s, const char *path, const char *body, const char *const *hdrs);
/* "Cookie: tendo_session=..." from a Set-Cookie answer into out. */
bool cookie_of(const resp *r, char *out, size_t outsz);
/* The CSRF token of the first form of a page into out. */
bool csrf_of(const resp *r, char *out, size_t outsz);
const char *jstr(json_t *o, const char *path1, const char *path2);
json_t *jget(json_t *o, const char *a, const char *b);
/* `tendo init` (right side, Europe/London) on db. */
void init_db(const char *db);
/* The server's token file's content (work/config/tendo/serve-token). */
char *read_token(void);

typedef struct {
	const char *name;
	void (*fn)(void);
} harness_test;

/* Parse argv (TEST, the binary), make the temporary folder and the
 * environment, run the test; prints the counts, returns the exit status. */
int harness_main(int argc, char **argv, const harness_test *tests);

#endif
