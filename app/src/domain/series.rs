//! The anonymous series of talks a token can hold, beside the single clarifying talk.

use serde::{Deserialize, Serialize};

/// A run of anonymous talks on one token, capped by the municipality's standard: a relative's
/// talks, or a citizen's anonymous counselling series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Series {
    Relatives,
    Counselling,
}

impl Series {
    /// The series' booking page.
    pub fn page(self) -> super::kommune::KommunePath {
        match self {
            Series::Relatives => super::kommune::KommunePath::Relatives,
            Series::Counselling => super::kommune::KommunePath::Counselling,
        }
    }

    /// The holder purpose stored with the token.
    pub fn purpose(self) -> &'static str {
        match self {
            Series::Relatives => "relative",
            Series::Counselling => "counselling",
        }
    }
}
