//! Extraction: `(RuleSet, Article)` → claims.
//!
//! Each rule's patterns are run over the article's body. The `value` group is read by the
//! kind's grammar (one module per grammar: [`number`], [`count`], [`percent`], [`date`]),
//! the other named groups become the subject key through the rule's synonym tables, and the
//! sentence around the match is searched for the figure's reference time ("as of
//! February 5").

pub mod attribution;
pub mod captures;
pub mod category;
pub mod count;
pub mod date;
pub mod duration;
pub mod grammar;
pub mod hedge;
pub mod number;
pub mod percent;
pub mod quantity;

use crate::article::{Article, LineIndex};
use crate::date::fmt_days;
use crate::hash::HashSet;
use crate::prefilter::Prefilter;
use crate::rules::{Kind, Rule, RuleSet};
use crate::value::{Interval, Unit};
use captures::{Groups, SpanCaptures};
use grammar::{Grammar, Hedge, ParseContext};
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// When a figure holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum RefTime {
    /// Nothing says when.
    Unknown,
    /// The sentence says when ("as of February 5", "in November", "since March 2022").
    Explicit {
        /// The time as written: the date alone after "as of", "as at", "by the end of"
        /// ("February 5"); the whole phrase otherwise ("in November", "since March 2022",
        /// "on Thursday").
        text: String,
        /// The days it covers, or why it could not be resolved.
        #[serde(serialize_with = "ser_days")]
        days: Result<Interval, String>,
    },
    /// The article's published date.
    Published {
        /// The day of publication.
        #[serde(serialize_with = "ser_days")]
        days: Result<Interval, String>,
    },
}

/// A reference time as written, as a phrase: "as of February 5", "in November".
pub fn phrase(text: &str) -> String {
    let lower = text.to_lowercase();
    if ["in ", "since ", "on "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        text.to_string()
    } else {
        format!("as of {text}")
    }
}

fn ser_days<S: serde::Serializer>(v: &Result<Interval, String>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Ok(iv) => s.serialize_str(&fmt_days(iv)),
        Err(why) => s.serialize_str(&format!("unresolved: {why}")),
    }
}

impl RefTime {
    /// The days the reference time covers, when known and resolved.
    pub fn days(&self) -> Option<&Interval> {
        match self {
            RefTime::Unknown => None,
            RefTime::Explicit { days, .. } | RefTime::Published { days } => days.as_ref().ok(),
        }
    }

    /// A short description for reports: "as of February 5", "published 2026-02-05", "no
    /// date".
    pub fn describe(&self) -> String {
        match self {
            RefTime::Unknown => "no date".into(),
            RefTime::Explicit { text, days } => match days {
                Ok(iv) => format!("{} ({})", phrase(text), fmt_days(iv)),
                Err(_) => phrase(text),
            },
            RefTime::Published { days } => match days {
                Ok(iv) => format!("published {}", fmt_days(iv)),
                Err(_) => "published date unknown".into(),
            },
        }
    }
}

/// One claim found in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The rule that found it.
    pub rule: Arc<str>,
    /// The article's path as shown in reports.
    pub path: Arc<str>,
    /// The subject key (`who=military, what=killed`); empty when the rule has no subject
    /// groups. Shared: the claims of one subject hold one copy ([`intern_subject`]).
    pub subject: Arc<str>,
    /// The value as written ("20 per cent").
    pub text: String,
    /// Byte span of the value in the article's file.
    pub span: Range<usize>,
    /// Line of the value, from 1.
    pub line: usize,
    /// Column of the value in characters, from 1.
    pub column: usize,
    /// The value read as an interval, or why it could not be resolved.
    #[serde(serialize_with = "ser_value")]
    pub value: Result<Interval, String>,
    /// What the interval measures.
    pub unit: Unit,
    /// The hedge the value was written with.
    pub hedge: Option<Hedge>,
    /// When the figure holds.
    pub reference: RefTime,
    /// The article's published date, when known.
    #[serde(serialize_with = "ser_date")]
    pub published: Option<crate::date::Date>,
    /// Who the sentence says the figure comes from ("according to ISW").
    pub source: Option<Box<attribution::Attribution>>,
    /// For a category claim: the category's key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Box<str>>,
    /// The sentence says the figure was revised ("revised down", "lowered", "corrected").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

