//! Bit-parallel enumeration of a small input space, the bounded worst case
//! of the checker and of `coex diff`.
//!
//! The inputs are numbered in mixed radix, the first column most
//! significant, so that counting up lists them in lexicographic order. The
//! space is cut into *chunks*: the last columns (as many as fit in about
//! [`CHUNK_BITS`] inputs) vary within a chunk, the first ones are fixed per
//! chunk. In a chunk a row is a bit set, the AND of one precomputed bit set
//! per narrowed column (`value of column c ∈ cell`), so every question about
//! rows (which match, which decide, where none does) is a few word
//! operations per 64 inputs. The cost is about `inputs / 64 × rows ×
//! columns` word operations whatever the rows look like; [`super::analyze`]
//! and `coex diff` use it when the region walk would cost more.
//!
//! [`super::analyze`]: crate::analysis::analyze

use super::cube::{Cube, Space};
use std::collections::HashMap;

/// Spaces of at most this many inputs may be enumerated (2 MiB per bit
/// set of the whole space).
pub const ENUMERABLE: u128 = 1 << 24;

/// About how many inputs one chunk holds.
pub(crate) const CHUNK_BITS: usize = 1 << 15;

/// A set of inputs of one chunk, one bit per input.
pub(crate) type Bits = Vec<u64>;

/// The estimated cost of enumerating a problem of `ids` rows and
/// constraints, in word operations (saturating).
pub(crate) fn cost(space: &Space, ids: usize) -> u128 {
    let columns = space.columns() as u128 + 4;
    (space.volume() / 64 + 1)
        .saturating_mul(ids as u128 + 1)
        .saturating_mul(columns)
}

/// What one step of the region walk (one row looked at in one cube) costs,
/// in word operations of enumeration. Measured about the same: on random
/// dense tables a step takes about 30 ns and a word operation of the
/// enumeration, naming the pairs included, about 50 ns (docs/PERFORMANCE.md,
/// "Worst cases"). It was 8, which dropped walks that would have finished
/// in a fraction of the enumeration's time.
const WALK_STEP_COST: u128 = 1;

/// How many walk steps an enumerable space may take before the walk is
/// dropped for the enumeration: what enumerating it would cost, and at
/// least 65,536 steps (small spaces are always walked to the end).
pub fn walk_budget(space: &Space, ids: usize) -> u64 {
    let steps = (cost(space, ids) / WALK_STEP_COST).max(1 << 16);
    u64::try_from(steps).unwrap_or(u64::MAX)
}

/// One chunk: the fixed values of the first columns, and the bit sets of
/// the rows (and constraints) that match any of its inputs.
pub(crate) struct Chunk<'a> {
    pub(crate) plan: &'a Plan,
    /// The values of the columns `0..plan.low`.
    high: &'a [u32],
    /// The index of the chunk's first input in the whole space.
    pub(crate) base: u64,
    /// Per id, its bit set here (`None`: it matches nothing here).
    pub(crate) sets: &'a [Option<Bits>],
}

/// How the space is cut into chunks.
pub(crate) struct Plan {
    space: Space,
    /// The first column that varies within a chunk.
    low: usize,
    /// Inputs per chunk.
    len: usize,
    /// Per column from `low`: how many inputs one of its values spans.
    strides: Vec<usize>,
}

impl Plan {
    fn new(space: &Space, chunk_bits: usize) -> Plan {
        let mut low = space.columns();
        let mut len = 1usize;
        while low > 0 {
            let size = space.size(low - 1) as usize;
            if len > 1 && len * size > chunk_bits {
                break;
            }
            len *= size.max(1);
            low -= 1;
        }
        let mut strides = vec![0; space.columns() - low];
        let mut stride = 1;
        for column in (low..space.columns()).rev() {
            strides[column - low] = stride;
            stride *= space.size(column) as usize;
        }
        Plan {
            space: space.clone(),
            low,
            len,
            strides,
        }
    }

    pub(crate) fn words(&self) -> usize {
        self.len.div_ceil(64)
    }

    /// A bit set of every input of a chunk.
    pub(crate) fn all(&self) -> Bits {
        let mut bits = vec![u64::MAX; self.words()];
        if !self.len.is_multiple_of(64) {
            *bits.last_mut().expect("a chunk has an input") = (1u64 << (self.len % 64)) - 1;
        }
        bits
    }

