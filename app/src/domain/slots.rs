//! Bookable slots: weekly opening rules, minus closed dates, minus booked seats, stepped by the
//! talk's length, within minimum notice and the booking horizon. All wall-clock times are
//! Europe/Copenhagen; instants are stored in UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Copenhagen;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Why a booking step was refused: the form's fields, the slot rules, or the store. The pages
/// word it (`text::booking::booking_refusal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookingRefusal {
    /// No kind of talk, or one the site does not offer for this purpose.
    NoKind,
    /// No time chosen, or one that is not an instant.
    NoTime,
    /// The time breaks a slot rule (past, too soon, full...).
    Slot(SlotError),
    /// The store could not save it (logged; the person is asked to try again).
    NotSaved,
}

/// One weekly opening: on `weekday`, talks of `talk_minutes` from `from` until `to`, each with
/// `capacity` seats (counsellors available at once).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeeklyRule {
    pub weekday: Weekday,
    pub from: NaiveTime,
    pub to: NaiveTime,
    pub talk_minutes: u32,
    pub capacity: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub rules: Vec<WeeklyRule>,
    /// One-off closed dates.
    pub closed: Vec<NaiveDate>,
    /// Closed on every Danish public holiday (`holidays`), Easter-based ones included, any year.
    #[serde(default)]
    pub closed_on_public_holidays: bool,
    /// Days closed every year that are not public holidays (Christmas Eve, say).
    #[serde(default)]
    pub closed_every_year: Vec<DayOfYear>,
    /// A slot must start at least this long after the booking is made.
    pub min_notice_hours: u32,
    /// Slots are offered from today up to and including today + this many days.
    pub horizon_days: u32,
    /// One-off slots staff opened beside the weekly rules (kept in their own table, merged in
    /// when the hours are read). Offered within notice and horizon like the others, also on a
    /// closed date: staff opened them on purpose.
    #[serde(default)]
    pub extra: Vec<ExtraSlot>,
}

/// A day and month that come back every year (24 December).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DayOfYear {
    pub month: u32,
    pub day: u32,
}

impl DayOfYear {
    /// A real day of some year (29 February included), or `None`.
    pub fn new(month: u32, day: u32) -> Option<DayOfYear> {
        NaiveDate::from_ymd_opt(2024, month, day).map(|_| DayOfYear { month, day })
    }

    pub fn is(&self, date: NaiveDate) -> bool {
        date.month() == self.month && date.day() == self.day
    }
}

impl OpeningHours {
    /// Whether the weekly rules give no slots on `day`: a one-off closed date, a yearly closed
    /// day, or a public holiday where the site closes on them.
    pub fn is_closed(&self, day: NaiveDate) -> bool {
        self.closed.contains(&day)
            || self.closed_every_year.iter().any(|d| d.is(day))
            || (self.closed_on_public_holidays && super::holidays::public_holiday(day).is_some())
    }
}

/// A single slot staff opened by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSlot {
    pub starts_at: DateTime<Utc>,
    pub talk_minutes: u32,
    pub capacity: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: u32,
}

impl Slot {
    pub fn local_start(&self) -> DateTime<chrono_tz::Tz> {
        self.starts_at.with_timezone(&Copenhagen)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlot {
    pub slot: Slot,
    pub seats_left: u32,
}

/// Why a requested start time cannot be booked (said in Danish by `text::booking::slot_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlotError {
    InPast,
    TooSoon,
    BeyondHorizon,
    Closed,
    NotASlot,
    Full,
}


/// The wall-clock time in Copenhagen as an instant. In the spring gap (02:00–03:00 on the last
/// Sunday of March) there is no such time: `None`. In the autumn overlap the earlier is taken.
fn instant(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    Copenhagen.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}

pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Copenhagen).date_naive()
}

