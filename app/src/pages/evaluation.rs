use crate::api::anonymous::BookingLine;
use crate::api::anonymous_form::{field, EvaluationAction};
use crate::api::evaluation::{evaluation_page, ContactHelp, EvaluationPage, EvaluationStep, QuestionView};
use crate::components::booking::CodeField;
use crate::components::load::{found, path_param, posted};
use crate::components::{CitationLine, CitedFact, ContactText, Layout, SolutionInfo};
use crate::content::CitedText;
use crate::domain::kommune::{Kommune, KommunePath};
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/{kommune}/evaluering`: answer an evaluation or a follow-up with the code from the slip. The
/// code is typed and then carried in POST bodies only, never in a URL; every step is a plain
/// form, so the page works without JavaScript.
#[component]
pub fn EvaluationPageView() -> impl IntoView {
    let page = match posted::<Option<EvaluationPage>>() {
        Some(page) => Ok(page),
        None => Ok(evaluation_page(&path_param("kommune"))),
    };
    found(page, |p| view! { <Evaluation p/> })
}

#[component]
fn Evaluation(p: EvaluationPage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.kommune).expect("the server only answers for known municipalities");
    let solution = SolutionInfo { kommune, site_name: p.site_name.clone(), phone: p.site_phone.clone(), email: p.site_email.clone() };
    let action = kommune.page(KommunePath::Evaluation);
    let talks = p.talks;
    let kommune_name = kommune.name();
    let (title, body) = match p.step {
        EvaluationStep::Enter { error } => (t::EVAL_TITLE.to_string(), view! { <Enter action error talks kommune_name/> }.into_any()),
        EvaluationStep::Questions { code, booking, heading, why, questions, error } => {
            (heading, view! { <Questions action code booking why questions error/> }.into_any())
        }
        EvaluationStep::Talks { code, talks, error } => (t::EVAL_TALKS_TITLE.to_string(), view! { <Talks action code talks error/> }.into_any()),
        EvaluationStep::NotYet { code, message, why } => (t::EVAL_NOT_YET_TITLE.to_string(), view! { <NotYet action code message why/> }.into_any()),
        EvaluationStep::Thanks { next, contact, talk } => (t::EVAL_THANKS_TITLE.to_string(), view! { <Thanks next contact talk/> }.into_any()),
    };
    view! {
        <Title text=format!("{title} – {} – {}", kommune.short_name(), t::PORTAL_NAME)/>
        <Layout solution=solution>
            <h1>{title}</h1>
            {body}
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
        </Layout>
    }
}

/// The code form. Where the standard asks for talks to be evaluated, a booking code is taken too;
/// where not, the page says that a booking code evaluates nothing here.
#[component]
fn Enter(action: String, error: Option<String>, talks: bool, kommune_name: &'static str) -> impl IntoView {
    let (label, hint) = if talks { (t::EVAL_CODE_OR_BOOKING_LABEL, t::EVAL_CODE_OR_BOOKING_HINT) } else { (t::EVAL_CODE_LABEL, t::EVAL_CODE_HINT) };
    view! {
        <p class="font-lead">{t::EVAL_LEAD}</p>
        <p>{if talks { t::EVAL_LEAD_TALKS.to_string() } else { t::no_talk_evaluation(kommune_name) }}</p>
        <form method="post" action=action>
            <input type="hidden" name=field::ACTION value=EvaluationAction::Open.value()/>
            <CodeField error label=label hint=hint/>
            <button type="submit" class="button button-primary">{t::EVAL_OPEN}</button>
        </form>
    }
}

/// A booking code's held talks, each with its own small form: no JavaScript, and the code stays
/// in the POST body.
#[component]
fn Talks(action: String, code: String, talks: Vec<BookingLine>, error: Option<String>) -> impl IntoView {
    let none = talks.is_empty();
    view! {
        {error.map(|e| view! {
            <div class="alert alert-error" role="alert"><p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p></div>
        })}
        <p>{if none { t::EVAL_TALKS_NONE } else { t::EVAL_TALKS_LEAD }}</p>
        <ul class="nobullet-list talk-list">
            {talks
                .into_iter()
                .map(|b| {
                    let described = format!("samtale-{}", b.id);
                    view! {
                        <li>
                            <p id=described.clone()><strong>{b.kind_name}</strong> ", " {b.when}</p>
                            <form method="post" action=action.clone()>
                                <input type="hidden" name=field::CODE value=code.clone()/>
                                <input type="hidden" name=field::BOOKING value=b.id.to_string()/>
                                <input type="hidden" name=field::ACTION value=EvaluationAction::Open.value()/>
                                <button type="submit" class="button button-secondary" aria-describedby=described>{t::EVAL_TALK_BUTTON}</button>
                            </form>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Why the municipality asks, with its source: the standard's own words.
#[component]
fn Why(why: CitedText) -> impl IntoView {
    view! {
        <details class="why-asked">
            <summary>{t::EVAL_WHY_ASKED}</summary>
            <p>"»" {why.text} "«"</p>
            <CitationLine source=why.source/>
        </details>
    }
}

#[component]
fn Questions(action: String, code: String, booking: Option<i64>, why: CitedText, questions: Vec<QuestionView>, error: Option<String>) -> impl IntoView {
    view! {
        <p>{t::EVAL_QUESTIONS_LEAD}</p>
        <Why why/>
        {error.map(|e| view! {
            <div class="alert alert-error" role="alert"><p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p></div>
        })}
        <form method="post" action=action class="evaluation-form">
            <input type="hidden" name=field::CODE value=code/>
            {booking.map(|b| view! { <input type="hidden" name=field::BOOKING value=b.to_string()/> })}
            <input type="hidden" name=field::ACTION value=EvaluationAction::Send.value()/>
            {questions.into_iter().enumerate().map(|(i, q)| view! { <Question q i/> }).collect_view()}
            <button type="submit" class="button button-primary">{t::EVAL_SEND}</button>
        </form>
    }
}

/// One question as a group of radio buttons; none is chosen until the person chooses.
#[component]
fn Question(q: QuestionView, i: usize) -> impl IntoView {
    let legend_id = format!("spm-{i}");
    view! {
        <fieldset class="form-group evaluation-question" aria-describedby=format!("{legend_id}-kilde")>
            <legend class="form-label" id=legend_id.clone()>{q.text}</legend>
            <ul class="nobullet-list">
                {q.options
                    .into_iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let id = format!("spm-{i}-{j}");
                        let checked = q.chosen.as_deref() == Some(o.value.as_str());
                        view! {
                            <li>
                                <input class="form-radio radio-large" type="radio" id=id.clone() name=q.field.clone() value=o.value checked=checked/>
                                <label for=id>{o.text}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <div id=format!("{legend_id}-kilde")><CitationLine source=q.source/></div>
        </fieldset>
    }
}

#[component]
fn NotYet(action: String, code: String, message: String, why: CitedText) -> impl IntoView {
    view! {
        <p>{message}</p>
        <CitedFact fact=why/>
        <h2>{t::EVAL_CALENDAR_BUTTON}</h2>
        <p>{t::EVAL_CALENDAR_LEAD}</p>
        <form method="post" action=action>
            <input type="hidden" name=field::CODE value=code/>
            <input type="hidden" name=field::ACTION value=EvaluationAction::Calendar.value()/>
            <button type="submit" class="button button-secondary">{t::EVAL_CALENDAR_BUTTON}</button>
        </form>
    }
}

#[component]
fn Thanks(next: Option<String>, contact: Option<ContactHelp>, talk: bool) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status"><p class="alert-text">{if talk { t::EVAL_THANKS_TALK } else { t::EVAL_THANKS }}</p></div>
        {next.map(|n| view! { <p><strong>{t::EVAL_THANKS_FOLLOW_UP} "."</strong> " " {n}</p> })}
        {contact.map(|c| view! {
            <section aria-labelledby="kontakt-heading">
                <h2 id="kontakt-heading">{t::EVAL_CONTACT_HEADING}</h2>
                <p>{t::EVAL_CONTACT_LEAD}</p>
                <p><a class="button button-primary" href=c.book>{t::EVAL_CONTACT_BOOK}</a></p>
                {c.phone.map(|p| view! {
                    <p>{t::EVAL_CONTACT_CALL} " " <ContactText text=p.text.clone()/></p>
                    <CitationLine source=p.source/>
                })}
            </section>
        })}
    }
}
