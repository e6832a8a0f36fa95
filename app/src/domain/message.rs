//! Anonymous written contact (issue 19): a person, or a relative, writes to the counsellors of a
//! site with a code instead of a name, and reads the answer with the same code. This is the one
//! place the anonymous side takes free text, so what a message may be is decided here, before
//! anything is stored: plain text, not empty, not too long, no binary, no script.

use serde::{Deserialize, Serialize};

/// The most characters one message may have: room for a question, not for a life story (what is
/// written is personal data of the kind the portal otherwise never holds).
pub const MAX_CHARS: usize = 2000;

/// The most messages one thread may hold, both ways. A conversation that needs more belongs in a
/// talk; the cap keeps one code from filling the store.
pub const MAX_MESSAGES: usize = 40;

/// How many days a thread is kept after its last message, unless configured otherwise
/// (`RMP_MESSAGE_RETENTION_DAYS`).
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// Who writes: the person about themselves, or a relative (a relative's questions go to the same
/// counsellors, who answer them as a relative's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Writer {
    Person,
    Relative,
}

impl Writer {
    pub const ALL: [Writer; 2] = [Writer::Person, Writer::Relative];

    /// As forms carry it and the store keeps it.
    pub const fn slug(self) -> &'static str {
        match self {
            Writer::Person => "mig-selv",
            Writer::Relative => "paaroerende",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Writer> {
        Writer::ALL.into_iter().find(|w| w.slug() == slug)
    }
}

/// Who wrote one message of a thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sender {
    /// The person with the code.
    Writer,
    Counsellor,
}

impl Sender {
    pub const fn slug(self) -> &'static str {
        match self {
            Sender::Writer => "skriver",
            Sender::Counsellor => "raadgiver",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Sender> {
        [Sender::Writer, Sender::Counsellor].into_iter().find(|s| s.slug() == slug)
    }
}

/// Where a thread stands, as the counsellors' inbox sorts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ThreadStatus {
    /// The person wrote last: waiting for a counsellor.
    Waiting,
    /// A counsellor wrote last.
    Answered,
    /// A counsellor closed it: it can be read and deleted, not written to.
    Closed,
}

impl ThreadStatus {
    pub const fn slug(self) -> &'static str {
        match self {
            ThreadStatus::Waiting => "venter",
            ThreadStatus::Answered => "besvaret",
            ThreadStatus::Closed => "lukket",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ThreadStatus> {
        [ThreadStatus::Waiting, ThreadStatus::Answered, ThreadStatus::Closed].into_iter().find(|s| s.slug() == slug)
    }
}

/// What is wrong with a message as typed. Each has its own Danish words (`text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BodyError {
    Empty,
    TooLong { chars: usize },
    /// Control characters or the replacement character: a file pasted or sent, not text.
    Binary,
    /// A script, a frame or a `javascript:` link: never sent on, even as text.
    Script,
}

/// A message body that may be stored: trimmed, with `\n` line ends, 1 to [`MAX_CHARS`]
/// characters of text. Markup in it is kept as typed and always shown as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageBody(String);

/// Markup that carries code. Other markup (`<b>`, `<3`) is harmless once shown as text and is
/// kept; these are refused, so a counsellor copying a message elsewhere copies no script.
const SCRIPT_MARKERS: [&str; 7] = ["<script", "</script", "javascript:", "vbscript:", "<iframe", "<object", "<embed"];

impl MessageBody {
    pub fn parse(typed: &str) -> Result<MessageBody, BodyError> {
        let text = typed.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim();
        if text.is_empty() {
            return Err(BodyError::Empty);
        }
        if text.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFD}' || is_noncharacter(c)) {
            return Err(BodyError::Binary);
        }
        let chars = text.chars().count();
        if chars > MAX_CHARS {
            return Err(BodyError::TooLong { chars });
        }
        let lower = text.to_lowercase();
        if SCRIPT_MARKERS.iter().any(|m| lower.contains(m)) {
            return Err(BodyError::Script);
        }
        Ok(MessageBody(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Unicode noncharacters (U+FDD0–U+FDEF, and the last two of every plane): never text.
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_trimmed_text_with_plain_line_ends() {
        let body = MessageBody::parse("  Hej\r\nJeg har et spørgsmål om hash.\r\n\r\n").unwrap();
        assert_eq!(body.as_str(), "Hej\nJeg har et spørgsmål om hash.");
        assert_eq!(MessageBody::parse("Tab\there").unwrap().as_str(), "Tab\there");
    }

    #[test]
    fn empty_huge_binary_and_script_are_refused() {
        for empty in ["", "   ", "\r\n\t "] {
            assert_eq!(MessageBody::parse(empty), Err(BodyError::Empty), "{empty:?}");
        }
        let exactly = "æ".repeat(MAX_CHARS);
        assert!(MessageBody::parse(&exactly).is_ok(), "the limit counts characters, not bytes");
        assert_eq!(MessageBody::parse(&format!("{exactly}x")), Err(BodyError::TooLong { chars: MAX_CHARS + 1 }));
        for binary in ["PNG\u{0}\u{1a}", "a\u{7}b", "\u{FFFD}\u{FFFD}", "x\u{FFFF}", "\u{1b}[31m"] {
            assert_eq!(MessageBody::parse(binary), Err(BodyError::Binary), "{binary:?}");
        }
        for script in ["<script>alert(1)</script>", "<SCRIPT src=x>", "se her: JavaScript:alert(1)", "<iframe src=x>", "<embed>"] {
            assert_eq!(MessageBody::parse(script), Err(BodyError::Script), "{script}");
        }
    }

    #[test]
    fn harmless_markup_is_kept_as_typed() {
        for kept in ["<b>hjælp</b>", "Jeg <3 min søster", "5 < 7 & 8 > 3", "\"citat\" & 'citat'"] {
            assert_eq!(MessageBody::parse(kept).unwrap().as_str(), kept);
        }
    }

    #[test]
    fn slugs_read_back() {
        for w in Writer::ALL {
            assert_eq!(Writer::from_slug(w.slug()), Some(w));
        }
        for s in [ThreadStatus::Waiting, ThreadStatus::Answered, ThreadStatus::Closed] {
            assert_eq!(ThreadStatus::from_slug(s.slug()), Some(s));
        }
        for s in [Sender::Writer, Sender::Counsellor] {
            assert_eq!(Sender::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Writer::from_slug("andet"), None);
    }
}
