//! Evaluation codes and answer counts, in the anonymous store's database (issue 18). See
//! `migrations/anon/0004_evaluation.sql` for what the tables may hold.

use super::db::{Db, StoreError};
use crate::domain::evaluation::{point_bit, Moment, Month};
use crate::domain::token::Token;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The evaluation tables of the anonymous store. Codes are hashed with a key of their own,
/// derived from the token secret, so a code's hash is never a booking token's.
#[derive(Clone, Debug)]
pub struct Evaluations {
    db: Db,
    key: [u8; 32],
}

/// A code as the store holds it: what it is for, never who has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldCode {
    pub kommune: String,
    pub site: String,
    pub moment: Moment,
    /// When it was handed out.
    pub month: Month,
    pub expires: Month,
    /// The follow-up points already answered (`domain::evaluation::point_bit`).
    pub used_points: i64,
}

/// Where codes are handed out.
#[derive(Clone, Copy, Debug)]
pub struct CodeScope<'a> {
    pub kommune: &'a str,
    pub site: &'a str,
    pub moment: Moment,
    pub month: Month,
    pub expires: Month,
}

/// One answered questionnaire: the point it answers for (0 for a one-use code) and each answered
/// question's answer. Both are `&'static`: a question id of the loaded content and an answer of
/// `domain::evaluation::AnswerSet`, so nothing a person typed can reach these tables.
#[derive(Clone, Debug)]
pub struct Answered<'a> {
    pub point: u32,
    pub answers: &'a [(&'static str, &'static str)],
    /// Delete the code once this point is used: the last point, or a one-use code.
    pub last_use: bool,
    /// The month the answer is given in: a code past its last month is not taken.
    pub now: Month,
}

/// Where one response is counted: the keys of `eval_response_count` and `eval_answer_count`.
pub(super) struct Counted<'a> {
    pub kommune: &'a str,
    pub site: &'a str,
    /// `Moment::slug`.
    pub moment: &'a str,
    pub point: u32,
    /// `YYYY-MM`: the month the code was handed out, or the talk was held.
    pub month: &'a str,
}

