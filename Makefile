# followup: see README.md. `make run` and `make test` are the two commands a newcomer needs.
SWIFT ?= swift
TODAY ?= 2026-11-21
BIN_DEBUG = .build/debug/followup
# Every build links libyaml from here when scripts/libyaml-arena (run by scripts/ensure-deps) made
# it: the system's libyaml with its allocations in a per-thread arena (see Sources/CArena).
export PKG_CONFIG_PATH := $(CURDIR)/.build/libyaml-arena$(if $(PKG_CONFIG_PATH),:$(PKG_CONFIG_PATH))

.PHONY: run build release test fixtures format lint-format leakcheck bench fuzz fuzz-build asan tsan clean

## run: install libcmark if missing, build, and generate vault-example/NEXT.md for $(TODAY)
run: build
	$(BIN_DEBUG) generate vault-example --today $(TODAY)
	@echo "--- vault-example/NEXT.md ---"
	@cat vault-example/NEXT.md

build:
	@scripts/ensure-deps build
	$(SWIFT) build

## release: optimised and linked statically (the Swift runtime, libcmark and libyaml inside): a binary that
## runs without libcmark and libyaml installed, starts in 3 ms instead of 6 (no dynamic loader; it
## runs on every commit), and calls into cmark and libyaml directly, not through the PLT. Cross-module
## optimisation lets the note reader inline what it calls in the Markdown and YAML modules (1% fewer
## instructions)
release:
	@scripts/ensure-deps build
	$(SWIFT) build -c release -Xswiftc -static-executable -Xswiftc -cross-module-optimization

## test: install what the tests need, then run every test
test:
	@scripts/ensure-deps test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## fixtures: re-record the golden files under Fixtures/ (review the diff before committing)
fixtures: build
	FOLLOWUP_RECORD=1 $(SWIFT) test --filter "FixtureTests|ExampleTests"
	git status --short Fixtures vault-example README.md

## format: format the sources with swift format and the committed .swift-format
format:
	$(SWIFT) format format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint-format:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

## leakcheck: valgrind over the whole pipeline (cmark wrapper included); fails on a leak
leakcheck: build
	scripts/leakcheck

## bench: release build against the C floor (cmark parse + walk, one thread); fails on a missed target
bench: release Benchmarks/floor
	python3 Benchmarks/run.py $(BENCH_ARGS)

Benchmarks/floor: Benchmarks/floor.c
	cc -O2 -o $@ $< $$(pkg-config --cflags --libs libcmark)

## fuzz: fuzz the whole note pipeline with libFuzzer and ASan for $(FUZZ_SECONDS) seconds; fails on a crash
FUZZ_SECONDS ?= 300
fuzz: fuzz-build
	scripts/fuzz $(FUZZ_SECONDS)

fuzz-build:
	@scripts/ensure-deps test
	$(SWIFT) build -c release --scratch-path .build-fuzz --product FollowupFuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

## asan: every test under AddressSanitizer (the binary the end-to-end tests run included)
asan:
	@scripts/ensure-deps test
	SWIFT=$(SWIFT) scripts/sanitized-test address

## tsan: every test under ThreadSanitizer (notes are read on all cores)
tsan:
	@scripts/ensure-deps test
	SWIFT=$(SWIFT) scripts/sanitized-test thread

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
