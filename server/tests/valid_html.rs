//! Issue 36, items 4 and 5.
//!
//! 4. Every page the walk reaches passes the Nu Html Checker (vnu.jar from end2end's npm
//!    packages, run on Java; scripts/setup.sh installs both) with no error. The walk starts at
//!    every page route (`server::page_routes()`, `{kommune}` as each municipality of the content),
//!    signed out and signed in as each staff role, follows every link to a page route (one URL per
//!    path and set of query names), and adds a few form answers with errors and the not-found
//!    page. A new page route is walked without editing this file; a route the walk cannot reach
//!    fails it. The warnings the checker gives are printed, not failed.
//! 5. Every response to a staff path carries `X-Robots-Tag: noindex, nofollow`, and every staff
//!    page the robots meta tag, on each of 20 loads.

mod common;

use app::domain::staff::Role;
use app::store::StaffScope;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use tower::ServiceExt;

const PASSWORD: &str = "en lang og god adgangskode";
const CLIENT: &str = "192.0.2.70:40000";
const ROBOTS: &str = "noindex, nofollow";
const ROBOTS_META: &str = "<meta name=\"robots\" content=\"noindex, nofollow\">";

/// One answer the walk got.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn is_html(&self) -> bool {
        self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
    }
}

/// A request as a browser on this site sends it: from [`CLIENT`], with the same-origin headers,
/// the session cookie when signed in, a form body when `fields` are given (POST).
async fn send(app: &axum::Router, uri: &str, cookie: Option<&str>, fields: Option<&[(&str, &str)]>) -> Answer {
    let mut req = Request::builder().uri(uri).header(header::ORIGIN, "http://localhost").header(header::HOST, "localhost");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    let req = match fields {
        Some(fields) => {
            let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", common::encode(v))).collect();
            req.method(Method::POST).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(body.join("&")))
        }
        None => req.method(Method::GET).body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().layer(MockConnectInfo(CLIENT.parse::<std::net::SocketAddr>().unwrap())).oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string();
    Answer { status, headers, body }
}

/// The `value` of the input named `name`.
fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let start = html[..at].rfind('<')?;
    let tag = &html[start..at + html[at..].find('>')?];
    let v = tag.find("value=\"")? + "value=\"".len();
    Some(tag[v..v + tag[v..].find('"')?].replace("&amp;", "&"))
}

/// Every `href` in a page that stays on this site.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .collect()
}

/// The page route `path` belongs to (segments alike, a `{param}` matching any one).
fn route_of<'a>(routes: &'a [String], path: &str) -> Option<&'a String> {
    let segments: Vec<&str> = path.split('/').collect();
    let fits = |route: &&String| {
        let parts: Vec<&str> = route.split('/').collect();
        parts.len() == segments.len() && parts.iter().zip(&segments).all(|(r, s)| (r.starts_with('{') && !s.is_empty()) || r == s)
    };
    // A literal route before a parameter one (`/katalog` is not a municipality).
    routes.iter().filter(fits).min_by_key(|r| r.matches('{').count())
}

/// One page kept for the checker.
struct Checked {
    who: &'static str,
    what: String,
    status: StatusCode,
    html: String,
}

/// The signed-in staff of the walk: each role, in the municipality whose pages have its data.
struct Staff {
    who: &'static str,
    cookie: String,
}

