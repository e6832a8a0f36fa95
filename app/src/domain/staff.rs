//! Staff roles and what each may do. One role per account, and the roles do not overlap: the
//! anonymous counsellor sees only the anonymous calendar, the case worker only identified cases,
//! the admin only accounts and opening hours (SEL § 101a stk. 7: the two sides run apart, also
//! for the people who work them).
//!
//! Every account also belongs to one municipality, each its own data controller (GDPR art.
//! 4(7)): a case worker sees only that municipality's requests, an admin only its accounts and
//! sites, and a counsellor only the calendars of the sites they are given (`StaffAccess::kommune`,
//! `StaffAccess::sites`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Works the anonymous (§ 101a) calendar: bookings by label, held / no-show / cancel.
    AnonymousCounsellor,
    /// Works identified requests for treatment (§ 101, SUL §§ 141–142) in the case store.
    CaseWorker,
    /// Staff accounts, sites and opening hours. No bookings, no cases.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::AnonymousCounsellor, Role::CaseWorker, Role::Admin];

    /// The name stored in the staff store and used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Role::AnonymousCounsellor => "anonymous_counsellor",
            Role::CaseWorker => "case_worker",
            Role::Admin => "admin",
        }
    }

    pub fn from_slug(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.slug() == s)
    }

    /// The work area a role is for. Every staff function names the one area it belongs to, and
    /// [`StaffAccess::require`] lets in only a role that [covers](Role::covers) it.
    pub fn area(self) -> Area {
        match self {
            Role::AnonymousCounsellor => Area::AnonymousCalendar,
            Role::CaseWorker => Area::Cases,
            Role::Admin => Area::Administration,
        }
    }

    /// Whether the role may enter `area`: its own area, and besides (issue 18) handing out
    /// evaluation codes for the counsellor and the case worker, who meet people at the end of a
    /// talk, a course or a treatment, and the municipality's report for the admin. A code carries
    /// nothing about a person and the report only suppressed counts, so neither joins the two
    /// sides: the calendar and the cases stay each with one role.
    pub fn covers(self, area: Area) -> bool {
        self.area() == area
            || matches!(
                (self, area),
                (Role::AnonymousCounsellor | Role::CaseWorker, Area::EvaluationCodes)
                    | (Role::Admin, Area::Monitoring)
                    | (Role::AnonymousCounsellor, Area::AnonymousMessages)
            )
    }
}

/// The areas of the staff side. A role is for one of the first three, and may enter the last two
/// as [`Role::covers`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Area {
    AnonymousCalendar,
    Cases,
    Administration,
    /// Handing out anonymous evaluation codes (`/personale/evaluering`).
    EvaluationCodes,
    /// The municipality's evaluation and follow-up report (`/personale/rapport`).
    Monitoring,
    /// The anonymous message threads of the counsellor's own sites (`/personale/beskeder`).
    AnonymousMessages,
}

impl Area {
    pub const ALL: [Area; 6] = [Area::AnonymousCalendar, Area::Cases, Area::Administration, Area::EvaluationCodes, Area::Monitoring, Area::AnonymousMessages];
}

/// A signed-in staff member, as the server knows them after checking the session cookie.
/// Built only by the staff store (on the server), so a function that takes one can trust it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccess {
    pub account_id: i64,
    pub username: String,
    pub role: Role,
    /// The municipality (its slug) whose data this member works with. Empty for an account made
    /// before accounts had one: such an account may sign in but enters no area until
    /// `server assign-staff` gives it a municipality.
    pub kommune: String,
    /// The treatment sites (their ids) whose calendars a counsellor works; empty for other roles.
    pub sites: Vec<String>,
    /// This session's CSRF token: every staff form carries it, every staff POST checks it.
    pub csrf: String,
}

/// A staff function was asked for by a role that does not cover its area, or by an account that
/// has no municipality yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("forbidden: the role {role:?} does not cover {area:?}, or the account has no municipality")]
pub struct Forbidden {
    pub role: Role,
    pub area: Area,
}

impl StaffAccess {
    /// `Ok` only when this member's role covers `area` and the account has a municipality.
    pub fn require(&self, area: Area) -> Result<(), Forbidden> {
        if self.role.covers(area) && !self.kommune.is_empty() {
            Ok(())
        } else {
            Err(Forbidden { role: self.role, area })
        }
    }
}

/// What became of an anonymous talk. Cancelled talks free their seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TalkStatus {
    Booked,
    Held,
    NoShow,
    Cancelled,
}

/// The categorical outcome of a held talk. There is no free text on the anonymous side: a
/// sentence typed about a talk could identify the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TalkOutcome {
    AdviceGiven,
    /// Referred to anonymous treatment (SEL § 101a).
    ReferredAnonymous101a,
    ReferredOtherTreatment,
    NoFurtherNeed,
}

impl TalkOutcome {
    pub const ALL: [TalkOutcome; 4] =
        [TalkOutcome::AdviceGiven, TalkOutcome::ReferredAnonymous101a, TalkOutcome::ReferredOtherTreatment, TalkOutcome::NoFurtherNeed];

    /// The value a form sends.
    pub fn slug(self) -> &'static str {
        match self {
            TalkOutcome::AdviceGiven => "raadgivning",
            TalkOutcome::ReferredAnonymous101a => "henvist-101a",
            TalkOutcome::ReferredOtherTreatment => "henvist-andet",
            TalkOutcome::NoFurtherNeed => "intet-behov",
        }
    }

    pub fn from_slug(s: &str) -> Option<TalkOutcome> {
        TalkOutcome::ALL.into_iter().find(|o| o.slug() == s)
    }
}

