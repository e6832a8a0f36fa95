//! The content checker: how a municipality's content files are reviewed before they are served
//! (`server check-content DIR`). It reads every file of a content set and reports every problem
//! it finds, each with its file and line, instead of stopping at the first:
//!
//! - a file that is not valid TOML, or a fact, rule, params table, service or outcome without
//!   its citation (`doc`, `section`, and `quote` where the file kind has one);
//! - a citation of a document that `documents.toml` does not list, or whose seed is missing;
//! - a quote or section heading not found in the cited seed;
//! - a site, service, outcome, standard or rights file naming a municipality that
//!   `kommuner.toml` does not have, a municipality without a booking site, a notice naming no rule;
//! - a params value not stated in its own quote (`days = 14` under a quote that says 10);
//! - a slug, id or rule id given twice, a slug that is no plain URL segment, or one that clashes
//!   with a fixed path of the portal (`/katalog`, `/personale` …).
//!
//! - a rule's `limits` naming no rule, or another municipality's; rules that limit each other in a
//!   circle; a rule that no answer to the guide's questions can make apply; a municipality without
//!   a rule on who may book;
//! - text a citizen reads that names the portal's internals: a file name, a document id, a note
//!   meant for the content's authors.
//!
//! When none of those is found, the full loader runs as well, so whatever else it refuses is
//! reported too. The compiled content passes with no problem (a unit test below).

use super::files::{line_at, line_of, line_of_last, parse_problem, ContentFiles, Problem};
use super::LAW_SCOPE;
use std::collections::{BTreeMap, BTreeSet};
use toml::{Table, Value};

/// Every problem in `files`; empty when the set can be served. `reserved` are the first path
/// segments the portal itself uses, which no municipality's slug may take.
pub fn check(files: &ContentFiles, reserved: &[String]) -> Vec<Problem> {
    let headings = super::catalogue::section_anchors(files).ok();
    let mut c = Checker { files, problems: Vec::new(), parsed: BTreeMap::new(), headings };
    for path in files.paths().filter(|p| p.ends_with(".toml")) {
        c.parse(path);
    }
    let documents = c.documents();
    let slugs = c.kommuner(&documents, reserved);
    let rules = c.rights(&documents, &slugs);
    c.booking(&slugs, &rules);
    c.catalogue(&documents, &slugs);
    c.standards(&documents, &slugs);
    c.guide(&slugs);
    c.internals(&documents);
    if c.problems.is_empty() {
        // Whatever the checks above do not cover, the loader still refuses: report that too.
        if let Err(e) = super::Content::parse(files).and_then(|content| super::catalogue::Catalogue::parse(files, &content).map(|_| ())) {
            c.problems.push(match e {
                super::ContentError::At(p) => p,
                super::ContentError::Invalid(message) => {
                    let file = message.split(':').next().filter(|f| files.get(f).is_some()).unwrap_or("(indhold)").to_string();
                    Problem { file, line: None, message }
                }
            });
        }
    }
    c.problems
}

/// A cited document: its id and its seed's text, letters and digits only (see `letters`).
struct Document {
    seed_letters: Option<String>,
}

struct Checker<'a> {
    files: &'a ContentFiles,
    problems: Vec<Problem>,
    parsed: BTreeMap<String, Table>,
    /// The standards' headings, where their structured text parses.
    headings: Option<super::catalogue::SectionAnchors>,
}

impl<'a> Checker<'a> {
    fn parse(&mut self, path: &str) {
        let text = self.files.get(path).unwrap_or_default();
        match toml::from_str::<Table>(text) {
            Ok(table) => {
                self.parsed.insert(path.to_string(), table);
            }
            Err(e) => self.problems.push(parse_problem(path, text, &e)),
        }
    }

    fn report(&mut self, file: &str, near: &str, message: String) {
        self.report_at(file, "", near, message);
    }

    /// Reports a problem at the first `near` after `anchor` (the line that starts the entry, such
    /// as `id = "…"` or `[params.guarantee]`): the same quote or municipality often stands in
    /// several entries of a file, and the line must be the faulty entry's own.
    fn report_at(&mut self, file: &str, anchor: &str, near: &str, message: String) {
        let line = self.files.get(file).and_then(|text| {
            let start = if anchor.is_empty() { 0 } else { text.find(anchor).unwrap_or(0) };
            line_of(&text[start..], near).map(|l| l + line_at(text, start) - 1)
        });
        self.problems.push(Problem { file: file.to_string(), line, message });
    }

    /// A value given twice: reported at its last occurrence, the one to remove.
    fn report_repeat(&mut self, file: &str, key: &str, value: &str, message: String) {
        let line = self.files.get(file).and_then(|text| line_of_last(text, &format!("{key} = {value:?}")).or_else(|| line_of_last(text, value)));
        self.problems.push(Problem { file: file.to_string(), line, message });
    }

    fn table(&self, path: &str) -> Option<&Table> {
        self.parsed.get(path)
    }

