//! Comparing the answers of one decision present on both sides, by the
//! region walk over a common input space (see the module documentation).

use super::{Change, ChangeKind, Outcome, PatternCell, RuleRef, Side};
use crate::analysis::{self, chunk, merge, partition_within, Cube, Region, Space};
use crate::lookup::{citations, Citation, ConstraintCitation};
use crate::model::{Decision, Model, ValueId};
use std::collections::BTreeMap;
use std::ops::ControlFlow;

/// One decision on both sides.
#[derive(Clone, Copy)]
pub(crate) struct DecisionPair<'a> {
    pub(crate) old: Side<'a>,
    pub(crate) old_decision: &'a Decision,
    pub(crate) new: Side<'a>,
    pub(crate) new_decision: &'a Decision,
}

pub(crate) struct Compared {
    pub(crate) changes: Vec<Change>,
    pub(crate) notes: Vec<Change>,
}

/// One input column of the common space: the new side's values (same ids),
/// then the values only the old side has.
struct Column {
    old_to_common: Vec<ValueId>,
    common_to_old: Vec<Option<ValueId>>,
    new_size: u32,
}

/// What decides a region on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decider {
    Row(usize),
    Constraint(usize),
    /// The region's inputs use a value this side does not have.
    Absent,
}

/// An answer as a grouping key, in the side's own value ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Outputs(Vec<ValueId>),
    Impossible(String),
    Absent,
}

/// Where each side's rows and constraints are among the problem's rows.
struct Ids {
    old_constraints: usize,
    new_rows: usize,
    new_constraints: usize,
    end: usize,
}

type Regions = Vec<(Cube, Decider, Decider)>;

/// The changes of one decision. `inputs[i]` is the old input named like new
/// input `i`; `outputs` pairs old and new outputs with their value maps.
pub(crate) fn compare(
    pair: DecisionPair<'_>,
    inputs: &[usize],
    outputs: &[(usize, usize, Vec<Option<ValueId>>)],
) -> Compared {
    let DecisionPair {
        old,
        old_decision,
        new,
        new_decision,
    } = pair;
    let columns = common_columns(
        old.model.model(),
        old_decision,
        new.model.model(),
        new_decision,
        inputs,
    );
    let space = Space::new(
        columns
            .iter()
            .map(|c| c.common_to_old.len() as u32)
            .collect(),
    );
    let (problem, ids) = joint_problem(old_decision, new_decision, inputs, &columns, &space);

    let key = |decision: &Decision, decider: Decider| match decider {
        Decider::Row(r) => Key::Outputs(decision.rows[r].outputs.clone()),
        Decider::Constraint(c) => Key::Impossible(decision.constraints[c].because.clone()),
        Decider::Absent => Key::Absent,
    };
    let same_outputs = |a: &[ValueId], b: &[ValueId]| {
        outputs
            .iter()
            .all(|(i, j, map)| map[a[*i] as usize] == Some(b[*j]))
    };
    let classify = |before: Decider, after: Decider| {
        let (old_key, new_key) = (key(old_decision, before), key(new_decision, after));
        let kind = match (&old_key, &new_key) {
            (Key::Absent, Key::Absent) => return None,
            (Key::Absent, _) => ChangeKind::NewInputs,
            (_, Key::Absent) => ChangeKind::RemovedInputs,
            (Key::Impossible(a), Key::Impossible(b)) if a == b => return None,
            (Key::Impossible(_), Key::Impossible(_)) => ChangeKind::Reason,
            (Key::Outputs(a), Key::Outputs(b)) if same_outputs(a, b) => return None,
            _ => ChangeKind::Answer,
        };
        Some((kind, old_key, new_key))
    };
    let groups = changed_regions(&problem, &ids, &classify);

    let cited = Cited {
        old: citations(old_decision, old.sources),
        new: citations(new_decision, new.sources),
    };
    let mut changes: Vec<(Vec<u32>, Change)> = Vec::new();
    for ((kind, old_key, new_key), regions) in groups {
        let cubes = regions.iter().map(|(cube, _, _)| cube.clone()).collect();
        for pattern in merge(&space, cubes) {
            let inside: Vec<&(Cube, Decider, Decider)> = regions
                .iter()
                .filter(|(cube, _, _)| space.contains(&pattern, cube))
                .collect();
            let change = Change {
                kind,
                // Inputs no longer possible exist on the old side only, the
                // others on the new side: say them in that side's words.
                pattern: pattern_cells(
                    pair,
                    inputs,
                    (&columns, &space),
                    &pattern,
                    kind == ChangeKind::RemovedInputs,
                ),
                inputs: space.cube_volume(&pattern),
                old: outcome(old.model.model(), old_decision, &old_key),
                new: outcome(new.model.model(), new_decision, &new_key),
                old_rules: rule_refs(&cited.old, inside.iter().map(|r| r.1)),
                new_rules: rule_refs(&cited.new, inside.iter().map(|r| r.2)),
            };
            changes.push((space.first_point(&pattern), change));
        }
    }
    changes.sort_by(|(a, x), (b, y)| (x.kind, a).cmp(&(y.kind, b)));
    let (notes, changes): (Vec<Change>, Vec<Change>) = changes
        .into_iter()
        .map(|(_, c)| c)
        .partition(|c| c.kind == ChangeKind::Reason);
    Compared { changes, notes }
}

