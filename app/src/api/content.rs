//! Public content: the municipalities' pages. Reads only the reviewed content files.
use crate::content::KommunePage;

/// The municipality start page's content, or `None` for a slug the portal does not serve.
pub fn kommune_page(slug: &str) -> Option<KommunePage> {
    crate::content::find_kommune(slug).map(|k| crate::content::content().kommune(k).clone())
}

/// Where the law says that every municipality must offer treatment (drugs, then alcohol): the
/// home page cites it for a person whose municipality the portal does not cover.
pub fn treatment_duty() -> Vec<crate::content::Citation> {
    let c = crate::content::content();
    ["sel101-ret-til-behandling", "sul141-gratis"].into_iter().map(|id| c.rule(crate::content::LAW_SCOPE, id).fact.source.clone()).collect()
}

/// The municipality's standard's advice against sending confidential information from a private
/// e-mail, where it gives it: shown beside its e-mail address wherever the page shows it.
pub fn email_advice(kommune: crate::domain::kommune::Kommune) -> Option<crate::content::CitedText> {
    crate::content::content().kommune(kommune).email_advice.clone()
}

/// Whether the municipality takes anonymous messages through the portal (`messages.toml`): its
/// page then links `/{kommune}/skriv`.
pub fn takes_messages(kommune: crate::domain::kommune::Kommune) -> bool {
    crate::content::catalogue().messages().iter().any(|m| m.kommune == kommune.slug())
}

/// Whether the municipality takes anonymous evaluations and follow-ups through the portal
/// (`evaluation.toml`): its page then links `/{kommune}/evaluering`.
pub fn evaluates(kommune: crate::domain::kommune::Kommune) -> bool {
    crate::content::catalogue().evaluation(kommune.slug()).is_some_and(|e| !e.moments.is_empty())
}

/// The municipality's quality standard as its start page states it: which it is, its status on
/// today's date, and the standards published after it (none, where that is so).
pub fn kommune_standard(kommune: crate::domain::kommune::Kommune) -> crate::content::catalogue::StandardFor {
    kommune_standard_on(kommune, crate::clock::today())
}

/// [`kommune_standard`] on a given day.
pub fn kommune_standard_on(kommune: crate::domain::kommune::Kommune, today: chrono::NaiveDate) -> crate::content::catalogue::StandardFor {
    let doc = &crate::content::content().kommune(kommune).governing_doc;
    crate::content::catalogue::catalogue()
        .standard_for(doc, kommune.slug(), today)
        .expect("the content check finds every governing_doc among the standards")
}
