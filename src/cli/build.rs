//! `coex build`: write the generated Rust source of a rule set's tables.

use super::common::{self, RulesArg, EXIT_ERRORS, EXIT_USAGE};
use super::write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate the Rust source of the lookup tables, for vendoring
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex build -o src/coex_tables.rs
  coex build --rules my-rules -o src/coex_tables.rs

The file is what the coex-runtime crate bakes in: enums, one function per
decision, `eval` and `explain`. It needs the `phf` crate and works under
#![no_std]; include it with `include!(\"coex_tables.rs\")` or as a module. It is
written only when the rules have no errors, and atomically: an interrupted
write leaves the old file. A symbolic link is written through (the file it
points to gets the code); a device or FIFO is written in place, never
replaced; `-o -` writes to stdout.")]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Where to write the generated Rust source (`-` for stdout)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

pub fn run(args: Args) -> ExitCode {
    let sources = match common::load(&args.rules) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let origin = match &args.rules.rules {
        Some(dir) => dir.display().to_string(),
        None => "rules".to_string(),
    };
    let code = match coex::generate(&sources, &origin) {
        Ok(code) => code,
        Err(diagnostics) => {
            common::to_stderr(&diagnostics);
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    if args.output.as_os_str() == "-" {
        return match common::print(&code) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    match write::write_file(&args.output, code.as_bytes()) {
        Ok(()) => {
            report!("wrote {} ({} bytes)", args.output.display(), code.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            report!("error: cannot write `{}`: {e}", args.output.display());
            ExitCode::from(EXIT_USAGE)
        }
    }
}
