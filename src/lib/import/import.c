/*
 * import.c - files, archives and folders into the log (tendo/import.h).
 *
 * Every input ends in import_buffer(): an activity file's bytes in memory,
 * with a display path. Archives are walked with libarchive straight from the
 * file (or, nested, from memory) one entry at a time; each entry is read
 * into a bounded buffer and handed to import_buffer() again, so a Garmin
 * export's zips inside the zip are followed (to a fixed depth). .gz members
 * are inflated with zlib into a bounded buffer. Nothing touches the disk but
 * the database.
 */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zlib.h>

#include <tendo/errors.h>
#include <tendo/fit.h>
#include <tendo/gpx.h>
#include <tendo/import.h>
#include <tendo/tcx.h>

#include "import/import_int.h"
#include "util/alloc.h"

#define DEFAULT_MAX_BYTES ((size_t)512 << 20) /* one activity file, inflated */
#define MAX_DEPTH 4                           /* archives inside archives */
#define MAX_RATIO 100 /* inflated / compressed: FIT, GPX, TCX inflate 3-30 times; beyond = a bomb */

typedef struct {
	tendo_store *store;
	const tendo_import_options *opt;
	tendo_import_summary *sum;
	uint64_t total;           /* bytes to read, for progress */
	strava_names names;       /* activities.csv of the archive being read */
	int fatal;                /* a store error that stops everything */
	size_t held;              /* bytes of inflated entries held, all levels */
} importer;

const char *tendo_import_status_name(tendo_import_status s)
{
	switch (s) {
	case TENDO_IMPORT_IMPORTED: return "imported";
	case TENDO_IMPORT_DUPLICATE: return "duplicate";
	case TENDO_IMPORT_SKIPPED: return "skipped";
	case TENDO_IMPORT_ERROR: return "error";
	}
	return "?";
}

void tendo_import_options_default(tendo_import_options *o)
{
	memset(o, 0, sizeof(*o));
	tendo_analysis_params_default(&o->params);
	o->tz = "UTC";
	o->rpe = o->pain_during = o->pain_after = -1;
}

/* The athlete gave pain or RPE for the file. */
static bool has_extra(const tendo_import_options *o)
{
	return o->rpe >= 0 || o->pain_during >= 0 || o->pain_after >= 0 || o->sharp;
}

