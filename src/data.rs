//! Fetching the corpus's data files (wasm32 only; `raqmi_explorer::loading` says which, and
//! `corpus data` wrote them beside the app at build time). Same origin only: the URLs are
//! relative to the page. By need: at start the manifest, then what the URL's view reads (the
//! tables, the text files of its cards; [`load`]); later what each view asks for ([`update`],
//! from the root: the term shards of a query, the figures table, the text files of the cards
//! shown, the text file and pack of the article read). The downloads run together, at most
//! [`IN_FLIGHT`] at once (the rest wait their turn). The manifest is revalidated with the
//! server (its name never changes); the other files are named after their content. Each file
//! is checked against the manifest (hash, format) before it is used, so a half-deployed server
//! or a truncated download gives a [`LoadFailure`], never a mix: every file completes the very
//! manifest the page started with. The files added so far live here ([`base`], [`for_query`]
//! make the views' corpus of them).

use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::loading::{self, file_url, LoadFailure, FIRST_CARDS};
use raqmi_explorer::url::ViewState;
use raqmi_search::files::{FileKind, FileRef, ShardedCorpus, MANIFEST_NAME};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The data files added so far, and the corpus they make (none: files were added since).
struct Files {
    sharded: ShardedCorpus,
    base: Option<CorpusRef>,
    /// How many files were added: what the root's corpus is made again for.
    added: u32,
}

/// What the root asked for last ([`update`]), and whether a loop is fetching for it.
#[derive(Default)]
struct Wanted {
    request: Option<(ViewState, Vec<u32>)>,
    running: bool,
    /// Told after each round: how many files were added so far, or what failed (one callback
    /// type, not two, in the wasm).
    told: Option<yew::Callback<Result<u32, LoadFailure>>>,
    /// What the root asked for last, with its count of retries ([`asks`]).
    asked: Option<(ViewState, Vec<u32>, u32)>,
    /// How many requests [`update`] was given: a round of downloads started for an earlier
    /// one starts no more files ([`fetch`]).
    requests: u32,
}

thread_local! {
    static FILES: RefCell<Option<Files>> = const { RefCell::new(None) };
    static WANTED: RefCell<Wanted> = RefCell::new(Wanted::default());
    /// The root's corpus ([`base_for`]), with the count of arrivals it was made for.
    static ROOT: RefCell<Option<(u32, Option<CorpusRef>)>> = const { RefCell::new(None) };
    /// The root's corpus for its query ([`corpus_for`]), with what it was made of.
    static QUERIED: RefCell<Option<(CorpusRef, String, CorpusRef)>> = const { RefCell::new(None) };
}

/// Waits for a started `fetch` and reads its body.
async fn bytes_of(request: js_sys::Promise, file: &str) -> Result<Vec<u8>, LoadFailure> {
    // Each failure but an error status is the network's: one place builds it.
    let response = JsFuture::from(request).await.ok();
    let response = response.and_then(|r| r.dyn_into::<web_sys::Response>().ok());
    let body = match &response {
        Some(r) if !r.ok() => {
            return Err(LoadFailure::Status {
                file: file.to_string(),
                status: r.status(),
            })
        }
        Some(r) => r.array_buffer().ok(),
        None => None,
    };
    let buffer = match body {
        Some(body) => JsFuture::from(body).await.ok(),
        None => None,
    };
    match buffer {
        Some(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        None => Err(LoadFailure::Network {
            file: file.to_string(),
        }),
    }
}

/// How many data files are downloading at once, at most. Browsers refuse a burst of thousands
/// (Chromium: `ERR_INSUFFICIENT_RESOURCES`, which broke a 100 000-article start), and over
/// HTTP/1.1 a host serves six at a time anyway; the rest wait their turn.
pub const IN_FLIGHT: usize = 6;

/// Fetches `wanted`, at most [`IN_FLIGHT`] at once, and adds each to the files (short borrows:
/// the views read them meanwhile). For `round`, the count of requests when [`fetch_wanted`]
/// began it: once [`update`] has had a newer one, no more files start; those under way are
/// read and added, and the loop asks again for what the newer view needs (a view left behind
/// fetched on: a phrase's texts kept arriving, each one a render, while the reader typed on).
async fn fetch(wanted: Vec<FileRef>, round: Option<u32>) -> Result<(), LoadFailure> {
    let name = |r| with_files(|f| f.sharded.manifest().name(r)).unwrap_or_default();
    let window = gloo::utils::window();
    // With an empty init: the same import as the manifest's fetch (one less in the glue).
    let init = web_sys::RequestInit::new();
    // Started in order, [`IN_FLIGHT`] ahead of the one read (no queue type of its own in the
    // wasm); read in order: a file read frees its place for the next (one that finished early
    // waits read, not downloading).
    let mut started: Vec<js_sys::Promise> = Vec::with_capacity(wanted.len());
    for (i, &r) in wanted.iter().enumerate() {
        let current = round.is_none_or(|n| WANTED.with(|w| w.borrow().requests) == n);
        while current && started.len() < wanted.len().min(i + IN_FLIGHT) {
            let url = file_url(&name(wanted[started.len()]));
            started.push(window.fetch_with_str_and_init(&url, &init));
        }
        // Taken (`undefined` left in its place): its handle is released once read (a start of
        // thousands of files).
        let placeholder = js_sys::Promise::unchecked_from_js(wasm_bindgen::JsValue::UNDEFINED);
        let Some(request) = started
            .get_mut(i)
            .map(|p| std::mem::replace(p, placeholder))
        else {
            break;
        };
        let name = name(r);
        let bytes = bytes_of(request, &name).await?;
        with_files(|f| {
            f.base = None;
            f.added += 1;
            f.sharded.add(r, &bytes)
        })
        .unwrap_or(Ok(()))
        .map_err(LoadFailure::Data)?;
    }
    Ok(())
}

fn with_files<T>(f: impl FnOnce(&mut Files) -> T) -> Option<T> {
    FILES.with(|files| files.borrow_mut().as_mut().map(f))
}

/// The files `view` still needs (`loading::needs`; before its first results, with `first`,
/// `loading::needs_first`).
fn needs(view: &ViewState, docs: &[u32], first: bool) -> Vec<FileRef> {
    with_files(|f| match first {
        true => loading::needs_first(&mut f.sharded, view, docs),
        false => loading::needs(&mut f.sharded, view, docs),
    })
    .unwrap_or_default()
}

/// Resolves once what is on the page now has been painted: in a task after the second
/// animation frame from now (the first may come before the latest render's commit reaches the
/// page), so that what waits for it neither delays that paint nor competes with it for the
/// network.
async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        let second = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        });
        let first = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = gloo::utils::window().request_animation_frame(second.unchecked_ref());
        });
        let _ = window.request_animation_frame(first.unchecked_ref());
    });
    let _ = JsFuture::from(painted).await;
}

