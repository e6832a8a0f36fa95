//! The staff side's forms, typed, as `anonymous_form` types the anonymous side's. Each path,
//! field name and button value of `/personale/*` is written here once: the pages' forms
//! (`pages/staff.rs`, `pages/staff_cases.rs`, `components/staff.rs`), the server's routes and
//! checks (`server::staff_forms`, `server::case_forms`) and the logic (`api::staff::logic`,
//! `api::cases::logic`) all take them from here. A POST's fields become one of the structs below
//! before anything reads them: a missing or malformed field is `None` or a typed error, which the
//! logic words through `text`.

pub use super::form::TICKED;
use super::form::{given, text, Fields};
use crate::domain::opening_form::{ExtraForm, OpeningForm, RuleRow, MAX_ROWS};
use crate::domain::request::Status;
use crate::domain::staff::{TalkAction, TalkActionError, TalkOutcome};

/// The staff pages' addresses (the Leptos router's `path!` takes only literals, so the server's
/// `every_form_page_is_a_page_route` test checks that each page here is one of its routes).
pub mod path {
    pub const START: &str = "/personale";
    pub const SIGN_IN: &str = "/personale/log-ind";
    pub const SIGN_OUT: &str = "/personale/log-ud";
    pub const CALENDAR: &str = "/personale/kalender";
    pub const OPENING: &str = "/personale/aabningstider";
    pub const ACCOUNTS: &str = "/personale/konti";
    pub const CASES: &str = "/personale/sager";
    /// The share of requests whose guarantee was kept, by quarter (the case store's own figure).
    pub const GUARANTEE: &str = "/personale/sager/garanti";
    /// Handing out evaluation codes (issue 18).
    pub const EVALUATION: &str = "/personale/evaluering";
    /// The municipality's evaluation and follow-up report, and its CSV.
    pub const REPORT: &str = "/personale/rapport";
    pub const REPORT_CSV: &str = "/personale/rapport.csv";
    /// The anonymous message threads of the counsellor's sites (issue 19).
    pub const MESSAGES: &str = "/personale/beskeder";
}

/// The fields' names.
pub mod field {
    /// The session's CSRF token, in every form that changes something.
    pub const CSRF: &str = "csrf";
    pub const USERNAME: &str = "brugernavn";
    pub const PASSWORD: &str = "adgangskode";
    /// Which button was pressed: [`super::CalendarButton`], [`super::AccountButton`],
    /// [`super::CaseButton`].
    pub const ACTION: &str = "handling";
    /// A treatment site's content id.
    pub const SITE: &str = "sted";
    /// The calendar's first day, YYYY-MM-DD.
    pub const DAY: &str = "dag";
    /// [`super::CalendarView`].
    pub const VIEW: &str = "visning";
    /// A kind of talk's content id.
    pub const KIND: &str = "samtale";
    /// A date as typed (the extra slot's day, a case's guarantee start).
    pub const DATE: &str = "dato";
    /// An extra slot's time of day as typed.
    pub const TIME: &str = "kl";
    pub const MINUTES: &str = "minutter";
    pub const SEATS: &str = "pladser";
    /// An extra slot's id.
    pub const SLOT: &str = "tid_id";
    /// An anonymous booking's id, in the calendar.
    pub const BOOKING: &str = "booking";
    /// A held talk's outcome: a [`crate::domain::staff::TalkOutcome`] slug.
    pub const OUTCOME: &str = "udfald";
    /// A staff account's id.
    pub const ACCOUNT: &str = "konto";
    /// An evaluation moment's slug (`domain::evaluation::Moment`).
    pub const MOMENT: &str = "tidspunkt";
    /// How many evaluation codes to make.
    pub const COUNT: &str = "antal";
    /// A report's quarter, `2026-K4`.
    pub const QUARTER: &str = "kvartal";
    /// A role's slug, for a new account.
    pub const ROLE: &str = "rolle";
    /// An identified request's id.
    pub const CASE: &str = "sag";
    /// A request status's slug.
    pub const STATUS: &str = "status";
    /// A request's reference as typed.
    pub const REFERENCE: &str = "reference";
    /// Closed dates, one per line.
    pub const CLOSED: &str = "lukket";
    /// "Closed on public holidays": ticked is [`super::TICKED`].
    pub const HOLIDAYS: &str = "helligdage";
    /// Closed every year, one day and month per line.
    pub const CLOSED_EVERY_YEAR: &str = "lukket_hvert_aar";
    /// A message thread's label (`/personale/beskeder?traad=`).
    pub const THREAD: &str = "traad";
    /// A counsellor's reply.
    pub const REPLY: &str = "svar";
    pub const NOTICE: &str = "varsel";
    pub const HORIZON: &str = "horisont";

