//! The identified side's form POSTs and the case store's retention purge:
//!
//! - `/{kommune}/henvendelse`, the person's request for treatment;
//! - `/personale/sager`, the case worker's actions, after the same checks as every staff POST
//!   (a live session, a same-site origin, the session's CSRF token); the role is checked in
//!   `app::api::cases::logic`.
//!
//! Each runs `app::api::cases::logic` and renders the same page with the result, like
//! `anonymous_forms` does, so the forms work without JavaScript and nothing typed goes into a URL
//! or a redirect. This module holds only the case store and, for sessions, the staff store: the
//! anonymous store is not in its state and not in the context it renders with.

use crate::form_guard::{self, FormLimit, Guard};
use crate::proxy::PublicOrigin;
use app::api::CrossSiteRefused;
use crate::staff_forms::signed_in_member;
use crate::{form_fields, FormBody};
use app::domain::kommune::KommunePath;
use app::api::cases::logic;
use app::api::staff::Gate;
use app::api::staff_form::path;
use app::store::{CaseStore, StaffStore};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use leptos::prelude::*;

/// Each form's byte limit, from its fields (`form_guard`): the request's name, phone, substance,
/// contact times, consent and nonce, and its e-mail of up to 254 characters; the case worker's
/// reference, action, status, date and CSRF token.
pub const REQUEST_FORM: FormLimit = FormLimit::new(10, &[("email", app::domain::request::EMAIL_MAX)]);
pub const CASES_FORM: FormLimit = FormLimit::new(10, &[]);

/// Days a request is kept after its final status.
pub const ENV_RETENTION_DAYS: &str = "RMP_CASE_RETENTION_DAYS";

#[derive(Clone)]
pub struct CaseFormState {
    pub options: LeptosOptions,
    pub case: CaseStore,
    pub staff: StaffStore,
    pub public_origin: Option<PublicOrigin>,
}

pub fn routes(options: LeptosOptions, case: CaseStore, staff: StaffStore, public_origin: Option<PublicOrigin>) -> Router {
    let state = CaseFormState { options, case, staff, public_origin };
    let render_refusal = form_guard::render_refusal(state.clone(), |state, uri| async move { render(&state, CrossSiteRefused, uri).await });
    let citizen = Guard::citizen(REQUEST_FORM, state.public_origin.clone(), render_refusal);
    Router::new()
        .route(KommunePath::Request.route(), post(request).layer(axum::middleware::from_fn_with_state(citizen, form_guard::guard)))
        .route(path::CASES, post(staff_cases).layer(axum::middleware::from_fn_with_state(Guard::staff(CASES_FORM), form_guard::guard)))
        .with_state(state)
}

async fn request(State(state): State<CaseFormState>, Path(kommune): Path<String>, uri: Uri, form: FormBody) -> Response {
    let page = logic::submit_request(&state.case, &kommune, &form_fields(form)).await;
    render(&state, page, uri).await
}

async fn staff_cases(State(state): State<CaseFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    let form = form_fields(form);
    let access = match signed_in_member(&state.staff, &headers, state.public_origin.as_ref(), &form).await {
        Ok(a) => a,
        Err(refusal) => {
            let (page, status, uri) = refusal.page();
            let mut res = render(&state, page, uri).await;
            *res.status_mut() = status;
            return res;
        }
    };
    let gate = match logic::cases_post(&state.case, &access, &form, app::clock::now()).await {
        Ok(logic::CasesPost::File { name, body }) => {
            return (
                [
                    (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                ],
                body,
            )
                .into_response();
        }
        Ok(logic::CasesPost::Page(page)) => Gate::Open(page),
        Err(_) => Gate::Forbidden { access },
    };
    render(&state, gate, uri).await
}

/// Renders the page at `uri` as for a GET, with the result in context, and only the case and
/// staff stores.
async fn render<P: Clone + Send + Sync + 'static>(state: &CaseFormState, posted: P, uri: Uri) -> Response {
    let (case, staff) = (state.case.clone(), state.staff.clone());
    let provide = move || {
        provide_context(case.clone());
        provide_context(staff.clone());
    };
    crate::render_with_context(&state.options, provide, posted, uri).await
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
            match logic::purge_expired(&case, app::clock::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(requests = n, "deleted closed treatment requests at the end of their retention period"),
                Err(e) => tracing::error!(store = "case", "the case store's retention purge failed: {e}"),
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
