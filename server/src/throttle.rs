//! Limits on attempts per client, counted in fixed windows of time (in memory, keyed hashes only).
//!
//! Three limits use this: failed token lookups (a guess at a code), failed staff sign-ins, and new
//! anonymous bookings (so one client cannot fill a calendar). Each attempt first *takes* a unit
//! of the client's budget for the current window, atomically, so parallel requests cannot slip
//! past a limit between a check and a count. An attempt that turns out not to count (a code that
//! was found, a sign-in that succeeded, a booking that was not made) gives its unit back. So a
//! relative who books five talks with a valid code spends nothing, and a guesser spends one unit
//! per wrong code however many requests run at once.
//!
//! Windows are fixed (for example each clock hour), so "try again at" is simply the window's end,
//! the same for every instance and easy to say in Danish; the price is that a client may spend
//! two budgets around a window's edge. That is the same rule a database-backed counter keeps, so
//! the limits mean the same thing on one instance and on several.
//!
//! The client is known only as a keyed 64-bit hash, with a key drawn at start and never written
//! anywhere, so the limiter's memory holds no address and no username. An IPv6 client is counted
//! by its /64 network: one household or phone gets a whole /64, and could otherwise rotate through
//! it for a fresh budget each time. Nothing here is logged.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, RandomState};
use std::net::IpAddr;
use std::sync::Mutex;

pub const ENV_ATTEMPTS_PER_HOUR: &str = "RMP_TOKEN_ATTEMPTS_PER_HOUR";
/// Wrong codes one client may type in an hour.
pub const DEFAULT_ATTEMPTS_PER_HOUR: u32 = 20;
pub const ENV_BOOKINGS_PER_DAY: &str = "RMP_BOOKINGS_PER_DAY";
/// New anonymous bookings one client may make in a day. A person books a clarifying talk, or a
/// relative's five, and may cancel and book again: far below this. A script filling a site's
/// calendar (hundreds of seats) is stopped after this many a day, where staff see it.
pub const DEFAULT_BOOKINGS_PER_DAY: u32 = 30;

/// Who an attempt is counted against: a client address (IPv6 by its /64), or any other key such
/// as a username, before it is hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted<'a> {
    Client(IpAddr),
    Name(&'a str),
}

/// What a client address is counted as: an IPv4 address as it is (an IPv4-mapped IPv6 address as
/// IPv4), an IPv6 address cut to its /64 network.
fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
        v4 => v4,
    }
}

/// One unit of a client's budget, taken for an attempt. Give it back with
/// [`WindowLimit::give_back`] when the attempt turns out not to count.
#[derive(Debug)]
#[must_use = "a unit that should not count must be given back"]
pub struct Taken {
    key: u64,
    window: i64,
}

/// The budget is used up until `until`, the end of the current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub until: DateTime<Utc>,
}

impl Refused {
    /// Whole minutes until the window ends, at least one: what the person is told to wait.
    pub fn minutes_left(&self, now: DateTime<Utc>) -> i64 {
        let seconds = (self.until - now).num_seconds().max(1);
        (seconds + 59) / 60
    }
}

pub struct WindowLimit {
    per_window: u32,
    window: Duration,
    key: RandomState,
    /// Keyed hash → (window number, units taken in it).
    counts: Mutex<HashMap<u64, (i64, u32)>>,
}

impl WindowLimit {
    /// `per_window` attempts per client in each window of length `window`.
    pub fn new(per_window: u32, window: Duration) -> WindowLimit {
        assert!(window.num_seconds() > 0, "a window lasts at least a second");
        WindowLimit { per_window: per_window.max(1), window, key: RandomState::new(), counts: Mutex::new(HashMap::new()) }
    }

    /// `per_hour` attempts per client in each clock hour.
    pub fn per_hour(per_hour: u32) -> WindowLimit {
        WindowLimit::new(per_hour, Duration::hours(1))
    }

    /// `per_day` attempts per client in each day (UTC).
    pub fn per_day(per_day: u32) -> WindowLimit {
        WindowLimit::new(per_day, Duration::days(1))
    }

    fn hash(&self, who: Counted<'_>) -> u64 {
        match who {
            Counted::Client(ip) => self.key.hash_one(("client", network(ip))),
            Counted::Name(name) => self.key.hash_one(("name", name)),
        }
    }

    fn window_at(&self, now: DateTime<Utc>) -> i64 {
        now.timestamp().div_euclid(self.window.num_seconds())
    }

    /// Takes one unit of `who`'s budget for the window `now` falls in, or says until when there
    /// is none left.
    pub fn take(&self, who: Counted<'_>, now: DateTime<Utc>) -> Result<Taken, Refused> {
        let key = self.hash(who);
        let window = self.window_at(now);
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = counts.entry(key).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        if entry.1 >= self.per_window {
            let until = DateTime::from_timestamp((window + 1) * self.window.num_seconds(), 0).unwrap_or(now);
            return Err(Refused { until });
        }
        entry.1 += 1;
        Ok(Taken { key, window })
    }

    /// Returns a unit whose attempt did not count. A unit from a window that has passed is gone
    /// with its window.
    pub fn give_back(&self, taken: Taken) {
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(entry) = counts.get_mut(&taken.key) {
            if entry.0 == taken.window {
                entry.1 = entry.1.saturating_sub(1);
            }
        }
    }

