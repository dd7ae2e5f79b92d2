//! `coex doc` as a user runs it: the pages of a small fixture rule set
//! (snapshots of their HTML), determinism, self-containment, escaping, and
//! the command's errors. The pages in a real browser: `tests/doc_browser.rs`.
//!
//! Refresh the snapshots with `INSTA_UPDATE=always cargo test --test doc`,
//! then read the diff of `snapshots/doc__*.snap`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn coex(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The site `coex doc ARGS -o TEMP` writes, run from the repository root:
/// `(file name, contents)` in name order.
fn site(args: &[&str]) -> Vec<(String, String)> {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("site");
    let mut all: Vec<&str> = vec!["doc"];
    all.extend(args);
    all.extend(["-o", target.to_str().expect("utf-8 path")]);
    let output = coex(&all, &root());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&target)
        .expect("the site directory")
        .map(|e| {
            let path = e.expect("entry").path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).expect("a page"),
            )
        })
        .collect();
    pages.sort();
    pages
}

const FIXTURE: &str = "tests/fixtures/doc/rules";

#[test]
fn fixture_site_pages() {
    let pages = site(&["--rules", FIXTURE]);
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["history.html", "index.html", "kettle.html", "tea.html"]
    );
    for (name, html) in &pages {
        let snapshot = format!("doc__{}", name.trim_end_matches(".html"));
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(snapshot, html);
        });
    }
}

#[test]
fn the_same_rules_give_the_same_bytes() {
    assert_eq!(
        site(&["--rules", FIXTURE]),
        site(&["--rules", FIXTURE]),
        "two runs of `coex doc` differ"
    );
}

#[test]
fn rule_text_cannot_break_out_of_the_markup() {
    let pages = site(&["--rules", FIXTURE]);
    let kettle = &pages.iter().find(|(n, _)| n == "kettle.html").unwrap().1;
    // The constraint's source says `</script><script>alert(1)</script>`:
    // escaped in the page text, `\u003c/script\u003e` in the embedded data.
    assert_eq!(
        kettle.matches("<script").count(),
        2,
        "only the page's own scripts"
    );
    assert_eq!(kettle.matches("</script>").count(), 2);
    assert!(kettle.contains("page 3 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(kettle.contains("page 3 \\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
    assert!(
        kettle.contains("a &lt;battery&gt; kettle has no switch &amp; can&#39;t be &#39;on&#39;")
    );
}

#[test]
fn shipped_site_has_every_decision_and_fetches_nothing() {
    let pages = site(&[]);
    let sources = coex::shipped::sources();
    let compiled = coex::compile(&sources);
    let model = compiled.valid_model().expect("the shipped rules check");
    for decision in &model.decisions {
        let file = coex::doc::page_file(decision);
        let (_, html) = pages
            .iter()
            .find(|(n, _)| *n == file)
            .unwrap_or_else(|| panic!("no page `{file}`"));
        assert!(
            html.contains("<table class=\"grid\">"),
            "{file} has no table"
        );
        assert!(html.contains("id=\"answer\""), "{file} has no answer");
        assert!(html.contains("id=\"decision-data\""), "{file} has no data");
    }
    assert_eq!(pages.len(), model.decisions.len() + 2);
    for (name, html) in &pages {
        for external in [" src=", "<link", "@import", "url(", "<iframe", "fetch("] {
            assert!(
                !html.contains(external),
                "{name} loads something: `{external}`"
            );
        }
        for href in html.split("href=\"").skip(1) {
            let target = &href[..href.find('"').unwrap()];
            assert!(
                !target.contains("://") && !target.starts_with("//"),
                "{name} links outside the site: {target}"
            );
        }
    }
    // The shipped rules' history, read from `rules/history/` beside them.
    let history = &pages.iter().find(|(n, _)| n == "history.html").unwrap().1;
    for set in ["2016-11", "2017-08", "2019-06", "2021-06", "2021-08"] {
        assert!(history.contains(&format!("id=\"set-{set}\"")), "{set}");
    }
}

#[test]
fn history_shows_what_coex_diff_reports() {
    let pages = site(&["--rules", FIXTURE]);
    let history = &pages.iter().find(|(n, _)| n == "history.html").unwrap().1;
    let diff = coex(
        &["diff", &format!("{FIXTURE}/history/2020-01"), FIXTURE],
        &root(),
    );
    let text = String::from_utf8_lossy(&diff.stdout);
    let summary = text.lines().last().expect("a summary line");
    assert!(
        history.contains(&format!("<p>{summary}.</p>")),
        "history.html lacks `{summary}`"
    );
    assert!(history.contains("<del>No / Dark</del></td><td><ins>No / Dim</ins>"));
}

#[test]
fn no_history_is_said_on_the_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["kettle.coex", "tea.coex", "vocabulary.coex"] {
        std::fs::copy(root().join(FIXTURE).join(file), dir.path().join(file)).expect("copy");
    }
    let rules = dir.path().to_str().unwrap().to_string();
    let pages = site(&["--rules", &rules]);
    let history = &pages.iter().find(|(n, _)| n == "history.html").unwrap().1;
    assert!(history.contains("No dated rule sets were given"));
}

#[test]
fn errors_name_the_directory() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("site");
    let target = target.to_str().unwrap();
    let output = coex(&["doc", "--history", "no/such/dir", "-o", target], &root());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error: `no/such/dir` is not a directory"));

    let output = coex(
        &[
            "doc",
            "--rules",
            FIXTURE,
            "--history",
            "tests/fixtures",
            "-o",
            target,
        ],
        &root(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: the dated rule set `tests/fixtures/check` has"),
        "{}",
        stderr(&output)
    );

    let output = coex(
        &["doc", "--rules", "tests/fixtures/check", "-o", target],
        &root(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        !Path::new(target).exists(),
        "no site from rules with errors"
    );
}

#[test]
fn a_decision_too_large_for_a_page_and_one_named_like_a_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("big.coex"),
        "enum Digit { D0, D1, D2, D3, D4, D5, D6, D7, D8, D9 }\n\
         enum Answer { Yes }\n\n\
         /// Six digits: a million inputs.\n\
         decision index(a: Digit, b: Digit, c: Digit, d: Digit, e: Digit, f: Digit) -> answer: Answer {\n\
         \x20   table \"all\"\n\
         \x20   | a | b | c | d | e | f || answer |\n\
         \x20   | * | * | * | * | * | * || Yes    |\n\
         }\n",
    )
    .expect("write");
    let rules = dir.path().to_str().unwrap().to_string();
    let pages = site(&["--rules", &rules]);
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["history.html", "index.decision.html", "index.html"]);
    let index = &pages[2].1;
    assert!(index.contains("<a href=\"index.decision.html\"><code>index</code></a>"));
    let page = &pages[1].1;
    assert!(page.contains("1000000 inputs: 1000000 decided by 1 row in 1 table"));
    assert!(page
        .contains("too large to print as a table (10000 rows × 10 columns in each of 10 tables)"));
    assert!(page.contains("ask <code>coex eval index name=value ...</code> instead"));
    assert!(
        !page.contains("decision-data"),
        "a million entries are not embedded"
    );
    assert!(page.contains("<li id=\"rule-1\">"));
}
