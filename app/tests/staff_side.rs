//! The staff side through its logic: each role reaches only its own area; a counsellor opens a
//! slot, a citizen books it, the counsellor sees the label (never the token) and marks the talk;
//! admins' opening hours decide what citizens can book; retention leaves only monthly counts.

use app::api::anonymous::logic::{book_page, book_post, relatives_post};
use app::api::anonymous::{BookPage, BookStep};
use app::api::staff::logic::{self, CalendarQuery};
use app::api::staff::{CalendarLine, CalendarPage};
use app::domain::staff::{Role, StaffAccess, TalkStatus};
use app::domain::token::Token;
use app::store::{AnonStore, StaffStore, TokenSecret};
use chrono::{Duration, Utc};
use chrono_tz::Europe::Copenhagen;
use std::collections::HashMap;

mod common;

struct Stores {
    _dir: tempfile::TempDir,
    anon: AnonStore,
    staff: StaffStore,
}

async fn stores() -> Stores {
    common::set_the_clock();
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([5; 32])).await;
    let staff = common::staff_store(dir.path()).await;
    Stores { _dir: dir, anon, staff }
}

/// A member of staff as the end-to-end suite has them: the counsellor works Pitstop (Ishøj), the
/// admin and the case worker belong to Odsherred.
fn access(role: Role) -> StaffAccess {
    let (kommune, sites) = match role {
        Role::AnonymousCounsellor => ("ishoj", vec!["pitstop".to_string()]),
        Role::Admin | Role::CaseWorker => ("odsherred", vec![]),
    };
    StaffAccess { account_id: 1, username: format!("{}-test", role.slug()), role, kommune: kommune.into(), sites, csrf: "c".repeat(64) }
}

fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn times(p: &BookPage) -> Vec<String> {
    p.days.iter().flat_map(|d| d.slots.iter().map(|s| s.value.clone())).collect()
}

fn lines(p: &CalendarPage) -> Vec<CalendarLine> {
    p.days.iter().flat_map(|d| d.entries.clone()).collect()
}

/// A date three days ahead and an hour no example rule uses (22:00), in Copenhagen.
fn extra_time() -> (String, String, chrono::DateTime<Utc>) {
    let day = app::clock::now().with_timezone(&Copenhagen).date_naive() + Duration::days(3);
    let local = day.and_hms_opt(22, 0, 0).unwrap();
    let at = chrono::TimeZone::from_local_datetime(&Copenhagen, &local).earliest().unwrap().with_timezone(&Utc);
    (day.format("%d.%m.%Y").to_string(), day.format("%Y-%m-%d").to_string(), at)
}

/// Every staff function, called with `who`: `true` where it answered, `false` where it was
/// refused as Forbidden. The case worker's functions (issue 7) are added to this list.
async fn reach(s: &Stores, who: &StaffAccess) -> Vec<(&'static str, bool)> {
    let q = CalendarQuery::new(Some("pitstop"), None, None);
    vec![
        ("calendar", logic::calendar(&s.anon, who, &q, None, vec![], None).await.is_ok()),
        ("calendar_post", logic::calendar_post(&s.anon, who, &form(&[("sted", "pitstop")])).await.is_ok()),
        ("opening", logic::opening(&s.anon, who, Some("pitstop"), None).await.is_ok()),
        ("opening_post", logic::opening_post(&s.anon, who, &form(&[("sted", "pitstop")])).await.is_ok()),
        ("accounts", logic::accounts(&s.staff, who, None, vec![], Default::default()).await.is_ok()),
        ("accounts_post", logic::accounts_post(&s.staff, who, &form(&[])).await.is_ok()),
    ]
}

#[tokio::test]
async fn each_role_reaches_its_own_area_and_is_forbidden_everywhere_else() {
    let s = stores().await;
    let expect = |role: Role, name: &str| match role {
        Role::AnonymousCounsellor => name.starts_with("calendar"),
        Role::Admin => name.starts_with("opening") || name.starts_with("accounts"),
        Role::CaseWorker => false,
    };
    for role in Role::ALL {
        for (name, answered) in reach(&s, &access(role)).await {
            assert_eq!(answered, expect(role, name), "{role:?} calling {name}");
        }
    }
}