    /// The bit set of `value of column ∈ mask` over a chunk.
    fn column_set(&self, column: usize, mask: &[u64]) -> Bits {
        let stride = self.strides[column - self.low];
        let size = self.space.size(column) as usize;
        let mut bits = vec![0u64; self.words()];
        let mut start = 0;
        while start < self.len {
            for value in 0..size {
                if mask[value / 64] & (1 << (value % 64)) != 0 {
                    set_range(&mut bits, start + value * stride, stride);
                }
            }
            start += stride * size;
        }
        bits
    }
}

/// The input at an index of the whole space (the first column most
/// significant).
pub(crate) fn point(space: &Space, mut index: u64) -> Vec<u32> {
    let mut point = vec![0; space.columns()];
    for column in (0..space.columns()).rev() {
        let size = space.size(column) as u64;
        point[column] = (index % size) as u32;
        index /= size;
    }
    point
}

fn set_range(bits: &mut [u64], start: usize, len: usize) {
    let end = start + len;
    let mut at = start;
    while at < end {
        let word = at / 64;
        let offset = at % 64;
        let take = (64 - offset).min(end - at);
        let mask = if take == 64 {
            u64::MAX
        } else {
            ((1u64 << take) - 1) << offset
        };
        bits[word] |= mask;
        at += take;
    }
}

/// Bits `start..start + len` of a bit set, as a bit set of their own.
fn extract(bits: &[u64], start: usize, len: usize) -> Bits {
    let mut out = vec![0u64; len.div_ceil(64)];
    for (i, word) in out.iter_mut().enumerate() {
        let at = start + i * 64;
        let (index, offset) = (at / 64, at % 64);
        let mut w = bits[index] >> offset;
        if offset > 0 {
            if let Some(next) = bits.get(index + 1) {
                w |= next << (64 - offset);
            }
        }
        let keep = (len - i * 64).min(64);
        if keep < 64 {
            w &= (1u64 << keep) - 1;
        }
        *word = w;
    }
    out
}

pub(crate) fn is_empty(bits: &[u64]) -> bool {
    bits.iter().all(|&w| w == 0)
}

pub(crate) fn first(bits: &[u64]) -> Option<usize> {
    bits.iter()
        .position(|&w| w != 0)
        .map(|i| i * 64 + bits[i].trailing_zeros() as usize)
}

pub(crate) fn and(a: &[u64], b: &[u64]) -> Bits {
    a.iter().zip(b).map(|(x, y)| x & y).collect()
}

pub(crate) fn and_not(a: &[u64], b: &[u64]) -> Bits {
    a.iter().zip(b).map(|(x, y)| x & !y).collect()
}

pub(crate) fn or_into(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x |= y;
    }
}

pub(crate) fn remove(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x &= !y;
    }
}

pub(crate) fn contains_bit(bits: &[u64], index: usize) -> bool {
    bits[index / 64] & (1 << (index % 64)) != 0
}

