//! The `coex` binary as a user runs it: exit codes, streams, and bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn coex(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// stdout, stderr and the exit code, for a snapshot.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn snapshot(name: &str, output: &Output) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, transcript(output));
    });
}

/// A rule set of one file in a fresh temporary directory.
fn rule_set(text: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("rules.coex"), text).expect("write");
    dir
}

#[test]
fn check_shipped_rules_exits_0() {
    let output = coex(&["check"], &root());
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 errors"));
}

#[test]
fn check_with_errors_exits_1_with_rendered_diagnostics() {
    let output = coex(
        &["check", "--rules", "tests/fixtures/check/../check"],
        &root(),
    );
    assert_eq!(output.status.code(), Some(1));
    let output = coex(
        &["check", "--rules", "."],
        &root().join("tests/fixtures/parse"),
    );
    snapshot("cli__check_parse_errors", &output);
}

#[test]
fn check_json_is_machine_readable() {
    let dir = rule_set(include_bytes!("fixtures/check/gap.coex"));
    let output = coex(&["check", "--rules", ".", "--format", "json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["errors"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "E0009");
    assert_eq!(d["name"], "gap");
    assert_eq!(d["labels"][0]["start"]["line"], 8);
    assert_eq!(d["labels"][0]["file"], "./rules.coex");
}

#[test]
fn coverage_lists_rows_covered_and_deny_warnings_fails_on_w0007() {
    let dir = rule_set(include_bytes!("fixtures/check/unexemplified_row.coex"));
    // A warning alone exits 0; the report is on stdout.
    let output = coex(&["check", "--rules", ".", "--coverage"], dir.path());
    snapshot("cli__check_coverage", &output);
    assert_eq!(output.status.code(), Some(0));
    // `--deny-warnings` turns the same warning into a failure.
    let denied = coex(&["check", "--rules", ".", "--deny-warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1), "{}", transcript(&denied));
    assert!(
        String::from_utf8_lossy(&denied.stderr).contains("1 warning denied by `--deny-warnings`")
    );
    // JSON carries a `coverage` object with the uncovered row's place.
    let json = coex(
        &["check", "--rules", ".", "--coverage", "--format", "json"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let coverage = &json["coverage"];
    assert_eq!(coverage["rows"], 2);
    assert_eq!(coverage["covered"], 1);
    assert_eq!(coverage["decisions"][0]["decision"], "lands");
    assert_eq!(coverage["decisions"][0]["examples"], 1);
    assert_eq!(coverage["decisions"][0]["not_covered"][0]["line"], 9);
    // The shipped rules are fully covered and pass with warnings denied.
    let shipped = coex(&["check", "--coverage", "--deny-warnings"], &root());
    assert_eq!(shipped.status.code(), Some(0), "{}", transcript(&shipped));
    let report = String::from_utf8_lossy(&shipped.stdout);
    let total = report
        .lines()
        .find(|l| l.starts_with("total"))
        .expect("a total line");
    assert!(total.contains("100.0%"), "{report}");
    assert!(!report.contains("not covered"), "{report}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let missing = coex(&["check", "--rules", "no/such/dir"], &root());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("is not a directory"));
    let unknown = coex(&["chekc"], &root());
    assert_eq!(unknown.status.code(), Some(2));
    snapshot("cli__missing_rules_dir", &missing);
}

#[test]
fn empty_directory_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = coex(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("E0014"));
}

#[test]
fn non_utf8_file_is_a_clear_error() {
    let dir = rule_set(b"enum Mode { Isl\xffands }\n");
    let output = coex(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not UTF-8"), "{stderr}");
}

/// Bad input finishes: a hang guard (killed after ten minutes, far beyond
/// any debug build on a busy machine), not a benchmark; docs/PERFORMANCE.md
/// has the times.
fn bounded(args: &[&str], dir: &Path) -> Output {
    // Files, not pipes: a child that fills a pipe nobody reads would block.
    let stdout = tempfile::tempfile().expect("temp file");
    let stderr = tempfile::tempfile().expect("temp file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(stdout.try_clone().expect("clone"))
        .stderr(stderr.try_clone().expect("clone"))
        .spawn()
        .expect("run coex");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("`coex {}` did not finish in ten minutes", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |mut file: std::fs::File| {
        use std::io::{Read, Seek};
        let mut bytes = Vec::new();
        file.rewind().expect("rewind");
        file.read_to_end(&mut bytes).expect("read");
        bytes
    };
    let output = Output {
        status,
        stdout: read(stdout),
        stderr: read(stderr),
    };
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {}",
        transcript(&output)
    );
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        transcript(&output)
    );
    output
}

#[test]
fn ten_megabyte_file_is_handled() {
    // 10 MB of comment lines around a valid rule set.
    let mut text = String::from("enum A { X, Y }\ndecision d(a: A) -> b: A {\n    table \"t\"\n    | a || b |\n    | * || X |\n}\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(
            "// a long comment line that says nothing at all, repeated to make the file large\n",
        );
    }
    let dir = rule_set(text.as_bytes());
    let output = bounded(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_crash() {
    let text = format!("decision d{}", "(".repeat(100_000));
    let dir = rule_set(text.as_bytes());
    let output = bounded(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("E0001"));
    let text = format!("enum A {{ X }}\ndecision d(a: A) -> b: A {{\n    table \"t\"\n    | a || b |\n    | {} || X |\n}}\n", "!".repeat(100_000));
    let dir = rule_set(text.as_bytes());
    let output = bounded(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn hundred_thousand_row_table_is_checked() {
    // 1,000 × 100 values, one row per input: complete, and one duplicate
    // row that conflicts, to show the checker still finds it.
    let mut text = String::from("enum Big {");
    for i in 0..1000 {
        text.push_str(&format!(" B{i},"));
    }
    text.push_str(" }\nenum Small {");
    for i in 0..100 {
        text.push_str(&format!(" S{i},"));
    }
    text.push_str(" }\nenum Out { Yes, No }\ndecision d(big: Big, small: Small) -> out: Out {\n    table \"all\"\n    | big | small || out |\n");
    for b in 0..1000 {
        for s in 0..100 {
            text.push_str(&format!("    | B{b} | S{s} || Yes |\n"));
        }
    }
    text.push_str("    | B7 | S7 || No |\n}\n");
    let dir = rule_set(text.as_bytes());
    let output = bounded(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("E0010"), "{stderr}");
    assert!(stderr.contains("big=B7 small=S7"), "{stderr}");
}

#[test]
fn eval_answers_and_explains() {
    let output = coex(
        &[
            "eval",
            "route",
            "Islands",
            "Teams",
            "Online",
            "SfBOnly",
            "InTenant",
            "--explain",
        ],
        &root(),
    );
    snapshot("cli__eval_explain", &output);
    let json = coex(
        &[
            "eval",
            "route",
            "sender_mode=islands",
            "sender_client=teams",
            "sender_homed=online",
            "recipient_mode=meetingsfirst",
            "scope=intenant",
            "--format",
            "json",
        ],
        &root(),
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["decision"], "route");
    assert_eq!(
        value["inputs"]["recipient_mode"],
        "SfBWithTeamsCollabAndMeetings"
    );
    assert_eq!(value["outputs"]["lands"], "SfB");
    assert_eq!(value["outputs"]["thread"], "Interop");
    assert_eq!(value["rule"]["file"], "rules/route.coex");
}

#[test]
fn eval_impossible_and_unknown_names() {
    let impossible = coex(
        &[
            "eval",
            "route",
            "TeamsOnly",
            "Teams",
            "OnPrem",
            "Islands",
            "InTenant",
        ],
        &root(),
    );
    assert_eq!(impossible.status.code(), Some(1));
    snapshot("cli__eval_impossible", &impossible);
    let typo = coex(&["eval", "route", "sender_mode=Islnds"], &root());
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("`Islands`"));
    let decision = coex(&["eval", "rout"], &root());
    assert_eq!(decision.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&decision.stderr).contains("did you mean `route`?"));
    let short = coex(&["eval", "route", "Islands"], &root());
    assert_eq!(short.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&short.stderr).contains(
            "takes 5 values, for `sender_mode`, `sender_client`, `sender_homed`, \
             `recipient_mode`, `scope` in this order, and 1 value was given"
        ),
        "{}",
        String::from_utf8_lossy(&short.stderr)
    );
}

fn batch(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run coex");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write stdin");
    output
}

#[test]
fn batch_answers_every_line_in_order() {
    let lines = [
        r#"{"decision":"route","inputs":{"sender_mode":"Islands","sender_client":"Teams","sender_homed":"Online","recipient_mode":"SfBOnly","scope":"InTenant"}}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"Islands""#,
        r#"{"decision":"rout","inputs":{}}"#,
        r#"{"decision":"route","inputs":{"sender":"Islands"}}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"Island","sender_client":"Teams","sender_homed":"Online","recipient_mode":"SfBOnly","scope":"InTenant"}}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"TeamsOnly","sender_client":"Teams","sender_homed":"OnPrem","recipient_mode":"SfBOnly","scope":"InTenant"}}"#,
        "",
        r#"["not", "an", "object"]"#,
        r#"{"decision":"presence","inputs":{"publisher_mode":"TeamsOnly","watcher_client":"SfB","scope":"Federated"},"explain":true}"#,
        r#"{"decision":"route","inputs":{"sender_mode":"Islands"}}"#,
        r#"{"decision":"route","inputs":{"sender_mode":1}}"#,
    ];
    let mut input = lines.join("\n").into_bytes();
    input.extend_from_slice(b"\n\xff\xfe not utf-8\n");
    let output = batch(&input);
    assert_eq!(output.status.code(), Some(0));
    let answers: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every answer is JSON"))
        .collect();
    assert_eq!(answers.len(), lines.len() + 1, "one answer per line");
    assert_eq!(answers[0]["outputs"]["thread"], "Interop");
    for (i, answer) in answers.iter().enumerate().skip(1) {
        if i == 8 {
            assert_eq!(answer["outputs"]["shows"], "Teams");
            assert!(answer["rule"]["text"].is_string());
        } else {
            assert!(answer["error"].is_string(), "line {}: {answer}", i + 1);
        }
    }
    assert!(answers[5]["error"]
        .as_str()
        .unwrap()
        .contains("can't be TeamsOnly"));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("cli__batch_errors", String::from_utf8_lossy(&output.stdout));
    });
}

#[test]
fn batch_streams_a_million_lines_in_flat_memory() {
    let line = br#"{"decision":"meeting","inputs":{"organizer_mode":"Islands","islands_provider":"Teams"}}"#;
    let count = 1_000_000;
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run coex");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        for _ in 0..count {
            stdin.write_all(line)?;
            stdin.write_all(b"\n")?;
        }
        Ok::<_, std::io::Error>(())
    });
    // Count answers as they stream, and watch the peak memory meanwhile.
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut answered = 0usize;
        let mut peak_kb = 0u64;
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.expect("utf-8 answer");
            assert!(line.contains("\"schedules\":\"Teams\""), "{line}");
            answered += 1;
            if answered.is_multiple_of(100_000) {
                if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
                    if let Some(hwm) = status.lines().find(|l| l.starts_with("VmHWM:")) {
                        let kb: u64 = hwm
                            .split_whitespace()
                            .nth(1)
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        peak_kb = peak_kb.max(kb);
                    }
                }
            }
        }
        (answered, peak_kb)
    });
    writer.join().expect("writer").expect("write stdin");
    let (answered, peak_kb) = reader.join().expect("reader");
    assert!(child.wait().expect("wait").success());
    assert_eq!(answered, count, "one answer per line, nothing lost");
    // The input is ~90 MB; flat memory means the process never holds it.
    assert!(peak_kb < 64 * 1024, "peak resident memory {peak_kb} kB");
}

