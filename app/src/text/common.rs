//! Words used across the portal: its name, the quick exit, the home and municipality pages,
//! the footer, the accessibility statement, "not found", and the few words every area uses.

use crate::domain::kommune::Kommune;

pub const LANG: &str = "da";
pub const PORTAL_NAME: &str = "Rusmiddelportalen";
pub const PORTAL_TAGLINE: &str = "Hjælp til dig, der bruger alkohol eller andre rusmidler, og til dine pårørende";
pub const SKIP_LINK: &str = "Gå til sidens indhold";

// Quick exit (GOV.UK "Exit this page" pattern).
pub const QUICK_EXIT: &str = "Forlad siden";
pub const QUICK_EXIT_HINT: &str = "Forlad siden hurtigt: tryk på knappen, eller tryk tre gange på Skift-tasten.";
/// A neutral site: the weather. Opened with `location.replace` when JavaScript runs.
pub const QUICK_EXIT_URL: &str = "https://www.dmi.dk/";
pub const PRIVATE_BROWSING_NOTE: &str = "Vil du ikke have, at andre kan se, at du har været her? Brug et privat vindue i din browser (inkognito), så gemmes siden ikke i din historik.";

// Home page.
pub const HOME_TITLE: &str = "Rusmiddelportalen";
pub const HOME_LEAD: &str = "Her kan du læse om dine muligheder for rådgivning og behandling for brug af alkohol og andre rusmidler i din kommune. Du kan være anonym.";
pub const HOME_CHOOSE_KOMMUNE: &str = "Vælg din kommune";
/// Said under the list: which municipalities the portal covers, and what to do elsewhere.
pub fn home_covers(short_names: &str) -> String {
    format!("Portalen dækker i dag {short_names} Kommuner.")
}
pub const HOME_ELSEWHERE: &str = "Bor du i en anden kommune? Så skal din egen kommune tilbyde dig behandling for brug af stoffer og alkohol. Kontakt kommunen, og spørg efter rusmiddelbehandling.";
pub const HOME_WHO_HEADING: &str = "Hvem er du?";
pub const WHO_SELF_TITLE: &str = "Jeg vil have hjælp";
pub const WHO_SELF_TEXT: &str = "Du bruger selv alkohol, hash eller andre rusmidler og vil gerne have rådgivning eller behandling. Vælg din kommune for at se, hvor du kan henvende dig.";
pub const WHO_RELATIVE_TITLE: &str = "Jeg er pårørende";
pub const WHO_RELATIVE_TEXT: &str = "En, du holder af, bruger rusmidler. Du kan også selv få rådgivning. Vælg kommunen, hvor personen bor, eller din egen.";
pub const WHO_PROFESSIONAL_TITLE: &str = "Jeg er fagperson";
pub const WHO_PROFESSIONAL_TEXT: &str = "Du arbejder med borgere, der bruger rusmidler. Vælg en kommune for at se dens behandlingssted og kvalitetsstandard.";
pub const WHO_STAFF_TITLE: &str = "Jeg er ansat på et behandlingssted";
pub const WHO_STAFF_TEXT: &str = "Log ind for at se de anonyme bookinger, åbne tider og arbejde med henvendelser.";

