/*
 * tendo/tcx.h - read a TCX file (Garmin Training Center Database v2) into
 * an activity.
 *
 * Elements are matched on namespace URIs, never on prefixes: the root must
 * be <TrainingCenterDatabase> in
 * http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2. What is read:
 *
 *   Activities/Activity (also inside MultiSportSession)
 *                        -> one session each: sport from @Sport, lowercase
 *                           ("Running" -> "running", "Biking" -> "cycling",
 *                           "Other" -> "other"); start_ms from <Id> (else
 *                           the first Lap@StartTime); timer_s and distance_m
 *                           the sums of the laps' TotalTimeSeconds and
 *                           DistanceMeters; avg_hr the laps'
 *                           AverageHeartRateBpm weighted by lap time; laps
 *   Lap                  -> counted in the session and in out->n_laps
 *   Track/Trackpoint     -> points: Time, Position/LatitudeDegrees and
 *                           LongitudeDegrees, AltitudeMeters, DistanceMeters,
 *                           HeartRateBpm/Value, Cadence, and the
 *                           ActivityExtension v2 TPX Speed, RunCadence, Watts
 *   Creator/Name         -> device (first activity that has one)
 *
 * The first point of every <Track> has seg_start = true (distance is summed
 * within a Track). Every Trackpoint is kept, with or without a position.
 *
 * Cadence: TPX RunCadence is strides per minute of one foot (checked against
 * the FIT file of the same run: 82.8 in both), so cadence_spm = 2 x
 * RunCadence. The core <Cadence> is rpm for cycling, but Polar and Suunto
 * write one-foot running cadence there: it is doubled in running and
 * walking activities and kept as rpm otherwise.
 *
 * Heart rates outside 1-254 bpm (0 and 255 are "no reading" on devices,
 * the Forerunner 110 writes 255 throughout) are stored as unknown (-1).
 * Courses are routes to follow, not activities: they are skipped.
 * Whitespace before "<?xml" (Polar V800 exports) is tolerated.
 */
#ifndef TENDO_TCX_H
#define TENDO_TCX_H

#include <stddef.h>
#include <stdint.h>

#include "activity.h"

/*
 * Read the TCX document in data[0..len).
 *
 * out:  initialised here (any previous content is not released); on
 *       success release with tendo_activity_dispose(); on failure left
 *       empty
 * data: borrowed for the call only; streamed through expat in 64 KiB chunks
 * lim:  NULL or zero fields for the defaults (2,000,000 points, 512 MiB,
 *       nesting 64)
 *
 * Returns 0 when at least one activity was read. If the document breaks
 * off or stops being well-formed after some trackpoints, what was read is
 * kept (the open activity becomes a session with the laps so far), 0 is
 * returned and out->warning says where the XML broke.
 *
 * Errors (tendo_error_last() has the reason; XML errors name the line and
 * column): TENDO_EFORMAT for XML that is not well-formed before any
 * trackpoint, a root that is not a TCX database, or an entity declaration;
 * TENDO_EUNSUPPORTED for a well-formed TCX without an activity (a course,
 * a workout: the message says what it holds); TENDO_ELIMIT for input,
 * points or nesting past lim; TENDO_ENOMEM.
 */
int tendo_tcx_read(tendo_activity *out, const uint8_t *data, size_t len, const tendo_read_limits *lim);

#endif
