//! Answer the grid of each section and compress it: merge agreeing
//! columns, take impossible rows out, merge rows to a fixpoint.

use super::{Cell, GridRow, ImpossibleRow, Label, Placement, RenderedTable, Section};
use crate::model::{Answer, Decision, Model, ValueId};
use std::collections::HashMap;

/// A cell's verdict, comparable: equal verdicts print alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Verdict {
    Outputs(Vec<ValueId>),
    Impossible(usize),
    Undecided,
    Conflicting,
}

/// The key of an impossible cell in a shown row: every one prints `—`.
const DASH: u32 = u32::MAX;

/// Verdicts numbered in order of first appearance.
#[derive(Default)]
struct Interner {
    ids: HashMap<Verdict, u32>,
    verdicts: Vec<Verdict>,
}

impl Interner {
    fn id(&mut self, verdict: Verdict) -> u32 {
        if let Some(&id) = self.ids.get(&verdict) {
            return id;
        }
        let id = self.verdicts.len() as u32;
        self.ids.insert(verdict.clone(), id);
        self.verdicts.push(verdict);
        id
    }

    fn impossible(&self, id: u32) -> Option<usize> {
        match self.verdicts[id as usize] {
            Verdict::Impossible(c) => Some(c),
            _ => None,
        }
    }
}

/// Rows of equal cells, each a set of values per row input.
#[derive(Clone, Debug)]
struct Pattern {
    sets: Vec<Vec<ValueId>>,
    /// What must agree for two patterns to merge (cells, or reasons).
    key: Vec<u32>,
}

pub(super) fn build(
    model: &Model,
    d: &Decision,
    placement: &Placement,
    expand: bool,
) -> RenderedTable {
    let size = |i: usize| model.enums[d.inputs[i].enum_id].values.len() as u32;
    let section_values: Vec<Option<ValueId>> = match placement.sections {
        Some(s) => (0..size(s)).map(Some).collect(),
        None => vec![None],
    };
    let mut interner = Interner::default();
    let sections = section_values
        .into_iter()
        .map(|value| section(model, d, placement, value, expand, &mut interner))
        .collect();
    RenderedTable {
        decision: d.name.clone(),
        outputs: d.outputs.iter().map(|c| c.name.clone()).collect(),
        row_inputs: placement
            .rows
            .iter()
            .map(|&i| d.inputs[i].name.clone())
            .collect(),
        column_input: d.inputs[placement.columns].name.clone(),
        section_input: placement.sections.map(|s| d.inputs[s].name.clone()),
        sections,
    }
}