    /// A new account's checkbox for one site.
    pub fn site_box(site_id: &str) -> String {
        format!("{SITE}-{site_id}")
    }

    /// One field of the opening-hours rule in row `row` (from 0).
    pub fn rule(row: usize, part: super::RulePart) -> String {
        format!("regel{row}_{}", part.suffix())
    }
}


/// The parts of one weekly rule in the opening-hours form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulePart {
    Weekday,
    From,
    To,
    Minutes,
    Seats,
}

impl RulePart {
    pub const fn suffix(self) -> &'static str {
        match self {
            RulePart::Weekday => "dag",
            RulePart::From => "fra",
            RulePart::To => "til",
            RulePart::Minutes => "min",
            RulePart::Seats => "pladser",
        }
    }
}

/// The calendar shows a day or a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarView {
    Day,
    Week,
}

impl CalendarView {
    pub const fn value(self) -> &'static str {
        match self {
            CalendarView::Day => "dag",
            CalendarView::Week => "uge",
        }
    }

    /// Anything but the week's value is a day.
    pub fn read(value: Option<&str>) -> CalendarView {
        if value == Some(CalendarView::Week.value()) {
            CalendarView::Week
        } else {
            CalendarView::Day
        }
    }
}

/// Writes a button enum's values once and reads them back.
macro_rules! buttons {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $value:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn value(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }

            pub fn read(value: Option<&str>) -> Option<$name> {
                value.and_then(|v| $name::ALL.iter().copied().find(|b| b.value() == v))
            }
        }
    };
}

buttons!(
    /// The calendar's buttons.
    CalendarButton {
        Held => "holdt",
        NoShow => "udeblevet",
        Cancel => "aflys",
        /// Back to booked: undoes a mistaken mark.
        Reopen => "genaabn",
        OpenSlot => "aabn-tid",
        RemoveSlot => "fjern-tid",
    }
);

buttons!(
    /// The accounts page's buttons.
    AccountButton {
        Create => "opret",
        Disable => "deaktiver",
        Enable => "aktiver",
        NewPassword => "ny-kode",
    }
);

buttons!(
    /// The identified requests page's buttons.
    CaseButton {
        Find => "find",
        Status => "status",
        /// Start the guarantee clock from a date.
        Deadline => "frist",
        Export => "eksport",
        /// Ask "do you really want to delete?".
        AskDelete => "slet-spoerg",
        Delete => "slet",
    }
);

/// A trimmed value, or empty.
fn typed(fields: &Fields, name: &str) -> String {
    text(fields, name).map(str::trim).unwrap_or("").to_string()
}

fn id(fields: &Fields, name: &str) -> Option<i64> {
    given(fields, name).and_then(|v| v.parse().ok())
}

/// A POST to `/personale/log-ind`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInForm {
    /// As typed (the store normalises it).
    pub username: String,
    pub password: String,
}

impl SignInForm {
    pub fn read(fields: &Fields) -> SignInForm {
        SignInForm { username: text(fields, field::USERNAME).unwrap_or("").to_string(), password: text(fields, field::PASSWORD).unwrap_or("").to_string() }
    }
}

/// A POST to `/personale/evaluering`: make codes for a site and a moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodesForm {
    pub site: Option<String>,
    pub moment: Option<String>,
    /// As typed, kept when the form comes back; [`CodesForm::count`] reads it.
    pub count: String,
}

impl CodesForm {
    /// The most codes one form makes: a group course's participants, not a stack to hoard.
    pub const MAX: u32 = 50;

    pub fn read(fields: &Fields) -> CodesForm {
        CodesForm {
            site: given(fields, field::SITE).map(str::to_string),
            moment: given(fields, field::MOMENT).map(str::to_string),
            count: text(fields, field::COUNT).unwrap_or("").trim().to_string(),
        }
    }

    /// The number of codes asked for, if it is one from 1 to [`CodesForm::MAX`].
    pub fn count(&self) -> Option<u32> {
        self.count.parse().ok().filter(|n| (1..=Self::MAX).contains(n))
    }
}

/// A POST to `/personale/beskeder`: reply to a thread, or close it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxForm {
    pub thread: Option<String>,
    /// `luk` closes; anything else replies.
    pub close: bool,
    /// As typed, kept when the form comes back with an error.
    pub reply: String,
}

impl InboxForm {
    pub const CLOSE: &str = "luk";
    pub const REPLY: &str = "svar";

