//! Rights: the overview, the topics, the guide "Hvad gælder for mig?" and the deadline
//! calculator.

use super::common::{NO, YES};

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
pub const ERROR_SUMMARY: &str = "Der er en fejl";
pub const ERR_CHOICE: &str = "Vælg et af svarene, eller spring spørgsmålet over.";
pub const ERR_AGE_NAN: &str = "Skriv alderen med tal, fx 17.";
pub const ERR_AGE_RANGE: &str = "Skriv en alder mellem 0 og 120 år.";

use crate::domain::claims::Ground;
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
/// Said instead of "call the site" where the site's own ages exclude the person.
pub fn site_not_for_age(site: &str, about: &str) -> String {
    format!("Ud fra din alder er {site} ikke stedet for dig. Kvalitetsstandarden beskriver tilbuddet sådan: {about}")
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
        Reason::Within { by, because, .. } => {
            format!("Gælder kun sammen med reglen »{by}«, som ikke gælder for {}: {}", answered_about(s.role), lowercase_first(&reason_text(because, s)))
        }
        Reason::Overruled { by, ground, deciding, also, .. } => {
            let who = answered_about(s.role);
            let why = match ground {
                Ground::Specific if !deciding.is_empty() => {
                    let answers: Vec<String> = deciding.iter().map(|c| answered(*c, s)).collect();
                    format!("den gælder netop, fordi du har svaret {}", answers.join(" og "))
                }
                Ground::Specific => "den gælder i det særlige tilfælde, som passer på dine svar".to_string(),
                Ground::Municipality => "kommunens egen kvalitetsstandard siger noget andet end den fælles regel".to_string(),
                Ground::Current => "den gældende kvalitetsstandard siger noget andet end den udløbne".to_string(),
            };
            match also {
                // A person who uses both: each substance has its own winner, and both are named.
                Some(also) => format!(
                    "For {who} gælder reglen »{}« ved behandling for {} og reglen »{by}« ved behandling for {} i stedet, og {why}.",
                    also.by,
                    substance_word(also.kind),
                    substance_word(also.kind.other())
                ),
                None => format!("For {who} gælder reglen »{by}« i stedet, og {why}."),
            }
        }
        Reason::AnonymityUnavailable { by, .. } => {
            format!("Gælder kun ved anonym behandling, og den kan {} ikke få: reglen »{by}« gælder ikke for {}.", answered_subject(s.role), answered_about(s.role))
        }
    }
}

/// Who the answers are about, as the subject of a sentence.
fn answered_subject(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Relative) => "den, du er pårørende til,",
        Some(Role::Professional) => "borgeren",
        _ => "du",
    }
}

/// Said above the result where the person asked for anonymity but no rule offers it to them:
/// the rest of the result is for treatment with their name.
pub fn anonymity_unavailable(role: Option<Role>, rule: &str) -> String {
    format!(
        "Du har svaret, at {} vil være anonym, men efter reglen »{rule}« er det ikke muligt her. Resultatet viser derfor, hvad der gælder ved behandling med navn.",
        answered_subject(role).trim_end_matches(',')
    )
}

/// A kind of treatment as the object of "behandling for …".
fn substance_word(kind: SubstanceKind) -> &'static str {
    match kind {
        SubstanceKind::Alcohol => "alkohol",
        SubstanceKind::Drugs => "stoffer",
    }
}

/// Beside a rule that holds for a person who uses both, but for one substance only.
pub fn only_for(kind: SubstanceKind, other_rule: &str) -> String {
    format!("Gælder for behandling for {}. For {} gælder reglen »{other_rule}«.", substance_word(kind), substance_word(kind.other()))
}

/// Beside a rule that may apply, unless a rule that wins over it does.
pub fn unless_rule(other_rule: &str) -> String {
    format!("Gælder ikke, hvis reglen »{other_rule}« gælder.")
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
    format!("I {short} regnes de {days} dage fra den dag, du personligt møder op og siger, at du ønsker behandling.")
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
