/*
 * test_fit.c - the FIT decoder (tendo/fit.h) against Garmin's SDK and hostile input.
 *
 * Expected numbers come from @garmin/fitsdk 21.217.0 (reference-fit.json of the
 * shared corpus; python-fitparse where the SDK fails on a sound file), never
 * from tendo's own output. The files are in tests/data/fit (see
 * tests/data/SOURCES.md). Also: the CRC against known vectors and the SDK's
 * algorithm, synthetic files for each protocol feature, every damaged file,
 * truncation, bit-flip and allocation-failure sweeps.
 */
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/activity.h>
#include <tendo/errors.h>
#include <tendo/fit.h>

#include "fixtures.h"
#include "util/alloc.h"

/* ---- files ------------------------------------------------------------------ */

static char data_dir[1024];

/* tests/data/fit, found from this file's path (or $TENDO_TEST_DATA/fit). */
static const char *fit_dir(void)
{
	if (data_dir[0])
		return data_dir;
	const char *env = getenv("TENDO_TEST_DATA");
	if (env) {
		snprintf(data_dir, sizeof(data_dir), "%s/fit", env);
		return data_dir;
	}
	snprintf(data_dir, sizeof(data_dir), "%s", __FILE__);
	char *slash = strrchr(data_dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(data_dir, sizeof(data_dir), ".");
	size_t l = strlen(data_dir);
	snprintf(data_dir + l, sizeof(data_dir) - l, "/../data/fit");
	return data_dir;
}

/* The bytes of tests/data/fit/rel in an exact-size buffer (ASan sees over-reads). */
static uint8_t *load(const char *rel, size_t *len)
{
	char path[2048];
	snprintf(path, sizeof(path), "%s/%s", fit_dir(), rel);
	uint8_t *buf = fx_read_file(path, len);
	if (!buf)
		fail_msg("cannot open %s", path);
	return buf;
}

static uint8_t *copy_exact(const uint8_t *src, size_t n)
{
	uint8_t *b = malloc(n ? n : 1);
	assert_non_null(b);
	if (n)
		memcpy(b, src, n);
	return b;
}

/* "standUpPaddleboarding" and "stand_up_paddleboarding" compare equal. */
static bool same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == '_')
			a++;
		while (*b == '_')
			b++;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		if (!*a)
			return true;
		a++;
		b++;
	}
}

static void assert_close(double ours, double ref, const char *what, const char *file)
{
	if (isnan(ref)) {
		if (!isnan(ours))
			fail_msg("%s: %s is %g, the SDK has none", file, what, ours);
		return;
	}
	if (isnan(ours) || fabs(ours - ref) > 0.0005 + 1e-9 * fabs(ref))
		fail_msg("%s: %s is %.6f, the SDK says %.6f", file, what, ours, ref);
}

/* ---- a FIT file builder for synthetic cases ----------------------------------- */

typedef struct {
	uint8_t b[1 << 16]; /* bytes */
	size_t n;           /* used */
	size_t start;       /* where the current file's header starts */
	unsigned hs;        /* its header size */
} fb;

static void put8(fb *f, unsigned v) { f->b[f->n++] = (uint8_t)v; }
static void put16(fb *f, unsigned v, bool be)
{
	if (be) { put8(f, v >> 8); put8(f, v); } else { put8(f, v); put8(f, v >> 8); }
}
static void put32(fb *f, uint32_t v, bool be)
{
	if (be) { put16(f, v >> 16, true); put16(f, v & 0xFFFF, true); }
	else { put16(f, v & 0xFFFF, false); put16(f, v >> 16, false); }
}
static void putn(fb *f, const void *p, size_t n) { if (n) memcpy(f->b + f->n, p, n); f->n += n; }

static void fb_begin(fb *f, unsigned hs)
{
	f->start = f->n;
	f->hs = hs;
	put8(f, hs);
	put8(f, 0x20);
	put16(f, 2132, false);
	put32(f, 0, false);
	putn(f, ".FIT", 4);
	if (hs == 14)
		put16(f, 0, false);
}

static void fb_end(fb *f)
{
	uint32_t ds = (uint32_t)(f->n - f->start - f->hs);
	uint8_t *h = f->b + f->start;
	h[4] = (uint8_t)ds; h[5] = (uint8_t)(ds >> 8); h[6] = (uint8_t)(ds >> 16); h[7] = (uint8_t)(ds >> 24);
	if (f->hs == 14) {
		uint16_t c = tendo_fit_crc16(0, h, 12);
		h[12] = (uint8_t)c; h[13] = (uint8_t)(c >> 8);
	}
	uint16_t c = tendo_fit_crc16(0, h, f->n - f->start);
	put16(f, c, false);
}

/* A definition: fields as {num, size, base type} triples. */
static void fb_def(fb *f, unsigned local, unsigned global, bool be, unsigned nf, const uint8_t *fields,
                   unsigned ndev, const uint8_t *dev)
{
	put8(f, 0x40 | (ndev ? 0x20 : 0) | local);
	put8(f, 0);
	put8(f, be);
	put16(f, global, be);
	put8(f, nf);
	putn(f, fields, 3 * (size_t)nf);
	if (ndev) {
		put8(f, ndev);
		putn(f, dev, 3 * (size_t)ndev);
	}
}

/* Collects what tendo_fit_decode() delivers. */
typedef struct {
	size_t messages;        /* all data messages */
	size_t records;         /* record messages */
	uint32_t ts[64];        /* timestamps of the first 64 messages */
	double v[64][8];        /* values of the first 8 fields of the first 64 messages */
	bool valid[64][8];      /* their validity */
	char str[64][40];       /* first string field of each message */
	size_t nf[64];          /* fields per message */
	char name[64][48];      /* name of field 0 (developer fields included) of each message */
	int dev_seen;           /* developer fields seen */
} sink;

static int collect(const tendo_fit_message *m, void *user)
{
	sink *s = user;
	size_t i = s->messages++;
	if (m->num == 20)
		s->records++;
	if (i >= 64)
		return 0;
	s->ts[i] = m->has_timestamp ? m->timestamp : 0;
	s->nf[i] = m->n_fields;
	for (size_t k = 0; k < m->n_fields; k++) {
		const tendo_fit_field *f = &m->fields[k];
		if (k < 8) {
			s->v[i][k] = f->value;
			s->valid[i][k] = f->valid;
		}
		if ((f->flags & TENDO_FIT_F_STRING) && !s->str[i][0])
			tendo_fit_field_string(f, s->str[i], sizeof(s->str[i]));
		if (f->flags & TENDO_FIT_F_DEVELOPER) {
			s->dev_seen++;
			snprintf(s->name[i], sizeof(s->name[i]), "%s", f->name ? f->name : "");
		}
	}
	return 0;
}

/* ---- CRC ---------------------------------------------------------------------- */

/* The FIT SDK's CRC, a nibble at a time (crc-calculator.js). */
static uint16_t sdk_crc(uint16_t crc, const uint8_t *p, size_t n)
{
	static const uint16_t t[16] = { 0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
		0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400 };
	for (size_t i = 0; i < n; i++) {
		uint16_t tmp = t[crc & 0xF];
		crc = (crc >> 4) & 0x0FFF;
		crc = crc ^ tmp ^ t[p[i] & 0xF];
		tmp = t[crc & 0xF];
		crc = (crc >> 4) & 0x0FFF;
		crc = crc ^ tmp ^ t[(p[i] >> 4) & 0xF];
	}
	return crc;
}

