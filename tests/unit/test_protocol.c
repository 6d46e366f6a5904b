/*
 * test_protocol.c - unit tests of the protocol as data (tendo/protocol.h):
 * the exercise library (every name the command line promises, each with a
 * stage, kind, dose and source; stage 1 isometric only; hip flexion of the
 * stage 3 lifts), the rule registry (unique lowercase dotted ids, each with
 * a summary and a source), and the settings (the documented defaults, the
 * table of names and ranges, tendo_settings_set range checks and
 * tendo_settings_get round trips).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/protocol.h>

/* ------------------------------------------------------- exercises */

/* The names the command line contract requires (tendo log rehab --exercise). */
static const char *const required[] = {
	"iso-bridge", "iso-bridge-single", "iso-curl", "prone-curl", "bridge-90",
	"single-leg-bridge", "hip-thrust", "adductor", "ball-squeeze", "band-walk",
	"clam", "nordic-negative", "squat", "deadlift", "lunge",
};

static void exercises_required_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		const tendo_exercise *ex = tendo_exercise_find(required[i]);
		if (!ex)
			fail_msg("no exercise named %s", required[i]);
		assert_string_equal(ex->name, required[i]);
	}
	assert_null(tendo_exercise_find("nope"));
	assert_null(tendo_exercise_find(""));
	assert_null(tendo_exercise_find(NULL));
	assert_null(tendo_exercise_find("ISO-BRIDGE"));
	assert_null(tendo_exercise_find("iso-bridge "));
	assert_null(tendo_exercise_find("iso"));
}

static void exercises_well_formed(void **state)
{
	(void)state;
	size_t n = 0;
	const tendo_exercise *lib = tendo_exercises(&n);
	assert_non_null(lib);
	assert_true(n >= sizeof(required) / sizeof(required[0]));
	for (size_t i = 0; i < n; i++) {
		const tendo_exercise *ex = &lib[i];
		assert_non_null(ex->name);
		assert_true(strlen(ex->name) > 0 && strlen(ex->name) < 64);
		for (const char *c = ex->name; *c; c++)
			if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-'))
				fail_msg("exercise name '%s' is not lowercase with hyphens", ex->name);
		assert_true(ex->title && ex->title[0]);
		assert_true(ex->dose && ex->dose[0]);
		assert_true(ex->source && ex->source[0]);
		assert_true(ex->stage >= TENDO_STAGE_SETTLE && ex->stage <= TENDO_STAGE_FULL_LOAD);
		assert_true(ex->kind >= TENDO_EX_ISOMETRIC && ex->kind <= TENDO_EX_PLYOMETRIC);
		assert_true(ex->hip_flexion_deg >= 0 && ex->hip_flexion_deg <= 150);
		assert_true(ex->sets >= 1 && ex->sets <= 6);
		/* a hold or reps, never both */
		if (ex->kind == TENDO_EX_ISOMETRIC) {
			assert_int_equal(ex->reps, 0);
			assert_true(ex->hold_s > 0);
			assert_false(ex->heavy);
		} else {
			assert_true(ex->reps > 0);
			assert_int_equal(ex->hold_s, 0);
		}
		/* stage 1 is isometric holds only (PROTOCOL.md 3) */
		if (ex->stage == TENDO_STAGE_SETTLE)
			assert_int_equal(ex->kind, TENDO_EX_ISOMETRIC);
		/* no deep hip flexion under load before stage 3 */
		if (ex->stage < TENDO_STAGE_FULL_LOAD && ex->heavy && ex->hip_flexion_deg >= 80)
			fail_msg("%s: heavy at %d deg hip flexion in stage %s", ex->name, ex->hip_flexion_deg,
			         tendo_stage_name(ex->stage));
		/* plyometrics are stage 3 */
		if (ex->kind == TENDO_EX_PLYOMETRIC)
			assert_int_equal(ex->stage, TENDO_STAGE_FULL_LOAD);
		/* names are unique and find() returns the entry itself */
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(ex->name, lib[j].name) == 0)
				fail_msg("exercise %s listed twice", ex->name);
		assert_ptr_equal(tendo_exercise_find(ex->name), ex);
	}
}

