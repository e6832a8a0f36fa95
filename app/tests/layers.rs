//! The layers point one way (README, "Layers"). Each top-level module of `app/src` has a rank,
//! and a module may name (`crate::…`, `super::…` that climbs out of its module, in `use` lines,
//! code and macros alike) only modules of its own rank or below:
//!
//! | rank | modules | what |
//! | --- | --- | --- |
//! | 0 | `domain` | plain rules and typed errors: no content, no text, no I/O |
//! | 1 | `content`, `text` | the reviewed content, and every Danish word the portal says |
//! | 2 | `store`, `clock`, `example_hours` | the stores, and the server's process-wide settings |
//! | 3 | `api` | what pages and form handlers ask for |
//! | 4 | `components`, `islands` | pieces shared by pages (server) and the browser's islands |
//! | 5 | `pages` | one module per route |
//! | 6 | `app` | the router and the HTML shell |
//!
//! (The `server` crate sits on top and may use them all; `lib.rs` only declares them.)
//!
//! Besides, a page names no other page: `pages/X` names only itself and its own submodules
//! (`pages/rights/*` with `rights/mod.rs`); what two pages share, and how a page gets its data
//! (`components/load.rs`), lives in `components/`. `pages/mod.rs` lists the pages.
//!
//! Comments and string literals are skipped. There is one exemption, [`EXEMPT`], with its reason;
//! no test module is exempt.

use std::path::{Path, PathBuf};

/// (top-level module, rank, name of the layer).
const LAYERS: &[(&str, u8, &str)] = &[
    ("domain", 0, "domain"),
    ("content", 1, "content and text"),
    ("text", 1, "content and text"),
    ("store", 2, "stores"),
    ("clock", 2, "stores"),
    ("example_hours", 2, "stores"),
    // The booking counts /metrics writes: process-wide state beside the clock, counted by the logic.
    ("metrics", 2, "stores"),
    ("api", 3, "logic (api)"),
    ("components", 4, "shared components"),
    ("islands", 4, "shared components"),
    ("pages", 5, "pages"),
    ("app", 6, "router"),
];

/// The one upward reference allowed: (file, path it may name, why).
const EXEMPT: &[(&str, &str, &str)] = &[(
    "store/case.rs",
    "api::cases::CaseKey",
    "a compile-time capability: every case-store method takes a `CaseKey`, whose field is private \
     to `api::cases`, so only that module can open the case store (store_separation.rs and the \
     `compile_fail` doctest on `CaseKey`). The store names the type and nothing else from `api`.",
)];

fn layer(module: &str) -> Option<(u8, &'static str)> {
    LAYERS.iter().find(|(m, _, _)| *m == module).map(|(_, r, n)| (*r, *n))
}

/// One path named in a file, made absolute (`crate::a::b` → `["a", "b"]`).
#[derive(Debug, Clone, PartialEq)]
struct Reference {
    line: usize,
    path: Vec<String>,
}

