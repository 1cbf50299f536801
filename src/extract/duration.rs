//! The duration grammar: lengths of time, in seconds ([`Unit::Second`]).
//!
//! # Forms
//!
//! - A number ([`crate::extract::number`]) and a unit: `five hours`, `3 hrs`, `3.5years`,
//!   `two weeks`, `123.45 sec`, `twenty min`, `two decades`, `two and a half hours`.
//! - The adjective: `a 3-min wait`, `the nearly four-year war` (a hedge applies as usual).
//! - `a`/`an`/`one`/`another` and a unit (`an hour`, `another week`), with `and a half` or
//!   `and half` after it (`an hour and a half`); `half an hour`, `half a year`, `half year`;
//!   `all day`, `whole day`, `full week`, `all-year`; `a couple of days`.
//! - Compounds add up: `1 year 1 month 21 days`, `one week three days`, `2 days, 1 month`.
//! - Hedges and ranges of [`crate::extract::hedge`]: `nearly four years`, `more than an
//!   hour`, `less than a couple of days`, `two to three hours`, `between 5 and 10 days`.
//!
//! Units: seconds (`s` is not read alone: too ambiguous), minutes, hours, days, weeks (7
//! days), months (30 days), years (365 days), decades and centuries. A figure keeps its
//! rounding in the unit written (`four years` is `[3.5, 4.5)` years, in seconds); `a`,
//! `an`, `another`, `half`, `all`, `whole`, `full` and `a couple of` are exact. `a second`
//! and `another second` are ordinals in news text, not durations, and are refused.
//! Values are clamped to be `>= 0`.

use crate::extract::grammar::{Grammar, ParseContext, Parsed};
use crate::extract::hedge::{Figure, Forms, Hedged};
use crate::extract::number::{parse_scaled, DIGIT_NUMBER, NUMBER};
use crate::value::Unit;
use std::sync::LazyLock;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.0 * DAY;

/// Regex source of a time unit, no surrounding spaces.
const TIME_UNIT: &str = concat!(
    r"(?i:(?:decades?|centuries|century|years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|h",
    r"|minutes?|mins?|seconds?|secs?)(?-u:\b))"
);

/// Digits with no word boundary after them, for attached units (`3day`).
const BARE_DIGITS: &str = r"(?-u:\b)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";

/// One amount and its unit.
static PART: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:(?:(?-u:\b)(?:half(?:\s+an?)?|all|whole|full|an?|another|(?:a\s+)?couple\s+of)(?:\s+|\s*-\s*)|(?:{NUMBER}|{BARE_DIGITS})(?:\s*-\s*|\s*)){TIME_UNIT}(?:\s+and\s+(?:a\s+)?half(?-u:\b))?)"
    )
});

/// A duration: one part or several adding up.
static FIGURE: LazyLock<String> = LazyLock::new(|| {
    let part = PART.as_str();
    format!(r"(?i:{part}(?:,?\s+(?:and\s+)?{part})*)")
});

static HEDGED: LazyLock<Hedged> = LazyLock::new(|| {
    let fig = FIGURE.as_str();
    let range_start = format!("(?:{fig}|{NUMBER})");
    let dash_end = format!(r"(?i:(?:{DIGIT_NUMBER}|{BARE_DIGITS})(?:\s*-\s*|\s*){TIME_UNIT})");
    Hedged::new(Forms {
        value: fig,
        range_start: &range_start,
        dash_start: DIGIT_NUMBER,
        dash_end: &dash_end,
    })
});

/// The grammar of durations ([`Unit::Second`]); see the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct DurationGrammar;

