//! Ad-hoc measurements of the search engine on a synthetic corpus of 10,000 articles (about
//! 3 KB each, French-like vocabulary with a Zipf-like word distribution). Ignored by default:
//! timings are not assertions. Run with
//! `cargo test --release --test query_perf -- --ignored --nocapture`.
//! Set `RAQMI_PERF_JSON=path` to also write the corpus as JSON (for comparing index sizes with
//! other engines), and `RAQMI_PERF_ONLY=name` to time only the query kinds whose name
//! contains it (for profiling).

use raqmi_model::document::{
    Category, Date, DateOrigin, Document, Entity, EntityKind, Figure, FigureKind, Paragraph,
    ParagraphRole, Span,
};
use raqmi_search::facet::FacetKind;
use raqmi_search::index::SearchIndex;
use raqmi_search::query::{search, snippet, Filters};
use std::time::Instant;

/// A tiny deterministic generator (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
    /// Log-uniform rank in 0..n: a Zipf-like choice.
    fn zipf(&mut self, n: usize) -> usize {
        ((n as f64).powf(self.unit()) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

const REAL: &[&str] = &[
    "numérique",
    "transformation",
    "digitale",
    "digital",
    "Maroc",
    "formation",
    "formations",
    "startups",
    "entreprises",
    "innovation",
    "développement",
    "technologie",
    "données",
    "cloud",
    "intelligence",
    "artificielle",
    "économie",
    "secteur",
    "programme",
    "projet",
    "stratégie",
    "ministère",
    "investissement",
    "millions",
    "dirhams",
    "emplois",
    "jeunes",
    "talents",
    "écosystème",
    "plateforme",
    "services",
    "publics",
    "administration",
    "région",
    "université",
    "compétences",
    "croissance",
    "marché",
    "offshoring",
    "cybersécurité",
    "télécoms",
    "réseau",
    "internet",
    "mobile",
    "paiement",
    "banque",
    "financement",
    "fonds",
    "incubateur",
    "Casablanca",
    "Rabat",
    "Marrakech",
    "Tanger",
    "Agadir",
    "AUSIM",
    "Devoxx",
    "édition",
    "conférence",
];

const STOP: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "à", "en", "un", "une", "pour", "dans", "sur",
    "par", "au", "aux", "avec", "qui", "que", "est", "sont", "ce", "cette", "plus", "a", "l’",
    "d’",
];

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    let syllables = [
        "ma", "ro", "ci", "té", "nu", "mé", "ri", "que", "tion", "for", "ment", "dé", "ve", "lop",
        "pe", "in", "no", "va", "ges", "sys", "tè", "me", "pro", "gra", "ca", "sa", "bla", "ta",
        "li", "sé", "ré", "gion", "di", "gi", "tal", "é", "co", "no", "mie", "ser", "vi", "ces",
    ];
    let suffixes = [
        "", "", "", "s", "e", "es", "ment", "ité", "ion", "eur", "euse", "aux",
    ];
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n {
        // Real words at realistic ranks: "numérique" about the 20th content word, the others
        // spread over the first two thousand.
        if let Some(real) = REAL.get(out.len().saturating_sub(20) / 37) {
            if out.len() >= 20 && (out.len() - 20).is_multiple_of(37) {
                out.push(real.to_string());
                continue;
            }
        }
        let len = 2 + rng.below(3);
        let mut w = String::new();
        for _ in 0..len {
            w.push_str(syllables[rng.below(syllables.len())]);
        }
        w.push_str(suffixes[rng.below(suffixes.len())]);
        out.push(w);
    }
    out
}

