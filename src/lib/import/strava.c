/*
 * strava.c - the activities.csv of a Strava bulk export: which file is which
 * activity, its name and its type (GPX files from Strava carry no sport).
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <tendo/date.h>
#include <tendo/errors.h>

#include "import/import_int.h"
#include "util/alloc.h"

#define MAX_FIELDS 256
#define MAX_ROWS 200000

void strava_names_init(strava_names *s)
{
	memset(s, 0, sizeof(*s));
}

void strava_names_dispose(strava_names *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].file);
		free(s->v[i].name);
	}
	free(s->v);
	for (size_t i = 0; i < s->n_manual; i++) {
		free(s->manual[i].id);
		free(s->manual[i].name);
	}
	free(s->manual);
	memset(s, 0, sizeof(*s));
}

const void *import_memfind(const void *hay, size_t n, const void *needle, size_t m)
{
	const unsigned char *h = hay;
	if (m == 0)
		return hay;
	for (size_t i = 0; i + m <= n; i++)
		if (h[i] == *(const unsigned char *)needle && memcmp(h + i, needle, m) == 0)
			return h + i;
	return NULL;
}

const char *strava_sport(const char *type)
{
	char t[64];
	size_t i = 0;
	for (; type[i] && i + 1 < sizeof(t); i++)
		t[i] = (char)(type[i] >= 'A' && type[i] <= 'Z' ? type[i] + 32 : type[i]);
	t[i] = '\0';
	if (strstr(t, "run"))
		return "running";
	if (strstr(t, "ride") || strstr(t, "cycl") || strstr(t, "bike"))
		return "cycling";
	if (strstr(t, "walk"))
		return "walking";
	if (strstr(t, "hike"))
		return "hiking";
	if (strstr(t, "swim"))
		return "swimming";
	if (strstr(t, "row"))
		return "rowing";
	if (strstr(t, "elliptical"))
		return "elliptical";
	if (strstr(t, "stair"))
		return "stair_climbing";
	return "other";
}

/* One field starting at p; copies it unquoted into a new string. */
static char *field(const uint8_t **pp, const uint8_t *end, int *eol)
{
	const uint8_t *p = *pp;
	size_t cap = 64, n = 0;
	char *out = tendo_malloc(cap);
	if (!out)
		return NULL;
	bool quoted = p < end && *p == '"';
	if (quoted)
		p++;
	while (p < end) {
		uint8_t c = *p;
		if (quoted) {
			if (c == '"') {
				if (p + 1 < end && p[1] == '"') {
					p += 2;
					c = '"';
				} else {
					quoted = false;
					p++;
					continue;
				}
			} else {
				p++;
			}
		} else {
			if (c == ',' || c == '\n' || c == '\r')
				break;
			p++;
		}
		if (n + 1 == cap) {
			if (cap >= 4096) /* longer fields are cut */
				continue;
			char *no = tendo_realloc(out, cap * 2);
			if (!no) {
				free(out);
				return NULL;
			}
			out = no;
			cap *= 2;
		}
		out[n++] = (char)c;
	}
	out[n] = '\0';
	*eol = 1;
	if (p < end && *p == ',') {
		*eol = 0;
		p++;
	} else {
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
	*pp = p;
	return out;
}

int64_t strava_date_ms(const char *s)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
		                              "jul", "aug", "sep", "oct", "nov", "dec" };
	int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
	char mon[4] = "", ampm[3] = "";
	if (sscanf(s, "%d-%d-%d%*1[ T]%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) == 6) {
		/* ISO */
	} else if (sscanf(s, "%3s %d, %d, %d:%d:%d %2s", mon, &d, &y, &h, &mi, &sec, ampm) == 7) {
		mo = 0;
		for (int k = 0; k < 12; k++)
			if (strcasecmp(mon, months[k]) == 0)
				mo = k + 1;
		if (h < 1 || h > 12 || (strcasecmp(ampm, "AM") != 0 && strcasecmp(ampm, "PM") != 0))
			return INT64_MIN;
		h = h % 12 + (strcasecmp(ampm, "PM") == 0 ? 12 : 0);
	} else {
		return INT64_MIN;
	}
	char iso[16];
	tendo_date day;
	if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 60 ||
	    snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, mo, d) != 10 || tendo_date_parse(&day, iso) != 0)
		return INT64_MIN;
	return ((int64_t)day * 86400 + h * 3600 + mi * 60 + sec) * 1000;
}

/* A number of a CSV field, or NAN. */
static double csv_number(const char *f)
{
	if (!f || !f[0])
		return NAN;
	char *end;
	double v = strtod(f, &end);
	return *end == '\0' && isfinite(v) && v >= 0 ? v : NAN;
}

/* The columns read, by role. */
enum { C_FILE, C_NAME, C_TYPE, C_ID, C_DATE, C_ELAPSED, C_MOVING, C_DIST_KM, C_DIST_M, C__N };

