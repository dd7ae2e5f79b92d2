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

pub fn colour_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
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
