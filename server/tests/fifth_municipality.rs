//! A municipality joins by content alone. The fixture in `tests/fixtures/fiktiv/` adds a fifth,
//! fictional municipality to a copy of the compiled content; the server loads that directory the
//! way it does in production (`RMP_CONTENT_DIR`), and every citizen page of the new municipality
//! answers: start page, rights, guide, deadlines, booking (a real booking), catalogue and
//! comparison. No Rust source names it: the test reads its name from the fixture, not from here.

mod common;

use app::content::files::ContentFiles;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fiktiv")
}

fn fixture_file(name: &str) -> String {
    std::fs::read_to_string(fixture().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A string field of the first entry of a fixture file (`[[key]]`).
fn fixture_field(file: &str, key: &str, field: &str) -> String {
    let table: toml::Table = toml::from_str(&fixture_file(file)).unwrap();
    table[key].as_array().unwrap()[0].as_table().unwrap()[field].as_str().unwrap().to_string()
}

/// The slug, full name and short name the fixture gives the fictional municipality.
fn fictional() -> (String, String, String) {
    let field = |f: &str| fixture_field("kommune.toml", "kommune", f);
    (field("slug"), field("name"), field("short_name"))
}

/// The compiled content plus the fixture, written out as a content directory.
fn compose(dir: &Path) {
    let mut files = ContentFiles::compiled();
    let append = |files: &mut ContentFiles, path: &str, extra: &str| {
        let text = format!("{}\n{}", files.get(path).unwrap(), fixture_file(extra));
        files.set(path, text);
    };
    append(&mut files, "kommuner.toml", "kommune.toml");
    append(&mut files, "documents.toml", "document.toml");
    append(&mut files, "catalogue/services.toml", "service.toml");
    append(&mut files, "catalogue/outcomes.toml", "outcome.toml");
    append(&mut files, "catalogue/checklist.toml", "checklist.toml");
    // The site goes among the sites, before the `[before_talking.*]` tables; what its pages say
    // before the first choice goes after them, at the file's end.
    let booking = files.get("booking.toml").unwrap().to_string();
    let (sites, tables) = booking.split_once("\n[before_talking.").expect("booking.toml ends with [before_talking.*] tables");
    files.set(
        "booking.toml",
        format!("{sites}\n{}\n[before_talking.{tables}\n{}", fixture_file("site.toml"), fixture_file("before_talking.toml")),
    );
    for folder in ["rights", "standards", "seeds"] {
        for entry in std::fs::read_dir(fixture().join(folder)).unwrap() {
            let entry = entry.unwrap();
            files.set(&format!("{folder}/{}", entry.file_name().to_string_lossy()), std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    for path in files.paths() {
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, files.get(path).unwrap()).unwrap();
    }
}

async fn body_text(res: axum::response::Response) -> String {
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

async fn get(app: &axum::Router, uri: &str) -> String {
    let res = app.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "GET {uri}");
    body_text(res).await
}

/// The first `value` of an input named `name` in a page.
fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let rest = &html[at..];
    let v = rest.find("value=\"")? + "value=\"".len();
    Some(rest[v..v + rest[v..].find('"')?].to_string())
}

#[tokio::test]
async fn a_fifth_municipality_joins_by_content_alone() {
    let (slug, name, short) = fictional();
    let site_name = fixture_field("kommune.toml", "kommune", "site_name");
    let phone = fixture_field("site.toml", "site", "phone");
    let summary = fixture_field("service.toml", "service", "summary");
    let standard = fixture_field("document.toml", "document", "short");
    let content = tempfile::tempdir().unwrap();
    compose(content.path());

    // The checker passes the composed directory, and the server loads it as it would at start.
    let problems = server::content_dir::check_dir(content.path());
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
    std::env::set_var(server::content_dir::ENV_CONTENT_DIR, content.path());
    let origin = server::content_dir::load_from_env().expect("the composed content loads");
    assert_eq!(origin, content.path().display().to_string());
    assert_eq!(app::content::kommuner().len(), 5);
    // The stores after the content: their opening hours come from it. The clock starts on the
    // same Monday the other suites use, so the slots, and this test, never depend on today.
    let (stores, _data) = common::stores().await;
    let app = common::router(stores);

    // The portal's front page and footer list it.
    let home = get(&app, "/").await;
    assert!(home.contains(&format!("href=\"/{slug}\"")), "the front page links the new municipality");

    // Its start page: name, site, contact, each cited.
    let start = get(&app, &format!("/{slug}")).await;
    assert!(start.contains(&name) && start.contains(&phone) && start.contains(&site_name), "{start}");

    // Rights: its own rules and the law's.
    let rights = get(&app, &format!("/{slug}/rettigheder")).await;
    assert!(rights.contains(&name) && rights.contains(&format!("href=\"/{slug}/rettigheder/behandlingsgaranti\"")), "{rights}");
    let guarantee = get(&app, &format!("/{slug}/rettigheder/behandlingsgaranti")).await;
    assert!(guarantee.contains("Behandlingsgaranti på 14 dage") && guarantee.contains(&short), "{guarantee}");
    let topic = get(&app, &format!("/{slug}/rettigheder/klage")).await;
    assert!(topic.contains("Klag inden for fire uger"), "{topic}");

    // The guide's result for an anonymous adult.
    let guide = get(&app, &format!("/{slug}/rettigheder/guide?rolle=selv&rusmiddel=alkohol&alder=30&anonym=ja&anden-hjaelp=nej&medicin=nej&boern=nej&trin=resultat")).await;
    assert!(guide.contains("Ingen garanti ved anonyme samtaler"), "{guide}");

    // Deadlines (the clock says Monday 30 November): the guarantee counted from contact on
    // 25 November, the complaint's four weeks from a decision received on 20 November.
    let deadlines = get(&app, &format!("/{slug}/rettigheder/frister?henvendt=25.11.2026&afgoerelse=20.11.2026")).await;
    assert!(deadlines.contains("9. december 2026"), "guarantee: 25 Nov + 14 days\n{deadlines}");
    assert!(deadlines.contains("18. december 2026"), "complaint: 20 Nov + 28 days\n{deadlines}");

    // Booking: the clarifying conversation at the new site, booked for real.
    let choose = get(&app, &format!("/{slug}/book?samtale=fremmoede")).await;
    let slot = input_value(&choose, "tid").unwrap_or_else(|| panic!("no slot offered:\n{choose}"));
    let (status, receipt) = common::post(&app, "192.0.2.51:40000", &format!("/{slug}/book"), &[("samtale", "fremmoede"), ("tid", &slot), ("trin", "book")]).await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    assert!(receipt.contains(&site_name) && receipt.contains("id=\"token\""), "{receipt}");

    // Catalogue and comparison.
    let catalogue = get(&app, &format!("/katalog?kommune={slug}")).await;
    assert!(catalogue.contains(&summary), "{catalogue}");
    let compare = get(&app, &format!("/sammenlign?kommune={slug}&kommune=thisted")).await;
    assert!(compare.contains(&name) && compare.contains("Thisted Kommune") && compare.contains("fire uger"), "{compare}");

    // The standard is listed with the others.
    let standards = get(&app, "/standarder").await;
    assert!(standards.contains(&standard), "{standards}");
}

/// The reviewer's command (`scripts/run.sh check-content DIR`): the composed content passes;
/// the same content with one wrong number is refused with the file and the line to fix.
#[test]
fn the_check_content_command_names_the_file_and_line() {
    let (slug, _, _) = fictional();
    let content = tempfile::tempdir().unwrap();
    compose(content.path());
    let run = |dir: &Path| std::process::Command::new(env!("CARGO_BIN_EXE_server")).arg("check-content").arg(dir).output().unwrap();

    let ok = run(content.path());
    let out = String::from_utf8_lossy(&ok.stdout).to_string();
    assert!(ok.status.success(), "{out}{}", String::from_utf8_lossy(&ok.stderr));
    assert!(out.contains("ingen fejl fundet"), "{out}");

    // The guarantee's 14 days made 10 under a quote that says 14.
    let rights = content.path().join(format!("rights/{slug}.toml"));
    let text = std::fs::read_to_string(&rights).unwrap();
    assert_eq!(text.matches("days = 14\nclock_starts").count(), 1);
    std::fs::write(&rights, text.replacen("days = 14\nclock_starts", "days = 10\nclock_starts", 1)).unwrap();
    let quote_line = text[..text.find("[params.guarantee]").unwrap()].lines().count()
        + text[text.find("[params.guarantee]").unwrap()..].lines().position(|l| l.starts_with("quote = ")).unwrap()
        + 1;

    let refused = run(content.path());
    let out = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(!refused.status.success(), "{out}");
    let expected = format!("{}/rights/{slug}.toml:{quote_line}: [params.guarantee]: days = 10, men citatet nævner ikke 10", content.path().display());
    assert!(out.lines().any(|l| l == expected), "expected {expected:?} in:\n{out}");
    assert!(out.trim_end().ends_with("1 fejl"), "{out}");

    // The server itself refuses to start on it, saying where to look.
    let start = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env(server::content_dir::ENV_CONTENT_DIR, content.path())
        .env("RMP_DATA_DIR", content.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&start.stderr).to_string();
    assert!(!start.status.success(), "{err}");
    assert!(err.contains(&format!("rights/{slug}.toml:{quote_line}:")) && err.contains("check-content"), "{err}");
}

#[test]
fn no_rust_source_names_the_fictional_municipality() {
    let (slug, _, short) = fictional();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut checked = 0;
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if !["target", "node_modules", ".git"].contains(&name.as_str()) && !name.starts_with('.') {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
                for word in [&slug, &short.to_lowercase()] {
                    assert!(!text.contains(word.as_str()), "{} names {word}", path.display());
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} Rust files found under {}", root.display());
}

/// Nor does the portal's own code name any of the real municipalities: they are content too.
/// Tests may use them as data, so each file is read up to its test module; comments may name
/// them as examples.
#[test]
fn no_rust_outside_tests_names_a_municipality() {
    let kommuner: toml::Table = toml::from_str(ContentFiles::compiled().get("kommuner.toml").unwrap()).unwrap();
    let mut names = Vec::new();
    for k in kommuner["kommune"].as_array().unwrap() {
        for field in ["slug", "short_name"] {
            names.push(k[field].as_str().unwrap().to_lowercase());
        }
    }
    assert!(names.len() >= 8, "{names:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut checked = 0;
    let mut stack: Vec<PathBuf> = ["app/src", "server/src", "build-site/src"].iter().map(|d| root.join(d)).collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = ["#[cfg(test", "#[cfg(all(test"].iter().filter_map(|m| text.find(m)).min().map_or(text.as_str(), |end| &text[..end]);
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let lower = line.to_lowercase();
                for name in &names {
                    assert!(!lower.contains(name.as_str()), "{}:{} names {name}: {}", path.display(), n + 1, line.trim());
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} Rust files read");
}
