use crate::api::content::kommune_page;
use crate::components::{CitedFact, Layout, SolutionInfo, SourceList};
use crate::content::KommunePage;
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
    let detail = |label: &'static str, fact: Option<crate::content::CitedText>| {
        view! {
            <div class="site-detail">
                <h3 class="h5">{label}</h3>
                {match fact {
                    Some(f) => view! { <CitedFact fact=f/> }.into_any(),
                    None => view! { <p class="fact not-given">{t::NOT_IN_STANDARD}</p> }.into_any(),
                }}
            </div>
        }
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <Layout solution=solution>
            <h1>{kommune.name()}</h1>
            <section aria-labelledby="site">
                <h2 id="site">{t::KOMMUNE_SITE_HEADING} ": " {p.site_name.clone()}</h2>
                <CitedFact fact=p.site_about.clone()/>
                {detail(t::ADDRESS, p.address.clone())}
                {detail(t::PHONE, p.phone.clone())}
                {detail(t::EMAIL, p.email.clone())}
                {detail(t::WEBSITE, p.website.clone())}
                {detail(t::HOW_TO_CONTACT, p.contact_ways.clone())}
                {detail(t::OPENING_HOURS, p.opening_hours.clone())}
            </section>
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
                <p>
                    <a class="button button-primary" href=kommune.page(KommunePath::Book)>{t::KOMMUNE_BOOK_LINK}</a>
                </p>
                {p.counselling_max.map(|_| view! {
                    <p><a href=kommune.page(KommunePath::Counselling)>{t::COUNSELLING_BOOK_LINK}</a></p>
                })}
                <p><a href=crate::api::anonymous_form::path::MANAGE>{t::MANAGE_LINK}</a></p>
                {p.anonymity.clone().map(|f| view! { <CitedFact fact=f/> })}
            </section>
            {p.relatives.clone().map(|f| view! {
                <section aria-labelledby="relatives">
                    <h2 id="relatives">{t::WHO_RELATIVE_TITLE}</h2>
                    <CitedFact fact=f/>
                    {match p.relatives_max {
                        Some(_) => view! { <p><a href=kommune.page(KommunePath::Relatives)>{t::RELATIVES_BOOK_LINK}</a></p> }.into_any(),
                        // No relatives' talks to book here: where to read about support instead.
                        None => view! { <p><a href=format!("/{}/rettigheder/paaroerende", kommune.slug())>{t::NEXT_READ_RELATIVES}</a></p> }.into_any(),
                    }}
                </section>
            })}
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
            <SourceList sources=p.sources.clone()/>
        </Layout>
    }
}
