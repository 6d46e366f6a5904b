/*
 * test_server_shell.c - the app shell and the token's absence from the logs,
 * through libcurl against the real binary (harness.c).
 *
 *   test_server_shell shell TENDO     /manifest.webmanifest (its members, as
 *                                     JSON), the icons: PNGs whose chunks'
 *                                     CRCs hold and whose pixels inflate to
 *                                     their size, the SVG; cacheable, HEAD,
 *                                     public off loopback while pages are
 *                                     not; every page's head points at them;
 *                                     the stylesheet has the shell's rules
 *   test_server_shell tokenlog TENDO  bound off loopback, the token sent in
 *                                     every place a request has that
 *                                     test_server remote does not try (the
 *                                     method, a percent-encoded path, a long
 *                                     path, other paths' queries, headers,
 *                                     bodies refused for size or type): the
 *                                     server's stderr never holds it, nor
 *                                     its percent-encoding
 */
#define _GNU_SOURCE /* strcasestr */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "harness.h"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A PNG read the hard way: the signature, every chunk's CRC, IHDR's size
 * (want x want, 8-bit RGB), the IDAT data inflated to exactly one filter
 * byte and want * 3 bytes a row. */
static void check_png(const resp *r, const char *what, unsigned want)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const unsigned char *p = (const unsigned char *)r->body;
	size_t n = r->len;
	bool png = p && n > 8 + 25 + 12 && memcmp(p, sig, 8) == 0;
	CHECK(png, "%s: a PNG signature", what);
	if (!png)
		return;
	size_t at = 8, idat_len = 0;
	unsigned char *idat = NULL;
	unsigned w = 0, h = 0;
	bool ihdr_ok = false, end = false, crc_ok = true;
	while (at + 12 <= n && !end) {
		uint32_t len = be32(p + at);
		if (len > n - at - 12) {
			crc_ok = false;
			break;
		}
		const unsigned char *type = p + at + 4, *data = p + at + 8;
		uLong crc = crc32(0L, type, 4 + len);
		crc_ok = crc_ok && crc == be32(data + len);
		if (memcmp(type, "IHDR", 4) == 0 && len == 13) {
			w = be32(data);
			h = be32(data + 4);
			ihdr_ok = data[8] == 8 && data[9] == 2 && data[12] == 0;
		} else if (memcmp(type, "IDAT", 4) == 0) {
			unsigned char *t = realloc(idat, idat_len + len);
			if (t) {
				memcpy(t + idat_len, data, len);
				idat = t;
				idat_len += len;
			}
		} else if (memcmp(type, "IEND", 4) == 0) {
			end = true;
		}
		at += 12 + len;
	}
	CHECK(crc_ok && end && at == n, "%s: every chunk's CRC right, IEND last", what);
	CHECK(ihdr_ok && w == want && h == want, "%s: %ux%u 8-bit RGB (want %u)", what, w, h, want);
	size_t row = (size_t)want * 3 + 1;
	uLongf raw_len = (uLongf)(row * want + 1); /* one more: too much data would show */
	unsigned char *raw = malloc(raw_len);
	int zrc = raw && idat ? uncompress(raw, &raw_len, idat, (uLong)idat_len) : Z_MEM_ERROR;
	CHECK(zrc == Z_OK && raw_len == row * want, "%s: the pixels inflate to %zu bytes (%d, %lu)", what, row * want,
	      zrc, (unsigned long)raw_len);
	if (zrc == Z_OK && raw_len == row * want) {
		bool filters = true, has_bg = false, has_fg = false;
		for (unsigned j = 0; j < want; j++) {
			const unsigned char *q = raw + j * row;
			filters = filters && q[0] <= 4;
			for (unsigned i = 0; i < want; i++) {
				const unsigned char *px = q + 1 + i * 3;
				has_bg = has_bg || (px[0] == 0x0a && px[1] == 0x4a && px[2] == 0x80);
				has_fg = has_fg || (px[0] == 0xff && px[1] == 0xff && px[2] == 0xff);
			}
		}
		CHECK(filters && has_bg && has_fg, "%s: the theme's blue and the white glyph", what);
		/* the corner is background, the centre of the stem is glyph */
		const unsigned char *corner = raw + 1, *stem = raw + (size_t)(want * 40 / 100) * row + 1 + (want * 48 / 100) * 3;
		CHECK(corner[0] == 0x0a && stem[0] == 0xff, "%s: corner blue, stem white", what);
	}
	free(raw);
	free(idat);
}

