//! One cheap pass per article that tells which patterns cannot match it.
//!
//! Every compiled pattern is analysed once for the words any match of it must contain (a
//! casualty pattern cannot match without "soldiers", "civilians", "troops"…; an invasion
//! pattern cannot match without "full-scale" or "invaded ukraine"). All those words go into
//! one Aho-Corasick automaton, searched ASCII-case-insensitively over each article's body in
//! one pass; a pattern none of whose words occur is not run at all. Patterns for which no
//! such words can be found are always run.
//!
//! The filter only skips work: a pattern it skips has no match in the text, so claims are
//! the same with and without it (tested in `tests/prefilter.rs`).
//!
//! Built for a rule set ([`Prefilter::for_rules`]), it also holds the other per-run help for
//! extraction that comes from reading the patterns once: the capture engines of the large
//! patterns ([`SpanCaptures`]), which give the same groups as the regex crate, faster.

use crate::extract::captures::SpanCaptures;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::Arc;

/// A pattern's required words: clauses, each a set of words one of which a match holds.
type Clauses = Vec<Vec<String>>;

/// Most strings a required-word set may hold before it is given up as too vague.
const MAX_SET: usize = 64;
/// Longest string kept in an exact language; longer ones stop being extended.
const MAX_LEN: usize = 40;

/// The required words of every pattern of a rule set, compiled into one automaton.
///
/// A pattern's requirement is a list of clauses, each a set of words: a match contains a
/// word of every clause ("russia" or "moscow", and "control" or "holds", and "ukraine" or
/// "the country"). A pattern may match a text only when every clause has a word in it.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// For each pattern (rules in order, patterns in order), its clauses (indexes into
    /// the clause table); empty for a pattern that is always run.
    clauses: Vec<Vec<usize>>,
    /// For each automaton word, the clauses it satisfies.
    word_clauses: Vec<Vec<usize>>,
    /// The automaton's words, in its pattern order.
    words: Vec<String>,
    /// How many clauses there are.
    n_clauses: usize,
    /// Every required word; `None` when no pattern has any.
    ac: Option<AhoCorasick>,
    /// For each pattern of a rule set, the capture engine for its long matches when it is
    /// large (see [`SpanCaptures`]); empty when built from bare patterns.
    captures: Vec<Option<Arc<SpanCaptures>>>,
}

/// Which patterns may match one text: the result of [`Prefilter::scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    may_match: Vec<bool>,
}

impl Candidates {
    /// Whether pattern `index` (rules in order, patterns in order) may match.
    pub fn may_match(&self, index: usize) -> bool {
        self.may_match.get(index).copied().unwrap_or(true)
    }

    /// How many patterns may match.
    pub fn count(&self) -> usize {
        self.may_match.iter().filter(|&&b| b).count()
    }
}

