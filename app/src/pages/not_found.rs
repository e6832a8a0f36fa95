use crate::components::Layout;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

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
            <p>{t::not_found_unknown_kommune(&crate::domain::kommune::Kommune::all_short_names())}</p>
            <p><a class="button button-primary" href="/">{t::GO_HOME}</a></p>
        </Layout>
    }
}
