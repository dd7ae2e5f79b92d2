//! Printing never panics: every command whose stdout is a closed pipe
//! (`coex table route | head -0`) ends quietly with the exit status it would
//! have had, one whose stdout is a full disk (`> /dev/full`) says so and
//! exits 2, and cells too wide for Rust's `{:width$}` are padded anyway.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The commands that print on stdout, each with the exit status it has
/// when its output is read, in the repository's root.
fn printing_commands() -> Vec<(Vec<&'static str>, i32)> {
    vec![
        (vec!["check", "--format", "json"], 0),
        (vec!["table", "route"], 0),
        (
            vec![
                "eval", "route", "Islands", "Teams", "Online", "SfBOnly", "InTenant",
            ],
            0,
        ),
        (
            vec![
                "eval", "route", "Islands", "Teams", "Online", "SfBOnly", "InTenant", "--format",
                "json",
            ],
            0,
        ),
        (vec!["completions", "bash"], 0),
        (vec!["diff", "rules/history/2021-08", "rules"], 1),
        (vec!["build", "-o", "-"], 0),
        (vec!["fmt", "--check", "tests/fixtures/fmt/messy.coex"], 1),
    ]
}

/// Run coex with `stdout` as its standard output; stdin is empty.
fn run_to(args: &[&str], stdout: impl Into<Stdio>) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("run coex")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_command_to_a_closed_pipe_exits_cleanly() {
    for (args, status) in printing_commands() {
        // The reading end is closed before coex starts: its first write
        // fails with a broken pipe, whatever the timing.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = run_to(&args, writer);
        assert_eq!(
            output.status.code(),
            Some(status),
            "coex {args:?}: {}",
            stderr(&output)
        );
        assert!(
            !stderr(&output).contains("panicked") && !stderr(&output).contains("cannot write"),
            "coex {args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn table_to_closed_pipe_exits_cleanly() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = run_to(&["table", "route"], writer);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_to_a_full_disk_says_so_and_exits_2() {
    for (args, _) in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = run_to(&args, full);
        assert_eq!(
            output.status.code(),
            Some(2),
            "coex {args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output)
                .contains("error: cannot write to standard output: No space left on device"),
            "coex {args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn batch_to_a_full_disk_says_so_and_exits_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::from(
            std::fs::File::open(root().join("Cargo.toml")).expect("a file"),
        ))
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run coex");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("cannot write to standard output"));
}

#[test]
fn batch_to_closed_pipe_stops_quietly() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::from(
            std::fs::File::open(root().join("Cargo.toml")).expect("a file"),
        ))
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run coex");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[test]
fn stderr_to_a_closed_pipe_does_not_panic() {
    // `coex check` reports on stderr; with stderr closed it still exits
    // with its status (1: the fixture has errors), and no panic aborts it.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let status = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["check", "--rules", "tests/fixtures/parse"])
        .current_dir(root())
        .stderr(writer)
        .status()
        .expect("run coex");
    assert_eq!(status.code(), Some(1));
}

/// A rule set of one file in a fresh temporary directory.
fn rule_set(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("rules.coex"), text).expect("write");
    dir
}

fn coex_in(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

#[test]
fn gap_cell_wider_than_65535_characters_is_printed() {
    // 15 values of 14,000 characters; the gap is the last five with `B`,
    // a cell of 70,000 characters in the gap's padded table.
    let values: Vec<String> = (0..15)
        .map(|i| format!("V{i:02}{}", "x".repeat(14_000)))
        .collect();
    let mut text = format!("enum Wide {{\n    {}\n}}\n", values.join(",\n    "));
    text.push_str("enum Two { A, B }\n");
    text.push_str("decision d(w: Wide, t: Two) -> o: Two {\n    table \"t\"\n    | w | t || o |\n");
    text.push_str("    | * | A || A |\n");
    for value in &values[..10] {
        text.push_str(&format!("    | {value} | B || A |\n"));
    }
    text.push_str("}\n");
    let dir = rule_set(&text);
    let output = coex_in(&["check", "--rules", "."], dir.path());
    let stderr = stderr(&output);
    let start = &stderr[..stderr.len().min(2000)];
    assert_eq!(output.status.code(), Some(1), "{start}");
    assert!(stderr.contains("E0009"), "{start}");
    let gap_row = stderr
        .lines()
        .find(|line| line.contains(&values[10]) && line.contains(&values[14]))
        .unwrap_or_else(|| panic!("the gap lists the five values: {start}"));
    assert!(gap_row.chars().count() > 70_000);
}

#[test]
fn eval_output_name_wider_than_65535_characters_is_printed() {
    let long = format!("o{}", "x".repeat(70_000));
    let text = format!(
        "enum Two {{ A, B }}\ndecision d(t: Two) -> ({long}: Two, short: Two) {{\n    table \"t\"\n    | t || {long} | short |\n    | * || A | B |\n}}\n"
    );
    let dir = rule_set(&text);
    let output = coex_in(&["eval", "--rules", ".", "d", "A"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let short = stdout.lines().nth(1).expect("two outputs");
    assert_eq!(short, format!("short{}  B", " ".repeat(long.len() - 5)));
}

#[test]
fn table_cell_wider_than_65535_characters_is_printed() {
    let long = format!("V{}", "x".repeat(70_000));
    let text = format!(
        "enum Wide {{ {long}, Short }}\ndecision d(w: Wide) -> o: Wide {{\n    table \"t\"\n    | w || o |\n    | {long} || Short |\n    | Short || {long} |\n}}\n"
    );
    let dir = rule_set(&text);
    let output = coex_in(&["table", "--rules", ".", "d"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The row's first cell, `Short`, padded to the long value's width.
    let row = format!("Short{} | {long}", " ".repeat(long.len() - 5));
    assert!(
        stdout.lines().any(|line| line == row),
        "{}",
        &stdout[..stdout.len().min(500)]
    );
}
