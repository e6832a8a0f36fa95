//! Identified requests for treatment (/{kommune}/henvendelse) and the case worker's work on them.

#[cfg(feature = "ssr")]
use crate::domain::request::{FieldError, Status};

// =============================================================================================
// Issue 7: identified requests for treatment (/{kommune}/henvendelse) and the case worker's
// work on them. Kept together at the end of the module.
// =============================================================================================
pub const REQ_TITLE: &str = "Henvendelse om behandling";
pub const REQ_WHO_HEADING: &str = "Før du skriver: hvem kan henvende sig, og hvad du skal vide";
pub const REQ_LEAD: &str = "Vil du have behandling for alkohol eller andre rusmidler, kan du henvende dig til kommunen her. Så kontakter en medarbejder dig, og I aftaler, hvad der skal ske.";
pub const REQ_NOT_ANONYMOUS: &str = "Henvendelsen er ikke anonym: du oplyser dit navn og et telefonnummer eller en e-mail, så vi kan kontakte dig. Vil du hellere være anonym, kan du booke en anonym afklarende samtale i stedet.";
pub const REQ_SEPARATE: &str = "Har du booket en anonym samtale, bliver den ikke koblet til denne henvendelse. De gemmes hver for sig, og intet fra den anonyme samtale flyttes over.";
pub const REQ_GUARANTEE_HEADING: &str = "Hvornår skal din behandling senest begynde?";
pub fn req_guarantee_if_sent_today(date: &str) -> String {
    format!("Sender du henvendelsen i dag, skal behandlingen være sat i gang senest {date}.")
}
pub const REQ_GUARANTEE_NOT_YET_ATTENDANCE: &str = "Derfor starter fristen ikke, når du sender henvendelsen her, og vi kan ikke give dig en dato endnu. Fristen begynder den dag, du møder op.";
pub const REQ_GUARANTEE_NOT_YET_APPLICATION: &str = "Derfor starter fristen ikke, når du sender henvendelsen her, og vi kan ikke give dig en dato endnu. Fristen begynder den dag, du sender din ansøgning. Spørg, når vi kontakter dig, hvordan du søger.";
pub const REQ_FORM_HEADING: &str = "Din henvendelse";
pub const REQ_SUBSTANCE_LEGEND: &str = "Hvad vil du have behandling for?";
pub const REQ_SUBSTANCE_ALCOHOL: &str = "Alkohol";
pub const REQ_SUBSTANCE_OTHER: &str = "Andre rusmidler, fx hash, kokain eller piller";
pub const REQ_SUBSTANCE_BOTH: &str = "Både alkohol og andre rusmidler";
pub const REQ_CONTACT_LEGEND: &str = "Hvordan kan vi kontakte dig?";
pub const REQ_CONTACT_HINT: &str = "Skriv dit navn og dit telefonnummer eller din e-mail – det ene er nok. Vi beder ikke om mere, end vi skal bruge for at kontakte dig, heller ikke dit CPR-nummer.";
pub const REQ_NAME_LABEL: &str = "Navn";
pub const REQ_PHONE_LABEL: &str = "Telefonnummer";
pub const REQ_PHONE_HINT: &str = "8 cifre, fx 20 12 34 56.";
pub const REQ_EMAIL_LABEL: &str = "E-mail";
pub const REQ_TIMES_LEGEND: &str = "Hvornår må vi helst kontakte dig? (frivilligt)";
pub const REQ_TIMES_HINT: &str = "Vi prøver at kontakte dig, når det passer dig.";
pub const REQ_TIME_MORNING: &str = "Om formiddagen";
pub const REQ_TIME_AFTERNOON: &str = "Om eftermiddagen";
pub const REQ_CONSENT_HEADING: &str = "Samtykke";
pub fn req_consent_text(kommune: &str, site: &str, retention_days: u32) -> String {
    format!("{kommune} er dataansvarlig for de oplysninger, du sender her. {site} bruger dem kun til at kontakte dig om behandling og til at holde fristen i behandlingsgarantien. Oplysningerne gemmes adskilt fra portalens anonyme tilbud og slettes {retention_days} dage efter, at din henvendelse er afsluttet. Du kan altid bede om at se oplysningerne, få dem slettet eller trække dit samtykke tilbage ved at kontakte {site}.")
}
pub const REQ_CONSENT_LABEL: &str = "Jeg giver samtykke til, at kommunen gemmer og bruger mine oplysninger som beskrevet ovenfor.";
pub const REQ_SUBMIT: &str = "Send henvendelsen";
pub const REQ_NEXT_HEADING: &str = "Det sker, når du har sendt henvendelsen";
pub fn req_next_steps(site: &str) -> [String; 3] {
    [
        "Du får et referencenummer med det samme. Skriv det ned, eller tag et billede af det.".to_string(),
        format!("En medarbejder fra {site} kontakter dig på telefon eller e-mail."),
        "I taler om, hvad du ønsker, og aftaler en første samtale.".to_string(),
    ]
}
pub const REQ_ERRORS_HEADING: &str = "Ret venligst disse fejl";
pub const REQ_ERR_FORM: &str = "Formularen kunne ikke sendes. Tjek oplysningerne, og send den igen.";
pub const REQ_ERR_NAME_MISSING: &str = "Skriv dit navn.";
pub const REQ_ERR_NAME_TOO_LONG: &str = "Navnet må højst være 100 tegn.";
pub const REQ_ERR_NAME_INVALID: &str = "Skriv dit navn med bogstaver.";
pub const REQ_ERR_CONTACT_MISSING: &str = "Skriv dit telefonnummer eller din e-mail, så vi kan kontakte dig.";
pub const REQ_ERR_PHONE: &str = "Skriv et dansk telefonnummer med 8 cifre, fx 20 12 34 56.";
pub const REQ_ERR_EMAIL: &str = "Skriv en e-mailadresse som fx navn@eksempel.dk.";
pub const REQ_ERR_SUBSTANCE: &str = "Vælg, hvad du vil have behandling for.";
pub const REQ_ERR_CONSENT: &str = "Sæt kryds ved samtykke, så vi må gemme dine oplysninger og kontakte dig.";
pub const REQ_RECEIPT_TITLE: &str = "Vi har modtaget din henvendelse";
pub const REQ_RECEIPT_REFERENCE: &str = "Dit referencenummer";
pub const REQ_RECEIPT_REFERENCE_TEXT: &str = "Oplys referencenummeret, hvis du ringer eller skriver til os om din henvendelse.";
pub const REQ_RECEIPT_AGAIN: &str = "Henvendelsen var allerede sendt, så den er ikke sendt to gange. Her er kvitteringen igen.";
pub fn req_received_on(date: &str) -> String {
    format!("Modtaget {date}.")
}
pub fn req_contact_site_phone(site: &str, phone: &str) -> String {
    format!("Hører du ikke fra os, kan du ringe til {site} på {phone} og oplyse dit referencenummer.")
}
pub fn req_contact_site(site: &str) -> String {
    format!("Hører du ikke fra os, kan du kontakte {site} og oplyse dit referencenummer. Se hvordan på kommunens side.")
}
pub const REQ_RECEIPT_DONE: &str = "Til kommunens side";
pub const REQ_KOMMUNE_HEADING: &str = "Henvendelse om behandling";
pub const REQ_KOMMUNE_TEXT: &str = "Vil du i behandling, kan du henvende dig til kommunen med dit navn og dit telefonnummer eller din e-mail. Så kontakter de dig.";
pub const REQ_KOMMUNE_LINK: &str = "Send en henvendelse om behandling";

