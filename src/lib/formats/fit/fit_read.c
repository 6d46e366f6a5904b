/*
 * fit_read.c - a FIT activity into a tendo_activity (tendo_fit_read() and
 * tendo_fit_probe() of tendo/fit.h), on top of tendo_fit_decode().
 *
 * record -> tendo_point, session -> tendo_session (with the athlete's own
 * workout_rpe and workout_feel when the watch asked), lap -> n_laps,
 * file_id -> device. Decisions made here, for the engine's sake:
 *  - enhanced_altitude / enhanced_speed are preferred over altitude / speed;
 *    compressed_speed_distance (old Garmins) expands to speed and distance;
 *  - cadence is steps/min, 2 x (cadence + fractional_cadence), when the sport
 *    is running, walking or hiking: the sport of the session whose start is the
 *    latest before the point (the first session for earlier points), else the
 *    sport message, else the first lap's sport; rpm otherwise (cycling and the rest);
 *  - baro_altitude: FIT does not say where altitude comes from; a record with
 *    an altitude but no position can only come from a barometer, so that sets it;
 *  - date_time values before 1998-07-03 are device-relative: kept as if UTC,
 *    and the warning says so.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/fit.h>

#include "formats/fit/fit_int.h"
#include "util/alloc.h"

#define SEMICIRCLE_DEG (180.0 / 2147483648.0)

enum { SPORT_NONE = -1 };

/* What the callback collects. */
typedef struct {
	tendo_activity *a;      /* output */
	size_t max_points;      /* limit on points */
	uint64_t records;       /* record messages */
	uint64_t sessions;      /* session messages */
	bool have_file_id;      /* file_id seen */
	uint32_t manufacturer;  /* file_id.manufacturer, UINT32_MAX if invalid */
	uint32_t product;       /* file_id.product, UINT32_MAX if invalid */
	char product_name[32];  /* file_id.product_name */
	int sport_msg;          /* first sport message's sport, SPORT_NONE */
	int lap_sport;          /* first lap's sport, SPORT_NONE */
	bool relative_time;     /* some date_time was device-relative */
	bool alt_without_pos;   /* some record had altitude but no position */
} reader;

static int64_t fit_ms(reader *r, int64_t fit_seconds)
{
	if (fit_seconds < (int64_t)TENDO_FIT_DATE_MIN)
		r->relative_time = true;
	return tendo_fit_time_ms((uint32_t)fit_seconds);
}

static void enum_text(char *dst, size_t cap, fit_enum_type t, const tendo_fit_field *f)
{
	dst[0] = '\0';
	if (!f || !f->valid)
		return;
	const char *name = fit_enum_name(t, (uint32_t)f->ival);
	if (name)
		snprintf(dst, cap, "%s", name);
	else
		snprintf(dst, cap, "%lld", (long long)f->ival);
}

static bool step_sport_name(const char *s)
{
	return !strcmp(s, "running") || !strcmp(s, "walking") || !strcmp(s, "hiking");
}

static bool step_sport(int sport)
{
	return sport == 1 || sport == 11 || sport == 17; /* running, walking, hiking */
}

