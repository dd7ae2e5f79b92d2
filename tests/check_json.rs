//! `coex check --format json` carries each diagnostic's facts as fields
//! (`data`): what an editor or a CI needs without reading the prose.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `coex check --format json` on a rule set of one file `rules/route.coex`.
fn check_json(text: &str) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("rules")).expect("mkdir");
    std::fs::write(dir.path().join("rules/route.coex"), text).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["check", "--rules", "rules", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .expect("run coex");
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn fixture(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

#[test]
fn a_conflict_names_both_rows_the_witness_and_both_outcomes() {
    let report = check_json(&fixture("conflict.coex"));
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "E0010");
    assert_eq!(
        d["data"],
        json!({
            "kind": "conflict",
            "decision": "route",
            "rows": [
                {"file": "rules/route.coex", "line": 9, "table": "routing", "row": 2},
                {"file": "rules/route.coex", "line": 10, "table": "routing", "row": 3},
            ],
            "witness": {"recipient_mode": "Islands", "scope": "InTenant"},
            "outcomes": [{"lands": "SfB"}, {"lands": "Teams"}],
        })
    );
}

#[test]
fn a_gap_lists_every_pattern_not_only_the_five_in_the_text() {
    // Eight values on the diagonal: every off-diagonal input is undecided.
    let values: Vec<String> = (0..8).map(|i| format!("V{i}")).collect();
    let mut text = format!(
        "enum A {{ {} }}\nenum Ok {{ Yes }}\n\ndecision d(a: A, b: A) -> ok: Ok {{\n    table \"diagonal\"\n    | a | b || ok |\n",
        values.join(", ")
    );
    for v in &values {
        text.push_str(&format!("    | {v} | {v} || Yes |\n"));
    }
    text.push_str("}\n");
    let report = check_json(&text);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "E0009");
    let data = &d["data"];
    assert_eq!(data["kind"], "gap");
    assert_eq!(data["decision"], "d");
    assert_eq!(data["undecided"], 56);
    let patterns = data["patterns"].as_array().expect("patterns");
    let notes = d["notes"][0].as_str().expect("a note of patterns");
    let more: usize = notes
        .rsplit("and ")
        .next()
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the text shows five and says how many more");
    assert_eq!(patterns.len(), 5 + more);
    // The patterns together are exactly the undecided inputs.
    let mut covered = std::collections::BTreeSet::new();
    for pattern in patterns {
        let keys: Vec<&String> = pattern.as_object().expect("a map").keys().collect();
        assert_eq!(keys, ["a", "b"]);
        let cell = |input: &str| expand(pattern[input].as_str().expect("a cell"), &values);
        for a in cell("a") {
            for b in cell("b") {
                assert!(a != b, "{pattern} holds a decided input");
                assert!(covered.insert((a.clone(), b)), "patterns overlap");
            }
        }
    }
    assert_eq!(covered.len(), 56);
    let witness = &data["witness"];
    assert_ne!(witness["a"], witness["b"]);
}

/// The values a cell allows: `*`, `V1`, `V1, V2` or `!V1, V2`.
fn expand(cell: &str, values: &[String]) -> Vec<String> {
    if cell == "*" {
        return values.to_vec();
    }
    let (negated, list) = match cell.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let named: Vec<&str> = list.split(", ").collect();
    values
        .iter()
        .filter(|v| named.contains(&v.as_str()) != negated)
        .cloned()
        .collect()
}

#[test]
fn a_failing_example_names_input_expected_actual_and_the_deciding_row() {
    let report = check_json(&fixture("failing_expect.coex"));
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "E0011");
    assert_eq!(
        d["data"],
        json!({
            "kind": "failing_expect",
            "decision": "route",
            "input": {"recipient_mode": "Islands"},
            "expected": {"lands": "Teams"},
            "actual": {"lands": "SfB"},
            "decided_by": {"file": "rules/route.coex", "line": 7, "table": "routing", "row": 1},
            "because": null,
        })
    );
}

#[test]
fn unreachable_overlapping_and_dead_rows_are_named() {
    let report = check_json(&fixture("unreachable_row.coex"));
    assert_eq!(
        report["diagnostics"][0]["data"],
        json!({
            "kind": "unreachable_row",
            "decision": "route",
            "row": {"file": "rules/route.coex", "line": 9, "table": "first match", "row": 3},
            "shadowed_by": [{"file": "rules/route.coex", "line": 8, "table": "first match", "row": 2}],
        })
    );
    let report = check_json(&fixture("overlap.coex"));
    let data = &report["diagnostics"][0]["data"];
    assert_eq!(data["kind"], "overlap");
    assert_eq!(data["witness"], json!({"recipient_mode": "SfBOnly"}));
    assert_eq!(data["outcome"], json!({"lands": "SfB"}));
    let report = check_json(&fixture("only_impossible_row.coex"));
    let data = &report["diagnostics"][0]["data"];
    assert_eq!(data["kind"], "only_impossible");
    assert_eq!(data["row"]["row"], 3);
}

#[test]
fn diagnostics_without_facts_have_null_data() {
    let report = check_json(&fixture("unknown_value.coex"));
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "E0002");
    assert_eq!(d["data"], Value::Null);
}
