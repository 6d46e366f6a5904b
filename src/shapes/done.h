/*
 * done.h - "log today's prescribed session as done": the one truth behind
 * `tendo done` and the server's done forms and POST /api/done.
 *
 * Unlike shapes.h this writes: through the store's add functions, in one
 * transaction of its own. It never prints; the callers say what it did.
 */
#ifndef TENDO_SHAPES_DONE_H
#define TENDO_SHAPES_DONE_H

#include <stddef.h>
#include <time.h>

#include <jansson.h>
#include <tendo/tendo.h>

enum {
	DONE_RUN = 1 << 0,   /* the prescribed run */
	DONE_REHAB = 1 << 1, /* every prescribed rehab exercise */
	DONE_ALL = DONE_RUN | DONE_REHAB
};

/* What done_log() refuses (returned positive, message in err). */
enum { DONE_NOTHING = 1, DONE_ALREADY = 2 };

/*
 * Log the part(s) of date's morning prescription (PROTOCOL.md 10.9) as
 * done, with the scores given (-1: not given; the caller has checked their
 * range): the run (minutes, flat, easy, run/walk as prescribed) and each
 * rehab exercise (sets, reps or holds, its load: one entry a leg when each
 * leg has its own), pain after a day without a run as a report of its own.
 * at is the entries' stamp. One transaction (begun and committed here).
 *
 * Returns 0 with *logged an array of {"id", "type", "what"} (new
 * reference) and *rx the prescription; DONE_NOTHING or DONE_ALREADY with
 * the reason in err (nothing written); or a negative library code with
 * tendo_error_last() (rolled back).
 */
int done_log(tendo_store *store, const tendo_profile *profile, tendo_date date, time_t at, unsigned parts,
             int pain_during, int pain_after, int rpe, tendo_prescription *rx, json_t **logged, char *err,
             size_t errsz);

#endif
