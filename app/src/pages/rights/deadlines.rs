use super::{rights_path, solution, Breadcrumbs, RuleCard};
use crate::api::rights::{deadlines, Calculation, DeadlinesPage, FIELD_COMPLAINT, FIELD_GUARANTEE};
use crate::components::{CitationLine, Layout, SourceList};
use crate::domain::kommune::Kommune;
use crate::components::load::{found, path_param, query_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{kommune}/rettigheder/frister`: the latest start of treatment and the last day to
/// complain, from dates the person types (GET form; nothing is stored).
#[component]
pub fn DeadlinesPageView() -> impl IntoView {
    let page = deadlines(&path_param("kommune"), query_param(FIELD_GUARANTEE).as_deref(), query_param(FIELD_COMPLAINT).as_deref());
    found(Ok(page), |p| view! { <Deadlines p/> })
}

#[component]
fn Deadlines(p: DeadlinesPage) -> impl IntoView {
    let k = Kommune::from_slug(&p.kommune.slug).expect("the server returns known slugs");
    let action = format!("{}/frister", rights_path(k));
    // Each form carries the other calculation's date, so both answers stay on the page.
    let guarantee_input = p.guarantee.as_ref().map(|c| c.input.clone()).unwrap_or_default();
    let complaint_input = p.complaint.as_ref().map(|c| c.input.clone()).unwrap_or_default();
    let guarantee = p.guarantee.map(|c| {
        view! { <DateForm c action=action.clone() keep=(FIELD_COMPLAINT, complaint_input.clone())/> }
    });
    let complaint = match (p.complaint, p.complaint_missing) {
        (Some(c), _) => view! { <DateForm c action=action.clone() keep=(FIELD_GUARANTEE, guarantee_input.clone())/> }.into_any(),
        (None, Some(missing)) => view! { <p class="not-given">{missing}</p> }.into_any(),
        (None, None) => ().into_any(),
    };
    view! {
        <Title text=format!("{} – {} – {}", t::DEADLINES_TITLE, k.name(), t::PORTAL_NAME)/>
        <Meta name="description" content=t::deadlines_lead(k.name())/>
        <Layout solution=solution(k, &p.kommune)>
            <Breadcrumbs kommune=k here=t::DEADLINES_TITLE.to_string()/>
            <h1>{t::DEADLINES_TITLE}</h1>
            <p class="font-lead">{t::deadlines_lead(k.name())}</p>
            <section aria-labelledby="guarantee" class="deadline">
                <h2 id="guarantee">{t::GUARANTEE_HEADING}</h2>
                <p>{p.guarantee_explained}</p>
                {guarantee}
                <p>{t::GUARANTEE_NOT_ANONYMOUS_HINT}</p>
                <details class="details">
                    <summary class="details-summary"><span class="details-summary-text">{t::RULES_BEHIND}</span></summary>
                    <div class="details-text">
                        {p.guarantee_rules.into_iter().map(|rule| view! { <RuleCard rule level=3/> }).collect_view()}
                    </div>
                </details>
            </section>
            <section aria-labelledby="complaint" class="deadline">
                <h2 id="complaint">{t::COMPLAINT_HEADING}</h2>
                {complaint}
                {p.complaint_extras.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                <details class="details">
                    <summary class="details-summary"><span class="details-summary-text">{t::RULES_BEHIND}</span></summary>
                    <div class="details-text">
                        {p.complaint_rules.into_iter().map(|rule| view! { <RuleCard rule level=3/> }).collect_view()}
                    </div>
                </details>
            </section>
            <SourceList sources=p.sources/>
        </Layout>
    }
}

/// A date field with its answer (or its error) under it.
#[component]
fn DateForm(c: Calculation, action: String, keep: (&'static str, String)) -> impl IntoView {
    let error = c.outcome.clone().and_then(|o| o.err());
    let answer = c.outcome.and_then(|o| o.ok());
    let has_error = error.is_some();
    let hint_id = format!("{}-hint", c.field);
    let error_id = format!("{}-error", c.field);
    let described = if has_error { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    let (keep_name, keep_value) = keep;
    view! {
        <form method="get" action=action novalidate=true>
            {(!keep_value.is_empty()).then(|| view! { <input type="hidden" name=keep_name value=keep_value/> })}
            <div class=if has_error { "form-group form-error" } else { "form-group" }>
                <label class="form-label" for=c.field.clone()>{c.question}</label>
                <span class="form-hint" id=hint_id>{t::DATE_HINT}</span>
                {error.map(|e| view! {
                    <span class="form-error-message" id=error_id><span class="sr-only">"Fejl: "</span>{e}</span>
                })}
                <input
                    class="form-input input-width-s"
                    type="text"
                    inputmode="numeric"
                    id=c.field.clone()
                    name=c.field.clone()
                    value=c.input
                    maxlength="10"
                    autocomplete="off"
                    aria-describedby=described
                />
            </div>
            <button type="submit" class="button button-secondary">{t::CALCULATE}</button>
        </form>
        {answer.map(|a| view! {
            <div class="alert alert-success deadline-answer" role="status">
                <div class="alert-body">
                    <p class="alert-heading">{a.sentence}</p>
                    <p class="alert-text">{a.days_left}</p>
                    <CitationLine source=a.source/>
                </div>
            </div>
        })}
    }
}