static void test_crc(void **state)
{
	(void)state;
	/* CRC-16/ARC check value */
	assert_int_equal(tendo_fit_crc16(0, (const uint8_t *)"123456789", 9), 0xBB3D);
	assert_int_equal(tendo_fit_crc16(0, NULL, 0), 0);
	assert_int_equal(tendo_fit_crc16(0, (const uint8_t *)"A", 1), 0x30C0);
	/* against the SDK's algorithm, any length, in pieces */
	uint8_t buf[700];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245 + 12345;
		buf[i] = (uint8_t)(x >> 16);
	}
	for (size_t n = 0; n <= sizeof(buf); n += 1 + n / 16) {
		uint16_t want = sdk_crc(0, buf, n);
		assert_int_equal(tendo_fit_crc16(0, buf, n), want);
		size_t half = n / 3;
		assert_int_equal(tendo_fit_crc16(tendo_fit_crc16(0, buf, half), buf + half, n - half), want);
	}
	/* a sound single FIT file: its CRC over everything including the stored CRC is 0,
	 * and a 14-byte header's CRC matches */
	size_t len;
	uint8_t *d = load("fitparse-garmin-fenix-5-run.fit", &len);
	assert_int_equal(tendo_fit_crc16(0, d, len), 0);
	assert_int_equal(tendo_fit_crc16(0, d, 12), d[12] | d[13] << 8);
	free(d);
}

/* The vectorised CRC paths (long inputs) against the SDK's algorithm: random
 * lengths, alignments and initial values, whole and in pieces. */
static void test_crc_long(void **state)
{
	(void)state;
	enum { N = 6000 };
	uint8_t *buf = malloc(N + 64);
	assert_non_null(buf);
	uint32_t x = 777;
	for (size_t i = 0; i < N + 64; i++) {
		x = x * 1103515245 + 12345;
		buf[i] = (uint8_t)(x >> 16);
	}
	for (int t = 0; t < 1500; t++) {
		x = x * 1103515245 + 12345;
		size_t off = (x >> 8) % 64;
		x = x * 1103515245 + 12345;
		size_t n = t < 600 ? (x >> 8) % 1100 : (x >> 8) % (N + 1);
		x = x * 1103515245 + 12345;
		uint16_t init = (uint16_t)(t % 3 == 0 ? 0 : t % 3 == 1 ? 0xFFFF : x >> 12);
		uint16_t want = sdk_crc(init, buf + off, n);
		assert_int_equal(tendo_fit_crc16(init, buf + off, n), want);
		size_t cut = n ? (x >> 4) % n : 0;
		assert_int_equal(tendo_fit_crc16(tendo_fit_crc16(init, buf + off, cut), buf + off + cut, n - cut), want);
	}
	/* every length around the thresholds and block sizes */
	for (size_t n = 100; n <= 1100; n++)
		assert_int_equal(tendo_fit_crc16(0x1234, buf + 3, n), sdk_crc(0x1234, buf + 3, n));
	free(buf);
}

/* ---- reference files ------------------------------------------------------------ */

typedef struct {
	const char *sport, *sub_sport; /* SDK names; NULL = none */
	int64_t start_ms;              /* UTC ms */
	double elapsed, timer, distance, ascent, descent, avg_hr; /* NAN = null */
	double avg_cadence, avg_frac;  /* raw FIT values (strides/min or rpm), NAN = null */
	int laps;                      /* num_laps */
} ref_session;

typedef struct {
	const char *file;          /* under tests/data/fit */
	const char *type;          /* file_id.type */
	const char *manufacturer;  /* file_id.manufacturer */
	const char *product;       /* file_id.product, NULL = none */
	size_t records;            /* record messages */
	size_t with_pos;           /* of which with a position */
	size_t laps;               /* lap messages */
	int64_t first_ms, last_ms; /* first/last record time, TENDO_TIME_NONE = null */
	unsigned files;            /* chained FIT files */
	unsigned compressed;       /* compressed-timestamp messages */
	unsigned be_defs;          /* big-endian definitions */
	unsigned dev_defs;         /* definitions with developer fields */
	size_t n_sessions;         /* session messages */
	ref_session s[2];          /* the first two */
} ref_file;

#define N NAN
#define NONE TENDO_TIME_NONE

static const ref_file refs[] = {
	{ "fitparse-garmin-fenix-5-run.fit", "activity", "garmin", "fenix5", 21, 21, 1,
	  1497191649000, 1497191706000, 1, 0, 0, 0, 1,
	  { { "running", "generic", 1497191649000, 56.887, 56.887, 157.56, 2, 0, 90, 83, 0.671875, 1 } } },
	{ "fitparse-garmin-fenix-5-walk.fit", "activity", "garmin", "fenix5", 17, 17, 1,
	  1497191571000, 1497191617000, 1, 0, 0, 0, 1,
	  { { "walking", "generic", 1497191571000, 45.379, 45.379, 67.85, 1, 0, 75, 61, 0.2265625, 1 } } },
	{ "fitparse-2013-02-06-12-11-14.fit", "activity", "garmin", "fr110", 590, 583, 5,
	  1360152674000, 1360155298000, 1, 0, 0, 0, 1,
	  { { "running", "generic", 1360152674000, 2625.14, 2625.14, 4835.38, 168, 160, 147, N, N, 5 } } },
	{ "fitparse-activity-settings.fit", "activity", "dynastream", "hrm1", 14, 14, 1,
	  1334006546000, 1334006559000, 2, 0, 13, 0, 1,
	  { { "running", "generic", 1334006546000, 13.749, 13.749, 5.73, 0, 0, N, N, N, 1 } } },
	/* the SDK does not support compressed timestamps: python-fitparse's values;
	 * start_time 17217864 is device-relative (before 1998) */
	{ "fitparse-compressed-speed-distance.fit", "activity", "garmin", "fr70", 755, 0, 11,
	  NONE, NONE, 1, 755, 0, 0, 1,
	  { { "running", NULL, (17217864LL + 631065600) * 1000, 3883.273, 3772.75, 10248.67, N, N, 170, 88, N, 11 } } },
	{ "fitparse-DeveloperData.fit", "activity", "dynastream", NULL, 3, 0, 0,
	  NONE, NONE, 1, 0, 4, 1, 0, { { 0 } } },
	{ "gofit-unterminated-strings.fit", "activity", "wahooFitness", NULL, 33, 0, 1,
	  1699438778000, 1699438810000, 1, 0, 0, 5, 1,
	  { { "cycling", "indoorCycling", 1699438778000, 32, 32, 69, N, N, 90, 61, N, 1 } } },
	{ "mkfit-activity_multisport.fit", "activity", "garmin", "fr945", 78, 0, 7,
	  1587412580000, 1587412657000, 1, 0, 0, 0, 2,
	  { { "cycling", "mountain", 1587412580000, 55.353, 55.353, 0, 0, 0, 69, N, N, 5 },
	    { "running", "trail", 1587412635000, 21.519, 21.519, 0, 0, 0, 74, N, N, 2 } } },
	{ "mkfit-activity_truncated.fit", "activity", "dynastream", "hrm1", 14, 0, 0,
	  1334006546000, 1334006559000, 1, 0, 0, 0, 0, { { 0 } } },
	{ "mkfit-valid_only_contain_fileid.fit", "activity", "bryton", NULL, 1, 0, 0,
	  1693832119000, 1693832119000, 1, 0, 0, 0, 0, { { 0 } } },
	{ "fitparse-Settings.fit", "settings", "garmin", "edge510", 0, 0, 0, NONE, NONE, 1, 0, 0, 0, 0, { { 0 } } },
	{ "fitparse-MonitoringFile.fit", "monitoringB", "garmin", "vivoFit", 0, 0, 0, NONE, NONE, 1, 0, 10, 0, 0,
	  { { 0 } } },
	{ "fitparse-WeightScaleMultiUser.fit", "weight", "dynastream", "hrmFitSingleByteProductId", 0, 0, 0,
	  NONE, NONE, 1, 0, 4, 0, 0, { { 0 } } },
	{ "fitparse-WorkoutRepeatSteps.fit", "workout", "dynastream", "hrmFitSingleByteProductId", 0, 0, 0,
	  NONE, NONE, 1, 0, 3, 0, 0, { { 0 } } },
};

