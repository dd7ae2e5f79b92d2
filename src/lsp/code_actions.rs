//! Quick fixes for the diagnostics under the cursor: take the did-you-mean
//! name, insert rows for the inputs a decision leaves undecided, or mark a
//! table `ordered` when two of its rows conflict.

use super::diagnostics::convert;
use super::snapshot::Snapshot;
use crate::analysis::{Cube, Space};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Decision, Model};
use crate::source::{FileId, Span};
use crate::suggest;
use crate::syntax::ast;
use lsp_types::{CodeAction, CodeActionKind, TextEdit, WorkspaceEdit};
use std::collections::HashMap;
use std::ops::Range;

/// The comment above inserted rows: their outcomes still need choosing.
const PLACEHOLDER_NOTE: &str =
    "// TODO: rows for undecided inputs; each outcome is a placeholder (the first value of each output)";

pub(crate) fn code_actions(
    snapshot: &Snapshot,
    file: FileId,
    within: Range<usize>,
) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    for diagnostic in &snapshot.compiled.diagnostics {
        let Some(span) = diagnostic.primary_span() else {
            continue;
        };
        let range = span.range();
        if span.file != file || range.end < within.start || range.start > within.end {
            continue;
        }
        let fix = match diagnostic.code {
            Code::Gap => fill_gaps(snapshot, span),
            Code::Conflict | Code::Overlap => mark_ordered(snapshot, diagnostic),
            _ => take_suggestion(snapshot, diagnostic, span),
        };
        if let Some((title, edits)) = fix {
            actions.push(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert(snapshot, diagnostic, span)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(snapshot.uri(file).clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(diagnostic.code != Code::Overlap),
                ..CodeAction::default()
            });
        }
    }
    actions
}

type Fix = Option<(String, Vec<TextEdit>)>;

fn take_suggestion(snapshot: &Snapshot, diagnostic: &Diagnostic, span: Span) -> Fix {
    let offered = suggest::offered(diagnostic.help.as_deref()?)?;
    let written = snapshot.rule_set.sources.snippet(span);
    Some((
        format!("replace `{written}` with `{offered}`"),
        vec![TextEdit::new(snapshot.range(span), offered.to_string())],
    ))
}

fn mark_ordered(snapshot: &Snapshot, diagnostic: &Diagnostic) -> Fix {
    let mut rows = diagnostic.labels.iter().map(|l| l.span);
    let (first, second) = (rows.next()?, rows.next()?);
    let syntax = snapshot.syntax(first.file)?;
    let table = tables(syntax).find(|t| {
        t.rows.iter().any(|r| r.cells == first) && t.rows.iter().any(|r| r.cells == second)
    })?;
    if table.ordered {
        return None;
    }
    let at = Span {
        start: table.title.span.end,
        ..table.title.span
    };
    Some((
        format!(
            "mark table \"{}\" `ordered` (the first matching row wins)",
            table.title.value
        ),
        vec![TextEdit::new(snapshot.range(at), " ordered".to_string())],
    ))
}

fn tables(syntax: &ast::File) -> impl Iterator<Item = &ast::Table> {
    syntax.items.iter().flat_map(|item| {
        let items: &[ast::DecisionItem] = match item {
            ast::Item::Decision(d) => &d.items,
            _ => &[],
        };
        items.iter().filter_map(|inner| match inner {
            ast::DecisionItem::Table(t) => Some(t),
            _ => None,
        })
    })
}

/// Rows for every gap pattern, after the last row of the decision's last
/// table that can state them (one that leaves out no input a pattern narrows).
fn fill_gaps(snapshot: &Snapshot, decision_span: Span) -> Fix {
    let model = snapshot.compiled.model.as_ref()?;
    let (index, space, gaps) = snapshot
        .gaps
        .iter()
        .find(|(i, _, _)| model.decisions[*i].span == decision_span)?;
    let decision = &model.decisions[*index];
    let syntax = snapshot.syntax(decision_span.file)?;
    let declared = syntax.items.iter().find_map(|item| match item {
        ast::Item::Decision(d) if d.name.span == decision_span => Some(d),
        _ => None,
    })?;
    let table = declared
        .items
        .iter()
        .filter_map(|inner| match inner {
            ast::DecisionItem::Table(t) => Some(t),
            _ => None,
        })
        .rfind(|t| states_every_gap(decision, t, space, gaps))?;
    let text = snapshot.text(decision_span.file);
    let header = &text[table.header_span.range()];
    let widths = cell_widths(header);
    let indent: String = {
        let line_start = text[..table.header_span.start as usize]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        text[line_start..table.header_span.start as usize].to_string()
    };
    let mut inserted = format!("\n{indent}{PLACEHOLDER_NOTE}");
    for gap in gaps {
        let mut cells = gap_cells(model, decision, table, space, gap)?;
        cells.extend(placeholder_outcome(model, decision, table)?);
        inserted.push_str(&format!("\n{indent}{}", row_text(&cells, &widths, table)));
    }
    let last = table.rows.last().map_or(table.header_span, |r| r.span);
    let end_of_line = text[last.end as usize..]
        .find('\n')
        .map_or(text.len(), |i| last.end as usize + i);
    let end_of_line = if text[..end_of_line].ends_with('\r') {
        end_of_line - 1
    } else {
        end_of_line
    };
    let at = Span::new(decision_span.file, end_of_line, end_of_line);
    Some((
        format!(
            "insert {} for the inputs `{}` leaves undecided",
            crate::text::plural(gaps.len() as u64, "row", "rows"),
            decision.name
        ),
        vec![TextEdit::new(snapshot.range(at), inserted)],
    ))
}

fn states_every_gap(decision: &Decision, table: &ast::Table, space: &Space, gaps: &[Cube]) -> bool {
    decision.inputs.iter().enumerate().all(|(i, column)| {
        table.input_columns.iter().any(|c| c.name == column.name)
            || gaps.iter().all(|gap| space.is_full(gap, i))
    })
}

/// A gap pattern's cells in the table's column order.
fn gap_cells(
    model: &Model,
    decision: &Decision,
    table: &ast::Table,
    space: &Space,
    gap: &[u64],
) -> Option<Vec<String>> {
    table
        .input_columns
        .iter()
        .map(|column| {
            let input = decision.inputs.iter().position(|c| c.name == column.name)?;
            let values: Vec<u32> = space.values(gap, input).collect();
            Some(model.describe(decision.inputs[input].enum_id, &values))
        })
        .collect()
}

/// The first value of each output, in the table's column order.
fn placeholder_outcome(
    model: &Model,
    decision: &Decision,
    table: &ast::Table,
) -> Option<Vec<String>> {
    table
        .output_columns
        .iter()
        .map(|column| {
            let output = decision.outputs.iter().find(|c| c.name == column.name)?;
            Some(model.enums[output.enum_id].values.first()?.name.clone())
        })
        .collect()
}

/// The widths of a header's cells (its text between the bars, less one
/// space each side), so that inserted rows line up with a formatted table.
fn cell_widths(header: &str) -> Vec<usize> {
    let inner = header.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.chars().count().saturating_sub(2))
        .collect()
}

fn row_text(cells: &[String], widths: &[usize], table: &ast::Table) -> String {
    let padded: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let width = widths.get(i).copied().unwrap_or(0);
            format!("{cell:<width$}")
        })
        .collect();
    let (inputs, outputs) = padded.split_at(table.input_columns.len());
    format!("| {} || {} |", inputs.join(" | "), outputs.join(" | "))
}
