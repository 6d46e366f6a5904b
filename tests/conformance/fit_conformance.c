/*
 * fit_conformance.c - tendo's FIT reader against Garmin's SDK, file by file.
 *
 * Usage: fit_conformance [DIR]   (default: ../shared/data/activities next to
 * the source tree). Reads DIR/reference-fit.json (what @garmin/fitsdk, or
 * python-fitparse where the SDK fails on a sound file, read from every file)
 * and every .fit below DIR, and prints per file: our record count against the
 * reference, session totals (elapsed, timer, distance, ascent) against the
 * reference, and the haversine distance over our records (R = 6371008.8 m)
 * against the file's own distance (the sum of its sessions'); then a summary
 * line. Exits 0.
 * Not a ctest: `make conformance` runs it.
 */
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include <tendo/activity.h>
#include <tendo/errors.h>
#include <tendo/fit.h>

#ifndef TENDO_SOURCE_DIR
#define TENDO_SOURCE_DIR "."
#endif

#define EARTH_R 6371008.8

typedef struct {
	char **v;   /* relative paths */
	size_t n;   /* count */
	size_t cap; /* capacity */
} list;

static void list_add(list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			exit(1);
	}
	l->v[l->n++] = strdup(s);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_fit_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".fit") == 0;
}

/* Every .fit below root/rel, as paths relative to root. */
static void walk(const char *root, const char *rel, list *out)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s%s%s", root, rel[0] ? "/" : "", rel);
	DIR *dir = opendir(path);
	if (!dir)
		return;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096], full[8192];
		snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		snprintf(full, sizeof(full), "%s/%s", root, sub);
		struct stat st;
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(root, sub, out);
		else if (S_ISREG(st.st_mode) && is_fit_name(e->d_name))
			list_add(out, sub);
	}
	closedir(dir);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			unsigned char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static double haversine(double lat1, double lon1, double lat2, double lon2)
{
	double r = M_PI / 180;
	double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
	double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * EARTH_R * asin(sqrt(a < 1 ? a : 1));
}

/* A JSON number or NAN. */
static double jnum(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_number(v) ? json_number_value(v) : NAN;
}

