//! Diagnostics as plain data: a code, a message, labelled spans and notes.
//!
//! Every stage reports problems as [`Diagnostic`] values; nothing here does
//! I/O. [`render`] turns them into rustc-style text (codespan-reporting),
//! [`json`] into the JSON that `coex check --format json` prints, [`sarif`]
//! and [`github`] into what CI reads. [`codes`] is the registry of codes.
//!
//! Message style (after Cedar's style guide): lowercase, no trailing period,
//! user names in backticks, further explanation in a `help:` note.

mod codes;
mod data;
pub mod github;
pub mod json;
pub mod sarif;

pub use codes::{Code, CodeInfo};
pub use data::Pairs;
pub(crate) use data::{Data, RowRef};

use crate::source::{Sources, Span};
use crate::text::plural;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use serde::Serialize;

// How bad a diagnostic is; each code has one. (`//`, here and on the
// variants: doc comments would change the schema `coex schema check`
// prints, the variants' turning its plain `enum` into a `oneOf`.)
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    // The rule set is wrong: `coex check` fails and no tables are built.
    Error,
    // The rule set answers, but something in it is likely a mistake.
    Warning,
}

/// A span with a message. The primary label is the place the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub(crate) span: Span,
    /// What the label says about its span.
    pub message: String,
    pub(crate) primary: bool,
}

/// One problem found in a rule set: its code, a one-line message, the
/// places it points at and what would fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Which problem it is (the code fixes the severity).
    pub code: Code,
    /// The one-line headline, lowercase, user names in backticks.
    pub message: String,
    /// The places in the source it points at, each with a message.
    pub labels: Vec<Label>,
    /// Free-standing facts (`note: ...`), such as an example input.
    pub(crate) notes: Vec<String>,
    /// What would make it valid (`help: ...`).
    pub(crate) help: Option<String>,
    /// The facts of the diagnostic as fields, for tools; not rendered.
    /// (Boxed: most diagnostics have none, and results carry diagnostics.)
    pub(crate) data: Option<Box<Data>>,
}

impl Diagnostic {
    /// A diagnostic with a code and a message, and as yet no labels,
    /// notes or help.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            data: None,
        }
    }

    /// A diagnostic about a rule set as a whole, with no place in a file.
    pub(crate) fn global(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, message)
    }

    /// `E0017 limit-exceeded`: `what` (such as `the length of this line`)
    /// is `found` (`200000 bytes`), more than `limit` (`131072 bytes`), one
    /// of [`crate::limits`]. With a span, the label points at the place the
    /// limit was passed. Callers may replace the general help with their own.
    pub fn limit(
        what: &str,
        limit: impl std::fmt::Display,
        found: impl std::fmt::Display,
        span: Option<Span>,
    ) -> Diagnostic {
        let diagnostic = Diagnostic::new(
            Code::LimitExceeded,
            format!("{what} is {found}, more than the limit of {limit}"),
        )
        .help("coex's limits are listed in docs/RELIABILITY.md");
        match span {
            Some(span) => diagnostic.primary(span, format!("the limit is {limit}")),
            None => diagnostic,
        }
    }

    /// Adds the label at the place the problem is.
    pub fn primary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    pub(crate) fn secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    pub(crate) fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn with_data(mut self, data: Data) -> Diagnostic {
        self.data = Some(Box::new(data));
        self
    }

    /// Whether it is an error or a warning (its code's severity).
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether it is an error: one keeps `coex check` from passing.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The span of the primary label, if any.
    pub(crate) fn primary_span(&self) -> Option<Span> {
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

/// The errors that keep a rule set from answering: every error but a failing
/// `expect` (a maintainer looks at the answers before updating examples).
pub fn blocking(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != Code::FailingExpect)
        .cloned()
        .collect()
}

/// A one-line summary such as `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    format!(
        "{}, {}",
        plural(errors as u64, "error", "errors"),
        plural(warnings as u64, "warning", "warnings")
    )
}
