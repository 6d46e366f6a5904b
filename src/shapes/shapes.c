/*
 * shapes.c - the JSON of today and status (shapes.h), built once for the
 * CLI's --json and the server's /api/.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/text.h>

#include "shapes.h"

json_t *shape_str(const char *s)
{
	s = s ? s : "";
	json_t *j = json_string(s);
	if (!j) {
		char *fixed = tendo_text_utf8_repair(s, strlen(s));
		j = fixed ? json_string(fixed) : NULL;
		free(fixed);
	}
	return j ? j : json_null();
}

json_t *shape_opt_int(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

json_t *shape_opt_real(double v)
{
	return v >= 0 ? json_real(v) : json_null();
}

json_t *shape_opt_date(tendo_date d)
{
	char b[TENDO_DATE_BUFSZ];
	return d != TENDO_DATE_NONE ? json_string(tendo_date_format(d, b)) : json_null();
}

json_t *shape_prescription(const tendo_prescription *rx)
{
	char d[TENDO_DATE_BUFSZ];
	json_t *o = json_object();
	json_object_set_new(o, "date", json_string(tendo_date_format(rx->date, d)));
	json_object_set_new(o, "stage", json_string(tendo_stage_name(rx->stage)));
	json_object_set_new(o, "decision", json_string(tendo_decision_name(rx->decision)));
	json_object_set_new(o, "provisional", json_boolean(rx->provisional));
	json_object_set_new(o, "done", json_pack("{s:b,s:o,s:b,s:b}", "run", rx->done.run, "run_min",
	                                         rx->done.run ? json_real(rx->done.run_min) : json_null(),
	                                         "strength", rx->done.strength, "holds", rx->done.holds));
	json_t *run = json_object();
	json_object_set_new(run, "allowed", json_boolean(rx->run.allowed));
	json_object_set_new(run, "minutes", rx->run.allowed ? json_integer(rx->run.minutes) : json_null());
	json_object_set_new(run, "terrain", json_string(tendo_terrain_name(rx->run.terrain)));
	json_object_set_new(run, "run_walk", json_boolean(rx->run.run_walk));
	json_object_set_new(run, "advised", rx->done.run ? json_integer(rx->run.advised) : json_null());
	json_object_set_new(run, "why", shape_str(rx->run.why));
	json_object_set_new(o, "run", run);
	json_t *rehab = json_array();
	for (size_t k = 0; k < rx->n_rehab; k++) {
		const tendo_rx_item *it = &rx->rehab[k];
		json_t *x = json_object();
		json_object_set_new(x, "exercise", shape_str(it->exercise->name));
		json_object_set_new(x, "title", json_string(it->exercise->title));
		json_object_set_new(x, "kind", json_string(tendo_ex_kind_name(it->exercise->kind)));
		json_object_set_new(x, "sets", json_integer(it->sets));
		json_object_set_new(x, "reps", it->reps ? json_integer(it->reps) : json_null());
		json_object_set_new(x, "hold_s", it->hold_s ? json_integer(it->hold_s) : json_null());
		/* numbers as numbers: the load in kg (null: body weight), its text apart */
		json_object_set_new(x, "load", shape_opt_real(it->kg));
		json_object_set_new(x, "load_text", json_string(it->load));
		json_object_set_new(x, "kg", shape_opt_real(it->kg));
		json_object_set_new(x, "kg_left", shape_opt_real(it->kg_left));
		json_object_set_new(x, "kg_right", shape_opt_real(it->kg_right));
		json_array_append_new(rehab, x);
	}
	json_object_set_new(o, "rehab", rehab);
	json_object_set_new(o, "rehab_why", shape_str(rx->rehab_why));
	json_t *av = json_array();
	for (size_t k = 0; k < rx->n_avoid; k++)
		json_array_append_new(av, shape_str(rx->avoid[k]));
	json_object_set_new(o, "avoid", av);
	json_t *rules = json_array();
	for (size_t k = 0; k < rx->n_rules; k++) {
		json_t *x = json_object();
		json_object_set_new(x, "id", json_string(rx->rules[k].id));
		json_object_set_new(x, "reason", shape_str(rx->rules[k].reason));
		json_object_set_new(x, "source", json_string(rx->rules[k].source));
		json_array_append_new(rules, x);
	}
	json_object_set_new(o, "rules", rules);
	if (rx->last_run.present) {
		json_t *l = json_object();
		json_object_set_new(l, "date", shape_opt_date(rx->last_run.date));
		json_object_set_new(l, "minutes", json_real(rx->last_run.minutes));
		json_object_set_new(l, "prescribed", rx->last_run.prescribed ? json_integer(rx->last_run.prescribed) : json_null());
		json_object_set_new(l, "km", shape_opt_real(rx->last_run.km));
		json_object_set_new(l, "imported", json_boolean(rx->last_run.imported));
		json_object_set_new(l, "uphill_s", isfinite(rx->last_run.uphill_s) ? json_real(rx->last_run.uphill_s) : json_null());
		json_object_set_new(l, "fast_s", isfinite(rx->last_run.fast_s) ? json_real(rx->last_run.fast_s) : json_null());
		json_object_set_new(l, "cadence_spm",
		                    isfinite(rx->last_run.cadence_spm) ? json_real(rx->last_run.cadence_spm) : json_null());
		json_object_set_new(l, "summary", shape_str(rx->last_run.summary));
		json_object_set_new(o, "last_run", l);
	} else {
		json_object_set_new(o, "last_run", json_null());
	}
	return o;
}

