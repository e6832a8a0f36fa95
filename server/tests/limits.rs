//! The limits as a citizen and a guesser meet them through the forms (issue 17): only codes that
//! are not found count as guesses, bookings are limited per client, failed staff sign-ins only
//! count, and every refusal says in Danish when to try again.

mod common;

use app::domain::staff::Role;
use app::store::StaffScope;
use app::text::t;
use axum::http::StatusCode;
use common::{escaped, get, post, receipt_code, times};
use server::throttle::WindowLimit;
use std::sync::Arc;

const CITIZEN: &str = "192.0.2.10:50000";
const OTHER_CITIZEN: &str = "192.0.2.11:50000";
/// A well-formed code (its check symbol is right) that no booking has: a new one.
fn unknown_code() -> String {
    app::domain::token::Token::generate().grouped()
}

fn app_with(stores: server::Stores, guesses: u32, bookings: u32, sign_ins: u32) -> axum::Router {
    let mut limits = common::limits();
    limits.guesses = Arc::new(WindowLimit::per_hour(guesses));
    limits.bookings = Arc::new(WindowLimit::per_day(bookings));
    limits.sign_ins = Arc::new(server::staff_forms::SignInLimit::new(sign_ins));
    common::router_with(stores, limits)
}

fn throttled_guess(page: &str) -> bool {
    page.contains(&escaped(t::MANAGE_THROTTLED))
}

fn says_when(page: &str) -> bool {
    page.contains("Prøv igen om ")
}

#[tokio::test]
async fn a_relative_booking_five_talks_with_their_code_spends_no_guesses() {
    let (stores, _data) = common::stores().await;
    // Two wrong codes an hour: far fewer than the POSTs that carry the valid one below.
    let app = app_with(stores, 2, 100, 100);
    let (_, page) = get(&app, "/ishoj/paaroerende").await;
    let free = times(&page);
    assert!(free.len() >= 5, "five times to book:\n{page}");

    let (_, receipt) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("samtale", "paaroerende"), ("tid", &free[0]), ("trin", "book")]).await;
    let code = receipt_code(&receipt);
    for time in &free[1..5] {
        // As the pages go: type the code, confirm the time, book it.
        let (_, shown) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("handling", "kode"), ("kode", &code)]).await;
        assert!(!throttled_guess(&shown), "typing a valid code is no guess");
        let (_, confirm) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("samtale", "paaroerende"), ("tid", time), ("trin", "bekraeft"), ("kode", &code)]).await;
        assert!(!throttled_guess(&confirm));
        let (_, booked) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("samtale", "paaroerende"), ("tid", time), ("trin", "book"), ("kode", &code)]).await;
        assert!(booked.contains(&escaped(t::RECEIPT_LABEL_HEADING)) || booked.contains("id=\"token\""), "booked with the code:\n{booked}");
    }
    for _ in 0..5 {
        let (_, listed) = post(&app, CITIZEN, "/min-aftale", &[("kode", &code)]).await;
        assert!(!throttled_guess(&listed), "looking up one's own bookings is no guess");
    }

    // The wrong codes are what counts: two, then a refusal that says when.
    for _ in 0..2 {
        let (_, wrong) = post(&app, CITIZEN, "/min-aftale", &[("kode", &unknown_code())]).await;
        assert!(wrong.contains(&escaped(t::MANAGE_UNKNOWN)), "{wrong}");
    }
    let (_, refused) = post(&app, CITIZEN, "/min-aftale", &[("kode", &code)]).await;
    assert!(throttled_guess(&refused) && says_when(&refused), "the third try in the hour is refused, with when to try again:\n{refused}");
    let (_, other) = post(&app, OTHER_CITIZEN, "/min-aftale", &[("kode", &unknown_code())]).await;
    assert!(!throttled_guess(&other), "another client keeps their budget");
}

#[tokio::test]
async fn wrong_codes_on_every_form_that_takes_one_share_one_budget() {
    let (stores, _data) = common::stores().await;
    let app = app_with(stores, 3, 100, 100);
    let (_, a) = post(&app, CITIZEN, "/min-aftale", &[("kode", &unknown_code())]).await;
    let (_, b) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("handling", "kode"), ("kode", &unknown_code())]).await;
    let (_, c) = post(&app, CITIZEN, "/min-aftale/kalender", &[("kode", &unknown_code()), ("booking", "1")]).await;
    assert!(![a, b, c].iter().any(|p| throttled_guess(p)));
    let (_, d) = post(&app, CITIZEN, "/ishoj/raadgivning", &[("handling", "kode"), ("kode", &unknown_code())]).await;
    assert!(throttled_guess(&d) && says_when(&d), "the fourth wrong code, on another form, is refused:\n{d}");
}

