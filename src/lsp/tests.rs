//! The features on a snapshot, without a connection (`tests/lsp.rs` runs the
//! whole server over stdio).

use super::completion::complete;
use super::documents::{RuleSet, SetKey};
use super::index::Symbol;
use super::positions::Encoding;
use super::snapshot::Snapshot;
use super::{hover, inlay_hints, navigation};
use crate::source::{FileId, Sources};
use lsp_types::Url;

const RULES: &str = "\
enum Mode { Islands, SfBOnly, TeamsOnly alias Upgraded }
enum Landing { Teams, SfB }
enum Thread { Native, Interop }
set NotTeams: Mode = Islands, SfBOnly

/// Where a chat lands.
decision route(sender: Mode, recipient: Mode) -> (lands: Landing, thread: Thread) {
    table \"all\"
    | sender | recipient || lands | thread |
    | *      | TeamsOnly || Teams | Native |
    | *      | NotTeams  || SfB   | Interop |
}

expect route(Upgraded, Islands) == (SfB, Interop)
expect route(sender: Islands, recipient: TeamsOnly) == (Teams, Native)
";

fn snapshot(text: &str) -> Snapshot {
    let mut sources = Sources::new();
    sources.add("rules.coex", text);
    let uri = Url::parse("untitled:rules.coex").unwrap();
    let rule_set = RuleSet {
        sources,
        uris: vec![uri.clone()],
        versions: vec![Some(1)],
    };
    Snapshot::build(SetKey::Buffer(uri), 1, rule_set, Encoding::Utf16)
}

fn labels(text: &str, model_text: &str, at: &str) -> Vec<String> {
    let s = snapshot(model_text);
    let model = s.compiled.model.as_ref().unwrap();
    let offset = text.find(at).unwrap() + at.len();
    complete(model, text, offset)
        .into_iter()
        .map(|i| i.label)
        .collect()
}

#[test]
fn completes_expect_arguments_by_position_and_by_name() {
    let positional = format!("{RULES}expect route(Islands, ");
    assert_eq!(
        labels(&positional, RULES, "route(Islands, "),
        ["Islands", "SfBOnly", "TeamsOnly"]
    );
    let outcome = format!("{RULES}expect route(Islands, SfBOnly) == (SfB, ");
    assert_eq!(labels(&outcome, RULES, "== (SfB, "), ["Native", "Interop"]);
    let named = format!("{RULES}expect route(recipient: ");
    assert_eq!(
        labels(&named, RULES, "route(recipient: "),
        ["Islands", "SfBOnly", "TeamsOnly"]
    );
}

#[test]
fn completes_cells_of_a_row_that_does_not_parse_yet() {
    // The half-written row is a syntax error; the names come from the
    // model of the last text that compiled.
    let typing = RULES.replace(
        "    | *      | NotTeams  || SfB   | Interop |\n",
        "    | *      | NotTeams  || SfB   | Interop |\n    | Islands | \n",
    );
    assert!(snapshot(&typing).compiled.model.is_none());
    let input = labels(&typing, RULES, "| Islands | ");
    assert_eq!(input, ["Islands", "SfBOnly", "TeamsOnly", "NotTeams"]);
    let output = RULES.replace("|| SfB   | Interop |", "|| SfB   | ");
    assert_eq!(labels(&output, RULES, "|| SfB   | "), ["Native", "Interop"]);
}

#[test]
fn an_alias_is_a_reference_to_its_value() {
    let s = snapshot(RULES);
    let at = RULES.find("Upgraded,").unwrap();
    let occurrence = s.index.at(FileId(0), at).unwrap();
    assert_eq!(
        occurrence.symbol,
        Symbol::Value {
            enum_name: "Mode".to_string(),
            value: "TeamsOnly".to_string()
        }
    );
    let definition = navigation::definition(&s, FileId(0), at).unwrap();
    assert_eq!(definition.range.start.line, 0);
    // The declaration, its alias, a cell and both `expect`s.
    assert_eq!(navigation::references(&s, FileId(0), at, true).len(), 5);
    assert_eq!(navigation::references(&s, FileId(0), at, false).len(), 4);
}

#[test]
fn hover_on_a_decision_shows_its_signature_and_docs() {
    let s = snapshot(RULES);
    let at = RULES.find("route(Upgraded").unwrap();
    let hover = hover::hover(&s, FileId(0), at).unwrap();
    let lsp_types::HoverContents::Markup(content) = hover.contents else {
        panic!("markdown")
    };
    assert_eq!(
        content.value,
        "```coex\ndecision route(sender: Mode, recipient: Mode) -> (lands: Landing, thread: Thread)\n```\n\nWhere a chat lands."
    );
}

#[test]
fn inlay_hints_name_positional_arguments_only() {
    let s = snapshot(RULES);
    let hints = inlay_hints::inlay_hints(&s, FileId(0), 0..RULES.len());
    let labels: Vec<String> = hints
        .iter()
        .map(|h| match &h.label {
            lsp_types::InlayHintLabel::String(s) => s.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    // The second `expect` names its inputs, not its outputs.
    assert_eq!(
        labels,
        [
            "sender:",
            "recipient:",
            "lands:",
            "thread:",
            "lands:",
            "thread:"
        ]
    );
}

#[test]
fn edits_queued_before_a_compile_are_compiled_once_as_the_newest_text() {
    use lsp_server::{Message, Notification, Request, RequestId};
    use serde_json::{json, Value};
    let (server, client) = super::Connection::memory();
    let uri = "untitled:rules.coex";
    let notification = |method: &str, params: Value| -> Message {
        Notification::new(method.to_string(), params).into()
    };
    let change = |version: i32, text: &str| {
        notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": text}]}),
        )
    };
    // Everything is queued before the server reads anything.
    let queued = [
        Request::new(
            RequestId::from(1),
            "initialize".to_string(),
            json!({"capabilities": {}}),
        )
        .into(),
        notification("initialized", json!({})),
        notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "coex", "version": 1,
                                    "text": "enum Broken {"}}),
        ),
        change(2, "enum StillBroken {"),
        change(3, RULES),
    ];
    for message in queued {
        client.sender.send(message).unwrap();
    }
    let thread = std::thread::spawn(move || super::run(&server).map_err(|e| e.to_string()));
    let next_published = || loop {
        let message = client
            .receiver
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("diagnostics within a minute");
        if let Message::Notification(n) = message {
            if n.method == "textDocument/publishDiagnostics" {
                return n.params;
            }
        }
    };
    // One compile, of the newest text: the rules are fine.
    let first = next_published();
    assert_eq!(first["version"], 3, "{first}");
    assert_eq!(first["diagnostics"], json!([]));
    // A later edit is compiled too.
    client.sender.send(change(4, "enum Broken {")).unwrap();
    let second = next_published();
    assert_eq!(second["version"], 4, "{second}");
    assert_eq!(second["diagnostics"][0]["code"], "E0001");
    client
        .sender
        .send(Request::new(RequestId::from(2), "shutdown".to_string(), Value::Null).into())
        .unwrap();
    client
        .sender
        .send(notification("exit", Value::Null))
        .unwrap();
    thread.join().unwrap().unwrap();
}
