use super::{rights_path, solution, Breadcrumbs, RuleCard};
use crate::api::rights::{guide_result, GuideResult, NextStep};
use crate::components::{Layout, SourceList};
use crate::domain::kommune::{Kommune, KommunePath};
use crate::domain::rights::{answer_value, read_answers, AnswerError, Question, Situation, Topic};
use crate::components::load::{found, path_param, query_param};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The query-string key for the screen: `1`…`7` for a question, `resultat` for the result.
const STEP_KEY: &str = "trin";
const RESULT_STEP: &str = "resultat";

/// Which screen the guide shows.
#[derive(Clone, Debug, PartialEq)]
enum Screen {
    Ask { question: Question, error: Option<AnswerError> },
    Result,
}

/// The answers so far and the screen, all from the query string: a plain GET form per screen,
/// so the guide works without JavaScript and stores nothing.
fn read_screen(get: impl Fn(&str) -> Option<String>) -> (Situation, Screen) {
    let (situation, errors) = read_answers(&get);
    if let Some((question, error)) = errors.first() {
        return (situation, Screen::Ask { question: *question, error: Some(*error) });
    }
    let screen = match get(STEP_KEY).as_deref() {
        Some(RESULT_STEP) => Screen::Result,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if (1..=Question::ALL.len()).contains(&n) => Screen::Ask { question: Question::ALL[n - 1], error: None },
            Ok(n) if n > Question::ALL.len() => Screen::Result,
            _ => Screen::Ask { question: Question::Role, error: None },
        },
        None if situation == Situation::default() => Screen::Ask { question: Question::Role, error: None },
        None => Screen::Result,
    };
    (situation, screen)
}

/// The guide's URL with the given answers, leaving out one question's answer when asked to.
fn guide_url(k: Kommune, s: &Situation, skip: Option<Question>, step: &str) -> String {
    let mut url = format!("{}/guide?", rights_path(k));
    for q in Question::ALL {
        if Some(q) == skip {
            continue;
        }
        if let Some(v) = answer_value(s, q) {
            url.push_str(&format!("{}={}&", q.key(), v));
        }
    }
    url.push_str(&format!("{STEP_KEY}={step}"));
    url
}

fn step_after(q: Question) -> String {
    let next = q.step() + 1;
    if next > Question::ALL.len() {
        RESULT_STEP.to_string()
    } else {
        next.to_string()
    }
}

/// `/{kommune}/rettigheder/guide`: "Hvad gælder for mig?" — one optional question per screen,
/// then the rules that apply, those that may, those that do not and why, and what to do next.
#[component]
pub fn RightsGuidePage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let (situation, screen) = query.with_untracked(|q| read_screen(|key| q.get(key)));
    let age_typed = query_param(Question::Age.key()).unwrap_or_default();
    let result = guide_result(&path_param("kommune"), &situation);
    found(Ok(result), move |r| view! { <Guide r situation screen age_typed/> })
}

#[component]
fn Guide(r: GuideResult, situation: Situation, screen: Screen, age_typed: String) -> impl IntoView {
    let k = Kommune::from_slug(&r.kommune.slug).expect("the server returns known slugs");
    let frame = solution(k, &r.kommune);
    let body = match screen {
        Screen::Ask { question, error } => view! { <Ask k situation question error age_typed/> }.into_any(),
        Screen::Result => view! { <ResultView k r situation/> }.into_any(),
    };
    view! {
        <Title text=format!("{} – {} – {}", t::GUIDE_TITLE, k.name(), t::PORTAL_NAME)/>
        <Meta name="description" content=t::GUIDE_LEAD/>
        <Layout solution=frame>
            <Breadcrumbs kommune=k here=t::GUIDE_TITLE.to_string()/>
            {body}
        </Layout>
    }
}