    fn documents(&mut self) -> BTreeMap<String, Document> {
        let mut out = BTreeMap::new();
        let Some(table) = self.table("documents.toml").cloned() else {
            if self.files.get("documents.toml").is_none() {
                self.problems.push(Problem { file: "documents.toml".into(), line: None, message: "filen mangler".into() });
            }
            return out;
        };
        for doc in array_of_tables(&table, "document") {
            let id = str_of(doc, "id");
            if id.is_empty() {
                self.report("documents.toml", "[[document]]", "et dokument uden id".into());
                continue;
            }
            if out.contains_key(id) {
                self.report_repeat("documents.toml", "id", id, format!("dokumentet {id:?} står der to gange"));
                continue;
            }
            let seed = str_of(doc, "seed");
            let seed_letters = self.files.get(&format!("seeds/{seed}")).map(letters);
            if seed_letters.is_none() {
                self.report("documents.toml", seed, format!("dokumentet {id:?}: kildefilen seeds/{seed} findes ikke"));
            }
            out.insert(id.to_string(), Document { seed_letters });
        }
        out
    }

    /// Checks a citation (`doc`, `section`, and a quote where one is given) in `file`; `what`
    /// names the entry, `near` is a value to find its line by.
    fn citation(&mut self, documents: &BTreeMap<String, Document>, file: &str, anchor: &str, entry: &Table, what: &str, quote_keys: &[&str], quote_required: bool) {
        let near = first_present(entry, &["quote", "text", "id", "section"]);
        let doc = str_of(entry, "doc");
        let section = str_of(entry, "section");
        if doc.is_empty() || section.is_empty() {
            self.report_at(file, anchor, &near, format!("{what}: kildehenvisningen mangler (doc og section)"));
            return;
        }
        let Some(document) = documents.get(doc) else {
            self.report_at(file, anchor, doc, format!("{what}: dokumentet {doc:?} findes ikke i documents.toml"));
            return;
        };
        let Some(seed) = &document.seed_letters else { return };
        if !seed.contains(&letters(section)) {
            self.report_at(file, anchor, section, format!("{what}: afsnittet {section:?} findes ikke i kilden {doc:?}"));
        } else if self.headings.as_ref().and_then(|h| h.is_heading(doc, section)) == Some(false) {
            // The words are in the document, but not as a heading: a reader following the
            // citation finds no section of that name.
            self.report_at(file, anchor, section, format!("{what}: afsnittet {section:?} er ingen overskrift i {doc:?} (se standards/{doc}.toml)"));
        }
        let mut quoted = false;
        for key in quote_keys {
            if let Some(quote) = entry.get(*key).and_then(Value::as_str) {
                quoted = true;
                if !seed.contains(&letters(quote)) {
                    self.report_at(file, anchor, quote, format!("{what}: citatet findes ikke i kilden {doc:?}: {quote:?}"));
                }
            }
        }
        if quote_required && !quoted {
            self.report_at(file, anchor, &near, format!("{what}: citatet (quote) fra kilden mangler"));
        }
    }

    fn kommuner(&mut self, documents: &BTreeMap<String, Document>, reserved: &[String]) -> BTreeSet<String> {
        const FILE: &str = "kommuner.toml";
        let mut slugs = BTreeSet::new();
        let Some(table) = self.table(FILE).cloned() else {
            if self.files.get(FILE).is_none() {
                self.problems.push(Problem { file: FILE.into(), line: None, message: "filen mangler".into() });
            }
            return slugs;
        };
        let entries = array_of_tables(&table, "kommune");
        if entries.is_empty() {
            self.report(FILE, "[[kommune]]", "ingen kommune".into());
        }
        for k in entries {
            let slug = str_of(k, "slug").to_string();
            if !crate::domain::kommune::is_url_slug(&slug) {
                self.report_at(FILE, &format!("slug = {slug:?}"), &slug, format!("slug {slug:?} skal være små bogstaver a–z, tal og bindestreg"));
            } else if reserved.iter().any(|r| r == &slug) {
                self.report_at(FILE, &format!("slug = {slug:?}"), &slug, format!("slug {slug:?} er allerede en fast adresse i portalen (/{slug})"));
            }
            if !slugs.insert(slug.clone()) {
                self.report_repeat(FILE, "slug", &slug, format!("slug {slug:?} står der to gange"));
            }
            for field in ["name", "short_name", "site_name"] {
                let value = str_of(k, field);
                if value.trim().is_empty() {
                    self.report_at(FILE, &format!("slug = {slug:?}"), &slug, format!("{slug}: {field} mangler"));
                } else if value.chars().any(char::is_control) {
                    self.report(FILE, value, format!("{slug}: {field} må ikke indeholde tabulator eller linjeskift"));
                }
            }
            let governing = str_of(k, "governing_doc");
            if !documents.contains_key(governing) {
                self.report_at(FILE, &format!("slug = {slug:?}"), &slug, format!("{slug}: governing_doc {governing:?} findes ikke i documents.toml"));
            }
            for (field, value) in k {
                match value {
                    // The site's ages: each end in the site's own description, "18 år".
                    Value::Table(ages) if field == "site_ages" => {
                        let about = k.get("site_about").and_then(|a| a.get("text")).and_then(Value::as_str).unwrap_or("");
                        for end in ["from", "to"].iter().filter_map(|e| ages.get(*e)).filter_map(Value::as_integer) {
                            if !letters(about).contains(&format!("{end}år")) {
                                self.report_at(FILE, &format!("slug = {slug:?}"), "site_ages", format!("{slug}: site_ages {end} står ikke i site_about"));
                            }
                        }
                    }
                    Value::Table(fact) => self.citation(documents, FILE, &format!("slug = {slug:?}"), fact, &format!("{slug}.{field}"), &[], false),
                    // Who answers the phone: words of the phone's own source.
                    Value::String(reaches) if field == "phone_reaches" => {
                        let doc = k.get("phone").and_then(|p| p.get("doc")).and_then(Value::as_str).and_then(|d| documents.get(d));
                        if !doc.and_then(|d| d.seed_letters.as_ref()).is_some_and(|seed| seed.contains(&letters(reaches))) {
                            self.report_at(FILE, &format!("slug = {slug:?}"), "phone_reaches", format!("{slug}: phone_reaches {reaches:?} står ikke i telefonnummerets kilde"));
                        }
                    }
                    _ => {}
                }
            }
        }
        slugs
    }

