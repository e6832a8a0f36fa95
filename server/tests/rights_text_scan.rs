//! A sentence a citizen reads about their rights comes from a cited rule (issue 37, item 4). The
//! rights pages of every municipality — the overview, each topic, the guide's result for several
//! situations, the deadline calculator with its answers — are rendered as a browser gets them,
//! and every piece of text in `<main>` must be accounted for by
//!
//! - the content (`app/content/`: the rules' titles and texts, the municipality's facts, the
//!   documents' titles, the sections cited), or
//! - the interface's fixed words: the string literals of `app/src/text/` (the `t::` constants and
//!   functions; a function's `{…}` stands for the value it is given), and the few literals the
//!   rights pages and their components write themselves (punctuation, " i ").
//!
//! The interface may not make a rights claim of its own. A literal that speaks of deadlines,
//! complaints, the guarantee, payment or anonymity (see [`RIGHTS_WORDS`]) counts only where it is
//! listed in [`REVIEWED`], with why it is not a claim that needs a source: a question, an
//! instruction, a heading, the calculator's arithmetic, or a restatement of a cited content value
//! shown with its source. Anything else — "En opringning eller en mail starter ikke fristen her."
//! said by the interface for one municipality — is reported with its page.

mod common;

use app::domain::kommune::Kommune;
use app::domain::rights::Topic;
use axum::http::StatusCode;
use scraper::{Html, Node, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Words that make a sentence a statement about the reader's rights (compared in lower case, as
/// the start of a word).
const RIGHTS_WORDS: [&str; 14] =
    ["frist", "garanti", "klage", "klag ", "påklag", "gratis", "betal", "anonym", "tavshedspligt", "underret", "senest", "dage", "uger", "ret til"];

/// The interface's statements that speak of rights, each reviewed: why it is not a claim that
/// needs a source of its own. Written as in the source (`{…}` is the value the function is given).
/// Headings, labels and questions make no statement and need no review.
const REVIEWED: [(&str, &str); 23] = [
    // The topics' leads on the overview and the topic pages: what the topic's cited rules are about.
    ("Hvor hurtigt behandlingen skal begynde, og hvornår fristen ikke gælder.", "describes what the topic's rules below are about"),
    ("Hvem der kan være anonym, hvor længe, og hvad der gør, at det ikke går.", "describes what the topic's rules below are about"),
    ("Hvor du klager, og hvilke frister der gælder.", "describes what the topic's rules below are about"),
    ("Hvad der er gratis, og hvad du selv kan komme til at betale.", "describes what the topic's rules below are about"),
    ("Din ret til en samtale med en læge.", "describes what the topic's rules below are about"),
    // The calculator: what it does, the arithmetic on a typed date, and the content's values said
    // again in words, each beside the cited rule it comes from.
    ("Skriv en dato, så beregner vi fristen efter de regler, {kommune} har skrevet i sin kvalitetsstandard. Vi gemmer ikke datoerne.", "says what the calculator does"),
    ("I {short} regnes de {days} dage fra den dag, du henvendte dig – fx på telefon, mail eller ved at møde op.", "params.guarantee (days, clock_starts = contact), cited under the rules behind it; the ways to make contact are the standard's own (kommuner.toml contact_ways)"),
    ("I {short} regnes de {days} dage fra den dag, du personligt møder op og siger, at du ønsker behandling.", "params.guarantee (days, clock_starts = attendance), cited under the rules behind it"),
    ("I {short} regnes de {days} dage fra den dag, du sender din ansøgning om behandling til kommunen.", "params.guarantee (days, clock_starts = application), cited under the rules behind it"),
    ("Er du i anonym behandling, eller har du selv valgt et andet behandlingssted, gælder fristen måske ikke. Se reglerne herunder.", "a pointer, not a claim: the rules right below say when the guarantee does not apply"),
    ("Behandlingen skal være sat i gang senest {date}.", "params.guarantee applied to the typed date; the answer box cites it"),
    ("Det er om {n} dage.", "arithmetic on the answer's date"),
    ("Fristen udløb for {} dage siden.", "arithmetic on the answer's date"),
    ("Fristen udløb i går.", "arithmetic on the answer's date"),
    ("Du skal sende din klage senest {date} – {wording} efter, at du fik afgørelsen.", "params.complaint (deadline_wording, counted from receipt) applied to the typed date; the answer box cites it"),
    ("{kommune} skal have modtaget din klage senest {date} – {wording} efter afgørelsen.", "params.complaint (deadline_wording, must be received) applied to the typed date; the answer box cites it"),
    ("Fastholder kommunen afgørelsen, sender den klagen videre til {body}.", "params.complaint appeal_body, cited under the rules behind it"),
    ("Ingen frist for {kinds}.", "params.complaint's kinds without a deadline, cited under the rules behind it"),
    (
        "{kommune}s kvalitetsstandard nævner ingen frist for at klage over en afgørelse. Spørg {site} eller kommunens borgerrådgiver, hvilken frist der gælder for din afgørelse – og klag hellere for tidligt end for sent.",
        "says the standard is silent (rights/*.toml has no params.complaint) and where to ask; claims no deadline",
    ),
    // The guide: its reasons name the person's answers and the cited rule that decides, and its
    // next steps say a content value again beside the rule that gives it.
    ("Du har svaret, at {} vil være anonym, men efter reglen »{rule}« er det ikke muligt her. Resultatet viser derfor, hvad der gælder ved behandling med navn.", "names the cited rule that decides"),
    ("Gælder kun ved anonym behandling, og den kan {} ikke få: reglen »{by}« gælder ikke for {}.", "names the cited rule that decides"),
    ("Du kan klage over en afgørelse inden for {wording}.", "params.complaint deadline_wording, the next step's cited rule"),
    ("Som pårørende kan du få op til {max} anonyme {word}.", "params.relative_talks max, the next step's cited rule"),
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// White space as one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The string literals of a Rust source file, as written (escapes resolved), comments skipped.
fn string_literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A char literal ('"', '\''), not a lifetime.
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if chars.get(i + 1) == Some(&'\\') && chars.get(i + 3) == Some(&'\'') => i += 4,
            'r' if (chars.get(i + 1) == Some(&'"') || chars.get(i + 1) == Some(&'#')) && !chars.get(i.wrapping_sub(1)).is_some_and(|c| c.is_alphanumeric() || *c == '_') => {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let rest: String = chars[j + 1..].iter().collect();
                let end = rest.find(&close).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                i = j + 1 + rest[..end].chars().count() + close.chars().count();
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        match chars.get(i) {
                            Some('n') => s.push('\n'),
                            Some('u') => {
                                let close = (i..chars.len()).find(|&k| chars[k] == '}').unwrap();
                                let hex: String = chars[i + 2..close].iter().collect();
                                s.extend(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()));
                                i = close;
                            }
                            // A line continuation: the next line's leading white space goes too.
                            Some('\n') => {
                                while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                    i += 1;
                                }
                            }
                            Some(c) => s.push(*c),
                            None => {}
                        }
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A literal's fixed parts: split where a `format!` placeholder stands (`{}`, `{name}`, `{0:?}`);
/// `{{` and `}}` are braces.
fn fixed_parts(literal: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                parts.last_mut().unwrap().push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                parts.last_mut().unwrap().push('}');
            }
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                parts.push(String::new());
            }
            c => parts.last_mut().unwrap().push(c),
        }
    }
    // A part right after a value may begin with the value's genitive ("{kommune}s kvalitetsstandard"):
    // `take_out` takes that "s" with the value.
    parts
        .into_iter()
        .enumerate()
        .map(|(n, p)| if n > 0 && p.starts_with('s') && !p[1..].starts_with(char::is_alphanumeric) { p[1..].to_string() } else { p })
        .map(|p| squeeze(&p))
        .filter(|p| p.chars().any(char::is_alphabetic))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether a text speaks of rights.
