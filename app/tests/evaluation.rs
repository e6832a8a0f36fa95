//! Issue 18: anonymous evaluation and follow-up, end to end below the pages. Codes are handed out
//! as staff do, answered through the same form logic a citizen's POST runs, and the report is
//! checked figure by figure against the answers planted, every suppression included. Codes race
//! as they should: a second use, or two at once, counts one answer. Time is an input: every call
//! is given its instant.

use app::api::evaluation::logic::{self as evaluation, build};
use app::api::evaluation::{EvaluationStep, ReportPage};
use app::content::catalogue;
use app::domain::disclosure::{Range, Release, K};
use app::domain::evaluation::Moment;
use app::domain::staff::{Role, StaffAccess};
use app::store::{AnonStore, Evaluations, TokenSecret};
use app::text::t;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

mod common;

const KOMMUNE: &str = "vallensbaek";
const SITE: &str = "pitstop";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Handed out on the last day of November 2026; the follow-up's first point is December.
fn handed_out() -> DateTime<Utc> {
    at("2026-11-30T10:00:00+01:00")
}

fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn member(role: Role, kommune: &str) -> StaffAccess {
    let sites = if role == Role::AnonymousCounsellor { vec![SITE.to_string()] } else { vec![] };
    StaffAccess { account_id: 1, username: "x".into(), role, kommune: kommune.into(), sites, csrf: "c".repeat(64) }
}

async fn store() -> (tempfile::TempDir, AnonStore) {
    let dir = tempfile::tempdir().unwrap();
    let anon = common::anon_store(dir.path(), TokenSecret::from_bytes([4; 32])).await;
    (dir, anon)
}

/// `n` codes for `moment`, made through the staff form as a counsellor of Vallensbæk makes them.
async fn hand_out(e: &Evaluations, moment: Moment, n: u32) -> Vec<String> {
    let counsellor = member(Role::AnonymousCounsellor, KOMMUNE);
    let count = n.to_string();
    let page = evaluation::codes_post(e, &counsellor, &fields(&[("sted", SITE), ("tidspunkt", moment.slug()), ("antal", &count)]), handed_out()).await.unwrap();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let made = page.made.unwrap();
    assert_eq!(made.codes.len(), n as usize);
    assert_eq!(made.address, "/vallensbaek/evaluering");
    made.codes
}

/// Answers a code as a citizen's POST does; `answers` are (question id, answer).
async fn answer(anon: &AnonStore, code: &str, answers: &[(&str, &str)], now: DateTime<Utc>) -> EvaluationStep {
    let mut pairs = vec![("kode".to_string(), code.to_string()), ("handling".to_string(), "send".to_string())];
    pairs.extend(answers.iter().map(|(q, a)| (format!("svar-{q}"), a.to_string())));
    evaluation::post(anon, KOMMUNE, &pairs.into_iter().collect(), now).await.unwrap().step
}

async fn answered(anon: &AnonStore, code: &str, answers: &[(&str, &str)], now: DateTime<Utc>) {
    let step = answer(anon, code, answers, now).await;
    assert!(matches!(step, EvaluationStep::Thanks { .. }), "{step:?}");
}

/// Plants the answers the report test checks: Vallensbæk, codes handed out in November 2026.
async fn plant(anon: &AnonStore) {
    let e = &anon.evaluations();
    let t0 = at("2026-12-02T12:00:00+01:00");
    // Group course: 20 codes, 14 answers.
    let course = hand_out(e, Moment::GroupCourse, 20).await;
    let forloebet = [["meget-tilfreds"; 7].as_slice(), &["tilfreds"; 5], &["utilfreds"; 2]].concat();
    let meningsfuld = [["helt-enig"; 8].as_slice(), &["enig"; 6]].concat();
    // Three leave "maal" unanswered.
    let maal = [["helt-enig"; 10].as_slice(), &["enig"; 1], &[""; 3]].concat();
    for i in 0..14 {
        answered(anon, &course[i], &[("forloebet", forloebet[i]), ("meningsfuld", meningsfuld[i]), ("maal", maal[i])], t0).await;
    }
    // Discharge: 10 codes, 7 answers, all the same.
    let discharge = hand_out(e, Moment::Discharge, 10).await;
    for code in &discharge[..7] {
        answered(anon, code, &[("samlede-tilbud", "meget-tilfreds"), ("meningsfuld", "helt-enig"), ("maal", "enig")], t0).await;
    }
    // Follow-up: 20 codes; 12 answer at the first point (December), none yet at six months.
    let follow = hand_out(e, Moment::FollowUp, 20).await;
    let use_now = [["ingen"; 5].as_slice(), &["mindre"; 5], &["uaendret"; 2]].concat();
    let contact = [["ja"; 5].as_slice(), &["nej"; 7]].concat();
    for i in 0..12 {
        answered(anon, &follow[i], &[("forbrug-nu", use_now[i]), ("kontakt", contact[i])], t0).await;
    }
    // Talks: 10 held in November, booked with a booking code each; 5 evaluated with it.
    for i in 0..10 {
        let token = app::domain::token::Token::generate();
        let talk = book_talk(anon, &token, KOMMUNE, &format!("2026-11-{:02}T10:00:00+01:00", i + 2), true).await;
        assert!(mark(anon, talk, app::domain::staff::TalkStatus::Held).await);
        if i < 5 {
            let step = send_talk(anon, &token.grouped(), talk, &[("samtalen", "tilfreds"), ("udbytte", "enig"), ("kontakt", "nej")], t0).await;
            assert!(matches!(step, EvaluationStep::Thanks { talk: true, .. }), "{step:?}");
        }
    }
}

fn table<'a>(report: &'a ReportPage, moment: Moment, point: Option<u32>, heading: &str) -> Vec<&'a str> {
    let found = report
        .tables
        .iter()
        .find(|t| t.moment == t::moment_name(moment) && t.point == point && t.heading == heading)
        .unwrap_or_else(|| panic!("no table {moment:?} {point:?} {heading}"));
    assert_eq!(found.rows.len(), 1, "Vallensbæk has one site: only the municipality's row");
    assert!(found.rows[0].total && found.rows[0].site == t::REPORT_ALL_SITES);
    found.rows[0].cells.iter().map(String::as_str).collect()
}

