/*
 * tendo/schedule.h - when the athlete can train: the days of the week for
 * runs, strength sessions and tests, and the preferred times of day. Kept
 * with the profile (tendo_store_get_schedule); used by the plan and the
 * calendar export.
 */
#ifndef TENDO_SCHEDULE_H
#define TENDO_SCHEDULE_H

#include <stdbool.h>

#include "date.h"

typedef struct {
	unsigned days;   /* bit 0 = Monday ... bit 6 = Sunday: days for runs, strength and tests */
	int run_time;    /* preferred start of a run, minutes after local midnight (0-1439) */
	int rehab_time;  /* preferred start of a rehab session, minutes after local midnight */
} tendo_schedule;

#define TENDO_DAYS_ALL 0x7fu
#define TENDO_DAYS_BUFSZ 28 /* "mon,tue,wed,thu,fri,sat,sun" + NUL */

/* Every day; runs at 17:00 (afternoon runs, PROTOCOL.md 5), rehab at 18:00. */
void tendo_schedule_default(tendo_schedule *out);
/*
 * Parse "mon,tue,..." (three-letter English day names, any case, any
 * order, no repeats) or "all". Returns 0, or TENDO_EINVAL naming the bad
 * day (tendo_error_last()).
 */
int tendo_schedule_parse_days(unsigned *out, const char *s);
/* "mon,wed,fri" into buf; returns buf. */
char *tendo_schedule_format_days(unsigned days, char buf[TENDO_DAYS_BUFSZ]);
/* Parse "HH:MM" (00:00-23:59) into minutes after midnight; 0 or TENDO_EINVAL. */
int tendo_schedule_parse_time(int *out, const char *s);
/* "HH:MM" into buf (6 bytes); returns buf. */
char *tendo_schedule_format_time(int minutes, char buf[6]);
/* True if the athlete trains on that day. */
bool tendo_schedule_has_day(const tendo_schedule *s, tendo_date date);

#endif
