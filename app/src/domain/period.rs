//! Calendar months and quarters in Europe/Copenhagen, the periods the portal reports by: the
//! evaluation's counts (issue 18) and the identified side's guarantee figure each by quarter.

use serde::{Deserialize, Serialize};


/// A calendar month, the finest time the evaluation data knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// `YYYY-MM`, as stored.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn plus(self, months: u32) -> Month {
        Month::from_index(self.index() + i64::from(months))
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: Month) -> i64 {
        later.index() - self.index()
    }

    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Month {
        Month { year: index.div_euclid(12) as i32, month: (index.rem_euclid(12) + 1) as u32 }
    }

    fn minus_one(self) -> Month {
        Month::from_index(self.index() - 1)
    }

    /// The quarter (1–4) the month lies in.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A report's period: a calendar quarter. Only whole quarters are offered, never a free range:
/// two overlapping ranges could be subtracted to reveal a month's small count that each of them
/// hides (`domain::evaluation::suppress`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub quarter: u32,
}

impl Quarter {
    pub fn of(month: Month) -> Quarter {
        Quarter { year: month.year, quarter: month.quarter() }
    }

    /// `2026-K4`, as in a report's address; also `2026-k4` and `2026-4`.
    pub fn parse(s: &str) -> Option<Quarter> {
        let (y, q) = s.trim().split_once('-')?;
        let q = q.trim_start_matches(['K', 'k']);
        let (year, quarter) = (y.parse().ok()?, q.parse().ok()?);
        ((1..=4).contains(&quarter) && (2000..=9999).contains(&year)).then_some(Quarter { year, quarter })
    }

    pub fn first_month(self) -> Month {
        Month { year: self.year, month: (self.quarter - 1) * 3 + 1 }
    }

    pub fn last_month(self) -> Month {
        self.first_month().plus(2)
    }

    pub fn contains(self, m: Month) -> bool {
        Quarter::of(m) == self
    }

    pub fn previous(self) -> Quarter {
        Quarter::of(self.first_month().minus_one())
    }

    pub fn next(self) -> Quarter {
        Quarter::of(self.first_month().plus(3))
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-K{}", self.year, self.quarter)
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn months_and_quarters() {
        assert_eq!(m("2026-11").plus(3), m("2027-02"));
        assert_eq!(m("2026-12").plus(12), m("2027-12"));
        assert_eq!(m("2026-11").months_until(m("2027-05")), 6);
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("26-01"), None);
        let q = Quarter::parse("2026-K4").unwrap();
        assert_eq!((q.first_month(), q.last_month()), (m("2026-10"), m("2026-12")));
        assert_eq!(q.next(), Quarter { year: 2027, quarter: 1 });
        assert_eq!(q.previous(), Quarter { year: 2026, quarter: 3 });
        assert_eq!(Quarter { year: 2027, quarter: 1 }.previous().to_string(), "2026-K4");
        assert_eq!(Quarter::parse("2026-4"), Some(q));
        assert_eq!(Quarter::parse("2026-K5"), None);
        assert!(q.contains(m("2026-11")) && !q.contains(m("2027-01")));
    }

}

#[cfg(feature = "ssr")]
impl Month {
    /// The month an instant falls in, in Copenhagen: the portal's months are local ones.
    pub fn of_instant(t: chrono::DateTime<chrono::Utc>) -> Month {
        use chrono::Datelike;
        let local = t.with_timezone(&chrono_tz::Europe::Copenhagen);
        Month { year: local.year(), month: local.month() }
    }
}

#[cfg(feature = "ssr")]
impl Quarter {
    /// The quarter's first and last day.
    pub fn days(self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let first = |m: Month| chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1).expect("the first of a month");
        let last = first(self.last_month().plus(1)).pred_opt().expect("the day before the first of a month");
        (first(self.first_month()), last)
    }

    /// The quarter a day lies in.
    pub fn of_day(day: chrono::NaiveDate) -> Quarter {
        use chrono::Datelike;
        Quarter::of(Month { year: day.year(), month: day.month() })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod day_tests {
    use super::*;

    #[test]
    fn a_quarters_days() {
        let q = Quarter::parse("2026-K4").unwrap();
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(q.days(), (day("2026-10-01"), day("2026-12-31")));
        assert_eq!(Quarter::parse("2028-K1").unwrap().days().1, day("2028-03-31"));
        assert_eq!(Quarter::of_day(day("2027-04-01")), Quarter { year: 2027, quarter: 2 });
    }

    #[test]
    fn an_instants_month_is_copenhagens() {
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc);
        assert_eq!(Month::of_instant(at("2026-11-30T23:30:00Z")), Month { year: 2026, month: 12 });
        assert_eq!(Month::of_instant(at("2026-11-30T22:59:59Z")), Month { year: 2026, month: 11 });
    }
}
