//! `corpus prerender DIR`, run as a built binary as the post_build hook runs it: the default
//! view of the corpus in DIR (not of the corpus the binary was built with), a bad corpus fails
//! with `corpus check`'s `path:line: message` lines and nothing on stdout (so the hook can never
//! inject half a page), and a missing directory fails too.

use std::fs;

mod common;
use common::{run, text, Dir};

#[test]
fn prerender_writes_the_seeds_default_view() {
    let out = run(&["prerender", "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(html.starts_with("<div class=\"prerendered\">"), "{html}");
    assert_eq!(html.matches("<article class=\"result\"").count(), 5);
    assert!(html.contains("href=\"./?doc=004_1a904081dba04b63&amp;view=doc\""));
    assert!(html.contains("Digitalisation : l'APEBI lance des think tanks"));
    // Without DIR, the seeds.
    assert_eq!(text(&run(&["prerender"]).stdout), html);
}

#[test]
fn prerender_reads_the_directory_it_is_given() {
    let dir = Dir::new("cli_prerender", "other");
    fs::write(
        dir.0.join("100_autre.txt"),
        "date 2023-05\nsource La Vie éco\nUn autre titre & <rien> d'autre\n\nLe Maroc compte 1 200 start-up, selon le rapport publié cette année.\n",
    )
    .unwrap();
    let out = run(&["prerender", dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert_eq!(html.matches("<article class=\"result\"").count(), 1);
    assert!(html.contains("data-id=\"100_autre\""));
    assert!(html.contains("&amp; &lt;rien&gt;"), "{html}");
    assert!(html.contains("<p role=\"status\" class=\"result-count\">1 article</p>"));
}

#[test]
fn a_bad_corpus_fails_like_check_with_nothing_on_stdout() {
    let dir = Dir::new("cli_prerender", "bad");
    fs::write(dir.0.join("001_vide.txt"), "   \n").unwrap();
    let out = run(&["prerender", dir.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let check = run(&["check", dir.path()]);
    assert_eq!(text(&out.stderr), text(&check.stderr));
    assert!(text(&out.stderr).starts_with(&format!("{}/001_vide.txt:", dir.path())));
}

#[test]
fn a_missing_directory_fails() {
    let out = run(&["prerender", "no/such/corpus"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).starts_with("no/such/corpus:"),
        "{}",
        text(&out.stderr)
    );
}
