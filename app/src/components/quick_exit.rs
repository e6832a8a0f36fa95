//! "Forlad siden": GOV.UK's "Exit this page" pattern. Without JavaScript it is a plain link to a
//! neutral site. With JavaScript the page is blanked first and the history entry is replaced,
//! so "back" does not return here; three presses of Shift do the same.

use crate::text::t;
use leptos::prelude::*;

#[component]
pub fn QuickExit() -> impl IntoView {
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

/// Installs the Shift ×3 shortcut: three presses, each within a second of the last.
/// Runs only in the browser (it is called from an effect).
pub fn install_shift_exit() {
    #[cfg(feature = "hydrate")]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        let presses = Rc::new(Cell::new((0u8, 0f64)));
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "Shift" || ev.repeat() {
                return;
            }
            let now = js_sys_now();
            let (count, last) = presses.get();
            let count = if now - last <= 1000.0 { count + 1 } else { 1 };
            presses.set((count, now));
            if count >= 3 {
                leave();
            }
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
    }
}

#[cfg(feature = "hydrate")]
fn js_sys_now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}
