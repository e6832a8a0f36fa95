//! The rights guide never contradicts itself. Its answer space is small — role × substance ×
//! age bands × four yes/no questions, each also left unanswered — so every combination is tried
//! in every municipality of the content, and the result is held to invariants:
//!
//! - every rule of the municipality and of the law stands in exactly one list;
//! - nothing is listed as applying, or as possibly applying, while a rule that limits it
//!   (content key `limits`) does not apply;
//! - every next step is open to the person: no anonymous booking where the municipality's rule on
//!   who may book rules them out or where they do not want anonymity, no relatives' booking where
//!   the municipality offers none;
//! - the booking step carries what the answers bring into play: the rule on who may book where
//!   an unanswered question leaves it open, and every rule of the booking page that applies
//!   (the duty to notify when there are children at home);
//! - every step, and every condition of a step, is cited.
//!
//! The relationships are content, so a new municipality's files are held to the same by the
//! content checker (`check-content`), which runs the same answer space.

use app::api::rights::logic::guide;
use app::api::rights::{GuideResult, NextStep};
use app::content::{content, kommuner, logic_of, Rule, TalkPurpose};
use app::domain::kommune::Kommune;
use app::domain::rights::{every_situation, Situation};

/// The municipality's rules and the law's, as the guide weighs them.
fn rules_of(k: Kommune) -> Vec<&'static Rule> {
    content().kommune_rules(k).chain(content().law_rules()).collect()
}

fn key(r: &Rule) -> String {
    format!("{}/{}", r.scope, r.id)
}

/// Where a rule stands in a result: "applies", "relative", "may" or "not", once per list it is in.
fn places(result: &GuideResult, rule: &str) -> Vec<&'static str> {
    let is = |scope: &str, id: &str| format!("{scope}/{id}") == rule;
    let mut out = Vec::new();
    out.extend(result.applies.iter().filter(|r| is(&r.scope, &r.id)).map(|_| "applies"));
    out.extend(result.for_relative.iter().filter(|r| is(&r.scope, &r.id)).map(|_| "relative"));
    out.extend(result.may_apply.iter().filter(|m| is(&m.rule.scope, &m.rule.id)).map(|_| "may"));
    out.extend(result.not_apply.iter().filter(|e| is(&e.rule.scope, &e.rule.id)).map(|_| "not"));
    out
}

/// Every violated invariant for one municipality and one situation, in words.
fn violations(k: Kommune, s: &Situation) -> Vec<String> {
    violations_in(k, s, &guide(k, s))
}

fn violations_in(k: Kommune, s: &Situation, result: &GuideResult) -> Vec<String> {
    let rules = rules_of(k);
    let mut out = Vec::new();
    let place = |rule: &Rule| places(result, &key(rule));

    // Every card in exactly one list.
    let total = result.applies.len() + result.for_relative.len() + result.may_apply.len() + result.not_apply.len();
    if total != rules.len() {
        out.push(format!("{total} cards for {} rules", rules.len()));
    }
    for rule in &rules {
        let p = place(rule);
        if p.len() != 1 {
            out.push(format!("{} stands in {p:?}", key(rule)));
        }
    }

    // Nothing applies, or may apply, while a rule that limits it does not apply.
    for limiting in &rules {
        for target in &limiting.limits {
            let Some(limited) = rules.iter().find(|r| &key(r) == target) else { continue };
            let (by, it) = (place(limiting), place(limited));
            if by == ["not"] && it != ["not"] {
                out.push(format!("{target} is {it:?} though {} that limits it does not apply", key(limiting)));
            }
            if by == ["may"] && (it == ["applies"] || it == ["relative"]) {
                out.push(format!("{target} applies though {} that limits it only may", key(limiting)));
            }
        }
    }

    // Every next step open to the person, and cited.
    let who = content().who_may_book(k);
    let site = content().booking_site(k);
    let offers = |purpose: TalkPurpose| site.is_some_and(|site| site.talks.iter().any(|t| t.purpose == purpose));
    for step in &result.next_steps {
        if step.because.source.doc_id.is_empty() || step.because.source.section.is_empty() {
            out.push(format!("{:?} has no citation", step.step));
        }
        for c in &step.conditions {
            if c.rule.fact.source.section.is_empty() {
                out.push(format!("{:?}: condition {} has no citation", step.step, c.rule.id));
            }
        }
    }
    if let Some(book) = result.next_steps.iter().find(|step| step.step == NextStep::BookAnonymous) {
        if s.anonymous == Some(false) {
            out.push("anonymous booking offered to a person who does not want anonymity".into());
        }
        if !offers(TalkPurpose::Clarifying) {
            out.push("anonymous booking offered where no site offers it".into());
        }
        let carried = |rule: &Rule| book.conditions.iter().any(|c| c.rule.scope == rule.scope && c.rule.id == rule.id);
        match place(who).as_slice() {
            ["not"] => out.push(format!("anonymous booking offered though {} rules the person out", key(who))),
            ["may"] if !carried(who) => out.push(format!("anonymous booking does not say it depends on {}", key(who))),
            _ => {}
        }
        // The rule on who may book is the step's own reason (`because`), not a condition.
        for notice in content().booking_notice_rules(k).into_iter().filter(|n| key(n) != key(who)) {
            let brought_into_play = !notice.when.is_empty() && place(notice) == ["applies"];
            if brought_into_play && !carried(notice) {
                out.push(format!("anonymous booking does not carry {}, which applies", key(notice)));
            }
        }
        // The duty to notify, in particular, whenever there are children at home.
        if s.children == Some(true) && !book.conditions.iter().any(|c| c.rule.fact.text.contains("underret")) {
            out.push("anonymous booking with children at home says nothing of the duty to notify".into());
        }
    }
    if result.offers(NextStep::BookRelatives) && !offers(TalkPurpose::Relative) {
        out.push("relatives' booking offered where the municipality offers none".into());
    }
    if result.offers(NextStep::ReadRelatives) && offers(TalkPurpose::Relative) {
        out.push("relatives sent to read where they could book".into());
    }
    if s.role != Some(app::domain::rights::Role::Relative) && (result.offers(NextStep::BookRelatives) || result.offers(NextStep::ReadRelatives)) {
        out.push("a relatives' step for someone who is not a relative".into());
    }
    out
}

