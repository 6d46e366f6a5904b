/*
 * cmd_today.c - tendo today and tendo status: run the engine on the log and
 * show the prescription (decision first, then the reasons) or the state.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <tendo/metrics.h>
#include <tendo/report.h>

#include "cli.h"
#include "cli_units.h"

enum { O_DATE = 1, O_JSON, O_PHYSIO };

static const cli_opt opts[] = {
	{ "date", required_argument, O_DATE, "D", "the day to prescribe, YYYY-MM-DD (default today)" },
	{ "json", no_argument, O_JSON, NULL, "print JSON" },
	{ 0 }
};
static const cli_opt status_opts[] = {
	{ "date", required_argument, O_DATE, "D", "the day, YYYY-MM-DD (default today)" },
	{ "json", no_argument, O_JSON, NULL, "print JSON (always with the physio's figures)" },
	{ "physio", no_argument, O_PHYSIO, NULL, "add the physio's figures: session-RPE load, monotony, strain, acute:chronic" },
	{ 0 }
};
static const cli_spec today_spec = { "today [--date D] [--json]",
	"What to do today: the decision, the run, the rehab, what to avoid, and the rules behind it.", opts };
static const cli_spec status_spec = { "status [--date D] [--physio] [--json]",
	"Where things stand: stage, running step, morning pain against your usual, readiness tests.", status_opts };

typedef struct {
	const char *date;
	bool json;
	bool physio;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	if (id == O_DATE)
		a->date = v;
	else if (id == O_PHYSIO)
		a->physio = true;
	else
		a->json = true;
	return 0;
}

/* Parse, open read-only, load the log and prescribe. */
static int run_engine(cli_ctx *ctx, const cli_spec *spec, int argc, char **argv, args *a, tendo_log *log,
                      tendo_prescription *rx)
{
	int rc = cli_parse(ctx, spec, argc, argv, on_opt, a, NULL);
	if (rc)
		return rc;
	tendo_date date = TENDO_DATE_NONE;
	if (a->date && (rc = cli_date(ctx, "date", a->date, &date)))
		return rc;
	if ((rc = cli_open(ctx, false)))
		return rc;
	if (date == TENDO_DATE_NONE)
		date = ctx->today;
	if ((rc = tendo_store_load_log(ctx->store, log, TENDO_DATE_NONE, date)))
		return cli_lib_error(ctx, rc);
	/* a past day is what was advised that morning (PROTOCOL.md 10.9), with
	 * what was then done; today (or later) is the day as seen now */
	if ((rc = date < ctx->today ? tendo_engine_prescribe_morning(rx, &ctx->profile, log, date)
	                            : tendo_engine_prescribe(rx, &ctx->profile, log, date)))
		return cli_lib_error(ctx, rc);
	return 0;
}

