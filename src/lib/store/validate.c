/*
 * validate.c - the checks of tendo/validate.h: one per entry type and one
 * for the profile, each naming the field and its allowed range. The store
 * calls them before it writes (store.c); store_check_cross() is the
 * cross-training check with the ranges of an imported activity.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "store/store_int.h"

#include "tendo/date.h"
#include "tendo/errors.h"
#include "tendo/protocol.h"
#include "tendo/validate.h"

/* "field must be lo-hi (got v)" */
static int out_of_range(const char *field, double lo, double hi, double v)
{
	return tendo_error_set(TENDO_EINVAL, "%s must be %g-%g (got %g)", field, lo, hi, v);
}

static int check_int(const char *field, int v, int lo, int hi)
{
	return v < lo || v > hi ? out_of_range(field, lo, hi, v) : 0;
}

/* An optional whole number: -1 (not recorded) or lo-hi. */
static int check_opt_int(const char *field, int v, int lo, int hi)
{
	return v == -1 ? 0 : check_int(field, v, lo, hi);
}

static int check_double(const char *field, double v, double lo, double hi)
{
	return !isfinite(v) || v < lo || v > hi ? out_of_range(field, lo, hi, v) : 0;
}

/* An optional number: -1 (not recorded) or lo-hi. */
static int check_opt_double(const char *field, double v, double lo, double hi)
{
	return v == -1 ? 0 : check_double(field, v, lo, hi);
}

static int check_score(const char *field, int v)
{
	return check_opt_int(field, v, 0, TENDO_SCORE_MAX);
}

static int check_date(tendo_date d)
{
	if (d == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "date must be a day (got none)");
	if (!tendo_date_in_range(d)) {
		int y, m, dd;
		tendo_date_to_ymd(d, &y, &m, &dd);
		return tendo_error_set(TENDO_EINVAL, "date must be in the years %d-%d (got the year %d)", TENDO_YEAR_MIN,
		                       TENDO_YEAR_MAX, y);
	}
	return 0;
}

static int check_time(int t)
{
	if (t == TENDO_TOD_NONE || (t >= 0 && t <= TENDO_TOD_MAX))
		return 0;
	return tendo_error_set(TENDO_EINVAL, "time_min must be 0-%d minutes after midnight (got %d)", TENDO_TOD_MAX, t);
}

/* An enum value with a name ("?" means none). */
static int check_enum(const char *field, const char *name, const char *names, int v)
{
	if (name && strcmp(name, "?") != 0)
		return 0;
	return tendo_error_set(TENDO_EINVAL, "%s must be %s (got %d)", field, names, v);
}

static int check_fact(const char *field, double v, double lo, double hi)
{
	return isnan(v) ? 0 : check_double(field, v, lo, hi);
}

int tendo_check_import_record(const tendo_import_record *r)
{
	const double max_s = TENDO_IMPORT_MINUTES_MAX * 60.0;
	int err;
	if (r->start_ms != INT64_MIN) {
		/* floor division: a start before 1970 is a negative day */
		int64_t day = r->start_ms / 86400000 - (r->start_ms % 86400000 < 0);
		if (day < INT32_MIN || day > INT32_MAX || !tendo_date_in_range((tendo_date)day))
			return tendo_error_set(TENDO_EINVAL, "start must be in the years %d-%d (the file's clock says %s)",
			                       TENDO_YEAR_MIN, TENDO_YEAR_MAX,
			                       r->start_ms > 0 ? "a later one" : "an earlier one");
	}
	if ((err = check_fact("elapsed_s", r->elapsed_s, 0, max_s)) ||
	    (err = check_fact("moving_s", r->moving_s, 0, max_s)) ||
	    (err = check_fact("distance_m", r->distance_m, 0, TENDO_IMPORT_KM_MAX * 1000.0)) ||
	    (err = check_fact("ascent_m", r->ascent_m, 0, 20000)) ||
	    (err = check_fact("descent_m", r->descent_m, 0, 20000)) ||
	    (err = check_fact("uphill_s", r->uphill_s, 0, max_s)) ||
	    (err = check_fact("fast_s", r->fast_s, 0, max_s)) ||
	    (err = check_fact("cadence_avg", r->cadence_avg, 0, 400)) ||
	    (err = check_fact("cadence_median", r->cadence_median, 0, 400)) ||
	    (err = check_fact("avg_hr", r->avg_hr, 20, 250)) ||
	    (err = check_opt_int("workout_rpe", r->workout_rpe, 0, 100)) ||
	    (err = check_opt_int("workout_feel", r->workout_feel, 0, 100)))
		return err;
	if (r->walk_breaks < 0)
		return out_of_range("walk_breaks", 0, INT32_MAX, r->walk_breaks);
	return 0;
}

