/*
 * test_tcx.c - the TCX reader (tendo/tcx.h).
 *
 * Expected numbers come from the peers (reference-tcx.json in
 * ../shared/data/activities: an xml.etree script, haversine within each
 * <Track>, R = 6371008.8 m), never from our own output. The BSD-licensed
 * files are in tests/data/tcx (see tests/data/SOURCES.md); the rest of the
 * shared corpus is checked too when ../shared is there. Inline documents
 * cover the activity extension, cadence units, multisport, courses,
 * leading whitespace, namespaces, hostile input, every truncation of a
 * small document, and an allocation-failure sweep.
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
#include <tendo/tcx.h>

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

/* Distance between the points with a position, within each <Track>. */
static double track_length(const tendo_activity *a)
{
	double d = 0;
	const tendo_point *prev = NULL;
	for (size_t i = 0; i < a->n_points; i++) {
		const tendo_point *p = &a->points[i];
		if (p->seg_start)
			prev = NULL;
		if (isnan(p->lat))
			continue;
		if (prev)
			d += haversine(prev->lat, prev->lon, p->lat, p->lon);
		prev = p;
	}
	return d;
}

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
	return tendo_tcx_read(a, (const uint8_t *)doc, strlen(doc), lim);
}

/* ---- the peers' numbers ----------------------------------------------- */

typedef struct {
	const char *file;        /* relative to the data folder */
	int rc;                  /* expected return */
	const char *sport;       /* Activity@Sport as written */
	const char *id;          /* <Id> */
	const char *creator;     /* Creator/Name, NULL */
	int laps;                /* <Lap> elements */
	double lap_time_s;       /* sum of TotalTimeSeconds */
	double lap_dist_m;       /* sum of DistanceMeters */
	double lap_avg_hr;       /* time-weighted lap AverageHeartRateBpm, NAN */
	size_t points, with_pos, with_hr, with_alt, with_dist; /* trackpoints */
	const char *first, *last;  /* first and last trackpoint time */
	double haversine_m;      /* within each <Track> */
	int leading_ws;          /* whitespace bytes before "<?xml" */
} tcx_ref;

static void check_ref(const tcx_ref *r, const uint8_t *data, size_t len)
{
	tendo_activity a;
	int rc = tendo_tcx_read(&a, data, len, NULL);
	if (rc != r->rc)
		fail_msg("%s: got %s (%s), expected %s", r->file, tendo_error_name(rc), tendo_error_last(),
		         tendo_error_name(r->rc));
	if (rc) {
		assert_null(a.points);
		assert_null(a.sessions);
		return;
	}
	assert_string_equal(a.format, "tcx");
	assert_int_equal(a.n_sessions, 1);
	const tendo_session *s = &a.sessions[0];
	char sport[32];
	size_t i;
	for (i = 0; r->sport[i] && i < sizeof(sport) - 1; i++)
		sport[i] = (char)(r->sport[i] >= 'A' && r->sport[i] <= 'Z' ? r->sport[i] - 'A' + 'a' : r->sport[i]);
	sport[i] = '\0';
	assert_string_equal(s->sport, strcmp(sport, "biking") == 0 ? "cycling" : sport);
	assert_int_equal(s->start_ms, fx_iso_ms(r->id));
	assert_string_equal(a.device, r->creator ? r->creator : "");
	assert_int_equal(s->laps, r->laps);
	assert_int_equal(a.n_laps, (size_t)r->laps);
	if (fabs(s->timer_s - r->lap_time_s) > 0.001 || fabs(s->distance_m - r->lap_dist_m) > 0.001) /* 3 decimals */
		fail_msg("%s: laps %.3f s %.3f m, reference %.3f s %.3f m", r->file, s->timer_s, s->distance_m,
		         r->lap_time_s, r->lap_dist_m);
	if (isnan(r->lap_avg_hr) ? !isnan(s->avg_hr) : !(fabs(s->avg_hr - r->lap_avg_hr) <= 0.0051))
		fail_msg("%s: lap average hr %.3f, reference %.2f", r->file, s->avg_hr, r->lap_avg_hr);

	size_t pos = 0, hr = 0, alt = 0, dist = 0;
	int64_t first = TENDO_TIME_NONE, last = TENDO_TIME_NONE;
	for (i = 0; i < a.n_points; i++) {
		const tendo_point *p = &a.points[i];
		pos += !isnan(p->lat);
		hr += p->hr >= 0;
		alt += !isnan(p->alt_m);
		dist += !isnan(p->dist_m);
		if (p->t_ms != TENDO_TIME_NONE) {
			if (first == TENDO_TIME_NONE)
				first = p->t_ms;
			last = p->t_ms;
		}
	}
	if (a.n_points != r->points || pos != r->with_pos || hr != r->with_hr || alt != r->with_alt ||
	    dist != r->with_dist)
		fail_msg("%s: points %zu/%zu, with position %zu/%zu, hr %zu/%zu, altitude %zu/%zu, distance %zu/%zu",
		         r->file, a.n_points, r->points, pos, r->with_pos, hr, r->with_hr, alt, r->with_alt, dist,
		         r->with_dist);
	assert_int_equal(first, fx_iso_ms(r->first));
	assert_int_equal(last, fx_iso_ms(r->last));
	double d = track_length(&a);
	if (r->haversine_m > 0 ? fabs(d - r->haversine_m) > 0.005 * r->haversine_m : d > 0.5)
		fail_msg("%s: distance %.3f m, reference %.3f m", r->file, d, r->haversine_m);
	tendo_activity_dispose(&a);
}

