//! An identified request for treatment (SEL § 101, SUL §§ 141–142): the form's rules, the
//! reference number on the receipt, the form nonce that makes a double submit one request, the
//! guarantee's last day, a request's status and what its guarantee clock shows a case worker.
//! Plain Rust, no I/O. Dates come from `deadlines`; nothing here counts days on its own.

use crate::domain::deadlines::{days_left, last_day, today_in_copenhagen, ClockStart};
use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// What the person wants treatment for. The form's values are Danish; the store's are the
/// case store's CHECK values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Substance {
    Alcohol,
    Other,
    Both,
}

impl Substance {
    pub const ALL: [Substance; 3] = [Substance::Alcohol, Substance::Other, Substance::Both];

    /// The value in the case store.
    pub fn slug(self) -> &'static str {
        match self {
            Substance::Alcohol => "alcohol",
            Substance::Other => "other",
            Substance::Both => "both",
        }
    }

    pub fn from_slug(s: &str) -> Option<Substance> {
        Substance::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// The form's value.
    pub fn form_value(self) -> &'static str {
        match self {
            Substance::Alcohol => "alkohol",
            Substance::Other => "andre",
            Substance::Both => "begge",
        }
    }

    pub fn from_form(s: &str) -> Option<Substance> {
        Substance::ALL.into_iter().find(|x| x.form_value() == s)
    }
}

/// When the person would rather be contacted. Fixed choices, never free text: a free-text field
/// invites more than the site needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactTime {
    Morning,
    Afternoon,
}

impl ContactTime {
    pub const ALL: [ContactTime; 2] = [ContactTime::Morning, ContactTime::Afternoon];

    pub fn slug(self) -> &'static str {
        match self {
            ContactTime::Morning => "morning",
            ContactTime::Afternoon => "afternoon",
        }
    }

    /// The form's checkbox name.
    pub fn field(self) -> &'static str {
        match self {
            ContactTime::Morning => "tid-formiddag",
            ContactTime::Afternoon => "tid-eftermiddag",
        }
    }

    /// "morning,afternoon" as stored; `None` for no preference.
    pub fn to_stored(times: &[ContactTime]) -> Option<String> {
        (!times.is_empty()).then(|| times.iter().map(|c| c.slug()).collect::<Vec<_>>().join(","))
    }

    pub fn from_stored(s: Option<&str>) -> Vec<ContactTime> {
        let parts: Vec<&str> = s.unwrap_or("").split(',').collect();
        ContactTime::ALL.into_iter().filter(|c| parts.contains(&c.slug())).collect()
    }
}

/// The value a ticked checkbox of the request form posts.
pub const CHECKED: &str = "ja";

/// The hidden field with the form's one-time nonce (a double submit files one request).
pub const NONCE_FIELD: &str = "skema";

/// The fields of the request form, by the `id` and `name` they have in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phone,
    Email,
    Substance,
    Consent,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "navn",
            Field::Phone => "telefon",
            Field::Email => "email",
            Field::Substance => "rusmiddel",
            Field::Consent => "samtykke",
        }
    }
}

/// Why a field was refused; `text::cases::field_error` is the Danish message the page shows
/// next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    NameMissing,
    NameTooLong,
    NameInvalid,
    /// Neither a phone number nor an e-mail address.
    ContactMissing,
    PhoneInvalid,
    EmailInvalid,
    SubstanceMissing,
    ConsentMissing,
}

pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;

/// A request that passed every check, normalised for the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRequest {
    pub name: String,
    /// Eight digits, no spaces: "20123456".
    pub phone: Option<String>,
    /// Trimmed; the domain part lower-cased.
    pub email: Option<String>,
    pub substance: Substance,
    pub times: Vec<ContactTime>,
}

