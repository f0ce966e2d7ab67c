//! Own articles, the pure half: a reader's text or files become an article to analyse, or a
//! clear refusal, and analysed own articles go to and come back from an export file.
//! - [`problem`]: every refusal, as a message key and its values; [`messages`]: its text in
//!   French, English or Arabic (`i18n/*.txt`);
//! - [`input`]: pasted text and files: size, binary, encoding (UTF-16 by its BOM,
//!   Windows-1252, Latin-1), type by extension; HTML and Markdown reduced to their text;
//! - [`html`]: HTML to text, scripts and styles dropped (nothing from the page runs);
//! - [`batch`]: many files processed in turn, with a count and every refusal kept;
//! - [`exchange`]: the export file (`corpus export`'s documents, with a format and a version)
//!   and its import, all or nothing.
//!
//! No extraction code (the web app may link this crate) and no web dependency.

pub mod batch;
pub mod exchange;
pub mod html;
pub mod input;
pub mod messages;
pub mod problem;

pub use input::Submission;
pub use problem::Problem;