#[tokio::test]
async fn a_counsellor_opens_a_slot_a_citizen_books_it_and_the_counsellor_marks_it_held() {
    let s = stores().await;
    let counsellor = access(Role::AnonymousCounsellor);
    let (date, iso, at) = extra_time();
    assert!(!times(&book_page(&s.anon, "ishoj", Some("fremmoede"), BookStep::Choose { error: None }).await.unwrap()).contains(&at.to_rfc3339()));

    let opened = logic::calendar_post(
        &s.anon,
        &counsellor,
        &form(&[("sted", "pitstop"), ("handling", "aabn-tid"), ("samtale", "fremmoede"), ("dato", &date), ("kl", "22:00"), ("minutter", "45"), ("pladser", "1")]),
    )
    .await
    .unwrap();
    assert!(opened.errors.is_empty(), "{:?}", opened.errors);
    assert!(opened.message.as_deref().unwrap().contains("kl. 22.00–22.45"), "{:?}", opened.message);
    assert_eq!(opened.extra_slots.len(), 1);

    // The citizen sees it and books it.
    let page = book_page(&s.anon, "ishoj", Some("fremmoede"), BookStep::Choose { error: None }).await.unwrap();
    assert!(times(&page).contains(&at.to_rfc3339()), "the extra slot is offered");
    let receipt = book_post(&s.anon, "ishoj", &form(&[("samtale", "fremmoede"), ("tid", &at.to_rfc3339()), ("trin", "book")])).await.unwrap();
    let BookStep::Receipt { token, label, .. } = receipt.step else { panic!("{:?}", receipt.step) };
    assert!(!times(&book_page(&s.anon, "ishoj", Some("fremmoede"), BookStep::Choose { error: None }).await.unwrap()).contains(&at.to_rfc3339()), "one seat: gone");

    // The counsellor's day view shows the label, never the token.
    let q = CalendarQuery::new(Some("pitstop"), Some(&iso), Some("dag"));
    let day = logic::calendar(&s.anon, &counsellor, &q, None, vec![], None).await.unwrap();
    let entry = lines(&day).into_iter().find(|l| l.label == label).expect("the booking is in the day view");
    assert_eq!((entry.time.as_str(), entry.status), ("22.00", TalkStatus::Booked));
    let shown = format!("{day:?}");
    let canonical = Token::parse(&token).unwrap().canonical().to_string();
    assert!(!shown.contains(&token) && !shown.contains(&canonical), "the token is nowhere in the staff page");
    // The week view has it too.
    let week = logic::calendar(&s.anon, &counsellor, &CalendarQuery::new(Some("pitstop"), Some(&iso), Some("uge")), None, vec![], None).await.unwrap();
    assert_eq!(week.days.len(), 7);
    assert!(lines(&week).iter().any(|l| l.label == label));

    // A booked extra slot cannot be removed.
    let slot_id = opened.extra_slots[0].id.to_string();
    let refused = logic::calendar_post(&s.anon, &counsellor, &form(&[("sted", "pitstop"), ("handling", "fjern-tid"), ("tid_id", &slot_id)])).await.unwrap();
    assert_eq!(refused.errors.len(), 1);

    // Held needs an outcome; with one it is recorded.
    let booking = entry.booking_id.to_string();
    let base = [("sted", "pitstop"), ("dag", iso.as_str()), ("booking", booking.as_str())];
    let mut no_outcome = base.to_vec();
    no_outcome.push(("handling", "holdt"));
    let p = logic::calendar_post(&s.anon, &counsellor, &form(&no_outcome)).await.unwrap();
    assert!(p.errors[0].contains("udfald"), "{:?}", p.errors);
    let mut held = base.to_vec();
    held.extend([("handling", "holdt"), ("udfald", "henvist-101a")]);
    let p = logic::calendar_post(&s.anon, &counsellor, &form(&held)).await.unwrap();
    assert_eq!(p.message.as_deref(), Some("Samtalen er markeret som holdt."));
    let marked = lines(&p).into_iter().find(|l| l.label == label).unwrap();
    assert_eq!(marked.status, TalkStatus::Held);
    assert_eq!(marked.status_text, "Holdt (henvist til anonym behandling (§ 101a))");
    // The citizen can no longer cancel a held talk.
    let bookings = s.anon.bookings(&Token::parse(&token).unwrap()).await.unwrap().unwrap();
    assert!(!s.anon.cancel(&Token::parse(&token).unwrap(), bookings[0].booking_id).await.unwrap());

    // Undo, then cancel: the seat is free again.
    let mut reopen = base.to_vec();
    reopen.push(("handling", "genaabn"));
    assert_eq!(lines(&logic::calendar_post(&s.anon, &counsellor, &form(&reopen)).await.unwrap()).into_iter().find(|l| l.label == label).unwrap().status, TalkStatus::Booked);
    let mut cancel = base.to_vec();
    cancel.push(("handling", "aflys"));
    logic::calendar_post(&s.anon, &counsellor, &form(&cancel)).await.unwrap();
    assert!(times(&book_page(&s.anon, "ishoj", Some("fremmoede"), BookStep::Choose { error: None }).await.unwrap()).contains(&at.to_rfc3339()), "free again");

    // A booking of another site cannot be marked from this one.
    let mut other_site = held.clone();
    other_site[0] = ("sted", "rusmiddelcenter-thisted");
    let p = logic::calendar_post(&s.anon, &counsellor, &form(&other_site)).await.unwrap();
    assert_eq!(p.errors.len(), 1);
}

