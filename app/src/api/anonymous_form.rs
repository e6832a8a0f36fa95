//! The anonymous side's forms, typed. Each field's name and each button's value is written here
//! once: the pages' inputs (`components/booking.rs`, `pages/manage.rs`), the logic that reads a
//! POST (`api::anonymous::logic`) and the server's limits (`server::anonymous_forms`) all take
//! them from here. A POST's fields become one of the structs below before anything reads them;
//! what is missing or malformed becomes `None` or a typed value, which the logic turns into a
//! typed refusal (`domain::slots::BookingRefusal`, `domain::token::TokenError`) the page words.

use chrono::{DateTime, Utc};

pub use super::form::{Fields, TICKED};
use super::form::{given, text};

/// Where the manage forms post (the booking forms post to their own page's path, and the
/// evaluation form to `/{kommune}/evaluering`).
pub mod path {
    pub const MANAGE: &str = "/min-aftale";
    pub const CALENDAR: &str = "/min-aftale/kalender";
}

/// The fields' names.
pub mod field {
    /// The kind of talk: a content id (`fremmoede`, `telefon`...).
    pub const KIND: &str = "samtale";
    /// The slot's start, RFC 3339 in UTC.
    pub const TIME: &str = "tid";
    /// Which of the two booking steps: [`super::Stage`].
    pub const STEP: &str = "trin";
    /// A code: typed by the person, or carried in a hidden field from the page before.
    pub const CODE: &str = "kode";
    /// What to do with a code or a booking: [`super::ManageAction`], or [`super::SHOW_CODE`].
    pub const ACTION: &str = "handling";
    /// A booking's id, among the code's bookings.
    pub const BOOKING: &str = "booking";
    /// The calendar event's title, chosen by the person.
    pub const TITLE: &str = "titel";
    /// "I have saved my code", on the receipt.
    pub const SAVED: &str = "gemt";
    /// The calendar file: also write the place (ticked is [`super::TICKED`]).
    pub const WITH_PLACE: &str = "med-sted";
    /// The calendar file: also write the booking's label in its description.
    pub const WITH_LABEL: &str = "med-betegnelse";

    /// The site a message is written to (`/{kommune}/skriv`).
    pub const SITE: &str = "sted";
    /// Who a message is about: `domain::message::Writer`'s slug.
    pub const WRITER: &str = "om";
    /// A message's text.
    pub const BODY: &str = "besked";

    /// An evaluation question's answer: `svar-{question id}`.
    pub fn answer(question: &str) -> String {
        format!("svar-{question}")
    }
}


/// A series page's `handling` that only reads the typed code and shows its count.
pub const SHOW_CODE: &str = "kode";

/// Where a booking form is: the confirmation, or the last step, which books.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Confirm,
    Book,
}

impl Stage {
    pub const fn value(self) -> &'static str {
        match self {
            Stage::Confirm => "bekraeft",
            Stage::Book => "book",
        }
    }

    /// Anything but the last step's value asks for confirmation: a POST books only on purpose.
    fn read(value: Option<&str>) -> Stage {
        match value {
            Some(v) if v == Stage::Book.value() => Stage::Book,
            _ => Stage::Confirm,
        }
    }
}

/// What the manage page's buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManageAction {
    /// Show the code's bookings.
    Show,
    /// Ask "do you really want to cancel?".
    AskCancel,
    Cancel,
    /// Show the free times to move to.
    ChooseMove,
    Move,
}

impl ManageAction {
    const ALL: [ManageAction; 5] = [ManageAction::Show, ManageAction::AskCancel, ManageAction::Cancel, ManageAction::ChooseMove, ManageAction::Move];

    pub const fn value(self) -> &'static str {
        match self {
            ManageAction::Show => "vis",
            ManageAction::AskCancel => "annuller-spoerg",
            ManageAction::Cancel => "annuller",
            ManageAction::ChooseMove => "flyt-vaelg",
            ManageAction::Move => "flyt",
        }
    }

    fn read(value: Option<&str>) -> Option<ManageAction> {
        value.and_then(|v| ManageAction::ALL.into_iter().find(|a| a.value() == v))
    }
}

/// What the evaluation page's buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationAction {
    /// Read the typed code and show its questions.
    Open,
    /// Send the answers.
    Send,
    /// A follow-up code's reminders as a calendar file.
    Calendar,
}

impl EvaluationAction {
    const ALL: [EvaluationAction; 3] = [EvaluationAction::Open, EvaluationAction::Send, EvaluationAction::Calendar];