void tendo_import_hash(char out[17], const uint8_t *data, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= data[i];
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void report(importer *im, const char *path, tendo_import_status st, const char *format, const char *kind,
                   int64_t id, const tendo_run_facts *facts, const char *warning, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

static void report(importer *im, const char *path, tendo_import_status st, const char *format, const char *kind,
                   int64_t id, const tendo_run_facts *facts, const char *warning, const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	im->sum->files++;
	switch (st) {
	case TENDO_IMPORT_IMPORTED: im->sum->imported++; break;
	case TENDO_IMPORT_DUPLICATE: im->sum->duplicates++; break;
	case TENDO_IMPORT_SKIPPED: im->sum->skipped++; break;
	case TENDO_IMPORT_ERROR: im->sum->errors++; break;
	}
	if (im->opt->on_result) {
		tendo_import_result r = { path, st, msg, format, kind, id, facts, warning && warning[0] ? warning : NULL };
		im->opt->on_result(&r, im->opt->user);
	}
}

static void progress(importer *im)
{
	if (im->opt->on_progress)
		im->opt->on_progress(im->sum, im->total, im->opt->user);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static size_t max_bytes(const importer *im)
{
	return im->opt->limits.max_bytes ? im->opt->limits.max_bytes : DEFAULT_MAX_BYTES;
}

/* What one more inflated entry may take: archives inside archives share
 * one budget (max_bytes), so the memory of an import is bounded by it
 * however deep the nesting, not by it once per level. */
static size_t budget(const importer *im)
{
	return im->held < max_bytes(im) ? max_bytes(im) - im->held : 0;
}

/* The sport of a non-running activity as a cross-training kind. */
static tendo_cross_kind cross_kind(const char *sport, const char *sub)
{
	if (strstr(sport, "cycl") || strstr(sport, "bik") || strcmp(sport, "ride") == 0)
		return TENDO_CROSS_CYCLE;
	if (strstr(sport, "swim"))
		return TENDO_CROSS_SWIM;
	if (strstr(sport, "walk") || strstr(sport, "hik"))
		return TENDO_CROSS_WALK;
	if (strstr(sport, "row"))
		return TENDO_CROSS_ROW;
	if (strstr(sub, "elliptical") || strstr(sport, "elliptical"))
		return TENDO_CROSS_ELLIPTICAL;
	if (strstr(sub, "stair") || strstr(sport, "stair"))
		return TENDO_CROSS_STAIRS;
	return TENDO_CROSS_OTHER;
}

/* What the runner would call the terrain of an imported run. */
static tendo_terrain import_terrain(const tendo_run_facts *f)
{
	if (strcmp(f->sub_sport, "treadmill") == 0 || (!f->has_gps && f->distance_m > 0))
		return TENDO_TERRAIN_TREADMILL;
	if (strcmp(f->sub_sport, "trail") == 0)
		return TENDO_TERRAIN_TRAIL;
	double moving = isfinite(f->moving_s) ? f->moving_s : f->elapsed_s;
	if (tendo_run_hilly(f->uphill_s, moving))
		return TENDO_TERRAIN_HILLY;
	return TENDO_TERRAIN_FLAT;
}

/* ------------------------------------------------------------- formats */

typedef enum { F_UNKNOWN, F_FIT, F_GPX, F_TCX, F_GZIP, F_ZIP, F_TAR, F_CSV } kind_t;

static kind_t sniff(const char *name, const uint8_t *d, size_t n)
{
	if (n >= 2 && d[0] == 0x1f && d[1] == 0x8b)
		return (ends_with(name, ".tar.gz") || ends_with(name, ".tgz")) ? F_TAR : F_GZIP;
	if (n >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4)
		return F_ZIP;
	if (n >= 262 && memcmp(d + 257, "ustar", 5) == 0)
		return F_TAR;
	if (n >= 12 && (d[0] == 12 || d[0] == 14) && memcmp(d + 8, ".FIT", 4) == 0)
		return F_FIT;
	/* XML: look at the first 4 KB for the root element */
	size_t look = n < 4096 ? n : 4096;
	for (size_t i = 0; i + 4 < look; i++) {
		if (d[i] != '<')
			continue;
		if (i + 4 <= look && memcmp(d + i, "<gpx", 4) == 0)
			return F_GPX;
		if (i + 23 <= look && memcmp(d + i + 1, "TrainingCenterDatabase", 22) == 0)
			return F_TCX;
		if (i + 27 <= look && memchr(d + i, ':', 16) &&
		    (import_memfind(d + i, look - i, ":gpx", 4) || import_memfind(d + i, look - i, ":TrainingCenterDatabase", 23))) {
			return import_memfind(d + i, look - i, ":gpx", 4) ? F_GPX : F_TCX;
		}
	}
	/* by name, ignoring a .gz that was already inflated */
	char base[256];
	size_t bl = strlen(name);
	const char *from = bl >= sizeof(base) ? name + bl - (sizeof(base) - 1) : name;
	snprintf(base, sizeof(base), "%s", from);
	if (ends_with(base, ".gz"))
		base[strlen(base) - 3] = '\0';
	if (ends_with(base, ".csv"))
		return F_CSV;
	if (ends_with(base, ".fit"))
		return F_FIT; /* damaged header: let the decoder say what is wrong */
	if (ends_with(base, ".gpx"))
		return F_GPX;
	if (ends_with(base, ".tcx"))
		return F_TCX;
	return F_UNKNOWN;
}

/* Inflate a gzip member into a new buffer (owned by the caller). */
static int gunzip(const uint8_t *in, size_t n, size_t limit, uint8_t **out, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return tendo_error_set(TENDO_ENOMEM, "zlib could not start");
	size_t cap = n * 4 + 4096, len = 0;
	if (cap > limit)
		cap = limit;
	uint8_t *buf = tendo_malloc(cap);
	if (!buf) {
		inflateEnd(&z);
		return tendo_error_set(TENDO_ENOMEM, "out of memory inflating");
	}
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
	int rc = Z_OK, err = 0;
	while (rc != Z_STREAM_END) {
		if (len == cap) {
			if (cap >= limit || cap / (n ? n : 1) > MAX_RATIO) {
				err = tendo_error_set(TENDO_ELIMIT, "inflates past %zu bytes (a compression bomb?)", cap);
				break;
			}
			size_t nc = cap * 2 > limit ? limit : cap * 2;
			uint8_t *nb = tendo_realloc(buf, nc);
			if (!nb) {
				err = tendo_error_set(TENDO_ENOMEM, "out of memory inflating");
				break;
			}
			buf = nb;
			cap = nc;
		}
		z.next_out = buf + len;
		z.avail_out = (uInt)(cap - len > UINT32_MAX ? UINT32_MAX : cap - len);
		rc = inflate(&z, Z_NO_FLUSH);
		len = (size_t)(z.next_out - buf);
		if (rc == Z_STREAM_END)
			break;
		if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_out == 0)) {
			err = tendo_error_set(TENDO_EFORMAT, "gzip data is damaged at byte %lu (%s)", z.total_in,
			                      z.msg ? z.msg : "truncated");
			break;
		}
	}
	inflateEnd(&z);
	if (err) {
		free(buf);
		return err;
	}
	*out = buf;
	*out_len = len;
	return 0;
}

static void import_buffer(importer *im, const char *path, const uint8_t *data, size_t len, int depth);
static void import_manual(importer *im, const char *csv, const strava_manual *m);
static void import_archive(importer *im, const char *path, const char *file, const uint8_t *mem, size_t mlen,
                           int depth);

/*
 * Store one activity as the entry it becomes: the duplicate check and the
 * insert in one write transaction (BEGIN IMMEDIATE), so two importers given
 * the same run at once store it once. A duplicate, an entry out of the
 * ranges every way in obeys (tendo/validate.h: skipped, naming the field) or
 * a store error is reported here; a store error stops the import. Returns
 * true when stored (*id set).
 */
static bool store_activity(importer *im, const char *path, const char *fmt, const char *kind,
                           const tendo_import_record *rec, const tendo_run *run, const tendo_cross *cross,
                           const tendo_run_facts *f, const char *warning, int64_t *id)
{
	char other[200] = "";
	int rc, found = 0;
	if ((rc = tendo_store_begin(im->store)) == 0 &&
	    (found = tendo_store_find_import(im->store, rec->hash, rec->start_ms, rec->elapsed_s, run != NULL, id, other,
	                                     sizeof(other))) == 0)
		rc = tendo_store_add_import(im->store, rec, run, cross, id);
	if (found > 0) {
		tendo_store_rollback(im->store);
		report(im, path, TENDO_IMPORT_DUPLICATE, fmt, kind, *id, f, warning, "already in the log as #%lld (%s)",
		       (long long)*id, other);
		return false;
	}
	if (found < 0)
		rc = found;
	if (rc == 0)
		rc = tendo_store_commit(im->store);
	if (rc == 0)
		return true;
	const char *msg = tendo_error_last();
	tendo_store_rollback(im->store);
	if (rc == TENDO_EBUSY || rc == TENDO_ESTORE || rc == TENDO_ENOMEM)
		im->fatal = rc;
	report(im, path,
	       rc == TENDO_EEXISTS ? TENDO_IMPORT_DUPLICATE
	       : rc == TENDO_EINVAL ? TENDO_IMPORT_SKIPPED
	                            : TENDO_IMPORT_ERROR,
	       fmt, kind, 0, f, warning, "%s%s", rc == TENDO_EINVAL ? "not imported: " : "", msg);
	return false;
}

static void import_activity(importer *im, const char *path, kind_t k, const uint8_t *data, size_t len)
{
	const char *fmt = k == F_FIT ? "fit" : k == F_GPX ? "gpx" : "tcx";
	tendo_activity a;
	tendo_activity_init(&a);
	int rc = k == F_FIT ? tendo_fit_read(&a, data, len, &im->opt->limits)
	       : k == F_GPX ? tendo_gpx_read(&a, data, len, &im->opt->limits)
	                    : tendo_tcx_read(&a, data, len, &im->opt->limits);
	if (rc == TENDO_ENOMEM) {
		/* not damage to the file: the import stops, and says so */
		im->fatal = TENDO_ENOMEM;
		report(im, path, TENDO_IMPORT_ERROR, fmt, NULL, 0, NULL, NULL, "out of memory reading it");
		tendo_activity_dispose(&a);
		return;
	}
	if (rc) {
		/* a sound GPX or TCX without a recorded track (a route, waypoints,
		 * a course) is not an activity rather than an error */
		const char *msg = tendo_error_last();
		bool empty = rc == TENDO_EUNSUPPORTED;
		report(im, path, empty ? TENDO_IMPORT_SKIPPED : TENDO_IMPORT_ERROR, fmt, NULL, 0, NULL, NULL, "%s%s",
		       empty ? "not an activity: " : "", msg);
		tendo_activity_dispose(&a);
		return;
	}
	/* names and types from a Strava export's activities.csv */
	const strava_entry *sv = strava_lookup(&im->names, path);
	if (sv && a.n_sessions == 0) {
		tendo_session s;
		tendo_session_clear(&s);
		snprintf(s.sport, sizeof(s.sport), "%s", sv->sport);
		tendo_activity_add_session(&a, &s);
	} else if (sv && a.n_sessions && !a.sessions[0].sport[0]) {
		snprintf(a.sessions[0].sport, sizeof(a.sessions[0].sport), "%s", sv->sport);
	}
	tendo_run_facts f;
	rc = tendo_activity_analyse(&f, &a, &im->opt->params);
	if (rc == TENDO_EFORMAT) {
		char what[96] = "no track and no session";
		if (k == F_FIT) {
			tendo_fit_info info;
			if (tendo_fit_probe(&info, data, len) == 0 && info.type[0])
				snprintf(what, sizeof(what), "a FIT %s file%s", info.type,
				         strcmp(info.type, "activity") == 0 ? " without samples or sessions" : "");
		} else if (k == F_TCX) {
			snprintf(what, sizeof(what), "no activity (a course?)");
		}
		report(im, path, TENDO_IMPORT_SKIPPED, fmt, NULL, 0, NULL, a.warning, "not an activity: %s", what);
		tendo_activity_dispose(&a);
		return;
	}
	if (rc) {
		report(im, path, TENDO_IMPORT_ERROR, fmt, NULL, 0, NULL, a.warning, "%s", tendo_error_last());
		tendo_activity_dispose(&a);
		return;
	}
	if (!(f.elapsed_s > 0)) {
		report(im, path, TENDO_IMPORT_SKIPPED, fmt, NULL, 0, &f, a.warning, "not an activity: no duration");
		tendo_activity_dispose(&a);
		return;
	}
	char hash[17];
	tendo_import_hash(hash, data, len);
	int64_t id = 0;
	const char *kind = f.is_run ? "run" : "cross";
	/* the file, as the store keeps it */
	tendo_import_record rec = { .format = fmt, .name = path, .title = sv ? sv->name : a.name,
		.device = a.device, .sport = f.sport, .start_ms = f.start_ms, .elapsed_s = f.elapsed_s,
		.moving_s = f.moving_s, .distance_m = f.distance_m, .ascent_m = f.ascent_m, .descent_m = f.descent_m,
		.uphill_s = f.uphill_s, .fast_s = f.fast_s, .cadence_avg = f.cadence_avg,
		.cadence_median = f.cadence_median, .avg_hr = f.avg_hr, .walk_breaks = f.walk_breaks,
		.workout_rpe = -1, .workout_feel = -1 };
	memcpy(rec.hash, hash, sizeof(rec.hash));
	/* the athlete's own rating, if the watch asked (the first session that has one) */
	for (size_t i = 0; i < a.n_sessions; i++)
		if (a.sessions[i].workout_rpe >= 0 || a.sessions[i].workout_feel >= 0) {
			rec.workout_rpe = a.sessions[i].workout_rpe;
			rec.workout_feel = a.sessions[i].workout_feel;
			break;
		}
	/* the entry it becomes: moving time (else elapsed), the local day and time of the start */
	const tendo_import_options *o = im->opt;
	double secs = isfinite(f.moving_s) && f.moving_s > 0 ? f.moving_s : f.elapsed_s;
	time_t t0 = f.start_ms != TENDO_TIME_NONE ? (time_t)(f.start_ms / 1000) : time(NULL);
	tendo_date date = tendo_date_of_instant(t0, o->tz);
	int time_min = f.start_ms != TENDO_TIME_NONE ? tendo_time_of_instant(t0, o->tz) : TENDO_TOD_NONE;
	tendo_cross_kind ck = cross_kind(f.sport, f.sub_sport);
	tendo_run run = { .date = date, .minutes = round(secs / 6.0) / 10.0,
		.km = isfinite(f.distance_m) && f.distance_m > 0 ? f.distance_m / 1000.0 : -1,
		.terrain = import_terrain(&f), .intent = TENDO_INTENT_EASY, .walk_breaks = f.run_walk,
		.rpe = o->rpe >= 0 ? o->rpe : rec.workout_rpe >= 0 ? (rec.workout_rpe + 5) / 10 : -1, /* CR10 x 10 -> 0-10 */
		.pain_during = o->pain_during, .pain_after = o->pain_after, .sharp = o->sharp, .time_min = time_min,
		.imported = true };
	tendo_cross cross = { .date = date, .kind = ck, .minutes = round(secs / 6.0) / 10.0,
		.pain_during = o->pain_during, .sharp = o->sharp, .time_min = time_min };
	if (!f.is_run && (o->rpe >= 0 || o->pain_after >= 0)) {
		report(im, path, TENDO_IMPORT_ERROR, fmt, kind, 0, &f, a.warning,
		       "cross-training (%s): RPE and pain after are recorded for runs; nothing imported",
		       f.sport[0] ? f.sport : "not a run");
		tendo_activity_dispose(&a);
		return;
	}
	if (!store_activity(im, path, fmt, kind, &rec, f.is_run ? &run : NULL, f.is_run ? NULL : &cross, &f, a.warning,
	                    &id)) {
		tendo_activity_dispose(&a);
		return;
	}
	char d[TENDO_DATE_BUFSZ];
	double mins = (isfinite(f.moving_s) && f.moving_s > 0 ? f.moving_s : f.elapsed_s) / 60;
	if (f.is_run)
		report(im, path, TENDO_IMPORT_IMPORTED, fmt, kind, id, &f, a.warning, "run on %s: %.0f min, %.2f km%s%s",
		       tendo_date_format(date, d), mins, isfinite(f.distance_m) ? f.distance_m / 1000 : 0,
		       a.warning[0] ? "; " : "", a.warning);
	else
		report(im, path, TENDO_IMPORT_IMPORTED, fmt, kind, id, &f, a.warning, "%s on %s: %.0f min (cross-training: %s)%s%s",
		       f.sport[0] ? f.sport : "activity", tendo_date_format(date, d), mins,
		       tendo_cross_kind_name(ck), a.warning[0] ? "; " : "", a.warning);
	tendo_activity_dispose(&a);
}

static void import_buffer(importer *im, const char *path, const uint8_t *data, size_t len, int depth)
{
	if (im->fatal)
		return;
	kind_t k = sniff(path, data, len);
	switch (k) {
	case F_FIT:
	case F_GPX:
	case F_TCX:
		import_activity(im, path, k, data, len);
		return;
	case F_GZIP: {
		uint8_t *out = NULL;
		size_t n = 0;
		if (depth >= MAX_DEPTH) {
			report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "compressed too many times over");
			return;
		}
		int rc = gunzip(data, len, budget(im), &out, &n);
		if (rc == TENDO_ENOMEM)
			im->fatal = rc;
		if (rc) {
			report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "%s", tendo_error_last());
			return;
		}
		im->held += n;
		import_buffer(im, path, out, n, depth + 1); /* the name stays the file's own */
		im->held -= n;
		free(out);
		return;
	}
	case F_ZIP:
	case F_TAR:
		if (has_extra(im->opt)) {
			report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL,
			       "an archive: pain, RPE and sharp pain go with a single activity file");
			return;
		}
		if (depth >= MAX_DEPTH) {
			report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "archives nested more than %d deep",
			       MAX_DEPTH);
			return;
		}
		import_archive(im, path, NULL, data, len, depth + 1);
		return;
	case F_CSV:
		if (ends_with(path, "activities.csv") && !has_extra(im->opt)) {
			/* a Strava export unpacked into a folder: its manual activities */
			strava_names csv;
			strava_names_init(&csv);
			strava_parse(&csv, data, len);
			report(im, path, TENDO_IMPORT_SKIPPED, NULL, NULL, 0, NULL, NULL,
			       "the export's list of activities (%zu with a file, %zu typed by hand, imported below)", csv.n,
			       csv.n_manual);
			for (size_t i = 0; i < csv.n_manual && !im->fatal; i++)
				import_manual(im, path, &csv.manual[i]);
			strava_names_dispose(&csv);
			return;
		}
		report(im, path, TENDO_IMPORT_SKIPPED, NULL, NULL, 0, NULL, NULL, "not an activity: a CSV file");
		return;
	case F_UNKNOWN:
		break;
	}
	report(im, path, TENDO_IMPORT_SKIPPED, NULL, NULL, 0, NULL, NULL, "not an activity file (%s)",
	       len == 0 ? "empty" : "not FIT, GPX or TCX");
}

