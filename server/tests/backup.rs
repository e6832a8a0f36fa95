//! Backups that restore (issue 17): `server backup DIR` copies the stores while bookings are being
//! written, and a portal started on the copy finds every booking that had a receipt before the
//! backup began.

mod common;

use app::store::{AnonStore, CaseStore, StaffStore, TokenSecret, STORE_FILES};
use app::text::t;
use common::{element_text, escaped, get, post, receipt_code, times};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The secret `common::stores` keys tokens with: backed up apart from the data and put back.
const SECRET: [u8; 32] = [7; 32];

/// A booked talk as its holder knows it: the code and the label on the receipt.
#[derive(Clone, Debug)]
struct Receipt {
    code: String,
    label: String,
    at: Instant,
}

async fn book(app: &axum::Router, kommune: &str, kind: &str, time: &str) -> Option<Receipt> {
    let (_, page) = post(app, "192.0.2.20:40000", &format!("/{kommune}/book"), &[("samtale", kind), ("tid", time), ("trin", "book")]).await;
    let label = element_text(&page, "label")?;
    Some(Receipt { code: receipt_code(&page), label, at: Instant::now() })
}

/// Every (municipality, kind of talk, time) the booking pages offer now.
async fn free_seats(app: &axum::Router) -> Vec<(String, String, String)> {
    let mut seats = Vec::new();
    for (kommune, kind) in [("ishoj", "fremmoede"), ("odsherred", "fremmoede"), ("thisted", "fremmoede"), ("vallensbaek", "fremmoede")] {
        let (_, page) = get(app, &format!("/{kommune}/book?samtale={kind}")).await;
        seats.extend(times(&page).into_iter().map(|t| (kommune.to_string(), kind.to_string(), t)));
    }
    seats
}

/// Runs `server backup TARGET` on `data`, as an operator would, beside the running portal.
async fn run_backup(data: &Path, target: &Path) -> std::process::Output {
    let (data, target) = (data.to_path_buf(), target.to_path_buf());
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_server")).arg("backup").arg(&target).env("RMP_DATA_DIR", &data).output().unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_bookings_are_written_restores_every_receipted_booking() {
    let (stores, data) = common::stores().await;
    let app = common::router(stores);
    let mut seats = free_seats(&app).await;
    assert!(seats.len() >= 40, "enough seats to book before and during the backup: {}", seats.len());

    let receipts = Arc::new(Mutex::new(Vec::new()));
    for (kommune, kind, time) in seats.drain(..10) {
        let receipt = book(&app, &kommune, &kind, &time).await.expect("booked before the backup");
        receipts.lock().unwrap().push(receipt);
    }
    // A writer books on while the backup runs.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, receipts, stop) = (app.clone(), receipts.clone(), stop.clone());
        tokio::spawn(async move {
            for (kommune, kind, time) in seats {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Some(receipt) = book(&app, &kommune, &kind, &time).await {
                    receipts.lock().unwrap().push(receipt);
                }
            }
        })
    };
    while receipts.lock().unwrap().len() < 12 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let backup_dir = tempfile::tempdir().unwrap();
    let target = backup_dir.path().join("2026-12-04");
    let begun = Instant::now();
    let out = run_backup(data.path(), &target).await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    for file in STORE_FILES {
        assert!(stdout.contains(&target.join(file).display().to_string()), "{stdout}");
        let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(target.join(file)).unwrap().permissions()) & 0o777;
        assert_eq!(mode, 0o600, "{file}: the copy holds what the store holds, for the portal's user only");
    }
    assert!(stdout.contains("token secret is not in this backup"), "{stdout}");
    assert!(!target.join("token-secret").exists());

    // Restore: the copies into a fresh data directory, the secret from its own backup.
    let fresh = tempfile::tempdir().unwrap();
    for file in STORE_FILES {
        std::fs::copy(target.join(file), fresh.path().join(file)).unwrap();
    }
    let anon = AnonStore::open(fresh.path(), TokenSecret::from_bytes(SECRET)).await.unwrap();
    let restored_stores = server::Stores { anon, case: CaseStore::open(fresh.path()).await.unwrap(), staff: StaffStore::open(fresh.path()).await.unwrap() };
    let restored = common::router(restored_stores);
    let receipts = receipts.lock().unwrap().clone();
    let before: Vec<&Receipt> = receipts.iter().filter(|r| r.at < begun).collect();
    assert!(before.len() >= 12);
    assert!(receipts.iter().any(|r| r.at > begun), "the writer was still booking while the backup ran");
    for receipt in before {
        let (_, page) = post(&restored, "192.0.2.21:40000", "/min-aftale", &[("kode", &receipt.code)]).await;
        assert!(!page.contains(&escaped(t::MANAGE_UNKNOWN)), "a booking with a receipt before the backup is in it: {receipt:?}");
        assert!(page.contains(&escaped(&receipt.label)), "{receipt:?}\n{page}");
    }
    // And the restored portal books on.
    let seat = free_seats(&restored).await.pop().expect("a free seat");
    assert!(book(&restored, &seat.0, &seat.1, &seat.2).await.is_some());
}

#[tokio::test]
async fn a_backup_never_overwrites_and_says_what_is_wrong() {
    let (_stores, data) = common::stores().await;
    let backup_dir = tempfile::tempdir().unwrap();
    let target = backup_dir.path().join("copy");
    assert!(run_backup(data.path(), &target).await.status.success());
    let again = run_backup(data.path(), &target).await;
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success() && stderr.contains("already exists"), "{stderr}");

    let empty = tempfile::tempdir().unwrap();
    let nothing = run_backup(empty.path(), &backup_dir.path().join("other")).await;
    let stderr = String::from_utf8_lossy(&nothing.stderr);
    assert!(!nothing.status.success() && stderr.contains("is missing") && stderr.contains("RMP_DATA_DIR"), "{stderr}");
}
