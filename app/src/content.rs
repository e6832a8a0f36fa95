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
}

/// What the municipality start page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KommunePage {
    pub slug: String,
    pub name: String,
    pub site_name: String,
    pub site_about: CitedText,
    pub address: Option<CitedText>,
    pub phone: Option<CitedText>,
    pub email: Option<CitedText>,
    pub website: Option<CitedText>,
    pub contact_ways: Option<CitedText>,
    pub opening_hours: Option<CitedText>,
    pub relatives: Option<CitedText>,
    pub anonymity: Option<CitedText>,
    /// The cap on a citizen's anonymous counselling series where the standard sets one and the
    /// site offers it (`/{kommune}/raadgivning`).
    #[serde(default)]
    pub counselling_max: Option<u32>,
    /// Every document cited on the page, for the "sources" list at its foot.
    pub sources: Vec<SourceDocument>,
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
pub use loader::{
    content, BookingSite, ComplaintParams, Content, ContentError, GuaranteeParams, KommuneRights, RelativeTalksParams, Rule, ScopeParams, TalkKind, TalkPurpose,
};

#[cfg(feature = "ssr")]
mod loader {
    use super::*;
    use crate::domain::deadlines::{ClockStart, CountedFrom, MustBe};
    use crate::domain::kommune::Kommune;
    use crate::domain::rights::{Conditions, Topic};
    use std::collections::HashMap;
    use std::sync::LazyLock;

    const DOCUMENTS: &str = include_str!("../content/documents.toml");
    const KOMMUNER: &str = include_str!("../content/kommuner.toml");
    const BOOKING: &str = include_str!("../content/booking.toml");
    /// Rights rules per scope: one file per municipality plus `faelles` (the law everywhere).
    const RIGHTS: [(&str, &str); 5] = [
        ("faelles", include_str!("../content/rights/faelles.toml")),
        ("ishoj", include_str!("../content/rights/ishoj.toml")),
        ("vallensbaek", include_str!("../content/rights/vallensbaek.toml")),
        ("odsherred", include_str!("../content/rights/odsherred.toml")),
        ("thisted", include_str!("../content/rights/thisted.toml")),
    ];

    #[derive(Debug, thiserror::Error)]
    pub enum ContentError {
        #[error("{file}: {source}")]
        Parse { file: &'static str, source: toml::de::Error },
        #[error("{0}")]
        Invalid(String),
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
        #[serde(default)]
        note: Option<String>,
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
        notices: std::collections::HashMap<String, Vec<String>>,
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
        pub scope: &'static str,
        pub id: String,
        pub topic: Topic,
        pub title: String,
        pub fact: CitedText,
        pub quote: String,
        pub when: Conditions,
        pub unless: Conditions,
        pub note: Option<String>,
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
        governing_doc: String,
        site_name: String,
        site_about: RawFact,
        address: Option<RawFact>,
        phone: Option<RawFact>,
        email: Option<RawFact>,
        website: Option<RawFact>,
        contact_ways: Option<RawFact>,
        opening_hours: Option<RawFact>,
        relatives: Option<RawFact>,
        anonymity: Option<RawFact>,
    }

    /// All content, parsed and cross-checked once.
    pub struct Content {
        documents: Vec<SourceDocument>,
        kommuner: Vec<KommunePage>,
        rules: Vec<Rule>,
        rights: HashMap<&'static str, KommuneRights>,
        sites: Vec<BookingSite>,
        notices: std::collections::HashMap<String, Vec<String>>,
    }