    /// Returns every rule as `scope/id`.
    fn rights(&mut self, documents: &BTreeMap<String, Document>, slugs: &BTreeSet<String>) -> BTreeSet<String> {
        let mut rules = BTreeSet::new();
        let files: Vec<(String, String)> = self.files.tomls_in("rights").map(|(stem, path, _)| (stem.to_string(), path.to_string())).collect();
        if !files.iter().any(|(stem, _)| stem == LAW_SCOPE) {
            self.problems.push(Problem { file: format!("rights/{LAW_SCOPE}.toml"), line: None, message: "lovens regler mangler".into() });
        }
        for slug in slugs {
            if !files.iter().any(|(stem, _)| stem == slug) {
                self.problems.push(Problem { file: format!("rights/{slug}.toml"), line: None, message: format!("kommunen {slug:?} har ingen rettighedsfil") });
            }
        }
        for (scope, path) in files.clone() {
            if scope != LAW_SCOPE && !slugs.contains(&scope) {
                self.problems.push(Problem { file: path.clone(), line: Some(1), message: format!("kommunen {scope:?} findes ikke i kommuner.toml") });
            }
            let Some(table) = self.table(&path).cloned() else { continue };
            for rule in array_of_tables(&table, "rule") {
                let id = str_of(rule, "id");
                if !rules.insert(format!("{scope}/{id}")) {
                    self.report_repeat(&path, "id", id, format!("reglen {id:?} står der to gange"));
                }
                self.citation(documents, &path, &format!("id = {id:?}"), rule, &format!("reglen {id:?}"), &["quote"], true);
                self.claims(&path, id, rule);
            }
            if let Some(params) = table.get("params").and_then(Value::as_table) {
                for (name, value) in params {
                    let Some(entry) = value.as_table() else { continue };
                    let what = format!("[params.{name}]");
                    let quote_keys: Vec<&str> = entry.keys().map(String::as_str).filter(|k| *k == "quote" || k.ends_with("_quote")).collect();
                    let anchor = format!("[params.{name}]");
                    self.citation(documents, &path, &anchor, entry, &what, &quote_keys, true);
                    self.stated_in_quote(&path, &anchor, entry, &what);
                }
            }
        }
        for (scope, path) in files {
            let Some(table) = self.table(&path).cloned() else { continue };
            for rule in array_of_tables(&table, "rule") {
                let id = str_of(rule, "id");
                for (key, target) in precedence_of(rule) {
                    let (target_scope, _) = target.split_once('/').unwrap_or(("", &target));
                    let message = if target_scope != LAW_SCOPE && target_scope != scope {
                        format!("reglen {id:?}: {key} {target:?} skal være en af lovens regler ({LAW_SCOPE}/…) eller filens egne ({scope}/…)")
                    } else if !rules.contains(&target) {
                        format!("reglen {id:?}: {key} {target:?} findes ikke i rights/")
                    } else {
                        continue;
                    };
                    self.report_at(&path, &format!("id = {id:?}"), &target, message);
                }
                for target in strs_of(rule, "limits") {
                    let (target_scope, _) = target.split_once('/').unwrap_or(("", &target));
                    let message = if target_scope != LAW_SCOPE && target_scope != scope {
                        format!("reglen {id:?}: limits {target:?} skal være en af lovens regler ({LAW_SCOPE}/…) eller filens egne ({scope}/…)")
                    } else if !rules.contains(&target) {
                        format!("reglen {id:?}: limits {target:?} findes ikke i rights/")
                    } else {
                        continue;
                    };
                    self.report_at(&path, &format!("id = {id:?}"), &target, message);
                }
            }
        }
        rules
    }

