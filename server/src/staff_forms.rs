//! The staff side's form POSTs (`/personale/...`). Before anything changes, each checks:
//! 1. the session cookie names a live session (else: the sign-in page);
//! 2. the request comes from this site (`Origin`, or `Sec-Fetch-Site`, where the browser sends
//!    them) and carries the session's CSRF token (synchronizer-token pattern), compared in
//!    constant time (else: 403 and nothing changes).
//!
//! The role check is not here: it is in `app::api::staff::logic`, which every path goes through.

use crate::form_guard::{self, FormLimit, Guard};
use crate::proxy::{ClientAddr, PublicOrigin};
use crate::throttle::{Counted, Refused, Taken, WindowLimit};
use crate::{form_fields, render_page, FormBody, Stores};
use app::api::staff::session::{clear_cookie, cookie_value, set_cookie};
use app::api::form::Fields;
use app::api::staff::{logic, StartPage};
use app::api::staff_form::{csrf, path, SignInForm};
use app::domain::staff::StaffAccess;
use app::store::StaffStore;
use app::text::t;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use leptos::prelude::LeptosOptions;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// Each form's byte limit, from its fields (`form_guard`). The opening hours: up to
/// `MAX_ROWS` rule rows of six fields, the closed dates and the yearly closed days, and a few more.
pub const SIGN_IN_FORM: FormLimit = FormLimit::new(4, &[]);
pub const CALENDAR_FORM: FormLimit = FormLimit::new(16, &[]);
pub const OPENING_FORM: FormLimit = FormLimit::new(
    app::domain::opening_form::MAX_ROWS * 6 + 8,
    &[
        (app::api::staff_form::field::CLOSED, app::domain::opening_form::CLOSED_MAX_CHARS),
        (app::api::staff_form::field::CLOSED_EVERY_YEAR, app::domain::opening_form::CLOSED_EVERY_YEAR_MAX_CHARS),
    ],
);
pub const ACCOUNTS_FORM: FormLimit = FormLimit::new(12, &[]);
pub const CODES_FORM: FormLimit = FormLimit::new(8, &[]);
pub const INBOX_FORM: FormLimit = FormLimit::new(6, &[(app::api::staff_form::field::REPLY, app::domain::message::MAX_CHARS)]);

pub const ENV_SIGN_IN_ATTEMPTS_PER_HOUR: &str = "RMP_SIGN_IN_ATTEMPTS_PER_HOUR";
/// Sign-in attempts per client address an hour; a username gets a third of it.
pub const DEFAULT_SIGN_IN_ATTEMPTS_PER_HOUR: u32 = 30;

/// Limits failed sign-ins by client and by username (see `throttle`: keyed hashes only). Both are
/// counted, so a guesser cannot spread over usernames or over addresses; a sign-in that succeeds
/// gives its units back.
pub struct SignInLimit {
    by_client: WindowLimit,
    by_user: WindowLimit,
}

/// The units one sign-in attempt took: given back if it succeeds.
pub struct SignInUnits(Taken, Taken);

impl SignInLimit {
    pub fn new(per_hour: u32) -> SignInLimit {
        SignInLimit { by_client: WindowLimit::per_hour(per_hour), by_user: WindowLimit::per_hour((per_hour / 3).max(1)) }
    }

    /// The same limits counted in the limits database, shared by every instance.
    pub fn shared(self, counts: app::store::LimitCounts, key: [u8; 32]) -> SignInLimit {
        SignInLimit {
            by_client: self.by_client.shared(counts.clone(), "sign_in_client", key),
            by_user: self.by_user.shared(counts, "sign_in_user", key),
        }
    }

    async fn take(&self, client: std::net::IpAddr, username: &str, now: chrono::DateTime<chrono::Utc>) -> Result<SignInUnits, Refused> {
        let taken = self.take_both(client, username, now).await;
        if taken.is_err() {
            crate::metrics::limit_refused(crate::metrics::LimitName::sign_ins);
        }
        taken
    }

    async fn take_both(&self, client: std::net::IpAddr, username: &str, now: chrono::DateTime<chrono::Utc>) -> Result<SignInUnits, Refused> {
        let by_client = self.by_client.take(Counted::Client(client), now).await?;
        match self.by_user.take(Counted::Name(&username.trim().to_lowercase()), now).await {
            Ok(by_user) => Ok(SignInUnits(by_client, by_user)),
            Err(refused) => {
                self.by_client.give_back(by_client).await;
                Err(refused)
            }
        }
    }

