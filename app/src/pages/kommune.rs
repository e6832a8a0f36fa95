use crate::api::content::kommune_page;
use crate::components::{document_href, CitedDetails, CitedFact, Detail, Layout, SolutionInfo, SourceList};
use crate::content::catalogue::StandardFor;
use crate::content::KommunePage;
use crate::domain::contact::{phone_shown, tel_href};
use crate::domain::rights::Topic;
use crate::domain::standard_status::Status;
use crate::domain::kommune::{Kommune, KommunePath};
use crate::components::load::{found, path_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{kommune}`: the municipality's start page — where to go, how to reach it, when it is open,
/// each fact with its source.
#[component]
pub fn KommuneStartPage() -> impl IntoView {
    found(Ok(kommune_page(&path_param("kommune"))), |p| view! { <KommuneView p/> })
}

#[component]
fn KommuneView(p: KommunePage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.slug).expect("content slugs are checked at start");
    let solution = SolutionInfo {
        kommune,
        site_name: p.site_name.clone(),
        phone: p.phone.as_ref().map(|f| f.text.clone()),
        email: p.email.as_ref().map(|f| f.text.clone()),
    };
    let title = format!("{} – {}", kommune.name(), t::PORTAL_NAME);
    let description = p.site_about.text.clone();
    let detail = |id, label, fact: &Option<crate::content::CitedText>| Detail { id, label, fact: fact.clone(), note: None };
    let details = vec![
        detail("adresse", t::ADDRESS, &p.address),
        detail("telefon", t::PHONE, &p.phone),
        // The standard's own advice, where it gives it, beside the address it is about.
        Detail { note: p.email_advice.clone(), ..detail("e-mail", t::EMAIL, &p.email) },
        detail("hjemmeside", t::WEBSITE, &p.website),
        detail("kontakt", t::HOW_TO_CONTACT, &p.contact_ways),
        detail("aabningstider", t::OPENING_HOURS, &p.opening_hours),
    ];
    // Relatives go to their own talks where the municipality offers them, else to what the
    // rights pages say about support for relatives.
    let relatives_path = match p.relatives_max {
        Some(_) => kommune.page(KommunePath::Relatives),
        None => format!("{}/{}", kommune.page(KommunePath::Rights), Topic::Relatives.slug()),
    };
    let call = p.phone.as_ref().and_then(|f| Some((tel_href(&f.text)?, phone_shown(&f.text)?)));
    let call = match call {
        Some((href, shown)) => view! {
            <li>
                <a class="button button-secondary task" href=href>{t::task_call(p.phone_answered_by(), &shown)}</a>
                {p.opening_hours.is_some().then(|| view! { <p class="task-note"><a href="#aabningstider">{t::TASK_OPENING_HOURS}</a></p> })}
            </li>
        }
        .into_any(),
        // The standard gives no number: say so, and point to the other ways it gives.
        None => view! {
            <li><p class="task-note">{t::task_no_phone(&p.site_name)} " " <a href="#kontakt">{t::TASK_OTHER_WAYS}</a></p></li>
        }
        .into_any(),
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <Layout solution=solution>
            <h1>{kommune.name()}</h1>
            // What a person came to do, first: the facts and their sources follow.
            <nav class="tasks" aria-label=t::TASKS_LABEL>
                <ul class="unstyled-list task-list">
                    <li><a class="button button-primary task" href=kommune.page(KommunePath::Book)>{t::KOMMUNE_BOOK_LINK}</a></li>
                    {call}
                    <li><a class="button button-secondary task" href=kommune.page(KommunePath::Rights)>{t::TASK_RIGHTS}</a></li>
                    <li><a class="button button-secondary task" href=relatives_path.clone()>{t::TASK_RELATIVE}</a></li>
                </ul>
            </nav>
            <section aria-labelledby="site">
                <h2 id="site">{t::KOMMUNE_SITE_HEADING} ": " {p.site_name.clone()}</h2>
                <CitedFact fact=p.site_about.clone()/>
                <CitedDetails details/>
            </section>
            // Every fact above and the rights pages rest on this standard: how current it is.
            <KommuneStandard kommune s=crate::api::content::kommune_standard(kommune)/>
            <section aria-labelledby="rights">
                <h2 id="rights">{t::RIGHTS_TITLE}</h2>
                <p><a href=kommune.page(KommunePath::Rights)>{t::RIGHTS_LINK}</a></p>
                <p><a href=kommune.page(KommunePath::RightsGuide)>{t::RIGHTS_GUIDE_LINK}</a></p>
            </section>
            <section aria-labelledby="request">
                <h2 id="request">{t::REQ_KOMMUNE_HEADING}</h2>
                <p>{t::REQ_KOMMUNE_TEXT}</p>
                <p><a href=kommune.page(KommunePath::Request)>{t::REQ_KOMMUNE_LINK}</a></p>
            </section>
            <section aria-labelledby="anonymity">
                <h2 id="anonymity">{t::ANONYMITY_HEADING}</h2>
                {p.anonymity.clone().map(|f| view! { <CitedFact fact=f/> })}
                {p.counselling_max.map(|_| view! {
                    <p><a href=kommune.page(KommunePath::Counselling)>{t::COUNSELLING_BOOK_LINK}</a></p>
                })}
                <p><a href=crate::api::anonymous_form::path::MANAGE>{t::MANAGE_LINK}</a></p>
                {crate::api::content::takes_messages(kommune).then(|| view! {
                    <p><a href=kommune.page(KommunePath::Write)>{t::MSG_KOMMUNE_LINK}</a></p>
                })}
                {crate::api::content::evaluates(kommune).then(|| view! {
                    <p><a href=kommune.page(KommunePath::Evaluation)>{t::EVAL_KOMMUNE_LINK}</a></p>
                })}
            </section>
            {p.relatives.clone().map(|f| view! {
                <section aria-labelledby="relatives">
                    <h2 id="relatives">{t::WHO_RELATIVE_TITLE}</h2>
                    <CitedFact fact=f/>
                    {match p.relatives_max {
                        Some(_) => view! { <p><a href=relatives_path.clone()>{t::RELATIVES_BOOK_LINK}</a></p> }.into_any(),
                        // No relatives' talks to book here: where to read about support instead.
                        None => view! { <p><a href=relatives_path.clone()>{t::NEXT_READ_RELATIVES}</a></p> }.into_any(),
                    }}
                </section>
            })}
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
            <SourceList sources=p.sources.clone()/>
        </Layout>
    }
}

/// Which quality standard the page's facts rest on, whether it is in force today, and whether a
/// newer one has been published: a reader should not have to guess how current the page is.
/// Everything here follows from the standard's dates and today's, so a standard that expires, or
/// a newer one added to the content, changes what the page says without an edit here.
#[component]
fn KommuneStandard(kommune: Kommune, s: StandardFor) -> impl IntoView {
    use crate::text::dates::day_month_year;
    use chrono::Datelike;
    let doc = s.summary;
    let in_force = matches!(doc.status, Status::Current | Status::DueForRevision);
    let lead = if in_force { t::kommune_standard_in_force(kommune.name()) } else { t::kommune_standard_newest(kommune.name()) };
    let status = match (doc.status, s.from, s.until) {
        (Status::DueForRevision, _, Some(until)) => t::standard_in_force_until(&day_month_year(until)),
        (Status::Current | Status::DueForRevision, _, _) => t::standard_in_force(&doc.validity),
        (Status::Expired, from, Some(until)) => {
            let period = match from {
                Some(from) if from.year() != until.year() => format!("{}–{}", from.year(), until.year()),
                _ => until.year().to_string(),
            };
            t::standard_expired(&period)
        }
        (Status::NotYetValid, Some(from), _) => t::standard_not_yet(&day_month_year(from)),
        _ => t::STATUS_UNDATED_TEXT.to_string(),
    };
    let newer = if s.newer.is_empty() {
        view! { <p>{t::NO_NEWER_STANDARD}</p> }.into_any()
    } else {
        let links = s
            .newer
            .into_iter()
            .map(|n| view! { <li><a href=document_href(&n.id)>{n.title}</a> " (" {n.issuer} ")"</li> })
            .collect_view();
        view! { <p>{t::NEWER_STANDARD}</p> <ul>{links}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="standard" class="kommune-standard">
            <h2 id="standard">{t::KOMMUNE_STANDARD_HEADING}</h2>
            <p>{lead} " " <a href=document_href(&doc.id)>{doc.title}</a> " (" {doc.issuer} ")."</p>
            <p>{status}</p>
            {newer}
        </section>
    }
}
