//! The checker's verdicts, collected from the regions of a [`Problem`].

use super::chunk::{self, Bits, Chunk, ENUMERABLE};
use super::cube::{merge, Cube, Space};
use super::partition::{partition_within, Region};
use super::Problem;
use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;

/// Two rows that both decide some possible input, with one such input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowPair {
    /// The lower row id.
    pub first: u32,
    /// The higher row id.
    pub second: u32,
    /// An input both rows decide: one value index per column.
    pub witness: Vec<u32>,
}

/// A row of an ordered table that never decides a possible input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shadowed {
    pub(crate) row: u32,
    /// The earlier rows of its table that win where it matches.
    pub(crate) by: Vec<u32>,
}

/// The verdicts on one [`Problem`]: its gaps, conflicting and overlapping
/// rows, and the rows that never decide a possible input.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Disjoint cubes of undecided possible inputs, merged where they differ
    /// in one column only, in a stable order.
    pub gaps: Vec<Cube>,
    /// How many inputs the gaps hold (saturating).
    pub gap_inputs: u128,
    /// Pairs of rows deciding one input differently. Every row that takes
    /// part in a conflict appears in at least one pair.
    pub conflicts: Vec<RowPair>,
    /// Pairs of rows of unordered tables that decide one input alike.
    pub(crate) overlaps: Vec<RowPair>,
    /// Rows of ordered tables that never decide a possible input.
    pub(crate) unreachable: Vec<Shadowed>,
    /// Rows matching at least one input, but only impossible ones.
    pub(crate) only_impossible: Vec<u32>,
    /// Rows matching no input at all (an empty cell).
    pub(crate) empty: Vec<u32>,
}

/// How far a long analysis has come: the inputs whose verdict is known,
/// out of all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Inputs whose verdict is known.
    pub done: u128,
    /// Inputs in the whole space.
    pub total: u128,
}

/// How often, in regions, a long walk reports [`Progress`].
const PROGRESS_EVERY: u64 = 1 << 16;

/// The verdicts on a problem: its region walk, or, for a space of at most
/// [`ENUMERABLE`] inputs whose walk would cost more, its enumeration.
pub fn analyze(problem: &Problem) -> Analysis {
    analyze_with(problem, &mut |_| {})
}

/// [`analyze`], reporting progress now and then (only when the space is too
/// large to enumerate, where the walk may be long).
///
/// A space of at most [`ENUMERABLE`] inputs is walked with a budget of what
/// enumerating it would cost; past the budget the walk is dropped and the
/// space enumerated instead ([`analyze_enumerated`]), so the analysis is
/// never much slower than enumeration. A larger space is walked to the end.
pub(crate) fn analyze_with(problem: &Problem, progress: &mut dyn FnMut(Progress)) -> Analysis {
    let space = &problem.space;
    let ids = problem.rows.len() + problem.impossible.len();
    if space.volume() <= ENUMERABLE {
        let budget = chunk::walk_budget(space, ids);
        return walked(problem, budget, &mut |_| {}).unwrap_or_else(|| analyze_enumerated(problem));
    }
    walked(problem, u64::MAX, progress).expect("an unlimited walk finishes")
}

/// What the walk or the enumeration collects, before `finish`.
struct Collected {
    gaps: Vec<Cube>,
    conflicts: Vec<RowPair>,
    overlaps: Vec<RowPair>,
    /// Per row: matched a possible input; decided one; rows winning over it.
    possible: Vec<bool>,
    decides: Vec<bool>,
    shadowed_by: Vec<Vec<u32>>,
}

