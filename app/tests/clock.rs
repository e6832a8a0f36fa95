//! The server's clock set at an instant (its own test binary: setting the clock is once per process).
use app::clock::{now, start_at, today, ClockAlreadySet};
use chrono::{DateTime, Duration, NaiveDate, Utc};

#[test]
fn the_clock_starts_where_it_is_set_runs_on_and_is_set_once() {
    let start = DateTime::parse_from_rfc3339("2031-02-28T23:30:00Z").unwrap().with_timezone(&Utc);
    start_at(start).unwrap();
    let a = now();
    assert!(a >= start && a - start < Duration::seconds(60), "{a}");
    assert_eq!(today(), NaiveDate::from_ymd_opt(2031, 3, 1).unwrap(), "00:30 in Copenhagen is already 1 March");
    assert!(now() >= a, "the clock runs forward");
    assert_eq!(start_at(start), Err(ClockAlreadySet), "set once");
}
