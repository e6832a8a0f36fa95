//! Identified requests for treatment through the page logic and the case worker's functions:
//! one form makes one request however often it is posted, Danish errors per field, the guarantee
//! date by the municipality's rule, the case worker's list, status history, export, deletion on
//! request and the retention purge.

mod common;

use app::api::cases::logic::{
    blank_request_page, change_status, delete_request, export_request, list_requests, purge_expired, request_detail,
    start_guarantee_clock, submit_request, submit_request_at, CaseError,
};
use app::api::cases::{RequestPage, RequestStep};
use app::text::dates::long_date;
use app::domain::deadlines::{last_day, today_in_copenhagen};
use app::domain::request::Status;
use app::domain::staff::{Role, StaffAccess};
use app::store::CaseStore;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

async fn store() -> (tempfile::TempDir, CaseStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = common::case_store(dir.path()).await;
    (dir, store)
}

/// A case worker of `kommune`: they see that municipality's requests and no other's.
fn case_worker(kommune: &str) -> StaffAccess {
    StaffAccess { account_id: 3, username: "sagsbeh.mette".into(), role: Role::CaseWorker, kommune: kommune.into(), sites: vec![], csrf: "c".repeat(64) }
}

fn skema_of(p: &RequestPage) -> String {
    match &p.step {
        RequestStep::Form { skema, .. } => skema.clone(),
        other => panic!("not a form: {other:?}"),
    }
}

fn receipt_of(p: &RequestPage) -> (String, bool) {
    match &p.step {
        RequestStep::Receipt { reference, again, .. } => (reference.clone(), *again),
        other => panic!("not a receipt: {other:?}"),
    }
}

