//! Hover: what a name stands for (a value's enum and doc comment, a set's
//! members, an input's enum), the values a cell covers, and a row's
//! `source` citation.

use super::index::Symbol;
use super::snapshot::Snapshot;
use crate::model::{Decision, Model};
use crate::source::{FileId, Span};
use crate::syntax::ast;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

pub(crate) fn hover(snapshot: &Snapshot, file: FileId, offset: usize) -> Option<Hover> {
    let model = snapshot.compiled.model.as_ref()?;
    let occurrence = snapshot.index.at(file, offset);
    let mut parts: Vec<String> = Vec::new();
    let mut span: Option<Span> = None;
    if let Some(text) = occurrence.and_then(|o| describe(model, &o.symbol)) {
        parts.push(text);
        span = occurrence.map(|o| o.span);
    }
    if let Some(place) = snapshot
        .syntax(file)
        .and_then(|syntax| row_at(syntax, offset as u32))
    {
        let RowPlace {
            decision,
            table,
            row,
            number,
        } = place;
        let cell = row
            .inputs
            .iter()
            .zip(&table.input_columns)
            .find(|(cell, _)| contains(cell.span(), offset as u32));
        match cell {
            Some((cell, column)) if !is_one_value(cell) => {
                if let Some(text) = covered(model, decision, column, cell) {
                    parts.push(text);
                    span = span.or(Some(cell.span()));
                }
            }
            Some(_) => {}
            None if occurrence.is_none() => {
                parts.push(citation(table, row, number));
                span = Some(row.span);
            }
            None => {}
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: span.map(|s| snapshot.range(s)),
    })
}

/// A few lines of Markdown about a symbol.
pub(crate) fn describe(model: &Model, symbol: &Symbol) -> Option<String> {
    let docs = |docs: &[String]| {
        if docs.is_empty() {
            String::new()
        } else {
            format!("\n\n{}", docs.join("\n"))
        }
    };
    Some(match symbol {
        Symbol::Enum(name) => {
            let e = &model.enums[model.enum_named(name)?];
            format!(
                "enum `{name}`: {}{}",
                listing(e.values.iter().map(|v| v.name.as_str())),
                docs(&e.docs)
            )
        }
        Symbol::Value { enum_name, value } => {
            let e = &model.enums[model.enum_named(enum_name)?];
            let v = e.values.iter().find(|v| &v.name == value)?;
            let aliases = if v.aliases.is_empty() {
                String::new()
            } else {
                format!(" (alias {})", listing(v.aliases.iter().map(String::as_str)))
            };
            format!(
                "`{value}`{aliases}: a value of enum `{enum_name}`{}",
                docs(&v.docs)
            )
        }
        Symbol::Set(name) => {
            let set = model.sets.iter().find(|s| &s.name == name)?;
            let e = &model.enums[set.enum_id];
            format!(
                "set `{name}` of `{}` = {}{}",
                e.name,
                listing(
                    set.values
                        .iter()
                        .map(|&v| e.values[v as usize].name.as_str())
                ),
                docs(&set.docs)
            )
        }
        Symbol::Decision(name) => {
            let d = model.decision_named(name)?;
            format!("{}{}", signature(model, d), docs(&d.docs))
        }
        Symbol::Input { decision, input } => {
            let d = model.decision_named(decision)?;
            let column = d.inputs.iter().find(|c| &c.name == input)?;
            column_text(model, "input", &d.name, &column.name, column.enum_id)
        }
        Symbol::Output { decision, output } => {
            let d = model.decision_named(decision)?;
            let column = d.outputs.iter().find(|c| &c.name == output)?;
            column_text(model, "output", &d.name, &column.name, column.enum_id)
        }
    })
}

fn column_text(model: &Model, what: &str, decision: &str, name: &str, enum_id: usize) -> String {
    let e = &model.enums[enum_id];
    format!(
        "{what} `{name}` of `{decision}`: enum `{}` = {}",
        e.name,
        listing(e.values.iter().map(|v| v.name.as_str()))
    )
}

/// `decision route(a: A, b: B) -> (c: C)` as a code block.
pub(crate) fn signature(model: &Model, d: &Decision) -> String {
    let params = |columns: &[crate::model::Column]| {
        columns
            .iter()
            .map(|c| format!("{}: {}", c.name, model.enums[c.enum_id].name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "```coex\ndecision {}({}) -> ({})\n```",
        d.name,
        params(&d.inputs),
        params(&d.outputs)
    )
}

fn listing<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn contains(span: Span, offset: u32) -> bool {
    span.start <= offset && offset <= span.end
}

fn is_one_value(cell: &ast::Pattern) -> bool {
    matches!(cell, ast::Pattern::Names(names, _) if names.len() == 1)
}

/// The values a cell allows, as the compiler resolved them.
fn covered(
    model: &Model,
    decision: &ast::Decision,
    column: &ast::Ident,
    cell: &ast::Pattern,
) -> Option<String> {
    let d = model.decision_named(&decision.name.name)?;
    let input = d.inputs.iter().position(|c| c.name == column.name)?;
    let row = d
        .rows
        .iter()
        .find(|r| r.cell_spans[input] == Some(cell.span()))?;
    let e = &model.enums[d.inputs[input].enum_id];
    let values = &row.cells[input];
    Some(format!(
        "this cell of `{}` covers {} of the {} values of `{}`: {}",
        column.name,
        values.len(),
        e.values.len(),
        e.name,
        listing(values.iter().map(|&v| e.values[v as usize].name.as_str()))
    ))
}

fn citation(table: &ast::Table, row: &ast::Row, number: usize) -> String {
    let mut text = format!("row {number} of table \"{}\"", table.title.value);
    match (&row.source, &table.source) {
        (Some(source), _) => text.push_str(&format!("\n\nsource: {}", source.value)),
        (None, Some(source)) => text.push_str(&format!(
            "\n\nno source of its own; the table's: {}",
            source.value
        )),
        (None, None) => text.push_str("\n\nno `source` cited"),
    }
    text
}

struct RowPlace<'a> {
    decision: &'a ast::Decision,
    table: &'a ast::Table,
    row: &'a ast::Row,
    /// 1-based, within its table.
    number: usize,
}

fn row_at(file: &ast::File, offset: u32) -> Option<RowPlace<'_>> {
    file.items.iter().find_map(|item| {
        let ast::Item::Decision(decision) = item else {
            return None;
        };
        decision.items.iter().find_map(|inner| {
            let ast::DecisionItem::Table(table) = inner else {
                return None;
            };
            table
                .rows
                .iter()
                .enumerate()
                .find(|(_, row)| contains(row.span, offset))
                .map(|(i, row)| RowPlace {
                    decision,
                    table,
                    row,
                    number: i + 1,
                })
        })
    })
}
