//! Reading a rule set as it was at a git revision (`coex diff --git REV`),
//! by running `git`: the `.coex` blobs directly inside the directory's tree
//! at that revision, named `REV:path/file.coex`.

use coex::source::Sources;
use std::path::Path;
use std::process::Command;

/// The rule set in `dir` (a directory of the working tree) as it was at
/// `rev`. Errors are messages for the user.
pub fn read_rule_set_at(rev: &str, dir: &Path) -> Result<Sources, String> {
    let shown = dir.display();
    // The directory relative to the repository's top level ("" at the top).
    let prefix = git(dir, &["rev-parse", "--show-prefix"]).map_err(|e| {
        format!("`{shown}` is not in a git repository, so `--git` cannot read it at `{rev}` ({e})")
    })?;
    let path = String::from_utf8_lossy(&prefix)
        .trim()
        .trim_end_matches('/')
        .to_string();
    if rev.starts_with('-') {
        return Err(format!("`{rev}` is not a git revision"));
    }
    git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("unknown git revision `{rev}`"))?;
    let tree = format!("{rev}:{path}");
    let kind = git(dir, &["cat-file", "-t", &tree])
        .map_err(|_| format!("the directory `{path}` does not exist at git revision `{rev}`"))?;
    if kind.trim_ascii() != b"tree" {
        return Err(format!(
            "`{path}` is not a directory at git revision `{rev}`"
        ));
    }
    let listing = git(dir, &["ls-tree", "-z", "--full-tree", &tree])?;
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // `<mode> <type> <object>\t<name>`
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split(' ');
        let (kind, object) = (fields.nth(1), fields.next());
        if let (Some("blob"), Some(object)) = (kind, object) {
            if name.ends_with(".coex") {
                files.push((name.to_string(), object.to_string()));
            }
        }
    }
    files.sort();
    let mut sources = Sources::new();
    for (name, object) in files {
        let shown_name = if path.is_empty() {
            format!("{rev}:{name}")
        } else {
            format!("{rev}:{path}/{name}")
        };
        let bytes = git(dir, &["cat-file", "blob", &object])?;
        let text = String::from_utf8(bytes).map_err(|_| {
            format!("`{shown_name}` is not UTF-8 text; rule files must be saved as UTF-8")
        })?;
        sources.add(shown_name, text);
    }
    Ok(sources)
}

/// Run `git ARGS` in `dir`; its stdout, or a message with git's stderr.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run `git`: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            stderr.trim().lines().next().unwrap_or("no message")
        ))
    }
}