static bool steps_sport(const char *s)
{
	return s && (same_name(s, "running") || same_name(s, "walking") || same_name(s, "hiking"));
}

static void check_activity(const ref_file *r)
{
	size_t len;
	uint8_t *d = load(r->file, &len);
	tendo_activity a;
	tendo_activity_init(&a);
	int rc = tendo_fit_read(&a, d, len, NULL);
	if (rc != 0)
		fail_msg("%s: %s (%s)", r->file, tendo_error_name(rc), tendo_error_last());
	assert_string_equal(a.format, "fit");
	if (a.n_points != r->records)
		fail_msg("%s: %zu records, the SDK has %zu", r->file, a.n_points, r->records);
	size_t pos = 0;
	for (size_t i = 0; i < a.n_points; i++)
		pos += !isnan(a.points[i].lat) && !isnan(a.points[i].lon);
	assert_int_equal(pos, r->with_pos);
	assert_int_equal(a.n_laps, r->laps);
	if (r->records && r->first_ms != NONE) {
		assert_int_equal(a.points[0].t_ms, r->first_ms);
		assert_int_equal(a.points[a.n_points - 1].t_ms, r->last_ms);
	}
	assert_int_equal(a.n_sessions, r->n_sessions);
	for (size_t k = 0; k < r->n_sessions && k < 2; k++) {
		const ref_session *e = &r->s[k];
		const tendo_session *s = &a.sessions[k];
		if (!same_name(s->sport, e->sport))
			fail_msg("%s: sport %s, the SDK says %s", r->file, s->sport, e->sport);
		if (e->sub_sport ? !same_name(s->sub_sport, e->sub_sport) : s->sub_sport[0] != '\0')
			fail_msg("%s: sub_sport %s, the SDK says %s", r->file, s->sub_sport, e->sub_sport ? e->sub_sport : "none");
		assert_int_equal(s->start_ms, e->start_ms);
		assert_close(s->elapsed_s, e->elapsed, "total_elapsed_time", r->file);
		assert_close(s->timer_s, e->timer, "total_timer_time", r->file);
		assert_close(s->distance_m, e->distance, "total_distance", r->file);
		assert_close(s->ascent_m, e->ascent, "total_ascent", r->file);
		assert_close(s->descent_m, e->descent, "total_descent", r->file);
		assert_close(s->avg_hr, e->avg_hr, "avg_heart_rate", r->file);
		double cad = isnan(e->avg_cadence) ? NAN
			: (e->avg_cadence + (isnan(e->avg_frac) ? 0 : e->avg_frac)) * (steps_sport(e->sport) ? 2 : 1);
		assert_close(s->avg_cadence, cad, "avg_cadence", r->file);
		assert_int_equal(s->laps, e->laps);
	}
	if (r->compressed)
		assert_non_null(strstr(a.warning, "relative to device power-on")); /* device-relative times */
	else
		assert_string_equal(a.warning, "");
	tendo_activity_dispose(&a);

	/* the structure, seen through the low-level decoder */
	tendo_fit_summary sum;
	sink sk;
	memset(&sk, 0, sizeof(sk));
	rc = tendo_fit_decode(&sum, d, len, NULL, collect, &sk);
	assert_int_equal(rc, 0);
	assert_int_equal(sum.damage, TENDO_FIT_OK);
	assert_int_equal(sum.bytes, len);
	assert_int_equal(sum.files, r->files);
	assert_int_equal(sum.compressed, r->compressed);
	assert_int_equal(sum.big_endian_definitions, r->be_defs);
	assert_int_equal(sum.dev_definitions, r->dev_defs);
	assert_int_equal(sk.records, r->records);

	/* what it is */
	tendo_fit_info info;
	assert_int_equal(tendo_fit_probe(&info, d, len), 0);
	if (!same_name(info.type, r->type) || !same_name(info.manufacturer, r->manufacturer))
		fail_msg("%s: probe says %s/%s, the SDK %s/%s", r->file, info.type, info.manufacturer, r->type, r->manufacturer);
	if (r->product && !same_name(info.product, r->product))
		fail_msg("%s: product %s, the SDK says %s", r->file, info.product, r->product);
	free(d);
}

static void test_reference_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
		check_activity(&refs[i]);
}

static void test_device_and_sport_names(void **state)
{
	(void)state;
	size_t len;
	uint8_t *d = load("fitparse-garmin-fenix-5-run.fit", &len);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, len, NULL), 0);
	assert_string_equal(a.device, "garmin fenix5");
	assert_string_equal(a.sessions[0].sport, "running");
	assert_string_equal(a.sessions[0].sub_sport, "generic");
	tendo_activity_dispose(&a);
	free(d);
	d = load("gofit-unterminated-strings.fit", &len);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, len, NULL), 0);
	assert_string_equal(a.sessions[0].sub_sport, "indoor_cycling");
	assert_string_equal(a.device, "wahoo_fitness 37");
	tendo_activity_dispose(&a);
	free(d);
}

/* ---- cadence ------------------------------------------------------------------- */

typedef struct {
	double cad[200];  /* cadence + fractional_cadence of each record */
	int64_t t[200];   /* its time */
	size_t n;         /* records */
} cadsink;

static int cad_collect(const tendo_fit_message *m, void *user)
{
	cadsink *c = user;
	if (m->num != 20 || c->n >= 200)
		return 0;
	const tendo_fit_field *f = tendo_fit_message_field(m, 4), *g = tendo_fit_message_field(m, 53);
	double v = f && f->valid ? f->value : NAN;
	if (!isnan(v) && g && g->valid)
		v += g->value;
	c->t[c->n] = m->has_timestamp ? tendo_fit_time_ms(m->timestamp) : NONE;
	c->cad[c->n++] = v;
	return 0;
}

static void check_cadence(const char *file)
{
	size_t len;
	uint8_t *d = load(file, &len);
	cadsink c;
	memset(&c, 0, sizeof(c));
	assert_int_equal(tendo_fit_decode(NULL, d, len, NULL, cad_collect, &c), 0);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, len, NULL), 0);
	assert_int_equal(a.n_points, c.n);
	size_t doubled = 0, plain = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (isnan(c.cad[i])) {
			assert_true(isnan(a.points[i].cadence_spm));
			continue;
		}
		/* the session whose start is the latest before the point */
		const tendo_session *s = &a.sessions[0];
		for (size_t k = 0; k < a.n_sessions; k++)
			if (a.sessions[k].start_ms <= c.t[i])
				s = &a.sessions[k];
		double want = steps_sport(s->sport) ? 2 * c.cad[i] : c.cad[i];
		assert_true(fabs(a.points[i].cadence_spm - want) < 1e-9);
		if (steps_sport(s->sport))
			doubled++;
		else
			plain++;
	}
	if (!strstr(file, "multisport")) /* there the cycling records carry no cadence */
		assert_true(doubled > 0 && plain == 0);
	tendo_activity_dispose(&a);
	free(d);
}

