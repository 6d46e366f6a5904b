/*
 * harness.c - what the server's tests share: the real binary started as a
 * child (`serve --port 0`), requests through libcurl with the security
 * headers checked on every answer, and the test runner (harness.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

const char CSP[] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                          "manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

_Atomic int checks, fails; /* the concurrent test checks from several threads */


const char *tendo_bin;
char work[256];

/* ------------------------------------------------------------ the child */


char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t got;
	while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			char *t = realloc(s, cap *= 2);
			if (!t) {
				free(s);
				s = NULL;
			} else {
				s = t;
			}
		}
	}
	fclose(f);
	if (s)
		s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

int run_tendo_to(const char *db, const char *const *args, const char *outpath, const char *errpath)
{
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		int ofd = outpath ? open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600) : fd;
		dup2(ofd, 1);
		int efd = errpath ? open(errpath, O_WRONLY | O_CREAT | O_APPEND, 0600) : fd;
		dup2(efd, 2);
		const char *argv[24] = { tendo_bin, "--db", db };
		int n = 3;
		for (int k = 0; args[k] && n < 23; k++)
			argv[n++] = args[k];
		argv[n] = NULL;
		execv(tendo_bin, (char *const *)argv);
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

int run_tendo(const char *db, const char *const *args, const char *errpath)
{
	return run_tendo_to(db, args, NULL, errpath);
}

int run_tendo_out(const char *db, const char *const *args, const char *outpath)
{
	return run_tendo_to(db, args, outpath, NULL);
}

int server_start_ex(server *s, const char *db, const char *tag, const char *const *extra, const char *tmpdir)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->out, sizeof(s->out), "%s/%s.out", work, tag);
	snprintf(s->err, sizeof(s->err), "%s/%s.err", work, tag);
	s->pid = fork();
	if (s->pid == 0) {
		int o = open(s->out, O_WRONLY | O_CREAT | O_TRUNC, 0600), e = open(s->err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(o, 1);
		dup2(e, 2);
		if (tmpdir)
			setenv("TMPDIR", tmpdir, 1);
		const char *argv[24] = { tendo_bin, "--db", db, "serve", "--port", "0" };
		int n = 6;
		for (int k = 0; extra && extra[k] && n < 23; k++)
			argv[n++] = extra[k];
		argv[n] = NULL;
		execv(tendo_bin, (char *const *)argv);
		_exit(127);
	}
	for (int k = 0; k < 200; k++) { /* 10 s */
		char *text = slurp(s->out, NULL);
		char *nl = text ? strchr(text, '\n') : NULL;
		if (nl && strncmp(text, "tendo serve: ", 13) == 0) {
			*nl = '\0';
			snprintf(s->url, sizeof(s->url), "%s", text + 13);
			free(text);
			bool https = strncmp(s->url, "https:", 6) == 0;
			const char *colon = strrchr(s->url + (https ? 8 : 7), ':');
			int port = colon ? atoi(colon + 1) : 0;
			snprintf(s->base, sizeof(s->base), "%s://127.0.0.1:%d", https ? "https" : "http", port);
			const char *t = strstr(s->url, "token=");
			if (t)
				snprintf(s->token, sizeof(s->token), "%s", t + 6);
			return port > 0 ? 0 : -1;
		}
		free(text);
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			char *e = slurp(s->err, NULL);
			fprintf(stderr, "server exited at start: %s\n", e ? e : "");
			free(e);
			s->pid = 0;
			return -1;
		}
		usleep(50 * 1000);
	}
	return -1;
}

int server_start(server *s, const char *db, const char *bind, const char *tag)
{
	const char *extra[] = { "--bind", bind, NULL };
	return server_start_ex(s, db, tag, extra, NULL);
}

/* SIGTERM, then its exit status (-1 if it did not stop within 15 s). */
int server_stop(server *s)
{
	if (s->pid <= 0)
		return -1;
	kill(s->pid, SIGTERM);
	for (int k = 0; k < 300; k++) {
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			s->pid = 0;
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		}
		usleep(50 * 1000);
	}
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	s->pid = 0;
	return -1;
}

/* ------------------------------------------------------------ requests */


size_t harness_on_body(char *p, size_t sz, size_t n, void *u)
{
	resp *r = u;
	char *t = realloc(r->body, r->len + sz * n + 1);
	if (!t)
		return 0;
	r->body = t;
	memcpy(r->body + r->len, p, sz * n);
	r->len += sz * n;
	r->body[r->len] = '\0';
	return sz * n;
}

size_t harness_on_header(char *p, size_t sz, size_t n, void *u)
{
	resp *r = u;
	size_t k = sz * n;
	if (r->hlen + k < sizeof(r->headers)) {
		memcpy(r->headers + r->hlen, p, k);
		r->hlen += k;
		r->headers[r->hlen] = '\0';
	}
	return k;
}

