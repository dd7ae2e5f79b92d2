//! Every fixture under `tests/fixtures/{ok,parse,check}` is checked and its
//! source and rendered diagnostics are snapshotted together, so a change to
//! a message shows up in review next to the rule text it is about.

use coex::diagnostic::{render, Code, Diagnostic};
use coex::source::Sources;
use std::path::{Path, PathBuf};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut files = coex::fs::rule_files(&dir).expect("fixture directory");
    files.sort();
    files
}

/// All diagnostics of a one-file rule set, including the table builder's.
fn diagnose(path: &Path) -> (Sources, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    let mut sources = Sources::new();
    sources.add(name, text);
    let diagnostics = coex::compile(&sources).diagnostics;
    (sources, diagnostics)
}

fn snapshot(kind: &str) {
    for path in fixtures(kind) {
        let (sources, diagnostics) = diagnose(&path);
        let (_, file) = sources.iter().next().expect("one file");
        let rendered = render(&sources, &diagnostics, false);
        let stem = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            description => file.name.clone(),
        }, {
            insta::assert_snapshot!(
                format!("fixture__{kind}__{stem}"),
                format!("{}\n---- coex check ----\n{}", file.text, rendered)
            );
        });
    }
}

#[test]
fn ok_fixtures_have_no_diagnostics() {
    for path in fixtures("ok") {
        let (sources, diagnostics) = diagnose(&path);
        assert!(
            diagnostics.is_empty(),
            "{}",
            render(&sources, &diagnostics, false)
        );
    }
    snapshot("ok");
}

#[test]
fn parse_fixtures_have_one_syntax_error() {
    for path in fixtures("parse") {
        let (_, diagnostics) = diagnose(&path);
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::Syntax], "{}", path.display());
    }
    snapshot("parse");
}

#[test]
fn check_fixtures_show_one_problem_each() {
    for path in fixtures("check") {
        let (sources, diagnostics) = diagnose(&path);
        assert!(
            !diagnostics.is_empty(),
            "{} has no diagnostic",
            path.display()
        );
        let first = diagnostics[0].code;
        assert!(
            diagnostics.iter().all(|d| d.code == first),
            "{} shows more than one kind of problem:\n{}",
            path.display(),
            render(&sources, &diagnostics, false)
        );
    }
    snapshot("check");
}

#[test]
fn every_diagnostic_code_has_a_fixture() {
    let mut seen: Vec<Code> = Vec::new();
    for kind in ["parse", "check"] {
        for path in fixtures(kind) {
            seen.extend(diagnose(&path).1.iter().map(|d| d.code));
        }
    }
    // A rule set with no files has no file to hold a fixture.
    let empty = coex::compile(&Sources::new());
    seen.extend(empty.diagnostics.iter().map(|d| d.code));
    // A fixture over a size limit would be as large as the limit.
    let mut long = Sources::new();
    long.add("long.coex", "/".repeat(coex::limits::MAX_LINE_BYTES + 1));
    seen.extend(coex::compile(&long).diagnostics.iter().map(|d| d.code));
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn empty_rule_set_is_an_error() {
    let sources = Sources::new();
    let compiled = coex::compile(&sources);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("fixture__empty_rule_set", render(&sources, &compiled.diagnostics, false));
    });
}

#[test]
fn shipped_rules_have_no_errors() {
    let sources = coex::shipped::sources();
    let compiled = coex::compile(&sources);
    assert!(
        !compiled.has_errors(),
        "{}",
        render(&sources, &compiled.diagnostics, false)
    );
}