static int add_manual(strava_names *s, char **v)
{
	if (s->n_manual == s->cap_manual) {
		size_t nc = s->cap_manual ? s->cap_manual * 2 : 16;
		strava_manual *nv = tendo_realloc(s->manual, nc * sizeof(*nv));
		if (!nv)
			return TENDO_ENOMEM;
		s->manual = nv;
		s->cap_manual = nc;
	}
	strava_manual *m = &s->manual[s->n_manual++];
	m->id = v[C_ID];
	m->name = v[C_NAME];
	v[C_ID] = v[C_NAME] = NULL;
	snprintf(m->sport, sizeof(m->sport), "%s", strava_sport(v[C_TYPE] ? v[C_TYPE] : ""));
	m->start_ms = v[C_DATE] ? strava_date_ms(v[C_DATE]) : INT64_MIN;
	m->elapsed_s = csv_number(v[C_ELAPSED]);
	m->moving_s = csv_number(v[C_MOVING]);
	m->distance_m = csv_number(v[C_DIST_M]);
	if (!isfinite(m->distance_m) && isfinite(csv_number(v[C_DIST_KM])))
		m->distance_m = csv_number(v[C_DIST_KM]) * 1000;
	return 0;
}

int strava_parse(strava_names *s, const uint8_t *data, size_t len)
{
	const uint8_t *p = data, *end = data + len;
	int col[C__N];
	for (int k = 0; k < C__N; k++)
		col[k] = -1;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* the header; a name that comes twice ("Elapsed Time", "Distance") is
	 * read the first time, but the second "Distance" is in metres */
	for (int c = 0, eol = 0; !eol && p < end && c < MAX_FIELDS; c++) {
		char *f = field(&p, end, &eol);
		if (!f)
			return tendo_error_set(TENDO_ENOMEM, "out of memory reading activities.csv");
		static const struct { const char *name; int role; } names[] = {
			{ "Filename", C_FILE }, { "Activity Name", C_NAME }, { "Activity Type", C_TYPE },
			{ "Activity ID", C_ID }, { "Activity Date", C_DATE }, { "Elapsed Time", C_ELAPSED },
			{ "Moving Time", C_MOVING },
		};
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcasecmp(f, names[k].name) == 0 && col[names[k].role] < 0)
				col[names[k].role] = c;
		if (strcasecmp(f, "Distance") == 0) {
			if (col[C_DIST_KM] < 0)
				col[C_DIST_KM] = c;
			else if (col[C_DIST_M] < 0)
				col[C_DIST_M] = c;
		}
		free(f);
	}
	if (col[C_FILE] < 0)
		return tendo_error_set(TENDO_EFORMAT, "activities.csv has no Filename column");
	size_t rows = 0;
	int err = 0;
	while (p < end && rows++ < MAX_ROWS && !err) {
		char *v[C__N] = { 0 };
		int eol = 0;
		for (int c = 0; !eol && p < end && c < MAX_FIELDS; c++) {
			char *f = field(&p, end, &eol);
			if (!f)
				break;
			int role = -1;
			for (int k = 0; k < C__N && role < 0; k++)
				if (col[k] == c)
					role = k;
			if (role >= 0)
				v[role] = f;
			else
				free(f);
		}
		if (v[C_FILE] && v[C_FILE][0]) {
			if (s->n == s->cap) {
				size_t nc = s->cap ? s->cap * 2 : 64;
				strava_entry *nv = tendo_realloc(s->v, nc * sizeof(*nv));
				if (!nv) {
					err = tendo_error_set(TENDO_ENOMEM, "out of memory reading activities.csv");
					goto next;
				}
				s->v = nv;
				s->cap = nc;
			}
			char *file = v[C_FILE];
			size_t fl = strlen(file);
			if (fl > 3 && strcasecmp(file + fl - 3, ".gz") == 0)
				file[fl - 3] = '\0';
			strava_entry *e = &s->v[s->n++];
			e->file = file;
			e->name = v[C_NAME];
			snprintf(e->sport, sizeof(e->sport), "%s", strava_sport(v[C_TYPE] ? v[C_TYPE] : ""));
			v[C_FILE] = v[C_NAME] = NULL;
		} else if (v[C_DATE] || v[C_ELAPSED]) {
			if (add_manual(s, v))
				err = tendo_error_set(TENDO_ENOMEM, "out of memory reading activities.csv");
		}
	next:
		for (int k = 0; k < C__N; k++)
			free(v[k]);
	}
	return err;
}

const strava_entry *strava_lookup(const strava_names *s, const char *path)
{
	const char *colon = strrchr(path, ':');
	const char *member = colon ? colon + 1 : path;
	size_t a = strlen(member);
	if (a > 3 && strcasecmp(member + a - 3, ".gz") == 0)
		a -= 3; /* the CSV names are kept without .gz */
	for (size_t i = 0; i < s->n; i++) {
		size_t b = strlen(s->v[i].file);
		/* the CSV names files relative to the export's root */
		if (a >= b && strncmp(member + a - b, s->v[i].file, b) == 0 && (a == b || member[a - b - 1] == '/'))
			return &s->v[i];
	}
	return NULL;
}
