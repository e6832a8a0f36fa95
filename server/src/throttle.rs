//! Throttling of token guesses (rate limiting per client, in memory only).
//!
//! The client is known only as a keyed 64-bit hash of its address, with a key drawn at start and
//! never written anywhere, so the limiter's memory holds no address either. Nothing is logged.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::num::NonZeroU32;

pub const ENV_ATTEMPTS_PER_HOUR: &str = "RMP_TOKEN_ATTEMPTS_PER_HOUR";
pub const DEFAULT_ATTEMPTS_PER_HOUR: u32 = 20;

pub struct GuessLimit {
    limiter: DefaultKeyedRateLimiter<u64>,
    key: RandomState,
}

impl GuessLimit {
    /// `per_hour` attempts at once, refilled evenly over an hour.
    pub fn new(per_hour: u32) -> GuessLimit {
        let n = NonZeroU32::new(per_hour.max(1)).expect("at least one");
        GuessLimit { limiter: RateLimiter::keyed(Quota::per_hour(n)), key: RandomState::new() }
    }

    /// Counts one attempt from `client`; `false` when its limit is used up.
    pub fn allow(&self, client: IpAddr) -> bool {
        self.limiter.check_key(&self.key.hash_one(client)).is_ok()
    }

    /// Counts one attempt on any other key (a username, say), kept only as a keyed hash.
    pub fn allow_key<K: std::hash::Hash>(&self, key: &K) -> bool {
        self.limiter.check_key(&self.key.hash_one(key)).is_ok()
    }

    /// Forgets clients whose limit has refilled, so memory does not grow.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_stopped_after_its_attempts_and_others_are_not() {
        let limit = GuessLimit::new(3);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!((0..3).all(|_| limit.allow(a)));
        assert!(!limit.allow(a), "the fourth guess within the hour is refused");
        assert!(limit.allow(b), "another client has its own limit");
    }
}