impl Prefilter {
    /// Analyses the patterns (regex sources, in the order [`Candidates::may_match`] indexes
    /// them). A pattern that cannot be analysed is always run.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Prefilter {
        let sources: Vec<&str> = patterns.into_iter().collect();
        let found: Vec<Clauses> = sources
            .par_iter()
            .map(|src| {
                regex_syntax::Parser::new()
                    .parse(src)
                    .map(|hir| requirements(&hir))
                    .unwrap_or_default()
            })
            .collect();
        Prefilter::from_requirements(found)
    }

    /// The prefilter of patterns whose clauses are known, in order.
    fn from_requirements(requirements: Vec<Clauses>) -> Prefilter {
        let mut clauses = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut word_clauses: Vec<Vec<usize>> = Vec::new();
        let mut n_clauses = 0;
        for found in requirements {
            let mut mine = Vec::new();
            for clause in found {
                let id = n_clauses;
                n_clauses += 1;
                mine.push(id);
                for w in clause {
                    let known = words.iter().position(|x| *x == w);
                    match known.and_then(|k| word_clauses.get_mut(k)) {
                        Some(clauses) => clauses.push(id),
                        None => {
                            words.push(w);
                            word_clauses.push(vec![id]);
                        }
                    }
                }
            }
            clauses.push(mine);
        }
        let ac = if words.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&words)
                .ok()
        };
        if ac.is_none() {
            clauses.iter_mut().for_each(Vec::clear);
        }
        Prefilter {
            clauses,
            word_clauses,
            words,
            n_clauses,
            ac,
            captures: Vec::new(),
        }
    }

    /// The prefilter for every pattern of a rule set, rules in order, patterns in order,
    /// with the capture engines of its large patterns. The patterns are analysed in
    /// parallel, each parsed once for both.
    pub fn for_rules(rules: &crate::rules::RuleSet) -> Prefilter {
        let sources: Vec<&str> = rules
            .rules
            .iter()
            .flat_map(|r| r.regexes.iter().map(|re| re.as_str()))
            .collect();
        let analysed: Vec<(Clauses, Option<Arc<SpanCaptures>>)> = sources
            .par_iter()
            .map(|src| match regex_syntax::Parser::new().parse(src) {
                Ok(hir) => (
                    requirements(&hir),
                    SpanCaptures::from_hir(&hir, crate::rules::REGEX_SIZE_LIMIT).map(Arc::new),
                ),
                Err(_) => (Vec::new(), None),
            })
            .collect();
        let (found, captures): (Vec<_>, Vec<_>) = analysed.into_iter().unzip();
        Prefilter {
            captures,
            ..Prefilter::from_requirements(found)
        }
    }

    /// The capture engine for the long matches of pattern `index`, when it has one (large
    /// patterns of a rule set, see [`SpanCaptures`]).
    pub fn long_captures(&self, index: usize) -> Option<&SpanCaptures> {
        self.captures.get(index)?.as_deref()
    }

    /// The clauses of pattern `index`: sets of lower-case words, each of which must have a
    /// word in a text the pattern matches; empty when the pattern is always run.
    pub fn requirements(&self, index: usize) -> Vec<Vec<&str>> {
        let Some(mine) = self.clauses.get(index) else {
            return Vec::new();
        };
        mine.iter()
            .map(|&c| {
                self.words
                    .iter()
                    .zip(&self.word_clauses)
                    .filter(|(_, cs)| cs.contains(&c))
                    .map(|(w, _)| w.as_str())
                    .collect()
            })
            .collect()
    }

    /// How many patterns have requirements (and so may be skipped).
    pub fn filtered(&self) -> usize {
        self.clauses.iter().filter(|c| !c.is_empty()).count()
    }

    /// Which patterns may match `text`: one pass over it.
    pub fn scan(&self, text: &str) -> Candidates {
        let Some(ac) = &self.ac else {
            return Candidates {
                may_match: vec![true; self.clauses.len()],
            };
        };
        // Two characters outside ASCII fold to ASCII letters under `(?i)`: `ſ` (s) and the
        // Kelvin sign (k). The automaton folds ASCII only, so a text holding them is not
        // filtered.
        if text.contains(['\u{17f}', '\u{212a}']) {
            return Candidates {
                may_match: vec![true; self.clauses.len()],
            };
        }
        let mut hit = vec![false; self.n_clauses];
        let mut left = self.n_clauses;
        let mut seen = vec![false; self.words.len()];
        for m in ac.find_overlapping_iter(text) {
            let w = m.pattern().as_usize();
            if seen.get_mut(w).is_none_or(|s| std::mem::replace(s, true)) {
                continue;
            }
            for &c in self.word_clauses.get(w).into_iter().flatten() {
                if hit.get_mut(c).is_some_and(|h| !std::mem::replace(h, true)) {
                    left -= 1;
                }
            }
            if left == 0 {
                break;
            }
        }
        Candidates {
            may_match: self
                .clauses
                .iter()
                // A clause the filter does not know is not ruled out.
                .map(|cs| cs.iter().all(|&c| hit.get(c).is_none_or(|&h| h)))
                .collect(),
        }
    }
}

/// Clauses that every match of `hir` satisfies: sets of lower-case words (3 bytes or
/// longer), a word of each of which every match contains.
fn requirements(hir: &Hir) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    collect(hir, &mut out);
    out.retain(|c| !c.is_empty() && c.iter().all(|w| w.len() >= 3));
    out.sort();
    out.dedup();
    out
}