static json_t *opt_int(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

static json_t *opt_real(double v)
{
	return v >= 0 ? json_real(v) : json_null();
}

static json_t *opt_date(tendo_date d)
{
	char b[TENDO_DATE_BUFSZ];
	return d != TENDO_DATE_NONE ? json_string(tendo_date_format(d, b)) : json_null();
}

json_t *cli_prescription_json(const tendo_prescription *rx)
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
	json_object_set_new(run, "why", cli_jstr(rx->run.why));
	json_object_set_new(o, "run", run);
	json_t *rehab = json_array();
	for (size_t k = 0; k < rx->n_rehab; k++) {
		const tendo_rx_item *it = &rx->rehab[k];
		json_t *x = json_object();
		json_object_set_new(x, "exercise", cli_jstr(it->exercise->name));
		json_object_set_new(x, "title", json_string(it->exercise->title));
		json_object_set_new(x, "kind", json_string(tendo_ex_kind_name(it->exercise->kind)));
		json_object_set_new(x, "sets", json_integer(it->sets));
		json_object_set_new(x, "reps", it->reps ? json_integer(it->reps) : json_null());
		json_object_set_new(x, "hold_s", it->hold_s ? json_integer(it->hold_s) : json_null());
		/* numbers as numbers: the load in kg (null: body weight), its text apart */
		json_object_set_new(x, "load", opt_real(it->kg));
		json_object_set_new(x, "load_text", json_string(it->load));
		json_object_set_new(x, "kg", opt_real(it->kg));
		json_object_set_new(x, "kg_left", opt_real(it->kg_left));
		json_object_set_new(x, "kg_right", opt_real(it->kg_right));
		json_array_append_new(rehab, x);
	}
	json_object_set_new(o, "rehab", rehab);
	json_object_set_new(o, "rehab_why", cli_jstr(rx->rehab_why));
	json_t *av = json_array();
	for (size_t k = 0; k < rx->n_avoid; k++)
		json_array_append_new(av, cli_jstr(rx->avoid[k]));
	json_object_set_new(o, "avoid", av);
	json_t *rules = json_array();
	for (size_t k = 0; k < rx->n_rules; k++) {
		json_t *x = json_object();
		json_object_set_new(x, "id", json_string(rx->rules[k].id));
		json_object_set_new(x, "reason", cli_jstr(rx->rules[k].reason));
		json_object_set_new(x, "source", json_string(rx->rules[k].source));
		json_array_append_new(rules, x);
	}
	json_object_set_new(o, "rules", rules);
	if (rx->last_run.present) {
		json_t *l = json_object();
		json_object_set_new(l, "date", opt_date(rx->last_run.date));
		json_object_set_new(l, "minutes", json_real(rx->last_run.minutes));
		json_object_set_new(l, "prescribed", rx->last_run.prescribed ? json_integer(rx->last_run.prescribed) : json_null());
		json_object_set_new(l, "km", opt_real(rx->last_run.km));
		json_object_set_new(l, "imported", json_boolean(rx->last_run.imported));
		json_object_set_new(l, "uphill_s", isfinite(rx->last_run.uphill_s) ? json_real(rx->last_run.uphill_s) : json_null());
		json_object_set_new(l, "fast_s", isfinite(rx->last_run.fast_s) ? json_real(rx->last_run.fast_s) : json_null());
		json_object_set_new(l, "cadence_spm",
		                    isfinite(rx->last_run.cadence_spm) ? json_real(rx->last_run.cadence_spm) : json_null());
		json_object_set_new(l, "summary", cli_jstr(rx->last_run.summary));
		json_object_set_new(o, "last_run", l);
	} else {
		json_object_set_new(o, "last_run", json_null());
	}
	return o;
}

