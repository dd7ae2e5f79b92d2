//! `coex schema`: the JSON Schema of each `--format json` output, generated
//! from the types that write it (so it cannot fall behind them). The same
//! schemas are checked in under `docs/schema/`.

use super::exit::Exit;
use super::{common, diff, eval};
use coex::diagnostic::json::VERSION;

/// Print the JSON Schema of a `--format json` output
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex schema check > check.schema.json
  coex schema batch

The schemas are JSON Schema 2020-12, also in docs/schema/. Their `$id` ends in
the format's version, which the check and diff outputs carry as `version`.")]
pub struct Args {
    /// Which output
    #[arg(value_enum)]
    output: Output,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// `coex check --format json`
    Check,
    /// `coex eval --format json` (an answer or an error)
    Eval,
    /// One line of `coex eval --batch` output
    Batch,
    /// `coex diff --format json`
    Diff,
}

pub fn run(args: Args) -> Exit {
    common::print(format!("{}\n", text(args.output)))
        .err()
        .unwrap_or(Exit::Success)
}

/// The schema as pretty-printed JSON.
pub fn text(output: Output) -> String {
    let (name, title, mut schema) = match output {
        Output::Check => (
            "check",
            "coex check --format json",
            schemars::schema_for!(coex::diagnostic::json::Report),
        ),
        Output::Eval => (
            "eval",
            "coex eval --format json: an answer, or why there is none",
            schemars::schema_for!(eval::OutputJson<'static>),
        ),
        Output::Batch => (
            "batch",
            "one line of coex eval --batch: an answer, or why there is none",
            schemars::schema_for!(eval::OutputJson<'static>),
        ),
        Output::Diff => (
            "diff",
            "coex diff --format json",
            schemars::schema_for!(diff::Report<'static>),
        ),
    };
    schema.insert(
        "$id".into(),
        format!("urn:coex:schema:{name}:v{VERSION}").into(),
    );
    schema.insert("title".into(), title.into());
    serde_json::to_string_pretty(&schema).expect("a schema serializes")
}
