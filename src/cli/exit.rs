//! How a command ends: its exit status, named by what it means. The
//! numbers are a contract (scripts and CI test them): 0 success, 1 an
//! answer the caller asked to hear about (errors in the rules, a
//! difference, an impossible input), 2 a question that could not be asked
//! (usage, I/O, a name the rules do not have).

use std::process::ExitCode;

/// The exit status of a command. Each variant says which commands end
/// with it and when; several mean 1, in different commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the command did what was asked (`check`: no errors; `diff`: the
    /// rule sets decide everything the same way; `build --check`, `fmt
    /// --check`: nothing is stale; `eval --batch`: every line was read,
    /// whatever its answer).
    Success,
    /// 1: the rule set has errors. `check`: errors (or warnings, with
    /// `--deny-warnings`); `eval`, `doc`, `build`: the rule set (for
    /// `doc`, or a dated one) has errors or failing `expect` examples that
    /// keep the command from running; `table`: the rule set cannot answer
    /// (failing examples do not stop it); `fmt`: a file has a syntax error.
    RulesHaveErrors,
    /// 1: something differs. `diff`: the rule sets answer differently;
    /// `fmt --check`: a file is not formatted; `build --check`: the file is
    /// stale or missing.
    Differs,
    /// 1: `eval`: the input is impossible (the rules' answer, with its
    /// reason).
    Impossible,
    /// 1: `lsp`: the language server stopped on an error, or on an `exit`
    /// without `shutdown` (as LSP says).
    ServerFailed,
    /// 2: a usage error, a file or directory that cannot be read or
    /// written, standard output failing, or a question naming a decision,
    /// input or value the rules do not have (`eval`, `table`); `diff`:
    /// besides, a rule set that cannot be evaluated (errors other than
    /// failing `expect` examples), since no comparison was made.
    Usage,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(match exit {
            Exit::Success => 0,
            Exit::RulesHaveErrors | Exit::Differs | Exit::Impossible | Exit::ServerFailed => 1,
            Exit::Usage => 2,
        })
    }
}
