//! Property-based tests over the domain parsers that read what people type or what a request
//! carries: the token, the calculator's dates, the guide's answers and the slot rules. Each
//! property states what must hold for *any* input, so proptest searches for the input that
//! breaks it (and shrinks it to the smallest such input when one does).

use app::domain::deadlines::{parse_date, DateError};
use app::domain::rights::{answer_value, read_answers, Question, Role, Situation, Substance, MAX_AGE};
use app::domain::slots::{bookable, free_slots, slots, DayOfYear, OpeningHours, SlotError, WeeklyRule};
use app::domain::token::{Token, TokenError, SYMBOLS};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use proptest::prelude::*;
use std::collections::HashMap;

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    // ------------------------------------------------------------------ token

    /// Any text at all: parsing never panics, and what it accepts is canonical and stable.
    #[test]
    fn token_parse_accepts_only_canonical_tokens(input in "\\PC{0,40}|[0-9A-Za-z -]{0,30}") {
        match Token::parse(&input) {
            Ok(t) => {
                prop_assert_eq!(t.canonical().len(), SYMBOLS);
                prop_assert!(t.canonical().chars().all(|c| ALPHABET.contains(c)));
                prop_assert_eq!(Token::parse(t.canonical()), Ok(t.clone()));
                prop_assert_eq!(Token::parse(&t.grouped()), Ok(t));
            }
            Err(e) => prop_assert!(!app::text::t::token_error(e).is_empty()),
        }
    }

    /// However a real token is typed (case, dashes, spaces, O for 0, I/L for 1), it is the same token.
    #[test]
    fn token_survives_the_ways_people_type_it(lower in any::<bool>(), sep in prop::sample::select(vec!["", " ", "-", "  ", " - "]), fold in any::<bool>()) {
        let token = Token::generate();
        let mut typed: String = token.canonical().as_bytes().chunks(3).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(sep);
        if fold {
            typed = typed.replace('0', "O").replace('1', "l");
        }
        if lower {
            typed = typed.to_lowercase();
        }
        prop_assert_eq!(Token::parse(&format!("  {typed} ")), Ok(token));
    }

    /// One mistyped symbol is always caught (Luhn mod 32), never read as another person's token.
    #[test]
    fn one_wrong_symbol_is_always_caught(pos in 0..SYMBOLS, by in 1usize..32) {
        let token = Token::generate();
        let mut symbols: Vec<char> = token.canonical().chars().collect();
        let i = ALPHABET.find(symbols[pos]).unwrap();
        symbols[pos] = ALPHABET.as_bytes()[(i + by) % 32] as char;
        let typed: String = symbols.into_iter().collect();
        prop_assert_eq!(Token::parse(&typed), Err(TokenError::CheckFailed));
    }

    /// Too short or too long is told as a length problem, whatever the symbols.
    #[test]
    fn wrong_length_is_reported_as_length(n in (1usize..40).prop_filter("not 18", |n| *n != SYMBOLS), s in "[0-9A-Z]{40}") {
        prop_assert_eq!(Token::parse(&s[..n]), Err(TokenError::WrongLength));
    }

    // ------------------------------------------------------------------ dates

    /// Any text: no panic; an accepted date lies between 1 January 2000 and today.
    #[test]
    fn parse_date_accepts_only_days_from_2000_to_today(input in "\\PC{0,14}|[0-9./-]{0,12}", today in date_between(2000, 2100)) {
        if let Ok(d) = parse_date(&input, today) {
            prop_assert!(d <= today && d >= NaiveDate::from_ymd_opt(2000, 1, 1).unwrap());
        }
    }

    /// Every real day is read back from each way it is written, and refused once it is in the future.
    #[test]
    fn parse_date_reads_every_written_form(d in date_between(2000, 2099), ahead in 0i64..800) {
        let today = d + Duration::days(ahead);
        for written in [d.format("%Y-%m-%d").to_string(), d.format("%-d.%-m.%Y").to_string(), d.format("%d-%m-%Y").to_string(), d.format("%d/%m/%Y").to_string()] {
            prop_assert_eq!(parse_date(&written, today), Ok(d), "{}", written);
            if ahead > 0 {
                prop_assert_eq!(parse_date(&written, d - Duration::days(ahead)), Err(DateError::InTheFuture), "{}", written);
            }
        }
    }

    /// Out-of-range day and month numbers are refused, never rolled over into another date.
    #[test]
    fn impossible_days_are_refused(y in 2000i32..2100, m in 0u32..40, day in 0u32..40) {
        let today = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
        let r = parse_date(&format!("{y:04}-{m:02}-{day:02}"), today);
        match NaiveDate::from_ymd_opt(y, m, day) {
            Some(real) => prop_assert_eq!(r, Ok(real)),
            None => prop_assert!(matches!(r, Err(DateError::Malformed | DateError::NoSuchDay))),
        }
    }

    // ------------------------------------------------------------------ the guide's answers

    /// Any query values: no panic; an answer is read exactly when its value is known, and every
    /// other non-empty value is reported against its own question.
    #[test]
    fn read_answers_reports_each_bad_value_against_its_question(values in prop::collection::vec(("\\PC{0,6}|ja|nej|selv|begge|[0-9]{1,5}", any::<bool>()), 7)) {
        let map: HashMap<&str, String> = Question::ALL.iter().zip(&values).filter(|(_, (_, present))| *present).map(|(q, (v, _))| (q.key(), v.clone())).collect();
        let (s, errors) = read_answers(|k| map.get(k).cloned());
        for q in Question::ALL {
            let given = map.get(q.key()).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
            let read = answer_value(&s, q).is_some();
            let refused = errors.iter().any(|(e, _)| *e == q);
            prop_assert!(!(read && refused), "{:?} both read and refused", q);
            prop_assert_eq!(given.is_some(), read || refused, "{:?}: given {:?}", q, given);
        }
        if let Some(age) = s.age {
            prop_assert!(age <= MAX_AGE);
        }
    }

    /// Every situation survives the trip through the query string and back.
    #[test]
    fn answers_round_trip(s in situation()) {
        let values: HashMap<&str, String> = Question::ALL.iter().filter_map(|q| answer_value(&s, *q).map(|v| (q.key(), v))).collect();
        let (read, errors) = read_answers(|k| values.get(k).cloned());
        prop_assert!(errors.is_empty());
        prop_assert_eq!(read, s);
    }

    // ------------------------------------------------------------------ slot rules

    /// For any opening hours and any moment: slots are in order, distinct, within notice and
    /// horizon, on open days, and each is bookable as itself.
    #[test]
    fn every_offered_slot_is_bookable_and_within_the_rules(h in opening_hours(), now in instant()) {
        let all = slots(&h, now);
        prop_assert!(all.windows(2).all(|w| w[0].starts_at < w[1].starts_at));
        let last_day = app::domain::slots::today(now) + Duration::days(i64::from(h.horizon_days));
        for s in &all {
            prop_assert!(s.starts_at >= now + Duration::hours(i64::from(h.min_notice_hours)));
            let day = s.local_start().date_naive();
            prop_assert!(day <= last_day && !h.closed.contains(&day));
            prop_assert!(!h.closed_every_year.iter().any(|d| d.is(day)));
            prop_assert!(!h.closed_on_public_holidays || app::domain::holidays::public_holiday(day).is_none());
            prop_assert!(s.capacity > 0 && s.ends_at > s.starts_at);
        }
        // `bookable` regenerates the slots, so check a sample of them against it.
        for s in all.iter().step_by((all.len() / 24).max(1)) {
            prop_assert_eq!(bookable(&h, now, s.starts_at), Ok(*s));
        }
        // Booking every seat of the first slot removes exactly that slot from the free ones.
        if let Some(first) = all.first() {
            let booked = HashMap::from([(first.starts_at, first.capacity)]);
            let free = free_slots(&h, now, &booked);
            prop_assert_eq!(free.len(), all.len() - 1);
            prop_assert!(free.iter().all(|f| f.slot.starts_at != first.starts_at && f.seats_left == f.slot.capacity));
        }
    }

    /// Any requested instant: `bookable` either refuses with a reason or returns an offered slot.
    #[test]
    fn bookable_accepts_only_offered_slots(h in opening_hours(), now in instant(), offset_minutes in -2_000i64..60_000) {
        let asked = now + Duration::minutes(offset_minutes);
        match bookable(&h, now, asked) {
            Ok(s) => prop_assert!(slots(&h, now).contains(&s)),
            Err(SlotError::Full) => prop_assert!(false, "seats are the store's business"),
            Err(e) => prop_assert!(!app::text::t::slot_error(e).is_empty()),
        }
    }
}