/* A ride then a run (sessions at the end), and a file with only a sport message. */
static void test_cadence_by_session(void **state)
{
	(void)state;
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	static const uint8_t rec[] = { 253, 4, 0x86, 4, 1, 0x02, 53, 1, 0x02 };
	static const uint8_t ses[] = { 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 7, 4, 0x86 };
	const uint32_t t0 = 1000000000;
	fb_begin(f, 14);
	fb_def(f, 0, 20, false, 3, rec, 0, NULL);
	fb_def(f, 1, 18, false, 4, ses, 0, NULL);
	put8(f, 0); put32(f, t0 + 1, false); put8(f, 80); put8(f, 0);    /* riding: 80 rpm */
	put8(f, 0); put32(f, t0 + 12, false); put8(f, 85); put8(f, 64); /* running: 85.5 strides/min */
	put8(f, 1); put32(f, t0 + 10, false); put32(f, t0, false); put8(f, 2); put32(f, 10000, false);
	put8(f, 1); put32(f, t0 + 20, false); put32(f, t0 + 10, false); put8(f, 1); put32(f, 10000, false);
	fb_end(f);
	uint8_t *d = copy_exact(f->b, f->n);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 2);
	assert_int_equal(a.n_sessions, 2);
	assert_string_equal(a.sessions[0].sport, "cycling");
	assert_string_equal(a.sessions[1].sport, "running");
	assert_true(a.points[0].cadence_spm == 80);
	assert_true(a.points[1].cadence_spm == 171);
	tendo_activity_dispose(&a);
	free(d);

	/* no session: the sport message decides */
	static const uint8_t spo[] = { 0, 1, 0x00 };
	f->n = 0;
	fb_begin(f, 14);
	fb_def(f, 0, 12, false, 1, spo, 0, NULL);
	put8(f, 0); put8(f, 11); /* walking */
	fb_def(f, 0, 20, false, 3, rec, 0, NULL);
	put8(f, 0); put32(f, t0, false); put8(f, 55); put8(f, 0);
	fb_end(f);
	d = copy_exact(f->b, f->n);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_true(a.points[0].cadence_spm == 110);
	tendo_activity_dispose(&a);
	free(d);
	free(f);
}

/* The athlete's own rating on the watch: session workout_rpe (Borg CR10 x
 * 10, field 193) and workout_feel (0-100, field 192); 255 (invalid) and
 * values over 100 are not a rating. */
static void test_session_rpe(void **state)
{
	(void)state;
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	static const uint8_t ses[] = { 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 7, 4, 0x86, 192, 1, 0x02, 193, 1, 0x02 };
	const uint32_t t0 = 1100000000;
	fb_begin(f, 14);
	fb_def(f, 0, 18, false, 6, ses, 0, NULL);
	put8(f, 0); put32(f, t0 + 1800, false); put32(f, t0, false); put8(f, 1); put32(f, 1800000, false);
	put8(f, 75); put8(f, 70);                                   /* felt strong, RPE 7 */
	put8(f, 0); put32(f, t0 + 9000, false); put32(f, t0 + 7200, false); put8(f, 1); put32(f, 1800000, false);
	put8(f, 255); put8(f, 101);                                 /* invalid, out of range */
	fb_end(f);
	uint8_t *d = copy_exact(f->b, f->n);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_sessions, 2);
	assert_int_equal(a.sessions[0].workout_rpe, 70);
	assert_int_equal(a.sessions[0].workout_feel, 75);
	assert_int_equal(a.sessions[1].workout_rpe, -1);
	assert_int_equal(a.sessions[1].workout_feel, -1);
	tendo_activity_dispose(&a);
	free(d);

	/* a session without them: -1 */
	static const uint8_t bare[] = { 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 7, 4, 0x86 };
	f->n = 0;
	fb_begin(f, 14);
	fb_def(f, 0, 18, false, 4, bare, 0, NULL);
	put8(f, 0); put32(f, t0 + 1800, false); put32(f, t0, false); put8(f, 1); put32(f, 1800000, false);
	fb_end(f);
	d = copy_exact(f->b, f->n);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.sessions[0].workout_rpe, -1);
	assert_int_equal(a.sessions[0].workout_feel, -1);
	tendo_activity_dispose(&a);
	free(d);
	free(f);
}

static void test_cadence(void **state)
{
	(void)state;
	check_cadence("fitparse-garmin-fenix-5-run.fit");
	check_cadence("fitparse-garmin-fenix-5-walk.fit");
	check_cadence("mkfit-activity_multisport.fit"); /* cycling (rpm) then trail running (steps) */
}

/* ---- developer data, strings, compressed timestamps ------------------------------ */

static void test_developer_fields(void **state)
{
	(void)state;
	size_t len;
	uint8_t *d = load("fitparse-DeveloperData.fit", &len);
	sink s;
	memset(&s, 0, sizeof(s));
	tendo_fit_summary sum;
	assert_int_equal(tendo_fit_decode(&sum, d, len, NULL, collect, &s), 0);
	assert_int_equal(s.records, 3);
	assert_int_equal(s.dev_seen, 3);
	assert_int_equal(sum.dev_fields, 3);
	/* messages: file_id, developer_data_id, field_description, 3 records */
	assert_int_equal(s.messages, 6);
	assert_string_equal(s.str[2], "doughnuts_earned");
	assert_string_equal(s.name[3], "doughnuts_earned");
	/* skipped on request, the records stay the same */
	tendo_fit_options opt = { .skip_developer = true };
	memset(&s, 0, sizeof(s));
	assert_int_equal(tendo_fit_decode(&sum, d, len, &opt, collect, &s), 0);
	assert_int_equal(s.records, 3);
	assert_int_equal(s.dev_seen, 0);
	free(d);

	/* unterminated strings stop at the field's end; 28 field descriptions */
	d = load("gofit-unterminated-strings.fit", &len);
	memset(&s, 0, sizeof(s));
	assert_int_equal(tendo_fit_decode(&sum, d, len, NULL, collect, &s), 0);
	assert_int_equal(s.records, 33);
	assert_true(s.dev_seen > 0);
	free(d);
}

static void test_compressed_timestamps(void **state)
{
	(void)state;
	/* a record with a full timestamp, then compressed headers with rolling 5-bit offsets */
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	fb_begin(f, 14);
	static const uint8_t rec[] = { 253, 4, 0x86, 3, 1, 0x02 };
	fb_def(f, 0, 20, false, 2, rec, 0, NULL);
	static const uint8_t rec2[] = { 3, 1, 0x02 };
	fb_def(f, 1, 20, false, 1, rec2, 0, NULL);
	put8(f, 0x00); put32(f, 1000, false); put8(f, 100);       /* 1000 = 31 * 32 + 8 */
	put8(f, 0x80 | (1 << 5) | 10); put8(f, 101);              /* offset 10 -> 1002 */
	put8(f, 0x80 | (1 << 5) | 3); put8(f, 102);               /* 3 < 10: rolls over -> 1027 */
	put8(f, 0x80 | (1 << 5) | 3); put8(f, 103);               /* same offset -> 1027 */
	fb_end(f);
	uint8_t *d = copy_exact(f->b, f->n);
	sink s;
	memset(&s, 0, sizeof(s));
	tendo_fit_summary sum;
	assert_int_equal(tendo_fit_decode(&sum, d, f->n, NULL, collect, &s), 0);
	assert_int_equal(s.messages, 4);
	assert_int_equal(sum.compressed, 3);
	assert_int_equal(s.ts[0], 1000);
	assert_int_equal(s.ts[1], 1002);
	assert_int_equal(s.ts[2], 1027);
	assert_int_equal(s.ts[3], 1027);
	assert_true(s.v[1][0] == 101);
	assert_int_equal(s.nf[1], 2); /* heart_rate + the synthetic timestamp */
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 4);
	assert_int_equal(a.points[2].t_ms, (1027LL + TENDO_FIT_EPOCH_UNIX) * 1000);
	assert_int_equal(a.points[2].hr, 102);
	tendo_activity_dispose(&a);
	free(d);

	/* the FR70 file: 755 compressed records, every 5 s, speed and distance expanded */
	size_t len;
	d = load("fitparse-compressed-speed-distance.fit", &len);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, len, NULL), 0);
	assert_int_equal(a.n_points, 755);
	for (size_t i = 1; i < a.n_points; i++)
		assert_true(a.points[i].t_ms > a.points[i - 1].t_ms);
	/* the accumulated distance ends where the session says (10248.67 m) */
	assert_true(fabs(a.points[a.n_points - 1].dist_m - 10248.67) < 0.1);
	assert_false(isnan(a.points[10].speed_mps));
	tendo_activity_dispose(&a);
	free(d);
	free(f);
}

