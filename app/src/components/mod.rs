//! Pieces shared by the pages (server only; the browser's pieces are in `crate::islands`): the
//! layout, citations, how a page gets its data (`load`), the booking steps and the staff frame.
//! Nothing here names a page; a page names no other page (`app/tests/layers.rs`).
pub mod booking;
mod citation;
mod contact;
mod layout;
mod message;
pub mod load;
mod pro_nav;
pub mod staff;
mod text_area;

pub use citation::{document_href, CitationLine, CitedDetails, CitedFact, Detail, SourceList, DOCUMENT_FRAGMENT};
pub use contact::ContactText;
pub use layout::{Layout, NotFound, ServerErrorPage, SolutionInfo};
pub use message::Message;
pub use text_area::textarea_content;
pub use pro_nav::ProNav;