static int on_record(reader *r, const tendo_fit_message *m)
{
	tendo_point p;
	tendo_point_clear(&p);
	double alt = NAN, ealt = NAN, speed = NAN, espeed = NAN, dist = NAN, xdist = NAN;
	double cad = NAN, frac = NAN;
	bool has_lat = false, has_lon = false;
	for (size_t i = 0; i < m->n_fields; i++) {
		const tendo_fit_field *f = &m->fields[i];
		if (!f->valid || (f->flags & TENDO_FIT_F_DEVELOPER))
			continue;
		bool x = (f->flags & TENDO_FIT_F_EXPANDED) != 0;
		switch (f->num) {
		case 0: if (!x && f->count == 1) { p.lat = (double)f->ival * SEMICIRCLE_DEG; has_lat = true; } break;
		case 1: if (!x && f->count == 1) { p.lon = (double)f->ival * SEMICIRCLE_DEG; has_lon = true; } break;
		case 2: alt = f->value; break;
		case 78: ealt = f->value; break;
		case 6: if (isnan(speed) || !x) speed = f->value; break;
		case 73: espeed = f->value; break;
		case 5: if (x) xdist = f->value; else dist = f->value; break;
		case 3: if (!x) p.hr = (int)f->ival; break;
		case 4: if (!x) cad = f->value; break;
		case 53: frac = f->value; break;
		case 7: if (!x) p.power_w = f->value; break;
		default: break;
		}
	}
	if (!has_lat || !has_lon)
		p.lat = p.lon = NAN;
	if (m->has_timestamp)
		p.t_ms = fit_ms(r, m->timestamp);
	p.alt_m = !isnan(ealt) ? ealt : alt;
	p.speed_mps = !isnan(espeed) ? espeed : speed;
	p.dist_m = !isnan(dist) ? dist : xdist;
	if (!isnan(cad))
		p.cadence_spm = cad + (isnan(frac) ? 0 : frac); /* rpm or strides/min: fixed up later */
	if (!isnan(p.alt_m) && isnan(p.lat))
		r->alt_without_pos = true;
	r->records++;
	return tendo_activity_add_point(r->a, &p, r->max_points);
}

static int on_session(reader *r, const tendo_fit_message *m)
{
	tendo_session s;
	tendo_session_clear(&s);
	double cad = NAN, frac = NAN;
	for (size_t i = 0; i < m->n_fields; i++) {
		const tendo_fit_field *f = &m->fields[i];
		if (!f->valid || (f->flags & (TENDO_FIT_F_DEVELOPER | TENDO_FIT_F_EXPANDED)))
			continue;
		switch (f->num) {
		case 5: enum_text(s.sport, sizeof(s.sport), FIT_ENUM_SPORT, f); break;
		case 6: enum_text(s.sub_sport, sizeof(s.sub_sport), FIT_ENUM_SUB_SPORT, f); break;
		case 2: s.start_ms = fit_ms(r, f->ival); break;
		case 7: s.elapsed_s = f->value; break;
		case 8: s.timer_s = f->value; break;
		case 9: s.distance_m = f->value; break;
		case 22: s.ascent_m = f->value; break;
		case 23: s.descent_m = f->value; break;
		case 16: s.avg_hr = f->value; break;
		case 18: cad = f->value; break;
		case 92: frac = f->value; break;
		case 26: s.laps = (int)f->ival; break;
		case 192: if (f->ival >= 0 && f->ival <= 100) s.workout_feel = (int)f->ival; break;
		case 193: if (f->ival >= 0 && f->ival <= 100) s.workout_rpe = (int)f->ival; break;
		default: break;
		}
	}
	if (!isnan(cad)) {
		double c = cad + (isnan(frac) ? 0 : frac);
		s.avg_cadence = step_sport_name(s.sport) ? 2 * c : c;
	}
	r->sessions++;
	return tendo_activity_add_session(r->a, &s);
}

static void on_file_id(reader *r, const tendo_fit_message *m)
{
	if (r->have_file_id)
		return;
	r->have_file_id = true;
	const tendo_fit_field *f = tendo_fit_message_field(m, 1);
	r->manufacturer = f && f->valid ? (uint32_t)f->ival : UINT32_MAX;
	f = tendo_fit_message_field(m, 2);
	r->product = f && f->valid ? (uint32_t)f->ival : UINT32_MAX;
	f = tendo_fit_message_field(m, 8);
	if (f && f->valid)
		tendo_fit_field_string(f, r->product_name, sizeof(r->product_name));
}

static int on_message(const tendo_fit_message *m, void *user)
{
	reader *r = user;
	const tendo_fit_field *f;
	switch (m->num) {
	case 20: return on_record(r, m);
	case 18: return on_session(r, m);
	case 19:
		r->a->n_laps++;
		if (r->lap_sport == SPORT_NONE && (f = tendo_fit_message_field(m, 25)) && f->valid)
			r->lap_sport = (int)f->ival;
		return 0;
	case 12:
		if (r->sport_msg == SPORT_NONE && (f = tendo_fit_message_field(m, 0)) && f->valid)
			r->sport_msg = (int)f->ival;
		return 0;
	case 0: on_file_id(r, m); return 0;
	default: return 0;
	}
}

