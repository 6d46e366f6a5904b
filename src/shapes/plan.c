/*
 * plan.c - the coming days as the protocol would have them (shapes.h):
 * the one computation behind `tendo plan` (text, --json, --ics) and the
 * server's /plan, /plan.ics, /calendar.ics and /api/plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shapes.h"

static const char *const wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

const char *shape_weekday(tendo_date d)
{
	return wd[tendo_date_weekday(d)];
}

int shape_plan_get(shape_plan_facts *out, tendo_store *store, const tendo_profile *profile,
                   const tendo_schedule *schedule, tendo_date from, int weeks)
{
	memset(out, 0, sizeof(*out));
	out->from = from;
	out->weeks = weeks;
	out->next_test = out->next_visa = TENDO_DATE_NONE;
	if (weeks < 1 || weeks > SHAPE_PLAN_WEEKS_MAX) {
		tendo_error_set(TENDO_EINVAL, "weeks must be 1-%d", SHAPE_PLAN_WEEKS_MAX);
		return TENDO_EINVAL;
	}
	out->n = weeks * 7;
	out->days = calloc((size_t)out->n, sizeof(*out->days));
	if (!out->days) {
		out->n = 0;
		return TENDO_ENOMEM;
	}
	tendo_log log = { 0 };
	int rc = tendo_store_load_log(store, &log, TENDO_DATE_NONE, from);
	if (rc)
		return rc;
	rc = tendo_plan(out->days, out->n, profile, schedule, &log, from);
	/* the next readiness tests and VISA-H: in the plan, or (VISA-H) when it falls due after it */
	tendo_date last_visa = TENDO_DATE_NONE;
	for (int i = out->n - 1; i >= 0; i--) {
		if (out->days[i].test_due)
			out->next_test = out->days[i].date;
		if (out->days[i].visa_due)
			out->next_visa = out->days[i].date;
	}
	for (size_t k = 0; k < log.n_visa; k++)
		if (last_visa == TENDO_DATE_NONE || log.visa[k].date > last_visa)
			last_visa = log.visa[k].date;
	if (out->next_visa == TENDO_DATE_NONE && last_visa != TENDO_DATE_NONE)
		out->next_visa = last_visa + profile->settings.visa_every_days;
	tendo_log_dispose(&log);
	return rc;
}

void shape_plan_dispose(shape_plan_facts *f)
{
	free(f->days);
	f->days = NULL;
	f->n = 0;
}

const char *shape_plan_what(const tendo_plan_day *x, char *buf, size_t bufsz)
{
	if (x->seek_care)
		snprintf(buf, bufsz, "see a clinician");
	else if (x->run)
		snprintf(buf, bufsz, "run %d min%s", x->run_minutes, x->run_walk ? " run/walk" : "");
	else if (x->strength)
		snprintf(buf, bufsz, "strength");
	else if (x->rehab[0])
		snprintf(buf, bufsz, "holds only");
	else
		snprintf(buf, bufsz, "rest");
	return buf;
}

json_t *shape_plan(const shape_plan_facts *f, const tendo_schedule *schedule)
{
	char d[TENDO_DATE_BUFSZ], rt[6], ht[6];
	tendo_schedule_format_time(schedule->run_time, rt);
	tendo_schedule_format_time(schedule->rehab_time, ht);
	json_t *arr = json_array();
	for (int i = 0; i < f->n; i++) {
		const tendo_plan_day *x = &f->days[i];
		json_t *o = json_object();
		json_object_set_new(o, "date", json_string(tendo_date_format(x->date, d)));
		json_object_set_new(o, "weekday", json_string(shape_weekday(x->date)));
		json_object_set_new(o, "stage", json_string(tendo_stage_name(x->stage)));
		json_object_set_new(o, "decision", json_string(tendo_decision_name(x->decision)));
		json_object_set_new(o, "training_day", json_boolean(x->training_day));
		json_object_set_new(o, "run", x->run ? json_pack("{s:i,s:b,s:s,s:s}", "minutes", x->run_minutes, "run_walk",
		                                                 x->run_walk, "at", rt, "why", x->run_why)
		                                     : json_pack("{s:n,s:s}", "minutes", "why", x->run_why));
		json_object_set_new(o, "rehab", x->rehab[0] ? json_pack("{s:b,s:s,s:i,s:s,s:s}", "strength", x->strength,
		                                                         "items", x->rehab, "minutes", x->rehab_minutes,
		                                                         "at", ht, "why", x->rehab_why)
		                                            : json_pack("{s:b,s:s,s:i,s:n,s:s}", "strength", false, "items",
		                                                        "", "minutes", 0, "at", "why", x->rehab_why));
		json_object_set_new(o, "monitoring_task", json_boolean(!x->seek_care));
		json_object_set_new(o, "readiness_tests_due", json_boolean(x->test_due));
		json_object_set_new(o, "visa_due", json_boolean(x->visa_due));
		json_object_set_new(o, "seek_care", json_boolean(x->seek_care));
		json_array_append_new(arr, o);
	}
	return json_pack("{s:o,s:o,s:o}", "days", arr, "next_readiness_tests", shape_opt_date(f->next_test), "next_visa",
	                 shape_opt_date(f->next_visa));
}
