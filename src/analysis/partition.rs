//! The region walk described in the module documentation.

use super::cube::{bits, Cube, Space};
use super::Problem;
use std::collections::HashSet;

/// What is known about every input of one region.
#[derive(Debug)]
pub enum Region<'a> {
    /// The first active `impossible` constraint excludes these inputs.
    Impossible { constraint: usize },
    /// Possible inputs. `active` holds every row matching them, in row
    /// order; `effective` the rows that decide them (for an ordered table,
    /// only its first active row). Empty `effective` is a gap.
    Possible {
        active: &'a [u32],
        effective: &'a [u32],
    },
}

/// Walk the regions of a problem's input space, calling `visit` with each
/// region's cube and verdict. The cubes are disjoint and cover the space.
pub fn partition(problem: &Problem, mut visit: impl FnMut(&[u64], Region<'_>)) {
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
    let active: Vec<u32> = (0..cubes.len() as u32)
        .filter(|&id| space.intersects(cubes[id as usize], &full))
        .collect();
    let mut walk = Walk {
        problem,
        cubes,
        rows,
        visit: &mut visit,
        effective: Vec::new(),
    };
    walk.walk(full, active);
}

struct Walk<'p, 'v> {
    problem: &'p Problem,
    cubes: Vec<&'p [u64]>,
    rows: usize,
    visit: &'v mut dyn FnMut(&[u64], Region<'_>),
    effective: Vec<u32>,
}

impl Walk<'_, '_> {
    fn space(&self) -> &Space {
        &self.problem.space
    }

    fn walk(&mut self, cube: Cube, active: Vec<u32>) {
        // The first constraint, if it holds the whole cube, decides it:
        // impossible (a later one may not, as the first that matches names
        // the reason).
        if let Some(&first) = active.iter().find(|&&id| id as usize >= self.rows) {
            if self.space().contains(self.cubes[first as usize], &cube) {
                (self.visit)(
                    &cube,
                    Region::Impossible {
                        constraint: first as usize - self.rows,
                    },
                );
                return;
            }
        }
        match self.split_column(&cube, &active) {
            None => self.region(&cube, &active),
            Some(column) => {
                let classes = self.classes(&cube, &active, column);
                let members = self.members(&cube, &active, column, &classes);
                for (class, sub_active) in classes.into_iter().zip(members) {
                    let mut sub = cube.clone();
                    self.space()
                        .column_mut(&mut sub, column)
                        .copy_from_slice(&class);
                    self.walk(sub, sub_active);
                }
            }
        }
    }

    /// Every active row allows the whole cube: decide it.
    fn region(&mut self, cube: &[u64], active: &[u32]) {
        if let Some(&id) = active.iter().find(|&&id| id as usize >= self.rows) {
            (self.visit)(
                cube,
                Region::Impossible {
                    constraint: id as usize - self.rows,
                },
            );
            return;
        }
        self.effective.clear();
        for &id in active {
            let row = &self.problem.rows[id as usize];
            let ordered = self.problem.ordered[row.group as usize];
            // Active rows are in id order, so the first row of an ordered
            // table seen here is the one that wins.
            let shadowed = ordered
                && self
                    .effective
                    .iter()
                    .any(|&e| self.problem.rows[e as usize].group == row.group);
            if !shadowed {
                self.effective.push(id);
            }
        }
        let effective = std::mem::take(&mut self.effective);
        (self.visit)(
            cube,
            Region::Possible {
                active,
                effective: &effective,
            },
        );
        self.effective = effective;
    }

    /// The column to split: one where the most active rows (and
    /// constraints) are narrower than the cube. `None` when there is none.
    fn split_column(&self, cube: &[u64], active: &[u32]) -> Option<usize> {
        let space = self.space();
        (0..space.columns())
            .map(|column| {
                let narrower = active
                    .iter()
                    .filter(|&&id| {
                        !space.contains(
                            space.column(self.cubes[id as usize], column),
                            space.column(cube, column),
                        )
                    })
                    .count();
                (narrower, column)
            })
            .filter(|&(narrower, _)| narrower > 0)
            .max_by_key(|&(narrower, column)| (narrower, std::cmp::Reverse(column)))
            .map(|(_, column)| column)
    }

    /// Partition the cube's values in `column` into classes that every
    /// active row either allows entirely or not at all.
    fn classes(&self, cube: &[u64], active: &[u32], column: usize) -> Vec<Vec<u64>> {
        let space = self.space();
        let values = space.column(cube, column);
        let mut classes: Vec<Vec<u64>> = vec![values.to_vec()];
        let mut seen: HashSet<&[u64]> = HashSet::new();
        for &id in active {
            let mask = space.column(self.cubes[id as usize], column);
            if space.contains(mask, values) || !seen.insert(mask) {
                continue;
            }
            let mut next = Vec::with_capacity(classes.len() + 1);
            for class in classes {
                let inside: Vec<u64> = class.iter().zip(mask).map(|(c, m)| c & m).collect();
                let outside: Vec<u64> = class.iter().zip(mask).map(|(c, m)| c & !m).collect();
                let nonempty = |w: &[u64]| w.iter().any(|&x| x != 0);
                match (nonempty(&inside), nonempty(&outside)) {
                    (true, true) => {
                        next.push(inside);
                        next.push(outside);
                    }
                    _ => next.push(class),
                }
            }
            classes = next;
            if classes.len() == bits(values).count() {
                break;
            }
        }
        // Lowest values first, so regions come out in a stable order.
        classes.sort_by_key(|class| bits(class).next());
        classes
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
