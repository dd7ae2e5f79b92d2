//! Every command explains itself: `--help` with examples, and shell
//! completions that know every command.

use std::process::{Command, Output};

fn coex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The subcommands `coex --help` lists, but `help` itself.
fn commands() -> Vec<String> {
    let help = stdout(&coex(&["--help"]));
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands")
        .split("\n\n")
        .next()
        .expect("the list ends");
    listed
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_has_help_with_an_example() {
    let commands = commands();
    assert!(commands.len() >= 6, "too few commands: {commands:?}");
    for command in &commands {
        let output = coex(&[command, "--help"]);
        assert_eq!(output.status.code(), Some(0), "`coex {command} --help`");
        let help = stdout(&output);
        assert!(
            help.contains("Examples:") && help.contains(&format!("coex {command}")),
            "`coex {command} --help` shows no example:\n{help}"
        );
    }
}

#[test]
fn top_level_help() {
    let output = coex(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("help", stdout(&output));
    });
}

#[test]
fn completions_know_every_command_in_every_shell() {
    let commands = commands();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = coex(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "completions for {shell}");
        let script = stdout(&output);
        for command in &commands {
            assert!(
                script.contains(command.as_str()),
                "{shell} completions miss `{command}`"
            );
        }
    }
    let unknown = coex(&["completions", "cmd.exe"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("possible values"));
}

#[test]
fn commands_with_a_status_to_report_say_what_it_means() {
    for command in [
        "check", "eval", "table", "build", "diff", "doc", "fmt", "explain", "lsp",
    ] {
        let help = stdout(&coex(&[command, "--help"]));
        let status = help
            .split_once("Exit status: 0")
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("`coex {command} --help` says no exit status:\n{help}"));
        assert!(
            status.contains(" 2 ") || status.contains(" 1 "),
            "`coex {command} --help` gives only the status 0:\n{help}"
        );
    }
}
