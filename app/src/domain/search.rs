//! Danish-aware full-text matching for the catalogue and the standards.
//!
//! Small enough to need no index: a few hundred texts are matched term by term on each request.
//! A query term matches a word of the text when, after case folding and the Danish Snowball stem,
//! it is the start of that word ("stof" finds "stofmisbrug", "behandlinger" finds "behandling"),
//! or — for longer stems — anywhere inside it, because Danish writes compounds as one word
//! ("misbrug" finds "stofmisbrug", "behandling" finds "alkoholbehandling"). Every term must match.
//! æ/ø/å stay letters of their own, but a query typed without them ("vallensbaek", "ishoj",
//! "paaroerende") still finds them.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Longer queries are cut: nobody types more, and it bounds the work per request.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_TERMS: usize = 12;
/// Stems at least this long also match inside a compound word.
const INFIX_MIN: usize = 5;

static DANISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Danish));

/// A parsed query: the terms a text must all contain.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
}

#[derive(Clone, Debug, PartialEq)]
struct Term {
    /// Stem, folded two ways (see `Folded`).
    stem: Folded,
}

/// A word in two spellings: æ/ø/å written out ("ae", "oe", "aa") and reduced to a plain vowel
/// ("a", "o", "a"). Someone who types "ishoj" writes the second; "paaroerende" the first.
#[derive(Clone, Debug, PartialEq)]
struct Folded {
    long: String,
    short: String,
}

fn fold(word: &str) -> Folded {
    let mut long = String::with_capacity(word.len());
    let mut short = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => {
                long.push_str("ae");
                short.push('a');
            }
            'ø' => {
                long.push_str("oe");
                short.push('o');
            }
            'å' => {
                long.push_str("aa");
                short.push('a');
            }
            'é' | 'è' => {
                long.push('e');
                short.push('e');
            }
            'ü' => {
                long.push('u');
                short.push('u');
            }
            c => {
                long.push(c);
                short.push(c);
            }
        }
    }
    // A transliterated query ("paaroerende") must find "pårørende" in either spelling.
    let short = short.replace("aa", "a").replace("oe", "o").replace("ae", "a");
    Folded { long, short }
}

/// Words of a text: runs of letters and digits (æ/ø/å included); everything else separates.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

