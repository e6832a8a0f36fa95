//! Issue 19: where a person may write to the counsellors anonymously, and what they are told
//! before they write (`app/content/messages.toml`): the standard's promise of anonymous contact
//! through the website, the counsellors' duty to notify under SEL § 153, and the standard's
//! warning against private e-mail. Every one is a verbatim quote with its source, checked here
//! against the documents and the municipalities it names.

use super::catalogue::SectionAnchors;
use super::files::ContentFiles;
use super::{parse_file, Citation, CitedText, Content, ContentError};
use serde::Deserialize;

/// The file's path among the content files.
pub const FILE: &str = "messages.toml";

/// What one municipality that takes anonymous messages tells a person before they write.
#[derive(Clone, Debug, PartialEq)]
pub struct KommuneMessages {
    pub kommune: String,
    /// The standard's promise of anonymous contact through the website: why the page exists.
    pub promise: CitedText,
    /// The duty to notify (SEL § 153), in the words of the standard the site works under.
    pub duty: CitedText,
    /// The standard's warning against confidential information by private e-mail, where it gives one.
    pub private_mail: Option<CitedText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    kommune: Vec<RawKommune>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKommune {
    slug: String,
    promise: RawSource,
    duty: RawSource,
    private_mail: Option<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    doc: String,
    section: String,
    quote: String,
    law: Option<String>,
}

fn invalid(msg: String) -> ContentError {
    ContentError::Invalid(format!("{FILE}: {msg}"))
}

/// Reads and checks `messages.toml`. A content set without the file takes messages nowhere.
pub fn parse(files: &ContentFiles, content: &Content, anchors: &SectionAnchors) -> Result<Vec<KommuneMessages>, ContentError> {
    if files.get(FILE).is_none() {
        return Ok(Vec::new());
    }
    let raw: RawFile = parse_file(files, FILE)?;
    let cite = |s: RawSource, what: &str| -> Result<CitedText, ContentError> {
        let d = content.documents().iter().find(|d| d.id == s.doc).ok_or_else(|| invalid(format!("{what}: unknown document {:?}", s.doc)))?;
        if s.section.trim().is_empty() || s.quote.trim().is_empty() {
            return Err(invalid(format!("{what}: a source needs a section and a quote")));
        }
        let anchor = anchors.anchor(&s.doc, &s.section).or_else(|| anchors.containing(&s.doc, &s.quote));
        let source = Citation { doc_id: d.id.clone(), doc_title: d.short.clone(), section: s.section, law: s.law, anchor, expired: anchors.expired(&d.id), statute: false };
        Ok(CitedText { text: s.quote, source })
    };
    let mut out: Vec<KommuneMessages> = Vec::new();
    for k in raw.kommune {
        if !content.kommune_pages().iter().any(|p| p.slug == k.slug) {
            return Err(invalid(format!("unknown municipality {:?}", k.slug)));
        }
        if out.iter().any(|m| m.kommune == k.slug) {
            return Err(invalid(format!("municipality {:?} twice", k.slug)));
        }
        let duty = cite(k.duty, &format!("{}: duty", k.slug))?;
        if duty.source.law.as_deref() != Some("SEL § 153") {
            return Err(invalid(format!("{}: the duty to notify is SEL § 153 (law = \"SEL § 153\")", k.slug)));
        }
        out.push(KommuneMessages {
            promise: cite(k.promise, &format!("{}: promise", k.slug))?,
            duty,
            private_mail: k.private_mail.map(|s| cite(s, &format!("{}: private_mail", k.slug))).transpose()?,
            kommune: k.slug,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::check::letters;
    use crate::content::{catalogue, content};

    fn seed(doc_id: &str) -> String {
        let doc = content().documents().iter().find(|d| d.id == doc_id).unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/seeds").join(&doc.seed);
        letters(&std::fs::read_to_string(path).unwrap())
    }

    #[test]
    fn every_source_is_quoted_from_its_seed_and_finds_its_section() {
        let all = catalogue().messages();
        let mut slugs: Vec<&str> = all.iter().map(|m| m.kommune.as_str()).collect();
        slugs.sort();
        // Thisted's standard promises no anonymous contact through the website.
        assert_eq!(slugs, ["ishoj", "odsherred", "vallensbaek"]);
        for m in all {
            for (what, c) in [("promise", Some(&m.promise)), ("duty", Some(&m.duty)), ("private_mail", m.private_mail.as_ref())] {
                let Some(c) = c else { continue };
                let text = seed(&c.source.doc_id);
                assert!(text.contains(&letters(&c.source.section)), "{} {what}: section {:?} not in {}", m.kommune, c.source.section, c.source.doc_id);
                assert!(text.contains(&letters(&c.text)), "{} {what}: quote not in {}: {:?}", m.kommune, c.source.doc_id, c.text);
                assert!(c.source.anchor.is_some(), "{} {what}: the section has no place on the standard's page", m.kommune);
            }
            assert!(m.duty.text.contains("§ 153"), "{}: the duty names its paragraph", m.kommune);
            assert!(m.promise.text.contains("hjemmeside"), "{}: the promise names the website", m.kommune);
        }
    }

    fn with_file(text: &str) -> Result<Vec<KommuneMessages>, ContentError> {
        let mut files: std::collections::BTreeMap<String, String> = ContentFiles::compiled().paths().map(|p| (p.to_string(), ContentFiles::compiled().get(p).unwrap().to_string())).collect();
        files.insert(FILE.to_string(), text.to_string());
        let files = ContentFiles::from_map(files);
        let anchors = crate::content::catalogue::section_anchors(&files).unwrap();
        parse(&files, content(), &anchors)
    }

    #[test]
    fn a_wrong_reference_or_a_duty_without_its_paragraph_is_refused() {
        let base = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join(FILE)).unwrap();
        assert!(with_file(&base).is_ok());
        assert!(with_file(&base.replacen("slug = \"ishoj\"", "slug = \"ishoej\"", 1)).unwrap_err().to_string().contains("unknown municipality"));
        assert!(with_file(&base.replacen("doc = \"odsherred-2025\"", "doc = \"odsherred-2030\"", 1)).unwrap_err().to_string().contains("unknown document"));
        assert!(with_file(&base.replacen("law = \"SEL § 153\"", "law = \"SEL § 152\"", 1)).unwrap_err().to_string().contains("SEL § 153"));
    }
}
