#![recursion_limit = "256"]

//! Islands mode: pages render on the server only, and the browser gets code only where a page has
//! something for it to run. A page loads the WASM module exactly when it holds an island; there
//! are no server functions (no `/api` route); a page's data is never serialized into it for a
//! second, client-side render; and a page that cannot be built answers 500.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, get, post};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Whether the page loads the module (the island script and its preloads), and which islands it
/// holds, by component name.
fn module_and_islands(html: &str) -> (bool, Vec<String>) {
    let loads_module = html.contains("rel=\"modulepreload\"") || html.contains(".wasm");
    let islands = html
        .split("<leptos-island")
        .skip(1)
        // `QuickExit_1765…`: the component name and a hash of where it is defined.
        .filter_map(|rest| rest.split("data-component=\"").nth(1)?.split(['"', '_']).next().map(str::to_string))
        .collect();
    (loads_module, islands)
}

/// The opening tag of the element whose attributes hold `marker`.
fn opening_tag<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

const CITIZEN_PAGES: [&str; 16] = [
    "/",
    "/ishoj",
    "/ishoj/book",
    "/ishoj/paaroerende",
    "/ishoj/raadgivning",
    "/ishoj/henvendelse",
    "/ishoj/rettigheder",
    "/ishoj/rettigheder/guide",
    "/ishoj/rettigheder/frister",
    "/ishoj/rettigheder/behandlingsgaranti",
    "/min-aftale",
    "/katalog",
    "/sammenlign",
    "/standarder",
    "/tilgaengelighed",
    "/findes-ikke",
];

#[tokio::test]
async fn a_page_loads_the_module_exactly_when_it_holds_an_island() {
    let (app, _data) = app().await;
    for path in CITIZEN_PAGES {
        let (_, html) = get(&app, path).await;
        let (module, islands) = module_and_islands(&html);
        assert!(module, "{path}: a citizen page has the quick exit, so it loads the module");
        assert_eq!(islands.first().map(String::as_str), Some("QuickExit"), "{path}: the quick exit comes first");
    }
    for path in ["/personale", "/personale/kalender", "/personale/sager", "/personale/konti", "/personale/aabningstider"] {
        let (_, html) = get(&app, path).await;
        assert_eq!(module_and_islands(&html), (false, vec![]), "{path}: a staff page has no island and loads no module");
        assert!(!html.contains("type=\"module\""), "{path}");
    }
}

#[tokio::test]
async fn show_code_and_the_receipt_actions_are_the_only_other_islands() {
    let (app, _data) = app().await;
    let (_, manage) = get(&app, "/min-aftale").await;
    assert_eq!(module_and_islands(&manage).1, ["QuickExit", "ShowCode"]);
    // Without JavaScript the code field is a plain password field, and the checkbox that would
    // show it is hidden until the module runs.
    assert!(manage.contains("type=\"password\""));
    let toggle = opening_tag(&manage, "code-toggle");
    assert!(toggle.contains("hidden") && toggle.contains("data-needs-script"), "{toggle}");

    let (_, book) = get(&app, "/ishoj/book?samtale=fremmoede").await;
    let slot = common::times(&book).into_iter().next().expect("a free time");
    let (status, receipt) = post(&app, "192.0.2.60:40000", "/ishoj/book", &[("samtale", "fremmoede"), ("tid", &slot), ("trin", "book")]).await;
    assert_eq!(status, StatusCode::OK);
    let code = common::receipt_code(&receipt);
    assert_eq!(module_and_islands(&receipt).1, ["QuickExit", "ReceiptActions"]);
    // No island carries data: the copy button reads the code from the page.
    assert!(!receipt.contains("data-props"));
    assert!(opening_tag(&receipt, "id=\"token\"").starts_with("<p") && !code.is_empty());
    let actions = opening_tag(&receipt, "receipt-actions");
    assert!(actions.contains("hidden") && actions.contains("data-needs-script"), "{actions}");
}

