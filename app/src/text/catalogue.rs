//! For professionals: the standards, the service catalogue and the comparison of municipalities.

// Standards, catalogue and comparison (issue 6).
pub const NAV_PROFESSIONALS: &str = "For fagpersoner";
pub const NAV_STANDARDS: &str = "Kvalitetsstandarder";
pub const NAV_CATALOGUE: &str = "Ydelseskatalog";
pub const NAV_COMPARE: &str = "Sammenlign kommuner";
pub const STANDARDS_TITLE: &str = "Kvalitetsstandarder";
pub const STANDARDS_LEAD: &str = "Kommunernes kvalitetsstandarder for rusmiddelbehandling og behandlingsstedernes ydelsesbeskrivelser, i deres egen ordlyd. Status er regnet ud fra dokumentets egne datoer og dagens dato.";
pub const STANDARD_READ: &str = "Læs standarden";
pub const STANDARD_MUNICIPALITIES: &str = "Kommuner";
pub const STANDARD_APPROVED: &str = "Godkendelse";
pub const STANDARD_VALIDITY: &str = "Gyldighed";
pub const STANDARD_STATUS: &str = "Status i dag";
pub const STANDARD_TOC: &str = "Indhold";
pub const STANDARD_INTRO: &str = "Indledning";
pub const STANDARD_SUPERSEDED_FOR: &str = "Afløst for";
pub const STANDARD_SUPERSEDED_BY: &str = "af";
pub const STANDARD_TEXT_NOTE: &str = "Teksten er standardens egen. Kun linjeskift, orddelinger og sidetal fra pdf-udgaven er fjernet; stavefejl står, som de står i kilden.";
pub const STANDARD_ALL: &str = "Alle kvalitetsstandarder";
pub const STATUS_CURRENT: &str = "Gældende";
pub const STATUS_DUE: &str = "Skal revideres snart";
pub const STATUS_EXPIRED: &str = "Udløbet";
pub const STATUS_NOT_YET: &str = "Ikke trådt i kraft";
pub const STATUS_UNDATED: &str = "Udateret";
pub const STATUS_DUE_TEXT: &str = "Perioden slutter inden for et halvt år.";
pub const STATUS_EXPIRED_TEXT: &str = "Perioden er slut. Oplysninger herfra kan være forældede.";
pub const STATUS_UNDATED_TEXT: &str = "Dokumentet oplyser ikke, hvornår det er godkendt, eller hvor længe det gælder.";

// The municipality's start page: which quality standard its facts rest on, and how current it is.
pub const KOMMUNE_STANDARD_HEADING: &str = "Kommunens kvalitetsstandard";
/// Before the linked title of a standard in force today.
pub fn kommune_standard_in_force(kommune: &str) -> String {
    format!("Den kvalitetsstandard, der gælder i {kommune}, er")
}
/// Before the linked title of a standard that is not in force today (expired, undated, not yet
/// in force): it is the newest the portal has.
pub fn kommune_standard_newest(kommune: &str) -> String {
    format!("Den nyeste kvalitetsstandard, portalen har for {kommune}, er")
}
pub fn standard_in_force(validity: &str) -> String {
    format!("Den er gældende i dag. {STANDARD_VALIDITY}: {validity}.")
}
pub fn standard_in_force_until(last_day: &str) -> String {
    format!("Den er gældende i dag og gælder til og med den {last_day}.")
}
pub fn standard_expired(period: &str) -> String {
    format!("Den er udløbet: den gjaldt {period}.")
}
pub fn standard_not_yet(first_day: &str) -> String {
    format!("Den træder først i kraft den {first_day}.")
}
pub const NO_NEWER_STANDARD: &str = "Der er ikke offentliggjort en nyere kvalitetsstandard, som portalen kender.";
pub const NEWER_STANDARD: &str = "En nyere kvalitetsstandard er offentliggjort:";

