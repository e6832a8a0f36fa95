//! The anonymous side's form POSTs: `/{kommune}/book`, `/{kommune}/paaroerende` and `/min-aftale`. Each runs the step in
//! `app::api::anonymous::logic` and renders the same page with the result, so the forms work
//! without JavaScript and the token never appears in a URL or a redirect.

use crate::form_guard::{self, FormLimit, Guard};
use crate::metrics::{self, LimitName};
use crate::proxy::{ClientAddr, PublicOrigin};
use crate::throttle::{Counted, Refused, Taken, WindowLimit};
use crate::{form_fields, FormBody, Stores};
use app::domain::kommune::KommunePath;
use app::api::anonymous::{logic, BookPage, BookStep, ManageStep, Series};
use app::api::CrossSiteRefused;
use app::api::anonymous_form::{path, BookingForm, EvaluationAction, EvaluationForm, Fields, WriteAction, WriteForm};
use app::api::evaluation::{self, EvaluationPage, EvaluationStep};
use app::api::messages::{self, WritePage};
use app::text::t;
use axum::extract::{Path, State};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

/// Each form's byte limit, from its fields (`form_guard`): the booking and series forms' kind,
/// time, step, code, title, ticks and booking; the evaluation's code, action and answers (a
/// questionnaire has at most a dozen questions); the message form's message and its few short
/// fields; the manage page's and the calendar file's code, action and ticks.
pub const BOOK_FORM: FormLimit = FormLimit::new(12, &[]);
pub const EVALUATION_FORM: FormLimit = FormLimit::new(20, &[]);
pub const WRITE_FORM: FormLimit = FormLimit::new(8, &[(app::api::anonymous_form::field::BODY, app::domain::message::MAX_CHARS)]);
pub const MANAGE_FORM: FormLimit = FormLimit::new(8, &[]);

#[derive(Clone)]
pub struct FormState {
    pub options: LeptosOptions,
    pub stores: Stores,
    /// Codes typed that were not found, per client (see `throttle`).
    pub guesses: Arc<WindowLimit>,
    /// New bookings made, per client.
    pub bookings: Arc<WindowLimit>,
    /// New message threads opened, per client (issue 19).
    pub threads: Arc<WindowLimit>,
    /// The origin browsers see, where a proxy rewrites `Host` (none: `Host` is compared).
    pub public_origin: Option<PublicOrigin>,
}

pub fn routes(state: FormState) -> Router {
    let guarded = |limit: FormLimit| {
        let render = form_guard::render_refusal(state.clone(), |state, uri| async move { render(&state, CrossSiteRefused, uri).await });
        axum::middleware::from_fn_with_state(Guard::citizen(limit, state.public_origin.clone(), render), form_guard::guard)
    };
    Router::new()
        .route(KommunePath::Book.route(), post(book).layer(guarded(BOOK_FORM)))
        .route(KommunePath::Relatives.route(), post(series_post).layer(Extension(Series::Relatives)).layer(guarded(BOOK_FORM)))
        .route(KommunePath::Counselling.route(), post(series_post).layer(Extension(Series::Counselling)).layer(guarded(BOOK_FORM)))
        .route(KommunePath::Evaluation.route(), post(evaluation_post).layer(guarded(EVALUATION_FORM)))
        .route(KommunePath::Write.route(), post(write_post).layer(guarded(WRITE_FORM)))
        .route(path::MANAGE, post(manage).layer(guarded(MANAGE_FORM)))
        .route(path::CALENDAR, post(calendar).layer(guarded(MANAGE_FORM)))
        .with_state(state)
}

/// Whether the page is a receipt: a booking was made.
fn booked(page: &Option<BookPage>) -> bool {
    page.as_ref().is_some_and(|p| matches!(p.step, BookStep::Receipt { .. }))
}

/// Whether a typed code was found: a series page that does not say why the code was refused.
fn code_accepted(page: &Option<BookPage>) -> bool {
    page.as_ref().is_none_or(|p| p.relatives.as_ref().is_none_or(|r| r.code_error.is_none()))
}

/// Whether the manage page got past the code: anything but the page that asks for it again.
fn token_found(step: &ManageStep) -> bool {
    !matches!(step, ManageStep::Enter { .. })
}

