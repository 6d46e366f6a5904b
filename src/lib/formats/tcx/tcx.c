/*
 * tcx.c - the TCX (Training Center Database v2) reader (tendo/tcx.h).
 *
 * Exports tendo_tcx_read(). A streaming expat parse (formats/xml.c) drives
 * a small state machine: the depth of the open <Activities>, <Activity>,
 * <Lap>, <Track>, <Trackpoint> (and the few containers inside them) says
 * where we are; anything else is skipped whole. One session per
 * <Activity>, summed from its laps; courses are counted, never read.
 */
#include <tendo/tcx.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <tendo/errors.h>

#include "formats/xml_int.h"

/* Text fields collected (tendo_xml.want). */
enum {
	F_NONE, F_ID, F_CREATOR, F_LAP_TIME, F_LAP_DIST, F_LAP_HR,
	F_TIME, F_LAT, F_LON, F_ALT, F_DIST, F_HR, F_CAD, F_SPEED, F_RUNCAD, F_WATTS
};

typedef struct {
	tendo_xml x;              /* first member: the parser (formats/xml_int.h) */
	tendo_activity *a;        /* being filled; borrowed */
	size_t max_points;        /* limit on points, 0 = default */
	unsigned d_acts, d_act, d_creator, d_lap, d_lap_hr, d_track, d_pt, d_pos, d_hr, d_courses;
	                          /* depth of the open element of that kind, 0 = none */
	tendo_session s;          /* the open activity */
	bool on_foot;             /* its sport is running or walking (core <Cadence> is one foot's) */
	double hr_sum;            /* sum over its laps of average HR x lap time, bpm s */
	double hr_time;           /* time of the laps with an average HR, s */
	double lap_time;          /* TotalTimeSeconds of the open lap, s, NAN */
	double lap_dist;          /* DistanceMeters of the open lap, m, NAN */
	double lap_hr;            /* AverageHeartRateBpm of the open lap, bpm, NAN */
	tendo_point pt;           /* the trackpoint being read */
	double lat, lon;          /* its position, degrees, NAN */
	double cad, run_cad;      /* its <Cadence> and TPX <RunCadence> as recorded, NAN */
	bool seg_pending;         /* the next trackpoint starts a <Track> */
	size_t activities;        /* <Activity> elements */
	size_t courses;           /* <Course> elements (skipped) */
} tcx_ctx;

static void on_value(tcx_ctx *c, unsigned f)
{
	tendo_point *p = &c->pt;
	double v;
	int64_t t;
	switch (f) {
	case F_ID:
		if (!c->x.tover && tendo_xml_time(tendo_xml_text(&c->x), &t))
			c->s.start_ms = t;
		break;
	case F_CREATOR:
		if (!c->a->device[0])
			tendo_xml_copy_text(c->a->device, sizeof(c->a->device), tendo_xml_text(&c->x));
		break;
	case F_LAP_TIME:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0)
			c->lap_time = v;
		break;
	case F_LAP_DIST:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0)
			c->lap_dist = v;
		break;
	case F_LAP_HR:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0.5 && v < 254.5)
			c->lap_hr = v;
		break;
	case F_TIME:
		if (c->x.tover || !tendo_xml_time(tendo_xml_text(&c->x), &p->t_ms))
			tendo_xml_bad_value(&c->x);
		break;
	case F_LAT:
		if (tendo_xml_text_number(&c->x, &v))
			c->lat = v;
		break;
	case F_LON:
		if (tendo_xml_text_number(&c->x, &v))
			c->lon = v;
		break;
	case F_ALT:
		if (tendo_xml_text_number(&c->x, &v) && fabs(v) < 100000)
			p->alt_m = v;
		break;
	case F_DIST:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0)
			p->dist_m = v;
		break;
	case F_HR:
		if (tendo_xml_text_number(&c->x, &v))
			p->hr = v >= 0.5 && v < 254.5 ? (int)lround(v) : -1; /* 0, 255: no reading */
		break;
	case F_CAD:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v <= 300)
			c->cad = v;
		break;
	case F_RUNCAD:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v <= 300)
			c->run_cad = v;
		break;
	case F_SPEED:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v < 200)
			p->speed_mps = v;
		break;
	case F_WATTS:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v < 10000)
			p->power_w = v;
		break;
	default:
		break;
	}
}

