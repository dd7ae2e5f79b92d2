//! Answer the grid of each section and compress it: merge agreeing
//! columns, take impossible rows out, merge rows to a fixpoint.
//!
//! One function per step of the module documentation: [`answer`] (step 2,
//! the grid), [`merge_columns`] (step 3), [`split_rows`] with [`merge`]
//! and [`widen`] (step 4); [`Labels`] then names what is left, the way a
//! cell prints it.

use super::{Cell, GridRow, ImpossibleRow, Label, Placement, RenderedTable, Section};
use crate::model::{Decision, Model, Ruling, ValueId};
use std::collections::HashMap;
use std::hash::Hash;

/// A cell's verdict, comparable: equal verdicts print alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Verdict {
    Outputs(Vec<ValueId>),
    Impossible(usize),
    Undecided,
    Conflicting,
}

/// What a cell of a shown row prints, as far as merging is concerned: its
/// verdict, or `—`, which every impossible cell prints whatever its reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Shown {
    /// An interned [`Verdict`] other than an impossible one.
    Verdict(u32),
    Dash,
}

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

    /// The constraint that excludes a cell, if it is impossible.
    fn impossible(&self, id: u32) -> Option<usize> {
        match self.verdicts[id as usize] {
            Verdict::Impossible(c) => Some(c),
            _ => None,
        }
    }

    fn shown(&self, id: u32) -> Shown {
        match self.impossible(id) {
            Some(_) => Shown::Dash,
            None => Shown::Verdict(id),
        }
    }
}

/// Rows of equal cells, each a set of values per row input.
#[derive(Clone, Debug)]
struct Pattern<K> {
    sets: Vec<Vec<ValueId>>,
    /// What must agree for two patterns to merge: the cells of a shown row,
    /// or the constraints that exclude impossible inputs.
    key: Vec<K>,
}

/// Step 2: one section's grid, answered.
struct Grid {
    /// The number of values of each row input: a row's index is a
    /// mixed-radix number, the first input most significant.
    radix: Vec<u32>,
    /// One interned verdict per row and column value.
    cells: Vec<Vec<u32>>,
    /// Per row, whether every cell of it is impossible.
    all_impossible: Vec<bool>,
    column_count: usize,
}

/// Step 4: the rows of a grid, split by what is impossible.
struct Rows {
    /// The rows with a possible cell, keyed by their merged columns' cells.
    shown: Vec<Pattern<Shown>>,
    /// The rows impossible in every column, keyed by their reasons.
    impossible: Vec<Pattern<usize>>,
    /// The impossible cells of shown rows, as patterns over the row inputs
    /// and the column input, keyed by their reason.
    dashes: Vec<Pattern<usize>>,
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

/// Steps 2 to 4 for one section (the one of `section_value`), labelled.
fn section(
    model: &Model,
    d: &Decision,
    placement: &Placement,
    section_value: Option<ValueId>,
    expand: bool,
    interner: &mut Interner,
) -> Section {
    let grid = answer(model, d, placement, section_value, interner);
    let interner = &*interner;
    let columns = merge_columns(&grid, interner, expand);
    let rows = split_rows(&grid, interner, &columns);
    let shown = if expand {
        rows.shown
    } else {
        merge(rows.shown)
    };
    let section = placement.sections.zip(section_value);
    let impossible = widen(
        d,
        &placement.rows,
        section,
        Some((placement.columns, grid.column_count)),
        merge(rows.impossible),
    );
    let mut cell_inputs = placement.rows.clone();
    cell_inputs.push(placement.columns);
    let dashes = widen(d, &cell_inputs, section, None, merge(rows.dashes));
    let labels = Labels {
        model,
        d,
        placement,
        interner,
    };
    Section {
        value: section.map(|(s, v)| labels.label(s, vec![v])),
        rows: shown.into_iter().map(|p| labels.row(p)).collect(),
        impossible: impossible
            .into_iter()
            .map(|p| labels.impossible(p, None))
            .chain(dashes.into_iter().map(|mut p| {
                let column = p.sets.pop().expect("the column's set");
                labels.impossible(p, Some(column))
            }))
            .collect(),
        columns: columns
            .into_iter()
            .map(|values| labels.label(placement.columns, values))
            .collect(),
    }
}

/// Step 2: answer every row combination × every column value of a section
/// by reading the rows.
fn answer(
    model: &Model,
    d: &Decision,
    placement: &Placement,
    section_value: Option<ValueId>,
    interner: &mut Interner,
) -> Grid {
    let size = |i: usize| model.enums[d.inputs[i].enum_id].values.len();
    let radix: Vec<u32> = placement.rows.iter().map(|&i| size(i) as u32).collect();
    let row_count: usize = radix.iter().map(|&r| r as usize).product();
    let column_count = size(placement.columns);
    let mut input = vec![0 as ValueId; d.inputs.len()];
    if let (Some(s), Some(v)) = (placement.sections, section_value) {
        input[s] = v;
    }
    let mut cells: Vec<Vec<u32>> = Vec::with_capacity(row_count);
    for row in 0..row_count {
        for (&i, v) in placement.rows.iter().zip(digits(row, &radix)) {
            input[i] = v;
        }
        let row_cells = (0..column_count as ValueId)
            .map(|c| {
                input[placement.columns] = c;
                interner.id(match d.evaluate(&input) {
                    Ruling::Row(r) => Verdict::Outputs(d.rows[r].outputs.clone()),
                    Ruling::Impossible(c) => Verdict::Impossible(c),
                    Ruling::Undecided => Verdict::Undecided,
                    Ruling::Conflicting(_) => Verdict::Conflicting,
                })
            })
            .collect();
        cells.push(row_cells);
    }
    let all_impossible = cells
        .iter()
        .map(|row| row.iter().all(|&c| interner.impossible(c).is_some()))
        .collect();
    Grid {
        radix,
        cells,
        all_impossible,
        column_count,
    }
}

/// Step 3: the columns, merged where their cells agree in every shown row
/// (each value its own column when expanded), as sets of column values.
fn merge_columns(grid: &Grid, interner: &Interner, expand: bool) -> Vec<Vec<ValueId>> {
    let mut groups: Vec<(Vec<Shown>, Vec<ValueId>)> = Vec::new();
    for c in 0..grid.column_count {
        if expand {
            groups.push((Vec::new(), vec![c as ValueId]));
            continue;
        }
        let key: Vec<Shown> = grid
            .cells
            .iter()
            .zip(&grid.all_impossible)
            .filter(|(_, &impossible)| !impossible)
            .map(|(cells, _)| interner.shown(cells[c]))
            .collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(c as ValueId),
            None => groups.push((key, vec![c as ValueId])),
        }
    }
    groups.into_iter().map(|(_, values)| values).collect()
}

