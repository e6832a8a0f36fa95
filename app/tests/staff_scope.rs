//! Municipalities, both ways (GDPR art. 4(7): each municipality is its own data controller).
//! Every staff and case function is called by every role, as a member of staff of the
//! municipality that owns the thing acted on (Odsherred: its request, its site's booking, its
//! account) and as one of another municipality (Thisted). The matrix of who reaches it is exact:
//! only the role whose area the function is in, and only in its own municipality. Another
//! municipality's request, booking, site or account answers as if it did not exist.
//!
//! A new staff function (a `pub async fn` of `api/cases.rs`, `api/staff.rs`, `api/evaluation.rs`
//! or `api/messages.rs` that takes a `StaffAccess`) without a row in `reach` makes `every_staff_function_has_a_row` fail.

use app::api::anonymous::logic::{book_page, book_post};
use app::api::anonymous::BookStep;
use app::api::cases::logic::{self as cases, CasesPost};
use app::api::cases::RequestStep;
use app::api::staff::logic::{self as staff, CalendarQuery};
use app::domain::request::Status;
use app::domain::staff::{Area, Role, StaffAccess};
use app::api::evaluation::logic as evaluation;
use app::api::messages::logic as messages;
use app::domain::evaluation::Moment;
use app::store::{AnonStore, CaseStore, CodeScope, StaffScope, StaffStore, TokenSecret};
use chrono_tz::Europe::Copenhagen;
use std::collections::HashMap;

mod common;

const OWN: &str = "odsherred";
const OWN_SITE: &str = "rusmiddelteamet-odsherred";
const OTHER: &str = "thisted";
const OTHER_SITE: &str = "rusmiddelcenter-thisted";

fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn member(role: Role, kommune: &str) -> StaffAccess {
    let site = if kommune == OWN { OWN_SITE } else { OTHER_SITE };
    let sites = if role == Role::AnonymousCounsellor { vec![site.to_string()] } else { vec![] };
    StaffAccess { account_id: 900, username: format!("{}.{kommune}", role.slug()), role, kommune: kommune.into(), sites, csrf: "c".repeat(64) }
}

/// Odsherred's things, fresh for each call: a request, a booking at its site, a counsellor's account.
struct World {
    _dir: tempfile::TempDir,
    anon: AnonStore,
    case: CaseStore,
    staff: StaffStore,
    request_id: i64,
    reference: String,
    booking_id: i64,
    booking_day: String,
    account_id: i64,
    /// An anonymous message thread written to Odsherred's site.
    thread_label: String,
}

