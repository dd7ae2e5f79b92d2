//! The committed tables (`src/shipped.rs`) are what `coex build` generates
//! from the shipped rules today; and a crate depending on this one compiles
//! no parser.

use std::path::Path;
use std::process::Command;

#[test]
fn committed_tables_are_what_the_shipped_rules_generate() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources =
        coex::fs::read_rule_set_as(&manifest.join("../rules"), "rules").expect("the shipped rules");
    let generated = coex::generate(&sources, "rules", &coex::codegen::Options::default())
        .unwrap_or_else(|d| panic!("{}", coex::diagnostic::render(&sources, &d, false)));
    let committed =
        std::fs::read_to_string(manifest.join("src/shipped.rs")).expect("src/shipped.rs");
    assert!(
        committed == generated,
        "runtime/src/shipped.rs is stale: run `cargo run -- build -o runtime/src/shipped.rs`"
    );
}

/// `cargo tree -e normal,build` from this crate: what a dependent compiles.
fn dependencies(features: &[&str]) -> String {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .args([
            "tree",
            "--offline",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "-p",
            "coex-runtime",
        ])
        .args(features)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn crate_names(tree: &str) -> Vec<String> {
    let mut names: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn a_dependent_compiles_phf_and_no_parser() {
    let plain = crate_names(&dependencies(&[]));
    assert_eq!(
        plain,
        ["coex-runtime", "phf", "phf_shared", "siphasher"],
        "{plain:?}"
    );
    let with_serde = crate_names(&dependencies(&["--features", "serde"]));
    assert!(with_serde.iter().any(|c| c == "serde"), "{with_serde:?}");
    assert!(
        !with_serde.iter().any(|c| c.starts_with("pest")),
        "{with_serde:?}"
    );
}
