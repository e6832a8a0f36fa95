use crate::api::anonymous::{book_page, BookPage, BookStep, DayOption, Posted};
use crate::components::{CitationLine, CitedFact, Layout, SolutionInfo};
use crate::islands::{ReceiptActions, RECEIPT_CODE_ID};
use crate::domain::kommune::Kommune;
use crate::pages::load::{loaded, path_param, query_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/{kommune}/book`: choose a kind of talk → a time → read what anonymity means and confirm →
/// receipt with the token. Every step is a plain form, so it works without JavaScript; the token
/// only ever appears in the body of a POST response.
#[component]
pub fn BookPageView() -> impl IntoView {
    let posted = use_context::<Posted>().and_then(|p| match p {
        Posted::Book(page) => Some(page),
        _ => None,
    });
    let (kommune, samtale) = (path_param("kommune"), query_param("samtale"));
    loaded(
        async move {
            match posted {
                Some(page) => Ok(page),
                None => book_page(&kommune, samtale.as_deref()).await,
            }
        },
        |p| view! { <Booking p/> },
    )
}

/// The booking steps, shared by `/{kommune}/book` and the relatives' `/{kommune}/paaroerende`.
#[component]
pub(crate) fn Booking(p: BookPage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.kommune).expect("the server only answers for known municipalities");
    let solution = SolutionInfo { kommune, site_name: p.site_name.clone(), phone: p.phone.clone(), email: None };
    let relatives = p.relatives.is_some();
    let title = match (&p.step, &p.relatives) {
        (BookStep::Receipt { .. }, _) => t::RECEIPT_TITLE,
        (_, Some(r)) => t::series_text(r.series).title,
        (_, None) => t::BOOK_TITLE,
    };
    let body = match p.step.clone() {
        BookStep::Choose { error } if relatives => view! { <crate::pages::relatives::RelativesChoose p=p.clone() error/> }.into_any(),
        BookStep::Choose { error } => view! { <Choose p=p.clone() error/> }.into_any(),
        BookStep::Confirm { slot_value, when } => view! { <Confirm p=p.clone() slot_value when/> }.into_any(),
        BookStep::Receipt { token, booking_id, label, when, new_token } => {
            view! { <Receipt p=p.clone() token booking_id label when new_token/> }.into_any()
        }
        BookStep::QuotaReached => view! { <crate::pages::relatives::QuotaReached p=p.clone()/> }.into_any(),
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
pub(crate) fn carried_token(p: &BookPage) -> impl IntoView {
    p.relatives.as_ref().and_then(|r| r.token.clone()).map(|k| view! { <input type="hidden" name="kode" value=k/> })
}

#[component]
fn Choose(p: BookPage, error: Option<String>) -> impl IntoView {
    view! {
        <p class="font-lead">{t::BOOK_LEAD}</p>
        <ChooseError error/>
        <WhoMayBook p=p.clone()/>
        <KindsAndTimes p/>
        <p><a href="/min-aftale">{t::MANAGE_LINK}</a></p>
    }
}

/// Who may book here, and what to know before talking (the duty to notify, the guarantee),
/// each cited: before the first choice.
#[component]
pub(crate) fn WhoMayBook(p: BookPage) -> impl IntoView {
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
pub(crate) fn ChooseError(error: Option<String>) -> impl IntoView {
    error.map(|e| view! {
        <div class="alert alert-error" role="alert" id="book-error">
            <p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p>
        </div>
    })
}

/// The kinds of talk (when there is a choice) and the free times of the chosen one.
#[component]
pub(crate) fn KindsAndTimes(p: BookPage) -> impl IntoView {
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
                <p class="hours-pending" id="hours-pending">{t::book_hours_pending(&p.site_name, p.phone.as_deref())}</p>
                {p.phone_citation.clone().map(|source| view! { <CitationLine source/> })}
            }
            .into_any()
        } else if p.days.is_empty() {
            view! { <p>{t::BOOK_NO_TIMES}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=book_path(&p) class="slot-form">
                    {carried_token(&p)}
                    <input type="hidden" name="samtale" value=chosen.id.clone()/>
                    <input type="hidden" name="trin" value="bekraeft"/>
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
pub(crate) fn Day(d: DayOption, i: usize) -> impl IntoView {
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
                                <input type="radio" class="form-radio radio-large" name="tid" id=id.clone() value=s.value required=true/>
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
            <input type="hidden" name="samtale" value=chosen.id.clone()/>
            <input type="hidden" name="tid" value=slot_value/>
            <input type="hidden" name="trin" value="book"/>
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
        <crate::pages::manage::CalendarForm token=token.clone() booking_id=booking_id.to_string()/>
        <form method="get" action=format!("/{}", p.kommune) class="saved-form">
            <div class="form-group-checkbox">
                <input type="checkbox" class="form-checkbox" id="gemt" name="gemt" value="ja" required=true/>
                <label for="gemt">{t::RECEIPT_SAVED}</label>
            </div>
            <button type="submit" class="button button-primary">{t::RECEIPT_DONE}</button>
        </form>
    }
}
