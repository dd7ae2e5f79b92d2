//! coex diagnostics as LSP diagnostics: the primary label is the range, the
//! code is the stable `E0xxx`/`W0xxx`, notes and help follow the message,
//! and the other labels (the other row of a conflict, the first definition
//! of a duplicate) are related information.

use super::snapshot::Snapshot;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source::{FileId, Span};
use lsp_types as lsp;

/// The diagnostics of every file of a snapshot's rule set, one list per
/// file (empty for a file with none, which clears what was shown).
pub(crate) fn by_file(snapshot: &Snapshot) -> Vec<(FileId, Vec<lsp::Diagnostic>)> {
    let files = snapshot.rule_set.sources.len();
    let mut out: Vec<(FileId, Vec<lsp::Diagnostic>)> =
        (0..files).map(|i| (FileId(i as u32), Vec::new())).collect();
    for diagnostic in &snapshot.compiled.diagnostics {
        // A diagnostic about the rule set as a whole goes on its first file.
        let span = diagnostic
            .primary_span()
            .unwrap_or_else(|| Span::new(FileId(0), 0, 0));
        if let Some((_, list)) = out.get_mut(span.file.0 as usize) {
            list.push(convert(snapshot, diagnostic, span));
        }
    }
    out
}

/// One diagnostic, placed at `span`.
pub(crate) fn convert(snapshot: &Snapshot, diagnostic: &Diagnostic, span: Span) -> lsp::Diagnostic {
    let mut message = diagnostic.message.clone();
    for note in &diagnostic.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let secondary: Vec<lsp::DiagnosticRelatedInformation> = diagnostic
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: snapshot.location(l.span),
            message: l.message.clone(),
        })
        .collect();
    // With other places to show, the primary label's own words go first
    // among them (`this row decides ...` beside `this row decides ...`).
    let related = if secondary.is_empty() {
        None
    } else {
        let primary = diagnostic.labels.iter().find(|l| l.primary).map(|l| {
            lsp::DiagnosticRelatedInformation {
                location: snapshot.location(l.span),
                message: l.message.clone(),
            }
        });
        Some(primary.into_iter().chain(secondary).collect())
    };
    let unnecessary = matches!(
        diagnostic.code,
        Code::UnreachableRow | Code::UnusedEnum | Code::UnusedValue | Code::UnusedSet
    );
    lsp::Diagnostic {
        range: snapshot.range(span),
        severity: Some(match diagnostic.severity() {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(
            diagnostic.code.as_str().to_string(),
        )),
        code_description: None,
        source: Some("coex".to_string()),
        message,
        related_information: related,
        tags: unnecessary.then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}