    async fn give_back(&self, units: SignInUnits) {
        self.by_client.give_back(units.0).await;
        self.by_user.give_back(units.1).await;
    }

    pub async fn forget_expired(&self, now: chrono::DateTime<chrono::Utc>) {
        self.by_client.forget_expired(now).await;
        self.by_user.forget_expired(now).await;
    }
}

#[derive(Clone)]
pub struct StaffFormState {
    pub options: LeptosOptions,
    pub stores: Stores,
    pub sign_ins: Arc<SignInLimit>,
    pub secure_cookies: bool,
    pub public_origin: Option<PublicOrigin>,
}

pub fn routes(state: StaffFormState) -> Router {
    let guarded = |limit: FormLimit| axum::middleware::from_fn_with_state(Guard::staff(limit), form_guard::guard);
    Router::new()
        .route(path::SIGN_IN, post(sign_in).layer(guarded(SIGN_IN_FORM)))
        .route(path::SIGN_OUT, post(sign_out).layer(guarded(SIGN_IN_FORM)))
        .route(path::CALENDAR, post(calendar).layer(guarded(CALENDAR_FORM)))
        .route(path::OPENING, post(opening).layer(guarded(OPENING_FORM)))
        .route(path::ACCOUNTS, post(accounts).layer(guarded(ACCOUNTS_FORM)))
        .route(path::EVALUATION, post(evaluation_codes).layer(guarded(CODES_FORM)))
        .route(path::MESSAGES, post(messages).layer(guarded(INBOX_FORM)))
        .route(path::REPORT_CSV, axum::routing::get(report_csv))
        .with_state(state)
}

/// Whether the browser says the request comes from a page of this site. Browsers send `Origin`
/// on every POST, but as `null` when the page's referrer policy is `no-referrer` (ours is), so
/// `Sec-Fetch-Site` (sent by every current browser) decides then; where neither says anything,
/// the CSRF token alone decides. `Origin` is compared with the configured public origin where
/// there is one (behind a proxy that rewrites `Host`), else with `Host`.
pub fn same_origin(headers: &HeaderMap, public_origin: Option<&PublicOrigin>) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()).filter(|o| *o != "null");
    if let Some(origin) = origin {
        if let Some(public) = public_origin {
            return public.is(origin);
        }
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let origin_host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
        return origin_host.is_some() && origin_host == host;
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => true,
    }
}

fn token_matches(sent: Option<&str>, expected: &str) -> bool {
    sent.is_some_and(|s| s.len() == expected.len() && bool::from(s.as_bytes().ct_eq(expected.as_bytes())))
}

fn start_uri() -> Uri {
    Uri::from_static(path::START)
}

/// Why a staff POST was refused before anything ran: shown on the staff start page.
pub struct Refusal {
    pub access: Option<StaffAccess>,
    pub error: &'static str,
    pub status: StatusCode,
}

impl Refusal {
    /// The start page's content for this refusal, its status and its address.
    pub fn page(self) -> (StartPage, StatusCode, Uri) {
        let page = StartPage { access: self.access, username: String::new(), error: Some(self.error.to_string()) };
        (page, self.status, start_uri())
    }
}

/// The signed-in member of a staff POST whose origin and CSRF token check out, or why not. Every
/// staff POST (here and in `case_forms`) goes through this one check.
pub async fn signed_in_member(
    staff: &StaffStore,
    headers: &HeaderMap,
    public_origin: Option<&PublicOrigin>,
    form: &Fields,
) -> Result<StaffAccess, Refusal> {
    let access = match cookie_value(headers) {
        Some(v) => staff.access(&v, app::clock::now()).await.unwrap_or_else(|e| {
            tracing::error!(store = "staff", "reading a staff session failed: {e}");
            None
        }),
        None => None,
    };
    let Some(access) = access else {
        return Err(Refusal { access: None, error: t::STAFF_SIGN_IN_FIRST, status: StatusCode::UNAUTHORIZED });
    };
    if !same_origin(headers, public_origin) || !token_matches(csrf(form), &access.csrf) {
        tracing::warn!("a staff form was refused: origin or CSRF check failed");
        return Err(Refusal { access: Some(access), error: t::STAFF_FORM_EXPIRED, status: StatusCode::FORBIDDEN });
    }
    Ok(access)
}

