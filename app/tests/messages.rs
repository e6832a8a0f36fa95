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
