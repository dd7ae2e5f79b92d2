//! Compiles `rules/` into `$OUT_DIR/coex_tables.rs`; a broken rule fails
//! the build with coex's diagnostics.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    coex_build::compile("rules")?;
    Ok(())
}
