/*
 * backup.c - the JSON export and its restore (shapes.h): one truth for
 * `tendo export --json` / `tendo restore`, the fuzz target of the restore,
 * and any later way in (the server).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/text.h>

#include "shapes.h"

/* JSON: tables -> arrays of row objects. JSON holds only UTF-8: text that
 * is not (a Latin-1 note, a file name from an old folder) goes as its
 * readable repair ("caf\uFFFD") plus "column.bytes", the exact bytes in
 * hex, which restore puts back: export + restore is byte for byte. */
static json_t *text_value(json_t *row, const char *col, const char *s)
{
	size_t len = strlen(s);
	if (tendo_text_utf8_valid(s, len))
		return json_string(s);
	char *fixed = tendo_text_utf8_repair(s, len), *hex = malloc(len * 2 + 1), key[128];
	json_t *x = NULL;
	if (fixed && hex) {
		for (size_t k = 0; k < len; k++)
			snprintf(hex + 2 * k, 3, "%02x", (unsigned char)s[k]);
		snprintf(key, sizeof(key), "%s.bytes", col);
		x = json_string(fixed);
		json_object_set_new(row, key, json_string(hex));
	}
	free(fixed);
	free(hex);
	return x;
}

static int json_row(const char *table, int n, const char *const *cols, const tendo_value *v, void *user)
{
	json_t *tables = user;
	json_t *arr = json_object_get(tables, table);
	if (!arr) {
		arr = json_array();
		json_object_set_new(tables, table, arr);
	}
	json_t *o = json_object();
	for (int c = 0; c < n; c++) {
		json_t *x = v[c].kind == TENDO_VAL_INT    ? json_integer(v[c].i)
		          : v[c].kind == TENDO_VAL_REAL   ? json_real(v[c].r)
		          : v[c].kind == TENDO_VAL_TEXT   ? text_value(o, cols[c], v[c].s)
		                                          : json_null();
		if (!x) {
			json_decref(o);
			return tendo_error_set(TENDO_ENOMEM, "out of memory exporting %s", table);
		}
		/* the repaired text first, then its exact bytes */
		json_t *bytes = NULL;
		char key[128];
		snprintf(key, sizeof(key), "%s.bytes", cols[c]);
		if (v[c].kind == TENDO_VAL_TEXT && (bytes = json_object_get(o, key))) {
			json_incref(bytes);
			json_object_del(o, key);
		}
		json_object_set_new(o, cols[c], x);
		if (bytes)
			json_object_set_new(o, key, bytes);
	}
	json_array_append_new(arr, o);
	return 0;
}


json_t *shape_export(tendo_store *s)
{
	json_t *doc = json_object(), *tables = json_object();
	if (!doc || !tables) {
		json_decref(doc);
		json_decref(tables);
		return NULL;
	}
	json_object_set_new(doc, "format", json_string("tendo-export"));
	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "schema", json_integer(TENDO_STORE_SCHEMA_VERSION));
	json_object_set_new(doc, "tables", tables);
	if (tendo_store_dump(s, json_row, tables)) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