impl Chunk<'_> {
    /// Disjoint cubes holding exactly the inputs of a bit set: the chunk's
    /// fixed values, then, column by column, the values whose sub-blocks
    /// are alike grouped into one cell.
    pub(crate) fn cubes(&self, bits: &[u64]) -> Vec<Cube> {
        let plan = self.plan;
        let space = &plan.space;
        let mut out = Vec::new();
        if is_empty(bits) {
            return out;
        }
        let mut prefix = space.point(&vec![0; space.columns()]);
        for (column, &value) in self.high.iter().enumerate() {
            space.column_mut(&mut prefix, column).fill(0);
            space.column_mut(&mut prefix, column)[value as usize / 64] |= 1 << (value % 64);
        }
        for column in plan.low..space.columns() {
            space.column_mut(&mut prefix, column).fill(0);
        }
        // (column, start bit, the cube so far): a block of `bits` to split.
        let mut stack: Vec<(usize, usize, Cube)> = vec![(plan.low, 0, prefix)];
        let full = space.full();
        while let Some((column, start, cube)) = stack.pop() {
            if column == space.columns() {
                out.push(cube);
                continue;
            }
            let stride = plan.strides[column - plan.low];
            let size = space.size(column) as usize;
            // Values whose blocks are alike, and the first block of each.
            let mut groups: Vec<Vec<u64>> = Vec::new();
            let mut index: HashMap<Bits, usize> = HashMap::new();
            let mut whole: Vec<u64> = vec![0; space.column(&cube, column).len()];
            for value in 0..size {
                let block = extract(bits, start + value * stride, stride);
                if is_empty(&block) {
                    continue;
                }
                if block.iter().map(|w| w.count_ones() as usize).sum::<usize>() == stride {
                    whole[value / 64] |= 1 << (value % 64);
                    continue;
                }
                let at = *index.entry(block).or_insert_with(|| {
                    groups.push(vec![0; whole.len()]);
                    groups.len() - 1
                });
                groups[at][value / 64] |= 1 << (value % 64);
            }
            let with = |values: &[u64]| {
                let mut next = cube.clone();
                space.column_mut(&mut next, column).copy_from_slice(values);
                next
            };
            if !is_empty(&whole) {
                let mut done = with(&whole);
                for later in column + 1..space.columns() {
                    space
                        .column_mut(&mut done, later)
                        .copy_from_slice(space.column(&full, later));
                }
                out.push(done);
            }
            for values in groups.into_iter().rev() {
                let first_value = super::cube::bits(&values)
                    .next()
                    .expect("a group has a value");
                stack.push((
                    column + 1,
                    start + first_value as usize * stride,
                    with(&values),
                ));
            }
        }
        out
    }
}

/// Walk the chunks of a problem's space in order, with the bit set of
/// every id (`cubes[id]`) in each.
pub(crate) fn chunks(space: &Space, cubes: &[&[u64]], visit: impl FnMut(&Chunk<'_>)) {
    chunks_of(space, cubes, CHUNK_BITS, visit)
}

/// [`chunks`] of about `chunk_bits` inputs each (small ones in tests).
pub(crate) fn chunks_of(
    space: &Space,
    cubes: &[&[u64]],
    chunk_bits: usize,
    mut visit: impl FnMut(&Chunk<'_>),
) {
    let plan = Plan::new(space, chunk_bits);
    if space.volume() == 0 {
        return;
    }
    // Per id: the bit set of each narrowed low column, built once per
    // distinct cell.
    let mut column_sets: HashMap<(usize, &[u64]), usize> = HashMap::new();
    let mut stored: Vec<Bits> = Vec::new();
    let mut low_sets: Vec<Vec<usize>> = Vec::with_capacity(cubes.len());
    for cube in cubes {
        let mut mine = Vec::new();
        for column in plan.low..space.columns() {
            if space.is_full(cube, column) {
                continue;
            }
            let mask = space.column(cube, column);
            let at = *column_sets.entry((column, mask)).or_insert_with(|| {
                stored.push(plan.column_set(column, mask));
                stored.len() - 1
            });
            mine.push(at);
        }
        low_sets.push(mine);
    }
    let all = plan.all();
    let mut high = vec![0u32; plan.low];
    let mut sets: Vec<Option<Bits>> = vec![None; cubes.len()];
    let mut base = 0u64;
    loop {
        for (id, cube) in cubes.iter().enumerate() {
            let inside = high.iter().enumerate().all(|(column, &value)| {
                space.column(cube, column)[value as usize / 64] & (1 << (value % 64)) != 0
            });
            sets[id] = inside
                .then(|| {
                    let mut bits = all.clone();
                    for &at in &low_sets[id] {
                        for (b, s) in bits.iter_mut().zip(&stored[at]) {
                            *b &= s;
                        }
                    }
                    bits
                })
                .filter(|bits| !is_empty(bits));
        }
        visit(&Chunk {
            plan: &plan,
            high: &high,
            base,
            sets: &sets,
        });
        base += plan.len as u64;
        // The next values of the first columns (an odometer).
        let mut column = plan.low;
        loop {
            if column == 0 {
                return;
            }
            column -= 1;
            high[column] += 1;
            if high[column] < space.size(column) {
                break;
            }
            high[column] = 0;
        }
    }
}
