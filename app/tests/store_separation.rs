//! The anonymous store and the case store are apart from the first line of SQL
//! (SEL § 101a stk. 7). These tests read the real schemas after all migrations.

use app::store::{AnonStore, CaseStore, TableSchema, TokenSecret};

async fn open_both() -> (tempfile::TempDir, AnonStore, CaseStore) {
    let dir = tempfile::tempdir().unwrap();
    let anon = AnonStore::open(dir.path(), TokenSecret::from_bytes([7; 32])).await.unwrap();
    let case = CaseStore::open(dir.path()).await.unwrap();
    (dir, anon, case)
}

/// Words that name personal data or free text. A column in the anonymous store whose name
/// contains one of these (as a word part) fails the test.
const PERSONAL: &[&str] = &[
    "name", "navn", "phone", "telefon", "tlf", "mobile", "email", "mail", "cpr", "ssn", "birth", "address",
    "adresse", "street", "zip", "postnr", "ip", "user_agent", "useragent", "agent", "browser", "note", "notes",
    "comment", "kommentar", "remark", "text", "description", "message", "free", "plain_token", "token_plain",
];

fn words(column: &str) -> Vec<String> {
    column.to_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

fn looks_personal(column: &str) -> Option<&'static str> {
    let c = column.to_lowercase();
    PERSONAL.iter().copied().find(|p| if p.contains('_') { c.contains(p) } else { words(&c).iter().any(|w| w == p) })
}

/// Names in the case store that would point at anonymous data.
fn looks_anonymous(name: &str) -> bool {
    let n = name.to_lowercase();
    ["token", "hmac", "anon", "label", "holder", "booking"].iter().any(|w| n.contains(w))
}

#[test]
fn the_word_lists_catch_what_they_should() {
    // Guard the guards: these would all be breaches.
    for c in ["contact_name", "phone", "email", "cpr", "ip", "user_agent", "note", "free_text", "kommentar", "plain_token"] {
        assert!(looks_personal(c).is_some(), "{c}");
    }
    for c in ["token_hmac", "kommune", "talk_kind", "starts_at", "seat", "status", "outcome", "label", "site"] {
        assert!(looks_personal(c).is_none(), "{c}");
    }
    for n in ["token_hash", "anon_booking_id", "label", "holder_id"] {
        assert!(looks_anonymous(n), "{n}");
    }
}

#[tokio::test]
async fn no_table_index_or_file_is_shared() {
    let (dir, anon, case) = open_both().await;
    let a = anon.schema().await.unwrap();
    let c = case.schema().await.unwrap();
    assert!(!a.is_empty() && !c.is_empty(), "both stores have tables after migration");
    for t in &a {
        assert!(c.iter().all(|u| u.table != t.table), "table {} is in both stores", t.table);
        for i in &t.indexes {
            assert!(c.iter().all(|u| !u.indexes.contains(i)), "index {i} is in both stores");
        }
    }
    assert_ne!(AnonStore::FILE_NAME, CaseStore::FILE_NAME);
    assert!(dir.path().join(AnonStore::FILE_NAME).exists());
    assert!(dir.path().join(CaseStore::FILE_NAME).exists());
}

#[tokio::test]
async fn anonymous_store_has_no_column_named_like_personal_data() {
    let (_dir, anon, _case) = open_both().await;
    let offending: Vec<String> = anon
        .schema()
        .await
        .unwrap()
        .iter()
        .flat_map(|t: &TableSchema| {
            t.columns.iter().filter_map(move |c| looks_personal(c).map(|w| format!("{}.{c} ({w})", t.table)))
        })
        .collect();
    assert!(offending.is_empty(), "personal-data columns in the anonymous store: {offending:?}");
}

#[tokio::test]
async fn case_store_holds_no_token_or_anonymous_id() {
    let (_dir, _anon, case) = open_both().await;
    for t in case.schema().await.unwrap() {
        assert!(!looks_anonymous(&t.table), "case store table {}", t.table);
        for c in &t.columns {
            assert!(!looks_anonymous(c), "case store column {}.{c}", t.table);
        }
    }
}

#[tokio::test]
async fn both_stores_run_wal_with_foreign_keys_and_a_busy_timeout() {
    let (_dir, anon, case) = open_both().await;
    for (journal, fk, busy) in [anon.pragmas().await.unwrap(), case.pragmas().await.unwrap()] {
        assert_eq!(journal.to_lowercase(), "wal");
        assert_eq!(fk, 1);
        assert!(busy >= 1000, "busy timeout {busy} ms");
    }
}

#[tokio::test]
async fn reopening_runs_no_migration_twice() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let anon = AnonStore::open(dir.path(), TokenSecret::from_bytes([7; 32])).await.unwrap();
        let case = CaseStore::open(dir.path()).await.unwrap();
        anon.close().await;
        case.close().await;
    }
}
