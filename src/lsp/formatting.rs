//! Formatting a buffer with `coex fmt`'s printer ([`crate::format`]).

use super::positions::LineIndex;
use crate::format;
use crate::source::FileId;
use crate::syntax;
use lsp_types::{Range, TextEdit};

/// The edit that formats `text`: none when it is formatted already, or
/// when it does not parse (the syntax error is among its diagnostics).
pub(crate) fn format_document(text: &str, lines: &LineIndex) -> Vec<TextEdit> {
    let file = FileId(0);
    let Ok(parsed) = syntax::parse_file(file, text) else {
        return Vec::new();
    };
    let formatted = format::format_file(text, &parsed);
    if formatted == text {
        return Vec::new();
    }
    // As `coex fmt` does: never replace a text with one that says otherwise.
    let same = syntax::parse_file(file, &formatted)
        .is_ok_and(|reparsed| format::equivalent(&parsed, &reparsed));
    if !same {
        return Vec::new();
    }
    let whole = Range::new(lines.position(text, 0), lines.position(text, text.len()));
    vec![TextEdit::new(whole, formatted)]
}
