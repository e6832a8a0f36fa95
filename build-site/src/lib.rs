//! The pieces of `build-site` that are plain rules, kept apart from the commands it runs so that
//! they can be tested: the settings it reads from `Cargo.toml`, the stylesheet compiled from SCSS
//! with the files it points to, and the content-hashed file names of `/pkg` with the hash file
//! that leptos reads to find them.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The settings in `[[workspace.metadata.leptos]]`: the same table `cargo leptos watch` reads,
/// so the two ways of building cannot disagree about names and folders.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Settings {
    /// The output name: `pkg/{name}.js`, `.wasm`, `.css` (leptos's `LEPTOS_OUTPUT_NAME`).
    pub name: String,
    pub bin_package: String,
    pub lib_package: String,
    pub site_root: PathBuf,
    pub site_pkg_dir: PathBuf,
    pub style_file: PathBuf,
    pub assets_dir: PathBuf,
    #[serde(default)]
    pub lib_features: Vec<String>,
    pub lib_profile_release: String,
}

#[derive(Deserialize)]
struct Manifest {
    workspace: Workspace,
}
#[derive(Deserialize)]
struct Workspace {
    metadata: Metadata,
}
#[derive(Deserialize)]
struct Metadata {
    leptos: Vec<Settings>,
}

impl Settings {
    /// Reads the one site described in the workspace's `Cargo.toml`.
    pub fn from_manifest(text: &str) -> Result<Settings, String> {
        let manifest: Manifest =
            toml::from_str(text).map_err(|e| format!("Cargo.toml: [[workspace.metadata.leptos]] cannot be read: {e}"))?;
        let mut sites = manifest.workspace.metadata.leptos;
        match sites.len() {
            1 => Ok(sites.remove(0)),
            n => Err(format!("Cargo.toml: expected one [[workspace.metadata.leptos]] table, found {n}")),
        }
    }

    /// The file that `cargo build` writes for the library: dashes in a crate's name become underscores.
    pub fn lib_wasm_file(&self, front_target_dir: &Path) -> PathBuf {
        front_target_dir
            .join("wasm32-unknown-unknown")
            .join(&self.lib_profile_release)
            .join(format!("{}.wasm", self.lib_package.replace('-', "_")))
    }
}

/// The three files `/pkg` serves under content-hashed names, in the order and with the keys of
/// leptos's hash file (`js: …`, `wasm: …`, `css: …`; `HydrationScripts` and `HashedStylesheet`
/// read it).
pub const HASHED_EXTENSIONS: [&str; 3] = ["js", "wasm", "css"];

/// 128 bits of SHA-256 in URL-safe base64: 22 characters, like cargo-leptos's names, and a new
/// name whenever a byte changes (the files are cached for a year).
pub fn content_hash(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(&Sha256::digest(bytes)[..16])
}

/// Renames `{pkg_dir}/{name}.{js,wasm,css}` to `{name}.{hash}.{ext}` and returns the text of the
/// hash file. Fails, naming the file, if one of the three is missing: a site without its script
/// or stylesheet must not be started.
pub fn hash_pkg_files(pkg_dir: &Path, name: &str) -> Result<String, String> {
    let mut hash_file = String::new();
    for ext in HASHED_EXTENSIONS {
        let plain = pkg_dir.join(format!("{name}.{ext}"));
        let bytes = fs::read(&plain).map_err(|e| format!("{}: {e}", plain.display()))?;
        let hash = content_hash(&bytes);
        let hashed = pkg_dir.join(format!("{name}.{hash}.{ext}"));
        fs::rename(&plain, &hashed).map_err(|e| format!("{} → {}: {e}", plain.display(), hashed.display()))?;
        let _ = writeln!(hash_file, "{ext}: {hash}");
    }
    Ok(hash_file)
}

/// Compiles the SCSS entry (`style/portal.scss`: the DKFDS partials the portal uses and its own
/// rules) with Dart Sass (`style/node_modules/.bin/sass`, the compiler DKFDS itself is built
/// with), unminified; esbuild minifies and lowers it afterwards. `@use` paths are relative to the
/// file that says them, so no load path is needed. Not grass (the Rust compiler): it drops
/// `@extend`s of a placeholder from another module (grass issue 104), and DKFDS's `.form-input`
/// and `.form-select` get their box that way.
pub fn compile_scss(sass: &Path, entry: &Path) -> Result<String, String> {
    let output = std::process::Command::new(sass)
        .args(["--no-source-map", "--style=expanded"])
        .arg(entry)
        .output()
        .map_err(|e| format!("sass: cannot start {}: {e}", sass.display()))?;
    if !output.status.success() {
        return Err(format!("sass {} failed ({}): {}", entry.display(), output.status, String::from_utf8_lossy(&output.stderr)));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("sass {}: output is not UTF-8: {e}", entry.display()))
}

