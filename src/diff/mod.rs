//! Two checked models → a semantic diff: which answers changed between two
//! rule sets, as few patterns of inputs, each with its old and new answer
//! and the rows that give them; and which decisions, inputs, outputs and
//! enum values were added or removed. Plain data ([`Diff`], serializable to
//! JSON); [`Diff::text`] and [`Diff::markdown`] print it. No I/O.
//!
//! # What is compared
//!
//! Everything is matched **by name**, never by position or id:
//!
//! - **Enums** by name; their values by name, where a value whose name (or
//!   an alias) matches the other side's name or alias ignoring case is the
//!   same value renamed (`MeetingsFirst` → `SfBWithTeamsCollabAndMeetings
//!   alias MeetingsFirst`). Added, removed and renamed values are reported.
//!   Sets and aliases are notation and are not compared.
//! - **Decisions** by name: added, removed, or in both. A decision in both
//!   whose inputs differ (a name added or removed, or an input's enum
//!   changed) has a *signature change*, reported instead of its answers,
//!   which live in different input spaces. Inputs in another order are
//!   compared by name (and reported as reordered). Outputs are paired by
//!   name, then the leftovers by position (a rename); answers are compared
//!   on the paired outputs, and added or removed outputs are reported.
//! - **Answers**: an input's answer is its outputs, or `impossible` (with
//!   the reason of the first constraint that excludes it). An input that
//!   was impossible and now has outputs, or the reverse, is a change. Two
//!   impossible answers with different reasons are the same answer; that is
//!   kept as a note ([`ChangeKind::Reason`]) that does not count as a
//!   difference. An input whose values exist on one side only (a value
//!   added to or removed from an input's enum) is a *new input* or an *input
//!   no longer possible*.
//!
//! # The algorithm
//!
//! It never lists the input space; it reuses the checker's region walk
//! ([`crate::analysis::partition`]):
//!
//! 1. **A common space.** Per input, the new side's values, then the values
//!    only the old side has; each side's value ids map into it by name.
//! 2. **One problem holding both sides.** The old rows, the old constraints,
//!    the new rows and the new constraints all become rows of one
//!    [`crate::analysis::Problem`] over the common space, each side's tables
//!    their own groups, and each side's constraints one more *ordered* group
//!    (so the first matching constraint is the one that wins, as in
//!    evaluation). A side's cells name only its own values, so an input
//!    using a value the side lacks is matched by none of its rows: it is not
//!    an input there.
//! 3. **Regions.** The walk splits the common space into regions in which
//!    every input is matched by the same rows of both sides. One look at a
//!    region's deciding rows gives its old answer and its new answer (the
//!    constraint group first, then the rows; nothing for "not an input"),
//!    so the region is the intersection of one old region with one new
//!    region, compared at once.
//! 4. **Patterns.** Regions whose answers differ are grouped by (kind, old
//!    answer, new answer) and each group is merged into few cubes with
//!    [`crate::analysis::merge`], the same compression the checker applies
//!    to gaps. Each pattern cites the rows and constraints deciding it on
//!    each side (usually one per side) and counts its inputs.
//!
//! The cost is that of checking the two rule sets together: proportional to
//! the number of regions their rows carve out, not to the size of the space.
//! As in the checker, a common space of at most 2^24 inputs is walked with a
//! budget of what enumerating it costs; past it, the space is enumerated a
//! chunk at a time ([`crate::analysis::chunk`]), each side's decider per
//! input being its first matching constraint, else its first matching row,
//! and the inputs of each changed pair of deciders become the regions.
//!
//! Both sides are checked models ([`crate::Compiled::checked`]): free of
//! gaps and conflicts, though their `expect` examples may still fail.

mod answers;
mod render;
mod structure;

pub(crate) use render::{
    answer_header, description, has_patterns, outcome_text, rule_lines, NOTES_TITLE,
};
#[cfg(test)]
mod tests;

use crate::model::{CheckedModel, Decision, Model};
use crate::source::Sources;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::collections::BTreeSet;

/// One rule set to compare: its checked model and its sources (for the
/// file and line of each row).
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The rule set's model, free of blocking errors.
    pub model: CheckedModel<'a>,
    /// The files the model was read from.
    pub sources: &'a Sources,
}

/// The differences between two rule sets: every decision of either side
/// (unchanged ones too), then the enums that changed, each sorted by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diff {
    /// Every decision of either side, by name.
    pub decisions: Vec<DecisionDiff>,
    /// The enums added, removed or with other values, by name.
    pub enums: Vec<EnumDiff>,
}

// How one decision differs between the two sides. (`//` where a doc
// comment is missing, here and on the items below that `coex schema diff`
// describes: a doc comment would change the schema it prints.)
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionDiff {
    // The decision's name.
    pub name: String,
    // Whether it is on both sides and decides the same way.
    pub status: Status,
    /// The decision's inputs and outputs on each side (`None`: absent).
    pub(crate) old: Option<Signature>,
    pub(crate) new: Option<Signature>,
    /// The inputs are the same, in another order.
    inputs_reordered: bool,
    /// Outputs added, removed, renamed or of another enum.
    pub(crate) outputs: Vec<OutputChange>,
    /// The inputs whose answer changed, new inputs and inputs no longer
    /// possible, in that order, each kind by its first input.
    pub changes: Vec<Change>,
    /// Inputs impossible on both sides for different reasons.
    pub notes: Vec<Change>,
}

