//! The identified side (SEL § 101, SUL §§ 141–142): a person's request for treatment at
//! `/{kommune}/henvendelse`, and the case worker's work on the requests. This module is the only
//! way into the case store: it alone can make the [`CaseKey`] that every store method asks for.
//! It never names the anonymous store, and the anonymous API never names this one's (a test in
//! `tests/store_separation.rs` reads the sources to hold both to it).
//!
//! The form is a plain HTML POST to the page's own URL (see `server::case_forms`), like the
//! anonymous side's, so it works without JavaScript and nothing the person types is in a URL.

use crate::content::{CitedText, SourceDocument};
use serde::{Deserialize, Serialize};

/// The key to the case store's methods. Its field is private to this module, so only this
/// module and its `logic` can make one: the anonymous API cannot read or write a case, and
/// neither can a page, the server's other handlers or another crate. A key opens one
/// municipality's requests (the signed-in case worker's, or the one a person files with); only
/// the retention purge's key opens all of them.
///
/// Only code in `api::cases` can build one; anywhere else it does not compile:
///
/// ```compile_fail
/// let key = app::api::cases::CaseKey(());
/// ```
///
/// (The type itself is public, so the line above fails on the private field and not on a
/// missing name, which this compiles to show:)
///
/// ```
/// fn takes(_: app::api::cases::CaseKey) {}
/// ```
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct CaseKey(CaseScope);

#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
enum CaseScope {
    Municipality(String),
    /// The server's retention purge: every municipality's ended requests.
    Retention,
}

#[cfg(feature = "ssr")]
impl CaseKey {
    /// The municipality whose requests this key opens; `None` for the retention purge's key.
    pub fn kommune(&self) -> Option<&str> {
        match &self.0 {
            CaseScope::Municipality(k) => Some(k),
            CaseScope::Retention => None,
        }
    }
}

/// What the page says about the 14-day guarantee in this municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuaranteeInfo {
    /// How the municipality counts the days, cited; `None` where its standard does not say.
    pub explained: Option<CitedText>,
    /// The last day, in a sentence: before submitting, as if sent today; on the receipt, from
    /// the day received. `None` where the day cannot be known yet.
    pub date_sentence: Option<String>,
    /// Why no date can be given yet (the clock starts at attendance or application, or the
    /// standard does not say).
    pub not_yet: Option<String>,
    /// The law's 14-day rules for alcohol and for other substances, cited with their paragraph.
    pub law: Vec<CitedText>,
    /// The rule that lets the deadline be set aside when the person chooses another site.
    pub other_site: Option<CitedText>,
}

/// What was typed, shown again after a refused submit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormValues {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The form value of the chosen substance (`alkohol`, `andre`, `begge`), or empty.
    pub substance: String,
    pub morning: bool,
    pub afternoon: bool,
    pub consent: bool,
}

/// A refused field: its `id` in the page and the Danish message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RequestStep {
    /// The form. `skema` is this form's nonce (hidden field); the same nonce is kept when the
    /// form comes back with errors, so fixing them and sending still makes one request.
    Form { skema: String, values: FormValues, errors: Vec<FieldMessage>, form_error: Option<String> },
    /// The receipt. `again`: the same form had been sent before; this is its first receipt.
    Receipt { reference: String, received: String, again: bool },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestPage {
    pub kommune: String,
    pub kommune_name: String,
    pub site_name: String,
    pub site_phone: Option<String>,
    pub site_email: Option<String>,
    pub guarantee: GuaranteeInfo,
    /// Thisted's standard covers drugs only: said, cited, before the form.
    pub scope_notice: Option<CitedText>,
    /// Who may ask for treatment here (the target group, ages included), cited: before the form.
    pub who_may_request: Vec<CitedText>,
    /// The staff's duty to notify about children (Serviceloven § 153), cited: before the form, so
    /// nobody learns it after they have written.
    pub duty_to_notify: CitedText,
    /// The consent text naming the data controller.
    pub consent: String,
    pub next_steps: Vec<String>,
    /// How to reach the site if no one calls.
    pub contact_site: String,
    pub sources: Vec<SourceDocument>,
    pub step: RequestStep,
}

/// One request in the case worker's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseLine {
    pub id: i64,
    pub reference: String,
    pub kommune: String,
    pub kommune_name: String,
    /// "mandag den 23. november 2026"
    pub received: String,
    pub substance: String,
    pub name: String,
    /// Phone ("28 91 73 46") and/or e-mail, as the case worker reads them.
    pub contact: String,
    /// "formiddag, eftermiddag", or empty.
    pub times: String,
    /// The status's slug (`new`, `contacted`, …) and its Danish label.
    pub status: String,
    pub status_label: String,
    /// Days to the guarantee's last day while the clock runs (negative: overdue).
    pub days_left: Option<i64>,
    pub overdue: bool,
    /// Where the guarantee stands, in words.
    pub clock: String,
}

