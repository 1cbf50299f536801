//! The shared number reader: one plain figure, in digits or in words, and the vague
//! magnitudes ("tens of thousands").
//!
//! Every grammar that reads a quantity (counts, percentages, later durations such as "four
//! years") builds on [`NUMBER`] (the regex source of one plain number, with no hedge) and
//! [`parse_number`] (its reader).
//!
//! # What a number is
//!
//! - Digits, with `,` thousands separators and decimals: `14,000`, `1,234.5`, `19.3`, `.08`.
//! - A sign: `-5`, `minus 5` (the `-` only when it does not follow a word character, so the
//!   `19` of `COVID-19` is not negative).
//! - Digits with a scale word: `1.2 million`, `3 billion`, `55 thousand`, `3 dozen`; or with
//!   an attached suffix: `10M`, `2.5m`, `20k`, `5bn`, `4mn`, `1tn`. The suffix must be
//!   attached and end the word: `5 m` (metres) is the number `5`, `5mm` is no number.
//! - Words up to the trillions: `five`, `twenty one`, `fifty-five thousand`,
//!   `one hundred and six`, `two million three hundred thousand`, `five and a half million`,
//!   `half a million`, and `a hundred` / `a thousand` / `a million` / `a dozen` read like
//!   `one hundred` etc.
//! - Not numbers: ordinals (`21st`, `twenty-first`; the regex swallows the spelled-out
//!   ones so that [`parse_number`] can refuse them), decades (`1990s`), fractions (see
//!   [`crate::extract::percent`]). Years are numbers: rules decide context.
//!
//! # Rounding
//!
//! A figure carries the rounding it was written with, as its `step`
//! ([`Interval::rounded`] makes it `[x − step/2, x + step/2)`):
//!
//! - with decimals, `step = 10^−decimals`: `19.3` → 0.1, `.08` → 0.01, `19.30` → 0.01;
//! - an integer keeps at least two significant figures:
//!   `step = 10^min(trailing zeros, digits − 2)`, and 1 for one digit: `20` → 1, `701` → 1,
//!   `2,000` → 100, `55,000` → 1000, `100,000` → 10,000;
//! - a scale word or suffix scales the step of its figure: `1.2 million` → 100,000,
//!   `5 million` → 1,000,000, `55 thousand` → 1000;
//! - words read like digits: `fifty-five thousand` is `55 thousand` (step 1000), `five` is
//!   `5`, `a thousand` is `1 thousand` (step 1000), `five and a half million` is
//!   `5.5 million` (step 100,000), `half a million` is `0.5 million`; words with several
//!   groups (`one thousand two hundred`) use the integer rule on their total;
//! - dozens are exact: `a dozen` is 12 and `three dozen` is 36, both with step 0 (a point).
//!
//! # Vague magnitudes
//!
//! [`VAGUE`] and [`parse_vague`] read the plural magnitudes as documented intervals:
//!
//! | text | interval |
//! | --- | --- |
//! | dozens, a few dozen, several dozen | `[24,100)` |
//! | hundreds, a few hundred, several hundred | `[200,1000)` |
//! | thousands, a few thousand, several thousand | `[2000,10000)` |
//! | tens of thousands | `[20000,100000)` |
//! | hundreds of thousands, a few hundred thousand | `[200000,1000000)` |
//! | millions, a few million, several million | `[2e6,1e7)` |
//! | tens of millions | `[2e7,1e8)` |
//! | hundreds of millions | `[2e8,1e9)` |
//! | billions, a few billion, several billion | `[2e9,1e10)` |
//! | tens / hundreds of billions | `[2e10,1e11)` / `[2e11,1e12)` |
//!
//! In general "Ns" is `[2N, 10N)`, "tens of Ns" `[20N, 100N)`, "hundreds of Ns"
//! `[200N, 1000N)`, "a few / several N" like "Ns"; dozens are `[24,100)`.
//!
//! No function here panics on any input; figures too large for an `f64` (a 500-digit
//! number) are refused (`None`).

use crate::extract::grammar::{Grammar, ParseContext, Parsed};
use crate::value::{Interval, Unit};
use std::sync::LazyLock;

macro_rules! unit_words {
    () => {
        "one|two|three|four|five|six|seven|eight|nine"
    };
}

