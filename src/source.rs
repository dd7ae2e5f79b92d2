//! Source text: the files of one rule set, and spans into them.

use serde::Serialize;

/// Index of a file in a [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub(crate) file: FileId,
    /// The offset of its first byte.
    pub start: u32,
    pub(crate) end: u32,
}

impl Span {
    /// The bytes `start..end` of `file`.
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One source file: a display name and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name diagnostics show, such as `rules/route.coex`.
    pub name: String,
    /// The file's text, without a leading byte-order mark.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file of `text`, without the UTF-8 byte-order mark some editors put
    /// at its start (spans are offsets into the text after it).
    pub(crate) fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let mut text = text.into();
        if text.starts_with(BOM) {
            text.drain(..BOM.len_utf8());
        }
        let line_starts = std::iter::once(0).chain(line_ends(&text)).collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count();
        (line + 1, column + 1)
    }

    /// The bytes of a line as diagnostics quote it: at most
    /// [`MAX_LINE_BYTES`](crate::limits::MAX_LINE_BYTES), so that a line
    /// refused for its length is not quoted whole.
    fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = end.min(crate::limits::floor_char_boundary(
            &self.text,
            start + crate::limits::MAX_LINE_BYTES,
        ));
        Some(start..end)
    }
}

/// The UTF-8 byte-order mark.
pub(crate) const BOM: char = '\u{feff}';

/// The offsets just after each line end: `\n`, `\r\n` or a lone `\r`, as the
/// grammar's `NEWLINE` reads them.
fn line_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        ends.then_some(i + 1)
    })
}

/// The files of one rule set, in a stable order (sorted by name when read
/// from a directory), addressed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// A rule set with no files yet.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Adds a file named `name` (as diagnostics show it) and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile::new(name, text));
        FileId(self.files.len() as u32 - 1)
    }

    /// The file with id `id` (an id this rule set gave out).
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The files with their ids, in order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// How many files the rule set has.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the rule set has no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The text a span covers.
    pub(crate) fn snippet(&self, span: Span) -> &str {
        &self.get(span.file).text[span.range()]
    }

    /// `file:line:column` of the start of a span.
    pub fn location(&self, span: Span) -> Location {
        let file = self.get(span.file);
        let (line, column) = file.line_column(span.start as usize);
        Location {
            file: file.name.clone(),
            line,
            column,
        }
    }
}

/// A human-readable position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    pub(crate) file: String,
    // The line, counted from 1. (`//`: a doc comment would be its
    // description in `coex schema`'s output.)
    #[allow(missing_docs)]
    pub line: usize,
    pub(crate) column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files
            .get(id.0 as usize)
            .map(|f| f.name.as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files
            .get(id.0 as usize)
            .map(|f| f.text.as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let file = self
            .files
            .get(id.0 as usize)
            .ok_or(codespan_reporting::files::Error::FileMissing)?;
        Ok(file.line_column(byte_index).0 - 1)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        let file = self
            .files
            .get(id.0 as usize)
            .ok_or(codespan_reporting::files::Error::FileMissing)?;
        file.line_range(line_index)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: file.line_starts.len() - 1,
            })
    }
}
