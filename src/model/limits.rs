//! The structural limits of [`crate::limits`], checked on a resolved model:
//! one `E0017 limit-exceeded` error per decision or enum over a limit,
//! pointing at the first item past it. (Set depth is checked where sets are
//! resolved.)

use super::Model;
use crate::diagnostic::{Code, Diagnostic};
use crate::limits::{MAX_INPUTS, MAX_ROWS, MAX_SET_DEPTH, MAX_VALUES};
use crate::source::Span;
use crate::text::plural;

pub fn exceeded(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &model.enums {
        if let Some(value) = e.values.get(MAX_VALUES) {
            out.push(limit(
                format!(
                    "enum `{}` has {}",
                    e.name,
                    plural(e.values.len() as u64, "value", "values")
                ),
                value.span,
                "values of one enum",
                MAX_VALUES,
                "split the enum, or group values that are always decided alike into one",
            ));
        }
    }
    for d in &model.decisions {
        if let Some(input) = d.inputs.get(MAX_INPUTS) {
            out.push(limit(
                format!(
                    "decision `{}` has {}",
                    d.name,
                    plural(d.inputs.len() as u64, "input", "inputs")
                ),
                input.span,
                "inputs of one decision",
                MAX_INPUTS,
                "split the decision into decisions on fewer inputs",
            ));
        }
        if let Some(row) = d.rows.get(MAX_ROWS) {
            out.push(limit(
                format!(
                    "decision `{}` has {}",
                    d.name,
                    plural(d.rows.len() as u64, "row", "rows")
                ),
                row.span,
                "rows of one decision",
                MAX_ROWS,
                "merge rows with sets, lists or `*`, or split the decision",
            ));
        }
    }
    out
}

/// A set nested deeper than [`MAX_SET_DEPTH`].
pub fn set_too_deep(name: &str, span: Span) -> Diagnostic {
    limit(
        format!("set `{name}` is built from sets nested more than {MAX_SET_DEPTH} deep"),
        span,
        "levels of sets built from sets",
        MAX_SET_DEPTH,
        "list the values of a deep set directly",
    )
}

fn limit(message: String, span: Span, what: &str, max: usize, help: &str) -> Diagnostic {
    Diagnostic::new(Code::LimitExceeded, message)
        .primary(span, format!("past the limit of {max} {what}"))
        .note(format!("coex accepts at most {max} {what}"))
        .help(help.to_string())
}
