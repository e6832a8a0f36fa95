//! Text with its phone numbers and e-mail addresses as links (`domain::contact`): on a phone, a
//! tap calls or opens the mail app.

use crate::domain::contact::{pieces, Piece};
use leptos::prelude::*;

/// `text`, with each phone number a `tel:` link and each e-mail address a `mailto:` link.
#[component]
pub fn ContactText(#[prop(into)] text: String) -> impl IntoView {
    pieces(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(words) => words.into_any(),
            Piece::Phone { shown, href } | Piece::Email { shown, href } => view! { <a href=href>{shown}</a> }.into_any(),
        })
        .collect_view()
}
