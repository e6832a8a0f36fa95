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
    /// Said beside the rule in the guide's result where it holds only in part (for one of
    /// the two substances a person uses).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// The substance it holds for, where it holds for one only.
    #[serde(default)]
    pub only_for: Option<crate::domain::rights::SubstanceKind>,
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
    /// The rule (`scope/id`) that wins over this one if it applies, which the same questions
    /// decide.
    #[serde(default)]
    pub unless_rule: Option<String>,
}

/// A rule that does not apply, and why, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExcludedRule {
    pub rule: RuleView,
    pub reason: String,
    /// The questions whose answers the reason rests on.
    #[serde(default)]
    pub because_answers: Vec<Question>,
    /// The rules (`scope/id`) the reason names: the winner (for a person who uses both
    /// substances, the winner for each), or the limiting rule.
    #[serde(default)]
    pub because_rules: Vec<String>,
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
    use crate::domain::claims::{AppealRoute, Holds, Offered};
    use crate::domain::rights::{verdict, weigh, Audience, Reason, Role, Substance, SubstanceKind, Verdict, Weighed};
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
        RuleView { scope: r.scope.to_string(), id: r.id.clone(), topic: r.topic, title: r.title.clone(), fact: r.fact.clone(), qualifier: None, only_for: None }
    }

    fn maybe(r: &Rule, depends_on: Vec<Question>) -> MaybeRule {
        MaybeRule { rule: view(r), depends_on, unless_rule: None }
    }

    /// Whether a rule offers anonymity (a treatment course, or counselling and contact).
    fn offers_anonymity(r: &Rule) -> bool {
        r.claims.anonymity == Some(Offered::Offered) || r.claims.anonymous_counselling == Some(Offered::Offered)
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
            .map(|topic| TopicSummary { topic, rules: rules_of(k).filter(|r| on_page(r, topic)).count() })
            .collect();
        RightsOverview { kommune: header(k), topics }
    }

    /// Whether a rule belongs on a topic's page: its own topic, and on the free-choice page
    /// also the rules on what choosing another site does to the guarantee.
    fn on_page(r: &Rule, topic: Topic) -> bool {
        r.topic == topic || (topic == Topic::FreeChoice && r.claims.guarantee_if_other_site.is_some())
    }

    pub fn topic(k: Kommune, topic: Topic) -> TopicPage {
        let local: Vec<RuleView> = content().kommune_rules(k).filter(|r| on_page(r, topic)).map(view).collect();
        let law: Vec<RuleView> = content().law_rules().filter(|r| on_page(r, topic)).map(view).collect();
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
        let logic = logic_of(&ordered, as_read);
        let mut weighed = weigh(&logic, s);
        // Anonymity asked for but offered by no rule (Thisted below 18): the other rules are
        // weighed as for treatment with a name, so no reason rests on the overruled answer.
        let offering: Vec<usize> = (0..ordered.len()).filter(|i| offers_anonymity(ordered[*i])).collect();
        if s.anonymous == Some(true) && !offering.is_empty() && offering.iter().all(|i| matches!(weighed[*i].verdict, Verdict::DoesNotApply(_))) {
            let who = content().who_may_book(k);
            let by = offering.iter().copied().find(|i| ordered[*i].key() == who.key()).or_else(|| offering.iter().copied().find(|i| ordered[*i].scope == k.slug())).unwrap_or(offering[0]);
            let named = Situation { anonymous: Some(false), ..s.clone() };
            let again = weigh(&logic, &named);
            for (i, w) in again.into_iter().enumerate() {
                if offering.contains(&i) {
                    continue;
                }
                // A rule for anonymous treatment only: its reason is the rule that rules anonymity out.
                weighed[i] = if matches!(&w.verdict, Verdict::DoesNotApply(r) if r.rests_on_anonymity()) {
                    Weighed { verdict: Verdict::DoesNotApply(Reason::AnonymityUnavailable { by: ordered[by].title.clone(), at: by }), ..w }
                } else {
                    w
                };
            }
            result.notices.push(CitedText { text: t::anonymity_unavailable(s.role, &ordered[by].title), source: ordered[by].fact.source.clone() });
        }
        let verdict_of = |rule: &Rule| -> Verdict {
            match ordered.iter().position(|r| r.scope == rule.scope && r.id == rule.id) {
                Some(i) => weighed[i].verdict.clone(),
                // A notice may cite another municipality's rule: weighed on its own conditions.
                None => verdict(rule.topic, &rule.when, &rule.unless, s),
            }
        };
        for (r, w) in ordered.iter().zip(&weighed) {
            let mut shown = view(r);
            if let (Some(kind), Some(by)) = (w.only_for, w.narrowed_by) {
                shown.qualifier = Some(t::only_for(kind, &ordered[by].title));
                shown.only_for = Some(kind);
            }
            match w.verdict.clone() {
                Verdict::Applies if r.topic.audience() == Audience::Relatives && s.role == Some(Role::Relative) => result.for_relative.push(shown),
                Verdict::Applies => result.applies.push(shown),
                Verdict::MayApply(depends_on) => {
                    if let Some(by) = w.unless_rule {
                        shown.qualifier = Some(t::unless_rule(&ordered[by].title));
                    }
                    result.may_apply.push(MaybeRule { rule: shown, depends_on, unless_rule: w.unless_rule.map(|i| ordered[i].key()) })
                }
                Verdict::DoesNotApply(reason) => {
                    let because_rules = reason.rules().into_iter().map(|i| ordered[i].key()).collect();
                    result.not_apply.push(ExcludedRule { rule: shown, reason: t::reason_text(&reason, s), because_answers: reason.answers(), because_rules })
                }
            }
        }
        let claims_in_play = ClaimsInPlay::of(&ordered, &weighed, s);
        result.next_steps = next_steps(k, s, &verdict_of, &claims_in_play, &mut result.notices);
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
    /// What the weighed claims say about the steps: a rule that applies to every substance the
    /// person uses and says the step is closed closes it; one that may apply is a condition.
    struct ClaimsInPlay {
        appeal_closed: bool,
        appeal_maybe_closed: Vec<MaybeRule>,
        guarantee_lapsed: bool,
        guarantee_maybe_lapsed: Vec<MaybeRule>,
    }

    impl ClaimsInPlay {
        fn of(rules: &[&Rule], weighed: &[Weighed], s: &Situation) -> ClaimsInPlay {
            let everyone = crate::domain::rights::cells(&Default::default(), s);
            let mut c = ClaimsInPlay { appeal_closed: false, appeal_maybe_closed: Vec::new(), guarantee_lapsed: false, guarantee_maybe_lapsed: Vec::new() };
            for (r, w) in rules.iter().zip(weighed) {
                let whole = everyone.iter().all(|k| w.cells.contains(k));
                let closes_appeal = r.claims.appeal == Some(AppealRoute::None);
                let lapses = r.claims.guarantee == Some(Holds::DoesNotApply);
                match &w.verdict {
                    Verdict::Applies if whole => {
                        c.appeal_closed |= closes_appeal;
                        c.guarantee_lapsed |= lapses;
                    }
                    Verdict::Applies | Verdict::MayApply(_) => {
                        let depends_on = match &w.verdict {
                            Verdict::MayApply(q) => q.clone(),
                            _ => Vec::new(),
                        };
                        if closes_appeal {
                            c.appeal_maybe_closed.push(maybe(r, depends_on.clone()));
                        }
                        if lapses {
                            c.guarantee_maybe_lapsed.push(maybe(r, depends_on));
                        }
                    }
                    Verdict::DoesNotApply(_) => {}
                }
            }
            c
        }
    }

    fn next_steps(k: Kommune, s: &Situation, verdict_of: &dyn Fn(&Rule) -> Verdict, claims: &ClaimsInPlay, notices: &mut Vec<CitedText>) -> Vec<StepView> {
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
                conditions.push(maybe(who, depends_on));
            }
            for notice in content().booking_notice_rules(k) {
                if notice.when.is_empty() || (notice.scope == who.scope && notice.id == who.id) {
                    continue;
                }
                match verdict_of(notice) {
                    Verdict::Applies => conditions.push(maybe(notice, Vec::new())),
                    Verdict::MayApply(depends_on) => conditions.push(maybe(notice, depends_on)),
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
        // The number and who answers it (the site, or Thisted's visitation, which takes every
        // application); without a number, the site's description. A site whose own ages exclude
        // the person is not suggested: the description, cited, says who it is for.
        let phone = page.phone.as_ref().and_then(|p| Some((crate::domain::contact::phone_shown(&p.text)?, p)));
        let contact = match phone {
            Some((number, p)) if page.phone_reaches.is_some() || page.site_takes(s.age) => {
                Some(CitedText { text: t::contact_phone(page.phone_answered_by(), &number), source: p.source.clone() })
            }
            _ => page.site_takes(s.age).then(|| page.site_about.clone()),
        };
        match contact {
            Some(because) => steps.push(StepView { step: NextStep::ContactSite, because, conditions: Vec::new() }),
            None => notices.push(CitedText { text: t::site_not_for_age(&page.site_name, &page.site_about.text), source: page.site_about.source.clone() }),
        }
        if let Some(g) = &rights.guarantee {
            let text = match g.clock_starts {
                ClockStart::Contact => t::guarantee_counts_from_contact(k.short_name(), g.days),
                ClockStart::Attendance => t::guarantee_counts_from_attendance(k.short_name(), g.days),
                ClockStart::Application => t::guarantee_counts_from_application(k.short_name(), g.days),
            };
            if !claims.guarantee_lapsed {
                steps.push(StepView { step: NextStep::Deadlines, because: CitedText { text, source: g.source.clone() }, conditions: claims.guarantee_maybe_lapsed.clone() });
            }
        }
        let complaint = match &rights.complaint {
            Some(c) => Some(CitedText { text: t::complain_within(&c.wording), source: c.source.clone() }),
            None => content().kommune_rules(k).find(|r| r.topic == Topic::Complaints).map(|r| CitedText { text: r.title.clone(), source: r.fact.source.clone() }),
        };
        if let Some(because) = complaint.filter(|_| !claims.appeal_closed) {
            steps.push(StepView { step: NextStep::Complain, because, conditions: claims.appeal_maybe_closed.clone() });
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
