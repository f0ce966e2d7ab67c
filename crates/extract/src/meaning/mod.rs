//! What each figure means: its subject, actor, event, period and measure key
//! ([`raqmi_model::document::Meaning`]), computed once the figures and names of a document are
//! known ([`annotate`]). Pure, no I/O; each part is in its own module with its rules:
//! `subject` (the noun phrase of the figure's sentence), `anchor` (actor and event), `period`.
//!
//! The measure key is what makes figures of different articles comparable. Two figures have
//! the same key when they measure the same thing; the key is
//! `anchor|head|category|unit`, where
//! - `anchor` is the event or actor the figure's own text names (its sentence or the one
//!   before; the event first), else the article's event, else the article's actor; folded
//!   (lower case, no accents, one apostrophe), an event's years and edition numbers removed
//!   ("Devoxx 2022" → "devoxx"), so that editions of an event and years of an organisation
//!   meet;
//! - `head` is the subject's head word, folded and singular, adjectives placed before the noun
//!   skipped ("jeunes boursiers" → "boursier"); members of any wording ("adhérents",
//!   "organisations adhérentes", "membres") share the head "membre"; a share's population is
//!   part of it ("taux d’adoption chez les PME" → "taux chez pme");
//! - `category` is the figure's category in the CLI's spelling ("budget", "participants");
//! - `unit` is the currency for money, "%" for percentages, the folded unit for durations and
//!   nothing for counts (their head already says what is counted).
//!
//! A figure with neither an event nor an actor has an empty key: nothing says whose figure it
//! is, so it is compared with no other.

mod anchor;
mod period;
mod subject;
mod words;

#[cfg(test)]
mod tests;

pub use subject::{head, MAX_WORDS};

use anchor::{article_anchors, Context};
use raqmi_model::document::{Category, Document, Figure, FigureKind, Meaning, ParagraphRole, Span};
use raqmi_model::text::fold;

/// Fills in the meaning of every figure of `doc` (its figures, names, sentences, paragraphs and
/// date must be set).
pub fn annotate(doc: &mut Document) {
    if doc.figures.is_empty() {
        return;
    }
    let article = article_anchors(doc);
    let counted: Vec<Span> = doc
        .figures
        .iter()
        .filter(|f| f.kind != FigureKind::Year)
        .map(|f| f.span)
        .collect();
    // Each sentence is read into words once, however many figures it holds.
    let mut words_of: Vec<Option<Vec<words::Word>>> = vec![None; doc.sentences.len()];
    let spans: Vec<Span> = doc.figures.iter().map(|f| f.span).collect();
    let mut meanings: Vec<Meaning> = Vec::with_capacity(doc.figures.len());
    for fig in &doc.figures {
        let si = doc.sentences.partition_point(|s| s.end <= fig.span.start);
        let own = doc.sentences.get(si).copied();
        let prev = own.and_then(|own| previous_sentence(doc, si, own));
        for i in [Some(si), prev.map(|_| si - 1)].into_iter().flatten() {
            if let (Some(slot @ None), Some(&s)) = (words_of.get_mut(i), doc.sentences.get(i)) {
                *slot = Some(words::words(&doc.text, s));
            }
        }
        let lone;
        let (own, own_words) = match own.zip(words_of.get(si).and_then(Option::as_deref)) {
            Some(found) => found,
            None => {
                lone = words::words(&doc.text, fig.span);
                (fig.span, lone.as_slice())
            }
        };
        let previous = prev.zip(words_of.get(si.wrapping_sub(1)).and_then(Option::as_deref));
        let ctx = Context {
            own,
            own_words,
            previous,
        };
        let subject = subject::subject(&doc.text, own_words, fig, &spans)
            .or_else(|| {
                // "passe de 310 000 dirhams à 722 000 dirhams", "…, contre 58 %": the same thing.
                let (prev, prev_subject): (&Figure, &Meaning) = (
                    doc.figures.get(meanings.len().checked_sub(1)?)?,
                    meanings.last()?,
                );
                let gap = doc
                    .text
                    .get(prev.span.end as usize..fig.span.start as usize)?;
                let same_sentence = own.contains(prev.span);
                (same_sentence && is_connector(gap)).then(|| prev_subject.subject.clone())
            })
            .unwrap_or_else(|| fig.unit.trim().to_string());
        let event = anchor::event(doc, &ctx, &article);
        let at = fig.span;
        let actor = anchor::actor(doc, &ctx, &article, at, fig.kind, event.name.as_deref());
        let period = period::period(own_words, fig.span, doc.date, &counted);
        // What the figure's own text names wins over what the article is about.
        let anchor = if event.named_nearby {
            event.name.as_deref().map(Anchor::Event)
        } else if actor.named_nearby {
            actor.name.as_deref().map(Anchor::Actor)
        } else {
            (event.name.as_deref().map(Anchor::Event)).or(actor.name.as_deref().map(Anchor::Actor))
        };
        let measure = measure_key(anchor, &subject, fig.category, fig.kind, &fig.unit);
        let (event, actor) = (event.name, actor.name);
        meanings.push(Meaning {
            subject,
            actor,
            event,
            period,
            measure,
        });
    }
    for (fig, meaning) in doc.figures.iter_mut().zip(meanings) {
        fig.meaning = meaning;
    }
}

/// Text between two figures that makes the second a value of the same thing: "à", "contre",
/// "et", "puis", after the first figure's clause ("74 % chez les incubateurs, contre 34 %").
fn is_connector(gap: &str) -> bool {
    let clause = gap.rsplit([',', ';']).next().unwrap_or(gap);
    fold(clause)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .all(|w| ["a", "contre", "et", "puis", "ou", "face", "versus", "vs"].contains(&w))
}

/// The sentence before `own` (sentence `i`) in the same body paragraph.
fn previous_sentence(doc: &Document, i: usize, own: Span) -> Option<Span> {
    let prev = *doc.sentences.get(i.checked_sub(1)?)?;
    let para = doc
        .paragraphs
        .iter()
        .find(|p| p.span.contains(own) && p.role == ParagraphRole::Body)?;
    para.span.contains(prev).then_some(prev)
}

/// Whose figure it is, for the measure key.
#[derive(Clone, Copy, Debug)]
pub enum Anchor<'a> {
    Event(&'a str),
    Actor(&'a str),
}

/// The measure key (see the module header for its rules).
pub fn measure_key(
    anchor: Option<Anchor>,
    subject: &str,
    category: Category,
    kind: FigureKind,
    unit: &str,
) -> String {
    let anchor = match anchor {
        Some(Anchor::Event(e)) => event_anchor(e),
        Some(Anchor::Actor(a)) => fold(a.trim()),
        None => return String::new(),
    };
    let unit = match kind {
        FigureKind::Money => unit.trim().to_ascii_uppercase(),
        FigureKind::Percent => "%".into(),
        FigureKind::Count => String::new(),
        _ => head(unit),
    };
    format!("{anchor}|{}|{}|{unit}", head(subject), category.name())
}

/// An event's name without its years and edition numbers ("9ème édition du Devoxx 2022").
fn event_anchor(event: &str) -> String {
    fold(event)
        .split_whitespace()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && *w != "edition")
        .collect::<Vec<_>>()
        .join(" ")
}