/* The files in tests/data/tcx (BSD-2-Clause source). */
static const tcx_ref local_refs[] = {
	{ "tcx/tcxparser-sup_activity_1.tcx", TENDO_OK, "Other", "2022-07-16T16:08:25.000Z", "vívoactive HR", 2, 1112.335, 1157.51, 87.87, 111, 111, 111, 0, 111, "2022-07-16T16:08:25Z", "2022-07-16T16:26:57Z", 1122.448, 0 },
	{ "tcx/tcxparser-test.tcx", TENDO_OK, "Running", "2012-12-26T21:29:53Z", "Forerunner 410 Software Version 2.20", 3, 1992.78, 4689.243, 160.24, 384, 383, 383, 383, 383, "2012-12-26T21:29:53Z", "2012-12-26T22:03:05Z", 4668.206, 0 },
};

/* The whole shared corpus (reference-tcx.json), read in place when ../shared is there. */
static const tcx_ref shared_refs[] = {
	{ "tcx/gc-2009_01_09_11_13_14.tcx", TENDO_OK, "Biking", "2009-01-09T19:13:14Z", "EDGE705", 1, 7687.12, 238.742, NAN, 1439, 61, 0, 1391, 1391, "2009-01-09T19:13:13Z", "2009-01-09T21:22:40Z", 383.434, 0 },
	{ "tcx/gc-2020-02-05_17-25-14_Training-with-Notes.tcx", TENDO_OK, "Biking", "2020-02-05T16:25:14.909Z", "Polar Vantage V", 3, 6862.0, 0.0, 149.79, 6862, 0, 6862, 0, 0, "2020-02-05T16:25:15.909000Z", "2020-02-05T18:21:08.775000Z", 0.0, 0 },
	{ "tcx/gc-GarminHRMswim.tcx", TENDO_OK, "Other", "2015-11-23T19:11:49.000Z", "fenix 3", 11, 2629.118, 1350.0, 127.8, 2630, 0, 2630, 0, 33, "2015-11-23T19:11:50Z", "2015-11-23T19:55:39Z", 0.0, 0 },
	{ "tcx/gc-activity_769724425.tcx", TENDO_OK, "Biking", "2015-05-09T14:11:44.000Z", "Garmin Forerunner 310XT", 5, 485.0, 4677.87, 161.2, 490, 0, 490, 0, 490, "2015-05-09T14:11:44Z", "2015-05-09T14:19:49Z", 0.0, 0 },
	{ "tcx/gc-activity_790564009.tcx", TENDO_OK, "Biking", "2015-05-31T14:31:21.000Z", "Garmin Edge 1000", 1, 71.0, 390.53, 82.0, 72, 72, 64, 72, 72, "2015-05-31T14:31:21Z", "2015-05-31T14:32:32Z", 392.531, 0 },
	{ "tcx/gc-argmac_Garmin_FR910XT_2015_01_31_10_17_02.tcx", TENDO_OK, "Other", "2015-01-31T09:17:02.000Z", "Garmin Forerunner 910XT", 8, 2299.011, 2000.0, NAN, 85, 0, 0, 0, 85, "2015-01-31T09:17:02Z", "2015-01-31T09:54:36Z", 0.0, 0 },
	/* the reference counts the Forerunner 110's HeartRateBpm 255 (FIT's "invalid") as a reading
	 * (943 points, lap average 255): tendo stores 255 as no heart rate, so 0 and NAN here */
	{ "tcx/gpsbabel-gtrnctr-lap_s.tcx", TENDO_OK, "Running", "2013-09-06T14:27:17Z", "Garmin Forerunner 110", 14, 3922.99, 10746.51, NAN, 943, 928, 0, 943, 943, "2013-09-06T14:27:17Z", "2013-09-06T15:32:39Z", 10696.472, 0 },
	{ "tcx/gpsbabel-gtrnctr-readcp.tcx", TENDO_EUNSUPPORTED, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 },
	{ "tcx/gpsbabel-history.tcx", TENDO_OK, "Biking", "2008-08-21T13:08:52Z", "EDGE305", 1, 6552.33, 56818.258, 131.0, 1205, 1202, 1202, 1202, 1202, "2008-08-21T13:08:52Z", "2008-08-21T14:58:07Z", 56762.209, 0 },
	{ "tcx/gpsbabel-kona2013.tcx", TENDO_OK, "Biking", "2013-10-12T18:17:26.000Z", "Garmin Edge 500", 1, 18930.35, 180219.88, 150.0, 5, 5, 5, 5, 5, "2013-10-12T18:17:26Z", "2013-10-12T18:17:30Z", 15.438, 0 },
	{ "tcx/sportslib-1604524853.tcx", TENDO_OK, "Running", "2016-09-11T15:57:36Z", NULL, 1, 4070.0, 6106.6, 157.0, 1495, 1495, 1495, 1495, 1495, "2016-09-11T15:57:36Z", "2016-09-11T17:05:26Z", 6065.951, 0 },
	{ "tcx/sportslib-6281425038.tcx", TENDO_OK, "Running", "2016-09-12T11:19:55.000Z", "Polar V800", 5, 1545.0, 4156.7, 129.78, 1545, 1545, 1545, 1545, 1545, "2016-09-12T11:19:56Z", "2016-09-12T11:55:58.051000Z", 4134.435, 10 },
	{ "tcx/sportslib-6860622783.tcx", TENDO_OK, "Running", "2020-02-02T11:19:00.000Z", "Forerunner 945", 1, 3097.789, 10630.37, 145.0, 3101, 0, 3101, 0, 3101, "2020-02-02T11:19:33Z", "2020-02-02T12:22:16Z", 0.0, 0 },
	{ "tcx/sportslib-6860712481.tcx", TENDO_OK, "Other", "2019-07-21T13:14:00.000Z", "Forerunner 945", 28, 2847.026, 2000.0, 127.32, 2875, 0, 2875, 0, 0, "2019-07-21T13:15:00Z", "2019-07-21T14:02:27Z", 0.0, 0 },
	{ "tcx/sportslib-movescount.tcx", TENDO_OK, "Running", "2018-02-23T16:55:43Z", NULL, 2, 625.0, 1999.04, 137.0, 903, 903, 903, 903, 903, "2018-02-23T16:55:43Z", "2018-02-23T17:10:50Z", 2905.106, 0 },
	{ "tcx/sportslib-polar.tcx", TENDO_OK, "Running", "2018-01-21T10:10:58.000Z", "Polar V800", 2, 6314.0, 10821.0, 157.05, 6313, 6313, 6313, 6313, 6148, "2018-01-21T10:10:59Z", "2018-01-21T12:06:57.072000Z", 10921.614, 0 },
	{ "tcx/sportslib-unknown_example.tcx", TENDO_OK, "Running", "2017-05-09T18:11:26Z", "Suunto Spartan Ultra", 32, 1916.167, 5729.0, NAN, 752, 752, 752, 752, 0, "2017-05-09T18:14:32Z", "2017-05-09T18:43:22Z", 4857.988, 0 },
	{ "tcx/tcxparser-sup_activity_1.tcx", TENDO_OK, "Other", "2022-07-16T16:08:25.000Z", "vívoactive HR", 2, 1112.335, 1157.51, 87.87, 111, 111, 111, 0, 111, "2022-07-16T16:08:25Z", "2022-07-16T16:26:57Z", 1122.448, 0 },
	{ "tcx/tcxparser-test.tcx", TENDO_OK, "Running", "2012-12-26T21:29:53Z", "Forerunner 410 Software Version 2.20", 3, 1992.78, 4689.243, 160.24, 384, 383, 383, 383, 383, "2012-12-26T21:29:53Z", "2012-12-26T22:03:05Z", 4668.206, 0 },
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
		if (shared_refs[i].leading_ws) /* the reference stripped it; so do we */
			assert_true(b[0] == ' ' && b[shared_refs[i].leading_ws] == '<');
		check_ref(&shared_refs[i], b, len);
		free(b);
	}
	if (!seen)
		skip(); /* ../shared is not beside this checkout */
}

