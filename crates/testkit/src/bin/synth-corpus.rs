//! `synth-corpus`: writes a deterministic synthetic corpus (see `raqmi_testkit::synth`) for tests and
//! benchmarks, never for the bundled app.
//!
//! ```sh
//! cargo run --release -p raqmi-testkit --bin synth-corpus -- --seed 42 --count 1000 --out target/synth/1000
//! RAQMI_CORPUS_DIR=target/synth/1000 trunk build --release true   # the app on that corpus
//! ```

fn main() {
    const USAGE: &str = "usage: synth-corpus [--seed N] --count N --out DIR";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut seed, mut count, mut out) = (42u64, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = it.next();
        match (a.as_str(), value) {
            ("--seed", Some(v)) => seed = v.parse().unwrap_or_else(|_| fail(USAGE)),
            ("--count", Some(v)) => count = Some(v.parse::<u32>().unwrap_or_else(|_| fail(USAGE))),
            ("--out", Some(v)) => out = Some(std::path::PathBuf::from(v)),
            _ => fail(USAGE),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        fail(USAGE)
    };
    match raqmi_testkit::synth::write_corpus(&out, seed, count) {
        Ok(bytes) => println!(
            "synth-corpus: {count} articles, {bytes} bytes, seed {seed}, in {}",
            out.display()
        ),
        Err(e) => {
            eprintln!("synth-corpus: cannot write {}: {e}", out.display());
            std::process::exit(1);
        }
    }
}

fn fail(usage: &str) -> ! {
    eprintln!("{usage}");
    std::process::exit(2);
}
