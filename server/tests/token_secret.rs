//! One token secret, checked (issue 39, item 2). The anonymous store keeps a check value, a keyed
//! hash of a fixed text under the token secret, and the server, started as an operator starts it,
//! refuses to run on another secret, and refuses to make a new one while the store holds anything
//! a secret keys, unless asked to (`RMP_NEW_TOKEN_SECRET=1`). Also the restore path of the
//! README's "Backups": data and secret put back start; data without the secret refuses, pointing
//! at the secret's backup.
//!
//! The anonymous store is on the engine of the run (SQLite in the data directory, or a schema of
//! its own on PostgreSQL with `RMP_TEST_ENGINE=postgres`); the other two stores stay on SQLite.
//! The tests read and write secret files and the store directly, never through the server's own
//! secret functions, so they judge the server binary from outside.

mod common;

use app::store::{AnonStore, CaseStore, NewHolder, SlotRef, StaffStore, TokenSecret};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where an instance keeps its data: a data directory, the secret beside it where the server
/// looks by default (`data/` → `data-secrets/token-secret`), and, on PostgreSQL, the anonymous
/// store's database.
struct Place {
    root: tempfile::TempDir,
    anon_url: Option<String>,
}

impl Place {
    async fn new() -> Place {
        common::start_clock();
        let root = tempfile::tempdir().unwrap();
        std::fs::DirBuilder::new().mode(0o700).create(root.path().join("data")).unwrap();
        let anon_url = if common::on_postgres() { Some(common::empty_postgres().await) } else { None };
        Place { root, anon_url }
    }

    fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn secret_file(&self) -> PathBuf {
        self.root.path().join("data-secrets").join("token-secret")
    }

    fn secret(&self) -> Option<[u8; 32]> {
        read_secret_file(&self.secret_file())
    }

    /// The anonymous store, opened here with `secret`, as the tests look into it.
    async fn anon(&self, secret: [u8; 32]) -> AnonStore {
        match &self.anon_url {
            Some(url) => AnonStore::connect(url, TokenSecret::from_bytes(secret)).await.unwrap(),
            None => AnonStore::open(&self.data(), TokenSecret::from_bytes(secret)).await.unwrap(),
        }
    }

    /// The check value the store holds now.
    async fn stored_check(&self) -> Option<[u8; 32]> {
        let anon = self.anon([0; 32]).await;
        let stored = anon.secret_check().stored().await.unwrap();
        anon.close().await;
        stored
    }

    /// The check value `secret` makes.
    async fn check_of(&self, secret: [u8; 32]) -> [u8; 32] {
        let anon = self.anon(secret).await;
        let value = anon.secret_check().value();
        anon.close().await;
        value
    }

    /// The server as an operator starts it on this place, with `env` added.
    fn start(&self, env: &[(&str, &str)]) -> Start {
        start_server(&self.data(), self.anon_url.as_deref(), env)
    }
}

fn read_secret_file(path: &Path) -> Option<[u8; 32]> {
    let text = std::fs::read_to_string(path).ok()?;
    let hex = text.trim();
    assert_eq!(hex.len(), 64, "{}: {hex:?}", path.display());
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap();
    }
    Some(bytes)
}

