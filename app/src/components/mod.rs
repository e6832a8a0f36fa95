//! Pieces shared by the pages (server only; the browser's pieces are in `crate::islands`).
mod citation;
mod layout;
mod pro_nav;

pub use citation::{CitationLine, CitedFact, SourceList};
pub use layout::{Layout, ServerErrorPage, SolutionInfo};
pub use pro_nav::ProNav;
