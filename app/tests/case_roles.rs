//! Roles, both ways. Only the case worker enters identified cases: an anonymous counsellor and an
//! admin get `Forbidden` from every case function, and get it before the store is touched. The
//! other way round, the case worker must get `Forbidden` from the anonymous calendar's and the
//! administration's staff functions: those are built with staff sign-in (in main), and the lists
//! at the end of this file are where they go.

use app::api::cases::logic::{
    change_status, delete_request, export_request, find_by_reference, list_requests, request_detail, start_guarantee_clock,
    submit_request, CaseError,
};
use app::api::cases::RequestStep;
use app::domain::request::Status;
use app::domain::staff::{Area, Forbidden, Role, StaffAccess};
use app::store::CaseStore;
use chrono::Utc;
use std::collections::HashMap;

fn access(role: Role) -> StaffAccess {
    StaffAccess { account_id: 7, username: format!("{}.bruger", role.slug().replace('_', "")), role, csrf: "c".repeat(64) }
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
        ("delete_request", delete_request(store, a, id, now).await),
    ]
}

const CASE_FUNCTIONS: [&str; 7] =
    ["list_requests", "request_detail", "find_by_reference", "change_status", "start_guarantee_clock", "export_request", "delete_request"];

async fn store_with_one_request() -> (tempfile::TempDir, CaseStore, i64, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = CaseStore::open(dir.path()).await.unwrap();
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
    assert!(worker.iter().all(|(_, r)| matches!(r, Err(CaseError::Store(_)))), "{worker:?}");
}

#[test]
fn every_case_function_is_listed() {
    // Every public function of api::cases::logic that takes a StaffAccess is a case function
    // and must be in CASE_FUNCTIONS.
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/api/cases.rs")).unwrap();
    let mut found: Vec<String> = Vec::new();
    for chunk in source.split("pub async fn ").skip(1) {
        let name: String = chunk.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let signature = chunk.split('{').next().unwrap_or("");
        if signature.contains("StaffAccess") {
            found.push(name);
        }
    }
    found.sort();
    let mut listed: Vec<String> = CASE_FUNCTIONS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed);
}

// ---------------------------------------------------------------------------------------------
// The other way round. The staff side (sign-in, the anonymous calendar, administration) adds its
// functions to these lists as it builds them, each called once with `a` and its result mapped to
// `Result<(), Forbidden>`; the tests below then prove that a case worker cannot use any of them.
// ---------------------------------------------------------------------------------------------

/// The anonymous calendar's staff functions (role: anonymous counsellor).
async fn call_every_calendar_function(_a: &StaffAccess) -> Vec<(&'static str, Result<(), Forbidden>)> {
    Vec::new()
}

/// The administration's functions (role: admin): accounts, sites, opening hours.
async fn call_every_admin_function(_a: &StaffAccess) -> Vec<(&'static str, Result<(), Forbidden>)> {
    Vec::new()
}

#[tokio::test]
async fn a_case_worker_is_forbidden_the_anonymous_calendar_and_the_administration() {
    let cw = access(Role::CaseWorker);
    for (name, result) in call_every_calendar_function(&cw).await.into_iter().chain(call_every_admin_function(&cw).await) {
        assert!(matches!(result, Err(Forbidden { role: Role::CaseWorker, .. })), "case worker / {name}: {result:?}");
    }
    // Until those functions exist, the rule they will be held to: the areas themselves.
    assert!(cw.require(Area::AnonymousCalendar).is_err());
    assert!(cw.require(Area::Administration).is_err());
    assert!(cw.require(Area::Cases).is_ok());
}
