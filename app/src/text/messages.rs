//! Anonymous written contact (issue 19): the person's page and the counsellors' inbox.

use crate::domain::message::{BodyError, ThreadStatus, Writer, MAX_CHARS};

// The person's page.
pub const MSG_TITLE: &str = "Skriv anonymt til en rådgiver";
pub const MSG_LEAD: &str = "Her kan du stille et spørgsmål skriftligt uden at oplyse navn, telefon, e-mail eller cpr-nummer. Du får en kode, som du bruger til at læse svaret og skrive igen.";
pub const MSG_WHY_HEADING: &str = "Hvorfor ikke bare en mail?";
pub const MSG_PROMISE_HEADING: &str = "Du kan henvende dig anonymt";
pub const MSG_WARNING_HEADING: &str = "Inden du skriver";
pub const MSG_NO_PERSONAL: &str = "Du behøver ikke skrive dit navn, cpr-nummer, adresse eller telefonnummer, og vi beder dig lade være.";
pub const MSG_DUTY_HEADING: &str = "Rådgiverne har pligt til at underrette om børn";
pub const MSG_DUTY_LEAD: &str = "Skriver du noget, der viser, at et barn under 18 år mistrives eller har brug for særlig støtte, skal rådgiveren underrette kommunen. Det gælder også, når du er anonym: underretningen bygger kun på det, du har skrevet.";
pub const MSG_SITE: &str = "Hvem vil du skrive til?";
pub const MSG_WRITER: &str = "Hvem skriver du om?";
pub const MSG_BODY: &str = "Din besked";
pub const MSG_SEND: &str = "Send beskeden";
pub const MSG_HAVE_CODE: &str = "Har du en bookingkode? Skriv den her, så bruger du den samme kode til beskederne. Ellers får du en ny.";
pub const MSG_CODE_OPTIONAL: &str = "Bookingkode (valgfri)";
pub const MSG_READ_HEADING: &str = "Har du allerede skrevet? Læs svaret";
pub const MSG_READ_LEAD: &str = "Skriv den kode, du fik, da du sendte din første besked (eller din bookingkode, hvis du brugte den).";
pub const MSG_CODE_LABEL: &str = "Din kode";
pub const MSG_OPEN: &str = "Læs mine beskeder";
pub const MSG_NO_THREAD: &str = "Der er ingen beskeder til denne kode her. Koden kan være skrevet forkert, eller tråden kan være slettet. Tjek den tegn for tegn.";
pub const MSG_THROTTLED: &str = "For mange forkerte koder på kort tid.";
pub const MSG_FLOODED: &str = "Der er sendt mange nye beskeder herfra i dag.";
pub const MSG_RECEIPT_TITLE: &str = "Din besked er sendt";
pub const MSG_RECEIPT_CODE: &str = "Din kode: skriv den ned nu";
pub const MSG_RECEIPT_WHY: &str = "Koden vises kun denne ene gang. Uden den kan ingen, heller ikke rådgiverne, finde dine beskeder til dig.";
pub const MSG_RECEIPT_SAME_CODE: &str = "Brug din bookingkode, når du vil læse svaret. Den vises ikke igen her.";
pub const MSG_RECEIPT_LABEL: &str = "Rådgiverne kender din tråd som";
pub const MSG_RECEIPT_SAVED: &str = "Jeg har gemt min kode";
pub const MSG_RECEIPT_DONE: &str = "Færdig";
pub const MSG_THREAD_TITLE: &str = "Dine beskeder";
pub const MSG_FROM_YOU: &str = "Dig";
pub const MSG_FROM_COUNSELLOR: &str = "Rådgiver";
pub const MSG_WRITE_AGAIN: &str = "Skriv igen";
pub const MSG_SENT_AGAIN: &str = "Din besked er sendt.";
pub const MSG_CLOSED: &str = "Rådgiveren har lukket tråden. Du kan læse den og slette den, men ikke skrive i den. Vil du spørge om mere, kan du starte en ny med en ny kode.";
pub const MSG_DELETE: &str = "Slet hele tråden";
pub const MSG_DELETE_ASK: &str = "Vil du slette hele tråden?";
pub const MSG_DELETE_WHY: &str = "Alle beskeder i tråden slettes med det samme, også rådgiverens svar. Det kan ikke fortrydes.";
pub const MSG_DELETE_CONFIRM: &str = "Ja, slet tråden";
pub const MSG_DELETE_KEEP: &str = "Nej, behold den";
pub const MSG_DELETED_TITLE: &str = "Tråden er slettet";
pub const MSG_DELETED: &str = "Alle beskeder i tråden er slettet.";
pub const MSG_CALENDAR_BUTTON: &str = "Hent en påmindelse til min kalender";
pub const MSG_CALENDAR_LEAD: &str = "Portalen kan ikke give dig besked, når der er svar, for den kender ingen måde at nå dig på. Hent en påmindelse om at kigge efter svar. Filen nævner hverken koden eller stedet.";
pub const MSG_CALENDAR_EVENT: &str = "Kig efter svar på din besked";
pub const MSG_CALENDAR_FILE: &str = "kig-efter-svar.ics";
pub const MSG_FULL: &str = "Tråden har nået det største antal beskeder. Book en samtale eller ring, hvis du vil tale videre.";
pub const MSG_KOMMUNE_LINK: &str = "Skriv anonymt til en rådgiver";
pub const MSG_ERR_SITE: &str = "Vælg, hvem du vil skrive til.";
pub const MSG_ERR_WRITER: &str = "Vælg, om du skriver om dig selv eller som pårørende.";

