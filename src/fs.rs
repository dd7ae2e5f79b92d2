//! Reading a rule set from disk: the `.coex` files directly inside one
//! directory, in name order. The only file I/O in the library.

use crate::source::Sources;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum LoadError {
    NotADirectory(PathBuf),
    Io(PathBuf, std::io::Error),
    NotUtf8(PathBuf),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotADirectory(path) => write!(
                f,
                "`{}` is not a directory; a rule set is a directory holding `.coex` files",
                path.display()
            ),
            LoadError::Io(path, e) => write!(f, "cannot read `{}`: {e}", path.display()),
            LoadError::NotUtf8(path) => write!(
                f,
                "`{}` is not UTF-8 text; rule files must be saved as UTF-8",
                path.display()
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// The `.coex` files directly inside `dir`, sorted by name.
pub fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| LoadError::Io(dir.to_path_buf(), e))?
            .path();
        if path.extension().is_some_and(|e| e == "coex") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Read a rule set. Files are named in diagnostics by their path as given.
pub fn read_rule_set(dir: &Path) -> Result<Sources, LoadError> {
    read_rule_set_as(dir, &dir.display().to_string())
}

/// Read a rule set, naming each file `<prefix>/<file name>` (so that
/// generated code does not depend on where the rules were on disk).
pub fn read_rule_set_as(dir: &Path, prefix: &str) -> Result<Sources, LoadError> {
    let mut sources = Sources::new();
    for path in rule_files(dir)? {
        let text = read_rule_file(&path)?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let name = if prefix.is_empty() {
            file.into_owned()
        } else {
            format!("{}/{file}", prefix.trim_end_matches('/'))
        };
        sources.add(name, text);
    }
    Ok(sources)
}

/// The text of one rule file.
pub fn read_rule_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8(path.to_path_buf()))
}