static void test_file_details(void **state)
{
	(void)state;
	size_t len;
	tendo_activity a;
	uint8_t *b = load_data("tcx/tcxparser-sup_activity_1.tcx", &len);
	assert_int_equal(tendo_tcx_read(&a, b, len, NULL), 0);
	/* every trackpoint has an ActivityExtension TPX Speed (111 <ns3:Speed> in the file) */
	size_t speed = 0;
	for (size_t i = 0; i < a.n_points; i++)
		speed += !isnan(a.points[i].speed_mps);
	assert_int_equal(speed, 111);
	assert_true(a.points[0].speed_mps == 0.2680000066757202);
	assert_true(a.points[0].seg_start);
	assert_string_equal(a.warning, "");
	tendo_activity_dispose(&a);
	free(b);
}

/* ---- inline documents --------------------------------------------------- */

#define TCX_NS "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
#define AX_NS "http://www.garmin.com/xmlschemas/ActivityExtension/v2"

/* A run of two laps, three tracks; "%s" is the sport. */
static const char *run_head =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<TrainingCenterDatabase xmlns=\"" TCX_NS "\" xmlns:ns3=\"" AX_NS "\" xmlns:ext=\"urn:example:not-garmin\">\n"
	" <Activities>\n"
	"  <Activity Sport=\"";
