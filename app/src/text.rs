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
    pub const SECTION: &str = "afsnit";
    pub const SOURCE_DOCS_HEADING: &str = "Kilder på denne side";
    pub const BACK_TO_HOME: &str = "Vælg en anden kommune";

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

    // Rights ("Dine rettigheder", issue 5).
    pub const RIGHTS_TITLE: &str = "Dine rettigheder";
    pub const BREADCRUMBS_LABEL: &str = "Brødkrummesti";
    pub const BREADCRUMBS_HOME: &str = "Forside";
    pub fn rights_lead(kommune: &str) -> String {
        format!("Her kan du læse, hvad {kommune} skal tilbyde dig, når du eller en, du kender, bruger alkohol eller andre rusmidler – og hvad loven siger. Under hvert svar står, hvor det kommer fra.")
    }
    pub const RIGHTS_LINK: &str = "Dine rettigheder: behandlingsgaranti, frit valg, anonymitet, klage og betaling";
    pub const RIGHTS_GUIDE_LINK: &str = "Hvad gælder for mig? Svar på nogle få spørgsmål";
    pub const RIGHTS_DEADLINES_LINK: &str = "Beregn din frist for behandling og for at klage";
    pub const RIGHTS_TOPICS_HEADING: &str = "Læs om et emne";
    pub const RIGHTS_ALL_TOPICS: &str = "Alle emner";
    pub fn rights_local_heading(kommune_short: &str) -> String {
        format!("Sådan er det i {kommune_short}")
    }
    pub const RIGHTS_LAW_HEADING: &str = "Det siger loven";
    pub const RIGHTS_LAW_LEAD: &str = "Lovreglerne gælder i alle kommuner. Teksten er gengivet efter kommunernes kvalitetsstandarder.";
    pub const RIGHTS_LOCAL_SILENT: &str = "Kommunens kvalitetsstandard siger ikke noget om dette emne. Kontakt kommunen, hvis du vil vide mere.";
    pub fn rules_count(n: usize) -> String {
        if n == 1 { "1 regel".to_string() } else { format!("{n} regler") }
    }

    use crate::domain::rights::Topic;
    pub fn topic_title(t: Topic) -> &'static str {
        match t {
            Topic::Guarantee => "Behandlingsgaranti",
            Topic::FreeChoice => "Frit valg af behandlingssted",
            Topic::Anonymity => "Anonymitet",
            Topic::Complaints => "Klage",
            Topic::Payment => "Betaling",
            Topic::Relatives => "Pårørende",
            Topic::Children => "Børn i familien",
            Topic::DoctorsTalk => "Lægesamtale",
            Topic::Talks => "Samtaler og forløb",
            Topic::TargetGroup => "Hvem kan få hjælp",
            Topic::Offers => "Behandlingstilbud",
            Topic::FollowUp => "Opfølgning efter behandlingen",
        }
    }
    pub fn topic_lead(t: Topic) -> &'static str {
        match t {
            Topic::Guarantee => "Hvor hurtigt behandlingen skal begynde, og hvornår fristen ikke gælder.",
            Topic::FreeChoice => "Hvornår du selv kan vælge, hvor du vil behandles.",
            Topic::Anonymity => "Hvem der kan være anonym, hvor længe, og hvad der gør, at det ikke går.",
            Topic::Complaints => "Hvor du klager, og hvilke frister der gælder.",
            Topic::Payment => "Hvad der er gratis, og hvad du selv kan komme til at betale.",
            Topic::Relatives => "Hjælp og samtaler til dig, der er pårørende.",
            Topic::Children => "Når der er børn i familien, eller du er gravid.",
            Topic::DoctorsTalk => "Din ret til en samtale med en læge.",
            Topic::Talks => "Hvor mange samtaler du får, og hvor ofte.",
            Topic::TargetGroup => "Hvem tilbuddet er for, og fra hvilken alder.",
            Topic::Offers => "Hvilke slags behandling kommunen tilbyder.",
            Topic::FollowUp => "Hvad der sker, når behandlingen er slut.",
        }
    }

    // The guide "Hvad gælder for mig?".
    pub const GUIDE_TITLE: &str = "Hvad gælder for mig?";
    pub const GUIDE_LEAD: &str = "Svar på op til syv korte spørgsmål, så viser vi de regler, der gælder, dem, der ikke gælder, og hvorfor. Du kan springe alle spørgsmål over.";
    pub const GUIDE_PRIVACY: &str = "Vi gemmer ikke dine svar. De står kun i sidens adresse – og dermed i din browsers historik, hvis du ikke bruger et privat vindue.";
    pub fn guide_step(n: usize, total: usize) -> String {
        format!("Spørgsmål {n} af {total}")
    }
    pub const GUIDE_NEXT: &str = "Næste";
    pub const GUIDE_SKIP: &str = "Spring spørgsmålet over";
    pub const GUIDE_BACK: &str = "Tilbage";
    pub const GUIDE_SHOW_RESULT: &str = "Se resultatet nu";
    pub const GUIDE_START_OVER: &str = "Start forfra";
    pub const YES: &str = "Ja";
    pub const NO: &str = "Nej";
    pub const ERROR_SUMMARY: &str = "Der er en fejl";
    pub const ERR_CHOICE: &str = "Vælg et af svarene, eller spring spørgsmålet over.";
    pub const ERR_AGE_NAN: &str = "Skriv alderen med tal, fx 17.";
    pub const ERR_AGE_RANGE: &str = "Skriv en alder mellem 0 og 120 år.";

    use crate::domain::rights::{AnswerError, Condition, Question, Reason, Role, Situation, SubstanceKind};
    pub fn answer_error(e: AnswerError) -> &'static str {
        match e {
            AnswerError::UnknownChoice => ERR_CHOICE,
            AnswerError::AgeNotANumber => ERR_AGE_NAN,
            AnswerError::AgeOutOfRange => ERR_AGE_RANGE,
        }
    }
    /// The question as the guide asks it. Who answers about someone else is asked about them.
    pub fn question(q: Question, role: Option<Role>) -> &'static str {
        let other = matches!(role, Some(Role::Relative | Role::Professional));
        match (q, other) {
            (Question::Role, _) => "Hvem er du?",
            (Question::Substance, false) => "Hvad bruger du?",
            (Question::Substance, true) => "Hvad bruger personen?",
            (Question::Age, false) => "Hvor gammel er du?",
            (Question::Age, true) => "Hvor gammel er personen, det drejer sig om?",
            (Question::Anonymous, false) => "Vil du være anonym?",
            (Question::Anonymous, true) => "Ønsker personen at være anonym?",
            (Question::OtherHelp, false) => "Får du anden hjælp fra kommunen?",
            (Question::OtherHelp, true) => "Får personen anden hjælp fra kommunen?",
            (Question::Medicine, false) => "Har du brug for medicin i behandlingen?",
            (Question::Medicine, true) => "Har personen brug for medicin i behandlingen?",
            (Question::Children, false) => "Er du gravid, eller har du børn under 18 år, som bor hjemme?",
            (Question::Children, true) => "Er personen gravid, eller har personen børn under 18 år, som bor hjemme?",
        }
    }
    pub fn question_hint(q: Question) -> Option<&'static str> {
        match q {
            Question::Age => Some("Skriv alderen i hele år. Nogle tilbud har en aldersgrænse."),
            Question::Anonymous => Some("Anonym betyder, at du ikke oplyser navn eller CPR-nummer."),
            Question::OtherHelp => Some("Fx fra jobcenteret, en sagsbehandler eller bostøtte. Det har betydning for, om behandlingen kan være anonym."),
            Question::Medicine => Some("Fx substitutionsbehandling med metadon eller buprenorfin, eller medicin mod abstinenser."),
            _ => None,
        }
    }
    /// The choices for the questions that are not yes/no or a number: (query value, label).
    pub const ROLE_CHOICES: [(&str, &str); 3] = [
        ("selv", "Jeg bruger selv alkohol eller andre rusmidler"),
        ("paaroerende", "Jeg er pårørende til en, der gør"),
        ("fagperson", "Jeg er fagperson og hjælper en borger"),
    ];
    pub const SUBSTANCE_CHOICES: [(&str, &str); 3] = [
        ("alkohol", "Alkohol"),
        ("stoffer", "Andre rusmidler, fx hash, kokain eller piller"),
        ("begge", "Både alkohol og andre rusmidler"),
    ];
    /// Short name of what a question asks about, for "Afhænger af: …" and the answer summary.
    pub fn question_topic(q: Question) -> &'static str {
        match q {
            Question::Role => "hvem du er",
            Question::Substance => "rusmiddel",
            Question::Age => "alder",
            Question::Anonymous => "anonymitet",
            Question::OtherHelp => "anden hjælp fra kommunen",
            Question::Medicine => "medicin",
            Question::Children => "graviditet og børn",
        }
    }
    /// How an answer reads in the summary of answers.
    pub fn answer_text(s: &Situation, q: Question) -> String {
        let yn = |b: Option<bool>| b.map(|b| if b { YES } else { NO }.to_string());
        let choice = |list: &[(&str, &str)], v: Option<String>| {
            v.and_then(|v| list.iter().find(|(k, _)| *k == v).map(|(_, l)| l.to_string()))
        };
        let value = crate::domain::rights::answer_value(s, q);
        match q {
            Question::Role => choice(&ROLE_CHOICES, value),
            Question::Substance => choice(&SUBSTANCE_CHOICES, value),
            Question::Age => s.age.map(|a| format!("{a} år")),
            Question::Anonymous => yn(s.anonymous),
            Question::OtherHelp => yn(s.other_help),
            Question::Medicine => yn(s.medicine),
            Question::Children => yn(s.children),
        }
        .unwrap_or_else(|| NOT_ANSWERED.to_string())
    }
    pub const NOT_ANSWERED: &str = "Ikke besvaret";
    pub const GUIDE_RESULT_TITLE: &str = "Det gælder for dig";
    pub const GUIDE_YOUR_ANSWERS: &str = "Dine svar";
    pub const GUIDE_CHANGE: &str = "Ret";
    pub fn applies_heading(role: Option<Role>) -> &'static str {
        match role {
            Some(Role::Relative) => "Det gælder for den, du er pårørende til",
            Some(Role::Professional) => "Det gælder for borgeren",
            _ => "Det gælder for dig",
        }
    }
    /// The result's main heading: whose result it is. The lists below have their own headings.
    pub fn result_title(role: Option<Role>) -> &'static str {
        match role {
            Some(Role::Relative) => "Resultat for den, du er pårørende til",
            Some(Role::Professional) => "Resultat for borgeren",
            _ => "Dit resultat",
        }
    }
    pub const GUIDE_ALL_RULES: &str = "Alle regler, ordnet efter dine svar";
    pub const RELATIVES_HEADING: &str = "Det gælder for dig som pårørende";
    pub const MAY_APPLY_HEADING: &str = "Det kan gælde – det afhænger af et spørgsmål, du sprang over";
    pub const DEPENDS_ON: &str = "Afhænger af";
    pub const NOT_APPLY_HEADING: &str = "Det gælder ikke – og hvorfor";
    pub const NOTHING_HERE: &str = "Ingen regler.";
    pub const NEXT_STEPS_HEADING: &str = "Det kan du gøre nu";
    pub const NEXT_BOOK: &str = "Book en anonym afklarende samtale";
    pub fn next_contact(site: &str) -> String {
        format!("Kontakt {site}")
    }
    pub const NEXT_DEADLINES: &str = "Beregn din frist for behandling og for at klage";
    pub const NEXT_COMPLAIN: &str = "Læs, hvordan du klager";
    pub const NEXT_BOOK_RELATIVES: &str = "Book en anonym samtale for pårørende";
    pub const NEXT_READ_RELATIVES: &str = "Læs om støtte til pårørende";
    pub fn relatives_talks_offered(max: u32) -> String {
        let word = if max == 1 { "samtale" } else { "samtaler" };
        format!("Som pårørende kan du få op til {max} anonyme {word}.")
    }
    pub fn contact_phone(site: &str, phone: &str) -> String {
        format!("Ring til {site} på {phone}.")
    }
    pub fn complain_within(wording: &str) -> String {
        format!("Du kan klage over en afgørelse inden for {wording}.")
    }
    /// Above the rules a step depends on: what to know before taking it.
    pub const STEP_CONDITIONS: &str = "Det skal du vide først:";
    pub fn scope_notice(kommune: &str, short: &str) -> String {
        format!("{kommune}s kvalitetsstandard handler kun om behandling for stoffer. Om alkoholbehandling i {short} siger den ikke noget, så kontakt kommunen. Det, loven siger om alkoholbehandling, gælder også i {short}.")
    }
    fn condition_phrase(c: Condition) -> String {
        match c {
            Condition::Substance(SubstanceKind::Alcohol) => "for alkohol".into(),
            Condition::Substance(SubstanceKind::Drugs) => "for stoffer".into(),
            Condition::MinAge(n) => format!("fra {n} år"),
            Condition::MaxAge(n) => format!("til og med {n} år"),
            Condition::Anonymous(true) => "ved anonym behandling".into(),
            Condition::Anonymous(false) => "når man ikke er anonym".into(),
            Condition::OtherHelp(true) => "når man får anden hjælp fra kommunen".into(),
            Condition::OtherHelp(false) => "når man ikke får anden hjælp fra kommunen".into(),
            Condition::Medicine(true) => "ved behandling med medicin".into(),
            Condition::Medicine(false) => "ved behandling uden medicin".into(),
            Condition::Children(true) => "for gravide og forældre med børn under 18 år hjemme".into(),
            Condition::Children(false) => "når der ikke er graviditet eller børn hjemme".into(),
        }
    }
    /// Who the answers are about, as the object of "gælder for …".
    fn answered_about(role: Option<Role>) -> &'static str {
        match role {
            Some(Role::Relative) => "den, du er pårørende til",
            Some(Role::Professional) => "borgeren",
            _ => "dig",
        }
    }
    /// "»Ja« til »Vil du være anonym?«": the answer a condition was checked against, quoted
    /// with its question, so the reason speaks of what the person said, not of the rule.
    fn answered(c: Condition, s: &Situation) -> String {
        let q = c.question();
        format!("»{}« til »{}«", answer_text(s, q), question(q, s.role))
    }
    /// Why a rule does not apply: what the rule needs, then what the person answered. Never a
    /// bare "Gælder ikke ved …", which under a rule's title can read as its opposite.
    pub fn reason_text(r: &Reason, s: &Situation) -> String {
        match r {
            Reason::OnlyForRelatives => {
                format!("Gælder kun for pårørende. Du har svaret »{}« til »{}«.", answer_text(s, Question::Role), question(Question::Role, s.role))
            }
            Reason::Requires(c) => {
                let needs = condition_phrase(*c);
                let comma = if needs.starts_with("når") { "," } else { "" };
                format!("Gælder kun{comma} {needs}. Du har svaret {}.", answered(*c, s))
            }
            Reason::ExcludedBy(cs) => {
                let answers: Vec<String> = cs.iter().map(|c| answered(*c, s)).collect();
                format!("Gælder ikke for {}, fordi du har svaret {}.", answered_about(s.role), answers.join(" og "))
            }
            Reason::Within { by, because } => {
                format!("Gælder kun sammen med reglen »{by}«, som ikke gælder for {}: {}", answered_about(s.role), lowercase_first(&reason_text(because, s)))
            }
        }
    }
    fn lowercase_first(text: &str) -> String {
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    // The deadline calculator.
    pub const DEADLINES_TITLE: &str = "Beregn dine frister";
    pub fn deadlines_lead(kommune: &str) -> String {
        format!("Skriv en dato, så beregner vi fristen efter de regler, {kommune} har skrevet i sin kvalitetsstandard. Vi gemmer ikke datoerne.")
    }
    pub const DATE_HINT: &str = "Skriv datoen som dag.måned.år, fx 2.11.2026.";
    pub const CALCULATE: &str = "Beregn";
    pub const GUARANTEE_HEADING: &str = "Hvornår skal din behandling senest begynde?";
    pub const COMPLAINT_HEADING: &str = "Hvornår skal du senest klage over en afgørelse?";
    pub const ERR_DATE_MALFORMED: &str = "Skriv datoen som dag.måned.år, fx 2.11.2026.";
    pub const ERR_DATE_NO_SUCH_DAY: &str = "Den dato findes ikke. Tjek dag og måned.";
    pub const ERR_DATE_FUTURE: &str = "Datoen ligger efter i dag. Skriv en dato, der er gået.";
    pub const ERR_DATE_TOO_OLD: &str = "Skriv en dato efter år 2000.";
    pub fn days_left_text(n: i64) -> String {
        match n {
            0 => "Det er i dag.".into(),
            1 => "Det er i morgen.".into(),
            n if n > 1 => format!("Det er om {n} dage."),
            -1 => "Fristen udløb i går.".into(),
            n => format!("Fristen udløb for {} dage siden.", -n),
        }
    }
    pub const RULES_BEHIND: &str = "Reglerne bag beregningen";
    pub const GUARANTEE_Q_CONTACT: &str = "Hvornår henvendte du dig til kommunen om behandling?";
    pub const GUARANTEE_Q_ATTENDANCE: &str = "Hvornår mødte du personligt op og sagde, at du ønsker behandling?";
    pub const GUARANTEE_Q_APPLICATION: &str = "Hvornår sendte du din ansøgning om behandling?";
    pub fn guarantee_counts_from_contact(short: &str, days: u32) -> String {
        format!("I {short} regnes de {days} dage fra den dag, du henvendte dig – fx på telefon, mail eller ved at møde op.")
    }
    pub fn guarantee_counts_from_attendance(short: &str, days: u32) -> String {
        format!("I {short} regnes de {days} dage fra den dag, du personligt møder op og siger, at du ønsker behandling. En opringning eller en mail starter ikke fristen her.")
    }
    pub fn guarantee_counts_from_application(short: &str, days: u32) -> String {
        format!("I {short} regnes de {days} dage fra den dag, du sender din ansøgning om behandling til kommunen.")
    }
    pub fn guarantee_result(date: &str) -> String {
        format!("Behandlingen skal være sat i gang senest {date}.")
    }
    pub fn guarantee_not_given(kommune: &str) -> String {
        format!("{kommune}s kvalitetsstandard angiver ikke, hvornår fristen begynder at løbe. Kontakt kommunen.")
    }
    pub const COMPLAINT_Q_RECEIVED: &str = "Hvornår fik du afgørelsen?";
    pub const COMPLAINT_Q_DECISION: &str = "Hvilken dato har afgørelsen?";
    pub fn complaint_result_sent(date: &str, wording: &str) -> String {
        format!("Du skal sende din klage senest {date} – {wording} efter, at du fik afgørelsen.")
    }
    pub fn complaint_result_received(kommune: &str, date: &str, wording: &str) -> String {
        format!("{kommune} skal have modtaget din klage senest {date} – {wording} efter afgørelsen.")
    }
    pub fn complaint_appeal(body: &str) -> String {
        format!("Fastholder kommunen afgørelsen, sender den klagen videre til {body}.")
    }
    pub fn complaint_no_deadline_for(kinds: &str) -> String {
        format!("Ingen frist for {kinds}.")
    }
    pub fn complaint_not_given(kommune: &str, site: &str) -> String {
        format!("{kommune}s kvalitetsstandard nævner ingen frist for at klage over en afgørelse. Spørg {site} eller kommunens borgerrådgiver, hvilken frist der gælder for din afgørelse – og klag hellere for tidligt end for sent.")
    }
    pub const GUARANTEE_NOT_ANONYMOUS_HINT: &str = "Er du i anonym behandling, eller har du selv valgt et andet behandlingssted, gælder fristen måske ikke. Se reglerne herunder.";
    pub const SERVER_ERROR: &str = "Der skete en fejl hos os. Prøv igen om lidt.";

    // Staff side (/personale).
    pub const STAFF_PORTAL: &str = "Personale";
    pub const STAFF_SIGN_IN: &str = "Log ind";
    pub const STAFF_SIGN_IN_LINK: &str = "Log ind som ansat";
    pub const STAFF_SIGN_IN_LEAD: &str = "For ansatte på behandlingsstederne. Borgere og pårørende skal ikke logge ind: de booker anonymt uden konto.";
    pub const STAFF_SIGN_IN_FIRST: &str = "Du skal logge ind for at se siden. Er du væk i mere end 30 minutter, bliver du logget ud.";
    pub const STAFF_SIGN_IN_WRONG: &str = "Brugernavnet eller adgangskoden er forkert, eller kontoen er deaktiveret.";
    /// Said with [`try_again_in`].
    pub const STAFF_SIGN_IN_THROTTLED: &str = "For mange forkerte forsøg på at logge ind.";
    pub const STAFF_FORM_EXPIRED: &str = "Formularen er udløbet, eller den kom fra en anden side. Indlæs siden igen, og prøv en gang til.";
    pub const STAFF_NO_ACCOUNT: &str = "Har du ingen konto, eller har du glemt adgangskoden? Kontakt en administrator på dit behandlingssted.";
    pub const STAFF_USERNAME: &str = "Brugernavn";
    pub const STAFF_USERNAME_HINT: &str = "3–40 tegn: a–z, 0–9, punktum, bindestreg eller understreg.";
    pub const STAFF_PASSWORD: &str = "Adgangskode";
    pub const STAFF_PASSWORD_HINT: &str = "Mindst 12 tegn. Giv den til medarbejderen på en sikker måde; de kan ikke selv skifte den endnu, så en administrator sætter en ny.";
    pub const STAFF_FIRST_PASSWORD: &str = "Første adgangskode";
    pub const STAFF_SIGN_OUT: &str = "Log ud";
    pub const STAFF_SIGNED_IN_AS: &str = "Logget ind som";
    pub const STAFF_NAV_LABEL: &str = "Personalets sider";
    pub const STAFF_NAV_START: &str = "Forside";
    pub const STAFF_NAV_CALENDAR: &str = "Kalender";
    pub const STAFF_NAV_CASES: &str = "Henvendelser";
    pub const STAFF_NAV_HOURS: &str = "Åbningstider";
    pub const STAFF_NAV_ACCOUNTS: &str = "Konti";
    pub const STAFF_START_COUNSELLOR: &str = "Du arbejder med de anonyme samtaler (Serviceloven § 101a). I kalenderen ser du bookingerne under deres kaldenavn, markerer dem som holdt, udeblevet eller aflyst, og åbner ekstra tider. Du ser ingen identificerede sager.";
    pub const STAFF_START_CASE_WORKER: &str = "Du arbejder med de identificerede henvendelser om behandling (Serviceloven § 101, sundhedsloven § 141). Du ser ingen anonyme bookinger.";
    pub const STAFF_START_ADMIN: &str = "Du administrerer konti og åbningstider. Du ser hverken anonyme bookinger eller sager.";
    pub const STAFF_FORBIDDEN_TITLE: &str = "Ingen adgang";
    pub const STAFF_FORBIDDEN: &str = "Din rolle giver ikke adgang til denne side. De anonyme samtaler og de identificerede sager holdes adskilt (Serviceloven § 101a, stk. 7), også for personalet.";
    pub const STAFF_ERRORS_HEADING: &str = "Ret dette, før du går videre";
    pub const STAFF_SITE: &str = "Behandlingssted";
    pub const STAFF_DAY: &str = "Dag";
    pub const STAFF_SHOW: &str = "Vis";
    pub const STAFF_CALENDAR_TITLE: &str = "Kalender";
    pub const STAFF_CALENDAR_NAV: &str = "Skift dag eller uge";
    pub const STAFF_PREV_DAY: &str = "Forrige dag";
    pub const STAFF_NEXT_DAY: &str = "Næste dag";
    pub const STAFF_PREV_WEEK: &str = "Forrige uge";
    pub const STAFF_NEXT_WEEK: &str = "Næste uge";
    pub const STAFF_TODAY: &str = "I dag";
    pub const STAFF_AS_DAY: &str = "Vis som dag";
    pub const STAFF_AS_WEEK: &str = "Vis hele ugen";
    pub const STAFF_WEEK_OF: &str = "Ugen";
    pub const STAFF_LABEL_HINT: &str = "Bookingerne står under deres kaldenavn. Personen siger kaldenavnet, når de kommer eller ringer. Koden ser du aldrig, og du skal aldrig spørge efter den.";
    pub const STAFF_NO_BOOKINGS: &str = "Ingen bookinger.";
    pub const STAFF_OUTCOME_FOR: &str = "Udfald for";
    pub const STAFF_CHOOSE_OUTCOME: &str = "Vælg udfald";
    pub const STAFF_MARK_HELD: &str = "Holdt";
    pub const STAFF_MARK_NO_SHOW: &str = "Udeblevet";
    pub const STAFF_MARK_CANCEL: &str = "Aflys";
    pub const STAFF_REOPEN: &str = "Fortryd for";
    pub const STAFF_STATUS_BOOKED: &str = "Booket";
    pub const STAFF_STATUS_HELD: &str = "Holdt";
    pub const STAFF_STATUS_NO_SHOW: &str = "Udeblevet";
    pub const STAFF_STATUS_CANCELLED: &str = "Aflyst";
    pub const STAFF_EXTRA_HEADING: &str = "Ekstra tider";
    pub const STAFF_EXTRA_LEAD: &str = "Åbn en enkelt tid ud over de faste åbningstider. Den kan bookes med det samme, inden for stedets varsel og hvor langt frem der kan bookes.";
    pub const STAFF_KIND: &str = "Samtale";
    pub const STAFF_DATE: &str = "Dato";
    pub const STAFF_DATE_HINT: &str = "Fx 7.12.2026.";
    pub const STAFF_TIME: &str = "Klokkeslæt";
    pub const STAFF_TIME_HINT: &str = "Fx 16:00.";
    pub const STAFF_MINUTES: &str = "Minutter pr. samtale";
    pub const STAFF_SEATS: &str = "Pladser (samtaler på samme tid)";
    pub const STAFF_SEATS_SHORT: &str = "plads(er)";
    pub const STAFF_OPEN_SLOT: &str = "Åbn tiden";
    pub const STAFF_NO_EXTRA: &str = "Ingen ekstra tider er åbne.";
    pub const STAFF_REMOVE_SLOT: &str = "Fjern";
    pub const STAFF_SLOT_OPENED: &str = "Tiden er åbnet:";
    pub const STAFF_SLOT_REMOVED: &str = "Den ekstra tid er fjernet.";
    pub const STAFF_ERR_KIND: &str = "Vælg en af stedets samtaler.";
    pub const STAFF_ERR_SLOT_EXISTS: &str = "Der er allerede åbnet en ekstra tid til den samtale på det tidspunkt.";
    pub const STAFF_ERR_SLOT_BOOKED: &str = "Tiden er booket og kan ikke fjernes. Aflys bookingen først, hvis samtalen ikke kan holdes.";
    pub const STAFF_ERR_NO_SUCH: &str = "Den findes ikke (længere). Indlæs siden igen.";
    pub const STAFF_ERR_SEAT_TAKEN: &str = "Pladsen er taget af en anden booking, så aflysningen kan ikke fortrydes.";
    pub const STAFF_ERR_ACTION: &str = "Vælg, hvad der skal ske.";
    pub const STAFF_HOURS_TITLE: &str = "Åbningstider";
    pub const STAFF_MONTHLY_HEADING: &str = "Antal samtaler pr. måned";
    pub const STAFF_MONTHLY_LEAD: &str = "Bookinger slettes, når samtalen er et stykke tid siden. Tilbage bliver kun, hvor mange samtaler der var pr. måned, samtale og udfald, uden kaldenavn og uden tidspunkt.";
    pub const STAFF_MONTHLY_NONE: &str = "Ingen bookinger er slettet endnu, så der er ingen tal her.";
    pub const STAFF_MONTH: &str = "Måned";
    pub const STAFF_TALKS: &str = "Samtaler";
    pub const STAFF_HOURS_EXAMPLE: &str = "Tiderne kom fra portalens eksempler, fordi kvalitetsstandarderne ikke nævner tider til anonyme samtaler. Ret dem til stedets egne, og gem.";
    pub const STAFF_WEEKLY_RULES: &str = "Faste ugentlige tider";
    pub const STAFF_WEEKLY_HINT: &str = "Tøm »fra« og »til« for at fjerne en regel. Der er to tomme rækker til nye regler; gem for at få flere.";
    pub const STAFF_RULE: &str = "Regel";
    pub const STAFF_WEEKDAY: &str = "Ugedag";
    pub const STAFF_FROM: &str = "Fra";
    pub const STAFF_TO: &str = "Til";
    pub const STAFF_CLOSED: &str = "Lukkedage";
    pub const STAFF_CLOSED_HINT: &str = "Enkelte datoer, én pr. linje, fx 24.12.2026.";
    pub const STAFF_CLOSED_HOLIDAYS: &str = "Lukket på helligdage (fx påske, Kristi himmelfartsdag, pinse og jul), hvert år";
    pub const STAFF_CLOSED_EVERY_YEAR: &str = "Lukket hvert år";
    pub const STAFF_CLOSED_EVERY_YEAR_HINT: &str = "Dage, der ikke er helligdage: dag og måned, én pr. linje, fx 24.12 for juleaftensdag.";
    pub const STAFF_NOTICE: &str = "Varsel i timer (hvor længe før en tid den senest kan bookes)";
    pub const STAFF_HORIZON: &str = "Hvor mange dage frem der kan bookes";
    pub const STAFF_SAVE_HOURS: &str = "Gem åbningstiderne";
    pub const STAFF_HOURS_SAVED: &str = "Åbningstiderne er gemt og gælder fra nu.";
    pub const STAFF_ACCOUNTS_TITLE: &str = "Konti";
    pub const STAFF_ROLE: &str = "Rolle";
    pub const STAFF_STATE: &str = "Status";
    pub const STAFF_ACTIONS: &str = "Handlinger";
    pub const STAFF_ENABLED: &str = "Aktiv";
    pub const STAFF_DISABLED: &str = "Deaktiveret";
    pub const STAFF_ENABLE: &str = "Aktivér";
    pub const STAFF_DISABLE: &str = "Deaktivér";
    pub const STAFF_NEW_PASSWORD_FOR: &str = "Ny adgangskode til";
    pub const STAFF_SET_PASSWORD: &str = "Sæt adgangskode";
    pub const STAFF_NEW_ACCOUNT: &str = "Opret en konto";
    pub const STAFF_CREATE_ACCOUNT: &str = "Opret kontoen";
    pub const STAFF_ACCOUNT_CREATED: &str = "Kontoen er oprettet:";
    pub const STAFF_ACCOUNT_DISABLED: &str = "Kontoen er deaktiveret, og den er logget ud overalt.";
    pub const STAFF_ACCOUNT_ENABLED: &str = "Kontoen er aktiveret igen.";
    pub const STAFF_PASSWORD_SET: &str = "Adgangskoden er sat, og kontoen er logget ud overalt.";
    pub const STAFF_ERR_ROLE: &str = "Vælg en rolle.";
    pub const STAFF_ERR_NO_SITE: &str = "Vælg mindst ét behandlingssted, som rådgiveren skal arbejde for.";
    pub const STAFF_ACCOUNTS_OF: &str = "Konti i";
    pub const STAFF_SITES: &str = "Behandlingssteder (kun for anonym rådgiver)";
    pub const STAFF_SITES_COLUMN: &str = "Behandlingssteder";
    pub const STAFF_NO_MUNICIPALITY: &str = "Din konto er ikke knyttet til en kommune endnu, så du har ikke adgang til noget her. Bed den, der driver portalen, om at knytte kontoen til din kommune (server assign-staff).";
    pub const STAFF_ERR_TAKEN: &str = "Brugernavnet er taget. Vælg et andet.";
    pub const STAFF_ERR_SELF: &str = "Du kan ikke deaktivere din egen konto.";
    pub const STAFF_ERR_LAST_ADMIN: &str = "Det er den sidste aktive administrator, så den kan ikke deaktiveres.";

    pub fn role_name(r: crate::domain::staff::Role) -> &'static str {
        use crate::domain::staff::Role;
        match r {
            Role::AnonymousCounsellor => "Anonym rådgiver",
            Role::CaseWorker => "Sagsbehandler",
            Role::Admin => "Administrator",
        }
    }

    pub fn outcome_name(o: crate::domain::staff::TalkOutcome) -> &'static str {
        use crate::domain::staff::TalkOutcome;
        match o {
            TalkOutcome::AdviceGiven => "Rådgivning givet",
            TalkOutcome::ReferredAnonymous101a => "Henvist til anonym behandling (§ 101a)",
            TalkOutcome::ReferredOtherTreatment => "Henvist til anden behandling",
            TalkOutcome::NoFurtherNeed => "Intet yderligere behov",
        }
    }

    pub fn staff_marked(a: crate::domain::staff::TalkAction) -> &'static str {
        use crate::domain::staff::TalkAction;
        match a {
            TalkAction::Held(_) => "Samtalen er markeret som holdt.",
            TalkAction::NoShow => "Samtalen er markeret som udeblevet.",
            TalkAction::Cancel => "Samtalen er aflyst, og pladsen er fri igen.",
            TalkAction::Reopen => "Samtalen er sat tilbage til booket.",
        }
    }

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
}

pub use da as t;