/* ---- synthetic: byte orders, invalid values, scale/offset, sizes, strings --------- */

static void test_base_types(void **state)
{
	(void)state;
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	fb_begin(f, 12);
	/* record: altitude uint16 (scale 5, offset 500), heart_rate uint8, position_lat sint32,
	 * a 3-byte "uint16" (bad size), temperature sint8 */
	static const uint8_t rec[] = { 2, 2, 0x84, 3, 1, 0x02, 0, 4, 0x85, 9, 3, 0x84, 13, 1, 0x01, 1, 4, 0x85 };
	for (int be = 0; be <= 1; be++) {
		fb_def(f, (unsigned)be, 20, be, 6, rec, 0, NULL);
		put8(f, (unsigned)be);
		put16(f, 2600, be);          /* 2600 / 5 - 500 = 20 m */
		put8(f, 150);
		put32(f, 0x20000000, be);    /* 45 degrees in semicircles */
		put8(f, 1); put8(f, 2); put8(f, 3);
		put8(f, 0xF6);               /* -10 */
		put32(f, 0xE0000000, be);    /* -45 degrees */
		put8(f, (unsigned)be);       /* every value invalid */
		put16(f, 0xFFFF, be);
		put8(f, 0xFF);
		put32(f, 0x7FFFFFFF, be);
		put8(f, 0xFF); put8(f, 0xFF); put8(f, 0xFF);
		put8(f, 0x7F);
		put32(f, 0x7FFFFFFF, be);
	}
	/* file_id with an unterminated product_name and a uint32z serial of 0 (invalid) */
	static const uint8_t fid[] = { 0, 1, 0x00, 3, 4, 0x8C, 8, 6, 0x07 };
	fb_def(f, 2, 0, false, 3, fid, 0, NULL);
	put8(f, 2); put8(f, 4); put32(f, 0, false); putn(f, "abcdef", 6);
	fb_end(f);
	uint8_t *d = copy_exact(f->b, f->n);
	sink s;
	memset(&s, 0, sizeof(s));
	tendo_fit_summary sum;
	assert_int_equal(tendo_fit_decode(&sum, d, f->n, NULL, collect, &s), 0);
	assert_int_equal(sum.big_endian_definitions, 1);
	assert_int_equal(s.messages, 5);
	for (int m = 0; m < 4; m += 2) {
		assert_true(fabs(s.v[m][0] - 20.0) < 1e-9);
		assert_true(s.v[m][1] == 150);
		assert_true(s.v[m][2] == (double)0x20000000);
		assert_true(s.valid[m][3]); /* bad size: three bytes, read as bytes */
		assert_true(s.v[m][3] == 1);
		assert_true(s.v[m][4] == -10);
		for (int k = 0; k < 5; k++) {
			assert_false(s.valid[m + 1][k]);
			assert_true(isnan(s.v[m + 1][k]));
		}
	}
	assert_false(s.valid[4][1]);               /* uint32z 0 */
	assert_string_equal(s.str[4], "abcdef"); /* unterminated: stops at the field's end */
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 4);
	assert_true(fabs(a.points[0].lat - 45.0) < 1e-12);
	assert_true(fabs(a.points[2].lon + 45.0) < 1e-12);
	assert_true(fabs(a.points[2].alt_m - 20.0) < 1e-12);
	assert_true(isnan(a.points[1].alt_m) && isnan(a.points[1].lat) && a.points[1].hr == -1);
	assert_string_equal(a.device, "abcdef"); /* no manufacturer: product_name */
	tendo_activity_dispose(&a);
	free(d);
	free(f);
}

/* Arrays through the accessors; enum names. */
static int acc_cb(const tendo_fit_message *m, void *user)
{
	int *ok = user;
	if (m->num != 20)
		return 0;
	const tendo_fit_field *f = tendo_fit_message_field(m, 8); /* compressed_speed_distance, 3 bytes */
	if (!f)
		return 0;
	assert_int_equal(f->count, 3);
	int64_t b0, b2;
	assert_true(tendo_fit_field_int(f, 0, &b0));
	assert_true(tendo_fit_field_int(f, 2, &b2));
	assert_false(tendo_fit_field_int(f, 3, &b2));
	assert_true(isnan(tendo_fit_field_double(f, 3)));
	assert_true(tendo_fit_field_double(f, 0) == (double)b0);
	(*ok)++;
	return 1; /* stop after the first: the decoder hands the value back */
}

static int enum_cb(const tendo_fit_message *m, void *user)
{
	const char **out = user;
	if (m->num == 18) {
		out[0] = tendo_fit_field_enum(tendo_fit_message_field(m, 5));
		out[1] = m->name;
		return 7;
	}
	return 0;
}

static void test_accessors(void **state)
{
	(void)state;
	size_t len;
	uint8_t *d = load("fitparse-compressed-speed-distance.fit", &len);
	int ok = 0;
	assert_int_equal(tendo_fit_decode(NULL, d, len, NULL, acc_cb, &ok), 1);
	assert_int_equal(ok, 1);
	const char *names[2] = { NULL, NULL };
	assert_int_equal(tendo_fit_decode(NULL, d, len, NULL, enum_cb, names), 7);
	assert_string_equal(names[0], "running");
	assert_string_equal(names[1], "session");
	assert_int_equal(tendo_fit_time_ms(0), 631065600000LL);
	free(d);
}

/* ---- damaged files ------------------------------------------------------------- */

typedef struct {
	const char *file;   /* under tests/data/fit/bad */
	size_t records;     /* what the SDK had read when it failed */
	size_t sessions;    /* idem */
	const char *warn;   /* expected in the warning */
} bad_file;

static const bad_file bads[] = {
	{ "bad/fitparse-activity-activity-filecrc.fit", 28, 2, "file crc mismatch at byte 1540" },
	{ "bad/fitparse-activity-filecrc.fit", 14, 1, "file crc mismatch at byte 769" },
	{ "bad/fitparse-activity-settings-corruptheader.fit", 14, 1, "byte 771" },
	{ "bad/fitparse-activity-unexpected-eof.fit", 14, 1, "truncated at byte 768: read 14 records" },
	{ "bad/fitparse-nick.fit", 14391, 0, "truncated at byte 403456: read 14391 records" },
	{ "bad/fitparse-strava-android-app-201.10-b1218918.fit", 473, 1, "local message type 11 was never defined" },
};

