//! The percentage grammar: shares written as numbers with a percent sign or word, as
//! fractions in words, or as "one in five", with every hedge and range form.
//!
//! Values are in percent (`20%` → around 20, not 0.2), clamped to be `>= 0`.
//!
//! # Forms
//!
//! - A number ([`crate::extract::number`]) followed by `%`, `per cent`, `per-cent` or
//!   `percent`: `19.3%` → `[19.25,19.35)`, `20 per cent` → `[19.5,20.5)`,
//!   `twenty per cent`, `fifty percent`. Never `percentage points` (another unit):
//!   `percent(?-u:\b)` does not match `percentage`.
//! - A fraction in words: numerator `a`, `one` to `nine` or a digit 1 to 9, denominator
//!   `half` to `tenth` or `hundredth` (singular or plural, spaced or hyphenated), or `half`
//!   alone: `a fifth`, `one-fifth`, `two thirds`, `three-quarters`, `five eighths`,
//!   `nine tenths`, `half`, `a half`.
//! - `one in five`, `1 in 5`, `one in every ten`, `one in a hundred`: the share
//!   `numerator / denominator`.
//! - Fractions and "one in five" are approximate by nature: bare, they read as the exact
//!   share widened by `cx.hedges.about` with
//!   [`Hedge::About`](crate::extract::grammar::Hedge::About) (`a fifth` → `[18,22]`); with
//!   a hedge, the hedge applies to the exact share (`nearly a fifth` → `[18,20)`,
//!   `more than a third` → `(33.333333,)`, `about half` → `[45,55]`). With `cx.exact` they
//!   are exact points.
//! - Hedges and ranges as in [`crate::extract::hedge`]: `about 20%` → `[17.55,22.55)`,
//!   `between 20 and 30 per cent`, `20-30%` (the `%` of the second figure applies to the
//!   first), `20% to 30%`, `from a fifth to a quarter`.
//!
//! The regex also swallows `half a million`, `two and a half` and `and a half` (as in "a
//! year and a half"), when not followed by a percent word, so that their `half` is not read
//! as 50%; the parser refuses them.

use crate::extract::grammar::{Grammar, ParseContext, Parsed};
use crate::extract::hedge::{Figure, Forms, Hedged, Slot};
use crate::extract::number::{parse_number, parse_scaled, DIGIT_NUMBER, NUMBER, WORDS_BELOW_100};
use crate::value::Unit;
use std::sync::LazyLock;

/// Regex source for a fraction's denominator word ("fifth", "thirds", "half").
pub const DENOMINATOR: &str = concat!(
    r"(?i:halves|half|thirds|third|quarters|quarter|fourths|fourth|fifths|fifth|sixths|",
    r"sixth|sevenths|seventh|eighths|eighth|ninths|ninth|tenths|tenth|hundredths|hundredth)"
);

/// Regex source for a percent sign or word after a number, spaces before it included.
pub const PERCENT_SIGN: &str = r"(?i:\s*%|\s*(?:per[\s-]*cent|percents?|percentage)(?-u:\b))";

/// Regex source for "percentage points" after a number, spaces before it included: a
/// unit of its own ([`Unit::PercentagePoint`]).
pub const POINTS_SIGN: &str = r"(?i:\s*(?:percentage|per[\s-]*cent(?:age)?)[\s-]+points?(?-u:\b))";

/// Regex source for the percent word written before its number: "percent of 10", "per cent
/// of twenty-two".
const PERCENT_OF: &str = r"(?i:(?-u:\b)(?:per[\s-]*cent|percents?)\s+of\s+)";

/// Regex source for a fraction in words ("a fifth", "two-thirds", "half").
static FRACTION: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:(?-u:\b)(?:(?:a|one|two|three|four|five|six|seven|eight|nine|[1-9])[\s-]+{DENOMINATOR}|half)(?-u:\b))"
    )
});

/// Regex source for "one in five".
static ONE_IN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:(?-u:\b)(?:[0-9]{{1,3}}|{WORDS_BELOW_100})\s+in\s+(?:every\s+)?(?:(?:a|one)\s+(?:hundred|thousand)|[0-9]{{1,3}}(?:,[0-9]{{3}})?|{WORDS_BELOW_100})(?-u:\b))"
    )
});