    pub fn read(fields: &Fields) -> InboxForm {
        InboxForm {
            thread: given(fields, field::THREAD).map(str::to_string),
            close: text(fields, field::ACTION) == Some(Self::CLOSE),
            reply: text(fields, field::REPLY).unwrap_or("").to_string(),
        }
    }
}

/// The CSRF token a staff POST carries, if any.
pub fn csrf(fields: &Fields) -> Option<&str> {
    text(fields, field::CSRF)
}

/// Which site, day and view a calendar form or link names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarPlace {
    pub site: Option<String>,
    pub day: Option<String>,
    pub view: CalendarView,
}

/// A POST to `/personale/kalender`.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarForm {
    pub place: CalendarPlace,
    pub step: CalendarStep,
}

/// What a calendar POST asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum CalendarStep {
    /// Mark a booked talk (or reopen it); the action is an error when the button or the outcome
    /// is missing or unknown.
    Mark { booking: Option<i64>, action: Result<TalkAction, TalkActionError> },
    /// Open an extra slot, as typed.
    OpenSlot(ExtraForm),
    RemoveSlot(Option<i64>),
}

impl CalendarForm {
    pub fn read(fields: &Fields) -> CalendarForm {
        let place = CalendarPlace {
            site: given(fields, field::SITE).map(str::to_string),
            day: given(fields, field::DAY).map(str::to_string),
            view: CalendarView::read(text(fields, field::VIEW)),
        };
        let booking = id(fields, field::BOOKING);
        let step = match CalendarButton::read(text(fields, field::ACTION)) {
            Some(CalendarButton::OpenSlot) => CalendarStep::OpenSlot(ExtraForm {
                kind: typed(fields, field::KIND),
                date: typed(fields, field::DATE),
                time: typed(fields, field::TIME),
                minutes: typed(fields, field::MINUTES),
                capacity: typed(fields, field::SEATS),
            }),
            Some(CalendarButton::RemoveSlot) => CalendarStep::RemoveSlot(id(fields, field::SLOT)),
            Some(CalendarButton::Held) => CalendarStep::Mark {
                booking,
                action: match given(fields, field::OUTCOME) {
                    None => Err(TalkActionError::NoOutcome),
                    Some(slug) => TalkOutcome::from_slug(slug).map(TalkAction::Held).ok_or(TalkActionError::UnknownOutcome),
                },
            },
            Some(CalendarButton::NoShow) => CalendarStep::Mark { booking, action: Ok(TalkAction::NoShow) },
            Some(CalendarButton::Cancel) => CalendarStep::Mark { booking, action: Ok(TalkAction::Cancel) },
            Some(CalendarButton::Reopen) => CalendarStep::Mark { booking, action: Ok(TalkAction::Reopen) },
            None => CalendarStep::Mark { booking, action: Err(TalkActionError::NoAction) },
        };
        CalendarForm { place, step }
    }
}

/// A POST to `/personale/aabningstider`.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningPost {
    pub site: Option<String>,
    pub kind: Option<String>,
    /// As typed; `OpeningForm::parse` says what is wrong with it.
    pub form: OpeningForm,
}

impl OpeningPost {
    pub fn read(fields: &Fields) -> OpeningPost {
        let rules = (0..MAX_ROWS)
            .take_while(|&i| fields.contains_key(&field::rule(i, RulePart::Weekday)))
            .map(|i| RuleRow {
                weekday: typed(fields, &field::rule(i, RulePart::Weekday)),
                from: typed(fields, &field::rule(i, RulePart::From)),
                to: typed(fields, &field::rule(i, RulePart::To)),
                minutes: typed(fields, &field::rule(i, RulePart::Minutes)),
                capacity: typed(fields, &field::rule(i, RulePart::Seats)),
            })
            .collect();
        OpeningPost {
            site: given(fields, field::SITE).map(str::to_string),
            kind: given(fields, field::KIND).map(str::to_string),
            form: OpeningForm {
                rules,
                closed: typed(fields, field::CLOSED),
                // A checkbox is sent only when ticked.
                closed_on_public_holidays: fields.contains_key(field::HOLIDAYS),
                closed_every_year: typed(fields, field::CLOSED_EVERY_YEAR),
                notice_hours: typed(fields, field::NOTICE),
                horizon_days: typed(fields, field::HORIZON),
            },
        }
    }
}

/// A POST to `/personale/konti`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountStep {
    Create(NewAccount),
    Disable(Option<i64>),
    Enable(Option<i64>),
    NewPassword { account: Option<i64>, password: String },
    /// No button, or one this page does not have.
    Unknown,
}

