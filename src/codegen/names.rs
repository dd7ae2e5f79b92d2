//! The Rust names generated code gives the rule set's names: identifiers
//! (raw where a keyword needs it), output struct names, and the names of
//! the private statics, made unique.
//!
//! [`crate::check::rust_names`] refuses, before any code is written,
//! every rule-set name these functions could not turn into Rust.

use crate::model::{Decision, Model};
use std::collections::HashSet;

/// Rust keywords that cannot be identifiers even as raw identifiers.
pub(crate) const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust keywords, strict and reserved, that become raw identifiers.
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

/// The module generated code keeps its private statics in.
pub(crate) const PRIVATE_MODULE: &str = "__coex_tables";

/// Items generated code defines next to the rule set's own, in the value
/// namespace: no decision or input may take these names.
pub(crate) const GENERATED_VALUES: &[&str] = &["eval", "explain", "DECISION_NAMES"];

/// A rule-set name as a Rust identifier. Names in [`NOT_RAW`] never reach
/// here: the checker refuses them.
pub(crate) fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// `SfBWithTeamsCollab` → `SFB_WITH_TEAMS_COLLAB`, `route` → `ROUTE`.
fn screaming(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_ascii_uppercase()
            && (chars[i - 1].is_ascii_lowercase()
                || chars[i - 1].is_ascii_digit()
                || (chars[i - 1].is_ascii_uppercase()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase())));
        if boundary && !out.ends_with('_') {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// `outlook_addins` → `OutlookAddins`.
fn camel(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// The struct holding a decision's outputs: `route` → `RouteOutput`.
pub(crate) fn output_struct(decision: &str) -> String {
    format!("{}Output", camel(decision))
}

/// The function naming the deciding row: `route` → `route_rule`.
pub(crate) fn rule_fn(decision: &str) -> String {
    format!("{decision}_rule")
}

/// The prefixes of the private statics of every enum and decision:
/// `ENUM_MODE`, `DECISION_ROUTE`; a second name that would read the same
/// (`FooBar` and `Foo_Bar`) gets a number appended.
#[derive(Debug)]
pub(crate) struct StaticNames {
    /// Per enum of the model.
    pub(crate) enums: Vec<String>,
    /// Per decision of the model.
    pub(crate) decisions: Vec<String>,
}

impl StaticNames {
    /// Unique prefixes for a model's enums and decisions.
    pub(crate) fn new(model: &Model) -> StaticNames {
        let mut taken = HashSet::new();
        let mut unique = |kind: &str, name: &str, position: usize| {
            let base = format!("{kind}_{}", screaming(name));
            let mut name = base.clone();
            let mut suffix = position;
            while taken.contains(&name) {
                name = format!("{base}_{suffix}");
                suffix += 1;
            }
            taken.insert(name.clone());
            name
        };
        let enums = (model.enums.iter().enumerate())
            .map(|(i, e)| unique("ENUM", &e.name, i))
            .collect();
        let decisions = (model.decisions.iter().enumerate())
            .map(|(i, d)| unique("DECISION", &d.name, i))
            .collect();
        StaticNames { enums, decisions }
    }
}

/// Every Rust item name a decision adds next to the rule set's own:
/// its function, its `_rule` function and its output struct.
pub(crate) fn decision_items(decision: &Decision) -> [String; 3] {
    [
        decision.name.clone(),
        rule_fn(&decision.name),
        output_struct(&decision.name),
    ]
}
