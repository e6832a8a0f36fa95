use crate::api::cases::{request_page, FieldMessage, FormValues, GuaranteeInfo, RequestPage, RequestStep};
use crate::components::{CitedFact, Layout, SolutionInfo, SourceList};
use crate::domain::kommune::{Kommune, KommunePath};
use crate::domain::request::{ContactTime, Field, CHECKED, NONCE_FIELD};
use crate::components::load::{found, path_param, posted};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/{kommune}/henvendelse`: an identified request for treatment (SEL § 101, SUL § 141). One
/// plain form that works without JavaScript (POST to this URL, answered by rendering this page
/// with the result), then a receipt with the reference number. The form carries a random nonce
/// (`skema`), so a double click or a reload files one request.
#[component]
pub fn RequestPageView() -> impl IntoView {
    let page = match posted::<Option<RequestPage>>() {
        Some(page) => Ok(page),
        None => request_page(&path_param("kommune")),
    };
    found(page, |p| view! { <RequestView p/> })
}

#[component]
fn RequestView(p: RequestPage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.kommune).expect("the server only answers for known municipalities");
    let solution = SolutionInfo { kommune, site_name: p.site_name.clone(), phone: p.site_phone.clone(), email: p.site_email.clone() };
    let (title, body) = match p.step.clone() {
        RequestStep::Form { skema, values, errors, form_error } => {
            (t::REQ_TITLE, view! { <RequestForm p=p.clone() skema values errors form_error/> }.into_any())
        }
        RequestStep::Receipt { reference, received, again } => {
            (t::REQ_RECEIPT_TITLE, view! { <Receipt p=p.clone() reference received again/> }.into_any())
        }
    };
    view! {
        <Title text=format!("{title} – {} – {}", kommune.short_name(), t::PORTAL_NAME)/>
        <Layout solution=solution>
            <h1>{title}</h1>
            {body}
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
            <SourceList sources=p.sources.clone()/>
        </Layout>
    }
}

/// The guarantee in this municipality: the last day where it is known, how the days are counted
/// (cited), why there is no date yet where the clock starts later, and the law's rules.
#[component]
fn Guarantee(g: GuaranteeInfo) -> impl IntoView {
    view! {
        <section aria-labelledby="guarantee-heading" class="guarantee">
            <h2 id="guarantee-heading">{t::REQ_GUARANTEE_HEADING}</h2>
            {g.date_sentence.map(|s| view! { <p class="guarantee-date" id="guarantee-date"><strong>{s}</strong></p> })}
            {g.explained.map(|f| view! { <CitedFact fact=f/> })}
            {g.not_yet.map(|s| view! { <p class="guarantee-not-yet" id="guarantee-not-yet">{s}</p> })}
            {g.other_site.map(|f| view! { <CitedFact fact=f/> })}
            <h3 class="h4">{t::RIGHTS_LAW_HEADING}</h3>
            {g.law.into_iter().map(|f| view! { <CitedFact fact=f/> }).collect_view()}
        </section>
    }
}

#[component]
fn NextSteps(steps: Vec<String>) -> impl IntoView {
    view! {
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">{t::REQ_NEXT_HEADING}</h2>
            <ol class="next-steps">{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
        </section>
    }
}

#[component]
fn RequestForm(p: RequestPage, skema: String, values: FormValues, errors: Vec<FieldMessage>, form_error: Option<String>) -> impl IntoView {
    let path = KommunePath::Request.of(&p.kommune);
    let error_of = {
        let errors = errors.clone();
        move |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
    };
    let group = {
        let error_of = error_of.clone();
        move |field: &str| if error_of(field).is_some() { "form-group form-error" } else { "form-group" }
    };
    let described = {
        let error_of = error_of.clone();
        move |field: &str, hint: Option<&str>| {
            let mut ids: Vec<String> = hint.map(|h| vec![h.to_string()]).unwrap_or_default();
            if error_of(field).is_some() {
                ids.push(format!("{field}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let message = {
        let error_of = error_of.clone();
        move |field: &'static str| {
            error_of(field).map(|m| {
                view! {
                    <span class="form-error-message" id=format!("{field}-error")>
                        <span class="sr-only">{t::ERROR_PREFIX} ": "</span>
                        {m}
                    </span>
                }
            })
        }
    };
    let summary = (!errors.is_empty()).then(|| {
        view! {
            <div class="alert alert-error" role="alert" id="error-summary">
                <h2 class="alert-heading h4">{t::REQ_ERRORS_HEADING}</h2>
                <ul class="alert-text nobullet-list">
                    {errors
                        .iter()
                        .map(|e| view! { <li><a href=format!("#{}", e.field)>{e.message.clone()}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let form_error = form_error.map(|e| {
        view! {
            <div class="alert alert-error" role="alert" id="form-error">
                <p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p>
            </div>
        }
    });
    let substances = [("alkohol", t::REQ_SUBSTANCE_ALCOHOL), ("andre", t::REQ_SUBSTANCE_OTHER), ("begge", t::REQ_SUBSTANCE_BOTH)];
    let substance_radios = substances
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            // The first radio carries the field's id, so the error summary's link lands on it.
            let id = if i == 0 { "rusmiddel".to_string() } else { format!("rusmiddel-{value}") };
            view! {
                <div class="form-group-radio">
                    <input type="radio" class="form-radio" name=Field::Substance.id() id=id.clone() value=value checked={values.substance == value} required=true/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="font-lead">{t::REQ_LEAD}</p>
        <p>{t::REQ_NOT_ANONYMOUS} " " <a href=KommunePath::Book.of(&p.kommune)>{t::KOMMUNE_BOOK_LINK}</a></p>
        <p>{t::REQ_SEPARATE}</p>
        <section aria-labelledby="who-may-request" class="who-may-request">
            <h2 id="who-may-request">{t::REQ_WHO_HEADING}</h2>
            {p.scope_notice.clone().map(|f| view! { <div class="scope-notice"><CitedFact fact=f/></div> })}
            {p.who_may_request.clone().into_iter().map(|f| view! { <CitedFact fact=f/> }).collect_view()}
            <CitedFact fact=p.duty_to_notify.clone()/>
        </section>
        <Guarantee g=p.guarantee.clone()/>
        <h2 id="form-heading">{t::REQ_FORM_HEADING}</h2>
        {form_error}
        {summary}
        <form method="post" action=path class="request-form" novalidate=true aria-labelledby="form-heading">
            <input type="hidden" name=NONCE_FIELD value=skema/>
            <div class=group("rusmiddel")>
                <fieldset aria-describedby=described("rusmiddel", None)>
                    <legend class="form-label h4">{t::REQ_SUBSTANCE_LEGEND}</legend>
                    {message("rusmiddel")}
                    {substance_radios}
                </fieldset>
            </div>
            <fieldset class="contact" aria-describedby="kontakt-hint">
                <legend class="form-label h4">{t::REQ_CONTACT_LEGEND}</legend>
                <span class="form-hint" id="kontakt-hint">{t::REQ_CONTACT_HINT}</span>
                <div class=group("navn")>
                    <label class="form-label" for=Field::Name.id()>{t::REQ_NAME_LABEL}</label>
                    {message("navn")}
                    <input class="form-input input-width-xl" type="text" id=Field::Name.id() name=Field::Name.id() autocomplete="name" maxlength="100"
                        required=true value=values.name.clone() aria-describedby=described("navn", None)/>
                </div>
                <div class=group("telefon")>
                    <label class="form-label" for=Field::Phone.id()>{t::REQ_PHONE_LABEL}</label>
                    <span class="form-hint" id="telefon-hint">{t::REQ_PHONE_HINT}</span>
                    {message("telefon")}
                    <input class="form-input input-width-s" type="tel" id=Field::Phone.id() name=Field::Phone.id() autocomplete="tel" inputmode="tel" maxlength="24"
                        value=values.phone.clone() aria-describedby=described("telefon", Some("telefon-hint"))/>
                </div>
                <div class=group("email")>
                    <label class="form-label" for=Field::Email.id()>{t::REQ_EMAIL_LABEL}</label>
                    {message("email")}
                    <input class="form-input input-width-xl" type="email" id=Field::Email.id() name=Field::Email.id() autocomplete="email" maxlength="254"
                        spellcheck="false" value=values.email.clone() aria-describedby=described("email", None)/>
                </div>
            </fieldset>
            <fieldset class="times" aria-describedby="tider-hint">
                <legend class="form-label h4">{t::REQ_TIMES_LEGEND}</legend>
                <span class="form-hint" id="tider-hint">{t::REQ_TIMES_HINT}</span>
                <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id=ContactTime::Morning.field() name=ContactTime::Morning.field() value=CHECKED checked=values.morning/>
                    <label for=ContactTime::Morning.field()>{t::REQ_TIME_MORNING}</label>
                </div>
                <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id=ContactTime::Afternoon.field() name=ContactTime::Afternoon.field() value=CHECKED checked=values.afternoon/>
                    <label for=ContactTime::Afternoon.field()>{t::REQ_TIME_AFTERNOON}</label>
                </div>
            </fieldset>
            <section class="consent" aria-labelledby="consent-heading">
                <h3 id="consent-heading" class="h4">{t::REQ_CONSENT_HEADING}</h3>
                <p id="samtykke-tekst">{p.consent.clone()}</p>
                <div class=group("samtykke")>
                    {message("samtykke")}
                    <div class="form-group-checkbox">
                        <input type="checkbox" class="form-checkbox" id=Field::Consent.id() name=Field::Consent.id() value=CHECKED required=true checked=values.consent
                            aria-describedby=described("samtykke", Some("samtykke-tekst"))/>
                        <label for=Field::Consent.id()>{t::REQ_CONSENT_LABEL}</label>
                    </div>
                </div>
            </section>
            <button type="submit" class="button button-primary">{t::REQ_SUBMIT}</button>
        </form>
        <NextSteps steps=p.next_steps.clone()/>
    }
}

#[component]
fn Receipt(p: RequestPage, reference: String, received: String, again: bool) -> impl IntoView {
    view! {
        {again.then(|| view! {
            <div class="alert alert-info" role="status" id="sent-before"><p class="alert-text">{t::REQ_RECEIPT_AGAIN}</p></div>
        })}
        <section class="receipt" aria-labelledby="reference-heading">
            <h2 id="reference-heading">{t::REQ_RECEIPT_REFERENCE}</h2>
            <p class="reference" id="reference">{reference}</p>
            <p>{t::REQ_RECEIPT_REFERENCE_TEXT}</p>
            <p id="received">{t::req_received_on(&received)}</p>
        </section>
        <Guarantee g=p.guarantee.clone()/>
        <NextSteps steps=p.next_steps.iter().skip(1).cloned().collect()/>
        <p>{p.contact_site.clone()}</p>
        <p><a class="button button-primary" href=format!("/{}", p.kommune)>{t::REQ_RECEIPT_DONE}</a></p>
    }
}