fn common_columns(
    old_model: &Model,
    old: &Decision,
    new_model: &Model,
    new: &Decision,
    inputs: &[usize],
) -> Vec<Column> {
    new.inputs
        .iter()
        .zip(inputs)
        .map(|(column, &j)| {
            let old_enum = &old_model.enums[old.inputs[j].enum_id];
            let new_enum = &new_model.enums[column.enum_id];
            let new_size = new_enum.values.len() as u32;
            let mut next = new_size;
            let old_to_common: Vec<ValueId> = super::structure::match_values(old_enum, new_enum)
                .into_iter()
                .map(|m| {
                    m.unwrap_or_else(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect();
            let mut common_to_old = vec![None; next as usize];
            for (v, &c) in old_to_common.iter().enumerate() {
                common_to_old[c as usize] = Some(v as ValueId);
            }
            Column {
                old_to_common,
                common_to_old,
                new_size,
            }
        })
        .collect()
}

type Groups = BTreeMap<(ChangeKind, Key, Key), Regions>;

/// The regions whose answer changed, grouped by `classify` (`None`: not a
/// change). By the region walk, or, when the common space is small enough
/// and the walk would cost more than enumerating it, by enumeration (the
/// same inputs, cut into other cubes).
fn changed_regions(
    problem: &analysis::Problem,
    ids: &Ids,
    classify: &dyn Fn(Decider, Decider) -> Option<(ChangeKind, Key, Key)>,
) -> Groups {
    let space = &problem.space;
    let mut budget = u64::MAX;
    if space.volume() <= analysis::ENUMERABLE {
        budget = chunk::walk_budget(space, problem.rows.len());
        #[cfg(test)]
        if ENUMERATE_ALWAYS.with(|always| always.get()) {
            budget = 0;
        }
    }
    let mut groups = Groups::new();
    let walked = partition_within(problem, budget, |cube, region| {
        let Region::Possible { effective, .. } = region else {
            unreachable!("the joint problem has constraints as rows, not as `impossible`")
        };
        let before = decider(effective, 0, ids.old_constraints, ids.new_rows);
        let after = decider(effective, ids.new_rows, ids.new_constraints, ids.end);
        if let Some(group) = classify(before, after) {
            groups
                .entry(group)
                .or_default()
                .push((cube.into(), before, after));
        }
        ControlFlow::Continue(())
    });
    if walked {
        return groups;
    }
    enumerated_regions(problem, ids, classify)
}

#[cfg(test)]
thread_local! {
    /// Tests set this to compare every enumerable space by enumeration.
    pub(super) static ENUMERATE_ALWAYS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// [`changed_regions`] by enumeration: in each chunk, each side's decider
/// is its first matching constraint, else its first matching row; the
/// inputs of each pair of deciders that changed become cubes.
fn enumerated_regions(
    problem: &analysis::Problem,
    ids: &Ids,
    classify: &dyn Fn(Decider, Decider) -> Option<(ChangeKind, Key, Key)>,
) -> Groups {
    let space = &problem.space;
    let cubes: Vec<&[u64]> = problem.rows.iter().map(|r| &*r.cube).collect();
    let mut groups = Groups::new();
    chunk::chunks(space, &cubes, |chunk| {
        let side = |rows: usize, constraints: usize, end: usize| {
            let mut left = chunk.plan.all();
            let mut deciders: Vec<(Decider, Vec<u64>)> = Vec::new();
            let order = (constraints..end).chain(rows..constraints);
            for id in order {
                let Some(set) = &chunk.sets[id] else { continue };
                let mine = chunk::and(set, &left);
                if chunk::is_empty(&mine) {
                    continue;
                }
                chunk::remove(&mut left, &mine);
                let decider = if id >= constraints {
                    Decider::Constraint(id - constraints)
                } else {
                    Decider::Row(id - rows)
                };
                deciders.push((decider, mine));
            }
            if !chunk::is_empty(&left) {
                deciders.push((Decider::Absent, left));
            }
            deciders
        };
        let old = side(0, ids.old_constraints, ids.new_rows);
        let new = side(ids.new_rows, ids.new_constraints, ids.end);
        for (before, old_set) in &old {
            let mut left = old_set.clone();
            while let Some(bit) = chunk::first(&left) {
                let (after, new_set) = new
                    .iter()
                    .find(|(_, set)| chunk::contains_bit(set, bit))
                    .expect("the new side's deciders cover the chunk");
                let both = chunk::and(&left, new_set);
                chunk::remove(&mut left, new_set);
                if let Some(group) = classify(*before, *after) {
                    let regions = groups.entry(group).or_default();
                    for cube in chunk.cubes(&both) {
                        regions.push((cube, *before, *after));
                    }
                }
            }
        }
    });
    groups
}

/// Both sides' rows and constraints as the rows of one problem: old rows
/// (groups = old tables), old constraints (one ordered group), new rows
/// (groups after the old tables), new constraints (one more ordered group).
fn joint_problem(
    old: &Decision,
    new: &Decision,
    inputs: &[usize],
    columns: &[Column],
    space: &Space,
) -> (analysis::Problem, Ids) {
    let old_cube = |cells: &[Vec<ValueId>]| {
        space.cube(columns.iter().zip(inputs).map(|(column, &j)| {
            cells[j]
                .iter()
                .map(|&v| column.old_to_common[v as usize])
                .collect::<Vec<_>>()
        }))
    };
    let new_cube = |cells: &[Vec<ValueId>]| space.cube(cells.iter().map(|c| c.iter().copied()));
    let tables = (old.tables.len() + new.tables.len()) as u32;
    let row = |cube, group| analysis::Row {
        cube,
        group,
        outcome: 0,
    };
    let mut rows = Vec::new();
    rows.extend(
        old.rows
            .iter()
            .map(|r| row(old_cube(&r.cells), r.table as u32)),
    );
    let old_constraints = rows.len();
    rows.extend(
        old.constraints
            .iter()
            .map(|c| row(old_cube(&c.cells), tables)),
    );
    let new_rows = rows.len();
    let shift = old.tables.len() as u32;
    rows.extend(
        new.rows
            .iter()
            .map(|r| row(new_cube(&r.cells), shift + r.table as u32)),
    );
    let new_constraints = rows.len();
    rows.extend(
        new.constraints
            .iter()
            .map(|c| row(new_cube(&c.cells), tables + 1)),
    );
    let end = rows.len();
    let ordered = old
        .tables
        .iter()
        .chain(&new.tables)
        .map(|t| t.ordered)
        .chain([true, true])
        .collect();
    let problem = analysis::Problem {
        space: space.clone(),
        rows,
        ordered,
        impossible: Vec::new(),
    };
    let ids = Ids {
        old_constraints,
        new_rows,
        new_constraints,
        end,
    };
    (problem, ids)
}

/// One side's decider among a region's deciding rows: the side's rows are
/// `rows..constraints`, its constraints `constraints..end`.
fn decider(effective: &[u32], rows: usize, constraints: usize, end: usize) -> Decider {
    let id = |range: std::ops::Range<usize>| {
        effective
            .iter()
            .map(|&id| id as usize)
            .find(|id| range.contains(id))
    };
    if let Some(c) = id(constraints..end) {
        Decider::Constraint(c - constraints)
    } else if let Some(r) = id(rows..constraints) {
        Decider::Row(r - rows)
    } else {
        Decider::Absent
    }
}

/// A pattern's cells, described with the old side's enums (`old_side`) or
/// the new side's, in the new side's input order.
fn pattern_cells(
    pair: DecisionPair<'_>,
    inputs: &[usize],
    (columns, space): (&[Column], &Space),
    pattern: &[u64],
    old_side: bool,
) -> Vec<PatternCell> {
    let (model, decision) = if old_side {
        (pair.old.model.model(), pair.old_decision)
    } else {
        (pair.new.model.model(), pair.new_decision)
    };
    columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let mut values: Vec<ValueId> = space
                .values(pattern, i)
                .filter_map(|c| {
                    if old_side {
                        column.common_to_old[c as usize]
                    } else {
                        (c < column.new_size).then_some(c)
                    }
                })
                .collect();
            values.sort_unstable();
            let input = if old_side { inputs[i] } else { i };
            let enum_id = decision.inputs[input].enum_id;
            PatternCell {
                input: pair.new_decision.inputs[i].name.clone(),
                text: model.describe(enum_id, &values),
                values: values
                    .iter()
                    .map(|&v| model.enums[enum_id].values[v as usize].name.clone())
                    .collect(),
            }
        })
        .collect()
}

fn outcome(model: &Model, decision: &Decision, key: &Key) -> Option<Outcome> {
    match key {
        Key::Outputs(values) => Some(Outcome::Outputs(
            decision
                .outputs
                .iter()
                .zip(values)
                .map(|(column, &v)| {
                    (
                        column.name.clone(),
                        model.enums[column.enum_id].values[v as usize].name.clone(),
                    )
                })
                .collect(),
        )),
        Key::Impossible(because) => Some(Outcome::Impossible(because.clone())),
        Key::Absent => None,
    }
}

struct Cited {
    old: (Vec<Citation>, Vec<ConstraintCitation>),
    new: (Vec<Citation>, Vec<ConstraintCitation>),
}

/// The distinct rows and constraints among `deciders`, in file and line order.
fn rule_refs(
    (rows, constraints): &(Vec<Citation>, Vec<ConstraintCitation>),
    deciders: impl Iterator<Item = Decider>,
) -> Vec<RuleRef> {
    let mut refs: Vec<RuleRef> = deciders
        .filter_map(|d| match d {
            Decider::Row(r) => Some(RuleRef {
                file: rows[r].file.clone(),
                line: rows[r].line,
                table: Some(rows[r].table.clone()),
                row: Some(rows[r].row),
            }),
            Decider::Constraint(c) => Some(RuleRef {
                file: constraints[c].file.clone(),
                line: constraints[c].line,
                table: None,
                row: None,
            }),
            Decider::Absent => None,
        })
        .collect();
    refs.sort();
    refs.dedup();
    refs
}
