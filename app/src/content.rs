//! The portal's content: reviewed data files in `app/content/`, each fact with its source.
//!
//! The files are read only on the server (`ssr`) and reach the browser as the serialized result
//! of a server function, so the WASM bundle carries no content and stays small.

use serde::{Deserialize, Serialize};

/// A fact ready to show, with its citation already resolved to words a reader understands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CitedText {
    pub text: String,
    pub source: Citation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Id of the source document (documents.toml).
    pub doc_id: String,
    /// Short title of the document, e.g. "Ishøj Kommunes kvalitetsstandard (januar 2024)".
    pub doc_title: String,
    /// Section heading in the document.
    pub section: String,
    /// The paragraph of law, where the document gives one.
    pub law: Option<String>,
    /// The section's fragment on the document's page (`/standarder/{doc_id}#{anchor}`): the
    /// section of that heading, or the one whose text holds it as a sub-heading.
    #[serde(default)]
    pub anchor: Option<String>,
    /// The period of the document where it has expired ("2020–2022"): said beside the
    /// citation wherever a citizen reads it.
    #[serde(default)]
    pub expired: Option<String>,
    /// A statute quoted in a standard (the law's rules, `faelles`): the citation names the
    /// statute first, then the standard "som gengivet i".
    #[serde(default)]
    pub statute: bool,
}

/// What the municipality start page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KommunePage {
    pub slug: String,
    pub name: String,
    pub short_name: String,
    pub site_name: String,
    /// The municipality's own quality standard (documents.toml): the start page says whether it
    /// is in force and whether a newer one has been published.
    #[serde(default)]
    pub governing_doc: String,
    pub site_about: CitedText,
    pub address: Option<CitedText>,
    pub phone: Option<CitedText>,
    /// Who answers the phone where it is not the site (Thisted's number is the visitation's,
    /// which takes every application, whatever the person's age); words from the phone's own
    /// section, checked when the content is loaded.
    #[serde(default)]
    pub phone_reaches: Option<String>,
    /// The ages the site itself takes, where its description gives them ("til borgere over 18
    /// år"): a guide's step never sends a person outside them to the site.
    #[serde(default)]
    pub site_ages: Option<crate::domain::claims::AgeRange>,
    pub email: Option<CitedText>,
    pub website: Option<CitedText>,
    pub contact_ways: Option<CitedText>,
    /// The standard's advice not to send confidential information from a private e-mail, where
    /// the municipality's own standard gives it; shown next to the e-mail address.
    #[serde(default)]
    pub email_advice: Option<CitedText>,
    pub opening_hours: Option<CitedText>,
    pub relatives: Option<CitedText>,
    pub anonymity: Option<CitedText>,
    /// The cap on a citizen's anonymous counselling series where the standard sets one and the
    /// site offers it (`/{kommune}/raadgivning`).
    #[serde(default)]
    pub counselling_max: Option<u32>,
    /// The cap on a relative's anonymous talks where the municipality offers them at a site
    /// (`/{kommune}/paaroerende`); `None` where it offers none, so no page links a booking that
    /// cannot be made.
    #[serde(default)]
    pub relatives_max: Option<u32>,
    /// Every document cited on the page, for the "sources" list at its foot.
    pub sources: Vec<SourceDocument>,
}

impl KommunePage {
    /// Who a call to the page's phone number reaches: the site, unless the content names another.
    pub fn phone_answered_by(&self) -> &str {
        self.phone_reaches.as_deref().unwrap_or(&self.site_name)
    }

    /// Whether the site itself takes a person of `age`; an unanswered age never rules it out.
    pub fn site_takes(&self, age: Option<u8>) -> bool {
        match (self.site_ages, age) {
            (Some(range), Some(age)) => range.contains(age),
            _ => true,
        }
    }

