/*
 * test_share.c - unit tests of read-only links and calendar tokens
 * (tendo/share.h, src/lib/store/share.c): tokens (64 lowercase hex, each
 * different), the stored row, listing without tokens, expiry at the
 * instant, revocation (idempotent, unknown id), lookups of malformed and
 * unknown tokens, label checks that write nothing, a read-only store.
 *
 * Each test works on a database in its own mkdtemp folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include <tendo/share.h>

#include "fixtures.h"
#include "store/store_int.h"

typedef struct {
	char dir[64];
	char db[160];
	tendo_store *s;
} ctx;

#define T0 ((time_t)1796000000) /* 2026-11-28, a fixed "now" */

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof(*c));
	snprintf(c->dir, sizeof(c->dir), "/tmp/tendo-share-XXXXXX");
	if (!c || !mkdtemp(c->dir))
		return -1;
	snprintf(c->db, sizeof(c->db), "%s/tendo.db", c->dir);
	if (tendo_store_open(&c->s, c->db, TENDO_STORE_CREATE))
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	tendo_store_close(c->s);
	char p[200];
	snprintf(p, sizeof(p), "%s-wal", c->db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", c->db);
	unlink(p);
	unlink(c->db);
	rmdir(c->dir);
	free(c);
	return 0;
}

static int count_rows(tendo_store *s)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(store_sqlite(s), "SELECT count(*) FROM share", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static bool lower_hex(const char *t)
{
	for (size_t k = 0; t[k]; k++)
		if (!((t[k] >= '0' && t[k] <= '9') || (t[k] >= 'a' && t[k] <= 'f')))
			return false;
	return true;
}

static void test_create_and_check(void **state)
{
	ctx *c = *state;
	tendo_share a, b, got;
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, "Dr Jones", 0, T0, &a), 0);
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_CALENDAR, NULL, T0 + 3600, T0, &b), 0);
	assert_int_equal(strlen(a.token), TENDO_SHARE_TOKEN_HEX);
	assert_true(lower_hex(a.token) && lower_hex(b.token));
	assert_string_not_equal(a.token, b.token);
	assert_true(a.id > 0 && b.id > a.id);
	assert_int_equal(a.created, T0);
	assert_int_equal(b.expires, T0 + 3600);

	tendo_share_state st;
	assert_int_equal(tendo_share_check(c->s, a.token, T0 + 10, &st, &got), 0);
	assert_int_equal(st, TENDO_SHARE_VALID);
	assert_int_equal(got.id, a.id);
	assert_int_equal(got.scope, TENDO_SHARE_READ);
	assert_string_equal(got.label, "Dr Jones");
	assert_string_equal(got.token, ""); /* never handed back */
	assert_int_equal(got.expires, 0);

	assert_int_equal(tendo_share_check(c->s, b.token, T0 + 3599, &st, &got), 0);
	assert_int_equal(st, TENDO_SHARE_VALID);
	assert_int_equal(got.scope, TENDO_SHARE_CALENDAR);
	/* expired at the instant it says */
	assert_int_equal(tendo_share_check(c->s, b.token, T0 + 3600, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_EXPIRED);
	assert_int_equal(tendo_share_check_id(c->s, b.id, T0 + 7200, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_EXPIRED);

	/* stored as created: the UTC instants in ISO 8601 */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_sqlite(c->s), "SELECT token, scope, created, expires FROM share WHERE id = ?",
	                                    -1, &q, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(q, 1, b.id);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), b.token);
	assert_string_equal((const char *)sqlite3_column_text(q, 1), "calendar");
	char iso[21];
	assert_string_equal((const char *)sqlite3_column_text(q, 2), tendo_instant_format(T0, iso));
	assert_string_equal((const char *)sqlite3_column_text(q, 3), tendo_instant_format(T0 + 3600, iso));
	sqlite3_finalize(q);
}

