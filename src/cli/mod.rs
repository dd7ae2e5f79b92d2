//! Argument parsing and dispatch. Exit statuses: 0 success, 1 the rules
//! have errors (or, for `diff`, `build --check` and `fmt --check`, a
//! difference; for `eval`, an impossible input), 2 usage or I/O; each
//! meaning is a variant of [`Exit`].

/// `eprintln!` that never panics: a line to stderr, a failure ignored
/// (there is nowhere left to report it).
macro_rules! report {
    ($($arg:tt)*) => {
        $crate::cli::common::to_stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod build;
mod check;
mod common;
mod completions;
mod diff;
mod doc;
mod eval;
mod exit;
mod explain;
mod fmt;
mod git;
mod lsp;
mod schema;
mod table;
mod write;

use clap::{Parser, Subcommand};
use exit::Exit;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "coex",
    version,
    about = "Check, evaluate and compile rules for Teams / Skype for Business coexistence",
    long_about = "coex reads `.coex` rule files that state how Microsoft Teams and Skype for \
Business coexist (routing, presence, meetings, interop), checks them for gaps and \
conflicts, answers questions from them, and compiles them into lookup tables.\n\n\
Without --rules, every command uses the rule set shipped with coex.",
    after_help = "Examples:\n  coex check\n  coex eval route sender_mode=Islands sender_client=Teams sender_homed=Online recipient_mode=SfBOnly scope=InTenant\n  coex table route\n  coex diff rules/history/2021-08 rules\n  coex doc -o site\n  coex completions bash"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour diagnostics and diffs [default: auto, which honours
    /// NO_COLOR and CLICOLOR_FORCE]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t,
        hide_default_value = true
    )]
    color: common::ColorChoice,
}

#[derive(Subcommand)]
enum Command {
    Check(check::Args),
    Build(build::Args),
    Eval(eval::Args),
    Table(table::Args),
    Diff(diff::Args),
    Doc(doc::Args),
    Fmt(fmt::Args),
    Explain(explain::Args),
    Schema(schema::Args),
    Completions(completions::Args),
    Lsp(lsp::Args),
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Success
            });
        }
    };
    common::set_color(cli.color);
    let exit = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Table(args) => table::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Doc(args) => doc::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Lsp(args) => lsp::run(args),
    };
    ExitCode::from(exit)
}
