//! Names the generated Rust cannot hold: `coex build` turns every enum,
//! value, decision, input and output into a Rust item, and `eval` looks
//! decisions and inputs up ignoring case. Whatever would make the generated
//! code fail to compile, or make a lookup ambiguous, is refused here first,
//! so that `coex check` and `coex build` agree on what is valid.
//!
//! - E0015 `reserved-name`: a Rust keyword that cannot be an identifier
//!   even raw (`self`, `Self`, `super`, `crate`, `_`), or a name the
//!   generated code defines itself (`eval`, `explain`, `DECISION_NAMES`,
//!   anything starting with `__coex`).
//! - E0016 `name-clash`: two names that become one Rust item, or that a
//!   lookup ignoring case cannot tell apart.

use crate::codegen::names::{decision_items, output_struct, rule_fn, GENERATED_VALUES, NOT_RAW};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::source::Span;
use std::collections::HashMap;

pub(crate) fn rust_names(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    reserved_names(model, &mut out);
    decision_clashes(model, &mut out);
    input_clashes(model, &mut out);
    out
}

/// Every name of the rule set, with what it names.
fn every_name(model: &Model) -> Vec<(&'static str, &str, Span)> {
    let mut names = Vec::new();
    for e in &model.enums {
        names.push(("enum", e.name.as_str(), e.span));
        for v in &e.values {
            names.push(("value", v.name.as_str(), v.span));
        }
    }
    for d in &model.decisions {
        names.push(("decision", d.name.as_str(), d.span));
        for c in &d.inputs {
            names.push(("input", c.name.as_str(), c.span));
        }
        for c in &d.outputs {
            names.push(("output", c.name.as_str(), c.span));
        }
    }
    names
}

fn reserved_names(model: &Model, out: &mut Vec<Diagnostic>) {
    for (what, name, span) in every_name(model) {
        let reason = if NOT_RAW.contains(&name) {
            Some(format!(
                "`{name}` is a Rust keyword that cannot be an identifier"
            ))
        } else if name.starts_with("__coex") {
            Some("names starting with `__coex` are reserved for the generated code".to_string())
        } else if matches!(what, "decision" | "input") && GENERATED_VALUES.contains(&name) {
            Some(format!(
                "the generated code defines `{name}` next to the decisions' functions"
            ))
        } else {
            None
        };
        if let Some(reason) = reason {
            out.push(
                Diagnostic::new(
                    Code::ReservedName,
                    format!("{what} `{name}` has a reserved name"),
                )
                .primary(span, "reserved")
                .note(reason)
                .help(format!("rename the {what}")),
            );
        }
    }
}

/// The Rust items decisions add (functions and output structs) must not
/// meet each other or an enum, and decision names must differ by more than
/// case, since `eval` ignores it.
fn decision_clashes(model: &Model, out: &mut Vec<Diagnostic>) {
    let mut items: HashMap<String, (Span, String)> = HashMap::new();
    for e in &model.enums {
        items.insert(e.name.clone(), (e.span, format!("enum `{}`", e.name)));
    }
    let mut folded: HashMap<String, (Span, &str)> = HashMap::new();
    for d in &model.decisions {
        if let Some(&(first, name)) = folded.get(&d.name.to_ascii_lowercase()) {
            out.push(clash(
                d.span,
                first,
                format!("decisions `{name}` and `{}` differ only in case", d.name),
                "decision names are looked up ignoring case",
            ));
        } else {
            folded.insert(d.name.to_ascii_lowercase(), (d.span, &d.name));
        }
        let [function, rule, output] = decision_items(d);
        let generated = [
            (function, format!("decision `{}`", d.name)),
            (
                rule,
                format!(
                    "the function `{}` of decision `{}`",
                    rule_fn(&d.name),
                    d.name
                ),
            ),
            (
                output,
                format!(
                    "the struct `{}` of decision `{}`",
                    output_struct(&d.name),
                    d.name
                ),
            ),
        ];
        for (item, what) in generated {
            if let Some((first, first_what)) = items.get(&item) {
                out.push(clash(
                    d.span,
                    *first,
                    format!("{what} and {first_what} would both be the Rust item `{item}`"),
                    "each decision becomes a function `NAME`, a function `NAME_rule` and a struct `NameOutput`",
                ));
            } else {
                items.insert(item, (d.span, what));
            }
        }
    }
}

/// Inputs are looked up ignoring case too.
fn input_clashes(model: &Model, out: &mut Vec<Diagnostic>) {
    for d in &model.decisions {
        let mut folded: HashMap<String, (Span, &str)> = HashMap::new();
        for c in &d.inputs {
            let key = c.name.to_ascii_lowercase();
            if let Some(&(first, name)) = folded.get(&key) {
                out.push(clash(
                    c.span,
                    first,
                    format!(
                        "inputs `{name}` and `{}` of `{}` differ only in case",
                        c.name, d.name
                    ),
                    "input names are looked up ignoring case",
                ));
            } else {
                folded.insert(key, (c.span, &c.name));
            }
        }
    }
}

fn clash(span: Span, first: Span, message: String, note: &str) -> Diagnostic {
    Diagnostic::new(Code::NameClash, message)
        .primary(span, "this name")
        .secondary(first, "clashes with this one")
        .note(note)
        .help("rename one of them")
}
