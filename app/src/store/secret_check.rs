//! The token secret's check value, in the anonymous store's database (issue 39). See
//! `migrations/anon/0007_secret_check.sql` for what the table may hold: one row, a keyed hash of
//! a fixed text, never the secret and nothing about anyone.
//!
//! An instance compares it with its own secret at start: on another secret than the one the
//! store's codes were hashed with, every code would be "not found" and every sealed message
//! unreadable, so the server refuses to start instead (`server/src/config.rs`).

use super::db::{Db, StoreError};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// What `TokenSecret::derive` is given for the check value's key: that key keys nothing else.
pub(super) const KEY_PURPOSE: &str = "token secret check";
/// The fixed text whose keyed hash is the check value.
const CHECKED_TEXT: &[u8] = b"rusmiddelportalen token secret check v1";

/// The anonymous store's check value, as seen by an instance with one secret.
#[derive(Clone, Debug)]
pub struct SecretCheck {
    db: Db,
    /// HMAC-SHA256(derived key, fixed text): what this instance's secret makes.
    value: [u8; 32],
}

/// How the store's check value compares with this instance's secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretVerdict {
    /// The store holds this secret's check value.
    Matches,
    /// The store held none: this secret's is now in it.
    Recorded,
    /// The store holds another secret's check value.
    Differs,
}

/// What the anonymous store holds that a secret keys (or that says a secret was used): a new
/// secret would make all of it useless, so none is made while any of it is there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyedData {
    /// Token holders (each with its bookings), found by a keyed hash of their code.
    pub holders: i64,
    /// Message threads, found by a keyed hash of their code, their bodies sealed.
    pub threads: i64,
    /// Evaluation codes, kept as keyed hashes.
    pub evaluation_codes: i64,
    /// Whether a check value is stored.
    pub check_value: bool,
}

impl KeyedData {
    pub fn is_empty(&self) -> bool {
        *self == KeyedData::default()
    }
}

impl std::fmt::Display for KeyedData {
    /// "2 booking codes, 1 message thread and a check value": for the operator's one line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.holders > 0 {
            parts.push(plural(self.holders, "booking code", "booking codes"));
        }
        if self.threads > 0 {
            parts.push(plural(self.threads, "message thread", "message threads"));
        }
        if self.evaluation_codes > 0 {
            parts.push(plural(self.evaluation_codes, "evaluation code", "evaluation codes"));
        }
        if self.check_value {
            parts.push("a token secret check value".to_string());
        }
        match parts.split_last() {
            None => f.write_str("nothing"),
            Some((last, [])) => f.write_str(last),
            Some((last, rest)) => write!(f, "{} and {last}", rest.join(", ")),
        }
    }
}

impl SecretCheck {
    pub(super) fn new(db: Db, key: [u8; 32]) -> SecretCheck {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(CHECKED_TEXT);
        SecretCheck { db, value: mac.finalize().into_bytes().into() }
    }

    /// The check value this instance's secret makes (for tests: what the store may hold).
    pub fn value(&self) -> [u8; 32] {
        self.value
    }

    /// What the store holds that a secret keys.
    pub async fn keyed_data(&self) -> Result<KeyedData, StoreError> {
        let (holders, threads, evaluation_codes, checks): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM anon_holder), (SELECT count(*) FROM msg_thread), \
             (SELECT count(*) FROM eval_code), (SELECT count(*) FROM anon_secret_check)",
        )
        .fetch_one(&self.db.pool)
        .await?;
        Ok(KeyedData { holders, threads, evaluation_codes, check_value: checks > 0 })
    }

    /// Compares the stored check value with this secret's, writing this secret's where none is.
    /// Insert if absent, then read back: of two instances doing this at once on one store, one
    /// writes and both read the same row, so the other sees [`SecretVerdict::Differs`].
    pub async fn verify(&self) -> Result<SecretVerdict, StoreError> {
        let inserted = sqlx::query("INSERT INTO anon_secret_check (id, check_hmac) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
            .bind(&self.value[..])
            .execute(&self.db.pool)
            .await?
            .rows_affected()
            == 1;
        let stored: Vec<u8> = sqlx::query_scalar("SELECT check_hmac FROM anon_secret_check WHERE id = 1").fetch_one(&self.db.pool).await?;
        Ok(match (bool::from(stored.ct_eq(&self.value[..])), inserted) {
            (false, _) => SecretVerdict::Differs,
            (true, true) => SecretVerdict::Recorded,
            (true, false) => SecretVerdict::Matches,
        })
    }

    /// Puts this secret's check value in place of any other: only when the operator has asked
    /// for a new secret (`RMP_NEW_TOKEN_SECRET=1`), knowing every existing code is then lost.
    pub async fn replace(&self) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO anon_secret_check (id, check_hmac) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET check_hmac = excluded.check_hmac")
            .bind(&self.value[..])
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    /// The stored check value, if any (for tests).
    pub async fn stored(&self) -> Result<Option<[u8; 32]>, StoreError> {
        let stored: Option<Vec<u8>> = sqlx::query_scalar("SELECT check_hmac FROM anon_secret_check WHERE id = 1").fetch_optional(&self.db.pool).await?;
        Ok(stored.and_then(|v| v.try_into().ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_store_holds_is_said_in_words() {
        assert_eq!(KeyedData::default().to_string(), "nothing");
        assert!(KeyedData::default().is_empty());
        let one = KeyedData { holders: 1, ..Default::default() };
        assert_eq!(one.to_string(), "1 booking code");
        assert!(!one.is_empty());
        let all = KeyedData { holders: 2, threads: 1, evaluation_codes: 3, check_value: true };
        assert_eq!(all.to_string(), "2 booking codes, 1 message thread, 3 evaluation codes and a token secret check value");
    }
}