/* An activity typed into Strava by hand (a row of activities.csv without a
 * file): a run or cross-training from its type, start, time and distance,
 * with the duplicate check of a file (a hash of the row's id and date, and
 * the same sport, start and duration). */
static void import_manual(importer *im, const char *csv, const strava_manual *m)
{
	char where[1100];
	snprintf(where, sizeof(where), "%s#%s", csv, m->id ? m->id : "?");
	const char *fmt = "strava";
	double secs = isfinite(m->moving_s) && m->moving_s > 0 ? m->moving_s : m->elapsed_s;
	if (m->start_ms == INT64_MIN || !(secs > 0)) {
		report(im, where, TENDO_IMPORT_SKIPPED, fmt, NULL, 0, NULL, NULL,
		       "a manual activity without a readable date and time (Activity Date, Elapsed Time)");
		return;
	}
	bool is_run = strstr(m->sport, "running") != NULL;
	const char *kind = is_run ? "run" : "cross";
	double elapsed = isfinite(m->elapsed_s) && m->elapsed_s > 0 ? m->elapsed_s : secs;
	char key[300], hash[17];
	int kl = snprintf(key, sizeof(key), "strava-manual:%s:%lld:%.0f", m->id ? m->id : "", (long long)m->start_ms, elapsed);
	tendo_import_hash(hash, (const uint8_t *)key, kl > 0 && (size_t)kl < sizeof(key) ? (size_t)kl : strlen(key));
	int64_t id = 0;
	tendo_import_record rec = { .format = fmt, .name = where, .title = m->name, .sport = m->sport,
		.start_ms = m->start_ms, .elapsed_s = elapsed, .moving_s = isfinite(m->moving_s) ? m->moving_s : NAN,
		.distance_m = m->distance_m > 0 ? m->distance_m : NAN, .ascent_m = NAN, .descent_m = NAN, .uphill_s = NAN,
		.fast_s = NAN, .cadence_avg = NAN, .cadence_median = NAN, .avg_hr = NAN, .walk_breaks = 0,
		.workout_rpe = -1, .workout_feel = -1 };
	memcpy(rec.hash, hash, sizeof(rec.hash));
	time_t t0 = (time_t)(m->start_ms / 1000);
	tendo_date date = tendo_date_of_instant(t0, im->opt->tz);
	int time_min = tendo_time_of_instant(t0, im->opt->tz);
	tendo_run run = { .date = date, .minutes = round(secs / 6.0) / 10.0,
		.km = m->distance_m > 0 ? m->distance_m / 1000.0 : -1, .terrain = TENDO_TERRAIN_FLAT,
		.intent = TENDO_INTENT_EASY, .rpe = -1, .pain_during = -1, .pain_after = -1, .time_min = time_min,
		.imported = true };
	tendo_cross cross = { .date = date, .kind = cross_kind(m->sport, ""), .minutes = round(secs / 6.0) / 10.0,
		.pain_during = -1, .time_min = time_min };
	if (!store_activity(im, where, fmt, kind, &rec, is_run ? &run : NULL, is_run ? NULL : &cross, NULL, NULL, &id))
		return;
	char d[TENDO_DATE_BUFSZ];
	if (is_run)
		report(im, where, TENDO_IMPORT_IMPORTED, fmt, kind, id, NULL, NULL, "run on %s: %.0f min, %.2f km (manual)",
		       tendo_date_format(date, d), secs / 60, m->distance_m > 0 ? m->distance_m / 1000 : 0);
	else
		report(im, where, TENDO_IMPORT_IMPORTED, fmt, kind, id, NULL, NULL,
		       "%s on %s: %.0f min (cross-training: %s, manual)", m->sport, tendo_date_format(date, d), secs / 60,
		       tendo_cross_kind_name(cross.kind));
}

