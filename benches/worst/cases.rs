//! Worst-case rule sets for the checker and `coex diff` (issue 10): small
//! files whose rows cross each other so that the region walk meets nearly
//! every input, and random dense tables. Deterministic for given arguments;
//! shared by `benches/worst/main.rs` (timings) and `tests/worst_cases.rs`
//! (answers against brute force).
#![allow(dead_code)]

/// A tiny deterministic generator (xorshift64*).
pub struct Random(pub u64);

impl Random {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

fn header(values: usize, outcomes: usize) -> String {
    // One value per line: a wide enum on one line would pass the line-length
    // limit before the value limit.
    let mut text = String::from("enum V {\n");
    for v in 0..values {
        text.push_str(&format!("    V{v}\n"));
    }
    text.push_str("}\nenum Out {");
    for o in 0..outcomes {
        text.push_str(&format!(" O{o},"));
    }
    text.push_str(" }\n");
    text
}

fn decision(name: &str, inputs: usize) -> String {
    let names: Vec<String> = (0..inputs).map(|i| format!("i{i}: V")).collect();
    format!("decision {name}({}) -> out: Out {{\n", names.join(", "))
}

fn table(title: &str, ordered: bool, inputs: usize) -> String {
    let names: Vec<String> = (0..inputs).map(|i| format!("i{i}")).collect();
    format!(
        "    table \"{title}\"{}\n    | {} || out |\n",
        if ordered { " ordered" } else { "" },
        names.join(" | ")
    )
}

fn row(cells: &[String], outcome: usize) -> String {
    format!("    | {} || O{outcome} |\n", cells.join(" | "))
}

/// Rows that each exclude one value in every input, a different value per
/// row and input, so that every pair of rows crosses: the walk splits
/// every input into all its values (`values^inputs` regions). 10 inputs of
/// 5 values and 8 rows is the 588-byte, 12-second rule set.
pub fn excluding(inputs: usize, values: usize, rows: usize) -> String {
    let mut text = header(values, 2);
    text.push_str(&decision("excluding", inputs));
    text.push_str(&table("crossing", false, inputs));
    for r in 0..rows {
        let cells: Vec<String> = (0..inputs)
            .map(|c| format!("!V{}", (r + c * (r + 1)) % values))
            .collect();
        text.push_str(&row(&cells, r % 2));
    }
    text.push_str("}\n");
    text
}

/// Two-valued inputs and rows that each fix a few inputs to a value,
/// chosen at random: about as many regions as inputs (22 inputs, 12 rows
/// is the 768-byte, 20-second rule set).
pub fn crossing_binary(inputs: usize, rows: usize, seed: u64) -> String {
    let mut random = Random(seed | 1);
    let mut text = header(2, 2);
    text.push_str(&decision("binary", inputs));
    text.push_str(&table("crossing", true, inputs));
    for r in 0..rows {
        let cells: Vec<String> = (0..inputs)
            .map(|_| match random.below(3) {
                0 => "V0".to_string(),
                1 => "V1".to_string(),
                _ => "*".to_string(),
            })
            .collect();
        text.push_str(&row(&cells, r % 2));
    }
    text.push_str("}\n");
    text
}

/// A random dense table: every cell a random non-empty subset of the
/// values, outcomes at random, unordered.
pub fn random_dense(inputs: usize, values: usize, rows: usize, seed: u64) -> String {
    let mut random = Random(seed | 1);
    let mut text = header(values, 4);
    text.push_str(&decision("dense", inputs));
    text.push_str(&table("random", false, inputs));
    for _ in 0..rows {
        let cells: Vec<String> = (0..inputs)
            .map(|_| {
                let picked: Vec<String> = (0..values)
                    .filter(|_| random.below(3) != 0)
                    .map(|v| format!("V{v}"))
                    .collect();
                if picked.is_empty() || picked.len() == values {
                    "*".to_string()
                } else {
                    picked.join(", ")
                }
            })
            .collect();
        text.push_str(&row(&cells, random.below(4)));
    }
    text.push_str("}\n");
    text
}

/// Two rule sets that each check fast, and whose diff crosses them: an
/// ordered table whose row `c` fixes input `c` to one value, first to `V0`
/// (old) and then to `V1` (new). Alone, each splits every input in two;
/// together in three, `3^inputs` regions.
pub fn crossing_diff(inputs: usize) -> (String, String) {
    let side = |value: usize| {
        let mut text = header(3, 2);
        text.push_str(&decision("crossed", inputs));
        text.push_str(&table("first match", true, inputs));
        for c in 0..inputs {
            let cells: Vec<String> = (0..inputs)
                .map(|i| {
                    if i == c {
                        format!("V{value}")
                    } else {
                        "*".to_string()
                    }
                })
                .collect();
            text.push_str(&row(&cells, c % 2));
        }
        text.push_str(&row(&vec!["*".to_string(); inputs], 1));
        text.push_str("}\n");
        text
    };
    (side(0), side(1))
}

/// One input of `values` values: an ordered table with a row for each of
/// the first 4,000 values, then a row for all the others.
pub fn wide_enum(values: usize) -> String {
    let mut text = header(values, 2);
    text.push_str(&decision("wide", 1));
    text.push_str(&table("each value", true, 1));
    for v in 0..values.min(4000) {
        text.push_str(&row(&[format!("V{v}")], v % 2));
    }
    text.push_str(&row(&["*".to_string()], 0));
    text.push_str("}\n");
    text
}

/// One row across `inputs` two-valued inputs, each cell one value.
pub fn long_row(inputs: usize) -> String {
    let mut text = header(2, 1);
    text.push_str(&decision("long", inputs));
    text.push_str(&table("one row", false, inputs));
    text.push_str(&row(&vec!["V0".to_string(); inputs], 0));
    text.push_str("}\n");
    text
}

/// `depth` sets, each holding the one before.
pub fn set_chain(depth: usize) -> String {
    let mut text = String::from("enum V { A, B }\nset S0: V = A\n");
    for d in 1..depth {
        text.push_str(&format!("set S{d}: V = S{}\n", d - 1));
    }
    text
}
