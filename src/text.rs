//! Small helpers for the aligned text tables that diagnostics, `coex table`
//! and `coex diff` print.

/// Each cell padded to its column's width (in characters), joined by ` | `.
pub(crate) fn padded_cells(cells: &[String], widths: &[usize]) -> String {
    cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| format!("{cell:width$}"))
        .collect::<Vec<_>>()
        .join(" | ")
}
