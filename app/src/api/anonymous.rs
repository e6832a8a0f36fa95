//! The anonymous side (SEL § 101a): booking a clarifying conversation and managing it with the
//! token. Forms are plain HTML POSTs to the page's own URL, so they work without JavaScript and
//! the token is never in a URL: the server runs the step and renders the page with its result
//! (see `server::anonymous_forms`). GET data comes through the server functions below.

use crate::content::CitedText;
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
    /// Booked. A new token is shown once (`new_token`); a relative's next talk was booked with
    /// the token they typed, which is not shown again.
    Receipt { token: String, booking_id: i64, label: String, when: String, new_token: bool },
    /// A relative has used every anonymous talk the municipality offers.
    QuotaReached,
}

pub use crate::domain::series::Series;

/// What a series page adds: the cap, the talks used so far, and the rules behind them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelativesInfo {
    pub series: Series,
    /// The municipality's cap on a relative's anonymous talks.
    pub max: u32,
    /// Talks used (booked or held) by the token in hand, once one has been typed or issued.
    pub used: Option<u32>,
    /// The token in hand, carried in the next form's hidden field (never in a URL).
    pub token: Option<String>,
    /// The municipality's rules for relatives, cited.
    pub facts: Vec<CitedText>,
    /// What comes after the last anonymous talk, where the standard says.
    pub after: Option<CitedText>,
    /// Why the typed code was not accepted.
    pub code_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookPage {
    pub kommune: String,
    /// The page's own URL, where its forms post: `/{kommune}/book` or `/{kommune}/paaroerende`.
    pub path: String,
    /// Set on the relatives' page.
    pub relatives: Option<RelativesInfo>,
    pub kommune_name: String,
    pub site_name: String,
    pub place: String,
    pub phone: Option<String>,
    /// Where the municipality's standard gives that phone number: cited where the page gives it
    /// as the way in while the site's times are not published.
    pub phone_citation: Option<crate::content::Citation>,
    pub example_hours: bool,
    /// The chosen kind of talk has no reviewed hours and the portal refuses examples: the page
    /// gives the site's phone and says booking opens when the site publishes its times.
    pub hours_pending: bool,
    pub kinds: Vec<KindOption>,
    pub chosen: Option<KindOption>,
    pub by_phone: bool,
    pub days: Vec<DayOption>,
    /// Who may book anonymously in this municipality (an age limit, other conditions), cited:
    /// said before the first choice, with the notices, so nobody learns it after they talk.
    pub who_may_book: CitedText,
    /// What else an anonymous booking says first; the duty to notify among them.
    pub notices: Vec<CitedText>,
    /// The staff's duty to notify about children (Serviceloven § 153): a relative hears it too.
    pub duty_to_notify: CitedText,
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
    /// Choose another time for a booking.
    ChooseMove { token: String, booking: BookingLine, days: Vec<DayOption>, error: Option<String> },
}

/// The booking page for `kommune`, at its first step, or `None` for an unknown municipality.
pub async fn book_page(kommune: &str, samtale: Option<&str>) -> Result<Option<BookPage>, crate::api::LoadError> {
    let store = crate::api::provided::<crate::store::AnonStore>()?;
    Ok(logic::book_page(&store, kommune, samtale, BookStep::Choose { error: None }).await)
}

