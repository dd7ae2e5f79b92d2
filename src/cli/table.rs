//! `coex table`: a decision as a readable table, to compare with the
//! documents it was written from.

use super::common::{self, RulesArg};
use super::exit::Exit;
use coex::model::Model;
use coex::render::{self, Layout, Sections};

/// Print a decision as a table: one input across the columns, the others down the rows
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex table route
  coex table route --format markdown
  coex table route --sections none
  coex table route --expand
  coex table presence --columns scope --rows publisher_mode,watcher_client

By default the columns are the first input after the first that has the first
input's type (`route`: recipient_mode), else the first input; a decision with
four or more inputs gets one table per value of its last input (`route`: scope);
the other inputs form the rows. Columns that agree in every row are merged
(`SfBAny`), and so are rows that differ in one input only (`*`, `!TeamsOnly`).
Rows that are impossible in every column are listed under the table with the
reason; an impossible cell in a shown row prints `—`.

Exit status: 0 printed, 1 when the rule set cannot answer (failing `expect`
examples do not stop it), 2 on a usage error, a name the decision does not
have, or a table over the size limit.")]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// The decision to print, such as `route`
    decision: String,
    /// The input spread across the columns, one column per value
    #[arg(long, value_name = "INPUT")]
    columns: Option<String>,
    /// The inputs forming the rows, outermost first (then every input must be placed)
    #[arg(long, value_name = "INPUT,...", value_delimiter = ',')]
    rows: Option<Vec<String>>,
    /// The input splitting the table into one table per value, or `none`
    #[arg(long, value_name = "INPUT|none")]
    sections: Option<String>,
    /// One row per combination and one column per value, nothing merged:
    /// a changed answer shows as one changed cell (the review snapshots)
    #[arg(long)]
    expand: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Aligned plain text
    Text,
    /// GitHub Markdown tables
    Markdown,
}

pub fn run(args: Args) -> Exit {
    common::with_answerable(&args.rules, |_, model| show(&args, model.model()))
}

fn show(args: &Args, model: &Model) -> Exit {
    let layout = Layout {
        columns: args.columns.clone(),
        rows: args.rows.clone(),
        sections: match args.sections.clone() {
            None => Sections::Default,
            Some(name) if name.eq_ignore_ascii_case("none") => Sections::None,
            Some(name) => Sections::Input(name),
        },
        expand: args.expand,
    };
    match render::render(model, &args.decision, &layout) {
        Ok(table) => {
            let text = match args.format {
                Format::Text => table.text(),
                Format::Markdown => table.markdown(),
            };
            match common::print(text) {
                Ok(()) => Exit::Success,
                Err(code) => code,
            }
        }
        Err(error) => {
            report!("error: {error}");
            Exit::Usage
        }
    }
}