static void print_today(const cli_ctx *ctx, const tendo_prescription *rx)
{
	bool past = rx->date < ctx->today; /* the morning's record, then what was done */
	char d[TENDO_DATE_BUFSZ];
	const char *B = cli_bold(ctx), *D = cli_dim(ctx), *R = cli_reset(ctx);
	char decision[16];
	snprintf(decision, sizeof(decision), "%s", tendo_decision_name(rx->decision));
	for (char *p = decision; *p; p++)
		*p = (char)(*p == '_' ? ' ' : (*p >= 'a' && *p <= 'z') ? *p - 32 : *p);

	if (rx->decision == TENDO_DECISION_SEEK_CARE) {
		printf("%s%s: SEEK CARE%s - no running or strength work until a clinician has seen you.\n",
		       B, tendo_date_format(rx->date, d), R);
	} else if (past) {
		if (rx->run.allowed)
			printf("%s%s: %s%s - run %d min%s (as advised that morning).\n", B, tendo_date_format(rx->date, d),
			       decision, R, rx->run.minutes, rx->run.run_walk ? ", run/walk" : "");
		else
			printf("%s%s: %s%s - no run%s (as advised that morning).\n", B, tendo_date_format(rx->date, d), decision,
			       R, tendo_rx_has_strength(rx) ? "; strength day" : rx->n_rehab ? "; isometric holds" : "");
		if (rx->done.run || rx->done.strength || rx->done.holds)
			printf("Done that day: %s%s%s%s%s.\n", rx->done.run ? "a run" : "",
			       rx->done.run && (rx->done.strength || rx->done.holds) ? ", " : "",
			       rx->done.strength ? "strength work" : "", rx->done.strength && rx->done.holds ? ", " : "",
			       rx->done.holds ? "holds" : "");
		else
			printf("Nothing logged that day.\n");
	} else if (rx->done.run || rx->done.strength) {
		/* the day's session is logged: say so, then what is left */
		printf("%s%s: DONE%s - %s%s%s logged today; %s.\n", B, tendo_date_format(rx->date, d), R,
		       rx->done.run ? "a run" : "", rx->done.run && rx->done.strength ? " and " : "",
		       rx->done.strength ? "strength work" : "",
		       rx->n_rehab && !tendo_rx_has_strength(rx) ? "holds are fine for relief" : "rest and log tomorrow's morning");
	} else if (rx->provisional) {
		/* no morning score yet: ask for it first; the rest may change */
		printf("%s%s: first, your morning score%s - do 3 short-lever single-leg bridges and log it "
		       "(tendo log pain --kind task --score N).\n", B, tendo_date_format(rx->date, d), R);
		if (rx->run.allowed)
			printf("Provisionally: %s - run %d min, %s and easy%s.\n", decision, rx->run.minutes,
			       tendo_terrain_name(rx->run.terrain), rx->run.run_walk ? ", run/walk" : "");
		else
			printf("Provisionally: %s - no run today%s.\n", decision,
			       tendo_rx_has_strength(rx) ? "; strength day" : rx->n_rehab ? "; isometric holds" : "");
	} else if (rx->run.allowed) {
		printf("%s%s: %s%s - run %d min, %s and easy%s.\n", B, tendo_date_format(rx->date, d), decision, R,
		       rx->run.minutes, tendo_terrain_name(rx->run.terrain), rx->run.run_walk ? ", run/walk" : "");
	} else {
		printf("%s%s: %s%s - no run today%s.\n", B, tendo_date_format(rx->date, d), decision, R,
		       tendo_rx_has_strength(rx) ? "; strength day" : rx->n_rehab ? "; isometric holds" : "");
	}
	printf("%sstage %s (since %s)%s\n\n", D, tendo_stage_title(rx->stage), tendo_date_format(rx->status.stage_since, d), R);

	char u[1200]; /* the engine's texts in the athlete's units */
	printf("%sRun:%s   %s\n", B, R, cli_text_units(ctx, rx->run.why, u, sizeof(u)));
	if (rx->last_run.present)
		printf("       last run: %s\n", cli_text_units(ctx, rx->last_run.summary, u, sizeof(u)));
	if (rx->run.allowed && rx->run.run_walk)
		printf("       run/walk: 2 min run, 1 min walk; walk any hill\n");
	printf("%sRehab:%s %s\n", B, R, cli_text_units(ctx, rx->rehab_why, u, sizeof(u)));
	for (size_t k = 0; k < rx->n_rehab; k++) {
		const tendo_rx_item *it = &rx->rehab[k];
		char dose[32];
		if (it->hold_s)
			snprintf(dose, sizeof(dose), "%d x %d s hold", it->sets, it->hold_s);
		else
			snprintf(dose, sizeof(dose), "%d x %d", it->sets, it->reps);
		printf("       - %-18s %-14s %s\n", cli_text(it->exercise->name), dose,
		       cli_text(cli_text_units(ctx, it->load, u, sizeof(u))));
	}
	if (!tendo_schedule_has_day(&ctx->schedule, rx->date) && (rx->run.allowed || tendo_rx_has_strength(rx))) {
		char days[TENDO_DAYS_BUFSZ];
		printf("%sNote:%s  not one of your training days (%s): fine to do it today, or on the next one "
		       "(tendo plan shows the week)\n",
		       B, R, tendo_schedule_format_days(ctx->schedule.days, days));
	}
	if (rx->n_avoid) {
		printf("%sAvoid:%s ", B, R);
		for (size_t k = 0; k < rx->n_avoid; k++)
			printf("%s%s", k ? "; " : "", rx->avoid[k]);
		printf("\n");
	}
	printf("\n%sWhy:%s\n", B, R);
	for (size_t k = 0; k < rx->n_rules; k++) {
		if (strcmp(rx->rules[k].id, "avoid.stage") == 0)
			continue;
		printf("  %-28s %s\n  %-28s %s[%s]%s\n", rx->rules[k].id,
		       cli_text(cli_text_units(ctx, rx->rules[k].reason, u, sizeof(u))), "", D, rx->rules[k].source, R);
	}
	printf("\n%stendo is not a diagnosis: if in doubt, see a clinician.%s\n", D, R);
}

