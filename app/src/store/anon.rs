//! The anonymous store (SEL § 101a). See `migrations/anon/` for what it may hold.

use super::db::{self, Db, StoreError, TableSchema};
use crate::domain::evaluation::{expires, Moment};
use crate::domain::label::random_label;
use crate::domain::period::Month;
use crate::domain::slots::{ExtraSlot, OpeningHours};
use crate::domain::staff::{TalkOutcome, TalkStatus};
use crate::domain::token::Token;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use std::collections::HashMap;
use subtle::ConstantTimeEq;
use sha2::Sha256;
use sqlx::Connection;
use std::path::Path;

/// The server secret that keys token hashes. Never logged, never shown.
#[derive(Clone)]
pub struct TokenSecret([u8; 32]);

impl TokenSecret {
    pub const LEN: usize = 32;

    pub fn from_bytes(bytes: [u8; 32]) -> TokenSecret {
        TokenSecret(bytes)
    }

    /// A key for another purpose (the shared limits' hashes), derived as HMAC-SHA256(secret,
    /// purpose): every instance derives the same one, it is kept in no database, and no key is
    /// used for two things.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl std::fmt::Debug for TokenSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSecret(…)")
    }
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/anon");
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres/anon");

/// Owns the anonymous store's connection pool and the token secret.
#[derive(Clone, Debug)]
pub struct AnonStore {
    db: Db,
    secret: TokenSecret,
}

impl AnonStore {
    pub const FILE_NAME: &'static str = "anonymous.sqlite";

    /// Opens (creating if needed) `anonymous.sqlite` in `data_dir` and runs its migrations.
    pub async fn open(data_dir: &Path, secret: TokenSecret) -> Result<AnonStore, StoreError> {
        let db = db::open(&data_dir.join(Self::FILE_NAME), &MIGRATOR).await?;
        Ok(AnonStore { db, secret })
    }

    /// Connects to the anonymous store's PostgreSQL database (`RMP_ANON_DATABASE_URL`) and runs
    /// its migrations.
    pub async fn connect(url: &str, secret: TokenSecret) -> Result<AnonStore, StoreError> {
        let db = db::connect(url, "the anonymous database (RMP_ANON_DATABASE_URL)", &PG_MIGRATOR).await?;
        Ok(AnonStore { db, secret })
    }

    /// The engine the store runs on.
    pub fn engine(&self) -> db::Engine {
        self.db.engine
    }

    /// The evaluation codes and answer counts (issue 18), in this store's database. Their codes
    /// are hashed with a key derived for them alone.
    pub fn evaluations(&self) -> super::evaluation::Evaluations {
        super::evaluation::Evaluations::new(self.db.clone(), self.secret.derive("evaluation codes"))
    }

    /// The anonymous message threads (issue 19), in this store's database. Their codes are hashed
    /// with a key derived for them alone (so a thread opened with a booking's code is not linked
    /// to the booking by its hash), and their bodies sealed with another derived key: both live
    /// only in memory, from the token secret kept outside the database.
    pub fn threads(&self) -> super::messages::Threads {
        super::messages::Threads::new(self.db.clone(), self.secret.derive("message codes"), self.secret.derive("message bodies"))
    }