/// Adds one response and its answers to the counts, in the caller's transaction (which has just
/// used the code or marked the talk evaluated, so the two stand or fall together).
pub(super) async fn count_response(conn: &mut sqlx::AnyConnection, at: Counted<'_>, answers: &[(&'static str, &'static str)]) -> Result<(), StoreError> {
    let point = i64::from(at.point);
    sqlx::query(
        "INSERT INTO eval_response_count (kommune, site, moment, point, month, responses) VALUES ($1, $2, $3, $4, $5, 1) \
         ON CONFLICT (kommune, site, moment, point, month) DO UPDATE SET responses = eval_response_count.responses + 1",
    )
    .bind(at.kommune)
    .bind(at.site)
    .bind(at.moment)
    .bind(point)
    .bind(at.month)
    .execute(&mut *conn)
    .await?;
    for (question, answer) in answers {
        sqlx::query(
            "INSERT INTO eval_answer_count (kommune, site, moment, point, month, question, answer, answers) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) \
             ON CONFLICT (kommune, site, moment, point, month, question, answer) DO UPDATE SET answers = eval_answer_count.answers + 1",
        )
        .bind(at.kommune)
        .bind(at.site)
        .bind(at.moment)
        .bind(point)
        .bind(at.month)
        .bind(*question)
        .bind(*answer)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Counts a held talk as one invitation to evaluate it (`delta` 1), or takes it back (-1) when a
/// counsellor undoes "held", in the caller's transaction. Never below zero.
pub(super) async fn count_held_talk(conn: &mut sqlx::AnyConnection, kommune: &str, site: &str, month: &str, delta: i64) -> Result<(), StoreError> {
    let moment = Moment::Talk.slug();
    if delta > 0 {
        sqlx::query(
            "INSERT INTO eval_issued_count (kommune, site, moment, month, codes) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (kommune, site, moment, month) DO UPDATE SET codes = eval_issued_count.codes + excluded.codes",
        )
        .bind(kommune)
        .bind(site)
        .bind(moment)
        .bind(month)
        .bind(delta)
        .execute(&mut *conn)
        .await?;
    } else {
        sqlx::query("UPDATE eval_issued_count SET codes = codes + $5 WHERE kommune = $1 AND site = $2 AND moment = $3 AND month = $4 AND codes + $5 >= 0")
            .bind(kommune)
            .bind(site)
            .bind(moment)
            .bind(month)
            .bind(delta)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The counts for a municipality over a span of months, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tallies {
    /// (site, moment, month, codes handed out).
    pub issued: Vec<(String, Moment, Month, u64)>,
    /// (site, moment, point, month, questionnaires answered).
    pub responses: Vec<(String, Moment, u32, Month, u64)>,
    /// (site, moment, point, month, question, answer, count).
    pub answers: Vec<(String, Moment, u32, Month, String, String, u64)>,
}

impl Evaluations {
    pub(super) fn new(db: Db, key: [u8; 32]) -> Evaluations {
        Evaluations { db, key }
    }

    /// HMAC-SHA256(evaluation key, canonical code).
    pub fn code_hmac(&self, code: &Token) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(code.canonical().as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Makes `count` new codes for `scope` and counts them as handed out, in one transaction.
    /// The codes are returned to be shown once; only their hashes are kept.
    pub async fn hand_out(&self, scope: CodeScope<'_>, count: u32) -> Result<Vec<Token>, StoreError> {
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let mut codes = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let code = Token::generate();
            sqlx::query(
                "INSERT INTO eval_code (code_hmac, kommune, site, moment, month, expires_month, used_points) VALUES ($1, $2, $3, $4, $5, $6, 0)",
            )
            .bind(&self.code_hmac(&code)[..])
            .bind(scope.kommune)
            .bind(scope.site)
            .bind(scope.moment.slug())
            .bind(scope.month.to_string())
            .bind(scope.expires.to_string())
            .execute(&mut *tx)
            .await?;
            codes.push(code);
        }
        sqlx::query(
            "INSERT INTO eval_issued_count (kommune, site, moment, month, codes) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (kommune, site, moment, month) DO UPDATE SET codes = eval_issued_count.codes + excluded.codes",
        )
        .bind(scope.kommune)
        .bind(scope.site)
        .bind(scope.moment.slug())
        .bind(scope.month.to_string())
        .bind(i64::from(count))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// The code's record, if it is held. The same work is done whether or not it is.
    pub async fn find(&self, code: &Token) -> Result<Option<HeldCode>, StoreError> {
        let hmac = self.code_hmac(code);
        let row: Option<(Vec<u8>, String, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT code_hmac, kommune, site, moment, month, expires_month, used_points FROM eval_code WHERE code_hmac = $1",
        )
        .bind(&hmac[..])
        .fetch_optional(&self.db.pool)
        .await?;
        Ok(row.and_then(|(stored, kommune, site, moment, month, expires, used_points)| {
            if !bool::from(stored.as_slice().ct_eq(&hmac[..])) {
                return None;
            }
            Some(HeldCode { kommune, site, moment: Moment::from_slug(&moment)?, month: Month::parse(&month)?, expires: Month::parse(&expires)?, used_points })
        }))
    }

    /// Uses the code for `answered.point` and adds the answers to the counts, in one
    /// transaction. `false` (and nothing counted) when the code is unknown, expired, or already
    /// used for that point: of two uses racing, exactly one counts. The use is decided by one
    /// conditional statement on the code's row, which the store serialises (SQLite's write lock,
    /// PostgreSQL's row lock, after which the waiting statement sees the point used).
    pub async fn answer(&self, code: &Token, answered: &Answered<'_>) -> Result<bool, StoreError> {
        let hmac = self.code_hmac(code);
        let bit = point_bit(answered.point);
        let now = answered.now.to_string();
        let mut tx = self.db.pool.begin_with(self.db.begin_write()).await?;
        let row: Option<(String, String, String, String)> = sqlx::query_as("SELECT kommune, site, moment, month FROM eval_code WHERE code_hmac = $1")
            .bind(&hmac[..])
            .fetch_optional(&mut *tx)
            .await?;
        let Some((kommune, site, moment, month)) = row else {
            return Ok(false);
        };
        let used = if answered.last_use {
            sqlx::query("DELETE FROM eval_code WHERE code_hmac = $1 AND (used_points & $2) = 0 AND expires_month >= $3")
                .bind(&hmac[..])
                .bind(bit)
                .bind(&now)
                .execute(&mut *tx)
                .await?
        } else {
            sqlx::query("UPDATE eval_code SET used_points = used_points | $2 WHERE code_hmac = $1 AND (used_points & $2) = 0 AND expires_month >= $3")
                .bind(&hmac[..])
                .bind(bit)
                .bind(&now)
                .execute(&mut *tx)
                .await?
        };
        if used.rows_affected() != 1 {
            return Ok(false);
        }
        count_response(&mut tx, Counted { kommune: &kommune, site: &site, moment: &moment, point: answered.point, month: &month }, answered.answers).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The counts of `kommune` for codes handed out from `from` to `to` (both included).
    pub async fn tallies(&self, kommune: &str, from: Month, to: Month) -> Result<Tallies, StoreError> {
        let (from, to) = (from.to_string(), to.to_string());
        let issued: Vec<(String, String, String, i64)> =
            sqlx::query_as("SELECT site, moment, month, codes FROM eval_issued_count WHERE kommune = $1 AND month >= $2 AND month <= $3")
                .bind(kommune)
                .bind(&from)
                .bind(&to)
                .fetch_all(&self.db.pool)
                .await?;
        let responses: Vec<(String, String, i64, String, i64)> = sqlx::query_as(
            "SELECT site, moment, point, month, responses FROM eval_response_count WHERE kommune = $1 AND month >= $2 AND month <= $3",
        )
        .bind(kommune)
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.db.pool)
        .await?;
        let answers: Vec<(String, String, i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT site, moment, point, month, question, answer, answers FROM eval_answer_count WHERE kommune = $1 AND month >= $2 AND month <= $3",
        )
        .bind(kommune)
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.db.pool)
        .await?;
        let moment = |s: &str| Moment::from_slug(s);
        let month = |s: &str| Month::parse(s);
        Ok(Tallies {
            issued: issued.into_iter().filter_map(|(site, m, mo, n)| Some((site, moment(&m)?, month(&mo)?, n as u64))).collect(),
            responses: responses.into_iter().filter_map(|(site, m, p, mo, n)| Some((site, moment(&m)?, p as u32, month(&mo)?, n as u64))).collect(),
            answers: answers
                .into_iter()
                .filter_map(|(site, m, p, mo, q, a, n)| Some((site, moment(&m)?, p as u32, month(&mo)?, q, a, n as u64)))
                .collect(),
        })
    }

    /// Deletes the codes whose last month is before `now`: an unused code is kept no longer than
    /// it can be used. Returns how many went.
    pub async fn purge(&self, now: Month) -> Result<u64, StoreError> {
        let gone = sqlx::query("DELETE FROM eval_code WHERE expires_month < $1").bind(now.to_string()).execute(&self.db.pool).await?.rows_affected();
        Ok(gone)
    }

    /// How many codes are held (tests and the purge report).
    pub async fn codes_held(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM eval_code").fetch_one(&self.db.pool).await?)
    }
}
