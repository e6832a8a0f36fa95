//! Rights pages: the overview, one page per topic, the guide's result and the deadline
//! calculator. Everything is read from the reviewed content files and computed on the
//! server; nothing a person types is stored or logged.

use crate::content::{CitedText, Citation, SourceDocument};
use crate::domain::rights::{Question, Situation, Topic};
use serde::{Deserialize, Serialize};

/// The municipality a rights page is about, with what the page frame shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RightsKommune {
    pub slug: String,
    pub site_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One rule as shown: title and text with its citation. (A reviewer's note stays in the content
/// file: it is written for the content's authors, not for citizens.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleView {
    /// `faelles` for the law, otherwise the municipality's slug.
    pub scope: String,
    pub id: String,
    pub topic: Topic,
    pub title: String,
    pub fact: CitedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicSummary {
    pub topic: Topic,
    pub rules: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RightsOverview {
    pub kommune: RightsKommune,
    pub topics: Vec<TopicSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicPage {
    pub kommune: RightsKommune,
    pub topic: Topic,
    /// The municipality's own rules on the topic.
    pub local: Vec<RuleView>,
    /// What the law says on the topic.
    pub law: Vec<RuleView>,
    pub sources: Vec<SourceDocument>,
}

/// A rule that may apply, and the unanswered questions it depends on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MaybeRule {
    pub rule: RuleView,
    pub depends_on: Vec<Question>,
}

/// A rule that does not apply, and why, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExcludedRule {
    pub rule: RuleView,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextStep {
    /// Book an anonymous clarifying conversation: offered only where the municipality's rule on
    /// who may book does not rule the person out.
    BookAnonymous,
    /// Book a relative's anonymous talk: only where the municipality offers them.
    BookRelatives,
    /// Read what the municipality offers relatives, where it offers no talk to book.
    ReadRelatives,
    ContactSite,
    Deadlines,
    Complain,
}

/// One thing the person can do now: what it is, the sentence that says why, with its citation,
/// and the rules the person must know before doing it (the duty to notify, an age limit that an
/// unanswered question leaves open).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub step: NextStep,
    pub because: CitedText,
    pub conditions: Vec<MaybeRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideResult {
    pub kommune: RightsKommune,
    /// For a relative: the rules for relatives that apply to them.
    pub for_relative: Vec<RuleView>,
    pub applies: Vec<RuleView>,
    pub may_apply: Vec<MaybeRule>,
    pub not_apply: Vec<ExcludedRule>,
    /// Said before the rules, e.g. that a standard covers only drug treatment.
    pub notices: Vec<CitedText>,
    pub next_steps: Vec<StepView>,
    pub sources: Vec<SourceDocument>,
}

impl GuideResult {
    /// Whether the result offers this step.
    pub fn offers(&self, step: NextStep) -> bool {
        self.next_steps.iter().any(|s| s.step == step)
    }
}

/// One calculation: the date asked for, and the answer or the reason it could not be given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calculation {
    /// The date field's label, which names the day the municipality counts from.
    pub question: String,
    /// The field's name in the query string.
    pub field: String,
    /// What was typed, to show it again.
    pub input: String,
    pub outcome: Option<Result<DeadlineAnswer, String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadlineAnswer {
    /// "Behandlingen skal være sat i gang senest mandag den 7. december 2026."
    pub sentence: String,
    /// "Det er om 14 dage."
    pub days_left: String,
    /// The rule the date is computed from.
    pub source: Citation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadlinesPage {
    pub kommune: RightsKommune,
    /// How this municipality counts the guarantee's days.
    pub guarantee_explained: String,
    pub guarantee: Option<Calculation>,
    pub guarantee_rules: Vec<RuleView>,
    /// `None` where the standard gives no deadline; then `complaint_missing` says what to do.
    pub complaint: Option<Calculation>,
    pub complaint_missing: Option<String>,
    /// Kinds of complaint without deadline, and where a maintained decision goes.
    pub complaint_extras: Vec<String>,
    pub complaint_rules: Vec<RuleView>,
    pub sources: Vec<SourceDocument>,
}

/// The query-string names of the calculator's date fields.
pub const FIELD_GUARANTEE: &str = "henvendt";
pub const FIELD_COMPLAINT: &str = "afgoerelse";

/// The rights overview of `kommune`, or `None` for a municipality the portal does not serve.
pub fn rights_overview(kommune: &str) -> Option<RightsOverview> {
    crate::content::find_kommune(kommune).map(logic::overview)
}

pub fn rights_topic(kommune: &str, topic: &str) -> Option<TopicPage> {
    match (crate::content::find_kommune(kommune), Topic::from_slug(topic)) {
        (Some(k), Some(t)) => Some(logic::topic(k, t)),
        _ => None,
    }
}

pub fn guide_result(kommune: &str, situation: &Situation) -> Option<GuideResult> {
    crate::content::find_kommune(kommune).map(|k| logic::guide(k, situation))
}

/// The deadline calculator for `kommune` with the dates typed (if any), counted from today.
pub fn deadlines(kommune: &str, guarantee_from: Option<&str>, decision: Option<&str>) -> Option<DeadlinesPage> {
    let today = crate::clock::today();
    crate::content::find_kommune(kommune).map(|k| logic::deadlines(k, guarantee_from, decision, today))
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::content::{content, logic_of, Rule, TalkPurpose};
    use crate::text::dates::long_date;
    use crate::domain::deadlines::{days_left, last_day, parse_date, ClockStart, CountedFrom, DateError, MustBe};
    use crate::domain::kommune::Kommune;
    use crate::domain::rights::{evaluate, verdict, Audience, Role, Substance, SubstanceKind, Verdict};
    use crate::text::t;
    use chrono::NaiveDate;

    fn header(k: Kommune) -> RightsKommune {
        let page = content().kommune(k);
        RightsKommune {
            slug: k.slug().to_string(),
            site_name: page.site_name.clone(),
            phone: page.phone.as_ref().map(|f| f.text.clone()),
            email: page.email.as_ref().map(|f| f.text.clone()),
        }
    }

    fn view(r: &Rule) -> RuleView {
        RuleView { scope: r.scope.to_string(), id: r.id.clone(), topic: r.topic, title: r.title.clone(), fact: r.fact.clone() }
    }

    /// The documents behind a list of citations, in the order of documents.toml.
    fn sources<'a>(cited: impl IntoIterator<Item = &'a Citation>) -> Vec<SourceDocument> {
        let ids: Vec<&str> = cited.into_iter().map(|c| c.doc_id.as_str()).collect();
        content().documents().iter().filter(|d| ids.contains(&d.id.as_str())).cloned().collect()
    }

    /// A municipality's rules followed by the law's, the order every rights page uses.
    fn rules_of(k: Kommune) -> impl Iterator<Item = &'static Rule> {
        content().kommune_rules(k).chain(content().law_rules())
    }

    pub fn overview(k: Kommune) -> RightsOverview {
        let topics = Topic::ALL
            .into_iter()
            .map(|topic| TopicSummary { topic, rules: rules_of(k).filter(|r| r.topic == topic).count() })
            .collect();
        RightsOverview { kommune: header(k), topics }
    }

    pub fn topic(k: Kommune, topic: Topic) -> TopicPage {
        let local: Vec<RuleView> = content().kommune_rules(k).filter(|r| r.topic == topic).map(view).collect();
        let law: Vec<RuleView> = content().law_rules().filter(|r| r.topic == topic).map(view).collect();
        let sources = sources(local.iter().chain(&law).map(|r| &r.fact.source));
        TopicPage { kommune: header(k), topic, local, law, sources }
    }

    pub fn guide(k: Kommune, s: &Situation) -> GuideResult {
        let mut result = GuideResult {
            kommune: header(k),
            for_relative: Vec::new(),
            applies: Vec::new(),
            may_apply: Vec::new(),
            not_apply: Vec::new(),
            notices: Vec::new(),
            next_steps: Vec::new(),
            sources: Vec::new(),
        };
        let asking_for_alcohol = matches!(s.substance, Some(Substance::Alcohol | Substance::Both));
        // A standard that covers only drug treatment (Thisted) says nothing about alcohol: its
        // rules are read as rules for drugs, and the person is told so.
        let drugs_only = content().kommune_rights(k).scope.as_ref().filter(|scope| !scope.alcohol && scope.drugs);
        if let (Some(scope), true) = (drugs_only, asking_for_alcohol) {
            result.notices.push(CitedText { text: t::scope_notice(k.name(), k.short_name()), source: scope.source.clone() });
        }
        // Rules in topic order, so each list reads like the overview.
        let mut ordered: Vec<&Rule> = rules_of(k).collect();
        ordered.sort_by_key(|r| Topic::ALL.iter().position(|t| *t == r.topic));
        let as_read = |r: &Rule| {
            let mut when = r.when.clone();
            if drugs_only.is_some() && r.scope == k.slug() && when.substance.is_none() {
                when.substance = Some(SubstanceKind::Drugs);
            }
            when
        };
        let verdicts = evaluate(&logic_of(&ordered, as_read), s);
        let verdict_of = |rule: &Rule| -> Verdict {
            match ordered.iter().position(|r| r.scope == rule.scope && r.id == rule.id) {
                Some(i) => verdicts[i].clone(),
                // A notice may cite another municipality's rule: weighed on its own conditions.
                None => verdict(rule.topic, &rule.when, &rule.unless, s),
            }
        };
        for (r, v) in ordered.iter().zip(&verdicts) {
            match v.clone() {
                Verdict::Applies if r.topic.audience() == Audience::Relatives && s.role == Some(Role::Relative) => {
                    result.for_relative.push(view(r))
                }
                Verdict::Applies => result.applies.push(view(r)),
                Verdict::MayApply(depends_on) => result.may_apply.push(MaybeRule { rule: view(r), depends_on }),
                Verdict::DoesNotApply(reason) => {
                    result.not_apply.push(ExcludedRule { rule: view(r), reason: t::reason_text(&reason, s) })
                }
            }
        }
        result.next_steps = next_steps(k, s, &verdict_of);
        let cited: Vec<&Citation> = result
            .notices
            .iter()
            .map(|n| &n.source)
            .chain(result.next_steps.iter().map(|step| &step.because.source))
            .chain(result.next_steps.iter().flat_map(|step| step.conditions.iter().map(|c| &c.rule.fact.source)))
            .chain(result.for_relative.iter().chain(&result.applies).map(|r| &r.fact.source))
            .chain(result.may_apply.iter().map(|m| &m.rule.fact.source))
            .chain(result.not_apply.iter().map(|e| &e.rule.fact.source))
            .collect();
        result.sources = sources(cited);
        result
    }

    /// What the person can do now, each step open to them and cited. A step the answers rule
    /// out is left out; a step that depends on an unanswered question carries the rule it
    /// depends on; the booking carries every rule of the booking page that the answers bring
    /// into play (the duty to notify when there are children at home).
    fn next_steps(k: Kommune, s: &Situation, verdict_of: &dyn Fn(&Rule) -> Verdict) -> Vec<StepView> {
        let page = content().kommune(k);
        let rights = content().kommune_rights(k);
        let site = content().booking_site(k);
        let offers = |purpose: TalkPurpose| site.is_some_and(|site| site.talks.iter().any(|t| t.purpose == purpose));
        let mut steps = Vec::new();
        let who = content().who_may_book(k);
        let who_verdict = verdict_of(who);
        if s.anonymous != Some(false) && offers(TalkPurpose::Clarifying) && !matches!(who_verdict, Verdict::DoesNotApply(_)) {
            let mut conditions = Vec::new();
            if let Verdict::MayApply(depends_on) = who_verdict {
                conditions.push(MaybeRule { rule: view(who), depends_on });
            }
            for notice in content().booking_notice_rules(k) {
                if notice.when.is_empty() || (notice.scope == who.scope && notice.id == who.id) {
                    continue;
                }
                match verdict_of(notice) {
                    Verdict::Applies => conditions.push(MaybeRule { rule: view(notice), depends_on: Vec::new() }),
                    Verdict::MayApply(depends_on) => conditions.push(MaybeRule { rule: view(notice), depends_on }),
                    Verdict::DoesNotApply(_) => {}
                }
            }
            steps.push(StepView { step: NextStep::BookAnonymous, because: CitedText { text: who.title.clone(), source: who.fact.source.clone() }, conditions });
        }
        if s.role == Some(Role::Relative) {
            match (&rights.relative_talks, offers(TalkPurpose::Relative)) {
                (Some(talks), true) => steps.push(StepView {
                    step: NextStep::BookRelatives,
                    because: CitedText { text: t::relatives_talks_offered(talks.max), source: talks.source.clone() },
                    conditions: Vec::new(),
                }),
                _ => {
                    let about = page.relatives.clone().or_else(|| {
                        rules_of(k).find(|r| r.topic == Topic::Relatives).map(|r| CitedText { text: r.title.clone(), source: r.fact.source.clone() })
                    });
                    if let Some(because) = about {
                        steps.push(StepView { step: NextStep::ReadRelatives, because, conditions: Vec::new() });
                    }
                }
            }
        }
        let contact = page.phone.clone().map(|p| CitedText { text: t::contact_phone(&page.site_name, &p.text), source: p.source }).unwrap_or_else(|| page.site_about.clone());
        steps.push(StepView { step: NextStep::ContactSite, because: contact, conditions: Vec::new() });
        if let Some(g) = &rights.guarantee {
            let text = match g.clock_starts {
                ClockStart::Contact => t::guarantee_counts_from_contact(k.short_name(), g.days),
                ClockStart::Attendance => t::guarantee_counts_from_attendance(k.short_name(), g.days),
                ClockStart::Application => t::guarantee_counts_from_application(k.short_name(), g.days),
            };
            steps.push(StepView { step: NextStep::Deadlines, because: CitedText { text, source: g.source.clone() }, conditions: Vec::new() });
        }
        let complaint = match &rights.complaint {
            Some(c) => Some(CitedText { text: t::complain_within(&c.wording), source: c.source.clone() }),
            None => content().kommune_rules(k).find(|r| r.topic == Topic::Complaints).map(|r| CitedText { text: r.title.clone(), source: r.fact.source.clone() }),
        };
        if let Some(because) = complaint {
            steps.push(StepView { step: NextStep::Complain, because, conditions: Vec::new() });
        }
        steps
    }

    fn date_error(e: DateError) -> String {
        match e {
            DateError::Malformed => t::ERR_DATE_MALFORMED,
            DateError::NoSuchDay => t::ERR_DATE_NO_SUCH_DAY,
            DateError::InTheFuture => t::ERR_DATE_FUTURE,
            DateError::TooOld => t::ERR_DATE_TOO_OLD,
        }
        .to_string()
    }

    /// Runs one calculation on what was typed: nothing typed, nothing computed.
    fn calculate(
        question: &str,
        field: &str,
        input: Option<&str>,
        today: NaiveDate,
        answer: impl Fn(NaiveDate) -> DeadlineAnswer,
    ) -> Calculation {
        let input = input.unwrap_or("").chars().take(40).collect::<String>();
        let outcome = (!input.trim().is_empty()).then(|| parse_date(&input, today).map(answer).map_err(date_error));
        Calculation { question: question.to_string(), field: field.to_string(), input, outcome }
    }

    pub fn deadlines(k: Kommune, guarantee_from: Option<&str>, decision: Option<&str>, today: NaiveDate) -> DeadlinesPage {
        let rights = content().kommune_rights(k);
        let short = k.short_name();
        let (guarantee_explained, guarantee) = match &rights.guarantee {
            Some(g) => {
                let (question, explained) = match g.clock_starts {
                    ClockStart::Contact => (t::GUARANTEE_Q_CONTACT, t::guarantee_counts_from_contact(short, g.days)),
                    ClockStart::Attendance => (t::GUARANTEE_Q_ATTENDANCE, t::guarantee_counts_from_attendance(short, g.days)),
                    ClockStart::Application => (t::GUARANTEE_Q_APPLICATION, t::guarantee_counts_from_application(short, g.days)),
                };
                let calc = calculate(question, FIELD_GUARANTEE, guarantee_from, today, |from| {
                    let last = last_day(from, g.days);
                    DeadlineAnswer {
                        sentence: t::guarantee_result(&long_date(last)),
                        days_left: t::days_left_text(days_left(today, last)),
                        source: g.source.clone(),
                    }
                });
                (explained, Some(calc))
            }
            None => (t::guarantee_not_given(k.name()), None),
        };
        let (complaint, complaint_missing, complaint_extras) = match &rights.complaint {
            Some(c) => {
                let question = match c.counted_from {
                    CountedFrom::Received => t::COMPLAINT_Q_RECEIVED,
                    CountedFrom::Decision => t::COMPLAINT_Q_DECISION,
                };
                let calc = calculate(question, FIELD_COMPLAINT, decision, today, |from| {
                    let last = long_date(last_day(from, c.days));
                    let sentence = match c.must_be {
                        MustBe::Sent => t::complaint_result_sent(&last, &c.wording),
                        MustBe::Received => t::complaint_result_received(k.name(), &last, &c.wording),
                    };
                    DeadlineAnswer {
                        sentence,
                        days_left: t::days_left_text(days_left(today, last_day(from, c.days))),
                        source: c.source.clone(),
                    }
                });
                let mut extras = vec![t::complaint_appeal(&c.appeal_body)];
                if !c.no_deadline_for.is_empty() {
                    extras.push(t::complaint_no_deadline_for(&c.no_deadline_for.join(" og ")));
                }
                (Some(calc), None, extras)
            }
            None => (None, Some(t::complaint_not_given(k.name(), &content().kommune(k).site_name)), Vec::new()),
        };
        let guarantee_rules: Vec<RuleView> = rules_of(k).filter(|r| r.topic == Topic::Guarantee).map(view).collect();
        let complaint_rules: Vec<RuleView> = rules_of(k).filter(|r| r.topic == Topic::Complaints).map(view).collect();
        let mut cited: Vec<&Citation> = guarantee_rules.iter().chain(&complaint_rules).map(|r| &r.fact.source).collect();
        cited.extend(rights.guarantee.iter().map(|g| &g.source));
        cited.extend(rights.complaint.iter().map(|c| &c.source));
        let sources = sources(cited);
        DeadlinesPage {
            kommune: header(k),
            guarantee_explained,
            guarantee,
            guarantee_rules,
            complaint,
            complaint_missing,
            complaint_extras,
            complaint_rules,
            sources,
        }
    }
}
