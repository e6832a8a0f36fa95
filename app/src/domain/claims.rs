//! What a rights rule says, in a small closed vocabulary, so that two different rules that
//! answer the same question can be compared: "can I appeal?", "is it free?", "does the
//! guarantee hold?". A rule's quote is the evidence; its claims are what the guide computes with.
//!
//! Claims are written next to the quote in the rights files (`claims = { appeal = "none" }`).
//! Two rules that can both apply to one person and claim different values for the same key
//! must say which one wins (`overrides`, with a `Ground`): the checker refuses the content
//! otherwise, and the guide shows only the winner as applying.

use serde::{Deserialize, Serialize};

/// Everything a rule can claim. Every field is optional: a rule claims only what its quote says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    /// Where a decision about treatment goes when the municipality keeps it after a complaint.
    pub appeal: Option<AppealRoute>,
    /// The days a person has to complain about a decision.
    pub appeal_deadline_days: Option<u32>,
    /// Whether the treatment guarantee holds.
    pub guarantee: Option<Holds>,
    /// The guarantee's days.
    pub guarantee_days: Option<u32>,
    /// What starts the guarantee's days.
    pub guarantee_counts_from: Option<CountsFrom>,
    /// What happens to the guarantee when the person chooses another site than the one assigned.
    pub guarantee_if_other_site: Option<Lapse>,
    /// The guarantee's days for medical treatment with addictive drugs (Sundhedsloven § 142):
    /// a service of its own, with a guarantee of its own.
    pub substitution_guarantee_days: Option<u32>,
    /// Whether the person can stay anonymous through a treatment course.
    pub anonymity: Option<Offered>,
    /// Whether the person can contact the site and have counselling talks anonymously.
    pub anonymous_counselling: Option<Offered>,
    /// The ages the rule is about, both ends where the words give both (inclusive).
    pub age: Option<AgeRange>,
    /// Who pays for what.
    #[serde(default)]
    pub cost: Costs,
    /// Whether the municipality uses gift cards to keep people in treatment.
    pub gift_cards: Option<GiftCards>,
    /// Who pays the transport to and from treatment.
    pub transport: Option<Payer>,
    /// How a person may choose another treatment site.
    pub free_choice: Option<FreeChoice>,
    /// Whether the staff have a duty to notify the municipality about a child.
    pub duty_to_notify: Option<bool>,
}

