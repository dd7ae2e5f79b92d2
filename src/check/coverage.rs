//! Example coverage: which table rows the `expect` examples exercise, and a
//! warning for every row that none does.
//!
//! An example exercises the rows that decide its input (every matching row
//! of an unordered table, the first matching row of an ordered one); an
//! example of an impossible input exercises a constraint, not a row. Rows
//! that decide no possible input at all are already reported (W0001
//! unreachable, W0002 only impossible) and are not reported again.

use crate::analysis::Analysis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Decision, Model, ValueId};
use crate::source::Sources;
use crate::text::{padded_cells, plural};
use std::collections::HashSet;

/// How many rows without an example one decision reports one by one; the
/// rest are counted in one more warning.
const SHOWN_ROWS: usize = 10;

/// How well one decision's examples cover its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionCoverage {
    /// The decision's index in [`Model::decisions`].
    pub decision: usize,
    /// For each row of the decision (source order): whether an example
    /// exercises it.
    pub covered: Vec<bool>,
    /// How many `expect` examples the decision has.
    pub examples: usize,
}

impl DecisionCoverage {
    /// How many rows the decision has.
    pub fn rows(&self) -> usize {
        self.covered.len()
    }

    /// How many of its rows some example exercises.
    pub fn rows_covered(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    /// Covered rows in percent (100 for a decision without rows).
    pub fn percent(&self) -> f64 {
        percent(self.rows_covered(), self.rows())
    }
}

/// Covered rows in percent of all rows (100 when there are none).
pub fn percent(covered: usize, rows: usize) -> f64 {
    if rows == 0 {
        100.0
    } else {
        covered as f64 * 100.0 / rows as f64
    }
}

/// The coverage of every decision, in declaration order.
pub fn coverage(model: &Model) -> Vec<DecisionCoverage> {
    let mut out: Vec<DecisionCoverage> = model
        .decisions
        .iter()
        .enumerate()
        .map(|(decision, d)| DecisionCoverage {
            decision,
            covered: vec![false; d.rows.len()],
            examples: 0,
        })
        .collect();
    for example in &model.examples {
        let decision = &model.decisions[example.decision];
        let entry = &mut out[example.decision];
        entry.examples += 1;
        if example.inputs.len() != decision.inputs.len() {
            continue;
        }
        let excluded = decision.constraints.iter().any(|c| {
            c.cells
                .iter()
                .zip(&example.inputs)
                .all(|(c, v)| c.contains(v))
        });
        if excluded {
            continue;
        }
        for row in decision.deciding_rows(&example.inputs) {
            entry.covered[row] = true;
        }
    }
    out
}

/// W0007: one warning per row that decides some input but no example's
/// (the first [`SHOWN_ROWS`] of a decision; one more counts the rest).
/// `analyses` are the decisions' analyses, in declaration order: rows they
/// find deciding nothing are reported as W0001/W0002 instead.
pub(crate) fn unexemplified(model: &Model, analyses: &[Analysis]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (entry, analysis) in coverage(model).into_iter().zip(analyses) {
        if entry.covered.iter().all(|c| *c) {
            continue;
        }
        let decision = &model.decisions[entry.decision];
        let silent: HashSet<usize> = analysis
            .unreachable
            .iter()
            .map(|s| s.row as usize)
            .chain(analysis.only_impossible.iter().map(|&r| r as usize))
            .chain(analysis.empty.iter().map(|&r| r as usize))
            .collect();
        let rows: Vec<usize> = (0..decision.rows.len())
            .filter(|r| !entry.covered[*r] && !silent.contains(r))
            .collect();
        for &row in rows.iter().take(SHOWN_ROWS) {
            out.push(row_warning(model, decision, row));
        }
        let more = rows.len().saturating_sub(SHOWN_ROWS);
        if more > 0 {
            out.push(
                Diagnostic::new(
                    Code::UnexemplifiedRow,
                    format!(
                        "{} of `{}` no example exercises",
                        plural(more as u64, "more row", "more rows"),
                        decision.name
                    ),
                )
                .primary(decision.span, "this decision's rows")
                .help("`coex check --coverage` lists every row no example exercises"),
            );
        }
    }
    out
}

fn row_warning(model: &Model, decision: &Decision, row: usize) -> Diagnostic {
    let r = &decision.rows[row];
    let d = Diagnostic::new(
        Code::UnexemplifiedRow,
        format!("no example of `{}` exercises this row", decision.name),
    )
    .primary(r.span, "no `expect` input is decided by this row");
    match witness(decision, row) {
        Some(input) => {
            let suggestion = format!(
                "expect {}({}) == {}",
                decision.name,
                describe_values(model, decision, &input),
                model.describe_outputs(decision, &r.outputs)
            );
            d.note(format!(
                "input this row decides: {}",
                model.describe_input(decision, &input)
            ))
            .help(format!(
                "add an example next to the row, such as `{suggestion}`"
            ))
        }
        None => d.help("add an example next to the row, with an input it decides"),
    }
}

/// How many inputs of a row [`witness`] tries.
const WITNESS_TRIES: usize = 10_000;

/// An input the row decides: the first of its inputs, in value order, that
/// no constraint excludes and the row decides (an earlier row of an ordered
/// table may win over the first ones). `None` if none is among the first
/// [`WITNESS_TRIES`].
fn witness(decision: &Decision, row: usize) -> Option<Vec<ValueId>> {
    let cells = &decision.rows[row].cells;
    if cells.iter().any(Vec::is_empty) {
        return None;
    }
    let mut position = vec![0usize; cells.len()];
    for _ in 0..WITNESS_TRIES {
        let input: Vec<ValueId> = cells.iter().zip(&position).map(|(c, &i)| c[i]).collect();
        let excluded = decision
            .constraints
            .iter()
            .any(|c| c.cells.iter().zip(&input).all(|(c, v)| c.contains(v)));
        if !excluded && decision.deciding_rows(&input).contains(&row) {
            return Some(input);
        }
        // The next input of the row, odometer style.
        let mut column = 0;
        loop {
            if column == cells.len() {
                return None;
            }
            position[column] += 1;
            if position[column] < cells[column].len() {
                break;
            }
            position[column] = 0;
            column += 1;
        }
    }
    None
}

/// Values positionally, as an `expect` lists them: `Islands, Teams`.
fn describe_values(model: &Model, decision: &Decision, input: &[ValueId]) -> String {
    decision
        .inputs
        .iter()
        .zip(input)
        .map(|(column, &v)| model.enums[column.enum_id].values[v as usize].name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The coverage report `coex check --coverage` prints: one line per
/// decision (rows covered of rows, in percent, and its examples), a total,
/// and the place of every row no example exercises.
pub fn report(model: &Model, sources: &Sources, coverage: &[DecisionCoverage]) -> String {
    let header = ["decision", "rows", "covered", "examples"].map(String::from);
    let mut lines: Vec<[String; 4]> = vec![header];
    let (mut rows, mut covered, mut examples) = (0, 0, 0);
    for entry in coverage {
        rows += entry.rows();
        covered += entry.rows_covered();
        examples += entry.examples;
        lines.push([
            model.decisions[entry.decision].name.clone(),
            format!("{}/{}", entry.rows_covered(), entry.rows()),
            format!("{:.1}%", entry.percent()),
            entry.examples.to_string(),
        ]);
    }
    lines.push([
        "total".to_string(),
        format!("{covered}/{rows}"),
        format!("{:.1}%", percent(covered, rows)),
        examples.to_string(),
    ]);
    let mut widths = [0; 4];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for line in &lines {
        out.push_str(padded_cells(line, &widths).trim_end());
        out.push('\n');
    }
    for entry in coverage {
        let decision = &model.decisions[entry.decision];
        for (row, _) in entry.covered.iter().enumerate().filter(|(_, c)| !**c) {
            out.push_str(&format!(
                "not covered: {} (a row of `{}`)\n",
                sources.location(decision.rows[row].span),
                decision.name
            ));
        }
    }
    out
}