// How a decision differs between the two sides, as a whole.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Same inputs, outputs and answers.
    Unchanged,
    /// Answers, outputs or the order of inputs changed.
    Changed,
    // Only the new side has the decision.
    Added,
    // Only the old side has the decision.
    Removed,
    /// The inputs changed (names or enums); answers are not compared.
    SignatureChanged,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Signature {
    pub(crate) inputs: Vec<Param>,
    pub(crate) outputs: Vec<Param>,
}

/// A named, typed input or output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Param {
    pub(crate) name: String,
    #[serde(rename = "enum")]
    pub(crate) enum_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub(crate) enum OutputChange {
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    Renamed {
        old: String,
        new: String,
    },
    /// The output's enum is another (its values are compared by name).
    Retyped {
        name: String,
        old_enum: String,
        new_enum: String,
    },
}

/// A pattern of inputs whose answer differs, with both answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Whether the answers differ or the inputs exist on one side only.
    pub kind: ChangeKind,
    /// One cell per input, in the new side's input order.
    pub pattern: Vec<PatternCell>,
    /// How many inputs the pattern holds (saturating).
    pub inputs: u128,
    /// The answer on each side; `None` where these are not inputs.
    pub old: Option<Outcome>,
    /// The answer on the new side.
    pub new: Option<Outcome>,
    /// The rows or constraints that decide the pattern on each side.
    pub old_rules: Vec<RuleRef>,
    /// The rows or constraints that decide it on the new side.
    pub new_rules: Vec<RuleRef>,
}

// What kind of difference a `Change` is.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Inputs of both sides answered differently.
    Answer,
    /// Inputs only the new side has (a value was added to an input's enum).
    NewInputs,
    /// Inputs only the old side has (a value was removed).
    RemovedInputs,
    /// Impossible on both sides, for different reasons (a note).
    Reason,
}

/// One input's set of values, as a cell would say it (`*`, `SfBAny`,
/// `!TeamsOnly`, `a, b`), and the values themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternCell {
    /// The input's name.
    pub input: String,
    pub(crate) text: String,
    /// The names of the values the cell holds.
    pub values: Vec<String>,
}

/// An answer: `(output, value)` pairs, or impossible with the reason.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// The decision's answer: each output with its value.
    Outputs(Vec<(String, String)>),
    /// The input cannot exist; the reason the constraint gives.
    Impossible(String),
}

/// Where a deciding row or constraint is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleRef {
    // The file, as the rule set names it.
    #[allow(missing_docs)]
    pub file: String,
    pub(crate) line: u32,
    /// The row's table title; `None` for an `impossible` constraint.
    pub(crate) table: Option<String>,
    /// The row's 1-based position in its table; `None` for a constraint.
    pub(crate) row: Option<u32>,
}

// How one enum differs between the two sides.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EnumDiff {
    // The enum's name.
    pub name: String,
    pub(crate) status: EnumStatus,
    values_added: Vec<String>,
    values_removed: Vec<String>,
    values_renamed: Vec<Renamed>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub(crate) enum EnumStatus {
    Added,
    Removed,
    Changed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Renamed {
    pub(crate) old: String,
    pub(crate) new: String,
}

/// How many decisions have each status, and how many enums changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    pub(crate) changed: usize,
    pub(crate) added: usize,
    pub(crate) removed: usize,
    signature_changed: usize,
    pub(crate) unchanged: usize,
    enums_changed: usize,
}

/// Compare two rule sets (see the module documentation).
pub fn diff(old: Side<'_>, new: Side<'_>) -> Diff {
    let names: BTreeSet<&str> = old
        .model
        .decisions
        .iter()
        .chain(&new.model.decisions)
        .map(|d| d.name.as_str())
        .collect();
    let decisions = names
        .into_iter()
        .map(|name| {
            let before = old.model.decision_named(name);
            let after = new.model.decision_named(name);
            match (before, after) {
                (Some(o), Some(n)) => compare_decision(old, o, new, n),
                (o, n) => DecisionDiff {
                    name: name.to_string(),
                    status: if o.is_some() {
                        Status::Removed
                    } else {
                        Status::Added
                    },
                    old: o.map(|d| signature(old.model.model(), d)),
                    new: n.map(|d| signature(new.model.model(), d)),
                    inputs_reordered: false,
                    outputs: Vec::new(),
                    changes: Vec::new(),
                    notes: Vec::new(),
                },
            }
        })
        .collect();
    Diff {
        decisions,
        enums: structure::enum_diffs(old.model.model(), new.model.model()),
    }
}

