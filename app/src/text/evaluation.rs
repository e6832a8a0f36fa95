//! Anonymous evaluation and follow-up (`/{kommune}/evaluering`), the staff's codes
//! (`/personale/evaluering`) and the municipality's report (`/personale/rapport`).

use crate::domain::evaluation::{AnswerSet, Moment, Month};

// The citizen's page.
pub const EVAL_TITLE: &str = "Evaluering og opfølgning";
pub const EVAL_LEAD: &str = "Har du fået en evalueringskode af dit behandlingssted, kan du svare her. Du er anonym: vi spørger ikke om navn, telefon, e-mail eller cpr-nummer, og dine svar gemmes kun som optællinger sammen med andres. Ingen kan se, hvad du har svaret.";
pub const EVAL_CODE_LABEL: &str = "Evalueringskode";
pub const EVAL_CODE_HINT: &str = "18 tegn i seks grupper, som står på sedlen fra dit behandlingssted. Store og små bogstaver er lige gode.";
pub const EVAL_OPEN: &str = "Gå til spørgsmålene";
/// One message for a code that is unknown, used, expired or of another municipality: the page
/// must not tell which.
pub const EVAL_CODE_NOT_USABLE: &str = "Koden kan ikke bruges her. Den kan være skrevet forkert, allerede brugt, udløbet eller høre til en anden kommune. Tjek den tegn for tegn, eller spørg dit behandlingssted om en ny.";
pub const EVAL_THROTTLED: &str = "For mange forkerte koder på kort tid.";
pub const EVAL_QUESTIONS_LEAD: &str = "Alle spørgsmål kan springes over. Når du sender, bliver koden brugt, og dine svar lægges sammen med andres.";
pub const EVAL_SEND: &str = "Send mine svar";
pub const EVAL_NOTHING_ANSWERED: &str = "Du har ikke svaret på nogen spørgsmål. Vælg et svar på mindst ét spørgsmål, eller luk siden, hvis du ikke vil svare.";
pub const EVAL_UNKNOWN_ANSWER: &str = "Et af svarene findes ikke blandt valgmulighederne. Vælg svarene igen.";
pub const EVAL_WHY_ASKED: &str = "Derfor spørger vi";
pub const EVAL_THANKS_TITLE: &str = "Tak for dine svar";
pub const EVAL_THANKS: &str = "Dine svar er talt med. Koden kan ikke bruges til det samme igen.";
pub const EVAL_THANKS_FOLLOW_UP: &str = "Koden virker igen ved næste opfølgning";
pub const EVAL_CONTACT_HEADING: &str = "Du ville gerne tale med en rådgiver igen";
pub const EVAL_CONTACT_LEAD: &str = "Portalen kender ingen måde at kontakte dig på, så du tager selv kontakt. Du kan stadig være anonym.";
pub const EVAL_CONTACT_BOOK: &str = "Book en anonym samtale";
pub const EVAL_CONTACT_CALL: &str = "Ring til";
pub const EVAL_NOT_YET_TITLE: &str = "Opfølgningen er ikke begyndt endnu";
pub const EVAL_CALENDAR_LEAD: &str = "Hent en kalenderfil med en påmindelse ved hver opfølgning. Filen nævner hverken koden eller behandlingsstedet, og intet gemmes om, at du har hentet den.";
pub const EVAL_CALENDAR_BUTTON: &str = "Hent påmindelser til min kalender";
pub const EVAL_CALENDAR_EVENT: &str = "Opfølgning: svar med din kode";
pub const EVAL_CALENDAR_FILE: &str = "opfoelgning.ics";
pub const EVAL_CODE_OR_BOOKING_LABEL: &str = "Evalueringskode eller bookingkode";
pub const EVAL_CODE_OR_BOOKING_HINT: &str = "18 tegn i seks grupper: koden på sedlen fra dit behandlingssted, eller den kode, du bookede en anonym samtale med. Store og små bogstaver er lige gode.";
pub const EVAL_LEAD_TALKS: &str = "Har du haft en anonym samtale, som du bookede her på portalen, kan du evaluere den med din bookingkode: én gang pr. samtale og op til 3 måneder efter. Dine svar gemmes ikke ved din booking, kun at samtalen er evalueret.";
pub const EVAL_TALKS_TITLE: &str = "Vælg samtalen";
pub const EVAL_TALKS_LEAD: &str = "Du kan evaluere hver samtale, du har haft, én gang. Vælg den, du vil evaluere.";
pub const EVAL_TALKS_NONE: &str = "Der er ingen samtale at evaluere med denne kode lige nu. En samtale kan evalueres, når behandlingsstedet har registreret den som holdt: én gang og op til 3 måneder efter.";
pub const EVAL_TALK_BUTTON: &str = "Evaluér samtalen";
pub const EVAL_TALK_GONE: &str = "Samtalen er allerede evalueret, eller den kan ikke evalueres længere.";
pub const EVAL_THANKS_TALK: &str = "Dine svar er talt med. Samtalen kan ikke evalueres igen.";