/// Step 4, before merging: each row of the grid as a pattern, shown (keyed
/// by its cells in the merged `columns`) or impossible (keyed by its
/// reasons), and the impossible cells of shown rows.
fn split_rows(grid: &Grid, interner: &Interner, columns: &[Vec<ValueId>]) -> Rows {
    let mut rows = Rows {
        shown: Vec::new(),
        impossible: Vec::new(),
        dashes: Vec::new(),
    };
    for (row, cells) in grid.cells.iter().enumerate() {
        let sets: Vec<Vec<ValueId>> = digits(row, &grid.radix).map(|v| vec![v]).collect();
        if grid.all_impossible[row] {
            let mut reasons: Vec<usize> = cells
                .iter()
                .filter_map(|&c| interner.impossible(c))
                .collect();
            reasons.sort_unstable();
            reasons.dedup();
            rows.impossible.push(Pattern { sets, key: reasons });
            continue;
        }
        for (c, &id) in cells.iter().enumerate() {
            if let Some(constraint) = interner.impossible(id) {
                let mut sets = sets.clone();
                sets.push(vec![c as ValueId]);
                rows.dashes.push(Pattern {
                    sets,
                    key: vec![constraint],
                });
            }
        }
        let key = columns
            .iter()
            .map(|values| interner.shown(cells[values[0] as usize]))
            .collect();
        rows.shown.push(Pattern { sets, key });
    }
    rows
}

/// How the patterns of a section print: values as labels, verdicts as
/// cells, constraints as their `because`.
struct Labels<'a> {
    model: &'a Model,
    d: &'a Decision,
    placement: &'a Placement,
    interner: &'a Interner,
}

impl Labels<'_> {
    fn label(&self, input: usize, values: Vec<ValueId>) -> Label {
        Label::new(self.model, self.d.inputs[input].enum_id, values)
    }

    /// A label per row input.
    fn row_labels(&self, sets: Vec<Vec<ValueId>>) -> Vec<Label> {
        self.placement
            .rows
            .iter()
            .zip(sets)
            .map(|(&i, set)| self.label(i, set))
            .collect()
    }

    fn row(&self, pattern: Pattern<Shown>) -> GridRow {
        GridRow {
            cells: pattern.key.iter().map(|&shown| self.cell(shown)).collect(),
            labels: self.row_labels(pattern.sets),
        }
    }

    fn cell(&self, shown: Shown) -> Cell {
        let Shown::Verdict(id) = shown else {
            return Cell::Impossible;
        };
        match &self.interner.verdicts[id as usize] {
            Verdict::Outputs(values) => Cell::Outputs(
                self.d
                    .outputs
                    .iter()
                    .zip(values)
                    .map(|(o, &v)| self.model.enums[o.enum_id].values[v as usize].name.clone())
                    .collect(),
            ),
            Verdict::Impossible(_) => Cell::Impossible,
            Verdict::Undecided => Cell::Undecided,
            Verdict::Conflicting => Cell::Conflicting,
        }
    }

    /// An impossible pattern over the row inputs, and for the impossible
    /// cells of a shown row the column values they are in.
    fn impossible(&self, pattern: Pattern<usize>, column: Option<Vec<ValueId>>) -> ImpossibleRow {
        ImpossibleRow {
            because: pattern
                .key
                .iter()
                .map(|&c| self.d.constraints[c].because.clone())
                .collect(),
            pattern: self.row_labels(pattern.sets),
            column: column.map(|values| self.label(self.placement.columns, values)),
        }
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
fn merge<K: Clone + Eq + Hash>(mut patterns: Vec<Pattern<K>>) -> Vec<Pattern<K>> {
    let inputs = patterns.first().map_or(0, |p| p.sets.len());
    loop {
        let before = patterns.len();
        for k in (0..inputs).rev() {
            let mut index: HashMap<(Vec<Vec<ValueId>>, Vec<K>), usize> = HashMap::new();
            let mut merged: Vec<Pattern<K>> = Vec::with_capacity(patterns.len());
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

fn first_row<K>(pattern: &Pattern<K>) -> Vec<ValueId> {
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
    patterns: Vec<Pattern<usize>>,
) -> Vec<Pattern<usize>> {
    let mut out: Vec<Pattern<usize>> = Vec::with_capacity(patterns.len());
    for mut pattern in patterns {
        if let [c] = pattern.key[..] {
            let constraint = &d.constraints[c];
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
