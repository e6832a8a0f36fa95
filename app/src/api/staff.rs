//! The staff side (`/personale`): the anonymous counsellor's calendar, the admin's opening hours
//! and accounts. Every function here checks the signed-in member's role before it reads a store
//! (`StaffAccess::require`); a role sees nothing of another role's area.
//!
//! Pages read through the functions below; form POSTs go through
//! `server/src/staff_forms.rs`, which checks the session cookie and the CSRF token, runs the step
//! in [`logic`] and renders the same page with the result.

use crate::api::staff_form::{field, CalendarView};
use crate::api::{provided, LoadError};
use crate::domain::staff::{Role, StaffAccess, TalkStatus};
use serde::{Deserialize, Serialize};

/// A staff page's data, or why it cannot be shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Gate<T> {
    /// No live session: show the sign-in form.
    SignedOut,
    /// Signed in, but the role does not cover this page.
    Forbidden { access: StaffAccess },
    Open(T),
}

/// `/personale`: the sign-in form, or the start page for the signed-in member's role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartPage {
    pub access: Option<StaffAccess>,
    /// The username typed, kept after a failed sign-in.
    pub username: String,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub text: String,
}

/// `/personale/kalender`: a site's anonymous bookings for a day or a week, by label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarPage {
    pub access: StaffAccess,
    pub sites: Vec<Choice>,
    pub site: Choice,
    pub week: bool,
    /// The first day shown, as YYYY-MM-DD.
    pub day: String,
    pub heading: String,
    pub previous: String,
    pub next: String,
    pub today: String,
    pub days: Vec<CalendarDay>,
    pub kinds: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    pub extra_slots: Vec<ExtraSlotLine>,
    /// What retention left of the site's deleted bookings: talks per month, kind and status.
    pub monthly: Vec<MonthlyLine>,
    /// The "open an extra slot" form as typed, kept after an error.
    pub extra_form: ExtraForm,
    pub message: Option<String>,
    pub errors: Vec<String>,
}

/// The query string of the calendar of `site` from `day`.
pub fn calendar_query(site: &str, day: &str, view: CalendarView) -> String {
    format!("{}={site}&{}={day}&{}={}", field::SITE, field::DAY, field::VIEW, view.value())
}

impl CalendarPage {
    /// The query string that shows this page again (forms post to it and links keep it).
    pub fn query(&self) -> String {
        let view = if self.week { CalendarView::Week } else { CalendarView::Day };
        calendar_query(&self.site.value, &self.day, view)
    }
}

