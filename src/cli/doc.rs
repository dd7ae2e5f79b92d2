//! `coex doc`: write a rule set's web site (index, one page per decision,
//! history) into a directory.

use super::common::{self, RulesArg};
use super::exit::Exit;
use coex::diagnostic;
use coex::doc::{self, RuleSet};
use coex::model::CheckedModel;
use coex::source::Sources;
use coex::text::plural;
use coex::Compiled;
use std::path::{Path, PathBuf};

/// Write the rule set as a static web site: a page per decision that answers questions
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex doc -o site
  coex doc --rules my-rules -o site
  coex doc -o site --history rules/history

The site is index.html (the decisions, grouped by rule file, and the
vocabulary), DECISION.html for each decision (a question form, the table as
`coex table` lays it out, every row with its citation, the impossible inputs
and the examples) and history.html (what changed between dated rule sets).
Each page is self-contained: open it from disk or put it on any static host.
A question is a link: route.html#sender_mode=Islands&sender_client=Teams&...

The history is read from DIR/history/ for `--rules DIR`, or from
rules/history/ in the current directory for the shipped rule set, when that
directory exists; each subdirectory (such as 2019-06) is one dated rule set,
in name order.

Exit status: 0 written, 1 when the rule set has errors (failing `expect`
examples included) or a dated one cannot answer, 2 on a usage or I/O error.")]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// The directory to write the site into (created if missing)
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// A directory whose subdirectories are dated rule sets, oldest name first
    /// [default: DIR/history for --rules DIR, else rules/history]
    #[arg(long, value_name = "DIR")]
    history: Option<PathBuf>,
}

/// A dated rule set, read and compiled.
struct Dated {
    path: PathBuf,
    label: String,
    sources: Sources,
    compiled: Compiled,
}

pub fn run(args: Args) -> Exit {
    common::with_valid(&args.rules, |sources, model| {
        write_site(&args, sources, model)
    })
}

fn write_site(args: &Args, sources: &Sources, model: CheckedModel<'_>) -> Exit {
    let history = match read_history(args) {
        Ok(history) => history,
        Err(code) => return code,
    };
    let label = match &args.rules.rules {
        Some(dir) => dir.display().to_string(),
        None => "rules".to_string(),
    };
    let current = RuleSet {
        label: &label,
        model,
        sources,
    };
    let mut dated: Vec<RuleSet<'_>> = Vec::new();
    for h in &history {
        match h.compiled.checked() {
            Some(model) => dated.push(RuleSet {
                label: &h.label,
                model,
                sources: &h.sources,
            }),
            None => return refuse_dated(h),
        }
    }
    let pages = doc::site(current, &dated);
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        report!(
            "error: cannot create the directory `{}`: {e}",
            args.output.display()
        );
        return Exit::Usage;
    }
    for page in &pages {
        let path = args.output.join(&page.file);
        if let Err(e) = super::write::write_file(&path, page.html.as_bytes()) {
            report!("error: cannot write `{}`: {e}", path.display());
            return Exit::Usage;
        }
    }
    report!(
        "wrote {} to {}: index.html, {}, history.html ({}); open {}",
        plural(pages.len() as u64, "page", "pages"),
        args.output.display(),
        plural(
            model.decisions.len() as u64,
            "decision page",
            "decision pages"
        ),
        plural(dated.len() as u64, "dated rule set", "dated rule sets"),
        args.output.join("index.html").display()
    );
    Exit::Success
}

/// The dated rule sets: every subdirectory of the history directory, in
/// name order, each checked (failing examples allowed, as `coex diff`
/// allows them). No history directory is no history, unless it was named.
fn read_history(args: &Args) -> Result<Vec<Dated>, Exit> {
    let (dir, named) = match (&args.history, &args.rules.rules) {
        (Some(dir), _) => (dir.clone(), true),
        (None, Some(rules)) => (rules.join("history"), false),
        (None, None) => (PathBuf::from("rules/history"), false),
    };
    if !dir.is_dir() {
        if named {
            report!(
                "error: `{}` is not a directory; `--history` names a directory of dated rule sets, such as `rules/history`",
                dir.display()
            );
            return Err(Exit::Usage);
        }
        return Ok(Vec::new());
    }
    let mut sets: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            report!("error: cannot read `{}`: {e}", dir.display());
            return Err(Exit::Usage);
        }
    };
    sets.sort();
    sets.iter().map(|path| check_dated(path)).collect()
}

fn check_dated(path: &Path) -> Result<Dated, Exit> {
    let sources = coex::fs::read_rule_set(path).map_err(|e| {
        report!("error: {e}");
        Exit::Usage
    })?;
    let compiled = coex::compile(&sources);
    let label = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(Dated {
        path: path.to_path_buf(),
        label,
        sources,
        compiled,
    })
}

/// A dated rule set that cannot answer: its errors, and exit 1.
fn refuse_dated(dated: &Dated) -> Exit {
    let blocking = diagnostic::blocking(&dated.compiled.diagnostics);
    common::refuse(
        &dated.sources,
        &blocking,
        &format!(
            "the dated rule set `{}` has {}, so its changes cannot be shown",
            dated.path.display(),
            plural(blocking.len() as u64, "error", "errors")
        ),
    );
    report!(
        "help: fix it (`coex check --rules {}`), or name another history directory with `--history`",
        dated.path.display()
    );
    Exit::RulesHaveErrors
}
