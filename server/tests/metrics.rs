//! `/metrics` (issue 39, item 4): after a booking, a refused booking, a message and a limit's
//! refusal, the scrape carries each figure, and no label holds a token, a label, a reference, an
//! address, a municipality's path or anything typed.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{get, post, receipt_code, times};
use http_body_util::BodyExt;
use std::collections::BTreeSet;
use tower::ServiceExt;

const CITIZEN: &str = "203.0.113.77:40000";
const MESSAGE: &str = "Jeg drikker for meget og vil gerne tale med nogen om det";

async fn scrape(stores: &server::Stores) -> String {
    let metrics = server::metrics::routes(server::metrics::Scraped { stores: stores.clone(), limits: None });
    let res = metrics.oneshot(Request::builder().uri(server::metrics::METRICS_PATH).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let kind = res.headers()[header::CONTENT_TYPE].to_str().unwrap().to_string();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

/// The value of the sample whose name and labels are exactly `sample` (`name{a="b"}`).
fn value(text: &str, sample: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(sample)?.strip_prefix(' ')?.split(' ').next()?.parse().ok())
}

/// Every label value in the exposition.
fn label_values(text: &str) -> BTreeSet<String> {
    let mut values = BTreeSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some(open) = line.find('{') else { continue };
        let close = line.rfind('}').unwrap();
        for pair in line[open + 1..close].split("\",") {
            let (_, v) = pair.split_once("=\"").unwrap_or_else(|| panic!("a label without a value: {line}"));
            values.insert(v.trim_end_matches('"').to_string());
        }
    }
    values
}

#[tokio::test]
async fn the_scrape_counts_what_happened_and_no_label_identifies_anyone() {
    let (stores, _data) = common::stores().await;
    let mut limits = common::limits();
    // One wrong code a citizen may type an hour: the second is a limit refusal.
    limits.guesses = std::sync::Arc::new(server::throttle::WindowLimit::per_hour(1));
    let app = common::router_with(stores.clone(), limits);
    let before = scrape(&stores).await;
    let made_before = value(&before, "rmp_bookings_total{purpose=\"clarifying\"}").unwrap_or(0.0);

    // A booking, with its code and label.
    let (_, page) = get(&app, "/ishoj/book?samtale=fremmoede").await;
    let free = times(&page);
    let (_, receipt) = post(&app, CITIZEN, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", &free[0]), ("trin", "book")]).await;
    let code = receipt_code(&receipt);
    // The same seat again, by a time no longer offered: refused (one seat at Pitstop's walk-in hour
    // or not, a time in the past is refused whatever the capacity).
    let (_, refused) = post(&app, CITIZEN, "/ishoj/book", &[("samtale", "fremmoede"), ("tid", "2026-11-30T07:00:00+00:00"), ("trin", "book")]).await;
    assert!(!refused.contains("id=\"token\""), "a past time is not booked");
    // A message, and two wrong codes on the manage page.
    let (status, written) = post(&app, CITIZEN, "/vallensbaek/skriv", &[("handling", "send"), ("sted", "pitstop"), ("om", "mig-selv"), ("besked", MESSAGE)]).await;
    assert_eq!(status, StatusCode::OK, "{written}");
    for _ in 0..2 {
        post(&app, CITIZEN, "/min-aftale", &[("kode", "ABCD-EFGH-JKMN-PQRS-TVWX")]).await;
    }

    let text = scrape(&stores).await;
    assert!(text.trim_end().ends_with("# EOF"), "the whole exposition:\n{text}");
    assert!(value(&text, "rmp_bookings_total{purpose=\"clarifying\"}").unwrap() >= made_before + 1.0, "{text}");
    assert!(value(&text, "rmp_bookings_refused_total{purpose=\"clarifying\",reason=\"in_past\"}").unwrap() >= 1.0, "{text}");
    assert!(value(&text, "rmp_limit_refusals_total{limit=\"guesses\"}").unwrap() >= 1.0, "{text}");
    assert!(value(&text, "rmp_http_requests_total{route=\"/{kommune}/book\",status=\"2xx\"}").unwrap() >= 2.0, "{text}");
    assert!(value(&text, "rmp_http_requests_total{route=\"/{kommune}/skriv\",status=\"2xx\"}").unwrap() >= 1.0, "{text}");
    assert!(value(&text, "rmp_http_request_duration_seconds_count{route=\"/{kommune}/book\"}").unwrap() >= 3.0, "{text}");
    assert!(text.lines().any(|l| l.starts_with("rmp_http_request_duration_seconds_bucket{") && l.contains("route=\"/{kommune}/book\"") && l.contains("le=\"0.001\"")), "{text}");
    for store in ["anon", "case", "staff"] {
        for state in ["in_use", "idle"] {
            assert!(value(&text, &format!("rmp_store_pool_connections{{store=\"{store}\",state=\"{state}\"}}")).is_some(), "{store} {state}:\n{text}");
        }
    }

    // What the citizen typed or was given, and where from, is nowhere in it.
    let label = common::element_text(&receipt, "label");
    let mut secrets = vec![code.clone(), code.replace('-', ""), MESSAGE.to_string(), "203.0.113".to_string(), "ishoj".to_string(), "vallensbaek".to_string(), "ABCD".to_string()];
    secrets.extend(label);
    for secret in &secrets {
        assert!(!text.contains(secret.as_str()), "{secret:?} is in the metrics:\n{text}");
    }
    // And every label value is a word of the code's own: lower-case words, a status class, a
    // bucket bound, or a route pattern.
    let allowed = regex_lite(&text);
    assert!(allowed.is_empty(), "label values that are no route pattern, word or bound: {allowed:?}");
}

/// Label values that are none of: a route pattern (`/…` with `{kommune}`-style parameters, or
/// `(other)`), a lower-case word, a status class (`2xx`), a bucket bound.
fn regex_lite(text: &str) -> Vec<String> {
    label_values(text)
        .into_iter()
        .filter(|v| {
            let word = !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            let class = v.len() == 3 && v.ends_with("xx") && v.starts_with(|c: char| c.is_ascii_digit());
            let bound = v == "+Inf" || v.parse::<f64>().is_ok();
            let pattern = v == "(other)"
                || (v.starts_with('/')
                    && v.split('/').skip(1).all(|seg| {
                        seg.is_empty()
                            || seg == "*"
                            || (seg.starts_with('{') && seg.ends_with('}'))
                            || seg.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '.')
                    }));
            !(word || class || bound || pattern)
        })
        .collect()
}

#[tokio::test]
async fn the_portals_routes_do_not_answer_metrics() {
    let (app, _data) = common::app().await;
    let (status, page) = get(&app, server::metrics::METRICS_PATH).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("rmp_http_requests"), "the citizens' port shows no metrics");
}