impl Grammar for DurationGrammar {
    fn regex(&self) -> &str {
        HEDGED.regex()
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        let lower = text.trim().to_lowercase();
        let last = last_unit(&lower)?;
        let (iv, hedge) = HEDGED.parse(&lower, cx, |t, _| {
            parse_duration(t).or_else(|| {
                let n = parse_scaled(t)?;
                Some(Figure::number(n).scaled_by(last))
            })
        })?;
        let iv = iv.clamp_lo(0.0);
        if iv.is_empty() {
            return None;
        }
        Some(Parsed {
            value: Ok(iv),
            unit: Unit::Second,
            hedge,
        })
    }
}

/// The seconds in one unit word (`"hours"` → 3600).
fn unit_seconds(word: &str) -> Option<f64> {
    Some(match word {
        "decade" | "decades" => 10.0 * YEAR,
        "century" | "centuries" => 100.0 * YEAR,
        "year" | "years" | "yr" | "yrs" => YEAR,
        "month" | "months" => 30.0 * DAY,
        "week" | "weeks" | "wk" | "wks" => 7.0 * DAY,
        "day" | "days" => DAY,
        "hour" | "hours" | "hr" | "hrs" | "h" => HOUR,
        "minute" | "minutes" | "min" | "mins" => MINUTE,
        "second" | "seconds" | "sec" | "secs" => 1.0,
        _ => return None,
    })
}

/// The seconds of the last unit word in a text (the unit of a range's second figure).
fn last_unit(lower: &str) -> Option<f64> {
    let words = split_words(lower);
    words.iter().rev().find_map(|w| unit_seconds(w))
}

/// Words and numbers of a text: split at white space, hyphens and commas, and between
/// digits and letters (`3day` → `3`, `day`).
fn split_words(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_digit: Option<bool> = None;
    for c in lower.chars() {
        if c.is_whitespace() || c == '-' || c == ',' && prev_digit != Some(true) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_digit = None;
            continue;
        }
        let digit = c.is_ascii_digit() || c == '.' || c == ',';
        if prev_digit.is_some_and(|p| p != digit) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_digit = Some(digit);
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

trait ScaledBy {
    fn scaled_by(self, seconds: f64) -> Figure;
}

impl ScaledBy for Figure {
    fn scaled_by(self, seconds: f64) -> Figure {
        Figure {
            value: self.value * seconds,
            step: self.step * seconds,
            ..self
        }
    }
}

/// Reads a duration figure (no hedge) as seconds; `None` when it is not one.
fn parse_duration(text: &str) -> Option<Figure> {
    let words = split_words(&text.to_lowercase());
    let mut total = 0.0;
    let mut step = 0.0;
    let mut amount: Vec<&str> = Vec::new();
    let mut parts = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words.get(i)?.as_str();
        let Some(secs) = unit_seconds(w) else {
            if !(w == "and" && amount.is_empty() && parts > 0) {
                amount.push(w);
            }
            i += 1;
            continue;
        };
        let (value, s) = read_amount(&amount, secs)?;
        if secs == 1.0 && matches!(amount.as_slice(), ["a"] | ["another"]) {
            return None;
        }
        let mut value = value;
        let rest: Vec<&str> = words
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .map(String::as_str)
            .collect();
        i += 1;
        match rest.as_slice() {
            ["and", "a", "half", ..] => {
                value += 0.5 * secs;
                i += 3;
            }
            ["and", "half", ..] => {
                value += 0.5 * secs;
                i += 2;
            }
            _ => {}
        }
        total += value;
        step = s;
        parts += 1;
        amount.clear();
    }
    if parts == 0 || !amount.is_empty() || !total.is_finite() {
        return None;
    }
    Some(Figure {
        value: total,
        step,
        scale: 1.0,
        approximate: false,
    })
}

