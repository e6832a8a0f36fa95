//! The accessibility statement's short address (issue 39, item 7): `/was` and the footer's link
//! lead to the statement the deployment names on was.digst.dk (`RMP_WAS_URL`), and to the
//! portal's own where none is named.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

async fn location(app: &axum::Router) -> (StatusCode, String) {
    let res = app.clone().oneshot(Request::builder().uri("/was").body(Body::empty()).unwrap()).await.unwrap();
    (res.status(), res.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default())
}

#[tokio::test]
async fn without_a_setting_was_leads_to_the_portals_own_statement() {
    let (app, _data) = common::app().await;
    assert_eq!(location(&app).await, (StatusCode::FOUND, "/tilgaengelighed".to_string()));
    let (status, page) = common::get(&app, "/tilgaengelighed").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Tilgængelighedserklæring</h1>"), "{page}");
}

#[tokio::test]
async fn with_a_setting_was_leads_to_the_statement_on_was_digst_dk() {
    let (stores, _data) = common::stores().await;
    let mut limits = common::limits();
    let url = "https://www.was.digst.dk/rusmiddelportalen-example-dk";
    limits.accessibility_statement = Some(server::accessibility::StatementUrl::parse(url).unwrap());
    let app = common::router_with(stores, limits);
    assert_eq!(location(&app).await, (StatusCode::FOUND, url.to_string()));
}

#[tokio::test]
async fn every_citizen_page_links_the_statement_by_its_short_address_in_the_footer() {
    let (app, _data) = common::app().await;
    for uri in ["/", "/ishoj", "/thisted/rettigheder", "/min-aftale", "/standarder"] {
        let (_, page) = common::get(&app, uri).await;
        let footer = &page[page.find("<footer").unwrap_or_else(|| panic!("{uri} has no footer"))..];
        assert!(footer.contains("<a href=\"/was\">Tilgængelighedserklæring</a>"), "{uri}:\n{footer}");
    }
}