/// Every relative `url(…)` of `css` (fonts, icons), read from `base_dir`, is copied into `out_dir`
/// as `{stem}.{hash}.{ext}` and the URL becomes that bare name: the stylesheet is written into the
/// same folder (`/pkg`, cached for a year), so a changed font or icon gets a new name too.
/// `data:` URLs, absolute paths and other origins stay as they are. Returns the new text and the
/// names written. A missing file is an error that names it: a stylesheet must not point at
/// nothing.
pub fn hash_css_urls(css: &str, base_dir: &Path, out_dir: &Path) -> Result<(String, Vec<String>), String> {
    let mut out = String::with_capacity(css.len());
    let mut written: Vec<String> = Vec::new();
    let mut rest = css;
    while let Some(start) = rest.find("url(") {
        let (before, after) = rest.split_at(start + 4);
        out.push_str(before);
        let end = after.find(')').ok_or_else(|| format!("unclosed url( in the stylesheet: {}", &after[..after.len().min(60)]))?;
        let raw = after[..end].trim();
        let url = raw.trim_matches(|c| c == '"' || c == '\'');
        rest = &after[end..];
        let keep = url.is_empty() || url.starts_with('#') || url.starts_with('/') || url.contains(':');
        if keep {
            out.push_str(&after[..end]);
            continue;
        }
        // A `?query` or `#fragment` (the old IE font hacks) is not part of the file's name.
        let path = url.split(['?', '#']).next().unwrap_or(url);
        let source = base_dir.join(path);
        let bytes = fs::read(&source).map_err(|e| format!("the stylesheet's url({url}): {}: {e}", source.display()))?;
        let file = Path::new(path);
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("asset");
        let name = match file.extension().and_then(|s| s.to_str()) {
            Some(ext) => format!("{stem}.{}.{ext}", content_hash(&bytes)),
            None => format!("{stem}.{}", content_hash(&bytes)),
        };
        if !written.contains(&name) {
            let target = out_dir.join(&name);
            fs::write(&target, &bytes).map_err(|e| format!("{}: {e}", target.display()))?;
            written.push(name.clone());
        }
        out.push_str(&name);
    }
    out.push_str(rest);
    Ok((out, written))
}

