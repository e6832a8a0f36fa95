//! Phone numbers and e-mail addresses inside a text, so that a page can offer each as a `tel:` or
//! `mailto:` link: on a phone, a person taps to call instead of copying digits. The texts are the
//! standards' own words, so the numbers are found in them rather than typed twice.

/// A piece of a text: plain words, or a phone number or e-mail address with its link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Phone { shown: String, href: String },
    Email { shown: String, href: String },
}

/// Splits `text` into plain text and the Danish phone numbers and e-mail addresses in it.
///
/// A phone number is eight digits, written together, in pairs (`20 69 28 33`) or in fours
/// (`2069 2833`), optionally after `+45`; digits run on either side (a longer number, a date
/// written without separators) make it no phone number. An e-mail address is `name@domain.tld`.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < text.len() {
        let found = phone_at(text, i).map(|(end, digits)| (end, Piece::Phone { shown: text[i..end].to_string(), href: format!("tel:+45{digits}") }));
        let found = found.or_else(|| email_at(text, plain_from, i).map(|(start, end)| (end, Piece::Email { shown: text[start..end].to_string(), href: format!("mailto:{}", &text[start..end]) })));
        match found {
            Some((end, piece)) => {
                // An e-mail address starts before `i` (at its name): cut the plain text there.
                let start = match &piece {
                    Piece::Email { shown, .. } => end - shown.len(),
                    _ => i,
                };
                if plain_from < start {
                    out.push(Piece::Text(text[plain_from..start].to_string()));
                }
                out.push(piece);
                plain_from = end;
                i = end;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < text.len() {
        out.push(Piece::Text(text[plain_from..].to_string()));
    }
    out
}

/// The first phone number in `text` as a `tel:` link.
pub fn tel_href(text: &str) -> Option<String> {
    pieces(text).into_iter().find_map(|p| match p {
        Piece::Phone { href, .. } => Some(href),
        _ => None,
    })
}

/// The first phone number in `text` as written there.
pub fn phone_shown(text: &str) -> Option<String> {
    pieces(text).into_iter().find_map(|p| match p {
        Piece::Phone { shown, .. } => Some(shown),
        _ => None,
    })
}

/// A phone number starting at byte `i`: where it ends, and its eight digits.
fn phone_at(text: &str, i: usize) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'+') {
        return None;
    }
    let mut j = i;
    if text[i..].starts_with("+45") {
        j += 3;
        if bytes.get(j) == Some(&b' ') {
            j += 1;
        }
    }
    let mut digits = String::new();
    let mut groups = Vec::new();
    let mut group = 0;
    while digits.len() < 8 {
        match bytes.get(j) {
            Some(b) if b.is_ascii_digit() => {
                digits.push(*b as char);
                group += 1;
                j += 1;
            }
            Some(b' ') if group > 0 && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) => {
                groups.push(group);
                group = 0;
                j += 1;
            }
            _ => break,
        }
    }
    groups.push(group);
    let grouped = groups == [8] || groups == [2, 2, 2, 2] || groups == [4, 4];
    let ends_there = !bytes.get(j).is_some_and(u8::is_ascii_alphanumeric);
    (digits.len() == 8 && grouped && ends_there).then_some((j, digits))
}

fn email_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// An e-mail address whose `@` is at byte `i` and which starts no earlier than `from`: its start
/// and end.
fn email_at(text: &str, from: usize, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    if bytes[i] != b'@' {
        return None;
    }
    let start = (from..i).rev().take_while(|&k| email_char(bytes[k])).last()?;
    // A name that runs on from a letter outside ASCII (`øl@…`) is not one we can link whole.
    if start > 0 && bytes[start - 1] >= 0x80 {
        return None;
    }
    let mut end = (i + 1..bytes.len()).take_while(|&k| bytes[k].is_ascii_alphanumeric() || matches!(bytes[k], b'.' | b'-')).last()? + 1;
    // A full stop or hyphen that ends a sentence is not part of the address.
    while end > i + 1 && matches!(bytes[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &text[i + 1..end];
    let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    (tld_ok && !text[start..i].starts_with('.')).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(shown: &str, digits: &str) -> Piece {
        Piece::Phone { shown: shown.into(), href: format!("tel:+45{digits}") }
    }

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    #[test]
    fn danish_numbers_in_pairs_fours_or_together_become_tel_links() {
        assert_eq!(pieces("20 69 28 33"), [phone("20 69 28 33", "20692833")]);
        assert_eq!(
            pieces("99 17 19 20 (visitationen for Handicap og Socialpsykiatri)"),
            [phone("99 17 19 20", "99171920"), text(" (visitationen for Handicap og Socialpsykiatri)")]
        );
        assert_eq!(pieces("Ring på 2069 2833."), [text("Ring på "), phone("2069 2833", "20692833"), text(".")]);
        assert_eq!(pieces("tlf. +45 20692833"), [text("tlf. "), phone("+45 20692833", "20692833")]);
        assert_eq!(tel_href("Telefon: 43 57 72 04 eller 20 69 28 33").as_deref(), Some("tel:+4543577204"));
    }

    #[test]
    fn dates_years_amounts_and_longer_numbers_stay_text() {
        for s in ["24.12.2026", "2020–2022", "1 000 000 kr.", "123456789", "CVR 1234567890", "20 69 28 3", "206 928 33", "a20692833"] {
            assert_eq!(pieces(s), [text(s)], "{s}");
        }
        assert_eq!(pieces(""), []);
    }

    #[test]
    fn e_mail_addresses_become_mailto_links_without_the_full_stop_after_them() {
        assert_eq!(
            pieces("til Pitstops hovedadresse, pitstop@ishoj.dk, via Digital Post."),
            [
                text("til Pitstops hovedadresse, "),
                Piece::Email { shown: "pitstop@ishoj.dk".into(), href: "mailto:pitstop@ishoj.dk".into() },
                text(", via Digital Post."),
            ]
        );
        assert_eq!(pieces("Skriv til social@thisted.dk."), [text("Skriv til "), Piece::Email { shown: "social@thisted.dk".into(), href: "mailto:social@thisted.dk".into() }, text(".")]);
        for s in ["@ishoj.dk", "pitstop@", "pitstop@ishoj", "a @ b.dk", "x@y.1"] {
            assert!(pieces(s).iter().all(|p| matches!(p, Piece::Text(_))), "{s}");
        }
    }

    #[test]
    fn the_text_is_kept_whole_around_the_links() {
        let s = "Æble: 20 69 28 33 · øl@bryg.dk – ære";
        let joined: String = pieces(s)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Phone { shown: t, .. } | Piece::Email { shown: t, .. } => t,
            })
            .collect();
        assert_eq!(joined, s);
    }
}
