//! Checked model → lookup tables: for each decision, one entry per input,
//! in mixed-radix order (the first input is the most significant digit).
//!
//! The tables are filled from the regions of [`crate::analysis::partition`],
//! so building them costs one write per input, never a scan of the rows per
//! input. They are what `coex build` and the runtime crate bake in, and what
//! `coex eval` looks answers up in.

use crate::analysis::{partition, Region};
use crate::model::{CheckedModel, Decision, ValueId};
use crate::source::Sources;

/// The largest table that is baked: [`crate::limits::MAX_TABLE_ENTRIES`].
pub(crate) const MAX_ENTRIES: u128 = crate::limits::MAX_TABLE_ENTRIES;

/// The lookup tables of a rule set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LookupTables {
    /// One table per decision, in the model's order of decisions.
    pub(crate) decisions: Vec<LookupTable>,
}

/// What one table entry says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    /// Decided by this row (an index into [`LookupTable::rows`]).
    Row(u32),
    /// Excluded by this constraint.
    Impossible(u32),
}

/// The lookup table of one decision: an entry for every input, the
/// outcomes the entries lead to, and what each row and constraint cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LookupTable {
    /// The decision's index in the model.
    pub(crate) decision: usize,
    /// Number of values of each input.
    pub(crate) radix: Vec<u32>,
    /// One entry per input, in mixed-radix order.
    pub(crate) entries: Vec<Entry>,
    /// The distinct output tuples, in order of first appearance in the rows.
    pub(crate) outcomes: Vec<Vec<ValueId>>,
    /// For each row of the decision, its outcome's index.
    pub(crate) row_outcomes: Vec<u32>,
    /// Where each row of the decision is, in the model's order of rows.
    pub(crate) rows: Vec<Citation>,
    /// Where each `impossible` constraint of the decision is, in order.
    pub(crate) constraints: Vec<ConstraintCitation>,
}

/// Where a row is, and what it cites.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    /// The rule file's name as the rule set names it.
    pub file: String,
    /// The 1-based line the row starts on.
    pub line: u32,
    /// The title of the row's table.
    pub table: String,
    /// 1-based position of the row in its table.
    pub row: u32,
    /// The row's own `source`, else its table's (`None` when neither has
    /// one, or the row's is empty).
    pub source: Option<String>,
    /// The row as written.
    pub text: String,
}

/// Where an `impossible` constraint is, why, and what it cites.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ConstraintCitation {
    /// The rule file's name as the rule set names it.
    pub file: String,
    /// The 1-based line the constraint starts on.
    pub line: u32,
    /// The constraint's `because`.
    pub because: String,
    /// The constraint's `source` (`None` when it has none, or it is empty).
    pub source: Option<String>,
    /// The constraint as written, on one line.
    pub text: String,
}

impl LookupTable {
    /// The mixed-radix index of an input.
    pub(crate) fn index(&self, input: &[ValueId]) -> usize {
        input
            .iter()
            .zip(&self.radix)
            .fold(0usize, |acc, (&v, &r)| acc * r as usize + v as usize)
    }

    /// The entry of an input (one value per input of the decision).
    pub(crate) fn lookup(&self, input: &[ValueId]) -> Entry {
        self.entries[self.index(input)]
    }
}

/// Build the tables of a checked model: the checker refused every decision
/// larger than [`MAX_ENTRIES`].
pub(crate) fn build(model: CheckedModel<'_>, sources: &Sources) -> LookupTables {
    LookupTables {
        decisions: (0..model.decisions.len())
            .map(|index| build_decision(model, sources, index))
            .collect(),
    }
}

/// The table of one decision of a checked model.
pub(crate) fn build_decision(
    model: CheckedModel<'_>,
    sources: &Sources,
    index: usize,
) -> LookupTable {
    let decision = &model.decisions[index];
    let problem = decision.problem(&model);
    let space = &problem.space;
    let radix: Vec<u32> = space.sizes().to_vec();
    let mut entries = vec![Entry::Impossible(u32::MAX); space.volume() as usize];
    partition(&problem, |cube, region| {
        let entry = match region {
            Region::Impossible { constraint } => Entry::Impossible(constraint as u32),
            // A checked model has no gaps and no conflicts: one row decides.
            Region::Possible { effective, .. } => match effective.first() {
                Some(&row) => Entry::Row(row),
                None => return,
            },
        };
        let columns: Vec<Vec<u32>> = (0..space.columns())
            .map(|c| space.values(cube, c).collect())
            .collect();
        for_each_point(&columns, &radix, &mut |i| entries[i] = entry);
    });
    let (outcomes, row_outcomes) = decision.outcomes();
    let (rows, constraints) = citations(decision, sources);
    LookupTable {
        decision: index,
        radix,
        entries,
        outcomes: outcomes.into_iter().map(<[ValueId]>::to_vec).collect(),
        row_outcomes,
        rows,
        constraints,
    }
}

