/*
 * share.c - read-only links and calendar-feed tokens on the share table
 * (tendo/share.h): made from getrandom(2), looked up by exact match, then
 * checked for expiry and revocation against the caller's `now` (UTC).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "tendo/date.h"
#include "tendo/errors.h"
#include "tendo/share.h"
#include "tendo/text.h"
#include "store_int.h"

const char *tendo_share_scope_name(tendo_share_scope scope)
{
	return scope == TENDO_SHARE_CALENDAR ? "calendar" : "read";
}

int tendo_share_scope_parse(tendo_share_scope *out, const char *name)
{
	if (name && strcmp(name, "read") == 0)
		*out = TENDO_SHARE_READ;
	else if (name && strcmp(name, "calendar") == 0)
		*out = TENDO_SHARE_CALENDAR;
	else
		return tendo_error_set(TENDO_EINVAL, "scope must be read or calendar");
	return 0;
}

const char *tendo_share_state_name(tendo_share_state state)
{
	static const char *const names[] = { "valid", "expired", "revoked", "unknown" };
	return (unsigned)state < 4 ? names[state] : "unknown";
}

/* 32 random bytes as 64 lowercase hex digits: getrandom(2), else the device. */
static int random_token(char out[TENDO_SHARE_TOKEN_HEX + 1])
{
	unsigned char raw[TENDO_SHARE_TOKEN_HEX / 2];
	size_t got = 0;
	while (got < sizeof(raw)) {
		ssize_t n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got < sizeof(raw)) {
		int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		while (fd >= 0 && got < sizeof(raw)) {
			ssize_t n = read(fd, raw + got, sizeof(raw) - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (fd >= 0)
			close(fd);
		if (got < sizeof(raw))
			return tendo_error_set(TENDO_ERROR, "no random bytes for the share's token");
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t k = 0; k < sizeof(raw); k++) {
		out[2 * k] = hex[raw[k] >> 4];
		out[2 * k + 1] = hex[raw[k] & 15];
	}
	out[TENDO_SHARE_TOKEN_HEX] = '\0';
	memset(raw, 0, sizeof(raw));
	return 0;
}

static bool is_token(const char *t)
{
	if (!t)
		return false;
	size_t k = 0;
	for (; t[k] && k <= TENDO_SHARE_TOKEN_HEX; k++)
		if (!((t[k] >= '0' && t[k] <= '9') || (t[k] >= 'a' && t[k] <= 'f')))
			return false;
	return k == TENDO_SHARE_TOKEN_HEX;
}

/* "YYYY-MM-DDTHH:MM:SSZ" to seconds; 0 for NULL or malformed. */
static time_t parse_instant(const char *s)
{
	struct tm tm = { 0 };
	char z = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	                 &tm.tm_sec, &z) != 7 || z != 'Z')
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	return t == (time_t)-1 ? 0 : t;
}

static void bind_instant(sqlite3_stmt *st, int i, time_t t, int *rc)
{
	char b[21];
	if (*rc == SQLITE_OK)
		*rc = t ? sqlite3_bind_text(st, i, tendo_instant_format(t, b), -1, SQLITE_TRANSIENT)
		        : sqlite3_bind_null(st, i);
}

static int prepare_share(tendo_store *s, sqlite3_stmt **st, const char *sql)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return store_fail(s->db, s->path, rc);
	}
	return 0;
}

#define SHARE_COLUMNS "id, scope, label, created, expires, revoked"

/* A row of SHARE_COLUMNS into out (without the token). */
static void read_row(sqlite3_stmt *st, tendo_share *out)
{
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	const char *scope = (const char *)sqlite3_column_text(st, 1);
	out->scope = scope && strcmp(scope, "calendar") == 0 ? TENDO_SHARE_CALENDAR : TENDO_SHARE_READ;
	const char *label = (const char *)sqlite3_column_text(st, 2);
	snprintf(out->label, sizeof(out->label), "%s", label ? label : "");
	out->created = parse_instant((const char *)sqlite3_column_text(st, 3));
	out->expires = parse_instant((const char *)sqlite3_column_text(st, 4));
	out->revoked = parse_instant((const char *)sqlite3_column_text(st, 5));
	/* a stored instant that does not read (a hand-edited row) counts as gone */
	if (sqlite3_column_type(st, 4) != SQLITE_NULL && !out->expires)
		out->expires = 1;
	if (sqlite3_column_type(st, 5) != SQLITE_NULL && !out->revoked)
		out->revoked = 1;
}

static tendo_share_state state_of(const tendo_share *sh, time_t now)
{
	if (sh->revoked)
		return TENDO_SHARE_REVOKED;
	if (sh->expires && now >= sh->expires)
		return TENDO_SHARE_EXPIRED;
	return TENDO_SHARE_VALID;
}

