//! Server functions, grouped by audience. Thin: parse, validate, call domain + one store, map
//! errors.
pub mod content;
pub mod anonymous;
pub mod rights;
pub mod catalogue;
pub mod cases;
