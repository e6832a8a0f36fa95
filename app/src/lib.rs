//! Rusmiddelportalen: the Leptos app, compiled twice — with `ssr` into the server, with
//! `hydrate` into the WASM that makes the server-rendered pages interactive.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
#[cfg(feature = "ssr")]
pub mod clock;
pub mod components;
pub mod content;
#[cfg(feature = "ssr")]
pub mod example_hours;
pub mod domain;
pub mod pages;
pub mod text;

#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The municipalities are content the server loaded: the page head carries them
    // (`app::shell`), so the browser knows the same set before it hydrates the body.
    let lines = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name={}]", domain::kommune::META_NAME)).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    // Installing once into a fresh page cannot clash with another set.
    let _ = domain::kommune::install(domain::kommune::from_lines(&lines));
    leptos::mount::hydrate_body(app::App);
}
