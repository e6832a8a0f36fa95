//! The anonymous store, the case store and the staff store are apart (SEL § 101a stk. 7), and
//! these tests fail if that breaks:
//!
//! 1. Schemas, read from the migrated files: no table or index in two stores; no column name in
//!    two stores except a short list of plain attributes; no id column or foreign key that points
//!    at another store's table; no personal-data column in the anonymous store, no anonymous-
//!    looking column in the case store, no staff credential outside the staff store.
//! 2. Raw files: after booking anonymously and filing an identified request with the same data
//!    directory, the case store's bytes (database, WAL, shared memory) hold no token, token hash or
//!    label, and the anonymous store's bytes hold no name, phone, e-mail or reference. Evaluation
//!    codes (issue 18) are in the anonymous store as keyed hashes only, and answers as counts: a
//!    free-text answer forged into the form reaches no file. Message bodies (issue 19), the one
//!    free text on the anonymous side, reach the files only sealed; a deleted thread leaves no
//!    trace in them (its code's hash and its label are gone from database and WAL alike).
//! 3. Code: the case store's methods need a `CaseKey`, which only `api::cases` can make (a
//!    compile-time boundary, proved by the `compile_fail` doctest on `CaseKey`); the sources are
//!    read to prove the anonymous side never names the case side and the other way round, and no
//!    function or SQL statement spans both.

use app::api::anonymous::logic::{book_page, book_post};
use app::api::anonymous::{BookPage, BookStep};
use app::api::cases::logic::{blank_request_page, submit_request};
use app::api::cases::RequestStep;
use app::domain::token::Token;
use app::store::{AnonStore, CaseStore, StaffStore, TableSchema, TokenSecret};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod common;

/// The three stores on the engine of the run (SQLite, or PostgreSQL with `RMP_TEST_ENGINE`).
async fn open_all() -> (tempfile::TempDir, AnonStore, CaseStore, StaffStore) {
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([7; 32])).await;
    let case = common::case_store(dir.path()).await;
    let staff = common::staff_store(dir.path()).await;
    (dir, anon, case, staff)
}

