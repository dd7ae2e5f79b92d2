//! `coex fmt`: rewrite rule files in the canonical layout, or (`--check`)
//! show, as a unified diff, what would change in the ones that are not.
//! Exit 0 when done (or nothing would change), 1 when a file has a syntax
//! error or, with `--check`, would change; 2 on usage or I/O errors.

use super::common;
use super::exit::Exit;
use super::write;
use coex::source::Sources;
use coex::text::plural;
use std::path::{Path, PathBuf};

/// Format rule files in the one canonical layout (aligned tables, comments kept)
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Without PATHS, formats the `.coex` files in `./rules`.\n\nExamples:\n  coex fmt\n  coex fmt rules/route.coex\n  coex fmt --check rules    # in CI: show what would change, exit 1 if anything would\n\nExit status: 0 done (or, with --check, nothing would change), 1 when a file\nhas a syntax error or, with --check, would change, 2 when a path cannot be\nread or written."
)]
pub struct Args {
    /// Write nothing: print a unified diff of what would change in each
    /// file, and exit 1 if any would
    #[arg(long)]
    check: bool,
    /// Files, or directories meaning the `.coex` files directly inside them
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    /// A syntax error, or output that would not mean the same: reported.
    Failed,
    /// Could not be read or written: reported.
    Io,
    /// Standard output went away or failed: stop with this status.
    Stopped(Exit),
}

pub fn run(args: Args) -> Exit {
    let paths = if args.paths.is_empty() {
        let rules = PathBuf::from("rules");
        if !rules.is_dir() {
            report!(
                "error: no paths given, and there is no `rules` directory here\n\n\
                 Usage: coex fmt [--check] [PATHS]...\n\n\
                 For more information, try '--help'."
            );
            return Exit::Usage;
        }
        vec![rules]
    } else {
        args.paths
    };

    let mut files: Vec<PathBuf> = Vec::new();
    let mut io_error = false;
    for path in paths {
        if path.is_dir() {
            match coex::fs::rule_files(&path) {
                Ok(found) => files.extend(found),
                Err(e) => {
                    report!("error: {e}");
                    io_error = true;
                }
            }
        } else {
            files.push(path);
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));

    let (mut changed, mut failed) = (0, 0);
    for file in &files {
        match format_one(file, args.check) {
            Outcome::Unchanged => {}
            Outcome::Changed => changed += 1,
            Outcome::Failed => failed += 1,
            Outcome::Io => io_error = true,
            Outcome::Stopped(code) => return code,
        }
    }

    if args.check && changed > 0 {
        report!(
            "error: {} not formatted; run `coex fmt` to format {}",
            plural(changed as u64, "file is", "files are"),
            if changed == 1 { "it" } else { "them" }
        );
    }
    if io_error {
        Exit::Usage
    } else if failed > 0 {
        Exit::RulesHaveErrors
    } else if args.check && changed > 0 {
        Exit::Differs
    } else {
        Exit::Success
    }
}

fn format_one(path: &Path, check: bool) -> Outcome {
    let original = match coex::fs::read_rule_file(path) {
        Ok(text) => text,
        Err(e) => {
            report!("error: {e}");
            return Outcome::Io;
        }
    };
    let mut sources = Sources::new();
    let id = sources.add(path.display().to_string(), original.as_str());
    // Without its byte-order mark, if it has one.
    let text = &sources.get(id).text;
    let parsed = match coex::syntax::parse_file(id, text) {
        Ok(parsed) => parsed,
        Err(error) => {
            common::print_diagnostics(&sources, &[error]);
            return Outcome::Failed;
        }
    };
    let formatted = coex::format::format_file(text, &parsed);
    // The file's byte-order mark and line ends are kept: a CRLF checkout
    // stays CRLF.
    let output = coex::format::in_style_of(&original, &formatted);
    if output == original {
        return Outcome::Unchanged;
    }
    // A safety net, as for any tool that rewrites source: the new text must
    // say exactly what the old one did, comments included.
    let same = coex::syntax::parse_file(id, &formatted)
        .is_ok_and(|reparsed| coex::format::equivalent(&parsed, &reparsed));
    if !same {
        report!(
            "error: formatting `{}` would change what it says; the file is left as it is\n  \
             = note: this is a bug in `coex fmt`; please report it with the file",
            path.display()
        );
        return Outcome::Failed;
    }
    if check {
        return match common::print(unified_diff(&path.display().to_string(), text, &formatted)) {
            Ok(()) => Outcome::Changed,
            Err(code) => Outcome::Stopped(code),
        };
    }
    if let Err(e) = write::write_file(path, output.as_bytes()) {
        report!("error: cannot write `{}`: {e}", path.display());
        return Outcome::Io;
    }
    Outcome::Changed
}

/// What formatting would change, as `diff -u` shows it (3 lines of
/// context), coloured when `--color` says so.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (formatted)"))
        .to_string();
    if !common::colour_stdout() {
        return text;
    }
    // The first two lines are the header (`---`, `+++`); then hunks.
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let colour = if i < 2 {
                "\x1b[1m"
            } else if line.starts_with('+') {
                "\x1b[32m"
            } else if line.starts_with('-') {
                "\x1b[31m"
            } else if line.starts_with("@@") {
                "\x1b[36m"
            } else {
                return format!("{line}\n");
            };
            format!("{colour}{line}\x1b[0m\n")
        })
        .collect()
}
