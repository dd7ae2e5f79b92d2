//! The site of the shipped rules in a real browser: headless Chromium loads
//! the pages from `file://` and the test reads the DOM it rendered.
//!
//! - every decision page, loaded in the browser, has its table(s) and its
//!   answer element;
//! - a question in the URL fragment is answered on load, the way a pasted
//!   link opens: outputs and the deciding row, or the reason an input is
//!   impossible, and a clear message for an unknown name;
//! - choosing values in the form puts the question in the fragment;
//! - for **every** input of `route`, the answer the page gives after its
//!   fragment changes is the one `coex eval --batch` gives (outputs and the
//!   row's file and line, or the impossible reason), and the table cell the
//!   page outlines for it says the same outputs.
//!
//! One Chromium run does it all: the test writes a harness page next to the
//! site that opens the real pages in frames (`--allow-file-access-from-files`
//! lets it read their DOM) and reports what they show; the pages themselves
//! are not changed. One more run loads a question link directly. Without
//! Chromium the test is skipped with a message, unless `CI` is set (then it
//! fails): install it with `apt-get install chromium`.

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Chromium binary, or `None` (and a message) when the test should be
/// skipped; in CI a missing browser is a failure.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed, and CI is set: the browser test must run (apt-get install chromium)");
        }
        eprintln!("skipped: chromium is not installed (apt-get install chromium); the browser test of `coex doc` did not run");
    }
    found
}

/// Run headless Chromium on a URL and return the DOM after the page's
/// scripts ran (virtual time lets timers and events finish first).
fn dump_dom(browser: &Path, profile: &Path, url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=60000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut out).expect("read the DOM");
        out
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("chromium did not finish {url} within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader")
}

