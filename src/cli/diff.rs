//! `coex diff`: which answers changed between two rule sets. Exit 0 when
//! they decide everything the same way, 1 when they differ, 2 on errors.

use super::common;
use super::exit::Exit;
use super::git;
use coex::diagnostic;
use coex::diff::{self, Side};
use coex::source::Sources;
use coex::text::plural;
use std::path::PathBuf;

/// Compare two rule sets: which answers changed, and what was added or removed
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex diff rules/history/2019-06 rules/history/2021-06
  coex diff --git HEAD                        # rules/ in the working tree against HEAD
  coex diff --git main --rules my-rules --format markdown > pr-description.md
  coex diff old/ new/ --format json | jq '.decisions[] | select(.status != \"unchanged\")'

For every decision of both rule sets, the inputs whose answer changed are
printed as few patterns (a value, a set, `a, b`, `!a` or `*` per input, as
`coex check` prints gaps), each with the old and the new answer and the rows
(file:line) that give them. An input that was impossible and now has an
answer, or the reverse, is a change. Inputs that use a value added to (or
removed from) an input's enum are new inputs (or inputs no longer possible).

Exit status: 0 when the rule sets decide everything the same way, 1 when
they differ, 2 when a rule set cannot be read or evaluated (syntax errors,
unknown names, gaps, conflicts). Failing `expect` examples do not prevent
a diff: update them after reading it.")]
pub struct Args {
    /// The old rule set's directory
    #[arg(required_unless_present = "git", conflicts_with = "git")]
    old: Option<PathBuf>,
    /// The new rule set's directory
    #[arg(required_unless_present = "git", conflicts_with = "git")]
    new: Option<PathBuf>,
    /// Compare the rule set in the working tree with the same directory at this git revision
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// With --git: the rule set's directory [default: rules]
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Aligned tables for people
    Text,
    /// One JSON object
    Json,
    /// GitHub Markdown, for a pull-request description
    Markdown,
}

/// One side as read: a label for messages, its sources, and how to check
/// it (`coex check --rules DIR`).
struct Loaded {
    label: String,
    sources: Sources,
    check: String,
}

pub fn run(args: Args) -> Exit {
    let (old, new) = match load(&args) {
        Ok(sides) => sides,
        Err(message) => {
            report!("error: {message}");
            return Exit::Usage;
        }
    };
    let old_compiled = coex::compile(&old.sources);
    let new_compiled = coex::compile(&new.sources);
    let sides = [("old", &old, &old_compiled), ("new", &new, &new_compiled)];
    for (side, loaded, compiled) in sides {
        if compiled.checked().is_none() {
            let blocking = diagnostic::blocking(&compiled.diagnostics);
            common::refuse(
                &loaded.sources,
                &blocking,
                &format!(
                    "cannot compare: the {side} rule set `{}` has {}",
                    loaded.label,
                    plural(blocking.len() as u64, "error", "errors")
                ),
            );
        }
    }
    let (Some(old_model), Some(new_model)) = (old_compiled.checked(), new_compiled.checked())
    else {
        // Not 1, which says the rule sets differ: no comparison was made.
        return Exit::Usage;
    };
    for (side, loaded, compiled) in sides {
        common::note_failing_examples(
            &compiled.diagnostics,
            &format!("the {side} rule set `{}`", loaded.label),
            &loaded.check,
        );
    }
    let result = diff::diff(
        Side {
            model: old_model,
            sources: &old.sources,
        },
        Side {
            model: new_model,
            sources: &new.sources,
        },
    );
    let output = match args.format {
        Format::Text => result.text(),
        Format::Markdown => result.markdown(),
        Format::Json => {
            let report = Report {
                version: coex::diagnostic::json::VERSION,
                old: &old.label,
                new: &new.label,
                same: result.is_same(),
                summary: result.summary(),
                decisions: &result.decisions,
                enums: &result.enums,
            };
            let json = serde_json::to_string_pretty(&report).expect("a diff serializes");
            format!("{json}\n")
        }
    };
    if let Err(code) = common::print(output) {
        return code;
    }
    if result.is_same() {
        Exit::Success
    } else {
        Exit::Differs
    }
}

/// Read both sides: two directories, or a directory at a git revision
/// (old) and in the working tree (new).
fn load(args: &Args) -> Result<(Loaded, Loaded), String> {
    let read = |dir: &PathBuf| -> Result<Loaded, String> {
        Ok(Loaded {
            label: dir.display().to_string(),
            sources: coex::fs::read_rule_set(dir).map_err(|e| e.to_string())?,
            check: format!("`coex check --rules {}`", dir.display()),
        })
    };
    if args.git.is_none() && args.rules.is_some() {
        return Err(
            "`--rules` goes with `--git REV`; to compare two directories, give them as OLD and NEW"
                .to_string(),
        );
    }
    match (&args.git, &args.old, &args.new) {
        (Some(rev), _, _) => {
            let dir = args.rules.clone().unwrap_or_else(|| PathBuf::from("rules"));
            let new = read(&dir)?;
            let old = Loaded {
                label: format!("{rev}:{}", dir.display()),
                sources: git::read_rule_set_at(rev, &dir)?,
                check: format!("`coex check` on a checkout of `{rev}`"),
            };
            Ok((old, new))
        }
        (None, Some(old), Some(new)) => Ok((read(old)?, read(new)?)),
        _ => Err("give two rule-set directories, OLD and NEW, or `--git REV`".to_string()),
    }
}

/// `coex diff --format json` (`docs/schema/diff.json`).
#[derive(serde::Serialize, schemars::JsonSchema)]
pub(super) struct Report<'a> {
    /// The version of this format.
    version: u32,
    /// The old rule set, as given.
    old: &'a str,
    new: &'a str,
    /// Whether every decision is unchanged.
    same: bool,
    summary: diff::Summary,
    decisions: &'a [diff::DecisionDiff],
    enums: &'a [diff::EnumDiff],
}
