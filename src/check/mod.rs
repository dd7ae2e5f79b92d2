//! Checked model → diagnostics: one function per concern.

mod coverage;
mod examples;
mod rust_names;
mod table_size;
mod unused;
mod verdicts;

pub(crate) use coverage::unexemplified;
pub use coverage::{coverage, percent, report as coverage_report, DecisionCoverage};
pub(crate) use examples::examples;
pub(crate) use rust_names::rust_names;
pub(crate) use table_size::table_size;
pub(crate) use unused::unused;
pub(crate) use verdicts::{analyses, verdicts};

/// How many patterns of one kind a diagnostic lists before "and N more".
const SHOWN_PATTERNS: usize = 5;