/* ------------------------------------------------------------ archives */

static struct archive *archive_open(const char *file, const uint8_t *mem, size_t mlen)
{
	struct archive *ar = archive_read_new();
	if (!ar)
		return NULL;
	archive_read_support_filter_all(ar);
	archive_read_support_format_zip(ar);
	archive_read_support_format_tar(ar);
	archive_read_support_format_gnutar(ar);
	int rc = file ? archive_read_open_filename(ar, file, 1 << 16) : archive_read_open_memory(ar, mem, mlen);
	if (rc != ARCHIVE_OK) {
		tendo_error_set(TENDO_EFORMAT, "%s", archive_error_string(ar) ? archive_error_string(ar) : "unreadable");
		archive_read_free(ar);
		return NULL;
	}
	return ar;
}

/* Read the current entry into a new buffer, bounded three ways: by the
 * size its header declares (checked before reading anything), by limit
 * while reading (a header may lie or say nothing), and by MAX_RATIO
 * inflated bytes per archive byte consumed (a compression bomb stops
 * early, not at the limit). The buffer is sized from the header when it
 * has one, so it is not doubled past what the entry holds. */
static int read_entry(struct archive *ar, struct archive_entry *e, size_t limit, uint8_t **out, size_t *out_len)
{
	size_t cap = 1 << 16, len = 0;
	if (archive_entry_size_is_set(e)) {
		la_int64_t declared = archive_entry_size(e);
		if (declared < 0 || (uint64_t)declared >= limit)
			return tendo_error_set(TENDO_ELIMIT, "declares %lld bytes, more than the %zu bytes left to an import",
			                       (long long)declared, limit);
		cap = (size_t)declared + 1; /* +1: the end is seen without a realloc */
	}
	if (cap > limit)
		cap = limit ? limit : 1;
	la_int64_t in0 = archive_filter_bytes(ar, -1);
	uint8_t *buf = tendo_malloc(cap);
	if (!buf)
		return tendo_error_set(TENDO_ENOMEM, "out of memory reading an archive entry");
	for (;;) {
		if (len == cap) {
			if (cap >= limit) {
				free(buf);
				return tendo_error_set(TENDO_ELIMIT, "larger than the %zu bytes left to an import", limit);
			}
			size_t nc = cap * 2 > limit ? limit : cap * 2;
			uint8_t *nb = tendo_realloc(buf, nc);
			if (!nb) {
				free(buf);
				return tendo_error_set(TENDO_ENOMEM, "out of memory reading an archive entry");
			}
			buf = nb;
			cap = nc;
		}
		/* at most 1 MiB a call, so the ratio is judged as it grows */
		size_t want = cap - len < ((size_t)1 << 20) ? cap - len : (size_t)1 << 20;
		la_ssize_t n = archive_read_data(ar, buf + len, want);
		if (n == 0)
			break;
		if (n < 0) {
			free(buf);
			return tendo_error_set(archive_errno(ar) == ENOMEM ? TENDO_ENOMEM : TENDO_EFORMAT, "%s",
			                       archive_error_string(ar) ? archive_error_string(ar) : "damaged entry");
		}
		len += (size_t)n;
		/* the archive is read ahead in blocks: judge the ratio past 1 MiB */
		la_int64_t used = archive_filter_bytes(ar, -1) - in0;
		if (len > ((size_t)1 << 20) && (uint64_t)len / (uint64_t)(used > 0 ? used : 1) > MAX_RATIO) {
			free(buf);
			return tendo_error_set(TENDO_ELIMIT, "inflates more than %d times its size (a compression bomb?)",
			                       MAX_RATIO);
		}
	}
	*out = buf;
	*out_len = len;
	return 0;
}

