//! Fetching the corpus's data files (wasm32 only; `raqmi_explorer::loading` says which, and
//! `corpus data` wrote them beside the app at build time). Same origin only: the URLs are
//! relative to the page. Two steps: at start the manifest, then the tables and the packs, enough
//! for every view of a query without words ([`load`]); the term files (dictionary, postings,
//! stems) when the first query with words needs them ([`fetch_terms`]; a URL holding one asks
//! at once, after the first step). Within a step the downloads run together, at most [`IN_FLIGHT`] at
//! once (a queue holds the rest). The manifest is revalidated with the server (its name never
//! changes); the other files are named after their content. Each file is checked against the
//! manifest (length, hash, format) before it is used, so a half-deployed server or a truncated
//! download gives a [`LoadFailure`], never a mix: the term files complete the very manifest
//! the page started with.

use raqmi_explorer::corpus::{Corpus, CorpusRef};
use raqmi_explorer::loading::{corpus_of, file_url, files_to_fetch, LoadFailure};
use raqmi_search::files::{FileRef, Need, ShardedCorpus, MANIFEST_NAME};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The data files loaded so far, kept for the term files' step.
    static FILES: RefCell<Option<ShardedCorpus>> = const { RefCell::new(None) };
}

/// Waits for a started `fetch` and reads its body.
async fn bytes_of(request: js_sys::Promise, file: &str) -> Result<Vec<u8>, LoadFailure> {
    let network = || LoadFailure::Network {
        file: file.to_string(),
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(|_| network())?
        .dyn_into()
        .map_err(|_| network())?;
    if !response.ok() {
        return Err(LoadFailure::Status {
            file: file.to_string(),
            status: response.status(),
        });
    }
    let body = response.array_buffer().map_err(|_| network())?;
    let buffer = JsFuture::from(body).await.map_err(|_| network())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// How many data files are downloading at once, at most. Browsers refuse a burst of thousands
/// (Chromium: `ERR_INSUFFICIENT_RESOURCES`, which broke a 100 000-article start), and over
/// HTTP/1.1 a host serves six at a time anyway; the rest wait in a queue.
pub const IN_FLIGHT: usize = 6;

/// Fetches `wanted`, at most [`IN_FLIGHT`] at once, and adds each to `files`.
async fn fetch_into(
    files: &mut ShardedCorpus,
    wanted: Vec<(FileRef, String)>,
) -> Result<(), LoadFailure> {
    let window = gloo::utils::window();
    // With an empty init: the same import as the manifest's fetch (one less in the glue).
    let init = web_sys::RequestInit::new();
    let mut queue = wanted.into_iter();
    let mut started = std::collections::VecDeque::with_capacity(IN_FLIGHT);
    let mut start = |started: &mut std::collections::VecDeque<_>| {
        if let Some((r, url)) = queue.next() {
            started.push_back((r, window.fetch_with_str_and_init(&url, &init)));
        }
    };
    for _ in 0..IN_FLIGHT {
        start(&mut started);
    }
    // In order: a file read frees its place for the next (one that finished early waits
    // read, not downloading).
    while let Some((r, request)) = started.pop_front() {
        let name = files.manifest().name(r);
        let bytes = bytes_of(request, &name).await?;
        start(&mut started);
        files.add(r, &bytes).map_err(LoadFailure::Data)?;
    }
    Ok(())
}

/// The corpus `assemble` makes of `files`, or the first file it still lacks.
fn assemble(
    files: &ShardedCorpus,
    assemble: fn(&ShardedCorpus) -> Result<Corpus, Need>,
) -> Result<CorpusRef, LoadFailure> {
    assemble(files)
        .map(|c| CorpusRef(Rc::new(c)))
        .map_err(|need| LoadFailure::Network {
            file: need
                .0
                .first()
                .map_or_else(String::new, |&r| files.manifest().name(r)),
        })
}

/// The corpus of this build at start, without its index's terms (a URL that holds a query with
/// words has the explorer ask for them at once, [`fetch_terms`]).
pub async fn load() -> Result<CorpusRef, LoadFailure> {
    let window = gloo::utils::window();
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let manifest = window.fetch_with_str_and_init(&file_url(MANIFEST_NAME), &init);
    let manifest = bytes_of(manifest, MANIFEST_NAME).await?;
    let mut files = ShardedCorpus::from_manifest(&manifest).map_err(LoadFailure::Data)?;
    // The benchmark searches at once: the whole corpus (a build the app never ships).
    #[cfg(feature = "bench")]
    let (wanted, make) = (files_to_fetch(&files), corpus_of);
    #[cfg(not(feature = "bench"))]
    let (wanted, make) = (
        raqmi_explorer::loading::files_for_start(&files),
        raqmi_explorer::loading::corpus_without_terms,
    );
    fetch_into(&mut files, wanted).await?;
    super::view::mark("raqmi:decode-start");
    let corpus = assemble(&files, make);
    super::view::mark("raqmi:decoded");
    let corpus = corpus?;
    #[cfg(feature = "bench")]
    crate::bench::keep(files, corpus.clone());
    #[cfg(not(feature = "bench"))]
    FILES.with(|f| *f.borrow_mut() = Some(files));
    Ok(corpus)
}

/// Fetches the term files [`load`] left out, in the background, and hands the whole corpus (or
/// what failed: a file can be asked for again, what arrived is kept) to `done`.
#[inline(never)]
pub fn fetch_terms(done: yew::Callback<Result<CorpusRef, LoadFailure>>) {
    yew::platform::spawn_local(async move { done.emit(load_terms().await) });
}

async fn load_terms() -> Result<CorpusRef, LoadFailure> {
    let Some(mut files) = FILES.with(|f| f.borrow_mut().take()) else {
        return Err(LoadFailure::Network {
            file: MANIFEST_NAME.to_string(),
        });
    };
    let wanted = files_to_fetch(&files);
    let fetched = fetch_into(&mut files, wanted).await;
    let corpus = fetched.and_then(|()| assemble(&files, corpus_of));
    FILES.with(|f| *f.borrow_mut() = Some(files));
    corpus
}