async fn world() -> World {
    common::set_the_clock();
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([6; 32])).await;
    let case = common::case_store(dir.path()).await;
    let staff = common::staff_store(dir.path()).await;

    let RequestStep::Form { skema, .. } = cases::blank_request_page(&case, OWN).unwrap().step else { panic!() };
    let form = fields(&[("skema", &skema), ("navn", "Omfang Test"), ("email", "omfang@example.dk"), ("rusmiddel", "alkohol"), ("samtykke", "ja")]);
    let RequestStep::Receipt { reference, .. } = cases::submit_request(&case, OWN, &form).await.unwrap().step else { panic!() };
    let request_id = cases::find_by_reference(&case, &member(Role::CaseWorker, OWN), &reference).await.unwrap().unwrap();

    let page = book_page(&anon, OWN, Some("telefon"), BookStep::Choose { error: None }).await.unwrap();
    let time = page.days[0].slots[0].value.clone();
    let receipt = book_post(&anon, OWN, &fields(&[("samtale", "telefon"), ("tid", &time), ("trin", "book")])).await.unwrap();
    let BookStep::Receipt { label, .. } = receipt.step else { panic!("{:?}", receipt.step) };
    let starts = chrono::DateTime::parse_from_rfc3339(&time).unwrap().with_timezone(&Copenhagen);
    let booking_day = starts.format("%Y-%m-%d").to_string();
    let day = staff::calendar(&anon, &member(Role::AnonymousCounsellor, OWN), &CalendarQuery::new(Some(OWN_SITE), Some(&booking_day), None), None, vec![], None)
        .await
        .unwrap();
    let booking_id = day.days.iter().flat_map(|d| &d.entries).find(|e| e.label == label).unwrap().booking_id;

    // An evaluation code handed out at Odsherred's site this month, for the report to find.
    let month = app::api::evaluation::logic::month_of(app::clock::now());
    let codes = CodeScope { kommune: OWN, site: OWN_SITE, moment: Moment::FollowUp, month, expires: month.plus(6) };
    anon.evaluations().hand_out(codes, 1).await.unwrap();

    // A person writes to Odsherred's site.
    let body = app::domain::message::MessageBody::parse("Et spørgsmål til rådgiverne").unwrap();
    let new = app::store::NewThread { kommune: OWN, site: OWN_SITE, writer: app::domain::message::Writer::Person };
    let thread_label = anon.threads().open_thread(&app::domain::token::Token::generate(), new, &body, app::clock::today()).await.unwrap();

    let scope = StaffScope { kommune: OWN.into(), sites: vec![OWN_SITE.into()] };
    let account_id = staff.create_account("raadgiver.odsherred", "en lang adgangskode", Role::AnonymousCounsellor, &scope).await.unwrap();
    World { _dir: dir, anon, case, staff, request_id, reference, booking_id, booking_day, account_id, thread_label }
}

