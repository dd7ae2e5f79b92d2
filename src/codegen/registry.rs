//! The rule set as a whole: `DECISION_NAMES`, the string-keyed `eval` and
//! `explain`, and the registry of decisions they look names up in.

use super::names::{StaticNames, PRIVATE_MODULE};
use super::{index_type, name_map, RUNTIME};
use crate::lookup::LookupTables;
use crate::model::Model;
use std::fmt::{self, Write};

/// The public items: the names of the decisions, `eval` and `explain`.
pub(crate) fn functions(out: &mut String) -> fmt::Result {
    writeln!(
        out,
        "\n/// The names of every decision, in rule-set order.\npub const DECISION_NAMES: &[&::core::primitive::str] = &{PRIVATE_MODULE}::DECISION_NAMES;"
    )?;
    writeln!(
        out,
        "\n/// Answer a decision by name, with inputs as `(name, value)` pairs in any\n/// order. Names and values are matched ignoring ASCII case; aliases work.\n/// Returns the outputs as `(name, value)` pairs, without allocating."
    )?;
    writeln!(
        out,
        "pub fn eval<'a>(\n    decision: &'a ::core::primitive::str,\n    inputs: &[(&'a ::core::primitive::str, &'a ::core::primitive::str)],\n) -> ::core::result::Result<&'static [(&'static ::core::primitive::str, &'static ::core::primitive::str)], {RUNTIME}::EvalError<'a>> {{\n    {RUNTIME}::__private::eval(&{PRIVATE_MODULE}::RULE_SET, decision, inputs)\n}}"
    )?;
    writeln!(
        out,
        "\n/// Like [`eval`], and also name the row that decided."
    )?;
    writeln!(
        out,
        "pub fn explain<'a>(\n    decision: &'a ::core::primitive::str,\n    inputs: &[(&'a ::core::primitive::str, &'a ::core::primitive::str)],\n) -> ::core::result::Result<{RUNTIME}::Explanation, {RUNTIME}::EvalError<'a>> {{\n    {RUNTIME}::__private::explain(&{PRIVATE_MODULE}::RULE_SET, decision, inputs)\n}}"
    )
}

/// The registry: every decision's tables, and every spelling of its name.
pub(crate) fn statics(
    out: &mut String,
    model: &Model,
    tables: &LookupTables,
    statics: &StaticNames,
) -> fmt::Result {
    let names: Vec<String> = tables
        .decisions
        .iter()
        .map(|t| format!("{:?}", model.decisions[t.decision].name))
        .collect();
    writeln!(
        out,
        "\n    pub(super) static DECISION_NAMES: [&::core::primitive::str; {}] = [{}];",
        names.len(),
        names.join(", ")
    )?;
    writeln!(
        out,
        "    pub(super) static DECISION_INDEX: {RUNTIME}::__private::NameMap = {};",
        name_map(
            tables
                .decisions
                .iter()
                .enumerate()
                .map(|(i, t)| (model.decisions[t.decision].name.as_str(), i))
        )
    )?;
    writeln!(
        out,
        "    pub(super) static DECISIONS: [{RUNTIME}::__private::DecisionInfo; {}] = [",
        tables.decisions.len()
    )?;
    for table in &tables.decisions {
        let decision = &model.decisions[table.decision];
        let prefix = &statics.decisions[table.decision];
        let (_, entry_variant) = index_type(table.outcomes.len() + table.constraints.len());
        let (_, rule_variant) = index_type(table.rows.len());
        writeln!(
            out,
            "        {RUNTIME}::__private::DecisionInfo {{\n            name: {:?},\n            input_index: &{prefix}_INPUT_INDEX,\n            inputs: &{prefix}_INPUTS,\n            input_names: &{prefix}_INPUT_NAMES,\n            entries: {RUNTIME}::__private::Entries::{entry_variant}(&{prefix}_ENTRIES),\n            pairs: &{prefix}_PAIRS,\n            constraints: &{prefix}_CONSTRAINTS,\n            rule_of: {RUNTIME}::__private::Entries::{rule_variant}(&{prefix}_RULE_OF),\n            rules: &{prefix}_RULES,\n        }},",
            decision.name
        )?;
    }
    writeln!(out, "    ];")?;
    writeln!(
        out,
        "    pub(super) static RULE_SET: {RUNTIME}::__private::RuleSet = {RUNTIME}::__private::RuleSet {{\n        decision_index: &DECISION_INDEX,\n        decisions: &DECISIONS,\n        decision_names: &DECISION_NAMES,\n    }};"
    )
}
