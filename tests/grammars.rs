//! The editor grammars under `editors/` read every rule file the project
//! has as the compiler does: the shipped rules, every history rule set and
//! every test fixture.
//!
//! - tree-sitter (`editors/tree-sitter-coex`): a file `coex`'s own parser
//!   accepts parses without an `ERROR` or `MISSING` node, and each fixture
//!   made to be refused by the parser (`tests/fixtures/parse/`) has one; its
//!   reserved words are the compiler's keywords.
//! - TextMate (`editors/vscode`): `test/tokenize.js` tokenizes every accepted
//!   file as VS Code does and finds no text without a scope, no `invalid.*`
//!   scope, and no rule left open at the end of a file. It needs Node.js and
//!   `npm ci` in `editors/vscode`; without them the check is skipped with a
//!   notice, unless `CI` is set, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use coex::source::FileId;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "coex") {
            files.push(path);
        }
    }
}

/// Every `.coex` file of the repository, split into those `coex`'s parser
/// accepts and those it refuses.
fn rule_files() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut files = Vec::new();
    collect(&root().join("rules"), &mut files);
    collect(&root().join("tests/fixtures"), &mut files);
    files.sort();
    files.into_iter().partition(|file| {
        let text = std::fs::read_to_string(file).expect("a rule file");
        coex::syntax::parse_file(FileId(0), &text).is_ok()
    })
}

fn relative(file: &Path) -> String {
    file.strip_prefix(root())
        .unwrap_or(file)
        .display()
        .to_string()
}

/// The first `ERROR` or `MISSING` node of a tree-sitter parse, as
/// `line:column: kind`.
fn first_error(text: &str) -> Option<String> {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_coex::LANGUAGE.into())
        .expect("the coex grammar");
    let tree = parser.parse(text, None).expect("a tree");
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let at = node.start_position();
            let what = if node.is_missing() {
                format!("MISSING {}", node.kind())
            } else {
                "ERROR".to_string()
            };
            return Some(format!("{}:{}: {what}", at.row + 1, at.column + 1));
        }
        // Depth first, into the subtree only where an error hides.
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}

#[test]
fn tree_sitter_parses_every_rule_file_the_compiler_accepts() {
    let (accepted, _) = rule_files();
    assert!(
        accepted.len() >= 60,
        "only {} rule files found",
        accepted.len()
    );
    let errors: Vec<String> = accepted
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).expect("a rule file");
            first_error(&text).map(|error| format!("{}:{error}", relative(file)))
        })
        .collect();
    assert!(
        errors.is_empty(),
        "tree-sitter errors:\n{}",
        errors.join("\n")
    );
    println!(
        "tree-sitter parsed {} rule files without an error",
        accepted.len()
    );
}

#[test]
fn tree_sitter_reserves_the_keywords_of_the_language() {
    let grammar = std::fs::read_to_string(root().join("editors/tree-sitter-coex/grammar.js"))
        .expect("the tree-sitter grammar");
    let start = grammar.find("reserved:").expect("a `reserved` block");
    let block = &grammar[start..];
    let block = &block[..block.find(']').expect("the reserved words' end")];
    let reserved: Vec<&str> = block.split('\'').skip(1).step_by(2).collect();
    assert_eq!(reserved, coex::syntax::KEYWORDS);
}

#[test]
fn tree_sitter_finds_an_error_in_every_file_the_compiler_refuses() {
    let (_, refused) = rule_files();
    assert!(
        refused
            .iter()
            .all(|file| file.starts_with(root().join("tests/fixtures/parse"))),
        "only the parse fixtures are refused: {refused:?}"
    );
    assert!(refused.len() >= 5, "the parse fixtures: {refused:?}");
    for file in &refused {
        let text = std::fs::read_to_string(file).expect("a rule file");
        assert!(
            first_error(&text).is_some(),
            "{}: tree-sitter parsed it without an error",
            relative(file)
        );
    }
}

#[test]
fn textmate_grammar_scopes_every_rule_file_the_compiler_accepts() {
    let extension = root().join("editors/vscode");
    let ready = extension.join("node_modules/vscode-textmate").is_dir()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success());
    if !ready {
        let help = "needs Node.js and `npm ci` in editors/vscode";
        assert!(
            std::env::var_os("CI").is_none(),
            "the TextMate grammar check {help}"
        );
        println!("notice: skipped the TextMate grammar check: it {help}");
        return;
    }
    let (accepted, _) = rule_files();
    let output = Command::new("node")
        .arg(extension.join("test/tokenize.js"))
        .args(&accepted)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    let summary = format!("tokenized {} files", accepted.len());
    assert!(
        stdout.contains(&summary),
        "expected `{summary}` in:\n{stdout}"
    );
    print!("{stdout}");
}