static const char *run_tail =
	"\">\n"
	"   <Id>2024-03-01T10:00:00.000Z</Id>\n"
	"   <Lap StartTime=\"2024-03-01T10:00:00.000Z\">\n"
	"    <TotalTimeSeconds>60.5</TotalTimeSeconds><DistanceMeters>200</DistanceMeters>\n"
	"    <AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm><Cadence>99</Cadence>\n"
	"    <Track>\n"
	"     <Trackpoint><Time>2024-03-01T10:00:00Z</Time><Position><LatitudeDegrees>45</LatitudeDegrees>"
	"<LongitudeDegrees>6</LongitudeDegrees></Position><AltitudeMeters>100</AltitudeMeters>"
	"<DistanceMeters>0</DistanceMeters><HeartRateBpm><Value>135</Value></HeartRateBpm>"
	"<Extensions><ns3:TPX><ns3:Speed>3.2</ns3:Speed><ns3:RunCadence>84</ns3:RunCadence><ns3:Watts>310</ns3:Watts>"
	"</ns3:TPX></Extensions></Trackpoint>\n"
	"     <Trackpoint><Time>2024-03-01T10:00:30Z</Time><Cadence>80</Cadence><Extensions><ext:TPX>"
	"<ext:RunCadence>1</ext:RunCadence><ext:Speed>99</ext:Speed></ext:TPX></Extensions></Trackpoint>\n"
	"    </Track>\n"
	"    <Track><Trackpoint><Time>2024-03-01T10:01:00Z</Time><HeartRateBpm><Value>255</Value></HeartRateBpm>"
	"</Trackpoint></Track>\n"
	"   </Lap>\n"
	"   <Lap StartTime=\"2024-03-01T10:01:00.500Z\">\n"
	"    <TotalTimeSeconds>39.5</TotalTimeSeconds><DistanceMeters>150.25</DistanceMeters>\n"
	"    <AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm><Track/>\n"
	"   </Lap>\n"
	"   <Creator xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Device_t\">"
	"<Name>Forerunner 945</Name><UnitId>1</UnitId></Creator>\n"
	"  </Activity>\n"
	" </Activities>\n"
	" <Author><Name>Connect Api</Name></Author>\n"
	"</TrainingCenterDatabase>\n";

