//! What every subcommand shares: `--rules`, loading, colour, exit codes.

use coex::diagnostic::{self, Diagnostic};
use coex::source::Sources;
use coex::Compiled;
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
pub fn compile_valid(rules: &RulesArg) -> Result<(Sources, Compiled), ExitCode> {
    let sources = load(rules)?;
    let compiled = coex::compile(&sources);
    if compiled.has_errors() {
        print_diagnostics(&sources, &compiled.diagnostics);
        eprintln!(
            "error: the rule set has errors ({}); run `coex check` for details",
            diagnostic::summary(&compiled.diagnostics)
        );
        return Err(ExitCode::from(EXIT_ERRORS));
    }
    Ok((sources, compiled))
}

/// Like [`compile_valid`], but failing `expect`s do not stop it (they are
/// counted in a note): for commands that show what the rules decide while
/// a maintainer is still updating the examples (`coex table`).
pub fn compile_answerable(rules: &RulesArg) -> Result<(Sources, Compiled), ExitCode> {
    let sources = load(rules)?;
    let compiled = coex::compile(&sources);
    let blocking = coex::diff::blocking(&compiled.diagnostics);
    if !blocking.is_empty() || compiled.model.is_none() {
        print_diagnostics(&sources, &blocking);
        eprintln!(
            "error: the rule set has errors ({}); run `coex check` for details",
            diagnostic::summary(&blocking)
        );
        return Err(ExitCode::from(EXIT_ERRORS));
    }
    let failing = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    if failing > 0 {
        let (examples, verb, pronoun) = if failing == 1 {
            ("1 `expect` example".to_string(), "does", "it")
        } else {
            (format!("{failing} `expect` examples"), "do", "them")
        };
        eprintln!(
            "note: {examples} of this rule set {verb} not hold; `coex check` shows {pronoun}"
        );
    }
    Ok((sources, compiled))
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
