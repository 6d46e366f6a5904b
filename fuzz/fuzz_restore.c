/*
 * fuzz_restore.c - libFuzzer target for the JSON restore: the input is read
 * as a tendo export (jansson) and restored into a new in-memory store the
 * way `tendo restore` does it (src/cli/cmd_export.c: the format and schema
 * checked, each table's rows through tendo_store_restore_row() in one
 * transaction, tendo_store_check_all(), then commit or roll back). What a
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_row(const char *table, int n, const char *const *cols, const tendo_value *vals, void *user)
{
	(void)table;
	(void)cols;
	(void)vals;
	*(size_t *)user += (size_t)n;
	return 0;
}

/* Restore the tables of doc into s; 0 or an error (rolled back). */
static int restore(tendo_store *s, json_t *tables)
{
	size_t nt;
	const char *const *names = tendo_store_tables(&nt);
	int rc = tendo_store_begin(s);
	for (size_t t = 0; t < nt && !rc; t++) {
		json_t *arr = json_object_get(tables, names[t]);
		if (!arr)
			continue;
		if (!json_is_array(arr)) {
			rc = TENDO_EINVAL;
			break;
		}
		size_t i;
		json_t *row;
		json_array_foreach(arr, i, row)
		{
			const char *cols[64];
			tendo_value vals[64];
			int n = 0;
			const char *k;
			json_t *v;
			if (!json_is_object(row) || json_object_size(row) > 64) {
				rc = TENDO_EINVAL;
				break;
			}
			json_object_foreach(row, k, v)
			{
				cols[n] = k;
				memset(&vals[n], 0, sizeof(vals[n]));
				if (json_is_integer(v)) {
					vals[n].kind = TENDO_VAL_INT;
					vals[n].i = json_integer_value(v);
				} else if (json_is_real(v)) {
					vals[n].kind = TENDO_VAL_REAL;
					vals[n].r = json_real_value(v);
				} else if (json_is_string(v)) {
					vals[n].kind = TENDO_VAL_TEXT;
					vals[n].s = json_string_value(v);
				} else if (!json_is_null(v)) {
					rc = TENDO_EINVAL;
					break;
				}
				n++;
			}
			if (rc || (rc = tendo_store_restore_row(s, names[t], n, cols, vals)))
				break;
		}
	}
	if (!rc)
		rc = tendo_store_check_all(s);
	if (!rc)
		rc = tendo_store_commit(s);
	if (rc)
		tendo_store_rollback(s);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *doc = json_loadb((const char *)data, size, 0, &jerr);
	if (!doc)
		return 0;
	json_t *tables = json_object_get(doc, "tables");
	json_t *schema = json_object_get(doc, "schema");
	json_t *format = json_object_get(doc, "format");
	if (!json_is_string(format) || strcmp(json_string_value(format), "tendo-export") != 0 ||
	    !json_is_object(tables) || !json_is_integer(schema) ||
	    json_integer_value(schema) > TENDO_STORE_SCHEMA_VERSION) {
		json_decref(doc);
		return 0;
	}
	tendo_store *s = NULL;
	if (tendo_store_open(&s, ":memory:", TENDO_STORE_CREATE) == 0) {
		if (restore(s, tables) == 0) {
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
