//! Civil (proleptic Gregorian) dates and their day numbers.
//!
//! A date claim's value is an interval of day numbers (days since 1970-01-01), so that a
//! year, a month and a day are all intervals that can overlap. This module holds the small
//! calendar arithmetic that needs: validation, day numbers, weekdays and month steps.

use crate::value::{Bound, Interval};
use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, astronomical numbering.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// Month names as written in news text, indexed from 0 (January).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, indexed from 0 (Monday), as [`Date::weekday`] counts.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month (`month` 1 to 12); 0 for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when it does not exist ("February 30").
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Day numbers stay exact in f64 far beyond this range; it keeps arithmetic in i64.
        if !(-100_000..=100_000).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, also when a time follows (`2026-02-05T10:00:00Z`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let date = s.split(['T', ' ']).next()?;
        let mut it = date.splitn(3, '-');
        let y = it.next()?;
        let m = it.next()?;
        let d = it.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: y as i32,
            month: m as u8,
            day: d as u8,
        }
    }

    /// 0 for Monday through 6 for Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// The same day `n` months later, clamped to the month's last day (Jan 31 + 1 month is
    /// Feb 28 or 29).
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The days of one calendar day: `[d, d+1)`.
pub fn day_interval(d: Date) -> Interval {
    let n = d.days() as f64;
    Interval::half_open(n, n + 1.0)
}

/// The days of a month.
pub fn month_interval(year: i32, month: u8) -> Interval {
    let first = Date {
        year,
        month,
        day: 1,
    };
    let next = first.add_months(1);
    Interval::half_open(first.days() as f64, next.days() as f64)
}

/// The days of a year.
pub fn year_interval(year: i32) -> Interval {
    let first = Date {
        year,
        month: 1,
        day: 1,
    };
    let next = Date {
        year: year + 1,
        month: 1,
        day: 1,
    };
    Interval::half_open(first.days() as f64, next.days() as f64)
}

/// An interval of day numbers written for readers: `2022-02-24` for one day, `2022-02` for
/// a whole month, `2022` for a whole year, else `2022-02-20..2022-03-01` (both ends
/// included); `..2022-03-01` or `2022-02-20..` for open-ended spans.
pub fn fmt_days(iv: &Interval) -> String {
    // First and last whole day in the interval.
    let first = match iv.lo {
        Bound::Unbounded => None,
        Bound::Closed(x) => Some(x.ceil() as i64),
        Bound::Open(x) => Some(x.floor() as i64 + 1),
    };
    let last = match iv.hi {
        Bound::Unbounded => None,
        Bound::Closed(x) => Some(x.floor() as i64),
        Bound::Open(x) => Some(x.ceil() as i64 - 1),
    };
    match (first, last) {
        (Some(a), Some(b)) if a <= b => {
            let (da, db) = (Date::from_days(a), Date::from_days(b));
            if a == b {
                da.to_string()
            } else if da.day == 1
                && db.add_days(1).day == 1
                && da.month == db.month
                && da.year == db.year
            {
                format!("{:04}-{:02}", da.year, da.month)
            } else if da.day == 1
                && da.month == 1
                && db.month == 12
                && db.day == 31
                && da.year == db.year
            {
                format!("{:04}", da.year)
            } else {
                format!("{da}..{db}")
            }
        }
        (Some(a), None) => format!("{}..", Date::from_days(a)),
        (None, Some(b)) => format!("..{}", Date::from_days(b)),
        (None, None) => "any date".into(),
        (Some(_), Some(_)) => "no date".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2022, 2, 24).unwrap().days(), 19_047);
        for n in [-800_000, -1, 0, 1, 19_047, 59, 60, 400_000] {
            assert_eq!(Date::from_days(n).days(), n);
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2022, 2, 30).is_none());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 1, 0).is_none());
    }

    #[test]
    fn weekdays() {
        // 2022-02-24 was a Thursday; 2026-02-05 is a Thursday too.
        assert_eq!(Date::new(2022, 2, 24).unwrap().weekday(), 3);
        assert_eq!(Date::new(2026, 2, 5).unwrap().weekday(), 3);
        assert_eq!(Date::new(2026, 2, 2).unwrap().weekday(), 0);
    }

    #[test]
    fn month_steps_clamp() {
        let d = Date::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(-1).to_string(), "2023-12-31");
        assert_eq!(d.add_months(-48).to_string(), "2020-01-31");
    }

    #[test]
    fn iso_parsing() {
        assert_eq!(
            Date::parse_iso("2026-02-05").unwrap().to_string(),
            "2026-02-05"
        );
        assert_eq!(Date::parse_iso("2026-02-05T09:30:00Z").unwrap().day, 5);
        assert!(Date::parse_iso("2026-02-30").is_none());
        assert!(Date::parse_iso("5 Feb 2026").is_none());
    }

    #[test]
    fn day_intervals_print_at_their_grain() {
        let d = Date::new(2022, 2, 24).unwrap();
        assert_eq!(fmt_days(&day_interval(d)), "2022-02-24");
        assert_eq!(fmt_days(&month_interval(2022, 3)), "2022-03");
        assert_eq!(fmt_days(&year_interval(2022)), "2022");
        let span = Interval::half_open(d.days() as f64, d.add_days(3).days() as f64);
        assert_eq!(fmt_days(&span), "2022-02-24..2022-02-26");
    }
}
