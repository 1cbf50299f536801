//! The contract between the extraction engine and the value grammars.
//!
//! A grammar is the engine-supplied part of a claim pattern: rule authors write `{value}`
//! and the engine puts the grammar's regex there (as the named group `value`), then hands
//! the matched text to the grammar's parser. One kind of claim, one grammar module.

use crate::date::Date;
use crate::value::{Interval, Unit};
use serde::{Deserialize, Serialize};

/// How much hedged figures widen; configurable per rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HedgeRatios {
    /// "about", "around", "roughly", "approximately", "some", "an estimated": `x` becomes
    /// `[x·(1−r), x·(1+r)]` (applied to the rounded interval's ends). Also used for
    /// fractions written in words ("a fifth"), which are approximate by nature.
    pub about: f64,
    /// "nearly", "almost", "close to", "just under": `x` becomes `[x·(1−r), x)`;
    /// "just over": `(x, x·(1+r)]`.
    pub nearly: f64,
}

impl Default for HedgeRatios {
    fn default() -> Self {
        HedgeRatios {
            about: 0.1,
            nearly: 0.1,
        }
    }
}

/// What a grammar needs besides the text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ParseContext {
    /// The article's published date, the anchor for relative dates ("last month") and for
    /// dates written without a year ("February 5").
    pub published: Option<Date>,
    /// Widening ratios for hedges.
    pub hedges: HedgeRatios,
    /// When true, bare figures are exact points instead of carrying their rounding.
    pub exact: bool,
}

/// The hedge or range form a value was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// about, around, roughly, approximately, some, an estimated
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// just over
    JustOver,
    /// more than, over, above
    MoreThan,
    /// at least, no fewer than
    AtLeast,
    /// fewer than, less than, under, below
    LessThan,
    /// up to, at most, no more than
    UpTo,
    /// exactly, equal to, equals: the figure as a point
    Exactly,
    /// between x and y, from x to y, x-y, x to y
    Range,
    /// a vague magnitude: "tens of thousands", "dozens", "hundreds of thousands"
    Vague,
}

/// A value the grammar read from the matched text.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The value as an interval, or why it could not be resolved (a relative date with no
    /// published date, an impossible date). Unresolved values are listed but never compared.
    pub value: Result<Interval, String>,
    /// What the interval measures.
    pub unit: Unit,
    /// The hedge, if the text had one.
    pub hedge: Option<Hedge>,
}

/// A value grammar: the regex put in place of `{value}` and the parser of what it matched.
pub trait Grammar: Sync {
    /// The grammar's regex source. It has no capturing groups, uses ASCII word boundaries
    /// (`(?-u:\b)`) and is case-insensitive by its own inline flags, so it can sit inside any
    /// user pattern.
    fn regex(&self) -> &str;

    /// Reads the text matched by [`Grammar::regex`]; `None` when it is not a value after
    /// all (the regex over-approximates).
    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed>;

    /// Every value in a text matched by [`Grammar::regex`], with its byte range in `text`:
    /// [`Grammar::parse`]'s value over the whole text, or none. A grammar whose match may
    /// hold two values that do not make one (a joined bound whose halves contradict each
    /// other, "more than 40 and less than 10") returns each on its own, never an empty
    /// interval. Rules read the `{value}` group with [`Grammar::parse`], so such a match
    /// gives them no claim.
    fn parse_all(&self, text: &str, cx: &ParseContext) -> Vec<(std::ops::Range<usize>, Parsed)> {
        self.parse(text, cx)
            .map(|p| (0..text.len(), p))
            .into_iter()
            .collect()
    }
}
