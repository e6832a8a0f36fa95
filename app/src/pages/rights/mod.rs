//! `/{kommune}/rettigheder` and below: the overview, one page per topic, the guide and the
//! deadline calculator. Shared pieces live here.
mod deadlines;
mod guide;
mod overview;
mod topic;

pub use deadlines::DeadlinesPageView;
pub use guide::RightsGuidePage;
pub use overview::RightsOverviewPage;
pub use topic::RightsTopicPage;

use crate::api::rights::{RightsKommune, RuleView};
use crate::components::{CitedFact, SolutionInfo};
use crate::domain::kommune::{Kommune, KommunePath};
use crate::text::t;
use leptos::prelude::*;

fn solution(k: Kommune, r: &RightsKommune) -> SolutionInfo {
    SolutionInfo { kommune: k, site_name: r.site_name.clone(), phone: r.phone.clone(), email: r.email.clone() }
}

fn rights_path(k: Kommune) -> String {
    k.page(KommunePath::Rights)
}

/// "Forside › Ishøj Kommune › Dine rettigheder › …": where the page sits, as links.
#[component]
fn Breadcrumbs(kommune: Kommune, #[prop(optional)] here: Option<String>) -> impl IntoView {
    let on_overview = here.is_none();
    view! {
        <nav class="breadcrumbs" aria-label=t::BREADCRUMBS_LABEL>
            <ol class="breadcrumbs__list">
                <li class="breadcrumbs__list-item"><a href="/" class="breadcrumbs__link">{t::BREADCRUMBS_HOME}</a></li>
                <li class="breadcrumbs__list-item"><a href=kommune.path() class="breadcrumbs__link">{kommune.name()}</a></li>
                {if on_overview {
                    view! { <li class="breadcrumbs__list-item" aria-current="page">{t::RIGHTS_TITLE}</li> }.into_any()
                } else {
                    view! {
                        <li class="breadcrumbs__list-item"><a href=rights_path(kommune) class="breadcrumbs__link">{t::RIGHTS_TITLE}</a></li>
                        <li class="breadcrumbs__list-item" aria-current="page">{here}</li>
                    }
                    .into_any()
                }}
            </ol>
        </nav>
    }
}

/// One rule: its title, why it does or does not apply where the guide says so, and its text
/// with the citation. `brief` leaves the text out (a rule that does not apply: its title, the
/// reason and the citation say enough, and the topic page has the rest).
#[component]
fn RuleCard(
    rule: RuleView,
    #[prop(optional)] extra: Option<String>,
    #[prop(default = 3)] level: u8,
    #[prop(optional)] brief: bool,
    /// The topic, where the card stands outside its topic's page (the guide's result).
    #[prop(optional)] tag: Option<String>,
) -> impl IntoView {
    let title = rule.title.clone();
    let heading = if level == 3 {
        view! { <h3 class="h5 rule-title">{title}</h3> }.into_any()
    } else {
        view! { <h4 class="h5 rule-title">{title}</h4> }.into_any()
    };
    let body = if brief {
        view! { <crate::components::CitationLine source=rule.fact.source/> }.into_any()
    } else {
        view! { <CitedFact fact=rule.fact/> }.into_any()
    };
    view! {
        <div class="rule" id=format!("{}-{}", rule.scope, rule.id)>
            {tag.map(|t| view! { <p class="rule-topic">{t}</p> })}
            {heading}
            {extra.map(|e| view! { <p class="rule-reason">{e}</p> })}
            {body}
        </div>
    }
}