async fn schemas() -> (tempfile::TempDir, [(&'static str, Vec<TableSchema>); 3]) {
    let (dir, anon, case, staff) = open_all().await;
    let s = [("anonymous", anon.schema().await.unwrap()), ("case", case.schema().await.unwrap()), ("staff", staff.schema().await.unwrap())];
    (dir, s)
}

/// Words that name personal data or free text. A column in the anonymous store whose name
/// contains one of these (as a word part) fails the test.
const PERSONAL: &[&str] = &[
    "name", "navn", "phone", "telefon", "tlf", "mobile", "email", "mail", "cpr", "ssn", "birth", "address",
    "adresse", "street", "zip", "postnr", "ip", "user_agent", "useragent", "agent", "browser", "note", "notes",
    "comment", "kommentar", "remark", "text", "description", "message", "free", "plain_token", "token_plain",
    "reference", "contact",
];

fn words(column: &str) -> Vec<String> {
    column.to_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

fn looks_personal(column: &str) -> Option<&'static str> {
    let c = column.to_lowercase();
    PERSONAL.iter().copied().find(|p| if p.contains('_') { c.contains(p) } else { words(&c).iter().any(|w| w == p) })
}

/// Names in the case store (or the staff store) that would point at anonymous data.
fn looks_anonymous(name: &str) -> bool {
    let n = name.to_lowercase();
    ["token", "hmac", "anon", "label", "holder", "booking", "slot", "seat"].iter().any(|w| n.contains(w))
}

/// Names outside the staff store that would hold a staff credential or point at an account.
fn looks_like_staff_credential(name: &str) -> bool {
    let n = name.to_lowercase();
    ["password", "session", "csrf", "account", "cookie"].iter().any(|w| n.contains(w))
}

/// Column names that may appear in more than one store: plain attributes every table of its
/// kind has, which carry no value from another store. Anything else in two stores fails.
/// `kommune` and `site` hold ids from the content files (a municipality's slug, a treatment
/// site's id: the staff store scopes accounts by them), never a row of another store.
const SHARED_ATTRIBUTES: &[&str] = &["id", "kommune", "site", "status"];

#[test]
fn the_word_lists_catch_what_they_should() {
    // Guard the guards: these would all be breaches.
    for c in ["contact_name", "phone", "email", "cpr", "ip", "user_agent", "note", "free_text", "kommentar", "plain_token", "reference"] {
        assert!(looks_personal(c).is_some(), "{c}");
    }
    for c in ["token_hmac", "kommune", "talk_kind", "starts_at", "seat", "status", "outcome", "label", "site"] {
        assert!(looks_personal(c).is_none(), "{c}");
    }
    for n in ["token_hash", "anon_booking_id", "label", "holder_id", "slot"] {
        assert!(looks_anonymous(n), "{n}");
    }
    for n in ["reference", "contact_phone", "staff_user", "request_id"] {
        assert!(!looks_anonymous(n), "{n}");
    }
    for n in ["password_hash", "session_id", "staff_account_id", "csrf"] {
        assert!(looks_like_staff_credential(n), "{n}");
    }
    assert!(!looks_like_staff_credential("staff_user"));
}

#[tokio::test]
async fn no_table_index_or_file_is_shared() {
    let (dir, stores) = schemas().await;
    for (name, tables) in &stores {
        assert!(!tables.is_empty(), "{name} has tables after migration");
    }
    for (i, (a_name, a)) in stores.iter().enumerate() {
        for (b_name, b) in stores.iter().skip(i + 1) {
            for t in a {
                assert!(b.iter().all(|u| u.table != t.table), "table {} is in the {a_name} and the {b_name} store", t.table);
                for idx in &t.indexes {
                    assert!(b.iter().all(|u| !u.indexes.contains(idx)), "index {idx} is in the {a_name} and the {b_name} store");
                }
            }
        }
    }
    // On SQLite each store is a file of its own; on PostgreSQL a database of its own (the roles
    // test below shows no store's role reaches another's).
    let files = [AnonStore::FILE_NAME, CaseStore::FILE_NAME, StaffStore::FILE_NAME];
    for f in files {
        assert_eq!(dir.path().join(f).exists(), !common::on_postgres(), "{f}");
        assert_eq!(files.iter().filter(|g| **g == f).count(), 1, "{f} is one store's file");
    }
}

#[tokio::test]
async fn no_column_is_shared_except_plain_attributes() {
    let (_dir, stores) = schemas().await;
    let columns = |tables: &[TableSchema]| -> std::collections::BTreeSet<String> { tables.iter().flat_map(|t| t.columns.clone()).collect() };
    for (i, (a_name, a)) in stores.iter().enumerate() {
        for (b_name, b) in stores.iter().skip(i + 1) {
            let shared: Vec<String> = columns(a).intersection(&columns(b)).filter(|c| !SHARED_ATTRIBUTES.contains(&c.as_str())).cloned().collect();
            assert!(shared.is_empty(), "columns in both the {a_name} and the {b_name} store: {shared:?}");
        }
    }
}

#[tokio::test]
async fn no_id_or_foreign_key_points_at_another_store() {
    let (_dir, stores) = schemas().await;
    for (name, tables) in &stores {
        let own: Vec<&str> = tables.iter().map(|t| t.table.as_str()).collect();
        for t in tables {
            for target in &t.foreign_tables {
                assert!(own.contains(&target.as_str()), "{name}: {}.* refers to {target}, not a table of this store", t.table);
            }
            // An `x_id` column names one of this store's own tables, and none of another's.
            for c in t.columns.iter().filter(|c| c.ends_with("_id")) {
                let stem = c.trim_end_matches("_id");
                assert!(own.iter().any(|o| o.contains(stem)), "{name}: {}.{c} names no table of this store", t.table);
                for (other, other_tables) in stores.iter().filter(|(n, _)| n != name) {
                    assert!(other_tables.iter().all(|o| !o.table.contains(stem)), "{name}: {}.{c} could point into the {other} store", t.table);
                }
            }
        }
    }
}

/// Every table the anonymous store may have, and what it holds. A table not listed here fails
/// [`the_anonymous_store_has_only_the_listed_tables`]: a new one is added here, with what it holds,
/// only once it is shown to hold no personal data.
const ANONYMOUS_TABLES: &[(&str, &str)] = &[
    ("anon_holder", "a token's keyed hash (HMAC-SHA256 under the token secret), its municipality, purpose and talk count"),
    ("anon_booking", "a talk: its holder, random label, site, kind, time, seat, status and categorical outcome"),
    ("anon_opening_hours", "a site's weekly hours per kind of talk"),
    ("anon_extra_slot", "an extra time a site opened"),
    ("anon_monthly_count", "talks per month, site, kind, purpose, status and outcome: counts only"),
    ("eval_code", "an evaluation code's keyed hash (a key derived for codes), where and when it was handed out"),
    ("eval_issued_count", "codes handed out per month: counts only"),
    ("eval_response_count", "evaluations answered per month: counts only"),
    ("eval_answer_count", "closed answers per question per month: counts only"),
    ("msg_thread", "a message thread's code as a keyed hash (a key derived for message codes), its label, site, writer kind and days"),
    ("msg_message", "a message's sender kind, day and body, sealed under a key derived from the token secret"),
    (
        "anon_secret_check",
        "one row: the token secret's check value, HMAC-SHA256 of a fixed text under a key derived for it alone (issue 39); \
         never the secret or a key, nothing about anyone",
    ),
];

#[tokio::test]
async fn the_anonymous_store_has_only_the_listed_tables() {
    let (_dir, [(_, anon), _, _]) = schemas().await;
    let mut found: Vec<&str> = anon.iter().map(|t| t.table.as_str()).collect();
    let mut listed: Vec<&str> = ANONYMOUS_TABLES.iter().map(|(t, _)| *t).collect();
    found.sort();
    listed.sort();
    assert_eq!(found, listed, "the anonymous store's tables and ANONYMOUS_TABLES differ: list a new table with what it holds");
}

/// Issue 39: the check value reaches the store's files, and neither the token secret nor any key
/// derived from it does (a copy of the files confirms no token and reads no message).
#[tokio::test]
async fn the_secret_check_value_is_stored_and_the_secret_and_its_keys_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let postgres = if common::on_postgres() { Some(common::empty_postgres().await) } else { None };
    let raw_secret = [0x5a_u8, 0x17, 0xc3, 0x88, 0x01, 0xfe, 0x42, 0x99, 0x10, 0x2b, 0x7d, 0xe4, 0x66, 0x03, 0xb1, 0x58, 0xaa, 0x0c, 0x91, 0x3f, 0x27, 0xd5, 0x6e, 0x84, 0x1b, 0xc9, 0x70, 0x35, 0xef, 0x0a, 0x62, 0xbd];
    let secret = TokenSecret::from_bytes(raw_secret);
    let anon = match &postgres {
        Some(url) => AnonStore::connect(url, secret.clone()).await.unwrap(),
        None => AnonStore::open(dir.path(), secret.clone()).await.unwrap(),
    };
    let check = anon.secret_check();
    assert_eq!(check.verify().await.unwrap(), app::store::SecretVerdict::Recorded);
    let value = check.value();
    anon.close().await;
    let bytes = common::stored_bytes(dir.path(), AnonStore::FILE_NAME, postgres.as_deref()).await;
    assert!(find(&bytes, &value), "the scan sees the check value");
    let hex: String = raw_secret.iter().map(|b| format!("{b:02x}")).collect();
    assert!(!find(&bytes, &raw_secret) && !find(&bytes, hex.as_bytes()), "the token secret is in the store's files");
    for purpose in ["token secret check", "evaluation codes", "message codes", "message bodies", "rusmiddelportalen limits v1"] {
        assert!(!find(&bytes, &secret.derive(purpose)), "the key derived for {purpose:?} is in the store's files");
    }
}

#[tokio::test]
async fn anonymous_store_has_no_column_named_like_personal_data() {
    let (_dir, [(_, anon), _, _]) = schemas().await;
    let offending: Vec<String> = anon
        .iter()
        .flat_map(|t| t.columns.iter().filter_map(move |c| looks_personal(c).map(|w| format!("{}.{c} ({w})", t.table))))
        .collect();
    assert!(offending.is_empty(), "personal-data columns in the anonymous store: {offending:?}");
}

#[tokio::test]
async fn case_and_staff_stores_hold_no_token_or_anonymous_id() {
    let (_dir, [_, (_, case), (_, staff)]) = schemas().await;
    for t in case.iter().chain(&staff) {
        assert!(!looks_anonymous(&t.table), "table {}", t.table);
        for c in &t.columns {
            assert!(!looks_anonymous(c), "column {}.{c}", t.table);
        }
    }
}

#[tokio::test]
async fn staff_credentials_stay_in_the_staff_store() {
    let (_dir, [(_, anon), (_, case), _]) = schemas().await;
    for t in anon.iter().chain(&case) {
        for c in &t.columns {
            assert!(!looks_like_staff_credential(c), "column {}.{c}", t.table);
        }
    }
}

#[tokio::test]
async fn all_stores_run_wal_with_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let anon = AnonStore::open(dir.path(), TokenSecret::from_bytes([7; 32])).await.unwrap();
    let case = CaseStore::open(dir.path()).await.unwrap();
    for pragmas in [anon.pragmas().await.unwrap(), case.pragmas().await.unwrap()] {
        let (journal, fk, busy) = pragmas.expect("SQLite has pragmas");
        assert_eq!(journal.to_lowercase(), "wal");
        assert_eq!(fk, 1);
        assert!(busy >= 1000, "busy timeout {busy} ms");
    }
}

