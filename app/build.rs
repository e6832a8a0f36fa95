//! The content files are compiled in (`include_dir!`), and stable Rust does not track the
//! files a macro reads: rebuild when any of them changes.
fn main() {
    println!("cargo:rerun-if-changed=content");
}
