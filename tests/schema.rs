//! The JSON Schemas of every `--format json` output: `docs/schema/*.json`
//! is what `coex schema` generates from the types that write the output
//! (`UPDATE_DOCS=1 cargo test --test schema` rewrites them), and real
//! outputs of `coex check`, `coex eval`, `coex eval --batch` and `coex diff`
//! are valid against them.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn coex(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

const OUTPUTS: [&str; 4] = ["check", "eval", "batch", "diff"];

#[test]
fn checked_in_schemas_are_the_generated_ones() {
    for name in OUTPUTS {
        let output = coex(&["schema", name], &root());
        assert_eq!(output.status.code(), Some(0));
        let generated = String::from_utf8(output.stdout).expect("UTF-8");
        let path = root().join(format!("docs/schema/{name}.json"));
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        if checked_in != generated {
            if std::env::var_os("UPDATE_DOCS").is_some() {
                std::fs::create_dir_all(path.parent().expect("a directory")).expect("mkdir");
                std::fs::write(&path, &generated).expect("write");
            } else {
                panic!("docs/schema/{name}.json is not what `coex schema {name}` prints; run `UPDATE_DOCS=1 cargo test --test schema`");
            }
        }
        let schema: Value = serde_json::from_str(&generated).expect("JSON");
        assert_eq!(schema["$id"], format!("urn:coex:schema:{name}:v1"));
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    let output = coex(&["schema", name], &root());
    let schema: Value = serde_json::from_slice(&output.stdout).expect("a schema");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}\n{instance:#}");
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

#[test]
fn check_output_of_every_fixture_is_valid() {
    let validator = validator("check");
    let mut kinds = std::collections::BTreeSet::new();
    let temporary: Vec<tempfile::TempDir> = ["ok", "parse", "check"]
        .iter()
        .flat_map(|kind| {
            coex::fs::rule_files(&root().join("tests/fixtures").join(kind)).expect("fixtures")
        })
        .map(|file| {
            let dir = tempfile::tempdir().expect("temp dir");
            std::fs::copy(&file, dir.path().join("rules.coex")).expect("copy");
            dir
        })
        .chain(std::iter::once(
            tempfile::tempdir().expect("an empty rule set"),
        ))
        .collect();
    let dirs = temporary
        .iter()
        .map(|d| d.path().to_path_buf())
        .chain(std::iter::once(root().join("rules")));
    for dir in dirs {
        let output = coex(&["check", "--rules", ".", "--format", "json"], &dir);
        let report = json(&output);
        assert_valid(&validator, &report, &dir.display().to_string());
        assert_eq!(report["version"], 1);
        for d in report["diagnostics"].as_array().expect("diagnostics") {
            if let Some(kind) = d["data"]["kind"].as_str() {
                kinds.insert(kind.to_string());
            }
        }
    }
    let expected = [
        "conflict",
        "failing_expect",
        "gap",
        "only_impossible",
        "overlap",
        "unreachable_row",
    ];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), expected);
}

#[test]
fn eval_output_is_valid() {
    let validator = validator("eval");
    let cases: [&[&str]; 5] = [
        &[
            "eval", "route", "Islands", "Teams", "Online", "SfBOnly", "InTenant", "--format",
            "json",
        ],
        &[
            "eval",
            "route",
            "Islands",
            "Teams",
            "Online",
            "SfBOnly",
            "InTenant",
            "--format",
            "json",
            "--explain",
        ],
        &[
            "eval",
            "route",
            "TeamsOnly",
            "Teams",
            "OnPrem",
            "Islands",
            "InTenant",
            "--format",
            "json",
            "--explain",
        ],
        &[
            "eval",
            "route",
            "TeamsOnly",
            "Teams",
            "OnPrem",
            "Islands",
            "InTenant",
            "--format",
            "json",
        ],
        &["eval", "rout", "Islands", "--format", "json"],
    ];
    for args in cases {
        let output = coex(args, &root());
        assert_valid(&validator, &json(&output), &args.join(" "));
    }
}

#[test]
fn batch_lines_are_valid() {
    let validator = validator("batch");
    let input = [
        r#"{"decision":"presence","inputs":{"publisher_mode":"TeamsOnly","watcher_client":"SfB","scope":"Federated"}}"#,
        r#"{"decision":"presence","inputs":{"publisher_mode":"TeamsOnly","watcher_client":"SfB","scope":"Federated"},"explain":true}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"TeamsOnly","sender_client":"Teams","sender_homed":"OnPrem","recipient_mode":"Islands","scope":"InTenant"},"explain":true}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"TeamsOnly"}}"#,
        r#"{"decision":"nope","inputs":{}}"#,
        r#"not json"#,
        r#"[1,2]"#,
        "",
        r#"{"decision":"meeting","inputs":{"organizer_mode":7}}"#,
    ]
    .join("\n")
        + "\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run coex");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 9);
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).expect("a JSON line");
        assert_valid(&validator, &value, line);
    }
}

#[test]
fn diff_output_of_every_fixture_is_valid() {
    let validator = validator("diff");
    let fixtures = root().join("tests/fixtures/diff");
    let mut cases: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&fixtures)
        .expect("diff fixtures")
        .map(|e| e.expect("entry").path())
        .map(|dir| (dir.join("old"), dir.join("new")))
        .collect();
    cases.push((root().join("rules/history/2021-08"), root().join("rules")));
    let mut compared = 0;
    for (old, new) in cases {
        let (old, new) = (old.display().to_string(), new.display().to_string());
        let output = coex(&["diff", &old, &new, "--format", "json"], &root());
        if output.status.code() == Some(2) {
            // A rule set with a gap cannot be compared: no JSON.
            assert!(output.stdout.is_empty());
            continue;
        }
        let report = json(&output);
        assert_valid(&validator, &report, &new);
        assert_eq!(report["version"], 1);
        compared += 1;
    }
    assert!(compared >= 6, "{compared} diffs compared");
}
