//! What a person types never becomes markup (issue 36).
//!
//! The forms are not listed here: the test walks the site as a visitor and as each staff role
//! would, from `/` and `/personale`, following every link and submitting every form with the
//! values the page gives (and a few seeds: a name, a phone number, the codes it was handed), so
//! it finds the forms that only appear further in (a booking's manage page, a message thread, a
//! counsellor's open thread). Every page route must have been reached, so a new page, and a new
//! form on it, is covered without editing this test.
//!
//! Then each field of each form (and each submit button of it) gets hostile values, once with the
//! form's other values as given and once alone, so that a validation error echoes it. Each answer
//! is parsed as a browser parses it (html5ever) beside the answer to a *twin* value, the same text
//! with its markup characters swapped for look-alikes. The test fails if the hostile answer has an
//! element or an attribute the twin's has not, or a `<meta http-equiv>`, or if the twin is shown
//! in a field or as text where the hostile value is not shown exactly as typed.

mod common;

use app::domain::staff::Role;
use app::store::StaffScope;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use scraper::{ElementRef, Html, Selector};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::Arc;
use tower::ServiceExt;

/// The values the issue names, all in one (`</textarea>`, `</title>`, `<meta http-equiv=refresh>`,
/// `<img onerror>`, `"><svg onload>`, `&`, characters outside the BMP), a lone `&`, and the refresh
/// alone (short enough to pass a field that keeps 60 characters whole).
const HOSTILE: &[&str] = &[
    "</textarea></title><meta http-equiv=refresh content=0><h1>echo</h1><img src=x onerror=alert(1)>'\"><svg onload=alert(1)><a href=//x>&amp; 𝄞😀",
    "&",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">",
];

/// The same text with nothing that is markup: `<`, `>`, `"`, `'`, `&` swapped for look-alikes.
fn twin(hostile: &str) -> String {
    hostile.replace('<', "‹").replace('>', "›").replace('"', "”").replace('\'', "’").replace('&', "+")
}

const CLIENT: &str = "192.0.2.50:40000";
/// Fields whose value the test keeps: the staff session's CSRF token (else every staff POST is
/// refused before its fields are read, and nothing would be echoed).
const KEPT: &[&str] = &[app::api::staff_form::field::CSRF];

#[derive(Clone, Debug)]
enum Kind {
    /// A text box, a hidden field, a textarea: one value.
    Value(String),
    /// Radio buttons of one name: the values, and the checked one.
    Choice(Vec<String>, Option<String>),
    /// A checkbox: its value.
    Tick(String),
    /// A hidden field: the page's state (a step, a code, a thread), kept when a field goes alone.
    Hidden(String),
}

#[derive(Clone, Debug)]
struct Form {
    method: Method,
    action: String,
    /// In document order.
    fields: Vec<(String, Kind)>,
    /// The submit button pressed: name and value, where it has a name.
    button: Option<(String, String)>,
    /// Who sees it: `None` for a citizen, else the staff role.
    role: Option<Role>,
}

impl Form {
    /// What identifies the form apart from the municipality in its address.
    fn key(&self) -> String {
        let action = self.action.split('/').enumerate().map(|(i, p)| if i == 1 && is_kommune(p) { "{kommune}" } else { p }).collect::<Vec<_>>().join("/");
        let names: Vec<&str> = self.fields.iter().map(|(n, _)| n.as_str()).collect();
        format!("{:?} {} {} {:?} {:?}", self.role, self.method, action, names, self.button)
    }

    /// The values as a person sends the form untouched, with `seeds` for empty boxes.
    fn defaults(&self, seeds: &HashMap<&str, String>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, kind) in &self.fields {
            match kind {
                Kind::Value(v) if v.is_empty() => out.push((name.clone(), seeds.get(name.as_str()).cloned().unwrap_or_default())),
                Kind::Value(v) => out.push((name.clone(), v.clone())),
                Kind::Choice(values, checked) => out.push((name.clone(), checked.clone().or_else(|| values.first().cloned()).unwrap_or_default())),
                Kind::Tick(v) | Kind::Hidden(v) => out.push((name.clone(), v.clone())),
            }
        }
        out.extend(self.button.clone());
        out
    }
}

