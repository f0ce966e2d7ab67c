//! The workspace's rules, checked on its real dependency graph (`cargo metadata`) and files,
//! so that a shortcut fails a test rather than waiting for a reviewer:
//! - the web app (`raqmi`) links no extraction code, nor has it as a build dependency: the
//!   corpus is analysed once, by the CLI (`corpus build`, run by trunk's post_build hook);
//! - the cores (`raqmi-model`, `raqmi-extract`, `raqmi-search`) have no web dependency on any
//!   target, and neither do the explorer's pure half and the CLI on the host;
//! - own articles: their pure half (`raqmi-own`) links no extraction code and no web crate (the
//!   app may link it); the extraction worker (`raqmi-own-worker`, a second wasm the app loads
//!   in a Web Worker) links the extraction core, and no crate depends on it: the app reaches
//!   the worker only through its files, at run time;
//! - a shared link's first results (`raqmi-first`, the small wasm that draws them before the
//!   app's) link the search core and the explorer's pure half, and nothing of the app's:
//!   no yew, no extraction code, no crate depends on it;
//! - the CLI does not depend on the web app;
//! - the test kit is only ever a dev-dependency;
//! - no Rust source file is over 800 lines (split a file along its sections when it grows).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Crates that belong to the browser: none of them may reach a core.
const WEB: &[&str] = &[
    "yew",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo",
    "gloo-utils",
    "gloo-events",
    "gloo-timers",
];

/// The resolved graph for one platform: package name -> the names of its dependencies of the
/// given kinds (`None` is a normal dependency, then "build" and "dev").
struct Graph {
    deps: BTreeMap<String, Vec<Edge>>,
}

/// One dependency edge: the dependency's name and the kinds it is declared as.
type Edge = (String, Vec<Option<String>>);

