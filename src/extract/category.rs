//! Categories: a closed vocabulary given by the rule (`kind = "category"`).
//!
//! A rule lists its categories and the words that mean each one:
//!
//! ```toml
//! [rule.categories]
//! current = ["US President", "President"]
//! former = ["former President", "ex-president"]
//! ```
//!
//! The grammar put in place of `{value}` is the alternation of every synonym, longest
//! first (so "former President" is read before "President" can be), case-insensitive, whole
//! words only, with runs of spaces in a synonym matching any run of white space. A match is
//! read as its category: the point `i`, where `i` is the category's place in the sorted list
//! of categories, in the unit [`Unit::Category`]. Two different categories are two points
//! that share nothing, so they conflict; the same category, written two ways, agrees.

use super::grammar::{Grammar, ParseContext, Parsed};
use crate::value::{Interval, Unit};

/// A rule's categories as a value grammar.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryGrammar {
    /// The category keys, sorted: a key's place is its value.
    keys: Vec<String>,
    /// Synonyms, lower-cased with single spaces, longest first, with their key's place.
    synonyms: Vec<(String, usize)>,
    regex: String,
}

/// A regex that matches nothing: the grammar of a vocabulary with no words.
const NOTHING: &str = r"[^\s\S]";

impl CategoryGrammar {
    /// The grammar for `categories` (key → synonyms). Only the synonyms are read, never the
    /// keys themselves, so a key can be a short code (`current`) that never appears in text.
    pub fn new<'a>(
        categories: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> CategoryGrammar {
        let mut table: Vec<(&str, &[String])> = categories.into_iter().collect();
        table.sort_by(|a, b| a.0.cmp(b.0));
        let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
        let mut synonyms: Vec<(String, usize)> = Vec::new();
        for (i, (_, words)) in table.iter().enumerate() {
            for w in words.iter() {
                let norm = normalize(w);
                if !norm.is_empty() && !synonyms.iter().any(|(s, _)| *s == norm) {
                    synonyms.push((norm, i));
                }
            }
        }
        synonyms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let regex = if synonyms.is_empty() {
            NOTHING.to_string()
        } else {
            let alts: Vec<String> = synonyms
                .iter()
                .map(|(s, _)| {
                    s.split(' ')
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(r"\s+")
                })
                .collect();
            // Synonyms start and end with word characters (the rule loader checks it).
            format!(r"(?i:(?-u:\b)(?:{})(?-u:\b))", alts.join("|"))
        };
        CategoryGrammar {
            keys,
            synonyms,
            regex,
        }
    }

    /// The empty vocabulary: its regex matches nothing.
    pub const fn empty() -> CategoryGrammar {
        CategoryGrammar {
            keys: Vec::new(),
            synonyms: Vec::new(),
            regex: String::new(),
        }
    }

    /// The category keys, sorted.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The key of the category a text (a match of the grammar) means.
    pub fn key_of(&self, text: &str) -> Option<&str> {
        let norm = normalize(text);
        self.synonyms
            .iter()
            .find(|(s, _)| *s == norm)
            .and_then(|(_, i)| self.keys.get(*i))
            .map(String::as_str)
    }

    /// The key whose place is `value` (a category claim's point).
    pub fn key_at(&self, value: f64) -> Option<&str> {
        if value < 0.0 || value.fract() != 0.0 {
            return None;
        }
        self.keys.get(value as usize).map(String::as_str)
    }
}

/// Lower case, white space runs as one space, trimmed.
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Grammar for CategoryGrammar {
    fn regex(&self) -> &str {
        if self.regex.is_empty() {
            NOTHING
        } else {
            &self.regex
        }
    }

    fn parse(&self, text: &str, _cx: &ParseContext) -> Option<Parsed> {
        let key = self.key_of(text)?;
        let i = self.keys.iter().position(|k| k == key)?;
        Some(Parsed {
            value: Ok(Interval::point(i as f64)),
            unit: Unit::Category,
            hedge: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn office() -> CategoryGrammar {
        let current = ["US President".to_string(), "President".to_string()];
        let former = [
            "former President".to_string(),
            "ex-president".to_string(),
            "former US President".to_string(),
        ];
        CategoryGrammar::new([("current", &current[..]), ("former", &former[..])])
    }

    #[test]
    fn synonyms_are_read_longest_first_as_their_category() {
        let g = office();
        let re = Regex::new(g.regex()).unwrap();
        let cx = ParseContext::default();
        let m = re.find("and former President Donald Trump has").unwrap();
        assert_eq!(m.as_str(), "former President");
        assert_eq!(g.key_of(m.as_str()), Some("former"));
        let m = re.find("US  President Donald Trump").unwrap();
        assert_eq!(m.as_str(), "US  President");
        let p = g.parse(m.as_str(), &cx).unwrap();
        assert_eq!(p.value, Ok(Interval::point(0.0)));
        assert_eq!(p.unit, Unit::Category);
        assert_eq!(g.key_at(1.0), Some("former"));
        assert_eq!(g.key_at(0.5), None);
        assert_eq!(
            g.parse("Ex-President", &cx).map(|p| p.value),
            Some(Ok(Interval::point(1.0)))
        );
    }

    #[test]
    fn whole_words_only() {
        let re = Regex::new(office().regex()).unwrap();
        assert!(re.find("the presidential race").is_none());
        assert!(re.find("vice-presidents met").is_none());
    }

    #[test]
    fn an_empty_vocabulary_matches_nothing() {
        let g = CategoryGrammar::new(std::iter::empty());
        assert!(Regex::new(g.regex()).unwrap().find("President").is_none());
        assert!(g.parse("President", &ParseContext::default()).is_none());
        let e = CategoryGrammar::empty();
        assert!(Regex::new(e.regex()).unwrap().find("x").is_none());
    }
}
