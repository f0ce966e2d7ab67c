//! The explorer's pure half: everything the web app shows that can be decided without a
//! browser, tested natively. The one reducer and its actions ([`state`]), the URL scheme
//! ([`url`]), the decoded corpus as the views hold it and the state -> engine filters
//! ([`corpus`]), strings in French, English and Arabic ([`i18n`]), dates in words ([`format`]),
//! loading the corpus from its data files and telling a failed file ([`loading`]), the values
//! of a result card ([`card`]), of the figures table ([`figures`], its markup in
//! [`figures_html`]), of an article's reading ([`reading`]) and of an embed's query and source
//! line ([`embed_snippet`]) with the static chart fallbacks ([`fallback`], drawn at
//! build time by `corpus fallbacks`), the CSV of what a
//! chart draws ([`drawn`]), exact decimal parsing for the URL and the range filter
//! ([`decimal`]), and the default view as static HTML ([`prerender`], written into
//! `index.html` at build time by `corpus prerender`). The yew views in the `raqmi` crate are a
//! thin layer over it.

pub mod card;
pub mod corpus;
pub mod decimal;
pub mod drawn;
pub mod embed_snippet;
pub mod fallback;
pub mod figures;
pub mod figures_html;
pub mod first;
pub mod format;
pub mod i18n;
pub mod loading;
pub mod own;
pub mod prerender;
pub mod reading;
pub mod state;
pub mod url;
