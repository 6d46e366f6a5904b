/*
 * tendo/ics.h - the plan as an RFC 5545 calendar (iCalendar), written with
 * libical: one VEVENT per planned session, so a runner sees the week in the
 * calendar they already use and a subscribed calendar updates in place.
 */
#ifndef TENDO_ICS_H
#define TENDO_ICS_H

#include <stddef.h>
#include <time.h>

#include "plan.h"

typedef struct {
	int alarm_min;  /* a reminder this many minutes before each timed session; 0 = none (0-1440) */
	time_t stamp;   /* DTSTAMP of every event: when the calendar was made */
} tendo_ics_options;

/*
 * Render n planned days as a VCALENDAR.
 *
 * Events: a run at the schedule's run time lasting its minutes; a rehab
 * session (strength or isometric holds) at the rehab time lasting its
 * estimated minutes; readiness tests (30 min, just before the rehab
 * session); a VISA-H questionnaire and a red flag's "see a clinician" as
 * all-day events. Rest days have none. Timed events are in the profile's
 * zone (DTSTART;TZID=..., with a VTIMEZONE cut to the plan's dates), or in
 * UTC when the zone is UTC. Each DESCRIPTION lists the exercises and doses
 * and why the session is there.
 *
 * UIDs are "<YYYYMMDD>-<kind>-<athlete>@tendo" (kind: run, rehab, tests,
 * visa, care; athlete: a hash of the profile's start date, side and name),
 * so exporting the plan again gives the same UIDs for the same day's
 * sessions: a subscribed calendar updates them instead of duplicating.
 *
 * schedule NULL = the default (tendo_schedule_default()).
 * out: the calendar, CRLF lines folded at 75 octets, NUL-terminated; owned
 * by the caller (free()). Returns 0, TENDO_EINVAL (n < 0, a zone libical
 * does not know, an alarm out of range), or TENDO_ENOMEM.
 */
int tendo_ics_plan(char **out, size_t *out_len, const tendo_plan_day *days, int n, const tendo_profile *profile,
                   const tendo_schedule *schedule, const tendo_ics_options *options);

#endif
