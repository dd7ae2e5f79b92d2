//! `migration-planner HOMED MODE`: the mode to move a user to next, and
//! the rule that says so.
#![forbid(unsafe_code)]

use migration_planner::{next_mode, next_mode_rule, Homed, Mode};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [homed, mode] = args.as_slice() else {
        eprintln!("usage: migration-planner HOMED MODE   (for example: OnPrem SfBOnly)");
        return ExitCode::from(2);
    };
    match answer(homed, mode) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn answer(homed: &str, mode: &str) -> Result<String, Box<dyn std::error::Error>> {
    let homed: Homed = homed.parse()?;
    let mode: Mode = mode.parse()?;
    let next = next_mode(homed, mode)?;
    let rule = next_mode_rule(homed, mode)?;
    Ok(format!("{} ({}:{})", next.next, rule.file, rule.line))
}
