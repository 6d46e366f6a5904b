/*
 * fuzz_archive.c - libFuzzer target for the archive walk of the importer:
 * the input is written to a file (in.zip, or in.tgz when it starts like
 * gzip) and imported with tendo_import_paths() into a new in-memory store,
 * so libarchive's zip and tar readers, the nested zips, the .gz members,
 * activities.csv, the readers and the dedupe all see it. Limits are small
 * (4 MiB a file, 20,000 points) so a bomb is refused, not swapped in.
 * Built with -fsanitize=fuzzer by `make fuzz`; replayed over
 * fuzz/corpus/archive by ctest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <tendo/import.h>
#include <tendo/store.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof(dir), "%s/tendo-fuzz-archive.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	char path[300];
	bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
	snprintf(path, sizeof(path), "%s/%s", dir, gz ? "in.tgz" : "in.zip");
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();

	tendo_store *s = NULL;
	if (tendo_store_open(&s, ":memory:", TENDO_STORE_CREATE) == 0) {
		tendo_import_options o;
		tendo_import_options_default(&o);
		o.limits.max_bytes = (size_t)4 << 20;
		o.limits.max_points = 20000;
		tendo_import_summary sum;
		const char *paths[] = { path };
		(void)tendo_import_paths(s, paths, 1, &o, &sum);
		if (sum.imported + sum.duplicates + sum.skipped + sum.errors != sum.files)
			abort(); /* every file looked at is counted once */
		tendo_store_close(s);
	}
	unlink(path);
	return 0;
}