fn speaks_of_rights(text: &str) -> bool {
    let lower = format!(" {}", text.to_lowercase());
    RIGHTS_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| !lower[..at].chars().next_back().is_some_and(char::is_alphabetic))
    })
}

/// Whether a literal states something (a sentence that ends in a full stop), rather than naming
/// (a heading, a label, a link) or asking (a question).
fn makes_statement(literal: &str) -> bool {
    let literal = literal.trim();
    literal.ends_with('.') || literal.contains(". ")
}

/// What accounts for text on the pages: the content's strings, then the interface's fixed parts.
struct Known {
    /// Longest first, so a sentence is taken whole before a part of it.
    pieces: Vec<String>,
    /// Literals that speak of rights and are not reviewed: not counted (reported if a page needs them).
    unreviewed: BTreeMap<String, String>,
}

impl Known {
    fn load() -> Known {
        let root = workspace();
        let mut pieces: Vec<String> = Vec::new();
        // The content: every string a content file holds, but the authors' notes, which no page shows.
        let mut tomls = Vec::new();
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "toml") {
                    out.push(path);
                }
            }
        }
        walk(&root.join("app/content"), &mut tomls);
        fn strings(value: &toml::Value, key: &str, out: &mut Vec<String>) {
            match value {
                toml::Value::String(s) if key != "note" && key != "seed_note" => out.push(squeeze(s)),
                toml::Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
                toml::Value::Table(t) => t.iter().for_each(|(k, v)| strings(v, k, out)),
                _ => {}
            }
        }
        for path in &tomls {
            let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            strings(&toml::Value::Table(table), "", &mut pieces);
        }
        // The interface: app/src/text, and what the rights pages and their components write.
        let mut sources = Vec::new();
        rust_files(&root.join("app/src/text"), &mut sources);
        rust_files(&root.join("app/src/pages/rights"), &mut sources);
        rust_files(&root.join("app/src/components"), &mut sources);
        let mut unreviewed = BTreeMap::new();
        for path in &sources {
            let rel = path.strip_prefix(&root).unwrap().display().to_string();
            for literal in string_literals(&std::fs::read_to_string(path).unwrap()) {
                if speaks_of_rights(&literal) && makes_statement(&literal) && !REVIEWED.iter().any(|(r, _)| *r == literal) {
                    unreviewed.insert(literal, rel.clone());
                    continue;
                }
                pieces.extend(fixed_parts(&literal));
            }
        }
        pieces.retain(|p| p.chars().any(char::is_alphabetic));
        let mut pieces: Vec<String> = pieces.into_iter().map(|p| p.to_lowercase()).collect();
        pieces.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        pieces.dedup();
        Known { pieces, unreviewed }
    }

    /// What is left of `text` when every known piece is taken out (each where it stands as
    /// whole words): the words nothing accounts for, or `None` where none are left.
    fn unaccounted(&self, text: &str) -> Option<String> {
        // Case aside: a reason may begin with a rule's words in lower case.
        let mut rest = squeeze(text).to_lowercase();
        for piece in &self.pieces {
            rest = take_out(&rest, piece);
        }
        // Numbers, dates and the punctuation between the pieces are the values a template is given.
        let left: Vec<&str> = rest
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && !MONTHS_AND_DAYS.contains(&w.to_lowercase().as_str()))
            .collect();
        (!left.is_empty()).then(|| squeeze(&rest))
    }
}