    /// Every cited fact on the page, in the page's order.
    pub fn facts(&self) -> impl Iterator<Item = &CitedText> {
        [
            Some(&self.site_about),
            self.address.as_ref(),
            self.phone.as_ref(),
            self.email.as_ref(),
            self.email_advice.as_ref(),
            self.website.as_ref(),
            self.contact_ways.as_ref(),
            self.opening_hours.as_ref(),
            self.relatives.as_ref(),
            self.anonymity.as_ref(),
        ]
        .into_iter()
        .flatten()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceDocument {
    pub id: String,
    /// File name under `app/content/seeds/`.
    pub seed: String,
    pub short: String,
    pub title: String,
    pub issuer: String,
    pub approved: String,
    pub validity: String,
}

#[cfg(feature = "ssr")]
pub(crate) use loader::parse_file;
#[cfg(feature = "ssr")]
pub use loader::{
    catalogue, content, find_kommune, kommune_named, kommuner, load, logic_of, BookingSite, LAW_SCOPE, ComplaintParams, Content, ContentError, GuaranteeParams, KommuneRights, RelativeTalksParams, Rule, ScopeParams, TalkKind, TalkPurpose,
};

#[cfg(feature = "ssr")]
mod loader {
    use super::*;
    use crate::domain::deadlines::{ClockStart, CountedFrom, MustBe};
    use crate::domain::kommune::{Kommune, KommuneNames};
    use crate::domain::claims::{Claims, Ground};
    use crate::domain::rights::{Conditions, Topic};
    use super::catalogue::{Catalogue, SectionAnchors};
    use std::collections::HashMap;
    use std::sync::OnceLock;

    use super::files::{parse_problem, ContentFiles, Problem};

    /// The scope of the rules that hold in every municipality (`rights/faelles.toml`).
    pub const LAW_SCOPE: &str = "faelles";

    #[derive(Debug, thiserror::Error)]
    pub enum ContentError {
        /// A problem located in a file.
        #[error("{0}")]
        At(Problem),
        #[error("{0}")]
        Invalid(String),
    }

    /// Parses one TOML file of the set into `T`, a parse error pointing at its line.
    pub(crate) fn parse_file<T: serde::de::DeserializeOwned>(files: &ContentFiles, path: &str) -> Result<T, ContentError> {
        let text = files.required(path).map_err(ContentError::At)?;
        toml::from_str(text).map_err(|e| ContentError::At(parse_problem(path, text, &e)))
    }

    #[derive(Deserialize)]
    struct DocumentsFile {
        document: Vec<SourceDocument>,
    }

    /// A fact as written in a content file: text plus where it comes from.
    #[derive(Clone, Debug, Deserialize)]
    struct RawFact {
        text: String,
        doc: String,
        section: String,
        #[serde(default)]
        law: Option<String>,
    }

    /// A rule as written in a rights file.
    #[derive(Clone, Debug, Deserialize)]
    struct RawRule {
        id: String,
        topic: String,
        title: String,
        text: String,
        doc: String,
        section: String,
        #[serde(default)]
        law: Option<String>,
        quote: String,
        /// To whom the rule applies, for the guide (see the head of rights/faelles.toml).
        #[serde(default)]
        when: Conditions,
        #[serde(default)]
        unless: Conditions,
        /// A reviewer's remark: where seeds disagree or are silent, and what the portal follows.
        /// For the content's authors and reviewers only: never shown on a page.
        #[serde(default)]
        note: Option<String>,
        /// Rules (`scope/id`, the law's or this file's) that hold only as far as this one does.
        #[serde(default)]
        limits: Vec<String>,
        /// What the rule says, in the vocabulary of `domain::claims` (required by the checker).
        #[serde(default)]
        claims: Claims,
        /// Rules this one wins over where both apply and claim otherwise, and why.
        #[serde(default)]
        overrides: Vec<RawPrecedence>,
        /// Rules that win over this one where both apply and claim otherwise, and why: a
        /// municipality's rule that yields to the law's specific case says so in its own file.
        #[serde(default)]
        yields_to: Vec<RawPrecedence>,
    }

    /// One declared precedence: the other rule (`scope/id`) and the ground.
    #[derive(Clone, Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawPrecedence {
        rule: String,
        because: Ground,
    }

    #[derive(Deserialize)]
    struct RightsFile {
        #[serde(default)]
        rule: Vec<RawRule>,
        #[serde(default)]
        params: RawParams,
    }

    /// The structured values a municipality file gives; each table also carries `doc`,
    /// `section` and `quote`. Tables the portal does not compute with are kept for reading only.
    #[derive(Deserialize, Default)]
    struct RawParams {
        guarantee: Option<RawGuarantee>,
        complaint: Option<RawComplaint>,
        scope: Option<RawScope>,
        relative_talks: Option<RawRelativeTalks>,
        anonymous_talks: Option<RawRelativeTalks>,
    }

    #[derive(Deserialize)]
    struct RawRelativeTalks {
        max: u32,
        #[serde(default)]
        after_rule: Option<String>,
        /// Rules shown with the series (the counselling series names them; the relatives' page
        /// shows every rule of the relatives' topic).
        #[serde(default)]
        rules: Vec<String>,
        #[serde(flatten)]
        source: RawSource,
    }

    /// How many anonymous talks one token may hold: a relative's talks, or a citizen's
    /// anonymous counselling series.
    #[derive(Clone, Debug)]
    pub struct RelativeTalksParams {
        pub max: u32,
        pub source: Citation,
        /// The municipality's rule on what comes after the last anonymous talk, if it has one.
        pub after_rule: Option<String>,
        /// Rules to show with the series.
        pub rules: Vec<String>,
    }

    #[derive(Deserialize)]
    struct RawSource {
        doc: String,
        section: String,
        quote: String,
    }

    #[derive(Deserialize)]
    struct RawGuarantee {
        days: u32,
        clock_starts: ClockStart,
        #[serde(flatten)]
        source: RawSource,
    }

    #[derive(Deserialize)]
    struct RawComplaint {
        deadline_days: u32,
        deadline_wording: String,
        counted_from: CountedFrom,
        deadline_refers_to: MustBe,
        #[serde(default)]
        no_deadline_for: Vec<String>,
        appeal_body: String,
        #[serde(flatten)]
        source: RawSource,
    }

    #[derive(Deserialize)]
    struct RawScope {
        alcohol: bool,
        drugs: bool,
        #[serde(flatten)]
        source: RawSource,
    }

    /// The 14-day treatment guarantee as one municipality counts it.
    #[derive(Clone, Debug)]
    pub struct GuaranteeParams {
        pub days: u32,
        pub clock_starts: ClockStart,
        pub source: Citation,
    }

    /// The deadline for complaining about a decision, as one municipality states it.
    #[derive(Clone, Debug)]
    pub struct ComplaintParams {
        pub days: u32,
        /// The seed's own words for the period ("fire uger", "28 dage").
        pub wording: String,
        pub counted_from: CountedFrom,
        pub must_be: MustBe,
        /// Kinds of complaint with no deadline ("klager over personalet").
        pub no_deadline_for: Vec<String>,
        pub appeal_body: String,
        pub source: Citation,
    }

    /// Which substances a municipality's standard covers (absent: both).
    #[derive(Clone, Debug)]
    pub struct ScopeParams {
        pub alcohol: bool,
        pub drugs: bool,
        pub source: Citation,
    }

    /// The values a municipality's rights file gives; `None` where its seeds are silent.
    #[derive(Clone, Debug, Default)]
    pub struct KommuneRights {
        pub guarantee: Option<GuaranteeParams>,
        pub complaint: Option<ComplaintParams>,
        pub scope: Option<ScopeParams>,
        pub relative_talks: Option<RelativeTalksParams>,
        /// A citizen's anonymous counselling series (Ishøj and Vallensbæk 3–5, Odsherred 1–5).
        pub anonymous_talks: Option<RelativeTalksParams>,
    }

    #[derive(Deserialize)]
    struct BookingFile {
        site: Vec<RawSite>,
        before_talking: HashMap<String, BeforeTalking>,
    }

    /// What a municipality's booking, counselling, relatives' and request pages say before the
    /// first choice (`[before_talking.<kommune>]` in booking.toml): rules as `scope/id`.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct BeforeTalking {
        /// The rule on who may book an anonymous conversation there.
        who_may_book: String,
        /// What else an anonymous booking says first (anonymity here, the guarantee).
        notices: Vec<String>,
        /// The staff's duty to notify about children (Serviceloven § 153).
        duty_to_notify: String,
        /// Who may ask for treatment with their name: the target group, ages included.
        who_may_request: Vec<String>,
    }

