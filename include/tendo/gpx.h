/*
 * tendo/gpx.h - read a GPX file (GPS Exchange Format 1.0 or 1.1) into an
 * activity.
 *
 * Elements are matched on namespace URIs, never on prefixes: the root must
 * be <gpx> in http://www.topografix.com/GPX/1/0 or /1/1 (or in no
 * namespace at all, as some exporters write it). What is read:
 *
 *   gpx@creator              -> device
 *   trk/name (first track),
 *   else metadata/name       -> name
 *   trk/type (first track)   -> a session with only sport / sub_sport set,
 *                               when the type is recognised ("running",
 *                               "trail_running", "road_biking", Strava's
 *                               numeric 1/4/9/10, ...); no session otherwise
 *   trk/trkseg/trkpt         -> points: lat, lon, ele, time, speed (1.0);
 *                               Garmin TrackPointExtension v1/v2 (and the
 *                               older GpxExtensions v3) hr, cad, speed;
 *                               cluetrust gpxdata hr, cadence; Garmin
 *                               PowerExtension PowerInWatts or <power>
 *
 * Every point of a new <trkseg> starts with seg_start = true, so distance is
 * summed within segments only. Routes (rte) and waypoints (wpt) are not
 * activities: they are skipped.
 *
 * Cadence: Garmin's cad (and gpxdata:cadence) is what the device measured:
 * for running, strides per minute of one foot (checked against the FIT
 * file of the same run: 79.7 in both). cadence_spm is therefore 2 x cad
 * when the sport is on foot (running, walking, hiking) or unknown, and
 * cad as recorded (rpm) when the file names another sport (cycling, ...).
 *
 * Heart rates outside 1-254 bpm (0 and 255 are "no reading" on devices) are
 * stored as unknown (-1). Times: ISO 8601 with Z, an offset or no zone (UTC),
 * with or without fractional seconds.
 */
#ifndef TENDO_GPX_H
#define TENDO_GPX_H

#include <stddef.h>
#include <stdint.h>

#include "activity.h"

/*
 * Read the GPX document in data[0..len).
 *
 * out:  initialised here (any previous content is not released); on
 *       success release with tendo_activity_dispose(); on failure left
 *       empty
 * data: borrowed for the call only; streamed through expat in 64 KiB chunks
 * lim:  NULL or zero fields for the defaults (2,000,000 points, 512 MiB,
 *       nesting 64)
 *
 * Returns 0 when track points were read. If the document breaks off or
 * stops being well-formed after some points, those points are kept, 0 is
 * returned and out->warning says where the XML broke. Track points with a
 * missing or impossible position are dropped and counted in out->warning.
 *
 * Errors (tendo_error_last() has the reason; XML errors name the line and
 * column): TENDO_EFORMAT for XML that is not well-formed before any point,
 * a root that is not GPX, or an entity declaration (refused: entity bombs,
 * external entities); TENDO_EUNSUPPORTED for a well-formed GPX with no
 * track point (a route, waypoints, an empty track: the message says what it
 * holds); TENDO_ELIMIT for input, points or nesting past lim;
 * TENDO_ENOMEM.
 */
int tendo_gpx_read(tendo_activity *out, const uint8_t *data, size_t len, const tendo_read_limits *lim);

#endif
