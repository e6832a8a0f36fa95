//! Limits on attempts per client, counted in fixed windows of time, under keyed hashes only: in
//! memory for one instance, or in the limits database (`RMP_LIMITS_DATABASE_URL`, PostgreSQL)
//! shared by every instance behind the proxy.
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
//! The client is known only as HMAC-SHA256(key, limit, window, client) cut to 16 bytes. In memory
//! the key is drawn at start and never written; shared, it is derived from the token secret (kept
//! outside every database), so every instance computes the same hash and a copy of the database
//! alone cannot be tested against addresses. The window is inside the hash, so one client's rows
//! of two windows cannot be linked, and a row is deleted when its window ends. An IPv6 client is
//! counted by its /64 network: one household or phone gets a whole /64, and could otherwise rotate
//! through it for a fresh budget each time. Nothing here is logged.

use app::store::LimitCounts;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use rand::TryRngCore;
use sha2::Sha256;
use std::collections::HashMap;
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
pub const ENV_THREADS_PER_DAY: &str = "RMP_THREADS_PER_DAY";
/// New anonymous message threads one client may open in a day (issue 19). A person asks a
/// question or two; a script flooding the counsellors' inbox is stopped after this many.
pub const DEFAULT_THREADS_PER_DAY: u32 = 5;
/// `postgres://…` of the limits database: set it when several instances serve behind a proxy,
/// so they count against one budget. Unset: each instance counts in its own memory.
pub const ENV_LIMITS_DATABASE_URL: &str = "RMP_LIMITS_DATABASE_URL";
/// What the shared limits' key is derived from the token secret for.
pub const LIMITS_KEY_PURPOSE: &str = "rusmiddelportalen limits v1";

/// Who an attempt is counted against: a client address (IPv6 by its /64), or a name such as a
/// username, before it is hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    key: [u8; 16],
}

/// Why an attempt was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The budget is used up until the end of the current window.
    Until(DateTime<Utc>),
    /// The shared counter did not answer: refused rather than let guesses through uncounted.
    Unavailable,
}

impl Refused {
    /// Whole minutes until the window ends, at least one: what the person is told to wait.
    pub fn minutes_left(&self, now: DateTime<Utc>) -> Option<i64> {
        match self {
            Refused::Until(until) => Some(((*until - now).num_seconds().max(1) + 59) / 60),
            Refused::Unavailable => None,
        }
    }

    /// What the person is told: `what`, and when to try again (and the phone, for citizens); or
    /// the general error when the counter did not answer.
    pub fn say(&self, what: &str, now: DateTime<Utc>, call: bool) -> String {
        match self.minutes_left(now) {
            Some(minutes) => app::text::t::throttled(what, minutes, call),
            None => app::text::t::SERVER_ERROR.to_string(),
        }
    }
}

/// Where the counts are kept.
enum Counter {
    /// Keyed hash → (window number, units taken in it).
    Memory(Mutex<HashMap<[u8; 16], (i64, u32)>>),
    /// The limits database, under this limit's name.
    Shared { counts: LimitCounts, name: &'static str },
}

pub struct WindowLimit {
    per_window: u32,
    window: Duration,
    key: [u8; 32],
    counter: Counter,
}

impl WindowLimit {
    /// `per_window` attempts per client in each window of length `window`, counted in memory with
    /// a key drawn now.
    pub fn new(per_window: u32, window: Duration) -> WindowLimit {
        assert!(window.num_seconds() > 0, "a window lasts at least a second");
        let mut key = [0u8; 32];
        rand::rngs::OsRng.try_fill_bytes(&mut key).expect("the OS random number generator works");
        WindowLimit { per_window: per_window.max(1), window, key, counter: Counter::Memory(Mutex::new(HashMap::new())) }
    }

    /// `per_hour` attempts per client in each clock hour.
    pub fn per_hour(per_hour: u32) -> WindowLimit {
        WindowLimit::new(per_hour, Duration::hours(1))
    }

    /// `per_day` attempts per client in each day (UTC).
    pub fn per_day(per_day: u32) -> WindowLimit {
        WindowLimit::new(per_day, Duration::days(1))
    }

    /// The same limit counted in the limits database under `name`, with the hash key every
    /// instance derives from the token secret.
    pub fn shared(self, counts: LimitCounts, name: &'static str, key: [u8; 32]) -> WindowLimit {
        WindowLimit { key, counter: Counter::Shared { counts, name }, ..self }
    }

