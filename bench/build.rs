//! The shipped rules compiled once more, with the phf-keyed variant of
//! every typed lookup that coex-runtime does not ship (`route_via_phf`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    coex_build::Config::new()
        .file_name("phf_variant.rs")
        .phf_alternative(true)
        .compile("../rules")?;
    Ok(())
}
