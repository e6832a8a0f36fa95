//! Citations say what they are (issue 37, item 4), on the pages as a browser gets them: every
//! citation on `/sammenlign` and in the deadline calculator's answer is a link to the section it
//! cites, marked where its document has expired; and each municipality's start page says which
//! quality standard is in force, and whether a newer one has been published.

mod common;

use app::components::document_href;
use app::domain::kommune::Kommune;
use app::text::t;
use axum::http::StatusCode;
use scraper::{ElementRef, Html, Selector};

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// An element's text as a reader hears it: its pieces joined, runs of white space as one.
fn text_of(e: ElementRef) -> String {
    e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn page(app: &axum::Router, uri: &str) -> Html {
    let (status, body) = common::get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}");
    Html::parse_document(&body)
}

/// The standard whose period has ended, with the period the marker names.
const EXPIRED: (&str, &str) = ("ishoj-vallensbaek-2020", "2020–2022");

/// The ids each standard's page (`/standarder/{id}`) gives its sections, read once per document.
#[derive(Default)]
struct Sections(std::collections::HashMap<String, Vec<String>>);

impl Sections {
    async fn has(&mut self, app: &axum::Router, doc: &str, anchor: &str) -> bool {
        if !self.0.contains_key(doc) {
            let html = page(app, &format!("/standarder/{doc}")).await;
            let ids = html.select(&select("[id]")).filter_map(|e| e.value().attr("id").map(str::to_string)).collect();
            self.0.insert(doc.to_string(), ids);
        }
        self.0[doc].iter().any(|id| id == anchor)
    }

    /// Checks one citation: it holds a link, on the words »afsnit …«, to
    /// `/standarder/{doc}#{section}` whose section is on the standard's page; and where the
    /// document has expired, it says so.
    async fn check(&mut self, app: &axum::Router, citation: ElementRef<'_>, where_: &str) {
        let said = text_of(citation);
        let link = citation
            .select(&select("a"))
            .find(|a| a.value().attr("href").is_some_and(|h| h.starts_with("/standarder/")))
            .unwrap_or_else(|| panic!("{where_}: a citation without a link to its section: {said:?}"));
        let href = link.value().attr("href").unwrap();
        let (doc, anchor) =
            href["/standarder/".len()..].split_once('#').unwrap_or_else(|| panic!("{where_}: {href} links the document, not a section ({said:?})"));
        assert!(self.has(app, doc, anchor).await, "{where_}: {href} names no section of the standard's page");
        assert!(text_of(link).starts_with(t::SECTION), "{where_}: the link is not the section: {said:?}");
        if doc == EXPIRED.0 {
            let marker = t::from_expired_standard(EXPIRED.1);
            assert!(said.contains(&marker), "{where_}: cites the expired standard without {marker:?}: {said:?}");
        }
    }
}

#[tokio::test]
async fn every_citation_on_the_comparison_links_to_its_section() {
    let (app, _data) = common::app().await;
    let all: Vec<String> = Kommune::all().iter().map(|k| format!("kommune={}", k.slug())).collect();
    let html = page(&app, &format!("/sammenlign?{}", all.join("&"))).await;
    let mut sections = Sections::default();
    let facts: Vec<ElementRef> = html.select(&select("li.compare-fact")).collect();
    // About 200 facts, each with its source line; a much smaller count means the page changed.
    assert!(facts.len() > 150, "only {} facts on the comparison", facts.len());
    let mut marked = 0;
    for (n, fact) in facts.iter().enumerate() {
        let citations: Vec<ElementRef> = fact.select(&select("p.citation")).collect();
        assert_eq!(citations.len(), 1, "fact {n} has {} citations: {}", citations.len(), text_of(*fact));
        sections.check(&app, citations[0], &format!("/sammenlign, fact {n}")).await;
        marked += usize::from(text_of(citations[0]).contains(&t::from_expired_standard(EXPIRED.1)));
    }
    assert!(marked > 0, "no fact on the comparison comes from the expired standard");
    // Nowhere else on the page is a source named in plain text.
    let lines = html.select(&select("p.citation")).count();
    assert_eq!(lines, facts.len(), "a citation stands outside the facts");
}

#[tokio::test]
async fn the_deadline_calculators_answers_link_their_source() {
    let (app, _data) = common::app().await;
    let today = app::clock::today();
    let a_week_ago = (today - chrono::Duration::days(7)).format("%-d.%-m.%Y").to_string();
    let mut sections = Sections::default();
    let mut answers = 0;
    for &k in Kommune::all() {
        let uri = format!("/{}/rettigheder/frister?henvendt={a_week_ago}&afgoerelse={a_week_ago}", k.slug());
        let html = page(&app, &uri).await;
        for (n, answer) in html.select(&select(".deadline-answer")).enumerate() {
            let citations: Vec<ElementRef> = answer.select(&select("p.citation")).collect();
            assert_eq!(citations.len(), 1, "{uri}: answer {n}: {}", text_of(answer));
            sections.check(&app, citations[0], &format!("{uri}, answer {n}")).await;
            answers += 1;
        }
    }
    // The guarantee in every municipality, the complaint deadline where the standard gives one.
    assert!(answers >= Kommune::all().len() + 3, "only {answers} answers");
}

