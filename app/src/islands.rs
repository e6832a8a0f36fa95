//! The only code the browser runs: Leptos islands. Pages render on the server alone; each
//! `#[island]` here is rendered there too, and then hydrated by the WASM module, which holds
//! nothing else (no router, no pages, no server functions).
//!
//! Every island adds to a page what JavaScript can add and nothing a person needs: without the
//! module the page works the same, through plain links and forms.
//!
//! The islands hold no reactive state and take no props: each only attaches event handlers to
//! markup the server rendered, and reads what it acts on from the page. That keeps the module to
//! Leptos's hydration and event code, without signals, effects or prop decoding (half its size).

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

/// The `id` of the field where a person types their code (`/min-aftale`, a series page), which
/// [`ShowCode`] reveals; and of the code on a receipt, which [`ReceiptActions`] copies.
pub const CODE_FIELD_ID: &str = "kode";
pub const RECEIPT_CODE_ID: &str = "token";

/// Marks a control that works only with the module: rendered `hidden`, and shown by
/// [`reveal_script_controls`] once the islands are hydrated. Without JavaScript it never appears,
/// so nobody is offered a button that does nothing.
pub const NEEDS_SCRIPT: &str = "data-needs-script";

/// Shows the controls marked [`NEEDS_SCRIPT`]; `hydrate` runs it after the islands are hydrated.
#[cfg(feature = "hydrate")]
pub fn reveal_script_controls() {
    if let Ok(list) = document().query_selector_all(&format!("[{NEEDS_SCRIPT}]")) {
        for i in 0..list.length() {
            if let Some(Ok(el)) = list.item(i).map(wasm_bindgen::JsCast::dyn_into::<web_sys::Element>) {
                let _ = el.remove_attribute("hidden");
            }
        }
    }
}

/// "Vis koden": a checkbox below the code field (typed hidden, like a password) shows the code
/// as text, so a long code can be checked before sending.
#[island]
pub fn ShowCode() -> impl IntoView {
    let toggle_id = format!("{CODE_FIELD_ID}-vis");
    let on_change = move |ev: leptos::ev::Event| {
        let _ = &ev;
        #[cfg(feature = "hydrate")]
        if let Some(field) = document().get_element_by_id(CODE_FIELD_ID) {
            let _ = field.set_attribute("type", if event_target_checked(&ev) { "text" } else { "password" });
        }
    };
    view! {
        <div class="form-group-checkbox code-toggle" hidden=true data-needs-script="">
            <input type="checkbox" class="form-checkbox" id=toggle_id.clone() on:change=on_change/>
            <label for=toggle_id>{t::MANAGE_SHOW_CODE}</label>
        </div>
    }
}

/// Copy and print for a new code on its receipt; without the module the receipt says to write
/// the code down.
#[island]
pub fn ReceiptActions() -> impl IntoView {
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(code) = document().get_element_by_id(RECEIPT_CODE_ID).and_then(|e| e.text_content()) {
            let _ = window().navigator().clipboard().write_text(code.trim());
            if let Some(status) = document().get_element_by_id("copied") {
                status.set_text_content(Some(t::RECEIPT_COPIED));
            }
        }
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().print();
    };
    view! {
        <p class="receipt-actions" hidden=true data-needs-script="">
            <button type="button" class="button button-secondary" id="copy-token" on:click=copy>{t::RECEIPT_COPY}</button>
            " "
            <button type="button" class="button button-secondary" on:click=print>{t::RECEIPT_PRINT}</button>
        </p>
        // A live region that exists before it changes, so a screen reader announces the change.
        <p role="status" class="copied" id="copied"></p>
    }
}