fn ser_date<S: serde::Serializer>(d: &Option<crate::date::Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

fn ser_value<S: serde::Serializer>(v: &Result<Interval, String>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(1))?;
    match v {
        Ok(iv) => m.serialize_entry("interval", &iv.notation())?,
        Err(why) => m.serialize_entry("unresolved", why)?,
    }
    m.end()
}

impl Claim {
    /// The interval as readers see it: "19.25–19.35%", "over 14,000", "2022-02-24".
    pub fn reading(&self) -> String {
        if let Some(c) = &self.category {
            return c.to_string();
        }
        match &self.value {
            Ok(iv) => describe(iv, self.unit),
            Err(why) => format!("unresolved: {why}"),
        }
    }
}

/// An interval described for readers in its unit.
pub fn describe(iv: &Interval, unit: Unit) -> String {
    use crate::value::{fmt_grouped, Bound};
    if unit == Unit::Day {
        return fmt_days(iv);
    }
    let suffix = unit.suffix();
    let n = |x: f64| format!("{}{suffix}", fmt_grouped(x));
    match (iv.lo, iv.hi) {
        (Bound::Closed(a), Bound::Closed(b)) if a == b => n(a),
        (Bound::Unbounded | Bound::Closed(0.0), Bound::Open(b)) => format!("under {}", n(b)),
        (Bound::Unbounded | Bound::Closed(0.0), Bound::Closed(b)) => format!("at most {}", n(b)),
        (Bound::Open(a), Bound::Unbounded) => format!("over {}", n(a)),
        (Bound::Closed(a), Bound::Unbounded) => format!("at least {}", n(a)),
        (Bound::Unbounded, Bound::Unbounded) => "any value".into(),
        (lo, hi) => format!(
            "{}–{}{suffix}",
            fmt_grouped(lo.point().unwrap_or(f64::NEG_INFINITY)),
            fmt_grouped(hi.point().unwrap_or(f64::INFINITY))
        ),
    }
}

/// One value a [`Scanner`] found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte span of the value in the scanned text.
    pub span: Range<usize>,
    /// The value as written.
    pub text: String,
    /// What the grammar read.
    pub parsed: grammar::Parsed,
}

/// A grammar's regex compiled on its own, to find every value of that grammar in a text
/// with no rule around it: the same regex and parser the rules use (`{value}` in a rule
/// pattern), for tools that measure the grammars, such as the conformance runner
/// (`examples/conformance.rs`).
pub struct Scanner {
    grammar: &'static dyn Grammar,
    re: Regex,
}

impl Scanner {
    /// Compiles `grammar`'s regex.
    ///
    /// # Errors
    ///
    /// When the grammar's regex does not compile (a programming error in the grammar).
    pub fn new(grammar: &'static dyn Grammar) -> Result<Scanner, regex::Error> {
        // The regex crate's default size limit, with the engine's lazy-DFA cache limit.
        let re = crate::rules::build_regex(grammar.regex(), 10 * 1024 * 1024)?;
        Ok(Scanner { grammar, re })
    }

    /// Every value in `text`, left to right, as the grammar reads it
    /// ([`Grammar::parse_all`]: a match may hold two values); matches the parser refuses
    /// are left out.
    pub fn scan(&self, text: &str, cx: &ParseContext) -> Vec<Found> {
        self.re
            .find_iter(text)
            .flat_map(|m| {
                self.grammar
                    .parse_all(m.as_str(), cx)
                    .into_iter()
                    .map(move |(r, parsed)| Found {
                        span: m.start() + r.start..m.start() + r.end,
                        text: m.as_str().get(r).unwrap_or_default().to_string(),
                        parsed,
                    })
            })
            .collect()
    }
}

// Built from the date grammar's constants, never from input; every test that extracts
// compiles it.
#[allow(clippy::expect_used)]
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    let date = crate::extract::date::DateGrammar;
    crate::rules::build_regex(
        &format!(
            r"(?i:(?-u:\b)(?P<marker>as of|as at|as on|by the end of|at the end of)\s+(?P<value>{}))",
            date.regex()
        ),
        AS_OF_SIZE_LIMIT,
    )
    .expect("the reference-time pattern is valid")
});

