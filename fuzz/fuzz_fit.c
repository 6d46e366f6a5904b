/*
 * fuzz_fit.c - libFuzzer target for the FIT decoder: every message of the
 * input decoded (tendo_fit_decode, components expanded, every field read),
 * then the activity reader (tendo_fit_read). Built with -fsanitize=fuzzer by
 * `make fuzz`; replayed over fuzz/corpus/fit and tests/data/fit by ctest.
 */
#include <stddef.h>
#include <stdint.h>

#include <tendo/fit.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int touch(const tendo_fit_message *m, void *user)
{
	double *sink = user;
	for (size_t i = 0; i < m->n_fields; i++)
		*sink += tendo_fit_field_double(&m->fields[i], 0) == 0 ? 1 : 0;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double sink = 0;
	tendo_fit_summary sum;
	tendo_fit_options opt = { .expand_components = true };
	(void)tendo_fit_decode(&sum, data, size, &opt, touch, &sink);
	tendo_activity a;
	tendo_activity_init(&a);
	tendo_read_limits lim = { .max_points = 200000 };
	(void)tendo_fit_read(&a, data, size, &lim);
	tendo_activity_dispose(&a);
	tendo_fit_info info;
	(void)tendo_fit_probe(&info, data, size);
	return 0;
}
