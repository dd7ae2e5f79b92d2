//! Checked model → diagnostics: one function per concern.

mod completeness;
mod examples;
mod rust_names;
mod table_size;
mod unused;

pub use completeness::{completeness, completeness_with_progress, cube_cells, cube_row};
pub use examples::examples;
pub use rust_names::rust_names;
pub use table_size::table_size;
pub use unused::unused;

/// How many patterns of one kind a diagnostic lists before "and N more".
pub const SHOWN_PATTERNS: usize = 5;
