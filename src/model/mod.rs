//! The model: every name resolved, every cell a set of values.
//!
//! Built from the syntax tree by `resolve`; read by the checks. A model
//! the checks found nothing wrong with (nothing that keeps it from
//! answering) is a [`CheckedModel`]: the table builder, code generation,
//! the evaluator and `diff` take only that. Values are numbered within
//! their enum in declaration order; a cell is the sorted list of the values
//! it allows.

mod limits;
mod resolve;
mod unknown;

pub(crate) use resolve::{resolve, Mentions};
pub use unknown::{UnknownDecision, UnknownInput};

use crate::analysis::{self, Space};
use crate::source::Span;

/// An enum: its index in [`Model::enums`].
pub type EnumId = usize;
/// A value of an enum: its index in [`Enum::values`], in declaration order.
pub type ValueId = u32;

/// A [`Model`] that passed every check that decides answers: no gap, no
/// conflict, no unresolved name, no name the generated code could not
/// hold, no table too large to bake (failing `expect` examples may remain).
/// Only [`crate::Compiled::checked`] makes one.
#[derive(Clone, Copy, Debug)]
pub struct CheckedModel<'m>(&'m Model);

impl<'m> CheckedModel<'m> {
    /// The caller vouches that the checks passed.
    pub(crate) fn new(model: &'m Model) -> CheckedModel<'m> {
        CheckedModel(model)
    }

    /// The model itself.
    pub fn model(self) -> &'m Model {
        self.0
    }
}

impl std::ops::Deref for CheckedModel<'_> {
    type Target = Model;

    fn deref(&self) -> &Model {
        self.0
    }
}

/// A rule set with every name resolved: its enums, sets, decisions and
/// `expect` examples, each in source order.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Every enum; an [`EnumId`] indexes this list.
    pub enums: Vec<Enum>,
    pub(crate) sets: Vec<Set>,
    /// Every decision.
    pub decisions: Vec<Decision>,
    /// Every `expect`, at the top level or inside a decision.
    pub examples: Vec<Example>,
}

/// An `enum`: a closed list of values an input or output can take.
#[derive(Clone, Debug)]
pub struct Enum {
    /// The enum's name (`Mode`).
    pub name: String,
    pub(crate) docs: Vec<String>,
    /// Its values in declaration order; a [`ValueId`] indexes this list.
    pub values: Vec<Value>,
    pub(crate) span: Span,
}

/// One value of an enum.
#[derive(Clone, Debug)]
pub struct Value {
    /// The value's name (`TeamsOnly`).
    pub name: String,
    /// Other names the value answers to in `eval` (matched ignoring ASCII
    /// case, like the name).
    pub aliases: Vec<String>,
    pub(crate) docs: Vec<String>,
    pub(crate) span: Span,
}

/// A named set of values of one enum.
#[derive(Clone, Debug)]
pub struct Set {
    pub(crate) name: String,
    pub(crate) docs: Vec<String>,
    pub(crate) enum_id: EnumId,
    pub(crate) values: Vec<ValueId>,
    pub(crate) span: Span,
}

/// A named, typed input or output of a decision.
#[derive(Clone, Debug)]
pub struct Column {
    /// The column's name (`sender_mode`).
    pub name: String,
    /// The enum whose values it takes.
    pub enum_id: EnumId,
    pub(crate) span: Span,
}

/// A `decision`: its inputs and outputs, the rows of its tables that
/// decide the outputs, and the constraints that rule inputs out.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The decision's name (`route`).
    pub name: String,
    pub(crate) docs: Vec<String>,
    /// Its inputs, in declaration order; a row's cells follow this order.
    pub inputs: Vec<Column>,
    /// Its outputs, in declaration order; a row's outputs follow this order.
    pub outputs: Vec<Column>,
    pub(crate) tables: Vec<Table>,
    /// Every row of every table, in source order.
    pub rows: Vec<Row>,
    /// Its `impossible` constraints, in source order.
    pub constraints: Vec<Constraint>,
    pub(crate) span: Span,
}

