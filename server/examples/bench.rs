//! The measurements of `scripts/bench.sh` that need a program rather than a load tool: the
//! booking write path, the races, the crash check and the malformed-input run. Each subcommand
//! prints its figures as Markdown on stdout (diagnostics on stderr) and exits non-zero when what
//! it checks does not hold. Requests go only to the 127.0.0.1 address the script passes.
//!
//! A STORE is a data directory (SQLite) or the anonymous store's `postgres://` URL.
//!
//!   bench sqlite   DIR N CONC                    raw SQLite inserts, the store's pragmas
//!   bench postgres URL N CONC                    raw PostgreSQL inserts, the same durability
//!   bench store    STORE N CONC                  AnonStore::book, no HTTP
//!   bench book     ADDR CONC [PID KILL_AFTER RECEIPTS]   POST every free seat of every site
//!   bench check    STORE RECEIPTS                after a crash: receipts stored, no slot over capacity
//!   bench race     ADDR STORE N                  N clients, one one-seat slot
//!   bench quota    STORE N                       N bookings on one token with 4 of 5 used
//!   bench quota-http ADDR N                      the same through HTTP: N relatives' POSTs at once
//!   bench guesses  ADDR BUDGET                   wrong codes until the guess limit answers
//!   bench fuzz     ADDR N ROOT                   N malformed requests to every server fn and form

use app::content::{content, TalkPurpose};
use app::domain::slots::{self, SlotError};
use app::domain::token::{Token, TokenError};
use app::store::{AnonStore, BookError, NewHolder, SlotRef, TokenSecret};
use app::text::t;
use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

type Fail = String;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = |i: usize| args.get(i).cloned().unwrap_or_else(|| usage());
    let n = |i: usize| a(i).parse::<usize>().unwrap_or_else(|_| usage());
    let result = match args.first().map(String::as_str) {
        Some("sqlite") => sqlite_inserts(Path::new(&a(1)), n(2), n(3)).await,
        Some("postgres") => postgres_inserts(&a(1), n(2), n(3)).await,
        Some("store") => store_bookings(&a(1), n(2), n(3)).await,
        Some("book") => {
            let kill = (args.len() >= 6).then(|| (a(3), n(4), a(5)));
            book_every_seat(&a(1), n(2), kill).await
        }
        Some("check") => crash_check(&a(1), Path::new(&a(2))).await,
        Some("race") => race(&a(1), &a(2), n(3)).await,
        Some("quota") => quota_race(&a(1), n(2)).await,
        Some("quota-http") => quota_http(&a(1), n(2)).await,
        Some("guesses") => guesses(&a(1), n(2)).await,
        Some("fuzz") => fuzz(&a(1), n(2), Path::new(&a(3))).await,
        _ => usage(),
    };
    if let Err(e) = result {
        println!("\n**FAILED:** {e}\n");
        eprintln!("bench: FAILED: {e}");
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: see the top of server/examples/bench.rs");
    std::process::exit(2)
}

// ---------------------------------------------------------------- HTTP, by hand on purpose:
// the malformed-input run needs to send bytes no client library would (invalid UTF-8, broken
// encodings). HTTP/1.0 with one request per connection, so the answer ends at EOF.

struct Answer {
    status: u16,
    body: String,
}