fn is_kommune(segment: &str) -> bool {
    app::domain::kommune::Kommune::all().iter().any(|k| k.slug() == segment)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Every form on a page, once per named submit button.
fn forms_on(page: &str, at: &str, role: Option<Role>) -> Vec<Form> {
    let doc = Html::parse_document(page);
    let mut out = Vec::new();
    for form in doc.select(&sel("form")) {
        let method = if form.value().attr("method").is_some_and(|m| m.eq_ignore_ascii_case("post")) { Method::POST } else { Method::GET };
        let action = form.value().attr("action").filter(|a| !a.is_empty()).unwrap_or(at).to_string();
        if !action.starts_with('/') {
            continue;
        }
        let mut fields: Vec<(String, Kind)> = Vec::new();
        let mut buttons: Vec<Option<(String, String)>> = Vec::new();
        for el in form.select(&sel("input, textarea, select, button")) {
            let v = el.value();
            let name = v.attr("name").map(str::to_string);
            let kind = v.attr("type").unwrap_or("").to_ascii_lowercase();
            match (v.name(), kind.as_str()) {
                ("button", _) | ("input", "submit") => {
                    if kind != "button" {
                        buttons.push(name.map(|n| (n, v.attr("value").unwrap_or("").to_string())));
                    }
                }
                (_, _) if name.is_none() => {}
                ("textarea", _) => fields.push((name.unwrap(), Kind::Value(el.text().collect()))),
                ("select", _) => {
                    let options: Vec<String> = el.select(&sel("option")).map(|o| o.value().attr("value").map(str::to_string).unwrap_or_else(|| o.text().collect())).collect();
                    let chosen = el.select(&sel("option[selected]")).next().map(|o| o.value().attr("value").unwrap_or("").to_string());
                    fields.push((name.unwrap(), Kind::Choice(options, chosen)));
                }
                ("input", "radio") => {
                    let name = name.unwrap();
                    let value = v.attr("value").unwrap_or("on").to_string();
                    let checked = v.attr("checked").is_some();
                    match fields.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, Kind::Choice(values, c))) => {
                            values.push(value.clone());
                            if checked {
                                *c = Some(value);
                            }
                        }
                        _ => fields.push((name, Kind::Choice(vec![value.clone()], checked.then_some(value)))),
                    }
                }
                ("input", "hidden") => fields.push((name.unwrap(), Kind::Hidden(v.attr("value").unwrap_or("").to_string()))),
                ("input", "checkbox") => fields.push((name.unwrap(), Kind::Tick(v.attr("value").unwrap_or("on").to_string()))),
                ("input", _) => fields.push((name.unwrap(), Kind::Value(v.attr("value").unwrap_or("").to_string()))),
                _ => {}
            }
        }
        if buttons.is_empty() {
            buttons.push(None);
        }
        for button in buttons {
            out.push(Form { method: method.clone(), action: action.clone(), fields: fields.clone(), button, role });
        }
    }
    out
}

/// The site's own links on a page: paths, without fragments, not files.
fn links_on(page: &str) -> Vec<String> {
    let doc = Html::parse_document(page);
    doc.select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| h.split('#').next().unwrap().to_string())
        .filter(|h| !h.starts_with("/pkg") && !h.starts_with("/dkfds") && !h.contains(".csv") && !h.contains(".ics") && h != "/favicon.ico")
        .collect()
}

/// A staff member's session, renewed when a form ends it (signing out, a password change).
struct Member {
    role: Role,
    username: String,
    cookie: String,
    csrf: String,
}

struct Walk {
    app: axum::Router,
    stores: server::Stores,
    members: Vec<Member>,
}

const PASSWORD: &str = "en lang og god adgangskode til testen";

