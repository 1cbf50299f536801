//! The hedge and range layer shared by the count and percentage grammars.
//!
//! A grammar supplies the regex of its bare value (one figure with its unit, e.g. `20%`)
//! and of the first figure of a range (where the unit may be left to the second figure,
//! as in `20-30%`); [`Hedged`] wraps them in hedges and range forms, and reads the match
//! back into an [`Interval`] and a [`Hedge`], calling the grammar's own figure reader for
//! each figure.
//!
//! # Semantics
//!
//! `x` is the figure's value; `iv` the interval the figure stands for when written bare
//! (its rounding `[x − step/2, x + step/2)`, or the point `x` when `cx.exact` is set or
//! the figure is exact or approximate by nature, like fractions in words); `r` is
//! `cx.hedges.about` or `cx.hedges.nearly`.
//!
//! | written | interval | hedge |
//! | --- | --- | --- |
//! | `x` | `iv` | none |
//! | `x` approximate by nature ("a fifth") | `iv` widened by `about` | `About` |
//! | about, around, roughly, approximately, some, an estimated, estimated, an approximate; `x or so` | `iv` widened by the ratio `about` ([`Interval::widen_ratio`]) | `About` |
//! | nearly, almost, close to, just under, just below, just short of, slightly under / below / less than / fewer than | `[x·(1−r), x)`, `r` = `nearly` | `Nearly` |
//! | just over, just above, just more than, slightly over / above / more than, a little over / more than | `(x, x·(1+r)]`, `r` = `nearly` | `JustOver` |
//! | more than, over, above, in excess of, upwards of, greater than, well over, well above | `(x, ∞)` | `MoreThan` |
//! | at least, no fewer than, no less than, not fewer than, not less than, a minimum of; `x or more` | `[x, ∞)` | `AtLeast` |
//! | fewer than, less than, under, below, well under, well below | `(−∞, x)` | `LessThan` |
//! | up to, at most, no more than, not more than, as many as, a maximum of; `x or fewer`, `x or less` | `(−∞, x]` | `UpTo` |
//! | exactly, equal to, equals, equalling, equaling (to) | the point `[x, x]` | `Exactly` |
//! | more than / less than (and the other strict bounds) x `or equal to` | `[x, ∞)` / `(−∞, x]` | `AtLeast` / `UpTo` |
//! | between x and y, from x to y, x to y, x-y, x–y | from the low end of x's `iv` to the high end of y's `iv` | `Range` |
//!
//! An approximate hedge (about, around, roughly, approximately, some) before a range or a
//! postfix hedge is part of the match and adds nothing ("about 20-30" is the range, "about
//! 500 or more" is `[500, ∞)`). A chain of dashes ("1-222-2222", "2022-02-24") is matched
//! whole and is no value; so are `=>` and `=<` (arrows).
//!
//! In a range, a scale word on the second figure carries to the first when the first has
//! none and the result stays ordered ("1.2 to 1.5 million" is 1.2 million to 1.5 million;
//! "500 to 2 million" keeps 500); the unit of the second figure is the unit of both
//! ("20-30%"), which the grammar's `range_start` regex allows. A range whose first figure
//! is larger than its second ("2021-22", "from 30 to 20") is not a value (`None`).
//!
//! "equal to" before a postfix hedge adds nothing ("equal to 300 or fewer" is `(−∞, 300]`).
//! [`Hedged::with_joined`] adds joined bounds ("above 1,000 and below 1,500", their
//! intersection) and "a figure or a bound" ("800 or more than 650", two values, see
//! [`joined_values`]).
//!
//! Hedges do not combine with ranges: "about 20-30%" is the range `20-30%`.
//! Callers clamp the result to their domain (counts and percentages to `>= 0`).

use crate::extract::captures::{Groups, SpanCaptures};
use crate::extract::grammar::{Hedge, ParseContext};
use crate::extract::number::ScaledNumber;
use crate::value::{Bound, Interval};
use regex::Regex;

