//! Public content: the municipalities' pages. Reads only the reviewed content files.
use crate::content::KommunePage;
use leptos::prelude::*;

/// The municipality start page's content, or `None` for a slug the portal does not serve.
#[server]
pub async fn get_kommune_page(slug: String) -> Result<Option<KommunePage>, ServerFnError> {
    Ok(crate::content::find_kommune(&slug).map(|k| crate::content::content().kommune(k).clone()))
}
