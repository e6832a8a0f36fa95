//! A relative's anonymous talks through the page logic: the first talk issues a token, the same
//! token books the next ones, the count is shown, and the talk after the cap is refused with what
//! the municipality's standard says comes next.

use app::api::anonymous::logic::{relatives_page, relatives_post};
use app::api::anonymous::{BookPage, BookStep};
use app::store::{AnonStore, TokenSecret};
use std::collections::HashMap;

mod common;

async fn store() -> (tempfile::TempDir, AnonStore) {
    common::set_the_clock();
    let dir = tempfile::tempdir().unwrap();
    let store = common::anon_store(dir.path(), TokenSecret::from_bytes([9; 32])).await;
    (dir, store)
}

fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The free times the page offers, in order.
fn times(p: &BookPage) -> Vec<String> {
    p.days.iter().flat_map(|d| d.slots.iter().map(|s| s.value.clone())).collect()
}

async fn book(store: &AnonStore, kommune: &str, code: Option<&str>, time: &str) -> BookPage {
    let mut f = vec![("samtale", "paaroerende"), ("tid", time), ("trin", "book")];
    if let Some(c) = code {
        f.push(("kode", c));
    }
    relatives_post(store, kommune, &form(&f)).await.unwrap()
}

#[tokio::test]
async fn five_talks_on_one_token_and_the_sixth_is_refused_with_what_comes_next() {
    let (_dir, store) = store().await;
    let first = relatives_page(&store, "ishoj", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    assert_eq!(first.relatives.as_ref().unwrap().max, 5, "Ishøj: up to 5 (ishoj-vallensbaek-2020, Pårørende)");
    assert_eq!(first.chosen.as_ref().map(|k| k.id.as_str()), Some("paaroerende"), "one kind of talk: chosen for them");
    let free = times(&first);
    assert!(free.len() >= 6, "enough example times to book six");

    let receipt = book(&store, "ishoj", None, &free[0]).await;
    let BookStep::Receipt { token, new_token: true, .. } = receipt.step.clone() else { panic!("{:?}", receipt.step) };
    assert_eq!(receipt.relatives.as_ref().unwrap().used, Some(1));

    for (i, time) in free[1..5].iter().enumerate() {
        let next = book(&store, "ishoj", Some(&token), time).await;
        assert!(matches!(next.step, BookStep::Receipt { new_token: false, .. }), "talk {}: {:?}", i + 2, next.step);
        assert_eq!(next.relatives.as_ref().unwrap().used, Some(i as u32 + 2));
    }

    // Typing the token shows the count and no more times to book.
    let shown = relatives_post(&store, "ishoj", &form(&[("handling", "kode"), ("kode", &token)])).await.unwrap();
    assert_eq!(shown.step, BookStep::QuotaReached);
    let sixth = book(&store, "ishoj", Some(&token), &free[5]).await;
    assert_eq!(sixth.step, BookStep::QuotaReached);
    let r = sixth.relatives.unwrap();
    assert_eq!(r.used, Some(5));
    let after = r.after.expect("Ishøj's standard says what comes after");
    assert!(after.text.contains("pårørendeforløb") && after.text.contains("ikke længere være anonym"), "{}", after.text);
    assert_eq!(after.source.doc_id, "ishoj-vallensbaek-2020");
    assert_eq!(after.source.section, "Pårørende");
}

#[tokio::test]
async fn a_cancelled_talk_gives_its_place_back() {
    let (_dir, store) = store().await;
    let first = relatives_page(&store, "odsherred", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    let free = times(&first);
    let receipt = book(&store, "odsherred", None, &free[0]).await;
    let BookStep::Receipt { token, booking_id, .. } = receipt.step else { panic!() };
    let parsed = app::domain::token::Token::parse(&token).unwrap();
    assert!(store.cancel(&parsed, booking_id).await.unwrap());
    let shown = relatives_post(&store, "odsherred", &form(&[("handling", "kode"), ("kode", &token)])).await.unwrap();
    assert_eq!(shown.relatives.unwrap().used, Some(0));
}

#[tokio::test]
async fn a_token_from_elsewhere_or_for_another_purpose_is_not_accepted() {
    let (_dir, store) = store().await;
    let ishoj = relatives_page(&store, "ishoj", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    let receipt = book(&store, "ishoj", None, &times(&ishoj)[0]).await;
    let BookStep::Receipt { token, .. } = receipt.step else { panic!() };
    // Ishøj's relative token on Odsherred's page: refused with the neutral message.
    let elsewhere = relatives_post(&store, "odsherred", &form(&[("handling", "kode"), ("kode", &token)])).await.unwrap();
    assert!(elsewhere.relatives.unwrap().code_error.unwrap().contains("Vi kan ikke finde"));
    // A malformed code gets the token parser's Danish message.
    let bad = relatives_post(&store, "ishoj", &form(&[("handling", "kode"), ("kode", "ABC")])).await.unwrap();
    assert!(bad.relatives.unwrap().code_error.is_some());
    // A clarifying talk cannot be booked through the relatives' page, nor the other way round.
    let wrong_kind = relatives_post(&store, "ishoj", &form(&[("samtale", "fremmoede"), ("tid", &times(&ishoj)[1]), ("trin", "book")])).await.unwrap();
    assert!(matches!(wrong_kind.step, BookStep::Choose { error: Some(_) }));
}

#[tokio::test]
async fn thisted_offers_no_anonymous_talks_for_relatives_and_says_so() {
    let (_dir, store) = store().await;
    let p = relatives_page(&store, "thisted", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    assert!(p.kinds.is_empty() && p.days.is_empty());
    assert!(!p.relatives.unwrap().facts.is_empty(), "Thisted's rule for relatives is still shown");
    let booked = relatives_post(&store, "thisted", &form(&[("samtale", "paaroerende"), ("trin", "book")])).await.unwrap();
    assert!(matches!(booked.step, BookStep::Choose { .. }));
}

#[tokio::test]
async fn the_clarifying_booking_page_does_not_offer_relatives_talks() {
    let (_dir, store) = store().await;
    let p = app::api::anonymous::logic::book_page(&store, "ishoj", None, BookStep::Choose { error: None }).await.unwrap();
    assert!(p.kinds.iter().all(|k| k.id != "paaroerende"));
    assert_eq!(p.path, "/ishoj/book");
}

// A citizen's anonymous counselling series (/{kommune}/raadgivning): the same machinery, its
// own cap from `[params.anonymous_talks]`, its own tokens.

use app::api::anonymous::logic::{series_page, series_post};
use app::api::anonymous::Series;

async fn counsel(store: &AnonStore, kommune: &str, code: Option<&str>, time: &str) -> BookPage {
    let mut f = vec![("samtale", "raadgivning"), ("tid", time), ("trin", "book")];
    if let Some(c) = code {
        f.push(("kode", c));
    }
    series_post(store, Series::Counselling, kommune, &form(&f)).await.unwrap()
}

#[tokio::test]
async fn odsherreds_counselling_series_is_capped_at_five_and_the_sixth_says_what_comes_next() {
    let (_dir, store) = store().await;
    let first = series_page(&store, Series::Counselling, "odsherred", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    assert_eq!(first.path, "/odsherred/raadgivning");
    let info = first.relatives.clone().unwrap();
    assert_eq!((info.series, info.max), (Series::Counselling, 5), "odsherred-2025: 1-5 anonyme rådgivende samtaler");
    assert!(info.facts.iter().any(|f| f.text.contains("1–5 anonyme rådgivende samtaler") && f.source.section == "Mulighed for anonymitet"));
    assert_eq!(first.kinds.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), ["raadgivning"]);
    let free = times(&first);
    assert!(free.len() >= 6);

    let receipt = counsel(&store, "odsherred", None, &free[0]).await;
    let BookStep::Receipt { token, new_token: true, .. } = receipt.step.clone() else { panic!("{:?}", receipt.step) };
    for time in &free[1..5] {
        assert!(matches!(counsel(&store, "odsherred", Some(&token), time).await.step, BookStep::Receipt { new_token: false, .. }));
    }
    let sixth = counsel(&store, "odsherred", Some(&token), &free[5]).await;
    assert_eq!(sixth.step, BookStep::QuotaReached);
    let r = sixth.relatives.unwrap();
    assert_eq!(r.used, Some(5));
    let after = r.after.expect("Odsherred: a treatment course within 14 days");
    assert!(after.text.contains("14 dage"), "{}", after.text);

    // The counselling token is not a relative's token, and the other way round.
    let as_relative = relatives_post(&store, "odsherred", &form(&[("handling", "kode"), ("kode", &token)])).await.unwrap();
    assert!(as_relative.relatives.unwrap().code_error.is_some());
}

#[tokio::test]
async fn ishoj_and_vallensbaek_share_pitstops_series_with_their_own_cited_cap() {
    let (_dir, store) = store().await;
    for (kommune, doc) in [("ishoj", "ishoj-2024"), ("vallensbaek", "ishoj-vallensbaek-2020")] {
        let p = series_page(&store, Series::Counselling, kommune, None, BookStep::Choose { error: None }, None, None).await.unwrap();
        let info = p.relatives.unwrap();
        assert_eq!(info.max, 5);
        let after = info.after.unwrap();
        assert!(after.text.contains("3–5 samtaler"), "{}", after.text);
        assert_eq!(after.source.doc_id, doc);
    }
}

#[tokio::test]
async fn thisted_names_no_counselling_series_and_the_booking_page_offers_none() {
    let (_dir, store) = store().await;
    let p = series_page(&store, Series::Counselling, "thisted", None, BookStep::Choose { error: None }, None, None).await.unwrap();
    assert!(p.kinds.is_empty() && p.days.is_empty());
    let booked = series_post(&store, Series::Counselling, "thisted", &form(&[("samtale", "raadgivning"), ("trin", "book")])).await.unwrap();
    assert!(matches!(booked.step, BookStep::Choose { .. }));
    for kommune in ["ishoj", "odsherred"] {
        let book = app::api::anonymous::logic::book_page(&store, kommune, None, BookStep::Choose { error: None }).await.unwrap();
        assert!(book.kinds.iter().all(|k| k.id != "raadgivning"), "{kommune}: counselling talks are booked on their own page");
    }
    assert_eq!(app::content::content().kommune(app::content::kommune_named("thisted")).counselling_max, None);
    assert_eq!(app::content::content().kommune(app::content::kommune_named("ishoj")).counselling_max, Some(5));
}
