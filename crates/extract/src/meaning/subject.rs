//! A figure's subject: the short noun phrase of its own sentence that names what is counted,
//! funded or measured, and its head (the word the `measure` key compares).
//!
//! - counts, ordinals, durations: the counted noun and what follows it up to the end of the
//!   noun phrase ("acteurs clés de l’écosystème numérique marocain");
//! - percentages: the complement after "%" ("78% de l’empreinte environnementale du secteur"
//!   → "empreinte environnementale du secteur"), else the phrase before;
//! - money: what follows "pour" / "destinés à" when the amount comes first, else the phrase
//!   before the amount once its frame is dropped ("la gestion du centre de formation … pour
//!   une enveloppe budgétaire de 13, 3 millions" → "centre de formation des compétences en
//!   programmation numérique"): read right to left up to a verb ("concerne", "est liée à")
//!   or punctuation, an adjunct ("en partenariat avec le CRI") cut off, "dans le domaine de"
//!   said "en", then the last eight words.
//!
//!   A verb such as "alloué à", "concerne", "passe de" starts the phrase, so "le budget alloué
//!   à l’offshoring passe de …" is about "offshoring"; a participle opening the sentence ("Doté
//!   d’une enveloppe de …, le programme X vise …") points to the noun after the clause;
//! - a share keeps the population it is measured in ("… chez les PME").
//!
//! A figure whose sentence names nothing between it and the figure before ("passe de 310 000
//! à 722 000 dirhams", "…, contre 58 %") shares that figure's subject (in `mod.rs`).
//! A subject has at most [`MAX_WORDS`] words (elided articles do not count) and never begins or
//! ends with a function word.

use super::words::{
    is_function, Word, DETERMINERS, MONEY_FRAMES, PHRASE_END, PHRASE_START, PRENOMINAL,
};
use raqmi_model::document::{Figure, FigureKind, Span};
use raqmi_model::text::fold;

/// The longest subject, in words.
pub const MAX_WORDS: usize = 8;

/// A word of the subject being built (a substitution makes words that are not in the text).
#[derive(Clone, Debug)]
struct Piece {
    text: String,
    folded: String,
    elided: bool,
}

impl Piece {
    fn of(text: &str, w: &Word) -> Piece {
        Piece {
            text: text[w.start..w.end].to_string(),
            folded: w.folded.clone(),
            elided: w.elided,
        }
    }
    fn is_function(&self) -> bool {
        self.elided
            || DETERMINERS.contains(&self.folded.as_str())
            || ["de", "du", "des", "en", "a", "au", "aux", "et", "ou", "par"]
                .contains(&self.folded.as_str())
    }
}

/// The subject of `fig`, whose sentence's words are `words`; `others` are the spans of the
/// document's other figures (a phrase read leftwards stops at one). `None` when the sentence
/// names nothing: the caller then borrows the subject of the figure just before it ("passe de
/// 310 000 dirhams à 722 000 dirhams", "contre 58 % il y a deux ans") or says the unit.
pub(super) fn subject(text: &str, words: &[Word], fig: &Figure, others: &[Span]) -> Option<String> {
    let first = words
        .iter()
        .position(|w| w.start >= fig.span.start as usize)
        .unwrap_or(words.len());
    let after = words
        .iter()
        .position(|w| w.start >= fig.span.end as usize)
        .unwrap_or(words.len());
    // Words of another figure are not part of this one's phrase.
    let taken = |w: &Word| {
        others
            .iter()
            .any(|s| *s != fig.span && (s.start as usize) <= w.start && w.end <= s.end as usize)
    };
    let left = |money| left_phrase(text, words, first, money, &taken);
    let span_text = text.get(fig.span.range()).unwrap_or("");
    match fig.kind {
        FigureKind::Money => money_right(text, words, after)
            .or_else(|| left(true).filter(|l| !is_participle(l)))
            .or_else(|| after_the_clause(text, words, after)),
        FigureKind::Percent => {
            let pct = span_text
                .find('%')
                .map(|i| fig.span.start as usize + i + 1)
                .or_else(|| {
                    fold(span_text)
                        .contains("pour cent")
                        .then_some(fig.span.end as usize)
                });
            let k = pct.and_then(|at| words.iter().position(|w| w.start >= at));
            let next = k.and_then(|k| words.get(k)).filter(|w| !w.after_punct);
            let of = next
                .filter(|w| w.is(&["de", "d'", "du", "des"]))
                .and_then(|_| right_phrase(text, words, k? + 1));
            let subject = of.or_else(|| left(false))?;
            // The population a share is measured in: "… 74 % chez les incubateurs".
            let among = next
                .filter(|w| w.is(&["chez", "parmi"]))
                .and_then(|w| Some((w, right_phrase(text, words, k? + 1)?)));
            Some(match among {
                Some((w, who)) => {
                    let det = words.get(k? + 1).filter(|d| d.is(DETERMINERS)).map_or(
                        String::new(),
                        |d| {
                            let t = &text[d.start..d.end];
                            if d.elided {
                                t.to_string()
                            } else {
                                format!("{t} ")
                            }
                        },
                    );
                    format!("{subject} {} {det}{who}", &text[w.start..w.end])
                }
                None => subject,
            })
        }
        _ => {
            let unit = fig.unit.trim();
            let at = (!unit.is_empty())
                .then(|| span_text.rfind(unit))
                .flatten()
                .map(|i| fig.span.start as usize + i);
            at.and_then(|at| {
                let k = words.iter().position(|w| w.start >= at)?;
                right_phrase(text, words, k)
            })
            .or_else(|| left(false))
        }
    }
}