#[tokio::test]
async fn bad_extra_slots_get_danish_errors_and_keep_what_was_typed() {
    let s = stores().await;
    let counsellor = access(Role::AnonymousCounsellor);
    let p = logic::calendar_post(
        &s.anon,
        &counsellor,
        &form(&[("sted", "pitstop"), ("handling", "aabn-tid"), ("samtale", "fremmoede"), ("dato", "31.02.2027"), ("kl", "25:00"), ("minutter", "0"), ("pladser", "1")]),
    )
    .await
    .unwrap();
    assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
    assert_eq!((p.extra_form.date.as_str(), p.extra_form.time.as_str()), ("31.02.2027", "25:00"));
    assert!(p.extra_slots.is_empty());
}

#[tokio::test]
async fn an_admins_opening_hours_decide_what_citizens_can_book() {
    let s = stores().await;
    let admin = access(Role::Admin);
    let before = times(&book_page(&s.anon, "odsherred", Some("telefon"), BookStep::Choose { error: None }).await.unwrap());
    assert!(!before.is_empty(), "the seeded example hours offer times");

    // One rule: Saturdays 10:00–11:00, 30-minute talks; notice 0; horizon 14 days.
    let saved = logic::opening_post(
        &s.anon,
        &admin,
        &form(&[
            ("sted", "rusmiddelteamet-odsherred"), ("samtale", "telefon"),
            ("regel0_dag", "loer"), ("regel0_fra", "10:00"), ("regel0_til", "11:00"), ("regel0_min", "30"), ("regel0_pladser", "1"),
            ("regel1_dag", "man"), ("regel1_fra", ""), ("regel1_til", ""), ("regel1_min", ""), ("regel1_pladser", ""),
            ("lukket", ""), ("varsel", "0"), ("horisont", "14"),
        ]),
    )
    .await
    .unwrap();
    assert!(saved.errors.is_empty(), "{:?}", saved.errors);
    assert_eq!(saved.form.rules.len(), 1 + app::domain::opening_form::BLANK_ROWS);

    let after = book_page(&s.anon, "odsherred", Some("telefon"), BookStep::Choose { error: None }).await.unwrap();
    let offered = times(&after);
    assert!((2..=6).contains(&offered.len()), "two Saturdays (maybe three) of two talks: {offered:?}");
    for t in &offered {
        let local = chrono::DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Copenhagen);
        assert_eq!(local.format("%a").to_string(), "Sat", "{t}");
    }
    // The seed does not overwrite what an admin saved.
    let site = app::api::staff::logic::sites().into_iter().find(|s| s.id == "rusmiddelteamet-odsherred").unwrap();
    let kind = site.talks.iter().find(|k| k.id == "telefon").unwrap();
    s.anon.seed_opening_hours(&site.id, &kind.id, &kind.hours, !site.example).await.unwrap();
    assert_eq!(times(&book_page(&s.anon, "odsherred", Some("telefon"), BookStep::Choose { error: None }).await.unwrap()), offered);

    // A bad form is shown again with its errors, and nothing changes.
    let bad = logic::opening_post(
        &s.anon,
        &admin,
        &form(&[("sted", "rusmiddelteamet-odsherred"), ("samtale", "telefon"), ("regel0_dag", "man"), ("regel0_fra", "12:00"), ("regel0_til", "10:00"), ("regel0_min", "30"), ("regel0_pladser", "1"), ("varsel", "x"), ("horisont", "14")]),
    )
    .await
    .unwrap();
    assert_eq!(bad.errors.len(), 2, "{:?}", bad.errors);
    assert_eq!(bad.form.rules[0].from, "12:00");
    assert_eq!(times(&book_page(&s.anon, "odsherred", Some("telefon"), BookStep::Choose { error: None }).await.unwrap()), offered);
}

