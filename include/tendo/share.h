/*
 * tendo/share.h - read-only links for a physio and the calendar feed's
 * tokens (`tendo share`, the server's /s/<token> and /calendar.ics).
 *
 * A share is a token of 256 bits from the system's random source (64
 * lowercase hex digits) with a scope: TENDO_SHARE_READ opens a read-only
 * session (report, history, status, plan), TENDO_SHARE_CALENDAR reads the
 * calendar feed and nothing else. A share may expire (a UTC instant) and
 * is revoked, never deleted, so the list keeps what was given out. Tokens
 * are credentials: `export --json` leaves the table out, and the list
 * never returns them.
 */
#ifndef TENDO_SHARE_H
#define TENDO_SHARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store.h"

#define TENDO_SHARE_TOKEN_HEX 64 /* 256 bits as lowercase hex */
#define TENDO_SHARE_LABEL_MAX 80 /* bytes of a label */

typedef enum {
	TENDO_SHARE_READ = 0,     /* "read": a read-only session */
	TENDO_SHARE_CALENDAR = 1  /* "calendar": the calendar feed only */
} tendo_share_scope;

typedef enum {
	TENDO_SHARE_VALID = 0,
	TENDO_SHARE_EXPIRED = 1,
	TENDO_SHARE_REVOKED = 2,
	TENDO_SHARE_UNKNOWN = 3   /* no such token (or not a token at all) */
} tendo_share_state;

typedef struct {
	int64_t id;
	tendo_share_scope scope;
	char token[TENDO_SHARE_TOKEN_HEX + 1];   /* only from tendo_share_create(); "" elsewhere */
	char label[TENDO_SHARE_LABEL_MAX + 1];   /* "" for none */
	time_t created;                          /* UTC instants, seconds */
	time_t expires;                          /* 0: never */
	time_t revoked;                          /* 0: not revoked */
} tendo_share;

/* "read" or "calendar" (static); parse: 0 or TENDO_EINVAL. */
const char *tendo_share_scope_name(tendo_share_scope scope);
int tendo_share_scope_parse(tendo_share_scope *out, const char *name);
/* "valid", "expired", "revoked", "unknown" (static). */
const char *tendo_share_state_name(tendo_share_state state);

/*
 * A new share made at `now`, valid until `expires` (0: never; else after
 * now). label: NULL or up to TENDO_SHARE_LABEL_MAX bytes of UTF-8 without
 * control characters. out: the share with its token.
 * Returns 0; TENDO_EINVAL naming the field (label, expires); TENDO_ERROR
 * when there are no random bytes; a store error. Nothing is written on
 * failure.
 */
int tendo_share_create(tendo_store *store, tendo_share_scope scope, const char *label, time_t expires, time_t now,
                       tendo_share *out);
/*
 * Every share, oldest first, without tokens. *out: malloc'd array of *n
 * (NULL when none), the caller free()s it. 0 or a store error.
 */
int tendo_share_list(tendo_store *store, tendo_share **out, size_t *n);
/*
 * Revoke share id at `now`. 0 (also when it was revoked already: the first
 * instant stays); TENDO_ENOTFOUND for no such id; a store error.
 */
int tendo_share_revoke(tendo_store *store, int64_t id, time_t now);
/*
 * What `token` opens at `now`: *state, and the share (without its token)
 * in *out (may be NULL) unless TENDO_SHARE_UNKNOWN. A string that is not
 * 64 lowercase hex digits is unknown without a query. Returns 0 (whatever
 * the state) or a store error.
 */
int tendo_share_check(tendo_store *store, const char *token, time_t now, tendo_share_state *state, tendo_share *out);
/* The same by id (a session made from a share checks it again on each
 * request). */
int tendo_share_check_id(tendo_store *store, int64_t id, time_t now, tendo_share_state *state, tendo_share *out);

#endif