/// Checks the form's fields. Every refused field gets its own error, in the order of the form.
pub fn validate(form: &HashMap<String, String>) -> Result<ValidRequest, Vec<(Field, FieldError)>> {
    let get = |f: &str| form.get(f).map(|v| v.trim()).unwrap_or("");
    let mut errors = Vec::new();

    let name = get(Field::Name.id());
    let name = match check_name(name) {
        Ok(n) => Some(n),
        Err(e) => {
            errors.push((Field::Name, e));
            None
        }
    };
    let (phone_raw, email_raw) = (get(Field::Phone.id()), get(Field::Email.id()));
    let phone = match (!phone_raw.is_empty()).then(|| normalise_phone(phone_raw)) {
        Some(Err(e)) => {
            errors.push((Field::Phone, e));
            None
        }
        Some(Ok(p)) => Some(p),
        None => None,
    };
    let email = match (!email_raw.is_empty()).then(|| normalise_email(email_raw)) {
        Some(Err(e)) => {
            errors.push((Field::Email, e));
            None
        }
        Some(Ok(e)) => Some(e),
        None => None,
    };
    if phone_raw.is_empty() && email_raw.is_empty() {
        // Said at the phone field, the first of the two.
        errors.push((Field::Phone, FieldError::ContactMissing));
    }
    let substance = Substance::from_form(get(Field::Substance.id()));
    if substance.is_none() {
        errors.push((Field::Substance, FieldError::SubstanceMissing));
    }
    if get(Field::Consent.id()) != CHECKED {
        errors.push((Field::Consent, FieldError::ConsentMissing));
    }
    let times = ContactTime::ALL.into_iter().filter(|c| get(c.field()) == CHECKED).collect();
    match (errors.is_empty(), name, substance) {
        (true, Some(name), Some(substance)) => Ok(ValidRequest { name, phone, email, substance, times }),
        _ => Err(errors),
    }
}

fn check_name(raw: &str) -> Result<String, FieldError> {
    // Runs of spaces (also from a pasted name) become one.
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(FieldError::NameMissing);
    }
    if name.chars().count() > NAME_MAX {
        return Err(FieldError::NameTooLong);
    }
    if name.chars().any(|c| c.is_control()) || !name.chars().any(|c| c.is_alphabetic()) {
        return Err(FieldError::NameInvalid);
    }
    Ok(name)
}

/// A Danish phone number: eight digits, the first 2–9 (the numbering plan has no subscriber
/// numbers starting with 0 or 1), with spaces, dashes or dots between them and an optional
/// +45 or 0045 in front.
pub fn normalise_phone(raw: &str) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.chars().count() > 24 {
        return Err(FieldError::PhoneInvalid);
    }
    let s = if let Some(rest) = s.strip_prefix("+45") {
        rest
    } else if let Some(rest) = s.strip_prefix("0045") {
        rest
    } else {
        s
    };
    if !s.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.')) {
        return Err(FieldError::PhoneInvalid);
    }
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    match digits.as_bytes() {
        [b'2'..=b'9', ..] if digits.len() == 8 => Ok(digits),
        _ => Err(FieldError::PhoneInvalid),
    }
}

