/*
 * log.c - names of the log's enums and release of a loaded log (tendo/log.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/log.h>

void tendo_log_dispose(tendo_log *log)
{
	if (!log)
		return;
	free(log->pain);
	free(log->runs);
	free(log->rehab);
	free(log->cross);
	free(log->tests);
	free(log->flags);
	free(log->sitting);
	free(log->visa);
	memset(log, 0, sizeof(*log));
}

const tendo_test *tendo_log_first_test(const tendo_log *log)
{
	const tendo_test *first = NULL;
	for (size_t k = 0; k < log->n_tests; k++)
		if (!first || log->tests[k].date < first->date)
			first = &log->tests[k];
	return first;
}

static int lookup(const char *const *names, size_t n, const char *s)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

#define ENUM_NAMES(fn, type, joined, ...)                                             \
	static const char *const fn##_tab[] = { __VA_ARGS__ };                        \
	enum { fn##_n = sizeof(fn##_tab) / sizeof(fn##_tab[0]) };                      \
	int tendo_##fn##_parse(type *out, const char *s)                              \
	{                                                                             \
		int i = lookup(fn##_tab, fn##_n, s);                                  \
		if (i < 0)                                                            \
			return TENDO_EINVAL;                                          \
		*out = (type)i;                                                       \
		return 0;                                                             \
	}                                                                             \
	const char *tendo_##fn##_name(type v)                                         \
	{                                                                             \
		return ((int)v >= 0 && (int)v < fn##_n) ? fn##_tab[v] : "?";          \
	}                                                                             \
	const char *tendo_##fn##_names(void) { return joined; }

ENUM_NAMES(side, tendo_side, "left|right|both", "left", "right", "both")
ENUM_NAMES(pain_kind, tendo_pain_kind, "during|after|morning|task|rest|sitting",
           "during", "after", "morning", "task", "rest", "sitting")
ENUM_NAMES(terrain, tendo_terrain, "flat|hilly|treadmill|trail", "flat", "hilly", "treadmill", "trail")
ENUM_NAMES(intent, tendo_intent, "easy|long|speed|hills", "easy", "long", "speed", "hills")
ENUM_NAMES(cross_kind, tendo_cross_kind, "stairs|swim|cycle|elliptical|row|walk|other",
           "stairs", "swim", "cycle", "elliptical", "row", "walk", "other")
ENUM_NAMES(flag_kind, tendo_flag_kind, "pop|bruising|numbness|tingling|night-pain|cleared|spreading",
           "pop", "bruising", "numbness", "tingling", "night-pain", "cleared", "spreading")
ENUM_NAMES(aggravator_kind, tendo_aggravator_kind, "sitting|driving|stretching|hip-flexion",
           "sitting", "driving", "stretching", "hip-flexion")

/* ------------------------------------------------------------ VISA-H */

int tendo_visa_check(const int items[TENDO_VISA_ITEMS])
{
	for (int i = 0; i < TENDO_VISA_ITEMS; i++) {
		int v = items[i];
		if (i < 6 && (v < 0 || v > 10))
			return tendo_error_set(TENDO_EINVAL, "VISA-H item %d must be 0-10 (got %d)", i + 1, v);
		if (i == 6 && v != 0 && v != 4 && v != 7 && v != 10)
			return tendo_error_set(TENDO_EINVAL, "VISA-H item 7 must be 0, 4, 7 or 10 (got %d)", v);
		if (i == 7 && (v < 0 || v > 30))
			return tendo_error_set(TENDO_EINVAL, "VISA-H item 8 must be 0-30 (got %d)", v);
	}
	return 0;
}

int tendo_visa_parse(tendo_visa *out, const char *s)
{
	const char *p = s;
	int n = 0;
	out->total = 0;
	while (n < TENDO_VISA_ITEMS) {
		char *end;
		errno = 0;
		long v = strtol(p, &end, 10);
		if (end == p || errno || v < -1000 || v > 1000 || (*end != ',' && *end != '\0'))
			return tendo_error_set(TENDO_EFORMAT, "VISA-H needs 8 whole-number scores separated by commas (got '%s')", s);
		out->items[n++] = (int)v;
		p = end;
		if (*p == '\0')
			break;
		p++;
	}
	if (n != TENDO_VISA_ITEMS || *p)
		return tendo_error_set(TENDO_EFORMAT, "VISA-H needs 8 scores separated by commas (got '%s')", s);
	int err = tendo_visa_check(out->items);
	if (err)
		return err;
	for (int i = 0; i < TENDO_VISA_ITEMS; i++)
		out->total += out->items[i];
	return 0;
}
