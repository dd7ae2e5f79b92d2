//! A crate outside this workspace depends on coex-runtime: it builds and
//! gets its answers; and when its rules are broken, its build fails with the
//! same diagnostic `coex check` prints. Runs cargo on a temporary copy.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn downstream_crate_builds_and_broken_rules_fail_its_build() {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let workspace = workspace.canonicalize().expect("workspace");
    let temp = tempfile::tempdir().expect("temp dir");
    let rules = temp.path().join("rules");
    std::fs::create_dir_all(&rules).expect("mkdir");
    for file in coex::fs::rule_files(&workspace.join("rules")).expect("shipped rules") {
        std::fs::copy(&file, rules.join(file.file_name().expect("name"))).expect("copy");
    }
    let app = temp.path().join("app");
    write(
        &app.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"downstream\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\ncoex-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            workspace.join("runtime").display().to_string()
        ),
    );
    write(
        &app.join("src/main.rs"),
        "fn main() {\n    use coex_runtime::*;\n    let a = route(Mode::Islands, Client::Teams, Homed::Online, Mode::SfBOnly, Scope::InTenant).unwrap();\n    println!(\"{} {}\", a.lands, a.thread);\n}\n",
    );
    // Same dependency versions as the workspace, and no network needed.
    std::fs::copy(workspace.join("Cargo.lock"), app.join("Cargo.lock")).expect("copy lock");
    let target = workspace.join("target/downstream-test");
    let build = |rules: &Path| {
        Command::new(cargo())
            .args(["run", "--quiet", "--offline", "--manifest-path"])
            .arg(app.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .env("COEX_RULES_DIR", rules)
            .env_remove("RUSTFLAGS")
            .output()
            .expect("run cargo")
    };

    let ok = build(&rules);
    assert!(
        ok.status.success(),
        "downstream build failed:\n{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "SfB Interop");

    // Break the rules: drop a row of table 1b.
    let route = rules.join("route.coex");
    let text = std::fs::read_to_string(&route).expect("route.coex");
    let row = text
        .lines()
        .find(|l| {
            l.contains("| Islands")
                && l.contains("| Teams")
                && l.contains("| Online")
                && l.contains("| SfBAny")
                && l.contains("| InTenant")
        })
        .expect("the Islands/Teams/Online row of table 1b");
    std::fs::write(&route, text.replace(&format!("{row}\n"), "")).expect("write");
    let broken = build(&rules);
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        !broken.status.success(),
        "a broken rule set must fail the build"
    );
    assert!(stderr.contains("error[E0009/gap]"), "{stderr}");
    assert!(stderr.contains("route.coex"), "{stderr}");
}
