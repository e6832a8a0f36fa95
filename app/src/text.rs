//! Every piece of UI text in one place, so another language can follow (add a module beside
//! `da` and choose it at the call sites' single import). Legal facts are not here: they live in
//! `app/content/` with their sources.

pub mod da {
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
    pub const HOME_WHO_HEADING: &str = "Hvem er du?";
    pub const WHO_SELF_TITLE: &str = "Jeg vil have hjælp";
    pub const WHO_SELF_TEXT: &str = "Du bruger selv alkohol, hash eller andre rusmidler og vil gerne have rådgivning eller behandling. Vælg din kommune for at se, hvor du kan henvende dig.";
    pub const WHO_RELATIVE_TITLE: &str = "Jeg er pårørende";
    pub const WHO_RELATIVE_TEXT: &str = "En, du holder af, bruger rusmidler. Du kan også selv få rådgivning. Vælg kommunen, hvor personen bor, eller din egen.";
    pub const WHO_PROFESSIONAL_TITLE: &str = "Jeg er fagperson";
    pub const WHO_PROFESSIONAL_TEXT: &str = "Du arbejder med borgere, der bruger rusmidler. Vælg en kommune for at se dens behandlingssted og kvalitetsstandard.";
    pub const WHO_STAFF_TITLE: &str = "Jeg er ansat på et behandlingssted";
    pub const WHO_STAFF_TEXT: &str = "Personalets sider åbner, når behandlingsstedernes kalender tages i brug i portalen.";

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
    pub const SECTION: &str = "afsnit";
    pub const SOURCE_DOCS_HEADING: &str = "Kilder på denne side";
    pub const BACK_TO_HOME: &str = "Vælg en anden kommune";

    // Footer.
    pub const FOOTER_RESPONSIBLE: &str = "Ansvarlig myndighed";
    pub const FOOTER_ACCESSIBILITY: &str = "Tilgængelighedserklæring";
    pub const FOOTER_NO_COOKIES: &str = "Portalen sætter ingen cookies og registrerer ikke, hvem du er.";
    pub const FOOTER_ALL_KOMMUNER: &str = "Kommunerne i portalen";

    // Accessibility statement.
    pub const A11Y_TITLE: &str = "Tilgængelighedserklæring";

    // Not found.
    pub const NOT_FOUND_TITLE: &str = "Siden findes ikke";
    pub const NOT_FOUND_TEXT: &str = "Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.";
    pub const NOT_FOUND_UNKNOWN_KOMMUNE: &str = "Portalen dækker i dag Ishøj, Vallensbæk, Odsherred og Thisted Kommuner.";
    pub const GO_HOME: &str = "Gå til forsiden";

    // Booking (anonymous clarifying conversation).
    pub const BOOK_TITLE: &str = "Book en anonym afklarende samtale";
    pub const BOOK_LEAD: &str = "Du skal ikke oplyse navn, telefonnummer, e-mail eller CPR-nummer. I stedet får du en kode, som kun du kender. Med koden kan du se, flytte eller aflyse din tid.";
    pub const BOOK_KIND_HEADING: &str = "1. Vælg samtale";
    pub const BOOK_TIME_HEADING: &str = "2. Vælg tid";
    pub const BOOK_NO_TIMES: &str = "Der er ingen ledige tider lige nu. Ring til behandlingsstedet, eller prøv igen senere.";
    pub const BOOK_EXAMPLE_HOURS: &str = "Tiderne er eksempler: kvalitetsstandarden oplyser ikke behandlingsstedets faste tider for afklarende samtaler, så personalet sætter de rigtige tider ind.";
    pub const BOOK_CONTINUE: &str = "Fortsæt";
    pub const BOOK_CHOOSE_KIND: &str = "Vælg";
    pub const BOOK_CONFIRM_HEADING: &str = "3. Læs og bekræft";
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
    pub const MANAGE_THROTTLED: &str = "Der er prøvet for mange koder fra din forbindelse. Vent en time, og prøv igen. Du kan også ringe til behandlingsstedet.";
    pub const KOMMUNE_BOOK_LINK: &str = "Book en anonym afklarende samtale";
    pub const MANAGE_LINK: &str = "Har du allerede en tid? Se, flyt eller aflys den med din kode";

