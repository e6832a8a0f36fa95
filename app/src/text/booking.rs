//! The anonymous side for citizens and relatives: booking a talk, managing it with the code,
//! the limits' refusals, relatives' talks and counselling series, and the domain's refusals of a
//! code or a time.

use crate::domain::token::TokenError;

// Booking (anonymous clarifying conversation).
pub const BOOK_TITLE: &str = "Book en anonym afklarende samtale";
pub const BOOK_LEAD: &str = "Du skal ikke oplyse navn, telefonnummer, e-mail eller CPR-nummer. I stedet får du en kode, som kun du kender. Med koden kan du se, flytte eller aflyse din tid.";
pub const BOOK_KIND_HEADING: &str = "1. Vælg samtale";
pub const BOOK_TIME_HEADING_NUMBERED: &str = "2. Vælg tid";
pub const BOOK_TIME_HEADING: &str = "Vælg tid";
pub const BOOK_NO_TIMES: &str = "Der er ingen ledige tider lige nu. Ring til behandlingsstedet, eller prøv igen senere.";
pub const BOOK_EXAMPLE_HOURS: &str = "Tiderne er eksempler: kvalitetsstandarden oplyser ikke behandlingsstedets faste tider for afklarende samtaler, så personalet sætter de rigtige tider ind.";
pub const BOOK_CONTINUE: &str = "Fortsæt";
pub const BOOK_CHOOSE_KIND: &str = "Vælg";
pub const BOOK_CONFIRM_HEADING: &str = "3. Læs og bekræft";
/// Where a site has not yet published reviewed hours and the portal offers no examples.
pub fn book_hours_pending(site: &str, phone: Option<&str>) -> String {
    match phone {
        Some(phone) => format!("{site} har endnu ikke lagt sine tider ud. Du kan booke her, når stedet offentliggør sine tider. Indtil da kan du ringe til {site} på {phone} – du behøver ikke sige dit navn."),
        None => format!("{site} har endnu ikke lagt sine tider ud. Du kan booke her, når stedet offentliggør sine tider. Indtil da kan du kontakte {site} – du behøver ikke sige dit navn."),
    }
}
pub const BOOK_WHO_HEADING: &str = "Før du booker: hvem kan booke, og hvad du skal vide";
pub const BOOK_ANONYMITY_HEADING: &str = "Det betyder det at være anonym her";
pub const BOOK_NOTHING_STORED: &str = "Portalen gemmer intet om dig: ikke dit navn, din IP-adresse eller din browser. Den gemmer kun tiden og en kort betegnelse, som du siger, når du kommer eller ringer.";
pub const BOOK_CONFIRM: &str = "Book tiden";
pub const BOOK_CHOOSE_OTHER: &str = "Vælg en anden tid";
pub const BOOK_ERR_KIND: &str = "Vælg, hvilken samtale du vil have.";
pub const BOOK_ERR_TIME: &str = "Vælg en af de ledige tider.";
pub const BOOK_YOUR_TIME: &str = "Din tid";
pub const BOOK_PLACE: &str = "Sted";
pub const BY_PHONE_PLACE: &str = "Behandlingsstedet ringer dig ikke op: du ringer selv på det aftalte tidspunkt og siger din betegnelse.";
pub const RECEIPT_TITLE: &str = "Din tid er booket";
pub const RECEIPT_CODE_HEADING: &str = "Din kode";
pub const RECEIPT_WHY: &str = "Koden er den eneste vej til din aftale, fordi vi intet ved om dig. Mister du den, kan vi ikke finde din tid: så må du booke en ny.";
pub const RECEIPT_WRITE_DOWN: &str = "Skriv koden ned, tag et billede af den, eller gem den et sikkert sted.";
pub const RECEIPT_LABEL_HEADING: &str = "Din betegnelse";
pub const RECEIPT_LABEL_TEXT: &str = "Sig betegnelsen, når du kommer eller ringer. Den er ikke hemmelig og kan ikke bruges til at ændre din tid.";
pub const RECEIPT_COPY: &str = "Kopiér koden";
pub const RECEIPT_COPIED: &str = "Koden er kopieret";
pub const RECEIPT_PRINT: &str = "Udskriv";
pub const RECEIPT_SAVED: &str = "Jeg har gemt min kode";
pub const RECEIPT_DONE: &str = "Færdig";