/// A complete form for `kommune` with a fresh nonce from the page.
fn filled(store: &CaseStore, kommune: &str, name: &str) -> HashMap<String, String> {
    let skema = skema_of(&blank_request_page(store, kommune).unwrap());
    [("skema", skema.as_str()), ("navn", name), ("telefon", "+45 28 91 73 46"), ("rusmiddel", "begge"), ("samtykke", "ja"), ("tid-formiddag", "ja")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn days_ago(n: i64) -> DateTime<Utc> {
    Utc::now() - Duration::days(n)
}

#[tokio::test]
async fn one_form_files_one_request_however_often_it_is_posted() {
    let (_dir, store) = store().await;
    let form = filled(&store, "ishoj", "Birthe Kragelund");
    let first = submit_request(&store, "ishoj", &form).await.unwrap();
    let (reference, again) = receipt_of(&first);
    assert!(!again);
    assert!(app::domain::request::Reference::parse(&reference).is_some_and(|r| r.display() == reference), "{reference}");

    // A reload or a second click posts the same form: the same receipt, said to be a repeat.
    let second = submit_request(&store, "ishoj", &form).await.unwrap();
    assert_eq!(receipt_of(&second), (reference.clone(), true));

    // Two posts of one form at the same instant (a double click) still make one request.
    let form2 = filled(&store, "ishoj", "Anden Person");
    let (a, b) = tokio::join!(submit_request(&store, "ishoj", &form2), submit_request(&store, "ishoj", &form2));
    let (ra, rb) = (receipt_of(&a.unwrap()), receipt_of(&b.unwrap()));
    assert_eq!(ra.0, rb.0);
    assert!(ra.1 != rb.1, "one of the two filed it, the other found it");
    assert_ne!(ra.0, reference, "a new form is a new request");

    let listed = list_requests(&store, &case_worker("ishoj"), Utc::now()).await.unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
}

#[tokio::test]
async fn the_receipt_gives_the_guarantee_date_where_the_clock_starts_at_contact() {
    let (_dir, store) = store().await;
    let now = Utc::now();
    let page = submit_request_at(&store, "vallensbaek", &filled(&store, "vallensbaek", "Ib Holm"), now).await.unwrap();
    receipt_of(&page);
    let expected = long_date(last_day(today_in_copenhagen(now), 14));
    let g = &page.guarantee;
    assert_eq!(g.date_sentence.as_deref(), Some(format!("Behandlingen skal være sat i gang senest {expected}.").as_str()));
    assert!(g.not_yet.is_none());
    let explained = g.explained.as_ref().unwrap();
    assert_eq!((explained.source.doc_id.as_str(), explained.source.section.as_str()), ("ishoj-vallensbaek-2020", "Behandlingsgaranti"));
    // The law's rules carry their paragraph.
    let laws: Vec<&str> = g.law.iter().filter_map(|f| f.source.law.as_deref()).collect();
    assert_eq!(laws, ["Sundhedsloven § 141, stk. 2", "Serviceloven § 101, stk. 4"]);
    assert!(g.other_site.as_ref().unwrap().text.contains("fraveget"));
    assert!(page.consent.starts_with("Vallensbæk Kommune er dataansvarlig"), "{}", page.consent);
    assert!(page.consent.contains("365 dage"));

    // Before sending, the page says which day it would be if sent today.
    let form = blank_request_page(&store, "ishoj").unwrap();
    assert!(form.guarantee.date_sentence.unwrap().starts_with("Sender du henvendelsen i dag"));
}

#[tokio::test]
async fn where_the_clock_starts_later_the_page_says_so_and_why() {
    let (_dir, store) = store().await;
    let odsherred = submit_request(&store, "odsherred", &filled(&store, "odsherred", "Ida Lund")).await.unwrap();
    receipt_of(&odsherred);
    let g = &odsherred.guarantee;
    assert_eq!(g.date_sentence, None);
    assert!(g.not_yet.as_ref().unwrap().contains("møder op"));
    let explained = g.explained.as_ref().unwrap();
    assert!(explained.text.contains("personligt møder op"), "{}", explained.text);
    assert_eq!((explained.source.doc_id.as_str(), explained.source.section.as_str()), ("odsherred-2025", "Behandlingsgaranti"));

    let thisted = blank_request_page(&store, "thisted").unwrap();
    assert_eq!(thisted.guarantee.date_sentence, None);
    assert!(thisted.guarantee.not_yet.as_ref().unwrap().contains("ansøgning"));
    assert!(thisted.scope_notice.as_ref().unwrap().text.contains("kun om behandling for stoffer"));
    assert!(thisted.guarantee.other_site.as_ref().unwrap().text.contains("gælder fristen på 14 dage ikke"));
    assert!(blank_request_page(&store, "ishoj").unwrap().scope_notice.is_none());
    assert!(blank_request_page(&store, "koebenhavn").is_none());
}

#[tokio::test]
async fn refused_fields_get_danish_messages_and_the_form_keeps_its_nonce_and_values() {
    let (_dir, store) = store().await;
    let skema = skema_of(&blank_request_page(&store, "ishoj").unwrap());
    let form: HashMap<String, String> = [("skema", skema.as_str()), ("navn", "  "), ("email", "birthe@"), ("tid-eftermiddag", "ja")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let page = submit_request(&store, "ishoj", &form).await.unwrap();
    let RequestStep::Form { skema: kept, values, errors, form_error } = page.step else { panic!("{:?}", page.step) };
    assert_eq!(kept, skema, "fixing the errors and sending again is still the same form");
    assert!(values.afternoon && !values.morning && values.email == "birthe@");
    assert_eq!(form_error, None);
    let by_field: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
    assert_eq!(
        by_field,
        [
            ("navn", "Skriv dit navn."),
            ("email", "Skriv en e-mailadresse som fx navn@eksempel.dk."),
            ("rusmiddel", "Vælg, hvad du vil have behandling for."),
            ("samtykke", "Sæt kryds ved samtykke, så vi må gemme dine oplysninger og kontakte dig."),
        ]
    );
    assert!(list_requests(&store, &case_worker("ishoj"), Utc::now()).await.unwrap().is_empty(), "nothing stored");
}

#[tokio::test]
async fn a_form_without_its_nonce_is_shown_again_and_nothing_is_stored() {
    let (_dir, store) = store().await;
    let mut form = filled(&store, "ishoj", "Birthe Kragelund");
    for bad in ["", "not-a-nonce", "ABCDEF0123456789ABCDEF0123456789"] {
        form.insert("skema".into(), bad.into());
        let page = submit_request(&store, "ishoj", &form).await.unwrap();
        let RequestStep::Form { skema, values, form_error, .. } = page.step else { panic!() };
        assert!(form_error.is_some());
        assert_eq!(skema.len(), 32, "a fresh nonce to send with");
        assert_eq!(values.name, "Birthe Kragelund");
    }
    form.remove("skema");
    assert!(matches!(submit_request(&store, "ishoj", &form).await.unwrap().step, RequestStep::Form { .. }));
    assert!(list_requests(&store, &case_worker("ishoj"), Utc::now()).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_case_workers_list_puts_overdue_requests_first() {
    let (_dir, store) = store().await;
    let cw = case_worker("ishoj");
    // Received 20 days ago in Ishøj: 6 days overdue. 10 days ago: 4 days left. Then those with no
    // date (Odsherred counts from attendance), then a closed one.
    for (kommune, name, age) in
        [("ishoj", "Fire Dage", 10), ("odsherred", "Ingen Dato", 3), ("ishoj", "Seks Over", 20), ("ishoj", "Lukket Sag", 30), ("odsherred", "Ogsaa Lukket", 9), ("vallensbaek", "Nabo Sag", 2)]
    {
        submit_request_at(&store, kommune, &filled(&store, kommune, name), days_ago(age)).await.unwrap();
    }
    let all = list_requests(&store, &cw, Utc::now()).await.unwrap();
    let closed = all.iter().find(|l| l.name == "Lukket Sag").unwrap().id;
    change_status(&store, &cw, closed, Status::Closed, Utc::now()).await.unwrap();

    let list = list_requests(&store, &cw, Utc::now()).await.unwrap();
    let names: Vec<&str> = list.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Seks Over", "Fire Dage", "Lukket Sag"], "Ishøj's only: not Odsherred's, not Vallensbæk's (Pitstop's other municipality)");
    assert!(list[0].overdue);
    assert_eq!(list[0].days_left, Some(-6));
    assert!(list[0].clock.starts_with("Overskredet med 6 dage"), "{}", list[0].clock);
    assert_eq!(list[1].days_left, Some(4));
    assert_eq!((list[2].status.as_str(), list[2].status_label.as_str()), ("closed", "Afsluttet"));

    let odsherred = case_worker("odsherred");
    let all = list_requests(&store, &odsherred, Utc::now()).await.unwrap();
    change_status(&store, &odsherred, all.iter().find(|l| l.name == "Ogsaa Lukket").unwrap().id, Status::Closed, Utc::now()).await.unwrap();
    let list = list_requests(&store, &odsherred, Utc::now()).await.unwrap();
    assert_eq!(list.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Ingen Dato", "Ogsaa Lukket"]);
    assert_eq!(list[0].clock, "Ingen dato endnu: fristen regnes fra personligt fremmøde");
    let list = list_requests(&store, &cw, Utc::now()).await.unwrap();
    assert_eq!(list[1].contact, "28 91 73 46");
    assert_eq!(list[1].substance, "Alkohol og andre rusmidler");
    assert_eq!(list[1].times, "formiddag");
}

#[tokio::test]
async fn every_change_is_recorded_with_who_and_when_and_choosing_another_site_lifts_the_deadline() {
    let (_dir, store) = store().await;
    let cw = case_worker("ishoj");
    submit_request_at(&store, "ishoj", &filled(&store, "ishoj", "Birthe Kragelund"), days_ago(20)).await.unwrap();
    let id = list_requests(&store, &cw, Utc::now()).await.unwrap()[0].id;
    change_status(&store, &cw, id, Status::Contacted, Utc::now()).await.unwrap();
    let same = change_status(&store, &cw, id, Status::Contacted, Utc::now()).await;
    assert!(matches!(same, Err(CaseError::Refused(m)) if m.contains("allerede")));
    change_status(&store, &cw, id, Status::ChoseOtherSite, Utc::now()).await.unwrap();

    let d = request_detail(&store, &cw, id, Utc::now()).await.unwrap().unwrap();
    assert!(!d.line.overdue, "the deadline no longer runs");
    assert_eq!(d.line.clock, "Fristen kan fraviges: borgeren har valgt et andet behandlingssted");
    let history: Vec<(&str, &str)> = d.history.iter().map(|e| (e.who.as_str(), e.what.as_str())).collect();
    assert_eq!(
        history,
        [
            ("Borgeren via portalen", "Henvendelsen modtaget"),
            ("sagsbeh.mette", "Status ændret fra »Ny« til »Kontaktet«"),
            ("sagsbeh.mette", "Status ændret fra »Kontaktet« til »Valgt andet behandlingssted«"),
        ]
    );
    assert!(d.history.iter().all(|e| e.at.contains(" kl. ")));
    assert!(matches!(change_status(&store, &cw, 999, Status::Closed, Utc::now()).await, Err(CaseError::Refused(_))));
}

#[tokio::test]
async fn where_the_clock_starts_at_attendance_the_case_worker_records_the_day() {
    let (_dir, store) = store().await;
    let cw = case_worker("odsherred");
    let ishoj_worker = case_worker("ishoj");
    submit_request_at(&store, "odsherred", &filled(&store, "odsherred", "Ida Lund"), days_ago(5)).await.unwrap();
    submit_request(&store, "ishoj", &filled(&store, "ishoj", "Birthe Kragelund")).await.unwrap();
    let odsherred = list_requests(&store, &cw, Utc::now()).await.unwrap()[0].id;
    let ishoj = list_requests(&store, &ishoj_worker, Utc::now()).await.unwrap()[0].id;
    assert!(request_detail(&store, &cw, odsherred, Utc::now()).await.unwrap().unwrap().may_start_clock);
    assert!(!request_detail(&store, &ishoj_worker, ishoj, Utc::now()).await.unwrap().unwrap().may_start_clock);
    assert!(request_detail(&store, &cw, ishoj, Utc::now()).await.unwrap().is_none(), "Ishøj's request is not Odsherred's to see");

    let attended = today_in_copenhagen(days_ago(2));
    let until = start_guarantee_clock(&store, &cw, odsherred, attended, Utc::now()).await.unwrap();
    assert_eq!(until, last_day(attended, 14));
    let d = request_detail(&store, &cw, odsherred, Utc::now()).await.unwrap().unwrap();
    assert_eq!(d.line.days_left, Some(12));
    assert_eq!(d.history.last().unwrap().what, format!("Fristen regnes fra {}", long_date(attended)));

    // Refused: from contact (Ishøj), before the request arrived, in the future.
    assert!(matches!(start_guarantee_clock(&store, &ishoj_worker, ishoj, attended, Utc::now()).await, Err(CaseError::Refused(_))));
    assert!(matches!(start_guarantee_clock(&store, &cw, odsherred, today_in_copenhagen(days_ago(9)), Utc::now()).await, Err(CaseError::Refused(_))));
    let tomorrow = today_in_copenhagen(Utc::now() + Duration::days(1));
    assert!(matches!(start_guarantee_clock(&store, &cw, odsherred, tomorrow, Utc::now()).await, Err(CaseError::Refused(_))));
}

#[tokio::test]
async fn the_export_holds_the_request_and_its_whole_history() {
    let (_dir, store) = store().await;
    let cw = case_worker("thisted");
    let page = submit_request(&store, "thisted", &filled(&store, "thisted", "Åse Østergård")).await.unwrap();
    let (reference, _) = receipt_of(&page);
    let id = app::api::cases::logic::find_by_reference(&store, &cw, &reference.to_lowercase()).await.unwrap().unwrap();
    change_status(&store, &cw, id, Status::Contacted, Utc::now()).await.unwrap();
    let (file, body) = export_request(&store, &cw, id, Utc::now()).await.unwrap();
    assert_eq!(file, format!("indsigt-{reference}.txt"));
    for expected in [
        "Indsigt: henvendelse om behandling",
        &format!("Referencenummer: {reference}"),
        "Kommune: Thisted Kommune",
        "Navn: Åse Østergård",
        "Telefon: 28 91 73 46",
        "E-mail: ikke oplyst",
        "Kontakt helst: formiddag",
        "Behandling for: Alkohol og andre rusmidler",
        "Status: Kontaktet",
        "Behandling senest: ikke oplyst",
        "Borgeren via portalen – Henvendelsen modtaget",
        "sagsbeh.mette – Status ændret fra »Ny« til »Kontaktet«",
        "sagsbeh.mette – Udtræk til indsigt hentet",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in\n{body}");
    }
    assert!(matches!(export_request(&store, &cw, 999, Utc::now()).await, Err(CaseError::Refused(_))));
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn deleting_on_request_leaves_nothing_of_the_person_in_the_files() {
    // A scan of the store's files on either engine: SQLite's database and its write-ahead log, or
    // PostgreSQL's table and index files (what is left in PostgreSQL's write-ahead log is the
    // deployment's to expire: README, "PostgreSQL").
    let dir = tempfile::tempdir().unwrap();
    let postgres = if common::on_postgres() { Some(common::empty_postgres().await) } else { None };
    let store = match &postgres {
        Some(url) => CaseStore::connect(url).await.unwrap(),
        None => CaseStore::open(dir.path()).await.unwrap(),
    };
    let cw = case_worker("ishoj");
    let page = submit_request(&store, "ishoj", &filled(&store, "ishoj", "Gudrun Slettesen")).await.unwrap();
    let (reference, _) = receipt_of(&page);
    submit_request(&store, "ishoj", &filled(&store, "ishoj", "Bliver Tilbage")).await.unwrap();
    let id = app::api::cases::logic::find_by_reference(&store, &cw, &reference).await.unwrap().unwrap();
    change_status(&store, &cw, id, Status::Contacted, Utc::now()).await.unwrap();
    assert!(contains(&common::stored_bytes(dir.path(), CaseStore::FILE_NAME, postgres.as_deref()).await, "Gudrun Slettesen"), "the scan sees the stored name");

    delete_request(&store, &cw, id, Utc::now()).await.unwrap();
    assert!(request_detail(&store, &cw, id, Utc::now()).await.unwrap().is_none());
    assert!(matches!(delete_request(&store, &cw, id, Utc::now()).await, Err(CaseError::Refused(_))));
    let names: Vec<String> = list_requests(&store, &cw, Utc::now()).await.unwrap().into_iter().map(|l| l.name).collect();
    assert_eq!(names, ["Bliver Tilbage"]);
    let bytes = common::stored_bytes(dir.path(), CaseStore::FILE_NAME, postgres.as_deref()).await;
    assert!(!contains(&bytes, "Gudrun Slettesen"), "the name is overwritten, not only unlinked");
    assert!(!contains(&bytes, &reference));
    assert!(contains(&bytes, "Bliver Tilbage"));
}

#[tokio::test]
async fn closed_requests_are_deleted_when_their_retention_period_has_run_out() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::case_store(dir.path()).await.with_retention_days(30);
    let cw = case_worker("ishoj");
    for (name, age) in [("Lukket For Laenge Siden", 60), ("Lukket For Nylig", 60), ("Valgte Andet Sted", 60), ("Stadig Aaben", 60)] {
        submit_request_at(&store, "ishoj", &filled(&store, "ishoj", name), days_ago(age)).await.unwrap();
    }
    let id_of = |list: &[app::api::cases::CaseLine], name: &str| list.iter().find(|l| l.name == name).unwrap().id;
    let list = list_requests(&store, &cw, Utc::now()).await.unwrap();
    change_status(&store, &cw, id_of(&list, "Lukket For Laenge Siden"), Status::Closed, days_ago(31)).await.unwrap();
    change_status(&store, &cw, id_of(&list, "Valgte Andet Sted"), Status::ChoseOtherSite, days_ago(45)).await.unwrap();
    change_status(&store, &cw, id_of(&list, "Lukket For Nylig"), Status::Closed, days_ago(29)).await.unwrap();

    assert_eq!(purge_expired(&store, Utc::now()).await.unwrap(), 2);
    let left: Vec<String> = list_requests(&store, &cw, Utc::now()).await.unwrap().into_iter().map(|l| l.name).collect();
    assert_eq!(left, ["Stadig Aaben", "Lukket For Nylig"]);
    assert_eq!(purge_expired(&store, Utc::now()).await.unwrap(), 0);
    if !common::on_postgres() {
        assert!(!contains(&common::stored_bytes(dir.path(), CaseStore::FILE_NAME, None).await, "Lukket For Laenge Siden"));
    }

    // Reopening a closed request stops its retention clock.
    let id = id_of(&list, "Lukket For Nylig");
    change_status(&store, &cw, id, Status::Contacted, Utc::now()).await.unwrap();
    assert_eq!(purge_expired(&store, Utc::now() + Duration::days(400)).await.unwrap(), 0);
}

#[tokio::test]
async fn the_case_workers_page_finds_changes_exports_and_deletes() {
    use app::api::cases::logic::{cases_page, cases_post, CasesPost};
    let (_dir, store) = store().await;
    let cw = case_worker("odsherred");
    let page = submit_request_at(&store, "odsherred", &filled(&store, "odsherred", "Ida Lund"), days_ago(3)).await.unwrap();
    let (reference, _) = receipt_of(&page);
    let post = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<HashMap<String, String>>();
    let page_of = |p: CasesPost| match p {
        CasesPost::Page(p) => p,
        CasesPost::File { .. } => panic!("a file"),
    };

    let listed = cases_page(&store, &cw, None, Utc::now()).await.unwrap();
    assert_eq!(listed.lines.len(), 1);
    assert!(listed.open.is_none());
    assert_eq!(listed.retention_days, 365);

    // Find by the reference as a person reads it out, loosely typed.
    let found = page_of(cases_post(&store, &cw, &post(&[("handling", "find"), ("reference", &reference.to_lowercase().replace('-', " "))]), Utc::now()).await.unwrap());
    let opened = found.open.expect("found and opened");
    assert_eq!(opened.line.name, "Ida Lund");
    assert!(opened.may_start_clock, "Odsherred counts from attendance");
    let id = opened.line.id.to_string();
    let missing = page_of(cases_post(&store, &cw, &post(&[("handling", "find"), ("reference", "H-2222-22")]), Utc::now()).await.unwrap());
    assert_eq!(missing.errors, [t_not_found()]);

    let changed = page_of(cases_post(&store, &cw, &post(&[("handling", "status"), ("sag", &id), ("status", "contacted")]), Utc::now()).await.unwrap());
    assert_eq!(changed.message.as_deref(), Some("Status er ændret til »Kontaktet«."));
    let bad_date = page_of(cases_post(&store, &cw, &post(&[("handling", "frist"), ("sag", &id), ("dato", "i går")]), Utc::now()).await.unwrap());
    assert_eq!(bad_date.errors, ["Skriv datoen som dag.måned.år, fx 2.11.2026."]);
    assert_eq!(bad_date.date_typed, "i går", "the refused date is shown again");
    assert_eq!(bad_date.date_error.as_deref(), Some("Skriv datoen som dag.måned.år, fx 2.11.2026."));
    let today = today_in_copenhagen(Utc::now());
    let clock = page_of(cases_post(&store, &cw, &post(&[("handling", "frist"), ("sag", &id), ("dato", &today.format("%d.%m.%Y").to_string())]), Utc::now()).await.unwrap());
    assert!(clock.message.as_deref().unwrap().contains(&long_date(last_day(today, 14))), "{:?}", clock.message);
    assert_eq!(clock.open.unwrap().line.days_left, Some(14));

    let CasesPost::File { name, body } = cases_post(&store, &cw, &post(&[("handling", "eksport"), ("sag", &id)]), Utc::now()).await.unwrap() else {
        panic!("no file")
    };
    assert_eq!(name, format!("indsigt-{reference}.txt"));
    assert!(body.contains("Navn: Ida Lund"));

    let ask = page_of(cases_post(&store, &cw, &post(&[("handling", "slet-spoerg"), ("sag", &id)]), Utc::now()).await.unwrap());
    assert!(ask.confirm_delete);
    let deleted = page_of(cases_post(&store, &cw, &post(&[("handling", "slet"), ("sag", &id)]), Utc::now()).await.unwrap());
    assert_eq!(deleted.message.as_deref(), Some("Henvendelsen og dens historik er slettet."));
    assert!(deleted.lines.is_empty() && deleted.open.is_none());
    let gone = cases_page(&store, &cw, Some(opened.line.id), Utc::now()).await.unwrap();
    assert_eq!(gone.errors, ["Henvendelsen findes ikke. Den kan være slettet."]);
}

fn t_not_found() -> &'static str {
    app::text::t::CASES_NOT_FOUND
}

/// Issue 18: the case store's own figure. Requests are counted in the quarter their guarantee's
/// last day falls in; kept when marked "treatment started" by that day. Read from the case store
/// alone, for the case worker's municipality alone.
#[tokio::test]
async fn the_guarantee_figure_counts_each_request_by_its_last_day() {
    use app::api::cases::logic::{find_by_reference, guarantee_report};
    use app::domain::request::GuaranteeOutcome;
    let (_dir, store) = store().await;
    let cw = case_worker("ishoj");
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    // Ishøj counts from the day of contact: filed 1 October, the last day is mid-October.
    let mut ids = Vec::new();
    for name in ["Anna Start", "Bo Sen", "Carl Venter", "Dorte Andetsted"] {
        let page = submit_request_at(&store, "ishoj", &filled(&store, "ishoj", name), at("2026-10-01T10:00:00+02:00")).await.unwrap();
        let (reference, _) = receipt_of(&page);
        ids.push(find_by_reference(&store, &cw, &reference).await.unwrap().unwrap());
    }
    let late = submit_request_at(&store, "ishoj", &filled(&store, "ishoj", "Eva Senere"), at("2026-12-20T10:00:00+01:00")).await.unwrap();
    let _ = receipt_of(&late);
    change_status(&store, &cw, ids[0], Status::TreatmentStarted, at("2026-10-05T09:00:00+02:00")).await.unwrap();
    change_status(&store, &cw, ids[1], Status::Contacted, at("2026-10-02T09:00:00+02:00")).await.unwrap();
    change_status(&store, &cw, ids[1], Status::TreatmentStarted, at("2026-11-20T09:00:00+01:00")).await.unwrap();
    change_status(&store, &cw, ids[2], Status::Contacted, at("2026-10-02T09:00:00+02:00")).await.unwrap();
    change_status(&store, &cw, ids[3], Status::ChoseOtherSite, at("2026-10-03T09:00:00+02:00")).await.unwrap();
    // Closing a started one later does not undo that it started in time.
    change_status(&store, &cw, ids[0], Status::Closed, at("2026-12-01T09:00:00+01:00")).await.unwrap();

    let now = at("2026-12-28T12:00:00+01:00");
    let report = guarantee_report(&store, &cw, Some("2026-K4"), now).await.unwrap();
    let count = |o: GuaranteeOutcome| report.counts.iter().find(|(w, _)| w == app::text::t::guarantee_outcome(o)).unwrap().1;
    assert_eq!((count(GuaranteeOutcome::Kept), count(GuaranteeOutcome::Missed), count(GuaranteeOutcome::Lifted), count(GuaranteeOutcome::Running)), (1, 2, 1, 0));
    assert_eq!(report.share, "1 af 3 henvendelser (33 %)");
    assert_eq!(report.rule.as_ref().unwrap().source.doc_id, "ishoj-2024");
    // The one filed in December has its last day in January: next quarter, still running.
    let next = guarantee_report(&store, &cw, Some(&report.next), now).await.unwrap();
    assert_eq!(next.counts.iter().map(|c| c.1).sum::<u64>(), 1);
    assert_eq!(next.share, app::text::t::GUARANTEE_NO_SHARE);
    // Another municipality's case worker counts none of Ishøj's; other roles are refused.
    let thisted = guarantee_report(&store, &case_worker("thisted"), Some("2026-K4"), now).await.unwrap();
    assert_eq!(thisted.counts.iter().map(|c| c.1).sum::<u64>(), 0);
    let admin = StaffAccess { role: Role::Admin, ..case_worker("ishoj") };
    assert!(matches!(guarantee_report(&store, &admin, None, now).await, Err(CaseError::Forbidden(_))));
    // A malformed quarter says so and shows the current one.
    let bad = guarantee_report(&store, &cw, Some("K4"), now).await.unwrap();
    assert_eq!((bad.quarter.as_str(), bad.notice.is_some()), ("2026-K4", true));
}
