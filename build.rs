//! Embeds the shipped rule set (`rules/*.coex`) into the `coex` binary, so
//! that `coex check` and `coex eval` work without `--rules`.

use std::io::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "coex"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shipped_rules.rs");
    let mut code = Vec::new();
    writeln!(
        code,
        "/// The shipped rule set: (file name, text), in name order."
    )
    .unwrap();
    writeln!(code, "pub const SHIPPED_RULES: &[(&str, &str)] = &[").unwrap();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().expect("a file name").to_string_lossy();
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            format!("rules/{name}"),
            file.display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
    std::fs::write(out, code).expect("write shipped_rules.rs");
}