#[tokio::test]
async fn a_planted_quarter_gives_every_figure_and_every_suppression() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    plant(&anon).await;
    let admin = member(Role::Admin, KOMMUNE);
    let report = evaluation::report(&e, &admin, Some("2026-K4"), at("2027-01-10T09:00:00+01:00")).await.unwrap();
    assert_eq!((report.quarter.as_str(), report.previous.as_str(), report.next.as_str()), ("2026-K4", "2026-K3", "2027-K1"));
    assert!(!report.empty && report.notice.is_none());
    let q = |m, p, h: &str| table(&report, m, p, h);
    let (rates, small) = (t::REPORT_RATES_HEADING, t::REPORT_HIDDEN);

    // Group course: 14 of 20. The counts under 5 are hidden; where the hidden counts of a row
    // would add up to under 5 (2 + 0 + 0 + 0 of the 14 beside 7 and 5), a reader would know each
    // to within fewer than 5 values, so the next smallest (5, 6, 1 + …) is hidden as well.
    assert_eq!(q(Moment::GroupCourse, None, rates), ["20", "14", "6", "70 %"]);
    assert_eq!(q(Moment::GroupCourse, None, "Hvor tilfreds er du med forløbet og behandlingen?"), ["7", small, small, small, small, small, "14"]);
    assert_eq!(q(Moment::GroupCourse, None, "Jeg har oplevet behandlingen som meningsfuld for mig."), ["8", small, small, small, small, small, "14"]);
    assert_eq!(q(Moment::GroupCourse, None, "Behandlingen har støttet mig i at nå mine mål."), ["10", small, small, small, small, small, "14"]);

    // Discharge: 7 of 10, all the same answers. The 3 unused codes are few, and 10 − 7 would
    // give them away, so the 7 is hidden too; and a question's 7 "meget tilfreds" would show
    // the 7 answered (it is at least 7, at most 10), so every answer goes: only the 10 stays.
    assert_eq!(q(Moment::Discharge, None, rates), ["10", small, small, t::REPORT_NOT_SHOWN]);
    assert_eq!(q(Moment::Discharge, None, "Hvor tilfreds er du med det samlede tilbud?"), [small; 7]);
    assert_eq!(q(Moment::Discharge, None, "Behandlingen har støttet mig i at nå mine mål."), [small; 7]);

    // Follow-up, 1 month: 12 of 20.
    assert_eq!(q(Moment::FollowUp, Some(1), rates), ["20", "12", "8", "60 %"]);
    // 5 / 5 / 2 / 0 and 0 unanswered: the 2 and the 0s add up to 2, so the second 5 goes too.
    assert_eq!(
        q(Moment::FollowUp, Some(1), "Hvordan er dit forbrug af rusmidler nu, sammenlignet med før behandlingen?"),
        ["5", small, small, small, small, "12"]
    );
    // 5 yes and 7 no of 12: the 0 unanswered is hidden, and 12 − 7 − 0 would give it away
    // with the 5: so the 5 (the smallest) goes too.
    assert_eq!(q(Moment::FollowUp, Some(1), "Vil du gerne tale med en rådgiver igen?"), [small, "7", small, "12"]);
    // Follow-up, 6 months: none yet. The 20 unused would give the 0 away: hidden; the 20 codes
    // handed out stay (they are the one-month table's too).
    assert_eq!(q(Moment::FollowUp, Some(6), rates), ["20", small, small, t::REPORT_NOT_SHOWN]);
    assert!(q(Moment::FollowUp, Some(6), "Vil du gerne tale med en rådgiver igen?").iter().all(|c| *c == small));

    // Talks: 10 held (each an invitation to evaluate), 5 evaluated with their booking codes, all
    // alike: a shown 5 "tilfreds" of 5 would tell every answer, so only the totals stay.
    assert_eq!(q(Moment::Talk, None, rates), ["10", "5", "5", "50 %"]);
    assert_eq!(q(Moment::Talk, None, "Hvor tilfreds er du med samtalen?"), [small, small, small, small, small, small, "5"]);
    assert_eq!(q(Moment::Talk, None, "Samtalen har været til hjælp for mig."), [small, small, small, small, small, small, "5"]);
    assert_eq!(q(Moment::Talk, None, "Vil du gerne tale med en rådgiver igen?"), [small, small, small, "5"]);

    // Every table of the plan is there: 4 moments' rates and questions, the follow-up's per point.
    assert_eq!(report.tables.len(), (1 + 3) + (1 + 3) + (1 + 3) + 2 * (1 + 2));

    // The targets, each cited, measured at each point where enough answered.
    assert_eq!(report.targets.len(), 3);
    let reduced = &report.targets[0];
    assert_eq!(reduced.target, "Mindst 50 %");
    assert_eq!(reduced.source.doc_id, "ishoj-vallensbaek-2020");
    assert_eq!(reduced.source.section, "Monitorering");
    // "Less use" (5) is hidden at one month (see above), so the share of "none or less" is not
    // shown either: it would give the hidden count away.
    assert_eq!(
        reduced.results,
        vec![(t::point_heading(1), t::REPORT_TOO_FEW.to_string(), None), (t::point_heading(6), t::REPORT_TOO_FEW.to_string(), None)]
    );
    let drug_free = &report.targets[1];
    assert_eq!(drug_free.target, "Mindst 30 %");
    assert_eq!(drug_free.results[0], (t::point_heading(1), "42 % (5 af 12 svar)".to_string(), Some(true)));
    let back = &report.targets[2];
    assert!(!back.measured && back.results.is_empty(), "coming back to treatment is not asked about");
    assert_eq!(back.target, "under 50 %");

    // The CSV has the same figures, a row per cell, and the suppressed as "skjult".
    let (name, bytes) = evaluation::report_csv(&e, &admin, Some("2026-K4"), at("2027-01-10T09:00:00+01:00")).await.unwrap();
    assert_eq!(name, "evaluering-vallensbaek-2026-k4.csv");
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), t::REPORT_CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cells: usize = report.tables.iter().map(|t| t.columns.len() * t.rows.len()).sum();
    assert_eq!(rows.len(), cells + 2 + 2 + 1, "a row per cell, and per target and point");
    let rate = rows.iter().find(|r| &r[2] == t::moment_name(Moment::Discharge) && &r[4] == rates && &r[6] == t::REPORT_ANSWERED).unwrap();
    assert_eq!(&rate[7], small);
    assert!(rows.iter().all(|r| !r[8].is_empty() && !r[9].is_empty()), "every figure names its source");
}