    fn name(&self) -> &'static str {
        match &self.counter {
            Counter::Memory(_) => "",
            Counter::Shared { name, .. } => name,
        }
    }

    fn hash(&self, who: Counted<'_>, window: i64) -> [u8; 16] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(self.name().as_bytes());
        mac.update(&[0]);
        mac.update(&window.to_be_bytes());
        match who {
            Counted::Client(ip) => {
                mac.update(b"client\0");
                mac.update(network(ip).to_string().as_bytes());
            }
            Counted::Name(name) => {
                mac.update(b"name\0");
                mac.update(name.as_bytes());
            }
        }
        let full: [u8; 32] = mac.finalize().into_bytes().into();
        full[..16].try_into().expect("16 of 32 bytes")
    }

    fn window_at(&self, now: DateTime<Utc>) -> i64 {
        now.timestamp().div_euclid(self.window.num_seconds())
    }

    fn window_end(&self, window: i64) -> i64 {
        (window + 1) * self.window.num_seconds()
    }

    /// Takes one unit of `who`'s budget for the window `now` falls in, or says why not.
    pub async fn take(&self, who: Counted<'_>, now: DateTime<Utc>) -> Result<Taken, Refused> {
        let window = self.window_at(now);
        let key = self.hash(who, window);
        let end = self.window_end(window);
        let refused = Refused::Until(DateTime::from_timestamp(end, 0).unwrap_or(now));
        match &self.counter {
            Counter::Memory(counts) => {
                let mut counts = counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let used = counts.entry(key).or_insert((window, 0));
                if used.1 >= self.per_window {
                    return Err(refused);
                }
                used.1 += 1;
            }
            Counter::Shared { counts, name } => match counts.take(name, &key, end, self.per_window).await {
                Ok(true) => {}
                Ok(false) => return Err(refused),
                Err(e) => {
                    tracing::error!(store = "limits", "the limits database did not answer: {e}");
                    return Err(Refused::Unavailable);
                }
            },
        }
        Ok(Taken { key })
    }

    /// Returns a unit whose attempt did not count. A unit from a window that has passed is gone
    /// with its window (its key, which holds the window, is never used again).
    pub async fn give_back(&self, taken: Taken) {
        match &self.counter {
            Counter::Memory(counts) => {
                let mut counts = counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if let Some(used) = counts.get_mut(&taken.key) {
                    used.1 = used.1.saturating_sub(1);
                }
            }
            Counter::Shared { counts, name } => {
                if let Err(e) = counts.give_back(name, &taken.key).await {
                    // The unit stays spent: the client's budget is a little smaller this window.
                    tracing::error!(store = "limits", "giving a unit back to the limits database failed: {e}");
                }
            }
        }
    }

    /// Forgets every count from a window that has ended by `now`, so nothing outlives its window.
    pub async fn forget_expired(&self, now: DateTime<Utc>) {
        let window = self.window_at(now);
        match &self.counter {
            Counter::Memory(counts) => {
                let mut counts = counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                counts.retain(|_, (w, n)| *w == window && *n > 0);
                counts.shrink_to_fit();
            }
            Counter::Shared { counts, .. } => {
                if let Err(e) = counts.forget_ended(now.timestamp()).await {
                    tracing::error!(store = "limits", "deleting ended windows from the limits database failed: {e}");
                }
            }
        }
    }

