//! Every piece of UI text in one place, so another language can follow (add a module beside
//! `da` and choose it at the call sites' single import). Legal facts are not here: they live in
//! `app/content/` with their sources.
//!
//! One file per area (`common`, `booking`, `rights`, `staff`, `catalogue`, `cases`); [`da`]
//! gathers them, so a caller imports `crate::text::t` once and writes `t::NAME`. Text may use
//! `domain` (its types name what is said) and nothing above it (see `app/tests/layers.rs`).

pub mod booking;
pub mod cases;
pub mod catalogue;
pub mod common;
pub mod evaluation;
pub mod messages;
/// Dates and times in Danish (server only: the time zone database stays out of the WASM).
#[cfg(feature = "ssr")]
pub mod dates;
pub mod rights;
pub mod staff;

/// Danish: every area's words under one name.
pub mod da {
    pub use super::booking::*;
    pub use super::cases::*;
    pub use super::catalogue::*;
    pub use super::common::*;
    pub use super::evaluation::*;
    pub use super::messages::*;
    pub use super::rights::*;
    pub use super::staff::*;
}

pub use da as t;
