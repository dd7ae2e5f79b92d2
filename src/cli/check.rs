//! `coex check`: diagnostics on stderr; exit 0 without errors, 1 with.

use super::common::{self, RulesArg, EXIT_ERRORS};
use coex::diagnostic;
use coex::text::plural;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long a check runs before it shows its progress.
const QUIET_FOR: Duration = Duration::from_secs(2);

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
    let compiled = if std::io::stderr().is_terminal() {
        compile_showing_progress(&sources)
    } else {
        coex::compile(&sources)
    };
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    match args.format {
        Format::Text => {
            common::print_diagnostics(&sources, &compiled.diagnostics);
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
            println!("{json:#}");
        }
    }
    if errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
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