static void device_text(char *dst, size_t cap, uint32_t manufacturer, uint32_t product, const char *product_name)
{
	char mk[40] = "", pr[48] = "";
	if (manufacturer != UINT32_MAX) {
		const char *name = fit_enum_name(FIT_ENUM_MANUFACTURER, manufacturer);
		if (name)
			snprintf(mk, sizeof(mk), "%s", name);
		else
			snprintf(mk, sizeof(mk), "%u", (unsigned)manufacturer);
	}
	const char *pname = NULL;
	if (product != UINT32_MAX && manufacturer != UINT32_MAX && fit_makes_garmin_products(manufacturer))
		pname = fit_enum_name(FIT_ENUM_GARMIN_PRODUCT, product);
	if (pname)
		snprintf(pr, sizeof(pr), "%s", pname);
	else if (product_name && product_name[0])
		snprintf(pr, sizeof(pr), "%s", product_name);
	else if (product != UINT32_MAX)
		snprintf(pr, sizeof(pr), "%u", (unsigned)product);
	snprintf(dst, cap, "%s%s%s", mk, mk[0] && pr[0] ? " " : "", pr);
}

/* A session's start and whether its cadence is in steps, sorted by start. */
typedef struct {
	int64_t start_ms; /* UTC ms */
	bool steps;       /* running, walking, hiking */
} span;

static int cmp_start(const void *x, const void *y)
{
	const span *a = x, *b = y;
	return a->start_ms < b->start_ms ? -1 : a->start_ms > b->start_ms;
}

/* Running, walking and hiking cadence to steps/min (see the top of the file). */
static int fix_cadence(reader *r)
{
	tendo_activity *a = r->a;
	int dflt = r->sport_msg != SPORT_NONE ? r->sport_msg : r->lap_sport;
	if (a->n_sessions == 0) {
		if (step_sport(dflt))
			for (size_t i = 0; i < a->n_points; i++)
				a->points[i].cadence_spm *= 2;
		return 0;
	}
	size_t ns = 0;
	span *ss = tendo_malloc(a->n_sessions * sizeof(*ss));
	if (!ss)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for sessions");
	for (size_t i = 0; i < a->n_sessions; i++)
		if (a->sessions[i].start_ms != TENDO_TIME_NONE)
			ss[ns++] = (span){ a->sessions[i].start_ms, step_sport_name(a->sessions[i].sport) };
	qsort(ss, ns, sizeof(*ss), cmp_start);
	bool first_steps = ns ? ss[0].steps : step_sport_name(a->sessions[0].sport);
	for (size_t i = 0; i < a->n_points; i++) {
		tendo_point *p = &a->points[i];
		if (isnan(p->cadence_spm))
			continue;
		bool steps = first_steps;
		if (p->t_ms != TENDO_TIME_NONE && ns) {
			size_t lo = 0, hi = ns; /* first session starting after t */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (ss[mid].start_ms <= p->t_ms)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo > 0)
				steps = ss[lo - 1].steps;
		}
		if (steps)
			p->cadence_spm *= 2;
	}
	free(ss);
	return 0;
}

