//! A form body over its form's limit (issue 36): the form's own page, a Danish error at the field
//! that is too long, status 413, nothing stored, and the fields that came whole kept. The limit
//! is each form's own (`server::form_guard`), from its fields: a message of 2,000 four-byte
//! characters fits; one byte more than the limit does not.

mod common;

use app::domain::staff::Role;
use app::store::StaffScope;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use server::form_guard::FormLimit;
use std::net::SocketAddr;
use std::path::Path;
use tower::ServiceExt;

const CLIENT: &str = "192.0.2.60:40000";

async fn post_raw(app: &axum::Router, uri: &str, body: Vec<u8>, cookie: Option<&str>) -> (StatusCode, String) {
    let mut req = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len());
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie).header(header::ORIGIN, "http://localhost").header(header::HOST, "localhost");
    }
    let peer: SocketAddr = CLIENT.parse().unwrap();
    let res = app.clone().layer(MockConnectInfo(peer)).oneshot(req.body(Body::from(body)).unwrap()).await.unwrap();
    let status = res.status();
    (status, String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string())
}

/// Every row of every table in the three SQLite stores, counted.
async fn rows(data: &Path) -> Vec<(String, i64)> {
    use sqlx::{Connection, Row};
    let mut out = Vec::new();
    for file in ["anonymous.sqlite", "cases.sqlite", "staff.sqlite"] {
        let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}?mode=ro", data.join(file).display())).await.unwrap();
        let tables: Vec<String> = sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_all(&mut db)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for table in tables {
            let n: i64 = sqlx::query(&format!("SELECT count(*) FROM \"{table}\"")).fetch_one(&mut db).await.unwrap().get(0);
            out.push((format!("{file}:{table}"), n));
        }
        db.close().await.unwrap();
    }
    out
}

/// A body of exactly `len` bytes: `fields`, then `long=` filled with `a`.
fn body_of(len: usize, fields: &str, long: &str) -> Vec<u8> {
    let head = format!("{fields}&{long}=");
    assert!(len > head.len());
    let mut body = head.into_bytes();
    body.resize(len, b'a');
    body
}

#[tokio::test]
async fn a_message_over_the_limit_says_so_at_the_field_and_keeps_the_rest() {
    if common::on_postgres() {
        return; // reads SQLite's files; the limit is the same on both engines
    }
    let (stores, data) = common::stores().await;
    let app = common::router(stores);
    let limit = server::anonymous_forms::WRITE_FORM.bytes();
    let fields = "handling=send&sted=pitstop&om=paaroerende";
    let before = rows(data.path()).await;

    // At the limit and one under: read whole; the message's own check says it is too long.
    for len in [limit - 1, limit] {
        let (status, page) = post_raw(&app, "/vallensbaek/skriv", body_of(len, fields, "besked"), None).await;
        assert_eq!(status, StatusCode::OK, "{len} bytes");
        assert!(page.contains("Beskeden er for lang: højst 2.000 tegn"), "{len} bytes:\n{page}");
    }
    // One over, a megabyte, ten: 413, the same error at the field, the other fields kept.
    for len in [limit + 1, 1 << 20, 10 << 20] {
        let (status, page) = post_raw(&app, "/vallensbaek/skriv", body_of(len, fields, "besked"), None).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{len} bytes");
        assert!(page.contains("Beskeden er for lang: højst 2.000 tegn"), "{len} bytes:\n{page}");
        assert!(page.contains("value=\"paaroerende\" checked"), "the choice made is kept ({len} bytes)");
        assert!(!page.contains("Skriv din kode"), "not the read-my-messages page");
    }
    assert_eq!(rows(data.path()).await, before, "nothing stored");
}

