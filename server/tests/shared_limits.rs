//! Limits shared by several instances (issue 17): with `RMP_LIMITS_DATABASE_URL` the limits count
//! in one PostgreSQL database, so a guesser gets one budget however many instances answer, and
//! the database holds keyed hashes only, deleted when their window ends. Runs on the real
//! PostgreSQL that `scripts/test.sh` starts.

mod common;

use app::store::{LimitCounts, TokenSecret};
use app::text::t;
use axum::http::StatusCode;
use common::{escaped, get, post};
use server::throttle::{Counted, Refused, WindowLimit, LIMITS_KEY_PURPOSE};
use std::sync::Arc;

/// The key every instance derives from the one token secret they share.
fn shared_key() -> [u8; 32] {
    TokenSecret::from_bytes([7; 32]).derive(LIMITS_KEY_PURPOSE)
}

/// One instance: its own connection pool to the limits database, the limits counted there.
async fn instance(stores: server::Stores, url: &str, guesses: u32) -> (axum::Router, LimitCounts) {
    let counts = LimitCounts::connect(url).await.unwrap();
    let mut limits = common::limits();
    limits.guesses = Arc::new(WindowLimit::per_hour(guesses).shared(counts.clone(), "guesses", shared_key()));
    limits.shared_counts = Some(counts.clone());
    (common::router_with(stores, limits), counts)
}

fn unknown_code() -> String {
    app::domain::token::Token::generate().grouped()
}

fn throttled(page: &str) -> bool {
    page.contains(&escaped(t::MANAGE_THROTTLED)) && page.contains("Prøv igen om ")
}

