# tendo - top-level entry points. The real build is CMake (CMakeLists.txt).
#   make demo    install what is missing, build, run the demo story, print today
#   make check   install what is missing, build (gcc), run every test (the
#                browser end-to-end test, label e2e, in this pass only), build
#                Release with gcc and clang, then the whole suite again under
#                ASan+UBSan (clang); warnings are errors on every path of check
#   make deb     the Debian packages (tendo, tendo-dev) in $(DEB_BUILD)
#   make package-check  install the package into a fresh Debian 12 root, run it, remove it
#   make torture the long fault, crash, concurrency, disk-full and memory sweeps
#   make valgrind the unit and CLI tests under valgrind
BUILD      ?= build
ASAN_BUILD ?= build-asan
DEB_BUILD  ?= build-deb
JOBS       ?= 2
# -Werror only where we test (TENDO_WERROR is OFF for everyone else)
WERROR     := -DTENDO_WERROR=ON

.PHONY: all deps build demo check test release asan tsan fuzz fuzz-build conformance bench bench-serve torture valgrind deb package-check clean

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

test: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(WERROR) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS) -- --no-print-directory
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Release (-O3, NDEBUG) with both compilers, built only: a warning that only
# the optimiser finds (e.g. -Wformat-truncation) fails make check. The library,
# the command and the benchmarks, without the tests (BUILD_TESTING=OFF: the
# configuration without cmocka is checked too, and the tests' code is built
# at -O2 by make test); under a minute for both.
release: deps
	@for cc in gcc clang; do \
		echo "release build, $$cc"; \
		cmake -S . -B build-rel-$$cc -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=$$cc \
			-DBUILD_TESTING=OFF $(WERROR) >/dev/null && \
		cmake --build build-rel-$$cc -j$(JOBS) -- --no-print-directory >build-rel-$$cc.log 2>&1 || \
			{ cat build-rel-$$cc.log; exit 1; }; \
	done

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DTENDO_SANITIZE=ON $(WERROR) >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS) -- --no-print-directory
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS) -LE '^e2e$$'

check: test release asan

# make deb: the Debian packages by CPack (packaging.cmake), Depends of tendo from
# dpkg-shlibdeps. make package-check installs tendo into a fresh Debian 12 root
# (debootstrap, cached in /var/cache/tendo-debootstrap), runs --version, init and
# today, and removes it; as root; not part of make check (it needs the mirror).
deb: deps
	@./scripts/install-deps deb
	@cmake -S . -B $(DEB_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF -DTENDO_DEB_DOCS=ON >/dev/null
	@cmake --build $(DEB_BUILD) -j$(JOBS) -- --no-print-directory
	@cd $(DEB_BUILD) && cpack -G DEB
	@for d in $(DEB_BUILD)/*.deb; do echo "$$d:"; dpkg-deb -f $$d Package Version Depends Installed-Size | sed 's/^/  /'; done

package-check: deb
	@./scripts/install-deps package-check
	@./scripts/package-check $$(ls -t $(DEB_BUILD)/tendo_*.deb | head -1)

# make tsan: tendo serve's tests under ThreadSanitizer (its worker threads, the
# CLI writing beside it); a data race fails the server's exit status. Not
# part of make check.
TSAN_BUILD ?= build-tsan
tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang \
		-DCMAKE_C_FLAGS="-fsanitize=thread -O1 -g" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
	@cmake --build $(TSAN_BUILD) -j$(JOBS) --target tendo test_server test_server_upload test_server_units -- --no-print-directory
	@cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -R '^server\.'

# make bench: parser throughput (bench/bench_parse) and the peers when
# installed (scripts/bench-peers). Never part of make check.
bench: build
	@./scripts/bench-peers

# make bench-serve: tendo serve under wrk on loopback (bench/serve.sh): a year
# of log, GET /api/today, GET / and a static asset (req/s, p50/p99), then a
# soak with the server's memory before and after; SOAK=30 shortens it (5
# minutes by default). Installs wrk. Never part of make check.
SOAK ?= 300
bench-serve: build
	@./scripts/install-deps bench
	@SOAK=$(SOAK) ./bench/serve.sh $(BUILD)/tendo

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
FUZZ_TARGETS ?= fit gpx tcx archive strava_csv restore date http
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
	@cmake -S . -B $(VG_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENDO_VALGRIND=ON $(WERROR) >/dev/null
	@cmake --build $(VG_BUILD) -j$(JOBS) -- --no-print-directory
	@rm -f $(VG_BUILD)/valgrind/*.log
	@cd $(VG_BUILD) && ctest --output-on-failure -j$(JOBS) -R '$(VALGRIND_TESTS)' $(if $(VALGRIND_EXCLUDE),-E '$(VALGRIND_EXCLUDE)'); rc=$$?; \
		bad=$$(grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid|uninitialised' valgrind/*.log 2>/dev/null); \
		for f in $$bad; do echo "== $$f"; cat $$f; done; \
		echo "valgrind: $$(ls valgrind | wc -l) runs, $$(echo $$bad | wc -w) with errors or leaks"; \
		[ $$rc = 0 ] && [ -z "$$bad" ]

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-rel-gcc build-rel-clang $(DEB_BUILD) build-rel-gcc.log build-rel-clang.log $(TSAN_BUILD) $(VG_BUILD)
