//! Checked model → diagnostics: one function per concern.

mod completeness;
mod coverage;
mod examples;
mod rust_names;
mod table_size;
mod unused;

pub use completeness::{analyses, completeness, cube_cells, cube_row};
pub use coverage::{coverage, percent, report as coverage_report, unexemplified, DecisionCoverage};
pub use examples::examples;
pub use rust_names::rust_names;
pub use table_size::table_size;
pub use unused::unused;

/// How many patterns of one kind a diagnostic lists before "and N more".
pub const SHOWN_PATTERNS: usize = 5;
