//! Diagnostics as plain data: a code, a message, labelled spans and notes.
//!
//! Every stage reports problems as [`Diagnostic`] values; nothing here does
//! I/O. [`render`] turns them into rustc-style text (codespan-reporting),
//! [`Diagnostic::to_json`] into the JSON that `coex check --format json` prints.
//!
//! Message style (after Cedar's style guide): lowercase, no trailing period,
//! user names in backticks, further explanation in a `help:` note.

use crate::source::{Location, Sources, Span};
use crate::text::plural;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use serde::Serialize;

/// Stable diagnostic codes. The numbers never change meaning; new checks
/// get new numbers. `docs/DIAGNOSTICS.md` explains each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    /// The text does not follow the grammar.
    Syntax,
    /// A name that is not defined anywhere in the rule set.
    UnknownName,
    /// A name defined twice.
    Duplicate,
    /// A value of another enum than the column's.
    WrongEnum,
    /// A table row with more or fewer cells than its header.
    CellCount,
    /// A table header that does not name the decision's inputs and outputs.
    BadHeader,
    /// A set whose definition refers to itself.
    CyclicSet,
    /// A cell or condition that matches no value at all.
    EmptyPattern,
    /// Inputs that no row decides.
    Gap,
    /// Two rows that decide one input differently.
    Conflict,
    /// An `expect` whose answer differs from the rules'.
    FailingExpect,
    /// An `expect` with the wrong number of inputs or outputs.
    BadExpect,
    /// A decision whose baked table would be too large.
    TableTooLarge,
    /// A rule set with no `.coex` files.
    EmptyRuleSet,
    /// A row that an earlier row of its ordered table always wins over.
    UnreachableRow,
    /// A row that matches only inputs an `impossible` constraint excludes.
    OnlyImpossible,
    /// Two rows of unordered tables that both match an input and agree.
    Overlap,
    /// An enum no decision uses.
    UnusedEnum,
    /// An enum value that no row, set or example mentions and no row produces.
    UnusedValue,
    /// A set that no cell or condition mentions.
    UnusedSet,
    /// A table row that no `expect` example exercises.
    UnexemplifiedRow,
}

impl Code {
    pub const ALL: [Code; 21] = [
        Code::Syntax,
        Code::UnknownName,
        Code::Duplicate,
        Code::WrongEnum,
        Code::CellCount,
        Code::BadHeader,
        Code::CyclicSet,
        Code::EmptyPattern,
        Code::Gap,
        Code::Conflict,
        Code::FailingExpect,
        Code::BadExpect,
        Code::TableTooLarge,
        Code::EmptyRuleSet,
        Code::UnreachableRow,
        Code::OnlyImpossible,
        Code::Overlap,
        Code::UnusedEnum,
        Code::UnusedValue,
        Code::UnusedSet,
        Code::UnexemplifiedRow,
    ];

