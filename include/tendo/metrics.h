/*
 * tendo/metrics.h - training load, one number for everything (PROTOCOL.md 8).
 *
 * Session-RPE load (Foster 2001): RPE x minutes, for runs, rehab and
 * cross-training alike. From the daily loads: the week's load, monotony
 * (mean / sd of the 7 daily loads, rest days 0) and strain (week x
 * monotony), and the acute:chronic workload ratio from exponentially
 * weighted moving averages (Williams et al. 2017: lambda = 2/(N+1), N = 7
 * and 28; no ratio before 28 days of data). The ratio is a trend to show
 * with its disputed 0.8-1.3 band (Gabbett 2016; Impellizzeri et al. 2020),
 * never a verdict. Pure functions of the log.
 */
#ifndef TENDO_METRICS_H
#define TENDO_METRICS_H

#include <stdbool.h>

#include "date.h"
#include "log.h"

/* The RPE assumed when an entry has none, by kind (documented in docs/RULES.md). */
#define TENDO_RPE_DEFAULT_RUN 3      /* easy run */
#define TENDO_RPE_DEFAULT_HARD_RUN 6 /* long, speed or hills intent */
#define TENDO_RPE_DEFAULT_REHAB 5
#define TENDO_RPE_DEFAULT_CROSS 3

typedef struct {
	tendo_date date;
	double day_load;        /* session-RPE load of the day, arbitrary units (RPE x min) */
	double week_load;       /* the 7 days ending on date */
	double monotony;        /* mean / sd of those 7 daily loads; NAN when sd is 0 */
	double strain;          /* week_load x monotony; NAN with monotony */
	double acute;           /* EWMA of daily load, N = 7 */
	double chronic;         /* EWMA of daily load, N = 28 */
	double acwr;            /* acute / chronic; NAN before 28 days of data or when chronic is 0 */
	int days;               /* days of data behind the EWMAs */
	double week_run_min;    /* minutes run in the 7 days */
	double week_run_km;     /* km run in the 7 days (runs with a distance) */
	double week_task_mean;  /* mean monitoring-task score of the 7 days; NAN without one */
	bool estimated;         /* some entry had no RPE and was counted with the default */
} tendo_metrics;

/* The minutes a rehab entry takes: reps at 6 s each (3 s up, 3 s down) or
 * the hold, plus 90 s rest per set (60 s after a hold). */
double tendo_metrics_rehab_minutes(const tendo_rehab *r);

/* Session-RPE load of one entry (RPE x minutes); *estimated set when the RPE
 * was defaulted (may be NULL). */
double tendo_metrics_run_load(const tendo_run *r, bool *estimated);
double tendo_metrics_rehab_load(const tendo_rehab *r, bool *estimated);
double tendo_metrics_cross_load(const tendo_cross *c, bool *estimated);

/*
 * The daily loads of days [first, first + n) into out[0..n).
 * Returns 0 (entries outside the range are ignored).
 */
int tendo_metrics_daily(double *out, const tendo_log *log, tendo_date first, int n, bool *estimated);

/*
 * The 7/28-day EWMAs of n daily loads (from the programme's start) and
 * their acute:chronic ratio for each day into ratio[0..n) when not NULL
 * (NAN before 28 days or when chronic is 0). Returns the last day's ratio;
 * *acute and *chronic (may be NULL) get the last day's EWMAs. The one
 * place the ratio is computed: status and the report both use it.
 */
double tendo_metrics_ewma(double *ratio, const double *daily, int n, double *acute, double *chronic);

/*
 * All the metrics for `date`, from the log since `start` (the profile's
 * start; the EWMAs begin there). Returns 0, TENDO_EINVAL for a date before
 * start or more than 20 years after it, or TENDO_ENOMEM.
 */
int tendo_metrics_compute(tendo_metrics *out, const tendo_log *log, tendo_date start, tendo_date date);

#endif
