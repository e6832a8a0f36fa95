//! Configuration from environment variables. Every variable has a documented default (README,
//! "Configuration"); anything wrong stops the server at start with one line saying what to fix.

use app::store::TokenSecret;
use rand::TryRngCore;
use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub const ENV_LISTEN: &str = "RMP_LISTEN";
pub const ENV_DATA_DIR: &str = "RMP_DATA_DIR";
pub const ENV_TOKEN_SECRET_FILE: &str = "RMP_TOKEN_SECRET_FILE";
/// `1` for one start: make a new token secret although the anonymous store holds codes made with
/// another (a lost secret), and record the new one's check value in the store. Every existing code
/// is then "not found". Refused while a secret file exists, so a flag left set destroys nothing.
pub const ENV_NEW_TOKEN_SECRET: &str = "RMP_NEW_TOKEN_SECRET";
/// `1` when the portal is served over HTTPS (behind a TLS proxy): staff cookies get `Secure`
/// and the `__Host-` prefix.
pub const ENV_SECURE_COOKIES: &str = "RMP_SECURE_COOKIES";
/// Days after an anonymous talk before its booking is deleted (only monthly counts remain).
pub const ENV_ANON_RETENTION_DAYS: &str = "RMP_ANON_RETENTION_DAYS";
pub const DEFAULT_ANON_RETENTION_DAYS: u32 = 30;
/// Days after a message thread's last message before the thread and its messages are deleted
/// (issue 19). The page tells the person this number before they write.
pub const ENV_MESSAGE_RETENTION_DAYS: &str = "RMP_MESSAGE_RETENTION_DAYS";
/// Months after a token's last talk before the token (its hash) and its talk count are deleted.
pub const ENV_TOKEN_RETENTION_MONTHS: &str = "RMP_TOKEN_RETENTION_MONTHS";
pub const DEFAULT_TOKEN_RETENTION_MONTHS: u32 = 12;
/// An instant (RFC 3339, e.g. `2026-12-02T09:00:00+01:00`) to start the server's clock at, for
/// tests and rehearsals: every date-dependent view then counts from it (`app::clock`). Unset in
/// production: the clock is the system's.
pub const ENV_CLOCK_START: &str = "RMP_CLOCK_START";
/// `vis` offers the content's example opening hours to citizens, marked as examples, so a
/// newcomer can try booking (`scripts/run.sh` and `scripts/test.sh` set it). Unset in
/// production: a kind of talk without reviewed hours shows the site's phone instead of times.
pub const ENV_EXAMPLE_HOURS: &str = "RMP_EXAMPLE_HOURS";

/// Reads `RMP_EXAMPLE_HOURS`: `vis` shows example hours, unset (or empty) refuses them.
pub fn example_hours_shown(value: Option<&str>) -> Result<bool, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(false),
        Some("vis") => Ok(true),
        Some(other) => Err(format!("{ENV_EXAMPLE_HOURS}={other:?}: skriv \"vis\" for at vise eksempeltider, eller lad den være tom")),
    }
}

pub const DEFAULT_DATA_DIR: &str = "data";
pub const SECRET_FILE_NAME: &str = "token-secret";
/// The default secrets directory is the data directory's sibling with this suffix: `data/` →
/// `data-secrets/`. Kept apart so that a copy or backup of the data directory alone holds no key
/// that confirms a token; the README says to back it up separately.
pub const SECRETS_DIR_SUFFIX: &str = "-secrets";

