//! The anonymous store decides races: no double booking, no sixth talk, moves in one step.

use app::domain::token::Token;
use app::store::{AnonStore, BookError, NewHolder, SlotRef, TokenSecret};
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;

mod common;

async fn store() -> (tempfile::TempDir, AnonStore) {
    common::set_the_clock();
    let dir = tempfile::tempdir().unwrap();
    let s = common::anon_store(dir.path(), TokenSecret::from_bytes([3; 32])).await;
    (dir, s)
}

fn start(days: i64) -> DateTime<Utc> {
    common::set_the_clock();
    let t = app::clock::now() + Duration::days(days);
    DateTime::from_timestamp(t.timestamp() - t.timestamp() % 3600, 0).unwrap()
}

fn slot(starts_at: DateTime<Utc>, capacity: u32) -> SlotRef<'static> {
    SlotRef { site: "pitstop", talk_kind: "afklarende", starts_at, capacity }
}

const CITIZEN: NewHolder<'static> = NewHolder { kommune: "ishoj", purpose: "clarifying" };
const RELATIVE: NewHolder<'static> = NewHolder { kommune: "ishoj", purpose: "relative" };

async fn race(store: &AnonStore, n: usize, capacity: u32) -> (usize, usize) {
    let store = Arc::new(store.clone());
    let at = start(3);
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.book(&Token::generate(), Some(CITIZEN), &slot(at, capacity), None).await })
        })
        .collect();
    let (mut won, mut full) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => won += 1,
            Err(BookError::Full) => full += 1,
            Err(e) => panic!("a racer got neither a seat nor Full: {e}"),
        }
    }
    (won, full)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_bookings_of_a_one_seat_slot_give_exactly_one_booking() {
    let (_d, s) = store().await;
    let (won, full) = race(&s, 50, 1).await;
    assert_eq!((won, full), (1, 49));
    assert_eq!(s.booked_counts("pitstop", "afklarende").await.unwrap().get(&start(3)), Some(&1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_three_seat_slot_takes_exactly_three() {
    let (_d, s) = store().await;
    assert_eq!(race(&s, 40, 3).await, (3, 37));
}

#[tokio::test]
async fn a_token_sees_its_booking_and_another_token_sees_nothing() {
    let (_d, s) = store().await;
    let token = Token::generate();
    let booked = s.book(&token, Some(CITIZEN), &slot(start(2), 1), None).await.unwrap();
    let mine = s.bookings(&token).await.unwrap().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].label, booked.label);
    assert_eq!(mine[0].starts_at, start(2));
    assert_eq!(s.bookings(&Token::generate()).await.unwrap(), None);
    // Typed differently, the same token.
    let typed = Token::parse(&token.grouped().to_lowercase()).unwrap();
    assert_eq!(s.bookings(&typed).await.unwrap().unwrap().len(), 1);
}

#[tokio::test]
async fn cancelling_frees_the_seat_and_only_the_owner_can_cancel() {
    let (_d, s) = store().await;
    let owner = Token::generate();
    let b = s.book(&owner, Some(CITIZEN), &slot(start(2), 1), None).await.unwrap();
    assert!(!s.cancel(&Token::generate(), b.booking_id).await.unwrap(), "a stranger cannot cancel");
    assert!(matches!(s.book(&Token::generate(), Some(CITIZEN), &slot(start(2), 1), None).await, Err(BookError::Full)));
    assert!(s.cancel(&owner, b.booking_id).await.unwrap());
    assert!(!s.cancel(&owner, b.booking_id).await.unwrap(), "twice is a no-op");
    assert_eq!(s.bookings(&owner).await.unwrap().unwrap(), vec![]);
    s.book(&Token::generate(), Some(CITIZEN), &slot(start(2), 1), None).await.expect("the seat is free again");
}

#[tokio::test]
async fn moving_takes_the_new_seat_frees_the_old_and_keeps_the_label() {
    let (_d, s) = store().await;
    let owner = Token::generate();
    let b = s.book(&owner, Some(CITIZEN), &slot(start(2), 1), None).await.unwrap();
    let moved = s.move_booking(&owner, b.booking_id, &slot(start(4), 1)).await.unwrap();
    assert_eq!(moved.label, b.label);
    let mine = s.bookings(&owner).await.unwrap().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].starts_at, start(4));
    s.book(&Token::generate(), Some(CITIZEN), &slot(start(2), 1), None).await.expect("the old seat is free");
}

