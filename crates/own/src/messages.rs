//! The refusals' messages in French (the default), English and Arabic, from
//! `crates/own/i18n/<lang>.txt` (`key = value` lines, `#` comments, `{name}` placeholders, the
//! format of the app's own strings). They are compiled into the extraction worker, which
//! replies with the message in the page's language: the app's first load carries none of them.

const FR: &str = include_str!("../i18n/fr.txt");
const EN: &str = include_str!("../i18n/en.txt");
const AR: &str = include_str!("../i18n/ar.txt");

use crate::problem::Problem;

/// The language files by code; an unknown code reads French.
pub fn strings(lang: &str) -> &'static str {
    match lang {
        "en" => EN,
        "ar" => AR,
        _ => FR,
    }
}

/// The value of `key` in a language file, if any.
pub fn lookup(file: &'static str, key: &str) -> Option<&'static str> {
    file.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim())
}

/// The "Add an article" dialog's strings (`own.ui.*`) in a language, for www/own-dialog.js
/// (the worker sends them: the app's first load carries none of them).
pub fn ui_strings(lang: &str) -> Vec<(&'static str, &'static str)> {
    strings(lang)
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .filter(|(k, _)| k.starts_with("own.ui."))
        .collect()
}

/// The message of a refusal in the language `lang` ("fr", "en", "ar"), placeholders filled;
/// French writes sizes with a decimal comma.
pub fn message(problem: &Problem, lang: &str) -> String {
    let file = strings(lang);
    let mut out = lookup(file, problem.key())
        .unwrap_or(problem.key())
        .to_string();
    for (name, value) in problem.args() {
        let value = if lang == "fr" && matches!(name, "size" | "max") {
            value.replace('.', ",")
        } else {
            value
        };
        out = out.replace(&format!("{{{name}}}"), &value);
    }
    out
}