/// Every slot the rules give between now + notice and the end of the horizon, in time order,
/// ignoring bookings.
pub fn slots(hours: &OpeningHours, now: DateTime<Utc>) -> Vec<Slot> {
    let earliest = now + Duration::hours(i64::from(hours.min_notice_hours));
    let first_day = today(now);
    let mut out = Vec::new();
    for offset in 0..=hours.horizon_days {
        let day = first_day + Duration::days(i64::from(offset));
        if hours.is_closed(day) {
            continue;
        }
        for rule in hours.rules.iter().filter(|r| r.weekday == day.weekday()) {
            if rule.talk_minutes == 0 || rule.capacity == 0 {
                continue;
            }
            let step = Duration::minutes(i64::from(rule.talk_minutes));
            let mut start = day.and_time(rule.from);
            let close = day.and_time(rule.to);
            while start + step <= close {
                if let Some(starts_at) = instant(start) {
                    let slot = Slot { starts_at, ends_at: starts_at + step, capacity: rule.capacity };
                    if slot.starts_at >= earliest {
                        out.push(slot);
                    }
                }
                start += step;
            }
        }
    }
    let last_day = first_day + Duration::days(i64::from(hours.horizon_days));
    for extra in &hours.extra {
        let slot = Slot { starts_at: extra.starts_at, ends_at: extra.starts_at + Duration::minutes(i64::from(extra.talk_minutes)), capacity: extra.capacity };
        if slot.starts_at >= earliest && today(slot.starts_at) <= last_day && extra.capacity > 0 && extra.talk_minutes > 0 {
            out.push(slot);
        }
    }
    // Sorted by start; where a rule and an extra slot start together, the one with more seats
    // comes first and is kept.
    out.sort_by_key(|s| (s.starts_at, std::cmp::Reverse(s.capacity), s.ends_at));
    out.dedup_by_key(|s| s.starts_at);
    out
}

/// How long a talk that starts at `starts_at` lasts by the weekly rules: the rule of that weekday
/// (in Copenhagen) whose hours hold the start. `None` where no rule does: an extra slot, or hours
/// changed since the booking.
pub fn rule_minutes_at(rules: &[WeeklyRule], starts_at: DateTime<Utc>) -> Option<u32> {
    let local = starts_at.with_timezone(&Copenhagen);
    let (weekday, time) = (local.date_naive().weekday(), local.time());
    rules.iter().find(|r| r.weekday == weekday && r.from <= time && time < r.to).map(|r| r.talk_minutes)
}

/// Slots with seats left, given how many live bookings each start time has.
pub fn free_slots(hours: &OpeningHours, now: DateTime<Utc>, booked: &HashMap<DateTime<Utc>, u32>) -> Vec<FreeSlot> {
    slots(hours, now)
        .into_iter()
        .filter_map(|slot| {
            let taken = booked.get(&slot.starts_at).copied().unwrap_or(0);
            (taken < slot.capacity).then(|| FreeSlot { slot, seats_left: slot.capacity - taken })
        })
        .collect()
}

