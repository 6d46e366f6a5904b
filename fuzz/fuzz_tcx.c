/*
 * fuzz_tcx.c - libFuzzer target for the TCX reader, then the run analysis
 * of whatever it read.
 */
#include <stddef.h>
#include <stdint.h>

#include <tendo/analysis.h>
#include <tendo/tcx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_read_limits lim = { .max_points = 200000 };
	if (tendo_tcx_read(&a, data, size, &lim) == 0) {
		tendo_run_facts f;
		(void)tendo_activity_analyse(&f, &a, NULL);
	}
	tendo_activity_dispose(&a);
	return 0;
}
