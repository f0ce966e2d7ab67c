//! The web app's entry point, compiled to wasm32 by trunk (`make run`).

fn main() {
    raqmi::start();
}
