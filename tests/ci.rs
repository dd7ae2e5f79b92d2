//! What CI reads: `coex check --format sarif` (valid SARIF 2.1.0, checked
//! against the OASIS schema in `tests/sarif-schema-2.1.0.json`), `--format
//! github` (workflow commands), `coex fmt --check` (a diff) and `--color`.

use coex::diagnostic::{self, Code, Diagnostic};
use coex::source::Sources;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn coex(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coex"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run coex")
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, text);
    });
}

/// A directory holding `rules/route.coex` with `text`, as a repository would.
fn repository(text: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("rules")).expect("mkdir");
    std::fs::write(dir.path().join("rules/route.coex"), text).expect("write");
    dir
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json"))
        .expect("the SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// Every fixture and rule set, each with its diagnostics.
fn every_rule_set() -> Vec<(String, Sources, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    for kind in ["ok", "parse", "check"] {
        let dir = root().join("tests/fixtures").join(kind);
        for path in coex::fs::rule_files(&dir).expect("fixtures") {
            let mut sources = Sources::new();
            let name = path
                .strip_prefix(root())
                .expect("inside")
                .display()
                .to_string();
            sources.add(name.clone(), std::fs::read_to_string(&path).expect("UTF-8"));
            let compiled = coex::compile(&sources);
            out.push((name, sources, compiled.diagnostics));
        }
    }
    let shipped = coex::shipped::sources();
    let compiled = coex::compile(&shipped);
    out.push(("shipped".to_string(), shipped, compiled.diagnostics));
    let empty = Sources::new();
    let compiled = coex::compile(&empty);
    out.push(("empty".to_string(), empty, compiled.diagnostics));
    out
}

const TOOL: diagnostic::sarif::Tool<'static> = diagnostic::sarif::Tool {
    name: "coex",
    version: "0.1.0",
    information_uri: Some("https://example.org/coex"),
};

#[test]
fn sarif_of_every_fixture_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let mut results = 0;
    for (name, sources, diagnostics) in every_rule_set() {
        let log = diagnostic::sarif::log(TOOL, &sources, &diagnostics);
        assert_valid(&validator, &log, &name);
        let run = &log["runs"][0];
        assert_eq!(
            run["results"].as_array().expect("results").len(),
            diagnostics.len()
        );
        results += diagnostics.len();
        // Each rule says where its explanation is.
        let rule = &run["tool"]["driver"]["rules"][9];
        assert_eq!(rule["id"], "E0010");
        assert_eq!(
            rule["helpUri"],
            "https://example.org/coex/blob/HEAD/docs/DIAGNOSTICS.md#e0010-conflict"
        );
    }
    assert!(results > 20, "the fixtures give diagnostics");
}

#[test]
fn sarif_rules_come_from_the_registry() {
    let log = diagnostic::sarif::log(TOOL, &Sources::new(), &[]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, &code) in rules.iter().zip(Code::ALL) {
        let info = code.info();
        assert_eq!(rule["id"], info.code);
        assert_eq!(rule["name"], info.name);
        assert_eq!(rule["shortDescription"]["text"], info.summary);
        assert_eq!(rule["help"]["markdown"], info.explanation);
        let level = if code.severity() == diagnostic::Severity::Error {
            "error"
        } else {
            "warning"
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
    }
}

#[test]
fn check_format_sarif_prints_a_valid_log_with_both_rows_of_a_conflict() {
    let dir = repository(include_bytes!("fixtures/check/conflict.coex"));
    let output = coex(
        &["check", "--rules", "rules", "--format", "sarif"],
        dir.path(),
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_valid(&sarif_validator(), &log, "coex check --format sarif");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "E0010");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 10);
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        9
    );
    // The rules are the registry's (tested above); the snapshot shows the rest.
    let mut log = log;
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["rules"] = Value::String(format!("[{} rules]", Code::ALL.len()));
    driver["version"] = Value::String("[version]".into());
    driver["semanticVersion"] = Value::String("[version]".into());
    snapshot("ci__check_sarif_conflict", &format!("{log:#}"));
}

#[test]
fn check_format_github_annotates_the_lines() {
    let dir = repository(include_bytes!("fixtures/check/conflict.coex"));
    let output = coex(
        &["check", "--rules", "rules", "--format", "github"],
        dir.path(),
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("::error file=rules/route.coex,line=10,col=5,endLine=10,"),
        "{stdout}"
    );
    snapshot("ci__check_github_conflict", &stdout);

    let dir = repository(include_bytes!("fixtures/check/overlap.coex"));
    let output = coex(
        &["check", "--rules", "rules", "--format", "github"],
        dir.path(),
        &[],
    );
    assert_eq!(output.status.code(), Some(0), "warnings do not fail");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("::warning file=rules/route.coex,"),
        "{stdout}"
    );
    snapshot("ci__check_github_overlap", &stdout);
}

#[test]
fn github_commands_escape_data_and_properties() {
    let mut sources = Sources::new();
    let file = sources.add("odd,dir:x/100%.coex", "line one\nline two\n");
    let d = Diagnostic::new(Code::Syntax, "50% of a\r\nmessage, with: colons")
        .primary(coex::source::Span::new(file, 9, 13), "");
    let line = diagnostic::github::command(&sources, &d);
    assert_eq!(
        line,
        "::error file=odd%2Cdir%3Ax/100%25.coex,line=2,col=1,endLine=2,endColumn=5,title=E0001 syntax::50%25 of a%0D%0Amessage, with: colons"
    );
    // A diagnostic with no place still gets a title.
    let empty = coex::compile(&Sources::new());
    assert_eq!(
        diagnostic::github::command(&Sources::new(), &empty.diagnostics[0]),
        "::error title=E0014 empty-rule-set::the rule set has no `.coex` files%0Ahelp: a rule set is the `.coex` files directly inside one directory"
    );
}

