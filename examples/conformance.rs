//! Runs claimlint's value grammars against a peer's test suite: the English cases of
//! Microsoft's Recognizers-Text kept in `../shared/conformance` (see its README).
//!
//! ```sh
//! cargo run --example conformance -- ../shared/conformance [--failures]
//! ```
//!
//! For each spec file it scans every case's `Input` with the grammar the rules use for that
//! kind of value ([`Scanner`]: the grammar's own regex and parser, nothing else), compares
//! what it finds with the expected results and prints a table of cases passed, failed and
//! skipped (with the reasons), and a total. `--failures` also lists every failing input
//! with what was expected and what claimlint found. The pass rate never fails the run;
//! the exit status is 0 unless the runner itself crashes. When the folder is absent it says
//! so and exits 0.
//!
//! How values are compared (the peer's conventions, mapped to claimlint's):
//!
//! - Values are read in exact mode (`exact = true`): bare figures are points, so they can
//!   be compared with the peer's numbers, with a relative tolerance of 1e-6.
//! - Ranges compare their ends; a closed or open upper end of a two-sided range is not
//!   compared (the peer reads "1000-5000" as `[1000,5000)`, claimlint as `[1000,5000]`), and
//!   a lower end of 0 matches an unbounded one (claimlint's counts are never negative).
//! - The peer's NumberRangeModel reports hedged and ranged figures only: claimlint's bare
//!   figures (read by the same count grammar) are not compared in that file.
//! - The peer's number, percent and dimension models do not read hedges: for "about ten
//!   miles" they report ten miles. A hedged value of claimlint matches such a figure when
//!   the figure is the hedge's anchor: in the interval or at its open end ("over two
//!   pounds" is `(2 lb,)`).
//! - Quantities are converted to claimlint's base units (metres, square metres, kilograms,
//!   litres, km/h, bits, °C); the peer's "Ton" is read as claimlint reads "ton": 1,000 kg.
//!   (Changed 2026-12-02: information sizes were skipped while claimlint did not read them;
//!   it reads bits and bytes now, so they are compared, with decimal prefixes.)
//! - A date passes when it is the peer's past or future resolution (the peer gives both;
//!   claimlint picks one by its own rules). A period's ends may differ by one day (the
//!   peer's end days are exclusive in some forms and inclusive in others). A period the
//!   peer gives one end of ("more than 2 weeks after today": a start date only) is open at
//!   the other.
//! - Expected results with no value (a unit named with no figure, "fahrenheit" in "convert
//!   10 celsius to fahrenheit"; a season with no resolution) are not compared: claimlint
//!   reads values only. Their number is printed.
//! - The peer's DatePeriodParser reports periods only ("in two weeks" is a date of its
//!   DateParser, and nothing in the period file): claimlint's single days where the peer
//!   expects nothing are not compared in that file.
//! - Spans are compared in the extractor file only, in characters, ignoring trailing
//!   punctuation and white space.
//! - A case is skipped only when its expected values are of a kind claimlint does not read
//!   (angles, drams, business days), with the reason printed; skips beyond 10%
//!   of a file count as failures. NumberRangeModel is read with the count grammar, so its
//!   ranges with a fractional or negative end ("more than half", "<= -30") are skipped:
//!   counts are whole and never negative, and shares are the percentage grammar's.

use claimlint::date::Date;
use claimlint::extract::count::CountGrammar;
use claimlint::extract::date::DateGrammar;
use claimlint::extract::duration::DurationGrammar;
use claimlint::extract::grammar::{Grammar, Hedge, ParseContext};
use claimlint::extract::number::NumberGrammar;
use claimlint::extract::percent::PercentGrammar;
use claimlint::extract::quantity::QuantityGrammar;
use claimlint::extract::{Found, Scanner};
use claimlint::value::{Bound, Interval, Unit};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