/// Checks that `starts_at` is a slot that may be booked now (seats are the store's business).
pub fn bookable(hours: &OpeningHours, now: DateTime<Utc>, starts_at: DateTime<Utc>) -> Result<Slot, SlotError> {
    if starts_at <= now {
        return Err(SlotError::InPast);
    }
    if starts_at < now + Duration::hours(i64::from(hours.min_notice_hours)) {
        return Err(SlotError::TooSoon);
    }
    let day = starts_at.with_timezone(&Copenhagen).date_naive();
    if day > today(now) + Duration::days(i64::from(hours.horizon_days)) {
        return Err(SlotError::BeyondHorizon);
    }
    let offered = slots(hours, now);
    if hours.is_closed(day) && !hours.extra.iter().any(|e| e.starts_at == starts_at) {
        return Err(SlotError::Closed);
    }
    offered.into_iter().find(|s| s.starts_at == starts_at).ok_or(SlotError::NotASlot)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn at(local: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        instant(naive).unwrap()
    }
    fn hours(rules: Vec<WeeklyRule>) -> OpeningHours {
        OpeningHours { rules, closed: vec![], closed_on_public_holidays: false, closed_every_year: vec![], min_notice_hours: 0, horizon_days: 14, extra: vec![] }
    }
    fn rule(weekday: Weekday, from: NaiveTime, to: NaiveTime, minutes: u32) -> WeeklyRule {
        WeeklyRule { weekday, from, to, talk_minutes: minutes, capacity: 1 }
    }
    fn local_times(slots: &[Slot]) -> Vec<String> {
        slots.iter().map(|s| s.local_start().format("%a %d/%m %H:%M").to_string()).collect()
    }

    #[test]
    fn a_talks_length_is_the_rule_that_holds_its_start() {
        let rules = vec![rule(Weekday::Tue, t(9, 0), t(12, 0), 60), rule(Weekday::Tue, t(16, 0), t(20, 0), 45), rule(Weekday::Wed, t(9, 0), t(12, 0), 30)];
        assert_eq!(rule_minutes_at(&rules, at("2026-11-24 10:00")), Some(60));
        assert_eq!(rule_minutes_at(&rules, at("2026-11-24 16:45")), Some(45));
        assert_eq!(rule_minutes_at(&rules, at("2026-11-25 09:00")), Some(30));
        // 21:05 on a Tuesday is no rule's: an extra slot, whose own length counts.
        assert_eq!(rule_minutes_at(&rules, at("2026-11-24 21:05")), None);
        assert_eq!(rule_minutes_at(&rules, at("2026-11-24 12:00")), None, "the closing time is not within");
    }

    #[test]
    fn a_rule_is_stepped_by_the_talk_length_and_a_short_tail_is_dropped() {
        // Monday 23 November 2026, 08:00 local; Tuesday 09:00–11:30 in 60-minute talks.
        let h = OpeningHours { horizon_days: 1, ..hours(vec![rule(Weekday::Tue, t(9, 0), t(11, 30), 60)]) };
        let s = slots(&h, at("2026-11-23 08:00"));
        assert_eq!(local_times(&s), ["Tue 24/11 09:00", "Tue 24/11 10:00"]);
        assert_eq!(s[0].ends_at - s[0].starts_at, Duration::minutes(60));
    }

    #[test]
    fn winter_times_are_utc_plus_one_and_summer_times_utc_plus_two() {
        let h = hours(vec![rule(Weekday::Wed, t(10, 0), t(11, 0), 60)]);
        let winter = slots(&h, at("2026-11-23 08:00"));
        assert_eq!(winter[0].starts_at.format("%H:%M").to_string(), "09:00");
        let summer = slots(&h, at("2026-06-01 08:00"));
        assert_eq!(summer[0].starts_at.format("%H:%M").to_string(), "08:00");
    }

    #[test]
    fn the_spring_forward_night_has_no_slot_in_the_missing_hour() {
        // Sunday 29 March 2026: 02:00 jumps to 03:00.
        let h = OpeningHours { horizon_days: 1, ..hours(vec![rule(Weekday::Sun, t(1, 0), t(4, 0), 60)]) };
        let s = slots(&h, at("2026-03-28 12:00"));
        assert_eq!(local_times(&s), ["Sun 29/03 01:00", "Sun 29/03 03:00"]);
        assert_eq!(s[1].starts_at - s[0].starts_at, Duration::hours(1), "01:00 CET to 03:00 CEST is one real hour");
    }

    #[test]
    fn the_fall_back_night_offers_the_repeated_hour_once() {
        // Sunday 25 October 2026: 03:00 falls back to 02:00.
        let h = OpeningHours { horizon_days: 1, ..hours(vec![rule(Weekday::Sun, t(1, 0), t(4, 0), 60)]) };
        let s = slots(&h, at("2026-10-24 12:00"));
        assert_eq!(local_times(&s), ["Sun 25/10 01:00", "Sun 25/10 02:00", "Sun 25/10 03:00"]);
        assert!(s.windows(2).all(|w| w[0].starts_at < w[1].starts_at));
    }

    #[test]
    fn a_week_across_the_dst_change_keeps_local_opening_hours() {
        let h = OpeningHours { horizon_days: 10, ..hours(vec![rule(Weekday::Thu, t(16, 0), t(17, 0), 60)]) };
        let s = slots(&h, at("2026-03-23 08:00"));
        assert_eq!(local_times(&s), ["Thu 26/03 16:00", "Thu 02/04 16:00"]);
        assert_eq!(s[1].starts_at - s[0].starts_at, Duration::hours(24 * 7 - 1));
    }

    #[test]
    fn closed_dates_have_no_slots() {
        let mut h = hours(vec![rule(Weekday::Tue, t(9, 0), t(10, 0), 60)]);
        h.closed = vec![d(2026, 11, 24)];
        let s = slots(&h, at("2026-11-23 08:00"));
        assert_eq!(local_times(&s), ["Tue 01/12 09:00"]);
        assert_eq!(bookable(&h, at("2026-11-23 08:00"), at("2026-11-24 09:00")), Err(SlotError::Closed));
    }

    #[test]
    fn public_holidays_and_yearly_days_close_in_any_year() {
        // Thursdays 9–10: Maundy Thursday 2029 is 29 March, Ascension 2029 is 10 May.
        let mut h = hours(vec![rule(Weekday::Thu, t(9, 0), t(10, 0), 60), rule(Weekday::Mon, t(9, 0), t(10, 0), 60)]);
        h.horizon_days = 60;
        let open = local_times(&slots(&h, at("2029-03-26 08:00")));
        assert!(open.contains(&"Thu 29/03 09:00".to_string()) && open.contains(&"Mon 02/04 09:00".to_string()));
        h.closed_on_public_holidays = true;
        let s = local_times(&slots(&h, at("2029-03-26 08:00")));
        for holiday in ["Thu 29/03 09:00", "Mon 02/04 09:00", "Thu 10/05 09:00", "Mon 21/05 09:00"] {
            assert!(!s.contains(&holiday.to_string()), "{holiday} is a public holiday: {s:?}");
        }
        assert!(s.contains(&"Thu 05/04 09:00".to_string()));
        assert_eq!(bookable(&h, at("2029-03-26 08:00"), at("2029-04-02 09:00")), Err(SlotError::Closed));
        // Christmas Eve is no public holiday: closed only as a yearly day, in 2037 as in 2026.
        let mut h = hours(vec![rule(Weekday::Thu, t(9, 0), t(10, 0), 60)]);
        h.closed_on_public_holidays = true;
        assert_eq!(local_times(&slots(&h, at("2037-12-21 08:00")))[0], "Thu 24/12 09:00");
        h.closed_every_year = vec![DayOfYear::new(12, 24).unwrap()];
        assert_eq!(local_times(&slots(&h, at("2037-12-21 08:00")))[0], "Thu 31/12 09:00");
        assert_eq!(DayOfYear::new(2, 29), Some(DayOfYear { month: 2, day: 29 }));
        assert_eq!(DayOfYear::new(2, 30), None);
    }

    #[test]
    fn minimum_notice_hides_slots_too_soon() {
        let mut h = hours(vec![rule(Weekday::Mon, t(9, 0), t(12, 0), 60)]);
        h.min_notice_hours = 2;
        h.horizon_days = 0;
        let now = at("2026-11-23 08:30");
        assert_eq!(local_times(&slots(&h, now)), ["Mon 23/11 11:00"]);
        assert_eq!(bookable(&h, now, at("2026-11-23 10:00")), Err(SlotError::TooSoon));
        assert!(bookable(&h, now, at("2026-11-23 11:00")).is_ok());
    }

    #[test]
    fn the_horizon_ends_offers() {
        let mut h = hours(vec![rule(Weekday::Mon, t(9, 0), t(10, 0), 60)]);
        h.horizon_days = 7;
        let now = at("2026-11-23 08:00");
        assert_eq!(local_times(&slots(&h, now)), ["Mon 23/11 09:00", "Mon 30/11 09:00"]);
        assert_eq!(bookable(&h, now, at("2026-12-07 09:00")), Err(SlotError::BeyondHorizon));
    }

    #[test]
    fn past_and_off_grid_times_are_refused() {
        let h = hours(vec![rule(Weekday::Mon, t(9, 0), t(12, 0), 60)]);
        let now = at("2026-11-23 09:30");
        assert_eq!(bookable(&h, now, at("2026-11-23 09:00")), Err(SlotError::InPast));
        assert_eq!(bookable(&h, now, at("2026-11-30 09:15")), Err(SlotError::NotASlot));
        assert_eq!(bookable(&h, now, at("2026-11-24 09:00")), Err(SlotError::NotASlot), "no Tuesday rule");
    }

    #[test]
    fn booked_seats_are_subtracted() {
        let mut r = rule(Weekday::Tue, t(9, 0), t(11, 0), 60);
        r.capacity = 2;
        let h = OpeningHours { horizon_days: 1, ..hours(vec![r]) };
        let now = at("2026-11-23 08:00");
        let mut booked = HashMap::new();
        booked.insert(at("2026-11-24 09:00"), 2);
        booked.insert(at("2026-11-24 10:00"), 1);
        let free = free_slots(&h, now, &booked);
        assert_eq!(free.len(), 1);
        assert_eq!(free[0].seats_left, 1);
        assert_eq!(local_times(&[free[0].slot]), ["Tue 24/11 10:00"]);
    }

    #[test]
    fn an_extra_slot_is_offered_within_notice_and_horizon_even_on_a_closed_day() {
        let mut h = hours(vec![rule(Weekday::Tue, t(9, 0), t(10, 0), 60)]);
        h.closed = vec![d(2026, 11, 24)];
        h.horizon_days = 8;
        h.min_notice_hours = 2;
        h.extra = vec![
            ExtraSlot { starts_at: at("2026-11-24 18:00"), talk_minutes: 45, capacity: 1 },
            ExtraSlot { starts_at: at("2026-11-23 09:00"), talk_minutes: 45, capacity: 1 }, // too soon
            ExtraSlot { starts_at: at("2026-12-10 09:00"), talk_minutes: 45, capacity: 1 }, // beyond the horizon
        ];
        let now = at("2026-11-23 08:00");
        let s = slots(&h, now);
        assert_eq!(local_times(&s), ["Tue 24/11 18:00", "Tue 01/12 09:00"]);
        assert_eq!(s[0].ends_at - s[0].starts_at, Duration::minutes(45));
        assert!(bookable(&h, now, at("2026-11-24 18:00")).is_ok(), "staff opened it on a closed day");
        assert_eq!(bookable(&h, now, at("2026-11-24 09:00")), Err(SlotError::Closed));
        assert_eq!(bookable(&h, now, at("2026-11-23 09:00")), Err(SlotError::TooSoon));
    }
}
