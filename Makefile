# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
.PHONY: run test fuzz bench bench-browser bench-transfer bench-size lighthouse
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

# Native benchmarks (criterion): extraction throughput in MB/s on the seeds, then how ingest,
# index build, snapshot size and query latency grow with synthetic corpora of 100, 1 000 and
# 10 000 articles (table in target/bench-scale.md). About 6 minutes. Not part of `make test`.
bench:
	cargo bench -p raqmi-extract --bench extract
	cargo bench -p raqmi-search --bench scale

# Browser benchmark: the app built against each synthetic corpus, in headless Chromium, against
# MiniSearch on the same documents (table in target/bench-browser.md). About 5 minutes.
bench-browser:
	bash scripts/setup.sh --browser
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" node scripts/bench-browser.mjs

# Transfer benchmark (issue 14): bytes and time from navigation to a query's first results and
# bytes of a second query, and each build's time, peak memory, files and size, the app at 1 000,
# 10 000 and 100 000 synthetic articles against Pagefind over the same articles. About 25
# minutes the first time (its own cargo target dir; 100 000 is most of it), less with --skip-build.
bench-transfer:
	bash scripts/setup.sh --browser
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" node scripts/bench-transfer.mjs

# What the reader's own articles (issue 16) cost the first load: dist/ built with and without
# them (the root crate's `own` feature, the page's own-article tags), both first-load totals and
# the difference, and the wasm's difference by function (twiggy). Fails over the issue's 2 KB
# gzip (their strings included: the second build has none, docs/performance.md). About 3
# minutes. Not part of `make test`.
bench-size:
	bash scripts/setup.sh
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" node scripts/bench-size.mjs --twiggy --budget 2048

# Lighthouse (npm `lighthouse` 12.2.3, pinned: 13 wants Node 22) over a release build served as
# `make run` serves it, in Debian's Chromium, mobile preset; prints the median of 3 runs of the
# four scores (README, "Performance"). About a minute. Not part of `make test`.
lighthouse:
	bash scripts/setup.sh --browser
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" trunk build --release true
	node scripts/lighthouse.mjs dist
