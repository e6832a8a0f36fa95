//! The axum side of Rusmiddelportalen: configuration, the router with its security headers,
//! compression and request logging, and static files. `main.rs` only wires these together.

#![recursion_limit = "256"]

pub mod accessibility;
pub mod anonymous_forms;
pub mod case_forms;
pub mod config;
pub mod content_dir;
pub mod exports;
pub mod form_guard;
pub mod health;
pub mod html_stream;
pub mod metrics;
pub mod proxy;
pub mod staff_forms;
pub mod throttle;

use app::app::{shell, App};
use app::store::{AnonStore, CaseStore, StaffStore};
use axum::body::Body;
use axum::extract::MatchedPath;
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::response::{IntoResponse, Response};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What every page may ask for through Leptos context. Each store is
/// provided as its own type, so a function names the one store it uses.
#[derive(Clone)]
pub struct Stores {
    pub anon: AnonStore,
    pub case: CaseStore,
    pub staff: StaffStore,
}

impl Stores {
    /// Puts each store into Leptos context as its own type.
    fn provide(&self) {
        provide_context(self.anon.clone());
        provide_context(self.case.clone());
        provide_context(self.staff.clone());
    }
}

/// A form body as submitted; a malformed one (not `application/x-www-form-urlencoded`, bad
/// encoding) is a rejection, which [`form_fields`] turns into an empty form.
pub type FormBody = Result<axum::Form<std::collections::HashMap<String, String>>, axum::extract::rejection::FormRejection>;

/// The submitted fields. A malformed body is an empty form: the page then says, in Danish, what
/// is missing, instead of a bare 4xx from the extractor.
pub fn form_fields(form: FormBody) -> std::collections::HashMap<String, String> {
    form.map(|axum::Form(f)| f).unwrap_or_default()
}

/// Renders the page at `uri` as for a GET, with a form POST's result (`posted`) in context: the
/// pattern every form handler uses, so forms work without JavaScript.
pub async fn render_page<P: Clone + Send + Sync + 'static>(options: &LeptosOptions, stores: &Stores, posted: P, uri: axum::http::Uri) -> Response {
    let stores = stores.clone();
    render_with_context(options, move || stores.provide(), posted, uri).await
}

/// [`render_page`] with the context given by `provide` (e.g. only the identified side's stores).
pub async fn render_with_context<P, F>(options: &LeptosOptions, provide: F, posted: P, uri: axum::http::Uri) -> Response
where
    P: Clone + Send + Sync + 'static,
    F: Fn() + Clone + Send + Sync + 'static,
{
    let options = options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide();
            provide_context(app::api::Posted(posted.clone()));
        },
        move || shell(options.clone()),
    );
    let request = Request::builder().method(axum::http::Method::GET).uri(uri).body(Body::empty()).expect("a valid request");
    handler(request).await
}

/// What the router needs besides the Leptos options and the stores.
pub struct Limits {
    /// Codes typed that were not found, per client.
    pub guesses: std::sync::Arc<throttle::WindowLimit>,
    /// New anonymous bookings, per client.
    pub bookings: std::sync::Arc<throttle::WindowLimit>,
    /// New anonymous message threads, per client (issue 19).
    pub threads: std::sync::Arc<throttle::WindowLimit>,
    /// The limits database the limits count in, when they are shared (`RMP_LIMITS_DATABASE_URL`):
    /// readiness then asks it too.
    pub shared_counts: Option<app::store::LimitCounts>,
    pub sign_ins: std::sync::Arc<staff_forms::SignInLimit>,
    pub secure_cookies: bool,
    /// The reverse proxies whose `X-Forwarded-For` names the client (none: the peer is).
    pub proxies: proxy::TrustedProxies,
    /// The origin browsers see, where a proxy rewrites `Host` (none: `Host` is compared).
    pub public_origin: Option<proxy::PublicOrigin>,
    /// The accessibility statement on was.digst.dk that `/was` leads to (none: the portal's own).
    pub accessibility_statement: Option<accessibility::StatementUrl>,
}

/// The policy for everything that is not an HTML page (files, exports, health).
/// Pages get a stricter one with a nonce from `app::app::shell`.
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";
/// Hashed file names (build-site, `LEPTOS_HASH_FILES`) never change content: cache for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const ONE_DAY: &str = "public, max-age=86400";

