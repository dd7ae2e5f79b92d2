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
        .map(|(cell, &width)| format!("{cell:width$}"))
        .collect::<Vec<_>>()
        .join(" | ")
}
