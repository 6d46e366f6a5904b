/*
 * bench_parse.c - parser throughput on one core (a benchmark, never a test).
 *
 *   bench_parse [--mb N] [--reps R] DIR...
 *
 * Reads every .fit, .gpx and .tcx file below the DIRs into memory, repeats
 * them until each format's corpus holds about N MB (default 200), then times:
 *   fit-decode   tendo_fit_decode, every field of every message read
 *   fit-read     tendo_fit_read into an activity (points and sessions)
 *   gpx-read     tendo_gpx_read;   expat-gpx: a bare expat parse, no handlers
 *   tcx-read     tendo_tcx_read;   expat-tcx: likewise
 * and prints MB/s (best of R repetitions) and the ratio to bare expat.
 */
#include <dirent.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <tendo/fit.h>
#include <tendo/gpx.h>
#include <tendo/tcx.h>

typedef struct {
	uint8_t **data;
	size_t *len;
	size_t n, cap, bytes;
} corpus;

static void add(corpus *c, uint8_t *d, size_t n)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->data = realloc(c->data, c->cap * sizeof(*c->data));
		c->len = realloc(c->len, c->cap * sizeof(*c->len));
	}
	c->data[c->n] = d;
	c->len[c->n++] = n;
	c->bytes += n;
}

static corpus fit, gpx, tcx;

static void load(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			char sub[4096];
			snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
			load(sub);
		}
		if (d)
			closedir(d);
		return;
	}
	size_t n = strlen(path);
	corpus *c = n > 4 && !strcasecmp(path + n - 4, ".fit") ? &fit
	          : n > 4 && !strcasecmp(path + n - 4, ".gpx") ? &gpx
	          : n > 4 && !strcasecmp(path + n - 4, ".tcx") ? &tcx : NULL;
	if (!c || strstr(path, "/bad/"))
		return;
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	uint8_t *buf = malloc((size_t)st.st_size + 1);
	size_t got = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	add(c, buf, got);
}

static void grow(corpus *c, size_t target)
{
	size_t base = c->n;
	for (size_t i = 0; base && c->bytes < target; i++)
		add(c, c->data[i % base], c->len[i % base]);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static volatile double sink;

static int touch(const tendo_fit_message *m, void *user)
{
	(void)user;
	double s = 0;
	for (size_t i = 0; i < m->n_fields; i++)
		s += tendo_fit_field_double(&m->fields[i], 0);
	sink += s;
	return 0;
}

static void run_fit_decode(const uint8_t *d, size_t n)
{
	tendo_fit_summary s;
	tendo_fit_decode(&s, d, n, NULL, touch, NULL);
}

static void run_fit_read(const uint8_t *d, size_t n)
{
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_fit_read(&a, d, n, NULL);
	tendo_activity_dispose(&a);
}

static void run_gpx(const uint8_t *d, size_t n)
{
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_gpx_read(&a, d, n, NULL);
	tendo_activity_dispose(&a);
}

static void run_tcx(const uint8_t *d, size_t n)
{
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_tcx_read(&a, d, n, NULL);
	tendo_activity_dispose(&a);
}

static void run_expat(const uint8_t *d, size_t n)
{
	XML_Parser p = XML_ParserCreateNS(NULL, '|');
	size_t off = 0;
	while (off < n) {
		size_t chunk = n - off > 65536 ? 65536 : n - off;
		if (XML_Parse(p, (const char *)d + off, (int)chunk, off + chunk == n) == XML_STATUS_ERROR)
			break;
		off += chunk;
	}
	XML_ParserFree(p);
}

static double bench(const char *name, const corpus *c, void (*fn)(const uint8_t *, size_t), int reps)
{
	if (!c->n)
		return 0;
	double best = 1e30;
	for (int r = 0; r < reps; r++) {
		double t0 = now();
		for (size_t i = 0; i < c->n; i++)
			fn(c->data[i], c->len[i]);
		double dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	double mbs = (double)c->bytes / 1e6 / best;
	printf("%-12s %8.1f MB in %7.3f s  %9.1f MB/s\n", name, (double)c->bytes / 1e6, best, mbs);
	return mbs;
}

int main(int argc, char **argv)
{
	size_t mb = 200;
	int reps = 3, i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--mb") && i + 1 < argc)
			mb = (size_t)atol(argv[++i]);
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]);
	}
	for (; i < argc; i++)
		load(argv[i]);
	printf("files: %zu fit (%.1f MB), %zu gpx (%.1f MB), %zu tcx (%.1f MB); corpus %zu MB each, best of %d\n", fit.n,
	       fit.bytes / 1e6, gpx.n, gpx.bytes / 1e6, tcx.n, tcx.bytes / 1e6, mb, reps);
	grow(&fit, mb << 20);
	grow(&gpx, mb << 20);
	grow(&tcx, mb << 20);
	bench("fit-decode", &fit, run_fit_decode, reps);
	bench("fit-read", &fit, run_fit_read, reps);
	double g = bench("gpx-read", &gpx, run_gpx, reps);
	double ge = bench("expat-gpx", &gpx, run_expat, reps);
	double t = bench("tcx-read", &tcx, run_tcx, reps);
	double te = bench("expat-tcx", &tcx, run_expat, reps);
	if (ge > 0)
		printf("gpx-read / bare expat: %.0f%%\n", 100 * g / ge);
	if (te > 0)
		printf("tcx-read / bare expat: %.0f%%\n", 100 * t / te);
	return 0;
}
