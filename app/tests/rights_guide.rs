//! The rights guide and the deadline calculator against the real content: for each situation,
//! the answer (applies / may apply / does not apply, and why) *and* where it comes from.

use app::api::rights::logic::{deadlines, guide};
use app::api::rights::{GuideResult, RuleView};
use app::content::kommune_named;
use app::domain::kommune::Kommune;
use app::domain::rights::{Question, Role, Situation, Substance};
use chrono::NaiveDate;

#[derive(Debug, PartialEq)]
enum Found {
    Applies,
    ForRelative,
    May(Vec<Question>),
    Not(String),
}

fn find(r: &GuideResult, rule: &str) -> (Found, RuleView) {
    let (scope, id) = rule.split_once('/').unwrap();
    let is = |v: &RuleView| v.scope == scope && v.id == id;
    if let Some(v) = r.applies.iter().find(|v| is(v)) {
        return (Found::Applies, v.clone());
    }
    if let Some(v) = r.for_relative.iter().find(|v| is(v)) {
        return (Found::ForRelative, v.clone());
    }
    if let Some(m) = r.may_apply.iter().find(|m| is(&m.rule)) {
        return (Found::May(m.depends_on.clone()), m.rule.clone());
    }
    if let Some(e) = r.not_apply.iter().find(|e| is(&e.rule)) {
        return (Found::Not(e.reason.clone()), e.rule.clone());
    }
    panic!("{rule} is in no list of the result");
}

/// A situation, written short: who, what, age, anonymous, other help, medicine, children.
#[derive(Clone, Copy, Default)]
struct S {
    role: Option<Role>,
    sub: Option<Substance>,
    age: Option<u8>,
    anon: Option<bool>,
    help: Option<bool>,
    med: Option<bool>,
    kids: Option<bool>,
}

impl S {
    fn situation(self) -> Situation {
        Situation {
            role: self.role,
            substance: self.sub,
            age: self.age,
            anonymous: self.anon,
            other_help: self.help,
            medicine: self.med,
            children: self.kids,
        }
    }
}

const ME: Option<Role> = Some(Role::Myself);
const RELATIVE: Option<Role> = Some(Role::Relative);
const PRO: Option<Role> = Some(Role::Professional);
const ALC: Option<Substance> = Some(Substance::Alcohol);
const DRUGS: Option<Substance> = Some(Substance::Drugs);
const BOTH: Option<Substance> = Some(Substance::Both);
const YES: Option<bool> = Some(true);
const NO: Option<bool> = Some(false);

fn not(reason: &str) -> Found {
    Found::Not(reason.to_string())
}

/// (municipality, situation, rule, expected answer, document id, section heading, law).
type Case = (Kommune, S, &'static str, Found, &'static str, &'static str, Option<&'static str>);

