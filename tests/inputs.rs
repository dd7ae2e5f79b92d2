//! What coex reads: line ends (`\n`, `\r\n`, `\r`) and a byte-order mark,
//! symbolic links in a rule directory (and in git), and the size limits of
//! `coex::limits`, each enforced with `E0017 limit-exceeded`.

use coex::limits::{MAX_BATCH_LINE_BYTES, MAX_FILE_BYTES, MAX_LINE_BYTES};
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

fn stderr(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    text[..text.len().min(4000)].to_string()
}

/// A rule set of one file in a fresh temporary directory.
fn rule_set(text: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("rules.coex"), text).expect("write");
    dir
}

/// A rule set whose fifth line has an unknown value `Z` at column 12.
const UNKNOWN_ON_LINE_5: &str = "enum A { X, Y }\ndecision d(a: A) -> b: A {\n    table \"t\"\n    | a || b |\n    | X || Z |\n}\n";

/// The first diagnostic's primary place, `(line, column)`, from JSON.
fn first_place(dir: &Path) -> (u64, u64) {
    let output = coex(&["check", "--rules", ".", "--format", "json"], dir);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let start = &json["diagnostics"][0]["labels"][0]["start"];
    (
        start["line"].as_u64().expect("line"),
        start["column"].as_u64().expect("column"),
    )
}

