/*
 * import_int.h - internals of the importer: the Strava export's
 * activities.csv (names and sports of the activity files).
 */
#ifndef TENDO_IMPORT_INT_H
#define TENDO_IMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

/* "Mar 2, 2026, 7:05:12 AM" or "2026-03-02 07:05:12" (UTC) as ms since
 * 1970, or INT64_MIN. */
int64_t strava_date_ms(const char *s);

typedef struct {
	char *file;        /* "activities/123.fit" (".gz" removed) */
	char *name;        /* "Morning Run" */
	char sport[32];    /* "running", "cycling", ... from "Activity Type" */
} strava_entry;

/* A row without a file: an activity typed into Strava by hand. */
typedef struct {
	char *id;          /* "Activity ID", or NULL */
	char *name;        /* "Activity Name", or NULL */
	char sport[32];    /* from "Activity Type" */
	int64_t start_ms;  /* "Activity Date" (UTC), INT64_MIN if unreadable */
	double elapsed_s;  /* "Elapsed Time", s; NAN if missing */
	double moving_s;   /* "Moving Time", s; NAN */
	double distance_m; /* the second "Distance" (m), else the first (km) x 1000; NAN */
} strava_manual;

typedef struct {
	strava_entry *v;   /* owned */
	size_t n, cap;
	strava_manual *manual; /* owned: rows without a file */
	size_t n_manual, cap_manual;
} strava_names;

void strava_names_init(strava_names *s);
void strava_names_dispose(strava_names *s);
/* Parse an activities.csv (RFC 4180). Rows without a file (manual
 * activities) go to s->manual with their date, times, distance and type.
 * Returns 0 or TENDO_EFORMAT / TENDO_ENOMEM (what was read is kept). */
int strava_parse(strava_names *s, const uint8_t *data, size_t len);
/* The entry for an archive member path ("export.zip:activities/1.fit"), or NULL. */
const strava_entry *strava_lookup(const strava_names *s, const char *path);
/* Strava's "Activity Type" ("Run", "Ride", "Virtual Run") as a sport name. */
const char *strava_sport(const char *type);

/* memmem without _GNU_SOURCE. */
const void *import_memfind(const void *hay, size_t n, const void *needle, size_t m);

#endif