#[test]
fn every_answer_in_every_municipality_gives_a_result_that_does_not_contradict_itself() {
    let mut failures = Vec::new();
    let mut found = 0;
    let mut tried = 0;
    for &k in kommuner() {
        let rules = rules_of(k);
        let logic = logic_of(&rules, |r| r.when.clone());
        for s in every_situation(&logic) {
            tried += 1;
            for v in violations(k, &s) {
                found += 1;
                if failures.len() < 20 {
                    failures.push(format!("{}: {s:?}: {v}", k.slug()));
                }
            }
        }
    }
    assert!(tried > 40_000, "only {tried} combinations tried");
    assert!(failures.is_empty(), "{found} violations in {tried} combinations, the first:\n{}", failures.join("\n"));
}

/// The invariants can fail: a result that lists a limited rule as applying, or offers the
/// booking to someone the rule on who may book rules out, is caught.
#[test]
fn the_invariants_catch_a_contradiction() {
    let thisted = app::content::kommune_named("thisted");
    let seventeen = Situation {
        role: Some(app::domain::rights::Role::Myself),
        substance: Some(app::domain::rights::Substance::Drugs),
        age: Some(17),
        anonymous: Some(true),
        other_help: Some(false),
        ..Default::default()
    };
    let honest = guide(thisted, &seventeen);
    assert!(!honest.offers(NextStep::BookAnonymous), "Thisted: anonymous counselling from 18");
    assert_eq!(places(&honest, "faelles/sel101a-anonym-behandling"), ["not"]);
    let reason = &honest.not_apply.iter().find(|e| e.rule.id == "sel101a-anonym-behandling").unwrap().reason;
    assert!(reason.contains("over 18 år") && reason.contains("»17 år«"), "{reason}");
    assert!(violations(thisted, &seventeen).is_empty());

    // The same result, falsified: the law's anonymous treatment moved to "applies", and the
    // booking offered with nothing about who may book.
    let mut falsified = honest.clone();
    let at = falsified.not_apply.iter().position(|e| e.rule.id == "sel101a-anonym-behandling").unwrap();
    let moved = falsified.not_apply.remove(at);
    falsified.applies.push(moved.rule);
    falsified.next_steps.insert(0, app::api::rights::StepView { step: NextStep::BookAnonymous, because: honest.next_steps[0].because.clone(), conditions: Vec::new() });
    let found = violations_in(thisted, &seventeen, &falsified);
    assert!(found.iter().any(|v| v.contains("sel101a-anonym-behandling is [\"applies\"] though thisted/anonymitet-101a-over-18")), "{found:?}");
    assert!(found.iter().any(|v| v.contains("rules the person out")), "{found:?}");

    // A card in two lists.
    let mut twice = honest.clone();
    twice.applies.push(twice.not_apply[0].rule.clone());
    assert!(violations_in(thisted, &seventeen, &twice).iter().any(|v| v.contains("stands in")));
}

#[test]
fn children_at_home_put_the_duty_to_notify_beside_the_booking() {
    for &k in kommuner() {
        let s = Situation { children: Some(true), ..Default::default() };
        let r = guide(k, &s);
        let book = r.next_steps.iter().find(|step| step.step == NextStep::BookAnonymous).unwrap_or_else(|| panic!("{}: no booking", k.slug()));
        assert!(book.conditions.iter().any(|c| c.rule.fact.text.contains("underret")), "{}: {:?}", k.slug(), book.conditions);
        let none = guide(k, &Situation { children: Some(false), ..Default::default() });
        let book = none.next_steps.iter().find(|step| step.step == NextStep::BookAnonymous).unwrap();
        assert!(!book.conditions.iter().any(|c| c.rule.fact.text.contains("underret")), "{}", k.slug());
    }
}

#[test]
fn relatives_are_offered_a_booking_only_where_the_municipality_has_one() {
    let relative = Situation { role: Some(app::domain::rights::Role::Relative), ..Default::default() };
    for &k in kommuner() {
        let r = guide(k, &relative);
        let offered = content().booking_site(k).is_some_and(|s| s.talks.iter().any(|t| t.purpose == TalkPurpose::Relative));
        assert_eq!(r.offers(NextStep::BookRelatives), offered, "{}", k.slug());
        assert_eq!(r.offers(NextStep::ReadRelatives), !offered, "{}", k.slug());
    }
    assert!(!guide(app::content::kommune_named("thisted"), &relative).offers(NextStep::BookRelatives));
}
