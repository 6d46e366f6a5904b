/*
 * test_gpx.c - the GPX reader (tendo/gpx.h).
 *
 * Expected numbers come from the peers (reference-gpx.json in
 * ../shared/data/activities: gpxpy 1.5.0 and a haversine sum within
 * segments, R = 6371008.8 m), never from our own output. The permissively
 * licensed files are in tests/data/gpx (see tests/data/SOURCES.md); the
 * rest of the shared corpus is checked too when ../shared is there.
 * Inline documents cover extensions, namespaces, times, hostile input
 * (entity bombs, external entities, deep nesting, impossible positions),
 * every truncation of a small file, and an allocation-failure sweep.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tendo/date.h>
#include <tendo/errors.h>
#include <tendo/gpx.h>

#include "fixtures.h"
#include "util/alloc.h"

/* ---- helpers ---------------------------------------------------------- */

static uint8_t *load_data(const char *rel, size_t *len)
{
	char path[1024], sub[512];
	snprintf(sub, sizeof(sub), "data/%s", rel);
	fx_tests_path(path, sizeof(path), sub);
	uint8_t *b = fx_read_file(path, len);
	if (!b)
		fail_msg("cannot read %s", path);
	return b;
}

static double haversine(double lat1, double lon1, double lat2, double lon2)
{
	const double R = 6371008.8, rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * R * asin(sqrt(a));
}

/* Distance summed within segments only. */
static double track_length(const tendo_activity *a)
{
	double d = 0;
	for (size_t i = 1; i < a->n_points; i++)
		if (!a->points[i].seg_start)
			d += haversine(a->points[i - 1].lat, a->points[i - 1].lon, a->points[i].lat, a->points[i].lon);
	return d;
}

/* Occurrences of the NUL-terminated word in b[0..n). */
static size_t count_in(const uint8_t *b, size_t n, const char *word)
{
	size_t k = strlen(word), c = 0;
	for (size_t i = 0; i + k <= n; i++)
		if (b[i] == (uint8_t)word[0] && memcmp(b + i, word, k) == 0)
			c++;
	return c;
}

static int read_str(tendo_activity *a, const char *doc, const tendo_read_limits *lim)
{
	return tendo_gpx_read(a, (const uint8_t *)doc, strlen(doc), lim);
}

/* ---- the peers' numbers ----------------------------------------------- */

typedef struct {
	const char *file;     /* relative to the data folder */
	int rc;               /* expected return */
	size_t points;        /* track_points */
	size_t with_time;     /* points_with_time */
	size_t with_ele;      /* points_with_elevation */
	size_t segments;      /* segments - empty_segments */
	const char *start;    /* start_time (first in file order), NULL */
	const char *end;      /* end_time (last in file order), NULL */
	double haversine_m;   /* own.haversine_2d_m */
} gpx_ref;

static void check_ref(const gpx_ref *r, const uint8_t *data, size_t len)
{
	tendo_activity a;
	int rc = tendo_gpx_read(&a, data, len, NULL);
	if (rc != r->rc)
		fail_msg("%s: got %s (%s), expected %s", r->file, tendo_error_name(rc), tendo_error_last(),
		         tendo_error_name(r->rc));
	if (rc) {
		assert_int_equal(a.n_points, 0);
		assert_null(a.points);
		return;
	}
	assert_string_equal(a.format, "gpx");
	size_t t = 0, e = 0, segs = 0;
	int64_t first = TENDO_TIME_NONE, last = TENDO_TIME_NONE;
	for (size_t i = 0; i < a.n_points; i++) {
		const tendo_point *p = &a.points[i];
		if (p->t_ms != TENDO_TIME_NONE) {
			t++;
			if (first == TENDO_TIME_NONE)
				first = p->t_ms;
			last = p->t_ms;
		}
		e += !isnan(p->alt_m);
		segs += p->seg_start;
		assert_true(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180);
	}
	if (a.n_points != r->points || t != r->with_time || e != r->with_ele || segs != r->segments)
		fail_msg("%s: points %zu/%zu, with time %zu/%zu, with elevation %zu/%zu, segments %zu/%zu", r->file,
		         a.n_points, r->points, t, r->with_time, e, r->with_ele, segs, r->segments);
	assert_true(a.points[0].seg_start);
	assert_int_equal(first, r->start ? fx_iso_ms(r->start) : TENDO_TIME_NONE);
	assert_int_equal(last, r->end ? fx_iso_ms(r->end) : TENDO_TIME_NONE);
	double d = track_length(&a);
	if (r->haversine_m > 0 ? fabs(d - r->haversine_m) > 0.005 * r->haversine_m : d > 0.5)
		fail_msg("%s: distance %.3f m, reference %.3f m", r->file, d, r->haversine_m);
	tendo_activity_dispose(&a);
}

