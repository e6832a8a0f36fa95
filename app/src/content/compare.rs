//! The comparison of municipalities: per topic, what each municipality's sources say, every fact
//! cited. Nothing is averaged or merged: a municipality's cell holds only its own documents' facts,
//! and a topic a source is silent on stays an empty cell (shown as such).
//!
//! It lives with the content, not in `domain`: it reads the content's types and says its topics
//! and sentences in Danish (`text`).

use crate::content::catalogue::{Catalogue, CompareFact, CompareRow, Comparison, Params};
use crate::content::{CitedText, Content};
use crate::domain::kommune::Kommune;
use crate::domain::standard_status::Status;
use crate::text::t;
use chrono::NaiveDate;

/// The topics, in the order shown: (key, title, rights-rule topics drawn in).
const TOPICS: [(&str, &str, &[&str]); 9] = [
    ("alder", t::TOPIC_AGE, &["maalgruppe"]),
    ("anonymitet", t::TOPIC_ANONYMOUS, &["anonymitet"]),
    ("samtaler", t::TOPIC_TALKS, &["samtaler", "paaroerende"]),
    ("intensitet", t::TOPIC_INTENSITY, &[]),
    ("garanti", t::TOPIC_GUARANTEE, &["behandlingsgaranti"]),
    ("klage", t::TOPIC_COMPLAINT, &["klage"]),
    ("betaling", t::TOPIC_PAYMENT, &["betaling"]),
    ("opfoelgning", t::TOPIC_FOLLOW_UP, &["opfoelgning"]),
    ("resultatmaal", t::TOPIC_OUTCOMES, &[]),
];

/// Danish list: "1, 3, 6 og 12".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t::CMP_AND),
    }
}

/// Fills the `{}` of a template in order.
fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::new();
    let mut parts = template.split("{}");
    out.push_str(parts.next().unwrap_or(""));
    for (part, v) in parts.zip(values.iter().chain(std::iter::repeat(&""))) {
        out.push_str(v);
        out.push_str(part);
    }
    out
}

/// "3–5" or "op til 5".
fn range(p: &Params) -> Option<String> {
    match (p.int("min"), p.int("max")) {
        (Some(lo), Some(hi)) if lo != hi => Some(format!("{lo}–{hi}")),
        (_, Some(hi)) => Some(format!("{} {hi}", t::CMP_UP_TO)),
        _ => None,
    }
}

/// The sentence a params table stands for, in Danish; `None` for a table the comparison does not show.
fn params_sentence(p: &Params) -> Option<String> {
    match p.name.as_str() {
        "min_age" => p.int("years").map(|y| fill(t::CMP_MIN_AGE, &[&y.to_string()])),
        "anonymous_min_age" => p.int("years").map(|y| fill(t::CMP_ANON_MIN_AGE, &[&y.to_string()])),
        "anonymous_talks" => range(p).map(|r| fill(t::CMP_ANON_TALKS, &[&r])),
        "relative_talks" => range(p).map(|r| fill(t::CMP_RELATIVE_TALKS, &[&r])),
        "guarantee" => {
            let clock = match p.str("clock_starts")? {
                "contact" => t::CMP_CLOCK_CONTACT,
                "attendance" => t::CMP_CLOCK_ATTENDANCE,
                "application" => t::CMP_CLOCK_APPLICATION,
                _ => return None,
            };
            p.int("days").map(|d| fill(t::CMP_GUARANTEE, &[&d.to_string(), clock]))
        }
        "complaint" => {
            let wording = p.str("deadline_wording")?;
            let body = p.str("appeal_body").unwrap_or("Ankestyrelsen");
            let template = if p.str("deadline_refers_to") == Some("received") { t::CMP_COMPLAINT_RECEIVED } else { t::CMP_COMPLAINT_SENT };
            Some(fill(template, &[wording, body]))
        }
        "follow_up" => {
            let months: Vec<String> = p.ints("months_after_end").iter().map(|m| m.to_string()).collect();
            (!months.is_empty()).then(|| fill(t::CMP_FOLLOW_UP, &[&and_list(&months)]))
        }
        "transport" => match p.str("paid_by")? {
            "citizen" => Some(t::CMP_TRANSPORT_CITIZEN.to_string()),
            "municipality" => Some(fill(t::CMP_TRANSPORT_MUNICIPALITY, &[p.str("applies_to").unwrap_or("")]).replace(" ()", "")),
            _ => None,
        },
        _ => None,
    }
}

