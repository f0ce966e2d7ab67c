//! What the `corpus` binary's integration tests share: running the built binary (as partners'
//! scripts and the post_build hook run it) and scratch directories removed on drop. Each test
//! file uses part of it.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_corpus");

/// `corpus ARGS` from the repository root (where `seeds` names the bundled corpus).
pub fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(raqmi_testkit::repo_root())
        .output()
        .expect("run corpus")
}

/// `corpus ARGS` with `stdin` piped in; fails the test if the binary panicked.
pub fn run_with_input(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the corpus binary");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_no_panic(&out);
    out
}

/// Fails the test if either stream shows a panic.
pub fn assert_no_panic(out: &Output) {
    for stream in [&out.stdout, &out.stderr] {
        let s = text(stream);
        assert!(!s.contains("panicked"), "the CLI panicked:\n{s}");
        assert!(!s.contains("RUST_BACKTRACE"), "the CLI panicked:\n{s}");
    }
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A scratch directory under cargo's test tmpdir, removed on drop.
pub struct Dir(pub PathBuf);

impl Dir {
    /// `test` names the test file, `name` the directory within it (unique per process).
    pub fn new(test: &str, name: &str) -> Dir {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("{test}-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