/// Writes `secret` to `path` as the server keeps it: 64 hex characters, mode 0600, in a
/// directory of mode 0700.
fn write_secret_file(path: &Path, secret: [u8; 32]) {
    let dir = path.parent().unwrap();
    if !dir.is_dir() {
        std::fs::DirBuilder::new().mode(0o700).recursive(true).create(dir).unwrap();
    }
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(path, format!("{hex}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// How a start ended: the server ran (and was stopped by the test), or it refused.
#[derive(Debug)]
enum Start {
    Ran { stderr: String },
    Refused { stderr: String },
}

impl Start {
    #[track_caller]
    fn ran(self) -> String {
        match self {
            Start::Ran { stderr } => stderr,
            Start::Refused { stderr } => panic!("the server refused to start:\n{stderr}"),
        }
    }

    /// The one line the refusal printed (`rusmiddelportalen: …`), checked to be the only one.
    #[track_caller]
    fn refused(self) -> String {
        match self {
            Start::Ran { stderr } => panic!("the server started where it must refuse:\n{stderr}"),
            Start::Refused { stderr } => {
                let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("rusmiddelportalen: ")).collect();
                assert_eq!(lines.len(), 1, "one line says why:\n{stderr}");
                assert!(!lines[0].contains('\n'));
                lines[0].to_string()
            }
        }
    }
}

/// Starts `target/release/server` (no command: serve) on `data`, listening on a free port,
/// and waits until it says it runs (then stops it) or exits.
fn start_server(data: &Path, anon_url: Option<&str>, env: &[(&str, &str)]) -> Start {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for name in ["RMP_TOKEN_SECRET_FILE", "RMP_NEW_TOKEN_SECRET", "RMP_ANON_DATABASE_URL", "RMP_CASE_DATABASE_URL", "RMP_STAFF_DATABASE_URL", "RMP_LIMITS_DATABASE_URL", "RMP_CONTENT_DIR"] {
        command.env_remove(name);
    }
    command
        .env("LEPTOS_OUTPUT_NAME", "rusmiddelportalen")
        .env("RMP_DATA_DIR", data)
        .env("RMP_LISTEN", "127.0.0.1:0")
        .env("RMP_CLOCK_START", common::CLOCK_START)
        .env("RUST_LOG", "info,sqlx=warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(url) = anon_url {
        command.env("RMP_ANON_DATABASE_URL", url);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    let (ran_tx, ran_rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("Rusmiddelportalen kører på http://") {
                let _ = ran_tx.send(());
            }
        }
    });
    let mut stderr_pipe = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let ran = loop {
        if ran_rx.recv_timeout(Duration::from_millis(50)).is_ok() {
            break true;
        }
        if child.try_wait().unwrap().is_some() {
            // It may have said it runs and then stopped: a refusal never prints that line.
            break ran_rx.try_recv().is_ok();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server neither ran nor exited in 60 s");
        }
    };
    if ran {
        let _ = child.kill();
    }
    let status = child.wait().unwrap();
    out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    if ran {
        Start::Ran { stderr }
    } else {
        assert!(!status.success(), "a refusal exits non-zero: {status}\n{stderr}");
        Start::Refused { stderr }
    }
}

/// Something a secret keys, put into the store with `secret`.
#[derive(Clone, Copy, Debug)]
enum Keyed {
    Booking,
    Thread,
    EvaluationCode,
}

async fn put(place: &Place, secret: [u8; 32], what: Keyed) {
    use app::domain::token::Token;
    let anon = place.anon(secret).await;
    match what {
        Keyed::Booking => {
            let starts_at = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:00:00+01:00").unwrap().to_utc();
            let slot = SlotRef { site: "pitstop", talk_kind: "fremmoede", starts_at, capacity: 1 };
            anon.book(&Token::generate(), Some(NewHolder { kommune: "ishoj", purpose: "clarifying" }), &slot, None).await.unwrap();
        }
        Keyed::Thread => {
            use app::domain::message::{MessageBody, Writer};
            let new = app::store::NewThread { kommune: "vallensbaek", site: "pitstop", writer: Writer::Relative };
            let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            anon.threads().open_thread(&Token::generate(), new, &MessageBody::parse("Et spørgsmål").unwrap(), day).await.unwrap();
        }
        Keyed::EvaluationCode => {
            use app::domain::evaluation::Moment;
            use app::domain::period::Month;
            let month = Month::new(2026, 12).unwrap();
            let scope = app::store::CodeScope { kommune: "odsherred", site: "rusmiddelteamet-odsherred", moment: Moment::Talk, month, expires: Month::new(2027, 6).unwrap() };
            anon.evaluations().hand_out(scope, 1).await.unwrap();
        }
    }
    anon.close().await;
}

#[tokio::test]
async fn a_new_secret_is_made_for_an_empty_store_and_its_check_value_recorded() {
    let place = Place::new().await;
    let log = place.start(&[]).ran();
    assert!(log.contains("made a new token secret"), "{log}");
    let secret = place.secret().expect("a secret file was made beside the data directory");
    let mode = std::fs::metadata(place.secret_file()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(place.stored_check().await, Some(place.check_of(secret).await), "the store holds the new secret's check value");
    assert_ne!(place.check_of(secret).await, place.check_of([9; 32]).await, "another secret makes another check value");
    // The next start reads the same secret, which matches.
    let log = place.start(&[]).ran();
    assert!(!log.contains("made a new token secret"), "{log}");
    assert_eq!(place.secret(), Some(secret), "the secret is kept");
}

#[tokio::test]
async fn a_store_from_before_the_check_gets_the_secrets_check_value_and_starts() {
    // Data and a secret, but no check value yet (an instance upgraded to this version).
    let place = Place::new().await;
    let secret = [5; 32];
    write_secret_file(&place.secret_file(), secret);
    put(&place, secret, Keyed::Booking).await;
    assert_eq!(place.stored_check().await, None);
    let log = place.start(&[]).ran();
    assert!(log.contains("recorded the token secret's check value"), "{log}");
    assert_eq!(place.stored_check().await, Some(place.check_of(secret).await));
    assert_eq!(place.secret(), Some(secret));
}

#[tokio::test]
async fn a_secret_that_does_not_match_the_store_refuses_to_start() {
    let place = Place::new().await;
    place.start(&[]).ran();
    let first = place.secret().unwrap();
    let check = place.stored_check().await;
    // Another instance's secret, or a wrong file put back.
    write_secret_file(&place.secret_file(), [9; 32]);
    let line = place.refused_line(&[]);
    let file = place.secret_file().display().to_string();
    assert!(line.contains(&file) && line.contains("is not the one the anonymous store's codes were made with"), "{line}");
    assert!(line.contains("from its backup") && line.contains("RMP_NEW_TOKEN_SECRET=1"), "it says what to do: {line}");
    assert_eq!(place.stored_check().await, check, "the store's check value is untouched");
    assert_eq!(place.secret(), Some([9; 32]), "the file is untouched");
    // The right secret back: it starts.
    write_secret_file(&place.secret_file(), first);
    place.start(&[]).ran();
}

impl Place {
    #[track_caller]
    fn refused_line(&self, env: &[(&str, &str)]) -> String {
        self.start(env).refused()
    }
}

#[tokio::test]
async fn a_missing_secret_with_data_in_the_store_refuses_and_makes_none() {
    for (what, said) in [
        (Some(Keyed::Booking), "1 booking code"),
        (Some(Keyed::Thread), "1 message thread"),
        (Some(Keyed::EvaluationCode), "1 evaluation code"),
        (None, "a token secret check value"),
    ] {
        let place = Place::new().await;
        place.start(&[]).ran();
        let secret = place.secret().unwrap();
        if let Some(what) = what {
            put(&place, secret, what).await;
        }
        std::fs::remove_file(place.secret_file()).unwrap();
        let line = place.refused_line(&[]);
        let file = place.secret_file().display().to_string();
        assert!(line.contains(&format!("token secret {file} is missing")) && line.contains(said), "{what:?}: {line}");
        assert!(line.contains("from its backup") && line.contains("RMP_NEW_TOKEN_SECRET=1"), "{line}");
        assert!(!place.secret_file().exists(), "{what:?}: no new secret was made");
        assert_eq!(place.stored_check().await, Some(place.check_of(secret).await), "the check value is untouched");
    }
}

#[tokio::test]
async fn the_new_secret_flag_makes_one_and_replaces_the_check_value_for_one_start() {
    let place = Place::new().await;
    place.start(&[]).ran();
    let lost = place.secret().unwrap();
    put(&place, lost, Keyed::Booking).await;
    put(&place, lost, Keyed::Thread).await;
    std::fs::remove_file(place.secret_file()).unwrap();

    let log = place.start(&[("RMP_NEW_TOKEN_SECRET", "1")]).ran();
    assert!(log.contains("made a new token secret") && log.contains("1 booking code, 1 message thread"), "{log}");
    let new = place.secret().expect("a new secret file");
    assert_ne!(new, lost);
    assert_eq!(place.stored_check().await, Some(place.check_of(new).await), "the check value is the new secret's");
    // Without the flag it starts on the new secret; the old one is refused.
    place.start(&[]).ran();
    // A flag left set makes nothing the next time: it refuses while a secret exists.
    let line = place.refused_line(&[("RMP_NEW_TOKEN_SECRET", "1")]);
    assert!(line.contains("RMP_NEW_TOKEN_SECRET=1, but token secret") && line.contains("unset it"), "{line}");
    assert_eq!(place.secret(), Some(new), "the secret is kept");
    write_secret_file(&place.secret_file(), lost);
    assert!(place.refused_line(&[]).contains("is not the one"));
    // A value other than 0 or 1 is refused, saying which.
    std::fs::remove_file(place.secret_file()).unwrap();
    let line = place.refused_line(&[("RMP_NEW_TOKEN_SECRET", "ja")]);
    assert!(line.contains("RMP_NEW_TOKEN_SECRET=\"ja\" must be 1"), "{line}");
    assert!(!place.secret_file().exists());
}

/// The race: two instances with different secrets check one empty store at once. Insert if
/// absent, then read back: exactly one records its check value, the other finds it differs.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_two_secrets_checked_at_once_on_an_empty_store_only_one_wins() {
    use app::store::SecretVerdict;
    for round in 0..20u8 {
        let place = Place::new().await;
        let (a, b) = (place.anon([round; 32]).await, place.anon([round ^ 0xff; 32]).await);
        let (ca, cb) = (a.secret_check(), b.secret_check());
        let (va, vb) = tokio::join!(tokio::spawn(async move { ca.verify().await.unwrap() }), tokio::spawn(async move { cb.verify().await.unwrap() }));
        let mut verdicts = [va.unwrap(), vb.unwrap()];
        verdicts.sort_by_key(|v| format!("{v:?}"));
        assert_eq!(verdicts, [SecretVerdict::Differs, SecretVerdict::Recorded], "round {round}");
        // Each sees the same again: the winner matches, the loser still differs.
        let (again_a, again_b) = (a.secret_check().verify().await.unwrap(), b.secret_check().verify().await.unwrap());
        assert!(matches!((again_a, again_b), (SecretVerdict::Matches, SecretVerdict::Differs) | (SecretVerdict::Differs, SecretVerdict::Matches)), "round {round}");
        a.close().await;
        b.close().await;
    }
}

/// The same race between two server processes, each with its own secret file, on one empty
/// store: one runs, the other refuses.
#[tokio::test]
async fn of_two_instances_started_at_once_with_different_secrets_one_runs() {
    let place = Place::new().await;
    // The stores' tables made first, as by an earlier start, so the processes race only on the
    // check value.
    place.anon([0; 32]).await.close().await;
    CaseStore::open(&place.data()).await.unwrap().close().await;
    StaffStore::open(&place.data()).await.unwrap().close().await;
    let files = [place.root.path().join("a-secrets/token-secret"), place.root.path().join("b-secrets/token-secret")];
    write_secret_file(&files[0], [1; 32]);
    write_secret_file(&files[1], [2; 32]);
    let handles: Vec<_> = files
        .iter()
        .map(|file| {
            let (data, url, file) = (place.data(), place.anon_url.clone(), file.display().to_string());
            std::thread::spawn(move || start_server(&data, url.as_deref(), &[("RMP_TOKEN_SECRET_FILE", &file)]))
        })
        .collect();
    let starts: Vec<Start> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ran: Vec<bool> = starts.iter().map(|s| matches!(s, Start::Ran { .. })).collect();
    assert_eq!(ran.iter().filter(|r| **r).count(), 1, "exactly one runs: {starts:?}");
    let winner = if ran[0] { [1; 32] } else { [2; 32] };
    assert_eq!(place.stored_check().await, Some(place.check_of(winner).await), "the store holds the runner's check value");
    let loser = starts.into_iter().find(|s| matches!(s, Start::Refused { .. })).unwrap().refused();
    assert!(loser.contains("is not the one"), "{loser}");
}

/// The README's restore (section "Backups"): the data backup into a fresh data directory and the
/// secret from its own backup start; the data without the secret refuses and points at the
/// secret's backup, and makes none. On PostgreSQL the restored database is the store itself (a
/// `pg_restore` gives the same rows); on SQLite it is `server backup`'s copy.
#[tokio::test]
async fn a_restore_starts_with_its_secret_and_refuses_without_it() {
    let place = Place::new().await;
    place.start(&[]).ran();
    let secret = place.secret().unwrap();
    put(&place, secret, Keyed::Booking).await;
    let backup = place.root.path().join("backup");
    if place.anon_url.is_none() {
        let out = Command::new(env!("CARGO_BIN_EXE_server")).arg("backup").arg(&backup).env("RMP_DATA_DIR", place.data()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("token secret is not in this backup"));
    }
    // The portal's machine is lost; the data is restored onto a new one.
    let restore = |name: &str| {
        let data = place.root.path().join(name).join("data");
        std::fs::DirBuilder::new().mode(0o700).recursive(true).create(&data).unwrap();
        if place.anon_url.is_none() {
            for file in app::store::STORE_FILES {
                std::fs::copy(backup.join(file), data.join(file)).unwrap();
            }
        }
        let secret_file = place.root.path().join(name).join("data-secrets/token-secret");
        (data, secret_file)
    };

    // Without the secret: refused, pointing at the secret's backup, and no secret made.
    let (data, secret_file) = restore("without");
    let start = start_server(&data, place.anon_url.as_deref(), &[]);
    let line = start.refused();
    assert!(line.contains(&format!("token secret {} is missing", secret_file.display())) && line.contains("1 booking code"), "{line}");
    assert!(line.contains("put the secret back at that path from its backup (README, \"Backups\")"), "{line}");
    assert!(!secret_file.exists());

    // With the secret from its backup: it starts, and finds the booking.
    let (data, secret_file) = restore("with");
    write_secret_file(&secret_file, secret);
    start_server(&data, place.anon_url.as_deref(), &[]).ran();
    let restored = match &place.anon_url {
        Some(url) => AnonStore::connect(url, TokenSecret::from_bytes(secret)).await.unwrap(),
        None => AnonStore::open(&data, TokenSecret::from_bytes(secret)).await.unwrap(),
    };
    assert_eq!(restored.holder_count().await.unwrap(), 1);
    assert_eq!(restored.secret_check().verify().await.unwrap(), app::store::SecretVerdict::Matches);
    restored.close().await;
}