fn date_between(from: i32, to: i32) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(from, 1, 1).unwrap();
    let days = (NaiveDate::from_ymd_opt(to, 1, 1).unwrap() - start).num_days();
    (0..days).prop_map(move |d| start + Duration::days(d))
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2025–2030, minute precision: crosses daylight-saving changes and year ends.
    (1_735_689_600i64..1_893_456_000).prop_map(|s| DateTime::from_timestamp(s - s % 60, 0).unwrap())
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (0u8..7).prop_map(|d| Weekday::try_from(d).unwrap())
}

fn opening_hours() -> impl Strategy<Value = OpeningHours> {
    let rule = (weekday(), 0u32..24 * 4, 1u32..12 * 4, prop::sample::select(vec![0u32, 15, 20, 30, 45, 60, 90]), 0u32..4).prop_map(
        |(weekday, from_q, len_q, talk_minutes, capacity)| {
            let from = NaiveTime::from_hms_opt(from_q / 4, (from_q % 4) * 15, 0).unwrap();
            let to_q = (from_q + len_q).min(24 * 4 - 1);
            let to = NaiveTime::from_hms_opt(to_q / 4, (to_q % 4) * 15, 0).unwrap();
            WeeklyRule { weekday, from, to, talk_minutes, capacity }
        },
    );
    let yearly = (1u32..=12, 1u32..=31).prop_filter_map("a real day of the year", |(m, d)| DayOfYear::new(m, d));
    (
        prop::collection::vec(rule, 0..5),
        prop::collection::vec(date_between(2025, 2031), 0..4),
        any::<bool>(),
        prop::collection::vec(yearly, 0..3),
        0u32..72,
        0u32..40,
    )
        .prop_map(|(rules, closed, closed_on_public_holidays, closed_every_year, min_notice_hours, horizon_days)| OpeningHours {
            rules,
            closed,
            closed_on_public_holidays,
            closed_every_year,
            min_notice_hours,
            horizon_days,
            extra: vec![],
        })
}

fn situation() -> impl Strategy<Value = Situation> {
    let role = prop::option::of(prop::sample::select(vec![Role::Myself, Role::Relative, Role::Professional]));
    let substance = prop::option::of(prop::sample::select(vec![Substance::Alcohol, Substance::Drugs, Substance::Both]));
    let b = || prop::option::of(any::<bool>());
    (role, substance, prop::option::of(0u8..=MAX_AGE), b(), b(), b(), b()).prop_map(
        |(role, substance, age, anonymous, other_help, medicine, children)| Situation { role, substance, age, anonymous, other_help, medicine, children },
    )
}

#[test]
fn weekday_numbers_are_monday_first() {
    assert_eq!(Weekday::try_from(0u8).unwrap(), Weekday::Mon);
    assert_eq!(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().weekday(), Weekday::Mon);
}
