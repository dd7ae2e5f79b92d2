//! The checker's verdicts, collected from the regions of a [`Problem`].

use super::cube::{merge, Cube, Space};
use super::partition::{partition, Region};
use super::Problem;
use std::collections::{BTreeMap, HashMap};

/// Two rows that both decide some possible input, with one such input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The lower row id.
    pub first: u32,
    pub second: u32,
    pub witness: Vec<u32>,
}

/// A row of an ordered table that never decides a possible input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shadowed {
    pub row: u32,
    /// The earlier rows of its table that win where it matches.
    pub by: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Disjoint cubes of undecided possible inputs, merged where they differ
    /// in one column only, in a stable order.
    pub gaps: Vec<Cube>,
    /// How many inputs the gaps hold (saturating).
    pub gap_inputs: u128,
    /// Pairs of rows deciding one input differently. Every row that takes
    /// part in a conflict appears in at least one pair.
    pub conflicts: Vec<Pair>,
    /// Pairs of rows of unordered tables that decide one input alike.
    pub overlaps: Vec<Pair>,
    /// Rows of ordered tables that never decide a possible input.
    pub unreachable: Vec<Shadowed>,
    /// Rows matching at least one input, but only impossible ones.
    pub only_impossible: Vec<u32>,
    /// Rows matching no input at all (an empty cell).
    pub empty: Vec<u32>,
}

impl Analysis {
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty()
    }
}

pub fn analyze(problem: &Problem) -> Analysis {
    let space = &problem.space;
    let rows = problem.rows.len();
    let mut gaps: Vec<Cube> = Vec::new();
    let mut conflicts: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let mut overlaps: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    // Per row: matched a possible input; decided one; rows winning over it.
    let mut possible = vec![false; rows];
    let mut decides = vec![false; rows];
    let mut shadowed_by: HashMap<u32, Vec<u32>> = HashMap::new();

    partition(problem, |cube, region| {
        let Region::Possible { active, effective } = region else {
            return;
        };
        if effective.is_empty() {
            gaps.push(cube.into());
            return;
        }
        for &id in active {
            possible[id as usize] = true;
        }
        for &id in effective {
            decides[id as usize] = true;
        }
        for &id in active {
            if effective.contains(&id) {
                continue;
            }
            let group = problem.rows[id as usize].group;
            let winner = *effective
                .iter()
                .find(|&&e| problem.rows[e as usize].group == group)
                .expect("a shadowed row's table has a winner here");
            let by = shadowed_by.entry(id).or_default();
            if !by.contains(&winner) {
                by.push(winner);
            }
        }
        if effective.len() > 1 {
            record_pairs(
                problem,
                space,
                cube,
                effective,
                &mut conflicts,
                &mut overlaps,
            );
        }
    });

    let empty: Vec<u32> = (0..rows as u32)
        .filter(|&id| space.is_empty(&problem.rows[id as usize].cube))
        .collect();
    let only_impossible = (0..rows as u32)
        .filter(|&id| !possible[id as usize] && !empty.contains(&id))
        .collect();
    let mut unreachable: Vec<Shadowed> = (0..rows as u32)
        .filter(|&id| possible[id as usize] && !decides[id as usize])
        .map(|row| {
            let mut by = shadowed_by.remove(&row).unwrap_or_default();
            by.sort_unstable();
            Shadowed { row, by }
        })
        .collect();
    unreachable.sort_by_key(|s| s.row);

    let gaps = merge(space, gaps);
    let gap_inputs = gaps
        .iter()
        .fold(0u128, |acc, g| acc.saturating_add(space.cube_volume(g)));
    let pairs = |map: BTreeMap<(u32, u32), Vec<u32>>| {
        map.into_iter()
            .map(|((first, second), witness)| Pair {
                first,
                second,
                witness,
            })
            .collect()
    };
    Analysis {
        gaps,
        gap_inputs,
        conflicts: pairs(conflicts),
        overlaps: pairs(overlaps),
        unreachable,
        only_impossible,
        empty,
    }
}

/// Record the pairs among a region's deciding rows: for each row, one pair
/// with the first row that decides differently (a conflict) or alike (an
/// overlap). Linear in the rows, and every row in a conflict is named.
fn record_pairs(
    problem: &Problem,
    space: &Space,
    cube: &[u64],
    effective: &[u32],
    conflicts: &mut BTreeMap<(u32, u32), Vec<u32>>,
    overlaps: &mut BTreeMap<(u32, u32), Vec<u32>>,
) {
    let outcome = |id: u32| problem.rows[id as usize].outcome;
    let first = effective[0];
    let first_other = effective
        .iter()
        .copied()
        .find(|&id| outcome(id) != outcome(first));
    let mut first_of_outcome: HashMap<u32, u32> = HashMap::new();
    for &id in effective {
        let leader = *first_of_outcome.entry(outcome(id)).or_insert(id);
        if leader != id {
            overlaps
                .entry((leader, id))
                .or_insert_with(|| space.first_point(cube));
        }
        let partner = if outcome(id) != outcome(first) {
            Some(first)
        } else {
            first_other
        };
        if let Some(partner) = partner {
            let key = (partner.min(id), partner.max(id));
            conflicts
                .entry(key)
                .or_insert_with(|| space.first_point(cube));
        }
    }
}