static void import_archive(importer *im, const char *path, const char *file, const uint8_t *mem, size_t mlen,
                           int depth)
{
	/* first pass: activities.csv (a Strava export) for names and sports */
	strava_names saved = im->names;
	strava_names_init(&im->names);
	struct archive *ar = archive_open(file, mem, mlen);
	if (!ar) {
		report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "not a readable archive: %s",
		       tendo_error_last());
		im->names = saved;
		return;
	}
	struct archive_entry *e;
	while (archive_read_next_header(ar, &e) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		if (name && ends_with(name, "activities.csv") && archive_entry_filetype(e) == AE_IFREG) {
			uint8_t *buf = NULL;
			size_t n = 0;
			if (read_entry(ar, e, budget(im) < ((size_t)64 << 20) ? budget(im) : (size_t)64 << 20, &buf, &n) == 0) {
				strava_parse(&im->names, buf, n);
				free(buf);
			}
			break;
		}
	}
	archive_read_free(ar);

	/* second pass: every entry */
	ar = archive_open(file, mem, mlen);
	if (!ar) {
		report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "not a readable archive: %s",
		       tendo_error_last());
		strava_names_dispose(&im->names);
		im->names = saved;
		return;
	}
	int rc;
	int64_t last_pos = 0;
	while (!im->fatal && (rc = archive_read_next_header(ar, &e)) != ARCHIVE_EOF) {
		if (rc == ARCHIVE_FATAL) {
			if (archive_errno(ar) == ENOMEM)
				im->fatal = TENDO_ENOMEM;
			report(im, path, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "archive damaged: %s",
			       archive_error_string(ar) ? archive_error_string(ar) : "unreadable");
			break;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		const char *name = archive_entry_pathname(e);
		char sub[1024];
		snprintf(sub, sizeof(sub), "%s:%s", path, name ? name : "?");
		if (name && (strstr(name, "routes/") == name || strstr(name, "/routes/"))) {
			report(im, sub, TENDO_IMPORT_SKIPPED, NULL, NULL, 0, NULL, NULL, "a route, not an activity");
			continue;
		}
		if (name && ends_with(name, "activities.csv")) {
			report(im, sub, TENDO_IMPORT_SKIPPED, NULL, NULL, 0, NULL, NULL,
			       "the export's list of activities (%zu with a file, %zu typed by hand)", im->names.n,
			       im->names.n_manual);
			continue;
		}
		uint8_t *buf = NULL;
		size_t n = 0;
		int rrc = read_entry(ar, e, budget(im), &buf, &n);
		if (rrc == TENDO_ENOMEM) /* not damage to the archive: the import stops */
			im->fatal = rrc;
		if (rrc != 0) {
			report(im, sub, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "%s", tendo_error_last());
			continue;
		}
		im->held += n;
		import_buffer(im, sub, buf, n, depth);
		im->held -= n;
		free(buf);
		if (file && depth == 1) {
			int64_t pos = archive_filter_bytes(ar, -1);
			if (pos > last_pos) {
				im->sum->bytes += (uint64_t)(pos - last_pos);
				last_pos = pos;
			}
			progress(im);
		}
	}
	archive_read_free(ar);
	/* the activities typed into Strava, which have no file */
	char csv[1060];
	snprintf(csv, sizeof(csv), "%s:activities.csv", path);
	for (size_t i = 0; i < im->names.n_manual && !im->fatal; i++)
		import_manual(im, csv, &im->names.manual[i]);
	strava_names_dispose(&im->names);
	im->names = saved;
}