/// The corpus of the files added so far (`loading::base_corpus`), made once per arrival; none
/// before the tables (or in the benchmark's build, which loads the whole corpus at once).
pub fn base() -> Option<CorpusRef> {
    with_files(|f| {
        if f.base.is_none() {
            let made = loading::base_corpus(&mut f.sharded).ok();
            f.base = made.map(|c| CorpusRef(Rc::new(c)));
        }
        f.base.clone()
    })
    .flatten()
}

/// The root's corpus after `arrived` files were added: [`base`], made again only when
/// `arrived` changes (the root renders in between with the same corpus, as files of a round
/// arrive).
pub fn base_for(arrived: u32) -> Option<CorpusRef> {
    ROOT.with(|root| {
        let mut root = root.borrow_mut();
        if root.as_ref().is_none_or(|(n, _)| *n != arrived) {
            *root = Some((arrived, base()));
        }
        root.as_ref().and_then(|(_, b)| b.clone())
    })
}

/// `base` for `query` (`loading::for_query`): itself when it answers already, else with the
/// index of the query's words; none while their files are missing.
pub fn for_query(base: &CorpusRef, query: &str) -> Option<CorpusRef> {
    if loading::answers(base, query) {
        return Some(base.clone());
    }
    // The own articles' corpus holds its files (all of them: `raqmi_explorer::own`).
    if let Some(files) = &base.files {
        return loading::for_query(base, &mut files.borrow_mut(), query)
            .ok()
            .map(|c| CorpusRef(Rc::new(c)));
    }
    with_files(|f| loading::for_query(base, &mut f.sharded, query).ok())
        .flatten()
        .map(|c| CorpusRef(Rc::new(c)))
}

/// The root's corpus for `query`: [`for_query`] of `joined` (`joined` itself while the
/// query's files are missing), made again only when either changes.
pub fn corpus_for(joined: &CorpusRef, query: &str) -> CorpusRef {
    QUERIED.with(|q| {
        let mut q = q.borrow_mut();
        match &*q {
            Some((j, text, made)) if j == joined && text == query => made.clone(),
            _ => {
                let made = for_query(joined, query).unwrap_or_else(|| joined.clone());
                *q = Some((joined.clone(), query.to_string(), made.clone()));
                made
            }
        }
    })
}

