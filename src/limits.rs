//! Every limit on what coex accepts, in one place.
//!
//! Each is enforced where its input is read, with an `E0017 limit-exceeded`
//! diagnostic ([`crate::diagnostic::Diagnostic::limit`]) that names the
//! limit and what was found, never with a crash or an unbounded allocation.
//! `docs/RELIABILITY.md` lists them for users; a limit changed here is
//! changed there too.
//!
//! The limits are far above any real rule set (the shipped one has files of
//! a few kilobytes, lines under 200 bytes, tables of tens of rows), and low
//! enough that the work and memory they allow are bounded: a file that is
//! accepted is checked, formatted and compared in a small multiple of its
//! size in memory.

/// The largest rule file read, in bytes (16 MiB). Files are read with this
/// bound, so a device such as `/dev/zero` named as a rule file is refused
/// after 16 MiB rather than read until memory runs out.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The longest line in a rule file, in bytes (128 KiB), line end excluded.
/// A diagnostic quotes the line it points at, so this also bounds every
/// quoted line; a table row across a thousand inputs is under 10 KiB.
pub const MAX_LINE_BYTES: usize = 128 * 1024;

/// The longest request line `coex eval --batch` reads, in bytes (1 MiB),
/// line end excluded. A longer line is answered with an error and skipped
/// without being held in memory; the lines after it are answered.
pub const MAX_BATCH_LINE_BYTES: usize = 1024 * 1024;

/// Rows in one decision, all its tables together (a 100,000-row table,
/// one row per input of a 1,000 × 100 space, checks in about a second).
pub const MAX_ROWS: usize = 1 << 17;

/// The most inputs of one decision (1,024).
pub const MAX_INPUTS: usize = 1024;

/// Values of one enum (aliases not counted).
pub const MAX_VALUES: usize = 65_536;

/// How deeply sets may be built from sets: a set of values has depth 1, a
/// set naming it depth 2, and so on.
pub const MAX_SET_DEPTH: usize = 64;

/// The most entries of one baked lookup table (`coex build`, `coex-build`,
/// the runtime crate): the product of a decision's input enum sizes
/// (2^20). A table of 2^20 entries is about 7 MB of Rust, which rustc
/// compiles (release) in about 13 s of CPU and 1 GB of memory; both grow
/// linearly, so 2^24 would take minutes and 16 GB (docs/BUILD.md).
/// Reported as E0013 `table-too-large`.
pub(crate) const MAX_TABLE_ENTRIES: u128 = 1 << 20;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

/// Refuse a rule file's text over [`MAX_FILE_BYTES`] or with a line over
/// [`MAX_LINE_BYTES`], pointing at the start of the line that passes the
/// limit. The parser calls this first, so every command that reads rules
/// (`check`, `fmt`, ...) enforces the same limits.
pub(crate) fn check_source(file: FileId, text: &str) -> Result<(), Diagnostic> {
    let line_at = |offset: usize| {
        let start = text.as_bytes()[..offset]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
        let end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        Span::new(file, start, end)
    };
    if text.len() > MAX_FILE_BYTES {
        let at = floor_char_boundary(text, MAX_FILE_BYTES);
        return Err(Diagnostic::limit(
            "the size of this file",
            format!("{MAX_FILE_BYTES} bytes"),
            format!("{} bytes", text.len()),
            Some(line_at(at)),
        ));
    }
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b'\n' || b == b'\r' {
            start = i + 1;
        } else if i - start >= MAX_LINE_BYTES {
            let length = text.as_bytes()[start..]
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .unwrap_or(text.len() - start);
            return Err(Diagnostic::limit(
                "the length of this line",
                format!("{MAX_LINE_BYTES} bytes"),
                format!("{length} bytes"),
                Some(line_at(start)),
            )
            .help(
                "break the line after a comma, or shorten it: a table row stays on one line, \
                 and a set can stand for many values in one cell",
            ));
        }
    }
    Ok(())
}

/// The largest char boundary of `text` at or before `index`.
pub(crate) fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
