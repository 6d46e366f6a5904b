/*
 * report.c - the report's data (shapes.h): the days the report is drawn
 * from, each as the timeline recorded it (what was known and prescribed
 * that morning, what was done), and the adherence over them. GET
 * /api/report gives it; the charts and tables of `tendo report` are drawn
 * from the same records (tendo_report_days()).
 */
#include <math.h>

#include "shapes.h"

static json_t *events(unsigned ev)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ TENDO_EV_STAGE, "stage" },       { TENDO_EV_FLARE, "flare" },         { TENDO_EV_DELOAD, "deload" },
		{ TENDO_EV_TEST_DUE, "test_due" }, { TENDO_EV_VISA_DUE, "visa_due" },   { TENDO_EV_RED_FLAG, "red_flag" },
		{ TENDO_EV_STEP_BACK, "step_back" }, { TENDO_EV_STEP_UP, "step_up" },
	};
	json_t *a = json_array();
	for (size_t k = 0; a && k < sizeof(names) / sizeof(names[0]); k++)
		if (ev & names[k].bit)
			json_array_append_new(a, json_string(names[k].name));
	return a;
}

static const char *morning_class(char c)
{
	return c == 's' ? "settled" : c == 'r' ? "raised" : c == 'f' ? "flare" : NULL;
}

json_t *shape_report_day(const tendo_report_day *d)
{
	char b[TENDO_DATE_BUFSZ];
	json_t *o = json_object();
	if (!o)
		return NULL;
	const char *mc = morning_class(d->morning_class);
	json_object_set_new(o, "date", json_string(tendo_date_format(d->date, b)));
	json_object_set_new(o, "stage", json_string(tendo_stage_name(d->stage)));
	json_object_set_new(o, "decision", json_string(tendo_decision_name(d->decision)));
	json_object_set_new(o, "morning", shape_opt_int(d->morning));
	json_object_set_new(o, "morning_is_task", json_boolean(d->morning >= 0 && d->morning_is_task));
	json_object_set_new(o, "morning_class", mc ? json_string(mc) : json_null());
	json_object_set_new(o, "baseline", shape_opt_real(d->baseline));
	json_object_set_new(o, "run_step_min", json_integer(d->step_min));
	json_object_set_new(o, "rest_pain", shape_opt_int(d->rest_pain));
	json_object_set_new(o, "deload", json_boolean(d->deload));
	json_object_set_new(o, "red_flag", json_boolean(d->red_flag));
	json_object_set_new(o, "prescribed",
	                    json_pack("{s:b,s:o,s:b,s:b,s:b}", "run", d->run_prescribed, "run_min",
	                              d->run_prescribed ? json_integer(d->run_minutes) : json_null(), "run_walk",
	                              d->run_walk, "strength", d->strength_prescribed, "rehab", d->rehab_prescribed));
	json_object_set_new(o, "done", json_pack("{s:f,s:b,s:b,s:o,s:o,s:b}", "run_min", d->run_done_min, "strength",
	                                         d->strength_done, "rehab", d->rehab_done, "pain_during",
	                                         shape_opt_int(d->pain_during), "pain_after", shape_opt_int(d->pain_after),
	                                         "long_run", d->long_run));
	json_object_set_new(o, "events", events(d->events));
	json_object_set_new(o, "moved_by", d->moved_by ? json_string(d->moved_by) : json_null());
	return o;
}

json_t *shape_report_data(const tendo_report_day *days, int n)
{
	char f[TENDO_DATE_BUFSZ], t[TENDO_DATE_BUFSZ];
	tendo_adherence a;
	tendo_report_adherence(&a, days, n);
	json_t *arr = json_array();
	for (int k = 0; arr && k < n; k++) {
		json_t *d = shape_report_day(&days[k]);
		if (!d || json_array_append_new(arr, d)) {
			json_decref(arr);
			return NULL;
		}
	}
	if (!arr)
		return NULL;
	json_t *adh = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:o}", "runs_prescribed", a.runs_prescribed, "runs_done",
	                        a.runs_done, "runs_extra", a.runs_extra, "runs_longer", a.runs_longer,
	                        "strength_prescribed", a.strength_prescribed, "strength_done", a.strength_done,
	                        "holds_prescribed", a.holds_prescribed, "holds_done", a.holds_done, "percent",
	                        isfinite(a.percent) ? json_real(a.percent) : json_null());
	return json_pack("{s:s,s:s,s:o,s:o}", "from", n > 0 ? tendo_date_format(days[0].date, f) : "", "to",
	                 n > 0 ? tendo_date_format(days[n - 1].date, t) : "", "adherence", adh, "days", arr);
}
