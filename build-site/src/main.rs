//! `build-site`: builds the release site, as `cargo leptos build --release` did, with nothing to
//! install beyond the workspace's own crates and the npm packages in `style/`:
//!
//! 1. the app's `hydrate` library for wasm32, in the size profile, in its own target folder;
//! 2. wasm-bindgen, as a library at the version the app links → `pkg/{name}.js` and `.wasm`;
//! 3. `wasm-opt -Oz` from npm's Binaryen (never Debian's: its wasm-opt breaks the table);
//! 4. the JS glue minified by esbuild; the stylesheet `style/portal.scss` (DKFDS's SCSS, only the
//!    parts the portal uses, and the portal's own rules) compiled by Dart Sass (npm `sass`), the
//!    fonts and icons it points to copied into `pkg/` under content-hashed names, then minified
//!    by esbuild;
//! 5. the assets folder copied into the site root;
//! 6. the three files renamed by content hash, and the hash file beside the server binary;
//! 7. the server binary, release, with the `LEPTOS_*` settings leptos reads at compile time.
//!
//! Run it as `cargo run -p build-site --profile build-tool` (scripts/env.sh does). The `.br`/`.gz`
//! copies are made afterwards by `precompress_pkg` in scripts/env.sh.
//!
//! `build-site --css-only DIR` runs only the stylesheet's part of step 4, into DIR (unhashed
//! `{name}.css` beside its hashed fonts and icons): to look at or measure the stylesheet without
//! building the WASM and the server. `build-site --browser-only` runs steps 1–6, not the
//! server: to measure what the browser downloads after a change to the islands.

use build_site::{compile_scss, copy_tree, hash_css_urls, hash_pkg_files, Settings};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// Browsers the stylesheet is lowered for: the ones browserslist's "defaults" named when this
/// was written (cargo-leptos's `browserquery = "defaults"`), as esbuild spells them.
const CSS_TARGETS: &str = "chrome109,edge109,firefox115,safari15.6,ios15.6";

fn main() -> ExitCode {
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("build-site: {message}");
            ExitCode::FAILURE
        }
    }
}

fn build() -> Result<(), String> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let root = root.canonicalize().map_err(|e| format!("{}: {e}", root.display()))?;
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let site = Settings::from_manifest(&manifest)?;
    let node_bin = root.join("style/node_modules/.bin");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let browser_only = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => false,
        ["--browser-only"] => true,
        ["--css-only", dir] => {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            return stylesheet(&root, &site, &node_bin, &dir);
        }
        _ => return Err(format!("unknown arguments {args:?}; usage: build-site [--css-only DIR | --browser-only]")),
    };
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let site_root = root.join(&site.site_root);
    let pkg = site_root.join(&site.site_pkg_dir);
    let started = Instant::now();

    // 1. The browser's half.
    let front_target = target.join("front");
    let mut front = cargo(&site);
    front
        .current_dir(&root)
        .args(["build", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features"])
        .args(["--package", &site.lib_package, "--profile", &site.lib_profile_release])
        .arg(format!("--features={}", site.lib_features.join(",")))
        .arg(format!("--target-dir={}", front_target.display()));
    run(&mut front, "cargo build (wasm32)")?;
    step("wasm32 library", started);

    // 2. wasm-bindgen.
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    }
    std::fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    let input = site.lib_wasm_file(&front_target);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .out_name(&site.name)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .generate(&pkg)
        .map_err(|e| format!("wasm-bindgen on {}: {e:#}", input.display()))?;
    // leptos's HydrationScripts asks for `{name}.wasm`, not wasm-bindgen's `{name}_bg.wasm`.
    let wasm = pkg.join(format!("{}.wasm", site.name));
    std::fs::rename(pkg.join(format!("{}_bg.wasm", site.name)), &wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    step("wasm-bindgen", started);

    // 3. wasm-opt, with the features Rust's wasm32 target emits.
    run(
        Command::new(tool(&node_bin, "wasm-opt")?)
            .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"])
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
        "wasm-opt",
    )?;
    step("wasm-opt", started);

    // 4. Minified JS glue and stylesheet.
    let esbuild = tool(&node_bin, "esbuild")?;
    let js = pkg.join(format!("{}.js", site.name));
    run(
        Command::new(&esbuild).arg(&js).args(["--minify", "--format=esm", "--allow-overwrite", "--log-level=warning"]).arg(format!("--outfile={}", js.display())),
        "esbuild (JS)",
    )?;
    stylesheet(&root, &site, &node_bin, &pkg)?;
    step("minify", started);

    // 5. Assets, then 6. hashed names.
    copy_tree(&root.join(&site.assets_dir), &site_root)?;
    let hash_text = hash_pkg_files(&pkg, &site.name)?;
    let exe_dir = target.join("release");
    std::fs::create_dir_all(&exe_dir).map_err(|e| format!("{}: {e}", exe_dir.display()))?;
    let hash_file = exe_dir.join(std::env::var("LEPTOS_HASH_FILE_NAME").unwrap_or_else(|_| "hash.txt".into()));
    std::fs::write(&hash_file, hash_text).map_err(|e| format!("{}: {e}", hash_file.display()))?;
    step("assets and hashed names", started);
    if browser_only {
        return Ok(());
    }

    // 7. The server.
    let mut server = cargo(&site);
    server.current_dir(&root).args(["build", "--release", "--package", &site.bin_package]);
    run(&mut server, "cargo build (server)")?;
    step("server", started);
    Ok(())
}

/// The one stylesheet, `{out_dir}/{name}.css`: the SCSS compiled, every file it points to copied
/// beside it under a content-hashed name, then minified and lowered by esbuild.
fn stylesheet(root: &Path, site: &Settings, node_bin: &Path, out_dir: &Path) -> Result<(), String> {
    let entry = root.join(&site.style_file);
    let css = compile_scss(&tool(node_bin, "sass")?, &entry)?;
    let base = entry.parent().unwrap_or(root);
    let (css, _assets) = hash_css_urls(&css, base, out_dir)?;
    let out = out_dir.join(format!("{}.css", site.name));
    std::fs::write(&out, css).map_err(|e| format!("{}: {e}", out.display()))?;
    run(
        Command::new(tool(node_bin, "esbuild")?)
            .arg(&out)
            .args(["--minify", "--allow-overwrite", "--log-level=warning"])
            .arg(format!("--target={CSS_TARGETS}"))
            .arg(format!("--outfile={}", out.display())),
        "esbuild (CSS)",
    )
}

/// `cargo` with the settings leptos reads when it compiles (`LEPTOS_OUTPUT_NAME` is read with
/// `option_env!`, so it must be the same for every build that shares the target folder, or
/// leptos and everything above it is compiled again) and at run time.
fn cargo(site: &Settings) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .env("LEPTOS_OUTPUT_NAME", &site.name)
        .env("LEPTOS_SITE_ROOT", &site.site_root)
        .env("LEPTOS_SITE_PKG_DIR", &site.site_pkg_dir)
        .env("LEPTOS_HASH_FILES", "true");
    command
}

fn tool(node_bin: &Path, name: &str) -> Result<PathBuf, String> {
    let path = node_bin.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!("{} is missing: run scripts/setup.sh (npm ci in style/)", path.display()))
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn step(what: &str, started: Instant) {
    eprintln!("build-site: {what} done at {:.0} s", started.elapsed().as_secs_f64());
}