fn cases() -> Vec<Case> {
    let s = S::default();
    vec![
        // --- Ishøj -------------------------------------------------------------------------
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, anon: YES, ..s }, "ishoj/garanti-14-dage", not("Gælder ikke for dig, fordi du har svaret »Ja« til »Vil du være anonym?«."), "ishoj-2024", "Behandlingsgaranti", None),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, anon: YES, ..s }, "ishoj/garanti-gaelder-ikke-anonym", Found::Applies, "ishoj-2024", "Behandlingsgaranti", None),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, anon: NO, ..s }, "ishoj/garanti-14-dage", Found::Applies, "ishoj-2024", "Behandlingsgaranti", None),
        (kommune_named("ishoj"), S { role: ME, age: Some(12), ..s }, "ishoj/maalgruppe-fra-13-aar", not("Gælder kun fra 13 år. Du har svaret »12 år« til »Hvor gammel er du?«."), "ishoj-2024", "Målgruppe", None),
        (kommune_named("ishoj"), S { role: ME, age: Some(13), ..s }, "ishoj/maalgruppe-fra-13-aar", Found::Applies, "ishoj-2024", "Målgruppe", None),
        (kommune_named("ishoj"), S { role: ME, sub: ALC, ..s }, "ishoj/klage-alkohol-ingen-klageadgang", Found::Applies, "ishoj-vallensbaek-2020", "Klage over afgørelser", Some("Bekendtgørelse for lov om klage- og erstatningsadgang inden for sundhedsvæsenet")),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, ..s }, "ishoj/klage-alkohol-ingen-klageadgang", not("Gælder kun for alkohol. Du har svaret »Andre rusmidler, fx hash, kokain eller piller« til »Hvad bruger du?«."), "ishoj-vallensbaek-2020", "Klage over afgørelser", Some("Bekendtgørelse for lov om klage- og erstatningsadgang inden for sundhedsvæsenet")),
        (kommune_named("ishoj"), S { role: ME, sub: ALC, ..s }, "ishoj/frit-valg-alkohol", Found::Applies, "ishoj-2024", "Frit valg", None),
        (kommune_named("ishoj"), S { role: RELATIVE, ..s }, "ishoj/paaroerende-5-anonyme-samtaler", Found::ForRelative, "ishoj-vallensbaek-2020", "Pårørende", None),
        (kommune_named("ishoj"), S { role: ME, ..s }, "ishoj/paaroerende-forloeb-ikke-anonymt", not("Gælder kun for pårørende. Du har svaret »Jeg bruger selv alkohol eller andre rusmidler« til »Hvem er du?«."), "ishoj-vallensbaek-2020", "Pårørende", None),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, med: YES, ..s }, "ishoj/frit-valg-substitution", Found::Applies, "ishoj-2024", "Frit valg", None),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, ..s }, "ishoj/frit-valg-substitution", Found::May(vec![Question::Medicine]), "ishoj-2024", "Frit valg", None),
        (kommune_named("ishoj"), S { role: ME, kids: YES, ..s }, "ishoj/boern-koordineret-indsats", Found::Applies, "ishoj-2024", "Særligt fokus på gravide rusmiddelbrugere eller rusmiddelbrugere med hjemmeboende børn", None),
        (kommune_named("ishoj"), S { role: ME, ..s }, "ishoj/betaling-transport", Found::Applies, "ishoj-vallensbaek-2020", "Egenbetaling", None),
        (kommune_named("ishoj"), S { role: ME, sub: DRUGS, anon: YES, help: YES, ..s }, "faelles/sel101a-anonym-behandling", not("Gælder kun, når man ikke får anden hjælp fra kommunen. Du har svaret »Ja« til »Får du anden hjælp fra kommunen?«."), "odsherred-2025", "Lovgrundlag", Some("Serviceloven § 101a, stk. 1")),
        // --- Vallensbæk --------------------------------------------------------------------
        (kommune_named("vallensbaek"), S { role: ME, age: Some(16), anon: NO, ..s }, "vallensbaek/garanti-under-18", Found::Applies, "ishoj-vallensbaek-2020", "Behandlingsgaranti", None),
        (kommune_named("vallensbaek"), S { role: ME, age: Some(30), ..s }, "vallensbaek/garanti-under-18", not("Gælder kun til og med 17 år. Du har svaret »30 år« til »Hvor gammel er du?«."), "ishoj-vallensbaek-2020", "Behandlingsgaranti", None),
        (kommune_named("vallensbaek"), S { role: ME, age: Some(16), ..s }, "vallensbaek/garanti-under-18", Found::May(vec![Question::Anonymous]), "ishoj-vallensbaek-2020", "Behandlingsgaranti", None),
        (kommune_named("vallensbaek"), S { role: ME, sub: DRUGS, anon: YES, help: NO, ..s }, "vallensbaek/anonymitet-stof-101a", Found::Applies, "ishoj-vallensbaek-2020", "Anonym ambulat behandling", Some("Serviceloven § 101a")),
        (kommune_named("vallensbaek"), S { role: ME, sub: ALC, anon: YES, ..s }, "vallensbaek/anonymitet-alkohol", Found::Applies, "ishoj-vallensbaek-2020", "Muligheden for at være anonym", Some("Sundhedsloven § 141")),
        (kommune_named("vallensbaek"), S { role: ME, sub: ALC, med: YES, ..s }, "vallensbaek/behandlingstilbud-medicinsk-alkohol", Found::Applies, "ishoj-vallensbaek-2020", "Afgiftning", None),
        (kommune_named("vallensbaek"), S { role: PRO, ..s }, "vallensbaek/paaroerende-hvem", Found::Applies, "ishoj-vallensbaek-2020", "Pårørende", None),
        (kommune_named("vallensbaek"), S { role: ME, sub: BOTH, ..s }, "vallensbaek/klage-alkohol-ingen-klageadgang", Found::Applies, "ishoj-vallensbaek-2020", "Klage over afgørelser", Some("Bekendtgørelse for lov om klage- og erstatningsadgang inden for sundhedsvæsenet")),
        // --- Odsherred ---------------------------------------------------------------------
        (kommune_named("odsherred"), S { role: ME, age: Some(12), ..s }, "odsherred/maalgruppe-fra-12-aar", Found::Applies, "odsherred-2025", "Målgruppe", None),
        (kommune_named("odsherred"), S { role: ME, age: Some(11), ..s }, "odsherred/maalgruppe-fra-12-aar", not("Gælder kun fra 12 år. Du har svaret »11 år« til »Hvor gammel er du?«."), "odsherred-2025", "Målgruppe", None),
        (kommune_named("odsherred"), S { role: ME, sub: DRUGS, anon: YES, ..s }, "odsherred/garanti-regnes-fra-fremmoede", not("Gælder ikke for dig, fordi du har svaret »Andre rusmidler, fx hash, kokain eller piller« til »Hvad bruger du?« og »Ja« til »Vil du være anonym?«."), "odsherred-2025", "Behandlingsgaranti", None),
        (kommune_named("odsherred"), S { role: ME, sub: ALC, anon: YES, ..s }, "odsherred/garanti-regnes-fra-fremmoede", Found::Applies, "odsherred-2025", "Behandlingsgaranti", None),
        (kommune_named("odsherred"), S { role: ME, anon: YES, ..s }, "odsherred/garanti-14-dage", Found::May(vec![Question::Substance]), "odsherred-2025", "Behandlingsgaranti", None),
        (kommune_named("odsherred"), S { role: ME, sub: ALC, anon: YES, ..s }, "odsherred/anonymitet-alkohol-hele-forloebet", Found::May(vec![Question::Medicine]), "odsherred-2025", "Mulighed for anonymitet", None),
        // "As a rule not anonymous" holds unless the § 101a group treatment does, which the
        // questions on anonymity and other help decide.
        (kommune_named("odsherred"), S { role: ME, sub: DRUGS, ..s }, "odsherred/anonymitet-stof-som-hovedregel-ikke", Found::May(vec![Question::Anonymous, Question::OtherHelp]), "odsherred-2025", "Mulighed for anonymitet", None),
        (kommune_named("odsherred"), S { role: ME, sub: DRUGS, anon: NO, ..s }, "odsherred/anonymitet-stof-som-hovedregel-ikke", Found::Applies, "odsherred-2025", "Mulighed for anonymitet", None),
        (kommune_named("odsherred"), S { role: ME, sub: DRUGS, anon: YES, help: NO, ..s }, "odsherred/anonymitet-stof-101a-gruppe", Found::Applies, "odsherred-2025", "Mulighed for anonymitet", Some("Serviceloven § 101a")),
        (kommune_named("odsherred"), S { role: ME, sub: DRUGS, ..s }, "odsherred/laegesamtale-gratis-foer-stofbehandling", Found::Applies, "odsherred-2025", "Lovgrundlag", Some("Sundhedsloven § 142, stk. 1 og 2")),
        (kommune_named("odsherred"), S { role: ME, sub: ALC, ..s }, "odsherred/laegesamtale-gratis-foer-stofbehandling", not("Gælder kun for stoffer. Du har svaret »Alkohol« til »Hvad bruger du?«."), "odsherred-2025", "Lovgrundlag", Some("Sundhedsloven § 142, stk. 1 og 2")),
        (kommune_named("odsherred"), S { role: RELATIVE, ..s }, "odsherred/paaroerende-anonyme-samtaler", Found::ForRelative, "odsherred-2025", "Mulighed for anonymitet", None),
        (kommune_named("odsherred"), S { role: ME, kids: YES, ..s }, "odsherred/boern-gravide", Found::Applies, "odsherred-2025", "Særlig opmærksomhed på hjemmeboende børn", None),
        (kommune_named("odsherred"), S { role: ME, kids: NO, ..s }, "odsherred/boern-underretningspligt", not("Gælder kun for gravide og forældre med børn under 18 år hjemme. Du har svaret »Nej« til »Er du gravid, eller har du børn under 18 år, som bor hjemme?«."), "odsherred-2025", "Særlig opmærksomhed på hjemmeboende børn", Some("Serviceloven § 153")),
        // --- Thisted -----------------------------------------------------------------------
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, age: Some(17), anon: YES, help: NO, ..s }, "thisted/anonymitet-101a-over-18", not("Gælder kun fra 18 år. Du har svaret »17 år« til »Hvor gammel er du?«."), "thisted", "Hvem kan modtage indsatsen og hvilke kriterier indgår for tildeling af indsatsen?", Some("Serviceloven § 101a")),
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, age: Some(18), anon: YES, help: NO, ..s }, "thisted/anonymitet-101a-over-18", Found::Applies, "thisted", "Hvem kan modtage indsatsen og hvilke kriterier indgår for tildeling af indsatsen?", Some("Serviceloven § 101a")),
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, age: Some(25), anon: YES, help: YES, ..s }, "thisted/anonymitet-raadgivning", not("Gælder kun, når man ikke får anden hjælp fra kommunen. Du har svaret »Ja« til »Får du anden hjælp fra kommunen?«."), "thisted", "Hvilke aktiviteter kan indgå i indsatsen?", Some("Serviceloven § 101a")),
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, anon: NO, ..s }, "thisted/garanti-regnes-fra-ansoegning", Found::Applies, "thisted", "Kvalitetsmål", None),
        (kommune_named("thisted"), S { role: ME, sub: ALC, ..s }, "thisted/garanti-14-dage", not("Gælder kun for stoffer. Du har svaret »Alkohol« til »Hvad bruger du?«."), "thisted", "Kvalitetsmål", Some("Serviceloven § 101, stk. 1-2")),
        (kommune_named("thisted"), S { role: ME, sub: ALC, ..s }, "faelles/sul141-frist-14-dage", Found::Applies, "odsherred-2025", "Lovgrundlag", Some("Sundhedsloven § 141, stk. 2")),
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, ..s }, "thisted/klage-ingen-frist-personale-aktindsigt", Found::Applies, "thisted", "Klageadgang", None),
        // Thisted's standard covers drug treatment only: its rules depend on the substance.
        (kommune_named("thisted"), S { role: ME, ..s }, "thisted/klage-ingen-frist-personale-aktindsigt", Found::May(vec![Question::Substance]), "thisted", "Klageadgang", None),
        (kommune_named("thisted"), S { role: ME, sub: ALC, ..s }, "thisted/garanti-andet-tilbud", not("Gælder kun for stoffer. Du har svaret »Alkohol« til »Hvad bruger du?«."), "thisted", "Kvalitetsmål", None),
        (kommune_named("thisted"), S { role: ME, sub: DRUGS, kids: YES, ..s }, "thisted/boern-samarbejde", Found::Applies, "thisted", "Hjemmeboende børn under 18 år", None),
        (kommune_named("thisted"), S { role: RELATIVE, sub: BOTH, ..s }, "thisted/paaroerende-stoette", Found::ForRelative, "thisted", "Hvilke aktiviteter kan indgå i indsatsen?", None),
        (kommune_named("thisted"), S { role: ME, kids: YES, ..s }, "faelles/sel153-underretningspligt", Found::Applies, "ishoj-vallensbaek-2020", "Særligt fokus på gravide og borgere med hjemmeboende børn under 18 år", Some("Serviceloven § 153")),
    ]
}

