//! "Hvad gælder for mig?": which rights rules apply to a person's situation, which may apply
//! (it depends on a question left unanswered), and which do not — and why.
//!
//! The rules themselves and their conditions are data (`app/content/rights/*.toml`, keys `when`
//! and `unless`); this module only evaluates them. It knows nothing of files or citations, so
//! it is tested here with made-up rules and in `app/tests/rights_guide.rs` with the real ones.

use super::claims::{Claims, Ground, Key};
use serde::{Deserialize, Serialize};

/// The topics of the rights pages. The slug is part of the public URL contract
/// (`/{kommune}/rettigheder/{emne}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Guarantee,
    FreeChoice,
    Anonymity,
    Complaints,
    Payment,
    Relatives,
    Children,
    DoctorsTalk,
    Talks,
    TargetGroup,
    Offers,
    FollowUp,
}

impl Topic {
    /// In the order the overview lists them: what people ask about most comes first.
    pub const ALL: [Topic; 12] = [
        Topic::Guarantee,
        Topic::FreeChoice,
        Topic::Anonymity,
        Topic::Complaints,
        Topic::Payment,
        Topic::Relatives,
        Topic::Children,
        Topic::DoctorsTalk,
        Topic::Talks,
        Topic::TargetGroup,
        Topic::Offers,
        Topic::FollowUp,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Topic::Guarantee => "behandlingsgaranti",
            Topic::FreeChoice => "frit-valg",
            Topic::Anonymity => "anonymitet",
            Topic::Complaints => "klage",
            Topic::Payment => "betaling",
            Topic::Relatives => "paaroerende",
            Topic::Children => "boern-i-familien",
            Topic::DoctorsTalk => "laegesamtale",
            Topic::Talks => "samtaler",
            Topic::TargetGroup => "maalgruppe",
            Topic::Offers => "behandlingstilbud",
            Topic::FollowUp => "opfoelgning",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// Relatives' rules are about the relative; every other rule is about the person who uses
    /// substances (whom a relative or professional answers the questions about).
    pub fn audience(self) -> Audience {
        match self {
            Topic::Relatives => Audience::Relatives,
            _ => Audience::Person,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Person,
    Relatives,
}

/// Who is asking. Query-string values: `selv`, `paaroerende`, `fagperson`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Myself,
    Relative,
    Professional,
}

/// The substances the person uses. Query-string values: `alkohol`, `stoffer`, `begge`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Substance {
    Alcohol,
    Drugs,
    Both,
}

/// What a rule's `substance` condition names: one kind of treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubstanceKind {
    Alcohol,
    Drugs,
}

impl SubstanceKind {
    /// The other kind.
    pub fn other(self) -> SubstanceKind {
        match self {
            SubstanceKind::Alcohol => SubstanceKind::Drugs,
            SubstanceKind::Drugs => SubstanceKind::Alcohol,
        }
    }
}

/// The answers to the guide's questions; `None` is "not answered" (every question is optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Situation {
    pub role: Option<Role>,
    pub substance: Option<Substance>,
    /// Age in years of the person who uses substances.
    pub age: Option<u8>,
    pub anonymous: Option<bool>,
    /// Gets other help from the municipality (social problems the § 101a test asks about).
    pub other_help: Option<bool>,
    pub medicine: Option<bool>,
    /// Pregnant, or children under 18 living at home.
    pub children: Option<bool>,
}

/// A rule's conditions as written in a rights file (`when = { … }` / `unless = { … }`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    pub substance: Option<SubstanceKind>,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub anonymous: Option<bool>,
    pub other_help: Option<bool>,
    pub medicine: Option<bool>,
    pub children: Option<bool>,
}

impl Conditions {
    pub fn list(&self) -> Vec<Condition> {
        let mut out = Vec::new();
        if let Some(s) = self.substance {
            out.push(Condition::Substance(s));
        }
        if let Some(a) = self.min_age {
            out.push(Condition::MinAge(a));
        }
        if let Some(a) = self.max_age {
            out.push(Condition::MaxAge(a));
        }
        if let Some(b) = self.anonymous {
            out.push(Condition::Anonymous(b));
        }
        if let Some(b) = self.other_help {
            out.push(Condition::OtherHelp(b));
        }
        if let Some(b) = self.medicine {
            out.push(Condition::Medicine(b));
        }
        if let Some(b) = self.children {
            out.push(Condition::Children(b));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.list().is_empty()
    }
}

/// One condition of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    Substance(SubstanceKind),
    MinAge(u8),
    MaxAge(u8),
    Anonymous(bool),
    OtherHelp(bool),
    Medicine(bool),
    Children(bool),
}

/// The guide's questions, in the order it asks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Question {
    Role,
    Substance,
    Age,
    Anonymous,
    OtherHelp,
    Medicine,
    Children,
}

impl Question {
    pub const ALL: [Question; 7] = [
        Question::Role,
        Question::Substance,
        Question::Age,
        Question::Anonymous,
        Question::OtherHelp,
        Question::Medicine,
        Question::Children,
    ];

