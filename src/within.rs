//! The engine's own checks inside one article, needing no rule.
//!
//! - [`UNIT_CONVERSION`]: a figure followed by its conversion in parentheses that does not
//!   agree: "114,500 square kilometres (44,600 square miles)" (114,500 km² is about 44,209
//!   square miles). Both figures are read by the quantity grammar
//!   ([`crate::extract::quantity`]) as intervals that carry the rounding of the figures as
//!   written, in one base unit per dimension; they agree when the intervals share a point,
//!   so "701 square kilometers (270 square miles)" agrees (701 km² is about 270.7 square
//!   miles, and 270 is that, rounded).
//! - [`UNIT_MISMATCH`]: a figure converted into a unit of another dimension: an area in
//!   plain miles, "701 square kilometers (270 miles)". Only the dimensions that are never
//!   converted into each other are compared (length, area, mass, speed, temperature); mass
//!   and volume ("500,000 barrels (68,000 tonnes)"), money and bare degrees are left alone.
//!
//! Both are warnings by default, and claimlint.toml can re-level or turn them off
//! (`[severity] "unit-conversion" = "off"`). The check runs on every article's body as it
//! is read ([`crate::corpus`]); it looks only where a `(` opens a short figure.
//!
//! Also here: [`note_same_article`], which marks a finding whose claims all come from one
//! article, so its message does not read as a disagreement between articles.

use crate::article::{Article, LineIndex};
use crate::extract::grammar::{Grammar, ParseContext};
use crate::extract::quantity::QuantityGrammar;
use crate::extract::{Claim, RefTime, Scanner};
use crate::finding::{Finding, Outcome, Role, Site};
use crate::rules::{RuleSet, Severity};
use crate::value::{fmt_grouped, Bound, Interval, Unit};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// The code of a parenthetical conversion that does not agree with its figure.
pub const UNIT_CONVERSION: &str = "unit-conversion";
/// The code of a figure converted into a unit of another dimension.
pub const UNIT_MISMATCH: &str = "unit-mismatch";
/// The codes of the checks in this module, which `[severity]` in claimlint.toml may
/// re-level or turn off.
pub const CHECKS: &[&str] = &[UNIT_CONVERSION, UNIT_MISMATCH];
/// The severity of both checks unless the configuration says otherwise.
pub const DEFAULT_SEVERITY: Severity = Severity::Warning;

/// The quantity grammar's regex, compiled once; `None` only if it failed to compile (a
/// programming error, which the grammar's own tests catch), in which case the check finds
/// nothing.
static SCANNER: LazyLock<Option<Scanner>> = LazyLock::new(|| Scanner::new(&QuantityGrammar).ok());

/// The longest text inside parentheses read as a conversion, in bytes.
const MAX_INNER: usize = 60;
/// How far back from a `(` the figure it converts is looked for, in bytes.
const MAX_BEFORE: usize = 120;

/// The dimensions a mismatch is reported between.
fn measured(u: Unit) -> bool {
    matches!(
        u,
        Unit::Metre | Unit::SquareMetre | Unit::Kilogram | Unit::KilometrePerHour | Unit::Celsius
    )
}

/// One figure found by the check.
struct Figure {
    span: Range<usize>,
    text: String,
    iv: Interval,
    unit: Unit,
}