#[derive(Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    /// Where the token secret is kept (`RMP_TOKEN_SECRET_FILE`, or beside the data directory).
    pub token_secret_file: PathBuf,
    /// The secret read from that file; `None` where there is none yet. Checked against the
    /// anonymous store, and made where allowed, by [`open_anon_checked`].
    pub token_secret: Option<TokenSecret>,
    /// `RMP_NEW_TOKEN_SECRET=1`.
    pub new_token_secret: bool,
    pub secure_cookies: bool,
    pub anon_retention_days: u32,
    pub token_retention_months: u32,
    /// `RMP_MESSAGE_RETENTION_DAYS`, or `app::domain::message::DEFAULT_RETENTION_DAYS`.
    pub message_retention_days: u32,
    /// Where the server's clock starts, when set (`RMP_CLOCK_START`).
    pub clock_start: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}={1:?} is not a whole number from {2} to {3}")]
    Number(&'static str, String, u32, u32),
    #[error("{ENV_SECURE_COOKIES}={0:?} must be 1 (served over HTTPS) or 0")]
    SecureCookies(String),
    #[error("{ENV_CLOCK_START}={0:?} is not an instant like 2026-12-02T09:00:00+01:00 (RFC 3339)")]
    ClockStart(String),
    #[error("{ENV_LISTEN}={0:?} is not an address like 127.0.0.1:3000")]
    Listen(String),
    #[error("data directory {0} does not exist: create it, or set {ENV_DATA_DIR} to one that does")]
    DataDirMissing(PathBuf),
    #[error("data directory {0} is not a directory: set {ENV_DATA_DIR} to a directory")]
    DataDirNotDir(PathBuf),
    #[error("data directory {0} is not writable ({1}): fix its permissions or set {ENV_DATA_DIR}")]
    DataDirNotWritable(PathBuf, std::io::Error),
    #[error("token secret {0} cannot be read ({1}): fix its permissions")]
    SecretUnreadable(PathBuf, std::io::Error),
    #[error("token secret {0} must hold 64 hexadecimal characters (32 bytes): put the secret back from its backup (README, \"Backups\")")]
    SecretMalformed(PathBuf),
    #[error("token secret {0} is not the one the anonymous store's codes were made with (the store's check value differs), so no code would be found: put that secret there, from the other instances or from its backup (README, \"Backups\"); only to give up every existing code, move this file away and start once with {ENV_NEW_TOKEN_SECRET}=1")]
    SecretDiffers(PathBuf),
    #[error("token secret {0} is missing, but the anonymous store holds {1}, made with a secret: put the secret back at that path from its backup (README, \"Backups\"); only to give up every existing code, start once with {ENV_NEW_TOKEN_SECRET}=1")]
    SecretMissing(PathBuf, app::store::KeyedData),
    #[error("{ENV_NEW_TOKEN_SECRET}=1, but token secret {0} exists: the flag makes a new secret only where there is none, for one start; unset it, or move the secret away to give up every existing code")]
    NewSecretButOneExists(PathBuf),
    #[error("{ENV_NEW_TOKEN_SECRET}={0:?} must be 1 (make a new token secret, for one start) or 0")]
    NewSecretFlag(String),
    #[error("token secret {0} is readable by other users (mode {1:o}): run chmod 600 on it")]
    SecretTooOpen(PathBuf, u32),
    #[error("cannot create token secret {0} ({1}): check that the directory is writable, or set {ENV_TOKEN_SECRET_FILE}")]
    SecretCreate(PathBuf, std::io::Error),
    #[error("data directory {0} has no parent to keep the token secret beside it: set {ENV_TOKEN_SECRET_FILE} to a file outside the data directory")]
    NoPlaceForSecret(PathBuf),
    #[error("cannot move the token secret from {0} out of the data directory to {1} ({2}): move it by hand, or set {ENV_TOKEN_SECRET_FILE}={0}")]
    SecretMove(PathBuf, PathBuf, std::io::Error),
}