/// Gives a unit back when its attempt did not count.
async fn settle(limit: &WindowLimit, unit: Option<Taken>, counts: bool) {
    if let Some(unit) = unit.filter(|_| !counts) {
        limit.give_back(unit).await;
    }
}

/// Takes a unit of `limit` for `client` when `when` holds (the attempt is one the limit counts).
async fn take_if(when: bool, limit: &WindowLimit, client: ClientAddr) -> Result<Option<Taken>, Refused> {
    match when {
        true => limit.take(Counted::Client(client.0), app::clock::now()).await.map(Some),
        false => Ok(None),
    }
}

/// The booking limit's refusal, with when to try again.
fn booking_refused(refused: Refused) -> BookStep {
    metrics::limit_refused(LimitName::bookings);
    BookStep::Choose { error: Some(refused.say(t::BOOK_THROTTLED, app::clock::now(), true)) }
}

/// The guess limit's refusal, with when to try again.
fn guesses_refused(refused: Refused) -> String {
    metrics::limit_refused(LimitName::guesses);
    refused.say(t::MANAGE_THROTTLED, app::clock::now(), true)
}

async fn book(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: FormBody,
) -> Response {
    let fields = form_fields(form);
    let form = BookingForm::read(&fields);
    // Only the last step books, so only it is counted against the booking limit.
    let unit = match take_if(form.books(), &state.bookings, client).await {
        Ok(unit) => unit,
        Err(refused) => {
            let page = logic::book_page(&state.stores.anon, &kommune, form.kind.as_deref(), booking_refused(refused)).await;
            return render(&state, page, uri).await;
        }
    };
    let page = logic::book_post(&state.stores.anon, &kommune, &fields).await;
    settle(&state.bookings, unit, booked(&page)).await;
    render(&state, page, uri).await
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
    render(&state, page, uri).await
}

async fn series(state: &FormState, series: Series, client: ClientAddr, kommune: &str, fields: Fields) -> Option<BookPage> {
    let refused_page = |step| logic::series_page(&state.stores.anon, series, kommune, None, step, None, None);
    let form = BookingForm::read(&fields);
    let guess = match take_if(form.code.is_some(), &state.guesses, client).await {
        Ok(unit) => unit,
        Err(refused) => return refused_page(BookStep::Choose { error: Some(guesses_refused(refused)) }).await,
    };
    let booking = match take_if(form.books(), &state.bookings, client).await {
        Ok(unit) => unit,
        Err(refused) => {
            // The code was not looked up, so it cost nothing.
            settle(&state.guesses, guess, false).await;
            return refused_page(booking_refused(refused)).await;
        }
    };
    let page = logic::series_post(&state.stores.anon, series, kommune, &fields).await;
    settle(&state.guesses, guess, !code_accepted(&page)).await;
    settle(&state.bookings, booking, booked(&page)).await;
    page
}

async fn manage(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    uri: Uri,
    form: FormBody,
) -> Response {
    // A unit of the guess limit is taken before any token work, and given back if the code is found.
    let step = match state.guesses.take(Counted::Client(client.0), app::clock::now()).await {
        Ok(unit) => {
            let step = logic::manage_post(&state.stores.anon, &form_fields(form)).await;
            settle(&state.guesses, Some(unit), !token_found(&step)).await;
            step
        }
        Err(refused) => ManageStep::Enter { error: Some(guesses_refused(refused)) },
    };
    render(&state, step, uri).await
}

/// The calendar file for one booking, or the manage page saying why not. Throttled like every
/// other use of a token.
async fn calendar(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    form: FormBody,
) -> Response {
    let manage_uri = Uri::from_static(path::MANAGE);
    let unit = match state.guesses.take(Counted::Client(client.0), app::clock::now()).await {
        Ok(unit) => unit,
        Err(refused) => {
            let step = ManageStep::Enter { error: Some(guesses_refused(refused)) };
            return render(&state, step, manage_uri).await;
        }
    };
    let result = logic::calendar_post(&state.stores.anon, &form_fields(form)).await;
    settle(&state.guesses, Some(unit), result.as_ref().is_err_and(|step| !token_found(step))).await;
    match result {
        Ok((file_name, body)) => calendar_file(&file_name, body),
        Err(step) => render(&state, step, manage_uri).await,
    }
}