static void test_bad_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		size_t len;
		uint8_t *d = load(bads[i].file, &len);
		tendo_activity a;
		tendo_activity_init(&a);
		int rc = tendo_fit_read(&a, d, len, NULL);
		if (rc != 0)
			fail_msg("%s: %s", bads[i].file, tendo_error_last());
		if (a.n_points != bads[i].records || a.n_sessions != bads[i].sessions)
			fail_msg("%s: %zu records / %zu sessions, the SDK read %zu / %zu", bads[i].file, a.n_points,
			         a.n_sessions, bads[i].records, bads[i].sessions);
		if (!strstr(a.warning, bads[i].warn))
			fail_msg("%s: warning \"%s\" lacks \"%s\"", bads[i].file, a.warning, bads[i].warn);
		tendo_activity_dispose(&a);
		tendo_fit_summary sum;
		assert_int_equal(tendo_fit_decode(&sum, d, len, NULL, NULL, NULL), TENDO_EFORMAT);
		assert_int_not_equal(sum.damage, TENDO_FIT_OK);
		assert_non_null(strstr(tendo_error_last(), "byte"));
		free(d);
	}
	/* the first three sessions agree with the SDK's partial output */
	size_t len;
	uint8_t *d = load("bad/fitparse-activity-unexpected-eof.fit", &len);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, len, NULL), 0);
	assert_close(a.sessions[0].elapsed_s, 13.749, "elapsed", "unexpected-eof");
	assert_close(a.sessions[0].distance_m, 5.73, "distance", "unexpected-eof");
	assert_int_equal(a.points[0].t_ms, 1334006546000);
	assert_int_equal(a.points[13].t_ms, 1334006559000);
	tendo_activity_dispose(&a);
	free(d);
}

static void expect_eformat(const uint8_t *src, size_t n, const char *what)
{
	uint8_t *d = copy_exact(src, n);
	tendo_activity a;
	tendo_activity_init(&a);
	int rc = tendo_fit_read(&a, d, n, NULL);
	if (rc != TENDO_EFORMAT)
		fail_msg("%s: expected EFORMAT, got %s", what, tendo_error_name(rc));
	assert_non_null(strstr(tendo_error_last(), "byte") ? tendo_error_last() : strstr(tendo_error_last(), "0 bytes"));
	assert_int_equal(a.n_points, 0);
	tendo_activity_dispose(&a);
	free(d);
}

static void test_not_fit(void **state)
{
	(void)state;
	expect_eformat((const uint8_t *)"", 0, "zero bytes");
	expect_eformat((const uint8_t *)"<?xml version=\"1.0\"?><gpx></gpx>", 32, "gpx");
	expect_eformat((const uint8_t *)"\x0e\x10", 2, "two bytes");
	expect_eformat((const uint8_t *)"\x0e\x10\x00\x00\x00\x00\x00\x00.GIT\x00\x00", 14, "bad signature");
	expect_eformat((const uint8_t *)"\x0e\x10\x00\x00\x10\x00\x00\x00.FIT\x00", 13, "short 14-byte header");
	assert_string_equal(tendo_error_last(), "byte 0: not a FIT file (13 bytes, too short for a header)");
	tendo_fit_info info;
	assert_int_equal(tendo_fit_probe(&info, (const uint8_t *)"hello world, not fit", 20), TENDO_EFORMAT);

	/* a data message before any definition: nothing usable */
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	fb_begin(f, 14);
	put8(f, 0x03); put8(f, 1);
	fb_end(f);
	expect_eformat(f->b, f->n, "undefined local type");
	assert_non_null(strstr(tendo_error_last(), "message 0 at byte 14: local message type 3 was never defined"));

	/* an architecture byte that is neither 0 nor 1 */
	f->n = 0;
	fb_begin(f, 14);
	put8(f, 0x40); put8(f, 0); put8(f, 7); put16(f, 20, false); put8(f, 0);
	fb_end(f);
	expect_eformat(f->b, f->n, "architecture");
	free(f);
}

static void test_damage_synthetic(void **state)
{
	(void)state;
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	static const uint8_t rec[] = { 253, 4, 0x86, 3, 1, 0x02 };

	/* data size 0 left by a crashed writer: read to the end, say so */
	fb_begin(f, 14);
	fb_def(f, 0, 20, false, 2, rec, 0, NULL);
	for (unsigned i = 0; i < 10; i++) {
		put8(f, 0); put32(f, 1000000000 + i, false); put8(f, 120 + i);
	}
	uint8_t *d = copy_exact(f->b, f->n); /* no size, no CRC */
	d[12] = d[13] = 0;
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 10);
	assert_non_null(strstr(a.warning, "data size 0"));
	tendo_activity_dispose(&a);
	free(d);

	/* the same with a CRC at the end: recognised */
	uint16_t c = tendo_fit_crc16(0, f->b, f->n);
	put16(f, c, false);
	d = copy_exact(f->b, f->n);
	tendo_fit_summary sum;
	sink s;
	memset(&s, 0, sizeof(s));
	assert_int_equal(tendo_fit_decode(&sum, d, f->n, NULL, collect, &s), TENDO_EFORMAT);
	assert_int_equal(sum.damage, TENDO_FIT_UNFINISHED);
	assert_int_equal(sum.damages, 1);
	assert_int_equal(s.records, 10);
	free(d);

	/* a header CRC that does not match: read anyway, warn */
	f->n = 0;
	fb_begin(f, 14);
	fb_def(f, 0, 20, false, 2, rec, 0, NULL);
	put8(f, 0); put32(f, 1000000000, false); put8(f, 120);
	fb_end(f);
	f->b[12] ^= 0x55;
	d = copy_exact(f->b, f->n);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 1);
	assert_non_null(strstr(a.warning, "header crc mismatch"));
	tendo_activity_dispose(&a);
	free(d);

	/* a declared size of 4 GB */
	f->b[4] = f->b[5] = f->b[6] = f->b[7] = 0xFF;
	d = copy_exact(f->b, f->n);
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, d, f->n, NULL), 0);
	assert_int_equal(a.n_points, 1);
	assert_true(a.warning[0] != 0); /* the CRC bytes then read as a record header */
	tendo_activity_dispose(&a);
	free(d);

	/* a definition of 255 fields of 255 bytes whose message is cut short */
	f->n = 0;
	fb_begin(f, 14);
	put8(f, 0x40); put8(f, 0); put8(f, 0); put16(f, 20, false); put8(f, 255);
	for (unsigned i = 0; i < 255; i++) {
		put8(f, i); put8(f, 255); put8(f, 0x0D);
	}
	put8(f, 0);
	for (unsigned i = 0; i < 1000; i++)
		put8(f, i);
	fb_end(f);
	expect_eformat(f->b, f->n, "huge message");
	assert_non_null(strstr(tendo_error_last(), "needs 65026 bytes"));
	free(f);
}