/// Which params tables feed which topic.
fn topic_params(key: &str) -> &'static [&'static str] {
    match key {
        "alder" => &["min_age", "anonymous_min_age"],
        "anonymitet" => &["anonymous_talks"],
        "samtaler" => &["relative_talks"],
        "garanti" => &["guarantee"],
        "klage" => &["complaint"],
        "betaling" => &["transport"],
        "opfoelgning" => &["follow_up"],
        _ => &[],
    }
}

/// Builds the comparison for the chosen municipalities (at least one; the caller asks for two).
pub fn compare(content: &Content, catalogue: &Catalogue, kommuner: &[Kommune], today: NaiveDate) -> Comparison {
    let expired = |doc: &str| catalogue.status_of(doc, today) == Status::Expired;
    let rows = TOPICS
        .iter()
        .map(|(key, title, rule_topics)| {
            let cells = kommuner
                .iter()
                .map(|k| {
                    let slug = k.slug();
                    let mut facts = Vec::new();
                    for name in topic_params(key) {
                        if let Some(p) = catalogue.params(slug, name) {
                            if let Some(text) = params_sentence(p) {
                                facts.push(CompareFact {
                                    label: None,
                                    fact: CitedText { text, source: p.source.clone() },
                                    quote: Some(p.quote.clone()),
                                    expired: expired(&p.source.doc_id),
                                });
                            }
                        }
                    }
                    for r in content.rules().iter().filter(|r| r.scope == slug && rule_topics.contains(&r.topic.slug())) {
                        facts.push(CompareFact {
                            label: Some(r.title.clone()),
                            fact: r.fact.clone(),
                            quote: Some(r.quote.clone()),
                            expired: expired(&r.fact.source.doc_id),
                        });
                    }
                    let services = catalogue.services().iter().filter(|s| s.kommuner.iter().any(|x| x == slug));
                    match *key {
                        "anonymitet" => {
                            for s in services.filter(|s| s.anonymous == Some(true)) {
                                facts.push(CompareFact {
                                    label: Some(s.name.clone()),
                                    fact: CitedText { text: s.target_group.clone(), source: s.source.clone() },
                                    quote: Some(s.quote.clone()),
                                    expired: expired(&s.source.doc_id),
                                });
                            }
                        }
                        "intensitet" => {
                            for s in services.filter(|s| s.intensity.is_some() || s.duration.is_some()) {
                                let parts: Vec<String> = [(t::SVC_INTENSITY, &s.intensity), (t::SVC_DURATION, &s.duration)]
                                    .iter()
                                    .filter_map(|(label, v)| v.as_ref().map(|v| format!("{label}: {v}")))
                                    .collect();
                                facts.push(CompareFact {
                                    label: Some(s.name.clone()),
                                    fact: CitedText { text: format!("{}.", parts.join(". ")), source: s.source.clone() },
                                    quote: Some(s.quote.clone()),
                                    expired: expired(&s.source.doc_id),
                                });
                            }
                        }
                        "betaling" => {
                            for s in services.filter(|s| s.price.is_some()) {
                                facts.push(CompareFact {
                                    label: Some(s.name.clone()),
                                    fact: CitedText { text: format!("{}: {}. {}", t::SVC_PRICE, s.price.clone().unwrap_or_default(), t::SVC_PRICE_WHO), source: s.source.clone() },
                                    quote: Some(s.quote.clone()),
                                    expired: expired(&s.source.doc_id),
                                });
                            }
                        }
                        "resultatmaal" => {
                            for o in catalogue.outcomes().iter().filter(|o| o.kommuner.iter().any(|x| x == slug)) {
                                let text = match &o.value {
                                    Some(v) => format!("{}: {v}.", o.text.trim_end_matches('.')),
                                    None => o.text.clone(),
                                };
                                facts.push(CompareFact {
                                    label: None,
                                    fact: CitedText { text, source: o.source.clone() },
                                    quote: Some(o.quote.clone()),
                                    expired: expired(&o.source.doc_id),
                                });
                            }
                        }
                        _ => {}
                    }
                    facts
                })
                .collect();
            CompareRow { key: key.to_string(), title: title.to_string(), cells }
        })
        .collect();
    Comparison { kommuner: kommuner.iter().map(|k| (k.slug().to_string(), k.name().to_string())).collect(), rows }
}