fn corpus(n: usize) -> Vec<Document> {
    let mut rng = Rng(42);
    let vocab = vocabulary(&mut rng, 40_000);
    let sources = [
        "Le Matin",
        "L'Economiste",
        "Les ECO",
        "Médias24",
        "TelQuel",
        "H24",
        "LesInspirations",
        "Hespress FR",
    ];
    let orgs: Vec<String> = (0..60).map(|i| format!("Org{i}")).collect();
    let places = [
        "Casablanca",
        "Rabat",
        "Marrakech",
        "Tanger",
        "Agadir",
        "Fès",
        "Oujda",
        "Dakhla",
    ];
    let persons: Vec<String> = (0..300).map(|i| format!("Personne {i}")).collect();
    let programs: Vec<String> = (0..25).map(|i| format!("Programme {i}")).collect();
    let cats = [
        Category::Budget,
        Category::Participants,
        Category::Jobs,
        Category::Companies,
        Category::Share,
    ];
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let mut text = String::new();
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let word = |rng: &mut Rng| -> String {
            if rng.below(10) < 4 {
                STOP[rng.below(STOP.len())].to_string()
            } else {
                vocab[rng.zipf(vocab.len())].clone()
            }
        };
        // Headline.
        let hl: Vec<String> = (0..6 + rng.below(6)).map(|_| word(&mut rng)).collect();
        let mut headline = hl.join(" ");
        if let Some(c) = headline.get(..1) {
            headline = c.to_uppercase() + &headline[1..];
        }
        text.push_str(&headline);
        paragraphs.push(Paragraph {
            span: Span::new(0, text.len()),
            role: ParagraphRole::Headline,
        });
        sentences.push(Span::new(0, text.len()));
        while text.len() < 3000 {
            text.push_str("\n\n");
            let pstart = text.len();
            for s in 0..3 + rng.below(4) {
                if s > 0 {
                    text.push(' ');
                }
                let sstart = text.len();
                let words: Vec<String> = (0..8 + rng.below(14)).map(|_| word(&mut rng)).collect();
                let mut sentence = words.join(" ");
                if rng.below(8) == 0 {
                    sentence.push_str(" la transformation numérique");
                }
                if rng.below(300) == 0 {
                    sentence.push_str(" de l’intelligence artificielle");
                }
                text.push_str(&sentence);
                text.push('.');
                sentences.push(Span::new(sstart, text.len()));
            }
            paragraphs.push(Paragraph {
                span: Span::new(pstart, text.len()),
                role: ParagraphRole::Body,
            });
        }
        let mut entities = vec![
            Entity {
                span: Span::new(0, 1),
                kind: EntityKind::Org,
                canonical: orgs[rng.zipf(orgs.len())].clone(),
                role: None,
            },
            Entity {
                span: Span::new(0, 1),
                kind: EntityKind::Place,
                canonical: places[rng.below(places.len())].to_string(),
                role: None,
            },
        ];
        for _ in 0..rng.below(4) {
            entities.push(Entity {
                span: Span::new(0, 1),
                kind: EntityKind::Person,
                canonical: persons[rng.zipf(persons.len())].clone(),
                role: None,
            });
        }
        if rng.below(3) == 0 {
            entities.push(Entity {
                span: Span::new(0, 1),
                kind: EntityKind::Program,
                canonical: programs[rng.below(programs.len())].clone(),
                role: None,
            });
        }
        let figures = (0..rng.below(5))
            .map(|_| Figure {
                span: Span::new(0, 1),
                value: 10f64.powf(1.0 + rng.unit() * 9.0),
                high: None,
                kind: FigureKind::Money,
                unit: "MAD".into(),
                category: cats[rng.below(cats.len())],
                qualifier: None,
            })
            .collect();
        docs.push(Document {
            id: format!("{i:05}"),
            headline: Some(headline),
            date: Some(Date {
                year: 2015 + rng.below(11) as u16,
                month: Some(1 + rng.below(12) as u8),
                day: None,
            }),
            date_origin: DateOrigin::Stated,
            source: Some(sources[rng.below(sources.len())].to_string()),
            url: None,
            text,
            paragraphs,
            sentences,
            figures,
            entities,
        });
    }
    docs
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
        "corpus: {} docs, {:.1} MB text, generated in {:?}",
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
        ("one rare word", "devoxx ", &none),
        ("two words", "transformation digitale ", &none),
        ("prefix (3 chars)", "num", &none),
        ("prefix (2 chars)", "fo", &none),
        ("words + prefix", "maroc startups inno", &none),
        ("phrase", "\"intelligence artificielle\"", &none),
        (
            "phrase in 97% of docs",
            "\"transformation numérique\"",
            &none,
        ),
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
    let dir = raqmi_testkit::seeds_dir();
    let docs = raqmi_extract::load::load_dir(&dir).expect("seeds load");
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