    impl Content {
        pub fn parse() -> Result<Content, ContentError> {
            let docs: DocumentsFile =
                toml::from_str(DOCUMENTS).map_err(|source| ContentError::Parse { file: "documents.toml", source })?;
            let raw: KommunerFile =
                toml::from_str(KOMMUNER).map_err(|source| ContentError::Parse { file: "kommuner.toml", source })?;
            let documents = docs.document;
            let mut kommuner = Vec::new();
            for k in raw.kommune {
                if Kommune::from_slug(&k.slug).is_none() {
                    return Err(ContentError::Invalid(format!("kommuner.toml: unknown slug {:?}", k.slug)));
                }
                if !documents.iter().any(|d| d.id == k.governing_doc) {
                    return Err(ContentError::Invalid(format!("{}: unknown governing_doc {:?}", k.slug, k.governing_doc)));
                }
                let cite = |f: &RawFact| -> Result<CitedText, ContentError> { resolve(&documents, f) };
                let opt = |f: &Option<RawFact>| f.as_ref().map(cite).transpose();
                let mut page = KommunePage {
                    slug: k.slug.clone(),
                    name: k.name,
                    site_name: k.site_name,
                    site_about: cite(&k.site_about)?,
                    address: opt(&k.address)?,
                    phone: opt(&k.phone)?,
                    email: opt(&k.email)?,
                    website: opt(&k.website)?,
                    contact_ways: opt(&k.contact_ways)?,
                    opening_hours: opt(&k.opening_hours)?,
                    relatives: opt(&k.relatives)?,
                    counselling_max: None,
                    anonymity: opt(&k.anonymity)?,
                    sources: Vec::new(),
                };
                page.sources = cited_documents(&documents, &page);
                kommuner.push(page);
            }
            for k in Kommune::ALL {
                if !kommuner.iter().any(|p| p.slug == k.slug()) {
                    return Err(ContentError::Invalid(format!("kommuner.toml: {} is missing", k.slug())));
                }
            }
            let mut rules = Vec::new();
            let mut rights = HashMap::new();
            for (scope, text) in RIGHTS {
                let file: RightsFile = toml::from_str(text)
                    .map_err(|e| ContentError::Invalid(format!("rights/{scope}.toml: {e}")))?;
                for r in file.rule {
                    if rules.iter().any(|x: &Rule| x.scope == scope && x.id == r.id) {
                        return Err(ContentError::Invalid(format!("rights/{scope}.toml: rule {:?} twice", r.id)));
                    }
                    let topic = Topic::from_slug(&r.topic).ok_or_else(|| {
                        ContentError::Invalid(format!("rights/{scope}.toml: rule {:?} has unknown topic {:?}", r.id, r.topic))
                    })?;
                    let fact = resolve(&documents, &RawFact { text: r.text, doc: r.doc, section: r.section, law: r.law })?;
                    rules.push(Rule {
                        scope,
                        id: r.id,
                        topic,
                        title: r.title,
                        fact,
                        quote: r.quote,
                        when: r.when,
                        unless: r.unless,
                        note: r.note,
                    });
                }
                let cite = |s: &RawSource| -> Result<Citation, ContentError> {
                    let fact = RawFact { text: s.quote.clone(), doc: s.doc.clone(), section: s.section.clone(), law: None };
                    Ok(resolve(&documents, &fact)?.source)
                };
                let p = file.params;
                rights.insert(
                    scope,
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
            let booking: BookingFile = toml::from_str(BOOKING).map_err(|source| ContentError::Parse { file: "booking.toml", source })?;
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
            let mut content = Content { documents, kommuner, rules, rights, sites, notices: booking.notices };
            for k in Kommune::ALL {
                let Some(site) = content.booking_site(k) else {
                    return Err(ContentError::Invalid(format!("booking.toml: no site for {}", k.slug())));
                };
                if let Some(after) = content.kommune_rights(k).relative_talks.as_ref().and_then(|r| r.after_rule.as_ref()) {
                    if !content.rules.iter().any(|r| r.scope == k.slug() && &r.id == after) {
                        return Err(ContentError::Invalid(format!("rights/{}.toml: after_rule {after:?} is no rule", k.slug())));
                    }
                }
                // A relative's talks are capped by the municipality's own rule; without one, none are offered.
                if site.talks.iter().any(|t| t.purpose == TalkPurpose::Relative) && content.kommune_rights(k).relative_talks.is_none() {
                    return Err(ContentError::Invalid(format!("booking.toml: relatives' talks for {} without [params.relative_talks]", k.slug())));
                }
                if site.talks.iter().any(|t| t.purpose == TalkPurpose::Counselling) && content.kommune_rights(k).anonymous_talks.is_none() {
                    return Err(ContentError::Invalid(format!("booking.toml: counselling talks for {} without [params.anonymous_talks]", k.slug())));
                }
                let series = [&content.kommune_rights(k).relative_talks, &content.kommune_rights(k).anonymous_talks];
                for id in series.iter().filter_map(|p| p.as_ref()).flat_map(|p| p.rules.iter().chain(p.after_rule.iter())) {
                    if !content.rules.iter().any(|r| r.scope == k.slug() && &r.id == id) {
                        return Err(ContentError::Invalid(format!("rights/{}.toml: talks rule {id:?} is no rule", k.slug())));
                    }
                }
                for n in content.notices.get(k.slug()).into_iter().flatten() {
                    let (scope, id) = n.split_once('/').unwrap_or(("", n));
                    if !content.rules.iter().any(|r| r.scope == scope && r.id == id) {
                        return Err(ContentError::Invalid(format!("booking.toml: notice {n:?} is no rule")));
                    }
                }
            }
            for page in content.kommuner.iter_mut() {
                let Some(k) = Kommune::from_slug(&page.slug) else { continue };
                let offered = content.sites.iter().any(|s| s.kommuner.iter().any(|x| x == k.slug()) && s.talks.iter().any(|t| t.purpose == TalkPurpose::Counselling));
                page.counselling_max = content.rights.get(k.slug()).and_then(|r| r.anonymous_talks.as_ref()).filter(|_| offered).map(|p| p.max);
            }
            Ok(content)
        }

        pub fn kommune(&self, kommune: Kommune) -> &KommunePage {
            self.kommuner
                .iter()
                .find(|p| p.slug == kommune.slug())
                .expect("Content::parse checked that every municipality is present")
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
            self.sites.iter().find(|s| s.kommuner.iter().any(|k| k == kommune.slug()))
        }

        /// What a person is told before confirming an anonymous booking.
        pub fn booking_notices(&self, kommune: Kommune) -> Vec<CitedText> {
            self.notices
                .get(kommune.slug())
                .into_iter()
                .flatten()
                .filter_map(|n| n.split_once('/'))
                .map(|(scope, id)| self.rule(scope, id).fact.clone())
                .collect()
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
            self.rights.get(kommune.slug()).expect("every municipality has a rights file")
        }

        pub fn documents(&self) -> &[SourceDocument] {
            &self.documents
        }
    }

    fn resolve(documents: &[SourceDocument], f: &RawFact) -> Result<CitedText, ContentError> {
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
            },
        })
    }

