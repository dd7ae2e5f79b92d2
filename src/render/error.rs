//! Why a table cannot be rendered, and how that is said.

use super::{MAX_CELLS, MAX_TOTAL_CELLS};
use crate::model::{UnknownDecision, UnknownInput};

/// Why a table cannot be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// The rules have no decision of that name.
    UnknownDecision(UnknownDecision),
    /// Given in a flag (`--columns`, `--rows`, `--sections`), which it
    /// names.
    UnknownInput(UnknownInput),
    /// One input placed twice.
    PlacedTwice {
        /// The decision whose table was asked for.
        decision: String,
        /// The input named in two places.
        input: String,
    },
    /// `--rows` given, and some inputs are placed nowhere.
    Unplaced {
        /// The decision whose table was asked for.
        decision: String,
        /// The inputs neither in the rows, the columns nor the sections.
        inputs: Vec<String>,
    },
    /// Every input is in the rows or the sections.
    NoColumns {
        /// The decision whose table was asked for.
        decision: String,
    },
    /// The table would have more cells than a terminal or a page can show.
    TooLarge {
        /// The decision whose table was asked for.
        decision: String,
        /// Rows of one section: the product of the row inputs' values.
        rows: u128,
        /// Columns of one section: the column input's values.
        columns: u128,
        /// Sections: the section input's values, or 1.
        sections: u128,
    },
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::UnknownDecision(unknown) => unknown.fmt(f),
            RenderError::UnknownInput(unknown) => unknown.fmt(f),
            RenderError::PlacedTwice { decision, input } => write!(
                f,
                "input `{input}` of `{decision}` is placed twice; put each input in only one of `--columns`, `--rows` and `--sections`"
            ),
            RenderError::Unplaced { decision, inputs } => {
                let names: Vec<String> = inputs.iter().map(|i| format!("`{i}`")).collect();
                write!(
                    f,
                    "the table of `{decision}` leaves out {}; add {} to `--rows`, or name {} in `--sections`",
                    names.join(", "),
                    if inputs.len() == 1 { "it" } else { "them" },
                    if inputs.len() == 1 { "it" } else { "one" },
                )
            }
            RenderError::NoColumns { decision } => write!(
                f,
                "no input of `{decision}` is left for the columns; name one with `--columns`"
            ),
            RenderError::TooLarge {
                decision,
                rows,
                columns,
                sections,
            } => {
                write!(
                    f,
                    "the table of `{decision}` would have {rows} rows × {columns} columns"
                )?;
                if *sections > 1 {
                    write!(f, " in each of {sections} sections")?;
                }
                write!(
                    f,
                    ", more than the limit of {MAX_CELLS} cells per section ({MAX_TOTAL_CELLS} in all); \
                     choose `--rows` and `--columns` so that fewer inputs form the rows, \
                     or split the table with `--sections`"
                )
            }
        }
    }
}

impl std::error::Error for RenderError {}
