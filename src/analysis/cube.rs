//! Finite input spaces and cubes (one set of values per input column).

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The input space of a decision: one column per input, each with a finite
/// number of values numbered `0..size`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Space {
    sizes: Vec<u32>,
    /// Word offset of each column in a cube, plus the total at the end.
    offsets: Vec<usize>,
}

/// A cube: for each column, a bit set of the values it allows. Its inputs
/// are every combination of those values. Stored as the columns' words side
/// by side, laid out by its [`Space`].
pub type Cube = Box<[u64]>;

fn words_for(size: u32) -> usize {
    (size as usize).div_ceil(64).max(1)
}

impl Space {
    /// The space of inputs with `sizes[c]` values in column `c`.
    pub fn new(sizes: Vec<u32>) -> Space {
        let mut offsets = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0;
        for &size in &sizes {
            offsets.push(total);
            total += words_for(size);
        }
        offsets.push(total);
        Space { sizes, offsets }
    }

    pub(crate) fn columns(&self) -> usize {
        self.sizes.len()
    }

    pub(crate) fn size(&self, column: usize) -> u32 {
        self.sizes[column]
    }

    pub(crate) fn sizes(&self) -> &[u32] {
        &self.sizes
    }

    fn words(&self) -> usize {
        *self.offsets.last().expect("offsets are never empty")
    }

    /// The number of inputs in the whole space (saturating).
    pub fn volume(&self) -> u128 {
        self.sizes
            .iter()
            .fold(1u128, |acc, &s| acc.saturating_mul(s as u128))
    }

    /// The cube of every input.
    pub(crate) fn full(&self) -> Cube {
        let mut cube = vec![0u64; self.words()].into_boxed_slice();
        for column in 0..self.columns() {
            fill(self.column_mut(&mut cube, column), self.sizes[column]);
        }
        cube
    }

    /// A cube from the allowed values of each column.
    pub fn cube<I: IntoIterator<Item = u32>>(&self, columns: impl IntoIterator<Item = I>) -> Cube {
        let mut cube = vec![0u64; self.words()].into_boxed_slice();
        for (column, values) in columns.into_iter().enumerate() {
            let words = self.column_mut(&mut cube, column);
            for value in values {
                words[value as usize / 64] |= 1 << (value % 64);
            }
        }
        cube
    }

    /// The cube of one input.
    pub(crate) fn point(&self, point: &[u32]) -> Cube {
        self.cube(point.iter().map(|&v| [v]))
    }

    pub(crate) fn column<'a>(&self, cube: &'a [u64], column: usize) -> &'a [u64] {
        &cube[self.offsets[column]..self.offsets[column + 1]]
    }

    pub(crate) fn column_mut<'a>(&self, cube: &'a mut [u64], column: usize) -> &'a mut [u64] {
        &mut cube[self.offsets[column]..self.offsets[column + 1]]
    }

    /// The values a cube allows in one column, in order.
    pub fn values<'a>(&self, cube: &'a [u64], column: usize) -> impl Iterator<Item = u32> + 'a {
        bits(self.column(cube, column))
    }

    pub(crate) fn count(&self, cube: &[u64], column: usize) -> u32 {
        self.column(cube, column)
            .iter()
            .map(|w| w.count_ones())
            .sum()
    }

    /// The number of inputs in a cube (saturating).
    pub(crate) fn cube_volume(&self, cube: &[u64]) -> u128 {
        (0..self.columns()).fold(1u128, |acc, c| {
            acc.saturating_mul(self.count(cube, c) as u128)
        })
    }

    pub(crate) fn is_empty(&self, cube: &[u64]) -> bool {
        (0..self.columns()).any(|c| self.column(cube, c).iter().all(|&w| w == 0))
    }

    pub(crate) fn intersects(&self, a: &[u64], b: &[u64]) -> bool {
        (0..self.columns()).all(|c| {
            self.column(a, c)
                .iter()
                .zip(self.column(b, c))
                .any(|(x, y)| x & y != 0)
        })
    }

    /// Whether `outer` holds every input of `inner`.
    pub(crate) fn contains(&self, outer: &[u64], inner: &[u64]) -> bool {
        outer.iter().zip(inner).all(|(o, i)| i & !o == 0)
    }

    #[cfg(test)]
    pub(crate) fn contains_point(&self, cube: &[u64], point: &[u32]) -> bool {
        point.iter().enumerate().all(|(c, &v)| {
            self.column(cube, c)
                .get(v as usize / 64)
                .is_some_and(|w| w & (1 << (v % 64)) != 0)
        })
    }

    /// The first input of a non-empty cube: the lowest value of each column.
    pub fn first_point(&self, cube: &[u64]) -> Vec<u32> {
        (0..self.columns())
            .map(|c| self.values(cube, c).next().unwrap_or(0))
            .collect()
    }

    /// Whether a cube allows every value of a column.
    pub(crate) fn is_full(&self, cube: &[u64], column: usize) -> bool {
        self.count(cube, column) == self.sizes[column]
    }
}

