//! Ad-hoc measurements of the search engine on the test kit's synthetic corpus of 10,000 French
//! press articles (`raqmi_testkit::synth`, seed 42, a few KB each), analysed as the build
//! analyses the bundled corpus. Ignored by default: timings are not assertions. Run with
//! `cargo test -p raqmi-search --release --test query_perf -- --ignored --nocapture`.
//! Set `RAQMI_PERF_JSON=path` to also write the corpus as JSON (for comparing index sizes with
//! other engines), and `RAQMI_PERF_ONLY=name` to time only the query kinds whose name
//! contains it (for profiling).

use raqmi_model::document::{Category, Document};
use raqmi_search::facet::FacetKind;
use raqmi_search::index::SearchIndex;
use raqmi_search::query::{search, snippet, Filters};
use std::time::Instant;

/// The synthetic corpus's seed (the scale benchmark's too).
const SEED: u64 = 42;

/// The first `n` synthetic articles, analysed.
fn corpus(n: u32) -> Vec<Document> {
    raqmi_testkit::synth::corpus(SEED, n)
        .iter()
        .map(|(id, text)| raqmi_testkit::article(id, text))
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[test]
#[ignore = "measurement, not a test: run by hand in release"]
fn measure_ten_thousand_articles() {
    let t = Instant::now();
    let docs = corpus(10_000);
    let bytes_of_text: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} docs, {:.1} MB text, generated and analysed in {:?}",
        docs.len(),
        bytes_of_text as f64 / 1e6,
        t.elapsed()
    );
    if let Ok(path) = std::env::var("RAQMI_PERF_JSON") {
        let rows: Vec<serde_json::Value> = docs
            .iter()
            .map(|d| serde_json::json!({"id": d.id, "title": d.headline, "text": d.text}))
            .collect();
        std::fs::write(&path, serde_json::to_vec(&rows).expect("json")).expect("write json");
    }

    let t = Instant::now();
    let idx = SearchIndex::build(&docs);
    let build = t.elapsed();
    let bytes = postcard::to_allocvec(&idx).expect("encodes");
    let t = Instant::now();
    let back: SearchIndex = postcard::from_bytes(&bytes).expect("decodes");
    let decode = t.elapsed();
    assert_eq!(back.doc_count(), docs.len());
    println!(
        "index: built in {build:?}, {} bytes postcard ({:.2} MB), {} terms, decoded in {decode:?}",
        bytes.len(),
        bytes.len() as f64 / 1e6,
        idx.term_count()
    );
    for (part, size) in idx.size_report() {
        println!("  {part}: {size} bytes");
    }

    let facets = Filters {
        from: Some((2019, None)),
        to: Some((2023, Some(6))),
        ..Default::default()
    }
    .with_names(FacetKind::Source, ["Le Matin", "Les ECO"]);
    let values = Filters {
        categories: vec![Category::Budget],
        value_min: Some(1e6),
        value_max: Some(2e7),
        ..Default::default()
    };
    let none = Filters::default();
    let cases: &[(&str, &str, &Filters)] = &[
        ("one word", "numérique ", &none),
        ("one less frequent word", "devoxx ", &none),
        ("two words", "transformation digitale ", &none),
        ("prefix (3 chars)", "num", &none),
        ("prefix (2 chars)", "fo", &none),
        ("words + prefix", "maroc startups inno", &none),
        ("phrase", "\"intelligence artificielle\"", &none),
        ("frequent phrase", "\"transformation numérique\"", &none),
        ("typo", "numerqiue ", &none),
        ("one word + facets", "numérique ", &facets),
        ("prefix + facets", "num", &facets),
        ("phrase + facets", "\"transformation numérique\"", &facets),
        ("empty + facets", "", &facets),
        ("empty + value range", "", &values),
        ("empty", "", &none),
    ];
    // The minimum approximates the cost on an idle machine; p50/p95 include whatever else the
    // machine runs.
    println!("| query | hits | min ms | p50 ms | p95 ms | 20 snippets p50 ms |");
    let only = std::env::var("RAQMI_PERF_ONLY").unwrap_or_default();
    for (name, q, f) in cases {
        if !name.contains(only.as_str()) {
            continue;
        }
        let mut times = Vec::new();
        let mut with_snippets = Vec::new();
        let mut total = 0;
        for _ in 0..50 {
            let t = Instant::now();
            let r = search(&back, &docs, q, f);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            total = r.total;
            let t = Instant::now();
            for h in r.hits.iter().take(20) {
                std::hint::black_box(snippet(&docs[h.doc as usize], h, 200));
            }
            with_snippets.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        with_snippets.sort_by(f64::total_cmp);
        println!(
            "| {name} `{q}` | {total} | {:.2} | {:.2} | {:.2} | {:.2} |",
            times[0],
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&with_snippets, 0.5)
        );
    }
}

#[test]
#[ignore = "measurement, not a test"]
fn measure_the_seeds() {
    let docs = raqmi_testkit::seed_documents();
    let text: usize = docs.iter().map(|d| d.text.len()).sum();
    let idx = SearchIndex::build(&docs);
    let bytes = postcard::to_allocvec(&idx).expect("encodes");
    println!(
        "seeds: {} docs, {text} bytes of text, index {} bytes, {} terms",
        docs.len(),
        bytes.len(),
        idx.term_count()
    );
}