#[tokio::test]
async fn a_quarter_with_no_codes_and_a_bad_quarter() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let admin = member(Role::Admin, KOMMUNE);
    let report = evaluation::report(&e, &admin, Some("2026-K9"), at("2026-08-10T09:00:00+02:00")).await.unwrap();
    assert_eq!(report.notice.as_deref(), Some(t::REPORT_BAD_QUARTER));
    assert_eq!(report.quarter, "2026-K3", "the current quarter instead");
    assert!(report.empty);
    // Codes of Vallensbæk are not in Ishøj's report, though both use Pitstop.
    plant(&anon).await;
    let ishoj = evaluation::report(&e, &member(Role::Admin, "ishoj"), Some("2026-K4"), at("2027-01-10T09:00:00+01:00")).await.unwrap();
    assert!(ishoj.empty);
    assert!(ishoj.targets.iter().all(|t| !t.measured), "Ishøj's standard of 2024 sets no numeric target");
}

#[tokio::test]
async fn a_code_counts_once_and_a_wrong_used_or_foreign_code_gets_the_same_words() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let t0 = at("2026-12-01T12:00:00+01:00");
    let codes = hand_out(&e, Moment::GroupCourse, 3).await;
    answered(&anon, &codes[0], &[("forloebet", "tilfreds")], t0).await;
    let neutral = |step: EvaluationStep| match step {
        EvaluationStep::Enter { error } => error,
        other => panic!("{other:?}"),
    };
    let used = neutral(answer(&anon, &codes[0], &[("forloebet", "tilfreds")], t0).await);
    let unknown = neutral(answer(&anon, "7KQ-FM2", &[("forloebet", "tilfreds")], t0).await);
    // Right shape, never handed out: the check symbol of a generated code.
    let never = app::domain::token::Token::generate().grouped();
    let never = neutral(answer(&anon, &never, &[("forloebet", "tilfreds")], t0).await);
    let elsewhere = neutral(evaluation::post(&anon, "thisted", &fields(&[("kode", &codes[1]), ("handling", "aabn")]), t0).await.unwrap().step);
    let expired = neutral(answer(&anon, &codes[2], &[("forloebet", "tilfreds")], at("2027-03-01T12:00:00+01:00")).await);
    assert_eq!(used.as_deref(), Some(t::EVAL_CODE_NOT_USABLE));
    assert_eq!(never.as_deref(), Some(t::EVAL_CODE_NOT_USABLE));
    assert_eq!(elsewhere, used);
    assert_eq!(expired, used, "three months after the month it was handed out");
    // A typo is said as one (the shape is no secret).
    assert_ne!(unknown, used);
    // Nothing was counted by the refusals.
    let tallies = e.tallies(KOMMUNE, app::domain::evaluation::Month::parse("2026-11").unwrap(), app::domain::evaluation::Month::parse("2026-11").unwrap()).await.unwrap();
    assert_eq!(tallies.responses.iter().map(|r| r.4).sum::<u64>(), 1);
    // A used one-use code is gone from the store; the two others are still held.
    assert_eq!(e.codes_held().await.unwrap(), 2);
}

#[tokio::test]
async fn an_empty_or_forged_answer_is_refused_and_keeps_the_code() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let t0 = at("2026-12-01T12:00:00+01:00");
    let codes = hand_out(&e, Moment::GroupCourse, 1).await;
    let error = |step: EvaluationStep| match step {
        EvaluationStep::Questions { error, questions, .. } => (error, questions),
        other => panic!("{other:?}"),
    };
    let (nothing, _) = error(answer(&anon, &codes[0], &[], t0).await);
    assert_eq!(nothing.as_deref(), Some(t::EVAL_NOTHING_ANSWERED));
    let (forged, questions) = error(answer(&anon, &codes[0], &[("forloebet", "tilfreds"), ("maal", "<script>")], t0).await);
    assert_eq!(forged.as_deref(), Some(t::EVAL_UNKNOWN_ANSWER));
    assert_eq!(questions[0].chosen.as_deref(), Some("tilfreds"), "a valid answer is kept when the form comes back");
    answered(&anon, &codes[0], &[("forloebet", "tilfreds")], t0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_uses_at_once_count_one_answer() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let t0 = at("2026-12-01T12:00:00+01:00");
    let codes = hand_out(&e, Moment::Discharge, 10).await;
    for code in &codes {
        let (a, b) = tokio::join!(
            answer(&anon, code, &[("samlede-tilbud", "tilfreds")], t0),
            answer(&anon, code, &[("samlede-tilbud", "utilfreds")], t0)
        );
        let thanks = [&a, &b].iter().filter(|s| matches!(s, EvaluationStep::Thanks { .. })).count();
        assert_eq!(thanks, 1, "{a:?} / {b:?}");
    }
    let month = app::domain::evaluation::Month::parse("2026-11").unwrap();
    let tallies = e.tallies(KOMMUNE, month, month).await.unwrap();
    assert_eq!(tallies.responses.iter().map(|r| r.4).sum::<u64>(), 10);
    assert_eq!(tallies.answers.iter().filter(|a| a.4 == "samlede-tilbud").map(|a| a.6).sum::<u64>(), 10);
    assert_eq!(e.codes_held().await.unwrap(), 0);
}

