use crate::api::content::treatment_duty;
use crate::components::{CitationLine, Layout, ProNav};
use crate::domain::kommune::Kommune;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/`: choose municipality; each audience is told where it belongs.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=t::HOME_TITLE/>
        <Meta name="description" content=t::HOME_LEAD/>
        <Layout>
            <h1>{t::HOME_TITLE}</h1>
            <p class="font-lead">{t::HOME_LEAD}</p>
            <nav aria-labelledby="choose-kommune">
                <h2 id="choose-kommune">{t::HOME_CHOOSE_KOMMUNE}</h2>
                <ul class="kommune-list unstyled-list">
                    {Kommune::all()
                        .into_iter()
                        .map(|k| {
                            view! {
                                <li>
                                    <a class="button button-secondary kommune-link" href=k.path()>
                                        {k.name()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>{t::home_covers(&t::kommune_names(Kommune::all()))}</p>
                <p>{t::HOME_ELSEWHERE}</p>
                {treatment_duty().into_iter().map(|source| view! { <CitationLine source/> }).collect_view()}
            </nav>
            <section aria-labelledby="who">
                <h2 id="who">{t::HOME_WHO_HEADING}</h2>
                <div class="audience-list">
                    <Audience title=t::WHO_SELF_TITLE text=t::WHO_SELF_TEXT/>
                    <Audience title=t::WHO_RELATIVE_TITLE text=t::WHO_RELATIVE_TEXT/>
                    <Audience title=t::WHO_PROFESSIONAL_TITLE text=t::WHO_PROFESSIONAL_TEXT/>
                    <div class="audience">
                        <h3 class="h4">{t::WHO_STAFF_TITLE}</h3>
                        <p>{t::WHO_STAFF_TEXT} " " <a href="/personale" rel="external">{t::STAFF_SIGN_IN_LINK}</a></p>
                    </div>
                </div>
                <ProNav/>
            </section>
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
        </Layout>
    }
}

#[component]
fn Audience(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <div class="audience">
            <h3 class="h4">{title}</h3>
            <p>{text}</p>
        </div>
    }
}
