//! Plain Rust rules with no I/O and no Leptos: unit-tested on their own. The lowest layer: it
//! names nothing outside `domain` (no content, no text, no store), and its errors are typed;
//! `text` says them in Danish (`app/tests/layers.rs`).
pub mod kommune;
/// Phone numbers and e-mail addresses in a text, as `tel:` and `mailto:` links.
pub mod contact;
pub mod label;
/// Slot generation runs on the server only; keeping it (and the time-zone database) out of the
/// WASM keeps the browser's download small.
#[cfg(feature = "ssr")]
pub mod slots;
/// The Danish public holidays of any year (Easter-based ones computed), for closed days.
#[cfg(feature = "ssr")]
pub mod holidays;
pub mod token;
/// Relatives' talks and counselling series: runs of talks on one token.
pub mod series;
#[cfg(feature = "ssr")]
pub mod ics;
/// What a rights rule claims, in a closed vocabulary, and why one rule wins over another.
pub mod claims;
/// The guide's rules engine; also in the browser, which renders the guide's questions.
pub mod rights;
#[cfg(feature = "ssr")]
pub mod deadlines;
/// Catalogue search (Danish stemmer) runs on the server only.
#[cfg(feature = "ssr")]
pub mod search;
pub mod standard_status;
pub mod catalogue;
/// Staff roles and the areas they may enter.
pub mod staff;
/// Calendar months and quarters, the periods reports use.
pub mod period;
/// Anonymous evaluation and follow-up: moments, answers, follow-up points, small-count suppression.
pub mod evaluation;
/// What a reader can work out about hidden counts from the figures published beside them: exact
/// integer bounds (simplex inside branch and bound), for the report's suppression and its audit.
pub mod disclosure;
/// Anonymous written contact: what a message may be, who writes, where a thread stands.
pub mod message;
/// Identified requests for treatment: form rules, reference numbers, the guarantee clock.
#[cfg(feature = "ssr")]
pub mod request;
/// The staff forms for opening hours (types everywhere, parsing on the server).
pub mod opening_form;
