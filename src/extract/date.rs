//! The DATE value grammar: calendar dates, relative dates and "N years ago" spans.
//!
//! A date's value is an interval of day numbers (days since 1970-01-01, see [`crate::date`]):
//! a day is [`day_interval`], a month [`month_interval`], a year [`year_interval`], and every
//! other form is a half-open span of whole days `[first, last + 1)`.
//!
//! # Forms and how they resolve
//!
//! Absolute (no published date needed):
//! - `February 24, 2022`, `Feb 24, 2022`, `Feb. 24 2022`, `February 24th, 2022`,
//!   `24 February 2022`, `24th February 2022`, `the 24th of February, 2022`, optionally
//!   prefixed by a weekday (`Thursday, February 24, 2022`): that day. A weekday that does not
//!   match the date is an error ("February 24, 2022 was a Thursday, not a Monday").
//! - `2022-02-24` (ISO) and `02/24/2022` (US month/day/year; when the first number cannot be
//!   a month but the second can, as in `24/02/2022`, it is read day/month/year).
//! - `March 2022`, `March of 2022`, `March, 2022`: the month. `2022` (1000 to 2999 alone):
//!   the year. `the 1990s`, `1990s`, `1990's`: the decade.
//! - Parts: `early` = January–April, `mid`/`mid-`/`the middle of` = May–August, `late` =
//!   September–December of a year; `the start of`/`the beginning of` a year is its January,
//!   `the end of` its December. Of a month (`early March 2022`, `late March`, `the end of
//!   March`): days 1–10, 11–20 and 21–end; start = early, end = late. Of a decade
//!   (`the early 1990s`): years 0–3, 4–6 and 7–9. The part may apply to `this year`,
//!   `last month`, `the year` (the published year) and so on.
//! - `before X` is `(−∞, start of X)` with [`Hedge::LessThan`]; `after X` is
//!   `[end of X, +∞)` with [`Hedge::MoreThan`]. `since X` is deliberately not part of the
//!   grammar: rule patterns own it.
//!
//! Resolved with the article's published date `P` (an error without one):
//! - A day without a year (`February 5`, `5 February`, `Sept. 5`): the latest of the years
//!   `P.year + 1`, `P.year`, `P.year − 1` that puts the day no more than 61 days (about two
//!   months) after `P`. So a date leans to the past, but "January 3" in an article of
//!   December 20 is the coming January 3. Without `P`: "no year and no published date".
//! - A month alone (`January`, written with a capital in running text): the most recent such
//!   month at or before `P`'s month. `last March`: the most recent March strictly before
//!   `P`'s month; `next March`: the first March strictly after; `this March`: March of
//!   `P.year`.
//! - `today`, `tonight`, `this morning/afternoon/evening`: `P`; `yesterday`, `last night`:
//!   the day before; `tomorrow`: the day after.
//! - `this/last/next week`: Monday–Sunday weeks; `this/last/next weekend`: the Saturday and
//!   Sunday of that week; `this/last/next month`, `this/last/next year`.
//!   `earlier this week/month/year`: from its start to `P` included; `later this ...`: from
//!   `P` included to its end.
//! - A weekday alone (`Monday`, `on Monday`): the most recent such day at or before `P` (`P`
//!   itself when it is that weekday), as news uses it for things that already happened.
//!   `last Wednesday`: the most recent Wednesday strictly before `P`. `next Tuesday`: the
//!   first Tuesday strictly after `P`. `this Tuesday`: the Tuesday of `P`'s Monday–Sunday
//!   week.
//! - Durations before `P`: `three days ago`, `two weeks ago`, `a year ago`, `N months ago`,
//!   `four years on` (the same as "ago", as in "Four years on from the start of the
//!   invasion"; only for years, months and weeks, since "a day on the front" is too common),
//!   and the adjective `four-year`, `10-day`, `four-year-long` (as in "the four-year war":
//!   that long before `P`). `N` is digits (`1,000`, `1.5`), `a`/`an` or a number word up to
//!   ninety-nine. With `C` the date exactly `N` units before `P`, the value is honest about
//!   the rounding: years `[C − 6 months, C + 6 months)`, months `C ± 15 days`, weeks
//!   `C ± 3 days`, days exactly `C`. When [`ParseContext::exact`] is set, unhedged durations
//!   are the single day `C`. `four-year-old` and `four-year high/low` are not dates.
//! - Hedged durations, with `d = P − C` in days: `nearly`/`almost`/`close to`/`just under`
//!   ([`Hedge::Nearly`]): the duration is in `[d·(1−r), d)` with `r` =
//!   [`crate::extract::grammar::HedgeRatios::nearly`], so the date is in
//!   `(P − d, P − d·(1−r)]`. `about`/`around`/`roughly`/`approximately`/`some`
//!   ([`Hedge::About`]): the rounded span's durations widened by the `about` ratio.
//!   `more than`/`over` ([`Hedge::MoreThan`]): `(−∞, C)`. `at least` ([`Hedge::AtLeast`]):
//!   `(−∞, C]`. `less than`/`under` ([`Hedge::LessThan`]): `(C, P]`. `just over`
//!   ([`Hedge::JustOver`]): the duration is in `(d, d·(1+r)]`.
//!
//! Durations longer than about 8,000 years, impossible dates ("February 30, 2022 does not
//! exist") and published dates outside the calendar's range give an `Err` reason; text that
//! is not one of the forms above gives `None`. Parsing never panics.
//!
//! The regex ([`date_regex`]) is case-insensitive except that `May` must be capitalised
//! (it is also a modal verb) and a month name standing alone (or after last/this/next,
//! early/mid/late) must be written with a capital (`march` and `may` are common words).

use crate::date::{
    day_interval, days_in_month, month_interval, year_interval, Date, MONTHS, WEEKDAYS,
};
use crate::extract::grammar::{Grammar, Hedge, ParseContext, Parsed};
use crate::value::{Bound, Interval, Unit};
use std::sync::LazyLock;

/// The date grammar: [`date_regex`] to find dates, [`parse_date`] to read them.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateGrammar;

impl Grammar for DateGrammar {
    fn regex(&self) -> &str {
        date_regex()
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        parse_date(text, cx)
    }
}

/// The regex source of the date grammar: no capturing groups, case-insensitive by its own
/// inline flags, ASCII word boundaries, no surrounding spaces consumed. Built once.
pub fn date_regex() -> &'static str {
    &DATE_REGEX
}

/// Reads a date matched by [`date_regex`] (the same as [`Grammar::parse`] on
/// [`DateGrammar`]); also usable on its own for reference times such as the `February 5`
/// of "as of February 5". A leading `on` or `in` is accepted (`on Monday`, `in January`).
/// `None` when the text is not a date.
pub fn parse_date(text: &str, cx: &ParseContext) -> Option<Parsed> {
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(&lower);
    let (value, hedge) = parse_tokens(&toks, cx)?;
    Some(Parsed {
        value,
        unit: Unit::Day,
        hedge,
    })
}

const NO_PUBLISHED: &str = "relative date with no published date";
const NO_YEAR: &str = "no year and no published date";
/// How far back a duration may reach, in days (about 8,200 years).
const MAX_BACK_DAYS: f64 = 3_000_000.0;
/// How far after the published date a day written without a year may fall.
const YEARLESS_AHEAD_DAYS: i64 = 61;

// ---------------------------------------------------------------------------------------
// Regex
// ---------------------------------------------------------------------------------------

static DATE_REGEX: LazyLock<String> = LazyLock::new(build_regex);

