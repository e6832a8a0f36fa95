//! The identified side's form POST, `/{kommune}/henvendelse`, and the case store's retention
//! purge. The handler runs `app::api::cases::logic` and renders the same page with the result,
//! like `anonymous_forms` does, so the form works without JavaScript and nothing the person
//! typed goes into a URL or a redirect. This module holds only the case store: the anonymous
//! store is not in its state and not in the context it renders with.

use app::api::cases::{logic, Posted};
use app::app::shell;
use app::store::CaseStore;
use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{Method, Request, Uri};
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use leptos::prelude::*;
use std::collections::HashMap;

/// The request form is a handful of short fields; anything bigger is refused before parsing.
const MAX_FORM_BYTES: usize = 16 * 1024;

/// Days a request is kept after its final status.
pub const ENV_RETENTION_DAYS: &str = "RMP_CASE_RETENTION_DAYS";

#[derive(Clone)]
pub struct CaseFormState {
    pub options: LeptosOptions,
    pub case: CaseStore,
}

pub fn routes(options: LeptosOptions, case: CaseStore) -> Router {
    Router::new()
        .route("/{kommune}/henvendelse", post(request))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
        .with_state(CaseFormState { options, case })
}

async fn request(
    State(state): State<CaseFormState>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    // A malformed body is an empty form: the page then says, in Danish, what is missing.
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let page = logic::submit_request(&state.case, &kommune, &form).await;
    render(&state, Posted::Request(page), uri).await
}

/// Renders the page at `uri` as for a GET, with the result in context.
async fn render(state: &CaseFormState, posted: Posted, uri: Uri) -> Response {
    let case = state.case.clone();
    let options = state.options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(case.clone());
            provide_context(posted.clone());
        },
        move || shell(options.clone()),
    );
    let request = Request::builder().method(Method::GET).uri(uri).body(axum::body::Body::empty()).expect("a valid request");
    handler(request).await
}

/// `RMP_CASE_RETENTION_DAYS`, or the default (a year, see the README).
pub fn retention_days_from_env() -> Result<u32, String> {
    match std::env::var(ENV_RETENTION_DAYS) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=3650).contains(d))
            .ok_or_else(|| format!("{ENV_RETENTION_DAYS}={v:?} is not a number of days from 1 to 3650")),
        _ => Ok(app::store::DEFAULT_RETENTION_DAYS),
    }
}

/// Deletes requests whose retention period has run out: at start, then every six hours. The log
/// says how many, never which.
pub fn spawn_retention_purge(case: CaseStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(6 * 3600));
        loop {
            every.tick().await;
            match logic::purge_expired(&case, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(requests = n, "deleted closed treatment requests at the end of their retention period"),
                Err(e) => tracing::error!("the case store's retention purge failed: {e}"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_days_are_read_and_checked() {
        // One test touches the variable, so no other test sees it change.
        std::env::remove_var(ENV_RETENTION_DAYS);
        assert_eq!(retention_days_from_env(), Ok(365));
        std::env::set_var(ENV_RETENTION_DAYS, " 90 ");
        assert_eq!(retention_days_from_env(), Ok(90));
        for bad in ["0", "-1", "ett år", "99999"] {
            std::env::set_var(ENV_RETENTION_DAYS, bad);
            let err = retention_days_from_env().unwrap_err();
            assert!(err.contains(ENV_RETENTION_DAYS), "{err}");
        }
        std::env::remove_var(ENV_RETENTION_DAYS);
    }
}
