//! `coex check`: diagnostics on stderr; exit 0 without errors, 1 with.

use super::common::{self, RulesArg, EXIT_ERRORS};
use coex::diagnostic;
use coex::text::plural;
use std::process::ExitCode;

/// Check a rule set: syntax, names, completeness, conflicts, examples
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  coex check\n  coex check --rules rules/history/2019-06\n  coex check --format json | jq '.diagnostics[].message'"
)]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Output format: `text` (rustc-style, on stderr) or `json` (on stdout)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> ExitCode {
    let sources = match common::load(&args.rules) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let compiled = coex::compile(&sources);
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    match args.format {
        Format::Text => {
            common::print_diagnostics(&sources, &compiled.diagnostics);
            let decisions = compiled.model.as_ref().map_or(0, |m| m.decisions.len());
            let examples = compiled.model.as_ref().map_or(0, |m| m.examples.len());
            if errors == 0 {
                report!(
                    "checked {}: {}, {}; {}",
                    plural(sources.len() as u64, "file", "files"),
                    plural(decisions as u64, "decision", "decisions"),
                    plural(examples as u64, "example", "examples"),
                    diagnostic::summary(&compiled.diagnostics)
                );
            } else {
                report!(
                    "error: could not check the rule set: {}",
                    diagnostic::summary(&compiled.diagnostics)
                );
            }
        }
        Format::Json => {
            let json = serde_json::json!({
                "files": sources.iter().map(|(_, f)| f.name.clone()).collect::<Vec<_>>(),
                "errors": errors,
                "warnings": compiled.diagnostics.len() - errors,
                "diagnostics": compiled
                    .diagnostics
                    .iter()
                    .map(|d| d.to_json(&sources))
                    .collect::<Vec<_>>(),
            });
            if let Err(code) = common::print(format!("{json:#}\n")) {
                return code;
            }
        }
    }
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