#[tokio::test]
async fn admins_manage_accounts_and_cannot_lock_themselves_out() {
    let s = stores().await;
    let odsherred = app::store::StaffScope { kommune: "odsherred".into(), sites: vec![] };
    let admin_id = s.staff.create_account("admin", "en lang adgangskode", Role::Admin, &odsherred).await.unwrap();
    let admin = StaffAccess { account_id: admin_id, ..access(Role::Admin) };
    let created = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "opret"), ("brugernavn", "Rådgiver"), ("rolle", "anonymous_counsellor"), ("adgangskode", "en lang adgangskode")])).await.unwrap();
    assert!(created.errors[0].contains("a–z"), "æøå are refused in usernames: {:?}", created.errors);
    assert_eq!(created.new_username, "Rådgiver", "what was typed is kept");
    let created = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "opret"), ("brugernavn", "raadgiver"), ("rolle", "anonymous_counsellor"), ("adgangskode", "kort")])).await.unwrap();
    assert!(created.errors.iter().any(|e| e.contains("12 tegn")), "{:?}", created.errors);
    let created = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "opret"), ("brugernavn", "raadgiver"), ("rolle", "anonymous_counsellor"), ("adgangskode", "en lang adgangskode")])).await.unwrap();
    assert_eq!(created.errors, vec!["Vælg mindst ét behandlingssted, som rådgiveren skal arbejde for.".to_string()]);
    // Pitstop does not serve Odsherred: its box is not the admin's to tick, and does not count.
    let created = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "opret"), ("brugernavn", "raadgiver"), ("rolle", "anonymous_counsellor"), ("adgangskode", "en lang adgangskode"), ("sted-pitstop", "ja")])).await.unwrap();
    assert_eq!(created.errors.len(), 1, "{:?}", created.errors);
    assert_eq!(created.sites.iter().map(|c| c.value.as_str()).collect::<Vec<_>>(), ["rusmiddelteamet-odsherred"], "only Odsherred's sites are offered");
    let created = logic::accounts_post(
        &s.staff,
        &admin,
        &form(&[("handling", "opret"), ("brugernavn", "raadgiver"), ("rolle", "anonymous_counsellor"), ("adgangskode", "en lang adgangskode"), ("sted-rusmiddelteamet-odsherred", "ja")]),
    )
    .await
    .unwrap();
    assert!(created.errors.is_empty(), "{:?}", created.errors);
    assert_eq!(created.accounts.len(), 2);
    assert_eq!(created.accounts.iter().find(|a| a.username == "raadgiver").unwrap().sites, "Rusmiddelteamet");
    let me = admin_id.to_string();
    let p = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "deaktiver"), ("konto", &me)])).await.unwrap();
    assert_eq!(p.errors, vec!["Du kan ikke deaktivere din egen konto.".to_string()]);
    let other = created.accounts.iter().find(|a| a.username == "raadgiver").unwrap().id.to_string();
    let p = logic::accounts_post(&s.staff, &admin, &form(&[("handling", "deaktiver"), ("konto", &other)])).await.unwrap();
    assert!(p.accounts.iter().any(|a| a.username == "raadgiver" && a.disabled));
    assert!(s.staff.sign_in("raadgiver", "en lang adgangskode", app::clock::now()).await.unwrap().is_none());
}