fn fill(words: &mut [u64], size: u32) {
    for (i, word) in words.iter_mut().enumerate() {
        let low = i as u32 * 64;
        *word = if size >= low + 64 {
            u64::MAX
        } else if size > low {
            (1u64 << (size - low)) - 1
        } else {
            0
        };
    }
}

/// The positions of the set bits, in order.
pub(crate) fn bits(words: &[u64]) -> impl Iterator<Item = u32> + '_ {
    words.iter().enumerate().flat_map(|(i, &word)| {
        let mut w = word;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let bit = w.trailing_zeros();
            w &= w - 1;
            Some(i as u32 * 64 + bit)
        })
    })
}

/// Merge disjoint cubes that differ in one column only, until none do.
/// The union stays the same and the cubes stay disjoint; the result is
/// sorted by each cube's first input. The checker merges gaps with it, and
/// `coex diff` the inputs whose answer changed.
///
/// Each cube keeps a hash per column and their sum, so that the key "every
/// column but this one" costs one subtraction; cubes are compared in full
/// only when their keys' hashes agree. A pass costs about `cubes × columns`.
pub(crate) fn merge(space: &Space, cubes: Vec<Cube>) -> Vec<Cube> {
    let column_hash = |cube: &[u64], column: usize| {
        let mut hasher = DefaultHasher::new();
        column.hash(&mut hasher);
        space.column(cube, column).hash(&mut hasher);
        hasher.finish()
    };
    let hashed = |cube: Cube| {
        let hashes: Vec<u64> = (0..space.columns())
            .map(|c| column_hash(&cube, c))
            .collect();
        let total = hashes.iter().fold(0u64, |a, &h| a.wrapping_add(h));
        (cube, hashes, total)
    };
    let mut cubes: Vec<(Cube, Vec<u64>, u64)> = cubes.into_iter().map(hashed).collect();
    let same_except = |a: &[u64], b: &[u64], column: usize| {
        (0..space.columns())
            .filter(|&c| c != column)
            .all(|c| space.column(a, c) == space.column(b, c))
    };
    loop {
        let before = cubes.len();
        for column in 0..space.columns() {
            let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
            let mut merged: Vec<(Cube, Vec<u64>, u64)> = Vec::with_capacity(cubes.len());
            for (cube, hashes, total) in cubes {
                let key = total.wrapping_sub(hashes[column]);
                let candidates = index.entry(key).or_default();
                let target = candidates
                    .iter()
                    .copied()
                    .find(|&at| same_except(&merged[at].0, &cube, column));
                match target {
                    Some(at) => {
                        let (into, hashes, total) = &mut merged[at];
                        let words = space.column_mut(into, column);
                        for (t, c) in words.iter_mut().zip(space.column(&cube, column)) {
                            *t |= c;
                        }
                        let new = column_hash(into, column);
                        *total = total.wrapping_sub(hashes[column]).wrapping_add(new);
                        hashes[column] = new;
                    }
                    None => {
                        candidates.push(merged.len());
                        merged.push((cube, hashes, total));
                    }
                }
            }
            cubes = merged;
        }
        if cubes.len() == before {
            break;
        }
    }
    let mut cubes: Vec<Cube> = cubes.into_iter().map(|(cube, _, _)| cube).collect();
    cubes.sort_by_cached_key(|c| space.first_point(c));
    cubes
}
