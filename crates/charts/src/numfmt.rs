//! French number formatting for the charts: money ("13,3 M MAD", "7,9 Md MAD", "850 k MAD",
//! "1 200 MAD"), counts ("1 100", "2,5 millions"), percentages ("12,5 %"), and the qualifier
//! wording ("plus de 1 100", "≈ 100"). Pure functions; the chart labels, the table rows and the
//! exports all go through here so that a number reads the same everywhere.
//!
//! Spaces are plain ASCII spaces (the UI keeps number cells on one line with CSS `nowrap`);
//! non-finite numbers read "n. d." instead of panicking or printing "NaN".

use raqmi_model::document::Qualifier;

/// What a number measures, for formatting purposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount in MAD.
    Money,
    /// A head count (participants, jobs, articles…).
    Count,
    /// A percentage, 0–100.
    Percent,
}

/// What a non-finite number reads as.
pub const NOT_AVAILABLE: &str = "n. d.";

/// Digits of the integer part grouped by three with spaces: 1200 -> "1 200".
fn group_digits(int_part: &str) -> String {
    let digits: Vec<char> = int_part.chars().collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(*c);
    }
    out
}

/// A non-negative finite number with at most `decimals` decimals, trailing zeros dropped,
/// comma as decimal separator and grouped thousands: 13.27 (1) -> "13,3"; 850.0 -> "850".
fn plain(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s.as_str(), ""),
    };
    let mut out = String::new();
    // "-0" must not appear: the sign is kept only when something non-zero remains.
    if v < 0.0 && (int_part.chars().any(|c| c != '0') || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(&group_digits(int_part));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A number scaled into a unit ("k", "M", "Md") and its display digits; the unit step goes up
/// when rounding reaches 1000 (999 999 -> "1 M", not "1 000 k").
fn scaled(v: f64, units: &[Unit]) -> (String, &'static str) {
    let a = v.abs();
    let mut idx = None;
    for (i, unit) in units.iter().enumerate() {
        if a >= unit.from {
            idx = Some(i);
        }
    }
    let Some(mut i) = idx else {
        // Below the first unit: whole numbers, one decimal for small fractional ones.
        let decimals = if a < 100.0 { 1 } else { 0 };
        return (plain(v, decimals), "");
    };
    loop {
        let Unit { factor, name, .. } = units[i];
        let x = v / factor;
        let decimals = if x.abs() < 100.0 { 1 } else { 0 };
        let rounded = (x.abs() * 10f64.powi(decimals as i32)).round() / 10f64.powi(decimals as i32);
        if rounded >= 1000.0 && i + 1 < units.len() {
            i += 1;
            continue;
        }
        return (plain(x, decimals), name);
    }
}

/// A magnitude step: used from `from` on, values divided by `factor`.
#[derive(Clone, Copy)]
struct Unit {
    from: f64,
    factor: f64,
    name: &'static str,
}

const fn unit(from: f64, factor: f64, name: &'static str) -> Unit {
    Unit { from, factor, name }
}

// "k" only from 10 000 on: "8 500 MAD" reads better than "8,5 k MAD".
const MONEY_UNITS: [Unit; 3] = [
    unit(1e4, 1e3, "k"),
    unit(1e6, 1e6, "M"),
    unit(1e9, 1e9, "Md"),
];

/// The number and its magnitude suffix for an amount: 13_300_000 -> ("13,3", "M").
/// Below 10 000 the amount is written in full ("1 200", ""), so that small sums stay exact.
pub fn money_parts(v: f64) -> (String, &'static str) {
    if !v.is_finite() {
        return (NOT_AVAILABLE.to_string(), "");
    }
    scaled(v, &MONEY_UNITS)
}

/// "13,3 M MAD", "7,9 Md MAD", "850 k MAD", "1 200 MAD".
pub fn money(v: f64) -> String {
    let (n, s) = money_parts(v);
    if !v.is_finite() {
        return n;
    }
    if s.is_empty() {
        format!("{n} MAD")
    } else {
        format!("{n} {s} MAD")
    }
}

/// An amount without the currency, for axis ticks: "10 M", "500 k", "0".
pub fn money_tick(v: f64) -> String {
    let (n, s) = money_parts(v);
    if s.is_empty() {
        n
    } else {
        format!("{n} {s}")
    }
}

const COUNT_UNITS: [Unit; 2] = [unit(1e6, 1e6, "millions"), unit(1e9, 1e9, "milliards")];

/// "1 100", "12,5", "2,5 millions", "1 milliard".
pub fn count(v: f64) -> String {
    if !v.is_finite() {
        return NOT_AVAILABLE.to_string();
    }
    let (n, s) = scaled(v, &COUNT_UNITS);
    match s {
        "" => n,
        // French: "1 million", "1,5 million" (below two the noun stays singular).
        _ if v.abs() / if s == "millions" { 1e6 } else { 1e9 } < 2.0 => {
            format!("{n} {}", s.trim_end_matches('s'))
        }
        _ => format!("{n} {s}"),
    }
}

/// "45 %", "12,5 %".
pub fn percent(v: f64) -> String {
    if !v.is_finite() {
        return NOT_AVAILABLE.to_string();
    }
    format!("{} %", plain(v, 1))
}

/// A value in its kind's wording, with `unit` appended for counts when given ("1 100 acteurs").
pub fn value(kind: NumberKind, v: f64) -> String {
    match kind {
        NumberKind::Money => money(v),
        NumberKind::Count => count(v),
        NumberKind::Percent => percent(v),
    }
}

/// A value or a range: "10 à 15 M MAD" when both ends share a magnitude, "850 k à 1,2 M MAD"
/// otherwise; "20 à 30 %"; "100 à 150".
pub fn value_or_range(kind: NumberKind, low: f64, high: Option<f64>) -> String {
    let Some(high) = high else {
        return value(kind, low);
    };
    match kind {
        NumberKind::Money => {
            let (ln, ls) = money_parts(low);
            let (hn, hs) = money_parts(high);
            if ls == hs && low.is_finite() && high.is_finite() {
                if hs.is_empty() {
                    format!("{ln} à {hn} MAD")
                } else {
                    format!("{ln} à {hn} {hs} MAD")
                }
            } else {
                format!("{} à {}", money_tick(low), money(high))
            }
        }
        NumberKind::Percent => format!("{} à {}", plain_or_na(low), percent(high)),
        NumberKind::Count => format!("{} à {}", count(low), count(high)),
    }
}

fn plain_or_na(v: f64) -> String {
    if v.is_finite() {
        plain(v, 1)
    } else {
        NOT_AVAILABLE.to_string()
    }
}

/// The words a qualifier puts before a number.
pub fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "plus de",
        Qualifier::About => "environ",
        Qualifier::Under => "moins de",
        Qualifier::UpTo => "jusqu'à",
    }
}