int cmd_today(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	tendo_log log = { 0 };
	tendo_prescription rx;
	int rc = run_engine(ctx, &today_spec, argc, argv, &a, &log, &rx);
	if (!rc) {
		if (a.json) {
			json_t *o = cli_prescription_json(&rx);
			json_object_set_new(o, "training_day", json_boolean(tendo_schedule_has_day(&ctx->schedule, rx.date)));
			rc = cli_print_json(o);
		} else
			print_today(ctx, &rx);
	}
	tendo_log_dispose(&log);
	return rc;
}

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	tendo_log log = { 0 };
	tendo_prescription rx;
	int rc = run_engine(ctx, &status_spec, argc, argv, &a, &log, &rx);
	if (rc) {
		tendo_log_dispose(&log);
		return rc;
	}
	const tendo_status *st = &rx.status;
	const tendo_profile *p = &ctx->profile;
	int days_in = (int)(rx.date - st->stage_since) + 1;
	const char *trend = st->week_mean < 0 || st->prev_week_mean < 0 ? "unknown"
	                    : st->week_mean - st->prev_week_mean >= p->settings.trend_rise ? "rising"
	                    : st->prev_week_mean - st->week_mean >= p->settings.trend_rise ? "falling" : "steady";
	char d[TENDO_DATE_BUFSZ];
	tendo_metrics lm;
	bool have_m = tendo_metrics_compute(&lm, &log, p->start, rx.date) == 0;
	/* adherence: the 28 days up to yesterday (today is not over) */
	tendo_adherence ad;
	tendo_date a_from = rx.date - 28 < p->start ? p->start : rx.date - 28;
	int a_n = (int)(rx.date - a_from);
	static tendo_report_day rdays[28];
	bool have_a = a_n > 0 && tendo_report_days(rdays, a_n, p, &log, a_from) == 0;
	if (have_a)
		tendo_report_adherence(&ad, rdays, a_n);
	const tendo_visa *v_first = NULL, *v_last = NULL;
	for (size_t k = 0; k < log.n_visa; k++) {
		if (!v_first || log.visa[k].date < v_first->date)
			v_first = &log.visa[k];
		if (!v_last || log.visa[k].date >= v_last->date)
			v_last = &log.visa[k];
	}
	if (a.json) {
		json_t *o = json_object();
		json_object_set_new(o, "date", json_string(tendo_date_format(rx.date, d)));
		json_t *ath = json_object();
		json_object_set_new(ath, "name", cli_jstr(p->name));
		json_object_set_new(ath, "side", json_string(tendo_side_name(p->side)));
		json_object_set_new(ath, "ceiling", json_integer(p->settings.ceiling));
		json_object_set_new(ath, "tz", json_string(p->tz));
		json_object_set_new(ath, "start", opt_date(p->start));
		json_object_set_new(o, "athlete", ath);
		json_object_set_new(o, "stage", json_string(tendo_stage_name(rx.stage)));
		json_object_set_new(o, "stage_since", opt_date(st->stage_since));
		json_object_set_new(o, "days_in_stage", json_integer(days_in));
		json_object_set_new(o, "decision", json_string(tendo_decision_name(rx.decision)));
		json_object_set_new(o, "run_step_min", st->run_step_min ? json_integer(st->run_step_min) : json_null());
		json_object_set_new(o, "week_run_min", json_real(st->week_run_min));
		json_t *m = json_object();
		json_object_set_new(m, "today", opt_int(st->morning_today));
		json_object_set_new(m, "is_task", json_boolean(st->morning_is_task));
		json_object_set_new(m, "baseline", opt_real(st->morning_baseline));
		json_object_set_new(m, "week_mean", opt_real(st->week_mean));
		json_object_set_new(m, "prev_week_mean", opt_real(st->prev_week_mean));
		json_object_set_new(m, "trend", json_string(trend));
		json_object_set_new(o, "morning", m);
		json_object_set_new(o, "last_flare", opt_date(st->last_flare));
		json_object_set_new(o, "deload_until", opt_date(st->deload_until));
		json_t *t = json_object();
		json_object_set_new(t, "last_test", opt_date(st->last_test));
		json_object_set_new(t, "lsi_curl", opt_real(st->lsi_curl));
		json_object_set_new(t, "lsi_bridge", opt_real(st->lsi_bridge));
		json_object_set_new(t, "pass", json_boolean(st->tests_pass));
		json_t *hist = json_array();
		const tendo_test *t0 = tendo_log_first_test(&log);
		for (size_t k = 0; k < log.n_tests; k++) {
			double lc = -1, lb = -1;
			bool pass = tendo_engine_test_passes(&log.tests[k], &log.tests[k] == t0 ? NULL : t0, p, &lc, &lb);
			json_array_append_new(hist, json_pack("{s:o,s:o,s:o,s:b}", "date", opt_date(log.tests[k].date),
			                                      "lsi_curl", opt_real(lc), "lsi_bridge", opt_real(lb), "pass", pass));
		}
		json_object_set_new(t, "history", hist);
		json_object_set_new(o, "readiness", t);
		json_object_set_new(o, "visa", v_last ? json_pack("{s:o,s:i,s:o,s:i}", "last", opt_date(v_last->date), "total",
		                                                  v_last->total, "first", opt_date(v_first->date),
		                                                  "first_total", v_first->total)
		                                      : json_null());
		json_object_set_new(o, "adherence",
		                    have_a ? json_pack("{s:o,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:o}", "from", opt_date(a_from),
		                                       "runs_prescribed", ad.runs_prescribed, "runs_done", ad.runs_done,
		                                       "runs_extra", ad.runs_extra, "runs_longer", ad.runs_longer,
		                                       "strength_prescribed", ad.strength_prescribed, "strength_done",
		                                       ad.strength_done, "holds_prescribed", ad.holds_prescribed,
		                                       "holds_done", ad.holds_done, "percent", opt_real(ad.percent))
		                           : json_null());
		json_object_set_new(o, "red_flag", json_boolean(st->red_flag));
		json_t *c = json_object();
		json_object_set_new(c, "pain", json_integer((json_int_t)log.n_pain));
		json_object_set_new(c, "runs", json_integer((json_int_t)log.n_runs));
		json_object_set_new(c, "rehab", json_integer((json_int_t)log.n_rehab));
		json_object_set_new(c, "cross", json_integer((json_int_t)log.n_cross));
		json_object_set_new(c, "tests", json_integer((json_int_t)log.n_tests));
		json_object_set_new(c, "flags", json_integer((json_int_t)log.n_flags));
		json_object_set_new(c, "sitting", json_integer((json_int_t)log.n_sitting));
		json_object_set_new(c, "visa", json_integer((json_int_t)log.n_visa));
		json_object_set_new(o, "entries", c);
		if (have_m) {
			json_t *l = json_object();
			json_object_set_new(l, "day", json_real(lm.day_load));
			json_object_set_new(l, "week", json_real(lm.week_load));
			json_object_set_new(l, "monotony", isfinite(lm.monotony) ? json_real(lm.monotony) : json_null());
			json_object_set_new(l, "strain", isfinite(lm.strain) ? json_real(lm.strain) : json_null());
			json_object_set_new(l, "acute", json_real(lm.acute));
			json_object_set_new(l, "chronic", json_real(lm.chronic));
			json_object_set_new(l, "acwr", isfinite(lm.acwr) ? json_real(lm.acwr) : json_null());
			json_object_set_new(l, "acwr_band", json_pack("[f,f]", 0.8, 1.3));
			json_object_set_new(l, "week_run_km", json_real(lm.week_run_km));
			json_object_set_new(l, "week_task_mean", isfinite(lm.week_task_mean) ? json_real(lm.week_task_mean) : json_null());
			json_object_set_new(l, "estimated", json_boolean(lm.estimated));
			json_object_set_new(o, "load", l);
		} else {
			json_object_set_new(o, "load", json_null());
		}
		tendo_log_dispose(&log);
		return cli_print_json(o);
	}
	const char *B = cli_bold(ctx), *R = cli_reset(ctx);
	printf("%s%s%s: %s side, ceiling %d/10, %s, started %s\n", B, p->name[0] ? cli_text(p->name) : "athlete", R,
	       tendo_side_name(p->side), p->settings.ceiling, p->tz, tendo_date_format(p->start, d));
	printf("date:       %s\n", tendo_date_format(rx.date, d));
	printf("stage:      %s since %s (day %d)\n", tendo_stage_title(rx.stage), tendo_date_format(st->stage_since, d), days_in);
	printf("decision:   %s (tendo today for the details)\n", tendo_decision_name(rx.decision));
	char km[40] = "", dist[32];
	if (have_m && lm.week_run_km > 0)
		snprintf(km, sizeof(km), ", %s", cli_fmt_distance(ctx, lm.week_run_km, 1, dist, sizeof(dist)));
	if (st->run_step_min)
		printf("running:    step %d min; %.0f min%s in the last 7 days\n", st->run_step_min, st->week_run_min, km);
	else
		printf("running:    not yet (%.0f min%s in the last 7 days)\n", st->week_run_min, km);
	if (st->morning_today >= 0)
		printf("morning:    %s %d/10 today", st->morning_is_task ? "task" : "pain", st->morning_today);
	else
		printf("morning:    no score today");
	if (st->morning_baseline >= 0)
		printf(", usual %.1f", st->morning_baseline);
	printf("\n");
	if (st->week_mean >= 0 && st->prev_week_mean >= 0)
		printf("trend:      %s (mean %.1f this week, %.1f last week)\n", trend, st->week_mean, st->prev_week_mean);
	else
		printf("trend:      not enough mornings yet (3 a week needed)\n");
	printf("last flare: %s\n", st->last_flare != TENDO_DATE_NONE ? tendo_date_format(st->last_flare, d) : "none");
	if (st->deload_until != TENDO_DATE_NONE)
		printf("deload:     until %s\n", tendo_date_format(st->deload_until, d));
	if (st->last_test != TENDO_DATE_NONE) {
		printf("readiness:  last test %s", tendo_date_format(st->last_test, d));
		if (st->lsi_curl >= 0)
			printf(", curl LSI %.0f%%", st->lsi_curl);
		if (st->lsi_bridge >= 0)
			printf(", bridge LSI %.0f%%", st->lsi_bridge);
		printf(" (%s)\n", st->tests_pass ? "pass" : "not passed");
	} else {
		printf("readiness:  no test yet\n");
	}
	char d2[TENDO_DATE_BUFSZ];
	if (log.n_tests > 1) {
		const tendo_test *t0 = tendo_log_first_test(&log);
		printf("LSI so far:");
		for (size_t k = 0; k < log.n_tests; k++) {
			double lc = -1, lb = -1;
			(void)tendo_engine_test_passes(&log.tests[k], &log.tests[k] == t0 ? NULL : t0, p, &lc, &lb);
			printf("%s %s", k ? ";" : "", tendo_date_format(log.tests[k].date, d));
			if (lc >= 0)
				printf(" curl %.0f%%", lc);
			if (lb >= 0)
				printf(" bridge %.0f%%", lb);
		}
		printf("\n");
	}
	if (v_last && v_last != v_first)
		printf("VISA-H:     %d/100 on %s (first %d/100 on %s)\n", v_last->total, tendo_date_format(v_last->date, d),
		       v_first->total, tendo_date_format(v_first->date, d2));
	else if (v_last)
		printf("VISA-H:     %d/100 on %s\n", v_last->total, tendo_date_format(v_last->date, d));
	else
		printf("VISA-H:     none yet (tendo log visa --items ...)\n");
	if (have_a && isfinite(ad.percent))
		printf("adherence:  %.0f%% of prescribed sessions done in the last %d days (runs %d/%d, strength %d/%d, "
		       "holds %d/%d; %d extra run%s)\n",
		       ad.percent, a_n, ad.runs_done, ad.runs_prescribed, ad.strength_done, ad.strength_prescribed,
		       ad.holds_done, ad.holds_prescribed, ad.runs_extra, ad.runs_extra == 1 ? "" : "s");
	printf("red flag:   %s\n", st->red_flag ? "YES - see a clinician" : "none");
	if (have_m && a.physio) {
		printf("load:       %.0f this week (RPE x min%s), today %.0f", lm.week_load, lm.estimated ? ", some RPE assumed" : "",
		       lm.day_load);
		if (isfinite(lm.monotony))
			printf(", monotony %.2f%s, strain %.0f", lm.monotony, lm.monotony > 2 ? " (high)" : "", lm.strain);
		printf("\n");
		if (isfinite(lm.acwr))
			printf("            acute:chronic %.2f - a trend to watch against the disputed 0.8-1.3 band, not a verdict\n",
			       lm.acwr);
		else
			printf("            acute:chronic: not before 28 days of log (%d so far)\n", lm.days);
	}
	printf("entries:    %zu pain, %zu runs, %zu rehab, %zu cross, %zu tests, %zu flags, %zu sitting, %zu VISA-H\n",
	       log.n_pain, log.n_runs, log.n_rehab, log.n_cross, log.n_tests, log.n_flags, log.n_sitting, log.n_visa);
	tendo_log_dispose(&log);
	return 0;
}