/// Where each row and constraint of a decision is, and what it cites.
pub(crate) fn citations(
    decision: &Decision,
    sources: &Sources,
) -> (Vec<Citation>, Vec<ConstraintCitation>) {
    let mut position_in_table = vec![0u32; decision.tables.len()];
    let rows = decision
        .rows
        .iter()
        .map(|row| {
            position_in_table[row.table] += 1;
            let table = &decision.tables[row.table];
            let (file, line) = place(sources, row.span);
            Citation {
                file,
                line,
                table: table.title.clone(),
                row: position_in_table[row.table],
                source: cited(row.source.as_ref().or(table.source.as_ref())),
                text: sources.snippet(row.span).trim().to_string(),
            }
        })
        .collect();
    let constraints = decision
        .constraints
        .iter()
        .map(|c| {
            let (file, line) = place(sources, c.span);
            ConstraintCitation {
                file,
                line,
                because: c.because.clone(),
                source: cited(c.source.as_ref()),
                text: one_line(sources.snippet(c.span)),
            }
        })
        .collect();
    (rows, constraints)
}

/// A `source` clause's text; an empty one cites nothing.
fn cited(source: Option<&String>) -> Option<String> {
    source.filter(|s| !s.is_empty()).cloned()
}

fn place(sources: &Sources, span: crate::source::Span) -> (String, u32) {
    let location = sources.location(span);
    (location.file, location.line as u32)
}

/// A multi-line construct on one line, whitespace collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Call `f` with the mixed-radix index of every point of a cube given as
/// its values per column, in increasing order (an odometer over the
/// columns that keeps the index up to date, so that a cube of thousands of
/// columns needs neither a deep stack nor a pass over them per point).
fn for_each_point(columns: &[Vec<u32>], radix: &[u32], f: &mut dyn FnMut(usize)) {
    if columns.iter().any(|values| values.is_empty()) {
        return;
    }
    let mut strides = vec![1usize; columns.len()];
    for c in (0..columns.len().saturating_sub(1)).rev() {
        strides[c] = strides[c + 1] * radix[c + 1] as usize;
    }
    let value = |c: usize, i: usize| columns[c][i] as usize * strides[c];
    // The position in each column's values, the last column fastest.
    let mut at = vec![0usize; columns.len()];
    let mut index: usize = (0..columns.len()).map(|c| value(c, 0)).sum();
    // Only columns of several values ever move.
    let moving: Vec<usize> = (0..columns.len())
        .filter(|&c| columns[c].len() > 1)
        .collect();
    loop {
        f(index);
        let Some(k) = (0..moving.len())
            .rev()
            .find(|&k| at[moving[k]] + 1 < columns[moving[k]].len())
        else {
            return;
        };
        let column = moving[k];
        index += value(column, at[column] + 1) - value(column, at[column]);
        at[column] += 1;
        for &later in &moving[k + 1..] {
            index -= value(later, at[later]) - value(later, 0);
            at[later] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::citations;
    use crate::source::Sources;

    #[test]
    fn a_citation_has_a_source_only_where_the_rules_give_one() {
        let mut sources = Sources::new();
        sources.add(
            "r.coex",
            "enum E { a, b }\n\
             decision d(x: E) -> y: E {\n\
             \x20   impossible x == b because \"no b\"\n\
             \x20   impossible x == a && x == a because \"never\" source \"\"\n\
             \x20   table \"t\" source \"the table\"\n\
             \x20   | x || y |\n\
             \x20   | a || a |\n\
             \x20   | a || a | source \"the row\"\n\
             \x20   | a || a | source \"\"\n\
             }\n",
        );
        let compiled = crate::compile(&sources);
        let model = compiled.model.as_ref().expect("a model");
        let (rows, constraints) = citations(&model.decisions[0], &sources);
        let row_sources: Vec<Option<&str>> = rows.iter().map(|r| r.source.as_deref()).collect();
        // An empty `source ""` cites nothing, and hides its table's.
        assert_eq!(row_sources, [Some("the table"), Some("the row"), None]);
        let places: Vec<(&str, u32, u32)> = rows
            .iter()
            .map(|r| (r.table.as_str(), r.row, r.line))
            .collect();
        assert_eq!(places, [("t", 1, 7), ("t", 2, 8), ("t", 3, 9)]);
        let constraints: Vec<(&str, Option<&str>)> = constraints
            .iter()
            .map(|c| (c.because.as_str(), c.source.as_deref()))
            .collect();
        assert_eq!(constraints, [("no b", None), ("never", None)]);
    }
}
