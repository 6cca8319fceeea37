# Thin wrapper: the build is CMake (see CMakePresets.json). Two commands for a
# new user on a fresh Debian machine:
#   make run   install missing build dependencies, build, evaluate the bundled plans
#   make test  install missing build and test dependencies, build with ASan+UBSan, run every test
# and `make install PREFIX=…` (default /usr/local; DESTDIR=… stages it) to
# install the binary, man page, completions and docs (docs/install.md).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE := build/release
DEV := build/dev

.PHONY: all deps test-deps bench-deps fuzz-deps deb-deps build build-dev run test install bench bench-memory fuzz tsan warnings deb test-deb clean
FUZZ_SECONDS ?= 60
PREFIX ?= /usr/local

all: build

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh test

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

build-dev: test-deps
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev -j $(JOBS)

run: build
	$(RELEASE)/plancheck evaluate plans/ examples/

test: build-dev
	@ctest --preset dev -j $(JOBS)

# The release build configured for PREFIX (the man page names the installed
# docs), then cmake --install; DESTDIR is passed on for staged installs.
install: deps
	@cmake --preset release -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@cmake --build --preset release -j $(JOBS)
	DESTDIR=$(DESTDIR) cmake --install $(RELEASE)

deb-deps:
	@scripts/ensure-deps.sh deb

# The Debian package of the release build (cmake/Packaging.cmake):
# build/deb/plancheck_<version>_<arch>.deb, Depends from dpkg-shlibdeps.
# Configured for /usr, where the package installs (the man page names the
# installed docs).
deb: deps deb-deps
	@cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@rm -f build/deb/plancheck_*.deb
	@cpack --config $(RELEASE)/CPackConfig.cmake -B build/deb
	@ls build/deb/plancheck_*.deb

# The package installed with apt-get into a fresh debootstrap bookworm root,
# then run there (scripts/test-deb.sh; needs root and Debian's mirror).
test-deb: deb
	@scripts/test-deb.sh build/deb

fuzz-deps:
	@scripts/ensure-deps.sh fuzz

# libFuzzer on the plan loader, target expressions, CSV reader and formulas,
# FUZZ_SECONDS each, seeded from plans/ and the test fixtures. A crash stops
# the run (exit 1) and leaves its input in build/fuzz/.
fuzz: fuzz-deps
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANCHECK_FUZZ=ON -DPLANCHECK_TESTS=OFF -DPLANCHECK_WERROR=ON >/dev/null
	@cmake --build build/fuzz -j $(JOBS)
	@scripts/fuzz.sh build/fuzz $(FUZZ_SECONDS)

# The parallel batch path under ThreadSanitizer: summary and evaluate on
# many threads, zero reports allowed.
tsan: test-deps
	@cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANCHECK_TSAN=ON -DPLANCHECK_TESTS=OFF -DPLANCHECK_WERROR=ON >/dev/null
	@cmake --build build/tsan -j $(JOBS)
	@scripts/tsan.sh build/tsan/plancheck

# The release preset built with each compiler CI checks, GCC and Clang,
# warnings as errors (the preset's PLANCHECK_WERROR): a new warning in either
# fails CI. GCC's optimizer warns only at -O2 and above, so the Debug build
# of `make test` cannot stand in for this one. GCC's is the release build of
# `make run` and `make deb` (build/release, tests included); Clang's leaves the
# tests out for speed: `make test` compiles them, warnings as errors too
# (docs/building.md).
warnings: build fuzz-deps
	@CC=clang CXX=clang++ cmake --preset release -B build/warnings-clang -DPLANCHECK_TESTS=OFF >/dev/null
	@cmake --build build/warnings-clang -j $(JOBS)

bench-deps:
	@scripts/ensure-deps.sh bench

# Times plancheck summary against the parser floors on a national-scale data
# set (generated once into bench/data/), then the peak memory of validate,
# evaluate and summary as units triple; writes bench/results.md.
bench: bench-deps
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DPLANCHECK_BENCH=ON -DPLANCHECK_TESTS=OFF >/dev/null
	@cmake --build build/bench -j $(JOBS)
	/usr/bin/python3 bench/run.py build/bench
	/usr/bin/python3 bench/memory.py build/bench

# The memory part of `make bench` alone (its section of bench/results.md).
bench-memory: bench-deps
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DPLANCHECK_BENCH=ON -DPLANCHECK_TESTS=OFF >/dev/null
	@cmake --build build/bench -j $(JOBS)
	/usr/bin/python3 bench/memory.py build/bench

clean:
	rm -rf build
