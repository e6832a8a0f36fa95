//! Where content comes from: the files compiled into the binary (`app/content/`, the default), or
//! a content directory the server reads at start (`RMP_CONTENT_DIR`). Either way the loaders see
//! the same thing, a set of files by relative path, so a municipality joins by adding files and
//! no Rust names it.

use std::collections::BTreeMap;
use std::path::Path;

static COMPILED: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/content");

/// One problem in a content directory: the file (relative to the directory), the line where
/// known, and what is wrong. Printed as `file:line: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every content file by its path relative to the content root, with `/` as separator.
#[derive(Clone, Debug, Default)]
pub struct ContentFiles {
    files: BTreeMap<String, String>,
}

impl ContentFiles {
    /// The reviewed content compiled into this build.
    pub fn compiled() -> ContentFiles {
        let mut files = BTreeMap::new();
        collect_compiled(&COMPILED, &mut files);
        ContentFiles { files }
    }

    /// Every file under `dir`, read now. Only the unreadable is an error here; what the files
    /// say is checked by the loaders and `check`.
    pub fn read_dir(dir: &Path) -> Result<ContentFiles, Problem> {
        let mut files = BTreeMap::new();
        read_into(dir, dir, &mut files)?;
        if files.is_empty() {
            return Err(Problem { file: dir.display().to_string(), line: None, message: "the content directory is empty or missing".into() });
        }
        Ok(ContentFiles { files })
    }

    /// A set made in memory (tests, and the checker's own fixtures).
    pub fn from_map(files: BTreeMap<String, String>) -> ContentFiles {
        ContentFiles { files }
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// A file the loaders cannot do without.
    pub fn required(&self, path: &str) -> Result<&str, Problem> {
        self.get(path).ok_or_else(|| Problem { file: path.to_string(), line: None, message: "the file is missing".into() })
    }

    /// The `.toml` files directly in `folder`, as (file stem, path, text), in name order.
    pub fn tomls_in<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> + 'a {
        self.files.iter().filter_map(move |(path, text)| {
            let rest = path.strip_prefix(folder)?.strip_prefix('/')?;
            let stem = rest.strip_suffix(".toml").filter(|s| !s.contains('/'))?;
            Some((stem, path.as_str(), text.as_str()))
        })
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Replaces or adds one file (tests build variants of the compiled content this way).
    pub fn set(&mut self, path: &str, text: String) {
        self.files.insert(path.to_string(), text);
    }
}

fn collect_compiled(dir: &include_dir::Dir<'_>, into: &mut BTreeMap<String, String>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            into.insert(file.path().to_string_lossy().replace('\\', "/"), text.to_string());
        }
    }
    for sub in dir.dirs() {
        collect_compiled(sub, into);
    }
}

fn read_into(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) -> Result<(), Problem> {
    let unreadable = |path: &Path, e: std::io::Error| Problem { file: path.display().to_string(), line: None, message: format!("cannot be read: {e}") };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        // Editors' and version control's hidden files are not content.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            read_into(root, &path, into)?;
        } else {
            let text = std::fs::read_to_string(&path).map_err(|e| unreadable(&path, e))?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            into.insert(relative, text);
        }
    }
    Ok(())
}

/// The 1-based line of a byte offset in `text`.
pub fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

/// The line where `needle` first occurs in `text` (as a TOML string value or plain text), for
/// problems found after parsing, when the parser's spans are gone.
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    text.find(&format!("{needle:?}")).or_else(|| text.find(needle)).map(|at| line_at(text, at))
}

/// The line where `needle` last occurs in `text`: for a value given twice, the line of the
/// second one, which is the one to remove.
pub fn line_of_last(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    text.rfind(&format!("{needle:?}")).or_else(|| text.rfind(needle)).map(|at| line_at(text, at))
}

/// A TOML parse error as a problem with its line.
pub fn parse_problem(file: &str, text: &str, e: &toml::de::Error) -> Problem {
    Problem { file: file.to_string(), line: e.span().map(|s| line_at(text, s.start)), message: e.message().trim().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_content_is_all_there_by_relative_path() {
        let files = ContentFiles::compiled();
        assert!(files.get("documents.toml").is_some());
        assert!(files.get("kommuner.toml").is_some());
        assert!(files.tomls_in("rights").any(|(stem, path, _)| stem == "faelles" && path == "rights/faelles.toml"));
        assert!(files.tomls_in("standards").count() >= 5);
        assert!(files.paths().any(|p| p.starts_with("seeds/")));
    }

    #[test]
    fn a_directory_reads_like_the_compiled_content() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let read = ContentFiles::read_dir(&dir).unwrap();
        let compiled = ContentFiles::compiled();
        assert_eq!(read.paths().collect::<Vec<_>>(), compiled.paths().collect::<Vec<_>>());
    }

    #[test]
    fn lines_are_counted_from_one() {
        let text = "a = 1\nb = \"x\"\nc = 3\n";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_of(text, "x"), Some(2));
        assert_eq!(line_of(text, "nothing"), None);
    }
}