    /// The token secret's check value (issue 39), in this store's database, made with a key
    /// derived for it alone: whether this instance's secret is the one the store's codes were
    /// hashed with.
    pub fn secret_check(&self) -> super::secret_check::SecretCheck {
        super::secret_check::SecretCheck::new(self.db.clone(), self.secret.derive(super::secret_check::KEY_PURPOSE))
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
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await.map_err(StoreError::from)?;
        let holder_id: i64 = match new_holder {
            Some(h) => {
                sqlx::query_scalar("INSERT INTO anon_holder (token_hmac, kommune, purpose, created_day) VALUES ($1, $2, $3, $4) RETURNING id")
                    .bind(&hmac[..])
                    .bind(h.kommune)
                    .bind(h.purpose)
                    .bind(crate::clock::today().format("%Y-%m-%d").to_string())
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
            if self.db.locks_rows() {
                // On PostgreSQL the holder's row is locked until commit, so two bookings on one
                // token count one after the other and cannot both take the last talk. The lock is
                // a statement of its own: in READ COMMITTED a statement reads the snapshot taken
                // when it began, so a count in the locking statement itself would miss the
                // booking that the transaction it waited for has just committed.
                sqlx::query("SELECT id FROM anon_holder WHERE id = $1 FOR UPDATE").bind(holder_id).execute(&mut *tx).await.map_err(StoreError::from)?;
            }
            let used: i64 = sqlx::query_scalar(
                "SELECT h.purged_talks + (SELECT count(*) FROM anon_booking b WHERE b.holder_id = h.id AND b.status IN ('booked', 'held')) \
                 FROM anon_holder h WHERE h.id = $1",
            )
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
        let mut conn = self.db.pool.acquire().await?;
        let Some(holder_id) = find_holder(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        let rows: Vec<BookingRow> = sqlx::query_as(&format!("{BOOKING_SELECT} WHERE b.holder_id = $1 AND b.status <> 'cancelled' ORDER BY b.starts_at"))
        .bind(holder_id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(Some(rows.into_iter().filter_map(BookingView::from_row).collect()))
    }

    /// What a token holds: its municipality, its purpose and how many talks it has used
    /// (booked or held; cancelled ones do not count). `None` for a token the store does not know.
    pub async fn holder_talks(&self, token: &Token) -> Result<Option<HolderTalks>, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut conn = self.db.pool.acquire().await?;
        let Some(holder_id) = find_holder(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        let (kommune, purpose, used): (String, String, i64) = sqlx::query_as(
            "SELECT h.kommune, h.purpose, h.purged_talks + \
             (SELECT count(*) FROM anon_booking b WHERE b.holder_id = h.id AND b.status IN ('booked', 'held')) \
             FROM anon_holder h WHERE h.id = $1",
        )
        .bind(holder_id)
        .fetch_one(&mut *conn)
        .await?;
        Ok(Some(HolderTalks { kommune, purpose, used: used as u32 }))
    }

    /// Cancels one of the token's booked (not yet held) talks. `false` if there is none such.
    pub async fn cancel(&self, token: &Token, booking_id: i64) -> Result<bool, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let Some(holder_id) = find_holder(&mut tx, &hmac).await? else {
            return Ok(false);
        };
        let done = sqlx::query("UPDATE anon_booking SET status = 'cancelled' WHERE id = $1 AND holder_id = $2 AND status = 'booked'")
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
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await.map_err(StoreError::from)?;
        let holder_id = find_holder(&mut tx, &hmac).await?.ok_or(BookError::UnknownToken)?;
        let label: Option<String> = sqlx::query_scalar("SELECT label FROM anon_booking WHERE id = $1 AND holder_id = $2 AND status = 'booked'")
            .bind(booking_id)
            .bind(holder_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        let label = label.ok_or(BookError::NoSuchBooking)?;
        // Free the old seat first, so a move within the same slot works too. If the new seat
        // cannot be had, the transaction is rolled back and the old booking stands.
        sqlx::query("DELETE FROM anon_booking WHERE id = $1").bind(booking_id).execute(&mut *tx).await.map_err(StoreError::from)?;
        let booked = insert_seat_with_label(&mut tx, holder_id, to, &label).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(booked)
    }

    /// How many live bookings each start time of a site's kind of talk has.
    pub async fn booked_counts(&self, site: &str, talk_kind: &str) -> Result<HashMap<DateTime<Utc>, u32>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT starts_at, count(*) FROM anon_booking WHERE site = $1 AND talk_kind = $2 \
             AND status <> 'cancelled' AND starts_at >= $3 GROUP BY starts_at",
        )
        .bind(site)
        .bind(talk_kind)
        .bind(to_db(crate::clock::now() - chrono::Duration::days(1)))
        .fetch_all(&self.db.pool)
        .await?;
        Ok(rows.into_iter().filter_map(|(t, n)| Some((from_db(&t)?, n as u32))).collect())
    }

    // ---- Opening hours (seeded from content, edited by admins) -------------------------------

    /// Stores the content file's hours for a site's kind of talk unless the store has some
    /// already: the content only seeds a new database. `reviewed` is false for example hours.
    pub async fn seed_opening_hours(&self, site: &str, talk_kind: &str, hours: &OpeningHours, reviewed: bool) -> Result<(), StoreError> {
        self.write_opening_hours(site, talk_kind, hours, reviewed, "DO NOTHING").await
    }

    /// Replaces the weekly rules, closed dates, notice and horizon (not the extra slots). Hours an
    /// admin saves are reviewed hours.
    pub async fn save_opening_hours(&self, site: &str, talk_kind: &str, hours: &OpeningHours) -> Result<(), StoreError> {
        self.write_opening_hours(
            site,
            talk_kind,
            hours,
            true,
            "DO UPDATE SET rules_json = excluded.rules_json, updated_day = excluded.updated_day, reviewed = 1",
        )
        .await
    }

    async fn write_opening_hours(&self, site: &str, talk_kind: &str, hours: &OpeningHours, reviewed: bool, on_conflict: &'static str) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO anon_opening_hours (site, talk_kind, rules_json, updated_day, reviewed) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (site, talk_kind) {on_conflict}"
        );
        let today = crate::clock::today().format("%Y-%m-%d").to_string();
        sqlx::query(&sql).bind(site).bind(talk_kind).bind(hours_json(hours)).bind(today).bind(i64::from(reviewed)).execute(&self.db.pool).await?;
        Ok(())
    }

    /// Whether a kind of talk's hours in the store are reviewed (the content's real hours, or
    /// saved by an admin); `seed_reviewed` where the store has none yet.
    pub async fn opening_hours_reviewed(&self, site: &str, talk_kind: &str, seed_reviewed: bool) -> Result<bool, StoreError> {
        let reviewed: Option<i64> = sqlx::query_scalar("SELECT reviewed FROM anon_opening_hours WHERE site = $1 AND talk_kind = $2")
            .bind(site)
            .bind(talk_kind)
            .fetch_optional(&self.db.pool)
            .await?;
        Ok(reviewed.map(|r| r == 1).unwrap_or(seed_reviewed))
    }

    /// The hours in force for a site's kind of talk with the extra slots merged in: the stored
    /// ones, or `seed` (the content file's) where the store has none yet.
    pub async fn opening_hours(&self, site: &str, talk_kind: &str, seed: &OpeningHours) -> Result<OpeningHours, StoreError> {
        let json: Option<String> = sqlx::query_scalar("SELECT rules_json FROM anon_opening_hours WHERE site = $1 AND talk_kind = $2")
            .bind(site)
            .bind(talk_kind)
            .fetch_optional(&self.db.pool)
            .await?;
        let mut hours = json.and_then(|j| serde_json::from_str::<OpeningHours>(&j).ok()).unwrap_or_else(|| seed.clone());
        hours.extra = self.extra_slots(site, talk_kind).await?.into_iter().map(|e| e.slot).collect();
        Ok(hours)
    }

    /// The extra slots of a site's kind of talk that have not yet started more than a day ago.
    pub async fn extra_slots(&self, site: &str, talk_kind: &str) -> Result<Vec<ExtraSlotView>, StoreError> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT id, starts_at, talk_minutes, capacity FROM anon_extra_slot WHERE site = $1 AND talk_kind = $2 AND starts_at >= $3 ORDER BY starts_at",
        )
        .bind(site)
        .bind(talk_kind)
        .bind(to_db(crate::clock::now() - chrono::Duration::days(1)))
        .fetch_all(&self.db.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, t, minutes, capacity)| {
                Some(ExtraSlotView { id, slot: ExtraSlot { starts_at: from_db(&t)?, talk_minutes: minutes as u32, capacity: capacity as u32 } })
            })
            .collect())
    }

    /// Opens one extra slot. `false` if the kind of talk already has an extra slot at that time.
    pub async fn add_extra_slot(&self, site: &str, talk_kind: &str, slot: &ExtraSlot) -> Result<bool, StoreError> {
        let done = sqlx::query("INSERT INTO anon_extra_slot (site, talk_kind, starts_at, talk_minutes, capacity) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
            .bind(site)
            .bind(talk_kind)
            .bind(to_db(slot.starts_at))
            .bind(i64::from(slot.talk_minutes))
            .bind(i64::from(slot.capacity))
            .execute(&self.db.pool)
            .await?
            .rows_affected();
        Ok(done == 1)
    }

    /// Removes an extra slot nobody has booked. A booked one stays (the person was promised it):
    /// cancel the booking first.
    pub async fn remove_extra_slot(&self, site: &str, id: i64) -> Result<RemoveSlot, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        // Only a slot of `site`: another site's slot is as unknown as one that does not exist.
        let row: Option<(String, String, String)> = sqlx::query_as("SELECT site, talk_kind, starts_at FROM anon_extra_slot WHERE id = $1 AND site = $2")
            .bind(id)
            .bind(site)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((site, kind, starts_at)) = row else { return Ok(RemoveSlot::NotFound) };
        let live: i64 = sqlx::query_scalar("SELECT count(*) FROM anon_booking WHERE site = $1 AND talk_kind = $2 AND starts_at = $3 AND status = 'booked'")
            .bind(&site)
            .bind(&kind)
            .bind(&starts_at)
            .fetch_one(&mut *tx)
            .await?;
        if live > 0 {
            return Ok(RemoveSlot::Booked);
        }
        sqlx::query("DELETE FROM anon_extra_slot WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(RemoveSlot::Removed)
    }

    // ---- The staff calendar -------------------------------------------------------------------

    /// The bookings of a site between two instants, by label: what a counsellor sees. Never the
    /// token, its hash or the holder.
    pub async fn calendar(&self, site: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<CalendarEntry>, StoreError> {
        let rows: Vec<(i64, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT id, label, talk_kind, starts_at, status, outcome FROM anon_booking \
             WHERE site = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, label",
        )
        .bind(site)
        .bind(to_db(from))
        .bind(to_db(to))
        .fetch_all(&self.db.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(booking_id, label, talk_kind, t, status, outcome)| {
                Some(CalendarEntry {
                    booking_id,
                    label,
                    talk_kind,
                    starts_at: from_db(&t)?,
                    status: TalkStatus::from_db(&status)?,
                    outcome: outcome.as_deref().and_then(TalkOutcome::from_db),
                })
            })
            .collect())
    }

    /// A counsellor records what became of a talk of `site`: held (with its outcome), no-show,
    /// cancelled, or back to booked (to undo a mistake). `false` if there is no such booking at
    /// the site. Undoing a cancellation fails with `Full` if the seat has been taken since.
    ///
    /// A talk of a holder whose municipality is in `evaluating` (its standard asks for talks to
    /// be evaluated) counts, while held or once evaluated, as one invitation to evaluate in
    /// `eval_issued_count`, in the same transaction: the talks' response rate adds up however
    /// often the status is changed.
    pub async fn set_status(&self, site: &str, booking_id: i64, status: TalkStatus, outcome: Option<TalkOutcome>, evaluating: &[&str]) -> Result<bool, BookError> {
        let outcome = if status == TalkStatus::Held { outcome } else { None };
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await.map_err(StoreError::from)?;
        if self.db.locks_rows() {
            // Two counsellors marking the same talk at once: the second waits, then reads the first's status.
            sqlx::query("SELECT id FROM anon_booking WHERE id = $1 FOR UPDATE").bind(booking_id).execute(&mut *tx).await.map_err(StoreError::from)?;
        }
        let before: Option<(String, i64, String, String)> = sqlx::query_as(
            "SELECT b.status, b.evaluated, b.starts_at, h.kommune FROM anon_booking b JOIN anon_holder h ON h.id = b.holder_id WHERE b.id = $1 AND b.site = $2",
        )
        .bind(booking_id)
        .bind(site)
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let Some((was, evaluated, starts_at, kommune)) = before else {
            return Ok(false);
        };
        let result = sqlx::query("UPDATE anon_booking SET status = $1, outcome = $2 WHERE id = $3 AND site = $4")
            .bind(status.db())
            .bind(outcome.map(TalkOutcome::db))
            .bind(booking_id)
            .bind(site)
            .execute(&mut *tx)
            .await;
        match result {
            Ok(r) if r.rows_affected() == 1 => {}
            Ok(_) => return Ok(false),
            Err(sqlx::Error::Database(d)) if d.message().contains("live_seat") => return Err(BookError::Full),
            Err(e) => return Err(BookError::Store(e.into())),
        }
        if evaluating.contains(&kommune.as_str()) {
            let counted = |held: bool| held || evaluated == 1;
            let (before, after) = (counted(was == TalkStatus::Held.db()), counted(status == TalkStatus::Held));
            if before != after {
                let month = talk_month(&starts_at).ok_or_else(|| StoreError::Db(sqlx::Error::Protocol(format!("a stored start that is no instant: {starts_at}"))))?;
                super::evaluation::count_held_talk(&mut tx, &kommune, site, &month.to_string(), if after { 1 } else { -1 }).await?;
            }
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(true)
    }

    // ---- Evaluating a talk (issue 18) -------------------------------------------------------

    /// The token's municipality and the talks it may still evaluate: held, not yet evaluated,
    /// and within `Moment::Talk`'s months after the talk's month (`domain::evaluation::expires`).
    /// `None` for a token the store does not know; the same work is done either way.
    pub async fn talks_to_evaluate(&self, token: &Token, now: Month) -> Result<Option<(String, Vec<BookingView>)>, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut conn = self.db.pool.acquire().await?;
        let Some(holder_id) = find_holder(&mut conn, &hmac).await? else {
            return Ok(None);
        };
        let kommune: String = sqlx::query_scalar("SELECT kommune FROM anon_holder WHERE id = $1").bind(holder_id).fetch_one(&mut *conn).await?;
        let rows: Vec<BookingRow> =
            sqlx::query_as(&format!("{BOOKING_SELECT} WHERE b.holder_id = $1 AND b.status = 'held' AND b.evaluated = 0 ORDER BY b.starts_at"))
        .bind(holder_id)
        .fetch_all(&mut *conn)
        .await?;
        let talks = rows.into_iter().filter_map(BookingView::from_row).filter(|b| talk_open(b.starts_at, now)).collect();
        Ok(Some((kommune, talks)))
    }

    /// Evaluates one of the token's held talks: marks it evaluated and adds the answers to the
    /// counts (moment `samtale`, the talk's month), in one transaction. `false` (and nothing
    /// counted) when the token, the talk or its time to evaluate is not there, or the talk is
    /// evaluated already: of two evaluations racing, exactly one counts (one conditional
    /// `UPDATE`, serialised by the store as a code's use is). The answers are `&'static`, as for
    /// [`super::Evaluations::answer`]: nothing typed reaches the counts.
    pub async fn evaluate_talk(&self, token: &Token, booking_id: i64, answers: &[(&'static str, &'static str)], now: Month) -> Result<bool, StoreError> {
        let hmac = self.token_hmac(token.canonical());
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let Some(holder_id) = find_holder(&mut tx, &hmac).await? else {
            return Ok(false);
        };
        let talk: Option<(String, String, String)> = sqlx::query_as(
            "SELECT h.kommune, b.site, b.starts_at FROM anon_booking b JOIN anon_holder h ON h.id = b.holder_id \
             WHERE b.id = $1 AND b.holder_id = $2 AND b.status = 'held' AND b.evaluated = 0",
        )
        .bind(booking_id)
        .bind(holder_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((kommune, site, starts_at)) = talk else {
            return Ok(false);
        };
        let Some(started) = from_db(&starts_at).filter(|t| talk_open(*t, now)) else {
            return Ok(false);
        };
        let used = sqlx::query("UPDATE anon_booking SET evaluated = 1 WHERE id = $1 AND holder_id = $2 AND status = 'held' AND evaluated = 0")
            .bind(booking_id)
            .bind(holder_id)
            .execute(&mut *tx)
            .await?;
        if used.rows_affected() != 1 {
            return Ok(false);
        }
        let month = Month::of_instant(started).to_string();
        let at = super::evaluation::Counted { kommune: &kommune, site: &site, moment: Moment::Talk.slug(), point: 0, month: &month };
        super::evaluation::count_response(&mut tx, at, answers).await?;
        tx.commit().await?;
        Ok(true)
    }

    // ---- Retention ----------------------------------------------------------------------------

    /// Deletes what retention no longer allows, in one transaction:
    /// - bookings whose talk started more than `booking_days` ago (counted first into the
    ///   monthly counts, and a holder's booked or held ones into its `purged_talks`);
    /// - holders (token hash and count) whose last talk is more than `holder_months` ago;
    /// - extra slots more than `booking_days` old.
    pub async fn purge(&self, now: DateTime<Utc>, booking_days: u32, holder_months: u32) -> Result<Purged, StoreError> {
        let cutoff = to_db(now - chrono::Duration::days(i64::from(booking_days)));
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let old: Vec<(i64, i64, String, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT b.id, b.holder_id, h.purpose, b.site, b.talk_kind, b.starts_at, b.status, b.outcome \
             FROM anon_booking b JOIN anon_holder h ON h.id = b.holder_id WHERE b.starts_at < $1",
        )
        .bind(&cutoff)
        .fetch_all(&mut *tx)
        .await?;
        let mut counts: HashMap<(String, String, String, String, String, String), i64> = HashMap::new();
        let mut per_holder: HashMap<i64, i64> = HashMap::new();
        for (_, holder, purpose, site, kind, starts_at, status, outcome) in &old {
            let month = talk_month(starts_at).map(|m| m.to_string()).unwrap_or_else(|| starts_at.chars().take(7).collect());
            *counts.entry((month, site.clone(), kind.clone(), purpose.clone(), status.clone(), outcome.clone().unwrap_or_default())).or_default() += 1;
            if status == "booked" || status == "held" {
                *per_holder.entry(*holder).or_default() += 1;
            }
        }
        for ((month, site, kind, purpose, status, outcome), n) in &counts {
            sqlx::query(
                "INSERT INTO anon_monthly_count (month, site, talk_kind, purpose, status, outcome, talks) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (month, site, talk_kind, purpose, status, outcome) DO UPDATE SET talks = anon_monthly_count.talks + excluded.talks",
            )
            .bind(month)
            .bind(site)
            .bind(kind)
            .bind(purpose)
            .bind(status)
            .bind(outcome)
            .bind(n)
            .execute(&mut *tx)
            .await?;
        }
        for (holder, n) in &per_holder {
            sqlx::query("UPDATE anon_holder SET purged_talks = purged_talks + $1 WHERE id = $2").bind(n).bind(holder).execute(&mut *tx).await?;
        }
        let bookings = sqlx::query("DELETE FROM anon_booking WHERE starts_at < $1").bind(&cutoff).execute(&mut *tx).await?.rows_affected();
        sqlx::query("DELETE FROM anon_extra_slot WHERE starts_at < $1").bind(&cutoff).execute(&mut *tx).await?;
        let holder_cutoff = holder_cutoff_day(now, holder_months);
        let holders = sqlx::query(
            "DELETE FROM anon_holder WHERE coalesce(last_talk_day, created_day) < $1 \
             AND NOT EXISTS (SELECT 1 FROM anon_booking b WHERE b.holder_id = anon_holder.id)",
        )
        .bind(&holder_cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        if self.db.engine == db::Engine::Postgres && bookings + holders > 0 {
            // The purged rows' bytes leave the table files now: `VACUUM FULL` rewrites the tables
            // and their indexes without them (a plain VACUUM leaves the bytes in the pages). Once
            // a day, on small tables, so bookings wait milliseconds for its lock (README, "PostgreSQL").
            if let Err(e) = sqlx::raw_sql("VACUUM FULL anon_booking, anon_holder, anon_extra_slot").execute(&self.db.pool).await {
                tracing::warn!("vacuum after the anonymous store's purge failed: {e}");
            }
        }
        Ok(Purged { bookings, holders })
    }

    /// What retention left: talks per month, site, kind, purpose, status and outcome.
    pub async fn monthly_counts(&self) -> Result<Vec<MonthlyCount>, StoreError> {
        let rows: Vec<(String, String, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT month, site, talk_kind, purpose, status, outcome, talks FROM anon_monthly_count ORDER BY month, site, talk_kind, purpose, status, outcome",
        )
        .fetch_all(&self.db.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(month, site, talk_kind, purpose, status, outcome, talks)| MonthlyCount { month, site, talk_kind, purpose, status, outcome, talks: talks as u64 })
            .collect())
    }

    /// How many holders (tokens) the store keeps; for tests and the purge report.
    pub async fn holder_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM anon_holder").fetch_one(&self.db.pool).await?)
    }

    pub async fn schema(&self) -> Result<Vec<TableSchema>, StoreError> {
        db::schema(&self.db).await
    }

    /// SQLite's pragmas in force (`None` on PostgreSQL).
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
    /// The talk's length where it was booked in a slot staff opened by hand (which has its own);
    /// `None` for a slot of the weekly hours.
    pub extra_minutes: Option<u32>,
}

