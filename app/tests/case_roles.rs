//! Roles, both ways. Only the case worker enters identified cases: an anonymous counsellor and an
//! admin get `Forbidden` from every case function, and get it before the store is touched. The
//! other way round, the case worker gets `Forbidden` from every function of the anonymous
//! calendar and of the administration (`api::staff`, listed at the end of this file).

mod common;

use app::api::cases::logic::{
    guarantee_report,
    cases_page, cases_post, change_status, delete_request, export_request, find_by_reference, list_requests, request_detail,
    start_guarantee_clock, submit_request, CaseError,
};
use app::api::cases::RequestStep;
use app::domain::request::Status;
use app::domain::staff::{Area, Forbidden, Role, StaffAccess};
use app::api::staff::logic as staff;
use app::store::{CaseStore, TokenSecret};
use chrono::Utc;
use std::collections::HashMap;

fn access(role: Role) -> StaffAccess {
    let sites = if role == Role::AnonymousCounsellor { vec!["rusmiddelteamet-odsherred".to_string()] } else { vec![] };
    StaffAccess { account_id: 7, username: format!("{}.bruger", role.slug().replace('_', "")), role, kommune: "odsherred".into(), sites, csrf: "c".repeat(64) }
}

/// Every case function, called once each with `a`, in an order that leaves the request for the
/// next (delete last). A new case function must be added here: `every_case_function_is_listed`
/// reads `api/cases.rs` and fails otherwise.
async fn call_every_case_function(store: &CaseStore, a: &StaffAccess, id: i64, reference: &str) -> Vec<(&'static str, Result<(), CaseError>)> {
    let now = Utc::now();
    let today = app::domain::deadlines::today_in_copenhagen(now);
    vec![
        ("list_requests", list_requests(store, a, now).await.map(drop)),
        ("request_detail", request_detail(store, a, id, now).await.map(drop)),
        ("find_by_reference", find_by_reference(store, a, reference).await.map(drop)),
        ("change_status", change_status(store, a, id, Status::Contacted, now).await),
        ("start_guarantee_clock", start_guarantee_clock(store, a, id, today, now).await.map(drop)),
        ("export_request", export_request(store, a, id, now).await.map(drop)),
        ("cases_page", cases_page(store, a, Some(id), now).await.map(drop).map_err(CaseError::from)),
        ("cases_post", cases_post(store, a, &fields(&[("handling", "status"), ("sag", &id.to_string()), ("status", "closed")]), now).await.map(drop).map_err(CaseError::from)),
        ("guarantee_report", guarantee_report(store, a, None, now).await.map(drop)),
        ("delete_request", delete_request(store, a, id, now).await),
    ]
}

const CASE_FUNCTIONS: [&str; 10] = [
    "list_requests",
    "request_detail",
    "find_by_reference",
    "change_status",
    "start_guarantee_clock",
    "export_request",
    "cases_page",
    "cases_post",
    "guarantee_report",
    "delete_request",
];

fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