/* The files in tests/data/gpx (MIT, BSD, Apache-2.0 sources). */
static const gpx_ref local_refs[] = {
	{ "gpx/gpxpy-around-visnjan-with-car.gpx", TENDO_OK, 104, 104, 104, 1, "2020-12-18T06:15:50Z", "2020-12-18T06:24:24Z", 2733.243 },
	{ "gpx/gpxpy-cerknicko-jezero.gpx", TENDO_OK, 296, 296, 296, 7, "2010-08-05T14:23:59Z", "2010-08-05T16:23:49Z", 4575.019 },
	{ "gpx/gpxpy-gpx1.1_with_all_fields.gpx", TENDO_OK, 1, 1, 1, 1, "2013-01-01T12:00:04Z", "2013-01-01T12:00:04Z", 0.0 },
	{ "gpx/gpxpy-route.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/gpxpy-track-with-empty-segment.gpx", TENDO_OK, 9, 9, 9, 1, "2013-07-06T17:26:26Z", "2013-07-06T17:27:42Z", 85.853 },
	{ "gpx/gpxpy-unicode_with_bom.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/opentracks-gpx11_with_speed_no_namespace.gpx", TENDO_OK, 3, 3, 3, 1, "2021-09-07T22:10:19Z", "2021-09-07T22:12:00Z", 76.425 },
	{ "gpx/opentracks-gpx_timezone.gpx", TENDO_OK, 1, 1, 1, 1, "2021-01-07T20:36:59.179000Z", "2021-01-07T20:36:59.179000Z", 0.0 },
	{ "gpx/togeojson-empty_trk.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/togeojson-missing_hr.gpx", TENDO_OK, 16, 16, 16, 3, "2017-05-27T04:00:00Z", "2017-05-27T04:02:02Z", 61.784 },
	{ "gpx/togeojson-run.gpx", TENDO_OK, 206, 206, 206, 1, "2012-10-24T23:29:40Z", "2012-10-24T23:45:28Z", 3098.534 },
};