static void exercises_stages(void **state)
{
	(void)state;
	static const char *const flexion[] = { "squat", "deadlift", "lunge" };
	for (size_t i = 0; i < 3; i++) {
		const tendo_exercise *ex = tendo_exercise_find(flexion[i]);
		assert_non_null(ex);
		assert_int_equal(ex->stage, TENDO_STAGE_FULL_LOAD);
		if (ex->hip_flexion_deg < 80)
			fail_msg("%s: hip flexion %d deg", ex->name, ex->hip_flexion_deg);
	}
	static const char *const isos[] = { "iso-bridge", "iso-bridge-single", "iso-curl" };
	for (size_t i = 0; i < 3; i++) {
		const tendo_exercise *ex = tendo_exercise_find(isos[i]);
		assert_int_equal(ex->stage, TENDO_STAGE_SETTLE);
		assert_int_equal(ex->kind, TENDO_EX_ISOMETRIC);
	}
	static const char *const hsr[] = { "prone-curl", "bridge-90", "single-leg-bridge", "hip-thrust", "adductor",
		                           "ball-squeeze", "band-walk", "clam" };
	for (size_t i = 0; i < sizeof(hsr) / sizeof(hsr[0]); i++) {
		const tendo_exercise *ex = tendo_exercise_find(hsr[i]);
		assert_int_equal(ex->stage, TENDO_STAGE_STRENGTH);
		assert_int_equal(ex->kind, TENDO_EX_ISOTONIC);
	}
	/* heavy slow resistance: the prone curl is heavy, hard on rep 8 */
	const tendo_exercise *curl = tendo_exercise_find("prone-curl");
	assert_true(curl->heavy);
	assert_int_equal(curl->reps, 8);
	assert_true(curl->sets >= 3 && curl->sets <= 4);
	assert_true(tendo_exercise_find("nordic-negative")->stage > TENDO_STAGE_SETTLE);
}

static void exercise_names_joined(void **state)
{
	(void)state;
	size_t n = 0;
	const tendo_exercise *lib = tendo_exercises(&n);
	const char *all = tendo_exercise_names();
	assert_non_null(all);
	assert_ptr_equal(tendo_exercise_names(), all); /* static, built once */
	size_t seps = 0;
	for (const char *p = all; (p = strstr(p, ", ")); p += 2)
		seps++;
	assert_int_equal(seps, n - 1);
	for (size_t i = 0; i < n; i++) {
		/* each name appears as a whole item */
		size_t len = strlen(lib[i].name);
		bool found = false;
		for (const char *p = all; (p = strstr(p, lib[i].name)); p++) {
			bool start = p == all || (p >= all + 2 && p[-2] == ',' && p[-1] == ' ');
			bool end = p[len] == '\0' || p[len] == ',';
			if (start && end) {
				found = true;
				break;
			}
		}
		if (!found)
			fail_msg("%s missing from '%s'", lib[i].name, all);
	}
}

static void stage_and_kind_names(void **state)
{
	(void)state;
	assert_string_equal(tendo_stage_name(TENDO_STAGE_SETTLE), "settle");
	assert_string_equal(tendo_stage_name(TENDO_STAGE_STRENGTH), "strength");
	assert_string_equal(tendo_stage_name(TENDO_STAGE_RETURN_TO_RUN), "return_to_run");
	assert_string_equal(tendo_stage_name(TENDO_STAGE_FULL_LOAD), "full_load");
	assert_string_equal(tendo_ex_kind_name(TENDO_EX_ISOMETRIC), "isometric");
	assert_string_equal(tendo_ex_kind_name(TENDO_EX_ISOTONIC), "isotonic");
	assert_string_equal(tendo_ex_kind_name(TENDO_EX_PLYOMETRIC), "plyometric");
}

/* ------------------------------------------------------- rules */

/* lowercase words of [a-z0-9_], at least two, joined by single dots */
static bool dotted_id(const char *id)
{
	int parts = 1;
	size_t word = 0;
	for (const char *c = id; *c; c++) {
		if (*c == '.') {
			if (word == 0)
				return false;
			parts++;
			word = 0;
		} else if (islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_') {
			word++;
		} else {
			return false;
		}
	}
	return parts >= 2 && word > 0;
}