    /// The stable code, `E0xxx` for errors and `W0xxx` for warnings.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "E0001",
            Code::UnknownName => "E0002",
            Code::Duplicate => "E0003",
            Code::WrongEnum => "E0004",
            Code::CellCount => "E0005",
            Code::BadHeader => "E0006",
            Code::CyclicSet => "E0007",
            Code::EmptyPattern => "E0008",
            Code::Gap => "E0009",
            Code::Conflict => "E0010",
            Code::FailingExpect => "E0011",
            Code::BadExpect => "E0012",
            Code::TableTooLarge => "E0013",
            Code::EmptyRuleSet => "E0014",
            Code::UnreachableRow => "W0001",
            Code::OnlyImpossible => "W0002",
            Code::Overlap => "W0003",
            Code::UnusedEnum => "W0004",
            Code::UnusedValue => "W0005",
            Code::UnusedSet => "W0006",
            Code::UnexemplifiedRow => "W0007",
        }
    }

    /// A short kebab-case name, for people and for `--format json`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownName => "unknown-name",
            Code::Duplicate => "duplicate",
            Code::WrongEnum => "wrong-enum",
            Code::CellCount => "cell-count",
            Code::BadHeader => "bad-header",
            Code::CyclicSet => "cyclic-set",
            Code::EmptyPattern => "empty-pattern",
            Code::Gap => "gap",
            Code::Conflict => "conflict",
            Code::FailingExpect => "failing-expect",
            Code::BadExpect => "bad-expect",
            Code::TableTooLarge => "table-too-large",
            Code::EmptyRuleSet => "empty-rule-set",
            Code::UnreachableRow => "unreachable-row",
            Code::OnlyImpossible => "only-impossible",
            Code::Overlap => "overlap",
            Code::UnusedEnum => "unused-enum",
            Code::UnusedValue => "unused-value",
            Code::UnusedSet => "unused-set",
            Code::UnexemplifiedRow => "unexemplified-row",
        }
    }

    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A span with a message. The primary label is the place the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
    pub primary: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    pub labels: Vec<Label>,
    /// Free-standing facts (`note: ...`), such as an example input.
    pub notes: Vec<String>,
    /// What would make it valid (`help: ...`).
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// A diagnostic about a rule set as a whole, with no place in a file.
    pub fn global(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, message)
    }

    pub fn primary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The span of the primary label, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.iter().find(|l| l.primary).map(|l| l.span)
    }

    fn to_codespan(&self) -> cs::Diagnostic<crate::source::FileId> {
        let severity = match self.severity() {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let labels = self
            .labels
            .iter()
            .map(|l| {
                let style = if l.primary {
                    cs::LabelStyle::Primary
                } else {
                    cs::LabelStyle::Secondary
                };
                cs::Label::new(style, l.span.file, l.span.range()).with_message(&l.message)
            })
            .collect();
        let mut notes: Vec<String> = self.notes.iter().map(|n| format!("note: {n}")).collect();
        if let Some(help) = &self.help {
            notes.push(format!("help: {help}"));
        }
        cs::Diagnostic::new(severity)
            .with_code(format!("{}/{}", self.code.as_str(), self.code.name()))
            .with_message(&self.message)
            .with_labels(labels)
            .with_notes(notes)
    }

    /// The JSON form printed by `coex check --format json`.
    pub fn to_json(&self, sources: &Sources) -> JsonDiagnostic {
        let location = |span: Span| {
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
                    span: location(l.span),
                    message: l.message.clone(),
                    primary: l.primary,
                })
                .collect(),
            notes: self.notes.clone(),
            help: self.help.clone(),
            rendered: render(sources, std::slice::from_ref(self), false),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<JsonLabel>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub rendered: String,
}

#[derive(Debug, Serialize)]
pub struct JsonLabel {
    #[serde(flatten)]
    pub span: JsonSpan,
    pub message: String,
    pub primary: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonSpan {
    pub file: String,
    pub start: Location,
    pub end: Location,
    pub byte_start: u32,
    pub byte_end: u32,
}

/// Render diagnostics as rustc-style text, with ANSI colours when `colour`.
pub fn render(sources: &Sources, diagnostics: &[Diagnostic], colour: bool) -> String {
    let config = term::Config::default();
    let mut out = Vec::new();
    for diagnostic in diagnostics {
        let cs = diagnostic.to_codespan();
        let result = if colour {
            let mut writer = term::termcolor::Ansi::new(&mut out);
            term::emit_to_write_style(&mut writer, &config, sources, &cs)
        } else {
            term::emit_to_io_write(&mut out, &config, sources, &cs)
        };
        if result.is_err() {
            // A span outside its file is a bug in coex, never in the input;
            // still, show the message rather than lose it.
            out.extend_from_slice(
                format!(
                    "{}[{}]: {}\n",
                    match diagnostic.severity() {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    },
                    diagnostic.code.as_str(),
                    diagnostic.message
                )
                .as_bytes(),
            );
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A one-line summary such as `2 errors, 1 warning`.
/// The errors that keep a rule set from answering: every error but a failing
/// `expect` (a maintainer looks at the answers before updating examples).
pub fn blocking(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != Code::FailingExpect)
        .cloned()
        .collect()
}

pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    format!(
        "{}, {}",
        plural(errors as u64, "error", "errors"),
        plural(warnings as u64, "warning", "warnings")
    )
}
