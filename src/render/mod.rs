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

mod format;
mod grid;

pub(crate) use format::escape;

use crate::model::{Decision, Model, UnknownDecision, UnknownInput, ValueId};

/// The most cells one section's grid may have before compression.
pub const MAX_CELLS: u128 = 10_000;

/// The most cells all sections together may have before compression.
pub const MAX_TOTAL_CELLS: u128 = 10 * MAX_CELLS;

/// Where the inputs go. `None`s and [`Sections::Default`] take the defaults
/// described in the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The input spread across the columns.
    pub columns: Option<String>,
    /// The inputs forming the rows, outermost first. When given, every input
    /// must be placed somewhere.
    pub rows: Option<Vec<String>>,
    pub sections: Sections,
    /// One row per combination of the row inputs and one column per value:
    /// nothing merged, so that a changed answer is a changed cell (the
    /// review snapshots use it). Rows impossible in every column are still
    /// listed under the table.
    pub expand: bool,
}

/// Whether and by which input the table is split into sections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Sections {
    /// The last input when the decision has four or more inputs.
    #[default]
    Default,
    /// One table.
    None,
    /// One table per value of this input.
    Input(String),
}

/// A decision rendered as tables: plain data, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedTable {
    pub decision: String,
    /// The names of the outputs, in order; a cell shows them in this order.
    pub outputs: Vec<String>,
    /// The inputs forming the rows, outermost first.
    pub row_inputs: Vec<String>,
    pub column_input: String,
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
    pub rows: Vec<GridRow>,
    /// Row patterns that are impossible in every column, then the cells of
    /// shown rows that are, each with the reason.
    pub impossible: Vec<ImpossibleRow>,
}

/// A set of values of one input and how a cell says it (`SfBAny`, `*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub text: String,
    /// The value ids, sorted.
    pub values: Vec<ValueId>,
    /// The value names, in the same order.
    pub names: Vec<String>,
}

/// A row of the grid: a set of values per row input, a cell per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    pub labels: Vec<Label>,
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

/// Why a table cannot be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    UnknownDecision(UnknownDecision),
    /// Given in a flag (`--columns`, `--rows`, `--sections`), which it
    /// names.
    UnknownInput(UnknownInput),
    /// One input placed twice.
    PlacedTwice {
        decision: String,
        input: String,
    },
    /// `--rows` given, and some inputs are placed nowhere.
    Unplaced {
        decision: String,
        inputs: Vec<String>,
    },
    /// Every input is in the rows or the sections.
    NoColumns {
        decision: String,
    },
    TooLarge {
        decision: String,
        rows: u128,
        columns: u128,
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

/// The layout with every input placed, as input indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Placement {
    pub columns: usize,
    pub rows: Vec<usize>,
    pub sections: Option<usize>,
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

/// Resolve a layout's names and fill in the defaults.
pub(crate) fn place(d: &Decision, layout: &Layout) -> Result<Placement, RenderError> {
    let find = |name: &str, flag: &'static str| {
        d.find_input(name.trim()).map_err(|unknown| {
            RenderError::UnknownInput(UnknownInput {
                given_in: Some(flag),
                ..unknown
            })
        })
    };
    let columns = layout
        .columns
        .as_deref()
        .map(|n| find(n, "--columns"))
        .transpose()?;
    let rows = layout
        .rows
        .as_ref()
        .map(|names| {
            names
                .iter()
                .map(|n| find(n, "--rows"))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let explicit_sections = match &layout.sections {
        Sections::Input(name) if name.trim().eq_ignore_ascii_case("none") => Some(None),
        Sections::Input(name) => Some(Some(find(name, "--sections")?)),
        Sections::None => Some(None),
        Sections::Default => None,
    };
    // Each input may be claimed once by the flags given.
    let mut claimed: Vec<usize> = Vec::new();
    let claims = columns
        .iter()
        .chain(rows.iter().flatten())
        .chain(explicit_sections.iter().flatten());
    for &i in claims {
        if claimed.contains(&i) {
            return Err(RenderError::PlacedTwice {
                decision: d.name.clone(),
                input: d.inputs[i].name.clone(),
            });
        }
        claimed.push(i);
    }
    let sections = match explicit_sections {
        Some(sections) => sections,
        None => {
            let last = d.inputs.len().wrapping_sub(1);
            (d.inputs.len() >= 4 && !claimed.contains(&last)).then(|| {
                claimed.push(last);
                last
            })
        }
    };
    let columns = match columns {
        Some(c) => c,
        None => {
            let free = |i: &usize| !claimed.contains(i);
            let first_enum = d.inputs.first().map(|c| c.enum_id);
            let same_enum = (1..d.inputs.len())
                .filter(free)
                .find(|&i| Some(d.inputs[i].enum_id) == first_enum);
            let chosen = same_enum
                .or_else(|| (0..d.inputs.len()).find(free))
                .ok_or_else(|| RenderError::NoColumns {
                    decision: d.name.clone(),
                })?;
            claimed.push(chosen);
            chosen
        }
    };
    let rows = match rows {
        Some(rows) => {
            let unplaced: Vec<String> = (0..d.inputs.len())
                .filter(|i| !claimed.contains(i))
                .map(|i| d.inputs[i].name.clone())
                .collect();
            if !unplaced.is_empty() {
                return Err(RenderError::Unplaced {
                    decision: d.name.clone(),
                    inputs: unplaced,
                });
            }
            rows
        }
        None => (0..d.inputs.len())
            .filter(|i| !claimed.contains(i))
            .collect(),
    };
    Ok(Placement {
        columns,
        rows,
        sections,
    })
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