fn request(method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut r = format!("{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if let Some(ct) = content_type {
        r.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    if method != "GET" || !body.is_empty() {
        r.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    r.push_str("\r\n");
    let mut bytes = r.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

async fn send_on(mut s: TcpStream, raw: &[u8]) -> std::io::Result<Answer> {
    s.write_all(raw).await?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await?;
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(buf.len());
    let head = String::from_utf8_lossy(&buf[..head_end]);
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| std::io::Error::other("no status line"))?;
    let body = String::from_utf8_lossy(buf.get(head_end + 4..).unwrap_or_default()).into_owned();
    Ok(Answer { status, body })
}

async fn send(addr: &str, raw: &[u8]) -> std::io::Result<Answer> {
    send_on(TcpStream::connect(addr).await?, raw).await
}

fn form_encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Text as Leptos writes it into HTML.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

// ---------------------------------------------------------------- slots

#[derive(Clone, Debug)]
struct Seat {
    kommune: &'static str,
    site: &'static str,
    kind: String,
    starts_at: DateTime<Utc>,
    capacity: u32,
}

/// Every seat of every bookable slot of every site (a site shared by two municipalities once).
fn every_seat() -> Vec<Seat> {
    let mut seen = Vec::new();
    let mut seats = Vec::new();
    for &k in app::content::kommuner() {
        let Some(site) = content().booking_site(k) else { continue };
        if seen.contains(&site.id) {
            continue;
        }
        seen.push(site.id.clone());
        // `/{kommune}/book` books the clarifying conversation; relatives' and counselling talks
        // have pages of their own, which need a token.
        for kind in site.talks.iter().filter(|t| t.purpose == TalkPurpose::Clarifying) {
            for slot in slots::slots(&kind.hours, Utc::now()) {
                for _ in 0..slot.capacity {
                    seats.push(Seat { kommune: k.slug(), site: site.id.as_str(), kind: kind.id.clone(), starts_at: slot.starts_at, capacity: slot.capacity });
                }
            }
        }
    }
    seats
}

fn book_body(seat: &Seat) -> Vec<u8> {
    format!("samtale={}&tid={}&trin=book", form_encode(&seat.kind), form_encode(&seat.starts_at.to_rfc3339())).into_bytes()
}

enum Outcome {
    Receipt(String),
    Taken,
    Other(u16),
}

fn outcome(a: &Answer) -> Outcome {
    if a.status == 200 && a.body.contains("id=\"label\"") {
        let after = &a.body[a.body.find("id=\"label\"").unwrap_or(0)..];
        let label = after.split('>').nth(1).and_then(|s| s.split('<').next()).unwrap_or("").trim().to_string();
        Outcome::Receipt(label)
    } else if a.status == 200 && a.body.contains(&escaped(t::slot_error(SlotError::Full))) {
        Outcome::Taken
    } else {
        Outcome::Other(a.status)
    }
}

// ---------------------------------------------------------------- 2. write path

/// Opens a SQLite file exactly as `app::store::sqlite::open` does (WAL, synchronous NORMAL,
/// foreign keys, 5 s busy timeout, 8 connections).
async fn pool_like_the_store(file: &Path) -> Result<sqlx::SqlitePool, Fail> {
    let options = SqliteConnectOptions::new()
        .filename(file)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(std::time::Duration::from_secs(5));
    SqlitePoolOptions::new().max_connections(8).connect_with(options).await.map_err(|e| e.to_string())
}

fn is_postgres(store: &str) -> bool {
    store.starts_with("postgres://") || store.starts_with("postgresql://")
}

/// The anonymous store at STORE, opened as the portal opens it.
async fn open_store(store: &str, secret: TokenSecret) -> Result<AnonStore, Fail> {
    let opened = if is_postgres(store) { AnonStore::connect(store, secret).await } else { AnonStore::open(Path::new(store), secret).await };
    opened.map_err(|e| e.to_string())
}

/// A pool on the anonymous store's tables at STORE, to count what was stored. Queries use `$N`,
/// which both engines read.
async fn store_rows(store: &str) -> Result<sqlx::AnyPool, Fail> {
    sqlx::any::install_default_drivers();
    let url = if is_postgres(store) { store.to_string() } else { format!("sqlite://{}", Path::new(store).join(AnonStore::FILE_NAME).display()) };
    sqlx::any::AnyPoolOptions::new().max_connections(2).connect(&url).await.map_err(|e| e.to_string())
}

async fn sqlite_inserts(dir: &Path, n: usize, conc: usize) -> Result<(), Fail> {
    let pool = pool_like_the_store(&dir.join("raw.sqlite")).await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, site TEXT NOT NULL, starts_at TEXT NOT NULL, seat INTEGER NOT NULL) STRICT")
        .execute(&pool)
        .await
        .map_err(|e| e.to_string())?;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..conc)
        .map(|_| {
            let (pool, next) = (pool.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        return Ok::<(), sqlx::Error>(());
                    }
                    // One transaction per row, taken like a booking's (BEGIN IMMEDIATE).
                    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                    sqlx::query("INSERT INTO raw (label, site, starts_at, seat) VALUES (?, 'pitstop', ?, 0)")
                        .bind(format!("label {i}"))
                        .bind(format!("2030-01-01T{:02}:00:00Z", i % 24))
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                }
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
    }
    let secs = started.elapsed().as_secs_f64();
    println!("| raw SQLite insert, one row per `BEGIN IMMEDIATE` transaction | {n} | {conc} | {secs:.2} | {:.0} |", n as f64 / secs);
    Ok(())
}

/// The PostgreSQL counterpart of `sqlite_inserts`: one row per transaction with
/// `synchronous_commit` on (the server's default, as the stores run), so a commit has reached the
/// disk before it returns, like a booking's.
async fn postgres_inserts(url: &str, n: usize, conc: usize) -> Result<(), Fail> {
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(conc as u32).connect(url).await.map_err(|e| e.to_string())?;
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS raw (id BIGSERIAL PRIMARY KEY, label TEXT NOT NULL UNIQUE, site TEXT NOT NULL, starts_at TEXT NOT NULL, seat INTEGER NOT NULL)")
        .execute(&pool)
        .await
        .map_err(|e| e.to_string())?;
    let (sync,): (String,) = sqlx::query_as("SHOW synchronous_commit").fetch_one(&pool).await.map_err(|e| e.to_string())?;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..conc)
        .map(|_| {
            let (pool, next) = (pool.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        return Ok::<(), sqlx::Error>(());
                    }
                    let mut tx = pool.begin().await?;
                    sqlx::query("INSERT INTO raw (label, site, starts_at, seat) VALUES ($1, 'pitstop', $2, 0)")
                        .bind(format!("label {i}"))
                        .bind(format!("2030-01-01T{:02}:00:00Z", i % 24))
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                }
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
    }
    let secs = started.elapsed().as_secs_f64();
    println!("| raw PostgreSQL insert, one row per transaction (`synchronous_commit = {sync}`) | {n} | {conc} | {secs:.2} | {:.0} |", n as f64 / secs);
    Ok(())
}

fn hour(i: usize) -> DateTime<Utc> {
    let t = Utc::now() + Duration::days(2) + Duration::hours(i as i64);
    DateTime::from_timestamp(t.timestamp() - t.timestamp() % 3600, 0).expect("a valid time")
}

