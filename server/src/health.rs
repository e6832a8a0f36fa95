//! Liveness and readiness for a reverse proxy or an orchestrator. `/healthz` answers while the
//! process serves requests; `/readyz` only while every store answers a query, so a proxy sends
//! no citizen to an instance that has lost its database. Neither says anything else: no
//! version, no store names, no error text.

use crate::Stores;
use app::store::LimitCounts;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub const LIVE_PATH: &str = "/healthz";
pub const READY_PATH: &str = "/readyz";

pub fn routes(stores: Stores, limits: Option<LimitCounts>) -> Router {
    Router::new().route(LIVE_PATH, get(live)).route(READY_PATH, get(ready)).with_state((stores, limits))
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], text).into_response()
}

async fn live() -> Response {
    plain(StatusCode::OK, "ok\n")
}

async fn ready(State((stores, limits)): State<(Stores, Option<LimitCounts>)>) -> Response {
    let limits_answer = async {
        match &limits {
            Some(counts) => counts.answers().await,
            None => true,
        }
    };
    let (anon, case, staff, limits) = tokio::join!(stores.anon.answers(), stores.case.answers(), stores.staff.answers(), limits_answer);
    if anon && case && staff && limits {
        plain(StatusCode::OK, "klar\n")
    } else {
        // Which store failed goes to the log, not to whoever asks.
        tracing::error!(anon, case, staff, limits, "not ready: a store does not answer");
        plain(StatusCode::SERVICE_UNAVAILABLE, "ikke klar\n")
    }
}
