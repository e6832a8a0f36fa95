//! The server's one clock. Every date-dependent answer (a standard's status, the guarantee and
//! complaint deadlines, free slots, retention, staff sessions) reads the time here, never
//! `Utc::now()` directly, so that the day is an input: the server may start its clock at a given
//! instant (`RMP_CLOCK_START`, for tests and rehearsals), after which it runs at the normal pace.
//! Unit tests do not touch it: the logic they call takes `now` or `today` as an argument.
//!
//! Layer: with the stores (`app/tests/layers.rs`), since the stores read it; `domain` never does
//! (its rules take the time as an argument).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::sync::OnceLock;

/// How far the clock is from the system's: zero unless the server was started at an instant.
static OFFSET: OnceLock<Duration> = OnceLock::new();

/// The clock had already been read or set: it is set once, at start, before anything reads it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the clock is set once, at start, before anything reads it")]
pub struct ClockAlreadySet;

/// Starts the clock at `start`: from this call on, [`now`] is `start` plus the time since.
pub fn start_at(start: DateTime<Utc>) -> Result<(), ClockAlreadySet> {
    OFFSET.set(start - Utc::now()).map_err(|_| ClockAlreadySet)
}

/// The current instant by the server's clock.
pub fn now() -> DateTime<Utc> {
    Utc::now() + *OFFSET.get_or_init(Duration::zero)
}

/// Today in Denmark by the server's clock: a deadline or a standard's last day is the same day for
/// everyone reading it.
pub fn today() -> NaiveDate {
    now().with_timezone(&chrono_tz::Europe::Copenhagen).date_naive()
}