    pub const LOADING: &str = "Henter …";
    pub const SERVER_ERROR: &str = "Der skete en fejl hos os. Prøv igen om lidt.";

    // Standards, catalogue and comparison (issue 6).
    pub const NAV_PROFESSIONALS: &str = "For fagpersoner";
    pub const NAV_STANDARDS: &str = "Kvalitetsstandarder";
    pub const NAV_CATALOGUE: &str = "Ydelseskatalog";
    pub const NAV_COMPARE: &str = "Sammenlign kommuner";
    pub const STANDARDS_TITLE: &str = "Kvalitetsstandarder";
    pub const STANDARDS_LEAD: &str = "Kommunernes kvalitetsstandarder for rusmiddelbehandling og Pitstops ydelsesbeskrivelse, i deres egen ordlyd. Status er regnet ud fra dokumentets egne datoer og dagens dato.";
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
    pub const ERROR_PREFIX: &str = "Fejl";
    pub const ERR_UNKNOWN_KOMMUNE: &str = "Kommunen findes ikke i portalen. Vælg Ishøj, Vallensbæk, Odsherred eller Thisted";
    pub const ERR_UNKNOWN_KIND: &str = "Den type ydelse findes ikke. Vælg en type fra listen";
    pub const ERR_UNKNOWN_SUBSTANCE: &str = "Vælg alkohol, stoffer eller alle";
    pub const ERR_BAD_AGE: &str = "Skriv alderen som et helt tal mellem 0 og 120";
    pub const ERR_TOO_FEW_KOMMUNER: &str = "Vælg mindst to kommuner for at sammenligne.";
    pub const SVC_TARGET_GROUP: &str = "Målgruppe";
    pub const SVC_AGE: &str = "Alder";
    pub const SVC_INTENSITY: &str = "Hyppighed";
    pub const SVC_DURATION: &str = "Varighed";
    pub const SVC_PRICE: &str = "Takst";
    pub const SVC_ANONYMOUS: &str = "Anonymt";
    pub const SVC_VISITATION: &str = "Kræver visitation";
    pub const SVC_PROVIDER: &str = "Leverandør";
    pub const SVC_LEGAL_BASIS: &str = "Lovgrundlag";
    pub const SVC_SUBSTANCES: &str = "Rusmidler";
    pub const SVC_QUOTE: &str = "Citat fra kilden";
    pub const YES: &str = "Ja";
    pub const NO: &str = "Nej";
    pub const NOT_STATED: &str = "Ikke oplyst i kilden";
    pub const PROVIDER_OWN: &str = "Kommunens eget tilbud";
    pub const PROVIDER_EXTERNAL: &str = "Ekstern leverandør";
    pub const PROVIDER_OWN_OR_EXTERNAL: &str = "Eget tilbud eller ekstern leverandør";
    pub const AGE_FROM: &str = "fra";
    pub const AGE_TO: &str = "til";
    pub const YEARS: &str = "år";
    pub const TAG_EXPIRED_DOC: &str = "Fra udløbet standard";
    pub const TAG_SUPERSEDED: &str = "afløst for Ishøj";

    pub const COMPARE_TITLE: &str = "Sammenlign kommuner";
    pub const COMPARE_LEAD: &str = "Se kommunernes regler og tilbud side om side. Hver oplysning har sin kilde: dokument, afsnit og lov, hvor kilden nævner den.";
    pub const COMPARE_CHOOSE: &str = "Vælg to eller flere kommuner";
    pub const COMPARE_SUBMIT: &str = "Sammenlign";
    pub const COMPARE_CSV: &str = "Hent sammenligningen som CSV-fil";
    pub const COMPARE_CSV_HINT: &str = "Semikolonsepareret, UTF-8, med kildeangivelse i hver række. Åbner i Excel og LibreOffice.";
    pub const COMPARE_TOPICS: &str = "Emner";
    pub const COMPARE_SILENT: &str = "Kilderne oplyser ikke noget om det.";
    pub const COMPARE_EXPIRED_NOTE: &str = "Oplysninger mærket »Fra udløbet standard« stammer fra Ishøj og Vallensbæks fælles standard 2020–2022. For Vallensbæk er den stadig den nyeste; for Ishøj er den afløst af standarden fra januar 2024.";
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
}

pub use da as t;
