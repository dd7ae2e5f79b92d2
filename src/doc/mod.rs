//! Checked model → a static web site of a rule set, the rule book as pages
//! (what `coex doc` writes):
//!
//! - `index.html`: every decision with its one-line doc, grouped by rule
//!   file; the vocabulary (enums with their values, aliases and docs; sets);
//! - one `DECISION.html` per decision ([`decision`]): a form that answers a
//!   question in the page (from the decision's lookup table, embedded as
//!   data, see [`data`]), its table laid out as `coex table` lays it out,
//!   each row's citation, the impossible inputs and the examples;
//! - `history.html` ([`history`]): the dated rule sets as a timeline, each
//!   step with the answers that changed (what `coex diff` reports).
//!
//! Pages are plain data, `(file name, HTML)`, with deterministic bytes; the
//! command line writes them. Every page is self-contained: its style and
//! script are inline, nothing is fetched, so the site works from `file://`.
//! No I/O.

mod data;
mod decision;
mod grid;
mod history;
mod html;
mod index;
mod style;

use crate::model::{CheckedModel, Decision};
use crate::source::Sources;

/// One rule set: a label (`2019-06`, or how the current set is named), its
/// checked model (free of errors) and its sources.
#[derive(Clone, Copy, Debug)]
pub struct RuleSet<'a> {
    /// The name the pages give the rule set, such as `2019-06`.
    pub label: &'a str,
    /// The rule set's model, free of errors.
    pub model: CheckedModel<'a>,
    /// The files the model was read from (for each row's file and line).
    pub sources: &'a Sources,
}

/// One file of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The file name, such as `route.html`.
    pub file: String,
    /// The whole page: HTML with its style and script inline.
    pub html: String,
}

/// The site of `current`, with `history` (dated rule sets, oldest first;
/// may be empty) on `history.html`.
pub fn site(current: RuleSet<'_>, history: &[RuleSet<'_>]) -> Vec<Page> {
    let mut pages = vec![Page {
        file: "index.html".to_string(),
        html: index::page(current),
    }];
    for (i, d) in current.model.decisions.iter().enumerate() {
        pages.push(Page {
            file: page_file(d),
            html: decision::page(current, i),
        });
    }
    pages.push(Page {
        file: "history.html".to_string(),
        html: history::page(current, history),
    });
    pages
}

/// A decision's page: `NAME.html`, or `NAME.decision.html` for a decision
/// named `index` or `history`, whose name the site's own pages take.
pub fn page_file(decision: &Decision) -> String {
    match decision.name.as_str() {
        "index" | "history" => format!("{}.decision.html", decision.name),
        name => format!("{name}.html"),
    }
}

/// The first paragraph of the `//` comment a rule file starts with
/// (lines joined with spaces), if it starts with one. `///` doc comments
/// belong to the item below them and are not a header.
fn header_comment(text: &str) -> Option<String> {
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some(comment) = line.strip_prefix("//") else {
            break;
        };
        if comment.starts_with('/') {
            break;
        }
        let comment = comment.trim();
        if comment.is_empty() {
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(comment);
    }
    (!lines.is_empty()).then(|| lines.join(" "))
}

#[cfg(test)]
mod tests {
    use super::header_comment;

    #[test]
    fn a_header_is_the_first_paragraph_of_the_leading_comment() {
        let text = "// History set 2019-06: one.\n// two.\n//\n// Next paragraph.\nenum A { x }\n";
        assert_eq!(
            header_comment(text).as_deref(),
            Some("History set 2019-06: one. two.")
        );
        assert_eq!(header_comment("/// A doc.\nenum A { x }\n"), None);
        assert_eq!(header_comment("enum A { x }\n// late\n"), None);
    }
}
