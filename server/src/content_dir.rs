//! Which content the server serves: the reviewed files compiled in, or the directory
//! `RMP_CONTENT_DIR` names, read and checked once at start. Bad content stops the server there,
//! with one line saying what to fix; it never starts half configured.

use app::content::check::check;
use app::content::files::{ContentFiles, Problem};
use std::path::Path;

pub const ENV_CONTENT_DIR: &str = "RMP_CONTENT_DIR";

/// The first path segments the portal itself answers (pages, forms, exports, static files,
/// server functions). A municipality's slug is the first segment of its pages, so it may not be
/// one of these; `the_fixed_paths_cover_every_route` keeps the list complete.
pub const FIXED_PATH_SEGMENTS: [&str; 13] = [
    "api", "dkfds", "favicon.ico", "healthz", "katalog", "min-aftale", "personale", "pkg", "readyz", "sammenlign", "sammenlign.csv", "standarder",
    "tilgaengelighed",
];

pub fn reserved() -> Vec<String> {
    FIXED_PATH_SEGMENTS.map(String::from).to_vec()
}

/// Every problem in the content directory `dir`.
pub fn check_dir(dir: &Path) -> Vec<Problem> {
    match ContentFiles::read_dir(dir) {
        Ok(files) => check(&files, &reserved()),
        Err(problem) => vec![problem],
    }
}

/// Reads, checks and loads the content: `RMP_CONTENT_DIR` when set, else the compiled files.
/// Returns where it came from, for the start-up log.
pub fn load_from_env() -> Result<String, String> {
    let (files, origin) = match std::env::var_os(ENV_CONTENT_DIR).filter(|v| !v.is_empty()) {
        Some(dir) => {
            let dir = std::path::PathBuf::from(dir);
            let files = ContentFiles::read_dir(&dir).map_err(|p| format!("{ENV_CONTENT_DIR}: {p}"))?;
            (files, dir.display().to_string())
        }
        None => (ContentFiles::compiled(), "the compiled content".to_string()),
    };
    let problems = check(&files, &reserved());
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        return Err(format!("content in {origin}: {first}{more}; `scripts/run.sh check-content DIR` lists every problem"));
    }
    app::content::load(&files).map_err(|e| format!("content in {origin}: {e}"))?;
    Ok(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_paths_cover_every_route() {
        let mut firsts: Vec<String> = crate::page_routes()
            .iter()
            .filter_map(|r| r.path().trim_start_matches('/').split('/').next().map(str::to_string))
            .filter(|s| !s.is_empty() && !s.starts_with(':') && !s.starts_with('{'))
            .collect();
        firsts.sort();
        firsts.dedup();
        for segment in firsts {
            assert!(FIXED_PATH_SEGMENTS.contains(&segment.as_str()), "/{segment} is a route but not in FIXED_PATH_SEGMENTS");
        }
    }
}
