//! `coex build`: write the generated Rust source of a rule set's tables, or
//! with `--check`, say whether a written file is still what the rules give.

use super::common::{self, RulesArg};
use super::exit::Exit;
use super::write;
use std::path::PathBuf;

/// Generate the Rust source of the lookup tables, for vendoring
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex build -o src/coex_tables.rs
  coex build --rules my-rules -o src/coex_tables.rs
  coex build --rules my-rules -o src/coex_tables.rs --check

The file holds enums, one function per decision, `eval` and `explain`; it uses
the coex-runtime crate (add `coex-runtime` to your dependencies) and works under
#![no_std]. Include it with `include!(\"coex_tables.rs\")` or as a module. It is
written only when the rules have no errors, and atomically: an interrupted
write leaves the old file. A symbolic link is written through (the file it
points to gets the code); a device or FIFO is written in place, never
replaced; `-o -` writes to stdout. To compile rules at build time instead of
vendoring them, see the coex-build crate.

With --check nothing is written: exit 0 when FILE holds exactly what the rules
generate, 1 when it is stale or missing (for CI).

Exit status: 0 written (or up to date), 1 when the rule set has errors
(failing `expect` examples included) or, with --check, FILE is stale or
missing, 2 on a usage or I/O error.")]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Where to write the generated Rust source (`-` for stdout)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Compare FILE with what the rules generate instead of writing it
    #[arg(long)]
    check: bool,
}

pub fn run(args: Args) -> Exit {
    let sources = match common::load(&args.rules) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let origin = match &args.rules.rules {
        Some(dir) => dir.display().to_string(),
        None => "rules".to_string(),
    };
    let code = match coex::generate(&sources, &origin, &coex::codegen::Options::default()) {
        Ok(code) => code,
        Err(diagnostics) => {
            common::refuse(
                &sources,
                &diagnostics,
                &format!(
                    "the rule set `{origin}` has errors ({}); no tables were generated",
                    coex::diagnostic::summary(&diagnostics)
                ),
            );
            return Exit::RulesHaveErrors;
        }
    };
    if args.check {
        return check(&args, &origin, &code);
    }
    if args.output.as_os_str() == "-" {
        return match common::print(&code) {
            Ok(()) => Exit::Success,
            Err(code) => code,
        };
    }
    match write::write_file(&args.output, code.as_bytes()) {
        Ok(()) => {
            report!("wrote {} ({} bytes)", args.output.display(), code.len());
            Exit::Success
        }
        Err(e) => {
            report!("error: cannot write `{}`: {e}", args.output.display());
            Exit::Usage
        }
    }
}

/// `--check`: is the file what the rules generate?
fn check(args: &Args, origin: &str, code: &str) -> Exit {
    let file = args.output.display();
    let rules = match &args.rules.rules {
        Some(dir) => format!(" --rules {}", dir.display()),
        None => String::new(),
    };
    match std::fs::read(&args.output) {
        Ok(written) if written == code.as_bytes() => {
            report!("{file} is up to date with the rule set `{origin}`");
            Exit::Success
        }
        Ok(_) => {
            report!("error: `{file}` is stale: the rule set `{origin}` generates other tables");
            report!("help: regenerate it with `coex build{rules} -o {file}`");
            Exit::Differs
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report!("error: `{file}` does not exist");
            report!("help: generate it with `coex build{rules} -o {file}`");
            Exit::Differs
        }
        Err(e) => {
            report!("error: cannot read `{file}`: {e}");
            Exit::Usage
        }
    }
}