int shape_export_check(const json_t *doc, char *msg, size_t msgsz)
{
	json_t *tables = json_object_get(doc, "tables");
	json_t *schema = json_object_get(doc, "schema");
	json_t *format = json_object_get(doc, "format");
	if (!json_is_string(format) || strcmp(json_string_value(format), "tendo-export") != 0 || !json_is_object(tables) ||
	    !json_is_integer(schema)) {
		snprintf(msg, msgsz, "not a tendo export (no format \"tendo-export\" with tables and schema)");
		return TENDO_EFORMAT;
	}
	long long version = (long long)json_integer_value(schema);
	if (version < 1) {
		snprintf(msg, msgsz, "schema %lld is not a tendo schema", version);
		return TENDO_EFORMAT;
	}
	if (version > TENDO_STORE_SCHEMA_VERSION) {
		snprintf(msg, msgsz, "made by a newer tendo (schema %lld; this one reads up to %d)", version,
		         TENDO_STORE_SCHEMA_VERSION);
		return TENDO_EUNSUPPORTED;
	}
	return 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* "column.bytes": the exact bytes of a text column that is not UTF-8 (see
 * text_value()); it replaces the column's readable repair, which comes
 * before it in the row. */
static int exact_text(const char *key, json_t *v, size_t collen, const char **cols, tendo_value *vals,
                      char **exact, int n, char *msg, size_t msgsz)
{
	const char *hex = json_string_value(v);
	size_t len = hex ? strlen(hex) : 0;
	int c = 0;
	while (c < n && (strlen(cols[c]) != collen || strncmp(cols[c], key, collen) != 0))
		c++;
	if (c == n || vals[c].kind != TENDO_VAL_TEXT || !hex || len % 2) {
		snprintf(msg, msgsz, "%s must follow its text column and hold hex digits", key);
		return TENDO_EINVAL;
	}
	char *b = malloc(len / 2 + 1);
	if (!b) {
		snprintf(msg, msgsz, "out of memory");
		return TENDO_ENOMEM;
	}
	for (size_t k = 0; k < len / 2; k++) {
		int hi = hexval(hex[2 * k]), lo = hexval(hex[2 * k + 1]);
		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
			free(b);
			snprintf(msg, msgsz, "%s must hold hex digits of bytes other than 00", key);
			return TENDO_EINVAL;
		}
		b[k] = (char)(hi * 16 + lo);
	}
	b[len / 2] = '\0';
	free(exact[c]);
	exact[c] = b;
	vals[c].s = b;
	return 0;
}

int shape_restore(tendo_store *s, const json_t *doc, size_t *rows, char *msg, size_t msgsz)
{
	int rc = shape_export_check(doc, msg, msgsz);
	if (rc)
		return rc;
	json_t *tables = json_object_get(doc, "tables");
	size_t nt;
	*rows = 0;
	const char *const *names = tendo_store_tables(&nt);
	char what[512] = ""; /* about one row; msg: the whole message */
	msg[0] = '\0';
	rc = tendo_store_begin(s);
	for (size_t t = 0; t < nt && !rc; t++) {
		json_t *arr = json_object_get(tables, names[t]);
		if (!arr)
			continue;
		if (!json_is_array(arr)) {
			snprintf(msg, msgsz, "table %s is not a list of rows", names[t]);
			rc = TENDO_EINVAL;
			break;
		}
		size_t i;
		json_t *row;
		json_array_foreach(arr, i, row)
		{
			const char *cols[64];
			tendo_value vals[64];
			char *exact[64] = { 0 }; /* "column.bytes": the text's exact bytes */
			int n = 0;
			const char *k;
			json_t *v;
			if (!json_is_object(row) || json_object_size(row) > 64) {
				snprintf(msg, msgsz, "table %s row %zu is not a row", names[t], i + 1);
				rc = TENDO_EINVAL;
				break;
			}
			json_object_foreach(row, k, v)
			{
				size_t kl = strlen(k);
				if (kl > 6 && strcmp(k + kl - 6, ".bytes") == 0) {
					if ((rc = exact_text(k, v, kl - 6, cols, vals, exact, n, what, sizeof(what))))
						break;
					continue;
				}
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
					snprintf(what, sizeof(what), "%s is not a value", k);
					rc = TENDO_EINVAL;
					break;
				}
				n++;
			}
			if (!rc && (rc = tendo_store_restore_row(s, names[t], n, cols, vals)))
				snprintf(what, sizeof(what), "%s", tendo_error_last());
			for (int c = 0; c < n; c++)
				free(exact[c]);
			if (rc) {
				snprintf(msg, msgsz, "table %s row %zu: %s", names[t], i + 1, what);
				break;
			}
			(*rows)++;
		}
	}
	if (!rc && (rc = tendo_store_check_all(s)))
		snprintf(msg, msgsz, "%s", tendo_error_last());
	if (!rc)
		rc = tendo_store_commit(s);
	if (rc) {
		if (!msg[0])
			snprintf(msg, msgsz, "%s", tendo_error_last());
		tendo_store_rollback(s);
	}
	return rc;
}
