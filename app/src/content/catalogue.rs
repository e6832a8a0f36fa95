//! Issue 6: the service catalogue, the outcome targets, the structured text of the standards and
//! the rights files' `[params.*]` tables for the comparison. Kept apart from the rest of the
//! loader (`content.rs`) so the two can grow without touching each other.
//!
//! Files: `app/content/catalogue/{services,checklist,outcomes}.toml`, `app/content/standards/*.toml`.
//! Parsed and cross-checked on the server only; pages get them through `api::catalogue`.

use super::Citation;
use crate::domain::standard_status::Status;
use serde::{Deserialize, Serialize};

/// One service (ydelse) as one seed describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// Kind id, e.g. "ambulant", "anonymous-counselling" (labels in `text/catalogue.rs`).
    pub kind: String,
    pub kommuner: Vec<String>,
    /// "own" | "external" | "own-or-external".
    pub provider: String,
    pub provider_name: Option<String>,
    pub legal_basis: Vec<String>,
    /// "alcohol" and/or "drugs".
    pub substances: Vec<String>,
    pub target_group: String,
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
    /// Where the lowest age comes from when the service's own document gives only the upper
    /// one: the site's target group in the municipality's standard ("Pitstop … fra 13 år" for
    /// Pitstop's offer "for unge under 30 år"), so both ends are from a standard's own words.
    #[serde(default)]
    pub min_age_source: Option<Citation>,
    pub intensity: Option<String>,
    pub duration: Option<String>,
    pub price: Option<String>,
    pub anonymous: Option<bool>,
    pub visitation_required: Option<bool>,
    pub summary: String,
    /// Verbatim from the seed: what proves the record.
    pub quote: String,
    pub source: Citation,
}

impl Service {
    /// What the catalogue's filters look at (`domain::catalogue::matches`).
    pub fn offer(&self) -> crate::domain::catalogue::Offer<'_> {
        crate::domain::catalogue::Offer {
            kommuner: &self.kommuner,
            kind: &self.kind,
            substances: &self.substances,
            min_age: self.min_age,
            max_age: self.max_age,
            anonymous: self.anonymous,
        }
    }
}

/// An outcome target or follow-up point, as one seed gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub kommuner: Vec<String>,
    pub text: String,
    pub value: Option<String>,
    pub quote: String,
    pub source: Citation,
}

/// A block of a standard's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(String),
    List { ordered: bool, items: Vec<String> },
    /// Rows of cells; the first cell of a row names it (the seeds' tables have no header row).
    Table(Vec<Vec<String>>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Fragment id for the table of contents, unique in the document.
    pub anchor: String,
    pub heading: String,
    /// 2 or 3 (h2 or h3).
    pub level: u8,
    pub blocks: Vec<Block>,
}

/// A later document that replaces this one for one municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Supersession {
    pub kommune: String,
    pub by_id: String,
    pub by_short: String,
}

/// A standard's facts and status, without its text (for the list page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandardSummary {
    pub id: String,
    pub short: String,
    pub title: String,
    pub issuer: String,
    pub approved: String,
    pub validity: String,
    pub kommuner: Vec<String>,
    pub status: Status,
    pub superseded: Vec<Supersession>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    pub summary: StandardSummary,
    pub sections: Vec<Section>,
}

/// A municipality's standard on a given day: what its start page says about it.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandardFor {
    /// Its facts (documents.toml) and its status on the day.
    pub summary: StandardSummary,
    /// The first and the last day of its period, where it gives them.
    pub from: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
    /// The standards published after it for the municipality: empty where none is.
    pub newer: Vec<StandardSummary>,
}

/// One fact in a comparison cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareFact {
    /// A short heading for the fact (a rule's title, a service's name), where there is one.
    pub label: Option<String>,
    pub fact: super::CitedText,
    pub quote: Option<String>,
    /// The fact comes from a standard whose period has ended.
    pub expired: bool,
}

/// One topic: a cell per chosen municipality, in the order they were chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareRow {
    pub key: String,
    pub title: String,
    pub cells: Vec<Vec<CompareFact>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// (slug, name) per chosen municipality.
    pub kommuner: Vec<(String, String)>,
    pub rows: Vec<CompareRow>,
}

/// Makes a fragment id from a heading: lower-case ASCII letters, digits and hyphens.
pub fn anchor_of(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-')
                }
            }
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "afsnit".to_string()
    } else {
        out
    }
}

#[cfg(feature = "ssr")]
pub use loader::{section_anchors, Catalogue, Params, SectionAnchors, KINDS, SUBSTANCES};
#[cfg(feature = "ssr")]
pub use crate::content::catalogue;

#[cfg(feature = "ssr")]
mod loader {
    use super::*;
    use crate::content::files::ContentFiles;
    use crate::content::{parse_file, Content, ContentError, SourceDocument, LAW_SCOPE};
    use crate::domain::standard_status::{self, Validity};
    use chrono::NaiveDate;
    use std::collections::BTreeMap;