/// "20 12 34 56": how a Dane writes a number, for the case worker's list.
pub fn display_phone(digits: &str) -> String {
    digits.as_bytes().chunks(2).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// An e-mail address the site can write to: one `@`, something before it, a domain with a dot
/// after it, no spaces, at most 254 characters. Anything stricter refuses real addresses.
pub fn normalise_email(raw: &str) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.chars().count() > EMAIL_MAX || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FieldError::EmailInvalid);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(FieldError::EmailInvalid);
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if local.is_empty() || local.contains(['<', '>', '"', ',', ';']) || !domain_ok {
        return Err(FieldError::EmailInvalid);
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// The reference number on the receipt: `H-` and six symbols in two groups, `H-4K7-Q9M`.
///
/// Symbols from Crockford's alphabet without 0, 1 and U, so nothing can be misread (O/0, I/L/1)
/// on the phone, and without H, so the prefix can be left out when typing: 28 symbols,
/// 28⁶ ≈ 482 million references, drawn at random from the OS CSPRNG; the store's UNIQUE
/// constraint and a retry settle the rare clash. The `H-` (for
/// henvendelse) and the two groups of three make it unlike an anonymous token (six groups) and
/// unlike a booking label (words and a number), so no one mixes them up.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference(String);

const REFERENCE_ALPHABET: &[u8; 28] = b"23456789ABCDEFGJKMNPQRSTVWXY";
pub const REFERENCE_SYMBOLS: usize = 6;

impl Reference {
    pub fn generate() -> Reference {
        use rand::TryRngCore;
        let mut symbols = String::with_capacity(REFERENCE_SYMBOLS);
        while symbols.len() < REFERENCE_SYMBOLS {
            let mut byte = [0u8; 1];
            rand::rngs::OsRng.try_fill_bytes(&mut byte).expect("the OS random source is available");
            // Rejection sampling: 252 = 9 × 28, so bytes below it map uniformly.
            if byte[0] < 252 {
                symbols.push(REFERENCE_ALPHABET[usize::from(byte[0] % 28)] as char);
            }
        }
        Reference(symbols)
    }

    /// Reads a reference as a person or case worker types it: case-insensitive, with or without
    /// `H-`, spaces or dashes.
    pub fn parse(raw: &str) -> Option<Reference> {
        let cleaned: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect::<String>().to_ascii_uppercase();
        let symbols = if cleaned.len() == REFERENCE_SYMBOLS + 1 { cleaned.strip_prefix('H')? } else { cleaned.as_str() };
        (symbols.len() == REFERENCE_SYMBOLS && symbols.bytes().all(|b| REFERENCE_ALPHABET.contains(&b)))
            .then(|| Reference(symbols.to_string()))
    }

    /// `H-4K7-Q9M`, as shown and stored.
    pub fn display(&self) -> String {
        format!("H-{}-{}", &self.0[..3], &self.0[3..])
    }
}

/// The random nonce rendered into each request form (`skema`): 128 bits from the OS CSPRNG as
/// 32 hexadecimal characters. The store keeps only its SHA-256 (unique), so posting one form
/// twice finds the first request.
pub struct FormNonce;

impl FormNonce {
    pub fn generate() -> String {
        use rand::TryRngCore;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.try_fill_bytes(&mut bytes).expect("the OS random source is available");
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The hash the store keeps, for a well-formed nonce; `None` otherwise.
    pub fn hash(nonce: &str) -> Option<[u8; 32]> {
        let ok = nonce.len() == 32 && nonce.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ok.then(|| Sha256::digest(nonce.as_bytes()).into())
    }
}

/// The guarantee's last day for a request received at `received`, where the municipality's clock
/// starts at contact; `None` where it starts at attendance or application (the day is not known
/// when the request arrives). The day of contact is the date in Copenhagen.
pub fn guarantee_until(received: DateTime<Utc>, days: u32, clock: ClockStart) -> Option<(NaiveDate, NaiveDate)> {
    match clock {
        ClockStart::Contact => {
            let from = today_in_copenhagen(received);
            Some((from, last_day(from, days)))
        }
        ClockStart::Attendance | ClockStart::Application => None,
    }
}

/// A request's status (the case store's CHECK values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    New,
    Contacted,
    TreatmentStarted,
    Closed,
    /// The person chose another public or private site: the deadline may be set aside
    /// (SEL § 101 stk. 6, SUL § 142 stk. 8).
    ChoseOtherSite,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::New, Status::Contacted, Status::TreatmentStarted, Status::Closed, Status::ChoseOtherSite];

    pub fn slug(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Contacted => "contacted",
            Status::TreatmentStarted => "treatment_started",
            Status::Closed => "closed",
            Status::ChoseOtherSite => "chose_other_site",
        }
    }

    pub fn from_slug(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// A final status: retention counts from the day a request got one.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Closed | Status::ChoseOtherSite)
    }
}

