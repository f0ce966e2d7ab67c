//! The web app's entry point. Trunk compiles it to wasm32; natively it only says how to run it.

#[cfg(target_arch = "wasm32")]
fn main() {
    raqmi::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("raqmi is a web app: build and serve it with `make run` (see README.md).");
    eprintln!("The native command-line tool is `cargo run --bin corpus -- check`.");
}
