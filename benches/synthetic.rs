//! Synthetic rule sets for the checker benchmark: a decision with `inputs`
//! inputs of `values` values each, and about `rows` rows that carve the input
//! space the way documentation tables do (a tree of splits), then spoiled on
//! purpose: a few rows removed (gaps), a few overlapping rows that disagree
//! (conflicts), and an ordered table with rows earlier rows cover
//! (unreachable). Deterministic for a given shape.

/// A tiny deterministic generator (xorshift64*), so the benchmark needs no
/// dependency and gives the same rules on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A row as the values it allows per input (`None` = every value).
type Cells = Vec<Option<Vec<usize>>>;

pub struct Shape {
    pub inputs: usize,
    pub values: usize,
    pub rows: usize,
}

/// The rule text, and how many rows of each spoiled kind it holds.
pub struct Synthetic {
    pub text: String,
    pub removed: usize,
    pub conflicting: usize,
    pub shadowed: usize,
}

pub fn generate(shape: &Shape) -> Synthetic {
    let mut random = Random(
        0x9E37_79B9_7F4A_7C15
            ^ (shape.inputs * 1_000_003 + shape.values * 1009 + shape.rows) as u64,
    );
    // Split the leaf with the most room until there are enough leaves.
    // The main table decides i0 = V1.. ; the ordered table decides i0 = V0.
    let mut root: Cells = vec![None; shape.inputs];
    root[0] = Some((1..shape.values).collect());
    let mut leaves: Vec<Cells> = vec![root];
    while leaves.len() < shape.rows {
        let index = random.below(leaves.len());
        let leaf = leaves.swap_remove(index);
        let free: Vec<usize> = (0..shape.inputs).filter(|&i| leaf[i].is_none()).collect();
        if free.is_empty() {
            leaves.push(leaf);
            if leaves.iter().all(|l| l.iter().all(|c| c.is_some())) {
                break;
            }
            continue;
        }
        let input = free[random.below(free.len())];
        // Two to four groups of consecutive values.
        let groups = 2 + random.below(3.min(shape.values - 1));
        let mut cuts: Vec<usize> = (1..shape.values).collect();
        while cuts.len() > groups - 1 {
            let i = random.below(cuts.len());
            cuts.remove(i);
        }
        let mut start = 0;
        for end in cuts.into_iter().chain(std::iter::once(shape.values)) {
            let mut child = leaf.clone();
            child[input] = Some((start..end).collect());
            leaves.push(child);
            start = end;
        }
    }
    let mut rows: Vec<(Cells, usize)> = leaves.into_iter().map(|l| (l, 0)).collect();
    for row in &mut rows {
        row.1 = random.below(4);
    }
    // Spoil it: remove rows (gaps), add disagreeing overlaps (conflicts).
    let removed = (rows.len() / 200).max(1);
    for _ in 0..removed {
        let i = random.below(rows.len());
        rows.remove(i);
    }
    let conflicting = (rows.len() / 200).max(1);
    for _ in 0..conflicting {
        let (cells, outcome) = rows[random.below(rows.len())].clone();
        rows.push((cells, (outcome + 1) % 4));
    }
    // An ordered table for i0 = V0, whose last rows repeat its first ones
    // after a catch-all (unreachable).
    let shadowed = (shape.rows / 200).max(1);

    let mut text = String::from("enum V {");
    for v in 0..shape.values {
        text.push_str(&format!(" V{v},"));
    }
    text.push_str(" }\nenum Out { O0, O1, O2, O3 }\n\ndecision synthetic(");
    let names: Vec<String> = (0..shape.inputs).map(|i| format!("i{i}")).collect();
    text.push_str(
        &names
            .iter()
            .map(|n| format!("{n}: V"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push_str(") -> out: Out {\n    table \"main\"\n    | ");
    text.push_str(&names.join(" | "));
    text.push_str(" || out |\n");
    let cell = |c: &Option<Vec<usize>>| match c {
        None => "*".to_string(),
        Some(values) => values
            .iter()
            .map(|v| format!("V{v}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    for (cells, outcome) in &rows {
        text.push_str("    | ");
        text.push_str(&cells.iter().map(cell).collect::<Vec<_>>().join(" | "));
        text.push_str(&format!(" || O{outcome} |\n"));
    }
    // The ordered table: rows on a value of i0 nothing else decides.
    text.push_str("\n    table \"first match\" ordered\n    | ");
    text.push_str(&names.join(" | "));
    text.push_str(" || out |\n");
    let mut ordered: Vec<Cells> = Vec::new();
    for k in 0..shadowed {
        let mut cells: Cells = vec![None; shape.inputs];
        cells[0] = Some(vec![0]);
        cells[1] = Some(vec![k % shape.values]);
        ordered.push(cells);
    }
    let mut catch_all: Cells = vec![None; shape.inputs];
    catch_all[0] = Some(vec![0]);
    for cells in ordered
        .iter()
        .chain(std::iter::once(&catch_all))
        .chain(ordered.iter())
    {
        text.push_str("    | ");
        text.push_str(&cells.iter().map(cell).collect::<Vec<_>>().join(" | "));
        text.push_str(" || O0 |\n");
    }
    text.push_str("}\n");
    Synthetic {
        text,
        removed,
        conflicting,
        shadowed,
    }
}
