//! Anonymous evaluation and follow-up (issue 18): the citizen's questionnaire at
//! `/{kommune}/evaluering`, the staff's codes at `/personale/evaluering` and the municipality's
//! report at `/personale/rapport` (with its CSV). Everything here is on the anonymous side: it
//! reads and writes the anonymous store's evaluation tables and nothing of the case store.
//!
//! A code is typed, never carried in a URL; it travels in POST bodies only, like a booking token.

use crate::api::anonymous::BookingLine;
use crate::api::staff::{Choice, Gate};
use crate::api::LoadError;
use crate::content::{Citation, CitedText};
use crate::domain::staff::StaffAccess;
use serde::{Deserialize, Serialize};

/// `/{kommune}/evaluering`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationPage {
    pub kommune: String,
    pub kommune_name: String,
    /// The municipality's site and how to reach it, for the page's frame.
    pub site_name: String,
    pub site_phone: Option<String>,
    pub site_email: Option<String>,
    /// Whether a booking code may evaluate its held talks here (the standard asks for talks to
    /// be evaluated); where not, the page says so.
    pub talks: bool,
    pub step: EvaluationStep,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EvaluationStep {
    /// Type the code.
    Enter { error: Option<String> },
    /// The questions of the code's moment. `code` is carried in a hidden field of the form, and
    /// for a talk evaluated with a booking code, the talk's `booking` id too.
    Questions { code: String, booking: Option<i64>, heading: String, why: CitedText, questions: Vec<QuestionView>, error: Option<String> },
    /// A booking code: the held talks it may still evaluate, one button each.
    Talks { code: String, talks: Vec<BookingLine>, error: Option<String> },
    /// A follow-up code before its first point: when to come back, and the reminders file.
    NotYet { code: String, message: String, why: CitedText },
    /// `talk`: a talk was evaluated with a booking code (which still works for the bookings).
    Thanks { next: Option<String>, contact: Option<ContactHelp>, talk: bool },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// The radio buttons' name.
    pub field: String,
    pub text: String,
    pub options: Vec<Choice>,
    /// The answer chosen before, when the form comes back with an error.
    pub chosen: Option<String>,
    pub source: Citation,
}

/// Where a person who wants to talk again can turn: booking anonymously, or calling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactHelp {
    pub book: String,
    pub phone: Option<CitedText>,
}

/// `/personale/evaluering`: make codes for a site and a moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodesPage {
    pub access: StaffAccess,
    pub sites: Vec<Choice>,
    pub moments: Vec<Choice>,
    pub site: String,
    pub moment: String,
    pub count: String,
    pub made: Option<MadeCodes>,
    pub errors: Vec<String>,
}

/// Codes just made: shown this once, as slips to print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MadeCodes {
    pub codes: Vec<String>,
    pub moment: String,
    pub site: String,
    /// The page to answer on, as a person types it: `/vallensbaek/evaluering`.
    pub address: String,
    pub valid_until: String,
    /// For a follow-up code: when to answer.
    pub points: Option<String>,
}

