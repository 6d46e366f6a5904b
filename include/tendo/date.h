/*
 * tendo/date.h - calendar dates in the athlete's zone, and UTC instants.
 *
 * A tendo_date is a day number: days since 1970-01-01 in the proleptic
 * Gregorian calendar. It names a local calendar day of the athlete; it is
 * not an instant. Instants are stored as ISO 8601 UTC strings.
 */
#ifndef TENDO_DATE_H
#define TENDO_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef int32_t tendo_date;

#define TENDO_DATE_NONE INT32_MIN /* "no date" sentinel */
#define TENDO_DATE_BUFSZ 11       /* "YYYY-MM-DD" + NUL */

/* Day number of a civil date; the fields are not validated. */
tendo_date tendo_date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void tendo_date_to_ymd(tendo_date date, int *y, int *m, int *d);

/* The years tendo keeps: every date of the log lies in them, whatever way
 * it came in (typed, imported, restored). */
#define TENDO_YEAR_MIN 1900
#define TENDO_YEAR_MAX 2999
/* True if date is a day of years TENDO_YEAR_MIN-TENDO_YEAR_MAX. */
bool tendo_date_in_range(tendo_date date);

/*
 * Parse "YYYY-MM-DD" (exactly that form; years 1900-2999).
 * Returns 0, or TENDO_EFORMAT for a malformed string, TENDO_EINVAL for an
 * impossible date such as 2026-02-30.
 */
int tendo_date_parse(tendo_date *out, const char *s);

/* Format as "YYYY-MM-DD" into buf (at least TENDO_DATE_BUFSZ bytes); returns buf. */
char *tendo_date_format(tendo_date date, char buf[TENDO_DATE_BUFSZ]);

/* 0 = Monday ... 6 = Sunday. */
int tendo_date_weekday(tendo_date date);

/* True if tz names a time zone this machine knows (an IANA name under
 * /usr/share/zoneinfo, or "UTC"). */
bool tendo_tz_valid(const char *tz);

/*
 * The zone conversions below set TZ while they run, one at a time under a
 * lock: safe to call from several threads at once, as long as nothing else
 * in the process changes TZ meanwhile (tendo serve sets it once before its
 * threads start, so that only its value ever changes, never the
 * environment's size).
 *
 * The local calendar day of instant t in zone tz (NULL or "" = UTC).
 * Returns the day number.
 */
tendo_date tendo_date_of_instant(time_t t, const char *tz);

/* The local time of day of instant t in zone tz, minutes after midnight (0-1439). */
int tendo_time_of_instant(time_t t, const char *tz);

/* The UTC instant of local noon on `date` in zone tz: used to stamp entries
 * that the user dated with --date. */
time_t tendo_date_noon_utc(tendo_date date, const char *tz);

/* Format instant t as ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" (21 bytes incl. NUL). */
char *tendo_instant_format(time_t t, char buf[21]);

#endif