fn build_regex() -> String {
    let b = r"(?-u:\b)";
    let month = format!(
        r"{b}(?:(?:january|february|march|april|(?-i:May|MAY)|june|july|august|september|october|november|december){b}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec){b}\.?)"
    );
    let month_cap = format!(
        r"{b}(?-i:January|February|March|April|May|June|July|August|September|October|November|December){b}"
    );
    let weekday = format!(r"{b}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday){b}");
    let wdp = format!(r"(?:{weekday},?\s+)?");
    let day = format!(r"{b}[0-9]{{1,2}}(?:st|nd|rd|th)?{b}");
    let year = format!(r"{b}[0-9]{{4}}{b}");
    let the = format!(r"(?:{b}the\s+)?");

    let mdy = format!(r"{wdp}{month}\s*{day}(?:\s*,\s*|\s+){year}");
    let dmy = format!(r"{wdp}{the}{day}(?:\s+of)?\s+{month},?\s+{year}");
    let iso = format!(r"{b}[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{b}");
    let us = format!(r"{b}[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}{b}");
    let decade = format!(r"{b}[12][0-9]{{2}}0['’]?s{b}");
    let my = format!(r"{month}(?:\s+of)?,?\s+{year}");
    let md = format!(r"{wdp}{month}\s*{day}");
    let dm = format!(r"{wdp}{the}{day}(?:\s+of)?\s+{month}");
    let rel_grain = format!(r"{b}(?:this|last|next|the)\s+(?:year|month){b}");
    let part = format!(
        r"{the}(?:{b}(?:early|mid|late)(?:\s*-\s*|\s+)|{b}(?:start|beginning|middle|end)\s+of\s+)(?:{my}|{decade}|{year}|{rel_grain}|{month_cap})"
    );
    let rel = format!(
        r"{b}(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|(?:last|this|next)\s+(?:week|weekend|month|year)|(?:earlier|later)\s+this\s+(?:week|month|year)){b}"
    );
    let rel_wd = format!(r"{b}(?:last|this|next)\s+{weekday}");
    let rel_month = format!(r"{b}(?:last|this|next)\s+{month_cap}");
    let bare_year = format!(r"{b}[12][0-9]{{3}}{b}");
    let point = format!(
        r"(?:{mdy}|{dmy}|{iso}|{us}|{part}|{the}{decade}|{my}|{md}|{dm}|{rel}|{rel_wd}|{rel_month}|{weekday}|{month_cap}|{bare_year})"
    );

    let units = "one|two|three|four|five|six|seven|eight|nine";
    let num = format!(
        r"(?:{b}(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?{b}|{b}(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:{units}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{units}){b})"
    );
    let hedge = format!(
        r"(?:{b}(?:nearly|almost|close\s+to|just\s+under|just\s+over|about|around|roughly|approximately|some|more\s+than|over|less\s+than|fewer\s+than|under|at\s+least)\s+)?"
    );
    let ago = format!(
        r"{hedge}(?:{num}|{b}an?{b})\s+(?:(?:years?|months?|weeks?)\s+(?:ago|on)|days?\s+ago){b}"
    );
    let adjective =
        format!(r"{hedge}{num}-(?:year|month|week|day)(?:-old|-long|\s+(?:high|low)s?)?{b}");

    format!(r"(?i:{ago}|{adjective}|(?:{b}(?:before|after)\s+)?{point})")
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// A piece of lower-cased date text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    /// A run of ASCII letters.
    W(&'a str),
    /// A run of ASCII digits.
    N(&'a str),
    /// Any other non-space character.
    P(char),
}

use Tok::{N, P, W};

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let alpha = c.is_ascii_alphabetic();
        if !alpha && !c.is_ascii_digit() {
            out.push(P(c));
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let same = if alpha {
                d.is_ascii_alphabetic()
            } else {
                d.is_ascii_digit()
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        if let Some(run) = s.get(start..end) {
            out.push(if alpha { W(run) } else { N(run) });
        }
    }
    out
}

/// Drops one leading token if it is `tok`.
fn skip<'t, 'a>(t: &'t [Tok<'a>], tok: Tok<'_>) -> &'t [Tok<'a>] {
    match t {
        [first, rest @ ..] if *first == tok => rest,
        _ => t,
    }
}

/// A short run of digits as a number; `None` for long runs (no overflow).
fn small_int(digits: &str) -> Option<u32> {
    if digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

fn month_of(w: &str) -> Option<u8> {
    let m = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return MONTHS.iter().position(|m| *m == w).map(|i| i as u8 + 1),
    };
    Some(m)
}

fn weekday_of(w: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u8)
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

fn month_name(m: u8) -> String {
    MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .map_or_else(|| format!("month {m}"), |n| capitalized(n))
}

fn weekday_name(w: u8) -> String {
    WEEKDAYS
        .get(usize::from(w))
        .map_or_else(String::new, |n| capitalized(n))
}

/// `February 24, 2022`.
fn describe(d: Date) -> String {
    format!("{} {}, {}", month_name(d.month), d.day, d.year)
}

// ---------------------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------------------

/// A resolved date at its grain.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Span {
    Day(Date),
    Month(i32, u8),
    Year(i32),
    /// The ten years from this one.
    Decade(i32),
    /// Day numbers `[from, to)`.
    Days(i64, i64),
}

fn first_day(year: i32, month: u8) -> Date {
    Date {
        year,
        month,
        day: 1,
    }
}

impl Span {
    /// Day numbers `[first, end)`.
    fn bounds(self) -> (i64, i64) {
        match self {
            Span::Day(d) => (d.days(), d.days() + 1),
            Span::Month(y, m) => {
                let f = first_day(y, m);
                (f.days(), f.add_months(1).days())
            }
            Span::Year(y) => (first_day(y, 1).days(), first_day(y + 1, 1).days()),
            Span::Decade(y) => (first_day(y, 1).days(), first_day(y + 10, 1).days()),
            Span::Days(a, b) => (a, b),
        }
    }

    fn interval(self) -> Interval {
        match self {
            Span::Day(d) => day_interval(d),
            Span::Month(y, m) => month_interval(y, m),
            Span::Year(y) => year_interval(y),
            other => {
                let (a, b) = other.bounds();
                Interval::half_open(a as f64, b as f64)
            }
        }
    }
}

type Res = Result<Span, String>;

/// The published date, checked to be inside the calendar's range.
fn anchor(cx: &ParseContext, missing: &str) -> Result<Date, String> {
    let p = cx.published.ok_or_else(|| missing.to_string())?;
    Date::new(p.year, p.month, p.day).ok_or_else(|| "published date out of range".to_string())
}

fn full_date(y: i32, m: u32, d: u32) -> Res {
    let (Ok(m8), Ok(d8)) = (u8::try_from(m), u8::try_from(d)) else {
        return Err(format!("{y}-{m:02}-{d:02} does not exist"));
    };
    match Date::new(y, m8, d8) {
        Some(date) => Ok(Span::Day(date)),
        None if (1..=12).contains(&m) => Err(format!("{} {d}, {y} does not exist", month_name(m8))),
        None => Err(format!("{y}-{m:02}-{d:02} does not exist")),
    }
}

/// A day written without a year.
fn yearless_day(m: u8, d: u32, cx: &ParseContext) -> Res {
    let p = anchor(cx, NO_YEAR)?;
    let Some(d8) = u8::try_from(d).ok().filter(|d| (1..=31).contains(d)) else {
        return Err(format!("{} {d} does not exist", month_name(m)));
    };
    let limit = p.days() + YEARLESS_AHEAD_DAYS;
    let mut year = p.year - 1;
    for y in [p.year + 1, p.year] {
        let near = Date {
            year: y,
            month: m,
            day: d8.min(days_in_month(y, m)),
        };
        if near.days() <= limit {
            year = y;
            break;
        }
    }
    match Date::new(year, m, d8) {
        Some(date) => Ok(Span::Day(date)),
        None if d8 <= days_in_month(2000, m) => {
            Err(format!("{} {d8}, {year} does not exist", month_name(m)))
        }
        None => Err(format!("{} {d8} does not exist", month_name(m))),
    }
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

fn parse_tokens(
    t: &[Tok<'_>],
    cx: &ParseContext,
) -> Option<(Result<Interval, String>, Option<Hedge>)> {
    let t = skip(t, W("on"));
    let (hedge, rest) = duration_hedge(t);
    if let Some((n, unit)) = duration(rest) {
        return Some((resolve_duration(n, unit, hedge, cx), hedge));
    }
    if hedge.is_some() {
        return None;
    }
    let (hedge, rest) = match skip(t, W("in")) {
        [W("before"), r @ ..] => (Some(Hedge::LessThan), r),
        [W("after"), r @ ..] => (Some(Hedge::MoreThan), r),
        r => (None, r),
    };
    let span = point(rest, cx)?;
    let value = span.map(|s| {
        let (first, end) = s.bounds();
        match hedge {
            Some(Hedge::LessThan) => Interval {
                lo: Bound::Unbounded,
                hi: Bound::Open(first as f64),
            },
            Some(_) => Interval {
                lo: Bound::Closed(end as f64),
                hi: Bound::Unbounded,
            },
            None => s.interval(),
        }
    });
    Some((value, hedge))
}

/// Any date that is a point or span of the calendar (not a duration).
fn point(t: &[Tok<'_>], cx: &ParseContext) -> Option<Res> {
    if let [W(w), rest @ ..] = t {
        if let Some(wd) = weekday_of(w) {
            if !rest.is_empty() {
                let dated = calendar(skip(rest, P(',')), cx)?;
                return match dated {
                    Ok(Span::Day(d)) if d.weekday() != wd => Some(Err(format!(
                        "{} was a {}, not a {}",
                        describe(d),
                        weekday_name(d.weekday()),
                        weekday_name(wd)
                    ))),
                    Ok(Span::Day(d)) => Some(Ok(Span::Day(d))),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                };
            }
        }
    }
    calendar(t, cx)
        .or_else(|| part_of(t, cx))
        .or_else(|| relative(t, cx))
}

/// A day given as digits.
fn day_num<'t, 'a>(t: &'t [Tok<'a>]) -> Option<(u32, &'t [Tok<'a>])> {
    match t {
        [N(d), rest @ ..] if d.len() <= 2 => {
            let rest = match rest {
                [W("st" | "nd" | "rd" | "th"), r @ ..] => r,
                r => r,
            };
            Some((small_int(d)?, rest))
        }
        _ => None,
    }
}

fn month_word<'t, 'a>(t: &'t [Tok<'a>]) -> Option<(u8, &'t [Tok<'a>])> {
    match t {
        [W(w), rest @ ..] => Some((month_of(w)?, skip(rest, P('.')))),
        _ => None,
    }
}

