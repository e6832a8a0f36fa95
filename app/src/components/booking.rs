//! The booking steps, shared by the pages that book an anonymous talk: `/{kommune}/book`
//! (`pages::book`), the relatives' and counselling series' pages (`pages::relatives`), and the
//! times and calendar file of `/min-aftale` (`pages::manage`).

use crate::api::anonymous::{BookPage, BookStep, DayOption, Series};
use crate::api::anonymous_form::{field, path, Stage, SHOW_CODE, TICKED};
use crate::components::{CitationLine, CitedFact, ContactText, Layout, SolutionInfo};
use crate::domain::kommune::Kommune;
use crate::islands::{ReceiptActions, ShowCode, CODE_FIELD_ID, RECEIPT_CODE_ID};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// The booking steps, shared by `/{kommune}/book` and the relatives' `/{kommune}/paaroerende`.
#[component]
pub fn Booking(p: BookPage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.kommune).expect("the server only answers for known municipalities");
    let solution = SolutionInfo { kommune, site_name: p.site_name.clone(), phone: p.phone.clone(), email: None };
    let relatives = p.relatives.is_some();
    let title = match (&p.step, &p.relatives) {
        (BookStep::Receipt { .. }, _) => t::RECEIPT_TITLE,
        (_, Some(r)) => t::series_text(r.series).title,
        (_, None) => t::BOOK_TITLE,
    };
    let body = match p.step.clone() {
        BookStep::Choose { error } if relatives => view! { <RelativesChoose p=p.clone() error/> }.into_any(),
        BookStep::Choose { error } => view! { <Choose p=p.clone() error/> }.into_any(),
        BookStep::Confirm { slot_value, when } => view! { <Confirm p=p.clone() slot_value when/> }.into_any(),
        BookStep::Receipt { token, booking_id, label, when, new_token } => {
            view! { <Receipt p=p.clone() token booking_id label when new_token/> }.into_any()
        }
        BookStep::QuotaReached => view! { <QuotaReached p=p.clone()/> }.into_any(),
    };
    view! {
        <Title text=format!("{title} – {} – {}", kommune.short_name(), t::PORTAL_NAME)/>
        <Layout solution=solution>
            <h1>{title}</h1>
            {body}
        </Layout>
    }
}

fn book_path(p: &BookPage) -> String {
    p.path.clone()
}

/// The relatives' token in hand, carried to the next step in a hidden field (never in a URL).
fn carried_token(p: &BookPage) -> impl IntoView {
    p.relatives.as_ref().and_then(|r| r.token.clone()).map(|k| view! { <input type="hidden" name=field::CODE value=k/> })
}

#[component]
fn Choose(p: BookPage, error: Option<String>) -> impl IntoView {
    view! {
        <p class="font-lead">{t::BOOK_LEAD}</p>
        <ChooseError error/>
        <WhoMayBook p=p.clone()/>
        <KindsAndTimes p/>
        <p><a href=path::MANAGE>{t::MANAGE_LINK}</a></p>
    }
}

/// Who may book here, and what to know before talking (the duty to notify, the guarantee),
/// each cited: before the first choice.
#[component]
fn WhoMayBook(p: BookPage) -> impl IntoView {
    let notices = p.notices.into_iter().filter(|n| *n != p.who_may_book).map(|f| view! { <CitedFact fact=f/> }).collect_view();
    view! {
        <section aria-labelledby="who-may-book" class="who-may-book">
            <h2 id="who-may-book">{t::BOOK_WHO_HEADING}</h2>
            <CitedFact fact=p.who_may_book/>
            {notices}
        </section>
    }
}

#[component]
fn ChooseError(error: Option<String>) -> impl IntoView {
    error.map(|e| view! {
        <div class="alert alert-error" role="alert" id="book-error">
            <p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p>
        </div>
    })
}