/// A date's words, which the calculator's answers are given as values.
const MONTHS_AND_DAYS: [&str; 20] = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december", "mandag", "tirsdag",
    "onsdag", "torsdag", "fredag", "lørdag", "søndag", "den",
];

/// `text` with each whole-word occurrence of `piece` replaced by a separator; a name's
/// genitive "s" ("Thisted Kommunes") goes with it.
fn take_out(text: &str, piece: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(piece) {
        let mut end = at + piece.len();
        let before = rest[..at].chars().next_back();
        let glued = |from: usize| rest[from..].chars().next().is_some_and(char::is_alphanumeric);
        if glued(end) && rest[end..].starts_with('s') && !glued(end + 1) && piece.ends_with(char::is_alphanumeric) {
            end += 1;
        }
        let starts_clean = !before.is_some_and(char::is_alphanumeric) || !piece.starts_with(char::is_alphanumeric);
        let ends_clean = !glued(end) || !piece.ends_with(char::is_alphanumeric);
        if starts_clean && ends_clean {
            out.push_str(&rest[..at]);
            out.push_str(" | ");
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The block elements whose text is read as one piece (an inline link or emphasis is part of it).
const BLOCKS: [&str; 17] = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "summary", "dt", "dd", "td", "th", "caption", "button"];

/// The text of each block in `<main>`, in document order.
fn blocks(html: &Html) -> Vec<String> {
    let main = html.select(&Selector::parse("main").unwrap()).next().expect("every page has <main>");
    // (the block's place among `main`'s descendants, its text)
    let mut by_block: Vec<(usize, String)> = Vec::new();
    let order: Vec<_> = main.descendants().map(|n| n.id()).collect();
    for node in main.descendants() {
        let Node::Text(text) = node.value() else { continue };
        let text: &str = text;
        if node.ancestors().any(|a| a.value().as_element().is_some_and(|e| ["script", "style", "template"].contains(&e.name()))) {
            continue;
        }
        let block = node
            .ancestors()
            .find(|a| a.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name())))
            .map(|a| a.id())
            .unwrap_or(main.id());
        let block = order.iter().position(|id| *id == block).unwrap_or(0);
        match by_block.iter_mut().find(|(id, _)| *id == block) {
            Some((_, said)) => said.push_str(text),
            None => by_block.push((block, String::from(text))),
        }
    }
    by_block.into_iter().map(|(_, said)| squeeze(&said)).filter(|s| !s.is_empty()).collect()
}

