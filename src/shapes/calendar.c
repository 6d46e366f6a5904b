/*
 * calendar.c - the plan as a calendar, one truth for `tendo plan --ics`
 * and the server's calendar download and feed (shapes.h).
 */
#include <tendo/ics.h>

#include "shapes.h"

int shape_calendar(tendo_store *store, const tendo_plan_day *days, int n, const tendo_profile *profile,
                   const tendo_schedule *schedule, const tendo_ics_options *options, char **out, size_t *out_len)
{
	(void)store; /* what was published before: SEQUENCE and cancelled days (issue 9) */
	return tendo_ics_plan(out, out_len, days, n, profile, schedule, options);
}
