//! The staff forms that change opening hours, parsed into `slots` types with a typed error per
//! bad field (`text::staff` says each in Danish): the admin's weekly rules, closed dates, notice
//! and horizon, and the counsellor's one-off extra slot.
//!
//! The form types are in the browser too (pages render them); the parsing is server only.

#[cfg(feature = "ssr")]
use super::slots::{DayOfYear, ExtraSlot, OpeningHours, WeeklyRule};
#[cfg(feature = "ssr")]
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
#[cfg(feature = "ssr")]
use chrono_tz::Europe::Copenhagen;

/// The weekdays in the order and with the values the form uses.
#[cfg(feature = "ssr")]
pub const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "man"),
    (Weekday::Tue, "tir"),
    (Weekday::Wed, "ons"),
    (Weekday::Thu, "tor"),
    (Weekday::Fri, "fre"),
    (Weekday::Sat, "loer"),
    (Weekday::Sun, "soen"),
];

#[cfg(feature = "ssr")]
pub fn weekday_value(w: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(d, _)| *d == w).map(|(_, v)| *v).unwrap_or("man")
}

/// One row of the weekly-rules table as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleRow {
    pub weekday: String,
    pub from: String,
    pub to: String,
    pub minutes: String,
    pub capacity: String,
}

/// The whole opening-hours form as typed, to show it again with its errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpeningForm {
    pub rules: Vec<RuleRow>,
    /// One date per line.
    pub closed: String,
    /// Closed on the Danish public holidays, every year (a checkbox).
    pub closed_on_public_holidays: bool,
    /// One day and month per line (24.12), closed every year.
    pub closed_every_year: String,
    pub notice_hours: String,
    pub horizon_days: String,
}

/// What is wrong with the opening-hours form: one per bad field, naming its rule row (counted
/// from 1) or the line typed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OpeningFormError {
    /// The rule names no weekday.
    RuleWeekday(usize),
    /// The rule's from or to is not a time of day.
    RuleTimes(usize),
    /// The rule's to is not after its from.
    RuleOrder(usize),
    /// The rule's talk is not 5–480 minutes.
    RuleMinutes(usize),
    /// The rule's seats are not 1–20.
    RuleCapacity(usize),
    /// A closed date that is no date (the line, cut to 30 characters).
    ClosedDate(String),
    /// A yearly closed day that is no day and month (the line, cut to 30 characters).
    ClosedEveryYear(String),
    /// The closed dates are over [`CLOSED_MAX_CHARS`] characters.
    ClosedTooLong,
    /// The yearly closed days are over [`CLOSED_EVERY_YEAR_MAX_CHARS`] characters.
    ClosedEveryYearTooLong,
    /// The notice is not 0–336 whole hours.
    Notice,
    /// The horizon is not 1–366 days.
    Horizon,
}

/// The counsellor's "open an extra slot" form as typed, to show it again with its errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExtraForm {
    /// The kind of talk's content id (the site decides whether it offers it).
    pub kind: String,
    pub date: String,
    pub time: String,
    pub minutes: String,
    pub capacity: String,
}

/// What is wrong with the counsellor's extra-slot form, one per bad field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExtraSlotError {
    Date,
    Time,
    Minutes,
    Capacity,
    /// The wall-clock time does not exist that day (the spring-forward gap).
    NoSuchTime,
    InPast,
}

/// The closed dates' box holds at most this many characters: about 700 dates of 11.
pub const CLOSED_MAX_CHARS: usize = 8000;
/// The yearly closed days' box holds at most this many characters: every day of a year, and more.
pub const CLOSED_EVERY_YEAR_MAX_CHARS: usize = 2500;

/// Blank rows offered under the existing rules, so a rule can be added without JavaScript.
pub const BLANK_ROWS: usize = 2;
/// At most this many rule rows are read from a form.
pub const MAX_ROWS: usize = 40;

