//! Decisions too large to bake: `coex build` writes one table entry per
//! input, and a table past [`MAX_ENTRIES`] makes Rust source that rustc
//! cannot compile in reasonable time and memory. `coex check` refuses it
//! first, so that it and `coex build` agree on what is valid.

use crate::diagnostic::{Code, Diagnostic};
use crate::lookup::MAX_ENTRIES;
use crate::model::Model;

pub(crate) fn table_size(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for decision in &model.decisions {
        let volume = decision.volume(model);
        if volume <= MAX_ENTRIES {
            continue;
        }
        let sizes: Vec<String> = decision
            .inputs
            .iter()
            .map(|c| format!("{} ({})", c.name, model.enums[c.enum_id].values.len()))
            .collect();
        out.push(
            Diagnostic::new(
                Code::TableTooLarge,
                format!(
                    "decision `{}` has {volume} inputs, too many to bake into a table",
                    decision.name
                ),
            )
            .primary(decision.span, format!("{volume} entries; the limit is {}", limit()))
            .note(format!("inputs and their number of values: {}", sizes.join(" × ")))
            .help("split the decision into smaller ones, for example one per group of inputs that decide an output together"),
        );
    }
    out
}

/// The limit as a number, and as a power of two when it is one.
fn limit() -> String {
    if MAX_ENTRIES.is_power_of_two() {
        format!("{MAX_ENTRIES} (2^{})", MAX_ENTRIES.trailing_zeros())
    } else {
        MAX_ENTRIES.to_string()
    }
}