/// The rights pages of one municipality: overview, topics, the guide (its start and its result
/// for several situations) and the calculator (empty and with both answers).
fn rights_pages(k: Kommune, a_week_ago: &str) -> Vec<String> {
    let base = format!("/{}/rettigheder", k.slug());
    let mut pages = vec![base.clone(), format!("{base}/guide")];
    pages.extend(Topic::ALL.iter().map(|t| format!("{base}/{}", t.slug())));
    for situation in [
        "",
        "rolle=selv&rusmiddel=stoffer&alder=17&anonym=ja&",
        "rolle=selv&rusmiddel=alkohol&alder=40&anonym=nej&anden-hjaelp=nej&medicin=ja&boern=ja&",
        "rolle=selv&rusmiddel=begge&alder=12&anonym=ja&anden-hjaelp=ja&medicin=nej&boern=nej&",
        "rolle=selv&rusmiddel=alkohol&alder=25&anonym=ja&",
        "rolle=paaroerende&rusmiddel=begge&",
        "rolle=fagperson&",
    ] {
        pages.push(format!("{base}/guide?{situation}trin=resultat"));
    }
    pages.push(format!("{base}/frister"));
    pages.push(format!("{base}/frister?henvendt={a_week_ago}&afgoerelse={a_week_ago}"));
    pages
}

