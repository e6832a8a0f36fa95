//! No page shows the portal's internals. Every public page reachable by links from the front
//! page is fetched, server-rendered as a browser without JavaScript gets it, together with the
//! guide's result for a spread of answers in every municipality, and the visible text is read
//! for content file names, document and rule ids, and notes meant for the content's authors.
//! (`end2end/tests/no-internals.spec.ts` reads the same pages after hydration.)

mod common;

use axum::http::StatusCode;
use common::{app, get, router, stores};
use std::collections::{BTreeSet, VecDeque};

/// The text a reader sees: scripts, styles and tags (with their attributes) taken out.
fn visible_text(html: &str) -> String {
    let mut text = html.to_string();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = text.find(open) {
            let end = text[start..].find(close).map(|e| start + e + close.len()).unwrap_or(text.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of every h1–h4 of a page.
fn headings_of(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for level in 1..=4 {
        let (open, close) = (format!("<h{level}"), format!("</h{level}>"));
        let mut rest = html;
        while let Some(start) = rest.find(&open) {
            let after = &rest[start..];
            let Some(end) = after.find(&close) else { break };
            out.push(visible_text(&after[..end]).split_whitespace().collect::<Vec<_>>().join(" "));
            rest = &after[end..];
        }
    }
    out
}

/// Internal links of a page: same-site paths, without fragments, that a citizen can follow.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .filter(|href| !href.starts_with("/pkg") && !href.starts_with("/personale") && !href.contains('.'))
        .collect()
}

/// What in a page's visible text belongs to the portal's inside, if anything.
fn internals(text: &str, marks: &[String]) -> Vec<String> {
    let words: BTreeSet<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '.')).collect();
    let mut found: Vec<String> = ["toml", "kommunefil", "seeds/", "faelles"]
        .iter()
        .filter(|mark| text.contains(*mark))
        .map(|mark| mark.to_string())
        .collect();
    found.extend(marks.iter().filter(|m| words.contains(m.as_str()) || words.contains(format!("{m}.").as_str())).cloned());
    found
}

/// Document ids and rule ids that cannot be mistaken for words: with a hyphen or a digit.
fn marks() -> Vec<String> {
    let content = app::content::content();
    let mut marks: Vec<String> = content.documents().iter().map(|d| d.id.clone()).collect();
    marks.extend(content.rules().iter().map(|r| r.id.clone()));
    marks.extend(content.rules().iter().map(|r| format!("{}/{}", r.scope, r.id)));
    marks.retain(|m| m.contains(|c: char| c == '-' || c.is_ascii_digit()));
    marks.sort();
    marks.dedup();
    marks
}