#[tokio::test]
async fn one_client_cannot_fill_a_calendar_and_only_bookings_made_count() {
    let (stores, _data) = common::stores().await;
    let app = app_with(stores, 100, 3, 100);
    let (_, page) = get(&app, "/ishoj/book?samtale=fremmoede").await;
    let free = times(&page);
    assert!(free.len() >= 5, "{page}");
    let book = |time: String, from: &'static str| {
        let app = app.clone();
        async move { post(&app, from, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", &time), ("trin", "book")]).await.1 }
    };
    // Confirmation steps and refused choices are not bookings.
    for _ in 0..5 {
        let (_, confirm) = post(&app, CITIZEN, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", &free[0]), ("trin", "bekraeft")]).await;
        assert!(!confirm.contains(&escaped(t::BOOK_THROTTLED)));
        let (_, no_time) = post(&app, CITIZEN, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", "ikke-en-tid"), ("trin", "book")]).await;
        assert!(no_time.contains(&escaped(t::BOOK_ERR_TIME)), "{no_time}");
    }
    for time in &free[0..3] {
        let receipt = book(time.clone(), CITIZEN).await;
        assert!(receipt.contains("id=\"token\""), "a person books a few talks and never meets the limit:\n{receipt}");
    }
    let refused = book(free[3].clone(), CITIZEN).await;
    assert!(refused.contains(&escaped(t::BOOK_THROTTLED)) && says_when(&refused), "the fourth booking of the day is refused:\n{refused}");
    assert!(refused.contains(&escaped(t::THROTTLED_CALL)), "and the page points to the phone");
    assert!(!refused.contains("id=\"token\""), "no booking was made");
    let other = book(free[3].clone(), OTHER_CITIZEN).await;
    assert!(other.contains("id=\"token\""), "another client books the same seat:\n{other}");
    // The relatives' page counts against the same limit.
    let (_, relatives) = get(&app, "/ishoj/paaroerende").await;
    let (_, refused) = post(&app, CITIZEN, "/ishoj/paaroerende", &[("samtale", "paaroerende"), ("tid", &times(&relatives)[0]), ("trin", "book")]).await;
    assert!(refused.contains(&escaped(t::BOOK_THROTTLED)), "{refused}");
}

#[tokio::test]
async fn parallel_bookings_from_one_client_cannot_pass_the_limit() {
    let (stores, _data) = common::stores().await;
    let app = app_with(stores.clone(), 100, 4, 100);
    let (_, page) = get(&app, "/ishoj/book?samtale=fremmoede").await;
    let free = times(&page);
    let attempts = free.iter().take(20).map(|time| {
        let app = app.clone();
        let time = time.clone();
        tokio::spawn(async move { post(&app, CITIZEN, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", &time), ("trin", "book")]).await.1 })
    });
    let mut receipts = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        if attempt.await.unwrap().contains("id=\"token\"") {
            receipts += 1;
        }
    }
    assert_eq!(receipts, 4);
}

#[tokio::test]
async fn staff_sign_ins_count_only_when_they_fail() {
    let (stores, _data) = common::stores().await;
    let scope = StaffScope { kommune: "ishoj".into(), sites: vec![] };
    stores.staff.create_account("ida", "en lang og god adgangskode", Role::Admin, &scope).await.unwrap();
    // 3 an hour per address, 1 per username.
    let app = app_with(stores, 100, 100, 3);
    for _ in 0..5 {
        let (status, _) = post(&app, CITIZEN, "/personale/log-ind", &[("brugernavn", "ida"), ("adgangskode", "en lang og god adgangskode")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "a sign-in that succeeds costs nothing");
    }
    let (status, _) = post(&app, CITIZEN, "/personale/log-ind", &[("brugernavn", "ida"), ("adgangskode", "forkert")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, page) = post(&app, CITIZEN, "/personale/log-ind", &[("brugernavn", "ida"), ("adgangskode", "en lang og god adgangskode")]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "the username's one failure an hour is used:\n{page}");
    assert!(page.contains(&escaped(t::STAFF_SIGN_IN_THROTTLED)) && says_when(&page), "{page}");
}

/// Issue 19: a client opens a few message threads a day; refused messages do not count; the
/// next is refused with when to try again, and another client still writes. Reading a thread
/// with a wrong code is a guess like any other.
#[tokio::test]
async fn one_client_cannot_flood_the_counsellors_and_wrong_thread_codes_are_guesses() {
    let (stores, _data) = common::stores().await;
    let mut limits = common::limits();
    limits.threads = Arc::new(WindowLimit::per_day(2));
    limits.guesses = Arc::new(WindowLimit::per_hour(2));
    let app = common::router_with(stores, limits);
    let send = |from: &'static str, text: &'static str| {
        let app = app.clone();
        async move { post(&app, from, "/vallensbaek/skriv", &[("handling", "send"), ("sted", "pitstop"), ("om", "mig-selv"), ("besked", text)]).await }
    };
    for _ in 0..3 {
        let (status, empty) = send(CITIZEN, "").await;
        assert_eq!(status, StatusCode::OK);
        assert!(empty.contains("Skriv en besked, før du sender."), "a refused message is no thread:\n{empty}");
    }
    for text in ["Første spørgsmål", "Andet spørgsmål"] {
        let (_, receipt) = send(CITIZEN, text).await;
        assert!(receipt.contains("id=\"token\""), "{receipt}");
    }
    let (_, refused) = send(CITIZEN, "Tredje spørgsmål").await;
    assert!(refused.contains(&escaped(t::MSG_FLOODED)) && says_when(&refused), "the third thread of the day is refused:\n{refused}");
    assert!(!refused.contains("id=\"token\""));
    let (_, other) = send(OTHER_CITIZEN, "Et andet menneske").await;
    assert!(other.contains("id=\"token\""), "{other}");

    for _ in 0..2 {
        let (_, page) = post(&app, CITIZEN, "/vallensbaek/skriv", &[("handling", "aabn"), ("kode", &unknown_code())]).await;
        assert!(page.contains(&escaped(t::MSG_NO_THREAD)), "{page}");
    }
    let (_, throttled) = post(&app, CITIZEN, "/vallensbaek/skriv", &[("handling", "aabn"), ("kode", &unknown_code())]).await;
    assert!(throttled.contains(&escaped(t::MSG_THROTTLED)) && says_when(&throttled), "{throttled}");
}
