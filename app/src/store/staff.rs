//! The staff store: staff accounts (Argon2id password hashes) and their sign-in sessions. Its own
//! SQLite file, apart from the anonymous store and the case store. See `migrations/staff/`.

use super::db::{self, Db, StoreError, TableSchema};
use crate::domain::staff::{check_new_password, normalise_username, AccountProblem, Role, StaffAccess};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::OnceLock;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/staff");
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres/staff");

/// A session ends this long after sign-in, whatever happens.
pub const SESSION_MAX: Duration = Duration::hours(8);
/// A session ends after this long without a request (a shared office computer left open).
pub const SESSION_IDLE: Duration = Duration::minutes(30);

#[derive(Clone, Debug)]
pub struct StaffStore {
    db: Db,
}

/// One account, as the admin's list shows it. No hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    /// A counsellor's sites.
    pub sites: Vec<String>,
}

/// Where an account works: its municipality and, for a counsellor, its sites. The logic and the
/// command line check both against the content before they reach the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffScope {
    pub kommune: String,
    pub sites: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Refused as asked; `text::staff::account_problem` says why in Danish.
    #[error("refused: {0:?}")]
    Invalid(AccountProblem),
    #[error("the username is taken")]
    Taken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a successful sign-in gives: the cookie value (shown to the browser once, kept only as a
/// hash) and who signed in.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub cookie_value: String,
    pub access: StaffAccess,
}

impl StaffStore {
    pub const FILE_NAME: &'static str = "staff.sqlite";

    pub async fn open(data_dir: &Path) -> Result<StaffStore, StoreError> {
        let db = db::open(&data_dir.join(Self::FILE_NAME), &MIGRATOR).await?;
        Ok(StaffStore { db })
    }

    /// Connects to the staff store's PostgreSQL database (`RMP_STAFF_DATABASE_URL`) and runs its
    /// migrations.
    pub async fn connect(url: &str) -> Result<StaffStore, StoreError> {
        Ok(StaffStore { db: db::connect(url, "the staff database (RMP_STAFF_DATABASE_URL)", &PG_MIGRATOR).await? })
    }