static void rules_registry(void **state)
{
	(void)state;
	size_t n = 0;
	const tendo_rule *rules = tendo_rules(&n);
	assert_non_null(rules);
	assert_true(n >= 40);
	for (size_t i = 0; i < n; i++) {
		const tendo_rule *r = &rules[i];
		assert_non_null(r->id);
		if (!dotted_id(r->id))
			fail_msg("rule id '%s' is not lowercase dotted", r->id);
		if (!r->summary || !r->summary[0])
			fail_msg("rule %s has no summary", r->id);
		if (!r->source || !r->source[0])
			fail_msg("rule %s has no source", r->id);
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(r->id, rules[j].id) == 0)
				fail_msg("rule id %s registered twice", r->id);
		assert_ptr_equal(tendo_rule_find(r->id), r);
	}
	assert_false(dotted_id("Pain.during"));
	assert_false(dotted_id("pain"));
	assert_false(dotted_id("pain..during"));
	assert_false(dotted_id("pain.during."));
	assert_true(dotted_id("run.weekly_10pct"));
}

static void rules_find(void **state)
{
	(void)state;
	/* ids the docs, the style guide and the engine refer to */
	static const char *const ids[] = {
		"pain.during.over_ceiling", "pain.morning.flare", "spacing.strength_before_run",
		"spacing.strength_48h", "spacing.long_run_48h", "readiness.pass", "run.first_test",
		"deload.repeated_flares", "redflag.tear", "redflag.cleared", "avoid.stage",
	};
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const tendo_rule *r = tendo_rule_find(ids[i]);
		if (!r)
			fail_msg("no rule %s", ids[i]);
		assert_string_equal(r->id, ids[i]);
	}
	assert_null(tendo_rule_find("pain.during"));
	assert_null(tendo_rule_find(""));
	assert_null(tendo_rule_find("PAIN.DURING.OVER_CEILING"));
	/* the 24-hour spacing rule cites Magnusson */
	assert_non_null(strstr(tendo_rule_find("spacing.strength_before_run")->source, "Magnusson"));
	assert_non_null(strstr(tendo_rule_find("pain.during.over_ceiling")->source, "Silbernagel"));
}

/* ------------------------------------------------------- settings */

static void settings_defaults(void **state)
{
	(void)state;
	tendo_settings s;
	memset(&s, 0xab, sizeof(s));
	tendo_settings_default(&s);
	assert_int_equal(s.ceiling, 3);
	assert_int_equal(s.painfree_max, 1);
	assert_int_equal(s.flare_delta, 2);
	assert_int_equal(s.baseline_days, 14);
	assert_true(fabs(s.trend_rise - 0.5) < 1e-12);
	assert_int_equal(s.settle_min_days, 7);
	assert_int_equal(s.settle_iso_sessions, 4);
	assert_int_equal(s.strength_min_days, 14);
	assert_true(fabs(s.lsi_min - 90.0) < 1e-12);
	assert_int_equal(s.run_start_min, 5);
	assert_int_equal(s.run_step_min, 5);
	assert_int_equal(s.run_step_cap_min, 30);
	assert_true(fabs(s.weekly_growth - 0.10) < 1e-12);
	assert_int_equal(s.run_step_max_min, 60);
	assert_int_equal(s.easy_pace_s_km, 0);
	assert_int_equal(s.usual_cadence, 0);
	assert_int_equal(s.run_walk_below_min, 15);
	assert_int_equal(s.target_week_min, 120);
	assert_int_equal(s.strength_run_gap_days, 1);
	assert_int_equal(s.strength_gap_days, 2);
	assert_int_equal(s.run_gap_days, 2);
	assert_int_equal(s.long_run_gap_days, 2);
	assert_true(fabs(s.long_run_factor - 1.5) < 1e-12);
	assert_int_equal(s.stall_days, 14);
	assert_int_equal(s.flare_repeat, 2);
	assert_int_equal(s.flare_window_days, 14);
	assert_int_equal(s.deload_days, 7);
	assert_true(fabs(s.sitting_hours_max - 3.0) < 1e-12); /* PROTOCOL.md 10.7: 3 h in one go */
	assert_int_equal(s.no_improvement_days, 84);
	/* PROTOCOL.md 10 and 11 */
	assert_true(fabs(s.weekly_cap - 0.10) < 1e-12);
	assert_int_equal(s.gap_days, 14);
	assert_true(fabs(s.gap_restart - 0.5) < 1e-12);
	assert_true(fabs(s.strength_restart - 0.85) < 1e-12);
	assert_true(fabs(s.load_step_session - 0.05) < 1e-12);
	assert_true(fabs(s.load_step_week - 0.10) < 1e-12);
	assert_true(fabs(s.plate_kg - 1.25) < 1e-12);
	assert_true(fabs(s.bilateral_gain - 0.10) < 1e-12);
	assert_int_equal(s.fast_withhold_days, 14);
	assert_int_equal(s.repeat_runs, 3);
	assert_int_equal(s.repeat_runs_lowest, 2);
	assert_int_equal(s.repeat_window_days, 14);
	assert_int_equal(s.flare_long_days, 7);
	assert_int_equal(s.strength_block_days, 14);
	assert_int_equal(s.hip_flexion_days, 14);
	assert_int_equal(s.mid_rehab_hold_days, 7);
}

