//! `coex check`: diagnostics on stderr; exit 0 without errors, 1 with.

use super::common::{self, RulesArg, EXIT_ERRORS};
use coex::check::{self, DecisionCoverage};
use coex::diagnostic;
use coex::model::Model;
use coex::source::Sources;
use coex::text::plural;
use std::process::ExitCode;

/// Check a rule set: syntax, names, completeness, conflicts, examples
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  coex check\n  coex check --rules rules/history/2019-06\n  coex check --coverage\n  coex check --deny-warnings\n  coex check --format json | jq '.diagnostics[].message'"
)]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Output format: `text` (rustc-style, on stderr) or `json` (on stdout)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also print, per decision, the table rows the `expect` examples
    /// exercise (on stdout; a `coverage` object with `--format json`)
    #[arg(long)]
    coverage: bool,
    /// Exit 1 when there are warnings too, such as a row no example
    /// exercises (W0007)
    #[arg(long)]
    deny_warnings: bool,
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
    let warnings = compiled.diagnostics.len() - errors;
    let coverage = match (&compiled.model, args.coverage) {
        (Some(model), true) => Some((model, check::coverage(model))),
        _ => None,
    };
    match args.format {
        Format::Text => {
            common::print_diagnostics(&sources, &compiled.diagnostics);
            if let Some((model, coverage)) = &coverage {
                print!("{}", check::coverage_report(model, &sources, coverage));
            }
            let decisions = compiled.model.as_ref().map_or(0, |m| m.decisions.len());
            let examples = compiled.model.as_ref().map_or(0, |m| m.examples.len());
            if errors == 0 {
                eprintln!(
                    "checked {}: {}, {}; {}",
                    plural(sources.len() as u64, "file", "files"),
                    plural(decisions as u64, "decision", "decisions"),
                    plural(examples as u64, "example", "examples"),
                    diagnostic::summary(&compiled.diagnostics)
                );
            } else {
                eprintln!(
                    "error: could not check the rule set: {}",
                    diagnostic::summary(&compiled.diagnostics)
                );
            }
            if errors == 0 && warnings > 0 && args.deny_warnings {
                eprintln!(
                    "error: {} denied by `--deny-warnings`",
                    plural(warnings as u64, "warning", "warnings")
                );
            }
        }
        Format::Json => {
            let mut json = serde_json::json!({
                "files": sources.iter().map(|(_, f)| f.name.clone()).collect::<Vec<_>>(),
                "errors": errors,
                "warnings": compiled.diagnostics.len() - errors,
                "diagnostics": compiled
                    .diagnostics
                    .iter()
                    .map(|d| d.to_json(&sources))
                    .collect::<Vec<_>>(),
            });
            if let Some((model, coverage)) = &coverage {
                json["coverage"] = coverage_json(model, &sources, coverage);
            }
            println!("{json:#}");
        }
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--coverage` in JSON: totals and, per decision, rows, covered rows,
/// examples and the places of the rows no example exercises.
fn coverage_json(
    model: &Model,
    sources: &Sources,
    coverage: &[DecisionCoverage],
) -> serde_json::Value {
    let rows: usize = coverage.iter().map(DecisionCoverage::rows).sum();
    let covered: usize = coverage.iter().map(DecisionCoverage::rows_covered).sum();
    let decisions: Vec<serde_json::Value> = coverage
        .iter()
        .map(|entry| {
            let decision = &model.decisions[entry.decision];
            let not_covered: Vec<_> = entry
                .covered
                .iter()
                .enumerate()
                .filter(|(_, c)| !**c)
                .map(|(row, _)| sources.location(decision.rows[row].span))
                .collect();
            serde_json::json!({
                "decision": decision.name,
                "rows": entry.rows(),
                "covered": entry.rows_covered(),
                "percent": entry.percent(),
                "examples": entry.examples,
                "not_covered": not_covered,
            })
        })
        .collect();
    serde_json::json!({
        "rows": rows,
        "covered": covered,
        "percent": check::percent(covered, rows),
        "examples": coverage.iter().map(|e| e.examples).sum::<usize>(),
        "decisions": decisions,
    })
}