int tendo_share_create(tendo_store *s, tendo_share_scope scope, const char *label, time_t expires, time_t now,
                       tendo_share *out)
{
	memset(out, 0, sizeof(*out));
	if (scope != TENDO_SHARE_READ && scope != TENDO_SHARE_CALENDAR)
		return tendo_error_set(TENDO_EINVAL, "scope must be read or calendar");
	size_t n = label ? strlen(label) : 0;
	if (n > TENDO_SHARE_LABEL_MAX)
		return tendo_error_set(TENDO_EINVAL, "label is too long (%d bytes at most, got %zu)", TENDO_SHARE_LABEL_MAX,
		                       n);
	if (n && !tendo_text_utf8_valid(label, n))
		return tendo_error_set(TENDO_EINVAL, "label must be UTF-8 text");
	for (size_t k = 0; k < n; k++)
		if ((unsigned char)label[k] < 0x20 || label[k] == 0x7f)
			return tendo_error_set(TENDO_EINVAL, "label must not hold control characters");
	if (expires && expires <= now)
		return tendo_error_set(TENDO_EINVAL, "expires must be after now");
	if (s->readonly)
		return tendo_error_set(TENDO_ESTORE, "%s: the database is open read-only", s->path);
	int err = random_token(out->token);
	if (err)
		return err;
	sqlite3_stmt *st;
	if ((err = prepare_share(s, &st,
	                         "INSERT INTO share (token, scope, label, created, expires) VALUES (?, ?, ?, ?, ?)")))
		return err;
	int rc = sqlite3_bind_text(st, 1, out->token, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 2, tendo_share_scope_name(scope), -1, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = n ? sqlite3_bind_text(st, 3, label, (int)n, SQLITE_TRANSIENT) : sqlite3_bind_null(st, 3);
	bind_instant(st, 4, now, &rc);
	bind_instant(st, 5, expires, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		err = store_fail(s->db, s->path, rc);
		sqlite3_finalize(st);
		memset(out, 0, sizeof(*out));
		return err;
	}
	sqlite3_finalize(st);
	out->id = sqlite3_last_insert_rowid(s->db);
	out->scope = scope;
	snprintf(out->label, sizeof(out->label), "%s", n ? label : "");
	out->created = parse_instant(tendo_instant_format(now, (char[21]){ 0 }));
	out->expires = expires ? parse_instant(tendo_instant_format(expires, (char[21]){ 0 })) : 0;
	return 0;
}

int tendo_share_list(tendo_store *s, tendo_share **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int err = prepare_share(s, &st, "SELECT " SHARE_COLUMNS " FROM share ORDER BY id");
	if (err)
		return err;
	tendo_share *arr = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			tendo_share *g = realloc(arr, ncap * sizeof(*arr));
			if (!g) {
				sqlite3_finalize(st);
				free(arr);
				return tendo_error_set(TENDO_ENOMEM, "out of memory listing the shares");
			}
			arr = g;
			cap = ncap;
		}
		read_row(st, &arr[len++]);
	}
	if (rc != SQLITE_DONE) {
		err = store_fail(s->db, s->path, rc);
		sqlite3_finalize(st);
		free(arr);
		return err;
	}
	sqlite3_finalize(st);
	*out = arr;
	*n = len;
	return 0;
}

int tendo_share_revoke(tendo_store *s, int64_t id, time_t now)
{
	if (s->readonly)
		return tendo_error_set(TENDO_ESTORE, "%s: the database is open read-only", s->path);
	sqlite3_stmt *st;
	int err = prepare_share(s, &st, "UPDATE share SET revoked = coalesce(revoked, ?) WHERE id = ?");
	if (err)
		return err;
	int rc = SQLITE_OK;
	bind_instant(st, 1, now, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 2, id);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		err = store_fail(s->db, s->path, rc);
		sqlite3_finalize(st);
		return err;
	}
	sqlite3_finalize(st);
	if (sqlite3_changes(s->db) == 0)
		return tendo_error_set(TENDO_ENOTFOUND, "no share %lld (tendo share --list shows them)", (long long)id);
	return 0;
}

/* One row by token or id: *state, *out. */
static int check_one(tendo_store *s, const char *token, int64_t id, time_t now, tendo_share_state *state,
                     tendo_share *out)
{
	*state = TENDO_SHARE_UNKNOWN;
	if (out)
		memset(out, 0, sizeof(*out));
	sqlite3_stmt *st;
	int err = prepare_share(s, &st, token ? "SELECT " SHARE_COLUMNS " FROM share WHERE token = ?"
	                                      : "SELECT " SHARE_COLUMNS " FROM share WHERE id = ?");
	if (err)
		return err;
	int rc = token ? sqlite3_bind_text(st, 1, token, TENDO_SHARE_TOKEN_HEX, SQLITE_TRANSIENT)
	               : sqlite3_bind_int64(st, 1, id);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		tendo_share sh;
		read_row(st, &sh);
		*state = state_of(&sh, now);
		if (out)
			*out = sh;
	} else if (rc != SQLITE_DONE) {
		err = store_fail(s->db, s->path, rc);
	}
	sqlite3_finalize(st);
	return err;
}

int tendo_share_check(tendo_store *s, const char *token, time_t now, tendo_share_state *state, tendo_share *out)
{
	if (!is_token(token)) {
		*state = TENDO_SHARE_UNKNOWN;
		if (out)
			memset(out, 0, sizeof(*out));
		return 0;
	}
	return check_one(s, token, 0, now, state, out);
}

int tendo_share_check_id(tendo_store *s, int64_t id, time_t now, tendo_share_state *state, tendo_share *out)
{
	return check_one(s, NULL, id, now, state, out);
}