    /// Creates an account. The password is hashed with Argon2id (OWASP's parameters, the
    /// `argon2` crate's defaults) on a blocking thread.
    pub async fn create_account(&self, username: &str, password: &str, role: Role, scope: &StaffScope) -> Result<i64, AccountError> {
        let username = normalise_username(username).map_err(AccountError::Invalid)?;
        check_new_password(password).map_err(AccountError::Invalid)?;
        if scope.kommune.is_empty() {
            return Err(AccountError::Invalid(AccountProblem::NoKommune));
        }
        let hash = hash_password(password.to_owned()).await;
        let mut tx = self.db.pool.begin().await.map_err(StoreError::from)?;
        let result = sqlx::query_scalar(
            "INSERT INTO staff_account (username, password_hash, role, kommune, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&username)
        .bind(&hash)
        .bind(role.slug())
        .bind(&scope.kommune)
        .bind(to_db(crate::clock::now()))
        .fetch_one(&mut *tx)
        .await;
        let id: i64 = match result {
            Ok(id) => id,
            Err(sqlx::Error::Database(e)) if e.message().contains("username") => return Err(AccountError::Taken),
            Err(e) => return Err(AccountError::Store(e.into())),
        };
        set_sites(&mut tx, id, &scope.sites).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// Gives an existing account its municipality and sites (`server assign-staff`: the way
    /// accounts made before municipalities get one). Ends its sessions, so the new scope applies
    /// from the next sign-in. `false` if no such username.
    pub async fn assign(&self, username: &str, scope: &StaffScope) -> Result<bool, StoreError> {
        let username = normalise_username(username).unwrap_or_default();
        let mut tx = self.db.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar("UPDATE staff_account SET kommune = $1 WHERE username = $2 RETURNING id")
            .bind(&scope.kommune)
            .bind(&username)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(id) = id else { return Ok(false) };
        set_sites(&mut tx, id, &scope.sites).await?;
        sqlx::query("DELETE FROM staff_session WHERE account_id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// How many accounts have no municipality yet (made before accounts had one).
    pub async fn unassigned_accounts(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM staff_account WHERE kommune = ''").fetch_one(&self.db.pool).await?)
    }

    /// Sets a new password for an account of `kommune` and ends the account's sessions. An
    /// account of another municipality is as unknown as one that does not exist (`false`).
    pub async fn set_password(&self, kommune: &str, account_id: i64, password: &str) -> Result<bool, AccountError> {
        check_new_password(password).map_err(AccountError::Invalid)?;
        let hash = hash_password(password.to_owned()).await;
        let mut tx = self.db.pool.begin().await.map_err(StoreError::from)?;
        let done = sqlx::query("UPDATE staff_account SET password_hash = $1 WHERE id = $2 AND kommune = $3")
            .bind(&hash)
            .bind(account_id)
            .bind(kommune)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?
            .rows_affected()
            == 1;
        if done {
            sqlx::query("DELETE FROM staff_session WHERE account_id = $1").bind(account_id).execute(&mut *tx).await.map_err(StoreError::from)?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(done)
    }

    /// Disables or enables an account of `kommune`; disabling ends its sessions at once.
    pub async fn set_disabled(&self, kommune: &str, account_id: i64, disabled: bool) -> Result<bool, StoreError> {
        let mut tx = self.db.pool.begin().await?;
        let done = sqlx::query("UPDATE staff_account SET disabled_at = $1 WHERE id = $2 AND kommune = $3")
            .bind(disabled.then(|| to_db(crate::clock::now())))
            .bind(account_id)
            .bind(kommune)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if disabled && done {
            sqlx::query("DELETE FROM staff_session WHERE account_id = $1").bind(account_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// The accounts of one municipality, by username.
    pub async fn accounts(&self, kommune: &str) -> Result<Vec<AccountView>, StoreError> {
        let rows: Vec<(i64, String, String, Option<String>)> =
            sqlx::query_as("SELECT id, username, role, disabled_at FROM staff_account WHERE kommune = $1 ORDER BY username")
                .bind(kommune)
                .fetch_all(&self.db.pool)
                .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, username, role, disabled) in rows {
            let Some(role) = Role::from_slug(&role) else { continue };
            out.push(AccountView { id, username, role, disabled: disabled.is_some(), sites: self.sites_of(id).await? });
        }
        Ok(out)
    }

    async fn sites_of(&self, account_id: i64) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT site FROM staff_account_site WHERE account_id = $1 ORDER BY site").bind(account_id).fetch_all(&self.db.pool).await?)
    }

    /// How many enabled admin accounts exist, in all (`None`) or in one municipality (its last
    /// admin cannot be disabled).
    pub async fn enabled_admins(&self, kommune: Option<&str>) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM staff_account WHERE role = 'admin' AND disabled_at IS NULL AND (CAST($1 AS TEXT) IS NULL OR kommune = $1)")
            .bind(kommune)
            .fetch_one(&self.db.pool)
            .await?)
    }

    /// Checks a username and password and, if they match an enabled account, starts a session.
    /// An unknown username costs the same Argon2 work as a wrong password, so timing does not
    /// tell which usernames exist.
    pub async fn sign_in(&self, username: &str, password: &str, now: DateTime<Utc>) -> Result<Option<NewSession>, StoreError> {
        let username = normalise_username(username).unwrap_or_default();
        let row: Option<(i64, String, String, Option<String>, String)> =
            sqlx::query_as("SELECT id, password_hash, role, disabled_at, kommune FROM staff_account WHERE username = $1")
                .bind(&username)
                .fetch_optional(&self.db.pool)
                .await?;
        let stored = row.as_ref().map(|r| r.1.clone()).unwrap_or_else(|| dummy_hash().to_owned());
        let password = password.chars().take(200).collect::<String>();
        let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored)).await.unwrap_or(false);
        let Some((account_id, _, role, disabled, kommune)) = row else { return Ok(None) };
        let Some(role) = Role::from_slug(&role) else { return Ok(None) };
        if !matches || disabled.is_some() {
            return Ok(None);
        }
        let cookie_value = random_hex(32);
        let csrf = random_hex(32);
        sqlx::query("DELETE FROM staff_session WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(to_db(now))
            .bind(to_db(now - SESSION_IDLE))
            .execute(&self.db.pool)
            .await?;
        sqlx::query("INSERT INTO staff_session (id_hash, account_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&session_hash(&cookie_value)[..])
            .bind(account_id)
            .bind(&csrf)
            .bind(to_db(now))
            .bind(to_db(now))
            .bind(to_db(now + SESSION_MAX))
            .execute(&self.db.pool)
            .await?;
        let sites = self.sites_of(account_id).await?;
        Ok(Some(NewSession { cookie_value, access: StaffAccess { account_id, username, role, kommune, sites, csrf } }))
    }

    /// Who the session cookie belongs to, if the session is live; each use moves its idle limit.
    pub async fn access(&self, cookie_value: &str, now: DateTime<Utc>) -> Result<Option<StaffAccess>, StoreError> {
        if cookie_value.len() != 64 {
            return Ok(None);
        }
        let hash = session_hash(cookie_value);
        let row: Option<(i64, String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT a.id, a.username, a.role, s.csrf, s.last_seen_at, s.expires_at, a.kommune FROM staff_session s \
             JOIN staff_account a ON a.id = s.account_id WHERE s.id_hash = $1 AND a.disabled_at IS NULL",
        )
        .bind(&hash[..])
        .fetch_optional(&self.db.pool)
        .await?;
        let Some((account_id, username, role, csrf, last_seen, expires, kommune)) = row else { return Ok(None) };
        let live = from_db(&expires).is_some_and(|e| now < e) && from_db(&last_seen).is_some_and(|s| now < s + SESSION_IDLE);
        let Some(role) = Role::from_slug(&role).filter(|_| live) else {
            sqlx::query("DELETE FROM staff_session WHERE id_hash = $1").bind(&hash[..]).execute(&self.db.pool).await?;
            return Ok(None);
        };
        sqlx::query("UPDATE staff_session SET last_seen_at = $1 WHERE id_hash = $2").bind(to_db(now)).bind(&hash[..]).execute(&self.db.pool).await?;
        let sites = self.sites_of(account_id).await?;
        Ok(Some(StaffAccess { account_id, username, role, kommune, sites, csrf }))
    }

    pub async fn sign_out(&self, cookie_value: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_session WHERE id_hash = $1").bind(&session_hash(cookie_value)[..]).execute(&self.db.pool).await?;
        Ok(())
    }

    pub async fn schema(&self) -> Result<Vec<TableSchema>, StoreError> {
        db::schema(&self.db).await
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

/// Replaces an account's sites, inside the caller's transaction.
async fn set_sites(tx: &mut sqlx::AnyConnection, account_id: i64, sites: &[String]) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM staff_account_site WHERE account_id = $1").bind(account_id).execute(&mut *tx).await?;
    for site in sites {
        sqlx::query("INSERT INTO staff_account_site (account_id, site) VALUES ($1, $2) ON CONFLICT DO NOTHING").bind(account_id).bind(site).execute(&mut *tx).await?;
    }
    Ok(())
}

async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        {
            use rand::TryRngCore;
            rand::rngs::OsRng.try_fill_bytes(&mut salt).expect("the OS random source is available");
        }
        let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
        Argon2::default().hash_password(password.as_bytes(), &salt).expect("Argon2 hashes any password").to_string()
    })
    .await
    .expect("the hashing thread does not panic")
}

fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A valid Argon2id hash of a random password, verified against when the username is unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::encode_b64(&[7u8; 16]).expect("valid salt");
        Argon2::default().hash_password(random_hex(16).as_bytes(), &salt).expect("hashes").to_string()
    })
}

