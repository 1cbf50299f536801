//! The capture groups of a match already found, for patterns too large for the regex crate's
//! fast capture engines.
//!
//! `Regex::captures_iter` finds each match with the lazy DFA, then runs a capture engine over
//! the match alone. For a match of at most `2 Mbit / NFA states` bytes that engine is the
//! bounded backtracker; beyond it, the PikeVM, whose work per byte grows with the states
//! alive at once. A pattern holding the percentage grammar compiles to some 58,000 NFA
//! states: the backtracker takes only matches of up to 36 bytes, and the PikeVM spent about
//! 100 µs on each longer match of `territory.russia-control` (whose `[^.]{0,30}?` before
//! `{value}` starts the whole grammar at every byte), a third of a run's time.
//!
//! [`SpanCaptures`] is the same backtracker (regex-automata's, built from the same pattern
//! with the same syntax options) with room for matches of several hundred bytes. Every
//! regex-automata engine reports the same groups for a match, so the claims are the same;
//! `tests/prefilter.rs` checks it against `captures_iter` on every test text.

use regex::Regex;
use regex_automata::nfa::thompson::{self, backtrack};
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, PatternID};
use std::ops::Range;

/// Patterns of at most this many NFA states are left to the regex crate: its own
/// backtracker takes their matches up to `2 Mbit / states` bytes (64 bytes and more).
const MIN_STATES: usize = 256 * 1024 * 8 / 64;

/// Memory for the backtracker's visited set, per thread: matches up to `8 × this / states`
/// bytes (about 570 bytes for 58,000 states); longer ones go to the regex crate.
const VISITED_CAPACITY: usize = 4 * 1024 * 1024;

type CacheFn = Box<dyn Fn() -> (backtrack::Cache, Captures) + Send + Sync>;

/// A large pattern's backtracker, for the capture groups of matches found with its
/// [`Regex`].
pub struct SpanCaptures {
    bt: backtrack::BoundedBacktracker,
    pool: Pool<(backtrack::Cache, Captures), CacheFn>,
}

impl std::fmt::Debug for SpanCaptures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpanCaptures")
            .field("states", &self.bt.get_nfa().states().len())
            .finish()
    }
}

/// The groups of one match, by name.
pub enum Groups<'h, 'e> {
    /// From the regex crate.
    Regex(regex::Captures<'h>),
    /// From a [`SpanCaptures`]: its group names, and each group's byte range in the haystack.
    Spans(&'e GroupInfo, Vec<Option<Range<usize>>>),
}

impl Groups<'_, '_> {
    /// The byte range of group `name` in the haystack, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Range<usize>> {
        match self {
            Groups::Regex(c) => c.name(name).map(|m| m.range()),
            Groups::Spans(info, spans) => info
                .to_index(PatternID::ZERO, name)
                .and_then(|i| spans.get(i).cloned().flatten()),
        }
    }
}

impl SpanCaptures {
    /// The backtracker for a rule pattern's regex source (as compiled by
    /// [`crate::rules::build_regex`]), when the pattern is large enough for it to pay;
    /// `None` otherwise (or if it does not build, which leaves the regex crate to do the
    /// work).
    pub fn new(src: &str, size_limit: usize) -> Option<SpanCaptures> {
        // The syntax options `regex::RegexBuilder` compiles with by default.
        // As `build_regex` compiles it, `\s` narrowed (src/lean.rs).
        let src = crate::lean::news_spaces(src);
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&src)
            .ok()?;
        SpanCaptures::from_hir(&hir, size_limit)
    }

