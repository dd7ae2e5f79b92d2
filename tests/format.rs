//! `coex fmt`'s guarantees on real files: formatting is idempotent, keeps
//! the syntax tree and every comment, and gives `rules/route.coex` back as
//! it is (its layout is the target style). Snapshots of messy files show
//! the layout itself.

use coex::format::{equivalent, erased, format_text};
use coex::source::FileId;
use coex::syntax::{ast, parse_file};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn format(text: &str) -> String {
    format_text(FileId(0), text).expect("the file parses")
}

fn comment_texts(file: &ast::File) -> Vec<&str> {
    file.comments.iter().map(|c| c.text.as_str()).collect()
}

/// Format `text` twice and check every guarantee; the formatted text.
fn assert_round_trip(name: &str, text: &str) -> String {
    let before = parse_file(FileId(0), text).expect("the file parses");
    let once = format(text);
    let after = parse_file(FileId(0), &once)
        .unwrap_or_else(|e| panic!("{name}: the formatted text does not parse: {e:?}\n{once}"));
    assert_eq!(
        comment_texts(&before),
        comment_texts(&after),
        "{name}: the comments changed"
    );
    assert_eq!(
        erased(&before).items,
        erased(&after).items,
        "{name}: the syntax tree changed"
    );
    assert!(equivalent(&before, &after), "{name}: not equivalent");
    let twice = format(&once);
    assert_eq!(once, twice, "{name}: formatting is not idempotent");
    once
}

/// The `.coex` files directly inside `dir`, sorted.
fn coex_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "coex"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn shipped_rules_round_trip() {
    let rules = root().join("rules");
    let mut files = coex_files(&rules);
    for dir in subdirectories(&rules.join("history")) {
        files.extend(coex_files(&dir));
    }
    assert!(!files.is_empty(), "no rule files found");
    for file in files {
        assert_round_trip(&file.display().to_string(), &read(&file));
    }
}

#[test]
fn fixtures_that_parse_round_trip() {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        found.extend(coex_files(dir));
        for sub in subdirectories(dir) {
            walk(&sub, found);
        }
    }
    let mut files = Vec::new();
    walk(&root().join("tests/fixtures"), &mut files);
    let mut parsed = 0;
    for file in files {
        let text = read(&file);
        if parse_file(FileId(0), &text).is_ok() {
            assert_round_trip(&file.display().to_string(), &text);
            parsed += 1;
        }
    }
    assert!(parsed > 0, "no fixture parses");
}

#[test]
fn route_is_already_in_the_target_style() {
    for name in ["rules/route.coex", "rules/vocabulary.coex"] {
        let text = read(&root().join(name));
        assert_eq!(format(&text), text, "{name} is not formatted");
    }
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => true}, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn messy_file() {
    let text = read(&root().join("tests/fixtures/fmt/messy.coex"));
    snapshot("messy", &assert_round_trip("messy.coex", &text));
}

#[test]
fn comments_in_odd_places() {
    let text = read(&root().join("tests/fixtures/fmt/odd_comments.coex"));
    snapshot(
        "odd_comments",
        &assert_round_trip("odd_comments.coex", &text),
    );
}

#[test]
fn tables_are_aligned() {
    let text = "decision d(a: A, b: B) -> (x: X, y: Y) {\n\
                table \"t\" source \"s\"\n\
                |a|b||x|y|\n\
                |Long, Other|!C||X|Why| source \"r\"\n\
                |*|B||Xx|Y|\n\
                }\n";
    assert_eq!(
        assert_round_trip("table", text),
        "decision d(a: A, b: B) -> (x: X, y: Y) {\n    \
         table \"t\"\n        \
         source \"s\"\n    \
         | a           | b  || x  | y   |\n    \
         | Long, Other | !C || X  | Why | source \"r\"\n    \
         | *           | B  || Xx | Y   |\n\
         }\n"
    );
}

#[test]
fn a_short_row_keeps_the_double_bar_aligned() {
    let text = "decision d(a: A, b: B) -> x: X {\ntable \"t\"\n| a | bbbb || x |\n| A || X |\n}\n";
    let formatted = assert_round_trip("short row", text);
    assert!(
        formatted.contains("    | a | bbbb || x |\n    | A        || X |\n"),
        "{formatted}"
    );
}

