//! The anonymous side's form POSTs: `/{kommune}/book`, `/{kommune}/paaroerende` and `/min-aftale`. Each runs the step in
//! `app::api::anonymous::logic` and renders the same page with the result, so the forms work
//! without JavaScript and the token never appears in a URL or a redirect.

use crate::throttle::GuessLimit;
use crate::{form_fields, FormBody, Stores};
use app::api::anonymous::{logic, ManageStep, Posted, Series};
use app::text::t;
use crate::proxy::ClientAddr;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use leptos::prelude::LeptosOptions;
use std::collections::HashMap;
use std::sync::Arc;

/// Forms here are a handful of short fields; anything bigger is refused before parsing.
const MAX_FORM_BYTES: usize = 16 * 1024;

#[derive(Clone)]
pub struct FormState {
    pub options: LeptosOptions,
    pub stores: Stores,
    pub guesses: Arc<GuessLimit>,
}

pub fn routes(state: FormState) -> Router {
    Router::new()
        .route("/{kommune}/book", post(book))
        .route("/{kommune}/paaroerende", post(series_post).layer(Extension(Series::Relatives)))
        .route("/{kommune}/raadgivning", post(series_post).layer(Extension(Series::Counselling)))
        .route("/min-aftale", post(manage))
        .route("/min-aftale/kalender", post(calendar))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
        .with_state(state)
}

async fn book(
    State(state): State<FormState>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: FormBody,
) -> Response {
    let page = logic::book_post(&state.stores.anon, &kommune, &form_fields(form)).await;
    render(&state, Posted::Book(page), uri).await
}

/// A relative's talk or a talk of a citizen's anonymous counselling series (which one: the route's
/// `Extension`). Typing a token is a guess like any other and is throttled the same way.
async fn series_post(
    State(state): State<FormState>,
    Extension(which): Extension<Series>,
    Extension(client): Extension<ClientAddr>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: FormBody,
) -> Response {
    let page = series(&state, which, client, &kommune, form_fields(form)).await;
    let posted = match which {
        Series::Relatives => Posted::Relatives(page),
        Series::Counselling => Posted::Counselling(page),
    };
    render(&state, posted, uri).await
}

async fn series(state: &FormState, series: Series, client: ClientAddr, kommune: &str, mut form: HashMap<String, String>) -> Option<app::api::anonymous::BookPage> {
    let carries_token = form.get("kode").is_some_and(|k| !k.trim().is_empty());
    if carries_token && !state.guesses.allow(client.0) {
        form.clear();
        let step = app::api::anonymous::BookStep::Choose { error: Some(t::MANAGE_THROTTLED.to_string()) };
        logic::series_page(&state.stores.anon, series, kommune, None, step, None, None).await
    } else {
        logic::series_post(&state.stores.anon, series, kommune, &form).await
    }
}

async fn manage(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    uri: Uri,
    form: FormBody,
) -> Response {
    // Throttle before any token work (rate limit per client, in memory only).
    let step = if state.guesses.allow(client.0) {
        logic::manage_post(&state.stores.anon, &form_fields(form)).await
    } else {
        ManageStep::Enter { error: Some(t::MANAGE_THROTTLED.to_string()) }
    };
    render(&state, Posted::Manage(step), uri).await
}

/// The calendar file for one booking, or the manage page saying why not. Throttled like every
/// other use of a token.
async fn calendar(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    form: FormBody,
) -> Response {
    let manage_uri = Uri::from_static("/min-aftale");
    if !state.guesses.allow(client.0) {
        let step = ManageStep::Enter { error: Some(t::MANAGE_THROTTLED.to_string()) };
        return render(&state, Posted::Manage(step), manage_uri).await;
    }
    match logic::calendar_post(&state.stores.anon, &form_fields(form)).await {
        Ok((file_name, body)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            ],
            body,
        )
            .into_response(),
        Err(step) => render(&state, Posted::Manage(step), manage_uri).await,
    }
}

async fn render(state: &FormState, posted: Posted, uri: Uri) -> Response {
    crate::render_page(&state.options, &state.stores, posted, uri).await
}