/// Where the municipality's standard asks for no evaluation of the anonymous talks.
pub fn no_talk_evaluation(kommune_name: &str) -> String {
    format!("{kommune_name}s kvalitetsstandard beder ikke om en evaluering af de anonyme samtaler, så en bookingkode kan ikke bruges her.")
}

/// "Samtalen tirsdag 1. december kl. 10.00–11.00".
pub fn talk_heading(kind_name: &str, when: &str) -> String {
    format!("{kind_name}, {when}")
}

pub const EVAL_KOMMUNE_LINK: &str = "Har du fået en evalueringskode? Svar anonymt her";

/// "Opfølgning 3 måneder efter behandlingen".
pub fn point_heading(point: u32) -> String {
    format!("Opfølgning {} efter behandlingen", months(point))
}

/// "1 måned", "6 måneder".
pub fn months(n: u32) -> String {
    if n == 1 { "1 måned".into() } else { format!("{n} måneder") }
}

/// The follow-up points in running text: "1, 3, 6 og 12 måneder".
pub fn points_text(points: &[u32]) -> String {
    let numbers: Vec<String> = points.iter().map(u32::to_string).collect();
    let joined = match numbers.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{joined} {}", if points == [1] { "måned" } else { "måneder" })
}

pub fn not_yet(first: Month) -> String {
    format!("Din første opfølgning er fra {}. Kom tilbage med koden, når den tid kommer.", month_name(first))
}

pub fn next_point(next: Month) -> String {
    format!("Næste opfølgning er fra {}.", month_name(next))
}

/// The moment's name, as staff choose it and as the questionnaire is headed.
pub fn moment_name(m: Moment) -> &'static str {
    match m {
        Moment::Talk => "Efter en anonym samtale",
        Moment::GroupCourse => "Ved afslutning af et gruppeforløb",
        Moment::Discharge => "Ved udskrivning",
        Moment::FollowUp => "Opfølgning efter behandling",
    }
}

/// An answer's words.
pub fn answer_name(set: AnswerSet, answer: &str) -> &'static str {
    match (set, answer) {
        (_, crate::domain::evaluation::UNANSWERED) => "Ikke besvaret",
        (AnswerSet::Agreement, "helt-enig") => "Helt enig",
        (AnswerSet::Agreement, "enig") => "Enig",
        (_, "hverken-eller") => "Hverken eller",
        (AnswerSet::Agreement, "uenig") => "Uenig",
        (AnswerSet::Agreement, "helt-uenig") => "Helt uenig",
        (AnswerSet::Satisfaction, "meget-tilfreds") => "Meget tilfreds",
        (AnswerSet::Satisfaction, "tilfreds") => "Tilfreds",
        (AnswerSet::Satisfaction, "utilfreds") => "Utilfreds",
        (AnswerSet::Satisfaction, "meget-utilfreds") => "Meget utilfreds",
        (AnswerSet::UseNow, "ingen") => "Jeg bruger ingen rusmidler nu",
        (AnswerSet::UseNow, "mindre") => "Jeg bruger mindre end før behandlingen",
        (AnswerSet::UseNow, "uaendret") => "Det samme som før behandlingen",
        (AnswerSet::UseNow, "mere") => "Jeg bruger mere end før behandlingen",
        (AnswerSet::ContactWish, "ja") => "Ja",
        (AnswerSet::ContactWish, "nej") => "Nej",
        _ => "Ukendt svar",
    }
}

const MONTHS: [&str; 12] = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/// "november 2026".
pub fn month_name(m: Month) -> String {
    format!("{} {}", MONTHS[(m.month - 1) as usize], m.year)
}

// The staff's codes.
pub const STAFF_NAV_EVALUATION: &str = "Evalueringskoder";
pub const STAFF_NAV_REPORT: &str = "Rapport";
pub const EVAL_CODES_TITLE: &str = "Evalueringskoder";
pub const EVAL_CODES_LEAD: &str = "Giv en kode til hver borger, der skal evaluere, på en seddel eller læst højt. Koden bærer kun kommune, behandlingssted, tidspunkt og måned: intet om personen. Den vises kun her, én gang; portalen gemmer kun et nøglet hash af den.";
pub const EVAL_MOMENT: &str = "Tidspunkt";
pub const EVAL_HOW_MANY: &str = "Antal koder";
pub const EVAL_HOW_MANY_HINT: &str = "1–50. Én kode pr. borger.";
pub const EVAL_MAKE: &str = "Lav koder";
pub const EVAL_ERR_COUNT: &str = "Skriv et antal koder fra 1 til 50.";
pub const EVAL_ERR_MOMENT: &str = "Vælg et tidspunkt, som kommunens kvalitetsstandard nævner.";
pub const EVAL_ERR_NO_MOMENTS: &str = "Kommunens kvalitetsstandard nævner ingen evaluering, som portalen kan tage imod.";
pub const EVAL_MADE_HEADING: &str = "Nye koder: print siden eller skriv dem af nu";
pub const EVAL_MADE_NOTE: &str = "Koderne vises ikke igen. Klip sedlerne ud, og giv én til hver borger.";
pub const EVAL_SLIP_WHERE: &str = "Svar anonymt på";
pub const EVAL_SLIP_CODE: &str = "Din kode";
pub const EVAL_PRINT: &str = "Print sedlerne";

