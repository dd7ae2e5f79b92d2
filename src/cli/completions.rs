//! `coex completions`: shell completion scripts generated from the command
//! line's own definition, so they never fall behind it.

use super::common;
use super::exit::Exit;
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script for coex on stdout
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex completions bash > ~/.local/share/bash-completion/completions/coex
  coex completions zsh > \"${fpath[1]}/_coex\"
  coex completions fish > ~/.config/fish/completions/coex.fish
  coex completions powershell >> $PROFILE")]
pub struct Args {
    /// The shell to generate the script for
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args) -> Exit {
    let mut command = super::Cli::command();
    // Into memory first: `generate` panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "coex", &mut script);
    match common::print(script) {
        Ok(()) => Exit::Success,
        Err(code) => code,
    }
}
