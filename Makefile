# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
.PHONY: run test fuzz bench
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh

# Fuzzes the extractors for FUZZ_SECONDS (default 120) with cargo-fuzz (libFuzzer), seeded with
# the seed articles. cargo-fuzz comes from crates.io; RUSTC_BOOTSTRAP lets stable Rust take the
# sanitizer flags it passes. Not part of `make test`.
FUZZ_SECONDS ?= 120
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/extract
	cp seeds/*.txt fuzz/corpus/extract/
	RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=$(FUZZ_SECONDS)

# Extraction throughput in MB/s (criterion). Not part of `make test`.
bench:
	cargo bench --bench extract