/// Adds the clauses of `hir` to `out`: through concatenations, groups and repetitions that
/// must happen, every part's clauses; an alternation is one clause, the union of each
/// branch's best.
fn collect(hir: &Hir, out: &mut Vec<Vec<String>>) {
    if let Some(exact) = exact(hir) {
        if !exact.iter().any(String::is_empty) {
            out.push(exact);
        }
        return;
    }
    match hir.kind() {
        HirKind::Capture(c) => collect(&c.sub, out),
        HirKind::Repetition(r) if r.min >= 1 => collect(&r.sub, out),
        HirKind::Alternation(_) => {
            if let Some(set) = required(hir) {
                out.push(set);
            }
        }
        HirKind::Concat(items) => {
            // Runs of children with exact languages give longer words (their product).
            let mut run: Option<Vec<String>> = None;
            let flush = |run: Option<Vec<String>>, out: &mut Vec<Vec<String>>| {
                if let Some(r) = run {
                    if !r.iter().any(String::is_empty) {
                        out.push(r);
                    }
                }
            };
            for item in items {
                match exact(item) {
                    Some(e) => {
                        run = Some(match run.take() {
                            None => e,
                            Some(r) => match product(&r, &e) {
                                Some(p) => p,
                                None => {
                                    flush(Some(r), out);
                                    e
                                }
                            },
                        });
                    }
                    None => {
                        flush(run.take(), out);
                        collect(item, out);
                    }
                }
            }
            flush(run, out);
        }
        _ => {}
    }
}

/// A set of lower-case strings, one of which every match of `hir` contains; `None` when no
/// useful set is known.
fn required(hir: &Hir) -> Option<Vec<String>> {
    if let Some(exact) = exact(hir) {
        return (!exact.iter().any(String::is_empty)).then_some(exact);
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => None,
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Repetition(_) => None,
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required(a)?);
                if all.len() > MAX_SET {
                    return None;
                }
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(items) => {
            // Runs of children with exact languages give longer words (their product);
            // the other children give their own required sets. The best set wins.
            let mut best: Option<Vec<String>> = None;
            let mut run: Option<Vec<String>> = None;
            let consider = |set: Option<Vec<String>>, best: &mut Option<Vec<String>>| {
                if let Some(s) = set {
                    if !s.is_empty() && !s.iter().any(String::is_empty) && better(&s, best) {
                        *best = Some(s);
                    }
                }
            };
            for item in items {
                match exact(item) {
                    Some(e) => {
                        run = Some(match run.take() {
                            None => e,
                            Some(r) => match product(&r, &e) {
                                Some(p) => p,
                                None => {
                                    consider(Some(r), &mut best);
                                    e
                                }
                            },
                        });
                    }
                    None => {
                        consider(run.take(), &mut best);
                        consider(required(item), &mut best);
                    }
                }
            }
            consider(run, &mut best);
            best
        }
    }
}

/// Whether `set` is a better required set than `best`: longer shortest word, then fewer
/// words.
fn better(set: &[String], best: &Option<Vec<String>>) -> bool {
    let min = |s: &[String]| s.iter().map(String::len).min().unwrap_or(0);
    match best {
        None => true,
        Some(b) => (min(set), std::cmp::Reverse(set.len())) > (min(b), std::cmp::Reverse(b.len())),
    }
}

fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            if x.len() + y.len() > MAX_LEN {
                return None;
            }
            out.push(format!("{x}{y}"));
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The whole language of `hir`, lower-cased, when it is small and made of ASCII characters
/// whose case variants the automaton folds; `None` otherwise.
fn exact(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Empty => Some(vec![String::new()]),
        HirKind::Literal(lit) => {
            let s = std::str::from_utf8(&lit.0).ok()?;
            s.is_ascii().then(|| vec![s.to_ascii_lowercase()])
        }
        HirKind::Class(class) => class_char(class).map(|c| vec![c.to_string()]),
        HirKind::Look(_) => Some(vec![String::new()]),
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Repetition(r) => {
            let max = r.max?;
            if max > 3 {
                return None;
            }
            let sub = exact(&r.sub)?;
            let mut out: Vec<String> = Vec::new();
            let mut power = vec![String::new()];
            for n in 0..=max {
                if n >= r.min {
                    out.extend(power.iter().cloned());
                }
                power = product(&power, &sub)?;
            }
            out.sort();
            out.dedup();
            (out.len() <= MAX_SET).then_some(out)
        }
        HirKind::Concat(items) => {
            let mut acc = vec![String::new()];
            for i in items {
                acc = product(&acc, &exact(i)?)?;
            }
            Some(acc)
        }
        HirKind::Alternation(alts) => {
            let mut out = Vec::new();
            for a in alts {
                out.extend(exact(a)?);
                if out.len() > MAX_SET {
                    return None;
                }
            }
            out.sort();
            out.dedup();
            Some(out)
        }
    }
}

/// The one lower-case ASCII character a class stands for, when its members are that
/// character's ASCII case variants plus, at most, the two non-ASCII characters that fold to
/// ASCII letters (`ſ`, the Kelvin sign), which [`Prefilter::scan`] checks for separately.
fn class_char(class: &Class) -> Option<char> {
    let mut chars: Vec<char> = Vec::new();
    match class {
        Class::Unicode(u) => {
            for r in u.ranges() {
                let (a, b) = (r.start() as u32, r.end() as u32);
                if b - a > 4 {
                    return None;
                }
                chars.extend((a..=b).filter_map(char::from_u32));
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                if r.end() - r.start() > 4 {
                    return None;
                }
                chars.extend((r.start()..=r.end()).map(char::from));
            }
        }
    }
    let ascii: Vec<char> = chars.iter().copied().filter(char::is_ascii).collect();
    let lower = ascii.first()?.to_ascii_lowercase();
    let variants_ok = ascii.iter().all(|c| c.to_ascii_lowercase() == lower)
        && chars
            .iter()
            .all(|c| c.is_ascii() || matches!(c, '\u{17f}' | '\u{212a}'));
    // Every ASCII case variant must be in the class, or the automaton would accept text the
    // regex rejects only in the safe direction; that is fine, but a class like `[a]` with
    // `(?i)` off is still just `a`.
    variants_ok.then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(p: &str) -> Vec<Vec<String>> {
        requirements(&regex_syntax::Parser::new().parse(p).unwrap())
    }

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn case_insensitive_words_are_required() {
        assert_eq!(
            req(r"(?i)\d+\s+(?:soldiers?|civilians)\s+(?:killed|dead)"),
            vec![
                words(&["civilians", "soldier", "soldiers"]),
                words(&["dead", "killed"])
            ]
        );
        assert_eq!(
            req(r"(?i)\b(?:full-scale\s+invasion|invaded\s+ukraine)\b"),
            vec![words(&["full-scale", "invaded"])]
        );
    }

    #[test]
    fn optional_parts_are_never_required() {
        assert!(req(r"(?i)(?:russia\s+)?\d+").is_empty());
        assert!(req(r"\d+%").is_empty());
        assert!(req(r"(?i)(?:ab|cd)\s+\d").is_empty(), "words under 3 bytes");
    }

    #[test]
    fn scans_say_which_patterns_may_match() {
        let p = Prefilter::new([
            r"(?i)\d+\s+soldiers\s+killed",
            r"(?i)full-scale\s+invasion",
            r"\d+",
        ]);
        assert_eq!(p.filtered(), 2);
        let c = p.scan("Some 55,000 SOLDIERS were KILLED.");
        assert!(c.may_match(0));
        assert!(!c.may_match(1));
        assert!(c.may_match(2), "an unfiltered pattern always runs");
        // Every clause must be met.
        assert!(!p.scan("55,000 soldiers").may_match(0));
        // Non-ASCII letters that fold to ASCII turn the filter off for the text.
        assert_eq!(p.scan("ſoldiers").count(), 3);
    }
}