/// Times of events: "in November", "since March 2022", "on Thursday". The words are too
/// common for a prefilter: every claim's sentence is searched.
// Built like `AS_OF`.
#[allow(clippy::expect_used)]
static EVENT_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let date = crate::extract::date::DateGrammar;
    crate::rules::build_regex(
        &format!(
            r"(?i:(?-u:\b)(?P<marker>in|since|on)\s+(?P<value>{}))",
            date.regex()
        ),
        AS_OF_SIZE_LIMIT,
    )
    .expect("the event-time pattern is valid")
});

// Constant patterns.
#[allow(clippy::expect_used)]
static IN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:early|mid|late)[\s-]+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}(?-u:\b)|the\s+(?:first|second|third|fourth)\s+quarter|q[1-4](?-u:\b)|h[12](?-u:\b))")
        .expect("a valid pattern")
});

#[allow(clippy::expect_used)]
static ON_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)",
    )
    .expect("a valid pattern")
});

#[allow(clippy::expect_used)]
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:now|currently|presently|at present|as it stands|so far|to date)(?-u:\b)",
    )
    .expect("a valid pattern")
});

#[allow(clippy::expect_used)]
static REVISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:revis(?:ed|es|ing|ion)|lowered|lowers|lowering|correct(?:ed|s|ion)|downgraded)(?-u:\b)")
        .expect("a valid pattern")
});

/// The compiled size [`AS_OF`] may take: the regex crate's default.
const AS_OF_SIZE_LIMIT: usize = 10 * 1024 * 1024;

/// The words [`AS_OF`] needs ("as of", "by the end of"…), read from its syntax tree like a
/// rule pattern's: a sentence without them is not searched with the whole date grammar.
static AS_OF_WORDS: LazyLock<Prefilter> = LazyLock::new(|| Prefilter::new([AS_OF.as_str()]));

/// Compiles the engine's own patterns now (the reference-time pattern, its words), so that
/// the first claims of a run do not wait for them (`corpus::extract_files` does it while
/// the prefilter is built). Extraction works the same without it.
pub fn warm_up() {
    LazyLock::force(&AS_OF_WORDS);
    LazyLock::force(&EVENT_TIME);
}

/// The byte range of the sentence around `span`: from after the previous sentence end
/// (`.`, `!`, `?` followed by a space, or a line break) to the next one.
pub fn sentence_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = span.start.min(text.len());
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if b == b'\n' {
            break;
        }
        if b == b' '
            && start
                .checked_sub(2)
                .and_then(|i| bytes.get(i))
                .is_some_and(|c| matches!(c, b'.' | b'!' | b'?'))
            && bytes.get(start).is_some_and(|c| !c.is_ascii_lowercase())
        {
            break;
        }
        start -= 1;
    }
    let mut end = span.end.min(text.len());
    while let Some(&b) = bytes.get(end) {
        if b == b'\n' {
            break;
        }
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(end + 1).is_none_or(|c| c.is_ascii_whitespace())
            && !bytes.get(end + 2).is_some_and(|c| c.is_ascii_lowercase())
        {
            end += 1;
            break;
        }
        end += 1;
    }
    start..end
}

/// Every claim the rules find in the article, in order of position, then rule.
pub fn extract(rules: &RuleSet, article: &Article) -> Vec<Claim> {
    extract_filtered(rules, None, article)
}