/* The whole shared corpus (reference-gpx.json), read in place when ../shared is there. */
static const gpx_ref shared_refs[] = {
	{ "gpx/gc-1292585194-20906.gpx", TENDO_OK, 5935, 5935, 5935, 16, "2010-03-21T21:55:01Z", "2010-03-21T23:35:05Z", 40648.116 },
	{ "gpx/gc-A_ride_mapped_on_11_22_2011.gpx", TENDO_OK, 9722, 0, 0, 1, NULL, NULL, 96276.031 },
	{ "gpx/gc-MetadataOnly.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/gc-Move_2014_01_17_09_33_11.gpx", TENDO_OK, 1405, 1405, 1405, 1, "2014-01-17T08:33:11.150000Z", "2014-01-17T09:48:21.080000Z", 15538.585 },
	{ "gpx/gc-UrbanBiker2019-04-18_16-12.gpx", TENDO_OK, 2870, 2870, 2844, 2, "2019-04-18T14:12:19Z", "2019-04-18T15:16:29.928000Z", 21116.395 },
	{ "gpx/gpsbabel-globalsat_gh625XT.gpx", TENDO_OK, 174, 174, 174, 2, "2016-01-15T20:58:59Z", "2016-01-15T21:14:29Z", 2378.331 },
	{ "gpx/gpsbabel-segmented_tracks.gpx", TENDO_OK, 46, 4, 46, 10, "2007-07-27T05:24:05Z", "2007-07-27T05:35:00Z", 2929.833 },
	{ "gpx/gpxpy-around-visnjan-with-car.gpx", TENDO_OK, 104, 104, 104, 1, "2020-12-18T06:15:50Z", "2020-12-18T06:24:24Z", 2733.243 },
	{ "gpx/gpxpy-cerknicko-jezero.gpx", TENDO_OK, 296, 296, 296, 7, "2010-08-05T14:23:59Z", "2010-08-05T16:23:49Z", 4575.019 },
	{ "gpx/gpxpy-cerknicko-without-times.gpx", TENDO_OK, 296, 5, 296, 7, "2010-08-05T16:22:52Z", "2010-08-05T16:23:49Z", 4575.019 },
	{ "gpx/gpxpy-gpx1.1_with_all_fields.gpx", TENDO_OK, 1, 1, 1, 1, "2013-01-01T12:00:04Z", "2013-01-01T12:00:04Z", 0.0 },
	{ "gpx/gpxpy-gpx_with_garmin_extension.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/gpxpy-route.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/gpxpy-track-with-empty-segment.gpx", TENDO_OK, 9, 9, 9, 1, "2013-07-06T17:26:26Z", "2013-07-06T17:27:42Z", 85.853 },
	{ "gpx/gpxpy-unicode_with_bom.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/opentracks-gpx11_with_speed_no_namespace.gpx", TENDO_OK, 3, 3, 3, 1, "2021-09-07T22:10:19Z", "2021-09-07T22:12:00Z", 76.425 },
	{ "gpx/opentracks-gpx_timezone.gpx", TENDO_OK, 1, 1, 1, 1, "2021-01-07T20:36:59.179000Z", "2021-01-07T20:36:59.179000Z", 0.0 },
	{ "gpx/sportslib-1681613317.gpx", TENDO_OK, 1038, 1038, 1038, 1, "2017-03-19T16:49:30Z", "2017-03-19T17:22:08Z", 4589.183 },
	{ "gpx/sportslib-2067489619.gpx", TENDO_OK, 502, 502, 502, 1, "2017-10-08T14:54:11Z", "2017-10-08T15:41:09Z", 4395.244 },
	{ "gpx/sportslib-4108490848.gpx", TENDO_OK, 1817, 1817, 1817, 1, "2019-09-29T13:58:25Z", "2019-09-29T15:47:45Z", 49855.698 },
	{ "gpx/sportslib-6090674952.gpx", TENDO_OK, 355, 355, 355, 1, "2021-01-04T16:22:18Z", "2021-01-04T17:37:05Z", 2534.028 },
	{ "gpx/sportslib-6782987395.gpx", TENDO_OK, 4967, 4967, 4967, 1, "2019-06-15T09:42:23Z", "2019-06-15T11:05:32Z", 14152.791 },
	{ "gpx/sportslib-garmin.gpx", TENDO_OK, 217, 217, 217, 1, "2018-04-23T15:54:34Z", "2018-04-23T16:17:31Z", 3874.721 },
	{ "gpx/sportslib-movescount.gpx", TENDO_OK, 1592, 1592, 1592, 1, "2018-05-13T14:11:03Z", "2018-05-13T16:00:11Z", 12264.654 },
	{ "gpx/sportslib-sports-tracker.gpx", TENDO_OK, 7785, 7785, 7785, 1, "2018-05-13T14:10:59Z", "2018-05-13T16:00:41Z", 12285.984 },
	{ "gpx/togeojson-blue_hills.gpx", TENDO_OK, 1243, 1243, 1243, 14, "2001-06-24T15:09:09Z", "2001-05-26T20:44:11Z", 51897.188 },
	{ "gpx/togeojson-empty_trk.gpx", TENDO_EUNSUPPORTED, 0, 0, 0, 0, NULL, NULL, 0.0 },
	{ "gpx/togeojson-missing_hr.gpx", TENDO_OK, 16, 16, 16, 3, "2017-05-27T04:00:00Z", "2017-05-27T04:02:02Z", 61.784 },
	{ "gpx/togeojson-multitrackgpx.gpx", TENDO_OK, 5235, 5235, 5235, 3, "2008-07-12T09:58:23Z", "2008-07-14T12:46:02Z", 81531.107 },
	{ "gpx/togeojson-osm.gpx", TENDO_OK, 5000, 2395, 0, 3, "2007-05-11T15:22:06Z", "2009-09-13T09:54:03Z", 22794.751 },
	{ "gpx/togeojson-run.gpx", TENDO_OK, 206, 206, 206, 1, "2012-10-24T23:29:40Z", "2012-10-24T23:45:28Z", 3098.534 },
	{ "bad/sportslib-6048438275.gpx", TENDO_EFORMAT, 0, 0, 0, 0, NULL, NULL, 0.0 },
};

static void test_reference_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(local_refs) / sizeof(local_refs[0]); i++) {
		size_t len;
		uint8_t *b = load_data(local_refs[i].file, &len);
		check_ref(&local_refs[i], b, len);
		free(b);
	}
}

static void test_shared_corpus(void **state)
{
	(void)state;
	char dir[1024], path[1200];
	fx_tests_path(dir, sizeof(dir), "../../shared/data/activities");
	size_t seen = 0;
	for (size_t i = 0; i < sizeof(shared_refs) / sizeof(shared_refs[0]); i++) {
		size_t len;
		snprintf(path, sizeof(path), "%s/%s", dir, shared_refs[i].file);
		uint8_t *b = fx_read_file(path, &len);
		if (!b)
			continue;
		seen++;
		check_ref(&shared_refs[i], b, len);
		free(b);
	}
	if (!seen)
		skip(); /* ../shared is not beside this checkout */
}

