use crate::api::anonymous::{series_page, BookPage, Posted, Series};
use crate::components::CitedFact;
use crate::islands::{ShowCode, CODE_FIELD_ID};
use crate::pages::book::{Booking, ChooseError, KindsAndTimes, WhoMayBook};
use crate::pages::load::{loaded, path_param, query_param};
use crate::text::t;
use leptos::prelude::*;

/// `/{kommune}/paaroerende`: a relative's anonymous talks. The first talk gives a token; the same
/// token books the next ones, up to the municipality's cap, and the page always says how many
/// are used. Steps are plain POSTs to this URL, like the booking page's.
#[component]
pub fn RelativesPageView() -> impl IntoView {
    view! { <SeriesPage series=Series::Relatives/> }
}

/// `/{kommune}/raadgivning`: a citizen's anonymous counselling series, the same way, capped by
/// the standard (Ishøj and Vallensbæk 3–5, Odsherred 1–5 talks).
#[component]
pub fn CounsellingPageView() -> impl IntoView {
    view! { <SeriesPage series=Series::Counselling/> }
}

#[component]
fn SeriesPage(series: Series) -> impl IntoView {
    let posted = use_context::<Posted>().and_then(|p| match (p, series) {
        (Posted::Relatives(page), Series::Relatives) | (Posted::Counselling(page), Series::Counselling) => Some(page),
        _ => None,
    });
    let (kommune, samtale) = (path_param("kommune"), query_param("samtale"));
    loaded(
        async move {
            match posted {
                Some(page) => Ok(page),
                None => series_page(series, &kommune, samtale.as_deref()).await,
            }
        },
        |p| view! { <Booking p/> },
    )
}

/// The first screen: the rules for relatives, the count (with a token in hand), the times, and
/// a field for the token of an earlier talk.
#[component]
pub(crate) fn RelativesChoose(p: BookPage, error: Option<String>) -> impl IntoView {
    let r = p.relatives.clone().expect("the relatives' page has its rules");
    let text = t::series_text(r.series);
    let offered = !p.kinds.is_empty();
    let count = r.used.map(|used| view! { <p class="talk-count" id="talk-count">{t::relatives_used(used, r.max)}</p> });
    let has_code_error = r.code_error.is_some();
    let code_form = (offered && r.token.is_none()).then(|| {
        view! {
            <section aria-labelledby="have-code">
                <h2 id="have-code">{t::RELATIVES_HAVE_CODE}</h2>
                <form method="post" action=p.path.clone()>
                    <input type="hidden" name="handling" value="kode"/>
                    <div class=if has_code_error { "form-group form-error" } else { "form-group" }>
                        <label class="form-label" for="kode">{t::MANAGE_CODE_LABEL}</label>
                        <span class="form-hint" id="kode-hint">{t::MANAGE_CODE_HINT}</span>
                        {r.code_error.clone().map(|e| view! {
                            <span class="form-error-message" id="kode-error" role="alert"><span class="sr-only">{t::ERROR_PREFIX} ": "</span>{e}</span>
                        })}
                        <input
                            class="form-input input-width-l token-input"
                            type="password"
                            id=CODE_FIELD_ID
                            name="kode"
                            autocomplete="off"
                            autocapitalize="characters"
                            spellcheck="false"
                            aria-describedby=if has_code_error { "kode-hint kode-error" } else { "kode-hint" }
                            required=true
                        />
                        <ShowCode/>
                    </div>
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
        <p><a href="/min-aftale">{t::MANAGE_LINK}</a></p>
    }
}

/// The sixth talk: refused, with what the standard says comes next and how to make contact.
#[component]
pub(crate) fn QuotaReached(p: BookPage) -> impl IntoView {
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
            <p>{contact}</p>
        </section>
        <p><a href="/min-aftale">{t::MANAGE_LINK}</a></p>
    }
}