/// [`extract`], with a [`Prefilter`] built once for `rules` ([`Prefilter::for_rules`]): one
/// pass over the body decides which patterns may match, and the others are not run. The
/// claims are the same as [`extract`]'s.
pub fn extract_filtered(
    rules: &RuleSet,
    prefilter: Option<&Prefilter>,
    article: &Article,
) -> Vec<Claim> {
    let path: Arc<str> = Arc::from(article.path.as_str());
    let candidates =
        prefilter.map(|p| p.scan(article.text.get(article.body_start..).unwrap_or_default()));
    let mut claims = Vec::new();
    let lines = LineIndex::new(&article.text);
    let mut first_pattern = 0;
    for rule in &rules.rules {
        let run = |i: usize| {
            candidates
                .as_ref()
                .is_none_or(|c| c.may_match(first_pattern + i))
        };
        let long = |i: usize| prefilter.and_then(|p| p.long_captures(first_pattern + i));
        extract_rule(rule, article, &path, &lines, &run, &long, &mut claims);
        first_pattern += rule.regexes.len();
    }
    claims.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then_with(|| a.rule.cmp(&b.rule))
    });
    claims
}

/// How many distinct subject keys a thread keeps for sharing; past it, the table starts
/// again (keys written from free text could otherwise grow without bound).
const SUBJECTS_KEPT: usize = 4096;

/// `subject` as a shared string: the same key found in many articles is one allocation
/// per worker thread, not one per claim (every claim is held until the comparison).
pub(crate) fn intern_subject(subject: String) -> Arc<str> {
    use std::cell::RefCell;
    thread_local! {
        static SUBJECTS: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::default());
    }
    SUBJECTS.with_borrow_mut(|kept| {
        if let Some(shared) = kept.get(subject.as_str()) {
            return shared.clone();
        }
        if kept.len() >= SUBJECTS_KEPT {
            kept.clear();
        }
        let shared: Arc<str> = Arc::from(subject);
        kept.insert(shared.clone());
        shared
    })
}