impl Graph {
    fn load(platform: &str) -> Graph {
        let out = Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1", "--offline"])
            .args(["--filter-platform", platform])
            .current_dir(raqmi_testkit::repo_root())
            .output()
            .expect("cargo metadata runs");
        assert!(
            out.status.success(),
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
        let names: BTreeMap<&str, &str> = meta["packages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
            .collect();
        let mut deps = BTreeMap::new();
        for node in meta["resolve"]["nodes"].as_array().unwrap() {
            let name = names[node["id"].as_str().unwrap()].to_string();
            let list = node["deps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let kinds = d["dep_kinds"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|k| k["kind"].as_str().map(String::from))
                        .collect();
                    (names[d["pkg"].as_str().unwrap()].to_string(), kinds)
                })
                .collect();
            deps.insert(name, list);
        }
        Graph { deps }
    }

    /// Every package `root` links: its normal dependencies, transitively.
    fn links(&self, root: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![root.to_string()];
        while let Some(p) = todo.pop() {
            for (dep, kinds) in self.deps.get(&p).into_iter().flatten() {
                if kinds.iter().any(Option::is_none) && seen.insert(dep.clone()) {
                    todo.push(dep.clone());
                }
            }
        }
        seen
    }

    /// Fails when any package depends on `package`, in any kind of dependency.
    fn assert_no_dependents(&self, package: &str, platform: &str) {
        for (dependent, deps) in &self.deps {
            assert!(
                deps.iter().all(|(dep, _)| dep != package),
                "{dependent} depends on {package} on {platform}"
            );
        }
    }

    /// The direct dependencies of `package` with the given kind ("build", "dev").
    fn direct(&self, package: &str, kind: &str) -> BTreeSet<String> {
        self.deps[package]
            .iter()
            .filter(|(_, kinds)| kinds.iter().any(|k| k.as_deref() == Some(kind)))
            .map(|(d, _)| d.clone())
            .collect()
    }
}

/// The machine's own target triple, as rustc reports it.
fn host() -> String {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_string()
}

#[test]
fn the_web_app_links_no_extraction_code() {
    let wasm = Graph::load("wasm32-unknown-unknown");
    let links = wasm.links("raqmi");
    assert!(links.contains("raqmi-search") && links.contains("yew"));
    assert!(
        !links.contains("raqmi-extract"),
        "the app links the extraction core: {links:?}"
    );
    assert!(!links.contains("raqmi-testkit") && !links.contains("raqmi-cli"));
    // No build script analyses the corpus: the post_build hook's `corpus build` does, once.
    let build = wasm.direct("raqmi", "build");
    assert!(!build.contains("raqmi-extract"), "{build:?}");
}

#[test]
fn the_cores_have_no_web_dependency() {
    for platform in ["wasm32-unknown-unknown".to_string(), host()] {
        let graph = Graph::load(&platform);
        for core in ["raqmi-model", "raqmi-extract", "raqmi-search", "raqmi-own"] {
            let links = graph.links(core);
            let web: Vec<&&str> = WEB.iter().filter(|w| links.contains(**w)).collect();
            assert!(web.is_empty(), "{core} reaches {web:?} on {platform}");
        }
    }
    // On the host, nothing but the app reaches the browser's crates either (on wasm32,
    // plotters itself depends on web-sys, so the charts and the explorer do there).
    let graph = Graph::load(&host());
    for pure in [
        "raqmi-charts",
        "raqmi-explorer",
        "raqmi-cli",
        "raqmi-testkit",
    ] {
        let links = graph.links(pure);
        assert!(
            !links.contains("yew") && !links.contains("gloo"),
            "{pure} reaches the browser's crates"
        );
    }
}

#[test]
fn own_articles_are_analysed_only_in_the_worker() {
    for platform in ["wasm32-unknown-unknown".to_string(), host()] {
        let graph = Graph::load(&platform);
        let own = graph.links("raqmi-own");
        assert!(
            !own.contains("raqmi-extract"),
            "raqmi-own links the extraction core on {platform}: {own:?}"
        );
        let worker = graph.links("raqmi-own-worker");
        assert!(
            worker.contains("raqmi-extract") && worker.contains("raqmi-own"),
            "the worker analyses with the build's code: {worker:?}"
        );
        for never in ["raqmi", "yew", "raqmi-explorer", "raqmi-charts"] {
            assert!(
                !worker.contains(never),
                "the worker links {never} on {platform}"
            );
        }
        // Nothing depends on the worker, in any kind of dependency: the app reaches it only
        // as files (trunk's `data-type="worker"` build), fetched once the dialog is used.
        graph.assert_no_dependents("raqmi-own-worker", &platform);
    }
}

#[test]
fn the_first_results_wasm_holds_the_search_and_the_cards_only() {
    for platform in ["wasm32-unknown-unknown".to_string(), host()] {
        let graph = Graph::load(&platform);
        let first = graph.links("raqmi-first");
        assert!(
            first.contains("raqmi-search") && first.contains("raqmi-explorer"),
            "the first results are the app's search and cards: {first:?}"
        );
        // What would make it as large as the app's wasm it comes before. (web-sys is in its
        // graph on wasm32, through plotters under the explorer's charts, and none of it is in
        // the wasm: nothing calls it.)
        for never in ["raqmi", "yew", "gloo", "raqmi-extract", "raqmi-own-worker"] {
            assert!(
                !first.contains(never),
                "raqmi-first links {never} on {platform}"
            );
        }
        // Nothing depends on it either: the page loads it as files (www/boot.js).
        graph.assert_no_dependents("raqmi-first", &platform);
    }
    // Without the explorer's English and Arabic strings (its default `languages` feature):
    // it draws French views only.
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--no-deps",
        ])
        .current_dir(raqmi_testkit::repo_root())
        .output()
        .expect("cargo metadata runs");
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
    let first = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "raqmi-first")
        .expect("the raqmi-first package");
    let explorer = first["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "raqmi-explorer")
        .expect("raqmi-first depends on the explorer");
    assert_eq!(explorer["uses_default_features"], false);
    assert_eq!(explorer["features"], serde_json::json!([]));
}

#[test]
fn the_cli_does_not_depend_on_the_web_app() {
    let graph = Graph::load(&host());
    let links = graph.links("raqmi-cli");
    assert!(links.contains("raqmi-extract") && links.contains("raqmi-explorer"));
    assert!(!links.contains("raqmi"), "the CLI links the web app");
}

#[test]
fn the_test_kit_is_only_a_dev_dependency() {
    for platform in ["wasm32-unknown-unknown".to_string(), host()] {
        let graph = Graph::load(&platform);
        for (package, deps) in &graph.deps {
            for (dep, kinds) in deps {
                if dep == "raqmi-testkit" {
                    assert!(
                        kinds.iter().all(|k| k.as_deref() == Some("dev")),
                        "{package} depends on the test kit as {kinds:?}"
                    );
                }
            }
        }
    }
}