/// A counsellor's action on a booking, parsed from a form. A held talk needs its outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TalkAction {
    Held(TalkOutcome),
    NoShow,
    Cancel,
    /// Back to booked: undoes a mistaken mark.
    Reopen,
}

/// Why a counsellor's form names no action (`api::staff_form::CalendarForm`); `text::staff`
/// says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TalkActionError {
    /// The button is none of the four actions.
    NoAction,
    /// Marked as held without an outcome.
    NoOutcome,
    /// An outcome that is not one of [`TalkOutcome::ALL`].
    UnknownOutcome,
}

impl TalkAction {
    pub fn status(self) -> (TalkStatus, Option<TalkOutcome>) {
        match self {
            TalkAction::Held(o) => (TalkStatus::Held, Some(o)),
            TalkAction::NoShow => (TalkStatus::NoShow, None),
            TalkAction::Cancel => (TalkStatus::Cancelled, None),
            TalkAction::Reopen => (TalkStatus::Booked, None),
        }
    }
}

/// Why a new account cannot be made as asked; `text::staff::account_problem` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountProblem {
    /// Fewer than 3 or more than 40 characters.
    UsernameLength,
    /// A character other than a–z, 0–9, `.`, `-` and `_`.
    UsernameCharacters,
    /// Fewer than 12 characters.
    PasswordTooShort,
    /// More than 200 characters.
    PasswordTooLong,
    /// No municipality: every account belongs to one.
    NoKommune,
}

/// Usernames: 3–40 characters of a–z, 0–9, `.`, `-` and `_` (case-folded), so they are easy to
/// type and never look like a name with spaces or an e-mail address.
pub fn normalise_username(raw: &str) -> Result<String, AccountProblem> {
    let u = raw.trim().to_lowercase();
    if u.chars().count() < 3 || u.chars().count() > 40 {
        return Err(AccountProblem::UsernameLength);
    }
    if !u.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_')) {
        return Err(AccountProblem::UsernameCharacters);
    }
    Ok(u)
}

/// Passwords: at least 12 characters (NIST SP 800-63B: length, not composition rules), at most
/// 200 so hashing a huge body cannot be used to tie up the server.
pub fn check_new_password(pw: &str) -> Result<(), AccountProblem> {
    let n = pw.chars().count();
    if n < 12 {
        Err(AccountProblem::PasswordTooShort)
    } else if n > 200 {
        Err(AccountProblem::PasswordTooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(role: Role) -> StaffAccess {
        StaffAccess { account_id: 1, username: "a".into(), role, kommune: "odsherred".into(), sites: vec![], csrf: "x".into() }
    }

    #[test]
    fn an_account_without_a_municipality_enters_no_area() {
        for role in Role::ALL {
            let unassigned = StaffAccess { kommune: String::new(), ..access(role) };
            assert!(unassigned.require(role.area()).is_err(), "{role:?}");
        }
    }

    #[test]
    fn each_role_enters_exactly_its_own_area() {
        for role in Role::ALL {
            for area in Area::ALL {
                assert_eq!(access(role).require(area).is_ok(), role.covers(area), "{role:?} {area:?}");
            }
        }
        assert!(access(Role::Admin).require(Area::AnonymousCalendar).is_err(), "an admin sees no bookings");
        assert!(access(Role::Admin).require(Area::Cases).is_err(), "an admin sees no cases");
        assert!(access(Role::CaseWorker).require(Area::AnonymousCalendar).is_err(), "a case worker sees no bookings");
        assert!(access(Role::AnonymousCounsellor).require(Area::Cases).is_err(), "a counsellor sees no cases");
        // Codes: the two who meet people; the report: the admin alone.
        let covering = |area| Role::ALL.into_iter().filter(|r| r.covers(area)).collect::<Vec<_>>();
        assert_eq!(covering(Area::EvaluationCodes), [Role::AnonymousCounsellor, Role::CaseWorker]);
        assert_eq!(covering(Area::Monitoring), [Role::Admin]);
    }

    #[test]
    fn role_slugs_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_slug(role.slug()), Some(role));
        }
        assert_eq!(Role::from_slug("root"), None);
    }

    #[test]
    fn talk_actions_set_a_status_and_outcomes_read_back() {
        assert_eq!(TalkAction::Held(TalkOutcome::AdviceGiven).status(), (TalkStatus::Held, Some(TalkOutcome::AdviceGiven)));
        assert_eq!(TalkAction::NoShow.status(), (TalkStatus::NoShow, None));
        assert_eq!(TalkAction::Reopen.status(), (TalkStatus::Booked, None));
        for o in TalkOutcome::ALL {
            assert_eq!(TalkOutcome::from_slug(o.slug()), Some(o));
        }
    }

    #[test]
    fn usernames_and_passwords() {
        assert_eq!(normalise_username("  Mette.K "), Ok("mette.k".into()));
        assert_eq!(normalise_username("ab"), Err(AccountProblem::UsernameLength));
        assert_eq!(normalise_username("mette k"), Err(AccountProblem::UsernameCharacters));
        assert_eq!(normalise_username("m@k.dk"), Err(AccountProblem::UsernameCharacters));
        assert_eq!(check_new_password("kort"), Err(AccountProblem::PasswordTooShort));
        assert!(check_new_password("en lang nok sætning").is_ok());
        assert_eq!(check_new_password(&"x".repeat(201)), Err(AccountProblem::PasswordTooLong));
    }
}