json_t *shape_today(const tendo_prescription *rx, const tendo_schedule *schedule)
{
	json_t *o = shape_prescription(rx);
	if (o)
		json_object_set_new(o, "training_day", json_boolean(tendo_schedule_has_day(schedule, rx->date)));
	return o;
}

int shape_status_facts_get(shape_status_facts *f, const tendo_prescription *rx, const tendo_profile *p,
                           const tendo_log *log)
{
	const tendo_status *st = &rx->status;
	memset(f, 0, sizeof(*f));
	f->days_in = (int)(rx->date - st->stage_since) + 1;
	f->trend = st->week_mean < 0 || st->prev_week_mean < 0 ? "unknown"
	           : st->week_mean - st->prev_week_mean >= p->settings.trend_rise ? "rising"
	           : st->prev_week_mean - st->week_mean >= p->settings.trend_rise ? "falling" : "steady";
	f->have_load = tendo_metrics_compute(&f->load, log, p->start, rx->date) == 0;
	/* adherence: the 28 days up to yesterday (today is not over) */
	f->adherence_from = rx->date - 28 < p->start ? p->start : rx->date - 28;
	f->adherence_days = (int)(rx->date - f->adherence_from);
	if (f->adherence_days > 0) {
		tendo_report_day *days = calloc((size_t)f->adherence_days, sizeof(*days));
		if (!days)
			return TENDO_ENOMEM;
		f->have_adherence = tendo_report_days(days, f->adherence_days, p, log, f->adherence_from) == 0;
		if (f->have_adherence)
			tendo_report_adherence(&f->adherence, days, f->adherence_days);
		free(days);
	}
	for (size_t k = 0; k < log->n_visa; k++) {
		if (!f->visa_first || log->visa[k].date < f->visa_first->date)
			f->visa_first = &log->visa[k];
		if (!f->visa_last || log->visa[k].date >= f->visa_last->date)
			f->visa_last = &log->visa[k];
	}
	return 0;
}