static void run_doc(char *buf, size_t n, const char *sport)
{
	snprintf(buf, n, "%s%s%s", run_head, sport, run_tail);
}

static const int64_t t0 = 1709287200000; /* 2024-03-01T10:00:00Z */

static void test_activity_extension(void **state)
{
	(void)state;
	char doc[4096];
	tendo_activity a;
	run_doc(doc, sizeof(doc), "Running");
	assert_int_equal(read_str(&a, doc, NULL), 0);
	assert_int_equal(t0, fx_iso_ms("2024-03-01T10:00:00Z"));
	assert_string_equal(a.device, "Forerunner 945"); /* not the Author */
	assert_int_equal(a.n_sessions, 1);
	const tendo_session *s = &a.sessions[0];
	assert_string_equal(s->sport, "running");
	assert_int_equal(s->start_ms, t0);
	assert_true(s->timer_s == 100 && s->distance_m == 350.25);
	assert_true(fabs(s->avg_hr - (140 * 60.5 + 150 * 39.5) / 100) < 1e-9);
	assert_int_equal(s->laps, 2);
	assert_int_equal(a.n_laps, 2);
	assert_int_equal(a.n_points, 3);
	const tendo_point *p = a.points;
	assert_true(p[0].seg_start && !p[1].seg_start && p[2].seg_start);
	assert_true(p[0].lat == 45 && p[0].lon == 6 && p[0].alt_m == 100 && p[0].dist_m == 0);
	assert_int_equal(p[0].hr, 135);
	assert_true(p[0].speed_mps == 3.2 && p[0].power_w == 310);
	assert_true(p[0].cadence_spm == 168); /* RunCadence 84 strides of one foot */
	assert_int_equal(p[1].t_ms, t0 + 30000);
	assert_true(isnan(p[1].lat) && isnan(p[1].speed_mps)); /* ext: is not Garmin's namespace */
	assert_true(p[1].cadence_spm == 160); /* core Cadence in a run: one foot's, doubled */
	assert_int_equal(p[2].hr, -1);        /* 255: no reading */
	tendo_activity_dispose(&a);

	run_doc(doc, sizeof(doc), "Biking");
	assert_int_equal(read_str(&a, doc, NULL), 0);
	assert_string_equal(a.sessions[0].sport, "cycling");
	assert_true(a.points[0].cadence_spm == 168); /* RunCadence is always a runner's */
	assert_true(a.points[1].cadence_spm == 80);  /* rpm */
	tendo_activity_dispose(&a);
}