    /// The guide's questions against every municipality's rules: every combination of answers
    /// (each also left unanswered), as the exhaustive test does with the loaded content. A rule
    /// no answers can make apply, and rules that limit each other in a circle, are reported.
    fn guide(&mut self, slugs: &BTreeSet<String>) {
        use crate::domain::claims::{Claims, Ground};
        use crate::domain::rights::{conflicting_pairs, conflicts_among, every_situation, is_more_specific, limit_cycle, precedence_cycle, weigh, Conditions, RuleLogic, Topic, Verdict};
        let read = |v: Option<&Value>| -> Conditions { v.cloned().and_then(|v| v.try_into().ok()).unwrap_or_default() };
        let read_claims = |v: Option<&Value>| -> Claims { v.cloned().and_then(|v| v.try_into().ok()).unwrap_or_default() };
        let validity = self.validity();
        let mut conflicts_reported = BTreeSet::new();
        let law_path = format!("rights/{LAW_SCOPE}.toml");
        let mut law_ever = BTreeSet::new();
        for slug in slugs {
            let path = format!("rights/{slug}.toml");
            let (Some(law), Some(own)) = (self.table(&law_path).cloned(), self.table(&path).cloned()) else { continue };
            // A standard about drug treatment only: its own rules are read as rules for drugs.
            let scope = own.get("params").and_then(|p| p.get("scope")).and_then(Value::as_table);
            let drugs_only = scope.is_some_and(|s| s.get("alcohol").and_then(Value::as_bool) == Some(false) && s.get("drugs").and_then(Value::as_bool) != Some(false));
            let mut entries: Vec<(String, String, &Table)> = Vec::new();
            for (scope, table) in [(LAW_SCOPE, &law), (slug.as_str(), &own)] {
                for rule in array_of_tables(table, "rule") {
                    entries.push((scope.to_string(), str_of(rule, "id").to_string(), rule));
                }
            }
            let logic: Vec<RuleLogic> = entries
                .iter()
                .map(|(scope, id, rule)| {
                    let me = format!("{scope}/{id}");
                    let mut when = read(rule.get("when"));
                    if drugs_only && scope == slug && when.substance.is_none() {
                        when.substance = Some(crate::domain::rights::SubstanceKind::Drugs);
                    }
                    let position = |key: &str| entries.iter().position(|(s, i, _)| format!("{s}/{i}") == key);
                    let mut overruled_by: Vec<(usize, Ground)> = Vec::new();
                    for (i, (_, _, by)) in entries.iter().enumerate() {
                        overruled_by.extend(precedence_entries(by, "overrides").into_iter().filter(|(t, _)| *t == me).filter_map(|(_, g)| g.map(|g| (i, g))));
                    }
                    overruled_by.extend(precedence_entries(rule, "yields_to").into_iter().filter_map(|(t, g)| Some((position(&t)?, g?))));
                    RuleLogic {
                        title: str_of(rule, "title").to_string(),
                        topic: Topic::from_slug(str_of(rule, "topic")).unwrap_or(Topic::Guarantee),
                        when,
                        unless: read(rule.get("unless")),
                        within: entries.iter().enumerate().filter(|(_, (_, _, by))| strs_of(by, "limits").contains(&me)).map(|(i, _)| i).collect(),
                        claims: read_claims(rule.get("claims")),
                        overruled_by,
                    }
                })
                .collect();
            // Each declared precedence must rest on its ground: reported at the declaration.
            for (loser, l) in logic.iter().enumerate() {
                for &(winner, ground) in &l.overruled_by {
                    let (ws, wid, wrule) = &entries[winner];
                    let (ls, lid, lrule) = &entries[loser];
                    let holds = match ground {
                        Ground::Municipality => ws == slug && ls == LAW_SCOPE,
                        Ground::Specific => is_more_specific(&logic[winner].when, &l.when),
                        Ground::Current => {
                            let (w, l) = (validity.get(str_of(wrule, "doc")), validity.get(str_of(lrule, "doc")));
                            matches!((w, l), (Some((Some(from), _)), Some((_, Some(until)))) if from > until)
                        }
                    };
                    if holds {
                        continue;
                    }
                    let why = match ground {
                        Ground::Municipality => "\"municipality\" kræver, at kommunens egen regel vinder over en af lovens".to_string(),
                        Ground::Specific => format!("\"specific\" kræver, at {ws}/{wid} har alle betingelser (when) fra {ls}/{lid} og flere"),
                        Ground::Current => format!("\"current\" kræver, at {ls}/{lid} citerer en udløbet standard og {ws}/{wid} en, der gælder efter den"),
                    };
                    // Reported where it is written: on the winner (overrides) or the loser (yields_to).
                    let declared_on_winner = precedence_entries(wrule, "overrides").iter().any(|(t, _)| *t == format!("{ls}/{lid}"));
                    let (file_scope, at_id, target) = if declared_on_winner { (ws, wid, format!("{ls}/{lid}")) } else { (ls, lid, format!("{ws}/{wid}")) };
                    if file_scope == slug || file_scope == LAW_SCOPE {
                        self.report_at(&format!("rights/{file_scope}.toml"), &format!("id = {at_id:?}"), &target, format!("reglen {at_id:?}: grunden passer ikke: {why}"));
                    }
                }
            }
            if let Some(cycle) = precedence_cycle(&logic) {
                let names: Vec<String> = cycle.iter().map(|i| format!("{}/{}", entries[*i].0, entries[*i].1)).collect();
                let (scope, id, _) = &entries[cycle[0]];
                self.report(&format!("rights/{scope}.toml"), &format!("id = {id:?}"), format!("reglerne vinder over hinanden i ring: {}", names.join(" → ")));
                continue;
            }
            let pairs = conflicting_pairs(&logic);
            if let Some(cycle) = limit_cycle(&logic) {
                let names: Vec<String> = cycle.iter().map(|i| format!("{}/{}", entries[*i].0, entries[*i].1)).collect();
                let (scope, id, _) = &entries[cycle[0]];
                self.report(&format!("rights/{scope}.toml"), &format!("id = {id:?}"), format!("reglerne begrænser hinanden i ring: {}", names.join(" → ")));
                // Not weighed until the circle is broken: nothing else is said of these rules.
                law_ever.extend(entries.iter().filter(|(scope, _, _)| scope != slug).map(|(_, id, _)| id.clone()));
                continue;
            }
            let mut ever = vec![false; logic.len()];
            let mut conflicts: BTreeMap<(usize, usize), (Vec<crate::domain::claims::Key>, crate::domain::rights::Situation)> = BTreeMap::new();
            for situation in every_situation(&logic) {
                let weighed = weigh(&logic, &situation);
                for (i, w) in weighed.iter().enumerate() {
                    // Applies outright: an unanswered question would let any rule "may apply".
                    ever[i] |= matches!(w.verdict, Verdict::Applies);
                }
                for (a, b, keys) in conflicts_among(&weighed, &pairs) {
                    conflicts.entry((a, b)).or_insert((keys, situation.clone()));
                }
            }
            // Two rules that say different things to one person, with no word on which wins:
            // reported at the municipality's rule (where the precedence is to be written), once.
            for ((a, b), (keys, example)) in conflicts {
                let (first, second) = (&entries[a], &entries[b]);
                let (at, other) = if second.0 == *slug || first.0 == LAW_SCOPE { (second, first) } else { (first, second) };
                let (at_key, other_key) = (format!("{}/{}", at.0, at.1), format!("{}/{}", other.0, other.1));
                let both = if at_key < other_key { (at_key.clone(), other_key.clone()) } else { (other_key.clone(), at_key.clone()) };
                if !conflicts_reported.insert(both) {
                    continue;
                }
                let keys: Vec<&str> = keys.iter().map(|k| k.name()).collect();
                self.report(
                    &format!("rights/{}.toml", at.0),
                    &format!("id = {:?}", at.1),
                    format!(
                        "reglerne {at_key} og {other_key} siger hver sit om {} til samme person ({}), men ingen af dem siger, hvilken der gælder: skriv overrides eller yields_to med because = \"municipality\", \"specific\" eller \"current\"",
                        keys.join(", "),
                        situation_words(&example)
                    ),
                );
            }
            for (i, (scope, id, _)) in entries.iter().enumerate() {
                if scope == slug && !ever[i] {
                    self.report(&path, &format!("id = {id:?}"), format!("reglen {id:?} kan aldrig gælde for nogen: betingelserne (when, unless, limits) udelukker hinanden"));
                } else if scope != slug && ever[i] {
                    law_ever.insert(id.clone());
                }
            }
        }
        // A rule of the law: reported where no municipality lets it apply to anyone.
        if let Some(law) = self.table(&law_path).cloned() {
            for rule in array_of_tables(&law, "rule") {
                let id = str_of(rule, "id");
                if !slugs.is_empty() && !law_ever.contains(id) {
                    self.report(&law_path, &format!("id = {id:?}"), format!("reglen {id:?} kan aldrig gælde for nogen: betingelserne (when, unless, limits) udelukker hinanden"));
                }
            }
        }
    }