void resp_free(resp *r)
{
	free(r->body);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

/* The value of header name (case-insensitive) into out; false if absent. */
bool header(const resp *r, const char *name, char *out, size_t outsz)
{
	size_t n = strlen(name);
	for (const char *line = r->headers; line && *line;) {
		if (strncasecmp(line, name, n) == 0 && line[n] == ':') {
			const char *v = line + n + 1;
			while (*v == ' ')
				v++;
			size_t len = strcspn(v, "\r\n");
			snprintf(out, outsz, "%.*s", (int)len, v);
			return true;
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return false;
}

_Atomic int answered;
/* libmicrohttpd answers a request whose headers overflow the connection's
 * memory (431) itself, before tendo sees it: a fixed page that echoes
 * nothing and closes the connection, without tendo's headers */
bool mhd_own_answer;

/* One request; extra headers NULL-terminated. Every answer must carry the
 * security headers. */
void req(resp *r, const server *s, const char *method, const char *path, const char *body, size_t body_len,
                const char *const *hdrs)
{
	memset(r, 0, sizeof(*r));
	CURL *c = curl_easy_init();
	char url[1024];
	snprintf(url, sizeof(url), "%s%s", s->base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	else
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body_len);
	}
	struct curl_slist *h = NULL;
	h = curl_slist_append(h, "Expect:");
	for (int k = 0; hdrs && hdrs[k]; k++)
		h = curl_slist_append(h, hdrs[k]);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, harness_on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, harness_on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	CURLcode rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	if (rc != CURLE_OK) {
		r->status = -1;
		return;
	}
	answered++;
	char v[512];
	if (mhd_own_answer) {
		CHECK(r->status == 431 && r->body && !strstr(r->body, "bbbb"), "MHD's own 431 echoes nothing: %ld", r->status);
		return;
	}
	CHECK(header(r, "Content-Security-Policy", v, sizeof(v)) && strcmp(v, CSP) == 0, "%s %s: CSP '%s'", method,
	      path, header(r, "Content-Security-Policy", v, sizeof(v)) ? v : "(none)");
	CHECK(header(r, "X-Content-Type-Options", v, sizeof(v)) && strcmp(v, "nosniff") == 0, "%s %s: nosniff", method,
	      path);
	CHECK(header(r, "Referrer-Policy", v, sizeof(v)) && strcmp(v, "no-referrer") == 0, "%s %s: Referrer-Policy",
	      method, path);
	if (header(r, "Content-Type", v, sizeof(v)) && strncmp(v, "application/json", 16) == 0 && r->body)
		r->json = json_loads(r->body, 0, NULL);
}

void get(resp *r, const server *s, const char *path, const char *const *hdrs)
{
	req(r, s, "GET", path, NULL, 0, hdrs);
}

void post(resp *r, const server *s, const char *path, const char *body, const char *const *hdrs)
{
	req(r, s, "POST", path, body, strlen(body), hdrs);
}

/* "Cookie: tendo_session=..." from a Set-Cookie answer into out. */
bool cookie_of(const resp *r, char *out, size_t outsz)
{
	char v[512];
	if (!header(r, "Set-Cookie", v, sizeof(v)))
		return false;
	size_t n = strcspn(v, ";");
	snprintf(out, outsz, "Cookie: %.*s", (int)n, v);
	return true;
}

/* The CSRF token of the first form of a page into out. */
bool csrf_of(const resp *r, char *out, size_t outsz)
{
	const char *p = r->body ? strstr(r->body, "name=\"csrf\" value=\"") : NULL;
	if (!p)
		return false;
	p += strlen("name=\"csrf\" value=\"");
	size_t n = strcspn(p, "\"");
	snprintf(out, outsz, "%.*s", (int)n, p);
	return n == 64;
}

const char *jstr(json_t *o, const char *path1, const char *path2)
{
	json_t *v = json_object_get(o, path1);
	if (path2)
		v = json_object_get(v, path2);
	return json_string_value(v);
}

json_t *jget(json_t *o, const char *a, const char *b)
{
	json_t *v = json_object_get(o, a);
	return b ? json_object_get(v, b) : v;
}

void init_db(const char *db)
{
	const char *args[] = { "init", "--side", "right", "--tz", "Europe/London", NULL };
	CHECK(run_tendo(db, args, NULL) == 0, "tendo init");
}

char *read_token(void)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/config/tendo/serve-token", work);
	char *t = slurp(path, NULL);
	if (t)
		t[strcspn(t, "\n")] = '\0';
	return t;
}

/* ---------------------------------------------------------------- routes */

int harness_main(int argc, char **argv, const harness_test *tests)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s TEST /path/to/tendo (TEST:", argv[0]);
		for (const harness_test *t = tests; t->name; t++)
			fprintf(stderr, " %s", t->name);
		fprintf(stderr, ")\n");
		return 2;
	}
	const harness_test *run = NULL;
	for (const harness_test *t = tests; t->name; t++)
		if (strcmp(argv[1], t->name) == 0)
			run = t;
	if (!run) {
		fprintf(stderr, "unknown test '%s'\n", argv[1]);
		return 2;
	}
	tendo_bin = argv[2];
	snprintf(work, sizeof(work), "%s/tendo-server.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(work)) {
		perror("mkdtemp");
		return 1;
	}
	char cfg[300];
	snprintf(cfg, sizeof(cfg), "%s/config", work);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	unsetenv("TENDO_DB");
	setenv("NO_COLOR", "1", 1);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	run->fn();
	curl_global_cleanup();
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", work);
	if (fails == 0 && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", work);
	printf("%s: %d checks, %d failed, %d answers\n", argv[1], checks, fails, answered);
	return fails ? 1 : 0;
}
