//! Issue 19: anonymous message threads in the anonymous store. A person opens a thread with a code,
//! writes, reads the answer and deletes it all; a counsellor reads and answers by label within
//! their own sites, and closes; retention takes a thread a set number of days after its last
//! message. Time is an input: every call is given its day.

use app::domain::message::{MessageBody, Sender, ThreadStatus, Writer, MAX_MESSAGES};
use app::domain::token::Token;
use app::store::{AnonStore, NewThread, ThreadError, Threads, TokenSecret};
use chrono::NaiveDate;

mod common;

const PITSTOP: &str = "pitstop";
const ODSHERRED: &str = "rusmiddelteamet-odsherred";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn body(s: &str) -> MessageBody {
    MessageBody::parse(s).unwrap()
}

async fn store() -> (tempfile::TempDir, AnonStore) {
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([9; 32])).await;
    (dir, anon)
}

fn at_pitstop(writer: Writer) -> NewThread<'static> {
    NewThread { kommune: "vallensbaek", site: PITSTOP, writer }
}

#[tokio::test]
async fn a_person_writes_a_counsellor_answers_and_the_person_deletes_it_all() {
    let (_dir, anon) = store().await;
    let threads = anon.threads();
    let code = Token::generate();
    let label = threads.open_thread(&code, at_pitstop(Writer::Person), &body("Hvordan foregår en afklarende samtale?"), day("2026-12-01")).await.unwrap();

    let read = threads.read(&code).await.unwrap().unwrap();
    assert_eq!((read.label.as_str(), read.kommune.as_str(), read.site.as_str(), read.writer, read.status), (label.as_str(), "vallensbaek", PITSTOP, Writer::Person, ThreadStatus::Waiting));
    assert_eq!(read.messages.len(), 1);
    assert_eq!((read.messages[0].sender, read.messages[0].day), (Sender::Writer, day("2026-12-01")));
    assert_eq!(read.messages[0].body, "Hvordan foregår en afklarende samtale?");

    // The counsellor sees it by label, without the body, and answers.
    let inbox = threads.inbox(&[PITSTOP]).await.unwrap();
    assert_eq!(inbox.len(), 1);
    assert_eq!((inbox[0].label.as_str(), inbox[0].status, inbox[0].messages), (label.as_str(), ThreadStatus::Waiting, 1));
    threads.reply(&[PITSTOP], &label, &body("Du kan booke en tid eller ringe på 20 69 28 33."), day("2026-12-02")).await.unwrap();
    let read = threads.read(&code).await.unwrap().unwrap();
    assert_eq!(read.status, ThreadStatus::Answered);
    assert_eq!(read.last, day("2026-12-02"));
    assert_eq!(read.messages.iter().map(|m| m.sender).collect::<Vec<_>>(), [Sender::Writer, Sender::Counsellor]);

    // The person writes again: waiting once more.
    threads.write(&code, &body("Tak. Kan min mor også ringe?"), day("2026-12-03")).await.unwrap();
    assert_eq!(threads.read(&code).await.unwrap().unwrap().status, ThreadStatus::Waiting);

    // Deleting takes the whole thread at once.
    assert!(threads.delete(&code).await.unwrap());
    assert_eq!(threads.read(&code).await.unwrap(), None);
    assert!(threads.inbox(&[PITSTOP]).await.unwrap().is_empty());
    assert!(!threads.delete(&code).await.unwrap(), "nothing left to delete");
    assert_eq!(threads.threads_held().await.unwrap(), 0);
}