#[test]
fn fmt_check_shows_a_unified_diff() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("rules")).expect("mkdir");
    let messy = std::fs::read(root().join("tests/fixtures/fmt/messy.coex")).expect("fixture");
    std::fs::write(dir.path().join("rules/messy.coex"), &messy).expect("write");
    let output = coex(&["fmt", "--check", "rules"], dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("--- rules/messy.coex\n+++ rules/messy.coex (formatted)\n@@ "));
    assert!(!stdout.contains('\x1b'), "no colour when piped");
    let stderr = String::from_utf8_lossy(&output.stderr);
    snapshot(
        "ci__fmt_check_diff",
        &format!("{stdout}--- stderr\n{stderr}"),
    );
    // The diff is what `coex fmt` then does.
    assert_eq!(
        std::fs::read(dir.path().join("rules/messy.coex")).expect("read"),
        messy
    );
    let fmt = coex(&["fmt", "rules"], dir.path(), &[]);
    assert_eq!(fmt.status.code(), Some(0));
    let formatted = std::fs::read_to_string(dir.path().join("rules/messy.coex")).expect("read");
    let patched = apply(&String::from_utf8_lossy(&messy), &stdout);
    assert_eq!(patched, formatted);
    let again = coex(&["fmt", "--check", "rules"], dir.path(), &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stdout.is_empty());
}

/// Apply a unified diff of one file to its old text.
fn apply(old: &str, diff: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for hunk in diff.split("\n@@ ").skip(1) {
        let (header, body) = hunk.split_once('\n').expect("a hunk header");
        let start: usize = header
            .trim_start_matches('-')
            .split([',', ' '])
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a start line");
        while at + 1 < start {
            out.push(old[at].to_string());
            at += 1;
        }
        for line in body.lines() {
            if let Some(kept) = line.strip_prefix(' ') {
                out.push(kept.to_string());
                at += 1;
            } else if line.starts_with('-') {
                at += 1;
            } else if let Some(added) = line.strip_prefix('+') {
                out.push(added.to_string());
            }
        }
    }
    out.extend(old[at..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

#[test]
fn color_flag_and_environment() {
    let dir = repository(include_bytes!("fixtures/check/conflict.coex"));
    let check = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["check", "--rules", "rules"];
        all.extend_from_slice(args);
        let output = coex(&all, dir.path(), env);
        String::from_utf8_lossy(&output.stderr).contains('\x1b')
    };
    // stderr is a pipe here: no colour unless asked for.
    assert!(!check(&[], &[]));
    assert!(check(&["--color", "always"], &[]));
    assert!(
        check(&["--color=always"], &[("NO_COLOR", "1")]),
        "the flag wins"
    );
    assert!(!check(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(check(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!check(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!check(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!check(&["--color", "auto"], &[("NO_COLOR", "1")]));
    // The flag goes anywhere on the command line.
    let output = coex(
        &["--color", "always", "check", "--rules", "rules"],
        dir.path(),
        &[],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains('\x1b'));
    let bad = coex(&["check", "--color", "sometimes"], dir.path(), &[]);
    assert_eq!(bad.status.code(), Some(2));
}

/// The `coex` commands of the workflow in `docs/CI.md`, run on this
/// repository as the workflow would: they exist, take those flags, and pass
/// on the shipped rules.
#[test]
fn the_documented_workflow_runs() {
    let doc = std::fs::read_to_string(root().join("docs/CI.md")).expect("docs/CI.md");
    let workflow = doc
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a workflow");
    assert!(workflow.contains("github/codeql-action/upload-sarif"));
    assert!(workflow.contains("cargo install --locked --path ."));
    let commands: Vec<&str> = workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: coex "))
        .collect();
    assert_eq!(commands.len(), 3, "{commands:?}");
    for command in commands {
        let (command, sarif) = match command.split_once(" > coex.sarif") {
            Some((command, _)) => (command, true),
            None => (command, false),
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let output = coex(&args, &root(), &[]);
        assert_eq!(output.status.code(), Some(0), "coex {command}");
        if sarif {
            let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF");
            assert_valid(&sarif_validator(), &log, command);
        }
    }
}

#[test]
fn pre_commit_hooks_run_coex_fmt_and_check() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).expect("hooks");
    for (id, entry) in [
        ("coex-fmt", "coex fmt --check"),
        ("coex-check", "coex check --rules rules"),
    ] {
        assert!(hooks.contains(&format!("- id: {id}\n")), "{id}");
        assert!(hooks.contains(&format!("  entry: {entry}\n")), "{entry}");
        let mut args: Vec<&str> = entry.split_whitespace().skip(1).collect();
        if id == "coex-fmt" {
            // pre-commit passes the staged files.
            args.push("rules/route.coex");
        }
        let output = coex(&args, &root(), &[]);
        assert_eq!(output.status.code(), Some(0), "{entry}");
    }
}