/// A booking with the length of the extra slot it was booked in, if it was one.
const BOOKING_SELECT: &str = "SELECT b.id, b.label, b.site, b.talk_kind, b.starts_at, b.status, x.talk_minutes FROM anon_booking b \
     LEFT JOIN anon_extra_slot x ON x.site = b.site AND x.talk_kind = b.talk_kind AND x.starts_at = b.starts_at";

type BookingRow = (i64, String, String, String, String, String, Option<i64>);

impl BookingView {
    fn from_row((booking_id, label, site, talk_kind, starts_at, status, extra): BookingRow) -> Option<BookingView> {
        let extra_minutes = extra.and_then(|m| u32::try_from(m).ok());
        Some(BookingView { booking_id, label, site, talk_kind, starts_at: from_db(&starts_at)?, status, extra_minutes })
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

/// An extra slot with its id (to remove it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtraSlotView {
    pub id: i64,
    pub slot: ExtraSlot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoveSlot {
    Removed,
    /// Someone has booked it: cancel their booking first.
    Booked,
    NotFound,
}

/// One booking as the staff calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    pub booking_id: i64,
    pub label: String,
    pub talk_kind: String,
    pub starts_at: DateTime<Utc>,
    pub status: TalkStatus,
    pub outcome: Option<TalkOutcome>,
}

/// What retention deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Purged {
    pub bookings: u64,
    pub holders: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyCount {
    pub month: String,
    pub site: String,
    pub talk_kind: String,
    pub purpose: String,
    pub status: String,
    pub outcome: String,
    pub talks: u64,
}

impl TalkStatus {
    fn db(self) -> &'static str {
        match self {
            TalkStatus::Booked => "booked",
            TalkStatus::Held => "held",
            TalkStatus::NoShow => "no_show",
            TalkStatus::Cancelled => "cancelled",
        }
    }
    fn from_db(s: &str) -> Option<TalkStatus> {
        [TalkStatus::Booked, TalkStatus::Held, TalkStatus::NoShow, TalkStatus::Cancelled].into_iter().find(|t| t.db() == s)
    }
}

