//! Behind a reverse proxy: the limits count each citizen by the address the trusted proxy names,
//! a header written by anyone else changes nothing, and the proxy can ask whether an instance is
//! alive and ready. (The origin check with a public origin: `staff_forms.rs`' unit tests; the
//! header rules one by one: `proxy.rs`.)

mod common;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use common::{escaped, get};
use http_body_util::BodyExt;
use server::proxy::TrustedProxies;
use std::net::SocketAddr;
use tower::ServiceExt;

/// A code lookup on `/min-aftale` from `peer`, with `forwarded` as `X-Forwarded-For`: whether
/// the limit refused it.
async fn refused(app: &axum::Router, peer: &str, forwarded: &str) -> bool {
    let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
    let req = Request::builder()
        .method("POST")
        .uri("/min-aftale")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded)
        .body(Body::from("kode=ABCD-EFGH-JKMN-PQRS-TVWX"))
        .unwrap();
    let res = app.clone().layer(MockConnectInfo(peer)).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string();
    page.contains(&escaped(app::text::t::MANAGE_THROTTLED))
}

fn app_behind(stores: server::Stores, attempts: u32) -> axum::Router {
    let mut limits = common::limits();
    limits.guesses = std::sync::Arc::new(server::throttle::WindowLimit::per_hour(attempts));
    limits.proxies = TrustedProxies::parse("127.0.0.1").unwrap();
    common::router_with(stores, limits)
}

#[tokio::test]
async fn each_citizen_behind_the_proxy_has_a_budget_of_their_own() {
    let (stores, _data) = common::stores().await;
    let app = app_behind(stores, 2);
    assert!(!refused(&app, "127.0.0.1", "203.0.113.1").await);
    assert!(!refused(&app, "127.0.0.1", "203.0.113.1").await);
    assert!(refused(&app, "127.0.0.1", "203.0.113.1").await, "the third guess within the hour is refused");
    assert!(!refused(&app, "127.0.0.1", "203.0.113.2").await, "another citizen behind the same proxy keeps their budget");
    // The client's own entry, left of what the proxy appended, is not believed.
    assert!(refused(&app, "127.0.0.1", "192.0.2.99, 203.0.113.1").await);
}

#[tokio::test]
async fn a_forged_header_from_outside_the_proxy_changes_nothing() {
    let (stores, _data) = common::stores().await;
    let app = app_behind(stores, 2);
    assert!(!refused(&app, "198.51.100.7", "203.0.113.10").await);
    assert!(!refused(&app, "198.51.100.7", "203.0.113.11").await);
    assert!(refused(&app, "198.51.100.7", "203.0.113.12").await, "a new forged address each time is still one client");
}

#[tokio::test]
async fn the_proxy_can_ask_whether_an_instance_is_alive_and_ready() {
    let (stores, _data) = common::stores().await;
    let app = common::router(stores.clone());
    assert_eq!(get(&app, server::health::LIVE_PATH).await, (StatusCode::OK, "ok\n".to_string()));
    assert_eq!(get(&app, server::health::READY_PATH).await, (StatusCode::OK, "klar\n".to_string()));
    // A store that no longer answers: not ready, and nothing said about why.
    stores.case.close().await;
    assert_eq!(get(&app, server::health::READY_PATH).await, (StatusCode::SERVICE_UNAVAILABLE, "ikke klar\n".to_string()));
    assert_eq!(get(&app, server::health::LIVE_PATH).await.0, StatusCode::OK);
}
