/*
 * fuzz_restore.c - libFuzzer target for the JSON restore: the input is read
 * as a tendo export (jansson) and restored into a new in-memory store by
 * the code `tendo restore` runs (shape_restore(), src/shapes/backup.c: the
 * format and schema checked, each table's rows through
 * tendo_store_restore_row() in one transaction, tendo_store_check_all(),
 * then commit or roll back). What a
 * commit kept is then loaded as the engine would load it (the profile, the
 * whole log) and dumped again. Built with -fsanitize=fuzzer by `make fuzz`;
 * replayed over fuzz/corpus/restore by ctest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <tendo/tendo.h>

#include "shapes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_row(const char *table, int n, const char *const *cols, const tendo_value *vals, void *user)
{
	(void)table;
	(void)cols;
	(void)vals;
	*(size_t *)user += (size_t)n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *doc = json_loadb((const char *)data, size, 0, &jerr);
	if (!doc)
		return 0;
	tendo_store *s = NULL;
	if (tendo_store_open(&s, ":memory:", TENDO_STORE_CREATE) == 0) {
		size_t rows;
		char msg[1024];
		if (shape_restore(s, doc, &rows, msg, sizeof(msg)) == 0) {
			/* what was restored reads back as the commands read it */
			tendo_profile p;
			if (tendo_store_get_profile(s, &p) == 0) {
				tendo_log log;
				if (tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE) == 0)
					tendo_log_dispose(&log);
			}
			size_t cells = 0;
			(void)tendo_store_dump(s, count_row, &cells);
		}
		tendo_store_close(s);
	}
	json_decref(doc);
	return 0;
}