static void test_chained(void **state)
{
	(void)state;
	/* two files back to back, each with its header and CRC */
	size_t len;
	uint8_t *d = load("fitparse-activity-settings.fit", &len);
	tendo_fit_summary sum;
	assert_int_equal(tendo_fit_decode(&sum, d, len, NULL, NULL, NULL), 0);
	assert_int_equal(sum.files, 2);
	assert_int_equal(sum.bytes, len);
	tendo_fit_options opt = { .max_files = 1 };
	assert_int_equal(tendo_fit_decode(&sum, d, len, &opt, NULL, NULL), TENDO_ELIMIT);
	free(d);

	/* endless empty chained files: linear, bounded */
	size_t n = 14 * 20000;
	uint8_t *e = malloc(n);
	assert_non_null(e);
	for (size_t i = 0; i < n; i += 14) {
		uint8_t h[12] = { 12, 0x10, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T' };
		memcpy(e + i, h, 12);
		uint16_t c = tendo_fit_crc16(0, h, 12);
		e[i + 12] = (uint8_t)c;
		e[i + 13] = (uint8_t)(c >> 8);
	}
	assert_int_equal(tendo_fit_decode(&sum, e, n, NULL, NULL, NULL), 0);
	assert_int_equal(sum.files, 20000);
	opt.max_files = 1000;
	assert_int_equal(tendo_fit_decode(&sum, e, n, &opt, NULL, NULL), TENDO_ELIMIT);
	tendo_activity a;
	tendo_activity_init(&a);
	assert_int_equal(tendo_fit_read(&a, e, n, NULL), 0); /* sound, but nothing in it */
	assert_int_equal(a.n_points, 0);
	tendo_activity_dispose(&a);
	free(e);
}

static void test_limits(void **state)
{
	(void)state;
	size_t len;
	uint8_t *d = load("fitparse-garmin-fenix-5-run.fit", &len);
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_read_limits lim = { .max_points = 10 };
	assert_int_equal(tendo_fit_read(&a, d, len, &lim), TENDO_ELIMIT);
	tendo_activity_dispose(&a);
	tendo_activity_init(&a);
	lim = (tendo_read_limits){ .max_bytes = 1000 };
	assert_int_equal(tendo_fit_read(&a, d, len, &lim), TENDO_ELIMIT);
	tendo_activity_dispose(&a);
	free(d);
}

/* Inputs the fuzzer found; each must decode without touching a byte past the end. */
static const uint8_t crash_zero_size_field[] = { /* a field of size 0 last in the input */
	0x0c, 0x10, 0x64, 0x00, 0xf5, 0x02, 0x00, 0x00, 0x2e, 0x46, 0x49, 0x54,
	0x40, 0x00, 0x01, 0x00, 0x00, 0x05, 0x03, 0x04, 0x8c, 0x04, 0x04, 0x88,
	0x01, 0x02, 0x84, 0x02, 0x02, 0x84, 0x00, 0x01, 0x00, 0x00, 0x7f, 0xff,
	0xff, 0xff, 0x29, 0xe6, 0x07, 0x12, 0x00, 0x0f, 0x00, 0x01, 0x04, 0x40,
	0x00, 0x01, 0x00, 0x32, 0x02, 0x00, 0x02, 0x84, 0x00, 0x00, 0xf0, 0x41,
	0x00, 0x01, 0x00, 0x15, 0x05, 0xfd, 0x04, 0x86, 0x03, 0x04, 0x86, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00,
};

static void test_fuzz_regressions(void **state)
{
	(void)state;
	const struct { const uint8_t *d; size_t n; } cases[] = {
		{ crash_zero_size_field, sizeof(crash_zero_size_field) },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint8_t *d = copy_exact(cases[i].d, cases[i].n);
		tendo_activity a;
		tendo_activity_init(&a);
		int rc = tendo_fit_read(&a, d, cases[i].n, NULL);
		assert_true(rc == 0 || rc == TENDO_EFORMAT);
		tendo_activity_dispose(&a);
		tendo_fit_options opt = { .expand_components = true };
		sink s;
		memset(&s, 0, sizeof(s));
		rc = tendo_fit_decode(NULL, d, cases[i].n, &opt, collect, &s);
		assert_true(rc == 0 || rc == TENDO_EFORMAT);
		free(d);
	}

	/* a definition without fields, used with a compressed header: only the timestamp */
	fb *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	static const uint8_t ts[] = { 253, 4, 0x86 };
	static const uint8_t empty[] = { 3, 0, 0x02 }; /* and one of size 0 */
	fb_begin(f, 14);
	fb_def(f, 0, 20, false, 1, ts, 0, NULL);
	put8(f, 0); put32(f, 5000, false);
	fb_def(f, 1, 20, false, 0, NULL, 0, NULL);
	put8(f, 0x80 | (1 << 5) | 9);
	fb_def(f, 2, 20, false, 1, empty, 0, NULL);
	put8(f, 2);
	fb_end(f);
	uint8_t *d = copy_exact(f->b, f->n);
	sink s;
	memset(&s, 0, sizeof(s));
	assert_int_equal(tendo_fit_decode(NULL, d, f->n, NULL, collect, &s), 0);
	assert_int_equal(s.messages, 3);
	assert_int_equal(s.ts[1], 5001);
	assert_int_equal(s.nf[1], 1);
	assert_int_equal(s.nf[2], 1);
	assert_false(s.valid[2][0]);
	free(d);
	free(f);
}

/* ---- every file ------------------------------------------------------------------ */

static void read_dir(const char *sub, size_t *count)
{
	char path[2048];
	snprintf(path, sizeof(path), "%s%s%s", fit_dir(), sub[0] ? "/" : "", sub);
	DIR *dir = opendir(path);
	assert_non_null(dir);
	struct dirent *e;
	while ((e = readdir(dir))) {
		size_t l = strlen(e->d_name);
		if (l < 4 || strcmp(e->d_name + l - 4, ".fit"))
			continue;
		char rel[1024];
		snprintf(rel, sizeof(rel), "%s%s%s", sub, sub[0] ? "/" : "", e->d_name);
		size_t len;
		uint8_t *d = load(rel, &len);
		tendo_activity a;
		tendo_activity_init(&a);
		int rc = tendo_fit_read(&a, d, len, NULL);
		if (sub[0]) {
			/* damaged: a warning and partial data, or a clean EFORMAT */
			if (rc == 0)
				assert_true(a.warning[0] != '\0');
			else
				assert_int_equal(rc, TENDO_EFORMAT);
		} else if (rc != 0) {
			fail_msg("%s: %s", rel, tendo_error_last());
		}
		/* and the low-level decoder with everything on */
		tendo_fit_options opt = { .expand_components = true };
		sink s;
		memset(&s, 0, sizeof(s));
		rc = tendo_fit_decode(NULL, d, len, &opt, collect, &s);
		assert_true(rc == 0 || (sub[0] && rc == TENDO_EFORMAT));
		tendo_activity_dispose(&a);
		free(d);
		(*count)++;
	}
	closedir(dir);
}

static void test_every_file(void **state)
{
	(void)state;
	size_t n = 0;
	read_dir("", &n);
	assert_true(n >= 14);
	size_t b = 0;
	read_dir("bad", &b);
	assert_true(b >= 6);
}

/* ---- sweeps ---------------------------------------------------------------------- */

static void test_truncation_sweep(void **state)
{
	(void)state;
	size_t len;
	uint8_t *d = load("fitparse-garmin-fenix-5-run.fit", &len);
	size_t last = 0;
	for (size_t n = 0; n <= len; n++) {
		uint8_t *p = copy_exact(d, n);
		tendo_activity a;
		tendo_activity_init(&a);
		int rc = tendo_fit_read(&a, p, n, NULL);
		if (rc != 0 && rc != TENDO_EFORMAT)
			fail_msg("prefix %zu: %s", n, tendo_error_name(rc));
		if (rc == 0 && n < len)
			assert_true(a.warning[0] != '\0');
		assert_true(a.n_points >= last || rc != 0);
		if (rc == 0)
			last = a.n_points;
		assert_true(a.n_points <= 21);
		tendo_activity_dispose(&a);
		free(p);
	}
	assert_int_equal(last, 21);
	free(d);
}

static void flip_sweep(const char *file)
{
	size_t len;
	uint8_t *d = load(file, &len);
	for (size_t i = 0; i < len; i++) {
		for (int k = 0; k < 2; k++) {
			uint8_t *p = copy_exact(d, len);
			p[i] ^= k == 0 ? (uint8_t)(1u << (i % 8)) : 0xFF;
			tendo_activity a;
			tendo_activity_init(&a);
			int rc = tendo_fit_read(&a, p, len, NULL);
			if (rc != 0 && rc != TENDO_EFORMAT)
				fail_msg("%s byte %zu: %s", file, i, tendo_error_name(rc));
			tendo_activity_dispose(&a);
			tendo_fit_options opt = { .expand_components = true };
			sink s;
			memset(&s, 0, sizeof(s));
			rc = tendo_fit_decode(NULL, p, len, &opt, collect, &s);
			assert_true(rc == 0 || rc == TENDO_EFORMAT);
			free(p);
		}
	}
	free(d);
}

static void test_bitflip_sweep(void **state)
{
	(void)state;
	flip_sweep("fitparse-garmin-fenix-5-run.fit");
	flip_sweep("gofit-unterminated-strings.fit"); /* developer fields, strings */
	flip_sweep("fitparse-compressed-speed-distance.fit");
}

static int alloc_sweep(const char *file, bool low_level)
{
	size_t len;
	uint8_t *d = load(file, &len);
	int failures = 0;
	for (long n = 1; n < 100000; n++) {
		tendo_alloc_fail_at(n);
		tendo_activity a;
		tendo_activity_init(&a);
		int rc;
		if (low_level) {
			tendo_fit_options opt = { .expand_components = true };
			sink s;
			memset(&s, 0, sizeof(s));
			rc = tendo_fit_decode(NULL, d, len, &opt, collect, &s);
		} else {
			rc = tendo_fit_read(&a, d, len, NULL);
		}
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		tendo_activity_dispose(&a);
		if (rc == 0) {
			if (made < n)
				break; /* the nth allocation never happened: all swept */
			continue;
		}
		assert_int_equal(rc, TENDO_ENOMEM);
		failures++;
	}
	free(d);
	return failures;
}

static void test_alloc_sweep(void **state)
{
	(void)state;
	assert_true(alloc_sweep("fitparse-garmin-fenix-5-run.fit", false) > 2);
	assert_true(alloc_sweep("mkfit-activity_multisport.fit", false) > 2);
	assert_true(alloc_sweep("gofit-unterminated-strings.fit", true) > 2);
}

/* Records what each message of test_shared_definitions() delivers. */
typedef struct {
	size_t n;
	uint16_t num[256];
	size_t nf[256];
	double v[256][3];
	uint8_t fnum[256][3];
} shape_sink;

static int shape_collect(const tendo_fit_message *m, void *user)
{
	shape_sink *s = user;
	if (s->n >= 256)
		return 1;
	size_t i = s->n++;
	s->num[i] = m->num;
	s->nf[i] = m->n_fields;
	for (size_t k = 0; k < 3 && k < m->n_fields; k++) {
		s->v[i][k] = tendo_fit_field_double(&m->fields[k], 0);
		s->fnum[i][k] = m->fields[k].num;
	}
	return 0;
}

/* The same definition under several local types, redefinitions while another
 * local type still uses the old one, and more distinct definitions than the
 * decoder keeps built (so some are rebuilt in place of unused ones). */
static void test_shared_definitions(void **state)
{
	(void)state;
	static fb f;
	memset(&f, 0, sizeof(f));
	fb_begin(&f, 14);
	static const uint8_t rec[] = { 253, 4, 0x86, 3, 1, 0x02 };      /* timestamp, heart_rate */
	static const uint8_t ev[] = { 0, 1, 0x00, 1, 1, 0x00 };         /* event, event_type */
	fb_def(&f, 0, 20, false, 2, rec, 0, NULL);
	fb_def(&f, 1, 20, false, 2, rec, 0, NULL);                      /* the same bytes, local 1 */
	put8(&f, 0); put32(&f, 1000, false); put8(&f, 100);
	put8(&f, 1); put32(&f, 1001, false); put8(&f, 101);
	fb_def(&f, 0, 21, false, 2, ev, 0, NULL);                       /* local 0 now an event */
	put8(&f, 0); put8(&f, 4); put8(&f, 1);
	put8(&f, 1); put32(&f, 1002, false); put8(&f, 102);             /* local 1 still a record */
	fb_def(&f, 2, 20, false, 2, rec, 0, NULL);                      /* the record again, local 2 */
	put8(&f, 2); put32(&f, 1003, false); put8(&f, 103);
	fb_def(&f, 1, 20, true, 2, rec, 0, NULL);                       /* big-endian: another one */
	put8(&f, 1); put32(&f, 1004, true); put8(&f, 104);
	put8(&f, 2); put32(&f, 1005, false); put8(&f, 105);
	put8(&f, 0); put8(&f, 3); put8(&f, 0);
	static const uint8_t keep[] = { 7, 2, 0x84 };                 /* local 15 throughout */
	fb_def(&f, 15, 0xFF01, false, 1, keep, 0, NULL);
	for (unsigned i = 0; i < 70; i++) {                             /* 70 distinct definitions */
		uint8_t fl[9] = { 253, 4, 0x86, 3, 1, 0x02, (uint8_t)(100 + i), 1, 0x02 };
		fb_def(&f, i % 15, 0xFF00, false, 3, fl, 0, NULL); /* not in the profile: unscaled */
		put8(&f, i % 15); put32(&f, 2000 + i, false); put8(&f, i); put8(&f, i + 1);
		if (i >= 15) { /* the local type defined 14 definitions ago is still sound */
			unsigned l = (i + 1) % 15;
			put8(&f, l); put32(&f, 3000 + i, false); put8(&f, i - 14); put8(&f, i - 13);
		}
		put8(&f, 15); put16(&f, 5000 + i, false);
	}
	fb_end(&f);

	shape_sink s;
	memset(&s, 0, sizeof(s));
	tendo_fit_summary sum;
	assert_int_equal(tendo_fit_decode(&sum, f.b, f.n, NULL, shape_collect, &s), 0);
	assert_int_equal(sum.definitions, 6 + 70);
	assert_int_equal(sum.big_endian_definitions, 1);
	static const uint16_t nums[] = { 20, 20, 21, 20, 20, 20, 20, 21 };
	static const double v0[] = { 1000, 1001, 4, 1002, 1003, 1004, 1005, 3 };
	static const double v1[] = { 100, 101, 1, 102, 103, 104, 105, 0 };
	for (size_t i = 0; i < 8; i++) {
		assert_int_equal(s.num[i], nums[i]);
		assert_int_equal(s.nf[i], 2);
		assert_true(s.v[i][0] == v0[i]);
		assert_true(s.v[i][1] == v1[i]);
	}
	size_t k = 8;
	for (unsigned i = 0; i < 70; i++) {
		assert_true(k < s.n);
		assert_int_equal(s.num[k], 0xFF00);
		assert_int_equal(s.nf[k], 3);
		assert_true(s.v[k][0] == 2000 + i);
		assert_true(s.v[k][1] == i);
		assert_true(s.v[k][2] == i + 1);
		assert_int_equal(s.fnum[k][2], 100 + i);
		k++;
		if (i >= 15) {
			assert_true(s.v[k][0] == 3000 + i);
			assert_true(s.v[k][1] == i - 14);
			assert_true(s.v[k][2] == i - 13);
			assert_int_equal(s.fnum[k][2], 100 + i - 14);
			k++;
		}
		assert_int_equal(s.num[k], 0xFF01);
		assert_int_equal(s.nf[k], 1);
		assert_true(s.v[k][0] == 5000 + i);
		k++;
	}
	assert_int_equal(k, s.n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc),
		cmocka_unit_test(test_crc_long),
		cmocka_unit_test(test_shared_definitions),
		cmocka_unit_test(test_reference_files),
		cmocka_unit_test(test_device_and_sport_names),
		cmocka_unit_test(test_cadence),
		cmocka_unit_test(test_cadence_by_session),
		cmocka_unit_test(test_session_rpe),
		cmocka_unit_test(test_developer_fields),
		cmocka_unit_test(test_compressed_timestamps),
		cmocka_unit_test(test_base_types),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_not_fit),
		cmocka_unit_test(test_damage_synthetic),
		cmocka_unit_test(test_chained),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_fuzz_regressions),
		cmocka_unit_test(test_every_file),
		cmocka_unit_test(test_truncation_sweep),
		cmocka_unit_test(test_bitflip_sweep),
		cmocka_unit_test(test_alloc_sweep),
	};
	return cmocka_run_group_tests_name("fit", tests, NULL, NULL);
}
