//! The editor's open buffers, and the rule set each one belongs to.
//!
//! A rule set is the `.coex` files directly inside one directory; an open
//! buffer takes the place of its file (saved or not), and the rest is read
//! from disk with [`crate::fs`]. A buffer with no file behind it (an
//! `untitled:` document) is a rule set of its own.

use super::positions::{Encoding, LineIndex};
use crate::fs::{self, LoadError};
use crate::source::Sources;
use lsp_types::{TextDocumentContentChangeEvent, Url};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One open buffer.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    pub(crate) text: String,
    pub(crate) version: i32,
    /// The file behind the buffer, for a `file:` URI.
    pub(crate) path: Option<PathBuf>,
}

/// Which rule set a file belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SetKey {
    Directory(PathBuf),
    /// A buffer with no file behind it.
    Buffer(Url),
}

/// The files of one rule set as the compiler reads them: `uris[i]` is the
/// document of `FileId(i)`, `versions[i]` its buffer's version when it is open.
#[derive(Clone, Debug)]
pub(crate) struct RuleSet {
    pub(crate) sources: Sources,
    pub(crate) uris: Vec<Url>,
    pub(crate) versions: Vec<Option<i32>>,
}

impl RuleSet {
    pub(crate) fn file_of(&self, uri: &Url) -> Option<crate::source::FileId> {
        self.uris
            .iter()
            .position(|u| u == uri)
            .map(|i| crate::source::FileId(i as u32))
    }
}

#[derive(Debug, Default)]
pub(crate) struct Documents {
    open: HashMap<Url, Document>,
}

impl Documents {
    pub(crate) fn open(&mut self, uri: Url, text: String, version: i32) {
        let path = uri.to_file_path().ok();
        self.open.insert(
            uri,
            Document {
                text,
                version,
                path,
            },
        );
    }

    /// Apply the edits of a `didChange`, in order.
    pub(crate) fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        let Some(document) = self.open.get_mut(uri) else {
            return;
        };
        for change in changes {
            match change.range {
                None => document.text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&document.text, encoding);
                    let start = index.offset(&document.text, range.start);
                    let end = index.offset(&document.text, range.end).max(start);
                    document.text.replace_range(start..end, &change.text);
                }
            }
        }
        document.version = version;
    }

    pub(crate) fn close(&mut self, uri: &Url) {
        self.open.remove(uri);
    }

    pub(crate) fn get(&self, uri: &Url) -> Option<&Document> {
        self.open.get(uri)
    }

    /// The rule set a document belongs to.
    pub(crate) fn key(uri: &Url) -> SetKey {
        match uri.to_file_path() {
            Ok(path) => match path.parent() {
                Some(dir) => SetKey::Directory(dir.to_path_buf()),
                None => SetKey::Buffer(uri.clone()),
            },
            Err(()) => SetKey::Buffer(uri.clone()),
        }
    }

    /// Read a rule set: its directory's `.coex` files, with open buffers in
    /// place of their files, and open `.coex` buffers not yet saved.
    pub(crate) fn rule_set(&self, key: &SetKey) -> Result<RuleSet, LoadError> {
        let mut set = RuleSet {
            sources: Sources::new(),
            uris: Vec::new(),
            versions: Vec::new(),
        };
        let dir = match key {
            SetKey::Buffer(uri) => {
                if let Some(document) = self.open.get(uri) {
                    let name = uri.path_segments().and_then(|mut s| s.next_back());
                    set.sources
                        .add(name.unwrap_or(uri.as_str()), document.text.as_str());
                    set.uris.push(uri.clone());
                    set.versions.push(Some(document.version));
                }
                return Ok(set);
            }
            SetKey::Directory(dir) => dir,
        };
        let by_path: HashMap<&Path, (&Url, &Document)> = self
            .open
            .iter()
            .filter_map(|(uri, d)| Some((d.path.as_deref()?, (uri, d))))
            .collect();
        let mut files = if dir.is_dir() {
            fs::rule_files(dir)?
        } else {
            Vec::new()
        };
        for path in by_path.keys() {
            let unsaved = path.parent() == Some(dir.as_path())
                && path.extension().is_some_and(|e| e == "coex")
                && !files.iter().any(|f| f == path);
            if unsaved {
                files.push(path.to_path_buf());
            }
        }
        files.sort();
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match by_path.get(path.as_path()) {
                Some((uri, document)) => {
                    set.sources.add(name, document.text.as_str());
                    set.uris.push((*uri).clone());
                    set.versions.push(Some(document.version));
                }
                None => {
                    let text = fs::read_rule_file(&path)?;
                    let Ok(uri) = Url::from_file_path(&path) else {
                        continue;
                    };
                    set.sources.add(name, text);
                    set.uris.push(uri);
                    set.versions.push(None);
                }
            }
        }
        Ok(set)
    }
}
