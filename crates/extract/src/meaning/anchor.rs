//! Who and which event a figure belongs to (its actor and its event), from the names found in
//! its sentence, the sentence before it in its paragraph, and the article as a whole.
//!
//! Actor, first rule that gives one:
//! 1. an organisation of the figure's own sentence standing as its agent: at the start of a
//!    clause, after "selon", "par", "que", "et", "dont" (an article may come between), or as
//!    "le président de l’APEBI"; the nearest one before the figure, else one after it. An
//!    organisation inside a complement ("gestion Technopark", "avec le CRI") is what is funded
//!    or a partner, not the actor. A person standing as agent comes after organisations;
//! 2. when the sentence points back to an institution ("l’association", "la fédération", "elle"),
//!    the agent of the sentence before it in the same paragraph;
//! 3. counts and amounts only: the organisation named in the figure's event ("Assises de
//!    l’AUSIM" → AUSIM), else the article's dominant organisation (named at least three times
//!    and at least twice as often as any other). A share is a statistic about a sector, which
//!    an article's main organisation rarely owns: it gets an actor only from its own text.
//!
//! Event: an event named in the figure's sentence, else in the sentence before it in its
//! paragraph, else the article's dominant event (named in its headline or first two paragraphs,
//! or at least twice).

use super::words::{Word, DETERMINERS, SPOKESPEOPLE};
use raqmi_model::document::{Document, Entity, EntityKind, FigureKind, ParagraphRole, Span};
use raqmi_model::text::fold;

/// What the article as a whole says about its actors and events.
pub(super) struct ArticleAnchors {
    pub dominant_org: Option<String>,
    pub dominant_event: Option<String>,
    /// Every organisation's canonical name, folded, with the name itself.
    pub orgs: Vec<(String, String)>,
}

