//! Server functions, grouped by audience. Thin: parse, validate, call domain + one store, map
//! errors.
pub mod content;
pub mod anonymous;
pub mod rights;
pub mod catalogue;
pub mod cases;
/// The staff side is rendered on the server only (its pages load no script), so its server
/// functions and types are not compiled into the browser's WASM.
#[cfg(feature = "ssr")]
pub mod staff;