/// "Doté d’une enveloppe de …": a participle opening the sentence, whose noun comes after.
fn is_participle(phrase: &str) -> bool {
    const OPENERS: &[&str] = &[
        "dote",
        "dotee",
        "dotes",
        "dotees",
        "finance",
        "financee",
        "finances",
        "financees",
        "estime",
        "estimee",
        "evalue",
        "evaluee",
        "chiffre",
        "chiffree",
        "budgetise",
        "budgetisee",
        "avec",
    ];
    OPENERS.contains(&fold(phrase).as_str())
}

/// The noun phrase after the clause an amount ends ("Doté d’une enveloppe de 7 milliards de
/// dirhams, le programme Innov Invest vise …" → "programme Innov Invest").
fn after_the_clause(text: &str, words: &[Word], after: usize) -> Option<String> {
    let w = words.get(after)?;
    if !w.after_punct {
        return None;
    }
    right_phrase(text, words, after)
}

/// The phrase after an amount that says what it is for ("… pour la rénovation des écoles").
fn money_right(text: &str, words: &[Word], after: usize) -> Option<String> {
    let w = words.get(after)?;
    let purpose = [
        "pour",
        "destines",
        "destinees",
        "consacres",
        "consacrees",
        "dedies",
        "dediees",
        "alloues",
        "allouees",
        "affectes",
        "affectees",
    ];
    if w.after_punct || !w.is(&purpose) {
        return None;
    }
    // "pour accompagner 4 000 entreprises": a verb says what is done, not what is funded; the
    // phrase before the amount says it better. A noun here has its article ("pour la …").
    if words.get(after + 1).is_some_and(|n| {
        !n.elided
            && !n.is(DETERMINERS)
            && ["er", "ir", "re"].iter().any(|e| n.folded.ends_with(e))
            && !n.folded.ends_with("ier")
    }) {
        return None;
    }
    let mut k = after + 1;
    while words.get(k).is_some_and(|w| w.is(&["a", "au", "aux"])) {
        k += 1;
    }
    right_phrase(text, words, k)
}

/// The noun phrase starting at word `from`, read left to right.
fn right_phrase(text: &str, words: &[Word], mut from: usize) -> Option<String> {
    while words.get(from).is_some_and(is_function) {
        from += 1;
    }
    let mut pieces = Vec::new();
    for (k, w) in words.get(from..)?.iter().enumerate() {
        if k > 0 && (w.after_punct || w.is(PHRASE_END)) {
            break;
        }
        // A time ("l’an dernier", "l’année prochaine") ends the phrase too.
        let time = w.elided
            && words
                .get(from + k + 1)
                .is_some_and(|n| n.is(&["an", "annee"]));
        if w.is_number() || time || (k > 0 && looks_conjugated(&w.folded)) {
            break;
        }
        pieces.push(Piece::of(text, w));
        if counted(&pieces) >= MAX_WORDS {
            break;
        }
    }
    finish(pieces)
}