macro_rules! teen_words {
    () => {
        "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    };
}

macro_rules! tens_words {
    () => {
        "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    };
}

macro_rules! ordinal_units {
    () => {
        "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    };
}

macro_rules! scale_words {
    () => {
        "thousand|million|billion|trillion|lakhs?|crores?"
    };
}

/// 0 to 99 in words; a tens word joined to an ordinal ("twenty-first") is swallowed so the
/// parser can refuse it.
macro_rules! below_100 {
    () => {
        concat!(
            r"(?:(?:",
            tens_words!(),
            r")(?:[\s-]+(?:",
            ordinal_units!(),
            "|",
            unit_words!(),
            r"))?|",
            teen_words!(),
            "|",
            unit_words!(),
            "|zero)"
        )
    };
}

/// 0 to 999 in words.
macro_rules! below_1000 {
    () => {
        concat!(
            r"(?:(?:",
            unit_words!(),
            r"|a)[\s-]+hundred(?:\s+(?:and\s+)?",
            below_100!(),
            ")?|",
            below_100!(),
            ")"
        )
    };
}

/// A whole number in words, possibly with several scaled groups.
macro_rules! word_number {
    () => {
        concat!(
            r"(?:(?:half|(?:a\s+)?quarter)\s+(?:a\s+)?(?:",
            scale_words!(),
            r"|dozen)|(?:(?:a|",
            below_1000!(),
            r")\s+(?:",
            scale_words!(),
            r")\s+(?:and\s+)?)*(?:a\s+(?:",
            scale_words!(),
            r"|dozen)|",
            below_1000!(),
            r"(?:\s+and\s+a\s+half)?(?:\s+(?:",
            scale_words!(),
            r"|dozens?))?))"
        )
    };
}

/// Digits with an optional scale word or attached suffix.
macro_rules! digit_number {
    () => {
        concat!(
            r"(?:[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:\s+(?:",
            scale_words!(),
            r"|hundred|bn|mn|bln|mln|tn|tln|dozens?|dzs?)|(?:k|m|mn|mln|b|bn|bln|tn|tln))?"
        )
    };
}

/// Regex source for one plain number (no hedge): digits, words, scales, a sign. It has no
/// capturing group, is case-insensitive by its own flags, uses ASCII word boundaries, and
/// neither starts nor ends by consuming spaces.
pub const NUMBER: &str = concat!(
    r"(?i:(?:(?-u:\B)-|(?-u:\b)minus\s+)?(?:(?-u:\b)(?:",
    digit_number!(),
    "|",
    word_number!(),
    r")|(?-u:\B)\.[0-9]+)(?-u:\b))"
);

/// Regex source for one plain number written with digits only (`20`, `1.2 million`, `5bn`,
/// `-5`): [`NUMBER`] without the word forms. Used where a word number would be ambiguous,
/// as in the dash ranges `20-30` (`fifty-five` is no range).
pub const DIGIT_NUMBER: &str = concat!(
    r"(?i:(?:(?-u:\B)-|(?-u:\b)minus\s+)?(?:(?-u:\b)",
    digit_number!(),
    r"|(?-u:\B)\.[0-9]+)(?-u:\b))"
);

/// Regex source for a whole number from zero to ninety-nine in words ("five",
/// "twenty-one"), for grammars that need a small number only ("one in five").
pub const WORDS_BELOW_100: &str = concat!("(?i:", below_100!(), ")");

/// Regex source for a vague magnitude ("dozens", "tens of thousands", "a few hundred"),
/// read by [`parse_vague`].
pub const VAGUE: &str = concat!(
    r"(?i:(?-u:\b)(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)",
    r"|(?:a\s+few|several)\s+(?:hundred\s+(?:thousand|million|billion)|dozen|hundred|",
    scale_words!(),
    r")|dozens|hundreds|thousands|millions|billions)(?-u:\b))"
);

/// A figure and the rounding it was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// The value.
    pub value: f64,
    /// The rounding step (`19.3` → 0.1, `55,000` → 1000); 0 for an exact figure
    /// ("a dozen").
    pub step: f64,
}

impl Number {
    /// The interval the figure stands for: `[value − step/2, value + step/2)`, or the point
    /// `value` when `exact` is true or the figure is exact (step 0).
    pub fn interval(&self, exact: bool) -> Interval {
        if exact || self.step <= 0.0 {
            Interval::point(self.value)
        } else {
            Interval::rounded(self.value, self.step)
        }
    }

    /// The figure multiplied by `factor`, step included.
    pub fn scaled(&self, factor: f64) -> Number {
        Number {
            value: self.value * factor,
            step: self.step * factor,
        }
    }
}

/// A number together with the multiplier of the scale word it was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaledNumber {
    /// The number, scale already applied (`1.2 million` → 1,200,000).
    pub number: Number,
    /// The scale word's multiplier (`million` → 1e6, `dozen` → 12); 1 when there is none.
    /// Ranges use it to carry the scale of their second figure to the first
    /// ("1.2 to 1.5 million").
    pub scale: f64,
}

/// Reads one plain number as matched by [`NUMBER`] (surrounding spaces and case are
/// ignored); `None` when the text is not a number (or too large for an `f64`).
pub fn parse_number(text: &str) -> Option<Number> {
    parse_scaled(text).map(|s| s.number)
}

/// Like [`parse_number`], also telling the scale word's multiplier.
pub fn parse_scaled(text: &str) -> Option<ScaledNumber> {
    let lower = text.trim().to_lowercase();
    let (negative, rest) = split_sign(&lower);
    let rest = rest.trim_start();
    let first = rest.chars().next()?;
    let parsed = if first.is_ascii_digit() || first == '.' {
        parse_digits(rest)?
    } else {
        parse_words(rest)?
    };
    let number = parsed.number;
    if !number.value.is_finite() || !number.step.is_finite() {
        return None;
    }
    let value = if negative {
        -number.value
    } else {
        number.value
    };
    Some(ScaledNumber {
        number: Number {
            value,
            step: number.step,
        },
        scale: parsed.scale,
    })
}

/// Splits a leading `-` or `minus `.
fn split_sign(s: &str) -> (bool, &str) {
    if let Some(rest) = s.strip_prefix('-') {
        return (true, rest);
    }
    if let Some(rest) = s.strip_prefix("minus") {
        if rest.starts_with(char::is_whitespace) {
            return (true, rest);
        }
    }
    (false, s)
}

/// `10^exp` for any exponent, saturating to infinity.
fn pow10(exp: usize) -> f64 {
    10f64.powi(i32::try_from(exp).unwrap_or(i32::MAX))
}

/// The rounding step of an integer written with the ASCII digits `digits` (no separators).
fn integer_step(digits: &str) -> f64 {
    let significant = digits.trim_start_matches('0');
    let len = significant.len();
    if len <= 1 {
        return 1.0;
    }
    let trailing = len - significant.trim_end_matches('0').len();
    pow10(trailing.min(len - 2))
}

/// The rounding step of an integral value, by the same rule as [`integer_step`].
fn integer_step_of(value: f64) -> f64 {
    integer_step(&format!("{:.0}", value.abs()))
}

/// Digits with an optional scale suffix.
fn parse_digits(s: &str) -> Option<ScaledNumber> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let num = s.get(..end)?;
    let suffix = s.get(end..)?;
    let (int_part, frac_part) = match num.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let (head, tail) = groups.split_first()?;
        if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !tail.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        // Thousands groups ("1,234,567") or the Indian lakh and crore groups ("12,34,567").
        let western = tail.iter().all(|g| g.len() == 3);
        let indian = head.len() <= 2
            && tail.split_last().is_some_and(|(last, mid)| {
                last.len() == 3 && !mid.is_empty() && mid.iter().all(|g| g.len() == 2)
            });
        if !western && !indian {
            return None;
        }
    } else if !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int_digits: String = int_part.chars().filter(|c| *c != ',').collect();
    if int_digits.is_empty() && frac_part.is_none() {
        return None;
    }
    let frac = frac_part.unwrap_or("");
    let all_digits = format!("{int_digits}{frac}");
    let mantissa: f64 = all_digits.parse().ok()?;
    let (scale, exact) = scale_suffix(suffix)?;
    let divisor = pow10(frac.len());
    let value = mantissa * scale / divisor;
    let step = if exact {
        0.0
    } else if frac.is_empty() {
        integer_step(&int_digits) * scale
    } else {
        scale / divisor
    };
    Some(ScaledNumber {
        number: Number { value, step },
        scale,
    })
}

/// The multiplier of what follows a digit figure, and whether it makes the figure exact
/// (dozens).
fn scale_suffix(suffix: &str) -> Option<(f64, bool)> {
    if suffix.is_empty() {
        return Some((1.0, false));
    }
    if !suffix.starts_with(char::is_whitespace) {
        let scale = match suffix {
            "k" => 1e3,
            "m" | "mn" | "mln" => 1e6,
            "b" | "bn" | "bln" => 1e9,
            "tn" | "tln" => 1e12,
            _ => return None,
        };
        return Some((scale, false));
    }
    let word = suffix.trim();
    let scale = scale_of(word)?;
    Some((scale, scale == 12.0))
}

