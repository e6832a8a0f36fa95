//! Plain Rust rules with no I/O and no Leptos: unit-tested on their own.
pub mod kommune;