/// A four-digit year closing the text.
fn final_year(t: &[Tok<'_>]) -> Option<i32> {
    match t {
        [N(y)] if y.len() == 4 => y.parse().ok(),
        _ => None,
    }
}

/// Absolute forms, and the month or day written without a year.
fn calendar(t: &[Tok<'_>], cx: &ParseContext) -> Option<Res> {
    match t {
        [N(y), P('-'), N(m), P('-'), N(d)] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let y = y.parse().ok()?;
            return Some(full_date(y, small_int(m)?, small_int(d)?));
        }
        [N(a), P('/'), N(b), P('/'), N(y)] if a.len() <= 2 && b.len() <= 2 && y.len() == 4 => {
            let (a, b) = (small_int(a)?, small_int(b)?);
            let (m, d) = if a > 12 && (1..=12).contains(&b) {
                (b, a)
            } else {
                (a, b)
            };
            return Some(full_date(y.parse().ok()?, m, d));
        }
        _ => {}
    }
    let no_the = skip(t, W("the"));
    if let [N(y), W("s")] | [N(y), P('\'' | '’'), W("s")] = no_the {
        if y.len() == 4 && y.ends_with('0') {
            return Some(Ok(Span::Decade(y.parse().ok()?)));
        }
        return None;
    }
    if let Some((m, rest)) = month_word(t) {
        if rest.is_empty() {
            return Some(month_alone(m, cx));
        }
        if let Some((d, rest)) = day_num(rest) {
            let rest = skip(rest, P(','));
            if rest.is_empty() {
                return Some(yearless_day(m, d, cx));
            }
            return Some(full_date(final_year(rest)?, u32::from(m), d));
        }
        let rest = skip(skip(rest, W("of")), P(','));
        return Some(Ok(Span::Month(final_year(rest)?, m)));
    }
    if let Some((d, rest)) = day_num(no_the) {
        let (m, rest) = month_word(skip(rest, W("of")))?;
        let rest = skip(rest, P(','));
        if rest.is_empty() {
            return Some(yearless_day(m, d, cx));
        }
        return Some(full_date(final_year(rest)?, u32::from(m), d));
    }
    let y = final_year(t)?;
    (1000..=2999).contains(&y).then_some(Ok(Span::Year(y)))
}

/// `January`: the most recent January at or before the published month.
fn month_alone(m: u8, cx: &ParseContext) -> Res {
    let p = anchor(cx, NO_YEAR)?;
    let year = if m <= p.month { p.year } else { p.year - 1 };
    Ok(Span::Month(year, m))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
    Start,
    End,
}

/// `early 2024`, `mid-March`, `the end of 2024`, `the late 1990s`.
fn part_of(t: &[Tok<'_>], cx: &ParseContext) -> Option<Res> {
    let t = skip(t, W("the"));
    let (part, target) = match t {
        [W("early"), rest @ ..] => (Part::Early, skip(rest, P('-'))),
        [W("mid"), rest @ ..] => (Part::Mid, skip(rest, P('-'))),
        [W("late"), rest @ ..] => (Part::Late, skip(rest, P('-'))),
        [W("start" | "beginning"), W("of"), rest @ ..] => (Part::Start, rest),
        [W("middle"), W("of"), rest @ ..] => (Part::Mid, rest),
        [W("end"), W("of"), rest @ ..] => (Part::End, rest),
        _ => return None,
    };
    let whole = match target {
        [W("the"), W("year")] => anchor(cx, NO_PUBLISHED).map(|p| Span::Year(p.year)),
        [W("the"), W("month")] => anchor(cx, NO_PUBLISHED).map(|p| Span::Month(p.year, p.month)),
        _ => calendar(target, cx).or_else(|| relative(target, cx))?,
    };
    match whole {
        Ok(s) => part_span(part, s).map(Ok),
        Err(e) => Some(Err(e)),
    }
}

fn part_span(part: Part, s: Span) -> Option<Span> {
    match s {
        Span::Year(y) => {
            let (m0, m1) = match part {
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
                Part::Start => return Some(Span::Month(y, 1)),
                Part::End => return Some(Span::Month(y, 12)),
            };
            Some(Span::Days(
                Span::Month(y, m0).bounds().0,
                Span::Month(y, m1).bounds().1,
            ))
        }
        Span::Month(..) => {
            let (first, end) = s.bounds();
            let (a, b) = match part {
                Part::Early | Part::Start => (first, first + 10),
                Part::Mid => (first + 10, first + 20),
                Part::Late | Part::End => (first + 20, end),
            };
            Some(Span::Days(a, b))
        }
        Span::Decade(y) => {
            let (a, b) = match part {
                Part::Early | Part::Start => (y, y + 4),
                Part::Mid => (y + 4, y + 7),
                Part::Late | Part::End => (y + 7, y + 10),
            };
            Some(Span::Days(first_day(a, 1).days(), first_day(b, 1).days()))
        }
        Span::Day(_) | Span::Days(..) => None,
    }
}

/// last / this / next, or no qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Which {
    Plain,
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Grain {
    Week,
    Month,
    Year,
}

/// A date relative to the published date, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    /// Days after the published date.
    Shift(i64),
    Week(i64),
    Weekend(i64),
    Month(i32),
    Year(i32),
    Earlier(Grain),
    Later(Grain),
    Weekday(Which, u8),
    MonthName(Which, u8),
}

fn rel_form(t: &[Tok<'_>]) -> Option<Rel> {
    let form = match t {
        [W("today" | "tonight")] | [W("this"), W("morning" | "afternoon" | "evening")] => {
            Rel::Shift(0)
        }
        [W("yesterday")] | [W("last"), W("night")] => Rel::Shift(-1),
        [W("tomorrow")] => Rel::Shift(1),
        [W(which @ ("last" | "this" | "next")), W(what)] => {
            let (which, k) = match *which {
                "last" => (Which::Last, -1),
                "this" => (Which::This, 0),
                _ => (Which::Next, 1),
            };
            match *what {
                "week" => Rel::Week(k),
                "weekend" => Rel::Weekend(k),
                "month" => Rel::Month(k as i32),
                "year" => Rel::Year(k as i32),
                w => match weekday_of(w) {
                    Some(wd) => Rel::Weekday(which, wd),
                    None => Rel::MonthName(which, month_of(w)?),
                },
            }
        }
        [W(dir @ ("earlier" | "later")), W("this"), W(what)] => {
            let grain = match *what {
                "week" => Grain::Week,
                "month" => Grain::Month,
                "year" => Grain::Year,
                _ => return None,
            };
            if *dir == "earlier" {
                Rel::Earlier(grain)
            } else {
                Rel::Later(grain)
            }
        }
        [W(w)] => Rel::Weekday(Which::Plain, weekday_of(w)?),
        _ => return None,
    };
    Some(form)
}

fn relative(t: &[Tok<'_>], cx: &ParseContext) -> Option<Res> {
    let form = rel_form(t)?;
    Some(anchor(cx, NO_PUBLISHED).map(|p| resolve_rel(form, p)))
}

fn resolve_rel(form: Rel, p: Date) -> Span {
    let pd = p.days();
    let w0 = i64::from(p.weekday());
    let monday = pd - w0;
    let grain_bounds = |g: Grain| match g {
        Grain::Week => (monday, monday + 7),
        Grain::Month => Span::Month(p.year, p.month).bounds(),
        Grain::Year => Span::Year(p.year).bounds(),
    };
    match form {
        Rel::Shift(k) => Span::Day(p.add_days(k)),
        Rel::Week(k) => Span::Days(monday + 7 * k, monday + 7 * k + 7),
        Rel::Weekend(k) => Span::Days(monday + 7 * k + 5, monday + 7 * k + 7),
        Rel::Month(k) => {
            let f = p.first_of_month().add_months(k);
            Span::Month(f.year, f.month)
        }
        Rel::Year(k) => Span::Year(p.year + k),
        Rel::Earlier(g) => Span::Days(grain_bounds(g).0, pd + 1),
        Rel::Later(g) => Span::Days(pd, grain_bounds(g).1),
        Rel::Weekday(which, wd) => {
            let w = i64::from(wd);
            let shift = match which {
                Which::Plain => -(w0 - w).rem_euclid(7),
                Which::Last => -((w0 - w - 1).rem_euclid(7) + 1),
                Which::Next => (w - w0 - 1).rem_euclid(7) + 1,
                Which::This => w - w0,
            };
            Span::Day(p.add_days(shift))
        }
        Rel::MonthName(which, m) => {
            let year = match which {
                Which::Plain if m <= p.month => p.year,
                Which::Last if m < p.month => p.year,
                Which::Plain | Which::Last => p.year - 1,
                Which::This => p.year,
                Which::Next if m > p.month => p.year,
                Which::Next => p.year + 1,
            };
            Span::Month(year, m)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum DUnit {
    Year,
    Month,
    Week,
    Day,
}

/// A unit word and whether it is plural.
fn dunit(w: &str) -> Option<(DUnit, bool)> {
    let u = match w.strip_suffix('s').unwrap_or(w) {
        "year" => DUnit::Year,
        "month" => DUnit::Month,
        "week" => DUnit::Week,
        "day" => DUnit::Day,
        _ => return None,
    };
    Some((u, w.ends_with('s')))
}

/// Number words up to ninety-nine, `a`/`an` and digits (`1,000`, `1.5`). Deliberately small:
/// the full number grammar lives elsewhere.
fn amount<'t, 'a>(t: &'t [Tok<'a>]) -> Option<(f64, &'t [Tok<'a>])> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let small = |w: &str| SMALL.iter().position(|s| *s == w);
    match t {
        [W("a" | "an"), rest @ ..] => Some((1.0, rest)),
        [N(first), rest @ ..] => {
            let mut digits = first.to_string();
            let mut rest = rest;
            if first.len() <= 3 {
                while let [P(','), N(group), tail @ ..] = rest {
                    if group.len() != 3 {
                        break;
                    }
                    digits.push_str(group);
                    rest = tail;
                }
            }
            if let [P('.'), N(frac), tail @ ..] = rest {
                digits.push('.');
                digits.push_str(frac);
                rest = tail;
            }
            Some((digits.parse().ok()?, rest))
        }
        [W(w), rest @ ..] => {
            if let Some(n) = small(w) {
                return Some((n as f64, rest));
            }
            let tens = (TENS.iter().position(|s| s == w)? + 2) * 10;
            if let [W(u), tail @ ..] = skip(rest, P('-')) {
                if let Some(k @ 1..=9) = small(u) {
                    return Some(((tens + k) as f64, tail));
                }
            }
            Some((tens as f64, rest))
        }
        _ => None,
    }
}

/// `four years ago`, `four years on`, `four-year`: the amount and unit.
fn duration(t: &[Tok<'_>]) -> Option<(f64, DUnit)> {
    let (n, rest) = amount(t)?;
    match rest {
        [W(u), W("ago")] => dunit(u).map(|(u, _)| (n, u)),
        [W(u), W("on")] => match dunit(u)? {
            (DUnit::Day, _) => None,
            (u, _) => Some((n, u)),
        },
        [P('-'), W(u), tail @ ..] => {
            let (u, plural) = dunit(u)?;
            match tail {
                [] | [P('-'), W("long")] if !plural => Some((n, u)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn duration_hedge<'t, 'a>(t: &'t [Tok<'a>]) -> (Option<Hedge>, &'t [Tok<'a>]) {
    match t {
        [W("nearly" | "almost"), r @ ..]
        | [W("close"), W("to"), r @ ..]
        | [W("just"), W("under"), r @ ..] => (Some(Hedge::Nearly), r),
        [W("just"), W("over"), r @ ..] => (Some(Hedge::JustOver), r),
        [W("about" | "around" | "roughly" | "approximately" | "some"), r @ ..] => {
            (Some(Hedge::About), r)
        }
        [W("more"), W("than"), r @ ..] | [W("over"), r @ ..] => (Some(Hedge::MoreThan), r),
        [W("less" | "fewer"), W("than"), r @ ..] | [W("under"), r @ ..] => {
            (Some(Hedge::LessThan), r)
        }
        [W("at"), W("least"), r @ ..] => (Some(Hedge::AtLeast), r),
        _ => (None, t),
    }
}

/// A ratio usable for widening: finite, between 0 and 1.
fn ratio(r: f64) -> f64 {
    if r.is_finite() {
        r.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn resolve_duration(
    n: f64,
    unit: DUnit,
    hedge: Option<Hedge>,
    cx: &ParseContext,
) -> Result<Interval, String> {
    let p = anchor(cx, NO_PUBLISHED)?;
    let unit_days = match unit {
        DUnit::Year => 365.2425,
        DUnit::Month => 30.436_875,
        DUnit::Week => 7.0,
        DUnit::Day => 1.0,
    };
    if !(n.is_finite() && n >= 0.0 && n * unit_days <= MAX_BACK_DAYS) {
        return Err("duration too long to place on the calendar".to_string());
    }
    let pd = p.days();
    // c: the day exactly n units before p; [a, b): the span honest about the rounding.
    let (c, a, b) = match unit {
        DUnit::Year | DUnit::Month => {
            let months = if unit == DUnit::Year { n * 12.0 } else { n };
            let half_days = if unit == DUnit::Year { 182 } else { 15 };
            if months.fract() == 0.0 {
                let center = p.add_months(-(months as i32));
                let c = center.days();
                if unit == DUnit::Year {
                    (c, center.add_months(-6).days(), center.add_months(6).days())
                } else {
                    (c, c - half_days, c + half_days + 1)
                }
            } else {
                let c = pd - (n * unit_days).round() as i64;
                (c, c - half_days, c + half_days + 1)
            }
        }
        DUnit::Week => {
            let c = pd - (n * 7.0).round() as i64;
            (c, c - 3, c + 4)
        }
        DUnit::Day => {
            let c = pd - n.round() as i64;
            (c, c, c + 1)
        }
    };
    let (pf, cf) = (pd as f64, c as f64);
    let d = pf - cf;
    let iv = match hedge {
        None if cx.exact => Interval::half_open(cf, cf + 1.0),
        None => Interval::half_open(a as f64, b as f64),
        Some(Hedge::Nearly) => {
            let last = (pf - d * (1.0 - ratio(cx.hedges.nearly))).floor();
            Interval::half_open(cf + 1.0, last + 1.0)
        }
        Some(Hedge::JustOver) => {
            let first = (pf - d * (1.0 + ratio(cx.hedges.nearly))).ceil();
            Interval::half_open(first, cf)
        }
        Some(Hedge::About) => {
            let r = ratio(cx.hedges.about);
            let longest = (pd - a) as f64 * (1.0 + r);
            let shortest = (pd - b + 1) as f64 * (1.0 - r);
            Interval::half_open((pf - longest).floor(), (pf - shortest).floor() + 1.0)
        }
        Some(Hedge::MoreThan) => Interval {
            lo: Bound::Unbounded,
            hi: Bound::Open(cf),
        },
        Some(Hedge::AtLeast) => Interval {
            lo: Bound::Unbounded,
            hi: Bound::Open(cf + 1.0),
        },
        Some(Hedge::LessThan) => Interval::half_open(cf + 1.0, pf + 1.0),
        Some(_) => Interval::half_open(a as f64, b as f64),
    };
    Ok(iv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::fmt_days;
    use crate::extract::grammar::HedgeRatios;
    use regex::Regex;

    /// Thursday, February 5, 2026.
    fn cx() -> ParseContext {
        published(2026, 2, 5)
    }

    fn published(y: i32, m: u8, d: u8) -> ParseContext {
        ParseContext {
            published: Date::new(y, m, d),
            ..ParseContext::default()
        }
    }

    fn none() -> ParseContext {
        ParseContext::default()
    }

    fn parsed(text: &str, cx: &ParseContext) -> Parsed {
        DateGrammar
            .parse(text, cx)
            .unwrap_or_else(|| panic!("{text:?} should parse"))
    }

    /// The interval as `fmt_days` prints it.
    fn days(text: &str, cx: &ParseContext) -> String {
        match parsed(text, cx).value {
            Ok(iv) => fmt_days(&iv),
            Err(e) => panic!("{text:?} gave Err({e:?})"),
        }
    }

    fn err(text: &str, cx: &ParseContext) -> String {
        match parsed(text, cx).value {
            Ok(iv) => panic!("{text:?} gave {}", fmt_days(&iv)),
            Err(e) => e,
        }
    }

    fn hedge(text: &str) -> Option<Hedge> {
        parsed(text, &cx()).hedge
    }

    fn day_number(y: i32, m: u8, d: u8) -> f64 {
        Date::new(y, m, d)
            .map(|d| d.days() as f64)
            .unwrap_or(f64::NAN)
    }

    static VALUE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("(?P<value>{})", DateGrammar.regex())).unwrap());

    /// The first date the regex finds in `text`.
    fn find(text: &str) -> Option<&str> {
        VALUE
            .captures(text)
            .and_then(|c| c.name("value"))
            .map(|m| m.as_str())
    }

    /// Every date the regex finds in `text`.
    fn find_all(text: &str) -> Vec<&str> {
        VALUE.find_iter(text).map(|m| m.as_str()).collect()
    }

    // --- the regex itself --------------------------------------------------------------

    #[test]
    fn regex_has_no_groups_and_nests_in_patterns() {
        let re = Regex::new(date_regex()).unwrap();
        assert_eq!(re.captures_len(), 1, "no capturing groups");
        assert!(!date_regex().contains(r"\b(") && !date_regex().contains(r"|\b"));
        assert!(date_regex().starts_with("(?i:"));
        assert!(
            std::ptr::eq(date_regex(), DateGrammar.regex()),
            "built once"
        );
        let user = Regex::new(&format!(r"as of (?P<value>{}), and", date_regex())).unwrap();
        let caps = user
            .captures("20 per cent of Ukraine as of February 5, and are")
            .unwrap();
        assert_eq!(&caps["value"], "February 5");
    }

    #[test]
    fn regex_finds_dates_in_article_sentences() {
        let cases = [
            ("held talks in Abu Dhabi in January, which led", "January"),
            (
                "The first meeting, held in the UAE last month, marked",
                "last month",
            ),
            (
                "had concluded last Wednesday, which Kyiv officials",
                "last Wednesday",
            ),
            (
                "20 per cent of Ukraine as of February 5, and are",
                "February 5",
            ),
            ("under Russian control since March 2022.", "March 2022"),
            (
                "The situation escalated in 2022, with Russia launching",
                "2022",
            ),
            (
                "Four years on from the start of Russia's full-scale invasion",
                "Four years on",
            ),
            ("to end the nearly four-year conflict", "nearly four-year"),
            (
                "Next Tuesday will mark the fourth anniversary",
                "Next Tuesday",
            ),
            ("the Russian gas imports to the EU by 2027", "2027"),
            (
                "the invasion on Thursday, February 24, 2022, when",
                "Thursday, February 24, 2022",
            ),
            ("began on Feb. 24, 2022.", "Feb. 24, 2022"),
            ("on 24 February 2022 Russia", "24 February 2022"),
            ("on the 24th of February 2022,", "the 24th of February 2022"),
            ("since the 1990s, when", "the 1990s"),
            ("expected in mid-2024 at the", "mid-2024"),
            ("by the end of 2024, officials", "the end of 2024"),
            ("by the end of the year.", "the end of the year"),
            ("filed on 2022-02-24 by", "2022-02-24"),
            ("dated 02/24/2022 in", "02/24/2022"),
            ("which happened two weeks ago in", "two weeks ago"),
            ("nearly four years ago, the", "nearly four years ago"),
            ("more than 10 years ago", "more than 10 years ago"),
            ("a 10-day truce", "10-day"),
            ("Talks resume on Monday.", "Monday"),
            ("before March 2022 there", "before March 2022"),
            ("prices rose after 2022.", "after 2022"),
            ("On Sept. 5 the", "Sept. 5"),
            ("in late 2024 and", "late 2024"),
            ("Early 2024 saw", "Early 2024"),
            ("It happened on 1 May.", "1 May"),
            ("“January”, he said", "January"),
        ];
        for (text, want) in cases {
            assert_eq!(find(text), Some(want), "in {text:?}");
        }
    }

    #[test]
    fn regex_skips_numbers_and_words_that_are_not_dates() {
        for text in [
            "19.3% of the vote",
            "some 55,000 troops",
            "a code 20220 here",
            "about 701 people",
            "Mar-a-Lago",
            "they may 5 times",
            "the march continued",
            "Marching orders",
            "spent 300 hours",
            "Mayday calls",
            "a marathon in Decatur",
            "an hour ago",
            "the start of the war",
            "a four-years plan",
            "20.5",
            "1,2,3",
        ] {
            let found = find_all(text);
            assert!(found.is_empty(), "{text:?} matched {found:?}");
        }
        assert_eq!(find_all("a Monday-to-Friday job"), vec!["Monday", "Friday"]);
        assert_eq!(find("the year 20220 and 2022"), Some("2022"));
        assert_eq!(find("in 2022's budget"), Some("2022"));
        assert_eq!(find("She may come in May."), Some("May"));
    }

    #[test]
    fn regex_prefers_the_longest_form() {
        assert_eq!(find("February 24th, 2022 was"), Some("February 24th, 2022"));
        assert_eq!(find("March of 2022"), Some("March of 2022"));
        assert_eq!(find("March 2022"), Some("March 2022"));
        assert_eq!(find("March 20, 22 people"), Some("March 20"));
        assert_eq!(
            find("the 24th of February and"),
            Some("the 24th of February")
        );
        assert_eq!(find("a four-year-old girl"), Some("four-year-old"));
        assert_eq!(find("at a four-year high"), Some("four-year high"));
        assert_eq!(find("some 2,000 years ago"), Some("some 2,000 years ago"));
    }

    // --- absolute forms ------------------------------------------------------------------

    #[test]
    fn full_dates() {
        let p = none();
        for text in [
            "February 24, 2022",
            "Feb 24, 2022",
            "Feb. 24, 2022",
            "FEB 24 2022",
            "24 February 2022",
            "24th February 2022",
            "February 24th, 2022",
            "the 24th of February 2022",
            "the 24th of February, 2022",
            "Thursday, February 24, 2022",
            "Thursday 24 February 2022",
            "on Thursday, February 24, 2022",
            "2022-02-24",
            "02/24/2022",
            "2/24/2022",
            "24/02/2022",
        ] {
            assert_eq!(days(text, &p), "2022-02-24", "{text}");
            assert_eq!(parsed(text, &p).unit, Unit::Day);
            assert_eq!(parsed(text, &p).hedge, None);
        }
        assert_eq!(
            parsed("February 24, 2022", &p).value,
            Ok(day_interval(Date::new(2022, 2, 24).unwrap()))
        );
    }

    #[test]
    fn every_month_name_and_abbreviation() {
        let names = [
            (1, ["January", "Jan", "Jan."]),
            (2, ["February", "Feb", "Feb."]),
            (3, ["March", "Mar", "Mar."]),
            (4, ["April", "Apr", "Apr."]),
            (5, ["May", "May", "May"]),
            (6, ["June", "Jun", "Jun."]),
            (7, ["July", "Jul", "Jul."]),
            (8, ["August", "Aug", "Aug."]),
            (9, ["September", "Sep", "Sept."]),
            (10, ["October", "Oct", "Oct."]),
            (11, ["November", "Nov", "Nov."]),
            (12, ["December", "Dec", "Dec."]),
        ];
        for (m, forms) in names {
            for name in forms {
                let want = format!("2022-{m:02}-05");
                assert_eq!(days(&format!("{name} 5, 2022"), &none()), want);
                assert_eq!(days(&format!("5 {name} 2022"), &none()), want);
                let text = format!("It was {name} 5, 2022, then");
                assert_eq!(find(&text), Some(format!("{name} 5, 2022").as_str()));
                assert_eq!(
                    days(&format!("{name} 2022"), &none()),
                    format!("2022-{m:02}")
                );
            }
        }
        assert_eq!(days("Sept 5, 2022", &none()), "2022-09-05");
        assert_eq!(find("on Sept 5, 2022"), Some("Sept 5, 2022"));
    }

    #[test]
    fn months_years_and_decades() {
        let p = none();
        assert_eq!(days("March 2022", &p), "2022-03");
        assert_eq!(days("March of 2022", &p), "2022-03");
        assert_eq!(days("March, 2022", &p), "2022-03");
        assert_eq!(parsed("March 2022", &p).value, Ok(month_interval(2022, 3)));
        assert_eq!(days("2022", &p), "2022");
        assert_eq!(parsed("2022", &p).value, Ok(year_interval(2022)));
        assert_eq!(days("1000", &p), "1000");
        assert_eq!(days("2999", &p), "2999");
        assert!(DateGrammar.parse("3000", &p).is_none());
        assert!(DateGrammar.parse("0999", &p).is_none());
        assert!(DateGrammar.parse("701", &p).is_none());
        assert_eq!(days("the 1990s", &p), "1990-01-01..1999-12-31");
        assert_eq!(days("1990s", &p), "1990-01-01..1999-12-31");
        assert_eq!(days("the 1990's", &p), "1990-01-01..1999-12-31");
        assert!(DateGrammar.parse("1995s", &p).is_none());
    }

    #[test]
    fn parts_of_years_months_and_decades() {
        let p = none();
        assert_eq!(days("early 2024", &p), "2024-01-01..2024-04-30");
        assert_eq!(days("mid-2024", &p), "2024-05-01..2024-08-31");
        assert_eq!(days("mid 2024", &p), "2024-05-01..2024-08-31");
        assert_eq!(days("the middle of 2024", &p), "2024-05-01..2024-08-31");
        assert_eq!(days("late 2024", &p), "2024-09-01..2024-12-31");
        assert_eq!(days("the end of 2024", &p), "2024-12");
        assert_eq!(days("end of 2024", &p), "2024-12");
        assert_eq!(days("the start of 2024", &p), "2024-01");
        assert_eq!(days("the beginning of 2024", &p), "2024-01");
        assert_eq!(days("early March 2022", &p), "2022-03-01..2022-03-10");
        assert_eq!(days("mid-March 2022", &p), "2022-03-11..2022-03-20");
        assert_eq!(days("late February 2024", &p), "2024-02-21..2024-02-29");
        assert_eq!(days("the end of March 2022", &p), "2022-03-21..2022-03-31");
        assert_eq!(days("the early 1990s", &p), "1990-01-01..1993-12-31");
        assert_eq!(days("the mid-1990s", &p), "1994-01-01..1996-12-31");
        assert_eq!(days("the late 1990s", &p), "1997-01-01..1999-12-31");
        let c = cx();
        assert_eq!(days("the end of the year", &c), "2026-12");
        assert_eq!(days("the end of this year", &c), "2026-12");
        assert_eq!(days("early last year", &c), "2025-01-01..2025-04-30");
        assert_eq!(days("late January", &c), "2026-01-21..2026-01-31");
        assert_eq!(days("the end of last month", &c), "2026-01-21..2026-01-31");
        assert_eq!(err("the end of the year", &p), NO_PUBLISHED);
        assert_eq!(err("late January", &p), NO_YEAR);
        assert!(DateGrammar.parse("early Monday", &c).is_none());
        assert!(DateGrammar.parse("the end of the war", &c).is_none());
    }

    #[test]
    fn days_without_a_year_lean_to_the_past() {
        let c = cx();
        assert_eq!(days("February 5", &c), "2026-02-05");
        assert_eq!(days("5 February", &c), "2026-02-05");
        assert_eq!(days("the 5th of February", &c), "2026-02-05");
        assert_eq!(days("Sept. 5", &c), "2025-09-05");
        assert_eq!(days("January 20", &c), "2026-01-20");
        // Up to about two months ahead stays in the published year...
        assert_eq!(days("March 20", &c), "2026-03-20");
        // ...beyond that it is last year's.
        assert_eq!(days("April 20", &c), "2025-04-20");
        assert_eq!(days("December 28", &published(2026, 1, 3)), "2025-12-28");
        assert_eq!(days("January 3", &published(2025, 12, 20)), "2026-01-03");
        assert_eq!(days("Thursday, February 5", &c), "2026-02-05");
        assert_eq!(days("February 29", &published(2024, 3, 1)), "2024-02-29");
        for text in ["February 5", "5 February", "Sept. 5", "January"] {
            assert_eq!(
                err(text, &none()),
                "no year and no published date",
                "{text}"
            );
        }
    }

    #[test]
    fn months_alone_lean_to_the_past() {
        let c = cx();
        assert_eq!(days("January", &c), "2026-01");
        assert_eq!(days("in January", &c), "2026-01");
        assert_eq!(days("in 2022", &c), "2022");
        assert!(DateGrammar.parse("in two weeks", &c).is_none());
    }

    #[test]
    fn impossible_dates_are_errors_naming_the_date() {
        let p = none();
        assert_eq!(
            err("February 30, 2022", &p),
            "February 30, 2022 does not exist"
        );
        assert_eq!(
            err("30 February 2022", &p),
            "February 30, 2022 does not exist"
        );
        assert_eq!(
            err("February 29, 2023", &p),
            "February 29, 2023 does not exist"
        );
        assert_eq!(err("April 31, 2022", &p), "April 31, 2022 does not exist");
        assert_eq!(err("2022-02-30", &p), "February 30, 2022 does not exist");
        assert_eq!(err("2022-13-01", &p), "2022-13-01 does not exist");
        assert_eq!(err("02/30/2022", &p), "February 30, 2022 does not exist");
        assert_eq!(
            err("February 0, 2022", &p),
            "February 0, 2022 does not exist"
        );
        assert_eq!(err("February 30", &cx()), "February 30 does not exist");
        assert_eq!(
            err("February 29", &cx()),
            "February 29, 2026 does not exist"
        );
        assert_eq!(err("April 99", &cx()), "April 99 does not exist");
        assert_eq!(
            err("Monday, February 24, 2022", &p),
            "February 24, 2022 was a Thursday, not a Monday"
        );
    }

    // --- relative forms --------------------------------------------------------------------

    #[test]
    fn relative_days_weeks_months_years() {
        let c = cx();
        let cases = [
            ("today", "2026-02-05"),
            ("tonight", "2026-02-05"),
            ("this morning", "2026-02-05"),
            ("yesterday", "2026-02-04"),
            ("last night", "2026-02-04"),
            ("tomorrow", "2026-02-06"),
            ("last month", "2026-01"),
            ("this month", "2026-02"),
            ("next month", "2026-03"),
            ("last year", "2025"),
            ("this year", "2026"),
            ("next year", "2027"),
            ("this week", "2026-02-02..2026-02-08"),
            ("last week", "2026-01-26..2026-02-01"),
            ("next week", "2026-02-09..2026-02-15"),
            ("this weekend", "2026-02-07..2026-02-08"),
            ("last weekend", "2026-01-31..2026-02-01"),
            ("earlier this month", "2026-02-01..2026-02-05"),
            ("later this year", "2026-02-05..2026-12-31"),
            ("earlier this week", "2026-02-02..2026-02-05"),
        ];
        for (text, want) in cases {
            assert_eq!(days(text, &c), want, "{text}");
            assert_eq!(parsed(text, &c).hedge, None);
            assert_eq!(
                err(text, &none()),
                "relative date with no published date",
                "{text}"
            );
        }
        assert_eq!(days("last month", &published(2026, 1, 15)), "2025-12");
        assert_eq!(days("Last Month", &c), "2026-01");
    }

    #[test]
    fn weekdays() {
        let c = cx(); // a Thursday
        let cases = [
            ("last Wednesday", "2026-02-04"),
            ("last Thursday", "2026-01-29"),
            ("last Friday", "2026-01-30"),
            ("next Tuesday", "2026-02-10"),
            ("Next Tuesday", "2026-02-10"),
            ("next Thursday", "2026-02-12"),
            ("next Friday", "2026-02-06"),
            ("this Tuesday", "2026-02-03"),
            ("this Saturday", "2026-02-07"),
            ("Monday", "2026-02-02"),
            ("on Monday", "2026-02-02"),
            ("Thursday", "2026-02-05"),
            ("Friday", "2026-01-30"),
            ("Wednesday", "2026-02-04"),
        ];
        for (text, want) in cases {
            assert_eq!(days(text, &c), want, "{text}");
            assert_eq!(err(text, &none()), NO_PUBLISHED, "{text}");
        }
        assert_eq!(days("Monday", &published(2026, 2, 2)), "2026-02-02");
        assert_eq!(days("last Monday", &published(2026, 2, 2)), "2026-01-26");
    }

    #[test]
    fn months_with_last_this_next() {
        let c = cx();
        assert_eq!(days("January", &c), "2026-01");
        assert_eq!(days("February", &c), "2026-02");
        assert_eq!(days("March", &c), "2025-03");
        assert_eq!(days("December", &c), "2025-12");
        assert_eq!(days("last January", &c), "2026-01");
        assert_eq!(days("last February", &c), "2025-02");
        assert_eq!(days("next March", &c), "2026-03");
        assert_eq!(days("next February", &c), "2027-02");
        assert_eq!(days("this March", &c), "2026-03");
        assert_eq!(err("January", &none()), NO_YEAR);
        assert_eq!(err("last March", &none()), NO_PUBLISHED);
    }

    // --- durations ------------------------------------------------------------------------

    #[test]
    fn durations_ago_and_on() {
        let c = cx();
        assert_eq!(days("three days ago", &c), "2026-02-02");
        assert_eq!(days("a day ago", &c), "2026-02-04");
        assert_eq!(days("1 day ago", &c), "2026-02-04");
        // Weeks: the day two weeks back, give or take three days.
        assert_eq!(days("two weeks ago", &c), "2026-01-19..2026-01-25");
        assert_eq!(days("2 weeks ago", &c), "2026-01-19..2026-01-25");
        // Months: plus or minus fifteen days.
        assert_eq!(days("six months ago", &c), "2025-07-21..2025-08-20");
        assert_eq!(days("a month ago", &c), "2025-12-21..2026-01-20");
        // Years: plus or minus six months.
        assert_eq!(days("four years ago", &c), "2021-08-05..2022-08-04");
        assert_eq!(days("Four years on", &c), "2021-08-05..2022-08-04");
        assert_eq!(days("four years on", &c), days("four years ago", &c));
        assert_eq!(days("a year ago", &c), "2024-08-05..2025-08-04");
        assert_eq!(days("an year ago", &c), days("a year ago", &c));
        assert_eq!(days("twenty-five years ago", &c), days("25 years ago", &c));
        assert_eq!(days("twenty years ago", &c), days("20 years ago", &c));
        assert_eq!(days("1.5 years ago", &c), "2024-02-05..2025-02-04");
        assert_eq!(days("six months on", &c), days("six months ago", &c));
        assert_eq!(days("two weeks on", &c), days("two weeks ago", &c));
        // The adjective: "Russia's four-year war".
        assert_eq!(days("four-year", &c), days("four years ago", &c));
        assert_eq!(days("four-year-long", &c), days("four years ago", &c));
        assert_eq!(days("10-day", &c), "2026-01-26");
        assert_eq!(days("three-week", &c), days("three weeks ago", &c));
        assert_eq!(days("1,000 years ago", &c), "1025-08-05..1026-08-04");
        // Exact mode: the very day.
        let exact = ParseContext { exact: true, ..c };
        assert_eq!(days("four years ago", &exact), "2022-02-05");
        for text in [
            "four years ago",
            "four years on",
            "four-year",
            "two weeks ago",
        ] {
            assert_eq!(err(text, &none()), NO_PUBLISHED, "{text}");
        }
    }

    #[test]
    fn not_durations() {
        let c = cx();
        for text in [
            "four-year-old",
            "four-year high",
            "four-year lows",
            "three days on",
            "four years",
            "four years later",
            "a few years ago",
            "four-years",
        ] {
            assert!(DateGrammar.parse(text, &c).is_none(), "{text}");
        }
    }

    #[test]
    fn hedged_durations() {
        let c = cx();
        let p = day_number(2026, 2, 5);
        let exact = day_number(2022, 2, 5);
        let d = p - exact;

        let nearly = parsed("nearly four years ago", &c);
        assert_eq!(nearly.hedge, Some(Hedge::Nearly));
        let iv = nearly.value.clone().unwrap();
        // The duration is in [0.9 d, d): the date in (P - d, P - 0.9 d].
        assert_eq!(fmt_days(&iv), "2022-02-06..2022-07-01");
        assert!(!iv.contains(exact + 0.5));
        assert!(iv.contains(day_number(2022, 2, 24)), "the invasion");
        assert!(iv.contains((p - 0.9 * d).floor()));
        assert!(!iv.contains((p - 0.9 * d).floor() + 1.0));
        assert_eq!(parsed("almost four years on", &c), nearly);
        assert_eq!(parsed("nearly four-year", &c), nearly);
        assert_eq!(parsed("Nearly Four-Year", &c), nearly);

        // A larger ratio reaches closer to the published date.
        let wide = ParseContext {
            hedges: HedgeRatios {
                nearly: 0.5,
                about: 0.1,
            },
            ..c
        };
        let wider = parsed("nearly four years ago", &wide).value.unwrap();
        assert!(wider.contains(day_number(2024, 1, 1)));

        let about = parsed("about four years ago", &c);
        assert_eq!(about.hedge, Some(Hedge::About));
        let plain = parsed("four years ago", &c).value.unwrap();
        let about = about.value.unwrap();
        assert!(about.lo_pos() < plain.lo_pos() && about.hi_pos() > plain.hi_pos());
        assert_eq!(fmt_days(&about), "2021-02-21..2022-12-10");
        assert_eq!(hedge("around four years ago"), Some(Hedge::About));
        assert_eq!(hedge("some four years ago"), Some(Hedge::About));

        let more = parsed("more than four years ago", &c);
        assert_eq!(more.hedge, Some(Hedge::MoreThan));
        assert_eq!(fmt_days(&more.value.unwrap()), "..2022-02-04");
        assert_eq!(hedge("over four years ago"), Some(Hedge::MoreThan));
        assert_eq!(
            fmt_days(&parsed("at least four years ago", &c).value.unwrap()),
            "..2022-02-05"
        );
        assert_eq!(
            fmt_days(&parsed("less than two weeks ago", &c).value.unwrap()),
            "2026-01-23..2026-02-05"
        );
        assert_eq!(hedge("under two weeks ago"), Some(Hedge::LessThan));
        let just_over = parsed("just over ten days ago", &c);
        assert_eq!(just_over.hedge, Some(Hedge::JustOver));
        assert_eq!(fmt_days(&just_over.value.unwrap()), "2026-01-25");
        assert_eq!(err("nearly four years ago", &none()), NO_PUBLISHED);
    }

    #[test]
    fn before_and_after_absolute_dates() {
        let p = none();
        let before = parsed("before March 2022", &p);
        assert_eq!(before.hedge, Some(Hedge::LessThan));
        let iv = before.value.unwrap();
        assert_eq!(fmt_days(&iv), "..2022-02-28");
        assert_eq!(iv.hi, Bound::Open(day_number(2022, 3, 1)));
        let after = parsed("after 2022", &p);
        assert_eq!(after.hedge, Some(Hedge::MoreThan));
        assert_eq!(fmt_days(&after.value.unwrap()), "2023-01-01..");
        assert_eq!(days("after last month", &cx()), "2026-02-01..");
        assert_eq!(err("before last month", &p), NO_PUBLISHED);
        assert!(DateGrammar.parse("since March 2022", &p).is_none());
        assert_eq!(find("since March 2022"), Some("March 2022"));
    }

    // --- robustness -----------------------------------------------------------------------

    #[test]
    fn huge_numbers_do_not_panic() {
        let c = cx();
        let big = "9".repeat(500);
        for text in [
            format!("February 5, {big}"),
            format!("{big}-02-24"),
            format!("02/24/{big}"),
            format!("March {big}"),
            format!("{big} years ago"),
            format!("{big}-year"),
            big.to_string(),
            format!("{big}s"),
            "10^400 years ago".to_string(),
            "1e400 years ago".to_string(),
            "99999999999999999999 years ago".to_string(),
            "100000 years ago".to_string(),
            "4294967296 months ago".to_string(),
            "February 99999999999, 2022".to_string(),
        ] {
            let _ = DateGrammar.parse(&text, &c);
            let _ = DateGrammar.parse(&text, &none());
            for m in find_all(&text) {
                let _ = DateGrammar.parse(m, &c);
            }
        }
        assert!(DateGrammar.parse("10^400 years ago", &c).is_none());
        assert_eq!(
            err("99999999999999999999 years ago", &c),
            "duration too long to place on the calendar"
        );
        assert_eq!(find("10^400 years ago"), Some("400 years ago"));
        assert_eq!(days("400 years ago", &c), "1625-08-05..1626-08-04");
        assert_eq!(find(&format!("February 5, {big}")), Some("February 5"));
    }

    #[test]
    fn odd_published_dates_do_not_panic() {
        let odd = [
            Date {
                year: i32::MAX,
                month: 12,
                day: 31,
            },
            Date {
                year: i32::MIN,
                month: 1,
                day: 1,
            },
            Date {
                year: 2026,
                month: 0,
                day: 40,
            },
        ];
        for p in odd {
            let cx = ParseContext {
                published: Some(p),
                hedges: HedgeRatios {
                    about: f64::NAN,
                    nearly: -3.0,
                },
                exact: false,
            };
            for text in [
                "last month",
                "four years ago",
                "February 5",
                "January",
                "Monday",
            ] {
                assert_eq!(err(text, &cx), "published date out of range");
            }
        }
        let edge = published(100_000, 12, 31);
        for text in [
            "next year",
            "next month",
            "tomorrow",
            "January 3",
            "next March",
        ] {
            let _ = DateGrammar.parse(text, &edge);
        }
        let weird = ParseContext {
            hedges: HedgeRatios {
                about: f64::INFINITY,
                nearly: f64::NAN,
            },
            ..cx()
        };
        for text in [
            "nearly four years ago",
            "about four years ago",
            "just over a year ago",
        ] {
            assert!(parsed(text, &weird).value.is_ok());
        }
    }

    #[test]
    fn any_substring_of_a_sentence_parses_without_panic() {
        let sentences = [
            "Thursday, February 24, 2022, the 24th of February, 02/24/2022 and 2022-02-24",
            "nearly four-year war, Four years on, some 1,000.5 years ago, the mid-1990’s",
            "before March of 2022, after the end of last year, next Tuesday ’twas “May 1”",
        ];
        let c = cx();
        for s in sentences {
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            for (k, &i) in bounds.iter().enumerate() {
                for &j in &bounds[k..] {
                    let _ = DateGrammar.parse(&s[i..j], &c);
                }
            }
        }
        assert!(DateGrammar.parse("", &c).is_none());
        assert!(DateGrammar.parse("   ", &c).is_none());
        assert!(DateGrammar.parse("the", &c).is_none());
        assert!(DateGrammar.parse("next", &c).is_none());
    }
}
