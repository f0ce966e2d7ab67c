//! The wasm side of a shared link's first results (`raqmi_explorer::first`): bytes in, HTML
//! out. `www/first.js` fetches the manifest and each round of [`First::wanted`], adds them
//! ([`First::add`]) and puts [`First::html`] into the page; then it lets the app start.
//! Nothing here can panic on bad input: a refused file is an error the script reports, and
//! the app then starts as if this path did not exist (it says which file failed, in place).

use raqmi_explorer::first::FirstResults;
use wasm_bindgen::prelude::*;

/// One page's first results in the making.
#[wasm_bindgen]
pub struct First(FirstResults);

#[wasm_bindgen]
impl First {
    /// The first results of the page's query string `search`, from the corpus's `manifest`;
    /// none when the URL asks for a view the app draws itself, or the manifest is refused.
    pub fn start(search: &str, manifest: &[u8]) -> Option<First> {
        FirstResults::new(search, manifest).ok().map(First)
    }

    /// The names of the data files to fetch next (under `data/`); empty: [`First::html`] is
    /// ready.
    pub fn wanted(&mut self) -> Vec<String> {
        self.0.wanted()
    }

    /// Adds a fetched file; false when it is refused (not asked for, damaged, truncated, of
    /// another corpus or format version).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> bool {
        self.0.add(name, bytes).is_ok()
    }

    /// The view's HTML once every file it needs is in.
    pub fn html(&mut self) -> Option<String> {
        self.0.html()
    }
}
