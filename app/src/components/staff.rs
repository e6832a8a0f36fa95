//! The frame, alerts and sign-in gate shared by the staff pages (`pages::staff`,
//! `pages::staff_cases`).

use crate::api::staff::Gate;
use crate::api::staff_form::{field, path};
use crate::api::LoadError;
use crate::components::load::{loaded, posted};
use crate::components::Layout;
use crate::domain::staff::{Role, StaffAccess};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Title and frame shared by the staff pages. (Their `robots` noindex is in the shell's head, by
/// path: `app::app::shell`.)
#[component]
pub fn StaffFrame(title: String, access: Option<StaffAccess>, children: Children) -> impl IntoView {
    view! {
        <Title text=format!("{title} – {}", t::STAFF_PORTAL)/>
        <Layout staff=true>
            {access.map(|a| view! { <StaffBar access=a/> })}
            <h1>{title}</h1>
            {children()}
        </Layout>
    }
}

/// Who is signed in, the pages of their role, and sign-out.
#[component]
fn StaffBar(access: StaffAccess) -> impl IntoView {
    let links: Vec<(&str, &str)> = match access.role {
        Role::AnonymousCounsellor => vec![(path::CALENDAR, t::STAFF_NAV_CALENDAR), (path::MESSAGES, t::STAFF_NAV_MESSAGES), (path::EVALUATION, t::STAFF_NAV_EVALUATION)],
        Role::CaseWorker => vec![(path::CASES, t::STAFF_NAV_CASES), (path::EVALUATION, t::STAFF_NAV_EVALUATION)],
        Role::Admin => vec![(path::OPENING, t::STAFF_NAV_HOURS), (path::ACCOUNTS, t::STAFF_NAV_ACCOUNTS), (path::REPORT, t::STAFF_NAV_REPORT)],
    };
    view! {
        <nav class="staff-bar" aria-label=t::STAFF_NAV_LABEL>
            <p>
                {t::STAFF_SIGNED_IN_AS} " " <strong>{access.username.clone()}</strong>
                " (" {t::role_name(access.role)}
                {crate::domain::kommune::Kommune::from_slug(&access.kommune).map(|k| format!(", {}", k.name()))} ")"
            </p>
            <ul class="unstyled-list inline-list">
                <li><a href=path::START>{t::STAFF_NAV_START}</a></li>
                {links.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
            </ul>
            <form method="post" action=path::SIGN_OUT>
                <input type="hidden" name=field::CSRF value=access.csrf.clone()/>
                <button type="submit" class="button button-secondary">{t::STAFF_SIGN_OUT}</button>
            </form>
        </nav>
    }
}

pub fn alerts(message: Option<String>, errors: Vec<String>) -> impl IntoView {
    view! {
        {message.map(|m| view! {
            <div class="alert alert-success" role="status"><p class="alert-text">{m}</p></div>
        })}
        {(!errors.is_empty()).then(|| view! {
            <div class="alert alert-error" role="alert">
                <h2 class="alert-heading h5">{t::STAFF_ERRORS_HEADING}</h2>
                <ul class="alert-text">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// A page whose data may be refused: signed out → the sign-in link; wrong role → forbidden.
pub fn gated<T: 'static>(title: &'static str, gate: Gate<T>, open: impl FnOnce(T) -> AnyView) -> AnyView {
    match gate {
        Gate::Open(page) => open(page),
        Gate::SignedOut => view! {
            <StaffFrame title=title.to_string() access=None>
                <p>{t::STAFF_SIGN_IN_FIRST}</p>
                <p><a href=path::START class="button button-primary">{t::STAFF_SIGN_IN}</a></p>
            </StaffFrame>
        }
        .into_any(),
        Gate::Forbidden { access } => {
            // An account from before municipalities: say why, and what to do.
            let why = if access.kommune.is_empty() { t::STAFF_NO_MUNICIPALITY } else { t::STAFF_FORBIDDEN };
            view! {
                <StaffFrame title=t::STAFF_FORBIDDEN_TITLE.to_string() access=Some(access)>
                    <div class="alert alert-warning" role="alert"><p class="alert-text">{why}</p></div>
                </StaffFrame>
            }
        }
        .into_any(),
    }
}

/// The body of every gated staff page: the form's result when this render answers a POST, else
/// what `load` reads; then the gate. One place, so each page only names its data and its view.
pub fn staff_page<T, Fut>(title: &'static str, load: Fut, open: fn(T) -> AnyView) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Gate<T>, LoadError>> + Send + 'static,
{
    let posted = posted::<Gate<T>>();
    loaded(
        async move {
            match posted {
                Some(gate) => Ok(Some(gate)),
                None => load.await.map(Some),
            }
        },
        move |gate| gated(title, gate, open),
    )
}

/// The quarter a staff report shows, as a GET form, with the quarters before and after: the same
/// on the evaluation report and the guarantee figure, which both go by whole quarters.
#[component]
pub fn QuarterPicker(action: &'static str, quarter: String, previous: String, next: String, #[prop(optional)] extra: Option<(String, &'static str)>) -> impl IntoView {
    let link = move |q: &str| format!("{action}?{}={q}", field::QUARTER);
    view! {
        <form method="get" action=action class="staff-filter">
            <div class="form-group">
                <label class="form-label" for="kvartal">{t::REPORT_PERIOD}</label>
                <input class="form-input input-width-s" id="kvartal" name=field::QUARTER value=quarter/>
            </div>
            <button type="submit" class="button button-secondary">{t::STAFF_SHOW}</button>
        </form>
        <ul class="unstyled-list inline-list">
            <li><a href=link(&previous)>{t::REPORT_PREVIOUS}</a></li>
            <li><a href=link(&next)>{t::REPORT_NEXT}</a></li>
            {extra.map(|(href, text)| view! { <li><a href=href download="">{text}</a></li> })}
        </ul>
    }
}
