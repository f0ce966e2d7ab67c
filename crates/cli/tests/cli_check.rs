//! The `corpus` command-line tool, run as a built binary, as partners' scripts run it.
//!
//! - `check DIR` on bad input (empty, binary, invalid UTF-8, Windows-1252, only whitespace,
//!   50 MB, a bad `corpus.toml`): exit 1 and stderr made exactly of `path:line: message` lines,
//!   one per problem of the directory, never a panic; on a good corpus exit 0 and one summary
//!   line per article.
//! - `extract`: JSON Lines in and out, one output line per input line in the same order,
//!   character offsets (`surface` is the text's characters `start..end`), malformed lines.
//! - `export`: valid JSON with the five seed documents and consistent offsets.
//! - usage errors: exit 2.
//!
//! Each test works in its own directory under cargo's `CARGO_TARGET_TMPDIR` (`target/tmp`),
//! removed when the test ends.

mod common;

use common::{assert_no_panic, run_with_input as corpus, text, BIN};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn seeds() -> PathBuf {
    raqmi_testkit::seeds_dir()
}

/// A corpus directory holding a copy of the seed articles; removed on drop.
struct Corpus {
    dir: PathBuf,
}

impl Corpus {
    fn new(name: &str) -> Corpus {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("cli_check-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for entry in fs::read_dir(seeds()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            }
        }
        Corpus { dir }
    }

