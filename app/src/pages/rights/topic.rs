use super::{rights_path, solution, Breadcrumbs, RuleCard};
use crate::api::rights::{rights_topic, TopicPage};
use crate::components::{Layout, SourceList};
use crate::domain::kommune::Kommune;
use crate::domain::rights::Topic;
use crate::components::load::{found, path_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{kommune}/rettigheder/{emne}`: one topic, the municipality's rules and then the law's,
/// each cited — a page a professional can link to.
#[component]
pub fn RightsTopicPage() -> impl IntoView {
    found(Ok(rights_topic(&path_param("kommune"), &path_param("emne"))), |p| view! { <TopicView p/> })
}

#[component]
fn TopicView(p: TopicPage) -> impl IntoView {
    let k = Kommune::from_slug(&p.kommune.slug).expect("the server returns known slugs");
    let title = t::topic_title(p.topic);
    let base = rights_path(k);
    let local = if p.local.is_empty() {
        view! { <p class="not-given">{t::RIGHTS_LOCAL_SILENT}</p> }.into_any()
    } else {
        p.local.into_iter().map(|rule| view! { <RuleCard rule/> }).collect_view().into_any()
    };
    let law = (!p.law.is_empty()).then(|| {
        view! {
            <section aria-labelledby="law">
                <h2 id="law">{t::RIGHTS_LAW_HEADING}</h2>
                <p>{t::RIGHTS_LAW_LEAD}</p>
                {p.law.into_iter().map(|rule| view! { <RuleCard rule/> }).collect_view()}
            </section>
        }
    });
    let this = p.topic;
    let others = Topic::ALL
        .into_iter()
        .filter(|o| *o != this)
        .map(|o| view! { <li><a href=format!("{base}/{}", o.slug())>{t::topic_title(o)}</a></li> })
        .collect_view();
    view! {
        <Title text=format!("{title} i {} – {}", k.short_name(), t::PORTAL_NAME)/>
        <Meta name="description" content=t::topic_lead(p.topic)/>
        <Layout solution=solution(k, &p.kommune)>
            <Breadcrumbs kommune=k here=title.to_string()/>
            <h1>{title} " i " {k.short_name()}</h1>
            <p class="font-lead">{t::topic_lead(p.topic)}</p>
            <p><a href=format!("{base}/guide")>{t::RIGHTS_GUIDE_LINK}</a></p>
            <section aria-labelledby="local">
                <h2 id="local">{t::rights_local_heading(k.short_name())}</h2>
                {local}
            </section>
            {law}
            <nav aria-labelledby="other-topics">
                <h2 id="other-topics" class="h4">{t::RIGHTS_ALL_TOPICS}</h2>
                <ul class="topic-index">{others}</ul>
            </nav>
            <SourceList sources=p.sources/>
        </Layout>
    }
}
