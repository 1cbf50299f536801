//! Values as intervals with honest bounds.
//!
//! Every extracted figure becomes an [`Interval`] on the real line: a bare `20%` is
//! `[19.5, 20.5)`, "more than 14,000" is `(14000,)`, "February 2022" is the span of days of
//! that month. Comparison is interval overlap, never string equality.
//!
//! Dates are intervals of days counted from 1970-01-01 (see [`crate::date`]), so one type
//! serves every kind of claim.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// One end of an [`Interval`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Bound {
    /// No bound: `-∞` as a lower end, `+∞` as an upper end.
    Unbounded,
    /// The end point is part of the interval.
    Closed(f64),
    /// The end point is not part of the interval.
    Open(f64),
}

impl Bound {
    /// The finite end point, if any.
    pub fn point(self) -> Option<f64> {
        match self {
            Bound::Unbounded => None,
            Bound::Closed(x) | Bound::Open(x) => Some(x),
        }
    }

    fn map(self, f: impl FnOnce(f64) -> f64) -> Bound {
        match self {
            Bound::Unbounded => Bound::Unbounded,
            Bound::Closed(x) => Bound::Closed(f(x)),
            Bound::Open(x) => Bound::Open(f(x)),
        }
    }
}

/// The unit an interval is measured in. Claims with different units are never compared.
///
/// Quantities are normalised to one base unit per dimension (kilometres and miles become
/// metres, pounds become kilograms, Fahrenheit becomes Celsius, hours become seconds), so
/// "10 miles" and "16 km" compare. Money keeps its currency: dollars are never compared with
/// euros. Serialised as the snake-case name of the variant (`percent`, `square_metre`,
/// `usd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share, 0 to 100.
    Percent,
    /// A plain number of things or people.
    Count,
    /// Days since 1970-01-01: the value of a date claim.
    Day,
    /// A difference between two percentages ("rose 5 percentage points"); never compared
    /// with a percentage.
    PercentagePoint,
    /// A duration, in seconds.
    Second,
    /// A length, in metres.
    Metre,
    /// An area, in square metres.
    SquareMetre,
    /// A mass, in kilograms.
    Kilogram,
    /// A volume, in litres.
    Litre,
    /// A speed, in kilometres per hour.
    KilometrePerHour,
    /// An amount of information, in bits (a byte is 8 bits).
    Bit,
    /// A temperature, in degrees Celsius.
    Celsius,
    /// A temperature in degrees of a scale the text does not name ("40 degrees").
    Degree,
    /// Money in US dollars.
    Usd,
    /// Money in euros.
    Eur,
    /// Money in pounds sterling.
    Gbp,
    /// Money in Japanese yen.
    Jpy,
    /// Money in Chinese yuan.
    Cny,
    /// Money in Russian roubles.
    Rub,
    /// Money in Ukrainian hryvnias.
    Uah,
    /// Money in Indian rupees.
    Inr,
    /// A category of a rule's closed vocabulary (`kind = "category"`): the value is the
    /// category's place in the rule's sorted list of categories.
    Category,
}

impl Unit {
    /// The symbol or word written after a figure in this unit for readers (`%`, ` km`,
    /// ` USD`); empty for counts and days.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Count | Unit::Day => "",
            Unit::PercentagePoint => " percentage points",
            Unit::Second => " s",
            Unit::Metre => " m",
            Unit::SquareMetre => " m²",
            Unit::Kilogram => " kg",
            Unit::Litre => " l",
            Unit::KilometrePerHour => " km/h",
            Unit::Bit => " bit",
            Unit::Celsius => " °C",
            Unit::Degree => "°",
            Unit::Usd => " USD",
            Unit::Eur => " EUR",
            Unit::Gbp => " GBP",
            Unit::Jpy => " JPY",
            Unit::Cny => " CNY",
            Unit::Rub => " RUB",
            Unit::Uah => " UAH",
            Unit::Inr => " INR",
            Unit::Category => "",
        }
    }

    /// Whether the unit is a currency.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::Usd
                | Unit::Eur
                | Unit::Gbp
                | Unit::Jpy
                | Unit::Cny
                | Unit::Rub
                | Unit::Uah
                | Unit::Inr
        )
    }
}

