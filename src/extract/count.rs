//! The count grammar: numbers of things or people, hedged, ranged or vague.
//!
//! # Forms
//!
//! - A number ([`crate::extract::number`]) with its rounding: `55,000` → `[54500,55500)`,
//!   `fifty-five thousand`, `1.2 million`, `20k`, `a dozen` (exactly 12).
//! - Hedges and ranges ([`crate::extract::hedge`]): `over 14,000` → `(14000,)`,
//!   `nearly four` → `[3.6,4)`, `between 20 and 30` → `[19.5,30.5)`, `1.2 to 1.5 million`.
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
use crate::extract::hedge::{Figure, Forms, Hedged};
use crate::extract::number::{parse_scaled, parse_vague, DIGIT_NUMBER, NUMBER, VAGUE};
use crate::extract::percent::{denominator, strip_percent, DENOMINATOR};
use crate::value::Unit;
use std::sync::LazyLock;

static HEDGED: LazyLock<Hedged> = LazyLock::new(|| {
    Hedged::new(Forms {
        value: NUMBER,
        range_start: NUMBER,
        dash_start: DIGIT_NUMBER,
        dash_end: DIGIT_NUMBER,
    })
});

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
            None => HEDGED.parse(&lower, cx, |t, _| parse_scaled(t).map(Figure::number))?,
        };
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
}

/// Whether a matched text ends as a percentage or a fraction (lower case): a percent sign
/// or word, "percentage point(s)", or a denominator not after "a" ("two-thirds" but not
/// "two and a half").
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
        [.., before, last] => denominator(last).is_some() && *before != "a",
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