/// The spec files measured, with the kind of check each needs.
const SPECS: &[(&str, Spec)] = &[
    ("Number/English/NumberModel.json", Spec::Number),
    ("Number/English/PercentModel.json", Spec::Percent),
    ("Number/English/NumberRangeModel.json", Spec::NumberRange),
    (
        "NumberWithUnit/English/DimensionModel.json",
        Spec::Dimension,
    ),
    (
        "NumberWithUnit/English/TemperatureModel.json",
        Spec::Temperature,
    ),
    ("DateTime/English/DateParser.json", Spec::DateParser),
    ("DateTime/English/DatePeriodParser.json", Spec::DatePeriod),
    ("DateTime/English/DurationParser.json", Spec::Duration),
    ("DateTime/English/DateExtractor.json", Spec::DateExtractor),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    Number,
    Percent,
    NumberRange,
    Dimension,
    Temperature,
    DateParser,
    DatePeriod,
    Duration,
    DateExtractor,
}

impl Spec {
    fn grammar(self) -> &'static dyn Grammar {
        match self {
            Spec::Number => &NumberGrammar,
            Spec::Percent => &PercentGrammar,
            Spec::NumberRange => &CountGrammar,
            Spec::Dimension | Spec::Temperature => &QuantityGrammar,
            Spec::DateParser | Spec::DatePeriod | Spec::DateExtractor => &DateGrammar,
            Spec::Duration => &DurationGrammar,
        }
    }

    /// Whether a value in `unit` is the kind the file tests (the peer has one model per
    /// kind; claimlint's quantity grammar reads several).
    fn keeps(self, unit: Unit) -> bool {
        match self {
            Spec::Percent => unit == Unit::Percent,
            Spec::Dimension => matches!(
                unit,
                Unit::Metre
                    | Unit::SquareMetre
                    | Unit::Kilogram
                    | Unit::Litre
                    | Unit::KilometrePerHour
                    | Unit::Bit
            ),
            Spec::Temperature => matches!(unit, Unit::Celsius | Unit::Degree),
            _ => true,
        }
    }
}

/// An expected value, in claimlint's terms.
#[derive(Debug, Clone, PartialEq)]
enum Want {
    /// A number (in the base unit, for quantities).
    Point(f64, Option<Unit>),
    /// A range: each end `None` when unbounded, else the value and whether it is closed.
    Range(Option<(f64, bool)>, Option<(f64, bool)>),
    /// One day: any of these day numbers.
    Day(Vec<i64>),
    /// A span of days `[start, end)`, an end `None` when open: any of these.
    Days(Vec<(Option<i64>, Option<i64>)>),
    /// A date the peer says does not exist.
    Invalid,
    /// Only the span matters (extractor files).
    Span,
}

#[derive(Debug, Clone)]
struct Expected {
    text: String,
    /// Character span, end exclusive.
    span: (usize, usize),
    want: Want,
}

/// Why an expected result cannot be compared.
enum Unreadable {
    /// It has no value (a unit named alone): not compared.
    Valueless,
    /// It is outside claimlint's scope: the case is skipped with this reason.
    OutOfScope(String),
}

#[derive(Default)]
struct Tally {
    cases: usize,
    passed: usize,
    failed: usize,
    skipped: usize,
    over_cap: usize,
    valueless: usize,
    reasons: BTreeMap<String, usize>,
    failures: Vec<String>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut folder = None;
    let mut show_failures = false;
    for a in args.by_ref() {
        if a == "--failures" {
            show_failures = true;
        } else {
            folder = Some(a);
        }
    }
    let folder = folder.unwrap_or_else(|| "../shared/conformance".into());
    let root = Path::new(&folder).join("recognizers-text");
    if !root.is_dir() {
        println!("conformance: {} not found; skipping", root.display());
        return ExitCode::SUCCESS;
    }
    let mut rows = Vec::new();
    for &(file, spec) in SPECS {
        let path = root.join(file);
        let name = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(file)
            .to_string();
        match run_file(&path, spec) {
            Ok(t) => rows.push((name, t)),
            Err(e) => println!("conformance: {}: {e}", path.display()),
        }
    }
    print_table(&folder, &rows, show_failures);
    ExitCode::SUCCESS
}