impl TalkOutcome {
    fn db(self) -> &'static str {
        match self {
            TalkOutcome::AdviceGiven => "advice_given",
            TalkOutcome::ReferredAnonymous101a => "referred_anonymous_101a",
            TalkOutcome::ReferredOtherTreatment => "referred_other_treatment",
            TalkOutcome::NoFurtherNeed => "no_further_need",
        }
    }
    fn from_db(s: &str) -> Option<TalkOutcome> {
        TalkOutcome::ALL.into_iter().find(|t| t.db() == s)
    }
}

fn hours_json(hours: &OpeningHours) -> String {
    let without_extra = OpeningHours { extra: Vec::new(), ..hours.clone() };
    serde_json::to_string(&without_extra).expect("opening hours serialise")
}

/// The first day (YYYY-MM-DD) a holder's last talk may fall on and still be kept.
fn holder_cutoff_day(now: DateTime<Utc>, months: u32) -> String {
    let today = now.with_timezone(&chrono_tz::Europe::Copenhagen).date_naive();
    today.checked_sub_months(chrono::Months::new(months)).unwrap_or(today).format("%Y-%m-%d").to_string()
}

/// Instants are stored as RFC 3339 UTC text with second precision, so equal instants compare
/// equal as text (the unique live-seat index relies on it).
fn to_db(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn from_db(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// The month (Copenhagen) of a stored start.
fn talk_month(starts_at: &str) -> Option<Month> {
    from_db(starts_at).map(Month::of_instant)
}

/// Whether a talk that started at `started` may still be evaluated in `now`: as long as a one-use
/// evaluation code handed out the same month would be valid.
fn talk_open(started: DateTime<Utc>, now: Month) -> bool {
    expires(Moment::Talk, &[], Month::of_instant(started)) >= now
}

/// Finds the holder whose stored HMAC equals `hmac`. The lookup uses the index; the final
/// comparison is constant-time.
async fn find_holder(conn: &mut sqlx::AnyConnection, hmac: &[u8; 32]) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64, Vec<u8>)> = sqlx::query_as("SELECT id, token_hmac FROM anon_holder WHERE token_hmac = $1")
        .bind(&hmac[..])
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|(id, stored)| bool::from(stored.as_slice().ct_eq(&hmac[..])).then_some(id)))
}

