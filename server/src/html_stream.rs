//! Valid HTML out of Leptos's stream (issue 36, item 4), and `X-Robots-Tag` on every staff
//! response (item 5).
//!
//! Leptos (tachys 0.2.19) writes two things the Nu Html Checker calls errors, which no Leptos
//! option turns off:
//!
//! - `<!>`, the placeholder marker hydration walks over (between two text nodes, for an empty
//!   `Option`, a `()`, an empty list). It parses as a "bogus comment", an empty comment node.
//!   Only the insides of `<leptos-island>` elements hydrate (islands mode; the head's script turns
//!   hydration off for the rest of the page, `app::app::head_assets`), so outside islands the
//!   markers are dropped; inside, each becomes `<!---->`, which is valid and parses to the
//!   identical DOM (an empty comment node), so the island's hydration walk finds what it expects.
//! - The resource scripts (`__RESOLVED_RESOURCES=[]` and the like) that leptos_integration_utils
//!   chains after the app's stream, so after `</html>`: "stray start tag script". `</body>` and
//!   `</html>` are held back here and written at the end of the stream, so whatever follows
//!   them lands inside `<body>`, where the browser had put it anyway.
//!
//! [`HtmlFilter`] is a small tokenizer over bytes that keeps state between chunks: it knows
//! comments, doctype, start tags (with quoted attribute values) and end tags, and passes the
//! insides of `<script>`, `<style>`, `<textarea>` and `<title>` through untouched. Everything it
//! does not rewrite it copies byte for byte. [`filter_html`] applies it to every `text/html`
//! response, streaming.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use futures::StreamExt;

/// The streaming rewrite: feed it chunks with [`HtmlFilter::push`], then [`HtmlFilter::finish`].
#[derive(Debug, Default)]
pub struct HtmlFilter {
    /// Bytes not yet decided: a construct (tag, comment) cut by a chunk boundary, or the end of a
    /// raw text element's content that could be the start of its end tag.
    pending: Vec<u8>,
    /// Inside a raw text element: the end tag that closes it (`</script`, lower case).
    raw_text_end: Option<&'static [u8]>,
    /// How many `<leptos-island>` elements are open here.
    islands: usize,
    /// `</body>` and `</html>` as they came, written at the end.
    held: Vec<u8>,
}

/// What the bytes at a `<` are.
enum Construct {
    /// Not known until more bytes come.
    Incomplete,
    /// `<!>`.
    Marker,
    /// Copied as it is, `len` bytes; `then` says what it opens or closes.
    Copy { len: usize, then: After },
}

enum After {
    Nothing,
    IslandOpens,
    IslandCloses,
    RawText(&'static [u8]),
    /// `</body>` or `</html>`: held back until the end.
    Hold,
}

/// The elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: [(&[u8], &[u8]); 4] = [(b"script", b"</script"), (b"style", b"</style"), (b"textarea", b"</textarea"), (b"title", b"</title")];
const ISLAND: &[u8] = b"leptos-island";
/// What replaces `<!>` inside an island: a comment with no text, the same node.
const EMPTY_COMMENT: &[u8] = b"<!---->";

impl HtmlFilter {
    pub fn new() -> HtmlFilter {
        HtmlFilter::default()
    }

    /// The next chunk of the document in; what can be written out so far.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(chunk);
        let mut out = Vec::with_capacity(buf.len());
        let mut i = 0;
        while i < buf.len() {
            if let Some(end) = self.raw_text_end {
                match find_ignore_case(&buf[i..], end) {
                    Some(at) => {
                        out.extend_from_slice(&buf[i..i + at]);
                        i += at;
                        self.raw_text_end = None;
                    }
                    None => {
                        // Keep what could be the start of the end tag for the next chunk.
                        let keep = (buf.len() - i).min(end.len() - 1);
                        out.extend_from_slice(&buf[i..buf.len() - keep]);
                        i = buf.len() - keep;
                        break;
                    }
                }
                continue;
            }
            let Some(lt) = buf[i..].iter().position(|&b| b == b'<') else {
                out.extend_from_slice(&buf[i..]);
                i = buf.len();
                break;
            };
            out.extend_from_slice(&buf[i..i + lt]);
            i += lt;
            match construct(&buf[i..]) {
                Construct::Incomplete => break,
                Construct::Marker => {
                    if self.islands > 0 {
                        out.extend_from_slice(EMPTY_COMMENT);
                    }
                    i += 3;
                }
                Construct::Copy { len, then } => {
                    match then {
                        After::Hold => self.held.extend_from_slice(&buf[i..i + len]),
                        _ => out.extend_from_slice(&buf[i..i + len]),
                    }
                    match then {
                        After::IslandOpens => self.islands += 1,
                        After::IslandCloses => self.islands = self.islands.saturating_sub(1),
                        After::RawText(end) => self.raw_text_end = Some(end),
                        After::Nothing | After::Hold => {}
                    }
                    i += len;
                }
            }
        }
        self.pending = buf[i..].to_vec();
        out
    }

