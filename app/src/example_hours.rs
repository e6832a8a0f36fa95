//! Whether example opening hours may reach a citizen. The seeds give no booking hours, so the
//! content's hours are examples until a site's staff review them. A newcomer's portal
//! (`scripts/run.sh`) shows them, clearly marked, so booking can be tried; a real one refuses
//! them (`RMP_EXAMPLE_HOURS` unset): where a kind of talk has no reviewed hours, its booking page
//! gives the site's phone and says booking opens when the site publishes its times.
//!
//! Layer: with the stores and the clock (`app/tests/layers.rs`): a process-wide setting made once
//! at start, read by `api`.

use std::sync::OnceLock;

static SHOWN: OnceLock<bool> = OnceLock::new();

/// The setting was already made (or read): it is made once, at start.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("whether example hours are shown is decided once, at start")]
pub struct AlreadyDecided;

/// Decides, once, whether example hours are offered to citizens.
pub fn decide(shown: bool) -> Result<(), AlreadyDecided> {
    SHOWN.set(shown).map_err(|_| AlreadyDecided)
}

/// Whether example hours are offered. The server always decides at start (`RMP_EXAMPLE_HOURS`);
/// a test that does not decide gets them, as the tests of booking itself need.
pub fn shown() -> bool {
    *SHOWN.get_or_init(|| true)
}
