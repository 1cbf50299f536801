//! The count grammar: numbers of things or people, hedged, ranged or vague.
//!
//! # Forms
//!
//! - A number ([`crate::extract::number`]) with its rounding: `55,000` → `[54500,55500)`,
//!   `fifty-five thousand`, `1.2 million`, `20k`, `a dozen` (exactly 12).
//! - Hedges and ranges ([`crate::extract::hedge`]): `over 14,000` → `(14000,)`,
//!   `nearly four` → `[3.6,4)`, `between 20 and 30` → `[19.5,30.5)`, `1.2 to 1.5 million`.
//! - Joined bounds and "a figure or a bound" ([`Hedged::with_joined`]): `above 1,000 and
//!   below 1,500` → `(1000,1500)`; `over 90 and under 15` and `800 or more than 650` are two
//!   values each ([`Grammar::parse_all`]).
//! - Ranks in a range or under a hedge (`RANK`): `between the third and the eighth` →
//!   `[3,8]`; a rank alone is no value.
//! - Vague magnitudes ([`crate::extract::number::parse_vague`], [`Hedge::Vague`]):
//!   `tens of thousands` → `[20000,100000)`, `hundreds of thousands`, `thousands`,
//!   `dozens`.
//!
//! Values are clamped to be `>= 0`; a count that is entirely negative is not a value.
//!
//! The regex does not judge context (rules do), with one exception: a count must never be
//! a percentage or a fraction. So the regex also swallows a following percent sign or word
//! (`20%`, `20 per cent`, `5 percentage points`) or fraction denominator (`two-thirds`),
//! and the parser then refuses the match: `killed {value}` cannot read `killed 20%` as a
//! count of 20.

use crate::extract::grammar::{Grammar, Hedge, ParseContext, Parsed};
use crate::extract::hedge::{joined_values, Figure, Forms, Hedged};
use crate::extract::number::{parse_scaled, parse_vague, DIGIT_NUMBER, NUMBER, VAGUE};
use crate::extract::percent::{denominator, strip_percent, DENOMINATOR};
use crate::value::Unit;
use std::ops::Range;
use std::sync::LazyLock;

/// A rank: an ordinal in digits (`10th`, `3rd`) or a simple ordinal word (`tenth`, up to
/// `twentieth`, and the tens), "the" before it optional. A rank is a count only with a
/// hedge or in a range ("between the tenth and the fifteenth"); bare, it is no value.
const RANK: &str = r"(?:(?-u:\b)the\s+)?(?-u:\b)(?:[0-9]{1,4}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)(?-u:\b)";

/// The figures of a count: a rank or a number.
static FIGURE: LazyLock<String> = LazyLock::new(|| format!("(?:{RANK}|{NUMBER})"));

static HEDGED: LazyLock<Hedged> = LazyLock::new(|| {
    Hedged::with_joined(Forms {
        value: &FIGURE,
        range_start: &FIGURE,
        dash_start: DIGIT_NUMBER,
        dash_end: DIGIT_NUMBER,
    })
});

/// The value of a rank ([`RANK`], lower case): `the 10th` → 10, `fifteenth` → 15.
fn parse_rank(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_prefix("the").map_or(t, str::trim_start);
    if let Some(digits) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return digits.parse().ok();
    }
    const TENS: [&str; 7] = [
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(n) = super::date::ordinal_of(t) {
        return Some(f64::from(n));
    }
    if t == "twentieth" {
        return Some(20.0);
    }
    if let Some(i) = TENS.iter().position(|w| *w == t) {
        return Some(30.0 + 10.0 * i as f64);
    }
    (t == "hundredth").then_some(100.0)
}

/// A figure of a count: a number, or a rank (exact).
fn count_figure(text: &str) -> Option<Figure> {
    let lower = text.trim().to_lowercase();
    match parse_rank(&lower) {
        Some(rank) => Some(Figure {
            value: rank,
            step: 0.0,
            scale: 1.0,
            approximate: false,
        }),
        None => parse_scaled(&lower).map(Figure::number),
    }
}

/// The count forms, then what must not follow a count (a percent sign or word, a fraction
/// denominator), swallowed so the parser can refuse it.
static REGEX: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:(?:{VAGUE}|{hedged})(?:\s*%|\s*(?:per[\s-]*cent|percent(?:age[\s-]+points?)?)(?-u:\b)|[\s-]+{DENOMINATOR}(?-u:\b))?)",
        hedged = HEDGED.regex()
    )
});