async fn insert_seat(conn: &mut sqlx::AnyConnection, holder_id: i64, slot: &SlotRef<'_>) -> Result<Booked, BookError> {
    // A fresh random label; on the rare clash with an existing label, draw again. Each try runs
    // in a savepoint: on PostgreSQL a failed statement ends the transaction unless it is undone
    // to a savepoint.
    for _ in 0..8 {
        let mut attempt = conn.begin().await.map_err(StoreError::from)?;
        match insert_seat_with_label(&mut attempt, holder_id, slot, &random_label()).await {
            Err(BookError::Store(StoreError::Db(sqlx::Error::Database(e)))) if e.message().contains("label") => {
                attempt.rollback().await.map_err(StoreError::from)?;
                continue;
            }
            Ok(booked) => {
                attempt.commit().await.map_err(StoreError::from)?;
                return Ok(booked);
            }
            Err(e) => return Err(e),
        }
    }
    Err(BookError::Store(StoreError::Db(sqlx::Error::Protocol("no free label after 8 draws".into()))))
}

/// On PostgreSQL, waits for any other transaction booking the same slot to end, so the seat
/// chosen below is free when it is inserted (the unique live-seat index backs it up). SQLite's
/// `BEGIN IMMEDIATE` already lets one writer in at a time.
async fn lock_slot(conn: &mut sqlx::AnyConnection, slot: &SlotRef<'_>, starts_at: &str) -> Result<(), StoreError> {
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(format!("{}|{}|{}", slot.site, slot.talk_kind, starts_at))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_seat_with_label(conn: &mut sqlx::AnyConnection, holder_id: i64, slot: &SlotRef<'_>, label: &str) -> Result<Booked, BookError> {
    let starts_at = to_db(slot.starts_at);
    lock_slot(conn, slot, &starts_at).await?;
    let id: Option<i64> = sqlx::query_scalar(
        "WITH RECURSIVE seats(seat) AS (SELECT 0 UNION ALL SELECT seat + 1 FROM seats WHERE seat + 1 < $1) \
         INSERT INTO anon_booking (holder_id, label, site, talk_kind, starts_at, seat) \
         SELECT $2, $3, $4, $5, $6, seat FROM seats WHERE seat NOT IN \
           (SELECT seat FROM anon_booking WHERE site = $7 AND talk_kind = $8 AND starts_at = $9 AND status <> 'cancelled') \
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
    // The talk's day (UTC, as stored), if it is later than the holder's last one.
    let day: String = starts_at.chars().take(10).collect();
    sqlx::query("UPDATE anon_holder SET last_talk_day = $1 WHERE id = $2 AND (last_talk_day IS NULL OR last_talk_day < $1)")
        .bind(&day)
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