/* ------------------------------------------------------- files, folders */

static int read_file(const char *path, size_t limit, uint8_t **out, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return tendo_error_set(TENDO_ENOTFOUND, "cannot open: %s", strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || (uint64_t)st.st_size > limit) {
		fclose(f);
		return tendo_error_set(TENDO_ELIMIT, "larger than %zu bytes", limit);
	}
	size_t n = (size_t)st.st_size;
	uint8_t *buf = tendo_malloc(n ? n : 1);
	if (!buf) {
		fclose(f);
		return tendo_error_set(TENDO_ENOMEM, "out of memory reading it");
	}
	errno = 0;
	size_t got = fread(buf, 1, n, f);
	int bad = ferror(f), e = errno;
	fclose(f);
	if (bad || got != n) {
		free(buf);
		return tendo_error_set(TENDO_EFORMAT, "cannot read it: %s", bad && e ? strerror(e) : "it changed while read");
	}
	*out = buf;
	*out_len = n;
	return 0;
}

/* The file at path, called name in the results and the log. */
static void import_file(importer *im, const char *path, const char *name, uint64_t size)
{
	uint8_t head[512];
	size_t hn = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		report(im, name, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "cannot open: %s", strerror(errno));
		return;
	}
	hn = fread(head, 1, sizeof(head), f);
	fclose(f);
	kind_t k = sniff(name, head, hn);
	if (k == F_ZIP || k == F_TAR) {
		uint64_t before = im->sum->bytes;
		import_archive(im, name, path, NULL, 0, 1);
		im->sum->bytes = before + size; /* whatever the filters counted */
		progress(im);
		return;
	}
	uint8_t *buf = NULL;
	size_t n = 0;
	int frc = read_file(path, max_bytes(im), &buf, &n);
	if (frc == TENDO_ENOMEM)
		im->fatal = frc;
	if (frc != 0) {
		report(im, name, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "%s", tendo_error_last());
		return;
	}
	import_buffer(im, name, buf, n, 0);
	free(buf);
	im->sum->bytes += size;
	progress(im);
}

