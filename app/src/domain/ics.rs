//! A calendar file (RFC 5545) for one talk: the only reminder the portal can give, because it
//! knows no way to reach the person. Times are written in Europe/Copenhagen with a VTIMEZONE, so
//! calendars show the right hour (Cal.com #225), and a VALARM reminds two hours before.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Copenhagen;

/// The longest title accepted from the person; the default is the neutral "Aftale".
pub const MAX_TITLE_CHARS: usize = 60;

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut octets = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if octets + len > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += len;
    }
    out
}

/// The title a person typed, cleaned: trimmed, control characters removed, at most 60
/// characters; empty becomes "Aftale".
pub fn clean_title(typed: &str) -> String {
    let t: String = typed.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_TITLE_CHARS).collect();
    if t.is_empty() { "Aftale".to_string() } else { t }
}

/// A calendar file with one event and a reminder two hours before. `place` and `description`
/// are the person's choice (issue 21): a calendar others may see then shows only the title and
/// the time, so both are left out unless asked for.
pub fn calendar(uid: &str, title: &str, place: Option<&str>, description: Option<&str>, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    file(&[Event { uid, title, place, description, starts_at, ends_at }], now)
}

/// One event of a calendar file.
pub struct Event<'a> {
    pub uid: &'a str,
    pub title: &'a str,
    pub place: Option<&'a str>,
    pub description: Option<&'a str>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A calendar file with the events, each with a reminder two hours before (the follow-up's
/// reminders are several events in one file).
pub fn file(events: &[Event<'_>], now: DateTime<Utc>) -> String {
    let local = |t: DateTime<Utc>| t.with_timezone(&Copenhagen).format("%Y%m%dT%H%M%S").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Rusmiddelportalen//DA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}", e.uid),
            format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;TZID=Europe/Copenhagen:{}", local(e.starts_at)),
            format!("DTEND;TZID=Europe/Copenhagen:{}", local(e.ends_at)),
            format!("SUMMARY:{}", escape(e.title)),
        ]);
        lines.extend(e.place.map(|p| format!("LOCATION:{}", escape(p))));
        lines.extend(e.description.map(|d| format!("DESCRIPTION:{}", escape(d))));
        lines.extend([
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", escape(e.title)),
            "TRIGGER:-PT2H".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l) + "\r\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn sample(start: &str) -> String {
        let s = utc(start);
        calendar("x@rusmiddelportalen", "Aftale", Some("Pitstop, Søstedet, Ishøj Søvej 1, 2635 Ishøj"), Some("Betegnelse: blå måge 42"), s, s + chrono::Duration::hours(1), utc("2026-11-23T12:00:00Z"))
    }

    #[test]
    fn the_place_and_the_description_are_there_only_when_asked_for() {
        let s = utc("2026-12-07T15:00:00Z");
        let discreet = calendar("u", "Aftale", None, None, s, s + chrono::Duration::hours(1), s);
        assert!(!discreet.contains("LOCATION"), "{discreet}");
        // The alarm's own DESCRIPTION (its text) is the title; the event has none.
        assert_eq!(discreet.matches("DESCRIPTION:").count(), 1);
        assert!(discreet.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Aftale\r\n"));
        let full = sample("2026-12-07T15:00:00Z");
        assert!(full.contains("LOCATION:Pitstop\\, Søstedet\\, Ishøj Søvej 1\\, 2635 Ishøj\r\n"), "{full}");
        assert!(full.contains("DESCRIPTION:Betegnelse: blå måge 42\r\n"));
    }

    #[test]
    fn local_copenhagen_times_with_a_timezone_and_an_alarm() {
        let winter = sample("2026-12-07T15:00:00Z");
        assert!(winter.contains("DTSTART;TZID=Europe/Copenhagen:20261207T160000\r\n"));
        assert!(winter.contains("DTEND;TZID=Europe/Copenhagen:20261207T170000\r\n"));
        assert!(winter.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
        assert!(winter.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
        assert!(winter.contains("TRIGGER:-PT2H\r\n"));
        let summer = sample("2026-06-02T14:00:00Z");
        assert!(summer.contains("DTSTART;TZID=Europe/Copenhagen:20260602T160000\r\n"));
    }

    #[test]
    fn every_line_ends_in_crlf_and_fits_75_octets() {
        let long = calendar("u", &"ø".repeat(60), Some(&"Sted, ".repeat(20)), Some("a;b,c\\d\ne"), utc("2026-12-07T15:00:00Z"), utc("2026-12-07T16:00:00Z"), utc("2026-12-01T00:00:00Z"));
        assert!(long.ends_with("END:VCALENDAR\r\n"));
        for line in long.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(long.contains("a\\;b\\,c\\\\d\\ne"));
        // Unfolding gives back the title whole.
        assert!(long.replace("\r\n ", "").contains(&format!("SUMMARY:{}", "ø".repeat(60))));
    }

    #[test]
    fn several_events_share_one_file() {
        let a = utc("2027-01-05T09:00:00Z");
        let b = utc("2027-06-05T08:00:00Z");
        let events = [
            Event { uid: "1@x", title: "Opfølgning", place: None, description: None, starts_at: a, ends_at: a + chrono::Duration::minutes(15) },
            Event { uid: "2@x", title: "Opfølgning", place: None, description: None, starts_at: b, ends_at: b + chrono::Duration::minutes(15) },
        ];
        let f = file(&events, a);
        assert_eq!(f.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(f.matches("BEGIN:VCALENDAR").count(), 1);
        assert!(f.contains("DTSTART;TZID=Europe/Copenhagen:20270105T100000\r\n") && f.contains("DTSTART;TZID=Europe/Copenhagen:20270605T100000\r\n"));
    }

    #[test]
    fn titles_are_cleaned_and_default_to_a_neutral_word() {
        assert_eq!(clean_title(""), "Aftale");
        assert_eq!(clean_title("   "), "Aftale");
        assert_eq!(clean_title("Tandlæge\r\n"), "Tandlæge");
        assert_eq!(clean_title(&"x".repeat(200)).chars().count(), MAX_TITLE_CHARS);
    }
}
