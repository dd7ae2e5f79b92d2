//! `coex lsp` as an editor sees it: the binary runs as a server and this test
//! speaks JSON-RPC to it over stdio, on a copy of `tests/fixtures/lsp` (two
//! files: the vocabulary and a decision with a misspelt value).
//!
//! Every read has a timeout, so a server that hangs fails the test.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications read while waiting for something else.
    notifications: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start `coex lsp`");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            notifications: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next(deadline, method);
            if message.get("id") == Some(&json!(id)) {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
    }

    fn next(&mut self, deadline: Instant, waiting_for: &str) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("no answer to {waiting_for} in {TIMEOUT:?}"),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server closed its output while we waited for {waiting_for}")
            }
        }
    }

    /// The next diagnostics published for `uri`, after those already read.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let published = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(at) = self.notifications.iter().position(published) {
            let message = self.notifications.remove(at);
            return message["params"]["diagnostics"]
                .as_array()
                .expect("a list")
                .clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next(deadline, "diagnostics");
            if published(&message) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .expect("a list")
                    .clone();
            }
            self.notifications.push(message);
        }
    }

    fn exit(mut self) -> std::process::ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit after `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A copy of the fixture rule set in a fresh directory.
fn rule_set() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp");
    for file in ["vocabulary.coex", "route.coex"] {
        std::fs::copy(fixture.join(file), dir.path().join(file)).expect("copy fixture");
    }
    dir
}

fn uri(path: &Path) -> String {
    let path = path.canonicalize().expect("canonical path");
    format!("file://{}", path.display())
}

/// Apply LSP text edits (UTF-16 columns; the fixture is ASCII) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + character
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut text = text.to_string();
    for (start, end, new) in edits {
        text.replace_range(start..end, &new);
    }
    text
}

fn position_of(text: &str, needle: &str, nth: usize) -> Value {
    let at = text.match_indices(needle).nth(nth).expect("needle").0;
    let line = text[..at].matches('\n').count();
    let character = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": character})
}

fn hover_text(client: &mut Client, uri: &str, text: &str, needle: &str, nth: usize) -> String {
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(text, needle, nth)}),
    );
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover on {needle:?}: {hover}"))
        .to_string()
}

fn code_action(client: &mut Client, uri: &str, diagnostic: &Value, title: &str) -> Value {
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    actions
        .as_array()
        .expect("a list of actions")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(title)))
        .unwrap_or_else(|| panic!("no action {title:?} in {actions}"))
        .clone()
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn an_editor_session() {
    let dir = rule_set();
    let route_path = dir.path().join("route.coex");
    let route = uri(&route_path);
    let vocabulary = uri(&dir.path().join("vocabulary.coex"));
    let mut text = std::fs::read_to_string(&route_path).expect("fixture");
    let vocabulary_text =
        std::fs::read_to_string(dir.path().join("vocabulary.coex")).expect("fixture");

    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {
            "general": {"positionEncodings": ["utf-16"]}
        }}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "coex");
    client.notify("initialized", json!({}));

    // Open the broken file: the misspelt value is an error at its place,
    // with the did-you-mean; the other file of the rule set has none.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": route, "languageId": "coex", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&route);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let typo = &diagnostics[0];
    assert_eq!(typo["code"], "E0002");
    assert_eq!(typo["severity"], 1);
    let start = position_of(&text, "Islnds", 0);
    assert_eq!(typo["range"]["start"], start);
    assert_eq!(
        typo["range"]["end"]["character"],
        start["character"].as_u64().unwrap() + "Islnds".len() as u64
    );
    assert!(typo["message"]
        .as_str()
        .unwrap()
        .contains("help: did you mean `Islands`?"));
    assert_eq!(client.diagnostics(&vocabulary), Vec::<Value>::new());

    // Hover: a value, a set in a cell, a cell's values, an input in a
    // header, a row's citation, a set's declaration across files.
    let hovers = [
        ("Islands", 1, "a value"),
        ("SfBAny", 0, "a set in a cell"),
        ("!TeamsOnly", 0, "a negated cell"),
        ("recipient_mode", 1, "an input in a header"),
        ("source \"seed 001, Table 1a\"", 0, "a row's source"),
    ];
    let mut hover_report = String::new();
    for (needle, nth, what) in hovers {
        let hovered = hover_text(&mut client, &route, &text, needle, nth);
        hover_report.push_str(&format!("==== {what}: `{needle}`\n{hovered}\n"));
    }
    snapshot("lsp__hover", &hover_report);

    // Go to definition: a set used in route.coex is declared in vocabulary.coex.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": route}, "position": position_of(&text, "SfBAny", 0)}),
    );
    assert_eq!(definition["uri"], vocabulary);
    assert_eq!(
        definition["range"]["start"],
        position_of(&vocabulary_text, "SfBAny", 0)
    );
    // Find references: every mention of `SfBAny`, the declaration included.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": route}, "position": position_of(&text, "SfBAny", 0),
               "context": {"includeDeclaration": true}}),
    );
    assert_eq!(references.as_array().unwrap().len(), 4, "{references}");

    // The outline: the enum, the decision and its two tables.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": route}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Landing", "route"]);
    let tables: Vec<&str> = symbols[1]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(tables, ["in-tenant", "federated"]);

    // Completion in a cell of `recipient_mode`: its values and its sets.
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": route}, "position": position_of(&text, "SfBAny ", 0)}),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Islands",
            "SfBOnly",
            "SfBWithTeamsCollab",
            "TeamsOnly",
            "SfBAny"
        ]
    );

    // Inlay hints name the inputs of the positional `expect`.
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": route}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    // Every positional `expect` names its three inputs.
    assert_eq!(labels.len() % 3, 0);
    for names in labels.chunks(3) {
        assert_eq!(names, ["sender_mode:", "recipient_mode:", "scope:"]);
    }

    // The did-you-mean quick fix, applied as the editor would.
    let fix = code_action(&mut client, &route, typo, "replace `Islnds` with `Islands`");
    let edits = fix["edit"]["changes"][&route].as_array().unwrap().clone();
    snapshot(
        "lsp__action_did_you_mean",
        &serde_json::to_string_pretty(&edits).unwrap(),
    );
    text = apply(&text, &edits);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": route, "version": 2},
               "contentChanges": [{"range": edits[0]["range"], "text": edits[0]["newText"]}]}),
    );

    // With names right, the checker finds the federated inputs undecided.
    let diagnostics = client.diagnostics(&route);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let gap = &diagnostics[0];
    assert_eq!(gap["code"], "E0009");
    assert_eq!(gap["range"]["start"], position_of(&text, "route", 0));

    // Fill the gap: rows for the undecided patterns, placeholder outcomes.
    let fill = code_action(&mut client, &route, gap, "insert 2 rows");
    let edits = fill["edit"]["changes"][&route].as_array().unwrap().clone();
    snapshot(
        "lsp__action_fill_gap",
        &serde_json::to_string_pretty(&edits).unwrap(),
    );
    text = apply(&text, &edits);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": route, "version": 3},
               "contentChanges": [{"text": text}]}),
    );
    // Fixed: the errors are cleared; the inserted rows, placeholders that
    // no example exercises yet, are warned about (W0007) and nothing else.
    let left = client.diagnostics(&route);
    assert!(
        !left.is_empty() && left.iter().all(|d| d["code"] == "W0007"),
        "{left:?}"
    );

    // Formatting lines the inserted rows up with the table.
    let formatting = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": route}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let edits = formatting.as_array().unwrap().clone();
    assert_eq!(edits.len(), 1, "{formatting}");
    text = apply(&text, &edits);
    snapshot("lsp__formatted", &text);
    assert_eq!(
        coex::format::format_text(coex::source::FileId(0), &text).unwrap(),
        text
    );

    let status = client.exit();
    assert!(status.success(), "{status}");
}

#[test]
fn a_conflict_within_a_table_offers_ordered() {
    let dir = rule_set();
    let route_path = dir.path().join("route.coex");
    let route = uri(&route_path);
    let text = std::fs::read_to_string(&route_path)
        .unwrap()
        .replace("Islnds", "Islands")
        .replace(
            "| TeamsOnly   | TeamsOnly      | Federated || Teams |",
            "| TeamsOnly   | TeamsOnly      | Federated || Teams |\n    | *           | *              | Federated || SfB   |",
        );
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16"]}
        }}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": route, "languageId": "coex", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&route);
    let conflict = diagnostics
        .iter()
        .find(|d| d["code"] == "E0010")
        .unwrap_or_else(|| panic!("a conflict in {diagnostics:?}"));
    // Both rows: the primary one and the other as related information.
    let related = conflict["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 2);
    assert_eq!(related[1]["location"]["uri"], route);
    let action = code_action(
        &mut client,
        &route,
        conflict,
        "mark table \"federated\" `ordered`",
    );
    let edits = action["edit"]["changes"][&route]
        .as_array()
        .unwrap()
        .clone();
    let fixed = apply(&text, &edits);
    assert!(fixed.contains("table \"federated\" ordered\n"));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": route, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    // No error is left; the row the conflict was about now decides inputs
    // no example exercises, which W0007 says.
    let left: Vec<Value> = client.diagnostics(&route);
    assert!(left.iter().all(|d| d["code"] == "W0007"), "{left:?}");
    assert!(client.exit().success());
}

/// Run `coex lsp` on a fixed input; its exit status and stderr.
fn run_on(input: &[u8]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coex"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start `coex lsp`");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("`coex lsp` did not stop at the end of its input");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("read stderr");
    (status, stderr)
}

fn framed(messages: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for message in messages {
        let body = message.to_string();
        out.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes());
    }
    out
}

#[test]
fn a_broken_stream_is_an_error_not_a_hang() {
    let (status, stderr) = run_on(b"garbage\r\n\r\n");
    assert_eq!(status.code(), Some(1));
    assert!(stderr.contains("malformed header"), "{stderr}");

    let (status, stderr) = run_on(b"");
    assert_eq!(status.code(), Some(1));
    assert!(
        stderr.contains("closed the connection before `initialize`"),
        "{stderr}"
    );

    // LSP: `exit` without `shutdown` first ends the server with status 1.
    let (status, stderr) = run_on(&framed(&[
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
    ]));
    assert_eq!(status.code(), Some(1));
    assert!(stderr.contains("`exit` before `shutdown`"), "{stderr}");
}

#[test]
fn shutdown_and_exit_sent_together_end_the_server_cleanly() {
    let (status, stderr) = run_on(&framed(&[
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
    ]));
    assert!(status.success(), "{status}: {stderr}");
}