// Managing a booking ("Min aftale").
pub const MANAGE_TITLE: &str = "Min aftale";
pub const MANAGE_LEAD: &str = "Skriv den kode, du fik, da du bookede. Så kan du se, flytte eller aflyse din tid.";
pub const MANAGE_CODE_LABEL: &str = "Din kode";
pub const MANAGE_CODE_HINT: &str = "18 tegn, fx 7KQ-FM2-XD9-TZP-HW4-R5A. Store og små bogstaver er lige gode.";
pub const MANAGE_SHOW_CODE: &str = "Vis koden";
pub const MANAGE_SUBMIT: &str = "Se min aftale";
pub const MANAGE_UNKNOWN: &str = "Vi kan ikke finde en aftale med den kode. Tjek, at du har skrevet den rigtigt. Er tiden aflyst eller overstået, findes den ikke længere.";
pub const MANAGE_NONE: &str = "Der er ingen kommende tider på koden.";
pub const MANAGE_CANCEL: &str = "Aflys tiden";
pub const MANAGE_CANCEL_QUESTION: &str = "Vil du aflyse denne tid?";
pub const MANAGE_CANCEL_YES: &str = "Ja, aflys tiden";
pub const MANAGE_CANCEL_NO: &str = "Nej, behold tiden";
pub const MANAGE_CANCELLED: &str = "Tiden er aflyst.";
pub const MANAGE_CANNOT_CANCEL: &str = "Tiden kan ikke aflyses her: den er allerede aflyst, afholdt eller overstået.";
pub const MANAGE_MOVE: &str = "Flyt tiden";
pub const MANAGE_MOVE_HEADING: &str = "Vælg en ny tid";
pub const MANAGE_MOVE_SUBMIT: &str = "Flyt til den valgte tid";
pub const MANAGE_MOVED: &str = "Tiden er flyttet til";
pub const MANAGE_CANNOT_MOVE: &str = "Tiden kan ikke flyttes her: den er allerede aflyst, afholdt eller overstået.";
pub const MANAGE_BACK: &str = "Tilbage til min aftale";
pub const CALENDAR_HEADING: &str = "Få en påmindelse i din kalender";
pub const CALENDAR_TEXT: &str = "Portalen kan ikke minde dig om tiden, fordi den ikke ved, hvordan den når dig. Hent en kalenderfil: din telefon minder dig så to timer før.";
pub const CALENDAR_TITLE_LABEL: &str = "Titel i din kalender";
pub const CALENDAR_TITLE_HINT: &str = "Vælg en titel, som ikke afslører noget, hvis andre ser din kalender.";
pub const CALENDAR_SUBMIT: &str = "Hent kalenderfil";
pub const CALENDAR_EXTRA_LEGEND: &str = "Skal kalenderen vise mere end titel og tid?";
pub const CALENDAR_WITH_PLACE: &str = "Skriv stedet i kalenderen";
pub const CALENDAR_WITH_LABEL: &str = "Skriv tidens betegnelse i kalenderen";
/// Said with [`try_again_in`] when a client has typed too many codes that were not found.
pub const MANAGE_THROTTLED: &str = "Der er prøvet for mange koder fra din forbindelse, som ikke passede.";
/// Said with [`try_again_in`] when a client has booked the day's limit of new talks.
pub const BOOK_THROTTLED: &str = "Der er booket mange samtaler fra din forbindelse i dag, så portalen tager en pause for at beskytte kalenderen.";
pub const THROTTLED_CALL: &str = "Du kan også ringe til behandlingsstedet.";

/// When a limit opens again: "Prøv igen om 12 minutter." or "Prøv igen om 3 timer."
pub fn try_again_in(minutes: i64) -> String {
    match minutes.max(1) {
        1 => "Prøv igen om 1 minut.".to_string(),
        m @ 2..=59 => format!("Prøv igen om {m} minutter."),
        m => match (m + 59) / 60 {
            1 => "Prøv igen om 1 time.".to_string(),
            h => format!("Prøv igen om {h} timer."),
        },
    }
}