/// "Kan bruges til og med januar 2027."
pub fn valid_until(m: Month) -> String {
    format!("Kan bruges til og med {}.", month_name(m))
}

/// The follow-up slip's line: "Svar efter 1 og 6 måneder. Samme kode hver gang."
pub fn slip_points(points: &[u32]) -> String {
    format!("Svar efter {}. Samme kode hver gang.", points_text(points))
}

pub fn codes_made(n: usize) -> String {
    if n == 1 { "Der er lavet 1 kode.".into() } else { format!("Der er lavet {n} koder.") }
}

// The report.
pub const REPORT_TITLE: &str = "Evaluering og opfølgning: rapport";
pub const REPORT_LEAD: &str = "Tallene hører til det kvartal, koden blev udleveret i; svar på en opfølgning tælles med, når de kommer. Tal under 5 vises ikke, og heller ikke et tal, der ellers kunne regnes ud af de andre tal i rapporten og i CSV-filen. Der vises kun hele kvartaler, så to rapporter ikke kan trækkes fra hinanden.";
pub const REPORT_PERIOD: &str = "Kvartal";
pub const REPORT_PREVIOUS: &str = "Forrige kvartal";
pub const REPORT_NEXT: &str = "Næste kvartal";
pub const REPORT_BAD_QUARTER: &str = "Kvartalet skal skrives som år og kvartal, fx 2026-K4. Rapporten viser det nuværende kvartal.";
pub const REPORT_RATES_HEADING: &str = "Svarprocent";
pub const REPORT_HANDED_OUT: &str = "Udleveret";
pub const REPORT_ANSWERED: &str = "Besvaret";
pub const REPORT_NOT_ANSWERED: &str = "Ikke besvaret";
pub const REPORT_RATE: &str = "Svarprocent";
pub const REPORT_TOTAL: &str = "I alt";
pub const REPORT_ALL_SITES: &str = "Kommunen i alt";
/// A suppressed count, small or not: both alike, so the mark says nothing about the count.
pub const REPORT_HIDDEN: &str = "skjult";
/// Why a count, a total too, may say »skjult«.
pub const REPORT_HIDDEN_NOTE: &str = "»skjult«: tallet er under 5, eller det er skjult, for at et tal under 5 et andet sted i rapporten ikke kan regnes ud af det. Det gælder også totaler, så et skjult tal kan godt være stort.";
pub const REPORT_NOT_SHOWN: &str = "–";
pub const REPORT_TARGETS_HEADING: &str = "Opfølgningen målt op mod kvalitetsstandardens mål";
pub const REPORT_TARGET: &str = "Mål";
pub const REPORT_MEASURED: &str = "Målt";
pub const REPORT_NOT_MEASURED: &str = "Måles ikke her: portalens anonyme opfølgning spørger ikke om det.";
pub const REPORT_TOO_FEW: &str = "For få svar til at vise en andel.";
pub const REPORT_MET: &str = "Målet er nået";
pub const REPORT_NOT_MET: &str = "Målet er ikke nået";
pub const REPORT_NO_TARGETS: &str = "Kommunens gældende kvalitetsstandard sætter ingen måltal, som opfølgningen kan måles op imod.";
pub const REPORT_NO_DATA: &str = "Ingen koder er udleveret i kvartalet.";
pub const REPORT_CSV: &str = "Hent rapporten som CSV";
pub const REPORT_CSV_HEADER: [&str; 11] =
    ["Kommune", "Kvartal", "Tidspunkt", "Opfølgning (måneder)", "Tabel", "Behandlingssted", "Kolonne", "Antal", "Kilde", "Afsnit", "Citat"];
pub const REPORT_CSV_RATES: &str = "Svarprocent";
pub const REPORT_CSV_TARGET: &str = "Mål";
pub const REPORT_GUARANTEE_LINK: &str = "Behandlingsgarantien (de identificerede henvendelser) rapporteres for sig, af sagsbehandlerne";

/// "Mindst 35 %" / "Højst 30 %".
pub fn target_value(percent: u32, at_least: bool) -> String {
    format!("{} {percent} %", if at_least { "Mindst" } else { "Højst" })
}

/// "38 % (21 af 55 svar)".
pub fn measured(share: u64, part: u64, whole: u64) -> String {
    format!("{share} % ({part} af {whole} svar)")
}

pub fn report_file_name(kommune: &str, quarter: &str) -> String {
    format!("evaluering-{kommune}-{}.csv", quarter.to_lowercase())
}