/// Every staff function, each in a fresh world, called by `who` on Odsherred's thing: `true`
/// where it reached that thing (returned it, or changed it), `false` where it was refused or
/// answered as for something that does not exist.
async fn reach(who: &StaffAccess) -> Vec<(&'static str, bool)> {
    let mut out = Vec::new();
    macro_rules! row {
        ($name:literal, |$w:ident| $reached:expr) => {{
            let $w = world().await;
            out.push(($name, $reached));
        }};
    }
    common::set_the_clock();
    let today = app::clock::today();
    // Identified requests (api::cases).
    row!("list_requests", |w| cases::list_requests(&w.case, who, app::clock::now()).await.is_ok_and(|l| l.iter().any(|r| r.id == w.request_id)));
    row!("request_detail", |w| cases::request_detail(&w.case, who, w.request_id, app::clock::now()).await.is_ok_and(|d| d.is_some()));
    row!("find_by_reference", |w| cases::find_by_reference(&w.case, who, &w.reference).await.is_ok_and(|id| id == Some(w.request_id)));
    row!("change_status", |w| cases::change_status(&w.case, who, w.request_id, Status::Contacted, app::clock::now()).await.is_ok());
    row!("start_guarantee_clock", |w| cases::start_guarantee_clock(&w.case, who, w.request_id, today, app::clock::now()).await.is_ok());
    row!("export_request", |w| cases::export_request(&w.case, who, w.request_id, app::clock::now()).await.is_ok_and(|(_, body)| body.contains("Omfang Test")));
    row!("delete_request", |w| cases::delete_request(&w.case, who, w.request_id, app::clock::now()).await.is_ok());
    row!("cases_page", |w| cases::cases_page(&w.case, who, Some(w.request_id), app::clock::now()).await.is_ok_and(|p| p.open.is_some()));
    row!("cases_post", |w| {
        let sag = w.request_id.to_string();
        let posted = cases::cases_post(&w.case, who, &fields(&[("handling", "status"), ("sag", &sag), ("status", "closed")]), app::clock::now()).await;
        matches!(posted, Ok(CasesPost::Page(p)) if p.message.is_some())
    });
    row!("guarantee_report", |w| {
        // Odsherred's request has no clock yet (it counts from attendance): started today, its last
        // day is in this quarter (the test clock is 30 November), so the figure counts it.
        let started = cases::start_guarantee_clock(&w.case, &member(Role::CaseWorker, OWN), w.request_id, today, app::clock::now()).await.is_ok();
        let quarter = app::domain::period::Quarter::of_day(today).to_string();
        started && cases::guarantee_report(&w.case, who, Some(&quarter), app::clock::now()).await.is_ok_and(|p| p.counts.iter().map(|c| c.1).sum::<u64>() == 1)
    });
    // The anonymous calendar and the administration (api::staff).
    row!("calendar", |w| {
        let q = CalendarQuery::new(Some(OWN_SITE), Some(&w.booking_day), None);
        staff::calendar(&w.anon, who, &q, None, vec![], None).await.is_ok_and(|p| p.days.iter().flat_map(|d| &d.entries).any(|e| e.booking_id == w.booking_id))
    });
    row!("calendar_post", |w| {
        let booking = w.booking_id.to_string();
        let form = fields(&[("sted", OWN_SITE), ("dag", &w.booking_day), ("booking", &booking), ("handling", "udeblevet")]);
        staff::calendar_post(&w.anon, who, &form).await.is_ok_and(|p| p.message.is_some())
    });
    row!("opening", |w| staff::opening(&w.anon, who, Some(OWN_SITE), Some("telefon")).await.is_ok_and(|p| p.site.value == OWN_SITE));
    row!("opening_post", |w| {
        let form = fields(&[
            ("sted", OWN_SITE), ("samtale", "telefon"),
            ("regel0_dag", "loer"), ("regel0_fra", "10:00"), ("regel0_til", "11:00"), ("regel0_min", "30"), ("regel0_pladser", "1"),
            ("varsel", "0"), ("horisont", "14"),
        ]);
        staff::opening_post(&w.anon, who, &form).await.is_ok_and(|p| p.message.is_some())
    });
    // Evaluation codes and the report (api::evaluation).
    row!("codes_post", |w| {
        let form = fields(&[("sted", OWN_SITE), ("tidspunkt", "opfoelgning"), ("antal", "2")]);
        evaluation::codes_post(&w.anon.evaluations(), who, &form, app::clock::now()).await.is_ok_and(|p| p.made.is_some_and(|m| m.codes.len() == 2))
    });
    row!("report", |w| evaluation::report(&w.anon.evaluations(), who, None, app::clock::now()).await.is_ok_and(|p| !p.empty));
    row!("report_csv", |w| {
        evaluation::report_csv(&w.anon.evaluations(), who, None, app::clock::now()).await.is_ok_and(|(_, csv)| String::from_utf8_lossy(&csv).contains("Odsherred Kommune;"))
    });
    // Anonymous messages (api::messages): the inbox and a reply, by label.
    row!("inbox", |w| {
        messages::inbox(&w.anon.threads(), who, Some(&w.thread_label), None, vec![], None)
            .await
            .is_ok_and(|p| p.open.is_some() && p.threads.iter().any(|t| t.label == w.thread_label))
    });
    row!("inbox_post", |w| {
        let form = fields(&[("traad", &w.thread_label), ("handling", "svar"), ("svar", "Tak for din besked.")]);
        messages::inbox_post(&w.anon.threads(), who, &form, app::clock::now()).await.is_ok_and(|p| p.message.is_some())
    });
    row!("accounts", |w| staff::accounts(&w.staff, who, None, vec![], Default::default()).await.is_ok_and(|p| p.accounts.iter().any(|a| a.id == w.account_id)));
    row!("accounts_post", |w| {
        let konto = w.account_id.to_string();
        staff::accounts_post(&w.staff, who, &fields(&[("handling", "deaktiver"), ("konto", &konto)])).await.is_ok_and(|p| p.message.is_some())
    });
    out
}

/// The area each function belongs to: only that area's role reaches it, and only at home.
fn area_of(function: &str) -> Area {
    match function {
        "calendar" | "calendar_post" => Area::AnonymousCalendar,
        "opening" | "opening_post" | "accounts" | "accounts_post" => Area::Administration,
        "codes_post" => Area::EvaluationCodes,
        "inbox" | "inbox_post" => Area::AnonymousMessages,
        "report" | "report_csv" => Area::Monitoring,
        "guarantee_report" => Area::Cases,
        _ => Area::Cases,
    }
}