    /// [`SpanCaptures::new`] from the pattern's syntax tree, as `regex_syntax::Parser::new`
    /// reads it (the regex crate's default options).
    pub fn from_hir(hir: &regex_syntax::hir::Hir, size_limit: usize) -> Option<SpanCaptures> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .utf8(true)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build_from_hir(hir)
            .ok()?;
        if nfa.states().len() <= MIN_STATES {
            return None;
        }
        let bt = backtrack::BoundedBacktracker::builder()
            .configure(backtrack::Config::new().visited_capacity(VISITED_CAPACITY))
            .build_from_nfa(nfa)
            .ok()?;
        let make = bt.clone();
        let create: CacheFn = Box::new(move || (make.create_cache(), make.create_captures()));
        Some(SpanCaptures {
            bt,
            pool: Pool::new(create),
        })
    }

    /// The groups of the match of `re` at `span` in `haystack` (a span
    /// `re.find_iter(haystack)` gave): the same as `captures_iter` gives for that match.
    pub fn captures<'h>(
        &self,
        re: &Regex,
        haystack: &'h str,
        span: Range<usize>,
    ) -> Groups<'h, '_> {
        if span.len() <= self.bt.max_haystack_len() {
            if let Some(groups) = self.exactly(haystack, span.clone()) {
                return groups;
            }
        }
        // Longer than the visited set allows (or, never seen, not the match expected): the
        // regex crate's own way. The match starting at `span.start` is the one found.
        match re.captures_at(haystack, span.start) {
            Some(c) => Groups::Regex(c),
            None => Groups::Spans(self.bt.get_nfa().group_info(), Vec::new()),
        }
    }

    /// The backtracker's groups for a match anchored at `span.start` that ends at
    /// `span.end`; `None` when it finds no such match (or `span` is too long for it).
    fn exactly<'h>(&self, haystack: &'h str, span: Range<usize>) -> Option<Groups<'h, '_>> {
        let mut guard = self.pool.get();
        let (cache, caps) = &mut *guard;
        let input = Input::new(haystack)
            .span(span.clone())
            .anchored(Anchored::Yes);
        self.bt.try_captures(cache, input, caps).ok()?;
        if caps.get_match().map(|m| m.range()) != Some(span) {
            return None;
        }
        let info = self.bt.get_nfa().group_info();
        let spans = (0..info.group_len(PatternID::ZERO))
            .map(|i| caps.get_group(i).map(|s| s.range()))
            .collect();
        Some(Groups::Spans(info, spans))
    }

    /// The groups of `re`'s match of the whole of `text`, for a parser anchored at both
    /// ends (`^…$`): the backtracker's answer is final when `text` fits its visited set,
    /// so a text the parser refuses never reaches the regex crate, whose capture cache
    /// for a pattern this large (its PikeVM's slot table, states × groups) takes tens of
    /// megabytes per thread. A longer text goes to the regex crate.
    pub fn whole<'h>(&self, re: &Regex, text: &'h str) -> Option<Groups<'h, '_>> {
        if text.len() > self.bt.max_haystack_len() {
            return re.captures(text).map(Groups::Regex);
        }
        self.exactly(text, 0..text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::grammar::Grammar;

    /// A pattern as large as a rule holding the percentage grammar, with matches both
    /// shorter and longer than the regex crate's backtracker takes, and one longer than
    /// [`SpanCaptures`] takes (the regex crate's own captures then).
    #[test]
    fn groups_are_those_of_captures_iter() {
        let src = crate::rules::expand_pattern(
            r"(?i)\b(?P<who>russia|moscow)\b[^.]{0,900}?\b(?P<verb>controls?|holds)\b[^.]{0,30}?{value}(?:\s+of\s+(?P<what>ukraine))?",
            crate::rules::Kind::Percentage,
        );
        let re = crate::rules::build_regex(&src, crate::rules::REGEX_SIZE_LIMIT).unwrap();
        let engine = SpanCaptures::new(&src, crate::rules::REGEX_SIZE_LIMIT)
            .expect("a pattern holding the percentage grammar is large");
        let long = "x".repeat(700);
        let text = format!(
            "Russia controls 20% of Ukraine. MOSCOW, which now holds about a fifth. \
             Russia, it said on Monday after talks, still controls nearly 19.5 per cent of \
             Ukraine. Moscow {long} holds 18% of Ukraine. Russia holds."
        );
        let mut lengths = Vec::new();
        let matches: Vec<_> = re.find_iter(&text).collect();
        let all: Vec<_> = re.captures_iter(&text).collect();
        assert_eq!(matches.len(), all.len());
        assert!(matches.len() >= 4, "{}", matches.len());
        for (m, want) in matches.iter().zip(&all) {
            lengths.push(m.len());
            let got = engine.captures(&re, &text, m.range());
            for name in ["value", "who", "verb", "what", "nothing"] {
                assert_eq!(
                    got.name(name),
                    want.name(name).map(|g| g.range()),
                    "{name} in {:?}",
                    m.as_str()
                );
            }
        }
        assert!(lengths.iter().any(|&l| l < 36), "{lengths:?}");
        assert!(lengths
            .iter()
            .any(|&l| (36..engine.bt.max_haystack_len()).contains(&l)));
        assert!(lengths.iter().any(|&l| l > engine.bt.max_haystack_len()));
    }

    /// A parser anchored at both ends, as large as the quantity grammar's: the groups of a
    /// text it reads are the regex crate's, a text it refuses gives none (without the
    /// regex crate), and a text too long for the visited set still gets the regex crate's.
    #[test]
    fn a_whole_text_parser_reads_what_the_regex_crate_reads() {
        let quantity = crate::extract::quantity::QuantityGrammar;
        let src = format!(
            r"^(?i:(?P<h>about|nearly|more\s+than)\s+)?(?P<v>{g})(?P<tail>\s+in\s+all)?$",
            g = quantity.regex()
        );
        let re = crate::rules::build_regex(&src, crate::rules::REGEX_SIZE_LIMIT).unwrap();
        let engine = SpanCaptures::new(re.as_str(), crate::rules::REGEX_SIZE_LIMIT)
            .expect("a parser holding the quantity grammar is large");
        let long = format!("about {} km", "1".repeat(engine.bt.max_haystack_len()));
        let texts = [
            "about 10 km",
            "12 square miles",
            "nearly $5 million",
            "ten soldiers",
            "",
            &long,
        ];
        for text in texts {
            let want = re.captures(text);
            let got = engine.whole(&re, text);
            assert_eq!(got.is_some(), want.is_some(), "{text:?}");
            if let (Some(got), Some(want)) = (got, want) {
                for name in ["h", "v", "tail"] {
                    assert_eq!(
                        got.name(name),
                        want.name(name).map(|m| m.range()),
                        "{name} in {text:?}"
                    );
                }
            }
        }
        assert!(engine
            .whole(&re, "about 10 km")
            .is_some_and(|g| matches!(g, Groups::Spans(..))));
        assert!(engine
            .whole(&re, &long)
            .is_some_and(|g| matches!(g, Groups::Regex(..))));
    }

    #[test]
    fn small_patterns_are_left_to_the_regex_crate() {
        assert!(SpanCaptures::new(r"(?i)(?P<value>\d+) soldiers", 1 << 20).is_none());
        let count = crate::extract::count::CountGrammar;
        assert!(SpanCaptures::new(count.regex(), crate::rules::REGEX_SIZE_LIMIT).is_none());
    }
}
