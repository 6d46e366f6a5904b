# tendo - top-level entry points. The real build is CMake (CMakeLists.txt).
#   make demo    install what is missing, build, run the demo story, print today
#   make check   install what is missing, build (gcc), run every test, then the
#                whole suite again under ASan+UBSan (clang)
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= 2

.PHONY: all deps build demo check test asan tsan fuzz conformance bench clean

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

# make tsan: tendo serve's tests under ThreadSanitizer (its worker threads, the
# CLI writing beside it); a data race fails the server's exit status. Not
# part of make check.
TSAN_BUILD ?= build-tsan
tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang \
		-DCMAKE_C_FLAGS="-fsanitize=thread -O1 -g" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
	@cmake --build $(TSAN_BUILD) -j$(JOBS) --target tendo test_server test_server_units -- --no-print-directory
	@cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -R '^server\.'

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

# make fuzz: each parser's libFuzzer target for FUZZ_SECONDS, seeded from
# tests/data and fuzz/corpus; crashers land in fuzz/corpus/<parser>/ and are
# replayed by ctest from then on.
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
fuzz: deps
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DTENDO_FUZZ=ON -DTENDO_SANITIZE=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_fit fuzz_gpx fuzz_tcx -- --no-print-directory
	@for t in fit gpx tcx; do \
		rm -rf $(FUZZ_BUILD)/corpus-$$t && mkdir -p $(FUZZ_BUILD)/corpus-$$t && \
		find tests/data/$$t fuzz/corpus/$$t -type f -exec cp {} $(FUZZ_BUILD)/corpus-$$t/ \; ; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		$(FUZZ_BUILD)/fuzz/fuzz_$$t $(FUZZ_BUILD)/corpus-$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=1048576 -rss_limit_mb=2048 -artifact_prefix=fuzz/corpus/$$t/ -print_final_stats=1 2>&1 \
			| grep -E 'stat::|ERROR|SUMMARY|Done' || true; \
	done

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(TSAN_BUILD)
