//! The staff side (/personale): signing in, the calendar, opening hours and accounts, and the
//! domain's refusals of a staff form.

use crate::domain::opening_form::{ExtraSlotError, OpeningFormError};
use crate::domain::staff::{AccountProblem, TalkActionError};

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

/// Why a counsellor's mark on a talk was refused.
pub fn talk_action_error(e: TalkActionError) -> &'static str {
    match e {
        TalkActionError::UnknownOutcome => "Vælg et af de viste udfald.",
        TalkActionError::NoOutcome => "Vælg samtalens udfald, før du markerer den som holdt.",
        TalkActionError::NoAction => "Vælg, hvad der skal ske med samtalen.",
    }
}

/// Why a new account (or a new password) was refused.
pub fn account_problem(p: AccountProblem) -> &'static str {
    match p {
        AccountProblem::UsernameLength => "Brugernavnet skal være 3–40 tegn.",
        AccountProblem::UsernameCharacters => "Brugernavnet må kun indeholde a–z, 0–9, punktum, bindestreg og understreg.",
        AccountProblem::PasswordTooShort => "Adgangskoden skal være mindst 12 tegn.",
        AccountProblem::PasswordTooLong => "Adgangskoden må højst være 200 tegn.",
        AccountProblem::NoKommune => "Vælg kontoens kommune.",
    }
}

/// What is wrong with a field of the opening-hours form.
pub fn opening_form_error(e: &OpeningFormError) -> String {
    match e {
        OpeningFormError::RuleWeekday(n) => format!("Regel {n}: vælg en ugedag."),
        OpeningFormError::RuleTimes(n) => format!("Regel {n}: skriv fra og til som klokkeslæt, fx 09:00 og 14:00."),
        OpeningFormError::RuleOrder(n) => format!("Regel {n}: »til« skal ligge efter »fra«."),
        OpeningFormError::RuleMinutes(n) => format!("Regel {n}: en samtale skal vare 5–480 minutter."),
        OpeningFormError::RuleCapacity(n) => format!("Regel {n}: antal pladser skal være 1–20."),
        OpeningFormError::ClosedDate(line) => format!("Lukkedagen »{line}« er ikke en dato. Skriv fx 24.12.2026."),
        OpeningFormError::ClosedEveryYear(line) => format!("Den årlige lukkedag »{line}« er ikke en dag og en måned. Skriv fx 24.12."),
        OpeningFormError::ClosedTooLong => {
            format!("Lukkedagene fylder for meget: højst {} tegn. Slet datoer, der er gået.", crate::domain::opening_form::CLOSED_MAX_CHARS)
        }
        OpeningFormError::ClosedEveryYearTooLong => {
            format!("De årlige lukkedage fylder for meget: højst {} tegn.", crate::domain::opening_form::CLOSED_EVERY_YEAR_MAX_CHARS)
        }
        OpeningFormError::Notice => "Varslet skal være et helt antal timer fra 0 til 336.".to_string(),
        OpeningFormError::Horizon => "Hvor langt frem der kan bookes skal være 1–366 dage.".to_string(),
    }
}

/// What is wrong with a field of the extra-slot form.
pub fn extra_slot_error(e: ExtraSlotError) -> &'static str {
    match e {
        ExtraSlotError::Date => "Skriv datoen, fx 7.12.2026.",
        ExtraSlotError::Time => "Skriv klokkeslættet, fx 16:00.",
        ExtraSlotError::Minutes => "En samtale skal vare 5–480 minutter.",
        ExtraSlotError::Capacity => "Antal pladser skal være 1–20.",
        ExtraSlotError::NoSuchTime => "Det klokkeslæt findes ikke den dag (sommertid). Vælg et andet.",
        ExtraSlotError::InPast => "Tiden er allerede gået. Vælg en tid i fremtiden.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_forms_errors_name_their_row_or_line() {
        assert_eq!(opening_form_error(&OpeningFormError::RuleWeekday(1)), "Regel 1: vælg en ugedag.");
        assert_eq!(
            opening_form_error(&OpeningFormError::ClosedEveryYear("30.02".into())),
            "Den årlige lukkedag »30.02« er ikke en dag og en måned. Skriv fx 24.12."
        );
        assert!(opening_form_error(&OpeningFormError::ClosedDate("juleaften".into())).contains("»juleaften«"));
        let all = [
            OpeningFormError::RuleWeekday(2),
            OpeningFormError::RuleTimes(2),
            OpeningFormError::RuleOrder(2),
            OpeningFormError::RuleMinutes(2),
            OpeningFormError::RuleCapacity(2),
            OpeningFormError::ClosedDate("x".into()),
            OpeningFormError::ClosedEveryYear("x".into()),
            OpeningFormError::ClosedTooLong,
            OpeningFormError::ClosedEveryYearTooLong,
            OpeningFormError::Notice,
            OpeningFormError::Horizon,
        ];
        for e in &all {
            assert!(opening_form_error(e).ends_with('.'), "{e:?}");
        }
        for e in [ExtraSlotError::Date, ExtraSlotError::Time, ExtraSlotError::Minutes, ExtraSlotError::Capacity, ExtraSlotError::NoSuchTime, ExtraSlotError::InPast] {
            assert!(extra_slot_error(e).ends_with('.'), "{e:?}");
        }
        assert!(extra_slot_error(ExtraSlotError::InPast).contains("allerede gået"));
        assert!(extra_slot_error(ExtraSlotError::NoSuchTime).contains("sommertid"));
    }

    #[test]
    fn staff_refusals_are_sentences() {
        for e in [TalkActionError::NoAction, TalkActionError::NoOutcome, TalkActionError::UnknownOutcome] {
            assert!(talk_action_error(e).ends_with('.'), "{e:?}");
        }
        for p in [AccountProblem::UsernameLength, AccountProblem::UsernameCharacters, AccountProblem::PasswordTooShort, AccountProblem::PasswordTooLong, AccountProblem::NoKommune] {
            assert!(account_problem(p).ends_with('.'), "{p:?}");
        }
    }
}
