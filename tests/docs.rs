//! The documentation cannot lie about the language or the commands: every
//! rule-file example in `README.md` and `docs/*.md` parses, and every
//! command shown in `docs/*.md` prints what it shows.
//!
//! The info string of a fenced block says what it holds:
//! - ```` ```coex ```` is a whole rule file: it compiles without an error
//!   (warnings, such as a value no row uses, are fine in a short example);
//! - ```` ```coex fragment ```` is an excerpt: it refers to names declared
//!   elsewhere and may elide lines with a line of `...`; with those lines
//!   left out it must still be free of syntax errors (E0001);
//! - ```` ```console ```` is `$ command` lines, each followed by its output,
//!   run one after the other in one scratch directory holding a copy of
//!   `rules/` (also as `my-rules/`) and an empty `src/`; `coex` is this
//!   build's binary. A shown line that is only `...` stands for any number
//!   of printed lines; in a line, `...` stands for any text (for figures
//!   such as a file's size, which change with the rules).
//!
//! The rule examples of `docs/DIAGNOSTICS.md` are generated from the registry
//! of codes, and `tests/explain.rs` checks them (each produces its code, each fix
//! does not); the README's console blocks run in `tests/readme.rs`.

mod common;

use coex::diagnostic::{Code, Severity};
use coex::source::Sources;
use common::{copy_dir, sh};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fenced block of a Markdown file: where it starts, its info string and
/// its body.
struct Block {
    place: String,
    info: String,
    body: String,
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).expect("a documentation file");
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    let mut blocks = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<&str> = lines
                .by_ref()
                .map(|(_, l)| l)
                .take_while(|l| *l != "```")
                .collect();
            blocks.push(Block {
                place: format!("{name}:{}", number + 1),
                info: info.to_string(),
                body: body.join("\n") + "\n",
            });
        }
    }
    blocks
}

/// README.md and docs/*.md.
fn documents() -> Vec<PathBuf> {
    let mut paths = vec![root().join("README.md")];
    for entry in std::fs::read_dir(root().join("docs")).expect("docs/") {
        let path = entry.expect("an entry of docs/").path();
        if path.extension().is_some_and(|e| e == "md") {
            paths.push(path);
        }
    }
    paths.sort();
    paths
}

fn errors(place: &str, text: &str) -> Vec<(Code, String)> {
    let mut sources = Sources::new();
    sources.add(place, text);
    coex::compile(&sources)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| (d.code, d.message))
        .collect()
}

#[test]
fn every_rule_example_in_the_docs_parses() {
    let (mut whole, mut fragments) = (0, 0);
    // docs/DIAGNOSTICS.md's rule examples are tests/explain.rs's.
    for path in documents()
        .into_iter()
        .filter(|p| !p.ends_with("DIAGNOSTICS.md"))
    {
        for block in blocks(&path) {
            let mut words = block.info.split_whitespace();
            if words.next() != Some("coex") {
                continue;
            }
            match words.next() {
                None => {
                    whole += 1;
                    let errors = errors(&block.place, &block.body);
                    assert!(
                        errors.is_empty(),
                        "{}: a whole rule file that does not compile (mark an excerpt `coex fragment`): {errors:?}",
                        block.place
                    );
                }
                Some("fragment") => {
                    fragments += 1;
                    let kept: String = block
                        .body
                        .lines()
                        .filter(|l| l.trim() != "...")
                        .map(|l| format!("{l}\n"))
                        .collect();
                    let syntax: Vec<_> = errors(&block.place, &kept)
                        .into_iter()
                        .filter(|(code, _)| *code == Code::Syntax)
                        .collect();
                    assert!(
                        syntax.is_empty(),
                        "{}: an excerpt with a syntax error: {syntax:?}",
                        block.place
                    );
                }
                Some(other) => panic!(
                    "{}: `coex {other}`: a rule block is `coex` or `coex fragment`",
                    block.place
                ),
            }
        }
    }
    assert!(
        whole >= 1 && fragments >= 2,
        "{whole} whole, {fragments} fragments"
    );
}

/// Run one `$` line in `dir`: stdout, then stderr.
fn run(command: &str, dir: &Path) -> String {
    match command.strip_prefix("coex ") {
        Some(rest) => sh(&format!("{} {rest}", env!("CARGO_BIN_EXE_coex")), dir),
        None => sh(command, dir),
    }
}

/// Whether shown lines stand for printed ones: a shown line that is only
/// `...` stands for any number of printed lines.
fn shows_all(shown: &[&str], printed: &[&str]) -> bool {
    match shown.split_first() {
        None => printed.is_empty(),
        Some((&"...", rest)) => (0..=printed.len()).any(|skip| shows_all(rest, &printed[skip..])),
        Some((line, rest)) => printed
            .split_first()
            .is_some_and(|(first, others)| shows(line, first) && shows_all(rest, others)),
    }
}

/// Whether a shown line stands for a printed one.
fn shows(shown: &str, printed: &str) -> bool {
    let mut parts = shown.split("...");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = printed.strip_prefix(first) else {
        return false;
    };
    let mut parts = parts.peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

#[test]
fn every_command_in_the_docs_prints_what_it_shows() {
    let mut commands = 0;
    for path in documents()
        .into_iter()
        .filter(|p| p.starts_with(root().join("docs")))
    {
        let dir = tempfile::tempdir().expect("scratch directory");
        copy_dir(&root().join("rules"), &dir.path().join("rules"));
        copy_dir(&root().join("rules"), &dir.path().join("my-rules"));
        std::fs::create_dir(dir.path().join("src")).expect("src/");
        for block in blocks(&path).into_iter().filter(|b| b.info == "console") {
            let mut steps: Vec<(&str, Vec<&str>)> = Vec::new();
            for line in block.body.lines() {
                match line.strip_prefix("$ ") {
                    Some(command) => steps.push((command, Vec::new())),
                    None => steps
                        .last_mut()
                        .unwrap_or_else(|| panic!("{}: starts with a `$` line", block.place))
                        .1
                        .push(line),
                }
            }
            for (command, shown) in steps {
                commands += 1;
                let printed = run(command, dir.path());
                let printed: Vec<&str> = printed.trim_end().lines().collect();
                assert!(
                    shows_all(&shown, &printed),
                    "{}: `{command}` prints something else than the docs show:\n{}",
                    block.place,
                    printed.join("\n")
                );
            }
        }
    }
    assert!(commands >= 3, "{commands} commands");
}