/* The one not-well-formed GPX of the corpus (AGPL: read in place only). */
static void test_shared_bad_file(void **state)
{
	(void)state;
	char path[1200];
	fx_tests_path(path, sizeof(path), "../../shared/data/activities/bad/sportslib-6048438275.gpx");
	size_t len;
	uint8_t *b = fx_read_file(path, &len);
	if (!b)
		skip();
	tendo_activity a;
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), TENDO_EFORMAT);
	/* the peers: "unbound prefix: line 17, column 120" (expat counts columns from 0) */
	assert_non_null(strstr(tendo_error_last(), "line 17, column 121: unbound prefix"));
	assert_null(strchr(tendo_error_last(), '\n'));
	free(b);
}

/* Metadata the files say about themselves. */
static void test_file_metadata(void **state)
{
	(void)state;
	size_t len;
	tendo_activity a;
	uint8_t *b = load_data("gpx/gpxpy-cerknicko-jezero.gpx", &len);
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), 0);
	assert_string_equal(a.device, "GPSBabel - http://www.gpsbabel.org"); /* reference "creator" */
	assert_int_equal(a.n_sessions, 0);                                    /* no <type>: sport unknown */
	assert_string_equal(a.warning, "");
	tendo_activity_dispose(&a);
	free(b);

	/* TrackPointExtension hr on 9 of 16 points (9 <gpxtpx:hr> elements in the file) */
	b = load_data("gpx/togeojson-missing_hr.gpx", &len);
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), 0);
	size_t hr = 0;
	for (size_t i = 0; i < a.n_points; i++)
		hr += a.points[i].hr > 0;
	assert_int_equal(hr, 9);
	assert_string_equal(a.device, "Oregon 600");
	assert_string_equal(a.name, "missing hr");
	tendo_activity_dispose(&a);
	free(b);

	b = load_data("gpx/togeojson-run.gpx", &len);
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), 0);
	hr = 0;
	for (size_t i = 0; i < a.n_points; i++)
		hr += a.points[i].hr > 0;
	assert_int_equal(hr, 206); /* 206 <gpxtpx:hr> elements */
	assert_string_equal(a.device, "Garmin Connect");
	tendo_activity_dispose(&a);
	free(b);

	/* UTF-8 byte order mark; waypoint only */
	b = load_data("gpx/gpxpy-unicode_with_bom.gpx", &len);
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), TENDO_EUNSUPPORTED);
	assert_non_null(strstr(tendo_error_last(), "1 waypoints"));
	free(b);
	b = load_data("gpx/gpxpy-route.gpx", &len);
	assert_int_equal(tendo_gpx_read(&a, b, len, NULL), TENDO_EUNSUPPORTED);
	assert_non_null(strstr(tendo_error_last(), "1 routes with 55 points")); /* reference route_points 55 */
	free(b);
}

/* ---- inline documents --------------------------------------------------- */

#define NS_ATTRS                                                                \
	" xmlns=\"http://www.topografix.com/GPX/1/1\""                          \
	" xmlns:a=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"" \
	" xmlns:b=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\"" \
	" xmlns:gpxtpx=\"urn:example:not-garmin\""                              \
	" xmlns:x=\"http://www.garmin.com/xmlschemas/GpxExtensions/v3\""        \
	" xmlns:gd=\"http://www.cluetrust.com/XML/GPXDATA/1/0\""                \
	" xmlns:pw=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\""

static const char *ext_head =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<gpx version=\"1.1\" creator=\"unit test\"" NS_ATTRS ">\n"
	"<metadata><name>from metadata</name></metadata>\n"
	"<trk>";
static const char *ext_tail =
	"<trkseg>\n"
	" <trkpt lat=\"45.0\" lon=\"6.0\"><ele>100.5</ele><time>2024-03-01T10:00:00Z</time>\n"
	"  <extensions><a:TrackPointExtension><a:hr>140</a:hr><a:cad>85</a:cad></a:TrackPointExtension></extensions></trkpt>\n"
	" <trkpt lat=\"45.001\" lon=\"6.0\"><time>2024-03-01T10:00:05Z</time>\n"
	"  <extensions><b:TrackPointExtension><b:hr>141</b:hr><b:cad>86</b:cad><b:speed>3.5</b:speed></b:TrackPointExtension>"
	"<pw:PowerInWatts>250</pw:PowerInWatts></extensions></trkpt>\n"
	" <trkpt lat=\"45.002\" lon=\"6.0\"><time>2024-03-01T10:00:10Z</time>\n"
	"  <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>99</gpxtpx:hr><gpxtpx:cad>10</gpxtpx:cad>"
	"</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	" <trkpt lat=\"45.003\" lon=\"6.0\"><time>2024-03-01T10:00:15Z</time>\n"
	"  <extensions><gd:hr>150</gd:hr><gd:cadence>88</gd:cadence></extensions></trkpt>\n"
	"</trkseg><trkseg></trkseg><trkseg>\n"
	" <trkpt lat=\"45.004\" lon=\"6.0\"><time>2024-03-01T10:01:00Z</time>\n"
	"  <extensions><power>300</power><x:TrackPointExtension><x:hr>255</x:hr></x:TrackPointExtension></extensions></trkpt>\n"
	"</trkseg></trk></gpx>\n";