/// Forms whose "half" is not a share, swallowed so the parser can refuse them.
static NOT_A_SHARE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:(?-u:\b)(?:half\s+an?\s+(?:thousand|million|billion|trillion|dozen)|(?:(?:[0-9]+|{WORDS_BELOW_100})\s+)?and\s+a\s+half)(?-u:\b))"
    )
});

static HEDGED: LazyLock<Hedged> = LazyLock::new(|| {
    let fraction = FRACTION.as_str();
    let one_in = ONE_IN.as_str();
    let not_a_share = NOT_A_SHARE.as_str();
    let value = format!(
        "(?:{NUMBER}{POINTS_SIGN}|{NUMBER}{PERCENT_SIGN}|{PERCENT_OF}{NUMBER}|{not_a_share}|{fraction}|{one_in})"
    );
    let range_start = format!("(?:{NUMBER}(?:{POINTS_SIGN}|{PERCENT_SIGN})?|{fraction}|{one_in})");
    let dash_end = format!("{DIGIT_NUMBER}(?:{POINTS_SIGN}|{PERCENT_SIGN})");
    let dash_start = format!("{DIGIT_NUMBER}(?:{POINTS_SIGN}|{PERCENT_SIGN})?");
    Hedged::new(Forms {
        value: &value,
        range_start: &range_start,
        dash_start: &dash_start,
        dash_end: &dash_end,
    })
});

/// The grammar of percentages ([`Unit::Percent`]); see the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct PercentGrammar;

impl Grammar for PercentGrammar {
    fn regex(&self) -> &str {
        HEDGED.regex()
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        let points = strip_points(&text.trim().to_lowercase()).is_some();
        let (iv, hedge) = HEDGED.parse(text, cx, |t, slot| {
            let lower = t.trim().to_lowercase();
            match strip_points(&lower) {
                Some(number) if points => parse_scaled(number).map(Figure::number),
                Some(_) => None,
                None if points => (slot == Slot::RangeStart)
                    .then(|| parse_scaled(&lower).map(Figure::number))
                    .flatten(),
                None => figure(t, slot),
            }
        })?;
        // A change in percentage points may be negative; a share may not.
        let (iv, unit) = if points {
            (iv, Unit::PercentagePoint)
        } else {
            (iv.clamp_lo(0.0), Unit::Percent)
        };
        if iv.is_empty() {
            return None;
        }
        Some(Parsed {
            value: Ok(iv),
            unit,
            hedge,
        })
    }
}

/// Reads one figure of a percentage: a number with its percent word, a fraction, "one in
/// five", or (first figure of a range only) a bare number.
fn figure(text: &str, slot: Slot) -> Option<Figure> {
    let lower = text.trim().to_lowercase();
    if let Some(number) = strip_percent(&lower) {
        return parse_scaled(number).map(Figure::number);
    }
    if let Some(number) = strip_percent_of(&lower) {
        return parse_scaled(number).map(Figure::number);
    }
    if let Some(share) = parse_fraction(&lower).or_else(|| parse_one_in(&lower)) {
        return Some(Figure::approximate(share));
    }
    if slot == Slot::RangeStart {
        return parse_scaled(&lower).map(Figure::number);
    }
    None
}

/// The text before a trailing "percentage points" or "percentage point" (lower case).
pub fn strip_points(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let rest = t
        .strip_suffix("points")
        .or_else(|| t.strip_suffix("point"))?;
    let rest = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let rest = rest.strip_suffix("age").unwrap_or(rest);
    strip_percent(rest)
}

/// The number after a leading "percent of" or "per cent of" (lower case).
fn strip_percent_of(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let rest = t
        .strip_prefix("percents")
        .or_else(|| t.strip_prefix("percent"))
        .or_else(|| {
            let r = t.strip_prefix("per")?;
            r.trim_start_matches(|c: char| c.is_whitespace() || c == '-')
                .strip_prefix("cent")
        })?;
    let rest = rest.trim_start().strip_prefix("of")?;
    rest.starts_with(char::is_whitespace).then(|| rest.trim())
}

/// The text before a trailing `%`, `percent`, `percents`, `percentage`, `per cent` or
/// `per-cent` (lower case).
pub fn strip_percent(text: &str) -> Option<&str> {
    let t = text.trim_end();
    if let Some(rest) = t.strip_suffix('%') {
        return Some(rest.trim_end());
    }
    for word in ["percentage", "percents"] {
        if let Some(rest) = t.strip_suffix(word) {
            return Some(rest.trim_end());
        }
    }
    let rest = t.strip_suffix("cent")?;
    let rest = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    rest.strip_suffix("per").map(str::trim_end)
}