    pub const fn value(self) -> &'static str {
        match self {
            EvaluationAction::Open => "aabn",
            EvaluationAction::Send => "send",
            EvaluationAction::Calendar => "kalender",
        }
    }

    /// Anything unknown opens: the step that changes nothing.
    fn read(value: Option<&str>) -> EvaluationAction {
        value.and_then(|v| EvaluationAction::ALL.into_iter().find(|a| a.value() == v)).unwrap_or(EvaluationAction::Open)
    }
}

/// A POST to `/{kommune}/evaluering`. The answers are read by question, since the questions come
/// from the content ([`EvaluationForm::answer`]).
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationForm {
    /// As typed (the token's parser says what is wrong with it).
    pub code: String,
    pub action: EvaluationAction,
    /// The talk a booking code evaluates (`field::BOOKING`).
    pub booking: Option<i64>,
    answers: Fields,
}

impl EvaluationForm {
    pub fn read(fields: &Fields) -> EvaluationForm {
        EvaluationForm {
            code: text(fields, field::CODE).unwrap_or("").to_string(),
            action: EvaluationAction::read(text(fields, field::ACTION)),
            booking: given(fields, field::BOOKING).and_then(|v| v.parse().ok()),
            answers: fields.iter().filter(|(k, _)| k.starts_with("svar-")).map(|(k, v)| (k.clone(), v.clone())).collect(),
        }
    }

    /// The answer given to `question`, if any (not yet checked against the question's answers).
    pub fn answer(&self, question: &str) -> Option<&str> {
        given(&self.answers, &field::answer(question))
    }
}

/// What a POST to `/{kommune}/skriv` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteAction {
    /// Open a new thread with the first message.
    Send,
    /// Read the thread of the typed code.
    Open,
    /// Write again in the thread.
    Again,
    /// Ask before deleting the thread.
    AskDelete,
    /// Delete the whole thread.
    Delete,
    /// A calendar file reminding the person to look for an answer.
    Calendar,
}

impl WriteAction {
    const ALL: [WriteAction; 6] = [WriteAction::Send, WriteAction::Open, WriteAction::Again, WriteAction::AskDelete, WriteAction::Delete, WriteAction::Calendar];

    pub const fn value(self) -> &'static str {
        match self {
            WriteAction::Send => "send",
            WriteAction::Open => "aabn",
            WriteAction::Again => "skriv-igen",
            WriteAction::AskDelete => "slet-spoerg",
            WriteAction::Delete => "slet",
            WriteAction::Calendar => "kalender",
        }
    }

    /// Anything unknown opens the thread: the step that changes nothing.
    fn read(value: Option<&str>) -> WriteAction {
        value.and_then(|v| WriteAction::ALL.into_iter().find(|a| a.value() == v)).unwrap_or(WriteAction::Open)
    }
}

/// A POST to `/{kommune}/skriv`, as typed. The message is kept as typed (it comes back in the
/// form with an error); `domain::message::MessageBody` decides whether it may be sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteForm {
    pub action: Option<WriteAction>,
    pub code: Option<String>,
    pub site: Option<String>,
    pub writer: Option<String>,
    pub body: String,
}

impl WriteForm {
    pub fn read(fields: &Fields) -> WriteForm {
        WriteForm {
            action: Some(WriteAction::read(text(fields, field::ACTION))),
            code: given(fields, field::CODE).map(str::to_string),
            site: given(fields, field::SITE).map(str::to_string),
            writer: given(fields, field::WRITER).map(str::to_string),
            body: text(fields, field::BODY).unwrap_or("").to_string(),
        }
    }

    pub fn action(&self) -> WriteAction {
        self.action.unwrap_or(WriteAction::Open)
    }
}

/// A slot's start as the forms carry it; `None` if missing or not an instant.
fn instant(fields: &Fields, name: &str) -> Option<DateTime<Utc>> {
    given(fields, name).and_then(|v| DateTime::parse_from_rfc3339(v).ok()).map(|t| t.with_timezone(&Utc))
}

/// A POST of the booking steps: `/{kommune}/book`, `/{kommune}/paaroerende`,
/// `/{kommune}/raadgivning`.
#[derive(Clone, Debug, PartialEq)]
pub struct BookingForm {
    /// The kind of talk's id, as posted (the site decides whether it offers it).
    pub kind: Option<String>,
    pub time: Option<DateTime<Utc>>,
    pub stage: Stage,
    /// The code in hand, on a series page (typed, or carried from the page before).
    pub code: Option<String>,
    /// A series page's "show my count" button, which books nothing.
    pub show_code: bool,
}

impl BookingForm {
    pub fn read(fields: &Fields) -> BookingForm {
        BookingForm {
            kind: text(fields, field::KIND).map(str::to_string),
            time: instant(fields, field::TIME),
            stage: Stage::read(text(fields, field::STEP)),
            code: given(fields, field::CODE).map(str::to_string),
            show_code: text(fields, field::ACTION) == Some(SHOW_CODE),
        }
    }