    #[derive(Deserialize)]
    struct RawSite {
        id: String,
        name: String,
        place: String,
        #[serde(default)]
        phone: Option<String>,
        kommuner: Vec<String>,
        min_notice_hours: u32,
        horizon_days: u32,
        #[serde(default)]
        example: bool,
        #[serde(default)]
        closed: Vec<chrono::NaiveDate>,
        #[serde(default)]
        closed_on_public_holidays: bool,
        /// "24.12": day and month, closed every year.
        #[serde(default)]
        closed_every_year: Vec<String>,
        talk: Vec<RawTalk>,
    }

    #[derive(Deserialize)]
    struct RawTalk {
        id: String,
        name: String,
        mode: String,
        /// `clarifying` (default) or `relative`.
        #[serde(default)]
        purpose: Option<String>,
        rules: Vec<RawWeeklyRule>,
    }

    #[derive(Deserialize)]
    struct RawWeeklyRule {
        weekday: chrono::Weekday,
        from: String,
        to: String,
        minutes: u32,
        capacity: u32,
    }

    /// A treatment site where anonymous talks are booked.
    #[derive(Clone, Debug)]
    pub struct BookingSite {
        pub id: String,
        pub name: String,
        pub place: String,
        pub phone: Option<String>,
        pub kommuner: Vec<String>,
        /// The hours are examples, not the site's own (the seeds give none).
        pub example: bool,
        pub talks: Vec<TalkKind>,
    }

    #[derive(Clone, Debug)]
    pub struct TalkKind {
        pub id: String,
        pub name: String,
        pub by_phone: bool,
        /// What the talk is for, and so on which page it is booked.
        pub purpose: TalkPurpose,
        pub hours: crate::domain::slots::OpeningHours,
    }

