//! Storage (server only). Two stores that cannot be mixed up (SEL § 101a stk. 7: anonymous
//! treatment runs apart from § 101 treatment):
//!
//! - [`AnonStore`]: the anonymous store — slots, anonymous bookings keyed by a keyed hash of the
//!   person's token, categorical outcomes. Its own SQLite file and migrations.
//! - [`CaseStore`]: the case store — identified requests for treatment. Another file, other
//!   migrations.
//!
//! - [`StaffStore`]: staff accounts and sessions, a third file; neither of the others holds a
//!   staff identity.
//!
//! They are distinct types with no shared tables, ids or functions that take both; the only code
//! they share is how a database is reached (`db`: a SQLite file, or PostgreSQL by URL).

mod anon;
mod case;
mod db;
mod evaluation;
mod limits;
mod messages;
mod secret_check;
mod staff;

pub use anon::{
    AnonStore, BookError, Booked, BookingView, CalendarEntry, ExtraSlotView, HolderTalks, MonthlyCount, NewHolder, Purged, RemoveSlot, SlotRef,
    TokenSecret,
};
pub use case::{CaseStore, Filed, NewRequest, StatusChange, StoredEvent, StoredRequest, ACTOR_CITIZEN, ACTOR_SYSTEM, DEFAULT_RETENTION_DAYS};
pub use staff::{AccountError, AccountView, NewSession, StaffScope, StaffStore, SESSION_IDLE, SESSION_MAX};
pub use evaluation::{Answered, CodeScope, Evaluations, HeldCode, Tallies};
pub use limits::{LimitCounts, StoredCount};
pub use messages::{NewThread, StoredMessage, ThreadError, ThreadSummary, ThreadView, Threads};
pub use secret_check::{KeyedData, SecretCheck, SecretVerdict};
pub use db::{Engine, PoolUse, StoreError, TableSchema};

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The stores' files in a data directory: what a backup copies and a restore puts back.
pub const STORE_FILES: [&str; 3] = [AnonStore::FILE_NAME, CaseStore::FILE_NAME, StaffStore::FILE_NAME];

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} is missing: is this the portal's data directory? (set RMP_DATA_DIR)")]
    MissingStore(PathBuf),
    #[error("{0} already exists: a backup never overwrites one, choose a new directory")]
    TargetExists(PathBuf),
    #[error("cannot prepare {0} ({1})")]
    Target(PathBuf, std::io::Error),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Copies every store of `data_dir` into `target` (made with mode 0700 if missing; the copies get
/// mode 0600) as a consistent snapshot each, while the portal runs, and makes them durable before
/// returning the files written. The token secret is not among them: it is kept and backed up
/// apart, so the data backup alone confirms no token.
pub async fn backup(data_dir: &Path, target: &Path) -> Result<Vec<PathBuf>, BackupError> {
    let sources: Vec<PathBuf> = STORE_FILES.iter().map(|f| data_dir.join(f)).collect();
    if let Some(missing) = sources.iter().find(|s| !s.is_file()) {
        return Err(BackupError::MissingStore(missing.clone()));
    }
    if !target.is_dir() {
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(target).map_err(|e| BackupError::Target(target.to_path_buf(), e))?;
    }
    let targets: Vec<PathBuf> = STORE_FILES.iter().map(|f| target.join(f)).collect();
    if let Some(existing) = targets.iter().find(|t| t.exists()) {
        return Err(BackupError::TargetExists(existing.clone()));
    }
    for (source, copy) in sources.iter().zip(&targets) {
        // An empty file made first, with mode 0600 and only if none is there: `VACUUM INTO`
        // fills an empty file, and the copy is never readable by others, not even for a moment.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(copy)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => BackupError::TargetExists(copy.clone()),
                _ => BackupError::Target(copy.clone(), e),
            })?;
        db::snapshot(source, copy).await?;
        std::fs::File::open(copy).and_then(|f| f.sync_all()).map_err(|e| BackupError::Target(copy.clone(), e))?;
    }
    std::fs::File::open(target).and_then(|d| d.sync_all()).map_err(|e| BackupError::Target(target.to_path_buf(), e))?;
    Ok(targets)
}
