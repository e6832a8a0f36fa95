//! Anonymous message threads, in the anonymous store's database (issue 19). See
//! `migrations/anon/0006_messages.sql` for what the tables may hold. The bodies are the only free
//! text on the anonymous side: they are sealed here, before any statement sees them, and opened
//! here, after; nothing else in the store takes or gives them.

use super::db::{self, Db, StoreError};
use crate::domain::label::random_label;
use crate::domain::message::{MessageBody, Sender, ThreadStatus, Writer, MAX_MESSAGES};
use crate::domain::token::Token;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::Connection;
use subtle::ConstantTimeEq;

const NONCE_LEN: usize = 24;

/// The message tables of the anonymous store, with their two keys: one for the codes' hashes and
/// one that seals the bodies, both derived from the token secret (never stored in a database).
#[derive(Clone)]
pub struct Threads {
    db: Db,
    code_key: [u8; 32],
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Threads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Threads(…)")
    }
}

/// What a new thread is for: never who writes.
#[derive(Clone, Copy, Debug)]
pub struct NewThread<'a> {
    pub kommune: &'a str,
    pub site: &'a str,
    pub writer: Writer,
}

/// One message as its reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMessage {
    pub sender: Sender,
    pub day: NaiveDate,
    pub body: String,
}

/// A thread, read with its code or by a counsellor of its site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadView {
    pub label: String,
    pub kommune: String,
    pub site: String,
    pub writer: Writer,
    pub status: ThreadStatus,
    pub opened: NaiveDate,
    pub last: NaiveDate,
    pub messages: Vec<StoredMessage>,
}