/// The findings of the unit checks in one article, in order of position.
pub fn conversions(rules: &RuleSet, article: &Article) -> Vec<Finding> {
    let conv = rules.check_severity(UNIT_CONVERSION, DEFAULT_SEVERITY);
    let mismatch = rules.check_severity(UNIT_MISMATCH, DEFAULT_SEVERITY);
    if conv.is_none() && mismatch.is_none() {
        return Vec::new();
    }
    let body_start = article.body_start.min(article.text.len());
    let body = article.text.get(body_start..).unwrap_or_default();
    let cx = ParseContext {
        published: article.meta.published,
        ..ParseContext::default()
    };
    let mut lines: Option<LineIndex> = None;
    let mut out = Vec::new();
    for (open, _) in body.match_indices('(') {
        let Some((inner, before)) = figures_around(body, open, &cx) else {
            continue;
        };
        let (code, severity, message) = if inner.unit == before.unit {
            if inner.iv.overlaps(&before.iv) {
                continue;
            }
            (
                UNIT_CONVERSION,
                conv,
                "the conversion in parentheses does not agree with the figure",
            )
        } else if measured(inner.unit) && measured(before.unit) {
            (
                UNIT_MISMATCH,
                mismatch,
                "the figure is converted into a unit of another kind",
            )
        } else {
            continue;
        };
        let Some(severity) = severity else { continue };
        let lines = lines.get_or_insert_with(|| LineIndex::new(&article.text));
        let claim = |f: &Figure| {
            let span = body_start + f.span.start..body_start + f.span.end;
            let (line, column) = lines.line_col(&article.text, span.start);
            Claim {
                rule: Arc::from(code),
                path: Arc::from(article.path.as_str()),
                subject: Arc::from(""),
                text: f.text.clone(),
                span,
                line,
                column,
                value: Ok(f.iv),
                unit: f.unit,
                hedge: None,
                reference: RefTime::Unknown,
                published: article.meta.published,
                source: None,
                category: None,
                revised: false,
            }
        };
        let help = if code == UNIT_CONVERSION {
            format!(
                "{} is {}; {} is {}; the figures do not overlap, even with the rounding of each",
                before.text,
                readable(&before.iv, before.unit),
                inner.text,
                readable(&inner.iv, inner.unit),
            )
        } else {
            format!(
                "{} is {} ({}), but {} is {} ({})",
                before.text,
                readable(&before.iv, before.unit),
                dimension(before.unit),
                inner.text,
                readable(&inner.iv, inner.unit),
                dimension(inner.unit),
            )
        };
        let mut first = Site::of(&claim(&before), Role::Primary);
        first.reading = readable(&before.iv, before.unit);
        let mut second = Site::of(&claim(&inner), Role::Conflicts);
        second.reading = readable(&inner.iv, inner.unit);
        out.push(Finding {
            rule: code.to_string(),
            subject: String::new(),
            severity,
            outcome: Outcome::Contradiction,
            message: message.to_string(),
            help,
            sites: vec![first, second],
            primary_articles: 1,
            other_articles: 1,
            agreeing: None,
        });
    }
    out
}

/// The figure inside the parentheses opened at `open` (the whole inside must be one
/// quantity) and the quantity that ends just before them.
fn figures_around(body: &str, open: usize, cx: &ParseContext) -> Option<(Figure, Figure)> {
    let rest = body.get(open + 1..)?;
    let close = rest.find([')', '(', '\n'])?;
    if close > MAX_INNER || !rest.get(close..).unwrap_or_default().starts_with(')') {
        return None;
    }
    let raw = rest.get(..close).unwrap_or_default();
    // Cheap tests first: a figure and a unit inside, a word or sign right before the `(`.
    // The quantity grammar's regex is compiled only once one passes them.
    let unit_like = |c: char| c.is_alphabetic() || "°²℃℉$€£¥".contains(c);
    if !raw.bytes().any(|b| b.is_ascii_digit()) || !raw.chars().any(unit_like) {
        return None;
    }
    let end = body.get(..open).unwrap_or_default().trim_end().len();
    if end == 0
        || !body
            .get(..end)
            .unwrap_or_default()
            .ends_with(|c: char| c.is_alphanumeric() || "²°.".contains(c))
    {
        return None;
    }
    let scanner = SCANNER.as_ref()?;
    let lead = raw.len() - raw.trim_start().len();
    let inner_text = raw.trim();
    let inner_at = open + 1 + lead;
    let inner = scanner
        .scan(inner_text, cx)
        .into_iter()
        .find(|f| f.span == (0..inner_text.len()))?;
    // The figure before: a quantity ending where the text before the `(` ends.
    let line_start = body
        .get(..end)
        .unwrap_or_default()
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut start = end.saturating_sub(MAX_BEFORE).max(line_start);
    while !body.is_char_boundary(start) {
        start += 1;
    }
    if start > line_start {
        // Start at a word, not inside a figure.
        start += body
            .get(start..end)
            .unwrap_or_default()
            .find(' ')
            .map_or(0, |i| i + 1);
    }
    let window = body.get(start..end).unwrap_or_default();
    let before = scanner
        .scan(window, cx)
        .into_iter()
        .rfind(|f| f.span.end == window.len())?;
    let figure = |at: usize, f: crate::extract::Found| -> Option<Figure> {
        Some(Figure {
            span: at + f.span.start..at + f.span.end,
            text: f.text,
            iv: f.parsed.value.ok()?,
            unit: f.parsed.unit,
        })
    };
    Some((figure(inner_at, inner)?, figure(start, before)?))
}