static const tendo_setting_info *info_named(const char *name)
{
	size_t n = 0;
	const tendo_setting_info *in = tendo_settings_info(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(in[i].name, name) == 0)
			return &in[i];
	fail_msg("no setting %s", name);
	return NULL;
}

/* Every named setting equal in a and b. */
static bool same_settings(const tendo_settings *a, const tendo_settings *b)
{
	size_t n = 0;
	const tendo_setting_info *in = tendo_settings_info(&n);
	for (size_t i = 0; i < n; i++)
		if (tendo_settings_get(a, &in[i]) != tendo_settings_get(b, &in[i]))
			return false;
	return true;
}

static void settings_table(void **state)
{
	(void)state;
	size_t n = 0;
	const tendo_setting_info *in = tendo_settings_info(&n);
	tendo_settings def;
	tendo_settings_default(&def);
	/* one entry per field of tendo_settings */
	assert_int_equal(n, 46);
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++) {
		assert_true(in[i].name && in[i].name[0]);
		assert_true(in[i].doc && in[i].doc[0]);
		assert_true(in[i].min < in[i].max);
		size_t sz = in[i].is_double ? sizeof(double) : sizeof(int);
		assert_true(in[i].offset + sz <= sizeof(tendo_settings));
		bytes += sz;
		for (size_t j = i + 1; j < n; j++) {
			if (strcmp(in[i].name, in[j].name) == 0)
				fail_msg("setting %s listed twice", in[i].name);
			assert_true(in[i].offset != in[j].offset);
		}
		/* the default lies in the allowed range */
		double v = tendo_settings_get(&def, &in[i]);
		if (v < in[i].min || v > in[i].max)
			fail_msg("default %s = %g outside %g-%g", in[i].name, v, in[i].min, in[i].max);
	}
	assert_true(bytes <= sizeof(tendo_settings));
	/* named fields land where they should */
	assert_int_equal(info_named("ceiling")->offset, offsetof(tendo_settings, ceiling));
	assert_false(info_named("ceiling")->is_double);
	assert_int_equal(info_named("lsi_min")->offset, offsetof(tendo_settings, lsi_min));
	assert_true(info_named("lsi_min")->is_double);
	static const char *const doubles[] = { "trend_rise", "lsi_min", "weekly_growth", "long_run_factor",
		                               "sitting_hours_max" };
	for (size_t i = 0; i < 5; i++)
		assert_true(info_named(doubles[i])->is_double);
	/* the documented ranges of the pain settings */
	assert_true(info_named("ceiling")->min == 0 && info_named("ceiling")->max == 5);
	assert_true(info_named("painfree_max")->max == 2);
}

