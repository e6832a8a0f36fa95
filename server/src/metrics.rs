//! Metrics an operator can scrape (issue 39, item 4): `/metrics` in the Prometheus text format,
//! on a listen address of its own (`RMP_METRICS_LISTEN`; by default 127.0.0.1 only), never on the
//! citizens' port: what the portal does is the operator's to see, not the public's.
//!
//! What it carries: requests by route pattern and status class, their latency, bookings made and
//! refused by reason (`app::metrics`), limit refusals by limit, errors logged by the store that
//! failed, each store's pool use, and whether the limits database answers.
//!
//! Every label is a closed enum or a route *pattern* (`/{kommune}/book`, never the path asked
//! for), so no label can hold a token, a label, a reference, an address or free text.
//! `server/tests/metrics.rs` scrapes it after a booking and a message and looks for each.

use crate::Stores;
use app::store::{LimitCounts, PoolUse};
use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{header, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::net::SocketAddr;
use std::sync::LazyLock;
use std::time::Instant;

/// Where `/metrics` listens: `host:port`. Unset: 127.0.0.1, on the portal's port + 1000
/// ([`default_listen`]), so the README's two instances on one machine (3000 and 3001) each get
/// one (4000 and 4001) with nothing set.
pub const ENV_METRICS_LISTEN: &str = "RMP_METRICS_LISTEN";
pub const METRICS_PATH: &str = "/metrics";
/// The content type of the text format `prometheus_client` writes (OpenMetrics 1.0, which
/// Prometheus reads; it ends with `# EOF`).
const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// The metrics address when none is set: loopback, the portal's port + 1000 (an ephemeral port
/// where the portal's is one: `RMP_LISTEN=…:0`, as tests start it).
pub fn default_listen(portal: SocketAddr) -> Result<SocketAddr, String> {
    let port = match portal.port() {
        0 => 0,
        p => p.checked_add(1000).ok_or(format!("the portal's port {p} leaves no port + 1000 for metrics: set {ENV_METRICS_LISTEN}"))?,
    };
    Ok(SocketAddr::from(([127, 0, 0, 1], port)))
}

/// `RMP_METRICS_LISTEN` read, or the default beside `portal`.
pub fn listen_from_env(portal: SocketAddr) -> Result<SocketAddr, String> {
    match std::env::var(ENV_METRICS_LISTEN).ok().filter(|v| !v.trim().is_empty()) {
        Some(v) => v.trim().parse().map_err(|_| format!("{ENV_METRICS_LISTEN}={v:?} is no address: write host:port, e.g. 127.0.0.1:4000")),
        None => default_listen(portal),
    }
}

/// A route as the router matched it (`/{kommune}/book`), or a coarse class for what no route
/// matched: made only from those two, never from the path a client sent.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct RoutePattern(std::sync::Arc<str>);

impl RoutePattern {
    pub fn of<B>(req: &Request<B>) -> RoutePattern {
        match req.extensions().get::<MatchedPath>() {
            Some(m) => RoutePattern(m.as_str().into()),
            None => RoutePattern(crate::route_class(req.uri().path()).into()),
        }
    }
}

impl EncodeLabelValue for RoutePattern {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        EncodeLabelValue::encode(&&*self.0, encoder)
    }
}

/// A response's status class: `2xx`, `4xx`, ...
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
struct StatusClass(u16);

impl StatusClass {
    fn of(status: StatusCode) -> StatusClass {
        StatusClass(status.as_u16() / 100)
    }
}

