//! `/personale/sager`: the case worker's requests for treatment. Server-rendered only (no
//! script, like every staff page); every action is a POST carrying the session's CSRF token,
//! checked by `server::case_forms` before `api::cases::logic` runs it.

use crate::api::cases::{cases_page, guarantee_page, CaseDetail, CaseLine, CasesPage, GuaranteePage};
use crate::components::CitedFact;
use crate::api::staff_form::{field, path, CaseButton};
use crate::components::staff::{alerts, staff_page, QuarterPicker, StaffFrame};
use crate::text::t;
use leptos::prelude::*;
use crate::components::load::query_param;

/// `/personale/sager?sag=ID`
#[component]
pub fn StaffCasesPage() -> impl IntoView {
    staff_page(t::CASES_TITLE, cases_page(query_param(field::CASE)), |p| view! { <Cases p/> }.into_any())
}

#[component]
fn Cases(p: CasesPage) -> impl IntoView {
    let csrf = p.access.csrf.clone();
    let count = p.lines.len();
    let has_find_error = !p.reference_typed.is_empty();
    view! {
        <StaffFrame title=t::CASES_TITLE.to_string() access=Some(p.access.clone())>
            {alerts(p.message.clone(), p.errors.clone())}
            <p class="font-lead">{t::CASES_LEAD}</p>
            {p.open.clone().map(|d| view! { <Detail d p=p.clone()/> })}
            <form method="post" action=path::CASES class="staff-filter">
                <input type="hidden" name=field::CSRF value=csrf.clone()/>
                <input type="hidden" name=field::ACTION value=CaseButton::Find.value()/>
                <div class="form-group">
                    <label class="form-label" for="reference">{t::CASES_FIND_LABEL}</label>
                    <span class="form-hint" id="reference-hint">{t::CASES_FIND_HINT}</span>
                    <input class="form-input input-width-s" type="text" id="reference" name=field::REFERENCE value=p.reference_typed.clone()
                        autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20"
                        aria-invalid=has_find_error.then_some("true") aria-describedby="reference-hint"/>
                </div>
                <button type="submit" class="button button-secondary">{t::CASES_FIND}</button>
            </form>
            <p><a href=path::GUARANTEE>{t::GUARANTEE_LINK}</a></p>
            <h2 id="sager">{t::CASES_LIST_HEADING} " (" {count} ")"</h2>
            {if p.lines.is_empty() {
                view! { <p>{t::CASES_NONE}</p> }.into_any()
            } else {
                view! {
                    <ul class="unstyled-list case-lines" aria-labelledby="sager">
                        {p.lines.iter().cloned().map(|l| view! { <Line l/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <p class="form-hint">{t::cases_retention(p.retention_days)}</p>
        </StaffFrame>
    }
}

#[component]
fn Line(l: CaseLine) -> impl IntoView {
    view! {
        <li class=if l.overdue { "case-line overdue" } else { "case-line" } data-reference=l.reference.clone()>
            <p>
                <a href=format!("{}?{}={}", path::CASES, field::CASE, l.id)>
                    <span class="sr-only">{t::CASES_OPEN} " "</span>
                    <strong class="case-reference">{l.reference.clone()}</strong>
                </a>
                " · " {l.name.clone()} " · " {l.kommune_name.clone()}
            </p>
            <p>
                <span class="case-status">{l.status_label.clone()}</span> " · "
                <span class="case-clock">{l.clock.clone()}</span>
            </p>
            <p class="form-hint">{t::CASE_EXPORT_RECEIVED} " " {l.received.clone()} " · " {l.substance.clone()}</p>
        </li>
    }
}

#[component]
fn Detail(d: CaseDetail, p: CasesPage) -> impl IntoView {
    let csrf = p.access.csrf.clone();
    let id = d.line.id.to_string();
    let action = format!("{}?{}={}", path::CASES, field::CASE, d.line.id);
    let hidden = {
        let (csrf, id) = (csrf.clone(), id.clone());
        move |button: CaseButton| {
            view! {
                <input type="hidden" name=field::CSRF value=csrf.clone()/>
                <input type="hidden" name=field::CASE value=id.clone()/>
                <input type="hidden" name=field::ACTION value=button.value()/>
            }
        }
    };
    let none = || t::CASE_EXPORT_NOT_GIVEN.to_string();
    let current = d.line.status.clone();
    let status_options = p
        .statuses
        .iter()
        .map(|s| view! { <option value=s.value.clone() selected=s.value == current>{s.text.clone()}</option> })
        .collect_view();
    let delete = if p.confirm_delete {
        view! {
            <div class="alert alert-warning" role="alert" id="slet-spoergsmaal">
                <p class="alert-text">{t::CASES_DELETE_QUESTION}</p>
                <form method="post" action=action.clone() class="inline-form">
                    {hidden(CaseButton::Delete)}
                    <button type="submit" class="button button-primary">{t::CASES_DELETE_YES}</button>
                </form>
                <a href=action.clone() class="button button-secondary">{t::CASES_DELETE_NO}</a>
            </div>
        }
        .into_any()
    } else {
        view! {
            <form method="post" action=action.clone() class="inline-form">
                {hidden(CaseButton::AskDelete)}
                <button type="submit" class="button button-tertiary">{t::CASES_DELETE}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="case-detail" aria-labelledby="sag-heading">
            <h2 id="sag-heading">{t::cases_detail_heading(&d.line.reference)}</h2>
            <dl class="booking-summary">
                <dt>{t::CASE_EXPORT_NAME}</dt><dd id="sag-navn">{d.line.name.clone()}</dd>
                <dt>{t::CASE_EXPORT_PHONE}</dt><dd>{d.phone.clone().unwrap_or_else(none)}</dd>
                <dt>{t::CASE_EXPORT_EMAIL}</dt><dd>{d.email.clone().unwrap_or_else(none)}</dd>
                <dt>{t::CASE_EXPORT_TIMES}</dt><dd>{if d.line.times.is_empty() { none() } else { d.line.times.clone() }}</dd>
                <dt>{t::CASE_EXPORT_KOMMUNE}</dt><dd>{d.line.kommune_name.clone()}</dd>
                <dt>{t::CASE_EXPORT_RECEIVED}</dt><dd>{d.line.received.clone()}</dd>
                <dt>{t::CASE_EXPORT_SUBSTANCE}</dt><dd>{d.line.substance.clone()}</dd>
                <dt>{t::CASE_EXPORT_STATUS}</dt><dd id="sag-status">{d.line.status_label.clone()}</dd>
                <dt>{t::CASES_DEADLINE}</dt><dd id="sag-frist">{d.line.clock.clone()}</dd>
            </dl>
            <form method="post" action=action.clone() class="staff-actions">
                {hidden(CaseButton::Status)}
                <div class="form-group">
                    <label class="form-label" for="status">{t::CASES_STATUS_LABEL}</label>
                    <select class="form-select" id="status" name=field::STATUS>{status_options}</select>
                </div>
                <button type="submit" class="button button-primary">{t::CASES_STATUS_SUBMIT}</button>
            </form>
            {d.may_start_clock.then(|| view! {
                <form method="post" action=action.clone() class="staff-actions">
                    {hidden(CaseButton::Deadline)}
                    <div class=if p.date_error.is_some() { "form-group form-error" } else { "form-group" }>
                        <label class="form-label" for="dato">{t::CASES_CLOCK_LABEL}</label>
                        <span class="form-hint" id="dato-hint">{t::cases_clock_hint(p.guarantee_days)}</span>
                        {p.date_error.clone().map(|e| view! {
                            <span class="form-error-message" id="dato-fejl"><span class="sr-only">{t::ERROR_PREFIX} ": "</span>{e}</span>
                        })}
                        <input class="form-input input-width-s" type="text" id="dato" name=field::DATE inputmode="numeric"
                            autocomplete="off" maxlength="20" value=p.date_typed.clone()
                            aria-invalid=p.date_error.is_some().then_some("true")
                            aria-describedby=if p.date_error.is_some() { "dato-hint dato-fejl" } else { "dato-hint" }/>
                    </div>
                    <button type="submit" class="button button-secondary">{t::CASES_CLOCK_SUBMIT}</button>
                </form>
            })}
            <form method="post" action=action.clone() class="inline-form">
                {hidden(CaseButton::Export)}
                <button type="submit" class="button button-secondary">{t::CASES_EXPORT}</button>
            </form>
            {delete}
            <h3>{t::CASES_HISTORY}</h3>
            <ol class="case-history">
                {d.history.iter().map(|e| view! { <li>{e.at.clone()} " – " {e.who.clone()} " – " {e.what.clone()}</li> }).collect_view()}
            </ol>
            <p><a href=path::CASES>{t::CASES_BACK}</a></p>
        </section>
    }
}

/// `/personale/sager/garanti?kvartal=2026-K4`: the share of the municipality's requests whose
/// guarantee was kept, by quarter, from the case store alone (issue 18).
#[component]
pub fn StaffGuaranteePage() -> impl IntoView {
    staff_page(t::GUARANTEE_TITLE, guarantee_page(query_param(field::QUARTER)), |p| view! { <Guarantee p/> }.into_any())
}

#[component]
fn Guarantee(p: GuaranteePage) -> impl IntoView {
    view! {
        <StaffFrame title=format!("{} – {}", t::GUARANTEE_TITLE, p.quarter) access=Some(p.access.clone())>
            {p.notice.clone().map(|n| view! { <div class="alert alert-warning" role="alert"><p class="alert-text">{n}</p></div> })}
            <p>{t::GUARANTEE_LEAD}</p>
            {p.rule.clone().map(|fact| view! { <CitedFact fact/> })}
            <QuarterPicker action=path::GUARANTEE quarter=p.quarter.clone() previous=p.previous.clone() next=p.next.clone()/>
            <h2>{t::GUARANTEE_SHARE_HEADING}</h2>
            <p class="font-lead" id="guarantee-share"><strong>{p.share.clone()}</strong></p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="udfald-titel">
                <table class="table table--compact report-table">
                    <caption id="udfald-titel">{format!("{} – {}", t::GUARANTEE_TITLE, p.quarter)}</caption>
                    <thead><tr><th scope="col">{t::GUARANTEE_WHAT}</th><th scope="col">{t::GUARANTEE_HOW_MANY}</th></tr></thead>
                    <tbody>
                        {p.counts.iter().map(|(what, n)| view! { <tr><th scope="row">{what.clone()}</th><td>{*n}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="form-hint">{t::guarantee_retention(p.retention_days)}</p>
        </StaffFrame>
    }
}