// Municipality page.
pub const KOMMUNE_SITE_HEADING: &str = "Her kan du henvende dig";
pub const ADDRESS: &str = "Adresse";
pub const PHONE: &str = "Telefon";
pub const EMAIL: &str = "E-mail";
pub const WEBSITE: &str = "Hjemmeside";
pub const HOW_TO_CONTACT: &str = "Sådan henvender du dig";
pub const OPENING_HOURS: &str = "Åbningstider";
pub const NOT_IN_STANDARD: &str = "Kvalitetsstandarden oplyser det ikke. Kontakt kommunen for at få det at vide.";
pub const ANONYMITY_HEADING: &str = "Anonym rådgivning";
pub const SOURCE: &str = "Kilde";
/// Between a statute and the standard that reproduces it: "Serviceloven § 101, stk. 4, som gengivet i …".
pub const AS_REPRODUCED_IN: &str = "som gengivet i";
/// Beside a citation of a standard whose period has ended.
pub fn from_expired_standard(period: &str) -> String {
    format!("fra en udløbet kvalitetsstandard ({period})")
}
/// The lead of a source line that stands for several facts: "Kilde for adresse og telefon".
pub fn source_for(labels: &[&str]) -> String {
    let lower: Vec<String> = labels.iter().map(|l| l.to_lowercase()).collect();
    match lower.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{SOURCE} for {} og {last}", rest.join(", ")),
        _ => format!("{SOURCE} for {}", lower.join("")),
    }
}
pub const SECTION: &str = "afsnit";
pub const SOURCE_DOCS_HEADING: &str = "Kilder på denne side";
pub const BACK_TO_HOME: &str = "Vælg en anden kommune";
/// The main actions at the top of a municipality page.
pub const TASKS_LABEL: &str = "Det kan du gøre her";
pub fn task_call(site: &str, number: &str) -> String {
    format!("Ring til {site}: {number}")
}
pub const TASK_OPENING_HOURS: &str = "Se åbningstider";
pub fn task_no_phone(site: &str) -> String {
    format!("Kvalitetsstandarden giver ikke et telefonnummer til {site}.")
}
pub const TASK_OTHER_WAYS: &str = "Se, hvordan du kan henvende dig";
pub const TASK_RIGHTS: &str = "Hvad er mine rettigheder?";
pub const TASK_RELATIVE: &str = "Jeg er pårørende";

// Footer.
pub const FOOTER_RESPONSIBLE: &str = "Ansvarlig myndighed";
pub const FOOTER_ACCESSIBILITY: &str = "Tilgængelighedserklæring";
pub const FOOTER_NO_COOKIES: &str = "Portalen sætter ingen cookies og registrerer ikke, hvem du er.";
pub const FOOTER_STAFF_COOKIE: &str = "Personalets sider sætter én nødvendig cookie, der holder dig logget ind, og som slettes, når du logger ud. Borgere får ingen cookies.";
pub const FOOTER_ALL_KOMMUNER: &str = "Kommunerne i portalen";

// Accessibility statement.
pub const A11Y_TITLE: &str = "Tilgængelighedserklæring";

// Not found.
pub const NOT_FOUND_TITLE: &str = "Siden findes ikke";
pub const NOT_FOUND_TEXT: &str = "Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.";
/// The municipalities come from content: the sentence names whichever are installed.
pub fn not_found_unknown_kommune(short_names: &str) -> String {
    format!("Portalen dækker i dag {short_names} Kommuner.")
}
pub const GO_HOME: &str = "Gå til forsiden";

// Said in every area.
pub const YES: &str = "Ja";
pub const NO: &str = "Nej";
pub const SERVER_ERROR: &str = "Der skete en fejl hos os. Prøv igen om lidt.";
/// A citizen's form that another website sent (server::form_guard): nothing was read or stored.
pub const FORM_FROM_ANOTHER_SITE: &str =
    "Formularen blev ikke sendt, fordi den kom fra en anden hjemmeside. Intet er gemt. Udfyld den her på siden, hvis du vil sende den.";
pub const ERROR_PREFIX: &str = "Fejl";

/// The municipalities' short names joined for a sentence: "Ishøj, Vallensbæk og Thisted".
pub fn kommune_names(kommuner: &[Kommune]) -> String {
    let names: Vec<&str> = kommuner.iter().map(|k| k.short_name()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_source_line_names_what_it_covers() {
        assert_eq!(source_for(&[ADDRESS, PHONE]), "Kilde for adresse og telefon");
        assert_eq!(source_for(&[ADDRESS, PHONE, EMAIL, WEBSITE]), "Kilde for adresse, telefon, e-mail og hjemmeside");
        assert_eq!(source_for(&[PHONE]), "Kilde for telefon");
    }
}