#[tokio::test]
async fn a_follow_up_code_works_once_at_each_point() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let code = hand_out(&e, Moment::FollowUp, 1).await.remove(0);
    let open = |now: &str| {
        let anon = anon.clone();
        let code = code.clone();
        let now = at(now);
        async move { evaluation::post(&anon, KOMMUNE, &fields(&[("kode", &code), ("handling", "aabn")]), now).await.unwrap().step }
    };
    // Before the first point: when to come back, and nothing used.
    match open("2026-11-30T18:00:00+01:00").await {
        EvaluationStep::NotYet { message, why, .. } => {
            assert_eq!(message, t::not_yet(app::domain::evaluation::Month::parse("2026-12").unwrap()));
            assert_eq!(why.source.section, "Efter endt behandling");
        }
        other => panic!("{other:?}"),
    }
    match open("2026-12-03T09:00:00+01:00").await {
        EvaluationStep::Questions { heading, questions, .. } => {
            assert_eq!(heading, t::point_heading(1));
            assert_eq!(questions.iter().map(|q| q.field.as_str()).collect::<Vec<_>>(), ["svar-forbrug-nu", "svar-kontakt"]);
        }
        other => panic!("{other:?}"),
    }
    // One month: answered; wanting contact shows where to book and whom to call.
    match answer(&anon, &code, &[("forbrug-nu", "mindre"), ("kontakt", "ja")], at("2026-12-03T09:05:00+01:00")).await {
        EvaluationStep::Thanks { next, contact, .. } => {
            assert_eq!(next, Some(t::next_point(app::domain::evaluation::Month::parse("2027-05").unwrap())));
            let contact = contact.unwrap();
            assert_eq!(contact.book, "/vallensbaek/book");
            assert_eq!(contact.phone.unwrap().text, "20 69 28 33");
        }
        other => panic!("{other:?}"),
    }
    // Again in the same month: not before six months.
    assert!(matches!(open("2026-12-20T09:00:00+01:00").await, EvaluationStep::NotYet { .. }));
    // Six months: the last point; then the code is gone.
    match answer(&anon, &code, &[("forbrug-nu", "ingen"), ("kontakt", "nej")], at("2027-05-10T09:00:00+02:00")).await {
        EvaluationStep::Thanks { next, contact, .. } => assert_eq!((next, contact), (None, None)),
        other => panic!("{other:?}"),
    }
    assert_eq!(e.codes_held().await.unwrap(), 0);
    assert!(matches!(open("2027-06-01T09:00:00+02:00").await, EvaluationStep::Enter { error: Some(_) }));
    let month = app::domain::evaluation::Month::parse("2026-11").unwrap();
    let tallies = e.tallies(KOMMUNE, month, month).await.unwrap();
    let mut points: Vec<(u32, u64)> = tallies.responses.iter().map(|r| (r.2, r.4)).collect();
    points.sort();
    assert_eq!(points, [(1, 1), (6, 1)], "one answer counted at each point, under the month it was handed out");
}

#[tokio::test]
async fn the_follow_up_reminders_are_a_calendar_file_without_the_code() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let code = hand_out(&e, Moment::FollowUp, 1).await.remove(0);
    let (name, body) = evaluation::calendar_post(&e, KOMMUNE, &fields(&[("kode", &code), ("handling", "kalender")]), handed_out()).await.unwrap();
    assert_eq!(name, t::EVAL_CALENDAR_FILE);
    assert_eq!(body.matches("BEGIN:VEVENT").count(), 2, "Vallensbæk: 1 and 6 months");
    assert!(body.contains("DTSTART;TZID=Europe/Copenhagen:20261230T100000"), "{body}");
    assert!(body.contains("DTSTART;TZID=Europe/Copenhagen:20270530T100000"));
    let canonical: String = code.chars().filter(|c| *c != '-').collect();
    assert!(!body.contains(&code) && !body.contains(&canonical) && !body.contains("Pitstop"));
    // A one-use code has no reminders.
    let once = hand_out(&e, Moment::Discharge, 1).await.remove(0);
    assert!(evaluation::calendar_post(&e, KOMMUNE, &fields(&[("kode", &once)]), handed_out()).await.is_err());
}

#[tokio::test]
async fn expired_codes_are_purged_and_counts_stay() {
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let codes = hand_out(&e, Moment::GroupCourse, 5).await;
    answered(&anon, &codes[0], &[("forloebet", "tilfreds")], at("2026-12-01T12:00:00+01:00")).await;
    let month = |s: &str| app::domain::evaluation::Month::parse(s).unwrap();
    assert_eq!(e.purge(month("2027-02")).await.unwrap(), 0, "usable to the end of February 2027");
    assert_eq!(e.purge(month("2027-03")).await.unwrap(), 4);
    assert_eq!(e.codes_held().await.unwrap(), 0);
    let tallies = e.tallies(KOMMUNE, month("2026-11"), month("2026-11")).await.unwrap();
    assert_eq!(tallies.issued.iter().map(|i| i.3).sum::<u64>(), 5, "the codes handed out are still counted");
}

#[test]
fn two_sites_get_a_row_each_and_the_municipality_a_total() {
    // No municipality of the seeds has two sites, so the builder is given two: the rows and the
    // suppression across them (a small count at one site is not left to be worked out from the
    // municipality's total and the other site).
    let plan = catalogue().evaluation(KOMMUNE).unwrap();
    let site = |id: &str| app::content::BookingSite { id: id.into(), name: id.to_uppercase(), place: String::new(), phone: None, kommuner: vec![KOMMUNE.into()], example: true, talks: vec![] };
    let (a, b) = (site("a"), site("b"));
    let month = app::domain::evaluation::Month::parse("2026-11").unwrap();
    let mut tallies = app::store::Tallies::default();
    tallies.issued = vec![("a".into(), Moment::Discharge, month, 30), ("b".into(), Moment::Discharge, month, 12)];
    tallies.responses = vec![("a".into(), Moment::Discharge, 0, month, 20), ("b".into(), Moment::Discharge, 0, month, 6)];
    tallies.answers = vec![
        ("a".into(), Moment::Discharge, 0, month, "samlede-tilbud".into(), "tilfreds".into(), 20),
        ("b".into(), Moment::Discharge, 0, month, "samlede-tilbud".into(), "tilfreds".into(), 4),
        ("b".into(), Moment::Discharge, 0, month, "samlede-tilbud".into(), "utilfreds".into(), 2),
    ];
    let (tables, targets) = build(plan, &[&a, &b], &tallies);
    assert_eq!(audit(plan, &tables, &targets), Vec::<String>::new());
    let t = tables.iter().find(|t| t.heading == "Hvor tilfreds er du med det samlede tilbud?").unwrap();
    let rows: Vec<(&str, Vec<&str>)> = t.rows.iter().map(|r| (r.site.as_str(), r.cells.iter().map(String::as_str).collect())).collect();
    let s = t::REPORT_HIDDEN;
    // "Tilfreds": A 20 of 20, B 4 (small) of 6. The municipality's 24 less A's 20 would give
    // B's 4 away, so A's 20 is hidden too; A's 20 responses beside it would tell that every one
    // of them said "tilfreds" (and pin A's hidden zeros), so they go, and with them B's 6 (26 −
    // 20) and the municipality's 24 (26 − 2 ≥ 24 would pin B's counts): only the 26 stays.
    assert_eq!(rows[0], ("A", vec![s; 7]));
    assert_eq!(rows[1], ("B", vec![s; 7]));
    assert_eq!(rows[2], (t::REPORT_ALL_SITES, vec![s, s, s, s, s, s, "26"]));
}

// ---- A talk evaluated with its booking code ---------------------------------------------------

