//! Embeds the shipped rule set (`rules/*.coex`) into the `coex` binary, so
//! that `coex check` and `coex eval` work without `--rules`. A missing or
//! empty `rules/` fails the build: a `coex` without its rules would answer
//! nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = match rule_files(&dir) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => fail(&format!("`{}` holds no `.coex` files", dir.display())),
        Err(e) => fail(&format!("cannot read `{}`: {e}", dir.display())),
    };
    let mut code = String::new();
    code.push_str("/// The shipped rule set: (file name, text), in name order.\n");
    code.push_str("pub const SHIPPED_RULES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            format!("rules/{name}"),
            file.display().to_string()
        );
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("shipped_rules.rs");
    if let Err(e) = std::fs::write(&out, code) {
        fail(&format!("cannot write `{}`: {e}", out.display()));
    }
}

fn rule_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "coex"))
        .collect();
    files.sort();
    Ok(files)
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    eprintln!("help: the `coex` binary embeds the rule set shipped in `rules/`; restore it (`git checkout -- rules`)");
    std::process::exit(1);
}