/// Rust files of the workspace (crates/, src/, tests/), outside target/.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_800_lines() {
    let root = raqmi_testkit::repo_root();
    let mut files = Vec::new();
    for dir in ["crates", "src", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "found only {} files", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > 800).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over 800 lines: {long:#?}");
}

/// Each shared helper has one home (issue 12: "nothing is written twice across crates"). A
/// marker is a line only that helper's implementation needs; finding it anywhere else means
/// the helper was written again.
#[test]
fn shared_helpers_are_written_once() {
    let root = raqmi_testkit::repo_root();
    let mut files = Vec::new();
    for dir in ["crates", "src", "tests", "fuzz"] {
        rust_files(&root.join(dir), &mut files);
    }
    // (what, its one home, markers only its implementation writes)
    let homes: [(&str, &str, &[&str]); 3] = [
        (
            "the HTML/XML escape",
            "crates/model/src/markup.rs",
            &[
                "push_str(\"&amp;\")",
                "replace('&', \"&amp;\")",
                "\"&amp;\".to",
            ],
        ),
        (
            "the percent-encoding",
            "crates/model/src/markup.rs",
            &[
                "b\"0123456789ABCDEF\"",
                "b\"0123456789abcdef\"",
                "\"%{:02X}\"",
                "\"%{b:02X}\"",
            ],
        ),
        (
            "the synthetic corpus generator's PRNG",
            "crates/testkit/src/synth.rs",
            &[
                "0x9E37_79B9_7F4A_7C15",
                "0x9e3779b97f4a7c15",
                "0x9E3779B97F4A7C15",
            ],
        ),
    ];
    let mut found_home = [false; 3];
    let mut strays = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "crates/testkit/tests/workspace_rules.rs" {
            continue; // this test names the markers
        }
        for (i, (what, home, markers)) in homes.iter().enumerate() {
            for marker in markers.iter() {
                if text.contains(marker) {
                    if rel == *home {
                        found_home[i] = true;
                    } else {
                        strays.push(format!("{what} written again in {rel} ({marker})"));
                    }
                }
            }
        }
    }
    for (i, (what, home, _)) in homes.iter().enumerate() {
        assert!(
            found_home[i],
            "{what} is no longer in {home}: update this test's markers"
        );
    }
    assert!(strays.is_empty(), "{strays:#?}");
}

/// Test documents come from the test kit's builders: no test code writes a `Document { … }`
/// literal but the builders themselves and the snapshot's property test, whose strategy
/// generates every field. (Production code that makes documents, such as ingest and the
/// decoders, is not test code and is not looked at.)
#[test]
fn documents_are_built_by_the_test_kit() {
    let root = raqmi_testkit::repo_root();
    let mut files = Vec::new();
    for dir in ["crates", "src", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    let makers = [
        "crates/testkit/tests/workspace_rules.rs", // this test names the pattern
        "crates/testkit/src/fixtures.rs",
        "crates/search/src/snapshot/tests.rs",
    ];
    let mut literals = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).unwrap();
        if makers.contains(&rel.as_str()) {
            continue;
        }
        // Only test code: test files, and a source file's part after its `#[cfg(test)]`.
        let test_file = rel.contains("/tests/") || rel.ends_with("tests.rs");
        let test_from = if test_file {
            0
        } else {
            // An inline test module (`#[cfg(test)]` then `mod tests {`), not `mod tests;`.
            let lines: Vec<&str> = text.lines().collect();
            match (0..lines.len().saturating_sub(1)).find(|&n| {
                lines[n].trim() == "#[cfg(test)]" && lines[n + 1].trim_end().ends_with('{')
            }) {
                Some(n) => n,
                None => continue,
            }
        };
        for (n, line) in text.lines().enumerate().skip(test_from) {
            let code = line.trim_start();
            if (code.contains("Document {") || code.contains("Document{"))
                && !code.starts_with("//")
                && !code.contains("struct Document")
                && !code.contains("impl")
                && !code.contains("-> Document {")
            {
                literals.push(format!("{rel}:{}: {code}", n + 1));
            }
        }
    }
    assert!(
        literals.is_empty(),
        "build test documents with raqmi_testkit::doc(…) instead: {literals:#?}"
    );
}
