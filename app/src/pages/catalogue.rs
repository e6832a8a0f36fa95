use crate::api::catalogue::{catalogue_page, CataloguePage, ServiceCard, StandardHit};
use crate::domain::catalogue::RawFilter;
use crate::components::{CitationLine, CitedFact, Layout, ProNav};
use crate::components::load::query_param;
use crate::content::CitedText;
use crate::domain::kommune::Kommune;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/katalog`: filter and search the services; a plain GET form, so every result list is a link
/// and works without JavaScript.
#[component]
pub fn CataloguePageView() -> impl IntoView {
    let raw = RawFilter {
        kommune: query_param("kommune"),
        kind: query_param("type"),
        substance: query_param("rusmiddel"),
        age: query_param("alder"),
        anonymous: query_param("anonym"),
        q: query_param("q"),
    };
    let p = catalogue_page(raw);
    view! {
        <Title text=format!("{} – {}", t::CATALOGUE_TITLE, t::PORTAL_NAME)/>
        <Meta name="description" content=t::CATALOGUE_LEAD/>
        <Catalogue p/>
    }
}

#[component]
fn Catalogue(p: CataloguePage) -> impl IntoView {
    let count = p.services.len();
    let hits = p.standard_hits.clone();
    view! {
        <Layout>
            <ProNav/>
            <h1>{t::CATALOGUE_TITLE}</h1>
            <p class="font-lead">{t::CATALOGUE_LEAD}</p>
            <FilterForm p=p.clone()/>
            <section aria-labelledby="services-heading" class="results">
                <h2 id="services-heading">
                    {t::RESULTS_SERVICES} " " <span class="result-count">"(" {count} " " {if count == 1 { t::RESULTS_COUNT_ONE } else { t::RESULTS_COUNT_MANY }} ")"</span>
                </h2>
                {(count == 0).then(|| view! { <p class="no-results">{t::RESULTS_NONE}</p> })}
                <ul class="unstyled-list service-list">
                    {p.services.into_iter().map(|c| view! { <ServiceItem c/> }).collect_view()}
                </ul>
            </section>
            {hits.map(|hits| view! { <StandardHits hits/> })}
        </Layout>
    }
}

#[component]
fn FilterForm(p: CataloguePage) -> impl IntoView {
    let asked = p.asked.clone();
    let error_for = {
        let errors = p.errors.clone();
        move |field: &str| errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    };
    let field_error = move |field: &'static str| {
        error_for(field).map(|m| {
            view! {
                <span class="form-error-message" id=format!("{field}-error")>
                    <span class="sr-only">{t::ERROR_PREFIX} ": "</span>
                    {m}
                </span>
            }
        })
    };
    let group_class = {
        let errors = p.errors.clone();
        move |field: &str| if errors.iter().any(|(f, _)| f == field) { "form-group form-error" } else { "form-group" }
    };
    let described = {
        let errors = p.errors.clone();
        move |field: &str, hint: Option<&str>| {
            let mut ids: Vec<String> = hint.map(|h| vec![h.to_string()]).unwrap_or_default();
            if errors.iter().any(|(f, _)| f == field) {
                ids.push(format!("{field}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let chosen = |v: &Option<String>, option: &str| v.as_deref() == Some(option);
    let kommune_options = Kommune::all()
        .into_iter()
        .map(|k| view! { <option value=k.slug() selected=chosen(&asked.kommune, k.slug())>{k.short_name()}</option> })
        .collect_view();
    let kind_options = p
        .kinds
        .iter()
        .map(|(id, label)| view! { <option value=id.clone() selected=chosen(&asked.kind, id)>{label.clone()}</option> })
        .collect_view();
    let substance_options = [("alcohol", t::SUBSTANCE_ALCOHOL), ("drugs", t::SUBSTANCE_DRUGS)]
        .into_iter()
        .map(|(id, label)| view! { <option value=id selected=chosen(&asked.substance, id)>{label}</option> })
        .collect_view();
    view! {
        <form method="get" action="/katalog" class="filter-form" role="search" aria-labelledby="filter-heading">
            <h2 id="filter-heading" class="h3">{t::FILTER_HEADING}</h2>
            {(!p.errors.is_empty()).then(|| view! {
                <div class="alert alert-error" role="alert">
                    <ul class="alert-text unstyled-list">
                        {p.errors.iter().map(|(_, m)| view! { <li>{m.clone()}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            <div class="form-group">
                <label class="form-label" for="q">{t::FILTER_Q}</label>
                <span class="form-hint" id="q-hint">{t::FILTER_Q_HINT}</span>
                <input class="form-input" type="search" id="q" name="q" maxlength="200" value=asked.q.clone().unwrap_or_default() aria-describedby="q-hint"/>
            </div>
            <div class="filter-grid">
                <div class=group_class("kommune")>
                    <label class="form-label" for="kommune">{t::FILTER_KOMMUNE}</label>
                    {field_error("kommune")}
                    <select class="form-select" id="kommune" name="kommune" aria-describedby=described("kommune", None)>
                        <option value="">{t::FILTER_ALL}</option>
                        {kommune_options}
                    </select>
                </div>
                <div class=group_class("kind")>
                    <label class="form-label" for="type">{t::FILTER_KIND}</label>
                    {field_error("kind")}
                    <select class="form-select" id="type" name="type" aria-describedby=described("kind", None)>
                        <option value="">{t::FILTER_ALL}</option>
                        {kind_options}
                    </select>
                </div>
                <div class=group_class("substance")>
                    <label class="form-label" for="rusmiddel">{t::FILTER_SUBSTANCE}</label>
                    {field_error("substance")}
                    <select class="form-select" id="rusmiddel" name="rusmiddel" aria-describedby=described("substance", None)>
                        <option value="">{t::FILTER_ALL}</option>
                        {substance_options}
                    </select>
                </div>
                <div class=group_class("age")>
                    <label class="form-label" for="alder">{t::FILTER_AGE}</label>
                    <span class="form-hint" id="alder-hint">{t::FILTER_AGE_HINT}</span>
                    {field_error("age")}
                    <input class="form-input input-width-xs" type="text" inputmode="numeric" id="alder" name="alder" maxlength="3"
                        value=asked.age.clone().unwrap_or_default() aria-describedby=described("age", Some("alder-hint"))/>
                </div>
            </div>
            <div class="form-group-checkbox">
                <input type="checkbox" class="form-checkbox" id="anonym" name="anonym" value="ja" checked=asked.anonymous.is_some()/>
                <label for="anonym">{t::FILTER_ANONYMOUS}</label>
            </div>
            <p class="filter-actions">
                <button type="submit" class="button button-primary">{t::FILTER_SUBMIT}</button>
                " "
                <a href="/katalog" class="filter-reset">{t::FILTER_RESET}</a>
            </p>
        </form>
    }
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => t::YES,
        Some(false) => t::NO,
        None => t::NOT_STATED,
    }
}

#[component]
fn ServiceItem(c: ServiceCard) -> impl IntoView {
    let s = c.service;
    let kommuner = s.kommuner.iter().filter_map(|k| Kommune::from_slug(k)).map(|k| k.short_name()).collect::<Vec<_>>().join(", ");
    let age = match (s.min_age, s.max_age) {
        (Some(lo), Some(hi)) => Some(format!("{} {lo} {} {hi} {}", t::AGE_FROM, t::AGE_TO, t::YEARS)),
        (Some(lo), None) => Some(format!("{} {lo} {}", t::AGE_FROM, t::YEARS)),
        (None, Some(hi)) => Some(format!("{} {hi} {}", t::AGE_TO, t::YEARS)),
        (None, None) => None,
    };
    let provider = match s.provider.as_str() {
        "own" => t::PROVIDER_OWN,
        "external" => t::PROVIDER_EXTERNAL,
        _ => t::PROVIDER_OWN_OR_EXTERNAL,
    };
    let provider = match &s.provider_name {
        Some(n) => format!("{provider} ({n})"),
        None => provider.to_string(),
    };
    let substances = s
        .substances
        .iter()
        .map(|x| if x == "alcohol" { t::SUBSTANCE_ALCOHOL } else { t::SUBSTANCE_DRUGS })
        .collect::<Vec<_>>()
        .join(", ");
    let row = |label: &'static str, value: Option<String>| value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> });
    let superseded = c.superseded.iter().map(|(k, by)| {
        let name = Kommune::from_slug(k).map(|k| k.short_name()).unwrap_or_default();
        format!("{} {name} {} {by}", t::STANDARD_SUPERSEDED_FOR, t::STANDARD_SUPERSEDED_BY)
    }).collect::<Vec<_>>();
    view! {
        <li class="service-card" id=format!("ydelse-{}", s.id)>
            <h3 class="h4 service-name">{s.name.clone()}</h3>
            <p class="service-tags">
                <span class="tag-label">{t::kind_label(&s.kind)}</span>
                " · " {kommuner}
                {c.expired.then(|| view! { " " <span class="badge badge-error">{t::TAG_EXPIRED_DOC}</span> })}
                {(!superseded.is_empty()).then(|| view! { " " <span class="superseded">"(" {superseded.join("; ")} ")"</span> })}
            </p>
            <dl class="service-facts">
                <dt>{t::SVC_TARGET_GROUP}</dt>
                <dd>{s.target_group.clone()}</dd>
                {match (age, s.min_age_source.clone()) {
                    // The lowest age from another standard than the card's: cited where it is.
                    (Some(age), Some(source)) => view! {
                        <dt>{t::SVC_AGE}</dt>
                        <dd>{age} <CitationLine source=source/></dd>
                    }
                    .into_any(),
                    (age, _) => row(t::SVC_AGE, age).into_any(),
                }}
                {row(t::SVC_SUBSTANCES, Some(substances))}
                {row(t::SVC_INTENSITY, s.intensity.clone())}
                {row(t::SVC_DURATION, s.duration.clone())}
                {row(t::SVC_PRICE, s.price.clone().map(|price| format!("{price}. {}", t::SVC_PRICE_WHO)))}
                <dt>{t::SVC_ANONYMOUS}</dt>
                <dd>{yes_no(s.anonymous)}</dd>
                <dt>{t::SVC_VISITATION}</dt>
                <dd>{yes_no(s.visitation_required)}</dd>
                <dt>{t::SVC_PROVIDER}</dt>
                <dd>{provider}</dd>
            </dl>
            <CitedFact fact=CitedText { text: s.summary.clone(), source: s.source.clone() }/>
            <details class="details quote-details">
                <summary class="details-summary">{t::SVC_QUOTE}</summary>
                <div class="details-text"><blockquote>"»" {s.quote.clone()} "«"</blockquote></div>
            </details>
        </li>
    }
}

#[component]
fn StandardHits(hits: Vec<StandardHit>) -> impl IntoView {
    view! {
        <section aria-labelledby="standards-heading" class="results standard-hits">
            <h2 id="standards-heading">{t::RESULTS_STANDARDS}</h2>
            {hits.is_empty().then(|| view! { <p class="no-results">{t::RESULTS_STANDARDS_NONE}</p> })}
            <ul class="unstyled-list">
                {hits
                    .into_iter()
                    .map(|h| {
                        view! {
                            <li class="standard-hit">
                                <a href=format!("/standarder/{}#{}", h.doc_id, h.anchor)>{h.heading.clone()}</a>
                                <span class="hit-doc">" – " {h.doc_short.clone()}</span>
                                <p class="hit-snippet">{h.snippet.clone()}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
