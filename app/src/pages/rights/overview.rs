use super::{rights_path, solution, Breadcrumbs};
use crate::api::rights::{rights_overview, RightsOverview};
use crate::components::Layout;
use crate::domain::kommune::Kommune;
use crate::components::load::{found, path_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{kommune}/rettigheder`: the way in — the guide, the calculator and every topic.
#[component]
pub fn RightsOverviewPage() -> impl IntoView {
    found(Ok(rights_overview(&path_param("kommune"))), |p| view! { <Overview p/> })
}

#[component]
fn Overview(p: RightsOverview) -> impl IntoView {
    let k = Kommune::from_slug(&p.kommune.slug).expect("the server returns known slugs");
    let base = rights_path(k);
    view! {
        <Title text=format!("{} i {} – {}", t::RIGHTS_TITLE, k.short_name(), t::PORTAL_NAME)/>
        <Meta name="description" content=t::rights_lead(k.name())/>
        <Layout solution=solution(k, &p.kommune)>
            <Breadcrumbs kommune=k/>
            <h1>{t::RIGHTS_TITLE} " i " {k.short_name()}</h1>
            <p class="font-lead">{t::rights_lead(k.name())}</p>
            <ul class="nobullet-list rights-actions">
                <li><a class="button button-primary" href=format!("{base}/guide")>{t::RIGHTS_GUIDE_LINK}</a></li>
                <li><a class="button button-secondary" href=format!("{base}/frister")>{t::RIGHTS_DEADLINES_LINK}</a></li>
            </ul>
            <h2>{t::RIGHTS_TOPICS_HEADING}</h2>
            <ul class="nobullet-list topic-list">
                {p.topics
                    .into_iter()
                    .filter(|s| s.rules > 0)
                    .map(|s| {
                        view! {
                            <li class="topic-item">
                                <a href=format!("{base}/{}", s.topic.slug()) class="topic-link">{t::topic_title(s.topic)}</a>
                                <p class="topic-lead">{t::topic_lead(s.topic)} " (" {t::rules_count(s.rules)} ")"</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
        </Layout>
    }
}