async fn sign_in(app: &axum::Router, username: &str) -> String {
    let res = send(app, "/personale/log-ind", None, Some(&[("brugernavn", username), ("adgangskode", PASSWORD)])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{username} signs in:\n{}", res.body);
    let cookie = res.headers.get(header::SET_COOKIE).expect("a session cookie").to_str().unwrap();
    cookie.split(';').next().unwrap().to_string()
}

/// The router with data on every staff page: a booking and a message thread for Vallensbæk's
/// counsellor, a treatment request for Ishøj's case worker; and the three accounts signed in.
async fn site() -> (axum::Router, Vec<Staff>, tempfile::TempDir) {
    let (stores, data) = common::stores().await;
    for (name, role, kommune, sites) in [
        ("raadgiver", Role::AnonymousCounsellor, "vallensbaek", vec!["pitstop".to_string()]),
        ("sagsbehandler", Role::CaseWorker, "ishoj", vec![]),
        ("admin", Role::Admin, "ishoj", vec![]),
    ] {
        stores.staff.create_account(name, PASSWORD, role, &StaffScope { kommune: kommune.into(), sites }).await.unwrap();
    }
    let app = common::router(stores);

    let book = send(&app, "/vallensbaek/book?samtale=fremmoede", None, None).await;
    let slot = common::times(&book.body).into_iter().next().expect("a free time in Vallensbæk");
    let receipt = send(&app, "/vallensbaek/book", None, Some(&[("samtale", "fremmoede"), ("tid", &slot), ("trin", "book")])).await;
    assert!(receipt.body.contains("id=\"token\""), "a booking:\n{}", receipt.body);
    let thread = send(&app, "/vallensbaek/skriv", None, Some(&[("handling", "send"), ("sted", "pitstop"), ("om", "mig-selv"), ("besked", "Et spørgsmål")])).await;
    assert!(thread.body.contains("id=\"token\""), "a message thread:\n{}", thread.body);
    let form = send(&app, "/ishoj/henvendelse", None, None).await;
    let skema = input_value(&form.body, "skema").expect("the request form's key");
    let request = send(
        &app,
        "/ishoj/henvendelse",
        None,
        Some(&[("skema", &skema), ("navn", "Test Testesen"), ("telefon", "+4512345678"), ("email", "test@example.dk"), ("rusmiddel", "alkohol"), ("samtykke", "ja")]),
    )
    .await;
    assert_eq!(request.status, StatusCode::OK, "{}", request.body);

    let mut staff = Vec::new();
    for (who, username) in [("rådgiver", "raadgiver"), ("sagsbehandler", "sagsbehandler"), ("admin", "admin")] {
        staff.push(Staff { who, cookie: sign_in(&app, username).await });
    }
    (app, staff, data)
}

/// The walk: every page route, signed out and as each staff member, then every link found to a
/// page route. Returns the HTML answers, and fails if a page route was never reached with 200.
async fn walk(app: &axum::Router, staff: &[Staff]) -> Vec<Checked> {
    let routes: Vec<String> = server::page_routes().iter().map(|r| r.path().to_string()).collect();
    let slugs: Vec<&str> = app::content::kommuner().iter().map(|k| k.slug()).collect();
    let mut start = Vec::new();
    for route in &routes {
        let expanded: Vec<String> = slugs.iter().map(|s| route.replace("{kommune}", s)).collect();
        start.extend(expanded.into_iter().filter(|p| !p.contains('{')));
    }
    let visitors: Vec<(&'static str, Option<&str>)> =
        std::iter::once(("udefra", None)).chain(staff.iter().map(|s| (s.who, Some(s.cookie.as_str())))).collect();

    let mut pages = Vec::new();
    let mut reached: BTreeSet<&String> = BTreeSet::new();
    for (who, cookie) in visitors {
        // A visitor signed in walks the staff pages; signed out, every page.
        let mine = |path: &str| cookie.is_none() || path.starts_with("/personale");
        let mut queue: VecDeque<String> = start.iter().filter(|p| mine(p)).cloned().collect();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        while let Some(uri) = queue.pop_front() {
            let (path, query) = uri.split_once('?').unwrap_or((&uri, ""));
            let Some(route) = route_of(&routes, path) else { continue };
            // One URL per path and set of query names: `?kvartal=` links lead on forever.
            let names: BTreeSet<&str> = query.split('&').filter(|q| !q.is_empty()).map(|q| q.split('=').next().unwrap_or_default()).collect();
            if !mine(path) || !seen.insert(format!("{path}?{names:?}")) {
                continue;
            }
            let answer = send(app, &uri, cookie, None).await;
            if !answer.is_html() {
                continue;
            }
            if answer.status == StatusCode::OK {
                reached.insert(route);
            }
            queue.extend(links(&answer.body));
            pages.push(Checked { who, what: format!("GET {uri}"), status: answer.status, html: answer.body });
            assert!(pages.len() < 2000, "the walk does not end");
        }
    }
    let unreached: Vec<&String> = routes.iter().filter(|r| !reached.contains(r)).collect();
    assert!(unreached.is_empty(), "no page of these routes answered 200 on the walk: {unreached:?}");
    pages
}

/// Answers with errors and the not-found pages, which the walk's links never lead to.
async fn error_answers(app: &axum::Router, staff: &[Staff]) -> Vec<Checked> {
    let mut out = Vec::new();
    let mut keep = |what: String, answer: Answer| {
        assert!(answer.is_html(), "{what}");
        out.push(Checked { who: "fejl", what, status: answer.status, html: answer.body });
    };
    for uri in ["/findes-ikke", "/ishoj/findes-ikke", "/personale/findes-ikke"] {
        keep(format!("GET {uri}"), send(app, uri, None, None).await);
    }
    let posts: [(&str, &[(&str, &str)]); 5] = [
        ("/ishoj/book", &[("samtale", "fremmoede"), ("trin", "book")]),
        ("/ishoj/henvendelse", &[("navn", "")]),
        ("/vallensbaek/skriv", &[("handling", "send"), ("besked", "")]),
        ("/min-aftale", &[("kode", "forkert")]),
        ("/personale/log-ind", &[("brugernavn", "admin"), ("adgangskode", "forkert")]),
    ];
    for (uri, fields) in posts {
        keep(format!("POST {uri}"), send(app, uri, None, Some(fields)).await);
    }
    let admin = staff.iter().find(|s| s.who == "admin").unwrap();
    let accounts = send(app, "/personale/konti", Some(&admin.cookie), None).await;
    let csrf = input_value(&accounts.body, "csrf").expect("a CSRF token on the accounts page");
    let created = send(app, "/personale/konti", Some(&admin.cookie), Some(&[("csrf", &csrf), ("handling", "opret"), ("brugernavn", "")])).await;
    keep("POST /personale/konti (tomt)".into(), created);
    out
}

/// Where end2end's npm packages put the checker (scripts/setup.sh installs them).
fn vnu_jar() -> PathBuf {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(jar.is_file(), "{} is missing: run scripts/setup.sh (npm ci in end2end/ installs vnu-jar)", jar.display());
    jar
}

/// What the checker says of each file: `(file, line, kind, message)`.
fn check(dir: &Path) -> Vec<(String, String, String, String)> {
    let java = std::env::var_os("JAVA_HOME").map(|home| PathBuf::from(home).join("bin/java")).filter(|j| j.is_file()).unwrap_or_else(|| "java".into());
    let run = std::process::Command::new(&java)
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--format", "gnu", "--exit-zero-always"])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("could not run {java:?} (Java 11 or later; scripts/setup.sh installs Debian's): {e}"));
    assert!(run.status.success(), "the checker failed: {}", String::from_utf8_lossy(&run.stderr));
    // GNU format, on stderr: `"file:/…/007.html":12.3-12.10: error: message`.
    let text = String::from_utf8_lossy(&run.stderr).to_string() + &String::from_utf8_lossy(&run.stdout);
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let file = line.split(".html").next().unwrap_or_default().rsplit('/').next().unwrap_or_default().to_string();
            let rest = line.split_once(".html\":").map(|(_, r)| r).unwrap_or(line);
            let (at, rest) = rest.split_once(": ").unwrap_or(("", rest));
            let (kind, message) = rest.split_once(": ").unwrap_or(("?", rest));
            (file, at.to_string(), kind.to_string(), message.to_string())
        })
        .collect()
}

#[tokio::test]
async fn every_page_passes_the_nu_html_checker() {
    let jar = vnu_jar();
    let (app, staff, _data) = site().await;
    let mut pages = walk(&app, &staff).await;
    pages.extend(error_answers(&app, &staff).await);

    let dir = tempfile::tempdir().unwrap();
    for (i, page) in pages.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:03}.html")), &page.html).unwrap();
    }
    let found = check(dir.path());
    assert!(jar.is_file());
    let name = |file: &str| file.parse::<usize>().ok().and_then(|i| pages.get(i)).map(|p| format!("{} {} ({})", p.what, p.status.as_u16(), p.who));
    let mut errors = Vec::new();
    let mut warnings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (file, at, kind, message) in &found {
        let Some(page) = name(file) else { panic!("the checker said something of no page: {file} {at} {kind}: {message}") };
        if kind.contains("error") {
            errors.push(format!("{page} {at}: {message}"));
        } else {
            warnings.entry(message.clone()).or_default().push(page);
        }
    }
    println!("the Nu Html Checker read {} pages ({} signed in as staff)", pages.len(), pages.iter().filter(|p| p.who != "udefra" && p.who != "fejl").count());
    for (message, on) in &warnings {
        println!("warning on {} pages: {message} (first: {})", on.len(), on[0]);
    }
    assert!(errors.is_empty(), "{} errors:\n{}", errors.len(), errors.join("\n"));
    assert!(pages.len() > 50, "the walk reached only {} pages", pages.len());
}