int tendo_check_note(const char *note)
{
	size_t n = note ? strlen(note) : 0;
	if (n > TENDO_NOTE_MAX)
		return tendo_error_set(TENDO_EINVAL, "note is too long (%d bytes at most, got %zu)", TENDO_NOTE_MAX, n);
	return 0;
}

int tendo_check_pain(const tendo_pain *e)
{
	int err;
	if ((err = check_date(e->date)) ||
	    (err = check_enum("kind", tendo_pain_kind_name(e->kind), tendo_pain_kind_names(), (int)e->kind)) ||
	    (err = check_int("score", e->score, 0, TENDO_SCORE_MAX)))
		return err;
	if (e->session_id < 0)
		return tendo_error_set(TENDO_EINVAL, "session_id must be an entry id, or 0 for none (got %lld)",
		                       (long long)e->session_id);
	if (e->session_id > 0 && e->kind != TENDO_PAIN_DURING && e->kind != TENDO_PAIN_AFTER)
		return tendo_error_set(TENDO_EINVAL, "session_id goes with pain during or after a session, not %s pain",
		                       tendo_pain_kind_name(e->kind));
	return 0;
}

int tendo_check_run(const tendo_run *e)
{
	int err;
	if ((err = check_date(e->date)))
		return err;
	if (e->imported) {
		if ((err = check_double("minutes", e->minutes, 0, TENDO_IMPORT_MINUTES_MAX)) ||
		    (err = check_opt_double("km", e->km, 0, TENDO_IMPORT_KM_MAX)))
			return err;
	} else {
		if ((err = check_double("minutes", e->minutes, TENDO_MINUTES_MIN, TENDO_MINUTES_MAX)) ||
		    (err = check_opt_double("km", e->km, 0, TENDO_KM_MAX)))
			return err;
		if (e->km > 0 && e->km / (e->minutes / 60.0) > TENDO_RUN_KMH_MAX)
			return tendo_error_set(TENDO_EINVAL, "km %g in %g minutes is faster than %d km/h: check the numbers",
			                       e->km, e->minutes, TENDO_RUN_KMH_MAX);
	}
	if ((err = check_enum("terrain", tendo_terrain_name(e->terrain), tendo_terrain_names(), (int)e->terrain)) ||
	    (err = check_enum("intent", tendo_intent_name(e->intent), tendo_intent_names(), (int)e->intent)) ||
	    (err = check_score("rpe", e->rpe)) || (err = check_score("pain_during", e->pain_during)) ||
	    (err = check_score("pain_after", e->pain_after)) || (err = check_time(e->time_min)))
		return err;
	return 0;
}

