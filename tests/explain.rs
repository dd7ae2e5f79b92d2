//! The registry of diagnostic codes is the one source of what each code
//! means: `coex explain` prints it, `docs/DIAGNOSTICS.md` is generated from
//! it (this test fails while they differ; `UPDATE_DOCS=1 cargo test --test
//! explain` rewrites the doc), and every example in an explanation does
//! what it says: the erroneous one produces its code, the fix does not.

use coex::diagnostic::{render, Code, Diagnostic, Severity};
use coex::source::Sources;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn coex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, text);
    });
}

/// The line after which `docs/DIAGNOSTICS.md` is generated.
const GENERATED: &str = "<!-- Generated from the registry of codes (src/diagnostic/codes.rs and src/diagnostic/explain/*.md) by `UPDATE_DOCS=1 cargo test --test explain`: edit those, not what follows. -->";

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The generated part of `docs/DIAGNOSTICS.md`: a table of every code,
/// then each code's explanation under a heading `E0010 conflict`.
fn reference() -> String {
    let mut out =
        String::from("## Codes\n\n| code | name | severity | what it means |\n|---|---|---|---|\n");
    for &code in Code::ALL {
        let info = code.info();
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} |\n",
            info.code,
            coex::diagnostic::sarif::anchor(code),
            info.name,
            severity(info.severity),
            info.summary
        ));
    }
    for &code in Code::ALL {
        let info = code.info();
        out.push_str(&format!(
            "\n## {} {}\n\n{}: {}\n\n{}",
            info.code,
            info.name,
            severity(info.severity),
            info.summary,
            info.explanation
        ));
    }
    out
}

#[test]
fn diagnostics_doc_is_generated_from_the_registry() {
    let path = root().join("docs/DIAGNOSTICS.md");
    let doc = std::fs::read_to_string(&path).expect("docs/DIAGNOSTICS.md");
    let (written, generated) = doc
        .split_once(&format!("{GENERATED}\n\n"))
        .expect("the doc has the generated marker");
    let expected = reference();
    if generated != expected {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, format!("{written}{GENERATED}\n\n{expected}")).expect("write");
        } else {
            panic!("docs/DIAGNOSTICS.md differs from the registry; run `UPDATE_DOCS=1 cargo test --test explain`");
        }
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for &code in Code::ALL {
        let info = code.info();
        assert!(seen.insert(info.code), "{} twice", info.code);
        assert!(seen.insert(info.name), "{} twice", info.name);
        let letter = match info.severity {
            Severity::Error => 'E',
            Severity::Warning => 'W',
        };
        assert!(
            info.code.len() == 5
                && info.code.starts_with(letter)
                && info.code[1..].bytes().all(|b| b.is_ascii_digit()),
            "{}: a code is E or W (by severity) and four digits",
            info.code
        );
        assert!(
            info.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}: a name is kebab-case",
            info.name
        );
        assert!(
            !info.summary.ends_with('.') && info.summary.starts_with(|c: char| !c.is_uppercase()),
            "{}: a summary is lowercase without a final period",
            info.code
        );
        assert!(info.explanation.ends_with('\n') && !info.explanation.ends_with("\n\n"));
        assert_eq!(Code::parse(info.code), Some(code));
        assert_eq!(Code::parse(&info.code.to_lowercase()), Some(code));
        assert_eq!(Code::parse(info.name), Some(code));
    }
}

/// The ```` ```coex ```` blocks of a Markdown text, in order.
fn coex_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if line == "```coex" {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push(body.join("\n") + "\n");
        }
    }
    blocks
}

/// Every diagnostic of one rule file.
fn diagnose(name: &str, text: &str) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    sources.add(name, text);
    let diagnostics = coex::compile(&sources).diagnostics;
    (sources, diagnostics)
}

#[test]
fn explanation_examples_produce_their_code_and_fixes_do_not() {
    for &code in Code::ALL {
        let info = code.info();
        let blocks = coex_blocks(info.explanation);
        if matches!(code, Code::EmptyRuleSet | Code::LimitExceeded) {
            // A rule set with no files has no file to show, and a file past
            // a size limit is too large to show (tests/inputs.rs builds one).
            assert!(blocks.is_empty());
            continue;
        }
        assert_eq!(
            blocks.len(),
            2,
            "{}: an erroneous example and its fix",
            info.code
        );
        let (sources, wrong) = diagnose(&format!("{}.coex", info.code), &blocks[0]);
        assert!(
            wrong.iter().any(|d| d.code == code),
            "{}'s example does not produce it:\n{}",
            info.code,
            render(&sources, &wrong, false)
        );
        let (sources, mut fixed) = diagnose(&format!("{}-fixed.coex", info.code), &blocks[1]);
        // The fixes are kept short: they show the change, not an `expect`
        // for every row, so W0007 (a row without an example) is allowed in
        // them, except in W0007's own fix.
        if code != Code::UnexemplifiedRow {
            fixed.retain(|d| d.code != Code::UnexemplifiedRow);
        }
        assert!(
            fixed.is_empty(),
            "{}'s fix is not clean:\n{}",
            info.code,
            render(&sources, &fixed, false)
        );
    }
}

#[test]
fn explain_accepts_a_code_in_any_case_or_its_name() {
    let by_code = coex(&["explain", "E0010"]);
    assert_eq!(by_code.status.code(), Some(0));
    let text = String::from_utf8(by_code.stdout).expect("UTF-8");
    for other in ["e0010", "conflict", " CONFLICT "] {
        let output = coex(&["explain", other]);
        assert_eq!(output.status.code(), Some(0), "{other}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), text, "{other}");
    }
    snapshot("explain__e0010", &text);
    let warning = coex(&["explain", "W0001"]);
    snapshot("explain__w0001", &String::from_utf8_lossy(&warning.stdout));
}

#[test]
fn explain_without_a_code_lists_every_code() {
    let output = coex(&["explain"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    for &code in Code::ALL {
        assert!(text.contains(code.as_str()), "{} listed", code.as_str());
    }
    snapshot("explain__list", &text);
}

#[test]
fn explain_an_unknown_code_is_a_usage_error_listing_the_valid_ones() {
    let output = coex(&["explain", "E9999"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for &code in Code::ALL {
        assert!(stderr.contains(code.as_str()), "{stderr}");
    }
    snapshot("explain__unknown", &stderr);
}