static void test_multisport_and_courses(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Activities><MultiSportSession>"
	                          "<Id>2024-03-01T10:00:00Z</Id>"
	                          "<FirstSport><Activity Sport=\"Biking\"><Id>2024-03-01T10:00:00Z</Id><Lap StartTime=\"x\">"
	                          "<TotalTimeSeconds>10</TotalTimeSeconds><Track><Trackpoint><Time>2024-03-01T10:00:00Z</Time>"
	                          "</Trackpoint></Track></Lap></Activity></FirstSport>"
	                          "<NextSport><Transition><TotalTimeSeconds>5</TotalTimeSeconds></Transition>"
	                          "<Activity Sport=\"Running\"><Id>bad id</Id><Lap StartTime=\"2024-03-01T10:00:15Z\">"
	                          "<TotalTimeSeconds>20</TotalTimeSeconds><Track><Trackpoint><Time>2024-03-01T10:00:15Z</Time>"
	                          "</Trackpoint></Track></Lap></Activity></NextSport>"
	                          "</MultiSportSession></Activities>"
	                          "<Courses><Course><Name>Loop</Name><Track><Trackpoint><Time>2024-03-01T09:00:00Z</Time>"
	                          "</Trackpoint></Track></Course></Courses></TrainingCenterDatabase>",
	                          NULL),
	                 0);
	assert_int_equal(a.n_sessions, 2);
	assert_string_equal(a.sessions[0].sport, "cycling");
	assert_string_equal(a.sessions[1].sport, "running");
	assert_int_equal(a.sessions[1].start_ms, t0 + 15000); /* <Id> unreadable: the first lap's start */
	assert_true(a.sessions[0].timer_s == 10 && a.sessions[1].timer_s == 20);
	assert_int_equal(a.n_laps, 2);
	assert_int_equal(a.n_points, 2); /* the course's point is not the activity's */
	assert_true(a.points[0].seg_start && a.points[1].seg_start);
	tendo_activity_dispose(&a);

	/* a course alone is not an activity */
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Courses><Course><Name>Loop</Name>"
	                          "<Lap><TotalTimeSeconds>300</TotalTimeSeconds></Lap><Track><Trackpoint>"
	                          "<Time>2024-03-01T09:00:00Z</Time><Position><LatitudeDegrees>1</LatitudeDegrees>"
	                          "<LongitudeDegrees>2</LongitudeDegrees></Position></Trackpoint></Track>"
	                          "<CoursePoint><Name>Turn</Name></CoursePoint></Course></Courses></TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EUNSUPPORTED);
	assert_non_null(strstr(tendo_error_last(), "no activity (1 courses)"));
	assert_null(a.points);
	assert_int_equal(read_str(&a, "<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Activities/></TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EUNSUPPORTED);
	/* an activity without a point is still an activity (laps only) */
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Activities><Activity Sport=\"Running\">"
	                          "<Id>2024-03-01T10:00:00Z</Id><Lap><TotalTimeSeconds>1800</TotalTimeSeconds>"
	                          "<DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>",
	                          NULL),
	                 0);
	assert_int_equal(a.n_points, 0);
	assert_true(a.sessions[0].timer_s == 1800 && a.sessions[0].distance_m == 5000);
	tendo_activity_dispose(&a);
}