/// The multiplier of a scale word ("thousand" → 1e3, "dozen" → 12).
fn scale_of(word: &str) -> Option<f64> {
    Some(match word {
        "dozen" | "dozens" | "dz" | "dzs" => 12.0,
        "hundred" => 100.0,
        "bn" | "bln" => 1e9,
        "mn" | "mln" => 1e6,
        "tn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

fn unit_of(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => return None,
    })
}

fn teen_of(word: &str) -> Option<u32> {
    Some(match word {
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_of(word: &str) -> Option<u32> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn is_ordinal_unit(word: &str) -> bool {
    matches!(
        word,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
    )
}

/// Whether `word` can start a number below 100.
fn starts_below_100(word: &str) -> bool {
    word == "zero" || unit_of(word).is_some() || teen_of(word).is_some() || tens_of(word).is_some()
}

/// Reads 0 to 99 at `tokens[*i]`, advancing `i`; `None` for no number or an ordinal.
fn below_100(tokens: &[&str], i: &mut usize) -> Option<u32> {
    let word = *tokens.get(*i)?;
    if let Some(tens) = tens_of(word) {
        *i += 1;
        if let Some(next) = tokens.get(*i) {
            if let Some(unit) = unit_of(next) {
                *i += 1;
                return Some(tens + unit);
            }
            if is_ordinal_unit(next) {
                return None;
            }
        }
        return Some(tens);
    }
    let value = if word == "zero" {
        0
    } else {
        teen_of(word).or_else(|| unit_of(word))?
    };
    *i += 1;
    Some(value)
}

/// Reads 0 to 999 at `tokens[*i]`, advancing `i`. `a` counts as one before `hundred`, a
/// scale word or `dozen` (which it leaves for the caller).
fn below_1000(tokens: &[&str], i: &mut usize) -> Option<u32> {
    let word = *tokens.get(*i)?;
    let next = tokens.get(*i + 1).copied();
    let hundreds = if word == "a" {
        match next {
            Some("hundred") => 1,
            Some(w) if scale_of(w).is_some() => {
                *i += 1;
                return Some(1);
            }
            _ => return None,
        }
    } else if next == Some("hundred") {
        match unit_of(word) {
            Some(u) => u,
            None => return below_100(tokens, i),
        }
    } else {
        return below_100(tokens, i);
    };
    *i += 2;
    let mut value = hundreds * 100;
    let after = tokens.get(*i).copied();
    if after == Some("and") && tokens.get(*i + 1).is_some_and(|w| starts_below_100(w)) {
        *i += 1;
    }
    if tokens.get(*i).is_some_and(|w| starts_below_100(w)) {
        value += below_100(tokens, i)?;
    }
    Some(value)
}

/// A number in words.
fn parse_words(s: &str) -> Option<ScaledNumber> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    let part = match tokens.as_slice() {
        ["half", "a", word] | ["half", word] => Some((0.5, *word)),
        ["a", "quarter", "a", word] | ["a", "quarter", word] | ["quarter", word] => {
            Some((0.25, *word))
        }
        _ => None,
    };
    if let Some((fraction, word)) = part {
        let scale = scale_of(word)?;
        // Written like 0.5 million (step 0.1 million) or 0.25 million (step 0.01 million).
        let step = if scale == 12.0 {
            0.0
        } else if fraction == 0.5 {
            0.1 * scale
        } else {
            0.01 * scale
        };
        return Some(ScaledNumber {
            number: Number {
                value: fraction * scale,
                step,
            },
            scale,
        });
    }
    let mut groups: Vec<(f64, f64)> = Vec::new();
    let mut half = false;
    let mut i = 0;
    loop {
        let mut mantissa = f64::from(below_1000(&tokens, &mut i)?);
        if tokens.get(i..i + 3) == Some(&["and", "a", "half"][..]) {
            mantissa += 0.5;
            half = true;
            i += 3;
        }
        let scale = tokens.get(i).and_then(|w| scale_of(w));
        if scale.is_some() {
            i += 1;
        }
        groups.push((mantissa, scale.unwrap_or(1.0)));
        if i >= tokens.len() {
            break;
        }
        if scale.is_none() || half {
            return None;
        }
        if tokens.get(i) == Some(&"and") {
            i += 1;
        }
    }
    let dozen = groups.iter().any(|&(_, s)| s == 12.0);
    if groups.len() > 1 {
        if half || dozen {
            return None;
        }
        for pair in groups.windows(2) {
            if let [(_, a), (_, b)] = pair {
                if a <= b || *a <= 1.0 {
                    return None;
                }
            }
        }
    }
    let value: f64 = groups.iter().map(|&(m, s)| m * s).sum();
    let (step, scale) = match groups.as_slice() {
        [(_, s)] if dozen => (0.0, *s),
        [(_, s)] if half => (0.1 * s, *s),
        [(m, s)] => (integer_step_of(*m) * s, *s),
        _ => (integer_step_of(value), 1.0),
    };
    Some(ScaledNumber {
        number: Number { value, step },
        scale,
    })
}

/// Reads a vague magnitude as matched by [`VAGUE`] ("tens of thousands" →
/// `[20000,100000)`); `None` for anything else. See the module docs for the intervals.
pub fn parse_vague(text: &str) -> Option<Interval> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let (low, high, base) = match tokens.as_slice() {
        ["dozens"] | ["a", "few", "dozen"] | ["several", "dozen"] => {
            return Some(Interval::half_open(24.0, 100.0))
        }
        ["tens", "of", plural] => (20.0, 100.0, plural_scale(plural).filter(|s| *s >= 1e3)?),
        ["hundreds", "of", plural] => (200.0, 1000.0, plural_scale(plural).filter(|s| *s >= 1e3)?),
        ["a", "few", rest @ ..] | ["several", rest @ ..] => (2.0, 10.0, product_scale(rest)?),
        [plural] => (2.0, 10.0, plural_scale(plural)?),
        _ => return None,
    };
    Some(Interval::half_open(low * base, high * base))
}

/// The magnitude of a plural scale word ("thousands" → 1e3, "hundreds" → 100).
fn plural_scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// The product of singular magnitude words ("hundred thousand" → 1e5); no dozens.
fn product_scale(words: &[&str]) -> Option<f64> {
    if words.is_empty() {
        return None;
    }
    words.iter().try_fold(1.0, |acc, w| {
        let s = if *w == "hundred" { 100.0 } else { scale_of(w)? };
        (s != 12.0).then_some(acc * s)
    })
}

/// Regex source for a plain figure as [`NumberGrammar`] reads it: [`NUMBER`], a fraction in
/// words (`five eighths`, `a half`, `one-fifth`, `twenty and three fifths`, `three and a
/// fifth`), decimals in words (`five point five`, `nine point nought four`), `negative` and
/// `nought` / `naught`, scientific notation (`1e10`, `-12e-1`), digits grouped by spaces
/// (`1 234 567`, `40 000` with a space or a narrow no-break space), powers (`1.1^23`,
/// `6.2x10^5`), decimal commas (`2,75`), a spaced `k` (`4.5 k`), `hundred thousand`, fractions
/// with a slash (`3/4`, `2 1/4`: the character before and after is part of the match, so that
/// a chain such as `3/8/2024` or `555-1212/34` is left to its numbers) and ordinal
/// denominators (`a trillionth`, `three twenty-firsts`, `one one hundred and fifth`).
static PLAIN: LazyLock<String> = LazyLock::new(|| {
    let words = concat!("(?:", word_number!(), "|nought|naught)");
    let digit_word = r"(?:zero|oh|nought|naught|one|two|three|four|five|six|seven|eight|nine)";
    let denom = crate::extract::percent::DENOMINATOR;
    let numerator = concat!("(?:a|", below_1000!(), "|[0-9]+)");
    let fraction = format!(r"{numerator}(?:\s*-\s*|\s+){denom}");
    let sep = r"(?:\s*-\s*|\s+)";
    let num_word = concat!(
        "(?:",
        unit_words!(),
        "|",
        teen_words!(),
        "|",
        tens_words!(),
        "|hundred|thousand|million|billion|trillion|zero)"
    );
    // An ordinal denominator: "fifths", "twentieth", "trillionths", "twenty-first".
    let ordinal = concat!(
        r"(?:(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|",
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|",
        r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|",
        r"hundredth|thousandth|millionth|billionth|trillionth|quarter)s?|halves|half|(?:",
        tens_words!(),
        r")(?:\s*-\s*|\s+)(?:first|second)s?)"
    );
    let word_fraction = format!(
        r"(?-u:\b)(?:a|{num_word}){sep}(?:(?:and(?:\s+a)?|{num_word}){sep})*{ordinal}(?:\s+(?:of\s+)?(?:a\s+)?(?:{scales}))?(?-u:\b)",
        scales = scale_words!(),
    );
    let power = r"(?:(?-u:\B)-)?(?-u:\b)[0-9]+(?:\.[0-9]+)?(?:\s*[x×]\s*10)?\^[+-]?[0-9]+(?-u:\b)";
    // Indian grouping comes first, so that the decimal comma does not take its "12,34".
    let indian = r"(?-u:\b)[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?(?-u:\b)";
    let decimal_comma = r"(?-u:\b)[0-9]+,[0-9]{1,2}(?-u:\b)";
    // A fraction with a slash ("3/4", "2 1/4"), not in a chain of slashes or dashes (dates,
    // telephone numbers): the character before and after it is part of the match.
    let slash = r"(?:^|[\s(])(?:[0-9]+\s+)?[0-9]+/[0-9]+(?:$|[^/0-9])";
    let spaced_k = r"(?:(?-u:\B)-\s*)?(?-u:\b)[0-9]+(?:\.[0-9]+)?\s+k(?-u:\b)";
    let hundred = r"(?-u:\b)hundred\s+(?:thousand|million|billion|trillion)(?-u:\b)";
    format!(
        r"(?i:(?-u:\b)(?:the|this|that|which)\s+one(?:\s+(?:hundred|thousand|million|billion))?(?-u:\b)|[¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|{slash}|(?:(?-u:\b)negative\s+)?(?:{word_fraction}|{power}|{indian}|{decimal_comma}|{spaced_k}|{hundred}|{NUMBER}\s+over\s+{NUMBER}|(?-u:\b)(?:{words}|{digits})\s+and\s+(?:a\s+)?{fraction}(?:\s+(?:{scales}))?(?-u:\b)|(?-u:\b){fraction}(?:\s+(?:of\s+)?(?:a\s+)?(?:{scales}))?(?-u:\b)|(?:(?-u:\b)minus\s+)?(?-u:\b){words}\s+point(?:\s+{digit_word})+(?-u:\b)|(?-u:\b)(?:nought|naught)\s+point\s+{below}(?-u:\b)|(?:(?-u:\B)-)?(?-u:\b)[0-9]+(?:\.[0-9]+)?e[+-]?[0-9]+(?-u:\b)|(?-u:\b)[0-9]{{1,3}}(?:[ \u{{202f}}][0-9]{{3}})+(?:\.[0-9]+)?(?-u:\b)|{NUMBER}|(?-u:\b)half(?-u:\b)|(?-u:\b)(?:nought|naught)(?-u:\b)))",
        below = concat!("(?:", below_100!(), ")"),
        digits = concat!("(?:", digit_number!(), ")"),
        scales = scale_words!(),
    )
});

/// The grammar of plain figures, signed, in digits or words, with fractions; its values
/// are plain numbers ([`Unit::Count`], not clamped, a fraction as its value: `a fifth` is
/// 0.2). Rules do not use it for counts (see [`crate::extract::count`]); it measures the
/// number reader on its own and is ready for a numeric rule kind.
#[derive(Debug, Clone, Copy, Default)]
pub struct NumberGrammar;

impl Grammar for NumberGrammar {
    fn regex(&self) -> &str {
        &PLAIN
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        let n = parse_plain(text)?;
        Some(Parsed {
            value: Ok(n.interval(cx.exact)),
            unit: Unit::Count,
            hedge: None,
        })
    }
}

/// Reads a figure matched by [`NumberGrammar`]; `None` when it is not a number.
pub fn parse_plain(text: &str) -> Option<Number> {
    let lower = text.trim().to_lowercase().replace('\u{202f}', " ");
    let (negative, rest) = match lower.strip_prefix("negative") {
        Some(r) if r.starts_with(char::is_whitespace) => (true, r.trim_start()),
        _ => (false, lower.as_str()),
    };
    let n = read_plain(rest)?;
    if !n.value.is_finite() {
        return None;
    }
    Some(if negative {
        Number {
            value: -n.value,
            ..n
        }
    } else {
        n
    })
}

/// Unicode vulgar fractions.
const VULGAR: &[(char, f64)] = &[
    ('¼', 0.25),
    ('½', 0.5),
    ('¾', 0.75),
    ('⅐', 1.0 / 7.0),
    ('⅑', 1.0 / 9.0),
    ('⅒', 0.1),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn read_plain(s: &str) -> Option<Number> {
    let zeroed = s.replace("nought", "zero").replace("naught", "zero");
    let s = zeroed.as_str();
    // A fraction with a slash, with the characters around it that the regex needs.
    if s.contains('/') {
        let inner = s
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .trim_end_matches(|c: char| !c.is_ascii_digit());
        let (whole, frac) = match inner.rsplit_once(char::is_whitespace) {
            Some((w, f)) => (w.trim().parse::<f64>().ok()?, f),
            None => (0.0, inner),
        };
        let (a, b) = frac.split_once('/')?;
        let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
        return (b != 0.0).then(|| Number {
            value: whole + a / b,
            step: 0.0,
        });
    }
    // A spaced thousands suffix: "2.33 k".
    if let Some(rest) = s.strip_suffix('k') {
        if rest.ends_with(char::is_whitespace) {
            return parse_number(rest).map(|n| n.scaled(1e3));
        }
    }
    // "the one you mentioned": a pronoun, unless a scale follows ("the one hundred").
    for det in ["the ", "this ", "that ", "which "] {
        if let Some(rest) = s.strip_prefix(det) {
            let rest = rest.trim_start();
            return if rest.contains(' ') {
                parse_number(rest)
            } else {
                None
            };
        }
    }
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(&(_, v)) = VULGAR.iter().find(|(f, _)| *f == c) {
            return Some(Number {
                value: v,
                step: 0.0,
            });
        }
    }
    if let Some((a, b)) = s.split_once(" over ") {
        let a = parse_number(a)?.value;
        let b = parse_number(b)?.value;
        return (b != 0.0).then(|| Number {
            value: a / b,
            step: 0.0,
        });
    }
    if s == "half" {
        return Some(Number {
            value: 0.5,
            step: 0.0,
        });
    }
    // Digits grouped by spaces.
    if s.contains(' ')
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'.')
    {
        return parse_digits(&s.replace(' ', "")).map(|n| n.number);
    }
    // Scientific notation.
    if let Some((m, e)) = s.split_once('e') {
        if m.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            && !m.is_empty()
            && e.trim_start_matches(['+', '-'])
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            let v: f64 = s.parse().ok()?;
            return Some(Number {
                value: v,
                step: 0.0,
            });
        }
    }
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    // Decimals in words.
    if let Some(p) = tokens.iter().position(|t| *t == "point") {
        let whole = parse_scaled(&tokens.get(..p)?.join(" "))?.number.value;
        let after = tokens.get(p + 1..)?;
        let frac = if let [single] = after {
            match digit_of(single) {
                Some(d) => format!("{d}"),
                None => format!("{}", parse_words(single)?.number.value),
            }
        } else {
            after
                .iter()
                .map(|w| digit_of(w).map(|d| d.to_string()))
                .collect::<Option<String>>()?
        };
        let value: f64 = format!("{whole}.{frac}").parse().ok()?;
        return Some(Number {
            value,
            step: 0.1f64.powi(i32::try_from(frac.len()).ok()?),
        });
    }
    // Powers: "1.1^23", "2.5^-1", "1.3x10^6"; the sign applies to the result.
    if let Some((base, exp)) = s.split_once('^') {
        let (negative, base) = match base.strip_prefix('-') {
            Some(b) => (true, b.trim_start()),
            None => (false, base),
        };
        let exp: i32 = exp.trim().trim_start_matches('+').parse().ok()?;
        let value = match base.split_once(['x', '×']) {
            Some((m, ten)) if ten.trim() == "10" => m.trim().parse::<f64>().ok()? * 10f64.powi(exp),
            Some(_) => return None,
            None => base.trim().parse::<f64>().ok()?.powi(exp),
        };
        return value.is_finite().then_some(Number {
            value: if negative { -value } else { value },
            step: 0.0,
        });
    }
    // "hundred thousand": a scale with no count before it counts one.
    if let Some(rest) = s.strip_prefix("hundred ") {
        return parse_number(&format!("one hundred {rest}"));
    }
    // Decimal commas: "5,00", "1,3" (a comma and one or two digits, which no thousands
    // separator has).
    if let Some((int, frac)) = s.split_once(',') {
        if (1..=2).contains(&frac.len())
            && !int.is_empty()
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return parse_digits(&format!("{int}.{frac}")).map(|n| n.number);
        }
    }
    if let Some(value) = fraction_value(&tokens) {
        return value.is_finite().then_some(Number { value, step: 0.0 });
    }
    parse_number(s)
}

