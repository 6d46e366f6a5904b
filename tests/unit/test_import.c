/*
 * test_import.c - the importer end to end on a temporary database, with
 * inputs made here: GPX runs written as text, then gzipped (zlib), put in
 * zip and tar.gz archives (libarchive), a Strava export with activities.csv,
 * a Garmin export (zips inside a zip), folders, a compression bomb, path
 * tricks in archive names, damaged members, and an allocation-failure sweep.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <tendo/tendo.h>
#include <tendo/import.h>

#include "fixtures.h"
#include "util/alloc.h"

typedef struct {
	char dir[64];
	char db[128];
	tendo_store *s;
	/* results seen */
	int n[4];
	char last_msg[300];
	char msgs[4096];
} ctx;

static void on_result(const tendo_import_result *r, void *user)
{
	ctx *c = user;
	c->n[r->status]++;
	snprintf(c->last_msg, sizeof(c->last_msg), "%s", r->message);
	size_t l = strlen(c->msgs);
	snprintf(c->msgs + l, sizeof(c->msgs) - l, "%s %s: %s\n", tendo_import_status_name(r->status), r->path, r->message);
}

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof(*c));
	snprintf(c->dir, sizeof(c->dir), "/tmp/tendo-import.XXXXXX");
	if (!mkdtemp(c->dir))
		return -1;
	snprintf(c->db, sizeof(c->db), "%s/t.db", c->dir);
	if (tendo_store_open(&c->s, c->db, TENDO_STORE_CREATE))
		return -1;
	tendo_profile p;
	fx_profile(&p);
	if (tendo_store_init_profile(c->s, &p))
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	tendo_store_close(c->s);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", c->dir);
	int rc = system(cmd);
	free(c);
	return rc == 0 ? 0 : -1;
}