#[tokio::test]
async fn there_are_no_server_functions() {
    assert_eq!(leptos::server_fn::axum::server_fn_paths().count(), 0);
    let (app, _data) = app().await;
    for path in ["/api/get_book_page", "/api/get_kommune_page12345", "/api/anything"] {
        let req = Request::builder()
            .method("POST")
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("kommune=ishoj"))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_page_carries_no_serialized_data() {
    let (app, _data) = app().await;
    for path in ["/ishoj/book", "/ishoj/rettigheder/guide", "/katalog", "/standarder"] {
        let (_, html) = get(&app, path).await;
        // Leptos writes its (empty) resource bookkeeping into every async-rendered page.
        assert!(html.contains("__RESOLVED_RESOURCES=[];") && !html.contains("__RESOLVED_RESOURCES=[{") , "{path}");
    }
}

#[tokio::test]
async fn a_page_that_cannot_be_built_answers_500() {
    common::start_clock();
    // The pages without their stores: what a wiring mistake would give.
    let options = leptos::prelude::LeptosOptions::builder().output_name("rusmiddelportalen").build();
    let shell_options = options.clone();
    let app = axum::Router::new()
        .leptos_routes_with_context(&options, server::page_routes(), || {}, move || app::app::shell(shell_options.clone()))
        .with_state(options);
    let res = app.oneshot(Request::builder().uri("/ishoj/book").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(body.contains(&common::escaped(app::text::t::SERVER_ERROR)), "{body}");
}

use leptos_axum::LeptosRoutes;

/// The head's island script is rendered once and given each response's nonce
/// (`app::app::head_assets`): every nonce in a page is the one its CSP allows, and the next
/// response has a fresh one.
#[tokio::test]
async fn the_island_script_carries_the_nonce_of_its_own_response() {
    let (app, _data) = app().await;
    let mut seen = Vec::new();
    for path in ["/ishoj", "/ishoj", "/min-aftale"] {
        let res = app.clone().oneshot(Request::builder().uri(path).body(Body::empty()).unwrap()).await.unwrap();
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
        let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the CSP").to_string();
        let html = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        let in_page: Vec<&str> = html.split("nonce=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        assert!(!in_page.is_empty(), "{path}: no script with a nonce");
        assert!(in_page.iter().all(|n| *n == nonce), "{path}: {in_page:?} against {nonce}");
        seen.push(nonce);
    }
    assert_ne!(seen[0], seen[1], "two responses got the same nonce");
}

/// The quick exit works from the first paint (issue 39, item 6): every citizen page carries the
/// small inline script first in its head, before the stylesheet (a browser runs no inline script
/// while a stylesheet above it loads), with the response's nonce; staff pages have no quick exit
/// and no script of it. (That it leaves before the module loads is the throttled end-to-end
/// test's, end2end/tests/home.spec.ts.)
#[tokio::test]
async fn the_early_quick_exit_is_inline_before_the_stylesheet_on_citizen_pages() {
    let (app, _data) = app().await;
    let script = app::app::quick_exit_early();
    assert!(script.len() < 600, "a few hundred bytes, not {}", script.len());
    assert!(script.contains(app::text::t::QUICK_EXIT_URL), "{script}");
    for path in ["/", "/ishoj", "/min-aftale", "/thisted/rettigheder"] {
        let (_, html) = get(&app, path).await;
        let head = &html[..html.find("</head>").unwrap_or_else(|| panic!("{path}: no head"))];
        let at = head.find(script).unwrap_or_else(|| panic!("{path}: no early quick exit script in the head"));
        let stylesheet = head.find("rel=\"stylesheet\"").unwrap_or_else(|| panic!("{path}: no stylesheet"));
        assert!(at < stylesheet, "{path}: the script comes before the stylesheet");
        let tag = &head[head[..at].rfind("<script").unwrap()..at];
        assert!(tag.contains(" nonce=\""), "{path}: {tag}");
        assert!(html.contains("id=\"quick-exit\""), "{path}: no quick exit button");
    }
    let (_, staff) = get(&app, "/personale/log-ind").await;
    assert!(!staff.contains(script), "staff pages have no quick exit");
}
