//! The municipalities the portal serves. The slug is part of the public URL contract
//! (`/{kommune}`), so it is parsed here, once, and nowhere else.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kommune {
    Ishoj,
    Vallensbaek,
    Odsherred,
    Thisted,
}

impl Kommune {
    pub const ALL: [Kommune; 4] = [Kommune::Ishoj, Kommune::Vallensbaek, Kommune::Odsherred, Kommune::Thisted];

    pub fn slug(self) -> &'static str {
        match self {
            Kommune::Ishoj => "ishoj",
            Kommune::Vallensbaek => "vallensbaek",
            Kommune::Odsherred => "odsherred",
            Kommune::Thisted => "thisted",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kommune::Ishoj => "Ishøj Kommune",
            Kommune::Vallensbaek => "Vallensbæk Kommune",
            Kommune::Odsherred => "Odsherred Kommune",
            Kommune::Thisted => "Thisted Kommune",
        }
    }

    /// The short name used in running text ("i Ishøj").
    pub fn short_name(self) -> &'static str {
        match self {
            Kommune::Ishoj => "Ishøj",
            Kommune::Vallensbaek => "Vallensbæk",
            Kommune::Odsherred => "Odsherred",
            Kommune::Thisted => "Thisted",
        }
    }

    /// Exact, lower-case ASCII slugs only: one canonical URL per municipality.
    pub fn from_slug(slug: &str) -> Option<Kommune> {
        Kommune::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn path(self) -> String {
        format!("/{}", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_round_trips() {
        for k in Kommune::ALL {
            assert_eq!(Kommune::from_slug(k.slug()), Some(k));
        }
    }

    #[test]
    fn slugs_are_ascii_lowercase_url_segments() {
        for k in Kommune::ALL {
            assert!(k.slug().bytes().all(|b| b.is_ascii_lowercase()), "{}", k.slug());
        }
    }

    #[test]
    fn unknown_or_non_canonical_slugs_are_refused() {
        for bad in ["", "Ishoj", "ishøj", "ISHOJ", "koebenhavn", "ishoj/", " ishoj", "vallensbæk"] {
            assert_eq!(Kommune::from_slug(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn names_keep_danish_letters() {
        assert_eq!(Kommune::Ishoj.name(), "Ishøj Kommune");
        assert_eq!(Kommune::Vallensbaek.short_name(), "Vallensbæk");
    }
}