static void read_ext(tendo_activity *a, const char *trk_head)
{
	char doc[4096];
	snprintf(doc, sizeof(doc), "%s%s%s", ext_head, trk_head, ext_tail);
	int rc = read_str(a, doc, NULL);
	if (rc)
		fail_msg("%s", tendo_error_last());
	assert_int_equal(a->n_points, 5);
}

static void test_extensions(void **state)
{
	(void)state;
	tendo_activity a;
	read_ext(&a, "<name>Easy run</name><type>running</type>");
	const tendo_point *p = a.points;
	assert_string_equal(a.device, "unit test");
	assert_string_equal(a.name, "Easy run");
	assert_int_equal(a.n_sessions, 1);
	assert_string_equal(a.sessions[0].sport, "running");
	assert_true(p[0].seg_start && !p[1].seg_start && !p[2].seg_start && !p[3].seg_start && p[4].seg_start);
	assert_true(p[0].alt_m == 100.5 && isnan(p[1].alt_m));
	assert_int_equal(p[0].hr, 140);
	assert_true(p[0].cadence_spm == 170); /* one foot's 85 strides/min -> steps */
	assert_int_equal(p[1].hr, 141);
	assert_true(p[1].cadence_spm == 172);
	assert_true(p[1].speed_mps == 3.5 && p[1].power_w == 250);
	/* prefix "gpxtpx" bound to another namespace: not Garmin's, not read */
	assert_int_equal(p[2].hr, -1);
	assert_true(isnan(p[2].cadence_spm));
	assert_int_equal(p[3].hr, 150);
	assert_true(p[3].cadence_spm == 176);
	assert_int_equal(p[4].hr, -1); /* 255: no reading */
	assert_true(p[4].power_w == 300);
	tendo_activity_dispose(&a);

	/* cycling: cad is rpm, kept */
	read_ext(&a, "<type>road_biking</type>");
	assert_string_equal(a.sessions[0].sport, "cycling");
	assert_string_equal(a.name, "from metadata");
	assert_true(a.points[0].cadence_spm == 85);
	tendo_activity_dispose(&a);

	/* Strava's numeric type 9 is a run; trail running has a sub-sport */
	read_ext(&a, "<type>9</type>");
	assert_string_equal(a.sessions[0].sport, "running");
	tendo_activity_dispose(&a);
	read_ext(&a, "<type>trail_running</type>");
	assert_string_equal(a.sessions[0].sport, "running");
	assert_string_equal(a.sessions[0].sub_sport, "trail");
	assert_true(a.points[0].cadence_spm == 170);
	tendo_activity_dispose(&a);

	/* no type: sport unknown, no session; cadence taken as a runner's */
	read_ext(&a, "");
	assert_int_equal(a.n_sessions, 0);
	assert_true(a.points[0].cadence_spm == 170);
	tendo_activity_dispose(&a);
}

/* GPX 1.0 with <speed> in the point, and a document whose elements carry an
 * explicit "gpx:" prefix and no default namespace. */
static void test_versions_and_prefixes(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a,
	                          "<gpx version=\"1.0\" xmlns=\"http://www.topografix.com/GPX/1/0\"><name>old</name>"
	                          "<trk><trkseg><trkpt lat=\"-33.5\" lon=\"151.25\"><ele>3</ele><speed>2.5</speed>"
	                          "<time>2004-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>",
	                          NULL),
	                 0);
	assert_string_equal(a.name, "old");
	assert_true(a.points[0].lat == -33.5 && a.points[0].lon == 151.25 && a.points[0].speed_mps == 2.5);
	tendo_activity_dispose(&a);

	assert_int_equal(read_str(&a,
	                          "<q:gpx xmlns:q=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\"><q:trk><q:trkseg>"
	                          "<q:trkpt lat=\"1\" lon=\"2\"/><q:trkpt lat=\"1.5\" lon=\"2\"/></q:trkseg></q:trk></q:gpx>",
	                          NULL),
	                 0);
	assert_int_equal(a.n_points, 2);
	tendo_activity_dispose(&a);

	/* no namespace at all, as some exporters write it: accepted */
	assert_int_equal(read_str(&a, "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>", NULL), 0);
	assert_int_equal(a.n_points, 1);
	tendo_activity_dispose(&a);
}

