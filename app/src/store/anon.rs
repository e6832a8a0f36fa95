//! The anonymous store (SEL § 101a). See `migrations/anon/` for what it may hold.

use super::sqlite::{self, StoreError, TableSchema};
use hmac::{Hmac, Mac};
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