/// Copies a folder's files into another, folders included, replacing what is there.
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().map_err(|e| format!("{}: {e}", source.display()))?.is_dir() {
            copy_tree(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(|e| format!("{} → {}: {e}", source.display(), target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
[workspace]
members = ["app", "server"]

[[workspace.metadata.leptos]]
name = "rusmiddelportalen"
bin-package = "server"
lib-package = "app"
site-root = "target/site"
site-pkg-dir = "pkg"
style-file = "style/portal.scss"
assets-dir = "public"
lib-features = ["hydrate"]
lib-profile-release = "wasm-release"
hash-files = true
"#;

    #[test]
    fn reads_the_settings_cargo_leptos_reads() {
        let s = Settings::from_manifest(MANIFEST).unwrap();
        assert_eq!(s.name, "rusmiddelportalen");
        assert_eq!(s.lib_features, vec!["hydrate".to_string()]);
        assert_eq!(s.site_pkg_dir, PathBuf::from("pkg"));
        assert_eq!(
            s.lib_wasm_file(Path::new("target/front")),
            PathBuf::from("target/front/wasm32-unknown-unknown/wasm-release/app.wasm")
        );
    }

    #[test]
    fn the_workspace_manifest_is_readable() {
        let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
        let s = Settings::from_manifest(&text).unwrap();
        assert_eq!((s.bin_package.as_str(), s.lib_package.as_str()), ("server", "app"));
    }

    #[test]
    fn a_missing_or_doubled_site_table_is_a_clear_error() {
        assert!(Settings::from_manifest("[workspace]\nmembers = []\n").unwrap_err().contains("cannot be read"));
        let doubled = format!("{MANIFEST}\n{}", &MANIFEST[MANIFEST.find("[[workspace").unwrap()..]);
        assert!(Settings::from_manifest(&doubled).unwrap_err().contains("found 2"));
    }

    #[test]
    fn hashes_name_the_content() {
        assert_eq!(content_hash(b"a").len(), 22);
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert!(content_hash(&[0xff; 64]).chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn pkg_files_are_renamed_and_the_hash_file_lists_them_as_leptos_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        for (ext, body) in [("js", "export {}"), ("wasm", "\0asm"), ("css", "a{}")] {
            fs::write(dir.path().join(format!("site.{ext}")), body).unwrap();
        }
        let text = hash_pkg_files(dir.path(), "site").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        for (line, (ext, body)) in lines.iter().zip([("js", "export {}"), ("wasm", "\0asm"), ("css", "a{}")]) {
            let hash = content_hash(body.as_bytes());
            assert_eq!(*line, format!("{ext}: {hash}"));
            assert_eq!(fs::read_to_string(dir.path().join(format!("site.{hash}.{ext}"))).unwrap(), body);
            assert!(!dir.path().join(format!("site.{ext}")).exists());
        }
    }

    #[test]
    fn a_missing_pkg_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("site.js"), "x").unwrap();
        let err = hash_pkg_files(dir.path(), "site").unwrap_err();
        assert!(err.contains("site.wasm"), "{err}");
    }

    #[test]
    fn css_urls_become_hashed_names_beside_the_stylesheet() {
        let (src, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        fs::create_dir_all(src.path().join("fonts")).unwrap();
        fs::write(src.path().join("fonts/a.woff2"), "font").unwrap();
        fs::write(src.path().join("i.svg"), "<svg/>").unwrap();
        let css = r#"@font-face{src:url("fonts/a.woff2") format("woff2")}
.x{background:url(i.svg) no-repeat}.y{mask:url('i.svg')}.z{background:url(data:image/png;base64,AA==)}
.w{background:url(/favicon.ico)}"#;
        let (text, written) = hash_css_urls(css, src.path(), out.path()).unwrap();
        let font = format!("a.{}.woff2", content_hash(b"font"));
        let icon = format!("i.{}.svg", content_hash(b"<svg/>"));
        assert_eq!(written, vec![font.clone(), icon.clone()]);
        assert_eq!(
            text,
            format!(
                r#"@font-face{{src:url({font}) format("woff2")}}
.x{{background:url({icon}) no-repeat}}.y{{mask:url({icon})}}.z{{background:url(data:image/png;base64,AA==)}}
.w{{background:url(/favicon.ico)}}"#
            )
        );
        assert_eq!(fs::read_to_string(out.path().join(&font)).unwrap(), "font");
        assert_eq!(fs::read_to_string(out.path().join(&icon)).unwrap(), "<svg/>");
    }

    #[test]
    fn a_css_url_to_a_missing_file_is_named() {
        let (src, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let err = hash_css_urls(".a{background:url(gone.svg)}", src.path(), out.path()).unwrap_err();
        assert!(err.contains("gone.svg"), "{err}");
    }

    #[test]
    fn the_portal_stylesheet_compiles_with_its_fonts_and_icons() {
        let style = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../style"));
        let sass = style.join("node_modules/.bin/sass");
        assert!(sass.is_file() && style.join("node_modules/dkfds").is_dir(), "run scripts/setup.sh (npm ci in style/)");
        let css = compile_scss(&sass, &style.join("portal.scss")).unwrap();
        let out = tempfile::tempdir().unwrap();
        let (css, written) = hash_css_urls(&css, style, out.path()).unwrap();
        assert!(css.contains(".quick-exit-bar") && css.contains(".button-primary"), "the portal's and DKFDS's rules");
        assert!(written.iter().any(|n| n.starts_with("IBMPlexSans-Regular-Latin1.") && n.ends_with(".woff2")), "{written:?}");
        assert!(!css.contains("node_modules"), "every url() is rewritten");
    }

    #[test]
    fn copies_folders_and_files() {
        let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        fs::create_dir_all(from.path().join("dkfds/css")).unwrap();
        fs::write(from.path().join("favicon.ico"), "i").unwrap();
        fs::write(from.path().join("dkfds/css/a.css"), "c").unwrap();
        copy_tree(from.path(), to.path()).unwrap();
        assert_eq!(fs::read_to_string(to.path().join("dkfds/css/a.css")).unwrap(), "c");
        assert_eq!(fs::read_to_string(to.path().join("favicon.ico")).unwrap(), "i");
    }
}