json_t *shape_status(const shape_status_facts *f, const tendo_prescription *rx, const tendo_profile *p,
                     const tendo_log *log)
{
	const tendo_status *st = &rx->status;
	char d[TENDO_DATE_BUFSZ];
	json_t *o = json_object();
	json_object_set_new(o, "date", json_string(tendo_date_format(rx->date, d)));
	json_t *ath = json_object();
	json_object_set_new(ath, "name", shape_str(p->name));
	json_object_set_new(ath, "side", json_string(tendo_side_name(p->side)));
	json_object_set_new(ath, "ceiling", json_integer(p->settings.ceiling));
	json_object_set_new(ath, "tz", json_string(p->tz));
	json_object_set_new(ath, "start", shape_opt_date(p->start));
	json_object_set_new(o, "athlete", ath);
	json_object_set_new(o, "stage", json_string(tendo_stage_name(rx->stage)));
	json_object_set_new(o, "stage_since", shape_opt_date(st->stage_since));
	json_object_set_new(o, "days_in_stage", json_integer(f->days_in));
	json_object_set_new(o, "decision", json_string(tendo_decision_name(rx->decision)));
	json_object_set_new(o, "run_step_min", st->run_step_min ? json_integer(st->run_step_min) : json_null());
	json_object_set_new(o, "week_run_min", json_real(st->week_run_min));
	json_t *m = json_object();
	json_object_set_new(m, "today", shape_opt_int(st->morning_today));
	json_object_set_new(m, "is_task", json_boolean(st->morning_is_task));
	json_object_set_new(m, "baseline", shape_opt_real(st->morning_baseline));
	json_object_set_new(m, "week_mean", shape_opt_real(st->week_mean));
	json_object_set_new(m, "prev_week_mean", shape_opt_real(st->prev_week_mean));
	json_object_set_new(m, "trend", json_string(f->trend));
	json_object_set_new(o, "morning", m);
	json_object_set_new(o, "last_flare", shape_opt_date(st->last_flare));
	json_object_set_new(o, "deload_until", shape_opt_date(st->deload_until));
	json_t *t = json_object();
	json_object_set_new(t, "last_test", shape_opt_date(st->last_test));
	json_object_set_new(t, "lsi_curl", shape_opt_real(st->lsi_curl));
	json_object_set_new(t, "lsi_bridge", shape_opt_real(st->lsi_bridge));
	json_object_set_new(t, "pass", json_boolean(st->tests_pass));
	json_t *hist = json_array();
	const tendo_test *t0 = tendo_log_first_test(log);
	for (size_t k = 0; k < log->n_tests; k++) {
		double lc = -1, lb = -1;
		bool pass = tendo_engine_test_passes(&log->tests[k], &log->tests[k] == t0 ? NULL : t0, p, &lc, &lb);
		json_array_append_new(hist, json_pack("{s:o,s:o,s:o,s:b}", "date", shape_opt_date(log->tests[k].date),
		                                      "lsi_curl", shape_opt_real(lc), "lsi_bridge", shape_opt_real(lb), "pass", pass));
	}
	json_object_set_new(t, "history", hist);
	json_object_set_new(o, "readiness", t);
	json_object_set_new(o, "visa", f->visa_last ? json_pack("{s:o,s:i,s:o,s:i}", "last", shape_opt_date(f->visa_last->date), "total",
	                                                  f->visa_last->total, "first", shape_opt_date(f->visa_first->date),
	                                                  "first_total", f->visa_first->total)
	                                      : json_null());
	json_object_set_new(o, "adherence",
	                    f->have_adherence ? json_pack("{s:o,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:o}", "from", shape_opt_date(f->adherence_from),
	                                       "runs_prescribed", f->adherence.runs_prescribed, "runs_done", f->adherence.runs_done,
	                                       "runs_extra", f->adherence.runs_extra, "runs_longer", f->adherence.runs_longer,
	                                       "strength_prescribed", f->adherence.strength_prescribed, "strength_done",
	                                       f->adherence.strength_done, "holds_prescribed", f->adherence.holds_prescribed,
	                                       "holds_done", f->adherence.holds_done, "percent", shape_opt_real(f->adherence.percent))
	                           : json_null());
	json_object_set_new(o, "red_flag", json_boolean(st->red_flag));
	json_t *c = json_object();
	json_object_set_new(c, "pain", json_integer((json_int_t)log->n_pain));
	json_object_set_new(c, "runs", json_integer((json_int_t)log->n_runs));
	json_object_set_new(c, "rehab", json_integer((json_int_t)log->n_rehab));
	json_object_set_new(c, "cross", json_integer((json_int_t)log->n_cross));
	json_object_set_new(c, "tests", json_integer((json_int_t)log->n_tests));
	json_object_set_new(c, "flags", json_integer((json_int_t)log->n_flags));
	json_object_set_new(c, "sitting", json_integer((json_int_t)log->n_sitting));
	json_object_set_new(c, "visa", json_integer((json_int_t)log->n_visa));
	json_object_set_new(o, "entries", c);
	if (f->have_load) {
		json_t *l = json_object();
		json_object_set_new(l, "day", json_real(f->load.day_load));
		json_object_set_new(l, "week", json_real(f->load.week_load));
		json_object_set_new(l, "monotony", isfinite(f->load.monotony) ? json_real(f->load.monotony) : json_null());
		json_object_set_new(l, "strain", isfinite(f->load.strain) ? json_real(f->load.strain) : json_null());
		json_object_set_new(l, "acute", json_real(f->load.acute));
		json_object_set_new(l, "chronic", json_real(f->load.chronic));
		json_object_set_new(l, "acwr", isfinite(f->load.acwr) ? json_real(f->load.acwr) : json_null());
		json_object_set_new(l, "acwr_band", json_pack("[f,f]", 0.8, 1.3));
		json_object_set_new(l, "week_run_km", json_real(f->load.week_run_km));
		json_object_set_new(l, "week_task_mean", isfinite(f->load.week_task_mean) ? json_real(f->load.week_task_mean) : json_null());
		json_object_set_new(l, "estimated", json_boolean(f->load.estimated));
		json_object_set_new(o, "load", l);
	} else {
		json_object_set_new(o, "load", json_null());
	}
	return o;
}
