//! Which data files a session of searches fetches, for the transfer table in
//! docs/performance.md ("Corpus data files"): reads the data files in DIR (written by
//! `corpus data`), runs the queries in order on one corpus (a later query reuses what an
//! earlier one fetched), and prints one `query<TAB>file` line per file fetched (the manifest
//! under the first query). Gzip sizes are summed by the shell (the command is in the doc).
//!   cargo run --release -p raqmi-search --example data_transfer -- DIR QUERY...

use raqmi_search::files::{Need, ShardedCorpus, MANIFEST_NAME};
use raqmi_search::query::Filters;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, queries)) = args.split_first() else {
        eprintln!("usage: data_transfer DIR QUERY...");
        std::process::exit(2);
    };
    let read = |name: &str| {
        std::fs::read(Path::new(dir).join(name)).unwrap_or_else(|e| {
            eprintln!("{dir}/{name}: {e}");
            std::process::exit(1)
        })
    };
    let mut corpus = match ShardedCorpus::from_manifest(&read(MANIFEST_NAME)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1)
        }
    };
    for (i, q) in queries.iter().enumerate() {
        if i == 0 {
            println!("{q}\t{MANIFEST_NAME}");
        }
        loop {
            match corpus.search(q, &Filters::default()) {
                Ok(r) => {
                    eprintln!("{q}: {} hits", r.total);
                    break;
                }
                Err(Need(files)) => {
                    for f in files {
                        let name = corpus.manifest().name(f);
                        if let Err(e) = corpus.add(f, &read(&name)) {
                            eprintln!("{e}");
                            std::process::exit(1)
                        }
                        println!("{q}\t{name}");
                    }
                }
            }
        }
    }
}
