//! The `corpus` command-line tool (native only), the contract partners' scripts rely on:
//! - `corpus check [DIR]`: validates every article of DIR (default `seeds`); one summary line
//!   per article on stdout, exit 0; on bad input one `path:line: message` line per problem on
//!   stderr (every problem of the directory, nothing else), exit 1.
//! - `corpus extract`: JSON Lines `{"id", "text"}` on stdin -> JSON Lines
//!   `{"id", "figures", "entities"}` on stdout, one output line per input line, same order.
//!   Offsets are in characters (Unicode scalar values), end exclusive.
//! - `corpus export [DIR]`: the whole analyzed corpus as one JSON document.
//! - `corpus conflicts [DIR]`: the disagreements of DIR's articles (same measure, same year,
//!   values their qualifiers cannot reconcile: `raqmi_search::measures`), one per line,
//!   tab-separated: year, measure, then for the lower and the higher figure its article id,
//!   its text and its sentence; exit 0 (1 with `check`'s lines when the corpus does not load).
//! - `corpus prerender [DIR]`: the HTML of the app's default view (the first page of results)
//!   for the corpus of DIR, on stdout; `scripts/post-build.mjs` writes it into `index.html`.
//! - `corpus data DIR OUT`: the corpus of DIR as the app's data files (`raqmi_search::files`:
//!   `manifest.bin`, content-hashed shards and packs, text files named by the corpus
//!   version and their number; the articles numbered newest first) in OUT, created if
//!   needed; earlier
//!   `*.bin` files of OUT are removed first, so OUT holds one corpus version. One summary line
//!   on stdout (files, bytes, corpus version); a bad corpus fails as `check` does.
//! - `corpus fallbacks DIR OUT`: the static fallback of each chart view of DIR's corpus
//!   (`raqmi_explorer::fallback`), as `OUT/<chart>.svg` and `OUT/<chart>.png`; a chart with
//!   nothing to draw gets no file. The PNG's text needs a TrueType font: `RAQMI_FONT` (a file),
//!   else DejaVu Sans or Liberation Sans where Debian installs them; none is an error saying so.
//!   One line per chart on stdout.
//! - `corpus build DIR OUT`: everything the app's build needs from DIR's corpus, from one load
//!   and one analysis of its articles: `OUT/data/` as `corpus data DIR OUT/data` writes it,
//!   `OUT/fallback/` as `corpus fallbacks DIR OUT/fallback`, and `OUT/prerender.html`, what
//!   `corpus prerender DIR` prints; the same files, byte for byte. The summary lines of `data`
//!   and `fallbacks` on stdout; a bad corpus fails as `check` does and writes nothing. This is
//!   what `scripts/post-build.mjs` (trunk's post_build hook) runs, so it is where a bad article
//!   fails the app's build.
//!
//! The CLI is a thin shell: analysis lives in the extraction and search cores.

mod fallbacks;
mod site;

use raqmi_explorer::{corpus::Corpus, prerender};
use raqmi_extract::{ingest, load};
use raqmi_model::document::Document;
use raqmi_model::json::{document_json, entity_json, figure_json};
use raqmi_model::text::CharIndex;
use raqmi_search::files;
use raqmi_search::measures::{FigureRef, Measures};
use raqmi_search::snapshot::Snapshot;
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};
use std::path::Path;

fn main() {
    std::process::exit(run(std::env::args().skip(1).collect()));
}