fn section(
    model: &Model,
    d: &Decision,
    placement: &Placement,
    section_value: Option<ValueId>,
    expand: bool,
    interner: &mut Interner,
) -> Section {
    let enum_of = |i: usize| d.inputs[i].enum_id;
    let radix: Vec<u32> = placement
        .rows
        .iter()
        .map(|&i| model.enums[enum_of(i)].values.len() as u32)
        .collect();
    let row_count: usize = radix.iter().map(|&r| r as usize).product();
    let column_count = model.enums[enum_of(placement.columns)].values.len();

    // The grid: grid[row][column value], one verdict per input.
    let mut input = vec![0 as ValueId; d.inputs.len()];
    if let (Some(s), Some(v)) = (placement.sections, section_value) {
        input[s] = v;
    }
    let mut grid: Vec<Vec<u32>> = Vec::with_capacity(row_count);
    for row in 0..row_count {
        for (&i, v) in placement.rows.iter().zip(digits(row, &radix)) {
            input[i] = v;
        }
        let cells = (0..column_count as ValueId)
            .map(|c| {
                input[placement.columns] = c;
                interner.id(match d.evaluate(&input) {
                    Answer::Row(r) => Verdict::Outputs(d.rows[r].outputs.clone()),
                    Answer::Impossible(c) => Verdict::Impossible(c),
                    Answer::Undecided => Verdict::Undecided,
                    Answer::Conflicting(_) => Verdict::Conflicting,
                })
            })
            .collect();
        grid.push(cells);
    }
    let interner = &*interner;
    // Impossible cells all print `—`: alike for merging.
    let shown_id = |id: u32| match interner.impossible(id) {
        Some(_) => DASH,
        None => id,
    };
    let all_impossible: Vec<bool> = grid
        .iter()
        .map(|cells| cells.iter().all(|&c| interner.impossible(c).is_some()))
        .collect();

    // Columns: values whose cells agree in every shown row, merged (each
    // value its own column when expanded).
    let mut groups: Vec<(Vec<u32>, Vec<ValueId>)> = Vec::new();
    for c in 0..column_count {
        if expand {
            groups.push((Vec::new(), vec![c as ValueId]));
            continue;
        }
        let key: Vec<u32> = grid
            .iter()
            .zip(&all_impossible)
            .filter(|(_, &impossible)| !impossible)
            .map(|(cells, _)| shown_id(cells[c]))
            .collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(c as ValueId),
            None => groups.push((key, vec![c as ValueId])),
        }
    }
    let columns: Vec<Vec<ValueId>> = groups.into_iter().map(|(_, values)| values).collect();

    // Rows: the shown ones keyed by their merged cells, the impossible ones
    // by their reasons; the impossible cells of shown rows, as patterns over
    // the row inputs and the column input, by their reason.
    let mut shown = Vec::new();
    let mut impossible = Vec::new();
    let mut dashes = Vec::new();
    for (row, cells) in grid.iter().enumerate() {
        let sets: Vec<Vec<ValueId>> = digits(row, &radix).map(|v| vec![v]).collect();
        if all_impossible[row] {
            let mut reasons: Vec<u32> = cells
                .iter()
                .filter_map(|&c| interner.impossible(c))
                .map(|c| c as u32)
                .collect();
            reasons.sort_unstable();
            reasons.dedup();
            impossible.push(Pattern { sets, key: reasons });
        } else {
            for (c, &id) in cells.iter().enumerate() {
                if let Some(constraint) = interner.impossible(id) {
                    let mut sets = sets.clone();
                    sets.push(vec![c as ValueId]);
                    dashes.push(Pattern {
                        sets,
                        key: vec![constraint as u32],
                    });
                }
            }
            let key = columns
                .iter()
                .map(|values| shown_id(cells[values[0] as usize]))
                .collect();
            shown.push(Pattern { sets, key });
        }
    }
    let shown = if expand { shown } else { merge(shown) };
    let section = placement.sections.zip(section_value);
    let impossible = widen(
        d,
        &placement.rows,
        section,
        Some((placement.columns, column_count)),
        merge(impossible),
    );
    let mut cell_inputs = placement.rows.clone();
    cell_inputs.push(placement.columns);
    let dashes = widen(d, &cell_inputs, section, None, merge(dashes));

    let label = |i: usize, values: Vec<ValueId>| Label::new(model, enum_of(i), values);
    let labels = |sets: Vec<Vec<ValueId>>| -> Vec<Label> {
        placement
            .rows
            .iter()
            .zip(sets)
            .map(|(&i, set)| label(i, set))
            .collect()
    };
    let cell = |id: u32| match interner.verdicts.get(id as usize) {
        None => Cell::Impossible,
        Some(verdict) => match verdict {
            Verdict::Outputs(values) => Cell::Outputs(
                d.outputs
                    .iter()
                    .zip(values)
                    .map(|(o, &v)| model.enums[o.enum_id].values[v as usize].name.clone())
                    .collect(),
            ),
            Verdict::Impossible(_) => Cell::Impossible,
            Verdict::Undecided => Cell::Undecided,
            Verdict::Conflicting => Cell::Conflicting,
        },
    };
    Section {
        value: placement
            .sections
            .zip(section_value)
            .map(|(s, v)| label(s, vec![v])),
        rows: shown
            .into_iter()
            .map(|p| GridRow {
                cells: p.key.iter().map(|&id| cell(id)).collect(),
                labels: labels(p.sets),
            })
            .collect(),
        impossible: impossible
            .into_iter()
            .map(|p| (p, None))
            .chain(dashes.into_iter().map(|mut p| {
                let column = p.sets.pop().expect("the column's set");
                (p, Some(label(placement.columns, column)))
            }))
            .map(|(p, column)| ImpossibleRow {
                because: p
                    .key
                    .iter()
                    .map(|&c| d.constraints[c as usize].because.clone())
                    .collect(),
                pattern: labels(p.sets),
                column,
            })
            .collect(),
        columns: columns
            .into_iter()
            .map(|values| label(placement.columns, values))
            .collect(),
    }
}

