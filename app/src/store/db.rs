//! How a store reaches its database: a SQLite file in the data directory (the default: a newcomer
//! needs nothing else installed), or a PostgreSQL database by URL (several instances behind a
//! proxy). Both through sqlx's `Any` driver, so each query is written once, with `$1…$N`
//! placeholders that both engines read; the few statements that differ ask [`Db::engine`].
//! Each engine has its own migrations, checked to give the same logical schema.

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::{AnyConnection, AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

/// Which database engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A store's connection pool and what it runs on.
#[derive(Clone, Debug)]
pub(super) struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
}

impl Db {
    /// How a transaction that writes begins. SQLite: `BEGIN IMMEDIATE` takes the file's write
    /// lock at once, so two transactions never both read and then both write. PostgreSQL: a plain
    /// `BEGIN` (read committed); the statements that decide a race lock their row (`FOR UPDATE`)
    /// or rest on a unique index.
    pub fn begin_write(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "BEGIN IMMEDIATE",
            Engine::Postgres => "BEGIN",
        }
    }

    /// Whether a transaction must lock the row a race is decided on (PostgreSQL) before it
    /// reads what depends on it. SQLite needs no row lock: `BEGIN IMMEDIATE` already holds the
    /// only write lock.
    pub fn locks_rows(&self) -> bool {
        self.engine == Engine::Postgres
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {source}")]
    Open { path: String, source: sqlx::Error },
    #[error("migrating {path} failed: {source}")]
    Migrate { path: String, source: sqlx::migrate::MigrateError },
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0} must be a postgres:// URL")]
    NotPostgres(String),
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

/// Installs the `Any` driver's engines, once per process.
fn install_drivers() {
    sqlx::any::install_default_drivers();
}

/// A SQLite path as a `sqlite://` URL (the `Any` driver connects by URL), `%`, `?` and `#` escaped.
fn sqlite_url(path: &Path) -> String {
    let path = path.to_string_lossy().replace('%', "%25").replace('?', "%3F").replace('#', "%23");
    format!("sqlite://{path}?mode=rwc")
}

/// Opens (creating if needed) the SQLite file at `path` and runs `migrator`: WAL, foreign keys
/// on, a busy timeout, and secure deletion, on every connection.
pub(super) async fn open(path: &Path, migrator: &Migrator) -> Result<Db, StoreError> {
    install_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(|conn: &mut AnyConnection, _| {
            Box::pin(async move {
                conn.execute(
                    // NORMAL in WAL mode loses nothing on a process crash; only a power cut can
                    // lose the last commits. A booking is confirmed only after its commit returned.
                    // secure_delete: deleted rows are overwritten with zeros, not left in free
                    // pages, so a cancelled booking or a case deleted on request is gone from the
                    // file, not just unlinked.
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA secure_delete = ON; PRAGMA busy_timeout = 5000;",
                )
                .await?;
                Ok(())
            })
        })
        .connect(&sqlite_url(path))
        .await
        .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
    migrator.run(&pool).await.map_err(|source| StoreError::Migrate { path: path.display().to_string(), source })?;
    Ok(Db { pool, engine: Engine::Sqlite })
}

/// Connects to the PostgreSQL database at `url` and runs `migrator`. `what` names the store in
/// errors; the URL is never printed, since it may carry a password.
pub(super) async fn connect(url: &str, what: &str, migrator: &Migrator) -> Result<Db, StoreError> {
    install_drivers();
    if !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(StoreError::NotPostgres(what.to_string()));
    }
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|source| StoreError::Open { path: what.to_string(), source })?;
    migrator.run(&pool).await.map_err(|source| StoreError::Migrate { path: what.to_string(), source })?;
    Ok(Db { pool, engine: Engine::Postgres })
}

/// Writes a consistent snapshot of the SQLite database at `source` to the new file `target` with
/// SQLite's `VACUUM INTO`, while the portal goes on writing: it reads inside one read transaction,
/// so a booking committed before it began is in the copy and one committed after is not, never
/// half. The copy has no free pages, so nothing deleted before it lingers in it.
pub(super) async fn snapshot(source: &Path, target: &Path) -> Result<(), StoreError> {
    use sqlx::sqlite::SqliteConnectOptions;
    let open_error = |source_err| StoreError::Open { path: source.display().to_string(), source: source_err };
    let options = SqliteConnectOptions::new().filename(source).create_if_missing(false).busy_timeout(Duration::from_secs(30));
    let mut conn = sqlx::ConnectOptions::connect(&options).await.map_err(open_error)?;
    sqlx::query("VACUUM INTO ?").bind(target.to_string_lossy().into_owned()).execute(&mut conn).await?;
    sqlx::Connection::close(conn).await?;
    Ok(())
}

/// Whether the store's database answers a trivial query now: the server's readiness check.
/// A connection pool's connections now: in use by a request, or open and idle (the server's
/// `/metrics`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolUse {
    pub in_use: u32,
    pub idle: u32,
}

impl PoolUse {
    pub(super) fn of<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> PoolUse {
        let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
        PoolUse { in_use: pool.size().saturating_sub(idle), idle }
    }
}

pub(super) async fn answers(db: &Db) -> bool {
    !db.pool.is_closed() && sqlx::query("SELECT 1").execute(&db.pool).await.is_ok()
}

/// Every table of the store with its columns, indexes and the tables its foreign keys point at,
/// as the catalog of either engine says: what the separation tests and the schema check read.
/// Indexes the engine makes for a primary key or a `UNIQUE` column itself are left out, since the
/// two engines name them differently.
pub(super) async fn schema(db: &Db) -> Result<Vec<TableSchema>, StoreError> {
    let (tables, columns, indexes, foreign) = match db.engine {
        Engine::Sqlite => (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
            // table_xinfo also lists generated columns.
            "SELECT name FROM pragma_table_xinfo($1) ORDER BY cid",
            "SELECT name FROM pragma_index_list($1) WHERE origin = 'c' ORDER BY name",
            "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1) ORDER BY 1",
        ),
        Engine::Postgres => (
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
             AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY 1",
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name = $1 ORDER BY ordinal_position",
            "SELECT i.relname::text FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
             WHERE t.relname = $1 AND t.relnamespace = current_schema()::regnamespace \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1",
            "SELECT DISTINCT f.relname::text FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
             JOIN pg_class f ON f.oid = c.confrelid WHERE c.contype = 'f' AND t.relname = $1 \
             AND t.relnamespace = current_schema()::regnamespace ORDER BY 1",
        ),
    };
    let tables: Vec<String> = sqlx::query_scalar(tables).fetch_all(&db.pool).await?;
    let mut out = Vec::new();
    for table in tables {
        let list = |sql: &'static str| {
            let table = table.clone();
            async move { sqlx::query_scalar::<_, String>(sql).bind(table).fetch_all(&db.pool).await }
        };
        out.push(TableSchema { columns: list(columns).await?, indexes: list(indexes).await?, foreign_tables: list(foreign).await?, table });
    }
    Ok(out)
}

/// The pragmas in force on a SQLite connection, for tests: (journal_mode, foreign_keys,
/// busy_timeout ms). `None` on PostgreSQL, which has no pragmas.
pub(super) async fn pragmas(db: &Db) -> Result<Option<(String, i64, i64)>, StoreError> {
    if db.engine != Engine::Sqlite {
        return Ok(None);
    }
    let mut conn = db.pool.acquire().await?;
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut *conn).await?;
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut *conn).await?;
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout").fetch_one(&mut *conn).await?;
    Ok(Some((journal, fk, busy)))
}
