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
#include "../shapes/shapes.h"

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
			rc = cli_print_json(shape_today(&rx, &ctx->schedule));
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
	char d[TENDO_DATE_BUFSZ];
	shape_status_facts f;
	if ((rc = shape_status_facts_get(&f, &rx, p, &log))) {
		tendo_log_dispose(&log);
		return cli_lib_error(ctx, rc);
	}
	int days_in = f.days_in;
	const char *trend = f.trend;
	const tendo_metrics lm = f.load;
	bool have_m = f.have_load, have_a = f.have_adherence;
	const tendo_adherence ad = f.adherence;
	int a_n = f.adherence_days;
	const tendo_visa *v_first = f.visa_first, *v_last = f.visa_last;
	if (a.json) {
		json_t *o = shape_status(&f, &rx, p, &log);
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