int tendo_fit_read(tendo_activity *out, const uint8_t *data, size_t len, const tendo_read_limits *lim)
{
	if (!out)
		return tendo_error_set(TENDO_EINVAL, "no activity to fill");
	reader r;
	memset(&r, 0, sizeof(r));
	r.a = out;
	r.max_points = lim ? lim->max_points : 0;
	r.sport_msg = SPORT_NONE;
	r.lap_sport = SPORT_NONE;
	snprintf(out->format, sizeof(out->format), "fit");

	tendo_fit_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.skip_developer = true;
	opt.expand_components = true;
	opt.max_bytes = lim ? lim->max_bytes : 0;
	tendo_fit_summary sum;
	int rc = tendo_fit_decode(&sum, data, len, &opt, on_message, &r);
	if (rc != 0 && rc != TENDO_EFORMAT)
		return rc;
	if (rc == TENDO_EFORMAT && r.records == 0 && r.sessions == 0 && out->n_laps == 0)
		return rc; /* nothing usable: the message is already set */

	if (r.have_file_id)
		device_text(out->device, sizeof(out->device), r.manufacturer, r.product, r.product_name);
	out->baro_altitude = r.alt_without_pos;
	int frc = fix_cadence(&r);
	if (frc)
		return frc;
	char warn[sizeof(out->warning)] = "";
	if (rc == TENDO_EFORMAT) {
		if (sum.damage == TENDO_FIT_TRUNCATED)
			snprintf(warn, sizeof(warn), "truncated at byte %zu", sum.damage_at);
		else
			snprintf(warn, sizeof(warn), "%s", sum.what);
		size_t l = strlen(warn);
		if (sum.damages > 1)
			snprintf(warn + l, sizeof(warn) - l, "; then %s", sum.last);
		l = strlen(warn);
		if (l + 40 >= sizeof(warn)) /* keep the count readable */
			l = sizeof(warn) - 40;
		snprintf(warn + l, sizeof(warn) - l, ": read %llu records", (unsigned long long)r.records);
	}
	if (r.relative_time) {
		size_t l = strlen(warn);
		snprintf(warn + l, sizeof(warn) - l, "%stimes are relative to device power-on (before 1998), not UTC",
		         l ? "; " : "");
	}
	snprintf(out->warning, sizeof(out->warning), "%s", warn);
	tendo_error_clear();
	return 0;
}

/* ---- probe ---------------------------------------------------------------- */

typedef struct {
	tendo_fit_info *info; /* output */
	bool found;           /* file_id seen */
} prober;

static int on_probe(const tendo_fit_message *m, void *user)
{
	prober *p = user;
	if (m->num != 0)
		return 0;
	tendo_fit_info *o = p->info;
	const tendo_fit_field *f;
	enum_text(o->type, sizeof(o->type), FIT_ENUM_FILE, tendo_fit_message_field(m, 0));
	f = tendo_fit_message_field(m, 1);
	uint32_t mk = f && f->valid ? (uint32_t)f->ival : UINT32_MAX;
	enum_text(o->manufacturer, sizeof(o->manufacturer), FIT_ENUM_MANUFACTURER, f);
	f = tendo_fit_message_field(m, 2);
	uint32_t pr = f && f->valid ? (uint32_t)f->ival : UINT32_MAX;
	char pname[32] = "";
	if ((f = tendo_fit_message_field(m, 8)) && f->valid)
		tendo_fit_field_string(f, pname, sizeof(pname));
	const char *gp = pr != UINT32_MAX && mk != UINT32_MAX && fit_makes_garmin_products(mk)
		? fit_enum_name(FIT_ENUM_GARMIN_PRODUCT, pr) : NULL;
	if (gp)
		snprintf(o->product, sizeof(o->product), "%s", gp);
	else if (pname[0])
		snprintf(o->product, sizeof(o->product), "%s", pname);
	else if (pr != UINT32_MAX)
		snprintf(o->product, sizeof(o->product), "%u", (unsigned)pr);
	if ((f = tendo_fit_message_field(m, 4)) && f->valid)
		o->time_created_ms = tendo_fit_time_ms((uint32_t)f->ival);
	o->files = m->file + 1;
	p->found = true;
	return 1; /* stop: nothing else is needed */
}

int tendo_fit_probe(tendo_fit_info *out, const uint8_t *data, size_t len)
{
	if (!out)
		return tendo_error_set(TENDO_EINVAL, "no info to fill");
	memset(out, 0, sizeof(*out));
	out->time_created_ms = TENDO_TIME_NONE;
	prober p = { out, false };
	tendo_fit_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.skip_developer = true;
	opt.skip_crc = true;
	tendo_fit_summary sum;
	int rc = tendo_fit_decode(&sum, data, len, &opt, on_probe, &p);
	if (p.found)
		return 0;
	if (sum.damage == TENDO_FIT_NOT_FIT)
		return TENDO_EFORMAT;
	out->files = sum.files;
	return rc == 1 ? 0 : (rc < 0 && rc != TENDO_EFORMAT ? rc : 0);
}