pub const CATALOGUE_TITLE: &str = "Ydelseskatalog";
pub const CATALOGUE_LEAD: &str = "Hvad kommunerne tilbyder, til hvem, hvor ofte, hvor længe og efter hvilken lov – hver ydelse med kilde i kommunens kvalitetsstandard.";
pub const FILTER_HEADING: &str = "Find ydelser";
pub const FILTER_Q: &str = "Søg i ydelser og standarder";
pub const FILTER_Q_HINT: &str = "Fx »anonym«, »pårørende« eller »døgn«. Et ordstykke er nok: »stof« finder også »stofmisbrug«.";
pub const FILTER_KOMMUNE: &str = "Kommune";
pub const FILTER_KIND: &str = "Type ydelse";
pub const FILTER_SUBSTANCE: &str = "Rusmiddel";
pub const FILTER_AGE: &str = "Alder (frivilligt)";
pub const FILTER_AGE_HINT: &str = "Borgerens alder i år. Ydelser uden egen aldersgrænse følger standardens målgruppe.";
pub const FILTER_ANONYMOUS: &str = "Kun ydelser, hvor man kan være anonym";
pub const FILTER_ALL: &str = "Alle";
pub const FILTER_SUBMIT: &str = "Vis ydelser";
pub const FILTER_RESET: &str = "Nulstil";
pub const SUBSTANCE_ALCOHOL: &str = "Alkohol";
pub const SUBSTANCE_DRUGS: &str = "Stoffer";
pub const RESULTS_SERVICES: &str = "Ydelser";
pub const RESULTS_COUNT_ONE: &str = "ydelse";
pub const RESULTS_COUNT_MANY: &str = "ydelser";
pub const RESULTS_NONE: &str = "Ingen ydelser passer på din søgning. Prøv med færre filtre eller et kortere ord.";
pub const RESULTS_STANDARDS: &str = "I kvalitetsstandarderne";
pub const RESULTS_STANDARDS_NONE: &str = "Ordet står ikke i nogen af standarderne.";
pub fn err_unknown_kommune(short_names: &str) -> String {
    format!("Kommunen findes ikke i portalen. Vælg {}", short_names.replace(" og ", " eller "))
}
pub const ERR_UNKNOWN_KIND: &str = "Den type ydelse findes ikke. Vælg en type fra listen";
pub const ERR_UNKNOWN_SUBSTANCE: &str = "Vælg alkohol, stoffer eller alle";
pub const ERR_BAD_AGE: &str = "Skriv alderen som et helt tal mellem 0 og 120";
pub const ERR_TOO_FEW_KOMMUNER: &str = "Vælg mindst to kommuner for at sammenligne.";
pub const SVC_TARGET_GROUP: &str = "Målgruppe";
pub const SVC_AGE: &str = "Alder";
pub const SVC_INTENSITY: &str = "Hyppighed";
pub const SVC_DURATION: &str = "Varighed";
/// A service's price is what the municipality pays the provider: labelled so that, beside
/// the citizen's own costs, it is never read as a price the citizen pays.
pub const SVC_PRICE: &str = "Kommunens pris (takst)";
pub const SVC_PRICE_WHO: &str = "Det betaler kommunen for ydelsen – det er ikke noget, du selv betaler.";
pub const SVC_ANONYMOUS: &str = "Anonymt";
pub const SVC_VISITATION: &str = "Kræver visitation";
pub const SVC_PROVIDER: &str = "Leverandør";
pub const SVC_LEGAL_BASIS: &str = "Lovgrundlag";
pub const SVC_SUBSTANCES: &str = "Rusmidler";
pub const SVC_QUOTE: &str = "Citat fra kilden";
pub const NOT_STATED: &str = "Ikke oplyst i kilden";
pub const PROVIDER_OWN: &str = "Kommunens eget tilbud";
pub const PROVIDER_EXTERNAL: &str = "Ekstern leverandør";
pub const PROVIDER_OWN_OR_EXTERNAL: &str = "Eget tilbud eller ekstern leverandør";
pub const AGE_FROM: &str = "fra";
pub const AGE_TO: &str = "til";
pub const YEARS: &str = "år";
pub const TAG_EXPIRED_DOC: &str = "Fra udløbet standard";

