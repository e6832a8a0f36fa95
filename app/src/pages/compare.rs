use crate::api::catalogue::{comparison, ComparePage};
use crate::components::{CitationLine, Layout, ProNav};
use crate::components::load::query_all;
use crate::content::catalogue::{CompareFact, Comparison};
use crate::domain::kommune::Kommune;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/sammenlign?kommune=a&kommune=b`: municipalities side by side, per topic, every fact cited.
/// On a phone each topic stacks its municipalities; on a wide screen they stand in columns.
#[component]
pub fn ComparePageView() -> impl IntoView {
    let p = comparison(&query_all("kommune"));
    view! {
        <Title text=format!("{} – {}", t::COMPARE_TITLE, t::PORTAL_NAME)/>
        <Meta name="description" content=t::COMPARE_LEAD/>
        <Compare p/>
    }
}

#[component]
fn Compare(p: ComparePage) -> impl IntoView {
    let boxes = Kommune::all()
        .into_iter()
        .map(|k| {
            let id = format!("kommune-{}", k.slug());
            let checked = p.selected.iter().any(|s| s == k.slug());
            view! {
                <li class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id=id.clone() name="kommune" value=k.slug() checked=checked/>
                    <label for=id>{k.name()}</label>
                </li>
            }
        })
        .collect_view();
    let csv = format!("/sammenlign.csv?{}", p.csv_query);
    view! {
        <Layout>
            <ProNav/>
            <h1>{t::COMPARE_TITLE}</h1>
            <p class="font-lead">{t::COMPARE_LEAD}</p>
            <form method="get" action="/sammenlign" class="compare-form">
                {(!p.errors.is_empty()).then(|| view! {
                    <div class="alert alert-error" role="alert">
                        <ul class="alert-text unstyled-list">
                            {p.errors.iter().map(|m| view! { <li>{t::ERROR_PREFIX} ": " {m.clone()}</li> }).collect_view()}
                        </ul>
                    </div>
                })}
                <fieldset>
                    <legend class="form-label">{t::COMPARE_CHOOSE}</legend>
                    <ul class="unstyled-list compare-choices">{boxes}</ul>
                </fieldset>
                <p><button type="submit" class="button button-primary">{t::COMPARE_SUBMIT}</button></p>
            </form>
            {p.comparison.map(|c| view! {
                <p class="csv-link">
                    <a href=csv download="" class="function-link">{t::COMPARE_CSV}</a>
                    <br/>
                    <span class="form-hint">{t::COMPARE_CSV_HINT}</span>
                </p>
                <ComparisonView c/>
            })}
        </Layout>
    }
}

#[component]
fn ComparisonView(c: Comparison) -> impl IntoView {
    let columns = c.kommuner.len();
    // The expired documents the facts on this page come from, named in the note above them.
    let mut expired_docs: Vec<String> = c.rows.iter().flat_map(|r| &r.cells).flatten().filter(|f| f.expired).map(|f| f.fact.source.doc_title.clone()).collect();
    expired_docs.sort();
    expired_docs.dedup();
    let topics = c
        .rows
        .iter()
        .map(|r| view! { <li><a href=format!("#emne-{}", r.key)>{r.title.clone()}</a></li> })
        .collect_view();
    let names = c.kommuner.clone();
    let rows = c
        .rows
        .into_iter()
        .map(|row| {
            let cells = names
                .iter()
                .zip(row.cells)
                .map(|((slug, name), facts)| {
                    let body = if facts.is_empty() {
                        view! { <p class="fact not-given">{t::COMPARE_SILENT}</p> }.into_any()
                    } else {
                        view! { <ul class="unstyled-list compare-facts">{facts.into_iter().map(|f| view! { <Fact f/> }).collect_view()}</ul> }.into_any()
                    };
                    view! {
                        <div class="compare-cell" data-kommune=slug.clone()>
                            <h3 class="h5 compare-kommune">{name.clone()}</h3>
                            {body}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="compare-row" id=format!("emne-{}", row.key) aria-labelledby=format!("emne-{}-h", row.key)>
                    <h2 id=format!("emne-{}-h", row.key) class="h3 compare-topic">{row.title.clone()}</h2>
                    <div class=format!("compare-cells cols-{columns}")>{cells}</div>
                </section>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-labelledby="topics-heading">
            <h2 id="topics-heading" class="h4">{t::COMPARE_TOPICS}</h2>
            <ul class="toc-list">{topics}</ul>
        </nav>
        {(!expired_docs.is_empty()).then(|| view! { <p class="expired-note">{t::compare_expired_note(&expired_docs)}</p> })}
        <div class="comparison">{rows}</div>
    }
}

/// One fact and its citation: the same source line as on every other page, linked to the
/// section it cites and marked where the document has expired (the CSV keeps it as plain text).
#[component]
fn Fact(f: CompareFact) -> impl IntoView {
    view! {
        <li class="compare-fact">
            {f.label.map(|l| view! { <strong class="fact-label">{l}</strong> })}
            <p class="fact">
                {f.fact.text}
                {f.expired.then(|| view! { " " <span class="badge badge-error">{t::TAG_EXPIRED_DOC}</span> })}
            </p>
            <CitationLine source=f.fact.source/>
        </li>
    }
}