    /// Each standard's first and last day (`valid_from`, `valid_until` in standards/), by id.
    fn validity(&self) -> BTreeMap<String, (Option<String>, Option<String>)> {
        self.parsed
            .iter()
            .filter(|(path, _)| path.starts_with("standards/"))
            .map(|(_, t)| {
                let day = |k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
                (str_of(t, "id").to_string(), (day("valid_from"), day("valid_until")))
            })
            .collect()
    }

    /// A rule's claims: present, in the vocabulary, and the numbers and ages they state said by
    /// the rule's own quote (or, for an age, by a rule that limits this one).
    fn claims(&mut self, path: &str, id: &str, rule: &Table) {
        use crate::domain::claims::Claims;
        let anchor = format!("id = {id:?}");
        let Some(value) = rule.get("claims") else {
            self.report_at(path, &anchor, &anchor, format!("reglen {id:?}: claims mangler – skriv, hvad reglen siger (claims = {{ … }}), eller claims = {{}}, hvis intet i ordforrådet passer"));
            return;
        };
        let claims: Claims = match value.clone().try_into() {
            Ok(c) => c,
            Err(e) => {
                let message = e.to_string().lines().next().unwrap_or_default().to_string();
                self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims kan ikke læses: {message}"));
                return;
            }
        };
        let quote = str_of(rule, "quote");
        let stated = number_words(quote);
        let in_weeks = letters(quote).contains("uge");
        for (key, n) in claims.numbers() {
            let n = i64::from(n);
            if !stated.contains(&n) && !(in_weeks && n % 7 == 0 && stated.contains(&(n / 7))) {
                self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims {key} = {n}, men citatet siger ikke {n}"));
            }
        }
        if let Some(age) = claims.age {
            let when = rule.get("when").and_then(Value::as_table);
            let min = when.and_then(|w| w.get("min_age")).and_then(Value::as_integer);
            let max = when.and_then(|w| w.get("max_age")).and_then(Value::as_integer);
            let limited_to = self.limiting_ages(path, id);
            if let Some(from) = age.from.map(i64::from) {
                let said = stated.contains(&from) || stated.contains(&(from - 1));
                if !said && !limited_to.0.contains(&from) {
                    self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims age.from = {from}, men citatet siger ikke {from}"));
                } else if min != Some(from) && !limited_to.0.contains(&from) {
                    self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims age.from = {from}, men guiden spørger ikke efter det: when mangler min_age = {from}"));
                }
            }
            if let Some(to) = age.to.map(i64::from) {
                let said = stated.contains(&to) || stated.contains(&(to + 1));
                if !said && !limited_to.1.contains(&to) {
                    self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims age.to = {to}, men citatet siger ikke {to}"));
                } else if max != Some(to) && !limited_to.1.contains(&to) {
                    self.report_at(path, &anchor, "claims", format!("reglen {id:?}: claims age.to = {to}, men guiden spørger ikke efter det: when mangler max_age = {to}"));
                }
            }
        }
    }