pub const COMPARE_TITLE: &str = "Sammenlign kommuner";
pub const COMPARE_LEAD: &str = "Se kommunernes regler og tilbud side om side. Hver oplysning har sin kilde: dokument, afsnit og lov, hvor kilden nævner den.";
pub const COMPARE_CHOOSE: &str = "Vælg to eller flere kommuner";
pub const COMPARE_SUBMIT: &str = "Sammenlign";
pub const COMPARE_CSV: &str = "Hent sammenligningen som CSV-fil";
pub const COMPARE_CSV_HINT: &str = "Semikolonsepareret, UTF-8, med kildeangivelse i hver række. Åbner i Excel og LibreOffice.";
pub const COMPARE_TOPICS: &str = "Emner";
pub const COMPARE_SILENT: &str = "Kilderne oplyser ikke noget om det.";
/// Above a comparison with facts from expired documents, naming those documents.
pub fn compare_expired_note(doc_titles: &[String]) -> String {
    let docs = match doc_titles {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!("Oplysninger mærket »{TAG_EXPIRED_DOC}« stammer fra {docs}, hvis gyldighedsperiode er udløbet. Det er den nyeste kilde, portalen har til netop de oplysninger. Se hver standards status under Kvalitetsstandarder.")
}
pub const TOPIC_AGE: &str = "Alder og målgruppe";
pub const TOPIC_ANONYMOUS: &str = "Anonyme muligheder";
pub const TOPIC_TALKS: &str = "Antal samtaler, også for pårørende";
pub const TOPIC_INTENSITY: &str = "Hyppighed og varighed";
pub const TOPIC_GUARANTEE: &str = "Behandlingsgaranti";
pub const TOPIC_COMPLAINT: &str = "Klageadgang";
pub const TOPIC_PAYMENT: &str = "Betaling";
pub const TOPIC_FOLLOW_UP: &str = "Opfølgning";
pub const TOPIC_OUTCOMES: &str = "Resultatmål";
pub const CMP_MIN_AGE: &str = "Målgruppen er fra {} år.";
pub const CMP_ANON_MIN_AGE: &str = "Anonym behandling og rådgivning fra {} år.";
pub const CMP_ANON_TALKS: &str = "{} anonyme rådgivende samtaler.";
pub const CMP_RELATIVE_TALKS: &str = "Pårørende: {} anonyme samtaler.";
pub const CMP_UP_TO: &str = "op til";
pub const CMP_GUARANTEE: &str = "Behandlingen skal begynde senest {} dage efter {}.";
pub const CMP_CLOCK_CONTACT: &str = "henvendelsen";
pub const CMP_CLOCK_ATTENDANCE: &str = "at borgeren personligt møder op med ønske om behandling";
pub const CMP_CLOCK_APPLICATION: &str = "ansøgningen om behandling";
pub const CMP_COMPLAINT_SENT: &str = "Klagefrist: {} efter, at du har modtaget afgørelsen (klagen skal være sendt). Fastholder kommunen afgørelsen, går klagen til {}.";
pub const CMP_COMPLAINT_RECEIVED: &str = "Klagefrist: {} efter afgørelsen (kommunen skal have modtaget klagen). Fastholder kommunen afgørelsen, går klagen til {}.";
pub const CMP_FOLLOW_UP: &str = "Opfølgning {} måneder efter afsluttet behandling.";
pub const CMP_TRANSPORT_CITIZEN: &str = "Borgeren betaler selv transport til og fra behandlingen.";
pub const CMP_TRANSPORT_MUNICIPALITY: &str = "Kommunen betaler transport til og fra behandlingen ({}).";
pub const CMP_AND: &str = "og";
pub const CSV_HEADER: [&str; 9] = ["Kommune", "Emne", "Overskrift", "Oplysning", "Dokument", "Afsnit", "Lovgrundlag", "Citat fra kilden", "Fra udløbet standard"];
pub const CSV_FILENAME: &str = "sammenligning";

/// The label of a service kind (ids in app/content/catalogue/services.toml).
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "anonymous-counselling" => "Anonym rådgivning",
        "anonymous-treatment" => "Anonym behandling",
        "ambulant" => "Ambulant behandling",
        "intensive-ambulant" => "Intensiv ambulant behandling",
        "group" => "Gruppebehandling",
        "day" => "Dagbehandling",
        "residential" => "Døgnbehandling",
        "detox" => "Afgiftning og afrusning",
        "substitution" => "Substitutionsbehandling",
        "doctor-talk" => "Lægesamtale",
        "relatives" => "Pårørende og børn",
        "aftercare" => "Efterbehandling og opfølgning",
        "relapse-prevention" => "Tilbagefaldsforebyggelse",
        "prevention-education" => "Forebyggelse og undervisning",
        "network" => "Netværksmøder og koordinering",
        "consultancy" => "Rådgivning af fagpersoner",
        _ => "Andre tilbud",
    }
}
