//! Every page where a person books a talk or asks for treatment says who may use it and that the
//! staff must notify the municipality about a child who is not well (Serviceloven § 153), each
//! with its citation, before the first choice: nobody learns a condition after they have talked.
//! What each municipality says is content (`booking.toml`, `[before_talking.<kommune>]`).

mod common;

use app::content::{content, CitedText};
use axum::http::StatusCode;
use common::{app, escaped, get};

/// Where the page first asks the person to choose: a kind of talk, a time, or the request form.
fn first_choice(page: &str) -> usize {
    ["kind-link", "class=\"slot-form\"", "id=\"hours-pending\"", "class=\"request-form\""]
        .iter()
        .filter_map(|marker| page.find(marker))
        .min()
        .unwrap_or(page.len())
}

/// Asserts that `page` says `fact` before its first choice, and cites it right after.
fn said_before_choosing(uri: &str, page: &str, fact: &CitedText) {
    let text = escaped(&fact.text);
    let at = page.find(&text).unwrap_or_else(|| panic!("{uri} does not say {:?}", fact.text));
    assert!(at < first_choice(page), "{uri} says {:?} only after the first choice", fact.text);
    let citation: String = page[at + text.len()..].chars().take(600).collect();
    assert!(
        citation.contains("class=\"citation\"") && citation.contains(&format!("/standarder/{}", fact.source.doc_id)),
        "{uri}: {:?} without its citation",
        fact.text
    );
}

/// The page at `uri`, which must answer 200.
async fn fetch(app: &axum::Router, uri: &str) -> String {
    let (status, page) = get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}");
    page
}

#[tokio::test]
async fn every_booking_and_request_page_says_who_may_use_it_and_the_duty_to_notify_first() {
    let (app, _data) = app().await;
    let mut pages = 0;
    for &k in app::content::kommuner() {
        let duty = &content().duty_to_notify(k).fact;
        let who_may_book = &content().who_may_book(k).fact;
        let offers = content().kommune(k);

        let uri = format!("/{}/book", k.slug());
        let page = fetch(&app, &uri).await;
        said_before_choosing(&uri, &page, who_may_book);
        said_before_choosing(&uri, &page, duty);
        pages += 1;

        if offers.counselling_max.is_some() {
            let uri = format!("/{}/raadgivning", k.slug());
            let page = fetch(&app, &uri).await;
            said_before_choosing(&uri, &page, who_may_book);
            said_before_choosing(&uri, &page, duty);
            pages += 1;
        }
        if offers.relatives_max.is_some() {
            let uri = format!("/{}/paaroerende", k.slug());
            let page = fetch(&app, &uri).await;
            said_before_choosing(&uri, &page, duty);
            pages += 1;
        }

        let uri = format!("/{}/henvendelse", k.slug());
        let page = fetch(&app, &uri).await;
        let who_may_request = content().who_may_request(k);
        assert!(!who_may_request.is_empty(), "{uri}: no rule on who may ask");
        for rule in who_may_request {
            said_before_choosing(&uri, &page, &rule.fact);
        }
        said_before_choosing(&uri, &page, duty);
        pages += 1;
    }
    // Four municipalities: each has booking and request; three have relatives' talks, and
    // counselling series where their standards give a number of talks.
    assert!(pages >= 4 * 2 + 3, "only {pages} pages checked");
}

/// The duty to notify is a rule about children, where the content says so: the loader refuses
/// another topic, so a municipality cannot name the wrong rule by mistake.
#[test]
fn the_duty_to_notify_is_each_municipalitys_rule_about_children() {
    for &k in app::content::kommuner() {
        let rule = content().duty_to_notify(k);
        assert_eq!(rule.topic, app::domain::rights::Topic::Children, "{}", k.slug());
        assert!(rule.fact.text.contains("underret"), "{}: {}", k.slug(), rule.fact.text);
    }
}