pub use crate::domain::opening_form::ExtraForm;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: String,
    pub heading: String,
    pub entries: Vec<CalendarLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarLine {
    pub booking_id: i64,
    pub time: String,
    pub kind: String,
    pub label: String,
    pub status: TalkStatus,
    pub status_text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyLine {
    pub month: String,
    pub kind: String,
    pub status: String,
    pub talks: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSlotLine {
    pub id: i64,
    pub when: String,
    pub kind: String,
    pub seats: u32,
}

/// `/personale/aabningstider`: a site's weekly rules, closed dates, notice and horizon for one
/// kind of talk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningPage {
    pub access: StaffAccess,
    pub sites: Vec<Choice>,
    pub site: Choice,
    pub kinds: Vec<Choice>,
    pub kind: Choice,
    pub weekdays: Vec<Choice>,
    pub form: crate::domain::opening_form::OpeningForm,
    pub example: bool,
    pub message: Option<String>,
    pub errors: Vec<String>,
}

/// `/personale/konti`: staff accounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub access: StaffAccess,
    /// The municipality whose accounts these are (the admin's own).
    pub kommune_name: String,
    pub accounts: Vec<AccountLine>,
    pub roles: Vec<Choice>,
    /// The municipality's sites, for a new counsellor's (`sted-{id}` checkboxes).
    pub sites: Vec<Choice>,
    /// The new-account form as typed (never the password).
    pub new_username: String,
    pub new_role: String,
    pub new_sites: Vec<String>,
    pub message: Option<String>,
    pub errors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLine {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    pub is_me: bool,
    /// A counsellor's sites, by name.
    pub sites: String,
}

pub async fn staff_start() -> Result<StartPage, LoadError> {
    let access = session::current_access().await?;
    Ok(StartPage { access, username: String::new(), error: None })
}

pub async fn calendar(sted: Option<String>, dag: Option<String>, visning: Option<String>) -> Result<Gate<CalendarPage>, LoadError> {
    let Some(access) = session::current_access().await? else { return Ok(Gate::SignedOut) };
    let anon = provided::<crate::store::AnonStore>()?;
    let query = logic::CalendarQuery::new(sted.as_deref(), dag.as_deref(), visning.as_deref());
    Ok(logic::gate(&access, logic::calendar(&anon, &access, &query, None, Vec::new(), None).await))
}

pub async fn opening_hours(sted: Option<String>, samtale: Option<String>) -> Result<Gate<OpeningPage>, LoadError> {
    let Some(access) = session::current_access().await? else { return Ok(Gate::SignedOut) };
    let anon = provided::<crate::store::AnonStore>()?;
    Ok(logic::gate(&access, logic::opening(&anon, &access, sted.as_deref(), samtale.as_deref()).await))
}

pub async fn accounts() -> Result<Gate<AccountsPage>, LoadError> {
    let Some(access) = session::current_access().await? else { return Ok(Gate::SignedOut) };
    let staff = provided::<crate::store::StaffStore>()?;
    Ok(logic::gate(&access, logic::accounts(&staff, &access, None, Vec::new(), logic::NewAccountTyped::default()).await))
}

/// The session cookie and who it belongs to (server only).
#[cfg(feature = "ssr")]
pub mod session {
    use crate::api::LoadError;
    use crate::domain::staff::StaffAccess;
    use crate::store::StaffStore;
    use leptos::prelude::*;

    /// The cookie's name. Behind TLS the `__Host-` prefix makes the browser refuse it unless it
    /// is Secure, has no Domain and has Path=/.
    pub fn cookie_name(secure: bool) -> &'static str {
        if secure {
            "__Host-rmp_personale"
        } else {
            "rmp_personale"
        }
    }

    /// `Set-Cookie` for a new session: HttpOnly (no script reads it), SameSite=Strict (no other
    /// site's page sends it), Secure behind TLS, and gone when the session's 8 hours are.
    pub fn set_cookie(value: &str, secure: bool) -> String {
        let max_age = crate::store::SESSION_MAX.num_seconds();
        format!(
            "{}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
            cookie_name(secure),
            if secure { "; Secure" } else { "" }
        )
    }

    pub fn clear_cookie(secure: bool) -> String {
        format!("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", cookie_name(secure), if secure { "; Secure" } else { "" })
    }

    /// The session id from a `Cookie` header, under either name.
    pub fn cookie_value(headers: &http::HeaderMap) -> Option<String> {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == cookie_name(true) || *name == cookie_name(false))
            .map(|(_, value)| value.to_string())
    }

    /// The signed-in member of the request being served, if its session is live.
    pub async fn current_access() -> Result<Option<StaffAccess>, LoadError> {
        let Some(parts) = use_context::<http::request::Parts>() else { return Ok(None) };
        let Some(value) = cookie_value(&parts.headers) else { return Ok(None) };
        let store = crate::api::provided::<StaffStore>()?;
        store.access(&value, crate::clock::now()).await.map_err(|e| {
            tracing::error!(store = "staff", "reading a staff session failed: {e}");
            LoadError::Store("staff store")
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_cookie_is_http_only_and_strict_and_secure_behind_tls() {
            let plain = set_cookie("abc", false);
            assert!(plain.starts_with("rmp_personale=abc;") && plain.contains("HttpOnly") && plain.contains("SameSite=Strict"));
            assert!(!plain.contains("Secure"));
            let tls = set_cookie("abc", true);
            assert!(tls.starts_with("__Host-rmp_personale=abc;") && tls.ends_with("; Secure") && tls.contains("Path=/"));
            let mut h = http::HeaderMap::new();
            h.insert(http::header::COOKIE, "a=1; rmp_personale=xyz; b=2".parse().unwrap());
            assert_eq!(cookie_value(&h).as_deref(), Some("xyz"));
        }
    }
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::content::{content, BookingSite};
    use crate::text::dates;
    use crate::api::form::Fields;
    use crate::api::staff_form::{AccountStep, CalendarForm, CalendarPlace, CalendarStep, OpeningPost};
    use crate::domain::opening_form::{OpeningForm, WEEKDAYS};
    use crate::domain::staff::{check_new_password, normalise_username, Area, Forbidden, TalkOutcome};
    use crate::store::{AccountError, AnonStore, BookError, RemoveSlot, StaffScope, StaffStore};
    use crate::text::t;
    use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
    use chrono_tz::Europe::Copenhagen;

    pub fn gate<T>(access: &StaffAccess, result: Result<T, Forbidden>) -> Gate<T> {
        match result {
            Ok(page) => Gate::Open(page),
            Err(_) => Gate::Forbidden { access: access.clone() },
        }
    }

    /// Every treatment site with anonymous talks, once each.
    pub fn sites() -> Vec<&'static BookingSite> {
        let mut out: Vec<&BookingSite> = Vec::new();
        for &k in crate::content::kommuner() {
            if let Some(s) = content().booking_site(k) {
                if !out.iter().any(|o| o.id == s.id) {
                    out.push(s);
                }
            }
        }
        out
    }

    fn site_choice(s: &BookingSite) -> Choice {
        Choice { value: s.id.clone(), text: s.name.clone() }
    }

    /// The sites a counsellor works: those given to the account, and only those.
    pub fn counsellor_sites(access: &StaffAccess) -> Vec<&'static BookingSite> {
        sites().into_iter().filter(|s| access.sites.contains(&s.id)).collect()
    }

    /// The sites an admin manages: those that serve the admin's municipality (a site shared by
    /// two municipalities, like Pitstop, is managed by both).
    pub fn kommune_sites(kommune: &str) -> Vec<&'static BookingSite> {
        sites().into_iter().filter(|s| s.kommuner.iter().any(|k| k == kommune)).collect()
    }

    /// The site asked for among `allowed`, or the first of them: a site outside them is treated
    /// as one that does not exist. `Forbidden` when there is none (nothing to work on).
    fn find_site(access: &StaffAccess, area: Area, allowed: &[&'static BookingSite], id: Option<&str>) -> Result<&'static BookingSite, Forbidden> {
        let first = allowed.first().copied().ok_or(Forbidden { role: access.role, area })?;
        Ok(id.and_then(|id| allowed.iter().copied().find(|s| s.id == id)).unwrap_or(first))
    }

    /// What the calendar is asked to show.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct CalendarQuery {
        pub site: Option<String>,
        pub day: Option<NaiveDate>,
        pub week: bool,
    }

    impl CalendarQuery {
        pub fn new(sted: Option<&str>, dag: Option<&str>, visning: Option<&str>) -> CalendarQuery {
            CalendarQuery {
                site: sted.map(str::to_string),
                day: dag.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                week: CalendarView::read(visning) == CalendarView::Week,
            }
        }

        pub fn from_place(place: &CalendarPlace) -> CalendarQuery {
            CalendarQuery::new(place.site.as_deref(), place.day.as_deref(), Some(place.view.value()))
        }
    }

    /// The outcome as the monthly counts store it.
    fn outcome_db(o: TalkOutcome) -> &'static str {
        match o {
            TalkOutcome::AdviceGiven => "advice_given",
            TalkOutcome::ReferredAnonymous101a => "referred_anonymous_101a",
            TalkOutcome::ReferredOtherTreatment => "referred_other_treatment",
            TalkOutcome::NoFurtherNeed => "no_further_need",
        }
    }

    fn status_text(status: TalkStatus, outcome: Option<TalkOutcome>) -> String {
        match (status, outcome) {
            (TalkStatus::Booked, _) => t::STAFF_STATUS_BOOKED.to_string(),
            (TalkStatus::Held, Some(o)) => format!("{} ({})", t::STAFF_STATUS_HELD, t::outcome_name(o).to_lowercase()),
            (TalkStatus::Held, None) => t::STAFF_STATUS_HELD.to_string(),
            (TalkStatus::NoShow, _) => t::STAFF_STATUS_NO_SHOW.to_string(),
            (TalkStatus::Cancelled, _) => t::STAFF_STATUS_CANCELLED.to_string(),
        }
    }

    /// The calendar of a site for a day or a week (Monday to Sunday), by label.
    pub async fn calendar(
        anon: &AnonStore,
        access: &StaffAccess,
        q: &CalendarQuery,
        message: Option<String>,
        errors: Vec<String>,
        extra_form: Option<ExtraForm>,
    ) -> Result<CalendarPage, Forbidden> {
        access.require(Area::AnonymousCalendar)?;
        let own = counsellor_sites(access);
        let site = find_site(access, Area::AnonymousCalendar, &own, q.site.as_deref())?;
        let today = crate::clock::today();
        let day = q.day.unwrap_or(today);
        let first = if q.week { day - Duration::days(i64::from(day.weekday().num_days_from_monday())) } else { day };
        let span = if q.week { 7 } else { 1 };
        let instant = |d: NaiveDate| Copenhagen.from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight")).earliest().map(|t| t.with_timezone(&Utc));
        let (from, to) = (instant(first), instant(first + Duration::days(span)));
        let entries = match (from, to) {
            (Some(from), Some(to)) => anon.calendar(&site.id, from, to).await.unwrap_or_else(|e| {
                tracing::error!(store = "anon", "reading the calendar failed: {e}");
                Vec::new()
            }),
            _ => Vec::new(),
        };
        let kind_name = |id: &str| site.talks.iter().find(|k| k.id == id).map(|k| k.name.clone()).unwrap_or_else(|| id.to_string());
        let days = (0..span)
            .map(|i| {
                let d = first + Duration::days(i);
                CalendarDay {
                    date: d.format("%Y-%m-%d").to_string(),
                    heading: dates::long_date(d),
                    entries: entries
                        .iter()
                        .filter(|e| e.starts_at.with_timezone(&Copenhagen).date_naive() == d)
                        .map(|e| CalendarLine {
                            booking_id: e.booking_id,
                            time: dates::clock(e.starts_at),
                            kind: kind_name(&e.talk_kind),
                            label: e.label.clone(),
                            status: e.status,
                            status_text: status_text(e.status, e.outcome),
                        })
                        .collect(),
                }
            })
            .collect();
        let mut extra_slots = Vec::new();
        for kind in &site.talks {
            for x in anon.extra_slots(&site.id, &kind.id).await.unwrap_or_default() {
                let end = x.slot.starts_at + Duration::minutes(i64::from(x.slot.talk_minutes));
                extra_slots.push(ExtraSlotLine { id: x.id, when: dates::when(x.slot.starts_at, end), kind: kind.name.clone(), seats: x.slot.capacity });
            }
        }
        let monthly = anon
            .monthly_counts()
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.site == site.id)
            .map(|c| {
                let status = match (c.status.as_str(), TalkOutcome::ALL.into_iter().find(|o| outcome_db(*o) == c.outcome)) {
                    ("held", o) => status_text(TalkStatus::Held, o),
                    ("no_show", _) => status_text(TalkStatus::NoShow, None),
                    ("cancelled", _) => status_text(TalkStatus::Cancelled, None),
                    _ => status_text(TalkStatus::Booked, None),
                };
                MonthlyLine { month: c.month, kind: kind_name(&c.talk_kind), status, talks: c.talks }
            })
            .collect();
        let step = Duration::days(span);
        let heading = if q.week {
            format!("{} {} – {}", t::STAFF_WEEK_OF, dates::long_date(first), dates::long_date(first + Duration::days(6)))
        } else {
            dates::long_date(first)
        };
        Ok(CalendarPage {
            access: access.clone(),
            sites: own.into_iter().map(site_choice).collect(),
            site: site_choice(site),
            week: q.week,
            day: first.format("%Y-%m-%d").to_string(),
            heading,
            previous: (first - step).format("%Y-%m-%d").to_string(),
            next: (first + step).format("%Y-%m-%d").to_string(),
            today: today.format("%Y-%m-%d").to_string(),
            days,
            kinds: site.talks.iter().map(|k| Choice { value: k.id.clone(), text: k.name.clone() }).collect(),
            outcomes: TalkOutcome::ALL.into_iter().map(|o| Choice { value: o.slug().to_string(), text: t::outcome_name(o).to_string() }).collect(),
            extra_slots,
            monthly,
            extra_form: extra_form.unwrap_or_else(|| ExtraForm { minutes: "60".into(), capacity: "1".into(), ..ExtraForm::default() }),
            message,
            errors,
        })
    }

    /// A POST to `/personale/kalender`: mark a talk (held, no-show, cancelled, or back to
    /// booked), open an extra slot or remove one ([`CalendarStep`]).
    pub async fn calendar_post(anon: &AnonStore, access: &StaffAccess, fields: &Fields) -> Result<CalendarPage, Forbidden> {
        access.require(Area::AnonymousCalendar)?;
        let form = CalendarForm::read(fields);
        let q = CalendarQuery::from_place(&form.place);
        let site = find_site(access, Area::AnonymousCalendar, &counsellor_sites(access), q.site.as_deref())?;
        // A POST naming a site that is not the counsellor's changes nothing, and says no more
        // than it would of a site that does not exist.
        let elsewhere = q.site.as_deref().is_some_and(|asked| asked != site.id);
        let q = CalendarQuery { site: Some(site.id.clone()), ..q };
        let no_such = || (None, vec![t::STAFF_ERR_NO_SUCH.to_string()], None);
        let (message, errors, extra_form) = match form.step {
            _ if elsewhere => no_such(),
            CalendarStep::OpenSlot(typed) => {
                let kind = site.talks.iter().find(|k| k.id == typed.kind);
                match (kind, typed.parse(crate::clock::now())) {
                    (None, Err(e)) => {
                        let e = std::iter::once(t::STAFF_ERR_KIND.to_string()).chain(e.into_iter().map(|e| t::extra_slot_error(e).to_string())).collect();
                        (None, e, Some(typed))
                    }
                    (None, Ok(_)) => (None, vec![t::STAFF_ERR_KIND.to_string()], Some(typed)),
                    (Some(_), Err(e)) => (None, e.into_iter().map(|e| t::extra_slot_error(e).to_string()).collect(), Some(typed)),
                    (Some(kind), Ok(slot)) => match anon.add_extra_slot(&site.id, &kind.id, &slot).await {
                        Ok(true) => {
                            let end = slot.starts_at + Duration::minutes(i64::from(slot.talk_minutes));
                            (Some(format!("{} {}.", t::STAFF_SLOT_OPENED, dates::when(slot.starts_at, end))), Vec::new(), None)
                        }
                        Ok(false) => (None, vec![t::STAFF_ERR_SLOT_EXISTS.to_string()], Some(typed)),
                        Err(e) => {
                            tracing::error!(store = "anon", "opening a slot failed: {e}");
                            (None, vec![t::SERVER_ERROR.to_string()], Some(typed))
                        }
                    },
                }
            }
            CalendarStep::RemoveSlot(None) => no_such(),
            CalendarStep::RemoveSlot(Some(id)) => match anon.remove_extra_slot(&site.id, id).await {
                Ok(RemoveSlot::Removed) => (Some(t::STAFF_SLOT_REMOVED.to_string()), Vec::new(), None),
                Ok(RemoveSlot::Booked) => (None, vec![t::STAFF_ERR_SLOT_BOOKED.to_string()], None),
                Ok(RemoveSlot::NotFound) => no_such(),
                Err(e) => {
                    tracing::error!(store = "anon", "removing a slot failed: {e}");
                    (None, vec![t::SERVER_ERROR.to_string()], None)
                }
            },
            CalendarStep::Mark { booking: None, .. } => no_such(),
            CalendarStep::Mark { action: Err(e), .. } => (None, vec![t::talk_action_error(e).to_string()], None),
            CalendarStep::Mark { booking: Some(id), action: Ok(action) } => {
                let (status, outcome) = action.status();
                match anon.set_status(&site.id, id, status, outcome, &crate::content::catalogue().talks_evaluated_in()).await {
                    Ok(true) => (Some(t::staff_marked(action).to_string()), Vec::new(), None),
                    Ok(false) => no_such(),
                    Err(BookError::Full) => (None, vec![t::STAFF_ERR_SEAT_TAKEN.to_string()], None),
                    Err(e) => {
                        tracing::error!(store = "anon", "marking a talk failed: {e}");
                        (None, vec![t::SERVER_ERROR.to_string()], None)
                    }
                }
            }
        };
        calendar(anon, access, &q, message, errors, extra_form).await
    }

    fn weekday_choices() -> Vec<Choice> {
        WEEKDAYS.iter().map(|(d, v)| Choice { value: v.to_string(), text: capitalise(dates::weekday_name(*d)) }).collect()
    }

    fn capitalise(s: &str) -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    }

    /// The opening hours of a site's kind of talk, as the admin's form.
    pub async fn opening(anon: &AnonStore, access: &StaffAccess, sted: Option<&str>, samtale: Option<&str>) -> Result<OpeningPage, Forbidden> {
        access.require(Area::Administration)?;
        let site = find_site(access, Area::Administration, &kommune_sites(&access.kommune), sted)?;
        let kind = samtale.and_then(|s| site.talks.iter().find(|k| k.id == s)).unwrap_or(&site.talks[0]);
        let hours = crate::api::anonymous::logic::hours_for(anon, site, kind).await;
        let mut page = opening_page(access, site, kind, OpeningForm::from_hours(&hours), None, Vec::new());
        // Until an admin saves them, content example hours are marked as such here too.
        page.example = !anon.opening_hours_reviewed(&site.id, &kind.id, !site.example).await.unwrap_or(false);
        Ok(page)
    }

    fn opening_page(
        access: &StaffAccess,
        site: &BookingSite,
        kind: &crate::content::TalkKind,
        form: OpeningForm,
        message: Option<String>,
        errors: Vec<String>,
    ) -> OpeningPage {
        OpeningPage {
            access: access.clone(),
            sites: kommune_sites(&access.kommune).into_iter().map(site_choice).collect(),
            site: site_choice(site),
            kinds: site.talks.iter().map(|k| Choice { value: k.id.clone(), text: k.name.clone() }).collect(),
            kind: Choice { value: kind.id.clone(), text: kind.name.clone() },
            weekdays: weekday_choices(),
            form,
            example: site.example,
            message,
            errors,
        }
    }

    /// A POST to `/personale/aabningstider`: saves the form, or shows it again with its errors.
    pub async fn opening_post(anon: &AnonStore, access: &StaffAccess, fields: &Fields) -> Result<OpeningPage, Forbidden> {
        access.require(Area::Administration)?;
        let OpeningPost { site: asked, kind, form } = OpeningPost::read(fields);
        let asked = asked.as_deref();
        let site = find_site(access, Area::Administration, &kommune_sites(&access.kommune), asked)?;
        if asked.is_some_and(|asked| asked != site.id) {
            let mut page = opening(anon, access, Some(&site.id), None).await?;
            page.errors = vec![t::STAFF_ERR_NO_SUCH.to_string()];
            return Ok(page);
        }
        let Some(kind) = kind.and_then(|s| site.talks.iter().find(|k| k.id == s)) else {
            let mut page = opening(anon, access, Some(&site.id), None).await?;
            page.errors = vec![t::STAFF_ERR_KIND.to_string()];
            return Ok(page);
        };
        match form.parse() {
            Err(errors) => Ok(opening_page(access, site, kind, form, None, errors.iter().map(t::opening_form_error).collect())),
            Ok(hours) => match anon.save_opening_hours(&site.id, &kind.id, &hours).await {
                Ok(()) => {
                    let mut page = opening_page(access, site, kind, OpeningForm::from_hours(&hours), Some(t::STAFF_HOURS_SAVED.to_string()), Vec::new());
                    page.example = false;
                    Ok(page)
                }
                Err(e) => {
                    tracing::error!(store = "anon", "saving opening hours failed: {e}");
                    Ok(opening_page(access, site, kind, form, None, vec![t::SERVER_ERROR.to_string()]))
                }
            },
        }
    }

    /// What the new-account form held when it comes back (never the password).
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    pub struct NewAccountTyped {
        pub username: String,
        pub role: String,
        pub sites: Vec<String>,
    }

    /// Checks a municipality and sites typed on the command line (`server add-staff`,
    /// `assign-staff`) against the content: a known municipality, and sites that serve it. A
    /// counsellor needs at least one site; other roles (`None`: not known here) take none.
    pub fn check_scope(role: Option<Role>, kommune: &str, site_ids: &[String]) -> Result<StaffScope, String> {
        let known = crate::content::kommuner().iter().map(|k| k.slug()).collect::<Vec<_>>().join(", ");
        let k = crate::content::find_kommune(kommune).ok_or_else(|| format!("unknown municipality {kommune:?}: use one of {known}"))?;
        let own: Vec<String> = kommune_sites(k.slug()).into_iter().map(|s| s.id.clone()).collect();
        if let Some(bad) = site_ids.iter().find(|s| !own.contains(s)) {
            return Err(format!("{bad:?} is not a treatment site of {}: use one of {}", k.slug(), own.join(", ")));
        }
        match role {
            Some(Role::AnonymousCounsellor) if site_ids.is_empty() => {
                Err(format!("a counsellor needs at least one site: add one or more of {}", own.join(", ")))
            }
            Some(Role::CaseWorker | Role::Admin) if !site_ids.is_empty() => Err("only a counsellor has sites: leave them out".to_string()),
            _ => Ok(StaffScope { kommune: k.slug().to_string(), sites: site_ids.to_vec() }),
        }
    }

    /// The staff accounts of the admin's municipality.
    pub async fn accounts(
        staff: &StaffStore,
        access: &StaffAccess,
        message: Option<String>,
        errors: Vec<String>,
        typed: NewAccountTyped,
    ) -> Result<AccountsPage, Forbidden> {
        access.require(Area::Administration)?;
        let list = staff.accounts(&access.kommune).await.unwrap_or_else(|e| {
            tracing::error!(store = "staff", "reading accounts failed: {e}");
            Vec::new()
        });
        let site_name = |id: &String| sites().into_iter().find(|s| &s.id == id).map(|s| s.name.clone()).unwrap_or_else(|| id.clone());
        Ok(AccountsPage {
            access: access.clone(),
            kommune_name: crate::content::find_kommune(&access.kommune).map(|k| k.name().to_string()).unwrap_or_else(|| access.kommune.clone()),
            accounts: list
                .into_iter()
                .map(|a| AccountLine {
                    is_me: a.id == access.account_id,
                    id: a.id,
                    username: a.username,
                    role: a.role,
                    disabled: a.disabled,
                    sites: a.sites.iter().map(site_name).collect::<Vec<_>>().join(", "),
                })
                .collect(),
            roles: Role::ALL.into_iter().map(|r| Choice { value: r.slug().to_string(), text: t::role_name(r).to_string() }).collect(),
            sites: kommune_sites(&access.kommune).into_iter().map(site_choice).collect(),
            new_username: typed.username,
            new_role: typed.role,
            new_sites: typed.sites,
            message,
            errors,
        })
    }

    /// A POST to `/personale/konti`: create an account, disable or enable one, or set a new
    /// password ([`AccountStep`]).
    pub async fn accounts_post(staff: &StaffStore, access: &StaffAccess, fields: &Fields) -> Result<AccountsPage, Forbidden> {
        access.require(Area::Administration)?;
        let ok = |m: String| (Some(m), Vec::new(), NewAccountTyped::default());
        let err = |e: &str| (None, vec![e.to_string()], NewAccountTyped::default());
        let step = AccountStep::read(fields);
        let disable = matches!(step, AccountStep::Disable(_));
        let (message, errors, typed) = match step {
            AccountStep::Create(new) => {
                // Only this municipality's sites count.
                let own_sites = kommune_sites(&access.kommune);
                let typed = NewAccountTyped {
                    username: new.username,
                    role: new.role,
                    sites: own_sites.iter().filter(|s| new.sites.contains(&s.id)).map(|s| s.id.clone()).collect(),
                };
                let refused = |e: &str, typed: NewAccountTyped| (None, vec![e.to_string()], typed);
                // Every problem of the form at once, in the order of its fields.
                let role = Role::from_slug(&typed.role);
                let problems: Vec<String> = [
                    normalise_username(&typed.username).err().map(t::account_problem),
                    role.is_none().then_some(t::STAFF_ERR_ROLE),
                    (role == Some(Role::AnonymousCounsellor) && typed.sites.is_empty()).then_some(t::STAFF_ERR_NO_SITE),
                    check_new_password(&new.password).err().map(t::account_problem),
                ]
                .into_iter()
                .flatten()
                .map(str::to_string)
                .collect();
                match role {
                    _ if !problems.is_empty() => (None, problems, typed),
                    None => refused(t::STAFF_ERR_ROLE, typed),
                    Some(role) => {
                        // Only a counsellor works a site's calendar; other roles get none.
                        let sites = if role == Role::AnonymousCounsellor { typed.sites.clone() } else { Vec::new() };
                        let scope = StaffScope { kommune: access.kommune.clone(), sites };
                        match staff.create_account(&typed.username, &new.password, role, &scope).await {
                            Ok(_) => ok(format!("{} {}.", t::STAFF_ACCOUNT_CREATED, normalise_username(&typed.username).unwrap_or_default())),
                            Err(AccountError::Invalid(e)) => refused(t::account_problem(e), typed),
                            Err(AccountError::Taken) => refused(t::STAFF_ERR_TAKEN, typed),
                            Err(AccountError::Store(e)) => {
                                tracing::error!(store = "staff", "creating an account failed: {e}");
                                refused(t::SERVER_ERROR, typed)
                            }
                        }
                    }
                }
            }
            AccountStep::Disable(Some(id)) if id == access.account_id => err(t::STAFF_ERR_SELF),
            AccountStep::Disable(None) | AccountStep::Enable(None) | AccountStep::NewPassword { account: None, .. } => err(t::STAFF_ERR_NO_SUCH),
            AccountStep::Disable(Some(id)) | AccountStep::Enable(Some(id)) => {
                let last_admin = disable
                    && staff.accounts(&access.kommune).await.unwrap_or_default().iter().any(|a| a.id == id && a.role == Role::Admin)
                    && staff.enabled_admins(Some(&access.kommune)).await.unwrap_or(0) <= 1;
                if last_admin {
                    err(t::STAFF_ERR_LAST_ADMIN)
                } else {
                    match staff.set_disabled(&access.kommune, id, disable).await {
                        Ok(true) => ok(if disable { t::STAFF_ACCOUNT_DISABLED } else { t::STAFF_ACCOUNT_ENABLED }.to_string()),
                        Ok(false) => err(t::STAFF_ERR_NO_SUCH),
                        Err(e) => {
                            tracing::error!(store = "staff", "changing an account failed: {e}");
                            err(t::SERVER_ERROR)
                        }
                    }
                }
            }
            AccountStep::NewPassword { account: Some(id), password } => match staff.set_password(&access.kommune, id, &password).await {
                Ok(true) => ok(t::STAFF_PASSWORD_SET.to_string()),
                Ok(false) => err(t::STAFF_ERR_NO_SUCH),
                Err(AccountError::Invalid(e)) => err(t::account_problem(e)),
                Err(e) => {
                    tracing::error!(store = "staff", "setting a password failed: {e}");
                    err(t::SERVER_ERROR)
                }
            },
            AccountStep::Unknown => err(t::STAFF_ERR_ACTION),
        };
        accounts(staff, access, message, errors, typed).await
    }
}
