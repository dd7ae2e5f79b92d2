//! Compiles the rule set into `$OUT_DIR/coex_tables.rs` at build time.
//!
//! The rule set is `../rules` (the one shipped in this repository), or the
//! directory named by the `COEX_RULES_DIR` environment variable. When the
//! rules have errors, the build fails with the same diagnostics as
//! `coex check`.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    println!("cargo:rerun-if-env-changed=COEX_RULES_DIR");
    let (dir, origin) = match std::env::var_os("COEX_RULES_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            let origin = dir.display().to_string();
            (dir, origin)
        }
        None => (manifest.join("../rules"), "rules".to_string()),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(files) = coex::fs::rule_files(&dir) {
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
    }
    println!(
        "cargo:rerun-if-changed={}",
        manifest.join("../grammar/coex.pest").display()
    );
    match coex::generate_from_dir(&dir, &origin) {
        Ok(code) => {
            let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("coex_tables.rs");
            std::fs::write(&out, code)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        }
        Err(diagnostics) => {
            // Cargo shows a failing build script's stderr: the diagnostics.
            eprint!("{diagnostics}");
            eprintln!(
                "error: coex-runtime: the rules in `{}` do not compile",
                dir.display()
            );
            std::process::exit(1);
        }
    }
}