/// What a unit measures, with its article, for help text.
fn dimension(u: Unit) -> &'static str {
    match u {
        Unit::Metre => "a length",
        Unit::SquareMetre => "an area",
        Unit::Kilogram => "a mass",
        Unit::KilometrePerHour => "a speed",
        Unit::Celsius => "a temperature",
        _ => "a quantity",
    }
}

/// `x` to five significant digits.
fn sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 5 - 1 - x.abs().log10().floor() as i32;
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// An interval of a quantity for readers, in the larger unit where the figures are large
/// ("114,450–114,550 km²" rather than square metres).
pub fn readable(iv: &Interval, unit: Unit) -> String {
    let big = |x: Option<f64>| x.map(f64::abs).unwrap_or(0.0);
    let size = big(iv.lo.point()).max(big(iv.hi.point()));
    let (factor, suffix) = match unit {
        Unit::SquareMetre if size >= 1e5 => (1e6, " km²"),
        Unit::SquareMetre => (1.0, " m²"),
        Unit::Metre if size >= 1e3 => (1e3, " km"),
        Unit::Metre => (1.0, " m"),
        Unit::Kilogram if size >= 1e3 => (1e3, " t"),
        u => (1.0, u.suffix()),
    };
    let n = |b: Bound| b.point().map(|x| fmt_grouped(sig(x / factor)));
    match (n(iv.lo), n(iv.hi)) {
        (Some(a), Some(b)) if a == b => format!("{a}{suffix}"),
        (Some(a), Some(b)) => format!("{a}–{b}{suffix}"),
        (Some(a), None) => format!("over {a}{suffix}"),
        (None, Some(b)) => format!("under {b}{suffix}"),
        (None, None) => "any value".into(),
    }
}

/// Marks the findings whose sites are all in one article: the message says so, and the
/// help names the article, so that a contradiction inside one article does not read as a
/// disagreement between articles.
pub fn note_same_article(findings: &mut [Finding]) {
    for f in findings {
        let Some(first) = f.sites.first() else {
            continue;
        };
        if f.sites.len() < 2 || f.sites.iter().any(|s| s.path != first.path) {
            continue;
        }
        let file = first.file_name().to_string();
        f.message.push_str(" (within one article)");
        f.help.push_str(&format!(
            "; every figure here is in the same article, {file}"
        ));
    }
}