/// The module a file is: `lib.rs` → [], `pages/mod.rs` → [pages], `pages/rights/guide.rs` →
/// [pages, rights, guide].
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.strip_suffix(".rs").expect("a .rs file");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code with comments and the insides of string and char literals blanked (newlines kept,
/// so line numbers stay).
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == 'r' && (next == Some('"') || next == Some('#')) && !c.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric() || *p == '_') {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            out.push(' ');
            for _ in 0..=hashes {
                out.push(' ');
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|h| c.get(j + 1 + h) == Some(&'#')) {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    j += 1 + hashes;
                    break;
                }
                out.push(blank(c[j]));
                j += 1;
            }
            i = j;
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' && i + 1 < c.len() {
                    out.push(' ');
                    i += 1;
                }
                out.push(blank(c[i]));
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' {
            // A char literal ('a', '\n', '\u{feff}'); otherwise a lifetime, left as it is.
            let end = if next == Some('\\') {
                (i + 2..c.len().min(i + 12)).find(|&j| c[j] == '\'')
            } else {
                (c.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match end {
                Some(end) => {
                    for _ in i..=end {
                        out.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

fn tokens(code: &str) -> Vec<(usize, Token)> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((line, Token::Ident(c[start..i].iter().collect())));
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push((line, Token::PathSep));
            i += 2;
        } else {
            out.push((
                line,
                match ch {
                    '{' => Token::Open,
                    '}' => Token::Close,
                    ',' => Token::Comma,
                    '*' => Token::Star,
                    _ => Token::Other,
                },
            ));
            i += 1;
        }
    }
    out
}

/// Reads the rest of a path or use tree after `prefix::`, at `toks[i]`; every leaf path goes to
/// `out`. Returns the index after it.
fn use_tree(toks: &[(usize, Token)], mut i: usize, prefix: Vec<String>, line: usize, out: &mut Vec<Reference>) -> usize {
    let mut path = prefix;
    loop {
        match toks.get(i).map(|t| &t.1) {
            Some(Token::Ident(name)) => {
                path.push(name.clone());
                i += 1;
                if toks.get(i).map(|t| &t.1) == Some(&Token::PathSep) {
                    i += 1;
                    continue;
                }
                out.push(Reference { line, path });
                return i;
            }
            Some(Token::Open) => {
                i += 1;
                loop {
                    match toks.get(i).map(|t| &t.1) {
                        None => return i,
                        Some(Token::Close) => return i + 1,
                        Some(Token::Comma) => i += 1,
                        Some(_) => {
                            let before = i;
                            i = use_tree(toks, i, path.clone(), line, out);
                            if i == before {
                                i += 1;
                            }
                        }
                    }
                }
            }
            _ => {
                // `crate::*` or a path that ends in `::*`: the path so far.
                out.push(Reference { line, path });
                return i;
            }
        }
    }
}

/// Every path a file names that starts at `crate::` or climbs with `super::`, made absolute.
/// `Err` for a `super::` that climbs above the crate.
fn references(module: &[String], code: &str) -> Result<Vec<Reference>, String> {
    let toks = tokens(&strip(code));
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`) open at a brace depth.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let (line, tok) = &toks[i];
        match tok {
            Token::Open => depth += 1,
            Token::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Token::Ident(kw) if kw == "mod" => {
                if let (Some((_, Token::Ident(name))), Some((_, Token::Open))) = (toks.get(i + 1), toks.get(i + 2)) {
                    inline.push((name.clone(), depth + 1));
                }
            }
            Token::Ident(kw) if (kw == "crate" || kw == "super") && toks.get(i + 1).map(|t| &t.1) == Some(&Token::PathSep) => {
                // The head of a path, not a segment inside one.
                let after_sep = i > 0 && toks[i - 1].1 == Token::PathSep;
                if !after_sep {
                    let mut base: Vec<String> = module.iter().cloned().chain(inline.iter().map(|(n, _)| n.clone())).collect();
                    let mut j = i;
                    if kw == "crate" {
                        base.clear();
                        j += 2;
                    } else {
                        while toks.get(j).map(|t| &t.1) == Some(&Token::Ident("super".into())) && toks.get(j + 1).map(|t| &t.1) == Some(&Token::PathSep) {
                            if base.pop().is_none() {
                                return Err(format!("line {line}: `super::` climbs above the crate"));
                            }
                            j += 2;
                        }
                    }
                    i = use_tree(&toks, j, base, *line, &mut out);
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(out)
}

/// What is wrong with one file's references, as lines for the report.
fn check_file(rel: &str, code: &str) -> Result<(usize, Vec<String>, Vec<&'static str>), String> {
    let module = module_of(rel);
    let refs = references(&module, code).map_err(|e| format!("{rel}: {e}"))?;
    let mut problems = Vec::new();
    let mut exemptions_used = Vec::new();
    let Some(from) = module.first() else {
        // lib.rs, the crate root: it declares the modules and names them all.
        return Ok((refs.len(), problems, exemptions_used));
    };
    let Some((from_rank, from_name)) = layer(from) else {
        return Err(format!("{rel}: the module `{from}` has no layer: add it to LAYERS in app/tests/layers.rs (and the README)"));
    };
    for r in &refs {
        let Some(to) = r.path.first() else { continue };
        let shown = r.path.join("::");
        let Some((to_rank, to_name)) = layer(to) else {
            problems.push(format!("{rel}:{}: names crate::{shown}, and `{to}` has no layer", r.line));
            continue;
        };
        if to_rank > from_rank {
            if let Some((_, allowed, _)) = EXEMPT.iter().find(|(f, p, _)| *f == rel && (shown == *p || shown.starts_with(&format!("{p}::")))) {
                exemptions_used.push(*allowed);
                continue;
            }
            problems.push(format!(
                "{rel}:{}: imports {to} (crate::{shown}): {from} is layer {from_rank} ({from_name}), {to} is layer {to_rank} ({to_name}); a module may import only from its own layer or below",
                r.line
            ));
        } else if from == "pages" && to == "pages" {
            let own = module.get(1);
            let named = r.path.get(1);
            if let (Some(own), Some(named)) = (own, named) {
                if named != own {
                    problems.push(format!(
                        "{rel}:{}: page `{own}` imports page `{named}` (crate::{shown}); a page names only itself and its own submodules; put what pages share in components/",
                        r.line
                    ));
                }
            }
        }
    }
    Ok((refs.len(), problems, exemptions_used))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_imports_only_from_its_own_layer_or_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut used = Vec::new();
    let mut total_refs = 0;
    let mut downward = 0;
    for path in &files {
        let rel = path.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
        let code = std::fs::read_to_string(path).expect("readable source");
        match check_file(&rel, &code) {
            Ok((n, p, u)) => {
                total_refs += n;
                problems.extend(p);
                used.extend(u);
                // Downward references the check looked at and let pass (pages → api, api → store …).
                let module = module_of(&rel);
                if let Some((from_rank, _)) = module.first().and_then(|m| layer(m)) {
                    downward += references(&module, &code)
                        .unwrap_or_default()
                        .iter()
                        .filter(|r| r.path.first().and_then(|m| layer(m)).is_some_and(|(to, _)| to < from_rank))
                        .count();
                }
            }
            Err(e) => problems.push(e),
        }
    }
    // It read the crate, not nothing: the files and references it found are plausible.
    assert!(files.len() >= 60, "only {} .rs files found under {}", files.len(), src.display());
    assert!(total_refs >= 500, "only {total_refs} crate:: references found: is the reader broken?");
    assert!(downward >= 350, "only {downward} references to a lower layer found: is the reader broken?");
    for (file, path, _) in EXEMPT {
        assert!(used.contains(path), "the exemption for {file} → {path} is no longer used: remove it");
    }
    assert!(problems.is_empty(), "{} references point the wrong way:\n{}", problems.len(), problems.join("\n"));
    eprintln!("layers: {} files, {total_refs} references, {downward} to a lower layer, all one way", files.len());
}

#[test]
fn the_checker_catches_an_upward_import() {
    let domain = "\
use crate::content::Content;
// crate::api::in_a_comment is no import
fn f() -> &'static str { let _ = crate::domain::kommune::Kommune::all(); \"crate::store::in_a_string\" }
fn g() { let _c = '\"'; let _ = crate::text::t::YES; }
";
    let (n, problems, _) = check_file("domain/rule.rs", domain).unwrap();
    assert_eq!(n, 3, "content, domain and text are named; the comment and the string are not");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("domain/rule.rs:1: imports content"), "{problems:?}");
    assert!(problems[1].starts_with("domain/rule.rs:4: imports text"), "{problems:?}");

    // A use group, a path in a macro, and a `super::` that climbs to the crate root.
    let api = "use crate::{domain::a, pages::{P, Q}};\nfn v() { view! { <crate::components::Layout/> } }\nmod tests { use super::super::super::app::shell; }\n";
    let (_, problems, _) = check_file("api/x.rs", api).unwrap();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().filter(|p| p.starts_with("api/x.rs:1: imports pages")).count() == 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("api/x.rs:2: imports components")), "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("api/x.rs:3: imports app")), "{problems:?}");

    // Pages: components and the own parent are fine, a sibling page is not.
    let page = "use super::{rights_path, Breadcrumbs};\nuse crate::components::load::found;\nuse crate::pages::book::Day;\nuse crate::pages::rights::solution;\n";
    let (_, problems, _) = check_file("pages/rights/guide.rs", page).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("pages/rights/guide.rs:3: page `rights` imports page `book`"), "{problems:?}");

    // The exemption is for its file and path only.
    let (_, problems, used) = check_file("store/case.rs", "use crate::api::cases::CaseKey;\n").unwrap();
    assert!(problems.is_empty() && used == ["api::cases::CaseKey"], "{problems:?}");
    let (_, problems, _) = check_file("store/case.rs", "use crate::api::cases::logic;\n").unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (_, problems, _) = check_file("store/anon.rs", "use crate::api::cases::CaseKey;\n").unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");

    // A new top-level module must be given a layer.
    assert!(check_file("newthing.rs", "fn f() {}").is_err());
    assert!(check_file("store/x.rs", "fn f() { crate::newthing::g() }").unwrap().1[0].contains("has no layer"));
}