pub(super) fn article_anchors(doc: &Document) -> ArticleAnchors {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Org) {
        match counts.iter_mut().find(|(c, _)| *c == e.canonical) {
            Some((_, n)) => *n += 1,
            None => counts.push((&e.canonical, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let dominant_org = match counts.as_slice() {
        [(name, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, m)| *n >= 2 * m) => {
            Some(name.to_string())
        }
        _ => None,
    };
    let orgs = counts
        .iter()
        .map(|(c, _)| (fold(c), c.to_string()))
        .collect();

    // The lead: the headline and the first two paragraphs of running text.
    let lead_end = doc
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Body)
        .nth(1)
        .map_or(u32::MAX, |p| p.span.end);
    let mut events: Vec<(&str, usize, bool)> = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Event) {
        let in_lead = e.span.end <= lead_end;
        match events.iter_mut().find(|(c, _, _)| *c == e.canonical) {
            Some((_, n, lead)) => {
                *n += 1;
                *lead |= in_lead;
            }
            None => events.push((&e.canonical, 1, in_lead)),
        }
    }
    let dominant_event = events
        .iter()
        .filter(|(_, n, lead)| *lead || *n >= 2)
        .max_by_key(|(_, n, _)| *n)
        .map(|(c, _, _)| c.to_string());
    ArticleAnchors {
        dominant_org,
        dominant_event,
        orgs,
    }
}

/// The sentences a figure is read with: its own and the one before it in its paragraph.
pub(super) struct Context<'a> {
    pub own: Span,
    pub own_words: &'a [Word],
    pub previous: Option<(Span, &'a [Word])>,
}

fn names_in(doc: &Document, span: Span, kind: EntityKind) -> impl Iterator<Item = &Entity> {
    doc.entities
        .iter()
        .filter(move |e| e.kind == kind && span.contains(e.span))
}

/// The index of the word an entity starts at.
fn word_at(words: &[Word], at: u32) -> Option<usize> {
    words.iter().position(|w| w.start >= at as usize)
}

/// True when the name starting at word `i` stands as the agent of its clause (see the header).
fn is_agent(words: &[Word], i: usize) -> bool {
    let mut k = i;
    // Capitalised words just before the name belong to it ("la Fondation OCP").
    while k > 0 && i - k < 3 && !words[k].after_punct && words[k - 1].capital {
        k -= 1;
    }
    if k > 0 && !words[k].after_punct && words[k - 1].is(DETERMINERS) {
        k -= 1;
    }
    if k == 0 || words[k].after_punct {
        return true;
    }
    let p = &words[k - 1];
    if p.is(&[
        "selon", "apres", "par", "que", "qu'", "et", "dont", "car", "mais", "lorsque", "quand",
    ]) {
        // "d’après": "apres" after an elided "d’".
        return !p.is(&["apres"]) || k >= 2 && words[k - 2].is(&["d'"]);
    }
    if p.is(&["pour"]) {
        return p.after_punct;
    }
    if p.is(&["de", "d'", "du", "des"]) {
        return k >= 2 && words[k - 2].is(SPOKESPEOPLE);
    }
    false
}

/// The agent of `kind` in a sentence: the nearest one before `before` (byte offset), else the
/// first one after it.
fn agent(
    doc: &Document,
    span: Span,
    words: &[Word],
    kind: EntityKind,
    before: u32,
) -> Option<String> {
    let agents: Vec<&Entity> = names_in(doc, span, kind)
        .filter(|e| word_at(words, e.span.start).is_some_and(|i| is_agent(words, i)))
        .collect();
    agents
        .iter()
        .rev()
        .find(|e| e.span.end <= before)
        .or_else(|| agents.iter().find(|e| e.span.start >= before))
        .map(|e| e.canonical.clone())
}

/// The sentence points back to an institution ("l’association", "cette fédération", "elle").
fn points_back(words: &[Word]) -> bool {
    const INSTITUTIONS: &[&str] = &[
        "association",
        "federation",
        "organisation",
        "agence",
        "groupe",
        "societe",
        "entreprise",
        "ministere",
        "office",
        "fondation",
        "universite",
        "ecole",
        "banque",
        "fonds",
        "conseil",
        "chambre",
        "structure",
        "institution",
        "operateur",
        "compagnie",
        "firme",
        "club",
        "reseau",
        "startup",
        "organisme",
        "autorite",
        "commission",
    ];
    words
        .windows(2)
        .any(|p| p[0].is(&["l'", "la", "le", "cette", "cet", "ce"]) && p[1].is(INSTITUTIONS))
        || words
            .iter()
            .any(|w| w.after_punct && w.is(&["elle", "il", "celle-ci", "celui-ci"]))
}

/// An actor or event, and whether the figure's own text names it (its sentence or the one
/// before) rather than the article as a whole.
pub(super) struct Found {
    pub name: Option<String>,
    pub named_nearby: bool,
}

/// The actor of a figure at `fig_span` of kind `kind` whose event is `event`.
pub(super) fn actor(
    doc: &Document,
    ctx: &Context,
    article: &ArticleAnchors,
    fig_span: Span,
    kind: FigureKind,
    event: Option<&str>,
) -> Found {
    let nearby = |name| Found {
        name: Some(name),
        named_nearby: true,
    };
    let at = fig_span.start;
    let own = agent(doc, ctx.own, ctx.own_words, EntityKind::Org, at)
        .or_else(|| agent(doc, ctx.own, ctx.own_words, EntityKind::Person, at));
    if let Some(own) = own {
        return nearby(own);
    }
    if points_back(ctx.own_words) {
        if let Some((span, words)) = &ctx.previous {
            if let Some(a) = agent(doc, *span, words, EntityKind::Org, span.end) {
                return nearby(a);
            }
        }
    }
    let name = if kind == FigureKind::Percent {
        None
    } else {
        article_actor(article, event)
    };
    Found {
        name,
        named_nearby: false,
    }
}

/// Rule 3 of the module header: the organisation of the event, else the article's own.
fn article_actor(article: &ArticleAnchors, event: Option<&str>) -> Option<String> {
    if let Some(event) = event {
        let folded = fold(event);
        let owner = article
            .orgs
            .iter()
            .filter(|(f, _)| contains_word(&folded, f))
            .max_by_key(|(f, _)| f.len());
        if let Some((_, name)) = owner {
            return Some(name.clone());
        }
    }
    article.dominant_org.clone()
}

/// The event of a figure read in `ctx`.
pub(super) fn event(doc: &Document, ctx: &Context, article: &ArticleAnchors) -> Found {
    let nearby = names_in(doc, ctx.own, EntityKind::Event)
        .next()
        .or_else(|| {
            let (span, _) = ctx.previous.as_ref()?;
            names_in(doc, *span, EntityKind::Event).next()
        })
        .map(|e| e.canonical.clone());
    Found {
        named_nearby: nearby.is_some(),
        name: nearby.or_else(|| article.dominant_event.clone()),
    }
}

/// `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(i, m)| {
            let before = hay[..i].chars().next_back();
            let after = hay[i + m.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}