/// Where a request's guarantee stands today, as the case worker's list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Clock {
    /// The clock runs: `days_left` to the last day (0 = today, negative = overdue by that many).
    Running { until: NaiveDate, days_left: i64 },
    /// The municipality counts from attendance or application and the day is not recorded yet.
    NotStarted,
    /// Treatment has started: the guarantee's question is answered.
    Met,
    /// The person chose another site: the deadline may be set aside.
    Lifted,
    /// Closed.
    Ended,
}

impl Clock {
    pub fn of(status: Status, until: Option<NaiveDate>, today: NaiveDate) -> Clock {
        match (status, until) {
            (Status::TreatmentStarted, _) => Clock::Met,
            (Status::ChoseOtherSite, _) => Clock::Lifted,
            (Status::Closed, _) => Clock::Ended,
            (Status::New | Status::Contacted, Some(until)) => Clock::Running { until, days_left: days_left(today, until) },
            (Status::New | Status::Contacted, None) => Clock::NotStarted,
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Clock::Running { days_left, .. } if days_left < 0)
    }

    /// The order of the case worker's list: overdue first (longest overdue first), then the
    /// running clocks by days left, then those whose clock has not started, then the rest.
    pub fn sort_key(self) -> (u8, i64) {
        match self {
            Clock::Running { days_left, .. } if days_left < 0 => (0, days_left),
            Clock::Running { days_left, .. } => (1, days_left),
            Clock::NotStarted => (2, 0),
            Clock::Met => (3, 0),
            Clock::Lifted => (4, 0),
            Clock::Ended => (5, 0),
        }
    }
}

/// How a request's guarantee turned out, for the case workers' guarantee figure (issue 18): read
/// from the case store alone, never beside the anonymous counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GuaranteeOutcome {
    /// Treatment started on or before the last day.
    Kept,
    /// Treatment started after the last day, or the last day has passed without a start.
    Missed,
    /// The last day has not come, and treatment has not started.
    Running,
    /// The person chose another site, so the deadline may be set aside.
    Lifted,
    /// Closed without a treatment start (the person withdrew, say).
    ClosedWithoutTreatment,
    /// Marked as treatment started with no day recorded (only data from before the history).
    NoDate,
}

impl GuaranteeOutcome {
    pub const ALL: [GuaranteeOutcome; 6] = [
        GuaranteeOutcome::Kept,
        GuaranteeOutcome::Missed,
        GuaranteeOutcome::Running,
        GuaranteeOutcome::Lifted,
        GuaranteeOutcome::ClosedWithoutTreatment,
        GuaranteeOutcome::NoDate,
    ];