#[allow(clippy::too_many_arguments)]
fn extract_rule<'e>(
    rule: &Rule,
    article: &Article,
    path: &Arc<str>,
    lines: &LineIndex,
    run: &dyn Fn(usize) -> bool,
    long: &dyn Fn(usize) -> Option<&'e SpanCaptures>,
    out: &mut Vec<Claim>,
) {
    let body = article.text.get(article.body_start..).unwrap_or_default();
    let grammar = rule.grammar();
    let cx = ParseContext {
        published: article.meta.published,
        hedges: rule.hedges,
        exact: rule.exact,
    };
    let rule_id = &rule.shared_id;
    let mut seen: HashSet<usize> = HashSet::default();
    let mut claim = |caps: Groups<'_, '_>| {
        let Some(m) = caps.name("value") else {
            return;
        };
        let value = body.get(m.clone()).unwrap_or_default();
        let start = article.body_start + m.start;
        // Two patterns of a rule may find the same figure.
        if seen.contains(&start) {
            return;
        }
        let Some(parsed) = grammar.parse(value, &cx) else {
            return;
        };
        seen.insert(start);
        let subject = rule
            .subjects
            .iter()
            .filter_map(|dim| {
                let c = caps.name(&dim.name)?;
                Some(format!(
                    "{}={}",
                    dim.name,
                    dim.key(body.get(c).unwrap_or_default())
                ))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let subject = intern_subject(subject);
        let span = start..article.body_start + m.end;
        let (line, column) = lines.line_col(&article.text, span.start);
        let reference = reference_time(rule, article, &span, &cx);
        let sentence = sentence_around(&article.text, &span);
        let in_sentence = span.start - sentence.start..span.end - sentence.start;
        let sentence_text = article.text.get(sentence).unwrap_or_default();
        let source = attribution::find(sentence_text, &in_sentence).map(Box::new);
        let revised = REVISED.is_match(sentence_text);
        let category = rule
            .categories
            .as_ref()
            .and_then(|c| c.key_of(value))
            .map(Box::from);
        out.push(Claim {
            rule: rule_id.clone(),
            path: path.clone(),
            subject,
            text: value.to_string(),
            span,
            line,
            column,
            value: parsed.value,
            unit: parsed.unit,
            hedge: parsed.hedge,
            reference,
            published: article.meta.published,
            source,
            category,
            revised,
        });
    };
    for (i, re) in rule.regexes.iter().enumerate() {
        if !run(i) {
            continue;
        }
        match long(i) {
            // The same matches as `captures_iter`, their groups from the faster engine.
            Some(engine) => {
                for m in re.find_iter(body) {
                    claim(engine.captures(re, body, m.range()));
                }
            }
            None => {
                for caps in re.captures_iter(body) {
                    claim(Groups::Regex(caps));
                }
            }
        }
    }
}

/// The part of `sentence` (a byte range of `text`) around `span` between clause marks: a
/// comma, semicolon or colon followed by a space, a dash between spaces. Brackets are not
/// marks: a bracketed aside ("701 square kilometers (270 square miles) of territory in
/// November") leaves the clause whole.
pub fn clause_around(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_mark = |i: usize| -> bool {
        match bytes.get(i).copied().unwrap_or_default() {
            b',' | b';' | b':' => bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
            _ => {
                let rest = bytes.get(i..).unwrap_or_default();
                [" - ", " – ", " — "]
                    .iter()
                    .any(|d| rest.starts_with(d.as_bytes()))
            }
        }
    };
    let mut start = span.start.min(sentence.end);
    while start > sentence.start && !is_mark(start - 1) {
        start -= 1;
    }
    let mut end = span.end.min(sentence.end);
    while end < sentence.end && !is_mark(end) {
        end += 1;
    }
    start..end
}

/// A time phrase found in a sentence: its kind, its text, where it is, what it reads.
struct TimePhrase {
    /// "as of", "as at", "by the end of"…: a reference time for the whole sentence.
    as_of: bool,
    text: String,
    span: Range<usize>,
    days: Result<Interval, String>,
}

/// The reference time of the figure at `span`:
///
/// 1. an as-of phrase ("as of February 5", "by the end of 2024") in the figure's clause;
/// 2. else "now", "currently", "so far" in the figure's clause: the published date;
/// 3. else the nearest "in November", "since March 2022", "on Thursday" in the figure's
///    clause, or opening the sentence;
/// 4. else the nearest as-of phrase anywhere in the sentence;
/// 5. else the published date, else unknown.
///
/// So in "acquired 701 square kilometers in November, now controlling 19.3% of the
/// country", "in November" dates the 701 square kilometers and "now" the 19.3%.
fn reference_time(
    rule: &Rule,
    article: &Article,
    span: &Range<usize>,
    cx: &ParseContext,
) -> RefTime {
    if rule.kind == Kind::Date {
        // A date claim is its own time.
        return RefTime::Unknown;
    }
    let published = || match article.meta.published {
        Some(d) => RefTime::Published {
            days: Ok(crate::date::day_interval(d)),
        },
        None => RefTime::Unknown,
    };
    let sentence = sentence_around(&article.text, span);
    let clause = clause_around(&article.text, &sentence, span);
    let s = article.text.get(sentence.clone()).unwrap_or_default();
    let phrases = time_phrases(s, sentence.start, span, cx);
    let inside = |r: &Range<usize>| clause.start <= r.start && r.end <= clause.end;
    let distance = |r: &Range<usize>| {
        if r.end <= span.start {
            span.start - r.end
        } else {
            r.start.saturating_sub(span.end)
        }
    };
    let nearest = |pick: &dyn Fn(&TimePhrase) -> bool| {
        phrases
            .iter()
            .filter(|p| pick(p))
            .min_by_key(|p| distance(&p.span))
    };
    let explicit = |p: &TimePhrase| RefTime::Explicit {
        text: p.text.clone(),
        days: p.days.clone(),
    };
    if let Some(p) = nearest(&|p| p.as_of && inside(&p.span)) {
        return explicit(p);
    }
    let present = PRESENT
        .find_iter(article.text.get(clause.clone()).unwrap_or_default())
        .any(|m| {
            let at = clause.start + m.start()..clause.start + m.end();
            !(at.start < span.end && span.start < at.end)
        });
    if present {
        return published();
    }
    // The first clause of the sentence, for a time phrase that opens it.
    let opening = |r: &Range<usize>| {
        article
            .text
            .get(sentence.start..r.start)
            .unwrap_or_default()
            .trim()
            .is_empty()
    };
    if let Some(p) = nearest(&|p| !p.as_of && (inside(&p.span) || opening(&p.span))) {
        return explicit(p);
    }
    if let Some(p) = nearest(&|p| p.as_of) {
        return explicit(p);
    }
    published()
}

/// Every time phrase in the sentence `s` (which starts at byte `offset` of the file) that
/// is not the figure at `span` itself.
fn time_phrases(s: &str, offset: usize, span: &Range<usize>, cx: &ParseContext) -> Vec<TimePhrase> {
    // Most sentences hold none of the words an as-of time starts with: skip that search.
    let as_of = AS_OF_WORDS
        .scan(s)
        .may_match(0)
        .then(|| AS_OF.captures_iter(s))
        .into_iter()
        .flatten();
    let grammar = crate::extract::date::DateGrammar;
    let mut out = Vec::new();
    for caps in as_of.chain(EVENT_TIME.captures_iter(s)) {
        let (Some(marker), Some(m)) = (caps.name("marker"), caps.name("value")) else {
            continue;
        };
        let whole = offset + marker.start()..offset + m.end();
        // The figure's own text is never its time.
        if whole.start < span.end && span.start < whole.end {
            continue;
        }
        let word = marker.as_str().to_lowercase();
        let as_of = !matches!(word.as_str(), "in" | "since" | "on");
        let date_text = m.as_str();
        let fits = match word.as_str() {
            "in" => IN_DATE.is_match(date_text),
            "on" => ON_DATE.is_match(date_text),
            _ => true,
        };
        if !fits {
            continue;
        }
        let Some(parsed) = grammar.parse(date_text, cx) else {
            continue;
        };
        let days = if word == "since" {
            // A period from then to the published date.
            match (parsed.value, cx.published) {
                (Ok(from), Some(p)) => Ok(Interval {
                    lo: from.lo,
                    hi: crate::date::day_interval(p).hi,
                }),
                (Ok(_), None) => Err("a period up to the published date, which is unknown".into()),
                (Err(e), _) => Err(e),
            }
        } else {
            parsed.value
        };
        let text = if as_of {
            date_text.to_string()
        } else {
            // The marker lower-cased: the phrase stands inside report sentences.
            format!("{word} {date_text}")
        };
        out.push(TimePhrase {
            as_of,
            text,
            span: whole,
            days,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_found_again_is_the_same_string() {
        let a = intern_subject("who=military, what=killed".to_string());
        let b = intern_subject("who=military, what=killed".to_string());
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(
            &a,
            &intern_subject("who=civilian".to_string())
        ));
        // Past the cap the table starts again, so keys from free text stay bounded.
        for i in 0..SUBJECTS_KEPT {
            intern_subject(format!("what={i}"));
        }
        let c = intern_subject("who=military, what=killed".to_string());
        assert_eq!(a, c);
        assert!(!Arc::ptr_eq(&a, &c));
    }

    #[test]
    fn any_substring_scans_without_panic() {
        let grammars: [&'static dyn Grammar; 6] = [
            &count::CountGrammar,
            &percent::PercentGrammar,
            &quantity::QuantityGrammar,
            &duration::DurationGrammar,
            &number::NumberGrammar,
            &date::DateGrammar,
        ];
        let sentences = [
            "about 116,000 km² (44,800 sq mi), $700 million, −20 °F, 5 percentage points",
            "an hour and a half, nearly four-year war, ½ teaspoon, two thirds of a million",
            "from Oct. 2 to October 22, the first Friday of July, Q3 2016, the ’70s, 21/04/16",
        ];
        let cx = ParseContext {
            published: crate::date::Date::new(2026, 2, 5),
            ..ParseContext::default()
        };
        for g in grammars {
            let scanner = Scanner::new(g).expect("grammar regexes compile");
            for s in sentences {
                let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
                for (k, &i) in bounds.iter().enumerate() {
                    for &j in bounds.get(k..).unwrap_or(&[]) {
                        let _ = g.parse(&s[i..j], &cx);
                    }
                }
                for found in scanner.scan(s, &cx) {
                    assert_eq!(s.get(found.span.clone()), Some(found.text.as_str()));
                }
            }
        }
    }

    #[test]
    fn a_scanned_match_may_hold_two_values() {
        let scanner = Scanner::new(&count::CountGrammar).expect("compiles");
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        let text = "Aged over 65 and under 18, or between 30 and 40.";
        let found: Vec<(&str, String)> = scanner
            .scan(text, &cx)
            .into_iter()
            .filter_map(|f| {
                assert_eq!(text.get(f.span.clone()), Some(f.text.as_str()));
                Some((text.get(f.span)?, f.parsed.value.ok()?.notation()))
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("over 65", "(65,)".to_string()),
                ("under 18", "[0,18)".to_string()),
                ("between 30 and 40", "[30,40]".to_string()),
            ]
        );
    }

    #[test]
    fn reference_times_are_searched_only_where_their_words_are() {
        assert_eq!(
            AS_OF_WORDS.requirements(0),
            vec![vec![
                "as at",
                "as of",
                "as on",
                "at the end of",
                "by the end of"
            ]]
        );
        for s in [
            "Russia controls 19.4% of Ukraine as of February 5, 2026.",
            "AS AT THE END OF JANUARY, Russia held a fifth.",
            "By the end of last month the toll had passed 14,000.",
            "Figures at the end of 2025 and as on March 3 agree.",
            "Troops held 20 per cent aſ of May 1.",
            "No time in this one, 20 per cent.",
        ] {
            let found = AS_OF.find(s).is_some();
            assert!(!found || AS_OF_WORDS.scan(s).may_match(0), "{s}");
        }
        assert!(!AS_OF_WORDS
            .scan("No time in this one, 20 per cent.")
            .may_match(0));
    }

    /// The reference time of each percentage in `text`, read with a published date.
    fn times(text: &str, published: Option<crate::date::Date>) -> Vec<(String, String)> {
        let rules = crate::rules::parse_sources(&[(
            "r.toml",
            "[[rule]]\nid = \"r\"\ntitle = \"t\"\nkind = \"percentage\"\npatterns = ['{value}']\n",
        )])
        .unwrap();
        let article = Article {
            path: "a.txt".into(),
            text: text.to_string(),
            body_start: 0,
            meta: crate::article::Meta {
                published,
                ..crate::article::Meta::default()
            },
        };
        extract(&rules, &article)
            .into_iter()
            .map(|c| (c.text, c.reference.describe()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn now_dates_its_figure_and_a_time_in_another_clause_does_not() {
        // Seed 003: "in November" dates the acquisition, "now" the 19.3%.
        let s = "Russian forces acquired 701 square kilometers of territory in November, now controlling 19.3% of the country.";
        assert_eq!(times(s, None), pairs(&[("19.3%", "no date")]));
        let feb = crate::date::Date::new(2026, 2, 6);
        assert_eq!(times(s, feb), pairs(&[("19.3%", "published 2026-02-06")]));
        // Without "now", a time in another clause still does not date it.
        let s = "Russian forces took 701 square kilometers in November, controlling 19.3% of the country.";
        assert_eq!(times(s, feb), pairs(&[("19.3%", "published 2026-02-06")]));
    }

    #[test]
    fn times_in_the_clause_or_opening_the_sentence_date_the_figure() {
        let feb = crate::date::Date::new(2026, 2, 6);
        assert_eq!(
            times("Russia held 19% in November and more later.", feb),
            pairs(&[("19%", "in November (2025-11)")])
        );
        assert_eq!(
            times("In November, Russia held 19% of Ukraine.", feb),
            pairs(&[("19%", "in November (2025-11)")])
        );
        assert_eq!(
            times("On Thursday the share reached 21%.", feb),
            pairs(&[("21%", "on Thursday (2026-02-05)")])
        );
        assert_eq!(
            times("Prices rose 12% since March 2022.", feb),
            pairs(&[("12%", "since March 2022 (2022-03-01..2026-02-06)")])
        );
        assert_eq!(
            times("Prices rose 12% since March 2022.", None),
            pairs(&[("12%", "since March 2022")])
        );
        // An as-of phrase anywhere in the sentence dates it; one in its clause wins.
        assert_eq!(
            times("As of February 5, Russia held 20% of Ukraine.", feb),
            pairs(&[("20%", "as of February 5 (2026-02-05)")])
        );
        assert_eq!(
            times(
                "By the end of 2024 it held 18%, and in November it held 17%.",
                feb
            ),
            pairs(&[
                ("18%", "as of 2024 (2024)"),
                ("17%", "in November (2025-11)"),
            ])
        );
        // "in" takes months and years, not any date form.
        assert_eq!(
            times("It held 18% in two weeks.", feb),
            pairs(&[("18%", "published 2026-02-06")])
        );
    }

    #[test]
    fn a_rule_reads_a_joined_bound_as_one_range_and_a_contradiction_as_none() {
        let toml = "[[rule]]\nid = \"t.jailed\"\ntitle = \"t\"\nkind = \"count\"\nmessage = \"m\"\npatterns = ['jailed {value} people']\n";
        let rules = crate::rules::parse_sources(&[("r.toml", toml)]).expect("rules");
        let read = |text: &str| {
            let article = crate::article::from_text("a.md".into(), text.into()).expect("article");
            extract(&rules, &article)
                .into_iter()
                .map(|c| (c.text, c.value.map(|iv| iv.notation())))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("Courts jailed above 1,200 and below 1,300 people last year."),
            vec![(
                "above 1,200 and below 1,300".to_string(),
                Ok("(1200,1300)".to_string())
            )]
        );
        // Never an empty interval: a rule reads one value per match, so none.
        assert_eq!(read("Courts jailed over 90 and under 15 people."), vec![]);
    }

    #[test]
    fn a_rules_hedge_ratios_reach_its_grammar() {
        let rule = |hedges: &str| {
            format!(
                "[[rule]]\nid = \"t.killed\"\ntitle = \"t\"\nkind = \"count\"\nmessage = \"m\"\npatterns = ['killed {{value}} people']\n{hedges}"
            )
        };
        let article = crate::article::from_text(
            "a.md".into(),
            "The blast killed about 200 people and nearly 40 people were hurt.".into(),
        )
        .expect("article");
        let read = |toml: String| {
            let rules = crate::rules::parse_sources(&[("r.toml", toml.as_str())]).expect("rules");
            extract(&rules, &article)
                .into_iter()
                .map(|c| c.value.map(|iv| iv.notation()))
                .collect::<Vec<_>>()
        };
        assert_eq!(read(rule("")), vec![Ok("[175.5,225.5)".to_string())]);
        assert_eq!(
            read(rule("[rule.hedges]\nabout = 0.25\nnearly = 0.5\n")),
            vec![Ok("[146.25,256.25)".to_string())]
        );
    }

    #[test]
    fn sentences_end_at_full_stops_and_line_breaks() {
        let text = "First one. Second has 20 per cent of U.S. aid, as of May. Third.\nNext";
        let at = text.find("20").unwrap();
        let s = sentence_around(text, &(at..at + 2));
        assert_eq!(&text[s], "Second has 20 per cent of U.S. aid, as of May.");
        let at = text.find("Next").unwrap();
        assert_eq!(&text[sentence_around(text, &(at..at + 4))], "Next");
    }

    #[test]
    fn descriptions_read_naturally() {
        use crate::value::Bound;
        assert_eq!(
            describe(&Interval::rounded(19.3, 0.1), Unit::Percent),
            "19.25–19.35%"
        );
        assert_eq!(
            describe(
                &Interval {
                    lo: Bound::Open(14000.0),
                    hi: Bound::Unbounded
                },
                Unit::Count
            ),
            "over 14,000"
        );
        assert_eq!(describe(&Interval::point(12.0), Unit::Count), "12");
        assert_eq!(
            describe(&Interval::point(1609.344), Unit::Metre),
            "1,609.344 m"
        );
        assert_eq!(
            describe(&Interval::closed(5.0, 7.0), Unit::PercentagePoint),
            "5–7 percentage points"
        );
        assert_eq!(describe(&Interval::point(-20.0), Unit::Celsius), "-20 °C");
        assert_eq!(
            describe(&Interval::point(700e6), Unit::Usd),
            "700,000,000 USD"
        );
        assert_eq!(
            describe(
                &Interval {
                    lo: Bound::Closed(0.0),
                    hi: Bound::Closed(700.0)
                },
                Unit::Count
            ),
            "at most 700"
        );
    }
}