#[test]
fn each_situation_gets_its_answer_and_its_citation() {
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut seen = std::collections::HashSet::new();
    let mut mismatches = Vec::new();
    for (k, s, rule, expected, doc, section, law) in cases {
        seen.insert(k);
        let result = guide(k, &s.situation());
        let (found, view) = find(&result, rule);
        if found != expected {
            mismatches.push(format!("{}: {rule} for {:?}: {found:?}, expected {expected:?}", k.slug(), s.situation()));
            continue;
        }
        assert_eq!(view.fact.source.doc_id, doc, "{rule}: document");
        assert_eq!(view.fact.source.section, section, "{rule}: section");
        assert_eq!(view.fact.source.law.as_deref(), law, "{rule}: law");
        assert!(
            result.sources.iter().any(|d| d.id == doc),
            "{rule}: the page's source list names {doc}"
        );
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(seen.len(), 4, "every municipality is covered");
}

#[test]
fn every_rule_lands_in_exactly_one_list() {
    let s = S { role: PRO, sub: BOTH, age: Some(17), anon: YES, ..S::default() }.situation();
    for &k in app::content::kommuner() {
        let r = guide(k, &s);
        let total = r.applies.len() + r.for_relative.len() + r.may_apply.len() + r.not_apply.len();
        let expected = app::content::content().kommune_rules(k).count() + app::content::content().law_rules().count();
        assert_eq!(total, expected, "{}", k.slug());
    }
}

#[test]
fn with_no_answers_nothing_is_ruled_out() {
    for &k in app::content::kommuner() {
        let r = guide(k, &Situation::default());
        assert!(r.not_apply.is_empty(), "{}: {:?}", k.slug(), r.not_apply.first().map(|e| &e.rule.id));
        // Every rule is shown, as applying or as depending on a question. (Thisted's rules all
        // depend on the substance, since its standard covers drugs only.)
        assert!(!r.may_apply.is_empty(), "{}", k.slug());
        if k != kommune_named("thisted") {
            assert!(!r.applies.is_empty(), "{}: some rules hold for everyone", k.slug());
        }
    }
}

#[test]
fn thisted_says_its_standard_is_silent_on_alcohol() {
    let r = guide(kommune_named("thisted"), &S { sub: ALC, ..S::default() }.situation());
    assert_eq!(r.notices.len(), 1);
    assert!(r.notices[0].text.contains("kun om behandling for stoffer"), "{}", r.notices[0].text);
    assert_eq!(r.notices[0].source.doc_id, "thisted");
    assert_eq!(r.notices[0].source.section, "Hvad er indsatsens lovgrundlag?");
    assert!(guide(kommune_named("thisted"), &S { sub: DRUGS, ..S::default() }.situation()).notices.is_empty());
    assert!(guide(kommune_named("odsherred"), &S { sub: ALC, ..S::default() }.situation()).notices.is_empty());
}

#[test]
fn anonymous_booking_is_suggested_only_where_anonymity_is_open() {
    use app::api::rights::NextStep;
    let book = |k, s: S| guide(k, &s.situation()).offers(NextStep::BookAnonymous);
    assert!(book(kommune_named("thisted"), S { sub: DRUGS, age: Some(30), anon: YES, help: NO, ..S::default() }));
    assert!(!book(kommune_named("thisted"), S { sub: DRUGS, age: Some(16), anon: YES, ..S::default() }), "Thisted: anonymous from 18");
    assert!(!book(kommune_named("ishoj"), S { anon: NO, ..S::default() }), "did not want anonymity");
    assert!(book(kommune_named("ishoj"), S::default()));
    assert!(book(kommune_named("odsherred"), S { role: RELATIVE, ..S::default() }));
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn the_guarantee_date_counts_from_what_each_municipality_says() {
    let today = d(2026, 11, 23);
    for (k, question_has, doc) in [
        (kommune_named("ishoj"), "henvendte du dig", "ishoj-2024"),
        (kommune_named("vallensbaek"), "henvendte du dig", "ishoj-vallensbaek-2020"),
        (kommune_named("odsherred"), "mødte du personligt op", "odsherred-2025"),
        (kommune_named("thisted"), "sendte du din ansøgning", "thisted"),
    ] {
        let p = deadlines(k, Some("9.11.2026"), None, today);
        let g = p.guarantee.expect("every municipality gives the guarantee");
        assert!(g.question.contains(question_has), "{}: {}", k.slug(), g.question);
        let a = g.outcome.unwrap().unwrap();
        assert_eq!(a.sentence, "Behandlingen skal være sat i gang senest mandag den 23. november 2026.", "{}", k.slug());
        assert_eq!(a.days_left, "Det er i dag.");
        assert_eq!(a.source.doc_id, doc);
        assert!(!p.guarantee_rules.is_empty());
    }
    let odsherred = deadlines(kommune_named("odsherred"), None, None, today);
    assert!(odsherred.guarantee_explained.contains("personligt møder op"), "{}", odsherred.guarantee_explained);
    // Only what the standard says: it names personal attendance, and nothing about a call or a mail.
    assert!(!odsherred.guarantee_explained.contains("opringning"), "{}", odsherred.guarantee_explained);
}

#[test]
fn the_complaint_deadline_follows_each_municipalitys_wording() {
    let today = d(2026, 11, 23);
    let ishoj = deadlines(kommune_named("ishoj"), None, Some("2026-11-02"), today).complaint.unwrap().outcome.unwrap().unwrap();
    assert_eq!(ishoj.sentence, "Du skal sende din klage senest mandag den 30. november 2026 – fire uger efter, at du fik afgørelsen.");
    assert_eq!(ishoj.days_left, "Det er om 7 dage.");
    assert_eq!((ishoj.source.doc_id.as_str(), ishoj.source.section.as_str()), ("ishoj-2024", "Klagemuligheder"));

    let thisted = deadlines(kommune_named("thisted"), None, Some("31.10.2026"), today);
    let a = thisted.complaint.unwrap().outcome.unwrap().unwrap();
    assert_eq!(a.sentence, "Thisted Kommune skal have modtaget din klage senest lørdag den 28. november 2026 – 28 dage efter afgørelsen.");
    assert_eq!((a.source.doc_id.as_str(), a.source.section.as_str()), ("thisted", "Klageadgang"));
    assert!(thisted.complaint_extras.iter().any(|e| e.contains("Ingen frist for klager over personalet")));

    // Odsherred's standard gives no complaint deadline: the page says so instead of guessing.
    let odsherred = deadlines(kommune_named("odsherred"), None, Some("2.11.2026"), today);
    assert!(odsherred.complaint.is_none());
    assert!(odsherred.complaint_missing.unwrap().contains("nævner ingen frist"));
    assert!(odsherred.complaint_rules.iter().any(|r| r.id == "klage-socialfaglig"));
}

#[test]
fn a_deadline_that_has_passed_says_so() {
    let a = deadlines(kommune_named("vallensbaek"), None, Some("1.1.2026"), d(2026, 11, 23)).complaint.unwrap().outcome.unwrap().unwrap();
    assert!(a.sentence.contains("torsdag den 29. januar 2026"), "{}", a.sentence);
    assert_eq!(a.days_left, "Fristen udløb for 298 dage siden.");
}

#[test]
fn bad_dates_get_a_danish_error_and_are_shown_again() {
    let today = d(2026, 11, 23);
    for (input, error) in [
        ("i går", "Skriv datoen som dag.måned.år"),
        ("30.02.2026", "Den dato findes ikke"),
        ("1.12.2026", "efter i dag"),
        ("1.1.1999", "efter år 2000"),
    ] {
        let g = deadlines(kommune_named("ishoj"), Some(input), None, today).guarantee.unwrap();
        assert_eq!(g.input, input);
        let e = g.outcome.unwrap().unwrap_err();
        assert!(e.contains(error), "{input}: {e}");
    }
    let huge = "1".repeat(100_000);
    let g = deadlines(kommune_named("ishoj"), Some(&huge), None, today).guarantee.unwrap();
    assert!(g.input.len() <= 40, "the echo is cut short");
    assert!(g.outcome.unwrap().is_err());
    assert!(deadlines(kommune_named("ishoj"), Some("   "), None, today).guarantee.unwrap().outcome.is_none(), "nothing typed, nothing computed");
}

#[test]
fn topic_pages_keep_the_municipalitys_rules_apart_from_the_law() {
    use app::api::rights::logic::topic;
    use app::domain::rights::Topic;
    let p = topic(kommune_named("odsherred"), Topic::Complaints);
    assert!(p.local.iter().all(|r| r.scope == "odsherred") && !p.local.is_empty());
    assert!(p.law.iter().all(|r| r.scope == "faelles") && !p.law.is_empty());
    assert!(p.sources.iter().any(|d| d.id == "odsherred-2025"));
    for &k in app::content::kommuner() {
        for t in Topic::ALL {
            let p = topic(k, t);
            assert!(!(p.local.is_empty() && p.law.is_empty()) || t == Topic::Talks, "{} {:?} has no rules", k.slug(), t);
        }
    }
}
