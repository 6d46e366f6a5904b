/*
 * test_text.c - stored text made safe (tendo/text.h): what reaches a
 * terminal has no control sequence left in it, valid UTF-8 passes as it
 * is, truncation never splits a character, and the UTF-8 check and repair
 * agree with each other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/text.h>

static const char *safe(const char *s)
{
	static char buf[256];
	return tendo_text_terminal(s, buf, sizeof(buf));
}

static void printable_text_passes(void **state)
{
	(void)state;
	assert_string_equal(safe("Morning run, caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x8f\x83"),
	                    "Morning run, caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x8f\x83");
	assert_string_equal(safe("back\\slash stays"), "back\\slash stays");
	assert_string_equal(safe(""), "");
	assert_string_equal(safe(NULL), "");
}

static void controls_are_shown_escaped(void **state)
{
	(void)state;
	/* a window title, a screen clear, a carriage return over a line */
	assert_string_equal(safe("x\033]0;pwned\007\033[2J\rfake"), "x\\x1b]0;pwned\\x07\\x1b[2J\\rfake");
	assert_string_equal(safe("a\nb\tc\x7f"), "a\\nb\\tc\\x7f");
	/* C1 controls as UTF-8 (U+009B is a one-byte CSI on some terminals) */
	assert_string_equal(safe("\xc2\x9b" "31m"), "\\u009b31m");
	/* bidirectional overrides (U+202E) */
	assert_string_equal(safe("gpx.\xe2\x80\xae" "exe"), "gpx.\\u202eexe");
	/* bytes that are not UTF-8: Latin-1, a lone continuation, an overlong
	 * slash, a surrogate, a truncated sequence */
	assert_string_equal(safe("caf\xe9"), "caf\\xe9");
	assert_string_equal(safe("\x80"), "\\x80");
	assert_string_equal(safe("\xc0\xaf"), "\\xc0\\xaf");
	assert_string_equal(safe("\xed\xa0\x80"), "\\xed\\xa0\\x80");
	assert_string_equal(safe("\xe2\x9c"), "\\xe2\\x9c");
	/* 8-bit CSI, raw */
	assert_string_equal(safe("\x9b" "2J"), "\\x9b2J");
}

static void no_control_byte_survives(void **state)
{
	(void)state;
	/* every byte value, alone and after a lead byte */
	for (int a = 1; a < 256; a++)
		for (int b = 0; b < 256; b += (a < 0xc0 ? 255 : 1)) {
			char in[3] = { (char)a, (char)b, 0 }, out[64];
			tendo_text_terminal(in, out, sizeof(out));
			for (const unsigned char *p = (const unsigned char *)out; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7f);
			/* and the result is valid UTF-8 with no C1 control */
			assert_true(tendo_text_utf8_valid(out, strlen(out)));
			assert_null(strstr(out, "\xc2\x80"));
			assert_null(strstr(out, "\xc2\x9b"));
		}
}

static void truncation_keeps_characters_whole(void **state)
{
	(void)state;
	char out[8];
	/* "é" is 2 bytes: 6 of them fit with room for "..." */
	assert_string_equal(tendo_text_terminal("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", out, sizeof(out)), "\xc3\xa9\xc3\xa9...");
	assert_string_equal(tendo_text_terminal("1234567", out, sizeof(out)), "1234567"); /* fits exactly */
	assert_string_equal(tendo_text_terminal("12345678", out, sizeof(out)), "1234...");
	assert_string_equal(tendo_text_terminal("\033\033\033", out, sizeof(out)), "\\x1b...");
}

static void utf8_check_and_repair(void **state)
{
	(void)state;
	assert_true(tendo_text_utf8_valid("", 0));
	assert_true(tendo_text_utf8_valid("caf\xc3\xa9", 5));
	assert_true(tendo_text_utf8_valid("\xf4\x8f\xbf\xbf", 4)); /* U+10FFFF */
	assert_false(tendo_text_utf8_valid("\xf4\x90\x80\x80", 4)); /* past U+10FFFF */
	assert_false(tendo_text_utf8_valid("caf\xe9", 4));
	assert_false(tendo_text_utf8_valid("\xe0\x80\xaf", 3)); /* overlong */
	char *r = tendo_text_utf8_repair("caf\xe9 ok \xc3\xa9", 10);
	assert_non_null(r);
	assert_string_equal(r, "caf\xef\xbf\xbd ok \xc3\xa9");
	assert_true(tendo_text_utf8_valid(r, strlen(r)));
	free(r);
	/* repair of valid text is the text */
	r = tendo_text_utf8_repair("\xe2\x9c\x93", 3);
	assert_string_equal(r, "\xe2\x9c\x93");
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printable_text_passes),
		cmocka_unit_test(controls_are_shown_escaped),
		cmocka_unit_test(no_control_byte_survives),
		cmocka_unit_test(truncation_keeps_characters_whole),
		cmocka_unit_test(utf8_check_and_repair),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