/// The seconds and rounding step of an amount of a unit of `secs` seconds.
fn read_amount(amount: &[&str], secs: f64) -> Option<(f64, f64)> {
    let exact = |n: f64| Some((n * secs, 0.0));
    match amount {
        ["a" | "an" | "another" | "all" | "whole" | "full"] => exact(1.0),
        ["half"] | ["half", "a" | "an"] => exact(0.5),
        ["couple", "of"] | ["a", "couple", "of"] => exact(2.0),
        [] => None,
        words => {
            let n = parse_scaled(&words.join(" "))?;
            let n = n.number;
            Some((n.value * secs, n.step * secs))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::grammar::Hedge;
    use regex::Regex;

    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?P<value>{})", DurationGrammar.regex())).expect("compiles")
    });

    fn exact() -> ParseContext {
        ParseContext {
            exact: true,
            ..ParseContext::default()
        }
    }

    fn read(text: &str, cx: &ParseContext) -> Option<(String, String, Option<Hedge>)> {
        for m in RE.find_iter(text) {
            if let Some(p) = DurationGrammar.parse(m.as_str(), cx) {
                return Some((m.as_str().to_string(), p.value.ok()?.notation(), p.hedge));
            }
        }
        None
    }

    fn check(text: &str, found: &str, iv: &str) {
        let got = read(text, &exact()).map(|(f, i, _)| (f, i));
        assert_eq!(got, Some((found.to_string(), iv.to_string())), "{text:?}");
    }

    #[test]
    fn regex_shape() {
        assert_eq!(RE.captures_len(), 2, "only the value group");
        assert!(!DurationGrammar
            .regex()
            .replace(r"(?-u:\b)", "")
            .contains(r"\b"));
    }

    #[test]
    fn news_durations() {
        check(
            "talks lasted five hours on Monday",
            "five hours",
            "[18000,18000]",
        );
        check(
            "after an hour and a half of shelling",
            "an hour and a half",
            "[5400,5400]",
        );
        check("a ceasefire of two days", "two days", "[172800,172800]");
        check("the 3-min clip", "3-min", "[180,180]");
        check("for 3.5years", "3.5years", "[110376000,110376000]");
        check("half an hour later", "half an hour", "[1800,1800]");
        check(
            "a couple of weeks",
            "a couple of weeks",
            "[1209600,1209600]",
        );
        check(
            "two decades of rule",
            "two decades",
            "[630720000,630720000]",
        );
        check(
            "1 year 1 month 21 days",
            "1 year 1 month 21 days",
            "[35942400,35942400]",
        );
        check(
            "one week three days",
            "one week three days",
            "[864000,864000]",
        );
        check(
            "two and a half hours",
            "two and a half hours",
            "[9000,9000]",
        );
    }

    #[test]
    fn hedges_and_rounding() {
        let cx = ParseContext::default();
        let (found, iv, hedge) = read("the nearly four-year war", &cx).expect("reads");
        assert_eq!(found, "nearly four-year");
        assert_eq!(hedge, Some(Hedge::Nearly));
        assert_eq!(iv, "[113529600,126144000)");
        let (_, iv, hedge) = read("more than an hour", &cx).expect("reads");
        assert_eq!((iv.as_str(), hedge), ("(3600,)", Some(Hedge::MoreThan)));
        let (_, iv, _) = read("four years", &cx).expect("reads");
        assert_eq!(iv, "[110376000,141912000)");
        let (_, iv, hedge) = read("two to three hours", &exact()).expect("reads");
        assert_eq!((iv.as_str(), hedge), ("[7200,10800]", Some(Hedge::Range)));
        let (_, iv, _) = read("less than a couple of days", &cx).expect("reads");
        assert_eq!(iv, "[0,172800)");
    }

    #[test]
    fn not_durations() {
        let cx = ParseContext::default();
        assert_eq!(read("for a second time", &cx), None);
        assert_eq!(read("the hours of darkness", &cx), None);
        assert_eq!(read("20 people", &cx), None);
        assert_eq!(DurationGrammar.parse("", &cx), None);
        assert_eq!(DurationGrammar.parse("day", &cx), None);
        let big = "9".repeat(500);
        let _ = DurationGrammar.parse(&format!("{big} years"), &cx);
        let _ = DurationGrammar.parse("ſome 2 days", &cx);
    }
}