static void test_shell(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/shell.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "127.0.0.1", "shell")) {
		CHECK(0, "server did not start");
		return;
	}
	resp r;
	char v[512];

	get(&r, &s, "/manifest.webmanifest", NULL);
	CHECK(r.status == 200 && header(&r, "Content-Type", v, sizeof(v)) && strcmp(v, "application/manifest+json") == 0,
	      "manifest: %ld %s", r.status, v);
	CHECK(header(&r, "Cache-Control", v, sizeof(v)) && strcmp(v, "max-age=3600") == 0, "manifest cacheable: %s", v);
	json_t *m = r.body ? json_loads(r.body, 0, NULL) : NULL;
	CHECK(m && json_is_object(m), "manifest is JSON");
	const char *name = json_string_value(json_object_get(m, "name"));
	CHECK(name && strstr(name, "tendo"), "manifest name");
	CHECK(jstr(m, "short_name", NULL) && strcmp(jstr(m, "short_name", NULL), "tendo") == 0, "short_name");
	CHECK(jstr(m, "start_url", NULL) && strcmp(jstr(m, "start_url", NULL), "/") == 0, "start_url /");
	CHECK(jstr(m, "display", NULL) && strcmp(jstr(m, "display", NULL), "standalone") == 0, "display standalone");
	const char *theme = jstr(m, "theme_color", NULL);
	CHECK(theme && strcmp(theme, "#0a4a80") == 0 && jstr(m, "background_color", NULL), "theme and background colours");
	json_t *icons = json_object_get(m, "icons");
	size_t k;
	json_t *ic;
	int pngs = 0, svgs = 0;
	json_array_foreach(icons, k, ic) {
		const char *src = json_string_value(json_object_get(ic, "src"));
		const char *type = json_string_value(json_object_get(ic, "type"));
		const char *sizes = json_string_value(json_object_get(ic, "sizes"));
		resp i;
		get(&i, &s, src ? src : "/", NULL);
		CHECK(i.status == 200 && type && header(&i, "Content-Type", v, sizeof(v)) && strcmp(v, type) == 0,
		      "icon %s: %ld %s", src, i.status, v);
		CHECK(header(&i, "Cache-Control", v, sizeof(v)) && strcmp(v, "max-age=3600") == 0, "icon %s cacheable", src);
		if (type && strcmp(type, "image/png") == 0) {
			unsigned want = sizes ? (unsigned)atoi(sizes) : 0;
			CHECK(sizes && (strcmp(sizes, "192x192") == 0 || strcmp(sizes, "512x512") == 0), "icon sizes %s", sizes);
			check_png(&i, src, want);
			pngs++;
		} else if (type && strcmp(type, "image/svg+xml") == 0) {
			CHECK(i.body && strncmp(i.body, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0 &&
			          strstr(i.body, "</svg>"),
			      "icon %s is SVG", src);
			svgs++;
		}
		resp_free(&i);
	}
	CHECK(pngs >= 2 && svgs == 1, "icons: %d PNG, %d SVG", pngs, svgs);
	json_decref(m);
	resp_free(&r);

	get(&r, &s, "/apple-touch-icon.png", NULL);
	CHECK(r.status == 200, "apple-touch-icon: %ld", r.status);
	check_png(&r, "/apple-touch-icon.png", 180);
	resp_free(&r);
	/* HEAD: the headers, no body */
	req(&r, &s, "HEAD", "/static/icon-512.png", NULL, 0, NULL);
	CHECK(r.status == 200 && r.len == 0 && header(&r, "Content-Length", v, sizeof(v)) && atoi(v) > 1000,
	      "HEAD icon: %ld, %zu bytes, Content-Length %s", r.status, r.len, v);
	resp_free(&r);
	/* a near miss is not an icon */
	get(&r, &s, "/static/icon-100.png", NULL);
	CHECK(r.status == 404, "/static/icon-100.png: %ld", r.status);
	resp_free(&r);
	post(&r, &s, "/manifest.webmanifest", "x=1", NULL);
	CHECK(r.status == 405, "POST manifest: %ld", r.status);
	resp_free(&r);

	/* every page points at them; pages stay no-store */
	static const char *const pages[] = { "/checkin", "/today", "/log", "/log/run", "/login" };
	for (size_t p = 0; p < sizeof(pages) / sizeof(pages[0]); p++) {
		get(&r, &s, pages[p], NULL);
		CHECK(r.status == 200 && r.body && strstr(r.body, "<link rel=\"manifest\" href=\"/manifest.webmanifest\">") &&
		          strstr(r.body, "<meta name=\"theme-color\" content=\"#0a4a80\">") &&
		          strstr(r.body, "<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"),
		      "%s: the shell's head lines (%ld)", pages[p], r.status);
		CHECK(header(&r, "Cache-Control", v, sizeof(v)) && strcmp(v, "no-store") == 0, "%s: no-store", pages[p]);
		resp_free(&r);
	}
	get(&r, &s, "/static/app.css", NULL);
	CHECK(r.status == 200 && r.body && strstr(r.body, "nav{position:sticky") && strstr(r.body, ".scores{"),
	      "app.css: pages.c's rules and the shell's");
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "SIGTERM: exit 0");

	/* off loopback: the shell is public (the phone's launcher fetches it
	 * without the session), the pages are not */
	snprintf(db, sizeof(db), "%s/shell-remote.db", work);
	init_db(db);
	if (server_start(&s, db, "0.0.0.0", "shell-remote")) {
		CHECK(0, "remote server did not start");
		return;
	}
	static const char *const open_paths[] = { "/manifest.webmanifest", "/static/icon.svg", "/static/icon-192.png",
		                                      "/static/icon-512.png", "/apple-touch-icon.png", "/static/app.css" };
	for (size_t p = 0; p < sizeof(open_paths) / sizeof(open_paths[0]); p++) {
		get(&r, &s, open_paths[p], NULL);
		CHECK(r.status == 200 && !header(&r, "Set-Cookie", v, sizeof(v)), "%s without login: %ld", open_paths[p],
		      r.status);
		resp_free(&r);
	}
	get(&r, &s, "/today", NULL);
	CHECK(r.status == 303, "/today without login: %ld", r.status);
	resp_free(&r);
	CHECK(server_stop(&s) == 0, "SIGTERM: exit 0 (remote)");
}

