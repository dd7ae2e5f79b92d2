//! `coex lsp`: run the language server on standard input and output.

use super::exit::Exit;

/// Run the language server (LSP 3.17) on stdin/stdout, for editors
#[derive(clap::Args, Debug)]
#[command(
    after_help = "An editor starts the server itself; docs/EDITORS.md says how to set up Neovim, Helix, Zed, VS Code and Emacs. The rule set of an edited file is the `.coex` files in its directory, with unsaved buffers in place of their files.\n\nExamples:\n  coex lsp            # speaks LSP on stdin/stdout until `shutdown` and `exit`\n  coex lsp --stdio    # the same, for clients that pass --stdio\n\nExit status: 0 after `shutdown` and `exit`, 1 when the server stops on an\nerror or on an `exit` without `shutdown`."
)]
pub struct Args {
    /// Accepted for editors that pass it; stdio is the only transport
    #[arg(long)]
    stdio: bool,
}

pub fn run(_args: Args) -> Exit {
    let (connection, io_threads) = coex::lsp::Connection::stdio();
    let served = coex::lsp::run(&connection);
    // Closing the connection ends the writer thread once it has sent everything.
    drop(connection);
    let joined = io_threads.join();
    // A broken stream (the reader thread's error) explains a stop best.
    let error = match (served, joined) {
        (_, Err(io)) => Some(format!("cannot read the client's messages: {io}")),
        (Err(e), Ok(())) => Some(e.to_string()),
        (Ok(()), Ok(())) => None,
    };
    match error {
        None => Exit::Success,
        Some(e) => {
            report!("error: the language server stopped: {e}");
            Exit::ServerFailed
        }
    }
}
