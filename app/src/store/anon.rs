//! The anonymous store (SEL § 101a). See `migrations/anon/` for what it may hold.

use super::sqlite::{self, StoreError, TableSchema};
use crate::domain::label::random_label;
use crate::domain::token::Token;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use std::collections::HashMap;
use subtle::ConstantTimeEq;
use sha2::Sha256;
use sqlx::sqlite::SqlitePool;
use std::path::Path;

/// The server secret that keys token hashes. Never logged, never shown.
#[derive(Clone)]
pub struct TokenSecret([u8; 32]);

impl TokenSecret {
    pub const LEN: usize = 32;

    pub fn from_bytes(bytes: [u8; 32]) -> TokenSecret {
        TokenSecret(bytes)
    }
}

impl std::fmt::Debug for TokenSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSecret(…)")
    }
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/anon");

/// Owns the anonymous store's connection pool and the token secret.
#[derive(Clone, Debug)]
pub struct AnonStore {
    pool: SqlitePool,
    secret: TokenSecret,
}

impl AnonStore {
    pub const FILE_NAME: &'static str = "anonymous.sqlite";

    /// Opens (creating if needed) `anonymous.sqlite` in `data_dir` and runs its migrations.
    pub async fn open(data_dir: &Path, secret: TokenSecret) -> Result<AnonStore, StoreError> {
        let pool = sqlite::open(&data_dir.join(Self::FILE_NAME), &MIGRATOR).await?;
        Ok(AnonStore { pool, secret })
    }