static void begin_activity(tcx_ctx *c, unsigned d, const XML_Char **atts)
{
	c->d_act = d;
	c->activities++;
	tendo_session_clear(&c->s);
	c->s.laps = 0;
	c->hr_sum = c->hr_time = 0;
	for (const XML_Char **at = atts; *at; at += 2) {
		if (strcmp(at[0], "Sport") != 0)
			continue;
		char t[32];
		tendo_xml_copy_text(t, sizeof(t), at[1]);
		for (char *q = t; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		snprintf(c->s.sport, sizeof(c->s.sport), "%s", strcmp(t, "biking") == 0 ? "cycling" : t);
	}
	c->on_foot = strcmp(c->s.sport, "running") == 0 || strcmp(c->s.sport, "walking") == 0;
}

static void end_lap(tcx_ctx *c)
{
	tendo_session *s = &c->s;
	c->d_lap = c->d_lap_hr = 0;
	if (isfinite(c->lap_time))
		s->timer_s = isnan(s->timer_s) ? c->lap_time : s->timer_s + c->lap_time;
	if (isfinite(c->lap_dist))
		s->distance_m = isnan(s->distance_m) ? c->lap_dist : s->distance_m + c->lap_dist;
	if (isfinite(c->lap_hr) && isfinite(c->lap_time) && c->lap_time > 0) {
		c->hr_sum += c->lap_hr * c->lap_time;
		c->hr_time += c->lap_time;
	}
}

static int end_activity(tcx_ctx *c)
{
	c->d_act = c->d_creator = 0;
	if (c->hr_time > 0)
		c->s.avg_hr = c->hr_sum / c->hr_time;
	return tendo_activity_add_session(c->a, &c->s);
}

static void begin_lap(tcx_ctx *c, unsigned d, const XML_Char **atts)
{
	c->d_lap = d;
	c->d_lap_hr = 0;
	c->lap_time = c->lap_dist = c->lap_hr = NAN;
	c->s.laps++;
	c->a->n_laps++;
	if (c->s.start_ms != TENDO_TIME_NONE)
		return;
	for (const XML_Char **at = atts; *at; at += 2) {
		int64_t t;
		if (strcmp(at[0], "StartTime") == 0 && tendo_xml_time(at[1], &t))
			c->s.start_ms = t;
	}
}

static void begin_point(tcx_ctx *c, unsigned d)
{
	c->d_pt = d;
	c->d_pos = c->d_hr = 0;
	tendo_point_clear(&c->pt);
	c->lat = c->lon = c->cad = c->run_cad = NAN;
}

static void end_point(tcx_ctx *c)
{
	tendo_point *p = &c->pt;
	c->d_pt = c->d_pos = c->d_hr = 0;
	if (c->lat >= -90 && c->lat <= 90 && c->lon >= -180 && c->lon <= 180) {
		p->lat = c->lat;
		p->lon = c->lon;
	} else if (!isnan(c->lat) || !isnan(c->lon)) {
		tendo_xml_bad_value(&c->x); /* half a position, or an impossible one */
	}
	if (isfinite(c->run_cad))
		p->cadence_spm = 2 * c->run_cad; /* strides of one foot -> steps */
	else if (isfinite(c->cad))
		p->cadence_spm = c->on_foot ? 2 * c->cad : c->cad;
	p->seg_start = c->seg_pending;
	c->seg_pending = false;
	int rc = tendo_activity_add_point(c->a, p, c->max_points);
	if (rc)
		tendo_xml_fail(&c->x, rc, "%s", tendo_error_last());
}

/* An element inside <Trackpoint>, at any depth (extensions nest). */
static void point_child(tcx_ctx *c, unsigned d, int ns, const char *local)
{
	tendo_xml *x = &c->x;
	if (ns == XNS_TCX2) {
		if (d == c->d_pt + 1) {
			if (strcmp(local, "Time") == 0)
				tendo_xml_want(x, F_TIME);
			else if (strcmp(local, "Position") == 0)
				c->d_pos = d;
			else if (strcmp(local, "AltitudeMeters") == 0)
				tendo_xml_want(x, F_ALT);
			else if (strcmp(local, "DistanceMeters") == 0)
				tendo_xml_want(x, F_DIST);
			else if (strcmp(local, "HeartRateBpm") == 0)
				c->d_hr = d;
			else if (strcmp(local, "Cadence") == 0)
				tendo_xml_want(x, F_CAD);
			else if (strcmp(local, "Extensions") != 0)
				tendo_xml_skip(x); /* SensorState, ... */
		} else if (c->d_pos && d == c->d_pos + 1) {
			if (strcmp(local, "LatitudeDegrees") == 0)
				tendo_xml_want(x, F_LAT);
			else if (strcmp(local, "LongitudeDegrees") == 0)
				tendo_xml_want(x, F_LON);
		} else if (c->d_hr && d == c->d_hr + 1 && strcmp(local, "Value") == 0) {
			tendo_xml_want(x, F_HR);
		}
		return;
	}
	if (ns == XNS_AX2) {
		if (strcmp(local, "Speed") == 0)
			tendo_xml_want(x, F_SPEED);
		else if (strcmp(local, "RunCadence") == 0)
			tendo_xml_want(x, F_RUNCAD);
		else if (strcmp(local, "Watts") == 0)
			tendo_xml_want(x, F_WATTS);
	}
}

static bool is(const char *local, const char *name)
{
	return strcmp(local, name) == 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	tcx_ctx *c = ud;
	tendo_xml *x = &c->x;
	unsigned d = tendo_xml_enter(x); /* want = F_NONE (0) */
	if (!d)
		return;

	const char *local;
	int ns = tendo_xml_ns(name, &local);
	if (c->d_pt) {
		point_child(c, d, ns, local);
		return;
	}
	bool t = ns == XNS_TCX2;
	if (d == 1) {
		if (!t || !is(local, "TrainingCenterDatabase"))
			tendo_xml_fail(x, TENDO_EFORMAT, "not a tcx document (root element '%.60s'%s)", local,
			               ns == XNS_OTHER ? " in another namespace" : "");
	} else if (c->d_track) {
		if (t && is(local, "Trackpoint"))
			begin_point(c, d);
		else
			tendo_xml_skip(x);
	} else if (c->d_lap_hr) {
		if (t && is(local, "Value"))
			tendo_xml_want(x, F_LAP_HR);
		else
			tendo_xml_skip(x);
	} else if (c->d_lap) {
		if (t && is(local, "Track")) {
			c->d_track = d;
			c->seg_pending = true;
		} else if (t && is(local, "TotalTimeSeconds")) {
			tendo_xml_want(x, F_LAP_TIME);
		} else if (t && is(local, "DistanceMeters")) {
			tendo_xml_want(x, F_LAP_DIST);
		} else if (t && is(local, "AverageHeartRateBpm")) {
			c->d_lap_hr = d;
		} else {
			tendo_xml_skip(x);
		}
	} else if (c->d_creator) {
		if (t && d == c->d_creator + 1 && is(local, "Name"))
			tendo_xml_want(x, F_CREATOR);
		else
			tendo_xml_skip(x);
	} else if (c->d_act) {
		if (t && is(local, "Lap"))
			begin_lap(c, d, atts);
		else if (t && is(local, "Id"))
			tendo_xml_want(x, F_ID);
		else if (t && is(local, "Creator"))
			c->d_creator = d;
		else
			tendo_xml_skip(x);
	} else if (c->d_acts) {
		if (t && is(local, "Activity"))
			begin_activity(c, d, atts);
		else if (!(t && (is(local, "MultiSportSession") || is(local, "FirstSport") || is(local, "NextSport"))))
			tendo_xml_skip(x);
	} else if (c->d_courses) {
		c->courses += t && d == c->d_courses + 1 && is(local, "Course");
		tendo_xml_skip(x);
	} else if (d == 2 && t && is(local, "Activities")) {
		c->d_acts = d;
	} else if (d == 2 && t && is(local, "Courses")) {
		c->d_courses = d;
	} else {
		tendo_xml_skip(x); /* Folders, Workouts, Author, ... */
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	(void)name;
	tcx_ctx *c = ud;
	tendo_xml *x = &c->x;
	unsigned d = tendo_xml_leave(x);
	if (!d)
		return;
	if (x->want) {
		on_value(c, x->want);
		tendo_xml_unwant(x);
		return;
	}
	if (d == c->d_pt) {
		end_point(c);
	} else if (d == c->d_pos) {
		c->d_pos = 0;
	} else if (d == c->d_hr) {
		c->d_hr = 0;
	} else if (d == c->d_track) {
		c->d_track = 0;
	} else if (d == c->d_lap_hr) {
		c->d_lap_hr = 0;
	} else if (d == c->d_lap) {
		end_lap(c);
	} else if (d == c->d_creator) {
		c->d_creator = 0;
	} else if (d == c->d_act) {
		int rc = end_activity(c);
		if (rc)
			tendo_xml_fail(x, rc, "%s", tendo_error_last());
	} else if (d == c->d_acts) {
		c->d_acts = 0;
	} else if (d == c->d_courses) {
		c->d_courses = 0;
	}
}

int tendo_tcx_read(tendo_activity *out, const uint8_t *data, size_t len, const tendo_read_limits *lim)
{
	tcx_ctx c;
	memset(&c, 0, sizeof(c));
	tendo_activity_init(out);
	c.a = out;
	c.max_points = lim ? lim->max_points : 0;

	int rc = tendo_xml_open(&c.x, lim, &c, on_start, on_end);
	if (rc == 0)
		rc = tendo_xml_run(&c.x, data, len, lim, "tcx");
	tendo_xml_close(&c.x);

	if (rc == TENDO_EFORMAT && out->n_points > 0) {
		/* a damaged file imports what is sound: close the open lap and activity */
		char why[200];
		snprintf(why, sizeof(why), "%s", tendo_error_last());
		if (c.d_lap)
			end_lap(&c);
		rc = c.d_act ? end_activity(&c) : 0;
		if (rc == 0)
			snprintf(out->warning, sizeof(out->warning), "kept the %zu trackpoints before the error: %s",
			         out->n_points, why);
	} else if (rc == 0 && c.activities == 0) {
		rc = tendo_error_set(TENDO_EUNSUPPORTED, "tcx: no activity (%zu courses)", c.courses);
	}
	if (rc) {
		tendo_activity_dispose(out);
		return rc;
	}
	if (c.x.bad_values) {
		size_t w = strlen(out->warning);
		snprintf(out->warning + w, sizeof(out->warning) - w, "%s%zu values could not be read (first at line %lu)",
		         w ? "; " : "", c.x.bad_values, c.x.bad_line);
	}
	memcpy(out->format, "tcx", 4);
	return 0;
}