/// Hedge phrases before a figure, in lower case with single spaces.
pub const PREFIX_HEDGES: &[(&str, Hedge)] = &[
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("some", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("an approximate", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("just below", Hedge::Nearly),
    ("just short of", Hedge::Nearly),
    ("slightly under", Hedge::Nearly),
    ("slightly below", Hedge::Nearly),
    ("slightly less than", Hedge::Nearly),
    ("slightly fewer than", Hedge::Nearly),
    ("just over", Hedge::JustOver),
    ("just above", Hedge::JustOver),
    ("just more than", Hedge::JustOver),
    ("slightly over", Hedge::JustOver),
    ("slightly above", Hedge::JustOver),
    ("slightly more than", Hedge::JustOver),
    ("a little over", Hedge::JustOver),
    ("a little more than", Hedge::JustOver),
    ("more than", Hedge::MoreThan),
    ("over", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("in excess of", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("greater than", Hedge::MoreThan),
    ("higher than", Hedge::MoreThan),
    ("bigger than", Hedge::MoreThan),
    ("larger than", Hedge::MoreThan),
    ("exceeding", Hedge::MoreThan),
    ("exceeds", Hedge::MoreThan),
    ("exceed", Hedge::MoreThan),
    ("well over", Hedge::MoreThan),
    ("well above", Hedge::MoreThan),
    ("at least", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not fewer than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("a minimum of", Hedge::AtLeast),
    ("greater than or equal to", Hedge::AtLeast),
    ("more than or equal to", Hedge::AtLeast),
    ("bigger or equal than", Hedge::AtLeast),
    ("greater or equal than", Hedge::AtLeast),
    ("equal to or more than", Hedge::AtLeast),
    ("equal to or greater than", Hedge::AtLeast),
    ("fewer than", Hedge::LessThan),
    ("less than", Hedge::LessThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
    ("well under", Hedge::LessThan),
    ("well below", Hedge::LessThan),
    ("lower than", Hedge::LessThan),
    ("smaller than", Hedge::LessThan),
    ("up to", Hedge::UpTo),
    ("at most", Hedge::UpTo),
    ("no more than", Hedge::UpTo),
    ("not more than", Hedge::UpTo),
    ("as many as", Hedge::UpTo),
    ("a maximum of", Hedge::UpTo),
    ("less than or equal to", Hedge::UpTo),
    ("fewer than or equal to", Hedge::UpTo),
    ("smaller or equal than", Hedge::UpTo),
    ("less or equal than", Hedge::UpTo),
    ("equal to or less than", Hedge::UpTo),
    ("equal to or fewer than", Hedge::UpTo),
    ("exactly", Hedge::Exactly),
    ("equal to", Hedge::Exactly),
    ("equals", Hedge::Exactly),
    ("equalling", Hedge::Exactly),
    ("equaling", Hedge::Exactly),
    ("equalling to", Hedge::Exactly),
    ("equaling to", Hedge::Exactly),
];

/// The approximate hedges a range or a postfix hedge may follow, which then add nothing:
/// "about 20-30" is the range, "about 500 or more" is `[500,)`.
const LOOSE: &str = r"(?:(?-u:\b)(?:about|around|roughly|approximately|some)\s+)?";

/// Comparison signs before a figure (`>30`, `<= 100`, `≥ 5`); spaces inside are allowed
/// (`< = 100`).
pub const SIGN_HEDGES: &[(&str, Hedge)] = &[
    (">=", Hedge::AtLeast),
    ("≥", Hedge::AtLeast),
    ("<=", Hedge::UpTo),
    ("≤", Hedge::UpTo),
    (">", Hedge::MoreThan),
    ("<", Hedge::LessThan),
];

/// Hedge words after a figure, following `or` or `and` ("20 or more", "500 and above"), in
/// lower case.
pub const POSTFIX_HEDGES: &[(&str, Hedge)] = &[
    ("more", Hedge::AtLeast),
    ("greater", Hedge::AtLeast),
    ("higher", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("so", Hedge::About),
    ("fewer", Hedge::UpTo),
    ("less", Hedge::UpTo),
    ("below", Hedge::UpTo),
    ("under", Hedge::UpTo),
];

/// The hedge of a comparison sign, spaces ignored: `"< ="` → [`Hedge::UpTo`].
pub fn sign_hedge(sign: &str) -> Option<Hedge> {
    let compact: String = sign.chars().filter(|c| !c.is_whitespace()).collect();
    SIGN_HEDGES
        .iter()
        .find(|(s, _)| *s == compact)
        .map(|&(_, hedge)| hedge)
}

/// The hedge a phrase stands for, if any: `"more than"` → [`Hedge::MoreThan`]. Case and
/// runs of white space are ignored.
pub fn prefix_hedge(phrase: &str) -> Option<Hedge> {
    lookup(PREFIX_HEDGES, phrase)
}

/// The hedge of a postfix word after `or`: `"more"` → [`Hedge::AtLeast`].
pub fn postfix_hedge(word: &str) -> Option<Hedge> {
    lookup(POSTFIX_HEDGES, word)
}

fn lookup(table: &[(&str, Hedge)], phrase: &str) -> Option<Hedge> {
    let normal = phrase
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    table
        .iter()
        .find(|(p, _)| *p == normal)
        .map(|&(_, hedge)| hedge)
}

/// An alternation of phrases, longest first, spaces as `\s+`.
fn alternation(table: &[(&str, Hedge)]) -> String {
    let mut phrases: Vec<&str> = table.iter().map(|(p, _)| *p).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
        .iter()
        .map(|p| {
            p.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Where a figure stands in the matched text, so a grammar can accept a unitless figure
/// only where the unit may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The only figure, hedged or not: matched by the grammar's `value` regex.
    Alone,
    /// The first figure of a range: matched by the grammar's `range_start` regex.
    RangeStart,
    /// The second figure of a range: matched by the grammar's `value` regex.
    RangeEnd,
}

/// One figure as a grammar read it, in the grammar's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The value (`20%` → 20, `a fifth` → 20).
    pub value: f64,
    /// The rounding step; 0 for an exact or approximate-by-nature figure.
    pub step: f64,
    /// The multiplier of the figure's scale word (1 when none), see
    /// [`ScaledNumber::scale`].
    pub scale: f64,
    /// Approximate by nature (fractions in words): bare, it reads as "about" its value.
    pub approximate: bool,
}

impl Figure {
    /// A figure written as a number.
    pub fn number(n: ScaledNumber) -> Figure {
        Figure {
            value: n.number.value,
            step: n.number.step,
            scale: n.scale,
            approximate: false,
        }
    }

    /// A figure that is approximate by nature ("a fifth" → 20).
    pub fn approximate(value: f64) -> Figure {
        Figure {
            value,
            step: 0.0,
            scale: 1.0,
            approximate: true,
        }
    }

    /// The interval the figure stands for before any hedge: its rounding, or a point when
    /// `cx.exact` is set, its step is 0 or it is approximate by nature.
    pub fn interval(&self, cx: &ParseContext) -> Interval {
        if cx.exact || self.step <= 0.0 || self.approximate {
            Interval::point(self.value)
        } else {
            Interval::rounded(self.value, self.step)
        }
    }

    /// The interval of the figure written bare, and the hedge that implies: approximate
    /// figures widen by `cx.hedges.about` ([`Hedge::About`]) unless `cx.exact` is set.
    pub fn bare(&self, cx: &ParseContext) -> (Interval, Option<Hedge>) {
        if self.approximate && !cx.exact {
            (
                self.interval(cx).widen_ratio(cx.hedges.about),
                Some(Hedge::About),
            )
        } else {
            (self.interval(cx), None)
        }
    }

    /// The figure multiplied by `factor` (value and step).
    fn scaled(self, factor: f64) -> Figure {
        Figure {
            value: self.value * factor,
            step: self.step * factor,
            scale: factor,
            ..self
        }
    }
}

/// The interval of `figure` under `hedge` (see the module docs); [`Hedge::Range`] and
/// [`Hedge::Vague`] leave the figure's own interval.
pub fn apply_hedge(hedge: Hedge, figure: &Figure, cx: &ParseContext) -> Interval {
    let x = figure.value;
    match hedge {
        Hedge::About => figure.interval(cx).widen_ratio(cx.hedges.about),
        Hedge::Nearly => Interval::half_open(x - x.abs() * cx.hedges.nearly, x),
        Hedge::JustOver => Interval {
            lo: Bound::Open(x),
            hi: Bound::Closed(x + x.abs() * cx.hedges.nearly),
        },
        Hedge::MoreThan => Interval {
            lo: Bound::Open(x),
            hi: Bound::Unbounded,
        },
        Hedge::AtLeast => Interval {
            lo: Bound::Closed(x),
            hi: Bound::Unbounded,
        },
        Hedge::LessThan => Interval {
            lo: Bound::Unbounded,
            hi: Bound::Open(x),
        },
        Hedge::UpTo => Interval {
            lo: Bound::Unbounded,
            hi: Bound::Closed(x),
        },
        Hedge::Exactly => Interval::point(x),
        Hedge::Range | Hedge::Vague => figure.interval(cx),
    }
}

/// The prefix hedges that bound a value on one side, for joined bounds ("above 1,000 and
/// below 1,500").
fn bound_hedges() -> Vec<(&'static str, Hedge)> {
    PREFIX_HEDGES
        .iter()
        .copied()
        .filter(|(_, h)| {
            matches!(
                h,
                Hedge::MoreThan | Hedge::AtLeast | Hedge::LessThan | Hedge::UpTo
            )
        })
        .collect()
}

/// Whether a one-sided hedge bounds from below (`Some(true)`) or above; `None` when it is
/// not a one-sided bound.
fn bound_side(hedge: Hedge) -> Option<bool> {
    match hedge {
        Hedge::MoreThan | Hedge::AtLeast => Some(true),
        Hedge::LessThan | Hedge::UpTo => Some(false),
        _ => None,
    }
}

/// The values of a text a [`Hedged`] grammar matched, with their byte ranges in `text`:
/// the whole match when `parse` reads it; else, when it is a joined bound whose halves
/// contradict each other or bound the same side ("more than 40 and less than 10"), each
/// half read on its own; else none.
pub fn joined_values<T>(
    hedged: &Hedged,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<(std::ops::Range<usize>, T)> {
    if let Some(p) = parse(text) {
        return vec![(0..text.len(), p)];
    }
    hedged
        .halves(text)
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let p = parse(text.get(r.clone())?)?;
            Some((r, p))
        })
        .collect()
}

/// The hedge of "or equal to" after a strict bound: "more than 5 or equal to" is at least
/// 5, "less than 5 or equal to" at most 5.
fn or_equal(hedge: Hedge) -> Hedge {
    match hedge {
        Hedge::MoreThan => Hedge::AtLeast,
        Hedge::LessThan => Hedge::UpTo,
        h => h,
    }
}

/// The range from `first` to `second`: the low end of the first figure's interval to the
/// high end of the second's, the second's scale carried to the first when it has none.
/// `None` when the first figure is larger than the second.
pub fn range(first: Figure, second: Figure, cx: &ParseContext) -> Option<Interval> {
    let mut first = first;
    if first.scale == 1.0 && second.scale > 1.0 && first.value * second.scale <= second.value {
        first = first.scaled(second.scale);
    }
    if first.value > second.value {
        return None;
    }
    let iv = Interval {
        lo: first.interval(cx).lo,
        hi: second.interval(cx).hi,
    };
    (!iv.is_empty()).then_some(iv)
}

/// The regex sources of a grammar's figures, from which [`Hedged`] builds its forms. All
/// must be free of capturing groups and carry their own flags and word boundaries.
#[derive(Debug, Clone, Copy)]
pub struct Forms<'a> {
    /// One figure with its unit (`20%`, `a fifth`): a figure alone, hedged, or the second
    /// figure of a range written with words ("between", "from", "to").
    pub value: &'a str,
    /// The first figure of a range written with words, where the unit may be left to the
    /// second figure (`20` in `between 20 and 30%`).
    pub range_start: &'a str,
    /// The first figure of a dash range (`20` in `20-30%`): digits only, so that
    /// `fifty-five` is not read as a range.
    pub dash_start: &'a str,
    /// The second figure of a dash range (`30%` in `20-30%`): digits only.
    pub dash_end: &'a str,
}

/// The compiled size a hedge parser may take: the regex crate's default.
const PARSER_SIZE_LIMIT: usize = 10 * 1024 * 1024;

/// A value grammar's hedge and range forms: the regex to match and the parser of its
/// matches.
#[derive(Debug, Clone)]
pub struct Hedged {
    regex: String,
    parser: Regex,
    /// The parser's backtracker, when the parser is large ([`SpanCaptures`]): the
    /// quantity grammar's parser has some 150,000 NFA states, and the regex crate's own
    /// capture engine for it held 50 MB per thread on the seed articles.
    large: Option<std::sync::Arc<SpanCaptures>>,
}

impl Hedged {
    /// Builds the hedge and range forms around a grammar's figures.
    ///
    /// # Panics
    ///
    /// When the sources are not valid regexes: a programming error, never input-driven.
    pub fn new(forms: Forms<'_>) -> Hedged {
        Hedged::build(forms, false)
    }

    /// [`Hedged::new`] with two forms more, each two values: joined bounds, read as their
    /// intersection ("above 1,000 and below 1,500" is `(1000,1500)`, "at most 100 and at
    /// least 20" is `[20,100]`; "and" or "but"), and a figure or a bound ("20 or more than
    /// 30", "equal to 20 or fewer than 30"), never one value. A joined bound whose halves
    /// contradict each other or bound the same side, and a figure or a bound, are refused
    /// by [`Hedged::parse`]; [`joined_values`] reads their halves. They add two copies of
    /// the figure's regex, so only the count grammar, whose figures are small, has them (its
    /// regex stays under the size `captures` leaves to the regex crate).
    ///
    /// # Panics
    ///
    /// As [`Hedged::new`].
    pub fn with_joined(forms: Forms<'_>) -> Hedged {
        Hedged::build(forms, true)
    }

    fn build(forms: Forms<'_>, joined: bool) -> Hedged {
        let v = forms.value;
        let f = forms.range_start;
        let dv = forms.dash_end;
        let df = forms.dash_start;
        let prefixes = alternation(PREFIX_HEDGES);
        let postfixes = alternation(POSTFIX_HEDGES);
        let dash = r"\s*[-–~]\s*";
        // A chain of dashes ("1-222-2222", a telephone number or a date) is swallowed and
        // refused: the parser has no form for it.
        let chain = r"(?:-[0-9]+)*";
        // `=>` and `=<` are arrows, swallowed and refused.
        let signs = r"(?:>\s*=|<\s*=|=\s*[<>]|≥|≤|>|<)";
        let or_equal = r"(?:\s+or\s+equal(?:\s+to)?(?-u:\b))?";
        let loose = LOOSE;
        // "equal to 5000 or less": the postfix hedge says it all.
        let equal = r"(?:(?-u:\b)equal\s+to\s+)?";
        let bounds = alternation(&bound_hedges());
        let (or_bound, joined_bounds, or_bound_p, joined_bounds_p) = if joined {
            (
                format!(r"\s+or\s+(?:{bounds})\s+{v}{or_equal}|"),
                format!(r"(?:\s+(?:and|but)\s+(?:{bounds})\s+{v}{or_equal})?"),
                format!(r"(?P<o1>{equal}{v})\s+or\s+(?P<o2>(?:{bounds})\s+{v}{or_equal})|"),
                format!(
                    r"(?P<j1>(?P<jh>{prefixes})\s+(?P<jv>{v})(?P<joe>{or_equal}))\s+(?:and|but)\s+(?P<j2>(?P<kh>{bounds})\s+(?P<kv>{v})(?P<koe>{or_equal}))|"
                ),
            )
        } else {
            Default::default()
        };
        let regex = format!(
            r"(?i:(?-u:\b)between\s+{f}\s+and\s+{v}|(?-u:\b)from\s+{f}\s+to\s+{v}|{loose}(?:{df}{dash}{dv}{chain}|{f}\s+(?:to|through)\s+{v}|{equal}{v}(?:{or_bound}\s+(?:or|and)\s+(?:{postfixes})(?-u:\b)))|(?-u:\b)(?:{prefixes})\s+{v}{or_equal}{joined_bounds}|{signs}\s*{v}|{v})"
        );
        let parser = format!(
            r"^(?i:between\s+(?P<ba>{f})\s+and\s+(?P<bb>{v})|from\s+(?P<fa>{f})\s+to\s+(?P<fb>{v})|{loose}(?:(?P<da>{df}){dash}(?P<db>{dv})|(?P<ra>{f})\s+(?:to|through)\s+(?P<rb>{v})|{or_bound_p}{equal}(?P<pv>{v})\s+(?:or|and)\s+(?P<p>{postfixes}))|{joined_bounds_p}(?P<h>{prefixes})\s+(?P<hv>{v})(?P<oe>{or_equal})|(?P<s>{signs})\s*(?P<sv>{v})|(?P<v>{v}))$"
        );
        // Built from the grammar's own constants, never from input; a test compiles it.
        #[allow(clippy::expect_used)]
        let parser = crate::rules::build_regex(&parser, PARSER_SIZE_LIMIT)
            .expect("hedged value regex is valid");
        let large = SpanCaptures::new(parser.as_str(), PARSER_SIZE_LIMIT).map(std::sync::Arc::new);
        Hedged {
            regex,
            parser,
            large,
        }
    }

    /// The parser's groups for the whole of `text`.
    fn groups<'t>(&'t self, text: &'t str) -> Option<Groups<'t, 't>> {
        match &self.large {
            Some(large) => large.whole(&self.parser, text),
            None => self.parser.captures(text).map(Groups::Regex),
        }
    }

    /// The two halves of a joined bound ("more than 40 and less than 10") or of a figure
    /// or a bound ("20 or more than 30", "equal to 20 or less than 30"), as byte ranges of
    /// `text`, when `text` is one; see [`joined_values`].
    pub fn halves(&self, text: &str) -> Option<[std::ops::Range<usize>; 2]> {
        let trimmed = text.trim_start();
        let off = text.len() - trimmed.len();
        let caps = self.groups(trimmed.trim_end())?;
        let (a, b) = match (caps.name("j1"), caps.name("j2")) {
            (Some(a), Some(b)) => (a, b),
            _ => (caps.name("o1")?, caps.name("o2")?),
        };
        Some([off + a.start..off + a.end, off + b.start..off + b.end])
    }

    /// The regex source of every form (no capturing group, case-insensitive, ASCII word
    /// boundaries).
    pub fn regex(&self) -> &str {
        &self.regex
    }

    /// Reads a text matched by [`Hedged::regex`]: the interval (not yet clamped) and the
    /// hedge. `figure` reads one figure of the text; `None` when the text or a figure is
    /// not a value.
    pub fn parse<F>(
        &self,
        text: &str,
        cx: &ParseContext,
        figure: F,
    ) -> Option<(Interval, Option<Hedge>)>
    where
        F: Fn(&str, Slot) -> Option<Figure>,
    {
        let text = text.trim();
        let caps = self.groups(text)?;
        let group = |name: &str| caps.name(name).and_then(|r| text.get(r));
        for (a, b) in [("ba", "bb"), ("fa", "fb"), ("da", "db"), ("ra", "rb")] {
            if let (Some(a), Some(b)) = (group(a), group(b)) {
                let first = figure(a, Slot::RangeStart)?;
                let second = figure(b, Slot::RangeEnd)?;
                return Some((range(first, second, cx)?, Some(Hedge::Range)));
            }
        }
        // Two values, never one: "5,000 or fewer than 6,000" (see [`Hedged::halves`]).
        if group("o1").is_some() {
            return None;
        }
        if let (Some(h1), Some(v1), Some(h2), Some(v2)) =
            (group("jh"), group("jv"), group("kh"), group("kv"))
        {
            let one = |h: &str, v: &str, oe: &str| -> Option<(Hedge, Interval)> {
                let hedge = prefix_hedge(h)?;
                let hedge = if oe.is_empty() {
                    hedge
                } else {
                    or_equal(hedge)
                };
                Some((hedge, apply_hedge(hedge, &figure(v, Slot::Alone)?, cx)))
            };
            let (a, ia) = one(h1, v1, group("joe").unwrap_or(""))?;
            let (b, ib) = one(h2, v2, group("koe").unwrap_or(""))?;
            let (lower, upper) = match (bound_side(a)?, bound_side(b)?) {
                (true, false) => (ia, ib),
                (false, true) => (ib, ia),
                _ => return None,
            };
            let iv = Interval {
                lo: lower.lo,
                hi: upper.hi,
            };
            return (!iv.is_empty()).then_some((iv, Some(Hedge::Range)));
        }
        if let (Some(h), Some(v)) = (group("h"), group("hv")) {
            let hedge = prefix_hedge(h)?;
            let hedge = if group("oe").is_some_and(|t| !t.is_empty()) {
                or_equal(hedge)
            } else {
                hedge
            };
            let fig = figure(v, Slot::Alone)?;
            return Some((apply_hedge(hedge, &fig, cx), Some(hedge)));
        }
        if let (Some(sign), Some(v)) = (group("s"), group("sv")) {
            let hedge = sign_hedge(sign)?;
            let fig = figure(v, Slot::Alone)?;
            return Some((apply_hedge(hedge, &fig, cx), Some(hedge)));
        }
        if let (Some(v), Some(p)) = (group("pv"), group("p")) {
            let hedge = postfix_hedge(p)?;
            let fig = figure(v, Slot::Alone)?;
            return Some((apply_hedge(hedge, &fig, cx), Some(hedge)));
        }
        let fig = figure(group("v")?, Slot::Alone)?;
        Some(fig.bare(cx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::number::{parse_scaled, DIGIT_NUMBER, NUMBER};

    fn plain() -> Hedged {
        Hedged::new(Forms {
            value: NUMBER,
            range_start: NUMBER,
            dash_start: DIGIT_NUMBER,
            dash_end: DIGIT_NUMBER,
        })
    }

    fn read(h: &Hedged, text: &str, cx: &ParseContext) -> Option<(String, Option<Hedge>)> {
        h.parse(text, cx, |t, _| parse_scaled(t).map(Figure::number))
            .map(|(iv, hedge)| (iv.notation(), hedge))
    }

    fn check(text: &str, expected: &str, hedge: Option<Hedge>) {
        let h = plain();
        let got = read(&h, text, &ParseContext::default());
        assert_eq!(got, Some((expected.to_string(), hedge)), "{text:?}");
    }

    #[test]
    fn hedge_phrases() {
        assert_eq!(prefix_hedge("More  than"), Some(Hedge::MoreThan));
        assert_eq!(prefix_hedge("just over"), Some(Hedge::JustOver));
        assert_eq!(prefix_hedge("an estimated"), Some(Hedge::About));
        assert_eq!(prefix_hedge("beyond"), None);
        assert_eq!(postfix_hedge("more"), Some(Hedge::AtLeast));
    }

    #[test]
    fn every_hedge_shape() {
        use Hedge::*;
        check("20", "[19.5,20.5)", None);
        check("about 20", "[17.55,22.55)", Some(About));
        check("nearly 20", "[18,20)", Some(Nearly));
        check("just over 20", "(20,22]", Some(JustOver));
        check("more than 20", "(20,)", Some(MoreThan));
        check("at least 20", "[20,)", Some(AtLeast));
        check("fewer than 20", "(,20)", Some(LessThan));
        check("up to 20", "(,20]", Some(UpTo));
        check("20 or more", "[20,)", Some(AtLeast));
        check("20 or so", "[17.55,22.55)", Some(About));
        check("20 or fewer", "(,20]", Some(UpTo));
        check("500 and more", "[500,)", Some(AtLeast));
        check("200 or higher", "[200,)", Some(AtLeast));
        check("greater than or equal to 50", "[50,)", Some(AtLeast));
        check("equal to or less than 30", "(,30]", Some(UpTo));
        check("lower than 15", "(,15)", Some(LessThan));
        check("exceeding 3000", "(3000,)", Some(MoreThan));
        check(">30", "(30,)", Some(MoreThan));
        check("< = 100", "(,100]", Some(UpTo));
        check("≥ 5", "[5,)", Some(AtLeast));
        check("20 through 100", "[19.5,105)", Some(Range));
        check("20~100", "[19.5,105)", Some(Range));
        check("fifty-five", "[54.5,55.5)", None);
        check("twenty-five thousand", "[24500,25500)", None);
        check("twenty to thirty", "[19.5,30.5)", Some(Range));
        check("between 20 and 30", "[19.5,30.5)", Some(Range));
        check("from 20 to 30", "[19.5,30.5)", Some(Range));
        check("20 to 30", "[19.5,30.5)", Some(Range));
        check("20-30", "[19.5,30.5)", Some(Range));
        check("20–30", "[19.5,30.5)", Some(Range));
        check("20 - 30", "[19.5,30.5)", Some(Range));
        check("1.2 to 1.5 million", "[1150000,1550000)", Some(Range));
        check("500 to 2 million", "[495,2500000)", Some(Range));
        check(
            "between one hundred and six and two hundred",
            "[105.5,205)",
            Some(Range),
        );
    }

    #[test]
    fn every_hedge_the_issue_names() {
        use Hedge::*;
        for (text, want, hedge) in [
            ("about 300", "[265.5,335.5)", About),
            ("around 300", "[265.5,335.5)", About),
            ("roughly 300", "[265.5,335.5)", About),
            ("approximately 300", "[265.5,335.5)", About),
            ("some 300", "[265.5,335.5)", About),
            ("an estimated 300", "[265.5,335.5)", About),
            ("nearly 300", "[270,300)", Nearly),
            ("almost 300", "[270,300)", Nearly),
            ("close to 300", "[270,300)", Nearly),
            ("just under 300", "[270,300)", Nearly),
            ("just over 300", "(300,330]", JustOver),
            ("more than 300", "(300,)", MoreThan),
            ("over 300", "(300,)", MoreThan),
            ("above 300", "(300,)", MoreThan),
            ("at least 300", "[300,)", AtLeast),
            ("fewer than 300", "(,300)", LessThan),
            ("less than 300", "(,300)", LessThan),
            ("under 300", "(,300)", LessThan),
            ("below 300", "(,300)", LessThan),
            ("up to 300", "(,300]", UpTo),
            ("at most 300", "(,300]", UpTo),
            ("no more than 300", "(,300]", UpTo),
            ("between 200 and 300", "[195,305)", Range),
            ("from 200 to 300", "[195,305)", Range),
            ("200-300", "[195,305)", Range),
            ("200 to 300", "[195,305)", Range),
        ] {
            check(text, want, Some(hedge));
        }
    }

    #[test]
    fn equality_or_equal_and_loose_hedges() {
        use Hedge::*;
        check("exactly 20", "[20,20]", Some(Exactly));
        check("equal to 1,500", "[1500,1500]", Some(Exactly));
        check("equals 7", "[7,7]", Some(Exactly));
        check("equalling 300", "[300,300]", Some(Exactly));
        check("more than 40 or equal to", "[40,)", Some(AtLeast));
        check("fewer than 12 or equal to", "(,12]", Some(UpTo));
        check("at least 12 or equal to", "[12,)", Some(AtLeast));
        check("about 20-30", "[19.5,30.5)", Some(Range));
        check("roughly 200 to 300", "[195,305)", Some(Range));
        check("around 500 or more", "[500,)", Some(AtLeast));
        check("some 40 or fewer", "(,40]", Some(UpTo));
        let h = plain();
        let cx = ParseContext::default();
        assert_eq!(read(&h, "=>30", &cx), None);
        assert_eq!(read(&h, "=< 30", &cx), None);
        assert_eq!(read(&h, "1-222-2222", &cx), None);
        assert_eq!(read(&h, "2022-02-24", &cx), None);
    }

    fn joined() -> Hedged {
        Hedged::with_joined(Forms {
            value: NUMBER,
            range_start: NUMBER,
            dash_start: DIGIT_NUMBER,
            dash_end: DIGIT_NUMBER,
        })
    }

    #[test]
    fn joined_bounds_intersect() {
        use Hedge::*;
        let h = joined();
        let cx = ParseContext::default();
        for (text, want) in [
            ("above 2,000 and below 2,600", "(2000,2600)"),
            ("no fewer than 30 but fewer than 45", "[30,45)"),
            ("up to 70 and more than 55", "(55,70]"),
            ("more than 8 or equal to and less than 12", "[8,12)"),
        ] {
            assert_eq!(
                read(&h, text, &cx),
                Some((want.to_string(), Some(Range))),
                "{text:?}"
            );
            assert_eq!(h.halves(text).map(|_| ()), Some(()), "{text:?}");
        }
        // Contradictory, or both on one side: no single value, two halves.
        for text in [
            "over 70 and under 20",
            "at least 4 and more than 9",
            "about 40 and under 60",
        ] {
            assert_eq!(read(&h, text, &cx), None, "{text:?}");
        }
        let t = "nearly 40 and under 60";
        assert_eq!(
            h.halves(t).map(|[a, b]| (&t[a], &t[b])),
            Some(("nearly 40", "under 60"))
        );
        let text = " over 70 and under 20";
        let halves = h.halves(text).map(|[a, b]| (&text[a], &text[b]));
        assert_eq!(halves, Some(("over 70", "under 20")));
        let values = joined_values(&h, text, |t| read(&h, t, &cx));
        assert_eq!(
            values,
            vec![
                (1..8, ("(70,)".to_string(), Some(MoreThan))),
                (13..21, ("(,20)".to_string(), Some(LessThan))),
            ]
        );
        // The plain forms have no joined bounds: the match stops after the first.
        let re = Regex::new(plain().regex()).expect("compiles");
        let m = re.find("above 2,000 and below 2,600").map(|m| m.as_str());
        assert_eq!(m, Some("above 2,000"));
        assert_eq!(plain().halves("above 2,000 and below 2,600"), None);
    }

    #[test]
    fn a_figure_or_a_bound_has_two_halves() {
        let h = joined();
        let cx = ParseContext::default();
        let re = Regex::new(h.regex()).expect("compiles");
        let text = "a score of 640 or higher than 600";
        let m = re.find(text).map(|m| m.as_str());
        assert_eq!(m, Some("640 or higher than 600"));
        assert_eq!(read(&h, "640 or higher than 600", &cx), None);
        let t = "equal to 12 or less than 15";
        assert_eq!(
            h.halves(t).map(|[a, b]| (&t[a], &t[b])),
            Some(("equal to 12", "less than 15"))
        );
    }

    #[test]
    fn equal_to_before_a_postfix_hedge() {
        use Hedge::*;
        check("equal to 300 or less", "(,300]", Some(UpTo));
        check("equal to 25 or more", "[25,)", Some(AtLeast));
        check("equal to 25", "[25,25]", Some(Exactly));
    }

    #[test]
    fn exact_context_uses_points() {
        let cx = ParseContext {
            exact: true,
            ..ParseContext::default()
        };
        let h = plain();
        assert_eq!(
            read(&h, "between 20 and 30", &cx),
            Some(("[20,30]".to_string(), Some(Hedge::Range)))
        );
        assert_eq!(
            read(&h, "about 20", &cx),
            Some(("[18,22]".to_string(), Some(Hedge::About)))
        );
    }

    #[test]
    fn inverted_ranges_are_not_values() {
        let h = plain();
        let cx = ParseContext::default();
        assert_eq!(read(&h, "2021-22", &cx), None);
        assert_eq!(read(&h, "from 30 to 20", &cx), None);
    }

    #[test]
    fn approximate_figures_widen_when_bare() {
        let cx = ParseContext::default();
        let fifth = Figure::approximate(20.0);
        let (iv, hedge) = fifth.bare(&cx);
        assert_eq!(
            (iv.notation(), hedge),
            ("[18,22]".into(), Some(Hedge::About))
        );
        assert_eq!(
            apply_hedge(Hedge::Nearly, &fifth, &cx).notation(),
            "[18,20)"
        );
        assert_eq!(apply_hedge(Hedge::About, &fifth, &cx).notation(), "[18,22]");
    }

    #[test]
    fn regex_matches_whole_forms() {
        let h = plain();
        let re = Regex::new(&format!("(?P<value>{})", h.regex())).expect("compiles");
        assert_eq!(re.captures_len(), 2);
        let find = |t: &'static str| re.find(t).map(|m| m.as_str());
        assert_eq!(find("killed over 14,000 people"), Some("over 14,000"));
        assert_eq!(find("just over 20 people"), Some("just over 20"));
        assert_eq!(find("no more than 20 people"), Some("no more than 20"));
        assert_eq!(find("between 20 and 30 people"), Some("between 20 and 30"));
        assert_eq!(find("from 20 to 30."), Some("from 20 to 30"));
        assert_eq!(find("20 or more people"), Some("20 or more"));
        assert_eq!(find("moreover 20"), Some("20"));
        assert_eq!(find("ABOUT 20"), Some("ABOUT 20"));
        assert_eq!(find("fifty-five people"), Some("fifty-five"));
        assert_eq!(find("20-30 people"), Some("20-30"));
        assert_eq!(find("about 20-30 people"), Some("about 20-30"));
        assert_eq!(find("call 1-800-555 now"), Some("1-800-555"));
        assert_eq!(find("x => 30"), Some("=> 30"));
        assert_eq!(find("rose to 40 or equal to it"), Some("40"));
        assert_eq!(
            find("more than 40 or equal to it"),
            Some("more than 40 or equal to")
        );
        assert_eq!(find("the sum equals 20."), Some("equals 20"));
    }
}
