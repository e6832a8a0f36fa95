//! One message of an anonymous thread (issue 19), as the person's page and the counsellors'
//! inbox both show it.

use crate::api::messages::MessageLine;
use leptos::prelude::*;

/// One message. The body is a text node: markup in it is shown as written, never rendered, and
/// its line breaks are kept by the stylesheet (`.message-body`).
#[component]
pub fn Message(m: MessageLine) -> impl IntoView {
    view! {
        <li class=if m.counsellor { "message message-counsellor" } else { "message" }>
            <p class="message-meta"><strong>{m.from}</strong> ", " {m.day}</p>
            <p class="message-body">{m.body}</p>
        </li>
    }
}