static void settings_set_checks(void **state)
{
	(void)state;
	tendo_settings s, before;
	tendo_settings_default(&s);

	assert_int_equal(tendo_settings_set(&s, "ceiling", 5), 0);
	assert_int_equal(s.ceiling, 5);
	assert_int_equal(tendo_settings_set(&s, "ceiling", 0), 0);
	assert_int_equal(s.ceiling, 0);
	assert_int_equal(tendo_settings_set(&s, "ceiling", 3), 0);

	before = s;
	assert_int_equal(tendo_settings_set(&s, "ceiling", 6), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "ceiling"));
	assert_int_equal(tendo_settings_set(&s, "ceiling", -1), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "ceiling", 2.5), TENDO_EINVAL); /* whole numbers */
	assert_int_equal(tendo_settings_set(&s, "ceiling", NAN), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "ceiling", INFINITY), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "flare_delta", 0), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "weekly_growth", 0.25), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "lsi_min", 69.9), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "lsi_min", 100.1), TENDO_EINVAL);
	assert_int_equal(tendo_settings_set(&s, "nope", 1), TENDO_ENOTFOUND);
	assert_non_null(strstr(tendo_error_last(), "nope"));
	assert_int_equal(tendo_settings_set(&s, "", 1), TENDO_ENOTFOUND);
	assert_int_equal(tendo_settings_set(&s, "Ceiling", 3), TENDO_ENOTFOUND);
	assert_int_equal(tendo_settings_set(&s, "ceiling ", 3), TENDO_ENOTFOUND);
	assert_true(same_settings(&s, &before)); /* failures change nothing */

	/* doubles take fractions */
	assert_int_equal(tendo_settings_set(&s, "trend_rise", 0.75), 0);
	assert_true(fabs(s.trend_rise - 0.75) < 1e-12);
	assert_int_equal(tendo_settings_set(&s, "lsi_min", 85.5), 0);
	assert_true(fabs(s.lsi_min - 85.5) < 1e-12);
}

/* Every setting: its bounds are accepted, one step outside is not, and a
 * value set reads back through tendo_settings_get without touching the
 * others. */
static void settings_round_trip(void **state)
{
	(void)state;
	size_t n = 0;
	const tendo_setting_info *in = tendo_settings_info(&n);
	tendo_settings def;
	tendo_settings_default(&def);
	for (size_t i = 0; i < n; i++) {
		const tendo_setting_info *x = &in[i];
		double step = x->is_double ? (x->max - x->min) / 100 : 1;
		double mid = x->is_double ? x->min + (x->max - x->min) * 0.37 : floor((x->min + x->max) / 2);
		const double ok[] = { x->min, x->max, mid };
		for (size_t k = 0; k < 3; k++) {
			tendo_settings s = def;
			if (tendo_settings_set(&s, x->name, ok[k]) != 0)
				fail_msg("%s = %g refused: %s", x->name, ok[k], tendo_error_last());
			double got = tendo_settings_get(&s, x);
			if (fabs(got - ok[k]) > 1e-12)
				fail_msg("%s: set %g, got %g", x->name, ok[k], got);
			for (size_t j = 0; j < n; j++)
				if (j != i && tendo_settings_get(&s, &in[j]) != tendo_settings_get(&def, &in[j]))
					fail_msg("setting %s changed %s", x->name, in[j].name);
		}
		tendo_settings s = def;
		if (tendo_settings_set(&s, x->name, x->min - step) != TENDO_EINVAL)
			fail_msg("%s = %g accepted below %g", x->name, x->min - step, x->min);
		if (tendo_settings_set(&s, x->name, x->max + step) != TENDO_EINVAL)
			fail_msg("%s = %g accepted above %g", x->name, x->max + step, x->max);
		if (!x->is_double && tendo_settings_set(&s, x->name, mid + 0.5) != TENDO_EINVAL)
			fail_msg("%s = %g accepted (a whole number setting)", x->name, mid + 0.5);
		assert_true(same_settings(&s, &def));
	}
	/* the typed fields see the change */
	tendo_settings s = def;
	assert_int_equal(tendo_settings_set(&s, "flare_delta", 3), 0);
	assert_int_equal(s.flare_delta, 3);
	assert_true(tendo_settings_get(&s, info_named("flare_delta")) == 3.0);
	assert_int_equal(tendo_settings_set(&s, "sitting_hours_max", 7.5), 0);
	assert_true(s.sitting_hours_max == 7.5);
	assert_true(tendo_settings_get(&s, info_named("sitting_hours_max")) == 7.5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exercises_required_names),
		cmocka_unit_test(exercises_well_formed),
		cmocka_unit_test(exercises_stages),
		cmocka_unit_test(exercise_names_joined),
		cmocka_unit_test(stage_and_kind_names),
		cmocka_unit_test(rules_registry),
		cmocka_unit_test(rules_find),
		cmocka_unit_test(settings_defaults),
		cmocka_unit_test(settings_table),
		cmocka_unit_test(settings_set_checks),
		cmocka_unit_test(settings_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