/* Polar V800 writes whitespace before the XML declaration. */
static void test_leading_whitespace(void **state)
{
	(void)state;
	char doc[4096];
	tendo_activity a;
	run_doc(doc + 12, sizeof(doc) - 12, "Running");
	memcpy(doc, "\n\n        \r\n", 12);
	assert_int_equal(read_str(&a, doc, NULL), 0);
	assert_int_equal(a.n_points, 3);
	tendo_activity_dispose(&a);
	/* after a byte order mark too */
	memcpy(doc + 5, "\xEF\xBB\xBF", 3);
	assert_int_equal(read_str(&a, doc + 5, NULL), 0);
	tendo_activity_dispose(&a);
	/* line numbers still count the stripped lines */
	assert_int_equal(read_str(&a, "\n\n  <?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"" TCX_NS "\">\n<a></b>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "tcx: line 5, column 6: mismatched tag")); /* at the "b" of </b> */
}

static void test_namespace_not_prefix(void **state)
{
	(void)state;
	tendo_activity a;
	/* the right names in no namespace, or in a look-alike one */
	assert_int_equal(read_str(&a, "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"/></Activities>"
	                              "</TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "not a tcx document"));
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v1\">"
	                          "<Activities><Activity Sport=\"Running\"/></Activities></TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EFORMAT);
	/* an Activity in another namespace inside a real TCX: not read */
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"" TCX_NS "\" xmlns:o=\"urn:other\"><Activities>"
	                          "<o:Activity Sport=\"Running\"><Lap/></o:Activity></Activities></TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EUNSUPPORTED);
	/* any prefix bound to the TCX namespace is TCX */
	assert_int_equal(read_str(&a,
	                          "<t:TrainingCenterDatabase xmlns:t=\"" TCX_NS "\"><t:Activities><t:Activity Sport=\"Running\">"
	                          "<t:Lap><t:Track><t:Trackpoint><t:HeartRateBpm><t:Value>150</t:Value></t:HeartRateBpm>"
	                          "</t:Trackpoint></t:Track></t:Lap></t:Activity></t:Activities></t:TrainingCenterDatabase>",
	                          NULL),
	                 0);
	assert_int_equal(a.points[0].hr, 150);
	tendo_activity_dispose(&a);
	/* a GPX document is not TCX */
	assert_int_equal(read_str(&a, "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>", NULL), TENDO_EFORMAT);
}

static void test_bad_values(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a,
	                          "<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Activities><Activity Sport=\"Running\">"
	                          "<Lap><Track>"
	                          "<Trackpoint><Position><LatitudeDegrees>95</LatitudeDegrees><LongitudeDegrees>6"
	                          "</LongitudeDegrees></Position><AltitudeMeters>NaN</AltitudeMeters></Trackpoint>"
	                          "<Trackpoint><Position><LatitudeDegrees>45</LatitudeDegrees></Position>"
	                          "<Time>yesterday</Time><HeartRateBpm><Value>-3</Value></HeartRateBpm></Trackpoint>"
	                          "<Trackpoint><Position><LatitudeDegrees> 45.5 </LatitudeDegrees><LongitudeDegrees>-6e0"
	                          "</LongitudeDegrees></Position><DistanceMeters>-1</DistanceMeters></Trackpoint>"
	                          "</Track></Lap></Activity></Activities></TrainingCenterDatabase>",
	                          NULL),
	                 0);
	assert_int_equal(a.n_points, 3); /* every trackpoint is kept, position or not */
	assert_true(isnan(a.points[0].lat) && isnan(a.points[1].lat));
	assert_true(a.points[2].lat == 45.5 && a.points[2].lon == -6);
	assert_true(isnan(a.points[0].alt_m) && isnan(a.points[2].dist_m));
	assert_int_equal(a.points[1].hr, -1);
	assert_int_equal(a.points[1].t_ms, TENDO_TIME_NONE);
	assert_non_null(strstr(a.warning, "4 values could not be read (first at line 1)"));
	tendo_activity_dispose(&a);
}

/* ---- hostile input ------------------------------------------------------ */

static void test_entities_and_depth(void **state)
{
	(void)state;
	tendo_activity a;
	assert_int_equal(read_str(&a,
	                          "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
	                          " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	                          " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	                          " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	                          " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
	                          " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
	                          " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
	                          " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
	                          " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
	                          " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
	                          "]>\n<TrainingCenterDatabase xmlns=\"" TCX_NS "\"><Activities><Activity Sport=\"&lol9;\"/>"
	                          "</Activities></TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EFORMAT);
	assert_non_null(strstr(tendo_error_last(), "entity declaration 'lol' refused"));
	assert_int_equal(read_str(&a,
	                          "<!DOCTYPE t [<!ENTITY x SYSTEM \"/dev/zero\">]><TrainingCenterDatabase xmlns=\"" TCX_NS
	                          "\">&x;</TrainingCenterDatabase>",
	                          NULL),
	                 TENDO_EFORMAT);

	/* deep nesting in a trackpoint's extensions */
	size_t n = 100000;
	char *d = malloc(n * 7 + 512);
	assert_non_null(d);
	char *q = d + sprintf(d, "<TrainingCenterDatabase xmlns=\"%s\"><Activities><Activity><Lap><Track><Trackpoint>"
	                         "<Extensions>",
	                      TCX_NS);
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "<x>");
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "</x>");
	sprintf(q, "</Extensions></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>");
	assert_int_equal(read_str(&a, d, NULL), TENDO_ELIMIT);
	tendo_read_limits lim = { .max_depth = 8 };
	char doc[4096];
	run_doc(doc, sizeof(doc), "Running");
	assert_int_equal(read_str(&a, doc, &lim), TENDO_ELIMIT); /* Trackpoint/Extensions/TPX/Speed is level 9 */
	lim.max_depth = 9;
	assert_int_equal(read_str(&a, doc, &lim), 0);
	tendo_activity_dispose(&a);
	lim = (tendo_read_limits){ .max_points = 2 };
	assert_int_equal(read_str(&a, doc, &lim), TENDO_ELIMIT);
	assert_null(a.points);
	free(d);
}

/* Every prefix of a small document: an error, or what came before the cut. */
static void test_every_truncation(void **state)
{
	(void)state;
	char doc[4096];
	run_doc(doc, sizeof(doc), "Running");
	const uint8_t *b = (const uint8_t *)doc;
	size_t len = strlen(doc), partial = 0;
	for (size_t n = 0; n < len; n++) {
		tendo_activity a;
		int rc = tendo_tcx_read(&a, b, n, NULL);
		size_t closed = count_in(b, n, "</Trackpoint>");
		if (closed == 0) {
			if (rc != TENDO_EFORMAT)
				fail_msg("prefix %zu: %s", n, tendo_error_name(rc));
			assert_null(a.points);
			continue;
		}
		if (rc != 0 || a.n_points != closed)
			fail_msg("prefix %zu: %s, %zu points, %zu closed", n, tendo_error_name(rc), a.n_points, closed);
		assert_int_equal(a.n_sessions, 1); /* the open activity is closed with what it had */
		assert_string_equal(a.sessions[0].sport, "running");
		if (!count_in(b, n, "</TrainingCenterDatabase>")) {
			assert_non_null(strstr(a.warning, "kept the"));
			partial++;
		}
		tendo_activity_dispose(&a);
	}
	assert_true(partial > 700); /* of 1738 prefixes */

	/* a real file cut every 97 bytes */
	size_t flen;
	uint8_t *f = load_data("tcx/tcxparser-sup_activity_1.tcx", &flen);
	for (size_t n = 0; n < flen; n += 97) {
		tendo_activity a;
		int rc = tendo_tcx_read(&a, f, n, NULL);
		size_t closed = count_in(f, n, "</Trackpoint>");
		assert_int_equal(rc, closed ? 0 : TENDO_EFORMAT);
		assert_int_equal(a.n_points, closed);
		tendo_activity_dispose(&a);
	}
	free(f);
}

static void test_alloc_sweep(void **state)
{
	(void)state;
	size_t len;
	uint8_t *b = load_data("tcx/tcxparser-sup_activity_1.tcx", &len);
	int failures = 0;
	for (long n = 1; n < 10000; n++) {
		tendo_activity a;
		tendo_alloc_fail_at(n);
		int rc = tendo_tcx_read(&a, b, len, NULL);
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		if (rc == 0) {
			assert_int_equal(a.n_points, 111);
			assert_int_equal(a.n_sessions, 1);
			tendo_activity_dispose(&a);
			if (made < n)
				break; /* the nth allocation never happened: all swept */
			continue;
		}
		if (rc != TENDO_ENOMEM)
			fail_msg("allocation %ld: %s (%s)", n, tendo_error_name(rc), tendo_error_last());
		assert_null(a.points);
		assert_null(a.sessions);
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
		cmocka_unit_test(test_file_details),
		cmocka_unit_test(test_activity_extension),
		cmocka_unit_test(test_multisport_and_courses),
		cmocka_unit_test(test_leading_whitespace),
		cmocka_unit_test(test_namespace_not_prefix),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_entities_and_depth),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_alloc_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
