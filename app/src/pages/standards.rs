use crate::api::catalogue::{standard, standards};
use crate::components::{ContactText, Layout, ProNav};
use crate::content::catalogue::{Block, Standard, StandardSummary};
use crate::domain::kommune::Kommune;
use crate::domain::standard_status::Status;
use crate::components::load::{found, path_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn status_badge(s: Status) -> impl IntoView {
    let (class, label) = match s {
        Status::Current => ("badge badge-success", t::STATUS_CURRENT),
        Status::DueForRevision => ("badge badge-warning", t::STATUS_DUE),
        Status::Expired => ("badge badge-error", t::STATUS_EXPIRED),
        Status::NotYetValid => ("badge badge-info", t::STATUS_NOT_YET),
        Status::Undated => ("badge badge-info", t::STATUS_UNDATED),
    };
    view! { <span class=format!("{class} status-badge") data-status=format!("{s:?}")>{label}</span> }
}

fn status_text(s: Status) -> Option<&'static str> {
    match s {
        Status::DueForRevision => Some(t::STATUS_DUE_TEXT),
        Status::Expired => Some(t::STATUS_EXPIRED_TEXT),
        Status::Undated => Some(t::STATUS_UNDATED_TEXT),
        _ => None,
    }
}

fn kommune_names(slugs: &[String]) -> String {
    slugs.iter().filter_map(|s| Kommune::from_slug(s)).map(|k| k.short_name()).collect::<Vec<_>>().join(", ")
}

/// The facts about a document: municipalities, approval, validity, status today, supersession.
#[component]
fn StandardFacts(s: StandardSummary) -> impl IntoView {
    let superseded = s.superseded.clone();
    view! {
        <dl class="standard-facts">
            <dt>{t::STANDARD_MUNICIPALITIES}</dt>
            <dd>{kommune_names(&s.kommuner)}</dd>
            <dt>{t::STANDARD_APPROVED}</dt>
            <dd>{s.approved.clone()}</dd>
            <dt>{t::STANDARD_VALIDITY}</dt>
            <dd>{s.validity.clone()}</dd>
            <dt>{t::STANDARD_STATUS}</dt>
            <dd>
                {status_badge(s.status)}
                {status_text(s.status).map(|x| view! { " " <span>{x}</span> })}
                {superseded
                    .into_iter()
                    .map(|x| {
                        let name = Kommune::from_slug(&x.kommune).map(|k| k.short_name()).unwrap_or_default();
                        view! {
                            <span class="superseded">
                                " " {t::STANDARD_SUPERSEDED_FOR} " " {name} " " {t::STANDARD_SUPERSEDED_BY} " "
                                <a href=format!("/standarder/{}", x.by_id)>{x.by_short}</a> "."
                            </span>
                        }
                    })
                    .collect_view()}
            </dd>
        </dl>
    }
}

/// `/standarder`: the five documents with their status today.
#[component]
pub fn StandardsPage() -> impl IntoView {
    let list = standards();
    view! {
        <Title text=format!("{} – {}", t::STANDARDS_TITLE, t::PORTAL_NAME)/>
        <Meta name="description" content=t::STANDARDS_LEAD/>
        <Layout>
            <ProNav/>
            <h1>{t::STANDARDS_TITLE}</h1>
            <p class="font-lead">{t::STANDARDS_LEAD}</p>
            <ul class="unstyled-list standard-list">
                {list
                    .into_iter()
                    .map(|s| {
                        let href = format!("/standarder/{}", s.id);
                        view! {
                            <li class="standard-card">
                                <h2 class="h3"><a href=href>{s.short.clone()}</a></h2>
                                <p>{s.title.clone()}</p>
                                <StandardFacts s/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Layout>
    }
}

/// `/standarder/{id}`: one document's text, structured, with a table of contents.
#[component]
pub fn StandardPage() -> impl IntoView {
    found(Ok(standard(&path_param("id"))), |s| view! { <StandardView s/> })
}

fn block_view(b: Block) -> AnyView {
    match b {
        Block::Paragraph(p) => view! { <p><ContactText text=p/></p> }.into_any(),
        Block::List { ordered: false, items } => {
            view! { <ul>{items.into_iter().map(|i| view! { <li><ContactText text=i/></li> }).collect_view()}</ul> }.into_any()
        }
        Block::List { ordered: true, items } => {
            view! { <ol>{items.into_iter().map(|i| view! { <li><ContactText text=i/></li> }).collect_view()}</ol> }.into_any()
        }
        Block::Table(rows) => {
            // The seeds' tables have no header row: each row's first cell names it.
            view! {
                <div class="table--responsive-scroll">
                    <table class="table">
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|r| {
                                    let mut cells = r.into_iter();
                                    let first = cells.next().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{first}</th>
                                            {cells.map(|c| view! { <td><ContactText text=c/></td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn StandardView(s: Standard) -> impl IntoView {
    let summary = s.summary.clone();
    let toc = s
        .sections
        .iter()
        .filter(|x| !x.heading.is_empty())
        .map(|x| {
            let class = if x.level == 3 { "toc-sub" } else { "toc-main" };
            view! { <li class=class><a href=format!("#{}", x.anchor)>{x.heading.clone()}</a></li> }
        })
        .collect_view();
    let sections = s
        .sections
        .into_iter()
        .map(|x| {
            let heading = match (x.heading.is_empty(), x.level) {
                (true, _) => None,
                (false, 3) => Some(view! { <h3 id=x.anchor.clone()>{x.heading.clone()}</h3> }.into_any()),
                (false, _) => Some(view! { <h2 id=x.anchor.clone()>{x.heading.clone()}</h2> }.into_any()),
            };
            view! {
                <div class="standard-section">
                    {heading}
                    {x.blocks.into_iter().map(block_view).collect_view()}
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} – {}", summary.short, t::PORTAL_NAME)/>
        <Meta name="description" content=summary.title.clone()/>
        <Layout>
            <ProNav/>
            <p class="back-link-wrap"><a class="back-link" href="/standarder">{t::STANDARD_ALL}</a></p>
            // Where a link to the document as a whole lands (the municipality's start page names
            // its standard so): the title, then its status and period.
            <h1 id=crate::components::DOCUMENT_FRAGMENT>{summary.short.clone()}</h1>
            <p class="font-lead">{summary.title.clone()}</p>
            <StandardFacts s=summary.clone()/>
            <p class="standard-note">{t::STANDARD_TEXT_NOTE}</p>
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading" class="h4">{t::STANDARD_TOC}</h2>
                <ol class="toc-list">{toc}</ol>
            </nav>
            <article class="standard-text">{sections}</article>
        </Layout>
    }
}