impl Config {
    /// Reads the environment. `default_listen` comes from the Leptos configuration
    /// (`LEPTOS_SITE_ADDR`, 127.0.0.1:3000).
    pub fn from_env(default_listen: SocketAddr) -> Result<Config, ConfigError> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let listen = match var(ENV_LISTEN) {
            Some(v) => v.trim().parse().map_err(|_| ConfigError::Listen(v))?,
            None => default_listen,
        };
        let data_dir = data_dir_from_env()?;
        let secret_file = match var(ENV_TOKEN_SECRET_FILE) {
            Some(file) => {
                let file = PathBuf::from(file);
                if is_inside(&file, &data_dir) {
                    tracing::warn!("the token secret is inside the data directory ({ENV_TOKEN_SECRET_FILE}): a copy of the data directory then confirms tokens; keep it elsewhere");
                }
                file
            }
            None => default_secret_file(&data_dir)?,
        };
        let new_token_secret = match var(ENV_NEW_TOKEN_SECRET).as_deref().map(str::trim) {
            None | Some("0") => false,
            Some("1") => true,
            Some(other) => return Err(ConfigError::NewSecretFlag(other.to_string())),
        };
        let token_secret = read_secret(&secret_file)?;
        if new_token_secret && token_secret.is_some() {
            return Err(ConfigError::NewSecretButOneExists(secret_file));
        }
        let number = |name: &'static str, default: u32, min: u32, max: u32| match var(name) {
            None => Ok(default),
            Some(v) => v.trim().parse::<u32>().ok().filter(|n| (min..=max).contains(n)).ok_or(ConfigError::Number(name, v, min, max)),
        };
        let secure_cookies = match var(ENV_SECURE_COOKIES).as_deref().map(str::trim) {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => return Err(ConfigError::SecureCookies(other.to_string())),
        };
        let anon_retention_days = number(ENV_ANON_RETENTION_DAYS, DEFAULT_ANON_RETENTION_DAYS, 1, 3650)?;
        let token_retention_months = number(ENV_TOKEN_RETENTION_MONTHS, DEFAULT_TOKEN_RETENTION_MONTHS, 1, 120)?;
        let message_retention_days = number(ENV_MESSAGE_RETENTION_DAYS, app::domain::message::DEFAULT_RETENTION_DAYS, 1, 365)?;
        let clock_start = match var(ENV_CLOCK_START) {
            None => None,
            Some(v) => Some(parse_clock_start(&v)?),
        };
        Ok(Config { listen, data_dir, token_secret_file: secret_file, token_secret, new_token_secret, secure_cookies, anon_retention_days, token_retention_months, message_retention_days, clock_start })
    }
}

/// `RMP_DATA_DIR`, checked to exist and be writable.
pub fn data_dir_from_env() -> Result<PathBuf, ConfigError> {
    let dir = std::env::var(ENV_DATA_DIR).ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| DEFAULT_DATA_DIR.to_string());
    let data_dir = PathBuf::from(dir);
    check_data_dir(&data_dir)?;
    Ok(data_dir)
}

/// Whether `file` lies inside `dir` (both resolved as far as they exist).
fn is_inside(file: &Path, dir: &Path) -> bool {
    let resolve = |p: &Path| std::path::absolute(p).ok().map(|a| a.canonicalize().unwrap_or(a));
    let parent = file.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
    match (parent.and_then(resolve), resolve(dir)) {
        (Some(parent), Some(dir)) => parent.starts_with(dir),
        _ => false,
    }
}

/// Where the token secret is kept when `RMP_TOKEN_SECRET_FILE` is unset: `token-secret` in the
/// data directory's sibling `…-secrets/` (made with mode 0700). A secret left inside the data
/// directory by an earlier version is moved there, so no anonymous booking is lost.
pub fn default_secret_file(data_dir: &Path) -> Result<PathBuf, ConfigError> {
    let resolved = data_dir.canonicalize().map_err(|_| ConfigError::DataDirMissing(data_dir.to_path_buf()))?;
    let (Some(parent), Some(name)) = (resolved.parent(), resolved.file_name()) else {
        return Err(ConfigError::NoPlaceForSecret(resolved));
    };
    let dir = parent.join(format!("{}{SECRETS_DIR_SUFFIX}", name.to_string_lossy()));
    let file = dir.join(SECRET_FILE_NAME);
    if !dir.is_dir() {
        std::fs::DirBuilder::new().mode(0o700).create(&dir).map_err(|e| ConfigError::SecretCreate(file.clone(), e))?;
    }
    let legacy = resolved.join(SECRET_FILE_NAME);
    if !file.exists() && legacy.exists() {
        std::fs::rename(&legacy, &file).map_err(|e| ConfigError::SecretMove(legacy.clone(), file.clone(), e))?;
        tracing::warn!("moved the token secret out of the data directory, to {}: back it up separately from the data", file.display());
    }
    Ok(file)
}

