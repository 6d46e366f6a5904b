/*
 * tendo/published.h - what the calendar last sent, kept in the store
 * (table calendar_event), so exporting the plan again tells a calendar
 * what changed: a changed event goes out with a higher SEQUENCE, and a day
 * that left the plan goes out as STATUS:CANCELLED (tendo/ics.h).
 */
#ifndef TENDO_PUBLISHED_H
#define TENDO_PUBLISHED_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "date.h"
#include "store.h"

#define TENDO_PUBLISHED_UID 96    /* bytes of a UID, NUL included */
#define TENDO_PUBLISHED_DIGEST 17 /* 16 hex digits + NUL */
#define TENDO_PUBLISHED_MAX 100000 /* bound on the rows loaded at once */

/* One event as it was last sent. */
typedef struct {
	char uid[TENDO_PUBLISHED_UID];       /* as in the calendar */
	tendo_date day;                      /* its local day */
	char digest[TENDO_PUBLISHED_DIGEST]; /* of its content (without DTSTAMP and SEQUENCE) */
	int sequence;                        /* SEQUENCE sent, >= 0 */
	bool cancelled;                      /* sent as STATUS:CANCELLED */
} tendo_published;

/*
 * Every event sent for days from `from` on (TENDO_DATE_NONE = all),
 * ordered by day and UID.
 * out: an array owned by the caller (free()), NULL when *n is 0.
 * Returns 0, TENDO_ELIMIT (more than TENDO_PUBLISHED_MAX rows), or a
 * store error.
 */
int tendo_published_load(tendo_published **out, size_t *n, tendo_store *s, tendo_date from);

/*
 * Record that these n events were sent at `sent` (inserted, or replacing
 * the row of the same UID), all or nothing.
 * Returns 0, TENDO_EINVAL (an empty UID, a sequence below 0), or a store
 * error (TENDO_ESTORE for a read-only store).
 */
int tendo_published_save(tendo_store *s, const tendo_published *events, size_t n, time_t sent);

#endif