/// The values of a mixed-radix row index, first input most significant.
fn digits(mut index: usize, radix: &[u32]) -> impl Iterator<Item = ValueId> {
    let mut values = vec![0; radix.len()];
    for (value, &r) in values.iter_mut().zip(radix).rev() {
        *value = (index % r as usize) as ValueId;
        index /= r as usize;
    }
    values.into_iter()
}

/// Merge patterns that differ in one input only and have the same key,
/// input by input, until no two can be merged. The patterns stay disjoint
/// and cover the same rows; they come out ordered by their first row.
///
/// The innermost input is merged first, so that the outer inputs keep
/// their groups where there is a choice (`Teams InTenant`, `Teams
/// Federated`, `SfB *` rather than `Teams InTenant`, `* Federated`, `SfB
/// InTenant`), as a document's nested rows do.
fn merge(mut patterns: Vec<Pattern>) -> Vec<Pattern> {
    let inputs = patterns.first().map_or(0, |p| p.sets.len());
    loop {
        let before = patterns.len();
        for k in (0..inputs).rev() {
            let mut index: HashMap<(Vec<Vec<ValueId>>, Vec<u32>), usize> = HashMap::new();
            let mut merged: Vec<Pattern> = Vec::with_capacity(patterns.len());
            for pattern in patterns {
                let mut others = pattern.sets.clone();
                others[k].clear();
                match index.get(&(others.clone(), pattern.key.clone())) {
                    Some(&at) => {
                        let set = &mut merged[at].sets[k];
                        set.extend_from_slice(&pattern.sets[k]);
                        set.sort_unstable();
                    }
                    None => {
                        index.insert((others, pattern.key.clone()), merged.len());
                        merged.push(pattern);
                    }
                }
            }
            patterns = merged;
        }
        if patterns.len() == before {
            break;
        }
    }
    patterns.sort_by_key(first_row);
    patterns
}

fn first_row(pattern: &Pattern) -> Vec<ValueId> {
    pattern.sets.iter().map(|s| s[0]).collect()
}

/// State an impossible pattern (its sets are of `inputs`) excluded by one
/// constraint as that constraint's own cells, when the constraint holds for
/// the whole section and, for `every` `(input, size)`, for all its values:
/// `sender_mode=TeamsOnly sender_client=SfB` rather than the part of it no
/// earlier constraint already covers. Duplicates go.
fn widen(
    d: &Decision,
    inputs: &[usize],
    section: Option<(usize, ValueId)>,
    every: Option<(usize, usize)>,
    patterns: Vec<Pattern>,
) -> Vec<Pattern> {
    let mut out: Vec<Pattern> = Vec::with_capacity(patterns.len());
    for mut pattern in patterns {
        if let [c] = pattern.key[..] {
            let constraint = &d.constraints[c as usize];
            let covers_section = match section {
                Some((s, v)) => constraint.cells[s].contains(&v),
                None => true,
            };
            let covers_every = match every {
                Some((i, size)) => constraint.cells[i].len() == size,
                None => true,
            };
            if covers_section && covers_every {
                pattern.sets = inputs
                    .iter()
                    .map(|&i| constraint.cells[i].clone())
                    .collect();
            }
        }
        let duplicate = out
            .iter()
            .any(|p| p.key == pattern.key && p.sets == pattern.sets);
        if !duplicate {
            out.push(pattern);
        }
    }
    out.sort_by_key(first_row);
    out
}