fn random_hex(bytes: usize) -> String {
    use rand::TryRngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.try_fill_bytes(&mut buf).expect("the OS random source is available");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn session_hash(cookie_value: &str) -> [u8; 32] {
    Sha256::digest(cookie_value.as_bytes()).into()
}

fn to_db(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn from_db(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store() -> (tempfile::TempDir, StaffStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = StaffStore::open(dir.path()).await.unwrap();
        (dir, s)
    }

    fn scope(kommune: &str, sites: &[&str]) -> StaffScope {
        StaffScope { kommune: kommune.into(), sites: sites.iter().map(|s| s.to_string()).collect() }
    }

    #[tokio::test]
    async fn sign_in_gives_a_session_that_expires() {
        let (_d, s) = store().await;
        s.create_account("Mette", "en lang adgangskode", Role::AnonymousCounsellor, &scope("ishoj", &["pitstop"])).await.unwrap();
        let now = Utc::now();
        assert!(s.sign_in("mette", "forkert adgangskode", now).await.unwrap().is_none());
        assert!(s.sign_in("ukendt", "en lang adgangskode", now).await.unwrap().is_none());
        let session = s.sign_in(" METTE ", "en lang adgangskode", now).await.unwrap().expect("signed in");
        assert_eq!(session.access.role, Role::AnonymousCounsellor);
        assert_eq!((session.access.kommune.as_str(), session.access.sites.clone()), ("ishoj", vec!["pitstop".to_string()]));
        let seen = s.access(&session.cookie_value, now + Duration::minutes(20)).await.unwrap().expect("live");
        assert_eq!(seen.csrf, session.access.csrf);
        assert_eq!(seen.sites, vec!["pitstop".to_string()]);
        assert!(s.access(&session.cookie_value, now + Duration::minutes(49)).await.unwrap().is_some(), "idle limit moved");
        assert!(s.access(&session.cookie_value, now + Duration::minutes(49) + SESSION_IDLE).await.unwrap().is_none(), "idle too long");
        let again = s.sign_in("mette", "en lang adgangskode", now).await.unwrap().unwrap();
        let mut t = now;
        while t < now + SESSION_MAX - Duration::minutes(20) {
            t += Duration::minutes(20);
            assert!(s.access(&again.cookie_value, t).await.unwrap().is_some());
        }
        assert!(s.access(&again.cookie_value, now + SESSION_MAX).await.unwrap().is_none(), "8 hours at most");
        assert!(s.access(&"0".repeat(64), now).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn disabling_or_a_new_password_ends_sessions() {
        let (_d, s) = store().await;
        let id = s.create_account("sagsbeh", "en lang adgangskode", Role::CaseWorker, &scope("thisted", &[])).await.unwrap();
        let now = Utc::now();
        let a = s.sign_in("sagsbeh", "en lang adgangskode", now).await.unwrap().unwrap();
        // Another municipality's admin reaches nothing: the session lives on.
        assert!(!s.set_password("ishoj", id, "en anden lang kode").await.unwrap());
        assert!(!s.set_disabled("ishoj", id, true).await.unwrap());
        assert!(s.access(&a.cookie_value, now).await.unwrap().is_some());
        s.set_password("thisted", id, "en anden lang kode").await.unwrap();
        assert!(s.access(&a.cookie_value, now).await.unwrap().is_none());
        let b = s.sign_in("sagsbeh", "en anden lang kode", now).await.unwrap().unwrap();
        s.set_disabled("thisted", id, true).await.unwrap();
        assert!(s.access(&b.cookie_value, now).await.unwrap().is_none());
        assert!(s.sign_in("sagsbeh", "en anden lang kode", now).await.unwrap().is_none(), "disabled");
        assert!(matches!(s.create_account("SAGSBEH", "en lang adgangskode", Role::Admin, &scope("ishoj", &[])).await, Err(AccountError::Taken)));
        assert!(matches!(s.create_account("x y", "en lang adgangskode", Role::Admin, &scope("ishoj", &[])).await, Err(AccountError::Invalid(_))));
        assert!(matches!(s.create_account("ingen.kommune", "en lang adgangskode", Role::Admin, &scope("", &[])).await, Err(AccountError::Invalid(_))));
    }

    #[tokio::test]
    async fn each_municipality_lists_and_counts_only_its_own_accounts() {
        let (_d, s) = store().await;
        s.create_account("admin.ishoj", "en lang adgangskode", Role::Admin, &scope("ishoj", &[])).await.unwrap();
        s.create_account("raad.ishoj", "en lang adgangskode", Role::AnonymousCounsellor, &scope("ishoj", &["pitstop"])).await.unwrap();
        s.create_account("admin.thisted", "en lang adgangskode", Role::Admin, &scope("thisted", &[])).await.unwrap();
        let names = |v: Vec<AccountView>| v.into_iter().map(|a| (a.username, a.sites)).collect::<Vec<_>>();
        assert_eq!(names(s.accounts("ishoj").await.unwrap()), [("admin.ishoj".into(), vec![]), ("raad.ishoj".into(), vec!["pitstop".to_string()])]);
        assert_eq!(names(s.accounts("thisted").await.unwrap()), [("admin.thisted".to_string(), vec![])]);
        assert!(s.accounts("odsherred").await.unwrap().is_empty());
        assert_eq!(s.enabled_admins(Some("thisted")).await.unwrap(), 1);
        assert_eq!(s.enabled_admins(None).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn an_account_from_before_municipalities_is_assigned_one_and_its_sessions_end() {
        let (_d, s) = store().await;
        let id = s.create_account("gammel", "en lang adgangskode", Role::AnonymousCounsellor, &scope("ishoj", &["pitstop"])).await.unwrap();
        // As the migration leaves an old account: no municipality, no site.
        sqlx::query("UPDATE staff_account SET kommune = '' WHERE id = $1").bind(id).execute(&s.db.pool).await.unwrap();
        sqlx::query("DELETE FROM staff_account_site").execute(&s.db.pool).await.unwrap();
        assert_eq!(s.unassigned_accounts().await.unwrap(), 1);
        let now = Utc::now();
        let old = s.sign_in("gammel", "en lang adgangskode", now).await.unwrap().unwrap();
        assert_eq!(old.access.kommune, "", "signs in, but require() lets it into no area");
        assert!(s.assign("GAMMEL", &scope("odsherred", &["rusmiddelteamet-odsherred"])).await.unwrap());
        assert!(s.access(&old.cookie_value, now).await.unwrap().is_none(), "the old session ended");
        let new = s.sign_in("gammel", "en lang adgangskode", now).await.unwrap().unwrap();
        assert_eq!((new.access.kommune.as_str(), new.access.sites.clone()), ("odsherred", vec!["rusmiddelteamet-odsherred".to_string()]));
        assert_eq!(s.unassigned_accounts().await.unwrap(), 0);
        assert!(!s.assign("findes.ikke", &scope("odsherred", &[])).await.unwrap());
    }

    #[tokio::test]
    async fn only_hashes_reach_the_disk() {
        let (dir, s) = store().await;
        s.create_account("admin", "hemmelig-adgangskode-42", Role::Admin, &scope("odsherred", &[])).await.unwrap();
        let session = s.sign_in("admin", "hemmelig-adgangskode-42", Utc::now()).await.unwrap().unwrap();
        s.close().await;
        let mut bytes = Vec::new();
        for f in std::fs::read_dir(dir.path()).unwrap() {
            bytes.extend(std::fs::read(f.unwrap().path()).unwrap());
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("hemmelig-adgangskode-42"));
        assert!(!text.contains(&session.cookie_value));
        assert!(text.contains("$argon2id$"), "the hash is Argon2id");
    }
}
