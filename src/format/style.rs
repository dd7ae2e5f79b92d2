//! A file's own conventions that formatting keeps: its line ends and its
//! byte-order mark.

use crate::source::BOM;

/// `formatted` (as [`super::format_file`] prints it: `\n` line ends, no
/// byte-order mark) with the line ends of `original` (those of its first
/// line: `\n`, `\r\n` or `\r`) and its byte-order mark, if it had one.
pub fn in_style_of(original: &str, formatted: &str) -> String {
    let end = match original.find(['\n', '\r']) {
        Some(i) if original[i..].starts_with("\r\n") => "\r\n",
        Some(i) if original[i..].starts_with('\r') => "\r",
        _ => "\n",
    };
    let mut out = String::with_capacity(formatted.len() + formatted.len() / 16 + 3);
    if original.starts_with(BOM) {
        out.push(BOM);
    }
    if end == "\n" {
        out.push_str(formatted);
    } else {
        // A string or comment cannot hold a line end, so every `\n` is one.
        out.push_str(&formatted.replace('\n', end));
    }
    out
}