#[test]
fn cr_crlf_and_lf_line_ends_give_right_line_numbers() {
    for end in ["\n", "\r\n", "\r"] {
        let dir = rule_set(UNKNOWN_ON_LINE_5.replace('\n', end).as_bytes());
        assert_eq!(first_place(dir.path()), (5, 12), "line ends {end:?}");
        let output = coex(&["check", "--rules", "."], dir.path());
        assert!(
            stderr(&output).contains("./rules.coex:5:12"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn byte_order_mark_is_accepted_and_spans_stay_right() {
    let text = format!("\u{feff}{UNKNOWN_ON_LINE_5}");
    let dir = rule_set(text.as_bytes());
    assert_eq!(first_place(dir.path()), (5, 12));
    let output = coex(&["check", "--rules", "."], dir.path());
    assert!(!stderr(&output).contains("E0001"), "{}", stderr(&output));
    // An error on the first line, after the mark: column 6, not 7.
    let dir = rule_set("\u{feff}enum A { X, X }\n".as_bytes());
    let output = coex(&["check", "--rules", ".", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let labels = &json["diagnostics"][0]["labels"];
    let mut columns: Vec<u64> = labels
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| l["start"]["column"].as_u64().expect("column"))
        .collect();
    columns.sort();
    assert_eq!(columns, [10, 13], "{json}");
}

fn messy() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/fmt/messy.coex")).expect("fixture")
}

/// Format `text` in a file of its own; the file's bytes after `coex fmt`.
fn fmt(text: &str) -> String {
    let dir = rule_set(text.as_bytes());
    let output = coex(&["fmt", "rules.coex"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let check = coex(&["fmt", "--check", "rules.coex"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    std::fs::read_to_string(dir.path().join("rules.coex")).expect("read")
}

#[test]
fn fmt_keeps_crlf_and_cr_line_ends_and_the_byte_order_mark() {
    let lf = fmt(&messy());
    assert!(!lf.contains('\r'));
    let crlf = fmt(&messy().replace('\n', "\r\n"));
    assert_eq!(crlf, lf.replace('\n', "\r\n"));
    let cr = fmt(&messy().replace('\n', "\r"));
    assert_eq!(cr, lf.replace('\n', "\r"));
    let bom = fmt(&format!("\u{feff}{}", messy().replace('\n', "\r\n")));
    assert_eq!(bom, format!("\u{feff}{}", lf.replace('\n', "\r\n")));
}

#[test]
fn fmt_check_passes_a_formatted_crlf_checkout() {
    let formatted = fmt(&messy()).replace('\n', "\r\n");
    let dir = rule_set(formatted.as_bytes());
    let output = coex(&["fmt", "--check", "."], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn dangling_or_looping_symlink_in_a_rule_dir_is_an_error() {
    let dir = rule_set(b"enum A { X }\n");
    std::os::unix::fs::symlink("gone.coex", dir.path().join("dangling.coex")).expect("link");
    let output = coex(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "error: `./dangling.coex` is a symbolic link to `gone.coex` that cannot be followed"
        ),
        "{}",
        stderr(&output)
    );
    std::fs::remove_file(dir.path().join("dangling.coex")).expect("remove");
    std::os::unix::fs::symlink("loop.coex", dir.path().join("loop.coex")).expect("link");
    let output = coex(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`./loop.coex` is a symbolic link to `loop.coex`"),
        "{}",
        stderr(&output)
    );
    let output = coex(&["fmt", "--check", "."], dir.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=coex", "-c", "user.email=coex@example.com"])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .status()
        .expect("run git");
    assert!(status.success(), "git {args:?}");
}

#[cfg(unix)]
#[test]
fn diff_git_reads_a_symlinked_rule_file_as_its_target() {
    let repo = tempfile::tempdir().expect("temp dir");
    let top = repo.path();
    std::fs::create_dir_all(top.join("rules")).expect("mkdir");
    std::fs::create_dir_all(top.join("shared")).expect("mkdir");
    let fixture = root().join("tests/fixtures/ok/minimal.coex");
    std::fs::copy(&fixture, top.join("shared/minimal.coex")).expect("copy");
    std::os::unix::fs::symlink("../shared/minimal.coex", top.join("rules/minimal.coex"))
        .expect("link");
    git(top, &["init", "-q"]);
    git(top, &["add", "-A"]);
    git(top, &["commit", "-q", "-m", "rules through a link"]);
    // The revision's link is read as the file it points to: the same rules.
    let output = coex(&["diff", "--git", "HEAD"], top);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // A link that pointed nowhere at the revision says so.
    std::fs::remove_file(top.join("rules/minimal.coex")).expect("remove");
    std::os::unix::fs::symlink("../shared/gone.coex", top.join("rules/minimal.coex"))
        .expect("link");
    git(top, &["add", "-A"]);
    git(top, &["commit", "-q", "-m", "a broken link"]);
    std::fs::remove_file(top.join("rules/minimal.coex")).expect("remove");
    std::fs::copy(&fixture, top.join("rules/minimal.coex")).expect("copy");
    let output = coex(&["diff", "--git", "HEAD"], top);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "`HEAD:rules/minimal.coex` is a symbolic link that cannot be followed: \
             `shared/gone.coex` does not exist at `HEAD`"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn file_over_the_size_limit_is_refused_with_e0017() {
    // Comment lines, valid in themselves, one byte more than the limit.
    let line = format!("//{}\n", "x".repeat(97));
    let mut text = line.repeat(MAX_FILE_BYTES / line.len() + 1);
    text.truncate(MAX_FILE_BYTES + 1);
    let dir = rule_set(text.as_bytes());
    let output = coex(&["check", "--rules", "."], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "`./rules.coex` is more than {MAX_FILE_BYTES} bytes, the limit for a rule file (E0017 limit-exceeded"
        )),
        "{}",
        stderr(&output)
    );
    // The library refuses such a text too, given directly.
    let mut sources = coex::source::Sources::new();
    sources.add("big.coex", text);
    let compiled = coex::compile(&sources);
    assert_eq!(compiled.diagnostics[0].code.as_str(), "E0017");
}

#[cfg(unix)]
#[test]
fn fmt_of_dev_zero_is_refused_in_bounded_memory() {
    let output = coex(&["fmt", "--check", "/dev/zero"], &root());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`/dev/zero` is more than"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn line_over_the_limit_is_e0017_at_that_line() {
    let text = format!("enum A {{ X }}\n\n// {}\n", "x".repeat(MAX_LINE_BYTES));
    let dir = rule_set(text.as_bytes());
    let output = coex(&["check", "--rules", ".", "--format", "json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let diagnostic = &json["diagnostics"][0];
    assert_eq!(diagnostic["code"], "E0017");
    assert_eq!(diagnostic["name"], "limit-exceeded");
    assert_eq!(
        diagnostic["message"],
        format!(
            "the length of this line is {} bytes, more than the limit of {MAX_LINE_BYTES} bytes",
            MAX_LINE_BYTES + 3
        )
    );
    assert_eq!(diagnostic["labels"][0]["start"]["line"], 3);
    // The quoted line is cut at the limit, not printed whole.
    let rendered = diagnostic["rendered"].as_str().expect("rendered");
    assert!(rendered.len() < MAX_LINE_BYTES + 1000, "{}", rendered.len());
    // `coex fmt` refuses it the same way.
    let output = coex(&["fmt", "--check", "rules.coex"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("E0017/limit-exceeded"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn batch_line_over_the_limit_is_answered_with_an_error_and_the_batch_goes_on() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run coex");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let long = format!(
            "{{\"decision\": \"{}\"}}\n",
            "x".repeat(MAX_BATCH_LINE_BYTES)
        );
        stdin.write_all(long.as_bytes()).expect("write");
        stdin
            .write_all(
                b"{\"decision\":\"meeting\",\"inputs\":{\"organizer_mode\":\"Islands\",\"islands_provider\":\"Teams\"}}\n",
            )
            .expect("write");
    });
    let output = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines[0]["error"],
        format!(
            "the length of this line is {} bytes, more than the limit of {MAX_BATCH_LINE_BYTES} bytes",
            MAX_BATCH_LINE_BYTES + 16
        )
    );
    assert!(lines[1]["outputs"].is_object(), "{stdout}");
}

#[test]
fn fmt_of_a_table_with_one_huge_cell_stays_small() {
    // One value of 60,000 characters in one row of 5,000: padding every
    // row to it would write 300 MB (the 3.8 GB of issue 10).
    let long = format!("V{}", "x".repeat(60_000));
    let mut text = format!(
        "enum A {{ {long}, X, Y }}\ndecision d(a: A, b: A) -> c: A {{\n    table \"t\"\n    | a | b || c |\n    | {long} | * || X |\n"
    );
    for i in 0..5_000 {
        let value = if i % 2 == 0 { "X" } else { "Y" };
        text.push_str(&format!("    | {value} | {value} || X |\n"));
    }
    text.push_str("}\n");
    let formatted = fmt(&text);
    assert!(
        formatted.len() < 2 * text.len(),
        "{} bytes from {}",
        formatted.len(),
        text.len()
    );
    assert!(
        formatted.contains("    | X | X || X |\n"),
        "short rows stay short"
    );
}

#[test]
fn line_of_exactly_the_limit_is_accepted_and_line_ends_of_each_kind_end_a_line() {
    let id = coex::source::FileId(0);
    let exact = format!("//{}\n", "x".repeat(MAX_LINE_BYTES - 2));
    assert!(coex::syntax::parse_file(id, &exact).is_ok());
    let over = format!("//{}\n", "x".repeat(MAX_LINE_BYTES - 1));
    let error = coex::syntax::parse_file(id, &over).expect_err("over the limit");
    assert_eq!(error.code.as_str(), "E0017");
    // Two lines of the limit, separated by `\r` or `\r\n`, are two lines.
    for end in ["\r", "\r\n"] {
        let two = exact.replace('\n', end).repeat(2);
        assert!(coex::syntax::parse_file(id, &two).is_ok(), "{end:?}");
    }
}

#[test]
fn diff_git_refuses_a_blob_over_the_size_limit_without_reading_it() {
    let repo = tempfile::tempdir().expect("temp dir");
    let top = repo.path();
    std::fs::create_dir_all(top.join("rules")).expect("mkdir");
    let file = top.join("rules/minimal.coex");
    std::fs::write(&file, "//\n".repeat(MAX_FILE_BYTES / 3 + 1)).expect("write");
    git(top, &["init", "-q"]);
    git(top, &["add", "-A"]);
    git(top, &["commit", "-q", "-m", "a huge rule file"]);
    std::fs::copy(root().join("tests/fixtures/ok/minimal.coex"), &file).expect("copy");
    let output = coex(&["diff", "--git", "HEAD"], top);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "`HEAD:rules/minimal.coex` is more than {MAX_FILE_BYTES} bytes, the limit for a rule file"
        )),
        "{}",
        stderr(&output)
    );
}
