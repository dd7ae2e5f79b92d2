//! The region walk described in the module documentation.

use super::cube::{bits, Cube, Space};
use super::Problem;
use std::collections::HashSet;
use std::ops::ControlFlow;

/// What is known about every input of one region.
#[derive(Debug)]
pub enum Region<'a> {
    /// An `impossible` constraint excludes these inputs.
    Impossible {
        /// The first active constraint (an index into
        /// [`Problem::impossible`]).
        constraint: usize,
    },
    /// Possible inputs. Empty `effective` is a gap.
    Possible {
        /// Every row matching them, in row order.
        active: &'a [u32],
        /// The rows that decide them (for an ordered table, only its first
        /// active row).
        effective: &'a [u32],
    },
}

/// Walk the regions of a problem's input space, calling `visit` with each
/// region's cube and verdict. The cubes are disjoint and cover the space.
pub fn partition(problem: &Problem, mut visit: impl FnMut(&[u64], Region<'_>)) {
    let finished = partition_within(problem, u64::MAX, |cube, region| {
        visit(cube, region);
        ControlFlow::Continue(())
    });
    debug_assert!(finished, "an unlimited walk finishes");
}

/// [`partition`] that stops when the walk has done more than `budget`
/// units of work (a unit is one row looked at in one step), or when
/// `visit` breaks. Returns whether it walked the whole space.
pub(crate) fn partition_within(
    problem: &Problem,
    budget: u64,
    mut visit: impl FnMut(&[u64], Region<'_>) -> ControlFlow<()>,
) -> bool {
    let space = &problem.space;
    let full = space.full();
    let rows = problem.rows.len();
    // Ids: rows first, then constraints.
    let cubes: Vec<&[u64]> = problem
        .rows
        .iter()
        .map(|r| &*r.cube)
        .chain(problem.impossible.iter().map(|c| &**c))
        .collect();
    // The columns where each row or constraint is narrower than the space:
    // the only ones where it can be narrower than a cube.
    let narrow: Vec<Vec<u32>> = cubes
        .iter()
        .map(|cube| {
            (0..space.columns() as u32)
                .filter(|&c| !space.is_full(cube, c as usize))
                .collect()
        })
        .collect();
    let active: Vec<u32> = (0..cubes.len() as u32)
        .filter(|&id| space.intersects(cubes[id as usize], &full))
        .collect();
    let mut walk = Walk {
        problem,
        cubes,
        narrow,
        rows,
        visit: &mut visit,
        effective: Vec::new(),
        counts: vec![0; space.columns()],
        work: 0,
        budget,
    };
    walk.run(full, active)
}

/// A split in progress: the column, its values before the split, the
/// classes and the rows active in each, and the next class to walk.
struct Level {
    column: usize,
    saved: Vec<u64>,
    classes: Vec<Vec<u64>>,
    members: Vec<Vec<u32>>,
    next: usize,
}

struct Walk<'p, 'v> {
    problem: &'p Problem,
    cubes: Vec<&'p [u64]>,
    narrow: Vec<Vec<u32>>,
    rows: usize,
    visit: &'v mut dyn FnMut(&[u64], Region<'_>) -> ControlFlow<()>,
    effective: Vec<u32>,
    /// Scratch for `split_column`: narrower rows per column.
    counts: Vec<u32>,
    work: u64,
    budget: u64,
}

impl Walk<'_, '_> {
    fn space(&self) -> &Space {
        &self.problem.space
    }

    /// Depth first over the splits, with an explicit stack and one cube
    /// changed in place (a split column is restored on the way back), so
    /// that deep walks need neither call stack nor a cube per level.
    fn run(&mut self, mut cube: Cube, active: Vec<u32>) -> bool {
        let mut stack: Vec<Level> = Vec::new();
        let mut next = Some(active);
        loop {
            if let Some(active) = next.take() {
                self.work += active.len() as u64 + 1;
                if self.work > self.budget {
                    return false;
                }
                match self.enter(&cube, active) {
                    ControlFlow::Break(()) => return false,
                    ControlFlow::Continue(Some(level)) => stack.push(level),
                    ControlFlow::Continue(None) => {}
                }
            }
            let Some(level) = stack.last_mut() else {
                return true;
            };
            if level.next == level.classes.len() {
                let level = stack.pop().expect("a level is on the stack");
                self.space()
                    .column_mut(&mut cube, level.column)
                    .copy_from_slice(&level.saved);
                continue;
            }
            let index = level.next;
            level.next += 1;
            self.problem
                .space
                .column_mut(&mut cube, level.column)
                .copy_from_slice(&level.classes[index]);
            next = Some(std::mem::take(&mut level.members[index]));
        }
    }

    /// Visit a cube that is a region, or return the split that divides it.
    fn enter(&mut self, cube: &[u64], active: Vec<u32>) -> ControlFlow<(), Option<Level>> {
        // The first constraint, if it holds the whole cube, decides it:
        // impossible (a later one may not, as the first that matches names
        // the reason).
        if let Some(&first) = active.iter().find(|&&id| id as usize >= self.rows) {
            if self.space().contains(self.cubes[first as usize], cube) {
                let constraint = first as usize - self.rows;
                (self.visit)(cube, Region::Impossible { constraint })?;
                return ControlFlow::Continue(None);
            }
        }
        match self.split_column(cube, &active) {
            None => {
                self.region(cube, &active)?;
                ControlFlow::Continue(None)
            }
            Some(column) => {
                let classes = self.classes(cube, &active, column);
                let members = self.members(cube, &active, column, &classes);
                self.work += classes.len() as u64;
                ControlFlow::Continue(Some(Level {
                    column,
                    saved: self.space().column(cube, column).to_vec(),
                    classes,
                    members,
                    next: 0,
                }))
            }
        }
    }

    /// Every active row allows the whole cube: decide it.
    fn region(&mut self, cube: &[u64], active: &[u32]) -> ControlFlow<()> {
        if let Some(&id) = active.iter().find(|&&id| id as usize >= self.rows) {
            return (self.visit)(
                cube,
                Region::Impossible {
                    constraint: id as usize - self.rows,
                },
            );
        }
        self.effective.clear();
        // The ordered tables that already have their winner here.
        let mut decided_groups: Vec<u32> = Vec::new();
        for &id in active {
            let row = &self.problem.rows[id as usize];
            let ordered = self.problem.ordered[row.group as usize];
            // Active rows are in id order, so the first row of an ordered
            // table seen here is the one that wins.
            if ordered {
                if decided_groups.contains(&row.group) {
                    continue;
                }
                decided_groups.push(row.group);
            }
            self.effective.push(id);
        }
        let effective = std::mem::take(&mut self.effective);
        let flow = (self.visit)(
            cube,
            Region::Possible {
                active,
                effective: &effective,
            },
        );
        self.effective = effective;
        flow
    }

    /// The column to split: one where the most active rows (and
    /// constraints) are narrower than the cube. `None` when there is none.
    fn split_column(&mut self, cube: &[u64], active: &[u32]) -> Option<usize> {
        let space = &self.problem.space;
        let mut touched: Vec<u32> = Vec::new();
        for &id in active {
            let row = self.cubes[id as usize];
            for &column in &self.narrow[id as usize] {
                let column = column as usize;
                if !space.contains(space.column(row, column), space.column(cube, column)) {
                    if self.counts[column] == 0 {
                        touched.push(column as u32);
                    }
                    self.counts[column] += 1;
                }
            }
            self.work += self.narrow[id as usize].len() as u64;
        }
        let best = touched
            .iter()
            .map(|&column| (self.counts[column as usize], column as usize))
            .max_by_key(|&(narrower, column)| (narrower, std::cmp::Reverse(column)))
            .map(|(_, column)| column);
        for column in touched {
            self.counts[column as usize] = 0;
        }
        best
    }

    /// Partition the cube's values in `column` into classes that every
    /// active row either allows entirely or not at all, lowest values first
    /// (partition refinement, linear in the rows' values).
    fn classes(&self, cube: &[u64], active: &[u32], column: usize) -> Vec<Vec<u64>> {
        let space = self.space();
        let values = space.column(cube, column);
        let size = space.size(column) as usize;
        // Class of each value of the cube (u32::MAX: not in the cube).
        let mut class_of = vec![u32::MAX; size];
        for value in bits(values) {
            class_of[value as usize] = 0;
        }
        let mut classes = 1u32;
        // For each class, the class its values move to under the current
        // row, stamped with that row.
        let mut moved: Vec<(u32, u32)> = vec![(u32::MAX, 0)];
        let mut seen: HashSet<&[u64]> = HashSet::new();
        for (stamp, &id) in active.iter().enumerate() {
            let mask = space.column(self.cubes[id as usize], column);
            if space.contains(mask, values) || !seen.insert(mask) {
                continue;
            }
            for value in bits(mask) {
                let class = class_of[value as usize];
                if class == u32::MAX {
                    continue;
                }
                let (at, target) = moved[class as usize];
                let target = if at == stamp as u32 {
                    target
                } else {
                    moved[class as usize] = (stamp as u32, classes);
                    moved.push((u32::MAX, 0));
                    classes += 1;
                    classes - 1
                };
                class_of[value as usize] = target;
            }
        }
        // Renumber by lowest value (empty classes vanish).
        let words = values.len();
        let mut number = vec![u32::MAX; classes as usize];
        let mut out: Vec<Vec<u64>> = Vec::new();
        for value in bits(values) {
            let class = class_of[value as usize] as usize;
            if number[class] == u32::MAX {
                number[class] = out.len() as u32;
                out.push(vec![0; words]);
            }
            out[number[class] as usize][value as usize / 64] |= 1 << (value % 64);
        }
        out
    }

    /// For each class, the active rows that allow it (in id order).
    fn members(
        &self,
        cube: &[u64],
        active: &[u32],
        column: usize,
        classes: &[Vec<u64>],
    ) -> Vec<Vec<u32>> {
        let space = self.space();
        let values = space.column(cube, column);
        let mut class_of = vec![u32::MAX; space.size(column) as usize];
        for (index, class) in classes.iter().enumerate() {
            for value in bits(class) {
                class_of[value as usize] = index as u32;
            }
        }
        let mut members = vec![Vec::new(); classes.len()];
        let mut stamp = vec![u32::MAX; classes.len()];
        for &id in active {
            let mask = space.column(self.cubes[id as usize], column);
            if space.contains(mask, values) {
                for list in &mut members {
                    list.push(id);
                }
                continue;
            }
            for value in bits(mask) {
                let class = class_of[value as usize];
                if class != u32::MAX && stamp[class as usize] != id {
                    stamp[class as usize] = id;
                    members[class as usize].push(id);
                }
            }
        }
        members
    }
}