/// The schema as the separation tests compare it across engines: tables, and for each its
/// columns, named indexes and foreign tables, sorted.
fn logical(schema: Vec<TableSchema>) -> Vec<(String, Vec<String>, Vec<String>, Vec<String>)> {
    let mut out: Vec<_> = schema
        .into_iter()
        .map(|mut t| {
            t.columns.sort();
            t.indexes.sort();
            t.foreign_tables.sort();
            (t.table, t.columns, t.indexes, t.foreign_tables)
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn both_engines_migrate_to_the_same_logical_schema() {
    let dir = tempfile::tempdir().unwrap();
    let secret = || TokenSecret::from_bytes([7; 32]);
    let lite = [
        AnonStore::open(dir.path(), secret()).await.unwrap().schema().await.unwrap(),
        CaseStore::open(dir.path()).await.unwrap().schema().await.unwrap(),
        StaffStore::open(dir.path()).await.unwrap().schema().await.unwrap(),
    ];
    let pg = [
        AnonStore::connect(&common::empty_postgres().await, secret()).await.unwrap().schema().await.unwrap(),
        CaseStore::connect(&common::empty_postgres().await).await.unwrap().schema().await.unwrap(),
        StaffStore::connect(&common::empty_postgres().await).await.unwrap().schema().await.unwrap(),
    ];
    for ((store, lite), pg) in ["anonymous", "case", "staff"].into_iter().zip(lite).zip(pg) {
        let (lite, pg) = (logical(lite), logical(pg));
        assert!(!lite.is_empty());
        assert_eq!(lite, pg, "the {store} store: SQLite's migrations and PostgreSQL's give different schemas");
    }
}

#[tokio::test]
async fn reopening_runs_no_migration_twice() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let anon = AnonStore::open(dir.path(), TokenSecret::from_bytes([7; 32])).await.unwrap();
        let case = CaseStore::open(dir.path()).await.unwrap();
        let staff = StaffStore::open(dir.path()).await.unwrap();
        anon.close().await;
        case.close().await;
        staff.close().await;
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The raw files
// ---------------------------------------------------------------------------------------------

/// Every byte of a store: the database file, its write-ahead log (where recent commits live until
/// a checkpoint) and its shared-memory index.
fn raw(dir: &Path, file: &str) -> Vec<u8> {
    ["", "-wal", "-shm", "-journal"].iter().flat_map(|s| std::fs::read(dir.join(format!("{file}{s}"))).unwrap_or_default()).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Books the first free clarifying talk in `kommune` and returns (token, label).
async fn book_anonymously(anon: &AnonStore, kommune: &str) -> (String, String) {
    let page: BookPage = book_page(anon, kommune, Some("fremmoede"), BookStep::Choose { error: None }).await.unwrap();
    let time = page.days[0].slots[0].value.clone();
    let booked = book_post(anon, kommune, &form(&[("samtale", "fremmoede"), ("tid", &time), ("trin", "book")])).await.unwrap();
    let BookStep::Receipt { token, label, .. } = booked.step else { panic!("{:?}", booked.step) };
    (token, label)
}

#[tokio::test]
async fn the_case_store_files_hold_no_token_or_label_and_the_anonymous_files_no_identity() {
    let (dir, anon, case, staff) = open_all().await;
    // The same person, in the same data directory: two anonymous bookings, then a request.
    let mut anonymous = vec![book_anonymously(&anon, "odsherred").await, book_anonymously(&anon, "ishoj").await];
    anonymous.push(book_anonymously(&anon, "thisted").await);
    let skema = match blank_request_page(&case, "odsherred").unwrap().step {
        RequestStep::Form { skema, .. } => skema,
        _ => unreachable!(),
    };
    let (name, phone, email) = ("Birthe Kragelund", "28 91 73 46", "birthe.kragelund@example.dk");
    let filed = submit_request(
        &case,
        "odsherred",
        &form(&[("skema", &skema), ("navn", name), ("telefon", phone), ("email", email), ("rusmiddel", "begge"), ("samtykke", "ja")]),
    )
    .await
    .unwrap();
    let RequestStep::Receipt { reference, .. } = filed.step else { panic!("{:?}", filed.step) };

    let case_bytes = raw(dir.path(), CaseStore::FILE_NAME);
    let anon_bytes = raw(dir.path(), AnonStore::FILE_NAME);
    let staff_bytes = raw(dir.path(), StaffStore::FILE_NAME);
    // The scan sees what each store holds (else a passing test would prove nothing).
    assert!(find(&case_bytes, name.as_bytes()) && find(&case_bytes, reference.as_bytes()));
    for (token, label) in &anonymous {
        assert!(find(&anon_bytes, label.as_bytes()), "the anonymous store holds the label {label}");
        let parsed = Token::parse(token).unwrap();
        assert!(find(&anon_bytes, &anon.token_hmac(parsed.canonical())), "the anonymous store holds the token's HMAC");
    }

    for (token, label) in &anonymous {
        let parsed = Token::parse(token).unwrap();
        let hmac = anon.token_hmac(parsed.canonical());
        let lower = parsed.canonical().to_lowercase();
        let forms: [&[u8]; 5] = [token.as_bytes(), parsed.canonical().as_bytes(), lower.as_bytes(), &hmac, label.as_bytes()];
        for (what, bytes) in [("case", &case_bytes), ("staff", &staff_bytes)] {
            for f in forms {
                assert!(!find(bytes, f), "the {what} store's files hold a token, its hash or the label {label:?}");
            }
        }
        assert!(!find(&anon_bytes, token.as_bytes()) && !find(&anon_bytes, parsed.canonical().as_bytes()), "no plain token anywhere");
    }
    for (what, needle) in [("name", name), ("surname", "Kragelund"), ("phone", "28917346"), ("phone as typed", phone), ("e-mail", email), ("reference", &reference)] {
        assert!(!find(&anon_bytes, needle.as_bytes()), "the anonymous store's files hold the {what}");
        assert!(!find(&staff_bytes, needle.as_bytes()), "the staff store's files hold the {what}");
    }
    drop(staff);
}

/// Issue 18: evaluation codes reach the disk only as keyed hashes, in the anonymous store alone;
/// answers only as counts of closed answers. A free-text answer forged into the form is refused
/// and reaches no file.
#[tokio::test]
async fn evaluation_codes_are_hashes_and_answers_counts_in_the_anonymous_store_alone() {
    use app::api::evaluation::logic as evaluation;
    use app::domain::staff::{Role, StaffAccess};
    let (dir, anon, case, staff) = open_all().await;
    let e = anon.evaluations();
    let counsellor = StaffAccess { account_id: 1, username: "r".into(), role: Role::AnonymousCounsellor, kommune: "odsherred".into(), sites: vec!["rusmiddelteamet-odsherred".into()], csrf: "c".repeat(64) };
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap().with_timezone(&chrono::Utc);
    let made = evaluation::codes_post(&e, &counsellor, &form(&[("sted", "rusmiddelteamet-odsherred"), ("tidspunkt", "opfoelgning"), ("antal", "3")]), now).await.unwrap();
    let codes = made.made.unwrap().codes;
    let answer_at = chrono::DateTime::parse_from_rfc3339("2027-01-05T10:00:00+01:00").unwrap().with_timezone(&chrono::Utc);
    let free_text = "Jeg hedder Birthe og bor i Nykøbing";
    let forged = evaluation::post(&anon, "odsherred", &form(&[("kode", &codes[0]), ("handling", "send"), ("svar-forbrug-nu", free_text)]), answer_at).await.unwrap();
    assert!(matches!(forged.step, app::api::evaluation::EvaluationStep::Questions { error: Some(_), .. }), "{:?}", forged.step);
    let sent = evaluation::post(&anon, "odsherred", &form(&[("kode", &codes[0]), ("handling", "send"), ("svar-forbrug-nu", "mindre"), ("svar-kontakt", "nej")]), answer_at).await.unwrap();
    assert!(matches!(sent.step, app::api::evaluation::EvaluationStep::Thanks { .. }), "{:?}", sent.step);

    let anon_bytes = raw(dir.path(), AnonStore::FILE_NAME);
    let others = [("case", raw(dir.path(), CaseStore::FILE_NAME)), ("staff", raw(dir.path(), StaffStore::FILE_NAME))];
    for code in &codes {
        let parsed = Token::parse(code).unwrap();
        let hmac = e.code_hmac(&parsed);
        assert!(find(&anon_bytes, &hmac), "the anonymous store holds the code's keyed hash");
        assert_ne!(hmac, anon.token_hmac(parsed.canonical()), "a code's hash is not keyed like a token's");
        for plain in [code.as_bytes(), parsed.canonical().as_bytes()] {
            assert!(!find(&anon_bytes, plain), "no plain code in the anonymous store");
            for (what, bytes) in &others {
                assert!(!find(bytes, plain) && !find(bytes, &hmac), "the {what} store holds an evaluation code or its hash");
            }
        }
    }
    assert!(find(&anon_bytes, b"forbrug-nu") && find(&anon_bytes, b"mindre"), "the scan sees the counts");
    for needle in [free_text, "Birthe", "Nykøbing"] {
        assert!(!find(&anon_bytes, needle.as_bytes()), "the forged free text reached the anonymous store");
    }
    drop((case, staff));
}

/// Issue 19: a conversation's words are nowhere in any store's files, only their sealed form in
/// the anonymous store; deleting the thread, by its writer or by retention, takes its code's hash
/// and its label out of the database file and the write-ahead log.
#[tokio::test]
async fn message_bodies_reach_the_files_only_sealed_and_a_deleted_thread_leaves_them() {
    use app::domain::message::{MessageBody, Writer};
    use app::store::NewThread;
    let (dir, anon, case, staff) = open_all().await;
    let threads = anon.threads();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let asked = "Jeg hedder Birthe Kragelund, og min datter på 15 tager piller";
    let answered = "Kære spørger: ring til Pitstop på 20 69 28 33";
    let (code, kept) = (Token::generate(), Token::generate());
    let new = NewThread { kommune: "vallensbaek", site: "pitstop", writer: Writer::Relative };
    let label = threads.open_thread(&code, new, &MessageBody::parse(asked).unwrap(), day("2026-12-01")).await.unwrap();
    threads.reply(&["pitstop"], &label, &MessageBody::parse(answered).unwrap(), day("2026-12-02")).await.unwrap();
    let kept_label = threads.open_thread(&kept, new, &MessageBody::parse("Et andet spørgsmål om svampe").unwrap(), day("2026-10-01")).await.unwrap();
    assert_eq!(threads.read(&code).await.unwrap().unwrap().messages[1].body, answered, "the thread reads back");

    let anon_bytes = raw(dir.path(), AnonStore::FILE_NAME);
    let others = [("case", raw(dir.path(), CaseStore::FILE_NAME)), ("staff", raw(dir.path(), StaffStore::FILE_NAME))];
    for words in [asked, answered, "Birthe", "Kragelund", "datter", "20 69 28 33", "svampe"] {
        assert!(!find(&anon_bytes, words.as_bytes()), "the anonymous store's files hold {words:?} in plain");
        for (what, bytes) in &others {
            assert!(!find(bytes, words.as_bytes()), "the {what} store's files hold {words:?}");
        }
    }
    let hmac = threads.code_hmac(&code);
    assert!(find(&anon_bytes, &hmac) && find(&anon_bytes, label.as_bytes()), "the scan sees the thread's hash and label");
    assert!(!find(&anon_bytes, code.canonical().as_bytes()), "no plain code");

    // The writer deletes the thread; retention takes the other (last message 1 October, 30 days).
    assert!(threads.delete(&code).await.unwrap());
    assert_eq!(threads.purge(day("2026-12-02"), 30).await.unwrap(), 1);
    let anon_bytes = raw(dir.path(), AnonStore::FILE_NAME);
    for (what, gone) in [("hash", hmac.to_vec()), ("label", label.into_bytes()), ("kept's hash", threads.code_hmac(&kept).to_vec()), ("kept's label", kept_label.into_bytes())] {
        assert!(!find(&anon_bytes, &gone), "a deleted thread's {what} is still in the files");
    }
    drop((case, staff));
}

// ---------------------------------------------------------------------------------------------
// 3. The code
// ---------------------------------------------------------------------------------------------

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every Rust source file of the app and the server (not tests), as (path from the root, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    for d in ["app/src", "server/src", "server/examples"] {
        walk(&root().join(d), &mut files);
    }
    files.sort();
    let all: Vec<(String, String)> = files
        .into_iter()
        .map(|p| (p.strip_prefix(root()).unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    assert!(all.len() > 30, "the walk found the sources: {}", all.len());
    all
}

/// The source without `//` comments, so a comment that names the other side is no breach.
fn code(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The files that make up each side. A file here may not name anything of the other side.
const ANONYMOUS_SIDE: &[&str] = &[
    "app/src/api/anonymous.rs",
    "app/src/store/anon.rs",
    "app/src/pages/book.rs",
    "app/src/pages/relatives.rs",
    "app/src/pages/manage.rs",
    "app/src/components/booking.rs",
    "app/src/text/booking.rs",
    "app/src/domain/token.rs",
    "app/src/domain/label.rs",
    "app/src/domain/slots.rs",
    "server/src/anonymous_forms.rs",
    "server/src/throttle.rs",
    "app/src/api/evaluation.rs",
    "app/src/store/evaluation.rs",
    "app/src/store/secret_check.rs",
];
const CASE_SIDE: &[&str] = &[
    "app/src/api/cases.rs",
    "app/src/store/case.rs",
    "app/src/pages/request.rs",
    "app/src/pages/staff_cases.rs",
    "app/src/text/cases.rs",
    "app/src/domain/request.rs",
    "server/src/case_forms.rs",
];
/// Names of the anonymous side that the case side may not use, and the other way round.
const ANONYMOUS_NAMES: &[&str] = &["AnonStore", "TokenSecret", "token_hmac", "domain::token", "api::anonymous", "anon_holder", "anon_booking", "BookError", "SlotRef", "NewHolder", "stores.anon"];
const CASE_NAMES: &[&str] = &["CaseStore", "CaseKey", "api::cases", "domain::request", "treatment_request", "NewRequest", "StoredRequest", "stores.case"];

#[test]
fn each_side_never_names_the_other() {
    let all = sources();
    for side in [ANONYMOUS_SIDE, CASE_SIDE] {
        for f in side {
            assert!(all.iter().any(|(p, _)| p == f), "{f} exists (update the lists if it moved)");
        }
    }
    for (path, text) in &all {
        let code = code(text);
        let forbidden = if ANONYMOUS_SIDE.contains(&path.as_str()) {
            CASE_NAMES
        } else if CASE_SIDE.contains(&path.as_str()) {
            ANONYMOUS_NAMES
        } else {
            continue;
        };
        for name in forbidden {
            assert!(!code.contains(name), "{path} names {name}, from the other side");
        }
    }
}

#[test]
fn the_case_store_is_named_only_where_it_is_opened_or_used() {
    // Opened and handed over by the server; used by api::cases (the only maker of a CaseKey).
    const ALLOWED: &[&str] = &[
        "app/src/store/mod.rs",
        "app/src/store/case.rs",
        "app/src/api/cases.rs",
        "server/src/lib.rs",
        "server/src/main.rs",
        // Opens it on the engine the configuration names.
        "server/src/config.rs",
        "server/src/case_forms.rs",
    ];
    for (path, text) in sources() {
        let code = code(&text);
        if !ALLOWED.contains(&path.as_str()) {
            assert!(!code.contains("CaseStore"), "{path} names the case store");
        }
        if path != "app/src/api/cases.rs" {
            assert!(!code.contains("CaseKey(") && !code.contains("CaseKey {"), "{path} makes a CaseKey");
        }
    }
}

#[test]
fn no_function_or_statement_spans_both_stores() {
    for (path, text) in sources() {
        let code = code(&text);
        // A function whose signature takes both stores.
        for chunk in code.split("fn ").skip(1) {
            let signature = chunk.split('{').next().unwrap_or("");
            assert!(
                !(signature.contains("AnonStore") && signature.contains("CaseStore")),
                "{path}: fn {} takes both stores",
                signature.split('(').next().unwrap_or("")
            );
        }
        // SQL that names tables of both, or attaches another database file.
        assert!(!(code.contains("anon_") && code.contains("treatment_request")), "{path} has SQL for both stores");
        assert!(!code.to_uppercase().contains("ATTACH DATABASE") && !code.contains("ATTACH '"), "{path} attaches a database");
    }
}

/// On PostgreSQL each store has a database and a role of its own (README, "PostgreSQL"): the role
/// owns its database, and `CONNECT` is revoked from everyone else. Set up here as the README tells
/// a municipality to, then each role is shown to reach its own store and none of the others.
#[tokio::test]
async fn on_postgresql_each_stores_role_reaches_only_its_own_database() {
    use sqlx::Connection;
    let server = std::env::var("RMP_TEST_POSTGRES").expect("RMP_TEST_POSTGRES: scripts/test.sh starts PostgreSQL");
    let host = server.rsplit('@').next().unwrap().to_string();
    let suffix = format!("{:08x}", rand::random::<u32>());
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres")).await.unwrap();
    let stores = ["anon", "case", "staff"];
    for store in stores {
        let name = format!("rmp_{store}_{suffix}");
        for sql in [
            format!("CREATE ROLE {name} LOGIN"),
            format!("CREATE DATABASE {name} OWNER {name}"),
            format!("REVOKE CONNECT, TEMPORARY ON DATABASE {name} FROM PUBLIC"),
        ] {
            sqlx::query(&sql).execute(&mut admin).await.unwrap();
        }
    }
    let url = |role: &str, db: &str| format!("postgres://rmp_{role}_{suffix}@{host}/rmp_{db}_{suffix}");
    AnonStore::connect(&url("anon", "anon"), TokenSecret::from_bytes([7; 32])).await.expect("the anonymous store's role opens its own database");
    CaseStore::connect(&url("case", "case")).await.expect("the case store's role opens its own database");
    StaffStore::connect(&url("staff", "staff")).await.expect("the staff store's role opens its own database");
    for role in stores {
        for db in stores.iter().filter(|d| **d != role) {
            let refused = sqlx::PgConnection::connect(&url(role, db)).await.err().unwrap_or_else(|| panic!("{role}'s role reached the {db} database"));
            assert!(refused.to_string().contains("permission denied for database"), "{role} → {db}: {refused}");
        }
    }
}
