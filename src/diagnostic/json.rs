//! The JSON that `coex check --format json` prints: a [`Report`] of every
//! diagnostic, each with its places, notes, help, the rendered text and
//! its facts as fields ([`super::Data`]). `docs/schema/check.json` is its
//! schema.

use super::{render, Data, Diagnostic, RowRef, Severity};
use crate::source::{Location, Sources, Span};
use serde::Serialize;

/// The version of the JSON formats; it changes when a field is removed or
/// changes meaning (added fields keep it).
pub const VERSION: u32 = 1;

/// `coex check --format json`.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The version of this format (see `docs/schema/`).
    version: u32,
    /// The rule files checked, as named in the diagnostics.
    files: Vec<String>,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic>,
}

impl Report {
    /// The report of one check: the rule set's files and its diagnostics.
    pub fn new(sources: &Sources, diagnostics: &[Diagnostic]) -> Report {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Report {
            version: VERSION,
            files: sources.iter().map(|(_, f)| f.name.clone()).collect(),
            errors,
            warnings: diagnostics.len() - errors,
            diagnostics: diagnostics.iter().map(|d| d.to_json(sources)).collect(),
        }
    }
}

// One diagnostic as `coex check --format json` prints it. (`//`: a doc
// comment would be its description in `coex schema check`'s output.)
#[allow(missing_docs)]
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JsonDiagnostic {
    /// The stable code, such as `E0010`.
    code: &'static str,
    /// The code's name, such as `conflict`.
    name: &'static str,
    severity: Severity,
    message: String,
    labels: Vec<JsonLabel>,
    notes: Vec<String>,
    help: Option<String>,
    /// The diagnostic as `coex check` prints it, without colours.
    rendered: String,
    /// The facts as fields, for the codes that have them; else `null`.
    data: Option<Data<JsonRow>>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct JsonLabel {
    #[serde(flatten)]
    span: JsonSpan,
    message: String,
    primary: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct JsonSpan {
    file: String,
    /// Where the span starts: 1-based line and column (in characters).
    start: Location,
    /// Where it ends (the position after its last character).
    end: Location,
    byte_start: u32,
    byte_end: u32,
}

/// A row of a decision: its file and line, its table's title and its
/// 1-based position in that table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct JsonRow {
    file: String,
    line: usize,
    table: String,
    row: u32,
}

impl JsonSpan {
    fn new(sources: &Sources, span: Span) -> JsonSpan {
        let start = sources.location(span);
        let end = sources.location(Span {
            start: span.end,
            ..span
        });
        JsonSpan {
            file: start.file.clone(),
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

impl Diagnostic {
    /// The JSON form printed by `coex check --format json`.
    pub fn to_json(&self, sources: &Sources) -> JsonDiagnostic {
        let row = |r: &RowRef| {
            let at = sources.location(r.span);
            JsonRow {
                file: at.file,
                line: at.line,
                table: r.table.clone(),
                row: r.row,
            }
        };
        JsonDiagnostic {
            code: self.code.as_str(),
            name: self.code.name(),
            severity: self.severity(),
            message: self.message.clone(),
            labels: self
                .labels
                .iter()
                .map(|l| JsonLabel {
                    span: JsonSpan::new(sources, l.span),
                    message: l.message.clone(),
                    primary: l.primary,
                })
                .collect(),
            notes: self.notes.clone(),
            help: self.help.clone(),
            rendered: render(sources, std::slice::from_ref(self), false),
            data: self.data.as_ref().map(|d| d.map_rows(row)),
        }
    }
}