/// `RMP_CLOCK_START`'s value: an RFC 3339 instant with its offset (a bare date would leave the
/// hour, and so the day in Copenhagen, to guesswork).
pub fn parse_clock_start(value: &str) -> Result<chrono::DateTime<chrono::Utc>, ConfigError> {
    chrono::DateTime::parse_from_rfc3339(value.trim()).map(|t| t.to_utc()).map_err(|_| ConfigError::ClockStart(value.to_string()))
}

pub fn check_data_dir(dir: &Path) -> Result<(), ConfigError> {
    let meta = std::fs::metadata(dir).map_err(|_| ConfigError::DataDirMissing(dir.to_path_buf()))?;
    if !meta.is_dir() {
        return Err(ConfigError::DataDirNotDir(dir.to_path_buf()));
    }
    // Prove we can write: create and remove a probe file.
    let probe = dir.join(".write-probe");
    std::fs::write(&probe, b"").map_err(|e| ConfigError::DataDirNotWritable(dir.to_path_buf(), e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Reads the secret: `None` if there is no file. Whether one may be made is for
/// [`open_anon_checked`] to say, once it has seen what the anonymous store holds.
pub fn read_secret(path: &Path) -> Result<Option<TokenSecret>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let mode = std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
            if mode & 0o077 != 0 {
                return Err(ConfigError::SecretTooOpen(path.to_path_buf(), mode));
            }
            parse_secret(text.trim()).map(Some).ok_or_else(|| ConfigError::SecretMalformed(path.to_path_buf()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError::SecretUnreadable(path.to_path_buf(), e)),
    }
}

/// 32 bytes from the OS CSPRNG, for a new secret (not yet written anywhere).
fn random_secret(path: &Path) -> Result<[u8; TokenSecret::LEN], ConfigError> {
    let mut bytes = [0u8; TokenSecret::LEN];
    rand::rngs::OsRng.try_fill_bytes(&mut bytes).map_err(|e| ConfigError::SecretCreate(path.to_path_buf(), std::io::Error::other(e)))?;
    Ok(bytes)
}

/// Writes a new secret into a new file with mode 0600 (never over an existing one), durably.
fn write_secret(path: &Path, bytes: &[u8; TokenSecret::LEN]) -> Result<TokenSecret, ConfigError> {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| ConfigError::SecretCreate(path.to_path_buf(), e))?;
    file.write_all(format!("{hex}\n").as_bytes()).map_err(|e| ConfigError::SecretCreate(path.to_path_buf(), e))?;
    file.sync_all().map_err(|e| ConfigError::SecretCreate(path.to_path_buf(), e))?;
    Ok(TokenSecret::from_bytes(*bytes))
}

/// Makes a new secret in a new file with mode 0600, whatever any store holds: for tests and
/// tools that start from nothing. The server makes one only through [`open_anon_checked`].
pub fn create_secret(path: &Path) -> Result<TokenSecret, ConfigError> {
    write_secret(path, &random_secret(path)?)
}

fn parse_secret(hex: &str) -> Option<TokenSecret> {
    if hex.len() != TokenSecret::LEN * 2 {
        return None;
    }
    let mut bytes = [0u8; TokenSecret::LEN];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(TokenSecret::from_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_secret_is_made_once_with_mode_0600_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SECRET_FILE_NAME);
        assert!(read_secret(&path).unwrap().is_none(), "no file, no secret, and none made by reading");
        assert!(!path.exists());
        let made = create_secret(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let first = std::fs::read_to_string(&path).unwrap();
        assert_eq!(first.trim().len(), 64);
        assert_eq!(read_secret(&path).unwrap().unwrap().derive("x"), made.derive("x"), "read back as written");
        assert!(matches!(create_secret(&path), Err(ConfigError::SecretCreate(..))), "never written over an existing one");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), first, "an existing secret is kept");
    }

    #[test]
    fn the_clock_start_is_an_instant_with_its_offset() {
        let t = parse_clock_start(" 2026-12-02T09:00:00+01:00 ").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-02T08:00:00+00:00");
        for bad in ["2026-12-02", "2026-12-02 09:00", "i morgen", "2026-13-01T09:00:00Z"] {
            let e = parse_clock_start(bad).unwrap_err().to_string();
            assert!(e.starts_with("RMP_CLOCK_START=") && e.contains("RFC 3339"), "{bad}: {e}");
        }
    }

    #[test]
    fn two_new_secrets_differ() {
        let dir = tempfile::tempdir().unwrap();
        create_secret(&dir.path().join("a")).unwrap();
        create_secret(&dir.path().join("b")).unwrap();
        assert_ne!(
            std::fs::read_to_string(dir.path().join("a")).unwrap(),
            std::fs::read_to_string(dir.path().join("b")).unwrap()
        );
    }

    #[test]
    fn malformed_or_open_secrets_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short");
        std::fs::write(&short, "abcd").unwrap();
        std::fs::set_permissions(&short, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(matches!(read_secret(&short), Err(ConfigError::SecretMalformed(_))));
        let open = dir.path().join("open");
        std::fs::write(&open, "00".repeat(32)).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = read_secret(&open).unwrap_err();
        assert!(matches!(err, ConfigError::SecretTooOpen(_, 0o644)), "{err}");
        assert!(err.to_string().contains("chmod 600"));
    }

    #[test]
    fn by_default_the_secret_is_kept_beside_the_data_directory_not_in_it() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let file = default_secret_file(&data).unwrap();
        assert_eq!(file, root.path().canonicalize().unwrap().join("data-secrets").join(SECRET_FILE_NAME));
        let mode = std::fs::metadata(file.parent().unwrap()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "only the portal's user may enter the secrets directory");
        create_secret(&file).unwrap();
        assert!(!data.join(SECRET_FILE_NAME).exists());
        assert_eq!(default_secret_file(&data).unwrap(), file, "found again at the next start");
    }

    #[test]
    fn a_secret_left_in_the_data_directory_is_moved_out_and_kept() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let legacy = data.join(SECRET_FILE_NAME);
        create_secret(&legacy).unwrap();
        let before = std::fs::read_to_string(&legacy).unwrap();
        let file = default_secret_file(&data).unwrap();
        assert!(!legacy.exists(), "no copy stays in the data directory");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "the same secret, so every booking is still found");
    }

    #[test]
    fn a_secret_file_inside_the_data_directory_is_recognised() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir(&data).unwrap();
        assert!(is_inside(&data.join("token-secret"), &data));
        assert!(!is_inside(&root.path().join("data-secrets/token-secret"), &data));
        assert!(!is_inside(&root.path().join("token-secret"), &data));
    }

    #[test]
    fn a_missing_data_dir_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let err = check_data_dir(&missing).unwrap_err();
        assert!(err.to_string().contains("does not exist"));
        assert!(err.to_string().contains(ENV_DATA_DIR));
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        assert!(matches!(check_data_dir(&file), Err(ConfigError::DataDirNotDir(_))));
    }
}