#[component]
fn Ask(k: Kommune, situation: Situation, question: Question, error: Option<AnswerError>, age_typed: String) -> impl IntoView {
    let n = question.step();
    let total = Question::ALL.len();
    let action = format!("{}/guide", rights_path(k));
    // The other answers travel along as hidden fields; the one on screen is the visible field.
    let hidden = Question::ALL
        .into_iter()
        .filter(|q| *q != question)
        .filter_map(|q| answer_value(&situation, q).map(|v| view! { <input type="hidden" name=q.key() value=v/> }))
        .collect_view();
    let skip = guide_url(k, &situation, Some(question), &step_after(question));
    let back = (n > 1).then(|| guide_url(k, &situation, None, &(n - 1).to_string()));
    let to_result = guide_url(k, &situation, Some(question), RESULT_STEP);
    let has_error = error.is_some();
    let hint_id = format!("{}-hint", question.key());
    let error_id = format!("{}-error", question.key());
    let described_by = {
        let mut ids = Vec::new();
        if t::question_hint(question).is_some() {
            ids.push(hint_id.clone());
        }
        if has_error {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let current = answer_value(&situation, question);
    let choices: Vec<(&'static str, &'static str)> = match question {
        Question::Role => t::ROLE_CHOICES.to_vec(),
        Question::Substance => t::SUBSTANCE_CHOICES.to_vec(),
        Question::Age => Vec::new(),
        _ => vec![("ja", t::YES), ("nej", t::NO)],
    };
    // Where the error summary's link takes the focus: the field, or the first choice.
    let error_target = match choices.first() {
        Some((value, _)) => format!("#{}-{value}", question.key()),
        None => "#alder".to_string(),
    };
    let field = if question == Question::Age {
        let value = if has_error { age_typed } else { current.unwrap_or_default() };
        view! {
            <label class="form-label" for="alder">{t::question(question, situation.role)}</label>
            {t::question_hint(question).map(|h| view! { <span class="form-hint" id=hint_id.clone()>{h}</span> })}
            {error.map(|e| view! {
                <span class="form-error-message" id=error_id.clone()><span class="sr-only">"Fejl: "</span>{t::answer_error(e)}</span>
            })}
            <input
                class="form-input input-width-xs"
                type="text"
                inputmode="numeric"
                id="alder"
                name="alder"
                maxlength="3"
                autocomplete="off"
                value=value
                aria-describedby=described_by
            />
        }
        .into_any()
    } else {
        let key = question.key();
        view! {
            <fieldset aria-describedby=described_by>
                <legend class="form-label">{t::question(question, situation.role)}</legend>
                {t::question_hint(question).map(|h| view! { <span class="form-hint" id=hint_id.clone()>{h}</span> })}
                {error.map(|e| view! {
                    <span class="form-error-message" id=error_id.clone()><span class="sr-only">"Fejl: "</span>{t::answer_error(e)}</span>
                })}
                <ul class="nobullet-list">
                    {choices
                        .into_iter()
                        .map(|(value, label)| {
                            let id = format!("{key}-{value}");
                            let checked = current.as_deref() == Some(value);
                            view! {
                                <li class="form-group-radio">
                                    <input type="radio" class="form-radio radio-large" name=key id=id.clone() value=value checked=checked/>
                                    <label for=id>{label}</label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
        }
        .into_any()
    };
    view! {
        <h1>{t::GUIDE_TITLE}</h1>
        {(n == 1).then(|| view! {
            <p class="font-lead">{t::GUIDE_LEAD}</p>
            <p>{t::GUIDE_PRIVACY}</p>
        })}
        {has_error.then(|| view! {
            <div class="alert alert-error" role="alert">
                <div class="alert-body">
                    <p class="alert-heading">{t::ERROR_SUMMARY}</p>
                    <p class="alert-text"><a href=error_target>{error.map(t::answer_error)}</a></p>
                </div>
            </div>
        })}
        <p class="guide-progress">{t::guide_step(n, total)}</p>
        <form method="get" action=action class="guide-form" novalidate=true>
            {hidden}
            <input type="hidden" name=STEP_KEY value=step_after(question)/>
            <div class=if has_error { "form-group form-error" } else { "form-group" }>{field}</div>
            <button type="submit" class="button button-primary">{t::GUIDE_NEXT}</button>
        </form>
        <ul class="nobullet-list guide-links">
            <li><a href=skip>{t::GUIDE_SKIP}</a></li>
            {back.map(|b| view! { <li><a href=b>{t::GUIDE_BACK}</a></li> })}
            <li><a href=to_result>{t::GUIDE_SHOW_RESULT}</a></li>
        </ul>
    }
}

/// One list of the result (applies, may apply, does not apply): a disclosure whose summary says
/// what the list is and how many rules it holds, with the rules under their topics.
#[component]
fn RuleList(id: &'static str, heading: String, open: bool, count: usize, children: Children) -> impl IntoView {
    view! {
        <details class="details rule-list" id=id open=open>
            <summary class="details-summary">
                <span class="details-summary-text">{heading} " (" {t::rules_count(count)} ")"</span>
            </summary>
            <div class="details-text">{children()}</div>
        </details>
    }
}

#[component]
fn ResultView(k: Kommune, r: GuideResult, situation: Situation) -> impl IntoView {
    let answers = Question::ALL
        .into_iter()
        .map(|q| {
            let change = guide_url(k, &situation, None, &q.step().to_string());
            view! {
                <div class="answer-row">
                    <dt>{t::question(q, situation.role)}</dt>
                    <dd>
                        {t::answer_text(&situation, q)} " "
                        <a href=change>{t::GUIDE_CHANGE}<span class="sr-only">": " {t::question_topic(q)}</span></a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let notices = r
        .notices
        .into_iter()
        .map(|n| {
            view! {
                <div class="alert alert-info" role="note">
                    <div class="alert-body"><crate::components::CitedFact fact=n/></div>
                </div>
            }
        })
        .collect_view();
    let base = rights_path(k);
    let site = r.kommune.site_name.clone();
    let depends = |questions: &[Question]| {
        (!questions.is_empty()).then(|| {
            format!("{}: {}.", t::DEPENDS_ON, questions.iter().map(|q| t::question_topic(*q)).collect::<Vec<_>>().join(", "))
        })
    };
    let next = r
        .next_steps
        .into_iter()
        .map(|step| {
            let (href, label, primary) = match step.step {
                NextStep::BookAnonymous => (k.page(KommunePath::Book), t::NEXT_BOOK.to_string(), true),
                NextStep::BookRelatives => (k.page(KommunePath::Relatives), t::NEXT_BOOK_RELATIVES.to_string(), true),
                NextStep::ReadRelatives => (format!("{base}/paaroerende"), t::NEXT_READ_RELATIVES.to_string(), false),
                NextStep::ContactSite => (k.path(), t::next_contact(&site), false),
                NextStep::Deadlines => (format!("{base}/frister"), t::NEXT_DEADLINES.to_string(), false),
                NextStep::Complain => (format!("{base}/klage"), t::NEXT_COMPLAIN.to_string(), false),
            };
            let class = if primary { "button button-primary" } else { "next-step-link" };
            let conditions = (!step.conditions.is_empty()).then(|| {
                view! {
                    <div class="step-conditions">
                        <p class="step-conditions-lead"><strong>{t::STEP_CONDITIONS}</strong></p>
                        {step
                            .conditions
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <div class="step-condition">
                                        <p><strong>{c.rule.title.clone()}</strong></p>
                                        {depends(&c.depends_on).map(|d| view! { <p class="rule-reason">{d}</p> })}
                                        <crate::components::CitedFact fact=c.rule.fact/>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                }
            });
            view! {
                <li class="next-step">
                    <a href=href class=class>{label}</a>
                    <crate::components::CitedFact fact=step.because/>
                    {conditions}
                </li>
            }
        })
        .collect_view();
    let tag = |topic: Topic| t::topic_title(topic).to_string();
    let for_relative_count = r.for_relative.len();
    let for_relative = (for_relative_count > 0).then(|| {
        let cards = r.for_relative.into_iter().map(|rule| view! { <RuleCard tag=tag(rule.topic) rule/> }).collect_view();
        view! { <RuleList id="for-relative" heading=t::RELATIVES_HEADING.to_string() open=true count=for_relative_count>{cards}</RuleList> }
    });
    let applies_count = r.applies.len();
    let applies = if applies_count == 0 {
        view! { <p>{t::NOTHING_HERE}</p> }.into_any()
    } else {
        r.applies
            .into_iter()
            .map(|rule| match rule.qualifier.clone() {
                Some(extra) => view! { <RuleCard tag=tag(rule.topic) rule extra/> }.into_any(),
                None => view! { <RuleCard tag=tag(rule.topic) rule/> }.into_any(),
            })
            .collect_view()
            .into_any()
    };
    let may_count = r.may_apply.len();
    let may_apply = (may_count > 0).then(|| {
        let cards = r
            .may_apply
            .into_iter()
            .map(|m| {
                let extra = [depends(&m.depends_on), m.rule.qualifier.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                view! { <RuleCard tag=tag(m.rule.topic) rule=m.rule extra/> }
            })
            .collect_view();
        view! { <RuleList id="may-apply" heading=t::MAY_APPLY_HEADING.to_string() open=false count=may_count>{cards}</RuleList> }
    });
    let not_count = r.not_apply.len();
    let not_apply = (not_count > 0).then(|| {
        let cards = r
            .not_apply
            .into_iter()
            .map(|e| view! { <RuleCard tag=tag(e.rule.topic) rule=e.rule extra=e.reason brief=true/> })
            .collect_view();
        view! { <RuleList id="not-apply" heading=t::NOT_APPLY_HEADING.to_string() open=false count=not_count>{cards}</RuleList> }
    });
    view! {
        <h1>{t::result_title(situation.role)}</h1>
        {notices}
        <section aria-labelledby="next-steps">
            <h2 id="next-steps">{t::NEXT_STEPS_HEADING}</h2>
            <ol class="nobullet-list next-steps">{next}</ol>
        </section>
        <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{t::GUIDE_ALL_RULES}</h2>
            {for_relative}
            <RuleList id="applies" heading=t::applies_heading(situation.role).to_string() open=true count=applies_count>{applies}</RuleList>
            {may_apply}
            {not_apply}
        </section>
        <section aria-labelledby="answers">
            <h2 id="answers" class="h4">{t::GUIDE_YOUR_ANSWERS}</h2>
            <dl class="answers">{answers}</dl>
            <p><a href=format!("{base}/guide?{STEP_KEY}=1")>{t::GUIDE_START_OVER}</a></p>
        </section>
        <p class="private-note">{t::GUIDE_PRIVACY}</p>
        <SourceList sources=r.sources/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen_of(pairs: &[(&str, &str)]) -> Screen {
        read_screen(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string())).1
    }

    #[test]
    fn the_guide_starts_with_the_first_question_and_ends_with_the_result() {
        assert_eq!(screen_of(&[]), Screen::Ask { question: Question::Role, error: None });
        assert_eq!(screen_of(&[("trin", "3")]), Screen::Ask { question: Question::Age, error: None });
        assert_eq!(screen_of(&[("trin", "8")]), Screen::Result);
        assert_eq!(screen_of(&[("trin", "resultat")]), Screen::Result);
        assert_eq!(screen_of(&[("rolle", "selv")]), Screen::Result);
        assert_eq!(screen_of(&[("trin", "0")]), Screen::Ask { question: Question::Role, error: None });
        assert_eq!(screen_of(&[("trin", "abc")]), Screen::Ask { question: Question::Role, error: None });
    }

    #[test]
    fn a_bad_answer_sends_the_person_back_to_its_question() {
        assert_eq!(
            screen_of(&[("rolle", "selv"), ("alder", "sytten"), ("trin", "4")]),
            Screen::Ask { question: Question::Age, error: Some(AnswerError::AgeNotANumber) }
        );
    }

    #[test]
    fn links_carry_the_answers_but_not_the_skipped_one() {
        let s = Situation { age: Some(17), anonymous: Some(true), ..Default::default() };
        assert_eq!(guide_url(crate::content::kommune_named("thisted"), &s, None, "resultat"), "/thisted/rettigheder/guide?alder=17&anonym=ja&trin=resultat");
        assert_eq!(guide_url(crate::content::kommune_named("thisted"), &s, Some(Question::Age), "5"), "/thisted/rettigheder/guide?anonym=ja&trin=5");
        assert_eq!(step_after(Question::Children), "resultat");
        assert_eq!(step_after(Question::Role), "2");
    }
}
