//! What a diagnostic is about, as fields rather than prose: the decision,
//! the rows involved, the witness input, the outcomes and every gap
//! pattern. The checks fill it in; `--format json` and editors read it.
//! The rendered text does not use it.

use crate::model::{Decision, Model, ValueId};
use crate::source::Span;
use serde::Serialize;

/// `name -> value` pairs in the decision's order, such as an input
/// (`{"mode": "Islands"}`), an outcome, or a gap pattern whose values are
/// cells as a row would say them (`{"mode": "!TeamsOnly"}`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// One input of a decision: each input's name with its value.
    pub(crate) fn input(model: &Model, decision: &Decision, values: &[ValueId]) -> Pairs {
        Pairs::named(model, &decision.inputs, values)
    }

    /// One outcome of a decision: each output's name with its value.
    pub(crate) fn outcome(model: &Model, decision: &Decision, values: &[ValueId]) -> Pairs {
        Pairs::named(model, &decision.outputs, values)
    }

    /// A pattern: each input's name with a cell.
    pub(crate) fn pattern(decision: &Decision, cells: Vec<String>) -> Pairs {
        Pairs(
            decision
                .inputs
                .iter()
                .map(|c| c.name.clone())
                .zip(cells)
                .collect(),
        )
    }

    fn named(model: &Model, columns: &[crate::model::Column], values: &[ValueId]) -> Pairs {
        Pairs(
            columns
                .iter()
                .zip(values)
                .map(|(column, &v)| {
                    let value = &model.enums[column.enum_id].values[v as usize].name;
                    (column.name.clone(), value.clone())
                })
                .collect(),
        )
    }
}

impl Serialize for Pairs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Pairs {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pairs".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Names (of inputs or outputs) to values or cells, in the decision's order.",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

/// A row of a decision: its span, its table's title and its 1-based
/// position in that table (as `coex eval --explain` says "row 3").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RowRef {
    pub(crate) span: Span,
    pub(crate) table: String,
    pub(crate) row: u32,
}

impl RowRef {
    /// The row with index `row` among all rows of `decision`.
    pub(crate) fn of(decision: &Decision, row: usize) -> RowRef {
        let table = decision.rows[row].table;
        let position = decision.rows[..=row]
            .iter()
            .filter(|r| r.table == table)
            .count();
        RowRef {
            span: decision.rows[row].span,
            table: decision.tables[table].title.clone(),
            row: position as u32,
        }
    }
}

/// The facts of a diagnostic, by kind. `Row` is [`RowRef`] in the library
/// and a file/line/table/row record in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Data<Row = RowRef> {
    /// Inputs no row decides (E0009).
    Gap {
        decision: String,
        /// How many inputs are undecided.
        undecided: u128,
        /// Every pattern of undecided inputs, as cells.
        patterns: Vec<Pairs>,
        /// One undecided input.
        witness: Pairs,
    },
    /// Two rows deciding one input differently (E0010).
    Conflict {
        decision: String,
        /// The earlier row, then the later.
        rows: Vec<Row>,
        /// An input both rows match.
        witness: Pairs,
        /// Each row's outcome, in the order of `rows`.
        outcomes: Vec<Pairs>,
    },
    /// Two rows deciding one input the same way (W0003).
    Overlap {
        decision: String,
        rows: Vec<Row>,
        witness: Pairs,
        outcome: Pairs,
    },
    /// A row that earlier rows of its ordered table always win over (W0001).
    UnreachableRow {
        decision: String,
        row: Row,
        shadowed_by: Vec<Row>,
    },
    /// A row that matches only impossible inputs (W0002).
    OnlyImpossible { decision: String, row: Row },
    /// An `expect` whose answer differs (E0011).
    FailingExpect {
        decision: String,
        input: Pairs,
        /// `null` when the example expects the input to be impossible.
        expected: Option<Pairs>,
        /// `null` when the rules say the input is impossible.
        actual: Option<Pairs>,
        /// The row that decided; `null` when a constraint excluded the input.
        decided_by: Option<Row>,
        /// The excluding constraint's reason, when one decided.
        because: Option<String>,
    },
}

impl Data {
    /// The same facts with each row turned into another form.
    pub(crate) fn map_rows<R>(&self, f: impl Fn(&RowRef) -> R) -> Data<R> {
        let all = |rows: &[RowRef]| rows.iter().map(&f).collect();
        match self {
            Data::Gap {
                decision,
                undecided,
                patterns,
                witness,
            } => Data::Gap {
                decision: decision.clone(),
                undecided: *undecided,
                patterns: patterns.clone(),
                witness: witness.clone(),
            },
            Data::Conflict {
                decision,
                rows,
                witness,
                outcomes,
            } => Data::Conflict {
                decision: decision.clone(),
                rows: all(rows),
                witness: witness.clone(),
                outcomes: outcomes.clone(),
            },
            Data::Overlap {
                decision,
                rows,
                witness,
                outcome,
            } => Data::Overlap {
                decision: decision.clone(),
                rows: all(rows),
                witness: witness.clone(),
                outcome: outcome.clone(),
            },
            Data::UnreachableRow {
                decision,
                row,
                shadowed_by,
            } => Data::UnreachableRow {
                decision: decision.clone(),
                row: f(row),
                shadowed_by: all(shadowed_by),
            },
            Data::OnlyImpossible { decision, row } => Data::OnlyImpossible {
                decision: decision.clone(),
                row: f(row),
            },
            Data::FailingExpect {
                decision,
                input,
                expected,
                actual,
                decided_by,
                because,
            } => Data::FailingExpect {
                decision: decision.clone(),
                input: input.clone(),
                expected: expected.clone(),
                actual: actual.clone(),
                decided_by: decided_by.as_ref().map(&f),
                because: because.clone(),
            },
        }
    }
}