/// Parses `text` with the quantity grammar as a whole; for tests and tools.
pub fn read_quantity(text: &str) -> Option<(Interval, Unit)> {
    let p = QuantityGrammar.parse(text, &ParseContext::default())?;
    Some((p.value.ok()?, p.unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;

    fn article(text: &str) -> Article {
        Article {
            path: "a.md".into(),
            text: text.into(),
            body_start: 0,
            meta: Meta::default(),
        }
    }

    fn codes(text: &str) -> Vec<String> {
        conversions(&RuleSet::default(), &article(text))
            .into_iter()
            .map(|f| format!("{} {} / {}", f.rule, f.sites[0].text, f.sites[1].text))
            .collect()
    }

    #[test]
    fn conversions_that_agree_are_quiet() {
        for t in [
            "Russian forces acquired 701 square kilometers (270 square miles) in November.",
            "a front of 1,000 km (620 miles) and a 40 km (25-mile) strip",
            "It reached 40°C (104°F) on Monday, and -20 °C (-4 °F) in January.",
            "He weighs 90 kg (198 pounds).",
            "Russia holds about 116,000 km² (44,800 sq mi) of Ukraine.",
            "An area of 701 square kilometers (about 270 square miles).",
            "a $100 million (€90 million) deal, 40 degrees (104F)",
            "500,000 barrels (68,000 tonnes) of oil",
            "the 2,000 km front line (1,200 miles long)",
        ] {
            assert_eq!(codes(t), Vec::<String>::new(), "{t}");
        }
    }

    #[test]
    fn conversions_that_disagree_are_found() {
        assert_eq!(
            codes("It covers 114,500 square kilometres (44,600 square miles) in the east."),
            ["unit-conversion 114,500 square kilometres / 44,600 square miles"]
        );
        assert_eq!(
            codes("The city is 100 km (100 miles) away."),
            ["unit-conversion 100 km / 100 miles"]
        );
        assert_eq!(
            codes("It was 30°C (70°F)."),
            ["unit-conversion 30°C / 70°F"]
        );
        assert_eq!(
            codes("a 50 kg (50 pounds) sack"),
            ["unit-conversion 50 kg / 50 pounds"]
        );
        assert_eq!(
            codes("acquired 701 square kilometers (270 miles)"),
            ["unit-mismatch 701 square kilometers / 270 miles"]
        );
    }

    #[test]
    fn the_help_gives_both_readings_in_one_unit() {
        let f = conversions(
            &RuleSet::default(),
            &article("It covers 114,500 square kilometres (44,600 square miles)."),
        );
        assert_eq!(
            f[0].help,
            "114,500 square kilometres is 114,450–114,550 km²; 44,600 square miles is \
             115,380–115,640 km²; the figures do not overlap, even with the rounding of each"
        );
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].sites[0].line, 1);
        assert_eq!(f[0].sites[1].column, 38);
    }

    #[test]
    fn the_configuration_can_turn_the_checks_off_or_re_level_them() {
        let text = "It covers 114,500 square kilometres (44,600 square miles).";
        let mut rules = RuleSet::default();
        rules.checks.insert(UNIT_CONVERSION.into(), None);
        assert!(conversions(&rules, &article(text)).is_empty());
        rules
            .checks
            .insert(UNIT_CONVERSION.into(), Some(Severity::Error));
        assert_eq!(
            conversions(&rules, &article(text))[0].severity,
            Severity::Error
        );
    }

    #[test]
    fn odd_parentheses_do_not_trip_it() {
        for t in [
            "(",
            ")(",
            "(12",
            "701 km (",
            "(701 km)",
            "x (701 km) (270 mi)",
            "é (1 km)",
            "701 square kilometers (of which 270 square miles)",
        ] {
            let _ = codes(t);
        }
        assert_eq!(codes("(701 km)"), Vec::<String>::new());
    }

    #[test]
    fn readable_intervals() {
        assert_eq!(
            readable(&Interval::half_open(700.5e6, 701.5e6), Unit::SquareMetre),
            "700.5–701.5 km²"
        );
        assert_eq!(readable(&Interval::point(40.0), Unit::Celsius), "40 °C");
        assert_eq!(
            readable(&read_quantity("over 10 miles").unwrap().0, Unit::Metre),
            "over 16.093 km"
        );
    }
}
