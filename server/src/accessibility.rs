//! `/was`: the short address of the accessibility statement (issue 39, item 7). The web
//! accessibility act (lov om tilgængelighed af offentlige organers websteder og
//! mobilapplikationer) has a public body publish its statement with Digitaliseringsstyrelsen's
//! tool at was.digst.dk; the municipality running the portal sets that statement's address in
//! `RMP_WAS_URL`, and `/was` and the footer's link lead there. Where none is set, they lead to the
//! portal's own statement (`/tilgaengelighed`), so the link never ends nowhere.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub const ENV_WAS_URL: &str = "RMP_WAS_URL";
pub const SHORT_PATH: &str = "/was";
/// The portal's own statement (app's `AccessibilityPage`).
pub const OWN_STATEMENT: &str = "/tilgaengelighed";

/// A statement's address on was.digst.dk: https, on Digitaliseringsstyrelsen's host, nothing
/// that could make the redirect leave for another site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementUrl(String);

impl StatementUrl {
    pub fn parse(value: &str) -> Result<StatementUrl, String> {
        let value = value.trim();
        let rest = value
            .strip_prefix("https://www.was.digst.dk/")
            .or_else(|| value.strip_prefix("https://was.digst.dk/"))
            .ok_or_else(|| format!("{ENV_WAS_URL}={value:?} must be the statement's address on was.digst.dk, beginning https://www.was.digst.dk/"))?;
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\' && b != b'<' && b != b'>') {
            return Err(format!("{ENV_WAS_URL}={value:?} is no statement's address: copy it from was.digst.dk, e.g. https://www.was.digst.dk/rusmiddel-example-dk"));
        }
        Ok(StatementUrl(value.to_string()))
    }

    /// `RMP_WAS_URL`, when set.
    pub fn from_env() -> Result<Option<StatementUrl>, String> {
        std::env::var(ENV_WAS_URL).ok().filter(|v| !v.trim().is_empty()).map(|v| StatementUrl::parse(&v)).transpose()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn routes(statement: Option<StatementUrl>) -> Router {
    Router::new().route(SHORT_PATH, get(short_address)).with_state(statement)
}

/// A temporary redirect (302 Found): the setting may change, and no browser should remember it.
async fn short_address(State(statement): State<Option<StatementUrl>>) -> Response {
    let to = statement.as_ref().map_or(OWN_STATEMENT, StatementUrl::as_str).to_string();
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_statement_on_was_digst_dk_is_taken() {
        assert!(StatementUrl::parse("https://www.was.digst.dk/rusmiddel-thisted-dk").is_ok());
        assert!(StatementUrl::parse(" https://was.digst.dk/abc ").is_ok());
        for wrong in ["http://www.was.digst.dk/abc", "https://www.was.digst.dk/", "https://www.was.digst.dk.evil.example/abc", "https://evil.example/https://www.was.digst.dk/", "https://www.was.digst.dk/a b", "https://www.was.digst.dk/a\"b"] {
            let e = StatementUrl::parse(wrong).unwrap_err();
            assert!(e.contains(ENV_WAS_URL), "{wrong}: {e}");
        }
    }
}
