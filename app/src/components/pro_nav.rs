use crate::text::t;
use leptos::prelude::*;

/// The professionals' pages, linked from each of them and from the home page.
#[component]
pub fn ProNav() -> impl IntoView {
    view! {
        <nav class="pro-nav" aria-label=t::NAV_PROFESSIONALS>
            <ul class="unstyled-list inline-list">
                <li><a href="/standarder">{t::NAV_STANDARDS}</a></li>
                <li><a href="/katalog">{t::NAV_CATALOGUE}</a></li>
                <li><a href="/sammenlign">{t::NAV_COMPARE}</a></li>
            </ul>
        </nav>
    }
}