    fn cited_documents(documents: &[SourceDocument], page: &KommunePage) -> Vec<SourceDocument> {
        let facts = [
            Some(&page.site_about),
            page.address.as_ref(),
            page.phone.as_ref(),
            page.email.as_ref(),
            page.website.as_ref(),
            page.contact_ways.as_ref(),
            page.opening_hours.as_ref(),
            page.relatives.as_ref(),
            page.anonymity.as_ref(),
        ];
        documents
            .iter()
            .filter(|d| facts.iter().flatten().any(|f| f.source.doc_id == d.id))
            .cloned()
            .collect()
    }

    static CONTENT: LazyLock<Content> =
        LazyLock::new(|| Content::parse().unwrap_or_else(|e| panic!("content files are invalid: {e}")));

    /// The parsed content. The server calls `Content::parse` at start, so a broken file stops it
    /// there with a clear message instead of here on a request.
    pub fn content() -> &'static Content {
        &CONTENT
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn content_files_parse_and_cross_check() {
            let c = Content::parse().expect("content parses");
            assert_eq!(c.documents().len(), 5, "one entry per seed document");
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
            let c = Content::parse().unwrap();
            for k in Kommune::ALL {
                let p = c.kommune(k);
                let facts = [
                    Some(&p.site_about),
                    p.address.as_ref(),
                    p.phone.as_ref(),
                    p.email.as_ref(),
                    p.website.as_ref(),
                    p.contact_ways.as_ref(),
                    p.opening_hours.as_ref(),
                    p.relatives.as_ref(),
                    p.anonymity.as_ref(),
                ];
                for f in facts.into_iter().flatten() {
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
            let c = Content::parse().unwrap();
            for k in Kommune::ALL {
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
            let c = Content::parse().unwrap();
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
            let c = Content::parse().unwrap();
            let mut checked = 0;
            for (scope, text) in RIGHTS {
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
            let c = Content::parse().unwrap();
            for k in Kommune::ALL {
                let p = c.kommune(k);
                assert!(!p.site_name.is_empty());
                assert!(p.phone.is_some() || p.email.is_some() || p.address.is_some(), "{} has no contact", k.slug());
                assert!(!p.sources.is_empty());
            }
        }

        #[test]
        fn a_fact_citing_an_unknown_document_is_refused() {
            let docs = toml::from_str::<DocumentsFile>(DOCUMENTS).unwrap().document;
            let bad = RawFact { text: "x".into(), doc: "nope".into(), section: "y".into(), law: None };
            assert!(resolve(&docs, &bad).is_err());
            let empty = RawFact { text: " ".into(), doc: "thisted".into(), section: "y".into(), law: None };
            assert!(resolve(&docs, &empty).is_err());
        }
    }
}

/// Issue 6: service catalogue, outcome targets, structured standards, rights params.
pub mod catalogue;
