//! What every form POST passes before its handler (issue 36):
//!
//! 1. **Its own byte limit**, set from its fields' limits, not one constant. A body over it is not
//!    read further. The handler gets what fits: every field that came whole, and the field the
//!    limit cut, shortened to one character more than that field takes, so the form's own check
//!    says at the field that it is too long ("Beskeden er for lang: højst 2.000 tegn") and nothing
//!    is stored. The answer is the form's own page with status 413. Fields after the cut are
//!    lost: they were never read.
//! 2. **For citizens' forms, the same site.** A citizen's own browser never sends a form from
//!    another site; another site can (the citizen forms carry no token, as they have no session),
//!    so a POST whose `Origin` or `Sec-Fetch-Site` says cross-site is refused before anything is
//!    read: 403, the page as for a GET with a Danish line saying nothing was sent. A request
//!    without either header (an old browser, a script) passes, as the staff forms' check lets it
//!    (`staff_forms::same_origin`). Staff forms keep their own check (origin and CSRF token).

use crate::proxy::PublicOrigin;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::Response;
use http_body_util::BodyExt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// Characters a short field (a code, a date, a choice, a name) may hold at most, for the limit.
/// Every form's check refuses a short field of one more (the longest short value a form takes,
/// a password, may be 200 characters).
pub const SHORT_FIELD_CHARS: usize = 200;
/// A field name's bytes at most, for the limit.
const FIELD_NAME_BYTES: usize = 24;
/// The most bytes one character takes in a form body: four UTF-8 bytes, each written `%XX`.
const ENCODED_BYTES_PER_CHAR: usize = 12;

/// Bytes one field takes at most in a form body: `name=value&`.
const fn field_bytes(name_bytes: usize, chars: usize) -> usize {
    name_bytes + 2 + chars * ENCODED_BYTES_PER_CHAR
}

/// A form's byte limit, from its fields: how many short ones it has, and the longer ones with the
/// characters each takes.
#[derive(Clone, Copy, Debug)]
pub struct FormLimit {
    bytes: usize,
    long: &'static [(&'static str, usize)],
}

impl FormLimit {
    /// A form of `short_fields` short fields and the `long` ones (name, most characters).
    pub const fn new(short_fields: usize, long: &'static [(&'static str, usize)]) -> FormLimit {
        let mut bytes = short_fields * field_bytes(FIELD_NAME_BYTES, SHORT_FIELD_CHARS);
        let mut i = 0;
        while i < long.len() {
            bytes += field_bytes(long[i].0.len(), long[i].1);
            i += 1;
        }
        FormLimit { bytes, long }
    }

    /// The most bytes a body of this form may have.
    pub const fn bytes(&self) -> usize {
        self.bytes
    }

    /// The most characters `field` takes.
    fn max_chars(&self, field: &str) -> usize {
        self.long.iter().find(|(name, _)| *name == field).map_or(SHORT_FIELD_CHARS, |(_, chars)| *chars)
    }
}

/// Renders the page at a URI with [`app::api::CrossSiteRefused`] in context.
pub type RenderRefusal = Arc<dyn Fn(Uri) -> Pin<Box<dyn Future<Output = Response> + Send>> + Send + Sync>;

/// A [`RenderRefusal`] from a router's state and its page renderer: `render(state, uri)`.
pub fn render_refusal<S, F, Fut>(state: S, render: F) -> RenderRefusal
where
    S: Clone + Send + Sync + 'static,
    F: Fn(S, Uri) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Response> + Send + 'static,
{
    Arc::new(move |uri| Box::pin(render(state.clone(), uri)))
}

/// The guard of one form route.
#[derive(Clone)]
pub struct Guard {
    limit: FormLimit,
    /// For a citizen's form: the origin to compare with and how to show the refusal.
    citizen: Option<(Option<PublicOrigin>, RenderRefusal)>,
}

impl Guard {
    /// A staff form: only the byte limit (the staff checks come after, in the handler).
    pub fn staff(limit: FormLimit) -> Guard {
        Guard { limit, citizen: None }
    }

    /// A citizen's form: the byte limit and the same-site check.
    pub fn citizen(limit: FormLimit, public_origin: Option<PublicOrigin>, render: RenderRefusal) -> Guard {
        Guard { limit, citizen: Some((public_origin, render)) }
    }
}

/// The middleware: see the module's documentation.
pub async fn guard(State(guard): State<Guard>, req: Request, next: Next) -> Response {
    if req.method() != axum::http::Method::POST {
        return next.run(req).await;
    }
    if let Some((public_origin, render)) = &guard.citizen {
        if !crate::staff_forms::same_origin(req.headers(), public_origin.as_ref()) {
            tracing::warn!("a citizen's form from another site was refused");
            let mut res = render(req.uri().clone()).await;
            *res.status_mut() = StatusCode::FORBIDDEN;
            return res;
        }
    }
    let (mut parts, body) = req.into_parts();
    let (read, over) = match read_at_most(body, guard.limit.bytes()).await {
        Ok(read) => read,
        Err(()) => {
            // The body broke off before its end: nothing of it is used.
            let mut res = next.run(Request::from_parts(parts, Body::empty())).await;
            if res.status().is_success() {
                *res.status_mut() = StatusCode::BAD_REQUEST;
            }
            return res;
        }
    };
    if over {
        crate::metrics::limit_refused(crate::metrics::LimitName::form_size);
    }
    let body = if over { Bytes::from(cut_body(&read, &guard.limit)) } else { read };
    parts.headers.remove(header::CONTENT_LENGTH);
    let mut res = next.run(Request::from_parts(parts, Body::from(body))).await;
    // Whatever the form said of the cut fields (a wrong password: 401), the answer is that the
    // body was too large; a server error stays one.
    if over && !res.status().is_server_error() {
        *res.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        res.headers_mut().remove(header::LOCATION);
    }
    res
}