/// The relatives' page or the counselling-series page for `kommune`, at its first step.
pub async fn series_page(series: Series, kommune: &str, samtale: Option<&str>) -> Result<Option<BookPage>, crate::api::LoadError> {
    let store = crate::api::provided::<crate::store::AnonStore>()?;
    Ok(logic::series_page(&store, series, kommune, samtale, BookStep::Choose { error: None }, None, None).await)
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::content::{content, BookingSite, RelativeTalksParams, TalkKind, TalkPurpose};
    use crate::text::dates;
    use crate::domain::kommune::{Kommune, KommunePath};
    use crate::api::anonymous_form::{BookingForm, CalendarForm, Fields, ManageAction, ManageForm};
    use crate::domain::slots::{self, BookingRefusal, SlotError};
    use crate::domain::token::Token;
    use crate::metrics;
    use crate::store::{AnonStore, BookError, NewHolder, SlotRef};
    use crate::text::t;
    use chrono::{DateTime, Utc};
    use std::collections::HashMap;

    /// A kind of talk of the site with the given purpose.
    fn kind<'a>(site: &'a BookingSite, id: Option<&str>, purpose: TalkPurpose) -> Option<&'a TalkKind> {
        id.and_then(|id| site.talks.iter().find(|k| k.id == id && k.purpose == purpose))
    }

    fn talk_purpose(series: Option<Series>) -> TalkPurpose {
        match series {
            None => TalkPurpose::Clarifying,
            Some(Series::Relatives) => TalkPurpose::Relative,
            Some(Series::Counselling) => TalkPurpose::Counselling,
        }
    }

    /// The municipality's cap on the series, where its standard sets one.
    fn series_rules(series: Series, k: Kommune) -> Option<RelativeTalksParams> {
        let rights = content().kommune_rights(k);
        match series {
            Series::Relatives => rights.relative_talks.clone(),
            Series::Counselling => rights.anonymous_talks.clone(),
        }
    }

    /// The hours in force: the store's (staff edit them), or the content file's seed.
    pub async fn hours_for(store: &AnonStore, site: &BookingSite, kind: &TalkKind) -> slots::OpeningHours {
        store.opening_hours(&site.id, &kind.id, &kind.hours).await.unwrap_or_else(|e| {
            tracing::error!(store = "anon", "reading opening hours failed: {e}");
            kind.hours.clone()
        })
    }

    /// What a citizen is offered of a kind of talk's hours.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum HoursShown {
        /// The content's real hours, or hours an admin saved.
        Reviewed,
        /// The content's example hours, offered marked as examples (`RMP_EXAMPLE_HOURS=vis`).
        Example,
        /// Example hours a real service refuses: only slots staff opened one by one are offered,
        /// and the page gives the site's phone.
        Pending,
    }

    /// The hours a citizen may book: `hours_for`, except that example weekly hours nobody has
    /// reviewed are dropped where the portal refuses examples (the slots staff opened stay).
    pub async fn citizen_hours(store: &AnonStore, site: &BookingSite, kind: &TalkKind) -> (slots::OpeningHours, HoursShown) {
        let mut hours = hours_for(store, site, kind).await;
        let reviewed = store.opening_hours_reviewed(&site.id, &kind.id, !site.example).await.unwrap_or_else(|e| {
            tracing::error!(store = "anon", "reading whether opening hours are reviewed failed: {e}");
            false
        });
        let shown = match (reviewed, crate::example_hours::shown()) {
            (true, _) => HoursShown::Reviewed,
            (false, true) => HoursShown::Example,
            (false, false) => {
                hours.rules.clear();
                HoursShown::Pending
            }
        };
        (hours, shown)
    }

    /// The free slots of a site's kind of talk, grouped by day.
    async fn free_days(store: &AnonStore, site: &BookingSite, kind: &TalkKind) -> Vec<DayOption> {
        let booked = store.booked_counts(&site.id, &kind.id).await.unwrap_or_else(|e| {
            tracing::error!(store = "anon", "reading booked seats failed: {e}");
            HashMap::new()
        });
        let mut days: Vec<DayOption> = Vec::new();
        let (hours, _) = citizen_hours(store, site, kind).await;
        for free in slots::free_slots(&hours, crate::clock::now(), &booked) {
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
        days
    }

    /// The site and kind of talk a stored booking refers to.
    fn site_and_kind(site_id: &str, kind_id: &str) -> Option<(&'static BookingSite, &'static TalkKind)> {
        let site = content().booking_sites().iter().find(|s| s.id == site_id)?;
        Some((site, site.talks.iter().find(|t| t.id == kind_id)?))
    }

    /// Builds the page: the kinds of talk, and for a chosen kind the free slots grouped by day.
    pub async fn book_page(store: &AnonStore, kommune: &str, samtale: Option<&str>, step: BookStep) -> Option<BookPage> {
        page(store, kommune, samtale, step, None).await
    }

    async fn page(store: &AnonStore, kommune: &str, samtale: Option<&str>, step: BookStep, series: Option<Series>) -> Option<BookPage> {
        let k = crate::content::find_kommune(kommune)?;
        let site = content().booking_site(k)?;
        let purpose = talk_purpose(series);
        let offered: Vec<&TalkKind> = site.talks.iter().filter(|t| t.purpose == purpose).collect();
        // With a single kind of talk (the relatives' page) there is nothing to choose.
        let chosen = kind(site, samtale, purpose).or(match offered.as_slice() {
            [only] => Some(*only),
            _ => None,
        });
        let days = match chosen {
            Some(kind) => free_days(store, site, kind).await,
            None => Vec::new(),
        };
        let shown = match chosen {
            Some(kind) => citizen_hours(store, site, kind).await.1,
            None => HoursShown::Reviewed,
        };
        Some(BookPage {
            kommune: k.slug().to_string(),
            path: k.page(series.map(Series::page).unwrap_or(KommunePath::Book)),
            relatives: None,
            kommune_name: k.name().to_string(),
            site_name: site.name.clone(),
            place: site.place.clone(),
            phone: site.phone.clone(),
            phone_citation: content()
                .kommune(k)
                .phone
                .as_ref()
                .filter(|f| site.phone.as_ref().is_some_and(|p| f.text.starts_with(p.as_str())))
                .map(|f| f.source.clone()),
            example_hours: shown == HoursShown::Example,
            hours_pending: shown == HoursShown::Pending,
            kinds: offered.iter().map(|t| KindOption { id: t.id.clone(), name: t.name.clone() }).collect(),
            chosen: chosen.map(|t| KindOption { id: t.id.clone(), name: t.name.clone() }),
            by_phone: chosen.is_some_and(|t| t.by_phone),
            days,
            who_may_book: content().who_may_book(k).fact.clone(),
            notices: content().booking_notices(k),
            duty_to_notify: content().duty_to_notify(k).fact.clone(),
            step,
        })
    }

    /// A POST to `/{kommune}/book`: the confirmation, or at the last step the booking, on a
    /// new code (see [`book_slot`]).
    pub async fn book_post(store: &AnonStore, kommune: &str, fields: &Fields) -> Option<BookPage> {
        let k = crate::content::find_kommune(kommune)?;
        let site = content().booking_site(k)?;
        let form = BookingForm::read(fields);
        let samtale = form.kind.as_deref();
        let step = match book_slot(store, site, TalkPurpose::Clarifying, &form, None, NewHolder { kommune: k.slug(), purpose: "clarifying" }, None).await {
            SlotStep::Confirm(step) => step,
            SlotStep::Booked { token, booking, when, .. } => {
                BookStep::Receipt { token: token.grouped(), booking_id: booking.booking_id, label: booking.label, when, new_token: true }
            }
            SlotStep::Refused(BookingRefusal::NoKind) => return book_page(store, kommune, None, refused(BookingRefusal::NoKind)).await,
            SlotStep::Refused(why) => refused(why),
            // No cap on clarifying talks.
            SlotStep::QuotaReached { .. } => refused(BookingRefusal::NotSaved),
        };
        book_page(store, kommune, samtale, step).await
    }

    /// The choice again, saying why it was refused.
    fn refused(why: BookingRefusal) -> BookStep {
        BookStep::Choose { error: Some(t::booking_refusal(why).to_string()) }
    }

    /// Where the booking steps end.
    enum SlotStep {
        /// The time is bookable: the confirmation step.
        Confirm(BookStep),
        Booked { token: Token, new_token: bool, booking: crate::store::Booked, when: String },
        /// The code has used every talk of the series (`used`, counted in the same transaction).
        QuotaReached { token: Token, used: u32 },
        Refused(BookingRefusal),
    }

    /// A bookable slot of the site's kind of talk at the chosen time, or why not.
    async fn chosen_slot(store: &AnonStore, site: &BookingSite, kind: &TalkKind, time: Option<DateTime<Utc>>) -> Result<slots::Slot, BookingRefusal> {
        let starts_at = time.ok_or(BookingRefusal::NoTime)?;
        slots::bookable(&citizen_hours(store, site, kind).await.0, crate::clock::now(), starts_at).map_err(BookingRefusal::Slot)
    }

    /// The path the three booking POSTs share (clarifying talk, relatives, counselling): the
    /// kind of talk for `purpose`, the time, the slot rules; then, at the last step only, the
    /// store, on the code in hand or on a new one for `new_holder`, within `cap`. The last
    /// step's outcome is counted for the operator (`crate::metrics`).
    async fn book_slot(
        store: &AnonStore,
        site: &BookingSite,
        purpose: TalkPurpose,
        form: &BookingForm,
        in_hand: Option<&Token>,
        new_holder: NewHolder<'_>,
        cap: Option<u32>,
    ) -> SlotStep {
        let step = try_slot(store, site, purpose, form, in_hand, new_holder, cap).await;
        if form.books() {
            count(purpose, &step);
        }
        step
    }

    /// A booking's last step, as `/metrics` counts it.
    fn count(purpose: TalkPurpose, step: &SlotStep) {
        let purpose = match purpose {
            TalkPurpose::Clarifying => metrics::BookingPurpose::clarifying,
            TalkPurpose::Relative => metrics::BookingPurpose::relatives,
            TalkPurpose::Counselling => metrics::BookingPurpose::counselling,
        };
        match step {
            SlotStep::Booked { .. } => metrics::booking_made(purpose),
            SlotStep::QuotaReached { .. } => metrics::booking_refused(purpose, metrics::RefusalReason::quota_reached),
            SlotStep::Refused(why) => metrics::booking_refused(purpose, (*why).into()),
            SlotStep::Confirm(_) => {}
        }
    }

    async fn try_slot(
        store: &AnonStore,
        site: &BookingSite,
        purpose: TalkPurpose,
        form: &BookingForm,
        in_hand: Option<&Token>,
        new_holder: NewHolder<'_>,
        cap: Option<u32>,
    ) -> SlotStep {
        let Some(kind) = kind(site, form.kind.as_deref(), purpose) else {
            return SlotStep::Refused(BookingRefusal::NoKind);
        };
        let slot = match chosen_slot(store, site, kind, form.time).await {
            Ok(slot) => slot,
            Err(why) => return SlotStep::Refused(why),
        };
        let when = dates::when(slot.starts_at, slot.ends_at);
        if !form.books() {
            return SlotStep::Confirm(BookStep::Confirm { slot_value: slot.starts_at.to_rfc3339(), when });
        }
        let slot_ref = SlotRef { site: &site.id, talk_kind: &kind.id, starts_at: slot.starts_at, capacity: slot.capacity };
        let (token, new_token) = match in_hand {
            Some(token) => (token.clone(), false),
            None => (Token::generate(), true),
        };
        // The store counts and books in one transaction, so parallel bookings cannot pass the cap.
        match store.book(&token, new_token.then_some(new_holder), &slot_ref, cap).await {
            Ok(booking) => SlotStep::Booked { token, new_token, booking, when },
            Err(BookError::QuotaReached { used, .. }) => SlotStep::QuotaReached { token, used },
            Err(BookError::Full) => SlotStep::Refused(BookingRefusal::Slot(SlotError::Full)),
            Err(e) => {
                tracing::error!(store = "anon", "booking failed: {e}");
                SlotStep::Refused(BookingRefusal::NotSaved)
            }
        }
    }

    /// The relatives' page (see [`series_page`]).
    pub async fn relatives_page(
        store: &AnonStore,
        kommune: &str,
        samtale: Option<&str>,
        step: BookStep,
        holder: Option<(&Token, u32)>,
        code_error: Option<String>,
    ) -> Option<BookPage> {
        series_page(store, Series::Relatives, kommune, samtale, step, holder, code_error).await
    }

    /// A series page: the municipality's rules for the series, its cap on anonymous talks, and
    /// (with a token in hand) how many are used. Without such talks at the site (the standard
    /// offers none) the page shows the rules and how to make contact.
    pub async fn series_page(
        store: &AnonStore,
        series: Series,
        kommune: &str,
        samtale: Option<&str>,
        step: BookStep,
        holder: Option<(&Token, u32)>,
        code_error: Option<String>,
    ) -> Option<BookPage> {
        let k = crate::content::find_kommune(kommune)?;
        let mut p = page(store, kommune, samtale, step, Some(series)).await?;
        let rules = series_rules(series, k);
        let after_id = rules.as_ref().and_then(|r| r.after_rule.clone());
        let facts = match series {
            Series::Relatives => content()
                .kommune_rules(k)
                .filter(|r| r.topic == crate::domain::rights::Topic::Relatives && Some(&r.id) != after_id.as_ref())
                .map(|r| r.fact.clone())
                .collect(),
            Series::Counselling => rules.iter().flat_map(|r| r.rules.iter()).map(|id| content().rule(k.slug(), id).fact.clone()).collect(),
        };
        p.relatives = Some(RelativesInfo {
            series,
            max: rules.as_ref().map(|r| r.max).unwrap_or(0),
            used: holder.map(|(_, used)| used),
            token: holder.map(|(token, _)| token.grouped()),
            facts,
            after: after_id.map(|id| content().rule(k.slug(), &id).fact.clone()),
            code_error,
        });
        Some(p)
    }

    /// A POST to the relatives' page (see [`series_post`]).
    pub async fn relatives_post(store: &AnonStore, kommune: &str, fields: &Fields) -> Option<BookPage> {
        series_post(store, Series::Relatives, kommune, fields).await
    }

    /// A POST to `/{kommune}/paaroerende` or `/{kommune}/raadgivning`. `handling=kode` reads a
    /// typed token and shows its count; `trin=bekraeft` / `trin=book` as on the booking page,
    /// with the token (if any) in the hidden field `kode`: then the talk is booked on that
    /// token, within the cap.
    pub async fn series_post(store: &AnonStore, series: Series, kommune: &str, fields: &Fields) -> Option<BookPage> {
        let k = crate::content::find_kommune(kommune)?;
        let site = content().booking_site(k)?;
        let form = BookingForm::read(fields);
        let relatives_page = |store, kommune, samtale, step, holder, code_error| series_page(store, series, kommune, samtale, step, holder, code_error);
        let Some(max) = series_rules(series, k).map(|r| r.max) else {
            return relatives_page(store, kommune, None, BookStep::Choose { error: None }, None, None).await;
        };
        let samtale = form.kind.as_deref();
        let choose = BookStep::Choose { error: None };
        // The code in hand, if one was typed: it must be a code of this series and municipality.
        let token = match form.code.as_deref().map(Token::parse) {
            None => None,
            Some(Err(e)) => return relatives_page(store, kommune, samtale, choose, None, Some(t::token_error(e).to_string())).await,
            Some(Ok(token)) => Some(token),
        };
        let used = match &token {
            None => None,
            Some(token) => match store.holder_talks(token).await {
                Ok(Some(h)) if h.purpose == series.purpose() && h.kommune == k.slug() => Some(h.used),
                Ok(_) => return relatives_page(store, kommune, samtale, choose, None, Some(t::series_text(series).unknown_code.to_string())).await,
                Err(e) => {
                    tracing::error!(store = "anon", "reading a relative's talks failed: {e}");
                    return relatives_page(store, kommune, samtale, choose, None, Some(t::SERVER_ERROR.to_string())).await;
                }
            },
        };
        let holder = token.as_ref().zip(used);
        if used.is_some_and(|u| u >= max) {
            return relatives_page(store, kommune, samtale, BookStep::QuotaReached, holder, None).await;
        }
        if form.show_code {
            return relatives_page(store, kommune, samtale, choose, holder, None).await;
        }
        let new_holder = NewHolder { kommune: k.slug(), purpose: series.purpose() };
        let outcome = book_slot(store, site, talk_purpose(Some(series)), &form, token.as_ref(), new_holder, Some(max)).await;
        let booked_on;
        let (step, holder) = match outcome {
            SlotStep::Confirm(step) => (step, holder),
            SlotStep::Booked { token: booked, new_token, booking, when } => {
                booked_on = booked;
                let step = BookStep::Receipt { token: booked_on.grouped(), booking_id: booking.booking_id, label: booking.label, when, new_token };
                (step, Some((&booked_on, used.unwrap_or(0) + 1)))
            }
            SlotStep::QuotaReached { token: counted, used } => {
                booked_on = counted;
                (BookStep::QuotaReached, Some((&booked_on, used)))
            }
            SlotStep::Refused(BookingRefusal::NoKind) => return relatives_page(store, kommune, None, refused(BookingRefusal::NoKind), holder, None).await,
            SlotStep::Refused(why) => (refused(why), holder),
        };
        relatives_page(store, kommune, samtale, step, holder, None).await
    }

    /// How long a booked talk lasts: its extra slot's length, or the weekly rule's that holds its
    /// start, or (hours changed since) the kind's first rule's.
    fn talk_minutes(b: &crate::store::BookingView) -> u32 {
        let rules = site_and_kind(&b.site, &b.talk_kind).map(|(_, k)| k.hours.rules.as_slice()).unwrap_or_default();
        b.extra_minutes
            .or_else(|| crate::domain::slots::rule_minutes_at(rules, b.starts_at))
            .or_else(|| rules.first().map(|r| r.talk_minutes))
            .unwrap_or(60)
    }

    pub fn line(b: &crate::store::BookingView) -> BookingLine {
        let found = site_and_kind(&b.site, &b.talk_kind);
        let minutes = talk_minutes(b);
        BookingLine {
            id: b.booking_id,
            label: b.label.clone(),
            when: dates::when(b.starts_at, b.starts_at + chrono::Duration::minutes(i64::from(minutes))),
            place: match found {
                Some((_, k)) if k.by_phone => t::BY_PHONE_PLACE.to_string(),
                Some((s, _)) => format!("{}, {}", s.name, s.place),
                None => String::new(),
            },
            kind_name: found.map(|(_, k)| k.name.clone()).unwrap_or_else(|| b.talk_kind.clone()),
            cancellable: b.status == "booked" && b.starts_at > crate::clock::now(),
        }
    }

    /// A POST to `/min-aftale`. `handling`: `vis` (show), `annuller-spoerg` (ask to confirm),
    /// `annuller` (cancel). Unknown tokens get one neutral message.
    pub async fn manage_post(store: &AnonStore, fields: &Fields) -> ManageStep {
        let form = ManageForm::read(fields);
        let token = match Token::parse(&form.code) {
            Ok(t) => t,
            Err(e) => return ManageStep::Enter { error: Some(t::token_error(e).to_string()) },
        };
        let bookings = match store.bookings(&token).await {
            Ok(Some(b)) => b,
            Ok(None) => return ManageStep::Enter { error: Some(t::MANAGE_UNKNOWN.to_string()) },
            Err(e) => {
                tracing::error!(store = "anon", "reading bookings failed: {e}");
                return ManageStep::Enter { error: Some(t::SERVER_ERROR.to_string()) };
            }
        };
        let lines: Vec<BookingLine> = bookings.iter().map(line).collect();
        let chosen_id = form.booking;
        let chosen = chosen_id.and_then(|id| lines.iter().find(|l| l.id == id).cloned());
        let stored = chosen_id.and_then(|id| bookings.iter().find(|b| b.booking_id == id));
        let grouped = token.grouped();
        let reload = |message: &str| {
            let message = Some(message.to_string());
            let token = token.clone();
            let grouped = grouped.clone();
            async move {
                let left = match store.bookings(&token).await {
                    Ok(Some(b)) => b.iter().map(line).collect(),
                    _ => Vec::new(),
                };
                ManageStep::List { token: grouped, bookings: left, message }
            }
        };
        match (form.action, chosen, stored) {
            (Some(ManageAction::AskCancel), Some(b), _) if b.cancellable => ManageStep::ConfirmCancel { token: grouped, booking: b },
            (Some(ManageAction::Cancel), Some(b), _) if b.cancellable => {
                let message = match store.cancel(&token, b.id).await {
                    Ok(true) => t::MANAGE_CANCELLED,
                    Ok(false) => t::MANAGE_CANNOT_CANCEL,
                    Err(e) => {
                        tracing::error!(store = "anon", "cancelling failed: {e}");
                        t::SERVER_ERROR
                    }
                };
                reload(message).await
            }
            (Some(action @ (ManageAction::ChooseMove | ManageAction::Move)), Some(b), Some(stored)) if b.cancellable => {
                let Some((site, kind)) = site_and_kind(&stored.site, &stored.talk_kind) else {
                    return reload(t::MANAGE_CANNOT_MOVE).await;
                };
                let choose = |error: Option<&str>| {
                    let (grouped, b) = (grouped.clone(), b.clone());
                    let error = error.map(str::to_string);
                    async move { ManageStep::ChooseMove { token: grouped, booking: b, days: free_days(store, site, kind).await, error } }
                };
                if action == ManageAction::ChooseMove {
                    return choose(None).await;
                }
                let slot = match chosen_slot(store, site, kind, form.time).await {
                    Ok(slot) => slot,
                    Err(why) => return choose(Some(t::booking_refusal(why))).await,
                };
                let to = SlotRef { site: &site.id, talk_kind: &kind.id, starts_at: slot.starts_at, capacity: slot.capacity };
                match store.move_booking(&token, b.id, &to).await {
                    Ok(_) => reload(&format!("{} {}.", t::MANAGE_MOVED, dates::when(slot.starts_at, slot.ends_at))).await,
                    Err(BookError::Full) => choose(Some(t::booking_refusal(BookingRefusal::Slot(SlotError::Full)))).await,
                    Err(e) => {
                        tracing::error!(store = "anon", "moving failed: {e}");
                        choose(Some(t::booking_refusal(BookingRefusal::NotSaved))).await
                    }
                }
            }
            (Some(ManageAction::AskCancel | ManageAction::Cancel), _, _) => {
                ManageStep::List { token: grouped, bookings: lines, message: Some(t::MANAGE_CANNOT_CANCEL.to_string()) }
            }
            (Some(ManageAction::ChooseMove | ManageAction::Move), _, _) => {
                ManageStep::List { token: grouped, bookings: lines, message: Some(t::MANAGE_CANNOT_MOVE.to_string()) }
            }
            _ => ManageStep::List { token: grouped, bookings: lines, message: None },
        }
    }

    /// A POST to `/min-aftale/kalender`: the calendar file for one of the token's bookings, as
    /// (file name, body); or the manage page with the reason it cannot be made.
    pub async fn calendar_post(store: &AnonStore, fields: &Fields) -> Result<(String, String), ManageStep> {
        let form = CalendarForm::read(fields);
        let token = Token::parse(&form.code)
            .map_err(|e| ManageStep::Enter { error: Some(t::token_error(e).to_string()) })?;
        let bookings = match store.bookings(&token).await {
            Ok(Some(b)) => b,
            _ => return Err(ManageStep::Enter { error: Some(t::MANAGE_UNKNOWN.to_string()) }),
        };
        let Some(b) = bookings.iter().find(|b| Some(b.booking_id) == form.booking) else {
            let lines = bookings.iter().map(line).collect();
            return Err(ManageStep::List { token: token.grouped(), bookings: lines, message: Some(t::MANAGE_CANNOT_CANCEL.to_string()) });
        };
        let l = line(b);
        let minutes = talk_minutes(b);
        let title = crate::domain::ics::clean_title(&form.title);
        // A random UID: nothing in the file links it to the booking's row.
        let uid = format!("{}@rusmiddelportalen", Token::generate().canonical().to_lowercase());
        let body = crate::domain::ics::calendar(
            &uid,
            &title,
            form.with_place.then_some(l.place.as_str()),
            form.with_label.then(|| format!("{}: {}", t::RECEIPT_LABEL_HEADING, l.label)).as_deref(),
            b.starts_at,
            b.starts_at + chrono::Duration::minutes(i64::from(minutes)),
            crate::clock::now(),
        );
        Ok(("aftale.ics".to_string(), body))
    }
}
