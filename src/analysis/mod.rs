//! Completeness and conflict analysis of decision tables.
//!
//! This module knows nothing of `.coex` syntax: a [`Problem`] is a finite
//! input [`Space`] (one column per input, each with `n` values), a list of
//! rows, each a [`Cube`] (a set of allowed values per column) with an
//! outcome and the table (group) it belongs to, and a list of `impossible`
//! cubes. It answers, exactly:
//!
//! - **gaps**: the inputs no row decides and no constraint excludes, as a
//!   few disjoint cubes (compressed: cubes that differ in one column only
//!   are merged), their total count and an example input;
//! - **conflicts**: pairs of rows that both decide some possible input with
//!   different outcomes, each with a witness input (and *overlaps*, pairs
//!   that agree);
//! - **unreachable rows** of ordered (first-match) tables, with the earlier
//!   rows that always win over them;
//! - rows that match **only impossible** inputs.
//!
//! # The algorithm
//!
//! It never lists the input space. It splits it, column by column, the way
//! rustc's exhaustiveness checker splits constructors:
//!
//! 1. Start with the whole space and every row and constraint that
//!    intersects it (the *active* rows).
//! 2. If every active row allows all of the current cube, the cube is a
//!    *region*: every input in it is matched by exactly the same rows, so
//!    one look at the active rows decides the whole region at once (gap,
//!    impossible, decided by one row, or decided by several).
//! 3. Otherwise pick a column where some active row is narrower than the
//!    cube (the one where most rows are), and partition the cube's values in
//!    that column into classes of values that every active row treats alike
//!    (all in or all out: partition refinement by each row's value set).
//!    Recurse into each class with the rows that allow it.
//!
//! Each split strictly narrows some row, so the recursion ends; the regions
//! it reaches are disjoint and cover the space, so the verdict is exact.
//! The cost is proportional to the number of regions the rows carve out,
//! not to the size of the space: a 10^12-input decision with a thousand
//! structured rows is a few thousand regions. Deciding whether a set of
//! cubes covers a space is co-NP-complete in general (it is DNF tautology),
//! so adversarial row sets can still make any exact checker exponential;
//! rule tables written from documents are far from that, and there is no
//! budget here that gives up and guesses.
//!
//! # A worked example
//!
//! Two inputs, `mode` (0 = Islands, 1 = SfBOnly, 2 = TeamsOnly) and
//! `client` (0 = Teams, 1 = SfB): six inputs. Three unordered rows of one
//! table, each a cube (the values it allows per column) with an outcome:
//!
//! ```text
//! row | mode               | client || outcome
//!   0 | Islands            | *      || A
//!   1 | SfBOnly, TeamsOnly | SfB    || B
//!   2 | TeamsOnly          | *      || C
//! ```
//!
//! The walk starts from the whole cube `{I,S,T} × {Teams,SfB}` with all
//! three rows active. Every row is narrower than the cube in `mode`, only
//! row 1 in `client`, so it splits `mode`. Row 0 separates `{I}` from
//! `{S,T}`, row 1 the same, row 2 `{T}` from `{I,S}`: the classes are
//! `{I}`, `{S}` and `{T}`.
//!
//! - `{I} × *`: only row 0 is active, and it allows the whole cube: a
//!   **region** decided by row 0 (two inputs at once).
//! - `{S} × *`: only row 1, narrower in `client`; split it. `{S} × {Teams}`
//!   has no active row: a **gap** of one input; `{S} × {SfB}` is a region
//!   decided by row 1.
//! - `{T} × *`: rows 1 and 2; row 1 is narrower in `client`, split it.
//!   `{T} × {Teams}` is decided by row 2 alone; `{T} × {SfB}` by rows 1 and
//!   2, whose outcomes differ: a **conflict**, witnessed by `(TeamsOnly,
//!   SfB)`.
//!
//! Five regions, disjoint, covering the six inputs; the verdicts are read
//! off them. The same, run:
//!
//! ```
//! use coex::analysis::{analyze, partition, Problem, Region, Row, Space};
//!
//! let space = Space::new(vec![3, 2]);
//! let row = |mode: &[u32], client: &[u32], outcome| Row {
//!     cube: space.cube([mode.to_vec(), client.to_vec()]),
//!     group: 0,
//!     outcome,
//! };
//! let problem = Problem {
//!     rows: vec![row(&[0], &[0, 1], 0), row(&[1, 2], &[1], 1), row(&[2], &[0, 1], 2)],
//!     space: space.clone(),
//!     ordered: vec![false],
//!     impossible: vec![],
//! };
//!
//! let mut regions = Vec::new();
//! partition(&problem, |cube, region| {
//!     let values = |column| problem.space.values(cube, column).collect::<Vec<_>>();
//!     if let Region::Possible { effective, .. } = region {
//!         regions.push((values(0), values(1), effective.to_vec()));
//!     }
//! });
//! assert_eq!(
//!     regions,
//!     [
//!         (vec![0], vec![0, 1], vec![0]), // Islands, any client: row 0
//!         (vec![1], vec![0], vec![]),     // SfBOnly, Teams: a gap
//!         (vec![1], vec![1], vec![1]),    // SfBOnly, SfB: row 1
//!         (vec![2], vec![0], vec![2]),    // TeamsOnly, Teams: row 2
//!         (vec![2], vec![1], vec![1, 2]), // TeamsOnly, SfB: rows 1 and 2
//!     ]
//! );
//!
//! let analysis = analyze(&problem);
//! assert_eq!(analysis.gap_inputs, 1);
//! assert_eq!(space.first_point(&analysis.gaps[0]), [1, 0]);
//! let conflict = &analysis.conflicts[0];
//! assert_eq!((conflict.first, conflict.second, &conflict.witness[..]), (1, 2, &[2, 1][..]));
//! ```
//!
//! # The bounded worst case
//!
//! Crossing rows can still carve a small space into nearly as many regions
//! as it has inputs, and a region costs far more than an input costs to
//! enumerate bit-parallel. So when a space has at most [`ENUMERABLE`]
//! (2^24) inputs, [`analyze`] walks it with a budget of what enumerating it
//! would cost ([`chunk::cost`]); a walk that runs over is dropped and the
//! space enumerated instead, chunk by chunk, a bit set per row
//! ([`analyze_enumerated`]: the same verdicts, gaps cut into other cubes,
//! each pair's witness its first input). The analysis of such a space is
//! thus never much slower than enumerating it. A larger space is walked to
//! the end, exactly, reporting [`Progress`] to [`analyze_with`]'s caller.
//!
//! [`partition`] is that walk, reporting each region to a visitor;
//! [`analyze`] collects the verdicts the checker reports, and the table
//! builder fills lookup tables from the same regions. [`merge`] turns many
//! disjoint cubes into few patterns (the gaps the checker prints, the
//! changed inputs `coex diff` prints).

pub(crate) mod chunk;
mod cube;
mod partition;
mod verdict;

pub use chunk::ENUMERABLE;
pub(crate) use cube::merge;
pub use cube::{Cube, Space};
pub(crate) use partition::partition_within;
pub use partition::{partition, Region};
pub(crate) use verdict::analyze_with;
pub use verdict::{analyze, analyze_enumerated, Analysis, Progress, RowPair};

/// One row of a decision table, as the analysis sees it.
#[derive(Clone, Debug)]
pub struct Row {
    /// The inputs the row matches: the values its cells allow, per column.
    pub cube: Cube,
    /// The table the row belongs to (an index into [`Problem::ordered`]).
    pub group: u32,
    /// Rows with equal outcomes decide the same way.
    pub outcome: u32,
}

/// One decision as the analysis sees it: its input space, its rows and
/// the inputs its constraints exclude.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The inputs: one column per input, with its number of values.
    pub space: Space,
    /// Rows in source order; a row's index is its id.
    pub rows: Vec<Row>,
    /// For each group (table): whether it is first-match ordered.
    pub ordered: Vec<bool>,
    /// Inputs that cannot exist.
    pub impossible: Vec<Cube>,
}

#[cfg(test)]
mod tests;
