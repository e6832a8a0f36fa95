//! How the stores open their SQLite file: WAL, foreign keys on, a busy timeout, and their own
//! migrations run at open. PostgreSQL later means another implementation of this module.

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {source}")]
    Open { path: String, source: sqlx::Error },
    #[error("migrating {path} failed: {source}")]
    Migrate { path: String, source: sqlx::migrate::MigrateError },
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// A write for another municipality than the key allows (a programming error, refused).
    #[error("refused: the record belongs to another municipality than the key's")]
    OutOfScope,
}

/// A table and its column names, for the separation tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSchema {
    pub table: String,
    pub columns: Vec<String>,
    pub indexes: Vec<String>,
    /// The tables this table's foreign keys point at.
    pub foreign_tables: Vec<String>,
}

pub(super) async fn open(path: &Path, migrator: &Migrator) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // NORMAL in WAL mode loses nothing on a process crash; only a power cut can lose the
        // last commits. A booking is confirmed only after its commit returned.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Deleted rows are overwritten with zeros, not left in free pages: a cancelled booking or
        // a case deleted on the person's request is gone from the file, not just unlinked.
        .pragma("secure_delete", "ON")
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
    migrator
        .run(&pool)
        .await
        .map_err(|source| StoreError::Migrate { path: path.display().to_string(), source })?;
    Ok(pool)
}

/// Writes a consistent snapshot of the database at `source` to the new file `target` with SQLite's
/// `VACUUM INTO`, while the portal goes on writing: it reads inside one read transaction, so a
/// booking committed before it began is in the copy and one committed after is not, never half.
/// The copy has no free pages, so nothing deleted before it lingers in it.
pub(super) async fn snapshot(source: &Path, target: &Path) -> Result<(), StoreError> {
    let open_error = |source_err| StoreError::Open { path: source.display().to_string(), source: source_err };
    let options = SqliteConnectOptions::new().filename(source).create_if_missing(false).busy_timeout(Duration::from_secs(30));
    let mut conn = sqlx::ConnectOptions::connect(&options).await.map_err(open_error)?;
    sqlx::query("VACUUM INTO ?").bind(target.to_string_lossy().into_owned()).execute(&mut conn).await?;
    sqlx::Connection::close(conn).await?;
    Ok(())
}

/// Whether the store's database answers a trivial query now: the server's readiness check.
pub(super) async fn answers(pool: &SqlitePool) -> bool {
    !pool.is_closed() && sqlx::query("SELECT 1").execute(pool).await.is_ok()
}

pub(super) async fn schema(pool: &SqlitePool) -> Result<Vec<TableSchema>, StoreError> {
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::new();
    for (table,) in tables {
        // table_xinfo also lists generated columns.
        let columns: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_xinfo(?) ORDER BY cid")
            .bind(&table)
            .fetch_all(pool)
            .await?;
        let indexes: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_index_list(?) ORDER BY name")
            .bind(&table)
            .fetch_all(pool)
            .await?;
        let foreign: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?) ORDER BY 1")
            .bind(&table)
            .fetch_all(pool)
            .await?;
        out.push(TableSchema {
            table,
            columns: columns.into_iter().map(|c| c.0).collect(),
            indexes: indexes.into_iter().map(|c| c.0).collect(),
            foreign_tables: foreign.into_iter().map(|c| c.0).collect(),
        });
    }
    Ok(out)
}

/// The pragmas in force on a connection, for tests: (journal_mode, foreign_keys, busy_timeout ms).
pub(super) async fn pragmas(pool: &SqlitePool) -> Result<(String, i64, i64), StoreError> {
    let mut conn = pool.acquire().await?;
    let (journal,): (String,) = sqlx::query_as("PRAGMA journal_mode").fetch_one(&mut *conn).await?;
    let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys").fetch_one(&mut *conn).await?;
    let (busy,): (i64,) = sqlx::query_as("PRAGMA busy_timeout").fetch_one(&mut *conn).await?;
    Ok((journal, fk, busy))
}