/// The value of an ordinal word used as a denominator, plural or not ("fifths" → 5,
/// "twentieth" → 20, "trillionth" → 1e12, "halves" → 2, "quarter" → 4); "first" and "second"
/// are 1 and 2 (only in compounds: "twenty-first").
fn ordinal_of(word: &str) -> Option<f64> {
    let w = word.strip_suffix('s').unwrap_or(word);
    if let Some(d) = crate::extract::percent::denominator(w) {
        return Some(d);
    }
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// An ordinal number in words as a denominator: "fifths" (5), "twenty-first" (21), "one
/// hundred and fifth" (105), "thousandth"; never 1 or 2 written alone ("a first", "one
/// second" are no fractions).
fn ordinal_phrase(tokens: &[&str]) -> Option<f64> {
    let (last, prefix) = tokens.split_last()?;
    let o = ordinal_of(last)?;
    let prefix = match prefix {
        [rest @ .., "and"] if !rest.is_empty() => rest,
        p => p,
    };
    if prefix.is_empty() {
        return (o >= 3.0 || last.starts_with("hal")).then_some(o);
    }
    if last.starts_with("hal") || last.starts_with("quarter") {
        return None;
    }
    let c = parse_words(&prefix.join(" "))?.number.value;
    if o >= 100.0 {
        return (c < 1000.0).then_some(c * o);
    }
    let round = if o < 10.0 { 10.0 } else { 100.0 };
    (c >= round && c % round == 0.0).then_some(c + o)
}

/// A fraction in words, `numerator denominator`, as its value: "three fifths", "a
/// trillionth", "three twenty-firsts", "one one hundred and fifth". The numerator is the
/// longest whole number that leaves an ordinal; a tens word just before a units ordinal
/// belongs to the ordinal ("one hundred thirty-fifths" is 100/35) unless "and" joins it to
/// the numerator ("one hundred and thirty fifths" is 130/5).
fn simple_fraction(tokens: &[&str]) -> Option<f64> {
    let n = tokens.len();
    let numerator = |words: &[&str], simple: bool| -> Option<f64> {
        match words {
            ["a"] => Some(1.0),
            [d] if simple && d.bytes().all(|b| b.is_ascii_digit()) => d.parse().ok(),
            _ if words
                .first()
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())) =>
            {
                None
            }
            _ => Some(parse_words(&words.join(" "))?.number.value),
        }
    };
    if n >= 3 {
        let (tens, unit) = (tokens.get(n - 2)?, tokens.get(n - 1)?);
        let unit_ordinal = ordinal_of(unit).is_some_and(|o| o < 10.0);
        if tens_of(tens).is_some() && unit_ordinal && tokens.get(n - 3) != Some(&"and") {
            let den = ordinal_phrase(tokens.get(n - 2..)?)?;
            if let Some(num) = numerator(tokens.get(..n - 2)?, false) {
                return Some(num / den);
            }
        }
    }
    for k in (1..n).rev() {
        let (num, den) = tokens.split_at(k);
        // Digit numerators go with the simple denominators only ("3 fifths", not "100
        // millionths").
        let simple = matches!(den, [one] if crate::extract::percent::denominator(one).is_some());
        if let (Some(num), Some(den)) = (numerator(num, simple), ordinal_phrase(den)) {
            return Some(num / den);
        }
    }
    None
}

