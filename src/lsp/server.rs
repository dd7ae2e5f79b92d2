//! The main loop: documents in, snapshots from the worker, answers out.
//!
//! Notifications change the open documents and mark their rule sets dirty.
//! Every message already queued is handled before anything is compiled, so
//! a burst of keystrokes is one compile; then each dirty rule set goes to the
//! worker with a new generation number. A snapshot older than its rule set's
//! newest generation is dropped. Requests about positions (hover,
//! definition, ...) in a buffer whose newer text is still being compiled
//! wait for that snapshot rather than answer from stale offsets; completion
//! and formatting read the buffer itself and answer at once.

use super::documents::{Documents, SetKey};
use super::positions::{Encoding, LineIndex};
use super::snapshot::Snapshot;
use super::worker::{Job, Worker};
use super::{code_actions, completion, diagnostics, formatting, hover, inlay_hints, navigation};
use super::{Connection, Error};
use crossbeam_channel::Sender;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    InlayHintRequest, References, Request as _,
};
use lsp_types::{
    CancelParams, LogMessageParams, MessageType, NumberOrString, PublishDiagnosticsParams, Url,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    documents: Documents,
    worker: Worker,
    generation: u64,
    /// The newest generation submitted for each rule set.
    latest: HashMap<SetKey, u64>,
    snapshots: HashMap<SetKey, Rc<Snapshot>>,
    /// The newest snapshot with a model, for completion while a file does
    /// not parse.
    with_model: HashMap<SetKey, Rc<Snapshot>>,
    /// The documents each rule set last published diagnostics for.
    published: HashMap<SetKey, Vec<Url>>,
    /// Rule sets edited since the last compile was scheduled, in order.
    dirty: Vec<SetKey>,
    /// Requests waiting for the snapshot of their document's newest text.
    waiting: Vec<Request>,
}

impl Server {
    pub(crate) fn new(sender: Sender<Message>, encoding: Encoding) -> Result<Server, Error> {
        Ok(Server {
            sender,
            encoding,
            documents: Documents::default(),
            worker: Worker::spawn(encoding)?,
            generation: 0,
            latest: HashMap::new(),
            snapshots: HashMap::new(),
            with_model: HashMap::new(),
            published: HashMap::new(),
            dirty: Vec::new(),
            waiting: Vec::new(),
        })
    }

