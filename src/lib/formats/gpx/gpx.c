/*
 * gpx.c - the GPX 1.0 / 1.1 reader (tendo/gpx.h).
 *
 * Exports tendo_gpx_read(). A streaming expat parse (formats/xml.c) drives
 * a small state machine: the depth of the open <metadata>, <trk>, <trkseg>,
 * <trkpt> and <rte> says where we are; anything else is skipped whole.
 * Handlers compare namespace URIs once per element and allocate nothing
 * but the growing point array.
 */
#include <tendo/gpx.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <tendo/errors.h>

#include "formats/xml_int.h"

/* Text fields collected (tendo_xml.want). */
enum { F_NONE, F_ELE, F_TIME, F_SPEED, F_HR, F_CAD, F_POWER, F_TRK_NAME, F_TRK_TYPE, F_META_NAME };

typedef struct {
	tendo_xml x;              /* first member: the parser (formats/xml_int.h) */
	tendo_activity *a;        /* being filled; borrowed */
	size_t max_points;        /* limit on points, 0 = default */
	int gpx_ns;               /* namespace of the root: XNS_GPX10, XNS_GPX11 or XNS_NONE */
	unsigned d_meta, d_trk, d_seg, d_pt, d_rte; /* depth of the open <metadata> <trk> <trkseg> <trkpt> <rte>; 0 */
	tendo_point pt;           /* the point being read */
	bool pt_bad;              /* its position is missing or impossible: dropped */
	bool seg_pending;         /* the next point kept starts a segment */
	bool cad_seen;            /* some point has a cadence (stored as recorded until the end) */
	bool trk_named;           /* a track name was stored in a->name */
	bool typed;               /* the first <type> of a track was seen */
	size_t tracks, segments;  /* <trk>, <trkseg> elements */
	size_t routes, route_points, waypoints; /* skipped: <rte>, <rtept>, <wpt> */
	size_t bad_points;        /* track points dropped for want of a valid position */
	char meta_name[128];      /* metadata/name (1.1) or gpx/name (1.0) */
	char type[32];            /* the first track's <type>, as written */
} gpx_ctx;

static void on_value(gpx_ctx *c, unsigned f)
{
	tendo_point *p = &c->pt;
	double v;
	switch (f) {
	case F_ELE:
		if (tendo_xml_text_number(&c->x, &v) && fabs(v) < 100000)
			p->alt_m = v;
		break;
	case F_TIME:
		if (c->x.tover || !tendo_xml_time(tendo_xml_text(&c->x), &p->t_ms))
			tendo_xml_bad_value(&c->x);
		break;
	case F_SPEED:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v < 200)
			p->speed_mps = v;
		break;
	case F_HR:
		if (tendo_xml_text_number(&c->x, &v))
			p->hr = v >= 0.5 && v < 254.5 ? (int)lround(v) : -1; /* 0, 255: no reading */
		break;
	case F_CAD:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v <= 300) {
			p->cadence_spm = v; /* as recorded; doubled at the end for sports on foot */
			c->cad_seen = true;
		}
		break;
	case F_POWER:
		if (tendo_xml_text_number(&c->x, &v) && v >= 0 && v < 10000)
			p->power_w = v;
		break;
	case F_TRK_NAME:
		if (!c->trk_named) {
			tendo_xml_copy_text(c->a->name, sizeof(c->a->name), tendo_xml_text(&c->x));
			c->trk_named = c->a->name[0] != '\0';
		}
		break;
	case F_TRK_TYPE:
		if (!c->typed) {
			tendo_xml_copy_text(c->type, sizeof(c->type), tendo_xml_text(&c->x));
			c->typed = true;
		}
		break;
	case F_META_NAME:
		if (!c->meta_name[0])
			tendo_xml_copy_text(c->meta_name, sizeof(c->meta_name), tendo_xml_text(&c->x));
		break;
	default:
		break;
	}
}

static void root(gpx_ctx *c, int ns, const char *local, const XML_Char **atts)
{
	if ((ns != XNS_GPX10 && ns != XNS_GPX11 && ns != XNS_NONE) || strcmp(local, "gpx") != 0) {
		tendo_xml_fail(&c->x, TENDO_EFORMAT, "not a gpx document (root element '%.60s'%s)", local,
		               ns == XNS_OTHER ? " in another namespace" : "");
		return;
	}
	c->gpx_ns = ns;
	for (const XML_Char **at = atts; *at; at += 2)
		if (strcmp(at[0], "creator") == 0)
			tendo_xml_copy_text(c->a->device, sizeof(c->a->device), at[1]);
}

