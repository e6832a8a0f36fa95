//! Anonymous written contact (issue 19): the person's page at `/{kommune}/skriv` and the
//! counsellors' inbox at `/personale/beskeder`. Everything here is on the anonymous side: it reads
//! and writes the anonymous store's message threads and nothing of the case store.
//!
//! A code is typed, never carried in a URL; it travels in POST bodies only. A counsellor finds a
//! thread by its label, never by its code.

use crate::api::staff::{Choice, Gate};
use crate::api::LoadError;
use crate::content::CitedText;
use crate::domain::staff::StaffAccess;
use serde::{Deserialize, Serialize};

/// `/{kommune}/skriv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WritePage {
    pub kommune: String,
    pub kommune_name: String,
    /// The municipality's site and how to reach it, for the page's frame.
    pub site_name: String,
    pub site_phone: Option<String>,
    pub site_email: Option<String>,
    pub sites: Vec<Choice>,
    pub writers: Vec<Choice>,
    /// The standard's promise of anonymous contact through the website.
    pub promise: CitedText,
    /// The duty to notify (SEL § 153), shown before the person writes.
    pub duty: CitedText,
    pub private_mail: Option<CitedText>,
    /// How long what is written is kept.
    pub retention: String,
    pub step: WriteStep,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WriteStep {
    /// The page as first seen, or a form back with its errors: `errors` for the new message
    /// (`code_error` among them, for a booking's code typed with it), `read_error` for the code
    /// typed to read a thread.
    Write { site: String, writer: String, body: String, errors: Vec<String>, code_error: Option<String>, read_error: Option<String> },
    /// Sent. `code` is the new code, shown this once; `None` where the person used a booking's.
    Receipt { code: Option<String>, label: String, site: String, reply: String },
    Thread { code: String, thread: ThreadLines, body: String, errors: Vec<String>, message: Option<String> },
    ConfirmDelete { code: String },
    Deleted,
}

/// A thread as its reader sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadLines {
    pub label: String,
    pub site: String,
    pub site_name: String,
    pub writer: String,
    pub status: String,
    pub closed: bool,
    pub messages: Vec<MessageLine>,
    /// When to look for an answer.
    pub reply: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageLine {
    pub from: String,
    pub counsellor: bool,
    pub day: String,
    /// As written: shown as text, never as markup.
    pub body: String,
}

