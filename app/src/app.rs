use crate::pages::{
    AccessibilityPage, BookPageView, CataloguePageView, ComparePageView, DeadlinesPageView, HomePage, KommuneStartPage, ManagePage,
    CounsellingPageView, RelativesPageView, RequestPageView, StaffAccountsPage, StaffCasesPage, StaffCalendarPage, StaffOpeningPage, StaffStartPage, RightsGuidePage, RightsOverviewPage, RightsTopicPage, StandardPage, StandardsPage,
};
use crate::components::NotFound;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document. It sets a per-response CSP nonce that the island script carries, so no
/// `unsafe-inline` is needed.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    leptos::nonce::provide_nonce();
    if let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) {
        if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&nonce)) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang=t::LANG>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                {page_has_islands().then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether the page being rendered holds an island, and so loads the WASM module. Every citizen
/// page has the quick exit (`Layout`); staff pages (`/personale...`) have none, being plain forms,
/// and load no script at all. The head is written before the body, so this is decided by path;
/// `server/tests/islands.rs` checks each page's module against its islands.
fn page_has_islands() -> bool {
    !use_context::<http::request::Parts>().is_some_and(|p| p.uri.path() == "/personale" || p.uri.path().starts_with("/personale/"))
}

/// The policy for HTML pages: scripts only from this origin and with this response's nonce,
/// WASM compilation allowed (`wasm-unsafe-eval`), no inline styles, no frames, no other hosts.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'"
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Link rel="icon" href="/favicon.ico"/>
        <Meta name="referrer" content="no-referrer"/>
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/tilgaengelighed") view=AccessibilityPage ssr=SsrMode::Async/>
                <Route path=path!("/min-aftale") view=ManagePage ssr=SsrMode::Async/>
                // For professionals (issue 6): static paths before `/:kommune`.
                <Route path=path!("/standarder") view=StandardsPage ssr=SsrMode::Async/>
                <Route path=path!("/standarder/:id") view=StandardPage ssr=SsrMode::Async/>
                <Route path=path!("/katalog") view=CataloguePageView ssr=SsrMode::Async/>
                <Route path=path!("/sammenlign") view=ComparePageView ssr=SsrMode::Async/>
                // Staff (sign-in required; the page's `api` function checks the role).
                <Route path=path!("/personale") view=StaffStartPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/kalender") view=StaffCalendarPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/aabningstider") view=StaffOpeningPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/konti") view=StaffAccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/sager") view=StaffCasesPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune") view=KommuneStartPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/book") view=BookPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/paaroerende") view=RelativesPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/henvendelse") view=RequestPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/raadgivning") view=CounsellingPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder") view=RightsOverviewPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/guide") view=RightsGuidePage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/frister") view=DeadlinesPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/:emne") view=RightsTopicPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