/// The new-account form as posted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    /// Trimmed; `domain::staff::normalise_username` checks it.
    pub username: String,
    /// A role's slug as posted.
    pub role: String,
    /// The ticked sites (the logic keeps only the municipality's own).
    pub sites: Vec<String>,
    pub password: String,
}

impl AccountStep {
    pub fn read(fields: &Fields) -> AccountStep {
        let account = id(fields, field::ACCOUNT);
        let password = || text(fields, field::PASSWORD).unwrap_or("").to_string();
        match AccountButton::read(text(fields, field::ACTION)) {
            Some(AccountButton::Create) => {
                let prefix = field::site_box("");
                let mut sites: Vec<String> = fields.keys().filter_map(|k| k.strip_prefix(prefix.as_str())).filter(|s| !s.is_empty()).map(str::to_string).collect();
                sites.sort();
                AccountStep::Create(NewAccount { username: typed(fields, field::USERNAME), role: typed(fields, field::ROLE), sites, password: password() })
            }
            Some(AccountButton::Disable) => AccountStep::Disable(account),
            Some(AccountButton::Enable) => AccountStep::Enable(account),
            Some(AccountButton::NewPassword) => AccountStep::NewPassword { account, password: password() },
            None => AccountStep::Unknown,
        }
    }
}

/// The longest reference kept as typed (a reference is 11 characters).
const TYPED_MAX: usize = 20;

/// A POST to `/personale/sager`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseStep {
    /// Find a request by its reference, as typed (cut to 20 characters).
    Find(String),
    /// Change a request's status; `None` when the status is missing or unknown.
    Status { case: i64, to: Option<Status> },
    /// Start the guarantee clock from the date typed.
    Deadline { case: i64, typed: String },
    Export(i64),
    AskDelete(i64),
    Delete(i64),
    /// No button that needs a request: show the list, and the request named, if any.
    Show(Option<i64>),
}