/// The analysis by the region walk, or `None` past `budget` steps.
pub(crate) fn walked(
    problem: &Problem,
    budget: u64,
    progress: &mut dyn FnMut(Progress),
) -> Option<Analysis> {
    let space = &problem.space;
    let rows = problem.rows.len();
    let mut gaps: Vec<Cube> = Vec::new();
    let mut conflicts: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let mut overlaps: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let mut possible = vec![false; rows];
    let mut decides = vec![false; rows];
    let mut shadowed_by: Vec<Vec<u32>> = vec![Vec::new(); rows];
    let mut is_effective = vec![false; rows];
    let total = space.volume();
    let (mut regions, mut done) = (0u64, 0u128);

    let finished = partition_within(problem, budget, |cube, region| {
        regions += 1;
        if budget == u64::MAX {
            done = done.saturating_add(space.cube_volume(cube));
            if regions % PROGRESS_EVERY == 0 {
                progress(Progress { done, total });
            }
        }
        let Region::Possible { active, effective } = region else {
            return ControlFlow::Continue(());
        };
        if effective.is_empty() {
            gaps.push(cube.into());
            return ControlFlow::Continue(());
        }
        for &id in active {
            possible[id as usize] = true;
        }
        for &id in effective {
            decides[id as usize] = true;
            is_effective[id as usize] = true;
        }
        for &id in active {
            if is_effective[id as usize] {
                continue;
            }
            let group = problem.rows[id as usize].group;
            let winner = *effective
                .iter()
                .find(|&&e| problem.rows[e as usize].group == group)
                .expect("a shadowed row's table has a winner here");
            let by = &mut shadowed_by[id as usize];
            if !by.contains(&winner) {
                by.push(winner);
            }
        }
        for &id in effective {
            is_effective[id as usize] = false;
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
        ControlFlow::Continue(())
    });
    if !finished {
        return None;
    }
    let pairs = |map: BTreeMap<(u32, u32), Vec<u32>>| {
        map.into_iter()
            .map(|((first, second), witness)| RowPair {
                first,
                second,
                witness,
            })
            .collect()
    };
    Some(finish(
        problem,
        Collected {
            gaps,
            conflicts: pairs(conflicts),
            overlaps: pairs(overlaps),
            possible,
            decides,
            shadowed_by,
        },
    ))
}

/// The verdicts from what was collected: gaps merged, rows classified.
fn finish(problem: &Problem, collected: Collected) -> Analysis {
    let space = &problem.space;
    let rows = problem.rows.len();
    let Collected {
        gaps,
        conflicts,
        overlaps,
        possible,
        decides,
        mut shadowed_by,
    } = collected;
    let is_empty: Vec<bool> = problem
        .rows
        .iter()
        .map(|row| space.is_empty(&row.cube))
        .collect();
    let empty: Vec<u32> = (0..rows as u32)
        .filter(|&id| is_empty[id as usize])
        .collect();
    let only_impossible = (0..rows as u32)
        .filter(|&id| !possible[id as usize] && !is_empty[id as usize])
        .collect();
    let unreachable: Vec<Shadowed> = (0..rows as u32)
        .filter(|&id| possible[id as usize] && !decides[id as usize])
        .map(|row| {
            let mut by = std::mem::take(&mut shadowed_by[row as usize]);
            by.sort_unstable();
            Shadowed { row, by }
        })
        .collect();

    let gaps = merge(space, gaps);
    let gap_inputs = gaps
        .iter()
        .fold(0u128, |acc, g| acc.saturating_add(space.cube_volume(g)));
    Analysis {
        gaps,
        gap_inputs,
        conflicts,
        overlaps,
        unreachable,
        only_impossible,
        empty,
    }
}

/// [`analyze`] by enumerating the space chunk by chunk (see
/// [`super::chunk`]): the same verdicts as the region walk. The gaps come
/// out as other (equally merged) cubes, and each pair's witness is its
/// first input in lexicographic order.
pub fn analyze_enumerated(problem: &Problem) -> Analysis {
    analyze_in_chunks(problem, chunk::CHUNK_BITS)
}

/// [`analyze_enumerated`] with chunks of about `chunk_bits` inputs.
pub(crate) fn analyze_in_chunks(problem: &Problem, chunk_bits: usize) -> Analysis {
    let space = &problem.space;
    let rows = problem.rows.len();
    let cubes: Vec<&[u64]> = problem
        .rows
        .iter()
        .map(|r| &*r.cube)
        .chain(problem.impossible.iter().map(|c| &**c))
        .collect();
    let group = |id: usize| problem.rows[id].group;
    let mut possible = vec![false; rows];
    let mut decides = vec![false; rows];
    let mut shadowed_by: Vec<Vec<u32>> = vec![Vec::new(); rows];
    let mut gaps: Vec<Cube> = Vec::new();
    // RowPair → the index of its first input.
    let mut conflicts: HashMap<(u32, u32), u64> = HashMap::new();
    let mut overlaps: HashMap<(u32, u32), u64> = HashMap::new();
    let note = |map: &mut HashMap<(u32, u32), u64>, a: usize, b: usize, at: u64| {
        let key = (a.min(b) as u32, a.max(b) as u32);
        let slot = map.entry(key).or_insert(at);
        *slot = (*slot).min(at);
    };

    chunk::chunks_of(space, &cubes, chunk_bits, |chunk| {
        let words = chunk.plan.words();
        let mut allowed = chunk.plan.all();
        for set in chunk.sets[rows..].iter().flatten() {
            chunk::remove(&mut allowed, set);
        }
        // Each row's matches, and the inputs it decides.
        let mut deciding: Vec<Option<Bits>> = vec![None; rows];
        let mut covered: HashMap<u32, Bits> = HashMap::new();
        let mut decided = vec![0u64; words];
        for id in 0..rows {
            let Some(set) = &chunk.sets[id] else { continue };
            let matched = chunk::and(set, &allowed);
            if chunk::is_empty(&matched) {
                continue;
            }
            possible[id] = true;
            let effective = if problem.ordered[group(id) as usize] {
                let earlier = covered.entry(group(id)).or_insert_with(|| vec![0; words]);
                let effective = chunk::and_not(&matched, earlier);
                let mut shadowed = chunk::and_not(&matched, &effective);
                chunk::or_into(earlier, &matched);
                // The earlier rows of the table that win where it matches.
                while let Some(bit) = chunk::first(&shadowed) {
                    let winner = (0..id)
                        .find(|&w| {
                            group(w) == group(id)
                                && deciding[w]
                                    .as_ref()
                                    .is_some_and(|d| chunk::contains_bit(d, bit))
                        })
                        .expect("a shadowed input has a winner in its table");
                    if !shadowed_by[id].contains(&(winner as u32)) {
                        shadowed_by[id].push(winner as u32);
                    }
                    chunk::remove(
                        &mut shadowed,
                        deciding[winner].as_ref().expect("a winner decides"),
                    );
                }
                effective
            } else {
                matched
            };
            if chunk::is_empty(&effective) {
                continue;
            }
            decides[id] = true;
            chunk::or_into(&mut decided, &effective);
            deciding[id] = Some(effective);
        }
        gaps.extend(chunk.cubes(&chunk::and_not(&allowed, &decided)));
        pairs(chunk, problem, &deciding, &mut |kind, a, b, bit| {
            let at = chunk.base + bit as u64;
            match kind {
                PairKind::Conflict => note(&mut conflicts, a, b, at),
                PairKind::Overlap => note(&mut overlaps, a, b, at),
            }
        });
    });

    let plan_point = |at: u64| chunk::point(space, at);
    let pairs = |map: HashMap<(u32, u32), u64>| {
        let mut list: Vec<RowPair> = map
            .into_iter()
            .map(|((first, second), at)| RowPair {
                first,
                second,
                witness: plan_point(at),
            })
            .collect();
        list.sort_by_key(|p| (p.first, p.second));
        list
    };
    finish(
        problem,
        Collected {
            gaps,
            conflicts: pairs(conflicts),
            overlaps: pairs(overlaps),
            possible,
            decides,
            shadowed_by,
        },
    )
}

enum PairKind {
    Conflict,
    Overlap,
}

/// The pairs the region walk records (see `record_pairs`), input by input,
/// found a bit set at a time: `found(kind, a, b, bit)` for each pair and
/// some input of the chunk where it holds (its first, per way it is found).
fn pairs(
    chunk: &Chunk<'_>,
    problem: &Problem,
    deciding: &[Option<Bits>],
    found: &mut dyn FnMut(PairKind, usize, usize, usize),
) {
    let words = chunk.plan.words();
    let outcome = |id: usize| problem.rows[id].outcome;
    let ids: Vec<usize> = (0..deciding.len())
        .filter(|&id| deciding[id].is_some())
        .collect();
    if ids.len() < 2 {
        return;
    }
    let set = |id: usize| deciding[id].as_deref().expect("a deciding row has a set");
    // Where each row is the first deciding row (`first`), the first of its
    // outcome (`leads`), and the first whose outcome differs from the
    // first's (`other`); `by_outcome[o]`: where the first row has outcome o.
    let mut any = vec![0u64; words];
    let mut first: HashMap<usize, Bits> = HashMap::new();
    let mut by_outcome: HashMap<u32, Bits> = HashMap::new();
    let mut seen: HashMap<u32, Bits> = HashMap::new();
    let mut leads: HashMap<usize, Bits> = HashMap::new();
    for &id in &ids {
        let mine = chunk::and_not(set(id), &any);
        chunk::or_into(&mut any, &mine);
        chunk::or_into(
            by_outcome
                .entry(outcome(id))
                .or_insert_with(|| vec![0; words]),
            &mine,
        );
        first.insert(id, mine);
        let seen = seen.entry(outcome(id)).or_insert_with(|| vec![0; words]);
        leads.insert(id, chunk::and_not(set(id), seen));
        chunk::or_into(seen, set(id));
    }
    let mut has_other = vec![0u64; words];
    let mut other: HashMap<usize, Bits> = HashMap::new();
    for &id in &ids {
        let mut mine = chunk::and_not(set(id), &by_outcome[&outcome(id)]);
        chunk::remove(&mut mine, &has_other);
        chunk::or_into(&mut has_other, &mine);
        other.insert(id, mine);
    }
    let find = |sets: &HashMap<usize, Bits>, bit: usize, same: Option<u32>| {
        ids.iter()
            .copied()
            .filter(|&c| same.is_none_or(|o| outcome(c) == o))
            .find(|c| sets.get(c).is_some_and(|s| chunk::contains_bit(s, bit)))
            .expect("every decided input has its rows")
    };
    for &id in &ids {
        let same = &by_outcome[&outcome(id)];
        // The first row decides otherwise: a conflict with it.
        let mut left = chunk::and_not(set(id), same);
        while let Some(bit) = chunk::first(&left) {
            let partner = find(&first, bit, None);
            found(PairKind::Conflict, partner, id, bit);
            chunk::remove(&mut left, &first[&partner]);
        }
        // The first row decides alike, another row otherwise: a conflict
        // with the first of those.
        let mut left = chunk::and(set(id), same);
        chunk::remove(&mut left, &first[&id]);
        left = chunk::and(&left, &has_other);
        while let Some(bit) = chunk::first(&left) {
            let partner = find(&other, bit, None);
            found(PairKind::Conflict, partner, id, bit);
            chunk::remove(&mut left, &other[&partner]);
        }
        // An earlier row of the same outcome decides too: an overlap.
        let mut left = chunk::and_not(set(id), &leads[&id]);
        while let Some(bit) = chunk::first(&left) {
            let leader = find(&leads, bit, Some(outcome(id)));
            found(PairKind::Overlap, leader, id, bit);
            chunk::remove(&mut left, &leads[&leader]);
        }
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
