//! Reading a rule set as it was at a git revision (`coex diff --git REV`),
//! by running `git`: the `.coex` blobs directly inside the directory's tree
//! at that revision, named `REV:path/file.coex`.

use coex::limits::MAX_FILE_BYTES;
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
    let mut files: Vec<Entry> = entries(&listing)
        .into_iter()
        .filter(|e| e.kind == "blob" && e.name.ends_with(".coex"))
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let mut sources = Sources::new();
    for file in files {
        let in_repository = if path.is_empty() {
            file.name.clone()
        } else {
            format!("{path}/{}", file.name)
        };
        let shown_name = format!("{rev}:{in_repository}");
        let bytes = if file.mode == SYMLINK {
            // A link's blob is its target's path; the rule file is the target.
            link_target(dir, rev, &in_repository, &file)?
        } else {
            blob(dir, &file.object, &shown_name)?
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            format!("`{shown_name}` is not UTF-8 text; rule files must be saved as UTF-8")
        })?;
        sources.add(shown_name, text);
    }
    Ok(sources)
}

/// The mode git gives a symbolic link.
const SYMLINK: &str = "120000";

/// One entry of `git ls-tree -z`: `<mode> <type> <object>\t<name>`.
struct Entry {
    mode: String,
    kind: String,
    object: String,
    name: String,
}

fn entries(listing: &[u8]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split(' ');
        if let (Some(mode), Some(kind), Some(object)) =
            (fields.next(), fields.next(), fields.next())
        {
            entries.push(Entry {
                mode: mode.to_string(),
                kind: kind.to_string(),
                object: object.to_string(),
                name: name.to_string(),
            });
        }
    }
    entries
}

/// The content of the file a symbolic link at `path` (relative to the
/// repository's top) points to at `rev`, following links up to 40 deep, as
/// the operating system does.
fn link_target(dir: &Path, rev: &str, path: &str, link: &Entry) -> Result<Vec<u8>, String> {
    let broken =
        |why: &str| format!("`{rev}:{path}` is a symbolic link that cannot be followed: {why}");
    let mut at = path.to_string();
    let mut object = link.object.clone();
    for _ in 0..40 {
        let target =
            String::from_utf8_lossy(&git(dir, &["cat-file", "blob", &object])?).into_owned();
        let parent = at.rsplit_once('/').map_or("", |(parent, _)| parent);
        at = normalize(parent, &target)
            .ok_or_else(|| broken(&format!("`{target}` is outside the repository")))?;
        let listing = git(dir, &["ls-tree", "-z", "--full-tree", rev, "--", &at])?;
        let Some(entry) = entries(&listing).into_iter().next() else {
            return Err(broken(&format!("`{at}` does not exist at `{rev}`")));
        };
        if entry.mode == SYMLINK {
            object = entry.object;
            continue;
        }
        if entry.kind != "blob" {
            return Err(broken(&format!("`{at}` is not a file at `{rev}`")));
        }
        return blob(dir, &entry.object, &format!("{rev}:{at}"));
    }
    Err(broken("too many levels of symbolic links"))
}

/// `target` (a link's text) read from the directory `parent`, both relative
/// to the repository's top, as a path from the top; `None` when it is
/// absolute or leaves the repository.
fn normalize(parent: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = parent.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A blob's bytes, unless it is larger than a rule file may be (its size
/// is asked first, so a huge blob is not read into memory).
fn blob(dir: &Path, object: &str, shown: &str) -> Result<Vec<u8>, String> {
    let size = git(dir, &["cat-file", "-s", object])?;
    let size: u64 = String::from_utf8_lossy(&size)
        .trim()
        .parse()
        .unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "`{shown}` is more than {MAX_FILE_BYTES} bytes, the limit for a rule file \
             (E0017 limit-exceeded; the limits are listed in docs/RELIABILITY.md)"
        ));
    }
    git(dir, &["cat-file", "blob", object])
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
