//! A crate outside this workspace, with rules of its own, as a user would
//! write it: `examples/migration-planner` copied to a temporary directory.
//! It builds with coex-build and answers through `include_tables!()`; a rule
//! edit rebuilds it with the new answer; a broken rule fails its build with
//! coex's diagnostics and a one-line error; the generated file names no
//! absolute path. Runs cargo offline, on the workspace's lock file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the workspace")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

struct App {
    dir: PathBuf,
    target: PathBuf,
}

impl App {
    /// The example crate, on its own: its manifest no longer inherits from
    /// this workspace and names coex-runtime and coex-build by path.
    fn new(temp: &Path) -> App {
        let workspace = workspace();
        let dir = temp.join("migration-planner");
        copy_dir(&workspace.join("examples/migration-planner"), &dir);
        let manifest = format!(
            "[package]\nname = \"migration-planner\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\ncoex-runtime = {{ path = {:?} }}\n\n\
             [build-dependencies]\ncoex-build = {{ path = {:?} }}\n\n[workspace]\n",
            workspace.join("runtime").display().to_string(),
            workspace.join("coex-build").display().to_string(),
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).expect("manifest");
        // Same dependency versions as the workspace, and no network needed.
        std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock");
        App {
            dir,
            target: workspace.join("target/downstream-test"),
        }
    }

    /// `cargo run -- ARGS` in the crate.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
            .args(["run", "--quiet", "--offline", "--manifest-path"])
            .arg(self.dir.join("Cargo.toml"))
            .arg("--")
            .args(args)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("RUSTFLAGS")
            .output()
            .expect("run cargo")
    }

    fn answer(&self, homed: &str, mode: &str) -> Output {
        self.run(&[homed, mode])
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.join("rules").join(file);
        let text = std::fs::read_to_string(&path).expect("rule file");
        assert!(text.contains(from), "{from:?} not in {file}");
        std::fs::write(&path, text.replace(from, to)).expect("write rule file");
    }
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "the downstream build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_crate_with_its_own_rules_builds_rebuilds_and_fails_with_diagnostics() {
    let temp = tempfile::tempdir().expect("temp dir");
    let app = App::new(temp.path());

    // It builds, and answers from its own rules.
    assert_eq!(
        stdout(&app.answer("OnPrem", "Islands")),
        "Islands (rules/planner.coex:16)"
    );

    // The generated tables name the rule set as written, never the disk.
    let generated: Vec<PathBuf> = walk(&app.target.join("debug/build"))
        .into_iter()
        .filter(|p| p.ends_with("out/coex_tables.rs"))
        .collect();
    assert!(!generated.is_empty(), "no generated tables found");
    for file in &generated {
        let code = std::fs::read_to_string(file).expect("generated file");
        assert!(code.contains("\"rules/planner.coex\""));
        assert!(
            !code.contains(&*temp.path().to_string_lossy()),
            "absolute path in {file:?}"
        );
    }

    // A rule edit is picked up by the next build (rerun-if-changed).
    app.edit(
        "planner.coex",
        "| OnPrem | Islands                       || Islands                       |",
        "| OnPrem | Islands                       || SfBWithTeamsCollabAndMeetings |",
    );
    app.edit(
        "planner.coex",
        "expect next_mode(OnPrem, Islands) == Islands",
        "expect next_mode(OnPrem, Islands) == SfBWithTeamsCollabAndMeetings",
    );
    assert_eq!(
        stdout(&app.answer("OnPrem", "Islands")),
        "SfBWithTeamsCollabAndMeetings (rules/planner.coex:16)"
    );

    // A broken rule fails the build with coex's diagnostic, paths as the
    // user wrote them, and a one-line error.
    app.edit(
        "planner.coex",
        "    | OnPrem | Islands ",
        "    | OnPrem | Islands                       || Islands                       |\n    | OnPrem | Islands ",
    );
    let broken = app.answer("OnPrem", "Islands");
    assert!(!broken.status.success(), "a broken rule set built");
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr
            .contains("error[E0010/conflict]: rows of `next_mode` decide the same input two ways"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ rules/planner.coex:17:5"), "{stderr}");
    assert!(
        stderr.contains("Error: the rule set `rules` has errors (1 error, 0 warnings); no tables were generated"),
        "{stderr}"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