/// One request with everything the case worker may see, and its history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub line: CaseLine,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The municipality counts from attendance or application and the case worker may record
    /// that day (while the request is open).
    pub may_start_clock: bool,
    pub history: Vec<CaseEvent>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// "23.11.2026 kl. 10.15"
    pub at: String,
    pub who: String,
    pub what: String,
}

/// `/personale/sager`: the case worker's page — the list, one request opened, and the result of
/// the last action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasesPage {
    pub access: crate::domain::staff::StaffAccess,
    pub lines: Vec<CaseLine>,
    pub open: Option<CaseDetail>,
    /// The opened request's "delete?" question is being asked.
    pub confirm_delete: bool,
    pub statuses: Vec<StatusChoice>,
    /// The municipality's days for the guarantee, for the opened request's clock-start hint.
    pub guarantee_days: u32,
    pub retention_days: u32,
    /// A reference typed into the search that found nothing, shown again.
    pub reference_typed: String,
    /// A clock-start date that was refused, shown again in its field with the reason.
    pub date_typed: String,
    pub date_error: Option<String>,
    pub message: Option<String>,
    pub errors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChoice {
    pub value: String,
    pub text: String,
}

/// `/personale/sager/garanti`: how many of the municipality's requests had their guarantee kept,
/// by the quarter their last day fell in (issue 18). Read from the case store alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuaranteePage {
    pub access: crate::domain::staff::StaffAccess,
    pub quarter: String,
    pub previous: String,
    pub next: String,
    pub notice: Option<String>,
    /// (what, how many), in `GuaranteeOutcome::ALL`'s order.
    pub counts: Vec<(String, u64)>,
    /// "9 af 12 (75 %)", or why no share can be given.
    pub share: String,
    /// The municipality's guarantee, cited; `None` where its standard gives none.
    pub rule: Option<CitedText>,
    pub retention_days: u32,
}

/// The guarantee figure for the signed-in member.
pub async fn guarantee_page(kvartal: Option<String>) -> Result<crate::api::staff::Gate<GuaranteePage>, crate::api::LoadError> {
    use crate::api::staff::{logic::gate, session, Gate};
    let Some(access) = session::current_access().await? else { return Ok(Gate::SignedOut) };
    let store = crate::api::provided::<crate::store::CaseStore>()?;
    Ok(gate(&access, logic::guarantee_report(&store, &access, kvartal.as_deref(), crate::clock::now()).await.map_err(|e| match e {
        logic::CaseError::Forbidden(f) => f,
        _ => crate::domain::staff::Forbidden { role: access.role, area: crate::domain::staff::Area::Cases },
    })))
}

/// The case worker's page for the signed-in member.
pub async fn cases_page(sag: Option<String>) -> Result<crate::api::staff::Gate<CasesPage>, crate::api::LoadError> {
    use crate::api::staff::{logic::gate, session, Gate};
    let Some(access) = session::current_access().await? else { return Ok(Gate::SignedOut) };
    let store = crate::api::provided::<crate::store::CaseStore>()?;
    let open = sag.and_then(|s| s.parse::<i64>().ok());
    Ok(gate(&access, logic::cases_page(&store, &access, open, crate::clock::now()).await))
}