/// One `table` of a decision (its rows are in [`Decision::rows`]).
#[derive(Clone, Debug)]
pub struct Table {
    pub(crate) title: String,
    pub(crate) ordered: bool,
    pub(crate) source: Option<String>,
    /// Where the table is written.
    pub span: Span,
}

/// One row of a table: for each input the values it allows, and the
/// outputs it decides for them.
#[derive(Clone, Debug)]
pub struct Row {
    pub(crate) table: usize,
    /// For each input of the decision, the values the row allows.
    pub cells: Vec<Vec<ValueId>>,
    /// For each input, the span of its cell (`None` for a column the table
    /// leaves out, which allows every value).
    pub cell_spans: Vec<Option<Span>>,
    /// For each output of the decision, its value.
    pub outputs: Vec<ValueId>,
    pub(crate) source: Option<String>,
    /// Where the row's cells are written.
    pub span: Span,
}

/// `impossible ... because "..."`: inputs that cannot exist.
#[derive(Clone, Debug)]
pub struct Constraint {
    /// For each input of the decision, the values the constraint covers
    /// (an input is impossible when each of its values is in its cell).
    pub cells: Vec<Vec<ValueId>>,
    /// The reason, the text after `because`.
    pub because: String,
    pub(crate) source: Option<String>,
    pub(crate) span: Span,
}

/// An `expect`: one input and the answer the rules must give.
#[derive(Clone, Debug)]
pub struct Example {
    pub(crate) decision: usize,
    pub(crate) inputs: Vec<ValueId>,
    /// `None` when the input is expected to be impossible.
    pub(crate) outputs: Option<Vec<ValueId>>,
    pub(crate) span: Span,
}

/// How a decision answers one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ruling {
    /// Decided by this row.
    Row(usize),
    /// Excluded by this constraint.
    Impossible(usize),
    /// No row decides it (a gap).
    Undecided,
    /// Several rows decide it differently (a conflict).
    Conflicting(Vec<usize>),
}

impl Model {
    pub(crate) fn enum_named(&self, name: &str) -> Option<EnumId> {
        self.enums.iter().position(|e| e.name == name)
    }

