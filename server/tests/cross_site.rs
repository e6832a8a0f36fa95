//! A citizen's form sent from another website is refused before anything is read (issue 36,
//! `server::form_guard`): 403, the form's page with a Danish line saying nothing was sent, and
//! nothing stored. The citizen's own browser (same origin, or no such header at all) is let
//! through.

mod common;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use std::net::SocketAddr;
use tower::ServiceExt;

const REFUSED: &str = "Formularen blev ikke sendt, fordi den kom fra en anden hjemmeside.";

async fn post_with(app: &axum::Router, uri: &str, body: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let mut req = Request::builder().method("POST").uri(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").header(header::HOST, "portal.example");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let peer: SocketAddr = "192.0.2.70:40000".parse().unwrap();
    let res = app.clone().layer(MockConnectInfo(peer)).oneshot(req.body(Body::from(body.to_string())).unwrap()).await.unwrap();
    let status = res.status();
    (status, String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string())
}

const MESSAGE: &str = "handling=send&sted=pitstop&om=mig-selv&besked=Er+det+anonymt%3F";

#[tokio::test]
async fn a_message_from_another_site_is_refused_and_nothing_is_opened() {
    let (stores, _data) = common::stores().await;
    let app = common::router(stores);
    for headers in [
        vec![("origin", "https://angriber.example")],
        vec![("origin", "null"), ("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
    ] {
        let (status, page) = post_with(&app, "/vallensbaek/skriv", MESSAGE, &headers).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(page.contains(REFUSED), "{headers:?}: the page says why:\n{page}");
        assert!(!page.contains("id=\"token\""), "{headers:?}: no thread was opened");
    }
    // The citizen's own browser: its own origin, `Sec-Fetch-Site: same-origin`, or neither header.
    for headers in [vec![("origin", "http://portal.example")], vec![("origin", "null"), ("sec-fetch-site", "same-origin")], vec![]] {
        let (status, page) = post_with(&app, "/vallensbaek/skriv", MESSAGE, &headers).await;
        assert_eq!(status, StatusCode::OK, "{headers:?}");
        assert!(page.contains("id=\"token\""), "{headers:?}: a thread was opened:\n{page}");
    }
}

#[tokio::test]
async fn every_citizen_form_refuses_another_site() {
    let (stores, _data) = common::stores().await;
    let app = common::router(stores);
    for uri in [
        "/ishoj/book",
        "/ishoj/paaroerende",
        "/ishoj/raadgivning",
        "/vallensbaek/evaluering",
        "/vallensbaek/skriv",
        "/ishoj/henvendelse",
        "/min-aftale",
        "/min-aftale/kalender",
    ] {
        let (status, page) = post_with(&app, uri, "kode=x", &[("origin", "https://angriber.example")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{uri}");
        assert!(page.contains(REFUSED), "{uri}:\n{page}");
    }
}