    /// The query-string key that carries the answer.
    pub fn key(self) -> &'static str {
        match self {
            Question::Role => "rolle",
            Question::Substance => "rusmiddel",
            Question::Age => "alder",
            Question::Anonymous => "anonym",
            Question::OtherHelp => "anden-hjaelp",
            Question::Medicine => "medicin",
            Question::Children => "boern",
        }
    }

    /// 1-based screen number in the guide.
    pub fn step(self) -> usize {
        Question::ALL.iter().position(|q| *q == self).unwrap_or(0) + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    Holds,
    Fails,
    Unanswered,
}

impl Condition {
    pub fn question(self) -> Question {
        match self {
            Condition::Substance(_) => Question::Substance,
            Condition::MinAge(_) | Condition::MaxAge(_) => Question::Age,
            Condition::Anonymous(_) => Question::Anonymous,
            Condition::OtherHelp(_) => Question::OtherHelp,
            Condition::Medicine(_) => Question::Medicine,
            Condition::Children(_) => Question::Children,
        }
    }

    fn check(self, s: &Situation) -> Check {
        let answer = match self {
            Condition::Substance(kind) => s.substance.map(|used| match (used, kind) {
                (Substance::Both, _) => true,
                (Substance::Alcohol, SubstanceKind::Alcohol) | (Substance::Drugs, SubstanceKind::Drugs) => true,
                _ => false,
            }),
            Condition::MinAge(min) => s.age.map(|a| a >= min),
            Condition::MaxAge(max) => s.age.map(|a| a <= max),
            Condition::Anonymous(want) => s.anonymous.map(|a| a == want),
            Condition::OtherHelp(want) => s.other_help.map(|a| a == want),
            Condition::Medicine(want) => s.medicine.map(|a| a == want),
            Condition::Children(want) => s.children.map(|a| a == want),
        };
        match answer {
            Some(true) => Check::Holds,
            Some(false) => Check::Fails,
            None => Check::Unanswered,
        }
    }
}

/// Why a rule does not apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A `when` condition the answers do not meet.
    Requires(Condition),
    /// The answers meet every condition in `unless`.
    ExcludedBy(Vec<Condition>),
    /// A rule for relatives, and the person asking uses substances themselves.
    OnlyForRelatives,
    /// The rule holds only as far as another one does (content key `limits`), and that one
    /// does not apply, for the reason given.
    /// `at` is the limiting rule's position in the list weighed.
    Within { by: String, at: usize, because: Box<Reason> },
    /// Another rule that applies says otherwise on the same question, and the content declares
    /// that it wins (`overrides`): `by` is its title, `at` its position; `deciding` are the
    /// winner's own conditions that the answers meet and the overruled rule lacks (for
    /// `Ground::Specific`).
    ///
    /// `also` is set for a person who uses both substances where two rules share the card out:
    /// one (named in `also`, with the substance it holds for) had already won for one
    /// substance, and `by` wins for the other, so both are named.
    Overruled { by: String, at: usize, ground: Ground, deciding: Vec<Condition>, also: Option<AlsoOverruledBy> },
    /// The rule holds only for anonymous treatment, which the person asked for but cannot
    /// have: no rule that offers anonymity applies, for the reason the rule `by` (at `at`) gives.
    AnonymityUnavailable { by: String, at: usize },
}

/// The rule that won for one of a person's two substances, before another won for the other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlsoOverruledBy {
    pub by: String,
    pub at: usize,
    /// The substance it holds for.
    pub kind: SubstanceKind,
}

impl Reason {
    /// The questions whose answers decide this reason.
    pub fn answers(&self) -> Vec<Question> {
        match self {
            Reason::OnlyForRelatives => vec![Question::Role],
            Reason::Requires(c) => vec![c.question()],
            Reason::ExcludedBy(cs) => cs.iter().map(|c| c.question()).collect(),
            Reason::Within { because, .. } => because.answers(),
            Reason::Overruled { deciding, .. } => deciding.iter().map(|c| c.question()).collect(),
            Reason::AnonymityUnavailable { .. } => Vec::new(),
        }
    }

    /// The rule this reason names, by position, if it names one.
    pub fn rule(&self) -> Option<usize> {
        match self {
            Reason::Within { at, .. } | Reason::Overruled { at, .. } | Reason::AnonymityUnavailable { at, .. } => Some(*at),
            _ => None,
        }
    }

    /// Every rule this reason names, by position: the one of [`Reason::rule`] and, for a person
    /// who uses both substances, the one that won for the other substance.
    pub fn rules(&self) -> Vec<usize> {
        let also = match self {
            Reason::Overruled { also: Some(a), .. } => Some(a.at),
            _ => None,
        };
        self.rule().into_iter().chain(also).collect()
    }

