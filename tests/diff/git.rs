//! `coex diff --git REV`: a temporary repository holding the shipped rules
//! and a fixture, compared with its working tree; git errors.

use super::{coex, root, snapshot, transcript};
use std::path::Path;
use std::process::Command;

/// Run git in `dir`, with an identity so that commits work anywhere.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "coex tests")
        .env("GIT_AUTHOR_EMAIL", "tests@example.com")
        .env("GIT_COMMITTER_NAME", "coex tests")
        .env("GIT_COMMITTER_EMAIL", "tests@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        transcript(&output)
    );
}

fn copy_rule_set(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for file in coex::fs::rule_files(from).expect("rule files") {
        std::fs::copy(&file, to.join(file.file_name().expect("a name"))).expect("copy");
    }
}

/// A temporary repository holding the shipped rules in `rules/` and a
/// fixture in `small/`, committed.
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("temp dir");
    let path = repo.path();
    copy_rule_set(&root().join("rules"), &path.join("rules"));
    copy_rule_set(
        &root().join("tests/fixtures/diff/failing_expect/old"),
        &path.join("small"),
    );
    git(path, &["init", "-q"]);
    git(path, &["add", "rules", "small"]);
    git(
        path,
        &["-c", "commit.gpgsign=false", "commit", "-q", "-m", "rules"],
    );
    repo
}

#[test]
fn git_head_against_the_working_tree() {
    let repo = repository();
    let path = repo.path();
    let same = coex(&["diff", "--git", "HEAD", "--rules", "rules"], path);
    assert_eq!(same.status.code(), Some(0), "{}", transcript(&same));
    // `rules` is the default, from a subdirectory too.
    let default = coex(&["diff", "--git", "HEAD"], path);
    assert_eq!(default.status.code(), Some(0), "{}", transcript(&default));
    let inside = coex(
        &["diff", "--git", "HEAD", "--rules", "."],
        &path.join("rules"),
    );
    assert_eq!(inside.status.code(), Some(0), "{}", transcript(&inside));

    // An edit of the working tree is a difference.
    let vocabulary = path.join("rules/vocabulary.coex");
    let mut text = std::fs::read_to_string(&vocabulary).expect("read");
    text.push_str("\nenum AddedByTheTest { One, Two }\n");
    std::fs::write(&vocabulary, text).expect("write");
    let edited = coex(&["diff", "--git", "HEAD", "--rules", "rules"], path);
    assert_eq!(edited.status.code(), Some(1), "{}", transcript(&edited));
    assert!(String::from_utf8_lossy(&edited.stdout).contains("enum `AddedByTheTest`: added"));

    // The old side's files are named `REV:path`.
    std::fs::copy(
        root().join("tests/fixtures/diff/failing_expect/new/rules.coex"),
        path.join("small/rules.coex"),
    )
    .expect("copy");
    let small = coex(&["diff", "--git", "HEAD", "--rules", "small"], path);
    assert_eq!(small.status.code(), Some(1));
    snapshot("diff_cli__git", &transcript(&small));
}

#[test]
fn git_errors_are_clear_and_exit_2() {
    let repo = repository();
    let path = repo.path();
    let unknown = coex(&["diff", "--git", "no-such-rev"], path);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown git revision `no-such-rev`"));

    std::fs::create_dir(path.join("later")).expect("mkdir");
    let absent = coex(&["diff", "--git", "HEAD", "--rules", "later"], path);
    assert_eq!(absent.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&absent.stderr)
        .contains("the directory `later` does not exist at git revision `HEAD`"));

    let plain = tempfile::tempdir().expect("temp dir");
    copy_rule_set(
        &root().join("tests/fixtures/diff/failing_expect/old"),
        &plain.path().join("rules"),
    );
    let not_a_repo = coex(&["diff", "--git", "HEAD"], plain.path());
    assert_eq!(not_a_repo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&not_a_repo.stderr).contains("is not in a git repository"));
}