impl Walk {
    async fn request(&mut self, role: Option<Role>, method: Method, uri: &str, fields: &[(String, String)]) -> (StatusCode, String) {
        let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields.iter()).finish();
        let (uri, body) = if method == Method::GET {
            let sep = if uri.contains('?') { '&' } else { '?' };
            (if encoded.is_empty() { uri.to_string() } else { format!("{uri}{sep}{encoded}") }, String::new())
        } else {
            (uri.to_string(), encoded)
        };
        let mut req = Request::builder().method(method).uri(&uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(role) = role {
            let member = self.live_member(role).await;
            let cookie = format!("{}={}", app::api::staff::session::cookie_name(false), member.cookie);
            let csrf = member.csrf.clone();
            req = req.header(header::COOKIE, cookie).header(header::ORIGIN, "http://localhost").header(header::HOST, "localhost");
            if !body.is_empty() {
                // The page's token may be an earlier session's.
                let fields: Vec<(String, String)> = fields.iter().map(|(k, v)| if KEPT.contains(&k.as_str()) { (k.clone(), csrf.clone()) } else { (k.clone(), v.clone()) }).collect();
                let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields.iter()).finish();
                return self.send(req.body(Body::from(body)).unwrap()).await;
            }
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// The status and the body; a download that is not HTML (a calendar file, a CSV) comes back
    /// as an empty page when the browser is told not to sniff it and to save it as a file.
    async fn send(&self, req: Request<Body>) -> (StatusCode, String) {
        let peer: SocketAddr = CLIENT.parse().unwrap();
        let res = self.app.clone().layer(MockConnectInfo(peer)).oneshot(req).await.unwrap();
        let status = res.status();
        let header = |name| res.headers().get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok()).unwrap_or("").to_string();
        let (content_type, disposition, nosniff) = (header(header::CONTENT_TYPE), header(header::CONTENT_DISPOSITION), header(header::X_CONTENT_TYPE_OPTIONS));
        let location = header(header::LOCATION);
        let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).to_string();
        // A redirect with no page (`/was`, to the accessibility statement) is followed as a browser
        // would: it becomes a page whose one link is where it leads.
        if status.is_redirection() && body.is_empty() {
            return (status, format!("<!DOCTYPE html><html><head></head><body><a href=\"{location}\">videre</a></body></html>"));
        }
        if !content_type.starts_with("text/html") {
            assert!(disposition.starts_with("attachment") && nosniff == "nosniff", "a {content_type} answer that is not a download:\n{body}");
            return (status, String::from("<!DOCTYPE html><html><head></head><body></body></html>"));
        }
        (status, body)
    }

    /// The role's member, signed in again (and enabled again) if a form ended the session.
    async fn live_member(&mut self, role: Role) -> &Member {
        let at = self.members.iter().position(|m| m.role == role).unwrap();
        let now = app::clock::now();
        if self.stores.staff.access(&self.members[at].cookie, now).await.unwrap().is_none() {
            let username = self.members[at].username.clone();
            for account in self.stores.staff.accounts(KOMMUNE).await.unwrap() {
                self.stores.staff.set_disabled(KOMMUNE, account.id, false).await.unwrap();
                let _ = self.stores.staff.set_password(KOMMUNE, account.id, PASSWORD).await;
            }
            let session = self.stores.staff.sign_in(&username, PASSWORD, now).await.unwrap().expect("signs in again");
            self.members[at].cookie = session.cookie_value;
            self.members[at].csrf = session.access.csrf;
        }
        &self.members[at]
    }
}

