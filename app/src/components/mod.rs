//! Pieces shared by the pages.
mod citation;
mod layout;
mod quick_exit;
mod pro_nav;

pub use citation::{CitationLine, CitedFact, SourceList};
pub use layout::{Layout, ServerErrorPage, SolutionInfo};
pub use quick_exit::{install_shift_exit, QuickExit};
pub use pro_nav::ProNav;
