/*
 * strava.c - the activities.csv of a Strava bulk export: which file is which
 * activity, its name and its type (GPX files from Strava carry no sport).
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

int strava_parse(strava_names *s, const uint8_t *data, size_t len)
{
	const uint8_t *p = data, *end = data + len;
	int col_file = -1, col_name = -1, col_type = -1;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* the header */
	for (int c = 0, eol = 0; !eol && p < end && c < MAX_FIELDS; c++) {
		char *f = field(&p, end, &eol);
		if (!f)
			return tendo_error_set(TENDO_ENOMEM, "out of memory reading activities.csv");
		if (strcasecmp(f, "Filename") == 0)
			col_file = c;
		else if (strcasecmp(f, "Activity Name") == 0)
			col_name = c;
		else if (strcasecmp(f, "Activity Type") == 0)
			col_type = c;
		free(f);
	}
	if (col_file < 0)
		return tendo_error_set(TENDO_EFORMAT, "activities.csv has no Filename column");
	size_t rows = 0;
	while (p < end && rows++ < MAX_ROWS) {
		char *file = NULL, *name = NULL, *type = NULL;
		int eol = 0;
		for (int c = 0; !eol && p < end && c < MAX_FIELDS; c++) {
			char *f = field(&p, end, &eol);
			if (!f)
				break;
			if (c == col_file)
				file = f;
			else if (c == col_name)
				name = f;
			else if (c == col_type)
				type = f;
			else
				free(f);
		}
		if (file && file[0]) {
			if (s->n == s->cap) {
				size_t nc = s->cap ? s->cap * 2 : 64;
				strava_entry *nv = tendo_realloc(s->v, nc * sizeof(*nv));
				if (!nv) {
					free(file);
					free(name);
					free(type);
					return tendo_error_set(TENDO_ENOMEM, "out of memory reading activities.csv");
				}
				s->v = nv;
				s->cap = nc;
			}
			size_t fl = strlen(file);
			if (fl > 3 && strcasecmp(file + fl - 3, ".gz") == 0)
				file[fl - 3] = '\0';
			strava_entry *e = &s->v[s->n++];
			e->file = file;
			e->name = name;
			snprintf(e->sport, sizeof(e->sport), "%s", strava_sport(type ? type : ""));
			name = NULL;
			file = NULL;
		}
		free(file);
		free(name);
		free(type);
	}
	return 0;
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