async fn store_bookings(location: &str, n: usize, conc: usize) -> Result<(), Fail> {
    let store = open_store(location, TokenSecret::from_bytes(rand::random())).await?;
    let engine = if is_postgres(location) { "PostgreSQL" } else { "SQLite" };
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..conc)
        .map(|_| {
            let (store, next) = (store.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        return Ok::<(), BookError>(());
                    }
                    let slot = SlotRef { site: "pitstop", talk_kind: "fremmoede", starts_at: hour(i), capacity: 1 };
                    store.book(&Token::generate(), Some(NewHolder { kommune: "ishoj", purpose: "clarifying" }), &slot, None).await?;
                }
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
    }
    let secs = started.elapsed().as_secs_f64();
    println!("| `AnonStore::book` on {engine} (holder + seat + label in one transaction, no HTTP) | {n} | {conc} | {secs:.2} | {:.0} |", n as f64 / secs);
    Ok(())
}

/// Books every free seat through `POST /{kommune}/book`. With `kill` = (pid, after, file): sends
/// SIGKILL to the server after `after` receipts and writes every receipt's label and slot to
/// `file`.
async fn book_every_seat(addr: &str, conc: usize, kill: Option<(String, usize, String)>) -> Result<(), Fail> {
    let seats = every_seat();
    let total = seats.len();
    let queue = Arc::new(Mutex::new(seats.into_iter().collect::<VecDeque<_>>()));
    let receipts = Arc::new(Mutex::new(Vec::<(String, Seat)>::new()));
    let (taken, other, refused) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let killed = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let started = Instant::now();
    let workers: Vec<_> = (0..conc)
        .map(|_| {
            let (queue, receipts, taken, other, refused, killed, kill) =
                (queue.clone(), receipts.clone(), taken.clone(), other.clone(), refused.clone(), killed.clone(), kill.clone());
            let addr = addr.to_string();
            tokio::spawn(async move {
                loop {
                    let Some(seat) = queue.lock().unwrap().pop_front() else { return };
                    let path = format!("/{}/book", seat.kommune);
                    match send(&addr, &request("POST", &path, Some("application/x-www-form-urlencoded"), &book_body(&seat))).await {
                        Ok(a) => match outcome(&a) {
                            Outcome::Receipt(label) => {
                                let n = {
                                    let mut r = receipts.lock().unwrap();
                                    r.push((label, seat));
                                    r.len()
                                };
                                if let Some((pid, after, _)) = &kill {
                                    if n >= *after && !killed.swap(true, Ordering::SeqCst) {
                                        let _ = std::process::Command::new("kill").args(["-9", pid.as_str()]).status();
                                        eprintln!("bench: sent SIGKILL to the server after {n} receipts");
                                    }
                                }
                            }
                            Outcome::Taken => {
                                taken.fetch_add(1, Ordering::Relaxed);
                            }
                            Outcome::Other(_) => {
                                other.fetch_add(1, Ordering::Relaxed);
                            }
                        },
                        Err(_) => {
                            refused.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| e.to_string())?;
    }
    let secs = started.elapsed().as_secs_f64();
    let receipts = receipts.lock().unwrap();
    let (taken, other, refused) = (taken.load(Ordering::Relaxed), other.load(Ordering::Relaxed), refused.load(Ordering::Relaxed));
    match &kill {
        None => {
            println!(
                "| `POST /{{kommune}}/book` through the server, every free seat of every site | {} | {conc} | {secs:.2} | {:.0} |",
                receipts.len(),
                receipts.len() as f64 / secs
            );
            if receipts.len() != total || taken + other + refused != 0 {
                return Err(format!("{total} free seats: {} booked, {taken} taken, {other} other answers, {refused} failed connections", receipts.len()));
            }
        }
        Some((_, _, file)) => {
            let lines: String = receipts.iter().map(|(l, s)| format!("{l}\t{}\t{}\t{}\n", s.kind, s.starts_at.to_rfc3339(), s.capacity)).collect();
            std::fs::write(file, lines).map_err(|e| e.to_string())?;
            println!(
                "- Load: {conc} clients booking the {total} free seats; SIGKILL after {} receipts. Receipts that reached a client: **{}**; other answers {other}; requests that failed (server gone) {refused}.",
                receipts.len().min(kill.as_ref().map_or(0, |k| k.1)),
                receipts.len()
            );
            if !killed.load(Ordering::SeqCst) {
                return Err("the load ended before the server was killed".into());
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- 4. crash check

async fn crash_check(location: &str, receipts_file: &Path) -> Result<(), Fail> {
    let pool = store_rows(location).await?;
    let receipts = std::fs::read_to_string(receipts_file).map_err(|e| e.to_string())?;
    let mut missing = Vec::new();
    let mut n = 0;
    let mut capacity: HashMap<(String, String), u32> = HashMap::new();
    for line in receipts.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let &[label, kind, starts_at, cap] = f.as_slice() else { return Err(format!("bad receipts line {line:?}")) };
        n += 1;
        let starts = DateTime::parse_from_rfc3339(starts_at).map_err(|e| e.to_string())?.with_timezone(&Utc);
        let row: Option<(String, String, String)> = sqlx::query_as("SELECT talk_kind, starts_at, status FROM anon_booking WHERE label = $1")
            .bind(label)
            .fetch_optional(&pool)
            .await
            .map_err(|e| e.to_string())?;
        match row {
            Some((k, s, status)) if k == kind && s == starts.format("%Y-%m-%dT%H:%M:%SZ").to_string() && status == "booked" => {}
            _ => missing.push(label.to_string()),
        }
        capacity.insert((kind.to_string(), starts.format("%Y-%m-%dT%H:%M:%SZ").to_string()), cap.parse().unwrap_or(1));
    }
    let (stored,): (i64,) = sqlx::query_as("SELECT count(*) FROM anon_booking WHERE status <> 'cancelled'").fetch_one(&pool).await.map_err(|e| e.to_string())?;
    // No slot holds more live bookings than it has seats, and no seat is held twice.
    let per_slot: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT site, talk_kind, starts_at, count(*), count(DISTINCT seat) FROM anon_booking WHERE status <> 'cancelled' GROUP BY site, talk_kind, starts_at",
    )
    .fetch_all(&pool)
    .await
    .map_err(|e| e.to_string())?;
    let offered: HashMap<(String, String, String), u32> =
        every_seat().into_iter().map(|s| ((s.site.to_string(), s.kind, s.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()), s.capacity)).collect();
    let mut over = 0;
    for (site, kind, starts_at, count, seats) in &per_slot {
        let cap = offered
            .get(&(site.clone(), kind.clone(), starts_at.clone()))
            .copied()
            .or_else(|| every_seat_capacity(site, kind, starts_at))
            .or_else(|| capacity.get(&(kind.clone(), starts_at.clone())).copied())
            .unwrap_or(1);
        if *count != *seats || *count > i64::from(cap) {
            over += 1;
        }
    }
    // SQLite checks its file; PostgreSQL's own recovery replays its log, and has no such pragma.
    let integrity = if is_postgres(location) {
        "ok".to_string()
    } else {
        let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&pool).await.map_err(|e| e.to_string())?;
        integrity
    };
    let checked = if is_postgres(location) { String::new() } else { format!("; `PRAGMA integrity_check`: {integrity}") };
    println!(
        "- After the kill: {stored} live bookings stored (receipted {n}, the rest committed but their answer never left the dying server); receipts missing from the store: **{}**; slots over capacity or with a seat twice: **{over}** of {}{checked}.",
        missing.len(),
        per_slot.len()
    );
    if !missing.is_empty() || over > 0 || integrity != "ok" || n == 0 {
        return Err(format!("{} receipted bookings missing, {over} slots double-booked, integrity {integrity}, {n} receipts", missing.len()));
    }
    Ok(())
}

fn every_seat_capacity(site_id: &str, kind: &str, starts_at: &str) -> Option<u32> {
    let site = content().booking_sites().iter().find(|s| s.id == site_id)?;
    let talk = site.talks.iter().find(|t| t.id == kind)?;
    let at = DateTime::parse_from_rfc3339(starts_at).ok()?.with_timezone(&Utc);
    // A slot may have passed its notice since it was booked; then any rule's capacity bounds it.
    slots::bookable(&talk.hours, at - Duration::days(1), at).ok().map(|s| s.capacity)
}

// ---------------------------------------------------------------- 3. races

async fn race(addr: &str, location: &str, n: usize) -> Result<(), Fail> {
    let seat = every_seat().into_iter().find(|s| s.capacity == 1).ok_or("no one-seat slot")?;
    let raw = Arc::new(request("POST", &format!("/{}/book", seat.kommune), Some("application/x-www-form-urlencoded"), &book_body(&seat)));
    // Connect everyone first, then send all requests at once.
    let mut conns = Vec::with_capacity(n);
    for _ in 0..n {
        conns.push(TcpStream::connect(addr).await.map_err(|e| format!("connect: {e}"))?);
    }
    let gate = Arc::new(tokio::sync::Barrier::new(n));
    let started = Instant::now();
    let tasks: Vec<_> = conns
        .into_iter()
        .map(|c| {
            let (gate, raw) = (gate.clone(), raw.clone());
            tokio::spawn(async move {
                gate.wait().await;
                send_on(c, &raw).await
            })
        })
        .collect();
    let (mut won, mut taken, mut other) = (0, 0, Vec::new());
    for t in tasks {
        match t.await.map_err(|e| e.to_string())? {
            Ok(a) => match outcome(&a) {
                Outcome::Receipt(_) => won += 1,
                Outcome::Taken => taken += 1,
                Outcome::Other(s) => other.push(s),
            },
            Err(e) => return Err(format!("a racer's request failed: {e}")),
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let pool = store_rows(location).await?;
    let (stored,): (i64,) = sqlx::query_as("SELECT count(*) FROM anon_booking WHERE starts_at = $1 AND talk_kind = $2 AND status <> 'cancelled'")
        .bind(seat.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .bind(&seat.kind)
        .fetch_one(&pool)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "| {n} HTTP clients, one one-seat slot (`POST /{}/book`, {}) | {won} receipt | {taken} told \"{}\" | {} | {stored} | {secs:.2} s |",
        seat.kommune,
        seat.kind,
        t::slot_error(SlotError::Full),
        other.len(),
    );
    if won != 1 || taken != n - 1 || stored != 1 {
        return Err(format!("expected 1 receipt, {} taken and 1 stored; got {won}, {taken} (other statuses {other:?}) and {stored}", n - 1));
    }
    Ok(())
}

async fn quota_race(location: &str, n: usize) -> Result<(), Fail> {
    let store = open_store(location, TokenSecret::from_bytes(rand::random())).await?;
    let token = Token::generate();
    let slot = |i: usize| SlotRef { site: "pitstop", talk_kind: "paaroerende", starts_at: hour(i * 24), capacity: 5 };
    store.book(&token, Some(NewHolder { kommune: "ishoj", purpose: "relative" }), &slot(0), Some(5)).await.map_err(|e| e.to_string())?;
    for i in 1..4 {
        store.book(&token, None, &slot(i), Some(5)).await.map_err(|e| e.to_string())?;
    }
    let gate = Arc::new(tokio::sync::Barrier::new(n));
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let (store, token, gate) = (store.clone(), token.clone(), gate.clone());
            tokio::spawn(async move {
                gate.wait().await;
                store.book(&token, None, &slot(10 + i), Some(5)).await
            })
        })
        .collect();
    let (mut won, mut quota, mut other) = (0, 0, 0);
    for t in tasks {
        match t.await.map_err(|e| e.to_string())? {
            Ok(_) => won += 1,
            Err(BookError::QuotaReached { used: 5, max: 5 }) => quota += 1,
            Err(e) => {
                eprintln!("bench: quota racer: {e}");
                other += 1
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let live = store.bookings(&token).await.map_err(|e| e.to_string())?.map_or(0, |b| b.len());
    println!("| {n} bookings at once on one token with 4 of 5 talks used (`AnonStore::book`, max 5) | {won} booked | {quota} told the quota is reached | {other} | {live} live on the token | {secs:.2} s |");
    if won != 1 || quota != n - 1 || live != 5 {
        return Err(format!("expected exactly one more booking and 5 live; got {won} booked, {quota} refused, {other} other, {live} live"));
    }
    Ok(())
}

// ---------------------------------------------------------------- 5. malformed input

/// What the generator draws from: field names the forms and functions use, and bad values.
const FIELDS: &[&str] = &[
    "kommune", "samtale", "slug", "topic", "situation", "guarantee_from", "decision", "henvendt", "afgoerelse", "kode", "booking",
    "handling", "tid", "trin", "titel", "gemt", "situation[age]", "situation[role]", "situation[anonymous]", "situation[children]",
    // The message form (issue 19) and the evaluation form (issue 18).
    "sted", "om", "besked", "svar-samtalen", "svar-kontakt",
];
/// The free times of the relatives' talks where a municipality offers them, one seat of each:
/// a code books a time once.
fn relative_seats() -> Vec<Seat> {
    let mut seats = Vec::new();
    for &k in app::content::kommuner() {
        let Some(site) = content().booking_site(k) else { continue };
        for kind in site.talks.iter().filter(|t| t.purpose == TalkPurpose::Relative) {
            for slot in slots::slots(&kind.hours, Utc::now()) {
                seats.push(Seat { kommune: k.slug(), site: site.id.as_str(), kind: kind.id.clone(), starts_at: slot.starts_at, capacity: slot.capacity });
            }
        }
        if !seats.is_empty() {
            return seats;
        }
    }
    seats
}

/// The text of the element with `id`, as the receipt shows the code and the label.
fn element_text(page: &str, id: &str) -> Option<String> {
    let at = page.find(&format!("id=\"{id}\""))?;
    let text = page[at..].split('>').nth(1)?.split('<').next()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// `ADDRS` is one address or several, comma-separated: request `i` goes to the `i`-th, round.
fn addresses(addrs: &str) -> Vec<String> {
    addrs.split(',').map(str::to_string).collect()
}

/// `n` relatives' bookings at once on one code that has used 4 of its 5 talks, through HTTP,
/// spread over every address in ADDRS (two instances on one PostgreSQL): exactly one more.
async fn quota_http(addrs: &str, n: usize) -> Result<(), Fail> {
    let addrs = addresses(addrs);
    let seats = relative_seats();
    if seats.len() < 5 {
        return Err(format!("only {} relatives' seats offered", seats.len()));
    }
    let path = format!("/{}/paaroerende", seats[0].kommune);
    let body = |seat: &Seat, code: Option<&str>| {
        let mut b = format!("samtale={}&tid={}&trin=book", form_encode(&seat.kind), form_encode(&seat.starts_at.to_rfc3339()));
        if let Some(code) = code {
            b.push_str(&format!("&kode={}", form_encode(code)));
        }
        b.into_bytes()
    };
    let form = Some("application/x-www-form-urlencoded");
    let first = send(&addrs[0], &request("POST", &path, form, &body(&seats[0], None))).await.map_err(|e| e.to_string())?;
    let code = element_text(&first.body, "token").ok_or_else(|| format!("the first relative's booking gave no code (status {})", first.status))?;
    for (i, seat) in seats[1..4].iter().enumerate() {
        let a = send(&addrs[(i + 1) % addrs.len()], &request("POST", &path, form, &body(seat, Some(&code)))).await.map_err(|e| e.to_string())?;
        element_text(&a.body, "label").ok_or_else(|| format!("booking {} of 4 on the code was not made (status {})", i + 2, a.status))?;
    }
    // Connect everyone first, then send all at once, each to a seat of its own where there are
    // enough (a seat taken twice answers "taken", counted apart).
    let mut conns = Vec::with_capacity(n);
    for i in 0..n {
        conns.push(TcpStream::connect(&addrs[i % addrs.len()]).await.map_err(|e| format!("connect: {e}"))?);
    }
    let gate = Arc::new(tokio::sync::Barrier::new(n));
    let quota_text = "flere anonyme samtaler på denne kode";
    let started = Instant::now();
    let tasks: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let raw = request("POST", &path, form, &body(&seats[4 + i % (seats.len() - 4)], Some(&code)));
            let gate = gate.clone();
            tokio::spawn(async move {
                gate.wait().await;
                send_on(c, &raw).await
            })
        })
        .collect();
    let (mut won, mut quota, mut taken, mut other) = (0, 0, 0, Vec::new());
    for t in tasks {
        let a = t.await.map_err(|e| e.to_string())?.map_err(|e| format!("a request failed: {e}"))?;
        if a.status == 200 && element_text(&a.body, "label").is_some() {
            won += 1;
        } else if a.status == 200 && a.body.contains(quota_text) {
            quota += 1;
        } else if a.status == 200 && a.body.contains(&escaped(t::slot_error(SlotError::Full))) {
            taken += 1;
        } else {
            other.push(a.status);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "| {n} relatives' bookings at once on one code with 4 of 5 talks used (`POST {path}`, split over {} instances) | {won} booked | {quota} told the code has used its talks, {taken} told the time is taken | {} | {secs:.2} s |",
        addrs.len(),
        other.len()
    );
    if won != 1 || !other.is_empty() {
        return Err(format!("expected exactly one more booking; got {won} booked, {quota} refused by the cap, {taken} taken, other answers {other:?}"));
    }
    Ok(())
}

/// Wrong codes typed at `/min-aftale`, request `i` to the `i`-th of ADDRS in turn, until the
/// guess limit answers: with the limit shared, exactly BUDGET are looked up over all instances
/// together (with a limit in each instance's memory, it would be BUDGET for each).
async fn guesses(addrs: &str, budget: usize) -> Result<(), Fail> {
    let addrs = addresses(addrs);
    let form = Some("application/x-www-form-urlencoded");
    let tries = budget + 4;
    let (mut looked_up, mut throttled, mut other) = (0, 0, Vec::new());
    for i in 0..tries {
        let body = format!("kode={}", form_encode(&Token::generate().grouped()));
        let a = send(&addrs[i % addrs.len()], &request("POST", "/min-aftale", form, body.as_bytes())).await.map_err(|e| e.to_string())?;
        if a.body.contains(&escaped(t::MANAGE_THROTTLED)) {
            throttled += 1;
        } else if a.body.contains(&escaped(t::MANAGE_UNKNOWN)) {
            looked_up += 1;
        } else {
            other.push(a.status);
        }
    }
    println!(
        "| {tries} wrong codes at `/min-aftale`, in turn to {} instances, budget {budget} an hour | {looked_up} looked up and not found | {throttled} told to try again later | {} |",
        addrs.len(),
        other.len()
    );
    if looked_up != budget || throttled != tries - budget {
        return Err(format!("expected {budget} looked up and {} refused; got {looked_up}, {throttled}, other answers {other:?}", tries - budget));
    }
    Ok(())
}


fn bad_value(rng: &mut StdRng) -> Vec<u8> {
    match rng.random_range(0..18) {
        0 => Vec::new(),
        1 => vec![b'A'; rng.random_range(1_000..14_000)],
        2 => (0..rng.random_range(1..64)).map(|_| rng.random::<u8>()).collect(), // raw bytes, mostly not UTF-8
        3 => b"%FF%FE%C3%28".to_vec(),                                               // percent-encoded invalid UTF-8
        4 => b"%zz%".to_vec(),
        5 => b"-1".to_vec(),
        6 => b"99999999999999999999999".to_vec(),
        7 => ["0000-00-00", "2026-02-30", "9999-12-31", "31.13.2026", "1-1-1", "+275760-09-13", "2026-13-01T25:61:61Z"][rng.random_range(0..7)].into(),
        8 => ["1970-01-01T00:00:00Z", "2999-01-01T10:00:00+00:00", "2026-06-01T10:00:00", "not-a-time", "2026-06-01T10:00:00%2B14:00"][rng.random_range(0..5)].into(),
        9 => ["AAA-AAA-AAA-AAA-AAA-AAA", "7KQ-FM2-XD9-TZP-HW4-R5A", "0000000000000000000", "ÆØÅ", "<script>alert(1)</script>", "' OR 1=1 --"][rng.random_range(0..6)].into(),
        10 => {
            let t = Token::generate().grouped();
            t.into_bytes() // well-formed but unknown
        }
        11 => ["ishoj", "odsherred", "ukendt", "../../etc/passwd", "ISHOJ", "ishøj"][rng.random_range(0..6)].into(),
        12 => ["fremmoede", "telefon", "paaroerende", "x"][rng.random_range(0..4)].into(),
        13 => ["book", "bekraeft", "vis", "annuller", "annuller-spoerg", "flyt", "flyt-vaelg", "slet", "send", "aabn", "skriv-igen", "slet-spoerg", "kalender"]
            [rng.random_range(0..13)]
            .into(),
        14 => b"true".to_vec(),
        15 => b"{\"a\":[1,2,{\"b\":null}]}".to_vec(),
        16 => "\u{0}\u{202e}\u{feff}".into(),
        _ => rng.random::<u64>().to_string().into_bytes(),
    }
}

/// A query string as a browser would send it (percent-encoded), carrying bad values.
fn bad_query(rng: &mut StdRng) -> String {
    (0..rng.random_range(1..4))
        .map(|_| {
            let value: String = bad_value(rng)
                .iter()
                .map(|&b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") })
                .collect();
            format!("{}={value}", form_encode(FIELDS[rng.random_range(0..FIELDS.len())]))
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn bad_body(rng: &mut StdRng) -> (Option<&'static str>, Vec<u8>) {
    const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
    match rng.random_range(0..10) {
        0 => (FORM, Vec::new()),
        1 => (Some("application/json"), b"{\"kommune\": 7, \"situation\": \"x\"".to_vec()),
        2 => ([None, Some("text/plain"), Some("multipart/form-data; boundary=x"), Some("application/cbor")][rng.random_range(0..4)], b"kommune=ishoj".to_vec()),
        3 => (FORM, (0..rng.random_range(1..512)).map(|_| rng.random::<u8>()).collect()),
        4 => (FORM, vec![b'k'; 20_000]), // no field at all, and over most forms' limits
        _ => {
            let mut body = Vec::new();
            for i in 0..rng.random_range(1..6) {
                if i > 0 {
                    body.push(b'&');
                }
                body.extend_from_slice(FIELDS[rng.random_range(0..FIELDS.len())].as_bytes());
                if rng.random_range(0..8) != 0 {
                    body.push(b'=');
                }
                body.extend_from_slice(&bad_value(rng));
            }
            (FORM, body)
        }
    }
}

/// Every text a form page answers a refused input with.
fn form_errors() -> Vec<String> {
    let mut e: Vec<&str> = vec![
        t::BOOK_ERR_KIND,
        t::BOOK_ERR_TIME,
        t::MANAGE_UNKNOWN,
        t::MANAGE_CANNOT_CANCEL,
        t::MANAGE_CANNOT_MOVE,
        t::MANAGE_THROTTLED,
        t::BOOK_THROTTLED,
        t::NOT_FOUND_TITLE,
        // A request form without its nonce (every fuzzed one) is shown again with this.
        t::REQ_ERR_FORM,
        // The message page (issue 19): the form's own errors, a code not found or refused.
        t::MSG_ERR_SITE,
        t::MSG_ERR_WRITER,
        t::MSG_NO_THREAD,
        t::MSG_NOT_A_BOOKING_CODE,
        t::MSG_CODE_HAS_THREAD,
        t::MSG_FLOODED,
        t::MSG_THROTTLED,
        // The evaluation page (issue 18).
        t::EVAL_CODE_NOT_USABLE,
        t::EVAL_THROTTLED,
    ];
    let bodies: Vec<String> = [
        app::domain::message::BodyError::Empty,
        app::domain::message::BodyError::Binary,
        app::domain::message::BodyError::Script,
    ]
    .into_iter()
    .map(t::body_error)
    .collect();
    for s in [SlotError::InPast, SlotError::TooSoon, SlotError::BeyondHorizon, SlotError::Closed, SlotError::NotASlot, SlotError::Full] {
        e.push(t::slot_error(s));
    }
    for s in [TokenError::Empty, TokenError::WrongLength, TokenError::InvalidSymbol, TokenError::CheckFailed] {
        e.push(t::token_error(s));
    }
    // A body that is too long names its own length: the sentence's fixed start is enough.
    let mut all: Vec<String> = e.into_iter().map(escaped).collect();
    all.extend(bodies.iter().map(|b| escaped(b)));
    all.push(escaped("Beskeden er for lang"));
    all
}

/// A form route's byte limit (`server::form_guard`), for bodies just under, at and just over it.
fn form_limit(path: &str) -> Option<usize> {
    use server::{anonymous_forms as a, case_forms as c, staff_forms as s};
    let limit = match path {
        p if p.ends_with("/skriv") => a::WRITE_FORM,
        p if p.ends_with("/book") => a::BOOK_FORM,
        p if p.ends_with("/evaluering") && !p.starts_with("/personale") => a::EVALUATION_FORM,
        p if p.starts_with("/min-aftale") => a::MANAGE_FORM,
        p if p.ends_with("/henvendelse") => c::REQUEST_FORM,
        "/personale/sager" => c::CASES_FORM,
        "/personale/log-ind" => s::SIGN_IN_FORM,
        "/personale/kalender" => s::CALENDAR_FORM,
        "/personale/beskeder" => s::INBOX_FORM,
        _ => return None,
    };
    Some(limit.bytes())
}

/// A form body of exactly `len` bytes: a message (the long field where there is one) of `a`s.
fn body_of_length(len: usize) -> Vec<u8> {
    let mut body = b"handling=send&sted=pitstop&om=mig-selv&besked=".to_vec();
    body.resize(len.max(body.len()), b'a');
    body
}

async fn fuzz(addr: &str, n: usize, root: &Path) -> Result<(), Fail> {
    // Islands mode: pages call the server logic directly, so there are no server functions.
    // The registry leptos_axum routes from must be empty, and the source must declare none.
    let registered = leptos::server_fn::axum::server_fn_paths().count();
    let declared = count_server_fns(&root.join("app/src"));
    if registered != 0 || declared != 0 {
        return Err(format!("the registry lists {registered} server functions and the source declares {declared}: there should be none"));
    }
    let forms = [
        "/ishoj/book",
        "/odsherred/book",
        "/ukendt/book",
        "/min-aftale",
        "/min-aftale/kalender",
        // The identified side and the staff side (no session here: each must refuse clearly).
        "/ishoj/henvendelse",
        "/ukendt/henvendelse",
        "/personale/log-ind",
        "/personale/kalender",
        "/personale/sager",
        // Anonymous written contact and evaluation (issues 19 and 18), and the inbox.
        "/vallensbaek/skriv",
        "/thisted/skriv",
        "/vallensbaek/evaluering",
        "/personale/beskeder",
        // Where the GET server functions were: now nothing (404).
        "/api/get_book_page",
    ];
    let targets: Vec<String> = forms.iter().map(|f| f.to_string()).collect();
    let seed: u64 = std::env::var("BENCH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    let errors = Arc::new(form_errors());
    let per_target: Arc<Mutex<HashMap<String, (usize, usize, usize, usize)>>> = Arc::default(); // (sent, 2xx, 4xx, 5xx)
    let unclear = Arc::new(Mutex::new(Vec::<String>::new()));
    let next = Arc::new(AtomicUsize::new(0));
    let targets = Arc::new(targets);
    let started = Instant::now();
    let workers: Vec<_> = (0..32u64)
        .map(|w| {
            let (addr, errors, per_target, unclear, next, targets) =
                (addr.to_string(), errors.clone(), per_target.clone(), unclear.clone(), next.clone(), targets.clone());
            tokio::spawn(async move {
                let mut rng = StdRng::seed_from_u64(seed ^ w);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        return Ok::<(), String>(());
                    }
                    let path = &targets[i % targets.len()];
                    // Each form's first five requests are bodies of 10 MB, 1 MB, and one byte under,
                    // at and over its own limit (issue 36); then the random ones.
                    let sized = match (i / targets.len(), form_limit(path)) {
                        (0, Some(_)) => Some(10 << 20),
                        (1, Some(_)) => Some(1 << 20),
                        (round @ 2..=4, Some(limit)) => Some(limit + round - 3),
                        _ => None,
                    };
                    let (method, path) = match (sized, rng.random_range(0..12)) {
                        (Some(_), _) => ("POST", path.clone()),
                        (None, 0) => ("GET", format!("{path}?{}", bad_query(&mut rng))),
                        (None, 1) => (["PUT", "DELETE", "PATCH"][rng.random_range(0..3)], path.clone()),
                        _ => ("POST", path.clone()),
                    };
                    let (ct, body) = match sized {
                        Some(len) => (Some("application/x-www-form-urlencoded"), body_of_length(len)),
                        None => bad_body(&mut rng),
                    };
                    let a = send(&addr, &request(method, &path, ct, &body)).await.map_err(|e| format!("{method} {path}: {e} (server down?)"))?;
                    let clear = match a.status {
                        500..=599 => false,
                        405 => true,
                        400..=499 => !a.body.is_empty(),
                        // A GET of a form's page is the page (the query is not read as a form).
                        200 if method == "GET" => a.body.contains("<main"),
                        // A reminder file is a right answer to a well-formed calendar request (the
                        // message page's needs no code: it names neither code nor site).
                        200 => errors.iter().any(|e| a.body.contains(e.as_str())) || a.body.starts_with("BEGIN:VCALENDAR"),
                        _ => false,
                    };
                    // Each answer counts for its target, and a sized body's also on a row of its own.
                    let tally = |key: String| {
                        let mut m = per_target.lock().unwrap();
                        let e = m.entry(key).or_default();
                        e.0 += 1;
                        match a.status {
                            200..=299 => e.1 += 1,
                            400..=499 => e.2 += 1,
                            _ => e.3 += 1,
                        }
                    };
                    let target = path.split('?').next().unwrap_or("");
                    tally(target.to_string());
                    if sized.is_some() {
                        tally(format!("{target} bodies of 10 MB, 1 MB and limit − 1, limit, limit + 1"));
                    }
                    if !clear {
                        let mut u = unclear.lock().unwrap();
                        if u.len() < 12 {
                            u.push(format!("{method} {path} [{}] -> {} {}", String::from_utf8_lossy(&body[..body.len().min(80)]), a.status, a.body.chars().take(160).collect::<String>()));
                        }
                        u.push(String::new());
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| e.to_string())??;
    }
    let secs = started.elapsed().as_secs_f64();
    let per_target = per_target.lock().unwrap();
    let mut keys: Vec<_> = per_target.keys().cloned().collect();
    keys.sort();
    println!("{n} requests in {secs:.1} s, seed {seed} (`BENCH_SEED={seed}` repeats the run).\n");
    println!("| target | requests | 2xx | 4xx | 5xx |\n| --- | ---: | ---: | ---: | ---: |");
    let mut five = 0;
    for k in keys {
        let (s, ok, four, f) = per_target[&k];
        five += f;
        println!("| `{k}` | {s} | {ok} | {four} | {f} |");
    }
    let unclear = unclear.lock().unwrap();
    let bad = unclear.iter().filter(|s| s.is_empty()).count();
    println!("\nAnswers that were a 5xx or did not name the error: **{bad}**.");
    for u in unclear.iter().filter(|s| !s.is_empty()) {
        println!("- `{}`", u.replace('`', "'").replace('\n', " "));
    }
    if bad > 0 || five > 0 {
        return Err(format!("{bad} unclear answers, {five} 5xx"));
    }
    Ok(())
}

fn count_server_fns(dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            n += count_server_fns(&p);
        } else if p.extension().is_some_and(|e| e == "rs") {
            n += std::fs::read_to_string(&p).unwrap_or_default().lines().filter(|l| l.trim() == "#[server]").count();
        }
    }
    n
}