#[cfg(feature = "ssr")]
impl OpeningForm {
    pub fn from_hours(h: &OpeningHours) -> OpeningForm {
        let mut rules: Vec<RuleRow> = h
            .rules
            .iter()
            .map(|r| RuleRow {
                weekday: weekday_value(r.weekday).to_string(),
                from: r.from.format("%H:%M").to_string(),
                to: r.to.format("%H:%M").to_string(),
                minutes: r.talk_minutes.to_string(),
                capacity: r.capacity.to_string(),
            })
            .collect();
        rules.extend(std::iter::repeat_with(RuleRow::default).take(BLANK_ROWS));
        let mut closed: Vec<NaiveDate> = h.closed.clone();
        closed.sort();
        let mut every_year = h.closed_every_year.clone();
        every_year.sort();
        OpeningForm {
            rules,
            closed: closed.iter().map(|d| d.format("%d.%m.%Y").to_string()).collect::<Vec<_>>().join("\n"),
            closed_on_public_holidays: h.closed_on_public_holidays,
            closed_every_year: every_year.iter().map(|d| format!("{:02}.{:02}", d.day, d.month)).collect::<Vec<_>>().join("\n"),
            notice_hours: h.min_notice_hours.to_string(),
            horizon_days: h.horizon_days.to_string(),
        }
    }

