# Thin wrapper: the build is CMake (see CMakePresets.json). Two commands for a
# new user on a fresh Debian machine:
#   make run   install missing build dependencies, build, evaluate the bundled plans
#   make test  install missing build and test dependencies, build with ASan+UBSan, run every test
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE := build/release
DEV := build/dev

.PHONY: all deps test-deps build build-dev run test clean

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

clean:
	rm -rf build