/* An ISO-8601 UTC time of the reference ("2012-04-09T21:22:26.000Z") in ms, or TENDO_TIME_NONE. */
static int64_t jtime(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	struct tm tm;
	int ms = 0;
	memset(&tm, 0, sizeof(tm));
	if (!s || sscanf(s, "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	                 &tm.tm_min, &tm.tm_sec, &ms) < 6)
		return TENDO_TIME_NONE;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm) * 1000 + ms;
}

/* Equal within rounding: both unknown, or within 0.0005 + 1e-7 relative. */
static bool same(double ours, double ref)
{
	if (isnan(ours) || isnan(ref))
		return isnan(ours) && isnan(ref);
	return fabs(ours - ref) <= 0.0005 + 1e-7 * fabs(ref);
}

int main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : TENDO_SOURCE_DIR "/../shared/data/activities";
	char path[4096];
	snprintf(path, sizeof(path), "%s/reference-fit.json", root);
	json_error_t jerr;
	json_t *ref = json_load_file(path, 0, &jerr);
	if (!ref) {
		fprintf(stderr, "fit_conformance: %s: %s\n", path, jerr.text);
		return 1;
	}
	json_t *files = json_object_get(ref, "files");

	list l = { 0 };
	walk(root, "", &l);
	qsort(l.v, l.n, sizeof(*l.v), cmp_str);

	unsigned sdk_ok = 0, sdk_ok_we_ok = 0, cmp_counts = 0, counts_exact = 0, cmp_totals = 0, totals_equal = 0;
	unsigned cmp_laps = 0, laps_exact = 0, cmp_times = 0, times_equal = 0;
	unsigned dist_files = 0, dist_ok = 0, damaged_partial = 0, damaged_rejected = 0, damaged = 0;
	printf("%-58s %-6s %13s %5s %-23s %s\n", "file", "rc", "records/ref", "sess", "totals e/t/d/a", "haversine vs file");
	for (size_t i = 0; i < l.n; i++) {
		const char *rel = l.v[i];
		json_t *fr = NULL;
		for (size_t k = 0; k < json_array_size(files); k++) {
			json_t *o = json_array_get(files, k);
			if (!strcmp(json_string_value(json_object_get(o, "file")) ?: "", rel)) {
				fr = o;
				break;
			}
		}
		snprintf(path, sizeof(path), "%s/%s", root, rel);
		size_t len = 0;
		unsigned char *data = slurp(path, &len);
		if (!data) {
			printf("%-58s unreadable\n", rel);
			continue;
		}
		tendo_activity a;
		tendo_activity_init(&a);
		int rc = tendo_fit_read(&a, data, len, NULL);
		free(data);

		/* the reference: the SDK, or fitparse where the SDK fails on a sound file */
		bool ok = fr && json_is_true(json_object_get(fr, "ok"));
		json_t *fb = fr ? json_object_get(fr, "fallback_fitparse") : NULL;
		json_t *src = fr;
		if (!ok && fb && json_is_true(json_object_get(fb, "ok"))) {
			ok = true;
			src = fb;
		}
		bool zero = len == 0;
		bool in_bad = !strncmp(rel, "bad/", 4);
		json_t *rs = src ? json_object_get(src, "sessions") : NULL;
		long ref_records = src ? (long)json_integer_value(json_object_get(src, "record_count")) : -1;

		char counts[32], totals[32] = "", dist[48] = "";
		snprintf(counts, sizeof(counts), "%zu/%ld", a.n_points, ref_records);
		bool count_ok = src && (long)a.n_points == ref_records;
		bool laps_ok = fr && (long)a.n_laps == (long)json_integer_value(json_object_get(fr, "lap_count"));
		int64_t t0 = src ? jtime(src, "first_record_time") : TENDO_TIME_NONE;
		int64_t t1 = src ? jtime(src, "last_record_time") : TENDO_TIME_NONE;
		bool timed = t0 != TENDO_TIME_NONE && t1 != TENDO_TIME_NONE;
		bool times_ok = timed && a.n_points && a.points[0].t_ms == t0 && a.points[a.n_points - 1].t_ms == t1;
		bool tot_ok = rc == 0 && rs && json_array_size(rs) == a.n_sessions;
		size_t diffs = 0;
		char mark[5] = "====";
		if (rc == 0 && rs) {
			for (size_t s = 0; s < a.n_sessions && s < json_array_size(rs); s++) {
				json_t *o = json_array_get(rs, s);
				const tendo_session *t = &a.sessions[s];
				double ours[4] = { t->elapsed_s, t->timer_s, t->distance_m, t->ascent_m };
				double refs[4] = { jnum(o, "total_elapsed_time"), jnum(o, "total_timer_time"),
						   jnum(o, "total_distance"), jnum(o, "total_ascent") };
				for (int q = 0; q < 4; q++)
					if (!same(ours[q], refs[q])) {
						mark[q] = 'x';
						diffs++;
					}
			}
			if (diffs)
				tot_ok = false;
			if (json_array_size(rs) != a.n_sessions)
				snprintf(totals, sizeof(totals), "sessions %zu vs %zu", a.n_sessions, json_array_size(rs));
			else if (a.n_sessions == 0)
				snprintf(totals, sizeof(totals), "(no session)");
			else
				snprintf(totals, sizeof(totals), "%s", tot_ok ? "equal" : mark);
		}
		/* our haversine over all records against the sum of the sessions' distances */
		double hv = 0, file_d = 0;
		size_t with_pos = 0;
		const tendo_point *prev = NULL;
		for (size_t p = 0; p < a.n_points; p++) {
			const tendo_point *pt = &a.points[p];
			if (isnan(pt->lat) || isnan(pt->lon))
				continue;
			if (prev)
				hv += haversine(prev->lat, prev->lon, pt->lat, pt->lon);
			prev = pt;
			with_pos++;
		}
		for (size_t s = 0; s < a.n_sessions; s++)
			if (!isnan(a.sessions[s].distance_m))
				file_d += a.sessions[s].distance_m;
		bool dist_cmp = rc == 0 && with_pos > 1 && file_d > 0 && !in_bad;
		if (dist_cmp) {
			double pct = 100 * (hv - file_d) / file_d;
			dist_files++;
			if (fabs(pct) <= 0.5)
				dist_ok++;
			snprintf(dist, sizeof(dist), "%.1f / %.1f m (%+.2f%%)", hv, file_d, pct);
		}

		if (in_bad) {
			damaged++;
			if (rc == 0)
				damaged_partial++;
			else
				damaged_rejected++;
		} else if (ok && !zero) {
			sdk_ok++;
			if (rc == 0)
				sdk_ok_we_ok++;
			cmp_counts++;
			if (count_ok)
				counts_exact++;
			cmp_laps++;
			if (laps_ok)
				laps_exact++;
			if (timed) {
				cmp_times++;
				if (times_ok)
					times_equal++;
			}
			if (rs && json_array_size(rs) > 0) {
				cmp_totals++;
				if (tot_ok)
					totals_equal++;
			}
		}
		printf("%-58s %-6s %13s%c %4zu %-23s %s\n", rel, rc == 0 ? "ok" : tendo_error_name(rc), counts,
		       count_ok ? ' ' : '*', a.n_sessions, totals, dist);
		if (rc == 0 && !in_bad && fr && !laps_ok)
			printf("    laps: %zu, the reference has %lld\n", a.n_laps,
			       (long long)json_integer_value(json_object_get(fr, "lap_count")));
		if (rc == 0 && !in_bad && timed && !times_ok)
			printf("    first/last record time differ from the reference\n");
		if (rc != 0)
			printf("    error: %s\n", tendo_error_last());
		else if (a.warning[0])
			printf("    warning: %s\n", a.warning);
		if (fr && !ok && in_bad)
			printf("    sdk: %s\n", json_string_value(json_object_get(fr, "error")) ?: "");
		tendo_activity_dispose(&a);
	}
	printf("\nsummary: decoded %u/%u files the SDK decodes; record counts exact %u/%u; session totals equal %u/%u; "
	       "haversine within 0.5%% of the file's distance %u/%u; lap counts exact %u/%u; first/last record times "
	       "equal %u/%u; damaged files (bad/): %u partial, %u rejected of %u\n",
	       sdk_ok_we_ok, sdk_ok, counts_exact, cmp_counts, totals_equal, cmp_totals, dist_ok, dist_files,
	       laps_exact, cmp_laps, times_equal, cmp_times, damaged_partial, damaged_rejected, damaged);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	json_decref(ref);
	return 0;
}
