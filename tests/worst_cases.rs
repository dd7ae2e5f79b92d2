//! The worst cases of issue 10 as regression tests: each is checked (or
//! diffed) and its answer compared with brute force over every input, on
//! sizes a debug build enumerates quickly. `benches/worst/main.rs` times the
//! issue's full sizes.
#![forbid(unsafe_code)]

#[path = "../benches/worst/cases.rs"]
mod cases;

use cases::*;
use coex::diagnostic::Code;
use coex::diff::{diff, Side};
use coex::model::{Model, Ruling};
use coex::source::Sources;
use std::collections::BTreeSet;

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("worst.coex", text.to_string());
    sources
}

/// Every input of a decision's space, first input most significant.
fn every_input(sizes: &[usize]) -> impl Iterator<Item = Vec<u32>> + '_ {
    let total: usize = sizes.iter().product();
    (0..total).map(move |mut index| {
        let mut point = vec![0u32; sizes.len()];
        for (c, &size) in sizes.iter().enumerate().rev() {
            point[c] = (index % size) as u32;
            index /= size;
        }
        point
    })
}

/// What the checker must say about the (only) decision, by brute force:
/// the undecided inputs and the rows that conflict.
fn brute_force(model: &Model) -> (u128, BTreeSet<usize>) {
    let d = &model.decisions[0];
    let sizes: Vec<usize> = d
        .inputs
        .iter()
        .map(|c| model.enums[c.enum_id].values.len())
        .collect();
    let (mut undecided, mut conflicting) = (0u128, BTreeSet::new());
    for input in every_input(&sizes) {
        match d.evaluate(&input) {
            Ruling::Undecided => undecided += 1,
            Ruling::Conflicting(rows) => conflicting.extend(rows),
            Ruling::Row(_) | Ruling::Impossible(_) => {}
        }
    }
    (undecided, conflicting)
}

/// The checker's verdict on a rule set equals brute force's.
fn checks_like_brute_force(text: &str) {
    let compiled = coex::compile(&sources(text));
    let model = compiled.model.as_ref().expect("the rule set resolves");
    let problem = model.decisions[0].problem(model);
    let analysis = coex::analysis::analyze(&problem);
    let (undecided, conflicting) = brute_force(model);
    assert_eq!(analysis.gap_inputs, undecided);
    let named: BTreeSet<usize> = analysis
        .conflicts
        .iter()
        .flat_map(|p| [p.first as usize, p.second as usize])
        .collect();
    assert_eq!(named, conflicting);
    // The diagnostics say so too.
    let gaps = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Gap)
        .count();
    assert_eq!(gaps, usize::from(undecided > 0));
}

#[test]
fn rows_excluding_a_value_each_check_like_brute_force() {
    checks_like_brute_force(&excluding(7, 5, 8));
}

#[test]
fn crossing_two_valued_rows_check_like_brute_force() {
    for seed in [7, 8, 9] {
        checks_like_brute_force(&crossing_binary(15, 12, seed));
    }
}

#[test]
fn random_dense_tables_check_like_brute_force() {
    for seed in 1..=4 {
        checks_like_brute_force(&random_dense(8, 3, 40, seed));
    }
}

#[test]
fn crossing_rule_sets_diff_like_brute_force() {
    let (old, new) = crossing_diff(9);
    let (old_sources, new_sources) = (sources(&old), sources(&new));
    let (old_compiled, new_compiled) = (coex::compile(&old_sources), coex::compile(&new_sources));
    let old_model = old_compiled.checked().expect("old side is checked");
    let new_model = new_compiled.checked().expect("new side is checked");
    let result = diff(
        Side {
            model: old_model,
            sources: &old_sources,
        },
        Side {
            model: new_model,
            sources: &new_sources,
        },
    );
    let (old_d, new_d) = (&old_model.decisions[0], &new_model.decisions[0]);
    let outputs = |d: &coex::model::Decision, input: &[u32]| match d.evaluate(input) {
        Ruling::Row(r) => d.rows[r].outputs.clone(),
        other => panic!("every input is decided: {other:?}"),
    };
    let changed = every_input(&[3; 9])
        .filter(|input| outputs(old_d, input) != outputs(new_d, input))
        .count() as u128;
    let reported: u128 = result.decisions[0].changes.iter().map(|c| c.inputs).sum();
    assert_eq!(reported, changed);
    assert!(changed > 0);
}

#[test]
fn chain_of_two_thousand_sets_is_an_error_not_a_stack_overflow() {
    // A small stack, as the 1 MB main thread had: resolving the
    // chain recursively overflowed it.
    let text = set_chain(2000);
    let codes = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let compiled = coex::compile(&sources(&text));
            compiled
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        })
        .expect("a thread starts")
        .join()
        .expect("resolving a deep chain of sets does not overflow the stack");
    assert_eq!(codes, vec![Code::LimitExceeded]);
}

#[test]
fn sets_nested_to_the_limit_are_accepted() {
    let text = set_chain(coex::limits::MAX_SET_DEPTH);
    let compiled = coex::compile(&sources(&text));
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
}

#[test]
fn one_row_across_a_thousand_inputs_reports_its_gaps() {
    let compiled = coex::compile(&sources(&long_row(1000)));
    let gap = compiled
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Gap)
        .expect("every input but one is undecided");
    assert!(
        gap.labels[0].message.starts_with("1000 patterns"),
        "{gap:?}"
    );
}

#[test]
fn a_decision_with_too_many_inputs_is_a_limit_error() {
    let compiled = coex::compile(&sources(&long_row(coex::limits::MAX_INPUTS + 1)));
    let codes: Vec<Code> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::LimitExceeded]);
    let message = &compiled.diagnostics[0].message;
    assert!(message.contains("1025 inputs"), "{message}");
}

#[test]
fn an_enum_of_ten_thousand_values_checks() {
    let compiled = coex::compile(&sources(&wide_enum(10_000)));
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
}

#[test]
fn an_enum_past_the_value_limit_is_a_limit_error() {
    let compiled = coex::compile(&sources(&wide_enum(coex::limits::MAX_VALUES + 1)));
    assert!(compiled
        .diagnostics
        .iter()
        .any(|d| d.code == Code::LimitExceeded && d.message.contains("65537 values")));
}

#[test]
fn a_decision_past_the_row_limit_is_a_limit_error() {
    let mut text =
        String::from("enum V { A }\ndecision d(a: V) -> o: V {\n    table \"t\"\n    | a || o |\n");
    for _ in 0..=coex::limits::MAX_ROWS {
        text.push_str("    | A || A |\n");
    }
    text.push_str("}\n");
    let compiled = coex::compile(&sources(&text));
    let codes: Vec<Code> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::LimitExceeded]);
    let rows = format!("{} rows", coex::limits::MAX_ROWS + 1);
    assert!(compiled.diagnostics[0].message.contains(&rows));
}
