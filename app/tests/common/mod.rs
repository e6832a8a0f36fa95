#![allow(dead_code)] // each test binary uses its own part
//! Shared by the integration tests that book: the day they run on is an input.

/// The instant the server's clock is set to in the tests that book or list slots (a Monday
/// morning, as scripts/test.sh sets it for the end-to-end suite), so that no result depends on the
/// day the suite runs: opening hours, holidays and the booking horizon all count from it.
pub const TEST_CLOCK_START: &str = "2026-11-30T09:00:00+01:00";

/// Sets the clock once for this test binary (its own process). Call it before anything reads
/// the clock: every store helper here does.
pub fn set_the_clock() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let start = chrono::DateTime::parse_from_rfc3339(TEST_CLOCK_START).expect("an RFC 3339 instant").to_utc();
        app::clock::start_at(start).expect("nothing read the clock before the test set it");
    });
}

/// The engine the store tests run on: SQLite, or PostgreSQL when `RMP_TEST_ENGINE=postgres`
/// (scripts/test.sh runs the store and integration suites a second time so, on the cluster it
/// starts).
pub fn on_postgres() -> bool {
    match std::env::var("RMP_TEST_ENGINE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Ok("") | Err(_) => false,
        Ok(other) => panic!("RMP_TEST_ENGINE={other:?}: write sqlite or postgres"),
    }
}

/// A new, empty place on the test cluster (`RMP_TEST_POSTGRES`, started by scripts/postgres.sh):
/// the URL of a schema of its own in the tests' database. Fails, never skips, when no cluster runs.
pub async fn empty_postgres() -> String {
    use sqlx::Connection;
    let server = std::env::var("RMP_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!("RMP_TEST_POSTGRES is not set: this test needs PostgreSQL. scripts/test.sh starts one; by hand: source scripts/postgres.sh && pg_start")
    });
    // A schema, not a database: CREATE DATABASE copies the 7.5 MB template through the WAL, and
    // the 300 that tests/staff_scope.rs makes took 80 s of checkpoints; a schema takes a
    // millisecond. The stores' SQL names no schema, so `search_path` puts them in this one.
    let name = format!("t_{:016x}", rand::random::<u64>());
    let database = format!("{server}/{}", TEST_DATABASE);
    let mut admin = sqlx::PgConnection::connect(&database).await.expect("the test cluster answers");
    sqlx::query(&format!("CREATE SCHEMA {name}")).execute(&mut admin).await.unwrap();
    admin.close().await.unwrap();
    format!("{database}?options=-c%20search_path%3D{name}")
}

/// The database scripts/postgres.sh makes for the tests' schemas.
const TEST_DATABASE: &str = "rmp_tests";

/// The anonymous store for a test: in `dir` on SQLite, or in a schema of its own on PostgreSQL.
pub async fn anon_store(dir: &std::path::Path, secret: app::store::TokenSecret) -> app::store::AnonStore {
    if on_postgres() {
        app::store::AnonStore::connect(&empty_postgres().await, secret).await.unwrap()
    } else {
        app::store::AnonStore::open(dir, secret).await.unwrap()
    }
}

/// The case store for a test, on the engine of the run.
pub async fn case_store(dir: &std::path::Path) -> app::store::CaseStore {
    if on_postgres() {
        app::store::CaseStore::connect(&empty_postgres().await).await.unwrap()
    } else {
        app::store::CaseStore::open(dir).await.unwrap()
    }
}

/// The staff store for a test, on the engine of the run.
pub async fn staff_store(dir: &std::path::Path) -> app::store::StaffStore {
    if on_postgres() {
        app::store::StaffStore::connect(&empty_postgres().await).await.unwrap()
    } else {
        app::store::StaffStore::open(dir).await.unwrap()
    }
}

/// The raw bytes a store has written: on SQLite its file in `dir`, with the write-ahead log and
/// shared memory; on PostgreSQL (`postgres`, the URL of the store's schema) the files of every
/// table, index and TOAST table in that schema, after a checkpoint has written them out. For the
/// tests that scan for what must not be there, as an attacker with a copy of the files would.
pub async fn stored_bytes(dir: &std::path::Path, file: &str, postgres: Option<&str>) -> Vec<u8> {
    use sqlx::Connection;
    let Some(url) = postgres else {
        return ["", "-wal", "-shm"].iter().flat_map(|suffix| std::fs::read(dir.join(format!("{file}{suffix}"))).unwrap_or_default()).collect();
    };
    let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
    sqlx::query("CHECKPOINT").execute(&mut conn).await.unwrap();
    let files: Vec<Option<String>> = sqlx::query_scalar(
        "WITH own AS (SELECT oid, reltoastrelid FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'i')) \
         SELECT pg_relation_filepath(oid) FROM own \
         UNION SELECT pg_relation_filepath(reltoastrelid) FROM own WHERE reltoastrelid <> 0 \
         UNION SELECT pg_relation_filepath(i.indexrelid) FROM own JOIN pg_index i ON i.indrelid = own.reltoastrelid",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert!(files.len() > 2, "the schema has tables to scan: {files:?}");
    let mut bytes = Vec::new();
    for file in files.into_iter().flatten() {
        let content: Vec<u8> = sqlx::query_scalar("SELECT pg_read_binary_file($1)").bind(&file).fetch_one(&mut conn).await.unwrap();
        bytes.extend(content);
    }
    conn.close().await.unwrap();
    bytes
}
