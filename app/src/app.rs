use crate::pages::{
    AccessibilityPage, BookPageView, CataloguePageView, ComparePageView, DeadlinesPageView, HomePage, KommuneStartPage, ManagePage,
    CounsellingPageView, RelativesPageView, RequestPageView, StaffAccountsPage, StaffCasesPage, StaffCalendarPage, StaffOpeningPage, StaffStartPage, RightsGuidePage, RightsOverviewPage, RightsTopicPage, StandardPage, StandardsPage,
    EvaluationPageView, StaffCodesPage, StaffGuaranteePage, StaffInboxPage, StaffReportPage, WritePageView,
};
use crate::components::NotFound;
use crate::text::t;
use leptos::prelude::*;
use leptos::tachys::html::InertElement;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags};
use std::sync::{Arc, Mutex};
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
                // Before the stylesheet: a browser runs no inline script while a stylesheet above
                // it is still loading, which on slow 4G is the first second (issue 39, item 6).
                {(!is_staff_page()).then(|| view! {
                    <script nonce=leptos::nonce::use_nonce().map(|n| n.to_string()) inner_html=quick_exit_early()></script>
                })}
                {head_assets(&options, page_has_islands())}
                {is_staff_page().then(|| view! { <meta name="robots" content="noindex, nofollow"/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The quick exit from the first paint, before the module has loaded (issue 39, item 6): on a
/// cheap phone the island hydrates seconds after the page shows, and Shift × 3 pressed in that
/// time did nothing. This inline script, first in the head of every citizen page (with the page's
/// CSP nonce), handles Shift × 3 and the button (`#quick-exit`, the `QuickExit` island's link)
/// until `hydrate` marks the page `data-hydrated`, then leaves both to the island. Without
/// JavaScript the button is a plain link, as before. A few hundred bytes, built once.
pub fn quick_exit_early() -> &'static str {
    static SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "(function(){{var d=document,r=d.documentElement,n=0,l=0;\
function x(){{if(r.hasAttribute('data-hydrated'))return!1;d.body&&(d.body.innerHTML='');d.title='';location.replace('{url}');return!0}}\
addEventListener('keydown',function(e){{if(e.key!='Shift'||e.repeat)return;var t=performance.now();n=t-l>1e3?1:n+1;l=t;n>2&&x()}});\
d.addEventListener('click',function(e){{var a=e.target.closest&&e.target.closest('#quick-exit');a&&x()&&e.preventDefault()}})}})()",
            url = t::QUICK_EXIT_URL
        )
    });
    &SCRIPT
}

/// The head's stylesheet link and, on pages with islands, the island script: the tags leptos's
/// `HashedStylesheet` and `HydrationScripts` write, with this response's nonce.
///
/// Those two components read the hash file from disk each time they render (leptos 0.8.23,
/// leptos_meta 0.8.7): two blocking file reads on the async worker for every page, which took
/// a fifth of a page's throughput (BENCHMARKS.md, "Where a page's time goes"). So they render
/// once per set of options, and each page gets that text with its own nonce in place of the
/// first one. The file names change only with a new build, which restarts the server.
fn head_assets(options: &LeptosOptions, with_islands: bool) -> impl IntoView {
    let assets = HeadAssets::for_options(options);
    let scripts = with_islands.then(|| {
        // HydrationScripts turns hydration markers off for the rest of an islands page (only the
        // islands hydrate); rendered once, it cannot do that for this page, so it is done here.
        if let Some(shared) = Owner::current_shared_context() {
            shared.set_is_hydrating(false);
        }
        let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
        let scripts = if assets.first_nonce.is_empty() { assets.island_scripts.clone() } else { assets.island_scripts.replace(&assets.first_nonce, &nonce) };
        InertElement::new(scripts)
    });
    (InertElement::new(assets.stylesheet.clone()), scripts)
}

