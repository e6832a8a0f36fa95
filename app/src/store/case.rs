//! The case store: identified requests for treatment (SEL § 101, SUL §§ 141–142). See
//! `migrations/case/` for what it holds.
//!
//! Every method that reads or writes a request takes a [`CaseKey`], which only `api::cases` can
//! make (its field is private to that module). So the compiler, not a convention, keeps the
//! anonymous API, the pages and the server's other handlers from reading or writing cases: they
//! can hold a `CaseStore` (the server opens it and hands it over) but cannot call into it.
//!
//! The key also carries its municipality: every query below adds `kommune = coalesce(?, kommune)`
//! bound to it, so a case worker's key cannot read, change or delete another municipality's
//! request; that request answers like one that does not exist. Only the retention purge's key
//! opens all municipalities.

use super::db::{self, Db, StoreError, TableSchema};
use crate::api::cases::CaseKey;
use crate::domain::request::{Reference, Status};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sqlx::Connection;
use std::path::Path;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/case");
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres/case");

/// How long a request is kept after it got a final status, unless `RMP_CASE_RETENTION_DAYS` says
/// otherwise. See the README ("Configuration") for why a year.
pub const DEFAULT_RETENTION_DAYS: u32 = 365;

/// Who the event history names for what the person did themselves, and for the retention purge.
/// Neither can be a staff username (those are a–z, 0–9, `.`, `-`, `_`).
pub const ACTOR_CITIZEN: &str = "(borger)";
pub const ACTOR_SYSTEM: &str = "(system)";

/// Owns the case store's connection pool.
#[derive(Clone, Debug)]
pub struct CaseStore {
    db: Db,
    retention_days: u32,
}

/// A new request, validated and normalised.
#[derive(Clone, Debug)]
pub struct NewRequest<'a> {
    pub kommune: &'a str,
    pub substance: &'a str,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub preferred_times: Option<&'a str>,
    pub received_at: DateTime<Utc>,
    /// The day the clock started and the guarantee's last day, where known at once.
    pub clock: Option<(NaiveDate, NaiveDate)>,
    pub form_nonce_sha256: [u8; 32],
}

/// What the receipt needs: the request as stored, and whether this call stored it (`false`: the
/// same form was posted before, and this is the first request).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filed {
    pub id: i64,
    pub reference: String,
    pub kommune: String,
    pub received_at: DateTime<Utc>,
    pub guarantee_until: Option<NaiveDate>,
    pub first: bool,
}

/// One request as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRequest {
    pub id: i64,
    pub reference: String,
    pub kommune: String,
    pub substance: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_times: Option<String>,
    pub status: Status,
    pub received_at: DateTime<Utc>,
    pub clock_started_on: Option<NaiveDate>,
    pub guarantee_until: Option<NaiveDate>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// One entry of a request's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    pub at: DateTime<Utc>,
    pub staff_user: String,
    /// `received`, `status:<from>><to>`, `clock:<YYYY-MM-DD>` or `exported`.
    pub change: String,
}

/// The result of a status change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChange {
    NoSuchRequest,
    Unchanged,
    Changed { from: Status },
}

type RequestRow = (i64, String, String, String, String, Option<String>, Option<String>, Option<String>, String, String, Option<String>, Option<String>, Option<String>);

const REQUEST_COLUMNS: &str = "id, reference, kommune, substance, contact_name, contact_phone, contact_email, preferred_times, \
     status, received_at, clock_started_on, guarantee_until, ended_at";

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn request_from_row(r: RequestRow) -> Option<StoredRequest> {
    Some(StoredRequest {
        id: r.0,
        reference: r.1,
        kommune: r.2,
        substance: r.3,
        name: r.4,
        phone: r.5,
        email: r.6,
        preferred_times: r.7,
        status: Status::from_slug(&r.8)?,
        received_at: parse_ts(&r.9)?,
        clock_started_on: r.10.as_deref().and_then(parse_day),
        guarantee_until: r.11.as_deref().and_then(parse_day),
        ended_at: r.12.as_deref().and_then(parse_ts),
    })
}

impl CaseStore {
    pub const FILE_NAME: &'static str = "cases.sqlite";

    /// Opens (creating if needed) `cases.sqlite` in `data_dir` and runs its migrations.
    pub async fn open(data_dir: &Path) -> Result<CaseStore, StoreError> {
        let db = db::open(&data_dir.join(Self::FILE_NAME), &MIGRATOR).await?;
        Ok(CaseStore { db, retention_days: DEFAULT_RETENTION_DAYS })
    }

