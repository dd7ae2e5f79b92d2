//! GitHub Actions workflow commands, as printed by `coex check --format
//! github`: one `::error` or `::warning` line per diagnostic, which GitHub
//! shows on the line of the pull request's diff.

use super::{Diagnostic, Severity};
use crate::source::{Sources, Span};

/// One workflow command per diagnostic, each ending in a line break.
pub fn commands(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| command(sources, d) + "\n")
        .collect()
}

/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=E0010 conflict::message`.
pub fn command(sources: &Sources, diagnostic: &Diagnostic) -> String {
    let kind = match diagnostic.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some(span) = diagnostic.primary_span() {
        let start = sources.location(span);
        let end = sources.location(Span {
            start: span.end,
            ..span
        });
        properties.push(format!("file={}", escape_property(&start.file)));
        properties.push(format!("line={}", start.line));
        properties.push(format!("col={}", start.column));
        properties.push(format!("endLine={}", end.line));
        properties.push(format!("endColumn={}", end.column));
    }
    properties.push(format!(
        "title={}",
        escape_property(&format!(
            "{} {}",
            diagnostic.code.as_str(),
            diagnostic.code.name()
        ))
    ));
    let mut message = diagnostic.message.clone();
    for label in &diagnostic.labels {
        if !label.message.is_empty() {
            let at = sources.location(label.span);
            message.push_str(&format!("\n{}:{}: {}", at.file, at.line, label.message));
        }
    }
    for note in &diagnostic.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!(
        "::{kind} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// A message: `%`, `\r` and `\n` percent-encoded, as GitHub's toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