#[tokio::test]
async fn no_public_page_shows_file_names_ids_or_author_notes() {
    let (app, _data) = app().await;
    let marks = marks();
    let mut start: Vec<String> = vec!["/".into(), "/tilgaengelighed".into(), "/standarder".into(), "/katalog".into()];
    let slugs: Vec<&str> = app::content::kommuner().iter().map(|k| k.slug()).collect();
    start.push(format!("/sammenlign?{}", slugs.iter().map(|s| format!("kommune={s}")).collect::<Vec<_>>().join("&")));
    start.extend(slugs.iter().map(|s| format!("/katalog?kommune={s}")));
    // The guide's result for a spread of answers, in every municipality.
    for k in app::content::kommuner() {
        for role in ["selv", "paaroerende", "fagperson"] {
            for (sub, age, anon, kids) in [("stoffer", "17", "ja", "ja"), ("alkohol", "30", "nej", "nej"), ("begge", "", "ja", ""), ("", "12", "", "ja")] {
                start.push(format!(
                    "/{}/rettigheder/guide?rolle={role}&rusmiddel={sub}&alder={age}&anonym={anon}&boern={kids}&trin=resultat",
                    k.slug()
                ));
            }
        }
    }
    let mut queue: VecDeque<String> = start.into_iter().collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut problems = Vec::new();
    let mut fetched = 0;
    while let Some(uri) = queue.pop_front() {
        if fetched >= 2500 {
            break;
        }
        fetched += 1;
        let (status, html) = get(&app, &uri).await;
        // `/was`: the accessibility statement's short address, a redirect with no page of its own.
        if status == StatusCode::FOUND && uri == server::accessibility::SHORT_PATH {
            continue;
        }
        if status != StatusCode::OK {
            problems.push(format!("{uri}: {status}"));
            continue;
        }
        let found = internals(&visible_text(&html), &marks);
        if !found.is_empty() {
            problems.push(format!("{uri}: {found:?}"));
        }
        // A guide result never says the same heading twice.
        if uri.contains("trin=resultat") {
            let mut headings = BTreeSet::new();
            for heading in headings_of(&html) {
                if !headings.insert(heading.clone()) {
                    problems.push(format!("{uri}: the heading {heading:?} twice"));
                }
            }
        }
        for link in links(&html) {
            // The guide's own question screens multiply with every answer; its results are
            // fetched above, and each screen once here.
            let guide_screen = link.contains("/guide?") && !link.contains("trin=resultat");
            if !guide_screen && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    assert!(fetched > 120, "only {fetched} pages reached: {:?}", seen.iter().take(200).collect::<Vec<_>>());
    assert!(problems.is_empty(), "{} of {fetched} pages:\n{}", problems.len(), problems.join("\n"));
}

/// Every citation links to its section on the standard's page, and that section is there.
#[tokio::test]
async fn every_citation_link_lands_on_its_section() {
    let (app, _data) = app().await;
    let mut pages: Vec<String> = vec!["/".into(), "/katalog".into()];
    let slugs: Vec<&str> = app::content::kommuner().iter().map(|k| k.slug()).collect();
    pages.push(format!("/sammenlign?{}", slugs.iter().map(|s| format!("kommune={s}")).collect::<Vec<_>>().join("&")));
    for slug in &slugs {
        pages.push(format!("/{slug}"));
        pages.push(format!("/{slug}/book?samtale=fremmoede"));
        pages.push(format!("/{slug}/rettigheder/frister"));
        pages.push(format!("/{slug}/rettigheder/guide?rolle=selv&trin=resultat"));
        pages.extend(app::domain::rights::Topic::ALL.iter().map(|t| format!("/{slug}/rettigheder/{}", t.slug())));
    }
    let mut targets: BTreeSet<String> = BTreeSet::new();
    for uri in &pages {
        let (status, html) = get(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        for link in html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()) {
            if link.starts_with("/standarder/") {
                assert!(link.contains('#'), "{uri}: citation without its section: {link}");
                targets.insert(link.to_string());
            }
        }
    }
    assert!(targets.len() > 40, "only {} cited sections", targets.len());
    let mut missing = Vec::new();
    for target in &targets {
        let (page, anchor) = target.split_once('#').unwrap();
        let (status, html) = get(&app, page).await;
        if status != StatusCode::OK || !html.contains(&format!("id=\"{anchor}\"")) {
            missing.push(target.clone());
        }
    }
    assert!(missing.is_empty(), "links to sections that are not there:\n{}", missing.join("\n"));
}

/// This binary leaves the example-hours setting as a newcomer's portal has it (shown): the
/// content's example hours are offered, marked as examples. (`example_hours.rs`: refused.)
#[tokio::test]
async fn example_hours_are_offered_marked_where_the_portal_shows_them() {
    let (app, _data) = app().await;
    let (status, page) = get(&app, "/ishoj/book?samtale=fremmoede").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"tid\"") && page.contains("class=\"example-note\"") && !page.contains("id=\"hours-pending\""), "{page}");
}

#[test]
fn the_reader_of_visible_text_finds_what_it_must() {
    let marks = vec!["ishoj-2024".to_string(), "garanti-14-dage".to_string()];
    assert_eq!(internals(&visible_text("<p>se thisted.toml</p>"), &marks), vec!["toml"]);
    assert_eq!(internals(&visible_text("<p>Ifølge ishoj-2024 gælder</p>"), &marks), vec!["ishoj-2024"]);
    assert!(internals(&visible_text("<div id=\"ishoj-garanti-14-dage\"><a href=\"/ishoj.toml\">Garanti</a></div>"), &marks).is_empty());
    assert!(internals(&visible_text("<script>var x = 'faelles';</script><p>Behandlingsgaranti på 14 dage</p>"), &marks).is_empty());
}

/// A page never stalls while another router is being built. Building a router generates the
/// routes, and that stops resources loading in the whole process (leptos issue #4773); a CI run
/// hung for an hour on it, since the tests build their routers in parallel. The routes are now
/// generated once per process (`server::page_routes`).
#[test]
fn a_page_renders_while_other_routers_are_built() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let (stores, _data) = runtime.block_on(stores());
    let app = router(stores.clone());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let builder = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut built = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                drop(router(stores.clone()));
                built += 1;
            }
            built
        })
    };
    let rendered = runtime.block_on(async {
        let mut rendered = 0;
        for _ in 0..150 {
            let page = tokio::time::timeout(std::time::Duration::from_secs(10), get(&app, "/vallensbaek/rettigheder/frit-valg")).await;
            let Ok((status, _)) = page else { break };
            assert_eq!(status, StatusCode::OK);
            rendered += 1;
        }
        rendered
    });
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let built = builder.join().unwrap();
    assert_eq!(rendered, 150, "a page stalled while routers were built ({built} built meanwhile)");
    assert!(built > 0);
}
