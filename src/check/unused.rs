//! Warnings for enums, values and sets nothing uses.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Mentions, Model};

pub(crate) fn unused(model: &Model, mentions: &Mentions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (enum_id, e) in model.enums.iter().enumerate() {
        let as_input = model
            .decisions
            .iter()
            .any(|d| d.inputs.iter().any(|c| c.enum_id == enum_id));
        let as_output = model
            .decisions
            .iter()
            .any(|d| d.outputs.iter().any(|c| c.enum_id == enum_id));
        let in_set = model.sets.iter().any(|s| s.enum_id == enum_id);
        if !as_input && !as_output {
            if !in_set {
                out.push(
                    Diagnostic::new(Code::UnusedEnum, format!("enum `{}` is never used", e.name))
                        .primary(e.span, "no decision has an input or output of this enum")
                        .help("remove it, or use it as the type of an input or output"),
                );
            }
            continue;
        }
        for (value_id, value) in e.values.iter().enumerate() {
            let produced = model.decisions.iter().any(|d| {
                d.outputs
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.enum_id == enum_id)
                    .any(|(o, _)| d.rows.iter().any(|r| r.outputs[o] as usize == value_id))
            });
            let named = mentions
                .values
                .get(enum_id)
                .and_then(|v| v.get(value_id))
                .copied()
                .unwrap_or(false);
            // Every value of an input enum is decided (completeness sees to
            // that), even when rows reach it only through `*` or `!`; so only
            // output values can be unused: produced by no row, named nowhere.
            let used = !as_output || produced || named;
            if !used {
                let what = if as_output && !as_input {
                    "no row gives this value"
                } else {
                    "no row, set, constraint or example names this value"
                };
                out.push(
                    Diagnostic::new(
                        Code::UnusedValue,
                        format!("value `{}` of `{}` is never used", value.name, e.name),
                    )
                    .primary(value.span, what)
                    .help("remove the value if it cannot occur, or add the rows that decide it explicitly"),
                );
            }
        }
    }
    for (set_id, set) in model.sets.iter().enumerate() {
        if !mentions.sets.get(set_id).copied().unwrap_or(false) {
            out.push(
                Diagnostic::new(Code::UnusedSet, format!("set `{}` is never used", set.name))
                    .primary(set.span, "no cell, condition or set names it")
                    .help("remove it, or use it in a cell"),
            );
        }
    }
    out
}
