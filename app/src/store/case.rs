//! The case store: identified requests for treatment (SEL § 101, SUL §§ 141–142). See
//! `migrations/case/` for what it holds.

use super::sqlite::{self, StoreError, TableSchema};
use sqlx::sqlite::SqlitePool;
use std::path::Path;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/case");

/// Owns the case store's connection pool.
#[derive(Clone, Debug)]
pub struct CaseStore {
    pool: SqlitePool,
}

impl CaseStore {
    pub const FILE_NAME: &'static str = "cases.sqlite";

    /// Opens (creating if needed) `cases.sqlite` in `data_dir` and runs its migrations.
    pub async fn open(data_dir: &Path) -> Result<CaseStore, StoreError> {
        let pool = sqlite::open(&data_dir.join(Self::FILE_NAME), &MIGRATOR).await?;
        Ok(CaseStore { pool })
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