/* Looks like GPX by its prefixes or names, is not GPX by namespace. */
static void test_namespace_not_prefix(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a,
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/2\"><trk><trkseg>"
	                          "<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "not a gpx document"));
	assert_null(a.points);
	assert_int_equal(read_str(&a,
	                          "<gpx:gpx xmlns:gpx=\"urn:example:gpx\"><gpx:trk><gpx:trkseg>"
	                          "<gpx:trkpt lat=\"1\" lon=\"2\"/></gpx:trkseg></gpx:trk></gpx:gpx>",
	                          NULL),
	                 TENDO_EFORMAT);
	/* a GPX root whose points are in another namespace: no track point */
	assert_int_equal(read_str(&a,
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:o=\"urn:other\"><trk><trkseg>"
	                          "<o:trkpt lat=\"1\" lon=\"2\"/></trkseg></trk><o:trk><trkseg><trkpt lat=\"1\" lon=\"2\"/>"
	                          "</trkseg></o:trk></gpx>",
	                          NULL),
	                 TENDO_EUNSUPPORTED);
	/* a TCX document is not GPX */
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"/>",
	                          NULL),
	                 TENDO_EFORMAT);
}

static void test_times(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int64_t offset_ms; /* from 2024-03-01T10:00:00Z; INT64_MIN = refused */
	} cases[] = {
		{ "2024-03-01T10:00:00Z", 0 },
		{ "2024-03-01T10:00:00.5Z", 500 },
		{ "2024-03-01T10:00:00.123456Z", 123 },
		{ " 2024-03-01T10:00:00,250Z\n", 250 },
		{ "2024-03-01T11:00:00+01:00", 0 },
		{ "2024-03-01T08:45:00-01:15", 0 },
		{ "2024-03-01T12:00:00+0200", 0 },
		{ "2024-03-01T11:00:00+01", 0 },
		{ "2024-03-01T10:00:00", 0 }, /* no zone: UTC */
		{ "2024-03-01T10:00:00.999+00:00", 999 },
		{ "2024-02-29T10:00:00Z", -86400000 },
		{ "2024-03-01T10:00:60Z", 60000 }, /* leap second */
		{ "2023-02-29T10:00:00Z", INT64_MIN },
		{ "2024-13-01T10:00:00Z", INT64_MIN },
		{ "2024-03-01T24:00:00Z", INT64_MIN },
		{ "2024-03-01T10:00Z", INT64_MIN },
		{ "2024-03-01T10:00:00.Z", INT64_MIN },
		{ "2024-03-01T10:00:00+1:00", INT64_MIN },
		{ "2024-03-01T10:00:00Zjunk", INT64_MIN },
		{ "1709287200", INT64_MIN },
		{ "", INT64_MIN },
	};
	const int64_t base = ((int64_t)tendo_date_from_ymd(2024, 3, 1) * 86400 + 10 * 3600) * 1000;
	size_t refused = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char doc[512];
		snprintf(doc, sizeof(doc),
		         "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\">"
		         "<time>%s</time></trkpt></trkseg></trk></gpx>",
		         cases[i].text);
		tendo_activity a;
		assert_int_equal(read_str(&a, doc, NULL), 0);
		if (cases[i].offset_ms == INT64_MIN) {
			if (a.points[0].t_ms != TENDO_TIME_NONE)
				fail_msg("'%s' was accepted", cases[i].text);
			assert_non_null(strstr(a.warning, "1 values could not be read"));
			refused++;
		} else if (a.points[0].t_ms != base + cases[i].offset_ms) {
			fail_msg("'%s': %lld ms off", cases[i].text, (long long)(a.points[0].t_ms - base - cases[i].offset_ms));
		}
		tendo_activity_dispose(&a);
	}
	assert_int_equal(refused, 9);
}