/// [`signed_in_member`], with a refusal rendered as the start page.
async fn checked(state: &StaffFormState, headers: &HeaderMap, form: &Fields) -> Result<StaffAccess, Response> {
    match signed_in_member(&state.stores.staff, headers, state.public_origin.as_ref(), form).await {
        Ok(access) => Ok(access),
        Err(refusal) => {
            let (page, status, uri) = refusal.page();
            let mut res = render_page(&state.options, &state.stores, page, uri).await;
            *res.status_mut() = status;
            Err(res)
        }
    }
}

fn see_other(location: &'static str, cookie: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_string()), (header::SET_COOKIE, cookie)]).into_response()
}

async fn sign_in(State(state): State<StaffFormState>, Extension(client): Extension<ClientAddr>, headers: HeaderMap, form: FormBody) -> Response {
    let SignInForm { username, password } = SignInForm::read(&form_fields(form));
    let refuse = |error: &str, status: StatusCode| {
        let page = StartPage { access: None, username: username.trim().chars().take(40).collect(), error: Some(error.to_string()) };
        let state = state.clone();
        async move {
            let mut res = render_page(&state.options, &state.stores, page, start_uri()).await;
            *res.status_mut() = status;
            res
        }
    };
    if !same_origin(&headers, state.public_origin.as_ref()) {
        return refuse(t::STAFF_FORM_EXPIRED, StatusCode::FORBIDDEN).await;
    }
    let now = app::clock::now();
    let units = match state.sign_ins.take(client.0, &username, now).await {
        Ok(units) => units,
        Err(refused) => {
            let status = match refused {
                Refused::Until(_) => StatusCode::TOO_MANY_REQUESTS,
                Refused::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            };
            return refuse(&refused.say(t::STAFF_SIGN_IN_THROTTLED, now, false), status).await;
        }
    };
    match state.stores.staff.sign_in(&username, &password, now).await {
        Ok(Some(session)) => {
            state.sign_ins.give_back(units).await;
            tracing::info!(role = session.access.role.slug(), "staff signed in");
            see_other(path::START, set_cookie(&session.cookie_value, state.secure_cookies))
        }
        Ok(None) => {
            tracing::info!("a staff sign-in was refused");
            refuse(t::STAFF_SIGN_IN_WRONG, StatusCode::UNAUTHORIZED).await
        }
        Err(e) => {
            tracing::error!(store = "staff", "sign-in failed: {e}");
            refuse(t::SERVER_ERROR, StatusCode::INTERNAL_SERVER_ERROR).await
        }
    }
}

async fn sign_out(State(state): State<StaffFormState>, headers: HeaderMap, form: FormBody) -> Response {
    let form = form_fields(form);
    match checked(&state, &headers, &form).await {
        Ok(_) => {
            if let Some(v) = cookie_value(&headers) {
                if let Err(e) = state.stores.staff.sign_out(&v).await {
                    tracing::error!(store = "staff", "sign-out failed: {e}");
                }
            }
            see_other(path::START, clear_cookie(state.secure_cookies))
        }
        Err(refused) => refused,
    }
}

/// The staff forms that change something, each run through [`staff_post`].
#[derive(Clone, Copy)]
enum StaffForm {
    Calendar,
    Opening,
    Accounts,
    EvaluationCodes,
    Messages,
}

/// Checks session, origin and CSRF token, runs the form's step (which checks the role) and
/// renders the same page with the result.
async fn staff_post(state: StaffFormState, headers: HeaderMap, uri: Uri, form: FormBody, which: StaffForm) -> Response {
    let form = form_fields(form);
    let access = match checked(&state, &headers, &form).await {
        Ok(a) => a,
        Err(refused) => return refused,
    };
    let (anon, staff) = (&state.stores.anon, &state.stores.staff);
    let (options, stores) = (&state.options, &state.stores);
    // Each page reads the type it shows (`components::load::posted`).
    match which {
        StaffForm::Calendar => render_page(options, stores, logic::gate(&access, logic::calendar_post(anon, &access, &form).await), uri).await,
        StaffForm::Opening => render_page(options, stores, logic::gate(&access, logic::opening_post(anon, &access, &form).await), uri).await,
        StaffForm::Accounts => render_page(options, stores, logic::gate(&access, logic::accounts_post(staff, &access, &form).await), uri).await,
        StaffForm::EvaluationCodes => {
            let made = app::api::evaluation::logic::codes_post(&anon.evaluations(), &access, &form, app::clock::now()).await;
            render_page(options, stores, logic::gate(&access, made), uri).await
        }
        StaffForm::Messages => {
            let page = app::api::messages::logic::inbox_post(&anon.threads(), &access, &form, app::clock::now()).await;
            render_page(options, stores, logic::gate(&access, page), uri).await
        }
    }
}

