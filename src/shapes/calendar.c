/*
 * calendar.c - the plan as a calendar, one truth for `tendo plan --ics`
 * and the server's calendar download and feed (shapes.h). What each export
 * sends is kept in the store (tendo/published.h): the next export bumps
 * the SEQUENCE of what changed and cancels the days that left the plan.
 */
#include <stdlib.h>

#include <tendo/ics.h>
#include <tendo/published.h>

#include "shapes.h"

int shape_calendar(tendo_store *store, const tendo_plan_day *days, int n, const tendo_profile *profile,
                   const tendo_schedule *schedule, const tendo_ics_options *options, char **out, size_t *out_len)
{
	if (!store)
		return tendo_ics_plan(out, out_len, days, n, profile, schedule, options);
	*out = NULL;
	tendo_published *sent = NULL, *now = NULL;
	size_t n_sent = 0, n_now = 0;
	/* inside the caller's transaction when there is one (plan --ics: the
	 * record and the file go together); the save is all or nothing */
	int rc = tendo_published_load(&sent, &n_sent, store, n > 0 ? days[0].date : TENDO_DATE_NONE);
	if (!rc)
		rc = tendo_ics_plan_tracked(out, out_len, &now, &n_now, days, n, profile, schedule, options, sent, n_sent);
	if (!rc)
		rc = tendo_published_save(store, now, n_now, options->stamp);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	free(sent);
	free(now);
	return rc;
}