/* Impossible positions and values: the point or the value is dropped, and said so. */
static void test_bad_values(void **state)
{
	(void)state;
	tendo_activity a;
	char big[2000];
	memset(big, '1', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	char doc[8192];
	snprintf(doc, sizeof(doc),
	         "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
	         "<trkpt lat=\"91\" lon=\"2\"/><trkpt lat=\"-90.0001\" lon=\"2\"/><trkpt lat=\"1\" lon=\"180.5\"/>"
	         "<trkpt lat=\"nan\" lon=\"2\"/><trkpt lat=\"1\" lon=\"inf\"/><trkpt lat=\"1e400\" lon=\"2\"/>"
	         "<trkpt lat=\"1\"/><trkpt lat=\"0x10\" lon=\"2\"/><trkpt lat=\"1,5\" lon=\"2\"/>"
	         "<trkpt lat=\" 89.5 \" lon=\"-179.5\"><ele>%s</ele><time>%s</time></trkpt>"
	         "<trkpt lat=\"90\" lon=\"-180\"><ele>1e3</ele></trkpt>"
	         "</trkseg></trk></gpx>",
	         big, big);
	assert_int_equal(read_str(&a, doc, NULL), 0);
	assert_int_equal(a.n_points, 2);
	assert_true(a.points[0].lat == 89.5 && a.points[0].lon == -179.5);
	assert_true(isnan(a.points[0].alt_m)); /* 2000 digits: over the text bound, ignored */
	assert_int_equal(a.points[0].t_ms, TENDO_TIME_NONE);
	assert_true(a.points[0].seg_start); /* the first point kept starts the segment */
	assert_true(a.points[1].alt_m == 1000);
	assert_non_null(strstr(a.warning, "9 track points without a valid position dropped"));
	assert_non_null(strstr(a.warning, "2 values could not be read"));
	tendo_activity_dispose(&a);

	/* nothing sound at all */
	assert_int_equal(read_str(&a,
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg><trkpt lat=\"100\" lon=\"0\"/>"
	                          "</trkseg></trk></gpx>",
	                          NULL),
	                 TENDO_EUNSUPPORTED);
	assert_non_null(strstr(tendo_error_last(), "without a valid position"));
}

/* ---- hostile input ------------------------------------------------------ */

static const char *laughs =
	"<?xml version=\"1.0\"?>\n"
	"<!DOCTYPE gpx [\n"
	" <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	" <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	" <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	" <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	" <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	" <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	" <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	" <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	" <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	"]>\n"
	"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&i;</name><trkseg>"
	"<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>\n";

static void test_entities_refused(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a, laughs, NULL), TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "entity declaration 'a' refused"));
	assert_non_null(strstr(tendo_error_last(), "line 3"));

	assert_int_equal(read_str(&a,
	                          "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&xxe;</name><trkseg>"
	                          "<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "entity declaration 'xxe' refused"));
	assert_int_equal(read_str(&a,
	                          "<!DOCTYPE gpx [ <!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p; ]>"
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>",
	                          NULL),
	                 TENDO_EFORMAT);
	/* an undeclared entity is not well-formed */
	assert_int_equal(read_str(&a,
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&nope;</name></trk></gpx>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "undefined entity"));

	/* an external DTD is never fetched; a DOCTYPE without entities is harmless */
	assert_int_equal(read_str(&a,
	                          "<!DOCTYPE gpx SYSTEM \"http://example.invalid/gpx.dtd\">"
	                          "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
	                          "<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
	                          NULL),
	                 0);
	assert_int_equal(a.n_points, 1);
	tendo_activity_dispose(&a);
}

/* n nested elements inside the point's extensions; the caller frees. */
static char *nested_doc(size_t n)
{
	static const char *head = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\">"
	                          "<extensions>";
	static const char *tail = "</extensions></trkpt></trkseg></trk></gpx>";
	char *d = malloc(strlen(head) + strlen(tail) + n * 7 + 1);
	assert_non_null(d);
	char *q = d + sprintf(d, "%s", head);
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "<e>");
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "</e>");
	sprintf(q, "%s", tail);
	return d;
}

static void test_depth_limit(void **state)
{
	(void)state;
	tendo_activity a;
	/* gpx trk trkseg trkpt extensions = 5 levels */
	char *d = nested_doc(59);
	assert_int_equal(read_str(&a, d, NULL), 0); /* 64 levels: the default limit */
	tendo_activity_dispose(&a);
	free(d);
	d = nested_doc(60);
	assert_int_equal(read_str(&a, d, NULL), TENDO_ELIMIT);
	assert_non_null(strstr(tendo_error_last(), "nested deeper than 64"));
	tendo_read_limits lim = { .max_depth = 100 };
	assert_int_equal(read_str(&a, d, &lim), 0);
	tendo_activity_dispose(&a);
	free(d);
	d = nested_doc(200000); /* a nesting bomb */
	assert_int_equal(read_str(&a, d, NULL), TENDO_ELIMIT);
	free(d);
}