/// The grammar of counts ([`Unit::Count`]); see the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountGrammar;

impl Grammar for CountGrammar {
    fn regex(&self) -> &str {
        &REGEX
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        let lower = text.trim().to_lowercase();
        if is_share(&lower) {
            return None;
        }
        let (iv, hedge) = match parse_vague(&lower) {
            Some(iv) => (iv, Some(Hedge::Vague)),
            None => HEDGED.parse(&lower, cx, |t, _| count_figure(t))?,
        };
        // A rank alone ("the tenth") is no count.
        if hedge.is_none() && parse_rank(&lower).is_some() {
            return None;
        }
        let iv = iv.clamp_lo(0.0);
        if iv.is_empty() {
            return None;
        }
        Some(Parsed {
            value: Ok(iv),
            unit: Unit::Count,
            hedge,
        })
    }

    fn parse_all(&self, text: &str, cx: &ParseContext) -> Vec<(Range<usize>, Parsed)> {
        joined_values(&HEDGED, text, |t| self.parse(t, cx))
    }
}

/// Whether a matched text ends as a percentage or a fraction (lower case): a percent sign
/// or word, "percentage point(s)", or a denominator not after "a" or "the" ("two-thirds"
/// but not "two and a half" or the rank "the eighth").
fn is_share(text: &str) -> bool {
    if strip_percent(text).is_some() {
        return true;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    match tokens.as_slice() {
        [.., "percentage", "point" | "points"] => true,
        [.., before, last] => denominator(last).is_some() && !matches!(*before, "a" | "the"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    fn parse_with(text: &str, cx: &ParseContext) -> Option<(String, Option<Hedge>)> {
        let p = CountGrammar.parse(text, cx)?;
        assert_eq!(p.unit, Unit::Count);
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
        Regex::new(&format!("(?P<value>{})", CountGrammar.regex())).expect("compiles")
    });

    fn re() -> &'static Regex {
        &RE
    }

    fn find(text: &str) -> Option<String> {
        re().captures(text)
            .and_then(|c| c.name("value"))
            .map(|m| m.as_str().to_string())
    }

    fn read(text: &str) -> Option<(String, String, Option<Hedge>)> {
        let found = find(text)?;
        let (iv, hedge) = parse_with(&found, &ParseContext::default())?;
        Some((found, iv, hedge))
    }

    #[test]
    fn regex_shape() {
        let r = re();
        assert_eq!(r.captures_len(), 2, "only the value group");
        let src = CountGrammar.regex();
        assert!(src.starts_with("(?i:"));
        assert!(!src.replace(r"(?-u:\b)", "").contains(r"\b"));
    }

    #[test]
    fn plain_counts() {
        check("55,000", "[54500,55500)", None);
        check("14,000", "[13500,14500)", None);
        check("701", "[700.5,701.5)", None);
        check("fifty-five thousand", "[54500,55500)", None);
        check("five", "[4.5,5.5)", None);
        check("1.2 million", "[1150000,1250000)", None);
        check("20k", "[19500,20500)", None);
        check("a dozen", "[12,12]", None);
        check("three dozen", "[36,36]", None);
        check("a hundred", "[95,105)", None);
        check("one hundred and six", "[105.5,106.5)", None);
        check("two and a half", "[2.45,2.55)", None);
    }

    #[test]
    fn hedged_counts() {
        use Hedge::*;
        check("over 14,000", "(14000,)", Some(MoreThan));
        check("more than 14,000", "(14000,)", Some(MoreThan));
        check("nearly four", "[3.6,4)", Some(Nearly));
        check("almost 4", "[3.6,4)", Some(Nearly));
        check("about 20", "[17.55,22.55)", Some(About));
        check("some 20,000", "[17550,22550)", Some(About));
        check("an estimated 20,000", "[17550,22550)", Some(About));
        check("just over 100", "(100,110]", Some(JustOver));
        check("at least 20", "[20,)", Some(AtLeast));
        check("no fewer than 20", "[20,)", Some(AtLeast));
        check("fewer than 20", "[0,20)", Some(LessThan));
        check("up to 700", "[0,700]", Some(UpTo));
        check("more than a dozen", "(12,)", Some(MoreThan));
        check("between 20 and 30", "[19.5,30.5)", Some(Range));
        check("from 20 to 30", "[19.5,30.5)", Some(Range));
        check("20 to 30", "[19.5,30.5)", Some(Range));
        check("20-30", "[19.5,30.5)", Some(Range));
        check("20–30", "[19.5,30.5)", Some(Range));
        check("1.2 to 1.5 million", "[1150000,1550000)", Some(Range));
        check("20 or more", "[20,)", Some(AtLeast));
        check("exactly 1,000", "[1000,1000]", Some(Exactly));
        check("about 300-400", "[295,405)", Some(Range));
        check("over 40 or equal to", "[40,)", Some(AtLeast));
    }

    #[test]
    fn vague_counts() {
        use Hedge::Vague;
        check("tens of thousands", "[20000,100000)", Some(Vague));
        check("hundreds of thousands", "[200000,1000000)", Some(Vague));
        check("thousands", "[2000,10000)", Some(Vague));
        check("dozens", "[24,100)", Some(Vague));
        check("a few dozen", "[24,100)", Some(Vague));
        check("hundreds", "[200,1000)", Some(Vague));
        check("millions", "[2000000,10000000)", Some(Vague));
        check("tens of millions", "[20000000,100000000)", Some(Vague));
        check(
            "hundreds of millions",
            "[200000000,1000000000)",
            Some(Vague),
        );
        check("billions", "[2000000000,10000000000)", Some(Vague));
    }

    #[test]
    fn article_phrasings() {
        use Hedge::*;
        assert_eq!(
            read("tens of thousands of military and civilian casualties"),
            Some((
                "tens of thousands".into(),
                "[20000,100000)".into(),
                Some(Vague)
            ))
        );
        assert_eq!(
            read("over 14,000 civilians have been killed"),
            Some(("over 14,000".into(), "(14000,)".into(), Some(MoreThan)))
        );
        assert_eq!(
            read("Ukraine had lost 55,000 soldiers"),
            Some(("55,000".into(), "[54500,55500)".into(), None))
        );
        assert_eq!(
            read("hundreds of thousands in Ukrainian cities"),
            Some((
                "hundreds of thousands".into(),
                "[200000,1000000)".into(),
                Some(Vague)
            ))
        );
        assert_eq!(
            read("thousands of mercenaries"),
            Some(("thousands".into(), "[2000,10000)".into(), Some(Vague)))
        );
        assert_eq!(
            read("the war has killed nearly four people a day"),
            Some(("nearly four".into(), "[3.6,4)".into(), Some(Nearly)))
        );
    }

    #[test]
    fn percentages_are_not_counts() {
        let cx = ParseContext::default();
        for text in [
            "20%",
            "about 20%",
            "20 per cent",
            "20 percent",
            "20-30%",
            "between 20 and 30 per cent",
            "5 percentage points",
            "two-thirds",
            "one fifth",
        ] {
            assert_eq!(find(text).as_deref(), Some(text), "{text:?}");
            assert_eq!(CountGrammar.parse(text, &cx), None, "{text:?}");
        }
        let sentence = "Russia, which accounts for about 20% of the country";
        assert_eq!(find(sentence).as_deref(), Some("about 20%"));
    }

    #[test]
    fn negative_and_inverted_counts_are_not_values() {
        let cx = ParseContext::default();
        assert_eq!(CountGrammar.parse("-5", &cx), None);
        assert_eq!(CountGrammar.parse("2021-22", &cx), None);
        assert_eq!(CountGrammar.parse("twenty-first", &cx), None);
        assert_eq!(CountGrammar.parse("", &cx), None);
        assert_eq!(CountGrammar.parse("people", &cx), None);
    }

    #[test]
    fn exact_context() {
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        assert_eq!(
            parse_with("55,000", &cx),
            Some(("[55000,55000]".into(), None))
        );
        assert_eq!(
            parse_with("between 20 and 30", &cx),
            Some(("[20,30]".into(), Some(Hedge::Range)))
        );
    }

    fn all(text: &str) -> Vec<(String, String, Option<Hedge>)> {
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        CountGrammar
            .parse_all(text, &cx)
            .into_iter()
            .filter_map(|(r, p)| {
                Some((text.get(r)?.to_string(), p.value.ok()?.notation(), p.hedge))
            })
            .collect()
    }

    fn one(text: &str, iv: &str, hedge: Option<Hedge>) -> (String, String, Option<Hedge>) {
        (text.to_string(), iv.to_string(), hedge)
    }

    #[test]
    fn joined_bounds_are_one_range() {
        use Hedge::*;
        check("over 250 and under 400", "(250,400)", Some(Range));
        check("at least 12 but no more than 18", "[12,18]", Some(Range));
        check("fewer than 90 and more than 60", "(60,90)", Some(Range));
        check(
            "more than 5 and at most 8 or equal to",
            "(5,8]",
            Some(Range),
        );
        assert_eq!(
            find("officials counted above 3,000 and below 3,500 protesters"),
            Some("above 3,000 and below 3,500".into())
        );
        assert_eq!(
            all("over 250 and under 400"),
            vec![one("over 250 and under 400", "(250,400)", Some(Range))]
        );
    }

    #[test]
    fn contradictory_or_one_sided_joins_are_two_values() {
        use Hedge::*;
        let cx = ParseContext::default();
        // Never an empty interval: `parse` refuses, `parse_all` reads the halves.
        assert_eq!(CountGrammar.parse("over 90 and under 15", &cx), None);
        assert_eq!(
            all("over 90 and under 15"),
            vec![
                one("over 90", "(90,)", Some(MoreThan)),
                one("under 15", "[0,15)", Some(LessThan)),
            ]
        );
        assert_eq!(CountGrammar.parse("more than 30 and over 70", &cx), None);
        assert_eq!(
            all("more than 30 and over 70"),
            vec![
                one("more than 30", "(30,)", Some(MoreThan)),
                one("over 70", "(70,)", Some(MoreThan)),
            ]
        );
    }

    #[test]
    fn a_figure_or_a_bound_is_two_values() {
        use Hedge::*;
        let cx = ParseContext::default();
        assert_eq!(
            find("turnout of 800 or more than 650 voters").as_deref(),
            Some("800 or more than 650")
        );
        assert_eq!(CountGrammar.parse("800 or more than 650", &cx), None);
        assert_eq!(
            all("800 or more than 650"),
            vec![
                one("800", "[800,800]", None),
                one("more than 650", "(650,)", Some(MoreThan)),
            ]
        );
        assert_eq!(
            all("equal to 70 or fewer than 90"),
            vec![
                one("equal to 70", "[70,70]", Some(Exactly)),
                one("fewer than 90", "[0,90)", Some(LessThan)),
            ]
        );
        // With no figure after it, the hedge is a postfix one.
        assert_eq!(
            read("a crowd of 800 or more than expected").map(|r| r.0),
            Some("800 or more".into())
        );
        check("equal to 300 or fewer", "[0,300]", Some(UpTo));
        check("equal to 300 or more", "[300,)", Some(AtLeast));
    }

    #[test]
    fn ranks_count_only_hedged_or_ranged() {
        use Hedge::*;
        check("between the third and the eighth", "[3,8]", Some(Range));
        check("between 4th and 9th", "[4,9]", Some(Range));
        check("from the 2nd to the 12th", "[2,12]", Some(Range));
        check(
            "above the twelfth but below the twentieth",
            "(12,20)",
            Some(Range),
        );
        check("lower than the fortieth", "[0,40)", Some(LessThan));
        assert_eq!(
            find("the team finished between the third and the eighth").as_deref(),
            Some("between the third and the eighth")
        );
        let cx = ParseContext::default();
        for bare in ["the tenth", "21st", "fifth", "the 3rd"] {
            assert_eq!(CountGrammar.parse(bare, &cx), None, "{bare:?}");
        }
        assert_eq!(read("on the tenth anniversary"), None);
        assert_eq!(parse_rank("the 101st"), Some(101.0));
        assert_eq!(parse_rank("hundredth"), Some(100.0));
        assert_eq!(parse_rank("th"), None);
        assert_eq!(parse_rank("tenths"), None);
    }

    #[test]
    fn no_panics_on_extreme_input() {
        let cx = ParseContext::default();
        let big = "9".repeat(500);
        assert_eq!(find(&big).as_deref(), Some(big.as_str()));
        assert_eq!(CountGrammar.parse(&big, &cx), None);
        assert_eq!(CountGrammar.parse("10^400", &cx), None);
        assert_eq!(find("10^400").as_deref(), Some("10"));
        let _ = CountGrammar.parse(&format!("over {big}"), &cx);
        let _ = CountGrammar.parse(&format!("1 to {big}"), &cx);
        let _ = CountGrammar.parse(&format!("{big} billion"), &cx);
        let _ = CountGrammar.parse("ſome 20", &cx);
    }
}