    /// The hours the form describes, or every error found (each naming its row or field). A row
    /// with no times is an empty row and is skipped (that is how a rule is removed).
    pub fn parse(&self) -> Result<OpeningHours, Vec<OpeningFormError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        for (i, row) in self.rules.iter().enumerate() {
            if row.from.is_empty() && row.to.is_empty() {
                continue;
            }
            let n = i + 1;
            let weekday = WEEKDAYS.iter().find(|(_, v)| *v == row.weekday).map(|(d, _)| *d);
            let from = parse_time(&row.from);
            let to = parse_time(&row.to);
            let minutes = row.minutes.parse::<u32>().ok().filter(|m| (5..=480).contains(m));
            let capacity = row.capacity.parse::<u32>().ok().filter(|c| (1..=20).contains(c));
            if weekday.is_none() {
                errors.push(OpeningFormError::RuleWeekday(n));
            }
            if from.is_none() || to.is_none() {
                errors.push(OpeningFormError::RuleTimes(n));
            }
            if let (Some(f), Some(t)) = (from, to) {
                if f >= t {
                    errors.push(OpeningFormError::RuleOrder(n));
                }
            }
            if minutes.is_none() {
                errors.push(OpeningFormError::RuleMinutes(n));
            }
            if capacity.is_none() {
                errors.push(OpeningFormError::RuleCapacity(n));
            }
            if let (Some(weekday), Some(from), Some(to), Some(talk_minutes), Some(capacity)) = (weekday, from, to, minutes, capacity) {
                if from < to {
                    rules.push(WeeklyRule { weekday, from, to, talk_minutes, capacity });
                }
            }
        }
        if self.closed.chars().count() > CLOSED_MAX_CHARS {
            errors.push(OpeningFormError::ClosedTooLong);
        }
        if self.closed_every_year.chars().count() > CLOSED_EVERY_YEAR_MAX_CHARS {
            errors.push(OpeningFormError::ClosedEveryYearTooLong);
        }
        let mut closed = Vec::new();
        for line in self.closed.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match parse_any_date(line) {
                Some(d) => closed.push(d),
                None => errors.push(OpeningFormError::ClosedDate(shorten(line))),
            }
        }
        closed.sort();
        closed.dedup();
        let mut closed_every_year = Vec::new();
        for line in self.closed_every_year.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match parse_day_of_year(line) {
                Some(d) => closed_every_year.push(d),
                None => errors.push(OpeningFormError::ClosedEveryYear(shorten(line))),
            }
        }
        closed_every_year.sort();
        closed_every_year.dedup();
        let notice = self.notice_hours.parse::<u32>().ok().filter(|h| *h <= 24 * 14);
        if notice.is_none() {
            errors.push(OpeningFormError::Notice);
        }
        let horizon = self.horizon_days.parse::<u32>().ok().filter(|d| (1..=366).contains(d));
        if horizon.is_none() {
            errors.push(OpeningFormError::Horizon);
        }
        match (errors.is_empty(), notice, horizon) {
            (true, Some(min_notice_hours), Some(horizon_days)) => Ok(OpeningHours {
                rules,
                closed,
                closed_on_public_holidays: self.closed_on_public_holidays,
                closed_every_year,
                min_notice_hours,
                horizon_days,
                extra: Vec::new(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(feature = "ssr")]
impl ExtraForm {
    /// The slot the form describes, or every error found. The kind of talk is the caller's to
    /// check against the site.
    pub fn parse(&self, now: DateTime<Utc>) -> Result<ExtraSlot, Vec<ExtraSlotError>> {
        let mut errors = Vec::new();
        let date = parse_any_date(&self.date);
        if date.is_none() {
            errors.push(ExtraSlotError::Date);
        }
        let time = parse_time(&self.time);
        if time.is_none() {
            errors.push(ExtraSlotError::Time);
        }
        let minutes = self.minutes.trim().parse::<u32>().ok().filter(|m| (5..=480).contains(m));
        if minutes.is_none() {
            errors.push(ExtraSlotError::Minutes);
        }
        let capacity = self.capacity.trim().parse::<u32>().ok().filter(|c| (1..=20).contains(c));
        if capacity.is_none() {
            errors.push(ExtraSlotError::Capacity);
        }
        let starts_at = date.zip(time).and_then(|(d, t)| Copenhagen.from_local_datetime(&d.and_time(t)).earliest()).map(|t| t.with_timezone(&Utc));
        if date.is_some() && time.is_some() && starts_at.is_none() {
            errors.push(ExtraSlotError::NoSuchTime);
        }
        if starts_at.is_some_and(|s| s <= now) {
            errors.push(ExtraSlotError::InPast);
        }
        match (errors.is_empty(), starts_at, minutes, capacity) {
            (true, Some(starts_at), Some(talk_minutes), Some(capacity)) => Ok(ExtraSlot { starts_at, talk_minutes, capacity }),
            _ => Err(errors),
        }
    }
}

/// "9:00", "09:00", "09.00" and "0900" are all nine o'clock.
#[cfg(feature = "ssr")]
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) => s.split_at(2),
        None => return None,
    };
    if m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A date as the calculator reads them (7.12.2026, 2026-12-07, …), in the past or the future.
#[cfg(feature = "ssr")]
fn parse_any_date(s: &str) -> Option<NaiveDate> {
    let no_limit = NaiveDate::from_ymd_opt(9999, 12, 31).expect("valid date");
    super::deadlines::parse_date(s, no_limit).ok()
}

/// A day and month as Danes write them: "24.12", "24.12." or "24/12".
#[cfg(feature = "ssr")]
pub fn parse_day_of_year(s: &str) -> Option<DayOfYear> {
    let (day, month) = s.trim().trim_end_matches('.').split_once(['.', '/'])?;
    DayOfYear::new(month.trim().parse().ok()?, day.trim().parse().ok()?)
}

#[cfg(feature = "ssr")]
fn shorten(s: &str) -> String {
    s.chars().take(30).collect()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn rule(weekday: &str, from: &str, to: &str, minutes: &str, capacity: &str) -> RuleRow {
        RuleRow { weekday: weekday.into(), from: from.into(), to: to.into(), minutes: minutes.into(), capacity: capacity.into() }
    }

    fn extra(date: &str, time: &str) -> ExtraForm {
        ExtraForm { kind: "telefon".into(), date: date.into(), time: time.into(), minutes: "45".into(), capacity: "1".into() }
    }

    #[test]
    fn hours_survive_a_round_trip_through_the_form() {
        let h = OpeningHours {
            rules: vec![WeeklyRule {
                weekday: Weekday::Tue,
                from: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                to: NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
                talk_minutes: 60,
                capacity: 2,
            }],
            closed: vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()],
            closed_on_public_holidays: true,
            closed_every_year: vec![DayOfYear::new(6, 5).unwrap(), DayOfYear::new(12, 31).unwrap()],
            min_notice_hours: 12,
            horizon_days: 28,
            extra: vec![],
        };
        let form = OpeningForm::from_hours(&h);
        assert_eq!(form.rules.len(), 1 + BLANK_ROWS);
        assert_eq!(form.parse(), Ok(h));
    }

    #[test]
    fn a_typed_form_is_parsed_and_empty_rows_are_skipped() {
        let form = OpeningForm {
            rules: vec![rule("man", "9.00", "1200", "30", "1"), rule("man", "", "", "", "")],
            closed: "24.12.2026\n\n2026-12-25\n".into(),
            closed_on_public_holidays: true,
            closed_every_year: "31.12\n24/12.\n24.12".into(),
            notice_hours: "24".into(),
            horizon_days: "28".into(),
        };
        let h = form.parse().unwrap();
        assert!(h.closed_on_public_holidays);
        assert_eq!(h.closed_every_year, vec![DayOfYear::new(12, 24).unwrap(), DayOfYear::new(12, 31).unwrap()]);
        assert_eq!(h.rules.len(), 1);
        assert_eq!(h.rules[0].talk_minutes, 30);
        assert_eq!(h.closed.len(), 2);
        assert_eq!((h.min_notice_hours, h.horizon_days), (24, 28));
    }

    #[test]
    fn every_bad_field_gets_its_own_error() {
        let form = OpeningForm {
            rules: vec![rule("xyz", "14:00", "09:00", "0", "99")],
            closed: "juleaften".into(),
            closed_every_year: "30.02".into(),
            notice_hours: "-1".into(),
            horizon_days: "0".into(),
            ..OpeningForm::default()
        };
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors,
            [
                OpeningFormError::RuleWeekday(1),
                OpeningFormError::RuleOrder(1),
                OpeningFormError::RuleMinutes(1),
                OpeningFormError::RuleCapacity(1),
                OpeningFormError::ClosedDate("juleaften".into()),
                OpeningFormError::ClosedEveryYear("30.02".into()),
                OpeningFormError::Notice,
                OpeningFormError::Horizon,
            ]
        );
        let long = "x".repeat(50);
        let form = OpeningForm { closed: long, notice_hours: "1".into(), horizon_days: "1".into(), ..OpeningForm::default() };
        let errors = form.parse().unwrap_err();
        assert_eq!(errors, [OpeningFormError::ClosedDate("x".repeat(30))], "the line is cut to 30 characters");
    }

    #[test]
    fn an_extra_slot_is_a_copenhagen_wall_clock_time_in_the_future() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap().with_timezone(&Utc);
        let ok = extra("3.12.2026", "18:00").parse(now).unwrap();
        assert_eq!(ok.starts_at.to_rfc3339(), "2026-12-03T17:00:00+00:00", "18:00 in winter is 17:00 UTC");
        assert_eq!(ok.talk_minutes, 45);
        let past = extra("1.12.2026", "08:00").parse(now);
        assert_eq!(past.unwrap_err(), [ExtraSlotError::InPast]);
        let gap = extra("28.3.2027", "02:30").parse(now);
        assert_eq!(gap.unwrap_err(), [ExtraSlotError::NoSuchTime]);
        assert_eq!(
            ExtraForm::default().parse(now).unwrap_err(),
            [ExtraSlotError::Date, ExtraSlotError::Time, ExtraSlotError::Minutes, ExtraSlotError::Capacity]
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(parse_time("0930"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("9:5"), None);
        assert_eq!(parse_time("ni"), None);
    }
}
