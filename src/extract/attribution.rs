//! Attribution: who a claim's sentence says the figure comes from.
//!
//! Read from the claim's sentence, in these forms (a source is a capitalised name, with
//! `of`, `for`, `the`, `and`, `on` between its words, an acronym in brackets, an institution
//! word after it: "the UN", "the Institute for the Study of War (ISW)", "Ukraine's defence
//! ministry"; or "the" and an institution word: "the ministry"):
//!
//! - "according to ISW", "according to a Ukrainian diplomatic source";
//! - "the UN said", "ISW reports that", "Zelensky told NBC", "the UN has reported that",
//!   "Data from ISW indicates" (a source before a verb of saying);
//! - "…, said the ministry." (a verb of saying, then the source, closing the clause).
//!
//! Pronouns are never sources ("He said Ukraine had lost 55,000 soldiers" has none): who
//! "he" is lies in another sentence. When a sentence has several, the one nearest the value
//! is the claim's.
//!
//! Each source gets a key, to tell one source from another: the acronym in brackets when
//! there is one ("Institute for the Study of War (ISW)" → `isw`); the initials of a name of
//! three or more capitalised words, or of two joined by `of` / `for` / `the` / `and`
//! ("Institute for the Study of War" → `isw`, "Bank of England" → `be`); else the name,
//! lower-cased, without a leading "the" or "X-based".

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// A claim's source, as its sentence gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source as written ("the Institute for the Study of War").
    pub text: String,
    /// The key sources are told apart by (`isw`).
    pub key: String,
}

const NAME: &str = r"(?:[Tt]he\s+)?(?:[A-Z][A-Za-z0-9’'.-]*)(?:\s+(?:(?:of|for|the|and|on)\s+)*[A-Z][A-Za-z0-9’'.-]*)*(?:\s+\([A-Z][A-Za-z]+\))?";
const NOUN: &str = r"(?:(?:defen[cs]e|foreign|health|interior|emergency|general|press)\s+)?(?:ministry|military|army|government|officials|authorities|police|agency|office|staff|spokesman|spokeswoman|spokesperson|service)";
const SAYS: &str = r"(?:(?:has|have|had)\s+)?(?:said|says|say|told|tells|reported|reports|report|stated|states|stating|estimated|estimates|noted|notes|claimed|claims|announced|announces|confirmed|confirms|indicated|indicates|shows|showed)";

fn source() -> String {
    format!(r"(?:{NAME}(?:\s+{NOUN})?|the\s+{NOUN})")
}

// Built from the constants above, never from input; the unit tests compile them.
#[allow(clippy::expect_used)]
static FORMS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let src = source();
    [
        format!(r"\b[Aa]ccording\s+to\s+(?P<src>{src}|an?\s+(?:[a-zA-Z-]+\s+){{0,3}}?sources?)"),
        format!(r"(?P<src>{src}),?\s+{SAYS}\b"),
        format!(r"\b(?:said|says|told|reported)\s+(?P<src>{src})\s*(?:[.,;:!?]|$)"),
    ]
    .map(|r| Regex::new(&r).expect("the attribution patterns are valid"))
});

/// Words that name no one: a source of only these is none.
const NOT_SOURCES: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "the",
    "data",
    "officials",
    "some",
    "many",
    "who",
    "which",
    "what",
    "analysts",
    "experts",
    "observers",
    "critics",
    "residents",
    "people",
    "sources",
    "reports",
];

/// Titles before a name, left out of its key ("President Zelensky" is `zelensky`).
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "chancellor",
    "general",
    "secretary",
    "envoy",
    "special",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mr",
    "mrs",
    "ms",
    "dr",
    "us",
    "u.s.",
    "ukrainian",
    "russian",
];

/// Words that open a sentence or clause before a name ("However, the UN said…"): dropped.
const OPENERS: &[&str] = &[
    "but",
    "however",
    "and",
    "so",
    "yet",
    "meanwhile",
    "still",
    "also",
];