/// The corpus of this build at start, with what the URL's view reads: the tables, the term
/// shards of its query, the text files of its cards (`AppState::new`'s first page), the figures
/// table when it reads it. The app asks for the rest as the views change ([`update`]).
pub async fn load() -> Result<CorpusRef, LoadFailure> {
    let window = gloo::utils::window();
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let manifest = window.fetch_with_str_and_init(&file_url(MANIFEST_NAME), &init);
    let manifest = bytes_of(manifest, MANIFEST_NAME).await?;
    let sharded = ShardedCorpus::from_manifest(&manifest).map_err(LoadFailure::Data)?;
    FILES.with(|f| {
        *f.borrow_mut() = Some(Files {
            sharded,
            base: None,
            added: 0,
        })
    });
    // The benchmark searches at once: the whole corpus (a build the app never ships).
    #[cfg(feature = "bench")]
    {
        let wanted = with_files(|f| f.sharded.missing_for_whole()).unwrap_or_default();
        fetch(wanted, None).await?;
        super::view::mark("raqmi:decode-start");
        let files = FILES.with(|f| f.borrow_mut().take()).expect("set above");
        let corpus = loading::corpus_of(&files.sharded).map_err(|need| LoadFailure::Network {
            file: need
                .0
                .first()
                .map_or_else(String::new, |&r| files.sharded.manifest().name(r)),
        })?;
        super::view::mark("raqmi:decoded");
        let corpus = CorpusRef(Rc::new(corpus));
        crate::bench::keep(files.sharded, corpus.clone());
        Ok(corpus)
    }
    #[cfg(not(feature = "bench"))]
    {
        let search = super::dom::location_search();
        let (view, notices) = raqmi_explorer::url::parse(&search);
        let mut shown = raqmi_explorer::state::AppState::new(view.clone(), notices).shown;
        if !search.is_empty() {
            shown = shown.min(FIRST_CARDS);
        }
        let mut docs = Vec::new();
        loop {
            let need = needs(&view, &docs, true);
            if !need.is_empty() {
                fetch(need, None).await?;
                continue;
            }
            super::view::mark("raqmi:decode-start");
            let corpus = base().and_then(|b| for_query(&b, &view.q));
            super::view::mark("raqmi:decoded");
            let Some(corpus) = corpus else {
                return Err(LoadFailure::Network {
                    file: MANIFEST_NAME.to_string(),
                });
            };
            let results = corpus.find(&view.q, &raqmi_explorer::corpus::filters(&view));
            docs = loading::shown_docs(&corpus, &view, &results, shown);
            if docs.is_empty() {
                return Ok(corpus);
            }
        }
    }
}

/// Whether the root asks for something new: a view, shown documents or a retry (`retry`
/// counts them) other than the last time; it then calls [`update`].
pub fn asks(view: &ViewState, docs: &[u32], retry: u32) -> bool {
    WANTED.with(|w| {
        let mut w = w.borrow_mut();
        let same = w
            .asked
            .as_ref()
            .is_some_and(|(v, d, r)| v == view && d == docs && *r == retry);
        if !same {
            w.asked = Some((view.clone(), docs.to_vec(), retry));
        }
        !same
    })
}

/// Asks for the files the view of `view` needs, `docs` being its shown documents
/// (`loading::shown_docs`): fetched in the background, in rounds, for the latest request only;
/// `told` after each round that added files, with how many were added since the start (the
/// root then makes its corpus again), or with what failed (a file can be asked for again;
/// what arrived is kept).
#[inline(never)]
pub fn update(view: ViewState, docs: Vec<u32>, told: yew::Callback<Result<u32, LoadFailure>>) {
    let start = WANTED.with(|w| {
        let mut w = w.borrow_mut();
        w.request = Some((view, docs));
        w.requests = w.requests.wrapping_add(1);
        w.told = Some(told);
        !std::mem::replace(&mut w.running, true)
    });
    if start {
        yew::platform::spawn_local(fetch_wanted());
    }
}

/// The loop of [`update`]: the latest request's files, until it needs none. In two steps, as
/// [`load`] does: what the view's first results need (`loading::needs_first` for its first
/// [`FIRST_CARDS`] cards), then, once those are painted, the rest (the other cards' text, the
/// facet counts).
async fn fetch_wanted() {
    // The run starts after a render, whose view `load` or an earlier run completed.
    let mut paint_first = true;
    // The request whose view was painted before its cards' texts were asked for.
    let mut painted = None;
    loop {
        let (request, round) = WANTED.with(|w| {
            let w = w.borrow();
            (w.request.clone(), w.requests)
        });
        let Some((view, docs)) = request else { break };
        let first = &docs[..docs.len().min(FIRST_CARDS)];
        let mut need = needs(&view, first, true);
        // Cards' texts are asked for once their view is painted: starting six downloads took
        // a keystroke's frame 2 ms (Chromium's fetch), and a view typed past meanwhile needs
        // none. What the results themselves need (term files, tables) starts at once.
        let texts_only = need.iter().all(|r| r.kind == FileKind::Text);
        if !need.is_empty() && texts_only && painted != Some(round) {
            painted = Some(round);
            after_paint().await;
            continue;
        }
        if need.is_empty() {
            need = needs(&view, &docs, false);
            if !need.is_empty() && std::mem::take(&mut paint_first) {
                // Asked again after the paint: the view may have changed meanwhile.
                after_paint().await;
                continue;
            }
        } else {
            paint_first = true;
        }
        if need.is_empty() {
            let newer = WANTED.with(|w| {
                let mut w = w.borrow_mut();
                let newer = w.request.as_ref() != Some(&(view, docs));
                if !newer {
                    w.request = None;
                }
                newer
            });
            if newer {
                continue;
            }
            break;
        }
        let fetched = fetch(need, Some(round)).await;
        let failed = fetched.is_err();
        if failed {
            WANTED.with(|w| w.borrow_mut().request = None);
        }
        let told = WANTED.with(|w| w.borrow().told.clone());
        if let Some(told) = told {
            told.emit(fetched.map(|()| with_files(|f| f.added).unwrap_or_default()));
        }
        if failed {
            break;
        }
    }
    WANTED.with(|w| w.borrow_mut().running = false);
}