/// Whether an evaluation page refused the code typed (unknown, used, expired, another
/// municipality's, or mistyped): such an attempt counts as a guess.
fn code_refused(page: &Option<EvaluationPage>) -> bool {
    page.as_ref().is_some_and(|p| matches!(p.step, EvaluationStep::Enter { error: Some(_) }))
}

/// `/{kommune}/evaluering`: open a code's questions, send the answers, or take a follow-up's
/// reminders as a calendar file. Every use of a code is throttled like a token's; a unit is given
/// back where the code was found.
async fn evaluation_post(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: FormBody,
) -> Response {
    let fields = form_fields(form);
    let now = app::clock::now();
    let unit = match state.guesses.take(Counted::Client(client.0), now).await {
        Ok(unit) => unit,
        Err(refused) => {
            metrics::limit_refused(LimitName::guesses);
            let page = evaluation::logic::enter(&kommune, Some(refused.say(t::EVAL_THROTTLED, now, true)));
            return render(&state, page, uri).await;
        }
    };
    let evaluations = state.stores.anon.evaluations();
    if EvaluationForm::read(&fields).action == EvaluationAction::Calendar {
        let result = evaluation::logic::calendar_post(&evaluations, &kommune, &fields, now).await;
        settle(&state.guesses, Some(unit), result.as_ref().is_err_and(code_refused)).await;
        return match result {
            Ok((file_name, body)) => calendar_file(&file_name, body),
            Err(page) => render(&state, page, uri).await,
        };
    }
    let page = evaluation::logic::post(&state.stores.anon, &kommune, &fields, now).await;
    settle(&state.guesses, Some(unit), code_refused(&page)).await;
    render(&state, page, uri).await
}

/// `/{kommune}/skriv`: open a thread, read it with its code, write again, delete it, or take a
/// reminder as a calendar file. A new thread takes a unit of the flood limit (given back when
/// nothing was opened); typing a code takes a guess, given back where the code was found.
async fn write_post(
    State(state): State<FormState>,
    Extension(client): Extension<ClientAddr>,
    Path(kommune): Path<String>,
    uri: Uri,
    form: FormBody,
) -> Response {
    let fields = form_fields(form);
    let now = app::clock::now();
    let typed = WriteForm::read(&fields);
    if typed.action() == WriteAction::Calendar {
        return match messages::logic::calendar_post(&kommune, &fields, now) {
            Some((file_name, body)) => calendar_file(&file_name, body),
            None => render(&state, None::<WritePage>, uri).await,
        };
    }
    let opening = typed.action() == WriteAction::Send;
    let new_thread = match take_if(opening, &state.threads, client).await {
        Ok(unit) => unit,
        Err(refused) => {
            metrics::limit_refused(LimitName::threads);
            let page = messages::logic::refused(&kommune, &typed, refused.say(t::MSG_FLOODED, now, true));
            return render(&state, page, uri).await;
        }
    };
    let guess = match take_if(typed.code.is_some(), &state.guesses, client).await {
        Ok(unit) => unit,
        Err(refused) => {
            settle(&state.threads, new_thread, false).await;
            metrics::limit_refused(LimitName::guesses);
            let page = messages::logic::refused(&kommune, &typed, refused.say(t::MSG_THROTTLED, now, true));
            return render(&state, page, uri).await;
        }
    };
    let page = messages::logic::post(&state.stores.anon, &kommune, &fields, now).await;
    settle(&state.threads, new_thread, page.as_ref().is_some_and(WritePage::opened_a_thread)).await;
    settle(&state.guesses, guess, page.as_ref().is_some_and(WritePage::refused_a_code)).await;
    render(&state, page, uri).await
}

/// A calendar file as a download. The names are the portal's own (plain ASCII).
fn calendar_file(file_name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        body,
    )
        .into_response()
}

/// The page at `uri` with what the POST produced: an `Option<BookPage>` for the booking and
/// series pages, a `ManageStep` for `/min-aftale`.
async fn render<P: Clone + Send + Sync + 'static>(state: &FormState, posted: P, uri: Uri) -> Response {
    crate::render_page(&state.options, &state.stores, posted, uri).await
}