/// Who pays for each kind of cost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    pub outpatient: Option<Payer>,
    pub day_treatment: Option<Payer>,
    /// Board and lodging in residential treatment.
    pub board_and_lodging: Option<Payer>,
    /// Medicine that is not for the substance use (e.g. for ADHD).
    pub other_medicine: Option<Payer>,
    /// The conversation with a doctor before drug treatment.
    pub doctors_talk: Option<Payer>,
    /// Medical treatment with addictive drugs (substitution).
    pub substitution: Option<Payer>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppealRoute {
    /// The municipality reconsiders; if it keeps the decision, Ankestyrelsen decides.
    Ankestyrelsen,
    /// No appeal to another authority.
    None,
    /// To the treatment site itself.
    TreatmentSite,
    /// To the patient authority (health-care complaints).
    PatientAuthority,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holds {
    Applies,
    DoesNotApply,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountsFrom {
    Contact,
    Attendance,
    Application,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lapse {
    /// "kan fraviges".
    MayLapse,
    /// "bortfalder".
    Lapses,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Offered {
    Offered,
    NotOffered,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payer {
    /// Free for the person.
    Free,
    CitizenPays,
    /// The municipality or its treatment site pays.
    MunicipalityPays,
    /// Decided case by case.
    Assessed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GiftCards {
    MayBeUsed,
    NotUsed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FreeChoice {
    /// Choose another site directly, with no referral first.
    WithoutReferral,
    /// Choose another site of the same kind once the municipality has assigned the treatment.
    AfterReferral,
}

/// An age range, inclusive at both ends; an open end is `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    pub from: Option<u8>,
    pub to: Option<u8>,
}

impl AgeRange {
    pub fn contains(&self, age: u8) -> bool {
        self.from.is_none_or(|f| age >= f) && self.to.is_none_or(|t| age <= t)
    }
}

/// One question a claim answers: the key of the vocabulary, the unit two rules can disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    /// Whether a decision can be complained about at all: implied by a route or a deadline.
    AppealPossible,
    Appeal,
    AppealDeadlineDays,
    Guarantee,
    GuaranteeDays,
    GuaranteeCountsFrom,
    GuaranteeIfOtherSite,
    SubstitutionGuaranteeDays,
    Anonymity,
    AnonymousCounselling,
    CostOutpatient,
    CostDayTreatment,
    CostBoardAndLodging,
    CostOtherMedicine,
    CostDoctorsTalk,
    CostSubstitution,
    GiftCards,
    Transport,
    FreeChoice,
    DutyToNotify,
}

impl Key {
    /// The key as written in a rights file.
    pub fn name(self) -> &'static str {
        match self {
            Key::AppealPossible => "appeal (or appeal_deadline_days)",
            Key::Appeal => "appeal",
            Key::AppealDeadlineDays => "appeal_deadline_days",
            Key::Guarantee => "guarantee",
            Key::GuaranteeDays => "guarantee_days",
            Key::GuaranteeCountsFrom => "guarantee_counts_from",
            Key::GuaranteeIfOtherSite => "guarantee_if_other_site",
            Key::SubstitutionGuaranteeDays => "substitution_guarantee_days",
            Key::Anonymity => "anonymity",
            Key::AnonymousCounselling => "anonymous_counselling",
            Key::CostOutpatient => "cost.outpatient",
            Key::CostDayTreatment => "cost.day_treatment",
            Key::CostBoardAndLodging => "cost.board_and_lodging",
            Key::CostOtherMedicine => "cost.other_medicine",
            Key::CostDoctorsTalk => "cost.doctors_talk",
            Key::CostSubstitution => "cost.substitution",
            Key::GiftCards => "gift_cards",
            Key::Transport => "transport",
            Key::FreeChoice => "free_choice",
            Key::DutyToNotify => "duty_to_notify",
        }
    }
}

/// A claimed value, comparable across keys' types. Only equality matters: two claims on one key
/// with different values are in conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Value {
    Appeal(AppealRoute),
    Days(u32),
    Holds(Holds),
    CountsFrom(CountsFrom),
    Lapse(Lapse),
    Offered(Offered),
    Payer(Payer),
    GiftCards(GiftCards),
    FreeChoice(FreeChoice),
    Bool(bool),
}

impl Claims {
    /// Every claim that other rules can contradict, as (key, value), with what the claims imply:
    /// a deadline for complaining says a complaint is possible, and the guarantee's days or its
    /// start say that the guarantee holds. Ages are not among them: they describe whom a rule is
    /// about (its `when`), and different services have different ages without contradiction.
    pub fn list(&self) -> Vec<(Key, Value)> {
        let mut out = Vec::new();
        let mut push = |k: Key, v: Option<Value>| {
            if let Some(v) = v {
                out.push((k, v));
            }
        };
        let possible = match self.appeal {
            Some(AppealRoute::None) => Some(false),
            Some(_) => Some(true),
            None => self.appeal_deadline_days.map(|_| true),
        };
        push(Key::AppealPossible, possible.map(Value::Bool));
        push(Key::Appeal, self.appeal.map(Value::Appeal));
        push(Key::AppealDeadlineDays, self.appeal_deadline_days.map(Value::Days));
        let holds = self.guarantee.or((self.guarantee_days.is_some() || self.guarantee_counts_from.is_some()).then_some(Holds::Applies));
        push(Key::Guarantee, holds.map(Value::Holds));
        push(Key::GuaranteeDays, self.guarantee_days.map(Value::Days));
        push(Key::GuaranteeCountsFrom, self.guarantee_counts_from.map(Value::CountsFrom));
        push(Key::GuaranteeIfOtherSite, self.guarantee_if_other_site.map(Value::Lapse));
        push(Key::SubstitutionGuaranteeDays, self.substitution_guarantee_days.map(Value::Days));
        push(Key::Anonymity, self.anonymity.map(Value::Offered));
        push(Key::AnonymousCounselling, self.anonymous_counselling.map(Value::Offered));
        push(Key::CostOutpatient, self.cost.outpatient.map(Value::Payer));
        push(Key::CostDayTreatment, self.cost.day_treatment.map(Value::Payer));
        push(Key::CostBoardAndLodging, self.cost.board_and_lodging.map(Value::Payer));
        push(Key::CostOtherMedicine, self.cost.other_medicine.map(Value::Payer));
        push(Key::CostDoctorsTalk, self.cost.doctors_talk.map(Value::Payer));
        push(Key::CostSubstitution, self.cost.substitution.map(Value::Payer));
        push(Key::GiftCards, self.gift_cards.map(Value::GiftCards));
        push(Key::Transport, self.transport.map(Value::Payer));
        push(Key::FreeChoice, self.free_choice.map(Value::FreeChoice));
        push(Key::DutyToNotify, self.duty_to_notify.map(Value::Bool));
        out
    }

    /// The numbers the claims state, each with the key it stands under: what a quote must say.
    pub fn numbers(&self) -> Vec<(&'static str, u32)> {
        let mut out = Vec::new();
        if let Some(d) = self.appeal_deadline_days {
            out.push(("appeal_deadline_days", d));
        }
        if let Some(d) = self.guarantee_days {
            out.push(("guarantee_days", d));
        }
        if let Some(d) = self.substitution_guarantee_days {
            out.push(("substitution_guarantee_days", d));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.list().is_empty() && self.age.is_none()
    }

    /// The keys on which `self` and `other` claim different values.
    pub fn conflicts_with(&self, other: &Claims) -> Vec<Key> {
        let theirs = other.list();
        self.list()
            .into_iter()
            .filter(|(k, v)| theirs.iter().any(|(k2, v2)| k == k2 && v != v2))
            .map(|(k, _)| k)
            .collect()
    }
}

/// Why one rule wins over another that claims a different value for the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ground {
    /// The municipality's own rule over the rule that holds everywhere.
    Municipality,
    /// The rule for a specific case (anonymous, alcohol, medicine, an age) over the general one:
    /// the winner's conditions include every condition of the loser, and more.
    Specific,
    /// The standard in force over an expired one.
    Current,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_conflict_only_on_a_shared_key_with_different_values() {
        let ankestyrelsen = Claims { appeal: Some(AppealRoute::Ankestyrelsen), appeal_deadline_days: Some(28), ..Default::default() };
        let none = Claims { appeal: Some(AppealRoute::None), ..Default::default() };
        let same_deadline = Claims { appeal_deadline_days: Some(28), ..Default::default() };
        assert_eq!(ankestyrelsen.conflicts_with(&none), vec![Key::AppealPossible, Key::Appeal]);
        // A deadline for complaining contradicts "cannot be appealed".
        assert_eq!(same_deadline.conflicts_with(&none), vec![Key::AppealPossible]);
        let no_guarantee = Claims { guarantee: Some(Holds::DoesNotApply), ..Default::default() };
        let fourteen = Claims { guarantee_days: Some(14), ..Default::default() };
        assert_eq!(fourteen.conflicts_with(&no_guarantee), vec![Key::Guarantee]);
        assert!(ankestyrelsen.conflicts_with(&same_deadline).is_empty());
        assert!(none.conflicts_with(&Claims::default()).is_empty());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn claims_are_read_from_the_words_a_content_author_writes() {
        let c: Claims = toml::from_str("appeal = \"none\"\ncost = { outpatient = \"free\" }\nage = { from = 13, to = 29 }\nguarantee_counts_from = \"attendance\"").unwrap();
        assert_eq!(c.appeal, Some(AppealRoute::None));
        assert_eq!(c.cost.outpatient, Some(Payer::Free));
        assert_eq!(c.age, Some(AgeRange { from: Some(13), to: Some(29) }));
        assert!(c.age.unwrap().contains(13) && c.age.unwrap().contains(29) && !c.age.unwrap().contains(30) && !c.age.unwrap().contains(12));
        assert_eq!(c.guarantee_counts_from, Some(CountsFrom::Attendance));
        assert!(toml::from_str::<Claims>("apeal = \"none\"").is_err(), "a key outside the vocabulary is refused");
        assert!(toml::from_str::<Claims>("appeal = \"maybe\"").is_err(), "a value outside the vocabulary is refused");
    }
}