    /// Connects to the case store's PostgreSQL database (`RMP_CASE_DATABASE_URL`) and runs its
    /// migrations.
    pub async fn connect(url: &str) -> Result<CaseStore, StoreError> {
        let db = db::connect(url, "the case database (RMP_CASE_DATABASE_URL)", &PG_MIGRATOR).await?;
        Ok(CaseStore { db, retention_days: DEFAULT_RETENTION_DAYS })
    }

    /// Sets how many days a request is kept after its final status (`RMP_CASE_RETENTION_DAYS`).
    pub fn with_retention_days(mut self, days: u32) -> CaseStore {
        self.retention_days = days;
        self
    }

    pub fn retention_days(&self) -> u32 {
        self.retention_days
    }

    pub async fn schema(&self) -> Result<Vec<TableSchema>, StoreError> {
        db::schema(&self.db).await
    }

    pub async fn pragmas(&self) -> Result<Option<(String, i64, i64)>, StoreError> {
        db::pragmas(&self.db).await
    }

    pub async fn close(&self) {
        self.db.pool.close().await;
    }

    /// Its connections now, in use and idle (the server's `/metrics`).
    pub fn pool_use(&self) -> db::PoolUse {
        db::PoolUse::of(&self.db.pool)
    }

    /// Whether the store answers now (the server's readiness check).
    pub async fn answers(&self) -> bool {
        db::answers(&self.db).await
    }

    /// Files a request, once per form: if a request with the same form nonce exists, that one is
    /// returned (`first: false`) and nothing is written. One transaction, holding SQLite's write
    /// lock from its start, so two posts of one form at the same instant still make one request.
    /// On PostgreSQL the unique index on the nonce refuses the second insert; its transaction is
    /// then run again and finds the first request.
    pub async fn file(&self, key: &CaseKey, new: &NewRequest<'_>) -> Result<Filed, StoreError> {
        match self.file_once(key, new).await {
            Err(StoreError::Db(sqlx::Error::Database(e))) if e.message().contains("form_nonce") || e.message().contains("one_per_form") => {
                self.file_once(key, new).await
            }
            other => other,
        }
    }

