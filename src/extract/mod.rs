//! Extraction: `(RuleSet, Article)` → claims.
//!
//! Each rule's patterns are run over the article's body. The `value` group is read by the
//! kind's grammar (one module per grammar: [`number`], [`count`], [`percent`], [`date`]),
//! the other named groups become the subject key through the rule's synonym tables, and the
//! sentence around the match is searched for the figure's reference time ("as of
//! February 5").

pub mod captures;
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
    /// The sentence says when ("as of February 5").
    Explicit {
        /// The time as written.
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
                Ok(iv) => format!("as of {text} ({})", fmt_days(iv)),
                Err(_) => format!("as of {text}"),
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
    /// groups.
    pub subject: String,
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
            r"(?i:(?-u:\b)(?:as of|as at|as on|by the end of|at the end of)\s+(?P<value>{}))",
            date.regex()
        ),
        AS_OF_SIZE_LIMIT,
    )
    .expect("the reference-time pattern is valid")
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
}

/// The byte range of the sentence around `span`: from after the previous sentence end
/// (`.`, `!`, `?` followed by a space, or a line break) to the next one.
pub fn sentence_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = span.start.min(text.len());
    while start > 0 {
        let b = bytes[start - 1];
        if b == b'\n' {
            break;
        }
        if start >= 2
            && b == b' '
            && matches!(bytes[start - 2], b'.' | b'!' | b'?')
            && bytes.get(start).is_some_and(|c| !c.is_ascii_lowercase())
        {
            break;
        }
        start -= 1;
    }
    let mut end = span.end.min(text.len());
    while end < text.len() {
        let b = bytes[end];
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
    let candidates = prefilter.map(|p| p.scan(&article.text[article.body_start..]));
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
    let body = &article.text[article.body_start..];
    let grammar = rule.kind.grammar();
    let cx = ParseContext {
        published: article.meta.published,
        hedges: rule.hedges,
        exact: rule.exact,
    };
    let rule_id: Arc<str> = Arc::from(rule.id.as_str());
    let mut seen: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut claim = |caps: Groups<'_, '_>| {
        let Some(m) = caps.name("value") else {
            return;
        };
        let value = &body[m.clone()];
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
                Some(format!("{}={}", dim.name, dim.key(&body[c])))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let span = start..article.body_start + m.end;
        let (line, column) = lines.line_col(&article.text, span.start);
        let reference = reference_time(rule, article, &span, &cx);
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
    let sentence = sentence_around(&article.text, span);
    let s = &article.text[sentence.clone()];
    let grammar = crate::extract::date::DateGrammar;
    // Most sentences hold none of the words a reference time starts with: skip the search.
    let may_match = AS_OF_WORDS.scan(s).may_match(0);
    for caps in may_match
        .then(|| AS_OF.captures_iter(s))
        .into_iter()
        .flatten()
    {
        let Some(m) = caps.name("value") else {
            continue;
        };
        // The figure's own text is never its time.
        let abs = sentence.start + m.start()..sentence.start + m.end();
        if abs.start < span.end && span.start < abs.end {
            continue;
        }
        if let Some(p) = grammar.parse(m.as_str(), cx) {
            return RefTime::Explicit {
                text: m.as_str().to_string(),
                days: p.value,
            };
        }
    }
    match article.meta.published {
        Some(d) => RefTime::Published {
            days: Ok(crate::date::day_interval(d)),
        },
        None => RefTime::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