fn print_table(folder: &str, rows: &[(String, Tally)], show_failures: bool) {
    if show_failures {
        for (name, t) in rows {
            for f in &t.failures {
                println!("FAIL {name}: {f}");
            }
        }
        println!();
    }
    println!("conformance: Recognizers-Text English cases in {folder}");
    println!(
        "{:<20} {:>6} {:>7} {:>7} {:>8} {:>7}",
        "file", "cases", "passed", "failed", "skipped", "rate"
    );
    let mut total = Tally::default();
    for (name, t) in rows {
        println!(
            "{:<20} {:>6} {:>7} {:>7} {:>8} {:>6.1}%",
            name,
            t.cases,
            t.passed,
            t.failed,
            t.skipped,
            rate(t)
        );
        total.cases += t.cases;
        total.passed += t.passed;
        total.failed += t.failed;
        total.skipped += t.skipped;
    }
    println!(
        "{:<20} {:>6} {:>7} {:>7} {:>8} {:>6.1}%",
        "total",
        total.cases,
        total.passed,
        total.failed,
        total.skipped,
        rate(&total)
    );
    println!("rate = passed / cases; skips count against it.");
    for (name, t) in rows {
        for (reason, n) in &t.reasons {
            println!("skipped in {name}: {n} × {reason}");
        }
        if t.over_cap > 0 {
            println!(
                "{name}: {} skips beyond 10% of the file counted as failures",
                t.over_cap
            );
        }
        if t.valueless > 0 {
            println!(
                "{name}: {} expected results with no value (a unit or period named alone) not compared",
                t.valueless
            );
        }
    }
}

fn rate(t: &Tally) -> f64 {
    if t.cases == 0 {
        return 0.0;
    }
    100.0 * t.passed as f64 / t.cases as f64
}

fn run_file(path: &Path, spec: Spec) -> Result<Tally, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let cases: Vec<Value> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let scanner = Scanner::new(spec.grammar()).map_err(|e| e.to_string())?;
    let cap = cases.len() / 10;
    let mut t = Tally {
        cases: cases.len(),
        ..Tally::default()
    };
    for case in &cases {
        let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
        let reference = case
            .pointer("/Context/ReferenceDateTime")
            .and_then(Value::as_str)
            .and_then(Date::parse_iso);
        let mut expected = Vec::new();
        let mut skip = None;
        let results = case
            .get("Results")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for r in &results {
            match expect(r, spec) {
                Ok(e) => expected.push(e),
                Err(Unreadable::Valueless) => t.valueless += 1,
                Err(Unreadable::OutOfScope(why)) => skip = Some(why),
            }
        }
        if let Some(why) = skip {
            if t.skipped < cap {
                t.skipped += 1;
                *t.reasons.entry(why).or_default() += 1;
            } else {
                t.over_cap += 1;
                t.failed += 1;
                t.failures
                    .push(format!("{input:?}: skipped beyond the cap ({why})"));
            }
            continue;
        }
        let cx = ParseContext {
            published: reference,
            exact: true,
            ..ParseContext::default()
        };
        let found: Vec<Found> = scanner
            .scan(input, &cx)
            .into_iter()
            .filter(|f| spec.keeps(f.parsed.unit))
            .filter(|f| spec != Spec::NumberRange || f.parsed.hedge.is_some())
            .filter(|f| {
                spec != Spec::DatePeriod
                    || !is_one_day(&f.parsed.value)
                    || expected.iter().any(|e| {
                        let got = char_span(input, f);
                        got.0 < e.span.1 && e.span.0 < got.1
                    })
            })
            .collect();
        if matches_all(input, &expected, &found) {
            t.passed += 1;
        } else {
            t.failed += 1;
            let want: Vec<String> = expected
                .iter()
                .map(|e| format!("{:?} {:?}", e.text, e.want))
                .collect();
            let got: Vec<String> = found
                .iter()
                .map(|f| {
                    let v = match &f.parsed.value {
                        Ok(iv) => iv.notation(),
                        Err(why) => format!("unresolved: {why}"),
                    };
                    format!("{:?} {v} {:?}", f.text, f.parsed.unit)
                })
                .collect();
            t.failures.push(format!(
                "{input:?}{}\n     expected {want:?}\n     found    {got:?}",
                reference
                    .map(|d| format!(" (reference {d})"))
                    .unwrap_or_default()
            ));
        }
    }
    Ok(t)
}

/// Whether a value is a single day (the peer's period file reports periods only).
fn is_one_day(value: &Result<Interval, String>) -> bool {
    value
        .as_ref()
        .ok()
        .and_then(day_span)
        .is_some_and(|(a, b)| b - a == 1)
}

