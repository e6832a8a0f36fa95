//! For professionals: the service catalogue, the standards and the comparison. Thin: parse the
//! parameters, call `domain::{catalogue, search}` and `content::compare` over the parsed content, map errors
//! to Danish messages.
use crate::content::catalogue::{Comparison, Service, Standard, StandardSummary};
use crate::domain::catalogue::RawFilter;
use serde::{Deserialize, Serialize};

/// A service as listed, with whether its document's period has ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub service: Service,
    pub expired: bool,
    /// The document is replaced for this municipality (e.g. Ishøj), by this document.
    pub superseded: Vec<(String, String)>,
}

/// A passage of a standard that matches the search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandardHit {
    pub doc_id: String,
    pub doc_short: String,
    pub anchor: String,
    pub heading: String,
    pub snippet: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CataloguePage {
    /// What was asked, to fill the form again.
    pub asked: RawFilter,
    /// Danish messages, one per bad parameter, with the field's id.
    pub errors: Vec<(String, String)>,
    pub services: Vec<ServiceCard>,
    /// `None` when there was no search text.
    pub standard_hits: Option<Vec<StandardHit>>,
    /// (id, label) of every kind, for the form.
    pub kinds: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparePage {
    pub selected: Vec<String>,
    pub errors: Vec<String>,
    pub comparison: Option<Comparison>,
    /// Query string for the CSV link, e.g. `kommune=ishoj&kommune=thisted`.
    pub csv_query: String,
}

/// The catalogue filtered as the query asks (an invalid filter is explained on the page).
pub fn catalogue_page(raw: RawFilter) -> CataloguePage {
    logic::catalogue_page(raw, crate::clock::today())
}

/// The comparison of the municipalities named in the query.
pub fn comparison(kommuner: &[String]) -> ComparePage {
    logic::compare_page(kommuner, crate::clock::today())
}

/// The standards in force today.
pub fn standards() -> Vec<StandardSummary> {
    crate::content::catalogue::catalogue().standards_on(crate::clock::today()).into_iter().map(|s| s.summary).collect()
}

/// One standard with its text, or `None` for an id the portal does not have.
pub fn standard(id: &str) -> Option<Standard> {
    crate::content::catalogue::catalogue().standards_on(crate::clock::today()).into_iter().find(|s| s.summary.id == id)
}

#[cfg(feature = "ssr")]
pub mod logic {
    use super::*;
    use crate::content::catalogue::{catalogue, Block, KINDS, SUBSTANCES};
    use crate::content::content;
    use crate::domain::catalogue::{matches, parse, FilterError};
    use crate::domain::search::{snippet, Query};
    use crate::domain::standard_status::Status;
    use crate::content::compare;
    use crate::domain::kommune::Kommune;
    use crate::text::t;
    use chrono::NaiveDate;

    /// Search results are capped: a professional refines rather than scrolls.
    const MAX_STANDARD_HITS: usize = 25;

    fn error_text(e: FilterError) -> (String, String) {
        let (field, text) = match e {
            FilterError::UnknownKommune => ("kommune", t::err_unknown_kommune(&t::kommune_names(Kommune::all()))),
            FilterError::UnknownKind => ("kind", t::ERR_UNKNOWN_KIND.to_string()),
            FilterError::UnknownSubstance => ("substance", t::ERR_UNKNOWN_SUBSTANCE.to_string()),
            FilterError::BadAge => ("age", t::ERR_BAD_AGE.to_string()),
        };
        (field.to_string(), format!("{text}."))
    }

    /// The lowest age of the target group of the document a service comes from, from the rights
    /// params of a municipality governed by that document.
    fn target_min_age(s: &Service) -> Option<u32> {
        crate::content::kommuner().iter().find_map(|k| {
            catalogue()
                .params(k.slug(), "min_age")
                .filter(|p| p.source.doc_id == s.source.doc_id)
                .and_then(|p| p.int("years"))
                .and_then(|y| u32::try_from(y).ok())
        })
    }

    /// All text of a service that search looks at.
    fn service_text(s: &Service) -> String {
        let mut parts = vec![s.name.as_str(), s.target_group.as_str(), s.summary.as_str(), t::kind_label(&s.kind)];
        parts.extend(s.provider_name.as_deref());
        parts.extend(s.intensity.as_deref());
        parts.extend(s.duration.as_deref());
        parts.extend(s.price.as_deref());
        parts.extend(s.legal_basis.iter().map(String::as_str));
        parts.extend(s.kommuner.iter().filter_map(|k| crate::content::find_kommune(k)).map(|k| k.name()));
        parts.join(" ")
    }

    pub fn catalogue_page(raw: RawFilter, today: NaiveDate) -> CataloguePage {
        let cat = catalogue();
        let (filter, errors) = parse(&raw, crate::content::kommuner(), &KINDS, &SUBSTANCES);
        let query = raw.q.as_deref().and_then(Query::parse);
        let mut scored: Vec<(u32, usize, &Service)> = cat
            .services()
            .iter()
            .enumerate()
            .filter(|(_, s)| matches(&s.offer(), &filter, target_min_age(s)))
            .filter_map(|(i, s)| match &query {
                // The name counts twice: a service called what was searched for comes first.
                Some(q) => q.score(&service_text(s)).map(|score| (score + q.score(&s.name).unwrap_or(0) * 2, i, s)),
                None => Some((0, i, s)),
            })
            .collect();
        // Best match first; otherwise the content files' order (by document, as the seeds list them).
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let services = scored
            .into_iter()
            .map(|(_, _, s)| ServiceCard {
                service: s.clone(),
                expired: cat.status_of(&s.source.doc_id, today) == Status::Expired,
                superseded: s
                    .kommuner
                    .iter()
                    .filter_map(|k| cat.superseded_for(&s.source.doc_id, k).map(|x| (k.clone(), x.by_short.clone())))
                    .collect(),
            })
            .collect();
        let standard_hits = query.as_ref().map(|q| {
            let mut hits: Vec<(u32, StandardHit)> = Vec::new();
            for std in cat.standards_on(today) {
                if let Some(k) = filter.kommune {
                    if !std.summary.kommuner.iter().any(|x| x == k.slug()) {
                        continue;
                    }
                }
                for sec in &std.sections {
                    let body: Vec<&str> = sec
                        .blocks
                        .iter()
                        .flat_map(|b| match b {
                            Block::Paragraph(p) => vec![p.as_str()],
                            Block::List { items, .. } => items.iter().map(String::as_str).collect(),
                            Block::Table(rows) => rows.iter().flatten().map(String::as_str).collect(),
                        })
                        .collect();
                    let text = format!("{} {}", sec.heading, body.join(" "));
                    if let Some(score) = q.score(&text) {
                        // The snippet comes from the first block that matches, else the heading.
                        let best = body.iter().find(|b| q.matches(b)).copied().unwrap_or(sec.heading.as_str());
                        hits.push((
                            score + q.score(&sec.heading).unwrap_or(0) * 2,
                            StandardHit {
                                doc_id: std.summary.id.clone(),
                                doc_short: std.summary.short.clone(),
                                anchor: sec.anchor.clone(),
                                heading: if sec.heading.is_empty() { t::STANDARD_INTRO.to_string() } else { sec.heading.clone() },
                                snippet: snippet(best, q, 220),
                            },
                        ));
                    }
                }
            }
            hits.sort_by(|a, b| b.0.cmp(&a.0));
            hits.into_iter().take(MAX_STANDARD_HITS).map(|(_, h)| h).collect()
        });
        CataloguePage {
            asked: raw,
            errors: errors.into_iter().map(error_text).collect(),
            services,
            standard_hits,
            kinds: KINDS.iter().map(|k| (k.to_string(), t::kind_label(k).to_string())).collect(),
        }
    }

    pub fn compare_page(values: &[String], today: NaiveDate) -> ComparePage {
        let (kommuner, unknown) = compare::parse_kommuner(values, crate::content::kommuner());
        let mut errors: Vec<String> = unknown.iter().map(|u| format!("»{u}«: {}.", t::err_unknown_kommune(&t::kommune_names(Kommune::all())))).collect();
        let asked_anything = values.iter().any(|v| !v.trim().is_empty());
        if asked_anything && kommuner.len() < 2 {
            errors.push(t::ERR_TOO_FEW_KOMMUNER.to_string());
        }
        let comparison = (kommuner.len() >= 2).then(|| compare::compare(content(), catalogue(), &kommuner, today));
        ComparePage {
            selected: kommuner.iter().map(|k| k.slug().to_string()).collect(),
            errors,
            comparison,
            csv_query: kommuner.iter().map(|k| format!("kommune={}", k.slug())).collect::<Vec<_>>().join("&"),
        }
    }

    /// Every value of `key` in a raw query string (`a=1&a=2`), percent-decoded. Repeated keys
    /// are how a GET form sends several checked boxes.
    pub fn query_values(raw: Option<&str>, key: &str) -> Vec<String> {
        raw.unwrap_or("")
            .split('&')
            .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
            .filter(|(k, _)| decode(k) == key)
            .map(|(_, v)| decode(v))
            .collect()
    }

    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            match (bytes[i], hex) {
                (b'+', _) => out.push(b' '),
                (b'%', Some(b)) => {
                    out.push(b);
                    i += 2;
                }
                (b, _) => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The CSV export: `Ok((file name, bytes))`, or the Danish message for a bad request.
    pub fn comparison_csv(raw_query: Option<&str>, today: NaiveDate) -> Result<(String, Vec<u8>), String> {
        let values = query_values(raw_query, "kommune");
        let page = compare_page(&values, today);
        let Some(c) = page.comparison.filter(|_| page.errors.is_empty()) else {
            let mut errors = page.errors;
            if errors.is_empty() {
                errors.push(t::ERR_TOO_FEW_KOMMUNER.to_string());
            }
            return Err(errors.join("\n"));
        };
        let name = format!("{}-{}-{}.csv", t::CSV_FILENAME, page.selected.join("-"), today.format("%Y-%m-%d"));
        compare::to_csv(&c).map(|bytes| (name, bytes)).map_err(|_| t::SERVER_ERROR.to_string())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn today() -> NaiveDate {
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        }

        fn ask(pairs: &[(&str, &str)]) -> CataloguePage {
            let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string());
            catalogue_page(
                RawFilter { kommune: get("kommune"), kind: get("kind"), substance: get("substance"), age: get("age"), anonymous: get("anonymous"), q: get("q") },
                today(),
            )
        }

        #[test]
        fn what_odsherred_offers_a_twelve_year_old() {
            let p = ask(&[("kommune", "odsherred"), ("age", "12")]);
            assert!(p.errors.is_empty());
            assert!(!p.services.is_empty());
            assert!(p.services.iter().all(|c| c.service.kommuner == ["odsherred"]));
            assert!(p.services.iter().any(|c| c.service.name == "Ambulant behandling"));
            // Ishøj's target group starts at 13.
            let p = ask(&[("kommune", "ishoj"), ("age", "12")]);
            assert!(p.services.iter().all(|c| c.service.min_age.is_none_or(|a| a <= 12)));
            assert!(!p.services.iter().any(|c| c.service.id == "ishoj-2024-ambulant"));
        }

        #[test]
        fn the_age_filter_uses_both_ends_of_a_target_group() {
            // Pitstop's offer "for unge under 30 år": from 13 by Pitstop's own target group.
            let youth = "pitstop-takstblad-ambulant-misbrugsbehandling";
            let offered_at = |age: &str| ask(&[("kommune", "ishoj"), ("age", age)]).services.iter().any(|c| c.service.id == youth);
            assert!(!offered_at("10"), "below the site's lowest age");
            assert!(!offered_at("12"));
            assert!(offered_at("13"));
            assert!(offered_at("29"));
            assert!(!offered_at("30"), "above the offer's highest age");
            let card = catalogue().services().iter().find(|s| s.id == youth).unwrap();
            assert_eq!((card.min_age, card.max_age), (Some(13), Some(29)));
            assert_eq!(card.min_age_source.as_ref().map(|c| c.doc_id.as_str()), Some("ishoj-2024"), "the lowest age cites where it is said");
        }

        #[test]
        fn search_finds_danish_words_in_services_and_standards() {
            let p = ask(&[("q", "stof")]);
            assert!(!p.services.is_empty());
            let hits = p.standard_hits.unwrap();
            assert!(hits.iter().any(|h| h.snippet.to_lowercase().contains("stofmisbrug")));
            let p = ask(&[("q", "Pitstop By Night")]);
            assert_eq!(p.services[0].service.name, "Pitstop By Night");
            let p = ask(&[("q", "døgnbehandling"), ("kommune", "thisted")]);
            assert_eq!(p.services[0].service.kind, "residential");
            let p = ask(&[("q", "227 kr")]);
            assert!(p.services.iter().all(|c| c.service.price.is_some()) && !p.services.is_empty());
        }

        #[test]
        fn no_hits_and_odd_input() {
            let p = ask(&[("q", "xyzzy kvantefysik")]);
            assert!(p.services.is_empty());
            assert_eq!(p.standard_hits, Some(vec![]));
            let p = ask(&[("q", "   ")]);
            assert_eq!(p.standard_hits, None, "blank search is no search");
            assert_eq!(p.services.len(), catalogue().services().len());
            let p = ask(&[("q", &"æøå<>\"'%".repeat(10_000))]);
            assert!(p.services.is_empty());
        }

        #[test]
        fn bad_parameters_give_danish_messages() {
            let p = ask(&[("kommune", "aarhus"), ("age", "tolv")]);
            assert_eq!(p.errors.len(), 2);
            assert!(p.errors[0].1.starts_with("Kommunen findes ikke"));
            assert_eq!(p.services.len(), catalogue().services().len(), "bad filters are ignored, not fatal");
        }

        #[test]
        fn the_expired_standard_is_flagged_and_superseded_for_ishoj() {
            let p = ask(&[("kommune", "vallensbaek"), ("q", "samtalecafé")]);
            let card = &p.services[0];
            assert!(card.expired);
            assert_eq!(card.superseded, vec![("ishoj".to_string(), "Ishøj Kommunes kvalitetsstandard (januar 2024)".to_string())]);
        }

        #[test]
        fn compare_needs_two_known_municipalities() {
            let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
            assert!(compare_page(&v(&["ishoj", "odsherred"]), today()).comparison.is_some());
            let one = compare_page(&v(&["ishoj"]), today());
            assert!(one.comparison.is_none() && one.errors == vec![t::ERR_TOO_FEW_KOMMUNER.to_string()]);
            let bad = compare_page(&v(&["ishoj", "roskilde"]), today());
            assert!(bad.errors[0].contains("»roskilde«"));
            assert!(compare_page(&[], today()).errors.is_empty(), "the empty form is no error");
        }

        #[test]
        fn csv_export_names_the_file_and_refuses_bad_requests() {
            let (name, bytes) = comparison_csv(Some("kommune=odsherred&kommune=ishoj"), today()).unwrap();
            assert_eq!(name, "sammenligning-odsherred-ishoj-2026-11-23.csv");
            assert!(String::from_utf8(bytes).unwrap().contains("Odsherred Kommune"));
            assert!(comparison_csv(Some("kommune=odsherred"), today()).is_err());
            let err = comparison_csv(Some("kommune=odsherred&kommune=K%C3%B8benhavn"), today()).unwrap_err();
            assert!(err.contains("»København«"), "{err}");
            assert!(comparison_csv(None, today()).is_err());
        }

        #[test]
        fn query_values_reads_repeated_keys() {
            assert_eq!(query_values(Some("kommune=a&x=1&kommune=b+c&kommune=%C3%A6"), "kommune"), vec!["a", "b c", "æ"]);
            assert_eq!(query_values(Some("kommune"), "kommune"), vec![""]);
            assert_eq!(query_values(Some("kommune=%zz%"), "kommune"), vec!["%zz%"]);
        }
    }
}