    /// The lowest and highest ages (`when`) of the rules in the same file that limit `id`.
    fn limiting_ages(&self, path: &str, id: &str) -> (Vec<i64>, Vec<i64>) {
        let scope = path.trim_start_matches("rights/").trim_end_matches(".toml");
        let me = format!("{scope}/{id}");
        let mut out = (Vec::new(), Vec::new());
        if let Some(table) = self.table(path) {
            for by in array_of_tables(table, "rule").into_iter().filter(|r| strs_of(r, "limits").contains(&me)) {
                let when = by.get("when").and_then(Value::as_table);
                out.0.extend(when.and_then(|w| w.get("min_age")).and_then(Value::as_integer));
                out.1.extend(when.and_then(|w| w.get("max_age")).and_then(Value::as_integer));
            }
        }
        out
    }

    /// Text a citizen reads must not name the portal's internals. Every string of every content
    /// file is read, except the keys that are not shown (ids, references, citations' own fields
    /// and notes for the authors).
    fn internals(&mut self, documents: &BTreeMap<String, Document>) {
        const NOT_SHOWN: [&str; 16] =
            ["id", "doc", "section", "quote", "note", "seed_note", "limits", "governing_doc", "kommuner", "slug", "seed", "topic", "purpose", "mode", "rule", "because"];
        const NOT_SHOWN_TABLES: [&str; 2] = ["before_talking", "claims"];
        let mut found: Vec<(String, String, String)> = Vec::new();
        fn walk(value: &Value, key: &str, out: &mut Vec<(String, String)>) {
            match value {
                Value::String(text) if !NOT_SHOWN.contains(&key) && !key.ends_with("_quote") => out.push((key.to_string(), text.clone())),
                Value::Array(items) if key != "kommuner" && key != "limits" => items.iter().for_each(|v| walk(v, key, out)),
                Value::Table(t) => t.iter().filter(|(k, _)| !NOT_SHOWN_TABLES.contains(&k.as_str())).for_each(|(k, v)| walk(v, k, out)),
                _ => {}
            }
        }
        for path in self.parsed.keys().filter(|p| !p.starts_with("standards/")).cloned().collect::<Vec<_>>() {
            let mut strings = Vec::new();
            walk(&Value::Table(self.parsed[&path].clone()), "", &mut strings);
            for (key, text) in strings {
                if let Some(internal) = internal_in(&text, documents.keys()) {
                    found.push((path.clone(), text, format!("{key}: teksten viser portalens indre ({internal:?}); skriv det for borgeren, eller flyt det til note")));
                }
            }
        }
        for (path, text, message) in found {
            self.report(&path, &text, message);
        }
    }

