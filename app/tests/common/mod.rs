//! Shared by the integration tests that book: the day they run on is an input.

/// The instant the server's clock is set to in the tests that book or list slots (a Monday
/// morning, as scripts/test.sh sets it for the end-to-end suite), so that no result depends on the
/// day the suite runs: opening hours, holidays and the booking horizon all count from it.
pub const TEST_CLOCK_START: &str = "2026-11-30T09:00:00+01:00";

/// Sets the clock once for this test binary (its own process). Call it before anything reads
/// the clock: every store helper here does.
pub fn set_the_clock() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let start = chrono::DateTime::parse_from_rfc3339(TEST_CLOCK_START).expect("an RFC 3339 instant").to_utc();
        app::clock::start_at(start).expect("nothing read the clock before the test set it");
    });
}