#[tokio::test]
async fn retention_deletes_old_bookings_then_old_tokens_and_keeps_monthly_counts() {
    let s = stores().await;
    let counsellor = access(Role::AnonymousCounsellor);
    // A relative books two talks; one is held.
    let free = {
        let p = app::api::anonymous::logic::relatives_page(&s.anon, "ishoj", None, BookStep::Choose { error: None }, None, None).await.unwrap();
        times(&p)
    };
    let first = relatives_post(&s.anon, "ishoj", &form(&[("samtale", "paaroerende"), ("tid", &free[0]), ("trin", "book")])).await.unwrap();
    let BookStep::Receipt { token, label, .. } = first.step else { panic!() };
    relatives_post(&s.anon, "ishoj", &form(&[("samtale", "paaroerende"), ("tid", &free[1]), ("trin", "book"), ("kode", &token)])).await.unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(&free[0]).unwrap().with_timezone(&Utc);
    let iso = at.with_timezone(&Copenhagen).format("%Y-%m-%d").to_string();
    let day = logic::calendar(&s.anon, &counsellor, &CalendarQuery::new(Some("pitstop"), Some(&iso), None), None, vec![], None).await.unwrap();
    let id = lines(&day).into_iter().find(|l| l.label == label).unwrap().booking_id.to_string();
    logic::calendar_post(&s.anon, &counsellor, &form(&[("sted", "pitstop"), ("booking", &id), ("handling", "holdt"), ("udfald", "raadgivning")])).await.unwrap();
    let token = Token::parse(&token).unwrap();

    // Today nothing is deleted.
    let now = app::clock::now();
    assert_eq!(s.anon.purge(now, 30, 12).await.unwrap().bookings, 0);

    // 31 days after the second talk: both bookings are gone, the token and its count stay.
    let last = chrono::DateTime::parse_from_rfc3339(&free[1]).unwrap().with_timezone(&Utc);
    let purged = s.anon.purge(last + Duration::days(31), 30, 12).await.unwrap();
    assert_eq!((purged.bookings, purged.holders), (2, 0));
    assert_eq!(s.anon.bookings(&token).await.unwrap(), Some(vec![]), "the token is still known, its bookings are gone");
    assert_eq!(s.anon.holder_talks(&token).await.unwrap().unwrap().used, 2, "the count of talks survives for the cap");
    let counts = s.anon.monthly_counts().await.unwrap();
    assert_eq!(counts.iter().map(|c| c.talks).sum::<u64>(), 2);
    assert!(counts.iter().any(|c| c.status == "held" && c.outcome == "advice_given" && c.purpose == "relative" && c.site == "pitstop"));
    let shown = format!("{counts:?}");
    assert!(!shown.contains(&label), "no label in what remains");
    // The counsellor sees them per month, kind and status.
    let page = logic::calendar(&s.anon, &counsellor, &CalendarQuery::new(Some("pitstop"), None, None), None, vec![], None).await.unwrap();
    let held = page.monthly.iter().find(|m| m.status == "Holdt (rådgivning givet)").expect("the held talk is counted");
    assert_eq!((held.kind.as_str(), held.talks), ("Samtale for pårørende hos Pitstop", 1));
    assert_eq!(page.monthly.iter().map(|m| m.talks).sum::<u64>(), 2);

    // 12 months after the last talk, not yet; 13 months after, the token and its count go.
    assert_eq!(s.anon.purge(last + Duration::days(360), 30, 12).await.unwrap().holders, 0);
    assert_eq!(s.anon.purge(last + Duration::days(400), 30, 12).await.unwrap().holders, 1);
    assert_eq!(s.anon.holder_talks(&token).await.unwrap(), None);
    assert_eq!(s.anon.holder_count().await.unwrap(), 0);
    assert_eq!(s.anon.monthly_counts().await.unwrap().iter().map(|c| c.talks).sum::<u64>(), 2, "the counts remain");
}
