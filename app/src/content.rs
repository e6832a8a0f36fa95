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
pub use loader::{content, Content, ContentError};

#[cfg(feature = "ssr")]
mod loader {
    use super::*;
    use crate::domain::kommune::Kommune;
    use std::sync::LazyLock;

    const DOCUMENTS: &str = include_str!("../content/documents.toml");
    const KOMMUNER: &str = include_str!("../content/kommuner.toml");

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
            Ok(Content { documents, kommuner })
        }

        pub fn kommune(&self, kommune: Kommune) -> &KommunePage {
            self.kommuner
                .iter()
                .find(|p| p.slug == kommune.slug())
                .expect("Content::parse checked that every municipality is present")
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