impl EncodeLabelValue for StatusClass {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        use std::fmt::Write;
        write!(encoder, "{}xx", self.0)
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Answered {
    route: RoutePattern,
    status: StatusClass,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    route: RoutePattern,
}

/// Which limit refused a request.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum LimitName {
    /// Codes typed that were not found, per client.
    guesses,
    /// New anonymous bookings, per client.
    bookings,
    /// New anonymous message threads, per client.
    threads,
    /// Staff sign-in attempts, per client and per username.
    sign_ins,
    /// A form body over its byte limit (form_guard).
    form_size,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Limit {
    limit: LimitName,
}

/// A store, as an error log line names it (`tracing::error!(store = "anon", …)`).
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum StoreName {
    anon,
    case,
    staff,
    limits,
    /// An error that names no store (a page that could not be built, a file not written).
    none,
}

impl StoreName {
    fn parse(name: &str) -> StoreName {
        match name {
            "anon" => StoreName::anon,
            "case" => StoreName::case,
            "staff" => StoreName::staff,
            "limits" => StoreName::limits,
            _ => StoreName::none,
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Store {
    store: StoreName,
}

#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
enum ConnectionState {
    in_use,
    idle,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Pool {
    store: StoreName,
    state: ConnectionState,
}

/// Latency buckets, in seconds: 1 ms to about 4 s, doubling. Citizen pages render in a few
/// milliseconds (BENCHMARKS.md); the upper buckets show a store that waits.
fn latency_histogram() -> Histogram {
    Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(0.001, 2.0, 13))
}

/// The server's own counts, one set per process (each counter is a shared atomic).
struct ServerCounts {
    requests: Family<Answered, Counter>,
    latency: Family<Route, Histogram, fn() -> Histogram>,
    limit_refusals: Family<Limit, Counter>,
    errors: Family<Store, Counter>,
    pool: Family<Pool, Gauge>,
    limits_database_up: Gauge,
}

static COUNTS: LazyLock<ServerCounts> = LazyLock::new(|| ServerCounts {
    requests: Family::default(),
    latency: Family::new_with_constructor(latency_histogram),
    limit_refusals: Family::default(),
    errors: Family::default(),
    pool: Family::default(),
    limits_database_up: Gauge::default(),
});

/// The registry `/metrics` writes: the server's counts and the app's booking counts.
fn registry(with_limits_database: bool) -> Registry {
    let mut registry = Registry::default();
    registry.register("rmp_http_requests", "Requests answered, by route pattern and status class", COUNTS.requests.clone());
    registry.register("rmp_http_request_duration_seconds", "Time to the response's head, by route pattern", COUNTS.latency.clone());
    registry.register("rmp_limit_refusals", "Requests a limit refused, by limit", COUNTS.limit_refusals.clone());
    registry.register("rmp_errors", "Errors logged, by the store that failed (none: not a store's)", COUNTS.errors.clone());
    registry.register("rmp_store_pool_connections", "Each store's database connections, in use or idle", COUNTS.pool.clone());
    if with_limits_database {
        registry.register("rmp_limits_database_up", "Whether the shared limits database answered at this scrape (1) or not (0)", COUNTS.limits_database_up.clone());
    }
    app::metrics::register(&mut registry);
    registry
}

/// A request a limit refused.
pub fn limit_refused(limit: LimitName) {
    COUNTS.limit_refusals.get_or_create(&Limit { limit }).inc();
}

/// Middleware: counts each request by its route pattern and status class, and times it to the
/// response's head (a streamed page's body follows; its head waits for the page's data).
pub async fn count_requests(req: Request<Body>, next: Next) -> Response {
    let route = RoutePattern::of(&req);
    let started = Instant::now();
    let response = next.run(req).await;
    COUNTS.latency.get_or_create(&Route { route: route.clone() }).observe(started.elapsed().as_secs_f64());
    COUNTS.requests.get_or_create(&Answered { route, status: StatusClass::of(response.status()) }).inc();
    response
}

/// Counts every ERROR event by its `store` field: so the count and the log never disagree, and a
/// new error site is counted without remembering to.
pub struct ErrorCount;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for ErrorCount {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: tracing_subscriber::layer::Context<'_, S>) {
        if *event.metadata().level() == tracing::Level::ERROR {
            let mut store = StoreField(StoreName::none);
            event.record(&mut store);
            COUNTS.errors.get_or_create(&Store { store: store.0 }).inc();
        }
    }
}

struct StoreField(StoreName);

impl tracing::field::Visit for StoreField {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "store" {
            self.0 = StoreName::parse(value);
        }
    }
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "store" {
            self.0 = StoreName::parse(format!("{value:?}").trim_matches('"'));
        }
    }
}

/// What the scrape reads at its own moment: pool use and the limits database.
#[derive(Clone)]
pub struct Scraped {
    pub stores: Stores,
    pub limits: Option<LimitCounts>,
}

/// The metrics router, for its own listener.
pub fn routes(scraped: Scraped) -> Router {
    Router::new().route(METRICS_PATH, get(scrape)).with_state(scraped)
}

async fn scrape(State(scraped): State<Scraped>) -> Response {
    let pools = [
        (StoreName::anon, scraped.stores.anon.pool_use()),
        (StoreName::case, scraped.stores.case.pool_use()),
        (StoreName::staff, scraped.stores.staff.pool_use()),
    ];
    let pools = pools.into_iter().chain(scraped.limits.as_ref().map(|l| (StoreName::limits, l.pool_use())));
    for (store, PoolUse { in_use, idle }) in pools {
        COUNTS.pool.get_or_create(&Pool { store, state: ConnectionState::in_use }).set(i64::from(in_use));
        COUNTS.pool.get_or_create(&Pool { store, state: ConnectionState::idle }).set(i64::from(idle));
    }
    if let Some(limits) = &scraped.limits {
        COUNTS.limits_database_up.set(i64::from(limits.answers().await));
    }
    let mut text = String::new();
    match prometheus_client::encoding::text::encode(&mut text, &registry(scraped.limits.is_some())) {
        Ok(()) => ([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_address_is_loopback_beside_the_portals_port() {
        assert_eq!(default_listen("0.0.0.0:3000".parse().unwrap()).unwrap(), "127.0.0.1:4000".parse().unwrap());
        assert_eq!(default_listen("127.0.0.1:0".parse().unwrap()).unwrap(), "127.0.0.1:0".parse().unwrap());
        assert!(default_listen("127.0.0.1:65000".parse().unwrap()).unwrap_err().contains(ENV_METRICS_LISTEN));
    }

    #[test]
    fn an_error_line_is_counted_by_the_store_it_names() {
        let before = |s| COUNTS.errors.get_or_create(&Store { store: s }).get();
        let (case, none) = (before(StoreName::case), before(StoreName::none));
        let subscriber = tracing_subscriber::layer::SubscriberExt::with(tracing_subscriber::registry(), ErrorCount);
        tracing::subscriber::with_default(subscriber, || {
            tracing::error!(store = "case", "filing failed: x");
            tracing::error!("a page could not be built");
            tracing::warn!(store = "case", "not an error");
        });
        assert_eq!(before(StoreName::case), case + 1);
        assert!(before(StoreName::none) > none);
    }
}
