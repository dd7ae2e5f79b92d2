//! Completion of the values a column allows: in a table cell (and the sets
//! of its enum, in an input cell) and in an `expect`.
//!
//! The place is read from the text as it is being typed (a half-written
//! row may not parse), the names from the last model of the rule set.

use crate::model::{Column, Model};
use lsp_types::{CompletionItem, CompletionItemKind, Documentation};

pub(crate) fn complete(model: &Model, text: &str, offset: usize) -> Vec<CompletionItem> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let slot = if prefix.trim_start().starts_with('|') {
        cell(model, text, line_start, prefix)
    } else {
        argument(model, prefix)
    };
    match slot {
        Some(Slot { column, sets }) => items(model, column, sets),
        None => Vec::new(),
    }
}

/// The column being typed, and whether a set name fits there.
struct Slot<'a> {
    column: &'a Column,
    sets: bool,
}

fn cell<'a>(model: &'a Model, text: &str, line_start: usize, prefix: &str) -> Option<Slot<'a>> {
    let (inputs, outputs) = header(text, line_start)?;
    let decision = model.decision_named(enclosing_decision(&text[..line_start])?)?;
    match prefix.find("||") {
        Some(at) => {
            let name = outputs.get(prefix[at + 2..].matches('|').count())?;
            let column = decision.outputs.iter().find(|c| &c.name == name)?;
            Some(Slot {
                column,
                sets: false,
            })
        }
        None => {
            let name = inputs.get(prefix.matches('|').count().checked_sub(1)?)?;
            let column = decision.inputs.iter().find(|c| &c.name == name)?;
            Some(Slot { column, sets: true })
        }
    }
}

/// The column names of the table whose rows end just above `line_start`:
/// the first of the `|` lines above it.
fn header(text: &str, line_start: usize) -> Option<(Vec<String>, Vec<String>)> {
    let mut header = None;
    for line in text[..line_start].lines().rev() {
        let line = line.trim();
        if line.starts_with('|') {
            header = Some(line);
        } else if !(line.is_empty() || line.starts_with("//")) {
            break;
        }
    }
    let (inputs, outputs) = header?.split_once("||")?;
    let names = |cells: &str| {
        cells
            .split('|')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
    };
    Some((names(inputs), names(outputs)))
}

/// The name of the last `decision` declared before the end of `before`.
fn enclosing_decision(before: &str) -> Option<&str> {
    before.lines().rev().find_map(|line| {
        let rest = line.trim_start().strip_prefix("decision")?;
        let rest = rest.trim_start();
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (end > 0).then(|| &rest[..end])
    })
}

/// An argument of `expect decision(...) == (...)` on the current line.
fn argument<'a>(model: &'a Model, prefix: &str) -> Option<Slot<'a>> {
    let at = prefix.rfind("expect ")?;
    let call = &prefix[at + "expect ".len()..];
    let (name, args) = call.split_once('(')?;
    let decision = model.decision_named(name.trim())?;
    let (columns, args) = match args.split_once("==") {
        Some((_, outcome)) => {
            let outcome = outcome.trim_start();
            (
                &decision.outputs,
                outcome.strip_prefix('(').unwrap_or(outcome),
            )
        }
        None => (&decision.inputs, args),
    };
    if args.contains(')') {
        return None;
    }
    let current = args.rsplit(',').next().unwrap_or(args);
    let column = match current.split_once(':') {
        Some((name, _)) => columns.iter().find(|c| c.name == name.trim())?,
        None => columns.get(args.matches(',').count())?,
    };
    Some(Slot {
        column,
        sets: false,
    })
}

fn items(model: &Model, column: &Column, sets: bool) -> Vec<CompletionItem> {
    let e = &model.enums[column.enum_id];
    let mut items: Vec<CompletionItem> = e
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| CompletionItem {
            label: v.name.clone(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(format!("{} of `{}`", e.name, column.name)),
            documentation: (!v.docs.is_empty()).then(|| Documentation::String(v.docs.join("\n"))),
            sort_text: Some(format!("0{i:04}")),
            ..CompletionItem::default()
        })
        .collect();
    if sets {
        items.extend(
            model
                .sets
                .iter()
                .filter(|s| s.enum_id == column.enum_id)
                .map(|s| CompletionItem {
                    label: s.name.clone(),
                    kind: Some(CompletionItemKind::CONSTANT),
                    detail: Some(format!(
                        "set of {}: {}",
                        e.name,
                        s.values
                            .iter()
                            .map(|&v| e.values[v as usize].name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                    documentation: (!s.docs.is_empty())
                        .then(|| Documentation::String(s.docs.join("\n"))),
                    sort_text: Some(format!("1{}", s.name)),
                    ..CompletionItem::default()
                }),
        );
    }
    items
}