/// Books a talk at Pitstop for `token` at `starts_at` (the holder is made with the first one).
async fn book_talk(anon: &AnonStore, token: &app::domain::token::Token, kommune: &'static str, starts_at: &str, first: bool) -> i64 {
    let holder = first.then_some(app::store::NewHolder { kommune, purpose: "counselling" });
    let slot = app::store::SlotRef { site: SITE, talk_kind: "fremmoede", starts_at: at(starts_at), capacity: 1 };
    anon.book(token, holder, &slot, None).await.unwrap().booking_id
}

/// A counsellor marks a talk, as the staff calendar does.
async fn mark(anon: &AnonStore, booking: i64, status: app::domain::staff::TalkStatus) -> bool {
    let outcome = (status == app::domain::staff::TalkStatus::Held).then_some(app::domain::staff::TalkOutcome::AdviceGiven);
    anon.set_status(SITE, booking, status, outcome, &catalogue().talks_evaluated_in()).await.unwrap()
}

async fn open_talks(anon: &AnonStore, kommune: &str, code: &str, booking: Option<i64>, now: DateTime<Utc>) -> EvaluationStep {
    let booking = booking.map(|b| b.to_string());
    let mut pairs = vec![("kode", code), ("handling", "aabn")];
    if let Some(b) = &booking {
        pairs.push(("booking", b));
    }
    evaluation::post(anon, kommune, &fields(&pairs), now).await.unwrap().step
}

async fn send_talk(anon: &AnonStore, code: &str, booking: i64, answers: &[(&str, &str)], now: DateTime<Utc>) -> EvaluationStep {
    let booking = booking.to_string();
    let mut pairs = vec![("kode".to_string(), code.to_string()), ("handling".to_string(), "send".to_string()), ("booking".to_string(), booking)];
    pairs.extend(answers.iter().map(|(q, a)| (format!("svar-{q}"), a.to_string())));
    evaluation::post(anon, KOMMUNE, &pairs.into_iter().collect(), now).await.unwrap().step
}

fn talks_listed(step: &EvaluationStep) -> Vec<i64> {
    match step {
        EvaluationStep::Talks { talks, .. } => talks.iter().map(|t| t.id).collect(),
        other => panic!("{other:?}"),
    }
}

fn talk_counts(tallies: &app::store::Tallies) -> (u64, u64) {
    let issued = tallies.issued.iter().filter(|i| i.1 == Moment::Talk).map(|i| i.3).sum();
    let responses = tallies.responses.iter().filter(|r| r.1 == Moment::Talk).map(|r| r.4).sum();
    (issued, responses)
}