static void test_limits(void **state)
{
	(void)state;
	size_t len;
	uint8_t *b = load_data("gpx/togeojson-missing_hr.gpx", &len);
	tendo_activity a;
	tendo_read_limits lim = { .max_points = 10 };
	assert_int_equal(tendo_gpx_read(&a, b, len, &lim), TENDO_ELIMIT);
	assert_null(a.points);
	lim = (tendo_read_limits){ .max_points = 16 };
	assert_int_equal(tendo_gpx_read(&a, b, len, &lim), 0);
	tendo_activity_dispose(&a);
	lim = (tendo_read_limits){ .max_bytes = len - 1 };
	assert_int_equal(tendo_gpx_read(&a, b, len, &lim), TENDO_ELIMIT);
	free(b);

	/* empty, binary, not XML */
	assert_int_equal(tendo_gpx_read(&a, (const uint8_t *)"", 0, NULL), TENDO_EFORMAT);
	assert_int_equal(tendo_gpx_read(&a, NULL, 0, NULL), TENDO_EFORMAT);
	assert_int_equal(tendo_gpx_read(&a, (const uint8_t *)"\0\1\2\3\xff\xfe", 6, NULL), TENDO_EFORMAT);
	assert_int_equal(read_str(&a, "   \n\t ", NULL), TENDO_EFORMAT);
	assert_int_equal(read_str(&a, "lat,lon\n1,2\n", NULL), TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "line 1, column 1: syntax error"));
}

/* Every prefix of a small file: an error or the points before the cut. */
static void test_every_truncation(void **state)
{
	(void)state;
	size_t len;
	uint8_t *b = load_data("gpx/togeojson-missing_hr.gpx", &len);
	size_t partial = 0;
	for (size_t n = 0; n < len; n++) {
		tendo_activity a;
		int rc = tendo_gpx_read(&a, b, n, NULL);
		/* the points whose end tag is inside the prefix */
		size_t closed = count_in(b, n, "</trkpt>");
		if (closed == 0) {
			if (rc != TENDO_EFORMAT)
				fail_msg("prefix %zu: %s", n, tendo_error_name(rc));
			assert_null(a.points);
			continue;
		}
		if (rc != 0 || a.n_points != closed)
			fail_msg("prefix %zu: %s, %zu points, %zu closed", n, tendo_error_name(rc), a.n_points, closed);
		if (!count_in(b, n, "</gpx>")) {
			assert_non_null(strstr(a.warning, "kept the"));
			assert_non_null(strstr(a.warning, "line "));
			partial++;
		}
		tendo_activity_dispose(&a);
	}
	assert_true(partial > 3000);
	free(b);
}

/* Flip bytes all over the file: whatever happens, no crash, no leak. */
static void test_corruption(void **state)
{
	(void)state;
	size_t len;
	uint8_t *b = load_data("gpx/togeojson-missing_hr.gpx", &len);
	uint8_t *c = malloc(len);
	assert_non_null(c);
	static const uint8_t junk[] = { '<', '>', '&', '"', '\0', 0xff, 0xc3, ':', '/' };
	for (size_t i = 0; i < len; i += 3) {
		memcpy(c, b, len);
		c[i] = junk[i % sizeof(junk)];
		tendo_activity a;
		int rc = tendo_gpx_read(&a, c, len, NULL);
		assert_true(rc == 0 || rc == TENDO_EFORMAT || rc == TENDO_EUNSUPPORTED);
		if (rc == 0) {
			assert_true(a.n_points > 0 && a.n_points <= 16);
			tendo_activity_dispose(&a);
		}
	}
	free(c);
	free(b);
}

static void test_alloc_sweep(void **state)
{
	(void)state;
	size_t len;
	uint8_t *b = load_data("gpx/togeojson-missing_hr.gpx", &len);
	int failures = 0;
	for (long n = 1; n < 10000; n++) {
		tendo_activity a;
		tendo_alloc_fail_at(n);
		int rc = tendo_gpx_read(&a, b, len, NULL);
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		if (rc == 0) {
			assert_int_equal(a.n_points, 16);
			tendo_activity_dispose(&a);
			if (made < n)
				break; /* the nth allocation never happened: all swept */
			continue;
		}
		if (rc != TENDO_ENOMEM)
			fail_msg("allocation %ld: %s (%s)", n, tendo_error_name(rc), tendo_error_last());
		assert_null(a.points);
		assert_int_equal(a.n_points, 0);
		failures++;
	}
	assert_true(failures > 3);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_files),
		cmocka_unit_test(test_shared_corpus),
		cmocka_unit_test(test_shared_bad_file),
		cmocka_unit_test(test_file_metadata),
		cmocka_unit_test(test_extensions),
		cmocka_unit_test(test_versions_and_prefixes),
		cmocka_unit_test(test_namespace_not_prefix),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_entities_refused),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_corruption),
		cmocka_unit_test(test_alloc_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