/// Whether every expected result is found, and nothing else.
fn matches_all(input: &str, expected: &[Expected], found: &[Found]) -> bool {
    if expected.len() != found.len() {
        return false;
    }
    let mut used = vec![false; found.len()];
    for e in expected {
        let hit = found
            .iter()
            .enumerate()
            .position(|(i, f)| !used.get(i).copied().unwrap_or(true) && matches_one(input, e, f));
        match hit.and_then(|i| used.get_mut(i)) {
            Some(u) => *u = true,
            None => return false,
        }
    }
    true
}

fn char_span(input: &str, f: &Found) -> (usize, usize) {
    let start = input.get(..f.span.start).map_or(0, |s| s.chars().count());
    let len = f.text.chars().count();
    (start, start + len)
}

/// The span with trailing punctuation and white space dropped.
fn trimmed(input: &str, span: (usize, usize)) -> (usize, usize) {
    let chars: Vec<char> = input.chars().collect();
    let mut end = span.1.min(chars.len());
    while end > span.0
        && chars
            .get(end - 1)
            .is_some_and(|c| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?' | ';' | ':'))
    {
        end -= 1;
    }
    (span.0, end)
}

fn matches_one(input: &str, e: &Expected, f: &Found) -> bool {
    let got = char_span(input, f);
    let overlap = got.0 < e.span.1 && e.span.0 < got.1;
    if e.want == Want::Span {
        return trimmed(input, got) == trimmed(input, e.span);
    }
    if !overlap {
        return false;
    }
    let iv = match &f.parsed.value {
        Ok(iv) => iv,
        Err(_) => return e.want == Want::Invalid,
    };
    match &e.want {
        Want::Point(x, unit) => {
            let anchored = matches!(
                f.parsed.hedge,
                Some(h) if h != Hedge::Range && h != Hedge::Vague
            ) && in_closure(iv, *x);
            unit.is_none_or(|u| u == f.parsed.unit)
                && (anchored
                    || matches!((iv.lo, iv.hi), (Bound::Closed(a), Bound::Closed(b)) if close(a, *x) && close(b, *x)))
        }
        Want::Range(lo, hi) => range_matches(iv, *lo, *hi),
        Want::Day(days) => days.iter().any(|d| day_span(iv) == Some((*d, *d + 1))),
        Want::Days(spans) => {
            let (a, b) = day_ends(iv);
            let near = |x: Option<i64>, y: Option<i64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1,
                (None, None) => true,
                _ => false,
            };
            spans.iter().any(|(s, t)| near(a, *s) && near(b, *t))
        }
        Want::Invalid | Want::Span => false,
    }
}

/// Whether `x` lies in the interval with its ends included.
fn in_closure(iv: &Interval, x: f64) -> bool {
    let lo = iv.lo.point().is_none_or(|a| a <= x || close(a, x));
    let hi = iv.hi.point().is_none_or(|b| x <= b || close(b, x));
    lo && hi
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn range_matches(iv: &Interval, lo: Option<(f64, bool)>, hi: Option<(f64, bool)>) -> bool {
    let lo_ok = match (lo, iv.lo) {
        (None, Bound::Unbounded) => true,
        // Counts are clamped at 0: `(,x)` is `[0,x)`.
        (None, Bound::Closed(z)) => z == 0.0 && hi.is_some_and(|(h, _)| h > 0.0),
        (Some((x, true)), Bound::Closed(a)) => close(a, x),
        (Some((x, false)), Bound::Open(a)) => close(a, x),
        _ => false,
    };
    let hi_ok = match (hi, iv.hi) {
        (None, Bound::Unbounded) => true,
        // The closing end of a two-sided range is a convention; one-sided ends must agree.
        (Some((x, _)), Bound::Closed(b) | Bound::Open(b)) if lo.is_some() => close(b, x),
        (Some((x, true)), Bound::Closed(b)) => close(b, x),
        (Some((x, false)), Bound::Open(b)) => close(b, x),
        _ => false,
    };
    lo_ok && hi_ok
}

/// Whole days `[first, end)` of an interval of day numbers.
fn day_span(iv: &Interval) -> Option<(i64, i64)> {
    match day_ends(iv) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    }
}

