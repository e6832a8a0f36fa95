//! Rusmiddelportalen: the Leptos app. With `ssr` it is the server's pages, stores and rules;
//! with `hydrate` it is the browser's WASM, which holds only the islands (`islands.rs`) and the
//! text and rules they use. Pages render on the server alone (Leptos islands mode).
//!
//! The modules are layers that point one way: `domain` ← `content`, `text` ← `store`, `clock`,
//! `example_hours` ← `api` ← `components`, `islands` ← `pages` ← `app` (`app/tests/layers.rs`).
#![recursion_limit = "256"]

pub mod content;
pub mod domain;
pub mod islands;
pub mod text;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod example_hours;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

/// The module's entry: Leptos sets up its reactive root, then the island script (leptos's
/// `island_script.js`, in the page head) hydrates each `<leptos-island>` with its exported function.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // The islands are hydrated right after this returns, in promise jobs; a timer runs after
    // them all. Then the controls that need the module are shown, and the page is marked, so
    // tests (and anyone curious) can see that its script has run.
    leptos::prelude::set_timeout(
        || {
            islands::reveal_script_controls();
            if let Some(root) = leptos::prelude::document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