/* A GPX 1.1 run: n one-second samples due north at speed m/s from t0. */
static char *gpx_run(long t0, int n, double speed, double lat0)
{
	size_t cap = 256 + (size_t)n * 160;
	char *b = malloc(cap);
	size_t len = (size_t)snprintf(b, cap,
	                              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                              "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
	                              "<trk><name>test run</name><trkseg>\n");
	for (int i = 0; i < n; i++) {
		time_t t = t0 + i;
		struct tm tm;
		gmtime_r(&t, &tm);
		char ts[32];
		strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
		len += (size_t)snprintf(b + len, cap - len, "<trkpt lat=\"%.7f\" lon=\"0.0\"><ele>100</ele><time>%s</time></trkpt>\n",
		                        lat0 + speed * i / 111195.08, ts);
	}
	snprintf(b + len, cap - len, "</trkseg></trk></gpx>\n");
	return b;
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static uint8_t *gzip_mem(const void *data, size_t n, size_t *out)
{
	size_t cap = compressBound((uLong)n) + 64;
	uint8_t *buf = malloc(cap);
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = buf;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*out = z.total_out;
	deflateEnd(&z);
	return buf;
}

/* An archive in memory: names[i] -> data[i] (len[i]); tar.gz if tgz. */
static uint8_t *archive_mem(bool tgz, int n, const char *const *names, const void *const *data, const size_t *len,
                            size_t *out)
{
	size_t cap = 1 << 24, used = 0;
	uint8_t *buf = malloc(cap);
	struct archive *a = archive_write_new();
	if (tgz) {
		archive_write_set_format_pax_restricted(a);
		archive_write_add_filter_gzip(a);
	} else {
		archive_write_set_format_zip(a);
	}
	assert_int_equal(archive_write_open_memory(a, buf, cap, &used), ARCHIVE_OK);
	for (int i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_size(e, (la_int64_t)len[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_int_equal(archive_write_data(a, data[i], len[i]), (la_ssize_t)len[i]);
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	*out = used;
	return buf;
}

static int import1(ctx *c, const char *path, tendo_import_summary *sum, size_t max_bytes)
{
	tendo_import_options o;
	tendo_import_options_default(&o);
	o.on_result = on_result;
	o.user = c;
	o.limits.max_bytes = max_bytes;
	memset(c->n, 0, sizeof(c->n));
	c->msgs[0] = '\0';
	const char *paths[] = { path };
	return tendo_import_paths(c->s, paths, 1, &o, sum);
}

static size_t count(ctx *c, const char *table)
{
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(c->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	size_t n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void file_then_duplicates(void **state)
{
	ctx *c = *state;
	char path[160], gz[160];
	char *g = gpx_run(1767600000, 1200, 3.0, 50.0); /* 20 min, 3.6 km */
	snprintf(path, sizeof(path), "%s/run.gpx", c->dir);
	write_file(path, g, strlen(g));
	tendo_import_summary sum;
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.imported, 1);
	assert_int_equal(c->n[TENDO_IMPORT_IMPORTED], 1);
	assert_non_null(strstr(c->last_msg, "run on 2026-01-05"));

	tendo_log log = { 0 };
	assert_int_equal(tendo_store_load_log(c->s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_runs, 1);
	assert_true(log.runs[0].imported);
	assert_true(fabs(log.runs[0].km - 3.6) < 0.05);
	assert_true(fabs(log.runs[0].minutes - 20) < 0.5);
	assert_string_equal(log.runs[0].source, "gpx");
	tendo_log_dispose(&log);

	/* again: a duplicate, nothing new */
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.duplicates, 1);
	assert_int_equal(sum.imported, 0);
	/* gzipped: the same content, still a duplicate */
	size_t zn;
	uint8_t *z = gzip_mem(g, strlen(g), &zn);
	snprintf(gz, sizeof(gz), "%s/run.gpx.gz", c->dir);
	write_file(gz, z, zn);
	assert_int_equal(import1(c, gz, &sum, 0), 0);
	assert_int_equal(sum.duplicates, 1);
	/* the same run recorded by another device: 15 s later, one sample less */
	char *g2 = gpx_run(1767600015, 1199, 3.0, 50.00001);
	snprintf(path, sizeof(path), "%s/run2.gpx", c->dir);
	write_file(path, g2, strlen(g2));
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.duplicates, 1);
	assert_int_equal(count(c, "run"), 1);
	free(z);
	free(g);
	free(g2);
}

/* tendo_import_options.names: a file kept under another name (an upload
 * in a temporary file) is called by its own in the results and the log,
 * a tar.gz read by the name's ending; a NULL entry keeps the path. */
static void named_paths(void **state)
{
	ctx *c = *state;
	char tmp1[160], tmp2[160], tmp3[160];
	char *g = gpx_run(1767600000, 600, 3.0, 50.0);
	snprintf(tmp1, sizeof(tmp1), "%s/upload-a1b2c3", c->dir);
	write_file(tmp1, g, strlen(g));
	/* a tar.gz, told apart from a .gz by its name only */
	char *g2 = gpx_run(1767700000, 600, 3.0, 51.0);
	const char *members[] = { "export/2.gpx" };
	const void *data[] = { g2 };
	size_t lens[] = { strlen(g2) }, tn;
	uint8_t *tgz = archive_mem(true, 1, members, data, lens, &tn);
	snprintf(tmp2, sizeof(tmp2), "%s/upload-d4e5f6", c->dir);
	write_file(tmp2, tgz, tn);
	char *g3 = gpx_run(1767800000, 600, 3.0, 52.0);
	snprintf(tmp3, sizeof(tmp3), "%s/plain.gpx", c->dir);
	write_file(tmp3, g3, strlen(g3));
	tendo_import_options o;
	tendo_import_options_default(&o);
	o.on_result = on_result;
	o.user = c;
	const char *paths[] = { tmp1, tmp2, tmp3 };
	const char *names[] = { "morning <run>.gpx", "strava.tar.gz", NULL };
	o.names = names;
	memset(c->n, 0, sizeof(c->n));
	c->msgs[0] = '\0';
	tendo_import_summary sum;
	assert_int_equal(tendo_import_paths(c->s, paths, 3, &o, &sum), 0);
	assert_int_equal(sum.imported, 3);
	assert_non_null(strstr(c->msgs, "imported morning <run>.gpx: run on 2026-01-05"));
	assert_non_null(strstr(c->msgs, "imported strava.tar.gz:export/2.gpx: "));
	assert_non_null(strstr(c->msgs, "/plain.gpx: "));
	assert_null(strstr(c->msgs, "upload-"));
	/* the log keeps the name: a duplicate says where the first came from */
	assert_int_equal(import1(c, tmp1, &sum, 0), 0);
	assert_int_equal(sum.duplicates, 1);
	assert_non_null(strstr(c->last_msg, "(morning <run>.gpx)"));
	free(tgz);
	free(g);
	free(g2);
	free(g3);
}

static void strava_export(void **state)
{
	ctx *c = *state;
	char *ride = gpx_run(1767700000, 1800, 7.0, 51.0);
	char *run = gpx_run(1767800000, 900, 2.8, 52.0);
	char *broken = gpx_run(1767900000, 50, 3.0, 53.0);
	broken[strlen(broken) / 3] = '\0'; /* cut inside the track: damaged */
	size_t rz;
	uint8_t *ride_gz = gzip_mem(ride, strlen(ride), &rz);
	const char *csv = "Activity ID,Activity Date,Activity Name,Activity Type,Filename\r\n"
	                  "1,\"Jan 6, 2026\",\"Evening Ride, easy\",Ride,activities/1.gpx.gz\r\n"
	                  "2,\"Jan 7, 2026\",Morning Run,Run,activities/2.gpx\r\n"
	                  "3,\"Jan 8, 2026\",Broken,Run,activities/3.gpx\r\n";
	const char *names[] = { "activities.csv", "activities/1.gpx.gz", "activities/2.gpx", "activities/3.gpx",
		                "routes/4.gpx", "profile.json" };
	const void *data[] = { csv, ride_gz, run, broken, run, "{}" };
	size_t lens[] = { strlen(csv), rz, strlen(run), strlen(broken), strlen(run), 2 };
	size_t zn;
	uint8_t *zip = archive_mem(false, 6, names, data, lens, &zn);
	char path[160];
	snprintf(path, sizeof(path), "%s/export_123.zip", c->dir);
	write_file(path, zip, zn);
	tendo_import_summary sum;
	assert_int_equal(import1(c, path, &sum, 0), 0);
	/* the ride and the run; the member cut short is read up to the cut,
	 * with a warning, or refused if nothing before the cut was sound */
	bool partial = strstr(c->msgs, "3.gpx: run on") != NULL;
	assert_int_equal(sum.imported, partial ? 3 : 2);
	assert_int_equal(sum.errors, partial ? 0 : 1);
	if (partial)
		assert_non_null(strstr(c->msgs, "line"));
	assert_true(sum.errors + sum.imported + sum.skipped + sum.duplicates == sum.files);
	assert_int_equal(sum.skipped, 3);     /* the csv, the route, profile.json */
	assert_non_null(strstr(c->msgs, "routes/4.gpx: a route"));

	tendo_log log = { 0 };
	assert_int_equal(tendo_store_load_log(c->s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	/* GPX carries no sport: the CSV's "Ride" made it cross-training */
	assert_int_equal(log.n_cross, 1);
	assert_int_equal(log.cross[0].kind, TENDO_CROSS_CYCLE);
	assert_true(log.n_runs >= 1);
	tendo_log_dispose(&log);
	free(zip);
	free(ride);
	free(run);
	free(broken);
	free(ride_gz);
}

/* tendo_import_buffer(): one input in memory (standard input), sniffed by
 * content; a Strava export's names and its activities typed by hand. */
static void buffer_and_manual(void **state)
{
	ctx *c = *state;
	tendo_import_options o;
	tendo_import_options_default(&o);
	o.on_result = on_result;
	o.user = c;
	tendo_import_summary sum;
	char *run = gpx_run(1767800000, 900, 2.8, 52.0);
	assert_int_equal(tendo_import_buffer(c->s, "-", (const uint8_t *)run, strlen(run), &o, &sum), 0);
	assert_int_equal(sum.imported, 1);
	assert_int_equal(sum.files, 1);
	assert_non_null(strstr(c->msgs, "imported -: run on"));
	/* gzip from memory: the same run, a duplicate */
	size_t zn;
	uint8_t *z = gzip_mem(run, strlen(run), &zn);
	assert_int_equal(tendo_import_buffer(c->s, "-", z, zn, &o, &sum), 0);
	assert_int_equal(sum.duplicates, 1);
	free(z);

	/* a Strava export in memory: a file row with its name, two rows typed
	 * by hand (a run, a swim), one with no readable date */
	char *other = gpx_run(1767900000, 600, 3.0, 40.0);
	const char *csv = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,"
	                  "Moving Time,Distance\n"
	                  "9,\"Jan 9, 2026, 7:06:40 PM\",Hill reps,Run,600,1.8,activities/9.gpx,600,1800\n"
	                  "10,\"Jan 10, 2026, 6:30:00 AM\",Treadmill,Run,1800,5.2,,1750,5200.0\n"
	                  "11,2026-01-11 12:00:00,Pool,Swim,2400,1.5,,,\n"
	                  "12,soon,Bad,Run,,,,,\n";
	const char *names[] = { "activities.csv", "activities/9.gpx" };
	const void *data[] = { csv, other };
	size_t lens[] = { strlen(csv), strlen(other) };
	uint8_t *zip = archive_mem(false, 2, names, data, lens, &zn);
	memset(c->n, 0, sizeof(c->n));
	c->msgs[0] = '\0';
	assert_int_equal(tendo_import_buffer(c->s, "-", zip, zn, &o, &sum), 0);
	assert_int_equal(sum.imported, 3); /* the file, the manual run and swim */
	assert_int_equal(sum.skipped, 2);  /* the csv, the row without a date */
	assert_non_null(strstr(c->msgs, "-:activities.csv#10: run on 2026-01-10: 29 min, 5.20 km"));
	assert_non_null(strstr(c->msgs, "-:activities.csv#12: a manual activity without"));
	tendo_log log = { 0 };
	assert_int_equal(tendo_store_load_log(c->s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
	assert_int_equal(log.n_runs, 3);
	bool hill = false, tread = false;
	for (size_t k = 0; k < log.n_runs; k++) {
		if (strcmp(log.runs[k].title, "Hill reps") == 0)
			hill = true;
		if (strcmp(log.runs[k].title, "Treadmill") == 0) {
			tread = true;
			assert_string_equal(log.runs[k].source, "strava");
			assert_true(fabs(log.runs[k].km - 5.2) < 1e-9);
			assert_true(fabs(log.runs[k].minutes - 29.2) < 0.05);
			assert_int_equal(log.runs[k].time_min, 6 * 60 + 30); /* the fixture's zone */
		}
	}
	assert_true(hill && tread);
	assert_int_equal(log.n_cross, 1);
	assert_int_equal(log.cross[0].kind, TENDO_CROSS_SWIM);
	tendo_log_dispose(&log);
	/* again: every activity a duplicate */
	assert_int_equal(tendo_import_buffer(c->s, "-", zip, zn, &o, &sum), 0);
	assert_int_equal(sum.imported, 0);
	assert_int_equal(sum.duplicates, 3);
	/* the athlete's pain goes with one activity file, not an archive */
	o.pain_during = 2;
	assert_int_equal(tendo_import_buffer(c->s, "-", zip, zn, &o, &sum), TENDO_EINVAL);
	free(zip);
	free(other);
	free(run);
}

static void garmin_nested_and_tar(void **state)
{
	ctx *c = *state;
	char *run = gpx_run(1768000000, 600, 3.0, 54.0);
	const char *in_names[] = { "a.gpx" };
	const void *in_data[] = { run };
	size_t in_len[] = { strlen(run) };
	size_t inner_n;
	uint8_t *inner = archive_mem(false, 1, in_names, in_data, in_len, &inner_n);
	const char *out_names[] = { "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip" };
	const void *out_data[] = { inner };
	size_t out_len[] = { inner_n };
	size_t outer_n;
	uint8_t *outer = archive_mem(false, 1, out_names, out_data, out_len, &outer_n);
	char path[160];
	snprintf(path, sizeof(path), "%s/garmin.zip", c->dir);
	write_file(path, outer, outer_n);
	tendo_import_summary sum;
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.imported, 1);
	assert_non_null(strstr(c->msgs, "UploadedFiles_0-_Part1.zip:a.gpx"));

	/* a tar.gz with another run */
	char *run2 = gpx_run(1768100000, 600, 3.0, 55.0);
	const char *tn[] = { "./2026/b.gpx" };
	const void *td[] = { run2 };
	size_t tl[] = { strlen(run2) };
	size_t tgz_n;
	uint8_t *tgz = archive_mem(true, 1, tn, td, tl, &tgz_n);
	snprintf(path, sizeof(path), "%s/runs.tar.gz", c->dir);
	write_file(path, tgz, tgz_n);
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.imported, 1);
	free(run);
	free(run2);
	free(inner);
	free(outer);
	free(tgz);
}

static void hostile_archives(void **state)
{
	ctx *c = *state;
	/* a compression bomb: 64 MiB of zeros, with a 1 MiB limit per file */
	size_t big = (size_t)64 << 20;
	uint8_t *zeros = calloc(1, big);
	size_t zn;
	uint8_t *bomb = gzip_mem(zeros, big, &zn);
	free(zeros);
	char path[160];
	snprintf(path, sizeof(path), "%s/bomb.gpx.gz", c->dir);
	write_file(path, bomb, zn);
	tendo_import_summary sum;
	assert_int_equal(import1(c, path, &sum, 1 << 20), 0);
	assert_int_equal(sum.errors, 1);
	assert_non_null(strstr(c->last_msg, "bytes"));
	/* the same bomb inside a zip */
	const char *bn[] = { "bomb.gpx.gz" };
	const void *bd[] = { bomb };
	size_t bl[] = { zn };
	size_t an;
	uint8_t *zip = archive_mem(false, 1, bn, bd, bl, &an);
	snprintf(path, sizeof(path), "%s/bomb.zip", c->dir);
	write_file(path, zip, an);
	assert_int_equal(import1(c, path, &sum, 1 << 20), 0);
	assert_int_equal(sum.errors, 1);
	free(zip);
	free(bomb);

	/* path tricks: names are only names, nothing is written anywhere */
	char *run = gpx_run(1768200000, 300, 3.0, 56.0);
	const char *tn[] = { "../../evil.gpx", "/tmp/tendo-evil-abs.gpx", "ok/../../x.gpx" };
	const void *td[] = { run, "junk", "<gpx" };
	size_t tl[] = { strlen(run), 4, 4 };
	zip = archive_mem(false, 3, tn, td, tl, &an);
	snprintf(path, sizeof(path), "%s/tricks.zip", c->dir);
	write_file(path, zip, an);
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.imported, 1);
	struct stat st;
	assert_int_not_equal(stat("/tmp/tendo-evil-abs.gpx", &st), 0);
	char up[200];
	snprintf(up, sizeof(up), "%s/../evil.gpx", c->dir);
	assert_int_not_equal(stat(up, &st), 0);
	free(zip);
	free(run);

	/* not an archive at all, named like one; an empty file; a missing path */
	snprintf(path, sizeof(path), "%s/fake.zip", c->dir);
	write_file(path, "PK\003\004garbage", 11);
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.errors, 1);
	snprintf(path, sizeof(path), "%s/empty.fit", c->dir);
	write_file(path, "", 0);
	assert_int_equal(import1(c, path, &sum, 0), 0);
	assert_int_equal(sum.errors + sum.skipped, 1);
	snprintf(path, sizeof(path), "%s/nope.fit", c->dir);
	assert_int_equal(import1(c, path, &sum, 0), TENDO_ENOTFOUND);
}

static void folders(void **state)
{
	ctx *c = *state;
	char d[160], path[200];
	snprintf(d, sizeof(d), "%s/watch", c->dir);
	mkdir(d, 0700);
	snprintf(path, sizeof(path), "%s/sub", d);
	mkdir(path, 0700);
	for (int i = 0; i < 3; i++) {
		char *g = gpx_run(1768300000 + i * 86400, 600, 3.0, 57.0 + i);
		snprintf(path, sizeof(path), "%s/%s%d.gpx", d, i == 2 ? "sub/" : "", i);
		write_file(path, g, strlen(g));
		free(g);
	}
	snprintf(path, sizeof(path), "%s/.hidden.gpx", d);
	write_file(path, "x", 1);
	snprintf(path, sizeof(path), "%s/notes.txt", d);
	write_file(path, "hello", 5);
	tendo_import_summary sum;
	assert_int_equal(import1(c, d, &sum, 0), 0);
	assert_int_equal(sum.imported, 3);
	assert_int_equal(sum.skipped, 1); /* notes.txt; the hidden file is not looked at */
	assert_int_equal(sum.files, 4);
}

static void alloc_sweep(void **state)
{
	ctx *c = *state;
	char *run = gpx_run(1768400000, 120, 3.0, 58.0);
	const char *names[] = { "activities.csv", "activities/1.gpx" };
	const char *csv = "Activity Name,Activity Type,Filename\nA,Run,activities/1.gpx\n";
	const void *data[] = { csv, run };
	size_t lens[] = { strlen(csv), strlen(run) };
	size_t zn;
	uint8_t *zip = archive_mem(false, 2, names, data, lens, &zn);
	char path[160];
	snprintf(path, sizeof(path), "%s/sweep.zip", c->dir);
	write_file(path, zip, zn);
	int failures = 0;
	for (long n = 1; n < 5000; n++) {
		tendo_import_summary sum;
		tendo_alloc_fail_at(n);
		int rc = import1(c, path, &sum, 0);
		long made = tendo_alloc_count();
		tendo_alloc_fail_at(0);
		assert_true(rc == 0 || rc == TENDO_ENOMEM);
		/* never half-written: every run has its file record */
		assert_int_equal(count(c, "run"), count(c, "activity_file"));
		if (sum.imported == 1) {
			/* delete it again so the next round can import */
			tendo_log log = { 0 };
			assert_int_equal(tendo_store_load_log(c->s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE), 0);
			for (size_t k = 0; k < log.n_runs; k++)
				assert_int_equal(tendo_store_delete(c->s, log.runs[k].id), 0);
			tendo_log_dispose(&log);
		} else {
			failures++;
		}
		if (made < n)
			break;
	}
	assert_true(failures > 3);
	free(zip);
	free(run);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(file_then_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(strava_export, setup, teardown),
		cmocka_unit_test_setup_teardown(named_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(buffer_and_manual, setup, teardown),
		cmocka_unit_test_setup_teardown(garmin_nested_and_tar, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_archives, setup, teardown),
		cmocka_unit_test_setup_teardown(folders, setup, teardown),
		cmocka_unit_test_setup_teardown(alloc_sweep, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
