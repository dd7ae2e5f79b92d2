//! Small helpers for the text that diagnostics, `coex table`, `coex diff`
//! and the command line print.

/// `1 error`, `2 errors`: a count and the noun that fits it.
pub fn plural(n: impl Into<u128>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Each cell padded to its column's width (in characters), joined by ` | `.
pub(crate) fn padded_cells(cells: &[String], widths: &[usize]) -> String {
    cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| padded(cell, width))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// `text` followed by spaces up to `width` characters. Unlike `{:width$}`,
/// which panics past 65,535, any width works (a gap pattern can list
/// thousands of values in one cell).
pub fn padded(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.chars().count());
    let mut out = String::with_capacity(text.len() + pad);
    out.push_str(text);
    out.push_str(&" ".repeat(pad));
    out
}
