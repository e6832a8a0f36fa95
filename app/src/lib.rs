//! Rusmiddelportalen: the Leptos app, compiled twice — with `ssr` into the server, with
//! `hydrate` into the WASM that makes the server-rendered pages interactive.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
#[cfg(feature = "ssr")]
pub mod clock;
pub mod components;
pub mod content;
pub mod domain;
pub mod pages;
pub mod text;

#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