/// The first whole day and the end (exclusive) of an interval of day numbers, `None` where
/// it is unbounded.
fn day_ends(iv: &Interval) -> (Option<i64>, Option<i64>) {
    let a = match iv.lo {
        Bound::Closed(x) => Some(x.ceil() as i64),
        Bound::Open(x) => Some(x.floor() as i64 + 1),
        Bound::Unbounded => None,
    };
    let b = match iv.hi {
        Bound::Open(x) => Some(x.ceil() as i64),
        Bound::Closed(x) => Some(x.floor() as i64 + 1),
        Bound::Unbounded => None,
    };
    (a, b)
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// What an expected result asks for.
fn expect(r: &Value, spec: Spec) -> Result<Expected, Unreadable> {
    let text = str_at(r, "Text").unwrap_or("").to_string();
    let start = r.get("Start").and_then(Value::as_u64).unwrap_or(0) as usize;
    let end = match (r.get("End"), r.get("Length")) {
        (Some(e), _) => e.as_u64().unwrap_or(0) as usize + 1,
        (None, Some(l)) => start + l.as_u64().unwrap_or(0) as usize,
        _ => start + text.chars().count(),
    };
    let resolution = r.get("Resolution").cloned().unwrap_or(Value::Null);
    let value = r.get("Value").cloned().unwrap_or(Value::Null);
    let res_value = str_at(&resolution, "value").filter(|v| *v != "null");
    let want = match spec {
        Spec::Number => Want::Point(number(res_value)?, None),
        Spec::Percent => Want::Point(
            number(res_value.map(|v| v.trim_end_matches('%')))?,
            Some(Unit::Percent),
        ),
        Spec::NumberRange => {
            let want = parse_range(res_value.ok_or(Unreadable::Valueless)?)
                .ok_or_else(|| Unreadable::OutOfScope("unreadable range".into()))?;
            if let Want::Range(lo, hi) = &want {
                if [lo, hi]
                    .into_iter()
                    .flatten()
                    .any(|(x, _)| *x < 0.0 || x.fract() != 0.0)
                {
                    return Err(Unreadable::OutOfScope(
                        "a fractional or negative bound: the file is read with the count grammar, and counts are whole and never negative".into(),
                    ));
                }
            }
            want
        }
        Spec::Dimension | Spec::Temperature => {
            let x = number(res_value)?;
            if let Some(sub @ "Angle") = str_at(&resolution, "subtype") {
                return Err(Unreadable::OutOfScope(format!(
                    "{} units are not news quantities claimlint reads",
                    sub.to_lowercase()
                )));
            }
            let unit = str_at(&resolution, "unit").unwrap_or("");
            let (u, x) = convert(unit, x).ok_or_else(|| {
                Unreadable::OutOfScope(format!("unit {unit:?} is not read by claimlint"))
            })?;
            Want::Point(x, Some(u))
        }
        Spec::Duration => {
            let timex = value.get("Timex").and_then(Value::as_str).unwrap_or("");
            if timex.contains("BD") {
                return Err(Unreadable::OutOfScope(
                    "business days depend on a calendar of holidays".into(),
                ));
            }
            let secs = number(
                value
                    .pointer("/FutureResolution/duration")
                    .and_then(Value::as_str),
            )?;
            match value.get("Mod").and_then(Value::as_str) {
                Some("less") => Want::Range(None, Some((secs, false))),
                Some("more") => Want::Range(Some((secs, false)), None),
                _ => Want::Point(secs, Some(Unit::Second)),
            }
        }
        Spec::DateParser => {
            let days: Vec<i64> = ["/PastResolution/date", "/FutureResolution/date"]
                .iter()
                .filter_map(|p| value.pointer(p).and_then(Value::as_str))
                .filter_map(Date::parse_iso)
                .map(Date::days)
                .collect();
            if days.is_empty() {
                return Err(Unreadable::Valueless);
            }
            if days.iter().all(|d| Date::from_days(*d).year == 1) {
                Want::Invalid
            } else {
                Want::Day(days)
            }
        }
        Spec::DatePeriod => {
            // One-sided periods ("more than 2 weeks after today") give one end only.
            let spans: Vec<(Option<i64>, Option<i64>)> = ["/PastResolution", "/FutureResolution"]
                .iter()
                .filter_map(|p| {
                    let r = value.pointer(p)?;
                    let end = |k: &str| str_at(r, k).and_then(Date::parse_iso).map(Date::days);
                    let (a, b) = (end("startDate"), end("endDate"));
                    (a.is_some() || b.is_some()).then_some((a, b))
                })
                .collect();
            if spans.is_empty() {
                return Err(Unreadable::Valueless);
            }
            Want::Days(spans)
        }
        Spec::DateExtractor => Want::Span,
    };
    Ok(Expected {
        text,
        span: (start, end),
        want,
    })
}

fn number(v: Option<&str>) -> Result<f64, Unreadable> {
    let v = v.ok_or(Unreadable::Valueless)?;
    v.trim()
        .parse::<f64>()
        .map_err(|_| Unreadable::OutOfScope(format!("unreadable value {v:?}")))
}

/// `(30,)`, `[20,30)`, `(,700]`.
fn parse_range(s: &str) -> Option<Want> {
    let s = s.trim();
    let lo_closed = s.starts_with('[');
    let hi_closed = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let end = |t: &str, closed: bool| -> Option<Option<(f64, bool)>> {
        let t = t.trim();
        if t.is_empty() {
            Some(None)
        } else {
            Some(Some((t.parse().ok()?, closed)))
        }
    };
    Some(Want::Range(end(a, lo_closed)?, end(b, hi_closed)?))
}

/// The peer's unit names in claimlint's base units.
fn convert(unit: &str, x: f64) -> Option<(Unit, f64)> {
    const GALLON: f64 = 3.785_411_784;
    let (u, f) = match unit {
        "Meter" => (Unit::Metre, 1.0),
        "Kilometer" => (Unit::Metre, 1e3),
        "Decimeter" => (Unit::Metre, 0.1),
        "Centimeter" => (Unit::Metre, 0.01),
        "Millimeter" => (Unit::Metre, 1e-3),
        "Mile" => (Unit::Metre, 1609.344),
        "Foot" => (Unit::Metre, 0.3048),
        "Inch" => (Unit::Metre, 0.0254),
        "Yard" => (Unit::Metre, 0.9144),
        "Square meter" => (Unit::SquareMetre, 1.0),
        "Square kilometer" => (Unit::SquareMetre, 1e6),
        "Hectare" => (Unit::SquareMetre, 1e4),
        "Kilogram" => (Unit::Kilogram, 1.0),
        "Gram" => (Unit::Kilogram, 1e-3),
        "Milligram" => (Unit::Kilogram, 1e-6),
        "Microgram" => (Unit::Kilogram, 1e-9),
        "Ton" | "Metric ton" => (Unit::Kilogram, 1e3),
        "Pound" => (Unit::Kilogram, 0.453_592_37),
        "Ounce" => (Unit::Kilogram, 0.028_349_523_125),
        "Liter" => (Unit::Litre, 1.0),
        "Milliliter" => (Unit::Litre, 1e-3),
        "Gallon" => (Unit::Litre, GALLON),
        "Barrel" => (Unit::Litre, 158.987_294_928),
        "Cup" => (Unit::Litre, GALLON / 16.0),
        "Tablespoon" => (Unit::Litre, GALLON / 256.0),
        "Teaspoon" => (Unit::Litre, GALLON / 768.0),
        "Kilometer per hour" => (Unit::KilometrePerHour, 1.0),
        "Mile per hour" => (Unit::KilometrePerHour, 1.609_344),
        "Bit" => (Unit::Bit, 1.0),
        "Kilobit" => (Unit::Bit, 1e3),
        "Megabit" => (Unit::Bit, 1e6),
        "Gigabit" => (Unit::Bit, 1e9),
        "Terabit" => (Unit::Bit, 1e12),
        "Byte" => (Unit::Bit, 8.0),
        "Kilobyte" => (Unit::Bit, 8e3),
        "Megabyte" => (Unit::Bit, 8e6),
        "Gigabyte" => (Unit::Bit, 8e9),
        "Terabyte" => (Unit::Bit, 8e12),
        "C" => (Unit::Celsius, 1.0),
        "F" => return Some((Unit::Celsius, (x - 32.0) * 5.0 / 9.0)),
        "Degree" => (Unit::Degree, 1.0),
        _ => return None,
    };
    Some((u, x * f))
}