const USAGE: &str =
    "usage: corpus check [DIR] | corpus extract < in.jsonl | corpus export [DIR] | corpus conflicts [DIR] | corpus prerender [DIR] | corpus data DIR OUT | corpus fallbacks DIR OUT | corpus build DIR OUT\n\
    \n  check [DIR]      validate every article of DIR (default: seeds)\
    \n  extract          JSON Lines {\"id\",\"text\"} on stdin -> figures and entities on stdout\
    \n  export [DIR]     the analyzed corpus of DIR (default: seeds) as JSON\
    \n  conflicts [DIR]  the figures of DIR's articles that disagree, one pair per line\
    \n  prerender [DIR]  the HTML of the app's default view for DIR (default: seeds)\
    \n  data DIR OUT     the corpus of DIR as the app's data files, written into OUT\
    \n  fallbacks DIR OUT  each chart of DIR's corpus as OUT/<chart>.svg and .png\
    \n  build DIR OUT    one pass: OUT/data/, OUT/fallback/ and OUT/prerender.html";

fn run(args: Vec<String>) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check"] => check("seeds"),
        ["check", dir] => check(dir),
        ["extract"] => extract(),
        ["export"] => export("seeds"),
        ["export", dir] => export(dir),
        ["conflicts"] => conflicts("seeds"),
        ["conflicts", dir] => conflicts(dir),
        ["prerender"] => prerender("seeds"),
        ["prerender", dir] => prerender(dir),
        ["data", dir, out] => data(dir, out),
        ["fallbacks", dir, out] => fallbacks::write(dir, out),
        ["build", dir, out] => site::build(dir, out),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    }
}

/// On bad input, stderr holds exactly one `path:line: message` line per problem (no
/// summary line), so scripts can count and parse them.
fn load(dir: &str) -> Result<Vec<Document>, i32> {
    load::load_dir(Path::new(dir)).map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        1
    })
}

/// DIR's articles numbered as the app's data files number them: newest first
/// (`raqmi_search::index::newest_first`), so that the tables need no date for ranking's ties.
/// Every command whose output the app reads loads them so, one order for all.
fn load_for_app(dir: &str) -> Result<Vec<Document>, i32> {
    let mut docs = load(dir)?;
    raqmi_search::index::newest_first(&mut docs);
    Ok(docs)
}

fn check(dir: &str) -> i32 {
    let docs = match load(dir) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for d in &docs {
        let date = match (&d.date, d.date_origin) {
            (Some(date), raqmi_model::document::DateOrigin::Inferred) => {
                format!("{} (inferred)", date.iso())
            }
            (Some(date), _) => date.iso(),
            (None, _) => "no date".to_string(),
        };
        let _ = writeln!(
            out,
            "{}: {} | {} | {} figure(s), {} name(s) | {}",
            d.id,
            date,
            d.source.as_deref().unwrap_or("-"),
            d.figures.len(),
            d.entities.len(),
            d.title(70)
        );
    }
    let _ = writeln!(out, "{} articles OK", docs.len());
    0
}

fn extract() -> i32 {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut status = 0;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("<stdin>:{line_no}: cannot read: {e}");
                return 1;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let record = match parse_record(&line) {
            Ok(r) => r,
            Err((id, message)) => {
                eprintln!("<stdin>:{line_no}: {message}");
                let _ = writeln!(out, "{}", json!({"id": id, "error": message}));
                status = 1;
                continue;
            }
        };
        let (id, text) = record;
        let chars = CharIndex::new(&text);
        let doc = ingest::analyse_raw("stdin", &text);
        let figures: Vec<Value> = doc
            .figures
            .iter()
            .map(|f| figure_json(f, &text, &chars))
            .collect();
        let entities: Vec<Value> = doc
            .entities
            .iter()
            .map(|e| entity_json(e, &text, &chars))
            .collect();
        let _ = writeln!(
            out,
            "{}",
            json!({"id": id, "figures": figures, "entities": entities})
        );
    }
    if out.flush().is_err() {
        return 1;
    }
    status
}