/* ------------------------------------------------------------- tokenlog */

static void test_tokenlog(void)
{
	char db[300];
	snprintf(db, sizeof(db), "%s/tokenlog.db", work);
	init_db(db);
	server s;
	if (server_start(&s, db, "0.0.0.0", "tokenlog")) {
		CHECK(0, "server did not start");
		return;
	}
	char *token = read_token();
	CHECK(token && strlen(token) == 64, "token file");
	if (!token || strlen(token) != 64) {
		server_stop(&s);
		free(token);
		return;
	}
	char pct[3 * 64 + 1], path[1200], hdr[200], body[400];
	for (int i = 0; i < 64; i++)
		snprintf(pct + 3 * i, 4, "%%%02X", (unsigned char)token[i]);
	resp r;
	/* the token as the method (a client typing it into the wrong place) */
	req(&r, &s, token, "/", NULL, 0, NULL);
	CHECK(r.status >= 400 && r.status != 500, "the token as the method: %ld", r.status);
	resp_free(&r);
	req(&r, &s, token, "/api/today", NULL, 0, NULL);
	CHECK(r.status >= 400 && r.status != 500, "the token as the method, API: %ld", r.status);
	resp_free(&r);
	/* percent-encoded in a path */
	snprintf(path, sizeof(path), "/%s", pct);
	get(&r, &s, path, NULL);
	CHECK(r.status == 404 || r.status == 303, "percent-encoded token as a path: %ld", r.status);
	resp_free(&r);
	/* after a long path: the log cuts paths, never inside a token it shows */
	memset(path, 'a', 600);
	path[0] = '/';
	snprintf(path + 600, sizeof(path) - 600, "%s", token);
	get(&r, &s, path, NULL);
	CHECK(r.status == 404 || r.status == 303, "a long path ending in the token: %ld", r.status);
	resp_free(&r);
	memset(path, 'b', 482);
	path[0] = path[481] = '/';
	snprintf(path + 482, sizeof(path) - 482, "%s", token);
	get(&r, &s, path, NULL);
	CHECK(r.status == 404 || r.status == 303, "the token across the log's cut: %ld", r.status);
	resp_free(&r);
	/* in the query of pages other than /login, and of the API */
	static const char *const with_query[] = { "/today?token=", "/api/today?token=", "/static/app.css?t=",
		                                      "/manifest.webmanifest?token=", "/nowhere?token=" };
	for (size_t k = 0; k < sizeof(with_query) / sizeof(with_query[0]); k++) {
		snprintf(path, sizeof(path), "%s%s", with_query[k], token);
		get(&r, &s, path, NULL);
		CHECK(r.status > 0 && r.status != 500, "%s...: %ld", with_query[k], r.status);
		resp_free(&r);
	}
	/* in headers, right and wrong */
	snprintf(hdr, sizeof(hdr), "Referer: http://example.invalid/login?token=%s", token);
	const char *h1[] = { hdr, NULL };
	get(&r, &s, "/nowhere", h1);
	CHECK(r.status == 404, "token in Referer: %ld", r.status);
	resp_free(&r);
	char cookie[200];
	snprintf(cookie, sizeof(cookie), "Cookie: tendo_session=%s", token);
	const char *h2[] = { cookie, NULL };
	get(&r, &s, "/api/status", h2);
	CHECK(r.status == 401, "the token as a session cookie is no session: %ld", r.status);
	resp_free(&r);
	char bearer[120];
	snprintf(bearer, sizeof(bearer), "Authorization: Bearer %s", token);
	const char *h3[] = { bearer, "Content-Type: text/plain", NULL };
	post(&r, &s, "/api/log/pain", "{\"kind\":\"rest\",\"score\":1}", h3);
	CHECK(r.status == 415 || r.status == 400, "bearer write with a wrong type: %ld", r.status);
	resp_free(&r);
	/* in bodies refused: a login form of the wrong type, one over the limit */
	snprintf(body, sizeof(body), "token=%s", token);
	const char *h4[] = { "Content-Type: text/plain", NULL };
	post(&r, &s, "/checkin", body, h4);
	CHECK(r.status == 401 || r.status == 415, "token in a refused form: %ld", r.status);
	resp_free(&r);
	size_t big = 70 * 1024;
	char *huge = malloc(big + 1);
	if (huge) {
		for (size_t i = 0; i < big; i += 64)
			memcpy(huge + i, token, big - i < 64 ? big - i : 64);
		huge[big] = '\0';
		req(&r, &s, "POST", "/login", huge, big, NULL);
		CHECK(r.status == 413, "token in a body over the limit: %ld", r.status);
		resp_free(&r);
		free(huge);
	}
	/* and a right login, for the log to have one */
	snprintf(path, sizeof(path), "/login?token=%s", token);
	get(&r, &s, path, NULL);
	CHECK(r.status == 303, "login: %ld", r.status);
	resp_free(&r);

	CHECK(server_stop(&s) == 0, "SIGTERM: exit 0");
	char *err = slurp(s.err, NULL);
	CHECK(err && strstr(err, "GET /login 303"), "the access log has the requests");
	CHECK(err && !strstr(err, token), "the token never in the server's log");
	CHECK(err && !strcasestr(err, pct), "nor its percent-encoding");
	/* a half of it could only come from a token cut in two */
	char half[33];
	snprintf(half, sizeof(half), "%.32s", token);
	char half2[33];
	snprintf(half2, sizeof(half2), "%s", token + 32);
	CHECK(err && !strstr(err, half) && !strstr(err, half2), "nor either half of it");
	if (err && strstr(err, token)) {
		for (char *line = strtok(err, "\n"); line; line = strtok(NULL, "\n"))
			if (strstr(line, token))
				fprintf(stderr, "  leaked: %.120s\n", line);
	}
	free(err);
	free(token);
}

static const harness_test tests[] = {
	{ "shell", test_shell },
	{ "tokenlog", test_tokenlog },
	{ NULL, NULL },
};

int main(int argc, char **argv)
{
	return harness_main(argc, argv, tests);
}
