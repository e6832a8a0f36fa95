//! Public content: the municipalities' pages. Reads only the reviewed content files.
use crate::content::KommunePage;
use leptos::prelude::*;

/// The municipality start page's content, or `None` for a slug the portal does not serve.
#[server]
pub async fn get_kommune_page(slug: String) -> Result<Option<KommunePage>, ServerFnError> {
    use crate::domain::kommune::Kommune;
    Ok(Kommune::from_slug(&slug).map(|k| crate::content::content().kommune(k).clone()))
}