/// The one-character mark drawn next to a qualified bar.
pub fn qualifier_mark(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "≥",
        Qualifier::About => "≈",
        Qualifier::Under => "<",
        Qualifier::UpTo => "≤",
    }
}

/// A formatted value with its qualifier, as the labels show it: "plus de 1 100", "≈ 100",
/// "moins de 50 %", "jusqu'à 2 M MAD".
pub fn qualified(text: &str, q: Option<Qualifier>) -> String {
    match q {
        None => text.to_string(),
        // "≈" rather than "environ": shorter on a bar, and unmistakably "not exact".
        Some(Qualifier::About) => format!("≈ {text}"),
        Some(q) => format!("{} {text}", qualifier_words(q)),
    }
}

/// A count for an axis tick: whole numbers grouped ("1 000"), millions shortened ("2 M").
pub fn count_tick(v: f64) -> String {
    if !v.is_finite() {
        return NOT_AVAILABLE.to_string();
    }
    if v.abs() >= 1e6 {
        money_tick(v)
    } else if (v - v.round()).abs() < 1e-9 {
        plain(v, 0)
    } else {
        plain(v, 1)
    }
}

/// The tick label for a value axis of `kind`.
pub fn tick(kind: NumberKind, v: f64) -> String {
    match kind {
        NumberKind::Money => money_tick(v),
        NumberKind::Count => count_tick(v),
        NumberKind::Percent => percent(v),
    }
}
