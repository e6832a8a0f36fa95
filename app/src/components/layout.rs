use super::{CitedFact, ContactText};
use crate::islands::QuickExit;
use crate::domain::kommune::Kommune;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Who is responsible for what the page shows, for the header's solution row and the footer.
#[derive(Clone, Debug, PartialEq)]
pub struct SolutionInfo {
    pub kommune: Kommune,
    pub site_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The page frame in the look of a borger.dk self-service (Det Fælles Designsystem): quick exit,
/// skip link, portal row, solution row, main, footer.
#[component]
pub fn Layout(
    #[prop(optional)] solution: Option<SolutionInfo>,
    /// A staff page: no quick exit (not a citizen's page) and a footer that names the one cookie.
    #[prop(optional)]
    staff: bool,
    children: Children,
) -> impl IntoView {
    let authority = solution.as_ref().map(|s| s.kommune.name());
    let home = solution.as_ref().map(|s| s.kommune.path()).unwrap_or_else(|| "/".to_string());
    let footer_contact = solution.clone().map(|s| {
        view! {
            <div class="footer-col col-12 col-md-6">
                <h2 class="h5">{t::FOOTER_RESPONSIBLE}</h2>
                <p>
                    <strong>{s.kommune.name()}</strong>
                    <br/>
                    {s.site_name}
                </p>
                {s.phone.map(|p| view! { <p>{t::PHONE} ": " <ContactText text=p/></p> })}
                {s.email.map(|e| view! {
                    <p>{t::EMAIL} ": " <ContactText text=e/></p>
                    // The standard's advice, beside the address it is about.
                    {crate::api::content::email_advice(s.kommune).map(|fact| view! { <div class="detail-note"><CitedFact fact/></div> })}
                })}
            </div>
        }
    });
    view! {
        {(!staff).then(|| view! {
            <div class="quick-exit-bar">
                <div class="container">
                    <QuickExit/>
                </div>
            </div>
        })}
        <a class="skipnav" href="#main-content">{t::SKIP_LINK}</a>
        <header class="header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href="/" class="portal-name">{t::PORTAL_NAME}</a>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href=home>{t::PORTAL_TAGLINE}</a>
                    </div>
                    {authority.map(|a| view! {
                        <div class="additional-info">
                            <p><strong class="authority-name">{a}</strong></p>
                        </div>
                    })}
                </div>
            </div>
        </header>
        <main id="main-content" class="container" tabindex="-1">
            {use_context::<crate::api::Posted<crate::api::CrossSiteRefused>>().map(|_| view! {
                <div class="alert alert-error" role="alert">
                    <p class="alert-text">{t::FORM_FROM_ANOTHER_SITE}</p>
                </div>
            })}
            {children()}
        </main>
        <footer>
            <div class="footer">
                <div class="container">
                    <div class="row">
                        {footer_contact}
                        <div class="footer-col col-12 col-md-6">
                            <h2 class="h5">{t::FOOTER_ALL_KOMMUNER}</h2>
                            <ul class="unstyled-list">
                                {Kommune::all()
                                    .into_iter()
                                    .map(|k| view! { <li><a href=k.path()>{k.name()}</a></li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    </div>
                    <ul class="unstyled-list inline-list footer-links">
                        // `/was`: the statement on was.digst.dk the deployment names, else the portal's own
                        // (server/src/accessibility.rs).
                        <li><a href="/was">{t::FOOTER_ACCESSIBILITY}</a></li>
                    </ul>
                    <p class="footer-note">{if staff { t::FOOTER_STAFF_COOKIE } else { t::FOOTER_NO_COOKIES }}</p>
                </div>
            </div>
        </footer>
    }
}

/// The page shown when the server could not load what a page needs, with status 500 so that
/// no cache, crawler or monitor takes it for the page.
#[component]
pub fn ServerErrorPage() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    view! {
        <Layout>
            <div class="alert alert-error" role="alert">
                <p class="alert-text">{t::SERVER_ERROR}</p>
            </div>
        </Layout>
    }
}

/// A real 404: the status code is set on the server, the text is Danish.
#[component]
pub fn NotFound() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=format!("{} – {}", t::NOT_FOUND_TITLE, t::PORTAL_NAME)/>
        <Layout>
            <h1>{t::NOT_FOUND_TITLE}</h1>
            <p class="font-lead">{t::NOT_FOUND_TEXT}</p>
            <p>{t::not_found_unknown_kommune(&t::kommune_names(Kommune::all()))}</p>
            <p><a class="button button-primary" href="/">{t::GO_HOME}</a></p>
        </Layout>
    }
}