/// The start page's section on the standard: its sentences.
async fn standard_section(app: &axum::Router, k: Kommune) -> (Vec<String>, Vec<String>) {
    let html = page(app, &k.path()).await;
    let section = html
        .select(&select("section[aria-labelledby=standard]"))
        .next()
        .unwrap_or_else(|| panic!("{}: the start page has no section on its standard", k.slug()));
    let heading = section.select(&select("h2#standard")).next().map(text_of);
    assert_eq!(heading.as_deref(), Some(t::KOMMUNE_STANDARD_HEADING));
    let said = section.select(&select("p")).map(text_of).collect();
    let links: Vec<String> = section.select(&select("a")).filter_map(|a| a.value().attr("href").map(str::to_string)).collect();
    // Each lands on the standard's title and facts.
    for link in &links {
        let (doc, fragment) = link.split_once('#').unwrap_or_else(|| panic!("{link} names no place on the page"));
        let (status, html) = common::get(app, doc).await;
        assert!(status == StatusCode::OK && html.contains(&format!("id=\"{fragment}\"")), "{link} does not land");
    }
    (said, links)
}

#[tokio::test]
async fn each_start_page_names_its_standard_and_how_current_it_is() {
    let (app, _data) = common::app().await;
    // The test clock's day (30 November 2026): Ishøj's 2024 standard is open-ended, Odsherred's
    // runs to the end of 2026, Vallensbæk's newest is the expired 2020–2022, Thisted's is undated.
    let k = |slug: &str| app::content::kommune_named(slug);

    let (said, links) = standard_section(&app, k("ishoj")).await;
    assert_eq!(links, [document_href("ishoj-2024")]);
    assert!(said[0].starts_with(&t::kommune_standard_in_force("Ishøj Kommune")), "{said:?}");
    assert!(said[0].contains("Kvalitetsstandard for behandling af brug af rusmidler"), "{said:?}");
    assert_eq!(said[1], t::standard_in_force("Revideres ved større ændringer"));
    assert_eq!(said[2], t::NO_NEWER_STANDARD);

    let (said, links) = standard_section(&app, k("odsherred")).await;
    assert_eq!(links, [document_href("odsherred-2025")]);
    assert!(said[0].starts_with(&t::kommune_standard_in_force("Odsherred Kommune")), "{said:?}");
    assert_eq!(said[1], t::standard_in_force_until("31. december 2026"));
    assert_eq!(said[2], t::NO_NEWER_STANDARD);

    // Expired, and the newest the portal has: said plainly, not only by a badge.
    let (said, links) = standard_section(&app, k("vallensbaek")).await;
    assert_eq!(links, [document_href("ishoj-vallensbaek-2020")]);
    assert!(said[0].starts_with(&t::kommune_standard_newest("Vallensbæk Kommune")), "{said:?}");
    assert!(said[0].contains("Kvalitetsstandard for alkohol- og rusmiddelbehandling i Ishøj og Vallensbæk Kommuner 2020–2022"), "{said:?}");
    assert_eq!(said[1], t::standard_expired("2020–2022"));
    assert_eq!(said[2], t::NO_NEWER_STANDARD);

    let (said, links) = standard_section(&app, k("thisted")).await;
    assert_eq!(links, [document_href("thisted")]);
    assert!(said[0].starts_with(&t::kommune_standard_newest("Thisted Kommune")), "{said:?}");
    assert_eq!(said[1], t::STATUS_UNDATED_TEXT);
    assert_eq!(said[2], t::NO_NEWER_STANDARD);
}

/// The same sentences follow the dates, not the municipality: Odsherred's standard after its
/// last day, and Ishøj's 2020–2022 standard, which the 2024 one replaced.
#[test]
fn what_the_start_page_says_follows_the_dates() {
    use app::domain::standard_status::Status;
    let catalogue = app::content::catalogue::catalogue();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let odsherred = app::content::kommune_named("odsherred");
    assert_eq!(app::api::content::kommune_standard_on(odsherred, day(2026, 12, 31)).summary.status, Status::DueForRevision);
    let after = app::api::content::kommune_standard_on(odsherred, day(2027, 1, 1));
    assert_eq!((after.summary.status, after.newer.len()), (Status::Expired, 0));

    let old = catalogue.standard_for("ishoj-vallensbaek-2020", "ishoj", day(2026, 11, 30)).unwrap();
    assert_eq!(old.newer.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["ishoj-2024"]);
    let old = catalogue.standard_for("ishoj-vallensbaek-2020", "vallensbaek", day(2026, 11, 30)).unwrap();
    assert!(old.newer.is_empty(), "the takstblad is undated and no newer standard: {:?}", old.newer);
}
