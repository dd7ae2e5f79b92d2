//! `cargo test --release` (release: it reuses the bench's optimized build of
//! zen-engine and regorus). Every alternative against the `expect` lines of
//! rules/route.coex and against each other on all 200 combinations.
#![forbid(unsafe_code)]

use coex_bench::engines::{RegoInterpreter, RegoVm, Zen};
use coex_bench::hand::{route_dense, route_hash_map, route_match};
use coex_bench::{all_queries, str_query, Answer, Client, Homed, Landing, Mode, Scope, Thread};

fn mode(s: &str) -> Mode {
    match s {
        "MeetingsFirst" => Mode::SfBWithTeamsCollabAndMeetings,
        _ => Mode::parse(s).unwrap_or_else(|| panic!("unknown mode {s}")),
    }
}

/// `expect route(a, b, c, d, e) == (lands, thread)` or `== impossible`.
fn expects() -> Vec<(coex_bench::Query, Option<(Landing, Thread)>)> {
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/route.coex"))
            .expect("rules/route.coex");
    source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("expect route("))
        .map(|rest| {
            let (args, answer) = rest.split_once(") ==").expect("expect line");
            let a: Vec<&str> = args.split(',').map(str::trim).collect();
            let q = (
                mode(a[0]),
                Client::parse(a[1]).expect("client"),
                Homed::parse(a[2]).expect("homed"),
                mode(a[3]),
                Scope::parse(a[4]).expect("scope"),
            );
            let answer = answer.trim();
            let expected = if answer == "impossible" {
                None
            } else {
                let inner = answer.trim_start_matches('(').trim_end_matches(')');
                let (l, t) = inner.split_once(',').expect("(lands, thread)");
                Some((
                    Landing::parse(l.trim()).expect("landing"),
                    Thread::parse(t.trim()).expect("thread"),
                ))
            };
            (q, expected)
        })
        .collect()
}

#[test]
fn hand_match_meets_the_rule_files_expectations() {
    let expects = expects();
    assert!(
        expects.len() >= 40,
        "found only {} expect lines",
        expects.len()
    );
    for (q, expected) in expects {
        match (route_match(q), expected) {
            (Answer::Route(l, t), Some((el, et))) => assert_eq!((l, t), (el, et), "{q:?}"),
            (Answer::Impossible(_), None) => {}
            (got, want) => panic!("{q:?}: got {got}, expected {want:?}"),
        }
    }
}

#[test]
fn every_alternative_agrees_on_all_combinations() {
    let zen = Zen::new();
    let mut rvm = RegoVm::new();
    let mut interp = RegoInterpreter::new();
    let map = route_hash_map();
    for q in all_queries() {
        let s = str_query(q);
        let want = coex_bench::runtime::typed_answer(q);
        assert_eq!(
            coex_bench::runtime::phf_answer(q),
            want,
            "coex_runtime_phf {q:?}"
        );
        assert_eq!(route_match(q), want, "hand_match {q:?}");
        assert_eq!(route_dense(q), want, "dense_array {q:?}");
        assert_eq!(map[&q], want, "std_hashmap {q:?}");
        assert_eq!(
            coex_bench::runtime::eval_answer(&s),
            Some(want),
            "coex_runtime_eval {q:?}"
        );
        assert_eq!(zen.answer(&s), Some(want), "zen_engine {q:?}");
        assert_eq!(rvm.answer(&s), Some(want), "regorus_rvm {q:?}");
        assert_eq!(interp.answer(&s), Some(want), "regorus_interpreter {q:?}");
    }
}