#[tokio::test]
async fn every_sentence_on_the_rights_pages_is_accounted_for() {
    let (app, _data) = common::app().await;
    let known = Known::load();
    let a_week_ago = (app::clock::today() - chrono::Duration::days(7)).format("%-d.%-m.%Y").to_string();
    let mut problems: Vec<String> = Vec::new();
    let mut needed_unreviewed: BTreeMap<String, String> = BTreeMap::new();
    let mut blocks_read = 0;
    for &k in Kommune::all() {
        for uri in rights_pages(k, &a_week_ago) {
            let (status, body) = common::get(&app, &uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            for block in blocks(&Html::parse_document(&body)) {
                blocks_read += 1;
                if let Some(left) = known.unaccounted(&block) {
                    // Name the unreviewed literal that would have accounted for it, if one would.
                    for (literal, file) in &known.unreviewed {
                        if fixed_parts(literal).iter().all(|p| block.to_lowercase().contains(&p.to_lowercase())) {
                            needed_unreviewed.insert(literal.clone(), file.clone());
                        }
                    }
                    let problem = format!("{uri}: »{block}« (unaccounted: »{left}«)");
                    if !problems.iter().any(|p| p.ends_with(&format!("»{block}« (unaccounted: »{left}«)"))) {
                        problems.push(problem);
                    }
                }
            }
        }
    }
    assert!(blocks_read > 1000, "only {blocks_read} pieces of text read: the pages were not rendered");
    let unreviewed: Vec<String> = needed_unreviewed.iter().map(|(l, f)| format!("{f}: {l:?}")).collect();
    assert!(
        problems.is_empty(),
        "{} pieces of text on the rights pages that no rule and no fixed words of the interface account for:\n{}\n\n\
         Interface literals that speak of rights without review (REVIEWED):\n{}",
        problems.len(),
        problems.join("\n"),
        unreviewed.join("\n")
    );
}

/// The scan can fail: a sentence the interface says of its own accord is caught, and a rule's
/// own text is not.
#[test]
fn the_scan_catches_an_unsourced_sentence() {
    let known = Known::load();
    let odsherred = app::content::kommune_named("odsherred");
    let rule = app::content::content().rule(odsherred.slug(), "garanti-regnes-fra-fremmoede");
    assert_eq!(known.unaccounted(&rule.fact.text), None);
    let said = format!("{} En opringning eller en mail starter ikke fristen her.", rule.fact.text);
    let left = known.unaccounted(&said).expect("the added sentence is caught");
    assert!(left.contains("opringning") && left.contains("fristen") && !left.contains("personligt"), "{left}");
    // A literal of the interface that speaks of a deadline, unreviewed, does not count.
    let literal = "I {short} regnes de {days} dage fra den dag, du personligt møder op og siger, at du ønsker behandling. En opringning eller en mail starter ikke fristen her.";
    assert!(speaks_of_rights(literal) && makes_statement(literal) && !REVIEWED.iter().any(|(r, _)| *r == literal));
    // A question or a heading states nothing.
    assert!(!makes_statement("Vil du være anonym?") && !makes_statement("Klage"));
}

/// The review list names literals the interface has, so it cannot go on approving one that
/// was changed (the changed one is unreviewed until someone reads it again).
#[test]
fn every_reviewed_literal_is_in_the_interface() {
    let root = workspace();
    let mut sources = Vec::new();
    rust_files(&root.join("app/src/text"), &mut sources);
    let literals: Vec<String> = sources.iter().flat_map(|p| string_literals(&std::fs::read_to_string(p).unwrap())).collect();
    for (literal, why) in REVIEWED {
        assert!(literals.iter().any(|l| l == literal), "REVIEWED names {literal:?} ({why}), which app/src/text does not have");
        assert!(speaks_of_rights(literal) && makes_statement(literal), "{literal:?} needs no review");
    }
}

#[test]
fn string_literals_are_read_as_the_compiler_reads_them() {
    let src = r##"
        // "a comment"
        const A: &str = "en \"citat\" og \u{2013} tegn";
        fn f<'a>(x: &'a str) -> char { let _ = r#"rå "tekst""#; '"' }
        /* "block" */ const B: &str = "slut";
    "##;
    assert_eq!(string_literals(src), ["en \"citat\" og – tegn", "rå \"tekst\"", "slut"]);
    assert_eq!(fixed_parts("I {short} regnes de {days} dage {{x}}."), ["I", "regnes de", "dage {x}."]);
    assert_eq!(fixed_parts("{kommune}s kvalitetsstandard"), ["kvalitetsstandard"]);
    assert_eq!(take_out("thisted kommunes standard", "thisted kommune"), " |  standard");
    assert_eq!(take_out("frister", "frist"), "frister");
}