/// A set of reals between two bounds; the value of every claim.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower end.
    pub lo: Bound,
    /// Upper end.
    pub hi: Bound,
}

/// A position on the extended real line that tells apart `x` from just below and just above
/// `x`, so open and closed ends compare exactly. Used for overlap and for the sweep in
/// [`crate::compare`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Position {
    /// `-1`: -∞, `0`: finite, `1`: +∞.
    inf: i8,
    x: f64,
    /// `-1`: just below `x`, `0`: `x`, `1`: just above `x`.
    eps: i8,
}

impl Eq for Position {}

impl PartialOrd for Position {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Position {
    fn cmp(&self, other: &Self) -> Ordering {
        self.inf
            .cmp(&other.inf)
            .then_with(|| self.x.total_cmp(&other.x))
            .then_with(|| self.eps.cmp(&other.eps))
    }
}

impl Interval {
    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo: Bound::Closed(lo),
            hi: Bound::Closed(hi),
        }
    }

    /// `[lo, hi)`: the usual shape of a rounded figure or a span of days.
    pub fn half_open(lo: f64, hi: f64) -> Interval {
        Interval {
            lo: Bound::Closed(lo),
            hi: Bound::Open(hi),
        }
    }

    /// The single point `[x, x]`.
    pub fn point(x: f64) -> Interval {
        Interval::closed(x, x)
    }

    /// A figure written with a rounding step `step` (`20` → step 1, `19.3` → step 0.1):
    /// `[x - step/2, x + step/2)`.
    pub fn rounded(x: f64, step: f64) -> Interval {
        if step <= 0.0 {
            return Interval::point(x);
        }
        Interval::half_open(x - step / 2.0, x + step / 2.0)
    }

    /// The lowest position in the interval.
    pub(crate) fn lo_pos(&self) -> Position {
        match self.lo {
            Bound::Unbounded => Position {
                inf: -1,
                x: 0.0,
                eps: 0,
            },
            Bound::Closed(x) => Position { inf: 0, x, eps: 0 },
            Bound::Open(x) => Position { inf: 0, x, eps: 1 },
        }
    }

    /// The highest position in the interval.
    pub(crate) fn hi_pos(&self) -> Position {
        match self.hi {
            Bound::Unbounded => Position {
                inf: 1,
                x: 0.0,
                eps: 0,
            },
            Bound::Closed(x) => Position { inf: 0, x, eps: 0 },
            Bound::Open(x) => Position { inf: 0, x, eps: -1 },
        }
    }

    pub(crate) fn contains_pos(&self, p: Position) -> bool {
        self.lo_pos() <= p && p <= self.hi_pos()
    }

    /// Whether the interval holds no point at all.
    pub fn is_empty(&self) -> bool {
        self.lo_pos() > self.hi_pos()
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: f64) -> bool {
        self.contains_pos(Position { inf: 0, x, eps: 0 })
    }

    /// Whether the two intervals share at least one point.
    ///
    /// ```
    /// use claimlint::value::Interval;
    /// // 19.3% is [19.25, 19.35), 20% is [19.5, 20.5): they cannot both be right.
    /// let (a, b) = (Interval::rounded(19.3, 0.1), Interval::rounded(20.0, 1.0));
    /// assert!(!a.overlaps(&b));
    /// // "about 20%" (17.55–22.55%) agrees with both.
    /// let about = b.widen_ratio(0.1);
    /// assert!(about.overlaps(&a) && about.overlaps(&b));
    /// ```
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo_pos().max(other.lo_pos()) <= self.hi_pos().min(other.hi_pos())
    }

    /// The interval widened by `by` on each side (a rule's tolerance).
    pub fn widen(&self, by: f64) -> Interval {
        if by <= 0.0 {
            return *self;
        }
        Interval {
            lo: self.lo.map(|x| x - by),
            hi: self.hi.map(|x| x + by),
        }
    }

    /// The interval widened by the fraction `ratio` of each end's magnitude: the shape of
    /// "about x" (`[lo·(1−r), hi·(1+r)]` for positive values).
    pub fn widen_ratio(&self, ratio: f64) -> Interval {
        if ratio <= 0.0 {
            return *self;
        }
        Interval {
            lo: self.lo.map(|x| x - x.abs() * ratio),
            hi: self.hi.map(|x| x + x.abs() * ratio),
        }
    }

    /// The part of the interval at or above `floor` (percentages and counts are never
    /// negative).
    pub fn clamp_lo(&self, floor: f64) -> Interval {
        let lo = match self.lo {
            Bound::Unbounded => Bound::Closed(floor),
            Bound::Closed(x) if x < floor => Bound::Closed(floor),
            Bound::Open(x) if x < floor => Bound::Closed(floor),
            b => b,
        };
        Interval { lo, hi: self.hi }
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let lo = if self.lo_pos() <= other.lo_pos() {
            self.lo
        } else {
            other.lo
        };
        let hi = if self.hi_pos() >= other.hi_pos() {
            self.hi
        } else {
            other.hi
        };
        Interval { lo, hi }
    }

    /// The interval in the peer's range notation: `[19.25,19.35)`, `(30,)`, `(,700]`.
    pub fn notation(&self) -> String {
        let mut s = String::new();
        match self.lo {
            Bound::Unbounded => s.push('('),
            Bound::Closed(x) => {
                s.push('[');
                s.push_str(&fmt_num(x));
            }
            Bound::Open(x) => {
                s.push('(');
                s.push_str(&fmt_num(x));
            }
        }
        s.push(',');
        match self.hi {
            Bound::Unbounded => s.push(')'),
            Bound::Closed(x) => {
                s.push_str(&fmt_num(x));
                s.push(']');
            }
            Bound::Open(x) => {
                s.push_str(&fmt_num(x));
                s.push(')');
            }
        }
        s
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.notation())
    }
}