    pub(crate) fn serve(mut self, connection: &Connection) -> Result<(), Error> {
        let results = self.worker.results.clone();
        let mut shut_down = false;
        loop {
            crossbeam_channel::select! {
                recv(connection.receiver) -> message => {
                    let Ok(message) = message else {
                        return Ok(());
                    };
                    let batch: Vec<Message> =
                        std::iter::once(message).chain(connection.receiver.try_iter()).collect();
                    for message in batch {
                        match message {
                            Message::Request(request) if request.method == "shutdown" => {
                                shut_down = true;
                                self.send(Response::new_ok(request.id, Value::Null));
                            }
                            Message::Request(request) if shut_down => {
                                self.send(Response::new_err(
                                    request.id,
                                    ErrorCode::InvalidRequest as i32,
                                    "the server is shutting down".to_string(),
                                ));
                            }
                            Message::Request(request) => self.request(request),
                            Message::Notification(n) if n.method == "exit" => {
                                return if shut_down {
                                    Ok(())
                                } else {
                                    Err("`exit` before `shutdown`".into())
                                };
                            }
                            Message::Notification(n) => self.notification(n),
                            Message::Response(_) => {}
                        }
                    }
                    self.schedule();
                }
                recv(results) -> snapshot => {
                    if let Ok(snapshot) = snapshot {
                        self.accept(snapshot);
                    }
                }
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // The connection closes only when the client is gone; the loop then ends.
        let _ = self.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn log(&self, kind: MessageType, message: String) {
        self.notify::<LogMessage>(LogMessageParams { typ: kind, message });
    }

    // ------------------------------------------------------------ documents

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<DidOpenTextDocument>(n) {
                    let d = p.text_document;
                    self.touch(&d.uri);
                    self.documents.open(d.uri, d.text, d.version);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<DidChangeTextDocument>(n) {
                    let d = p.text_document;
                    self.documents
                        .change(&d.uri, d.version, p.content_changes, self.encoding);
                    self.touch(&d.uri);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Some(p) = params::<DidSaveTextDocument>(n) {
                    self.touch(&p.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<DidCloseTextDocument>(n) {
                    let uri = p.text_document.uri;
                    self.documents.close(&uri);
                    match Documents::key(&uri) {
                        key @ SetKey::Buffer(_) => self.forget(&key),
                        _ => self.touch(&uri),
                    }
                }
            }
            "$/cancelRequest" => {
                if let Ok(p) = serde_json::from_value::<CancelParams>(n.params) {
                    let id: RequestId = match p.id {
                        NumberOrString::Number(n) => n.into(),
                        NumberOrString::String(s) => s.into(),
                    };
                    if let Some(at) = self.waiting.iter().position(|r| r.id == id) {
                        self.waiting.remove(at);
                        self.send(Response::new_err(
                            id,
                            ErrorCode::RequestCanceled as i32,
                            "canceled".to_string(),
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    fn touch(&mut self, uri: &Url) {
        let key = Documents::key(uri);
        if !self.dirty.contains(&key) {
            self.dirty.push(key);
        }
    }

    /// A closed buffer with no file: its rule set is gone.
    fn forget(&mut self, key: &SetKey) {
        self.snapshots.remove(key);
        self.with_model.remove(key);
        self.latest.remove(key);
        for uri in self.published.remove(key).unwrap_or_default() {
            self.publish(uri, Vec::new(), None);
        }
    }

    fn schedule(&mut self) {
        for key in std::mem::take(&mut self.dirty) {
            match self.documents.rule_set(&key) {
                Ok(rule_set) => {
                    self.generation += 1;
                    self.latest.insert(key.clone(), self.generation);
                    self.worker.submit(Job {
                        key,
                        generation: self.generation,
                        rule_set,
                    });
                }
                Err(e) => self.log(MessageType::ERROR, format!("coex: {e}")),
            }
        }
    }

    fn accept(&mut self, snapshot: Snapshot) {
        if self.latest.get(&snapshot.key) != Some(&snapshot.generation) {
            return;
        }
        let snapshot = Rc::new(snapshot);
        let key = snapshot.key.clone();
        let mut now: Vec<Url> = Vec::new();
        for (file, list) in diagnostics::by_file(&snapshot) {
            let uri = snapshot.uri(file).clone();
            let version = snapshot.rule_set.versions[file.0 as usize];
            self.publish(uri.clone(), list, version);
            now.push(uri);
        }
        for gone in self.published.remove(&key).unwrap_or_default() {
            if !now.contains(&gone) {
                self.publish(gone, Vec::new(), None);
            }
        }
        self.published.insert(key.clone(), now);
        if snapshot.compiled.model.is_some() {
            self.with_model.insert(key.clone(), snapshot.clone());
        }
        self.snapshots.insert(key, snapshot);
        for request in std::mem::take(&mut self.waiting) {
            self.request(request);
        }
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    // ------------------------------------------------------------ requests

    fn request(&mut self, request: Request) {
        let Some(uri) = request
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok())
        else {
            return self.send(Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("`{}` is not supported by coex", request.method),
            ));
        };
        match request.method.as_str() {
            Formatting::METHOD => self.format(request, &uri),
            Completion::METHOD => self.complete(request, &uri),
            HoverRequest::METHOD
            | GotoDefinition::METHOD
            | References::METHOD
            | DocumentSymbolRequest::METHOD
            | InlayHintRequest::METHOD
            | CodeActionRequest::METHOD => self.answer_from_snapshot(request, &uri),
            _ => self.send(Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("`{}` is not supported by coex", request.method),
            )),
        }
    }

    fn format(&self, request: Request, uri: &Url) {
        let edits = self
            .documents
            .get(uri)
            .map(|d| formatting::format_document(&d.text, &LineIndex::new(&d.text, self.encoding)))
            .unwrap_or_default();
        self.send(Response::new_ok(request.id, edits));
    }

    fn complete(&self, request: Request, uri: &Url) {
        let items = (|| {
            let p = request_params::<Completion>(&request)?;
            let document = self.documents.get(uri)?;
            let snapshot = self.with_model.get(&Documents::key(uri))?;
            let model = snapshot.compiled.model.as_ref()?;
            let lines = LineIndex::new(&document.text, self.encoding);
            let offset = lines.offset(&document.text, p.text_document_position.position);
            Some(completion::complete(model, &document.text, offset))
        })()
        .unwrap_or_default();
        self.send(Response::new_ok(request.id, items));
    }

    /// Answer a request about positions from the snapshot of the document's
    /// current text, or wait for it when it is being compiled.
    fn answer_from_snapshot(&mut self, request: Request, uri: &Url) {
        let key = Documents::key(uri);
        let snapshot = self.snapshots.get(&key).cloned();
        let compiling = self.latest.get(&key) != snapshot.as_ref().map(|s| &s.generation);
        let current = snapshot
            .as_ref()
            .is_some_and(|s| s.is_current(uri, &self.documents));
        if compiling && !current {
            self.waiting.push(request);
            return;
        }
        let file = snapshot.as_ref().and_then(|s| Some((s, s.file(uri)?)));
        let Some((snapshot, file)) = file else {
            return self.send(Response::new_ok(request.id, Value::Null));
        };
        let id = request.id.clone();
        let result = answer(snapshot, file, &request).unwrap_or(Value::Null);
        self.send(Response::new_ok(id, result));
    }
}

/// The answer to a request about positions, as JSON.
fn answer(snapshot: &Snapshot, file: crate::source::FileId, request: &Request) -> Option<Value> {
    match request.method.as_str() {
        HoverRequest::METHOD => {
            let p = request_params::<HoverRequest>(request)?;
            let offset = snapshot.offset(file, p.text_document_position_params.position);
            json_of(hover::hover(snapshot, file, offset))
        }
        GotoDefinition::METHOD => {
            let p = request_params::<GotoDefinition>(request)?;
            let offset = snapshot.offset(file, p.text_document_position_params.position);
            json_of(navigation::definition(snapshot, file, offset))
        }
        References::METHOD => {
            let p = request_params::<References>(request)?;
            let offset = snapshot.offset(file, p.text_document_position.position);
            json_of(navigation::references(
                snapshot,
                file,
                offset,
                p.context.include_declaration,
            ))
        }
        DocumentSymbolRequest::METHOD => json_of(navigation::document_symbols(snapshot, file)),
        InlayHintRequest::METHOD => {
            let p = request_params::<InlayHintRequest>(request)?;
            let start = snapshot.offset(file, p.range.start);
            let end = snapshot.offset(file, p.range.end);
            json_of(inlay_hints::inlay_hints(snapshot, file, start..end))
        }
        CodeActionRequest::METHOD => {
            let p = request_params::<CodeActionRequest>(request)?;
            let start = snapshot.offset(file, p.range.start);
            let end = snapshot.offset(file, p.range.end);
            json_of(code_actions::code_actions(snapshot, file, start..end))
        }
        _ => None,
    }
}

fn params<N: lsp_types::notification::Notification>(n: Notification) -> Option<N::Params>
where
    N::Params: DeserializeOwned,
{
    serde_json::from_value(n.params).ok()
}

fn request_params<R: lsp_types::request::Request>(request: &Request) -> Option<R::Params>
where
    R::Params: DeserializeOwned,
{
    serde_json::from_value(request.params.clone()).ok()
}

fn json_of(value: impl serde::Serialize) -> Option<Value> {
    serde_json::to_value(value).ok()
}