#[tokio::test]
async fn moving_to_a_full_slot_changes_nothing() {
    let (_d, s) = store().await;
    let owner = Token::generate();
    let b = s.book(&owner, Some(CITIZEN), &slot(start(2), 1), None).await.unwrap();
    s.book(&Token::generate(), Some(CITIZEN), &slot(start(5), 1), None).await.unwrap();
    assert!(matches!(s.move_booking(&owner, b.booking_id, &slot(start(5), 1)).await, Err(BookError::Full)));
    let mine = s.bookings(&owner).await.unwrap().unwrap();
    assert_eq!((mine[0].starts_at, mine[0].label.clone()), (start(2), b.label));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_bookings_on_a_token_with_four_used_make_exactly_one_more() {
    let (_d, s) = store().await;
    let token = Token::generate();
    s.book(&token, Some(RELATIVE), &slot(start(1), 5), Some(5)).await.unwrap();
    for day in 2..=4 {
        s.book(&token, None, &slot(start(day), 5), Some(5)).await.unwrap();
    }
    let s = Arc::new(s);
    let tasks: Vec<_> = (10..30)
        .map(|day| {
            let (s, token) = (s.clone(), token.clone());
            tokio::spawn(async move { s.book(&token, None, &slot(start(day), 5), Some(5)).await })
        })
        .collect();
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => won += 1,
            Err(BookError::QuotaReached { used: 5, max: 5 }) => {}
            Err(e) => panic!("unexpected: {e}"),
        }
    }
    assert_eq!(won, 1);
    assert_eq!(s.bookings(&token).await.unwrap().unwrap().len(), 5);
}

#[tokio::test]
async fn a_cancelled_talk_does_not_count_against_the_quota() {
    let (_d, s) = store().await;
    let token = Token::generate();
    let first = s.book(&token, Some(RELATIVE), &slot(start(1), 5), Some(2)).await.unwrap();
    s.book(&token, None, &slot(start(2), 5), Some(2)).await.unwrap();
    assert!(matches!(s.book(&token, None, &slot(start(3), 5), Some(2)).await, Err(BookError::QuotaReached { .. })));
    assert!(s.cancel(&token, first.booking_id).await.unwrap());
    s.book(&token, None, &slot(start(3), 5), Some(2)).await.expect("a cancelled talk frees its place");
}

#[tokio::test]
async fn an_unknown_token_cannot_book_a_follow_up_talk() {
    let (_d, s) = store().await;
    assert!(matches!(s.book(&Token::generate(), None, &slot(start(1), 1), Some(5)).await, Err(BookError::UnknownToken)));
    // A refused new holder leaves nothing behind.
    let t = Token::generate();
    s.book(&Token::generate(), Some(CITIZEN), &slot(start(1), 1), None).await.unwrap();
    assert!(matches!(s.book(&t, Some(CITIZEN), &slot(start(1), 1), None).await, Err(BookError::Full)));
    assert_eq!(s.bookings(&t).await.unwrap(), None, "the holder of a failed booking was rolled back");
}

#[tokio::test]
async fn the_raw_store_file_holds_no_plain_token_or_label_in_clear_hash_form() {
    // The files of either engine: SQLite's database and log, or PostgreSQL's tables and indexes.
    let dir = tempfile::tempdir().unwrap();
    let postgres = if common::on_postgres() { Some(common::empty_postgres().await) } else { None };
    let secret = TokenSecret::from_bytes([3; 32]);
    let s = match &postgres {
        Some(url) => AnonStore::connect(url, secret).await.unwrap(),
        None => AnonStore::open(dir.path(), secret).await.unwrap(),
    };
    let token = Token::generate();
    s.book(&token, Some(CITIZEN), &slot(start(1), 1), None).await.unwrap();
    s.close().await;
    let bytes = common::stored_bytes(dir.path(), AnonStore::FILE_NAME, postgres.as_deref()).await;
    assert!(bytes.len() > 4096, "the scan read the store's files");
    let hay = String::from_utf8_lossy(&bytes);
    assert!(!hay.contains(token.canonical()), "plain token on disk");
    assert!(!hay.contains(&token.grouped()), "grouped token on disk");
}

#[tokio::test]
async fn a_booking_in_an_extra_slot_keeps_that_slots_length() {
    let (_dir, s) = store().await;
    let token = Token::generate();
    let extra = app::domain::slots::ExtraSlot { starts_at: start(3) + Duration::minutes(5), talk_minutes: 20, capacity: 1 };
    assert!(s.add_extra_slot("pitstop", "afklarende", &extra).await.unwrap());
    s.book(&token, Some(CITIZEN), &slot(extra.starts_at, 1), None).await.unwrap();
    s.book(&token, None, &slot(start(4), 1), None).await.unwrap();
    let lengths: Vec<Option<u32>> = s.bookings(&token).await.unwrap().unwrap().iter().map(|b| b.extra_minutes).collect();
    assert_eq!(lengths, [Some(20), None], "the extra slot's 20 minutes; a weekly slot's length comes from its rule");
}
