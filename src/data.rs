//! Fetching the corpus's data files (wasm32 only): the manifest, then every file the whole
//! corpus needs (`raqmi_explorer::loading` says which; `corpus data` wrote them beside the app
//! at build time). Same origin only: the URLs are relative to the page. Every request is
//! started before any is awaited, so the downloads run together. The manifest is revalidated
//! with the server (its name never changes); the other files are named after their content.
//! Each file is checked against the manifest (length, hash, format) before it is used, so a
//! half-deployed server or a truncated download gives a [`LoadFailure`], never a mix.

use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::loading::{corpus_of, file_url, files_to_fetch, LoadFailure};
use raqmi_search::files::{ShardedCorpus, MANIFEST_NAME};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// The corpus of this build, from its data files.
pub async fn load() -> Result<CorpusRef, LoadFailure> {
    let window = gloo::utils::window();
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let manifest = window.fetch_with_str_and_init(&file_url(MANIFEST_NAME), &init);
    let manifest = bytes_of(manifest, MANIFEST_NAME).await?;
    let mut files = ShardedCorpus::from_manifest(&manifest).map_err(LoadFailure::Data)?;
    let started: Vec<_> = files_to_fetch(&files)
        .into_iter()
        .map(|(r, url)| (r, window.fetch_with_str(&url)))
        .collect();
    for (r, request) in started {
        let name = files.manifest().name(r);
        let bytes = bytes_of(request, &name).await?;
        files.add(r, &bytes).map_err(LoadFailure::Data)?;
    }
    super::view::mark("raqmi:decode-start");
    let corpus = corpus_of(&files).map_err(|need| LoadFailure::Network {
        file: need
            .0
            .first()
            .map_or_else(String::new, |&r| files.manifest().name(r)),
    });
    super::view::mark("raqmi:decoded");
    let corpus = CorpusRef(std::rc::Rc::new(corpus?));
    #[cfg(feature = "bench")]
    crate::bench::keep(files, corpus.clone());
    Ok(corpus)
}