    /// The end of the stream: what was still pending, then `</body></html>`.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.pending);
        out.append(&mut self.held);
        out
    }
}

/// Reads the construct starting at `s[0] == b'<'`.
fn construct(s: &[u8]) -> Construct {
    use Construct::*;
    let Some(&next) = s.get(1) else { return Incomplete };
    match next {
        b'!' => {
            if s.len() < 3 {
                return Incomplete;
            }
            if s[2] == b'>' {
                return Marker;
            }
            if s.len() < 4 && b"<!--".starts_with(s) {
                return Incomplete;
            }
            if s.starts_with(b"<!--") {
                // A comment ends at the first `-->` after its `<!--`.
                return match find(&s[4..], b"-->") {
                    Some(at) => Copy { len: 4 + at + 3, then: After::Nothing },
                    None => Incomplete,
                };
            }
            // `<!DOCTYPE …>` and any other declaration: up to the next `>`.
            match s.iter().position(|&b| b == b'>') {
                Some(at) => Copy { len: at + 1, then: After::Nothing },
                None => Incomplete,
            }
        }
        b'/' => {
            let name_len = s[2..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
            let Some(at) = s.iter().position(|&b| b == b'>') else { return Incomplete };
            let name = s[2..2 + name_len].to_ascii_lowercase();
            let then = if name == ISLAND {
                After::IslandCloses
            } else if name == b"body" || name == b"html" {
                After::Hold
            } else {
                After::Nothing
            };
            Copy { len: at + 1, then }
        }
        b if b.is_ascii_alphabetic() => {
            let name_len = s[1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
            let Some(len) = start_tag_len(s) else { return Incomplete };
            let name = s[1..1 + name_len].to_ascii_lowercase();
            let then = if name == ISLAND {
                After::IslandOpens
            } else if let Some((_, end)) = RAW_TEXT.iter().find(|(n, _)| *n == name.as_slice()) {
                After::RawText(end)
            } else {
                After::Nothing
            };
            Copy { len, then }
        }
        // A `<` that starts no tag is text.
        _ => Copy { len: 1, then: After::Nothing },
    }
}

/// The length of the start tag at `s`, up to its `>` outside quoted attribute values.
fn start_tag_len(s: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in s.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// The whole rewrite on one string (tests, and anything rendered without streaming).
pub fn filter_str(html: &str) -> String {
    let mut filter = HtmlFilter::new();
    let mut out = filter.push(html.as_bytes());
    out.extend(filter.finish());
    String::from_utf8(out).expect("the filter cuts only at ASCII")
}

/// Middleware: every `text/html` response's body through [`HtmlFilter`], as it streams.
pub async fn filter_html(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"));
    if !is_html || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let chunks = body.into_data_stream();
    let filtered = futures::stream::unfold(Some((chunks, HtmlFilter::new())), |state| async move {
        let (mut chunks, mut filter) = state?;
        loop {
            match chunks.next().await {
                Some(Ok(chunk)) => {
                    let out = filter.push(&chunk);
                    if !out.is_empty() {
                        return Some((Ok(Bytes::from(out)), Some((chunks, filter))));
                    }
                }
                Some(Err(e)) => return Some((Err(e), None)),
                None => return Some((Ok(Bytes::from(filter.finish())), None)),
            }
        }
    });
    // Fused: hyper polls a body once more after its end, and `unfold` panics if polled then.
    Response::from_parts(parts, Body::from_stream(filtered.fuse()))
}

/// The staff side's paths: `/personale` and everything below it.
pub fn is_staff_path(path: &str) -> bool {
    path == "/personale" || path.starts_with("/personale/")
}

pub const ROBOTS_NOINDEX: &str = "noindex, nofollow";

/// Middleware: `X-Robots-Tag: noindex, nofollow` on every response to a staff path (pages, form
/// answers, exports, errors), whatever produced it; the pages also carry the meta tag
/// (`app::app::shell`).
pub async fn staff_noindex(request: Request<Body>, next: Next) -> Response {
    let staff = is_staff_path(request.uri().path());
    let mut response = next.run(request).await;
    if staff {
        response.headers_mut().insert(header::HeaderName::from_static("x-robots-tag"), HeaderValue::from_static(ROBOTS_NOINDEX));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter on `input` cut at every byte, and at every pair of bytes: the output is the same
    /// as for the whole input in one chunk.
    fn every_split(input: &str) -> String {
        let whole = filter_str(input);
        let bytes = input.as_bytes();
        for a in 0..=bytes.len() {
            for b in a..=bytes.len() {
                let mut f = HtmlFilter::new();
                let mut out = f.push(&bytes[..a]);
                out.extend(f.push(&bytes[a..b]));
                out.extend(f.push(&bytes[b..]));
                out.extend(f.finish());
                assert_eq!(String::from_utf8(out).unwrap(), whole, "split at {a} and {b} of {input:?}");
            }
        }
        whole
    }

    #[test]
    fn markers_outside_islands_go() {
        assert_eq!(every_split("<p>a<!>b<!></p>"), "<p>ab</p>");
        assert_eq!(every_split("<ul><!></ul><p>x</p>"), "<ul></ul><p>x</p>");
    }

    #[test]
    fn markers_inside_islands_become_empty_comments() {
        let page = "<main>a<!>b<leptos-island data-component=\"X\"><div>c<!>d<leptos-children><!></leptos-children></div></leptos-island><!>e</main>";
        assert_eq!(
            every_split(page),
            "<main>ab<leptos-island data-component=\"X\"><div>c<!---->d<leptos-children><!----></leptos-children></div></leptos-island>e</main>"
        );
        // Nested islands count.
        assert_eq!(
            every_split("<leptos-island><leptos-island></leptos-island><!></leptos-island><!>"),
            "<leptos-island><leptos-island></leptos-island><!----></leptos-island>"
        );
    }

    #[test]
    fn what_follows_the_body_moves_into_it() {
        let page = "<!DOCTYPE html><html><head></head><body><p>x</p></body></html><script nonce=\"n\">__RESOLVED_RESOURCES=[];</script><script>b</script>";
        assert_eq!(
            every_split(page),
            "<!DOCTYPE html><html><head></head><body><p>x</p><script nonce=\"n\">__RESOLVED_RESOURCES=[];</script><script>b</script></body></html>"
        );
        assert_eq!(every_split("<body>a</BODY>\n</html>"), "<body>a\n</BODY></html>");
    }

    #[test]
    fn comments_attributes_and_raw_text_are_left_alone() {
        for same in [
            "<!-- <!> --><p>x</p>",
            "<!--HEAD--><!--s-1-o--><!---->",
            "<a title=\"<!> >\" href='/x?a=1>2'>y</a>",
            "<script type=\"module\">if (a<!>b) { x = '</body>' }</script>",
            "<style>p::before { content: '<!>' }</style>",
            "<textarea name=\"t\">a<!>b</textarea>",
            "<title>a <!> b</title>",
            "<p>1 < 2 and 3 <4</p>",
            "<p>æøå – ✓</p>",
        ] {
            assert_eq!(every_split(same), same);
        }
        // A raw text element's end tag in another case still ends it.
        assert_eq!(every_split("<SCRIPT>a</Script><p><!></p>"), "<SCRIPT>a</Script><p></p>");
    }

    #[test]
    fn an_unfinished_document_is_written_out_as_it_came() {
        assert_eq!(filter_str("<p>a <!-- never closed"), "<p>a <!-- never closed");
        assert_eq!(filter_str("<p class=\"x"), "<p class=\"x");
        assert_eq!(filter_str("<script>a</scr"), "<script>a</scr");
    }

    #[test]
    fn staff_paths() {
        assert!(is_staff_path("/personale") && is_staff_path("/personale/sager") && is_staff_path("/personale/rapport.csv"));
        assert!(!is_staff_path("/personalet") && !is_staff_path("/") && !is_staff_path("/ishoj/personale"));
    }
}
