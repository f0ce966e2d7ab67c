//! Fixture builders shared by every crate's tests: the repository's paths, the seed articles
//! (as text or analysed), and documents made from a text (through the real ingester) or field by
//! field, with figures that carry the sentence reporting them.

use raqmi_model::document::{
    Category, Date, DateOrigin, Document, Entity, EntityKind, Figure, FigureKind, Qualifier, Span,
};
use std::path::PathBuf;

/// The repository's root (this crate lives in `crates/testkit`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

/// The bundled corpus: `seeds/`.
pub fn seeds_dir() -> PathBuf {
    repo_root().join("seeds")
}

/// A file of `tests/fixtures/` (hand-checked facts, extra articles).
pub fn fixture_path(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// The text of one seed article as it is on disk (`file` is its name in `seeds/`), for tests
/// that read a seed without the ingester.
pub fn seed_text(file: &str) -> String {
    let path = seeds_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed articles analysed, in the order `corpus check` lists them.
pub fn seed_documents() -> Vec<Document> {
    raqmi_extract::load::load_dir(&seeds_dir()).unwrap_or_else(|errors| {
        panic!(
            "the seeds do not load:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// `docs` as the snapshot (and the data files' packs, which use its layout) carry them: whole,
/// since snapshot format 6 ships the measure key too (crates/search/src/snapshot/mod.rs). Kept
/// for the tests that compare decoded documents with analysed ones, so that they say so.
pub fn as_shipped(docs: Vec<Document>) -> Vec<Document> {
    docs
}

/// An article analysed from its text, as the build does (`id` doubles as the path in messages).
pub fn article(id: &str, text: &str) -> Document {
    raqmi_extract::ingest::ingest_text(id, id, text, &Default::default())
        .unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// A document built field by field, for tests that need exact figures, names or dates without
/// going through extraction. Start with [`doc`]; anything not set is empty (no headline, date,
/// source, names or figures).
#[derive(Clone, Debug)]
pub struct DocBuilder {
    doc: Document,
}

/// A document with this id, to be filled in (see [`DocBuilder`]).
pub fn doc(id: &str) -> DocBuilder {
    DocBuilder {
        doc: Document {
            id: id.to_string(),
            headline: None,
            date: None,
            date_origin: DateOrigin::Stated,
            source: None,
            url: None,
            text: String::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            figures: Vec::new(),
            entities: Vec::new(),
        },
    }
}

impl DocBuilder {
    pub fn headline(mut self, headline: &str) -> Self {
        self.doc.headline = Some(headline.to_string());
        self
    }

    /// A stated date (`date(2024, Some(10), None)` is October 2024).
    pub fn date(mut self, year: u16, month: Option<u8>, day: Option<u8>) -> Self {
        self.doc.date = Some(Date { year, month, day });
        self.doc.date_origin = DateOrigin::Stated;
        self
    }

    /// A date guessed from the text.
    pub fn inferred_date(mut self, year: u16) -> Self {
        self.doc.date = Some(Date {
            year,
            month: None,
            day: None,
        });
        self.doc.date_origin = DateOrigin::Inferred;
        self
    }

    pub fn source(mut self, source: &str) -> Self {
        self.doc.source = Some(source.to_string());
        self
    }

    /// Appends a sentence (and a space) to the text.
    pub fn sentence(mut self, sentence: &str) -> Self {
        self.push_sentence(sentence);
        self
    }

    /// Appends a sentence that reports `figure`: the figure's span is the whole sentence, so
    /// that a chart's point leads back to exactly this sentence.
    pub fn figure_sentence(mut self, sentence: &str, mut figure: Figure) -> Self {
        figure.span = self.push_sentence(sentence);
        self.doc.figures.push(figure);
        self
    }

    /// Appends each figure's sentence, as [`DocBuilder::figure_sentence`] does, in order.
    pub fn figures(mut self, figures: impl IntoIterator<Item = FigureBuilder>) -> Self {
        for f in figures {
            self = self.figure_sentence(&f.sentence, f.figure);
        }
        self
    }

    /// Adds a figure as given (its span is not checked against the text).
    pub fn figure(mut self, figure: Figure) -> Self {
        self.doc.figures.push(figure);
        self
    }

    /// Adds a name (its span is `0..1`: for tests of filters and counts, not of highlighting).
    pub fn entity(mut self, kind: EntityKind, canonical: &str) -> Self {
        self.doc.entities.push(entity(kind, canonical));
        self
    }

    pub fn build(self) -> Document {
        self.doc
    }

    fn push_sentence(&mut self, sentence: &str) -> Span {
        let start = self.doc.text.len();
        self.doc.text.push_str(sentence);
        let span = Span::new(start, self.doc.text.len());
        self.doc.text.push(' ');
        self.doc.sentences.push(span);
        span
    }
}

/// A figure with no qualifier, whose unit follows its kind (`MAD` for money, `%` for percent,
/// "personnes" for counts) and whose span is `0..1`; change the fields a test cares about.
pub fn figure(kind: FigureKind, value: f64, category: Category) -> Figure {
    let unit = match kind {
        FigureKind::Money => "MAD",
        FigureKind::Percent => "%",
        FigureKind::Count => "personnes",
        _ => "",
    };
    Figure {
        span: Span::new(0, 1),
        value,
        high: None,
        kind,
        unit: unit.to_string(),
        category,
        qualifier: None,
        meaning: Default::default(),
    }
}

/// A figure and the sentence that reports it, for [`DocBuilder::figures`]. Start from [`money`],
/// [`count`] or [`percent`] and change what a test cares about, with the setters or the fields.
#[derive(Clone, Debug)]
pub struct FigureBuilder {
    /// The figure (its span is set when a document takes it).
    pub figure: Figure,
    pub sentence: String,
}

/// An amount of `value` MAD, a budget, reported by "Le budget atteint {value} dirhams.".
pub fn money(value: f64) -> FigureBuilder {
    FigureBuilder {
        figure: figure(FigureKind::Money, value, Category::Budget),
        sentence: format!("Le budget atteint {value} dirhams."),
    }
}

/// A count of `value` `unit` ("participants", "emplois") in `category`, reported by "On compte
/// {value} {unit}.".
pub fn count(value: f64, category: Category, unit: &str) -> FigureBuilder {
    let mut figure = figure(FigureKind::Count, value, category);
    figure.unit = unit.to_string();
    FigureBuilder {
        figure,
        sentence: format!("On compte {value} {unit}."),
    }
}

/// A percentage, a share, reported by "La part est de {value} %.".
pub fn percent(value: f64) -> FigureBuilder {
    FigureBuilder {
        figure: figure(FigureKind::Percent, value, Category::Share),
        sentence: format!("La part est de {value} %."),
    }
}

impl FigureBuilder {
    /// "plus de", "environ"…
    pub fn qualifier(mut self, qualifier: Qualifier) -> Self {
        self.figure.qualifier = Some(qualifier);
        self
    }

    /// A range from the figure's value up to `high`.
    pub fn range(mut self, high: f64) -> Self {
        self.figure.high = Some(high);
        self
    }

    /// Another unit ("EUR" for an amount in euros).
    pub fn unit(mut self, unit: &str) -> Self {
        self.figure.unit = unit.to_string();
        self
    }

    /// Another sentence to report the figure.
    pub fn sentence(mut self, sentence: &str) -> Self {
        self.sentence = sentence.to_string();
        self
    }
}

/// A name of this kind, spanning `0..1`, with no role.
pub fn entity(kind: EntityKind, canonical: &str) -> Entity {
    Entity {
        span: Span::new(0, 1),
        kind,
        canonical: canonical.to_string(),
        role: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_sentence_spans_its_sentence() {
        let d = doc("d1")
            .headline("Titre")
            .date(2024, Some(10), None)
            .sentence("Une phrase.")
            .figure_sentence(
                "Un budget de 13,3 millions de dirhams.",
                figure(FigureKind::Money, 13.3e6, Category::Budget),
            )
            .entity(EntityKind::Org, "AUSIM")
            .build();
        assert_eq!(
            d.slice(d.figures[0].span),
            "Un budget de 13,3 millions de dirhams."
        );
        assert_eq!(d.sentence_of(d.figures[0].span), Some(d.figures[0].span));
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.entities[0].canonical, "AUSIM");
        assert_eq!(d.date.map(|x| x.iso()), Some("2024-10".to_string()));
    }

    #[test]
    fn figures_come_with_their_sentences_in_order() {
        let d = doc("d2")
            .figures([
                money(2e6).qualifier(Qualifier::Over).range(3e6),
                count(40.0, Category::Members, "membres").sentence("Quarante membres."),
                percent(12.5).unit("points"),
            ])
            .build();
        let sentences: Vec<&str> = d.figures.iter().map(|f| d.slice(f.span)).collect();
        assert_eq!(
            sentences,
            [
                "Le budget atteint 2000000 dirhams.",
                "Quarante membres.",
                "La part est de 12.5 %."
            ]
        );
        assert_eq!(d.sentences.len(), 3);
        let f = &d.figures[0];
        assert_eq!((f.qualifier, f.high), (Some(Qualifier::Over), Some(3e6)));
        assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Money, "MAD"));
        assert_eq!(d.figures[1].unit, "membres");
        assert_eq!(d.figures[2].unit, "points");
    }

    #[test]
    fn the_seeds_load_and_an_article_is_analysed() {
        assert_eq!(seed_documents().len(), 5);
        assert!(seed_text("004_1a904081dba04b63.txt").contains("Digitalisation : l'APEBI"));
        let a = article("a", "Le Maroc annonce 120 participants à Rabat.");
        assert_eq!(a.figures.len(), 1);
    }
}
