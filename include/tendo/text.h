/*
 * tendo/text.h - stored text made safe for where it is shown.
 *
 * Notes, exercise names, file names inside archives and device names come
 * from users and from files; any of them may hold control characters (an
 * escape sequence that retitles the terminal, a carriage return that
 * overwrites a line) or bytes that are not UTF-8. One function makes such
 * text safe for a terminal; one tells whether text is valid UTF-8 (JSON
 * may carry only that). HTML escaping lives with the HTML (report.c).
 */
#ifndef TENDO_TEXT_H
#define TENDO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Copy s into out (outsz bytes, outsz >= 8) so that it can go to a
 * terminal as it is: C0 controls (newline and tab included), DEL, C1
 * controls (U+0080-U+009F), the bidirectional overrides (U+202A-U+202E,
 * U+2066-U+2069) and every byte that is not part of valid UTF-8 are shown
 * escaped ("\n", "\t", "\x1b", "\u009b"); a backslash stays as it is.
 * Valid printable UTF-8 passes unchanged. Text that does not fit ends in
 * "..." at a character boundary. Returns out; s may be NULL ("").
 */
char *tendo_text_terminal(const char *s, char *out, size_t outsz);

/* True if the len bytes of s are valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF). */
bool tendo_text_utf8_valid(const char *s, size_t len);

/* A copy of s (len bytes) as valid UTF-8: each byte that is not part of a
 * valid sequence becomes U+FFFD. Released with free(); NULL if out of
 * memory. For showing text; an exact copy travels another way (the JSON
 * export's "column.bytes"). */
char *tendo_text_utf8_repair(const char *s, size_t len);

#endif
