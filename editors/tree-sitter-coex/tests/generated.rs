//! `src/` holds what `tree-sitter generate` makes of `grammar.js` (editors
//! build the parser from `src/parser.c`, so it is committed): the test
//! generates it again, with the generator the tree-sitter CLI runs, into a
//! temporary directory and compares. ABI 15, the CLI's default since 0.25, is
//! the first with reserved words, which keep keywords from being names.
//!
//! `grammar.js` is JavaScript: generating needs Node.js. Without it the test
//! is skipped with a notice, unless `CI` is set, where it fails.
//!
//! After changing `grammar.js`, `UPDATE_GENERATED=1 cargo test -p
//! tree-sitter-coex --test generated` (or `tree-sitter generate` with the
//! CLI of the same version) writes the new `src/`.

use std::path::Path;
use std::process::Command;

use tree_sitter_generate::{generate_parser_in_directory, OptLevel};

const ABI: usize = 15;

/// The files `generate` writes, relative to the grammar's directory.
const GENERATED: &[&str] = &[
    "src/grammar.json",
    "src/node-types.json",
    "src/parser.c",
    "src/tree_sitter/parser.h",
    "src/tree_sitter/alloc.h",
    "src/tree_sitter/array.h",
];

#[test]
fn src_is_what_grammar_js_generates() {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|out| out.status.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "generating the parser needs Node.js"
        );
        println!("notice: skipped: generating the parser from grammar.js needs Node.js");
        return;
    }
    let grammar_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().expect("a temporary directory");
    for file in ["grammar.js", "tree-sitter.json"] {
        std::fs::copy(grammar_dir.join(file), scratch.path().join(file)).expect("copy the grammar");
    }
    let mut warnings = Vec::new();
    generate_parser_in_directory(
        scratch.path(),
        None::<&Path>,
        None::<&Path>,
        ABI,
        None,
        Some("node"),
        true,
        OptLevel::default(),
        &mut warnings,
    )
    .unwrap_or_else(|e| panic!("tree-sitter generate: {e}"));
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.is_empty(),
        "the grammar has warnings:\n{}",
        warnings.join("\n")
    );

    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for file in GENERATED {
        let fresh = std::fs::read(scratch.path().join(file)).expect("a generated file");
        let committed = std::fs::read(grammar_dir.join(file)).unwrap_or_default();
        if fresh != committed {
            if update {
                let target = grammar_dir.join(file);
                std::fs::create_dir_all(target.parent().expect("a parent")).expect("create src/");
                std::fs::write(&target, &fresh).expect("write a generated file");
            } else {
                stale.push(*file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{} differ from what grammar.js generates\n\
         help: run `UPDATE_GENERATED=1 cargo test -p tree-sitter-coex --test generated` and commit src/",
        stale.join(", ")
    );
}
