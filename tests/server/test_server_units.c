/*
 * test_server_units.c - the server's parts that stand alone (cmocka): the
 * form parser (cases, and random bytes that must never crash it), the
 * constant-time comparison, random tokens, the token file and sessions.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "server_int.h"

static void form_cases(void **state)
{
	(void)state;
	srv_form f;
	const char *s = "a=1&b=x+y%21&c=&d";
	assert_int_equal(form_parse(&f, s, strlen(s)), 0);
	assert_int_equal(f.n, 4);
	assert_string_equal(form_get(&f, "a"), "1");
	assert_string_equal(form_get(&f, "b"), "x y!");
	assert_string_equal(form_get(&f, "c"), "");
	assert_string_equal(form_get(&f, "d"), "");
	assert_null(form_get(&f, "e"));
	form_dispose(&f);

	s = "n%61me=%3Cscript%3E&&&name=second";
	assert_int_equal(form_parse(&f, s, strlen(s)), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(form_get(&f, "name"), "<script>"); /* the first wins */
	form_dispose(&f);

	assert_int_equal(form_parse(&f, "", 0), 0);
	assert_int_equal(f.n, 0);
	form_dispose(&f);
	assert_int_equal(form_parse(&f, "=v", 2), 0);
	assert_string_equal(form_get(&f, ""), "v");
	form_dispose(&f);

	/* a value may hold '=' and bytes that are not UTF-8 */
	s = "k=a=b%FF";
	assert_int_equal(form_parse(&f, s, strlen(s)), 0);
	assert_string_equal(form_get(&f, "k"), "a=b\xff");
	form_dispose(&f);

	const char *bad[] = { "%", "a=%", "a=%2", "a=%zz", "a=%0g", "a=%00", "%00=1", "a=1&b=%" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(form_parse(&f, bad[k], strlen(bad[k])), -1);
		form_dispose(&f);
	}
	/* a raw NUL byte in the body */
	assert_int_equal(form_parse(&f, "a=1\0b", 5), -1);
	form_dispose(&f);

	/* SRV_FIELDS_MAX fields, then one more */
	char many[400] = "";
	for (int k = 0; k < SRV_FIELDS_MAX; k++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many), "%sf%d=%d", k ? "&" : "", k, k);
	assert_int_equal(form_parse(&f, many, strlen(many)), 0);
	assert_int_equal(f.n, SRV_FIELDS_MAX);
	assert_string_equal(form_get(&f, "f31"), "31");
	form_dispose(&f);
	strcat(many, "&x=1");
	assert_int_equal(form_parse(&f, many, strlen(many)), -1);
	form_dispose(&f);
}

/* Random bodies: parsed or refused, never a crash (ASan watches). */
static void form_random(void **state)
{
	(void)state;
	srand(20261203);
	static const char alphabet[] = "ab=&%+0123456789fFzZ\xff\x00";
	char buf[64];
	for (int i = 0; i < 200000; i++) {
		size_t n = (size_t)(rand() % (int)sizeof(buf));
		for (size_t k = 0; k < n; k++)
			buf[k] = alphabet[rand() % (int)(sizeof(alphabet) - 1)];
		srv_form f;
		int rc = form_parse(&f, buf, n);
		assert_true(rc == 0 || rc == -1);
		if (rc == 0) {
			assert_true(f.n <= SRV_FIELDS_MAX);
			for (size_t k = 0; k < f.n; k++)
				assert_non_null(form_get(&f, f.f[k].name));
		}
		form_dispose(&f);
	}
}

static void equal_cases(void **state)
{
	(void)state;
	const char *secret = "0123456789abcdef";
	assert_true(auth_equal("0123456789abcdef", secret));
	assert_false(auth_equal("0123456789abcde", secret));
	assert_false(auth_equal("0123456789abcdef0", secret));
	assert_false(auth_equal("0123456789abcdeF", secret));
	assert_false(auth_equal("", secret));
	assert_false(auth_equal(NULL, secret));
	assert_false(auth_equal("x", NULL));
	assert_false(auth_equal("", "")); /* no empty secret ever matches */
}

static void random_hex(void **state)
{
	(void)state;
	char a[65], b[65];
	assert_int_equal(auth_random_hex(a, 32), 0);
	assert_int_equal(auth_random_hex(b, 32), 0);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_string_not_equal(a, b);
	assert_int_equal(auth_random_hex(a, 65), -1);
}

static void token_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/tendo-token.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char sub[200], path[4096], err[300];
	snprintf(sub, sizeof(sub), "%s/a/b/tendo", dir);
	char t1[SRV_TOKEN_HEX + 1], t2[SRV_TOKEN_HEX + 1];
	assert_int_equal(auth_token_load(t1, sub, path, sizeof(path), err, sizeof(err)), 0);
	assert_int_equal(strlen(t1), 64);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(sub, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* kept across restarts */
	assert_int_equal(auth_token_load(t2, sub, path, sizeof(path), err, sizeof(err)), 0);
	assert_string_equal(t1, t2);
	/* a loosened mode is tightened again */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(auth_token_load(t2, sub, path, sizeof(path), err, sizeof(err)), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* not a token: refused with the reason */
	FILE *f = fopen(path, "w");
	fputs("hello\n", f);
	fclose(f);
	assert_int_equal(auth_token_load(t2, sub, path, sizeof(path), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a tendo token"));
	/* a symbolic link in its place is not followed */
	unlink(path);
	char target[300];
	snprintf(target, sizeof(target), "%s/elsewhere", dir);
	f = fopen(target, "w");
	fputs("0000000000000000000000000000000000000000000000000000000000000000\n", f);
	fclose(f);
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(auth_token_load(t2, sub, path, sizeof(path), err, sizeof(err)), -1);
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void sessions(void **state)
{
	(void)state;
	static srv_sessions t;
	auth_sessions_init(&t);
	srv_session first, s, got;
	assert_int_equal(auth_session_new(&t, &first), 0);
	assert_true(auth_session_find(&t, first.id, &got));
	assert_string_equal(got.csrf, first.csrf);
	assert_string_not_equal(first.id, first.csrf);
	assert_false(auth_session_find(&t, first.csrf, &got));
	assert_false(auth_session_find(&t, "short", &got));
	assert_false(auth_session_find(&t, NULL, &got));
	assert_false(got.readonly);
	/* a shared link's session: read-only, with its share, kept as found */
	srv_session ro;
	assert_int_equal(auth_session_new_share(&t, 42, &ro), 0);
	assert_true(ro.readonly);
	assert_true(auth_session_find(&t, ro.id, &got));
	assert_true(got.readonly);
	assert_int_equal(got.share_id, 42);
	assert_true(auth_session_find(&t, first.id, &got));
	assert_false(got.readonly);
	assert_int_equal(got.share_id, 0);
	/* the table is full: the least recently used goes */
	for (int k = 0; k < SRV_SESSIONS_MAX; k++)
		assert_int_equal(auth_session_new(&t, &s), 0);
	assert_false(auth_session_find(&t, first.id, &got));
	assert_true(auth_session_find(&t, s.id, &got));
	auth_sessions_dispose(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_cases), cmocka_unit_test(form_random), cmocka_unit_test(equal_cases),
		cmocka_unit_test(random_hex), cmocka_unit_test(token_file),   cmocka_unit_test(sessions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