#[test]
fn spacing_is_normalised() {
    let text = "decision  d( a :A ,b:B )->x:X{\n  impossible a==X&&b!=Y,Z because \"r\"\n  expect d( A,B )==X\n}\n";
    assert_eq!(
        assert_round_trip("spacing", text),
        "decision d(a: A, b: B) -> x: X {\n    \
         impossible a == X && b != Y, Z\n        \
         because \"r\"\n    \
         expect d(A, B) == X\n\
         }\n"
    );
}

#[test]
fn long_signatures_and_sets_wrap_one_per_line() {
    let text = "set Everything: Mode = Islands, SfBOnly, SfBWithTeamsCollab, SfBWithTeamsCollabAndMeetings, TeamsOnly\n\
                decision long_name(first_input: Mode, second_input: Mode, third_input: Mode) -> (out: Mode, other: Mode) {\n}\n";
    assert_eq!(
        assert_round_trip("long", text),
        "set Everything: Mode =\n    \
         Islands,\n    \
         SfBOnly,\n    \
         SfBWithTeamsCollab,\n    \
         SfBWithTeamsCollabAndMeetings,\n    \
         TeamsOnly\n\
         \n\
         decision long_name(\n    \
         first_input: Mode,\n    \
         second_input: Mode,\n    \
         third_input: Mode,\n\
         ) -> (out: Mode, other: Mode) {\n\
         }\n"
    );
}

#[test]
fn blank_lines_one_between_items_kept_in_blocks() {
    let text = "\n\n// head\n\n\n\nenum A { X }\nenum B { Y }\n\n\n\n\
                decision d(a: A) -> b: B {\n\n\n    table \"t\"\n    | a || b |\n\n\n\n    \
                | X || Y |\n    expect d(X) == Y\n\n\n    expect d(X) == Y\n\n}\n\
                expect d(X) == Y\nexpect d(X) == Y\n\n\n// tail\n\n\n";
    assert_eq!(
        assert_round_trip("blank lines", text),
        "// head\n\nenum A {\n    X\n}\n\nenum B {\n    Y\n}\n\n\
         decision d(a: A) -> b: B {\n    table \"t\"\n    | a || b |\n    | X || Y |\n    \
         expect d(X) == Y\n\n    expect d(X) == Y\n}\n\n\
         expect d(X) == Y\nexpect d(X) == Y\n\n// tail\n"
    );
}

#[test]
fn comments_stay_trailing_or_on_their_own_line() {
    let text = "enum A { X, // x\n// before Y\nY }   // after\n// last\n";
    assert_eq!(
        assert_round_trip("comments", text),
        "enum A {\n    X // x\n    // before Y\n    Y\n} // after\n// last\n"
    );
}

#[test]
fn carriage_returns_and_odd_files() {
    assert_eq!(
        assert_round_trip("crlf", "enum A {\r\n  X // x\r\n\r\n\r\n  Y\r\n}\r\n"),
        "enum A {\n    X // x\n\n    Y\n}\n"
    );
    assert_eq!(assert_round_trip("empty", ""), "");
    assert_eq!(assert_round_trip("blank", "\n\n  \n"), "");
    assert_eq!(
        assert_round_trip("only comments", "\n// one\n\n\n//two   \n"),
        "// one\n\n//two\n"
    );
}

#[test]
fn strings_and_docs_are_printed_canonically() {
    let text = "///doc\n///\n///   spaced   \nenum A { X }\n\
                decision d(a: A) -> x: A {\n  impossible a == X because \"a \\\"q\\\" \\\\ b\\tc\"\n}\n";
    assert_eq!(
        assert_round_trip("strings", text),
        "/// doc\n///\n/// spaced\nenum A {\n    X\n}\n\n\
         decision d(a: A) -> x: A {\n    impossible a == X\n        because \"a \\\"q\\\" \\\\ b\\tc\"\n}\n"
    );
}