#[tokio::test]
async fn a_booking_code_evaluates_each_held_talk_once() {
    use app::domain::staff::TalkStatus;
    let (_dir, anon) = store().await;
    let token = app::domain::token::Token::generate();
    let code = token.grouped();
    let first = book_talk(&anon, &token, KOMMUNE, "2026-11-10T10:00:00+01:00", true).await;
    let second = book_talk(&anon, &token, KOMMUNE, "2026-11-17T10:00:00+01:00", false).await;
    let now = at("2026-11-20T12:00:00+01:00");
    let november = app::domain::evaluation::Month::parse("2026-11").unwrap();
    let counts = || async { talk_counts(&anon.evaluations().tallies(KOMMUNE, november, november).await.unwrap()) };

    // Nothing held yet: the code is known, and there is nothing to evaluate.
    assert_eq!(talks_listed(&open_talks(&anon, KOMMUNE, &code, None, now).await), Vec::<i64>::new());
    assert!(mark(&anon, first, TalkStatus::Held).await);
    assert_eq!(counts().await, (1, 0), "a held talk is one invitation to evaluate");
    assert_eq!(talks_listed(&open_talks(&anon, KOMMUNE, &code, None, now).await), [first]);

    // The talk's questions: Vallensbæk's, each cited to »Monitorering«; the booking travels along.
    match open_talks(&anon, KOMMUNE, &code, Some(first), now).await {
        EvaluationStep::Questions { booking, heading, why, questions, .. } => {
            assert_eq!(booking, Some(first));
            assert!(heading.ends_with("tirsdag den 10. november 2026 kl. 10.00–11.00"), "{heading}");
            assert_eq!(why.source.section, "Monitorering");
            assert_eq!(questions.iter().map(|q| q.field.as_str()).collect::<Vec<_>>(), ["svar-samtalen", "svar-udbytte", "svar-kontakt"]);
            assert!(questions.iter().all(|q| q.source.section == "Monitorering"));
        }
        other => panic!("{other:?}"),
    }
    // A talk not held, or not the code's, is not offered: the list comes back with why.
    match open_talks(&anon, KOMMUNE, &code, Some(second), now).await {
        EvaluationStep::Talks { talks, error, .. } => assert_eq!((talks.len(), error.as_deref()), (1, Some(t::EVAL_TALK_GONE))),
        other => panic!("{other:?}"),
    }
    match send_talk(&anon, &code, first, &[("samtalen", "tilfreds"), ("udbytte", "enig"), ("kontakt", "ja")], now).await {
        EvaluationStep::Thanks { next, contact, talk } => {
            assert!(talk && next.is_none());
            assert_eq!(contact.unwrap().book, "/vallensbaek/book");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(counts().await, (1, 1));
    let tallies = anon.evaluations().tallies(KOMMUNE, november, november).await.unwrap();
    let mut answers: Vec<(&str, &str, u64)> =
        tallies.answers.iter().filter(|a| a.1 == Moment::Talk).map(|a| (a.4.as_str(), a.5.as_str(), a.6)).collect();
    answers.sort();
    assert_eq!(answers, [("kontakt", "ja", 1), ("samtalen", "tilfreds", 1), ("udbytte", "enig", 1)]);

    // Once per talk: a second sending is refused and counts nothing; the list is empty.
    match send_talk(&anon, &code, first, &[("samtalen", "utilfreds")], now).await {
        EvaluationStep::Talks { talks, error, .. } => assert_eq!((talks.len(), error.as_deref()), (0, Some(t::EVAL_TALK_GONE))),
        other => panic!("{other:?}"),
    }
    assert_eq!(counts().await, (1, 1));

    // Marking talks: the count follows "held or evaluated", however often it is changed.
    assert!(mark(&anon, second, TalkStatus::Held).await);
    assert_eq!(counts().await, (2, 1));
    assert!(mark(&anon, second, TalkStatus::Held).await);
    assert_eq!(counts().await, (2, 1), "marking held twice counts once");
    assert!(mark(&anon, second, TalkStatus::NoShow).await);
    assert_eq!(counts().await, (1, 1), "undone: no longer an invitation");
    assert!(mark(&anon, first, TalkStatus::Booked).await);
    assert!(mark(&anon, first, TalkStatus::Held).await);
    assert_eq!(counts().await, (1, 1), "an evaluated talk stays counted once");
    assert_eq!(talks_listed(&open_talks(&anon, KOMMUNE, &code, None, now).await), Vec::<i64>::new());

    // Three months after the talk's month it may still be evaluated; in the fourth, not.
    assert!(mark(&anon, second, TalkStatus::Held).await);
    assert_eq!(talks_listed(&open_talks(&anon, KOMMUNE, &code, None, at("2027-02-27T12:00:00+01:00")).await), [second]);
    assert_eq!(talks_listed(&open_talks(&anon, KOMMUNE, &code, None, at("2027-03-01T12:00:00+01:00")).await), Vec::<i64>::new());
    assert!(matches!(send_talk(&anon, &code, second, &[("samtalen", "tilfreds")], at("2027-03-01T12:00:00+01:00")).await, EvaluationStep::Talks { .. }));
    assert_eq!(counts().await, (2, 1));
}

#[tokio::test]
async fn a_booking_code_works_only_where_the_standard_evaluates_talks() {
    use app::domain::staff::TalkStatus;
    let (_dir, anon) = store().await;
    let now = at("2026-11-20T12:00:00+01:00");
    let november = app::domain::evaluation::Month::parse("2026-11").unwrap();
    // Ishøj's standard asks for no evaluation of a talk: its page says so, a booking code gets
    // the neutral words there, and its held talk is counted as no invitation.
    let ishoj = app::domain::token::Token::generate();
    let held = book_talk(&anon, &ishoj, "ishoj", "2026-11-10T10:00:00+01:00", true).await;
    assert!(mark(&anon, held, TalkStatus::Held).await);
    assert_eq!(talk_counts(&anon.evaluations().tallies("ishoj", november, november).await.unwrap()), (0, 0));
    let page = evaluation::post(&anon, "ishoj", &fields(&[("kode", &ishoj.grouped()), ("handling", "aabn")]), now).await.unwrap();
    assert!(!page.talks);
    assert_eq!(page.step, EvaluationStep::Enter { error: Some(t::EVAL_CODE_NOT_USABLE.to_string()) });
    assert!(evaluation::enter("vallensbaek", None).unwrap().talks && evaluation::enter("odsherred", None).unwrap().talks);
    assert!(!evaluation::enter("thisted", None).unwrap().talks);
    // Another municipality's booking code: the same neutral words as a wrong code.
    let valby = app::domain::token::Token::generate();
    let talk = book_talk(&anon, &valby, KOMMUNE, "2026-11-11T10:00:00+01:00", true).await;
    assert!(mark(&anon, talk, TalkStatus::Held).await);
    assert_eq!(open_talks(&anon, "odsherred", &valby.grouped(), Some(talk), now).await, EvaluationStep::Enter { error: Some(t::EVAL_CODE_NOT_USABLE.to_string()) });
    assert_eq!(open_talks(&anon, KOMMUNE, &app::domain::token::Token::generate().grouped(), None, now).await, EvaluationStep::Enter { error: Some(t::EVAL_CODE_NOT_USABLE.to_string()) });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_evaluations_of_one_talk_at_once_count_one() {
    use app::domain::staff::TalkStatus;
    let (_dir, anon) = store().await;
    let now = at("2026-11-20T12:00:00+01:00");
    let november = app::domain::evaluation::Month::parse("2026-11").unwrap();
    for day in 10..20 {
        let token = app::domain::token::Token::generate();
        let talk = book_talk(&anon, &token, KOMMUNE, &format!("2026-11-{day}T10:00:00+01:00"), true).await;
        assert!(mark(&anon, talk, TalkStatus::Held).await);
        let code = token.grouped();
        let (a, b) = tokio::join!(send_talk(&anon, &code, talk, &[("samtalen", "tilfreds")], now), send_talk(&anon, &code, talk, &[("samtalen", "utilfreds")], now));
        let thanks = [&a, &b].iter().filter(|s| matches!(s, EvaluationStep::Thanks { .. })).count();
        assert_eq!(thanks, 1, "{a:?} / {b:?}");
    }
    assert_eq!(talk_counts(&anon.evaluations().tallies(KOMMUNE, november, november).await.unwrap()), (10, 10));
}

// ---- The audit: no suppressed figure can be worked out from what is published -----------------

/// Every figure a report publishes for one quarter and municipality (the page's tables, totals,
/// response rates and target lines; the CSV carries the same, checked by
/// [`csv_is_the_page`]) as one [`Release`], rebuilt from the printed text alone, as an outsider
/// would: a reader knows that a row's answers and "Ubesvaret" add up to "I alt", which is the
/// response-rate table's "Besvaret"; that "Besvaret" and "Ikke besvaret" add up to "Udleveret",
/// shared by every follow-up point; that the sites' rows add up to the municipality's; and what
/// each target line counts. Counts are non-negative whole numbers. A printed "< 5" is a bound
/// (at most 4); "skjult" says nothing.
///
/// The previous and the next quarter add nothing: a quarter's figures are those of the codes
/// handed out (talks held) in its months, answers counted under the code's month
/// (`Evaluations::tallies`), so no figure of one quarter is, or is part of, a figure of another.
///
/// A suppressed figure **fails** when fewer than [`K`] (5) whole values remain possible for it:
/// with `lo` and `hi` its smallest and largest value over every non-negative integer solution
/// of the published facts (exact integer bounds, `Release::prepare`), it fails when
/// `hi − lo + 1 < 5`, or when that is not proven (a value counts as possible only with a checked
/// integer witness). A contradiction in what is printed (a "< 5" hiding 5 or more, one figure
/// printed as two numbers) fails too. Returns the failures, each with the figure and its range.
fn audit(plan: &app::content::evaluation::KommuneEvaluation, tables: &[app::api::evaluation::ReportTable], targets: &[app::api::evaluation::TargetLine]) -> Vec<String> {
    use app::domain::evaluation::{share, AnswerSet, Shown};
    #[derive(Default)]
    struct Published {
        names: Vec<String>,
        index: HashMap<String, usize>,
        printed: Vec<Vec<String>>,
        equations: Vec<Vec<(usize, i64)>>,
        failures: Vec<String>,
    }
    impl Published {
        fn figure(&mut self, name: String) -> usize {
            if let Some(i) = self.index.get(&name) {
                return *i;
            }
            self.names.push(name.clone());
            self.printed.push(Vec::new());
            self.index.insert(name, self.names.len() - 1);
            self.names.len() - 1
        }
        fn print(&mut self, name: String, text: &str) -> usize {
            let i = self.figure(name);
            self.printed[i].push(text.to_string());
            i
        }
        fn number(&self, i: usize) -> Option<i64> {
            self.printed[i].iter().find_map(|p| p.parse().ok())
        }
    }
    let mut p = Published::default();
    let all = t::REPORT_ALL_SITES;
    let answered = |m: &str, point: Option<u32>, site: &str| format!("{m} {point:?} · {site} · {}", t::REPORT_ANSWERED);
    for table in tables {
        let m = table.moment.as_str();
        let point = table.point;
        let rate = table.heading == t::REPORT_RATES_HEADING;
        let mut per_column: Vec<Vec<usize>> = vec![Vec::new(); table.columns.len()];
        let mut totals: Vec<Option<usize>> = vec![None; table.columns.len()];
        for row in &table.rows {
            let site = row.site.as_str();
            let mut figures = Vec::new();
            if rate {
                assert_eq!(table.columns, [t::REPORT_HANDED_OUT, t::REPORT_ANSWERED, t::REPORT_NOT_ANSWERED, t::REPORT_RATE]);
                let handed = p.print(format!("{m} · {site} · {}", t::REPORT_HANDED_OUT), &row.cells[0]);
                let answers = p.print(answered(m, point, site), &row.cells[1]);
                let unused = p.print(format!("{m} {point:?} · {site} · {}", t::REPORT_NOT_ANSWERED), &row.cells[2]);
                p.equations.push(vec![(answers, 1), (unused, 1), (handed, -1)]);
                figures = vec![handed, answers, unused];
                // A share is printed only beside both its counts, and is theirs: it adds nothing.
                if row.cells[3] != t::REPORT_NOT_SHOWN {
                    let (h, a) = (p.number(handed), p.number(answers));
                    let expected = match (a, h) {
                        (Some(a), Some(h)) => share(Shown::Count(a as u64), Shown::Count(h as u64)).map(|s| format!("{s} %")),
                        _ => None,
                    };
                    if expected.as_deref() != Some(row.cells[3].as_str()) {
                        p.failures.push(format!("{m} {point:?} · {site}: the share {} tells more than its counts", row.cells[3]));
                    }
                }
            } else {
                let (total, parts) = table.columns.split_last().unwrap();
                assert_eq!(total, t::REPORT_TOTAL);
                for (c, column) in parts.iter().enumerate() {
                    figures.push(p.print(format!("{m} {point:?} · {} · {site} · {column}", table.heading), &row.cells[c]));
                }
                let sum = p.print(answered(m, point, site), row.cells.last().unwrap());
                let mut line: Vec<(usize, i64)> = figures.iter().map(|f| (*f, 1)).collect();
                line.push((sum, -1));
                p.equations.push(line);
                figures.push(sum);
            }
            for (c, f) in figures.into_iter().enumerate() {
                if row.total {
                    totals[c] = Some(f);
                } else {
                    per_column[c].push(f);
                }
            }
        }
        if table.rows.len() > 1 {
            for (parts, total) in per_column.iter().zip(&totals) {
                if let Some(total) = total.filter(|_| !parts.is_empty()) {
                    p.equations.push(parts.iter().map(|f| (*f, 1)).chain([(total, -1)]).collect());
                }
            }
        }
    }
    // The targets: a measured line prints how many of the follow-up's answers it counts, of how
    // many, at a point.
    let follow = plan.moment(Moment::FollowUp);
    for (target, line) in plan.targets.iter().zip(targets) {
        let (Some(measure), Some(follow)) = (&target.measure, follow) else { continue };
        let question = follow.questions.iter().find(|q| q.answers == AnswerSet::UseNow).unwrap();
        for (heading, text, _) in &line.results {
            if text == t::REPORT_TOO_FEW {
                continue;
            }
            let numbers: Vec<i64> = text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
            let &[pct, part, whole] = numbers.as_slice() else { panic!("{text}") };
            let point = plan.points().iter().copied().find(|p| t::point_heading(*p) == *heading).unwrap();
            let m = t::moment_name(Moment::FollowUp);
            let counted = p.print(format!("target {} · {heading}", line.text), &part.to_string());
            let cells: Vec<usize> = measure
                .counts
                .iter()
                .map(|a| p.figure(format!("{m} {:?} · {} · {all} · {}", Some(point), question.text, t::answer_name(AnswerSet::UseNow, a))))
                .collect();
            p.equations.push(cells.iter().map(|c| (*c, 1)).chain([(counted, -1)]).collect());
            p.print(answered(m, Some(point), all), &whole.to_string());
            if share(Shown::Count(part as u64), Shown::Count(whole as u64)) != Some(pct as u64) {
                p.failures.push(format!("{}: {text} is not its own share", line.text));
            }
        }
    }
    let mut release = Release::new(p.names.len());
    for (i, printed) in p.printed.iter().enumerate() {
        let numbers: Vec<i64> = printed.iter().filter_map(|s| s.parse().ok()).collect();
        for text in printed {
            assert!(text.parse::<i64>().is_ok() || text == t::REPORT_HIDDEN || text == "< 5", "{}: {text}", p.names[i]);
        }
        if let Some(n) = numbers.first() {
            if numbers.iter().any(|x| x != n) || numbers.len() != printed.len() {
                p.failures.push(format!("{} is printed as {printed:?}", p.names[i]));
            }
            release.show(i, *n);
        }
        if printed.iter().any(|s| s == "< 5") {
            release.at_most(i, 4);
        }
    }
    for line in &p.equations {
        release.equation(line.clone(), 0);
    }
    let prepared = release.prepare();
    if prepared.contradictions > 0 {
        p.failures.push(format!("{} printed figures contradict the others", prepared.contradictions));
    }
    for (i, name) in p.names.iter().enumerate() {
        match prepared.range(i) {
            Some(Range::Values { lo, hi, low_seen, high_seen, exact }) if high_seen - low_seen < K - 1 => {
                p.failures.push(format!("{name}: {lo}..={hi} (witnesses {low_seen}..={high_seen}, exact: {exact})"))
            }
            Some(Range::Infeasible) => p.failures.push(format!("{name}: no solution (a printed bound is false)")),
            _ => {}
        }
    }
    p.failures
}

/// The CSV's rows are the page's figures, one for one, and its target lines the page's.
fn csv_is_the_page(report: &ReportPage, csv_bytes: &[u8]) {
    let text = std::str::from_utf8(csv_bytes).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    let mut page: Vec<Vec<String>> = Vec::new();
    for table in &report.tables {
        for row in &table.rows {
            for (column, cell) in table.columns.iter().zip(&row.cells) {
                let point = table.point.map(|p| p.to_string()).unwrap_or_default();
                page.push(vec![table.moment.clone(), point, table.heading.clone(), row.site.clone(), column.clone(), cell.clone()]);
            }
        }
    }
    for target in &report.targets {
        for (point, measured, _) in &target.results {
            page.push(vec![t::moment_name(Moment::FollowUp).to_string(), point.clone(), t::REPORT_CSV_TARGET.to_string(), t::REPORT_ALL_SITES.to_string(), target.target.clone(), measured.clone()]);
        }
    }
    let csv: Vec<Vec<String>> = rows.iter().filter(|r| !(r[4] == t::REPORT_CSV_TARGET && r[7] == t::REPORT_NOT_MEASURED)).map(|r| r[2..8].to_vec()).collect();
    assert_eq!(csv, page, "the CSV publishes what the page does, and nothing more");
}

fn audit_report(report: &ReportPage) -> Vec<String> {
    audit(catalogue().evaluation(KOMMUNE).unwrap(), &report.tables, &report.targets)
}

#[tokio::test]
async fn the_audit_finds_no_suppressed_figure_that_can_be_worked_out() {
    // The planted quarter, and the issue's: 28 discharge codes, all answered; "Tilfreds" 28 to
    // one question, 25 "helt enig" and 3 "enig" to another. Before the fix, the page printed the
    // 28 answered as "< 5", and its 28 "Tilfreds" and 28 "Udleveret" gave away that the 3 was 3.
    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    plant(&anon).await;
    let admin = member(Role::Admin, KOMMUNE);
    let now = at("2027-01-10T09:00:00+01:00");
    let report = evaluation::report(&e, &admin, Some("2026-K4"), now).await.unwrap();
    let (_, bytes) = evaluation::report_csv(&e, &admin, Some("2026-K4"), now).await.unwrap();
    csv_is_the_page(&report, &bytes);
    assert_eq!(audit_report(&report), Vec::<String>::new());

    let (_dir, anon) = store().await;
    let e = anon.evaluations();
    let codes = hand_out(&e, Moment::Discharge, 28).await;
    for (i, code) in codes.iter().enumerate() {
        let maal = if i < 25 { "helt-enig" } else { "enig" };
        answered(&anon, code, &[("samlede-tilbud", "tilfreds"), ("meningsfuld", "helt-enig"), ("maal", maal)], at("2026-12-02T12:00:00+01:00")).await;
    }
    let report = evaluation::report(&e, &admin, Some("2026-K4"), now).await.unwrap();
    let (_, bytes) = evaluation::report_csv(&e, &admin, Some("2026-K4"), now).await.unwrap();
    csv_is_the_page(&report, &bytes);
    let failures = audit_report(&report);
    assert_eq!(failures, Vec::<String>::new(), "{:#?}", report.tables.iter().filter(|t| t.moment == t::moment_name(Moment::Discharge)).collect::<Vec<_>>());
    // No total is printed as "< 5": nothing is, a hidden figure says "skjult".
    assert!(report.tables.iter().flat_map(|t| &t.rows).flat_map(|r| &r.cells).all(|c| c != "< 5"));
}

/// Random answer sets for Vallensbæk's plan, from small numbers (most cells small, so much is
/// suppressed): `sizes` gives the codes handed out per moment and the responses per point,
/// `spread` how they answered; with `two_sites`, two sites and the municipality's total.
fn random_tallies(plan: &app::content::evaluation::KommuneEvaluation, sizes: &[u64], spread: &[u64], two_sites: bool) -> app::store::Tallies {
    let month = app::domain::evaluation::Month::parse("2026-11").unwrap();
    let mut tallies = app::store::Tallies::default();
    let mut sizes = sizes.iter().copied().cycle();
    let mut spread = spread.iter().copied().cycle();
    for site in if two_sites { ["a", "b"].as_slice() } else { ["a"].as_slice() } {
        for moment in &plan.moments {
            let handed = sizes.next().unwrap();
            tallies.issued.push((site.to_string(), moment.moment, month, handed));
            let points: Vec<u32> = if moment.moment == Moment::FollowUp { plan.points().to_vec() } else { vec![0] };
            for point in points {
                let responses = sizes.next().unwrap().min(handed);
                tallies.responses.push((site.to_string(), moment.moment, point, month, responses));
                for q in &moment.questions {
                    let mut left = responses;
                    for a in q.answers.answers() {
                        let n = spread.next().unwrap().min(left);
                        left -= n;
                        tallies.answers.push((site.to_string(), moment.moment, point, month, q.id.clone(), a.to_string(), n));
                    }
                }
            }
        }
    }
    tallies
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 40, ..proptest::prelude::ProptestConfig::default() })]
    #[test]
    fn no_random_answer_set_gives_a_suppressed_figure_away(
        sizes in proptest::collection::vec(0u64..40, 12),
        spread in proptest::collection::vec(0u64..14, 40),
        two_sites in proptest::bool::ANY,
    ) {
        let plan = catalogue().evaluation(KOMMUNE).unwrap();
        let site = |id: &str| app::content::BookingSite { id: id.into(), name: id.to_uppercase(), place: String::new(), phone: None, kommuner: vec![KOMMUNE.into()], example: true, talks: vec![] };
        let (a, b) = (site("a"), site("b"));
        let sites: Vec<&app::content::BookingSite> = if two_sites { vec![&a, &b] } else { vec![&a] };
        let tallies = random_tallies(plan, &sizes, &spread, two_sites);
        let (tables, targets) = build(plan, &sites, &tallies);
        let failures = audit(plan, &tables, &targets);
        proptest::prop_assert!(failures.is_empty(), "{failures:#?}");
    }
}