#[tokio::test]
async fn the_widest_message_that_is_allowed_fits_the_limit() {
    let (stores, _data) = common::stores().await;
    let app = common::router(stores);
    let widest = "😀".repeat(app::domain::message::MAX_CHARS);
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("handling", "send"), ("sted", "pitstop"), ("om", "mig-selv"), ("besked", widest.as_str())])
        .finish();
    // Every byte of every character percent-encoded, as the widest browser encoding does.
    let body: String = body.replace("%F0%9F%98%80", "%F0%9F%98%80");
    assert!(body.len() <= server::anonymous_forms::WRITE_FORM.bytes());
    let (status, page) = post_raw(&app, "/vallensbaek/skriv", body.into_bytes(), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("for lang"), "2,000 characters are allowed:\n{page}");
}

/// Every form route: one byte over its limit, a megabyte and ten answer 413 with an HTML page in
/// Danish, and nothing is stored.
#[tokio::test]
async fn every_form_refuses_an_oversized_body_with_its_page_and_stores_nothing() {
    if common::on_postgres() {
        return; // reads SQLite's files
    }
    let (stores, data) = common::stores().await;
    let scope = StaffScope { kommune: "vallensbaek".into(), sites: vec![] };
    stores.staff.create_account("stor", "en lang og god adgangskode", Role::Admin, &scope).await.unwrap();
    let session = stores.staff.sign_in("stor", "en lang og god adgangskode", app::clock::now()).await.unwrap().unwrap();
    let cookie = format!("rmp_personale={}", session.cookie_value);
    let csrf = format!("csrf={}", session.access.csrf);
    let app = common::router(stores);
    let before = rows(data.path()).await;
    let routes: [(&str, FormLimit, String, &str); 14] = [
        ("/vallensbaek/book", server::anonymous_forms::BOOK_FORM, "trin=book&samtale=fremmoede".into(), "titel"),
        ("/vallensbaek/paaroerende", server::anonymous_forms::BOOK_FORM, "trin=book".into(), "kode"),
        ("/vallensbaek/raadgivning", server::anonymous_forms::BOOK_FORM, "trin=book".into(), "kode"),
        ("/vallensbaek/evaluering", server::anonymous_forms::EVALUATION_FORM, "handling=aabn".into(), "kode"),
        ("/vallensbaek/henvendelse", server::case_forms::REQUEST_FORM, "telefon=22334455&samtykke=ja".into(), "navn"),
        ("/min-aftale", server::anonymous_forms::MANAGE_FORM, "handling=vis".into(), "kode"),
        ("/min-aftale/kalender", server::anonymous_forms::MANAGE_FORM, "handling=vis".into(), "kode"),
        ("/personale/log-ind", server::staff_forms::SIGN_IN_FORM, "brugernavn=stor".into(), "adgangskode"),
        ("/personale/kalender", server::staff_forms::CALENDAR_FORM, csrf.clone(), "dato"),
        ("/personale/aabningstider", server::staff_forms::OPENING_FORM, format!("{csrf}&sted=pitstop&samtale=fremmoede"), "lukket"),
        ("/personale/konti", server::staff_forms::ACCOUNTS_FORM, format!("{csrf}&handling=opret&rolle=admin"), "brugernavn"),
        ("/personale/evaluering", server::staff_forms::CODES_FORM, csrf.clone(), "antal"),
        ("/personale/beskeder", server::staff_forms::INBOX_FORM, format!("{csrf}&handling=svar"), "svar"),
        ("/personale/sager", server::case_forms::CASES_FORM, csrf.clone(), "reference"),
    ];
    for (uri, limit, fields, long) in routes {
        for len in [limit.bytes() + 1, 1 << 20, 10 << 20] {
            let staff = uri.starts_with("/personale").then_some(cookie.as_str());
            let (status, page) = post_raw(&app, uri, body_of(len, &fields, long), staff).await;
            assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}, {len} bytes:\n{page}");
            assert!(page.starts_with("<!DOCTYPE html>") && page.contains("lang=\"da\""), "{uri}: the form's page, in Danish");
        }
    }
    assert_eq!(rows(data.path()).await, before, "nothing stored");
}
