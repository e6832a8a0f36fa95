//! What the pages and the form handlers ask of the server, grouped by audience: each page's data,
//! read from the content and one store. Pages call these directly while they render on the
//! server; nothing here is reachable from the browser.
pub mod content;
pub mod anonymous;
pub mod anonymous_form;
pub mod form;
pub mod rights;
pub mod catalogue;
pub mod cases;
pub mod evaluation;
pub mod messages;
pub mod staff;
pub mod staff_form;

/// Why a page's data could not be read. The page then answers 500 with the server-error page;
/// the cause goes to the log (never what a person typed).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The server did not provide a store this page reads: a wiring mistake.
    #[error("the {0} is not provided to the page")]
    NotProvided(&'static str),
    /// A store could not be read.
    #[error("reading the {0} failed")]
    Store(&'static str),
}

/// What a form POST produced, handed to the render of the page it was posted to (the server
/// provides it as context: `server::render_page`). The route picks the page, and each page asks
/// for the type it shows (`components::load::posted`), so no per-area enum names the pages.
#[derive(Clone, Debug)]
pub struct Posted<T>(pub T);

/// A citizen's form POST that the server refused before any logic ran, because the browser said
/// it came from another site (`server::form_guard`): the page is shown as for a GET, with this
/// said at its top. Nothing was read or stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CrossSiteRefused;

/// The store of type `S`, as the server provides it to every page.
pub fn provided<S: Clone + Send + Sync + 'static>() -> Result<S, LoadError> {
    leptos::prelude::use_context::<S>().ok_or(LoadError::NotProvided(std::any::type_name::<S>()))
}
