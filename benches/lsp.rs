//! How long after an edit `coex lsp` publishes fresh diagnostics for the
//! shipped rules: `cargo bench --bench lsp`.
//!
//! The server runs in this process on an in-memory connection, exactly as
//! `coex lsp` runs it on stdio. Each iteration sends a `didChange` of
//! `rules/route.coex` (the whole text, with a comment line that alternates)
//! and waits for the `publishDiagnostics` of that version: reading the
//! other files, compiling the whole rule set on the worker thread, indexing
//! names and converting diagnostics. Figures are in docs/EDITORS.md.
#![forbid(unsafe_code)]

use coex::lsp::Connection;
use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

fn wait_for_version(client: &Connection, uri: &str, version: i32) {
    loop {
        let message = client
            .receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("diagnostics within a minute");
        if let Message::Notification(n) = message {
            if n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
                && n.params["version"] == version
            {
                return;
            }
        }
    }
}

fn after_an_edit(c: &mut Criterion) {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let path = rules
        .join("route.coex")
        .canonicalize()
        .expect("rules/route.coex");
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).expect("rules/route.coex");

    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || coex::lsp::run(&server).map_err(|e| e.to_string()));
    let send = |message: Message| client.sender.send(message).expect("server is running");
    send(
        Request::new(
            RequestId::from(1),
            "initialize".to_string(),
            json!({"capabilities": {}}),
        )
        .into(),
    );
    let _ = client
        .receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("initialize result");
    send(Notification::new("initialized".to_string(), json!({})).into());
    let notify = |method: &str, params: Value| {
        send(Notification::new(method.to_string(), params).into());
    };
    notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "coex", "version": 1, "text": text}}),
    );
    wait_for_version(&client, &uri, 1);

    let mut version = 1;
    c.bench_function(
        "diagnostics for the shipped rules after an edit of route.coex",
        |b| {
            b.iter(|| {
                version += 1;
                let edited = format!("{text}// edit {}\n", version % 2);
                notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"text": edited}]}),
                );
                wait_for_version(&client, &uri, version);
            })
        },
    );

    send(Request::new(RequestId::from(2), "shutdown".to_string(), Value::Null).into());
    send(Notification::new("exit".to_string(), Value::Null).into());
    drop(client);
    thread.join().expect("server thread").expect("server ran");
}

criterion_group!(benches, after_an_edit);
criterion_main!(benches);