// The case worker's view of the requests (role: case worker).
pub const CASE_STATUS_NEW: &str = "Ny";
pub const CASE_STATUS_CONTACTED: &str = "Kontaktet";
pub const CASE_STATUS_TREATMENT_STARTED: &str = "Behandling startet";
pub const CASE_STATUS_CLOSED: &str = "Afsluttet";
pub const CASE_STATUS_CHOSE_OTHER_SITE: &str = "Valgt andet behandlingssted";
pub const CASE_SUBSTANCE_ALCOHOL: &str = "Alkohol";
pub const CASE_SUBSTANCE_OTHER: &str = "Andre rusmidler";
pub const CASE_SUBSTANCE_BOTH: &str = "Alkohol og andre rusmidler";
pub const CASE_TIME_MORNING: &str = "formiddag";
pub const CASE_TIME_AFTERNOON: &str = "eftermiddag";
pub fn case_days_left(n: i64, date: &str) -> String {
    match n {
        0 => format!("Sidste dag er i dag ({date})"),
        1 => format!("1 dag tilbage (senest {date})"),
        n if n > 1 => format!("{n} dage tilbage (senest {date})"),
        -1 => format!("Overskredet med 1 dag (senest {date})"),
        n => format!("Overskredet med {} dage (senest {date})", -n),
    }
}
pub const CASE_CLOCK_NOT_STARTED_ATTENDANCE: &str = "Ingen dato endnu: fristen regnes fra personligt fremmøde";
pub const CASE_CLOCK_NOT_STARTED_APPLICATION: &str = "Ingen dato endnu: fristen regnes fra ansøgningen";
pub const CASE_CLOCK_NOT_GIVEN: &str = "Ingen dato: standarden siger ikke, hvornår fristen regnes fra";
pub const CASE_CLOCK_MET: &str = "Behandlingen er startet";
pub const CASE_CLOCK_LIFTED: &str = "Fristen kan fraviges: borgeren har valgt et andet behandlingssted";
pub const CASE_CLOCK_ENDED: &str = "Afsluttet";
pub const CASE_ACTOR_CITIZEN: &str = "Borgeren via portalen";
pub const CASE_ACTOR_SYSTEM: &str = "Portalen (sletning efter opbevaringsperioden)";
pub const CASE_EVENT_RECEIVED: &str = "Henvendelsen modtaget";
pub fn case_event_status(from: &str, to: &str) -> String {
    format!("Status ændret fra »{from}« til »{to}«")
}
pub fn case_event_clock(date: &str) -> String {
    format!("Fristen regnes fra {date}")
}
pub const CASE_EVENT_EXPORTED: &str = "Udtræk til indsigt hentet";
pub const CASE_ERR_NO_SUCH_REQUEST: &str = "Henvendelsen findes ikke. Den kan være slettet.";
pub const CASE_ERR_SAME_STATUS: &str = "Henvendelsen har allerede den status.";
pub const CASE_ERR_CLOCK_FROM_CONTACT: &str = "I denne kommune regnes fristen fra henvendelsen, så datoen er sat, da den kom ind.";
pub const CASE_ERR_CLOCK_BEFORE_RECEIVED: &str = "Fristen kan ikke regnes fra en dag før henvendelsen kom ind.";
pub const CASE_EXPORT_TITLE: &str = "Indsigt: henvendelse om behandling";
pub fn case_export_intro(kommune: &str) -> String {
    format!("Alle oplysninger, {kommune} har gemt om denne henvendelse i Rusmiddelportalen, med historik over hver ændring.")
}
pub const CASE_EXPORT_REFERENCE: &str = "Referencenummer";
pub const CASE_EXPORT_KOMMUNE: &str = "Kommune";
pub const CASE_EXPORT_RECEIVED: &str = "Modtaget";
pub const CASE_EXPORT_SUBSTANCE: &str = "Behandling for";
pub const CASE_EXPORT_NAME: &str = "Navn";
pub const CASE_EXPORT_PHONE: &str = "Telefon";
pub const CASE_EXPORT_EMAIL: &str = "E-mail";
pub const CASE_EXPORT_TIMES: &str = "Kontakt helst";
pub const CASE_EXPORT_STATUS: &str = "Status";
pub const CASE_EXPORT_CLOCK_FROM: &str = "Fristen regnes fra";
pub const CASE_EXPORT_UNTIL: &str = "Behandling senest";
pub const CASE_EXPORT_HISTORY: &str = "Historik";
pub const CASE_EXPORT_MADE: &str = "Udtrukket";
pub const CASE_EXPORT_NOT_GIVEN: &str = "ikke oplyst";
pub const CASE_EXPORT_FILE_PREFIX: &str = "indsigt";