/// A fraction of a scale: "a quarter million", "two thirds of a million", "half a
/// billion"; its value and the scale.
fn scaled_fraction(tokens: &[&str]) -> Option<(f64, f64)> {
    let (last, body) = tokens.split_last()?;
    let scale = scale_of(last).filter(|s| *s >= 1e3)?;
    let body = match body {
        [rest @ .., "of", "a"] | [rest @ .., "a"] => rest,
        b => b,
    };
    let f = match body {
        ["half"] | ["a", "half"] => 0.5,
        ["quarter"] | ["a", "quarter"] => 0.25,
        b => simple_fraction(b)?,
    };
    Some((f * scale, scale))
}

/// The value of a fraction in words, with a whole part or a scale: "twenty and three
/// fifths", "two million and one half" (a fraction after a scaled whole is of its scale),
/// "one billion and a half million", "three quarters", "a quarter million".
fn fraction_value(tokens: &[&str]) -> Option<f64> {
    if let Some(i) = tokens.iter().rposition(|t| *t == "and") {
        let (whole, rest) = (tokens.get(..i)?, tokens.get(i + 1..)?);
        if let Some(w) = (!whole.is_empty())
            .then(|| parse_scaled(&whole.join(" ")))
            .flatten()
        {
            // A proper fraction after "and" is the fractional part; an improper one
            // ("one hundred and thirty fifths") has the whole as its numerator.
            if let Some(f) = simple_fraction(rest).filter(|f| *f < 1.0) {
                return Some(w.number.value + f * w.scale);
            }
            if let Some((f, scale)) = scaled_fraction(rest) {
                if w.scale > scale {
                    return Some(w.number.value + f);
                }
            }
        }
    }
    scaled_fraction(tokens)
        .map(|(v, _)| v)
        .or_else(|| simple_fraction(tokens))
}