/// What is read past a form's limit, and thrown away, before answering: a browser that is still
/// sending when the server answers and closes may get a reset instead of the page. Past this,
/// reading stops and the connection closes.
const DRAIN_MAX_BYTES: usize = 16 << 20;

/// The body's first `limit` bytes, and whether there was more. What comes after the limit is
/// never kept: it is read and dropped up to [`DRAIN_MAX_BYTES`], so a 10 MB body costs memory no
/// more than one at the limit.
async fn read_at_most(body: Body, limit: usize) -> Result<(Bytes, bool), ()> {
    let mut body = body;
    let mut read: Vec<u8> = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ())?;
        if let Ok(data) = frame.into_data() {
            seen += data.len();
            if read.len() < limit + 1 {
                let room = limit + 1 - read.len();
                read.extend_from_slice(&data[..data.len().min(room)]);
            }
            if seen > DRAIN_MAX_BYTES {
                break;
            }
        }
    }
    let over = read.len() > limit;
    read.truncate(limit);
    Ok((Bytes::from(read), over))
}

/// The form body to hand on when the limit cut it after `read`: every field that came whole, and
/// the cut field shortened to one character more than it takes (so its check refuses it). A cut
/// in a field's name drops that field.
fn cut_body(read: &[u8], limit: &FormLimit) -> Vec<u8> {
    let Some(last_amp) = read.iter().rposition(|b| *b == b'&') else {
        return cut_field(read, limit);
    };
    let mut out = read[..last_amp].to_vec();
    let cut = cut_field(&read[last_amp + 1..], limit);
    if !cut.is_empty() {
        out.push(b'&');
        out.extend_from_slice(&cut);
    }
    out
}

/// One `name=value` cut somewhere in its value, as `name=value` of `max + 1` characters at most.
fn cut_field(pair: &[u8], limit: &FormLimit) -> Vec<u8> {
    let Some(eq) = pair.iter().position(|b| *b == b'=') else {
        return Vec::new();
    };
    let mut value = &pair[eq + 1..];
    // A `%` escape the cut split in two is dropped.
    for back in 1..=2 {
        if value.len() >= back && value[value.len() - back] == b'%' {
            value = &value[..value.len() - back];
            break;
        }
    }
    let name: String = form_urlencoded::parse(&pair[..eq]).map(|(k, _)| k.into_owned()).next().unwrap_or_default();
    let decoded: String = form_urlencoded::parse(&[b"v=", value].concat()).map(|(_, v)| v.into_owned()).next().unwrap_or_default();
    // A character the cut split in two decodes as U+FFFD: drop it.
    let decoded = decoded.strip_suffix('\u{FFFD}').unwrap_or(&decoded);
    let kept: String = decoded.chars().take(limit.max_chars(&name) + 1).collect();
    form_urlencoded::Serializer::new(String::new()).append_pair(&name, &kept).finish().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: FormLimit = FormLimit::new(3, &[("besked", 2000)]);

    fn fields(body: &[u8]) -> Vec<(String, String)> {
        form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
    }

    #[test]
    fn the_limit_counts_every_character_at_its_widest() {
        assert_eq!(MESSAGE.bytes(), 3 * (24 + 2 + 200 * 12) + (6 + 2 + 2000 * 12));
        // 2,000 four-byte characters, each byte percent-encoded, fit.
        let widest: String = form_urlencoded::Serializer::new(String::new()).append_pair("besked", &"😀".repeat(2000)).finish();
        assert!(widest.len() <= MESSAGE.bytes());
    }

    #[test]
    fn a_cut_keeps_whole_fields_and_shortens_the_cut_one_to_one_over_its_limit() {
        let body = format!("kode=abc&om=mig&besked={}", "%C3%A6".repeat(10_000));
        let cut = cut_body(&body.as_bytes()[..MESSAGE.bytes()], &MESSAGE);
        let f = fields(&cut);
        assert_eq!(f[0], ("kode".into(), "abc".into()));
        assert_eq!(f[1], ("om".into(), "mig".into()));
        assert_eq!(f[2].0, "besked");
        assert_eq!(f[2].1, "æ".repeat(2001));
    }

    #[test]
    fn every_cut_point_gives_a_well_formed_body() {
        let body = "a=1&besked=%F0%9F%98%80x%C3%A6&c=3".as_bytes();
        for at in 0..body.len() {
            let cut = cut_body(&body[..at], &MESSAGE);
            let text = String::from_utf8(cut.clone()).expect("ASCII");
            for (_, v) in fields(&cut) {
                assert!(!v.contains('\u{FFFD}'), "cut at {at}: {text}");
            }
        }
    }
}