impl Attribution {
    /// The source for labels: the acronym when the text gives one in brackets ("ISW" for
    /// "the Institute for the Study of War (ISW)"), else the text.
    pub fn short(&self) -> &str {
        if let (Some(open), Some(close)) = (self.text.rfind('('), self.text.rfind(')')) {
            if open < close {
                return self.text.get(open + 1..close).unwrap_or_default();
            }
        }
        &self.text
    }
}

/// The source nearest `value` (a byte range in `sentence`), if the sentence names one.
pub fn find(sentence: &str, value: &Range<usize>) -> Option<Attribution> {
    let mut best: Option<(usize, Attribution)> = None;
    for re in FORMS.iter() {
        for caps in re.captures_iter(sentence) {
            let Some(m) = caps.name("src") else { continue };
            // The figure's own words are never its source.
            if m.start() < value.end && value.start < m.end() {
                continue;
            }
            let text = clean(m.as_str());
            let bare = text
                .strip_prefix("the ")
                .or_else(|| text.strip_prefix("The "))
                .unwrap_or(&text)
                .to_lowercase();
            if bare.is_empty() || NOT_SOURCES.contains(&bare.as_str()) {
                continue;
            }
            let distance = if m.end() <= value.start {
                value.start - m.end()
            } else {
                m.start().saturating_sub(value.end)
            };
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                let key = key(&text);
                best = Some((distance, Attribution { text, key }));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// Whether `words` has more than one word and the first is one of `set` (any case).
fn leads_with(words: &[&str], set: &[&str]) -> bool {
    words.len() > 1
        && words
            .first()
            .is_some_and(|w| set.contains(&w.to_lowercase().as_str()))
}

/// White space as single spaces, opening words and "US-based" and the like dropped.
fn clean(s: &str) -> String {
    let mut words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !w.ends_with("-based"))
        .collect();
    while leads_with(&words, OPENERS) {
        words.remove(0);
    }
    // "The" at the start of a sentence is "the" in a report's help text.
    if words.len() > 1 {
        if let Some(first) = words.first_mut().filter(|w| **w == "The") {
            *first = "the";
        }
    }
    // A full stop after the name ends the sentence, unless the name is an abbreviation
    // ("the U.S.").
    if let Some(last) = words.last_mut() {
        if last.ends_with('.') && last.matches('.').count() == 1 {
            *last = last.strip_suffix('.').unwrap_or(last);
        }
    }
    words.join(" ")
}

/// The key a source is told apart by.
pub fn key(text: &str) -> String {
    if let (Some(open), Some(close)) = (text.rfind('('), text.rfind(')')) {
        if open < close {
            return text.get(open + 1..close).unwrap_or_default().to_lowercase();
        }
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    while leads_with(&words, TITLES) {
        words.remove(0);
    }
    let capitalised: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let joined = words
        .iter()
        .any(|w| matches!(*w, "of" | "for" | "the" | "and"));
    let all_names = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(*w, "of" | "for" | "the" | "and" | "on")
    });
    if all_names && (capitalised.len() >= 3 || (capitalised.len() == 2 && joined)) {
        return capitalised
            .iter()
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_lowercase();
    }
    words.join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of the figure `value` in `sentence`.
    fn source_of(sentence: &str, value: &str) -> Option<(String, String)> {
        let at = sentence.find(value).unwrap();
        find(sentence, &(at..at + value.len())).map(|a| (a.text, a.key))
    }

    fn pair(t: &str, k: &str) -> Option<(String, String)> {
        Some((t.to_string(), k.to_string()))
    }

    #[test]
    fn the_seeds_phrasings() {
        assert_eq!(
            source_of(
                "Data from the US-based Institute for the Study of War (ISW) indicates that Russian forces acquired approximately 701 square kilometers (270 square miles) of Ukrainian territory in November, now controlling 19.3% of the country.",
                "19.3%"
            ),
            pair("the Institute for the Study of War (ISW)", "isw")
        );
        let at = "Data from ISW (ISW) shows 3".len() - 1;
        assert_eq!(
            find("Data from ISW (ISW) shows 3", &(at..at + 1)).map(|a| a.short().to_string()),
            Some("ISW".to_string())
        );
        assert_eq!(
            source_of(
                "However, the Institute for the Study of War reports that Russian forces remain in control of 20 per cent of Ukraine as of February 5, and are constantly pushing deeper into Ukrainian territory.",
                "20 per cent"
            ),
            pair("the Institute for the Study of War", "isw")
        );
        assert_eq!(
            source_of(
                "The UN has reported that over 14,000 civilians have been killed since the start of the conflict, and it is likely that this number will continue to rise.",
                "over 14,000"
            ),
            pair("the UN", "un")
        );
        assert_eq!(
            source_of(
                "Some progress was made on 12 \"military issues\", according to a Ukrainian diplomatic source.",
                "12"
            ),
            pair("a Ukrainian diplomatic source", "a ukrainian diplomatic source")
        );
        assert_eq!(
            source_of(
                "Ushakov noted that while 3 US proposals were deemed acceptable, others were not.",
                "3"
            ),
            pair("Ushakov", "ushakov")
        );
    }

    #[test]
    fn pronouns_are_not_sources() {
        assert_eq!(
            source_of(
                "He said Ukraine had lost 55,000 soldiers in its conflict with Russia; figures contested by international organisations.",
                "55,000"
            ),
            None
        );
        assert_eq!(source_of("They say 20% of it is gone.", "20%"), None);
        assert_eq!(
            source_of("Analysts say Russia holds 20% of it.", "20%"),
            None
        );
    }

    #[test]
    fn other_forms() {
        assert_eq!(
            source_of("Zelensky told NBC that 46,000 soldiers had died.", "46,000"),
            pair("Zelensky", "zelensky")
        );
        assert_eq!(
            source_of("The toll rose to 1,200, said the ministry.", "1,200"),
            pair("the ministry", "ministry")
        );
        assert_eq!(
            source_of("According to ISW, Russia holds 19.4% of Ukraine.", "19.4%"),
            pair("ISW", "isw")
        );
        assert_eq!(
            source_of(
                "Ukraine's defence ministry said 900 drones were shot down.",
                "900"
            ),
            pair("Ukraine's defence ministry", "ukraine's defence ministry")
        );
        assert_eq!(source_of("Russia holds 19.4% of Ukraine.", "19.4%"), None);
        assert_eq!(
            source_of("The talks lasted 2 hours, according to the Kremlin.", "2"),
            pair("the Kremlin", "kremlin")
        );
        assert_eq!(
            source_of("Troops held 20%, according to the U.S.", "20%"),
            pair("the U.S.", "u.s.")
        );
    }

    #[test]
    fn the_nearest_source_is_the_claims() {
        let s = "The UN said 10 were hurt, while according to the Red Cross 14 were.";
        assert_eq!(
            source_of("But the UN says 7 died.", "7"),
            pair("the UN", "un")
        );
        assert_eq!(source_of(s, "10"), pair("the UN", "un"));
        assert_eq!(source_of(s, "14"), pair("the Red Cross", "red cross"));
    }

    #[test]
    fn keys() {
        assert_eq!(key("the Institute for the Study of War"), "isw");
        assert_eq!(key("Institute for the Study of War (ISW)"), "isw");
        assert_eq!(key("Bank of England"), "be");
        assert_eq!(key("Steve Witkoff"), "steve witkoff");
        assert_eq!(key("the UN"), "un");
        assert_eq!(key("President Zelensky"), "zelensky");
        assert_eq!(key("US Special Envoy Steve Witkoff"), "steve witkoff");
    }
}