/// `/personale/beskeder`: the counsellor's threads, and one of them opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxPage {
    pub access: StaffAccess,
    pub threads: Vec<InboxLine>,
    pub open: Option<StaffThread>,
    pub message: Option<String>,
    pub errors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxLine {
    pub label: String,
    pub site: String,
    pub writer: String,
    pub status: String,
    pub waiting: bool,
    pub last: String,
    pub messages: u32,
    /// `/personale/beskeder?traad=…`
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffThread {
    pub label: String,
    pub site_name: String,
    pub writer: String,
    pub status: String,
    pub closed: bool,
    pub opened: String,
    pub messages: Vec<MessageLine>,
    /// The reply box's text: what the counsellor typed, or the template.
    pub reply: String,
}

impl WritePage {
    /// Whether the page refused a code typed (unknown, mistyped, not a booking of this
    /// municipality): such an attempt counts as a guess.
    pub fn refused_a_code(&self) -> bool {
        matches!(&self.step, WriteStep::Write { read_error, code_error, .. } if read_error.is_some() || code_error.is_some())
    }

    /// Whether a new thread was opened.
    pub fn opened_a_thread(&self) -> bool {
        matches!(self.step, WriteStep::Receipt { .. })
    }
}

/// `/{kommune}/skriv` on a GET: the form, or `None` where the municipality takes no messages (404).
pub fn write_page(kommune: &str) -> Option<WritePage> {
    logic::write(kommune)
}

pub async fn inbox_page(traad: Option<String>) -> Result<Gate<InboxPage>, LoadError> {
    let Some(access) = crate::api::staff::session::current_access().await? else { return Ok(Gate::SignedOut) };
    let anon = crate::api::provided::<crate::store::AnonStore>()?;
    Ok(crate::api::staff::logic::gate(&access, logic::inbox(&anon.threads(), &access, traad.as_deref(), None, Vec::new(), None).await))
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::api::anonymous_form::{Fields, WriteAction, WriteForm};
    use crate::api::staff_form::{field as staff_field, path as staff_path, InboxForm};
    use crate::content::messages::KommuneMessages;
    use crate::content::{catalogue, content, find_kommune, BookingSite};
    use crate::domain::kommune::KommunePath;
    use crate::domain::message::{MessageBody, Sender, ThreadStatus, Writer, DEFAULT_RETENTION_DAYS};
    use crate::domain::staff::{Area, Forbidden};
    use crate::domain::token::Token;
    use crate::store::{AnonStore, NewThread, StoredMessage, ThreadError, Threads, ThreadView};
    use crate::text::{dates, t};
    use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
    use std::sync::OnceLock;

    static RETENTION_DAYS: OnceLock<u32> = OnceLock::new();

    /// Sets, once at start, how many days a thread is kept after its last message
    /// (`RMP_MESSAGE_RETENTION_DAYS`), so the page says what the purge does.
    pub fn keep_threads_for(days: u32) {
        let _ = RETENTION_DAYS.set(days);
    }

    pub fn retention_days() -> u32 {
        *RETENTION_DAYS.get().unwrap_or(&DEFAULT_RETENTION_DAYS)
    }

    fn plan(kommune: &str) -> Option<&'static KommuneMessages> {
        find_kommune(kommune)?;
        catalogue().messages().iter().find(|m| m.kommune == kommune)
    }

    /// The sites that serve the municipality: those a person may write to.
    fn sites_of(kommune: &str) -> Vec<&'static BookingSite> {
        content().booking_sites().iter().filter(|s| s.kommuner.iter().any(|k| k == kommune)).collect()
    }

    fn page(kommune: &str, step: WriteStep) -> Option<WritePage> {
        let plan = plan(kommune)?;
        let k = find_kommune(kommune)?;
        let about = content().kommune(k);
        Some(WritePage {
            kommune: k.slug().to_string(),
            kommune_name: k.name().to_string(),
            site_name: about.site_name.clone(),
            site_phone: about.phone.as_ref().map(|p| p.text.clone()),
            site_email: about.email.as_ref().map(|e| e.text.clone()),
            sites: sites_of(kommune).into_iter().map(|s| Choice { value: s.id.clone(), text: s.name.clone() }).collect(),
            writers: Writer::ALL.into_iter().map(|w| Choice { value: w.slug().to_string(), text: t::writer_name(w).to_string() }).collect(),
            promise: plan.promise.clone(),
            duty: plan.duty.clone(),
            private_mail: plan.private_mail.clone(),
            retention: t::retention(retention_days()),
            step,
        })
    }

    /// The page as first seen.
    pub fn write(kommune: &str) -> Option<WritePage> {
        let site = sites_of(kommune).first().map(|s| s.id.clone()).unwrap_or_default();
        page(kommune, WriteStep::Write { site, writer: String::new(), body: String::new(), errors: Vec::new(), code_error: None, read_error: None })
    }

    fn write_again(kommune: &str, form: &WriteForm, errors: Vec<String>, read_error: Option<String>) -> Option<WritePage> {
        compose_again(kommune, form, errors, None, read_error)
    }

    fn compose_again(kommune: &str, form: &WriteForm, errors: Vec<String>, code_error: Option<String>, read_error: Option<String>) -> Option<WritePage> {
        let site = form.site.clone().or_else(|| sites_of(kommune).first().map(|s| s.id.clone())).unwrap_or_default();
        page(kommune, WriteStep::Write { site, writer: form.writer.clone().unwrap_or_default(), body: form.body.clone(), errors, code_error, read_error })
    }

    /// The first day after today the site has hours: when the counsellors next read messages.
    fn reply_day(site: &BookingSite, today: NaiveDate) -> NaiveDate {
        let open = |day: NaiveDate| site.talks.iter().any(|k| !k.hours.is_closed(day) && k.hours.rules.iter().any(|r| r.weekday == day.weekday()));
        (1..=14).map(|d| today + Duration::days(d)).find(|d| open(*d)).unwrap_or(today + Duration::days(1))
    }

    fn site(id: &str) -> Option<&'static BookingSite> {
        content().booking_sites().iter().find(|s| s.id == id)
    }

    fn reply_text(site_id: &str, today: NaiveDate) -> String {
        let day = site(site_id).map(|s| reply_day(s, today)).unwrap_or(today + Duration::days(1));
        t::reply_expected(&dates::long_date(day))
    }

    fn lines(messages: &[StoredMessage]) -> Vec<MessageLine> {
        messages
            .iter()
            .map(|m| MessageLine {
                from: match m.sender {
                    Sender::Writer => t::MSG_FROM_YOU.to_string(),
                    Sender::Counsellor => t::MSG_FROM_COUNSELLOR.to_string(),
                },
                counsellor: m.sender == Sender::Counsellor,
                day: dates::long_date(m.day),
                body: m.body.clone(),
            })
            .collect()
    }

    fn thread_lines(view: &ThreadView, today: NaiveDate) -> ThreadLines {
        ThreadLines {
            label: view.label.clone(),
            site: view.site.clone(),
            site_name: site(&view.site).map(|s| s.name.clone()).unwrap_or_else(|| view.site.clone()),
            writer: t::writer_name(view.writer).to_string(),
            status: t::status_name(view.status).to_string(),
            closed: view.status == ThreadStatus::Closed,
            messages: lines(&view.messages),
            reply: reply_text(&view.site, today),
        }
    }

    fn today_of(now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&chrono_tz::Europe::Copenhagen).date_naive()
    }

    /// The thread of `code` in this municipality, or the form with the neutral words.
    async fn thread_of(threads: &Threads, kommune: &str, code: &Token, form: &WriteForm) -> Result<ThreadView, Option<WritePage>> {
        match threads.read(code).await {
            Ok(Some(view)) if view.kommune == kommune => Ok(view),
            Ok(_) => Err(write_again(kommune, &WriteForm { body: String::new(), ..form.clone() }, Vec::new(), Some(t::MSG_NO_THREAD.to_string()))),
            Err(e) => {
                tracing::error!(store = "anon", "reading a message thread failed: {e}");
                Err(write_again(kommune, form, Vec::new(), Some(t::SERVER_ERROR.to_string())))
            }
        }
    }

    fn show(kommune: &str, code: &Token, view: &ThreadView, now: DateTime<Utc>, body: String, errors: Vec<String>, message: Option<String>) -> Option<WritePage> {
        page(kommune, WriteStep::Thread { code: code.grouped(), thread: thread_lines(view, today_of(now)), body, errors, message })
    }

    /// A POST to `/{kommune}/skriv` (the calendar file aside, [`calendar_post`]). `None`: the
    /// municipality takes no messages (404).
    pub async fn post(anon: &AnonStore, kommune: &str, fields: &Fields, now: DateTime<Utc>) -> Option<WritePage> {
        plan(kommune)?;
        let threads = anon.threads();
        let form = WriteForm::read(fields);
        let today = today_of(now);
        if form.action() == WriteAction::Send {
            return send(anon, &threads, kommune, &form, today).await;
        }
        let code = match form.code.as_deref().map(Token::parse) {
            Some(Ok(code)) => code,
            Some(Err(e)) => return write_again(kommune, &WriteForm { body: String::new(), ..form }, Vec::new(), Some(t::token_error(e).to_string())),
            None => return write_again(kommune, &form, Vec::new(), Some(t::token_error(crate::domain::token::TokenError::Empty).to_string())),
        };
        let view = match thread_of(&threads, kommune, &code, &form).await {
            Ok(view) => view,
            Err(page) => return page,
        };
        match form.action() {
            WriteAction::AskDelete => page(kommune, WriteStep::ConfirmDelete { code: code.grouped() }),
            WriteAction::Delete => match threads.delete(&code).await {
                Ok(_) => page(kommune, WriteStep::Deleted),
                Err(e) => {
                    tracing::error!(store = "anon", "deleting a message thread failed: {e}");
                    show(kommune, &code, &view, now, String::new(), vec![t::SERVER_ERROR.to_string()], None)
                }
            },
            WriteAction::Again => {
                let body = match MessageBody::parse(&form.body) {
                    Ok(body) => body,
                    Err(e) => return show(kommune, &code, &view, now, form.body.clone(), vec![t::body_error(e)], None),
                };
                let refused = |why: &str| show(kommune, &code, &view, now, form.body.clone(), vec![why.to_string()], None);
                match threads.write(&code, &body, today).await {
                    Ok(()) => match threads.read(&code).await {
                        Ok(Some(view)) => show(kommune, &code, &view, now, String::new(), Vec::new(), Some(t::MSG_SENT_AGAIN.to_string())),
                        _ => refused(t::SERVER_ERROR),
                    },
                    Err(ThreadError::Closed) => refused(t::MSG_CLOSED),
                    Err(ThreadError::Full) => refused(t::MSG_FULL),
                    // Deleted meanwhile (another tab): the neutral words.
                    Err(ThreadError::NotFound) => write_again(kommune, &WriteForm::default(), Vec::new(), Some(t::MSG_NO_THREAD.to_string())),
                    Err(e) => {
                        tracing::error!(store = "anon", "writing in a message thread failed: {e}");
                        refused(t::SERVER_ERROR)
                    }
                }
            }
            _ => show(kommune, &code, &view, now, String::new(), Vec::new(), None),
        }
    }

    /// The form back with a limit's refusal, as the person typed it: nothing was read or sent.
    pub fn refused(kommune: &str, form: &WriteForm, why: String) -> Option<WritePage> {
        match form.action() {
            WriteAction::Send => compose_again(kommune, form, vec![why], None, None),
            _ => write_again(kommune, &WriteForm { body: String::new(), ..form.clone() }, Vec::new(), Some(why)),
        }
    }

    /// A new thread: the site, who it is about and the message are checked; the code is a new
    /// one, or a booking's of this municipality.
    async fn send(anon: &AnonStore, threads: &Threads, kommune: &str, form: &WriteForm, today: NaiveDate) -> Option<WritePage> {
        let sites = sites_of(kommune);
        let site = form.site.as_deref().and_then(|id| sites.iter().find(|s| s.id == id));
        let writer = form.writer.as_deref().and_then(Writer::from_slug);
        let body = MessageBody::parse(&form.body);
        let mut errors: Vec<String> = Vec::new();
        if site.is_none() {
            errors.push(t::MSG_ERR_SITE.to_string());
        }
        if writer.is_none() {
            errors.push(t::MSG_ERR_WRITER.to_string());
        }
        if let Err(e) = &body {
            errors.push(t::body_error(*e));
        }
        // A booking's code, if one was typed: it must be a booking of this municipality.
        let mut code_error: Option<String> = None;
        let booking_code = match form.code.as_deref().map(Token::parse) {
            None => None,
            Some(Err(e)) => {
                code_error = Some(t::token_error(e).to_string());
                None
            }
            Some(Ok(code)) => match anon.holder_talks(&code).await {
                Ok(Some(holder)) if holder.kommune == kommune => Some(code),
                Ok(_) => {
                    code_error = Some(t::MSG_NOT_A_BOOKING_CODE.to_string());
                    None
                }
                Err(e) => {
                    tracing::error!(store = "anon", "reading a booking code failed: {e}");
                    errors.push(t::SERVER_ERROR.to_string());
                    None
                }
            },
        };
        errors.extend(code_error.clone());
        let (Some(site), Some(writer), Ok(body), true) = (site, writer, body, errors.is_empty()) else {
            return compose_again(kommune, form, errors, code_error, None);
        };
        let new_code = booking_code.is_none();
        let code = booking_code.unwrap_or_else(Token::generate);
        let new = NewThread { kommune, site: &site.id, writer };
        match threads.open_thread(&code, new, &body, today).await {
            Ok(label) => page(
                kommune,
                WriteStep::Receipt { code: new_code.then(|| code.grouped()), label, site: site.id.clone(), reply: reply_text(&site.id, today) },
            ),
            Err(ThreadError::CodeInUse) => write_again(kommune, form, vec![t::MSG_CODE_HAS_THREAD.to_string()], None),
            Err(e) => {
                tracing::error!(store = "anon", "opening a message thread failed: {e}");
                write_again(kommune, form, vec![t::SERVER_ERROR.to_string()], None)
            }
        }
    }

    /// A reminder to look for an answer, as a calendar file: one event on the day the site next
    /// reads messages. Nothing is stored, and the file names neither the code nor the site.
    pub fn calendar_post(kommune: &str, fields: &Fields, now: DateTime<Utc>) -> Option<(String, String)> {
        plan(kommune)?;
        let form = WriteForm::read(fields);
        let site = form.site.as_deref().and_then(|id| sites_of(kommune).into_iter().find(|s| s.id == id)).or_else(|| sites_of(kommune).into_iter().next())?;
        let day = reply_day(site, today_of(now));
        let starts_at = day.and_hms_opt(10, 0, 0)?.and_local_timezone(chrono_tz::Europe::Copenhagen).earliest()?.with_timezone(&Utc);
        let uid = format!("{}@rusmiddelportalen", Token::generate().canonical().to_lowercase());
        let event = crate::domain::ics::Event { uid: &uid, title: t::MSG_CALENDAR_EVENT, place: None, description: None, starts_at, ends_at: starts_at + Duration::minutes(15) };
        Some((t::MSG_CALENDAR_FILE.to_string(), crate::domain::ics::file(&[event], now)))
    }

    // ---- The counsellors' inbox --------------------------------------------------------------

    /// The sites whose threads a counsellor reads: their own, as for their calendars.
    fn own_sites(access: &StaffAccess) -> Vec<&'static BookingSite> {
        crate::api::staff::logic::counsellor_sites(access)
    }

    pub async fn inbox(threads: &Threads, access: &StaffAccess, label: Option<&str>, message: Option<String>, errors: Vec<String>, reply: Option<String>) -> Result<InboxPage, Forbidden> {
        access.require(Area::AnonymousMessages)?;
        let sites = own_sites(access);
        let ids: Vec<&str> = sites.iter().map(|s| s.id.as_str()).collect();
        let site_name = |id: &str| sites.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string());
        let mut errors = errors;
        let list = threads.inbox(&ids).await.unwrap_or_else(|e| {
            tracing::error!(store = "anon", "reading the message inbox failed: {e}");
            errors.push(t::SERVER_ERROR.to_string());
            Vec::new()
        });
        let threads_list = list
            .iter()
            .map(|s| InboxLine {
                label: s.label.clone(),
                site: site_name(&s.site),
                writer: t::writer_for_staff(s.writer).to_string(),
                status: t::status_name(s.status).to_string(),
                waiting: s.status == ThreadStatus::Waiting,
                last: dates::long_date(s.last),
                messages: s.messages,
                href: thread_href(&s.label),
            })
            .collect();
        let open = match label {
            None => None,
            Some(label) => match threads.thread(&ids, label).await {
                Ok(Some(view)) => Some(StaffThread {
                    label: view.label.clone(),
                    site_name: site_name(&view.site),
                    writer: t::writer_for_staff(view.writer).to_string(),
                    status: t::status_name(view.status).to_string(),
                    closed: view.status == ThreadStatus::Closed,
                    opened: dates::long_date(view.opened),
                    messages: lines(&view.messages)
                        .into_iter()
                        .map(|m| MessageLine { from: if m.counsellor { t::MSG_FROM_COUNSELLOR.to_string() } else { t::INBOX_FROM_WRITER.to_string() }, ..m })
                        .collect(),
                    reply: reply.clone().unwrap_or_else(|| template(&view)),
                }),
                Ok(None) => {
                    errors.push(t::INBOX_NO_SUCH.to_string());
                    None
                }
                Err(e) => {
                    tracing::error!(store = "anon", "reading a message thread failed: {e}");
                    errors.push(t::SERVER_ERROR.to_string());
                    None
                }
            },
        };
        Ok(InboxPage { access: access.clone(), threads: threads_list, open, message, errors })
    }

    /// `/personale/beskeder?traad=…`, the label encoded for a query string.
    fn thread_href(label: &str) -> String {
        let encoded: String = form_urlencoded::byte_serialize(label.as_bytes()).collect();
        format!("{}?{}={encoded}", staff_path::MESSAGES, staff_field::THREAD)
    }

    /// The reply template: where the person can turn next, by booking or by phone.
    fn template(view: &ThreadView) -> String {
        let Some(k) = find_kommune(&view.kommune) else { return String::new() };
        let phone = site(&view.site).and_then(|s| s.phone.clone()).or_else(|| content().kommune(k).phone.as_ref().map(|p| p.text.clone()));
        t::reply_template(&k.page(KommunePath::Book), phone.as_deref())
    }

    /// A POST to `/personale/beskeder`: reply to a thread of the counsellor's sites, or close it.
    pub async fn inbox_post(threads: &Threads, access: &StaffAccess, fields: &Fields, now: DateTime<Utc>) -> Result<InboxPage, Forbidden> {
        access.require(Area::AnonymousMessages)?;
        let form = InboxForm::read(fields);
        let ids: Vec<String> = own_sites(access).into_iter().map(|s| s.id.clone()).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let Some(label) = form.thread.as_deref() else {
            return inbox(threads, access, None, None, vec![t::INBOX_NO_SUCH.to_string()], None).await;
        };
        if form.close {
            return match threads.close(&ids, label).await {
                Ok(true) => inbox(threads, access, Some(label), Some(t::INBOX_CLOSED.to_string()), Vec::new(), None).await,
                Ok(false) => inbox(threads, access, None, None, vec![t::INBOX_NO_SUCH.to_string()], None).await,
                Err(e) => {
                    tracing::error!(store = "anon", "closing a message thread failed: {e}");
                    inbox(threads, access, Some(label), None, vec![t::SERVER_ERROR.to_string()], Some(form.reply)).await
                }
            };
        }
        let body = match MessageBody::parse(&form.reply) {
            Ok(body) => body,
            Err(e) => return inbox(threads, access, Some(label), None, vec![t::body_error(e)], Some(form.reply.clone())).await,
        };
        match threads.reply(&ids, label, &body, today_of(now)).await {
            Ok(()) => inbox(threads, access, Some(label), Some(t::INBOX_REPLIED.to_string()), Vec::new(), None).await,
            Err(ThreadError::NotFound) => inbox(threads, access, None, None, vec![t::INBOX_NO_SUCH.to_string()], None).await,
            Err(ThreadError::Closed) => inbox(threads, access, Some(label), None, vec![t::INBOX_CLOSED.to_string()], Some(form.reply)).await,
            Err(ThreadError::Full) => inbox(threads, access, Some(label), None, vec![t::MSG_FULL.to_string()], Some(form.reply)).await,
            Err(e) => {
                tracing::error!(store = "anon", "replying in a message thread failed: {e}");
                inbox(threads, access, Some(label), None, vec![t::SERVER_ERROR.to_string()], Some(form.reply)).await
            }
        }
    }
}
