#!/usr/bin/env bash
# Runs every check of the project, in order, stopping at the first failure:
# formatting, clippy (native and wasm32, warnings are errors), native tests, browser tests
# (wasm-bindgen-test in headless Chromium), a release build with its size report (failing over
# the first-load budget), a second build with one more article (version "B" of the
# offline-update test), a third above the offline limit (the "available offline" offer), and
# the end-to-end suite (playwright-core + node's test runner) against the built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Each step says how long the run has taken so far (bash's SECONDS): where a slow run spends
# its time.
step() { printf '\n\033[1m== %s ==\033[0m (at %d min %02d s)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

# A run from a fresh clone writes about 5 GB under target/ (four builds of the app, the native
# tests, the e2e corpora). Said first, so that a full disk is not mistaken for a failing check.
free_kb=$(df -Pk . | awk 'NR == 2 {print $4}')
if [ "${free_kb:-0}" -lt $((6 * 1024 * 1024)) ]; then
  printf 'test.sh: warning: only %s MB free on the disk of %s; a run from a fresh clone needs about 5 GB\n' \
    "$((free_kb / 1024))" "$PWD" >&2
fi

step "format"
cargo fmt --all -- --check

# The web app (package `raqmi`) is built for wasm32 only; every other crate natively.
step "clippy (native: every crate but the web app)"
cargo clippy --workspace --exclude raqmi --all-targets -- -D warnings
step "clippy (wasm32: the web app and the first-results wasm)"
cargo clippy -p raqmi --target wasm32-unknown-unknown --all-targets --all-features -- -D warnings
cargo clippy -p raqmi-first --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace --exclude raqmi

step "browser tests (wasm-bindgen-test, headless Chromium)"
# chromedriver's Chromium profile (about 57 MB) stays in the temp directory after the runner
# stops it; run with a temp directory of our own under target/ and remove it, so that runs do
# not fill the machine's /tmp.
browser_tmp="$PWD/target/browser-tests-tmp"
rm -rf "$browser_tmp" && mkdir -p "$browser_tmp"
TMPDIR="$browser_tmp" cargo test -p raqmi --target wasm32-unknown-unknown --test browser
rm -rf "$browser_tmp"

# The first load's transfer budget, gzip, every file of dist/ but the extraction worker's and
# the corpus's term files (data/dict-…, postings-…: the first word typed fetches them), which
# are fetched on demand (scripts/dist-sizes.mjs says why; docs/performance.md: measured
# 278 489 B with the offline app, the prerendered view and the session's size work; raise it
# only with a reason written there: 286 000 B when issues 13, 15 and 16 merged, back to
# 283 000 B after the size work measured 277 258 B; 307 000 B when issues 13 (figures view
# and badges, +14.8 KB), 15 (three embed formats, +5.5 KB) and 16 (own articles in the
# explorer, +7.5 KB) merged with 14's data files (-0.04 KB): measured 304 189 B; 298 000 B
# after the size pass that followed (views as plain functions with their hooks in the root,
# fewer glue imports): measured 295 115 B, plus about 1%; 289 950 B after issue 15's second
# pass (the "Intégrer" dialog and its snippets, and a chart's PNG export, modules loaded on
# first use; the reader's text and the chart's data table as markup; the take-over keeping the
# prerendered headlines: measured 289 430 B, plus about 500 B); 288 600 B after the fetch-by-need
# size pass (issue 14: the seeds' first load must not grow; measured 288 071 B, from 292 834 B,
# plus about 500 B; docs/performance.md); 287 500 B once the own articles' files are read by
# the by-need reader too (measured 286 979 B, plus about 500 B); 286 850 B once own.js is
# inline and the own articles' strings out of the first load (measured 286 351 B, plus about
# 500 B); 287 250 B with the data files' version 3 (compact tables and manifest: their
# hand-written reader +0.9 KB of wasm gzip; text files for the cards: +0.3 KB) and sw.js's
# shorter hashes (-0.6 KB): measured 286 750 B, plus about 500 B (docs/performance.md);
# 290 100 B with data files version 5 (the facets file read apart from the tables, the first
# results before the rest of the page, text files checked by their own header: +2.9 KB of
# wasm and sw.js), measured 289 614 B, still under the 292 834 B issue 14 started from;
# 290 500 B once boot.js chooses the wasm that starts the page (a query alone: the small
# first-results one; else it preloads the app's, which the head no longer does): measured
# 289 956 B (+342 B), plus about 500 B; 292 400 B with data files version 6 (the offsets apart
# from the postings: the counts reader, the spans read from the cards' texts, +2.0 KB of wasm),
# measured 291 915 B, still under the 292 834 B issue 14 started from; 292 700 B with version 7
# (the dates in runs, the categories from the facets file or the figures table, +541 B of
# wasm), measured 292 537 B, 297 B under where issue 14 started; 292 834 B, where issue 14
# started (its target: the first load does not grow), with the tokens of the hits kept between
# keystrokes (+286 B of wasm), measured 292 823 B, then 292 772 B
FIRST_LOAD_BUDGET=292834

step "release build"
trunk build --release true
node scripts/dist-sizes.mjs dist --budget "$FIRST_LOAD_BUDGET"

step "release build B: the seeds plus one article, for the offline-update test"
# The same code as dist/ (nothing recompiles: the wasm holds code only, the corpus is the post_build
# hook's data files), another corpus. (It had its own cargo target dir while the corpus was
# compiled into the wasm: a whole second compile of the app, minutes of every fresh run.)
mkdir -p target/e2e-corpus-b
cp -p seeds/* tests/fixtures/update-article/* target/e2e-corpus-b/
RAQMI_CORPUS_DIR=target/e2e-corpus-b trunk build --release true --dist target/e2e-dist-b

step "release build above the offline limit: the seeds with RAQMI_OFFLINE_LIMIT=1, for the offer's test"
# The same code and corpus as dist/ (nothing recompiles); only the post_build hook differs: the
# data files are not precached, and "Disponible hors ligne (N Mo)" is offered (offline-offer.test.mjs).
RAQMI_OFFLINE_LIMIT=1 trunk build --release true --dist target/e2e-dist-offline

step "end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
printf '\ntest.sh: every check passed, in %d min %02d s\n' $((SECONDS / 60)) $((SECONDS % 60))
