//! `cargo bench`: ns per `route` lookup for each alternative, on one fixed
//! pseudo-random stream of queries drawn from all 200 input combinations
//! (impossible ones included). Before anything is timed, every alternative
//! must give the same answer on every query of the stream.
#![forbid(unsafe_code)]

use coex_bench::engines::{RegoInterpreter, RegoVm, Zen};
use coex_bench::hand::{route_dense, route_hash_map, route_match};
use coex_bench::{str_query, stream, Answer, Query, StrQuery, STREAM_LEN};
use criterion::{Bencher, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Lookups per timed iteration; successive iterations walk through the stream.
const BATCH: usize = 1024;

const GROUP: &str = "route";

/// Times `f` over `BATCH` consecutive items per iteration, cycling through `items`.
fn run<T, R>(b: &mut Bencher<'_>, items: &[T], mut f: impl FnMut(&T) -> R) {
    assert_eq!(items.len() % BATCH, 0);
    let mut pos = 0;
    b.iter(|| {
        for item in &items[pos..pos + BATCH] {
            black_box(f(black_box(item)));
        }
        pos = (pos + BATCH) % items.len();
    });
}

/// Panics with the first query on which an alternative disagrees with the
/// runtime's typed API (or, without it, with the hand-written `match`).
fn check_agreement(
    queries: &[Query],
    strs: &[StrQuery],
    zen: &Zen,
    rvm: &mut RegoVm,
    interp: &mut RegoInterpreter,
) {
    let map = route_hash_map();
    for (i, (&q, s)) in queries.iter().zip(strs).enumerate() {
        let reference = coex_bench::runtime::typed_answer(q);
        let phf = coex_bench::runtime::phf_answer(q);
        let answers: [(&str, Option<Answer>); 9] = [
            ("coex_runtime_typed", Some(reference)),
            ("coex_runtime_phf", Some(phf)),
            ("coex_runtime_eval", coex_bench::runtime::eval_answer(s)),
            ("hand_match", Some(route_match(q))),
            ("dense_array", Some(route_dense(q))),
            ("std_hashmap", Some(map[&q])),
            ("zen_engine", zen.answer(s)),
            ("regorus_rvm", rvm.answer(s)),
            ("regorus_interpreter", interp.answer(s)),
        ];
        if let Some((name, got)) = answers.iter().find(|(_, a)| *a != Some(reference)) {
            let all: Vec<String> = answers
                .iter()
                .map(|(n, a)| match a {
                    Some(a) => format!("  {n}: {a}"),
                    None => format!("  {n}: (not understood)"),
                })
                .collect();
            panic!(
                "disagreement at query #{i} {q:?}: {name} answers {got:?}, coex_runtime_typed {reference}\n{}",
                all.join("\n")
            );
        }
    }
    eprintln!(
        "checked: all alternatives agree on all {} queries of the stream",
        queries.len()
    );
}

fn bench_route(c: &mut Criterion) {
    let queries = stream(STREAM_LEN);
    let strs: Vec<StrQuery> = queries.iter().map(|&q| str_query(q)).collect();
    let zen = Zen::new();
    let mut rvm = RegoVm::new();
    let mut interp = RegoInterpreter::new();
    check_agreement(&queries, &strs, &zen, &mut rvm, &mut interp);

    let typed = coex_bench::runtime::typed_queries(&queries);
    let phf_typed = coex_bench::runtime::phf_queries(&queries);
    let map = route_hash_map();

    let mut group = c.benchmark_group(GROUP);
    group.throughput(Throughput::Elements(BATCH as u64));
    group.sampling_mode(SamplingMode::Flat);

    group.bench_function("coex_runtime_typed", |b| {
        run(b, &typed, |&(a, b, c, d, e)| {
            coex_runtime::route(a, b, c, d, e)
        })
    });
    group.bench_function("coex_runtime_phf", |b| {
        run(b, &phf_typed, |&(a, b, c, d, e)| {
            coex_bench::runtime::phf_variant::route_via_phf(a, b, c, d, e)
        })
    });
    group.bench_function("coex_runtime_eval", |b| {
        run(b, &strs, |s| coex_runtime::eval("route", s))
    });
    group.bench_function("hand_match", |b| run(b, &queries, |&q| route_match(q)));
    group.bench_function("dense_array", |b| run(b, &queries, |&q| route_dense(q)));
    group.bench_function("std_hashmap", |b| run(b, &queries, |q| map.get(q).copied()));
    group.bench_function("zen_engine", |b| run(b, &strs, |s| zen.eval(s)));
    group.bench_function("regorus_rvm", |b| run(b, &strs, |s| rvm.eval(s)));
    group.bench_function("regorus_interpreter", |b| run(b, &strs, |s| interp.eval(s)));
    group.finish();
}

/// Prints ns per lookup for every benchmark of the group measured by this run
/// (criterion's estimates are per iteration of `BATCH` lookups).
fn summarize(started: SystemTime) {
    let dir = Path::new("target/criterion").join(GROUP);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let file = entry.path().join("new/estimates.json");
        let fresh = std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= started);
        if !fresh {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let per = |v: &serde_json::Value| v.as_f64().unwrap_or(f64::NAN) / BATCH as f64;
        let mean = &json["mean"];
        rows.push((
            per(&mean["point_estimate"]),
            per(&mean["confidence_interval"]["lower_bound"]),
            per(&mean["confidence_interval"]["upper_bound"]),
            per(&json["median"]["point_estimate"]),
            entry.file_name().to_string_lossy().into_owned(),
        ));
    }
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("\nns per lookup (criterion mean per iteration / {BATCH}):\n");
    println!("| alternative | mean ns/lookup | 95% CI | median |");
    println!("|---|---:|---:|---:|");
    for (mean, lo, hi, median, name) in rows {
        println!("| {name} | {mean:.2} | {lo:.2} – {hi:.2} | {median:.2} |");
    }
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
        .configure_from_args();
    bench_route(&mut criterion);
    criterion.final_summary();
    summarize(started);
}
