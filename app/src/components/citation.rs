use crate::content::{CitedText, SourceDocument};
use crate::text::t;
use leptos::prelude::*;

/// The fragment of a standard's page where the document's title and facts stand (its status
/// and period): where a link to the document as a whole lands. The underscore keeps it apart
/// from the sections' fragments, which are letters, digits and hyphens (`anchor_of`).
pub const DOCUMENT_FRAGMENT: &str = "om_dokumentet";

/// The link to a standard as a whole: its title and facts on its page.
pub fn document_href(doc_id: &str) -> String {
    format!("/standarder/{doc_id}#{DOCUMENT_FRAGMENT}")
}

/// A fact followed by where it comes from: document, section and, where given, the law.
#[component]
pub fn CitedFact(fact: CitedText) -> impl IntoView {
    view! {
        <p class="fact"><super::ContactText text=fact.text/></p>
        <CitationLine source=fact.source/>
    }
}

/// Where a fact comes from: document, section and, where given, the law. `covers` names the
/// facts it is the source of, where it stands for more than the one just before it.
#[component]
pub fn CitationLine(source: crate::content::Citation, #[prop(optional)] covers: Vec<&'static str>) -> impl IntoView {
    let c = source;
    let law = c.law.clone().map(|l| format!(", {l}"));
    let expired = c.expired.map(|period| format!(" – {}", t::from_expired_standard(&period)));
    // The section on the standard's own page, so a reader can check the words in their place.
    let href = match &c.anchor {
        Some(anchor) => format!("/standarder/{}#{anchor}", c.doc_id),
        None => format!("/standarder/{}", c.doc_id),
    };
    let lead = if covers.len() > 1 { t::source_for(&covers) } else { t::SOURCE.to_string() };
    // A statute quoted in a standard is the statute: named first, then where it is reproduced.
    if let (true, Some(statute)) = (c.statute, c.law.clone()) {
        return view! {
            <p class="citation" data-covers=(covers.len() > 1).then(|| covers.len().to_string())>
                {lead} ": " {statute} ", " {t::AS_REPRODUCED_IN} " " {c.doc_title} ", " <a href=href>{t::SECTION} " »" {c.section} "«"</a> {expired} "."
            </p>
        }
        .into_any();
    }
    view! {
        <p class="citation" data-covers=(covers.len() > 1).then(|| covers.len().to_string())>
            {lead} ": " {c.doc_title} ", " <a href=href>{t::SECTION} " »" {c.section} "«"</a> {law} {expired} "."
        </p>
    }
    .into_any()
}

/// One labelled fact in a list of details (a site's address, phone …), and the standard's own
/// word on it where there is one (the advice beside the e-mail address).
pub struct Detail {
    pub id: &'static str,
    pub label: &'static str,
    pub fact: Option<CitedText>,
    pub note: Option<CitedText>,
}

/// Labelled facts, each with its source. Consecutive facts from the same section of the same
/// document share one source line that names them ("Kilde for adresse og telefon: …"), so a page
/// does not say the same source five times running; a screen reader hears the facts, then where
/// they come from. A fact the standard does not give says so and has no source.
#[component]
pub fn CitedDetails(details: Vec<Detail>) -> impl IntoView {
    let mut groups: Vec<Vec<Detail>> = Vec::new();
    for detail in details {
        let same_source = |group: &Vec<Detail>| {
            let last = group.last().and_then(|d| d.fact.as_ref()).map(|f| &f.source);
            last.is_some() && last == detail.fact.as_ref().map(|f| &f.source)
        };
        match groups.last_mut() {
            Some(group) if same_source(group) => group.push(detail),
            _ => groups.push(vec![detail]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let source = group.last().and_then(|d| d.fact.as_ref()).map(|f| f.source.clone());
            let covers: Vec<&'static str> = group.iter().map(|d| d.label).collect();
            let details = group
                .into_iter()
                .map(|d| {
                    view! {
                        <div class="site-detail" id=d.id>
                            <h3 class="h5">{d.label}</h3>
                            {match d.fact {
                                Some(f) => view! { <p class="fact"><super::ContactText text=f.text/></p> }.into_any(),
                                None => view! { <p class="fact not-given">{t::NOT_IN_STANDARD}</p> }.into_any(),
                            }}
                            {d.note.map(|f| view! { <div class="detail-note"><CitedFact fact=f/></div> })}
                        </div>
                    }
                })
                .collect_view();
            view! {
                {details}
                {source.map(|source| view! { <CitationLine source covers/> })}
            }
        })
        .collect_view()
}

/// The documents a page cites, with their approval and validity.
#[component]
pub fn SourceList(sources: Vec<SourceDocument>) -> impl IntoView {
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading" class="h4">{t::SOURCE_DOCS_HEADING}</h2>
            <ul>
                {sources
                    .into_iter()
                    .map(|d| {
                        view! {
                            <li>
                                <strong>{d.title}</strong> " (" {d.issuer} "). " {d.approved} ". "
                                "Gyldighed: " {d.validity} "."
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
