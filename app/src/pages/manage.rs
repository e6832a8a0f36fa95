use crate::api::anonymous::{BookingLine, DayOption, ManageStep};
use crate::components::load::posted;
use crate::api::anonymous_form::{field, path, ManageAction};
use crate::components::booking::{CalendarForm, CodeField, Day};
use crate::components::Layout;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/min-aftale`: manage a booking with the token. The token travels only in POST bodies; the
/// page is never cached (Cache-Control: no-store).
#[component]
pub fn ManagePage() -> impl IntoView {
    let step = posted::<ManageStep>().unwrap_or(ManageStep::Enter { error: None });
    view! {
        <Title text=format!("{} – {}", t::MANAGE_TITLE, t::PORTAL_NAME)/>
        <Layout>
            <h1>{t::MANAGE_TITLE}</h1>
            {match step {
                ManageStep::Enter { error } => view! { <EnterCode error/> }.into_any(),
                ManageStep::List { token, bookings, message } => view! { <List token bookings message/> }.into_any(),
                ManageStep::ConfirmCancel { token, booking } => view! { <ConfirmCancel token booking/> }.into_any(),
                ManageStep::ChooseMove { token, booking, days, error } => view! { <ChooseMove token booking days error/> }.into_any(),
            }}
        </Layout>
    }
}

#[component]
fn EnterCode(error: Option<String>) -> impl IntoView {
    view! {
        <p class="font-lead">{t::MANAGE_LEAD}</p>
        <form method="post" action=path::MANAGE>
            <input type="hidden" name=field::ACTION value=ManageAction::Show.value()/>
            <CodeField error/>
            <button type="submit" class="button button-primary">{t::MANAGE_SUBMIT}</button>
        </form>
    }
}

#[component]
fn Booking(b: BookingLine) -> impl IntoView {
    view! {
        <dl class="booking-summary">
            <dt>{t::BOOK_YOUR_TIME}</dt>
            <dd>{b.kind_name} ", " {b.when}</dd>
            <dt>{t::BOOK_PLACE}</dt>
            <dd>{b.place}</dd>
            <dt>{t::RECEIPT_LABEL_HEADING}</dt>
            <dd class="label">{b.label}</dd>
        </dl>
    }
}

#[component]
fn List(token: String, bookings: Vec<BookingLine>, message: Option<String>) -> impl IntoView {
    let empty = bookings.is_empty();
    view! {
        {message.map(|m| view! {
            <div class="alert alert-info" role="status"><p class="alert-text">{m}</p></div>
        })}
        {empty.then(|| view! { <p>{t::MANAGE_NONE}</p> })}
        <ul class="unstyled-list booking-list">
            {bookings
                .into_iter()
                .map(|b| {
                    let id = b.id.to_string();
                    let cancellable = b.cancellable;
                    let token = token.clone();
                    view! {
                        <li class="booking">
                            <Booking b/>
                            {cancellable.then(|| view! {
                                <div class="booking-actions">
                                    <TokenAction token=token.clone() action=ManageAction::ChooseMove booking=id.clone() label=t::MANAGE_MOVE/>
                                    <TokenAction token=token.clone() action=ManageAction::AskCancel booking=id.clone() label=t::MANAGE_CANCEL/>
                                </div>
                                <CalendarForm token=token.clone() booking_id=id.clone()/>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn ConfirmCancel(token: String, booking: BookingLine) -> impl IntoView {
    let id = booking.id.to_string();
    view! {
        <h2>{t::MANAGE_CANCEL_QUESTION}</h2>
        <Booking b=booking/>
        <TokenAction token=token.clone() action=ManageAction::Cancel booking=id label=t::MANAGE_CANCEL_YES primary=true/>
        <TokenAction token=token action=ManageAction::Show booking=String::new() label=t::MANAGE_CANCEL_NO/>
    }
}

#[component]
fn ChooseMove(token: String, booking: BookingLine, days: Vec<DayOption>, error: Option<String>) -> impl IntoView {
    let id = booking.id.to_string();
    let form = if days.is_empty() {
        view! { <p>{t::BOOK_NO_TIMES}</p> }.into_any()
    } else {
        view! {
            <form method="post" action=path::MANAGE>
                <input type="hidden" name=field::CODE value=token.clone()/>
                <input type="hidden" name=field::ACTION value=ManageAction::Move.value()/>
                <input type="hidden" name=field::BOOKING value=id/>
                {days.into_iter().enumerate().map(|(i, d)| view! { <Day d i/> }).collect_view()}
                <button type="submit" class="button button-primary">{t::MANAGE_MOVE_SUBMIT}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <h2>{t::MANAGE_MOVE_HEADING}</h2>
        {error.map(|e| view! {
            <div class="alert alert-error" role="alert"><p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p></div>
        })}
        <Booking b=booking/>
        {form}
        <form method="post" action=path::MANAGE>
            <input type="hidden" name=field::CODE value=token/>
            <input type="hidden" name=field::ACTION value=ManageAction::Show.value()/>
            <button type="submit" class="button button-tertiary">{t::MANAGE_BACK}</button>
        </form>
    }
}

/// A one-button form that carries the token in the POST body (never the URL) with an action.
#[component]
fn TokenAction(
    token: String,
    action: ManageAction,
    /// The booking the action is for; empty for none.
    booking: String,
    label: &'static str,
    #[prop(optional)] primary: bool,
) -> impl IntoView {
    view! {
        <form method="post" action=path::MANAGE class="inline-form">
            <input type="hidden" name=field::CODE value=token/>
            <input type="hidden" name=field::ACTION value=action.value()/>
            {(!booking.is_empty()).then(|| view! { <input type="hidden" name=field::BOOKING value=booking/> })}
            <button type="submit" class=if primary { "button button-primary" } else { "button button-secondary" }>{label}</button>
        </form>
    }
}