#[tokio::test]
async fn a_code_holds_one_thread_and_a_booking_code_may_open_it() {
    let (_dir, anon) = store().await;
    let threads = anon.threads();
    // A booking's code: the thread's hash is not the booking's, so nothing links the two rows.
    let token = Token::generate();
    let starts_at = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00+01:00").unwrap().to_utc();
    let slot = app::store::SlotRef { site: PITSTOP, talk_kind: "fremmoede", starts_at, capacity: 1 };
    anon.book(&token, Some(app::store::NewHolder { kommune: "vallensbaek", purpose: "clarifying" }), &slot, None).await.unwrap();
    threads.open_thread(&token, at_pitstop(Writer::Relative), &body("Min søn ryger meget hash."), day("2026-12-01")).await.unwrap();
    assert_ne!(threads.code_hmac(&token), anon.token_hmac(token.canonical()));
    assert_ne!(threads.code_hmac(&token), anon.evaluations().code_hmac(&token));
    assert!(matches!(threads.open_thread(&token, at_pitstop(Writer::Person), &body("Igen"), day("2026-12-01")).await, Err(ThreadError::CodeInUse)));
    assert_eq!(threads.read(&token).await.unwrap().unwrap().writer, Writer::Relative);
    assert_eq!(threads.read(&Token::generate()).await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_openings_with_one_code_at_once_make_one_thread() {
    let (_dir, anon) = store().await;
    let threads = anon.threads();
    for _ in 0..10 {
        let code = Token::generate();
        let (first, second) = (body("a"), body("b"));
        let (a, b) = tokio::join!(
            threads.open_thread(&code, at_pitstop(Writer::Person), &first, day("2026-12-01")),
            threads.open_thread(&code, at_pitstop(Writer::Person), &second, day("2026-12-01"))
        );
        assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1, "{a:?} / {b:?}");
        assert!(matches!(a.err().or(b.err()), Some(ThreadError::CodeInUse)));
        assert_eq!(threads.read(&code).await.unwrap().unwrap().messages.len(), 1);
    }
    assert_eq!(threads.threads_held().await.unwrap(), 10);
}

#[tokio::test]
async fn a_counsellor_sees_and_answers_only_their_own_sites_oldest_waiting_first() {
    let (_dir, anon) = store().await;
    let threads = anon.threads();
    let (older, newer, answered, closed, elsewhere) = (Token::generate(), Token::generate(), Token::generate(), Token::generate(), Token::generate());
    let older_label = threads.open_thread(&older, at_pitstop(Writer::Person), &body("1"), day("2026-11-20")).await.unwrap();
    let newer_label = threads.open_thread(&newer, at_pitstop(Writer::Relative), &body("2"), day("2026-11-28")).await.unwrap();
    let answered_label = threads.open_thread(&answered, at_pitstop(Writer::Person), &body("3"), day("2026-11-10")).await.unwrap();
    threads.reply(&[PITSTOP], &answered_label, &body("svar"), day("2026-11-11")).await.unwrap();
    let closed_label = threads.open_thread(&closed, at_pitstop(Writer::Person), &body("4"), day("2026-11-01")).await.unwrap();
    assert!(threads.close(&[PITSTOP], &closed_label).await.unwrap());
    let odsherred = NewThread { kommune: "odsherred", site: ODSHERRED, writer: Writer::Person };
    let elsewhere_label = threads.open_thread(&elsewhere, odsherred, &body("5"), day("2026-11-01")).await.unwrap();

    let inbox: Vec<String> = threads.inbox(&[PITSTOP]).await.unwrap().into_iter().map(|t| t.label).collect();
    assert_eq!(inbox, [older_label.clone(), newer_label, answered_label, closed_label.clone()]);
    // Another site's thread does not exist for Pitstop's counsellor: not listed, not read, not
    // answered, not closed.
    assert!(threads.thread(&[PITSTOP], &elsewhere_label).await.unwrap().is_none());
    assert!(matches!(threads.reply(&[PITSTOP], &elsewhere_label, &body("x"), day("2026-12-01")).await, Err(ThreadError::NotFound)));
    assert!(!threads.close(&[PITSTOP], &elsewhere_label).await.unwrap());
    assert_eq!(threads.read(&elsewhere).await.unwrap().unwrap().status, ThreadStatus::Waiting);
    assert_eq!(threads.thread(&[ODSHERRED], &elsewhere_label).await.unwrap().unwrap().messages[0].body, "5");
    assert_eq!(threads.thread(&[PITSTOP], &older_label).await.unwrap().unwrap().messages[0].body, "1");

    // A closed thread is read and deleted, not written to, by either side.
    assert!(matches!(threads.write(&closed, &body("hallo?"), day("2026-12-01")).await, Err(ThreadError::Closed)));
    assert!(matches!(threads.reply(&[PITSTOP], &closed_label, &body("x"), day("2026-12-01")).await, Err(ThreadError::Closed)));
    assert_eq!(threads.read(&closed).await.unwrap().unwrap().messages.len(), 1);
    assert!(threads.delete(&closed).await.unwrap());
}

#[tokio::test]
async fn a_thread_holds_a_bounded_number_of_messages() {
    let (_dir, anon) = store().await;
    let threads = anon.threads();
    let code = Token::generate();
    let label = threads.open_thread(&code, at_pitstop(Writer::Person), &body("1"), day("2026-12-01")).await.unwrap();
    for n in 2..=MAX_MESSAGES {
        if n % 2 == 0 {
            threads.reply(&[PITSTOP], &label, &body(&n.to_string()), day("2026-12-01")).await.unwrap();
        } else {
            threads.write(&code, &body(&n.to_string()), day("2026-12-01")).await.unwrap();
        }
    }
    assert!(matches!(threads.write(&code, &body("en til"), day("2026-12-01")).await, Err(ThreadError::Full)));
    assert_eq!(threads.read(&code).await.unwrap().unwrap().messages.len(), MAX_MESSAGES);
}

#[tokio::test]
async fn retention_takes_a_thread_its_days_after_the_last_message() {
    let (_dir, anon) = store().await;
    let threads: Threads = anon.threads();
    let (quiet, recent) = (Token::generate(), Token::generate());
    threads.open_thread(&quiet, at_pitstop(Writer::Person), &body("stille"), day("2026-10-01")).await.unwrap();
    let label = threads.open_thread(&recent, at_pitstop(Writer::Person), &body("nyere"), day("2026-10-01")).await.unwrap();
    // An answer on 1 November moves the recent one's last day.
    threads.reply(&[PITSTOP], &label, &body("svar"), day("2026-11-01")).await.unwrap();
    // 30 days after 1 October is 31 October: kept that day, gone the next.
    assert_eq!(threads.purge(day("2026-10-31"), 30).await.unwrap(), 0);
    assert_eq!(threads.purge(day("2026-11-01"), 30).await.unwrap(), 1);
    assert_eq!(threads.read(&quiet).await.unwrap(), None);
    assert!(threads.read(&recent).await.unwrap().is_some());
    assert_eq!(threads.purge(day("2026-12-02"), 30).await.unwrap(), 1);
    assert_eq!(threads.threads_held().await.unwrap(), 0);
}

// ---- The pages' logic: the person's page and the counsellors' inbox ---------------------------

mod pages {
    use super::*;
    use app::api::messages::logic as messages;
    use app::api::messages::{WritePage, WriteStep};
    use app::domain::staff::{Role, StaffAccess};
    use app::text::t;
    use std::collections::HashMap;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap().to_utc()
    }

    fn counsellor(kommune: &str, site: &str) -> StaffAccess {
        StaffAccess { account_id: 1, username: "r".into(), role: Role::AnonymousCounsellor, kommune: kommune.into(), sites: vec![site.into()], csrf: "c".repeat(64) }
    }

    async fn post(anon: &AnonStore, kommune: &str, pairs: &[(&str, &str)]) -> WritePage {
        messages::post(anon, kommune, &fields(pairs), now()).await.unwrap()
    }

    fn errors(page: &WritePage) -> Vec<String> {
        match &page.step {
            WriteStep::Write { errors, read_error, .. } => errors.iter().cloned().chain(read_error.clone()).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_person_writes_reads_the_answer_writes_again_and_deletes_it() {
        let (_dir, anon) = store().await;
        let page = post(&anon, "vallensbaek", &[("handling", "send"), ("sted", PITSTOP), ("om", "mig-selv"), ("besked", "Er det anonymt at ringe til jer?")]).await;
        assert!(page.opened_a_thread() && !page.refused_a_code());
        assert_eq!(page.duty.source.law.as_deref(), Some("SEL § 153"), "the duty to notify is on the page, cited");
        let WriteStep::Receipt { code: Some(code), label, reply, .. } = page.step else { panic!("{:?}", page.step) };
        assert!(reply.starts_with("Rådgiverne læser beskederne"), "{reply}");

        // The counsellor of Pitstop answers by label; the person reads it with the code.
        let pitstop = counsellor("vallensbaek", PITSTOP);
        let inbox = messages::inbox(&anon.threads(), &pitstop, None, None, vec![], None).await.unwrap();
        assert_eq!(inbox.threads.iter().map(|l| l.label.as_str()).collect::<Vec<_>>(), [label.as_str()]);
        let opened = messages::inbox(&anon.threads(), &pitstop, Some(&label), None, vec![], None).await.unwrap().open.unwrap();
        assert!(opened.reply.contains("/vallensbaek/book") && opened.reply.contains("20 69 28 33"), "the template points to booking and the phone: {}", opened.reply);
        let answered = messages::inbox_post(&anon.threads(), &pitstop, &fields(&[("traad", &label), ("handling", "svar"), ("svar", "Ja, helt anonymt.")]), now()).await.unwrap();
        assert_eq!(answered.message.as_deref(), Some(t::INBOX_REPLIED));

        let read = post(&anon, "vallensbaek", &[("handling", "aabn"), ("kode", &code)]).await;
        let WriteStep::Thread { thread, .. } = &read.step else { panic!("{:?}", read.step) };
        assert_eq!(thread.messages.iter().map(|m| (m.counsellor, m.body.as_str())).collect::<Vec<_>>(), [(false, "Er det anonymt at ringe til jer?"), (true, "Ja, helt anonymt.")]);
        let again = post(&anon, "vallensbaek", &[("handling", "skriv-igen"), ("kode", &code), ("besked", "Tak!")]).await;
        let WriteStep::Thread { thread, message, .. } = &again.step else { panic!("{:?}", again.step) };
        assert_eq!((thread.messages.len(), message.as_deref()), (3, Some(t::MSG_SENT_AGAIN)));

        assert!(matches!(post(&anon, "vallensbaek", &[("handling", "slet-spoerg"), ("kode", &code)]).await.step, WriteStep::ConfirmDelete { .. }));
        assert_eq!(post(&anon, "vallensbaek", &[("handling", "slet"), ("kode", &code)]).await.step, WriteStep::Deleted);
        let gone = post(&anon, "vallensbaek", &[("handling", "aabn"), ("kode", &code)]).await;
        assert_eq!(errors(&gone), [t::MSG_NO_THREAD]);
        assert!(gone.refused_a_code());
        // The counsellor's closing and answering now meet a thread that is not there.
        let closed = messages::inbox_post(&anon.threads(), &pitstop, &fields(&[("traad", &label), ("handling", "luk")]), now()).await.unwrap();
        assert_eq!(closed.errors, [t::INBOX_NO_SUCH]);
    }

    #[tokio::test]
    async fn a_relative_writes_with_their_booking_code_and_a_closed_thread_takes_no_more() {
        let (_dir, anon) = store().await;
        let token = Token::generate();
        let starts_at = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00+01:00").unwrap().to_utc();
        let slot = app::store::SlotRef { site: ODSHERRED, talk_kind: "paaroerende", starts_at, capacity: 1 };
        anon.book(&token, Some(app::store::NewHolder { kommune: "odsherred", purpose: "relative" }), &slot, None).await.unwrap();
        let code = token.grouped();
        let page = post(&anon, "odsherred", &[("handling", "send"), ("sted", ODSHERRED), ("om", "paaroerende"), ("besked", "Min bror drikker."), ("kode", &code)]).await;
        let WriteStep::Receipt { code: None, label, .. } = page.step else { panic!("the booking's code is used, no new one: {:?}", page.step) };
        // The same code twice: one thread per code.
        let twice = post(&anon, "odsherred", &[("handling", "send"), ("sted", ODSHERRED), ("om", "paaroerende"), ("besked", "Igen"), ("kode", &code)]).await;
        assert_eq!(errors(&twice), [t::MSG_CODE_HAS_THREAD]);
        // A booking code of another municipality is no code here.
        let elsewhere = post(&anon, "vallensbaek", &[("handling", "send"), ("sted", PITSTOP), ("om", "paaroerende"), ("besked", "Hej"), ("kode", &code)]).await;
        assert_eq!(errors(&elsewhere), [t::MSG_NOT_A_BOOKING_CODE]);
        assert!(elsewhere.refused_a_code());
        assert_eq!(errors(&post(&anon, "vallensbaek", &[("handling", "aabn"), ("kode", &code)]).await), [t::MSG_NO_THREAD], "Odsherred's thread is not read on Vallensbæk's page");

        let odsherred = counsellor("odsherred", ODSHERRED);
        messages::inbox_post(&anon.threads(), &odsherred, &fields(&[("traad", &label), ("handling", "luk")]), now()).await.unwrap();
        let refused = post(&anon, "odsherred", &[("handling", "skriv-igen"), ("kode", &code), ("besked", "Hallo?")]).await;
        let WriteStep::Thread { thread, errors, .. } = &refused.step else { panic!("{:?}", refused.step) };
        assert!(thread.closed);
        assert_eq!(errors, &[t::MSG_CLOSED]);
        // Pitstop's counsellor does not see Odsherred's thread.
        let pitstop = counsellor("vallensbaek", PITSTOP);
        let page = messages::inbox(&anon.threads(), &pitstop, Some(&label), None, vec![], None).await.unwrap();
        assert!(page.threads.is_empty() && page.open.is_none());
        assert_eq!(page.errors, [t::INBOX_NO_SUCH]);
    }

    /// The benchmark's fuzz list, as the form logic meets it: every malformed input gets its
    /// Danish words and opens nothing.
    #[tokio::test]
    async fn every_malformed_message_gets_a_clear_answer_and_opens_nothing() {
        let (_dir, anon) = store().await;
        let huge = "x".repeat(app::domain::message::MAX_CHARS + 1);
        let send = |site: &'static str, writer: &'static str, body: String, code: Option<&'static str>| {
            let mut pairs = vec![("handling".to_string(), "send".to_string()), ("sted".into(), site.into()), ("om".into(), writer.into()), ("besked".into(), body)];
            if let Some(code) = code {
                pairs.push(("kode".into(), code.into()));
            }
            pairs
        };
        let cases: Vec<(Vec<(String, String)>, String)> = vec![
            (send(PITSTOP, "mig-selv", String::new(), None), t::body_error(app::domain::message::BodyError::Empty)),
            (send(PITSTOP, "mig-selv", "   \r\n ".into(), None), t::body_error(app::domain::message::BodyError::Empty)),
            (send(PITSTOP, "mig-selv", huge, None), t::body_error(app::domain::message::BodyError::TooLong { chars: app::domain::message::MAX_CHARS + 1 })),
            (send(PITSTOP, "mig-selv", "PNG\u{0}\u{1}\u{2}".into(), None), t::body_error(app::domain::message::BodyError::Binary)),
            (send(PITSTOP, "mig-selv", "<script>alert(1)</script>".into(), None), t::body_error(app::domain::message::BodyError::Script)),
            (send(ODSHERRED, "mig-selv", "hej".into(), None), t::MSG_ERR_SITE.to_string()),
            (send(PITSTOP, "ukendt", "hej".into(), None), t::MSG_ERR_WRITER.to_string()),
            (send(PITSTOP, "mig-selv", "hej".into(), Some("ikke-en-kode")), t::MSG_NOT_A_BOOKING_CODE.to_string()),
        ];
        for (pairs, expected) in cases {
            let fields: HashMap<String, String> = pairs.into_iter().collect();
            let page = messages::post(&anon, "vallensbaek", &fields, now()).await.unwrap();
            let said = match &page.step {
                WriteStep::Write { errors, .. } => errors.clone(),
                other => panic!("{other:?}"),
            };
            // A malformed code is worded by the token parser; the rest exactly as expected.
            assert!(said.iter().any(|e| *e == expected) || (expected == t::MSG_NOT_A_BOOKING_CODE && said.len() == 1), "{fields:?}: {said:?}");
        }
        assert_eq!(anon.threads().threads_held().await.unwrap(), 0, "nothing malformed opened a thread");
        // No code, a malformed one, an unknown one: each gets words, and none is a 404.
        for code in [None, Some("abc".to_string()), Some(Token::generate().grouped())] {
            let mut pairs = vec![("handling", "aabn")];
            if let Some(code) = code.as_deref() {
                pairs.push(("kode", code));
            }
            let page = post(&anon, "vallensbaek", &pairs).await;
            assert_eq!(errors(&page).len(), 1, "{code:?}");
        }
        // Thisted's standard promises no contact through the website: no page.
        assert!(messages::write("thisted").is_none());
        assert!(messages::post(&anon, "thisted", &fields(&[("handling", "send")]), now()).await.is_none());
        // Markup that carries no script is kept as typed (and shown as text).
        let page = post(&anon, "vallensbaek", &[("handling", "send"), ("sted", PITSTOP), ("om", "mig-selv"), ("besked", "<b>fed</b> & <i>kursiv</i>")]).await;
        let WriteStep::Receipt { code: Some(code), .. } = page.step else { panic!("{:?}", page.step) };
        let read = post(&anon, "vallensbaek", &[("handling", "aabn"), ("kode", &code)]).await;
        let WriteStep::Thread { thread, .. } = read.step else { panic!() };
        assert_eq!(thread.messages[0].body, "<b>fed</b> & <i>kursiv</i>");
    }

    #[test]
    fn the_reminder_is_a_calendar_file_without_code_or_site() {
        let (name, body) = messages::calendar_post("vallensbaek", &fields(&[("handling", "kalender"), ("sted", PITSTOP), ("kode", "7KQ")]), now()).unwrap();
        assert_eq!(name, t::MSG_CALENDAR_FILE);
        assert!(body.starts_with("BEGIN:VCALENDAR") && body.contains(t::MSG_CALENDAR_EVENT));
        assert!(!body.contains("7KQ") && !body.to_lowercase().contains("pitstop"));
        assert!(messages::calendar_post("thisted", &fields(&[]), now()).is_none());
    }
}
