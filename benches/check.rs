//! How long `coex check` takes on large decisions, and how it grows.
//!
//! `cargo bench --bench check`. The headline case is the issue's: 12 inputs
//! of 10 values (10^12 inputs) and 1,000 rows, with gaps, conflicts and
//! unreachable rows. Figures are in docs/PERFORMANCE.md.
#![forbid(unsafe_code)]

mod synthetic;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use synthetic::{generate, Shape};

fn sources(shape: &Shape) -> coex::source::Sources {
    let mut sources = coex::source::Sources::new();
    sources.add("synthetic.coex", generate(shape).text);
    sources
}

fn headline(c: &mut Criterion) {
    let shape = Shape {
        inputs: 12,
        values: 10,
        rows: 1000,
    };
    let generated = generate(&shape);
    eprintln!(
        "headline decision: {} rows removed (gaps), {} conflicting rows, {} shadowed rows",
        generated.removed, generated.conflicting, generated.shadowed
    );
    let sources = sources(&shape);
    let mut group = c.benchmark_group("check 12 inputs x 10 values, 1000 rows");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("whole check (parse, resolve, analyze)", |b| {
        b.iter(|| black_box(coex::compile(black_box(&sources))))
    });
    let compiled = coex::compile(&sources);
    let model = compiled.model.as_ref().expect("a model");
    let problem = model.decisions[0].problem(model);
    group.bench_function("analysis only", |b| {
        b.iter(|| black_box(coex::analysis::analyze(black_box(&problem))))
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("check scaling");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for rows in [100, 1000, 10_000] {
        let s = sources(&Shape {
            inputs: 12,
            values: 10,
            rows,
        });
        group.bench_with_input(
            BenchmarkId::new("rows (12 inputs, 10 values)", rows),
            &s,
            |b, s| b.iter(|| black_box(coex::compile(s))),
        );
    }
    for inputs in [4, 8, 12, 16, 24] {
        let s = sources(&Shape {
            inputs,
            values: 10,
            rows: 1000,
        });
        group.bench_with_input(
            BenchmarkId::new("inputs (10 values, 1000 rows)", inputs),
            &s,
            |b, s| b.iter(|| black_box(coex::compile(s))),
        );
    }
    for values in [5, 10, 20, 40, 100] {
        let s = sources(&Shape {
            inputs: 12,
            values,
            rows: 1000,
        });
        group.bench_with_input(
            BenchmarkId::new("values (12 inputs, 1000 rows)", values),
            &s,
            |b, s| b.iter(|| black_box(coex::compile(s))),
        );
    }
    group.finish();
}

fn shipped(c: &mut Criterion) {
    let sources = coex::shipped::sources();
    c.bench_function("check the shipped rules", |b| {
        b.iter(|| black_box(coex::compile(black_box(&sources))))
    });
}

criterion_group!(benches, headline, scaling, shipped);
criterion_main!(benches);
