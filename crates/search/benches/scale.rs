//! How Raqmi's costs grow with its corpus (`cargo bench --bench scale`, or `make bench`), on
//! synthetic corpora generated in memory (`raqmi_testkit::synth`, seed 42) of N = 100, 1 000 and
//! 10 000 articles (`RAQMI_SCALE_NS=100,1000` to choose):
//!
//! - `scale/N/ingest`: ingest + figures + entities of every article (MB/s), the build's work;
//! - `scale/N/index`: building the search index from the analyzed documents;
//! - `scale/N/measures`: the corpus's series and disagreements (`Measures::of`), which the app
//!   computes once, the first time it shows a figure's badges or the figures view;
//! - snapshot bytes per article (as bundled), the index's share of it, and decoding the
//!   snapshot (the app's start-up: median of `DECODE_RUNS`);
//! - query latency of [`raqmi_search::query::search`] (the app's one call per keystroke) for
//!   one word, two words, a prefix and a phrase, each without and with facets (an organisation
//!   and a figure category): criterion's mean (`scale/N/query/…`), plus p50/p95 computed here
//!   from `QUERY_RUNS` separate timings, since criterion reports means.
//!
//! Times are wall clock; ingest and index build also show the thread's on-CPU time where Linux
//! provides it (`/proc/thread-self/schedstat`, which stays meaningful on a busy shared machine
//! but ticks too coarsely for single queries). The summary table is printed at the end and
//! written to `target/bench-scale.md`.

mod bench {
    use criterion::{black_box, Criterion, Throughput};
    use raqmi_extract::ingest::{ingest_text, Overrides};
    use raqmi_model::document::{Category, Document};
    use raqmi_search::facet::FacetKind;
    use raqmi_search::index::SearchIndex;
    use raqmi_search::measures::Measures;
    use raqmi_search::query::{search, Filters};
    use raqmi_search::snapshot::Snapshot;
    use std::fmt::Write as _;
    use std::time::{Duration, Instant};

    const SEED: u64 = 42;
    /// Timed runs of each query for the percentiles.
    const QUERY_RUNS: usize = 300;
    /// Timed decodings of the snapshot.
    const DECODE_RUNS: usize = 5;

    /// The query kinds and what is typed. A trailing space ends a word (no prefix completion),
    /// so "one word" and "two words" are exact words and "prefix" is a word being typed.
    pub const QUERIES: &[(&str, &str)] = &[
        ("one word", "cybersécurité "),
        ("two words", "startups formation "),
        ("prefix", "numéri"),
        ("phrase", "\"intelligence artificielle\""),
    ];

    fn facet_filters() -> Filters {
        Filters {
            categories: vec![Category::Budget],
            ..Filters::default()
        }
        .with_names(FacetKind::Org, ["AUSIM"])
    }

    fn thread_cpu_ns() -> Option<u64> {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        stat.split_whitespace().next()?.parse().ok()
    }

    fn percentile(sorted: &[f64], p: f64) -> f64 {
        if sorted.is_empty() {
            return f64::NAN;
        }
        let i = ((sorted.len() - 1) as f64 * p).round() as usize;
        sorted[i]
    }

    struct QueryStats {
        kind: &'static str,
        facets: bool,
        hits: usize,
        p50_us: f64,
        p95_us: f64,
    }

    fn time_query(index: &SearchIndex, docs: &[Document], q: &str, f: &Filters) -> QueryStats {
        let mut wall = Vec::with_capacity(QUERY_RUNS);
        let mut hits = 0;
        for _ in 0..QUERY_RUNS {
            let t0 = Instant::now();
            let r = search(index, docs, black_box(q), f);
            wall.push(t0.elapsed().as_secs_f64() * 1e6);
            hits = r.total;
        }
        wall.sort_by(f64::total_cmp);
        QueryStats {
            kind: "",
            facets: false,
            hits,
            p50_us: percentile(&wall, 0.5),
            p95_us: percentile(&wall, 0.95),
        }
    }

    fn ingest_all(articles: &[(String, String)]) -> Vec<Document> {
        let none = Overrides::default();
        articles
            .iter()
            .map(|(id, text)| ingest_text(id, id, text, &none).expect("synthetic article"))
            .collect()
    }