    /// Service kinds in the order the filter lists them.
    pub const KINDS: [&str; 17] = [
        "anonymous-counselling",
        "anonymous-treatment",
        "ambulant",
        "intensive-ambulant",
        "group",
        "day",
        "residential",
        "detox",
        "substitution",
        "doctor-talk",
        "relatives",
        "aftercare",
        "relapse-prevention",
        "prevention-education",
        "network",
        "consultancy",
        "other",
    ];
    pub const SUBSTANCES: [&str; 2] = ["alcohol", "drugs"];
    const PROVIDERS: [&str; 3] = ["own", "external", "own-or-external"];

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawService {
        id: String,
        name: String,
        kind: String,
        kommuner: Vec<String>,
        provider: String,
        #[serde(default)]
        provider_name: Option<String>,
        legal_basis: Vec<String>,
        substances: Vec<String>,
        target_group: String,
        #[serde(default)]
        min_age: Option<u32>,
        #[serde(default)]
        max_age: Option<u32>,
        #[serde(default)]
        min_age_source: Option<RawAgeSource>,
        #[serde(default)]
        intensity: Option<String>,
        #[serde(default)]
        duration: Option<String>,
        #[serde(default)]
        price: Option<String>,
        #[serde(default)]
        anonymous: Option<bool>,
        #[serde(default)]
        visitation_required: Option<bool>,
        doc: String,
        section: String,
        quote: String,
        summary: String,
    }

