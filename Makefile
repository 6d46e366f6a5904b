# tendo - top-level entry points. The real build is CMake (CMakeLists.txt).
#   make demo    install what is missing, build, run the demo story, print today
#   make check   install what is missing, build (gcc), run every test, then the
#                whole suite again under ASan+UBSan (clang)
#   make torture the long fault, crash, concurrency, disk-full and memory sweeps
#   make valgrind the unit and CLI tests under valgrind
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= 2

.PHONY: all deps build demo check test asan fuzz fuzz-build conformance bench torture valgrind clean

all: build

deps:
	@./scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS) -- --no-print-directory

demo: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@echo "building tendo (a minute on a fresh machine)..."
	@cmake --build $(BUILD) -j$(JOBS) -- --no-print-directory >/dev/null
	@./scripts/demo $(BUILD)/tendo

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DTENDO_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS) -- --no-print-directory
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

check: test asan

# make bench: parser throughput (bench/bench_parse) and the peers when
# installed (scripts/bench-peers). Never part of make check.
bench: build
	@./scripts/bench-peers

# make conformance: every file in ../shared/data/activities against the
# reference decoders (Garmin's SDK for FIT, gpxpy and the corpus' own
# scripts for GPX and TCX).
SHARED ?= ../shared/data/activities
conformance: build
	@$(BUILD)/tests/fit_conformance $(SHARED)
	@echo "GPX and TCX: every file of $(SHARED) against reference-gpx.json / reference-tcx.json:"
	@$(BUILD)/tests/test_gpx 2>&1 | tail -1
	@$(BUILD)/tests/test_tcx 2>&1 | tail -1

# make fuzz: each libFuzzer target for FUZZ_SECONDS, seeded from tests/data
# (the readers) and fuzz/corpus/<target>; crashers land in
# fuzz/corpus/<target>/ and are replayed by ctest from then on; the corpus
# grown lands in $(FUZZ_BUILD)/corpus-<target>; fuzz/<target>.dict is a
# dictionary when there is one. FUZZ_TARGETS picks some.
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_TARGETS ?= fit gpx tcx archive strava_csv restore date
fuzz-build: deps
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DTENDO_FUZZ=ON -DTENDO_SANITIZE=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS)) -- --no-print-directory
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus-$$t && \
		for d in tests/data/$$t fuzz/corpus/$$t; do \
			[ -d $$d ] && find $$d -type f ! -name README -exec cp {} $(FUZZ_BUILD)/corpus-$$t/ \; ; \
		done; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		dict=; [ -f fuzz/$$t.dict ] && dict=-dict=fuzz/$$t.dict; \
		$(FUZZ_BUILD)/fuzz/fuzz_$$t $(FUZZ_BUILD)/corpus-$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 $$dict \
			-max_len=1048576 -rss_limit_mb=2048 -artifact_prefix=fuzz/corpus/$$t/ -print_final_stats=1 2>&1 \
			| grep -E 'stat::|ERROR|SUMMARY|Done|^#[0-9]+ *DONE' || true; \
	done

# make torture: the long versions of the ctest label torture (tests/fault,
# tests/torture; docs/RELIABILITY.md): I/O-error sweeps with read and
# persistent faults, 200 SIGKILL rounds each of import, log and restore,
# five rounds of writers and importers (checks finding 5: the duplicate
# race), disk full on a tmpfs and under RLIMIT_FSIZE, the ulimit -v sweep.
# TORTURE picks some: make torture TORTURE="crash diskfull".
TORTURE ?= fault crash concurrency diskfull memlimit
torture: build
	@cmake --build $(BUILD) -j$(JOBS) --target tendo_vfs_fault -- --no-print-directory
	@rc=0; for t in $(TORTURE); do \
		s=tests/torture/$$t.sh; [ $$t = fault ] && s=tests/fault/sweep.sh; \
		TENDO_FAULT_SO=$(BUILD)/tests/tendo_vfs_fault.so TENDO_TESTS=$(CURDIR)/tests \
			sh $$s $(BUILD)/tendo full || rc=1; \
	done; exit $$rc

# make valgrind: the unit tests and the CLI scenario scripts under valgrind's
# memcheck (the scripts run the binary through <build>/tests/tendo-vg): a
# memory error or a definite leak fails the test, and every valgrind log
# with one is printed. Its own gcc build, no sanitizers. VALGRIND_TESTS is a
# ctest -R regex (default: the unit and cli labels), VALGRIND_EXCLUDE a -E
# one: cli.stories_data (5,800 runs of the binary, the engine paths the unit
# tests cover) is left out unless VALGRIND_EXCLUDE= is given.
VG_BUILD         ?= build-vg
VALGRIND_TESTS   ?= ^(unit|cli)\.
VALGRIND_EXCLUDE ?= ^cli\.stories_data$$
valgrind: deps
	@command -v valgrind >/dev/null || ./scripts/install-deps valgrind
	@cmake -S . -B $(VG_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENDO_VALGRIND=ON >/dev/null
	@cmake --build $(VG_BUILD) -j$(JOBS) -- --no-print-directory
	@rm -f $(VG_BUILD)/valgrind/*.log
	@cd $(VG_BUILD) && ctest --output-on-failure -j$(JOBS) -R '$(VALGRIND_TESTS)' $(if $(VALGRIND_EXCLUDE),-E '$(VALGRIND_EXCLUDE)'); rc=$$?; \
		bad=$$(grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid|uninitialised' valgrind/*.log 2>/dev/null); \
		for f in $$bad; do echo "== $$f"; cat $$f; done; \
		echo "valgrind: $$(ls valgrind | wc -l) runs, $$(echo $$bad | wc -w) with errors or leaks"; \
		[ $$rc = 0 ] && [ -z "$$bad" ]

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(VG_BUILD)