    /// A number a params table computes with must be the number its quote states: `quote`, or
    /// the value's own `KEY_quote` where the number stands in another sentence.
    fn stated_in_quote(&mut self, path: &str, anchor: &str, entry: &Table, what: &str) {
        let Some(quote) = entry.get("quote").and_then(Value::as_str) else { return };
        for key in ["days", "max", "min", "years"] {
            if let Some(n) = entry.get(key).and_then(Value::as_integer) {
                let own = entry.get(&format!("{key}_quote")).and_then(Value::as_str).unwrap_or_default();
                if !number_words(quote).contains(&n) && !number_words(own).contains(&n) {
                    self.report_at(path, anchor, quote, format!("{what}: {key} = {n}, men citatet nævner ikke {n}"));
                }
            }
        }
        if let (Some(days), Some(wording)) = (entry.get("deadline_days").and_then(Value::as_integer), entry.get("deadline_wording").and_then(Value::as_str)) {
            if !letters(quote).contains(&letters(wording)) {
                self.report_at(path, anchor, wording, format!("{what}: fristen {wording:?} står ikke i citatet"));
            } else if wording_days(wording) != Some(days) {
                self.report_at(path, anchor, wording, format!("{what}: deadline_days = {days} svarer ikke til {wording:?}"));
            }
        }
    }

    fn booking(&mut self, slugs: &BTreeSet<String>, rules: &BTreeSet<String>) {
        const FILE: &str = "booking.toml";
        let Some(table) = self.table(FILE).cloned() else {
            if self.files.get(FILE).is_none() {
                self.problems.push(Problem { file: FILE.into(), line: None, message: "filen mangler".into() });
            }
            return;
        };
        let mut ids = BTreeSet::new();
        let mut served = BTreeSet::new();
        for site in array_of_tables(&table, "site") {
            let id = str_of(site, "id");
            if !ids.insert(id.to_string()) {
                self.report_repeat(FILE, "id", id, format!("stedet {id:?} står der to gange"));
            }
            for k in strs_of(site, "kommuner") {
                if slugs.contains(&k) {
                    served.insert(k);
                } else {
                    self.report_at(FILE, &format!("id = {id:?}"), &k, format!("stedet {id:?}: kommunen {k:?} findes ikke i kommuner.toml"));
                }
            }
        }
        for slug in slugs.difference(&served) {
            self.report(FILE, "[[site]]", format!("kommunen {slug:?} har intet sted at booke samtaler"));
        }
        let before = table.get("before_talking").and_then(Value::as_table).cloned().unwrap_or_default();
        for slug in slugs.iter().filter(|s| !before.contains_key(*s)) {
            self.report(FILE, "[[site]]", format!("kommunen {slug:?} har ingen [before_talking.{slug}]: hvem der kan booke og henvende sig, og underretningspligten"));
        }
        for (k, said) in &before {
            if !slugs.contains(k) {
                self.report(FILE, &format!("[before_talking.{k}]"), format!("[before_talking.{k}]: kommunen {k:?} findes ikke i kommuner.toml"));
            }
            for key in ["who_may_book", "notices", "duty_to_notify", "who_may_request"] {
                let Some(value) = said.get(key) else {
                    self.report(FILE, &format!("[before_talking.{k}]"), format!("[before_talking.{k}]: {key} mangler"));
                    continue;
                };
                let named: Vec<&str> = match value {
                    Value::String(one) => vec![one.as_str()],
                    other => other.as_array().into_iter().flatten().filter_map(Value::as_str).collect(),
                };
                for n in named.into_iter().filter(|n| !rules.contains(*n)) {
                    self.report_at(FILE, &format!("[before_talking.{k}]"), n, format!("[before_talking.{k}] {key}: reglen {n:?} findes ikke i rights/"));
                }
            }
        }
    }

    fn catalogue(&mut self, documents: &BTreeMap<String, Document>, slugs: &BTreeSet<String>) {
        for (file, key) in [("catalogue/services.toml", "service"), ("catalogue/outcomes.toml", "outcome")] {
            let Some(table) = self.table(file).cloned() else {
                if self.files.get(file).is_none() {
                    self.problems.push(Problem { file: file.into(), line: None, message: "filen mangler".into() });
                }
                continue;
            };
            let mut ids = BTreeSet::new();
            for entry in array_of_tables(&table, key) {
                let id = str_of(entry, "id");
                let what = if id.is_empty() { key.to_string() } else { format!("{key} {id:?}") };
                if !id.is_empty() && !ids.insert(id.to_string()) {
                    self.report_repeat(file, "id", id, format!("{what} står der to gange"));
                }
                let anchor = format!("id = {id:?}");
                self.kommune_list(file, &anchor, entry, slugs, &what);
                self.citation(documents, file, &anchor, entry, &what, &["quote"], true);
                if let Some(source) = entry.get("min_age_source").and_then(Value::as_table) {
                    self.citation(documents, file, &anchor, source, &format!("{what}: min_age_source"), &["quote"], true);
                }
            }
        }
    }

    fn standards(&mut self, documents: &BTreeMap<String, Document>, slugs: &BTreeSet<String>) {
        let files: Vec<(String, String)> = self.files.tomls_in("standards").map(|(stem, path, _)| (stem.to_string(), path.to_string())).collect();
        for (id, path) in files {
            if !documents.contains_key(&id) {
                self.problems.push(Problem { file: path.clone(), line: Some(1), message: format!("dokumentet {id:?} findes ikke i documents.toml") });
            }
            let Some(table) = self.table(&path).cloned() else { continue };
            self.kommune_list(&path, "", &table, slugs, "standarden");
            for s in array_of_tables(&table, "superseded") {
                let k = str_of(s, "kommune");
                if !slugs.contains(k) {
                    self.report(&path, k, format!("superseded: kommunen {k:?} findes ikke i kommuner.toml"));
                }
            }
        }
    }

