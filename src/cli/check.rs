//! `coex check`: diagnostics on stderr (or, as JSON, SARIF or GitHub
//! workflow commands, on stdout); exit 0 without errors, 1 with.

use super::common::{self, RulesArg};
use super::exit::Exit;
use coex::check::{self, DecisionCoverage};
use coex::diagnostic;
use coex::model::Model;
use coex::source::Sources;
use coex::text::plural;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long a check runs before it shows its progress.
const QUIET_FOR: Duration = Duration::from_secs(2);

/// Check a rule set: syntax, names, completeness, conflicts, examples
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  coex check\n  coex check --rules rules/history/2019-06\n  coex check --coverage\n  coex check --deny-warnings\n  coex check --format json | jq '.diagnostics[].message'\n  coex check --format github           # in GitHub Actions: annotations on the lines\n  coex check --format sarif > coex.sarif\n\n`coex explain CODE` explains a code. docs/CI.md sets up CI.\n\nExit status: 0 without errors (warnings allowed), 1 with errors (or\nwarnings, with --deny-warnings), 2 on a usage or I/O error."
)]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Output format: `text` (rustc-style, on stderr), or on stdout `json`,
    /// `sarif` (SARIF 2.1.0) or `github` (GitHub Actions annotations)
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
    Sarif,
    Github,
}

pub fn run(args: Args) -> Exit {
    let sources = match common::load(&args.rules) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let compiled = if std::io::stderr().is_terminal() {
        compile_showing_progress(&sources)
    } else {
        coex::compile(&sources)
    };
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
                if let Err(code) = common::print(check::coverage_report(model, &sources, coverage))
                {
                    return code;
                }
            }
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
            if errors == 0 && warnings > 0 && args.deny_warnings {
                report!(
                    "error: {} denied by `--deny-warnings`",
                    plural(warnings as u64, "warning", "warnings")
                );
            }
        }
        Format::Json => {
            let report = diagnostic::json::Report::new(&sources, &compiled.diagnostics);
            let mut json = serde_json::to_value(&report).expect("a report serializes");
            if let Some((model, coverage)) = &coverage {
                json["coverage"] = coverage_json(model, &sources, coverage);
            }
            if let Err(code) = common::print(format!("{json:#}\n")) {
                return code;
            }
        }
        Format::Sarif => {
            let tool = diagnostic::sarif::Tool {
                name: "coex",
                version: env!("CARGO_PKG_VERSION"),
                information_uri: Some(env!("CARGO_PKG_REPOSITORY")).filter(|uri| !uri.is_empty()),
            };
            let log = diagnostic::sarif::log(tool, &sources, &compiled.diagnostics);
            if let Err(code) = common::print(format!("{log:#}\n")) {
                return code;
            }
        }
        Format::Github => {
            let commands = diagnostic::github::commands(&sources, &compiled.diagnostics);
            if let Err(code) = common::print(commands) {
                return code;
            }
        }
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        Exit::RulesHaveErrors
    } else {
        Exit::Success
    }
}

/// Compile, and once the check has run for [`QUIET_FOR`], keep one line on
/// the terminal saying which decision is being checked and how far along
/// it is (erased at the end).
fn compile_showing_progress(sources: &coex::source::Sources) -> coex::Compiled {
    let start = Instant::now();
    let mut shown = false;
    let mut stderr = std::io::stderr();
    let compiled = coex::compile_with_progress(sources, &mut |decision, progress| {
        if start.elapsed() < QUIET_FOR {
            return;
        }
        let percent = progress.done as f64 * 100.0 / progress.total.max(1) as f64;
        // A progress line that cannot be written is no reason to stop.
        let _ = write!(
            stderr,
            "\r\x1b[Kchecking `{decision}`: {percent:.1}% of its inputs ({:.0} s)",
            start.elapsed().as_secs_f64()
        );
        let _ = stderr.flush();
        shown = true;
    });
    if shown {
        let _ = write!(stderr, "\r\x1b[K");
    }
    compiled
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