    /// A lowest age cited from another section or document than the service's own.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawAgeSource {
        doc: String,
        section: String,
        quote: String,
    }

    #[derive(Deserialize)]
    struct ServicesFile {
        service: Vec<RawService>,
    }

    #[derive(Deserialize)]
    struct ChecklistFile {
        seed: Vec<ChecklistSeed>,
    }

    #[derive(Clone, Debug, Deserialize)]
    pub struct ChecklistSeed {
        pub doc: String,
        pub services: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawOutcome {
        kommuner: Vec<String>,
        doc: String,
        section: String,
        quote: String,
        text: String,
        #[serde(default)]
        value: Option<String>,
    }

    #[derive(Deserialize)]
    struct OutcomesFile {
        outcome: Vec<RawOutcome>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawStandard {
        id: String,
        kommuner: Vec<String>,
        #[serde(default)]
        valid_from: Option<String>,
        #[serde(default)]
        valid_until: Option<String>,
        #[serde(default)]
        open_ended: bool,
        #[serde(default)]
        superseded: Vec<RawSupersession>,
        section: Vec<RawSection>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawSupersession {
        kommune: String,
        by: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawSection {
        heading: String,
        #[serde(default = "level_two")]
        level: u8,
        #[serde(default)]
        block: Vec<RawBlock>,
    }

    fn level_two() -> u8 {
        2
    }

    /// Exactly one of `p`, `list` (or `ol`) and `table`.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawBlock {
        #[serde(default)]
        p: Option<String>,
        #[serde(default)]
        list: Option<Vec<String>>,
        #[serde(default)]
        ol: Option<Vec<String>>,
        #[serde(default)]
        table: Option<Vec<Vec<String>>>,
    }

    /// One `[params.NAME]` table of a municipality's rights file, with its citation.
    #[derive(Clone, Debug)]
    pub struct Params {
        pub kommune: String,
        pub name: String,
        pub table: toml::Table,
        pub source: Citation,
        pub quote: String,
    }

    impl Params {
        pub fn int(&self, key: &str) -> Option<i64> {
            self.table.get(key).and_then(|v| v.as_integer())
        }
        pub fn str(&self, key: &str) -> Option<&str> {
            self.table.get(key).and_then(|v| v.as_str())
        }
        pub fn bool(&self, key: &str) -> Option<bool> {
            self.table.get(key).and_then(|v| v.as_bool())
        }
        pub fn ints(&self, key: &str) -> Vec<i64> {
            self.table
                .get(key)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|v| v.as_integer()).collect())
                .unwrap_or_default()
        }
        pub fn strs(&self, key: &str) -> Vec<String> {
            self.table
                .get(key)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        }
    }

    pub struct Catalogue {
        services: Vec<Service>,
        checklist: Vec<ChecklistSeed>,
        outcomes: Vec<Outcome>,
        standards: Vec<(Validity, Standard)>,
        params: Vec<Params>,
        evaluations: Vec<crate::content::evaluation::KommuneEvaluation>,
        messages: Vec<crate::content::messages::KommuneMessages>,
    }

    fn invalid(msg: String) -> ContentError {
        ContentError::Invalid(msg)
    }

    fn document<'a>(docs: &'a [SourceDocument], id: &str, what: &str) -> Result<&'a SourceDocument, ContentError> {
        docs.iter().find(|d| d.id == id).ok_or_else(|| invalid(format!("{what}: unknown document {id:?}")))
    }

    fn check_kommuner(content: &Content, kommuner: &[String], what: &str) -> Result<(), ContentError> {
        if kommuner.is_empty() {
            return Err(invalid(format!("{what}: no municipality")));
        }
        for k in kommuner {
            if !content.kommune_pages().iter().any(|p| &p.slug == k) {
                return Err(invalid(format!("{what}: unknown municipality {k:?}")));
            }
        }
        Ok(())
    }

    fn cite(anchors: &SectionAnchors, doc: &SourceDocument, section: &str, law: Option<String>, quote: &str) -> Citation {
        let anchor = anchors.anchor(&doc.id, section).or_else(|| anchors.containing(&doc.id, quote));
        Citation { doc_id: doc.id.clone(), doc_title: doc.short.clone(), section: section.to_string(), law, anchor, expired: anchors.expired(&doc.id), statute: false }
    }

    /// Where each section of each standard is on its page: heading and text (letters only, as
    /// the checker reads seeds) and the fragment the page gives it.
    #[derive(Default)]
    pub struct SectionAnchors {
        by_doc: std::collections::HashMap<String, Vec<(String, String, String)>>,
        /// The documents that have expired, with their period ("2020–2022").
        expired: std::collections::HashMap<String, String>,
    }

    impl SectionAnchors {
        /// The fragment of a cited section: the section of that heading; else one whose heading
        /// begins with it or it with the heading ("Tilbuddet" → "Tilbuddet (indhold og
        /// omfang)"); else the section whose text holds it (a sub-heading in a table).
        pub fn anchor(&self, doc: &str, section: &str) -> Option<String> {
            let wanted = crate::content::check::letters(section);
            let sections = self.by_doc.get(doc)?;
            if wanted.is_empty() {
                return None;
            }
            let found = sections
                .iter()
                .find(|(heading, _, _)| *heading == wanted)
                .or_else(|| sections.iter().find(|(heading, _, _)| !heading.is_empty() && (heading.starts_with(&wanted) || wanted.starts_with(heading.as_str()))))
                .or_else(|| sections.iter().find(|(_, _, text)| text.contains(&wanted)));
            found.map(|(_, anchor, _)| anchor.clone())
        }

        /// The fragment of the section whose text holds a passage (a citation's verbatim quote):
        /// for headings the structured text leaves out, such as the left-column sub-headings of
        /// a law's text.
        /// The period of an expired document: one whose last day lies before the first day of
        /// a newer standard in the same content. Computed from the standards' own dates, not
        /// from today, so no page or test depends on the day it is made.
        pub fn expired(&self, doc: &str) -> Option<String> {
            self.expired.get(doc).cloned()
        }

        /// Whether `section` is a heading of the document (the heading itself, or one that
        /// begins with it), not only words in its text. `None` where the content has no
        /// structured text of the document.
        pub fn is_heading(&self, doc: &str, section: &str) -> Option<bool> {
            let wanted = crate::content::check::letters(section);
            let sections = self.by_doc.get(doc)?;
            Some(!wanted.is_empty() && sections.iter().any(|(heading, _, _)| *heading == wanted || (!heading.is_empty() && heading.starts_with(&wanted))))
        }

        pub fn containing(&self, doc: &str, passage: &str) -> Option<String> {
            let wanted = crate::content::check::letters(passage);
            if wanted.len() < 12 {
                return None;
            }
            self.by_doc.get(doc)?.iter().find(|(_, _, text)| text.contains(&wanted)).map(|(_, anchor, _)| anchor.clone())
        }
    }

    /// A section's fragment, unique in its document: its heading made ASCII, numbered from the
    /// second time the same heading occurs. The standard's page and the citations use this one.
    fn unique_anchor(taken: &[String], heading: &str) -> String {
        let base = if heading.trim().is_empty() { "indledning".to_string() } else { anchor_of(heading) };
        let mut anchor = base.clone();
        let mut n = 2;
        while taken.contains(&anchor) {
            anchor = format!("{base}-{n}");
            n += 1;
        }
        anchor
    }

    /// The section fragments of every standard in the content.
    pub fn section_anchors(files: &ContentFiles) -> Result<SectionAnchors, ContentError> {
        let mut anchors = SectionAnchors::default();
        let mut periods: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for (id, path, _) in files.tomls_in("standards") {
            let raw: RawStandard = parse_file(files, path)?;
            periods.push((id.to_string(), raw.valid_from.clone(), raw.valid_until.clone()));
            let mut taken: Vec<String> = Vec::new();
            let mut sections = Vec::new();
            for s in &raw.section {
                let anchor = unique_anchor(&taken, &s.heading);
                taken.push(anchor.clone());
                let text: String = s
                    .block
                    .iter()
                    .flat_map(|b| b.p.iter().cloned().chain(b.list.iter().flatten().cloned()).chain(b.ol.iter().flatten().cloned()).chain(b.table.iter().flatten().flatten().cloned()))
                    .collect::<Vec<_>>()
                    .join(" ");
                sections.push((crate::content::check::letters(&s.heading), anchor, crate::content::check::letters(&text)));
            }
            anchors.by_doc.insert(id.to_string(), sections);
        }
        let newest_start = periods.iter().filter_map(|(_, from, _)| from.clone()).max();
        for (id, from, until) in &periods {
            if let (Some(until), Some(newest)) = (until, &newest_start) {
                if until < newest {
                    let year = |d: &str| d.get(..4).unwrap_or(d).to_string();
                    let period = match from {
                        Some(from) => format!("{}–{}", year(from), year(until)),
                        None => year(until),
                    };
                    anchors.expired.insert(id.clone(), period);
                }
            }
        }
        Ok(anchors)
    }

    fn date(v: &Option<String>, what: &str) -> Result<Option<NaiveDate>, ContentError> {
        v.as_deref()
            .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| invalid(format!("{what}: bad date {s:?}"))))
            .transpose()
    }

    impl Catalogue {
        pub fn parse(files: &ContentFiles, content: &Content) -> Result<Catalogue, ContentError> {
            let docs = content.documents();
            let anchors = section_anchors(files)?;
            let raw: ServicesFile = parse_file(files, "catalogue/services.toml")?;
            let mut services: Vec<Service> = Vec::new();
            for s in raw.service {
                let what = format!("services.toml: {}", s.id);
                if services.iter().any(|x| x.id == s.id) {
                    return Err(invalid(format!("{what}: id twice")));
                }
                let doc = document(docs, &s.doc, &what)?;
                check_kommuner(content, &s.kommuner, &what)?;
                if !KINDS.contains(&s.kind.as_str()) {
                    return Err(invalid(format!("{what}: unknown kind {:?}", s.kind)));
                }
                if !PROVIDERS.contains(&s.provider.as_str()) {
                    return Err(invalid(format!("{what}: unknown provider {:?}", s.provider)));
                }
                if s.substances.is_empty() || s.substances.iter().any(|x| !SUBSTANCES.contains(&x.as_str())) {
                    return Err(invalid(format!("{what}: substances must be alcohol and/or drugs")));
                }
                if let (Some(lo), Some(hi)) = (s.min_age, s.max_age) {
                    if lo > hi {
                        return Err(invalid(format!("{what}: min_age above max_age")));
                    }
                }
                let min_age_source = match (&s.min_age_source, s.min_age) {
                    (None, _) => None,
                    (Some(_), None) => return Err(invalid(format!("{what}: min_age_source without min_age"))),
                    (Some(src), Some(age)) => {
                        // The quote must state the age it is the source of.
                        if !crate::content::check::letters(&src.quote).contains(&format!("{age}år")) {
                            return Err(invalid(format!("{what}: min_age_source's quote does not say {age} år")));
                        }
                        let age_doc = document(docs, &src.doc, &what)?;
                        Some(cite(&anchors, age_doc, &src.section, None, &src.quote))
                    }
                };
                for (field, v) in [("name", &s.name), ("section", &s.section), ("quote", &s.quote), ("summary", &s.summary), ("target_group", &s.target_group)] {
                    if v.trim().is_empty() {
                        return Err(invalid(format!("{what}: empty {field}")));
                    }
                }
                let law = (!s.legal_basis.is_empty()).then(|| s.legal_basis.join(", "));
                services.push(Service {
                    source: cite(&anchors, doc, &s.section, law, &s.quote),
                    id: s.id,
                    name: s.name,
                    kind: s.kind,
                    kommuner: s.kommuner,
                    provider: s.provider,
                    provider_name: s.provider_name,
                    legal_basis: s.legal_basis,
                    substances: s.substances,
                    target_group: s.target_group,
                    min_age: s.min_age,
                    max_age: s.max_age,
                    min_age_source,
                    intensity: s.intensity,
                    duration: s.duration,
                    price: s.price,
                    anonymous: s.anonymous,
                    visitation_required: s.visitation_required,
                    summary: s.summary,
                    quote: s.quote,
                });
            }

            let checklist: ChecklistFile = parse_file(files, "catalogue/checklist.toml")?;
            for seed in &checklist.seed {
                document(docs, &seed.doc, "checklist.toml")?;
            }

            let raw: OutcomesFile = parse_file(files, "catalogue/outcomes.toml")?;
            let mut outcomes = Vec::new();
            for o in raw.outcome {
                let doc = document(docs, &o.doc, "outcomes.toml")?;
                check_kommuner(content, &o.kommuner, "outcomes.toml")?;
                let source = cite(&anchors, doc, &o.section, None, &o.quote);
                outcomes.push(Outcome { kommuner: o.kommuner, text: o.text, value: o.value, quote: o.quote, source });
            }

            let mut standards = Vec::new();
            // One file per seed document, named by the document's id.
            for (id, path, _) in files.tomls_in("standards") {
                let raw: RawStandard = parse_file(files, path)?;
                let what = path.to_string();
                if raw.id != id {
                    return Err(invalid(format!("{what}: id {:?} does not match the file", raw.id)));
                }
                let doc = document(docs, id, &what)?;
                check_kommuner(content, &raw.kommuner, &what)?;
                let validity = Validity {
                    from: date(&raw.valid_from, &what)?,
                    until: date(&raw.valid_until, &what)?,
                    open_ended: raw.open_ended,
                };
                let mut superseded = Vec::new();
                for s in raw.superseded {
                    let by = document(docs, &s.by, &what)?;
                    check_kommuner(content, std::slice::from_ref(&s.kommune), &what)?;
                    superseded.push(Supersession { kommune: s.kommune, by_id: by.id.clone(), by_short: by.short.clone() });
                }
                let mut sections: Vec<Section> = Vec::new();
                for s in raw.section {
                    // Only the opening section may be untitled (a document that starts without a heading).
                    if (s.heading.trim().is_empty() && !sections.is_empty()) || !(2..=3).contains(&s.level) {
                        return Err(invalid(format!("{what}: a section needs a heading and level 2 or 3")));
                    }
                    let taken: Vec<String> = sections.iter().map(|x| x.anchor.clone()).collect();
                    let anchor = unique_anchor(&taken, &s.heading);
                    let mut blocks = Vec::new();
                    for b in s.block {
                        let block = match (b.p, b.list, b.ol, b.table) {
                            (Some(p), None, None, None) => Block::Paragraph(p.trim().to_string()),
                            (None, Some(items), None, None) => Block::List { ordered: false, items },
                            (None, None, Some(items), None) => Block::List { ordered: true, items },
                            (None, None, None, Some(rows)) if !rows.is_empty() => Block::Table(rows),
                            _ => return Err(invalid(format!("{what}: {:?}: a block is exactly one of p, list, ol, table", s.heading))),
                        };
                        blocks.push(block);
                    }
                    sections.push(Section { anchor, heading: s.heading, level: s.level, blocks });
                }
                let summary = StandardSummary {
                    id: doc.id.clone(),
                    short: doc.short.clone(),
                    title: doc.title.clone(),
                    issuer: doc.issuer.clone(),
                    approved: doc.approved.clone(),
                    validity: doc.validity.clone(),
                    kommuner: raw.kommuner,
                    status: Status::Undated,
                    superseded,
                };
                standards.push((validity, Standard { summary, sections }));
            }

            let mut params = Vec::new();
            // The rights files again, read here for their `[params.*]` tables only (the rules are
            // read by `Content::parse`).
            for (kommune, path, _) in files.tomls_in("rights").filter(|(scope, _, _)| *scope != LAW_SCOPE) {
                let table: toml::Table = parse_file(files, path)?;
                let Some(all) = table.get("params").and_then(|v| v.as_table()) else { continue };
                for (name, value) in all {
                    let what = format!("rights/{kommune}.toml: params.{name}");
                    let t = value.as_table().ok_or_else(|| invalid(format!("{what}: not a table")))?.clone();
                    let field = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string).ok_or_else(|| invalid(format!("{what}: no {k}")));
                    let doc = document(docs, &field("doc")?, &what)?;
                    let source = cite(&anchors, doc, &field("section")?, t.get("law").and_then(|v| v.as_str()).map(str::to_string), &field("quote")?);
                    params.push(Params { kommune: kommune.to_string(), name: name.clone(), quote: field("quote")?, table: t, source });
                }
            }

            // Each start page states its municipality's standard: it must be one the portal has
            // the text of, for that municipality.
            for k in content.kommune_pages() {
                if !standards.iter().any(|(_, s)| s.summary.id == k.governing_doc && s.summary.kommuner.contains(&k.slug)) {
                    return Err(invalid(format!("kommuner.toml: {}: governing_doc {:?} is no standard of the municipality in standards/", k.slug, k.governing_doc)));
                }
            }

            // Last: the evaluation's targets are outcome targets of this file set.
            let evaluations = crate::content::evaluation::parse(files, content, &outcomes, &anchors)?;
            let messages = crate::content::messages::parse(files, content, &anchors)?;
            Ok(Catalogue { services, checklist: checklist.seed, outcomes, standards, params, evaluations, messages })
        }

        pub fn services(&self) -> &[Service] {
            &self.services
        }

        pub fn checklist(&self) -> &[ChecklistSeed] {
            &self.checklist
        }

        pub fn outcomes(&self) -> &[Outcome] {
            &self.outcomes
        }

        /// Every municipality that evaluates through the portal (`evaluation.toml`).
        pub fn evaluations(&self) -> &[crate::content::evaluation::KommuneEvaluation] {
            &self.evaluations
        }

        /// The municipalities whose standard asks for the anonymous talks to be evaluated: a
        /// booking code may evaluate its held talks there (moment `samtale`).
        pub fn talks_evaluated_in(&self) -> Vec<&str> {
            self.evaluations.iter().filter(|e| e.moment(crate::domain::evaluation::Moment::Talk).is_some()).map(|e| e.kommune.as_str()).collect()
        }

        /// The municipalities that take anonymous messages (`messages.toml`), with what a person
        /// is told before writing.
        pub fn messages(&self) -> &[crate::content::messages::KommuneMessages] {
            &self.messages
        }

        /// What `kommune` (a slug) evaluates; `None` where it has no evaluation.
        pub fn evaluation(&self, kommune: &str) -> Option<&crate::content::evaluation::KommuneEvaluation> {
            self.evaluations.iter().find(|e| e.kommune == kommune)
        }

        /// Every standard with its status on `today`.
        pub fn standards_on(&self, today: NaiveDate) -> Vec<Standard> {
            self.standards
                .iter()
                .map(|(v, s)| {
                    let mut s = s.clone();
                    s.summary.status = standard_status::status(v, today);
                    s
                })
                .collect()
        }

        /// The status of one document on `today` (`Undated` for an unknown id).
        pub fn status_of(&self, doc_id: &str, today: NaiveDate) -> Status {
            self.standards
                .iter()
                .find(|(_, s)| s.summary.id == doc_id)
                .map(|(v, _)| standard_status::status(v, today))
                .unwrap_or(Status::Undated)
        }

        /// The standard `doc_id` on `today`, as `kommune` has it: its facts and status, its
        /// period, and the standards published after it for that municipality (one that
        /// replaces it there, or one of the municipality's whose period starts after its start).
        /// `None` for an id the content has no standard of.
        pub fn standard_for(&self, doc_id: &str, kommune: &str, today: NaiveDate) -> Option<StandardFor> {
            let (validity, standard) = self.standards.iter().find(|(_, s)| s.summary.id == doc_id)?;
            let replaced_by = standard.summary.superseded.iter().filter(|x| x.kommune == kommune).map(|x| x.by_id.as_str());
            let starts_later = self
                .standards
                .iter()
                .filter(|(v, s)| s.summary.kommuner.iter().any(|k| k == kommune) && matches!((v.from, validity.from), (Some(later), Some(from)) if later > from))
                .map(|(_, s)| s.summary.id.as_str());
            let mut newer: Vec<StandardSummary> = Vec::new();
            for id in replaced_by.chain(starts_later) {
                if let Some((_, s)) = self.standards.iter().find(|(_, s)| s.summary.id == id).filter(|_| !newer.iter().any(|n| n.id == id)) {
                    newer.push(s.summary.clone());
                }
            }
            let mut summary = standard.summary.clone();
            summary.status = standard_status::status(validity, today);
            Some(StandardFor { summary, from: validity.from, until: validity.until, newer })
        }

        /// Whether a later document replaces `doc_id` for `kommune`.
        pub fn superseded_for(&self, doc_id: &str, kommune: &str) -> Option<&Supersession> {
            self.standards
                .iter()
                .find(|(_, s)| s.summary.id == doc_id)
                .and_then(|(_, s)| s.summary.superseded.iter().find(|x| x.kommune == kommune))
        }

        pub fn params(&self, kommune: &str, name: &str) -> Option<&Params> {
            self.params.iter().find(|p| p.kommune == kommune && p.name == name)
        }

        /// Params names per municipality, for tests and checks.
        pub fn params_names(&self) -> BTreeMap<String, Vec<String>> {
            let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for p in &self.params {
                out.entry(p.kommune.clone()).or_default().push(p.name.clone());
            }
            out
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::content::content;

        /// Only letters and digits, lower-case: white space, line breaks, the PDF's hyphenation
        /// and bullet glyphs all drop out, while every letter must still come in the same order.
        pub(crate) fn letters(s: &str) -> String {
            s.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric() || *c == '§' || *c == '%').collect()
        }

        fn seed(doc_id: &str) -> String {
            let doc = content().documents().iter().find(|d| d.id == doc_id).unwrap();
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/seeds").join(&doc.seed);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        }

        #[test]
        fn the_catalogue_parses_and_cross_checks() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).expect("catalogue parses");
            assert!(c.services().len() >= 70, "{} services", c.services().len());
            assert_eq!(c.checklist().len(), 5, "a checklist per seed");
            assert!(c.outcomes().len() >= 10);
            assert_eq!(c.standards_on(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).len(), 5);
        }

        #[test]
        fn the_catalogue_covers_every_service_named_in_each_seed() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            for seed in c.checklist() {
                assert!(!seed.services.is_empty(), "{}: empty checklist", seed.doc);
                for name in &seed.services {
                    let found = c
                        .services()
                        .iter()
                        .any(|s| s.source.doc_id == seed.doc && s.name.to_lowercase().contains(&name.to_lowercase()));
                    assert!(found, "{}: no service record for {name:?}", seed.doc);
                }
                let records = c.services().iter().filter(|s| s.source.doc_id == seed.doc).count();
                assert!(records >= seed.services.len(), "{}: fewer records than checklist names", seed.doc);
            }
            // Every seed has a checklist.
            for d in content().documents() {
                assert!(c.checklist().iter().any(|s| s.doc == d.id), "{}: no checklist", d.id);
            }
        }

        #[test]
        fn every_service_and_outcome_is_quoted_from_its_seed_under_its_section() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            let check = |what: &str, cite: &Citation, quote: &str| {
                let text = letters(&seed(&cite.doc_id));
                assert!(!quote.trim().is_empty(), "{what}: no quote");
                assert!(text.contains(&letters(&cite.section)), "{what}: section {:?} not in {}", cite.section, cite.doc_id);
                assert!(text.contains(&letters(quote)), "{what}: quote not in {}: {quote:?}", cite.doc_id);
            };
            for s in c.services() {
                check(&s.id, &s.source, &s.quote);
            }
            for o in c.outcomes() {
                check(&o.text, &o.source, &o.quote);
            }
            for p in &c.params {
                check(&format!("{}/{}", p.kommune, p.name), &p.source, &p.quote);
            }
        }

        #[test]
        fn ages_and_prices_are_in_the_quoted_seed() {
            // A number the catalogue shows must occur in the seed it cites.
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            for s in c.services() {
                let text = letters(&seed(&s.source.doc_id));
                if let Some(p) = &s.price {
                    let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
                    assert!(text.contains(&digits), "{}: price {p} not in seed", s.id);
                }
                if let Some(a) = s.min_age {
                    // The lowest age from its own source, where it has one.
                    let doc = s.min_age_source.as_ref().map_or(&s.source.doc_id, |c| &c.doc_id);
                    assert!(letters(&seed(doc)).contains(&format!("{a}år")), "{}: age {a} not in seed {doc}", s.id);
                }
            }
        }

        #[test]
        fn the_rights_params_the_comparison_reads_are_there() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            for &k in crate::content::kommuner() {
                for name in ["guarantee", "follow_up", "transport"] {
                    assert!(c.params(k.slug(), name).is_some(), "{}: no params.{name}", k.slug());
                }
            }
            assert_eq!(c.params("odsherred", "min_age").unwrap().int("years"), Some(12));
            assert_eq!(c.params("ishoj", "min_age").unwrap().int("years"), Some(13));
            assert_eq!(c.params("thisted", "anonymous_min_age").unwrap().int("years"), Some(18));
            assert!(c.params("odsherred", "complaint").is_none(), "Odsherred's seed gives no complaint deadline");
        }

        #[test]
        fn status_and_supersession_follow_the_dates() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            assert_eq!(c.status_of("ishoj-vallensbaek-2020", today), Status::Expired);
            assert_eq!(c.status_of("odsherred-2025", today), Status::DueForRevision);
            assert_eq!(c.status_of("odsherred-2025", NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()), Status::Current);
            assert_eq!(c.status_of("ishoj-2024", today), Status::Current);
            assert_eq!(c.status_of("thisted", today), Status::Undated);
            assert_eq!(c.superseded_for("ishoj-vallensbaek-2020", "ishoj").map(|s| s.by_id.as_str()), Some("ishoj-2024"));
            assert!(c.superseded_for("ishoj-vallensbaek-2020", "vallensbaek").is_none());
        }

        /// Where `piece` stands in `text` (both as `letters`): the longest stretches of it found
        /// in order, each at least `MIN_STRETCH` letters long (or the rest of the piece), each
        /// beginning at most `MAX_GAP` letters after the previous one. The gaps let a paragraph
        /// run past what the PDF put inside it (a margin label, a page number, a footnote); the
        /// order and the length of the stretches keep it the seed's own words.
        fn locate(text: &str, piece: &str, from: usize) -> Option<Vec<(usize, usize)>> {
            const MIN_STRETCH: usize = 12;
            const MAX_GAP: usize = 400;
            let mut spans = Vec::new();
            let mut rest = piece;
            let mut pos = from;
            while !rest.is_empty() {
                let ends: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(1).chain([rest.len()]).collect();
                let find = |n: usize| {
                    let prefix = &rest[..ends[n]];
                    let at = text[pos..].find(prefix).map(|i| i + pos);
                    let at = if spans.is_empty() { at.or_else(|| text.find(prefix)) } else { at.filter(|a| a - pos <= MAX_GAP) };
                    at.map(|a| (a, prefix.len()))
                };
                // The longest prefix found: if a prefix is found, every shorter one is too.
                let (mut lo, mut hi, mut best) = (0usize, ends.len(), None);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    match find(mid) {
                        Some(hit) => {
                            best = Some(hit);
                            lo = mid + 1;
                        }
                        None => hi = mid,
                    }
                }
                let (at, len) = best?;
                if rest[..len].chars().count() < MIN_STRETCH && len < rest.len() {
                    return None;
                }
                spans.push((at, at + len));
                pos = at + len;
                rest = &rest[len..];
            }
            Some(spans)
        }

        #[test]
        fn locate_accepts_the_seed_in_order_and_refuses_anything_else() {
            let text = letters("Stk. 8. Kommunalbestyrelsen skal sørge for, at sikre Serviceloven anonym stofbehandling sammenhæng mellem de problemer og behov");
            let joined = letters("Kommunalbestyrelsen skal sørge for, at sikre sammenhæng mellem de problemer og behov");
            assert!(locate(&text, &joined, 0).is_some(), "a margin label inside a paragraph is skipped");
            assert!(locate(&text, &letters("sammenhæng mellem de problemer og behov. Kommunalbestyrelsen skal"), 0).is_none(), "order matters");
            assert!(locate(&text, &letters("Kommunalbestyrelsen skal ikke sørge for"), 0).is_none(), "an added word is refused");
        }

        /// The structured text of the standards: every heading, paragraph, list item and table
        /// cell is the seed's own text (letters in order, see `locate`), and together they cover
        /// nearly all of the seed.
        #[test]
        fn the_structured_standards_are_faithful_to_their_seeds() {
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            for (_, std) in &c.standards {
                let id = &std.summary.id;
                let text = letters(&seed(id));
                let mut covered = vec![false; text.len()];
                // Pieces are looked for in reading order first, so a phrase the seed repeats is
                // credited where it stands.
                let mut pos = 0;
                let mut mark = |piece: &str, what: &str| {
                    let p = letters(piece);
                    if p.is_empty() && what == "heading" {
                        return; // the untitled opening section
                    }
                    assert!(!p.is_empty(), "{id}: empty {what}");
                    let spans = locate(&text, &p, pos).unwrap_or_else(|| panic!("{id}: {what} is not in the seed: {piece:?}"));
                    for (a, b) in &spans {
                        covered[*a..*b].iter_mut().for_each(|c| *c = true);
                    }
                    pos = spans.last().map(|s| s.1).unwrap_or(pos);
                };
                assert!(std.sections.len() >= 5, "{id}: too few sections");
                for s in &std.sections {
                    mark(&s.heading, "heading");
                    for b in &s.blocks {
                        match b {
                            Block::Paragraph(p) => mark(p, "paragraph"),
                            Block::List { items, .. } => items.iter().for_each(|i| mark(i, "list item")),
                            Block::Table(rows) => rows.iter().flatten().filter(|c| !c.trim().is_empty()).for_each(|cell| mark(cell, "table cell")),
                        }
                    }
                }
                // Measured in bytes of `letters`; æ/ø/å count twice on both sides alike.
                let share = covered.iter().filter(|c| **c).count() as f64 / covered.len() as f64;
                assert!(share >= 0.9, "{id}: the structured text covers only {:.0} % of the seed", share * 100.0);
            }
        }

        #[test]
        fn anchors_are_plain_and_unique() {
            assert_eq!(anchor_of("Målgruppe"), "maalgruppe");
            assert_eq!(anchor_of("Hvem kan modtage indsatsen?"), "hvem-kan-modtage-indsatsen");
            assert_eq!(anchor_of("§ 101a"), "101a");
            assert_eq!(anchor_of("…"), "afsnit");
            let c = Catalogue::parse(&ContentFiles::compiled(), content()).unwrap();
            for (_, s) in &c.standards {
                let mut seen = std::collections::HashSet::new();
                for sec in &s.sections {
                    assert!(seen.insert(sec.anchor.clone()), "{}: anchor {} twice", s.summary.id, sec.anchor);
                }
            }
        }
    }
}