/// `/personale/rapport`: one quarter of a municipality's evaluations and follow-ups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportPage {
    pub access: StaffAccess,
    pub kommune_name: String,
    pub quarter: String,
    pub previous: String,
    pub next: String,
    pub notice: Option<String>,
    pub empty: bool,
    pub tables: Vec<ReportTable>,
    pub targets: Vec<TargetLine>,
    /// The follow-up's source, with its points.
    pub follow_up: Option<CitedText>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportTable {
    pub moment: String,
    /// Months after discharge, for a follow-up.
    pub point: Option<u32>,
    /// The question, or the response rate.
    pub heading: String,
    pub source: Option<Citation>,
    pub quote: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<ReportRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub site: String,
    pub cells: Vec<String>,
    /// The municipality's total row.
    pub total: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetLine {
    pub text: String,
    pub target: String,
    pub source: Citation,
    pub quote: String,
    /// Per follow-up point: (heading, what was measured, met?). Empty where not measured.
    pub results: Vec<(String, String, Option<bool>)>,
    pub measured: bool,
}

pub async fn codes_page() -> Result<Gate<CodesPage>, LoadError> {
    let Some(access) = crate::api::staff::session::current_access().await? else { return Ok(Gate::SignedOut) };
    Ok(crate::api::staff::logic::gate(&access, logic::codes(&access, None, None, Vec::new())))
}

pub async fn report_page(kvartal: Option<String>) -> Result<Gate<ReportPage>, LoadError> {
    let Some(access) = crate::api::staff::session::current_access().await? else { return Ok(Gate::SignedOut) };
    let anon = crate::api::provided::<crate::store::AnonStore>()?;
    Ok(crate::api::staff::logic::gate(&access, logic::report(&anon.evaluations(), &access, kvartal.as_deref(), crate::clock::now()).await))
}

/// `/{kommune}/evaluering` on a GET: the code form, or `None` where the municipality has no
/// evaluation (404).
pub fn evaluation_page(kommune: &str) -> Option<EvaluationPage> {
    logic::enter(kommune, None)
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::api::anonymous_form::{EvaluationAction, EvaluationForm, Fields};
    use crate::api::staff_form::CodesForm;
    use crate::content::evaluation::{KommuneEvaluation, MomentPlan};
    use crate::content::{catalogue, content, find_kommune, BookingSite};
    use crate::domain::evaluation::{
        expires, follow_up_due, point_bit, share, AnswerSet, Figures, FollowUpDue, Moment, Month, Quarter, Shown, CONTACT_YES, UNANSWERED,
    };
    use crate::domain::kommune::KommunePath;
    use crate::domain::staff::{Area, Forbidden};
    use crate::domain::token::Token;
    use crate::store::{AnonStore, Answered, CodeScope, Evaluations, HeldCode, Tallies};
    use crate::text::t;
    use chrono::{DateTime, Utc};
    use std::collections::HashMap;

    /// The month `now` falls in, in Copenhagen.
    pub fn month_of(now: DateTime<Utc>) -> Month {
        Month::of_instant(now)
    }

    fn plan(kommune: &str) -> Option<&'static KommuneEvaluation> {
        find_kommune(kommune)?;
        catalogue().evaluation(kommune).filter(|e| !e.moments.is_empty())
    }

    fn page(kommune: &str, step: EvaluationStep) -> Option<EvaluationPage> {
        let k = find_kommune(kommune)?;
        let about = content().kommune(k);
        Some(EvaluationPage {
            kommune: k.slug().to_string(),
            kommune_name: k.name().to_string(),
            site_name: about.site_name.clone(),
            site_phone: about.phone.as_ref().map(|p| p.text.clone()),
            site_email: about.email.as_ref().map(|e| e.text.clone()),
            talks: catalogue().evaluation(k.slug()).is_some_and(|e| e.moment(Moment::Talk).is_some()),
            step,
        })
    }

    /// The code form, with an error.
    pub fn enter(kommune: &str, error: Option<String>) -> Option<EvaluationPage> {
        plan(kommune)?;
        page(kommune, EvaluationStep::Enter { error })
    }

    fn not_usable(kommune: &str) -> Option<EvaluationPage> {
        enter(kommune, Some(t::EVAL_CODE_NOT_USABLE.to_string()))
    }

    fn cited(text: String, source: &Citation) -> CitedText {
        CitedText { text, source: source.clone() }
    }

    fn questions_of(moment: &MomentPlan, form: Option<&EvaluationForm>) -> Vec<QuestionView> {
        moment
            .questions
            .iter()
            .map(|q| QuestionView {
                field: crate::api::anonymous_form::field::answer(&q.id),
                text: q.text.clone(),
                options: q.answers.answers().iter().map(|a| Choice { value: a.to_string(), text: t::answer_name(q.answers, a).to_string() }).collect(),
                chosen: form.and_then(|f| f.answer(&q.id)).filter(|a| q.answers.has(a)).map(str::to_string),
                source: q.source.clone(),
            })
            .collect()
    }

    /// What a held code can do now: the point it answers for, or why it cannot.
    enum Use {
        Point(u32, bool),
        NotYet(Month),
        Not,
    }

    fn use_of(held: &HeldCode, plan: &KommuneEvaluation, now: Month) -> Use {
        if held.expires < now {
            return Use::Not;
        }
        match held.moment {
            Moment::FollowUp => match follow_up_due(plan.points(), held.month, now, held.used_points) {
                FollowUpDue::Point(p) => Use::Point(p, plan.points().last() == Some(&p)),
                FollowUpDue::NotYet(m) => Use::NotYet(m),
                FollowUpDue::Done => Use::Not,
            },
            _ => Use::Point(0, true),
        }
    }

    /// What a questionnaire is answered for: a code of a slip at one of its points, or a talk
    /// held with a booking code.
    enum Answering {
        Code { held: HeldCode, point: u32, last_use: bool },
        Talk { booking: i64, heading: String },
    }

    /// A POST to `/{kommune}/evaluering`: open a code's questions, send the answers, or (see
    /// [`calendar_post`]) take the follow-up's reminders. A code that is no evaluation code is
    /// tried as a booking code where the municipality evaluates talks: it lists the held talks it
    /// may evaluate. `None`: the municipality has no evaluation (404).
    pub async fn post(anon: &AnonStore, kommune: &str, fields: &Fields, now: DateTime<Utc>) -> Option<EvaluationPage> {
        let plan = plan(kommune)?;
        let evaluations = anon.evaluations();
        let form = EvaluationForm::read(fields);
        let code = match Token::parse(&form.code) {
            Ok(code) => code,
            Err(e) => return enter(kommune, Some(t::token_error(e).to_string())),
        };
        let month = month_of(now);
        let answering = match evaluations.find(&code).await {
            Ok(Some(held)) if held.kommune == plan.kommune => match use_of(&held, plan, month) {
                Use::Point(point, last_use) => Answering::Code { held, point, last_use },
                Use::NotYet(first) => return page(kommune, not_yet(&code, plan, first)),
                Use::Not => return not_usable(kommune),
            },
            Ok(None) if plan.moment(Moment::Talk).is_some() => match talk_chosen(anon, plan, &code, form.booking, month).await {
                Ok(answering) => answering,
                Err(step) => return step.and_then(|step| page(kommune, step)).or_else(|| not_usable(kommune)),
            },
            Ok(_) => return not_usable(kommune),
            Err(e) => {
                tracing::error!(store = "anon", "reading an evaluation code failed: {e}");
                return enter(kommune, Some(t::SERVER_ERROR.to_string()));
            }
        };
        let moment_of = match &answering {
            Answering::Code { held, .. } => held.moment,
            Answering::Talk { .. } => Moment::Talk,
        };
        let Some(moment) = plan.moment(moment_of) else { return not_usable(kommune) };
        let (heading, booking) = match &answering {
            Answering::Code { held, point, .. } if held.moment == Moment::FollowUp => (t::point_heading(*point), None),
            Answering::Code { held, .. } => (t::moment_name(held.moment).to_string(), None),
            Answering::Talk { booking, heading } => (heading.clone(), Some(*booking)),
        };
        let why = cited(moment.quote.clone(), &moment.source);
        // The form as sent comes back with an error; on opening, nothing is chosen yet.
        let sent = (form.action == EvaluationAction::Send).then_some(&form);
        let questions = |error: Option<&str>| EvaluationStep::Questions {
            code: code.grouped(),
            booking,
            heading: heading.clone(),
            why: why.clone(),
            questions: questions_of(moment, sent),
            error: error.map(str::to_string),
        };
        if sent.is_none() {
            return page(kommune, questions(None));
        }
        // Every answer must be one of its question's; an unanswered question is left out (the
        // report counts it as the responses less the answers given).
        let mut answers: Vec<(&'static str, &'static str)> = Vec::new();
        for q in &moment.questions {
            match form.answer(&q.id).map(|a| q.answers.answers().iter().find(|x| **x == a)) {
                None => {}
                Some(Some(a)) => answers.push((q.id.as_str(), a)),
                Some(None) => return page(kommune, questions(Some(t::EVAL_UNKNOWN_ANSWER))),
            }
        }
        if answers.is_empty() {
            return page(kommune, questions(Some(t::EVAL_NOTHING_ANSWERED)));
        }
        let wants_contact = moment.questions.iter().any(|q| q.answers == AnswerSet::ContactWish && form.answer(&q.id) == Some(CONTACT_YES));
        let contact = || wants_contact.then(|| contact_help(kommune));
        match answering {
            Answering::Code { held, point, last_use } => match evaluations.answer(&code, &Answered { point, answers: &answers, last_use, now: month }).await {
                Ok(true) => {
                    let next = (held.moment == Moment::FollowUp && !last_use)
                        .then(|| match follow_up_due(plan.points(), held.month, month, held.used_points | point_bit(point)) {
                            FollowUpDue::NotYet(m) => Some(t::next_point(m)),
                            _ => None,
                        })
                        .flatten();
                    page(kommune, EvaluationStep::Thanks { next, contact: contact(), talk: false })
                }
                // Used meanwhile (a second tab, a race): the same words as any other unusable code.
                Ok(false) => not_usable(kommune),
                Err(e) => {
                    tracing::error!(store = "anon", "recording an evaluation failed: {e}");
                    page(kommune, questions(Some(t::SERVER_ERROR)))
                }
            },
            Answering::Talk { booking, .. } => match anon.evaluate_talk(&code, booking, &answers, month).await {
                Ok(true) => page(kommune, EvaluationStep::Thanks { next: None, contact: contact(), talk: true }),
                // Evaluated meanwhile (a second tab, a race): the talks left, and why.
                Ok(false) => match talk_chosen(anon, plan, &code, None, month).await {
                    Err(Some(EvaluationStep::Talks { code, talks, .. })) => page(kommune, EvaluationStep::Talks { code, talks, error: Some(t::EVAL_TALK_GONE.to_string()) }),
                    _ => not_usable(kommune),
                },
                Err(e) => {
                    tracing::error!(store = "anon", "recording a talk's evaluation failed: {e}");
                    page(kommune, questions(Some(t::SERVER_ERROR)))
                }
            },
        }
    }

    /// A booking code's talk to evaluate: the one `chosen`, if the code may still evaluate it;
    /// otherwise the step listing the talks it may (`Err(Some)`), or `Err(None)` where the code is
    /// not a booking code of this municipality (the neutral words of any unusable code).
    async fn talk_chosen(anon: &AnonStore, plan: &KommuneEvaluation, code: &Token, chosen: Option<i64>, month: Month) -> Result<Answering, Option<EvaluationStep>> {
        let talks = match anon.talks_to_evaluate(code, month).await {
            Ok(Some((holder_kommune, talks))) if holder_kommune == plan.kommune => talks,
            Ok(_) => return Err(None),
            Err(e) => {
                tracing::error!(store = "anon", "reading a booking code's talks failed: {e}");
                return Err(Some(EvaluationStep::Enter { error: Some(t::SERVER_ERROR.to_string()) }));
            }
        };
        let lines: Vec<BookingLine> = talks.iter().map(crate::api::anonymous::logic::line).collect();
        match chosen.and_then(|id| lines.iter().find(|l| l.id == id)) {
            Some(talk) => Ok(Answering::Talk { booking: talk.id, heading: t::talk_heading(&talk.kind_name, &talk.when) }),
            None => {
                let error = chosen.is_some().then(|| t::EVAL_TALK_GONE.to_string());
                Err(Some(EvaluationStep::Talks { code: code.grouped(), talks: lines, error }))
            }
        }
    }

    fn not_yet(code: &Token, plan: &KommuneEvaluation, first: Month) -> EvaluationStep {
        let f = plan.follow_up.as_ref().expect("a follow-up code's municipality has follow-up points");
        EvaluationStep::NotYet { code: code.grouped(), message: t::not_yet(first), why: cited(f.quote.clone(), &f.source) }
    }

    fn contact_help(kommune: &str) -> ContactHelp {
        let k = find_kommune(kommune).expect("a municipality of the content");
        ContactHelp { book: k.page(KommunePath::Book), phone: content().kommune(k).phone.clone() }
    }

    /// A follow-up code's reminders as a calendar file: one event at each point still to come,
    /// counted from today. Nothing is stored, and the file names neither the code nor the site.
    pub async fn calendar_post(evaluations: &Evaluations, kommune: &str, fields: &Fields, now: DateTime<Utc>) -> Result<(String, String), Option<EvaluationPage>> {
        let plan = plan(kommune).ok_or(None)?;
        let form = EvaluationForm::read(fields);
        let code = Token::parse(&form.code).map_err(|e| enter(kommune, Some(t::token_error(e).to_string())))?;
        let held = match evaluations.find(&code).await {
            Ok(Some(held)) if held.kommune == plan.kommune && held.moment == Moment::FollowUp => held,
            Ok(_) => return Err(not_usable(kommune)),
            Err(e) => {
                tracing::error!(store = "anon", "reading an evaluation code failed: {e}");
                return Err(enter(kommune, Some(t::SERVER_ERROR.to_string())));
            }
        };
        let month = month_of(now);
        if held.expires < month {
            return Err(not_usable(kommune));
        }
        let today = now.with_timezone(&chrono_tz::Europe::Copenhagen).date_naive();
        let elapsed = held.month.months_until(month);
        let starts: Vec<DateTime<Utc>> = plan
            .points()
            .iter()
            .filter(|p| i64::from(**p) >= elapsed && held.used_points & point_bit(**p) == 0)
            .filter_map(|p| today.checked_add_months(chrono::Months::new(p.saturating_sub(elapsed.max(0) as u32))))
            .filter_map(|d| d.and_hms_opt(10, 0, 0))
            .filter_map(|t| t.and_local_timezone(chrono_tz::Europe::Copenhagen).earliest())
            .map(|t| t.with_timezone(&Utc))
            .collect();
        // Random event ids, as the booking's calendar file has: two downloads share nothing.
        let uids: Vec<String> = starts.iter().map(|_| format!("{}@rusmiddelportalen", Token::generate().canonical().to_lowercase())).collect();
        let events: Vec<crate::domain::ics::Event> = starts
            .iter()
            .zip(&uids)
            .map(|(s, uid)| crate::domain::ics::Event {
                uid,
                title: t::EVAL_CALENDAR_EVENT,
                place: None,
                description: None,
                starts_at: *s,
                ends_at: *s + chrono::Duration::minutes(15),
            })
            .collect();
        Ok((t::EVAL_CALENDAR_FILE.to_string(), crate::domain::ics::file(&events, now)))
    }

    // ---- Staff: codes ---------------------------------------------------------------------

    /// The sites a member hands out codes for: a counsellor's own, a case worker's municipality's.
    fn code_sites(access: &StaffAccess) -> Vec<&'static BookingSite> {
        let all = crate::api::staff::logic::kommune_sites(&access.kommune);
        match access.role {
            crate::domain::staff::Role::AnonymousCounsellor => all.into_iter().filter(|s| access.sites.contains(&s.id)).collect(),
            _ => all,
        }
    }

    fn moment_choices(kommune: &str) -> Vec<Choice> {
        catalogue()
            .evaluation(kommune)
            .map(|e| e.moments.iter().map(|m| Choice { value: m.moment.slug().to_string(), text: t::moment_name(m.moment).to_string() }).collect())
            .unwrap_or_default()
    }

    /// The codes page, with the form as typed and the codes just made.
    pub fn codes(access: &StaffAccess, typed: Option<CodesForm>, made: Option<MadeCodes>, errors: Vec<String>) -> Result<CodesPage, Forbidden> {
        access.require(Area::EvaluationCodes)?;
        let sites: Vec<Choice> = code_sites(access).into_iter().map(|s| Choice { value: s.id.clone(), text: s.name.clone() }).collect();
        let moments = moment_choices(&access.kommune);
        let typed = typed.unwrap_or_default();
        let mut errors = errors;
        if moments.is_empty() && errors.is_empty() {
            errors.push(t::EVAL_ERR_NO_MOMENTS.to_string());
        }
        Ok(CodesPage {
            access: access.clone(),
            site: typed.site.unwrap_or_else(|| sites.first().map(|s| s.value.clone()).unwrap_or_default()),
            moment: typed.moment.unwrap_or_default(),
            count: if typed.count.is_empty() { "1".to_string() } else { typed.count },
            sites,
            moments,
            made,
            errors,
        })
    }

    /// A POST to `/personale/evaluering`: makes the codes and shows them once.
    pub async fn codes_post(evaluations: &Evaluations, access: &StaffAccess, fields: &Fields, now: DateTime<Utc>) -> Result<CodesPage, Forbidden> {
        access.require(Area::EvaluationCodes)?;
        let form = CodesForm::read(fields);
        let sites = code_sites(access);
        let site = form.site.as_deref().and_then(|id| sites.iter().find(|s| s.id == id));
        let plan = catalogue().evaluation(&access.kommune);
        let moment = form.moment.as_deref().and_then(Moment::from_slug).filter(|m| plan.is_some_and(|p| p.moment(*m).is_some()));
        let errors: Vec<String> = [
            site.is_none().then_some(t::STAFF_ERR_NO_SUCH),
            moment.is_none().then_some(t::EVAL_ERR_MOMENT),
            form.count().is_none().then_some(t::EVAL_ERR_COUNT),
        ]
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect();
        let (Some(site), Some(moment), Some(count), Some(plan), true) = (site, moment, form.count(), plan, errors.is_empty()) else {
            return codes(access, Some(form), None, errors);
        };
        let month = month_of(now);
        let until = expires(moment, plan.points(), month);
        let scope = CodeScope { kommune: &access.kommune, site: &site.id, moment, month, expires: until };
        match evaluations.hand_out(scope, count).await {
            Ok(made) => {
                tracing::info!(moment = moment.slug(), count, "evaluation codes handed out");
                let k = find_kommune(&access.kommune).expect("a staff member's municipality is in the content");
                let made = MadeCodes {
                    codes: made.iter().map(Token::grouped).collect(),
                    moment: t::moment_name(moment).to_string(),
                    site: site.name.clone(),
                    address: k.page(KommunePath::Evaluation),
                    valid_until: t::valid_until(until),
                    points: (moment == Moment::FollowUp).then(|| t::slip_points(plan.points())),
                };
                codes(access, Some(CodesForm { count: form.count, ..CodesForm::default() }), Some(made), Vec::new())
            }
            Err(e) => {
                tracing::error!(store = "anon", "handing out evaluation codes failed: {e}");
                codes(access, Some(form), None, vec![t::SERVER_ERROR.to_string()])
            }
        }
    }

    // ---- Staff: the report ----------------------------------------------------------------

    /// One quarter's report for the admin's municipality.
    pub async fn report(evaluations: &Evaluations, access: &StaffAccess, kvartal: Option<&str>, now: DateTime<Utc>) -> Result<ReportPage, Forbidden> {
        access.require(Area::Monitoring)?;
        let asked = kvartal.filter(|k| !k.trim().is_empty());
        let parsed = asked.and_then(Quarter::parse);
        let quarter = parsed.unwrap_or_else(|| Quarter::of(month_of(now)));
        let notice = (asked.is_some() && parsed.is_none()).then(|| t::REPORT_BAD_QUARTER.to_string());
        let tallies = evaluations.tallies(&access.kommune, quarter.first_month(), quarter.last_month()).await.unwrap_or_else(|e| {
            tracing::error!(store = "anon", "reading the evaluation counts failed: {e}");
            Tallies::default()
        });
        let kommune_name = find_kommune(&access.kommune).map(|k| k.name().to_string()).unwrap_or_else(|| access.kommune.clone());
        let sites = crate::api::staff::logic::kommune_sites(&access.kommune);
        let (tables, targets, follow_up) = match catalogue().evaluation(&access.kommune) {
            Some(plan) => {
                let (tables, targets) = build(plan, &sites, &tallies);
                let follow_up = plan.follow_up.as_ref().map(|f| cited(f.quote.clone(), &f.source));
                (tables, targets, follow_up)
            }
            None => (Vec::new(), Vec::new(), None),
        };
        Ok(ReportPage {
            access: access.clone(),
            kommune_name,
            quarter: quarter.to_string(),
            previous: quarter.previous().to_string(),
            next: quarter.next().to_string(),
            notice,
            empty: tallies.issued.is_empty(),
            tables,
            targets,
            follow_up,
        })
    }

    /// The report as CSV, in the comparison's format (semicolons, a byte-order mark): one row
    /// per figure, "skjult" where it is suppressed (as on the page), each with its source.
    pub async fn report_csv(evaluations: &Evaluations, access: &StaffAccess, kvartal: Option<&str>, now: DateTime<Utc>) -> Result<(String, Vec<u8>), Forbidden> {
        let report = report(evaluations, access, kvartal, now).await?;
        let mut out = Vec::from("\u{feff}".as_bytes());
        {
            let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
            let write = |w: &mut csv::Writer<&mut Vec<u8>>, row: [&str; 11]| {
                if let Err(e) = w.write_record(row) {
                    tracing::error!("writing the report's CSV failed: {e}");
                }
            };
            write(&mut w, t::REPORT_CSV_HEADER);
            for table in &report.tables {
                let point = table.point.map(|p| p.to_string()).unwrap_or_default();
                let (doc, section) = table.source.as_ref().map(|s| (s.doc_title.as_str(), s.section.as_str())).unwrap_or(("", ""));
                for row in &table.rows {
                    for (column, cell) in table.columns.iter().zip(&row.cells) {
                        write(
                            &mut w,
                            [&report.kommune_name, &report.quarter, &table.moment, &point, &table.heading, &row.site, column, cell, doc, section, table.quote.as_deref().unwrap_or("")],
                        );
                    }
                }
            }
            for target in &report.targets {
                let results = if target.results.is_empty() { vec![(String::new(), t::REPORT_NOT_MEASURED.to_string(), None)] } else { target.results.clone() };
                for (point, measured, _) in results {
                    write(
                        &mut w,
                        [
                            &report.kommune_name,
                            &report.quarter,
                            t::moment_name(Moment::FollowUp),
                            &point,
                            t::REPORT_CSV_TARGET,
                            t::REPORT_ALL_SITES,
                            &target.target,
                            &measured,
                            &target.source.doc_title,
                            &target.source.section,
                            &target.quote,
                        ],
                    );
                }
            }
            if let Err(e) = w.flush() {
                tracing::error!("writing the report's CSV failed: {e}");
            }
        }
        Ok((t::report_file_name(&access.kommune, &report.quarter), out))
    }

    /// The figures of one group (a moment, and for a follow-up one point) as entries of the
    /// report's [`Figures`].
    struct Group<'a> {
        moment: &'a MomentPlan,
        point: u32,
        /// Per site (in `sites` order), then the municipality: responses and unused codes.
        answered: Vec<usize>,
        unused: Vec<usize>,
        /// Per question: per site and then the municipality, per answer (the set's, then
        /// "unanswered").
        questions: Vec<Vec<Vec<usize>>>,
    }

    /// Builds every table and target line of a quarter from its counts, suppressing small
    /// counts across all of them at once ([`Figures`]).
    pub fn build(plan: &KommuneEvaluation, sites: &[&BookingSite], tallies: &Tallies) -> (Vec<ReportTable>, Vec<TargetLine>) {
        let mut f = Figures::default();
        // With one site, its rows would repeat the municipality's: only the total row is shown.
        let rows: Vec<Option<&str>> = if sites.len() > 1 { sites.iter().map(|s| Some(s.id.as_str())).chain([None]).collect() } else { vec![None] };
        let in_row = |row: Option<&str>, site: &str| row.is_none_or(|r| r == site);
        let issued = |row: Option<&str>, m: Moment| tallies.issued.iter().filter(|(s, mo, _, _)| *mo == m && in_row(row, s)).map(|x| x.3).sum::<u64>();
        let responses = |row: Option<&str>, m: Moment, p: u32| tallies.responses.iter().filter(|(s, mo, pt, _, _)| *mo == m && *pt == p && in_row(row, s)).map(|x| x.4).sum::<u64>();
        let answers = |row: Option<&str>, m: Moment, p: u32, q: &str, a: &str| {
            tallies.answers.iter().filter(|(s, mo, pt, _, qu, an, _)| *mo == m && *pt == p && qu == q && an == a && in_row(row, s)).map(|x| x.6).sum::<u64>()
        };
        // A column: the rows' entries, the last (the municipality's) their sum when there are sites.
        let column = |f: &mut Figures, entries: &[usize]| {
            if entries.len() > 1 {
                f.line(entries.to_vec());
            }
        };
        let mut handed: HashMap<Moment, Vec<usize>> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        for moment in &plan.moments {
            let handed_entries: Vec<usize> = rows.iter().map(|r| f.add(issued(*r, moment.moment))).collect();
            column(&mut f, &handed_entries);
            handed.insert(moment.moment, handed_entries.clone());
            let points: Vec<u32> = if moment.moment == Moment::FollowUp { plan.points().to_vec() } else { vec![0] };
            for point in points {
                let answered: Vec<usize> = rows.iter().map(|r| f.add(responses(*r, moment.moment, point))).collect();
                let unused: Vec<usize> = rows.iter().zip(&handed_entries).zip(&answered).map(|((_, h), a)| f.add(f.value(*h).saturating_sub(f.value(*a)))).collect();
                for i in 0..rows.len() {
                    f.line(vec![answered[i], unused[i], handed_entries[i]]);
                }
                column(&mut f, &answered);
                column(&mut f, &unused);
                let mut questions = Vec::new();
                for q in &moment.questions {
                    let per_row: Vec<Vec<usize>> = rows
                        .iter()
                        .zip(&answered)
                        .map(|(r, total)| {
                            let mut cells: Vec<usize> = q.answers.answers().iter().map(|a| f.add(answers(*r, moment.moment, point, &q.id, a))).collect();
                            let given: u64 = cells.iter().map(|e| f.value(*e)).sum();
                            cells.push(f.add(f.value(*total).saturating_sub(given)));
                            let mut line = cells.clone();
                            line.push(*total);
                            f.line(line);
                            cells
                        })
                        .collect();
                    for a in 0..=q.answers.answers().len() {
                        column(&mut f, &per_row.iter().map(|r| r[a]).collect::<Vec<_>>());
                    }
                    questions.push(per_row);
                }
                groups.push(Group { moment, point, answered, unused, questions });
            }
        }
        let shown = f.suppress();
        let cell = |e: usize| match shown[e] {
            Shown::Count(n) => n.to_string(),
            Shown::Suppressed => t::REPORT_HIDDEN.to_string(),
        };
        let row_name = |r: Option<&str>| match r {
            Some(id) => sites.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string()),
            None => t::REPORT_ALL_SITES.to_string(),
        };
        let mut tables = Vec::new();
        for g in &groups {
            let moment_name = t::moment_name(g.moment.moment).to_string();
            let point = (g.moment.moment == Moment::FollowUp).then_some(g.point);
            let handed_entries = &handed[&g.moment.moment];
            tables.push(ReportTable {
                moment: moment_name.clone(),
                point,
                heading: t::REPORT_RATES_HEADING.to_string(),
                source: Some(g.moment.source.clone()),
                quote: Some(g.moment.quote.clone()),
                columns: [t::REPORT_HANDED_OUT, t::REPORT_ANSWERED, t::REPORT_NOT_ANSWERED, t::REPORT_RATE].map(str::to_string).to_vec(),
                rows: rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| ReportRow {
                        site: row_name(*r),
                        cells: vec![
                            cell(handed_entries[i]),
                            cell(g.answered[i]),
                            cell(g.unused[i]),
                            share(shown[g.answered[i]], shown[handed_entries[i]]).map(|s| format!("{s} %")).unwrap_or_else(|| t::REPORT_NOT_SHOWN.to_string()),
                        ],
                        total: r.is_none(),
                    })
                    .collect(),
            });
            for (q, per_row) in g.moment.questions.iter().zip(&g.questions) {
                let mut columns: Vec<String> = q.answers.answers().iter().map(|a| t::answer_name(q.answers, a).to_string()).collect();
                columns.push(t::answer_name(q.answers, UNANSWERED).to_string());
                columns.push(t::REPORT_TOTAL.to_string());
                tables.push(ReportTable {
                    moment: moment_name.clone(),
                    point,
                    heading: q.text.clone(),
                    source: Some(q.source.clone()),
                    quote: Some(q.quote.clone()),
                    columns,
                    rows: rows
                        .iter()
                        .enumerate()
                        .map(|(i, r)| ReportRow {
                            site: row_name(*r),
                            cells: per_row[i].iter().chain([&g.answered[i]]).map(|e| cell(*e)).collect(),
                            total: r.is_none(),
                        })
                        .collect(),
                });
            }
        }
        let municipality = rows.len() - 1;
        let targets = plan
            .targets
            .iter()
            .map(|target| {
                let results: Vec<(String, String, Option<bool>)> = match &target.measure {
                    None => Vec::new(),
                    Some(m) => groups
                        .iter()
                        .filter(|g| g.moment.moment == Moment::FollowUp)
                        .filter_map(|g| {
                            let (qi, q) = g.moment.questions.iter().enumerate().find(|(_, q)| q.answers == AnswerSet::UseNow)?;
                            let parts: Vec<Shown> = m
                                .counts
                                .iter()
                                .filter_map(|a| q.answers.answers().iter().position(|x| x == a))
                                .map(|a| shown[g.questions[qi][municipality][a]])
                                .collect();
                            let whole = shown[g.answered[municipality]];
                            let part = parts.iter().try_fold(0u64, |sum, s| s.count().map(|n| sum + n));
                            let line = match (part, whole) {
                                (Some(part), Shown::Count(whole)) if whole > 0 => {
                                    let pct = share(Shown::Count(part), Shown::Count(whole)).unwrap_or(0);
                                    let met = if m.at_least { pct >= u64::from(m.percent) } else { pct <= u64::from(m.percent) };
                                    (t::measured(pct, part, whole), Some(met))
                                }
                                _ => (t::REPORT_TOO_FEW.to_string(), None),
                            };
                            Some((t::point_heading(g.point), line.0, line.1))
                        })
                        .collect(),
                };
                TargetLine {
                    text: target.outcome.text.clone(),
                    target: target.measure.as_ref().map(|m| t::target_value(m.percent, m.at_least)).unwrap_or_else(|| target.outcome.value.clone().unwrap_or_default()),
                    source: target.outcome.source.clone(),
                    quote: target.outcome.quote.clone(),
                    measured: target.measure.is_some(),
                    results,
                }
            })
            .collect();
        (tables, targets)
    }
}