/// The request page for `kommune` with a fresh form, or `None` for an unknown municipality.
/// Reads no case: only the municipality's rules and the store's retention period.
pub fn request_page(kommune: &str) -> Result<Option<RequestPage>, crate::api::LoadError> {
    let store = crate::api::provided::<crate::store::CaseStore>()?;
    Ok(logic::blank_request_page(&store, kommune))
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::api::form::Fields;
    use crate::api::staff_form::CaseStep;
    use crate::content::{content, Citation};
    use crate::text::dates::{clock, long_date};
    use crate::domain::deadlines::{last_day, parse_date, today_in_copenhagen, ClockStart, DateError};
    use crate::domain::kommune::Kommune;
    use crate::domain::request::{display_phone, guarantee_until, validate, Clock, ContactTime, Field, FormNonce, Status, Substance, CHECKED, NONCE_FIELD};
    use crate::domain::rights::Topic;
    use crate::domain::staff::{Area, Forbidden, StaffAccess};
    use crate::store::{CaseStore, NewRequest, StatusChange, StoreError, StoredEvent, StoredRequest, ACTOR_CITIZEN, ACTOR_SYSTEM};
    use crate::text::t;
    use chrono::{DateTime, Duration, NaiveDate, Utc};
    use chrono_tz::Europe::Copenhagen;
    use std::collections::HashMap;

    /// The key a case worker works with: their own municipality's requests, no other.
    fn key(access: &StaffAccess) -> CaseKey {
        CaseKey(CaseScope::Municipality(access.kommune.clone()))
    }

    /// Why a case worker's call was refused.
    #[derive(Debug, thiserror::Error)]
    pub enum CaseError {
        /// The role does not cover identified cases. Checked before the store is touched.
        #[error(transparent)]
        Forbidden(#[from] Forbidden),
        /// The call cannot be done; the message is Danish and can be shown as is.
        #[error("{0}")]
        Refused(&'static str),
        #[error("case store: {0}")]
        Store(#[from] StoreError),
    }

    // ---------------------------------------------------------------------------------------
    // The person's request
    // ---------------------------------------------------------------------------------------

    fn cited(text: String, source: &Citation) -> CitedText {
        CitedText { text, source: source.clone() }
    }

    /// The rule that lets the deadline be set aside when the person chooses another site: the
    /// municipality's own where it has one, else the law's.
    fn other_site_rule(k: Kommune) -> CitedText {
        content()
            .kommune_rules(k)
            .find(|r| r.topic == Topic::Guarantee && matches!(r.id.as_str(), "garanti-frit-valg" | "garanti-andet-tilbud"))
            .map(|r| r.fact.clone())
            .unwrap_or_else(|| content().rule("faelles", "sel101-frist-fraviges-ved-frit-valg").fact.clone())
    }

    /// What the page says about the guarantee. `received`: the request's arrival (receipt); `None`
    /// before submitting, when the date is given as if sent now.
    fn guarantee_info(k: Kommune, received: Option<(DateTime<Utc>, Option<NaiveDate>)>, now: DateTime<Utc>) -> GuaranteeInfo {
        let short = k.short_name();
        let law = ["sul141-frist-14-dage", "sel101-frist-14-dage"].iter().map(|id| content().rule("faelles", id).fact.clone()).collect();
        let other_site = Some(other_site_rule(k));
        let Some(g) = content().kommune_rights(k).guarantee.as_ref() else {
            return GuaranteeInfo { explained: None, date_sentence: None, not_yet: Some(t::guarantee_not_given(k.name())), law, other_site };
        };
        let (explained, not_yet) = match g.clock_starts {
            ClockStart::Contact => (t::guarantee_counts_from_contact(short, g.days), None),
            ClockStart::Attendance => (t::guarantee_counts_from_attendance(short, g.days), Some(t::REQ_GUARANTEE_NOT_YET_ATTENDANCE.to_string())),
            ClockStart::Application => (t::guarantee_counts_from_application(short, g.days), Some(t::REQ_GUARANTEE_NOT_YET_APPLICATION.to_string())),
        };
        let date_sentence = match received {
            Some((_, stored)) => stored.map(|until| t::guarantee_result(&long_date(until))),
            None => guarantee_until(now, g.days, g.clock_starts).map(|(_, until)| t::req_guarantee_if_sent_today(&long_date(until))),
        };
        GuaranteeInfo { explained: Some(cited(explained, &g.source)), date_sentence, not_yet, law, other_site }
    }

    /// The page for `kommune` at `step`, or `None` for an unknown municipality.
    pub fn request_page(store: &CaseStore, kommune: &str, step: RequestStep) -> Option<RequestPage> {
        request_page_at(store, kommune, step, None, crate::clock::now())
    }

    fn request_page_at(
        store: &CaseStore,
        kommune: &str,
        step: RequestStep,
        received: Option<(DateTime<Utc>, Option<NaiveDate>)>,
        now: DateTime<Utc>,
    ) -> Option<RequestPage> {
        let k = crate::content::find_kommune(kommune)?;
        let page = content().kommune(k);
        let site_phone = page.phone.as_ref().map(|f| f.text.clone());
        let guarantee = guarantee_info(k, received, now);
        let scope_notice = content()
            .kommune_rights(k)
            .scope
            .as_ref()
            .filter(|s| s.drugs && !s.alcohol)
            .map(|s| cited(t::scope_notice(k.name(), k.short_name()), &s.source));
        let who_may_request: Vec<CitedText> = content().who_may_request(k).into_iter().map(|r| r.fact.clone()).collect();
        let duty_to_notify = content().duty_to_notify(k).fact.clone();
        let cited_ids: Vec<&str> = guarantee
            .explained
            .iter()
            .chain(&guarantee.law)
            .chain(&guarantee.other_site)
            .chain(&scope_notice)
            .chain(&who_may_request)
            .chain(std::iter::once(&duty_to_notify))
            .map(|c| c.source.doc_id.as_str())
            .collect();
        let sources = content().documents().iter().filter(|d| cited_ids.contains(&d.id.as_str())).cloned().collect();
        Some(RequestPage {
            kommune: k.slug().to_string(),
            kommune_name: k.name().to_string(),
            site_name: page.site_name.clone(),
            site_phone: site_phone.clone(),
            site_email: page.email.as_ref().map(|f| f.text.clone()),
            guarantee,
            scope_notice,
            who_may_request,
            duty_to_notify,
            consent: t::req_consent_text(k.name(), &page.site_name, store.retention_days()),
            next_steps: t::req_next_steps(&page.site_name).to_vec(),
            contact_site: match &site_phone {
                Some(phone) => t::req_contact_site_phone(&page.site_name, phone),
                None => t::req_contact_site(&page.site_name),
            },
            sources,
            step,
        })
    }

    /// A fresh form with a new nonce.
    pub fn blank_request_page(store: &CaseStore, kommune: &str) -> Option<RequestPage> {
        let step = RequestStep::Form { skema: FormNonce::generate(), values: FormValues::default(), errors: Vec::new(), form_error: None };
        request_page(store, kommune, step)
    }

    fn typed(form: &HashMap<String, String>) -> FormValues {
        // What comes back into the page is capped, so a huge field cannot inflate the response.
        let get = |f: &str| form.get(f).map(|v| v.chars().take(300).collect::<String>()).unwrap_or_default();
        FormValues {
            name: get(Field::Name.id()),
            phone: get(Field::Phone.id()),
            email: get(Field::Email.id()),
            substance: Substance::from_form(&get(Field::Substance.id())).map(|s| s.form_value().to_string()).unwrap_or_default(),
            morning: get(ContactTime::Morning.field()) == CHECKED,
            afternoon: get(ContactTime::Afternoon.field()) == CHECKED,
            consent: get(Field::Consent.id()) == CHECKED,
        }
    }

    /// A POST to `/{kommune}/henvendelse`: files the request, or shows the form again with a
    /// Danish message at each refused field. `None` for an unknown municipality.
    pub async fn submit_request(store: &CaseStore, kommune: &str, form: &HashMap<String, String>) -> Option<RequestPage> {
        submit_request_at(store, kommune, form, crate::clock::now()).await
    }

    /// [`submit_request`] at a given instant (tests).
    pub async fn submit_request_at(store: &CaseStore, kommune: &str, form: &HashMap<String, String>, now: DateTime<Utc>) -> Option<RequestPage> {
        let k = crate::content::find_kommune(kommune)?;
        let skema = form.get(NONCE_FIELD).map(|s| s.trim().to_string()).unwrap_or_default();
        let Some(nonce_hash) = FormNonce::hash(&skema) else {
            // No or a malformed nonce: not our form, or a very old page. Show it again, as typed,
            // with a fresh nonce; nothing is stored.
            let step = RequestStep::Form { skema: FormNonce::generate(), values: typed(form), errors: Vec::new(), form_error: Some(t::REQ_ERR_FORM.to_string()) };
            return request_page_at(store, kommune, step, None, now);
        };
        let valid = match validate(form) {
            Ok(v) => v,
            Err(errors) => {
                let errors = errors.into_iter().map(|(f, e)| FieldMessage { field: f.id().to_string(), message: t::field_error(e).to_string() }).collect();
                let step = RequestStep::Form { skema, values: typed(form), errors, form_error: None };
                return request_page_at(store, kommune, step, None, now);
            }
        };
        let clock = content().kommune_rights(k).guarantee.as_ref().and_then(|g| guarantee_until(now, g.days, g.clock_starts));
        let times = ContactTime::to_stored(&valid.times);
        let new = NewRequest {
            kommune: k.slug(),
            substance: valid.substance.slug(),
            name: &valid.name,
            phone: valid.phone.as_deref(),
            email: valid.email.as_deref(),
            preferred_times: times.as_deref(),
            received_at: now,
            clock,
            form_nonce_sha256: nonce_hash,
        };
        match store.file(&CaseKey(CaseScope::Municipality(new.kommune.to_string())), &new).await {
            Ok(filed) => {
                // A form posted again to another municipality's address still gets its own receipt.
                let step = RequestStep::Receipt {
                    reference: filed.reference.clone(),
                    received: long_date(today_in_copenhagen(filed.received_at)),
                    again: !filed.first,
                };
                request_page_at(store, &filed.kommune, step, Some((filed.received_at, filed.guarantee_until)), now)
            }
            Err(e) => {
                tracing::error!(store = "case", "filing a treatment request failed: {e}");
                let step = RequestStep::Form { skema, values: typed(form), errors: Vec::new(), form_error: Some(t::SERVER_ERROR.to_string()) };
                request_page_at(store, kommune, step, None, now)
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // The case worker's functions. Each takes the signed-in member's `StaffAccess`, lets only the
    // case-worker role in (before touching the store) and names `access.username` in the history.
    // ---------------------------------------------------------------------------------------

    fn substance_label(slug: &str) -> &'static str {
        match Substance::from_slug(slug) {
            Some(Substance::Alcohol) => t::CASE_SUBSTANCE_ALCOHOL,
            Some(Substance::Other) => t::CASE_SUBSTANCE_OTHER,
            Some(Substance::Both) | None => t::CASE_SUBSTANCE_BOTH,
        }
    }

    fn times_label(stored: Option<&str>) -> String {
        ContactTime::from_stored(stored)
            .into_iter()
            .map(|c| match c {
                ContactTime::Morning => t::CASE_TIME_MORNING,
                ContactTime::Afternoon => t::CASE_TIME_AFTERNOON,
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn clock_starts(kommune: &str) -> Option<ClockStart> {
        crate::content::find_kommune(kommune).and_then(|k| content().kommune_rights(k).guarantee.as_ref().map(|g| g.clock_starts))
    }

    fn line(r: &StoredRequest, today: NaiveDate) -> CaseLine {
        let c = Clock::of(r.status, r.guarantee_until, today);
        let clock_text = match c {
            Clock::Running { until, days_left } => t::case_days_left(days_left, &long_date(until)),
            Clock::NotStarted => match clock_starts(&r.kommune) {
                Some(ClockStart::Attendance) => t::CASE_CLOCK_NOT_STARTED_ATTENDANCE.to_string(),
                Some(ClockStart::Application) => t::CASE_CLOCK_NOT_STARTED_APPLICATION.to_string(),
                _ => t::CASE_CLOCK_NOT_GIVEN.to_string(),
            },
            Clock::Met => t::CASE_CLOCK_MET.to_string(),
            Clock::Lifted => t::CASE_CLOCK_LIFTED.to_string(),
            Clock::Ended => t::CASE_CLOCK_ENDED.to_string(),
        };
        let contact = [r.phone.as_deref().map(display_phone), r.email.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        CaseLine {
            id: r.id,
            reference: r.reference.clone(),
            kommune: r.kommune.clone(),
            kommune_name: crate::content::find_kommune(&r.kommune).map(|k| k.name().to_string()).unwrap_or_else(|| r.kommune.clone()),
            received: long_date(today_in_copenhagen(r.received_at)),
            substance: substance_label(&r.substance).to_string(),
            name: r.name.clone(),
            contact,
            times: times_label(r.preferred_times.as_deref()),
            status: r.status.slug().to_string(),
            status_label: t::status_label(r.status).to_string(),
            days_left: match c {
                Clock::Running { days_left, .. } => Some(days_left),
                _ => None,
            },
            overdue: c.is_overdue(),
            clock: clock_text,
        }
    }

    /// "23.11.2026 kl. 10.15", in Copenhagen time.
    fn when(at: DateTime<Utc>) -> String {
        format!("{} kl. {}", at.with_timezone(&Copenhagen).format("%d.%m.%Y"), clock(at))
    }

    fn actor(staff_user: &str) -> String {
        match staff_user {
            ACTOR_CITIZEN => t::CASE_ACTOR_CITIZEN.to_string(),
            ACTOR_SYSTEM => t::CASE_ACTOR_SYSTEM.to_string(),
            u => u.to_string(),
        }
    }

    fn event_text(change: &str) -> String {
        if change == "received" {
            return t::CASE_EVENT_RECEIVED.to_string();
        }
        if change == "exported" {
            return t::CASE_EVENT_EXPORTED.to_string();
        }
        if let Some((from, to)) = change.strip_prefix("status:").and_then(|s| s.split_once('>')) {
            let label = |s: &str| Status::from_slug(s).map(t::status_label).unwrap_or("?");
            return t::case_event_status(label(from), label(to));
        }
        if let Some(day) = change.strip_prefix("clock:").and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
            return t::case_event_clock(&long_date(day));
        }
        change.to_string()
    }

    fn event(e: &StoredEvent) -> CaseEvent {
        CaseEvent { at: when(e.at), who: actor(&e.staff_user), what: event_text(&e.change) }
    }

    /// Every request, overdue ones first, then by days left on the guarantee, then those whose
    /// clock has not started, then treatment started, chose another site and closed.
    pub async fn list_requests(store: &CaseStore, access: &StaffAccess, now: DateTime<Utc>) -> Result<Vec<CaseLine>, CaseError> {
        access.require(Area::Cases)?;
        let today = today_in_copenhagen(now);
        let mut rows = store.requests(&key(access)).await?;
        rows.sort_by_key(|r| (Clock::of(r.status, r.guarantee_until, today).sort_key(), r.received_at, r.id));
        Ok(rows.iter().map(|r| line(r, today)).collect())
    }

    /// One request with its history.
    pub async fn request_detail(store: &CaseStore, access: &StaffAccess, id: i64, now: DateTime<Utc>) -> Result<Option<CaseDetail>, CaseError> {
        access.require(Area::Cases)?;
        let Some((r, events)) = store.request(&key(access), id).await? else {
            return Ok(None);
        };
        let today = today_in_copenhagen(now);
        let counts_later = matches!(clock_starts(&r.kommune), Some(ClockStart::Attendance | ClockStart::Application));
        Ok(Some(CaseDetail {
            line: line(&r, today),
            phone: r.phone.as_deref().map(display_phone),
            email: r.email.clone(),
            may_start_clock: counts_later && matches!(r.status, Status::New | Status::Contacted),
            history: events.iter().map(event).collect(),
        }))
    }

    /// The id of the request with the reference the person gives (`H-4K7-Q9M`, typed loosely).
    pub async fn find_by_reference(store: &CaseStore, access: &StaffAccess, reference: &str) -> Result<Option<i64>, CaseError> {
        access.require(Area::Cases)?;
        let Some(reference) = crate::domain::request::Reference::parse(reference) else {
            return Ok(None);
        };
        Ok(store.id_by_reference(&key(access), &reference.display()).await?)
    }

    /// Sets the status, recording who and when. Choosing another site lifts the deadline (the
    /// list then says so with the rule); closing starts the retention period.
    pub async fn change_status(store: &CaseStore, access: &StaffAccess, id: i64, to: Status, now: DateTime<Utc>) -> Result<(), CaseError> {
        access.require(Area::Cases)?;
        match store.set_status(&key(access), id, to, &access.username, now).await? {
            StatusChange::Changed { .. } => Ok(()),
            StatusChange::Unchanged => Err(CaseError::Refused(t::CASE_ERR_SAME_STATUS)),
            StatusChange::NoSuchRequest => Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST)),
        }
    }

    /// Records the day the guarantee's clock started where the municipality counts from the
    /// person's attendance (Odsherred) or application (Thisted), and so its last day.
    pub async fn start_guarantee_clock(store: &CaseStore, access: &StaffAccess, id: i64, from: NaiveDate, now: DateTime<Utc>) -> Result<NaiveDate, CaseError> {
        access.require(Area::Cases)?;
        let Some((r, _)) = store.request(&key(access), id).await? else {
            return Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST));
        };
        let k = crate::content::find_kommune(&r.kommune).ok_or(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST))?;
        let Some(g) = content().kommune_rights(k).guarantee.as_ref() else {
            return Err(CaseError::Refused(t::CASE_CLOCK_NOT_GIVEN));
        };
        if g.clock_starts == ClockStart::Contact {
            return Err(CaseError::Refused(t::CASE_ERR_CLOCK_FROM_CONTACT));
        }
        if from < today_in_copenhagen(r.received_at) {
            return Err(CaseError::Refused(t::CASE_ERR_CLOCK_BEFORE_RECEIVED));
        }
        if from > today_in_copenhagen(now) {
            return Err(CaseError::Refused(t::ERR_DATE_FUTURE));
        }
        let until = last_day(from, g.days);
        if !store.set_clock(&key(access), id, from, until, &access.username, now).await? {
            return Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST));
        }
        Ok(until)
    }

    /// The person's right of access (aktindsigt / indsigtsret): one request and its whole
    /// history as a UTF-8 text file in Danish, as (file name, body). The export itself is
    /// recorded in the history first, so the file shows it too.
    pub async fn export_request(store: &CaseStore, access: &StaffAccess, id: i64, now: DateTime<Utc>) -> Result<(String, String), CaseError> {
        access.require(Area::Cases)?;
        if !store.add_event(&key(access), id, &access.username, "exported", now).await? {
            return Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST));
        }
        let Some((r, events)) = store.request(&key(access), id).await? else {
            return Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST));
        };
        let none = || t::CASE_EXPORT_NOT_GIVEN.to_string();
        let kommune = crate::content::find_kommune(&r.kommune).map(|k| k.name().to_string()).unwrap_or_else(|| r.kommune.clone());
        let times = times_label(r.preferred_times.as_deref());
        let fields: [(&str, String); 12] = [
            (t::CASE_EXPORT_REFERENCE, r.reference.clone()),
            (t::CASE_EXPORT_KOMMUNE, kommune.clone()),
            (t::CASE_EXPORT_RECEIVED, when(r.received_at)),
            (t::CASE_EXPORT_SUBSTANCE, substance_label(&r.substance).to_string()),
            (t::CASE_EXPORT_NAME, r.name.clone()),
            (t::CASE_EXPORT_PHONE, r.phone.as_deref().map(display_phone).unwrap_or_else(none)),
            (t::CASE_EXPORT_EMAIL, r.email.clone().unwrap_or_else(none)),
            (t::CASE_EXPORT_TIMES, if times.is_empty() { none() } else { times }),
            (t::CASE_EXPORT_STATUS, t::status_label(r.status).to_string()),
            (t::CASE_EXPORT_CLOCK_FROM, r.clock_started_on.map(long_date).unwrap_or_else(none)),
            (t::CASE_EXPORT_UNTIL, r.guarantee_until.map(long_date).unwrap_or_else(none)),
            (t::CASE_EXPORT_MADE, format!("{} ({})", when(now), access.username)),
        ];
        let mut body = format!("{}\n\n{}\n\n", t::CASE_EXPORT_TITLE, t::case_export_intro(&kommune));
        for (label, value) in fields {
            body.push_str(&format!("{label}: {value}\n"));
        }
        body.push_str(&format!("\n{}:\n", t::CASE_EXPORT_HISTORY));
        for e in events.iter().map(event) {
            body.push_str(&format!("- {} – {} – {}\n", e.at, e.who, e.what));
        }
        Ok((format!("{}-{}.txt", t::CASE_EXPORT_FILE_PREFIX, r.reference), body))
    }

    /// Deletes one request and its history at the person's request. The case store keeps only
    /// that a deletion happened, when and by whom; the server log keeps nothing about it.
    pub async fn delete_request(store: &CaseStore, access: &StaffAccess, id: i64, now: DateTime<Utc>) -> Result<(), CaseError> {
        access.require(Area::Cases)?;
        if store.delete(&key(access), id, &access.username, now).await? {
            Ok(())
        } else {
            Err(CaseError::Refused(t::CASE_ERR_NO_SUCH_REQUEST))
        }
    }

    // ---------------------------------------------------------------------------------------
    // The case worker's page, /personale/sager (the form POST comes through server::case_forms,
    // which has checked the session and its CSRF token).
    // ---------------------------------------------------------------------------------------

    /// What a POST to `/personale/sager` answers: the page, or the export file.
    #[derive(Clone, Debug, PartialEq)]
    pub enum CasesPost {
        Page(CasesPage),
        File { name: String, body: String },
    }

    fn refusal(e: CaseError) -> String {
        match e {
            CaseError::Refused(m) => m.to_string(),
            CaseError::Forbidden(_) => t::STAFF_FORBIDDEN.to_string(),
            CaseError::Store(e) => {
                tracing::error!(store = "case", "the case store failed: {e}");
                t::SERVER_ERROR.to_string()
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn build_page(
        store: &CaseStore,
        access: &StaffAccess,
        open: Option<i64>,
        confirm_delete: bool,
        message: Option<String>,
        mut errors: Vec<String>,
        reference_typed: String,
        now: DateTime<Utc>,
    ) -> CasesPage {
        let lines = list_requests(store, access, now).await.unwrap_or_else(|e| {
            errors.push(refusal(e));
            Vec::new()
        });
        let open = match open {
            Some(id) => match request_detail(store, access, id, now).await {
                Ok(Some(d)) => Some(d),
                Ok(None) => {
                    errors.push(t::CASE_ERR_NO_SUCH_REQUEST.to_string());
                    None
                }
                Err(e) => {
                    errors.push(refusal(e));
                    None
                }
            },
            None => None,
        };
        let guarantee_days = open
            .as_ref()
            .and_then(|d| crate::content::find_kommune(&d.line.kommune))
            .and_then(|k| content().kommune_rights(k).guarantee.as_ref().map(|g| g.days))
            .unwrap_or(14);
        CasesPage {
            access: access.clone(),
            lines,
            confirm_delete: confirm_delete && open.is_some(),
            open,
            statuses: Status::ALL.into_iter().map(|s| StatusChoice { value: s.slug().to_string(), text: t::status_label(s).to_string() }).collect(),
            guarantee_days,
            retention_days: store.retention_days(),
            reference_typed,
            date_typed: String::new(),
            date_error: None,
            message,
            errors,
        }
    }

    /// The share of requests whose guarantee was kept, among those whose last day fell in the
    /// quarter (`kvartal`, `2026-K4`; the current one when missing or malformed, with a notice).
    /// Requests whose clock never started have no last day and are not counted; deleted ones
    /// (at the end of retention) are gone from the figure too, which the page says.
    pub async fn guarantee_report(store: &CaseStore, access: &StaffAccess, kvartal: Option<&str>, now: DateTime<Utc>) -> Result<GuaranteePage, CaseError> {
        use crate::domain::period::Quarter;
        use crate::domain::request::GuaranteeOutcome;
        access.require(Area::Cases)?;
        let today = today_in_copenhagen(now);
        let asked = kvartal.filter(|k| !k.trim().is_empty());
        let parsed = asked.and_then(Quarter::parse);
        let quarter = parsed.unwrap_or_else(|| Quarter::of_day(today));
        let (first, last) = quarter.days();
        let key = key(access);
        let started: HashMap<i64, NaiveDate> =
            store.treatment_started_at(&key).await?.into_iter().map(|(id, at)| (id, at.with_timezone(&Copenhagen).date_naive())).collect();
        let mut counts: HashMap<GuaranteeOutcome, u64> = HashMap::new();
        for r in store.requests(&key).await? {
            let Some(until) = r.guarantee_until.filter(|u| (first..=last).contains(u)) else { continue };
            *counts.entry(GuaranteeOutcome::of(r.status, until, started.get(&r.id).copied(), today)).or_default() += 1;
        }
        let n = |o: GuaranteeOutcome| counts.get(&o).copied().unwrap_or(0);
        let decided = n(GuaranteeOutcome::Kept) + n(GuaranteeOutcome::Missed);
        let share = match decided {
            0 => t::GUARANTEE_NO_SHARE.to_string(),
            d => t::guarantee_share(n(GuaranteeOutcome::Kept), d),
        };
        let k = Kommune::from_slug(&access.kommune);
        let rule = k.and_then(|k| content().kommune_rights(k).guarantee.as_ref().map(|g| cited(t::guarantee_rule(g.days), &g.source)));
        Ok(GuaranteePage {
            access: access.clone(),
            quarter: quarter.to_string(),
            previous: quarter.previous().to_string(),
            next: quarter.next().to_string(),
            notice: (asked.is_some() && parsed.is_none()).then(|| t::REPORT_BAD_QUARTER.to_string()),
            counts: GuaranteeOutcome::ALL.into_iter().map(|o| (t::guarantee_outcome(o).to_string(), n(o))).collect(),
            share,
            rule,
            retention_days: store.retention_days(),
        })
    }

    /// The page: every request, and `open` with its history.
    pub async fn cases_page(store: &CaseStore, access: &StaffAccess, open: Option<i64>, now: DateTime<Utc>) -> Result<CasesPage, Forbidden> {
        access.require(Area::Cases)?;
        Ok(build_page(store, access, open, false, None, Vec::new(), String::new(), now).await)
    }

    /// A POST to `/personale/sager`: find a request by reference, change its status, start its
    /// guarantee clock, export it, or (after asking) delete it ([`CaseStep`]).
    pub async fn cases_post(store: &CaseStore, access: &StaffAccess, fields: &Fields, now: DateTime<Utc>) -> Result<CasesPost, Forbidden> {
        access.require(Area::Cases)?;
        let page = |open: Option<i64>, confirm: bool, message: Option<String>, errors: Vec<String>, typed: String| async move {
            CasesPost::Page(build_page(store, access, open, confirm, message, errors, typed, now).await)
        };
        Ok(match CaseStep::read(fields) {
            CaseStep::Find(typed) => match find_by_reference(store, access, &typed).await {
                Ok(Some(found)) => page(Some(found), false, None, Vec::new(), String::new()).await,
                Ok(None) => page(None, false, None, vec![t::CASES_NOT_FOUND.to_string()], typed).await,
                Err(e) => page(None, false, None, vec![refusal(e)], typed).await,
            },
            CaseStep::Status { case: id, to: None } => page(Some(id), false, None, vec![t::CASES_ERR_NO_STATUS.to_string()], String::new()).await,
            CaseStep::Status { case: id, to: Some(to) } => match change_status(store, access, id, to, now).await {
                Ok(()) => page(Some(id), false, Some(t::cases_status_changed(t::status_label(to))), Vec::new(), String::new()).await,
                Err(e) => page(Some(id), false, None, vec![refusal(e)], String::new()).await,
            },
            CaseStep::Deadline { case: id, typed } => match parse_date(&typed, today_in_copenhagen(now)) {
                Err(e) => {
                    let why = date_error(e).to_string();
                    let mut p = build_page(store, access, Some(id), false, None, vec![why.clone()], String::new(), now).await;
                    p.date_typed = typed.chars().take(20).collect();
                    p.date_error = Some(why);
                    CasesPost::Page(p)
                }
                Ok(from) => match start_guarantee_clock(store, access, id, from, now).await {
                    Ok(until) => {
                        let message = t::cases_clock_started(&long_date(from), &long_date(until));
                        page(Some(id), false, Some(message), Vec::new(), String::new()).await
                    }
                    Err(e) => page(Some(id), false, None, vec![refusal(e)], String::new()).await,
                },
            },
            CaseStep::Export(id) => match export_request(store, access, id, now).await {
                Ok((name, body)) => CasesPost::File { name, body },
                Err(e) => page(Some(id), false, None, vec![refusal(e)], String::new()).await,
            },
            CaseStep::AskDelete(id) => page(Some(id), true, None, Vec::new(), String::new()).await,
            CaseStep::Delete(id) => match delete_request(store, access, id, now).await {
                Ok(()) => page(None, false, Some(t::CASES_DELETED.to_string()), Vec::new(), String::new()).await,
                Err(e) => page(Some(id), false, None, vec![refusal(e)], String::new()).await,
            },
            CaseStep::Show(open) => page(open, false, None, Vec::new(), String::new()).await,
        })
    }

    fn date_error(e: DateError) -> &'static str {
        match e {
            DateError::Malformed => t::ERR_DATE_MALFORMED,
            DateError::NoSuchDay => t::ERR_DATE_NO_SUCH_DAY,
            DateError::InTheFuture => t::ERR_DATE_FUTURE,
            DateError::TooOld => t::ERR_DATE_TOO_OLD,
        }
    }

    /// The retention purge, run by the server (not a staff function): deletes every request
    /// whose final status (closed, chose another site) is older than the store's retention
    /// period. Returns how many were deleted.
    pub async fn purge_expired(store: &CaseStore, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let cutoff = now - Duration::days(i64::from(store.retention_days()));
        store.purge_ended_before(&CaseKey(CaseScope::Retention), cutoff, now).await
    }
}