/// A line of the counsellors' inbox: no body, no code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadSummary {
    pub label: String,
    pub site: String,
    pub writer: Writer,
    pub status: ThreadStatus,
    pub opened: NaiveDate,
    pub last: NaiveDate,
    pub messages: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ThreadError {
    /// The code already has a thread: the person reads it instead.
    #[error("the code already has a thread")]
    CodeInUse,
    #[error("no thread for that code or label")]
    NotFound,
    #[error("the thread is closed")]
    Closed,
    #[error("the thread holds the most messages it may")]
    Full,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ThreadError {
    fn from(e: sqlx::Error) -> ThreadError {
        ThreadError::Store(StoreError::Db(e))
    }
}

/// A thread's row as read: its id and what the views show.
struct ThreadRow {
    id: Vec<u8>,
    label: String,
    kommune: String,
    site: String,
    writer: String,
    status: String,
    opened_day: String,
    last_day: String,
}

type RawRow = (Vec<u8>, String, String, String, String, String, String, String);

impl ThreadRow {
    fn from_raw((id, label, kommune, site, writer, status, opened_day, last_day): RawRow) -> ThreadRow {
        ThreadRow { id, label, kommune, site, writer, status, opened_day, last_day }
    }
}

impl Threads {
    pub(super) fn new(db: Db, code_key: [u8; 32], body_key: [u8; 32]) -> Threads {
        Threads { db, code_key, cipher: XChaCha20Poly1305::new(&body_key.into()) }
    }

    /// HMAC-SHA256(message code key, canonical code).
    pub fn code_hmac(&self, code: &Token) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.code_key).expect("HMAC takes any key length");
        mac.update(code.canonical().as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Seals a body for its place: nonce ‖ ciphertext ‖ tag, with the thread id and the message's
    /// number as associated data.
    fn seal(&self, thread: &[u8], seq: i64, body: &MessageBody) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        fill_random(&mut nonce);
        let aad = associated(thread, seq);
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: body.as_str().as_bytes(), aad: &aad })
            .expect("XChaCha20-Poly1305 seals any message shorter than 256 GiB");
        [nonce.as_slice(), &sealed].concat()
    }

    /// Opens a sealed body; `None` if it was not sealed for this place with this key.
    fn open(&self, thread: &[u8], seq: i64, sealed: &[u8]) -> Option<String> {
        if sealed.len() <= NONCE_LEN {
            return None;
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        let aad = associated(thread, seq);
        let plain = self.cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad: &aad }).ok()?;
        String::from_utf8(plain).ok()
    }

    /// Opens a thread for `code` with its first message, in one transaction; returns its label.
    /// `CodeInUse` when the code has a thread already.
    pub async fn open_thread(&self, code: &Token, new: NewThread<'_>, body: &MessageBody, today: NaiveDate) -> Result<String, ThreadError> {
        let hmac = self.code_hmac(code);
        let day = day_text(today);
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT 1 FROM msg_thread WHERE code_hmac = $1").bind(&hmac[..]).fetch_optional(&mut *tx).await?;
        if taken.is_some() {
            return Err(ThreadError::CodeInUse);
        }
        let mut id = [0u8; 16];
        fill_random(&mut id);
        // A fresh label; on the rare clash with a live thread's, draw again (in a savepoint, as a
        // failed statement would otherwise end a PostgreSQL transaction).
        let mut label = None;
        for _ in 0..8 {
            let candidate = random_label();
            let mut attempt = (&mut *tx).begin().await?;
            let inserted = sqlx::query(
                "INSERT INTO msg_thread (id, code_hmac, kommune, site, writer, label, status, opened_day, last_day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
            )
            .bind(&id[..])
            .bind(&hmac[..])
            .bind(new.kommune)
            .bind(new.site)
            .bind(new.writer.slug())
            .bind(&candidate)
            .bind(ThreadStatus::Waiting.slug())
            .bind(&day)
            .execute(&mut *attempt)
            .await;
            match inserted {
                Ok(_) => {
                    attempt.commit().await?;
                    label = Some(candidate);
                    break;
                }
                Err(sqlx::Error::Database(e)) if e.message().contains("label") => {
                    attempt.rollback().await?;
                }
                // Two openings with one code at once: the second finds the hash taken.
                Err(sqlx::Error::Database(e)) if e.message().contains("code_hmac") || e.is_unique_violation() => {
                    return Err(ThreadError::CodeInUse);
                }
                Err(e) => return Err(e.into()),
            }
        }
        let label = label.ok_or_else(|| StoreError::Db(sqlx::Error::Protocol("no free label after 8 draws".into())))?;
        insert_message(&mut tx, &id, 1, Sender::Writer, &day, &self.seal(&id, 1, body)).await?;
        tx.commit().await?;
        Ok(label)
    }

    /// The thread of `code`, opened; `None` for a code with none. The same work is done whether
    /// or not there is one.
    pub async fn read(&self, code: &Token) -> Result<Option<ThreadView>, StoreError> {
        let hmac = self.code_hmac(code);
        let mut conn = self.db.pool.acquire().await?;
        let Some(row) = thread_by_code(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        self.view(&mut conn, row).await
    }

    /// The person writes again. The thread waits for a counsellor once more.
    pub async fn write(&self, code: &Token, body: &MessageBody, today: NaiveDate) -> Result<(), ThreadError> {
        let hmac = self.code_hmac(code);
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let row = thread_by_code(&mut tx, &hmac).await?.ok_or(ThreadError::NotFound)?;
        self.append(&mut tx, &row.id, &row.status, Sender::Writer, body, today).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person deletes the whole thread at once. `false` when the code has none.
    pub async fn delete(&self, code: &Token) -> Result<bool, StoreError> {
        let hmac = self.code_hmac(code);
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let Some(row) = thread_by_code(&mut tx, &hmac).await? else {
            return Ok(false);
        };
        delete_thread(&mut tx, &row.id).await?;
        tx.commit().await?;
        self.scrub_files().await;
        Ok(true)
    }

    // ---- The counsellors' side: by label, within their sites -----------------------------------

    /// The threads of `sites`: waiting ones first, the longest waiting at the top; then answered,
    /// then closed, each by their last day. Within a day, by label (no finer order is kept).
    pub async fn inbox(&self, sites: &[&str]) -> Result<Vec<ThreadSummary>, StoreError> {
        let mut out = Vec::new();
        for site in sites {
            let rows: Vec<(String, String, String, String, String, String, i64)> = sqlx::query_as(
                "SELECT t.label, t.site, t.writer, t.status, t.opened_day, t.last_day, \
                 (SELECT count(*) FROM msg_message m WHERE m.thread_id = t.id) FROM msg_thread t WHERE t.site = $1",
            )
            .bind(*site)
            .fetch_all(&self.db.pool)
            .await?;
            out.extend(rows.into_iter().filter_map(|(label, site, writer, status, opened, last, n)| {
                Some(ThreadSummary {
                    label,
                    site,
                    writer: Writer::from_slug(&writer)?,
                    status: ThreadStatus::from_slug(&status)?,
                    opened: parse_day(&opened)?,
                    last: parse_day(&last)?,
                    messages: n as u32,
                })
            }));
        }
        out.sort_by(|a, b| (a.status, a.last, &a.label).cmp(&(b.status, b.last, &b.label)));
        Ok(out)
    }

    /// A thread of one of `sites`, by its label, opened for the counsellor.
    pub async fn thread(&self, sites: &[&str], label: &str) -> Result<Option<ThreadView>, StoreError> {
        let mut conn = self.db.pool.acquire().await?;
        let Some(row) = thread_by_label(&mut conn, sites, label).await? else {
            return Ok(None);
        };
        self.view(&mut conn, row).await
    }

    /// A counsellor of one of `sites` answers.
    pub async fn reply(&self, sites: &[&str], label: &str, body: &MessageBody, today: NaiveDate) -> Result<(), ThreadError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let row = thread_by_label(&mut tx, sites, label).await?.ok_or(ThreadError::NotFound)?;
        self.append(&mut tx, &row.id, &row.status, Sender::Counsellor, body, today).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A counsellor of one of `sites` closes a thread: it can still be read and deleted by its
    /// writer, and goes with retention as any other.
    pub async fn close(&self, sites: &[&str], label: &str) -> Result<bool, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let Some(row) = thread_by_label(&mut tx, sites, label).await? else {
            return Ok(false);
        };
        sqlx::query("UPDATE msg_thread SET status = $1 WHERE id = $2").bind(ThreadStatus::Closed.slug()).bind(&row.id[..]).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    // ---- Retention ----------------------------------------------------------------------------

    /// Deletes every thread whose last message is more than `days` days before `today`, with its
    /// messages. Returns how many threads went.
    pub async fn purge(&self, today: NaiveDate, days: u32) -> Result<u64, StoreError> {
        let cutoff = day_text(today - chrono::Duration::days(i64::from(days)));
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        sqlx::query("DELETE FROM msg_message WHERE thread_id IN (SELECT id FROM msg_thread WHERE last_day < $1)").bind(&cutoff).execute(&mut *tx).await?;
        let gone = sqlx::query("DELETE FROM msg_thread WHERE last_day < $1").bind(&cutoff).execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        if gone > 0 {
            self.scrub_files().await;
        }
        Ok(gone)
    }

    /// How many threads are held (tests and the purge report).
    pub async fn threads_held(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM msg_thread").fetch_one(&self.db.pool).await?)
    }

    /// Takes deleted bodies out of the files, not only out of the tables. PostgreSQL keeps a
    /// deleted row's bytes in the table's pages until the table is rewritten: `VACUUM FULL`
    /// rewrites both without them. SQLite's `secure_delete` zeroes the freed space in the database
    /// file, but the write-ahead log still holds the pages as they were until a checkpoint: a
    /// truncating checkpoint writes them back and empties the log.
    async fn scrub_files(&self) {
        let statement = match self.db.engine {
            db::Engine::Postgres => "VACUUM FULL msg_message, msg_thread",
            db::Engine::Sqlite => "PRAGMA wal_checkpoint(TRUNCATE)",
        };
        if let Err(e) = sqlx::raw_sql(statement).execute(&self.db.pool).await {
            // The next checkpoint or purge does it; the bodies are sealed meanwhile.
            tracing::warn!("scrubbing the files after deleting message threads failed: {e}");
        }
    }

    async fn view(&self, conn: &mut sqlx::AnyConnection, row: ThreadRow) -> Result<Option<ThreadView>, StoreError> {
        let ThreadRow { id, label, kommune, site, writer, status, opened_day, last_day } = row;
        let rows: Vec<(i64, String, String, Vec<u8>)> =
            sqlx::query_as("SELECT seq, sender, day, sealed FROM msg_message WHERE thread_id = $1 ORDER BY seq").bind(&id[..]).fetch_all(&mut *conn).await?;
        let mut messages = Vec::with_capacity(rows.len());
        for (seq, sender, day, sealed) in rows {
            // A body that does not open was not sealed here with this key: say so, never guess.
            let body = self.open(&id, seq, &sealed).ok_or_else(|| StoreError::Db(sqlx::Error::Protocol("a message body does not open with this key".into())))?;
            let (Some(sender), Some(day)) = (Sender::from_slug(&sender), parse_day(&day)) else { continue };
            messages.push(StoredMessage { sender, day, body });
        }
        let (Some(writer), Some(status), Some(opened), Some(last)) = (Writer::from_slug(&writer), ThreadStatus::from_slug(&status), parse_day(&opened_day), parse_day(&last_day)) else {
            return Ok(None);
        };
        Ok(Some(ThreadView { label, kommune, site, writer, status, opened, last, messages }))
    }

    /// Adds a message to a thread in the caller's transaction, and sets who is waiting.
    async fn append(&self, conn: &mut sqlx::AnyConnection, id: &[u8], status: &str, sender: Sender, body: &MessageBody, today: NaiveDate) -> Result<(), ThreadError> {
        if status == ThreadStatus::Closed.slug() {
            return Err(ThreadError::Closed);
        }
        let last: i64 = sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM msg_message WHERE thread_id = $1").bind(id).fetch_one(&mut *conn).await?;
        if last >= MAX_MESSAGES as i64 {
            return Err(ThreadError::Full);
        }
        let day = day_text(today);
        let seq = last + 1;
        insert_message(conn, id, seq, sender, &day, &self.seal(id, seq, body)).await?;
        let now_status = match sender {
            Sender::Writer => ThreadStatus::Waiting,
            Sender::Counsellor => ThreadStatus::Answered,
        };
        sqlx::query("UPDATE msg_thread SET status = $1, last_day = $2 WHERE id = $3").bind(now_status.slug()).bind(&day).bind(id).execute(&mut *conn).await?;
        Ok(())
    }
}

fn associated(thread: &[u8], seq: i64) -> Vec<u8> {
    [b"rusmiddelportalen message v1|".as_slice(), thread, &seq.to_be_bytes()].concat()
}

fn fill_random(bytes: &mut [u8]) {
    use rand::TryRngCore;
    rand::rngs::OsRng.try_fill_bytes(bytes).expect("the OS random source is available");
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

const THREAD_COLUMNS: &str = "id, label, kommune, site, writer, status, opened_day, last_day";

/// The thread whose stored hash equals `hmac`. The lookup uses the unique index; the final
/// comparison is constant-time.
async fn thread_by_code(conn: &mut sqlx::AnyConnection, hmac: &[u8; 32]) -> Result<Option<ThreadRow>, StoreError> {
    let row: Option<(Vec<u8>, RawRow)> = sqlx::query_as::<_, (Vec<u8>, Vec<u8>, String, String, String, String, String, String, String)>(&format!(
        "SELECT code_hmac, {THREAD_COLUMNS} FROM msg_thread WHERE code_hmac = $1"
    ))
    .bind(&hmac[..])
    .fetch_optional(&mut *conn)
    .await?
    .map(|(stored, id, label, kommune, site, writer, status, opened, last)| (stored, (id, label, kommune, site, writer, status, opened, last)));
    Ok(row.and_then(|(stored, raw)| bool::from(stored.as_slice().ct_eq(&hmac[..])).then(|| ThreadRow::from_raw(raw))))
}

/// The thread with `label`, if it belongs to one of `sites`: a label of another site is treated
/// as one that does not exist.
async fn thread_by_label(conn: &mut sqlx::AnyConnection, sites: &[&str], label: &str) -> Result<Option<ThreadRow>, StoreError> {
    let row: Option<RawRow> = sqlx::query_as(&format!("SELECT {THREAD_COLUMNS} FROM msg_thread WHERE label = $1")).bind(label).fetch_optional(&mut *conn).await?;
    Ok(row.map(ThreadRow::from_raw).filter(|r| sites.contains(&r.site.as_str())))
}

async fn insert_message(conn: &mut sqlx::AnyConnection, id: &[u8], seq: i64, sender: Sender, day: &str, sealed: &[u8]) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO msg_message (thread_id, seq, sender, day, sealed) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(seq)
        .bind(sender.slug())
        .bind(day)
        .bind(sealed)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn delete_thread(conn: &mut sqlx::AnyConnection, id: &[u8]) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM msg_message WHERE thread_id = $1").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM msg_thread WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threads(key: u8) -> Threads {
        // No database is touched by sealing; a pool is still needed to build the type.
        let pool = sqlx::any::AnyPoolOptions::new().connect_lazy("sqlite::memory:").expect("a lazy pool");
        Threads::new(Db { pool, engine: db::Engine::Sqlite }, [key; 32], [key; 32])
    }

    #[tokio::test]
    async fn a_body_opens_only_in_its_place_with_its_key() {
        sqlx::any::install_default_drivers();
        let t = threads(1);
        let body = MessageBody::parse("Kan man være anonym, hvis man er 17?").unwrap();
        let sealed = t.seal(b"thread-a", 1, &body);
        assert!(!sealed.windows(7).any(|w| w == b"anonym,"), "sealed, not plain");
        assert_eq!(t.open(b"thread-a", 1, &sealed).as_deref(), Some(body.as_str()));
        assert_eq!(t.open(b"thread-a", 2, &sealed), None, "moved to another place in the thread");
        assert_eq!(t.open(b"thread-b", 1, &sealed), None, "moved to another thread");
        assert_eq!(threads(2).open(b"thread-a", 1, &sealed), None, "another key");
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(t.open(b"thread-a", 1, &flipped), None, "changed");
        assert_ne!(t.seal(b"thread-a", 1, &body), sealed, "a fresh nonce each time");
    }
}
