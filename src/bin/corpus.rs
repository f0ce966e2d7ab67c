//! The `corpus` CLI: check / extract / export.
fn main() {}