impl CaseStep {
    pub fn read(fields: &Fields) -> CaseStep {
        let cut = |name: &str| typed(fields, name).chars().take(TYPED_MAX).collect::<String>();
        let case = id(fields, field::CASE);
        match (CaseButton::read(text(fields, field::ACTION)), case) {
            (Some(CaseButton::Find), _) => CaseStep::Find(cut(field::REFERENCE)),
            (Some(CaseButton::Status), Some(case)) => CaseStep::Status { case, to: given(fields, field::STATUS).and_then(Status::from_slug) },
            (Some(CaseButton::Deadline), Some(case)) => CaseStep::Deadline { case, typed: typed(fields, field::DATE) },
            (Some(CaseButton::Export), Some(case)) => CaseStep::Export(case),
            (Some(CaseButton::AskDelete), Some(case)) => CaseStep::AskDelete(case),
            (Some(CaseButton::Delete), Some(case)) => CaseStep::Delete(case),
            (_, case) => CaseStep::Show(case),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_codes_form_takes_a_count_from_1_to_50() {
        let read = |n: &str| CodesForm::read(&[(field::COUNT.to_string(), n.to_string())].into_iter().collect()).count();
        assert_eq!(read(" 12 "), Some(12));
        for bad in ["0", "51", "-1", "tolv", "", "1e3"] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
        let form = CodesForm::read(&[(field::SITE.to_string(), " ".to_string())].into_iter().collect());
        assert_eq!((form.site, form.moment), (None, None));
    }

    #[test]
    fn every_button_reads_back_from_its_value_and_nothing_else_does() {
        for b in CalendarButton::ALL {
            assert_eq!(CalendarButton::read(Some(b.value())), Some(*b));
        }
        for b in AccountButton::ALL {
            assert_eq!(AccountButton::read(Some(b.value())), Some(*b));
        }
        for b in CaseButton::ALL {
            assert_eq!(CaseButton::read(Some(b.value())), Some(*b));
        }
        for v in ["", "HOLDT", "holdt ", "slet-alt"] {
            assert_eq!(CalendarButton::read(Some(v)), None, "{v:?}");
            assert_eq!(CaseButton::read(Some(v)), None, "{v:?}");
        }
    }

    #[test]
    fn a_mark_without_a_known_outcome_is_a_typed_error() {
        let mark = |pairs: &[(&str, &str)]| match CalendarForm::read(&fields(pairs)).step {
            CalendarStep::Mark { booking, action } => (booking, action),
            other => panic!("{other:?}"),
        };
        assert_eq!(mark(&[(field::ACTION, "holdt"), (field::BOOKING, "7"), (field::OUTCOME, "henvist-101a")]), (Some(7), Ok(TalkAction::Held(TalkOutcome::ReferredAnonymous101a))));
        assert_eq!(mark(&[(field::ACTION, "holdt"), (field::OUTCOME, " ")]).1, Err(TalkActionError::NoOutcome));
        assert_eq!(mark(&[(field::ACTION, "holdt"), (field::OUTCOME, "fri tekst om personen")]).1, Err(TalkActionError::UnknownOutcome));
        assert_eq!(mark(&[(field::ACTION, "slet"), (field::BOOKING, "x")]), (None, Err(TalkActionError::NoAction)));
        assert_eq!(mark(&[(field::ACTION, "genaabn"), (field::BOOKING, "3")]).1, Ok(TalkAction::Reopen));
    }

    #[test]
    fn the_calendar_form_keeps_its_place_and_the_extra_slot_as_typed() {
        let form = CalendarForm::read(&fields(&[
            (field::SITE, "pitstop"),
            (field::DAY, "2026-12-07"),
            (field::VIEW, "uge"),
            (field::ACTION, "aabn-tid"),
            (field::KIND, "telefon"),
            (field::DATE, " 8.12.2026 "),
            (field::TIME, "18.00"),
        ]));
        assert_eq!(form.place, CalendarPlace { site: Some("pitstop".into()), day: Some("2026-12-07".into()), view: CalendarView::Week });
        let CalendarStep::OpenSlot(extra) = form.step else { panic!() };
        assert_eq!((extra.kind.as_str(), extra.date.as_str(), extra.time.as_str(), extra.minutes.as_str()), ("telefon", "8.12.2026", "18.00", ""));
        assert_eq!(CalendarForm::read(&fields(&[(field::ACTION, "fjern-tid"), (field::SLOT, "12x")])).step, CalendarStep::RemoveSlot(None));
        assert_eq!(CalendarForm::read(&fields(&[(field::VIEW, "maaned")])).place.view, CalendarView::Day);
    }

    #[test]
    fn the_opening_form_reads_its_rows_until_the_first_gap() {
        let post = OpeningPost::read(&fields(&[
            (&field::rule(0, RulePart::Weekday), "man"),
            (&field::rule(0, RulePart::From), " 09:00"),
            (&field::rule(1, RulePart::Weekday), ""),
            (&field::rule(3, RulePart::Weekday), "fre"),
            (field::HOLIDAYS, TICKED),
            (field::SITE, "pitstop"),
        ]));
        assert_eq!(post.form.rules.len(), 2, "row 3 follows a gap and is not read");
        assert_eq!(post.form.rules[0].from, "09:00");
        assert!(post.form.closed_on_public_holidays);
        assert_eq!((post.site.as_deref(), post.kind), (Some("pitstop"), None));
        assert!(!OpeningPost::read(&fields(&[(field::NOTICE, "24")])).form.closed_on_public_holidays);
    }

    #[test]
    fn a_new_account_takes_its_ticked_sites_by_name() {
        let step = AccountStep::read(&fields(&[
            (field::ACTION, "opret"),
            (field::USERNAME, "  ane.b "),
            (field::ROLE, "raadgiver"),
            (&field::site_box("pitstop"), TICKED),
            (&field::site_box(""), TICKED),
            (field::PASSWORD, " et langt kodeord "),
        ]));
        let AccountStep::Create(new) = step else { panic!("{step:?}") };
        assert_eq!((new.username.as_str(), new.sites, new.password.as_str()), ("ane.b", vec!["pitstop".to_string()], " et langt kodeord "), "a password is kept exactly as typed");
        assert_eq!(AccountStep::read(&fields(&[(field::ACTION, "deaktiver"), (field::ACCOUNT, "-")])), AccountStep::Disable(None));
        assert_eq!(AccountStep::read(&fields(&[(field::ACTION, "slet")])), AccountStep::Unknown);
    }

    #[test]
    fn a_case_step_needs_a_case_except_to_find_one() {
        assert_eq!(CaseStep::read(&fields(&[(field::ACTION, "find"), (field::REFERENCE, " h-2026-000123456789012 ")])), CaseStep::Find("h-2026-0001234567890".into()));
        assert_eq!(CaseStep::read(&fields(&[(field::ACTION, "slet"), (field::CASE, "abc")])), CaseStep::Show(None));
        assert_eq!(CaseStep::read(&fields(&[(field::ACTION, "status"), (field::CASE, " 4 "), (field::STATUS, "ukendt")])), CaseStep::Status { case: 4, to: None });
        assert_eq!(CaseStep::read(&fields(&[(field::CASE, "4")])), CaseStep::Show(Some(4)));
    }
}
