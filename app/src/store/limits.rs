//! The limits' counters in PostgreSQL, shared by every instance behind the proxy, so a guesser
//! gets one budget however many instances answer. See `migrations/postgres/limits/` for what a
//! row holds (keyed hashes only, deleted when their window ends) and `server::throttle` for how
//! the limits use it.

use super::db::StoreError;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres/limits");

/// A connection pool to the limits database.
#[derive(Clone, Debug)]
pub struct LimitCounts {
    pool: PgPool,
}

/// One stored counter, as the tests read what the database holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCount {
    pub limit_name: String,
    pub key_hash: Vec<u8>,
    pub window_end: i64,
    pub used: i32,
}

impl LimitCounts {
    /// Connects to the database at `url` (`postgres://…`) and runs its migrations. The URL is
    /// never printed: it may carry a password.
    pub async fn connect(url: &str) -> Result<LimitCounts, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|source| StoreError::Open { path: "the limits database (RMP_LIMITS_DATABASE_URL)".to_string(), source })?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|source| StoreError::Migrate { path: "the limits database (RMP_LIMITS_DATABASE_URL)".to_string(), source })?;
        Ok(LimitCounts { pool })
    }

    /// Takes one unit of the budget `key_hash` has in `limit_name`'s window ending at `window_end`:
    /// `true` if one was left. One statement, so two instances taking at once cannot both get the
    /// last unit: the insert or the row lock of `ON CONFLICT DO UPDATE` orders them, and the
    /// update's condition refuses the one that comes second.
    pub async fn take(&self, limit_name: &str, key_hash: &[u8; 16], window_end: i64, per_window: u32) -> Result<bool, StoreError> {
        let row: Option<i32> = sqlx::query_scalar(
            "INSERT INTO limit_count (limit_name, key_hash, window_end, used) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (limit_name, key_hash) DO UPDATE SET used = limit_count.used + 1 \
             WHERE limit_count.used < $4 RETURNING used",
        )
        .bind(limit_name)
        .bind(&key_hash[..])
        .bind(window_end)
        .bind(i64::from(per_window))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Gives back a unit whose attempt did not count.
    pub async fn give_back(&self, limit_name: &str, key_hash: &[u8; 16]) -> Result<(), StoreError> {
        sqlx::query("UPDATE limit_count SET used = used - 1 WHERE limit_name = $1 AND key_hash = $2 AND used > 0")
            .bind(limit_name)
            .bind(&key_hash[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes every counter whose window ended at or before `now` (Unix seconds): how many.
    pub async fn forget_ended(&self, now: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM limit_count WHERE window_end <= $1").bind(now).execute(&self.pool).await?.rows_affected())
    }

    /// Its connections now, in use and idle (the server's `/metrics`).
    pub fn pool_use(&self) -> super::db::PoolUse {
        super::db::PoolUse::of(&self.pool)
    }

    /// Whether the database answers a trivial query now: part of the server's readiness.
    pub async fn answers(&self) -> bool {
        !self.pool.is_closed() && sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Every stored counter: for the tests that check what the database holds.
    pub async fn stored(&self) -> Result<Vec<StoredCount>, StoreError> {
        let rows: Vec<(String, Vec<u8>, i64, i32)> =
            sqlx::query_as("SELECT limit_name, key_hash, window_end, used FROM limit_count ORDER BY limit_name, key_hash").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(limit_name, key_hash, window_end, used)| StoredCount { limit_name, key_hash, window_end, used }).collect())
    }

    /// Every column of the limits table, for the separation tests.
    pub async fn columns(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'limit_count' ORDER BY ordinal_position")
            .fetch_all(&self.pool)
            .await?)
    }

    /// Closes the pool (a test's way to make the database stop answering).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