#[tokio::test]
async fn each_role_reaches_its_own_area_in_its_own_municipality_and_nothing_else() {
    for role in Role::ALL {
        for kommune in [OWN, OTHER] {
            for (function, reached) in reach(&member(role, kommune)).await {
                let expected = role.covers(area_of(function)) && kommune == OWN;
                assert_eq!(reached, expected, "{role:?} of {kommune} calling {function}");
            }
        }
    }
}

#[tokio::test]
async fn another_municipalitys_things_answer_as_if_they_did_not_exist() {
    let w = world().await;
    let thisted = member(Role::CaseWorker, OTHER);
    let now = app::clock::now();
    // The same answers as for an id and a reference that were never issued.
    for id in [w.request_id, 987_654] {
        assert!(cases::request_detail(&w.case, &thisted, id, now).await.unwrap().is_none());
        let missing = cases::change_status(&w.case, &thisted, id, Status::Closed, now).await.unwrap_err().to_string();
        assert_eq!(missing, app::text::t::CASE_ERR_NO_SUCH_REQUEST, "{id}");
        let page = cases::cases_page(&w.case, &thisted, Some(id), now).await.unwrap();
        assert_eq!((page.open.is_none(), page.errors.clone()), (true, vec![app::text::t::CASE_ERR_NO_SUCH_REQUEST.to_string()]), "{id}");
    }
    for reference in [w.reference.as_str(), "H-222-222"] {
        assert_eq!(cases::find_by_reference(&w.case, &thisted, reference).await.unwrap(), None);
    }
    // Nothing was changed or recorded by the refused calls.
    let d = cases::request_detail(&w.case, &member(Role::CaseWorker, OWN), w.request_id, now).await.unwrap().unwrap();
    assert_eq!((d.line.status.as_str(), d.history.len()), ("new", 1));

    // A counsellor elsewhere is shown their own site, never Odsherred's, whatever the URL says.
    let counsellor = member(Role::AnonymousCounsellor, OTHER);
    let page = staff::calendar(&w.anon, &counsellor, &CalendarQuery::new(Some(OWN_SITE), Some(&w.booking_day), None), None, vec![], None).await.unwrap();
    assert_eq!(page.site.value, OTHER_SITE);
    assert_eq!(page.sites.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(), [OTHER_SITE]);
    // An admin elsewhere is offered only their own municipality's sites and accounts.
    let admin = member(Role::Admin, OTHER);
    let opening = staff::opening(&w.anon, &admin, Some(OWN_SITE), None).await.unwrap();
    assert_eq!(opening.sites.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(), [OTHER_SITE]);
    assert!(staff::accounts(&w.staff, &admin, None, vec![], Default::default()).await.unwrap().accounts.is_empty());
}

/// The public async functions of a source file that take a `StaffAccess`, sorted.
fn staff_functions_in(file: &str) -> Vec<String> {
    let source = std::fs::read_to_string(format!("{}/src/api/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    source
        .split("pub async fn ")
        .skip(1)
        .filter(|chunk| chunk.split('{').next().unwrap_or("").contains("&StaffAccess"))
        .map(|chunk| chunk.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
        .collect()
}

#[tokio::test]
async fn every_staff_function_has_a_row() {
    let mut rows: Vec<String> = reach(&member(Role::Admin, OWN)).await.into_iter().map(|(n, _)| n.to_string()).collect();
    rows.sort();
    let mut functions: Vec<String> =
        staff_functions_in("cases.rs").into_iter().chain(staff_functions_in("staff.rs")).chain(staff_functions_in("evaluation.rs")).chain(staff_functions_in("messages.rs")).collect();
    functions.sort();
    assert_eq!(rows, functions);
}
