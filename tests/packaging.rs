//! The packages as the registry sees them: every published crate declares a
//! `rust-version` that its locked dependencies (normal and build) accept,
//! a licence file for each licence it names, a README and an `include` list.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

fn metadata() -> Value {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("metadata JSON")
}

/// `1.88` as `[1, 88, 0]`, so that it compares equal to `1.88.0`.
fn version(text: &str) -> [u32; 3] {
    let mut parts = text.split('.').map(|p| p.parse().unwrap_or(0));
    [(); 3].map(|()| parts.next().unwrap_or(0))
}

/// The published workspace members.
fn published(meta: &Value) -> Vec<&Value> {
    let members: HashSet<&str> = meta["workspace_members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| members.contains(p["id"].as_str().unwrap_or_default()))
        .filter(|p| !p["publish"].as_array().is_some_and(Vec::is_empty))
        .collect()
}

#[test]
fn rust_version_is_what_the_locked_dependencies_need() {
    let meta = metadata();
    let packages: HashMap<&str, &Value> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().unwrap_or_default(), p))
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve")
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or_default(), n))
        .collect();
    for package in published(&meta) {
        let declared = version(package["rust_version"].as_str().expect("a rust-version"));
        // Every package a dependent builds: normal and build edges, transitively.
        let mut stack = vec![package["id"].as_str().unwrap_or_default()];
        let mut seen = HashSet::new();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(needed) = packages[id]["rust_version"].as_str() {
                assert!(
                    version(needed) <= declared,
                    "{} declares rust-version {:?}, but {id} needs {needed}",
                    package["name"],
                    package["rust_version"]
                );
            }
            for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
                let kinds = dep["dep_kinds"].as_array().into_iter().flatten();
                if kinds.into_iter().any(|k| k["kind"].as_str() != Some("dev")) {
                    stack.push(dep["pkg"].as_str().unwrap_or_default());
                }
            }
        }
    }
}

#[test]
fn every_published_crate_has_licences_readme_and_an_include_list() {
    let meta = metadata();
    for package in published(&meta) {
        let manifest = Path::new(package["manifest_path"].as_str().expect("path"));
        let dir = manifest.parent().expect("a directory");
        let name = package["name"].as_str().unwrap_or_default();
        assert_eq!(package["license"], "MIT OR Apache-2.0", "{name}");
        for file in ["LICENSE-MIT", "LICENSE-APACHE", "README.md"] {
            assert!(dir.join(file).is_file(), "{name} has no {file}");
        }
        let text = std::fs::read_to_string(manifest).expect("manifest");
        assert!(text.contains("\ninclude = ["), "{name} has no include list");
        for field in ["description", "readme", "keywords", "categories"] {
            assert!(!package[field].is_null(), "{name} has no {field}");
        }
    }
}
