//! Whether a quality standard is in force on a given day. Computed from the standard's own
//! dates (app/content/standards/) and today's date in Europe/Copenhagen, never written by hand,
//! so a page cannot go on calling an expired standard current.

#[cfg(feature = "ssr")]
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How long before its end a standard counts as due for revision.
pub const REVISION_WINDOW_MONTHS: u32 = 6;

/// What the seed says about how long it applies.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validity {
    pub from: Option<NaiveDate>,
    /// Last day it applies, where the document gives an end.
    pub until: Option<NaiveDate>,
    /// "Revideres ved større ændringer": no end date, in force until replaced.
    pub open_ended: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// In force, with no end in sight.
    Current,
    /// In force, but its period ends within `REVISION_WINDOW_MONTHS`.
    DueForRevision,
    /// Its period has ended.
    Expired,
    /// Not yet in force.
    NotYetValid,
    /// The document gives no date: the portal cannot say.
    Undated,
}

#[cfg(feature = "ssr")]
pub fn status(v: &Validity, today: NaiveDate) -> Status {
    if let Some(from) = v.from {
        if today < from {
            return Status::NotYetValid;
        }
    }
    match v.until {
        Some(until) if today > until => Status::Expired,
        Some(until) => {
            let window_start = until.checked_sub_months(Months::new(REVISION_WINDOW_MONTHS)).unwrap_or(until);
            if today >= window_start {
                Status::DueForRevision
            } else {
                Status::Current
            }
        }
        None if v.open_ended && v.from.is_some() => Status::Current,
        None => Status::Undated,
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // The seeds' own periods.
    fn ishoj_vallensbaek_2020() -> Validity {
        Validity { from: Some(d(2020, 1, 1)), until: Some(d(2022, 12, 31)), open_ended: false }
    }
    fn odsherred_2025() -> Validity {
        Validity { from: Some(d(2025, 1, 1)), until: Some(d(2026, 12, 31)), open_ended: false }
    }
    fn ishoj_2024() -> Validity {
        Validity { from: Some(d(2024, 1, 1)), until: None, open_ended: true }
    }
    fn undated() -> Validity {
        Validity { from: None, until: None, open_ended: false }
    }

    #[test]
    fn the_2020_2022_standard_is_expired_after_2022() {
        assert_eq!(status(&ishoj_vallensbaek_2020(), d(2022, 12, 31)), Status::DueForRevision);
        assert_eq!(status(&ishoj_vallensbaek_2020(), d(2023, 1, 1)), Status::Expired);
        assert_eq!(status(&ishoj_vallensbaek_2020(), d(2026, 11, 23)), Status::Expired);
    }

    #[test]
    fn odsherred_is_current_then_due_for_revision_then_expired() {
        assert_eq!(status(&odsherred_2025(), d(2025, 3, 1)), Status::Current);
        assert_eq!(status(&odsherred_2025(), d(2026, 6, 29)), Status::Current);
        assert_eq!(status(&odsherred_2025(), d(2026, 6, 30)), Status::DueForRevision);
        assert_eq!(status(&odsherred_2025(), d(2026, 11, 23)), Status::DueForRevision);
        assert_eq!(status(&odsherred_2025(), d(2026, 12, 31)), Status::DueForRevision);
        assert_eq!(status(&odsherred_2025(), d(2027, 1, 1)), Status::Expired);
        assert_eq!(status(&odsherred_2025(), d(2024, 12, 31)), Status::NotYetValid);
    }

    #[test]
    fn an_open_ended_standard_stays_current_and_an_undated_one_is_undated() {
        assert_eq!(status(&ishoj_2024(), d(2024, 1, 1)), Status::Current);
        assert_eq!(status(&ishoj_2024(), d(2030, 1, 1)), Status::Current);
        assert_eq!(status(&undated(), d(2026, 11, 23)), Status::Undated);
    }
}
