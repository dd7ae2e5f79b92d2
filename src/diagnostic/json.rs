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
    pub version: u32,
    /// The rule files checked, as named in the diagnostics.
    pub files: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

impl Report {
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

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JsonDiagnostic {
    /// The stable code, such as `E0010`.
    pub code: &'static str,
    /// The code's name, such as `conflict`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<JsonLabel>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// The diagnostic as `coex check` prints it, without colours.
    pub rendered: String,
    /// The facts as fields, for the codes that have them; else `null`.
    pub data: Option<Data<JsonRow>>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JsonLabel {
    #[serde(flatten)]
    pub span: JsonSpan,
    pub message: String,
    pub primary: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JsonSpan {
    pub file: String,
    /// Where the span starts: 1-based line and column (in characters).
    pub start: Location,
    /// Where it ends (the position after its last character).
    pub end: Location,
    pub byte_start: u32,
    pub byte_end: u32,
}

/// A row of a decision: its file and line, its table's title and its
/// 1-based position in that table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JsonRow {
    pub file: String,
    pub line: usize,
    pub table: String,
    pub row: u32,
}

impl JsonSpan {
    pub fn new(sources: &Sources, span: Span) -> JsonSpan {
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
