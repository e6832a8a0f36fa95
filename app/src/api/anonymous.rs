//! The anonymous side (SEL § 101a): booking a clarifying conversation and managing it with the
//! token. Forms are plain HTML POSTs to the page's own URL, so they work without JavaScript and
//! the token is never in a URL: the server runs the step and renders the page with its result
//! (see `server::anonymous_forms`). GET data comes through the server functions below.

use crate::content::CitedText;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindOption {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotOption {
    /// The start instant in RFC 3339 (UTC): the form value.
    pub value: String,
    /// "16.00–17.00"
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayOption {
    /// "tirsdag den 24. november 2026"
    pub heading: String,
    pub slots: Vec<SlotOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BookStep {
    /// Choose a kind of talk, then a time. `error` explains a refused choice.
    Choose { error: Option<String> },
    /// Read what anonymity means here, then confirm.
    Confirm { slot_value: String, when: String },
    /// Booked: the token, shown once.
    Receipt { token: String, label: String, when: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookPage {
    pub kommune: String,
    pub kommune_name: String,
    pub site_name: String,
    pub place: String,
    pub phone: Option<String>,
    pub example_hours: bool,
    pub kinds: Vec<KindOption>,
    pub chosen: Option<KindOption>,
    pub by_phone: bool,
    pub days: Vec<DayOption>,
    pub notices: Vec<CitedText>,
    pub step: BookStep,
}

/// One live booking as its holder sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingLine {
    pub id: i64,
    pub label: String,
    pub when: String,
    pub place: String,
    pub kind_name: String,
    pub cancellable: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ManageStep {
    /// Type the token. `error` says why the last try failed (neutral for unknown tokens).
    Enter { error: Option<String> },
    /// The token's bookings. `token` is carried in hidden fields of the action forms.
    List { token: String, bookings: Vec<BookingLine>, message: Option<String> },
    /// "Do you really want to cancel?"
    ConfirmCancel { token: String, booking: BookingLine },
}

/// The result of a form POST, provided as context to the render of the same page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Posted {
    Book(Option<BookPage>),
    Manage(ManageStep),
}

/// The booking page for `kommune`, at its first step, or `None` for an unknown municipality.
#[server]
pub async fn get_book_page(kommune: String, samtale: Option<String>) -> Result<Option<BookPage>, ServerFnError> {
    let Some(store) = use_context::<crate::store::AnonStore>() else {
        return Err(ServerFnError::new("store missing"));
    };
    Ok(logic::book_page(&store, &kommune, samtale.as_deref(), BookStep::Choose { error: None }).await)
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::content::{content, BookingSite, TalkKind};
    use crate::domain::dates;
    use crate::domain::kommune::Kommune;
    use crate::domain::slots::{self, SlotError};
    use crate::domain::token::Token;
    use crate::store::{AnonStore, BookError, NewHolder, SlotRef};
    use crate::text::t;
    use chrono::{DateTime, Utc};
    use std::collections::HashMap;

    fn kind<'a>(site: &'a BookingSite, id: Option<&str>) -> Option<&'a TalkKind> {
        id.and_then(|id| site.talks.iter().find(|k| k.id == id))
    }

    /// Builds the page: the kinds of talk, and for a chosen kind the free slots grouped by day.
    pub async fn book_page(store: &AnonStore, kommune: &str, samtale: Option<&str>, step: BookStep) -> Option<BookPage> {
        let k = Kommune::from_slug(kommune)?;
        let site = content().booking_site(k)?;
        let chosen = kind(site, samtale);
        let mut days: Vec<DayOption> = Vec::new();
        if let Some(kind) = chosen {
            let booked = store.booked_counts(&site.id, &kind.id).await.unwrap_or_else(|e| {
                tracing::error!("reading booked seats failed: {e}");
                HashMap::new()
            });
            for free in slots::free_slots(&kind.hours, Utc::now(), &booked) {
                let heading = dates::long_date(free.slot.local_start().date_naive());
                let option = SlotOption {
                    value: free.slot.starts_at.to_rfc3339(),
                    label: format!("{}–{}", dates::clock(free.slot.starts_at), dates::clock(free.slot.ends_at)),
                };
                match days.last_mut() {
                    Some(d) if d.heading == heading => d.slots.push(option),
                    _ => days.push(DayOption { heading, slots: vec![option] }),
                }
            }
        }
        Some(BookPage {
            kommune: k.slug().to_string(),
            kommune_name: k.name().to_string(),
            site_name: site.name.clone(),
            place: site.place.clone(),
            phone: site.phone.clone(),
            example_hours: site.example,
            kinds: site.talks.iter().map(|t| KindOption { id: t.id.clone(), name: t.name.clone() }).collect(),
            chosen: chosen.map(|t| KindOption { id: t.id.clone(), name: t.name.clone() }),
            by_phone: chosen.is_some_and(|t| t.by_phone),
            days,
            notices: content().booking_notices(k),
            step,
        })
    }

    /// A POST to `/{kommune}/book`: `trin=bekraeft` shows the confirmation, `trin=book` books.
    pub async fn book_post(store: &AnonStore, kommune: &str, form: &HashMap<String, String>) -> Option<BookPage> {
        let k = Kommune::from_slug(kommune)?;
        let site = content().booking_site(k)?;
        let samtale = form.get("samtale").map(String::as_str);
        let refuse = |error: &str| BookStep::Choose { error: Some(error.to_string()) };
        let Some(kind) = kind(site, samtale) else {
            return book_page(store, kommune, None, refuse(t::BOOK_ERR_KIND)).await;
        };
        let chosen_time = form.get("tid").filter(|v| !v.is_empty());
        let Some(starts_at) = chosen_time.and_then(|v| DateTime::parse_from_rfc3339(v).ok()).map(|t| t.with_timezone(&Utc)) else {
            return book_page(store, kommune, samtale, refuse(t::BOOK_ERR_TIME)).await;
        };
        let slot = match slots::bookable(&kind.hours, Utc::now(), starts_at) {
            Ok(slot) => slot,
            Err(e) => return book_page(store, kommune, samtale, refuse(e.message())).await,
        };
        let when = dates::when(slot.starts_at, slot.ends_at);
        let step = match form.get("trin").map(String::as_str) {
            Some("book") => {
                let token = Token::generate();
                let slot_ref = SlotRef { site: &site.id, talk_kind: &kind.id, starts_at: slot.starts_at, capacity: slot.capacity };
                let holder = NewHolder { kommune: k.slug(), purpose: "clarifying" };
                match store.book(&token, Some(holder), &slot_ref, None).await {
                    Ok(b) => BookStep::Receipt { token: token.grouped(), label: b.label, when },
                    Err(BookError::Full) => refuse(SlotError::Full.message()),
                    Err(e) => {
                        tracing::error!("booking failed: {e}");
                        refuse(t::SERVER_ERROR)
                    }
                }
            }
            _ => BookStep::Confirm { slot_value: slot.starts_at.to_rfc3339(), when },
        };
        book_page(store, kommune, samtale, step).await
    }

    fn line(b: &crate::store::BookingView) -> BookingLine {
        let c = content();
        let site = Kommune::ALL.iter().filter_map(|k| c.booking_site(*k)).find(|s| s.id == b.site);
        let kind = site.and_then(|s| s.talks.iter().find(|t| t.id == b.talk_kind));
        let minutes = kind
            .and_then(|k| k.hours.rules.first().map(|r| r.talk_minutes))
            .unwrap_or(60);
        BookingLine {
            id: b.booking_id,
            label: b.label.clone(),
            when: dates::when(b.starts_at, b.starts_at + chrono::Duration::minutes(i64::from(minutes))),
            place: if kind.is_some_and(|k| k.by_phone) {
                t::BY_PHONE_PLACE.to_string()
            } else {
                site.map(|s| format!("{}, {}", s.name, s.place)).unwrap_or_default()
            },
            kind_name: kind.map(|k| k.name.clone()).unwrap_or_else(|| b.talk_kind.clone()),
            cancellable: b.status == "booked" && b.starts_at > Utc::now(),
        }
    }

    /// A POST to `/min-aftale`. `handling`: `vis` (show), `annuller-spoerg` (ask to confirm),
    /// `annuller` (cancel). Unknown tokens get one neutral message.
    pub async fn manage_post(store: &AnonStore, form: &HashMap<String, String>) -> ManageStep {
        let typed = form.get("kode").map(String::as_str).unwrap_or("");
        let token = match Token::parse(typed) {
            Ok(t) => t,
            Err(e) => return ManageStep::Enter { error: Some(e.message().to_string()) },
        };
        let bookings = match store.bookings(&token).await {
            Ok(Some(b)) => b,
            Ok(None) => return ManageStep::Enter { error: Some(t::MANAGE_UNKNOWN.to_string()) },
            Err(e) => {
                tracing::error!("reading bookings failed: {e}");
                return ManageStep::Enter { error: Some(t::SERVER_ERROR.to_string()) };
            }
        };
        let lines: Vec<BookingLine> = bookings.iter().map(line).collect();
        let chosen = form.get("booking").and_then(|v| v.parse::<i64>().ok()).and_then(|id| lines.iter().find(|l| l.id == id).cloned());
        let grouped = token.grouped();
        match (form.get("handling").map(String::as_str), chosen) {
            (Some("annuller-spoerg"), Some(b)) if b.cancellable => ManageStep::ConfirmCancel { token: grouped, booking: b },
            (Some("annuller"), Some(b)) if b.cancellable => {
                let message = match store.cancel(&token, b.id).await {
                    Ok(true) => t::MANAGE_CANCELLED,
                    Ok(false) => t::MANAGE_CANNOT_CANCEL,
                    Err(e) => {
                        tracing::error!("cancelling failed: {e}");
                        t::SERVER_ERROR
                    }
                };
                let left = match store.bookings(&token).await {
                    Ok(Some(b)) => b.iter().map(line).collect(),
                    _ => Vec::new(),
                };
                ManageStep::List { token: grouped, bookings: left, message: Some(message.to_string()) }
            }
            (Some("annuller-spoerg" | "annuller"), _) => {
                ManageStep::List { token: grouped, bookings: lines, message: Some(t::MANAGE_CANNOT_CANCEL.to_string()) }
            }
            _ => ManageStep::List { token: grouped, bookings: lines, message: None },
        }
    }
}