/// A refusal by a limit, when to try again, and (for citizens) the phone as the way round it.
pub fn throttled(what: &str, minutes: i64, call: bool) -> String {
    let mut s = format!("{what} {}", try_again_in(minutes));
    if call {
        s.push(' ');
        s.push_str(THROTTLED_CALL);
    }
    s
}
pub const KOMMUNE_BOOK_LINK: &str = "Book en anonym afklarende samtale";
pub const MANAGE_LINK: &str = "Har du allerede en tid? Se, flyt eller aflys den med din kode";

// Relatives' anonymous talks (/{kommune}/paaroerende).
pub const RELATIVES_TITLE: &str = "Samtaler for pårørende";
pub const RELATIVES_LEAD: &str = "Er du pårørende til en, der drikker eller tager stoffer, kan du få anonyme samtaler om, hvordan du har det, og hvordan du passer på dig selv. Du skal ikke oplyse navn, telefonnummer eller CPR-nummer.";
pub const RELATIVES_RULES_HEADING: &str = "Det tilbyder kommunen pårørende";
pub const RELATIVES_FIRST_HEADING: &str = "Book din første samtale";
pub const RELATIVES_NEXT_HEADING: &str = "Book din næste samtale";
pub const RELATIVES_HAVE_CODE: &str = "Har du haft en samtale før? Brug den samme kode";
pub const RELATIVES_SHOW_COUNT: &str = "Fortsæt med min kode";
pub const RELATIVES_SAME_CODE: &str = "Din næste samtale er booket på den kode, du allerede har. Brug den samme kode til de næste samtaler.";
pub const RELATIVES_UNKNOWN_CODE: &str = "Vi kan ikke finde en kode til pårørendesamtaler i denne kommune med den kode. Tjek, at du har skrevet den rigtigt.";
pub const RELATIVES_AFTER_HEADING: &str = "Hvis du har brug for mere hjælp";
pub const RELATIVES_AFTER_SILENT: &str = "Kvalitetsstandarden siger ikke, hvad der tilbydes efter de anonyme samtaler. Kontakt behandlingsstedet, så finder I ud af det sammen.";
pub const RELATIVES_BOOK_LINK: &str = "Book en anonym samtale for pårørende";
pub fn relatives_used(used: u32, max: u32) -> String {
    let word = if max == 1 { "samtale" } else { "samtaler" };
    format!("Du har brugt {used} af {max} anonyme {word}.")
}
pub fn relatives_quota_reached(max: u32) -> String {
    format!("Du kan ikke booke flere anonyme samtaler på denne kode: kommunen tilbyder pårørende op til {max}.")
}
pub fn relatives_contact_phone(site: &str, phone: &str) -> String {
    format!("Ring til {site} på {phone}, så finder I ud af, hvad der skal ske nu.")
}
pub fn relatives_contact(site: &str, kommune_slug: &str) -> String {
    format!("Kontakt {site} – se hvordan på portalens side for kommunen (/{kommune_slug}).")
}
pub fn relatives_not_offered(kommune: &str, site: &str) -> String {
    format!("{kommune}s kvalitetsstandard nævner ikke anonyme samtaler for pårørende, så de kan ikke bookes her. Kontakt {site}, hvis du vil tale med nogen.")
}

// A citizen's anonymous counselling series (/{kommune}/raadgivning).
pub const COUNSELLING_TITLE: &str = "Anonymt rådgivningsforløb";
pub const COUNSELLING_LEAD: &str = "Vil du tale om dit forbrug af alkohol eller stoffer over nogle samtaler, uden at sige, hvem du er? Et anonymt rådgivningsforløb er et lille antal samtaler på den samme kode. Du skal ikke oplyse navn, telefonnummer eller CPR-nummer.";
pub const COUNSELLING_RULES_HEADING: &str = "Det tilbyder kommunen";
pub const COUNSELLING_UNKNOWN_CODE: &str = "Vi kan ikke finde et anonymt rådgivningsforløb i denne kommune med den kode. Tjek, at du har skrevet den rigtigt.";
/// No number in the link: the cap is shown, cited, on the page it leads to.
pub const COUNSELLING_BOOK_LINK: &str = "Book et anonymt rådgivningsforløb";
pub fn counselling_quota_reached(max: u32) -> String {
    format!("Du kan ikke booke flere anonyme samtaler på denne kode: kommunens rådgivningsforløb er op til {max} samtaler.")
}
pub fn counselling_not_offered(kommune: &str, site: &str) -> String {
    format!("{kommune}s kvalitetsstandard nævner ikke et anonymt rådgivningsforløb med et antal samtaler, så det kan ikke bookes her. Book en afklarende samtale, eller kontakt {site}.")
}

