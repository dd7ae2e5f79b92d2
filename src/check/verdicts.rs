//! Gaps, conflicts, overlaps, unreachable rows and rows that match only
//! impossible inputs: the verdicts of [`crate::analysis`], as diagnostics.

use super::SHOWN_PATTERNS;
use crate::analysis::{analyze_with, Analysis, Progress, Space};
use crate::diagnostic::{Code, Data, Diagnostic, Pairs, RowRef};
use crate::model::{Decision, Model};
use crate::text::{padded_cells, plural};

/// The analysis of every decision, in declaration order: what
/// [`verdicts`] and [`super::unexemplified`] report from. `progress`
/// hears how far each decision's analysis is, with the decision's name.
pub(crate) fn analyses(model: &Model, progress: &mut dyn FnMut(&str, Progress)) -> Vec<Analysis> {
    model
        .decisions
        .iter()
        .map(|decision| {
            analyze_with(&decision.problem(model), &mut |done| {
                progress(&decision.name, done)
            })
        })
        .collect()
}

pub(crate) fn verdicts(model: &Model, analyses: &[Analysis]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (decision, analysis) in model.decisions.iter().zip(analyses) {
        let space = decision.space(model);
        gaps(model, decision, &space, analysis, &mut out);
        conflicts(model, decision, analysis, &mut out);
        unreachable(decision, analysis, &mut out);
        only_impossible(decision, &space, analysis, &mut out);
        overlaps(model, decision, analysis, &mut out);
    }
    out
}

/// A cube's cells in the decision's input order, each as a cell would say it.
fn cube_cells(model: &Model, decision: &Decision, space: &Space, cube: &[u64]) -> Vec<String> {
    decision
        .inputs
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let values: Vec<u32> = space.values(cube, c).collect();
            model.describe(column.enum_id, &values)
        })
        .collect()
}

fn gaps(
    model: &Model,
    decision: &Decision,
    space: &Space,
    analysis: &Analysis,
    out: &mut Vec<Diagnostic>,
) {
    if analysis.gaps.is_empty() {
        return;
    }
    let header: Vec<String> = decision.inputs.iter().map(|c| c.name.clone()).collect();
    let shown: Vec<Vec<String>> = analysis
        .gaps
        .iter()
        .take(SHOWN_PATTERNS)
        .map(|g| cube_cells(model, decision, space, g))
        .collect();
    let mut patterns = format!(
        "inputs no row decides:\n{}",
        aligned_rows(&header, &shown, "    ")
    );
    let more = analysis.gaps.len().saturating_sub(SHOWN_PATTERNS);
    if more > 0 {
        patterns.push_str(&format!(
            "\n    and {}",
            plural(more as u64, "more pattern", "more patterns")
        ));
    }
    let example = space.first_point(&analysis.gaps[0]);
    let label = if analysis.gaps.len() == 1 {
        "1 pattern not covered".to_string()
    } else {
        format!("{} patterns not covered", analysis.gaps.len())
    };
    out.push(
        Diagnostic::new(
            Code::Gap,
            format!(
                "decision `{}` leaves {} undecided",
                decision.name,
                plural(analysis.gap_inputs, "input", "inputs")
            ),
        )
        .primary(decision.span, label)
        .note(patterns)
        .note(format!("for example: {}", model.describe_input(decision, &example)))
        .help("add rows for these inputs, or an `impossible` constraint with a reason if they cannot exist")
        .with_data(Data::Gap {
            decision: decision.name.clone(),
            undecided: analysis.gap_inputs,
            patterns: analysis
                .gaps
                .iter()
                .map(|g| Pairs::pattern(decision, cube_cells(model, decision, space, g)))
                .collect(),
            witness: Pairs::input(model, decision, &example),
        }),
    );
}

