//! The README carried out from top to bottom, as a new user would: every
//! command it shows prints what it shows, and its walkthrough "When
//! Microsoft changes behaviour" works step by step.
//!
//! In README.md:
//! - a ```` ```console ```` block is `$ command` lines, each followed by its
//!   output; `cargo run -q --` runs this build's `coex`;
//! - a ```` ```diff ```` block that starts with `--- PATH` is an edit of PATH:
//!   its ` ` and `-` lines are replaced by its ` ` and `+` lines;
//! - a ```` ```diff ```` block without a path shows a snapshot change in
//!   review: its `-` and `+` lines must be the lines of `coex table` that
//!   change between the rule sets named in the block's first line.

mod common;

use common::{copy_dir, sh};
use std::path::{Path, PathBuf};

const SECTION: &str = "## When Microsoft changes behaviour";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The README's code blocks, with their info strings, in order.
fn blocks() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains(SECTION), "the walkthrough section");
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((info.to_string(), body.join("\n")));
        }
    }
    blocks
}

/// Run one `$` line in `dir`: stdout, then stderr.
fn run(command: &str, dir: &Path) -> String {
    let coex = env!("CARGO_BIN_EXE_coex");
    sh(&command.replace("cargo run -q --", coex), dir)
}

fn console(block: &str, dir: &Path) {
    let mut steps: Vec<(String, Vec<&str>)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => steps.push((command.to_string(), Vec::new())),
            None => steps
                .last_mut()
                .expect("a console block starts with a `$` line")
                .1
                .push(line),
        }
    }
    for (command, shown) in steps {
        let printed = run(&command, dir);
        let shown = shown.join("\n");
        assert_eq!(
            printed.trim_end(),
            shown.trim_end(),
            "`{command}` prints something else than the README shows"
        );
    }
}

fn edit(block: &str, dir: &Path) {
    let mut lines = block.lines();
    let path = lines
        .next()
        .and_then(|l| l.strip_prefix("--- "))
        .expect("an edit names its file");
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for line in lines.filter(|l| !l.starts_with("+++ ")) {
        match line.split_at(1) {
            ("-", rest) => before.push(rest),
            ("+", rest) => after.push(rest),
            (_, rest) => {
                before.push(rest);
                after.push(rest);
            }
        }
    }
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file).expect("the edited file");
    // Whole lines, so that a deleted line takes its line break with it.
    let whole = |lines: Vec<&str>| -> String { lines.iter().map(|l| format!("{l}\n")).collect() };
    let (before, after) = (whole(before), whole(after));
    assert_eq!(
        text.matches(&before).count(),
        1,
        "the edit of {path} does not apply once:\n{before}"
    );
    std::fs::write(&file, text.replacen(&before, &after, 1)).expect("write the edit");
}

/// A snapshot change in review: `coex table ARGS` on two rule sets, named on
/// the block's first line as `# coex table ARGS: OLD -> NEW`.
fn review(block: &str, dir: &Path) {
    let mut lines = block.lines();
    let heading = lines.next().expect("a heading line");
    let spec = heading
        .split("coex table ")
        .nth(1)
        .expect("`coex table ARGS: OLD -> NEW` in the heading");
    let (args, sets) = spec.split_once(": ").expect("`: ` after the arguments");
    let (old, new) = sets
        .split_once(" -> ")
        .expect("` -> ` between the rule sets");
    let table = |rules: &str| {
        run(
            &format!("cargo run -q -- table --rules {rules} {args}"),
            dir,
        )
    };
    let (old, new) = (table(old), table(new));
    let (old_lines, new_lines): (Vec<&str>, Vec<&str>) =
        (old.lines().collect(), new.lines().collect());
    let removed: Vec<&str> = old_lines
        .iter()
        .copied()
        .filter(|l| !new_lines.contains(l))
        .collect();
    let added: Vec<&str> = new_lines
        .iter()
        .copied()
        .filter(|l| !old_lines.contains(l))
        .collect();
    let shown_removed: Vec<&str> = block.lines().filter_map(|l| l.strip_prefix('-')).collect();
    let shown_added: Vec<&str> = block.lines().filter_map(|l| l.strip_prefix('+')).collect();
    assert!(!removed.is_empty(), "the tables do not differ");
    assert_eq!(shown_removed, removed, "removed lines");
    assert_eq!(shown_added, added, "added lines");
}

#[test]
fn readme_prints_what_it_shows() {
    let blocks = blocks();
    assert!(
        blocks.iter().filter(|(info, _)| info == "console").count() >= 6,
        "the README shows its commands"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("rules"), &dir.path().join("rules"));
    let mut reviewed = false;
    for (info, body) in &blocks {
        match info.as_str() {
            "console" => console(body, dir.path()),
            "diff" if body.starts_with("--- ") => edit(body, dir.path()),
            "diff" => {
                review(body, dir.path());
                reviewed = true;
            }
            _ => {}
        }
    }
    assert!(reviewed, "the walkthrough shows the snapshot review");
}
