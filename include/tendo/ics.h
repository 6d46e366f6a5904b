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
#include "published.h"

/* The daily monitoring task at 07:00 local (the schedule has no morning
 * time), or 15 minutes before the schedule's run or rehab time when one of
 * them is earlier than 07:15. */
#define TENDO_ICS_MORNING_DEFAULT (7 * 60)

typedef struct {
	int alarm_min;  /* a reminder this many minutes before each timed session; 0 = none (0-1440) */
	time_t stamp;   /* DTSTAMP of every event: when the calendar was made */
} tendo_ics_options;

/*
 * Render n planned days as a VCALENDAR.
 *
 * Events: every day but a red flag's, the morning monitoring task (5 min,
 * UID kind "task") at the morning time with a reminder when it starts,
 * whatever alarm_min says: the pain-monitoring model runs on that score; a
 * run at the schedule's run time lasting its minutes; a rehab
 * session (strength or isometric holds) at the rehab time lasting its
 * estimated minutes; readiness tests (30 min, just before the rehab
 * session); a VISA-H questionnaire and a red flag's "see a clinician" as
 * all-day events. Rest days have none. Timed events are in the profile's
 * zone (DTSTART;TZID=..., with a VTIMEZONE cut to the plan's dates), or in
 * UTC when the zone is UTC. Each DESCRIPTION lists the exercises one a line
 * with their doses and loads ("- Prone hamstring curl: 4 x 8, left 20 kg,
 * right 21.25 kg") and why the session is there. Every event has a
 * SEQUENCE: 0 here (see tendo_ics_plan_tracked()).
 *
 * UIDs are "<YYYYMMDD>-<kind>-<athlete>@tendo" (kind: task, run, rehab, tests,
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

/*
 * tendo_ics_plan() against what was sent before (sent, n_sent; NULL, 0 =
 * nothing): an event whose content is unchanged keeps its SEQUENCE, a
 * changed one (or one back after a cancellation) gets the old SEQUENCE + 1,
 * and an event sent before for a day within the plan's days that is not
 * in the plan any more is sent again as STATUS:CANCELLED (all-day, the same
 * UID) with SEQUENCE + 1 (unchanged when it was already sent cancelled).
 * Days outside the plan's range are left alone.
 * out_sent, out_n_sent: if not NULL, what this calendar sends, to keep with
 * tendo_published_save(); owned by the caller (free()).
 * Returns as tendo_ics_plan(); nothing is allocated on failure.
 */
int tendo_ics_plan_tracked(char **out, size_t *out_len, tendo_published **out_sent, size_t *out_n_sent,
                           const tendo_plan_day *days, int n, const tendo_profile *profile,
                           const tendo_schedule *schedule, const tendo_ics_options *options,
                           const tendo_published *sent, size_t n_sent);

#endif
