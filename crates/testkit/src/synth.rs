//! Synthetic corpora for tests and benchmarks (native only; never part of the app or of the
//! bundled corpus): deterministic French press articles about Morocco's digital economy, with
//! realistic figures ("13,3 millions de dirhams", "plus de 1 200 participants", "78 %", "une
//! centaine d'experts"), names from `data/gazetteer.tsv`, persons with roles, and the three
//! metadata styles the ingester reads (` date YYYY-MM` lines, "Publié dans X le DD - MM - YYYY"
//! datelines under a headline, a bare headline with the year inferred from the text).
//!
//! The same seed and count give byte-identical files on every machine: the generator uses its
//! own PRNG ([`SplitMix64`]), no hash maps, no clock. Used by `crates/testkit/src/bin/synth-corpus.rs`, by
//! `crates/search/benches/scale.rs` (in memory) and by the scale tests.
//!
//! Also [`seed_variants`]: real press text in bulk, the seed articles varied, for the
//! extraction throughput benchmark (`crates/extract/benches/extract.rs`).

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same sequence everywhere.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi` (the tiny modulo bias does not matter here).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// The names the generator cites, read from the gazetteer the extractor uses, so generated
/// articles exercise the same lookups as real ones.
struct Names {
    orgs: Vec<&'static str>,
    places: Vec<&'static str>,
    programs: Vec<&'static str>,
    events: Vec<&'static str>,
    first_names: Vec<&'static str>,
}

fn names() -> Names {
    let mut n = Names {
        orgs: Vec::new(),
        places: Vec::new(),
        programs: Vec::new(),
        events: Vec::new(),
        first_names: Vec::new(),
    };
    for line in raqmi_extract::entities::GAZETTEER_TSV.lines() {
        let mut fields = line.split('\t');
        let (Some(kind), Some(canonical)) = (fields.next(), fields.next()) else {
            continue;
        };
        // Names with digits ("Maroc Digital 2030") would add figures the templates did not
        // plan; they stay out so the figure mix is the templates' own.
        if canonical.is_empty() || canonical.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let list = match kind {
            "org" => &mut n.orgs,
            "place" => &mut n.places,
            "program" => &mut n.programs,
            "event" => &mut n.events,
            "firstname" => &mut n.first_names,
            _ => continue,
        };
        list.push(canonical);
    }
    n
}

const SURNAMES: &[&str] = &[
    "Benali",
    "El Amrani",
    "Bennani",
    "Alaoui",
    "Tazi",
    "Berrada",
    "Chraibi",
    "El Idrissi",
    "Benjelloun",
    "Lahlou",
    "Sqalli",
    "Kettani",
    "Ouazzani",
    "Fassi",
    "Zniber",
    "Bouzidi",
    "Haddad",
    "Mansouri",
    "Naciri",
    "Skalli",
    "Benkirane",
    "El Fassi",
    "Guessous",
    "Rami",
    "Amrani",
    "Slaoui",
    "Cherkaoui",
    "Belhaj",
    "Ziani",
    "Mernissi",
];

const ROLES: &[&str] = &[
    "président",
    "directeur général",
    "présidente",
    "directrice générale",
    "secrétaire général",
    "vice-président",
    "fondateur",
    "responsable de la transformation digitale",
    "DSI",
];

const SOURCES: &[&str] = &[
    "Le Matin",
    "Les ECO",
    "L’Economiste",
    "Médias24",
    "Le360",
    "TelQuel",
    "L’Opinion",
    "Maroc Diplomatique",
    "Aujourd’hui le Maroc",
    "La Vie éco",
    "Finances News",
    "H24info",
];

const TOPICS: &[&str] = &[
    "la transformation numérique",
    "l’intelligence artificielle",
    "la cybersécurité",
    "le cloud souverain",
    "l’inclusion financière",
    "la formation aux métiers du digital",
    "l’open data",
    "la dématérialisation des services publics",
    "l’économie des données",
    "le paiement mobile",
    "les infrastructures numériques",
    "l’offshoring",
    "la fintech",
    "la souveraineté numérique",
    "les compétences numériques",
    "l’e-gouvernement",
    "la 5G",
    "les centres de données",
    "l’entrepreneuriat innovant",
    "la cyberdéfense",
    "l’industrie 4.0",
    "la santé numérique",
    "l’agritech",
    "l’éducation numérique",
];

const STAKEHOLDERS: &[&str] = &[
    "startups",
    "PME",
    "opérateurs télécoms",
    "administrations",
    "collectivités territoriales",
    "universités",
    "investisseurs",
    "banques",
    "incubateurs",
    "grands comptes",
];

const VERBS: &[&str] = &[
    "accélérer",
    "structurer",
    "soutenir",
    "renforcer",
    "moderniser",
    "financer",
    "accompagner",
    "démocratiser",
    "sécuriser",
    "mutualiser",
];

const QUALIFIERS: &[&str] = &["plus de", "près de", "environ", "quelque", "au moins", ""];

/// Month names of generated dates ("juillet 2020"): the app's own French list.
const MONTHS: &[&str] = &raqmi_model::dates::MONTHS_FR;

/// A digit number with French thousands groups ("1 200", "45 000"), separated by a space or,
/// like some sites, a no-break space.
fn grouped(rng: &mut SplitMix64, v: u64) -> String {
    let digits = v.to_string();
    let sep = if rng.chance(20) { '\u{a0}' } else { ' ' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "13,3 millions de dirhams", "2 milliards de dirhams", "450 000 dirhams", "120 MDH".
fn budget(rng: &mut SplitMix64) -> String {
    match rng.range(0, 3) {
        0 => format!(
            "{},{} millions de dirhams",
            rng.range(1, 950),
            rng.range(1, 9)
        ),
        1 => format!("{} milliards de dirhams", rng.range(1, 12)),
        2 => {
            let v = rng.range(20, 990) * 1000;
            format!("{} dirhams", grouped(rng, v))
        }
        _ => format!("{} MDH", rng.range(5, 900)),
    }
}

/// "plus de 1 200 participants", "une centaine d’experts", "3 000 emplois".
fn count(rng: &mut SplitMix64) -> String {
    let noun = *rng.pick(&[
        "participants",
        "experts",
        "exposants",
        "visiteurs",
        "membres",
        "adhérents",
        "bénéficiaires",
        "jeunes",
        "étudiants",
        "lauréats",
        "emplois",
        "entreprises",
        "startups",
    ]);
    match rng.range(0, 5) {
        0 => {
            let word = *rng.pick(&[
                "une centaine",
                "des centaines",
                "un millier",
                "des milliers",
            ]);
            let elided = noun.starts_with(['a', 'e', 'é', 'i', 'o', 'u']);
            format!("{word} {}{noun}", if elided { "d’" } else { "de " })
        }
        _ => {
            let q = *rng.pick(QUALIFIERS);
            let n = match rng.range(0, 2) {
                0 => rng.range(12, 999),
                1 => rng.range(1, 99) * 100,
                _ => rng.range(1, 60) * 1000,
            };
            let n = grouped(rng, n);
            if q.is_empty() {
                format!("{n} {noun}")
            } else {
                format!("{q} {n} {noun}")
            }
        }
    }
}

fn percent(rng: &mut SplitMix64) -> String {
    if rng.chance(40) {
        format!("{},{} %", rng.range(1, 98), rng.range(1, 9))
    } else {
        format!("{} %", rng.range(2, 98))
    }
}

struct Ctx<'n> {
    names: &'n Names,
    year: u64,
    /// The article's main organisation, place, programme and event: repeated, as in the press.
    org: &'n str,
    place: &'n str,
    program: &'n str,
    event: &'n str,
}

fn person(rng: &mut SplitMix64, names: &Names) -> String {
    format!("{} {}", rng.pick(&names.first_names), rng.pick(SURNAMES))
}

/// One sentence: a template filled with names, figures and topics.
fn sentence(rng: &mut SplitMix64, c: &Ctx) -> String {
    let n = c.names;
    let org = if rng.chance(60) {
        c.org
    } else {
        *rng.pick(&n.orgs)
    };
    let place = if rng.chance(60) {
        c.place
    } else {
        *rng.pick(&n.places)
    };
    let topic = *rng.pick(TOPICS);
    let who = *rng.pick(STAKEHOLDERS);
    let verb = *rng.pick(VERBS);
    let s = match rng.range(0, 11) {
        0 => format!(
            "Doté d’une enveloppe de {}, le programme {} vise à {verb} {topic} à {place}.",
            budget(rng),
            c.program
        ),
        1 => format!(
            "L’édition {} de {} a réuni {} venus de {} pays.",
            c.year,
            c.event,
            count(rng),
            rng.range(3, 60)
        ),
        2 => format!(
            "Selon {}, {role} de {org}, {} des {who} interrogées ont engagé un chantier autour de {topic}.",
            person(rng, n),
            percent(rng),
            role = rng.pick(ROLES)
        ),
        3 => format!(
            "{org} annonce un investissement de {} pour {verb} {topic} d’ici {}.",
            budget(rng),
            c.year + rng.range(1, 6)
        ),
        4 => format!(
            "À {place}, {} ont été accompagnés depuis le lancement de {}.",
            count(rng),
            c.program
        ),
        5 => format!(
            "« Nous devons {verb} {topic} avec les {who} », a déclaré {}, {} de {org}.",
            person(rng, n),
            rng.pick(ROLES)
        ),
        6 => format!(
            "Le {} {} {}, {org} et ses partenaires ont signé une convention portant sur {topic}.",
            rng.range(1, 28),
            rng.pick(MONTHS),
            c.year
        ),
        7 => format!(
            "L’association compte aujourd’hui {} et prévoit {} supplémentaires en {}.",
            count(rng),
            count(rng),
            c.year + 1
        ),
        8 => format!(
            "Le taux d’adoption atteint {} chez les {who}, contre {} il y a deux ans.",
            percent(rng),
            percent(rng)
        ),
        9 => format!(
            "Pendant {} jours, {} se sont succédé à {place} pour débattre de {topic}.",
            rng.range(2, 5),
            count(rng)
        ),
        10 => format!(
            "Les {who} de la région de {place} misent sur {topic} pour {verb} leur croissance."
        ),
        _ => format!(
            "Le budget alloué à {topic} passe de {} à {} entre {} et {}.",
            budget(rng),
            budget(rng),
            c.year - 1,
            c.year
        ),
    };
    // French contractions after "de" and "à" ("de les" is "des").
    s.replace(" de les ", " des ")
        .replace(" de le ", " du ")
        .replace(" à les ", " aux ")
        .replace(" à le ", " au ")
}

/// Article `i` of the corpus of `seed`: its file name (without `.txt`) and text.
pub fn article(seed: u64, i: u32) -> (String, String) {
    let names = names();
    article_with(&names, seed, i)
}

fn article_with(names: &Names, seed: u64, i: u32) -> (String, String) {
    // One independent stream per article: article i does not depend on the count.
    let mut rng = SplitMix64::new(seed ^ (u64::from(i) + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let year = rng.range(2015, 2025);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let org = *rng.pick(&names.orgs);
    let place = *rng.pick(&names.places);
    let program = *rng.pick(&names.programs);
    let event = *rng.pick(&names.events);
    let c = Ctx {
        names,
        year,
        org,
        place,
        program,
        event,
    };
    let headline = format!(
        "{} : {} mise sur {} à {}",
        c.event,
        c.org,
        rng.pick(TOPICS),
        c.place
    );
    let mut paragraphs: Vec<String> = Vec::new();
    for _ in 0..rng.range(4, 7) {
        let mut p = String::new();
        for k in 0..rng.range(3, 4) {
            if k > 0 {
                p.push(' ');
            }
            p.push_str(&sentence(&mut rng, &c));
        }
        paragraphs.push(p);
    }
    let mut text = String::new();
    match rng.range(0, 2) {
        // Like the seeds' first articles: a date line, the text on the same line.
        0 => {
            let _ = write!(text, " date {year}-{month:02} ");
        }
        // A headline, then a dateline naming the source and the full date.
        1 => {
            let _ = writeln!(
                text,
                "{headline}\nPublié dans {} le {day:02} - {month:02} - {year}\n",
                rng.pick(SOURCES)
            );
        }
        // A bare headline: the year is inferred from "<event> <year>" in the first paragraph.
        _ => {
            let _ = writeln!(text, "{headline}\n");
            paragraphs[0] = format!(
                "En marge de {} {year}, {}",
                c.event,
                lower_first(&paragraphs[0])
            );
        }
    }
    text.push_str(&paragraphs.join("\n\n"));
    text.push('\n');
    (format!("{i:05}_synth"), text)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep capitals of names and acronyms ("L’AUSIM" stays, "Le" becomes "le").
        Some(c)
            if chars
                .clone()
                .next()
                .is_some_and(|d| d.is_lowercase() || d == '’') =>
        {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

/// The whole corpus of `count` articles, in id order.
pub fn corpus(seed: u64, count: u32) -> Vec<(String, String)> {
    let names = names();
    (0..count).map(|i| article_with(&names, seed, i)).collect()
}

/// Writes the corpus as `DIR/<id>.txt`, creating the directory and removing `.txt` files a
/// previous, larger run left there (so the directory is exactly this corpus).
pub fn write_corpus(dir: &Path, seed: u64, count: u32) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let articles = corpus(seed, count);
    let keep: std::collections::BTreeSet<String> =
        articles.iter().map(|(id, _)| format!("{id}.txt")).collect();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && !keep.contains(&name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    let mut bytes = 0;
    for (id, text) in &articles {
        std::fs::write(dir.join(format!("{id}.txt")), text)?;
        bytes += text.len();
    }
    Ok(bytes)
}

/// About `target_bytes` of real press text for throughput measurements: the seed articles
/// (`seeds/*.txt`, in name order), round after round until the total reaches `target_bytes`
/// (the last round is whole), round `k` holding variant `k` of each seed: its digits rotated by
/// `k` and its body lines rotated by `k`, so the numbers and the text around them vary. The
/// metadata lines (the first line, with its date marker or headline, and the "Publié dans … le
/// DD - MM - YYYY" dateline) stay as they are, so every variant still ingests. The output only
/// depends on the seeds, so throughput figures stay comparable from run to run.
pub fn seed_variants(target_bytes: usize) -> Vec<String> {
    let seeds = seed_texts();
    assert!(!seeds.is_empty(), "no seed article in seeds/");
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0;
    while total < target_bytes {
        for s in &seeds {
            let v = seed_variant(s, k);
            total += v.len();
            out.push(v);
        }
        k += 1;
    }
    out
}

/// The text of every `seeds/*.txt`, in name order.
fn seed_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(crate::seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Variant `k` of an article (see [`seed_variants`]).
fn seed_variant(text: &str, k: usize) -> String {
    let rotate_digits = |line: &str| -> String {
        line.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + k as u32) % 10, 10).unwrap(),
                None => c,
            })
            .collect()
    };
    let mut lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.trim_start().starts_with("Publié dans") {
                l.to_string()
            } else {
                rotate_digits(l)
            }
        })
        .collect();
    if lines.len() > 2 {
        let n = lines.len() - 1;
        lines[1..].rotate_left(k % n);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_extract::ingest::{ingest_text, Overrides};

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        assert_eq!(corpus(42, 30), corpus(42, 30));
        assert_ne!(corpus(42, 5), corpus(43, 5));
        // Article i does not depend on how many are generated.
        assert_eq!(corpus(42, 3)[..], corpus(42, 10)[..3]);
    }

    #[test]
    fn seed_variants_vary_the_seeds_but_not_their_metadata_lines() {
        let seeds = seed_texts();
        let variants = seed_variants(200_000);
        let total: usize = variants.iter().map(String::len).sum();
        let last_round: usize = variants[variants.len() - seeds.len()..]
            .iter()
            .map(String::len)
            .sum();
        assert!(total >= 200_000 && total - last_round < 200_000, "{total}");
        assert_eq!(variants.len() % seeds.len(), 0);
        // Round 0 is the seeds themselves; later rounds differ but keep the metadata lines.
        for (i, v) in variants.iter().enumerate() {
            let seed = &seeds[i % seeds.len()];
            if i < seeds.len() {
                assert_eq!(*v, seed.lines().collect::<Vec<_>>().join("\n"));
            } else {
                assert_ne!(*v, variants[i % seeds.len()]);
            }
            assert_eq!(v.lines().next(), seed.lines().next());
            for line in seed
                .lines()
                .filter(|l| l.trim_start().starts_with("Publié dans"))
            {
                assert!(v.lines().any(|l| l == line), "{line}");
            }
        }
    }

    #[test]
    fn articles_are_a_few_kilobytes() {
        let c = corpus(7, 200);
        let avg = c.iter().map(|(_, t)| t.len()).sum::<usize>() / c.len();
        assert!((1500..=5000).contains(&avg), "average {avg} bytes");
    }

    #[test]
    fn generated_articles_ingest_with_figures_entities_and_dates() {
        for (id, text) in corpus(42, 100) {
            let doc = ingest_text(&id, &id, &text, &Overrides::default())
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(
                doc.figures.len() >= 3,
                "{id}: {} figures",
                doc.figures.len()
            );
            assert!(
                doc.entities.len() >= 3,
                "{id}: {} names",
                doc.entities.len()
            );
            assert!(doc.date.is_some(), "{id}: no date\n{text}");
        }
    }
}
