//! What every subcommand shares: `--rules`, loading, refusing a rule set
//! with errors, colour, and writing to stdout and stderr.

use super::exit::Exit;
use coex::diagnostic::{self, Code, Diagnostic};
use coex::model::CheckedModel;
use coex::source::Sources;
use coex::text::plural;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone)]
pub struct RulesArg {
    /// Directory of `.coex` files [default: the rule set shipped with coex]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// Load the rule set named by `--rules`, or the shipped one.
pub fn load(rules: &RulesArg) -> Result<Sources, Exit> {
    match &rules.rules {
        None => Ok(coex::shipped::sources()),
        Some(dir) => coex::fs::read_rule_set(dir).map_err(|e| {
            report!("error: {e}");
            Exit::Usage
        }),
    }
}

/// `--color`: when to colour diagnostics and diffs.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set; anywhere if `CLICOLOR_FORCE` is
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Record the `--color` choice for the whole run (once, at start).
pub fn set_color(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// Whether to colour, for a stream that is or is not a terminal: `--color`
/// if given, else `NO_COLOR` (set and not empty) says no, `CLICOLOR_FORCE`
/// (set and not `0`) says yes, and otherwise only a terminal is coloured.
pub fn colour(terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match COLOR.get().copied().unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => terminal,
    }
}

pub fn colour_stderr() -> bool {
    colour(std::io::stderr().is_terminal())
}

pub fn colour_stdout() -> bool {
    colour(std::io::stdout().is_terminal())
}

/// Print diagnostics to stderr, rustc style, with a summary line.
pub fn print_diagnostics(sources: &Sources, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    to_stderr(&diagnostic::render(sources, diagnostics, colour_stderr()));
}

/// Load and compile, and run `command` on the rule set if it has no
/// errors; otherwise print them and exit 1 ([`Exit::RulesHaveErrors`]).
pub fn with_valid(
    rules: &RulesArg,
    command: impl FnOnce(&Sources, CheckedModel<'_>) -> Exit,
) -> Exit {
    with_checked(rules, true, command)
}

/// Like [`with_valid`], but failing `expect`s do not stop it (they are
/// counted in a note): for commands that show what the rules decide while
/// a maintainer is still updating the examples (`coex table`).
pub fn with_answerable(
    rules: &RulesArg,
    command: impl FnOnce(&Sources, CheckedModel<'_>) -> Exit,
) -> Exit {
    with_checked(rules, false, command)
}

/// Load and compile; [`refuse`] the rule set when it cannot answer, or,
/// with `examples_must_hold`, when any `expect` fails, and exit 1
/// ([`Exit::RulesHaveErrors`]). Failing examples that did not refuse it
/// are counted in a note.
fn with_checked(
    rules: &RulesArg,
    examples_must_hold: bool,
    command: impl FnOnce(&Sources, CheckedModel<'_>) -> Exit,
) -> Exit {
    let sources = match load(rules) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let compiled = coex::compile(&sources);
    let model = if examples_must_hold {
        compiled.valid_model()
    } else {
        compiled.checked()
    };
    let Some(model) = model else {
        let shown = if examples_must_hold {
            compiled.diagnostics.clone()
        } else {
            diagnostic::blocking(&compiled.diagnostics)
        };
        refuse(
            &sources,
            &shown,
            &format!(
                "the rule set has errors ({}); run `coex check` for details",
                diagnostic::summary(&shown)
            ),
        );
        return Exit::RulesHaveErrors;
    };
    note_failing_examples(&compiled.diagnostics, "this rule set", "`coex check`");
    command(&sources, model)
}

/// Refuse a rule set that cannot do what the command needs: print the
/// diagnostics that say why, as `coex check` does, then `error: {message}`.
/// Every command refuses a rule set this way, and then exits 1
/// ([`Exit::RulesHaveErrors`]), except `diff`, which exits 2
/// ([`Exit::Usage`]: no comparison was made; `docs/DIFF.md` documents it).
pub fn refuse(sources: &Sources, diagnostics: &[Diagnostic], message: &str) {
    print_diagnostics(sources, diagnostics);
    report!("error: {message}");
}

/// `note: 2 `expect` examples of SUBJECT do not hold; CHECK shows them`,
/// when some do not.
pub fn note_failing_examples(diagnostics: &[Diagnostic], subject: &str, check: &str) {
    let failing = diagnostics
        .iter()
        .filter(|d| d.code == Code::FailingExpect)
        .count();
    if failing == 0 {
        return;
    }
    let (verb, pronoun) = if failing == 1 {
        ("does", "it")
    } else {
        ("do", "them")
    };
    report!(
        "note: {} of {subject} {verb} not hold; {check} shows {pronoun}",
        plural(failing as u64, "`expect` example", "`expect` examples")
    );
}

/// Print to stdout, all of it, and flush. A reader that stops early
/// (`coex table route | head`) is not an error: the command ends with the
/// exit status it would have had. Any other failure (a full disk) is
/// reported, and the command exits 2.
pub fn print(text: impl AsRef<[u8]>) -> Result<(), Exit> {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_ref())
        .and_then(|()| stdout.flush());
    stdout_written(written).map(|_| ())
}

/// What a write to stdout came to: `Ok(true)` written, `Ok(false)` the
/// reader has gone (a closed pipe: stop writing, quietly), or, after the
/// error is reported, [`Exit::Usage`].
pub fn stdout_written(result: std::io::Result<()>) -> Result<bool, Exit> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => {
            to_stderr(&format!("error: cannot write to standard output: {e}\n"));
            Err(Exit::Usage)
        }
    }
}

/// Write to stderr. A failure is ignored: there is nowhere left to say it
/// (`eprint!` would panic instead).
pub fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