/// The noun phrase ending just before word `end`, read right to left; `money` drops the frame
/// of an amount ("pour une enveloppe budgétaire de").
fn left_phrase(
    text: &str,
    words: &[Word],
    end: usize,
    money: bool,
    taken: &dyn Fn(&Word) -> bool,
) -> Option<String> {
    let mut e = end.min(words.len());
    if money {
        let mut dropped = 0;
        while e > 0 && dropped < 6 && words[e - 1].is(MONEY_FRAMES) {
            e -= 1;
            dropped += 1;
            if words[e].after_punct {
                break;
            }
        }
    } else {
        // "… atteint 12%", "… est de 30%": the verb and its preposition go.
        while e > 0 && words[e - 1].is(&["de", "d'", "a", "par", "environ", "pres"]) {
            e -= 1;
        }
    }
    // A verb right before the amount ("Le budget … s’élève à"): the phrase is before it.
    if e > 0 && taken(&words[e - 1]) {
        return None;
    }
    while e > 0 && (words[e - 1].bounds(PHRASE_START, text) || words[e - 1].elided) {
        if words[e - 1].after_punct {
            return None;
        }
        e -= 1;
    }
    let mut a = e;
    while a > 0 {
        let w = &words[a - 1];
        // A number of no figure stays ("l’industrie 4.0"); another figure's words end it.
        if w.bounds(PHRASE_START, text) || taken(w) {
            break;
        }
        a -= 1;
        if w.after_punct {
            break;
        }
    }
    let window = &words[a..e];
    // An adjunct closes the phrase: "… Technopark en partenariat avec le CRI".
    let cut = window
        .iter()
        .enumerate()
        .position(|(i, w)| {
            i > 0
                && (w.is(&["avec", "selon", "par", "lors", "grace"])
                    || (w.is(&["en"])
                        && window
                            .get(i + 1)
                            .is_some_and(|n| n.is(&["partenariat", "collaboration"]))))
        })
        .unwrap_or(window.len());
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < cut {
        // "dans le domaine de la programmation" says "en programmation".
        let w = &window[i];
        if w.is(&["dans"])
            && window.get(i + 1).is_some_and(|n| n.is(&["le"]))
            && window.get(i + 2).is_some_and(|n| n.is(&["domaine"]))
            && window
                .get(i + 3)
                .is_some_and(|n| n.is(&["de", "d'", "du", "des"]))
        {
            pieces.push(Piece {
                text: "en".into(),
                folded: "en".into(),
                elided: false,
            });
            i += 4;
            while i < cut && window[i].is(&["la", "l'", "les"]) {
                i += 1;
            }
            continue;
        }
        pieces.push(Piece::of(text, w));
        i += 1;
    }
    // The last eight words: the most specific part of a long phrase.
    while counted(&pieces) > MAX_WORDS {
        pieces.remove(0);
    }
    finish(pieces)
}

/// Endings of conjugated verbs ("porteront", "pourrait", "disposent", "comptent"), which end
/// the phrase; "-sent" and "-tent" only from seven letters ("présent", "content" are not verbs
/// but rarely follow a counted noun).
fn looks_conjugated(folded: &str) -> bool {
    let n = folded.chars().count();
    (n > 5
        && ["eront", "iront", "ront", "raient", "rait", "aient"]
            .iter()
            .any(|e| folded.ends_with(e)))
        || (n > 6 && ["sent", "tent"].iter().any(|e| folded.ends_with(e)))
}

fn counted(pieces: &[Piece]) -> usize {
    pieces.iter().filter(|p| !p.elided).count()
}

/// Drops function words at both ends and joins the words (no space after an elision).
fn finish(mut pieces: Vec<Piece>) -> Option<String> {
    while pieces.first().is_some_and(Piece::is_function) {
        pieces.remove(0);
    }
    while pieces.last().is_some_and(Piece::is_function) {
        pieces.pop();
    }
    if pieces.is_empty() {
        return None;
    }
    let mut out = String::new();
    let mut glue = false;
    for p in &pieces {
        if !out.is_empty() && !glue && !p.text.starts_with(['.', ',']) {
            out.push(' ');
        }
        out.push_str(&p.text);
        glue = p.elided;
    }
    Some(out)
}

/// The head of a subject: its first word that is not a function word or an adjective placed
/// before the noun, folded and made singular ("jeunes boursiers" → "boursier"); members
/// ("adhérents", "organisations adhérentes", "membres") all have the head "membre".
pub fn head(subject: &str) -> String {
    let folded = fold(subject);
    // A share's population is part of what it measures: "taux d'adoption chez les PME".
    for among in [" chez ", " parmi "] {
        if let Some((what, who)) = folded.split_once(among) {
            return format!("{}{among}{}", head(what), head(who)).replace("  ", " ");
        }
    }
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| w.starts_with("adherent") || w.starts_with("membre"))
    {
        return "membre".into();
    }
    let is_link = |w: &str| {
        DETERMINERS.contains(&w) || ["de", "d", "l", "du", "des", "en", "a", "et"].contains(&w)
    };
    // An adjective placed before a noun is skipped only when a noun follows it: in "jeunes
    // en numérique", "jeunes" is the noun.
    let head = (0..words.len())
        .find(|&i| {
            let w = words[i];
            let adjective =
                PRENOMINAL.contains(&w) && words.get(i + 1).is_some_and(|n| !is_link(n));
            !(is_link(w) || adjective)
        })
        .map_or_else(|| words.last().copied().unwrap_or(""), |i| words[i]);
    singular(head)
}

fn singular(w: &str) -> String {
    const INVARIABLE: &[&str] = &[
        "pays", "fois", "mois", "prix", "cours", "taux", "frais", "poids", "temps", "corps",
        "avis", "concours", "secours", "bras",
    ];
    if w.chars().count() > 3 && (w.ends_with('s') || w.ends_with('x')) && !INVARIABLE.contains(&w) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}