    /// The decision named `name` (exactly, case included).
    pub fn decision_named(&self, name: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.name == name)
    }

    /// Describe a set of values of an enum the way a cell would say it:
    /// `*`, a set name, a value, `a, b` or `!a`.
    pub fn describe(&self, enum_id: EnumId, values: &[ValueId]) -> String {
        let e = &self.enums[enum_id];
        let size = e.values.len();
        let name = |v: &ValueId| e.values[*v as usize].name.as_str();
        if values.len() == size {
            return "*".to_string();
        }
        if values.len() > 1 {
            if let Some(set) = self
                .sets
                .iter()
                .find(|s| s.enum_id == enum_id && s.values == values)
            {
                return set.name.clone();
            }
        }
        let complement: Vec<ValueId> = (0..size as ValueId)
            .filter(|v| !values.contains(v))
            .collect();
        if values.len() > 2 && complement.len() < values.len() {
            if let Some(set) = self
                .sets
                .iter()
                .find(|s| s.enum_id == enum_id && s.values == complement)
            {
                return format!("!{}", set.name);
            }
            let names: Vec<&str> = complement.iter().map(name).collect();
            return format!("!{}", names.join(", "));
        }
        let names: Vec<&str> = values.iter().map(name).collect();
        names.join(", ")
    }

    /// `name=value` pairs of one input, for messages.
    pub fn describe_input(&self, decision: &Decision, input: &[ValueId]) -> String {
        decision
            .inputs
            .iter()
            .zip(input)
            .map(|(column, &v)| {
                format!(
                    "{}={}",
                    column.name, self.enums[column.enum_id].values[v as usize].name
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A decision's outputs as `(a, b)`, or `a` when there is one.
    pub fn describe_outputs(&self, decision: &Decision, outputs: &[ValueId]) -> String {
        let names: Vec<&str> = decision
            .outputs
            .iter()
            .zip(outputs)
            .map(|(column, &v)| self.enums[column.enum_id].values[v as usize].name.as_str())
            .collect();
        if names.len() == 1 {
            names[0].to_string()
        } else {
            format!("({})", names.join(", "))
        }
    }

    /// The value of an enum named `name`, its alias, ignoring ASCII case.
    pub fn find_value(&self, enum_id: EnumId, name: &str) -> Option<ValueId> {
        self.enums[enum_id]
            .values
            .iter()
            .position(|v| {
                v.name.eq_ignore_ascii_case(name)
                    || v.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
            .map(|i| i as ValueId)
    }
}

impl Decision {
    /// The decision's input space, one column per input.
    pub fn space(&self, model: &Model) -> Space {
        Space::new(
            self.inputs
                .iter()
                .map(|c| model.enums[c.enum_id].values.len() as u32)
                .collect(),
        )
    }

    /// The decision as a problem for the analysis: rows grouped by table,
    /// outcomes numbered by distinct outputs.
    pub fn problem(&self, model: &Model) -> analysis::Problem {
        let space = self.space(model);
        let (_, row_outcomes) = self.outcomes();
        let rows = self
            .rows
            .iter()
            .zip(row_outcomes)
            .map(|(row, outcome)| analysis::Row {
                cube: space.cube(row.cells.iter().map(|c| c.iter().copied())),
                group: row.table as u32,
                outcome,
            })
            .collect();
        analysis::Problem {
            rows,
            ordered: self.tables.iter().map(|t| t.ordered).collect(),
            impossible: self
                .constraints
                .iter()
                .map(|c| space.cube(c.cells.iter().map(|v| v.iter().copied())))
                .collect(),
            space,
        }
    }

    /// The rows' outcomes: the distinct output tuples, in order of first
    /// appearance in the rows, and for each row its outcome's index. The
    /// analysis compares rows by it, and the tables bake it.
    pub fn outcomes(&self) -> (Vec<&[ValueId]>, Vec<u32>) {
        let mut outcomes: Vec<&[ValueId]> = Vec::new();
        let row_outcomes = self
            .rows
            .iter()
            .map(
                |row| match outcomes.iter().position(|o| *o == row.outputs) {
                    Some(i) => i as u32,
                    None => {
                        outcomes.push(&row.outputs);
                        outcomes.len() as u32 - 1
                    }
                },
            )
            .collect();
        (outcomes, row_outcomes)
    }

    /// Answer one input by reading the rows (no tables needed).
    pub fn evaluate(&self, input: &[ValueId]) -> Ruling {
        let matches = |cells: &[Vec<ValueId>]| cells.iter().zip(input).all(|(c, v)| c.contains(v));
        if let Some(i) = self.constraints.iter().position(|c| matches(&c.cells)) {
            return Ruling::Impossible(i);
        }
        let deciding = self.deciding_rows(input);
        match deciding.as_slice() {
            [] => Ruling::Undecided,
            [one] => Ruling::Row(*one),
            [first, rest @ ..] => {
                if rest
                    .iter()
                    .all(|&r| self.rows[r].outputs == self.rows[*first].outputs)
                {
                    Ruling::Row(*first)
                } else {
                    Ruling::Conflicting(deciding)
                }
            }
        }
    }

    /// The rows that decide one input, constraints aside, in source order:
    /// every matching row of an unordered table, and the first matching row
    /// of an ordered one.
    pub fn deciding_rows(&self, input: &[ValueId]) -> Vec<usize> {
        let mut deciding: Vec<usize> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            if !row.cells.iter().zip(input).all(|(c, v)| c.contains(v)) {
                continue;
            }
            let shadowed = self.tables[row.table].ordered
                && deciding.iter().any(|&d| self.rows[d].table == row.table);
            if !shadowed {
                deciding.push(i);
            }
        }
        deciding
    }

    /// The number of inputs (saturating).
    pub fn volume(&self, model: &Model) -> u128 {
        self.space(model).volume()
    }
}