/* The exercise's name: one of the library's, or a custom one. */
static int check_exercise(const tendo_rehab *e)
{
	if (!memchr(e->exercise, '\0', sizeof(e->exercise)))
		return tendo_error_set(TENDO_EINVAL, "exercise must be a name of at most %d bytes", TENDO_NAME_MAX - 1);
	if (!e->exercise[0])
		return tendo_error_set(TENDO_EINVAL, "exercise must be a name (got none)");
	for (const unsigned char *p = (const unsigned char *)e->exercise; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return tendo_error_set(TENDO_EINVAL, "exercise must be a name without control characters");
	const tendo_exercise *ex = tendo_exercise_find(e->exercise);
	if (!e->custom && !ex)
		return tendo_error_set(TENDO_EINVAL, "exercise '%s' is not in the library (%s): a custom exercise needs its "
		                       "stage and kind", e->exercise, tendo_exercise_names());
	if (e->custom && ex)
		return tendo_error_set(TENDO_EINVAL, "exercise '%s' is in the library, which knows its stage and kind: it "
		                       "cannot be a custom one", e->exercise);
	int err;
	if (e->custom &&
	    ((err = check_enum("custom_stage", tendo_stage_name((tendo_stage)e->custom_stage), tendo_stage_names(),
	                       e->custom_stage)) ||
	     (err = check_enum("custom_kind", tendo_ex_kind_name((tendo_ex_kind)e->custom_kind), tendo_ex_kind_names(),
	                       e->custom_kind))))
		return err;
	return 0;
}

int tendo_check_rehab(const tendo_rehab *e)
{
	int err;
	if ((err = check_date(e->date)) || (err = check_exercise(e)) || (err = check_int("sets", e->sets, 1, TENDO_SETS_MAX)))
		return err;
	if ((e->reps == -1) == (e->hold_s == -1))
		return tendo_error_set(TENDO_EINVAL, "reps or hold_s: a set is reps (1-%d) or a hold (1-%d s), so give one "
		                       "of them (got %s)", TENDO_REPS_MAX, TENDO_HOLD_S_MAX, e->reps == -1 ? "neither" : "both");
	if ((err = check_opt_int("reps", e->reps, 1, TENDO_REPS_MAX)) ||
	    (err = check_opt_int("hold_s", e->hold_s, 1, TENDO_HOLD_S_MAX)) ||
	    (err = check_opt_double("kg", e->kg, 0, TENDO_KG_MAX)) ||
	    (err = check_enum("side", tendo_side_name(e->side), tendo_side_names(), (int)e->side)) ||
	    (err = check_score("rpe", e->rpe)) || (err = check_score("pain_during", e->pain_during)) ||
	    (err = check_time(e->time_min)))
		return err;
	return 0;
}

int store_check_cross(const tendo_cross *e, bool imported)
{
	int err;
	if ((err = check_date(e->date)) ||
	    (err = check_enum("kind", tendo_cross_kind_name(e->kind), tendo_cross_kind_names(), (int)e->kind)))
		return err;
	if (imported)
		err = check_double("minutes", e->minutes, 0, TENDO_IMPORT_MINUTES_MAX);
	else
		err = check_double("minutes", e->minutes, TENDO_MINUTES_MIN, TENDO_MINUTES_MAX);
	if (err || (err = check_score("pain_during", e->pain_during)) || (err = check_time(e->time_min)))
		return err;
	return 0;
}

int tendo_check_cross(const tendo_cross *e)
{
	return store_check_cross(e, false);
}

int tendo_check_test(const tendo_test *e)
{
	int err;
	if ((err = check_date(e->date)))
		return err;
	if (e->drop_lunge_pain == -1 && e->bridge_left == -1 && e->bridge_right == -1 && e->curl_left == -1 &&
	    e->curl_right == -1 && e->rest_pain == -1)
		return tendo_error_set(TENDO_EINVAL, "drop_lunge_pain, bridge_left/right, curl_left/right or rest_pain: a "
		                       "test needs at least one result");
	if ((e->bridge_left == -1) != (e->bridge_right == -1))
		return tendo_error_set(TENDO_EINVAL, "bridge_left and bridge_right go together (one is missing)");
	if ((e->curl_left == -1) != (e->curl_right == -1))
		return tendo_error_set(TENDO_EINVAL, "curl_left and curl_right go together (one is missing)");
	if ((err = check_score("drop_lunge_pain", e->drop_lunge_pain)) ||
	    (err = check_opt_int("bridge_left", e->bridge_left, 0, TENDO_BRIDGE_REPS_MAX)) ||
	    (err = check_opt_int("bridge_right", e->bridge_right, 0, TENDO_BRIDGE_REPS_MAX)) ||
	    (err = check_opt_double("curl_left", e->curl_left, 0, TENDO_CURL_KG_MAX)) ||
	    (err = check_opt_double("curl_right", e->curl_right, 0, TENDO_CURL_KG_MAX)) ||
	    (err = check_score("rest_pain", e->rest_pain)) || (err = check_time(e->time_min)))
		return err;
	return 0;
}

int tendo_check_flag(const tendo_flag *e)
{
	int err;
	if ((err = check_date(e->date)) ||
	    (err = check_enum("kind", tendo_flag_kind_name(e->kind), tendo_flag_kind_names(), (int)e->kind)))
		return err;
	return 0;
}

int tendo_check_sitting(const tendo_sitting *e)
{
	int err;
	if ((err = check_date(e->date)) ||
	    (err = check_enum("kind", tendo_aggravator_kind_name(e->kind), tendo_aggravator_kind_names(), (int)e->kind)))
		return err;
	const char *kind = tendo_aggravator_kind_name(e->kind);
	if (e->kind == TENDO_AGG_SITTING || e->kind == TENDO_AGG_DRIVING) {
		if (!isfinite(e->hours) || e->hours < 0 || e->hours > TENDO_HOURS_MAX)
			return tendo_error_set(TENDO_EINVAL, "hours must be 0-%d for %s (got %g)", TENDO_HOURS_MAX, kind, e->hours);
	} else if (e->hours != -1) {
		return tendo_error_set(TENDO_EINVAL, "hours is for sitting and driving, not %s (got %g)", kind, e->hours);
	}
	return 0;
}

int tendo_check_visa(const tendo_visa *e)
{
	int err;
	if ((err = check_date(e->date)) || (err = tendo_visa_check(e->items)))
		return err;
	return 0;
}

int tendo_check_profile(const tendo_profile *p)
{
	int err;
	if ((err = check_enum("side", tendo_side_name(p->side), tendo_side_names(), (int)p->side)))
		return err;
	if (!memchr(p->tz, '\0', sizeof(p->tz)) || !p->tz[0])
		return tendo_error_set(TENDO_EINVAL, "tz must be a time zone such as Europe/London or UTC (got none)");
	if (!tendo_tz_valid(p->tz))
		return tendo_error_set(TENDO_EINVAL, "tz must be a time zone this machine knows, such as Europe/London or "
		                       "UTC (got '%s')", p->tz);
	if (!memchr(p->name, '\0', sizeof(p->name)))
		return tendo_error_set(TENDO_EINVAL, "name must be at most %zu bytes", sizeof(p->name) - 1);
	if (p->start == TENDO_DATE_NONE)
		return tendo_error_set(TENDO_EINVAL, "start must be a day (got none)");
	if (!memchr(p->cleared_by, '\0', sizeof(p->cleared_by)))
		return tendo_error_set(TENDO_EINVAL, "cleared_by must be at most %zu bytes", sizeof(p->cleared_by) - 1);
	const char *stage = tendo_stage_name(p->start_stage);
	if ((err = check_enum("start_stage", stage, tendo_stage_names(), (int)p->start_stage)))
		return err;
	if (p->start_run_step_min != 0 && (err = check_int("start_run_step_min", p->start_run_step_min, 1, TENDO_RUN_STEP_MAX)))
		return err;
	if (p->start_week_min != 0 && (err = check_int("start_week_min", p->start_week_min, 1, TENDO_WEEK_MIN_MAX)))
		return err;
	if (p->start_curl_kg != 0 && (!isfinite(p->start_curl_kg) || p->start_curl_kg <= 0 ||
	                              p->start_curl_kg > TENDO_CURL_KG_MAX))
		return tendo_error_set(TENDO_EINVAL, "start_curl_kg must be more than 0 and at most %d kg, or 0 for unknown "
		                       "(got %g)", TENDO_CURL_KG_MAX, p->start_curl_kg);
	bool running = p->start_stage == TENDO_STAGE_RETURN_TO_RUN || p->start_stage == TENDO_STAGE_FULL_LOAD;
	if (p->start_stage == TENDO_STAGE_RETURN_TO_RUN && p->start_run_step_min == 0)
		return tendo_error_set(TENDO_EINVAL, "start_run_step_min is needed to start at return_to_run: the current "
		                       "running step, 1-%d minutes", TENDO_RUN_STEP_MAX);
	if (p->start_stage == TENDO_STAGE_FULL_LOAD && p->start_week_min == 0)
		return tendo_error_set(TENDO_EINVAL, "start_week_min is needed to start at full_load: the current running "
		                       "minutes a week, 1-%d", TENDO_WEEK_MIN_MAX);
	if (!running && p->start_run_step_min)
		return tendo_error_set(TENDO_EINVAL, "start_run_step_min goes with return_to_run or full_load, not %s", stage);
	if (!running && p->start_week_min)
		return tendo_error_set(TENDO_EINVAL, "start_week_min goes with return_to_run or full_load, not %s", stage);
	if (p->start_stage == TENDO_STAGE_SETTLE && p->start_curl_kg != 0)
		return tendo_error_set(TENDO_EINVAL, "start_curl_kg goes with strength, return_to_run or full_load, not "
		                       "settle (isometrics only)");
	return 0;
}
