//! The analyzed-corpus data model: documents, their paragraphs and sentences, and the figures and
//! names found in them. Every other corpus module produces or consumes these types; the snapshot
//! bundled into the app is a serialization of them.
//!
//! Offsets inside the core are **byte** offsets into `Document::text` (always on `char`
//! boundaries); the CLI converts them to character offsets at its edge, as its contract requires.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FigureKind {
    Money,
    Percent,
    Count,
    Ordinal,
    Duration,
    Factor,
    Year,
}

/// What a figure is about, from its counted noun (or its kind, for money and percentages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    Budget,
    Participants,
    Members,
    Beneficiaries,
    Jobs,
    Companies,
    Share,
    Other,
}

impl Category {
    /// Every category, in declaration order (the order of facets and legends).
    pub const ALL: [Category; 8] = [
        Category::Budget,
        Category::Participants,
        Category::Members,
        Category::Beneficiaries,
        Category::Jobs,
        Category::Companies,
        Category::Share,
        Category::Other,
    ];

    /// Its spelling in the URL, the CLI and the measure key ("budget", "participants").
    pub fn name(self) -> &'static str {
        match self {
            Category::Budget => "budget",
            Category::Participants => "participants",
            Category::Members => "members",
            Category::Beneficiaries => "beneficiaries",
            Category::Jobs => "jobs",
            Category::Companies => "companies",
            Category::Share => "share",
            Category::Other => "other",
        }
    }
}

/// How exact the press says a figure is ("plus de", "environ", "moins de", "jusqu'à").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Qualifier {
    Over,
    About,
    Under,
    UpTo,
}

/// A number the article reports, normalized.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The whole expression, qualifier and counted noun included ("plus de 1100 acteurs").
    pub span: Span,
    /// Normalized value: money in the currency's base unit, percent as 0-100, counts as is.
    /// For a range ("entre 10 et 15") this is the low end and `high` the high end.
    pub value: f64,
    pub high: Option<f64>,
    pub kind: FigureKind,
    /// "MAD" / "EUR" / "USD" for money, "%" for percent, the counted noun as written for counts.
    pub unit: String,
    pub category: Category,
    pub qualifier: Option<Qualifier>,
    /// What the figure measures, who reports it, when (filled in by the extraction core's
    /// `meaning` pass once figures and names are known; empty until then).
    pub meaning: Meaning,
}

/// What a figure means: its subject, actor, event, period and the key that groups figures
/// measuring the same thing across articles. The rules are in `raqmi_extract::meaning`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meaning {
    /// A short noun phrase from the figure's sentence (at most about 8 words) naming what is
    /// counted, funded or measured ("organisations adhérentes").
    pub subject: String,
    /// The canonical organisation (or person) that reports, owns, funds or organises it.
    pub actor: Option<String>,
    /// The canonical event it belongs to ("Devoxx", "Assises de l’AUSIM").
    pub event: Option<String>,
    /// The year or month it refers to: stated in its sentence, else the article's year.
    pub period: Option<Period>,
    /// Equal for two figures measuring the same thing (anchor, subject head, category, unit):
    /// the normalisation is documented in `raqmi_extract::meaning`.
    pub measure: String,
}

/// The year, or month, a figure refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub year: u16,
    /// 1..=12 when the text names the month.
    pub month: Option<u8>,
}

impl Period {
    /// "2024" or "2024-10".
    pub fn iso(&self) -> String {
        match self.month {
            Some(m) => format!("{:04}-{:02}", self.year, m),
            None => format!("{:04}", self.year),
        }
    }
}

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Org,
    Place,
    Person,
    Program,
    Event,
}

/// A name found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
    /// The form that merges aliases ("UM6P" for "Université Mohammed VI Polytechnique").
    pub canonical: String,
    /// A person's role where the text gives it ("président de l'AUSIM").
    pub role: Option<String>,
}

/// A publication date; month and day are known only where the article gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// ISO form at the precision known: "2022", "2024-10", "2021-04-12".
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Where a date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrigin {
    /// A `date YYYY-MM` line, a "Publié dans … le DD - MM - YYYY" line, or `corpus.toml`.
    Stated,
    /// Guessed from the text (a year such as "Devoxx 2022").
    Inferred,
}

/// The role of a paragraph in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParagraphRole {
    Headline,
    /// "Publié dans Les ECO le 12 - 04 - 2021".
    Dateline,
    /// A short line standing alone inside the body.
    Subheading,
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub role: ParagraphRole,
}

/// One article, analyzed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The seed file name without its extension ("003_33d08dc07e69b5e4").
    pub id: String,
    pub headline: Option<String>,
    pub date: Option<Date>,
    pub date_origin: DateOrigin,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The article itself: metadata lines and site boilerplate removed.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
    pub figures: Vec<Figure>,
    pub entities: Vec<Entity>,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
    /// The sentence holding a span (the first one that overlaps its start).
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).copied()
    }
    /// The headline, or the first words of the text when the article has none.
    pub fn title(&self, max_chars: usize) -> String {
        if let Some(h) = &self.headline {
            return h.clone();
        }
        first_words(&self.text, max_chars)
    }
}

/// Up to `max_chars` characters of `text`, cut at a word boundary, with an ellipsis when cut.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > cut / 2 => &head[..i],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_keeps_the_known_precision() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(d(2022, None, None).iso(), "2022");
        assert_eq!(d(2024, Some(10), None).iso(), "2024-10");
        assert_eq!(d(2021, Some(4), Some(12)).iso(), "2021-04-12");
    }

    #[test]
    fn first_words_cuts_at_a_word_boundary() {
        assert_eq!(first_words("Salé — Les enjeux", 100), "Salé — Les enjeux");
        assert_eq!(first_words("un deux trois quatre", 10), "un deux…");
    }
}
