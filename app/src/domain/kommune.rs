//! The municipalities the portal serves. Which ones there are is content (`kommuner/*.toml`), not
//! code: the server reads them at start and installs them here once (the browser's islands never
//! need them). The slug is part of the public URL contract
//! (`/{kommune}`), so it is parsed here, once, and nowhere else.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

/// What the portal calls a municipality, as its content file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KommuneNames {
    /// Lower-case ASCII URL segment: `ishoj`.
    pub slug: String,
    /// Full name: "Ishøj Kommune".
    pub name: String,
    /// Name in running text: "i Ishøj".
    pub short_name: String,
}

/// One municipality of the installed set: a cheap, copyable handle. Two handles are equal when
/// their slugs are.
#[derive(Clone, Copy)]
pub struct Kommune(&'static KommuneNames);

static INSTALLED: OnceLock<Vec<Kommune>> = OnceLock::new();

/// Why a set of municipalities cannot be installed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum InstallError {
    #[error("the municipalities are already installed with another set")]
    AlreadyInstalled,
}

/// Installs the set of municipalities for the life of the process. Installing the same set again
/// is a no-op, so a test binary may load its content from several tests.
pub fn install(names: Vec<KommuneNames>) -> Result<(), InstallError> {
    if let Some(existing) = INSTALLED.get() {
        let same = existing.len() == names.len() && existing.iter().zip(&names).all(|(k, n)| k.0 == n);
        return if same { Ok(()) } else { Err(InstallError::AlreadyInstalled) };
    }
    // Leaked once per process: the handles are `Copy` and live as long as the server does.
    let handles = names.into_iter().map(|n| Kommune(Box::leak(Box::new(n)))).collect();
    match INSTALLED.set(handles) {
        Ok(()) => Ok(()),
        Err(_) => Err(InstallError::AlreadyInstalled),
    }
}

/// Whether a slug is fit for a URL segment: lower-case ASCII letters, digits and hyphens, not
/// starting or ending with a hyphen.
pub fn is_url_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Kommune {
    /// Every installed municipality, in content order; empty before content is loaded.
    pub fn all() -> &'static [Kommune] {
        INSTALLED.get().map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn slug(self) -> &'static str {
        &self.0.slug
    }

    pub fn name(self) -> &'static str {
        &self.0.name
    }

    /// The short name used in running text ("i Ishøj").
    pub fn short_name(self) -> &'static str {
        &self.0.short_name
    }

    /// Exact, lower-case ASCII slugs only: one canonical URL per municipality.
    pub fn from_slug(slug: &str) -> Option<Kommune> {
        Kommune::all().iter().copied().find(|k| k.slug() == slug)
    }

    pub fn path(self) -> String {
        format!("/{}", self.slug())
    }

    /// The address of one of the municipality's pages.
    pub fn page(self, page: KommunePath) -> String {
        page.of(self.slug())
    }
}

/// The pages below a municipality's path that forms post to or other pages link to. Each path
/// is written here once, for the server's routes ([`KommunePath::route`]) and the links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KommunePath {
    /// The anonymous clarifying talk (SEL § 101a stk. 3).
    Book,
    /// A relative's anonymous talks.
    Relatives,
    /// The anonymous counselling series.
    Counselling,
    /// The identified request for treatment (§ 101a stk. 7).
    Request,
    Rights,
    RightsGuide,
    /// Anonymous evaluation and follow-up with a code (issue 18).
    Evaluation,
    /// Anonymous written contact with a code (issue 19).
    Write,
}

impl KommunePath {
    pub const ALL: [KommunePath; 8] = [
        KommunePath::Book,
        KommunePath::Relatives,
        KommunePath::Counselling,
        KommunePath::Request,
        KommunePath::Rights,
        KommunePath::RightsGuide,
        KommunePath::Evaluation,
        KommunePath::Write,
    ];

    /// The path below `/{kommune}`.
    pub const fn segment(self) -> &'static str {
        match self {
            KommunePath::Book => "book",
            KommunePath::Relatives => "paaroerende",
            KommunePath::Counselling => "raadgivning",
            KommunePath::Request => "henvendelse",
            KommunePath::Rights => "rettigheder",
            KommunePath::RightsGuide => "rettigheder/guide",
            KommunePath::Evaluation => "evaluering",
            KommunePath::Write => "skriv",
        }
    }

    /// The route as the server's router writes it (a `&'static str`, so spelt out; a test
    /// checks it against [`KommunePath::segment`]).
    pub const fn route(self) -> &'static str {
        match self {
            KommunePath::Book => "/{kommune}/book",
            KommunePath::Relatives => "/{kommune}/paaroerende",
            KommunePath::Counselling => "/{kommune}/raadgivning",
            KommunePath::Request => "/{kommune}/henvendelse",
            KommunePath::Rights => "/{kommune}/rettigheder",
            KommunePath::RightsGuide => "/{kommune}/rettigheder/guide",
            KommunePath::Evaluation => "/{kommune}/evaluering",
            KommunePath::Write => "/{kommune}/skriv",
        }
    }

    /// The page's address for the municipality with this slug.
    pub fn of(self, kommune_slug: &str) -> String {
        format!("/{kommune_slug}/{}", self.segment())
    }
}

impl PartialEq for Kommune {
    fn eq(&self, other: &Self) -> bool {
        self.0.slug == other.0.slug
    }
}

impl Eq for Kommune {}

impl std::hash::Hash for Kommune {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.slug.hash(state)
    }
}

impl std::fmt::Debug for Kommune {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Kommune({})", self.0.slug)
    }
}

/// On the wire a municipality is its slug.
impl Serialize for Kommune {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Kommune {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kommune, D::Error> {
        let slug = String::deserialize(d)?;
        Kommune::from_slug(&slug).ok_or_else(|| serde::de::Error::custom(format!("unknown municipality {slug:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_route_is_its_segment_under_the_municipality() {
        for page in KommunePath::ALL {
            assert_eq!(page.route(), format!("/{{kommune}}/{}", page.segment()), "{page:?}");
            assert_eq!(page.of("ishoj"), format!("/ishoj/{}", page.segment()));
        }
    }

    #[test]
    fn slugs_are_plain_url_segments() {
        for good in ["ishoj", "ringkoebing-skjern", "a1"] {
            assert!(is_url_slug(good), "{good:?}");
        }
        for bad in ["", "Ishoj", "ishøj", "ISHOJ", "ishoj/", " ishoj", "vallensbæk", "-a", "a-", "a_b"] {
            assert!(!is_url_slug(bad), "{bad:?}");
        }
    }
}
