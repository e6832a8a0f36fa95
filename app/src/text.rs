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
}

pub use da as t;