/// The catalogue's filters on the installed municipalities (the rules themselves are tested in
/// `domain::catalogue`, which has no municipalities).
#[cfg(all(test, feature = "ssr"))]
mod filter_tests {
    use super::*;
    use crate::domain::catalogue::{matches, parse, RawFilter};

    fn service(kommune: &str, kind: &str, min_age: Option<u32>) -> Service {
        Service {
            id: format!("{kommune}-{kind}"),
            name: "Ydelse".into(),
            kind: kind.into(),
            kommuner: vec![kommune.into()],
            provider: "own".into(),
            provider_name: None,
            legal_basis: vec![],
            substances: vec!["drugs".into()],
            target_group: "x".into(),
            min_age,
            max_age: None,
            min_age_source: None,
            intensity: None,
            duration: None,
            price: None,
            anonymous: None,
            visitation_required: None,
            summary: "x".into(),
            quote: "x".into(),
            source: Citation { doc_id: "d".into(), doc_title: "d".into(), section: "s".into(), law: None, anchor: None, expired: None, statute: false },
        }
    }

    fn raw(kommune: &str, age: &str) -> RawFilter {
        RawFilter { kommune: Some(kommune.into()), age: Some(age.into()), ..RawFilter::default() }
    }

    #[test]
    fn a_twelve_year_old_in_odsherred() {
        let (f, errors) = parse(&raw("odsherred", "12"), crate::content::kommuner(), &KINDS, &SUBSTANCES);
        assert!(errors.is_empty());
        // Own age limit from 12: in.
        assert!(matches(&service("odsherred", "ambulant", Some(12)).offer(), &f, Some(12)));
        // No own limit, the document's target group is from 12: in.
        assert!(matches(&service("odsherred", "day", None).offer(), &f, Some(12)));
        // Another municipality: out.
        assert!(!matches(&service("ishoj", "ambulant", Some(13)).offer(), &f, Some(13)));
        // Ishøj's target group starts at 13: a 12-year-old is not in it.
        let (f, _) = parse(&raw("ishoj", "12"), crate::content::kommuner(), &KINDS, &SUBSTANCES);
        assert!(!matches(&service("ishoj", "day", None).offer(), &f, Some(13)));
    }
}