fn compare_decision(
    old: Side<'_>,
    old_decision: &Decision,
    new: Side<'_>,
    new_decision: &Decision,
) -> DecisionDiff {
    let mut result = DecisionDiff {
        name: new_decision.name.clone(),
        status: Status::Unchanged,
        old: Some(signature(old.model.model(), old_decision)),
        new: Some(signature(new.model.model(), new_decision)),
        inputs_reordered: false,
        outputs: Vec::new(),
        changes: Vec::new(),
        notes: Vec::new(),
    };
    let Some(inputs) = structure::match_inputs(
        old.model.model(),
        old_decision,
        new.model.model(),
        new_decision,
    ) else {
        result.status = Status::SignatureChanged;
        return result;
    };
    result.inputs_reordered = inputs.iter().enumerate().any(|(i, &j)| i != j);
    let outputs = structure::pair_outputs(
        old.model.model(),
        old_decision,
        new.model.model(),
        new_decision,
    );
    result.outputs = outputs.changes;
    let compared = answers::compare(
        answers::DecisionPair {
            old,
            old_decision,
            new,
            new_decision,
        },
        &inputs,
        &outputs.pairs,
    );
    result.changes = compared.changes;
    result.notes = compared.notes;
    if result.inputs_reordered || !result.outputs.is_empty() || !result.changes.is_empty() {
        result.status = Status::Changed;
    }
    result
}

fn signature(model: &Model, decision: &Decision) -> Signature {
    let params = |columns: &[crate::model::Column]| {
        columns
            .iter()
            .map(|c| Param {
                name: c.name.clone(),
                enum_name: model.enums[c.enum_id].name.clone(),
            })
            .collect()
    };
    Signature {
        inputs: params(&decision.inputs),
        outputs: params(&decision.outputs),
    }
}

impl Diff {
    /// Whether the two rule sets decide everything the same way, with the
    /// same decisions, inputs, outputs and enum values (notes aside).
    pub fn is_same(&self) -> bool {
        self.enums.is_empty() && self.decisions.iter().all(|d| d.status == Status::Unchanged)
    }

    /// How many decisions are unchanged, changed, added or removed, and
    /// how many enums changed.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            enums_changed: self.enums.len(),
            ..Summary::default()
        };
        for d in &self.decisions {
            *match d.status {
                Status::Unchanged => &mut summary.unchanged,
                Status::Changed => &mut summary.changed,
                Status::Added => &mut summary.added,
                Status::Removed => &mut summary.removed,
                Status::SignatureChanged => &mut summary.signature_changed,
            } += 1;
        }
        summary
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Cells<'a, T>(&'a [PatternCell], fn(&PatternCell) -> T);
        impl<T: Serialize> Serialize for Cells<'_, T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for cell in self.0 {
                    map.serialize_entry(&cell.input, &(self.1)(cell))?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("Change", 8)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("pattern", &Cells(&self.pattern, |c| c.text.clone()))?;
        s.serialize_field("values", &Cells(&self.pattern, |c| c.values.clone()))?;
        s.serialize_field("inputs", &self.inputs)?;
        s.serialize_field("old", &self.old)?;
        s.serialize_field("new", &self.new)?;
        s.serialize_field("old_rules", &self.old_rules)?;
        s.serialize_field("new_rules", &self.new_rules)?;
        s.end()
    }
}

/// The schema of [`Change`]'s JSON, which its `Serialize` writes by hand.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Change {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Change".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let kind = generator.subschema_for::<ChangeKind>();
        let outcome = generator.subschema_for::<Option<Outcome>>();
        let rules = generator.subschema_for::<Vec<RuleRef>>();
        schemars::json_schema!({
            "description": "A pattern of inputs whose answer differs, with both answers.",
            "type": "object",
            "properties": {
                "kind": kind,
                "pattern": {
                    "description": "Each input's cell, as a row would say it (`*`, a set, `!value`, `a, b`).",
                    "type": "object",
                    "additionalProperties": { "type": "string" }
                },
                "values": {
                    "description": "Each input's values.",
                    "type": "object",
                    "additionalProperties": { "type": "array", "items": { "type": "string" } }
                },
                "inputs": {
                    "description": "How many inputs the pattern holds.",
                    "type": "integer",
                    "minimum": 0
                },
                "old": outcome,
                "new": outcome,
                "old_rules": rules,
                "new_rules": rules
            },
            "required": ["kind", "pattern", "values", "inputs", "old", "new", "old_rules", "new_rules"],
            "additionalProperties": false
        })
    }
}

/// The schema of [`Outcome`]'s JSON.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Outcome {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Outcome".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An answer: the outputs, or impossible with the reason.",
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "outputs": { "type": "object", "additionalProperties": { "type": "string" } }
                    },
                    "required": ["outputs"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": { "impossible": { "type": "string" } },
                    "required": ["impossible"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl Serialize for Outcome {
    /// `{"outputs": {"lands": "Teams", ...}}` or `{"impossible": "reason"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Outputs<'a>(&'a [(String, String)]);
        impl Serialize for Outputs<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, value) in self.0 {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Outcome::Outputs(outputs) => map.serialize_entry("outputs", &Outputs(outputs))?,
            Outcome::Impossible(because) => map.serialize_entry("impossible", because)?,
        }
        map.end()
    }
}
