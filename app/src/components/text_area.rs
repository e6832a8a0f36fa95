//! What a `<textarea>` shows again after a POST, written so that it stays text.
//!
//! tachys 0.2 (Leptos 0.8) writes a `<textarea>`'s children without escaping them, as it does
//! `<script>`'s and `<style>`'s: typed `</textarea><h1>…` closed the box and became markup
//! (issue 36). Upstream escapes them from tachys 0.3 (leptos-rs/leptos #4730, reverted in #4819,
//! then #4821), which needs Leptos 0.9. Until then every textarea takes its content through
//! [`textarea_content`] as `inner_html`, which tachys writes as given; no page outside an island
//! hydrates, so nothing re-renders it in the browser.

/// The HTML inside `<textarea>…</textarea>` that reads back as exactly `value`.
///
/// A textarea's content is "escapable raw text": character references are decoded and only
/// `</textarea` ends it, so escaping `&` and `<` (and `>` for good measure) is enough. The HTML
/// parser drops one newline right after the start tag, so one is written first: a value that
/// itself starts with a newline keeps it.
pub fn textarea_content(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    out.push('\n');
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::textarea_content;

    #[test]
    fn markup_stays_text_and_a_leading_newline_is_kept() {
        assert_eq!(textarea_content("</textarea><h1>x</h1>"), "\n&lt;/textarea&gt;&lt;h1&gt;x&lt;/h1&gt;");
        assert_eq!(textarea_content("&amp; 😀"), "\n&amp;amp; 😀");
        assert_eq!(textarea_content("\nx"), "\n\nx");
    }
}