/// The words that differ between the relatives' page and the counselling-series page.
pub struct SeriesText {
    pub title: &'static str,
    pub lead: &'static str,
    pub rules_heading: &'static str,
    pub unknown_code: &'static str,
    pub quota_reached: fn(u32) -> String,
    pub not_offered: fn(&str, &str) -> String,
}

pub fn series_text(series: crate::domain::series::Series) -> &'static SeriesText {
    use crate::domain::series::Series;
    static RELATIVES: SeriesText = SeriesText {
        title: RELATIVES_TITLE,
        lead: RELATIVES_LEAD,
        rules_heading: RELATIVES_RULES_HEADING,
        unknown_code: RELATIVES_UNKNOWN_CODE,
        quota_reached: relatives_quota_reached,
        not_offered: relatives_not_offered,
    };
    static COUNSELLING: SeriesText = SeriesText {
        title: COUNSELLING_TITLE,
        lead: COUNSELLING_LEAD,
        rules_heading: COUNSELLING_RULES_HEADING,
        unknown_code: COUNSELLING_UNKNOWN_CODE,
        quota_reached: counselling_quota_reached,
        not_offered: counselling_not_offered,
    };
    match series {
        Series::Relatives => &RELATIVES,
        Series::Counselling => &COUNSELLING,
    }
}

/// Why a typed code was refused ([`TokenError`]): about its shape only, never about a booking.
pub fn token_error(e: TokenError) -> &'static str {
    match e {
        TokenError::Empty => "Skriv din kode.",
        TokenError::WrongLength => "Koden skal have 18 tegn (seks grupper med tre tegn). Tjek, at du har skrevet det hele.",
        TokenError::InvalidSymbol => "Koden kan kun indeholde tallene 0–9 og bogstaverne A–Z. Tjek, at du har skrevet den rigtigt.",
        TokenError::CheckFailed => "Koden er ikke skrevet rigtigt: mindst ét tegn passer ikke. Tjek den tegn for tegn.",
    }
}

/// Why a booking step was refused, for the page.
#[cfg(feature = "ssr")]
pub fn booking_refusal(r: crate::domain::slots::BookingRefusal) -> &'static str {
    use crate::domain::slots::BookingRefusal;
    match r {
        BookingRefusal::NoKind => BOOK_ERR_KIND,
        BookingRefusal::NoTime => BOOK_ERR_TIME,
        BookingRefusal::Slot(e) => slot_error(e),
        BookingRefusal::NotSaved => super::common::SERVER_ERROR,
    }
}

/// Why a time cannot be booked ([`SlotError`](crate::domain::slots::SlotError)).
#[cfg(feature = "ssr")]
pub fn slot_error(e: crate::domain::slots::SlotError) -> &'static str {
    use crate::domain::slots::SlotError;
    match e {
        SlotError::InPast => "Tiden er allerede gået. Vælg en anden tid.",
        SlotError::TooSoon => "Tiden ligger for tæt på nu til at kunne bookes. Vælg en senere tid.",
        SlotError::BeyondHorizon => "Tiden ligger for langt ude i fremtiden. Vælg en tidligere tid.",
        SlotError::Closed => "Behandlingsstedet har lukket den dag. Vælg en anden dag.",
        SlotError::NotASlot => "Der er ingen samtaletid på det tidspunkt. Vælg en af de viste tider.",
        SlotError::Full => "Tiden er lige blevet taget af en anden. Vælg en anden tid.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_of_a_code_or_a_time_is_a_sentence() {
        for e in [TokenError::Empty, TokenError::WrongLength, TokenError::InvalidSymbol, TokenError::CheckFailed] {
            assert!(token_error(e).ends_with('.'), "{e:?}");
        }
        #[cfg(feature = "ssr")]
        {
            use crate::domain::slots::SlotError;
            for e in [SlotError::InPast, SlotError::TooSoon, SlotError::BeyondHorizon, SlotError::Closed, SlotError::NotASlot, SlotError::Full] {
                assert!(slot_error(e).ends_with('.'), "{e:?}");
            }
        }
    }
}
