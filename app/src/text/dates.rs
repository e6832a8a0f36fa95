//! Dates and times as a Danish reader expects them: "mandag den 7. december 2026", "16.00".

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Copenhagen;

const MONTHS: [&str; 12] =
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "mandag",
        Weekday::Tue => "tirsdag",
        Weekday::Wed => "onsdag",
        Weekday::Thu => "torsdag",
        Weekday::Fri => "fredag",
        Weekday::Sat => "lørdag",
        Weekday::Sun => "søndag",
    }
}

/// "mandag den 7. december 2026"
pub fn long_date(d: NaiveDate) -> String {
    format!("{} den {}. {} {}", weekday_name(d.weekday()), d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "31. december 2026": a day named without its weekday (a period's first or last day).
pub fn day_month_year(d: NaiveDate) -> String {
    format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "16.00" (Danish uses a full stop between hours and minutes).
pub fn clock(t: DateTime<Utc>) -> String {
    t.with_timezone(&Copenhagen).format("%H.%M").to_string()
}

/// "mandag den 7. december 2026 kl. 16.00–17.00", in Copenhagen time.
pub fn when(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    let day = starts_at.with_timezone(&Copenhagen).date_naive();
    format!("{} kl. {}–{}", long_date(day), clock(starts_at), clock(ends_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_are_danish() {
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()), "mandag den 7. december 2026");
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2027, 5, 1).unwrap()), "lørdag den 1. maj 2027");
    }

    #[test]
    fn times_are_shown_in_copenhagen_time() {
        let winter = DateTime::parse_from_rfc3339("2026-12-07T15:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(when(winter, winter + chrono::Duration::hours(1)), "mandag den 7. december 2026 kl. 16.00–17.00");
        let summer = DateTime::parse_from_rfc3339("2026-06-01T14:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(clock(summer), "16.30");
        // Late evening UTC is already the next day in Copenhagen.
        let late = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(when(late, late), "fredag den 1. januar 2027 kl. 00.30–00.30");
    }
}
