use crate::content::{CitedText, SourceDocument};
use crate::text::t;
use leptos::prelude::*;

/// A fact followed by where it comes from: document, section and, where given, the law.
#[component]
pub fn CitedFact(fact: CitedText) -> impl IntoView {
    view! {
        <p class="fact"><super::ContactText text=fact.text/></p>
        <CitationLine source=fact.source/>
    }
}

/// Where a fact comes from: document, section and, where given, the law.
#[component]
pub fn CitationLine(source: crate::content::Citation) -> impl IntoView {
    let c = source;
    let law = c.law.map(|l| format!(", {l}"));
    // The section on the standard's own page, so a reader can check the words in their place.
    let href = match &c.anchor {
        Some(anchor) => format!("/standarder/{}#{anchor}", c.doc_id),
        None => format!("/standarder/{}", c.doc_id),
    };
    view! {
        <p class="citation">
            {t::SOURCE} ": " {c.doc_title} ", " <a href=href>{t::SECTION} " »" {c.section} "«"</a> {law} "."
        </p>
    }
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
