//! What every subcommand shares: `--rules`, loading, colour, exit codes.

use coex::diagnostic::{self, Code, Diagnostic};
use coex::model::Model;
use coex::source::Sources;
use coex::text::plural;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct RulesArg {
    /// Directory of `.coex` files [default: the rule set shipped with coex]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

pub const EXIT_ERRORS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Load the rule set named by `--rules`, or the shipped one.
pub fn load(rules: &RulesArg) -> Result<Sources, ExitCode> {
    match &rules.rules {
        None => Ok(coex::shipped::sources()),
        Some(dir) => coex::fs::read_rule_set(dir).map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
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
    eprint!(
        "{}",
        diagnostic::render(sources, diagnostics, colour_stderr())
    );
}

/// Load and compile; on errors, print them and return the exit code.
pub fn compile_valid(rules: &RulesArg) -> Result<(Sources, Model), ExitCode> {
    compile_unless(rules, |all| all.to_vec())
}

/// Like [`compile_valid`], but failing `expect`s do not stop it (they are
/// counted in a note): for commands that show what the rules decide while
/// a maintainer is still updating the examples (`coex table`).
pub fn compile_answerable(rules: &RulesArg) -> Result<(Sources, Model), ExitCode> {
    compile_unless(rules, diagnostic::blocking)
}

/// Load and compile, refusing the rule set when `shown` (of all its
/// diagnostics) holds an error: those are printed, with a summary. Failing
/// examples that did not refuse it are counted in a note.
fn compile_unless(
    rules: &RulesArg,
    shown: impl Fn(&[Diagnostic]) -> Vec<Diagnostic>,
) -> Result<(Sources, Model), ExitCode> {
    let sources = load(rules)?;
    let compiled = coex::compile(&sources);
    let shown = shown(&compiled.diagnostics);
    let model = match compiled.model {
        Some(model) if !shown.iter().any(Diagnostic::is_error) => model,
        _ => {
            print_diagnostics(&sources, &shown);
            eprintln!(
                "error: the rule set has errors ({}); run `coex check` for details",
                diagnostic::summary(&shown)
            );
            return Err(ExitCode::from(EXIT_ERRORS));
        }
    };
    note_failing_examples(&compiled.diagnostics, "this rule set", "`coex check`");
    Ok((sources, model))
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
    eprintln!(
        "note: {} of {subject} {verb} not hold; {check} shows {pronoun}",
        plural(failing as u64, "`expect` example", "`expect` examples")
    );
}

/// Write a file atomically: a temporary file in the same directory, synced,
/// then renamed over the target. An interrupted write leaves the old file.
pub fn write_atomically(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file path"))?;
    let temporary = dir.join(format!(
        ".{}.coex-tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