#[test]
fn batch_reads_escapes_repeats_and_odd_fields_as_json_means_them() {
    let lines = [
        // An escape in a value.
        r#"{"decision":"presence","inputs":{"publisher_mode":"Isl\u0061nds","watcher_client":"SfB","scope":"Federated"}}"#,
        // A name given twice: as in any JSON object, the last one counts.
        r#"{"decision":"presence","inputs":{"publisher_mode":"Islands","publisher_mode":"TeamsOnly","watcher_client":"SfB","scope":"Federated"}}"#,
        // An `explain` that is not a boolean is no request to explain.
        r#"{"decision":"presence","explain":"yes","extra":1,"inputs":{"publisher_mode":"Islands","watcher_client":"SfB","scope":"Federated"}}"#,
        r#"{"decision":"presence","explain":true,"inputs":{"publisher_mode":"Islands","watcher_client":"SfB","scope":"Federated"}}"#,
    ];
    let output = batch(format!("{}\n", lines.join("\n")).as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let answers: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(answers.len(), 4);
    assert_eq!(answers[0]["inputs"]["publisher_mode"], "Islands");
    assert_eq!(answers[0]["outputs"]["shows"], "SfB");
    assert_eq!(answers[1]["inputs"]["publisher_mode"], "TeamsOnly");
    assert_eq!(answers[1]["outputs"]["shows"], "Teams");
    assert_eq!(answers[2]["outputs"]["shows"], "SfB");
    assert!(answers[2]["rule"].get("text").is_none());
    assert!(answers[3]["rule"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with('|')));
}

#[test]
fn build_check_says_whether_a_vendored_file_is_fresh() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tables.rs");
    let file = file.to_str().expect("a UTF-8 path");
    let missing = coex(&["build", "-o", file, "--check"], dir.path());
    assert_eq!(missing.status.code(), Some(1), "{}", transcript(&missing));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does not exist"));
    let written = coex(&["build", "-o", file], dir.path());
    assert_eq!(written.status.code(), Some(0), "{}", transcript(&written));
    let fresh = coex(&["build", "-o", file, "--check"], dir.path());
    assert_eq!(fresh.status.code(), Some(0), "{}", transcript(&fresh));
    assert!(String::from_utf8_lossy(&fresh.stderr).contains("is up to date"));
    // The committed runtime tables are such a file.
    assert_eq!(
        std::fs::read(file).expect("written"),
        std::fs::read(root().join("runtime/src/shipped.rs")).expect("runtime tables")
    );
    std::fs::write(file, "// edited by hand\n").expect("edit");
    let stale = coex(&["build", "-o", file, "--check"], dir.path());
    assert_eq!(stale.status.code(), Some(1), "{}", transcript(&stale));
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert!(
        stderr.contains("is stale") && stderr.contains("help: regenerate it with `coex build -o"),
        "{stderr}"
    );
}