/// "Beskeder slettes 30 dage efter den sidste besked i tråden."
pub fn retention(days: u32) -> String {
    format!("Alt, hvad du skriver, slettes {days} dage efter den sidste besked i tråden, eller med det samme, hvis du selv sletter tråden.")
}

/// When to look for an answer.
pub fn reply_expected(day: &str) -> String {
    format!("Rådgiverne læser beskederne, når de har åbent. Kig efter svar fra {day}.")
}

pub fn body_hint() -> String {
    format!("Højst {MAX_CHARS} tegn. Skriv almindelig tekst: kode og formatering vises som tekst.")
}

pub fn body_error(e: BodyError) -> String {
    match e {
        BodyError::Empty => "Skriv en besked, før du sender.".to_string(),
        // No count: a body cut at the form's byte limit (server::form_guard) is longer than the
        // count the server saw.
        BodyError::TooLong { .. } => format!("Beskeden er for lang: højst {} tegn. Gør den kortere, og send den igen.", danish_thousands(MAX_CHARS)),
        BodyError::Binary => "Beskeden indeholder tegn, der ikke er tekst (fx fra en fil). Skriv eller indsæt kun almindelig tekst.".to_string(),
        BodyError::Script => "Beskeden indeholder kode (fx <script> eller javascript:), som ikke kan sendes. Skriv den som almindelig tekst.".to_string(),
    }
}

pub fn writer_name(w: Writer) -> &'static str {
    match w {
        Writer::Person => "Mig selv",
        Writer::Relative => "En jeg er pårørende til",
    }
}

/// Who writes, as the counsellor reads it.
pub fn writer_for_staff(w: Writer) -> &'static str {
    match w {
        Writer::Person => "Om sig selv",
        Writer::Relative => "Som pårørende",
    }
}

/// The writer's messages, as the counsellor's thread names them.
pub const INBOX_FROM_WRITER: &str = "Skriveren";

pub fn status_name(s: ThreadStatus) -> &'static str {
    match s {
        ThreadStatus::Waiting => "Venter på svar",
        ThreadStatus::Answered => "Besvaret",
        ThreadStatus::Closed => "Lukket",
    }
}

// The counsellors' inbox.
pub const STAFF_NAV_MESSAGES: &str = "Beskeder";
pub const INBOX_TITLE: &str = "Anonyme beskeder";
pub const INBOX_LEAD: &str = "Tråde fra dine steder, ældste ubesvarede først. Du ser kun trådens navn og dage, aldrig koden eller et klokkeslæt, og ingen adresse eller browserdata findes.";
pub const INBOX_EMPTY: &str = "Der er ingen tråde.";
pub const INBOX_LABEL: &str = "Tråd";
pub const INBOX_SITE: &str = "Sted";
pub const INBOX_WRITER: &str = "Skriver om";
pub const INBOX_STATUS: &str = "Status";
pub const INBOX_LAST: &str = "Seneste besked";
pub const INBOX_COUNT: &str = "Beskeder";
pub const INBOX_OPEN: &str = "Åbn";
pub const INBOX_BACK: &str = "Tilbage til alle tråde";
pub const INBOX_REPLY: &str = "Dit svar";
pub const INBOX_SEND: &str = "Send svaret";
pub const INBOX_CLOSE: &str = "Luk tråden";
pub const INBOX_CLOSED: &str = "Tråden er lukket.";
pub const INBOX_REPLIED: &str = "Svaret er sendt. Personen ser det, næste gang de åbner tråden med deres kode.";
pub const INBOX_NO_SUCH: &str = "Tråden findes ikke blandt dine steders tråde. Den kan være slettet af personen eller af sletningen efter tid.";
pub const INBOX_DUTY: &str = "Viser en besked, at et barn under 18 år mistrives eller har brug for særlig støtte, skal du underrette kommunen (serviceloven § 153). Underret ud fra beskedens indhold; personen er anonym, og du må ikke forsøge at finde ud af, hvem de er.";

/// The reply template: where to turn next, by booking or by phone.
pub fn reply_template(book: &str, phone: Option<&str>) -> String {
    match phone {
        Some(phone) => format!("Tak for din besked.\n\n\n\nVil du tale med os, kan du booke en anonym samtale på {book} eller ringe på {phone}."),
        None => format!("Tak for din besked.\n\n\n\nVil du tale med os, kan du booke en anonym samtale på {book}."),
    }
}

pub const MSG_NOT_A_BOOKING_CODE: &str = "Koden er ikke en bookingkode fra denne kommune. Lad feltet stå tomt for at få en ny kode, eller tjek koden tegn for tegn.";
pub const MSG_CODE_HAS_THREAD: &str = "Der er allerede en tråd til denne kode. Læs den med koden nedenfor, og skriv videre der.";

/// 2000 as Danish writes it: "2.000".
fn danish_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}