    fn kommune_list(&mut self, file: &str, anchor: &str, entry: &Table, slugs: &BTreeSet<String>, what: &str) {
        for k in strs_of(entry, "kommuner") {
            if !slugs.contains(&k) {
                self.report_at(file, anchor, &k, format!("{what}: kommunen {k:?} findes ikke i kommuner.toml"));
            }
        }
    }
}

/// The first mark of the portal's internals in a citizen's text: a content file's name, a
/// document id, a reference to the content's files.
fn internal_in<'a>(text: &str, document_ids: impl Iterator<Item = &'a String>) -> Option<String> {
    for mark in [".toml", "kommunefil", "seeds/", "faelles/"] {
        if text.contains(mark) {
            return Some(mark.to_string());
        }
    }
    // An id that is a plain word ("thisted") is also a name in addresses and prose; only ids
    // with a hyphen or a digit ("ishoj-2024") are unmistakably ids.
    let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '-')).collect();
    document_ids
        .into_iter()
        .filter(|id| id.contains(|c: char| c == '-' || c.is_ascii_digit()))
        .find(|id| words.contains(&id.as_str()))
        .cloned()
}

/// The rules a rule names in `overrides` and `yields_to`: (key, `scope/id`).
fn precedence_of(rule: &Table) -> Vec<(&'static str, String)> {
    ["overrides", "yields_to"].into_iter().flat_map(|key| precedence_entries(rule, key).into_iter().map(move |(t, _)| (key, t))).collect()
}

/// The entries of `overrides` or `yields_to`: the rule named, and the ground if it is one.
fn precedence_entries(rule: &Table, key: &str) -> Vec<(String, Option<crate::domain::claims::Ground>)> {
    rule.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_table)
                .map(|t| (str_of(t, "rule").to_string(), t.get("because").cloned().and_then(|g| g.try_into().ok())))
                .collect()
        })
        .unwrap_or_default()
}

/// A situation in the guide's words, for a reviewer: the answers given.
fn situation_words(s: &crate::domain::rights::Situation) -> String {
    use crate::domain::rights::Question;
    let words: Vec<String> = Question::ALL
        .into_iter()
        .filter_map(|q| crate::domain::rights::answer_value(s, q).map(|v| format!("{}={v}", q.key())))
        .collect();
    if words.is_empty() {
        "alle spørgsmål ubesvarede".into()
    } else {
        words.join(", ")
    }
}

fn array_of_tables<'t>(table: &'t Table, key: &str) -> Vec<&'t Table> {
    table.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_table).collect()).unwrap_or_default()
}

fn str_of<'t>(table: &'t Table, key: &str) -> &'t str {
    table.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn strs_of(table: &Table, key: &str) -> Vec<String> {
    table.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn first_present(table: &Table, keys: &[&str]) -> String {
    keys.iter().find_map(|k| table.get(*k).and_then(Value::as_str)).unwrap_or_default().to_string()
}

/// Only letters and digits, lower-case: white space, line breaks, the PDF's hyphenation and
/// bullet glyphs drop out, while every letter must still come in the same order.
pub fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The numbers a Danish sentence states, in digits or in words.
fn number_words(text: &str) -> BTreeSet<i64> {
    const WORDS: [(&str, i64); 14] = [
        ("en", 1),
        ("et", 1),
        ("to", 2),
        ("tre", 3),
        ("fire", 4),
        ("fem", 5),
        ("seks", 6),
        ("syv", 7),
        ("otte", 8),
        ("ni", 9),
        ("ti", 10),
        ("elleve", 11),
        ("tolv", 12),
        ("fjorten", 14),
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            let w = w.to_lowercase();
            w.parse::<i64>().ok().or_else(|| WORDS.iter().find(|(word, _)| *word == w).map(|(_, n)| *n))
        })
        .collect()
}

/// "fire uger" → 28, "28 dage" → 28, "fire ugers" → 28.
fn wording_days(wording: &str) -> Option<i64> {
    let mut parts = wording.split_whitespace();
    let n = *number_words(parts.next()?).iter().next()?;
    match parts.next()? {
        u if u.starts_with("uge") => Some(n * 7),
        d if d.starts_with("dag") || d.starts_with("dør") => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reserved() -> Vec<String> {
        ["katalog", "personale", "standarder"].map(String::from).to_vec()
    }

    #[test]
    fn the_compiled_content_has_no_problem() {
        let problems = check(&ContentFiles::compiled(), &reserved());
        assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
    }

    #[test]
    fn numbers_are_read_in_digits_and_words() {
        assert!(number_words("senest 14 dage").contains(&14));
        assert!(number_words("indbefatter 3–5 samtaler").contains(&5));
        assert!(number_words("op til fem samtaler").contains(&5));
        assert_eq!(wording_days("fire uger"), Some(28));
        assert_eq!(wording_days("28 dage"), Some(28));
    }
}