/* Every regular file below dir, in name order, as a list of paths. */
typedef struct {
	char **paths;
	const char **names; /* what to call each (borrowed from the options), or NULL: its path */
	uint64_t *sizes;
	size_t n, cap;
} file_list;

static int list_add(file_list *l, const char *path, const char *name, uint64_t size)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		char **np = tendo_realloc(l->paths, nc * sizeof(*np));
		if (!np)
			return TENDO_ENOMEM;
		l->paths = np;
		uint64_t *ns = tendo_realloc(l->sizes, nc * sizeof(*ns));
		if (!ns)
			return TENDO_ENOMEM;
		l->sizes = ns;
		const char **nm = tendo_realloc(l->names, nc * sizeof(*nm));
		if (!nm)
			return TENDO_ENOMEM;
		l->names = nm;
		l->cap = nc;
	}
	char *p = tendo_strdup(path);
	if (!p)
		return TENDO_ENOMEM;
	l->paths[l->n] = p;
	l->names[l->n] = name;
	l->sizes[l->n++] = size;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(file_list *l, const char *dir, int depth)
{
	if (depth > 32)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int err = 0;
	while ((de = readdir(d)) && !err) {
		if (de->d_name[0] == '.')
			continue; /* ., .., hidden files */
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			char **nn = tendo_realloc(names, nc * sizeof(*nn));
			if (!nn) {
				err = TENDO_ENOMEM;
				break;
			}
			names = nn;
			cap = nc;
		}
		if (!(names[n] = tendo_strdup(de->d_name)))
			err = TENDO_ENOMEM;
		else
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (!err && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				err = walk(l, path, depth + 1);
			else if (S_ISREG(st.st_mode))
				err = list_add(l, path, NULL, (uint64_t)st.st_size);
		}
		free(names[i]);
	}
	free(names);
	return err;
}

