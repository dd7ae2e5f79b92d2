//! `coex explain`: the long explanation of a diagnostic code, as
//! `rustc --explain` gives it, or (without a code) the list of codes.

use super::common;
use super::exit::Exit;
use coex::diagnostic::{Code, Severity};

/// Explain a diagnostic code, with an erroneous example and the fix
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex explain E0010
  coex explain conflict
  coex explain          # list every code

A code is accepted in any case (`e0010`), or by its name (`conflict`).

Exit status: 0, or 2 for a code that does not exist.")]
pub struct Args {
    /// The code, such as `E0010`, or its name, such as `conflict`
    code: Option<String>,
}

pub fn run(args: Args) -> Exit {
    let Some(text) = args.code else {
        return common::print(list()).err().unwrap_or(Exit::Success);
    };
    match Code::parse(&text) {
        Some(code) => common::print(explanation(code))
            .err()
            .unwrap_or(Exit::Success),
        None => {
            report!(
                "error: `{}` is not a diagnostic code\n  = help: valid codes are {}\n  = help: `coex explain` lists them with what they mean",
                text.trim(),
                Code::ALL
                    .iter()
                    .map(|c| format!("{} ({})", c.as_str(), c.name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Exit::Usage
        }
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `E0010 conflict (error): summary`, a blank line, the explanation.
fn explanation(code: Code) -> String {
    let info = code.info();
    format!(
        "{} {} ({}): {}\n\n{}",
        info.code,
        info.name,
        severity(info.severity),
        info.summary,
        info.explanation
    )
}

/// One line per code: code, name, severity, summary.
fn list() -> String {
    let width = Code::ALL.iter().map(|c| c.name().len()).max().unwrap_or(0);
    let mut out = String::new();
    for &code in Code::ALL {
        let info = code.info();
        out.push_str(&format!(
            "{}  {:width$}  {:7}  {}\n",
            info.code,
            info.name,
            severity(info.severity),
            info.summary
        ));
    }
    out.push_str("\n`coex explain CODE` explains one, with an example and the fix\n");
    out
}