    /// `started_on`: the day (Copenhagen) the request was first marked as treatment started.
    pub fn of(status: Status, until: NaiveDate, started_on: Option<NaiveDate>, today: NaiveDate) -> GuaranteeOutcome {
        match (started_on, status) {
            (Some(day), _) if day <= until => GuaranteeOutcome::Kept,
            (Some(_), _) => GuaranteeOutcome::Missed,
            (None, Status::TreatmentStarted) => GuaranteeOutcome::NoDate,
            (None, Status::ChoseOtherSite) => GuaranteeOutcome::Lifted,
            (None, Status::Closed) => GuaranteeOutcome::ClosedWithoutTreatment,
            (None, Status::New | Status::Contacted) if today <= until => GuaranteeOutcome::Running,
            (None, Status::New | Status::Contacted) => GuaranteeOutcome::Missed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_guarantee_is_kept_by_a_start_on_or_before_the_last_day() {
        let until = d(2026, 12, 14);
        let of = |status, started, today| GuaranteeOutcome::of(status, until, started, today);
        assert_eq!(of(Status::TreatmentStarted, Some(d(2026, 12, 14)), d(2026, 12, 20)), GuaranteeOutcome::Kept);
        assert_eq!(of(Status::Closed, Some(d(2026, 12, 1)), d(2027, 2, 1)), GuaranteeOutcome::Kept, "started in time, closed since");
        assert_eq!(of(Status::TreatmentStarted, Some(d(2026, 12, 15)), d(2026, 12, 20)), GuaranteeOutcome::Missed);
        assert_eq!(of(Status::Contacted, None, d(2026, 12, 14)), GuaranteeOutcome::Running, "the last day itself is still in time");
        assert_eq!(of(Status::Contacted, None, d(2026, 12, 15)), GuaranteeOutcome::Missed);
        assert_eq!(of(Status::ChoseOtherSite, None, d(2026, 12, 30)), GuaranteeOutcome::Lifted);
        assert_eq!(of(Status::Closed, None, d(2026, 12, 30)), GuaranteeOutcome::ClosedWithoutTreatment);
        assert_eq!(of(Status::TreatmentStarted, None, d(2026, 12, 30)), GuaranteeOutcome::NoDate);
    }

    const GOOD: [(&str, &str); 4] = [("navn", " Birthe  Kragelund "), ("telefon", "+45 28 91 73 46"), ("rusmiddel", "alkohol"), ("samtykke", "ja")];

    #[test]
    fn a_complete_form_is_normalised() {
        let mut f = form(&GOOD);
        f.insert("tid-eftermiddag".into(), "ja".into());
        let v = validate(&f).unwrap();
        assert_eq!(v.name, "Birthe Kragelund");
        assert_eq!(v.phone.as_deref(), Some("28917346"));
        assert_eq!(v.email, None);
        assert_eq!(v.substance, Substance::Alcohol);
        assert_eq!(v.times, vec![ContactTime::Afternoon]);
    }

    #[test]
    fn an_empty_form_names_every_missing_field() {
        let errors = validate(&form(&[])).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (Field::Name, FieldError::NameMissing),
                (Field::Phone, FieldError::ContactMissing),
                (Field::Substance, FieldError::SubstanceMissing),
                (Field::Consent, FieldError::ConsentMissing),
            ]
        );
    }

    #[test]
    fn phone_or_email_is_enough_and_both_are_checked() {
        let mut f = form(&GOOD);
        f.remove("telefon");
        f.insert("email".into(), "Birthe@Example.DK".into());
        assert_eq!(validate(&f).unwrap().email.as_deref(), Some("Birthe@example.dk"));
        f.insert("telefon".into(), "1234".into());
        assert_eq!(validate(&f).unwrap_err(), vec![(Field::Phone, FieldError::PhoneInvalid)]);
        f.insert("telefon".into(), "20 12 34 56".into());
        f.insert("email".into(), "birthe@".into());
        assert_eq!(validate(&f).unwrap_err(), vec![(Field::Email, FieldError::EmailInvalid)]);
    }

    #[test]
    fn danish_phone_numbers_in_the_ways_people_write_them() {
        for ok in ["28917346", "28 91 73 46", "+45 28 91 73 46", "+4528917346", "0045 2891 7346", "28-91-73-46", "2891.7346"] {
            assert_eq!(normalise_phone(ok), Ok("28917346".into()), "{ok}");
        }
        for bad in ["", "2891734", "289173461", "08917346", "18917346", "+46 28 91 73 46", "28 91 73 4a", "tlf 28917346", "+45", &"2".repeat(30)] {
            assert_eq!(normalise_phone(bad), Err(FieldError::PhoneInvalid), "{bad}");
        }
        assert_eq!(display_phone("28917346"), "28 91 73 46");
    }

