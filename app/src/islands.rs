//! The only code the browser runs: Leptos islands. Pages render on the server alone; each
//! `#[island]` here is rendered there too, and then hydrated by the WASM module, which holds
//! nothing else (no router, no pages, no server functions).
//!
//! Every island adds to a page what JavaScript can add and nothing a person needs: without the
//! module the page works the same, through plain links and forms. An island's props are written
//! into the page as JSON, so they hold only what the page already shows.

use crate::text::t;
use leptos::prelude::*;

/// "Forlad siden": GOV.UK's "Exit this page" pattern.
///
/// Before the module has loaded (or without JavaScript) it is a plain link to a neutral site:
/// following it leaves the page, but "back" returns here. Once the island is hydrated, a press
/// blanks the page and *replaces* the history entry, so "back" does not return; three presses of
/// Shift, each within a second of the last, do the same from anywhere on the page.
#[island]
pub fn QuickExit() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    install_shift_exit();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        leave();
    };
    view! {
        <a
            id="quick-exit"
            class="button button-quick-exit"
            href=t::QUICK_EXIT_URL
            rel="nofollow noreferrer"
            on:click=on_click
        >
            {t::QUICK_EXIT}
        </a>
    }
}

/// Blank the page and replace the history entry with the neutral site.
fn leave() {
    #[cfg(feature = "hydrate")]
    {
        if let Some(body) = document().body() {
            body.set_inner_html("");
        }
        document().set_title("");
        let _ = window().location().replace(t::QUICK_EXIT_URL);
    }
}

/// The Shift ×3 shortcut, listening for as long as the page lives.
#[cfg(feature = "hydrate")]
fn install_shift_exit() {
    use std::cell::Cell;
    use std::rc::Rc;
    let presses = Rc::new(Cell::new((0u8, 0f64)));
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Shift" || ev.repeat() {
            return;
        }
        let now = window().performance().map(|p| p.now()).unwrap_or(0.0);
        let (count, last) = presses.get();
        let count = if now - last <= 1000.0 { count + 1 } else { 1 };
        presses.set((count, now));
        if count >= 3 {
            leave();
        }
    });
    // Dropping the handle would remove the listener.
    std::mem::forget(handle);
}

/// The field where a person types their code, hidden like a password. With JavaScript a
/// "show the code" checkbox appears below it, so a long code can be checked before sending;
/// without, there is nothing to tick that would not work.
#[island]
pub fn CodeField(
    /// The input's `id` (its label's `for`) and `name`.
    id: String,
    name: String,
    /// The ids of the hint and, after a refused try, the error message.
    described_by: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let toggle_id = format!("{id}-vis");
    view! {
        <input
            class="form-input input-width-l token-input"
            type=move || if shown.get() { "text" } else { "password" }
            id=id
            name=name
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=described_by
            required=true
        />
        <Show when=move || hydrated.get()>
            <div class="form-group-checkbox code-toggle">
                <input type="checkbox" class="form-checkbox" id=toggle_id.clone() on:change=move |_| shown.update(|s| *s = !*s)/>
                <label for=toggle_id.clone()>{t::MANAGE_SHOW_CODE}</label>
            </div>
        </Show>
    }
}

/// Copy and print for a new code on its receipt. Both need JavaScript, so they appear only once
/// the island is hydrated; without it the receipt says to write the code down.
#[island]
pub fn ReceiptActions(
    /// The code just shown on the receipt above (the page already holds it).
    token: String,
) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = window().navigator().clipboard().write_text(&token);
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &token;
    };
    view! {
        <Show when=move || hydrated.get()>
            <p class="receipt-actions">
                <button type="button" class="button button-secondary" id="copy-token" on:click=copy.clone()>{t::RECEIPT_COPY}</button>
                " "
                <button type="button" class="button button-secondary" on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    let _ = window().print();
                }>{t::RECEIPT_PRINT}</button>
            </p>
        </Show>
        <p role="status" class="copied">{move || copied.get().then_some(t::RECEIPT_COPIED)}</p>
    }
}