async fn calendar(State(state): State<StaffFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    staff_post(state, headers, uri, form, StaffForm::Calendar).await
}

async fn opening(State(state): State<StaffFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    staff_post(state, headers, uri, form, StaffForm::Opening).await
}

async fn accounts(State(state): State<StaffFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    staff_post(state, headers, uri, form, StaffForm::Accounts).await
}

async fn evaluation_codes(State(state): State<StaffFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    staff_post(state, headers, uri, form, StaffForm::EvaluationCodes).await
}

async fn messages(State(state): State<StaffFormState>, headers: HeaderMap, uri: Uri, form: FormBody) -> Response {
    staff_post(state, headers, uri, form, StaffForm::Messages).await
}

/// `/personale/rapport.csv`: the report as a download, for the admin of the municipality. A GET
/// that changes nothing, so no CSRF token; the session cookie (SameSite=Strict) and the role
/// decide, as for the page.
async fn report_csv(
    State(state): State<StaffFormState>,
    headers: HeaderMap,
    query: Result<axum::extract::Query<std::collections::HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let access = match cookie_value(&headers) {
        Some(v) => state.stores.staff.access(&v, app::clock::now()).await.unwrap_or_else(|e| {
            tracing::error!(store = "staff", "reading a staff session failed: {e}");
            None
        }),
        None => None,
    };
    let Some(access) = access else {
        return (StatusCode::UNAUTHORIZED, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], t::STAFF_SIGN_IN_FIRST).into_response();
    };
    // A malformed query string is no quarter: the report says so and shows the current one.
    let quarter = query.ok().and_then(|axum::extract::Query(q)| q.get(app::api::staff_form::field::QUARTER).cloned());
    match app::api::evaluation::logic::report_csv(&state.stores.anon.evaluations(), &access, quarter.as_deref(), app::clock::now()).await {
        Ok((file_name, bytes)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], t::STAFF_FORBIDDEN).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_this_sites_pages_may_post() {
        assert!(same_origin(&headers(&[("host", "portal.dk"), ("origin", "https://portal.dk")]), None));
        assert!(!same_origin(&headers(&[("host", "portal.dk"), ("origin", "https://evil.example")]), None));
        // Our own forms under `Referrer-Policy: no-referrer`: Origin is "null", Sec-Fetch-Site tells.
        assert!(same_origin(&headers(&[("host", "portal.dk"), ("origin", "null"), ("sec-fetch-site", "same-origin")]), None));
        assert!(!same_origin(&headers(&[("host", "portal.dk"), ("origin", "null"), ("sec-fetch-site", "cross-site")]), None));
        assert!(!same_origin(&headers(&[("host", "portal.dk"), ("sec-fetch-site", "cross-site")]), None));
        assert!(same_origin(&headers(&[("host", "portal.dk"), ("sec-fetch-site", "same-origin")]), None));
        assert!(same_origin(&headers(&[("host", "portal.dk")]), None), "no header: the CSRF token decides");
    }

    #[test]
    fn behind_a_proxy_that_rewrites_host_the_public_origin_decides() {
        let public = PublicOrigin::parse("https://rusmiddel.kommune.dk").unwrap();
        let proxied = |origin: &'static str| headers(&[("host", "127.0.0.1:3000"), ("origin", origin)]);
        assert!(!same_origin(&proxied("https://rusmiddel.kommune.dk"), None), "without the setting, every proxied POST is refused");
        assert!(same_origin(&proxied("https://rusmiddel.kommune.dk"), Some(&public)));
        assert!(!same_origin(&proxied("https://evil.example"), Some(&public)));
        assert!(!same_origin(&proxied("http://127.0.0.1:3000"), Some(&public)), "the inner address is no longer the origin");
        let null_origin = headers(&[("host", "127.0.0.1:3000"), ("origin", "null"), ("sec-fetch-site", "same-origin")]);
        assert!(same_origin(&null_origin, Some(&public)));
    }

    #[test]
    fn the_csrf_token_must_match_exactly() {
        let expected = "a".repeat(64);
        assert!(token_matches(Some(&"a".repeat(64)), &expected));
        assert!(!token_matches(Some(&"a".repeat(63)), &expected));
        assert!(!token_matches(Some(&format!("{}b", "a".repeat(63))), &expected));
        assert!(!token_matches(None, &expected));
    }
}