// The case worker's page /personale/sager (issue 7).
pub const CASES_TITLE: &str = "Henvendelser om behandling";
pub const CASES_LEAD: &str = "De identificerede henvendelser om behandling. Overskredne frister står øverst, derefter dem med færrest dage tilbage. Hver ændring gemmes med dit brugernavn og tidspunktet.";
pub const CASES_LIST_HEADING: &str = "Alle henvendelser";
pub const CASES_NONE: &str = "Der er ingen henvendelser.";
pub const CASES_FIND_LABEL: &str = "Find en henvendelse ud fra referencenummeret";
pub const CASES_FIND_HINT: &str = "Fx H-4K7-Q9M. Store og små bogstaver er lige gode.";
pub const CASES_FIND: &str = "Find";
pub const CASES_NOT_FOUND: &str = "Ingen henvendelse har det referencenummer. Den kan være slettet.";
pub const CASES_OPEN: &str = "Åbn";
pub fn cases_detail_heading(reference: &str) -> String {
    format!("Henvendelse {reference}")
}
pub const CASES_DEADLINE: &str = "Behandlingsgaranti";
pub const CASES_STATUS_LABEL: &str = "Ny status";
pub const CASES_STATUS_SUBMIT: &str = "Gem status";
pub const CASES_ERR_NO_STATUS: &str = "Vælg en status.";
pub fn cases_status_changed(label: &str) -> String {
    format!("Status er ændret til »{label}«.")
}
pub const CASES_CLOCK_LABEL: &str = "Dagen for fremmøde eller ansøgning";
pub fn cases_clock_hint(days: u32) -> String {
    format!("Kommunen regner de {days} dage fra denne dag. Skriv datoen som dag.måned.år, fx 2.11.2026.")
}
pub const CASES_CLOCK_SUBMIT: &str = "Gem dagen";
pub fn cases_clock_started(from: &str, until: &str) -> String {
    format!("Fristen regnes fra {from}. Behandlingen skal være sat i gang senest {until}.")
}
pub const CASES_EXPORT: &str = "Hent udtræk til indsigt (tekstfil)";
pub const CASES_DELETE: &str = "Slet henvendelsen";
pub const CASES_DELETE_QUESTION: &str = "Vil du slette henvendelsen og hele dens historik? Det kan ikke fortrydes. Gør det kun, når personen selv har bedt om det.";
pub const CASES_DELETE_YES: &str = "Ja, slet henvendelsen";
pub const CASES_DELETE_NO: &str = "Nej, behold den";
pub const CASES_DELETED: &str = "Henvendelsen og dens historik er slettet.";
pub const CASES_HISTORY: &str = "Historik";
pub const CASES_BACK: &str = "Tilbage til listen";
pub fn cases_retention(days: u32) -> String {
    format!("Afsluttede henvendelser, og henvendelser hvor personen har valgt et andet behandlingssted, slettes automatisk {days} dage efter.")
}

