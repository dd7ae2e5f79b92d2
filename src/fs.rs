//! Reading a rule set from disk: the `.coex` files directly inside one
//! directory, in name order. The only file I/O in the library.

use crate::limits::MAX_FILE_BYTES;
use crate::source::Sources;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a rule set or one of its files could not be read, with the path.
#[derive(Debug)]
pub enum LoadError {
    /// The path given as a rule set is not a directory.
    NotADirectory(PathBuf),
    /// Reading the directory or a file failed.
    Io(PathBuf, std::io::Error),
    /// A `.coex` file is not UTF-8 text.
    NotUtf8(PathBuf),
    /// A file over [`MAX_FILE_BYTES`]: read no further than that.
    TooLarge(PathBuf),
    /// A `.coex` symbolic link whose target cannot be read (missing, or a
    /// loop of links).
    BrokenLink(PathBuf, std::io::Error),
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
            LoadError::TooLarge(path) => write!(
                f,
                "`{}` is more than {MAX_FILE_BYTES} bytes, the limit for a rule file \
                 (E0017 limit-exceeded; the limits are listed in docs/RELIABILITY.md)",
                path.display()
            ),
            LoadError::BrokenLink(path, e) => {
                let target = std::fs::read_link(path)
                    .map(|t| format!(" to `{}`", t.display()))
                    .unwrap_or_default();
                write!(
                    f,
                    "`{}` is a symbolic link{target} that cannot be followed: {e}",
                    path.display()
                )
            }
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
        if path.extension().is_none_or(|e| e != "coex") {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(metadata) if metadata.is_file() => files.push(path),
            Ok(_) => {}
            // A link that points nowhere (or at itself) is a rule file the
            // author meant to be read: say so rather than skip it.
            Err(e) if path.is_symlink() => return Err(LoadError::BrokenLink(path, e)),
            Err(e) => return Err(LoadError::Io(path, e)),
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

/// One rule file's text, read no further than [`MAX_FILE_BYTES`] (a device
/// or a huge file is refused, not read into memory).
pub fn read_rule_file(path: &Path) -> Result<String, LoadError> {
    let io = |e| LoadError::Io(path.to_path_buf(), e);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf()));
    }
    String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8(path.to_path_buf()))
}