    /// The last step: the one a booking limit counts.
    pub fn books(&self) -> bool {
        self.stage == Stage::Book
    }
}

/// A POST to `/min-aftale`.
#[derive(Clone, Debug, PartialEq)]
pub struct ManageForm {
    /// As typed (the token's parser says what is wrong with it).
    pub code: String,
    pub action: Option<ManageAction>,
    pub booking: Option<i64>,
    /// The new time, when moving.
    pub time: Option<DateTime<Utc>>,
}

impl ManageForm {
    pub fn read(fields: &Fields) -> ManageForm {
        ManageForm {
            code: text(fields, field::CODE).unwrap_or("").to_string(),
            action: ManageAction::read(text(fields, field::ACTION)),
            booking: given(fields, field::BOOKING).and_then(|v| v.parse().ok()),
            time: instant(fields, field::TIME),
        }
    }
}

/// A POST to `/min-aftale/kalender`.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarForm {
    pub code: String,
    pub booking: Option<i64>,
    /// As typed; `domain::ics::clean_title` makes it safe and gives the neutral default.
    pub title: String,
    /// Write the place into the file (not by default: a calendar others see shows it).
    pub with_place: bool,
    /// Write the booking's label into the file's description (not by default).
    pub with_label: bool,
}

impl CalendarForm {
    pub fn read(fields: &Fields) -> CalendarForm {
        CalendarForm {
            code: text(fields, field::CODE).unwrap_or("").to_string(),
            booking: given(fields, field::BOOKING).and_then(|v| v.parse().ok()),
            title: text(fields, field::TITLE).unwrap_or("").to_string(),
            // A checkbox is sent only when ticked.
            with_place: fields.contains_key(field::WITH_PLACE),
            with_label: fields.contains_key(field::WITH_LABEL),
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
    fn a_booking_form_books_only_at_the_last_step() {
        let form = BookingForm::read(&fields(&[(field::KIND, "fremmoede"), (field::TIME, "2026-12-08T15:00:00+00:00"), (field::STEP, "book")]));
        assert_eq!(form.kind.as_deref(), Some("fremmoede"));
        assert_eq!(form.time.map(|t| t.to_rfc3339()), Some("2026-12-08T15:00:00+00:00".to_string()));
        assert!(form.books());
        for step in ["bekraeft", "", "BOOK", "book "] {
            assert_eq!(BookingForm::read(&fields(&[(field::STEP, step)])).stage, Stage::Confirm, "{step:?}");
        }
        assert_eq!(BookingForm::read(&fields(&[])).stage, Stage::Confirm);
    }

    #[test]
    fn malformed_fields_read_as_missing() {
        let form = BookingForm::read(&fields(&[(field::TIME, "i morgen"), (field::CODE, "   "), (field::ACTION, "slet")]));
        assert_eq!((form.time, form.code, form.show_code), (None, None, false));
        let manage = ManageForm::read(&fields(&[(field::BOOKING, "12x"), (field::ACTION, "annuller-alt"), (field::TIME, "2026-13-01T00:00:00Z")]));
        assert_eq!((manage.booking, manage.action, manage.time), (None, None, None));
        let calendar = CalendarForm::read(&fields(&[(field::BOOKING, "99999999999999999999999")]));
        assert_eq!(calendar.booking, None);
    }

    #[test]
    fn an_evaluation_form_reads_its_answers_by_question() {
        let form = EvaluationForm::read(&fields(&[(field::CODE, " 7KQ "), (field::ACTION, "send"), ("svar-maal", "enig"), ("svar-kontakt", " "), ("andet", "x")]));
        assert_eq!((form.code.as_str(), form.action), (" 7KQ ", EvaluationAction::Send));
        assert_eq!(form.answer("maal"), Some("enig"));
        assert_eq!(form.answer("kontakt"), None, "blank is unanswered");
        assert_eq!(form.answer("andet"), None);
        for action in EvaluationAction::ALL {
            assert_eq!(EvaluationAction::read(Some(action.value())), action);
        }
        assert_eq!(EvaluationAction::read(Some("slet")), EvaluationAction::Open);
    }

    #[test]
    fn every_manage_action_reads_back_from_its_value() {
        for action in ManageAction::ALL {
            assert_eq!(ManageAction::read(Some(action.value())), Some(action));
        }
        assert_eq!(BookingForm::read(&fields(&[(field::ACTION, SHOW_CODE), (field::CODE, " abc ")])).code.as_deref(), Some("abc"));
    }
}