static void begin_point(gpx_ctx *c, unsigned d, const XML_Char **atts)
{
	double lat = NAN, lon = NAN;
	c->d_pt = d;
	tendo_point_clear(&c->pt);
	for (const XML_Char **at = atts; *at; at += 2) {
		if (at[0][0] == 'l' && at[0][1] == 'a' && strcmp(at[0], "lat") == 0) {
			if (!tendo_xml_number(at[1], &lat))
				lat = NAN;
		} else if (at[0][0] == 'l' && strcmp(at[0], "lon") == 0) {
			if (!tendo_xml_number(at[1], &lon))
				lon = NAN;
		}
	}
	/* NAN fails every comparison */
	c->pt_bad = !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);
	c->pt.lat = lat;
	c->pt.lon = lon;
}

static void end_point(gpx_ctx *c)
{
	c->d_pt = 0;
	if (c->pt_bad) {
		c->bad_points++;
		return;
	}
	c->pt.seg_start = c->seg_pending;
	c->seg_pending = false;
	int rc = tendo_activity_add_point(c->a, &c->pt, c->max_points);
	if (rc)
		tendo_xml_fail(&c->x, rc, "%s", tendo_error_last());
}

/* An element inside <trkpt>, at any depth (extensions nest). */
static void point_child(gpx_ctx *c, unsigned d, int ns, const char *local)
{
	tendo_xml *x = &c->x;
	if (ns == c->gpx_ns) {
		if (d == c->d_pt + 1) {
			if (strcmp(local, "ele") == 0)
				tendo_xml_want(x, F_ELE);
			else if (strcmp(local, "time") == 0)
				tendo_xml_want(x, F_TIME);
			else if (strcmp(local, "speed") == 0) /* GPX 1.0; some 1.1 writers too */
				tendo_xml_want(x, F_SPEED);
			else if (strcmp(local, "extensions") != 0)
				tendo_xml_skip(x); /* hdop, sat, name, ... */
		} else if (strcmp(local, "power") == 0) {
			tendo_xml_want(x, F_POWER); /* Strava: <extensions><power> */
		}
		return;
	}
	switch (ns) {
	case XNS_TPX1:
	case XNS_TPX2:
	case XNS_GPXX3:
		if (strcmp(local, "hr") == 0)
			tendo_xml_want(x, F_HR);
		else if (strcmp(local, "cad") == 0)
			tendo_xml_want(x, F_CAD);
		else if (strcmp(local, "speed") == 0)
			tendo_xml_want(x, F_SPEED);
		break;
	case XNS_GPXDATA:
		if (strcmp(local, "hr") == 0)
			tendo_xml_want(x, F_HR);
		else if (strcmp(local, "cadence") == 0)
			tendo_xml_want(x, F_CAD);
		break;
	case XNS_PWR:
		if (strcmp(local, "PowerInWatts") == 0)
			tendo_xml_want(x, F_POWER);
		break;
	default:
		break;
	}
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	gpx_ctx *c = ud;
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
	if (d == 1) {
		root(c, ns, local, atts);
		return;
	}
	bool g = ns == c->gpx_ns;
	if (c->d_seg) {
		if (g && strcmp(local, "trkpt") == 0)
			begin_point(c, d, atts);
		else
			tendo_xml_skip(x);
	} else if (c->d_trk) {
		if (g && strcmp(local, "trkseg") == 0) {
			c->d_seg = d;
			c->seg_pending = true;
			c->segments++;
		} else if (g && strcmp(local, "name") == 0) {
			tendo_xml_want(x, F_TRK_NAME);
		} else if (g && strcmp(local, "type") == 0) {
			tendo_xml_want(x, F_TRK_TYPE);
		} else {
			tendo_xml_skip(x);
		}
	} else if (c->d_rte) {
		c->route_points += g && strcmp(local, "rtept") == 0;
		tendo_xml_skip(x);
	} else if (c->d_meta) {
		if (g && strcmp(local, "name") == 0)
			tendo_xml_want(x, F_META_NAME);
		else
			tendo_xml_skip(x);
	} else if (d == 2 && g) {
		if (strcmp(local, "trk") == 0) {
			c->d_trk = d;
			c->tracks++;
		} else if (strcmp(local, "metadata") == 0) {
			c->d_meta = d;
		} else if (strcmp(local, "name") == 0) {
			tendo_xml_want(x, F_META_NAME); /* GPX 1.0 */
		} else if (strcmp(local, "rte") == 0) {
			c->d_rte = d;
			c->routes++;
		} else {
			c->waypoints += strcmp(local, "wpt") == 0;
			tendo_xml_skip(x);
		}
	} else {
		tendo_xml_skip(x);
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	(void)name;
	gpx_ctx *c = ud;
	tendo_xml *x = &c->x;
	unsigned d = tendo_xml_leave(x);
	if (!d)
		return;
	if (x->want) {
		on_value(c, x->want);
		tendo_xml_unwant(x);
		return;
	}
	if (d == c->d_pt)
		end_point(c);
	else if (d == c->d_seg)
		c->d_seg = 0;
	else if (d == c->d_trk)
		c->d_trk = 0;
	else if (d == c->d_meta)
		c->d_meta = 0;
	else if (d == c->d_rte)
		c->d_rte = 0;
}

static bool has(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* A track <type> as a session sport: Garmin Connect's words ("running",
 * "trail_running", "road_biking"), Strava's numbers, plain English. False
 * if not recognised. */
static bool map_sport(const char *type, tendo_session *s)
{
	char t[32];
	size_t i;
	for (i = 0; type[i] && i < sizeof(t) - 1; i++)
		t[i] = (char)(type[i] >= 'A' && type[i] <= 'Z' ? type[i] - 'A' + 'a' : type[i]);
	t[i] = '\0';
	const char *sport = NULL, *sub = "";
	if (strcmp(t, "9") == 0)
		sport = "running"; /* Strava activity types */
	else if (strcmp(t, "10") == 0)
		sport = "walking";
	else if (strcmp(t, "4") == 0)
		sport = "hiking";
	else if (strcmp(t, "1") == 0)
		sport = "cycling";
	else if (has(t, "run")) {
		sport = "running";
		sub = has(t, "treadmill") ? "treadmill" : has(t, "trail") ? "trail" : "";
	} else if (has(t, "walk"))
		sport = "walking";
	else if (has(t, "hik"))
		sport = "hiking";
	else if (has(t, "bik") || has(t, "cycl") || has(t, "ride"))
		sport = "cycling";
	else if (has(t, "swim"))
		sport = "swimming";
	if (!sport)
		return false;
	snprintf(s->sport, sizeof(s->sport), "%s", sport);
	snprintf(s->sub_sport, sizeof(s->sub_sport), "%s", sub);
	return true;
}

/* Sport, cadence units, name fallback, warnings: once the parse is over. */
static int finish(gpx_ctx *c)
{
	tendo_activity *a = c->a;
	tendo_session s;
	tendo_session_clear(&s);
	bool sport = c->typed && map_sport(c->type, &s);
	if (sport) {
		int rc = tendo_activity_add_session(a, &s);
		if (rc)
			return rc;
	}
	bool on_foot = !sport || strcmp(s.sport, "running") == 0 || strcmp(s.sport, "walking") == 0 ||
	               strcmp(s.sport, "hiking") == 0;
	if (c->cad_seen && on_foot)
		for (size_t i = 0; i < a->n_points; i++)
			a->points[i].cadence_spm *= 2; /* strides of one foot -> steps; NAN stays NAN */
	if (!a->name[0])
		memcpy(a->name, c->meta_name, sizeof(a->name));

	size_t w = strlen(a->warning);
	if (c->bad_points && w < sizeof(a->warning))
		w += (size_t)snprintf(a->warning + w, sizeof(a->warning) - w, "%s%zu track points without a valid position dropped",
		                      w ? "; " : "", c->bad_points);
	if (c->x.bad_values && w < sizeof(a->warning))
		snprintf(a->warning + w, sizeof(a->warning) - w, "%s%zu values could not be read (first at line %lu)",
		         w ? "; " : "", c->x.bad_values, c->x.bad_line);
	return 0;
}

int tendo_gpx_read(tendo_activity *out, const uint8_t *data, size_t len, const tendo_read_limits *lim)
{
	gpx_ctx c;
	memset(&c, 0, sizeof(c));
	tendo_activity_init(out);
	c.a = out;
	c.max_points = lim ? lim->max_points : 0;

	int rc = tendo_xml_open(&c.x, lim, &c, on_start, on_end);
	if (rc == 0)
		rc = tendo_xml_run(&c.x, data, len, lim, "gpx");
	tendo_xml_close(&c.x);

	if (rc == TENDO_EFORMAT && out->n_points > 0) {
		/* a damaged file imports what is sound */
		snprintf(out->warning, sizeof(out->warning), "kept the %zu points before the error: %s", out->n_points,
		         tendo_error_last());
		rc = 0;
	} else if (rc == 0 && out->n_points == 0) {
		rc = tendo_error_set(TENDO_EUNSUPPORTED,
		                     "gpx: no track points (%zu tracks, %zu segments, %zu routes with %zu points, "
		                     "%zu waypoints%s)",
		                     c.tracks, c.segments, c.routes, c.route_points, c.waypoints,
		                     c.bad_points ? ", only points without a valid position" : "");
	}
	if (rc == 0)
		rc = finish(&c);
	if (rc) {
		tendo_activity_dispose(out);
		return rc;
	}
	memcpy(out->format, "gpx", 4);
	return 0;
}