    #[test]
    fn email_addresses() {
        for ok in ["a@b.dk", "birthe.kragelund+rus@post.example.dk", "æble@søen.dk"] {
            assert!(normalise_email(ok).is_ok(), "{ok}");
        }
        for bad in ["", "ab.dk", "a@b", "a@@b.dk", "a b@c.dk", "@b.dk", "a@.dk", "a@b..dk", "a@-b.dk", "<a@b.dk>", &format!("{}@b.dk", "a".repeat(260))] {
            assert_eq!(normalise_email(bad), Err(FieldError::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(check_name("  Åse\tØstergård "), Ok("Åse Østergård".into()));
        assert_eq!(check_name(""), Err(FieldError::NameMissing));
        assert_eq!(check_name("   "), Err(FieldError::NameMissing));
        assert_eq!(check_name("12345"), Err(FieldError::NameInvalid));
        assert_eq!(check_name(&"a".repeat(NAME_MAX + 1)), Err(FieldError::NameTooLong));
        assert_eq!(check_name(&"å".repeat(NAME_MAX)), Ok("å".repeat(NAME_MAX)));
    }

    #[test]
    fn substance_and_consent_must_be_given_as_the_form_sends_them() {
        let mut f = form(&GOOD);
        f.insert("rusmiddel".into(), "alcohol".into());
        f.insert("samtykke".into(), "on".into());
        assert_eq!(
            validate(&f).unwrap_err(),
            vec![(Field::Substance, FieldError::SubstanceMissing), (Field::Consent, FieldError::ConsentMissing)]
        );
        for s in Substance::ALL {
            assert_eq!(Substance::from_form(s.form_value()), Some(s));
            assert_eq!(Substance::from_slug(s.slug()), Some(s));
        }
    }

    #[test]
    fn contact_times_round_trip_through_the_store() {
        assert_eq!(ContactTime::to_stored(&[]), None);
        let both = [ContactTime::Morning, ContactTime::Afternoon];
        assert_eq!(ContactTime::to_stored(&both).as_deref(), Some("morning,afternoon"));
        assert_eq!(ContactTime::from_stored(Some("morning,afternoon")), both.to_vec());
        assert_eq!(ContactTime::from_stored(None), vec![]);
    }

    #[test]
    fn references_are_short_unambiguous_and_random() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let r = Reference::generate();
            let shown = r.display();
            assert_eq!(shown.len(), 9);
            assert!(shown.starts_with("H-") && shown.as_bytes()[5] == b'-', "{shown}");
            assert!(!shown[2..].contains(['0', '1', 'H', 'I', 'L', 'O', 'U']), "{shown}");
            assert_eq!(Reference::parse(&shown), Some(r.clone()));
            assert_eq!(Reference::parse(&shown.to_lowercase().replace('-', " ")), Some(r.clone()));
            seen.insert(shown);
        }
        assert!(seen.len() >= 1990, "2000 draws from 482 million give (almost) no repeats: {}", seen.len());
        assert_eq!(Reference::parse("H-4K7-Q9"), None, "too short, and H is not a symbol");
        assert_eq!(Reference::parse("H-4K7-Q90"), None, "0 is not a symbol");
        assert_eq!(Reference::parse("X-4K7-Q9M"), None);
        assert_eq!(Reference::parse("4k7q9m").map(|r| r.display()), Some("H-4K7-Q9M".into()));
    }

    #[test]
    fn form_nonces_are_random_and_only_well_formed_ones_hash() {
        let a = FormNonce::generate();
        let b = FormNonce::generate();
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(FormNonce::hash(&a).is_some());
        assert_eq!(FormNonce::hash(&a), FormNonce::hash(&a));
        assert_ne!(FormNonce::hash(&a), FormNonce::hash(&b));
        assert_eq!(FormNonce::hash(""), None);
        assert_eq!(FormNonce::hash(&a.to_uppercase()), None);
        assert_eq!(FormNonce::hash(&format!("{a}0")), None);
    }

    #[test]
    fn the_guarantee_runs_from_the_day_of_contact_in_copenhagen() {
        let until = |s: &str| guarantee_until(utc(s), 14, ClockStart::Contact).map(|(_, u)| u);
        assert_eq!(until("2026-11-23T09:00:00Z"), Some(d(2026, 12, 7)));
        // Month and year ends.
        assert_eq!(until("2026-01-31T12:00:00Z"), Some(d(2026, 2, 14)));
        assert_eq!(until("2028-02-15T12:00:00Z"), Some(d(2028, 2, 29)), "leap year");
        assert_eq!(until("2026-02-15T12:00:00Z"), Some(d(2026, 3, 1)));
        assert_eq!(until("2026-12-20T12:00:00Z"), Some(d(2027, 1, 3)));
        // 23.30 UTC on New Year's Eve is already 1 January in Copenhagen.
        assert_eq!(until("2026-12-31T23:30:00Z"), Some(d(2027, 1, 15)));
        // Across the end of summer time (25 October 2026): 22.30 UTC on the 24th is 00.30 on the
        // 25th in Copenhagen; the last day is counted in whole days, not 14 × 24 hours.
        assert_eq!(until("2026-10-24T22:30:00Z"), Some(d(2026, 11, 8)));
        assert_eq!(until("2026-10-24T21:30:00Z"), Some(d(2026, 11, 7)));
        // Across the start of summer time (28 March 2027): 23.00 UTC on the 27th is 00.00 on the 28th.
        assert_eq!(until("2027-03-27T22:59:00Z"), Some(d(2027, 4, 10)));
        assert_eq!(until("2027-03-27T23:00:00Z"), Some(d(2027, 4, 11)));
        assert_eq!(guarantee_until(utc("2026-11-23T09:00:00Z"), 14, ClockStart::Contact).unwrap().0, d(2026, 11, 23));
    }

    #[test]
    fn no_date_where_the_clock_starts_at_attendance_or_application() {
        assert_eq!(guarantee_until(utc("2026-11-23T09:00:00Z"), 14, ClockStart::Attendance), None);
        assert_eq!(guarantee_until(utc("2026-11-23T09:00:00Z"), 14, ClockStart::Application), None);
    }

    #[test]
    fn the_clock_a_case_worker_sees() {
        let today = d(2026, 12, 1);
        assert_eq!(Clock::of(Status::New, Some(d(2026, 12, 7)), today), Clock::Running { until: d(2026, 12, 7), days_left: 6 });
        assert!(Clock::of(Status::Contacted, Some(d(2026, 11, 30)), today).is_overdue());
        assert!(!Clock::of(Status::Contacted, Some(today), today).is_overdue(), "the last day itself is not overdue");
        assert_eq!(Clock::of(Status::New, None, today), Clock::NotStarted);
        assert_eq!(Clock::of(Status::TreatmentStarted, Some(d(2026, 11, 1)), today), Clock::Met);
        assert_eq!(Clock::of(Status::ChoseOtherSite, Some(d(2026, 11, 1)), today), Clock::Lifted, "the deadline is lifted");
        assert_eq!(Clock::of(Status::Closed, None, today), Clock::Ended);
    }

    #[test]
    fn overdue_first_then_fewest_days_left() {
        let today = d(2026, 12, 1);
        let mut clocks = vec![
            Clock::of(Status::Closed, None, today),
            Clock::of(Status::New, Some(d(2026, 12, 10)), today),
            Clock::of(Status::New, None, today),
            Clock::of(Status::Contacted, Some(d(2026, 11, 30)), today),
            Clock::of(Status::New, Some(d(2026, 12, 2)), today),
            Clock::of(Status::New, Some(d(2026, 11, 20)), today),
            Clock::of(Status::ChoseOtherSite, Some(d(2026, 11, 1)), today),
            Clock::of(Status::TreatmentStarted, None, today),
        ];
        clocks.sort_by_key(|c| c.sort_key());
        let days: Vec<Option<i64>> = clocks.iter().map(|c| match c { Clock::Running { days_left, .. } => Some(*days_left), _ => None }).collect();
        assert_eq!(days[..4], [Some(-11), Some(-1), Some(1), Some(9)]);
        assert_eq!(clocks[4..], [Clock::NotStarted, Clock::Met, Clock::Lifted, Clock::Ended]);
    }

    #[test]
    fn statuses_round_trip_and_final_ones_are_known() {
        for s in Status::ALL {
            assert_eq!(Status::from_slug(s.slug()), Some(s));
        }
        assert!(Status::Closed.is_final() && Status::ChoseOtherSite.is_final());
        assert!(!Status::New.is_final() && !Status::Contacted.is_final() && !Status::TreatmentStarted.is_final());
    }
}
