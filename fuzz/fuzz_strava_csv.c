/*
 * fuzz_strava_csv.c - libFuzzer target for the activities.csv reader of a
 * Strava export (src/lib/import/strava.c, RFC 4180): the input parsed, then
 * every entry looked up by its own file name (and with .gz) and its name
 * read as a type. Built with
 * -fsanitize=fuzzer by `make fuzz`; replayed over fuzz/corpus/strava_csv.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strava_names s;
	strava_names_init(&s);
	(void)strava_parse(&s, data, size);
	for (size_t i = 0; i < s.n; i++) {
		const strava_entry *e = &s.v[i];
		if (!e->file || !e->file[0] || memchr(e->sport, '\0', sizeof(e->sport)) == NULL)
			abort(); /* every entry has a file and a terminated sport (a name may be NULL) */
		char path[512];
		snprintf(path, sizeof(path), "export.zip:%s.gz", e->file);
		(void)strava_lookup(&s, path);
		snprintf(path, sizeof(path), "export.zip:%s", e->file);
		(void)strava_lookup(&s, path);
		if (e->name)
			(void)strava_sport(e->name);
		(void)strava_sport(e->sport);
	}
	strava_names_dispose(&s);
	return 0;
}
