//! Helpers the documentation tests share (`tests/readme.rs`, `tests/docs.rs`):
//! a scratch copy of a directory, and a shell line run as the docs show it.

use std::path::Path;
use std::process::Command;

/// Copy the directory `from`, recursively, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Run one shell line in `dir` without colour: stdout, then stderr.
pub fn sh(command: &str, dir: &Path) -> String {
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