#[tokio::test]
async fn two_instances_count_wrong_codes_against_one_budget() {
    let url = common::empty_postgres().await;
    let (stores, _data) = common::stores().await;
    let (a, _) = instance(stores.clone(), &url, 3).await;
    let (b, _) = instance(stores, &url, 3).await;
    const GUESSER: &str = "198.51.100.5:41000";
    for app in [&a, &b, &a] {
        let (_, page) = post(app, GUESSER, "/min-aftale", &[("kode", &unknown_code())]).await;
        assert!(page.contains(&escaped(t::MANAGE_UNKNOWN)), "{page}");
    }
    let (_, page) = post(&b, GUESSER, "/min-aftale", &[("kode", &unknown_code())]).await;
    assert!(throttled(&page), "the fourth wrong code is refused, though this instance saw only one:\n{page}");
    let (_, page) = post(&a, GUESSER, "/min-aftale", &[("kode", &unknown_code())]).await;
    assert!(throttled(&page), "and on the other instance");
    let (_, page) = post(&a, "198.51.100.6:41000", "/min-aftale", &[("kode", &unknown_code())]).await;
    assert!(!throttled(&page), "another client keeps their budget");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_attempts_on_two_instances_cannot_pass_the_limit() {
    let url = common::empty_postgres().await;
    let limits: Vec<Arc<WindowLimit>> = two_booking_limits(&url).await;
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00Z").unwrap().to_utc();
    let tasks: Vec<_> = (0..100)
        .map(|i| {
            let limit = limits[i % 2].clone();
            tokio::spawn(async move { limit.take(Counted::Client("203.0.113.9".parse().unwrap()), now).await.is_ok() })
        })
        .collect();
    let mut granted = 0;
    for task in tasks {
        granted += usize::from(task.await.unwrap());
    }
    assert_eq!(granted, 10, "exactly the budget, split over both instances");
}

/// The booking limit of two instances on one database, 10 a day each.
async fn two_booking_limits(url: &str) -> Vec<Arc<WindowLimit>> {
    let mut out = Vec::new();
    for _ in 0..2 {
        let counts = LimitCounts::connect(url).await.unwrap();
        out.push(Arc::new(WindowLimit::per_day(10).shared(counts, "bookings", shared_key())));
    }
    out
}

#[tokio::test]
async fn the_database_holds_only_keyed_hashes_that_end_with_their_window() {
    let url = common::empty_postgres().await;
    let counts = LimitCounts::connect(&url).await.unwrap();
    let guesses = WindowLimit::per_hour(5).shared(counts.clone(), "guesses", shared_key());
    let usernames = WindowLimit::per_hour(5).shared(counts.clone(), "sign_in_user", shared_key());
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    let address = "192.0.2.77";
    let _a = guesses.take(Counted::Client(address.parse().unwrap()), at("2026-12-04T10:10:00Z")).await.unwrap();
    let _b = usernames.take(Counted::Name("ida.hansen"), at("2026-12-04T10:10:00Z")).await.unwrap();

    assert_eq!(counts.columns().await.unwrap(), ["limit_name", "key_hash", "window_end", "used"], "nothing else is kept");
    let stored = counts.stored().await.unwrap();
    assert_eq!(stored.len(), 2);
    for row in &stored {
        assert_eq!(row.key_hash.len(), 16);
        let raw = String::from_utf8_lossy(&row.key_hash);
        assert!(!raw.contains(address) && !raw.contains("ida"), "no address or name in the clear");
        assert_eq!(row.window_end, at("2026-12-04T11:00:00Z").timestamp());
    }
    // The same client in the next hour is another, unlinkable row.
    let _c = guesses.take(Counted::Client(address.parse().unwrap()), at("2026-12-04T11:10:00Z")).await.unwrap();
    let next = counts.stored().await.unwrap();
    let hashes: std::collections::BTreeSet<Vec<u8>> = next.iter().filter(|r| r.limit_name == "guesses").map(|r| r.key_hash.clone()).collect();
    assert_eq!(hashes.len(), 2, "one client's two windows share no key");
    // Deleted once their window has ended.
    guesses.forget_expired(at("2026-12-04T11:00:00Z")).await;
    let left = counts.stored().await.unwrap();
    assert_eq!(left.len(), 1, "only the running window is left: {left:?}");
    assert_eq!(left[0].window_end, at("2026-12-04T12:00:00Z").timestamp());
}

#[tokio::test]
async fn a_code_that_is_found_costs_nothing_on_either_instance() {
    let url = common::empty_postgres().await;
    let counts = LimitCounts::connect(&url).await.unwrap();
    let limit = WindowLimit::per_hour(1).shared(counts.clone(), "guesses", shared_key());
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00Z").unwrap().to_utc();
    let relative = Counted::Client("192.0.2.30".parse().unwrap());
    for _ in 0..13 {
        let unit = limit.take(relative, now).await.expect("a valid code is never refused");
        limit.give_back(unit).await;
    }
    assert_eq!(counts.stored().await.unwrap()[0].used, 0);
}

#[tokio::test]
async fn without_the_limits_database_nothing_is_let_through_uncounted_and_the_instance_is_not_ready() {
    let url = common::empty_postgres().await;
    let (stores, _data) = common::stores().await;
    let (app, counts) = instance(stores, &url, 20).await;
    assert_eq!(get(&app, server::health::READY_PATH).await, (StatusCode::OK, "klar\n".to_string()));
    counts.close().await;
    assert_eq!(get(&app, server::health::READY_PATH).await, (StatusCode::SERVICE_UNAVAILABLE, "ikke klar\n".to_string()));
    let (_, page) = post(&app, "192.0.2.40:40000", "/min-aftale", &[("kode", &unknown_code())]).await;
    assert!(page.contains(&escaped(t::SERVER_ERROR)) && !page.contains(&escaped(t::MANAGE_UNKNOWN)), "the code is not looked up uncounted:\n{page}");
    let refused = WindowLimit::per_hour(1).shared(counts, "guesses", shared_key()).take(Counted::Name("x"), chrono::Utc::now()).await;
    assert_eq!(refused.unwrap_err(), Refused::Unavailable);
}
