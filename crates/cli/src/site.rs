//! `corpus build DIR OUT`: everything the app's build needs from one load and one analysis of
//! DIR's articles (the crate's header lists what it writes). Before it, trunk's post_build hook
//! ran `prerender`, `data` and `fallbacks` one after the other, each loading, analysing and
//! indexing the whole corpus again (and the app's build script a fourth time, to check it):
//! at 100 000 articles those passes were most of a nine-minute build. The subcommands stay,
//! for scripts; this writes the very same files as they do (`cli_build.rs` compares them).

use raqmi_explorer::{corpus::Corpus, prerender};
use raqmi_search::snapshot::Snapshot;
use std::path::Path;

/// The file of OUT that holds the prerendered default view (the hook moves it into the page).
pub const PRERENDER_FILE: &str = "prerender.html";

pub fn build(dir: &str, out: &str) -> i32 {
    let docs = match super::load_for_app(dir) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // One index, for the data files and for the views drawn here.
    let snapshot = Snapshot::new(docs);
    let out = Path::new(out);
    let data = out.join("data");
    let code = super::write_data(
        &snapshot.documents,
        &snapshot.index,
        &data.to_string_lossy(),
    );
    if code != 0 {
        return code;
    }
    let corpus = Corpus::new(snapshot);
    let page = out.join(PRERENDER_FILE);
    if let Err(e) = std::fs::write(&page, format!("{}\n", prerender::default_view(&corpus))) {
        eprintln!("{}: cannot write: {e}", page.display());
        return 1;
    }
    super::fallbacks::write_corpus(&corpus, &out.join("fallback").to_string_lossy())
}