    /// Whether the reason is, in the end, that the person asked for anonymity or did not.
    pub fn rests_on_anonymity(&self) -> bool {
        match self {
            Reason::Requires(Condition::Anonymous(_)) => true,
            Reason::ExcludedBy(cs) => cs.iter().any(|c| matches!(c, Condition::Anonymous(_))),
            Reason::Within { because, .. } => because.rests_on_anonymity(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Applies,
    /// It applies if the listed questions are answered one way; they were left unanswered.
    MayApply(Vec<Question>),
    DoesNotApply(Reason),
}

/// Evaluates one rule. An unanswered question never rules a rule out.
pub fn verdict(topic: Topic, when: &Conditions, unless: &Conditions, s: &Situation) -> Verdict {
    if topic.audience() == Audience::Relatives && s.role == Some(Role::Myself) {
        return Verdict::DoesNotApply(Reason::OnlyForRelatives);
    }
    let mut unanswered = Vec::new();
    for c in when.list() {
        match c.check(s) {
            Check::Fails => return Verdict::DoesNotApply(Reason::Requires(c)),
            Check::Unanswered => unanswered.push(c.question()),
            Check::Holds => {}
        }
    }
    let excluding = unless.list();
    if !excluding.is_empty() {
        let checks: Vec<Check> = excluding.iter().map(|c| c.check(s)).collect();
        if checks.iter().all(|c| *c == Check::Holds) {
            return Verdict::DoesNotApply(Reason::ExcludedBy(excluding));
        }
        if !checks.contains(&Check::Fails) {
            unanswered.extend(excluding.iter().zip(&checks).filter(|(_, c)| **c == Check::Unanswered).map(|(c, _)| c.question()));
        }
    }
    unanswered.sort_by_key(|q| q.step());
    unanswered.dedup();
    if unanswered.is_empty() {
        Verdict::Applies
    } else {
        Verdict::MayApply(unanswered)
    }
}

/// One rule as the guide weighs it: its topic and conditions, and the rules it holds only as far
/// as (their positions in the same list). The title names a limiting rule in a reason.
#[derive(Clone, Debug)]
pub struct RuleLogic {
    pub title: String,
    pub topic: Topic,
    pub when: Conditions,
    pub unless: Conditions,
    /// The rules this one holds only as far as: written on the limiting rule in the content
    /// (`limits = ["faelles/…"]`), turned round here.
    pub within: Vec<usize>,
    /// What the rule says, in the vocabulary of `claims`.
    pub claims: Claims,
    /// The rules that win over this one where both apply, and why (content key `overrides`,
    /// turned round here).
    pub overruled_by: Vec<(usize, Ground)>,
}

impl RuleLogic {
    /// A rule with no limits, claims or precedence: for tests and tools.
    pub fn plain(title: &str, topic: Topic, when: Conditions, unless: Conditions) -> RuleLogic {
        RuleLogic { title: title.into(), topic, when, unless, within: Vec::new(), claims: Claims::default(), overruled_by: Vec::new() }
    }
}

/// The substances a person's answer covers: both where unanswered.
fn substances_of(s: &Situation) -> Vec<SubstanceKind> {
    match s.substance {
        Some(Substance::Alcohol) => vec![SubstanceKind::Alcohol],
        Some(Substance::Drugs) => vec![SubstanceKind::Drugs],
        _ => vec![SubstanceKind::Alcohol, SubstanceKind::Drugs],
    }
}

/// The substances a rule speaks of for this person: a claim in a rule for alcohol says nothing
/// about drugs, so it cannot contradict a rule for drugs.
pub fn cells(when: &Conditions, s: &Situation) -> Vec<SubstanceKind> {
    substances_of(s).into_iter().filter(|k| when.substance.is_none_or(|w| w == *k)).collect()
}

/// Whether `winner`'s conditions are those of `loser` and more: the specific case of a general
/// rule (`Ground::Specific`).
pub fn is_more_specific(winner: &Conditions, loser: &Conditions) -> bool {
    let w = winner.list();
    let l = loser.list();
    l.iter().all(|c| w.contains(c)) && w.len() > l.len()
}

/// The guide's verdict on one rule, with what precedence did to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Weighed {
    pub verdict: Verdict,
    /// It holds for the person only for this substance: a rule that wins for the other one
    /// applies (a person who uses both, a general rule beside one for alcohol).
    pub only_for: Option<SubstanceKind>,
    /// The rule that holds for the other substance, where `only_for` is given.
    pub narrowed_by: Option<usize>,
    /// The rule that wins over this one where it applies, which an unanswered question leaves
    /// open: this one then may apply, unless that one does.
    pub unless_rule: Option<usize>,
    /// The substances the rule still speaks of for the person, after precedence.
    pub cells: Vec<SubstanceKind>,
}

/// Every rule weighed: conditions, limits, then precedence. A rule overruled by one that
/// applies does not apply, with the winner named; one overruled by a rule that may apply may
/// apply as well, on the same questions, unless that one does; where the winner speaks of only
/// one of the person's substances, the overruled rule still holds for the other.
pub fn weigh(rules: &[RuleLogic], s: &Situation) -> Vec<Weighed> {
    let base = evaluate_limits(rules, s);
    let mut done: Vec<Option<Weighed>> = vec![None; rules.len()];
    fn fin(i: usize, rules: &[RuleLogic], base: &[Verdict], s: &Situation, done: &mut Vec<Option<Weighed>>, path: &mut Vec<usize>) -> Weighed {
        if let Some(w) = &done[i] {
            return w.clone();
        }
        let mut me = Weighed { verdict: base[i].clone(), only_for: None, narrowed_by: None, unless_rule: None, cells: cells(&rules[i].when, s) };
        path.push(i);
        for &(by, ground) in &rules[i].overruled_by {
            if path.contains(&by) || by >= rules.len() || matches!(me.verdict, Verdict::DoesNotApply(_)) {
                continue;
            }
            let winner = fin(by, rules, base, s, done, path);
            let shared: Vec<SubstanceKind> = me.cells.iter().copied().filter(|c| winner.cells.contains(c)).collect();
            if shared.is_empty() || rules[by].claims.conflicts_with(&rules[i].claims).is_empty() {
                continue;
            }
            match winner.verdict {
                Verdict::DoesNotApply(_) => {}
                Verdict::Applies => {
                    me.cells.retain(|c| !shared.contains(c));
                    if me.cells.is_empty() {
                        let deciding = match ground {
                            Ground::Specific => {
                                let own = rules[i].when.list();
                                rules[by].when.list().into_iter().filter(|c| !own.contains(c)).collect()
                            }
                            _ => Vec::new(),
                        };
                        // A rule that already took the other substance is named as well, and
                        // the card, applying to neither, no longer says it holds for one.
                        let also = match (me.narrowed_by.take(), me.only_for.take()) {
                            (Some(first), Some(left)) => Some(AlsoOverruledBy { by: rules[first].title.clone(), at: first, kind: left.other() }),
                            _ => None,
                        };
                        me.verdict = Verdict::DoesNotApply(Reason::Overruled { by: rules[by].title.clone(), at: by, ground, deciding, also });
                    } else {
                        me.only_for = me.cells.first().copied();
                        me.narrowed_by = Some(by);
                    }
                }
                Verdict::MayApply(q) => {
                    let mut all = match &me.verdict {
                        Verdict::MayApply(own) => own.clone(),
                        _ => Vec::new(),
                    };
                    all.extend(q);
                    all.sort_by_key(|q| q.step());
                    all.dedup();
                    me.verdict = Verdict::MayApply(all);
                    me.unless_rule.get_or_insert(by);
                }
            }
        }
        path.pop();
        done[i] = Some(me.clone());
        me
    }
    (0..rules.len()).map(|i| fin(i, rules, &base, s, &mut done, &mut Vec::new())).collect()
}

/// Two rules that claim different values for one key where both apply to a person, and no
/// precedence between them: (first, second, keys). Rules that speak of different substances
/// never conflict.
pub fn undeclared_conflicts(rules: &[RuleLogic], s: &Situation) -> Vec<(usize, usize, Vec<Key>)> {
    conflicts_among(&weigh(rules, s), &conflicting_pairs(rules))
}

/// Every pair of rules whose claims differ on some key, wherever they apply: (first, second, keys).
pub fn conflicting_pairs(rules: &[RuleLogic]) -> Vec<(usize, usize, Vec<Key>)> {
    let mut out = Vec::new();
    for a in 0..rules.len() {
        for b in a + 1..rules.len() {
            let keys = rules[a].claims.conflicts_with(&rules[b].claims);
            if !keys.is_empty() {
                out.push((a, b, keys));
            }
        }
    }
    out
}

/// The pairs of `pairs` that both apply to the person, after precedence, on a shared substance.
pub fn conflicts_among(weighed: &[Weighed], pairs: &[(usize, usize, Vec<Key>)]) -> Vec<(usize, usize, Vec<Key>)> {
    pairs
        .iter()
        .filter(|(a, b, _)| {
            weighed[*a].verdict == Verdict::Applies
                && weighed[*b].verdict == Verdict::Applies
                && weighed[*a].cells.iter().any(|c| weighed[*b].cells.contains(c))
        })
        .cloned()
        .collect()
}

/// The first cycle of precedence (a rule that, through others, wins over itself), as positions.
pub fn precedence_cycle(rules: &[RuleLogic]) -> Option<Vec<usize>> {
    let as_limits: Vec<RuleLogic> = rules
        .iter()
        .map(|r| RuleLogic { within: r.overruled_by.iter().map(|(by, _)| *by).collect(), ..r.clone() })
        .collect();
    limit_cycle(&as_limits)
}

/// The verdict on every rule of a list, limits included. A rule that holds only as far as
/// another does not apply where that one does not (the first such one is the reason), and may
/// apply where that one may; the unanswered questions of both carry over. Content with a cycle
/// of limits is refused when it is loaded; here a cycle is cut, so this never loops.
pub fn evaluate(rules: &[RuleLogic], s: &Situation) -> Vec<Verdict> {
    weigh(rules, s).into_iter().map(|w| w.verdict).collect()
}

/// Conditions and limits, before precedence.
fn evaluate_limits(rules: &[RuleLogic], s: &Situation) -> Vec<Verdict> {
    let own: Vec<Verdict> = rules.iter().map(|r| verdict(r.topic, &r.when, &r.unless, s)).collect();
    let mut done: Vec<Option<Verdict>> = vec![None; rules.len()];
    fn effective(i: usize, rules: &[RuleLogic], own: &[Verdict], done: &mut Vec<Option<Verdict>>, path: &mut Vec<usize>) -> Verdict {
        if let Some(v) = &done[i] {
            return v.clone();
        }
        let mut v = own[i].clone();
        path.push(i);
        for &by in &rules[i].within {
            if path.contains(&by) || by >= rules.len() {
                continue;
            }
            let limiting = effective(by, rules, own, done, path);
            v = match (v, limiting) {
                (Verdict::DoesNotApply(reason), _) => Verdict::DoesNotApply(reason),
                (_, Verdict::DoesNotApply(because)) => {
                    Verdict::DoesNotApply(Reason::Within { by: rules[by].title.clone(), at: by, because: Box::new(because) })
                }
                (Verdict::Applies, Verdict::Applies) => Verdict::Applies,
                (Verdict::Applies, Verdict::MayApply(q)) | (Verdict::MayApply(q), Verdict::Applies) => Verdict::MayApply(q),
                (Verdict::MayApply(mut a), Verdict::MayApply(b)) => {
                    a.extend(b);
                    a.sort_by_key(|q| q.step());
                    a.dedup();
                    Verdict::MayApply(a)
                }
            };
        }
        path.pop();
        done[i] = Some(v.clone());
        v
    }
    (0..rules.len()).map(|i| effective(i, rules, &own, &mut done, &mut Vec::new())).collect()
}

/// The first cycle of limits in a list of rules, as positions, if there is one.
pub fn limit_cycle(rules: &[RuleLogic]) -> Option<Vec<usize>> {
    fn visit(i: usize, rules: &[RuleLogic], state: &mut [u8], path: &mut Vec<usize>) -> Option<Vec<usize>> {
        match state[i] {
            2 => return None,
            1 => {
                let from = path.iter().position(|p| *p == i).unwrap_or(0);
                return Some(path[from..].to_vec());
            }
            _ => {}
        }
        state[i] = 1;
        path.push(i);
        for &by in rules[i].within.iter().filter(|b| **b < rules.len()) {
            if let Some(cycle) = visit(by, rules, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state[i] = 2;
        None
    }
    let mut state = vec![0u8; rules.len()];
    (0..rules.len()).find_map(|i| visit(i, rules, &mut state, &mut Vec::new()))
}

/// Every situation the guide can be in, each answer also left unanswered. Ages are the bands the
/// rules draw (each limit, one below it and one above it) and one age with no limit near.
pub fn every_situation(rules: &[RuleLogic]) -> Vec<Situation> {
    let mut ages: Vec<Option<u8>> = vec![None, Some(30)];
    for r in rules {
        for c in r.when.list().into_iter().chain(r.unless.list()) {
            if let Condition::MinAge(a) | Condition::MaxAge(a) = c {
                ages.extend([a.checked_sub(1), Some(a), a.checked_add(1)].into_iter().flatten().map(Some));
            }
        }
    }
    ages.sort();
    ages.dedup();
    let roles = [None, Some(Role::Myself), Some(Role::Relative), Some(Role::Professional)];
    let substances = [None, Some(Substance::Alcohol), Some(Substance::Drugs), Some(Substance::Both)];
    let yes_no = [None, Some(true), Some(false)];
    let mut out = Vec::new();
    for role in roles {
        for substance in substances {
            for &age in &ages {
                for anonymous in yes_no {
                    for other_help in yes_no {
                        for medicine in yes_no {
                            for children in yes_no {
                                out.push(Situation { role, substance, age, anonymous, other_help, medicine, children });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// A problem with one answer in the query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerError {
    /// A value that is not one of the choices (a tampered or outdated link).
    UnknownChoice,
    AgeNotANumber,
    AgeOutOfRange,
}

/// The highest age the guide accepts; anything above is a typing error.
pub const MAX_AGE: u8 = 120;

/// Reads the guide's answers from query-string values. Empty values count as unanswered;
/// each bad value is reported against its question, and the other answers are still read.
pub fn read_answers(get: impl Fn(&str) -> Option<String>) -> (Situation, Vec<(Question, AnswerError)>) {
    let mut errors = Vec::new();
    let mut s = Situation::default();
    let value = |q: Question| get(q.key()).map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty());
    let yes_no = |q: Question, v: Option<String>, errors: &mut Vec<(Question, AnswerError)>| match v.as_deref() {
        None => None,
        Some("ja") => Some(true),
        Some("nej") => Some(false),
        Some(_) => {
            errors.push((q, AnswerError::UnknownChoice));
            None
        }
    };
    s.role = match value(Question::Role).as_deref() {
        None => None,
        Some("selv") => Some(Role::Myself),
        Some("paaroerende") => Some(Role::Relative),
        Some("fagperson") => Some(Role::Professional),
        Some(_) => {
            errors.push((Question::Role, AnswerError::UnknownChoice));
            None
        }
    };
    s.substance = match value(Question::Substance).as_deref() {
        None => None,
        Some("alkohol") => Some(Substance::Alcohol),
        Some("stoffer") => Some(Substance::Drugs),
        Some("begge") => Some(Substance::Both),
        Some(_) => {
            errors.push((Question::Substance, AnswerError::UnknownChoice));
            None
        }
    };
    s.age = match value(Question::Age) {
        None => None,
        Some(v) if v.len() > 3 && v.chars().all(|c| c.is_ascii_digit()) => {
            errors.push((Question::Age, AnswerError::AgeOutOfRange));
            None
        }
        Some(v) => match v.parse::<u16>() {
            Ok(a) if a <= MAX_AGE as u16 => Some(a as u8),
            Ok(_) => {
                errors.push((Question::Age, AnswerError::AgeOutOfRange));
                None
            }
            Err(_) => {
                errors.push((Question::Age, AnswerError::AgeNotANumber));
                None
            }
        },
    };
    s.anonymous = yes_no(Question::Anonymous, value(Question::Anonymous), &mut errors);
    s.other_help = yes_no(Question::OtherHelp, value(Question::OtherHelp), &mut errors);
    s.medicine = yes_no(Question::Medicine, value(Question::Medicine), &mut errors);
    s.children = yes_no(Question::Children, value(Question::Children), &mut errors);
    (s, errors)
}

/// The query-string value of an answered question, the inverse of `read_answers`.
pub fn answer_value(s: &Situation, q: Question) -> Option<String> {
    let yn = |b: bool| if b { "ja" } else { "nej" }.to_string();
    match q {
        Question::Role => s.role.map(|r| {
            match r {
                Role::Myself => "selv",
                Role::Relative => "paaroerende",
                Role::Professional => "fagperson",
            }
            .to_string()
        }),
        Question::Substance => s.substance.map(|x| {
            match x {
                Substance::Alcohol => "alkohol",
                Substance::Drugs => "stoffer",
                Substance::Both => "begge",
            }
            .to_string()
        }),
        Question::Age => s.age.map(|a| a.to_string()),
        Question::Anonymous => s.anonymous.map(yn),
        Question::OtherHelp => s.other_help.map(yn),
        Question::Medicine => s.medicine.map(yn),
        Question::Children => s.children.map(yn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drugs_anonymous_no_other_help() -> Conditions {
        Conditions {
            substance: Some(SubstanceKind::Drugs),
            anonymous: Some(true),
            other_help: Some(false),
            ..Default::default()
        }
    }

    #[test]
    fn a_rule_without_conditions_applies_to_everyone_it_is_for() {
        let none = Conditions::default();
        assert_eq!(verdict(Topic::Payment, &none, &none, &Situation::default()), Verdict::Applies);
        let relative = Situation { role: Some(Role::Relative), ..Default::default() };
        assert_eq!(verdict(Topic::Relatives, &none, &none, &relative), Verdict::Applies);
        let myself = Situation { role: Some(Role::Myself), ..Default::default() };
        assert_eq!(verdict(Topic::Relatives, &none, &none, &myself), Verdict::DoesNotApply(Reason::OnlyForRelatives));
        let professional = Situation { role: Some(Role::Professional), ..Default::default() };
        assert_eq!(verdict(Topic::Relatives, &none, &none, &professional), Verdict::Applies);
    }

    #[test]
    fn the_first_failing_condition_is_the_reason() {
        let when = drugs_anonymous_no_other_help();
        let s = Situation { substance: Some(Substance::Alcohol), anonymous: Some(false), ..Default::default() };
        assert_eq!(
            verdict(Topic::Anonymity, &when, &Conditions::default(), &s),
            Verdict::DoesNotApply(Reason::Requires(Condition::Substance(SubstanceKind::Drugs)))
        );
    }

    #[test]
    fn unanswered_questions_make_a_rule_possible_not_excluded() {
        let when = drugs_anonymous_no_other_help();
        let s = Situation { substance: Some(Substance::Both), ..Default::default() };
        assert_eq!(
            verdict(Topic::Anonymity, &when, &Conditions::default(), &s),
            Verdict::MayApply(vec![Question::Anonymous, Question::OtherHelp])
        );
    }

    #[test]
    fn both_substances_meet_either_substance_condition() {
        let alcohol = Conditions { substance: Some(SubstanceKind::Alcohol), ..Default::default() };
        let drugs = Conditions { substance: Some(SubstanceKind::Drugs), ..Default::default() };
        let both = Situation { substance: Some(Substance::Both), ..Default::default() };
        let none = Conditions::default();
        assert_eq!(verdict(Topic::Payment, &alcohol, &none, &both), Verdict::Applies);
        assert_eq!(verdict(Topic::Payment, &drugs, &none, &both), Verdict::Applies);
    }

    #[test]
    fn ages_are_inclusive_at_both_ends() {
        let from18 = Conditions { min_age: Some(18), ..Default::default() };
        let upto17 = Conditions { max_age: Some(17), ..Default::default() };
        let none = Conditions::default();
        let at = |a| Situation { age: Some(a), ..Default::default() };
        assert_eq!(verdict(Topic::Anonymity, &from18, &none, &at(18)), Verdict::Applies);
        assert_eq!(
            verdict(Topic::Anonymity, &from18, &none, &at(17)),
            Verdict::DoesNotApply(Reason::Requires(Condition::MinAge(18)))
        );
        assert_eq!(verdict(Topic::Guarantee, &upto17, &none, &at(17)), Verdict::Applies);
        assert_eq!(
            verdict(Topic::Guarantee, &upto17, &none, &at(18)),
            Verdict::DoesNotApply(Reason::Requires(Condition::MaxAge(17)))
        );
    }

    #[test]
    fn unless_excludes_only_when_every_condition_holds() {
        let unless = Conditions { anonymous: Some(true), substance: Some(SubstanceKind::Drugs), ..Default::default() };
        let none = Conditions::default();
        let anon_drugs = Situation { anonymous: Some(true), substance: Some(Substance::Drugs), ..Default::default() };
        let anon_alcohol = Situation { anonymous: Some(true), substance: Some(Substance::Alcohol), ..Default::default() };
        let anon_unknown = Situation { anonymous: Some(true), ..Default::default() };
        assert_eq!(
            verdict(Topic::Guarantee, &none, &unless, &anon_drugs),
            Verdict::DoesNotApply(Reason::ExcludedBy(unless.list()))
        );
        assert_eq!(verdict(Topic::Guarantee, &none, &unless, &anon_alcohol), Verdict::Applies);
        assert_eq!(verdict(Topic::Guarantee, &none, &unless, &anon_unknown), Verdict::MayApply(vec![Question::Substance]));
    }

    #[test]
    fn answers_are_read_from_the_query_string_and_bad_ones_reported() {
        let q = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string())
        };
        let (s, errors) = read_answers(q(&[("rolle", "selv"), ("rusmiddel", "begge"), ("alder", " 17 "), ("anonym", "JA")]));
        assert!(errors.is_empty());
        assert_eq!(s.role, Some(Role::Myself));
        assert_eq!(s.substance, Some(Substance::Both));
        assert_eq!(s.age, Some(17));
        assert_eq!(s.anonymous, Some(true));
        assert_eq!(s.medicine, None);

        let (s, errors) = read_answers(q(&[("rolle", "admin"), ("alder", "sytten"), ("medicin", "måske"), ("boern", "")]));
        assert_eq!(
            errors,
            vec![
                (Question::Role, AnswerError::UnknownChoice),
                (Question::Age, AnswerError::AgeNotANumber),
                (Question::Medicine, AnswerError::UnknownChoice)
            ]
        );
        assert_eq!(s, Situation::default());

        for bad in ["121", "999999999999999999999", "-1", "1e3", "17.5"] {
            let (s, errors) = read_answers(move |k: &str| (k == "alder").then(|| bad.to_string()));
            assert_eq!(s.age, None, "{bad}");
            assert_eq!(errors.len(), 1, "{bad}");
        }
    }

    #[test]
    fn answers_round_trip_through_the_query_string() {
        let s = Situation {
            role: Some(Role::Relative),
            substance: Some(Substance::Drugs),
            age: Some(0),
            anonymous: Some(false),
            other_help: Some(true),
            medicine: None,
            children: Some(false),
        };
        let (back, errors) = read_answers(|k| Question::ALL.into_iter().find(|q| q.key() == k).and_then(|q| answer_value(&s, q)));
        assert!(errors.is_empty());
        assert_eq!(back, s);
    }

    fn logic(title: &str, topic: Topic, when: Conditions, within: Vec<usize>) -> RuleLogic {
        RuleLogic { within, ..RuleLogic::plain(title, topic, when, Conditions::default()) }
    }

    fn claiming(title: &str, when: Conditions, claims: Claims, overruled_by: Vec<(usize, Ground)>) -> RuleLogic {
        RuleLogic { claims, overruled_by, ..RuleLogic::plain(title, Topic::Complaints, when, Conditions::default()) }
    }

    #[test]
    fn the_specific_rule_wins_and_the_general_one_says_which() {
        use crate::domain::claims::AppealRoute;
        let appeal = |r| Claims { appeal: Some(r), ..Default::default() };
        let anon_drugs = Conditions { substance: Some(SubstanceKind::Drugs), anonymous: Some(true), ..Default::default() };
        let rules = [
            claiming("Ankestyrelsen", Conditions::default(), appeal(AppealRoute::Ankestyrelsen), vec![(1, Ground::Specific)]),
            claiming("Kan ikke påklages", anon_drugs, appeal(AppealRoute::None), vec![]),
        ];
        let anon = Situation { substance: Some(Substance::Drugs), anonymous: Some(true), ..Default::default() };
        let w = weigh(&rules, &anon);
        assert_eq!(w[1].verdict, Verdict::Applies);
        assert_eq!(
            w[0].verdict,
            Verdict::DoesNotApply(Reason::Overruled {
                by: "Kan ikke påklages".into(),
                at: 1,
                ground: Ground::Specific,
                deciding: vec![Condition::Substance(SubstanceKind::Drugs), Condition::Anonymous(true)],
                also: None,
            })
        );
        assert!(undeclared_conflicts(&rules, &anon).is_empty());
        // Unanswered: both may apply, on the same question, the general one unless the other does.
        let open = Situation { substance: Some(Substance::Drugs), ..Default::default() };
        let w = weigh(&rules, &open);
        assert_eq!(w[0].verdict, Verdict::MayApply(vec![Question::Anonymous]));
        assert_eq!(w[0].unless_rule, Some(1));
        // Named: the general one applies alone.
        let named = Situation { substance: Some(Substance::Drugs), anonymous: Some(false), ..Default::default() };
        assert_eq!(weigh(&rules, &named)[0].verdict, Verdict::Applies);
        // A person who uses both: the rule for drugs wins for drugs, the general one still holds for alcohol.
        let both = Situation { substance: Some(Substance::Both), anonymous: Some(true), ..Default::default() };
        let w = weigh(&rules, &both);
        assert_eq!((w[0].verdict.clone(), w[0].only_for), (Verdict::Applies, Some(SubstanceKind::Alcohol)));
        assert!(undeclared_conflicts(&rules, &both).is_empty());
        // Without the declaration, the conflict is found.
        let undeclared = [RuleLogic { overruled_by: vec![], ..rules[0].clone() }, rules[1].clone()];
        assert_eq!(undeclared_conflicts(&undeclared, &anon), vec![(0, 1, vec![Key::AppealPossible, Key::Appeal])]);
        assert!(precedence_cycle(&rules).is_none());
    }

    #[test]
    fn a_card_shared_out_between_two_winners_names_both() {
        use crate::domain::claims::AppealRoute;
        let appeal = |r| Claims { appeal: Some(r), ..Default::default() };
        let for_kind = |k| Conditions { substance: Some(k), ..Default::default() };
        let rules = [
            claiming("Ankestyrelsen", Conditions::default(), appeal(AppealRoute::Ankestyrelsen), vec![(1, Ground::Specific), (2, Ground::Specific)]),
            claiming("Alkohol: ingen klage", for_kind(SubstanceKind::Alcohol), appeal(AppealRoute::None), vec![]),
            claiming("Stoffer: klage til stedet", for_kind(SubstanceKind::Drugs), appeal(AppealRoute::TreatmentSite), vec![]),
        ];
        let both = Situation { substance: Some(Substance::Both), ..Default::default() };
        let w = weigh(&rules, &both);
        let Verdict::DoesNotApply(reason) = &w[0].verdict else { panic!("the general rule holds for neither substance: {:?}", w[0]) };
        assert_eq!(reason.rules(), vec![2, 1], "both winners are named");
        assert!(matches!(reason, Reason::Overruled { also: Some(AlsoOverruledBy { kind: SubstanceKind::Alcohol, .. }), .. }));
        assert_eq!((w[0].only_for, w[0].narrowed_by), (None, None), "a card that applies to neither substance says it holds for none");
    }

    #[test]
    fn specific_means_every_condition_of_the_general_rule_and_more() {
        let drugs = Conditions { substance: Some(SubstanceKind::Drugs), ..Default::default() };
        let anon_drugs = Conditions { anonymous: Some(true), ..drugs.clone() };
        assert!(is_more_specific(&anon_drugs, &drugs));
        assert!(is_more_specific(&drugs, &Conditions::default()));
        assert!(!is_more_specific(&drugs, &drugs));
        assert!(!is_more_specific(&drugs, &Conditions { anonymous: Some(true), ..Default::default() }));
    }

    #[test]
    fn a_rule_holds_only_as_far_as_the_rule_that_limits_it() {
        let from18 = Conditions { anonymous: Some(true), min_age: Some(18), ..Default::default() };
        let anonymous = Conditions { anonymous: Some(true), ..Default::default() };
        let rules = [logic("Fra 18 år", Topic::Anonymity, from18, vec![]), logic("Anonym henvendelse", Topic::Anonymity, anonymous, vec![0])];
        let at = |age| Situation { anonymous: Some(true), age, ..Default::default() };
        assert_eq!(evaluate(&rules, &at(Some(30))), vec![Verdict::Applies, Verdict::Applies]);
        let young = evaluate(&rules, &at(Some(17)));
        assert_eq!(
            young[1],
            Verdict::DoesNotApply(Reason::Within { by: "Fra 18 år".into(), at: 0, because: Box::new(Reason::Requires(Condition::MinAge(18))) })
        );
        assert_eq!(evaluate(&rules, &at(None))[1], Verdict::MayApply(vec![Question::Age]));
        // Its own reason comes first.
        let named = Situation { anonymous: Some(false), age: Some(17), ..Default::default() };
        assert_eq!(evaluate(&rules, &named)[1], Verdict::DoesNotApply(Reason::Requires(Condition::Anonymous(true))));
    }

    #[test]
    fn limits_in_a_circle_are_found_and_never_loop() {
        let none = Conditions::default();
        let rules = [logic("a", Topic::Talks, none.clone(), vec![2]), logic("b", Topic::Talks, none.clone(), vec![0]), logic("c", Topic::Talks, none, vec![1])];
        assert_eq!(limit_cycle(&rules).map(|c| c.len()), Some(3));
        assert_eq!(evaluate(&rules, &Situation::default()), vec![Verdict::Applies; 3]);
        assert_eq!(limit_cycle(&rules[..2].iter().cloned().map(|mut r| { r.within.retain(|i| *i < 1); r }).collect::<Vec<_>>()), None);
    }

    #[test]
    fn every_situation_covers_each_age_band_and_each_answer_left_open() {
        let rules = [logic("fra 18", Topic::Anonymity, Conditions { min_age: Some(18), ..Default::default() }, vec![])];
        let all = every_situation(&rules);
        for age in [None, Some(17), Some(18), Some(19), Some(30)] {
            assert!(all.iter().any(|s| s.age == age), "{age:?}");
        }
        assert_eq!(all.len(), 4 * 4 * 5 * 81);
    }

    #[test]
    fn topic_slugs_are_unique_and_parse_back() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_slug(t.slug()), Some(t));
        }
        assert_eq!(Topic::from_slug("Klage"), None);
    }
}