    /// HMAC-SHA256(secret, normalised token): the only form in which a token reaches the disk.
    /// A keyed hash, so a copy of the database alone cannot be used to test guessed tokens.
    pub fn token_hmac(&self, normalised_token: &str) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret.0).expect("HMAC takes any key length");
        mac.update(normalised_token.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Books one seat of a slot, atomically. With `new_holder` the token is new and its holder is
    /// created in the same transaction; otherwise the token must already exist (a relative's next
    /// talk). `max_talks` caps the holder's live (booked or held) talks.
    ///
    /// The store decides every race: the transaction takes SQLite's write lock at its start
    /// (`BEGIN IMMEDIATE`), the seat is chosen by one conditional insert, and a unique index on
    /// live seats backs it up.
    pub async fn book(&self, token: &Token, new_holder: Option<NewHolder<'_>>, slot: &SlotRef<'_>, max_talks: Option<u32>) -> Result<Booked, BookError> {
        let hmac = self.token_hmac(token.canonical());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(StoreError::from)?;
        let holder_id: i64 = match new_holder {
            Some(h) => {
                sqlx::query_scalar("INSERT INTO anon_holder (token_hmac, kommune, purpose, created_day) VALUES (?, ?, ?, date('now')) RETURNING id")
                    .bind(&hmac[..])
                    .bind(h.kommune)
                    .bind(h.purpose)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(StoreError::from)?
            }
            None => match find_holder(&mut tx, &hmac).await? {
                Some(id) => id,
                None => return Err(BookError::UnknownToken),
            },
        };
        if let Some(max) = max_talks {
            let used: i64 = sqlx::query_scalar("SELECT count(*) FROM anon_booking WHERE holder_id = ? AND status IN ('booked', 'held')")
                .bind(holder_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(StoreError::from)?;
            if used >= i64::from(max) {
                return Err(BookError::QuotaReached { used: used as u32, max });
            }
        }
        let booked = insert_seat(&mut tx, holder_id, slot).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(booked)
    }

    /// The live bookings a token holds, or `None` for a token the store does not know. The same
    /// work is done whether or not the token is known.
    pub async fn bookings(&self, token: &Token) -> Result<Option<Vec<BookingView>>, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut conn = self.pool.acquire().await?;
        let Some(holder_id) = find_holder(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
            "SELECT id, label, site, talk_kind, starts_at, status FROM anon_booking \
             WHERE holder_id = ? AND status <> 'cancelled' ORDER BY starts_at",
        )
        .bind(holder_id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(Some(rows.into_iter().filter_map(BookingView::from_row).collect()))
    }

    /// What a token holds: its municipality, its purpose and how many talks it has used
    /// (booked or held; cancelled ones do not count). `None` for a token the store does not know.
    pub async fn holder_talks(&self, token: &Token) -> Result<Option<HolderTalks>, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut conn = self.pool.acquire().await?;
        let Some(holder_id) = find_holder(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        let (kommune, purpose, used): (String, String, i64) = sqlx::query_as(
            "SELECT h.kommune, h.purpose,                (SELECT count(*) FROM anon_booking b WHERE b.holder_id = h.id AND b.status IN ('booked', 'held'))              FROM anon_holder h WHERE h.id = ?",
        )
        .bind(holder_id)
        .fetch_one(&mut *conn)
        .await?;
        Ok(Some(HolderTalks { kommune, purpose, used: used as u32 }))
    }

    /// Cancels one of the token's booked (not yet held) talks. `false` if there is none such.
    pub async fn cancel(&self, token: &Token, booking_id: i64) -> Result<bool, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some(holder_id) = find_holder(&mut tx, &hmac).await? else {
            return Ok(false);
        };
        let done = sqlx::query("UPDATE anon_booking SET status = 'cancelled' WHERE id = ? AND holder_id = ? AND status = 'booked'")
            .bind(booking_id)
            .bind(holder_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(done)
    }

    /// Moves one of the token's booked talks to another slot in one transaction: the old seat is
    /// freed and the new one taken, or nothing changes. The label stays the same.
    pub async fn move_booking(&self, token: &Token, booking_id: i64, to: &SlotRef<'_>) -> Result<Booked, BookError> {
        let hmac = self.token_hmac(token.canonical());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(StoreError::from)?;
        let holder_id = find_holder(&mut tx, &hmac).await?.ok_or(BookError::UnknownToken)?;
        let label: Option<String> = sqlx::query_scalar("SELECT label FROM anon_booking WHERE id = ? AND holder_id = ? AND status = 'booked'")
            .bind(booking_id)
            .bind(holder_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        let label = label.ok_or(BookError::NoSuchBooking)?;
        // Free the old seat first, so a move within the same slot works too. If the new seat
        // cannot be had, the transaction is rolled back and the old booking stands.
        sqlx::query("DELETE FROM anon_booking WHERE id = ?").bind(booking_id).execute(&mut *tx).await.map_err(StoreError::from)?;
        let booked = insert_seat_with_label(&mut tx, holder_id, to, &label).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(booked)
    }

    /// How many live bookings each start time of a site's kind of talk has.
    pub async fn booked_counts(&self, site: &str, talk_kind: &str) -> Result<HashMap<DateTime<Utc>, u32>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT starts_at, count(*) FROM anon_booking WHERE site = ? AND talk_kind = ? \
             AND status <> 'cancelled' AND starts_at >= ? GROUP BY starts_at",
        )
        .bind(site)
        .bind(talk_kind)
        .bind(to_db(Utc::now() - chrono::Duration::days(1)))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(|(t, n)| Some((from_db(&t)?, n as u32))).collect())
    }

    pub async fn schema(&self) -> Result<Vec<TableSchema>, StoreError> {
        sqlite::schema(&self.pool).await
    }

    pub async fn pragmas(&self) -> Result<(String, i64, i64), StoreError> {
        sqlite::pragmas(&self.pool).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Who a new token belongs to: its municipality and what it is for.
#[derive(Clone, Copy, Debug)]
pub struct NewHolder<'a> {
    pub kommune: &'a str,
    /// `clarifying`, `relative` or `counselling`.
    pub purpose: &'a str,
}

/// A token's municipality, purpose and number of talks used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolderTalks {
    pub kommune: String,
    pub purpose: String,
    pub used: u32,
}