/// Leptos's head tags for one set of options, rendered once.
struct HeadAssets {
    key: [String; 5],
    stylesheet: String,
    island_scripts: String,
    /// The nonce they were rendered with, to be replaced by each response's own.
    first_nonce: String,
}

impl HeadAssets {
    fn for_options(options: &LeptosOptions) -> Arc<HeadAssets> {
        // Keyed by what the tags depend on: tests build routers with different options.
        static RENDERED: Mutex<Vec<Arc<HeadAssets>>> = Mutex::new(Vec::new());
        let key = [
            options.output_name.to_string(),
            options.site_root.to_string(),
            options.site_pkg_dir.to_string(),
            options.hash_files.to_string(),
            options.hash_file.to_string(),
        ];
        let mut rendered = RENDERED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(found) = rendered.iter().find(|a| a.key == key) {
            return found.clone();
        }
        let assets = Arc::new(Owner::new().with(|| {
            leptos::nonce::provide_nonce();
            let first_nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
            let stylesheet = view! { <HashedStylesheet options=options.clone() id="leptos"/> }.to_html();
            // HydrationScripts writes the nonce as the preloads' `crossorigin` value, which is no
            // valid value (the Nu Html Checker's error; browsers read it as `anonymous`). A bare
            // `crossorigin` is `anonymous` by definition: the same fetch, valid.
            let island_scripts = view! { <HydrationScripts options=options.clone() islands=true/> }.to_html();
            let island_scripts = if first_nonce.is_empty() {
                island_scripts
            } else {
                island_scripts.replace(&format!("crossorigin=\"{first_nonce}\""), "crossorigin")
            };
            HeadAssets { key, stylesheet, island_scripts, first_nonce }
        }));
        rendered.push(assets.clone());
        assets
    }
}

/// Whether the page being rendered holds an island, and so loads the WASM module. Every citizen
/// page has the quick exit (`Layout`); staff pages (`/personale...`) have none, being plain forms,
/// and load no script at all. The head is written before the body, so this is decided by path;
/// `server/tests/islands.rs` checks each page's module against its islands.
fn page_has_islands() -> bool {
    !is_staff_page()
}

/// Whether the page being rendered is a staff page (`/personale...`). Those carry `robots`
/// noindex in the head, written here by path, not by a `<Meta>` in the page. A `<Meta>` registers
/// only when it is rendered to HTML (leptos_meta 0.8.7, `RegisteredMetaTag::to_html_with_buf`,
/// by `use_context::<ServerMetaContext>()`). A staff page's frame is inside the page's `Suspend`,
/// which waits for the stores; when that future is not ready at its first poll, tachys 0.2.19
/// renders its view later in a future of its own (`reactive_graph/suspense.rs`, `push_async`)
/// where no reactive owner need be current, the context is not found and the tag is dropped
/// without a word to the page: 2 of 8 loads of `/personale/sager?sag=1`. The server also sends
/// `X-Robots-Tag` on every staff response (`server::html_stream::staff_noindex`).
fn is_staff_page() -> bool {
    use_context::<http::request::Parts>().is_some_and(|p| p.uri.path() == "/personale" || p.uri.path().starts_with("/personale/"))
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
                <Route path=path!("/personale/sager/garanti") view=StaffGuaranteePage ssr=SsrMode::Async/>
                <Route path=path!("/personale/evaluering") view=StaffCodesPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/rapport") view=StaffReportPage ssr=SsrMode::Async/>
                <Route path=path!("/personale/beskeder") view=StaffInboxPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune") view=KommuneStartPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/book") view=BookPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/paaroerende") view=RelativesPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/henvendelse") view=RequestPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/raadgivning") view=CounsellingPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/evaluering") view=EvaluationPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/skriv") view=WritePageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder") view=RightsOverviewPage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/guide") view=RightsGuidePage ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/frister") view=DeadlinesPageView ssr=SsrMode::Async/>
                <Route path=path!("/:kommune/rettigheder/:emne") view=RightsTopicPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