static void test_unknown_tokens(void **state)
{
	ctx *c = *state;
	tendo_share a;
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, NULL, 0, T0, &a), 0);
	tendo_share_state st = TENDO_SHARE_VALID;
	char t[TENDO_SHARE_TOKEN_HEX + 2];
	/* one digit changed */
	snprintf(t, sizeof(t), "%s", a.token);
	t[10] = t[10] == '0' ? '1' : '0';
	assert_int_equal(tendo_share_check(c->s, t, T0, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_UNKNOWN);
	/* upper case, short, long, empty, NULL, with SQL in it */
	snprintf(t, sizeof(t), "%s", a.token);
	for (char *p = t; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 32);
	const char *bad[] = { t, "abc", "", NULL, "' OR 1=1 --" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		st = TENDO_SHARE_VALID;
		assert_int_equal(tendo_share_check(c->s, bad[k], T0, &st, NULL), 0);
		assert_int_equal(st, TENDO_SHARE_UNKNOWN);
	}
	snprintf(t, sizeof(t), "%s0", a.token);
	assert_int_equal(tendo_share_check(c->s, t, T0, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_UNKNOWN);
	assert_int_equal(tendo_share_check_id(c->s, a.id + 100, T0, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_UNKNOWN);
}

static void test_revoke_and_list(void **state)
{
	ctx *c = *state;
	tendo_share a, b;
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, "physio", 0, T0, &a), 0);
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_CALENDAR, "phone", 0, T0 + 1, &b), 0);
	assert_int_equal(tendo_share_revoke(c->s, a.id, T0 + 60), 0);
	tendo_share_state st;
	assert_int_equal(tendo_share_check(c->s, a.token, T0 + 61, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_REVOKED);
	assert_int_equal(tendo_share_check(c->s, b.token, T0 + 61, &st, NULL), 0);
	assert_int_equal(st, TENDO_SHARE_VALID);
	/* again: fine, the first instant stays */
	assert_int_equal(tendo_share_revoke(c->s, a.id, T0 + 120), 0);
	assert_int_equal(tendo_share_revoke(c->s, b.id + 50, T0), TENDO_ENOTFOUND);
	assert_non_null(strstr(tendo_error_last(), "no share"));

	tendo_share *list = NULL;
	size_t n = 0;
	assert_int_equal(tendo_share_list(c->s, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, a.id);
	assert_int_equal(list[0].revoked, T0 + 60);
	assert_string_equal(list[0].label, "physio");
	assert_string_equal(list[0].token, "");
	assert_int_equal(list[1].scope, TENDO_SHARE_CALENDAR);
	assert_int_equal(list[1].revoked, 0);
	assert_int_equal(list[1].created, T0 + 1);
	free(list);
}

static void test_refusals_write_nothing(void **state)
{
	ctx *c = *state;
	tendo_share a;
	char longl[TENDO_SHARE_LABEL_MAX + 2];
	memset(longl, 'x', sizeof(longl) - 1);
	longl[sizeof(longl) - 1] = '\0';
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, longl, 0, T0, &a), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "label"));
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, "bad\x1b[31m", 0, T0, &a), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "label"));
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, "\xff\xfe", 0, T0, &a), TENDO_EINVAL);
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, NULL, T0, T0, &a), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "expires"));
	assert_int_equal(tendo_share_create(c->s, (tendo_share_scope)7, NULL, 0, T0, &a), TENDO_EINVAL);
	assert_string_equal(a.token, "");
	assert_int_equal(count_rows(c->s), 0);
	/* a label of exactly the limit, in UTF-8, is fine */
	char ok[TENDO_SHARE_LABEL_MAX + 1];
	memset(ok, 'y', TENDO_SHARE_LABEL_MAX - 2);
	memcpy(ok + TENDO_SHARE_LABEL_MAX - 2, "\xc3\xa9", 3);
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, ok, 0, T0, &a), 0);
	assert_int_equal(count_rows(c->s), 1);
}

static void test_readonly_store(void **state)
{
	ctx *c = *state;
	tendo_share a;
	assert_int_equal(tendo_share_create(c->s, TENDO_SHARE_READ, NULL, 0, T0, &a), 0);
	tendo_store *ro = NULL;
	assert_int_equal(tendo_store_open(&ro, c->db, TENDO_STORE_READONLY), 0);
	tendo_share b;
	assert_int_equal(tendo_share_create(ro, TENDO_SHARE_READ, NULL, 0, T0, &b), TENDO_ESTORE);
	assert_int_equal(tendo_share_revoke(ro, a.id, T0), TENDO_ESTORE);
	tendo_share_state st;
	assert_int_equal(tendo_share_check(ro, a.token, T0, &st, NULL), 0); /* reading works */
	assert_int_equal(st, TENDO_SHARE_VALID);
	tendo_store_close(ro);
}

static void test_names(void **state)
{
	(void)state;
	tendo_share_scope sc;
	assert_int_equal(tendo_share_scope_parse(&sc, "calendar"), 0);
	assert_int_equal(sc, TENDO_SHARE_CALENDAR);
	assert_string_equal(tendo_share_scope_name(sc), "calendar");
	assert_int_equal(tendo_share_scope_parse(&sc, "write"), TENDO_EINVAL);
	assert_string_equal(tendo_share_state_name(TENDO_SHARE_REVOKED), "revoked");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_and_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revoke_and_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals_write_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_store, setup, teardown),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