/// A slot as the store sees it.
#[derive(Clone, Copy, Debug)]
pub struct SlotRef<'a> {
    pub site: &'a str,
    pub talk_kind: &'a str,
    pub starts_at: DateTime<Utc>,
    pub capacity: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booked {
    pub booking_id: i64,
    pub label: String,
    pub starts_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookingView {
    pub booking_id: i64,
    pub label: String,
    pub site: String,
    pub talk_kind: String,
    pub starts_at: DateTime<Utc>,
    pub status: String,
}

impl BookingView {
    fn from_row((booking_id, label, site, talk_kind, starts_at, status): (i64, String, String, String, String, String)) -> Option<BookingView> {
        Some(BookingView { booking_id, label, site, talk_kind, starts_at: from_db(&starts_at)?, status })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("every seat of the slot is taken")]
    Full,
    #[error("the token is not known")]
    UnknownToken,
    #[error("no such booked talk for this token")]
    NoSuchBooking,
    #[error("the holder has used {used} of {max} talks")]
    QuotaReached { used: u32, max: u32 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Instants are stored as RFC 3339 UTC text with second precision, so equal instants compare
/// equal as text (the unique live-seat index relies on it).
fn to_db(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn from_db(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// Finds the holder whose stored HMAC equals `hmac`. The lookup uses the index; the final
/// comparison is constant-time.
async fn find_holder(conn: &mut sqlx::SqliteConnection, hmac: &[u8; 32]) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64, Vec<u8>)> = sqlx::query_as("SELECT id, token_hmac FROM anon_holder WHERE token_hmac = ?")
        .bind(&hmac[..])
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|(id, stored)| bool::from(stored.as_slice().ct_eq(&hmac[..])).then_some(id)))
}

async fn insert_seat(conn: &mut sqlx::SqliteConnection, holder_id: i64, slot: &SlotRef<'_>) -> Result<Booked, BookError> {
    // A fresh random label; on the rare clash with an existing label, draw again.
    for _ in 0..8 {
        match insert_seat_with_label(conn, holder_id, slot, &random_label()).await {
            Err(BookError::Store(StoreError::Db(sqlx::Error::Database(e)))) if e.message().contains("anon_booking.label") => continue,
            other => return other,
        }
    }
    Err(BookError::Store(StoreError::Db(sqlx::Error::Protocol("no free label after 8 draws".into()))))
}

async fn insert_seat_with_label(conn: &mut sqlx::SqliteConnection, holder_id: i64, slot: &SlotRef<'_>, label: &str) -> Result<Booked, BookError> {
    let starts_at = to_db(slot.starts_at);
    let id: Option<i64> = sqlx::query_scalar(
        "WITH RECURSIVE seats(seat) AS (SELECT 0 UNION ALL SELECT seat + 1 FROM seats WHERE seat + 1 < ?) \
         INSERT INTO anon_booking (holder_id, label, site, talk_kind, starts_at, seat) \
         SELECT ?, ?, ?, ?, ?, seat FROM seats WHERE seat NOT IN \
           (SELECT seat FROM anon_booking WHERE site = ? AND talk_kind = ? AND starts_at = ? AND status <> 'cancelled') \
         ORDER BY seat LIMIT 1 RETURNING id",
    )
    .bind(i64::from(slot.capacity))
    .bind(holder_id)
    .bind(label)
    .bind(slot.site)
    .bind(slot.talk_kind)
    .bind(&starts_at)
    .bind(slot.site)
    .bind(slot.talk_kind)
    .bind(&starts_at)
    .fetch_optional(&mut *conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.message().contains("live_seat") => BookError::Full,
        _ => BookError::Store(StoreError::Db(e)),
    })?;
    if slot.capacity == 0 {
        return Err(BookError::Full);
    }
    let booking_id = id.ok_or(BookError::Full)?;
    sqlx::query("UPDATE anon_holder SET last_talk_day = date(?) WHERE id = ?")
        .bind(&starts_at)
        .bind(holder_id)
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from)?;
    Ok(Booked { booking_id, label: label.to_string(), starts_at: slot.starts_at })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn token_hash_is_keyed_by_the_secret() {
        let dir = tempfile::tempdir().unwrap();
        let a = AnonStore::open(dir.path(), TokenSecret::from_bytes([1; 32])).await.unwrap();
        let other = tempfile::tempdir().unwrap();
        let b = AnonStore::open(other.path(), TokenSecret::from_bytes([2; 32])).await.unwrap();
        assert_eq!(a.token_hmac("7KQF"), a.token_hmac("7KQF"));
        assert_ne!(a.token_hmac("7KQF"), a.token_hmac("7KQG"));
        assert_ne!(a.token_hmac("7KQF"), b.token_hmac("7KQF"), "another secret, another hash");
    }

    #[test]
    fn secret_is_not_printed() {
        let s = format!("{:?}", TokenSecret::from_bytes([0xAB; 32]));
        assert!(!s.contains("171") && !s.to_lowercase().contains("ab"), "{s}");
    }
}
