//! What the server's integration tests share: the stores on a fresh data directory with the
//! content's opening hours, the router as `main.rs` builds it, and a plain GET.

#![allow(dead_code)] // each test binary uses its own part

use app::store::{AnonStore, CaseStore, StaffStore, TokenSecret};
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use server::{Limits, Stores};
use std::net::SocketAddr;
use tower::ServiceExt;

/// The instant every test's clock starts at: a Monday morning (the e2e server's, too).
pub const CLOCK_START: &str = "2026-11-30T09:00:00+01:00";

/// Starts the process's clock at [`CLOCK_START`]; the first test of a binary sets it.
pub fn start_clock() {
    let _ = app::clock::start_at(chrono::DateTime::parse_from_rfc3339(CLOCK_START).unwrap().to_utc());
}

/// Fresh stores, with each site's opening hours from the content (reviewed where the site's hours
/// are real, not examples): in a new data directory on SQLite, or in new schemas on PostgreSQL
/// when `RMP_TEST_ENGINE=postgres` (scripts/test.sh runs the integration suites a second time so).
pub async fn stores() -> (Stores, tempfile::TempDir) {
    start_clock();
    let data = tempfile::tempdir().unwrap();
    let stores = if on_postgres() {
        Stores {
            anon: AnonStore::connect(&empty_postgres().await, TokenSecret::from_bytes([7; 32])).await.unwrap(),
            case: CaseStore::connect(&empty_postgres().await).await.unwrap(),
            staff: StaffStore::connect(&empty_postgres().await).await.unwrap(),
        }
    } else {
        Stores {
            anon: AnonStore::open(data.path(), TokenSecret::from_bytes([7; 32])).await.unwrap(),
            case: CaseStore::open(data.path()).await.unwrap(),
            staff: StaffStore::open(data.path()).await.unwrap(),
        }
    };
    for site in app::api::staff::logic::sites() {
        for kind in &site.talks {
            stores.anon.seed_opening_hours(&site.id, &kind.id, &kind.hours, !site.example).await.unwrap();
        }
    }
    (stores, data)
}

/// Limits no test reaches, and no proxy in front.
pub fn limits() -> Limits {
    Limits {
        guesses: std::sync::Arc::new(server::throttle::WindowLimit::per_hour(100)),
        bookings: std::sync::Arc::new(server::throttle::WindowLimit::per_day(1000)),
        threads: std::sync::Arc::new(server::throttle::WindowLimit::per_day(1000)),
        shared_counts: None,
        sign_ins: std::sync::Arc::new(server::staff_forms::SignInLimit::new(100)),
        secure_cookies: false,
        proxies: server::proxy::TrustedProxies::default(),
        public_origin: None,
        accessibility_statement: None,
    }
}

/// The router over `stores` with `limits`.
pub fn router_with(stores: Stores, limits: Limits) -> axum::Router {
    let options = leptos::prelude::LeptosOptions::builder().output_name("rusmiddelportalen").build();
    server::router(options, stores, limits)
}

/// The router over `stores`, with [`limits`].
pub fn router(stores: Stores) -> axum::Router {
    router_with(stores, limits())
}

/// The router over fresh stores.
pub async fn app() -> (axum::Router, tempfile::TempDir) {
    let (stores, data) = stores().await;
    (router(stores), data)
}

/// GET `uri`: the status and the body as text.
pub async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let res = app.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    (status, String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string())
}

/// Text as a page's HTML carries it.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A form value percent-encoded (every byte but letters and digits, which is always safe).
pub fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// POSTs `fields` to `uri` as a browser's form from the client address `from` (staff forms with
/// the same-origin headers): the status and the page.
pub async fn post(app: &axum::Router, from: &str, uri: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    let peer: SocketAddr = from.parse().unwrap();
    let mut req = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.join("&")))
        .unwrap();
    if uri.starts_with("/personale") {
        req.headers_mut().insert(header::ORIGIN, "http://localhost".parse().unwrap());
        req.headers_mut().insert(header::HOST, "localhost".parse().unwrap());
    }
    let res = app.clone().layer(MockConnectInfo(peer)).oneshot(req).await.unwrap();
    let status = res.status();
    (status, String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string())
}

/// Every bookable time a booking page offers, in order (each a radio `name="tid" … value="…"`).
pub fn times(page: &str) -> Vec<String> {
    page.match_indices("name=\"tid\"")
        .filter_map(|(at, _)| {
            let tag = &page[at..at + page[at..].find('>')?];
            let v = tag.find("value=\"")? + "value=\"".len();
            Some(tag[v..v + tag[v..].find('"')?].to_string())
        })
        .collect()
}

/// The text of the element with `id` (its first text, up to the next tag).
pub fn element_text(page: &str, id: &str) -> Option<String> {
    let at = page.find(&format!("id=\"{id}\""))?;
    let text = at + page[at..].find('>')? + 1;
    Some(page[text..text + page[text..].find('<')?].to_string())
}

/// The code on a receipt.
pub fn receipt_code(page: &str) -> String {
    element_text(page, "token").unwrap_or_else(|| panic!("no receipt:\n{page}"))
}

/// A new, empty place on the test cluster (`RMP_TEST_POSTGRES`, started by scripts/postgres.sh):
/// the URL of a schema of its own in the tests' database. Fails, never skips, when no cluster runs.
pub async fn empty_postgres() -> String {
    use sqlx::Connection;
    let server = std::env::var("RMP_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!("RMP_TEST_POSTGRES is not set: this test needs PostgreSQL. scripts/test.sh starts one; by hand: source scripts/postgres.sh && pg_start")
    });
    // A schema, not a database: CREATE DATABASE copies the 7.5 MB template through the WAL, and
    // the 300 that tests/staff_scope.rs makes took 80 s of checkpoints; a schema takes a
    // millisecond. The stores' SQL names no schema, so `search_path` puts them in this one.
    let name = format!("t_{:016x}", rand::random::<u64>());
    let database = format!("{server}/{}", TEST_DATABASE);
    let mut admin = sqlx::PgConnection::connect(&database).await.expect("the test cluster answers");
    sqlx::query(&format!("CREATE SCHEMA {name}")).execute(&mut admin).await.unwrap();
    admin.close().await.unwrap();
    format!("{database}?options=-c%20search_path%3D{name}")
}

/// The database scripts/postgres.sh makes for the tests' schemas.
const TEST_DATABASE: &str = "rmp_tests";

/// Whether this run puts the stores on PostgreSQL (`RMP_TEST_ENGINE=postgres`).
pub fn on_postgres() -> bool {
    match std::env::var("RMP_TEST_ENGINE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Ok("") | Err(_) => false,
        Ok(other) => panic!("RMP_TEST_ENGINE={other:?}: write sqlite or postgres"),
    }
}