impl Query {
    /// Parses what a person typed. Returns `None` when nothing searchable is left (empty input,
    /// only punctuation): the caller then shows everything instead of nothing.
    pub fn parse(input: &str) -> Option<Query> {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut terms: Vec<Term> = Vec::new();
        for word in words(&input).take(MAX_TERMS) {
            let lower = word.to_lowercase();
            let stem = DANISH.stem(&lower);
            // A stem shorter than two letters would match nearly every word.
            let stem = if stem.chars().count() < 2 { lower.clone() } else { stem.into_owned() };
            let term = Term { stem: fold(&stem) };
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        (!terms.is_empty()).then_some(Query { terms })
    }

    /// Whether every term occurs in the text; the score is higher when terms start words and
    /// when they occur often, so names and headings that say it plainly come first.
    pub fn score(&self, text: &str) -> Option<u32> {
        let folded: Vec<Folded> = words(text).map(fold).collect();
        let mut total = 0;
        for term in &self.terms {
            let mut best = 0;
            for w in &folded {
                best += term.match_weight(w);
            }
            if best == 0 {
                return None;
            }
            total += best.min(20);
        }
        Some(total)
    }

    /// Whether every term occurs in the text.
    pub fn matches(&self, text: &str) -> bool {
        self.score(text).is_some()
    }
}

impl Term {
    fn match_weight(&self, word: &Folded) -> u32 {
        let s = &self.stem;
        if word.long.starts_with(&s.long) || word.short.starts_with(&s.short) {
            3
        } else if s.short.chars().count() >= INFIX_MIN && (word.long.contains(&s.long) || word.short.contains(&s.short)) {
            1
        } else {
            0
        }
    }
}

/// A short excerpt of `text` around the first word a query term matches, for result lists.
pub fn snippet(text: &str, query: &Query, max_chars: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max_chars {
        return text.to_string();
    }
    // Character offset of the first matching word.
    let mut at = 0;
    let mut offset = 0;
    for piece in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word: String = piece.chars().filter(|c| c.is_alphanumeric()).collect();
        if !word.is_empty() && query.terms.iter().any(|t| t.match_weight(&fold(&word)) > 0) {
            at = offset;
            break;
        }
        offset += piece.chars().count();
    }
    let start = at.saturating_sub(max_chars / 3);
    let start = if start > 0 {
        // Begin at a word boundary.
        (start..at).find(|&i| chars[i] == ' ').map(|i| i + 1).unwrap_or(start)
    } else {
        0
    };
    let end = (start + max_chars).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, text: &str) -> bool {
        Query::parse(query).expect("query has terms").matches(text)
    }

    #[test]
    fn a_prefix_finds_the_compound_word() {
        assert!(finds("stof", "Behandling af stofmisbrug efter Serviceloven"));
        assert!(finds("STOF", "stofmisbrug"));
        assert!(finds("anonym", "Anonyme rådgivende samtaler"));
    }

    #[test]
    fn the_danish_stem_joins_inflected_forms() {
        assert!(finds("behandlinger", "Ambulant behandling"));
        assert!(finds("samtalerne", "individuelle samtaler"));
        assert!(finds("pårørendes", "Tilbud til pårørende"));
    }

    #[test]
    fn long_stems_are_found_inside_compounds() {
        assert!(finds("misbrug", "Behandling af stofmisbrug"));
        assert!(finds("behandling", "Alkoholbehandling efter SUL § 141"));
        // Short stems are not: "rus" would otherwise hit "krus", "brus" …
        assert!(!finds("rus", "Et krus kaffe"));
    }

    #[test]
    fn danish_letters_fold_case_and_transliteration() {
        assert!(finds("PÅRØRENDE", "pårørendegruppe"));
        assert!(finds("paaroerende", "Pårørendegruppe"));
        assert!(finds("parorende", "Pårørendegruppe"));
        assert!(finds("vallensbaek", "Vallensbæk Kommune"));
        assert!(finds("ishoj", "Ishøj Kommune"));
        assert!(finds("døgn", "Døgnbehandling"));
        // ø is not o when written out: "dogn" still finds it through the short spelling.
        assert!(finds("dogn", "Døgnbehandling"));
    }

    #[test]
    fn every_term_must_match() {
        assert!(finds("anonym alkohol", "Anonym alkoholbehandling"));
        assert!(!finds("anonym døgn", "Anonym alkoholbehandling"));
    }

    #[test]
    fn no_hits_is_no_hits() {
        assert!(!finds("kræftbehandling", "Ambulant rusmiddelbehandling"));
        assert!(!finds("xyzzy", "Dagbehandling op til 5 dage om ugen"));
    }

    #[test]
    fn empty_or_punctuation_only_input_is_no_query() {
        assert_eq!(Query::parse(""), None);
        assert_eq!(Query::parse("   "), None);
        assert_eq!(Query::parse("?!-–…\"'<>"), None);
    }

    #[test]
    fn odd_input_is_harmless() {
        // Markup and SQL are just words to match.
        assert!(!finds("<script>alert(1)</script>", "Ambulant behandling"));
        assert!(!finds("'; DROP TABLE service; --", "Ambulant behandling"));
        assert!(finds("§ 101a", "Anonym behandling efter SEL § 101a"));
        assert!(finds("227", "227 kr. pr. dag"));
        // Emoji and other scripts neither panic nor match.
        assert!(!finds("🙂 наркотики", "Ambulant behandling"));
    }

    #[test]
    fn huge_input_is_cut_to_a_bounded_query() {
        let huge = "stof ".repeat(100_000);
        let q = Query::parse(&huge).unwrap();
        assert_eq!(q.terms.len(), 1, "repeated terms are kept once");
        let many: String = (0..1000).map(|i| format!("ord{i} ")).collect();
        assert!(Query::parse(&many).unwrap().terms.len() <= MAX_TERMS);
    }

    #[test]
    fn a_name_that_says_it_plainly_scores_higher() {
        let q = Query::parse("døgn").unwrap();
        let direct = q.score("Døgnbehandling. Døgnbehandling hos ekstern leverandør").unwrap();
        let once = q.score("Behandling, også døgnophold").unwrap();
        assert!(direct > once);
    }

    #[test]
    fn the_snippet_shows_the_match() {
        let q = Query::parse("substitution").unwrap();
        let text = format!("{} Substitutionsbehandling gives af en ekstern leverandør. {}", "Indledning. ".repeat(40), "Afslutning. ".repeat(40));
        let s = snippet(&text, &q, 120);
        assert!(s.contains("Substitutionsbehandling"), "{s}");
        assert!(s.starts_with("… ") && s.ends_with(" …"));
        assert!(s.chars().count() <= 120 + 4);
        assert_eq!(snippet("Kort tekst", &q, 120), "Kort tekst");
    }
}