/// The message beside a refused field of the request form.
#[cfg(feature = "ssr")]
pub fn field_error(e: FieldError) -> &'static str {
    match e {
        FieldError::NameMissing => REQ_ERR_NAME_MISSING,
        FieldError::NameTooLong => REQ_ERR_NAME_TOO_LONG,
        FieldError::NameInvalid => REQ_ERR_NAME_INVALID,
        FieldError::ContactMissing => REQ_ERR_CONTACT_MISSING,
        FieldError::PhoneInvalid => REQ_ERR_PHONE,
        FieldError::EmailInvalid => REQ_ERR_EMAIL,
        FieldError::SubstanceMissing => REQ_ERR_SUBSTANCE,
        FieldError::ConsentMissing => REQ_ERR_CONSENT,
    }
}

/// A request's status as the case worker reads it.
#[cfg(feature = "ssr")]
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::New => CASE_STATUS_NEW,
        Status::Contacted => CASE_STATUS_CONTACTED,
        Status::TreatmentStarted => CASE_STATUS_TREATMENT_STARTED,
        Status::Closed => CASE_STATUS_CLOSED,
        Status::ChoseOtherSite => CASE_STATUS_CHOSE_OTHER_SITE,
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_and_status_is_said() {
        use FieldError::*;
        for e in [NameMissing, NameTooLong, NameInvalid, ContactMissing, PhoneInvalid, EmailInvalid, SubstanceMissing, ConsentMissing] {
            assert!(field_error(e).ends_with('.'), "{}", field_error(e));
        }
        assert!(field_error(ContactMissing).contains("telefonnummer") && field_error(ContactMissing).contains("e-mail"));
        for s in Status::ALL {
            assert!(!status_label(s).is_empty());
        }
    }
}

// The guarantee figure (/personale/sager/garanti, issue 18).
pub const GUARANTEE_TITLE: &str = "Behandlingsgarantien overholdt";
pub const GUARANTEE_LEAD: &str = "Henvendelserne tælles i det kvartal, hvor garantiens sidste dag falder. Garantien er overholdt, når henvendelsen er markeret »Behandling startet« senest den dag. Tallene kommer kun fra de identificerede henvendelser og vises aldrig sammen med de anonyme evalueringer.";
pub const GUARANTEE_NO_SHARE: &str = "Ingen henvendelser i kvartalet, hvor fristen er afgjort.";
pub const GUARANTEE_SHARE_HEADING: &str = "Overholdt";
pub const GUARANTEE_LINK: &str = "Behandlingsgarantien overholdt, pr. kvartal";
pub const GUARANTEE_WHAT: &str = "Udfald";
pub const GUARANTEE_HOW_MANY: &str = "Antal";

/// "9 af 12 henvendelser (75 %)".
pub fn guarantee_share(kept: u64, decided: u64) -> String {
    let pct = (kept * 200 + decided) / (2 * decided);
    format!("{kept} af {decided} henvendelser ({pct} %)")
}

pub fn guarantee_rule(days: u32) -> String {
    format!("Behandlingen skal være iværksat senest {days} dage efter, at fristen begynder at løbe.")
}

pub fn guarantee_retention(days: u32) -> String {
    format!("Henvendelser slettes {days} dage efter, at de er afsluttet, og tælles så ikke længere med.")
}

#[cfg(feature = "ssr")]
pub fn guarantee_outcome(o: crate::domain::request::GuaranteeOutcome) -> &'static str {
    use crate::domain::request::GuaranteeOutcome as G;
    match o {
        G::Kept => "Overholdt: behandlingen startede senest på fristens sidste dag",
        G::Missed => "Ikke overholdt: behandlingen startede senere, eller fristen er overskredet",
        G::Running => "Fristen løber endnu",
        G::Lifted => "Borgeren valgte et andet behandlingssted",
        G::ClosedWithoutTreatment => "Afsluttet uden at behandlingen startede",
        G::NoDate => "Behandling startet, men dagen er ikke registreret",
    }
}
