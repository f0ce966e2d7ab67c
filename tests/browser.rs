//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts into its own node,
//! yew renders, and the test reads the DOM. No sleeps beyond yielding one tick, no network.
#![cfg(target_arch = "wasm32")]

use raqmi::corpus::snapshot::Snapshot;
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("attached");
    yew::Renderer::<raqmi::app::App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
fn the_bundled_snapshot_decodes_in_the_browser() {
    let snapshot = Snapshot::decode(raqmi::BUNDLED_SNAPSHOT).expect("a valid snapshot");
    assert_eq!(snapshot.documents.len(), 5);
}

#[wasm_bindgen_test]
async fn the_app_renders_one_article_element_per_document() {
    let root = mount_app();
    yew::platform::time::sleep(Duration::ZERO).await;
    let articles = root.query_selector_all("article").expect("a query");
    assert_eq!(articles.length(), 5);
    let status = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("a status region");
    assert_eq!(status.text_content().as_deref(), Some("5 articles"));
    let times = root.query_selector_all("article time[datetime]").unwrap();
    assert_eq!(times.length(), 5);
}
