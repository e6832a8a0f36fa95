//! Public content: the municipalities' pages. Reads only the reviewed content files.
use crate::content::KommunePage;

/// The municipality start page's content, or `None` for a slug the portal does not serve.
pub fn kommune_page(slug: &str) -> Option<KommunePage> {
    crate::content::find_kommune(slug).map(|k| crate::content::content().kommune(k).clone())
}