    /// Forgets every count from a window before `now`'s, so memory does not grow.
    pub fn forget_expired(&self, now: DateTime<Utc>) {
        let window = self.window_at(now);
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        counts.retain(|_, (w, n)| *w == window && *n > 0);
        counts.shrink_to_fit();
    }

    /// How many clients have a count now: for the tests of forgetting.
    pub fn clients_counted(&self) -> usize {
        self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn client(s: &str) -> Counted<'static> {
        Counted::Client(s.parse().unwrap())
    }

    #[test]
    fn a_client_is_stopped_after_its_attempts_and_others_are_not() {
        let limit = WindowLimit::per_hour(3);
        let now = at("2026-12-04T10:15:00Z");
        let _spent: Vec<Taken> = (0..3).map(|_| limit.take(client("192.0.2.1"), now).expect("within the budget")).collect();
        let refused = limit.take(client("192.0.2.1"), now).expect_err("the fourth attempt within the hour is refused");
        assert_eq!(refused.until, at("2026-12-04T11:00:00Z"), "until the hour is over");
        assert_eq!(refused.minutes_left(now), 45);
        assert!(limit.take(client("192.0.2.2"), now).is_ok(), "another client has its own limit");
    }

    #[test]
    fn an_attempt_given_back_does_not_count() {
        let limit = WindowLimit::per_hour(2);
        let now = at("2026-12-04T10:00:00Z");
        for _ in 0..50 {
            let unit = limit.take(client("192.0.2.1"), now).expect("a code that was found costs nothing");
            limit.give_back(unit);
        }
        let _a = limit.take(client("192.0.2.1"), now).unwrap();
        let _b = limit.take(client("192.0.2.1"), now).unwrap();
        assert!(limit.take(client("192.0.2.1"), now).is_err());
    }

    #[test]
    fn the_budget_returns_with_the_next_window() {
        let limit = WindowLimit::per_hour(1);
        let _spent = limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).unwrap();
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).is_err());
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T11:00:00Z")).is_ok());
    }

    #[test]
    fn a_unit_from_a_past_window_is_not_given_to_the_next() {
        let limit = WindowLimit::per_hour(1);
        let old = limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).unwrap();
        let _new = limit.take(client("192.0.2.1"), at("2026-12-04T11:00:01Z")).unwrap();
        limit.give_back(old);
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T11:00:02Z")).is_err());
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_network() {
        let limit = WindowLimit::per_hour(2);
        let now = at("2026-12-04T10:00:00Z");
        let _a = limit.take(client("2001:db8:1:2::1"), now).unwrap();
        let _b = limit.take(client("2001:db8:1:2:ffff::9"), now).unwrap();
        assert!(limit.take(client("2001:db8:1:2:abcd::7"), now).is_err(), "another address in the same /64 is the same client");
        assert!(limit.take(client("2001:db8:1:3::1"), now).is_ok(), "the next /64 is another client");
        let _c = limit.take(client("::ffff:192.0.2.7"), now).unwrap();
        let _d = limit.take(client("192.0.2.7"), now).unwrap();
        assert!(limit.take(client("192.0.2.7"), now).is_err(), "an IPv4-mapped address is the IPv4 client");
    }

    #[test]
    fn names_and_addresses_are_separate_budgets() {
        let limit = WindowLimit::per_hour(1);
        let now = at("2026-12-04T10:00:00Z");
        let _a = limit.take(Counted::Name("ida"), now).unwrap();
        assert!(limit.take(Counted::Name("ida"), now).is_err());
        assert!(limit.take(Counted::Name("bo"), now).is_ok());
        assert!(limit.take(client("192.0.2.1"), now).is_ok());
    }

    #[test]
    fn parallel_attempts_cannot_pass_the_limit() {
        let limit = std::sync::Arc::new(WindowLimit::per_hour(20));
        let now = at("2026-12-04T10:00:00Z");
        let granted: usize = (0..8)
            .map(|_| {
                let limit = limit.clone();
                std::thread::spawn(move || (0..100).filter(|_| limit.take(client("192.0.2.1"), now).is_ok()).count())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| h.join().unwrap())
            .sum();
        assert_eq!(granted, 20);
    }

    #[test]
    fn counts_of_past_windows_are_forgotten() {
        let limit = WindowLimit::per_hour(5);
        for i in 0..100 {
            let _unit = limit.take(client(&format!("192.0.2.{i}")), at("2026-12-04T10:00:00Z")).unwrap();
        }
        assert_eq!(limit.clients_counted(), 100);
        limit.forget_expired(at("2026-12-04T11:00:00Z"));
        assert_eq!(limit.clients_counted(), 0);
    }

    #[test]
    fn a_client_told_to_wait_is_told_at_least_a_minute() {
        let refused = Refused { until: at("2026-12-04T11:00:00Z") };
        assert_eq!(refused.minutes_left(at("2026-12-04T10:59:59Z")), 1);
        assert_eq!(refused.minutes_left(at("2026-12-04T10:00:00Z")), 60);
        assert_eq!(refused.minutes_left(at("2026-12-04T10:58:30Z")), 2);
    }
}