/// `postgres://…` of the anonymous store's database; unset: `anonymous.sqlite` in the data
/// directory.
pub const ENV_ANON_DATABASE_URL: &str = "RMP_ANON_DATABASE_URL";
/// `postgres://…` of the case store's database; unset: `cases.sqlite`.
pub const ENV_CASE_DATABASE_URL: &str = "RMP_CASE_DATABASE_URL";
/// `postgres://…` of the staff store's database; unset: `staff.sqlite`.
pub const ENV_STAFF_DATABASE_URL: &str = "RMP_STAFF_DATABASE_URL";

fn database_url(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// The anonymous store, on PostgreSQL when `RMP_ANON_DATABASE_URL` is set, else on SQLite in
/// `data_dir`.
pub async fn open_anon(data_dir: &Path, secret: TokenSecret) -> Result<app::store::AnonStore, String> {
    match database_url(ENV_ANON_DATABASE_URL) {
        Some(url) => app::store::AnonStore::connect(&url, secret).await,
        None => app::store::AnonStore::open(data_dir, secret).await,
    }
    .map_err(|e| e.to_string())
}

/// Opens the anonymous store and settles the token secret against it (issue 39), or says in one
/// line why the server must not start:
///
/// - a secret in its file must match the check value the store keeps (recorded where the store
///   has none yet: a new store, or one from before the check existed);
/// - no secret file: a new secret is made only if the store holds nothing keyed by one (no
///   booking code, message thread, evaluation code or check value), or with
///   `RMP_NEW_TOKEN_SECRET=1`, which then replaces the store's check value.
///
/// The new secret's file is written before its check value, so a crash between the two leaves a
/// secret that matches an empty store. Of two instances that start at once on an empty store with
/// different secrets, one records its check value and the other finds it differs and refuses.
pub async fn open_anon_checked(
    data_dir: &Path,
    secret_file: &Path,
    secret: Option<TokenSecret>,
    new_secret: bool,
) -> Result<(app::store::AnonStore, TokenSecret), String> {
    use app::store::SecretVerdict;
    let (secret, made) = match secret {
        Some(secret) => (secret, None),
        None => {
            let bytes = random_secret(secret_file).map_err(|e| e.to_string())?;
            (TokenSecret::from_bytes(bytes), Some(bytes))
        }
    };
    let anon = open_anon(data_dir, secret.clone()).await?;
    let check = anon.secret_check();
    let store_error = |e: app::store::StoreError| format!("the token secret's check in the anonymous store: {e}");
    let refuse = |anon: app::store::AnonStore, error: ConfigError| async move {
        anon.close().await;
        Err(error.to_string())
    };
    if let Some(bytes) = made {
        let held = check.keyed_data().await.map_err(store_error)?;
        if !held.is_empty() && !new_secret {
            return refuse(anon, ConfigError::SecretMissing(secret_file.to_path_buf(), held)).await;
        }
        write_secret(secret_file, &bytes).map_err(|e| e.to_string())?;
        if new_secret {
            check.replace().await.map_err(store_error)?;
            tracing::warn!(
                "made a new token secret, {}, as {ENV_NEW_TOKEN_SECRET}=1 asked: the {held} the anonymous store held can no longer be found or read; back the secret up separately from the data, and unset {ENV_NEW_TOKEN_SECRET}",
                secret_file.display()
            );
            return Ok((anon, secret));
        }
        tracing::info!("made a new token secret, {}: back it up separately from the data directory", secret_file.display());
    }
    match check.verify().await.map_err(store_error)? {
        SecretVerdict::Matches => {}
        SecretVerdict::Recorded => tracing::info!("recorded the token secret's check value in the anonymous store"),
        SecretVerdict::Differs => return refuse(anon, ConfigError::SecretDiffers(secret_file.to_path_buf())).await,
    }
    Ok((anon, secret))
}

/// The case store, on PostgreSQL when `RMP_CASE_DATABASE_URL` is set, else on SQLite.
pub async fn open_case(data_dir: &Path) -> Result<app::store::CaseStore, String> {
    match database_url(ENV_CASE_DATABASE_URL) {
        Some(url) => app::store::CaseStore::connect(&url).await,
        None => app::store::CaseStore::open(data_dir).await,
    }
    .map_err(|e| e.to_string())
}

/// The staff store, on PostgreSQL when `RMP_STAFF_DATABASE_URL` is set, else on SQLite.
pub async fn open_staff(data_dir: &Path) -> Result<app::store::StaffStore, String> {
    match database_url(ENV_STAFF_DATABASE_URL) {
        Some(url) => app::store::StaffStore::connect(&url).await,
        None => app::store::StaffStore::open(data_dir).await,
    }
    .map_err(|e| e.to_string())
}
