//! `coex lsp`: a language server (LSP 3.17) for `.coex` rule files.
//!
//! Built on `lsp-server`, the synchronous scaffold rust-analyzer uses: the
//! caller hands [`run`] a [`Connection`] (stdio in `coex lsp`, in memory in
//! tests), and the main loop here answers it. The rule set of an edited file
//! is the `.coex` files of its directory, open buffers in place of their
//! files ([`documents`]); every edit recompiles it on a worker thread
//! ([`worker`]) into a [`snapshot::Snapshot`], from which the features
//! answer:
//!
//! - diagnostics with their codes, related locations and the did-you-mean
//!   help ([`diagnostics`]), published for every file of the rule set;
//! - hover ([`hover`]), go to definition, find references and the outline
//!   ([`navigation`]), over a name index built from the syntax trees
//!   ([`index`]);
//! - completion of a column's values ([`completion`]), inlay hints naming
//!   the arguments of a positional `expect` ([`inlay_hints`]), quick fixes
//!   ([`code_actions`]) and formatting ([`formatting`]);
//! - columns in UTF-8 when the client offers it, else UTF-16 ([`positions`]).
//!
//! The library does no I/O here but through the connection's channels and
//! [`crate::fs`].

mod code_actions;
mod completion;
mod diagnostics;
mod documents;
mod formatting;
mod hover;
mod index;
mod inlay_hints;
mod navigation;
mod positions;
mod server;
mod snapshot;
mod worker;

pub use lsp_server::Connection;

use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, OneOf, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};
use positions::Encoding;
use server::Server;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serve one client until it sends `shutdown` and `exit` (or hangs up).
/// An `exit` without a `shutdown` first is an error, as LSP says.
pub fn run(connection: &Connection) -> Result<(), Error> {
    let (id, params) = connection.initialize_start().map_err(|e| -> Error {
        if e.channel_is_disconnected() {
            "the client closed the connection before `initialize`".into()
        } else {
            e.into()
        }
    })?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "coex", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    Server::new(connection.sender.clone(), encoding)?.serve(connection)
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(["|", ",", "(", "!", ":"].map(String::from).to_vec()),
            ..CompletionOptions::default()
        }),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

#[cfg(test)]
mod tests;