/// The municipality the staff work for: it offers anonymous messages and evaluations.
const KOMMUNE: &str = "vallensbaek";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_typed_into_any_form_becomes_markup() {
    let (stores, _data) = common::stores().await;
    let mut limits = common::limits();
    limits.guesses = Arc::new(server::throttle::WindowLimit::per_hour(1_000_000));
    limits.bookings = Arc::new(server::throttle::WindowLimit::per_day(1_000_000));
    limits.threads = Arc::new(server::throttle::WindowLimit::per_day(1_000_000));
    let app = common::router_with(stores.clone(), limits);
    let sites: Vec<String> = app::api::staff::logic::kommune_sites(KOMMUNE).iter().map(|s| s.id.clone()).collect();
    let mut members = Vec::new();
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let username = format!("ekko{i}");
        let scope = StaffScope { kommune: KOMMUNE.into(), sites: if role == Role::AnonymousCounsellor { sites.clone() } else { vec![] } };
        stores.staff.create_account(&username, PASSWORD, role, &scope).await.unwrap();
        let session = stores.staff.sign_in(&username, PASSWORD, app::clock::now()).await.unwrap().unwrap();
        members.push(Member { role, username, cookie: session.cookie_value, csrf: session.access.csrf });
    }
    let mut walk = Walk { app, stores, members };

    // 1. The walk: pages by links, forms by what the pages give, citizens first (their bookings,
    //    messages and requests give the staff pages something to show), then each role.
    let mut seeds: HashMap<&str, String> = HashMap::from([
        ("navn", "Anna Hansen".to_string()),
        ("telefon", "22 33 44 55".to_string()),
        ("besked", "Hej, jeg vil gerne tale med nogen.".to_string()),
        ("svar", "Tak for din besked.".to_string()),
    ]);
    let mut codes: Vec<String> = Vec::new();
    let mut forms: BTreeMap<String, Form> = BTreeMap::new();
    let mut visited_routes: BTreeSet<String> = BTreeSet::new();
    let viewers: Vec<(Option<Role>, &str)> = std::iter::once((None, "/")).chain(Role::ALL.into_iter().map(|r| (Some(r), "/personale"))).collect();
    for (role, start) in viewers {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut per_route: HashMap<String, usize> = HashMap::new();
        let mut queue: VecDeque<String> = VecDeque::from([start.to_string()]);
        while let Some(uri) = queue.pop_front() {
            // Five pages of a route are enough (a route's page in each municipality): the same page with
            // other content has the same forms.
            let route = route_of(&uri);
            if seen.contains(&uri) || per_route.get(&route).copied().unwrap_or(0) >= 5 {
                continue;
            }
            seen.insert(uri.clone());
            *per_route.entry(route).or_insert(0) += 1;
            let (status, page) = walk.request(role, Method::GET, &uri, &[]).await;
            if status.is_redirection() {
                queue.extend(links_on(&page));
            }
            if status != StatusCode::OK {
                continue;
            }
            visited_routes.insert(route_of(&uri));
            for link in links_on(&page) {
                // Citizens stay off the staff side; staff stay on it.
                if link.starts_with("/personale") == role.is_some() && !link.starts_with("/personale/log-ud") {
                    queue.push_back(link);
                }
            }
            for form in forms_on(&page, &uri, role) {
                forms.entry(form.key()).or_insert(form);
            }
        }
        // Twice through the forms with their given values: the answers hold forms further in.
        let mut followed: BTreeSet<String> = BTreeSet::new();
        eprintln!("{role:?}: {} pages, {} forms so far", seen.len(), forms.len());
        for _ in 0..2 {
            let known: Vec<Form> = forms.values().filter(|f| f.role == role).cloned().collect();
            for form in known {
                if form.action.starts_with("/personale/log-ud") {
                    continue;
                }
                let mut tries = vec![form.defaults(&seeds)];
                if form.fields.iter().any(|(n, _)| n == "kode") {
                    for code in codes.iter().take(3) {
                        let mut t = form.defaults(&seeds);
                        t.iter_mut().filter(|(n, _)| n == "kode").for_each(|(_, v)| *v = code.clone());
                        tries.push(t);
                    }
                }
                for values in tries {
                    let (_, page) = walk.request(role, form.method.clone(), &form.action, &values).await;
                    let doc = Html::parse_document(&page);
                    for code in doc.select(&sel("#token, #kode-vist, .token")).map(|e| e.text().collect::<String>().trim().to_string()) {
                        if !code.is_empty() && !codes.contains(&code) {
                            codes.push(code);
                        }
                    }
                    for found in forms_on(&page, &form.action, role) {
                        forms.entry(found.key()).or_insert(found);
                    }
                    for link in links_on(&page).into_iter().filter(|l| l.contains('?') && l.starts_with("/personale") == role.is_some()) {
                        // One link of each route and query names is enough.
                        let names: Vec<&str> = link.split('?').nth(1).unwrap_or("").split('&').map(|p| p.split('=').next().unwrap_or("")).collect();
                        if !followed.insert(format!("{} {names:?}", route_of(&link))) {
                            continue;
                        }
                        let (status, linked) = walk.request(role, Method::GET, &link, &[]).await;
                        if status == StatusCode::OK {
                            for found in forms_on(&linked, &link, role) {
                                forms.entry(found.key()).or_insert(found);
                            }
                        }
                    }
                }
            }
        }
        seeds.insert("kode", codes.first().cloned().unwrap_or_default());
    }
    let routes: BTreeSet<String> = server::page_routes().iter().map(|r| r.path().to_string()).collect();
    let missed: Vec<&String> = routes.iter().filter(|r| !visited_routes.contains(*r)).collect();
    assert!(missed.is_empty(), "page routes the walk never reached (link them, or seed the walk): {missed:?}");
    let actions: BTreeSet<String> = forms.values().filter(|f| f.method == Method::POST).map(|f| route_of(&f.action)).collect();
    for expected in ["/{kommune}/book", "/{kommune}/skriv", "/{kommune}/henvendelse", "/min-aftale", "/personale/beskeder", "/personale/aabningstider", "/personale/konti", "/personale/kalender"] {
        assert!(actions.contains(expected), "the walk found no form posting to {expected}: {actions:?}");
    }
    assert!(codes.len() >= 2, "the walk got codes to go further in: {codes:?}");

    eprintln!("the walk: {} forms, {} codes, {} routes", forms.len(), codes.len(), visited_routes.len());
    // 2. Every field, every hostile value, with the form's other values and alone.
    let mut failures: Vec<String> = Vec::new();
    let mut posts = 0;
    let mut echoed = 0;
    let started = std::time::Instant::now();
    for form in forms.values() {
        if form.action.starts_with("/personale/log-ud") {
            continue;
        }
        eprintln!("{:>5.1} s  {}", started.elapsed().as_secs_f64(), form.key());
        let mut targets: Vec<String> = form.fields.iter().map(|(n, _)| n.clone()).filter(|n| !KEPT.contains(&n.as_str())).collect();
        targets.extend(form.button.as_ref().map(|(n, _)| n.clone()));
        targets.dedup();
        for target in &targets {
            for hostile in HOSTILE {
                for alone in [false, true] {
                    let with = |value: &str| -> Vec<(String, String)> {
                        let mut values = form.defaults(&seeds);
                        if alone {
                            let hidden = |n: &str| matches!(form.fields.iter().find(|(f, _)| f == n), Some((_, Kind::Hidden(_))));
                            let button = |n: &str| form.button.as_ref().is_some_and(|(b, _)| b == n);
                            values.retain(|(n, _)| n == target || hidden(n) || button(n));
                        }
                        values.iter_mut().filter(|(n, _)| n == target).for_each(|(_, v)| *v = value.to_string());
                        if !values.iter().any(|(n, _)| n == target) {
                            values.push((target.clone(), value.to_string()));
                        }
                        values
                    };
                    let twin = twin(hostile);
                    let (_, twin_page) = walk.request(form.role, form.method.clone(), &form.action, &with(&twin)).await;
                    let (_, page) = walk.request(form.role, form.method.clone(), &form.action, &with(hostile)).await;
                    posts += 2;
                    let what = format!("{} {} field {target:?}{} = {hostile:?}", form.method, form.action, if alone { " alone" } else { "" });
                    let outcome = match compare(&twin_page, &page, &twin, hostile) {
                        // A form that did something (booked the last seat of a time) answers the
                        // next post differently: the twin again, after the hostile value.
                        Err(_) => {
                            let (_, again) = walk.request(form.role, form.method.clone(), &form.action, &with(&twin)).await;
                            posts += 1;
                            compare(&again, &page, &twin, hostile)
                        }
                        same => same,
                    };
                    match outcome {
                        Ok(n) => echoed += n,
                        Err(e) => {
                            if let Ok(dir) = std::env::var("ECHO_DUMP") {
                                std::fs::write(format!("{dir}/{}-twin.html", failures.len()), &twin_page).unwrap();
                                std::fs::write(format!("{dir}/{}-hostile.html", failures.len()), &page).unwrap();
                            }
                            failures.push(format!("{what}: {e}"))
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {posts} answers made markup of a typed value or did not show it as typed:\n{}", failures.len(), failures.join("\n"));
    assert!(echoed > 100, "the hostile values were shown again in {echoed} places over {posts} answers: too few to prove anything");
    eprintln!("{} forms, {posts} answers, {echoed} values shown again, all as typed", forms.len());
}

/// The route pattern a path belongs to (`/vallensbaek/skriv` → `/:kommune/skriv`), as the router
/// names it.
fn route_of(uri: &str) -> String {
    let path = uri.split('?').next().unwrap();
    let routes = server::page_routes();
    let segments: Vec<&str> = path.split('/').collect();
    for r in &routes {
        let pattern: Vec<&str> = r.path().split('/').collect();
        if pattern.len() == segments.len() && pattern.iter().zip(&segments).all(|(p, s)| p.starts_with(':') || p.starts_with('{') || p == s) {
            return r.path().to_string();
        }
    }
    path.split('/').enumerate().map(|(i, p)| if i == 1 && is_kommune(p) { "{kommune}" } else { p }).collect::<Vec<_>>().join("/")
}

/// Every element's name with its attributes' names, counted.
fn shape(doc: &Html) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for node in doc.root_element().descendants() {
        if let Some(el) = ElementRef::wrap(node) {
            let mut attrs: Vec<&str> = el.value().attrs().map(|(n, _)| n).collect();
            attrs.sort();
            *out.entry(format!("<{} {}>", el.value().name(), attrs.join(" "))).or_insert(0) += 1;
        }
    }
    out
}

/// Where a value is shown: each field's value by its name, and the page's text.
fn shown(doc: &Html) -> (Vec<(String, String)>, String) {
    let mut fields = Vec::new();
    for el in doc.select(&sel("input[name], textarea[name]")) {
        let value = if el.value().name() == "textarea" { el.text().collect() } else { el.value().attr("value").unwrap_or("").to_string() };
        fields.push((el.value().attr("name").unwrap().to_string(), value));
    }
    let text = doc.select(&sel("body")).next().map(|b| b.text().collect::<String>()).unwrap_or_default();
    (fields, text)
}

/// The hostile answer beside the twin's: the same elements and attributes, no `<meta
/// http-equiv>` in the body, and the hostile value shown exactly where the twin is. The number
/// of places it is shown.
fn compare(twin_page: &str, page: &str, twin: &str, hostile: &str) -> Result<usize, String> {
    let (twin_doc, doc) = (Html::parse_document(twin_page), Html::parse_document(page));
    let (a, b) = (shape(&twin_doc), shape(&doc));
    // A form that stores what it is sent (a thread written to again) shows one more message each
    // time, so counts of the page's own elements may differ; an element or attribute the twin's
    // page does not have at all, or one more of the elements the values carry, may not.
    let carried = |k: &str| ["<h1 ", "<meta ", "<img ", "<svg ", "<a ", "<textarea ", "<title "].iter().any(|t| k.starts_with(t));
    let more: Vec<String> = b.iter().filter(|(k, n)| a.get(*k).is_none_or(|m| carried(k) && m < n)).map(|(k, n)| format!("{k}×{n}")).collect();
    if !more.is_empty() {
        return Err(format!("elements the twin's page does not have: {more:?}"));
    }
    if doc.select(&sel("meta[http-equiv]")).next().is_some() {
        return Err("a <meta http-equiv> on the page".into());
    }
    let ((twin_fields, twin_text), (fields, text)) = (shown(&twin_doc), shown(&doc));
    let mut places = 0;
    for ((name, twin_value), (_, value)) in twin_fields.iter().zip(&fields) {
        if twin_value == twin || twin_value.trim() == twin.trim() {
            places += 1;
            if value != hostile && value.trim() != hostile.trim() {
                return Err(format!("field {name:?} shows {value:?}, not the value typed"));
            }
        }
    }
    // Short values ("&") also stand in the page's own text: only the long ones are looked for.
    // Where the twin is shown as text, the value typed is shown too, exactly as typed.
    let (in_twin, in_page) = (twin_text.matches(twin).count(), text.matches(hostile).count());
    if hostile.len() >= 10 && in_twin > 0 && in_page == 0 {
        return Err(format!("the text shows the twin {in_twin} times, the value typed never"));
    }
    Ok(places + if hostile.len() >= 10 { in_twin } else { 0 })
}
