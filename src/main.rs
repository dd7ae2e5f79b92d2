//! The `coex` command line. Each subcommand lives in its own file under `cli/`.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