    pub fn main() {
        let ns: Vec<u32> = std::env::var("RAQMI_SCALE_NS")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![100, 1000, 10_000]);
        let mut c = Criterion::default().configure_from_args();
        let mut table = String::from(
            "| N | corpus MB | ingest MB/s (wall / cpu) | index build ms | snapshot B/article | index B/article | snapshot decode ms |\n|---|---|---|---|---|---|---|\n",
        );
        let mut qtable = String::from(
            "| N | query | facets | hits | p50 µs | p95 µs |\n|---|---|---|---|---|---|\n",
        );
        for &n in &ns {
            let articles = raqmi_testkit::synth::corpus(SEED, n);
            let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();

            // One timed pass for the table (wall and CPU), then criterion's samples.
            let (c0, t0) = (thread_cpu_ns(), Instant::now());
            let docs = ingest_all(&articles);
            let wall = t0.elapsed().as_secs_f64();
            let cpu = c0
                .zip(thread_cpu_ns())
                .map(|(a, b)| b.saturating_sub(a) as f64 / 1e9);
            let (c0, t0) = (thread_cpu_ns(), Instant::now());
            let index = SearchIndex::build(&docs);
            let index_ms = t0.elapsed().as_secs_f64() * 1e3;
            let index_cpu_ms = c0
                .zip(thread_cpu_ns())
                .map(|(a, b)| b.saturating_sub(a) as f64 / 1e6);
            let index_bytes = postcard::to_allocvec(&index).expect("encodes").len();
            let snapshot = Snapshot {
                documents: docs,
                index,
            };
            let encoded = snapshot.encode();
            let snap_bytes = encoded.len();
            let mut decode_ms: Vec<f64> = (0..DECODE_RUNS)
                .map(|_| {
                    let t0 = Instant::now();
                    let back = Snapshot::decode(black_box(&encoded)).expect("decodes");
                    let ms = t0.elapsed().as_secs_f64() * 1e3;
                    drop(back);
                    ms
                })
                .collect();
            decode_ms.sort_by(f64::total_cmp);
            let Snapshot {
                documents: docs,
                index,
            } = snapshot;
            let mbs = |secs: f64| bytes as f64 / 1e6 / secs;
            let _ = writeln!(
                table,
                "| {n} | {:.1} | {:.0} / {} | {:.0} (cpu {}) | {} | {} | {:.1} |",
                bytes as f64 / 1e6,
                mbs(wall),
                cpu.map_or("-".into(), |c| format!("{:.0}", mbs(c))),
                index_ms,
                index_cpu_ms.map_or("-".into(), |c| format!("{c:.0}")),
                snap_bytes / n as usize,
                index_bytes / n as usize,
                percentile(&decode_ms, 0.5),
            );

            let mut g = c.benchmark_group(format!("scale/{n}"));
            g.sample_size(10);
            g.warm_up_time(Duration::from_millis(500));
            g.measurement_time(Duration::from_secs(if n >= 10_000 { 20 } else { 3 }));
            g.throughput(Throughput::BytesDecimal(bytes as u64));
            g.bench_function("ingest", |b| b.iter(|| ingest_all(black_box(&articles))));
            g.throughput(Throughput::Elements(n as u64));
            g.bench_function("index", |b| b.iter(|| SearchIndex::build(black_box(&docs))));
            g.bench_function("measures", |b| b.iter(|| Measures::of(black_box(&docs))));
            g.finish();

            let mut g = c.benchmark_group(format!("scale/{n}/query"));
            g.sample_size(20);
            g.warm_up_time(Duration::from_millis(300));
            g.measurement_time(Duration::from_secs(1));
            let none = Filters::default();
            let faceted = facet_filters();
            for &(kind, q) in QUERIES {
                for (facets, f) in [(false, &none), (true, &faceted)] {
                    let name = format!("{kind}{}", if facets { " +facets" } else { "" });
                    g.bench_function(&name, |b| b.iter(|| search(&index, &docs, black_box(q), f)));
                    let s = QueryStats {
                        kind,
                        facets,
                        ..time_query(&index, &docs, q, f)
                    };
                    let _ = writeln!(
                        qtable,
                        "| {n} | {} `{}` | {} | {} | {:.0} | {:.0} |",
                        s.kind,
                        q.trim(),
                        if s.facets { "org + category" } else { "-" },
                        s.hits,
                        s.p50_us,
                        s.p95_us,
                    );
                }
            }
            g.finish();
        }
        c.final_summary();
        let report =
            format!("### Native (cargo bench --bench scale, seed {SEED})\n\n{table}\n{qtable}");
        println!("\n{report}");
        let out = raqmi_testkit::repo_root().join("target/bench-scale.md");
        if let Err(e) = std::fs::write(&out, &report) {
            eprintln!("cannot write {}: {e}", out.display());
        }
    }
}

fn main() {
    bench::main();
}