/// A record of `corpus extract`'s input; on error, the id when one could be read.
fn parse_record(line: &str) -> Result<(Value, String), (Value, String)> {
    let v: Value =
        serde_json::from_str(line).map_err(|e| (Value::Null, format!("not a JSON object: {e}")))?;
    let Value::Object(map) = v else {
        return Err((
            Value::Null,
            "expected a JSON object {\"id\", \"text\"}".into(),
        ));
    };
    let id = match map.get("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => id.clone(),
        _ => return Err((Value::Null, "missing \"id\" (a string)".into())),
    };
    match map.get("text") {
        Some(Value::String(t)) => Ok((id, t.clone())),
        _ => Err((id, "missing \"text\" (a string)".into())),
    }
}

fn export(dir: &str) -> i32 {
    let docs = match load(dir) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let documents: Vec<Value> = docs.iter().map(document_json).collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let ok = serde_json::to_writer_pretty(&mut out, &json!({ "documents": documents })).is_ok()
        && writeln!(out).is_ok()
        && out.flush().is_ok();
    if ok {
        0
    } else {
        1
    }
}

fn conflicts(dir: &str) -> i32 {
    let docs = match load(dir) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let measures = Measures::of(&docs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let side = |r: FigureRef| {
        let d = &docs[r.doc];
        let f = &d.figures[r.figure];
        let sentence = d.sentence_of(f.span).map_or("", |s| d.slice(s));
        format!("{}\t{}\t{}", d.id, d.slice(f.span), one_line(sentence))
    };
    for c in &measures.disagreements {
        let line = format!(
            "{}\t{}\t{}\t{}",
            c.year,
            c.measure,
            side(c.low),
            side(c.high)
        );
        if writeln!(out, "{line}").is_err() {
            return 1;
        }
    }
    if out.flush().is_err() {
        return 1;
    }
    0
}

/// Tabs and line ends become spaces, so a field never splits the line.
fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// DIR's corpus as the app holds it: the documents go through the snapshot's wire format
/// first, so what is prerendered or drawn is built from exactly what the app decodes.
fn app_corpus(dir: &str) -> Result<Corpus, i32> {
    let docs = load_for_app(dir)?;
    match Snapshot::decode(&Snapshot::new(docs).encode()) {
        Ok(s) => Ok(Corpus::new(s)),
        Err(e) => {
            eprintln!("{dir}: {e}");
            Err(1)
        }
    }
}

/// The default view as the app would render it.
fn prerender(dir: &str) -> i32 {
    let corpus = match app_corpus(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let html = prerender::default_view(&corpus);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if writeln!(out, "{html}").and_then(|_| out.flush()).is_ok() {
        0
    } else {
        1
    }
}

/// The data files of DIR's corpus into OUT (see the module header).
fn data(dir: &str, out: &str) -> i32 {
    let docs = match load_for_app(dir) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let index = raqmi_search::index::SearchIndex::build(&docs);
    write_data(&docs, &index, out)
}

/// The data files of `docs` (indexed by `index`) into OUT: earlier `*.bin` files of OUT
/// removed first, then one summary line on stdout.
fn write_data(docs: &[Document], index: &raqmi_search::index::SearchIndex, out: &str) -> i32 {
    let files = files::write_files(docs, index, files::FileOptions::default());
    let fail = |what: &str, e: io::Error| {
        eprintln!("{out}: {what}: {e}");
        1
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        return fail("cannot create", e);
    }
    let entries = match std::fs::read_dir(out) {
        Ok(e) => e,
        Err(e) => return fail("cannot read", e),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "bin") {
            if let Err(e) = std::fs::remove_file(&path) {
                return fail("cannot remove an earlier file", e);
            }
        }
    }
    let mut bytes = 0;
    for f in &files {
        bytes += f.bytes.len();
        if let Err(e) = std::fs::write(Path::new(out).join(&f.name), &f.bytes) {
            return fail(&f.name, e);
        }
    }
    let version = files::Manifest::decode(&files[0].bytes).map_or(0, |m| m.corpus_version);
    println!(
        "{out}: {} files, {bytes} bytes, {} articles, corpus version {version:016x}",
        files.len(),
        docs.len()
    );
    0
}