    /// How many clients have a count in memory now: for the tests of forgetting.
    pub fn clients_counted(&self) -> usize {
        match &self.counter {
            Counter::Memory(counts) => counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len(),
            Counter::Shared { .. } => 0,
        }
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

    #[tokio::test]
    async fn a_client_is_stopped_after_its_attempts_and_others_are_not() {
        let limit = WindowLimit::per_hour(3);
        let now = at("2026-12-04T10:15:00Z");
        let mut spent = Vec::new();
        for _ in 0..3 {
            spent.push(limit.take(client("192.0.2.1"), now).await.expect("within the budget"));
        }
        let refused = limit.take(client("192.0.2.1"), now).await.expect_err("the fourth attempt within the hour is refused");
        assert_eq!(refused, Refused::Until(at("2026-12-04T11:00:00Z")), "until the hour is over");
        assert_eq!(refused.minutes_left(now), Some(45));
        assert!(limit.take(client("192.0.2.2"), now).await.is_ok(), "another client has its own limit");
    }

    #[tokio::test]
    async fn an_attempt_given_back_does_not_count() {
        let limit = WindowLimit::per_hour(2);
        let now = at("2026-12-04T10:00:00Z");
        for _ in 0..50 {
            let unit = limit.take(client("192.0.2.1"), now).await.expect("a code that was found costs nothing");
            limit.give_back(unit).await;
        }
        let _a = limit.take(client("192.0.2.1"), now).await.unwrap();
        let _b = limit.take(client("192.0.2.1"), now).await.unwrap();
        assert!(limit.take(client("192.0.2.1"), now).await.is_err());
    }

    #[tokio::test]
    async fn the_budget_returns_with_the_next_window() {
        let limit = WindowLimit::per_hour(1);
        let _spent = limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).await.unwrap();
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).await.is_err());
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T11:00:00Z")).await.is_ok());
    }

    #[tokio::test]
    async fn a_unit_from_a_past_window_is_not_given_to_the_next() {
        let limit = WindowLimit::per_hour(1);
        let old = limit.take(client("192.0.2.1"), at("2026-12-04T10:59:59Z")).await.unwrap();
        let _new = limit.take(client("192.0.2.1"), at("2026-12-04T11:00:01Z")).await.unwrap();
        limit.give_back(old).await;
        assert!(limit.take(client("192.0.2.1"), at("2026-12-04T11:00:02Z")).await.is_err());
    }

    #[tokio::test]
    async fn an_ipv6_client_is_counted_by_its_64_network() {
        let limit = WindowLimit::per_hour(2);
        let now = at("2026-12-04T10:00:00Z");
        let _a = limit.take(client("2001:db8:1:2::1"), now).await.unwrap();
        let _b = limit.take(client("2001:db8:1:2:ffff::9"), now).await.unwrap();
        assert!(limit.take(client("2001:db8:1:2:abcd::7"), now).await.is_err(), "another address in the same /64 is the same client");
        assert!(limit.take(client("2001:db8:1:3::1"), now).await.is_ok(), "the next /64 is another client");
        let _c = limit.take(client("::ffff:192.0.2.7"), now).await.unwrap();
        let _d = limit.take(client("192.0.2.7"), now).await.unwrap();
        assert!(limit.take(client("192.0.2.7"), now).await.is_err(), "an IPv4-mapped address is the IPv4 client");
    }

    #[tokio::test]
    async fn names_and_addresses_are_separate_budgets() {
        let limit = WindowLimit::per_hour(1);
        let now = at("2026-12-04T10:00:00Z");
        let _a = limit.take(Counted::Name("ida"), now).await.unwrap();
        assert!(limit.take(Counted::Name("ida"), now).await.is_err());
        assert!(limit.take(Counted::Name("bo"), now).await.is_ok());
        assert!(limit.take(client("192.0.2.1"), now).await.is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn parallel_attempts_cannot_pass_the_limit() {
        let limit = std::sync::Arc::new(WindowLimit::per_hour(20));
        let now = at("2026-12-04T10:00:00Z");
        let tasks: Vec<_> = (0..200)
            .map(|_| {
                let limit = limit.clone();
                tokio::spawn(async move { limit.take(client("192.0.2.1"), now).await.is_ok() })
            })
            .collect();
        let mut granted = 0;
        for task in tasks {
            granted += usize::from(task.await.unwrap());
        }
        assert_eq!(granted, 20);
    }

    #[tokio::test]
    async fn counts_of_past_windows_are_forgotten() {
        let limit = WindowLimit::per_hour(5);
        for i in 0..100 {
            let _unit = limit.take(client(&format!("192.0.2.{i}")), at("2026-12-04T10:00:00Z")).await.unwrap();
        }
        assert_eq!(limit.clients_counted(), 100);
        limit.forget_expired(at("2026-12-04T11:00:00Z")).await;
        assert_eq!(limit.clients_counted(), 0);
    }

    #[test]
    fn a_client_told_to_wait_is_told_at_least_a_minute() {
        let refused = Refused::Until(at("2026-12-04T11:00:00Z"));
        assert_eq!(refused.minutes_left(at("2026-12-04T10:59:59Z")), Some(1));
        assert_eq!(refused.minutes_left(at("2026-12-04T10:00:00Z")), Some(60));
        assert_eq!(refused.minutes_left(at("2026-12-04T10:58:30Z")), Some(2));
        assert_eq!(Refused::Unavailable.minutes_left(at("2026-12-04T10:00:00Z")), None);
    }
}
