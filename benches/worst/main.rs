//! The worst cases of issue 10, timed: adversarial and random dense
//! decisions checked, crossing rule sets diffed, and the polynomial
//! blowups. `cargo bench --bench worst` prints one line per case (best of
//! three runs); figures are in docs/PERFORMANCE.md ("Worst cases").
//!
//! With `COEX_WORST_WRITE=DIR` it writes the cases as rule sets instead
//! (`DIR/<case>/worst.coex`, and `old/` and `new/` for a diff), so that two
//! `coex` binaries can be timed on the same files:
//! `benches/worst/before-after.sh` does that.
#![forbid(unsafe_code)]

mod cases;

use cases::*;
use coex::source::Sources;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("worst.coex", text.to_string());
    sources
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `coex check` of a rule set (compile: parse, resolve, analyse), and, for
/// its first decision, the region walk alone and the enumeration alone.
fn check(name: &str, text: &str) {
    let sources = sources(text);
    let took = best_of(3, || {
        black_box(coex::compile(black_box(&sources)));
    });
    let compiled = coex::compile(&sources);
    let model = compiled.model.expect("the rule set resolves");
    let problem = model.decisions[0].problem(&model);
    let enumerable = problem.space.volume() <= coex::analysis::ENUMERABLE;
    let walk = best_of(1, || coex::analysis::partition(&problem, |_, _| {}));
    let enumerated = if enumerable {
        let took = best_of(3, || {
            black_box(coex::analysis::analyze_enumerated(black_box(&problem)));
        });
        format!("{:>8.3} s", took.as_secs_f64())
    } else {
        format!("{:>10}", "-")
    };
    println!(
        "check {name:<30} {:>6} bytes {:>9} inputs | check {:>8.3} s | walk {:>8.3} s | enumeration {enumerated}",
        text.len(),
        problem.space.volume(),
        took.as_secs_f64(),
        walk.as_secs_f64(),
    );
}

fn diff(name: &str, (old, new): (String, String)) {
    let (old_sources, new_sources) = (sources(&old), sources(&new));
    let (old_compiled, new_compiled) = (coex::compile(&old_sources), coex::compile(&new_sources));
    let old_model = old_compiled.checked().expect("old side is checked");
    let new_model = new_compiled.checked().expect("new side is checked");
    let took = best_of(3, || {
        black_box(coex::diff::diff(
            coex::diff::Side {
                model: old_model,
                sources: &old_sources,
            },
            coex::diff::Side {
                model: new_model,
                sources: &new_sources,
            },
        ));
    });
    println!(
        "diff  {name:<34} {:>6} bytes {:>17} {:>10.3} s",
        old.len() + new.len(),
        "",
        took.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a name filters the cases.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    type Generator = Box<dyn Fn() -> String>;
    let cases: Vec<(&str, Generator)> = vec![
        ("excluding 10x5, 8 rows", Box::new(|| excluding(10, 5, 8))),
        (
            "crossing binary 22, 12 rows",
            Box::new(|| crossing_binary(22, 12, 7)),
        ),
        (
            "random dense 10x4, 60 rows",
            Box::new(|| random_dense(10, 4, 60, 1)),
        ),
        (
            "random dense 12x3, 60 rows",
            Box::new(|| random_dense(12, 3, 60, 2)),
        ),
        ("wide enum 10000 values", Box::new(|| wide_enum(10_000))),
        ("long row 1000 inputs", Box::new(|| long_row(1000))),
    ];
    let write_to = std::env::var_os("COEX_WORST_WRITE").map(std::path::PathBuf::from);
    for (name, text) in cases {
        if wanted(name) {
            match &write_to {
                Some(dir) => write(&dir.join(slug(name)), &text()),
                None => check(name, &text()),
            }
        }
    }
    if wanted("diff crossing 14") {
        let (old, new) = crossing_diff(14);
        match &write_to {
            Some(dir) => {
                let dir = dir.join("diff-crossing-14");
                write(&dir.join("old"), &old);
                write(&dir.join("new"), &new);
            }
            None => diff("crossing 14 inputs", (old, new)),
        }
    }
}

/// A case's name as a directory name: `random dense 10x4, 60 rows` is
/// `random-dense-10x4-60-rows`.
fn slug(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn write(dir: &std::path::Path, text: &str) {
    std::fs::create_dir_all(dir).expect("create the case's directory");
    std::fs::write(dir.join("worst.coex"), text).expect("write the case");
}