/// A number written the short way: no trailing zeros, at most 6 decimals, no exponent.
pub fn fmt_num(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let mut s = format!("{x:.6}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// A number written for readers: `55,000`, `19.25`, `1,200,000`.
pub fn fmt_grouped(x: f64) -> String {
    let s = fmt_num(x);
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.len() <= 3 {
        return s;
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_figures_carry_their_step() {
        let twenty = Interval::rounded(20.0, 1.0);
        assert_eq!(twenty.notation(), "[19.5,20.5)");
        assert!(twenty.contains(19.5));
        assert!(!twenty.contains(20.5));
    }

    #[test]
    fn open_and_closed_ends_touch_exactly() {
        let a = Interval::half_open(0.0, 1.0);
        let b = Interval::closed(1.0, 2.0);
        assert!(!a.overlaps(&b), "[0,1) and [1,2] share no point");
        let c = Interval::closed(0.0, 1.0);
        assert!(c.overlaps(&b), "[0,1] and [1,2] share 1");
        let d = Interval {
            lo: Bound::Open(1.0),
            hi: Bound::Unbounded,
        };
        assert!(!c.overlaps(&d));
        assert_eq!(d.notation(), "(1,)");
    }

    #[test]
    fn unbounded_ends_and_notation() {
        let up_to = Interval {
            lo: Bound::Unbounded,
            hi: Bound::Closed(700.0),
        };
        assert_eq!(up_to.notation(), "(,700]");
        assert!(up_to.contains(-1e12));
        assert_eq!(up_to.clamp_lo(0.0).notation(), "[0,700]");
    }

    #[test]
    fn widening() {
        let x = Interval::rounded(20.0, 1.0).widen_ratio(0.1);
        assert_eq!(x.notation(), "[17.55,22.55)");
        assert_eq!(Interval::point(5.0).widen(1.0).notation(), "[4,6]");
        assert!(Interval::half_open(2.0, 1.0).is_empty());
    }

    #[test]
    fn hull_takes_the_outer_ends() {
        let a = Interval::half_open(0.0, 1.0);
        let b = Interval::closed(3.0, 4.0);
        assert_eq!(a.hull(&b).notation(), "[0,4]");
    }

    #[test]
    fn numbers_print_short_and_grouped() {
        assert_eq!(fmt_num(19.250000001), "19.25");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_grouped(55000.0), "55,000");
        assert_eq!(fmt_grouped(1234567.5), "1,234,567.5");
        assert_eq!(fmt_grouped(1000.0), "1,000");
        assert_eq!(fmt_grouped(999.5), "999.5");
        assert_eq!(fmt_grouped(-12345.0), "-12,345");
    }
}