/// The app's page routes, generated once per process. Generating them sets a process-wide
/// flag that keeps resources from loading (leptos_server's `SuppressResourceLoad`), so a page
/// rendered while another router is being built waits forever (leptos issue #4773). The server
/// builds one router, but a test binary builds one per test, in parallel: a CI run hung there.
pub fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(leptos_options: LeptosOptions, stores: Stores, limits: Limits) -> Router {
    let routes = page_routes();
    let site_root = std::path::PathBuf::from(leptos_options.site_root.as_ref());
    let pkg_dir = site_root.join(leptos_options.site_pkg_dir.as_ref());

    let static_files = Router::new()
        .nest_service("/pkg", ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip())
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)))
        .merge(
            Router::new()
                .nest_service("/dkfds", ServeDir::new(site_root.join("dkfds")))
                .route_service("/favicon.ico", ServeFile::new(site_root.join("favicon.ico")))
                .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(ONE_DAY))),
        );

    let forms = anonymous_forms::routes(anonymous_forms::FormState {
        options: leptos_options.clone(),
        stores: stores.clone(),
        guesses: limits.guesses,
        bookings: limits.bookings,
        threads: limits.threads,
        public_origin: limits.public_origin.clone(),
    });
    let staff_forms = staff_forms::routes(staff_forms::StaffFormState {
        options: leptos_options.clone(),
        stores: stores.clone(),
        sign_ins: limits.sign_ins,
        secure_cookies: limits.secure_cookies,
        public_origin: limits.public_origin.clone(),
    });
    let case_forms = case_forms::routes(leptos_options.clone(), stores.case.clone(), stores.staff.clone(), limits.public_origin.clone());

    let context = {
        let stores = stores.clone();
        move || stores.provide()
    };

    let mut app = Router::new()
        .leptos_routes_with_context(&leptos_options, routes, context, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(leptos_options)
        .merge(forms)
        .merge(case_forms)
        .merge(staff_forms)
        .merge(exports::routes())
        .merge(accessibility::routes(limits.accessibility_statement))
        .merge(health::routes(stores.clone(), limits.shared_counts.clone()))
        .merge(static_files);
    if bench_floor_enabled() {
        app = app.route(BENCH_FLOOR_PATH, axum::routing::get(bench_floor));
    }
    let app = app
        .layer(axum::middleware::from_fn_with_state(std::sync::Arc::new(limits.proxies), proxy::find_client))
        .layer(axum::middleware::from_fn(html_stream::filter_html))
        .layer(axum::middleware::from_fn(html_stream::staff_noindex))
        .layer(axum::middleware::from_fn(metrics::count_requests));
    with_security_headers(app).layer(CompressionLayer::new()).layer(
        TraceLayer::new_for_http()
            .make_span_with(request_span)
            .on_request(())
            .on_response(log_response),
    )
}

/// The benchmark's "framework floor": a minimal Leptos page rendered by the same leptos_axum
/// pipeline (async SSR, same layers), routed only when `RMP_BENCH_FLOOR=1` (see scripts/bench.sh).
pub const BENCH_FLOOR_PATH: &str = "/_bench/floor";

fn bench_floor_enabled() -> bool {
    std::env::var("RMP_BENCH_FLOOR").is_ok_and(|v| v == "1")
}

async fn bench_floor() -> Response {
    let render = leptos_axum::render_app_async(|| {
        view! {
            <!DOCTYPE html>
            <html lang="da">
                <head>
                    <meta charset="utf-8"/>
                    <title>"Minimal side"</title>
                </head>
                <body>
                    <main>
                        <h1>"Minimal Leptos-side"</h1>
                        <p>"Rammeværkets gulv i målingerne."</p>
                    </main>
                </body>
            </html>
        }
    });
    let req = Request::builder().uri(BENCH_FLOOR_PATH).body(Body::empty()).expect("a valid request");
    render(req).await.into_response()
}

/// Headers every response carries. `if_not_present` where a page may set a stricter value.
fn with_security_headers(app: Router) -> Router {
    let set = |name: HeaderName, value: &'static str| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    app.layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DEFAULT_CSP),
    ))
    .layer(set(header::REFERRER_POLICY, "no-referrer"))
    .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
    .layer(set(header::X_FRAME_OPTIONS, "DENY"))
    .layer(set(HeaderName::from_static("permissions-policy"), PERMISSIONS_POLICY))
    .layer(set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
    // Pages are never stored by the browser or a proxy: a shared computer keeps no copy.
    .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

/// Request logging: method and the matched route pattern — never the raw path or query string,
/// which could carry what a person typed, and never the client address or headers.
fn request_span<B>(req: &Request<B>) -> tracing::Span {
    let route = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned());
    let route = route.unwrap_or_else(|| route_class(req.uri().path()).to_owned());
    tracing::info_span!("request", method = %req.method(), route = %route)
}

fn log_response<B>(res: &axum::http::Response<B>, latency: Duration, _span: &tracing::Span) {
    tracing::info!(status = res.status().as_u16(), ms = latency.as_millis() as u64, "served");
}

/// For requests no route matched: a coarse class, not the path itself.
fn route_class(path: &str) -> &'static str {
    if path.starts_with("/pkg/") {
        "/pkg/*"
    } else if path.starts_with("/dkfds/") {
        "/dkfds/*"
    } else {
        "(other)"
    }
}

#[cfg(test)]
mod tests {
    use app::api::{anonymous_form, staff_form};

    /// Leptos's `path!` takes only literals, so the page routes cannot name the constants the
    /// forms and handlers use: this ties each page a form posts back to one of the routes.
    #[test]
    fn every_form_page_is_a_page_route() {
        let routes: Vec<String> = super::page_routes().iter().map(|r| r.path().to_string()).collect();
        let pages = [
            anonymous_form::path::MANAGE,
            staff_form::path::START,
            staff_form::path::CALENDAR,
            staff_form::path::OPENING,
            staff_form::path::ACCOUNTS,
            staff_form::path::CASES,
            staff_form::path::GUARANTEE,
            staff_form::path::EVALUATION,
            staff_form::path::REPORT,
            staff_form::path::MESSAGES,
        ];
        let kommune_pages = app::domain::kommune::KommunePath::ALL.map(|p| p.route());
        for page in pages.into_iter().chain(kommune_pages) {
            assert!(routes.iter().any(|r| r == page), "{page} is no page route: {routes:?}");
        }
    }
}
