//! The analysis on small hand-made problems, and against brute force on
//! random ones.

use super::*;
use proptest::prelude::*;
use std::collections::BTreeSet;
use verdict::Shadowed;

/// A row: per-column value lists (`None` = `*`), a group and an outcome.
type RowSpec<'a> = (&'a [Option<&'a [u32]>], u32, u32);

/// A problem from rows written as per-column value lists.
fn problem(
    sizes: &[u32],
    rows: &[RowSpec],
    ordered: &[bool],
    impossible: &[&[Option<&[u32]>]],
) -> Problem {
    let space = Space::new(sizes.to_vec());
    let cube = |cells: &[Option<&[u32]>]| {
        space.cube(cells.iter().enumerate().map(|(c, cell)| {
            cell.map(|v| v.to_vec())
                .unwrap_or_else(|| (0..sizes[c]).collect())
        }))
    };
    Problem {
        rows: rows
            .iter()
            .map(|(cells, group, outcome)| Row {
                cube: cube(cells),
                group: *group,
                outcome: *outcome,
            })
            .collect(),
        ordered: ordered.to_vec(),
        impossible: impossible.iter().map(|c| cube(c)).collect(),
        space,
    }
}

#[test]
fn complete_disjoint_rows_have_no_findings() {
    let p = problem(
        &[2, 3],
        &[
            (&[Some(&[0]), None], 0, 0),
            (&[Some(&[1]), Some(&[0, 1])], 0, 1),
            (&[Some(&[1]), Some(&[2])], 0, 0),
        ],
        &[false],
        &[],
    );
    let a = analyze(&p);
    assert!(a.gaps.is_empty() && a.conflicts.is_empty() && a.overlaps.is_empty());
    assert!(a.unreachable.is_empty() && a.only_impossible.is_empty());
}

#[test]
fn gap_is_reported_as_a_merged_pattern_with_its_size() {
    // Column 0 value 1 is decided only for column 1 value 0.
    let p = problem(
        &[2, 3],
        &[
            (&[Some(&[0]), None], 0, 0),
            (&[Some(&[1]), Some(&[0])], 0, 0),
        ],
        &[false],
        &[],
    );
    let a = analyze(&p);
    assert_eq!(a.gap_inputs, 2);
    assert_eq!(
        a.gaps.len(),
        1,
        "values 1 and 2 of column 1 merge into one pattern"
    );
    let space = &p.space;
    assert_eq!(space.values(&a.gaps[0], 0).collect::<Vec<_>>(), vec![1]);
    assert_eq!(space.values(&a.gaps[0], 1).collect::<Vec<_>>(), vec![1, 2]);
}

#[test]
fn impossible_inputs_are_not_gaps() {
    let p = problem(
        &[2, 2],
        &[(&[Some(&[0]), None], 0, 0)],
        &[false],
        &[&[Some(&[1]), None]],
    );
    assert!(analyze(&p).gaps.is_empty());
}

#[test]
fn conflict_names_both_rows_and_a_witness() {
    let p = problem(
        &[2, 2],
        &[(&[None, None], 0, 0), (&[Some(&[1]), Some(&[1])], 0, 1)],
        &[false],
        &[],
    );
    let a = analyze(&p);
    assert_eq!(
        a.conflicts,
        vec![RowPair {
            first: 0,
            second: 1,
            witness: vec![1, 1]
        }]
    );
}

#[test]
fn agreeing_overlap_is_not_a_conflict() {
    let p = problem(
        &[2],
        &[(&[None], 0, 7), (&[Some(&[0])], 0, 7)],
        &[false],
        &[],
    );
    let a = analyze(&p);
    assert!(a.conflicts.is_empty());
    assert_eq!(a.overlaps.len(), 1);
}

#[test]
fn ordered_table_first_match_wins_and_reports_shadowed_rows() {
    let p = problem(
        &[3],
        &[
            (&[Some(&[0, 1])], 0, 0),
            (&[Some(&[1])], 0, 1),
            (&[None], 0, 2),
        ],
        &[true],
        &[],
    );
    let a = analyze(&p);
    assert!(a.conflicts.is_empty() && a.gaps.is_empty());
    assert_eq!(
        a.unreachable,
        vec![Shadowed {
            row: 1,
            by: vec![0]
        }]
    );
}

#[test]
fn rows_matching_only_impossible_inputs_are_found() {
    let p = problem(
        &[2, 2],
        &[
            (&[Some(&[0]), None], 0, 0),
            (&[Some(&[1]), Some(&[0])], 0, 1),
        ],
        &[false],
        &[&[Some(&[1]), None]],
    );
    assert_eq!(analyze(&p).only_impossible, vec![1]);
}

#[test]
fn tables_are_independent_groups() {
    // Two unordered tables deciding one input differently conflict; an
    // ordered table's order does not extend to another table.
    let p = problem(
        &[2],
        &[(&[None], 0, 0), (&[Some(&[0])], 1, 1)],
        &[true, true],
        &[],
    );
    assert_eq!(analyze(&p).conflicts.len(), 1);
}

#[test]
fn huge_space_with_structured_rows_is_fast_and_exact() {
    // 12 columns of 10 values (10^12 inputs): rows split on column 0 only.
    let sizes = [10u32; 12];
    type Owned = (Vec<Option<Vec<u32>>>, u32, u32);
    let rows: Vec<Owned> = (0..9u32)
        .map(|v| {
            let mut cells = vec![None; 12];
            cells[0] = Some(vec![v]);
            (cells, 0, v)
        })
        .collect();
    let space = Space::new(sizes.to_vec());
    let p = Problem {
        rows: rows
            .iter()
            .map(|(cells, group, outcome)| Row {
                cube: space.cube(
                    cells
                        .iter()
                        .map(|c| c.clone().unwrap_or_else(|| (0..10).collect())),
                ),
                group: *group,
                outcome: *outcome,
            })
            .collect(),
        ordered: vec![false],
        impossible: vec![],
        space,
    };
    let a = analyze(&p);
    assert_eq!(
        a.gap_inputs, 100_000_000_000,
        "value 9 of column 0 is undecided"
    );
    assert_eq!(a.gaps.len(), 1);
}

// ------------------------------------------------------------------ brute force

/// The verdicts of a problem found by listing every input.
#[derive(Debug, PartialEq, Eq)]
struct Verdict {
    gap_inputs: u128,
    conflicting_rows: BTreeSet<u32>,
    overlapping_rows: BTreeSet<u32>,
    unreachable: BTreeSet<u32>,
    only_impossible: BTreeSet<u32>,
}

fn points(sizes: &[u32]) -> Vec<Vec<u32>> {
    sizes.iter().fold(vec![vec![]], |acc, &size| {
        acc.into_iter()
            .flat_map(|p| {
                (0..size).map(move |v| {
                    let mut q = p.clone();
                    q.push(v);
                    q
                })
            })
            .collect()
    })
}

fn brute_force(p: &Problem) -> Verdict {
    let space = &p.space;
    let mut v = Verdict {
        gap_inputs: 0,
        conflicting_rows: BTreeSet::new(),
        overlapping_rows: BTreeSet::new(),
        unreachable: BTreeSet::new(),
        only_impossible: BTreeSet::new(),
    };
    let mut possible = vec![false; p.rows.len()];
    let mut decides = vec![false; p.rows.len()];
    for point in points(space.sizes()) {
        if p.impossible.iter().any(|c| space.contains_point(c, &point)) {
            continue;
        }
        let mut effective: Vec<usize> = Vec::new();
        for (i, row) in p.rows.iter().enumerate() {
            if !space.contains_point(&row.cube, &point) {
                continue;
            }
            possible[i] = true;
            let shadowed = p.ordered[row.group as usize]
                && effective.iter().any(|&e| p.rows[e].group == row.group);
            if !shadowed {
                effective.push(i);
            }
        }
        if effective.is_empty() {
            v.gap_inputs += 1;
        }
        for &a in &effective {
            decides[a] = true;
            for &b in &effective {
                if a != b {
                    if p.rows[a].outcome != p.rows[b].outcome {
                        v.conflicting_rows.insert(a as u32);
                    } else {
                        v.overlapping_rows.insert(a as u32);
                    }
                }
            }
        }
    }
    for i in 0..p.rows.len() {
        if possible[i] && !decides[i] {
            v.unreachable.insert(i as u32);
        }
        if !possible[i] && !space.is_empty(&p.rows[i].cube) {
            v.only_impossible.insert(i as u32);
        }
    }
    v
}

fn verdict_of(p: &Problem, a: &Analysis) -> Verdict {
    let mut conflicting_rows = BTreeSet::new();
    for pair in &a.conflicts {
        // Every reported pair is real: both rows decide its witness, differently.
        assert!(p
            .space
            .contains_point(&p.rows[pair.first as usize].cube, &pair.witness));
        assert!(p
            .space
            .contains_point(&p.rows[pair.second as usize].cube, &pair.witness));
        assert_ne!(
            p.rows[pair.first as usize].outcome,
            p.rows[pair.second as usize].outcome
        );
        conflicting_rows.insert(pair.first);
        conflicting_rows.insert(pair.second);
    }
    let mut overlapping_rows = BTreeSet::new();
    for pair in &a.overlaps {
        assert_eq!(
            p.rows[pair.first as usize].outcome,
            p.rows[pair.second as usize].outcome
        );
        overlapping_rows.insert(pair.first);
        overlapping_rows.insert(pair.second);
    }
    // Gap cubes are disjoint and hold only undecided inputs.
    for (i, g) in a.gaps.iter().enumerate() {
        for h in &a.gaps[i + 1..] {
            assert!(!p.space.intersects(g, h), "gap patterns overlap");
        }
    }
    Verdict {
        gap_inputs: a.gap_inputs,
        conflicting_rows,
        overlapping_rows,
        unreachable: a.unreachable.iter().map(|s| s.row).collect(),
        only_impossible: a.only_impossible.iter().copied().collect(),
    }
}

fn arb_problem() -> impl Strategy<Value = Problem> {
    (1usize..=4)
        .prop_flat_map(|columns| proptest::collection::vec(1u32..=4, columns))
        .prop_flat_map(|sizes| {
            let cell = |size: u32| proptest::collection::vec(any::<bool>(), size as usize);
            let cube = {
                let sizes = sizes.clone();
                move || sizes.iter().map(|&s| cell(s)).collect::<Vec<_>>()
            };
            let row = (cube(), 0u32..2, 0u32..3);
            (
                Just(sizes.clone()),
                proptest::collection::vec(row, 0..8),
                proptest::collection::vec(any::<bool>(), 2),
                proptest::collection::vec(cube(), 0..3),
            )
        })
        .prop_map(|(sizes, rows, ordered, impossible)| {
            let space = Space::new(sizes.clone());
            let to_cube = |cells: &Vec<Vec<bool>>| {
                space.cube(cells.iter().map(|bits| {
                    bits.iter()
                        .enumerate()
                        .filter(|(_, &b)| b)
                        .map(|(v, _)| v as u32)
                        .collect::<Vec<_>>()
                }))
            };
            Problem {
                rows: rows
                    .iter()
                    .map(|(cells, group, outcome)| Row {
                        cube: to_cube(cells),
                        group: *group,
                        outcome: *outcome,
                    })
                    .collect(),
                ordered,
                impossible: impossible.iter().map(to_cube).collect(),
                space,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn analysis_equals_brute_force(p in arb_problem()) {
        let a = analyze(&p);
        prop_assert_eq!(verdict_of(&p, &a), brute_force(&p));
    }

    #[test]
    fn regions_partition_the_space(p in arb_problem()) {
        let mut seen = vec![0u32; p.space.volume() as usize];
        let sizes = p.space.sizes().to_vec();
        partition(&p, |cube, region| {
            for (i, point) in points(&sizes).iter().enumerate() {
                if p.space.contains_point(cube, point) {
                    seen[i] += 1;
                    // An impossible region names the first constraint matching each input.
                    let first = p.impossible.iter().position(|c| p.space.contains_point(c, point));
                    match region {
                        Region::Impossible { constraint } => assert_eq!(first, Some(constraint)),
                        Region::Possible { .. } => assert_eq!(first, None),
                    }
                }
            }
        });
        prop_assert!(seen.iter().all(|&n| n == 1));
    }
}

/// The inputs of a list of cubes, each once (panics on overlapping cubes).
fn inputs_of(space: &Space, cubes: &[Cube]) -> BTreeSet<Vec<u32>> {
    let mut inputs = BTreeSet::new();
    for point in points(space.sizes()) {
        let holding = cubes
            .iter()
            .filter(|c| space.contains_point(c, &point))
            .count();
        assert!(holding <= 1, "cubes overlap at {point:?}");
        if holding == 1 {
            inputs.insert(point);
        }
    }
    inputs
}

/// Everything an analysis says except how gaps are cut into cubes and
/// which input witnesses a pair.
#[derive(Debug, PartialEq, Eq)]
struct Said {
    gaps: BTreeSet<Vec<u32>>,
    gap_inputs: u128,
    conflicts: Vec<(u32, u32)>,
    overlaps: Vec<(u32, u32)>,
    unreachable: Vec<Shadowed>,
    only_impossible: Vec<u32>,
    empty: Vec<u32>,
}

fn said(p: &Problem, a: &Analysis) -> Said {
    // Each witness is an input both rows decide.
    let decides_at = |row: u32, point: &[u32]| {
        p.space.contains_point(&p.rows[row as usize].cube, point)
            && !p
                .impossible
                .iter()
                .any(|c| p.space.contains_point(c, point))
    };
    for pair in a.conflicts.iter().chain(&a.overlaps) {
        assert!(decides_at(pair.first, &pair.witness) && decides_at(pair.second, &pair.witness));
    }
    Said {
        gaps: inputs_of(&p.space, &a.gaps),
        gap_inputs: a.gap_inputs,
        conflicts: a.conflicts.iter().map(|c| (c.first, c.second)).collect(),
        overlaps: a.overlaps.iter().map(|c| (c.first, c.second)).collect(),
        unreachable: a.unreachable.clone(),
        only_impossible: a.only_impossible.clone(),
        empty: a.empty.clone(),
    }
}

/// Problems with more and wider columns than `arb_problem`, so that the
/// enumeration's chunks, words and column bit sets meet their edges.
fn arb_wide_problem() -> impl Strategy<Value = Problem> {
    (1usize..=6)
        .prop_flat_map(|columns| {
            proptest::collection::vec(prop_oneof![4 => 1u32..=5, 1 => 60u32..=70], columns)
        })
        .prop_filter("small enough to brute-force", |sizes| {
            sizes.iter().map(|&s| s as u64).product::<u64>() <= 5_000
        })
        .prop_flat_map(|sizes| {
            let cell = |size: u32| proptest::collection::vec(0u8..4, size as usize);
            let cube = {
                let sizes = sizes.clone();
                move || {
                    sizes
                        .iter()
                        .map(|&s| (cell(s), any::<bool>()))
                        .collect::<Vec<_>>()
                }
            };
            (
                Just(sizes.clone()),
                proptest::collection::vec((cube(), 0u32..3, 0u32..3), 0..10),
                proptest::collection::vec(any::<bool>(), 3),
                proptest::collection::vec(cube(), 0..3),
            )
        })
        .prop_map(|(sizes, rows, ordered, impossible)| {
            let space = Space::new(sizes.clone());
            // A cell is `*` half the time, else about three values in four.
            let to_cube = |cells: &Vec<(Vec<u8>, bool)>| {
                space.cube(cells.iter().map(|(picks, any)| {
                    picks
                        .iter()
                        .enumerate()
                        .filter(|(_, &pick)| *any || pick != 0)
                        .map(|(v, _)| v as u32)
                        .collect::<Vec<_>>()
                }))
            };
            Problem {
                rows: rows
                    .iter()
                    .map(|(cells, group, outcome)| Row {
                        cube: to_cube(cells),
                        group: *group,
                        outcome: *outcome,
                    })
                    .collect(),
                ordered,
                impossible: impossible.iter().map(to_cube).collect(),
                space,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn enumeration_equals_brute_force(p in arb_problem()) {
        let a = analyze_enumerated(&p);
        prop_assert_eq!(verdict_of(&p, &a), brute_force(&p));
    }

    #[test]
    fn enumeration_and_walk_say_the_same(p in arb_problem()) {
        let walked = walked_in_full(&p);
        prop_assert_eq!(said(&p, &analyze_enumerated(&p)), said(&p, &walked));
    }

    #[test]
    fn enumeration_in_small_chunks_and_walk_say_the_same(p in arb_wide_problem(), bits in 1usize..200) {
        let walked = walked_in_full(&p);
        let enumerated = super::verdict::analyze_in_chunks(&p, bits);
        prop_assert_eq!(said(&p, &enumerated), said(&p, &walked));
        prop_assert_eq!(verdict_of(&p, &enumerated), brute_force(&p));
    }
}

/// The region walk's analysis, never cut short.
fn walked_in_full(p: &Problem) -> Analysis {
    super::verdict::walked(p, u64::MAX, &mut |_| {}).expect("an unlimited walk finishes")
}

#[test]
fn adversarial_crossing_rows_are_enumerated_within_budget() {
    // Forty rows, each excluding a pseudo-random one of the five values of
    // each of seven columns: they cross so finely that the walk meets nearly
    // every input (5^7), each with many rows active, more work than
    // enumerating the space, so the analysis drops it for enumeration; the
    // verdict is still brute force's.
    let sizes = [5u32; 7];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let rows: Vec<Vec<Option<Vec<u32>>>> = (0..40)
        .map(|_| {
            (0..7)
                .map(|_| {
                    let keep = 4;
                    let mut values: Vec<u32> = (0..5).collect();
                    while values.len() as u64 > keep {
                        values.remove((next() % values.len() as u64) as usize);
                    }
                    Some(values)
                })
                .collect()
        })
        .collect();
    let specs: Vec<Vec<Option<&[u32]>>> = rows
        .iter()
        .map(|cells| cells.iter().map(|c| c.as_deref()).collect())
        .collect();
    let row_specs: Vec<RowSpec> = specs
        .iter()
        .enumerate()
        .map(|(r, cells)| (cells.as_slice(), 0, r as u32 % 2))
        .collect();
    let p = problem(&sizes, &row_specs, &[false], &[]);
    let budget = chunk::walk_budget(&p.space, p.rows.len());
    assert!(
        super::verdict::walked(&p, budget, &mut |_| {}).is_none(),
        "the walk exceeds the enumeration's cost here"
    );
    let a = analyze(&p);
    assert_eq!(verdict_of(&p, &a), brute_force(&p));
}

#[test]
fn one_row_across_many_inputs_walks_without_recursion() {
    // 4,000 two-valued inputs and one row fixing each: the walk goes 4,000
    // splits deep, on a 256 KB stack (the recursive walk overflowed the
    // issue's 1 MB stack at 16,000).
    let columns = 4_000;
    let regions = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let space = Space::new(vec![2; columns]);
            let p = Problem {
                rows: vec![Row {
                    cube: space.cube((0..columns).map(|_| [0u32])),
                    group: 0,
                    outcome: 0,
                }],
                space,
                ordered: vec![false],
                impossible: Vec::new(),
            };
            let mut regions = 0;
            partition(&p, |_, _| regions += 1);
            regions
        })
        .expect("a thread starts")
        .join()
        .expect("the walk does not overflow the stack");
    assert_eq!(regions, columns + 1);
}

#[test]
fn a_long_walk_over_a_space_too_large_to_enumerate_reports_progress() {
    // 25 two-valued columns (2^25 inputs, past `ENUMERABLE`) and an ordered
    // table of 17 rows, row `i` fixing column `i`: 2^17 regions.
    let space = Space::new(vec![2; 25]);
    let rows = (0..17)
        .map(|i| Row {
            cube: space.cube((0..25).map(|c| if c == i { vec![0] } else { vec![0, 1] })),
            group: 0,
            outcome: i as u32 % 2,
        })
        .collect();
    let p = Problem {
        space,
        rows,
        ordered: vec![true],
        impossible: Vec::new(),
    };
    let mut reports: Vec<Progress> = Vec::new();
    let a = analyze_with(&p, &mut |progress| reports.push(progress));
    assert!(reports.len() >= 2, "{reports:?}");
    assert!(reports
        .iter()
        .all(|r| r.total == 1 << 25 && r.done <= r.total));
    assert!(reports.windows(2).all(|w| w[0].done < w[1].done));
    // Every input but those with all 17 columns at 1 is decided.
    assert_eq!(a.gap_inputs, 1 << 8);
}
