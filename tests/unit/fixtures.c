/*
 * fixtures.c - growable in-memory logs for tests (see fixtures.h).
 */
#include "fixtures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROW(f, arr, n, cap)                                                   \
	do {                                                                   \
		if ((f)->log.n == (f)->cap) {                                  \
			size_t nc = (f)->cap ? (f)->cap * 2 : 16;              \
			void *p = realloc((f)->log.arr, nc * sizeof(*(f)->log.arr)); \
			if (!p) {                                              \
				fprintf(stderr, "fixtures: out of memory\n");  \
				abort();                                       \
			}                                                      \
			(f)->log.arr = p;                                      \
			(f)->cap = nc;                                         \
		}                                                              \
	} while (0)

void fx_log_init(fx_log *f)
{
	memset(f, 0, sizeof(*f));
	f->next_id = 1;
}

void fx_log_free(fx_log *f)
{
	tendo_log_dispose(&f->log);
	fx_log_init(f);
}

void fx_log_clear(fx_log *f)
{
	f->log.n_pain = f->log.n_runs = f->log.n_rehab = f->log.n_cross = 0;
	f->log.n_tests = f->log.n_flags = f->log.n_sitting = f->log.n_visa = 0;
	f->next_id = 1;
}

tendo_date fx_day(int n)
{
	return tendo_date_from_ymd(2026, 1, 5) + n;
}

void fx_pain(fx_log *f, int day, tendo_pain_kind kind, int score)
{
	GROW(f, pain, n_pain, cap_pain);
	f->log.pain[f->log.n_pain++] = (tendo_pain){ .id = f->next_id++, .date = fx_day(day), .kind = kind, .score = score };
}

tendo_run *fx_run(fx_log *f, int day, double minutes, int pain_during)
{
	GROW(f, runs, n_runs, cap_runs);
	tendo_run *r = &f->log.runs[f->log.n_runs++];
	*r = (tendo_run){ .id = f->next_id++, .date = fx_day(day), .minutes = minutes, .km = -1,
		.terrain = TENDO_TERRAIN_FLAT, .intent = TENDO_INTENT_EASY, .rpe = -1,
		.pain_during = pain_during, .pain_after = -1, .start_ms = INT64_MIN, .moving_s = NAN,
		.ascent_m = NAN, .uphill_s = NAN, .fast_s = NAN, .cadence_spm = NAN, .avg_hr = NAN, .walk_spells = -1, .elapsed_s = NAN, .source = "log", .time_min = TENDO_TOD_NONE };
	return r;
}

tendo_rehab *fx_rehab(fx_log *f, int day, const char *exercise, int sets, int reps, int hold_s,
                      double kg, int pain_during)
{
	GROW(f, rehab, n_rehab, cap_rehab);
	tendo_rehab *r = &f->log.rehab[f->log.n_rehab++];
	*r = (tendo_rehab){ .id = f->next_id++, .date = fx_day(day), .sets = sets, .reps = reps,
		.hold_s = hold_s, .kg = kg, .side = TENDO_SIDE_RIGHT, .rpe = -1, .pain_during = pain_during,
		.time_min = TENDO_TOD_NONE };
	snprintf(r->exercise, sizeof(r->exercise), "%s", exercise);
	return r;
}

void fx_cross(fx_log *f, int day, tendo_cross_kind kind, double minutes, int pain_during)
{
	GROW(f, cross, n_cross, cap_cross);
	f->log.cross[f->log.n_cross++] = (tendo_cross){ .id = f->next_id++, .date = fx_day(day), .kind = kind, .minutes = minutes,
		.pain_during = pain_during, .time_min = TENDO_TOD_NONE };
}

tendo_test *fx_test(fx_log *f, int day, int lunge, int bl, int br, double cl, double cr, int rest)
{
	GROW(f, tests, n_tests, cap_tests);
	tendo_test *t = &f->log.tests[f->log.n_tests++];
	*t = (tendo_test){ .id = f->next_id++, .date = fx_day(day), .drop_lunge_pain = lunge, .bridge_left = bl,
		.bridge_right = br, .curl_left = cl, .curl_right = cr, .rest_pain = rest, .time_min = TENDO_TOD_NONE };
	return t;
}

void fx_flag(fx_log *f, int day, tendo_flag_kind kind)
{
	GROW(f, flags, n_flags, cap_flags);
	f->log.flags[f->log.n_flags++] = (tendo_flag){ f->next_id++, fx_day(day), kind };
}

void fx_sitting(fx_log *f, int day, double hours)
{
	GROW(f, sitting, n_sitting, cap_sitting);
	f->log.sitting[f->log.n_sitting++] = (tendo_sitting){ .id = f->next_id++, .date = fx_day(day), .hours = hours, .kind = TENDO_AGG_SITTING };
}

void fx_visa(fx_log *f, int day, int item8)
{
	GROW(f, visa, n_visa, cap_visa);
	tendo_visa v = { f->next_id++, fx_day(day), { 10, 10, 10, 10, 10, 10, 10, item8 }, 70 + item8 };
	f->log.visa[f->log.n_visa++] = v;
}

void fx_ready(fx_log *f, int last)
{
	for (int d = 0; d <= last; d++) {
		fx_pain(f, d, TENDO_PAIN_TASK, 1);
		fx_pain(f, d, TENDO_PAIN_REST, 0);
		if (d < 7)
			fx_rehab(f, d, "iso-bridge", 5, -1, 30, -1, 0);
		else if (d < 22 && d % 2)
			fx_rehab(f, d, "prone-curl", 3, 8, -1, 20, 1)->rpe = 7;
	}
	fx_test(f, 21, 0, 20, 19, 30, 28, 0);
}

void fx_profile(tendo_profile *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "test");
	p->side = TENDO_SIDE_RIGHT;
	snprintf(p->tz, sizeof(p->tz), "UTC");
	p->start = fx_day(0);
	tendo_settings_default(&p->settings);
}

void fx_tests_path(char *buf, size_t n, const char *rel)
{
	const char *env = getenv("TENDO_TESTS");
	if (env && *env) {
		snprintf(buf, n, "%s/%s", env, rel);
		return;
	}
	const char *f = __FILE__; /* CMake compiles it by absolute path */
	const char *cut = strstr(f, "/unit/fixtures.c");
	snprintf(buf, n, "%.*s/%s", cut ? (int)(cut - f) : 1, cut ? f : ".", rel);
}

uint8_t *fx_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
	if (!b || n < 0 || fread(b, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "fixtures: cannot read %s\n", path);
		abort();
	}
	fclose(fp);
	*len = (size_t)n;
	return b;
}

int64_t fx_iso_ms(const char *s)
{
	int y, mo, d, h, mi, sec, n = 0;
	if (sscanf(s, "%d-%d-%dT%d:%d:%d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6) {
		fprintf(stderr, "fixtures: '%s' is not an ISO time\n", s);
		abort();
	}
	int64_t ms = ((int64_t)tendo_date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * 1000;
	if (s[n] == '.')
		ms += (int64_t)lround(atof(s + n) * 1000);
	return ms;
}