    /// Writes a file of the corpus; returns its path as `corpus check` prints it.
    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.join(name);
        fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn check(&self) -> Output {
        corpus(&["check", self.dir.to_str().unwrap()], b"")
    }
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Splits a `path:line: message` line; `None` if the line has another form.
fn parse_problem(line: &str) -> Option<(&str, usize, &str)> {
    // The path may itself hold ':' on some systems: the line number is the last `:N: ` group.
    let mut best = None;
    for (i, _) in line.match_indices(':') {
        let rest = &line[i + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(": ") {
            best = Some((
                &line[..i],
                rest[..digits].parse().ok()?,
                &rest[digits + 2..],
            ));
        }
        if best.is_some() {
            break;
        }
    }
    let (path, n, message) = best?;
    (!path.is_empty() && n >= 1 && !message.trim().is_empty()).then_some((path, n, message))
}

/// `check` failed with exactly these `path:line: message` lines on stderr, nothing on stdout.
fn assert_problems(out: &Output, expected: &[String]) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit status; stderr:\n{stderr}");
    assert_eq!(text(&out.stdout), "", "stdout of a failed check");
    let lines: Vec<&str> = stderr.lines().collect();
    for line in &lines {
        assert!(
            parse_problem(line).is_some(),
            "not `path:line: message`: {line:?}"
        );
    }
    assert_eq!(lines, expected, "stderr:\n{stderr}");
}

fn problem(path: &str, line: usize, message: &str) -> String {
    format!("{path}:{line}: {message}")
}

// ---------------------------------------------------------------------------------------------
// check: a good corpus

#[test]
fn a_good_corpus_gives_one_summary_line_per_article_and_exit_0() {
    let out = corpus(&["check", seeds().to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let mut ids: Vec<String> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert_eq!(lines.len(), ids.len() + 1, "{stdout}");
    for (line, id) in lines.iter().zip(&ids) {
        assert!(line.starts_with(&format!("{id}: ")), "{line}");
        assert!(line.contains(" figure(s), "), "{line}");
    }
    assert_eq!(lines.last(), Some(&"5 articles OK"));
}

#[test]
fn the_default_directory_is_seeds() {
    let out = Command::new(BIN)
        .arg("check")
        .current_dir(raqmi_testkit::repo_root())
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with("5 articles OK\n"));
}

#[test]
fn a_good_corpus_toml_overrides_title_date_and_source() {
    let c = Corpus::new("good-toml");
    c.write(
        "corpus.toml",
        "# settings\n[003_33d08dc07e69b5e4]\ntitle = \"La digitalisation dans le Souss\"\n\
         date = \"2022-06-15\"\nsource = \"Le Matin\"\nurl = \"https://example.org/a\"\n"
            .as_bytes(),
    );
    let out = c.check();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("003_33d08dc07e69b5e4: "))
        .unwrap();
    assert!(
        line.starts_with("003_33d08dc07e69b5e4: 2022-06-15 | Le Matin | ")
            && line.ends_with("| La digitalisation dans le Souss"),
        "{line}"
    );
}

// ---------------------------------------------------------------------------------------------
// check: bad articles

#[test]
fn an_empty_file() {
    let c = Corpus::new("empty");
    let path = c.write("vide.txt", b"");
    assert_problems(
        &c.check(),
        &[problem(&path, 1, "empty file: an article needs some text")],
    );
}

#[test]
fn a_binary_file() {
    let c = Corpus::new("binary");
    // A PNG renamed .txt: its signature holds two line feeds before the first NUL byte.
    let path = c.write(
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    );
    assert_problems(
        &c.check(),
        &[problem(
            &path,
            3,
            "binary file (NUL byte at byte 8): an article must be UTF-8 text",
        )],
    );
}

#[test]
fn a_binary_file_without_nul_bytes() {
    let c = Corpus::new("control");
    let path = c.write("ctl.txt", b"Titre\nDu texte \x1b[31m rouge\n");
    assert_problems(
        &c.check(),
        &[problem(
            &path,
            2,
            "binary file (control character U+001B): an article must be text",
        )],
    );
}

#[test]
fn invalid_utf8() {
    let c = Corpus::new("utf8");
    // UTF-8 French text with one corrupt byte (a lone continuation byte) on line 2.
    let bytes = [
        "Le numérique à Salé\nLes été".as_bytes(),
        b"\x80s du Souss\n",
    ]
    .concat();
    let path = c.write("corrompu.txt", &bytes);
    assert_problems(
        &c.check(),
        &[problem(&path, 2, "not valid UTF-8 (byte 0x80 at column 8)")],
    );
}

#[test]
fn a_windows_1252_file() {
    let c = Corpus::new("cp1252");
    // "La région" in Windows-1252: é is the single byte 0xE9, first met on line 3, column 5.
    let path = c.write(
        "latin.txt",
        b"Le Maroc numerique\n\nLa r\xe9gion Souss-Massa acc\xe9l\xe8re l\x92adoption du cloud.\n",
    );
    assert_problems(
        &c.check(),
        &[problem(
            &path,
            3,
            "not valid UTF-8 (byte 0xE9 at column 5); it looks like Windows-1252 or Latin-1: \
             convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
        )],
    );
}

#[test]
fn a_file_of_only_whitespace() {
    let c = Corpus::new("blank");
    let path = c.write("blanc.txt", " \r\n\t\n  \u{a0}\u{202f} \n\n".as_bytes());
    assert_problems(
        &c.check(),
        &[problem(&path, 1, "no text: the file holds only whitespace")],
    );
}

#[test]
fn a_file_of_only_site_boilerplate() {
    let c = Corpus::new("chrome");
    let path = c.write(
        "chrome.txt",
        "Partager\n\nPublicité\nLire la suite\n".as_bytes(),
    );
    assert_problems(
        &c.check(),
        &[problem(
            &path,
            1,
            "no article text once site boilerplate is removed",
        )],
    );
}

#[test]
fn a_50_mb_file_is_refused_by_its_size_without_being_read() {
    let c = Corpus::new("big");
    let path = c.dir.join("enorme.txt");
    // Sparse: 50 MB of NUL bytes that were never written. Were the file read, the message would
    // be about its NUL bytes; it is about its size, known from its metadata alone.
    let f = fs::File::create(&path).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    drop(f);
    let started = std::time::Instant::now();
    let out = c.check();
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    assert_problems(
        &out,
        &[problem(
            &path.display().to_string(),
            1,
            "file too large (52428800 bytes; an article may have at most 4194304 bytes)",
        )],
    );
}

#[test]
fn a_missing_directory_and_an_empty_one() {
    let c = Corpus::new("missing");
    let missing = c.dir.join("nowhere");
    let out = corpus(&["check", missing.to_str().unwrap()], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with(&format!("{}:1: cannot read: ", missing.display()))
            && stderr.lines().count() == 1,
        "{stderr}"
    );

    let empty = c.dir.join("empty");
    fs::create_dir(&empty).unwrap();
    let out = corpus(&["check", empty.to_str().unwrap()], b"");
    assert_problems(
        &out,
        &[problem(
            &empty.display().to_string(),
            1,
            "no articles (*.txt files) in this directory",
        )],
    );
}

// ---------------------------------------------------------------------------------------------
// check: a bad corpus.toml

fn bad_toml(name: &str, toml: &str, line: usize, message: &str) {
    let c = Corpus::new(name);
    let path = c.write("corpus.toml", toml.as_bytes());
    assert_problems(&c.check(), &[problem(&path, line, message)]);
}

#[test]
fn corpus_toml_with_a_syntax_error() {
    bad_toml(
        "toml-syntax",
        "[003_33d08dc07e69b5e4]\ntitle = \"La digitalisation\n",
        2,
        "invalid basic string",
    );
}

#[test]
fn corpus_toml_with_an_unknown_field() {
    bad_toml(
        "toml-field",
        "[003_33d08dc07e69b5e4]\ntitle = \"T\"\ntitel = \"T\"\n",
        3,
        "unknown field `titel`, expected one of `title`, `date`, `source`, `url`",
    );
}

#[test]
fn corpus_toml_with_a_key_for_a_file_that_does_not_exist() {
    bad_toml(
        "toml-key",
        "[003_33d08dc07e69b5e4]\ntitle = \"T\"\n\n[003_absent]\ntitle = \"U\"\n",
        4,
        "no article \"003_absent\" in this corpus (expected the name of a .txt file, without .txt)",
    );
}

#[test]
fn corpus_toml_with_an_invalid_date() {
    bad_toml(
        "toml-date",
        "[003_33d08dc07e69b5e4]\ntitle = \"T\"\ndate = \"2022-02-30\"\n",
        3,
        "invalid date \"2022-02-30\" for \"003_33d08dc07e69b5e4\" \
         (expected YYYY, YYYY-MM or YYYY-MM-DD)",
    );
}

// ---------------------------------------------------------------------------------------------
// check: every problem of a directory

#[test]
fn two_bad_files_give_two_lines() {
    let c = Corpus::new("two");
    let a = c.write("a_vide.txt", b"");
    let b = c.write("b_latin.txt", b"Titre\nL'\xe9t\xe9 num\xe9rique\n");
    assert_problems(
        &c.check(),
        &[
            problem(&a, 1, "empty file: an article needs some text"),
            problem(
                &b,
                2,
                "not valid UTF-8 (byte 0xE9 at column 3); it looks like Windows-1252 or \
                 Latin-1: convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
            ),
        ],
    );
}

#[test]
fn a_bad_corpus_toml_and_bad_articles_are_all_reported() {
    let c = Corpus::new("all");
    let toml = c.write("corpus.toml", b"[003_33d08dc07e69b5e4]\nsource = 12\n");
    let a = c.write("blanc.txt", b"\n\n   \n");
    let b = c.write("zz.txt", b"\x00");
    assert_problems(
        &c.check(),
        &[
            problem(&toml, 2, "invalid type: integer `12`, expected a string"),
            problem(&a, 1, "no text: the file holds only whitespace"),
            problem(
                &b,
                1,
                "binary file (NUL byte at byte 0): an article must be UTF-8 text",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// extract

/// Checks one `extract` output record against its input text: character offsets inside the
/// text, and `surface` equal to the characters `start..end`.
fn assert_offsets(text: &str, record: &Value) {
    let chars: Vec<char> = text.chars().collect();
    for key in ["figures", "entities"] {
        let items = record[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {record}"));
        let mut prev_end = 0;
        for item in items {
            let start = item["start"].as_u64().unwrap() as usize;
            let end = item["end"].as_u64().unwrap() as usize;
            assert!(start < end && end <= chars.len(), "{item}");
            assert!(start >= prev_end, "overlap or disorder in {key}: {item}");
            prev_end = end;
            let by_chars: String = chars[start..end].iter().collect();
            assert_eq!(item["surface"].as_str(), Some(by_chars.as_str()), "{item}");
        }
    }
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    text(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn extract_counts_offsets_in_characters() {
    let texts = [
        (
            "emoji",
            "🚀🇲🇦 Lancement : plus de 1 200 startups à Salé, selon l’APEBI.",
        ),
        (
            "accents",
            "L’Agence de développement du digital (ADD) a mobilisé 13,3 millions de dirhams \
             pour 2 000 jeunes de la région Souss-Massa, a déclaré M. Charaf.",
        ),
        (
            "combining",
            "Le nume\u{301}rique : pre\u{300}s de 3 500 emplois à Rabat 👩‍💻.",
        ),
    ];
    let input: String = texts
        .iter()
        .map(|(id, t)| format!("{}\n", serde_json::json!({"id": id, "text": t})))
        .collect();
    let out = corpus(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records = jsonl(&out.stdout);
    assert_eq!(records.len(), texts.len());
    let mut shifted = false;
    for ((id, t), record) in texts.iter().zip(&records) {
        assert_eq!(record["id"], *id);
        assert!(
            !record["figures"].as_array().unwrap().is_empty(),
            "{record}"
        );
        assert_offsets(t, record);
        // The offsets are not bytes: before any figure of these texts stand multi-byte chars.
        let f = &record["figures"][0];
        let start = f["start"].as_u64().unwrap() as usize;
        let byte_start = t.char_indices().nth(start).unwrap().0;
        shifted |= byte_start != start;
    }
    assert!(
        shifted,
        "no text put a multi-byte character before a figure"
    );
    let first = &records[0]["figures"][0];
    assert_eq!(first["surface"], "plus de 1 200 startups");
    assert_eq!(first["start"], 16);
}

#[test]
fn extract_keeps_one_line_per_input_line_in_order_and_reports_malformed_lines() {
    let input = concat!(
        r#"{"id": "a", "text": "Plus de 300 participants à Agadir."}"#,
        "\n",
        "ceci n'est pas du JSON\n",
        r#"{"id": "c", "txt": "oubli"}"#,
        "\n",
        r#"{"id": 4, "text": "Le Maroc compte 1 200 startups."}"#,
        "\n",
        "[1, 2]\n",
        r#"{"text": "sans id"}"#,
        "\n",
        r#"{"id": "g", "text": ""}"#,
        "\n",
    );
    let out = corpus(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out.stdout);
    assert_eq!(records.len(), 7, "{}", text(&out.stdout));
    let ids: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("a"),
            &Value::Null,
            &Value::from("c"),
            &Value::from(4),
            &Value::Null,
            &Value::Null,
            &Value::from("g"),
        ]
    );
    let errors: Vec<bool> = records.iter().map(|r| r.get("error").is_some()).collect();
    assert_eq!(errors, [false, true, true, false, true, true, false]);
    assert_eq!(records[2]["error"], "missing \"text\" (a string)");
    assert_eq!(
        records[0]["figures"][0]["surface"],
        "Plus de 300 participants"
    );
    assert_eq!(records[6]["figures"], serde_json::json!([]));

    let stderr = text(&out.stderr);
    let lines: Vec<(&str, usize, &str)> = stderr
        .lines()
        .map(|l| parse_problem(l).unwrap_or_else(|| panic!("{l}")))
        .collect();
    let located: Vec<(&str, usize)> = lines.iter().map(|&(p, n, _)| (p, n)).collect();
    assert_eq!(
        located,
        [
            ("<stdin>", 2),
            ("<stdin>", 3),
            ("<stdin>", 5),
            ("<stdin>", 6)
        ]
    );
    // Each stderr message is the error of its output line.
    for ((_, n, message), record) in lines
        .iter()
        .zip(records.iter().filter(|r| r.get("error").is_some()))
    {
        assert_eq!(record["error"].as_str(), Some(*message), "line {n}");
    }
}

#[test]
fn extract_ignores_blank_lines_and_accepts_a_missing_final_newline() {
    let input = "\n{\"id\":\"x\",\"text\":\"Près de 50 % des entreprises.\"}\n   \n{\"id\":\"y\",\"text\":\"Rien.\"}";
    let out = corpus(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records = jsonl(&out.stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(
        (&records[0]["id"], &records[1]["id"]),
        (&"x".into(), &"y".into())
    );
}

#[test]
fn extract_on_the_seed_articles_gives_consistent_offsets() {
    let mut input = String::new();
    let mut texts = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in &paths {
        let t = fs::read_to_string(p).unwrap();
        let id = p.file_stem().unwrap().to_str().unwrap();
        input.push_str(&serde_json::json!({"id": id, "text": t}).to_string());
        input.push('\n');
        texts.push(t);
    }
    let out = corpus(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records = jsonl(&out.stdout);
    assert_eq!(records.len(), texts.len());
    let mut figures = 0;
    for (t, r) in texts.iter().zip(&records) {
        assert_offsets(t, r);
        figures += r["figures"].as_array().unwrap().len();
    }
    assert!(figures >= 20, "{figures} figures in the seeds");
}

// ---------------------------------------------------------------------------------------------
// export

#[test]
fn export_gives_valid_json_with_five_documents_and_consistent_offsets() {
    let out = corpus(&["export", seeds().to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        let t = d["text"].as_str().unwrap();
        assert_offsets(t, d);
        let n = t.chars().count() as u64;
        for key in ["paragraphs", "sentences"] {
            for s in d[key].as_array().unwrap() {
                let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                assert!(a <= b && b <= n, "{key} {s} of {}", d["id"]);
            }
        }
        assert!(d["id"].is_string() && d["date"].is_string(), "{}", d["id"]);
    }
}

#[test]
fn export_of_a_bad_corpus_reports_like_check() {
    let c = Corpus::new("export-bad");
    let path = c.write("vide.txt", b"");
    let out = corpus(&["export", c.dir.to_str().unwrap()], b"");
    assert_problems(
        &out,
        &[problem(&path, 1, "empty file: an article needs some text")],
    );
}

// ---------------------------------------------------------------------------------------------
// usage

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check", "a", "b"][..],
        &["extract", "x"][..],
        &["export", "a", "b"][..],
    ] {
        let out = corpus(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stdout), "", "{args:?}");
        assert!(text(&out.stderr).starts_with("usage: corpus "), "{args:?}");
    }
    let out = corpus(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("usage: corpus "));
}