    /// The three kinds of anonymous talk, each booked on its own page.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum TalkPurpose {
        /// The clarifying conversation, `/{kommune}/book` (SEL § 101a stk. 3).
        Clarifying,
        /// A relative's talk, `/{kommune}/paaroerende`: one token, up to `relative_talks.max`.
        Relative,
        /// A talk of a citizen's anonymous counselling series, `/{kommune}/raadgivning`: one
        /// token, up to `anonymous_talks.max`.
        Counselling,
    }

    /// A rights rule, cited, with the verbatim quote that proves it.
    #[derive(Clone, Debug)]
    pub struct Rule {
        /// `faelles` or a municipality's slug: the rights file the rule comes from.
        pub scope: String,
        pub id: String,
        pub topic: Topic,
        pub title: String,
        pub fact: CitedText,
        pub quote: String,
        pub when: Conditions,
        pub unless: Conditions,
        /// The rules (`scope/id`) that hold only as far as this one does: a municipality's
        /// narrower condition on a right the law or its own file gives more widely.
        pub limits: Vec<String>,
        /// What the rule says, in the closed vocabulary of `domain::claims`.
        pub claims: Claims,
        /// Rules (`scope/id`) this one wins over, and why.
        pub overrides: Vec<(String, Ground)>,
        /// Rules (`scope/id`) that win over this one, and why.
        pub yields_to: Vec<(String, Ground)>,
    }

    impl Rule {
        /// `scope/id`, the way rules name each other.
        pub fn key(&self) -> String {
            format!("{}/{}", self.scope, self.id)
        }
    }

    #[derive(Deserialize)]
    struct KommunerFile {
        kommune: Vec<RawKommune>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawKommune {
        slug: String,
        name: String,
        /// The name in running text ("i Ishøj").
        short_name: String,
        governing_doc: String,
        site_name: String,
        site_about: RawFact,
        address: Option<RawFact>,
        phone: Option<RawFact>,
        #[serde(default)]
        phone_reaches: Option<String>,
        #[serde(default)]
        site_ages: Option<crate::domain::claims::AgeRange>,
        email: Option<RawFact>,
        website: Option<RawFact>,
        contact_ways: Option<RawFact>,
        #[serde(default)]
        email_advice: Option<RawFact>,
        opening_hours: Option<RawFact>,
        relatives: Option<RawFact>,
        anonymity: Option<RawFact>,
    }

    /// All content, parsed and cross-checked once.
    pub struct Content {
        documents: Vec<SourceDocument>,
        kommuner: Vec<KommunePage>,
        rules: Vec<Rule>,
        rights: HashMap<String, KommuneRights>,
        sites: Vec<BookingSite>,
        before_talking: HashMap<String, BeforeTalking>,
    }

    impl Content {
        pub fn parse(files: &ContentFiles) -> Result<Content, ContentError> {
            let docs: DocumentsFile = parse_file(files, "documents.toml")?;
            let raw: KommunerFile = parse_file(files, "kommuner.toml")?;
            let documents = docs.document;
            let anchors = super::catalogue::section_anchors(files)?;
            let mut kommuner: Vec<KommunePage> = Vec::new();
            for k in raw.kommune {
                if !crate::domain::kommune::is_url_slug(&k.slug) || kommuner.iter().any(|p| p.slug == k.slug) {
                    return Err(ContentError::Invalid(format!("kommuner.toml: slug {:?} is not a unique lower-case URL segment", k.slug)));
                }
                if !documents.iter().any(|d| d.id == k.governing_doc) {
                    return Err(ContentError::Invalid(format!("{}: unknown governing_doc {:?}", k.slug, k.governing_doc)));
                }
                let cite = |f: &RawFact| -> Result<CitedText, ContentError> { resolve(&documents, &anchors, f) };
                let opt = |f: &Option<RawFact>| f.as_ref().map(cite).transpose();
                let mut page = KommunePage {
                    slug: k.slug.clone(),
                    name: k.name,
                    short_name: k.short_name,
                    site_name: k.site_name,
                    governing_doc: k.governing_doc,
                    site_about: cite(&k.site_about)?,
                    address: opt(&k.address)?,
                    phone: opt(&k.phone)?,
                    phone_reaches: k.phone_reaches.clone(),
                    site_ages: k.site_ages,
                    email: opt(&k.email)?,
                    website: opt(&k.website)?,
                    contact_ways: opt(&k.contact_ways)?,
                    email_advice: opt(&k.email_advice)?,
                    opening_hours: opt(&k.opening_hours)?,
                    relatives: opt(&k.relatives)?,
                    counselling_max: None,
                    relatives_max: None,
                    anonymity: opt(&k.anonymity)?,
                    sources: Vec::new(),
                };
                // Who answers the phone: words of the phone's own section, or it is not believed.
                if let Some(reaches) = &k.phone_reaches {
                    let supported = k.phone.as_ref().is_some_and(|f| anchors.containing(&f.doc, reaches).is_some_and(|a| Some(&a) == page.phone.as_ref().and_then(|p| p.source.anchor.as_ref())));
                    if !supported {
                        return Err(ContentError::Invalid(format!("{}: phone_reaches {reaches:?} is not in the phone's section", k.slug)));
                    }
                }
                // The site's ages: each end as the site's description writes it ("18 år").
                if let Some(range) = k.site_ages {
                    let words = crate::content::check::letters(&page.site_about.text);
                    for end in [range.from, range.to].into_iter().flatten() {
                        if !words.contains(&format!("{end}år")) {
                            return Err(ContentError::Invalid(format!("{}: site_ages {end} is not in site_about's words", k.slug)));
                        }
                    }
                }
                page.sources = cited_documents(&documents, &page);
                kommuner.push(page);
            }
            if kommuner.is_empty() {
                return Err(ContentError::Invalid("kommuner.toml: no municipality".into()));
            }
            let mut rules = Vec::new();
            let mut rights = HashMap::new();
            if files.get(&format!("rights/{LAW_SCOPE}.toml")).is_none() {
                return Err(ContentError::Invalid(format!("rights/{LAW_SCOPE}.toml: the rules of the law are missing")));
            }
            for (scope, path, _) in files.tomls_in("rights") {
                if scope != LAW_SCOPE && !kommuner.iter().any(|p| p.slug == scope) {
                    return Err(ContentError::Invalid(format!("{path}: no municipality {scope:?} in kommuner.toml")));
                }
                let file: RightsFile = parse_file(files, path)?;
                for r in file.rule {
                    if rules.iter().any(|x: &Rule| x.scope == scope && x.id == r.id) {
                        return Err(ContentError::Invalid(format!("rights/{scope}.toml: rule {:?} twice", r.id)));
                    }
                    let topic = Topic::from_slug(&r.topic).ok_or_else(|| {
                        ContentError::Invalid(format!("rights/{scope}.toml: rule {:?} has unknown topic {:?}", r.id, r.topic))
                    })?;
                    let mut fact = resolve(&documents, &anchors, &RawFact { text: r.text, doc: r.doc, section: r.section, law: r.law })?;
                    if fact.source.anchor.is_none() {
                        fact.source.anchor = anchors.containing(&fact.source.doc_id, &r.quote);
                    }
                    // The law's rules are the statute, as a standard reproduces it.
                    fact.source.statute = scope == LAW_SCOPE && fact.source.law.is_some();
                    rules.push(Rule {
                        scope: scope.to_string(),
                        id: r.id,
                        topic,
                        title: r.title,
                        fact,
                        quote: r.quote,
                        when: r.when,
                        unless: r.unless,
                        limits: r.limits,
                        claims: r.claims,
                        overrides: r.overrides.into_iter().map(|p| (p.rule, p.because)).collect(),
                        yields_to: r.yields_to.into_iter().map(|p| (p.rule, p.because)).collect(),
                    });
                    // Read for the checker's sake only; the pages never show it.
                    let _ = r.note;
                }
                let cite = |s: &RawSource| -> Result<Citation, ContentError> {
                    let fact = RawFact { text: s.quote.clone(), doc: s.doc.clone(), section: s.section.clone(), law: None };
                    Ok(resolve(&documents, &anchors, &fact)?.source)
                };
                let p = file.params;
                rights.insert(
                    scope.to_string(),
                    KommuneRights {
                        guarantee: p
                            .guarantee
                            .map(|g| Ok::<_, ContentError>(GuaranteeParams { days: g.days, clock_starts: g.clock_starts, source: cite(&g.source)? }))
                            .transpose()?,
                        complaint: p
                            .complaint
                            .map(|c| {
                                Ok::<_, ContentError>(ComplaintParams {
                                    days: c.deadline_days,
                                    wording: c.deadline_wording,
                                    counted_from: c.counted_from,
                                    must_be: c.deadline_refers_to,
                                    no_deadline_for: c.no_deadline_for,
                                    appeal_body: c.appeal_body,
                                    source: cite(&c.source)?,
                                })
                            })
                            .transpose()?,
                        scope: p
                            .scope
                            .map(|s| Ok::<_, ContentError>(ScopeParams { alcohol: s.alcohol, drugs: s.drugs, source: cite(&s.source)? }))
                            .transpose()?,
                        relative_talks: p
                            .relative_talks
                            .map(|r| Ok::<_, ContentError>(RelativeTalksParams { max: r.max, source: cite(&r.source)?, after_rule: r.after_rule, rules: r.rules }))
                            .transpose()?,
                        anonymous_talks: p
                            .anonymous_talks
                            .map(|r| Ok::<_, ContentError>(RelativeTalksParams { max: r.max, source: cite(&r.source)?, after_rule: r.after_rule, rules: r.rules }))
                            .transpose()?,
                    },
                );
            }
            let booking: BookingFile = parse_file(files, "booking.toml")?;
            let mut sites = Vec::new();
            for s in booking.site {
                let mut closed_every_year = Vec::new();
                for day in &s.closed_every_year {
                    closed_every_year.push(crate::domain::opening_form::parse_day_of_year(day).ok_or_else(|| {
                        ContentError::Invalid(format!("booking.toml: {}: closed_every_year {day:?} is not a day and month like \"24.12\"", s.id))
                    })?);
                }
                let mut talks = Vec::new();
                for t in s.talk {
                    let time = |v: &str| {
                        chrono::NaiveTime::parse_from_str(v, "%H:%M")
                            .map_err(|_| ContentError::Invalid(format!("booking.toml: {}/{}: bad time {v:?}", s.id, t.id)))
                    };
                    let mut rules = Vec::new();
                    for r in &t.rules {
                        rules.push(crate::domain::slots::WeeklyRule {
                            weekday: r.weekday,
                            from: time(&r.from)?,
                            to: time(&r.to)?,
                            talk_minutes: r.minutes,
                            capacity: r.capacity,
                        });
                    }
                    let purpose = match t.purpose.as_deref() {
                        None | Some("clarifying") => TalkPurpose::Clarifying,
                        Some("relative") => TalkPurpose::Relative,
                        Some("counselling") => TalkPurpose::Counselling,
                        Some(other) => return Err(ContentError::Invalid(format!("booking.toml: {}/{}: unknown purpose {other:?}", s.id, t.id))),
                    };
                    talks.push(TalkKind {
                        id: t.id,
                        name: t.name,
                        by_phone: t.mode == "phone",
                        purpose,
                        hours: crate::domain::slots::OpeningHours {
                            rules,
                            closed: s.closed.clone(),
                            closed_on_public_holidays: s.closed_on_public_holidays,
                            closed_every_year: closed_every_year.clone(),
                            min_notice_hours: s.min_notice_hours,
                            horizon_days: s.horizon_days,
                            extra: Vec::new(),
                        },
                    });
                }
                sites.push(BookingSite { id: s.id, name: s.name, place: s.place, phone: s.phone, kommuner: s.kommuner, example: s.example, talks });
            }
            for page in &kommuner {
                if !rights.contains_key(&page.slug) {
                    return Err(ContentError::Invalid(format!("rights/{}.toml: the municipality's rights file is missing", page.slug)));
                }
            }
            for site in &sites {
                for k in &site.kommuner {
                    if !kommuner.iter().any(|p| &p.slug == k) {
                        return Err(ContentError::Invalid(format!("booking.toml: site {}: no municipality {k:?} in kommuner.toml", site.id)));
                    }
                }
            }
            for r in &rules {
                for (target, _) in r.overrides.iter().chain(&r.yields_to) {
                    let (scope, id) = target.split_once('/').unwrap_or(("", target));
                    if (scope != LAW_SCOPE && scope != r.scope) || !rules.iter().any(|x| x.scope == scope && x.id == id) {
                        return Err(ContentError::Invalid(format!("rights/{}.toml: rule {:?} names {target:?} in overrides or yields_to, which is no rule of the law or of its own file", r.scope, r.id)));
                    }
                }
                for target in &r.limits {
                    let (scope, id) = target.split_once('/').unwrap_or(("", target));
                    if scope != LAW_SCOPE && scope != r.scope {
                        return Err(ContentError::Invalid(format!("rights/{}.toml: rule {:?} limits {target:?}, which is neither the law's nor its own file's", r.scope, r.id)));
                    }
                    if !rules.iter().any(|x| x.scope == scope && x.id == id) {
                        return Err(ContentError::Invalid(format!("rights/{}.toml: rule {:?} limits {target:?}, which is no rule", r.scope, r.id)));
                    }
                }
            }
            let mut content = Content { documents, kommuner, rules, rights, sites, before_talking: booking.before_talking };
            let slugs: Vec<String> = content.kommuner.iter().map(|p| p.slug.clone()).collect();
            for slug in &slugs {
                let slug = slug.as_str();
                let Some(site) = content.booking_site_of(slug) else {
                    return Err(ContentError::Invalid(format!("booking.toml: no site for {slug}")));
                };
                let rights = content.rights_of(slug);
                if let Some(after) = rights.relative_talks.as_ref().and_then(|r| r.after_rule.as_ref()) {
                    if !content.rules.iter().any(|r| r.scope == slug && &r.id == after) {
                        return Err(ContentError::Invalid(format!("rights/{slug}.toml: after_rule {after:?} is no rule")));
                    }
                }
                // A relative's talks are capped by the municipality's own rule; without one, none are offered.
                if site.talks.iter().any(|t| t.purpose == TalkPurpose::Relative) && rights.relative_talks.is_none() {
                    return Err(ContentError::Invalid(format!("booking.toml: relatives' talks for {slug} without [params.relative_talks]")));
                }
                if site.talks.iter().any(|t| t.purpose == TalkPurpose::Counselling) && rights.anonymous_talks.is_none() {
                    return Err(ContentError::Invalid(format!("booking.toml: counselling talks for {slug} without [params.anonymous_talks]")));
                }
                let series = [&rights.relative_talks, &rights.anonymous_talks];
                for id in series.iter().filter_map(|p| p.as_ref()).flat_map(|p| p.rules.iter().chain(p.after_rule.iter())) {
                    if !content.rules.iter().any(|r| r.scope == slug && &r.id == id) {
                        return Err(ContentError::Invalid(format!("rights/{slug}.toml: talks rule {id:?} is no rule")));
                    }
                }
                let before = content
                    .before_talking
                    .get(slug)
                    .ok_or_else(|| ContentError::Invalid(format!("booking.toml: no [before_talking.{slug}]")))?;
                let references = std::iter::once(&before.who_may_book)
                    .chain(&before.notices)
                    .chain(std::iter::once(&before.duty_to_notify))
                    .chain(&before.who_may_request);
                for reference in references {
                    match content.rule_ref(reference) {
                        None => return Err(ContentError::Invalid(format!("booking.toml: [before_talking.{slug}] names {reference:?}, which is no rule"))),
                        Some(r) if r.scope != slug && r.scope != LAW_SCOPE && !before.notices.contains(reference) => {
                            return Err(ContentError::Invalid(format!("booking.toml: [before_talking.{slug}] names {reference:?}, a rule of another municipality")))
                        }
                        Some(_) => {}
                    }
                }
                if content.rule_ref(&before.duty_to_notify).is_some_and(|r| r.topic != Topic::Children) {
                    return Err(ContentError::Invalid(format!("booking.toml: [before_talking.{slug}] duty_to_notify names a rule outside the topic of children")));
                }
                if before.who_may_request.is_empty() {
                    return Err(ContentError::Invalid(format!("booking.toml: [before_talking.{slug}] who_may_request names no rule")));
                }
                let kommune_rules: Vec<&Rule> = content.rules.iter().filter(|r| r.scope == slug || r.scope == LAW_SCOPE).collect();
                if let Some(cycle) = crate::domain::rights::limit_cycle(&logic_of(&kommune_rules, |r| r.when.clone())) {
                    let names: Vec<String> = cycle.iter().map(|i| format!("{}/{}", kommune_rules[*i].scope, kommune_rules[*i].id)).collect();
                    return Err(ContentError::Invalid(format!("rights/{slug}.toml: the rules limit each other in a circle: {}", names.join(" → "))));
                }
            }
            for i in 0..content.kommuner.len() {
                let slug = content.kommuner[i].slug.clone();
                let offered = content.sites.iter().any(|s| s.kommuner.contains(&slug) && s.talks.iter().any(|t| t.purpose == TalkPurpose::Counselling));
                content.kommuner[i].counselling_max = content.rights.get(&slug).and_then(|r| r.anonymous_talks.as_ref()).filter(|_| offered).map(|p| p.max);
                let relatives = content.sites.iter().any(|s| s.kommuner.contains(&slug) && s.talks.iter().any(|t| t.purpose == TalkPurpose::Relative));
                content.kommuner[i].relatives_max = content.rights.get(&slug).and_then(|r| r.relative_talks.as_ref()).filter(|_| relatives).map(|p| p.max);
            }
            Ok(content)
        }

        pub fn kommune(&self, kommune: Kommune) -> &KommunePage {
            self.kommuner
                .iter()
                .find(|p| p.slug == kommune.slug())
                .expect("the municipalities are installed from this content")
        }

        /// The municipalities as the content names them, in file order: what `load` installs.
        pub fn kommune_names(&self) -> Vec<KommuneNames> {
            self.kommuner.iter().map(|p| KommuneNames { slug: p.slug.clone(), name: p.name.clone(), short_name: p.short_name.clone() }).collect()
        }

        pub fn kommune_pages(&self) -> &[KommunePage] {
            &self.kommuner
        }

        fn booking_site_of(&self, slug: &str) -> Option<&BookingSite> {
            self.sites.iter().find(|s| s.kommuner.iter().any(|k| k == slug))
        }

        fn rights_of(&self, slug: &str) -> &KommuneRights {
            self.rights.get(slug).expect("parse checked that every municipality has a rights file")
        }

        /// A rule by scope (`faelles` or a municipality slug) and id. Content tests check that every
        /// id the code asks for exists, so a missing one is a programming error.
        pub fn rule(&self, scope: &str, id: &str) -> &Rule {
            self.rules
                .iter()
                .find(|r| r.scope == scope && r.id == id)
                .unwrap_or_else(|| panic!("no rule {scope}/{id} in app/content/rights"))
        }

        pub fn booking_site(&self, kommune: Kommune) -> Option<&BookingSite> {
            self.booking_site_of(kommune.slug())
        }

        /// Every booking site, in file order.
        pub fn booking_sites(&self) -> &[BookingSite] {
            &self.sites
        }

        fn before_talking(&self, kommune: Kommune) -> &BeforeTalking {
            self.before_talking.get(kommune.slug()).expect("checked when the content was loaded")
        }

        /// The rules a `scope/id` list names (each checked when the content was loaded).
        fn rules_named<'a>(&'a self, references: impl IntoIterator<Item = &'a String>) -> Vec<&'a Rule> {
            references.into_iter().filter_map(|r| self.rule_ref(r)).collect()
        }

        /// What a person is told before an anonymous booking: the notices, then the duty to notify.
        pub fn booking_notices(&self, kommune: Kommune) -> Vec<CitedText> {
            self.booking_notice_rules(kommune).into_iter().map(|r| r.fact.clone()).collect()
        }

        /// The rules behind the booking notices, for the guide to weigh against the answers.
        pub fn booking_notice_rules(&self, kommune: Kommune) -> Vec<&Rule> {
            let before = self.before_talking(kommune);
            let mut rules = self.rules_named(&before.notices);
            rules.extend(self.rules_named([&before.duty_to_notify]).into_iter().filter(|r| !before.notices.contains(&format!("{}/{}", r.scope, r.id))));
            rules
        }

        /// The staff's duty to notify about children (Serviceloven § 153), as this municipality's
        /// content gives it: said on every page where a person books a talk or asks for treatment.
        pub fn duty_to_notify(&self, kommune: Kommune) -> &Rule {
            self.rule_ref(&self.before_talking(kommune).duty_to_notify).expect("checked when the content was loaded")
        }

        /// Who may ask for treatment with their name: the target group, ages included.
        pub fn who_may_request(&self, kommune: Kommune) -> Vec<&Rule> {
            self.rules_named(&self.before_talking(kommune).who_may_request)
        }

        /// The rule a `scope/id` reference names.
        pub fn rule_ref(&self, reference: &str) -> Option<&Rule> {
            let (scope, id) = reference.split_once('/')?;
            self.rules.iter().find(|r| r.scope == scope && r.id == id)
        }

        /// The rule that says who may book an anonymous conversation in the municipality.
        pub fn who_may_book(&self, kommune: Kommune) -> &Rule {
            self.rule_ref(&self.before_talking(kommune).who_may_book).expect("checked when the content was loaded")
        }

        pub fn rules(&self) -> &[Rule] {
            &self.rules
        }

        /// The rules that hold everywhere (`faelles`: what the law says, as the seeds quote it).
        pub fn law_rules(&self) -> impl Iterator<Item = &Rule> {
            self.rules.iter().filter(|r| r.scope == "faelles")
        }

        /// One municipality's own rules, in file order.
        pub fn kommune_rules(&self, kommune: Kommune) -> impl Iterator<Item = &Rule> {
            self.rules.iter().filter(move |r| r.scope == kommune.slug())
        }

        /// The deadlines and scope a municipality's rights file gives.
        pub fn kommune_rights(&self, kommune: Kommune) -> &KommuneRights {
            self.rights_of(kommune.slug())
        }

        pub fn documents(&self) -> &[SourceDocument] {
            &self.documents
        }
    }

    /// The guide's view of a list of rules: each with the positions of the rules that limit it.
    /// `when` gives a rule's conditions as the guide reads them (a drugs-only standard reads its
    /// own rules as rules for drugs).
    pub fn logic_of(rules: &[&Rule], when: impl Fn(&Rule) -> Conditions) -> Vec<crate::domain::rights::RuleLogic> {
        rules
            .iter()
            .map(|r| {
                let me = r.key();
                let position = |key: &str| rules.iter().position(|x| x.key() == key);
                let mut overruled_by: Vec<(usize, Ground)> = rules
                    .iter()
                    .enumerate()
                    .flat_map(|(i, by)| by.overrides.iter().filter(|(target, _)| *target == me).map(move |(_, g)| (i, *g)))
                    .collect();
                overruled_by.extend(r.yields_to.iter().filter_map(|(winner, g)| position(winner).map(|i| (i, *g))));
                crate::domain::rights::RuleLogic {
                    title: r.title.clone(),
                    topic: r.topic,
                    when: when(r),
                    unless: r.unless.clone(),
                    within: rules.iter().enumerate().filter(|(_, by)| by.limits.contains(&me)).map(|(i, _)| i).collect(),
                    claims: r.claims.clone(),
                    overruled_by,
                }
            })
            .collect()
    }

    fn resolve(documents: &[SourceDocument], anchors: &SectionAnchors, f: &RawFact) -> Result<CitedText, ContentError> {
        let doc = documents
            .iter()
            .find(|d| d.id == f.doc)
            .ok_or_else(|| ContentError::Invalid(format!("fact {:?} cites unknown document {:?}", f.text, f.doc)))?;
        if f.text.trim().is_empty() || f.section.trim().is_empty() {
            return Err(ContentError::Invalid(format!("fact citing {:?} has empty text or section", f.doc)));
        }
        Ok(CitedText {
            text: f.text.trim().to_string(),
            source: Citation {
                doc_id: doc.id.clone(),
                doc_title: doc.short.clone(),
                section: f.section.clone(),
                law: f.law.clone(),
                // A params table's "text" is its quote: found in the section's words if need be.
                anchor: anchors.anchor(&doc.id, &f.section).or_else(|| anchors.containing(&doc.id, &f.text)),
                expired: anchors.expired(&doc.id),
                statute: false,
            },
        })
    }

    fn cited_documents(documents: &[SourceDocument], page: &KommunePage) -> Vec<SourceDocument> {
        documents
            .iter()
            .filter(|d| page.facts().any(|f| f.source.doc_id == d.id))
            .cloned()
            .collect()
    }

    /// The content the process serves, parsed and cross-checked once.
    static LOADED: OnceLock<(Content, Catalogue)> = OnceLock::new();

    /// Parses and cross-checks a set of content files and makes it the content this process
    /// serves, its municipalities included. The server calls it at start (with `RMP_CONTENT_DIR`
    /// or the compiled files), so bad content stops it there and never on a request.
    pub fn load(files: &ContentFiles) -> Result<(), ContentError> {
        let content = Content::parse(files)?;
        let catalogue = Catalogue::parse(files, &content)?;
        crate::domain::kommune::install(content.kommune_names()).map_err(|e| ContentError::Invalid(e.to_string()))?;
        LOADED.set((content, catalogue)).map_err(|_| ContentError::Invalid("the content is already loaded".into()))
    }

    /// What is loaded; the compiled content where nothing was loaded first (unit tests).
    fn loaded() -> &'static (Content, Catalogue) {
        LOADED.get_or_init(|| {
            let files = ContentFiles::compiled();
            let content = Content::parse(&files).unwrap_or_else(|e| panic!("the compiled content is invalid: {e}"));
            let catalogue = Catalogue::parse(&files, &content).unwrap_or_else(|e| panic!("the compiled catalogue is invalid: {e}"));
            crate::domain::kommune::install(content.kommune_names()).unwrap_or_else(|e| panic!("{e}"));
            (content, catalogue)
        })
    }

    /// The parsed content.
    pub fn content() -> &'static Content {
        &loaded().0
    }

    /// The parsed catalogue, standards and rights params.
    pub fn catalogue() -> &'static Catalogue {
        &loaded().1
    }

    /// Every municipality of the loaded content, in file order.
    pub fn kommuner() -> &'static [Kommune] {
        loaded();
        Kommune::all()
    }

    /// The municipality with this slug in the loaded content.
    pub fn find_kommune(slug: &str) -> Option<Kommune> {
        loaded();
        Kommune::from_slug(slug)
    }

    /// For tests and tools that name a municipality of the content they loaded: its handle, or a
    /// panic naming the slug.
    pub fn kommune_named(slug: &str) -> Kommune {
        find_kommune(slug).unwrap_or_else(|| panic!("no municipality {slug:?} in the loaded content"))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn content_files_parse_and_cross_check() {
            let c = Content::parse(&ContentFiles::compiled()).expect("content parses");
            assert_eq!(c.documents().len(), 5, "one entry per seed document");
        }

        /// Every rule's citation finds its section on the standard's page (the link a reader
        /// follows to check the words); one planted heading that is nowhere finds none.
        #[test]
        fn every_rule_citation_has_its_section_on_the_standards_page() {
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            let unanchored: Vec<String> = c.rules().iter().filter(|r| r.fact.source.anchor.is_none()).map(|r| format!("{}/{} ({})", r.scope, r.id, r.fact.source.section)).collect();
            assert!(unanchored.is_empty(), "{unanchored:?}");
            let anchors = super::super::catalogue::section_anchors(&ContentFiles::compiled()).unwrap();
            assert_eq!(anchors.anchor("odsherred-2025", "Tilbuddet").as_deref(), Some("tilbuddet-indhold-og-omfang"));
            assert_eq!(anchors.anchor("odsherred-2025", "Et afsnit, der ikke findes"), None);
        }

        /// Collapses white space and joins words hyphenated across PDF lines, so a heading that
        /// the PDF broke over several lines is still found.
        fn normalise(s: &str) -> String {
            let joined = s.replace("-\n", "");
            joined.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
        }

        fn seed_text(seed: &str) -> String {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/seeds").join(seed);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        }

        #[test]
        fn every_cited_section_heading_occurs_in_its_seed() {
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            for &k in super::super::kommuner() {
                let p = c.kommune(k);
                for f in p.facts() {
                    let doc = c.documents().iter().find(|d| d.id == f.source.doc_id).unwrap();
                    let text = normalise(&seed_text(&doc.seed));
                    assert!(
                        text.contains(&normalise(&f.source.section)),
                        "{}: section {:?} not found in {}",
                        k.slug(),
                        f.source.section,
                        doc.seed
                    );
                }
            }
        }

        #[test]
        fn contact_details_are_quoted_from_their_seed() {
            // Phone numbers, e-mail addresses and street names must appear in the cited seed.
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            for &k in super::super::kommuner() {
                let p = c.kommune(k);
                for f in [p.phone.as_ref(), p.email.as_ref(), p.website.as_ref()].into_iter().flatten() {
                    let doc = c.documents().iter().find(|d| d.id == f.source.doc_id).unwrap();
                    let digits_or_word = f.text.split(" (").next().unwrap();
                    let seed = normalise(&seed_text(&doc.seed)).replace(' ', "");
                    assert!(
                        seed.contains(&normalise(digits_or_word).replace(' ', "")),
                        "{}: {:?} is not in {}",
                        k.slug(),
                        f.text,
                        doc.seed
                    );
                }
            }
        }

        #[test]
        fn every_rights_rule_is_quoted_verbatim_from_its_seed_under_its_section() {
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            assert!(c.rules().len() > 100, "{} rules", c.rules().len());
            for r in c.rules() {
                let doc = c.documents().iter().find(|d| d.id == r.fact.source.doc_id).unwrap();
                let seed = normalise(&seed_text(&doc.seed));
                let section_at = seed.find(&normalise(&r.fact.source.section));
                let quote_at = seed.find(&normalise(&r.quote));
                assert!(section_at.is_some(), "{}/{}: section {:?} not in {}", r.scope, r.id, r.fact.source.section, doc.seed);
                assert!(quote_at.is_some(), "{}/{}: quote not in {}: {:?}", r.scope, r.id, doc.seed, r.quote);
                assert!(!r.title.is_empty());
            }
        }

        #[test]
        fn every_params_quote_is_verbatim_from_its_seed_under_its_section() {
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            let mut checked = 0;
            let files = ContentFiles::compiled();
            for (scope, _, text) in files.tomls_in("rights") {
                let file: toml::Table = toml::from_str(text).unwrap();
                let Some(params) = file.get("params").and_then(|p| p.as_table()) else { continue };
                for (name, table) in params {
                    let table = table.as_table().unwrap();
                    let doc_id = table["doc"].as_str().unwrap();
                    let doc = c.documents().iter().find(|d| d.id == doc_id).unwrap();
                    let seed = normalise(&seed_text(&doc.seed));
                    let section = table["section"].as_str().unwrap();
                    assert!(seed.contains(&normalise(section)), "{scope}/{name}: section {section:?} not in {}", doc.seed);
                    for (key, value) in table.iter().filter(|(k, _)| *k == "quote" || k.ends_with("_quote")) {
                        let quote = value.as_str().unwrap();
                        assert!(seed.contains(&normalise(quote)), "{scope}/{name}.{key} not in {}: {quote:?}", doc.seed);
                        checked += 1;
                    }
                }
            }
            assert!(checked >= 25, "{checked} quotes checked");
        }

        #[test]
        fn every_municipality_has_a_site_and_a_way_to_reach_it() {
            let c = Content::parse(&ContentFiles::compiled()).unwrap();
            for &k in super::super::kommuner() {
                let p = c.kommune(k);
                assert!(!p.site_name.is_empty());
                assert!(p.phone.is_some() || p.email.is_some() || p.address.is_some(), "{} has no contact", k.slug());
                assert!(!p.sources.is_empty());
            }
        }

        #[test]
        fn a_fact_citing_an_unknown_document_is_refused() {
            let docs = toml::from_str::<DocumentsFile>(ContentFiles::compiled().get("documents.toml").unwrap()).unwrap().document;
            let bad = RawFact { text: "x".into(), doc: "nope".into(), section: "y".into(), law: None };
            assert!(resolve(&docs, &SectionAnchors::default(), &bad).is_err());
            let empty = RawFact { text: " ".into(), doc: "thisted".into(), section: "y".into(), law: None };
            assert!(resolve(&docs, &SectionAnchors::default(), &empty).is_err());
        }
    }
}

/// Issue 6: service catalogue, outcome targets, structured standards, rights params.
pub mod catalogue;
/// Where the content files come from: compiled in, or a directory read at start.
#[cfg(feature = "ssr")]
pub mod files;

/// What each municipality evaluates, and the targets the follow-up measures (issue 18).
#[cfg(feature = "ssr")]
pub mod evaluation;
/// Where a person may write to the counsellors anonymously, and what they are told first (issue 19).
#[cfg(feature = "ssr")]
pub mod messages;
/// The content checker (`server check-content DIR`).
#[cfg(feature = "ssr")]
pub mod check;

/// The comparison of municipalities, built from the content in Danish (server only).
#[cfg(feature = "ssr")]
pub mod compare;