/// The comparison as CSV: one row per fact, with its citation. Semicolons and a byte-order mark,
/// because that is what Excel with Danish settings opens correctly; LibreOffice reads it too.
pub fn to_csv(c: &Comparison) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(t::CSV_HEADER)?;
        for row in &c.rows {
            for ((_, name), cell) in c.kommuner.iter().zip(&row.cells) {
                if cell.is_empty() {
                    w.write_record([name.as_str(), &row.title, "", t::COMPARE_SILENT, "", "", "", "", ""])?;
                }
                for f in cell {
                    let s = &f.fact.source;
                    w.write_record([
                        name.as_str(),
                        &row.title,
                        f.label.as_deref().unwrap_or(""),
                        &f.fact.text,
                        &s.doc_title,
                        &s.section,
                        s.law.as_deref().unwrap_or(""),
                        f.quote.as_deref().unwrap_or(""),
                        if f.expired { t::YES } else { t::NO },
                    ])?;
                }
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// The municipalities asked for, in order and without repeats; unknown slugs are returned apart
/// so the page can name them.
/// The municipalities asked for, among the `installed` ones; unknown values are returned apart.
pub fn parse_kommuner(values: &[String], installed: &[Kommune]) -> (Vec<Kommune>, Vec<String>) {
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match installed.iter().copied().find(|k| k.slug() == v) {
            Some(k) if !known.contains(&k) => known.push(k),
            Some(_) => {}
            None => unknown.push(v.chars().take(40).collect()),
        }
    }
    (known, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::catalogue::catalogue;
    use crate::content::content;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn cell<'a>(c: &'a Comparison, key: &str, kommune: usize) -> &'a [CompareFact] {
        &c.rows.iter().find(|r| r.key == key).unwrap().cells[kommune]
    }

    #[test]
    fn odsherred_and_ishoj_side_by_side_keep_their_own_ages() {
        let c = compare(content(), catalogue(), &[crate::content::kommune_named("odsherred"), crate::content::kommune_named("ishoj")], today());
        assert_eq!(c.rows.len(), TOPICS.len());
        let ods = cell(&c, "alder", 0);
        let ish = cell(&c, "alder", 1);
        assert_eq!(ods[0].fact.text, "Målgruppen er fra 12 år.");
        assert_eq!(ish[0].fact.text, "Målgruppen er fra 13 år.");
        assert_eq!(ods[0].fact.source.doc_id, "odsherred-2025");
    }

    #[test]
    fn every_cell_is_cited_and_nothing_is_shared_between_columns() {
        let all = crate::content::kommuner();
        let c = compare(content(), catalogue(), all, today());
        for row in &c.rows {
            assert_eq!(row.cells.len(), all.len());
            for (k, cell) in all.iter().zip(&row.cells) {
                for f in cell {
                    assert!(!f.fact.text.is_empty() && !f.fact.source.section.is_empty() && !f.fact.source.doc_title.is_empty(), "{}: uncited", row.key);
                    // A fact from another municipality's document would be averaging: the
                    // document must be one the municipality's own files cite.
                    let docs_for_k: &[&str] = match k.slug() {
                        "ishoj" => &["ishoj-2024", "ishoj-vallensbaek-2020", "pitstop-takstblad"],
                        "vallensbaek" => &["ishoj-vallensbaek-2020", "pitstop-takstblad"],
                        "odsherred" => &["odsherred-2025"],
                        "thisted" => &["thisted"],
                        other => panic!("no expectation for {other}"),
                    };
                    assert!(docs_for_k.contains(&f.fact.source.doc_id.as_str()), "{} {}: cites {}", k.slug(), row.key, f.fact.source.doc_id);
                }
            }
        }
        // The topics the issue names all have something for most municipalities.
        for key in ["garanti", "opfoelgning", "resultatmaal", "betaling"] {
            let row = c.rows.iter().find(|r| r.key == key).unwrap();
            assert!(row.cells.iter().all(|c| !c.is_empty()), "{key}: an empty cell");
        }
    }

    #[test]
    fn thisted_complaint_deadline_is_counted_to_receipt_and_ishoj_to_sending() {
        let c = compare(content(), catalogue(), &[crate::content::kommune_named("thisted"), crate::content::kommune_named("ishoj"), crate::content::kommune_named("odsherred")], today());
        assert!(cell(&c, "klage", 0)[0].fact.text.contains("28 dage"));
        assert!(cell(&c, "klage", 0)[0].fact.text.contains("modtaget klagen"));
        assert!(cell(&c, "klage", 1)[0].fact.text.contains("fire uger"));
        assert!(cell(&c, "klage", 1)[0].fact.text.contains("sendt"));
        // Odsherred gives no deadline: its cell has its rules, but no deadline sentence.
        assert!(cell(&c, "klage", 2).iter().all(|f| !f.fact.text.starts_with("Klagefrist")));
        assert_eq!(cell(&c, "opfoelgning", 0)[0].fact.text, "Opfølgning 1 og 6 måneder efter afsluttet behandling.");
        assert_eq!(cell(&c, "opfoelgning", 1)[0].fact.text, "Opfølgning 1, 3, 6 og 12 måneder efter afsluttet behandling.");
    }

    #[test]
    fn facts_from_the_expired_standard_are_marked() {
        let c = compare(content(), catalogue(), &[crate::content::kommune_named("vallensbaek"), crate::content::kommune_named("odsherred")], today());
        let outcomes = cell(&c, "resultatmaal", 0);
        assert!(!outcomes.is_empty() && outcomes.iter().all(|f| f.expired));
        assert!(cell(&c, "resultatmaal", 1).iter().all(|f| !f.expired));
        assert!(cell(&c, "resultatmaal", 1).iter().any(|f| f.fact.text.contains("35 %")));
    }

    #[test]
    fn csv_has_a_header_a_row_per_fact_and_the_citations() {
        let c = compare(content(), catalogue(), &[crate::content::kommune_named("ishoj"), crate::content::kommune_named("thisted")], today());
        let bytes = to_csv(&c).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("\u{feff}Kommune;Emne;"));
        let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        let facts: usize = c.rows.iter().flat_map(|r| &r.cells).map(|c| c.len().max(1)).sum();
        assert_eq!(rows.len(), facts);
        assert!(rows.iter().all(|r| r.len() == 9));
        assert!(rows.iter().any(|r| &r[0] == "Thisted Kommune" && r[3].contains("28 dage") && &r[5] == "Klageadgang"));
        assert!(rows.iter().filter(|r| &r[3] != t::COMPARE_SILENT).all(|r| !r[4].is_empty() && !r[5].is_empty()));
    }

    #[test]
    fn the_chosen_municipalities_are_parsed_in_order_without_repeats() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (k, bad) = parse_kommuner(&v(&["thisted", "ishoj", "thisted", "", "aarhus"]), crate::content::kommuner());
        assert_eq!(k, vec![crate::content::kommune_named("thisted"), crate::content::kommune_named("ishoj")]);
        assert_eq!(bad, vec!["aarhus".to_string()]);
        let long = "x".repeat(500);
        let (_, bad) = parse_kommuner(&[long], crate::content::kommuner());
        assert_eq!(bad[0].len(), 40, "an echoed value is cut");
    }
}
