//! Matching the two sides by name: enum values, enums, a decision's inputs
//! and outputs.

use super::{EnumDiff, EnumStatus, OutputChange, Renamed};
use crate::model::{Decision, Enum, Model, ValueId};
use std::collections::BTreeSet;

/// For each value of `old`, the value of `new` that it is: the one with the
/// same name, else one whose name or alias matches its name or alias
/// ignoring case (a value renamed, its old spelling kept as an alias).
pub(crate) fn match_values(old: &Enum, new: &Enum) -> Vec<Option<ValueId>> {
    let mut matched: Vec<Option<ValueId>> = old
        .values
        .iter()
        .map(|o| {
            new.values
                .iter()
                .position(|n| n.name == o.name)
                .map(|i| i as ValueId)
        })
        .collect();
    let mut taken: Vec<bool> = vec![false; new.values.len()];
    for &m in matched.iter().flatten() {
        taken[m as usize] = true;
    }
    for (o, slot) in old.values.iter().zip(matched.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let spellings = |v: &crate::model::Value| {
            std::iter::once(v.name.to_ascii_lowercase())
                .chain(v.aliases.iter().map(|a| a.to_ascii_lowercase()))
                .collect::<BTreeSet<String>>()
        };
        let old_spellings = spellings(o);
        let found = new
            .values
            .iter()
            .enumerate()
            .find(|(i, n)| !taken[*i] && !spellings(n).is_disjoint(&old_spellings));
        if let Some((i, _)) = found {
            taken[i] = true;
            *slot = Some(i as ValueId);
        }
    }
    matched
}

/// The enums added, removed, or with values added, removed or renamed,
/// sorted by name.
pub(crate) fn enum_diffs(old: &Model, new: &Model) -> Vec<EnumDiff> {
    let names: BTreeSet<&str> = old
        .enums
        .iter()
        .chain(&new.enums)
        .map(|e| e.name.as_str())
        .collect();
    let mut out = Vec::new();
    for name in names {
        let before = old.enum_named(name).map(|id| &old.enums[id]);
        let after = new.enum_named(name).map(|id| &new.enums[id]);
        let blank = |status| EnumDiff {
            name: name.to_string(),
            status,
            values_added: Vec::new(),
            values_removed: Vec::new(),
            values_renamed: Vec::new(),
        };
        match (before, after) {
            (Some(o), Some(n)) => {
                let matched = match_values(o, n);
                let mut diff = blank(EnumStatus::Changed);
                let mut kept = vec![false; n.values.len()];
                for (value, m) in o.values.iter().zip(&matched) {
                    match m {
                        None => diff.values_removed.push(value.name.clone()),
                        Some(m) => {
                            kept[*m as usize] = true;
                            let renamed = &n.values[*m as usize].name;
                            if *renamed != value.name {
                                diff.values_renamed.push(Renamed {
                                    old: value.name.clone(),
                                    new: renamed.clone(),
                                });
                            }
                        }
                    }
                }
                diff.values_added = n
                    .values
                    .iter()
                    .zip(&kept)
                    .filter(|(_, &k)| !k)
                    .map(|(v, _)| v.name.clone())
                    .collect();
                if !(diff.values_added.is_empty()
                    && diff.values_removed.is_empty()
                    && diff.values_renamed.is_empty())
                {
                    out.push(diff);
                }
            }
            (Some(_), None) => out.push(blank(EnumStatus::Removed)),
            (None, _) => out.push(blank(EnumStatus::Added)),
        }
    }
    out
}

/// For each new input, the old input of the same name, when both sides
/// have the same input names with the same enums; `None` is a signature
/// change.
pub(crate) fn match_inputs(
    old_model: &Model,
    old: &Decision,
    new_model: &Model,
    new: &Decision,
) -> Option<Vec<usize>> {
    if old.inputs.len() != new.inputs.len() {
        return None;
    }
    new.inputs
        .iter()
        .map(|n| {
            let j = old.inputs.iter().position(|o| o.name == n.name)?;
            let same_enum =
                old_model.enums[old.inputs[j].enum_id].name == new_model.enums[n.enum_id].name;
            same_enum.then_some(j)
        })
        .collect()
}

/// Outputs paired across the sides, and what changed about them.
pub(crate) struct Outputs {
    /// `(old output, new output, old value → new value)` for each pair.
    pub(crate) pairs: Vec<(usize, usize, Vec<Option<ValueId>>)>,
    pub(crate) changes: Vec<OutputChange>,
}

/// Pair outputs by name, then the leftovers by position when as many are
/// left on each side (a rename); the rest are added or removed.
pub(crate) fn pair_outputs(
    old_model: &Model,
    old: &Decision,
    new_model: &Model,
    new: &Decision,
) -> Outputs {
    let mut pairs = Vec::new();
    let mut changes = Vec::new();
    let mut old_left: Vec<usize> = Vec::new();
    let mut new_used = vec![false; new.outputs.len()];
    for (i, o) in old.outputs.iter().enumerate() {
        match new.outputs.iter().position(|n| n.name == o.name) {
            Some(j) => {
                new_used[j] = true;
                pairs.push((i, j));
            }
            None => old_left.push(i),
        }
    }
    let new_left: Vec<usize> = (0..new.outputs.len()).filter(|&j| !new_used[j]).collect();
    if old_left.len() == new_left.len() {
        for (&i, &j) in old_left.iter().zip(&new_left) {
            changes.push(OutputChange::Renamed {
                old: old.outputs[i].name.clone(),
                new: new.outputs[j].name.clone(),
            });
            pairs.push((i, j));
        }
    } else {
        changes.extend(old_left.iter().map(|&i| OutputChange::Removed {
            name: old.outputs[i].name.clone(),
        }));
        changes.extend(new_left.iter().map(|&j| OutputChange::Added {
            name: new.outputs[j].name.clone(),
        }));
    }
    pairs.sort_by_key(|&(_, j)| j);
    let pairs = pairs
        .into_iter()
        .map(|(i, j)| {
            let old_enum = &old_model.enums[old.outputs[i].enum_id];
            let new_enum = &new_model.enums[new.outputs[j].enum_id];
            if old_enum.name != new_enum.name {
                changes.push(OutputChange::Retyped {
                    name: new.outputs[j].name.clone(),
                    old_enum: old_enum.name.clone(),
                    new_enum: new_enum.name.clone(),
                });
            }
            (i, j, match_values(old_enum, new_enum))
        })
        .collect();
    Outputs { pairs, changes }
}