/// The value of a denominator word ("fifth" → 5, "quarters" → 4), case-insensitive.
pub fn denominator(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    Some(match w {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Reads a fraction in words as a percentage ("a fifth" → 20, "two-thirds" → 66.67,
/// "half" → 50); `None` for anything else.
pub fn parse_fraction(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    let (numerator, denom) = match tokens.as_slice() {
        ["half"] => return Some(50.0),
        [n, d] => (*n, denominator(d)?),
        _ => return None,
    };
    let numerator = match numerator {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        digit if digit.len() == 1 => f64::from(digit.parse::<u8>().ok().filter(|d| *d >= 1)?),
        _ => return None,
    };
    Some(numerator / denom * 100.0)
}

/// Reads "one in five" as a percentage (20); `None` for anything else, a zero
/// denominator or a numerator larger than its denominator.
pub fn parse_one_in(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let (a, b) = lower.split_once(" in ")?;
    let b = b.trim_start();
    let b = b.strip_prefix("every ").unwrap_or(b);
    let a = parse_number(a)?.value;
    let b = parse_number(b)?.value;
    if b <= 0.0 || a < 0.0 || a > b {
        return None;
    }
    Some(a / b * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::grammar::Hedge;
    use regex::Regex;
    use std::sync::LazyLock;

    fn parse_with(text: &str, cx: &ParseContext) -> Option<(String, Option<Hedge>)> {
        let p = PercentGrammar.parse(text, cx)?;
        assert_eq!(p.unit, Unit::Percent);
        let iv = p.value.ok()?;
        Some((iv.notation(), p.hedge))
    }

    fn check(text: &str, expected: &str, hedge: Option<Hedge>) {
        assert_eq!(
            parse_with(text, &ParseContext::default()),
            Some((expected.to_string(), hedge)),
            "{text:?}"
        );
    }

    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?P<value>{})", PercentGrammar.regex())).expect("compiles")
    });

    fn re() -> &'static Regex {
        &RE
    }

    fn find(text: &str) -> Option<String> {
        re().captures(text)
            .and_then(|c| c.name("value"))
            .map(|m| m.as_str().to_string())
    }

    /// Finds the value in `text` and parses it.
    fn read(text: &str) -> Option<(String, String, Option<Hedge>)> {
        let found = find(text)?;
        let (iv, hedge) = parse_with(&found, &ParseContext::default())?;
        Some((found, iv, hedge))
    }

    #[test]
    fn regex_shape() {
        let r = re();
        assert_eq!(r.captures_len(), 2, "only the value group");
        let src = PercentGrammar.regex();
        assert!(src.starts_with("(?i:"));
        assert!(!src.replace(r"(?-u:\b)", "").contains(r"\b"));
    }

    #[test]
    fn plain_percentages() {
        check("19.3%", "[19.25,19.35)", None);
        check("20 per cent", "[19.5,20.5)", None);
        check("20%", "[19.5,20.5)", None);
        check("20 %", "[19.5,20.5)", None);
        check("20 percent", "[19.5,20.5)", None);
        check("20 Per-Cent", "[19.5,20.5)", None);
        check("twenty per cent", "[19.5,20.5)", None);
        check("fifty percent", "[49.5,50.5)", None);
        check("100%", "[95,105)", None);
        check(".5%", "[0.45,0.55)", None);
        check("two and a half per cent", "[2.45,2.55)", None);
        check("240 percent", "[235,245)", None);
        check("twenty-five per cent", "[24.5,25.5)", None);
    }

    #[test]
    fn hedged_percentages() {
        use Hedge::*;
        check("about 20%", "[17.55,22.55)", Some(About));
        check("around 20 per cent", "[17.55,22.55)", Some(About));
        check("roughly 20%", "[17.55,22.55)", Some(About));
        check("approximately 20%", "[17.55,22.55)", Some(About));
        check("some 20%", "[17.55,22.55)", Some(About));
        check("an estimated 20%", "[17.55,22.55)", Some(About));
        check("nearly 20%", "[18,20)", Some(Nearly));
        check("almost 20%", "[18,20)", Some(Nearly));
        check("close to 20%", "[18,20)", Some(Nearly));
        check("just under 20%", "[18,20)", Some(Nearly));
        check("just over 20%", "(20,22]", Some(JustOver));
        check("more than 20%", "(20,)", Some(MoreThan));
        check("over 20%", "(20,)", Some(MoreThan));
        check("above 20%", "(20,)", Some(MoreThan));
        check("in excess of 20%", "(20,)", Some(MoreThan));
        check("at least 20%", "[20,)", Some(AtLeast));
        check("no less than 20%", "[20,)", Some(AtLeast));
        check("less than 20%", "[0,20)", Some(LessThan));
        check("under 20%", "[0,20)", Some(LessThan));
        check("below 20%", "[0,20)", Some(LessThan));
        check("up to 20%", "[0,20]", Some(UpTo));
        check("at most 20%", "[0,20]", Some(UpTo));
        check("no more than 20%", "[0,20]", Some(UpTo));
        check("20% or more", "[20,)", Some(AtLeast));
    }

    #[test]
    fn ranged_percentages() {
        use Hedge::Range;
        check("between 20 and 30 per cent", "[19.5,30.5)", Some(Range));
        check("between 20% and 30%", "[19.5,30.5)", Some(Range));
        check("20-30%", "[19.5,30.5)", Some(Range));
        check("20–30%", "[19.5,30.5)", Some(Range));
        check("20% to 30%", "[19.5,30.5)", Some(Range));
        check("20 to 30 per cent", "[19.5,30.5)", Some(Range));
        check("from 20 to 30%", "[19.5,30.5)", Some(Range));
        check("19.3-20%", "[19.25,20.5)", Some(Range));
        check("between a fifth and a quarter", "[20,25]", Some(Range));
        assert_eq!(parse_with("30-20%", &ParseContext::default()), None);
    }

    #[test]
    fn fractions_are_approximate() {
        use Hedge::*;
        check("a fifth", "[18,22]", Some(About));
        check("one fifth", "[18,22]", Some(About));
        check("one-fifth", "[18,22]", Some(About));
        check("a quarter", "[22.5,27.5]", Some(About));
        check("one quarter", "[22.5,27.5]", Some(About));
        check("a third", "[30,36.666667]", Some(About));
        check("one-third", "[30,36.666667]", Some(About));
        check("half", "[45,55]", Some(About));
        check("a half", "[45,55]", Some(About));
        check("one half", "[45,55]", Some(About));
        check("Half", "[45,55]", Some(About));
        check("two-thirds", "[60,73.333333]", Some(About));
        check("two thirds", "[60,73.333333]", Some(About));
        check("three quarters", "[67.5,82.5]", Some(About));
        check("three-quarters", "[67.5,82.5]", Some(About));
        check("two fifths", "[36,44]", Some(About));
        check("three fifths", "[54,66]", Some(About));
        check("four fifths", "[72,88]", Some(About));
        check("five eighths", "[56.25,68.75]", Some(About));
        check("a tenth", "[9,11]", Some(About));
        check("nine tenths", "[81,99]", Some(About));
        check("a hundredth", "[0.9,1.1]", Some(About));
        check("3 quarters", "[67.5,82.5]", Some(About));
        check("a fourth", "[22.5,27.5]", Some(About));
        assert_eq!(
            parse_fraction("two-thirds").map(|v| (v * 100.0).round()),
            Some(6667.0)
        );
    }

    #[test]
    fn one_in_five() {
        use Hedge::*;
        check("one in five", "[18,22]", Some(About));
        check("1 in 5", "[18,22]", Some(About));
        check("one in every ten", "[9,11]", Some(About));
        check("one in a hundred", "[0.9,1.1]", Some(About));
        check("nearly one in five", "[18,20)", Some(Nearly));
        assert_eq!(parse_one_in("five in one"), None);
        assert_eq!(parse_one_in("one in zero"), None);
    }

    #[test]
    fn hedged_fractions_use_the_exact_share() {
        use Hedge::*;
        check("nearly a fifth", "[18,20)", Some(Nearly));
        check("more than a third", "(33.333333,)", Some(MoreThan));
        check("about half", "[45,55]", Some(About));
        check("almost half", "[45,50)", Some(Nearly));
        check("more than half", "(50,)", Some(MoreThan));
        check("about a fifth", "[18,22]", Some(About));
        check("less than a quarter", "[0,25)", Some(LessThan));
    }

    #[test]
    fn exact_context() {
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        assert_eq!(parse_with("20%", &cx), Some(("[20,20]".into(), None)));
        assert_eq!(parse_with("a fifth", &cx), Some(("[20,20]".into(), None)));
        assert_eq!(
            parse_with("about 20%", &cx),
            Some(("[18,22]".into(), Some(Hedge::About)))
        );
    }

    #[test]
    fn hedge_ratios_come_from_the_context() {
        let mut cx = ParseContext::default();
        cx.hedges.about = 0.2;
        cx.hedges.nearly = 0.05;
        assert_eq!(
            parse_with("a fifth", &cx),
            Some(("[16,24]".into(), Some(Hedge::About)))
        );
        assert_eq!(
            parse_with("nearly 20%", &cx),
            Some(("[19,20)".into(), Some(Hedge::Nearly)))
        );
    }

    #[test]
    fn article_phrasings() {
        use Hedge::*;
        assert_eq!(
            read("Russia, which accounts for about 20% of the country"),
            Some(("about 20%".into(), "[17.55,22.55)".into(), Some(About)))
        );
        assert_eq!(
            read("Russian forces now control 19.3% of the country."),
            Some(("19.3%".into(), "[19.25,19.35)".into(), None))
        );
        assert_eq!(
            read("Moscow occupies 20 per cent of Ukraine"),
            Some(("20 per cent".into(), "[19.5,20.5)".into(), None))
        );
        assert_eq!(
            read("Russia holds about a fifth of the mineral-rich Donetsk region"),
            Some(("about a fifth".into(), "[18,22]".into(), Some(About)))
        );
        assert_eq!(
            read("Russia controls between 20 and 30 per cent of the land"),
            Some((
                "between 20 and 30 per cent".into(),
                "[19.5,30.5)".into(),
                Some(Range)
            ))
        );
        assert_eq!(
            read("support fell to 20-30% last year"),
            Some(("20-30%".into(), "[19.5,30.5)".into(), Some(Range)))
        );
        assert_eq!(
            read("more than a third of the population"),
            Some((
                "more than a third".into(),
                "(33.333333,)".into(),
                Some(MoreThan)
            ))
        );
        assert_eq!(
            read("one in five Ukrainians"),
            Some(("one in five".into(), "[18,22]".into(), Some(About)))
        );
    }

    #[test]
    fn not_percentages() {
        assert_eq!(
            PercentGrammar
                .parse("5 percentage points", &ParseContext::default())
                .map(|p| p.unit),
            Some(Unit::PercentagePoint)
        );
        assert_eq!(find("14,000 civilians"), None);
        assert_eq!(find("killed 20 in 2022"), None);
        assert_eq!(find("the first quarter"), None);
        // Swallowed so their "half" is not a share; the parser refuses them.
        assert_eq!(
            find("half a million people").as_deref(),
            Some("half a million")
        );
        assert_eq!(
            PercentGrammar.parse("half a million", &ParseContext::default()),
            None
        );
        assert_eq!(
            find("for two and a half years").as_deref(),
            Some("two and a half")
        );
        assert_eq!(
            PercentGrammar.parse("two and a half", &ParseContext::default()),
            None
        );
        assert_eq!(find("a year and a half ago").as_deref(), Some("and a half"));
        assert_eq!(
            PercentGrammar.parse("and a half", &ParseContext::default()),
            None
        );
        assert_eq!(PercentGrammar.parse("20", &ParseContext::default()), None);
        assert_eq!(PercentGrammar.parse("", &ParseContext::default()), None);
    }

    #[test]
    fn no_panics_on_extreme_input() {
        let cx = ParseContext::default();
        let big = format!("{}%", "9".repeat(500));
        assert_eq!(find(&big).as_deref(), Some(big.as_str()));
        assert_eq!(PercentGrammar.parse(&big, &cx), None);
        assert_eq!(PercentGrammar.parse("10^400%", &cx), None);
        assert_eq!(find("10^400%").as_deref(), Some("400%"));
        let _ = PercentGrammar.parse(&format!("between 1 and {big}"), &cx);
        let _ = PercentGrammar.parse(&format!("0.{}1%", "0".repeat(400)), &cx);
        let _ = PercentGrammar.parse("1 in 0", &cx);
        let _ = PercentGrammar.parse("ſome 20%", &cx);
    }
}