async fn store_with_one_request() -> (tempfile::TempDir, CaseStore, i64, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = common::case_store(dir.path()).await;
    let page = app::api::cases::logic::blank_request_page(&store, "odsherred").unwrap();
    let RequestStep::Form { skema, .. } = page.step else { panic!() };
    let form: HashMap<String, String> = [("skema", skema.as_str()), ("navn", "Rolle Test"), ("email", "rolle@example.dk"), ("rusmiddel", "alkohol"), ("samtykke", "ja")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let RequestStep::Receipt { reference, .. } = submit_request(&store, "odsherred", &form).await.unwrap().step else { panic!() };
    let id = list_requests(&store, &access(Role::CaseWorker), Utc::now()).await.unwrap()[0].id;
    (dir, store, id, reference)
}

#[tokio::test]
async fn a_counsellor_and_an_admin_are_forbidden_every_case_function() {
    let (_dir, store, id, reference) = store_with_one_request().await;
    for role in [Role::AnonymousCounsellor, Role::Admin] {
        let results = call_every_case_function(&store, &access(role), id, &reference).await;
        assert_eq!(results.iter().map(|(n, _)| *n).collect::<Vec<_>>(), CASE_FUNCTIONS);
        for (name, result) in results {
            assert!(
                matches!(result, Err(CaseError::Forbidden(Forbidden { role: r, area: Area::Cases })) if r == role),
                "{role:?} / {name}: {result:?}"
            );
        }
    }
    // Nothing they tried changed anything.
    let d = request_detail(&store, &access(Role::CaseWorker), id, Utc::now()).await.unwrap().unwrap();
    assert_eq!(d.line.status, "new");
    assert_eq!(d.history.len(), 1, "only the request's arrival: {:?}", d.history);
}

#[tokio::test]
async fn the_case_worker_may_call_every_case_function() {
    let (_dir, store, id, reference) = store_with_one_request().await;
    let results = call_every_case_function(&store, &access(Role::CaseWorker), id, &reference).await;
    for (name, result) in results {
        assert!(result.is_ok(), "case worker / {name}: {result:?}");
    }
}

#[tokio::test]
async fn the_role_is_checked_before_the_store_is_touched() {
    // With the store's pool closed, any store call fails with a store error. The other roles
    // still get Forbidden, so the check comes first; the case worker gets the store error.
    let (_dir, store, id, reference) = store_with_one_request().await;
    store.close().await;
    for role in [Role::AnonymousCounsellor, Role::Admin] {
        for (name, result) in call_every_case_function(&store, &access(role), id, &reference).await {
            assert!(matches!(result, Err(CaseError::Forbidden(_))), "{role:?} / {name}: {result:?}");
        }
    }
    let worker = call_every_case_function(&store, &access(Role::CaseWorker), id, &reference).await;
    assert!(worker.iter().all(|(_, r)| !matches!(r, Err(CaseError::Forbidden(_)))), "{worker:?}");
    // The functions that return data fail on the closed store (the pages show the error instead).
    assert!(worker.iter().filter(|(n, _)| !n.starts_with("cases_")).all(|(_, r)| matches!(r, Err(CaseError::Store(_)))), "{worker:?}");
}

/// The public async functions of a source file that take a `StaffAccess`, sorted.
fn staff_functions_in(file: &str) -> Vec<String> {
    let source = std::fs::read_to_string(format!("{}/src/api/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut found: Vec<String> = Vec::new();
    for chunk in source.split("pub async fn ").skip(1) {
        let name: String = chunk.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let signature = chunk.split('{').next().unwrap_or("");
        if signature.contains("&StaffAccess") {
            found.push(name);
        }
    }
    found.sort();
    found
}

#[test]
fn every_case_function_is_listed() {
    // Every public function of api::cases that takes a StaffAccess is a case function and must
    // be in CASE_FUNCTIONS.
    let mut listed: Vec<String> = CASE_FUNCTIONS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(staff_functions_in("cases.rs"), listed);
}

#[tokio::test]
async fn every_staff_function_of_the_other_areas_is_listed() {
    let cw = access(Role::CaseWorker);
    let mut listed: Vec<String> =
        call_every_calendar_function(&cw).await.into_iter().chain(call_every_admin_function(&cw).await).map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(staff_functions_in("staff.rs"), listed);
}

// ---------------------------------------------------------------------------------------------
// The other way round: every function of api::staff, called once with `a`, its result mapped to
// `Result<(), Forbidden>`. A new staff function goes into one of these lists.
// ---------------------------------------------------------------------------------------------

/// The anonymous calendar's staff functions (role: anonymous counsellor).
async fn call_every_calendar_function(a: &StaffAccess) -> Vec<(&'static str, Result<(), Forbidden>)> {
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([4; 32])).await;
    let q = staff::CalendarQuery::new(Some("pitstop"), None, None);
    vec![
        ("calendar", staff::calendar(&anon, a, &q, None, vec![], None).await.map(drop)),
        ("calendar_post", staff::calendar_post(&anon, a, &fields(&[("sted", "pitstop")])).await.map(drop)),
    ]
}

/// The administration's functions (role: admin): opening hours and accounts.
async fn call_every_admin_function(a: &StaffAccess) -> Vec<(&'static str, Result<(), Forbidden>)> {
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([4; 32])).await;
    let staff_store = common::staff_store(dir.path()).await;
    vec![
        ("opening", staff::opening(&anon, a, Some("pitstop"), None).await.map(drop)),
        ("opening_post", staff::opening_post(&anon, a, &fields(&[("sted", "pitstop")])).await.map(drop)),
        ("accounts", staff::accounts(&staff_store, a, None, vec![], Default::default()).await.map(drop)),
        ("accounts_post", staff::accounts_post(&staff_store, a, &fields(&[])).await.map(drop)),
    ]
}

#[tokio::test]
async fn a_case_worker_is_forbidden_the_anonymous_calendar_and_the_administration() {
    let cw = access(Role::CaseWorker);
    let calendar = call_every_calendar_function(&cw).await;
    let admin = call_every_admin_function(&cw).await;
    for (name, result) in calendar.into_iter().chain(admin) {
        assert!(matches!(result, Err(Forbidden { role: Role::CaseWorker, .. })), "case worker / {name}: {result:?}");
    }
    // And the areas themselves.
    assert!(cw.require(Area::AnonymousCalendar).is_err());
    assert!(cw.require(Area::Administration).is_err());
    assert!(cw.require(Area::Cases).is_ok());
}