/// Issue 36, item 5: every staff page, signed out and signed in, 20 times each: the header and the
/// meta tag every time; and the header on the staff side's other answers (form answers with
/// errors, a redirect, the export, not found).
#[tokio::test]
async fn staff_answers_always_say_noindex() {
    let (app, staff, _data) = site().await;
    let routes: Vec<String> = server::page_routes().iter().map(|r| r.path().to_string()).filter(|r| r.starts_with("/personale")).collect();
    assert!(routes.len() >= 9, "{routes:?}");
    let mut uris: Vec<String> = routes.clone();
    // The page that lost its meta tag (a case open), as the case worker finds it.
    let worker = staff.iter().find(|s| s.who == "sagsbehandler").unwrap();
    let cases = send(&app, "/personale/sager", Some(&worker.cookie), None).await;
    let case = links(&cases.body).into_iter().find(|l| l.starts_with("/personale/sager?sag=")).unwrap_or_else(|| "/personale/sager?sag=1".into());
    uris.push(case);
    let (mut loads, mut no_header, mut no_meta) = (0, BTreeMap::<String, usize>::new(), BTreeMap::<String, usize>::new());
    for (who, cookie) in std::iter::once(("udefra", None)).chain(staff.iter().map(|s| (s.who, Some(s.cookie.as_str())))) {
        for uri in &uris {
            for _ in 0..20 {
                let answer = send(&app, uri, cookie, None).await;
                assert!(answer.is_html(), "{uri}");
                if answer.headers.get("x-robots-tag").and_then(|v| v.to_str().ok()) != Some(ROBOTS) {
                    *no_header.entry(format!("{uri} ({who})")).or_default() += 1;
                }
                let head = answer.body.split("</head>").next().unwrap();
                if head.matches(ROBOTS_META).count() != 1 {
                    *no_meta.entry(format!("{uri} ({who})")).or_default() += 1;
                }
                loads += 1;
            }
        }
    }
    println!("{loads} loads of {} staff pages signed out and as each role", uris.len());
    assert!(no_header.is_empty() && no_meta.is_empty(), "loads without the header: {no_header:?}\nloads without (exactly one) meta tag: {no_meta:?}");

    let admin = staff.iter().find(|s| s.who == "admin").unwrap();
    let csrf = input_value(&send(&app, "/personale/konti", Some(&admin.cookie), None).await.body, "csrf").unwrap();
    let others = [
        ("/personale/log-ind", None, Some(vec![("brugernavn", "admin"), ("adgangskode", "forkert")])),
        ("/personale/konti", Some(admin.cookie.as_str()), Some(vec![("csrf", csrf.as_str()), ("handling", "opret")])),
        ("/personale/konti", Some(admin.cookie.as_str()), Some(vec![("csrf", "forkert")])),
        ("/personale/rapport.csv", Some(admin.cookie.as_str()), None),
        ("/personale/rapport.csv", None, None),
        ("/personale/findes-ikke", None, None),
        ("/personale/log-ud", Some(admin.cookie.as_str()), Some(vec![("csrf", csrf.as_str())])),
    ];
    for (uri, cookie, fields) in others {
        let answer = send(&app, uri, cookie, fields.as_deref()).await;
        assert_eq!(answer.headers.get("x-robots-tag").map(|v| v.to_str().unwrap()), Some(ROBOTS), "{uri} {}", answer.status);
        if answer.is_html() {
            assert!(answer.body.contains(ROBOTS_META), "{uri} {}", answer.status);
        }
    }
    // Citizen pages are for search engines.
    let home = send(&app, "/", None, None).await;
    assert!(home.headers.get("x-robots-tag").is_none() && !home.body.contains("name=\"robots\""));
}