fn digit_of(word: &str) -> Option<u8> {
    Some(match word {
        "zero" | "oh" => 0,
        w => u8::try_from(unit_of(w)?).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn plain_values(text: &str) -> Vec<(String, f64)> {
        let re = Regex::new(NumberGrammar.regex()).expect("compiles");
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        re.find_iter(text)
            .filter_map(|m| {
                let p = NumberGrammar.parse(m.as_str(), &cx)?;
                let v = p.value.ok()?.lo.point()?;
                Some((m.as_str().to_string(), (v * 1e6).round() / 1e6))
            })
            .collect()
    }

    #[test]
    fn plain_number_grammar_reads_news_figures() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            (
                "Turnout fell to minus five point five",
                &[("minus five point five", -5.5)],
            ),
            (
                "some five and a half million people",
                &[("five and a half million", 5.5e6)],
            ),
            ("half million eggs", &[("half million", 5e5)]),
            ("a quarter million homes", &[("a quarter million", 2.5e5)]),
            ("costs rose by two-thirds", &[("two-thirds", 0.666667)]),
            (
                "two million and one half",
                &[("two million and one half", 2.5e6)],
            ),
            ("one over three", &[("one over three", 0.333333)]),
            ("the result is ½", &[("½", 0.5)]),
            ("The one you mentioned", &[]),
            ("the one hundred delegates", &[("the one hundred", 100.0)]),
            ("it has 1 234 567 people", &[("1 234 567", 1_234_567.0)]),
            ("a 1e10 estimate", &[("1e10", 1e10)]),
            ("aid of 10 bn", &[("10 bn", 1e10)]),
            ("3 hundred", &[("3 hundred", 300.0)]),
            ("negative one", &[("negative one", -1.0)]),
            (
                "nought point nought three",
                &[("nought point nought three", 0.03)],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, f64)> = want.iter().map(|(t, v)| (t.to_string(), *v)).collect();
            assert_eq!(plain_values(text), want, "{text:?}");
        }
    }

    #[test]
    fn plain_number_grammar_reads_powers_fractions_and_groupings() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("growth of 1.05^10 over a decade", &[("1.05^10", 1.628895)]),
            ("a rate of 4^-1", &[("4^-1", 0.25)]),
            ("-3^+2 is negative", &[("-3^+2", -9.0)]),
            ("about 6.2x10^5 cells", &[("6.2x10^5", 620_000.0)]),
            ("a dose of 2.5 × 10^-3", &[("2.5 × 10^-3", 0.0025)]),
            (
                "a three-hundredth share",
                &[("a three-hundredth", 0.003333)],
            ),
            ("a thousandth of a second", &[("a thousandth", 0.001)]),
            ("one millionth", &[("one millionth", 1e-6)]),
            (
                "four twenty-fifths of voters",
                &[("four twenty-fifths", 0.16)],
            ),
            ("two thirtieths", &[("two thirtieths", 0.066667)]),
            (
                "nine hundred and forty fifths",
                &[("nine hundred and forty fifths", 188.0)],
            ),
            (
                "nine hundred forty-fifths",
                &[("nine hundred forty-fifths", 20.0)],
            ),
            (
                "two one hundred and thirds",
                &[("two one hundred and thirds", 0.019417)],
            ),
            (
                "seventy-five hundred tenths",
                &[("seventy-five hundred tenths", 750.0)],
            ),
            ("a second later", &[]),
            ("in three seconds", &[("three", 3.0)]),
            ("one first-time voter", &[("one", 1.0)]),
            (
                "two and fifty-one hundredths",
                &[("two and fifty-one hundredths", 2.51)],
            ),
            (
                "four billion and a quarter million",
                &[("four billion and a quarter million", 4_000_250_000.0)],
            ),
            ("quarter million homes", &[("quarter million", 250_000.0)]),
            (
                "hundred thousand voters",
                &[("hundred thousand", 100_000.0)],
            ),
            ("a total of 3,45,678 votes", &[("3,45,678", 345_678.0)]),
            ("1,23,45,678.5 rupees", &[("1,23,45,678.5", 12_345_678.5)]),
            ("a rate of 2,75 in Europe", &[("2,75", 2.75)]),
            ("12,500 votes", &[("12,500", 12_500.0)]),
            ("3/8 of the budget", &[("3/8 ", 0.375)]),
            ("some 1 3/4 miles", &[(" 1 3/4 ", 1.75)]),
            ("on 3/8/2024", &[("3", 3.0), ("8", 8.0), ("2024", 2024.0)]),
            (
                "ext. 555-1212/34",
                &[("555", 555.0), ("1212", 1212.0), ("34", 34.0)],
            ),
            ("a budget of 4.5 k", &[("4.5 k", 4500.0)]),
            ("minus - 7 k", &[("- 7 k", -7000.0)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, f64)> = want.iter().map(|(t, v)| (t.to_string(), *v)).collect();
            assert_eq!(plain_values(text), want, "{text:?}");
        }
    }

    #[test]
    fn indian_grouping_in_the_shared_number() {
        assert_eq!(num("12,34,567"), (1_234_567.0, 1.0));
        assert_eq!(num("1,00,000"), (100_000.0, 10_000.0));
        assert_eq!(
            find(&number_re(), "a crowd of 2,50,000 people"),
            Some("2,50,000")
        );
        for text in ["1,00", "12,34", "1,2,345", "123,45,678"] {
            assert!(parse_number(text).is_none(), "{text:?}");
        }
    }

    fn num(text: &str) -> (f64, f64) {
        let n = parse_number(text).unwrap_or_else(|| panic!("{text:?} should parse"));
        (n.value, n.step)
    }

    fn notation(text: &str) -> String {
        parse_number(text)
            .unwrap_or_else(|| panic!("{text:?} should parse"))
            .interval(false)
            .notation()
    }

    fn find<'a>(re: &Regex, text: &'a str) -> Option<&'a str> {
        re.find(text).map(|m| m.as_str())
    }

    fn number_re() -> Regex {
        Regex::new(&format!("(?P<value>{NUMBER})")).expect("NUMBER compiles")
    }

    #[test]
    fn integers_keep_two_significant_figures() {
        assert_eq!(notation("20"), "[19.5,20.5)");
        assert_eq!(notation("55,000"), "[54500,55500)");
        assert_eq!(num("100,000"), (100_000.0, 10_000.0));
        assert_eq!(num("701"), (701.0, 1.0));
        assert_eq!(num("2,000"), (2000.0, 100.0));
        assert_eq!(num("14,000"), (14_000.0, 1000.0));
        assert_eq!(num("5"), (5.0, 1.0));
        assert_eq!(num("0"), (0.0, 1.0));
        assert_eq!(num("10"), (10.0, 1.0));
        assert_eq!(num("100"), (100.0, 10.0));
        assert_eq!(num("14000"), (14_000.0, 1000.0));
        assert_eq!(num("2022"), (2022.0, 1.0));
    }

    #[test]
    fn decimals_step_by_their_last_place() {
        assert_eq!(notation("19.3"), "[19.25,19.35)");
        assert_eq!(num("19.3"), (19.3, 0.1));
        assert_eq!(num(".08"), (0.08, 0.01));
        assert_eq!(num("1,234.5"), (1234.5, 0.1));
        assert_eq!(num("19.30"), (19.3, 0.01));
        assert_eq!(notation("0.5"), "[0.45,0.55)");
    }

    #[test]
    fn signs() {
        assert_eq!(num("-5"), (-5.0, 1.0));
        assert_eq!(num("minus 5"), (-5.0, 1.0));
        assert_eq!(num("Minus five"), (-5.0, 1.0));
        assert_eq!(num("-1.5"), (-1.5, 0.1));
        assert!(parse_number("minusfive").is_none());
        assert!(parse_number("--5").is_none());
    }

    #[test]
    fn scale_words_scale_the_step() {
        assert_eq!(num("1.2 million"), (1_200_000.0, 100_000.0));
        assert_eq!(num("5 million"), (5_000_000.0, 1_000_000.0));
        assert_eq!(num("55 thousand"), (55_000.0, 1000.0));
        assert_eq!(num("3 billion"), (3e9, 1e9));
        assert_eq!(num("100 million"), (1e8, 1e7));
        assert_eq!(notation("1.2 million"), "[1150000,1250000)");
    }

    #[test]
    fn attached_suffixes() {
        assert_eq!(num("10M"), (1e7, 1e6));
        assert_eq!(num("5bn"), (5e9, 1e9));
        assert_eq!(num("2.5m"), (2.5e6, 1e5));
        assert_eq!(num("20k"), (20_000.0, 1000.0));
        assert_eq!(num("4mn"), (4e6, 1e6));
        assert_eq!(num("1tn"), (1e12, 1e12));
        assert!(parse_number("5 m").is_none());
        assert!(parse_number("5mm").is_none());
        assert!(parse_number("5km").is_none());
    }

    #[test]
    fn words_read_like_digits() {
        assert_eq!(num("five"), (5.0, 1.0));
        assert_eq!(num("fifty-five thousand"), (55_000.0, 1000.0));
        assert_eq!(num("one hundred and six"), (106.0, 1.0));
        assert_eq!(num("twenty one"), (21.0, 1.0));
        assert_eq!(num("twenty-one"), (21.0, 1.0));
        assert_eq!(num("Twenty"), (20.0, 1.0));
        assert_eq!(num("five and a half million"), (5_500_000.0, 100_000.0));
        assert_eq!(num("two and a half"), (2.5, 0.1));
        assert_eq!(num("half a million"), (500_000.0, 100_000.0));
        assert_eq!(num("a hundred"), (100.0, 10.0));
        assert_eq!(num("one hundred"), (100.0, 10.0));
        assert_eq!(num("a thousand"), (1000.0, 1000.0));
        assert_eq!(num("a million"), (1e6, 1e6));
        assert_eq!(num("two hundred thousand"), (200_000.0, 10_000.0));
        assert_eq!(num("ten thousand"), (10_000.0, 1000.0));
        assert_eq!(num("one thousand two hundred"), (1200.0, 100.0));
        assert_eq!(num("two million three hundred thousand"), (2.3e6, 1e5));
        assert_eq!(num("two billion five hundred million"), (2.5e9, 1e8));
        assert_eq!(num("four billion"), (4e9, 1e9));
        assert_eq!(num("two thousand and twenty-two"), (2022.0, 1.0));
        assert_eq!(num("a thousand and one"), (1001.0, 1.0));
        assert_eq!(num("nineteen"), (19.0, 1.0));
        assert_eq!(num("zero"), (0.0, 1.0));
        assert_eq!(notation("fifty-five thousand"), "[54500,55500)");
    }

    #[test]
    fn dozens_are_exact() {
        assert_eq!(num("a dozen"), (12.0, 0.0));
        assert_eq!(num("3 dozen"), (36.0, 0.0));
        assert_eq!(num("three dozen"), (36.0, 0.0));
        assert_eq!(notation("a dozen"), "[12,12]");
    }

    #[test]
    fn exact_makes_points() {
        let n = parse_number("20").expect("parses");
        assert_eq!(n.interval(true).notation(), "[20,20]");
    }

    #[test]
    fn scale_is_reported() {
        let s = parse_scaled("1.5 million").expect("parses");
        assert_eq!(s.scale, 1e6);
        let s = parse_scaled("1.2").expect("parses");
        assert_eq!(s.scale, 1.0);
        assert_eq!(
            parse_scaled("fifty-five thousand").map(|s| s.scale),
            Some(1e3)
        );
    }

    #[test]
    fn not_numbers() {
        for text in [
            "",
            "twenty-first",
            "twenty first",
            "first",
            "21st",
            "1.2.3",
            "1,23",
            "12,3456",
            "five six",
            "thousand",
            "a",
            "hundreds",
            "one thousand two million",
            "half",
            "10^400",
            "five and a half million people",
            "abc",
            "٣",
        ] {
            assert!(parse_number(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn huge_figures_do_not_panic() {
        let big = "9".repeat(500);
        assert!(parse_number(&big).is_none());
        let grouped = format!("1{}", ",000".repeat(200));
        assert!(parse_number(&grouped).is_none());
        let tiny = format!("0.{}1", "0".repeat(500));
        let _ = parse_number(&tiny);
        let _ = parse_number(&format!("{big} billion"));
        let _ = parse_number(&format!(".{big}"));
        assert!(parse_number("10^400").is_none());
        let re = number_re();
        assert_eq!(find(&re, "10^400"), Some("10"));
        let m = find(&re, &big).expect("matches");
        assert!(parse_number(m).is_none());
    }

    #[test]
    fn regex_finds_numbers_in_sentences() {
        let re = number_re();
        assert_eq!(find(&re, "over 14,000 civilians"), Some("14,000"));
        assert_eq!(find(&re, "had lost 55,000 soldiers."), Some("55,000"));
        assert_eq!(find(&re, "it rose to 19.3."), Some("19.3"));
        assert_eq!(find(&re, "at .08 per"), Some(".08"));
        assert_eq!(find(&re, "costs 1.2 million dollars"), Some("1.2 million"));
        assert_eq!(find(&re, "costs $5bn."), Some("5bn"));
        assert_eq!(find(&re, "has 10M users"), Some("10M"));
        assert_eq!(find(&re, "a 5 m wall"), Some("5"));
        assert_eq!(find(&re, "a 5mm gap"), None);
        assert_eq!(find(&re, "the 21st century"), None);
        assert_eq!(find(&re, "the 1990s"), None);
        assert_eq!(find(&re, "COVID-19 cases"), Some("19"));
        assert_eq!(find(&re, "it fell to -5 today"), Some("-5"));
        assert_eq!(find(&re, "minus 20 degrees"), Some("minus 20"));
        assert_eq!(
            find(&re, "Fifty-five thousand people"),
            Some("Fifty-five thousand")
        );
        assert_eq!(
            find(&re, "one hundred and six people"),
            Some("one hundred and six")
        );
        assert_eq!(
            find(&re, "some five and a half million"),
            Some("five and a half million")
        );
        assert_eq!(find(&re, "about a thousand people"), Some("a thousand"));
        assert_eq!(find(&re, "a dozen eggs"), Some("a dozen"));
        assert_eq!(find(&re, "for four years"), Some("four"));
        assert_eq!(find(&re, "someone went"), None);
        assert_eq!(find(&re, "the twenty-first century"), Some("twenty-first"));
        assert_eq!(find(&re, "twenty seconds"), Some("twenty"));
        assert_eq!(find(&re, "seventeen"), Some("seventeen"));
        assert_eq!(find(&re, "one thousand and counting"), Some("one thousand"));
    }

    #[test]
    fn regex_has_no_capturing_groups() {
        for src in [NUMBER, DIGIT_NUMBER, VAGUE, WORDS_BELOW_100] {
            let re = Regex::new(src).expect("compiles");
            assert_eq!(re.captures_len(), 1, "{src}");
        }
    }

    #[test]
    fn vague_magnitudes() {
        let cases = [
            ("dozens", "[24,100)"),
            ("a few dozen", "[24,100)"),
            ("hundreds", "[200,1000)"),
            ("several hundred", "[200,1000)"),
            ("thousands", "[2000,10000)"),
            ("a few thousand", "[2000,10000)"),
            ("Tens of thousands", "[20000,100000)"),
            ("hundreds of thousands", "[200000,1000000)"),
            ("a few hundred thousand", "[200000,1000000)"),
            ("millions", "[2000000,10000000)"),
            ("tens of millions", "[20000000,100000000)"),
            ("hundreds of millions", "[200000000,1000000000)"),
            ("billions", "[2000000000,10000000000)"),
        ];
        for (text, expected) in cases {
            let iv = parse_vague(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(iv.notation(), expected, "{text:?}");
        }
        for text in [
            "dozen",
            "tens",
            "tens of hundreds",
            "a few",
            "several",
            "five",
        ] {
            assert!(parse_vague(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn vague_regex() {
        let re = Regex::new(VAGUE).expect("compiles");
        assert_eq!(
            find(&re, "tens of thousands of military and civilian casualties"),
            Some("tens of thousands")
        );
        assert_eq!(
            find(&re, "hundreds of thousands in Ukrainian cities"),
            Some("hundreds of thousands")
        );
        assert_eq!(find(&re, "thousands of mercenaries"), Some("thousands"));
        assert_eq!(
            find(&re, "a few hundred thousand"),
            Some("a few hundred thousand")
        );
        assert_eq!(find(&re, "one thousand"), None);
    }
}