int tendo_import_buffer(tendo_store *store, const char *name, const uint8_t *data, size_t len,
                        const tendo_import_options *opt, tendo_import_summary *out)
{
	tendo_import_options defo;
	if (!opt) {
		tendo_import_options_default(&defo);
		opt = &defo;
	}
	memset(out, 0, sizeof(*out));
	importer im = { .store = store, .opt = opt, .sum = out, .total = len };
	if (has_extra(opt)) {
		kind_t k = sniff(name, data, len);
		if (k == F_ZIP || k == F_TAR)
			return tendo_error_set(TENDO_EINVAL, "%s is an archive: pain, RPE and sharp pain go with a single "
			                       "activity file", name);
	}
	strava_names_init(&im.names);
	import_buffer(&im, name, data, len, 0);
	strava_names_dispose(&im.names);
	out->bytes = len;
	progress(&im);
	if (im.fatal == TENDO_ENOMEM)
		return tendo_error_set(TENDO_ENOMEM, "out of memory (what was imported before it is in the log)");
	return im.fatal;
}

int tendo_import_paths(tendo_store *store, const char *const *paths, size_t n, const tendo_import_options *opt,
                       tendo_import_summary *out)
{
	tendo_import_options defo;
	if (!opt) {
		tendo_import_options_default(&defo);
		opt = &defo;
	}
	memset(out, 0, sizeof(*out));
	importer im = { .store = store, .opt = opt, .sum = out };
	if (has_extra(opt)) {
		/* one activity file, or nothing at all */
		struct stat st;
		uint8_t head[512];
		size_t hn = 0;
		if (n != 1)
			return tendo_error_set(TENDO_EINVAL, "pain, RPE and sharp pain go with a single activity file (got %zu "
			                       "paths)", n);
		if (stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode))
			return tendo_error_set(TENDO_EINVAL, "%s is a folder: pain, RPE and sharp pain go with a single "
			                       "activity file", paths[0]);
		if (stat(paths[0], &st) == 0 && !S_ISREG(st.st_mode))
			return tendo_error_set(TENDO_EINVAL, "%s is not a regular file (a FIFO, device or socket)", paths[0]);
		FILE *f = fopen(paths[0], "rb");
		if (f) {
			hn = fread(head, 1, sizeof(head), f);
			fclose(f);
		}
		kind_t k = sniff(paths[0], head, hn);
		if (k == F_ZIP || k == F_TAR)
			return tendo_error_set(TENDO_EINVAL, "%s is an archive: pain, RPE and sharp pain go with a single "
			                       "activity file", paths[0]);
	}
	strava_names_init(&im.names);
	file_list files = { 0 };
	int missing = 0, err = 0;
	for (size_t i = 0; i < n && !err; i++) {
		struct stat st;
		const char *name = opt->names && opt->names[i] ? opt->names[i] : paths[i];
		if (stat(paths[i], &st) != 0) {
			report(&im, name, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL, "%s",
			       errno == ENOENT ? "no such file or folder" : strerror(errno));
			missing = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode))
			err = walk(&files, paths[i], 0);
		else if (!S_ISREG(st.st_mode)) {
			/* a FIFO would block the import until something writes to it */
			report(&im, name, TENDO_IMPORT_ERROR, NULL, NULL, 0, NULL, NULL,
			       "not a regular file (a FIFO, device or socket): give a file or a folder");
			missing = 1;
		} else
			err = list_add(&files, paths[i], name, (uint64_t)st.st_size);
	}
	for (size_t i = 0; i < files.n; i++)
		im.total += files.sizes[i];
	for (size_t i = 0; i < files.n && !err && !im.fatal; i++)
		import_file(&im, files.paths[i], files.names[i] ? files.names[i] : files.paths[i], files.sizes[i]);
	for (size_t i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
	free(files.names);
	free(files.sizes);
	strava_names_dispose(&im.names);
	if (err)
		return tendo_error_set(err, "out of memory listing files");
	if (im.fatal == TENDO_ENOMEM)
		return tendo_error_set(TENDO_ENOMEM, "out of memory (what was imported before it is in the log)");
	if (im.fatal)
		return im.fatal;
	return missing ? TENDO_ENOTFOUND : 0;
}
