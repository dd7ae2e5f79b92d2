//! Inlay hints naming the inputs and outputs of a positional `expect`:
//! `expect route(sender_mode: Islands, sender_client: Teams, ...)`, and the
//! outputs of an outcome when there are several.

use super::snapshot::Snapshot;
use crate::model::Column;
use crate::source::FileId;
use crate::syntax::ast;
use lsp_types::{InlayHint, InlayHintKind, InlayHintLabel};
use std::ops::Range;

pub(crate) fn inlay_hints(
    snapshot: &Snapshot,
    file: FileId,
    within: Range<usize>,
) -> Vec<InlayHint> {
    let (Some(model), Some(syntax)) = (snapshot.compiled.model.as_ref(), snapshot.syntax(file))
    else {
        return Vec::new();
    };
    let expects = syntax.items.iter().flat_map(|item| match item {
        ast::Item::Expect(e) => vec![e],
        ast::Item::Decision(d) => d
            .items
            .iter()
            .filter_map(|inner| match inner {
                ast::DecisionItem::Expect(e) => Some(e),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    });
    let mut hints = Vec::new();
    for e in expects {
        let span = e.span.range();
        if span.end < within.start || span.start > within.end {
            continue;
        }
        let Some(decision) = model.decision_named(&e.decision.name) else {
            continue;
        };
        let mut name = |args: &[ast::Arg], columns: &[Column]| {
            // Only a positional list of the right length is unambiguous.
            if args.len() != columns.len() || args.iter().any(|a| a.name.is_some()) {
                return;
            }
            for (arg, column) in args.iter().zip(columns) {
                hints.push(InlayHint {
                    position: snapshot.position(file, arg.span.start as usize),
                    label: InlayHintLabel::String(format!("{}:", column.name)),
                    kind: Some(InlayHintKind::PARAMETER),
                    text_edits: None,
                    tooltip: None,
                    padding_left: None,
                    padding_right: Some(true),
                    data: None,
                });
            }
        };
        name(&e.inputs, &decision.inputs);
        // One output needs no name: `== Teams` reads well as it is.
        if let ast::Expected::Outputs(args, _) = &e.outcome {
            if decision.outputs.len() > 1 {
                name(args, &decision.outputs);
            }
        }
    }
    hints
}
