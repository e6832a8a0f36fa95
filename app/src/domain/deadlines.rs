//! Deadlines a citizen can hold the municipality to: the latest start of treatment under the
//! 14-day guarantee, and the last day to complain about a decision. Calendar dates in
//! Europe/Copenhagen; the seeds count calendar days (weekends included), so no day is skipped.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Copenhagen;
use serde::{Deserialize, Serialize};

/// From what the municipality counts the guarantee's days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClockStart {
    /// The day you contacted the municipality (the law's wording).
    Contact,
    /// The day you attended in person and asked for treatment (Odsherred).
    Attendance,
    /// The day you applied for treatment (Thisted).
    Application,
}

/// From what day a complaint deadline counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountedFrom {
    /// The day you received the decision.
    Received,
    /// The decision's own date.
    Decision,
}

/// What must happen by the last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MustBe {
    /// You must have sent the complaint.
    Sent,
    /// The municipality must have received it.
    Received,
}

/// Today's date where the municipalities are, whatever the server's own time zone.
pub fn today_in_copenhagen(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Copenhagen).date_naive()
}

/// The last day of a period of `days` calendar days that starts counting the day after `from`
/// ("senest 14 dage efter": contact on the 1st, start by the 15th).
pub fn last_day(from: NaiveDate, days: u32) -> NaiveDate {
    from + Duration::days(days as i64)
}

/// Why a date typed into the calculator was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateError {
    Malformed,
    /// Well-formed, but no such day (31 February).
    NoSuchDay,
    InTheFuture,
    /// Before 2000: a typing error, and older than any rule the portal knows.
    TooOld,
}

/// Reads a date as a browser's date field sends it (`2026-12-07`) or as a Dane types it
/// (`7.12.2026`, `07-12-2026`, `7/12/2026`). Refuses days after `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if s.is_empty() || s.len() > 10 {
        return Err(DateError::Malformed);
    }
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(DateError::Malformed);
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| DateError::Malformed);
    let (year, month, day) = if parts[0].len() == 4 {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 {
        (n(parts[2])?, n(parts[1])?, n(parts[0])?)
    } else {
        return Err(DateError::Malformed);
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::Malformed);
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::NoSuchDay)?;
    if date > today {
        return Err(DateError::InTheFuture);
    }
    if date < NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date") {
        return Err(DateError::TooOld);
    }
    Ok(date)
}

/// Days from `today` to `deadline`: positive = days left, 0 = today is the last day,
/// negative = passed that many days ago.
pub fn days_left(today: NaiveDate, deadline: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn fourteen_days_after_contact() {
        assert_eq!(last_day(d(2026, 11, 23), 14), d(2026, 12, 7));
        assert_eq!(last_day(d(2026, 11, 23), 14).weekday(), chrono::Weekday::Mon);
    }

    #[test]
    fn periods_cross_month_and_year_ends() {
        assert_eq!(last_day(d(2026, 1, 31), 28), d(2026, 2, 28));
        assert_eq!(last_day(d(2028, 2, 1), 28), d(2028, 2, 29), "leap year");
        assert_eq!(last_day(d(2026, 12, 20), 14), d(2027, 1, 3));
        assert_eq!(last_day(d(2026, 4, 30), 14), d(2026, 5, 14));
    }

    #[test]
    fn periods_across_daylight_saving_changes_keep_whole_days() {
        // Summer time ends on 25 October 2026 and starts on 28 March 2027 in Denmark; a period
        // counted in hours would land an hour off and could show the wrong day.
        assert_eq!(last_day(d(2026, 10, 20), 14), d(2026, 11, 3));
        assert_eq!(last_day(d(2027, 3, 20), 14), d(2027, 4, 3));
        assert_eq!(last_day(d(2027, 3, 28), 28), d(2027, 4, 25));
    }

    #[test]
    fn today_is_the_date_in_copenhagen() {
        // 22.30 UTC on 24 October 2026 is 00.30 on the 25th in Copenhagen (summer time, +2).
        assert_eq!(today_in_copenhagen(utc("2026-10-24T22:30:00Z")), d(2026, 10, 25));
        // 23.30 UTC on 25 October is 00.30 on the 26th (winter time, +1 after the change).
        assert_eq!(today_in_copenhagen(utc("2026-10-25T23:30:00Z")), d(2026, 10, 26));
        assert_eq!(today_in_copenhagen(utc("2026-10-25T22:30:00Z")), d(2026, 10, 25));
        // The spring change: 22.59 UTC on 27 March 2027 is 23.59 winter time, still the 27th.
        assert_eq!(today_in_copenhagen(utc("2027-03-27T22:59:00Z")), d(2027, 3, 27));
        assert_eq!(today_in_copenhagen(utc("2027-03-27T23:00:00Z")), d(2027, 3, 28));
        // New Year's Eve.
        assert_eq!(today_in_copenhagen(utc("2026-12-31T23:00:00Z")), d(2027, 1, 1));
    }

    #[test]
    fn dates_are_read_in_the_forms_people_type() {
        let today = d(2026, 11, 23);
        for s in ["2026-11-02", "2.11.2026", "02-11-2026", "2/11/2026", " 02.11.2026 "] {
            assert_eq!(parse_date(s, today), Ok(d(2026, 11, 2)), "{s}");
        }
        assert_eq!(parse_date("2026-11-23", today), Ok(today));
    }

    #[test]
    fn bad_dates_are_refused_with_a_reason() {
        let today = d(2026, 11, 23);
        assert_eq!(parse_date("", today), Err(DateError::Malformed));
        assert_eq!(parse_date("i går", today), Err(DateError::Malformed));
        assert_eq!(parse_date("2026-13-01", today), Err(DateError::Malformed));
        assert_eq!(parse_date("26-11-01", today), Err(DateError::Malformed));
        assert_eq!(parse_date("2026-11-02T10:00", today), Err(DateError::Malformed));
        assert_eq!(parse_date(&"9".repeat(5000), today), Err(DateError::Malformed));
        assert_eq!(parse_date("31.02.2026", today), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("29.02.2027", today), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("24.11.2026", today), Err(DateError::InTheFuture));
        assert_eq!(parse_date("31.12.1999", today), Err(DateError::TooOld));
        assert_eq!(parse_date("+2026-11-02", today), Err(DateError::Malformed));
    }

    #[test]
    fn days_left_counts_to_the_last_day() {
        let today = d(2026, 11, 23);
        assert_eq!(days_left(today, d(2026, 12, 7)), 14);
        assert_eq!(days_left(today, today), 0);
        assert_eq!(days_left(today, d(2026, 11, 20)), -3);
    }
}
