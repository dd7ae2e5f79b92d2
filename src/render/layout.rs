//! Step 1 of a table: which input forms the columns, which the rows and
//! which (if any) the sections, as the user asked ([`Layout`]) and with
//! the defaults of the module documentation filled in ([`Placement`]).

use super::RenderError;
use crate::model::{Decision, UnknownInput};

/// Where the inputs go. `None`s and [`Sections::Default`] take the defaults
/// described in the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The input spread across the columns.
    pub columns: Option<String>,
    /// The inputs forming the rows, outermost first. When given, every input
    /// must be placed somewhere.
    pub rows: Option<Vec<String>>,
    /// Whether and by which input the table is cut into sections.
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

/// The layout with every input placed, as input indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Placement {
    pub columns: usize,
    pub rows: Vec<usize>,
    pub sections: Option<usize>,
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