/// The kinds of talk (when there is a choice) and the free times of the chosen one.
#[component]
fn KindsAndTimes(p: BookPage) -> impl IntoView {
    let chosen_id = p.chosen.as_ref().map(|c| c.id.clone());
    let kinds = p
        .kinds
        .iter()
        .map(|k| {
            let current = chosen_id.as_deref() == Some(k.id.as_str());
            view! {
                <li>
                    <a
                        class=if current { "button button-primary kind-link" } else { "button button-secondary kind-link" }
                        href=format!("{}?samtale={}", book_path(&p), k.id)
                        aria-current=current.then_some("true")
                    >
                        {k.name.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    // Steps are numbered only where there are two: a page with one kind of talk (the relatives')
    // starts at choosing the time, and must not start at "2.".
    let numbered = p.kinds.len() > 1;
    let times = p.chosen.clone().map(|chosen| {
        let form = if p.days.is_empty() && p.hours_pending {
            view! {
                <p class="hours-pending" id="hours-pending"><ContactText text=t::book_hours_pending(&p.site_name, p.phone.as_deref())/></p>
                {p.phone_citation.clone().map(|source| view! { <CitationLine source/> })}
            }
            .into_any()
        } else if p.days.is_empty() {
            view! { <p>{t::BOOK_NO_TIMES}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=book_path(&p) class="slot-form">
                    {carried_token(&p)}
                    <input type="hidden" name=field::KIND value=chosen.id.clone()/>
                    <input type="hidden" name=field::STEP value=Stage::Confirm.value()/>
                    {p.days.clone().into_iter().enumerate().map(|(i, d)| view! { <Day d i/> }).collect_view()}
                    <button type="submit" class="button button-primary">{t::BOOK_CONTINUE}</button>
                </form>
            }
            .into_any()
        };
        view! {
            <section aria-labelledby="times">
                <h2 id="times">{if numbered { t::BOOK_TIME_HEADING_NUMBERED } else { t::BOOK_TIME_HEADING }} ": " {chosen.name.clone()}</h2>
                {p.example_hours.then(|| view! { <p class="example-note">{t::BOOK_EXAMPLE_HOURS}</p> })}
                {form}
            </section>
        }
    });
    let choice = (p.kinds.len() > 1).then(|| view! {
        <section aria-labelledby="kinds">
            <h2 id="kinds">{t::BOOK_KIND_HEADING}</h2>
            <ul class="unstyled-list kind-list">{kinds}</ul>
        </section>
    });
    view! {
        {choice}
        {times}
    }
}

#[component]
pub fn Day(d: DayOption, i: usize) -> impl IntoView {
    view! {
        <fieldset class="day">
            <legend class="h5">{d.heading}</legend>
            <ul class="nobullet-list">
                {d.slots
                    .into_iter()
                    .enumerate()
                    .map(|(j, s)| {
                        let id = format!("tid-{i}-{j}");
                        view! {
                            <li class="form-group-radio">
                                <input type="radio" class="form-radio radio-large" name=field::TIME id=id.clone() value=s.value required=true/>
                                <label for=id>{s.label}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn Confirm(p: BookPage, slot_value: String, when: String) -> impl IntoView {
    let chosen = p.chosen.clone().expect("a confirmation always has a kind of talk");
    let place = if p.by_phone { t::BY_PHONE_PLACE.to_string() } else { format!("{}, {}", p.site_name, p.place) };
    view! {
        <h2>{t::BOOK_CONFIRM_HEADING}</h2>
        <dl class="booking-summary">
            <dt>{t::BOOK_YOUR_TIME}</dt>
            <dd id="chosen-time">{chosen.name.clone()} ", " {when}</dd>
            <dt>{t::BOOK_PLACE}</dt>
            <dd>{place}</dd>
        </dl>
        <section aria-labelledby="anonymity">
            <h3 id="anonymity">{t::BOOK_ANONYMITY_HEADING}</h3>
            <p>{t::BOOK_NOTHING_STORED}</p>
            {p.notices.iter().cloned().map(|f| view! { <CitedFact fact=f/> }).collect_view()}
        </section>
        <form method="post" action=book_path(&p)>
            {carried_token(&p)}
            <input type="hidden" name=field::KIND value=chosen.id.clone()/>
            <input type="hidden" name=field::TIME value=slot_value/>
            <input type="hidden" name=field::STEP value=Stage::Book.value()/>
            <button type="submit" class="button button-primary">{t::BOOK_CONFIRM}</button>
        </form>
        <p><a href=format!("{}?samtale={}", book_path(&p), chosen.id)>{t::BOOK_CHOOSE_OTHER}</a></p>
    }
}

#[component]
fn Receipt(p: BookPage, token: String, booking_id: i64, label: String, when: String, new_token: bool) -> impl IntoView {
    let chosen = p.chosen.clone().expect("a receipt always has a kind of talk");
    let place = if p.by_phone { t::BY_PHONE_PLACE.to_string() } else { format!("{}, {}", p.site_name, p.place) };
    let count = p.relatives.as_ref().and_then(|r| r.used.map(|used| t::relatives_used(used, r.max)));
    let code_section = if new_token {
        view! {
        <section class="receipt" aria-labelledby="code-heading">
            <h2 id="code-heading">{t::RECEIPT_CODE_HEADING}</h2>
            <p class="token" id=RECEIPT_CODE_ID>{token.clone()}</p>
            <p><strong>{t::RECEIPT_WHY}</strong></p>
            <p>{t::RECEIPT_WRITE_DOWN}</p>
            <ReceiptActions/>
        </section>
        }
        .into_any()
    } else {
        view! { <p class="font-lead">{t::RELATIVES_SAME_CODE}</p> }.into_any()
    };
    view! {
        {code_section}
        {count.map(|c| view! { <p class="talk-count" id="talk-count">{c}</p> })}
        <section aria-labelledby="label-heading">
            <h2 id="label-heading">{t::RECEIPT_LABEL_HEADING}</h2>
            <p class="label" id="label">{label}</p>
            <p>{t::RECEIPT_LABEL_TEXT}</p>
        </section>
        <dl class="booking-summary">
            <dt>{t::BOOK_YOUR_TIME}</dt>
            <dd id="booked-time">{chosen.name.clone()} ", " {when}</dd>
            <dt>{t::BOOK_PLACE}</dt>
            <dd>{place}</dd>
        </dl>
        <CalendarForm token=token.clone() booking_id=booking_id.to_string()/>
        <form method="get" action=format!("/{}", p.kommune) class="saved-form">
            <div class="form-group-checkbox">
                <input type="checkbox" class="form-checkbox" id="gemt" name=field::SAVED value=TICKED required=true/>
                <label for="gemt">{t::RECEIPT_SAVED}</label>
            </div>
            <button type="submit" class="button button-primary">{t::RECEIPT_DONE}</button>
        </form>
    }
}

/// The first screen: the rules for relatives, the count (with a token in hand), the times, and
/// a field for the token of an earlier talk.
#[component]
fn RelativesChoose(p: BookPage, error: Option<String>) -> impl IntoView {
    let r = p.relatives.clone().expect("the relatives' page has its rules");
    let text = t::series_text(r.series);
    let offered = !p.kinds.is_empty();
    let count = r.used.map(|used| view! { <p class="talk-count" id="talk-count">{t::relatives_used(used, r.max)}</p> });
    let code_form = (offered && r.token.is_none()).then(|| {
        view! {
            <section aria-labelledby="have-code">
                <h2 id="have-code">{t::RELATIVES_HAVE_CODE}</h2>
                <form method="post" action=p.path.clone()>
                    <input type="hidden" name=field::ACTION value=SHOW_CODE/>
                    <CodeField error=r.code_error.clone()/>
                    <button type="submit" class="button button-secondary">{t::RELATIVES_SHOW_COUNT}</button>
                </form>
            </section>
        }
    });
    let booking = if offered {
        let heading = if r.token.is_some() { t::RELATIVES_NEXT_HEADING } else { t::RELATIVES_FIRST_HEADING };
        view! {
            <section aria-labelledby="book-talk">
                <h2 id="book-talk">{heading}</h2>
                {r.token.is_none().then(|| view! { <p>{t::BOOK_LEAD}</p> })}
                <KindsAndTimes p=p.clone()/>
            </section>
        }
        .into_any()
    } else {
        view! { <p class="not-given">{(text.not_offered)(&p.kommune_name, &p.site_name)}</p> }.into_any()
    };
    view! {
        <p class="font-lead">{text.lead}</p>
        {count}
        <ChooseError error/>
        <section aria-labelledby="relatives-rules">
            <h2 id="relatives-rules">{text.rules_heading}</h2>
            {r.facts.into_iter().map(|f| view! { <CitedFact fact=f/> }).collect_view()}
            {r.after.map(|f| view! { <CitedFact fact=f/> })}
            // A relative is told the duty to notify before the first talk, as the person is.
            {(r.series == Series::Relatives).then(|| view! { <CitedFact fact=p.duty_to_notify.clone()/> })}
        </section>
        // Anonymous counselling is the person's own: who may have it, and the rest, as on /book.
        {(r.series == Series::Counselling).then(|| view! { <WhoMayBook p=p.clone()/> })}
        {booking}
        {code_form}
        <p><a href=path::MANAGE>{t::MANAGE_LINK}</a></p>
    }
}

/// The sixth talk: refused, with what the standard says comes next and how to make contact.
#[component]
fn QuotaReached(p: BookPage) -> impl IntoView {
    let r = p.relatives.clone().expect("the relatives' page has its rules");
    let used = r.used.unwrap_or(r.max);
    let contact = match &p.phone {
        Some(phone) => t::relatives_contact_phone(&p.site_name, phone),
        None => t::relatives_contact(&p.site_name, &p.kommune),
    };
    view! {
        <div class="alert alert-warning" role="alert" id="quota-reached">
            <div class="alert-body">
                <p class="alert-heading">{t::relatives_used(used, r.max)}</p>
                <p class="alert-text">{(t::series_text(r.series).quota_reached)(r.max)}</p>
            </div>
        </div>
        <section aria-labelledby="after">
            <h2 id="after">{t::RELATIVES_AFTER_HEADING}</h2>
            {match r.after {
                Some(f) => view! { <CitedFact fact=f/> }.into_any(),
                None => view! { <p class="not-given">{t::RELATIVES_AFTER_SILENT}</p> }.into_any(),
            }}
            <p><ContactText text=contact/></p>
        </section>
        <p><a href=path::MANAGE>{t::MANAGE_LINK}</a></p>
    }
}

/// Download the talk as a calendar file with a title the person chooses (default neutral).
#[component]
pub fn CalendarForm(token: String, booking_id: String) -> impl IntoView {
    let field = format!("titel-{booking_id}");
    let hint = format!("{field}-hint");
    let (place_id, label_id) = (format!("med-sted-{booking_id}"), format!("med-betegnelse-{booking_id}"));
    view! {
        <form method="post" action=path::CALENDAR class="calendar-form">
            <h3 class="h5">{t::CALENDAR_HEADING}</h3>
            <p>{t::CALENDAR_TEXT}</p>
            <input type="hidden" name=field::CODE value=token/>
            <input type="hidden" name=field::BOOKING value=booking_id/>
            <div class="form-group">
                <label class="form-label" for=field.clone()>{t::CALENDAR_TITLE_LABEL}</label>
                <span class="form-hint" id=hint.clone()>{t::CALENDAR_TITLE_HINT}</span>
                <input class="form-input input-width-m" type="text" id=field name=field::TITLE value="Aftale" maxlength="60" autocomplete="off" aria-describedby=hint/>
            </div>
            // Left out unless ticked: a calendar others see then shows only the title and time.
            <fieldset class="form-group">
                <legend class="form-label">{t::CALENDAR_EXTRA_LEGEND}</legend>
                <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id=place_id.clone() name=field::WITH_PLACE value=TICKED/>
                    <label for=place_id>{t::CALENDAR_WITH_PLACE}</label>
                </div>
                <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id=label_id.clone() name=field::WITH_LABEL value=TICKED/>
                    <label for=label_id>{t::CALENDAR_WITH_LABEL}</label>
                </div>
            </fieldset>
            <button type="submit" class="button button-secondary">{t::CALENDAR_SUBMIT}</button>
        </form>
    }
}

/// The field where a person types their code: label, hint, the reason a try was refused, and
/// "Vis koden" (the `ShowCode` island). The manage page and the series pages ask for a code
/// the same way.
#[component]
pub fn CodeField(
    error: Option<String>,
    /// The label and hint where the code is another than a booking's (an evaluation code).
    #[prop(optional)]
    label: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let has_error = error.is_some();
    view! {
        <div class=if has_error { "form-group form-error" } else { "form-group" }>
            <label class="form-label" for=CODE_FIELD_ID>{label.unwrap_or(t::MANAGE_CODE_LABEL)}</label>
            <span class="form-hint" id="kode-hint">{hint.unwrap_or(t::MANAGE_CODE_HINT)}</span>
            {error.map(|e| view! {
                <span class="form-error-message" id="kode-error" role="alert">
                    <span class="sr-only">{t::ERROR_PREFIX} ": "</span>{e}
                </span>
            })}
            <input
                class="form-input input-width-l token-input"
                type="password"
                id=CODE_FIELD_ID
                name=field::CODE
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby=if has_error { "kode-hint kode-error" } else { "kode-hint" }
                required=true
            />
            <ShowCode/>
        </div>
    }
}