    async fn file_once(&self, key: &CaseKey, new: &NewRequest<'_>) -> Result<Filed, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let existing: Option<(i64, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT id, reference, kommune, received_at, guarantee_until FROM treatment_request WHERE form_nonce_sha256 = $1 AND kommune = coalesce($2, kommune)",
        )
        .bind(&new.form_nonce_sha256[..])
        .bind(key.kommune())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id, reference, kommune, received_at, until)) = existing {
            return Ok(Filed {
                id,
                reference,
                kommune,
                received_at: parse_ts(&received_at).unwrap_or(new.received_at),
                guarantee_until: until.as_deref().and_then(parse_day),
                first: false,
            });
        }
        if key.kommune().is_some_and(|k| k != new.kommune) {
            return Err(StoreError::OutOfScope);
        }
        let received_at = ts(new.received_at);
        let mut attempts = 0;
        let (id, reference) = loop {
            let reference = Reference::generate().display();
            // A savepoint, so a clash can be undone on PostgreSQL too and the next draw tried.
            let mut attempt = tx.begin().await?;
            let inserted = sqlx::query_scalar::<_, i64>(
                "INSERT INTO treatment_request (reference, kommune, substance, contact_name, contact_phone, contact_email, \
                 preferred_times, received_at, clock_started_on, guarantee_until, form_nonce_sha256) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(&reference)
            .bind(new.kommune)
            .bind(new.substance)
            .bind(new.name)
            .bind(new.phone)
            .bind(new.email)
            .bind(new.preferred_times)
            .bind(&received_at)
            .bind(new.clock.map(|(from, _)| from.to_string()))
            .bind(new.clock.map(|(_, until)| until.to_string()))
            .bind(&new.form_nonce_sha256[..])
            .fetch_one(&mut *attempt)
            .await;
            match inserted {
                Ok(id) => {
                    attempt.commit().await?;
                    break (id, reference);
                }
                // 482 million references: a clash is rare, and the next draw settles it.
                Err(sqlx::Error::Database(e)) if e.message().contains("reference") && attempts < 8 => {
                    attempt.rollback().await?;
                    attempts += 1
                }
                Err(e) => return Err(e.into()),
            }
        };
        sqlx::query("INSERT INTO treatment_request_event (request_id, at, staff_user, change) VALUES ($1, $2, $3, 'received')")
            .bind(id)
            .bind(&received_at)
            .bind(ACTOR_CITIZEN)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Filed {
            id,
            reference,
            kommune: new.kommune.to_string(),
            received_at: parse_ts(&received_at).unwrap_or(new.received_at),
            guarantee_until: new.clock.map(|(_, until)| until),
            first: true,
        })
    }

    /// Every request, oldest first.
    pub async fn requests(&self, key: &CaseKey) -> Result<Vec<StoredRequest>, StoreError> {
        let rows: Vec<RequestRow> =
            sqlx::query_as(&format!("SELECT {REQUEST_COLUMNS} FROM treatment_request WHERE kommune = coalesce($1, kommune) ORDER BY received_at, id"))
                .bind(key.kommune())
                .fetch_all(&self.db.pool)
            .await?;
        Ok(rows.into_iter().filter_map(request_from_row).collect())
    }

    /// One request with its history, oldest event first.
    pub async fn request(&self, key: &CaseKey, id: i64) -> Result<Option<(StoredRequest, Vec<StoredEvent>)>, StoreError> {
        let mut conn = self.db.pool.acquire().await?;
        let row: Option<RequestRow> = sqlx::query_as(&format!("SELECT {REQUEST_COLUMNS} FROM treatment_request WHERE id = $1 AND kommune = coalesce($2, kommune)"))
            .bind(id)
            .bind(key.kommune())
            .fetch_optional(&mut *conn)
            .await?;
        let Some(request) = row.and_then(request_from_row) else {
            return Ok(None);
        };
        let events: Vec<(String, String, String)> =
            sqlx::query_as("SELECT at, staff_user, change FROM treatment_request_event WHERE request_id = $1 ORDER BY at, id")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
        let events = events
            .into_iter()
            .filter_map(|(at, staff_user, change)| Some(StoredEvent { at: parse_ts(&at)?, staff_user, change }))
            .collect();
        Ok(Some((request, events)))
    }

    /// The id of the request with this reference (as displayed: `H-4K7-Q9M`).
    pub async fn id_by_reference(&self, key: &CaseKey, reference: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM treatment_request WHERE reference = $1 AND kommune = coalesce($2, kommune)")
            .bind(reference)
            .bind(key.kommune())
            .fetch_optional(&self.db.pool)
            .await?)
    }

    /// For each of the key's requests that has been marked as treatment started: when it first
    /// was (its history's first `status:…>treatment_started`). One statement for the
    /// guarantee figure, instead of one per request.
    pub async fn treatment_started_at(&self, key: &CaseKey) -> Result<Vec<(i64, DateTime<Utc>)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT e.request_id, min(e.at) FROM treatment_request_event e JOIN treatment_request r ON r.id = e.request_id \
             WHERE r.kommune = coalesce($1, r.kommune) AND e.change LIKE $2 GROUP BY e.request_id",
        )
        .bind(key.kommune())
        .bind(format!("status:%>{}", crate::domain::request::Status::TreatmentStarted.slug()))
        .fetch_all(&self.db.pool)
        .await?;
        Ok(rows.into_iter().filter_map(|(id, at)| Some((id, DateTime::parse_from_rfc3339(&at).ok()?.with_timezone(&Utc)))).collect())
    }

    /// Sets a request's status and records who did it and when. A final status starts the
    /// retention period (kept when moving between final statuses); any other clears it.
    pub async fn set_status(&self, key: &CaseKey, id: i64, to: Status, staff_user: &str, at: DateTime<Utc>) -> Result<StatusChange, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let current: Option<String> = sqlx::query_scalar("SELECT status FROM treatment_request WHERE id = $1 AND kommune = coalesce($2, kommune)")
            .bind(id)
            .bind(key.kommune())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(from) = current.as_deref().and_then(Status::from_slug) else {
            return Ok(StatusChange::NoSuchRequest);
        };
        if from == to {
            return Ok(StatusChange::Unchanged);
        }
        let at = ts(at);
        sqlx::query("UPDATE treatment_request SET status = $1, ended_at = CASE WHEN $2 THEN COALESCE(ended_at, $3) END WHERE id = $4")
            .bind(to.slug())
            .bind(to.is_final())
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_event(&mut tx, id, &at, staff_user, &format!("status:{}>{}", from.slug(), to.slug())).await?;
        tx.commit().await?;
        Ok(StatusChange::Changed { from })
    }

    /// Records the day the guarantee's clock started (attendance or application) and its last
    /// day. `false` if there is no such request.
    pub async fn set_clock(&self, key: &CaseKey, id: i64, from: NaiveDate, until: NaiveDate, staff_user: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let done = sqlx::query("UPDATE treatment_request SET clock_started_on = $1, guarantee_until = $2 WHERE id = $3 AND kommune = coalesce($4, kommune)")
            .bind(from.to_string())
            .bind(until.to_string())
            .bind(id)
            .bind(key.kommune())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if done {
            insert_event(&mut tx, id, &ts(at), staff_user, &format!("clock:{from}")).await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// Adds an entry to a request's history. `false` if there is no such request.
    pub async fn add_event(&self, key: &CaseKey, id: i64, staff_user: &str, change: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM treatment_request WHERE id = $1 AND kommune = coalesce($2, kommune)")
            .bind(id)
            .bind(key.kommune())
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            insert_event(&mut tx, id, &ts(at), staff_user, change).await?;
        }
        tx.commit().await?;
        Ok(exists.is_some())
    }

    /// Deletes one request and its history on the person's request. What stays is one line in
    /// `treatment_request_deletion` (when, by whom, why). `false` if there is no such request.
    pub async fn delete(&self, key: &CaseKey, id: i64, staff_user: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let done = sqlx::query("DELETE FROM treatment_request WHERE id = $1 AND kommune = coalesce($2, kommune)")
            .bind(id)
            .bind(key.kommune())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if done {
            record_deletion(&mut tx, &ts(at), staff_user, "on_request", 1).await?;
        }
        tx.commit().await?;
        if done {
            self.flush_deleted().await;
        }
        Ok(done)
    }

    /// Deletes every request whose final status is older than `cutoff`, with its history.
    pub async fn purge_ended_before(&self, key: &CaseKey, cutoff: DateTime<Utc>, at: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let n = sqlx::query(
            "DELETE FROM treatment_request WHERE ended_at IS NOT NULL AND ended_at < $1 AND status IN ('closed', 'chose_other_site') \
             AND kommune = coalesce($2, kommune)",
        )
        .bind(ts(cutoff))
        .bind(key.kommune())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            record_deletion(&mut tx, &ts(at), ACTOR_SYSTEM, "retention", n as i64).await?;
        }
        tx.commit().await?;
        if n > 0 {
            self.flush_deleted().await;
        }
        Ok(n)
    }

    /// After a deletion: copy the write-ahead log into the file and truncate it, so the deleted
    /// rows' old pages do not linger in `cases.sqlite-wal` (`secure_delete` has already zeroed
    /// them in the new pages). Best effort: a reader holding an old snapshot can delay it to the
    /// next deletion or the next automatic checkpoint.
    /// On PostgreSQL: `VACUUM FULL` the tables. A plain `VACUUM` frees a dead row's space but
    /// leaves its bytes in the page until something overwrites them; `VACUUM FULL` writes the live
    /// rows and their indexes into new files and removes the old ones. The tables are small, so
    /// the exclusive lock it takes lasts milliseconds. The bytes can still sit in the write-ahead
    /// log, in base backups and in the file system's freed blocks (README, "PostgreSQL").
    async fn flush_deleted(&self) {
        let sql = match self.db.engine {
            db::Engine::Sqlite => "PRAGMA wal_checkpoint(TRUNCATE)",
            db::Engine::Postgres => "VACUUM FULL treatment_request, treatment_request_event",
        };
        if let Err(e) = sqlx::raw_sql(sql).execute(&self.db.pool).await {
            tracing::warn!("flushing a deletion in the case store failed: {e}");
        }
    }
}

async fn insert_event(tx: &mut sqlx::AnyConnection, id: i64, at: &str, staff_user: &str, change: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO treatment_request_event (request_id, at, staff_user, change) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(at)
        .bind(staff_user)
        .bind(change)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

async fn record_deletion(tx: &mut sqlx::AnyConnection, at: &str, staff_user: &str, reason: &str, requests: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO treatment_request_deletion (at, staff_user, reason, requests) VALUES ($1, $2, $3, $4)")
        .bind(at)
        .bind(staff_user)
        .bind(reason)
        .bind(requests)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
