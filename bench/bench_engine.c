/*
 * bench_engine.c - the engine on a stored log, in process (no process start,
 * no dynamic loading): loading the log from SQLite, one prescription (what
 * `tendo today` computes), the timeline of every day (what the report and
 * adherence read), best of N.
 *   bench_engine DB [reps]     (a DB from bench/report-year.sh or any tendo DB)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <tendo/tendo.h>
#include <tendo/timeline.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_engine DB [reps]\n");
		return 2;
	}
	int reps = argc > 2 ? atoi(argv[2]) : 20;
	tendo_store *s = NULL;
	tendo_profile p;
	if (tendo_store_open(&s, argv[1], TENDO_STORE_READONLY) || tendo_store_get_profile(s, &p)) {
		fprintf(stderr, "bench_engine: %s\n", tendo_error_last());
		return 1;
	}
	tendo_log log = { 0 };
	double best_load = 1e9, best_rx = 1e9, best_tl = 1e9;
	for (int r = 0; r < reps; r++) {
		tendo_log_dispose(&log);
		double t0 = now_ms();
		if (tendo_store_load_log(s, &log, TENDO_DATE_NONE, TENDO_DATE_NONE)) {
			fprintf(stderr, "bench_engine: %s\n", tendo_error_last());
			return 1;
		}
		double t1 = now_ms();
		if (t1 - t0 < best_load)
			best_load = t1 - t0;
	}
	tendo_date last = p.start;
	for (size_t k = 0; k < log.n_pain; k++)
		if (log.pain[k].date > last)
			last = log.pain[k].date;
	int n = (int)(last - p.start) + 1;
	tendo_day *days = malloc((size_t)n * sizeof(*days));
	static tendo_prescription rx;
	for (int r = 0; r < reps; r++) {
		double t0 = now_ms();
		tendo_engine_prescribe(&rx, &p, &log, last);
		double t1 = now_ms();
		tendo_timeline(days, n, &p, &log, p.start, NULL);
		double t2 = now_ms();
		if (t1 - t0 < best_rx)
			best_rx = t1 - t0;
		if (t2 - t1 < best_tl)
			best_tl = t2 - t1;
	}
	size_t entries = log.n_pain + log.n_runs + log.n_rehab + log.n_cross + log.n_tests + log.n_flags + log.n_sitting +
	                 log.n_visa;
	printf("%d days, %zu entries (best of %d)\n", n, entries, reps);
	printf("load the log            %8.2f ms\n", best_load);
	printf("prescribe the last day  %8.2f ms   (today = load + this)\n", best_rx);
	printf("timeline of every day   %8.2f ms   (%.2f us a day)\n", best_tl, 1e3 * best_tl / n);
	free(days);
	tendo_log_dispose(&log);
	tendo_store_close(s);
	return 0;
}