/// The text of the element with this id in a dumped DOM (the dump escapes
/// `&`, `<` and `>` in text).
fn element_text(dom: &str, id: &str) -> String {
    let open = format!("id=\"{id}\"");
    let start = dom
        .find(&open)
        .unwrap_or_else(|| panic!("no #{id} in\n{dom}"));
    let start = start + dom[start..].find('>').unwrap() + 1;
    let end = start + dom[start..].find("</").unwrap();
    dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Every input of a decision, as `(name, value)` lists, in table order.
fn every_input(model: &coex::model::Model, decision: &str) -> Vec<Vec<(String, String)>> {
    let d = model.decision_named(decision).expect("the decision");
    let mut all = vec![Vec::new()];
    for input in &d.inputs {
        let values = &model.enums[input.enum_id].values;
        all = all
            .into_iter()
            .flat_map(|prefix: Vec<(String, String)>| {
                values.iter().map(move |v| {
                    let mut next = prefix.clone();
                    next.push((input.name.clone(), v.name.clone()));
                    next
                })
            })
            .collect();
    }
    all
}

/// `coex eval --batch --explain` on these inputs: one JSON answer each.
fn eval_batch(decision: &str, inputs: &[Vec<(String, String)>]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["eval", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run coex eval --batch");
    let mut lines = String::new();
    for input in inputs {
        let named: serde_json::Map<String, Value> = input
            .iter()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect();
        lines
            .push_str(&json!({"decision": decision, "inputs": named, "explain": true}).to_string());
        lines.push('\n');
    }
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(lines.as_bytes())
        .expect("write the batch");
    let output = child.wait_with_output().expect("coex eval --batch");
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON answer"))
        .collect()
}

fn fragment(input: &[(String, String)]) -> String {
    input
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the page should show for an answer of `coex eval --batch`: the
/// answer, and the table cell it outlines (its outputs joined as `coex
/// table` joins them; for an impossible input, a hatched cell or none).
fn expected(answer: &Value) -> Value {
    match answer.get("outputs") {
        Some(outputs) => {
            let rule = &answer["rule"];
            let cell: Vec<&str> = outputs
                .as_object()
                .expect("outputs")
                .values()
                .map(|v| v.as_str().expect("a value"))
                .collect();
            json!({
                "kind": "outputs",
                "outputs": outputs,
                "at": format!("{}:{}", rule["file"].as_str().unwrap(), rule["line"]),
                "text": rule["text"],
                "cell": cell.join(" / "),
            })
        }
        None => {
            let impossible = &answer["impossible"];
            json!({
                "kind": "impossible",
                "verdict": answer["error"],
                "at": format!("{}:{}", impossible["file"].as_str().unwrap(), impossible["line"]),
                "cell": true,
            })
        }
    }
}

const HARNESS: &str = include_str!("doc_browser_harness.html");

#[test]
fn the_site_in_a_browser() {
    let Some(browser) = chromium() else {
        return;
    };
    let started = Instant::now();
    let work = tempfile::tempdir().expect("temp dir");
    let site = work.path().join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(["doc", "-o"])
        .arg(&site)
        .current_dir(root())
        .output()
        .expect("run coex doc");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let sources = coex::shipped::sources();
    let compiled = coex::compile(&sources);
    let model = compiled.valid_model().expect("the shipped rules check");
    let pages: Vec<String> = model.decisions.iter().map(coex::doc::page_file).collect();
    let route = every_input(&model, "route");
    let answers = eval_batch("route", &route);
    let questions: Vec<String> = route.iter().map(|i| fragment(i)).collect();
    let harness = HARNESS.replace(
        "/*PLAN*/null",
        &json!({"pages": pages, "questions": questions}).to_string(),
    );
    std::fs::write(site.join("harness.html"), harness).expect("write the harness");
    let profile = work.path().join("profile");
    let dom = dump_dom(
        &browser,
        &profile,
        &format!("file://{}", site.join("harness.html").display()),
    );
    let results: Value = serde_json::from_str(&element_text(&dom, "results"))
        .unwrap_or_else(|e| panic!("the harness did not finish ({e}):\n{dom}"));

    // Every decision page renders its tables and an answer element.
    for page in &pages {
        let seen = &results["pages"][page];
        assert!(seen["tables"].as_u64().unwrap_or(0) >= 1, "{page}: {seen}");
        assert_eq!(seen["answer"], json!(true), "{page}: {seen}");
        assert_eq!(seen["kind"], json!("empty"), "{page}: {seen}");
    }

    // Every input of route, asked through the fragment, as coex eval answers it.
    let shown = results["questions"].as_array().expect("answers");
    assert_eq!(shown.len(), route.len());
    for ((question, answer), page) in questions.iter().zip(&answers).zip(shown) {
        assert_eq!(page, &expected(answer), "route.html#{question}");
    }

    // A link opened cold: the on-load path, with names and values in another
    // case and an alias, as `coex eval` accepts them.
    let loaded = &results["loaded"];
    assert_eq!(loaded["kind"], json!("outputs"), "{loaded}");
    let eval = eval_batch(
        "route",
        &[vec![
            ("sender_mode".into(), "Islands".into()),
            ("sender_client".into(), "Teams".into()),
            ("sender_homed".into(), "Online".into()),
            (
                "recipient_mode".into(),
                "SfBWithTeamsCollabAndMeetings".into(),
            ),
            ("scope".into(), "InTenant".into()),
        ]],
    );
    assert_eq!(loaded, &expected(&eval[0]));

    // An unknown name is a clear message, not a silent blank.
    let unknown = &results["unknown"];
    assert_eq!(unknown["kind"], json!("error"), "{unknown}");
    assert_eq!(
        unknown["message"],
        json!("error: `sender` is not an input of `route`; its inputs are `sender_mode`, `sender_client`, `sender_homed`, `recipient_mode`, `scope`")
    );

    // A link to a part of the page is not a question.
    assert_eq!(
        results["anchor"]["kind"],
        json!("empty"),
        "{}",
        results["anchor"]
    );

    // An unknown value: the message `coex eval` gives for it.
    let eval = eval_batch(
        "route",
        &[vec![
            ("scope".into(), "InTenant".into()),
            ("sender_mode".into(), "Nope".into()),
        ]],
    );
    assert_eq!(
        results["unknownValue"],
        json!({"kind": "error", "message": format!("error: {}", eval[0]["error"].as_str().unwrap())})
    );

    // The form writes the question into the fragment, one input at a time.
    let form = &results["form"];
    assert_eq!(
        form["partial"]["hash"],
        json!("#sender_mode=TeamsOnly"),
        "{form}"
    );
    assert_eq!(
        form["partial"]["message"],
        json!(
            "`route` needs a value for `sender_client`, `sender_homed`, `recipient_mode`, `scope`"
        )
    );
    assert_eq!(
        form["complete"]["hash"],
        json!("#sender_mode=TeamsOnly&sender_client=Teams&sender_homed=Online&recipient_mode=TeamsOnly&scope=Federated")
    );
    let eval = eval_batch(
        "route",
        &[vec![
            ("sender_mode".into(), "TeamsOnly".into()),
            ("sender_client".into(), "Teams".into()),
            ("sender_homed".into(), "Online".into()),
            ("recipient_mode".into(), "TeamsOnly".into()),
            ("scope".into(), "Federated".into()),
        ]],
    );
    assert_eq!(form["complete"]["answer"], expected(&eval[0]));

    // And the page itself, opened on an impossible question (no harness).
    let impossible = [
        ("sender_mode", "TeamsOnly"),
        ("sender_client", "SfB"),
        ("sender_homed", "Online"),
        ("recipient_mode", "Islands"),
        ("scope", "Federated"),
    ];
    let dom = dump_dom(
        &browser,
        &profile,
        &format!(
            "file://{}#{}",
            site.join("route.html").display(),
            impossible.map(|(n, v)| format!("{n}={v}")).join("&")
        ),
    );
    let eval = eval_batch(
        "route",
        &[impossible
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()],
    );
    let reason = eval[0]["error"].as_str().expect("an impossible answer");
    assert!(dom.contains("data-kind=\"impossible\""), "{dom}");
    assert!(dom.contains(reason), "the page does not say `{reason}`");
    eprintln!(
        "browser test: {} pages, {} questions in {:.1} s",
        pages.len(),
        questions.len(),
        started.elapsed().as_secs_f64()
    );
}
