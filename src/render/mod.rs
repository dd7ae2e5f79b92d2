//! Checked model → readable tables: a decision laid out the way Microsoft's
//! documents print it, one input across the columns, the others down the
//! rows, optionally one table (section) per value of one more input.
//!
//! [`render`] builds a [`RenderedTable`], plain data with no formatting;
//! [`RenderedTable::text`] and [`RenderedTable::markdown`] print it. No I/O.
//!
//! # How a table is built
//!
//! 1. **Layout** ([`Layout`]): which input forms the columns, which the rows
//!    and which (if any) the sections. Defaults: the columns are the first
//!    input after the first one that has the first one's enum (`route`:
//!    `recipient_mode`, since `sender_mode` is a `Mode` too), else the first
//!    input; the sections are the last input when there are four or more;
//!    the rows are the others, in declaration order.
//! 2. **Grid**: every row combination × every column value of a section is
//!    answered by reading the rows ([`crate::model::Decision::evaluate`]).
//!    Only the printed grid is enumerated, and it is refused over
//!    [`MAX_CELLS`] cells.
//! 3. **Columns** whose cells agree in every shown row are merged into one,
//!    labelled with [`Model::describe`] (`SfBAny`, `!TeamsOnly`, `*`).
//! 4. **Rows** that are impossible in every column are taken out of the grid
//!    and listed under it with the reason. The other rows are merged where
//!    they differ in one row input only and have the same cells, until no
//!    two can be merged; each is labelled with `describe` too.
//!
//! With [`Layout::expand`], steps 3 and 4 merge nothing in the grid (the
//! impossible rows are still listed, merged): a changed answer is then one
//! changed cell, which is what a reviewer of a rule edit wants to see.
//!
//! Step 1 is in `layout.rs`, steps 2 to 4 in `grid.rs` (a function per
//! step), the printing in `format.rs`, and the errors in `error.rs`.

mod error;
mod format;
mod grid;
mod layout;

pub use error::RenderError;
pub(crate) use format::escape;
pub use layout::{Layout, Sections};

use crate::model::{Model, ValueId};
use layout::{place, Placement};

/// The most cells one section's grid may have before compression.
pub const MAX_CELLS: u128 = 10_000;

/// The most cells all sections together may have before compression.
pub const MAX_TOTAL_CELLS: u128 = 10 * MAX_CELLS;

/// A decision rendered as tables: plain data, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedTable {
    /// The decision's name.
    pub decision: String,
    /// The names of the outputs, in order; a cell shows them in this order.
    pub outputs: Vec<String>,
    /// The inputs forming the rows, outermost first.
    pub row_inputs: Vec<String>,
    /// The input whose values form the columns.
    pub column_input: String,
    /// The input with one section per value (`None` without sections).
    pub section_input: Option<String>,
    /// One per value of the section input, or just one without sections.
    pub sections: Vec<Section>,
}

/// One table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The value of the section input (`None` without sections).
    pub value: Option<Label>,
    /// The columns, each one or more values of the column input.
    pub columns: Vec<Label>,
    /// The rows of the grid, in print order.
    pub rows: Vec<GridRow>,
    /// Row patterns that are impossible in every column, then the cells of
    /// shown rows that are, each with the reason.
    pub impossible: Vec<ImpossibleRow>,
}

/// A set of values of one input and how a cell says it (`SfBAny`, `*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// How a cell or heading says the values ([`Model::describe`]).
    pub text: String,
    /// The value ids, sorted.
    pub values: Vec<ValueId>,
    /// The value names, in the same order.
    pub names: Vec<String>,
}

/// A row of the grid: a set of values per row input, a cell per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    /// For each row input, the values the row covers.
    pub labels: Vec<Label>,
    /// One cell per column of its section.
    pub cells: Vec<Cell>,
}

/// What one cell says for every input it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// The outputs' values, in output order.
    Outputs(Vec<String>),
    /// The inputs are excluded by an `impossible` constraint; printed `—`.
    /// Which constraint is listed in [`Section::impossible`].
    Impossible,
    /// No row decides them (only in a rule set with errors); printed `?`.
    Undecided,
    /// Rows decide them differently (only in a rule set with errors);
    /// printed `?`.
    Conflicting,
}

impl Cell {
    /// The cell as printed: the outputs joined with ` / `, `—` for an
    /// impossible cell, `?` where the rules have no single answer.
    pub fn text(&self) -> String {
        match self {
            Cell::Outputs(values) => values.join(" / "),
            Cell::Impossible => "—".to_string(),
            Cell::Undecided | Cell::Conflicting => "?".to_string(),
        }
    }
}

/// Inputs an `impossible` constraint excludes: rows left out of a
/// section's grid because every cell of them is impossible (`column` is
/// `None`), or cells of shown rows printed `—` (`column` says which).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImpossibleRow {
    /// A set of values per row input.
    pub pattern: Vec<Label>,
    /// For impossible cells of shown rows, the column values they are in.
    pub column: Option<Label>,
    /// The `because` of the constraints that exclude them.
    pub because: Vec<String>,
}

/// Render a decision of a checked model (decision and input names ignore
/// ASCII case). A model with errors renders too, with `?` where its rows
/// give no single answer.
pub fn render(
    model: &Model,
    decision: &str,
    layout: &Layout,
) -> Result<RenderedTable, RenderError> {
    let d = &model.decisions[model
        .find_decision(decision)
        .map_err(RenderError::UnknownDecision)?];
    let placement = place(d, layout)?;
    let size = |i: usize| model.enums[d.inputs[i].enum_id].values.len() as u128;
    let rows = placement
        .rows
        .iter()
        .fold(1u128, |acc, &i| acc.saturating_mul(size(i)));
    let columns = size(placement.columns);
    let sections = placement.sections.map_or(1, size);
    let cells = rows.saturating_mul(columns);
    if cells > MAX_CELLS || cells.saturating_mul(sections) > MAX_TOTAL_CELLS {
        return Err(RenderError::TooLarge {
            decision: d.name.clone(),
            rows,
            columns,
            sections,
        });
    }
    Ok(grid::build(model, d, &placement, layout.expand))
}

impl Label {
    pub(crate) fn new(model: &Model, enum_id: usize, values: Vec<ValueId>) -> Label {
        let e = &model.enums[enum_id];
        // One value is named, even when it is all its enum has (not `*`).
        let text = match values.as_slice() {
            [one] => e.values[*one as usize].name.clone(),
            _ => model.describe(enum_id, &values),
        };
        Label {
            text,
            names: values
                .iter()
                .map(|&v| e.values[v as usize].name.clone())
                .collect(),
            values,
        }
    }
}