/// Table lines with every column padded to its widest cell.
fn aligned_rows(header: &[String], rows: &[Vec<String>], indent: &str) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain(std::iter::once(header[c].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| format!("{indent}| {} |", padded_cells(cells, &widths));
    std::iter::once(line(header))
        .chain(rows.iter().map(|r| line(r)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn conflicts(model: &Model, decision: &Decision, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    for pair in &analysis.conflicts {
        let a = &decision.rows[pair.first as usize];
        let b = &decision.rows[pair.second as usize];
        let outcome = |row: &crate::model::Row| model.describe_outputs(decision, &row.outputs);
        let mut d = Diagnostic::new(
            Code::Conflict,
            format!("rows of `{}` decide the same input two ways", decision.name),
        )
        .primary(b.span, format!("this row decides {}", outcome(b)))
        .secondary(a.span, format!("this row decides {}", outcome(a)))
        .note(format!(
            "both match {}",
            model.describe_input(decision, &pair.witness)
        ))
        .with_data(Data::Conflict {
            decision: decision.name.clone(),
            rows: vec![
                RowRef::of(decision, pair.first as usize),
                RowRef::of(decision, pair.second as usize),
            ],
            witness: Pairs::input(model, decision, &pair.witness),
            outcomes: vec![
                Pairs::outcome(model, decision, &a.outputs),
                Pairs::outcome(model, decision, &b.outputs),
            ],
        });
        d = if a.table == b.table {
            d.help("narrow a cell so the rows no longer overlap (a list, a set or `!value`), or mark the table `ordered` so that the first matching row wins")
        } else {
            d.help(format!(
                "the rows are in different tables (`{}` and `{}`); narrow a cell so that each input is decided by one table",
                decision.tables[a.table].title, decision.tables[b.table].title
            ))
        };
        out.push(d);
    }
}

fn unreachable(decision: &Decision, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    for shadowed in &analysis.unreachable {
        let row = &decision.rows[shadowed.row as usize];
        let mut d = Diagnostic::new(Code::UnreachableRow, "unreachable row")
            .primary(
                row.span,
                "every input this row matches is decided by an earlier row",
            )
            .help("remove the row, or move it above the rows that cover it")
            .with_data(Data::UnreachableRow {
                decision: decision.name.clone(),
                row: RowRef::of(decision, shadowed.row as usize),
                shadowed_by: shadowed
                    .by
                    .iter()
                    .map(|&r| RowRef::of(decision, r as usize))
                    .collect(),
            });
        for &r in &shadowed.by {
            d = d.secondary(decision.rows[r as usize].span, "this row matches first");
        }
        out.push(d);
    }
}

fn only_impossible(
    decision: &Decision,
    space: &Space,
    analysis: &Analysis,
    out: &mut Vec<Diagnostic>,
) {
    for &id in &analysis.only_impossible {
        let row = &decision.rows[id as usize];
        let cube = space.cube(row.cells.iter().map(|c| c.iter().copied()));
        let mut d = Diagnostic::new(Code::OnlyImpossible, "row matches only impossible inputs")
            .primary(row.span, "no input this row matches can exist")
            .with_data(Data::OnlyImpossible {
                decision: decision.name.clone(),
                row: RowRef::of(decision, id as usize),
            });
        for constraint in &decision.constraints {
            let c = space.cube(constraint.cells.iter().map(|v| v.iter().copied()));
            if space.intersects(&cube, &c) {
                d = d.secondary(constraint.span, "excluded here");
            }
        }
        out.push(d.help("remove the row, or correct the constraint if these inputs can exist"));
    }
    for &id in &analysis.empty {
        let row = &decision.rows[id as usize];
        out.push(
            Diagnostic::new(Code::EmptyPattern, "row matches no input")
                .primary(row.span, "a cell of this row allows no value"),
        );
    }
}

fn overlaps(model: &Model, decision: &Decision, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    for pair in &analysis.overlaps {
        let a = &decision.rows[pair.first as usize];
        let b = &decision.rows[pair.second as usize];
        out.push(
            Diagnostic::new(Code::Overlap, "two rows decide the same input")
                .primary(b.span, "this row")
                .secondary(a.span, "and this row both match it")
                .note(format!(
                    "both match {} and agree on {}",
                    model.describe_input(decision, &pair.witness),
                    model.describe_outputs(decision, &a.outputs)
                ))
                .help("in an unordered table each input should match one row; narrow a cell, or mark the table `ordered`")
                .with_data(Data::Overlap {
                    decision: decision.name.clone(),
                    rows: vec![
                        RowRef::of(decision, pair.first as usize),
                        RowRef::of(decision, pair.second as usize),
                    ],
                    witness: Pairs::input(model, decision, &pair.witness),
                    outcome: Pairs::outcome(model, decision, &a.outputs),
                }),
        );
    }
}
